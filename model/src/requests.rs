//! Data-subject requests (GDPR articles 15–21): what was asked, by whom, by when it is due.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::{
    FieldError, RecordId, RequestId,
    records::{parse_long_text, parse_short_text},
};

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
    /// The deadline after an extension (art. 12(3): at most two more months).
    #[serde(default)]
    pub extended_due_on: Option<NaiveDate>,
    /// Why the deadline was extended (the subject is told).
    #[serde(default)]
    pub extension_reason: Option<String>,
    /// Why the request was refused.
    #[serde(default)]
    pub rejection_reason: Option<String>,
    /// Who completed or refused it.
    #[serde(default)]
    pub closed_by: Option<String>,
    /// When it was completed or refused.
    #[serde(default)]
    pub closed_on: Option<NaiveDate>,
    /// The language the subject asked in (mails to them follow it; English when unknown).
    #[serde(default)]
    pub lang: Option<crate::forms::FormLang>,
    /// The messages telling the requester about it, with where each one's delivery stands:
    /// one counts as sent only once the mail server accepted it.
    #[serde(default)]
    pub messages: Vec<RequestMessage>,
    /// Where the mail confirming an erasure to the requester stands (art. 19): the newest the
    /// audit trail says of it; absent before an erasure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub erasure_confirmation: Option<ErasureConfirmation>,
}

/// What a message to the requester tells them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RequestNotice {
    /// The deadline was extended, with the reason (art. 12(3)).
    Extended,
    /// The request was refused, with the reason and where to complain (art. 12(4)).
    Refused,
    /// The request was carried out.
    Completed,
    /// Their data export is ready, with its download link.
    ExportReady,
}

/// A message to the requester about their request, and where its delivery stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RequestMessage {
    /// The message (in the Outbox).
    pub id: uuid::Uuid,
    /// What it tells.
    pub notice: RequestNotice,
    /// Where its delivery stands: Sent only once the mail server accepted it.
    pub status: crate::consent::DeliveryStatus,
    /// When it was written.
    pub queued_at: chrono::DateTime<chrono::Utc>,
    /// When the mail server accepted it (or it was handed over to be sent by hand).
    pub sent_at: Option<chrono::DateTime<chrono::Utc>>,
}

impl DataSubjectRequest {
    /// The deadline that applies: the extended one, if any.
    pub fn deadline(&self) -> NaiveDate {
        self.extended_due_on.unwrap_or(self.due_on)
    }

    /// Whether it still needs an answer.
    pub fn is_open(&self) -> bool {
        !matches!(
            self.status,
            RequestStatus::Completed | RequestStatus::Rejected
        )
    }
}

/// How urgent an open request is on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Urgency {
    /// Past its deadline.
    Overdue,
    /// Due within seven days.
    DueSoon,
    /// More time than that, or closed.
    OnTime,
}

/// The urgency of `request` on `today`.
pub fn urgency(request: &DataSubjectRequest, today: NaiveDate) -> Urgency {
    if !request.is_open() {
        return Urgency::OnTime;
    }
    let deadline = request.deadline();
    if deadline < today {
        Urgency::Overdue
    } else if deadline <= today + chrono::Days::new(7) {
        Urgency::DueSoon
    } else {
        Urgency::OnTime
    }
}

/// What an administrator does with a request in the queue. Every variant is a struct (the
/// ones without fields too) so a field a variant does not take is refused, never dropped
/// (`{"action":"verify","notify":false}` is an error, not a verification).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "action", rename_all = "snake_case", deny_unknown_fields)]
pub enum RequestAction {
    /// The requester's identity is checked (requests filed by hand).
    Verify {},
    /// Work on it starts.
    Start {},
    /// It is answered.
    Complete {},
    /// It is refused, with the reason the subject is given.
    Reject {
        /// Why.
        reason: String,
    },
    /// The deadline moves by one or two months (art. 12(3)), with the reason the subject is
    /// given. Two months at most in all.
    Extend {
        /// 1 or 2.
        months: u32,
        /// Why.
        reason: String,
    },
}

/// What became of the mail telling an erased subject that their data is gone. It is sent
/// straight to the SMTP server and never stored, so no copy of the address outlives the erasure;
/// one the server cannot take now is retried from memory for up to an hour, and the audit trail
/// records how that ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ErasureConfirmation {
    /// The SMTP server accepted it.
    Sent,
    /// The SMTP server could not take it now (no connection, a 4xx answer): it is retried
    /// from memory (never stored) for up to an hour; a later audit entry says how it ended.
    Retrying,
    /// No SMTP server is configured: the privacy officer tells the subject another way.
    NoSmtpServer,
    /// The SMTP server refused it or could not be reached.
    DeliveryFailed,
    /// The server stopped while the mail was being retried: it was not delivered (noted at
    /// the next start, as the retries lived only in memory).
    Interrupted,
    /// The request names no e-mail address to tell.
    NoAddress,
}

/// An erasure carried out: the completed request, and whether the subject was told.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Erased {
    /// The request, completed; its requester is now a keyed hash.
    pub request: DataSubjectRequest,
    /// The confirmation mail's fate.
    pub confirmation: ErasureConfirmation,
}

/// How an objection is decided.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ObjectionDecision {
    /// Compelling legitimate grounds that override the subject's interests (art. 21(1)): the
    /// objection is then refused with these as the reason. Without them, records processed on
    /// Legitimate Interests stop being processed.
    #[serde(default)]
    pub overriding_grounds: Option<String>,
}

