//! Encryption at rest on SQLite: switching fields, the jobs that bring stored values in line,
//! and retiring data keys nothing uses.

use std::collections::{HashMap, hash_map::Entry};

use async_trait::async_trait;
use chrono::Utc;
use consentry_model::{
    EncryptionJobId, FieldId, ModuleId, OrganisationId, RecordId,
    encryption::{DataKey, EncryptionJob, EncryptionStatus, JobKind, JobStatus},
    fields::FieldEncryption,
};
use sqlx::{QueryBuilder, Sqlite, SqliteConnection};
use uuid::Uuid;

use super::{Millis, SqliteStore, audit::append, code, corrupt, from_code, millis, sealing};
use consentry_store::{
    AuditNote, EncryptionStore, StoreError, StoreResult,
    crypto::SEALED,
    vault::{Resealed, Sealing, StoredFields},
};

const JOB_COLUMNS: &str = "j.organisation_id, j.id, j.kind, j.field_id, f.module_id, \
     f.label AS field_label, j.status, j.total, j.done, j.detail, j.started_by, j.created_at, \
     j.finished_at";

#[derive(sqlx::FromRow)]
struct JobRow {
    organisation_id: Option<Uuid>,
    id: Uuid,
    kind: String,
    field_id: Option<Uuid>,
    module_id: Option<Uuid>,
    field_label: Option<String>,
    status: String,
    total: i64,
    done: i64,
    detail: Option<String>,
    started_by: String,
    created_at: Millis,
    finished_at: Option<Millis>,
}

impl JobRow {
    fn into_job(self) -> StoreResult<EncryptionJob> {
        Ok(EncryptionJob {
            id: EncryptionJobId(self.id),
            kind: from_code("encryption_jobs.kind", &self.kind)?,
            field: self.field_id.map(FieldId),
            module: self.module_id.map(ModuleId),
            field_label: self.field_label,
            status: from_code("encryption_jobs.status", &self.status)?,
            total: self.total.unsigned_abs(),
            done: self.done.unsigned_abs(),
            detail: self.detail,
            started_by: self.started_by,
            created_at: self.created_at.0,
            finished_at: self.finished_at.map(|t| t.0),
        })
    }
}

/// A job with its organisation (`None` for an installation-wide rotation).
async fn load_job(
    conn: &mut SqliteConnection,
    id: EncryptionJobId,
) -> StoreResult<Option<(Option<Uuid>, EncryptionJob)>> {
    let row: Option<JobRow> = sqlx::query_as(&format!(
        "SELECT {JOB_COLUMNS} FROM encryption_jobs j
         LEFT JOIN module_fields f ON f.id = j.field_id WHERE j.id = ?1"
    ))
    .bind(id.0)
    .fetch_optional(&mut *conn)
    .await?;
    row.map(|row| {
        let organisation = row.organisation_id;
        row.into_job().map(|job| (organisation, job))
    })
    .transpose()
}

/// Which records a job goes through: one module's, or (a rotation) those of every module
/// with a field that is not plain.
fn scope(org: Option<Uuid>, job: &EncryptionJob) -> (String, Option<Uuid>, Option<Uuid>) {
    match job.module {
        Some(module) => (
            "r.organisation_id = ?1 AND r.module_id = ?2".into(),
            org,
            Some(module.0),
        ),
        None => (
            "r.module_id IN (SELECT module_id FROM module_fields WHERE encryption != 'off') \
             AND ?1 IS NULL AND ?2 IS NULL"
                .into(),
            None,
            None,
        ),
    }
}

/// Whether any stored value is still sealed with data key `id`.
async fn key_in_use(conn: &mut SqliteConnection, id: u32) -> StoreResult<bool> {
    let prefix = format!("{SEALED}{id}.");
    // In the custom JSON the marker character is written as an escape.
    let json_prefix = serde_json::to_string(&prefix)
        .unwrap_or_default()
        .trim_matches('"')
        .to_owned();
    let (used,): (bool,) = sqlx::query_as(
        "SELECT EXISTS (SELECT 1 FROM records WHERE
             instr(first_name, ?1) = 1 OR instr(last_name, ?1) = 1 OR instr(email, ?1) = 1
             OR instr(phone, ?1) = 1 OR instr(company, ?1) = 1 OR instr(country, ?1) = 1
             OR instr(custom, ?2) > 0)",
    )
    .bind(&prefix)
    .bind(&json_prefix)
    .fetch_one(&mut *conn)
    .await?;
    Ok(used)
}

