//! Abuse protection: a sliding window of attempts per key (client address, e-mail address),
//! for failed sign-ins and public sign-ups. Kept in memory: a restart forgets it, which only
//! helps a patient attacker once, and sign-in stays available when the database is busy.

use std::{
    collections::{HashMap, VecDeque},
    sync::Mutex,
    time::{Duration, Instant},
};

/// How often a public form may be used from one client address and for one e-mail address:
/// a sign-up or privacy-centre form must not become a way to flood someone's inbox.
#[derive(Debug)]
pub struct AddressLimits {
    per_client: Throttle,
    per_email: Throttle,
}

impl AddressLimits {
    /// At most `per_client` uses an hour from one client address and `per_email` for one
    /// e-mail address.
    pub fn hourly(per_client: u32, per_email: u32) -> AddressLimits {
        let hour = Duration::from_secs(60 * 60);
        AddressLimits {
            per_client: Throttle::new(per_client, hour),
            per_email: Throttle::new(per_email, hour),
        }
    }

    /// Counts one use; the seconds to wait when over a limit.
    pub fn admit(&self, ip: &str, email: &str) -> Result<(), u64> {
        admit_both(
            (&self.per_client, format!("ip:{ip}")),
            (
                &self.per_email,
                format!("email:{}", email.trim().to_lowercase()),
            ),
        )
    }
}

/// How often a form's widget may be answered: from one client address, and in all.
#[derive(Debug)]
pub struct FormLimits {
    per_client: Throttle,
    per_form: Throttle,
}

impl FormLimits {
    /// At most `per_client` answers an hour from one client address and `per_form` to one
    /// form.
    pub fn hourly(per_client: u32, per_form: u32) -> FormLimits {
        let hour = Duration::from_secs(60 * 60);
        FormLimits {
            per_client: Throttle::new(per_client, hour),
            per_form: Throttle::new(per_form, hour),
        }
    }

    /// Counts one answer; the seconds to wait when over a limit.
    pub fn admit(&self, ip: &str, form: &str) -> Result<(), u64> {
        admit_both(
            (&self.per_client, format!("ip:{ip}")),
            (&self.per_form, format!("form:{form}")),
        )
    }
}

/// Counts a use against two limits at once, or neither when either is reached.
fn admit_both(first: (&Throttle, String), second: (&Throttle, String)) -> Result<(), u64> {
    let (a, b) = ([first.1], [second.1]);
    if let Some(seconds) = first.0.blocked_for(&a).max(second.0.blocked_for(&b)) {
        return Err(seconds);
    }
    first.0.record(&a);
    second.0.record(&b);
    Ok(())
}

/// Counts attempts per key and says when a key must wait.
#[derive(Debug)]
pub struct Throttle {
    max_failures: usize,
    window: Duration,
    failures: Mutex<HashMap<String, VecDeque<Instant>>>,
}

impl Throttle {
    /// Allows `max_failures` failures per key within `window`.
    pub fn new(max_failures: u32, window: Duration) -> Throttle {
        Throttle {
            max_failures: max_failures.max(1) as usize,
            window,
            failures: Mutex::new(HashMap::new()),
        }
    }

    /// Seconds until the most restricted of `keys` may try again, or `None` when all may.
    pub fn blocked_for(&self, keys: &[String]) -> Option<u64> {
        self.blocked_for_at(keys, Instant::now())
    }

    fn blocked_for_at(&self, keys: &[String], now: Instant) -> Option<u64> {
        let mut failures = self.failures.lock().unwrap_or_else(|e| e.into_inner());
        keys.iter()
            .filter_map(|key| {
                let times = failures.get_mut(key)?;
                prune(times, now, self.window);
                (times.len() >= self.max_failures).then(|| {
                    let oldest = times.front().copied().unwrap_or(now);
                    let wait = self.window.saturating_sub(now.duration_since(oldest));
                    wait.as_secs().max(1)
                })
            })
            .max()
    }

    /// Records one failure against every key.
    pub fn record(&self, keys: &[String]) {
        self.record_at(keys, Instant::now());
    }

    fn record_at(&self, keys: &[String], now: Instant) {
        let mut failures = self.failures.lock().unwrap_or_else(|e| e.into_inner());
        // Bound memory under a spray of addresses: drop keys whose failures all expired.
        if failures.len() > 10_000 {
            failures.retain(|_, times| {
                prune(times, now, self.window);
                !times.is_empty()
            });
        }
        for key in keys {
            let times = failures.entry(key.clone()).or_default();
            prune(times, now, self.window);
            times.push_back(now);
        }
    }

    /// Clears a key's failures (after a successful sign-in for that address).
    pub fn forget(&self, key: &str) {
        let mut failures = self.failures.lock().unwrap_or_else(|e| e.into_inner());
        failures.remove(key);
    }
}

fn prune(times: &mut VecDeque<Instant>, now: Instant, window: Duration) {
    while times
        .front()
        .is_some_and(|t| now.duration_since(*t) >= window)
    {
        times.pop_front();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(k: &[&str]) -> Vec<String> {
        k.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn blocks_after_the_maximum_failures_until_the_window_passes() {
        let throttle = Throttle::new(3, Duration::from_secs(60));
        let start = Instant::now();
        let k = keys(&["client:1.2.3.4", "email:a@b.nl"]);
        for _ in 0..2 {
            throttle.record_at(&k, start);
        }
        assert_eq!(throttle.blocked_for_at(&k, start), None);
        throttle.record_at(&k, start);
        assert_eq!(throttle.blocked_for_at(&k, start), Some(60));
        let later = start + Duration::from_secs(45);
        assert_eq!(throttle.blocked_for_at(&k, later), Some(15));
        assert_eq!(
            throttle.blocked_for_at(&k, start + Duration::from_secs(60)),
            None
        );
    }

    #[test]
    fn one_blocked_key_blocks_the_attempt_and_forget_clears_a_key() {
        let throttle = Throttle::new(1, Duration::from_secs(60));
        let now = Instant::now();
        throttle.record_at(&keys(&["email:a@b.nl"]), now);
        let attempt = keys(&["client:9.9.9.9", "email:a@b.nl"]);
        assert!(throttle.blocked_for_at(&attempt, now).is_some());
        throttle.forget("email:a@b.nl");
        assert_eq!(throttle.blocked_for_at(&attempt, now), None);
    }

    #[test]
    fn a_form_is_limited_across_clients_and_a_client_across_forms() {
        let limits = FormLimits::hourly(2, 3);
        assert!(limits.admit("1.1.1.1", "acme/cookies").is_ok());
        assert!(limits.admit("1.1.1.1", "acme/news").is_ok());
        assert!(
            limits.admit("1.1.1.1", "acme/other").is_err(),
            "the client's limit counts every form"
        );
        assert!(limits.admit("2.2.2.2", "acme/cookies").is_ok());
        assert!(limits.admit("3.3.3.3", "acme/cookies").is_ok());
        assert!(
            limits.admit("4.4.4.4", "acme/cookies").is_err(),
            "the form's limit counts every client"
        );
        assert!(limits.admit("4.4.4.4", "acme/news").is_ok());
    }
}
