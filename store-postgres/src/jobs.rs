//! Background jobs (imports, bulk consent requests) on PostgreSQL: their counts are written in
//! the transactions whose work they count; each belongs to the instance that started it, and
//! one whose instance died is ended by exactly one of the others.

use std::collections::{BTreeMap, HashMap};

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use consentry_model::{
    Email, ModuleId, OrganisationId,
    import::{ImportState, RowError},
};
use sqlx::{PgConnection, types::Json};
use uuid::Uuid;

use super::{
    Code, PostgresStore,
    audit::{append, lock_chain},
    code, corrupt, millis,
    records::{existing_emails_in, insert_batch},
};
use consentry_store::{
    AuditNote, ImportBatch, JobKind, JobRow, JobStore, NewJob, StoreError, StoreResult,
};

const JOB_COLUMNS: &str = "id, organisation_id, kind, state, total, processed, done, \
     handled_through_row, error_count, skipped, file_name, module_id, started_by, started_at, \
     finished_at";

#[derive(sqlx::FromRow)]
struct Row {
    id: Uuid,
    organisation_id: Uuid,
    kind: Code<JobKind>,
    state: Code<ImportState>,
    total: i64,
    processed: i64,
    done: i64,
    handled_through_row: Option<i64>,
    error_count: i64,
    skipped: Json<BTreeMap<String, u64>>,
    file_name: Option<String>,
    module_id: Option<Uuid>,
    started_by: String,
    started_at: DateTime<Utc>,
    finished_at: Option<DateTime<Utc>>,
}

impl Row {
    fn into_job(self, failures: Vec<RowError>) -> StoreResult<JobRow> {
        Ok(JobRow {
            id: self.id,
            organisation: OrganisationId(self.organisation_id),
            kind: self.kind.0,
            state: self.state.0,
            total: count("jobs.total", self.total)?,
            processed: count("jobs.processed", self.processed)?,
            done: count("jobs.done", self.done)?,
            handled_through_row: self
                .handled_through_row
                .map(|row| count("jobs.handled_through_row", row))
                .transpose()?,
            error_count: count("jobs.error_count", self.error_count)?,
            failures,
            skipped: self.skipped.0,
            file_name: self.file_name,
            module: self.module_id.map(ModuleId),
            started_by: self.started_by,
            started_at: self.started_at,
            finished_at: self.finished_at,
        })
    }
}

/// A count as stored (never negative).
fn count(column: &'static str, n: i64) -> StoreResult<u64> {
    u64::try_from(n).map_err(|_| corrupt(column, n.to_string()))
}

