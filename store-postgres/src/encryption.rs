//! Encryption at rest on PostgreSQL: switching fields, the jobs that bring stored values in
//! line, and retiring data keys nothing uses. A job is run by the one instance that claimed
//! it (its `instance_id`); another takes it up only once that instance stopped renewing its
//! lease.

use std::collections::{HashMap, hash_map::Entry};

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use consentry_model::{
    EncryptionJobId, FieldId, ModuleId, OrganisationId, RecordId,
    encryption::{DataKey, EncryptionJob, EncryptionStatus, JobKind, JobStatus},
    fields::FieldEncryption,
};
use consentry_store::{
    AuditNote, EncryptionStore, StoreError, StoreResult,
    crypto::SEALED,
    vault::{Resealed, Sealing, StoredFields},
};
use sqlx::PgConnection;
use uuid::Uuid;

use super::{PostgresStore, audit::append, code, corrupt, from_code, millis, notify, sealing};

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
    created_at: DateTime<Utc>,
    finished_at: Option<DateTime<Utc>>,
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
            created_at: self.created_at,
            finished_at: self.finished_at,
        })
    }
}

/// A job with its organisation (`None` for an installation-wide rotation).
async fn load_job(
    conn: &mut PgConnection,
    id: EncryptionJobId,
) -> StoreResult<Option<(Option<Uuid>, EncryptionJob)>> {
    let row: Option<JobRow> = sqlx::query_as(&format!(
        "SELECT {JOB_COLUMNS} FROM encryption_jobs j
         LEFT JOIN module_fields f ON f.id = j.field_id WHERE j.id = $1"
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

/// Which records a job goes through, with `$1` its organisation and `$2` its module: one
/// module's, or (a rotation, both `NULL`) those of every module with a field that is not
/// plain.
fn scope(job: &EncryptionJob) -> &'static str {
    match job.module {
        Some(_) => "r.organisation_id = $1 AND r.module_id = $2",
        None => {
            "$1::uuid IS NULL AND $2::uuid IS NULL
             AND r.module_id IN (SELECT module_id FROM module_fields WHERE encryption <> 'off')"
        }
    }
}

/// Takes the job for the caller's transaction when this instance runs it; `false` when it is
/// not running, or another instance took it over.
async fn hold_job(
    conn: &mut PgConnection,
    job: EncryptionJobId,
    instance: Uuid,
) -> StoreResult<bool> {
    let held: Option<(Uuid,)> = sqlx::query_as(
        "SELECT id FROM encryption_jobs WHERE id = $1 AND status = 'running' AND instance_id = $2
         FOR UPDATE",
    )
    .bind(job.0)
    .bind(instance)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(held.is_some())
}

/// Whether any stored value is still sealed with data key `id`.
async fn key_in_use(conn: &mut PgConnection, id: i64) -> StoreResult<bool> {
    let prefix = format!("{SEALED}{id}.");
    let (used,): (bool,) = sqlx::query_as(
        "SELECT EXISTS (SELECT 1 FROM records r WHERE
             starts_with(r.first_name, $1) OR starts_with(r.last_name, $1)
             OR starts_with(r.email, $1) OR starts_with(r.phone, $1)
             OR starts_with(r.company, $1) OR starts_with(r.country, $1)
             OR EXISTS (SELECT 1 FROM jsonb_each_text(r.custom) c
                        WHERE starts_with(c.value, $1)))",
    )
    .bind(&prefix)
    .fetch_one(&mut *conn)
    .await?;
    Ok(used)
}

/// A record as a batch reads it.
#[derive(sqlx::FromRow)]
struct StoredRecord {
    organisation_id: Uuid,
    id: Uuid,
    module_id: Uuid,
    first_name: Option<String>,
    last_name: Option<String>,
    email: Option<String>,
    email_index: Option<Vec<u8>>,
    phone: Option<String>,
    company: Option<String>,
    country: Option<String>,
    custom: String,
}

/// Resealed records' columns, one array per column, for one `UPDATE ... FROM UNNEST`.
#[derive(Default)]
struct Rewrites {
    organisations: Vec<Uuid>,
    ids: Vec<Uuid>,
    first_names: Vec<Option<String>>,
    last_names: Vec<Option<String>>,
    emails: Vec<Option<String>>,
    email_indexes: Vec<Option<Vec<u8>>>,
    phones: Vec<Option<String>>,
    companies: Vec<Option<String>>,
    countries: Vec<Option<String>>,
    customs: Vec<String>,
}

impl Rewrites {
    /// Adds a record's columns as stored with `changes` applied; a change this statement
    /// would not write is an error, never dropped.
    fn push(
        &mut self,
        mut record: StoredRecord,
        changes: Vec<(&'static str, Resealed)>,
    ) -> StoreResult<()> {
        for (column, value) in changes {
            match (column, value) {
                ("first_name", Resealed::Text(text)) => record.first_name = text,
                ("last_name", Resealed::Text(text)) => record.last_name = text,
                ("email", Resealed::Text(text)) => record.email = text,
                ("email_index", Resealed::Bytes(bytes)) => record.email_index = bytes,
                ("phone", Resealed::Text(text)) => record.phone = text,
                ("company", Resealed::Text(text)) => record.company = text,
                ("country", Resealed::Text(text)) => record.country = text,
                ("custom", Resealed::Text(Some(text))) => record.custom = text,
                (column, _) => return Err(corrupt("records", format!("a new {column}"))),
            }
        }
        self.organisations.push(record.organisation_id);
        self.ids.push(record.id);
        self.first_names.push(record.first_name);
        self.last_names.push(record.last_name);
        self.emails.push(record.email);
        self.email_indexes.push(record.email_index);
        self.phones.push(record.phone);
        self.companies.push(record.company);
        self.countries.push(record.country);
        self.customs.push(record.custom);
        Ok(())
    }

    /// Writes them in one statement.
    async fn write(self, conn: &mut PgConnection) -> StoreResult<()> {
        if self.ids.is_empty() {
            return Ok(());
        }
        sqlx::query(
            "UPDATE records r SET first_name = c.first_name, last_name = c.last_name,
                 email = c.email, email_index = c.email_index, phone = c.phone,
                 company = c.company, country = c.country, custom = c.custom::jsonb
             FROM UNNEST($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[],
                         $6::bytea[], $7::text[], $8::text[], $9::text[], $10::text[])
                  AS c (organisation_id, id, first_name, last_name, email, email_index, phone,
                        company, country, custom)
             WHERE r.organisation_id = c.organisation_id AND r.id = c.id",
        )
        .bind(self.organisations)
        .bind(self.ids)
        .bind(self.first_names)
        .bind(self.last_names)
        .bind(self.emails)
        .bind(self.email_indexes)
        .bind(self.phones)
        .bind(self.companies)
        .bind(self.countries)
        .bind(self.customs)
        .execute(&mut *conn)
        .await?;
        Ok(())
    }
}

#[async_trait]
impl EncryptionStore for PostgresStore {
    async fn set_field_encryption(
        &self,
        organisation: OrganisationId,
        module: ModuleId,
        field: FieldId,
        on: bool,
        audit: AuditNote,
    ) -> StoreResult<Option<EncryptionJob>> {
        let mut tx = self.pool.begin().await?;
        // The field's row, locked: switches of one field from any instance wait for each
        // other, so only one of them finds no job under way.
        let state: Option<(String,)> = sqlx::query_as(
            "SELECT encryption FROM module_fields
             WHERE organisation_id = $1 AND module_id = $2 AND id = $3 FOR UPDATE",
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
                 WHERE field_id = $1 AND status IN ('pending', 'running'))",
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
        sqlx::query("UPDATE module_fields SET encryption = $2 WHERE id = $1")
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
             VALUES ($1, $2, $3, $4, 'pending', $5, $6)",
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
        notify::organisation_changed(&mut *tx, organisation).await?;
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
        let keys: Vec<(i64, DateTime<Utc>)> = sqlx::query_as(
            "SELECT id, created_at FROM data_keys WHERE purpose = 'values' ORDER BY id DESC",
        )
        .fetch_all(&mut *conn)
        .await?;
        let rows: Vec<JobRow> = sqlx::query_as(&format!(
            "SELECT {JOB_COLUMNS} FROM encryption_jobs j
             LEFT JOIN module_fields f ON f.id = j.field_id
             WHERE j.organisation_id = $1 OR j.organisation_id IS NULL
             ORDER BY j.id DESC LIMIT 20"
        ))
        .bind(organisation.0)
        .fetch_all(&mut *conn)
        .await?;
        Ok(EncryptionStatus {
            keys: keys
                .into_iter()
                .map(|(id, created_at)| {
                    let id =
                        u32::try_from(id).map_err(|_| corrupt("data_keys.id", id.to_string()))?;
                    Ok(DataKey {
                        id,
                        created_at,
                        current: ring.current() == id,
                    })
                })
                .collect::<StoreResult<_>>()?,
            jobs: rows
                .into_iter()
                .map(JobRow::into_job)
                .collect::<StoreResult<_>>()?,
        })
    }

    /// The new key is committed before the job is queued: this instance seals with it as soon
    /// as it knows it, and every other instance must find it then.
    async fn rotate_key(&self, started_by: &str) -> StoreResult<EncryptionJob> {
        let mut conn = self.pool.acquire().await?;
        sealing::add_key(&self.vault, &mut conn).await?;
        let mut tx = sqlx::Connection::begin(&mut *conn).await?;
        let id = EncryptionJobId(Uuid::now_v7());
        sqlx::query(
            "INSERT INTO encryption_jobs (id, kind, status, started_by, created_at)
             VALUES ($1, 'rotate', 'pending', $2, $3)",
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
        let row: Option<JobRow> = sqlx::query_as(&format!(
            "SELECT {JOB_COLUMNS} FROM encryption_jobs j
             LEFT JOIN module_fields f ON f.id = j.field_id
             WHERE j.status = 'pending' ORDER BY j.id LIMIT 1"
        ))
        .fetch_optional(&self.pool)
        .await?;
        row.map(JobRow::into_job).transpose()
    }

    async fn encryption_job(&self, job: EncryptionJobId) -> StoreResult<Option<EncryptionJob>> {
        let mut conn = self.pool.acquire().await?;
        Ok(load_job(&mut conn, job).await?.map(|(_, job)| job))
    }

    /// Only the jobs of instances that stopped renewing their lease: a job another living
    /// instance (a second server, `consentry rotate-key` keeping its lease) runs goes on.
    async fn requeue_encryption_jobs(&self) -> StoreResult<u64> {
        let requeued = sqlx::query(
            "UPDATE encryption_jobs j SET status = 'pending', instance_id = NULL
             WHERE status = 'running'
               AND NOT EXISTS (SELECT 1 FROM instances i
                               WHERE i.id = j.instance_id AND i.alive_until >= $1)",
        )
        .bind(millis(Utc::now()))
        .execute(&self.pool)
        .await?;
        Ok(requeued.rows_affected())
    }

    async fn start_encryption_job(&self, job: EncryptionJobId) -> StoreResult<bool> {
        let mut tx = self.pool.begin().await?;
        // The claim: of instances starting one job at once, one finds it still pending.
        let claimed = sqlx::query(
            "UPDATE encryption_jobs SET status = 'running', instance_id = $2, done = 0
             WHERE id = $1 AND status = 'pending'",
        )
        .bind(job.0)
        .bind(self.instance)
        .execute(&mut *tx)
        .await?;
        if claimed.rows_affected() == 0 {
            return Ok(false);
        }
        let Some((org, loaded)) = load_job(&mut tx, job).await? else {
            return Ok(false);
        };
        let (total,): (i64,) = sqlx::query_as(&format!(
            "SELECT COUNT(*) FROM records r WHERE {}",
            scope(&loaded)
        ))
        .bind(org)
        .bind(loaded.module.map(|m| m.0))
        .fetch_one(&mut *tx)
        .await?;
        sqlx::query("UPDATE encryption_jobs SET total = $2 WHERE id = $1")
            .bind(job.0)
            .bind(total)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(true)
    }

    /// `None` also when the job is no longer this instance's (another took it over).
    async fn run_encryption_batch(
        &self,
        job: EncryptionJobId,
        after: Option<(OrganisationId, RecordId)>,
        limit: u32,
    ) -> StoreResult<Option<(OrganisationId, RecordId)>> {
        let mut tx = self.pool.begin().await?;
        if !hold_job(&mut tx, job, self.instance).await? {
            return Ok(None);
        }
        let Some((org, loaded)) = load_job(&mut tx, job).await? else {
            return Ok(None);
        };
        let (after_org, after_id) = after
            .map(|(o, r)| (o.0, r.0))
            .unwrap_or((Uuid::nil(), Uuid::nil()));
        // The records are locked until the batch commits: a change written meanwhile by any
        // instance is neither lost nor overwritten.
        let records: Vec<StoredRecord> = sqlx::query_as(&format!(
            "SELECT r.organisation_id, r.id, r.module_id, r.first_name, r.last_name, r.email,
                    r.email_index, r.phone, r.company, r.country, r.custom::text AS custom
             FROM records r WHERE {} AND (r.organisation_id, r.id) > ($3, $4)
             ORDER BY r.organisation_id, r.id LIMIT $5 FOR UPDATE OF r",
            scope(&loaded)
        ))
        .bind(org)
        .bind(loaded.module.map(|m| m.0))
        .bind(after_org)
        .bind(after_id)
        .bind(i64::from(limit))
        .fetch_all(&mut *tx)
        .await?;
        let done = i64::try_from(records.len()).unwrap_or(i64::MAX);
        let mut sealings: HashMap<Uuid, Sealing> = HashMap::new();
        let mut rewrites = Rewrites::default();
        let mut last = None;
        for record in records {
            let organisation = OrganisationId(record.organisation_id);
            if let Entry::Vacant(slot) = sealings.entry(record.organisation_id) {
                slot.insert(self.sealing(&mut tx, organisation).await?);
            }
            let sealing = &sealings[&record.organisation_id];
            let stored = StoredFields {
                first_name: record.first_name.clone(),
                last_name: record.last_name.clone(),
                email: record.email.clone(),
                email_index: None,
                phone: record.phone.clone(),
                company: record.company.clone(),
                country: record.country.clone(),
                custom: record.custom.clone(),
            };
            let changes = sealing.reseal(record.id, record.module_id, &stored)?;
            last = Some((organisation, RecordId(record.id)));
            if !changes.is_empty() {
                rewrites.push(record, changes)?;
            }
        }
        rewrites.write(&mut tx).await?;
        sqlx::query("UPDATE encryption_jobs SET done = done + $2 WHERE id = $1")
            .bind(job.0)
            .bind(done)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(last)
    }

    /// Only by the instance running the job: one that lost it to another does nothing.
    async fn finish_encryption_job(&self, job: EncryptionJobId) -> StoreResult<()> {
        let mut tx = self.pool.begin().await?;
        if !hold_job(&mut tx, job, self.instance).await? {
            return Ok(());
        }
        let Some((organisation, loaded)) = load_job(&mut tx, job).await? else {
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
                sqlx::query("UPDATE module_fields SET encryption = $2 WHERE id = $1")
                    .bind(field.0)
                    .bind(state.code())
                    .execute(&mut *tx)
                    .await?;
            }
            _ => {
                // Keys nothing uses any more go; the newest stays whatever happens.
                let ring = sealing::refresh(&self.vault, &mut tx).await?;
                let old: Vec<(i64,)> = sqlx::query_as(
                    "SELECT id FROM data_keys WHERE purpose = 'values' AND id < $1 ORDER BY id",
                )
                .bind(i64::from(ring.current()))
                .fetch_all(&mut *tx)
                .await?;
                let mut retired = Vec::new();
                for (key,) in old {
                    if key_in_use(&mut tx, key).await? {
                        continue;
                    }
                    // Another rotation finishing at once may have retired it already.
                    let gone = sqlx::query("DELETE FROM data_keys WHERE id = $1")
                        .bind(key)
                        .execute(&mut *tx)
                        .await?;
                    if gone.rows_affected() > 0 {
                        retired.push(key.to_string());
                    }
                }
                if !retired.is_empty() {
                    detail = Some(format!("retired key {}", retired.join(", ")));
                }
            }
        }
        sqlx::query(
            "UPDATE encryption_jobs SET status = 'finished', finished_at = $2,
                 detail = COALESCE($3, detail)
             WHERE id = $1",
        )
        .bind(job.0)
        .bind(millis(Utc::now()))
        .bind(detail)
        .execute(&mut *tx)
        .await?;
        if let Some(organisation) = organisation {
            notify::organisation_changed(&mut *tx, OrganisationId(organisation)).await?;
        }
        tx.commit().await?;
        // A field's encryption state is part of its description.
        self.cache.fields.forget(|_| true);
        Ok(())
    }

    /// A job still waiting, or running on this instance: never one another instance runs.
    async fn fail_encryption_job(&self, job: EncryptionJobId, detail: &str) -> StoreResult<()> {
        sqlx::query(
            "UPDATE encryption_jobs SET status = $2, finished_at = $3, detail = $4
             WHERE id = $1
               AND (status = 'pending' OR (status = 'running' AND instance_id = $5))",
        )
        .bind(job.0)
        .bind(code(&JobStatus::Failed))
        .bind(millis(Utc::now()))
        .bind(detail)
        .bind(self.instance)
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}
