//! Consent links, consent events and the outbox on PostgreSQL, for several server instances
//! at once: an answer locks the link it comes through, a consent request takes its record's
//! requests in turn, and each attempt at a message is claimed by one sender for a while.

use std::collections::HashMap;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use consentry_model::{
    FormId, ModuleId, OrganisationId, RecordId,
    consent::{DeliveryStatus, MessageKind, OutboxMessage, RequestDelivery},
    forms::{ConsentChoices, FormDesign, FormVersion},
    records::{DataSource, Record},
};
use consentry_store::{
    AnswerOutcome, ConsentEventWrite, ConsentLink, ConsentRequestWrite, ConsentStore,
    DeliveredWrite, FailedWrite, JobDeliveries, NewMessage, OutboxCounts, PrivacyChange,
    PublicAnswer, RequeueWrite, Requeued, StoreError, StoreResult, StoredMessage, Unrenewed,
    group::{Grant, LinkState},
    vault::Vault,
};
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

use super::{
    Bytes32, Code, PostgresStore,
    audit::{append, lock_chain},
    code, corrupt, from_code,
    group::{Answer, Written},
    millis,
    records::{insert_event, load_record, stored_privacy, write_privacy},
};

/// The class of the advisory locks (two-key form, apart from the audit chains' one-key locks)
/// that a record's consent requests take one after the other.
const REQUESTS_LOCK: i32 = 0x636f_6e73; // "cons"

