//! Data-subject requests on PostgreSQL, for several server instances on one database: a
//! change of a request is written only while the request is as it was read (a conditional
//! update, whichever instance runs it), a privacy-centre code's tries are spent one
//! conditional update each, and every write that appends to the audit trail takes the
//! organisation's chain first, so writers on different instances lock in one order.

use std::collections::{HashMap, HashSet};

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
use consentry_store::{
    AuditNote, BulkOutcome, Challenge, ErasedSubject, Erasure, LedgerFind, NewExport, NewMessage,
    PrivacyAudit, QueuePosition, ReErasure, RequestChange, RequestStep, RequestStore, Selection,
    StoreError, StoreResult, ledger::Matcher,
};

/// The queue's filters: organisation $1, right $2, status $3, open only $4.
const QUEUE_FILTER: &str = "organisation_id = $1 AND ($2::text IS NULL OR kind = $2)
    AND ($3::text IS NULL OR status = $3)
    AND (NOT $4 OR status NOT IN ('completed', 'rejected'))";
use sqlx::PgConnection;
use uuid::Uuid;

use super::{
    Bytes32, Code, PostgresStore,
    audit::{append, lock_chain},
    code,
    consent::insert_message,
    corrupt, from_code, millis,
    records::change_privacy_in,
};

/// A request as stored.
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

/// The requests `ids` of the organisation, in that order (those it does not have left out),
/// with their records, messages and erasure confirmations: four reads whatever their number.
async fn load(
    conn: &mut PgConnection,
    organisation: OrganisationId,
    ids: &[Uuid],
) -> StoreResult<Vec<DataSubjectRequest>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let rows: Vec<RequestRow> = sqlx::query_as(
        "SELECT q.id, q.kind, q.source, q.requested_by, q.requested_on, q.due_on, q.status,
                q.details, q.extended_due_on, q.extension_reason, q.rejection_reason,
                q.closed_by, q.closed_on, q.lang
         FROM unnest($2::uuid[]) WITH ORDINALITY AS wanted (id, n)
         JOIN data_subject_requests q ON q.organisation_id = $1 AND q.id = wanted.id
         ORDER BY wanted.n",
    )
    .bind(organisation.0)
    .bind(ids)
    .fetch_all(&mut *conn)
    .await?;
    let links: Vec<(Uuid, Uuid)> = sqlx::query_as(
        "SELECT request_id, record_id FROM request_records
         WHERE organisation_id = $1 AND request_id = ANY($2) ORDER BY request_id, record_id",
    )
    .bind(organisation.0)
    .bind(ids)
    .fetch_all(&mut *conn)
    .await?;
    let mut records: HashMap<Uuid, Vec<RecordId>> = HashMap::new();
    for (request, record) in links {
        records.entry(request).or_default().push(RecordId(record));
    }
    let mut messages = request_messages(&mut *conn, organisation, ids).await?;
    let mut confirmations = erasure_confirmations(&mut *conn, organisation, ids).await?;
    Ok(rows
        .into_iter()
        .map(|row| DataSubjectRequest {
            id: RequestId(row.id),
            kind: row.kind.0,
            source: row.source.0,
            requested_by: row.requested_by,
            requested_on: row.requested_on,
            due_on: row.due_on,
            status: row.status.0,
            details: row.details,
            records: records.remove(&row.id).unwrap_or_default(),
            extended_due_on: row.extended_due_on,
            extension_reason: row.extension_reason,
            rejection_reason: row.rejection_reason,
            closed_by: row.closed_by,
            closed_on: row.closed_on,
            lang: row.lang.map(|lang| lang.0),
            messages: messages.remove(&row.id).unwrap_or_default(),
            erasure_confirmation: confirmations.remove(&row.id),
        })
        .collect())
}

