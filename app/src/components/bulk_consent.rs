//! Asking every record of a filtered list for consent: pick a published form, confirm the
//! count, watch the job's progress, read how many were queued, delivered or not delivered
//! (updated while the mail sender works through them) and why others were skipped.

use consentry_model::{
    FormId, TemplateId,
    consent::{BulkConsentRequest, BulkSendProgress, JobState},
    records::RecordFilter,
};
use consentry_ui::ConfirmDialog;
use leptos::{prelude::*, task::spawn_local};
use leptos_router::components::A;

use super::{
    consent_request::PublishedFormPicker,
    form::{FormProblem, FormState},
};
use crate::{
    api,
    i18n::{Msg, skip_reason, tr, use_i18n},
    timer::sleep,
};

/// The bulk consent request section of the record list.
#[component]
pub fn BulkConsent(
    filter: Memo<RecordFilter>,
    on_done: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let form = FormState::default();
    let progress = RwSignal::new(None::<BulkSendProgress>);
    // The request to confirm, with how many records the list holds now.
    let pending = RwSignal::new(None::<(BulkConsentRequest, u64)>);
    let open = RwSignal::new(false);
    let start = Callback::new(
        move |(form_id, template_id): (FormId, Option<TemplateId>)| {
            form.clear();
            let filter = filter.get_untracked();
            spawn_local(async move {
                let count = match api::count_records(&filter).await {
                    Ok(c) => c.count,
                    Err(failure) => return form.fail(failure),
                };
                let request = BulkConsentRequest {
                    filter,
                    form_id,
                    template_id,
                };
                pending.set(Some((request, count)));
                open.set(true);
            });
        },
    );
    let send = Callback::new(move |()| {
        let Some((request, _)) = pending.get_untracked() else {
            return;
        };
        spawn_local(async move {
            let mut current = match api::send_bulk_consent(&request).await {
                Ok(p) => p,
                Err(failure) => return form.fail(failure),
            };
            let id = current.id;
            progress.set(Some(current.clone()));
            // Also after the job's pass: its messages are still on their way.
            while current.in_progress() {
                sleep(500).await;
                current = match api::bulk_consent_progress(id).await {
                    Ok(p) => p,
                    Err(failure) => return form.fail(failure),
                };
                progress.set(Some(current.clone()));
            }
            on_done();
        });
    });
    let count = move || pending.with(|p| p.as_ref().map_or(0, |(_, n)| *n));
    let title = Signal::derive(move || format!("{} {}", count(), i18n.t(Msg::ConfirmBulkConsent)));
    let confirm_label =
        Signal::derive(move || format!("{} ({})", i18n.t(Msg::SendConsentRequests), count()));
    let cancel_label = Signal::derive(move || i18n.t(Msg::Cancel).to_owned());
    view! {
        <ConfirmDialog id="bulk-consent-confirm" open title confirm_label cancel_label on_confirm=send>
            <p>{tr(Msg::BulkConsentConfirmBody)}</p>
        </ConfirmDialog>
        <section class="card wide" aria-labelledby="bulk-consent-title">
            <h2 id="bulk-consent-title">{tr(Msg::BulkConsentTitle)}</h2>
            <p class="hint">{tr(Msg::BulkConsentIntro)}</p>
            <FormProblem form />
            <PublishedFormPicker id="bulk-consent" on_send=start />
            {move || progress.get().map(|p| {
                let skipped = p
                    .skipped
                    .iter()
                    .map(|(code, n)| format!("{} {n}", i18n.t(skip_reason(code))))
                    .collect::<Vec<_>>()
                    .join(", ");
                view! {
                    <label for="bulk-consent-progress">{tr(Msg::BulkConsentProgress)}</label>
                    <progress id="bulk-consent-progress" max=p.total.max(1) value=p.processed>
                        {p.processed}" / "{p.total}
                    </progress>
                    <p role="status" id="bulk-consent-result">
                        {tr(Msg::BulkConsentRequested)}" "{p.requested}
                        {(p.queued > 0).then(|| view! { " · "{tr(Msg::BulkConsentQueued)}" "{p.queued} })}
                        {(p.stored > 0).then(|| view! { " · "{tr(Msg::BulkConsentStored)}" "{p.stored} })}
                        " · "{tr(Msg::BulkConsentDelivered)}" "{p.delivered}
                        " · "{tr(Msg::BulkConsentFailed)}" "<span id="bulk-consent-failed">{p.failed}</span>
                        {(!skipped.is_empty()).then(|| view! { " · "{tr(Msg::BulkConsentSkipped)}" "{skipped.clone()} })}
                    </p>
                    {(p.state == JobState::Interrupted).then(|| view! {
                        <p class="notice error" id="bulk-consent-interrupted">
                            {tr(Msg::BulkConsentInterrupted)}" "
                            <A href="/admin/setup/outbox">{tr(Msg::NavOutbox)}</A>
                        </p>
                    })}
                    {(p.failed > 0 && !p.in_progress()).then(|| view! {
                        <p class="notice error" id="bulk-consent-undelivered">
                            {tr(Msg::BulkConsentUndelivered)}" "
                            <A href="/admin/setup/outbox">{tr(Msg::NavOutbox)}</A>
                        </p>
                    })}
                }
            })}
        </section>
    }
}
