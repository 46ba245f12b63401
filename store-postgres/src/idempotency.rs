//! `Idempotency-Key` answers on PostgreSQL, shared by every instance: a key claimed on one is
//! held on all, and of requests racing for one key on any of them exactly one runs.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use consentry_store::{
    Claim, HeldKey, IdempotencyClaim, IdempotencyStore, KeyedChange, StoreResult,
};

use super::{PostgresStore, corrupt, millis};

/// The key's row as a claim that did not go through finds it, with the change its request
/// made, if any.
#[derive(sqlx::FromRow)]
struct KeyRow {
    fingerprint: Vec<u8>,
    status: Option<i32>,
    content_type: Option<String>,
    body: Option<Vec<u8>>,
    claimed_until: DateTime<Utc>,
    seq: Option<i64>,
    action: Option<String>,
    at: Option<DateTime<Utc>>,
}

#[async_trait]
impl IdempotencyStore for PostgresStore {
    async fn claim_idempotent(&self, claim: IdempotencyClaim<'_>) -> StoreResult<Claim> {
        let held = claim.held;
        // One statement claims a free key or takes over a claim whose lease has run out (its
        // request never finished) and that made no change. A second claim of the key waits
        // for the row the first inserted or updated and then judges it as that one left it,
        // so of two retries racing for it (on any instances) only one changes the row, and a
        // change that committed is never made twice.
        let claimed = sqlx::query(
            "INSERT INTO idempotency_keys
                 (caller, key, fingerprint, created_at, claim_token, claimed_until)
             VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (caller, key) DO UPDATE SET
                 created_at = excluded.created_at,
                 claim_token = excluded.claim_token, claimed_until = excluded.claimed_until
             WHERE idempotency_keys.status IS NULL
               AND idempotency_keys.claimed_until <= excluded.created_at
               AND idempotency_keys.fingerprint = excluded.fingerprint
               AND NOT EXISTS (SELECT 1 FROM idempotency_effects e
                               WHERE e.claim_token = idempotency_keys.claim_token)",
        )
        .bind(&held.caller[..])
        .bind(&held.key)
        .bind(&claim.fingerprint[..])
        .bind(millis(claim.now))
        .bind(&held.token[..])
        .bind(millis(claim.lease_until))
        .execute(&self.pool)
        .await?;
        if claimed.rows_affected() == 1 {
            return Ok(Claim::New);
        }
        let row: Option<KeyRow> = sqlx::query_as(
            "SELECT k.fingerprint, k.status, k.content_type, k.body, k.claimed_until,
                    e.seq, e.action, e.at
             FROM idempotency_keys k
             LEFT JOIN idempotency_effects e ON e.claim_token = k.claim_token
             WHERE k.caller = $1 AND k.key = $2",
        )
        .bind(&held.caller[..])
        .bind(&held.key)
        .fetch_optional(&self.pool)
        .await?;
        let Some(KeyRow {
            fingerprint: stored,
            status,
            content_type,
            body,
            claimed_until,
            seq,
            action,
            at,
        }) = row
        else {
            // Released between the two statements: the caller may try again.
            return Ok(Claim::Running);
        };
        if stored != claim.fingerprint {
            return Ok(Claim::Mismatch);
        }
        if let Some(status) = status {
            let status = u16::try_from(status)
                .map_err(|_| corrupt("idempotency_keys.status", status.to_string()))?;
            return Ok(Claim::Answered(
                status,
                content_type,
                body.unwrap_or_default(),
            ));
        }
        match (seq, action, at) {
            (Some(seq), Some(action), Some(at)) if claimed_until <= millis(claim.now) => {
                Ok(Claim::Interrupted(KeyedChange {
                    seq: seq.unsigned_abs(),
                    action,
                    at,
                }))
            }
            _ => Ok(Claim::Running),
        }
    }

    async fn finish_idempotent(
        &self,
        held: &HeldKey,
        answer: Option<(u16, Option<String>, Vec<u8>)>,
    ) -> StoreResult<bool> {
        let mut tx = self.pool.begin().await?;
        let done = match answer {
            Some((status, content_type, body)) => {
                let kept = sqlx::query(
                    "UPDATE idempotency_keys SET status = $4, content_type = $5, body = $6
                     WHERE caller = $1 AND key = $2 AND claim_token = $3 AND status IS NULL",
                )
                .bind(&held.caller[..])
                .bind(&held.key)
                .bind(&held.token[..])
                .bind(i32::from(status))
                .bind(content_type)
                .bind(body)
                .execute(&mut *tx)
                .await?;
                if kept.rows_affected() == 1 {
                    // The answer stands for the change now.
                    sqlx::query("DELETE FROM idempotency_effects WHERE claim_token = $1")
                        .bind(&held.token[..])
                        .execute(&mut *tx)
                        .await?;
                }
                kept
            }
            None => {
                let released = sqlx::query(
                    "DELETE FROM idempotency_keys
                     WHERE caller = $1 AND key = $2 AND claim_token = $3 AND status IS NULL
                       AND NOT EXISTS (SELECT 1 FROM idempotency_effects
                                       WHERE claim_token = $3)",
                )
                .bind(&held.caller[..])
                .bind(&held.key)
                .bind(&held.token[..])
                .execute(&mut *tx)
                .await?;
                if released.rows_affected() == 1 {
                    released
                } else {
                    // The request made its change and then failed (or was stopped): its lease
                    // ends now, so a retry is told at once instead of making it again.
                    sqlx::query(
                        "UPDATE idempotency_keys SET claimed_until = 'epoch'
                         WHERE caller = $1 AND key = $2 AND claim_token = $3 AND status IS NULL",
                    )
                    .bind(&held.caller[..])
                    .bind(&held.key)
                    .bind(&held.token[..])
                    .execute(&mut *tx)
                    .await?
                }
            }
        };
        tx.commit().await?;
        Ok(done.rows_affected() == 1)
    }

    async fn purge_idempotent(&self, before: DateTime<Utc>) -> StoreResult<u64> {
        let mut tx = self.pool.begin().await?;
        let done = sqlx::query("DELETE FROM idempotency_keys WHERE created_at < $1")
            .bind(millis(before))
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "DELETE FROM idempotency_effects WHERE at < $1
               AND NOT EXISTS (SELECT 1 FROM idempotency_keys k
                               WHERE k.claim_token = idempotency_effects.claim_token)",
        )
        .bind(millis(before))
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(done.rows_affected())
    }
}
