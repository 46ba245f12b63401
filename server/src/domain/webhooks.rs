//! Webhooks: subscriptions, and the sender that posts each event signed, retrying with
//! growing pauses for 24 hours. Payloads are built when sent: a record's fields follow the
//! personal data handling preference for webhooks; erasure events carry ids only.

use std::{sync::Arc, time::Duration};

use chrono::{DateTime, Utc};
use consentry_model::{
    FieldError, RecordId, RequestId, WebhookId,
    audit::AuditAction,
    auth::Session,
    handling::Destination,
    webhooks::{DeliveryState, NewWebhook, Webhook, WebhookCreated, WebhookDelivery, WebhookEvent},
};
use hmac::{Hmac, Mac};
use serde_json::{Value, json};
use sha2::Sha256;

use super::{Error, Result, token::SecretToken};
use crate::store::{Attempt, AuditNote, DueDelivery, Store};

/// How long a delivery is retried.
const RETRY_FOR: chrono::Duration = chrono::Duration::hours(24);

/// Checks a webhook address: https, or http to this machine (for testing a receiver).
fn check_url(url: &str) -> Result<String> {
    let url = url.trim();
    let rejected = |message: &str| Error::Rejected {
        field: "url".into(),
        message: message.into(),
    };
    let parsed = reqwest::Url::parse(url)
        .map_err(|_| rejected("Enter a full address such as https://crm.example.org/hooks."))?;
    let local = matches!(parsed.host_str(), Some("localhost" | "127.0.0.1" | "[::1]"));
    match parsed.scheme() {
        "https" => Ok(url.to_owned()),
        "http" if local => Ok(url.to_owned()),
        _ => Err(rejected(
            "Use an https:// address (plain http:// only to this machine, for testing).",
        )),
    }
}

/// Subscribes a URL to events; the signing secret is in the answer only.
pub async fn create(
    store: &dyn Store,
    session: &Session,
    new: NewWebhook,
) -> Result<WebhookCreated> {
    let url = check_url(&new.url)?;
    let mut events = new.events;
    events.sort();
    events.dedup();
    if events.is_empty() {
        return Err(Error::Invalid {
            field: "events".into(),
            error: FieldError::Empty,
        });
    }
    let secret = format!("whsec_{}", SecretToken::generate().as_str());
    let webhook = Webhook {
        id: WebhookId(uuid::Uuid::now_v7()),
        url,
        events,
        created_by: session.actor(),
        created_at: Utc::now(),
    };
    let audit = AuditNote {
        actor: session.actor(),
        action: AuditAction::WebhookCreated,
        subject: Some(webhook.id.to_string()),
        before: None,
        after: Some(json!({ "url": webhook.url, "events": webhook.events })),
    };
    store
        .insert_webhook(session.organisation.id, &webhook, &secret, audit)
        .await?;
    Ok(WebhookCreated { webhook, secret })
}

/// The subscriptions.
pub async fn list(store: &dyn Store, session: &Session) -> Result<Vec<Webhook>> {
    Ok(store.webhooks(session.organisation.id).await?)
}

/// Removes a subscription and its pending deliveries.
pub async fn delete(store: &dyn Store, session: &Session, id: WebhookId) -> Result<()> {
    let audit = AuditNote {
        actor: session.actor(),
        action: AuditAction::WebhookDeleted,
        subject: Some(id.to_string()),
        before: None,
        after: None,
    };
    if store
        .delete_webhook(session.organisation.id, id, audit)
        .await?
    {
        Ok(())
    } else {
        Err(Error::NotFound("webhook"))
    }
}

/// The latest deliveries, for the delivery log.
pub async fn deliveries(store: &dyn Store, session: &Session) -> Result<Vec<WebhookDelivery>> {
    Ok(store
        .webhook_deliveries(session.organisation.id, 100)
        .await?)
}

/// The `Consentry-Signature` header: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`.
pub fn signature(secret: &str, at: i64, body: &[u8]) -> String {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(secret.as_bytes())
        .unwrap_or_else(|_| unreachable!("HMAC takes keys of any length"));
    mac.update(format!("{at}.").as_bytes());
    mac.update(body);
    let hex: String = mac
        .finalize()
        .into_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    format!("t={at},v1={hex}")
}

/// The pause before attempt `n + 1`: 30 s, doubling, at most an hour.
fn backoff(attempts: u32, first: Duration) -> chrono::Duration {
    let factor = 2u32.saturating_pow(attempts.saturating_sub(1).min(16));
    let pause = first.saturating_mul(factor).min(Duration::from_secs(3600));
    chrono::Duration::from_std(pause).unwrap_or(chrono::Duration::hours(1))
}

