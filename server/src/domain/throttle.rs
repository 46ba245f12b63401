//! Abuse protection: sliding windows of attempts per key (client address, e-mail address,
//! form, account). A slot is taken *before* the work it guards, deciding and counting under
//! one lock, so N attempts at once count as N. The attempts are kept by the store
//! ([`AttemptStore`]): in the database every instance shares on PostgreSQL, so a client
//! cannot multiply a limit by the number of instances; in memory on SQLite, served by one.

use std::{sync::Arc, time::Duration};

use consentry_store::{
    AttemptStore,
    attempts::{Slot, Window},
};

use super::{Error, Result};

/// The names of every limit, as the metrics count their refusals.
pub const LIMITS: &[&str] = &[
    "sign_ins",
    "sign_ups",
    "privacy_requests",
    "code_checks",
    "widget_answers",
    "banners_shown",
    "renewals",
    "renewed_links",
];

/// Every limit on the public endpoints (sign-in has its own, [`SignInLimits`]).
pub struct PublicLimits {
    /// Sign-ups: per client address and per e-mail address (no inbox flooding).
    pub sign_ups: PairLimits,
    /// Privacy-centre requests: per client address and per e-mail address.
    pub privacy_requests: PairLimits,
    /// Privacy-centre codes checked per client address, whatever the challenge.
    pub code_checks: Throttle,
    /// Banner decisions and sign-ups per client address and per form.
    pub widget_answers: PairLimits,
    /// Banners shown (counted for the form's figures) per client address and per form.
    pub banners_shown: PairLimits,
    /// New consent links asked for per client address.
    pub renewals: Throttle,
    /// New consent links asked for per expired link: one in ten minutes, the others are
    /// answered alike but send nothing.
    pub renewed_links: Throttle,
}

impl PublicLimits {
    /// The limits, counted in `attempts`, with the widget's from the settings.
    pub fn new(
        attempts: &Arc<dyn AttemptStore>,
        widget_per_client_per_hour: u32,
        widget_per_form_per_hour: u32,
    ) -> PublicLimits {
        let pair = |name, per_client, per_target| PairLimits {
            per_client: Throttle::new(attempts, name, "client", per_client, HOUR),
            per_target: Throttle::new(attempts, name, "target", per_target, HOUR),
        };
        PublicLimits {
            sign_ups: pair("sign_ups", 30, 5),
            privacy_requests: pair("privacy_requests", 20, 5),
            code_checks: Throttle::new(attempts, "code_checks", "client", 50, HOUR),
            widget_answers: pair(
                "widget_answers",
                widget_per_client_per_hour,
                widget_per_form_per_hour,
            ),
            banners_shown: pair(
                "banners_shown",
                widget_per_client_per_hour,
                widget_per_form_per_hour,
            ),
            renewals: Throttle::new(attempts, "renewals", "client", 20, HOUR),
            renewed_links: Throttle::new(
                attempts,
                "renewed_links",
                "link",
                1,
                Duration::from_secs(10 * 60),
            ),
        }
    }
}

const HOUR: Duration = Duration::from_secs(60 * 60);

/// How often something public may be used from one client address, and for one target (an
/// e-mail address, a form) whoever asks.
pub struct PairLimits {
    per_client: Throttle,
    per_target: Throttle,
}

impl PairLimits {
    /// Counts one use against both limits, or neither when either is reached (then
    /// [`Error::TooManyAttempts`] with the seconds to wait).
    pub async fn admit(&self, ip: &str, target: &str) -> Result<()> {
        let (client, target) = (self.per_client.key(ip), self.per_target.key(target));
        let windows = [
            self.per_client.window(&client),
            self.per_target.window(&target),
        ];
        let taken = self.per_client.attempts.take_slots(&windows).await?;
        taken
            .map(drop)
            .map_err(|wait| self.per_client.refused(wait))
    }

    /// [`PairLimits::admit`] for an e-mail address, whatever its case.
    pub async fn admit_address(&self, ip: &str, email: &str) -> Result<()> {
        self.admit(ip, &email.trim().to_lowercase()).await
    }
}

/// How sign-ins are limited: failed attempts from one client address stop that address for
/// a while; failed attempts at one account only slow further attempts at it (an increasing
/// delay, capped), so an attacker's guesses never lock the real user out.
pub struct SignInLimits {
    per_client: Throttle,
    per_account: Throttle,
    free_account_failures: usize,
    max_account_delay: Duration,
}

/// The attempt's place in both limits, taken before its password is checked.
#[derive(Debug)]
#[must_use = "an attempt is kept (a failure), abandoned or succeeded"]
pub struct SignInAttempt {
    client: Slot,
    account: Slot,
    /// How long to wait before the password is checked.
    pub delay: Duration,
}