/// A correction applied to one of a rectification request's records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Rectification {
    /// The record (one the request found).
    pub record_id: RecordId,
    /// Its fields as they should be.
    pub fields: crate::records::RecordFields,
}

/// Lifting stop processing on a record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ResumeProcessing {
    /// Why processing may resume (kept in the audit trail).
    pub reason: String,
}

/// Which requests of the queue: the store's side of [`RequestQuery`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestFilter {
    /// Only this right.
    pub kind: Option<RequestType>,
    /// Only this status.
    pub status: Option<RequestStatus>,
    /// Only requests still open (neither completed nor refused).
    pub open: bool,
}

/// A page of the request queue: filters, where the page starts and its size.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct RequestQuery {
    /// Only this right.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<RequestType>,
    /// Only this status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<RequestStatus>,
    /// Only requests still open (neither completed nor refused).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub open: bool,
    /// The previous page's `next`, with the same filters: the page after it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
    /// How many (1–500, 100 when left out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 500))]
    pub limit: Option<u32>,
}

impl RequestQuery {
    /// Requests on one page.
    pub const DEFAULT_LIMIT: u32 = 100;
    /// The most on one page.
    pub const MAX_LIMIT: u32 = 500;

    /// Which requests it asks for.
    pub fn filter(&self) -> RequestFilter {
        RequestFilter {
            kind: self.kind,
            status: self.status,
            open: self.open,
        }
    }
}

/// One page of the request queue, soonest deadline first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RequestQueue {
    /// The requests, by the deadline that applies (an extended one when extended).
    pub requests: Vec<DataSubjectRequest>,
    /// Pass as `after` (with the same filters) for the next page; absent on the last page.
    /// Opaque: do not build one yourself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
    /// How many requests match the filters, on every page together.
    pub total: u64,
}

/// Open requests on the Overview.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RequestCounts {
    /// Not completed or refused.
    pub open: u64,
    /// Open and past their deadline.
    pub overdue: u64,
    /// Open and due within seven days.
    pub due_soon: u64,
}

/// A request made in the privacy centre: a code is mailed to the address to prove control.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PortalRequest {
    /// The right exercised.
    pub kind: RequestType,
    /// The requester's e-mail address.
    pub email: String,
    /// What is wrong (rectification) or anything to add.
    #[serde(default)]
    pub details: Option<String>,
    /// The language the page was read in (one of the 26 the subject side speaks): the mails
    /// follow it.
    pub lang: crate::forms::FormLang,
}

/// The code is on its way (whether or not the address is known).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChallengeSent {
    /// Send the code to `/api/public/privacy/challenges/{challenge}`.
    pub challenge: uuid::Uuid,
    /// When the code stops working.
    pub expires_at: chrono::DateTime<chrono::Utc>,
}

/// The code from the mail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChallengeAnswer {
    /// Six digits.
    pub code: String,
}

/// The request is filed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RequestFiled {
    /// When the answer is due at the latest.
    pub due_on: NaiveDate,
}

/// What the privacy centre shows about the organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PrivacyCentre {
    /// Its name.
    pub organisation: String,
    /// The languages it offers: those of the organisation's published forms (English when
    /// it has none), by code.
    pub languages: Vec<crate::forms::FormLang>,
    /// The language to show it in: the subject's most wanted one of these, else the first
    /// form's default.
    pub lang: crate::forms::FormLang,
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
        if let Some(details) = &self.details {
            parse_long_text(details).map_err(|e| ("details", e))?;
        }
        let gdpr_applies = NaiveDate::from_ymd_opt(2018, 5, 25).unwrap_or(NaiveDate::MIN);
        if !(gdpr_applies..=today).contains(&self.requested_on) {
            return Err(("requested_on", FieldError::ReceivedDate));
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
        assert_eq!(due_date(day(2028, 1, 31)), day(2028, 2, 29), "leap year");
        assert_eq!(due_date(day(2026, 12, 31)), day(2027, 1, 31));
    }

    #[test]
    fn urgency_follows_the_deadline_that_applies() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("date");
        let mut request = DataSubjectRequest {
            messages: Vec::new(),
            erasure_confirmation: None,
            id: RequestId(uuid::Uuid::nil()),
            kind: RequestType::Access,
            source: RequestSource::Portal,
            requested_by: "a@example.org".into(),
            requested_on: day(2026, 1, 10),
            due_on: day(2026, 2, 10),
            status: RequestStatus::Verified,
            details: None,
            records: Vec::new(),
            extended_due_on: None,
            extension_reason: None,
            rejection_reason: None,
            closed_by: None,
            closed_on: None,
            lang: None,
        };
        assert_eq!(urgency(&request, day(2026, 2, 11)), Urgency::Overdue);
        assert_eq!(urgency(&request, day(2026, 2, 3)), Urgency::DueSoon);
        assert_eq!(urgency(&request, day(2026, 2, 2)), Urgency::OnTime);
        request.extended_due_on = Some(day(2026, 4, 10));
        assert_eq!(urgency(&request, day(2026, 2, 11)), Urgency::OnTime);
        request.status = RequestStatus::Completed;
        assert_eq!(urgency(&request, day(2026, 5, 1)), Urgency::OnTime);
    }
}
