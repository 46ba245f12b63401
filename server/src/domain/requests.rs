//! Data-subject requests: filing one by hand on a record, the queue with its deadlines, and
//! what an administrator does with a request (verify, start, complete, refuse, extend).

use chrono::{Months, NaiveDate};
use consentry_model::{
    Email, ErrorCode, FieldError, OrganisationId, RecordId, RequestId,
    audit::AuditAction,
    auth::Session,
    consent::DeliveryStatus,
    records::{parse_long_text, parse_short_text},
    requests::{
        DataSubjectRequest, NewRequest, RequestAction, RequestNotice, RequestQuery, RequestQueue,
        RequestStatus, due_date,
    },
};
use serde_json::json;

use consentry_words::subject::{self, MailWord};

use super::{Error, Result, clock, cursor, language::mail, records};
use crate::store::{AuditNote, NewMessage, QueuePosition, RequestChange, Store, StoreError};

/// Why an action does not apply to a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActionError {
    /// Not from this status (a closed request stays closed).
    NotNow(RequestStatus),
    /// A field of the action is wrong.
    Invalid(&'static str, FieldError),
    /// More than two months of extension in all.
    TooLong,
}

fn reason(text: &str) -> std::result::Result<String, ActionError> {
    match parse_long_text(text) {
        Ok(Some(text)) => Ok(text),
        Ok(None) => Err(ActionError::Invalid("reason", FieldError::Empty)),
        Err(error) => Err(ActionError::Invalid("reason", error)),
    }
}

/// The state an action leads to (pure: tested without a database).
pub fn apply(
    request: &DataSubjectRequest,
    action: &RequestAction,
    by: &str,
    today: NaiveDate,
) -> std::result::Result<RequestChange, ActionError> {
    use RequestStatus as S;
    let mut change = RequestChange::of(request);
    let not_now = || ActionError::NotNow(request.status);
    match action {
        RequestAction::Verify {} if request.status == S::Received => change.status = S::Verified,
        RequestAction::Start {} if matches!(request.status, S::Received | S::Verified) => {
            change.status = S::InProgress;
        }
        RequestAction::Complete {} if matches!(request.status, S::Verified | S::InProgress) => {
            change.status = S::Completed;
            change.closed = Some((by.to_owned(), today));
        }
        RequestAction::Reject { reason: why } if request.is_open() => {
            change.status = S::Rejected;
            change.rejection_reason = Some(reason(why)?);
            change.closed = Some((by.to_owned(), today));
        }
        RequestAction::Extend {
            months,
            reason: why,
        } if request.is_open() => {
            if !(1..=2).contains(months) {
                return Err(ActionError::Invalid(
                    "months",
                    FieldError::OutOfRange { min: 1, max: 2 },
                ));
            }
            let latest = request
                .due_on
                .checked_add_months(Months::new(2))
                .ok_or(ActionError::TooLong)?;
            let extended = request
                .deadline()
                .checked_add_months(Months::new(*months))
                .ok_or(ActionError::TooLong)?;
            if extended > latest {
                return Err(ActionError::TooLong);
            }
            change.extended_due_on = Some(extended);
            change.extension_reason = Some(reason(why)?);
        }
        _ => return Err(not_now()),
    }
    Ok(change)
}

fn action_name(action: &RequestAction) -> &'static str {
    match action {
        RequestAction::Verify {} => "verify",
        RequestAction::Start {} => "start",
        RequestAction::Complete {} => "complete",
        RequestAction::Reject { .. } => "reject",
        RequestAction::Extend { .. } => "extend",
    }
}

/// Who a notice to a data subject comes from: the organisation, and the country whose
/// supervisory authority a refusal names.
#[derive(Debug, Clone, Default)]
pub struct Sender {
    /// The organisation's name.
    pub organisation: String,
    /// The controller's country (ISO 3166 code; empty when not given).
    pub country: String,
}

impl Sender {
    /// The signed-in user's organisation, with the controller's country from its settings.
    pub async fn of(store: &dyn Store, session: &Session) -> Result<Sender> {
        let country = store
            .controller_profile(session.organisation.id)
            .await?
            .country;
        Ok(Sender {
            organisation: session.organisation.name.to_string(),
            country,
        })
    }
}