#[async_trait]
impl ConsentStore for PostgresStore {
    async fn send_consent_request(&self, write: ConsentRequestWrite) -> StoreResult<Uuid> {
        let ConsentRequestWrite {
            organisation,
            record,
            link: (token_hash, form, expires_at),
            message,
            note,
            replaces,
            skip_asked_since,
            audit,
        } = write;
        let now = note.at;
        let mut tx = self.pool.begin().await?;
        // The organisation's chain first, as every writer takes it before the rows it
        // changes (a public answer: chain, links, record), so none waits in a circle.
        lock_chain(&mut tx, organisation).await?;
        // Requests to one record, from any instance, one after the other: each sees the links
        // and messages the one before it made.
        sqlx::query("SELECT pg_advisory_xact_lock($1, $2)")
            .bind(REQUESTS_LOCK)
            .bind(record_lock(record))
            .execute(&mut *tx)
            .await?;
        // A record deleted since it was read gets no request (its subject no mail).
        if !record_exists(&mut tx, organisation, record, false).await? {
            return Err(StoreError::Conflict("records.id"));
        }
        // Asking the rest of a list: one asked since then (a request not failed) is left.
        if let Some(since) = skip_asked_since {
            let asked: Option<(i32,)> = sqlx::query_as(
                "SELECT 1 FROM outbox
                 WHERE organisation_id = $1 AND record_id = $2 AND kind = 'consent_request'
                   AND created_at >= $3 AND status <> 'failed'
                 LIMIT 1",
            )
            .bind(organisation.0)
            .bind(record.0)
            .bind(millis(since))
            .fetch_optional(&mut *tx)
            .await?;
            if asked.is_some() {
                return Err(StoreError::Conflict("outbox.asked_since"));
            }
        }
        // One live link per record and form. An earlier link never delivered stops working
        // now (its message is not sent: this one goes in its place). One the subject holds
        // keeps working until this request's message is delivered (`mark_delivered`), so a
        // request that cannot be delivered never leaves them without a working link.
        let revoked: Vec<(Vec<u8>,)> = sqlx::query_as(
            "UPDATE consent_links l SET revoked_at = $4
             WHERE l.organisation_id = $1 AND l.record_id = $2 AND l.form_id = $3
               AND l.revoked_at IS NULL AND l.spent_at IS NULL
               AND NOT EXISTS (SELECT 1 FROM outbox o
                               WHERE o.organisation_id = $1
                                 AND o.link_hash = l.token_hash
                                 AND o.status = 'sent')
             RETURNING l.token_hash",
        )
        .bind(organisation.0)
        .bind(record.0)
        .bind(form.0)
        .bind(millis(now))
        .fetch_all(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO consent_links (token_hash, organisation_id, record_id, form_id,
                 created_at, expires_at)
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(token_hash.as_slice())
        .bind(organisation.0)
        .bind(record.0)
        .bind(form.0)
        .bind(millis(now))
        .bind(millis(expires_at))
        .execute(&mut *tx)
        .await?;
        let id = insert_message(&mut tx, &self.vault, organisation, &message, now).await?;
        // A message still carrying a revoked link would deliver a dead link: this one is sent
        // in its place.
        if !revoked.is_empty() {
            let hashes: Vec<Vec<u8>> = revoked.into_iter().map(|(hash,)| hash).collect();
            sqlx::query(
                "UPDATE outbox SET status = 'failed', replaced_by = $3, next_attempt_at = NULL,
                     detail = $4
                 WHERE organisation_id = $1 AND link_hash = ANY($2)
                   AND status IN ('queued', 'stored')",
            )
            .bind(organisation.0)
            .bind(&hashes)
            .bind(id)
            .bind(consentry_model::notes::DeliveryNote::Replaced.english())
            .execute(&mut *tx)
            .await?;
        }
        // A bulk send's request is counted on its job in the transaction that makes it, so
        // after a crash the job says exactly how many were made (a retry of a failed message
        // replaces one already counted).
        // Only for a job still running: one a stopped process was taken for cut off (and
        // marked interrupted meanwhile) makes no more requests.
        if let (Some(job), None) = (message.job, replaces) {
            let counted = sqlx::query(
                "UPDATE jobs SET processed = processed + 1, done = done + 1
                 WHERE organisation_id = $1 AND id = $2 AND state = 'running'",
            )
            .bind(organisation.0)
            .bind(job)
            .execute(&mut *tx)
            .await?;
            if counted.rows_affected() == 0 {
                return Err(StoreError::Conflict("jobs.state"));
            }
        }
        if let Some(old) = replaces {
            let replaced = sqlx::query(
                "UPDATE outbox SET replaced_by = $3
                 WHERE organisation_id = $1 AND id = $2 AND status = 'failed'
                   AND replaced_by IS NULL",
            )
            .bind(organisation.0)
            .bind(old)
            .bind(id)
            .execute(&mut *tx)
            .await?;
            if replaced.rows_affected() == 0 {
                return Err(StoreError::Conflict("outbox.replaced"));
            }
        }
        insert_note(&mut tx, organisation, record, &note).await?;
        append(&mut tx, organisation, &audit, now).await?;
        // Nor one deleted meanwhile; and now it cannot be deleted before this commits. Taken
        // after the chain, in the order a public answer takes its link, the chain and then
        // the record.
        if !record_exists(&mut tx, organisation, record, true).await? {
            return Err(StoreError::Conflict("records.id"));
        }
        tx.commit().await?;
        Ok(id)
    }

    async fn consent_link(&self, token_hash: &[u8; 32]) -> StoreResult<Option<ConsentLink>> {
        let mut links = consent_links(&self.pool, vec![*token_hash]).await?;
        Ok(links.remove(token_hash))
    }

    async fn latest_link_created(
        &self,
        organisation: OrganisationId,
        record: RecordId,
        form: FormId,
    ) -> StoreResult<Option<DateTime<Utc>>> {
        let (at,): (Option<DateTime<Utc>>,) = sqlx::query_as(
            "SELECT MAX(created_at) FROM consent_links
             WHERE organisation_id = $1 AND record_id = $2 AND form_id = $3",
        )
        .bind(organisation.0)
        .bind(record.0)
        .bind(form.0)
        .fetch_one(&self.pool)
        .await?;
        Ok(at)
    }

    async fn published_form(
        &self,
        organisation: OrganisationId,
        form: FormId,
    ) -> StoreResult<Option<(FormVersion, FormDesign)>> {
        if let Some(cached) = self.cache.published.get(&(organisation, form)) {
            return Ok(Some(cached));
        }
        let ticket = self.cache.published.ticket();
        let row: Option<(i32, String, String, DateTime<Utc>, String)> = sqlx::query_as(
            "SELECT version, design::text, text_hash, published_at, published_by
             FROM form_versions
             WHERE organisation_id = $1 AND form_id = $2 ORDER BY version DESC LIMIT 1",
        )
        .bind(organisation.0)
        .bind(form.0)
        .fetch_optional(&self.pool)
        .await?;
        let published = row
            .map(|(version, design, text_hash, at, by)| -> StoreResult<_> {
                let version = u32::try_from(version)
                    .map_err(|_| corrupt("form_versions.version", version.to_string()))?;
                let design: FormDesign = serde_json::from_str(&design)
                    .map_err(|_| corrupt("form_versions.design", design.clone()))?;
                Ok((
                    FormVersion {
                        version,
                        text_hash,
                        published_at: at,
                        published_by: by,
                    },
                    design,
                ))
            })
            .transpose()?;
        if let Some(found) = &published {
            self.cache
                .published
                .put(ticket, (organisation, form), found.clone());
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
            "SELECT choices::text FROM consent_events
             WHERE organisation_id = $1 AND record_id = $2 AND form_id = $3
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

    async fn record_consent(&self, answer: PublicAnswer) -> StoreResult<AnswerOutcome> {
        match self.answer(Answer::Consent(Box::new(answer))).await? {
            Written::Consent(outcome) => Ok(outcome),
            Written::Visitor => Err(StoreError::database(sqlx::Error::RowNotFound)),
        }
    }

    async fn outbox(
        &self,
        organisation: OrganisationId,
        query: &consentry_model::consent::OutboxQuery,
        limit: u32,
    ) -> StoreResult<Vec<OutboxMessage>> {
        // Ids are time-ordered (v7): newest first is id order, and `before` a keyset.
        let rows: Vec<MessageRow> = sqlx::query_as(&format!(
            "SELECT {MESSAGE_COLUMNS} FROM outbox WHERE organisation_id = $1
               AND ($2::text IS NULL OR status = $2) AND ($3::text IS NULL OR kind = $3)
               AND ($4::uuid IS NULL OR record_id = $4) AND ($5::uuid IS NULL OR id < $5)
             ORDER BY id DESC LIMIT $6"
        ))
        .bind(organisation.0)
        .bind(query.status.map(|s| code(&s)))
        .bind(query.kind.map(|k| code(&k)))
        .bind(query.record_id.map(|r| r.0))
        .bind(query.before)
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(MessageRow::into_message).collect()
    }

    async fn outbox_counts(
        &self,
        organisation: OrganisationId,
        query: &consentry_model::consent::OutboxQuery,
    ) -> StoreResult<OutboxCounts> {
        let (matching, retryable): (i64, i64) = sqlx::query_as(
            "SELECT
                 (SELECT COUNT(*) FROM outbox WHERE organisation_id = $1
                    AND ($2::text IS NULL OR status = $2) AND ($3::text IS NULL OR kind = $3)
                    AND ($4::uuid IS NULL OR record_id = $4)),
                 (SELECT COUNT(*) FROM outbox WHERE organisation_id = $1
                    AND status = 'failed' AND replaced_by IS NULL)",
        )
        .bind(organisation.0)
        .bind(query.status.map(|s| code(&s)))
        .bind(query.kind.map(|k| code(&k)))
        .bind(query.record_id.map(|r| r.0))
        .fetch_one(&self.pool)
        .await?;
        Ok(OutboxCounts {
            matching: u64::try_from(matching).unwrap_or_default(),
            retryable: u64::try_from(retryable).unwrap_or_default(),
        })
    }

    async fn expire_waiting(
        &self,
        organisation: OrganisationId,
        cutoff: DateTime<Utc>,
        source: &DataSource,
    ) -> StoreResult<u64> {
        // One statement: each record moved has its event, also while an answer from another
        // instance moves one of them out of Waiting at the same moment (that record, locked
        // and read again, is left as the answer left it).
        let (expired,): (i64,) = sqlx::query_as(
            "WITH expired AS (
                 UPDATE records SET consent_status = 'not_responded', updated_at = $3,
                     updated_through = $5, updated_by = $4, updated_detail = $6
                 WHERE organisation_id = $1 AND consent_status = 'waiting' AND mail_sent_at < $2
                 RETURNING organisation_id, id
             ), events AS (
                 INSERT INTO privacy_events (organisation_id, record_id, at, actor, source,
                     before_basis, after_basis, before_status, after_status, detail)
                 SELECT organisation_id, id, $3, $4, $5, 'consent', 'consent', 'waiting',
                     'not_responded', $6
                 FROM expired ORDER BY id
             )
             SELECT COUNT(*) FROM expired",
        )
        .bind(organisation.0)
        .bind(millis(cutoff))
        .bind(millis(source.at))
        .bind(&source.by)
        .bind(code(&source.through))
        .bind(&source.detail)
        .fetch_one(&self.pool)
        .await?;
        Ok(expired.unsigned_abs())
    }

    async fn expire_unrenewed(
        &self,
        organisation: OrganisationId,
        unrenewed: Unrenewed,
        source: &DataSource,
    ) -> StoreResult<u64> {
        // One statement, as for the waiting period: a renewed answer on another instance at
        // the same moment leaves its record as the answer left it.
        let (expired,): (i64,) = sqlx::query_as(
            "WITH expired AS (
                 UPDATE records SET consent_status = 'not_responded', updated_at = $3,
                     updated_through = $5, updated_by = $4, updated_detail = $6
                 WHERE organisation_id = $1 AND consent_status = 'obtained'
                   AND consent_date <= $2 AND mail_sent_at < $7
                   AND mail_sent_at >= (consent_date + $8::integer)::timestamp AT TIME ZONE 'UTC'
                 RETURNING organisation_id, id
             ), events AS (
                 INSERT INTO privacy_events (organisation_id, record_id, at, actor, source,
                     before_basis, after_basis, before_status, after_status, detail)
                 SELECT organisation_id, id, $3, $4, $5, 'consent', 'consent', 'obtained',
                     'not_responded', $6
                 FROM expired ORDER BY id
             )
             SELECT COUNT(*) FROM expired",
        )
        .bind(organisation.0)
        .bind(unrenewed.due_if_given_by)
        .bind(millis(source.at))
        .bind(&source.by)
        .bind(code(&source.through))
        .bind(&source.detail)
        .bind(millis(unrenewed.asked_before))
        .bind(i64::from(unrenewed.lifetime_days))
        .fetch_one(&self.pool)
        .await?;
        Ok(expired.unsigned_abs())
    }

    async fn signing_key(
        &self,
        organisation: OrganisationId,
    ) -> StoreResult<Option<(String, [u8; 32])>> {
        if let Some(cached) = self.cache.keys.get(&organisation) {
            return Ok(Some(cached));
        }
        let ticket = self.cache.keys.ticket();
        let row: Option<(String, Vec<u8>)> =
            sqlx::query_as("SELECT kid, secret FROM signing_keys WHERE organisation_id = $1")
                .bind(organisation.0)
                .fetch_optional(&self.pool)
                .await?;
        let key = row
            .map(|(kid, wrapped)| -> StoreResult<_> {
                let secret: [u8; 32] = self
                    .vault
                    .unwrap_secret(&consentry_store::vault::signing_key_label(&kid), &wrapped)?
                    .try_into()
                    .map_err(|_| corrupt("signing_keys.secret", kid.clone()))?;
                Ok((kid, secret))
            })
            .transpose()?;
        if let Some(key) = &key {
            self.cache.keys.put(ticket, organisation, key.clone());
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
        // Instances making the organisation's first key at once: the first one written is
        // its key, and every instance reads that one back.
        sqlx::query(
            "INSERT INTO signing_keys (kid, organisation_id, secret, wrapped, public, created_at)
             VALUES ($1, $2, $3, true, $4, $5) ON CONFLICT DO NOTHING",
        )
        .bind(kid)
        .bind(organisation.0)
        .bind(
            self.vault
                .wrap_secret(&consentry_store::vault::signing_key_label(kid), secret),
        )
        .bind(public.as_slice())
        .bind(millis(Utc::now()))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn public_keys(&self) -> StoreResult<Vec<(String, [u8; 32])>> {
        let rows: Vec<(String, Bytes32)> =
            sqlx::query_as("SELECT kid, public FROM signing_keys ORDER BY kid")
                .fetch_all(&self.pool)
                .await?;
        Ok(rows
            .into_iter()
            .map(|(kid, Bytes32(public))| (kid, public))
            .collect())
    }

    async fn outbox_message(
        &self,
        organisation: OrganisationId,
        message: Uuid,
    ) -> StoreResult<Option<StoredMessage>> {
        let row: Option<MessageRow> = sqlx::query_as(&format!(
            "SELECT {MESSAGE_COLUMNS} FROM outbox WHERE organisation_id = $1 AND id = $2"
        ))
        .bind(organisation.0)
        .bind(message)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|row| row.into_stored(&self.vault)).transpose()
    }

    async fn due_messages(
        &self,
        now: DateTime<Utc>,
        limit: u32,
    ) -> StoreResult<Vec<(OrganisationId, Uuid)>> {
        let rows: Vec<(Uuid, Uuid)> = sqlx::query_as(&format!(
            "SELECT organisation_id, id FROM outbox
                 WHERE status = 'queued' AND next_attempt_at <= $1 AND {}
                 ORDER BY next_attempt_at, id LIMIT $2",
            claim_free("$1")
        ))
        .bind(millis(now))
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(organisation, id)| (OrganisationId(organisation), id))
            .collect())
    }

