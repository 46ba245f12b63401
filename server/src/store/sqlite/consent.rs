//! Consent links, consent events and the outbox on SQLite.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use consentry_model::{
    FormId, OrganisationId, RecordId,
    consent::{DeliveryStatus, OutboxMessage},
    forms::{ConsentChoices, FormDesign, FormVersion},
    records::{DataPrivacy, DataSource},
};
use sqlx::{SqliteConnection, SqlitePool};
use tokio::sync::{mpsc, oneshot};
use uuid::Uuid;

use super::{
    SqliteStore,
    audit::append,
    code, corrupt, from_code, from_millis, millis,
    records::{insert_event, write_privacy},
    sealing,
    widget::insert_visitor_consent,
};
use crate::store::{
    AuditNote, ConsentEventWrite, ConsentLink, ConsentStore, NewMessage, PrivacyChange, StoreError,
    StoreResult, VisitorConsentWrite,
};

#[async_trait]
impl ConsentStore for SqliteStore {
    async fn send_consent_request(
        &self,
        organisation: OrganisationId,
        (token_hash, form, expires_at): (&[u8; 32], FormId, DateTime<Utc>),
        record: RecordId,
        (privacy, change): (&DataPrivacy, Option<&PrivacyChange>),
        message: NewMessage,
        source: &DataSource,
        audit: AuditNote,
    ) -> StoreResult<Uuid> {
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        let now = source.at;
        sqlx::query(
            "INSERT INTO consent_links (token_hash, organisation_id, record_id, form_id,
                 created_at, expires_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )
        .bind(token_hash.as_slice())
        .bind(organisation.0)
        .bind(record.0)
        .bind(form.0)
        .bind(millis(now))
        .bind(millis(expires_at))
        .execute(&mut *tx)
        .await?;
        let id = insert_message(&mut tx, organisation, &message, now).await?;
        write_privacy(&mut tx, organisation, record, privacy, source).await?;
        if let Some(change) = change {
            insert_event(&mut tx, organisation, record, change, source).await?;
        }
        append(&mut tx, organisation, &audit, now).await?;
        tx.commit().await?;
        Ok(id)
    }

