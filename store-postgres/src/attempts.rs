//! The abuse limits' attempts in the database every instance shares: a client that spreads
//! its attempts over the instances meets one limit. Each key's window is decided and
//! counted under an advisory lock on that key, taken in one order, so attempts at once on
//! any instance count one after the other; times are the database's, one clock for all.

use std::{
    sync::atomic::{AtomicU32, Ordering},
    time::Duration,
};

use async_trait::async_trait;
use consentry_store::{
    AttemptStore, StoreResult,
    attempts::{Slot, Window},
};
use sqlx::PgConnection;

use super::PostgresStore;

/// The class of the keys' advisory locks (two-key form).
const ATTEMPTS_LOCK: i32 = 0x6c69_6d74; // "limt"

/// Every this many attempts an instance deletes every expired one (those of keys not tried
/// again since).
const SWEEP_EVERY: u32 = 512;

/// Attempts counted by this process since its last sweep.
static SINCE_SWEEP: AtomicU32 = AtomicU32::new(0);

impl PostgresStore {
    /// The stored form of a key: a keyed hash, as keys hold client and e-mail addresses.
    fn attempt_key(&self, key: &str) -> [u8; 32] {
        self.vault.derive(&format!("attempt:{key}"))
    }

    /// Deletes the expired attempts of keys nobody tried since, now and then.
    async fn sweep_attempts(&self) -> StoreResult<()> {
        if SINCE_SWEEP.fetch_add(1, Ordering::Relaxed) % SWEEP_EVERY == SWEEP_EVERY - 1 {
            sqlx::query("DELETE FROM attempts WHERE until <= statement_timestamp()")
                .execute(&self.pool)
                .await?;
        }
        Ok(())
    }
}

/// A key's window in the caller's transaction, which holds its lock: the attempts still
/// counting (expired ones deleted) and when the oldest stops counting, in seconds from now.
async fn window_of(conn: &mut PgConnection, key: &[u8; 32]) -> StoreResult<(i64, Option<f64>)> {
    let lock = i32::from_be_bytes([key[0], key[1], key[2], key[3]]);
    sqlx::query("SELECT pg_advisory_xact_lock($1, $2)")
        .bind(ATTEMPTS_LOCK)
        .bind(lock)
        .execute(&mut *conn)
        .await?;
    // A statement after the lock: it sees every attempt committed before. Its DELETE's rows
    // are not seen by its SELECT, which therefore counts only those still counting.
    let (counting, frees_in): (i64, Option<f64>) = sqlx::query_as(
        "WITH expired AS (
             DELETE FROM attempts WHERE key_hash = $1 AND until <= statement_timestamp()
         )
         SELECT COUNT(*),
                EXTRACT(EPOCH FROM MIN(until) - statement_timestamp())::float8
         FROM attempts WHERE key_hash = $1 AND until > statement_timestamp()",
    )
    .bind(&key[..])
    .fetch_one(&mut *conn)
    .await?;
    Ok((counting, frees_in))
}

/// Counts an attempt of `key` in the caller's transaction, counting for `span`.
async fn insert_attempt(
    conn: &mut PgConnection,
    key: &[u8; 32],
    span: Duration,
) -> StoreResult<i64> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO attempts (key_hash, until)
         VALUES ($1, statement_timestamp() + $2 * interval '1 microsecond')
         RETURNING id",
    )
    .bind(&key[..])
    .bind(i64::try_from(span.as_micros()).unwrap_or(i64::MAX))
    .fetch_one(&mut *conn)
    .await?;
    Ok(id)
}

#[async_trait]
impl AttemptStore for PostgresStore {
    async fn take_slots(&self, windows: &[Window<'_>]) -> StoreResult<Result<Vec<Slot>, u64>> {
        let mut keyed: Vec<([u8; 32], &Window<'_>)> = windows
            .iter()
            .map(|w| (self.attempt_key(w.key), w))
            .collect();
        // Locks in one order on every instance: two attempts sharing keys never deadlock.
        keyed.sort_by_key(|(hash, _)| *hash);
        let mut tx = self.pool.begin().await?;
        let mut wait = None;
        for (hash, window) in &keyed {
            let (counting, frees_in) = window_of(&mut tx, hash).await?;
            if counting >= i64::from(window.max.max(1)) {
                let seconds = frees_in.unwrap_or(0.0).max(0.0) as u64;
                wait = wait.max(Some(seconds.max(1)));
            }
        }
        if let Some(seconds) = wait {
            tx.rollback().await?;
            return Ok(Err(seconds));
        }
        let mut slots = Vec::with_capacity(windows.len());
        for window in windows {
            let id = insert_attempt(&mut tx, &self.attempt_key(window.key), window.span).await?;
            slots.push(Slot {
                key: window.key.to_owned(),
                id,
            });
        }
        tx.commit().await?;
        self.sweep_attempts().await?;
        Ok(Ok(slots))
    }

    async fn count_attempt(&self, key: &str, span: Duration) -> StoreResult<(usize, Slot)> {
        let hash = self.attempt_key(key);
        let mut tx = self.pool.begin().await?;
        let (counting, _) = window_of(&mut tx, &hash).await?;
        let id = insert_attempt(&mut tx, &hash, span).await?;
        tx.commit().await?;
        self.sweep_attempts().await?;
        let slot = Slot {
            key: key.to_owned(),
            id,
        };
        Ok((usize::try_from(counting).unwrap_or(usize::MAX), slot))
    }

    async fn release_slot(&self, slot: Slot) -> StoreResult<()> {
        sqlx::query("DELETE FROM attempts WHERE id = $1 AND key_hash = $2")
            .bind(slot.id)
            .bind(&self.attempt_key(&slot.key)[..])
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn forget_attempts(&self, key: &str) -> StoreResult<()> {
        sqlx::query("DELETE FROM attempts WHERE key_hash = $1")
            .bind(&self.attempt_key(key)[..])
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
