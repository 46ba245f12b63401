//! The audit trail on SQLite: entries, their details and signed checkpoints. The rules (what
//! an entry's hash covers, what counts as broken) are the backend-neutral `store::chain`.

use consentry_store::crypto::hex;
use std::collections::BTreeMap;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use consentry_model::{
    OrganisationId,
    audit::{AuditAction, AuditCheckpoint, AuditEntry, AuditFilter, Redacted},
    webhooks::WebhookEvent,
};
use serde_json::json;
use sqlx::{QueryBuilder, Sqlite, SqliteConnection, SqlitePool};
use uuid::Uuid;

use super::{Bytes32, Millis, SqliteStore, corrupt, millis};
use consentry_store::{
    AuditNote, AuditStore, RaisedEvent, StoreResult,
    chain::{
        GENESIS, Head, Link, NewEntry, REDACTED, Redaction, StoredDetail, StoredEntry, detail_hash,
        entry_hash,
    },
    group::Raised,
};

/// Appends `note` to the organisation's chain inside the caller's transaction and returns its
/// place. The caller must hold the write lock (`BEGIN IMMEDIATE`), so no other writer can take
/// the same place in the chain.
pub(super) async fn append(
    conn: &mut SqliteConnection,
    organisation: OrganisationId,
    note: &AuditNote,
    at: DateTime<Utc>,
) -> StoreResult<u64> {
    let head = chain_head(&mut *conn, organisation).await?;
    let entry = NewEntry::after(organisation, head.as_ref(), note, millis(at));
    let seq = entry.seq;
    insert_entries(&mut *conn, &[(entry, consentry_store::keyed::current())]).await?;
    // Subscribed webhooks hear of it in the same transaction.
    super::webhooks::enqueue(conn, organisation, note, at).await?;
    Ok(seq)
}

/// The organisation's chain head as this transaction sees it (`None`: no entries yet).
pub(super) async fn chain_head(
    conn: &mut SqliteConnection,
    organisation: OrganisationId,
) -> StoreResult<Option<Head>> {
    Ok(head(conn, organisation).await?.map(|(seq, hash)| Head {
        seq,
        hash: hash.to_vec(),
    }))
}

/// The organisation's last entry: its place and hash, kept in `audit_heads` by triggers.
async fn head(
    conn: &mut SqliteConnection,
    organisation: OrganisationId,
) -> StoreResult<Option<(u64, [u8; 32])>> {
    let row: Option<(u64, Bytes32)> =
        sqlx::query_as("SELECT seq, hash FROM audit_heads WHERE organisation_id = ?1")
            .bind(organisation.0)
            .fetch_optional(&mut *conn)
            .await?;
    Ok(row.map(|(seq, Bytes32(hash))| (seq, hash)))
}

