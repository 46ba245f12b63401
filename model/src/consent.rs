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

/// A consent request that was made: its link and the message carrying it, on its way. The
/// record moves to Waiting only once the message is delivered (see [`RequestDelivery`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ConsentRequestSent {
    /// The message in the outbox.
    pub message_id: Uuid,
    /// When the link stops working (later by as long as delivery takes).
    pub expires_at: DateTime<Utc>,
    /// Where the message is: `queued` for the SMTP server, or `stored` in the Outbox for the
    /// privacy officer to send by hand (no SMTP server configured).
    pub delivery: DeliveryStatus,
}

/// What a consent link in a stored message is shown as: the token itself is never stored
/// with the message, only sealed beside it, and put in when the message is handed over.
pub const MASKED_TOKEN: &str = "\u{2022}\u{2022}\u{2022}\u{2022}\u{2022}\u{2022}\u{2022}\u{2022}";

/// Where the newest consent request to a record stands on its way to the data subject.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum RequestDelivery {
    /// Waiting for the SMTP server to accept it (retried with growing pauses); the record
    /// keeps its status until then.
    Queued {
        /// The message.
        message_id: Uuid,
        /// Attempts so far.
        attempts: u32,
        /// When the next attempt is due.
        next_attempt_at: Option<DateTime<Utc>>,
        /// Why the last attempt failed.
        last_failure: Option<String>,
    },
    /// Kept in the Outbox (no SMTP server): the privacy officer sends it by hand there.
    Stored {
        /// The message.
        message_id: Uuid,
    },
    /// Accepted by the SMTP server (or handed over to be sent by hand): the waiting period
    /// runs from then.
    Delivered {
        /// The message.
        message_id: Uuid,
        /// When.
        at: DateTime<Utc>,
    },
    /// It could not be delivered: the record was left where it was.
    Failed {
        /// The message.
        message_id: Uuid,
        /// Why.
        reason: String,
    },
}

impl RequestDelivery {
    /// The message it is about.
    pub fn message_id(&self) -> Uuid {
        match self {
            RequestDelivery::Queued { message_id, .. }
            | RequestDelivery::Stored { message_id }
            | RequestDelivery::Delivered { message_id, .. }
            | RequestDelivery::Failed { message_id, .. } => *message_id,
        }
    }
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
    /// The language to show it in: the subject's most wanted one the form has (the link's
    /// `lang`, their earlier choice, their browser's), else the form's default.
    pub lang: crate::forms::FormLang,
    /// The subject's current choices (the required purposes when nothing was chosen yet).
    pub choices: ConsentChoices,
    /// Where the subject's consent stands now.
    pub status: Option<ConsentStatus>,
    /// Whose link this is: the record's e-mail address, masked (`j•••@example.nl`), so a
    /// forwarded mail is noticed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient: Option<String>,
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

/// A decision as a consent receipt states it: the receipt's `decision`, and each purpose's
/// `status` (granted or refused). Pages show it in their reader's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReceiptDecision {
    /// Consent given.
    Granted,
    /// Consent refused.
    Refused,
    /// Consent withdrawn.
    Withdrawn,
}

impl ReceiptDecision {
    /// Every decision.
    pub const ALL: [ReceiptDecision; 3] = [
        ReceiptDecision::Granted,
        ReceiptDecision::Refused,
        ReceiptDecision::Withdrawn,
    ];

    /// The code a receipt holds.
    pub fn code(self) -> &'static str {
        match self {
            ReceiptDecision::Granted => "granted",
            ReceiptDecision::Refused => "refused",
            ReceiptDecision::Withdrawn => "withdrawn",
        }
    }

    /// The decision a receipt's code stands for.
    pub fn from_code(code: &str) -> Option<ReceiptDecision> {
        ReceiptDecision::ALL.into_iter().find(|d| d.code() == code)
    }
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
    /// Not delivered (see the detail): refused by the SMTP server, or not accepted before
    /// the retries ran out. A Retry queues it again.
    Failed,
}

/// What a message is for: the mails whose sending is evidence.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum MessageKind {
    /// A consent request with its personal link: delivering it starts the waiting period.
    ConsentRequest,
    /// A double opt-in confirmation link.
    SignUpConfirmation,
    /// A privacy-centre verification code.
    PrivacyCentreCode,
    /// A notice about a data-subject request (extension, refusal, completion, the privacy
    /// centre's address).
    RequestNotice,
    /// A link to download a subject's data export.
    ExportLink,
    /// Written by a version that did not say.
    #[default]
    Other,
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
    /// What it is for.
    #[serde(default)]
    pub kind: MessageKind,
    /// Delivery attempts so far.
    #[serde(default)]
    pub attempts: u32,
    /// When the next attempt is due (Queued only).
    #[serde(default)]
    pub next_attempt_at: Option<DateTime<Utc>>,
    /// When the SMTP server accepted it, or it was handed over to be sent by hand.
    #[serde(default)]
    pub sent_at: Option<DateTime<Utc>>,
    /// The message sent in its place (a newer consent request, or a retry with a fresh link):
    /// this one is not retried.
    #[serde(default)]
    pub replaced_by: Option<Uuid>,
}

