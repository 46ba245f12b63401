//! The time the domain's rules read: when a link expires, when a request is due, when the
//! waiting period ends. A serving process reads the system clock; a test runs a rule at a
//! moment of its choosing with [`with`], so expiry, deadlines and the waiting period are
//! checked without sleeping.
//!
//! The clock is scoped to a task, not a global: tests running side by side each keep their
//! own time, and a task spawned inside the scope reads the system clock unless it is given
//! the scope again with [`carry`].

use std::{
    future::Future,
    sync::{Arc, Mutex, PoisonError},
};

use chrono::{DateTime, Duration, NaiveDate, Utc};
use consentry_model::{auth::Session, text::TimeZoneName};

/// A source of the current time.
pub trait Clock: Send + Sync + std::fmt::Debug {
    /// Now.
    fn now(&self) -> DateTime<Utc>;
}

/// The system clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// A clock that stands still until moved: for tests.
#[derive(Debug)]
pub struct FixedClock(Mutex<DateTime<Utc>>);

impl FixedClock {
    /// A clock standing at `at`.
    pub fn at(at: DateTime<Utc>) -> Arc<FixedClock> {
        Arc::new(FixedClock(Mutex::new(at)))
    }

    /// Moves the clock on by `by`.
    pub fn advance(&self, by: Duration) {
        *self.0.lock().unwrap_or_else(PoisonError::into_inner) += by;
    }
}

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        *self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

tokio::task_local! {
    static CLOCK: Arc<dyn Clock>;
}

/// Now, by the clock in scope (the system clock outside any [`with`]).
pub fn now() -> DateTime<Utc> {
    CLOCK
        .try_with(|clock| clock.now())
        .unwrap_or_else(|_| Utc::now())
}

/// Today (UTC), by the clock in scope.
pub fn today() -> NaiveDate {
    now().date_naive()
}

/// Today where the organisation is (`zone`, an IANA name; UTC for a name the database does
/// not know), by the clock in scope: the day its people call today, which a request's day of
/// receipt, deadline and closing are counted in.
pub fn today_in(zone: &TimeZoneName) -> NaiveDate {
    let now = now();
    zone.as_str().parse::<chrono_tz::Tz>().map_or_else(
        |_| now.date_naive(),
        |tz| now.with_timezone(&tz).date_naive(),
    )
}

/// Today where the signed-in person's organisation is (see [`today_in`]).
pub fn today_of(session: &Session) -> NaiveDate {
    today_in(&session.organisation.time_zone)
}

/// Runs `work` with `clock` as the domain's time.
pub async fn with<F: Future>(clock: Arc<dyn Clock>, work: F) -> F::Output {
    CLOCK.scope(clock, work).await
}

/// `work` with the clock now in scope, for a task spawned from it.
pub fn carry<F: Future>(work: F) -> impl Future<Output = F::Output> {
    let clock = CLOCK.try_with(Arc::clone).ok();
    async move {
        match clock {
            Some(clock) => CLOCK.scope(clock, work).await,
            None => work.await,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_scope_reads_its_own_time_and_outside_it_the_system_clock() {
        let start = DateTime::parse_from_rfc3339("2026-01-31T12:00:00Z")
            .expect("time")
            .to_utc();
        let clock = FixedClock::at(start);
        let inside = with(clock.clone(), async {
            let first = now();
            clock.advance(Duration::days(30));
            let spawned = tokio::spawn(carry(async { now() })).await.expect("task");
            (first, today(), spawned)
        })
        .await;
        assert_eq!(inside.0, start);
        assert_eq!(inside.1, NaiveDate::from_ymd_opt(2026, 3, 2).expect("date"));
        assert_eq!(
            inside.2,
            start + Duration::days(30),
            "carried into a spawned task"
        );
        assert!(
            now() > start + Duration::days(300),
            "the system clock outside"
        );
    }

    #[tokio::test]
    async fn today_is_the_organisations_day() {
        let zone = |name: &str| TimeZoneName::parse(name).expect("zone name");
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("date");
        // 23:30 UTC on 6 December: already the 7th in Amsterdam and Auckland, still the 6th
        // in New York; a zone the database does not know counts in UTC.
        let late = DateTime::parse_from_rfc3339("2026-12-06T23:30:00Z")
            .expect("time")
            .to_utc();
        let days = with(FixedClock::at(late), async {
            [
                "Europe/Amsterdam",
                "Pacific/Auckland",
                "America/New_York",
                "UTC",
                "Europe/Atlantis",
            ]
            .map(|name| today_in(&zone(name)))
        })
        .await;
        assert_eq!(
            days,
            [
                day(2026, 12, 7),
                day(2026, 12, 7),
                day(2026, 12, 6),
                day(2026, 12, 6),
                day(2026, 12, 6)
            ]
        );
    }
}
