//! Storage limitation on SQLite: the retention review, legal holds and contract ends, and the
//! erasure of what lapsed.

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};
use consentry_model::{
    OrganisationId, RecordId,
    retention::{LapseReason, LegalHold, RecordRetention, RetentionChange},
};
use consentry_store::{
    AuditNote, Finding, LapsedErasure, LapsedOutcome, RetentionSet, RetentionStore, StoreResult,
};
use sqlx::SqliteConnection;
use uuid::Uuid;

use super::{
    Code, Millis, SqliteStore,
    audit::append,
    millis,
    requests::{delete_subject, mark_applied},
};

/// Whether record `r` (of organisation `?1`) must be kept whatever its basis says: its
/// processing is restricted on the subject's request (art. 18: they may want it kept for a
/// legal claim; a refusal of consent stops processing too, but asks nothing to be kept), it is
/// under a legal hold, an open data-subject request names it, a record with its address or
/// its address itself, or its module's compliance is off (its records are not reviewed).
const KEPT: &str = "
    ((r.stop_processing = 1
      AND EXISTS (SELECT 1 FROM request_records rr JOIN data_subject_requests q
                      ON q.organisation_id = rr.organisation_id AND q.id = rr.request_id
                  WHERE rr.organisation_id = r.organisation_id AND rr.record_id = r.id
                    AND q.kind = 'stop_processing' AND q.status = 'completed'))
     OR NOT EXISTS (SELECT 1 FROM modules m WHERE m.id = r.module_id AND m.compliance_enabled = 1)
     OR EXISTS (SELECT 1 FROM record_retention t
                WHERE t.organisation_id = r.organisation_id AND t.record_id = r.id
                  AND t.hold_reason IS NOT NULL)
     OR EXISTS (SELECT 1 FROM request_records rr JOIN data_subject_requests q
                    ON q.organisation_id = rr.organisation_id AND q.id = rr.request_id
                WHERE rr.organisation_id = r.organisation_id
                  AND q.status IN ('received', 'verified', 'in_progress')
                  AND (rr.record_id = r.id
                       OR EXISTS (SELECT 1 FROM records x
                                  WHERE x.organisation_id = rr.organisation_id
                                    AND x.id = rr.record_id
                                    AND (lower(x.email) = lower(r.email)
                                         OR x.email_index = r.email_index))))
     OR EXISTS (SELECT 1 FROM data_subject_requests q
                WHERE q.organisation_id = r.organisation_id
                  AND q.status IN ('received', 'verified', 'in_progress')
                  AND lower(q.requested_by) = lower(r.email)))";

/// The reason each record of organisation `?1` has to be erased, and since when, in columns
/// `id`, `module_id`, `reason`, `since`, `event_id` (its newest privacy event); `reason` is
/// NULL for a record with a reason to be kept. Records that must be kept ([`KEPT`]) are left
/// out.
fn lapses() -> String {
    format!(
        "SELECT r.id, r.module_id,
                CASE WHEN r.legal_basis = 'not_applicable' THEN 'no_basis'
                     WHEN r.legal_basis = 'consent'
                          AND r.consent_status IN ('not_responded', 'withdrawn', 'denied')
                         THEN r.consent_status
                     WHEN r.legal_basis = 'contract' AND t.contract_ended_on IS NOT NULL
                         THEN 'contract_ended' END AS reason,
                CASE WHEN r.legal_basis = 'contract'
                         THEN CAST(strftime('%s', t.contract_ended_on) AS INTEGER) * 1000
                     ELSE coalesce((SELECT e.at FROM privacy_events e
                                    WHERE e.organisation_id = r.organisation_id
                                      AND e.record_id = r.id
                                    ORDER BY e.id DESC LIMIT 1), r.created_at) END AS since,
                coalesce((SELECT max(e.id) FROM privacy_events e
                          WHERE e.organisation_id = r.organisation_id AND e.record_id = r.id), 0)
                    AS event_id
         FROM records r
         LEFT JOIN record_retention t
             ON t.organisation_id = r.organisation_id AND t.record_id = r.id
         WHERE r.organisation_id = ?1 AND NOT {KEPT}"
    )
}