/// Writes hashed entries with their details, in multi-row statements. A keyed request's
/// change is noted under its claim in the same transaction: a retry after a crash can then
/// tell a change that committed from one that never happened.
pub(super) async fn insert_entries(
    conn: &mut SqliteConnection,
    entries: &[(NewEntry, Option<[u8; 16]>)],
) -> StoreResult<()> {
    if entries.is_empty() {
        return Ok(());
    }
    QueryBuilder::<Sqlite>::new(
        "INSERT INTO audit_log (organisation_id, seq, at, actor, action, subject, detail_hash,
                                prev_hash, hash) ",
    )
    .push_values(entries, |mut row, (entry, _)| {
        row.push_bind(entry.organisation.0)
            .push_bind(seq_column(entry.seq))
            .push_bind(entry.at_ms)
            .push_bind(&entry.actor)
            .push_bind(entry.action)
            .push_bind(&entry.subject)
            .push_bind(entry.detail.as_ref().map(|d| d.commitment.to_vec()))
            .push_bind(&entry.prev_hash)
            .push_bind(entry.hash.to_vec());
    })
    .build()
    .execute(&mut *conn)
    .await?;
    let details: Vec<&NewEntry> = entries
        .iter()
        .map(|(entry, _)| entry)
        .filter(|entry| entry.detail.is_some())
        .collect();
    if !details.is_empty() {
        QueryBuilder::<Sqlite>::new(
            "INSERT INTO audit_details (organisation_id, seq, salt, before, after) ",
        )
        .push_values(details, |mut row, entry| {
            let detail = entry.detail.as_ref();
            row.push_bind(entry.organisation.0)
                .push_bind(seq_column(entry.seq))
                .push_bind(detail.map(|d| d.salt.to_vec()))
                .push_bind(detail.map(|d| d.before.clone()))
                .push_bind(detail.map(|d| d.after.clone()));
        })
        .build()
        .execute(&mut *conn)
        .await?;
    }
    let keyed: Vec<(&NewEntry, [u8; 16])> = entries
        .iter()
        .filter_map(|(entry, claim)| claim.map(|c| (entry, c)))
        .collect();
    if !keyed.is_empty() {
        QueryBuilder::<Sqlite>::new(
            "INSERT OR IGNORE INTO idempotency_effects (claim_token, organisation_id, seq, action, at) ",
        )
        .push_values(keyed, |mut row, (entry, token)| {
            row.push_bind(token.to_vec())
                .push_bind(entry.organisation.0)
                .push_bind(seq_column(entry.seq))
                .push_bind(entry.action)
                .push_bind(entry.at_ms);
        })
        .build()
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

fn seq_column(seq: u64) -> i64 {
    i64::try_from(seq).unwrap_or(i64::MAX)
}

/// Deletes the details of the organisation's entries about `subjects` (ids) or mentioning
/// one of `needles` (lower-case values), except the entries verification needs, and records
/// the redaction as an entry of its own. Returns how many details went.
pub(super) async fn redact(
    conn: &mut SqliteConnection,
    organisation: OrganisationId,
    subjects: &[String],
    needles: &[String],
    note: AuditNote,
    request: Option<String>,
    at: DateTime<Utc>,
) -> StoreResult<usize> {
    let kept = json!(consentry_store::chain::NEVER_REDACTED).to_string();
    let seqs: Vec<(i64,)> = sqlx::query_as(
        "SELECT d.seq FROM audit_details d
         JOIN audit_log a ON a.organisation_id = d.organisation_id AND a.seq = d.seq
         WHERE d.organisation_id = ?1
           AND a.action NOT IN (SELECT value FROM json_each(?4))
           AND (a.subject IN (SELECT value FROM json_each(?2))
                OR EXISTS (SELECT 1 FROM json_each(?3) n
                           WHERE instr(lower(COALESCE(d.before, '') || ' ' || COALESCE(d.after, '')),
                                       n.value) > 0))
         ORDER BY d.seq",
    )
    .bind(organisation.0)
    .bind(json!(subjects).to_string())
    .bind(json!(needles).to_string())
    .bind(kept)
    .fetch_all(&mut *conn)
    .await?;
    if seqs.is_empty() {
        return Ok(0);
    }
    let seqs: Vec<u64> = seqs.into_iter().map(|(s,)| s.unsigned_abs()).collect();
    sqlx::query(
        "DELETE FROM audit_details
         WHERE organisation_id = ?1 AND seq IN (SELECT value FROM json_each(?2))",
    )
    .bind(organisation.0)
    .bind(json!(seqs).to_string())
    .execute(&mut *conn)
    .await?;
    let count = seqs.len();
    let redaction = Redaction {
        seqs,
        reason: consentry_model::audit::WrittenReason::Erasure
            .stored()
            .into(),
        request,
    };
    let note = AuditNote {
        action: AuditAction::AuditRedacted,
        after: serde_json::to_value(&redaction).ok(),
        ..note
    };
    append(conn, organisation, &note, at).await?;
    Ok(count)
}

#[derive(sqlx::FromRow)]
struct EntryRow {
    seq: i64,
    at: Millis,
    actor: String,
    action: String,
    subject: Option<String>,
    detail_hash: Option<Vec<u8>>,
    prev_hash: Vec<u8>,
    hash: Vec<u8>,
    salt: Option<Vec<u8>>,
    before: Option<String>,
    after: Option<String>,
}

const ENTRY_COLUMNS: &str = "a.seq, a.at, a.actor, a.action, a.subject, a.detail_hash, \
     a.prev_hash, a.hash, d.salt, d.before, d.after";
const ENTRY_FROM: &str = "audit_log a LEFT JOIN audit_details d \
     ON d.organisation_id = a.organisation_id AND d.seq = a.seq";

/// `WHERE` the entry (`a`) is the organisation's and matches `filter`.
fn push_audit_filter(
    query: &mut QueryBuilder<'_, Sqlite>,
    organisation: OrganisationId,
    filter: &AuditFilter,
) {
    query
        .push(" WHERE a.organisation_id = ")
        .push_bind(organisation.0);
    if let Some(action) = filter.action {
        query.push(" AND a.action = ").push_bind(action.code());
    }
    if let Some(actor) = &filter.actor {
        query.push(" AND a.actor = ").push_bind(actor.clone());
    }
    if let Some(from) = filter.from {
        query.push(" AND a.at >= ").push_bind(millis(from));
    }
    if let Some(until) = filter.until {
        query.push(" AND a.at < ").push_bind(millis(until));
    }
}

fn json_column(
    column: &'static str,
    text: Option<String>,
) -> StoreResult<Option<serde_json::Value>> {
    text.map(|t| serde_json::from_str(&t).map_err(|_| corrupt(column, "not JSON")))
        .transpose()
}

/// Which entries' details were redacted, and by which entry for what reason.
async fn redactions(
    pool: &SqlitePool,
    organisation: OrganisationId,
) -> StoreResult<BTreeMap<u64, Redacted>> {
    let rows: Vec<(i64, Option<String>)> = sqlx::query_as(
        "SELECT d.seq, d.after FROM audit_log a JOIN audit_details d
             ON d.organisation_id = a.organisation_id AND d.seq = a.seq
         WHERE a.organisation_id = ?1 AND a.action = ?2",
    )
    .bind(organisation.0)
    .bind(REDACTED)
    .fetch_all(pool)
    .await?;
    let mut redacted = BTreeMap::new();
    for (by, after) in rows {
        let redaction: Redaction = after
            .as_deref()
            .and_then(|a| serde_json::from_str(a).ok())
            .ok_or_else(|| corrupt("audit_details.after", "not a redaction"))?;
        for seq in redaction.seqs {
            redacted.entry(seq).or_insert(Redacted {
                by_seq: by.unsigned_abs(),
                reason: redaction.reason.clone(),
            });
        }
    }
    Ok(redacted)
}

fn entry_from(row: EntryRow, redacted: &BTreeMap<u64, Redacted>) -> StoreResult<AuditEntry> {
    let seq = row.seq.unsigned_abs();
    Ok(AuditEntry {
        seq,
        at: row.at.0,
        actor: row.actor,
        action: row.action,
        subject: row.subject,
        before: json_column("audit_details.before", row.before)?,
        after: json_column("audit_details.after", row.after)?,
        redacted: (row.detail_hash.is_some() && row.salt.is_none())
            .then(|| redacted.get(&seq).cloned())
            .flatten(),
        hash: hex(&row.hash),
    })
}

impl SqliteStore {
    async fn entries(
        &self,
        organisation: OrganisationId,
        rows: Vec<EntryRow>,
    ) -> StoreResult<Vec<AuditEntry>> {
        let redacted = if rows
            .iter()
            .any(|r| r.detail_hash.is_some() && r.salt.is_none())
        {
            redactions(&self.pool, organisation).await?
        } else {
            BTreeMap::new()
        };
        rows.into_iter().map(|r| entry_from(r, &redacted)).collect()
    }
}

#[async_trait]
impl AuditStore for SqliteStore {
    async fn append_audit(&self, organisation: OrganisationId, note: AuditNote) -> StoreResult<()> {
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        append(&mut tx, organisation, &note, Utc::now()).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn audit_entries(
        &self,
        organisation: OrganisationId,
        filter: &AuditFilter,
        before: Option<u64>,
        limit: u32,
    ) -> StoreResult<Vec<AuditEntry>> {
        let mut query = QueryBuilder::new(format!("SELECT {ENTRY_COLUMNS} FROM {ENTRY_FROM}"));
        push_audit_filter(&mut query, organisation, filter);
        if let Some(before) = before {
            query
                .push(" AND a.seq < ")
                .push_bind(i64::try_from(before).unwrap_or(i64::MAX));
        }
        query.push(" ORDER BY a.seq DESC LIMIT ").push_bind(limit);
        let rows: Vec<EntryRow> = query.build_query_as().fetch_all(&self.pool).await?;
        self.entries(organisation, rows).await
    }

    async fn count_audit(
        &self,
        organisation: OrganisationId,
        filter: &AuditFilter,
    ) -> StoreResult<u64> {
        let mut query = QueryBuilder::new("SELECT COUNT(*) FROM audit_log a");
        push_audit_filter(&mut query, organisation, filter);
        let (count,): (i64,) = query.build_query_as().fetch_one(&self.pool).await?;
        Ok(u64::try_from(count).unwrap_or_default())
    }

    async fn audit_actors(&self, organisation: OrganisationId) -> StoreResult<Vec<String>> {
        Ok(sqlx::query_scalar(
            "SELECT DISTINCT actor FROM audit_log WHERE organisation_id = ?1 ORDER BY actor",
        )
        .bind(organisation.0)
        .fetch_all(&self.pool)
        .await?)
    }

    async fn audit_entries_about(
        &self,
        organisation: OrganisationId,
        subjects: &[String],
    ) -> StoreResult<Vec<AuditEntry>> {
        // `subject IN (SELECT value FROM json_each(?))`: one bound value for any number of ids.
        let rows: Vec<EntryRow> = sqlx::query_as(&format!(
            "SELECT {ENTRY_COLUMNS} FROM {ENTRY_FROM}
             WHERE a.organisation_id = ?1 AND a.subject IN (SELECT value FROM json_each(?2))
             ORDER BY a.seq"
        ))
        .bind(organisation.0)
        .bind(json!(subjects).to_string())
        .fetch_all(&self.pool)
        .await?;
        self.entries(organisation, rows).await
    }

    async fn audit_chain(
        &self,
        organisation: OrganisationId,
    ) -> StoreResult<(Vec<StoredEntry>, BTreeMap<u64, StoredDetail>)> {
        let rows: Vec<EntryRow> = sqlx::query_as(&format!(
            "SELECT {ENTRY_COLUMNS} FROM {ENTRY_FROM} WHERE a.organisation_id = ?1 ORDER BY a.seq"
        ))
        .bind(organisation.0)
        .fetch_all(&self.pool)
        .await?;
        // Details whose entry is gone are not part of any chain: nothing to check them by.
        let mut details = BTreeMap::new();
        let mut entries = Vec::with_capacity(rows.len());
        for row in rows {
            let seq = row.seq.unsigned_abs();
            if let Some(salt) = row.salt {
                details.insert(
                    seq,
                    StoredDetail {
                        salt,
                        before: row.before,
                        after: row.after,
                    },
                );
            }
            entries.push(StoredEntry {
                seq,
                at_ms: millis(row.at.0),
                actor: row.actor,
                action: row.action,
                subject: row.subject,
                detail_hash: row.detail_hash,
                prev_hash: row.prev_hash,
                hash: row.hash,
            });
        }
        Ok((entries, details))
    }

    async fn audit_head(
        &self,
        organisation: OrganisationId,
    ) -> StoreResult<Option<(u64, [u8; 32])>> {
        let mut conn = self.pool.acquire().await?;
        head(&mut conn, organisation).await
    }

    async fn audit_checkpoints(
        &self,
        organisation: OrganisationId,
    ) -> StoreResult<Vec<AuditCheckpoint>> {
        let rows: Vec<(u64, Vec<u8>, Millis, String)> = sqlx::query_as(
            "SELECT seq, head, at, jws FROM audit_checkpoints WHERE organisation_id = ?1
             ORDER BY seq DESC",
        )
        .bind(organisation.0)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(seq, head, at, jws)| AuditCheckpoint {
                seq,
                head: hex(&head),
                at: at.0,
                jws,
            })
            .collect())
    }

    async fn insert_checkpoint(
        &self,
        organisation: OrganisationId,
        checkpoint: &AuditCheckpoint,
        head_hash: [u8; 32],
    ) -> StoreResult<bool> {
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        // Signed outside the transaction: only valid when the head is still that entry's.
        let current = head(&mut tx, organisation).await?;
        if current != Some((checkpoint.seq, head_hash)) {
            return Ok(false);
        }
        // Signed meanwhile by another request: that checkpoint stands.
        let kept = sqlx::query(
            "INSERT INTO audit_checkpoints (organisation_id, seq, head, at, jws)
             VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (organisation_id, seq) DO NOTHING",
        )
        .bind(organisation.0)
        .bind(i64::try_from(checkpoint.seq).unwrap_or(i64::MAX))
        .bind(head_hash.as_slice())
        .bind(millis(checkpoint.at))
        .bind(&checkpoint.jws)
        .execute(&mut *tx)
        .await?;
        if kept.rows_affected() == 0 {
            return Ok(false);
        }
        // A copy leaves the database with the same commit: subscribed receivers keep it.
        super::webhooks::enqueue_raised(
            &mut tx,
            &[Raised {
                organisation,
                subject: None,
                event: RaisedEvent {
                    event: WebhookEvent::AuditCheckpoint,
                    id: Uuid::now_v7(),
                    facts: json!({ "checkpoint": checkpoint }),
                },
                at: checkpoint.at,
            }],
        )
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    async fn reseal_legacy_chains(
        &self,
        skip: &[OrganisationId],
    ) -> StoreResult<Vec<OrganisationId>> {
        let pending: Vec<(Uuid, Vec<u8>, i64)> =
            sqlx::query_as("SELECT organisation_id, old_head, old_entries FROM audit_rechain")
                .fetch_all(&self.pool)
                .await?;
        let mut refused = Vec::new();
        for (organisation, old_head, old_entries) in pending {
            let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
            if skip.contains(&OrganisationId(organisation)) {
                sqlx::query("DELETE FROM audit_rechain WHERE organisation_id = ?1")
                    .bind(organisation)
                    .execute(&mut *tx)
                    .await?;
                tx.commit().await?;
                refused.push(OrganisationId(organisation));
                continue;
            }
            let rows: Vec<EntryRow> = sqlx::query_as(&format!(
            "SELECT {ENTRY_COLUMNS} FROM {ENTRY_FROM} WHERE a.organisation_id = ?1 ORDER BY a.seq"
        ))
        .bind(organisation)
        .fetch_all(&mut *tx)
        .await?;
            let mut prev = GENESIS.to_vec();
            for row in rows {
                let commitment = row
                    .salt
                    .as_ref()
                    .map(|salt| detail_hash(salt, row.before.as_deref(), row.after.as_deref()));
                let hash = entry_hash(
                    &prev,
                    Link {
                        seq: row.seq.unsigned_abs(),
                        at_ms: millis(row.at.0),
                        actor: &row.actor,
                        action: &row.action,
                        subject: row.subject.as_deref(),
                        detail: commitment.as_ref().map(|c| c.as_slice()),
                    },
                );
                sqlx::query(
                    "UPDATE audit_log SET detail_hash = ?3, prev_hash = ?4, hash = ?5
                 WHERE organisation_id = ?1 AND seq = ?2",
                )
                .bind(organisation)
                .bind(row.seq)
                .bind(commitment.map(|c| c.to_vec()))
                .bind(&prev)
                .bind(hash.as_slice())
                .execute(&mut *tx)
                .await?;
                prev = hash.to_vec();
            }
            sqlx::query("DELETE FROM audit_rechain WHERE organisation_id = ?1")
                .bind(organisation)
                .execute(&mut *tx)
                .await?;
            append(
                &mut tx,
                OrganisationId(organisation),
                &AuditNote {
                    actor: consentry_model::audit::Actor::System.stored_name().into(),
                    action: AuditAction::ChainResealed,
                    subject: None,
                    before: Some(json!({ "head": hex(&old_head), "entries": old_entries })),
                    after: None,
                },
                Utc::now(),
            )
            .await?;
            tx.commit().await?;
        }
        Ok(refused)
    }

    fn audit_key(&self) -> [u8; 32] {
        self.vault.derive("consentry audit checkpoint key")
    }
}