/// The message telling the subject what became of their request — completed, refused (with
/// the reason and where to complain) or extended (with the new deadline and why) — in the
/// language they asked in; `None` when nothing they need to hear changed or there is no
/// address to tell them at.
pub fn notice(
    sender: &Sender,
    request: &DataSubjectRequest,
    change: &RequestChange,
    status: DeliveryStatus,
) -> Option<NewMessage> {
    let address = Email::parse(&request.requested_by).ok()?;
    let lang = request
        .lang
        .as_ref()
        .map_or(subject::SOURCE, |l| l.as_str());
    let organisation = sender.organisation.as_str();
    let received = request.requested_on.to_string();
    let about = [
        ("organisation", organisation),
        ("received", received.as_str()),
        ("right", mail::right(lang, request.kind)),
    ];
    let say = |word: MailWord, more: &[(&str, &str)]| {
        let values: Vec<(&str, &str)> = about.iter().chain(more).copied().collect();
        mail::say(lang, word, &values)
    };
    let (notice, subject, paragraphs) =
        if change.status == RequestStatus::Rejected && request.status != RequestStatus::Rejected {
            let reason = change.rejection_reason.clone().unwrap_or_default();
            let authority = super::language::authority(&sender.country).map(|(name, website)| {
                say(
                    MailWord::MailComplaintAuthority,
                    &[("authority", name), ("website", website)],
                )
            });
            (
                RequestNotice::Refused,
                say(MailWord::MailRefusedSubject, &[]),
                vec![
                    say(MailWord::MailRefusedBody, &[("reason", &reason)]),
                    say(MailWord::MailComplaint, &[]),
                    authority.unwrap_or_default(),
                ],
            )
        } else if change.status == RequestStatus::Completed
            && request.status != RequestStatus::Completed
        {
            let erased = request.kind == consentry_model::requests::RequestType::Erasure;
            (
                RequestNotice::Completed,
                say(MailWord::MailDoneSubject, &[]),
                vec![
                    say(MailWord::MailDoneBody, &[]),
                    if erased {
                        say(MailWord::MailErased, &[])
                    } else {
                        String::new()
                    },
                ],
            )
        } else if change.extended_due_on != request.extended_due_on {
            let until = change.extended_due_on?.to_string();
            let reason = change.extension_reason.clone().unwrap_or_default();
            (
                RequestNotice::Extended,
                say(MailWord::MailExtendedSubject, &[]),
                vec![say(
                    MailWord::MailExtendedBody,
                    &[("until", &until), ("reason", &reason)],
                )],
            )
        } else {
            return None;
        };
    Some(NewMessage {
        about_request: Some((request.id, notice)),
        kind: consentry_model::consent::MessageKind::RequestNotice,
        record: None,
        recipient: address.to_string(),
        subject,
        body_text: mail::letter(lang, &paragraphs),
        body_html: None,
        status,
        secret: None,
        list_unsubscribe: None,
        link: None,
        on_delivered: None,
        job: None,
        expires_at: None,
    })
}

/// A page of the queue: requests by the deadline that applies, with how many match.
pub async fn queue(
    store: &dyn Store,
    organisation: OrganisationId,
    query: &RequestQuery,
) -> Result<RequestQueue> {
    let limit = cursor::page_size(
        query.limit,
        RequestQuery::DEFAULT_LIMIT,
        RequestQuery::MAX_LIMIT,
    )?;
    let filter = query.filter();
    let after = query
        .after
        .as_deref()
        .map(|c| cursor::decode::<QueuePosition>(c, &filter, "after"))
        .transpose()?;
    // One more than asked tells whether a page follows.
    let mut requests = store
        .requests(organisation, &filter, after.as_ref(), limit + 1)
        .await?;
    let next = (requests.len() > limit as usize).then(|| {
        requests.truncate(limit as usize);
        requests.last().map(|r| {
            cursor::encode(
                &filter,
                QueuePosition {
                    deadline: r.deadline(),
                    id: r.id,
                },
            )
        })
    });
    Ok(RequestQueue {
        requests,
        next: next.flatten(),
        total: store.request_total(organisation, &filter).await?,
    })
}

/// Whether a request may be carried out now: verified or in progress, neither received nor
/// closed. `outcome` says what carrying it out does, for the refusal ("erases nothing").
pub fn under_way(request: &DataSubjectRequest, outcome: &str) -> Result<()> {
    if matches!(
        request.status,
        RequestStatus::Verified | RequestStatus::InProgress
    ) {
        return Ok(());
    }
    Err(Error::Conflict {
        code: ErrorCode::RequestStatus,
        field: None,
        message: format!("Verify the requester's identity first; a closed request {outcome}."),
    })
}

