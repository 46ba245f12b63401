//! Asking every record of a filtered list for consent: pick a published form, confirm the
//! count, watch the job's progress, read how many were queued, delivered or not delivered
//! (updated while the mail sender works through them) and why others were skipped.

use chrono::{DateTime, NaiveDateTime, SecondsFormat, Utc};
use consentry_model::{
    FieldError, FormId, TemplateId,
    consent::{BulkConsentRequest, BulkSendProgress, JobState},
    records::RecordFilter,
};
use consentry_ui::ConfirmDialog;
use leptos::{prelude::*, task::spawn_local};
use leptos_router::components::A;

use super::{
    consent_request::PublishedFormPicker,
    form::{FormProblem, FormState, TextField},
    progress::Progress,
};
use crate::{
    api, format_time,
    i18n::{Msg, skip_reason, tr, use_i18n},
    timer::sleep,
};

/// Progress checks the server may leave unanswered (while it restarts) before giving up.
const MAX_UNANSWERED: u32 = 60;

/// A `datetime-local` value read as UTC (the app shows every time in UTC); `Some(None)` when
/// left empty, `None` when it is not a time.
fn parse_utc(value: &str) -> Option<Option<DateTime<Utc>>> {
    let value = value.trim();
    if value.is_empty() {
        return Some(None);
    }
    // A `datetime-local` input writes "2026-12-06T10:15", with ":30" seconds only when set.
    let with_seconds = if value.matches(':').count() == 1 {
        format!("{value}:00")
    } else {
        value.to_owned()
    };
    with_seconds
        .parse::<NaiveDateTime>()
        .ok()
        .map(|at| Some(at.and_utc()))
}

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
    // Records asked since this time are skipped (asking the rest of a cut-off list).
    let skip_since = RwSignal::new(String::new());
    // Counts the list and asks to confirm.
    let confirm = move |request: BulkConsentRequest| {
        spawn_local(async move {
            let count = match api::count_records(&request.filter).await {
                Ok(c) => c.count,
                Err(failure) => return form.fail(failure),
            };
            pending.set(Some((request, count)));
            open.set(true);
        });
    };
    let start = Callback::new(
        move |(form_id, template_id): (FormId, Option<TemplateId>)| {
            form.clear();
            let Some(skip_asked_since) = form.check(
                "skip_asked_since",
                parse_utc(&skip_since.get_untracked()).ok_or(FieldError::Date),
            ) else {
                return;
            };
            confirm(BulkConsentRequest {
                filter: filter.get_untracked(),
                form_id,
                template_id,
                skip_asked_since,
            });
        },
    );
    // The same list, form and template again, skipping whoever the cut-off send reached.
    let ask_rest = move |started_at: DateTime<Utc>| {
        let Some((request, _)) = pending.get_untracked() else {
            return;
        };
        form.clear();
        // As a `datetime-local` input writes it: "2026-12-06T10:15".
        skip_since.set(started_at.to_rfc3339_opts(SecondsFormat::Secs, true)[..16].to_owned());
        confirm(BulkConsentRequest {
            skip_asked_since: Some(started_at),
            ..request
        });
    };
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
            // Also after the job's pass: its messages are still on their way. A server that
            // restarts meanwhile is waited for (its job is then found interrupted).
            let mut unanswered = 0;
            while current.in_progress() {
                sleep(if unanswered == 0 { 500 } else { 2_000 }).await;
                current = match api::bulk_consent_progress(id).await {
                    Ok(p) => {
                        unanswered = 0;
                        p
                    }
                    Err(failure) if failure.is_unavailable() && unanswered < MAX_UNANSWERED => {
                        unanswered += 1;
                        continue;
                    }
                    Err(failure) => return form.fail(failure),
                };
                progress.set(Some(current.clone()));
            }
            on_done();
        });
    });
    let count = move || pending.with(|p| p.as_ref().map_or(0, |(_, n)| *n));
    let skipping_since = move || {
        pending.with(|p| {
            p.as_ref()
                .and_then(|(r, _)| r.skip_asked_since)
                .map(format_time)
        })
    };
    let title = Signal::derive(move || format!("{} {}", count(), i18n.t(Msg::ConfirmBulkConsent)));
    let confirm_label =
        Signal::derive(move || format!("{} ({})", i18n.t(Msg::SendConsentRequests), count()));
    let cancel_label = Signal::derive(move || i18n.t(Msg::Cancel).to_owned());
    view! {
        <ConfirmDialog id="bulk-consent-confirm" open title confirm_label cancel_label on_confirm=send>
            <p>{tr(Msg::BulkConsentConfirmBody)}</p>
            {move || skipping_since().map(|since| view! {
                <p id="bulk-consent-skipping">{tr(Msg::BulkConsentSkippingSince)}" "{since}</p>
            })}
        </ConfirmDialog>
        <div class="bulk-consent">
            <h2 id="bulk-consent-title">{tr(Msg::BulkConsentTitle)}</h2>
            <p class="hint">{tr(Msg::BulkConsentIntro)}</p>
            <FormProblem form />
            <TextField
                name="skip_asked_since"
                label=Msg::SkipAskedSinceLabel
                value=skip_since
                form
                input_type="datetime-local"
                hint=Msg::SkipAskedSinceHint
            />
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
                    <Progress
                        id="bulk-consent-progress".to_owned()
                        done=p.processed
                        total=p.total
                        started_at=p.started_at
                        running=p.state == JobState::Running
                    />
                    <p role="status" id="bulk-consent-result">
                        {tr(Msg::BulkConsentRequested)}" "{p.requested}
                        {(p.queued > 0).then(|| view! { " · "{tr(Msg::BulkConsentQueued)}" "{p.queued} })}
                        {(p.stored > 0).then(|| view! { " · "{tr(Msg::BulkConsentStored)}" "{p.stored} })}
                        " · "{tr(Msg::BulkConsentDelivered)}" "{p.delivered}
                        " · "{tr(Msg::BulkConsentFailed)}" "<span id="bulk-consent-failed">{p.failed}</span>
                        {(!skipped.is_empty()).then(|| view! { " · "{tr(Msg::BulkConsentSkipped)}" "{skipped.clone()} })}
                    </p>
                    {(p.state == JobState::Interrupted).then(|| view! {
                        <div class="notice error" id="bulk-consent-interrupted">
                            <p>
                                {tr(Msg::BulkConsentInterrupted)}" "
                                <A href="/admin/setup/outbox">{tr(Msg::NavOutbox)}</A>
                            </p>
                            {p.started_at.map(|started_at| view! {
                                <button type="button" id="bulk-consent-ask-rest" on:click=move |_| ask_rest(started_at)>
                                    {tr(Msg::BulkConsentAskRest)}
                                </button>
                            })}
                        </div>
                    })}
                    {(p.failed > 0 && !p.in_progress()).then(|| view! {
                        <p class="notice error" id="bulk-consent-undelivered">
                            {tr(Msg::BulkConsentUndelivered)}" "
                            <A href="/admin/setup/outbox">{tr(Msg::NavOutbox)}</A>
                        </p>
                    })}
                }
            })}
        </div>
    }
}
