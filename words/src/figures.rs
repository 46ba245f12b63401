//! Figures as the admin app shows them: how far a long job is ("120 / 201 · 60 % · about
//! 2 min left").

use chrono::TimeDelta;
use consentry_model::Lang;

use crate::catalogue::{Msg, text};

/// A count with the reader's thousands separator: 12,345 in English, 12.345 in Dutch and
/// German, 12 345 in French (a narrow no-break space, so it never breaks across lines).
pub fn count(lang: Lang, n: u64) -> String {
    let separator = match lang {
        Lang::En => ',',
        Lang::Nl | Lang::De => '.',
        Lang::Fr => '\u{202F}',
    };
    let digits = n.to_string();
    let mut shown = String::with_capacity(digits.len() + digits.len() / 3 * 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            shown.push(separator);
        }
        shown.push(digit);
    }
    shown
}

/// Done of total, the share done, and (while running, once something is done) the time left.
pub fn progress(lang: Lang, done: u64, total: u64, left: Option<TimeDelta>) -> String {
    let mut figures = format!("{} / {}", count(lang, done), count(lang, total));
    if total > 0 {
        figures.push_str(&format!(" · {} %", percent(done, total)));
    }
    if let Some(left) = left {
        figures.push_str(" · ");
        figures.push_str(&time_left(lang, left));
    }
    figures
}

/// The share done, rounded, but 100 only when everything is done.
pub fn percent(done: u64, total: u64) -> u64 {
    if total == 0 || done >= total {
        return 100;
    }
    ((done * 100 + total / 2) / total).min(99)
}

/// The time left at the pace so far: `elapsed` for `done` of `total`. None before anything is
/// done (no pace yet) and once everything is.
pub fn remaining(done: u64, total: u64, elapsed: TimeDelta) -> Option<TimeDelta> {
    if done == 0 || done >= total || elapsed <= TimeDelta::zero() {
        return None;
    }
    let per_item = elapsed.num_milliseconds() as f64 / done as f64;
    Some(TimeDelta::milliseconds(
        (per_item * (total - done) as f64).ceil() as i64,
    ))
}

/// "about 3 min left", rounded up to whole minutes; "less than a minute left" below one.
fn time_left(lang: Lang, left: TimeDelta) -> String {
    if left < TimeDelta::minutes(1) {
        return text(lang, Msg::UnderAMinuteLeft).to_owned();
    }
    let minutes = (left.num_seconds() + 59) / 60;
    text(lang, Msg::MinutesLeft).replace("{n}", &minutes.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_carry_the_readers_thousands_separator() {
        assert_eq!(count(Lang::En, 0), "0");
        assert_eq!(count(Lang::En, 999), "999");
        assert_eq!(count(Lang::En, 1000), "1,000");
        assert_eq!(count(Lang::En, 1_234_567), "1,234,567");
        assert_eq!(count(Lang::Nl, 22_000), "22.000");
        assert_eq!(count(Lang::De, 100_000), "100.000");
        assert_eq!(count(Lang::Fr, 12_345), "12\u{202F}345");
        assert_eq!(
            progress(Lang::Nl, 1200, 20_100, None),
            "1.200 / 20.100 · 6 %"
        );
    }

    #[test]
    fn shows_count_share_and_time_left() {
        let left = remaining(120, 201, TimeDelta::seconds(180));
        assert_eq!(left, Some(TimeDelta::milliseconds(121_500)));
        assert_eq!(
            progress(Lang::En, 120, 201, left),
            "120 / 201 · 60 % · about 3 min left"
        );
        assert_eq!(
            progress(Lang::En, 5, 10, Some(TimeDelta::seconds(59))),
            "5 / 10 · 50 % · less than a minute left"
        );
        assert_eq!(
            progress(Lang::Nl, 120, 201, left),
            "120 / 201 · 60 % · nog ongeveer 3 min"
        );
    }

    #[test]
    fn never_claims_done_early_nor_guesses_without_a_pace() {
        assert_eq!(percent(1999, 2000), 99);
        assert_eq!(percent(2000, 2000), 100);
        assert_eq!(remaining(0, 10, TimeDelta::seconds(30)), None);
        assert_eq!(remaining(10, 10, TimeDelta::seconds(30)), None);
        assert_eq!(progress(Lang::En, 0, 0, None), "0 / 0");
        assert_eq!(progress(Lang::En, 10, 10, None), "10 / 10 · 100 %");
    }
}
