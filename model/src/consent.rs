//! Asking for consent and answering: consent requests sent to records, the hosted consent
//! page's view and submission, and the outbox of messages sent.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

pub use crate::import::ImportState as JobState;
use crate::{
    ConsentStatus, FormId, RecordId, TemplateId,
    forms::{ConsentChoices, FormDesign, FormLang},
    records::RecordFilter,
};

/// Send a record a consent request for a form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ConsentRequest {
    /// The published form the link opens.
    pub form_id: FormId,
    /// The e-mail template carrying the link (the built-in message when absent).
    #[serde(default)]
    pub template_id: Option<TemplateId>,
}

/// A consent request that was sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ConsentRequestSent {
    /// The message in the outbox.
    pub message_id: Uuid,
    /// When the link stops working.
    pub expires_at: DateTime<Utc>,
}

/// What the hosted consent page shows for a link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ConsentPage {
    /// The organisation asking.
    pub organisation: String,
    /// The published design the subject answers.
    pub design: FormDesign,
    /// Its version.
    pub version: u32,
    /// The subject's current choices (the required purposes when nothing was chosen yet).
    pub choices: ConsentChoices,
    /// Where the subject's consent stands now.
    pub status: Option<ConsentStatus>,
}

/// What the subject did with a form's buttons.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ConsentDecision {
    /// Save the choices as ticked.
    Save,
    /// Stop processing my data.
    StopProcessing,
}

/// The subject's answer on the hosted page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ConsentSubmission {
    /// The language the subject read.
    pub lang: FormLang,
    /// What was ticked.
    pub choices: ConsentChoices,
    /// Which button.
    pub decision: ConsentDecision,
}

/// What became of a submission.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ConsentOutcome {
    /// The record's consent status now.
    pub status: ConsentStatus,
    /// The consent event recorded (and the id of its receipt).
    pub event_id: Uuid,
    /// Whether the link still works (not after withdrawing or refusing).
    pub link_usable: bool,
    /// The signed consent receipt: a compact JWS (EdDSA) whose payload follows the Kantara
    /// Consent Receipt 1.1 / ISO/IEC TS 27560 structure. Verify it against
    /// `/.well-known/consentry/jwks.json`.
    pub receipt: String,
}

/// A message's delivery state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DeliveryStatus {
    /// Kept in the outbox only (no SMTP server configured).
    Stored,
    /// Waiting for the SMTP server.
    Queued,
    /// Accepted by the SMTP server.
    Sent,
    /// The SMTP server refused it (see the detail).
    Failed,
}

/// A message in the outbox.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OutboxMessage {
    /// Message id.
    pub id: Uuid,
    /// The record it was sent to.
    pub record_id: Option<RecordId>,
    /// The address.
    pub recipient: String,
    /// Subject line.
    pub subject: String,
    /// Plain-text body.
    pub body_text: String,
    /// HTML body, if the template has one.
    #[serde(default)]
    pub body_html: Option<String>,
    /// When it was created.
    pub created_at: DateTime<Utc>,
    /// Delivery state.
    pub status: DeliveryStatus,
    /// Why delivery failed, or the server's answer.
    pub detail: Option<String>,
}

/// The outbox: what was sent, and whether an SMTP server delivers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Outbox {
    /// Whether an SMTP server is configured. When not, messages are kept here only.
    pub smtp_configured: bool,
    /// The newest messages first.
    pub messages: Vec<OutboxMessage>,
}

/// Send a consent request to every record of a filtered list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BulkConsentRequest {
    /// Which records.
    pub filter: RecordFilter,
    /// The published form the links open.
    pub form_id: FormId,
    /// The e-mail template carrying the links (the built-in message when absent).
    #[serde(default)]
    pub template_id: Option<TemplateId>,
}

/// Where a bulk send stands. Records that cannot be asked are skipped and counted by reason
/// (`no_email`, `stop_processing`, `subject_denied`, `basis_not_consent`, ...).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BulkSendProgress {
    /// Job id.
    pub id: Uuid,
    /// Running, finished or failed.
    pub state: JobState,
    /// Records matching the filter when the job started.
    pub total: u64,
    /// Records handled so far.
    pub processed: u64,
    /// Requests sent.
    pub sent: u64,
    /// Records skipped, by reason code.
    pub skipped: BTreeMap<String, u64>,
}

/// A receipt to check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReceiptCheck {
    /// The compact JWS as downloaded.
    pub receipt: String,
}

/// What a receipt says, once its signature checked out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReceiptSummary {
    /// The receipt's id.
    pub receipt_id: String,
    /// The organisation that signed it.
    pub controller: String,
    /// When consent was given or refused, as `YYYY-MM-DD HH:MM UTC` (text, so the public
    /// page needs no date code).
    pub at: String,
    /// `granted`, `refused` or `withdrawn`.
    pub decision: String,
    /// The purposes with their status.
    pub purposes: Vec<(String, String)>,
    /// The published form version and the SHA-256 of its text.
    pub form_version: u32,
    /// SHA-256 of the form text the subject read.
    pub text_hash: String,
}

/// A consent event as recorded: what the subject decided on which version of which form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ConsentEvent {
    /// Event id (also its receipt's id).
    pub id: Uuid,
    /// The form.
    pub form_id: FormId,
    /// The version read.
    pub form_version: u32,
    /// SHA-256 of that version's text.
    pub text_hash: String,
    /// The language read.
    pub lang: FormLang,
    /// `granted`, `refused` or `withdrawn`.
    pub decision: String,
    /// What was ticked.
    pub choices: ConsentChoices,
    /// When.
    pub at: DateTime<Utc>,
    /// The client's address, truncated.
    pub ip: Option<String>,
    /// The browser.
    pub user_agent: Option<String>,
}
