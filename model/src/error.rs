//! The one error shape every failing JSON endpoint answers with.

use serde::{Deserialize, Serialize};

/// JSON body of every error response: `{ "error": code, "message": ..., "field": ... }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErrorBody {
    /// Stable machine-readable code, e.g. `invalid_field`, `unauthenticated`, `forbidden`.
    pub error: String,
    /// A sentence for a person: what went wrong and what to do about it.
    pub message: String,
    /// The request field at fault (a JSON path such as `admin.email`), when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

/// A value that failed to parse, with a message that says what a valid one looks like.
///
/// The field name is added where the value sits in a request (the server knows the JSON path).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct FieldError {
    /// What is wrong, in words a person can act on.
    pub message: String,
}

impl FieldError {
    /// A parse failure with the given explanation.
    pub fn new(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
        }
    }
}