    async fn consent_link(&self, token_hash: &[u8; 32]) -> StoreResult<Option<ConsentLink>> {
        type Row = (Uuid, String, Uuid, Uuid, String, i64, Option<i64>);
        let row: Option<Row> = sqlx::query_as(
            "SELECT l.organisation_id, o.name, l.record_id, l.form_id, f.name, l.expires_at,
                    l.spent_at
             FROM consent_links l
             JOIN organisations o ON o.id = l.organisation_id
             JOIN consent_forms f ON f.organisation_id = l.organisation_id AND f.id = l.form_id
             WHERE l.token_hash = ?1",
        )
        .bind(token_hash.as_slice())
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(
            |(organisation, name, record, form, form_name, expires, spent)| ConsentLink {
                organisation: OrganisationId(organisation),
                organisation_name: name,
                record: RecordId(record),
                form: FormId(form),
                form_name,
                expires_at: from_millis(expires),
                spent_at: spent.map(from_millis),
            },
        ))
    }

    async fn latest_link_created(
        &self,
        organisation: OrganisationId,
        record: RecordId,
        form: FormId,
    ) -> StoreResult<Option<DateTime<Utc>>> {
        let (at,): (Option<i64>,) = sqlx::query_as(
            "SELECT MAX(created_at) FROM consent_links
             WHERE organisation_id = ?1 AND record_id = ?2 AND form_id = ?3",
        )
        .bind(organisation.0)
        .bind(record.0)
        .bind(form.0)
        .fetch_one(&self.pool)
        .await?;
        Ok(at.map(from_millis))
    }

    async fn published_form(
        &self,
        organisation: OrganisationId,
        form: FormId,
    ) -> StoreResult<Option<(FormVersion, FormDesign)>> {
        let cached = self
            .cache
            .published
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .get(&(organisation, form))
            .cloned();
        if cached.is_some() {
            return Ok(cached);
        }
        let row: Option<(i64, String, String, i64, String)> = sqlx::query_as(
            "SELECT version, design, text_hash, published_at, published_by FROM form_versions
             WHERE organisation_id = ?1 AND form_id = ?2 ORDER BY version DESC LIMIT 1",
        )
        .bind(organisation.0)
        .bind(form.0)
        .fetch_optional(&self.pool)
        .await?;
        let published = row
            .map(|(version, design, text_hash, at, by)| -> StoreResult<_> {
                let design: FormDesign = serde_json::from_str(&design)
                    .map_err(|_| corrupt("form_versions.design", design.clone()))?;
                Ok((
                    FormVersion {
                        version: u32::try_from(version).unwrap_or_default(),
                        text_hash,
                        published_at: from_millis(at),
                        published_by: by,
                    },
                    design,
                ))
            })
            .transpose()?;
        if let Some(found) = &published {
            self.cache
                .published
                .write()
                .unwrap_or_else(|e| e.into_inner())
                .insert((organisation, form), found.clone());
        }
        Ok(published)
    }

    async fn latest_choices(
        &self,
        organisation: OrganisationId,
        record: RecordId,
        form: FormId,
    ) -> StoreResult<Option<ConsentChoices>> {
        let row: Option<(String,)> = sqlx::query_as(
            "SELECT choices FROM consent_events
             WHERE organisation_id = ?1 AND record_id = ?2 AND form_id = ?3
             ORDER BY id DESC LIMIT 1",
        )
        .bind(organisation.0)
        .bind(record.0)
        .bind(form.0)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|(json,)| {
            serde_json::from_str(&json).map_err(|_| corrupt("consent_events.choices", json))
        })
        .transpose()
    }

    async fn record_consent(
        &self,
        organisation: OrganisationId,
        token_hash: &[u8; 32],
        event: ConsentEventWrite,
        (privacy, change): (&DataPrivacy, Option<&PrivacyChange>),
        spend: bool,
        source: &DataSource,
        audit: AuditNote,
    ) -> StoreResult<Uuid> {
        self.answer(Answer::Consent(Box::new(ConsentAnswer {
            organisation,
            token_hash: *token_hash,
            event,
            privacy: privacy.clone(),
            change: change.cloned(),
            spend,
            source: source.clone(),
            audit,
        })))
        .await
    }

    async fn outbox(
        &self,
        organisation: OrganisationId,
        limit: u32,
    ) -> StoreResult<Vec<OutboxMessage>> {
        let rows: Vec<MessageRow> = sqlx::query_as(&format!(
            "SELECT {MESSAGE_COLUMNS} FROM outbox WHERE organisation_id = ?1
             ORDER BY id DESC LIMIT ?2"
        ))
        .bind(organisation.0)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|row| message_from(row).map(|(_, m)| m))
            .collect()
    }

    async fn expire_waiting(
        &self,
        organisation: OrganisationId,
        cutoff: DateTime<Utc>,
        source: &DataSource,
    ) -> StoreResult<u64> {
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        // The events first, from the rows as they are; then the rows. One transaction.
        sqlx::query(
            "INSERT INTO privacy_events (organisation_id, record_id, at, actor, source,
                 before_basis, after_basis, before_status, after_status, detail)
             SELECT organisation_id, id, ?3, ?4, ?5, 'consent', 'consent', 'waiting',
                 'not_responded', ?6
             FROM records
             WHERE organisation_id = ?1 AND consent_status = 'waiting' AND mail_sent_at < ?2",
        )
        .bind(organisation.0)
        .bind(millis(cutoff))
        .bind(millis(source.at))
        .bind(&source.by)
        .bind(code(&source.through))
        .bind(&source.detail)
        .execute(&mut *tx)
        .await?;
        let expired = sqlx::query(
            "UPDATE records SET consent_status = 'not_responded', updated_at = ?3,
                 updated_through = ?4, updated_by = ?5, updated_detail = ?6
             WHERE organisation_id = ?1 AND consent_status = 'waiting' AND mail_sent_at < ?2",
        )
        .bind(organisation.0)
        .bind(millis(cutoff))
        .bind(millis(source.at))
        .bind(code(&source.through))
        .bind(&source.by)
        .bind(&source.detail)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        tx.commit().await?;
        Ok(expired)
    }

    async fn signing_key(
        &self,
        organisation: OrganisationId,
    ) -> StoreResult<Option<(String, [u8; 32])>> {
        let cached = self
            .cache
            .keys
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .get(&organisation)
            .cloned();
        if cached.is_some() {
            return Ok(cached);
        }
        let row: Option<(String, Vec<u8>)> =
            sqlx::query_as("SELECT kid, secret FROM signing_keys WHERE organisation_id = ?1")
                .bind(organisation.0)
                .fetch_optional(&self.pool)
                .await?;
        let key = row
            .map(|(kid, wrapped)| -> StoreResult<_> {
                let secret: [u8; 32] = self
                    .vault
                    .unwrap_secret(&sealing::signing_key_label(&kid), &wrapped)?
                    .try_into()
                    .map_err(|_| corrupt("signing_keys.secret", kid.clone()))?;
                Ok((kid, secret))
            })
            .transpose()?;
        if let Some(key) = &key {
            self.cache
                .keys
                .write()
                .unwrap_or_else(|e| e.into_inner())
                .insert(organisation, key.clone());
        }
        Ok(key)
    }

    async fn insert_signing_key(
        &self,
        organisation: OrganisationId,
        kid: &str,
        secret: &[u8; 32],
        public: &[u8; 32],
    ) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO signing_keys (kid, organisation_id, secret, wrapped, public, created_at)
             VALUES (?1, ?2, ?3, 1, ?4, ?5) ON CONFLICT DO NOTHING",
        )
        .bind(kid)
        .bind(organisation.0)
        .bind(
            self.vault
                .wrap_secret(&sealing::signing_key_label(kid), secret),
        )
        .bind(public.as_slice())
        .bind(millis(Utc::now()))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn public_keys(&self) -> StoreResult<Vec<(String, [u8; 32])>> {
        let rows: Vec<(String, Vec<u8>)> =
            sqlx::query_as("SELECT kid, public FROM signing_keys ORDER BY kid")
                .fetch_all(&self.pool)
                .await?;
        rows.into_iter()
            .map(|(kid, public)| {
                let public: [u8; 32] = public
                    .try_into()
                    .map_err(|_| corrupt("signing_keys.public", kid.clone()))?;
                Ok((kid, public))
            })
            .collect()
    }

    async fn queued_messages(
        &self,
        limit: u32,
    ) -> StoreResult<Vec<(OrganisationId, OutboxMessage)>> {
        let rows: Vec<MessageRow> = sqlx::query_as(&format!(
            "SELECT {MESSAGE_COLUMNS} FROM outbox WHERE status = 'queued'
             ORDER BY created_at, id LIMIT ?1"
        ))
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(message_from).collect()
    }

    async fn set_delivery(
        &self,
        organisation: OrganisationId,
        message: Uuid,
        status: DeliveryStatus,
        detail: &str,
    ) -> StoreResult<()> {
        sqlx::query(
            "UPDATE outbox SET status = ?3, detail = ?4 WHERE organisation_id = ?1 AND id = ?2",
        )
        .bind(organisation.0)
        .bind(message)
        .bind(code(&status))
        .bind(detail)
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}