#[async_trait]
impl RetentionStore for SqliteStore {
    async fn review_retention(
        &self,
        organisation: OrganisationId,
        cutoff: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> StoreResult<u64> {
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        sqlx::query("DELETE FROM retention_findings WHERE organisation_id = ?1")
            .bind(organisation.0)
            .execute(&mut *tx)
            .await?;
        let found = sqlx::query(&format!(
            "INSERT INTO retention_findings (organisation_id, record_id, reason, since, event_id)
             SELECT ?1, id, reason, since, event_id FROM ({}) AS lapses
             WHERE reason IS NOT NULL AND since <= ?2",
            lapses()
        ))
        .bind(organisation.0)
        .bind(millis(cutoff))
        .execute(&mut *tx)
        .await?
        .rows_affected();
        sqlx::query(
            "INSERT INTO retention_reviews (organisation_id, reviewed_at) VALUES (?1, ?2)
             ON CONFLICT (organisation_id) DO UPDATE SET reviewed_at = excluded.reviewed_at",
        )
        .bind(organisation.0)
        .bind(millis(now))
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(found)
    }

    async fn retention_counts(
        &self,
        organisation: OrganisationId,
    ) -> StoreResult<(Option<DateTime<Utc>>, Vec<(LapseReason, u64)>)> {
        let mut conn = self.pool.acquire().await?;
        let reviewed: Option<(Millis,)> =
            sqlx::query_as("SELECT reviewed_at FROM retention_reviews WHERE organisation_id = ?1")
                .bind(organisation.0)
                .fetch_optional(&mut *conn)
                .await?;
        let counts: Vec<(Code<LapseReason>, i64)> = sqlx::query_as(
            "SELECT reason, COUNT(*) FROM retention_findings WHERE organisation_id = ?1
             GROUP BY reason",
        )
        .bind(organisation.0)
        .fetch_all(&mut *conn)
        .await?;
        Ok((
            reviewed.map(|(Millis(at),)| at),
            counts
                .into_iter()
                .map(|(Code(reason), n)| (reason, n.unsigned_abs()))
                .collect(),
        ))
    }

    async fn retention_findings(
        &self,
        organisation: OrganisationId,
        reason: Option<LapseReason>,
        after: Option<RecordId>,
        limit: u32,
    ) -> StoreResult<Vec<Finding>> {
        let rows: Vec<(Uuid, Code<LapseReason>, Millis)> = sqlx::query_as(
            "SELECT f.record_id, f.reason, f.since FROM retention_findings f
             WHERE f.organisation_id = ?1 AND (?2 IS NULL OR f.reason = ?2) AND f.record_id > ?3
             ORDER BY f.record_id LIMIT ?4",
        )
        .bind(organisation.0)
        .bind(reason.map(LapseReason::code))
        .bind(after.map_or(Uuid::nil(), |r| r.0))
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(record, Code(reason), Millis(since))| Finding {
                record: RecordId(record),
                reason,
                since,
            })
            .collect())
    }

    async fn erase_lapsed(
        &self,
        organisation: OrganisationId,
        erasure: LapsedErasure,
        audit: AuditNote,
    ) -> StoreResult<LapsedOutcome> {
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        let reason = erasure.reason.map(LapseReason::code);
        if let Some(confirmed) = erasure.confirmed_count {
            let (found,): (i64,) = sqlx::query_as(
                "SELECT COUNT(*) FROM retention_findings
                 WHERE organisation_id = ?1 AND (?2 IS NULL OR reason = ?2)",
            )
            .bind(organisation.0)
            .bind(reason)
            .fetch_one(&mut *tx)
            .await?;
            if found.unsigned_abs() != confirmed {
                return Ok(LapsedOutcome::CountMismatch(found.unsigned_abs()));
            }
        }
        let now = Utc::now();
        let mut erased = Vec::new();
        let mut per_reason = std::collections::BTreeMap::<&str, u64>::new();
        for subject in &erasure.subjects {
            let [record] = subject.records[..] else {
                continue;
            };
            let Some(found) = still_lapsed(
                &mut tx,
                organisation,
                record,
                reason,
                &subject.addresses,
                erasure.period_days,
            )
            .await?
            else {
                // No longer lapsed as found: the next review decides again.
                sqlx::query(
                    "DELETE FROM retention_findings WHERE organisation_id = ?1 AND record_id = ?2",
                )
                .bind(organisation.0)
                .bind(record.0)
                .execute(&mut *tx)
                .await?;
                continue;
            };
            delete_subject(&mut tx, organisation, subject, &audit.actor, now).await?;
            *per_reason.entry(found.code()).or_default() += 1;
            erased.push(record);
        }
        if !erased.is_empty() {
            mark_applied(&mut tx, &[erasure.ledger_entry], now).await?;
            let mut audit = audit;
            let after = audit.after.get_or_insert_with(|| serde_json::json!({}));
            after["records"] = serde_json::json!(erased.len());
            after["kept"] = serde_json::json!(erasure.subjects.len() - erased.len());
            after["per_reason"] = serde_json::json!(per_reason);
            // Ids only: a receiver of `record.erased` erases its copies by them.
            after["record_ids"] = serde_json::json!(erased);
            append(&mut tx, organisation, &audit, now).await?;
        }
        tx.commit().await?;
        if !erased.is_empty() {
            self.checkpoint().await?;
        }
        Ok(LapsedOutcome::Erased(erased))
    }

    async fn record_retention(
        &self,
        organisation: OrganisationId,
        record: RecordId,
    ) -> StoreResult<Option<RecordRetention>> {
        let mut conn = self.pool.acquire().await?;
        retention_of(&mut conn, organisation, record).await
    }

    async fn set_record_retention(
        &self,
        organisation: OrganisationId,
        record: RecordId,
        change: &RetentionChange,
        now: DateTime<Utc>,
        audit: AuditNote,
    ) -> StoreResult<RetentionSet> {
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        let basis: Option<(Option<String>,)> = sqlx::query_as(
            "SELECT legal_basis FROM records WHERE organisation_id = ?1 AND id = ?2",
        )
        .bind(organisation.0)
        .bind(record.0)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((basis,)) = basis else {
            return Ok(RetentionSet::NotFound);
        };
        if change.contract_ended_on.is_some() && basis.as_deref() != Some("contract") {
            return Ok(RetentionSet::NotContract);
        }
        let before = retention_of(&mut tx, organisation, record)
            .await?
            .unwrap_or_default();
        let after = consentry_store::retention_after(&before, change, &audit.actor, now);
        if after == before {
            return Ok(RetentionSet::Saved(after));
        }
        sqlx::query("DELETE FROM record_retention WHERE organisation_id = ?1 AND record_id = ?2")
            .bind(organisation.0)
            .bind(record.0)
            .execute(&mut *tx)
            .await?;
        if !after.is_empty() {
            let hold = after.legal_hold.as_ref();
            sqlx::query(
                "INSERT INTO record_retention (organisation_id, record_id, contract_ended_on,
                     hold_reason, hold_by, hold_since) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )
            .bind(organisation.0)
            .bind(record.0)
            .bind(after.contract_ended_on.map(|d| d.to_string()))
            .bind(hold.map(|h| h.reason.as_str()))
            .bind(hold.map(|h| h.by.as_str()))
            .bind(hold.map(|h| millis(h.since)))
            .execute(&mut *tx)
            .await?;
        }
        sqlx::query("DELETE FROM retention_findings WHERE organisation_id = ?1 AND record_id = ?2")
            .bind(organisation.0)
            .bind(record.0)
            .execute(&mut *tx)
            .await?;
        let mut audit = audit;
        audit.subject = Some(record.to_string());
        audit.before = Some(serde_json::json!(before));
        audit.after = Some(serde_json::json!(after));
        append(&mut tx, organisation, &audit, now).await?;
        tx.commit().await?;
        Ok(RetentionSet::Saved(after))
    }
}