    async fn claim_message(
        &self,
        organisation: OrganisationId,
        message: Uuid,
        now: DateTime<Utc>,
        until: DateTime<Utc>,
    ) -> StoreResult<Option<StoredMessage>> {
        // Senders on two instances claiming at once: the second waits for the first's row
        // lock, reads the claim it left and updates nothing. A claim whose sender died is
        // free once that instance's lease ran out (or the claim itself, at `until`).
        let row: Option<MessageRow> = sqlx::query_as(&format!(
            "UPDATE outbox SET sending_until = $4, sending_by = $5
             WHERE organisation_id = $1 AND id = $2 AND status = 'queued'
               AND next_attempt_at <= $3 AND {}
             RETURNING {MESSAGE_COLUMNS}",
            claim_free("$3")
        ))
        .bind(organisation.0)
        .bind(message)
        .bind(millis(now))
        .bind(millis(until))
        .bind(self.instance)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|row| row.into_stored(&self.vault)).transpose()
    }

    async fn next_message_due(&self) -> StoreResult<Option<DateTime<Utc>>> {
        let (at,): (Option<DateTime<Utc>>,) = sqlx::query_as(
            // A claim is free when it runs out or when its sender's lease does, whichever
            // comes first: a killed sender's messages are looked at again at once.
            "SELECT MIN(CASE WHEN i.id IS NOT NULL AND o.sending_until IS NOT NULL
                             THEN GREATEST(o.next_attempt_at,
                                           LEAST(o.sending_until, i.alive_until))
                             ELSE o.next_attempt_at END)
             FROM outbox o
             LEFT JOIN instances i ON i.id = o.sending_by AND i.alive_until >= now()
             WHERE o.status = 'queued'",
        )
        .fetch_one(&self.pool)
        .await?;
        Ok(at)
    }

    async fn mark_delivered(&self, write: DeliveredWrite<'_>) -> StoreResult<bool> {
        let DeliveredWrite {
            organisation,
            message,
            from,
            at,
            detail,
            rule,
            source,
            audit,
        } = write;
        let update = match from {
            // Given up (superseded, its record deleted) while this attempt was under way: it
            // went out all the same, and says so.
            DeliveryStatus::Queued => {
                "UPDATE outbox SET status = 'sent', detail = $3, sent_at = $4,
                     attempts = attempts + 1, next_attempt_at = NULL, sending_until = NULL
                 WHERE organisation_id = $1 AND id = $2
                   AND (status = 'queued' OR (status = 'failed' AND sending_until IS NOT NULL))
                 RETURNING record_id, link_hash, on_delivered IS NOT NULL"
            }
            DeliveryStatus::Stored => {
                "UPDATE outbox SET status = 'sent', detail = $3, sent_at = $4
                 WHERE organisation_id = $1 AND id = $2 AND status = 'stored'
                 RETURNING record_id, link_hash, on_delivered IS NOT NULL"
            }
            DeliveryStatus::Sent | DeliveryStatus::Failed => return Ok(false),
        };
        let mut tx = self.pool.begin().await?;
        // The organisation's chain first, as every writer takes it before the rows it
        // changes (a public answer: chain, links, record), so none waits in a circle.
        lock_chain(&mut tx, organisation).await?;
        let row: Option<Effect> = sqlx::query_as(update)
            .bind(organisation.0)
            .bind(message)
            .bind(&detail)
            .bind(millis(at))
            .fetch_optional(&mut *tx)
            .await?;
        let Some(effect) = row else {
            return Ok(false);
        };
        if let Some(record) = effect.applies(&mut tx).await? {
            // The link works as long after delivery as it was meant to after sending.
            if let Some(link) = &effect.1 {
                sqlx::query(
                    "UPDATE consent_links
                     SET expires_at = expires_at + GREATEST(interval '0', $2 - created_at)
                     WHERE token_hash = $1",
                )
                .bind(link.as_slice())
                .bind(millis(at))
                .execute(&mut *tx)
                .await?;
                // Delivered, this link replaces the earlier ones the subject was sent for the
                // same record and form, unless a newer request replaced it meanwhile.
                sqlx::query(
                    "UPDATE consent_links SET revoked_at = $2
                     WHERE revoked_at IS NULL AND spent_at IS NULL AND token_hash <> $1
                       AND (organisation_id, record_id, form_id) =
                           (SELECT organisation_id, record_id, form_id FROM consent_links
                            WHERE token_hash = $1 AND revoked_at IS NULL)
                       AND created_at <= (SELECT created_at FROM consent_links
                                          WHERE token_hash = $1)",
                )
                .bind(link.as_slice())
                .bind(millis(at))
                .execute(&mut *tx)
                .await?;
            }
            // The record after its links, in the order a public answer takes them.
            if let Ok((privacy, change)) = rule(
                stored_privacy(&mut tx, organisation, record)
                    .await?
                    .as_ref(),
            ) {
                write_privacy(&mut tx, organisation, record, &privacy, &source).await?;
                if let Some(change) = change {
                    insert_event(&mut tx, organisation, record, &change, &source).await?;
                }
            }
        }
        if let Some(audit) = audit {
            append(&mut tx, organisation, &audit, at).await?;
        }
        tx.commit().await?;
        Ok(true)
    }

    async fn mark_retry(
        &self,
        organisation: OrganisationId,
        message: Uuid,
        reason: &str,
        next: DateTime<Utc>,
    ) -> StoreResult<()> {
        sqlx::query(
            "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = $3, detail = $4,
                 sending_until = NULL
             WHERE organisation_id = $1 AND id = $2 AND status = 'queued'",
        )
        .bind(organisation.0)
        .bind(message)
        .bind(millis(next))
        .bind(reason)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn mark_failed(&self, write: FailedWrite<'_>) -> StoreResult<()> {
        let FailedWrite {
            organisation,
            message,
            reason,
            note,
            attempted,
        } = write;
        let mut tx = self.pool.begin().await?;
        let row: Option<Effect> = sqlx::query_as(
            "UPDATE outbox SET status = 'failed', attempts = attempts + $4, detail = $3,
                 next_attempt_at = NULL, sending_until = NULL
             WHERE organisation_id = $1 AND id = $2 AND status = 'queued'
             RETURNING record_id, link_hash, on_delivered IS NOT NULL",
        )
        .bind(organisation.0)
        .bind(message)
        .bind(reason)
        .bind(i32::from(attempted))
        .fetch_optional(&mut *tx)
        .await?;
        if let Some(effect) = row
            && let Some(record) = effect.applies(&mut tx).await?
        {
            insert_note(&mut tx, organisation, record, note).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    async fn requeue_message(&self, write: RequeueWrite) -> StoreResult<Requeued> {
        let RequeueWrite {
            organisation,
            message,
            now,
            note,
            audit,
        } = write;
        let mut tx = self.pool.begin().await?;
        // The organisation's chain first, as every writer takes it before the rows it
        // changes (a public answer: chain, links, record), so none waits in a circle.
        lock_chain(&mut tx, organisation).await?;
        // Locked as read: two users queuing it again at once queue it once.
        type Row = (
            Code<DeliveryStatus>,
            Option<Uuid>,
            Option<Uuid>,
            Option<Vec<u8>>,
            bool,
        );
        let row: Option<Row> = sqlx::query_as(
            "SELECT status, replaced_by, record_id, link_hash, on_delivered IS NOT NULL
             FROM outbox WHERE organisation_id = $1 AND id = $2 FOR UPDATE",
        )
        .bind(organisation.0)
        .bind(message)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((Code(status), replaced_by, record, link, effect)) = row else {
            return Ok(Requeued::NotFound);
        };
        if status != DeliveryStatus::Failed {
            return Ok(Requeued::NotFailed(status));
        }
        if replaced_by.is_some() {
            return Ok(Requeued::Replaced);
        }
        if let Some(link) = &link {
            let works = live_link(&mut tx, link)
                .await?
                .is_some_and(|expires_at| expires_at > now);
            if !works {
                return Ok(Requeued::LinkGone);
            }
        }
        sqlx::query(
            "UPDATE outbox SET status = 'queued', attempts = 0, schedule_started_at = $3,
                 next_attempt_at = $3, detail = NULL, sending_until = NULL
             WHERE organisation_id = $1 AND id = $2",
        )
        .bind(organisation.0)
        .bind(message)
        .bind(millis(now))
        .execute(&mut *tx)
        .await?;
        if let (Some(record), true) = (record, effect) {
            insert_note(&mut tx, organisation, RecordId(record), &note).await?;
        }
        append(&mut tx, organisation, &audit, now).await?;
        tx.commit().await?;
        Ok(Requeued::Queued)
    }

    async fn failed_messages(&self, organisation: OrganisationId) -> StoreResult<Vec<Uuid>> {
        let rows: Vec<(Uuid,)> = sqlx::query_as(
            "SELECT id FROM outbox
             WHERE organisation_id = $1 AND status = 'failed' AND replaced_by IS NULL
             ORDER BY id",
        )
        .bind(organisation.0)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(|(id,)| id).collect())
    }

    async fn record_with_consent_request(
        &self,
        organisation: OrganisationId,
        record: RecordId,
    ) -> StoreResult<Option<Record>> {
        // One snapshot of the record and its outbox.
        let mut tx = self
            .pool
            .begin_with("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            .await?;
        let sealing = self.sealing(&mut tx, organisation).await?;
        let Some(mut found) = load_record(&mut tx, &sealing, organisation, record).await? else {
            return Ok(None);
        };
        found.consent_request = consent_request_delivery(&mut tx, organisation, record).await?;
        tx.commit().await?;
        Ok(Some(found))
    }

    async fn legacy_link_messages(
        &self,
    ) -> StoreResult<Vec<(OrganisationId, Uuid, String, Option<String>)>> {
        let rows: Vec<(Uuid, Uuid, String, Option<String>)> = sqlx::query_as(
            "SELECT organisation_id, id, body_text, body_html FROM outbox
             WHERE kind = 'other' AND secret IS NULL AND strpos(body_text, '/c/') > 0",
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(organisation, id, text, html)| (OrganisationId(organisation), id, text, html))
            .collect())
    }

    async fn seal_legacy_message(
        &self,
        organisation: OrganisationId,
        message: Uuid,
        (text, html): (String, Option<String>),
        token: &str,
    ) -> StoreResult<()> {
        // The link's hash is the token's SHA-256, as a consent request keeps it.
        sqlx::query(
            "UPDATE outbox SET kind = 'consent_request', body_text = $3, body_html = $4,
                 secret = $5, link_hash = sha256(convert_to($6, 'UTF8'))
             WHERE organisation_id = $1 AND id = $2",
        )
        .bind(organisation.0)
        .bind(message)
        .bind(text)
        .bind(html)
        .bind(
            self.vault
                .wrap_secret(&secret_label(message), token.as_bytes()),
        )
        .bind(token)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn bulk_job(
        &self,
        organisation: OrganisationId,
        job: Uuid,
    ) -> StoreResult<Option<(consentry_store::JobRow, JobDeliveries)>> {
        // One snapshot: the job's counts and its messages' as of one moment (a request is
        // counted on the job in the transaction that queues its message).
        let mut tx = self
            .pool
            .begin_with("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            .await?;
        let Some(row) = super::jobs::job_in(&mut tx, organisation, job).await? else {
            return Ok(None);
        };
        // A replaced message is counted as the one sent in its place (which carries the job).
        let rows: Vec<(Code<DeliveryStatus>, i64)> = sqlx::query_as(
            "SELECT status, COUNT(*) FROM outbox
             WHERE job_id = $2 AND organisation_id = $1
               AND NOT (status = 'failed' AND replaced_by IS NOT NULL)
             GROUP BY status",
        )
        .bind(organisation.0)
        .bind(job)
        .fetch_all(&mut *tx)
        .await?;
        tx.commit().await?;
        let mut counts = JobDeliveries::default();
        for (Code(status), n) in rows {
            let n = n.unsigned_abs();
            match status {
                DeliveryStatus::Queued => counts.queued = n,
                DeliveryStatus::Sent => counts.delivered = n,
                DeliveryStatus::Failed => counts.failed = n,
                DeliveryStatus::Stored => counts.stored = n,
            }
        }
        Ok(Some((row, counts)))
    }
}

/// Whether the record exists; with `keep`, it cannot be deleted until the transaction ends.
async fn record_exists(
    conn: &mut PgConnection,
    organisation: OrganisationId,
    record: RecordId,
    keep: bool,
) -> StoreResult<bool> {
    let query = if keep {
        "SELECT 1 FROM records WHERE organisation_id = $1 AND id = $2 FOR KEY SHARE"
    } else {
        "SELECT 1 FROM records WHERE organisation_id = $1 AND id = $2"
    };
    let found: Option<(i32,)> = sqlx::query_as(query)
        .bind(organisation.0)
        .bind(record.0)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(found.is_some())
}

/// The key, among the consent requests' advisory locks, of a record's requests.
fn record_lock(record: RecordId) -> i32 {
    let bits = record.0.as_u128();
    let folded = (bits >> 96) ^ (bits >> 64) ^ (bits >> 32) ^ bits;
    i32::from_ne_bytes((folded as u32).to_ne_bytes())
}

const MESSAGE_COLUMNS: &str = "organisation_id, id, record_id, recipient, subject, body_text, \
     body_html, created_at, status, detail, kind, attempts, next_attempt_at, sent_at, \
     replaced_by, secret, list_unsubscribe, link_hash, on_delivered::text AS on_delivered, \
     job_id, schedule_started_at, expires_at";

/// The label a message's secret is wrapped under.
fn secret_label(message: Uuid) -> String {
    format!("secret of message {message}")
}

/// Keeps a message in the outbox, its secret wrapped; returns its id. A queued message is due
/// at once.
pub(super) async fn insert_message(
    conn: &mut PgConnection,
    vault: &Vault,
    organisation: OrganisationId,
    message: &NewMessage,
    now: DateTime<Utc>,
) -> StoreResult<Uuid> {
    let id = Uuid::now_v7();
    let queued = (message.status == DeliveryStatus::Queued).then(|| millis(now));
    let secret = message
        .secret
        .as_ref()
        .map(|s| vault.wrap_secret(&secret_label(id), s.as_bytes()));
    let on_delivered = message
        .on_delivered
        .as_ref()
        .map(|e| serde_json::to_string(e).unwrap_or_default());
    sqlx::query(
        "INSERT INTO outbox (organisation_id, id, record_id, recipient, subject, body_text,
             body_html, created_at, status, kind, next_attempt_at, schedule_started_at, secret,
             list_unsubscribe, link_hash, on_delivered, job_id, request_id, notice, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, $12, $13, $14, $15::jsonb,
                 $16, $17, $18, $19)",
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
    .bind(code(&message.kind))
    .bind(queued)
    .bind(secret)
    .bind(&message.list_unsubscribe)
    .bind(message.link.as_ref().map(|l| l.as_slice()))
    .bind(on_delivered)
    .bind(message.job)
    .bind(message.about_request.map(|(request, _)| request.0))
    .bind(message.about_request.map(|(_, notice)| code(&notice)))
    .bind(message.expires_at.map(millis))
    .execute(&mut *conn)
    .await?;
    Ok(id)
}

/// A message's record, the consent link it carries, and whether delivering it does something.
#[derive(sqlx::FromRow)]
struct Effect(Option<Uuid>, Option<Vec<u8>>, bool);

impl Effect {
    /// The record delivering the message changes: when it has an effect, and any consent
    /// link it carries still works.
    async fn applies(&self, conn: &mut PgConnection) -> StoreResult<Option<RecordId>> {
        let (Some(record), true) = (self.0, self.2) else {
            return Ok(None);
        };
        match &self.1 {
            Some(link) if live_link(conn, link).await?.is_none() => Ok(None),
            _ => Ok(Some(RecordId(record))),
        }
    }
}

/// Where the newest consent request to a record stands.
async fn consent_request_delivery(
    conn: &mut PgConnection,
    organisation: OrganisationId,
    record: RecordId,
) -> StoreResult<Option<RequestDelivery>> {
    let row: Option<MessageRow> = sqlx::query_as(&format!(
        "SELECT {MESSAGE_COLUMNS} FROM outbox
         WHERE organisation_id = $1 AND record_id = $2 AND kind = 'consent_request'
         ORDER BY id DESC LIMIT 1"
    ))
    .bind(organisation.0)
    .bind(record.0)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(message) = row.map(MessageRow::into_message).transpose()? else {
        return Ok(None);
    };
    let message_id = message.id;
    Ok(Some(match message.status {
        DeliveryStatus::Queued => RequestDelivery::Queued {
            message_id,
            attempts: message.attempts,
            next_attempt_at: message.next_attempt_at,
            last_failure: message.detail,
        },
        DeliveryStatus::Stored => RequestDelivery::Stored { message_id },
        DeliveryStatus::Sent => RequestDelivery::Delivered {
            message_id,
            at: message.sent_at.unwrap_or(message.created_at),
        },
        DeliveryStatus::Failed => RequestDelivery::Failed {
            message_id,
            reason: message.detail.unwrap_or_default(),
        },
    }))
}

/// When a consent link that still works (neither revoked nor spent) expires, the link locked
/// until the transaction ends: an answer through it, on any instance, waits for this
/// transaction or this one for it (and then finds it spent).
async fn live_link(
    conn: &mut PgConnection,
    token_hash: &[u8],
) -> StoreResult<Option<DateTime<Utc>>> {
    let row: Option<(DateTime<Utc>,)> = sqlx::query_as(
        "SELECT expires_at FROM consent_links
         WHERE token_hash = $1 AND revoked_at IS NULL AND spent_at IS NULL FOR UPDATE",
    )
    .bind(token_hash)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(|(at,)| at))
}

/// A note in a record's history: an event with the basis and status as they are, saying what
/// happened in `source.detail`.
pub(super) async fn insert_note(
    conn: &mut PgConnection,
    organisation: OrganisationId,
    record: RecordId,
    source: &DataSource,
) -> StoreResult<()> {
    let Some(privacy) = stored_privacy(&mut *conn, organisation, record).await? else {
        return Ok(());
    };
    let status = privacy.consent.as_ref().map(|c| c.status);
    let note = PrivacyChange {
        before_basis: Some(privacy.basis),
        after_basis: privacy.basis,
        before_status: status,
        after_status: status,
        lawful_reason: None,
        evidence: None,
        given: None,
    };
    insert_event(conn, organisation, record, &note, source).await
}

#[derive(sqlx::FromRow)]
struct MessageRow {
    organisation_id: Uuid,
    id: Uuid,
    record_id: Option<Uuid>,
    recipient: String,
    subject: String,
    body_text: String,
    body_html: Option<String>,
    created_at: DateTime<Utc>,
    status: String,
    detail: Option<String>,
    kind: String,
    attempts: i32,
    next_attempt_at: Option<DateTime<Utc>>,
    sent_at: Option<DateTime<Utc>>,
    replaced_by: Option<Uuid>,
    secret: Option<Vec<u8>>,
    list_unsubscribe: Option<String>,
    link_hash: Option<Vec<u8>>,
    on_delivered: Option<String>,
    job_id: Option<Uuid>,
    schedule_started_at: Option<DateTime<Utc>>,
    expires_at: Option<DateTime<Utc>>,
}

impl MessageRow {
    /// The message as the Outbox shows it.
    fn into_message(self) -> StoreResult<OutboxMessage> {
        Ok(OutboxMessage {
            id: self.id,
            record_id: self.record_id.map(RecordId),
            recipient: self.recipient,
            subject: self.subject,
            body_text: self.body_text,
            body_html: self.body_html,
            created_at: self.created_at,
            status: from_code("outbox.status", &self.status)?,
            detail: self.detail,
            kind: from_code::<MessageKind>("outbox.kind", &self.kind)?,
            attempts: u32::try_from(self.attempts)
                .map_err(|_| corrupt("outbox.attempts", self.attempts.to_string()))?,
            next_attempt_at: self.next_attempt_at,
            sent_at: self.sent_at,
            replaced_by: self.replaced_by,
        })
    }

    /// The message with what delivering it needs, its secret unwrapped.
    fn into_stored(mut self, vault: &Vault) -> StoreResult<StoredMessage> {
        let secret = self
            .secret
            .take()
            .map(|wrapped| {
                let secret = vault.unwrap_secret(&secret_label(self.id), &wrapped)?;
                String::from_utf8(secret).map_err(|_| corrupt("outbox.secret", self.id.to_string()))
            })
            .transpose()?;
        let on_delivered = self
            .on_delivered
            .take()
            .map(|json| {
                serde_json::from_str(&json).map_err(|_| corrupt("outbox.on_delivered", json))
            })
            .transpose()?;
        let link = self
            .link_hash
            .take()
            .map(|hash| {
                <[u8; 32]>::try_from(hash.as_slice())
                    .map_err(|_| corrupt("outbox.link_hash", self.id.to_string()))
            })
            .transpose()?;
        Ok(StoredMessage {
            organisation: OrganisationId(self.organisation_id),
            list_unsubscribe: self.list_unsubscribe.take(),
            job: self.job_id,
            schedule_started_at: self.schedule_started_at,
            expires_at: self.expires_at,
            secret,
            on_delivered,
            link,
            message: self.into_message()?,
        })
    }
}

/// Appends a consent event; returns its id (also the id of its receipt).
pub(super) async fn insert_consent_event(
    conn: &mut PgConnection,
    organisation: OrganisationId,
    event: &ConsentEventWrite,
) -> StoreResult<Uuid> {
    let id = Uuid::now_v7();
    insert_consent_events(conn, &[(organisation, id, event.clone())]).await?;
    Ok(id)
}

/// Appends consent events under the ids given, in one statement (a column of values each).
pub(super) async fn insert_consent_events(
    conn: &mut PgConnection,
    events: &[(OrganisationId, Uuid, ConsentEventWrite)],
) -> StoreResult<()> {
    if events.is_empty() {
        return Ok(());
    }
    let mut organisations = Vec::with_capacity(events.len());
    let mut ids = Vec::with_capacity(events.len());
    let mut records = Vec::with_capacity(events.len());
    let mut forms = Vec::with_capacity(events.len());
    let mut versions = Vec::with_capacity(events.len());
    let mut text_hashes = Vec::with_capacity(events.len());
    let mut langs = Vec::with_capacity(events.len());
    let mut decisions = Vec::with_capacity(events.len());
    let mut choices = Vec::with_capacity(events.len());
    let mut ats = Vec::with_capacity(events.len());
    let mut ips = Vec::with_capacity(events.len());
    let mut user_agents = Vec::with_capacity(events.len());
    for (organisation, id, event) in events {
        organisations.push(organisation.0);
        ids.push(*id);
        records.push(event.record.0);
        forms.push(event.form.0);
        versions.push(
            i32::try_from(event.version)
                .map_err(|_| corrupt("consent_events.form_version", event.version.to_string()))?,
        );
        text_hashes.push(event.text_hash.clone());
        langs.push(event.lang.as_str().to_owned());
        decisions.push(event.decision);
        // The text as written is what a receipt signs and a repeat compares.
        choices.push(serde_json::to_string(&event.choices).unwrap_or_else(|_| "{}".into()));
        ats.push(millis(event.at));
        ips.push(event.ip.clone());
        user_agents.push(event.user_agent.clone());
    }
    sqlx::query(
        "INSERT INTO consent_events (organisation_id, id, record_id, form_id, form_version,
             text_hash, lang, decision, choices, at, ip, user_agent)
         SELECT o, i, r, f, v, h, l, d, c::json, a, p, u
         FROM UNNEST($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::int4[], $6::text[],
                     $7::text[], $8::text[], $9::text[], $10::timestamptz[], $11::text[],
                     $12::text[])
              AS e(o, i, r, f, v, h, l, d, c, a, p, u)",
    )
    .bind(&organisations)
    .bind(&ids)
    .bind(&records)
    .bind(&forms)
    .bind(&versions)
    .bind(&text_hashes)
    .bind(&langs)
    .bind(&decisions)
    .bind(&choices)
    .bind(&ats)
    .bind(&ips)
    .bind(&user_agents)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

#[derive(sqlx::FromRow)]
struct LinkRow {
    token_hash: Bytes32,
    spent_at: Option<DateTime<Utc>>,
    revoked_at: Option<DateTime<Utc>>,
    expires_at: DateTime<Utc>,
}

/// The links with these token hashes as this transaction reads them, locked until it ends:
/// answers through one link, from any instance, are decided one after the other, each on
/// the link as the one before it left it. Locked in token order, so transactions taking
/// several links never wait for each other in a circle.
pub(super) async fn link_states(
    conn: &mut PgConnection,
    token_hashes: &[[u8; 32]],
) -> StoreResult<HashMap<[u8; 32], LinkState>> {
    if token_hashes.is_empty() {
        return Ok(HashMap::new());
    }
    let hashes: Vec<Vec<u8>> = token_hashes.iter().map(|h| h.to_vec()).collect();
    let rows: Vec<LinkRow> = sqlx::query_as(
        "SELECT token_hash, spent_at, revoked_at, expires_at FROM consent_links
         WHERE token_hash = ANY($1) ORDER BY token_hash FOR UPDATE",
    )
    .bind(&hashes)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let state = LinkState {
                spent: row.spent_at.is_some(),
                revoked: row.revoked_at.is_some(),
                expires_at: row.expires_at,
            };
            (row.token_hash.0, state)
        })
        .collect())
}

