//! Data-subject requests on SQLite.

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};
use consentry_model::{
    Email, FormId, OrganisationId, RecordId, RequestId,
    audit::{AuditAction, WrittenReason},
    consent::ConsentEvent,
    forms::FormLang,
    requests::{
        DataSubjectRequest, ErasureConfirmation, RequestCounts, RequestFilter, RequestMessage,
        RequestSource, RequestStatus, RequestType,
    },
};
use std::collections::HashSet;

use sqlx::SqliteConnection;
use uuid::Uuid;

use super::{
    Bytes32, Code, Millis, SqliteStore, audit::append, code, consent::insert_message, corrupt,
    from_code, millis, records::change_privacy_in,
};
use consentry_store::{
    AuditNote, BulkOutcome, Challenge, ErasedSubject, Erasure, LedgerFind, NewExport, NewMessage,
    PrivacyAudit, QueuePosition, ReErasure, RequestChange, RequestStep, RequestStore, Selection,
    StoreError, StoreResult, ledger::Matcher,
};

/// The queue's filters: organisation ?1, right ?2, status ?3, open only ?4.
const QUEUE_FILTER: &str = "organisation_id = ?1 AND (?2 IS NULL OR kind = ?2)
    AND (?3 IS NULL OR status = ?3)
    AND (NOT ?4 OR status NOT IN ('completed', 'rejected'))";

/// A request as stored; dates are ISO 8601 text.
#[derive(sqlx::FromRow)]
struct RequestRow {
    id: Uuid,
    kind: Code<RequestType>,
    source: Code<RequestSource>,
    requested_by: String,
    requested_on: NaiveDate,
    due_on: NaiveDate,
    status: Code<RequestStatus>,
    details: Option<String>,
    extended_due_on: Option<NaiveDate>,
    extension_reason: Option<String>,
    rejection_reason: Option<String>,
    closed_by: Option<String>,
    closed_on: Option<NaiveDate>,
    lang: Option<Code<FormLang>>,
}

const REQUEST_COLUMNS: &str = "id, kind, source, requested_by, requested_on, due_on, status, \
     details, extended_due_on, extension_reason, rejection_reason, closed_by, closed_on, lang";

async fn load(
    conn: &mut SqliteConnection,
    organisation: OrganisationId,
    ids: &[Uuid],
) -> StoreResult<Vec<DataSubjectRequest>> {
    let mut requests = Vec::with_capacity(ids.len());
    for id in ids {
        let row: Option<RequestRow> = sqlx::query_as(&format!(
            "SELECT {REQUEST_COLUMNS} FROM data_subject_requests
             WHERE organisation_id = ?1 AND id = ?2"
        ))
        .bind(organisation.0)
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
        let Some(row) = row else {
            continue;
        };
        let id = row.id;
        let records: Vec<(Uuid,)> = sqlx::query_as(
            "SELECT record_id FROM request_records
             WHERE organisation_id = ?1 AND request_id = ?2 ORDER BY record_id",
        )
        .bind(organisation.0)
        .bind(id)
        .fetch_all(&mut *conn)
        .await?;
        let messages = request_messages(&mut *conn, organisation, id).await?;
        let erasure_confirmation = erasure_confirmation(&mut *conn, organisation, id).await?;
        requests.push(DataSubjectRequest {
            id: RequestId(id),
            kind: row.kind.0,
            source: row.source.0,
            requested_by: row.requested_by,
            requested_on: row.requested_on,
            due_on: row.due_on,
            status: row.status.0,
            details: row.details,
            records: records.into_iter().map(|(r,)| RecordId(r)).collect(),
            extended_due_on: row.extended_due_on,
            extension_reason: row.extension_reason,
            rejection_reason: row.rejection_reason,
            closed_by: row.closed_by,
            closed_on: row.closed_on,
            lang: row.lang.map(|lang| lang.0),
            messages,
            erasure_confirmation,
        });
    }
    Ok(requests)
}

/// Where an erasure's confirmation mail stands: the newest the audit trail says of it.
async fn erasure_confirmation(
    conn: &mut SqliteConnection,
    organisation: OrganisationId,
    request: Uuid,
) -> StoreResult<Option<ErasureConfirmation>> {
    let row: Option<(Option<String>,)> = sqlx::query_as(
        "SELECT json_extract(d.after, '$.confirmation') FROM audit_log a
         JOIN audit_details d ON d.organisation_id = a.organisation_id AND d.seq = a.seq
         WHERE a.organisation_id = ?1 AND a.action = ?2 AND a.subject = ?3
         ORDER BY a.seq DESC LIMIT 1",
    )
    .bind(organisation.0)
    .bind(AuditAction::ErasureConfirmed.code())
    .bind(request.to_string())
    .fetch_optional(&mut *conn)
    .await?;
    row.and_then(|(code,)| code)
        .map(|code| from_code("audit_details.after.confirmation", &code))
        .transpose()
}

