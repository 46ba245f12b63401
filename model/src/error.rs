//! The one error shape every failing JSON endpoint answers with.

use serde::{Deserialize, Serialize};

/// JSON body of every error response:
/// `{ "error": code, "message": ..., "field": ..., "request_id": ... }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErrorBody {
    /// Stable machine-readable code, e.g. `invalid_field`, `unauthenticated`, `forbidden`.
    pub error: ErrorCode,
    /// A sentence for a person: what went wrong and what to do about it.
    pub message: String,
    /// The request field at fault (a JSON path such as `admin.email`), when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// The request's id (as in its `X-Request-Id` header and its log lines), to quote when
    /// reporting the failure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// The stable, machine-readable codes of [`ErrorBody::error`]: a client matches on these, never
/// on the message. A code a newer server sends that this build does not know is
/// [`ErrorCode::Other`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// A field failed to parse or broke a rule (`field` names it).
    InvalidField,
    /// The body is not JSON, or not of the expected shape.
    MalformedJson,
    /// The body is not declared as JSON.
    UnsupportedMediaType,
    /// The method is not one this route answers (a `HEAD` of the API, which would run the
    /// route's reads, audited ones included, without delivering them).
    MethodNotAllowed,
    /// The body is larger than the route takes.
    PayloadTooLarge,
    /// The body arrived slower than the minimum rate.
    BodyTooSlow,
    /// The request was not answered in time and was stopped.
    RequestTimeout,
    /// The server or its database is busy: try again after `Retry-After`.
    Busy,
    /// Something failed on the server's side (logged there).
    Internal,
    /// No such thing in the caller's organisation.
    NotFound,
    /// Too many attempts: try again after `Retry-After`.
    TooManyRequests,
    /// No valid session.
    Unauthenticated,
    /// Wrong e-mail address or password.
    InvalidCredentials,
    /// The caller's profile lacks the permission.
    Forbidden,
    /// The API key lacks the route's scope, or the route takes no API key.
    MissingScope,
    /// The API key is unknown or revoked.
    UnknownApiKey,
    /// A write without the CSRF header or from another site.
    CrossSiteRequest,
    /// A widget call from a site the form is not allowed on.
    OriginNotAllowed,
    /// The Idempotency-Key was used before with another request.
    IdempotencyKeyReused,
    /// The first request with this Idempotency-Key is still running.
    IdempotencyInProgress,
    /// The first request with this Idempotency-Key was cut off.
    IdempotencyInterrupted,
    /// The installation already has its organisation.
    AlreadySetUp,
    /// Another user already signs in with this address.
    EmailTaken,
    /// Another organisation already uses this short name.
    SlugTaken,
    /// The last administrator can be neither demoted nor removed.
    LastAdministrator,
    /// A user cannot remove themselves.
    CannotRemoveSelf,
    /// The controller's profile lacks what the action needs.
    ControllerProfileIncomplete,
    /// GDPR compliance is not enabled for this module.
    ComplianceDisabled,
    /// The record's subject asked to stop processing.
    StopProcessing,
    /// The consent status cannot follow the current one.
    InvalidTransition,
    /// The record changed since it was read: reload and try again.
    ChangedMeanwhile,
    /// The number of matching records changed since it was counted.
    CountChanged,
    /// A module with this name already exists.
    ModuleTaken,
    /// A field with this key already exists in the module.
    FieldTaken,
    /// A standard field cannot be changed this way.
    StandardField,
    /// The module has as many fields as it may.
    TooManyFields,
    /// A picklist option still used by records.
    OptionInUse,
    /// The record has no e-mail address.
    NoEmail,
    /// No address to send to.
    NoAddress,
    /// A form with this short name already exists.
    FormTaken,
    /// The form was published again since the page was loaded.
    FormChanged,
    /// The form was never published.
    NeverPublished,
    /// The draft is the same as the published version.
    NothingToPublish,
    /// A template with this name already exists.
    TemplateTaken,
    /// An encryption job of this field is running.
    EncryptionBusy,
    /// The field is already encrypted (or not) as asked.
    EncryptionUnchanged,
    /// The file name's extension is too long.
    ExtensionTooLong,
    /// The link has expired.
    LinkExpired,
    /// The link was replaced or revoked.
    LinkRevoked,
    /// The link was used already.
    LinkSpent,
    /// The request was answered already.
    AlreadyAnswered,
    /// The receipt's signature or contents do not check.
    ReceiptInvalid,
    /// The request is not in a status that allows the action.
    RequestStatus,
    /// The action is for another type of request.
    WrongRequestType,
    /// The request is not an access request.
    NotAnAccessRequest,
    /// The request is not an erasure request.
    NotAnErasure,
    /// Processing is not stopped for the record.
    NotStopped,
    /// The verification code was used already.
    CodeUsed,
    /// The verification code has expired.
    CodeExpired,
    /// The verification code was tried too often.
    TooManyAttempts,
    /// The audit trail does not verify.
    AuditBroken,
    /// The audit trail is being checked or signed already.
    AuditBusy,
    /// The webhook delivery is not dead-lettered.
    DeliveryNotDead,
    /// The record's Data Processing Basis is not Consent.
    BasisNotConsent,
    /// The data subject refused consent and is not asked again.
    SubjectDenied,
    /// The form hides the E-mail channel.
    EmailChannelHidden,
    /// No retention period is set, so no record is found lapsed.
    NoRetentionPeriod,
    /// The record is under a legal hold.
    LegalHold,
    /// The record was sent a consent request since the time given.
    AskedSince,
    /// No SMTP server is configured.
    NoSmtpServer,
    /// The message's link has expired.
    MessageExpired,
    /// The message has not failed.
    MessageNotFailed,
    /// The message cannot be sent again.
    MessageNotRetryable,
    /// The message's text is no longer kept.
    MessageNotStored,
    /// Another message was sent in this one's place.
    MessageReplaced,
    /// The record changed since the message was made.
    RecordChanged,
    /// A code this build does not know (from a newer server); never sent, so not in the
    /// documented list.
    #[serde(skip_serializing)]
    Other,
}

