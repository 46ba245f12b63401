//! Carrying out the rights that change how a subject's records are processed: stop
//! processing (art. 18) and objection (art. 21), and lifting a stop. Each step is audited;
//! the records' data source says it came from the request.

use consentry_model::{
    ErrorCode, FieldError, LegalBasis, RecordId, RequestId,
    audit::{AuditAction, RESUMED_PREFIX, WrittenReason},
    auth::Session,
    consent::DeliveryStatus,
    records::{DataPrivacy, DataSource, RecordFilter, SourceKind, parse_long_text},
    requests::{DataSubjectRequest, RequestStatus, RequestType},
};
use serde_json::json;

use super::{Error, Result, clock, records, requests};
use crate::store::{AuditNote, RequestChange, RequestStep, Selection, Skipped, Store};

fn source(session: &Session, detail: &str) -> DataSource {
    DataSource {
        through: SourceKind::Manual,
        by: session.user.name.to_string(),
        detail: Some(detail.to_owned()),
        at: clock::now(),
    }
}

/// Sets or lifts stop processing on one record; whether it changed.
async fn set_stopped(
    store: &dyn Store,
    session: &Session,
    record: RecordId,
    stopped: bool,
    detail: &str,
) -> Result<bool> {
    let rule = move |current: Option<&DataPrivacy>| match current {
        Some(p) if p.stop_processing != stopped => {
            let mut after = p.clone();
            after.stop_processing = stopped;
            Ok((after, None))
        }
        _ => Err(Skipped),
    };
    let audit = AuditNote {
        actor: session.actor(),
        action: if stopped {
            AuditAction::ProcessingStopped
        } else {
            AuditAction::ProcessingResumed
        },
        subject: Some(record.to_string()),
        before: None,
        after: Some(json!({ "reason": detail })),
    };
    let outcome = store
        .change_privacy(
            session.organisation.id,
            Selection {
                filter: &RecordFilter::default(),
                only: Some(record),
                confirmed_count: None,
            },
            &rule,
            source(session, detail),
            crate::store::PrivacyAudit::Of(audit),
        )
        .await?;
    Ok(matches!(
        outcome,
        crate::store::BulkOutcome::Applied { changed: 1, .. }
    ))
}

async fn open_request(
    store: &dyn Store,
    session: &Session,
    id: RequestId,
    kind: RequestType,
) -> Result<DataSubjectRequest> {
    let request = requests::get(store, session.organisation.id, id).await?;
    if request.kind != kind {
        return Err(Error::Conflict {
            code: ErrorCode::WrongRequestType,
            field: None,
            message: "This request is of another type.".into(),
        });
    }
    requests::under_way(&request, "changes nothing")?;
    Ok(request)
}

async fn close(
    store: &dyn Store,
    session: &Session,
    request: &DataSubjectRequest,
    status: RequestStatus,
    reason: Option<String>,
    changed: usize,
    delivery: DeliveryStatus,
) -> Result<DataSubjectRequest> {
    let change = RequestChange::closing(
        request,
        status,
        reason,
        (session.user.name.to_string(), clock::today_of(session)),
    );
    let audit = AuditNote {
        actor: session.actor(),
        action: AuditAction::request_moved_to(status),
        subject: None,
        before: Some(json!({ "status": request.status })),
        after: Some(json!({ "status": status, "records_stopped": changed })),
    };
    store
        .change_request(
            session.organisation.id,
            request.id,
            change.clone(),
            requests::notice(
                &requests::Sender::of(store, session).await?,
                request,
                &change,
                delivery,
            ),
            audit,
        )
        .await
        .map_err(requests::changed_meanwhile)?
        .ok_or(Error::NotFound("request"))
}

/// Stop processing (art. 18): every record of the request becomes read-only and is left out
/// of e-mails and bulk actions; the request is completed.
#[tracing::instrument(skip_all, fields(organisation = %session.organisation.id, request = %id))]
pub async fn stop_processing(
    store: &dyn Store,
    session: &Session,
    id: RequestId,
    delivery: DeliveryStatus,
) -> Result<DataSubjectRequest> {
    let request = open_request(store, session, id, RequestType::StopProcessing).await?;
    let stop = |current: Option<&DataPrivacy>| match current {
        Some(p) if !p.stop_processing => Ok((
            DataPrivacy {
                stop_processing: true,
                ..p.clone()
            },
            None,
        )),
        _ => Err(Skipped),
    };
    stop_records(
        store,
        session,
        &request,
        &stop,
        WrittenReason::StopRequested,
        delivery,
    )
    .await
}