/// The messages telling a request's requester about it, oldest first.
async fn request_messages(
    conn: &mut SqliteConnection,
    organisation: OrganisationId,
    request: Uuid,
) -> StoreResult<Vec<RequestMessage>> {
    let rows: Vec<(Uuid, String, String, Millis, Option<Millis>)> = sqlx::query_as(
        "SELECT id, notice, status, created_at, sent_at FROM outbox
         WHERE organisation_id = ?1 AND request_id = ?2 AND notice IS NOT NULL
         ORDER BY created_at, id",
    )
    .bind(organisation.0)
    .bind(request)
    .fetch_all(&mut *conn)
    .await?;
    rows.into_iter()
        .map(|(id, notice, status, created_at, sent_at)| {
            Ok(RequestMessage {
                id,
                notice: from_code("outbox.notice", &notice)?,
                status: from_code("outbox.status", &status)?,
                queued_at: created_at.0,
                sent_at: sent_at.map(|t| t.0),
            })
        })
        .collect()
}

/// Files a request inside the caller's transaction.
async fn insert_in(
    conn: &mut SqliteConnection,
    organisation: OrganisationId,
    request: DataSubjectRequest,
    mut audit: AuditNote,
) -> StoreResult<DataSubjectRequest> {
    let id = Uuid::now_v7();
    let now = Utc::now();
    sqlx::query(
        "INSERT INTO data_subject_requests (organisation_id, id, kind, source, requested_by,
             requested_on, due_on, status, details, created_at, created_by, lang)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )
    .bind(organisation.0)
    .bind(id)
    .bind(code(&request.kind))
    .bind(code(&request.source))
    .bind(&request.requested_by)
    .bind(request.requested_on.to_string())
    .bind(request.due_on.to_string())
    .bind(code(&request.status))
    .bind(&request.details)
    .bind(millis(now))
    .bind(&audit.actor)
    .bind(request.lang.as_ref().map(|l| l.as_str().to_owned()))
    .execute(&mut *conn)
    .await?;
    for record in &request.records {
        sqlx::query(
            "INSERT INTO request_records (organisation_id, request_id, record_id)
             VALUES (?1, ?2, ?3)",
        )
        .bind(organisation.0)
        .bind(id)
        .bind(record.0)
        .execute(&mut *conn)
        .await?;
    }
    audit.subject = Some(id.to_string());
    append(&mut *conn, organisation, &audit, now).await?;
    load(&mut *conn, organisation, &[id])
        .await?
        .pop()
        .ok_or_else(|| corrupt("data_subject_requests.id", id.to_string()))
}

/// What an idempotent answer about an erased subject is replaced by: the retry learns that
/// the request was carried out once, and nothing about the subject.
const ERASED_ANSWER: &str = "{\"error\":\"subject_erased\",\"message\":\"This request was \
carried out once. Its answer concerned a data subject who has since been erased (GDPR art. 17), \
so it is no longer kept.\"}";

/// What replaces another record's data-source detail that named an erased subject.
const REDACTED_DETAIL: &str = "(redacted: it named an erased data subject)";