impl ErrorCode {
    /// Every code the server sends.
    pub const ALL: [ErrorCode; 76] = [
        ErrorCode::InvalidField,
        ErrorCode::MalformedJson,
        ErrorCode::UnsupportedMediaType,
        ErrorCode::MethodNotAllowed,
        ErrorCode::PayloadTooLarge,
        ErrorCode::BodyTooSlow,
        ErrorCode::RequestTimeout,
        ErrorCode::Busy,
        ErrorCode::Internal,
        ErrorCode::NotFound,
        ErrorCode::TooManyRequests,
        ErrorCode::Unauthenticated,
        ErrorCode::InvalidCredentials,
        ErrorCode::Forbidden,
        ErrorCode::MissingScope,
        ErrorCode::UnknownApiKey,
        ErrorCode::CrossSiteRequest,
        ErrorCode::OriginNotAllowed,
        ErrorCode::IdempotencyKeyReused,
        ErrorCode::IdempotencyInProgress,
        ErrorCode::IdempotencyInterrupted,
        ErrorCode::AlreadySetUp,
        ErrorCode::EmailTaken,
        ErrorCode::SlugTaken,
        ErrorCode::LastAdministrator,
        ErrorCode::CannotRemoveSelf,
        ErrorCode::ControllerProfileIncomplete,
        ErrorCode::ComplianceDisabled,
        ErrorCode::StopProcessing,
        ErrorCode::InvalidTransition,
        ErrorCode::ChangedMeanwhile,
        ErrorCode::CountChanged,
        ErrorCode::ModuleTaken,
        ErrorCode::FieldTaken,
        ErrorCode::StandardField,
        ErrorCode::TooManyFields,
        ErrorCode::OptionInUse,
        ErrorCode::NoEmail,
        ErrorCode::NoAddress,
        ErrorCode::FormTaken,
        ErrorCode::FormChanged,
        ErrorCode::NeverPublished,
        ErrorCode::NothingToPublish,
        ErrorCode::TemplateTaken,
        ErrorCode::EncryptionBusy,
        ErrorCode::EncryptionUnchanged,
        ErrorCode::ExtensionTooLong,
        ErrorCode::LinkExpired,
        ErrorCode::LinkRevoked,
        ErrorCode::LinkSpent,
        ErrorCode::AlreadyAnswered,
        ErrorCode::ReceiptInvalid,
        ErrorCode::RequestStatus,
        ErrorCode::WrongRequestType,
        ErrorCode::NotAnAccessRequest,
        ErrorCode::NotAnErasure,
        ErrorCode::NotStopped,
        ErrorCode::CodeUsed,
        ErrorCode::CodeExpired,
        ErrorCode::TooManyAttempts,
        ErrorCode::AuditBroken,
        ErrorCode::AuditBusy,
        ErrorCode::DeliveryNotDead,
        ErrorCode::BasisNotConsent,
        ErrorCode::SubjectDenied,
        ErrorCode::EmailChannelHidden,
        ErrorCode::NoRetentionPeriod,
        ErrorCode::LegalHold,
        ErrorCode::AskedSince,
        ErrorCode::NoSmtpServer,
        ErrorCode::MessageExpired,
        ErrorCode::MessageNotFailed,
        ErrorCode::MessageNotRetryable,
        ErrorCode::MessageNotStored,
        ErrorCode::MessageReplaced,
        ErrorCode::RecordChanged,
    ];

