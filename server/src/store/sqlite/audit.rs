//! The audit trail on SQLite.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use consentry_model::{
    OrganisationId,
    audit::{AuditEntry, AuditVerdict},
};
use sqlx::SqliteConnection;

use super::{SqliteStore, from_millis, millis};
use crate::store::{
    AuditNote, AuditStore, StoreResult,
    chain::{GENESIS, Link, entry_hash},
};

/// Appends `note` to the organisation's chain inside the caller's transaction. The caller
/// must hold the write lock (`BEGIN IMMEDIATE`), so no other writer can take the same place
/// in the chain.
pub(super) async fn append(
    conn: &mut SqliteConnection,
    organisation: OrganisationId,
    note: &AuditNote,
    at: DateTime<Utc>,
) -> StoreResult<()> {
    let last: Option<(i64, Vec<u8>)> = sqlx::query_as(
        "SELECT seq, hash FROM audit_log WHERE organisation_id = ?1 ORDER BY seq DESC LIMIT 1",
    )
    .bind(organisation.0)
    .fetch_optional(&mut *conn)
    .await?;
    let (seq, prev) = last.map_or((1, GENESIS.to_vec()), |(s, h)| (s + 1, h));
    let before = note.before.as_ref().map(ToString::to_string);
    let after = note.after.as_ref().map(ToString::to_string);
    let hash = entry_hash(
        &prev,
        Link {
            seq: seq.unsigned_abs(),
            at_ms: millis(at),
            actor: &note.actor,
            action: note.action.code(),
            subject: note.subject.as_deref(),
            before: before.as_deref(),
            after: after.as_deref(),
        },
    );
    sqlx::query(
        "INSERT INTO audit_log (organisation_id, seq, at, actor, action, subject, before, after,
                                prev_hash, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )
    .bind(organisation.0)
    .bind(seq)
    .bind(millis(at))
    .bind(&note.actor)
    .bind(note.action.code())
    .bind(&note.subject)
    .bind(before)
    .bind(after)
    .bind(prev)
    .bind(&hash[..])
    .execute(&mut *conn)
    .await?;
    // Subscribed webhooks hear of it in the same transaction.
    super::webhooks::enqueue(conn, organisation, note, at).await?;
    Ok(())
}

type AuditRow = (
    i64,
    i64,
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Vec<u8>,
    Vec<u8>,
);

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn entry_from((seq, at, actor, action, subject, before, after, _, hash): AuditRow) -> AuditEntry {
    AuditEntry {
        seq: seq.unsigned_abs(),
        at: from_millis(at),
        actor,
        action,
        subject,
        before: before.and_then(|b| serde_json::from_str(&b).ok()),
        after: after.and_then(|a| serde_json::from_str(&a).ok()),
        hash: hex(&hash),
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
        action: Option<&str>,
        before: Option<u64>,
        limit: u32,
    ) -> StoreResult<Vec<AuditEntry>> {
        let rows: Vec<AuditRow> = sqlx::query_as(
            "SELECT seq, at, actor, action, subject, before, after, prev_hash, hash
             FROM audit_log
             WHERE organisation_id = ?1 AND (?2 IS NULL OR action = ?2) AND (?3 IS NULL OR seq < ?3)
             ORDER BY seq DESC LIMIT ?4",
        )
        .bind(organisation.0)
        .bind(action)
        .bind(before.map(|b| i64::try_from(b).unwrap_or(i64::MAX)))
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(entry_from).collect())
    }

    async fn audit_entries_about(
        &self,
        organisation: OrganisationId,
        subjects: &[String],
    ) -> StoreResult<Vec<AuditEntry>> {
        // `subject IN (SELECT value FROM json_each(?))`: one bound value for any number of ids.
        let rows: Vec<AuditRow> = sqlx::query_as(
            "SELECT seq, at, actor, action, subject, before, after, prev_hash, hash
             FROM audit_log
             WHERE organisation_id = ?1 AND subject IN (SELECT value FROM json_each(?2))
             ORDER BY seq",
        )
        .bind(organisation.0)
        .bind(serde_json::to_string(subjects).unwrap_or_else(|_| "[]".into()))
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(entry_from).collect())
    }

    async fn verify_audit(&self, organisation: OrganisationId) -> StoreResult<AuditVerdict> {
        let rows: Vec<AuditRow> = sqlx::query_as(
            "SELECT seq, at, actor, action, subject, before, after, prev_hash, hash
             FROM audit_log WHERE organisation_id = ?1 ORDER BY seq",
        )
        .bind(organisation.0)
        .fetch_all(&self.pool)
        .await?;
        let mut prev = GENESIS.to_vec();
        for (expected_seq, (seq, at, actor, action, subject, before, after, prev_hash, hash)) in
            (1u64..).zip(&rows)
        {
            let seq = seq.unsigned_abs();
            let broken = |reason: &str| {
                Ok(AuditVerdict::Broken {
                    seq,
                    reason: reason.to_owned(),
                })
            };
            if seq != expected_seq {
                return Ok(AuditVerdict::Broken {
                    seq: expected_seq,
                    reason: "entry missing".into(),
                });
            }
            if *prev_hash != prev {
                return broken("does not follow the previous entry");
            }
            let computed = entry_hash(
                &prev,
                Link {
                    seq,
                    at_ms: *at,
                    actor,
                    action,
                    subject: subject.as_deref(),
                    before: before.as_deref(),
                    after: after.as_deref(),
                },
            );
            if computed[..] != hash[..] {
                return broken("content does not match its hash");
            }
            prev.clone_from(hash);
        }
        Ok(AuditVerdict::Intact {
            entries: rows.len() as u64,
        })
    }
}
