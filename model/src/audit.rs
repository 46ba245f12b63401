//! The audit trail as the API shows it.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// One entry of the hash-chained audit trail.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditEntry {
    /// Position in the organisation's chain, from 1.
    pub seq: u64,
    /// When.
    pub at: DateTime<Utc>,
    /// Who.
    pub actor: String,
    /// What, e.g. `record.basis_changed`.
    pub action: String,
    /// What it happened to (an id).
    pub subject: Option<String>,
    /// State before (absent when there is none or it was redacted).
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before: Option<serde_json::Value>,
    /// State after (absent when there is none or it was redacted).
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<serde_json::Value>,
    /// Set when the entry's detail (before and after) was deleted, e.g. by an erasure: the
    /// entry itself stays in the chain.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub redacted: Option<Redacted>,
    /// This entry's hash (hex), covering the previous entry's hash.
    pub hash: String,
}

/// Which entries of the audit trail a list, count or export covers.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct AuditFilter {
    /// Only this action, e.g. `record.basis_changed`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<AuditAction>,
    /// Only entries by this actor, exactly as the trail names them (see `/audit/actors`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor: Option<String>,
    /// Only entries at or after this moment: RFC 3339, or a day (`2026-12-01`: its start, UTC).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "moment"
    )]
    #[cfg_attr(feature = "openapi", param(value_type = Option<String>))]
    pub from: Option<DateTime<Utc>>,
    /// Only entries before this moment: RFC 3339, or a day (`2026-12-02`: its start, UTC, so
    /// the day itself is not included).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "moment"
    )]
    #[cfg_attr(feature = "openapi", param(value_type = Option<String>))]
    pub until: Option<DateTime<Utc>>,
}

impl AuditFilter {
    /// The field that makes the period empty, with what to do: `until` not after `from`.
    pub fn check(&self) -> Result<(), (&'static str, &'static str)> {
        match (self.from, self.until) {
            (Some(from), Some(until)) if until <= from => Err((
                "until",
                "Until is not after From: choose an end after the start.",
            )),
            _ => Ok(()),
        }
    }
}

/// Reads a moment written as RFC 3339 or as a day (its start, UTC).
fn moment<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<DateTime<Utc>>, D::Error> {
    let Some(text) = Option::<String>::deserialize(deserializer)? else {
        return Ok(None);
    };
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .or_else(|_| {
            chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
                .map(|day| day.and_time(chrono::NaiveTime::MIN).and_utc())
        })
        .map(Some)
        .map_err(|_| {
            serde::de::Error::custom(format_args!(
                "{text:?} is not a day or a moment: write a day such as 2026-12-01 or a \
                 moment such as 2026-12-01T09:30:00Z"
            ))
        })
}

/// Why an entry's detail is gone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Redacted {
    /// The `audit.redacted` entry that records it.
    pub by_seq: u64,
    /// The reason, e.g. `erasure`.
    pub reason: String,
}

/// The signed checkpoint a verification compared the trail with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CheckpointRef {
    /// The entry whose hash it signed.
    pub seq: u64,
    /// When it was signed.
    pub at: DateTime<Utc>,
    /// Where it came from: [`CHECKPOINT_IN_DATABASE`], [`CHECKPOINT_IN_LOG`], or the file
    /// given to `verify-audit --checkpoint`.
    pub source: String,
}

/// A checkpoint's source: the database's own table of signed checkpoints.
pub const CHECKPOINT_IN_DATABASE: &str = "database";
/// A checkpoint's source: the append-only checkpoint log beside the database.
pub const CHECKPOINT_IN_LOG: &str = "checkpoint log";

/// What is wrong with a trail.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ChainProblem {
    /// An entry's content or link does not match its hash.
    EntryChanged,
    /// An entry in the middle is gone.
    EntryMissing,
    /// A detail does not match the commitment the chain holds.
    DetailChanged,
    /// A detail is gone and no redaction entry says why.
    DetailMissing,
    /// Entries after a signed checkpoint are gone.
    Truncated,
    /// The trail differs from a signed checkpoint: it was changed and hashed anew.
    Rehashed,
    /// The organisation has no entries at all.
    Emptied,
    /// A checkpoint's signature does not verify with this installation's audit key.
    CheckpointInvalid,
}