    /// The code as sent (`invalid_field`, ...).
    pub const fn code(self) -> &'static str {
        match self {
            ErrorCode::InvalidField => "invalid_field",
            ErrorCode::MalformedJson => "malformed_json",
            ErrorCode::UnsupportedMediaType => "unsupported_media_type",
            ErrorCode::MethodNotAllowed => "method_not_allowed",
            ErrorCode::PayloadTooLarge => "payload_too_large",
            ErrorCode::BodyTooSlow => "body_too_slow",
            ErrorCode::RequestTimeout => "request_timeout",
            ErrorCode::Busy => "busy",
            ErrorCode::Internal => "internal",
            ErrorCode::NotFound => "not_found",
            ErrorCode::TooManyRequests => "too_many_requests",
            ErrorCode::Unauthenticated => "unauthenticated",
            ErrorCode::InvalidCredentials => "invalid_credentials",
            ErrorCode::Forbidden => "forbidden",
            ErrorCode::MissingScope => "missing_scope",
            ErrorCode::UnknownApiKey => "unknown_api_key",
            ErrorCode::CrossSiteRequest => "cross_site_request",
            ErrorCode::OriginNotAllowed => "origin_not_allowed",
            ErrorCode::IdempotencyKeyReused => "idempotency_key_reused",
            ErrorCode::IdempotencyInProgress => "idempotency_in_progress",
            ErrorCode::IdempotencyInterrupted => "idempotency_interrupted",
            ErrorCode::AlreadySetUp => "already_set_up",
            ErrorCode::EmailTaken => "email_taken",
            ErrorCode::SlugTaken => "slug_taken",
            ErrorCode::LastAdministrator => "last_administrator",
            ErrorCode::CannotRemoveSelf => "cannot_remove_self",
            ErrorCode::ControllerProfileIncomplete => "controller_profile_incomplete",
            ErrorCode::ComplianceDisabled => "compliance_disabled",
            ErrorCode::StopProcessing => "stop_processing",
            ErrorCode::InvalidTransition => "invalid_transition",
            ErrorCode::ChangedMeanwhile => "changed_meanwhile",
            ErrorCode::CountChanged => "count_changed",
            ErrorCode::ModuleTaken => "module_taken",
            ErrorCode::FieldTaken => "field_taken",
            ErrorCode::StandardField => "standard_field",
            ErrorCode::TooManyFields => "too_many_fields",
            ErrorCode::OptionInUse => "option_in_use",
            ErrorCode::NoEmail => "no_email",
            ErrorCode::NoAddress => "no_address",
            ErrorCode::FormTaken => "form_taken",
            ErrorCode::FormChanged => "form_changed",
            ErrorCode::NeverPublished => "never_published",
            ErrorCode::NothingToPublish => "nothing_to_publish",
            ErrorCode::TemplateTaken => "template_taken",
            ErrorCode::EncryptionBusy => "encryption_busy",
            ErrorCode::EncryptionUnchanged => "encryption_unchanged",
            ErrorCode::ExtensionTooLong => "extension_too_long",
            ErrorCode::LinkExpired => "link_expired",
            ErrorCode::LinkRevoked => "link_revoked",
            ErrorCode::LinkSpent => "link_spent",
            ErrorCode::AlreadyAnswered => "already_answered",
            ErrorCode::ReceiptInvalid => "receipt_invalid",
            ErrorCode::RequestStatus => "request_status",
            ErrorCode::WrongRequestType => "wrong_request_type",
            ErrorCode::NotAnAccessRequest => "not_an_access_request",
            ErrorCode::NotAnErasure => "not_an_erasure",
            ErrorCode::NotStopped => "not_stopped",
            ErrorCode::CodeUsed => "code_used",
            ErrorCode::CodeExpired => "code_expired",
            ErrorCode::TooManyAttempts => "too_many_attempts",
            ErrorCode::AuditBroken => "audit_broken",
            ErrorCode::AuditBusy => "audit_busy",
            ErrorCode::DeliveryNotDead => "delivery_not_dead",
            ErrorCode::BasisNotConsent => "basis_not_consent",
            ErrorCode::SubjectDenied => "subject_denied",
            ErrorCode::EmailChannelHidden => "email_channel_hidden",
            ErrorCode::NoRetentionPeriod => "no_retention_period",
            ErrorCode::LegalHold => "legal_hold",
            ErrorCode::AskedSince => "asked_since",
            ErrorCode::NoSmtpServer => "no_smtp_server",
            ErrorCode::MessageExpired => "message_expired",
            ErrorCode::MessageNotFailed => "message_not_failed",
            ErrorCode::MessageNotRetryable => "message_not_retryable",
            ErrorCode::MessageNotStored => "message_not_stored",
            ErrorCode::MessageReplaced => "message_replaced",
            ErrorCode::RecordChanged => "record_changed",
            ErrorCode::Other => "other",
        }
    }
}

