//! `/admin/setup/outbox`: every message Consentry sends, with its delivery status.

use consentry_model::consent::DeliveryStatus;
use leptos::prelude::*;

use crate::{
    api,
    components::notice::{LoadFailed, Loading},
    i18n::{Msg, tr},
};

fn delivery(status: DeliveryStatus) -> Msg {
    match status {
        DeliveryStatus::Stored => Msg::DeliveryStored,
        DeliveryStatus::Queued => Msg::DeliveryQueued,
        DeliveryStatus::Sent => Msg::DeliverySent,
        DeliveryStatus::Failed => Msg::DeliveryFailed,
    }
}

/// The outbox.
#[component]
pub fn OutboxPage() -> impl IntoView {
    let messages = LocalResource::new(api::outbox);
    view! {
        <h1>{tr(Msg::NavOutbox)}</h1>
        <p class="lead">{tr(Msg::OutboxIntro)}</p>
        {move || match messages.get() {
            None => view! { <Loading /> }.into_any(),
            Some(Err(failure)) => view! { <LoadFailed failure /> }.into_any(),
            Some(Ok(outbox)) => view! {
                <p class="notice" id="outbox-delivery">
                    {tr(if outbox.smtp_configured { Msg::OutboxSmtp } else { Msg::OutboxNoSmtp })}
                </p>
                <Messages list=outbox.messages />
            }
            .into_any(),
        }}
    }
}

#[component]
fn Messages(list: Vec<consentry_model::consent::OutboxMessage>) -> impl IntoView {
    view! {
        {if list.is_empty() {
            view! { <p class="hint">{tr(Msg::EmptyOutbox)}</p> }.into_any()
        } else {
            view! {
                <ol class="outbox">
                    {list.into_iter().map(|m| view! {
                        <li class="card">
                            <dl class="facts compact">
                                <dt>{tr(Msg::CreatedAt)}</dt>
                                <dd>{crate::format_time(m.created_at)}</dd>
                                <dt>{tr(Msg::Recipient)}</dt>
                                <dd>{m.recipient}</dd>
                                <dt>{tr(Msg::MessageSubject)}</dt>
                                <dd>{m.subject}</dd>
                                <dt>{tr(Msg::DeliveryLabel)}</dt>
                                <dd>{tr(delivery(m.status))}{m.detail.map(|d| format!(" · {d}"))}</dd>
                            </dl>
                            <pre class="message-body">{m.body_text}</pre>
                        </li>
                    }).collect_view()}
                </ol>
            }
            .into_any()
        }}
    }
}
