//! Abuse protection: sliding windows of attempts per key (client address, e-mail address,
//! form). A slot is taken under one lock *before* the work it guards, so N attempts at once
//! count as N. Kept in memory: a restart forgets it, which only helps a patient attacker once,
//! and sign-in stays available when the database is busy.

use std::{
    collections::{HashMap, VecDeque},
    sync::{
        Mutex, MutexGuard,
        atomic::{AtomicUsize, Ordering},
    },
    time::{Duration, Instant},
};

/// Every limit on the public endpoints (sign-in has its own, [`SignInLimits`]).
#[derive(Debug)]
pub struct PublicLimits {
    /// Sign-ups: per client address and per e-mail address (no inbox flooding).
    pub sign_ups: PairLimits,
    /// Privacy-centre requests: per client address and per e-mail address.
    pub privacy_requests: PairLimits,
    /// Privacy-centre codes checked per client address, whatever the challenge.
    pub code_checks: Throttle,
    /// Banner decisions and sign-ups per client address and per form.
    pub widget_answers: PairLimits,
    /// New consent links asked for per client address.
    pub renewals: Throttle,
    /// New consent links asked for per expired link: one in ten minutes, the others are
    /// answered alike but send nothing.
    pub renewed_links: Throttle,
}

impl PublicLimits {
    /// The limits, with the widget's from the settings.
    pub fn new(widget_per_client_per_hour: u32, widget_per_form_per_hour: u32) -> PublicLimits {
        let hour = Duration::from_secs(60 * 60);
        PublicLimits {
            sign_ups: PairLimits::hourly(30, 5),
            privacy_requests: PairLimits::hourly(20, 5),
            code_checks: Throttle::new(50, hour),
            widget_answers: PairLimits::hourly(
                widget_per_client_per_hour,
                widget_per_form_per_hour,
            ),
            renewals: Throttle::new(20, hour),
            renewed_links: Throttle::new(1, Duration::from_secs(10 * 60)),
        }
    }
}

/// How often something public may be used from one client address, and for one target (an
/// e-mail address, a form) whoever asks.
#[derive(Debug)]
pub struct PairLimits {
    per_client: Throttle,
    per_target: Throttle,
}

impl PairLimits {
    /// At most `per_client` uses an hour from one client address and `per_target` for one
    /// target.
    pub fn hourly(per_client: u32, per_target: u32) -> PairLimits {
        let hour = Duration::from_secs(60 * 60);
        PairLimits {
            per_client: Throttle::new(per_client, hour),
            per_target: Throttle::new(per_target, hour),
        }
    }

    /// Counts one use against both limits, or neither when either is reached (the seconds to
    /// wait). Both windows are locked (always in this order) while deciding and counting.
    pub fn admit(&self, ip: &str, target: &str) -> Result<(), u64> {
        let (client, target) = (format!("ip:{ip}"), format!("to:{target}"));
        let now = Instant::now();
        let mut a = self.per_client.lock();
        let mut b = self.per_target.lock();
        let wait = self
            .per_client
            .wait_at(&mut a, &client, now)
            .max(self.per_target.wait_at(&mut b, &target, now));
        if let Some(seconds) = wait {
            return Err(seconds);
        }
        self.per_client.count_at(&mut a, &client, now);
        self.per_target.count_at(&mut b, &target, now);
        Ok(())
    }

    /// [`PairLimits::admit`] for an e-mail address, whatever its case.
    pub fn admit_address(&self, ip: &str, email: &str) -> Result<(), u64> {
        self.admit(ip, &email.trim().to_lowercase())
    }
}

/// How sign-ins are limited: failed attempts from one client address stop that address for
/// a while; failed attempts at one account only slow further attempts at it (an increasing
/// delay, capped), so an attacker's guesses never lock the real user out.
#[derive(Debug)]
pub struct SignInLimits {
    per_client: Throttle,
    per_account: Throttle,
    free_account_failures: usize,
    max_account_delay: Duration,
}

/// The attempt's place in both limits, taken before its password is checked.
#[derive(Debug)]
pub struct SignInAttempt {
    client: Reservation,
    account: Reservation,
    /// How long to wait before the password is checked.
    pub delay: Duration,
}

impl SignInLimits {
    /// `per_client` failures per client address in `window`; at one account, after
    /// `free_account_failures` failures in `window` each further attempt waits 1, 2, 4, …
    /// seconds, at most `max_account_delay`.
    pub fn new(
        per_client: u32,
        window: Duration,
        free_account_failures: u32,
        max_account_delay: Duration,
    ) -> SignInLimits {
        SignInLimits {
            per_client: Throttle::new(per_client, window),
            per_account: Throttle::new(u32::MAX, window),
            free_account_failures: free_account_failures as usize,
            max_account_delay,
        }
    }