const MESSAGE_COLUMNS: &str = "organisation_id, id, record_id, recipient, subject, body_text, \
     body_html, created_at, status, detail";

/// Keeps a message in the outbox; returns its id.
pub(super) async fn insert_message(
    conn: &mut SqliteConnection,
    organisation: OrganisationId,
    message: &NewMessage,
    now: DateTime<Utc>,
) -> StoreResult<Uuid> {
    let id = Uuid::now_v7();
    sqlx::query(
        "INSERT INTO outbox (organisation_id, id, record_id, recipient, subject, body_text,
             body_html, created_at, status)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )
    .bind(organisation.0)
    .bind(id)
    .bind(message.record.map(|r| r.0))
    .bind(&message.recipient)
    .bind(&message.subject)
    .bind(&message.body_text)
    .bind(&message.body_html)
    .bind(millis(now))
    .bind(code(&message.status))
    .execute(&mut *conn)
    .await?;
    Ok(id)
}

type MessageRow = (
    Uuid,
    Uuid,
    Option<Uuid>,
    String,
    String,
    String,
    Option<String>,
    i64,
    String,
    Option<String>,
);

fn message_from(
    (organisation, id, record, recipient, subject, body_text, body_html, at, status, detail): MessageRow,
) -> StoreResult<(OrganisationId, OutboxMessage)> {
    Ok((
        OrganisationId(organisation),
        OutboxMessage {
            id,
            record_id: record.map(RecordId),
            recipient,
            subject,
            body_text,
            body_html,
            created_at: from_millis(at),
            status: from_code("outbox.status", &status)?,
            detail,
        },
    ))
}

/// A data subject's answer on the hosted page: the event, the record's new Data Privacy
/// section, the link spent.
#[derive(Debug)]
pub(super) struct ConsentAnswer {
    organisation: OrganisationId,
    token_hash: [u8; 32],
    event: ConsentEventWrite,
    privacy: DataPrivacy,
    change: Option<PrivacyChange>,
    spend: bool,
    source: DataSource,
    audit: AuditNote,
}

/// What the group commit writes.
#[derive(Debug)]
pub(super) enum Answer {
    /// A data subject's answer through a consent link.
    Consent(Box<ConsentAnswer>),
    /// A site visitor's banner decision.
    Visitor(OrganisationId, Box<VisitorConsentWrite>),
}

/// One answer waiting for the group commit, and who waits for its id.
#[derive(Debug)]
pub(super) struct ConsentJob {
    answer: Answer,
    done: oneshot::Sender<StoreResult<Uuid>>,
}

