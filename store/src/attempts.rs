//! The memory of the abuse limits: sliding windows of attempts per key (a client address, an
//! e-mail address, a form, an account), kept where every instance serving the database sees
//! them, so a client cannot multiply a limit by the number of instances.
//!
//! A slot is taken *before* the work it guards, deciding and counting under one lock per
//! key, so N attempts at once — on one instance or several — count as N.

use std::{
    collections::{HashMap, VecDeque},
    sync::{
        Mutex, MutexGuard,
        atomic::{AtomicI64, AtomicUsize, Ordering},
    },
    time::{Duration, Instant},
};

use async_trait::async_trait;

use crate::StoreResult;

/// One limit an attempt counts against: at most `max` attempts of `key` within `span`.
#[derive(Debug, Clone, Copy)]
pub struct Window<'a> {
    /// What is limited, named with its limit (e.g. `sign_ups/ip:192.0.2.1`).
    pub key: &'a str,
    /// Attempts allowed within the span (at least one).
    pub max: u32,
    /// How long an attempt counts.
    pub span: Duration,
}

/// An attempt counted in one window; giving it back ([`AttemptStore::release_slot`]) makes
/// it not count.
#[derive(Debug, Clone, PartialEq, Eq)]
#[must_use = "a slot is either kept (the attempt counts) or released"]
pub struct Slot {
    /// The window's key.
    pub key: String,
    /// The attempt among the key's.
    pub id: i64,
}

