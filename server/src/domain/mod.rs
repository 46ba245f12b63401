//! The rules: what may happen, checked here and unit-tested here. No HTTP, no SQL.

pub mod answer;
pub mod api_keys;
pub mod audit;
pub mod audit_export;
pub mod auth;
pub mod clock;
pub mod consent;
pub mod csv_out;
pub mod cursor;
pub mod data_privacy;
pub mod encryption;
pub mod erasure;
pub mod export;
pub mod fields;
pub mod forms;
pub mod import;
pub mod jobs;
pub mod language;
pub mod outbox;
pub mod passwords;
pub mod privacy_centre;
pub mod receipts;
pub mod records;
pub mod report;
pub mod requests;
pub mod retention;
pub mod rights;
pub mod settings;
pub mod setup;
pub mod signup;
pub mod staff_export;
pub mod templates;
pub mod throttle;
pub mod token;
pub mod users;
pub mod webhooks;
pub mod widget;

use consentry_model::ErrorCode;

use crate::store::StoreError;

/// Why a domain operation did not happen.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The named thing does not exist in the caller's organisation.
    #[error("{0} not found")]
    NotFound(&'static str),
    /// The change contradicts existing data; `field` names the request field at fault.
    #[error("{message}")]
    Conflict {
        /// Stable code, e.g. `email_taken`.
        code: ErrorCode,
        /// Request field at fault.
        field: Option<&'static str>,
        /// What to do about it.
        message: String,
    },
    /// A field of the request breaks a rule.
    #[error("invalid {field}: {error}")]
    Invalid {
        /// JSON path of the field.
        field: String,
        /// The rule.
        error: consentry_model::FieldError,
    },
    /// It existed but no longer works (an expired or spent link); the message says what to do.
    #[error("{message}")]
    Gone {
        /// Stable code, e.g. `link_expired`.
        code: ErrorCode,
        /// What to do about it.
        message: String,
    },
    /// A field breaks a rule that needs its own words (an unknown merge field, say).
    #[error("invalid {field}: {message}")]
    Rejected {
        /// JSON path of the field.
        field: String,
        /// What is wrong and what to do.
        message: String,
    },
    /// An uploaded file cannot be used; the message says why and what to do.
    #[error("{0}")]
    BadFile(String),
    /// Wrong e-mail address or password (never says which).
    #[error("wrong e-mail address or password")]
    InvalidCredentials,
    /// Too many failed sign-ins; try again after this many seconds.
    #[error("too many failed sign-ins")]
    TooManyAttempts {
        /// Seconds until the next attempt is allowed.
        retry_after_secs: u64,
    },
    /// The server is at its bound for this kind of work (password hashing); try again after
    /// this many seconds.
    #[error("busy")]
    Busy {
        /// Seconds to wait.
        retry_after_secs: u64,
    },
    /// A store failure.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Something that should not happen (a panicked hashing task, say).
    #[error("internal error: {0}")]
    Internal(String),
}

/// A rule's refusal of a subject's answer (a link's, a sign-up's): a conflict with its code.
impl From<crate::store::Refusal> for Error {
    fn from(refusal: crate::store::Refusal) -> Self {
        Error::Conflict {
            code: refusal.code,
            field: None,
            message: refusal.message.into(),
        }
    }
}

/// Result of a domain operation.
pub type Result<T> = std::result::Result<T, Error>;

/// The items of a list of distinct items (channels, scopes, events), in order; or the index
/// of the first item sent twice, which is refused rather than folded away.
pub fn distinct<T: Ord>(items: Vec<T>) -> std::result::Result<Vec<T>, usize> {
    let mut seen = std::collections::BTreeSet::new();
    if let Some(repeat) = items.iter().position(|item| !seen.insert(item)) {
        return Err(repeat);
    }
    let mut items = items;
    items.sort();
    Ok(items)
}

/// [`distinct`] for the list sent as `field`, refused naming where it repeats (`scopes[2]`).
pub fn distinct_in<T: Ord>(field: &str, items: Vec<T>) -> Result<Vec<T>> {
    distinct(items).map_err(|i| Error::Rejected {
        field: format!("{field}[{i}]"),
        message: "Send each item once: this list holds distinct items.".into(),
    })
}

#[cfg(test)]
mod timing_tests;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_distinct_list_is_sorted_and_a_repeat_is_named_where_it_repeats() {
        assert_eq!(distinct(vec![3, 1, 2]), Ok(vec![1, 2, 3]));
        match distinct_in("scopes", vec![3, 1, 3]) {
            Err(Error::Rejected { field, .. }) => assert_eq!(field, "scopes[2]"),
            other => panic!("{other:?}"),
        }
    }
}
