//! Background jobs (imports, bulk consent requests) on SQLite: their counts are written in
//! the transactions whose work they count.

use std::collections::BTreeMap;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use consentry_model::{
    Email, ModuleId, OrganisationId,
    import::{ImportState, RowError},
};
use sqlx::SqliteConnection;
use uuid::Uuid;

use super::{
    Millis, SqliteStore,
    audit::append,
    code, corrupt, from_code, millis,
    records::{existing_emails_in, insert_batch},
};
use consentry_store::{
    AuditNote, ImportBatch, InstanceStore, JobKind, JobRow, JobStore, NewJob, StoreError,
    StoreResult,
};

const JOB_COLUMNS: &str = "id, organisation_id, kind, state, total, processed, done, \
     handled_through_row, error_count, skipped, file_name, module_id, started_by, started_at, \
     finished_at";

#[derive(sqlx::FromRow)]
struct Row {
    id: Uuid,
    organisation_id: Uuid,
    kind: String,
    state: String,
    total: u64,
    processed: u64,
    done: u64,
    handled_through_row: Option<u64>,
    error_count: u64,
    skipped: String,
    file_name: Option<String>,
    module_id: Option<Uuid>,
    started_by: String,
    started_at: Millis,
    finished_at: Option<Millis>,
}

impl Row {
    fn into_job(self, failures: Vec<RowError>) -> StoreResult<JobRow> {
        Ok(JobRow {
            id: self.id,
            organisation: OrganisationId(self.organisation_id),
            kind: from_code::<JobKind>("jobs.kind", &self.kind)?,
            state: from_code::<ImportState>("jobs.state", &self.state)?,
            total: self.total,
            processed: self.processed,
            done: self.done,
            handled_through_row: self.handled_through_row,
            error_count: self.error_count,
            failures,
            skipped: serde_json::from_str(&self.skipped)
                .map_err(|_| corrupt("jobs.skipped", self.skipped.clone()))?,
            file_name: self.file_name,
            module: self.module_id.map(ModuleId),
            started_by: self.started_by,
            started_at: self.started_at.0,
            finished_at: self.finished_at.map(|t| t.0),
        })
    }
}

fn signed(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

async fn failures_of(conn: &mut SqliteConnection, job: Uuid) -> StoreResult<Vec<RowError>> {
    let rows: Vec<(u64, Option<String>, String)> = sqlx::query_as(
        "SELECT row_number, column_name, message FROM job_failures
         WHERE job_id = ?1 ORDER BY row_number, message",
    )
    .bind(job)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(row, column, reason)| RowError {
            row,
            column,
            reason,
        })
        .collect())
}