#[async_trait]
impl EncryptionStore for SqliteStore {
    async fn set_field_encryption(
        &self,
        organisation: OrganisationId,
        module: ModuleId,
        field: FieldId,
        on: bool,
        audit: AuditNote,
    ) -> StoreResult<Option<EncryptionJob>> {
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        let state: Option<(String,)> = sqlx::query_as(
            "SELECT encryption FROM module_fields
             WHERE organisation_id = ?1 AND module_id = ?2 AND id = ?3",
        )
        .bind(organisation.0)
        .bind(module.0)
        .bind(field.0)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((state,)) = state else {
            return Ok(None);
        };
        let state = FieldEncryption::from_code(&state)
            .ok_or_else(|| corrupt("module_fields.encryption", state))?;
        let (busy,): (bool,) = sqlx::query_as(
            "SELECT EXISTS (SELECT 1 FROM encryption_jobs
                 WHERE field_id = ?1 AND status IN ('pending', 'running'))",
        )
        .bind(field.0)
        .fetch_one(&mut *tx)
        .await?;
        if busy {
            return Err(StoreError::Conflict("encryption.busy"));
        }
        // From a half-way state (its job failed) either direction starts a new job.
        let next = match (state, on) {
            (FieldEncryption::On, true) | (FieldEncryption::Off, false) => {
                return Err(StoreError::Conflict("encryption.unchanged"));
            }
            (_, true) => FieldEncryption::Encrypting,
            (_, false) => FieldEncryption::Decrypting,
        };
        sqlx::query("UPDATE module_fields SET encryption = ?2 WHERE id = ?1")
            .bind(field.0)
            .bind(next.code())
            .execute(&mut *tx)
            .await?;
        let id = EncryptionJobId(Uuid::now_v7());
        let now = Utc::now();
        let kind = if on {
            JobKind::Encrypt
        } else {
            JobKind::Decrypt
        };
        sqlx::query(
            "INSERT INTO encryption_jobs (id, organisation_id, kind, field_id, status,
                 started_by, created_at)
             VALUES (?1, ?2, ?3, ?4, 'pending', ?5, ?6)",
        )
        .bind(id.0)
        .bind(organisation.0)
        .bind(code(&kind))
        .bind(field.0)
        .bind(&audit.actor)
        .bind(millis(now))
        .execute(&mut *tx)
        .await?;
        append(&mut tx, organisation, &audit, now).await?;
        let job = load_job(&mut tx, id).await?.map(|(_, job)| job);
        tx.commit().await?;
        self.cache.fields.forget(|(o, _)| *o == organisation);
        Ok(job)
    }

    async fn encryption_status(
        &self,
        organisation: OrganisationId,
    ) -> StoreResult<EncryptionStatus> {
        let mut conn = self.pool.acquire().await?;
        let ring = sealing::refresh(&self.vault, &mut conn).await?;
        let keys: Vec<(u32, Millis)> = sqlx::query_as(
            "SELECT id, created_at FROM data_keys WHERE purpose = 'values' ORDER BY id DESC",
        )
        .fetch_all(&mut *conn)
        .await?;
        let rows: Vec<JobRow> = sqlx::query_as(&format!(
            "SELECT {JOB_COLUMNS} FROM encryption_jobs j
             LEFT JOIN module_fields f ON f.id = j.field_id
             WHERE j.organisation_id = ?1 OR j.organisation_id IS NULL
             ORDER BY j.id DESC LIMIT 20"
        ))
        .bind(organisation.0)
        .fetch_all(&mut *conn)
        .await?;
        Ok(EncryptionStatus {
            keys: keys
                .into_iter()
                .map(|(id, created)| DataKey {
                    id,
                    created_at: created.0,
                    current: ring.current() == id,
                })
                .collect(),
            jobs: rows
                .into_iter()
                .map(JobRow::into_job)
                .collect::<StoreResult<_>>()?,
        })
    }

    async fn rotate_key(&self, started_by: &str) -> StoreResult<EncryptionJob> {
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        sealing::add_key(&self.vault, &mut tx).await?;
        let id = EncryptionJobId(Uuid::now_v7());
        sqlx::query(
            "INSERT INTO encryption_jobs (id, kind, status, started_by, created_at)
             VALUES (?1, 'rotate', 'pending', ?2, ?3)",
        )
        .bind(id.0)
        .bind(started_by)
        .bind(millis(Utc::now()))
        .execute(&mut *tx)
        .await?;
        let job = load_job(&mut tx, id)
            .await?
            .map(|(_, job)| job)
            .ok_or_else(|| corrupt("encryption_jobs.id", id.to_string()))?;
        tx.commit().await?;
        Ok(job)
    }

    async fn next_encryption_job(&self) -> StoreResult<Option<EncryptionJob>> {
        let rows: Vec<JobRow> = sqlx::query_as(&format!(
            "SELECT {JOB_COLUMNS} FROM encryption_jobs j
             LEFT JOIN module_fields f ON f.id = j.field_id
             WHERE j.status = 'pending' ORDER BY j.id LIMIT 1"
        ))
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().next().map(JobRow::into_job).transpose()
    }

    async fn encryption_job(&self, job: EncryptionJobId) -> StoreResult<Option<EncryptionJob>> {
        let mut conn = self.pool.acquire().await?;
        Ok(load_job(&mut conn, job).await?.map(|(_, job)| job))
    }

    async fn requeue_encryption_jobs(&self) -> StoreResult<u64> {
        let requeued =
            sqlx::query("UPDATE encryption_jobs SET status = 'pending' WHERE status = 'running'")
                .execute(&self.pool)
                .await?;
        Ok(requeued.rows_affected())
    }

    async fn start_encryption_job(&self, job: EncryptionJobId) -> StoreResult<bool> {
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        let Some((org, loaded)) = load_job(&mut tx, job).await? else {
            return Ok(false);
        };
        if loaded.status != JobStatus::Pending {
            return Ok(false);
        }
        let (condition, a, b) = scope(org, &loaded);
        let (total,): (i64,) =
            sqlx::query_as(&format!("SELECT COUNT(*) FROM records r WHERE {condition}"))
                .bind(a)
                .bind(b)
                .fetch_one(&mut *tx)
                .await?;
        sqlx::query(
            "UPDATE encryption_jobs SET status = 'running', total = ?2, done = 0 WHERE id = ?1",
        )
        .bind(job.0)
        .bind(total)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    async fn run_encryption_batch(
        &self,
        job: EncryptionJobId,
        after: Option<(OrganisationId, RecordId)>,
        limit: u32,
    ) -> StoreResult<Option<(OrganisationId, RecordId)>> {
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        let Some((org, loaded)) = load_job(&mut tx, job).await? else {
            return Ok(None);
        };
        let (condition, a, b) = scope(org, &loaded);
        let (after_org, after_id) = after
            .map(|(o, r)| (o.0, r.0))
            .unwrap_or((Uuid::nil(), Uuid::nil()));
        let rows: Vec<(
            Uuid,
            Uuid,
            Uuid,
            Option<String>,
            Option<String>,
            Option<String>,
            Option<String>,
            Option<String>,
            Option<String>,
            String,
        )> = sqlx::query_as(&format!(
            "SELECT r.organisation_id, r.id, r.module_id, r.first_name, r.last_name, r.email,
                        r.phone, r.company, r.country, r.custom
                 FROM records r WHERE {condition} AND (r.organisation_id, r.id) > (?3, ?4)
                 ORDER BY r.organisation_id, r.id LIMIT ?5"
        ))
        .bind(a)
        .bind(b)
        .bind(after_org)
        .bind(after_id)
        .bind(limit)
        .fetch_all(&mut *tx)
        .await?;
        let mut sealings: HashMap<Uuid, Sealing> = HashMap::new();
        let mut last = None;
        for (org, id, module, first_name, last_name, email, phone, company, country, custom) in
            &rows
        {
            let organisation = OrganisationId(*org);
            if let Entry::Vacant(slot) = sealings.entry(*org) {
                slot.insert(self.sealing(&mut tx, organisation).await?);
            }
            let sealing = &sealings[org];
            let stored = StoredFields {
                first_name: first_name.clone(),
                last_name: last_name.clone(),
                email: email.clone(),
                email_index: None,
                phone: phone.clone(),
                company: company.clone(),
                country: country.clone(),
                custom: custom.clone(),
            };
            let changes = sealing.reseal(*id, *module, &stored)?;
            if !changes.is_empty() {
                let mut update = QueryBuilder::<Sqlite>::new("UPDATE records SET ");
                let mut set = update.separated(", ");
                for (column, value) in changes {
                    set.push(format!("{column} = "));
                    match value {
                        Resealed::Text(text) => set.push_bind_unseparated(text),
                        Resealed::Bytes(bytes) => set.push_bind_unseparated(bytes),
                    };
                }
                update
                    .push(" WHERE organisation_id = ")
                    .push_bind(*org)
                    .push(" AND id = ")
                    .push_bind(*id);
                update.build().execute(&mut *tx).await?;
            }
            last = Some((organisation, RecordId(*id)));
        }
        sqlx::query("UPDATE encryption_jobs SET done = done + ?2 WHERE id = ?1")
            .bind(job.0)
            .bind(rows.len() as i64)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(last)
    }

    async fn finish_encryption_job(&self, job: EncryptionJobId) -> StoreResult<()> {
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        let Some((_, loaded)) = load_job(&mut tx, job).await? else {
            return Ok(());
        };
        let mut detail = None;
        match (loaded.kind, loaded.field) {
            (JobKind::Encrypt | JobKind::Decrypt, Some(field)) => {
                let state = if loaded.kind == JobKind::Encrypt {
                    FieldEncryption::On
                } else {
                    FieldEncryption::Off
                };
                sqlx::query("UPDATE module_fields SET encryption = ?2 WHERE id = ?1")
                    .bind(field.0)
                    .bind(state.code())
                    .execute(&mut *tx)
                    .await?;
            }
            _ => {
                // Keys nothing uses any more go; the newest stays whatever happens.
                let ring = sealing::refresh(&self.vault, &mut tx).await?;
                let old: Vec<(u32,)> =
                    sqlx::query_as("SELECT id FROM data_keys WHERE purpose = 'values' AND id < ?1")
                        .bind(i64::from(ring.current()))
                        .fetch_all(&mut *tx)
                        .await?;
                let mut retired = Vec::new();
                for (key,) in old {
                    if !key_in_use(&mut tx, key).await? {
                        sqlx::query("DELETE FROM data_keys WHERE id = ?1")
                            .bind(key)
                            .execute(&mut *tx)
                            .await?;
                        retired.push(key.to_string());
                    }
                }
                if !retired.is_empty() {
                    detail = Some(format!("retired key {}", retired.join(", ")));
                }
            }
        }
        sqlx::query(
            "UPDATE encryption_jobs SET status = 'finished', finished_at = ?2,
                 detail = COALESCE(?3, detail)
             WHERE id = ?1",
        )
        .bind(job.0)
        .bind(millis(Utc::now()))
        .bind(detail)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        // A field's encryption state is part of its description.
        self.cache.fields.forget(|_| true);
        // Old ciphertexts and retired keys leave the WAL too.
        sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn fail_encryption_job(&self, job: EncryptionJobId, detail: &str) -> StoreResult<()> {
        sqlx::query(
            "UPDATE encryption_jobs SET status = ?2, finished_at = ?3, detail = ?4 WHERE id = ?1",
        )
        .bind(job.0)
        .bind(code(&JobStatus::Failed))
        .bind(millis(Utc::now()))
        .bind(detail)
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}