fn signed(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// The rows the jobs refused, by job, in row order.
async fn failures_of(
    conn: &mut PgConnection,
    jobs: &[Uuid],
) -> StoreResult<HashMap<Uuid, Vec<RowError>>> {
    let rows: Vec<(Uuid, i64, Option<String>, String)> = sqlx::query_as(
        "SELECT job_id, row_number, column_name, message FROM job_failures
         WHERE job_id = ANY($1) ORDER BY job_id, row_number, message",
    )
    .bind(jobs)
    .fetch_all(&mut *conn)
    .await?;
    let mut failures: HashMap<Uuid, Vec<RowError>> = HashMap::new();
    for (job, row, column, reason) in rows {
        failures.entry(job).or_default().push(RowError {
            row: count("job_failures.row_number", row)?,
            column,
            reason,
        });
    }
    Ok(failures)
}

#[async_trait]
impl JobStore for PostgresStore {
    async fn start_job(&self, organisation: OrganisationId, job: NewJob) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO jobs (id, organisation_id, kind, state, total, file_name, module_id,
                 started_by, started_at, instance_id)
             VALUES ($1, $2, $3, 'running', $4, $5, $6, $7, $8, $9)",
        )
        .bind(job.id)
        .bind(organisation.0)
        .bind(code(&job.kind))
        .bind(signed(job.total))
        .bind(&job.file_name)
        .bind(job.module.map(|m| m.0))
        .bind(&job.started_by)
        .bind(millis(job.started_at))
        .bind(self.instance)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn job(&self, organisation: OrganisationId, id: Uuid) -> StoreResult<Option<JobRow>> {
        let mut conn = self.pool.acquire().await?;
        job_in(&mut conn, organisation, id).await
    }

    async fn import_batch(
        &self,
        organisation: OrganisationId,
        batch: ImportBatch,
    ) -> StoreResult<u64> {
        let mut tx = self.pool.begin().await?;
        let sealing = self.sealing(&mut tx, organisation).await?;
        // Checked again where it is written, with the organisation's records taken (every
        // record write takes its chain first): a record created or imported since the rows
        // were sorted may have one of their addresses.
        if let Some(module) = batch.records.first().map(|r| r.module) {
            lock_chain(&mut tx, organisation).await?;
            let emails: Vec<Email> = batch
                .records
                .iter()
                .filter_map(|r| r.fields.email.clone())
                .collect();
            if !existing_emails_in(&mut tx, &sealing, organisation, module, &emails)
                .await?
                .is_empty()
            {
                return Err(StoreError::Conflict("records.email"));
            }
        }
        let Some(ids) = insert_batch(
            &mut tx,
            &sealing,
            organisation,
            &batch.records,
            Some(batch.job),
        )
        .await?
        else {
            // A module of another organisation: refuse the whole batch.
            return Err(corrupt("records.module_id", "of another organisation"));
        };
        let imported = ids.len() as u64;
        // Counted only on a running job: an import never writes past its job's end (an
        // instance that ended it as interrupted meanwhile wins).
        let counted = sqlx::query(
            "UPDATE jobs SET processed = processed + $3, done = done + $4,
                 error_count = error_count + $5, handled_through_row = $6
             WHERE organisation_id = $1 AND id = $2 AND state = 'running'",
        )
        .bind(organisation.0)
        .bind(batch.job)
        .bind(signed(batch.rows))
        .bind(signed(imported))
        .bind(signed(batch.refused))
        .bind(signed(batch.through_row))
        .execute(&mut *tx)
        .await?;
        if counted.rows_affected() == 0 {
            return Err(StoreError::Conflict("jobs.state"));
        }
        if !batch.failures.is_empty() {
            let rows: Vec<i64> = batch.failures.iter().map(|f| signed(f.row)).collect();
            let columns: Vec<Option<&str>> =
                batch.failures.iter().map(|f| f.column.as_deref()).collect();
            let reasons: Vec<&str> = batch.failures.iter().map(|f| f.reason.as_str()).collect();
            sqlx::query(
                "INSERT INTO job_failures (job_id, row_number, column_name, message)
                 SELECT $1, f.row_number, f.column_name, f.message
                 FROM UNNEST($2::bigint[], $3::text[], $4::text[])
                     AS f (row_number, column_name, message)
                 ON CONFLICT DO NOTHING",
            )
            .bind(batch.job)
            .bind(&rows)
            .bind(&columns)
            .bind(&reasons)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(imported)
    }

    async fn count_skipped(
        &self,
        organisation: OrganisationId,
        job: Uuid,
        skipped: &BTreeMap<String, u64>,
    ) -> StoreResult<()> {
        if skipped.is_empty() {
            return Ok(());
        }
        let added: u64 = skipped.values().sum();
        // Added up in the statement that writes them, on the row as it is then.
        sqlx::query(
            "UPDATE jobs SET processed = processed + $4,
                 skipped = (SELECT jsonb_object_agg(reason, n) FROM (
                     SELECT reason, sum(n::bigint) AS n FROM (
                         SELECT key AS reason, value AS n FROM jsonb_each_text(jobs.skipped)
                         UNION ALL
                         SELECT key, value FROM jsonb_each_text($3)
                     ) AS both_counts GROUP BY reason
                 ) AS sums)
             WHERE organisation_id = $1 AND id = $2",
        )
        .bind(organisation.0)
        .bind(job)
        .bind(Json(skipped))
        .bind(signed(added))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn end_job(
        &self,
        organisation: OrganisationId,
        job: Uuid,
        state: ImportState,
        audit: Option<AuditNote>,
    ) -> StoreResult<bool> {
        let now = Utc::now();
        let mut tx = self.pool.begin().await?;
        // The organisation's chain first, as every writer takes it before the rows it
        // changes (a public answer: chain, links, record), so none waits in a circle.
        lock_chain(&mut tx, organisation).await?;
        let ended = sqlx::query(
            "UPDATE jobs SET state = $3, finished_at = $4
             WHERE organisation_id = $1 AND id = $2 AND state = 'running'",
        )
        .bind(organisation.0)
        .bind(job)
        .bind(code(&state))
        .bind(millis(now))
        .execute(&mut *tx)
        .await?;
        if ended.rows_affected() == 0 {
            return Ok(false);
        }
        if let Some(audit) = &audit {
            append(&mut tx, organisation, audit, now).await?;
        }
        tx.commit().await?;
        Ok(true)
    }

    async fn orphaned_jobs(&self, now: DateTime<Utc>) -> StoreResult<Vec<JobRow>> {
        let mut conn = self.pool.acquire().await?;
        let rows: Vec<Row> = sqlx::query_as(&format!(
            "SELECT {JOB_COLUMNS} FROM jobs WHERE state = 'running' AND {ORPHANED} ORDER BY id"
        ))
        .bind(millis(now))
        .fetch_all(&mut *conn)
        .await?;
        let ids: Vec<Uuid> = rows.iter().map(|row| row.id).collect();
        let mut failures = failures_of(&mut conn, &ids).await?;
        rows.into_iter()
            .map(|row| {
                let listed = failures.remove(&row.id).unwrap_or_default();
                row.into_job(listed)
            })
            .collect()
    }

    async fn interrupt_orphaned_job(
        &self,
        organisation: OrganisationId,
        job: Uuid,
        now: DateTime<Utc>,
        audit: AuditNote,
    ) -> StoreResult<bool> {
        let mut tx = self.pool.begin().await?;
        // The organisation's chain first, as every writer takes it before the rows it
        // changes (a public answer: chain, links, record), so none waits in a circle.
        lock_chain(&mut tx, organisation).await?;
        // Conditional: of instances ending it at once, the first to update it does, and the
        // others find it no longer running.
        let ended = sqlx::query(&format!(
            "UPDATE jobs SET state = 'interrupted', finished_at = $1
             WHERE organisation_id = $2 AND id = $3 AND state = 'running' AND {ORPHANED}"
        ))
        .bind(millis(now))
        .bind(organisation.0)
        .bind(job)
        .execute(&mut *tx)
        .await?;
        if ended.rows_affected() == 0 {
            return Ok(false);
        }
        append(&mut tx, organisation, &audit, now).await?;
        tx.commit().await?;
        Ok(true)
    }
}

/// A running job's instance is not alive at `$1`: it stopped renewing, or was never kept.
const ORPHANED: &str = "NOT EXISTS (SELECT 1 FROM instances i
     WHERE i.id = jobs.instance_id AND i.alive_until >= $1)";

/// One job of the organisation, read on `conn` (inside the caller's read transaction).
pub(super) async fn job_in(
    conn: &mut PgConnection,
    organisation: OrganisationId,
    id: Uuid,
) -> StoreResult<Option<JobRow>> {
    let row: Option<Row> = sqlx::query_as(&format!(
        "SELECT {JOB_COLUMNS} FROM jobs WHERE organisation_id = $1 AND id = $2"
    ))
    .bind(organisation.0)
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let failures = failures_of(conn, &[id])
        .await?
        .remove(&id)
        .unwrap_or_default();
    row.into_job(failures).map(Some)
}

/// Deletes the organisation's jobs whose file name mentions one of `values` (lower-case, as
/// inside JSON strings): a file may be named after the erased subject. Their failures hold no
/// personal value and go with them.
pub(super) async fn forget_mentioning(
    tx: &mut PgConnection,
    organisation: OrganisationId,
    values: &[String],
) -> StoreResult<()> {
    let named: Vec<(Uuid, String)> = sqlx::query_as(
        "SELECT id, file_name FROM jobs WHERE organisation_id = $1 AND file_name IS NOT NULL",
    )
    .bind(organisation.0)
    .fetch_all(&mut *tx)
    .await?;
    // Compared as the erasure compares them (Unicode lower case, JSON escapes), not by the
    // database's collation.
    let mentioning: Vec<Uuid> = named
        .into_iter()
        .filter(|(_, name)| {
            let text = serde_json::to_string(&name.to_lowercase()).unwrap_or_default();
            values
                .iter()
                .any(|v| !v.is_empty() && text.contains(v.as_str()))
        })
        .map(|(id, _)| id)
        .collect();
    if !mentioning.is_empty() {
        sqlx::query("DELETE FROM jobs WHERE organisation_id = $1 AND id = ANY($2)")
            .bind(organisation.0)
            .bind(&mentioning)
            .execute(&mut *tx)
            .await?;
    }
    Ok(())
}
