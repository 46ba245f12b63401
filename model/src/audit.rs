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
    /// What it happened to.
    pub subject: Option<String>,
    /// State before (absent when there is none).
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before: Option<serde_json::Value>,
    /// State after (absent when there is none).
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<serde_json::Value>,
    /// This entry's hash (hex), covering the previous entry's hash.
    pub hash: String,
}

/// The result of verifying the chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum AuditVerdict {
    /// Every entry's hash matches its content and its predecessor.
    Intact {
        /// Entries checked.
        entries: u64,
    },
    /// The first entry whose hash does not match: it, or one before it, was changed or
    /// removed.
    Broken {
        /// Sequence number of the first broken entry.
        seq: u64,
        /// What does not match.
        reason: String,
    },
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
    /// Records were exported by staff (CSV or JSON).
    #[serde(rename = "records.exported")]
    RecordsExported,
    /// A masked sensitive value was revealed to a user.
    #[serde(rename = "record.value_revealed")]
    ValueRevealed,
    /// The erased subject was sent their confirmation (the message itself is not kept).
    #[serde(rename = "subject.erasure_confirmed")]
    ErasureConfirmed,
    /// A data-subject request was verified, started, completed, refused or extended.
    #[serde(rename = "request.changed")]
    RequestChanged,
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
    /// An e-mail template was created.
    #[serde(rename = "template.created")]
    TemplateCreated,
    /// An e-mail template was changed.
    #[serde(rename = "template.changed")]
    TemplateChanged,
    /// An e-mail template was deleted.
    #[serde(rename = "template.deleted")]
    TemplateDeleted,
}

impl AuditAction {
    /// Every action, for filters.
    pub const ALL: [AuditAction; 39] = [
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
        AuditAction::ApiKeyCreated,
        AuditAction::ApiKeyRevoked,
        AuditAction::WebhookCreated,
        AuditAction::WebhookDeleted,
        AuditAction::RecordCreated,
        AuditAction::RecordUpdated,
        AuditAction::RecordDeleted,
        AuditAction::BasisChanged,
        AuditAction::BasisChangedInBulk,
        AuditAction::RecordsImported,
        AuditAction::RequestCreated,
        AuditAction::RequestChanged,
        AuditAction::SubjectErased,
        AuditAction::ErasureConfirmed,
        AuditAction::DataRequestLinkSent,
        AuditAction::ProcessingStopped,
        AuditAction::ProcessingResumed,
        AuditAction::FormCreated,
        AuditAction::FormDraftSaved,
        AuditAction::FormPublished,
        AuditAction::ConsentRequested,
        AuditAction::ConsentAnswered,
        AuditAction::ConsentRecorded,
        AuditAction::FormSignUpChanged,
        AuditAction::FormWidgetChanged,
        AuditAction::SignedUp,
        AuditAction::TemplateCreated,
        AuditAction::TemplateChanged,
        AuditAction::TemplateDeleted,
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
            AuditAction::ApiKeyCreated => "api_key.created",
            AuditAction::ApiKeyRevoked => "api_key.revoked",
            AuditAction::WebhookCreated => "webhook.created",
            AuditAction::WebhookDeleted => "webhook.deleted",
            AuditAction::RecordCreated => "record.created",
            AuditAction::RecordUpdated => "record.updated",
            AuditAction::RecordDeleted => "record.deleted",
            AuditAction::BasisChanged => "record.basis_changed",
            AuditAction::BasisChangedInBulk => "records.basis_changed_in_bulk",
            AuditAction::RecordsImported => "records.imported",
            AuditAction::RequestCreated => "request.created",
            AuditAction::RequestChanged => "request.changed",
            AuditAction::SubjectErased => "subject.erased",
            AuditAction::ErasureConfirmed => "subject.erasure_confirmed",
            AuditAction::DataRequestLinkSent => "request.link_sent",
            AuditAction::ProcessingStopped => "record.processing_stopped",
            AuditAction::ProcessingResumed => "record.processing_resumed",
            AuditAction::FormCreated => "form.created",
            AuditAction::FormDraftSaved => "form.draft_saved",
            AuditAction::FormPublished => "form.published",
            AuditAction::ConsentRequested => "consent.requested",
            AuditAction::ConsentAnswered => "consent.answered",
            AuditAction::ConsentRecorded => "consent.recorded",
            AuditAction::FormSignUpChanged => "form.sign_up_changed",
            AuditAction::FormWidgetChanged => "form.widget_changed",
            AuditAction::SignedUp => "consent.signed_up",
            AuditAction::TemplateCreated => "template.created",
            AuditAction::TemplateChanged => "template.changed",
            AuditAction::TemplateDeleted => "template.deleted",
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