/// Stops processing of the request's records where `rule` says and completes the request,
/// in one transaction, only while the request is as read.
async fn stop_records(
    store: &dyn Store,
    session: &Session,
    request: &DataSubjectRequest,
    rule: crate::store::PrivacyRule<'_>,
    reason: WrittenReason,
    delivery: DeliveryStatus,
) -> Result<DataSubjectRequest> {
    let status = RequestStatus::Completed;
    let change = RequestChange::closing(
        request,
        status,
        None,
        (session.user.name.to_string(), clock::today_of(session)),
    );
    let message = requests::notice(
        &requests::Sender::of(store, session).await?,
        request,
        &change,
        delivery,
    );
    let (done, _) = store
        .carry_out(
            session.organisation.id,
            RequestStep {
                request: request.id,
                records: &request.records,
                rule,
                source: source(session, reason.stored()),
                record_audit: AuditNote {
                    actor: session.actor(),
                    action: AuditAction::ProcessingStopped,
                    subject: None,
                    before: None,
                    after: Some(json!({ "reason": reason.stored() })),
                },
                change,
                message,
                audit: AuditNote {
                    actor: session.actor(),
                    action: AuditAction::request_moved_to(status),
                    subject: None,
                    before: Some(json!({ "status": request.status })),
                    after: Some(json!({ "status": status })),
                },
            },
        )
        .await
        .map_err(requests::changed_meanwhile)?
        .ok_or(Error::NotFound("request"))?;
    Ok(done)
}

/// Objection (art. 21): records processed on Legitimate Interests stop being processed,
/// unless the privacy officer records compelling overriding grounds — then the objection is
/// refused with those grounds as its reason.
#[tracing::instrument(skip_all, fields(organisation = %session.organisation.id, request = %id))]
pub async fn objection(
    store: &dyn Store,
    session: &Session,
    id: RequestId,
    overriding_grounds: Option<String>,
    delivery: DeliveryStatus,
) -> Result<DataSubjectRequest> {
    let request = open_request(store, session, id, RequestType::Objection).await?;
    if let Some(grounds) = overriding_grounds {
        let grounds = parse_long_text(&grounds)
            .and_then(|g| g.ok_or(FieldError::Empty))
            .map_err(|error| Error::Invalid {
                field: "overriding_grounds".into(),
                error,
            })?;
        return close(
            store,
            session,
            &request,
            RequestStatus::Rejected,
            Some(grounds),
            0,
            delivery,
        )
        .await;
    }
    // Only what is processed on legitimate interests, as the record is when it is written.
    let stop = |current: Option<&DataPrivacy>| match current {
        Some(p) if p.basis == LegalBasis::LegitimateInterests && !p.stop_processing => Ok((
            DataPrivacy {
                stop_processing: true,
                ..p.clone()
            },
            None,
        )),
        _ => Err(Skipped),
    };
    stop_records(
        store,
        session,
        &request,
        &stop,
        WrittenReason::Objected,
        delivery,
    )
    .await
}

/// Rectification (art. 16): the privacy officer applies the subject's correction to one of
/// the request's records; the record's data source says "Rectification request".
#[tracing::instrument(skip_all, fields(organisation = %session.organisation.id, request = %id, record = %record))]
pub async fn rectify(
    store: &dyn Store,
    session: &Session,
    id: RequestId,
    record: RecordId,
    fields: consentry_model::records::RecordFields,
) -> Result<consentry_model::records::Record> {
    let request = open_request(store, session, id, RequestType::Rectification).await?;
    if !request.records.contains(&record) {
        return Err(Error::Invalid {
            field: "record_id".into(),
            error: FieldError::NotAnOption,
        });
    }
    records::update_fields_because(
        store,
        session,
        record,
        fields,
        Some(WrittenReason::Rectification.stored()),
    )
    .await
}

/// Lifts stop processing on a record, with the reason (audited).
pub async fn resume(
    store: &dyn Store,
    session: &Session,
    record: RecordId,
    reason: &str,
) -> Result<consentry_model::records::Record> {
    let reason = parse_long_text(reason)
        .and_then(|r| r.ok_or(FieldError::Empty))
        .map_err(|error| Error::Invalid {
            field: "reason".into(),
            error,
        })?;
    let current = records::get(store, session.organisation.id, record).await?;
    if !current.privacy.as_ref().is_some_and(|p| p.stop_processing) {
        return Err(Error::Conflict {
            code: ErrorCode::NotStopped,
            field: None,
            message: "Processing of this record is not stopped.".into(),
        });
    }
    set_stopped(
        store,
        session,
        record,
        false,
        &format!("{RESUMED_PREFIX}{reason}"),
    )
    .await?;
    records::get(store, session.organisation.id, record).await
}