impl SqliteStore {
    /// Hands an answer to the group commit and waits until it is durable; its event's id.
    pub(super) async fn answer(&self, answer: Answer) -> StoreResult<Uuid> {
        let (done, result) = oneshot::channel();
        let gone = || StoreError::Database(sqlx::Error::PoolClosed);
        self.answers
            .send(ConsentJob { answer, done })
            .await
            .map_err(|_| gone())?;
        result.await.map_err(|_| gone())?
    }
}

/// Most answers in one transaction.
const GROUP_MAX: usize = 256;

/// Commits consent answers and banner decisions in groups: whatever arrives while one commit
/// is being synced to disk goes into the next transaction, so many answers share one fsync and
/// each answer is still durable before it is acknowledged. Each answer has its own savepoint: one that fails
/// is rolled back alone and told why; the others are committed.
pub(super) async fn group_commit(pool: SqlitePool, mut jobs: mpsc::Receiver<ConsentJob>) {
    while let Some(first) = jobs.recv().await {
        let mut batch = vec![first];
        while batch.len() < GROUP_MAX {
            match jobs.try_recv() {
                Ok(job) => batch.push(job),
                Err(_) => break,
            }
        }
        let (batch, outcome) = commit_group(pool.clone(), batch).await;
        match outcome {
            Ok(results) => {
                for (job, result) in batch.into_iter().zip(results) {
                    let _ = job.done.send(result);
                }
            }
            Err(e) => {
                let reason = e.to_string();
                for job in batch {
                    let _ = job
                        .done
                        .send(Err(StoreError::Database(sqlx::Error::Protocol(
                            reason.clone(),
                        ))));
                }
            }
        }
    }
}

/// Writes a group of answers in one transaction; hands the jobs back with their results (or
/// the error that lost the whole group).
async fn commit_group(
    pool: SqlitePool,
    batch: Vec<ConsentJob>,
) -> (Vec<ConsentJob>, StoreResult<Vec<StoreResult<Uuid>>>) {
    let result = write_group(&pool, &batch).await;
    (batch, result)
}

async fn write_group(
    pool: &SqlitePool,
    batch: &[ConsentJob],
) -> StoreResult<Vec<StoreResult<Uuid>>> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let mut results = Vec::with_capacity(batch.len());
    for job in batch {
        sqlx::query("SAVEPOINT answer").execute(&mut *tx).await?;
        let written = match &job.answer {
            Answer::Consent(answer) => write_answer(&mut tx, answer).await,
            Answer::Visitor(organisation, decision) => {
                insert_visitor_consent(&mut tx, *organisation, decision)
                    .await
                    .map(|()| decision.id)
            }
        };
        if written.is_err() {
            sqlx::query("ROLLBACK TO answer").execute(&mut *tx).await?;
        }
        sqlx::query("RELEASE answer").execute(&mut *tx).await?;
        results.push(written);
    }
    tx.commit().await?;
    Ok(results)
}

/// Appends a consent event; returns its id (also the id of its receipt).
pub(super) async fn insert_consent_event(
    conn: &mut SqliteConnection,
    organisation: OrganisationId,
    event: &ConsentEventWrite,
) -> StoreResult<Uuid> {
    let id = Uuid::now_v7();
    sqlx::query(
        "INSERT INTO consent_events (organisation_id, id, record_id, form_id, form_version,
             text_hash, lang, decision, choices, at, ip, user_agent)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )
    .bind(organisation.0)
    .bind(id)
    .bind(event.record.0)
    .bind(event.form.0)
    .bind(i64::from(event.version))
    .bind(&event.text_hash)
    .bind(event.lang.as_str())
    .bind(event.decision)
    .bind(serde_json::to_string(&event.choices).unwrap_or_else(|_| "{}".into()))
    .bind(millis(event.at))
    .bind(&event.ip)
    .bind(&event.user_agent)
    .execute(&mut *conn)
    .await?;
    Ok(id)
}

async fn write_answer(conn: &mut SqliteConnection, job: &ConsentAnswer) -> StoreResult<Uuid> {
    let (organisation, event) = (job.organisation, &job.event);
    let id = insert_consent_event(&mut *conn, organisation, event).await?;
    write_privacy(
        &mut *conn,
        organisation,
        event.record,
        &job.privacy,
        &job.source,
    )
    .await?;
    if let Some(change) = &job.change {
        insert_event(&mut *conn, organisation, event.record, change, &job.source).await?;
    }
    if job.spend {
        sqlx::query("UPDATE consent_links SET spent_at = ?2 WHERE token_hash = ?1")
            .bind(job.token_hash.as_slice())
            .bind(millis(event.at))
            .execute(&mut *conn)
            .await?;
    }
    let mut audit = job.audit.clone();
    audit.subject = Some(event.record.to_string());
    append(&mut *conn, organisation, &audit, event.at).await?;
    Ok(id)
}
