//! Asking every record of a filtered list for consent: pick a published form, confirm the
//! count, watch the job's progress, read how many were sent and why others were skipped.

use consentry_model::{
    FormId,
    consent::{BulkConsentRequest, BulkSendProgress, JobState},
    records::RecordFilter,
};
use leptos::{prelude::*, task::spawn_local};

use super::form::{FormProblem, FormState};
use crate::{
    api,
    i18n::{Msg, tr, use_i18n},
    timer::sleep,
};

/// A skip reason's words.
fn reason(code: &str) -> Msg {
    match code {
        "no_email" => Msg::SkipNoEmail,
        "stop_processing" => Msg::SkipStopProcessing,
        "subject_denied" => Msg::SkipDenied,
        "basis_not_consent" => Msg::SkipNotConsent,
        "compliance_disabled" => Msg::SkipCompliance,
        "email_channel_hidden" => Msg::SkipEmailHidden,
        "already_answered" => Msg::SkipAnswered,
        _ => Msg::SkipOther,
    }
}

/// The bulk consent request section of the record list.
#[component]
pub fn BulkConsent(
    filter: Memo<RecordFilter>,
    on_done: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let forms = LocalResource::new(|| async {
        api::forms().await.map(|forms| {
            forms
                .into_iter()
                .filter(|f| f.published.is_some())
                .collect::<Vec<_>>()
        })
    });
    let chosen = RwSignal::new(String::new());
    let form = FormState::default();
    let progress = RwSignal::new(None::<BulkSendProgress>);
    let start = move |_| {
        form.clear();
        let Some(form_id) = chosen.get_untracked().parse::<FormId>().ok().or_else(|| {
            forms
                .get_untracked()
                .and_then(Result::ok)
                .and_then(|f| f.first().map(|f| f.id))
        }) else {
            return;
        };
        let filter = filter.get_untracked();
        spawn_local(async move {
            let count = match api::count_records(&filter).await {
                Ok(c) => c.count,
                Err(failure) => return form.fail(failure),
            };
            let question = format!("{count} {}", i18n.t(Msg::ConfirmBulkConsent));
            let confirmed = web_sys::window()
                .and_then(|w| w.confirm_with_message(&question).ok())
                .unwrap_or(false);
            if !confirmed {
                return;
            }
            let request = BulkConsentRequest { filter, form_id };
            let mut current = match api::send_bulk_consent(&request).await {
                Ok(p) => p,
                Err(failure) => return form.fail(failure),
            };
            let id = current.id;
            progress.set(Some(current.clone()));
            while current.state == JobState::Running {
                sleep(300).await;
                current = match api::bulk_consent_progress(id).await {
                    Ok(p) => p,
                    Err(failure) => return form.fail(failure),
                };
                progress.set(Some(current.clone()));
            }
            on_done();
        });
    };
    view! {
        <section class="card wide" aria-labelledby="bulk-consent-title">
            <h2 id="bulk-consent-title">{tr(Msg::BulkConsentTitle)}</h2>
            <p class="hint">{tr(Msg::BulkConsentIntro)}</p>
            <FormProblem form />
            {move || match forms.get() {
                Some(Ok(list)) if !list.is_empty() => view! {
                    <div class="inline-form">
                        <div class="field">
                            <label for="bulk-consent-form">{tr(Msg::FormToSend)}</label>
                            <select id="bulk-consent-form" bind:value=chosen>
                                {list.into_iter().map(|f| view! {
                                    <option value=f.id.to_string()>{f.name}</option>
                                }).collect_view()}
                            </select>
                        </div>
                        <button type="button" on:click=start>{tr(Msg::SendConsentRequest)}</button>
                    </div>
                }
                .into_any(),
                Some(_) => view! { <p class="hint">{tr(Msg::NoPublishedForms)}</p> }.into_any(),
                None => ().into_any(),
            }}
            {move || progress.get().map(|p| {
                let skipped = p
                    .skipped
                    .iter()
                    .map(|(code, n)| format!("{} {n}", i18n.t(reason(code))))
                    .collect::<Vec<_>>()
                    .join(", ");
                view! {
                    <label for="bulk-consent-progress">{tr(Msg::BulkConsentProgress)}</label>
                    <progress id="bulk-consent-progress" max=p.total.max(1) value=p.processed>
                        {p.processed}" / "{p.total}
                    </progress>
                    <p role="status" id="bulk-consent-result">
                        {tr(Msg::BulkConsentSent)}" "{p.sent}
                        {(!skipped.is_empty()).then(|| view! { " · "{tr(Msg::BulkConsentSkipped)}" "{skipped.clone()} })}
                    </p>
                }
            })}
        </section>
    }
}
