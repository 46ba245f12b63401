//! `/admin/setup/api-keys`: API keys and webhooks for integrators (permission: Manage API
//! Keys). A new key's or webhook's secret is shown once; keys can be revoked, webhooks
//! removed, and every delivery is listed with the receiver's answer (or why there was none);
//! a dead delivery can be retried.

use consentry_model::{
    api_keys::{ApiKey, ApiKeyCreated, NewApiKey, Scope},
    records::parse_short_text,
    webhooks::{
        DeliveryFailure, DeliveryState, NewWebhook, WebhookCreated, WebhookDelivery, WebhookEvent,
    },
};
use leptos::{ev::SubmitEvent, prelude::*, task::spawn_local};

use crate::components::title::page_title;
use crate::{
    api,
    components::{
        confirm::{Asking, ConfirmAction},
        copy::CopyButton,
        form::{FormProblem, FormState, TextField},
        notice::{LoadFailed, Loading, Success},
    },
    format_time,
    i18n::{Msg, tr, use_i18n},
};

/// The keys, the form that makes one, and the secret of the one just made.
#[component]
pub fn ApiKeysPage() -> impl IntoView {
    page_title(Msg::ApiKeysTitle);
    let keys = LocalResource::new(api::api_keys);
    let created = RwSignal::new(None::<ApiKeyCreated>);
    let done = RwSignal::new(None::<Msg>);
    let problems = FormState::default();
    view! {
        <h1>{tr(Msg::ApiKeysTitle)}</h1>
        <p class="lead">{tr(Msg::ApiKeysIntro)}</p>
        <p><a href="/api/docs" rel="external">{tr(Msg::ApiReference)}</a></p>
        <Success message=done />
        <FormProblem form=problems />
        {move || created.get().map(|c| view! {
            <section class="card notice success" aria-labelledby="new-key-title" id="new-key">
                <h2 id="new-key-title">{tr(Msg::ApiKeyShownOnce)}</h2>
                <p><code id="new-key-secret">{c.secret.clone()}</code>" "<CopyButton text=c.secret what=Msg::ApiKeyPrefix /></p>
                <p class="hint">{tr(Msg::ApiKeyUsage)}</p>
            </section>
        })}
        {move || match keys.get() {
            None => view! { <Loading /> }.into_any(),
            Some(Err(failure)) => view! { <LoadFailed failure /> }.into_any(),
            Some(Ok(list)) => view! {
                <KeyTable list on_revoked=move || {
                    done.set(Some(Msg::ApiKeyRevoked));
                    keys.refetch();
                } problems />
            }
            .into_any(),
        }}
        <NewKeyForm on_created=move |c| {
            created.set(Some(c));
            keys.refetch();
        } />
        <Webhooks />
    }
}

fn event_name(event: WebhookEvent) -> Msg {
    match event {
        WebhookEvent::ConsentChanged => Msg::EventConsentChanged,
        WebhookEvent::BasisChanged => Msg::EventBasisChanged,
        WebhookEvent::DsrCreated => Msg::EventDsrCreated,
        WebhookEvent::DsrCompleted => Msg::EventDsrCompleted,
        WebhookEvent::RecordErased => Msg::EventRecordErased,
        WebhookEvent::AuditCheckpoint => Msg::EventAuditCheckpoint,
    }
}

fn failure_name(failure: DeliveryFailure) -> Msg {
    match failure {
        DeliveryFailure::TargetNotAllowed => Msg::FailureTargetNotAllowed,
        DeliveryFailure::Connect => Msg::FailureConnect,
        DeliveryFailure::Timeout => Msg::FailureTimeout,
        DeliveryFailure::Redirected => Msg::FailureRedirected,
        DeliveryFailure::Payload => Msg::FailurePayload,
    }
}