/// The result of verifying the chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum AuditVerdict {
    /// Every entry's hash matches its content and its predecessor, every detail its
    /// commitment (or a redaction entry names it), and every signed checkpoint the trail.
    Intact {
        /// Entries checked.
        entries: u64,
        /// Entries whose detail was redacted, each named by a redaction entry.
        redacted: u64,
        /// The newest signed checkpoint the trail matched, if any.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        checkpoint: Option<CheckpointRef>,
    },
    /// The first problem found.
    Broken {
        /// Sequence number of the first broken entry.
        seq: u64,
        /// What kind of problem.
        problem: ChainProblem,
        /// What does not match, in words.
        reason: String,
    },
}

/// A signed checkpoint of an organisation's chain head.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditCheckpoint {
    /// The entry whose hash it signs.
    pub seq: u64,
    /// That hash (hex).
    pub head: String,
    /// When it was signed.
    pub at: DateTime<Utc>,
    /// The checkpoint as a compact JWS (EdDSA), as `verify-audit --checkpoint` reads it.
    pub jws: String,
}

/// Something the audit trail records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum AuditAction {
    /// A user signed in.
    #[serde(rename = "session.signed_in")]
    SignedIn,
    /// Compliance settings were changed.
    #[serde(rename = "compliance.settings_changed")]
    SettingsChanged,
    /// A custom module was added.
    #[serde(rename = "module.created")]
    ModuleCreated,
    /// Compliance was turned on or off for a module.
    #[serde(rename = "module.compliance_changed")]
    ModuleComplianceChanged,
    /// A custom field was added to a module.
    #[serde(rename = "field.created")]
    FieldCreated,
    /// A field's label, options, required flag or classification was changed.
    #[serde(rename = "field.changed")]
    FieldChanged,
    /// A custom field was removed, with every record's value of it.
    #[serde(rename = "field.deleted")]
    FieldDeleted,
    /// A record was created.
    #[serde(rename = "record.created")]
    RecordCreated,
    /// A record's fields were changed.
    #[serde(rename = "record.updated")]
    RecordUpdated,
    /// A record was deleted.
    #[serde(rename = "record.deleted")]
    RecordDeleted,
    /// A record's basis was changed.
    #[serde(rename = "record.basis_changed")]
    BasisChanged,
    /// The basis of a filtered set of records was changed.
    #[serde(rename = "records.basis_changed_in_bulk")]
    BasisChangedInBulk,
    /// Records were imported from a CSV file.
    #[serde(rename = "records.imported")]
    RecordsImported,
    /// A background job (an import, a bulk consent request) was found cut off by a server
    /// stop (crash, kill, power cut) and marked interrupted.
    #[serde(rename = "job.interrupted")]
    JobInterrupted,
    /// A data-subject request was filed.
    #[serde(rename = "request.created")]
    RequestCreated,
    /// Processing of a record was stopped (art. 18, 21).
    #[serde(rename = "record.processing_stopped")]
    ProcessingStopped,
    /// Stop processing of a record was lifted.
    #[serde(rename = "record.processing_resumed")]
    ProcessingResumed,
    /// A record's subject was mailed the privacy centre's address.
    #[serde(rename = "request.link_sent")]
    DataRequestLinkSent,
    /// A data subject's personal data was erased (art. 17).
    #[serde(rename = "subject.erased")]
    SubjectErased,
    /// A field's encryption at rest was switched on or off.
    #[serde(rename = "field.encryption_changed")]
    FieldEncryptionChanged,
    /// An API key was created.
    #[serde(rename = "api_key.created")]
    ApiKeyCreated,
    /// An API key was revoked.
    #[serde(rename = "api_key.revoked")]
    ApiKeyRevoked,
    /// A webhook was subscribed.
    #[serde(rename = "webhook.created")]
    WebhookCreated,
    /// A webhook was removed.
    #[serde(rename = "webhook.deleted")]
    WebhookDeleted,
    /// A dead webhook delivery was queued again.
    #[serde(rename = "webhook.delivery_retried")]
    WebhookDeliveryRetried,
    /// A message that was not delivered was queued again from the Outbox.
    #[serde(rename = "outbox.message_retried")]
    MessageRetried,
    /// A message kept in the Outbox (no SMTP server) was handed over to be sent by hand.
    #[serde(rename = "outbox.message_handed_over")]
    MessageHandedOver,
    /// Records were exported by staff (CSV or JSON).
    #[serde(rename = "records.exported")]
    RecordsExported,
    /// The audit trail (or a filtered part of it) was exported as CSV.
    #[serde(rename = "audit.exported")]
    AuditExported,
    /// A masked sensitive value was revealed to a user.
    #[serde(rename = "record.value_revealed")]
    ValueRevealed,
    /// Records the retention review found lapsed were erased (by a privacy officer, or by
    /// Consentry when automatic erasure is on).
    #[serde(rename = "records.retention_erased")]
    RetentionErased,
    /// A record's retention section (legal hold, contract end) changed.
    #[serde(rename = "record.retention_changed")]
    RecordRetentionChanged,
    /// The erased subject was sent their confirmation (the message itself is not kept).
    #[serde(rename = "subject.erasure_confirmed")]
    ErasureConfirmed,
    /// A data-subject request was verified, started, refused or extended.
    #[serde(rename = "request.changed")]
    RequestChanged,
    /// A data-subject request was completed (entries from before 2026-12-03 show this as
    /// `request.changed` with status `completed`).
    #[serde(rename = "request.completed")]
    RequestCompleted,
    /// A consent form was created.
    #[serde(rename = "form.created")]
    FormCreated,
    /// A consent form's draft was saved.
    #[serde(rename = "form.draft_saved")]
    FormDraftSaved,
    /// A consent form version was published.
    #[serde(rename = "form.published")]
    FormPublished,
    /// A consent request was sent to a record.
    #[serde(rename = "consent.requested")]
    ConsentRequested,
    /// A data subject answered a consent request.
    #[serde(rename = "consent.answered")]
    ConsentAnswered,
    /// Consent another system obtained was recorded through the API.
    #[serde(rename = "consent.recorded")]
    ConsentRecorded,
    /// A consent form's public sign-up settings changed.
    #[serde(rename = "form.sign_up_changed")]
    FormSignUpChanged,
    /// Where a consent form may be embedded, or its Consent Mode setting, changed.
    #[serde(rename = "form.widget_changed")]
    FormWidgetChanged,
    /// Someone signed up through a public consent form.
    #[serde(rename = "consent.signed_up")]
    SignedUp,
    /// A sign-up not confirmed within the waiting period was deleted, with the record it
    /// created when that held nothing else.
    #[serde(rename = "consent.sign_up_forgotten")]
    SignUpForgotten,
    /// An e-mail template was created.
    #[serde(rename = "template.created")]
    TemplateCreated,
    /// An e-mail template was changed.
    #[serde(rename = "template.changed")]
    TemplateChanged,
    /// An e-mail template was deleted.
    #[serde(rename = "template.deleted")]
    TemplateDeleted,
    /// The organisation was created.
    #[serde(rename = "organisation.created")]
    OrganisationCreated,
    /// Details of earlier entries were deleted (e.g. by an erasure); the entries stay.
    #[serde(rename = "audit.redacted")]
    AuditRedacted,
    /// The chain was hashed anew when entry details moved out of it (its old head is kept).
    #[serde(rename = "audit.chain_resealed")]
    ChainResealed,
}

