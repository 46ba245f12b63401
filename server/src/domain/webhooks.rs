//! Webhooks: subscriptions, and the sender that posts each event signed the Standard
//! Webhooks way (<https://www.standardwebhooks.com>), retrying with growing pauses for 24
//! hours, then keeping it as a dead letter an administrator may retry. A payload describes
//! the event as it happened: its id, time and the non-personal facts kept when it was
//! queued; a record's personal fields are read when it is sent, under the personal data
//! handling preference for webhooks (none once the record is erased).
//!
//! Receivers are public `https://` addresses unless the operator allows private ones; the
//! address is checked when a webhook is made and again, after resolution, at every delivery.

mod resolver;
mod sender;

use base64::{Engine, engine::general_purpose::STANDARD};
use chrono::{DateTime, Utc};
use consentry_model::{
    ErrorCode, FieldError, RecordId, RequestId, WebhookId,
    audit::AuditAction,
    auth::Session,
    handling::Destination,
    webhooks::{
        DeliveryState, NewWebhook, TargetPolicy, Webhook, WebhookCreated, WebhookDelivery,
        WebhookEvent, WebhookUrl,
    },
};
use hmac::{Hmac, Mac};
use serde_json::{Value, json};
use sha2::Sha256;

pub use sender::{SenderSettings, run_deliveries};

use super::{Error, Result, clock};
use crate::store::{AuditNote, DueDelivery, Retried, RetryDelivery, Store};

/// Checks a webhook address under the operator's policy; a refusal names the field `url`.
fn check_url(url: &str, policy: TargetPolicy) -> Result<String> {
    WebhookUrl::parse(url, policy)
        .map(WebhookUrl::into_string)
        .map_err(|e| Error::Rejected {
            field: "url".into(),
            message: e.to_string(),
        })
}