impl OutboxMessage {
    /// Whether *Retry* applies: it failed and nothing was sent in its place.
    pub fn retryable(&self) -> bool {
        self.status == DeliveryStatus::Failed && self.replaced_by.is_none()
    }
}

/// A message handed over to be sent by hand (no SMTP server): as the subject must receive it,
/// with its link. Not kept anywhere.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HandedOver {
    /// The address to send it to.
    pub recipient: String,
    /// Subject line.
    pub subject: String,
    /// Plain-text body, with the personal link.
    pub body_text: String,
}

/// What *Retry failed* did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RetriedMessages {
    /// Messages queued again.
    pub retried: u64,
    /// Of those, consent requests whose link no longer worked: sent anew with a fresh link.
    pub renewed: u64,
}

/// The outbox: what was sent, and whether an SMTP server delivers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Outbox {
    /// Whether an SMTP server is configured. When not, messages are kept here only.
    pub smtp_configured: bool,
    /// The newest messages first.
    pub messages: Vec<OutboxMessage>,
    /// Pass as `before` for the next (older) page; absent on the last.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<Uuid>,
    /// How many messages match the filters, on every page together.
    pub total: u64,
    /// How many messages of the whole outbox failed with nothing sent in their place: what
    /// *Retry all* retries.
    pub retryable: u64,
}

/// Which messages of the outbox to list, newest first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct OutboxQuery {
    /// Only messages in this delivery status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<DeliveryStatus>,
    /// Only messages of this kind.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<MessageKind>,
    /// Only messages to this record.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record_id: Option<RecordId>,
    /// Only messages older than this one (the previous page's `next`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before: Option<Uuid>,
    /// How many (1–500, 100 when left out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 500))]
    pub limit: Option<u32>,
}

impl OutboxQuery {
    /// Messages on one page.
    pub const DEFAULT_LIMIT: u32 = 100;
    /// The most on one page.
    pub const MAX_LIMIT: u32 = 500;
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
    /// Skip records sent a consent request at or after this time (counted as `asked_since`):
    /// to ask the rest of a list whose earlier send was cut off, without asking anyone twice.
    /// A request whose delivery failed does not count: that record is asked again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skip_asked_since: Option<chrono::DateTime<chrono::Utc>>,
}

/// Where a bulk send stands. Records that cannot be asked are skipped and counted by reason
/// (`no_email`, `stop_processing`, `subject_denied`, `basis_not_consent`, ...). The delivery
/// counts follow the job's messages as the mail sender works through them, also after the
/// job itself finished.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BulkSendProgress {
    /// Job id.
    pub id: Uuid,
    /// Running, finished, failed or interrupted: the job's own pass over the records.
    pub state: JobState,
    /// Records matching the filter when the job started.
    pub total: u64,
    /// Records handled so far.
    pub processed: u64,
    /// Requests made: each a link and a message.
    pub requested: u64,
    /// Messages waiting for the SMTP server (retried until accepted or given up).
    pub queued: u64,
    /// Messages the SMTP server accepted (or handed over to be sent by hand): these records
    /// are Waiting.
    pub delivered: u64,
    /// Messages not delivered: these records were left where they were.
    pub failed: u64,
    /// Messages kept in the Outbox to be sent by hand (no SMTP server).
    pub stored: u64,
    /// Records skipped, by reason code.
    pub skipped: BTreeMap<String, u64>,
    /// When the job started.
    #[serde(default)]
    pub started_at: Option<chrono::DateTime<chrono::Utc>>,
    /// When its pass over the records ended (finished, failed or found interrupted).
    #[serde(default)]
    pub finished_at: Option<chrono::DateTime<chrono::Utc>>,
    /// Who started it.
    #[serde(default)]
    pub started_by: Option<String>,
    /// For an interrupted job: what was done and what to do now (English).
    #[serde(default)]
    pub interruption: Option<String>,
}

impl BulkSendProgress {
    /// Whether anything is still moving: the job, or its messages on their way.
    pub fn in_progress(&self) -> bool {
        self.state == JobState::Running || self.queued > 0
    }
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