/// The reason of the record's finding while it still holds: found (of `reason`, when given),
/// its newest privacy event the one the review saw, lapsed under the period of `period_days`
/// at the review's time, nothing to keep it for ([`KEPT`]) and no open request naming one of
/// its `addresses`.
async fn still_lapsed(
    tx: &mut SqliteConnection,
    organisation: OrganisationId,
    record: RecordId,
    reason: Option<&str>,
    addresses: &[String],
    period_days: u32,
) -> StoreResult<Option<LapseReason>> {
    let found: Option<(Code<LapseReason>,)> = sqlx::query_as(&format!(
        "SELECT f.reason FROM retention_findings f
         JOIN records r ON r.organisation_id = f.organisation_id AND r.id = f.record_id
         WHERE f.organisation_id = ?1 AND f.record_id = ?2 AND (?3 IS NULL OR f.reason = ?3)
           AND f.event_id = coalesce((SELECT max(e.id) FROM privacy_events e
                                      WHERE e.organisation_id = ?1 AND e.record_id = ?2), 0)
           AND f.since <= (SELECT w.reviewed_at FROM retention_reviews w WHERE w.organisation_id = ?1)
                            - ?5 * 86400000
           AND NOT {KEPT}
           AND NOT EXISTS (SELECT 1 FROM data_subject_requests q
                           WHERE q.organisation_id = ?1
                             AND q.status IN ('received', 'verified', 'in_progress')
                             AND lower(q.requested_by) IN (SELECT value FROM json_each(?4)))"
    ))
    .bind(organisation.0)
    .bind(record.0)
    .bind(reason)
    .bind(serde_json::json!(addresses).to_string())
    .bind(i64::from(period_days))
    .fetch_optional(&mut *tx)
    .await?;
    Ok(found.map(|(Code(reason),)| reason))
}

async fn retention_of(
    conn: &mut SqliteConnection,
    organisation: OrganisationId,
    record: RecordId,
) -> StoreResult<Option<RecordRetention>> {
    type Row = (
        Option<Uuid>,
        Option<NaiveDate>,
        Option<String>,
        Option<String>,
        Option<Millis>,
    );
    let row: Option<Row> = sqlx::query_as(
        "SELECT t.record_id, t.contract_ended_on, t.hold_reason, t.hold_by, t.hold_since
         FROM records r LEFT JOIN record_retention t
             ON t.organisation_id = r.organisation_id AND t.record_id = r.id
         WHERE r.organisation_id = ?1 AND r.id = ?2",
    )
    .bind(organisation.0)
    .bind(record.0)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(
        |(_, contract_ended_on, reason, by, since)| RecordRetention {
            contract_ended_on,
            legal_hold: match (reason, by, since) {
                (Some(reason), Some(by), Some(Millis(since))) => {
                    Some(LegalHold { reason, by, since })
                }
                _ => None,
            },
        },
    ))
}
