//! Webhooks: other systems told when consent, a basis or a data-subject request changes.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::{WebhookId, audit::AuditAction};

pub mod address;

pub use address::{TargetPolicy, WebhookUrl, WebhookUrlError};

/// Something a webhook can be told about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum WebhookEvent {
    /// A record's consent changed (an answer, a confirmed sign-up).
    #[serde(rename = "consent.changed")]
    ConsentChanged,
    /// A record's Data Processing Basis changed.
    #[serde(rename = "record.basis_changed")]
    BasisChanged,
    /// A data-subject request was filed.
    #[serde(rename = "dsr.created")]
    DsrCreated,
    /// A data-subject request was completed.
    #[serde(rename = "dsr.completed")]
    DsrCompleted,
    /// A data subject was erased (the event carries no personal data).
    #[serde(rename = "record.erased")]
    RecordErased,
    /// The audit trail's head was signed: the event carries the checkpoint, so the receiver
    /// holds a copy the database cannot take back.
    #[serde(rename = "audit.checkpoint")]
    AuditCheckpoint,
}

impl WebhookEvent {
    /// Every event.
    pub const ALL: [WebhookEvent; 6] = [
        WebhookEvent::ConsentChanged,
        WebhookEvent::BasisChanged,
        WebhookEvent::DsrCreated,
        WebhookEvent::DsrCompleted,
        WebhookEvent::RecordErased,
        WebhookEvent::AuditCheckpoint,
    ];

    /// The event's name, as in the JSON form and the `Consentry-Event` header.
    pub fn code(self) -> &'static str {
        match self {
            WebhookEvent::ConsentChanged => "consent.changed",
            WebhookEvent::BasisChanged => "record.basis_changed",
            WebhookEvent::DsrCreated => "dsr.created",
            WebhookEvent::DsrCompleted => "dsr.completed",
            WebhookEvent::RecordErased => "record.erased",
            WebhookEvent::AuditCheckpoint => "audit.checkpoint",
        }
    }

    /// Parses a name written by [`WebhookEvent::code`].
    pub fn from_code(code: &str) -> Option<WebhookEvent> {
        WebhookEvent::ALL.into_iter().find(|e| e.code() == code)
    }

    /// The events an audited action raises.
    pub fn of(action: AuditAction) -> &'static [WebhookEvent] {
        match action {
            AuditAction::ConsentAnswered | AuditAction::ConsentRecorded | AuditAction::SignedUp => {
                &[WebhookEvent::ConsentChanged]
            }
            AuditAction::BasisChanged | AuditAction::BasisChangedInBulk => {
                &[WebhookEvent::BasisChanged]
            }
            AuditAction::RequestCreated => &[WebhookEvent::DsrCreated],
            AuditAction::RequestCompleted => &[WebhookEvent::DsrCompleted],
            AuditAction::SubjectErased => &[WebhookEvent::RecordErased, WebhookEvent::DsrCompleted],
            AuditAction::RetentionErased => &[WebhookEvent::RecordErased],
            _ => &[],
        }
    }
}

/// A subscription to create.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewWebhook {
    /// Where to POST: a public `https://…` address of at most 2,048 characters (plain
    /// `http://` and private addresses only where the operator allows them).
    pub url: String,
    /// What to send; at least one.
    pub events: Vec<WebhookEvent>,
}

/// A subscription (never its secret).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Webhook {
    /// Webhook id.
    pub id: WebhookId,
    /// Where it posts.
    pub url: String,
    /// What it sends.
    pub events: Vec<WebhookEvent>,
    /// Who made it.
    pub created_by: String,
    /// When.
    pub created_at: DateTime<Utc>,
    /// Made before Standard Webhooks signing: its HMAC key is the secret's text as shown,
    /// and deliveries also carry the old `Consentry-Signature` header. Create the webhook
    /// again for a `whsec_` secret the Standard Webhooks libraries take.
    #[serde(default)]
    pub legacy_secret: bool,
}

/// A subscription just made, with the secret its payloads are signed with (shown once).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WebhookCreated {
    /// The subscription.
    pub webhook: Webhook,
    /// The signing secret, `whsec_` and base64 of 32 random bytes (the HMAC key), as the
    /// Standard Webhooks libraries take it: `webhook-signature: v1,<base64 HMAC-SHA256 of
    /// "<webhook-id>.<webhook-timestamp>.<body>">`.
    pub secret: String,
}