/// The webhook subscriptions, the form that makes one, and the delivery log.
#[component]
fn Webhooks() -> impl IntoView {
    let i18n = use_i18n();
    let hooks = LocalResource::new(api::webhooks);
    let log = LocalResource::new(api::webhook_deliveries);
    let created = RwSignal::new(None::<WebhookCreated>);
    let url = RwSignal::new(String::new());
    let events = RwSignal::new(Vec::<WebhookEvent>::new());
    let form = FormState::default();
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        form.clear();
        let new = NewWebhook {
            url: url.get_untracked(),
            events: events.get_untracked(),
        };
        spawn_local(async move {
            match api::create_webhook(&new).await {
                Ok(made) => {
                    created.set(Some(made));
                    url.set(String::new());
                    hooks.refetch();
                }
                Err(failure) => form.fail(failure),
            }
        });
    };
    let retried = RwSignal::new(None::<Msg>);
    let retry = move |delivery: WebhookDelivery| {
        form.clear();
        retried.set(None);
        spawn_local(async move {
            match api::retry_webhook_delivery(delivery.webhook, delivery.id).await {
                Ok(_) => {
                    retried.set(Some(Msg::DeliveryRetried));
                    log.refetch();
                }
                Err(failure) => form.fail(failure),
            }
        });
    };
    let asking = Asking::new();
    let remove = Callback::new(move |id| {
        form.clear();
        spawn_local(async move {
            match api::delete_webhook(id).await {
                Ok(()) => hooks.refetch(),
                Err(failure) => form.fail(failure),
            }
        });
    });
    view! {
        <ConfirmAction
            id="remove-webhook-confirm"
            asking
            action=Msg::Remove
            consequence=Msg::ConfirmRemoveWebhook
            on_confirm=remove
        />
        <section class="card wide" aria-labelledby="webhooks-title">
            <h2 id="webhooks-title">{tr(Msg::WebhooksTitle)}</h2>
            <p class="hint">{tr(Msg::WebhooksIntro)}</p>
            <FormProblem form />
            <Success message=retried />
            {move || created.get().map(|c| view! {
                <div class="notice success" id="new-webhook">
                    <p><strong>{tr(Msg::WebhookSecretOnce)}</strong></p>
                    <p><code id="new-webhook-secret">{c.secret.clone()}</code>" "<CopyButton text=c.secret what=Msg::SigningSecret /></p>
                </div>
            })}
            {move || hooks.get().and_then(Result::ok).map(|list| view! {
                <ul class="plain" id="webhooks">
                    {list.into_iter().map(|hook| {
                        let id = hook.id;
                        let url_text = hook.url.clone();
                        let ask = {
                            let url = hook.url.clone();
                            move |_| asking.ask(id, url.clone())
                        };
                        view! {
                            <li>
                                <code>{hook.url.clone()}</code>" · "
                                {move || hook.events.iter().map(|e| e.code()).collect::<Vec<_>>().join(", ")}" "
                                {hook.legacy_secret.then(|| view! {
                                    <span class="badge">{tr(Msg::WebhookLegacySecret)}</span>" "
                                })}
                                <button type="button" class="danger" on:click=ask>
                                    {tr(Msg::Remove)}<span class="visually-hidden">" · "{url_text}</span>
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            })}
            <form on:submit=submit novalidate>
                <TextField name="url" label=Msg::WebhookUrl value=url form input_type="url" />
                <fieldset>
                    <legend>{tr(Msg::WebhookEvents)}</legend>
                    {WebhookEvent::ALL.into_iter().map(|event| {
                        let id = format!("event-{}", event.code().replace('.', "-"));
                        view! {
                            <div class="choice">
                                <input type="checkbox" id=id.clone()
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        events.update(|e| {
                                            e.retain(|x| *x != event);
                                            if on {
                                                e.push(event);
                                            }
                                        });
                                    } />
                                <label for=id><code>{event.code()}</code>" · "{tr(event_name(event))}</label>
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
                <button type="submit" class="primary">{tr(Msg::AddWebhook)}</button>
            </form>
            <h3>{tr(Msg::DeliveryLog)}" "
                <button type="button" class="link" on:click=move |_| log.refetch()>{tr(Msg::Refresh)}</button>
            </h3>
            {move || log.get().and_then(Result::ok).map(|list| view! {
                <table class="data" id="webhook-deliveries">
                    <thead>
                        <tr>
                            <th scope="col">{tr(Msg::WebhookEvents)}</th>
                            <th scope="col">{tr(Msg::DeliveryState)}</th>
                            <th scope="col">{tr(Msg::Attempts)}</th>
                            <th scope="col">{tr(Msg::ReceiverAnswer)}</th>
                            <th scope="col">{tr(Msg::CreatedLabel)}</th>
                            <th scope="col"><span class="visually-hidden">{tr(Msg::RetryDelivery)}</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        {list.into_iter().map(|d| {
                            let state = match d.state {
                                DeliveryState::Pending => Msg::DeliveryPending,
                                DeliveryState::Delivered => Msg::DeliveryDelivered,
                                DeliveryState::Dead => Msg::DeliveryDead,
                            };
                            let status = d.last_status.map(|s| s.to_string());
                            let failure = d.failure.map(failure_name);
                            let answer = move || match (status.clone(), failure) {
                                (Some(s), Some(f)) => format!("{s} · {}", i18n.t(f)),
                                (Some(s), None) => s,
                                (None, Some(f)) => i18n.t(f).to_owned(),
                                (None, None) => String::new(),
                            };
                            let event = d.event.code();
                            let dead = (d.state == DeliveryState::Dead).then(|| d.clone());
                            view! {
                                <tr>
                                    <td><code>{event}</code></td>
                                    <td>{move || i18n.t(state)}</td>
                                    <td>{d.attempts}</td>
                                    <td>{answer}</td>
                                    <td>{format_time(d.created_at)}</td>
                                    <td>{dead.map(|delivery| view! {
                                        <button type="button" on:click=move |_| retry(delivery.clone())>
                                            {tr(Msg::RetryDelivery)}<span class="visually-hidden">" · "{event}</span>
                                        </button>
                                    })}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            })}
        </section>
    }
}

fn scope_name(scope: Scope) -> Msg {
    match scope {
        Scope::RecordsRead => Msg::ScopeRecordsRead,
        Scope::RecordsWrite => Msg::ScopeRecordsWrite,
        Scope::ConsentRead => Msg::ScopeConsentRead,
        Scope::ConsentWrite => Msg::ScopeConsentWrite,
        Scope::DsrRead => Msg::ScopeDsrRead,
        Scope::DsrWrite => Msg::ScopeDsrWrite,
        Scope::SettingsRead => Msg::ScopeSettingsRead,
    }
}

#[component]
fn KeyTable(
    list: Vec<ApiKey>,
    on_revoked: impl Fn() + Copy + Send + Sync + 'static,
    problems: FormState,
) -> impl IntoView {
    let i18n = use_i18n();
    if list.is_empty() {
        return view! { <p class="hint">{tr(Msg::NoApiKeys)}</p> }.into_any();
    }
    let asking = Asking::new();
    let revoke = Callback::new(move |id| {
        problems.clear();
        spawn_local(async move {
            match api::revoke_api_key(id).await {
                Ok(_) => on_revoked(),
                Err(failure) => problems.fail(failure),
            }
        });
    });
    let rows = list
        .into_iter()
        .map(|key| {
            let id = key.id;
            let named = key.name.clone();
            let ask = move |_| asking.ask(id, named.clone());
            let scopes = key.scopes.clone();
            let revoked = key.revoked_at;
            let name = key.name.clone();
            view! {
                <tr>
                    <th scope="row">{key.name.clone()}</th>
                    <td><code>{key.prefix.clone()}"…"</code></td>
                    <td>{move || scopes.iter().map(|s| s.code()).collect::<Vec<_>>().join(", ")}</td>
                    <td>{key.created_by.clone()}<br /><span class="muted">{format_time(key.created_at)}</span></td>
                    <td>{key.last_used_at.map_or_else(|| i18n.t(Msg::NeverUsed).to_owned(), format_time)}</td>
                    <td>
                        {match revoked {
                            Some(at) => view! { <span class="badge">{tr(Msg::Revoked)}" "{format_time(at)}</span> }.into_any(),
                            None => view! {
                                <button type="button" class="danger" on:click=ask.clone()>
                                    {tr(Msg::Revoke)}<span class="visually-hidden">" · "{name}</span>
                                </button>
                            }.into_any(),
                        }}
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <ConfirmAction
            id="revoke-key-confirm"
            asking
            action=Msg::Revoke
            consequence=Msg::ConfirmRevokeKey
            on_confirm=revoke
        />
        <table class="data" id="api-keys">
            <thead>
                <tr>
                    <th scope="col">{tr(Msg::Name)}</th>
                    <th scope="col">{tr(Msg::ApiKeyPrefix)}</th>
                    <th scope="col">{tr(Msg::Scopes)}</th>
                    <th scope="col">{tr(Msg::CreatedLabel)}</th>
                    <th scope="col">{tr(Msg::LastUsed)}</th>
                    <th scope="col"><span class="visually-hidden">{tr(Msg::Revoke)}</span></th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}

#[component]
fn NewKeyForm(on_created: impl Fn(ApiKeyCreated) + Copy + Send + Sync + 'static) -> impl IntoView {
    let name = RwSignal::new(String::new());
    let scopes = RwSignal::new(Vec::<Scope>::new());
    let form = FormState::default();
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        form.clear();
        let Some(Some(name)) = form.check("name", parse_short_text(&name.get_untracked())) else {
            if form.field("name").is_none() {
                form.check::<()>("name", Err(consentry_model::FieldError::Empty));
            }
            return;
        };
        let new = NewApiKey {
            name,
            scopes: scopes.get_untracked(),
        };
        spawn_local(async move {
            match api::create_api_key(&new).await {
                Ok(created) => on_created(created),
                Err(failure) => form.fail(failure),
            }
        });
    };
    view! {
        <section class="card" aria-labelledby="new-key-form-title">
            <h2 id="new-key-form-title">{tr(Msg::CreateApiKey)}</h2>
            <FormProblem form />
            <form on:submit=submit novalidate>
                <TextField name="name" label=Msg::ApiKeyName value=name form />
                <fieldset>
                    <legend>{tr(Msg::Scopes)}</legend>
                    {Scope::ALL.into_iter().map(|scope| {
                        let id = format!("scope-{}", scope.code().replace(':', "-"));
                        view! {
                            <div class="choice">
                                <input type="checkbox" id=id.clone()
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        scopes.update(|s| {
                                            s.retain(|x| *x != scope);
                                            if on {
                                                s.push(scope);
                                            }
                                        });
                                    } />
                                <label for=id><code>{scope.code()}</code>" · "{tr(scope_name(scope))}</label>
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
                <button type="submit" class="primary">{tr(Msg::CreateApiKey)}</button>
            </form>
        </section>
    }
}