impl SignInLimits {
    /// `per_client` failures per client address in `window`; at one account, after
    /// `free_account_failures` failures in `window` each further attempt waits 1, 2, 4, …
    /// seconds, at most `max_account_delay`. Counted in `attempts`.
    pub fn new(
        attempts: &Arc<dyn AttemptStore>,
        per_client: u32,
        window: Duration,
        free_account_failures: u32,
        max_account_delay: Duration,
    ) -> SignInLimits {
        SignInLimits {
            per_client: Throttle::new(attempts, "sign_ins", "client", per_client, window),
            per_account: Throttle::new(attempts, "sign_ins", "account", u32::MAX, window),
            free_account_failures: free_account_failures as usize,
            max_account_delay,
        }
    }

    /// Counts an attempt from `client` at `account` before it is made: refused
    /// ([`Error::TooManyAttempts`]) when the client has no slot left, otherwise with the
    /// delay the account's recent failures call for.
    pub async fn begin(&self, client: &str, account: &str) -> Result<SignInAttempt> {
        let client = self.per_client.reserve(client).await?;
        let account = self.per_account.key(&account.to_lowercase());
        let (before, account) = self
            .per_account
            .attempts
            .count_attempt(&account, self.per_account.span)
            .await?;
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
    pub async fn abandon(&self, attempt: SignInAttempt) -> Result<()> {
        let attempts = &self.per_client.attempts;
        attempts.release_slot(attempt.client).await?;
        attempts.release_slot(attempt.account).await?;
        Ok(())
    }

    /// The password was right: the attempt does not count, and the account's failures are
    /// forgotten.
    pub async fn succeeded(&self, attempt: SignInAttempt) -> Result<()> {
        let attempts = &self.per_client.attempts;
        attempts.release_slot(attempt.client).await?;
        attempts.forget_attempts(&attempt.account.key).await?;
        Ok(())
    }
}

/// One limit: at most `max` attempts per key within `span`, its keys apart from every other
/// limit's.
pub struct Throttle {
    attempts: Arc<dyn AttemptStore>,
    /// The limit and what its keys are (e.g. `sign_ups/client`).
    name: String,
    max: u32,
    span: Duration,
}

impl Throttle {
    /// Allows `max` attempts per key of kind `keys` within `span`, for the limit `name`.
    fn new(
        attempts: &Arc<dyn AttemptStore>,
        name: &str,
        keys: &str,
        max: u32,
        span: Duration,
    ) -> Throttle {
        Throttle {
            attempts: Arc::clone(attempts),
            name: format!("{name}/{keys}"),
            max: max.max(1),
            span,
        }
    }

    /// The stored key of `key` in this limit.
    fn key(&self, key: &str) -> String {
        format!("{}:{key}", self.name)
    }

    fn window<'a>(&self, key: &'a str) -> Window<'a> {
        Window {
            key,
            max: self.max,
            span: self.span,
        }
    }

    /// Takes one of `key`'s slots before the attempt is made, or refuses
    /// ([`Error::TooManyAttempts`]) when none is left.
    async fn reserve(&self, key: &str) -> Result<Slot> {
        let key = self.key(key);
        let mut taken = self
            .attempts
            .take_slots(&[self.window(&key)])
            .await?
            .map_err(|wait| self.refused(wait))?;
        Ok(taken.remove(0))
    }

    /// The refusal of an attempt that must wait `retry_after_secs`, counted by the limit's
    /// name (`sign_ups`) in the metrics.
    fn refused(&self, retry_after_secs: u64) -> Error {
        let limit = self.name.split('/').next().unwrap_or_default();
        crate::telemetry::refused(limit);
        Error::TooManyAttempts { retry_after_secs }
    }

    /// Counts a use of `key` that always counts, or refuses ([`Error::TooManyAttempts`]).
    pub async fn admit(&self, key: &str) -> Result<()> {
        self.reserve(key).await.map(drop)
    }
}

#[cfg(test)]
mod tests {
    use consentry_store::attempts::MemoryAttempts;

    use super::*;

    fn memory() -> Arc<dyn AttemptStore> {
        Arc::new(MemoryAttempts::default())
    }

    fn refused(outcome: Result<impl Sized>) -> Option<u64> {
        match outcome {
            Err(Error::TooManyAttempts { retry_after_secs }) => Some(retry_after_secs),
            _ => None,
        }
    }