    /// Counts an attempt from `client` at `account` before it is made: refused (seconds to
    /// wait) when the client has no slot left, otherwise with the delay the account's recent
    /// failures call for.
    pub fn begin(&self, client: &str, account: &str) -> Result<SignInAttempt, u64> {
        let client = self.per_client.reserve(&format!("client:{client}"))?;
        let account_key = format!("account:{}", account.to_lowercase());
        let (before, account) = self.per_account.count(&account_key);
        let delay = before
            .checked_sub(self.free_account_failures)
            .map(|over| {
                let seconds = 1u64 << over.min(16);
                Duration::from_secs(seconds).min(self.max_account_delay)
            })
            .unwrap_or_default();
        Ok(SignInAttempt {
            client,
            account,
            delay,
        })
    }

    /// The password was not checked after all: the attempt does not count.
    pub fn abandon(&self, attempt: SignInAttempt) {
        self.per_client.release(attempt.client);
        self.per_account.release(attempt.account);
    }

    /// The password was right: the attempt does not count, and the account's failures are
    /// forgotten.
    pub fn succeeded(&self, attempt: SignInAttempt) {
        self.per_client.release(attempt.client);
        self.per_account.forget(&attempt.account.key);
    }
}

/// Keys kept before the first sweep of expired ones.
const SWEEP_FLOOR: usize = 10_000;

/// Counts attempts per key and says when a key must wait.
#[derive(Debug)]
pub struct Throttle {
    max_attempts: usize,
    window: Duration,
    attempts: Mutex<HashMap<String, VecDeque<Instant>>>,
    /// Expired keys are swept once there are more keys than this; it then becomes twice the
    /// keys left, so a spray of new addresses costs amortised constant time per attempt.
    sweep_above: AtomicUsize,
}

/// A slot taken by [`Throttle::reserve`]: it counts unless [`Throttle::release`]d.
#[derive(Debug)]
#[must_use = "a reservation is either kept (a failure) or released (a success)"]
pub struct Reservation {
    key: String,
    at: Instant,
}

impl Throttle {
    /// Allows `max_attempts` per key within `window`.
    pub fn new(max_attempts: u32, window: Duration) -> Throttle {
        Throttle {
            max_attempts: max_attempts.max(1) as usize,
            window,
            attempts: Mutex::new(HashMap::new()),
            sweep_above: AtomicUsize::new(SWEEP_FLOOR),
        }
    }

    /// Takes one of `key`'s slots before the attempt is made, or says how many seconds to
    /// wait when none is left. Deciding and counting happen under one lock.
    pub fn reserve(&self, key: &str) -> Result<Reservation, u64> {
        let now = Instant::now();
        let mut attempts = self.lock();
        if let Some(seconds) = self.wait_at(&mut attempts, key, now) {
            return Err(seconds);
        }
        self.count_at(&mut attempts, key, now);
        Ok(Reservation {
            key: key.to_owned(),
            at: now,
        })
    }

    /// Counts a use of `key` that always counts, or says how many seconds to wait.
    pub fn admit(&self, key: &str) -> Result<(), u64> {
        self.reserve(key).map(drop)
    }

    /// Counts an attempt for `key` whatever the limit: how many were counted before it in
    /// the window, and its reservation.
    pub fn count(&self, key: &str) -> (usize, Reservation) {
        let now = Instant::now();
        let mut attempts = self.lock();
        let before = attempts.get_mut(key).map_or(0, |times| {
            prune(times, now, self.window);
            times.len()
        });
        self.count_at(&mut attempts, key, now);
        (
            before,
            Reservation {
                key: key.to_owned(),
                at: now,
            },
        )
    }

    /// Forgets every attempt of `key`.
    pub fn forget(&self, key: &str) {
        self.lock().remove(key);
    }

    /// Gives a reserved slot back (the attempt succeeded and should not count).
    pub fn release(&self, reservation: Reservation) {
        let mut attempts = self.lock();
        if let Some(times) = attempts.get_mut(&reservation.key)
            && let Some(index) = times.iter().rposition(|t| *t == reservation.at)
        {
            times.remove(index);
        }
    }

    fn lock(&self) -> MutexGuard<'_, HashMap<String, VecDeque<Instant>>> {
        self.attempts.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Seconds until `key` may try again, or `None` when it may now.
    fn wait_at(
        &self,
        attempts: &mut HashMap<String, VecDeque<Instant>>,
        key: &str,
        now: Instant,
    ) -> Option<u64> {
        let times = attempts.get_mut(key)?;
        prune(times, now, self.window);
        (times.len() >= self.max_attempts).then(|| {
            let oldest = times.front().copied().unwrap_or(now);
            let wait = self.window.saturating_sub(now.duration_since(oldest));
            wait.as_secs().max(1)
        })
    }