/// Where each erasure's confirmation mail stands: the newest the audit trail says of it.
async fn erasure_confirmations(
    conn: &mut PgConnection,
    organisation: OrganisationId,
    requests: &[Uuid],
) -> StoreResult<HashMap<Uuid, ErasureConfirmation>> {
    let subjects: Vec<String> = requests.iter().map(ToString::to_string).collect();
    let rows: Vec<(Option<String>, Option<String>)> = sqlx::query_as(
        "SELECT DISTINCT ON (a.subject) a.subject, d.after ->> 'confirmation'
         FROM audit_log a
         JOIN audit_details d ON d.organisation_id = a.organisation_id AND d.seq = a.seq
         WHERE a.organisation_id = $1 AND a.action = $2 AND a.subject = ANY($3)
         ORDER BY a.subject, a.seq DESC",
    )
    .bind(organisation.0)
    .bind(AuditAction::ErasureConfirmed.code())
    .bind(&subjects)
    .fetch_all(&mut *conn)
    .await?;
    let mut confirmations = HashMap::new();
    for (subject, confirmation) in rows {
        let (Some(subject), Some(confirmation)) = (subject, confirmation) else {
            continue;
        };
        let request =
            Uuid::parse_str(&subject).map_err(|_| corrupt("audit_log.subject", subject.clone()))?;
        confirmations.insert(
            request,
            from_code("audit_details.after.confirmation", &confirmation)?,
        );
    }
    Ok(confirmations)
}

/// The messages telling each request's requester about it, oldest first.
async fn request_messages(
    conn: &mut PgConnection,
    organisation: OrganisationId,
    requests: &[Uuid],
) -> StoreResult<HashMap<Uuid, Vec<RequestMessage>>> {
    type Row = (
        Uuid,
        Uuid,
        String,
        String,
        DateTime<Utc>,
        Option<DateTime<Utc>>,
    );
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT request_id, id, notice, status, created_at, sent_at FROM outbox
         WHERE organisation_id = $1 AND request_id = ANY($2) AND notice IS NOT NULL
         ORDER BY created_at, id",
    )
    .bind(organisation.0)
    .bind(requests)
    .fetch_all(&mut *conn)
    .await?;
    let mut messages: HashMap<Uuid, Vec<RequestMessage>> = HashMap::new();
    for (request, id, notice, status, created_at, sent_at) in rows {
        messages.entry(request).or_default().push(RequestMessage {
            id,
            notice: from_code("outbox.notice", &notice)?,
            status: from_code("outbox.status", &status)?,
            queued_at: created_at,
            sent_at,
        });
    }
    Ok(messages)
}

