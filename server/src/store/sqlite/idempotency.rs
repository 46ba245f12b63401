//! `Idempotency-Key` answers on SQLite.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::{SqliteStore, millis};
use crate::store::{Claim, HeldKey, IdempotencyClaim, IdempotencyStore, StoreResult};

#[async_trait]
impl IdempotencyStore for SqliteStore {
    async fn claim_idempotent(&self, claim: IdempotencyClaim<'_>) -> StoreResult<Claim> {
        let held = claim.held;
        // One statement claims a free key or takes over a claim whose lease has run out (its
        // request never finished): of two retries racing for it, only one changes the row.
        let claimed = sqlx::query(
            "INSERT INTO idempotency_keys
                 (caller, key, fingerprint, created_at, claim_token, claimed_until)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (caller, key) DO UPDATE SET
                 fingerprint = excluded.fingerprint, created_at = excluded.created_at,
                 claim_token = excluded.claim_token, claimed_until = excluded.claimed_until
             WHERE idempotency_keys.status IS NULL
               AND idempotency_keys.claimed_until <= excluded.created_at",
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
        let row: Option<(Vec<u8>, Option<i64>, Option<String>, Option<Vec<u8>>)> = sqlx::query_as(
            "SELECT fingerprint, status, content_type, body FROM idempotency_keys
             WHERE caller = ?1 AND key = ?2",
        )
        .bind(&held.caller[..])
        .bind(&held.key)
        .fetch_optional(&self.pool)
        .await?;
        Ok(match row {
            // Released between the two statements: the caller may try again.
            None => Claim::Running,
            Some((stored, _, _, _)) if stored != claim.fingerprint => Claim::Mismatch,
            Some((_, None, _, _)) => Claim::Running,
            Some((_, Some(status), content_type, body)) => Claim::Answered(
                u16::try_from(status).unwrap_or(200),
                content_type,
                body.unwrap_or_default(),
            ),
        })
    }

    async fn finish_idempotent(
        &self,
        held: &HeldKey,
        answer: Option<(u16, Option<String>, Vec<u8>)>,
    ) -> StoreResult<bool> {
        let done = match answer {
            Some((status, content_type, body)) => {
                sqlx::query(
                    "UPDATE idempotency_keys SET status = ?4, content_type = ?5, body = ?6
                     WHERE caller = ?1 AND key = ?2 AND claim_token = ?3 AND status IS NULL",
                )
                .bind(&held.caller[..])
                .bind(&held.key)
                .bind(&held.token[..])
                .bind(i64::from(status))
                .bind(content_type)
                .bind(body)
                .execute(&self.pool)
                .await?
            }
            None => {
                sqlx::query(
                    "DELETE FROM idempotency_keys
                     WHERE caller = ?1 AND key = ?2 AND claim_token = ?3 AND status IS NULL",
                )
                .bind(&held.caller[..])
                .bind(&held.key)
                .bind(&held.token[..])
                .execute(&self.pool)
                .await?
            }
        };
        Ok(done.rows_affected() == 1)
    }

    async fn purge_idempotent(&self, before: DateTime<Utc>) -> StoreResult<u64> {
        let done = sqlx::query("DELETE FROM idempotency_keys WHERE created_at < ?1")
            .bind(millis(before))
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected())
    }
}