/// Where a delivery is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DeliveryState {
    /// Not yet accepted; retried with growing pauses (for 24 hours by default).
    Pending,
    /// The receiver answered 2xx.
    Delivered,
    /// Dead letter: not accepted by the end of the retry schedule. An administrator may
    /// retry it, which queues it again with a fresh schedule and the same event id.
    #[serde(alias = "failed")]
    Dead,
}

impl DeliveryState {
    /// Stable code, identical to the JSON form.
    pub fn code(self) -> &'static str {
        match self {
            DeliveryState::Pending => "pending",
            DeliveryState::Delivered => "delivered",
            DeliveryState::Dead => "dead",
        }
    }
}

/// Why an attempt got no answer Consentry could accept. A refused target says only that:
/// never what (if anything) answers at that address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DeliveryFailure {
    /// The address is not allowed: it is (or its name resolves to) this machine, a private
    /// network, link-local or another non-public range, or plain http where only https is
    /// allowed. Nothing was sent.
    TargetNotAllowed,
    /// No connection could be made (refused, unreachable, TLS failed, name not found).
    Connect,
    /// The receiver did not answer in time.
    Timeout,
    /// The receiver answered with a redirect, which is not followed.
    Redirected,
    /// Consentry could not build the payload.
    Payload,
}

impl DeliveryFailure {
    /// Every failure.
    pub const ALL: [DeliveryFailure; 5] = [
        DeliveryFailure::TargetNotAllowed,
        DeliveryFailure::Connect,
        DeliveryFailure::Timeout,
        DeliveryFailure::Redirected,
        DeliveryFailure::Payload,
    ];

    /// Stable code, identical to the JSON form.
    pub fn code(self) -> &'static str {
        match self {
            DeliveryFailure::TargetNotAllowed => "target_not_allowed",
            DeliveryFailure::Connect => "connect",
            DeliveryFailure::Timeout => "timeout",
            DeliveryFailure::Redirected => "redirected",
            DeliveryFailure::Payload => "payload",
        }
    }

    /// Parses a code written by [`DeliveryFailure::code`].
    pub fn from_code(code: &str) -> Option<DeliveryFailure> {
        DeliveryFailure::ALL.into_iter().find(|f| f.code() == code)
    }

    /// The reason in English, as the delivery log's `last_error` gives it.
    pub fn reason(self) -> &'static str {
        match self {
            DeliveryFailure::TargetNotAllowed => "target address not allowed",
            DeliveryFailure::Connect => "could not connect",
            DeliveryFailure::Timeout => "no answer in time",
            DeliveryFailure::Redirected => "redirects are not followed",
            DeliveryFailure::Payload => "Consentry could not build the payload",
        }
    }
}

/// One event on its way to one webhook.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WebhookDelivery {
    /// Delivery id (one event to one webhook).
    pub id: uuid::Uuid,
    /// The webhook.
    pub webhook: WebhookId,
    /// The event.
    pub event: WebhookEvent,
    /// Where it is.
    pub state: DeliveryState,
    /// Attempts in the current schedule (a retry of a dead letter starts again at 0).
    pub attempts: u32,
    /// The receiver's last HTTP status (never shown for a refused target).
    pub last_status: Option<u16>,
    /// Why the last attempt failed, in English ([`DeliveryFailure::reason`]).
    pub last_error: Option<String>,
    /// Why the last attempt failed, as a code.
    #[serde(default)]
    pub failure: Option<DeliveryFailure>,
    /// When the event happened.
    pub created_at: DateTime<Utc>,
    /// When it was accepted.
    pub delivered_at: Option<DateTime<Utc>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_change_of_consent_raises_consent_changed() {
        for action in [
            AuditAction::ConsentAnswered,
            AuditAction::ConsentRecorded,
            AuditAction::SignedUp,
        ] {
            assert_eq!(
                WebhookEvent::of(action),
                &[WebhookEvent::ConsentChanged],
                "{action:?}"
            );
        }
        assert_eq!(
            WebhookEvent::of(AuditAction::RequestChanged),
            &[] as &[WebhookEvent]
        );
        assert_eq!(
            WebhookEvent::of(AuditAction::RequestCompleted),
            &[WebhookEvent::DsrCompleted]
        );
        assert_eq!(
            AuditAction::request_moved_to(crate::requests::RequestStatus::Completed),
            AuditAction::RequestCompleted
        );
        assert_eq!(
            AuditAction::request_moved_to(crate::requests::RequestStatus::Rejected),
            AuditAction::RequestChanged
        );
    }
}
