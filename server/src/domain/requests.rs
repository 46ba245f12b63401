//! Data-subject requests: filing one by hand on a record, and the requests of a record.

use consentry_model::{
    RecordId, RequestId,
    audit::AuditAction,
    auth::Session,
    records::parse_short_text,
    requests::{DataSubjectRequest, NewRequest, RequestStatus, due_date},
};
use serde_json::json;

use super::{Error, Result, privacy::today, records};
use crate::store::{AuditNote, Store};

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
    new.check(today())
        .map_err(|(field, error)| Error::Invalid {
            field: field.into(),
            error,
        })?;
    let organisation = session.organisation.id;
    records::get(store, organisation, record).await?;
    let request = DataSubjectRequest {
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
        details: new
            .details
            .map(|d| d.trim().to_owned())
            .filter(|d| !d.is_empty()),
        records: vec![record],
    };
    let audit = AuditNote {
        actor: session.user.email.to_string(),
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