/// Erases the copies of a subject's data made on the way: kept idempotent answers mentioning
/// one of their ids or values (replaced by [`ERASED_ANSWER`], so a retry still does not write
/// twice), other records' data-source details naming them (an import file named after
/// them), and webhook deliveries about them (undelivered ones go, delivered ones keep ids).
async fn forget_copies(
    conn: &mut sqlx::SqliteConnection,
    organisation: OrganisationId,
    subjects: &[String],
    values: &[String],
) -> StoreResult<()> {
    let needles: Vec<String> = subjects
        .iter()
        .map(|s| s.to_lowercase())
        .chain(values.iter().cloned())
        .collect();
    sqlx::query(
        "UPDATE idempotency_keys SET status = 410, content_type = 'application/json', body = ?1
         WHERE body IS NOT NULL AND EXISTS (SELECT 1 FROM json_each(?2) n
                                            WHERE instr(lower(CAST(body AS TEXT)), n.value) > 0)",
    )
    .bind(ERASED_ANSWER.as_bytes())
    .bind(serde_json::json!(needles).to_string())
    .execute(&mut *conn)
    .await?;
    // Other records' data-source details (an import's file name, say) may name them too.
    for statement in [
        "UPDATE records SET created_detail = ?3 WHERE organisation_id = ?1
           AND EXISTS (SELECT 1 FROM json_each(?2) n WHERE instr(lower(created_detail), n.value) > 0)",
        "UPDATE records SET updated_detail = ?3 WHERE organisation_id = ?1
           AND EXISTS (SELECT 1 FROM json_each(?2) n WHERE instr(lower(updated_detail), n.value) > 0)",
    ] {
        sqlx::query(statement)
            .bind(organisation.0)
            .bind(serde_json::json!(values).to_string())
            .bind(REDACTED_DETAIL)
            .execute(&mut *conn)
            .await?;
    }
    // Undelivered deliveries about them go; delivered ones keep only ids (their log).
    for statement in [
        "DELETE FROM webhook_deliveries
         WHERE organisation_id = ?1 AND status != 'delivered' AND (
             subject IN (SELECT value FROM json_each(?2))
             OR EXISTS (SELECT 1 FROM json_each(?3) n WHERE instr(lower(facts), n.value) > 0))",
        "UPDATE webhook_deliveries SET facts = NULL
         WHERE organisation_id = ?1 AND facts IS NOT NULL AND (
             subject IN (SELECT value FROM json_each(?2))
             OR EXISTS (SELECT 1 FROM json_each(?3) n WHERE instr(lower(facts), n.value) > 0))",
    ] {
        sqlx::query(statement)
            .bind(organisation.0)
            .bind(serde_json::json!(subjects).to_string())
            .bind(serde_json::json!(needles).to_string())
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
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
        let saved = insert_in(&mut tx, organisation, request, audit).await?;
        tx.commit().await?;
        Ok(saved)
    }

    async fn requests(
        &self,
        organisation: OrganisationId,
        filter: &RequestFilter,
        after: Option<&QueuePosition>,
        limit: u32,
    ) -> StoreResult<Vec<DataSubjectRequest>> {
        let mut conn = self.pool.acquire().await?;
        // Keyset paging on (deadline, id): a page starts exactly after the previous one,
        // however many requests were filed meanwhile.
        let ids: Vec<(Uuid,)> = sqlx::query_as(&format!(
            "SELECT id FROM data_subject_requests WHERE {QUEUE_FILTER}
               AND (?5 IS NULL OR (COALESCE(extended_due_on, due_on), id) > (?5, ?6))
             ORDER BY COALESCE(extended_due_on, due_on), id LIMIT ?7"
        ))
        .bind(organisation.0)
        .bind(filter.kind.map(|k| code(&k)))
        .bind(filter.status.map(|s| code(&s)))
        .bind(filter.open)
        .bind(after.map(|p| p.deadline))
        .bind(after.map(|p| p.id.0))
        .bind(limit)
        .fetch_all(&mut *conn)
        .await?;
        let ids: Vec<Uuid> = ids.into_iter().map(|(id,)| id).collect();
        load(&mut conn, organisation, &ids).await
    }

    async fn request_total(
        &self,
        organisation: OrganisationId,
        filter: &RequestFilter,
    ) -> StoreResult<u64> {
        let (total,): (i64,) = sqlx::query_as(&format!(
            "SELECT COUNT(*) FROM data_subject_requests WHERE {QUEUE_FILTER}"
        ))
        .bind(organisation.0)
        .bind(filter.kind.map(|k| code(&k)))
        .bind(filter.status.map(|s| code(&s)))
        .bind(filter.open)
        .fetch_one(&self.pool)
        .await?;
        Ok(u64::try_from(total).unwrap_or_default())
    }

    async fn request(
        &self,
        organisation: OrganisationId,
        id: RequestId,
    ) -> StoreResult<Option<DataSubjectRequest>> {
        let mut conn = self.pool.acquire().await?;
        Ok(load(&mut conn, organisation, &[id.0]).await?.pop())
    }

    async fn change_request(
        &self,
        organisation: OrganisationId,
        id: RequestId,
        change: RequestChange,
        message: Option<NewMessage>,
        audit: AuditNote,
    ) -> StoreResult<Option<DataSubjectRequest>> {
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        let saved = change_in(
            &mut tx,
            &self.vault,
            organisation,
            id,
            &change,
            message,
            audit,
        )
        .await?;
        if saved.is_some() {
            tx.commit().await?;
        }
        Ok(saved)
    }

    async fn carry_out(
        &self,
        organisation: OrganisationId,
        step: RequestStep<'_>,
    ) -> StoreResult<Option<(DataSubjectRequest, u64)>> {
        let RequestStep {
            request,
            records,
            rule,
            source,
            record_audit,
            change,
            message,
            mut audit,
        } = step;
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        let sealing = self.sealing(&mut tx, organisation).await?;
        let mut changed = 0;
        for record in records {
            let mut note = record_audit.clone();
            note.subject = Some(record.to_string());
            let outcome = change_privacy_in(
                &mut tx,
                &sealing,
                organisation,
                Selection {
                    filter: &consentry_model::records::RecordFilter::default(),
                    only: Some(*record),
                    confirmed_count: None,
                },
                rule,
                source.clone(),
                PrivacyAudit::Of(note),
            )
            .await?;
            if let BulkOutcome::Applied { changed: n, .. } = outcome {
                changed += n;
            }
        }
        if let Some(serde_json::Value::Object(after)) = audit.after.as_mut() {
            after.insert("records_stopped".into(), changed.into());
        }
        // A request that changed meanwhile rolls the records' changes back with it.
        let saved = change_in(
            &mut tx,
            &self.vault,
            organisation,
            request,
            &change,
            message,
            audit,
        )
        .await?;
        if saved.is_some() {
            tx.commit().await?;
        }
        Ok(saved.map(|request| (request, changed)))
    }

    async fn request_counts(
        &self,
        organisation: OrganisationId,
        today: NaiveDate,
    ) -> StoreResult<RequestCounts> {
        let soon = today + chrono::Days::new(7);
        let (open, overdue, due_soon): (i64, Option<i64>, Option<i64>) = sqlx::query_as(
            "SELECT COUNT(*),
                    SUM(COALESCE(extended_due_on, due_on) < ?2),
                    SUM(COALESCE(extended_due_on, due_on) BETWEEN ?2 AND ?3)
             FROM data_subject_requests
             WHERE organisation_id = ?1 AND status NOT IN ('completed', 'rejected')",
        )
        .bind(organisation.0)
        .bind(today.to_string())
        .bind(soon.to_string())
        .fetch_one(&self.pool)
        .await?;
        Ok(RequestCounts {
            open: open.unsigned_abs(),
            overdue: overdue.unwrap_or_default().unsigned_abs(),
            due_soon: due_soon.unwrap_or_default().unsigned_abs(),
        })
    }

    async fn records_with_email(
        &self,
        organisation: OrganisationId,
        email: &Email,
    ) -> StoreResult<Vec<RecordId>> {
        let mut conn = self.pool.acquire().await?;
        let sealing = self.sealing(&mut conn, organisation).await?;
        let mut query = sqlx::QueryBuilder::new(
            "SELECT r.id FROM records r JOIN modules m ON m.id = r.module_id
             WHERE m.compliance_enabled = 1 AND r.organisation_id = ",
        );
        query.push_bind(organisation.0);
        super::records::push_email_match(&mut query, email.as_str(), &sealing);
        query.push(" ORDER BY r.id");
        let rows: Vec<(Uuid,)> = query.build_query_as().fetch_all(&mut *conn).await?;
        Ok(rows.into_iter().map(|(id,)| RecordId(id)).collect())
    }

    async fn send_message(
        &self,
        organisation: OrganisationId,
        message: NewMessage,
        audit: AuditNote,
    ) -> StoreResult<()> {
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        let now = Utc::now();
        insert_message(&mut tx, &self.vault, organisation, &message, now).await?;
        append(&mut tx, organisation, &audit, now).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn insert_challenge(
        &self,
        challenge: &Challenge,
        message: NewMessage,
    ) -> StoreResult<()> {
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        let now = Utc::now();
        sqlx::query(
            "INSERT INTO privacy_challenges (id, organisation_id, email, kind, details, lang,
                 code_hash, attempts, created_at, expires_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 0, ?8, ?9)",
        )
        .bind(challenge.id)
        .bind(challenge.organisation.0)
        .bind(challenge.email.as_str())
        .bind(code(&challenge.kind))
        .bind(&challenge.details)
        .bind(challenge.lang.as_str())
        .bind(challenge.code_hash.as_slice())
        .bind(millis(now))
        .bind(millis(challenge.expires_at))
        .execute(&mut *tx)
        .await?;
        insert_message(&mut tx, &self.vault, challenge.organisation, &message, now).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn challenge(&self, id: Uuid) -> StoreResult<Option<Challenge>> {
        let row: Option<ChallengeRow> = sqlx::query_as(&format!(
            "SELECT {CHALLENGE_COLUMNS} FROM privacy_challenges WHERE id = ?1"
        ))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        row.map(challenge_from_row).transpose()
    }

    async fn take_try(
        &self,
        id: Uuid,
        max_tries: u32,
        now: DateTime<Utc>,
    ) -> StoreResult<Option<Challenge>> {
        let row: Option<ChallengeRow> = sqlx::query_as(&format!(
            "UPDATE privacy_challenges SET attempts = attempts + 1
             WHERE id = ?1 AND attempts < ?2 AND used_at IS NULL AND expires_at > ?3
             RETURNING {CHALLENGE_COLUMNS}"
        ))
        .bind(id)
        .bind(i64::from(max_tries))
        .bind(millis(now))
        .fetch_optional(&self.pool)
        .await?;
        row.map(challenge_from_row).transpose()
    }

    async fn file_verified(
        &self,
        challenge: Uuid,
        request: DataSubjectRequest,
        audit: AuditNote,
    ) -> StoreResult<Option<DataSubjectRequest>> {
        let organisation: Option<(Uuid,)> =
            sqlx::query_as("SELECT organisation_id FROM privacy_challenges WHERE id = ?1")
                .bind(challenge)
                .fetch_optional(&self.pool)
                .await?;
        let Some((organisation,)) = organisation else {
            return Ok(None);
        };
        let organisation = OrganisationId(organisation);
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        let spent = sqlx::query(
            "UPDATE privacy_challenges SET used_at = ?2 WHERE id = ?1 AND used_at IS NULL",
        )
        .bind(challenge)
        .bind(millis(Utc::now()))
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if spent == 0 {
            return Ok(None);
        }
        let saved = insert_in(&mut tx, organisation, request, audit).await?;
        tx.commit().await?;
        Ok(Some(saved))
    }

    async fn hash_key(&self, organisation: OrganisationId) -> StoreResult<[u8; 32]> {
        let label = consentry_store::vault::hash_key_label(organisation.0);
        let read = || async {
            sqlx::query_as::<_, (Vec<u8>,)>(
                "SELECT hash_key FROM organisation_secrets WHERE organisation_id = ?1",
            )
            .bind(organisation.0)
            .fetch_optional(&self.pool)
            .await
        };
        // Read first: every sign-up asks, and only the first may write.
        let wrapped = match read().await? {
            Some((key,)) => key,
            None => {
                let fresh = consentry_store::crypto::random_key();
                sqlx::query(
                    "INSERT INTO organisation_secrets (organisation_id, hash_key, wrapped)
                     VALUES (?1, ?2, 1) ON CONFLICT DO NOTHING",
                )
                .bind(organisation.0)
                .bind(self.vault.wrap_secret(&label, &fresh))
                .execute(&self.pool)
                .await?;
                // Another request may have won the race: its key is the one.
                read()
                    .await?
                    .map(|(key,)| key)
                    .ok_or_else(|| corrupt("organisation_secrets", organisation.to_string()))?
            }
        };
        self.vault
            .unwrap_secret(&label, &wrapped)?
            .try_into()
            .map_err(|_| corrupt("organisation_secrets.hash_key", organisation.to_string()))
    }

    async fn erase(
        &self,
        organisation: OrganisationId,
        erasure: Erasure,
        audit: AuditNote,
    ) -> StoreResult<Option<DataSubjectRequest>> {
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        // A record under a legal hold is kept (art. 17(3)(e)): nothing is erased.
        for record in &erasure.subject.records {
            let held: Option<(i32,)> = sqlx::query_as(
                "SELECT 1 FROM record_retention WHERE organisation_id = ?1 AND record_id = ?2
                     AND hold_reason IS NOT NULL",
            )
            .bind(organisation.0)
            .bind(record.0)
            .fetch_optional(&mut *tx)
            .await?;
            if held.is_some() {
                return Err(StoreError::Conflict("record_retention.hold_reason"));
            }
        }
        let now = Utc::now();
        delete_subject(&mut tx, organisation, &erasure.subject, &audit.actor, now).await?;
        // Only a request still under way: of several erasures at once, one erases.
        let done = sqlx::query(
            "UPDATE data_subject_requests SET status = 'completed', requested_by = ?3,
                 details = NULL, closed_by = ?4, closed_on = ?5
             WHERE organisation_id = ?1 AND id = ?2 AND status IN ('verified', 'in_progress')",
        )
        .bind(organisation.0)
        .bind(erasure.subject.request.0)
        .bind(&erasure.subject.requester_hash)
        .bind(&erasure.closed.0)
        .bind(erasure.closed.1.to_string())
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if done == 0 {
            // Rolled back: nothing of the subject is deleted by this one.
            return match exists(&mut tx, organisation, erasure.subject.request).await? {
                true => Err(StoreError::Conflict("data_subject_requests.status")),
                false => Ok(None),
            };
        }
        mark_applied(&mut tx, &[erasure.ledger_entry], now).await?;
        let mut audit = audit;
        audit.subject = Some(erasure.subject.request.to_string());
        append(&mut tx, organisation, &audit, now).await?;
        let saved = load(&mut tx, organisation, &[erasure.subject.request.0])
            .await?
            .pop();
        tx.commit().await?;
        self.checkpoint().await?;
        Ok(saved)
    }

    async fn applied_ledger_entries(&self) -> StoreResult<HashSet<Uuid>> {
        let rows: Vec<(Uuid,)> = sqlx::query_as("SELECT entry_id FROM erasure_ledger_applied")
            .fetch_all(&self.pool)
            .await?;
        Ok(rows.into_iter().map(|(id,)| id).collect())
    }

    async fn mark_ledger_applied(&self, entries: &[Uuid]) -> StoreResult<()> {
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        mark_applied(&mut tx, entries, Utc::now()).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn find_erased(
        &self,
        organisation: OrganisationId,
        matcher: &Matcher<'_>,
    ) -> StoreResult<Vec<(Uuid, LedgerFind)>> {
        let mut conn = self.pool.acquire().await?;
        let sealing = self.sealing(&mut conn, organisation).await?;
        let mut found = Vec::new();
        // In pages by id: a million records never sit in memory at once.
        let mut after = Uuid::nil();
        loop {
            let page: Vec<(Uuid, Uuid, Option<String>)> = sqlx::query_as(
                "SELECT id, module_id, email FROM records
                 WHERE organisation_id = ?1 AND id > ?2 ORDER BY id LIMIT 5000",
            )
            .bind(organisation.0)
            .bind(after)
            .fetch_all(&mut *conn)
            .await?;
            let Some(last) = page.last() else {
                break;
            };
            after = last.0;
            for (id, module, email) in page {
                let email = sealing.open_email(id, module, email)?;
                let entry = matcher
                    .record(id)
                    .or_else(|| email.as_deref().and_then(|e| matcher.address(e)));
                if let Some(entry) = entry {
                    found.push((entry.id, LedgerFind::Record(RecordId(id))));
                    if let Some(email) = email {
                        found.push((entry.id, LedgerFind::Address(email.to_lowercase())));
                    }
                }
            }
        }
        let addresses: Vec<(String,)> = sqlx::query_as(
            "SELECT lower(recipient) FROM outbox WHERE organisation_id = ?1
             UNION SELECT lower(recipient) FROM exports WHERE organisation_id = ?1
             UNION SELECT lower(email) FROM privacy_challenges WHERE organisation_id = ?1
             UNION SELECT lower(requested_by) FROM data_subject_requests
                 WHERE organisation_id = ?1",
        )
        .bind(organisation.0)
        .fetch_all(&mut *conn)
        .await?;
        for (address,) in addresses {
            if let Some(entry) = matcher.address(&address) {
                found.push((entry.id, LedgerFind::Address(address)));
            }
        }
        Ok(found)
    }

    async fn reapply_erasure(
        &self,
        organisation: OrganisationId,
        erasure: ReErasure,
        audit: AuditNote,
    ) -> StoreResult<()> {
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        let now = Utc::now();
        delete_subject(&mut tx, organisation, &erasure.subject, &audit.actor, now).await?;
        mark_applied(&mut tx, &[erasure.entry], now).await?;
        append(&mut tx, organisation, &audit, now).await?;
        tx.commit().await?;
        self.checkpoint().await
    }

    async fn suppressions(&self, organisation: OrganisationId) -> StoreResult<Vec<[u8; 32]>> {
        let rows: Vec<(Bytes32,)> =
            sqlx::query_as("SELECT email_hash FROM suppressions WHERE organisation_id = ?1")
                .bind(organisation.0)
                .fetch_all(&self.pool)
                .await?;
        Ok(rows.into_iter().map(|(Bytes32(hash),)| hash).collect())
    }

    async fn consent_events(
        &self,
        organisation: OrganisationId,
        record: RecordId,
    ) -> StoreResult<Vec<ConsentEvent>> {
        type Row = (
            Uuid,
            Uuid,
            u32,
            String,
            String,
            String,
            String,
            Millis,
            Option<String>,
            Option<String>,
        );
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT id, form_id, form_version, text_hash, lang, decision, choices, at, ip,
                    user_agent
             FROM consent_events WHERE organisation_id = ?1 AND record_id = ?2 ORDER BY id",
        )
        .bind(organisation.0)
        .bind(record.0)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(
                |(id, form, version, text_hash, lang, decision, choices, at, ip, user_agent)| {
                    Ok(ConsentEvent {
                        id,
                        form_id: FormId(form),
                        form_version: version,
                        text_hash,
                        lang: FormLang::parse(&lang)
                            .map_err(|_| corrupt("consent_events.lang", lang))?,
                        decision,
                        choices: serde_json::from_str(&choices)
                            .map_err(|_| corrupt("consent_events.choices", choices))?,
                        at: at.0,
                        ip,
                        user_agent,
                    })
                },
            )
            .collect()
    }

    async fn complete_with_export(
        &self,
        organisation: OrganisationId,
        export: NewExport<'_>,
    ) -> StoreResult<Option<DataSubjectRequest>> {
        let NewExport {
            request,
            token_hash,
            file,
            expires_at,
            message,
            change,
            audit,
        } = export;
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        let now = Utc::now();
        sqlx::query(
            "INSERT INTO exports (token_hash, organisation_id, request_id, recipient, file,
                 created_at, expires_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )
        .bind(token_hash.as_slice())
        .bind(organisation.0)
        .bind(request.0)
        .bind(&message.recipient)
        .bind(file)
        .bind(millis(now))
        .bind(millis(expires_at))
        .execute(&mut *tx)
        .await?;
        let saved = change_in(
            &mut tx,
            &self.vault,
            organisation,
            request,
            &change,
            Some(message),
            audit,
        )
        .await?;
        // Rolled back otherwise: no file, no message.
        if saved.is_some() {
            tx.commit().await?;
        }
        Ok(saved)
    }

    async fn export_file(&self, token_hash: &[u8; 32]) -> StoreResult<Option<Vec<u8>>> {
        let row: Option<(Vec<u8>,)> =
            sqlx::query_as("SELECT file FROM exports WHERE token_hash = ?1 AND expires_at > ?2")
                .bind(token_hash.as_slice())
                .bind(millis(Utc::now()))
                .fetch_optional(&self.pool)
                .await?;
        Ok(row.map(|(file,)| file))
    }

    async fn purge_exports(&self, now: chrono::DateTime<Utc>) -> StoreResult<u64> {
        Ok(sqlx::query("DELETE FROM exports WHERE expires_at <= ?1")
            .bind(millis(now))
            .execute(&self.pool)
            .await?
            .rows_affected())
    }

    async fn is_suppressed(
        &self,
        organisation: OrganisationId,
        email_hash: &[u8; 32],
    ) -> StoreResult<bool> {
        let found: Option<(i64,)> = sqlx::query_as(
            "SELECT 1 FROM suppressions WHERE organisation_id = ?1 AND email_hash = ?2",
        )
        .bind(organisation.0)
        .bind(email_hash.as_slice())
        .fetch_optional(&self.pool)
        .await?;
        Ok(found.is_some())
    }
}

/// Deletes a subject's records with their consent and privacy events, links, sign-ups,
/// messages and exports; removes their addresses from messages, exports, privacy-centre codes
/// and requests; adds the address hashes to the suppression list; erases the copies (kept
/// answers, undelivered webhook deliveries) and redacts the audit details about them. Shared
/// by a request's erasure and its replay from the erasure ledger, so both delete the same.
pub(crate) async fn delete_subject(
    tx: &mut SqliteConnection,
    organisation: OrganisationId,
    subject: &ErasedSubject,
    actor: &str,
    now: chrono::DateTime<Utc>,
) -> StoreResult<()> {
    // Every request about the subject (before their address leaves them): audit details
    // about those go too.
    let mut requests: Vec<(Uuid,)> = sqlx::query_as(
        "SELECT id FROM data_subject_requests
         WHERE organisation_id = ?1 AND lower(requested_by) IN (SELECT value FROM json_each(?2))",
    )
    .bind(organisation.0)
    .bind(serde_json::json!(subject.addresses).to_string())
    .fetch_all(&mut *tx)
    .await?;
    for record in &subject.records {
        requests.extend(
            sqlx::query_as::<_, (Uuid,)>(
                "SELECT request_id FROM request_records
                 WHERE organisation_id = ?1 AND record_id = ?2",
            )
            .bind(organisation.0)
            .bind(record.0)
            .fetch_all(&mut *tx)
            .await?,
        );
    }
    for record in &subject.records {
        // First: it is what lets the evidence rows of this record go.
        sqlx::query(
            "INSERT INTO erased_records (organisation_id, record_id, request_id, erased_at)
             VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING",
        )
        .bind(organisation.0)
        .bind(record.0)
        .bind(subject.request.0)
        .bind(millis(now))
        .execute(&mut *tx)
        .await?;
        for statement in [
            "DELETE FROM consent_events WHERE organisation_id = ?1 AND record_id = ?2",
            "DELETE FROM privacy_events WHERE organisation_id = ?1 AND record_id = ?2",
            "DELETE FROM consent_links WHERE organisation_id = ?1 AND record_id = ?2",
            "DELETE FROM sign_ups WHERE organisation_id = ?1 AND record_id = ?2",
            "DELETE FROM outbox WHERE organisation_id = ?1 AND record_id = ?2",
            "DELETE FROM exports WHERE organisation_id = ?1 AND request_id IN (
                 SELECT request_id FROM request_records
                 WHERE organisation_id = ?1 AND record_id = ?2)",
            "DELETE FROM records WHERE organisation_id = ?1 AND id = ?2",
        ] {
            sqlx::query(statement)
                .bind(organisation.0)
                .bind(record.0)
                .execute(&mut *tx)
                .await?;
        }
        sqlx::query(
            "UPDATE data_subject_requests SET requested_by = ?3, details = NULL
             WHERE organisation_id = ?1 AND id IN (SELECT request_id FROM request_records
                 WHERE organisation_id = ?1 AND record_id = ?2)",
        )
        .bind(organisation.0)
        .bind(record.0)
        .bind(&subject.requester_hash)
        .execute(&mut *tx)
        .await?;
    }
    for address in &subject.addresses {
        for statement in [
            "DELETE FROM outbox WHERE organisation_id = ?1 AND recipient = ?2 COLLATE NOCASE",
            "DELETE FROM exports WHERE organisation_id = ?1 AND recipient = ?2 COLLATE NOCASE",
            "DELETE FROM privacy_challenges
             WHERE organisation_id = ?1 AND email = ?2 COLLATE NOCASE",
        ] {
            sqlx::query(statement)
                .bind(organisation.0)
                .bind(address)
                .execute(&mut *tx)
                .await?;
        }
        sqlx::query(
            "UPDATE data_subject_requests SET requested_by = ?3, details = NULL
             WHERE organisation_id = ?1 AND requested_by = ?2 COLLATE NOCASE",
        )
        .bind(organisation.0)
        .bind(address)
        .bind(&subject.requester_hash)
        .execute(&mut *tx)
        .await?;
    }
    for hash in &subject.suppress {
        sqlx::query(
            "INSERT INTO suppressions (organisation_id, email_hash, request_id, created_at)
             VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING",
        )
        .bind(organisation.0)
        .bind(hash.as_slice())
        .bind(subject.request.0)
        .bind(millis(now))
        .execute(&mut *tx)
        .await?;
    }
    let mut ids: Vec<String> = subject.records.iter().map(ToString::to_string).collect();
    ids.extend(requests.iter().map(|(id,)| id.to_string()));
    ids.push(subject.request.to_string());
    forget_copies(tx, organisation, &ids, &subject.values).await?;
    super::jobs::forget_mentioning(tx, organisation, &subject.values).await?;
    forget_in_reasons(tx, organisation, &subject.values).await?;
    super::audit::redact(
        tx,
        organisation,
        &ids,
        &subject.values,
        AuditNote {
            actor: actor.to_owned(),
            action: AuditAction::AuditRedacted,
            subject: Some(subject.request.to_string()),
            before: None,
            after: None,
        },
        Some(subject.request.to_string()),
        now,
    )
    .await?;
    Ok(())
}

