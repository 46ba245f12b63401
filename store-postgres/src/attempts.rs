//! The abuse limits' attempts in the database every instance shares: a client that spreads
//! its attempts over the instances meets one limit. Each call is one statement of
//! `take_attempts` (`migrations/0006_attempts.sql`): it locks the window's keys (advisory
//! locks, in one order), counts and adds on the database's clock, so attempts at once on any
//! instance count one after the other, and the locks are held only while the database works.

use std::{
    sync::atomic::{AtomicU32, Ordering},
    time::Duration,
};

use async_trait::async_trait;
use consentry_store::{
    AttemptStore, StoreResult,
    attempts::{Slot, Window},
};

use super::PostgresStore;

/// Every this many attempts an instance deletes every expired count (those of keys not
/// tried again since, which their next attempt would otherwise delete).
const SWEEP_EVERY: u32 = 512;

/// Attempts counted by this process since its last sweep.
static SINCE_SWEEP: AtomicU32 = AtomicU32::new(0);

/// What `take_attempts` answers: 0 or the milliseconds to wait; the attempts each key had
/// counting; the bucket each key's attempt was counted in.
type Taken = (i64, Vec<i64>, Vec<i64>);

fn millis(span: Duration) -> i64 {
    i64::try_from(span.as_millis()).unwrap_or(i64::MAX)
}

impl PostgresStore {
    /// The stored form of a key: a keyed hash, as keys hold client and e-mail addresses.
    fn attempt_key(&self, key: &str) -> [u8; 32] {
        self.vault.derive(&format!("attempt:{key}"))
    }

    /// Counts one attempt in each window (`max` `None`: whatever the count), in the order of
    /// their stored keys.
    async fn take(&self, windows: &[(&str, Option<u32>, Duration)]) -> StoreResult<Taken> {
        // Each with its place among the caller's windows.
        let mut keyed: Vec<([u8; 32], i64, i64, usize)> = windows
            .iter()
            .enumerate()
            .map(|(place, (key, max, span))| {
                let max = max.map_or(i64::MAX, |m| i64::from(m.max(1)));
                (self.attempt_key(key), max, millis(*span), place)
            })
            .collect();
        keyed.sort_by_key(|(hash, ..)| *hash);
        let taken: Taken =
            sqlx::query_as("SELECT wait_ms, befores, buckets FROM take_attempts($1, $2, $3)")
                .bind(keyed.iter().map(|k| k.0.to_vec()).collect::<Vec<_>>())
                .bind(keyed.iter().map(|k| k.1).collect::<Vec<_>>())
                .bind(keyed.iter().map(|k| k.2).collect::<Vec<_>>())
                .fetch_one(&self.pool)
                .await?;
        if SINCE_SWEEP.fetch_add(1, Ordering::Relaxed) % SWEEP_EVERY == SWEEP_EVERY - 1 {
            // Beside the request, not in its way; a sweep that fails is done by the next.
            let pool = self.pool.clone();
            tokio::spawn(async move {
                let swept = sqlx::query(
                    "DELETE FROM attempt_counts
                     WHERE until <= (extract(epoch FROM clock_timestamp()) * 1000)::bigint",
                )
                .execute(&pool)
                .await;
                if let Err(error) = swept {
                    tracing::warn!(%error, "could not sweep expired attempts");
                }
            });
        }
        // Back in the caller's order.
        let (wait, befores, buckets) = taken;
        let reorder = |values: Vec<i64>| -> Vec<i64> {
            let mut ordered = vec![0; windows.len()];
            for (k, value) in keyed.iter().zip(values) {
                ordered[k.3] = value;
            }
            ordered
        };
        Ok((wait, reorder(befores), reorder(buckets)))
    }
}

#[async_trait]
impl AttemptStore for PostgresStore {
    async fn take_slots(&self, windows: &[Window<'_>]) -> StoreResult<Result<Vec<Slot>, u64>> {
        let asked: Vec<_> = windows
            .iter()
            .map(|w| (w.key, Some(w.max), w.span))
            .collect();
        let (wait_ms, _, buckets) = self.take(&asked).await?;
        if wait_ms > 0 {
            let seconds = u64::try_from(wait_ms).unwrap_or_default().div_ceil(1000);
            return Ok(Err(seconds.max(1)));
        }
        Ok(Ok(windows
            .iter()
            .zip(buckets)
            .map(|(w, id)| Slot {
                key: w.key.to_owned(),
                id,
            })
            .collect()))
    }

    async fn count_attempt(&self, key: &str, span: Duration) -> StoreResult<(usize, Slot)> {
        let (_, befores, buckets) = self.take(&[(key, None, span)]).await?;
        let before = befores.first().copied().unwrap_or_default();
        let slot = Slot {
            key: key.to_owned(),
            id: buckets.first().copied().unwrap_or_default(),
        };
        Ok((usize::try_from(before).unwrap_or(usize::MAX), slot))
    }

    async fn release_slot(&self, slot: Slot) -> StoreResult<()> {
        sqlx::query(
            "UPDATE attempt_counts SET count = count - 1
             WHERE key_hash = $1 AND bucket = $2 AND count > 0",
        )
        .bind(&self.attempt_key(&slot.key)[..])
        .bind(slot.id)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn forget_attempts(&self, key: &str) -> StoreResult<()> {
        sqlx::query("DELETE FROM attempt_counts WHERE key_hash = $1")
            .bind(&self.attempt_key(key)[..])
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