    fn count_at(&self, attempts: &mut HashMap<String, VecDeque<Instant>>, key: &str, now: Instant) {
        // Bound memory under a spray of addresses: drop keys whose attempts all expired.
        if attempts.len() > self.sweep_above.load(Ordering::Relaxed) {
            attempts.retain(|_, times| {
                prune(times, now, self.window);
                !times.is_empty()
            });
            let next = (attempts.len() * 2).max(SWEEP_FLOOR);
            self.sweep_above.store(next, Ordering::Relaxed);
        }
        let times = attempts.entry(key.to_owned()).or_default();
        prune(times, now, self.window);
        times.push_back(now);
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

    #[test]
    fn reserves_up_to_the_maximum_and_a_released_slot_is_free_again() {
        let throttle = Throttle::new(3, Duration::from_secs(60));
        let taken: Vec<_> = (0..3)
            .map(|_| throttle.reserve("client:1.2.3.4").expect("a slot"))
            .collect();
        let wait = throttle
            .reserve("client:1.2.3.4")
            .expect_err("no slot left");
        assert!(
            (59..=60).contains(&wait),
            "waits for the window, not {wait}"
        );
        assert!(
            throttle.reserve("client:5.6.7.8").is_ok(),
            "other keys unaffected"
        );
        let mut taken = taken.into_iter();
        throttle.release(taken.next().expect("one"));
        assert!(
            throttle.reserve("client:1.2.3.4").is_ok(),
            "the released slot"
        );
        assert!(throttle.reserve("client:1.2.3.4").is_err());
    }

    #[test]
    fn failures_at_an_account_slow_it_down_but_never_refuse_a_clean_client() {
        let limits = SignInLimits::new(10, Duration::from_secs(900), 3, Duration::from_secs(8));
        let delays: Vec<u64> = (0..10)
            .map(|_| {
                let attempt = limits.begin("6.6.6.6", "Admin@Acme.nl").expect("a slot");
                attempt.delay.as_secs()
            })
            .collect();
        assert_eq!(delays, vec![0, 0, 0, 1, 2, 4, 8, 8, 8, 8]);
        assert!(
            limits.begin("6.6.6.6", "admin@acme.nl").is_err(),
            "the address is stopped"
        );
        let clean = limits
            .begin("10.1.1.1", "admin@acme.nl")
            .expect("never refused");
        assert_eq!(clean.delay, Duration::from_secs(8), "but slowed down");
        limits.succeeded(clean);
        let next = limits.begin("10.1.1.1", "admin@acme.nl").expect("a slot");
        assert_eq!(
            next.delay,
            Duration::ZERO,
            "a success forgets the account's failures"
        );
    }

    #[test]
    fn a_spray_of_addresses_is_swept_now_and_then_not_at_every_attempt() {
        let throttle = Throttle::new(5, Duration::from_millis(1));
        for n in 0..SWEEP_FLOOR + 1 {
            throttle.admit(&format!("ip:{n}")).expect("a slot");
        }
        std::thread::sleep(Duration::from_millis(5));
        throttle.admit("ip:last").expect("a slot");
        assert_eq!(throttle.lock().len(), 1, "expired keys swept");
        assert_eq!(throttle.sweep_above.load(Ordering::Relaxed), SWEEP_FLOOR);
        // Live keys are kept, and the next sweep waits for twice as many.
        let live = Throttle::new(5, Duration::from_secs(60));
        for n in 0..=SWEEP_FLOOR + 1 {
            live.admit(&format!("ip:{n}")).expect("a slot");
        }
        assert_eq!(live.lock().len(), SWEEP_FLOOR + 2);
        assert_eq!(
            live.sweep_above.load(Ordering::Relaxed),
            2 * (SWEEP_FLOOR + 1)
        );
    }

    #[test]
    fn concurrent_reservations_never_exceed_the_maximum() {
        let throttle = std::sync::Arc::new(Throttle::new(10, Duration::from_secs(60)));
        let threads: Vec<_> = (0..40)
            .map(|_| {
                let throttle = std::sync::Arc::clone(&throttle);
                std::thread::spawn(move || throttle.reserve("client:1.1.1.1").is_ok())
            })
            .collect();
        let granted = threads
            .into_iter()
            .filter_map(|t| t.join().ok())
            .filter(|ok| *ok)
            .count();
        assert_eq!(granted, 10);
    }

    #[test]
    fn concurrent_uses_of_a_form_never_exceed_its_limit() {
        let limits = std::sync::Arc::new(PairLimits::hourly(100, 7));
        let threads: Vec<_> = (0..40)
            .map(|i| {
                let limits = std::sync::Arc::clone(&limits);
                std::thread::spawn(move || {
                    limits.admit(&format!("10.0.0.{i}"), "acme/news").is_ok()
                })
            })
            .collect();
        let granted = threads
            .into_iter()
            .filter_map(|t| t.join().ok())
            .filter(|ok| *ok)
            .count();
        assert_eq!(granted, 7);
    }

    #[test]
    fn a_form_is_limited_across_clients_and_a_client_across_forms() {
        let limits = PairLimits::hourly(2, 3);
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
