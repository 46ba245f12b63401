//! The audit trail on PostgreSQL: entries, their details and signed checkpoints, one linear
//! hash chain per organisation also when writers on several server instances append at once.
//! The rules (what an entry's hash covers, what counts as broken) are the backend-neutral
//! `store::chain`.

use std::collections::BTreeMap;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use consentry_model::{
    OrganisationId,
    audit::{AuditAction, AuditCheckpoint, AuditEntry, AuditFilter, Redacted},
    webhooks::WebhookEvent,
};
use consentry_store::{
    AuditNote, AuditStore, RaisedEvent, StoreResult,
    chain::{
        Head, NEVER_REDACTED, NewDetail, NewEntry, REDACTED, Redaction, StoredDetail, StoredEntry,
    },
    crypto::hex,
    group::Raised,
};
use serde_json::json;
use sqlx::{PgConnection, PgPool, Postgres, QueryBuilder};
use uuid::Uuid;

use super::{Bytes32, PostgresStore, corrupt, millis, webhooks};

/// Appends `note` to the organisation's chain in the caller's transaction (which commits it
/// with the change it records), and queues the webhooks it raises; its place in the chain.
/// Appends to one chain wait for each other until their transactions end, whichever
/// instance runs them, so each extends the head the one before it left.
pub(crate) async fn append(
    conn: &mut PgConnection,
    organisation: OrganisationId,
    note: &AuditNote,
    at: DateTime<Utc>,
) -> StoreResult<u64> {
    lock_chain(conn, organisation).await?;
    let head = chain_head(conn, organisation).await?;
    let entry = NewEntry::after(
        organisation,
        head.as_ref(),
        note,
        millis(at).timestamp_millis(),
    );
    let seq = entry.seq;
    insert_entries(conn, &[(entry, consentry_store::keyed::current())]).await?;
    // Subscribed webhooks hear of it in the same transaction.
    webhooks::enqueue(conn, organisation, note, at).await?;
    Ok(seq)
}

