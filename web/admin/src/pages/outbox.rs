//! `/admin/setup/outbox`: every message Consentry sends, with its delivery status; failed ones
//! retried (one, or all at once), and without an SMTP server, messages handed over to be sent
//! by hand.

use consentry_model::consent::{DeliveryStatus, HandedOver, MessageKind, OutboxMessage};
use leptos::{prelude::*, task::spawn_local};

use crate::components::title::page_title;
use crate::{
    api,
    components::{
        form::{FormProblem, FormState},
        notice::{LoadFailed, Loading},
        table::{Cell, Column, DataTable, Pager, PagerBar, TableRow},
        toast::use_toasts,
    },
    i18n::{Msg, delivery_detail_text, delivery_status_msg, figures::count, tr, use_i18n},
};

/// A delivery status's wire code (`queued`), for the filter and the list's classes.
fn status_code(status: DeliveryStatus) -> &'static str {
    match status {
        DeliveryStatus::Stored => "stored",
        DeliveryStatus::Queued => "queued",
        DeliveryStatus::Sent => "sent",
        DeliveryStatus::Failed => "failed",
    }
}

fn kind(kind: MessageKind) -> Msg {
    match kind {
        MessageKind::ConsentRequest => Msg::KindConsentRequest,
        MessageKind::SignUpConfirmation => Msg::KindSignUpConfirmation,
        MessageKind::PrivacyCentreCode => Msg::KindPrivacyCentreCode,
        MessageKind::RequestNotice => Msg::KindRequestNotice,
        MessageKind::ExportLink => Msg::KindExportLink,
        MessageKind::Other => Msg::KindOther,
    }
}

/// The outbox table's columns.
const COLUMNS: &[Column] = &[
    Column::named("created", Msg::CreatedAt),
    Column::optional("kind", Msg::MessageKindLabel),
    Column::named("recipient", Msg::Recipient),
    Column::optional("subject", Msg::MessageSubject),
    Column::named("delivery", Msg::DeliveryLabel),
    Column::named("actions", Msg::Actions),
];

/// The statuses the filter offers.
const STATUSES: [DeliveryStatus; 4] = [
    DeliveryStatus::Queued,
    DeliveryStatus::Sent,
    DeliveryStatus::Failed,
    DeliveryStatus::Stored,
];

/// The outbox.
#[component]
pub fn OutboxPage() -> impl IntoView {
    page_title(Msg::NavOutbox);
    let i18n = use_i18n();
    let toasts = use_toasts();
    let form = FormState::default();
    let status = RwSignal::new(None::<DeliveryStatus>);
    let pager = Pager::new();
    Effect::new(move |_| {
        status.track();
        pager.restart();
    });
    let messages = LocalResource::new(move || {
        let (status, cursor, size) = (status.get(), pager.cursor(), pager.size());
        async move { api::outbox(status, cursor.as_deref(), size).await }
    });
    Effect::new(move |_| {
        if let Some(Ok(page)) = messages.get() {
            pager.loaded(page.next.map(|n| n.to_string()));
        }
    });
    let handed = RwSignal::new(None::<HandedOver>);
    let retry_all = move |_| {
        form.clear();
        spawn_local(async move {
            match api::retry_failed_messages().await {
                Ok(r) => {
                    toasts.success(format!(
                        "{} {}",
                        i18n.t(Msg::OutboxMessagesRetried),
                        count(i18n.lang(), r.retried)
                    ));
                    messages.refetch();
                }
                Err(failure) => form.fail(failure),
            }
        });
    };
    let retry = Callback::new(move |id: uuid::Uuid| {
        form.clear();
        spawn_local(async move {
            match api::retry_message(id).await {
                Ok(r) => {
                    let msg = if r.renewed > 0 {
                        Msg::OutboxMessageRenewed
                    } else {
                        Msg::OutboxMessageRetried
                    };
                    toasts.success(i18n.t(msg));
                    messages.refetch();
                }
                Err(failure) => form.fail(failure),
            }
        });
    });
    let hand_over = Callback::new(move |id: uuid::Uuid| {
        form.clear();
        spawn_local(async move {
            match api::hand_over_message(id).await {
                Ok(message) => {
                    handed.set(Some(message));
                    messages.refetch();
                }
                Err(failure) => form.fail(failure),
            }
        });
    });
    view! {
        <h1>{tr(Msg::NavOutbox)}</h1>
        <p class="lead">{tr(Msg::OutboxIntro)}</p>
        <FormProblem form />
        {move || handed.get().map(|m| view! {
            <section class="card wide" aria-labelledby="handed-over-title" id="handed-over">
                <h2 id="handed-over-title">{tr(Msg::HandedOverTitle)}</h2>
                <p class="hint">{tr(Msg::HandedOverHint)}</p>
                <dl class="facts compact">
                    <dt>{tr(Msg::Recipient)}</dt>
                    <dd>{m.recipient}</dd>
                    <dt>{tr(Msg::MessageSubject)}</dt>
                    <dd>{m.subject}</dd>
                </dl>
                <pre class="message-body">{m.body_text}</pre>
            </section>
        })}
        <div class="filters" role="search" aria-label=tr(Msg::Filters)>
            <div class="field">
                <label for="outbox-status">{tr(Msg::DeliveryLabel)}</label>
                <select
                    id="outbox-status"
                    on:change=move |ev| {
                        let chosen = event_target_value(&ev);
                        status.set(STATUSES.into_iter().find(|s| status_code(*s) == chosen));
                    }
                >
                    <option value="">{tr(Msg::AnyStatus)}</option>
                    {STATUSES
                        .into_iter()
                        .map(|s| view! { <option value=status_code(s)>{tr(delivery_status_msg(s))}</option> })
                        .collect_view()}
                </select>
            </div>
        </div>
        {move || match messages.get() {
            None => view! { <Loading /> }.into_any(),
            Some(Err(failure)) => view! { <LoadFailed failure /> }.into_any(),
            Some(Ok(outbox)) => {
                let smtp = outbox.smtp_configured;
                let failed = outbox.retryable;
                let total = outbox.total;
                let shown = outbox.messages.len();
                view! {
                    <p class="notice" id="outbox-delivery">
                        {tr(if smtp { Msg::OutboxSmtp } else { Msg::OutboxNoSmtp })}
                    </p>
                    {(smtp && failed > 0).then(|| view! {
                        <p class="notice error" id="outbox-failed">
                            {move || count(i18n.lang(), failed)}" "{tr(Msg::OutboxFailedCount)}" "
                            <button type="button" id="retry-failed" on:click=retry_all>
                                {tr(Msg::RetryFailed)}
                            </button>
                        </p>
                    })}
                    <DataTable
                        id="outbox"
                        caption=Msg::NavOutbox
                        columns=COLUMNS
                        rows=message_rows(outbox.messages, smtp, retry, hand_over)
                        empty=move || view! { <p>{tr(Msg::EmptyOutbox)}</p> }
                    />
                    <PagerBar
                        id="outbox-pages"
                        pager
                        total=Signal::derive(move || Some(total))
                        shown=Signal::derive(move || shown)
                    />
                }
                .into_any()
            }
        }}
    }
}