impl AuditAction {
    /// The action of moving a data-subject request to `status`: completing it is its own
    /// action (it raises `dsr.completed`), any other step is `request.changed`.
    pub fn request_moved_to(status: crate::requests::RequestStatus) -> Self {
        match status {
            crate::requests::RequestStatus::Completed => AuditAction::RequestCompleted,
            _ => AuditAction::RequestChanged,
        }
    }

    /// Every action, for filters.
    pub const ALL: [AuditAction; 51] = [
        AuditAction::OrganisationCreated,
        AuditAction::SignedIn,
        AuditAction::SettingsChanged,
        AuditAction::ModuleCreated,
        AuditAction::ModuleComplianceChanged,
        AuditAction::FieldCreated,
        AuditAction::FieldChanged,
        AuditAction::FieldDeleted,
        AuditAction::FieldEncryptionChanged,
        AuditAction::ValueRevealed,
        AuditAction::RecordsExported,
        AuditAction::AuditExported,
        AuditAction::ApiKeyCreated,
        AuditAction::ApiKeyRevoked,
        AuditAction::WebhookCreated,
        AuditAction::WebhookDeleted,
        AuditAction::WebhookDeliveryRetried,
        AuditAction::RecordCreated,
        AuditAction::RecordUpdated,
        AuditAction::RecordDeleted,
        AuditAction::BasisChanged,
        AuditAction::BasisChangedInBulk,
        AuditAction::RecordsImported,
        AuditAction::JobInterrupted,
        AuditAction::RequestCreated,
        AuditAction::RequestChanged,
        AuditAction::RequestCompleted,
        AuditAction::SubjectErased,
        AuditAction::ErasureConfirmed,
        AuditAction::RetentionErased,
        AuditAction::RecordRetentionChanged,
        AuditAction::DataRequestLinkSent,
        AuditAction::ProcessingStopped,
        AuditAction::ProcessingResumed,
        AuditAction::FormCreated,
        AuditAction::FormDraftSaved,
        AuditAction::FormPublished,
        AuditAction::ConsentRequested,
        AuditAction::MessageRetried,
        AuditAction::MessageHandedOver,
        AuditAction::ConsentAnswered,
        AuditAction::ConsentRecorded,
        AuditAction::FormSignUpChanged,
        AuditAction::FormWidgetChanged,
        AuditAction::SignedUp,
        AuditAction::SignUpForgotten,
        AuditAction::TemplateCreated,
        AuditAction::TemplateChanged,
        AuditAction::TemplateDeleted,
        AuditAction::AuditRedacted,
        AuditAction::ChainResealed,
    ];