pub(crate) async fn mark_applied(
    tx: &mut SqliteConnection,
    entries: &[Uuid],
    now: chrono::DateTime<Utc>,
) -> StoreResult<()> {
    for entry in entries {
        sqlx::query(
            "INSERT INTO erasure_ledger_applied (entry_id, applied_at) VALUES (?1, ?2)
             ON CONFLICT DO NOTHING",
        )
        .bind(entry)
        .bind(millis(now))
        .execute(&mut *tx)
        .await?;
    }
    Ok(())
}

const CHALLENGE_COLUMNS: &str = "id, organisation_id, email, kind, details, lang, code_hash, \
     attempts, expires_at, used_at";

/// A privacy-centre challenge as stored.
#[derive(sqlx::FromRow)]
struct ChallengeRow {
    id: Uuid,
    organisation_id: Uuid,
    email: String,
    kind: Code<RequestType>,
    details: Option<String>,
    lang: Code<FormLang>,
    code_hash: Bytes32,
    attempts: u32,
    expires_at: Millis,
    used_at: Option<Millis>,
}

fn challenge_from_row(row: ChallengeRow) -> StoreResult<Challenge> {
    Ok(Challenge {
        id: row.id,
        organisation: OrganisationId(row.organisation_id),
        email: Email::from_stored(&row.email)
            .map_err(|_| corrupt("privacy_challenges.email", row.email))?,
        kind: row.kind.0,
        details: row.details,
        lang: row.lang.0,
        code_hash: row.code_hash.0,
        attempts: row.attempts,
        expires_at: row.expires_at.0,
        used_at: row.used_at.map(|t| t.0),
    })
}