/// The messages of a page as table rows; each body behind a click.
fn message_rows(
    list: Vec<OutboxMessage>,
    smtp: bool,
    retry: Callback<uuid::Uuid>,
    hand_over: Callback<uuid::Uuid>,
) -> Vec<TableRow> {
    let i18n = use_i18n();
    list.into_iter()
        .map(|m| {
            let id = m.id;
            let retryable = smtp && m.retryable();
            let stored = m.status == DeliveryStatus::Stored;
            let replaced = m.replaced_by.is_some();
            let status_class = format!("delivery {}", status_code(m.status));
            let name = format!("{} {}", m.recipient, m.subject);
            let recipient = match m.record_id {
                Some(record) => Cell::link(format!("/admin/records/{record}"), m.recipient),
                None => Cell::Text(m.recipient),
            };
            TableRow {
                key: id.to_string(),
                name,
                cells: vec![
                    Cell::text(crate::format_time(m.created_at)),
                    Cell::live(move || i18n.t(kind(m.kind)).to_owned()),
                    recipient,
                    Cell::view(view! {
                        <details class="message">
                            <summary>{m.subject}</summary>
                            <pre class="message-body">{m.body_text}</pre>
                        </details>
                    }),
                    Cell::view(view! {
                        <span class=status_class>
                            {tr(delivery_status_msg(m.status))}
                            {(m.attempts > 0).then(|| view! {
                                " · "{move || crate::i18n::attempt_count(i18n.lang(), m.attempts)}
                            })}
                            {m.next_attempt_at.filter(|_| m.status == DeliveryStatus::Queued).map(|at| view! {
                                " · "{tr(Msg::NextAttempt)}" "{crate::format_time(at)}
                            })}
                            {replaced.then(|| view! { " · "{tr(Msg::MessageReplaced)} })}
                            {m.detail.map(|d| move || format!(" · {}", delivery_detail_text(i18n.lang(), &d)))}
                        </span>
                    }),
                    Cell::view(view! {
                        {retryable.then(|| view! {
                            <button type="button" class="retry" on:click=move |_| retry.run(id)>
                                {tr(Msg::RetryMessage)}
                            </button>
                        })}
                        {stored.then(|| view! {
                            <button type="button" class="hand-over" on:click=move |_| hand_over.run(id)>
                                {tr(Msg::HandOver)}
                            </button>
                        })}
                    }),
                ],
            }
        })
        .collect()
}
