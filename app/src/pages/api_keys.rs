//! `/admin/setup/api-keys`: API keys for integrators (permission: Manage API Keys). A new
//! key's secret is shown once; keys can be revoked.

use consentry_model::{
    api_keys::{ApiKey, ApiKeyCreated, NewApiKey, Scope},
    records::parse_short_text,
};
use leptos::{ev::SubmitEvent, prelude::*, task::spawn_local};

use crate::{
    api,
    components::{
        form::{FormProblem, FormState, TextField},
        notice::{LoadFailed, Loading, Success},
    },
    format_time,
    i18n::{Msg, tr, use_i18n},
};

/// The keys, the form that makes one, and the secret of the one just made.
#[component]
pub fn ApiKeysPage() -> impl IntoView {
    let keys = LocalResource::new(api::api_keys);
    let created = RwSignal::new(None::<ApiKeyCreated>);
    let done = RwSignal::new(None::<Msg>);
    let problems = FormState::default();
    view! {
        <h1>{tr(Msg::ApiKeysTitle)}</h1>
        <p class="lead">{tr(Msg::ApiKeysIntro)}</p>
        <Success message=done />
        <FormProblem form=problems />
        {move || created.get().map(|c| view! {
            <section class="card notice success" aria-labelledby="new-key-title" id="new-key">
                <h2 id="new-key-title">{tr(Msg::ApiKeyShownOnce)}</h2>
                <p><code id="new-key-secret">{c.secret}</code></p>
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
    }
}

fn scope_name(scope: Scope) -> Msg {
    match scope {
        Scope::RecordsRead => Msg::ScopeRecordsRead,
        Scope::RecordsWrite => Msg::ScopeRecordsWrite,
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
    let rows = list
        .into_iter()
        .map(|key| {
            let id = key.id;
            let revoke = move |_| {
                let confirmed = web_sys::window()
                    .and_then(|w| w.confirm_with_message(i18n.t(Msg::ConfirmRevokeKey)).ok())
                    .unwrap_or(false);
                if !confirmed {
                    return;
                }
                problems.clear();
                spawn_local(async move {
                    match api::revoke_api_key(id).await {
                        Ok(_) => on_revoked(),
                        Err(failure) => problems.fail(failure),
                    }
                });
            };
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
                                <button type="button" class="danger" on:click=revoke>
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
