//! `/admin/setup/outbox`: every message Consentry sends, with its delivery status; failed ones
//! retried (one, or all at once), and without an SMTP server, messages handed over to be sent
//! by hand.

use consentry_model::consent::{DeliveryStatus, HandedOver, MessageKind, OutboxMessage};
use leptos::{prelude::*, task::spawn_local};

use crate::{
    api,
    components::{
        form::{FormProblem, FormState},
        notice::{LoadFailed, Loading},
    },
    i18n::{Msg, delivery_detail_text, delivery_status_msg, tr, use_i18n},
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

/// The outbox.
#[component]
pub fn OutboxPage() -> impl IntoView {
    let i18n = use_i18n();
    let form = FormState::default();
    // The first page in the chosen status; older pages are added below it on request.
    let status = RwSignal::new(None::<DeliveryStatus>);
    let messages = LocalResource::new(move || api::outbox(status.get(), None));
    let older = RwSignal::new(Vec::<OutboxMessage>::new());
    let next = RwSignal::new(None::<uuid::Uuid>);
    Effect::new(move |_| {
        if let Some(Ok(first)) = messages.get() {
            older.set(Vec::new());
            next.set(first.next);
        }
    });
    let show_older = move |_| {
        let Some(before) = next.get_untracked() else {
            return;
        };
        spawn_local(async move {
            match api::outbox(status.get_untracked(), Some(before)).await {
                Ok(page) => {
                    older.update(|o| o.extend(page.messages));
                    next.set(page.next);
                }
                Err(failure) => form.fail(failure),
            }
        });
    };
    let done = RwSignal::new(None::<String>);
    let handed = RwSignal::new(None::<HandedOver>);
    let retry_all = move |_| {
        form.clear();
        done.set(None);
        spawn_local(async move {
            match api::retry_failed_messages().await {
                Ok(r) => {
                    done.set(Some(format!(
                        "{} {}",
                        i18n.t(Msg::OutboxMessagesRetried),
                        r.retried
                    )));
                    messages.refetch();
                }
                Err(failure) => form.fail(failure),
            }
        });
    };
    let retry = Callback::new(move |id: uuid::Uuid| {
        form.clear();
        done.set(None);
        spawn_local(async move {
            match api::retry_message(id).await {
                Ok(r) => {
                    let msg = if r.renewed > 0 {
                        Msg::OutboxMessageRenewed
                    } else {
                        Msg::OutboxMessageRetried
                    };
                    done.set(Some(i18n.t(msg).to_owned()));
                    messages.refetch();
                }
                Err(failure) => form.fail(failure),
            }
        });
    });
    let hand_over = Callback::new(move |id: uuid::Uuid| {
        form.clear();
        done.set(None);
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
        <p role="status" id="outbox-done">{move || done.get()}</p>
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
        <div class="field">
            <label for="outbox-status">{tr(Msg::DeliveryLabel)}</label>
            <select
                id="outbox-status"
                on:change=move |ev| {
                    let chosen = event_target_value(&ev);
                    status.set(
                        [DeliveryStatus::Queued, DeliveryStatus::Sent, DeliveryStatus::Failed, DeliveryStatus::Stored]
                            .into_iter()
                            .find(|s| status_code(*s) == chosen),
                    );
                }
            >
                <option value="">{tr(Msg::AnyStatus)}</option>
                {[DeliveryStatus::Queued, DeliveryStatus::Sent, DeliveryStatus::Failed, DeliveryStatus::Stored]
                    .into_iter()
                    .map(|s| view! { <option value=status_code(s)>{tr(delivery_status_msg(s))}</option> })
                    .collect_view()}
            </select>
        </div>
        {move || match messages.get() {
            None => view! { <Loading /> }.into_any(),
            Some(Err(failure)) => view! { <LoadFailed failure /> }.into_any(),
            Some(Ok(outbox)) => {
                let failed = outbox.messages.iter().filter(|m| m.retryable()).count();
                let smtp = outbox.smtp_configured;
                view! {
                    <p class="notice" id="outbox-delivery">
                        {tr(if smtp { Msg::OutboxSmtp } else { Msg::OutboxNoSmtp })}
                    </p>
                    {(smtp && failed > 0).then(|| view! {
                        <p class="notice error" id="outbox-failed">
                            {failed}" "{tr(Msg::OutboxFailedCount)}" "
                            <button type="button" id="retry-failed" on:click=retry_all>
                                {tr(Msg::RetryFailed)}
                            </button>
                        </p>
                    })}
                    {move || {
                        let mut list = outbox.messages.clone();
                        list.extend(older.get());
                        view! { <Messages list smtp retry hand_over /> }
                    }}
                    {move || next.get().is_some().then(|| view! {
                        <button type="button" id="outbox-older" on:click=show_older>
                            {tr(Msg::OutboxShowOlder)}
                        </button>
                    })}
                }
                .into_any()
            }
        }}
    }
}

#[component]
fn Messages(
    list: Vec<OutboxMessage>,
    smtp: bool,
    retry: Callback<uuid::Uuid>,
    hand_over: Callback<uuid::Uuid>,
) -> impl IntoView {
    let i18n = use_i18n();
    if list.is_empty() {
        return view! { <p class="hint">{tr(Msg::EmptyOutbox)}</p> }.into_any();
    }
    view! {
        <ol class="outbox">
            {list.into_iter().map(|m| {
                let id = m.id;
                let retryable = smtp && m.retryable();
                let stored = m.status == DeliveryStatus::Stored;
                let replaced = m.replaced_by.is_some();
                let status_class = format!("delivery {}", status_code(m.status));
                view! {
                    <li class="card" data-message=id.to_string()>
                        <dl class="facts compact">
                            <dt>{tr(Msg::CreatedAt)}</dt>
                            <dd>{crate::format_time(m.created_at)}</dd>
                            <dt>{tr(Msg::MessageKindLabel)}</dt>
                            <dd>{tr(kind(m.kind))}</dd>
                            <dt>{tr(Msg::Recipient)}</dt>
                            <dd>{m.recipient}</dd>
                            <dt>{tr(Msg::MessageSubject)}</dt>
                            <dd>{m.subject}</dd>
                            <dt>{tr(Msg::DeliveryLabel)}</dt>
                            <dd class=status_class>
                                {tr(delivery_status_msg(m.status))}
                                {(m.attempts > 0).then(|| view! {
                                    " · "{move || crate::i18n::attempt_count(i18n.lang(), m.attempts)}
                                })}
                                {m.next_attempt_at.filter(|_| m.status == DeliveryStatus::Queued).map(|at| view! {
                                    " · "{tr(Msg::NextAttempt)}" "{crate::format_time(at)}
                                })}
                                {replaced.then(|| view! { " · "{tr(Msg::MessageReplaced)} })}
                                {m.detail.map(|d| move || format!(" · {}", delivery_detail_text(i18n.lang(), &d)))}
                            </dd>
                        </dl>
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
                        <pre class="message-body">{m.body_text}</pre>
                    </li>
                }
            }).collect_view()}
        </ol>
    }
    .into_any()
}
