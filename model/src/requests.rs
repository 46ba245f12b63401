//! Data-subject requests (GDPR articles 15–21): what was asked, by whom, by when it is due.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::{FieldError, RecordId, RequestId, records::parse_short_text};

/// The right a data subject exercises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RequestType {
    /// Right of access (art. 15).
    Access,
    /// Right to rectification (art. 16).
    Rectification,
    /// Right to data portability (art. 20).
    Portability,
    /// Right to erasure (art. 17).
    Erasure,
    /// Right to restriction of processing (art. 18): stop processing.
    StopProcessing,
    /// Right to object (art. 21).
    Objection,
}

impl RequestType {
    /// Every type, in display order.
    pub const ALL: [RequestType; 6] = [
        RequestType::Access,
        RequestType::Rectification,
        RequestType::Portability,
        RequestType::Erasure,
        RequestType::StopProcessing,
        RequestType::Objection,
    ];
}

/// How a request reached the organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RequestSource {
    /// By e-mail.
    Email,
    /// By phone.
    Phone,
    /// In person.
    InPerson,
    /// Through the privacy centre.
    Portal,
    /// Through the API.
    Api,
}

impl RequestSource {
    /// Every source, in display order.
    pub const ALL: [RequestSource; 5] = [
        RequestSource::Email,
        RequestSource::Phone,
        RequestSource::InPerson,
        RequestSource::Portal,
        RequestSource::Api,
    ];
}

/// Where a request stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RequestStatus {
    /// Received, identity not yet verified.
    Received,
    /// The requester's identity is verified.
    Verified,
    /// Being handled.
    InProgress,
    /// Done.
    Completed,
    /// Refused, with a reason.
    Rejected,
}

/// The deadline for answering a request received on `received` (art. 12(3): one month).
pub fn due_date(received: NaiveDate) -> NaiveDate {
    received
        .checked_add_months(Months::new(1))
        .unwrap_or(NaiveDate::MAX)
}

/// A data-subject request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DataSubjectRequest {
    /// Request id.
    pub id: RequestId,
    /// The right exercised.
    pub kind: RequestType,
    /// How it arrived.
    pub source: RequestSource,
    /// Who asked (name or e-mail address of the data subject or their representative).
    pub requested_by: String,
    /// When it was received.
    pub requested_on: NaiveDate,
    /// When the answer is due (one month after receipt).
    pub due_on: NaiveDate,
    /// Where it stands.
    pub status: RequestStatus,
    /// What was asked, in the requester's words.
    pub details: Option<String>,
    /// The records it concerns.
    pub records: Vec<RecordId>,
}

/// A request entered by hand on a record (received by e-mail, phone, in person, ...).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewRequest {
    /// The right exercised.
    pub kind: RequestType,
    /// How it arrived.
    pub source: RequestSource,
    /// Who asked.
    pub requested_by: String,
    /// When it was received (not in the future).
    pub requested_on: NaiveDate,
    /// What was asked.
    #[serde(default)]
    pub details: Option<String>,
}

impl NewRequest {
    /// Checks the text fields and the date against `today`; returns the field at fault.
    pub fn check(&self, today: NaiveDate) -> Result<(), (&'static str, FieldError)> {
        if parse_short_text(&self.requested_by)
            .map_err(|e| ("requested_by", e))?
            .is_none()
        {
            return Err(("requested_by", FieldError::Empty));
        }
        if let Some(details) = &self.details
            && (details.chars().count() > 2000
                || details
                    .chars()
                    .any(|c| c.is_control() && c != '\n' && c != '\t'))
        {
            return Err(("details", FieldError::TooLong { max: 2000 }));
        }
        if self.requested_on > today {
            return Err(("requested_on", FieldError::Date));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_is_due_one_calendar_month_after_receipt() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("date");
        assert_eq!(due_date(day(2026, 3, 15)), day(2026, 4, 15));
        // The end of a shorter month clamps to its last day.
        assert_eq!(due_date(day(2026, 1, 31)), day(2026, 2, 28));
    }
}
