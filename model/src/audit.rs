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
    /// State before.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub before: Option<serde_json::Value>,
    /// State after.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
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
