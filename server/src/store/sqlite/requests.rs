//! Data-subject requests on SQLite.

use async_trait::async_trait;
use chrono::{NaiveDate, Utc};
use consentry_model::{
    OrganisationId, RecordId, RequestId,
    requests::{DataSubjectRequest, RequestStatus},
};
use sqlx::SqliteConnection;
use uuid::Uuid;

use super::{SqliteStore, audit::append, code, corrupt, from_code, millis};
use crate::store::{AuditNote, RequestStore, StoreResult};

type RequestRow = (
    Uuid,
    String,
    String,
    String,
    String,
    String,
    String,
    Option<String>,
);

async fn load(
    conn: &mut SqliteConnection,
    organisation: OrganisationId,
    ids: &[Uuid],
) -> StoreResult<Vec<DataSubjectRequest>> {
    let mut requests = Vec::with_capacity(ids.len());
    for id in ids {
        let row: Option<RequestRow> = sqlx::query_as(
            "SELECT id, kind, source, requested_by, requested_on, due_on, status, details
             FROM data_subject_requests WHERE organisation_id = ?1 AND id = ?2",
        )
        .bind(organisation.0)
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
        let Some((id, kind, source, requested_by, requested_on, due_on, status, details)) = row
        else {
            continue;
        };
        let records: Vec<(Uuid,)> = sqlx::query_as(
            "SELECT record_id FROM request_records
             WHERE organisation_id = ?1 AND request_id = ?2 ORDER BY record_id",
        )
        .bind(organisation.0)
        .bind(id)
        .fetch_all(&mut *conn)
        .await?;
        let date = |column: &'static str, text: String| -> StoreResult<NaiveDate> {
            text.parse().map_err(|_| corrupt(column, text))
        };
        requests.push(DataSubjectRequest {
            id: RequestId(id),
            kind: from_code("data_subject_requests.kind", &kind)?,
            source: from_code("data_subject_requests.source", &source)?,
            requested_by,
            requested_on: date("data_subject_requests.requested_on", requested_on)?,
            due_on: date("data_subject_requests.due_on", due_on)?,
            status: from_code("data_subject_requests.status", &status)?,
            details,
            records: records.into_iter().map(|(r,)| RecordId(r)).collect(),
        });
    }
    Ok(requests)
}

#[async_trait]
impl RequestStore for SqliteStore {
    async fn requests_of_record(
        &self,
        organisation: OrganisationId,
        record: RecordId,
    ) -> StoreResult<Vec<DataSubjectRequest>> {
        let mut conn = self.pool.acquire().await?;
        let ids: Vec<(Uuid,)> = sqlx::query_as(
            "SELECT q.id FROM request_records l
             JOIN data_subject_requests q
               ON q.organisation_id = l.organisation_id AND q.id = l.request_id
             WHERE l.organisation_id = ?1 AND l.record_id = ?2
             ORDER BY q.due_on, q.id",
        )
        .bind(organisation.0)
        .bind(record.0)
        .fetch_all(&mut *conn)
        .await?;
        let ids: Vec<Uuid> = ids.into_iter().map(|(id,)| id).collect();
        load(&mut conn, organisation, &ids).await
    }

    async fn insert_request(
        &self,
        organisation: OrganisationId,
        request: DataSubjectRequest,
        audit: AuditNote,
    ) -> StoreResult<DataSubjectRequest> {
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        let id = Uuid::now_v7();
        let now = Utc::now();
        sqlx::query(
            "INSERT INTO data_subject_requests (organisation_id, id, kind, source, requested_by,
                 requested_on, due_on, status, details, created_at, created_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        )
        .bind(organisation.0)
        .bind(id)
        .bind(code(&request.kind))
        .bind(code(&request.source))
        .bind(&request.requested_by)
        .bind(request.requested_on.to_string())
        .bind(request.due_on.to_string())
        .bind(code(&RequestStatus::Received))
        .bind(&request.details)
        .bind(millis(now))
        .bind(&audit.actor)
        .execute(&mut *tx)
        .await?;
        for record in &request.records {
            sqlx::query(
                "INSERT INTO request_records (organisation_id, request_id, record_id)
                 VALUES (?1, ?2, ?3)",
            )
            .bind(organisation.0)
            .bind(id)
            .bind(record.0)
            .execute(&mut *tx)
            .await?;
        }
        let mut audit = audit;
        audit.subject = Some(id.to_string());
        append(&mut tx, organisation, &audit, now).await?;
        let saved = load(&mut tx, organisation, &[id])
            .await?
            .pop()
            .ok_or_else(|| corrupt("data_subject_requests.id", id.to_string()))?;
        tx.commit().await?;
        Ok(saved)
    }
}