/// Spends links (`spent_at` set where it was not yet); fails, writing nothing the caller
/// keeps, when one of them was spent already.
pub(super) async fn spend_links(
    conn: &mut PgConnection,
    spent: &[([u8; 32], DateTime<Utc>)],
) -> StoreResult<()> {
    if spent.is_empty() {
        return Ok(());
    }
    let (hashes, ats): (Vec<Vec<u8>>, Vec<DateTime<Utc>>) = spent
        .iter()
        .map(|(hash, at)| (hash.to_vec(), millis(*at)))
        .unzip();
    let changed = sqlx::query(
        "UPDATE consent_links l SET spent_at = v.at
         FROM UNNEST($1::bytea[], $2::timestamptz[]) AS v(token_hash, at)
         WHERE l.token_hash = v.token_hash AND l.spent_at IS NULL",
    )
    .bind(&hashes)
    .bind(&ats)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    if changed != spent.len() as u64 {
        return Err(StoreError::Conflict("consent_links.spent_at"));
    }
    Ok(())
}

/// Each of these records' latest consent event when it is a grant: what it granted.
pub(super) async fn last_grants(
    conn: &mut PgConnection,
    organisation: OrganisationId,
    records: &[RecordId],
) -> StoreResult<HashMap<RecordId, Grant>> {
    #[derive(sqlx::FromRow)]
    struct Row {
        record_id: Uuid,
        form_id: Uuid,
        form_version: i32,
        lang: String,
        choices: String,
    }
    if records.is_empty() {
        return Ok(HashMap::new());
    }
    let ids: Vec<Uuid> = records.iter().map(|r| r.0).collect();
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT record_id, form_id, form_version, lang, choices FROM (
             SELECT DISTINCT ON (record_id) record_id, form_id, form_version, lang,
                    choices::text AS choices, decision
             FROM consent_events
             WHERE organisation_id = $1 AND record_id = ANY($2)
             ORDER BY record_id, id DESC
         ) latest
         WHERE decision = 'granted'",
    )
    .bind(organisation.0)
    .bind(&ids)
    .fetch_all(&mut *conn)
    .await?;
    rows.into_iter()
        .map(|r| {
            let version = u32::try_from(r.form_version)
                .map_err(|_| corrupt("consent_events.form_version", r.form_version.to_string()))?;
            let grant = Grant {
                form: FormId(r.form_id),
                version,
                lang: r.lang,
                choices: r.choices,
            };
            Ok((RecordId(r.record_id), grant))
        })
        .collect()
}

