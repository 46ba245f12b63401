//! Retrying with growing pauses, shared by the webhook sender and the mail sender: the first
//! pause, doubling after each failure up to an hour, for as long as the schedule lasts.

use std::time::Duration;

use chrono::{DateTime, Utc};

/// The pause before attempt `n + 1`: `first`, doubling, at most an hour.
pub fn backoff(attempts: u32, first: Duration) -> chrono::Duration {
    let factor = 2u32.saturating_pow(attempts.saturating_sub(1).min(16));
    let pause = first.saturating_mul(factor).min(Duration::from_secs(3600));
    chrono::Duration::from_std(pause).unwrap_or(chrono::Duration::hours(1))
}

/// How long and how often something is retried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetrySchedule {
    /// The pause after the first failure; each later one doubles, at most an hour.
    pub first_retry: Duration,
    /// How long after the schedule started retries are made.
    pub retry_for: Duration,
}

impl RetrySchedule {
    /// When to try again after `attempts` failed attempts of a schedule that started at
    /// `started`; `None` once the next try would fall after the schedule's end.
    pub fn next_attempt(
        &self,
        attempts: u32,
        started: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Option<DateTime<Utc>> {
        let next = now + backoff(attempts, self.first_retry);
        let retry_for = chrono::Duration::from_std(self.retry_for).unwrap_or(chrono::Duration::MAX);
        (next - started <= retry_for).then_some(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pauses_double_up_to_an_hour_and_stop_when_the_schedule_ends() {
        let first = Duration::from_secs(30);
        assert_eq!(backoff(1, first), chrono::Duration::seconds(30));
        assert_eq!(backoff(3, first), chrono::Duration::seconds(120));
        assert_eq!(backoff(40, first), chrono::Duration::hours(1));
        let schedule = RetrySchedule {
            first_retry: first,
            retry_for: Duration::from_secs(24 * 60 * 60),
        };
        let now = Utc::now();
        assert_eq!(
            schedule.next_attempt(1, now, now),
            Some(now + chrono::Duration::seconds(30))
        );
        let late = now - chrono::Duration::hours(23) - chrono::Duration::minutes(30);
        assert_eq!(
            schedule.next_attempt(30, late, now),
            None,
            "the next hour falls after 24"
        );
    }
}