/// What the receiver gets: ids, and for record events the record as the webhook preference
/// allows; an erasure names the request only.
async fn payload(store: &dyn Store, due: &DueDelivery) -> Result<Value> {
    let event = due.delivery.event;
    let mut body = json!({
        "id": due.delivery.id,
        "event": event,
        "occurred_at": due.delivery.created_at,
    });
    match event {
        WebhookEvent::ConsentChanged | WebhookEvent::BasisChanged => {
            let record = match due
                .subject
                .as_deref()
                .and_then(|s| s.parse::<RecordId>().ok())
            {
                Some(id) => store.record(due.organisation, id).await?,
                None => None,
            };
            if let Some(mut record) = record {
                let handling = store
                    .compliance_settings(due.organisation)
                    .await?
                    .personal_data;
                let fields = store
                    .fields(due.organisation, record.module_id)
                    .await?
                    .unwrap_or_default();
                handling.strip(Destination::Webhooks, &fields, &mut record.fields);
                body["record"] = serde_json::to_value(record).unwrap_or_default();
            }
        }
        WebhookEvent::DsrCreated | WebhookEvent::DsrCompleted => {
            let request = match due
                .subject
                .as_deref()
                .and_then(|s| s.parse::<RequestId>().ok())
            {
                Some(id) => store.request(due.organisation, id).await?,
                None => None,
            };
            if let Some(r) = request {
                // Not the requester's address: the receiver asks the API with its key.
                body["request"] = json!({
                    "id": r.id, "kind": r.kind, "status": r.status, "source": r.source,
                    "requested_on": r.requested_on, "due_on": r.deadline(),
                    "records": r.records,
                });
            }
        }
        WebhookEvent::RecordErased => {
            body["request"] = json!({ "id": due.subject });
        }
    }
    Ok(body)
}

/// Posts one delivery and says what came of it.
async fn attempt(
    store: &dyn Store,
    client: &reqwest::Client,
    due: &DueDelivery,
    first_retry: Duration,
    now: DateTime<Utc>,
) -> Attempt {
    let body = match payload(store, due).await {
        Ok(body) => serde_json::to_vec(&body).unwrap_or_default(),
        Err(e) => {
            tracing::error!(error = %e, "could not build a webhook payload");
            return Attempt {
                status: None,
                error: Some("Consentry could not build the payload".into()),
                state: DeliveryState::Pending,
                next_attempt_at: now + backoff(due.delivery.attempts + 1, first_retry),
            };
        }
    };
    let sent = client
        .post(&due.url)
        .header("content-type", "application/json")
        .header("consentry-event", due.delivery.event.code())
        .header("consentry-delivery", due.delivery.id.to_string())
        .header(
            "consentry-signature",
            signature(&due.secret, now.timestamp(), &body),
        )
        .body(body)
        .send()
        .await;
    let (status, error) = match sent {
        Ok(response) => (Some(response.status().as_u16()), None),
        Err(e) => (
            None,
            Some(if e.is_timeout() {
                "no answer within 10 seconds".to_owned()
            } else {
                "could not connect".to_owned()
            }),
        ),
    };
    let accepted = status.is_some_and(|s| (200..300).contains(&s));
    let attempts = due.delivery.attempts + 1;
    let next_attempt_at = now + backoff(attempts, first_retry);
    let state = if accepted {
        DeliveryState::Delivered
    } else if next_attempt_at - due.delivery.created_at > RETRY_FOR {
        DeliveryState::Failed
    } else {
        DeliveryState::Pending
    };
    Attempt {
        status,
        error,
        state,
        next_attempt_at,
    }
}

/// Sends due deliveries every second; `first_retry` is the pause after the first failure.
pub async fn run_deliveries(store: Arc<dyn Store>, first_retry: Duration) {
    let client = match reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .redirect(reqwest::redirect::Policy::none())
        .user_agent("Consentry-Webhooks/1")
        .build()
    {
        Ok(client) => client,
        Err(e) => {
            tracing::error!(error = %e, "cannot start the webhook sender");
            return;
        }
    };
    loop {
        let now = Utc::now();
        match store.due_deliveries(now, 50).await {
            Ok(due) => {
                for delivery in due {
                    let outcome =
                        attempt(store.as_ref(), &client, &delivery, first_retry, now).await;
                    if let Err(e) = store.record_attempt(delivery.delivery.id, outcome).await {
                        tracing::error!(error = %e, "could not record a webhook attempt");
                    }
                }
            }
            Err(e) => tracing::error!(error = %e, "could not read webhook deliveries"),
        }
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_signature_covers_the_time_and_the_body() {
        let a = signature("whsec_x", 1_700_000_000, b"{\"a\":1}");
        assert!(a.starts_with("t=1700000000,v1="));
        assert_eq!(a.len(), "t=1700000000,v1=".len() + 64);
        assert_ne!(a, signature("whsec_x", 1_700_000_001, b"{\"a\":1}"));
        assert_ne!(a, signature("whsec_x", 1_700_000_000, b"{\"a\":2}"));
        assert_ne!(a, signature("whsec_y", 1_700_000_000, b"{\"a\":1}"));
    }

    #[test]
    fn retries_pause_longer_each_time_up_to_an_hour() {
        let first = Duration::from_secs(30);
        assert_eq!(backoff(1, first), chrono::Duration::seconds(30));
        assert_eq!(backoff(2, first), chrono::Duration::seconds(60));
        assert_eq!(backoff(5, first), chrono::Duration::seconds(480));
        assert_eq!(backoff(30, first), chrono::Duration::hours(1));
    }

    #[test]
    fn only_https_or_this_machine() {
        assert!(check_url("https://crm.example.org/hooks").is_ok());
        assert!(check_url("http://127.0.0.1:9000/x").is_ok());
        assert!(check_url("http://crm.example.org/hooks").is_err());
        assert!(check_url("ftp://x").is_err());
        assert!(check_url("not a url").is_err());
    }
}