/// A change decided on a request that someone changed since it was read: said so, to reload.
pub(super) fn changed_meanwhile(error: StoreError) -> Error {
    match error {
        StoreError::Conflict("data_subject_requests.status") => Error::Conflict {
            code: ErrorCode::RequestStatus,
            field: None,
            message: "This request was changed meanwhile, by someone else or in another tab: \
                      reload it to see where it stands."
                .into(),
        },
        StoreError::Conflict("record_retention.hold_reason") => Error::Conflict {
            code: ErrorCode::LegalHold,
            field: None,
            message: "A record of this request is under a legal hold, so nothing was erased \
                      (art. 17(3)(e)): lift the hold on the record, or reject the request \
                      giving the hold's reason."
                .into(),
        },
        other => other.into(),
    }
}

/// An erasure request is completed by carrying it out (its completion tells the subject their
/// data is erased): while a record of it is still here, completing it by hand is refused —
/// as `legal_hold` when the record is held (art. 17(3)(e): reject it, giving the hold's reason).
async fn erased_first(
    store: &dyn Store,
    organisation: OrganisationId,
    request: &DataSubjectRequest,
) -> Result<()> {
    for record in &request.records {
        let Some(retention) = store.record_retention(organisation, *record).await? else {
            continue;
        };
        return Err(match retention.legal_hold {
            Some(_) => changed_meanwhile(StoreError::Conflict("record_retention.hold_reason")),
            None => Error::Conflict {
                code: ErrorCode::RequestStatus,
                field: Some("action"),
                message: "This erasure request's records are still here, and completing it \
                          tells the subject they were erased: carry it out with Erase (which \
                          completes it), or reject it giving the reason."
                    .into(),
            },
        });
    }
    Ok(())
}

/// One request.
pub async fn get(
    store: &dyn Store,
    organisation: OrganisationId,
    id: RequestId,
) -> Result<DataSubjectRequest> {
    store
        .request(organisation, id)
        .await?
        .ok_or(Error::NotFound("request"))
}

/// An administrator's action on a request, audited.
#[tracing::instrument(skip_all, fields(organisation = %session.organisation.id, request = %id))]
pub async fn act(
    store: &dyn Store,
    session: &Session,
    id: RequestId,
    action: RequestAction,
    delivery: DeliveryStatus,
) -> Result<DataSubjectRequest> {
    let organisation = session.organisation.id;
    let current = get(store, organisation, id).await?;
    if matches!(action, RequestAction::Complete {})
        && current.kind == consentry_model::requests::RequestType::Erasure
    {
        erased_first(store, organisation, &current).await?;
    }
    let change = apply(
        &current,
        &action,
        session.user.name.as_ref(),
        clock::today_of(session),
    )
    .map_err(|e| match e {
        ActionError::NotNow(status) => Error::Conflict {
            code: ErrorCode::RequestStatus,
            field: Some("action"),
            message: format!(
                "This cannot be done to a request that is {}.",
                super::report::code(&status)
            ),
        },
        ActionError::Invalid(field, error) => Error::Invalid {
            field: field.into(),
            error,
        },
        ActionError::TooLong => Error::Conflict {
            code: ErrorCode::ExtensionTooLong,
            field: Some("months"),
            message: "A deadline can be extended by two months at most in all (art. 12(3)).".into(),
        },
    })?;
    let audit = AuditNote {
        actor: session.actor(),
        action: AuditAction::request_moved_to(change.status),
        subject: None,
        before: Some(json!({ "status": current.status, "due": current.deadline() })),
        // The action's name only: reasons may name the subject, and the trail is permanent.
        after: Some(
            json!({ "action": action_name(&action), "status": change.status,
                            "due": change.extended_due_on.unwrap_or(current.due_on) }),
        ),
    };
    store
        .change_request(
            organisation,
            id,
            change.clone(),
            notice(
                &Sender::of(store, session).await?,
                &current,
                &change,
                delivery,
            ),
            audit,
        )
        .await
        .map_err(changed_meanwhile)?
        .ok_or(Error::NotFound("request"))
}

/// The requests concerning a record, by due date.
pub async fn of_record(
    store: &dyn Store,
    session: &Session,
    record: RecordId,
) -> Result<Vec<DataSubjectRequest>> {
    let organisation = session.organisation.id;
    records::get(store, organisation, record).await?;
    Ok(store.requests_of_record(organisation, record).await?)
}