    /// The stored code, e.g. `record.basis_changed` (identical to the JSON form).
    pub fn code(self) -> &'static str {
        match self {
            AuditAction::SignedIn => "session.signed_in",
            AuditAction::SettingsChanged => "compliance.settings_changed",
            AuditAction::ModuleCreated => "module.created",
            AuditAction::ModuleComplianceChanged => "module.compliance_changed",
            AuditAction::FieldCreated => "field.created",
            AuditAction::FieldChanged => "field.changed",
            AuditAction::FieldDeleted => "field.deleted",
            AuditAction::FieldEncryptionChanged => "field.encryption_changed",
            AuditAction::ValueRevealed => "record.value_revealed",
            AuditAction::RecordsExported => "records.exported",
            AuditAction::AuditExported => "audit.exported",
            AuditAction::ApiKeyCreated => "api_key.created",
            AuditAction::ApiKeyRevoked => "api_key.revoked",
            AuditAction::WebhookCreated => "webhook.created",
            AuditAction::WebhookDeleted => "webhook.deleted",
            AuditAction::WebhookDeliveryRetried => "webhook.delivery_retried",
            AuditAction::RecordCreated => "record.created",
            AuditAction::RecordUpdated => "record.updated",
            AuditAction::RecordDeleted => "record.deleted",
            AuditAction::BasisChanged => "record.basis_changed",
            AuditAction::BasisChangedInBulk => "records.basis_changed_in_bulk",
            AuditAction::RecordsImported => "records.imported",
            AuditAction::JobInterrupted => "job.interrupted",
            AuditAction::RequestCreated => "request.created",
            AuditAction::RequestChanged => "request.changed",
            AuditAction::RequestCompleted => "request.completed",
            AuditAction::SubjectErased => "subject.erased",
            AuditAction::ErasureConfirmed => "subject.erasure_confirmed",
            AuditAction::RetentionErased => "records.retention_erased",
            AuditAction::RecordRetentionChanged => "record.retention_changed",
            AuditAction::DataRequestLinkSent => "request.link_sent",
            AuditAction::ProcessingStopped => "record.processing_stopped",
            AuditAction::ProcessingResumed => "record.processing_resumed",
            AuditAction::FormCreated => "form.created",
            AuditAction::FormDraftSaved => "form.draft_saved",
            AuditAction::FormPublished => "form.published",
            AuditAction::ConsentRequested => "consent.requested",
            AuditAction::MessageRetried => "outbox.message_retried",
            AuditAction::MessageHandedOver => "outbox.message_handed_over",
            AuditAction::ConsentAnswered => "consent.answered",
            AuditAction::ConsentRecorded => "consent.recorded",
            AuditAction::FormSignUpChanged => "form.sign_up_changed",
            AuditAction::FormWidgetChanged => "form.widget_changed",
            AuditAction::SignedUp => "consent.signed_up",
            AuditAction::SignUpForgotten => "consent.sign_up_forgotten",
            AuditAction::TemplateCreated => "template.created",
            AuditAction::TemplateChanged => "template.changed",
            AuditAction::TemplateDeleted => "template.deleted",
            AuditAction::OrganisationCreated => "organisation.created",
            AuditAction::AuditRedacted => "audit.redacted",
            AuditAction::ChainResealed => "audit.chain_resealed",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn action_codes_match_the_json_form() {
        for action in AuditAction::ALL {
            let json = serde_json::to_string(&action).expect("serializes");
            assert_eq!(json, format!("\"{}\"", action.code()));
        }
    }
}

/// Who did something when it was not a user or an API key: the server writes these names in
/// the audit trail and in a record's history, and each screen shows them in its own language
/// (the stored name stays as it was written, as evidence does).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Actor {
    /// The data subject, through a link or form of theirs.
    DataSubject,
    /// The data subject, who proved control of their e-mail address with a code.
    VerifiedEmail,
    /// Consentry itself (a waiting period running out, a message delivered).
    System,
}