/// Whether the organisation has the request.
async fn exists(
    conn: &mut SqliteConnection,
    organisation: OrganisationId,
    id: RequestId,
) -> StoreResult<bool> {
    let found: Option<(i64,)> = sqlx::query_as(
        "SELECT 1 FROM data_subject_requests WHERE organisation_id = ?1 AND id = ?2",
    )
    .bind(organisation.0)
    .bind(id.0)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(found.is_some())
}

/// Writes an administrator's change of a request as it was decided (only if the request is
/// still as read), with its message and audit entry, in `tx`; `None` when there is no such
/// request. The caller commits.
async fn change_in(
    tx: &mut SqliteConnection,
    vault: &consentry_store::vault::Vault,
    organisation: OrganisationId,
    id: RequestId,
    change: &RequestChange,
    message: Option<NewMessage>,
    audit: AuditNote,
) -> StoreResult<Option<DataSubjectRequest>> {
    let changed = sqlx::query(
        "UPDATE data_subject_requests SET status = ?3, extended_due_on = ?4,
             extension_reason = ?5, rejection_reason = ?6, closed_by = ?7, closed_on = ?8
         WHERE organisation_id = ?1 AND id = ?2 AND status = ?9 AND extended_due_on IS ?10",
    )
    .bind(organisation.0)
    .bind(id.0)
    .bind(code(&change.status))
    .bind(change.extended_due_on.map(|d| d.to_string()))
    .bind(&change.extension_reason)
    .bind(&change.rejection_reason)
    .bind(change.closed.as_ref().map(|(by, _)| by.clone()))
    .bind(change.closed.as_ref().map(|(_, on)| on.to_string()))
    .bind(code(&change.seen_status))
    .bind(change.seen_extended_due_on.map(|d| d.to_string()))
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if changed == 0 {
        return match exists(&mut *tx, organisation, id).await? {
            true => Err(StoreError::Conflict("data_subject_requests.status")),
            false => Ok(None),
        };
    }
    let now = Utc::now();
    if let Some(message) = &message {
        insert_message(&mut *tx, vault, organisation, message, now).await?;
    }
    let mut audit = audit;
    audit.subject = Some(id.to_string());
    append(&mut *tx, organisation, &audit, now).await?;
    Ok(load(&mut *tx, organisation, &[id.0]).await?.pop())
}

