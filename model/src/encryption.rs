//! Encryption at rest as the admin sees it: switching a field, the background jobs that
//! encrypt, decrypt or re-encrypt values, the data keys, and revealing masked values.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::{EncryptionJobId, FieldId, ModuleId, fields::FieldValue};

/// Switch encryption at rest on or off for a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SetEncryption {
    /// On: existing values are encrypted in the background; off: they are decrypted.
    pub encrypted: bool,
}

/// What a background job does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum JobKind {
    /// Encrypts one field's existing values.
    Encrypt,
    /// Decrypts one field's values.
    Decrypt,
    /// Re-encrypts every encrypted value under the newest key.
    Rotate,
}

/// Where a job is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum JobStatus {
    /// Waiting for the worker.
    Pending,
    /// Working through the records.
    Running,
    /// Done.
    Finished,
    /// Stopped; `detail` says why.
    Failed,
}

/// A background encryption job with its progress.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EncryptionJob {
    /// Job id.
    pub id: EncryptionJobId,
    /// What it does.
    pub kind: JobKind,
    /// The field (encrypt and decrypt).
    pub field: Option<FieldId>,
    /// The field's module.
    pub module: Option<ModuleId>,
    /// The field's label, for display.
    pub field_label: Option<String>,
    /// Where it is.
    pub status: JobStatus,
    /// Records to go through (known once it runs).
    pub total: u64,
    /// Records gone through.
    pub done: u64,
    /// Why it failed, or what it finished with.
    pub detail: Option<String>,
    /// Who started it.
    pub started_by: String,
    /// When it was started.
    pub created_at: DateTime<Utc>,
    /// When it ended.
    pub finished_at: Option<DateTime<Utc>>,
}

impl EncryptionJob {
    /// Whether the job is still to finish.
    pub fn is_open(&self) -> bool {
        matches!(self.status, JobStatus::Pending | JobStatus::Running)
    }
}

/// A data key: the newest encrypts new values, older ones are kept until nothing uses them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DataKey {
    /// The id every value sealed with it names.
    pub id: u32,
    /// When it was made.
    pub created_at: DateTime<Utc>,
    /// Whether new values are sealed with it.
    pub current: bool,
}

/// The state of encryption at rest in an organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EncryptionStatus {
    /// The data keys in use.
    pub keys: Vec<DataKey>,
    /// Recent jobs (this organisation's, and key rotations), newest first.
    pub jobs: Vec<EncryptionJob>,
}

/// Which value to reveal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Reveal {
    /// The field's key.
    pub field: String,
}

/// A revealed value (the reveal is in the audit trail).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Revealed {
    /// The field's key.
    pub field: String,
    /// Its value; absent when the record has none.
    pub value: Option<FieldValue>,
}

/// How a sensitive value is shown to whoever may not see it: the first character, dots, and
/// for an e-mail address the domain (`j•••@example.com`). Only a value that is an e-mail
/// address keeps what follows an `@`: any other text keeps nothing past its first character.
pub fn mask(value: &str) -> String {
    const DOTS: &str = "•••";
    let first: String = value.chars().take(1).collect();
    let domain = crate::Email::parse(value)
        .ok()
        .and_then(|email| email.as_str().rsplit_once('@').map(|(_, d)| d.to_owned()));
    match domain {
        Some(domain) => format!("{first}{DOTS}@{domain}"),
        None => format!("{first}{DOTS}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_keep_only_a_first_letter_and_the_domain() {
        assert_eq!(mask("jan@example.com"), "j•••@example.com");
        assert_eq!(mask("Zwaantje"), "Z•••");
        assert_eq!(mask(""), "•••");
        assert_eq!(mask("émile@voorbeeld.nl"), "é•••@voorbeeld.nl");
        // Text with an @ that is no address gives nothing after its first character away.
        assert_eq!(mask("Secret Holding @ Vondelstraat 12 Amsterdam"), "S•••");
        assert_eq!(mask("call me @ 06 12345678"), "c•••");
    }
}