/// Read by name, looked up in [`ErrorCode::ALL`]: a derived reader would match every name
/// twice (as text and as bytes), and every public page carries it.
impl<'de> Deserialize<'de> for ErrorCode {
    fn deserialize<D: serde::Deserializer<'de>>(reader: D) -> Result<Self, D::Error> {
        let name = <std::borrow::Cow<'de, str>>::deserialize(reader)?;
        Ok(ErrorCode::ALL
            .into_iter()
            .find(|code| code.code() == name)
            .unwrap_or(ErrorCode::Other))
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// Why a value failed to parse. Each kind has an English message here; the app translates
/// the kind, so the same rule reads naturally in every UI language. The server adds the field
/// name, which it knows from the JSON path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum FieldError {
    /// Nothing was entered.
    #[error("Fill in this field.")]
    Empty,
    /// Longer than allowed.
    #[error("Use at most {max} characters.")]
    TooLong {
        /// Most characters allowed.
        max: usize,
    },
    /// Shorter than allowed.
    #[error("Use at least {min} characters.")]
    TooShort {
        /// Fewest characters allowed.
        min: usize,
    },
    /// Not an e-mail address.
    #[error("Enter an e-mail address such as name@example.org.")]
    Email,
    /// Contains line breaks or other control characters.
    #[error("Remove line breaks and other control characters.")]
    ControlCharacters,
    /// Contains a control character in a text of several lines (line breaks and tabs are
    /// allowed there).
    #[error("Remove control characters such as NUL; line breaks and tabs are fine here.")]
    ControlCharactersInLines,
    /// Contains an invisible character: a text-direction override or isolate, a zero-width
    /// character, a byte-order mark, a line or paragraph separator, a tag character.
    #[error(
        "Remove the invisible character U+{code_point:04X}: zero-width, text-direction and other \
         invisible formatting characters can hide or reorder what a reader sees."
    )]
    InvisibleCharacter {
        /// The character's code point.
        code_point: u32,
    },
    /// Nothing in it can be seen: only spaces, blank braille cells or marks without a letter.
    #[error("Enter text that can be seen: this holds only spaces or blank-looking characters.")]
    NothingVisible,
    /// A combining mark (an accent, a vowel sign) at the start of a line or after a space,
    /// where it sits on whatever is shown before it.
    #[error(
        "Remove the mark U+{code_point:04X} or put it after the letter it belongs to: on its own \
         it is drawn over whatever comes before it."
    )]
    LoneMark {
        /// The mark's code point.
        code_point: u32,
    },
    /// Not a phone number.
    #[error("Use digits, spaces and + - ( ) only, such as +31 20 123 4567.")]
    Phone,
    /// Not allowed with the other values given.
    #[error("Leave this empty with the chosen option.")]
    NotAllowed,
    /// A date of consent outside what can be true: in the future, or before 1900.
    #[error("Enter the day consent was given: from 1900-01-01 up to today.")]
    ConsentDate,
    /// A day a request was received outside what can be true: in the future, or before the
    /// GDPR applied.
    #[error(
        "Enter the day the request was received: from 2018-05-25, when the GDPR began to \
         apply, up to today."
    )]
    ReceivedDate,
    /// A time that has not come yet where only a past one can mean something.
    #[error(
        "Give a time that has passed (UTC): records sent a consent request since then are skipped."
    )]
    FutureTime,
    /// Not a published form of the organisation: only a published form can be sent.
    #[error("Choose a published form: this one does not exist or has not been published yet.")]
    NotPublished,
    /// Not a valid short name.
    #[error("Use 2 to 63 lower-case letters, digits and single hyphens, such as acme-bv.")]
    Slug,
    /// A number outside its bounds.
    #[error("Choose a number from {min} to {max}.")]
    OutOfRange {
        /// Smallest allowed.
        min: u32,
        /// Largest allowed.
        max: u32,
    },
    /// Not a number.
    #[error("Enter a number such as 42 or 3.5.")]
    Number,
    /// One comma or point followed by three digits: a thousands separator (1,000 in English,
    /// 1.000 in Dutch) or a decimal one. Refused rather than guessed.
    #[error(
        "Write this number without a thousands separator (1000), or with other than three \
         decimals: with a comma or point before three digits it could be either."
    )]
    AmbiguousNumber,
    /// Not a date.
    #[error("Enter a date as YYYY-MM-DD, such as 2026-05-25.")]
    Date,
    /// Not yes or no.
    #[error("Enter yes or no.")]
    Boolean,
    /// Not one of a picklist's options.
    #[error("Choose one of the listed options.")]
    NotAnOption,
    /// No such field in the module.
    #[error("This module has no such field.")]
    UnknownField,
    /// Not text where text is expected (a number or yes/no instead).
    #[error("Enter text here.")]
    Text,
    /// Given twice where it must be unique.
    #[error("This is already used; choose another.")]
    Duplicate,
    /// Not a web address starting with `https://`.
    #[error(
        "Enter a web address starting with https://, such as https://example.org/privacy, of at \
         most {max} characters without spaces or quotes."
    )]
    HttpsUrl {
        /// Most characters allowed.
        max: usize,
    },
}

#[cfg(test)]
mod error_code_tests {
    use super::ErrorCode;

    #[test]
    fn every_code_is_sent_as_its_name_and_an_unknown_one_is_other() {
        for code in ErrorCode::ALL {
            let sent = serde_json::to_value(code).expect("serialises");
            assert_eq!(sent, code.code(), "{code:?}");
            let read: ErrorCode = serde_json::from_value(sent).expect("reads back");
            assert_eq!(read, code);
        }
        let newer: ErrorCode =
            serde_json::from_str("\"a_code_from_a_newer_server\"").expect("reads");
        assert_eq!(newer, ErrorCode::Other);
    }
}