/// Files a request inside the caller's transaction (which holds the organisation's chain).
async fn insert_in(
    conn: &mut PgConnection,
    organisation: OrganisationId,
    request: DataSubjectRequest,
    mut audit: AuditNote,
) -> StoreResult<DataSubjectRequest> {
    let id = Uuid::now_v7();
    let now = Utc::now();
    sqlx::query(
        "INSERT INTO data_subject_requests (organisation_id, id, kind, source, requested_by,
             requested_on, due_on, status, details, created_at, created_by, lang)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
    )
    .bind(organisation.0)
    .bind(id)
    .bind(code(&request.kind))
    .bind(code(&request.source))
    .bind(&request.requested_by)
    .bind(request.requested_on)
    .bind(request.due_on)
    .bind(code(&request.status))
    .bind(&request.details)
    .bind(millis(now))
    .bind(&audit.actor)
    .bind(request.lang.as_ref().map(|l| l.as_str().to_owned()))
    .execute(&mut *conn)
    .await?;
    let records: Vec<Uuid> = request.records.iter().map(|r| r.0).collect();
    sqlx::query(
        "INSERT INTO request_records (organisation_id, request_id, record_id)
         SELECT $1, $2, record FROM unnest($3::uuid[]) AS record",
    )
    .bind(organisation.0)
    .bind(id)
    .bind(&records)
    .execute(&mut *conn)
    .await?;
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
    conn: &mut PgConnection,
    organisation: OrganisationId,
    subjects: &[String],
    values: &[String],
) -> StoreResult<()> {
    // An empty value would be found in every text.
    let values: Vec<String> = values.iter().filter(|v| !v.is_empty()).cloned().collect();
    let needles: Vec<String> = subjects
        .iter()
        .map(|s| s.to_lowercase())
        .chain(values.iter().cloned())
        .collect();
    // An answer's body is bytes of any kind: compared in `escape` form (bytes past ASCII
    // written as octal on both sides), capitals folded as ASCII, so no body fails to read.
    sqlx::query(
        "UPDATE idempotency_keys SET status = 410, content_type = 'application/json', body = $1
         WHERE body IS NOT NULL AND EXISTS (
             SELECT 1 FROM unnest($2::text[]) AS n
             WHERE strpos(lower(encode(body, 'escape')), encode(convert_to(n, 'UTF8'), 'escape'))
                   > 0)",
    )
    .bind(ERASED_ANSWER.as_bytes())
    .bind(&needles)
    .execute(&mut *conn)
    .await?;
    // Other records' data-source details (an import's file name, say) may name them too.
    for statement in [
        "UPDATE records SET created_detail = $3 WHERE organisation_id = $1
           AND EXISTS (SELECT 1 FROM unnest($2::text[]) AS n
                       WHERE strpos(lower(created_detail), n) > 0)",
        "UPDATE records SET updated_detail = $3 WHERE organisation_id = $1
           AND EXISTS (SELECT 1 FROM unnest($2::text[]) AS n
                       WHERE strpos(lower(updated_detail), n) > 0)",
    ] {
        sqlx::query(statement)
            .bind(organisation.0)
            .bind(&values)
            .bind(REDACTED_DETAIL)
            .execute(&mut *conn)
            .await?;
    }
    // Undelivered deliveries about them go; delivered ones keep only ids (their log).
    for statement in [
        "DELETE FROM webhook_deliveries
         WHERE organisation_id = $1 AND status <> 'delivered' AND (
             subject = ANY($2)
             OR EXISTS (SELECT 1 FROM unnest($3::text[]) AS n
                        WHERE strpos(lower(facts::text), n) > 0))",
        "UPDATE webhook_deliveries SET facts = NULL
         WHERE organisation_id = $1 AND facts IS NOT NULL AND (
             subject = ANY($2)
             OR EXISTS (SELECT 1 FROM unnest($3::text[]) AS n
                        WHERE strpos(lower(facts::text), n) > 0))",
    ] {
        sqlx::query(statement)
            .bind(organisation.0)
            .bind(subjects)
            .bind(&needles)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

#[async_trait]
impl RequestStore for PostgresStore {
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
             WHERE l.organisation_id = $1 AND l.record_id = $2
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
        let mut tx = self.pool.begin().await?;
        lock_chain(&mut tx, organisation).await?;
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
               AND ($5::date IS NULL OR (COALESCE(extended_due_on, due_on), id) > ($5, $6))
             ORDER BY COALESCE(extended_due_on, due_on), id LIMIT $7"
        ))
        .bind(organisation.0)
        .bind(filter.kind.map(|k| code(&k)))
        .bind(filter.status.map(|s| code(&s)))
        .bind(filter.open)
        .bind(after.map(|p| p.deadline))
        .bind(after.map(|p| p.id.0))
        .bind(i64::from(limit))
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
        let mut tx = self.pool.begin().await?;
        lock_chain(&mut tx, organisation).await?;
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
        let mut tx = self.pool.begin().await?;
        // The chain before the records and the request, as every audited write takes them.
        lock_chain(&mut tx, organisation).await?;
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
        let (open, overdue, due_soon): (i64, i64, i64) = sqlx::query_as(
            "SELECT COUNT(*),
                    COUNT(*) FILTER (WHERE COALESCE(extended_due_on, due_on) < $2),
                    COUNT(*) FILTER (WHERE COALESCE(extended_due_on, due_on) BETWEEN $2 AND $3)
             FROM data_subject_requests
             WHERE organisation_id = $1 AND status NOT IN ('completed', 'rejected')",
        )
        .bind(organisation.0)
        .bind(today)
        .bind(soon)
        .fetch_one(&self.pool)
        .await?;
        Ok(RequestCounts {
            open: open.unsigned_abs(),
            overdue: overdue.unsigned_abs(),
            due_soon: due_soon.unsigned_abs(),
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
             WHERE m.compliance_enabled AND r.organisation_id = ",
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
        let mut tx = self.pool.begin().await?;
        // The organisation's chain first, as every writer takes it before the rows it
        // changes (a public answer: chain, links, record), so none waits in a circle.
        lock_chain(&mut tx, organisation).await?;
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
        let mut tx = self.pool.begin().await?;
        let now = Utc::now();
        sqlx::query(
            "INSERT INTO privacy_challenges (id, organisation_id, email, kind, details, lang,
                 code_hash, attempts, created_at, expires_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, 0, $8, $9)",
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
            "SELECT {CHALLENGE_COLUMNS} FROM privacy_challenges WHERE id = $1"
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
        // Tries from any instance wait for each other's row lock and see its count.
        let row: Option<ChallengeRow> = sqlx::query_as(&format!(
            "UPDATE privacy_challenges SET attempts = attempts + 1
             WHERE id = $1 AND attempts < $2 AND used_at IS NULL AND expires_at > $3
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
            sqlx::query_as("SELECT organisation_id FROM privacy_challenges WHERE id = $1")
                .bind(challenge)
                .fetch_optional(&self.pool)
                .await?;
        let Some((organisation,)) = organisation else {
            return Ok(None);
        };
        let organisation = OrganisationId(organisation);
        let mut tx = self.pool.begin().await?;
        lock_chain(&mut tx, organisation).await?;
        let spent = sqlx::query(
            "UPDATE privacy_challenges SET used_at = $2 WHERE id = $1 AND used_at IS NULL",
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
                "SELECT hash_key FROM organisation_secrets WHERE organisation_id = $1",
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
                // A racing insert from another instance makes this one wait for it to commit,
                // then do nothing.
                sqlx::query(
                    "INSERT INTO organisation_secrets (organisation_id, hash_key, wrapped)
                     VALUES ($1, $2, true) ON CONFLICT (organisation_id) DO NOTHING",
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

    /// Erases the subject in one transaction, then vacuums the tables it touched. There is
    /// no `secure_delete` as on SQLite: PostgreSQL leaves the rows deleted or changed in
    /// their tables' and indexes' files (`VACUUM` marks their space free to be reused, it
    /// does not overwrite it) and in the WAL until its segments are recycled; only a rewrite
    /// of those tables (`VACUUM FULL`, locking them) takes them out of the live files, which
    /// the operator schedules.
    async fn erase(
        &self,
        organisation: OrganisationId,
        erasure: Erasure,
        audit: AuditNote,
    ) -> StoreResult<Option<DataSubjectRequest>> {
        let mut tx = self.pool.begin().await?;
        // Of several erasures at once, on any instance, one runs at a time.
        lock_chain(&mut tx, organisation).await?;
        // A record under a legal hold is kept (art. 17(3)(e)): nothing is erased.
        for record in &erasure.subject.records {
            let held: Option<(i32,)> = sqlx::query_as(
                "SELECT 1 FROM record_retention WHERE organisation_id = $1 AND record_id = $2
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
            "UPDATE data_subject_requests SET status = 'completed', requested_by = $3,
                 details = NULL, closed_by = $4, closed_on = $5
             WHERE organisation_id = $1 AND id = $2 AND status IN ('verified', 'in_progress')",
        )
        .bind(organisation.0)
        .bind(erasure.subject.request.0)
        .bind(&erasure.subject.requester_hash)
        .bind(&erasure.closed.0)
        .bind(erasure.closed.1)
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
        vacuum_after_erasure(&self.pool).await;
        Ok(saved)
    }

    async fn applied_ledger_entries(&self) -> StoreResult<HashSet<Uuid>> {
        let rows: Vec<(Uuid,)> = sqlx::query_as("SELECT entry_id FROM erasure_ledger_applied")
            .fetch_all(&self.pool)
            .await?;
        Ok(rows.into_iter().map(|(id,)| id).collect())
    }

    async fn mark_ledger_applied(&self, entries: &[Uuid]) -> StoreResult<()> {
        let mut conn = self.pool.acquire().await?;
        mark_applied(&mut conn, entries, Utc::now()).await
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
                 WHERE organisation_id = $1 AND id > $2 ORDER BY id LIMIT 5000",
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
            "SELECT lower(recipient) FROM outbox WHERE organisation_id = $1
             UNION SELECT lower(recipient) FROM exports WHERE organisation_id = $1
             UNION SELECT lower(email) FROM privacy_challenges WHERE organisation_id = $1
             UNION SELECT lower(requested_by) FROM data_subject_requests
                 WHERE organisation_id = $1",
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

    /// Applies the ledger entry again in one transaction; as with [`Self::erase`], the rows
    /// deleted stay in the files until their tables are rewritten.
    async fn reapply_erasure(
        &self,
        organisation: OrganisationId,
        erasure: ReErasure,
        audit: AuditNote,
    ) -> StoreResult<()> {
        let mut tx = self.pool.begin().await?;
        lock_chain(&mut tx, organisation).await?;
        let now = Utc::now();
        delete_subject(&mut tx, organisation, &erasure.subject, &audit.actor, now).await?;
        mark_applied(&mut tx, &[erasure.entry], now).await?;
        append(&mut tx, organisation, &audit, now).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn suppressions(&self, organisation: OrganisationId) -> StoreResult<Vec<[u8; 32]>> {
        let rows: Vec<(Bytes32,)> =
            sqlx::query_as("SELECT email_hash FROM suppressions WHERE organisation_id = $1")
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
            i32,
            String,
            String,
            String,
            String,
            DateTime<Utc>,
            Option<String>,
            Option<String>,
        );
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT id, form_id, form_version, text_hash, lang, decision, choices::text, at, ip,
                    user_agent
             FROM consent_events WHERE organisation_id = $1 AND record_id = $2 ORDER BY id",
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
                        form_version: u32::try_from(version).map_err(|_| {
                            corrupt("consent_events.form_version", version.to_string())
                        })?,
                        text_hash,
                        lang: FormLang::parse(&lang)
                            .map_err(|_| corrupt("consent_events.lang", lang))?,
                        decision,
                        choices: serde_json::from_str(&choices)
                            .map_err(|_| corrupt("consent_events.choices", choices))?,
                        at,
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
        let mut tx = self.pool.begin().await?;
        lock_chain(&mut tx, organisation).await?;
        let now = Utc::now();
        sqlx::query(
            "INSERT INTO exports (token_hash, organisation_id, request_id, recipient, file,
                 created_at, expires_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
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
            sqlx::query_as("SELECT file FROM exports WHERE token_hash = $1 AND expires_at > $2")
                .bind(token_hash.as_slice())
                .bind(millis(Utc::now()))
                .fetch_optional(&self.pool)
                .await?;
        Ok(row.map(|(file,)| file))
    }

    async fn purge_exports(&self, now: DateTime<Utc>) -> StoreResult<u64> {
        Ok(sqlx::query("DELETE FROM exports WHERE expires_at <= $1")
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
        let (found,): (bool,) = sqlx::query_as(
            "SELECT EXISTS (SELECT 1 FROM suppressions
                            WHERE organisation_id = $1 AND email_hash = $2)",
        )
        .bind(organisation.0)
        .bind(email_hash.as_slice())
        .fetch_one(&self.pool)
        .await?;
        Ok(found)
    }
}

/// Deletes a subject's records with their consent and privacy events, links, sign-ups,
/// messages and exports; removes their addresses from messages, exports, privacy-centre codes
/// and requests; adds the address hashes to the suppression list; erases the copies (kept
/// answers, undelivered webhook deliveries) and redacts the audit details about them. Shared
/// by a request's erasure and its replay from the erasure ledger, so both delete the same.
/// The caller's transaction holds the organisation's chain.
pub(crate) async fn delete_subject(
    tx: &mut PgConnection,
    organisation: OrganisationId,
    subject: &ErasedSubject,
    actor: &str,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    let records: Vec<Uuid> = subject.records.iter().map(|r| r.0).collect();
    // Every request about the subject (before their address leaves them): audit details
    // about those go too.
    let requests: Vec<(Uuid,)> = sqlx::query_as(
        "SELECT id FROM data_subject_requests
         WHERE organisation_id = $1
           AND lower(requested_by) IN (SELECT lower(a) FROM unnest($2::text[]) AS a)
         UNION
         SELECT request_id FROM request_records
         WHERE organisation_id = $1 AND record_id = ANY($3)",
    )
    .bind(organisation.0)
    .bind(&subject.addresses)
    .bind(&records)
    .fetch_all(&mut *tx)
    .await?;
    // First: it is what lets the evidence rows of these records go.
    sqlx::query(
        "INSERT INTO erased_records (organisation_id, record_id, request_id, erased_at)
         SELECT $1, record, $3, $4 FROM unnest($2::uuid[]) AS record
         ON CONFLICT DO NOTHING",
    )
    .bind(organisation.0)
    .bind(&records)
    .bind(subject.request.0)
    .bind(millis(now))
    .execute(&mut *tx)
    .await?;
    for statement in [
        "DELETE FROM consent_events WHERE organisation_id = $1 AND record_id = ANY($2)",
        "DELETE FROM privacy_events WHERE organisation_id = $1 AND record_id = ANY($2)",
        "DELETE FROM consent_links WHERE organisation_id = $1 AND record_id = ANY($2)",
        "DELETE FROM sign_ups WHERE organisation_id = $1 AND record_id = ANY($2)",
        "DELETE FROM outbox WHERE organisation_id = $1 AND record_id = ANY($2)",
        "DELETE FROM exports WHERE organisation_id = $1 AND request_id IN (
             SELECT request_id FROM request_records
             WHERE organisation_id = $1 AND record_id = ANY($2))",
        "DELETE FROM records WHERE organisation_id = $1 AND id = ANY($2)",
    ] {
        sqlx::query(statement)
            .bind(organisation.0)
            .bind(&records)
            .execute(&mut *tx)
            .await?;
    }
    sqlx::query(
        "UPDATE data_subject_requests SET requested_by = $3, details = NULL
         WHERE organisation_id = $1 AND id IN (SELECT request_id FROM request_records
             WHERE organisation_id = $1 AND record_id = ANY($2))",
    )
    .bind(organisation.0)
    .bind(&records)
    .bind(&subject.requester_hash)
    .execute(&mut *tx)
    .await?;
    // Their addresses, in any capitals.
    for statement in [
        "DELETE FROM outbox WHERE organisation_id = $1
           AND lower(recipient) IN (SELECT lower(a) FROM unnest($2::text[]) AS a)",
        "DELETE FROM exports WHERE organisation_id = $1
           AND lower(recipient) IN (SELECT lower(a) FROM unnest($2::text[]) AS a)",
        "DELETE FROM privacy_challenges WHERE organisation_id = $1
           AND lower(email) IN (SELECT lower(a) FROM unnest($2::text[]) AS a)",
    ] {
        sqlx::query(statement)
            .bind(organisation.0)
            .bind(&subject.addresses)
            .execute(&mut *tx)
            .await?;
    }
    sqlx::query(
        "UPDATE data_subject_requests SET requested_by = $3, details = NULL
         WHERE organisation_id = $1
           AND lower(requested_by) IN (SELECT lower(a) FROM unnest($2::text[]) AS a)",
    )
    .bind(organisation.0)
    .bind(&subject.addresses)
    .bind(&subject.requester_hash)
    .execute(&mut *tx)
    .await?;
    let suppress: Vec<&[u8]> = subject.suppress.iter().map(<[u8; 32]>::as_slice).collect();
    sqlx::query(
        "INSERT INTO suppressions (organisation_id, email_hash, request_id, created_at)
         SELECT $1, hash, $3, $4 FROM unnest($2::bytea[]) AS hash
         ON CONFLICT DO NOTHING",
    )
    .bind(organisation.0)
    .bind(&suppress)
    .bind(subject.request.0)
    .bind(millis(now))
    .execute(&mut *tx)
    .await?;
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

/// Notes erasure ledger entries as applied to this database (once each, whichever instance
/// applied them).
pub(crate) async fn mark_applied(
    conn: &mut PgConnection,
    entries: &[Uuid],
    now: DateTime<Utc>,
) -> StoreResult<()> {
    sqlx::query(
        "INSERT INTO erasure_ledger_applied (entry_id, applied_at)
         SELECT entry, $2 FROM unnest($1::uuid[]) AS entry
         ON CONFLICT DO NOTHING",
    )
    .bind(entries)
    .bind(millis(now))
    .execute(&mut *conn)
    .await?;
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
    attempts: i32,
    expires_at: DateTime<Utc>,
    used_at: Option<DateTime<Utc>>,
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
        attempts: u32::try_from(row.attempts)
            .map_err(|_| corrupt("privacy_challenges.attempts", row.attempts.to_string()))?,
        expires_at: row.expires_at,
        used_at: row.used_at,
    })
}

/// Whether the organisation has the request.
async fn exists(
    conn: &mut PgConnection,
    organisation: OrganisationId,
    id: RequestId,
) -> StoreResult<bool> {
    let (found,): (bool,) = sqlx::query_as(
        "SELECT EXISTS (SELECT 1 FROM data_subject_requests
                        WHERE organisation_id = $1 AND id = $2)",
    )
    .bind(organisation.0)
    .bind(id.0)
    .fetch_one(&mut *conn)
    .await?;
    Ok(found)
}

/// Writes an administrator's change of a request as it was decided (only if the request is
/// still as read: one conditional update, which a change committed meanwhile from any
/// instance makes miss), with its message and audit entry, in `tx`, which holds the
/// organisation's chain; `None` when there is no such request. The caller commits.
async fn change_in(
    tx: &mut PgConnection,
    vault: &consentry_store::vault::Vault,
    organisation: OrganisationId,
    id: RequestId,
    change: &RequestChange,
    message: Option<NewMessage>,
    audit: AuditNote,
) -> StoreResult<Option<DataSubjectRequest>> {
    let changed = sqlx::query(
        "UPDATE data_subject_requests SET status = $3, extended_due_on = $4,
             extension_reason = $5, rejection_reason = $6, closed_by = $7, closed_on = $8
         WHERE organisation_id = $1 AND id = $2 AND status = $9
           AND extended_due_on IS NOT DISTINCT FROM $10",
    )
    .bind(organisation.0)
    .bind(id.0)
    .bind(code(&change.status))
    .bind(change.extended_due_on)
    .bind(&change.extension_reason)
    .bind(&change.rejection_reason)
    .bind(change.closed.as_ref().map(|(by, _)| by.clone()))
    .bind(change.closed.as_ref().map(|(_, on)| *on))
    .bind(code(&change.seen_status))
    .bind(change.seen_extended_due_on)
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
    tx: &mut PgConnection,
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
         WHERE organisation_id = $1
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
        if details || extension || rejection {
            sqlx::query(
                "UPDATE data_subject_requests
                 SET details = CASE WHEN $3 THEN NULL ELSE details END,
                     extension_reason = CASE WHEN $4 THEN $6 ELSE extension_reason END,
                     rejection_reason = CASE WHEN $5 THEN $6 ELSE rejection_reason END
                 WHERE organisation_id = $1 AND id = $2",
            )
            .bind(organisation.0)
            .bind(texts.id)
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

/// Every table an erasure deletes from or rewrites rows of (rows of `records` take their
/// field values with them).
const ERASURE_TOUCHES: &str = "records, consent_events, consent_links, privacy_events, \
     privacy_challenges, sign_ups, outbox, exports, data_subject_requests, audit_details, \
     idempotency_keys, webhook_deliveries, jobs";

/// Vacuums and analyses the tables an erasure touched, so the space of the subject's old row
/// versions is marked free as soon as no transaction can see them, and no statistics sample
/// holds their values. The erasure is committed: a vacuum that fails (another running on a
/// table) is logged, and autovacuum comes by anyway.
pub(crate) async fn vacuum_after_erasure(pool: &sqlx::PgPool) {
    // Not a prepared statement: VACUUM runs outside any transaction.
    // With fresh statistics too: the planner's samples (`pg_stats`) may hold the subject's
    // values, taken before the erasure.
    let vacuum = format!("VACUUM (ANALYZE) {ERASURE_TOUCHES}");
    if let Err(error) = sqlx::raw_sql(&vacuum).execute(pool).await {
        tracing::warn!(%error, "vacuum after an erasure failed; autovacuum will do it");
    }
}