/// Replaces every request's typed text (details, why it was extended or refused) that names
/// one of an erased subject's `values` by the written reason "erasure": officers write names
/// into reasons ("Backlog for Jansen"), on the subject's requests and on others'.
async fn forget_in_reasons(
    tx: &mut SqliteConnection,
    organisation: OrganisationId,
    values: &[String],
) -> StoreResult<()> {
    if values.is_empty() {
        return Ok(());
    }
    #[derive(sqlx::FromRow)]
    struct Texts {
        id: Uuid,
        details: Option<String>,
        extension_reason: Option<String>,
        rejection_reason: Option<String>,
    }
    let texts: Vec<Texts> = sqlx::query_as(
        "SELECT id, details, extension_reason, rejection_reason FROM data_subject_requests
         WHERE organisation_id = ?1
           AND (details IS NOT NULL OR extension_reason IS NOT NULL
                OR rejection_reason IS NOT NULL)",
    )
    .bind(organisation.0)
    .fetch_all(&mut *tx)
    .await?;
    // As the values are kept: lower-case, as inside a JSON string.
    let names = |text: &Option<String>| {
        text.as_ref().is_some_and(|t| {
            let seen = serde_json::to_string(&t.to_lowercase()).unwrap_or_default();
            values
                .iter()
                .any(|v| !v.is_empty() && seen.contains(v.as_str()))
        })
    };
    let erased = WrittenReason::Erasure.stored();
    for texts in texts {
        let [details, extension, rejection] = [
            &texts.details,
            &texts.extension_reason,
            &texts.rejection_reason,
        ]
        .map(names);
        let id = texts.id;
        if details || extension || rejection {
            sqlx::query(
                "UPDATE data_subject_requests
                 SET details = CASE WHEN ?3 THEN NULL ELSE details END,
                     extension_reason = CASE WHEN ?4 THEN ?6 ELSE extension_reason END,
                     rejection_reason = CASE WHEN ?5 THEN ?6 ELSE rejection_reason END
                 WHERE organisation_id = ?1 AND id = ?2",
            )
            .bind(organisation.0)
            .bind(id)
            .bind(details)
            .bind(extension)
            .bind(rejection)
            .bind(erased)
            .execute(&mut *tx)
            .await?;
        }
    }
    Ok(())
}