/// Where attempts are counted. An attempt counts for at least its window's span, and a
/// backend may keep it up to a sixtieth of the span longer (counting in time buckets).
#[async_trait]
pub trait AttemptStore: Send + Sync {
    /// Counts one attempt in every window, or in none when any is full: then `Err` with the
    /// seconds until the fullest frees a place.
    async fn take_slots(&self, windows: &[Window<'_>]) -> StoreResult<Result<Vec<Slot>, u64>>;

    /// Counts an attempt of `key` whatever the limit; how many it had within `span` before.
    async fn count_attempt(&self, key: &str, span: Duration) -> StoreResult<(usize, Slot)>;

    /// Gives a slot back: its attempt does not count.
    async fn release_slot(&self, slot: Slot) -> StoreResult<()>;

    /// Forgets every attempt of `key`.
    async fn forget_attempts(&self, key: &str) -> StoreResult<()>;
}

/// Keys kept before the first sweep of expired ones.
const SWEEP_FLOOR: usize = 10_000;

/// Attempts kept in this process: for a backend that one instance serves at a time. A
/// restart forgets them, which only helps a patient attacker once.
#[derive(Debug)]
pub struct MemoryAttempts {
    keys: Mutex<HashMap<String, VecDeque<Attempt>>>,
    /// Expired keys are swept once there are more keys than this; it then becomes twice the
    /// keys left, so a spray of new addresses costs amortised constant time per attempt.
    sweep_above: AtomicUsize,
    next_id: AtomicI64,
}

#[derive(Debug, Clone, Copy)]
struct Attempt {
    id: i64,
    until: Instant,
}

impl Default for MemoryAttempts {
    fn default() -> MemoryAttempts {
        MemoryAttempts {
            keys: Mutex::default(),
            sweep_above: AtomicUsize::new(SWEEP_FLOOR),
            next_id: AtomicI64::new(1),
        }
    }
}

type Keys = HashMap<String, VecDeque<Attempt>>;

impl MemoryAttempts {
    fn lock(&self) -> MutexGuard<'_, Keys> {
        self.keys.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Records an attempt of `key` counting until `until`.
    fn push(&self, keys: &mut Keys, key: &str, until: Instant, now: Instant) -> Slot {
        // Bound memory under a spray of addresses: drop keys whose attempts all expired.
        if keys.len() > self.sweep_above.load(Ordering::Relaxed) {
            keys.retain(|_, attempts| {
                expire(attempts, now);
                !attempts.is_empty()
            });
            let next = (keys.len() * 2).max(SWEEP_FLOOR);
            self.sweep_above.store(next, Ordering::Relaxed);
        }
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        keys.entry(key.to_owned())
            .or_default()
            .push_back(Attempt { id, until });
        Slot {
            key: key.to_owned(),
            id,
        }
    }
}

/// Drops the attempts that no longer count (the oldest come first).
fn expire(attempts: &mut VecDeque<Attempt>, now: Instant) {
    while attempts.front().is_some_and(|a| a.until <= now) {
        attempts.pop_front();
    }
}

#[async_trait]
impl AttemptStore for MemoryAttempts {
    async fn take_slots(&self, windows: &[Window<'_>]) -> StoreResult<Result<Vec<Slot>, u64>> {
        let now = Instant::now();
        let mut keys = self.lock();
        let mut wait = None;
        for window in windows {
            let Some(attempts) = keys.get_mut(window.key) else {
                continue;
            };
            expire(attempts, now);
            if attempts.len() >= window.max.max(1) as usize {
                // The place the oldest attempt holds frees first.
                let frees = attempts.front().map_or(now, |a| a.until);
                let seconds = frees.saturating_duration_since(now).as_secs().max(1);
                wait = wait.max(Some(seconds));
            }
        }
        if let Some(seconds) = wait {
            return Ok(Err(seconds));
        }
        Ok(Ok(windows
            .iter()
            .map(|w| self.push(&mut keys, w.key, now + w.span, now))
            .collect()))
    }

    async fn count_attempt(&self, key: &str, span: Duration) -> StoreResult<(usize, Slot)> {
        let now = Instant::now();
        let mut keys = self.lock();
        let before = keys.get_mut(key).map_or(0, |attempts| {
            expire(attempts, now);
            attempts.len()
        });
        Ok((before, self.push(&mut keys, key, now + span, now)))
    }

    async fn release_slot(&self, slot: Slot) -> StoreResult<()> {
        let mut keys = self.lock();
        if let Some(attempts) = keys.get_mut(&slot.key)
            && let Some(index) = attempts.iter().rposition(|a| a.id == slot.id)
        {
            attempts.remove(index);
        }
        Ok(())
    }

    async fn forget_attempts(&self, key: &str) -> StoreResult<()> {
        self.lock().remove(key);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn window(key: &str, max: u32, span: Duration) -> Window<'_> {
        Window { key, max, span }
    }

    #[tokio::test]
    async fn a_spray_of_addresses_is_swept_now_and_then_not_at_every_attempt() {
        let attempts = MemoryAttempts::default();
        let short = Duration::from_millis(1);
        for n in 0..SWEEP_FLOOR + 1 {
            let key = format!("ip:{n}");
            let taken = attempts.take_slots(&[window(&key, 5, short)]).await;
            assert!(matches!(taken, Ok(Ok(_))));
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
        let taken = attempts.take_slots(&[window("ip:last", 5, short)]).await;
        assert!(matches!(taken, Ok(Ok(_))));
        assert_eq!(attempts.lock().len(), 1, "expired keys swept");
        assert_eq!(attempts.sweep_above.load(Ordering::Relaxed), SWEEP_FLOOR);
        // Live keys are kept, and the next sweep waits for twice as many.
        let live = MemoryAttempts::default();
        let hour = Duration::from_secs(3600);
        for n in 0..=SWEEP_FLOOR + 1 {
            let key = format!("ip:{n}");
            let taken = live.take_slots(&[window(&key, 5, hour)]).await;
            assert!(matches!(taken, Ok(Ok(_))));
        }
        assert_eq!(live.lock().len(), SWEEP_FLOOR + 2);
        assert_eq!(
            live.sweep_above.load(Ordering::Relaxed),
            2 * (SWEEP_FLOOR + 1)
        );
    }
}
