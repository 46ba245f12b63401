//! `Idempotency-Key` answers on SQLite.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::{SqliteStore, millis};
use crate::store::{Claim, IdempotencyStore, StoreResult};

#[async_trait]
impl IdempotencyStore for SqliteStore {
    async fn claim_idempotent(
        &self,
        caller: &[u8; 32],
        key: &str,
        fingerprint: &[u8; 32],
        now: DateTime<Utc>,
    ) -> StoreResult<Claim> {
        let claimed = sqlx::query(
            "INSERT INTO idempotency_keys (caller, key, fingerprint, created_at)
             VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING",
        )
        .bind(&caller[..])
        .bind(key)
        .bind(&fingerprint[..])
        .bind(millis(now))
        .execute(&self.pool)
        .await?;
        if claimed.rows_affected() == 1 {
            return Ok(Claim::New);
        }
        let row: Option<(Vec<u8>, Option<i64>, Option<String>, Option<Vec<u8>>)> = sqlx::query_as(
            "SELECT fingerprint, status, content_type, body FROM idempotency_keys
             WHERE caller = ?1 AND key = ?2",
        )
        .bind(&caller[..])
        .bind(key)
        .fetch_optional(&self.pool)
        .await?;
        Ok(match row {
            // Forgotten between the two statements: the caller may try again.
            None => Claim::Running,
            Some((stored, _, _, _)) if stored != fingerprint => Claim::Mismatch,
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
        caller: &[u8; 32],
        key: &str,
        answer: Option<(u16, Option<String>, Vec<u8>)>,
    ) -> StoreResult<()> {
        match answer {
            Some((status, content_type, body)) => {
                sqlx::query(
                    "UPDATE idempotency_keys SET status = ?3, content_type = ?4, body = ?5
                     WHERE caller = ?1 AND key = ?2",
                )
                .bind(&caller[..])
                .bind(key)
                .bind(i64::from(status))
                .bind(content_type)
                .bind(body)
                .execute(&self.pool)
                .await?;
            }
            None => {
                sqlx::query("DELETE FROM idempotency_keys WHERE caller = ?1 AND key = ?2")
                    .bind(&caller[..])
                    .bind(key)
                    .execute(&self.pool)
                    .await?;
            }
        }
        Ok(())
    }

    async fn purge_idempotent(&self, before: DateTime<Utc>) -> StoreResult<u64> {
        let done = sqlx::query("DELETE FROM idempotency_keys WHERE created_at < ?1")
            .bind(millis(before))
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected())
    }
}
