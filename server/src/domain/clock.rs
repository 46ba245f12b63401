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

/// The organisation's time zone (`zone`, an IANA name; UTC for a name the database does not
/// know).
fn zone_of(zone: &TimeZoneName) -> chrono_tz::Tz {
    zone.as_str().parse().unwrap_or(chrono_tz::UTC)
}

/// Today where the organisation is, by the clock in scope: the day its people call today,
/// which a request's day of receipt, deadline and closing are counted in.
pub fn today_in(zone: &TimeZoneName) -> NaiveDate {
    day_in(zone, now())
}

/// The day `at` falls on where the organisation is.
pub fn day_in(zone: &TimeZoneName, at: DateTime<Utc>) -> NaiveDate {
    at.with_timezone(&zone_of(zone)).date_naive()
}

/// The first moment of `day` where the organisation is: its midnight, or when the day starts
/// if a clock change skips midnight.
pub fn start_of_day_in(zone: &TimeZoneName, day: NaiveDate) -> DateTime<Utc> {
    let zone = zone_of(zone);
    // Days start on a quarter hour in every zone; a skipped midnight moves the start by at
    // most the size of the change.
    (0..24 * 4)
        .filter_map(|quarter| {
            let local = day.and_time(chrono::NaiveTime::MIN) + Duration::minutes(15 * quarter);
            local.and_local_timezone(zone).earliest()
        })
        .map(|start| start.to_utc())
        .next()
        .unwrap_or_else(|| day.and_time(chrono::NaiveTime::MIN).and_utc())
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

    #[test]
    fn a_day_starts_at_its_midnight_or_when_a_clock_change_lets_it() {
        let zone = |name: &str| TimeZoneName::parse(name).expect("zone name");
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("date");
        let at = |text: &str| DateTime::parse_from_rfc3339(text).expect("time").to_utc();
        assert_eq!(
            start_of_day_in(&zone("Europe/Amsterdam"), day(2026, 12, 6)),
            at("2026-12-05T23:00:00Z")
        );
        assert_eq!(
            start_of_day_in(&zone("Asia/Kathmandu"), day(2026, 12, 6)),
            at("2026-12-05T18:15:00Z")
        );
        // Santiago's clocks go from 00:00 to 01:00 on 6 September 2026: the day starts at 1.
        assert_eq!(
            start_of_day_in(&zone("America/Santiago"), day(2026, 9, 6)),
            at("2026-09-06T04:00:00Z")
        );
        // A moment's day is the zone's: 23:30 UTC is the next day in Amsterdam.
        assert_eq!(
            day_in(&zone("Europe/Amsterdam"), at("2026-12-06T23:30:00Z")),
            day(2026, 12, 7)
        );
        assert_eq!(
            day_in(&zone("Europe/Atlantis"), at("2026-12-06T23:30:00Z")),
            day(2026, 12, 6)
        );
    }
}