/// The consent links of these token hashes, with the names and module their pages show: the
/// query behind [`PostgresStore::consent_link`], for one link or a batch.
pub(super) async fn consent_links(
    pool: &PgPool,
    token_hashes: Vec<[u8; 32]>,
) -> StoreResult<HashMap<[u8; 32], ConsentLink>> {
    #[derive(sqlx::FromRow)]
    struct Row {
        token_hash: Bytes32,
        organisation_id: Uuid,
        organisation_name: String,
        organisation_time_zone: String,
        record_id: Uuid,
        module_id: Uuid,
        form_id: Uuid,
        form_name: String,
        expires_at: DateTime<Utc>,
        spent_at: Option<DateTime<Utc>>,
        revoked_at: Option<DateTime<Utc>>,
    }
    let hashes: Vec<Vec<u8>> = token_hashes.iter().map(|h| h.to_vec()).collect();
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT l.token_hash, l.organisation_id, o.name AS organisation_name,
                    o.time_zone AS organisation_time_zone, l.record_id,
                r.module_id, l.form_id, f.name AS form_name, l.expires_at, l.spent_at,
                l.revoked_at
         FROM consent_links l
         JOIN organisations o ON o.id = l.organisation_id
         JOIN records r ON r.organisation_id = l.organisation_id AND r.id = l.record_id
         JOIN consent_forms f ON f.organisation_id = l.organisation_id AND f.id = l.form_id
         WHERE l.token_hash = ANY($1)",
    )
    .bind(&hashes)
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|row| {
            let link = ConsentLink {
                organisation: OrganisationId(row.organisation_id),
                organisation_name: row.organisation_name,
                organisation_time_zone: consentry_store::stored_time_zone(
                    row.organisation_time_zone,
                )?,
                record: RecordId(row.record_id),
                module: ModuleId(row.module_id),
                form: FormId(row.form_id),
                form_name: row.form_name,
                expires_at: row.expires_at,
                spent_at: row.spent_at,
                revoked_at: row.revoked_at,
            };
            Ok((row.token_hash.0, link))
        })
        .collect()
}

/// A message nobody is sending as of `now` (a parameter): unclaimed, its claim ran out, or
/// its claimant is an instance that stopped renewing its lease (killed mid-attempt).
fn claim_free(now: &str) -> String {
    format!(
        "(sending_until IS NULL OR sending_until <= {now}
          OR NOT EXISTS (SELECT 1 FROM instances i
                         WHERE i.id = outbox.sending_by AND i.alive_until >= {now}))"
    )
}