impl Actor {
    /// Every one of them.
    pub const ALL: [Actor; 3] = [Actor::DataSubject, Actor::VerifiedEmail, Actor::System];

    /// The name stored for it.
    pub fn stored_name(self) -> &'static str {
        match self {
            Actor::DataSubject => "data subject",
            Actor::VerifiedEmail => "data subject (verified e-mail)",
            Actor::System => "Consentry",
        }
    }

    /// The actor a stored name stands for; `None` for a user, an API key or a form.
    pub fn from_stored(name: &str) -> Option<Actor> {
        Actor::ALL.into_iter().find(|a| a.stored_name() == name)
    }
}

/// What an erasure leaves of a request's requester: this prefix and the first 16 hex digits
/// of a keyed hash of who asked (so the request can still be told apart, never traced back).
pub const ERASED_REQUESTER_PREFIX: &str = "erased · ";

/// The keyed hash an erased requester was replaced by; `None` for a requester still named.
pub fn erased_requester(requested_by: &str) -> Option<&str> {
    requested_by.strip_prefix(ERASED_REQUESTER_PREFIX)
}

/// A reason Consentry itself writes into an audit detail (as opposed to one a person typed):
/// stored as its English text, named in the reader's language by screens and reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WrittenReason {
    /// A redaction made by an erasure.
    Erasure,
    /// A sign-up forgotten because it was not confirmed in time.
    NotConfirmed,
    /// Processing stopped because the subject asked (a stop-processing request).
    StopRequested,
    /// Processing stopped because the subject objected to legitimate interests.
    Objected,
    /// Fields corrected because the subject asked (a rectification request).
    Rectification,
}

impl WrittenReason {
    /// Every written reason.
    pub const ALL: [WrittenReason; 5] = [
        WrittenReason::Erasure,
        WrittenReason::NotConfirmed,
        WrittenReason::StopRequested,
        WrittenReason::Objected,
        WrittenReason::Rectification,
    ];

    /// The text stored in the audit detail.
    pub fn stored(self) -> &'static str {
        match self {
            WrittenReason::Erasure => "erasure",
            WrittenReason::NotConfirmed => "not confirmed within the waiting period",
            WrittenReason::StopRequested => "Data subject request: stop processing",
            WrittenReason::Objected => "Data subject objected (art. 21)",
            WrittenReason::Rectification => "Rectification request",
        }
    }

    /// The written reason a stored text is; `None` for one a person typed.
    pub fn from_stored(text: &str) -> Option<WrittenReason> {
        WrittenReason::ALL.into_iter().find(|r| r.stored() == text)
    }
}

/// How the reason of resumed processing starts; the officer's own reason follows.
pub const RESUMED_PREFIX: &str = "Processing resumed: ";

#[cfg(test)]
mod actor_tests {
    use super::*;

    #[test]
    fn every_actor_reads_back_from_its_stored_name_and_users_are_no_actor() {
        for actor in Actor::ALL {
            assert_eq!(Actor::from_stored(actor.stored_name()), Some(actor));
        }
        assert_eq!(Actor::from_stored("anna@example.nl"), None);
        assert_eq!(erased_requester("erased · 0123abcd"), Some("0123abcd"));
        assert_eq!(erased_requester("jan@example.nl"), None);
    }
}