/// Takes the organisation's chain for the caller's transaction: appends to it from any
/// instance wait until that transaction ends.
pub(crate) async fn lock_chain(
    conn: &mut PgConnection,
    organisation: OrganisationId,
) -> StoreResult<()> {
    sqlx::query("SELECT pg_advisory_xact_lock($1)")
        .bind(chain_lock(organisation))
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// The advisory lock that serialises appends to one organisation's chain.
fn chain_lock(organisation: OrganisationId) -> i64 {
    let bytes = organisation.0.as_u128();
    ((bytes >> 64) as i64) ^ (bytes as i64)
}

/// The organisation's chain head as this transaction sees it (`None`: no entries yet); the
/// one to extend when the caller holds the chain ([`lock_chain`]).
pub(super) async fn chain_head(
    conn: &mut PgConnection,
    organisation: OrganisationId,
) -> StoreResult<Option<Head>> {
    Ok(head(conn, organisation).await?.map(|(seq, hash)| Head {
        seq,
        hash: hash.to_vec(),
    }))
}

/// The organisation's last entry: its place and hash, kept in `audit_heads` by triggers.
async fn head(
    conn: &mut PgConnection,
    organisation: OrganisationId,
) -> StoreResult<Option<(u64, [u8; 32])>> {
    let row: Option<(i64, Bytes32)> =
        sqlx::query_as("SELECT seq, hash FROM audit_heads WHERE organisation_id = $1")
            .bind(organisation.0)
            .fetch_optional(&mut *conn)
            .await?;
    Ok(row.map(|(seq, Bytes32(hash))| (seq.unsigned_abs(), hash)))
}

/// Writes hashed entries with their details, each table in one statement of arrays. A keyed
/// request's change is noted under its claim in the same transaction: a retry after a crash
/// can then tell a change that committed from one that never happened. The caller holds the
/// chains the entries extend ([`lock_chain`]).
pub(super) async fn insert_entries(
    conn: &mut PgConnection,
    entries: &[(NewEntry, Option<[u8; 16]>)],
) -> StoreResult<()> {
    if entries.is_empty() {
        return Ok(());
    }
    sqlx::query(
        "INSERT INTO audit_log (organisation_id, seq, at, actor, action, subject, detail_hash,
                                prev_hash, hash)
         SELECT * FROM UNNEST($1::uuid[], $2::bigint[], $3::timestamptz[], $4::text[],
                              $5::text[], $6::text[], $7::bytea[], $8::bytea[], $9::bytea[])",
    )
    .bind(
        entries
            .iter()
            .map(|(e, _)| e.organisation.0)
            .collect::<Vec<_>>(),
    )
    .bind(
        entries
            .iter()
            .map(|(e, _)| seq_column(e.seq))
            .collect::<Vec<_>>(),
    )
    .bind(
        entries
            .iter()
            .map(|(e, _)| at_column(e.at_ms))
            .collect::<Vec<_>>(),
    )
    .bind(
        entries
            .iter()
            .map(|(e, _)| e.actor.as_str())
            .collect::<Vec<_>>(),
    )
    .bind(entries.iter().map(|(e, _)| e.action).collect::<Vec<_>>())
    .bind(
        entries
            .iter()
            .map(|(e, _)| e.subject.as_deref())
            .collect::<Vec<_>>(),
    )
    .bind(
        entries
            .iter()
            .map(|(e, _)| e.detail.as_ref().map(|d| d.commitment.to_vec()))
            .collect::<Vec<_>>(),
    )
    .bind(
        entries
            .iter()
            .map(|(e, _)| e.prev_hash.clone())
            .collect::<Vec<_>>(),
    )
    .bind(
        entries
            .iter()
            .map(|(e, _)| e.hash.to_vec())
            .collect::<Vec<_>>(),
    )
    .execute(&mut *conn)
    .await?;
    let details: Vec<(&NewEntry, &NewDetail)> = entries
        .iter()
        .filter_map(|(entry, _)| entry.detail.as_ref().map(|detail| (entry, detail)))
        .collect();
    if !details.is_empty() {
        // `json` keeps the text as written: the commitment is over these bytes.
        sqlx::query(
            "INSERT INTO audit_details (organisation_id, seq, salt, before, after)
             SELECT organisation_id, seq, salt, before::json, after::json
             FROM UNNEST($1::uuid[], $2::bigint[], $3::bytea[], $4::text[], $5::text[])
                  AS d(organisation_id, seq, salt, before, after)",
        )
        .bind(
            details
                .iter()
                .map(|(e, _)| e.organisation.0)
                .collect::<Vec<_>>(),
        )
        .bind(
            details
                .iter()
                .map(|(e, _)| seq_column(e.seq))
                .collect::<Vec<_>>(),
        )
        .bind(
            details
                .iter()
                .map(|(_, d)| d.salt.to_vec())
                .collect::<Vec<_>>(),
        )
        .bind(
            details
                .iter()
                .map(|(_, d)| d.before.as_deref())
                .collect::<Vec<_>>(),
        )
        .bind(
            details
                .iter()
                .map(|(_, d)| d.after.as_deref())
                .collect::<Vec<_>>(),
        )
        .execute(&mut *conn)
        .await?;
    }
    let keyed: Vec<(&NewEntry, [u8; 16])> = entries
        .iter()
        .filter_map(|(entry, claim)| claim.map(|c| (entry, c)))
        .collect();
    if !keyed.is_empty() {
        sqlx::query(
            "INSERT INTO idempotency_effects (claim_token, organisation_id, seq, action, at)
             SELECT * FROM UNNEST($1::bytea[], $2::uuid[], $3::bigint[], $4::text[],
                                  $5::timestamptz[])
             ON CONFLICT DO NOTHING",
        )
        .bind(
            keyed
                .iter()
                .map(|(_, token)| token.to_vec())
                .collect::<Vec<_>>(),
        )
        .bind(
            keyed
                .iter()
                .map(|(e, _)| e.organisation.0)
                .collect::<Vec<_>>(),
        )
        .bind(
            keyed
                .iter()
                .map(|(e, _)| seq_column(e.seq))
                .collect::<Vec<_>>(),
        )
        .bind(keyed.iter().map(|(e, _)| e.action).collect::<Vec<_>>())
        .bind(
            keyed
                .iter()
                .map(|(e, _)| at_column(e.at_ms))
                .collect::<Vec<_>>(),
        )
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// `WHERE` the entry (`a`) is the organisation's and matches `filter`.
fn push_audit_filter(
    query: &mut QueryBuilder<'_, Postgres>,
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
        query.push(" AND a.at >= ").push_bind(from);
    }
    if let Some(until) = filter.until {
        query.push(" AND a.at < ").push_bind(until);
    }
}

fn seq_column(seq: u64) -> i64 {
    i64::try_from(seq).unwrap_or(i64::MAX)
}

/// An entry's time (Unix milliseconds, as its hash covers it) as a `timestamptz`.
fn at_column(at_ms: i64) -> DateTime<Utc> {
    DateTime::<Utc>::from_timestamp_millis(at_ms).unwrap_or_default()
}

/// Deletes the details of the organisation's entries about `subjects` (ids) or mentioning
/// one of `needles` (lower-case values), except the entries verification needs, and records
/// the redaction as an entry of its own. Returns how many details went. The chain is held
/// first, so an entry committed by any instance before the erasure is redacted with it.
pub(super) async fn redact(
    conn: &mut PgConnection,
    organisation: OrganisationId,
    subjects: &[String],
    needles: &[String],
    note: AuditNote,
    request: Option<String>,
    at: DateTime<Utc>,
) -> StoreResult<usize> {
    lock_chain(conn, organisation).await?;
    let gone: Vec<(i64,)> = sqlx::query_as(
        "DELETE FROM audit_details d USING audit_log a
         WHERE a.organisation_id = d.organisation_id AND a.seq = d.seq
           AND d.organisation_id = $1
           AND a.action <> ALL($4::text[])
           AND (a.subject = ANY($2::text[])
                OR EXISTS (SELECT 1 FROM UNNEST($3::text[]) AS n(value)
                           WHERE strpos(lower(COALESCE(d.before::text, '') || ' '
                                              || COALESCE(d.after::text, '')),
                                        n.value) > 0))
         RETURNING d.seq",
    )
    .bind(organisation.0)
    .bind(subjects)
    .bind(needles)
    .bind(NEVER_REDACTED.as_slice())
    .fetch_all(&mut *conn)
    .await?;
    if gone.is_empty() {
        return Ok(0);
    }
    let mut seqs: Vec<u64> = gone.into_iter().map(|(s,)| s.unsigned_abs()).collect();
    seqs.sort_unstable();
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
    at: DateTime<Utc>,
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

/// The details read as the text they were written as (`json` keeps it byte for byte).
const ENTRY_COLUMNS: &str = "a.seq, a.at, a.actor, a.action, a.subject, a.detail_hash, \
     a.prev_hash, a.hash, d.salt, d.before::text AS before, d.after::text AS after";
const ENTRY_FROM: &str = "audit_log a LEFT JOIN audit_details d \
     ON d.organisation_id = a.organisation_id AND d.seq = a.seq";

fn json_column(
    column: &'static str,
    text: Option<String>,
) -> StoreResult<Option<serde_json::Value>> {
    text.map(|t| serde_json::from_str(&t).map_err(|_| corrupt(column, "not JSON")))
        .transpose()
}

/// Which entries' details were redacted, and by which entry for what reason.
async fn redactions(
    pool: &PgPool,
    organisation: OrganisationId,
) -> StoreResult<BTreeMap<u64, Redacted>> {
    let rows: Vec<(i64, Option<String>)> = sqlx::query_as(
        "SELECT d.seq, d.after::text FROM audit_log a JOIN audit_details d
             ON d.organisation_id = a.organisation_id AND d.seq = a.seq
         WHERE a.organisation_id = $1 AND a.action = $2",
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
        at: row.at,
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

/// Every entry of the organisation with its detail, oldest first, as the connection sees
/// them.
async fn chain_rows(
    conn: &mut PgConnection,
    organisation: OrganisationId,
) -> StoreResult<Vec<EntryRow>> {
    Ok(sqlx::query_as(&format!(
        "SELECT {ENTRY_COLUMNS} FROM {ENTRY_FROM} WHERE a.organisation_id = $1 ORDER BY a.seq"
    ))
    .bind(organisation.0)
    .fetch_all(&mut *conn)
    .await?)
}

impl PostgresStore {
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
impl AuditStore for PostgresStore {
    async fn append_audit(&self, organisation: OrganisationId, note: AuditNote) -> StoreResult<()> {
        let mut tx = self.pool.begin().await?;
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
            query.push(" AND a.seq < ").push_bind(seq_column(before));
        }
        query
            .push(" ORDER BY a.seq DESC LIMIT ")
            .push_bind(i64::from(limit));
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
            "SELECT DISTINCT actor FROM audit_log WHERE organisation_id = $1 ORDER BY actor",
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
        // One bound array for any number of ids.
        let rows: Vec<EntryRow> = sqlx::query_as(&format!(
            "SELECT {ENTRY_COLUMNS} FROM {ENTRY_FROM}
             WHERE a.organisation_id = $1 AND a.subject = ANY($2::text[])
             ORDER BY a.seq"
        ))
        .bind(organisation.0)
        .bind(subjects)
        .fetch_all(&self.pool)
        .await?;
        self.entries(organisation, rows).await
    }

    async fn audit_chain(
        &self,
        organisation: OrganisationId,
    ) -> StoreResult<(Vec<StoredEntry>, BTreeMap<u64, StoredDetail>)> {
        let mut conn = self.pool.acquire().await?;
        let rows = chain_rows(&mut conn, organisation).await?;
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
                at_ms: row.at.timestamp_millis(),
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
        let rows: Vec<(i64, Vec<u8>, DateTime<Utc>, String)> = sqlx::query_as(
            "SELECT seq, head, at, jws FROM audit_checkpoints WHERE organisation_id = $1
             ORDER BY seq DESC",
        )
        .bind(organisation.0)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(seq, head, at, jws)| AuditCheckpoint {
                seq: seq.unsigned_abs(),
                head: hex(&head),
                at,
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
        let mut tx = self.pool.begin().await?;
        // Signed outside the transaction: only valid when the head is still that entry's,
        // which it stays while this transaction holds the chain.
        lock_chain(&mut tx, organisation).await?;
        let current = head(&mut tx, organisation).await?;
        if current != Some((checkpoint.seq, head_hash)) {
            return Ok(false);
        }
        // Signed meanwhile by another request: that checkpoint stands.
        let kept = sqlx::query(
            "INSERT INTO audit_checkpoints (organisation_id, seq, head, at, jws)
             VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (organisation_id, seq) DO NOTHING",
        )
        .bind(organisation.0)
        .bind(seq_column(checkpoint.seq))
        .bind(head_hash.as_slice())
        .bind(millis(checkpoint.at))
        .bind(&checkpoint.jws)
        .execute(&mut *tx)
        .await?;
        if kept.rows_affected() == 0 {
            return Ok(false);
        }
        // A copy leaves the database with the same commit: subscribed receivers keep it.
        webhooks::enqueue_raised(
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

    /// Trails on PostgreSQL were never written in the form from before details moved out of
    /// the chain (a move from SQLite reads an up-to-date source): none is ever hashed anew,
    /// and the database refuses every change to an entry (migration 0011).
    async fn reseal_legacy_chains(
        &self,
        _skip: &[OrganisationId],
    ) -> StoreResult<Vec<OrganisationId>> {
        Ok(Vec::new())
    }

    fn audit_key(&self) -> [u8; 32] {
        self.vault.derive("consentry audit checkpoint key")
    }
}

/// What other modules' transactions call (redaction inside an erasure, the group commit's
/// writes) is tested here, on a database of its own in the server
/// `CONSENTRY_TEST_POSTGRES_URL` names.
#[cfg(test)]
mod tests {
    use consentry_model::audit::AuditVerdict;
    use consentry_store::{AuditStore, chain};
    use sqlx::{Connection, Executor};

    use super::*;

    /// A fresh database, its URL, and what drops it.
    async fn scratch() -> (String, impl AsyncFnOnce()) {
        let admin = std::env::var("CONSENTRY_TEST_POSTGRES_URL")
            .expect("CONSENTRY_TEST_POSTGRES_URL names the PostgreSQL server tests use");
        let name = format!("consentry_audit_{}", Uuid::new_v4().simple());
        let mut conn = PgConnection::connect(&admin)
            .await
            .expect("the test server");
        conn.execute(format!("CREATE DATABASE {name}").as_str())
            .await
            .expect("create database");
        let url = match admin.rsplit_once('/') {
            Some((server, _)) => format!("{server}/{name}"),
            None => panic!("a URL with a database: {admin}"),
        };
        let drop = async move || {
            conn.execute(format!("DROP DATABASE {name} WITH (FORCE)").as_str())
                .await
                .expect("drop database");
        };
        (url, drop)
    }

    async fn store(url: &str) -> PostgresStore {
        let master = consentry_store::crypto::MasterKey::from_base64(
            "BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc=",
        )
        .expect("a master key");
        PostgresStore::connect(url, master)
            .await
            .expect("the store opens")
    }

    fn note(subject: &str, after: serde_json::Value) -> AuditNote {
        AuditNote {
            actor: "ada@acme.example".into(),
            action: AuditAction::RecordUpdated,
            subject: Some(subject.into()),
            before: None,
            after: Some(after),
        }
    }

    /// Erases in one transaction, as an erasure does.
    async fn erase(
        store: &PostgresStore,
        organisation: OrganisationId,
        subjects: &[&str],
        needles: &[&str],
        request: &str,
    ) -> usize {
        let mut tx = store.pool.begin().await.expect("begin");
        let subjects: Vec<String> = subjects.iter().map(|s| (*s).to_owned()).collect();
        let needles: Vec<String> = needles.iter().map(|s| (*s).to_owned()).collect();
        let count = redact(
            &mut tx,
            organisation,
            &subjects,
            &needles,
            AuditNote {
                actor: "ada@acme.example".into(),
                action: AuditAction::AuditRedacted,
                subject: Some(request.into()),
                before: None,
                after: None,
            },
            Some(request.into()),
            Utc::now(),
        )
        .await
        .expect("redacted");
        tx.commit().await.expect("commit");
        count
    }

    async fn verdict(store: &PostgresStore, organisation: OrganisationId) -> AuditVerdict {
        let noted = store.audit_head(organisation).await.expect("head");
        let (entries, details) = store.audit_chain(organisation).await.expect("chain");
        chain::verify(&entries, &details, &[], true, noted.map(|(seq, _)| seq))
    }

    #[tokio::test]
    async fn an_erased_subjects_details_go_and_the_chain_still_verifies() {
        let (url, drop) = scratch().await;
        let a = store(&url).await;
        let b = store(&url).await;
        let organisation = OrganisationId(Uuid::now_v7());
        sqlx::query(
            "INSERT INTO organisations (id, name, slug, created_at) VALUES ($1, 'Acme', 'acme', now())",
        )
        .bind(organisation.0)
        .execute(&a.pool)
        .await
        .expect("organisation");
        let entries = [
            note("rec-1", json!({ "email": "ada@example.org" })),
            note("rec-2", json!({ "note": "Wrote to ADA@Example.org" })),
            note("rec-3", json!({ "status": "obtained" })),
        ];
        for entry in entries {
            a.append_audit(organisation, entry).await.expect("appended");
        }
        // Nothing of theirs: nothing goes, nothing is recorded.
        assert_eq!(
            erase(&a, organisation, &["rec-9"], &["bob@example.org"], "req-0").await,
            0
        );
        // Erased on one instance while the other appends.
        let appends =
            (0..10).map(|n| b.append_audit(organisation, note("rec-4", json!({ "n": n }))));
        let (count, appended) = futures::future::join(
            erase(&a, organisation, &["rec-1"], &["ada@example.org"], "req-1"),
            futures::future::join_all(appends),
        )
        .await;
        assert!(appended.iter().all(Result::is_ok));
        assert_eq!(count, 2, "by subject and by value, whatever its case");
        match verdict(&a, organisation).await {
            AuditVerdict::Intact {
                entries, redacted, ..
            } => assert_eq!((entries, redacted), (14, 2)),
            broken => panic!("{broken:?}"),
        }
        let listed = a
            .audit_entries_about(
                organisation,
                &["rec-1".into(), "rec-2".into(), "rec-3".into()],
            )
            .await
            .expect("entries");
        let redaction = a
            .audit_entries(
                organisation,
                &AuditFilter {
                    action: Some(AuditAction::AuditRedacted),
                    ..AuditFilter::default()
                },
                None,
                10,
            )
            .await
            .expect("entries");
        assert_eq!(redaction.len(), 1);
        let by = redaction[0].seq;
        assert_eq!(
            redaction[0].after,
            Some(json!({ "seqs": [1, 2], "reason": "erasure", "request": "req-1" }))
        );
        for entry in &listed[..2] {
            assert_eq!(
                (
                    &entry.after,
                    entry
                        .redacted
                        .as_ref()
                        .map(|r| (r.by_seq, r.reason.as_str()))
                ),
                (&None, Some((by, "erasure")))
            );
        }
        assert_eq!(listed[2].after, Some(json!({ "status": "obtained" })));
        assert!(listed[2].redacted.is_none());
        // A later erasure naming that request keeps the entry that records the redaction.
        assert_eq!(
            erase(&a, organisation, &["req-1", "rec-3"], &[], "req-2").await,
            1
        );
        match verdict(&a, organisation).await {
            AuditVerdict::Intact {
                entries, redacted, ..
            } => assert_eq!((entries, redacted), (15, 3)),
            broken => panic!("{broken:?}"),
        }
        a.pool.close().await;
        b.pool.close().await;
        drop().await;
    }

    #[tokio::test]
    async fn entries_computed_ahead_extend_their_chains_with_their_deliveries_and_claims() {
        let (url, drop) = scratch().await;
        let store = store(&url).await;
        let mut organisations = Vec::new();
        for slug in ["acme", "globex"] {
            let organisation = OrganisationId(Uuid::now_v7());
            sqlx::query(
                "INSERT INTO organisations (id, name, slug, created_at) VALUES ($1, $2, $2, now())",
            )
            .bind(organisation.0)
            .bind(slug)
            .execute(&store.pool)
            .await
            .expect("organisation");
            sqlx::query(
                "INSERT INTO webhooks (id, organisation_id, url, events, secret, created_by,
                                       created_at)
                 VALUES ($1, $2, 'https://crm.example/hook', '[\"consent.changed\"]', '', 'Ada',
                         now())",
            )
            .bind(Uuid::now_v7())
            .bind(organisation.0)
            .execute(&store.pool)
            .await
            .expect("webhook");
            organisations.push(organisation);
        }
        let (acme, globex) = (organisations[0], organisations[1]);
        store
            .append_audit(acme, note("rec-0", json!({ "status": "waiting" })))
            .await
            .expect("appended");
        // The group commit: chains held, heads read, entries and events computed, then written.
        let mut tx = store.pool.begin().await.expect("begin");
        let mut entries = Vec::new();
        let mut raised = Vec::new();
        for organisation in [acme, globex] {
            lock_chain(&mut tx, organisation).await.expect("held");
            let mut head = chain_head(&mut tx, organisation).await.expect("head");
            for n in 1..=2 {
                let mut answered = note(&format!("rec-{n}"), json!({ "status": "obtained" }));
                answered.action = AuditAction::ConsentAnswered;
                let entry = NewEntry::after(
                    organisation,
                    head.as_ref(),
                    &answered,
                    millis(Utc::now()).timestamp_millis(),
                );
                head = Some(entry.head());
                let claim = (organisation == globex && n == 2).then_some([7u8; 16]);
                entries.push((entry, claim));
                raised.extend(
                    consentry_store::raised_events(&answered)
                        .into_iter()
                        .map(|event| Raised {
                            organisation,
                            subject: answered.subject.clone(),
                            event,
                            at: Utc::now(),
                        }),
                );
            }
        }
        insert_entries(&mut tx, &entries).await.expect("written");
        webhooks::enqueue_raised(&mut tx, &raised)
            .await
            .expect("queued");
        tx.commit().await.expect("commit");
        for (organisation, count) in [(acme, 3), (globex, 2)] {
            match verdict(&store, organisation).await {
                AuditVerdict::Intact { entries, .. } => assert_eq!(entries, count),
                broken => panic!("{broken:?}"),
            }
        }
        let effects: Vec<(Vec<u8>, Uuid, i64, String)> = sqlx::query_as(
            "SELECT claim_token, organisation_id, seq, action FROM idempotency_effects",
        )
        .fetch_all(&store.pool)
        .await
        .expect("effects");
        assert_eq!(
            effects,
            [(vec![7u8; 16], globex.0, 2, "consent.answered".to_owned())]
        );
        let deliveries: Vec<(Uuid, Option<String>)> =
            sqlx::query_as("SELECT organisation_id, subject FROM webhook_deliveries ORDER BY id")
                .fetch_all(&store.pool)
                .await
                .expect("deliveries");
        assert_eq!(
            deliveries,
            [
                (acme.0, Some("rec-1".to_owned())),
                (acme.0, Some("rec-2".to_owned())),
                (globex.0, Some("rec-1".to_owned())),
                (globex.0, Some("rec-2".to_owned())),
            ]
        );
        store.pool.close().await;
        drop().await;
    }
}
