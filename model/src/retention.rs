//! Storage limitation (GDPR art. 5(1)(e)): which records the retention period says may no
//! longer be kept, the legal hold that keeps one anyway, and the end of a contract that was
//! a record's basis.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::{
    FieldError, RecordId,
    records::{Record, parse_text_of_lines},
};

/// Why a record's basis gives no reason to keep it past the retention period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum LapseReason {
    /// The basis is Not Applicable: no basis was ever chosen.
    NoBasis,
    /// A consent request was never answered.
    NotResponded,
    /// Consent was withdrawn.
    Withdrawn,
    /// Consent was refused.
    Denied,
    /// The basis is Contract and the contract ended.
    ContractEnded,
}

impl LapseReason {
    /// Every reason, in the order the review lists them.
    pub const ALL: [LapseReason; 5] = [
        LapseReason::NoBasis,
        LapseReason::NotResponded,
        LapseReason::Withdrawn,
        LapseReason::Denied,
        LapseReason::ContractEnded,
    ];

    /// Stable storage code, identical to the JSON form.
    pub fn code(self) -> &'static str {
        match self {
            LapseReason::NoBasis => "no_basis",
            LapseReason::NotResponded => "not_responded",
            LapseReason::Withdrawn => "withdrawn",
            LapseReason::Denied => "denied",
            LapseReason::ContractEnded => "contract_ended",
        }
    }

    /// Parses a code written by [`LapseReason::code`].
    pub fn from_code(code: &str) -> Option<LapseReason> {
        LapseReason::ALL.into_iter().find(|r| r.code() == code)
    }
}

/// Longest reason of a legal hold.
pub const MAX_HOLD_REASON_CHARS: usize = 500;

/// A legal hold: the record is kept whatever the retention period says (a claim, an
/// investigation, a statutory archive), until the hold is lifted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LegalHold {
    /// Why it is kept.
    pub reason: String,
    /// Who placed the hold.
    pub by: String,
    /// Since when.
    pub since: DateTime<Utc>,
}

/// What a record holds about its retention (absent while nothing is set).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RecordRetention {
    /// The day the contract that is the record's basis ended (basis Contract only).
    #[serde(default)]
    pub contract_ended_on: Option<NaiveDate>,
    /// The legal hold on the record, if any.
    #[serde(default)]
    pub legal_hold: Option<LegalHold>,
}

impl RecordRetention {
    /// Whether nothing is set.
    pub fn is_empty(&self) -> bool {
        self.contract_ended_on.is_none() && self.legal_hold.is_none()
    }
}

/// The body of `PUT /records/{id}/retention`: the whole retention section as it should be.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct RetentionChange {
    /// The day the contract ended (`null`: it has not).
    #[serde(default)]
    pub contract_ended_on: Option<NaiveDate>,
    /// The reason of a legal hold (`null`: no hold; a hold already placed keeps who placed it
    /// and since when while its reason stays the same).
    #[serde(default)]
    pub legal_hold: Option<String>,
}

/// Checks a legal hold's reason: one to [`MAX_HOLD_REASON_CHARS`] characters, not blank.
pub fn parse_hold_reason(text: &str) -> Result<String, FieldError> {
    parse_text_of_lines(text, MAX_HOLD_REASON_CHARS)?.ok_or(FieldError::Empty)
}

/// A record the retention review found lapsed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LapsedRecord {
    /// The record, as the record list shows it (sensitive values masked for a reader without
    /// View Sensitive Fields).
    pub record: Record,
    /// Why it may no longer be kept.
    pub reason: LapseReason,
    /// Since when the reason holds (the change that made it so, or the contract's end).
    pub since: DateTime<Utc>,
}

/// The query of `GET /retention/records`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct LapsedQuery {
    /// Only records found for this reason.
    #[serde(default)]
    pub reason: Option<LapseReason>,
    /// The `next` of the previous page.
    #[serde(default)]
    pub after: Option<RecordId>,
    /// Records per page (1–200, default 50).
    #[serde(default)]
    pub limit: Option<u32>,
}

/// A page of the review's findings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LapsedPage {
    /// The records, in record order.
    pub records: Vec<LapsedRecord>,
    /// Pass as `after` (with the same reason) for the next page; absent on the last page.
    pub next: Option<RecordId>,
}

/// Records found lapsed for one reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LapseCount {
    /// The reason.
    pub reason: LapseReason,
    /// How many records.
    pub count: u64,
}

/// Where the retention review stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RetentionReview {
    /// The retention period in days (`null`: records are kept until deleted by hand, and
    /// nothing is reviewed).
    pub retention_days: Option<u32>,
    /// Whether lapsed records are erased automatically after each review.
    pub auto_erase: bool,
    /// When the records were last reviewed (`null`: never).
    pub reviewed_at: Option<DateTime<Utc>>,
    /// Records found lapsed per reason (every reason listed, zero included).
    pub counts: Vec<LapseCount>,
}

/// The body of `POST /retention/erase`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct RetentionErase {
    /// Only the records found for this reason (`null`: every record found).
    #[serde(default)]
    pub reason: Option<LapseReason>,
    /// How many records the privacy officer saw and confirmed: nothing is erased when the
    /// review found another number meanwhile.
    pub confirmed_count: u64,
}

/// What a retention erasure did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RetentionErased {
    /// Records erased.
    pub erased: u64,
    /// Records found lapsed but kept: changed since the review, placed under a legal hold,
    /// or named by an open data-subject request.
    pub kept: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_match_the_json_form() {
        for reason in LapseReason::ALL {
            assert_eq!(LapseReason::from_code(reason.code()), Some(reason));
            let json = serde_json::to_string(&reason).expect("serializes");
            assert_eq!(json, format!("\"{}\"", reason.code()));
        }
    }

    #[test]
    fn a_hold_needs_a_reason_of_bounded_length() {
        assert_eq!(parse_hold_reason("  "), Err(FieldError::Empty));
        assert_eq!(
            parse_hold_reason(" Claim 2026-114 ").as_deref(),
            Ok("Claim 2026-114")
        );
        assert!(parse_hold_reason(&"x".repeat(MAX_HOLD_REASON_CHARS + 1)).is_err());
    }
}