#[async_trait]
impl JobStore for SqliteStore {
    async fn start_job(&self, organisation: OrganisationId, job: NewJob) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO jobs (id, organisation_id, kind, state, total, file_name, module_id,
                 started_by, started_at, instance_id)
             VALUES (?1, ?2, ?3, 'running', ?4, ?5, ?6, ?7, ?8, ?9)",
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
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        let sealing = self.sealing(&mut tx, organisation).await?;
        // Checked again where it is written: a record created or imported since the rows
        // were sorted may have one of their addresses.
        if let Some(module) = batch.records.first().map(|r| r.module) {
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
        // Counted only on a running job: an import never writes past its job's end.
        let counted = sqlx::query(
            "UPDATE jobs SET processed = processed + ?3, done = done + ?4,
                 error_count = error_count + ?5, handled_through_row = ?6
             WHERE organisation_id = ?1 AND id = ?2 AND state = 'running'",
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
        for failure in &batch.failures {
            sqlx::query(
                "INSERT OR IGNORE INTO job_failures (job_id, row_number, column_name, message)
                 VALUES (?1, ?2, ?3, ?4)",
            )
            .bind(batch.job)
            .bind(signed(failure.row))
            .bind(&failure.column)
            .bind(&failure.reason)
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
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        let kept: Option<(String,)> =
            sqlx::query_as("SELECT skipped FROM jobs WHERE organisation_id = ?1 AND id = ?2")
                .bind(organisation.0)
                .bind(job)
                .fetch_optional(&mut *tx)
                .await?;
        let Some((kept,)) = kept else {
            return Ok(());
        };
        let mut all: BTreeMap<String, u64> =
            serde_json::from_str(&kept).map_err(|_| corrupt("jobs.skipped", kept))?;
        for (reason, n) in skipped {
            *all.entry(reason.clone()).or_default() += n;
        }
        let added: u64 = skipped.values().sum();
        sqlx::query(
            "UPDATE jobs SET skipped = ?3, processed = processed + ?4
             WHERE organisation_id = ?1 AND id = ?2",
        )
        .bind(organisation.0)
        .bind(job)
        .bind(serde_json::json!(all).to_string())
        .bind(signed(added))
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
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
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        let ended = sqlx::query(
            "UPDATE jobs SET state = ?3, finished_at = ?4
             WHERE organisation_id = ?1 AND id = ?2 AND state = 'running'",
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
        let mut jobs = Vec::with_capacity(rows.len());
        for row in rows {
            let failures = failures_of(&mut conn, row.id).await?;
            jobs.push(row.into_job(failures)?);
        }
        Ok(jobs)
    }

    async fn interrupt_orphaned_job(
        &self,
        organisation: OrganisationId,
        job: Uuid,
        now: DateTime<Utc>,
        audit: AuditNote,
    ) -> StoreResult<bool> {
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        let ended = sqlx::query(&format!(
            "UPDATE jobs SET state = 'interrupted', finished_at = ?1
             WHERE organisation_id = ?2 AND id = ?3 AND state = 'running' AND {ORPHANED}"
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

/// A running job's instance is not alive at `?1`: it stopped renewing, or was never kept.
const ORPHANED: &str = "NOT EXISTS (SELECT 1 FROM instances i
     WHERE i.id = jobs.instance_id AND i.alive_until >= ?1)";

#[async_trait]
impl InstanceStore for SqliteStore {
    fn instance(&self) -> Uuid {
        self.instance
    }

    async fn keep_alive(&self, until: DateTime<Utc>) -> StoreResult<()> {
        let now = Utc::now();
        sqlx::query(
            "INSERT INTO instances (id, started_at, alive_until) VALUES (?1, ?2, ?3)
             ON CONFLICT (id) DO UPDATE SET alive_until = excluded.alive_until",
        )
        .bind(self.instance)
        .bind(millis(now))
        .bind(millis(until))
        .execute(&self.pool)
        .await?;
        // Instances gone for a day are forgotten (their jobs say what became of them).
        sqlx::query("DELETE FROM instances WHERE alive_until < ?1")
            .bind(millis(now - chrono::TimeDelta::days(1)))
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn retire(&self) -> StoreResult<()> {
        sqlx::query("UPDATE instances SET alive_until = 0 WHERE id = ?1")
            .bind(self.instance)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn instance_alive(&self, instance: Uuid, now: DateTime<Utc>) -> StoreResult<bool> {
        let alive: Option<(i64,)> =
            sqlx::query_as("SELECT 1 FROM instances WHERE id = ?1 AND alive_until >= ?2")
                .bind(instance)
                .bind(millis(now))
                .fetch_optional(&self.pool)
                .await?;
        Ok(alive.is_some())
    }
}

/// One job of the organisation, read on `conn` (inside the caller's read transaction).
pub(super) async fn job_in(
    conn: &mut SqliteConnection,
    organisation: OrganisationId,
    id: Uuid,
) -> StoreResult<Option<JobRow>> {
    let row: Option<Row> = sqlx::query_as(&format!(
        "SELECT {JOB_COLUMNS} FROM jobs WHERE organisation_id = ?1 AND id = ?2"
    ))
    .bind(organisation.0)
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let failures = failures_of(conn, id).await?;
    row.into_job(failures).map(Some)
}

/// Deletes the organisation's jobs whose file name mentions one of `values` (lower-case, as
/// inside JSON strings): a file may be named after the erased subject. Their failures hold no
/// personal value and go with them.
pub(super) async fn forget_mentioning(
    tx: &mut SqliteConnection,
    organisation: OrganisationId,
    values: &[String],
) -> StoreResult<()> {
    let named: Vec<(Uuid, String)> = sqlx::query_as(
        "SELECT id, file_name FROM jobs WHERE organisation_id = ?1 AND file_name IS NOT NULL",
    )
    .bind(organisation.0)
    .fetch_all(&mut *tx)
    .await?;
    for (id, name) in named {
        let text = serde_json::to_string(&name.to_lowercase()).unwrap_or_default();
        if values
            .iter()
            .any(|v| !v.is_empty() && text.contains(v.as_str()))
        {
            sqlx::query("DELETE FROM jobs WHERE organisation_id = ?1 AND id = ?2")
                .bind(organisation.0)
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
    }
    Ok(())
}