/// Files a request received outside Consentry (by e-mail, phone, in person) for a record; it
/// is due one month after receipt (art. 12(3)).
pub async fn file_on_record(
    store: &dyn Store,
    session: &Session,
    record: RecordId,
    new: NewRequest,
) -> Result<DataSubjectRequest> {
    new.check(clock::today_of(session))
        .map_err(|(field, error)| Error::Invalid {
            field: field.into(),
            error,
        })?;
    let organisation = session.organisation.id;
    records::get(store, organisation, record).await?;
    let request = DataSubjectRequest {
        messages: Vec::new(),
        erasure_confirmation: None,
        id: RequestId(uuid::Uuid::nil()),
        kind: new.kind,
        source: new.source,
        requested_by: parse_short_text(&new.requested_by)
            .ok()
            .flatten()
            .unwrap_or_default(),
        requested_on: new.requested_on,
        due_on: due_date(new.requested_on),
        status: RequestStatus::Received,
        // Checked above.
        details: new
            .details
            .as_deref()
            .and_then(|d| parse_long_text(d).ok().flatten()),
        records: vec![record],
        extended_due_on: None,
        extension_reason: None,
        rejection_reason: None,
        closed_by: None,
        closed_on: None,
        lang: None,
    };
    let audit = AuditNote {
        actor: session.actor(),
        action: AuditAction::RequestCreated,
        subject: None,
        before: None,
        after: Some(json!({
            "kind": request.kind, "source": request.source, "record": record,
            "requested_on": request.requested_on, "due_on": request.due_on,
        })),
    };
    Ok(store.insert_request(organisation, request, audit).await?)
}

#[cfg(test)]
mod tests {
    use consentry_model::requests::{RequestSource, RequestType};

    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    fn request(status: RequestStatus) -> DataSubjectRequest {
        DataSubjectRequest {
            messages: Vec::new(),
            erasure_confirmation: None,
            id: RequestId(uuid::Uuid::nil()),
            kind: RequestType::Access,
            source: RequestSource::Email,
            requested_by: "a@example.org".into(),
            requested_on: day(2026, 1, 31),
            due_on: due_date(day(2026, 1, 31)),
            status,
            details: None,
            records: Vec::new(),
            extended_due_on: None,
            extension_reason: None,
            rejection_reason: None,
            closed_by: None,
            closed_on: None,
            lang: None,
        }
    }

    #[test]
    fn a_request_moves_forward_and_a_closed_one_stays_closed() {
        use RequestStatus as S;
        let today = day(2026, 2, 10);
        let step = |status, action: RequestAction| {
            apply(&request(status), &action, "Ada", today).map(|c| c.status)
        };
        assert_eq!(step(S::Received, RequestAction::Verify {}), Ok(S::Verified));
        assert_eq!(
            step(S::Verified, RequestAction::Start {}),
            Ok(S::InProgress)
        );
        assert_eq!(
            step(S::InProgress, RequestAction::Complete {}),
            Ok(S::Completed)
        );
        assert_eq!(
            step(S::Received, RequestAction::Complete {}),
            Err(ActionError::NotNow(S::Received)),
            "verify the requester first"
        );
        assert_eq!(
            step(S::Completed, RequestAction::Reject { reason: "x".into() }),
            Err(ActionError::NotNow(S::Completed))
        );
        let refused = apply(
            &request(S::Verified),
            &RequestAction::Reject {
                reason: "  manifestly unfounded ".into(),
            },
            "Ada",
            today,
        )
        .expect("refused");
        assert_eq!(
            refused.rejection_reason.as_deref(),
            Some("manifestly unfounded")
        );
        assert_eq!(refused.closed, Some(("Ada".into(), today)));
        assert_eq!(
            step(S::Verified, RequestAction::Reject { reason: " ".into() }),
            Err(ActionError::Invalid("reason", FieldError::Empty))
        );
    }

    #[test]
    fn a_deadline_extends_by_two_months_at_most_in_all() {
        let today = day(2026, 2, 10);
        let extend = |r: &DataSubjectRequest, months| {
            apply(
                r,
                &RequestAction::Extend {
                    months,
                    reason: "complex".into(),
                },
                "Ada",
                today,
            )
        };
        let open = request(RequestStatus::InProgress);
        // Received 31 January: due 28 February; extended from there, clamped at month ends.
        assert_eq!(open.due_on, day(2026, 2, 28));
        let once = extend(&open, 1).expect("one month");
        assert_eq!(once.extended_due_on, Some(day(2026, 3, 28)));
        let mut extended = open.clone();
        extended.extended_due_on = once.extended_due_on;
        assert_eq!(
            extend(&extended, 1).expect("second month").extended_due_on,
            Some(day(2026, 4, 28))
        );
        assert_eq!(extend(&extended, 2), Err(ActionError::TooLong));
        assert_eq!(
            extend(&open, 2).expect("two at once").extended_due_on,
            Some(day(2026, 4, 28))
        );
        assert_eq!(
            extend(&open, 3),
            Err(ActionError::Invalid(
                "months",
                FieldError::OutOfRange { min: 1, max: 2 }
            ))
        );
    }
}