    #[test]
    fn every_limit_is_named_in_the_list_the_metrics_start_at_zero() {
        let attempts = memory();
        let public = PublicLimits::new(&attempts, 1, 1);
        let sign_ins = SignInLimits::new(&attempts, 1, HOUR, 1, HOUR);
        let names = [
            &public.sign_ups.per_client.name,
            &public.privacy_requests.per_client.name,
            &public.code_checks.name,
            &public.widget_answers.per_client.name,
            &public.banners_shown.per_client.name,
            &public.renewals.name,
            &public.renewed_links.name,
            &sign_ins.per_client.name,
        ];
        for name in names {
            let limit = name.split('/').next().unwrap_or_default();
            assert!(LIMITS.contains(&limit), "{limit} is not in LIMITS");
        }
        assert_eq!(names.len(), LIMITS.len());
    }

    #[tokio::test]
    async fn a_limit_refuses_once_full_and_keeps_its_keys_apart_from_other_limits() {
        let attempts = memory();
        let codes = Throttle::new(&attempts, "code_checks", "client", 3, HOUR);
        let renewals = Throttle::new(&attempts, "renewals", "client", 3, HOUR);
        for _ in 0..3 {
            codes.admit("1.2.3.4").await.expect("a slot");
        }
        let wait = refused(codes.admit("1.2.3.4").await).expect("no slot left");
        assert!(
            (3599..=3600).contains(&wait),
            "waits for the window, not {wait}"
        );
        codes.admit("5.6.7.8").await.expect("other keys unaffected");
        renewals
            .admit("1.2.3.4")
            .await
            .expect("the same address in another limit is not counted");
    }

    #[tokio::test]
    async fn failures_at_an_account_slow_it_down_but_never_refuse_a_clean_client() {
        let limits = SignInLimits::new(
            &memory(),
            10,
            Duration::from_secs(900),
            3,
            Duration::from_secs(8),
        );
        let mut delays = Vec::new();
        for _ in 0..10 {
            let attempt = limits
                .begin("6.6.6.6", "Admin@Acme.nl")
                .await
                .expect("a slot");
            delays.push(attempt.delay.as_secs());
        }
        assert_eq!(delays, vec![0, 0, 0, 1, 2, 4, 8, 8, 8, 8]);
        assert!(
            refused(limits.begin("6.6.6.6", "admin@acme.nl").await).is_some(),
            "the address is stopped"
        );
        let clean = limits
            .begin("10.1.1.1", "admin@acme.nl")
            .await
            .expect("never refused");
        assert_eq!(clean.delay, Duration::from_secs(8), "but slowed down");
        limits.succeeded(clean).await.expect("succeeded");
        let next = limits
            .begin("10.1.1.1", "admin@acme.nl")
            .await
            .expect("a slot");
        assert_eq!(
            next.delay,
            Duration::ZERO,
            "a success forgets the account's failures"
        );
        // An attempt not checked (the server busy) gives its slot back.
        let limits = SignInLimits::new(
            &memory(),
            1,
            Duration::from_secs(900),
            3,
            Duration::from_secs(8),
        );
        let attempt = limits.begin("7.7.7.7", "a@b.nl").await.expect("a slot");
        limits.abandon(attempt).await.expect("abandoned");
        let _kept = limits
            .begin("7.7.7.7", "a@b.nl")
            .await
            .expect("the slot is free again");
        assert!(refused(limits.begin("7.7.7.7", "a@b.nl").await).is_some());
    }

    #[tokio::test]
    async fn concurrent_uses_of_a_form_never_exceed_its_limit() {
        let attempts = memory();
        let limits = Arc::new(PublicLimits::new(&attempts, 100, 7));
        let uses: Vec<_> = (0..40)
            .map(|i| {
                let limits = Arc::clone(&limits);
                tokio::spawn(async move {
                    limits
                        .widget_answers
                        .admit(&format!("10.0.0.{i}"), "acme/news")
                        .await
                        .is_ok()
                })
            })
            .collect();
        let mut granted = 0;
        for admitted in uses {
            granted += usize::from(admitted.await.expect("task"));
        }
        assert_eq!(granted, 7);
    }

    #[tokio::test]
    async fn a_form_is_limited_across_clients_and_a_client_across_forms() {
        let limits = PublicLimits::new(&memory(), 2, 3).widget_answers;
        assert!(limits.admit("1.1.1.1", "acme/cookies").await.is_ok());
        assert!(limits.admit("1.1.1.1", "acme/news").await.is_ok());
        assert!(
            limits.admit("1.1.1.1", "acme/other").await.is_err(),
            "the client's limit counts every form"
        );
        assert!(limits.admit("2.2.2.2", "acme/cookies").await.is_ok());
        assert!(limits.admit("3.3.3.3", "acme/cookies").await.is_ok());
        assert!(
            limits.admit("4.4.4.4", "acme/cookies").await.is_err(),
            "the form's limit counts every client"
        );
        assert!(limits.admit("4.4.4.4", "acme/news").await.is_ok());
    }
}
