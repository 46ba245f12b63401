//! Asking one record for consent by e-mail: pick a published form and a message, send.

use consentry_model::{
    FormId, RecordId, TemplateId,
    consent::{ConsentRequest, DeliveryStatus, RequestDelivery},
};
use leptos::{prelude::*, task::spawn_local};
use leptos_router::components::A;

use crate::{
    api::{self, ApiFailure},
    i18n::{Msg, tr, use_i18n},
    timer::sleep,
};

/// Choose a published consent form and the message carrying its link, and press Send: the
/// picker both consent-request sections use. It starts at the form and message this browser
/// sent last (while both still exist), else at the template written in the organisation's
/// language. Without a published form it says to publish one first.
#[component]
pub fn PublishedFormPicker(
    /// Prefix of the selects' ids.
    id: &'static str,
    /// Called with the chosen form and template (`None`: the built-in message).
    on_send: Callback<(FormId, Option<TemplateId>)>,
) -> impl IntoView {
    let forms = LocalResource::new(|| async {
        api::forms().await.map(|forms| {
            forms
                .into_iter()
                .filter(|f| f.published.is_some())
                .collect::<Vec<_>>()
        })
    });
    let templates = LocalResource::new(api::templates);
    let (last_form, last_template) = last_sent();
    // Nothing sent from this browser yet, or the template it used is gone: the template
    // written in the organisation's language, if there is one.
    let remembered = (!last_form.is_empty()).then(|| last_template.clone());
    let chosen = RwSignal::new(last_form);
    let template = RwSignal::new(last_template);
    let language = crate::use_auth()
        .session
        .with_untracked(|s| s.as_ref().map(|s| s.organisation.language.clone()));
    // The select shows the form it sends: the remembered one while published, else the first.
    Effect::new(move || {
        forms.with(|loaded| {
            let Some(Ok(list)) = loaded else { return };
            let current = chosen.get_untracked();
            if !list.iter().any(|f| f.id.to_string() == current)
                && let Some(first) = list.first()
            {
                chosen.set(first.id.to_string());
            }
        });
    });
    Effect::new(move || {
        templates.with(|loaded| {
            let Some(Ok(list)) = loaded else { return };
            let still_there = remembered
                .as_ref()
                .is_some_and(|id| id.is_empty() || list.iter().any(|t| t.id.to_string() == *id));
            if !still_there && let Some(t) = list.iter().find(|t| t.content.language == language) {
                template.set(t.id.to_string());
            }
        });
    });
    let send = move |_| {
        // Checked again as sent: a form unpublished meanwhile gives way to the first one, a
        // template deleted meanwhile to the built-in message.
        let published = forms
            .get_untracked()
            .and_then(Result::ok)
            .unwrap_or_default();
        let form = chosen
            .get_untracked()
            .parse::<FormId>()
            .ok()
            .filter(|id| published.iter().any(|f| f.id == *id))
            .or_else(|| published.first().map(|f| f.id));
        if let Some(form) = form {
            let message = template
                .get_untracked()
                .parse::<TemplateId>()
                .ok()
                .filter(|id| {
                    templates
                        .get_untracked()
                        .and_then(Result::ok)
                        .is_some_and(|list| list.iter().any(|t| t.id == *id))
                });
            remember_sent(form, message);
            on_send.run((form, message));
        }
    };
    let select_id = format!("{id}-form");
    let template_id = format!("{id}-template");
    move || {
        match forms.get() {
        Some(Ok(list)) if !list.is_empty() => view! {
            <div class="inline-form">
                <div class="field">
                    <label for=select_id.clone()>{tr(Msg::FormToSend)}</label>
                    <select id=select_id.clone() bind:value=chosen>
                        {list.into_iter().map(|f| view! {
                            <option value=f.id.to_string() selected=chosen.get_untracked() == f.id.to_string()>
                                {f.name}
                            </option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for=template_id.clone()>{tr(Msg::TemplateToSend)}</label>
                    <select id=template_id.clone() bind:value=template>
                        <option value="">{tr(Msg::BuiltInMessage)}</option>
                        {move || templates.get().and_then(Result::ok).unwrap_or_default()
                            .into_iter()
                            .map(|t| view! {
                                <option value=t.id.to_string() selected=template.get_untracked() == t.id.to_string()>
                                    {t.content.name}
                                </option>
                            })
                            .collect_view()}
                    </select>
                </div>
                <button type="button" on:click=send>{tr(Msg::SendConsentRequest)}</button>
            </div>
        }
        .into_any(),
        Some(_) => view! {
            <p class="hint">
                <A href="/admin/setup/forms">{tr(Msg::NoPublishedForms)}</A>
            </p>
        }
        .into_any(),
        None => ().into_any(),
    }
    }
}

/// The "Ask for consent by e-mail" section of a record. What happened is told through
/// `flash`, which the record page keeps across the reloads that follow: queued first, then
/// delivered or not (the record moves to Waiting only once the SMTP server accepted the mail).
#[component]
pub fn ConsentRequestSection(
    id: RecordId,
    reload: impl Fn() + Copy + Send + Sync + 'static,
    flash: RwSignal<Option<Msg>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let failed = RwSignal::new(None::<ApiFailure>);
    let send = Callback::new(
        move |(form_id, template_id): (FormId, Option<TemplateId>)| {
            flash.set(None);
            failed.set(None);
            let request = ConsentRequest {
                form_id,
                template_id,
            };
            spawn_local(async move {
                let sent = match api::send_consent_request(id, &request).await {
                    Ok(sent) => sent,
                    Err(failure) => return failed.set(Some(failure)),
                };
                if sent.delivery == DeliveryStatus::Stored {
                    flash.set(Some(Msg::ConsentRequestStoredMsg));
                    return reload();
                }
                flash.set(Some(Msg::ConsentRequestQueuedMsg));
                reload();
                // Then what happened: delivered, or not (retried meanwhile).
                for _ in 0..30 {
                    sleep(1000).await;
                    let Ok(record) = api::record(id).await else {
                        continue;
                    };
                    let outcome = match record.consent_request {
                        Some(RequestDelivery::Delivered { message_id, .. })
                            if message_id == sent.message_id =>
                        {
                            Msg::ConsentRequestDeliveredMsg
                        }
                        Some(RequestDelivery::Failed { message_id, .. })
                            if message_id == sent.message_id =>
                        {
                            Msg::ConsentRequestFailedMsg
                        }
                        _ => continue,
                    };
                    flash.set(Some(outcome));
                    return reload();
                }
                reload();
            });
        },
    );
    view! {
        <section class="card" aria-labelledby="consent-request-title">
            <h2 id="consent-request-title">{tr(Msg::ConsentRequestTitle)}</h2>
            <p class="hint">{tr(Msg::ConsentRequestHint)}</p>
            <div role="alert">
                {move || failed.get().map(|f| view! { <p class="notice error">{f.message(i18n.lang())}</p> })}
            </div>
            <PublishedFormPicker id="consent-request" on_send=send />
        </section>
    }
}

const LAST_SENT_KEY: &str = "consentry.last-consent-request";

/// The form and template (empty: the built-in message) this browser last sent a consent
/// request with.
fn last_sent() -> (String, String) {
    crate::remembered::get(LAST_SENT_KEY)
        .and_then(|v| {
            v.split_once(' ')
                .map(|(form, template)| (form.to_owned(), template.to_owned()))
        })
        .unwrap_or_default()
}

fn remember_sent(form: FormId, template: Option<TemplateId>) {
    let template = template.map(|t| t.to_string()).unwrap_or_default();
    crate::remembered::set(LAST_SENT_KEY, &format!("{form} {template}"));
}