/// Subscribes a URL to events; the signing secret is in the answer only.
pub async fn create(
    store: &dyn Store,
    session: &Session,
    new: NewWebhook,
    policy: TargetPolicy,
) -> Result<WebhookCreated> {
    let url = check_url(&new.url, policy)?;
    let events = super::distinct_in("events", new.events)?;
    if events.is_empty() {
        return Err(Error::Invalid {
            field: "events".into(),
            error: FieldError::Empty,
        });
    }
    let secret = new_secret();
    let webhook = Webhook {
        id: WebhookId(uuid::Uuid::now_v7()),
        url,
        events,
        created_by: session.actor(),
        created_at: clock::now(),
        legacy_secret: false,
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

/// Queues a dead delivery again: a fresh retry schedule, the same event id (the
/// `webhook-id` receivers de-duplicate by). Audited.
pub async fn retry(
    store: &dyn Store,
    session: &Session,
    webhook: WebhookId,
    delivery: uuid::Uuid,
) -> Result<WebhookDelivery> {
    let retry = RetryDelivery {
        organisation: session.organisation.id,
        webhook,
        delivery,
        now: clock::now(),
        audit: AuditNote {
            actor: session.actor(),
            action: AuditAction::WebhookDeliveryRetried,
            subject: Some(delivery.to_string()),
            before: Some(json!({ "webhook": webhook, "state": DeliveryState::Dead })),
            after: Some(json!({ "webhook": webhook, "state": DeliveryState::Pending })),
        },
    };
    match store.retry_delivery(retry).await? {
        Retried::Queued(delivery) => Ok(delivery),
        Retried::NotDead(state) => Err(Error::Conflict {
            code: ErrorCode::DeliveryNotDead,
            field: None,
            message: format!(
                "Only a dead delivery can be retried; this one is {}. Pending deliveries \
                 are retried by themselves.",
                state.code()
            ),
        }),
        Retried::NotFound => Err(Error::NotFound("webhook delivery")),
    }
}

/// A new signing secret: `whsec_` and standard base64 of 32 random bytes, the form the
/// Standard Webhooks libraries take.
fn new_secret() -> String {
    format!("whsec_{}", STANDARD.encode(crate::crypto::random_key()))
}

/// The HMAC key of a secret: the bytes after `whsec_`, or for a secret made before Standard
/// Webhooks signing (`legacy`), the secret's text itself (what that version signed with).
fn hmac_key(secret: &str, legacy: bool) -> Vec<u8> {
    if legacy {
        return secret.as_bytes().to_vec();
    }
    let encoded = secret.strip_prefix("whsec_").unwrap_or(secret);
    STANDARD
        .decode(encoded)
        .unwrap_or_else(|_| secret.as_bytes().to_vec())
}

/// The `webhook-signature` header: `v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">`.
pub fn signature(key: &[u8], id: &str, timestamp: i64, body: &[u8]) -> String {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key)
        .unwrap_or_else(|_| unreachable!("HMAC takes keys of any length"));
    mac.update(format!("{id}.{timestamp}.").as_bytes());
    mac.update(body);
    format!("v1,{}", STANDARD.encode(mac.finalize().into_bytes()))
}

/// The header of versions before Standard Webhooks signing, still sent to webhooks whose
/// secret was made then: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`.
fn legacy_signature(key: &[u8], at: i64, body: &[u8]) -> String {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key)
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

/// What the receiver gets: `{ type, timestamp, data }`, the Standard Webhooks shape. `data`
/// holds the event's id and the facts of the moment it happened (the audited action, its
/// subject, the state before and after), so a later change does not rewrite it; for record
/// events, the record's fields as the webhook preference allows, read now (none once the
/// record is erased); for requests, what does not change (never the requester's address).
async fn payload(store: &dyn Store, due: &DueDelivery) -> Result<Value> {
    let event = due.delivery.event;
    let mut data = json!({ "event_id": due.event_id });
    if let Some(facts) = &due.facts {
        for key in ["action", "before", "after"] {
            data[key] = facts[key].clone();
        }
    }
    match event {
        WebhookEvent::ConsentChanged | WebhookEvent::BasisChanged => {
            let id = due
                .subject
                .as_deref()
                .and_then(|s| s.parse::<RecordId>().ok());
            data["record_id"] = json!(id);
            let record = match id {
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
                data["record"] = json!({
                    "id": record.id,
                    "module_id": record.module_id,
                    "fields": record.fields,
                });
            }
        }
        WebhookEvent::DsrCreated | WebhookEvent::DsrCompleted => {
            let id = due
                .subject
                .as_deref()
                .and_then(|s| s.parse::<RequestId>().ok());
            data["request_id"] = json!(id);
            let request = match id {
                Some(id) => store.request(due.organisation, id).await?,
                None => None,
            };
            if let Some(r) = request {
                // Not the requester's address: the receiver asks the API with its key.
                data["request"] = json!({
                    "id": r.id, "kind": r.kind, "source": r.source,
                    "requested_on": r.requested_on, "records": r.records,
                });
            }
        }
        WebhookEvent::RecordErased => {
            // Erased on request, or as lapsed past the retention period: then the run names
            // the records, for the receiver to erase its copies too.
            let lapsed = due
                .facts
                .as_ref()
                .is_some_and(|f| f["action"] == AuditAction::RetentionErased.code());
            if lapsed {
                data["retention_run"] = json!(due.subject);
                data["record_ids"] = due
                    .facts
                    .as_ref()
                    .map_or(Value::Null, |f| f["after"]["record_ids"].clone());
            } else {
                data["request_id"] = json!(due.subject);
            }
        }
        WebhookEvent::AuditCheckpoint => {
            if let Some(facts) = &due.facts {
                data["checkpoint"] = facts["checkpoint"].clone();
            }
        }
    }
    Ok(json!({
        "type": event.code(),
        "timestamp": due.delivery.created_at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
        "data": data,
    }))
}

/// The signed POST of one delivery's `body`, signed at `now`.
fn request(
    client: &reqwest::Client,
    url: &str,
    due: &DueDelivery,
    now: DateTime<Utc>,
    body: Vec<u8>,
) -> reqwest::RequestBuilder {
    let key = hmac_key(&due.secret, due.legacy);
    let id = due.event_id.to_string();
    let mut request = client
        .post(url)
        .header("content-type", "application/json")
        .header("webhook-id", &id)
        .header("webhook-timestamp", now.timestamp().to_string())
        .header(
            "webhook-signature",
            signature(&key, &id, now.timestamp(), &body),
        )
        .header("consentry-event", due.delivery.event.code());
    if due.legacy {
        request = request.header(
            "consentry-signature",
            legacy_signature(&key, now.timestamp(), &body),
        );
    }
    request.body(body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_signature_is_the_standard_webhooks_one() {
        // The example of the Standard Webhooks specification (spec/standard-webhooks.md).
        let key = hmac_key("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", false);
        let body = br#"{"test": 2432232314}"#;
        assert_eq!(
            signature(&key, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1_614_265_330, body),
            "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
        );
        assert_ne!(
            signature(&key, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1_614_265_331, body),
            "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
        );
    }

    #[test]
    fn a_new_secret_is_whsec_and_32_bytes_of_base64() {
        let secret = new_secret();
        let key = secret.strip_prefix("whsec_").expect("prefix");
        assert_eq!(STANDARD.decode(key).map(|k| k.len()), Ok(32));
        assert_eq!(hmac_key(&secret, false).len(), 32);
        assert_ne!(secret, new_secret());
    }

    #[test]
    fn a_legacy_secret_keeps_signing_with_its_text() {
        let a = legacy_signature(b"whsec_x", 1_700_000_000, b"{\"a\":1}");
        assert!(a.starts_with("t=1700000000,v1="));
        assert_eq!(a.len(), "t=1700000000,v1=".len() + 64);
        assert_eq!(hmac_key("whsec_x-_y", true), b"whsec_x-_y".to_vec());
    }

    #[test]
    fn retries_pause_longer_each_time_up_to_an_hour() {
        use sender::backoff;
        let first = std::time::Duration::from_secs(30);
        assert_eq!(backoff(1, first), chrono::Duration::seconds(30));
        assert_eq!(backoff(2, first), chrono::Duration::seconds(60));
        assert_eq!(backoff(5, first), chrono::Duration::seconds(480));
        assert_eq!(backoff(30, first), chrono::Duration::hours(1));
    }

    #[test]
    fn only_public_https_unless_the_operator_allows_private_receivers() {
        let public = TargetPolicy::PublicOnly;
        assert!(check_url("https://crm.example.org/hooks", public).is_ok());
        for refused in [
            "http://127.0.0.1:9000/x",
            "https://127.1/x",
            "http://crm.example.org/hooks",
            "ftp://x",
            "not a url",
        ] {
            let Err(Error::Rejected { field, .. }) = check_url(refused, public) else {
                panic!("{refused} was accepted");
            };
            assert_eq!(field, "url");
        }
        assert!(check_url("http://127.0.0.1:9000/x", TargetPolicy::AllowPrivate).is_ok());
    }
}
