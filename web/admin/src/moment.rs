//! Moments as every page shows them: in the reader's language and the organisation's time zone
//! (a setting; stored moments stay UTC), through the browser's `Intl.DateTimeFormat`, so no
//! time-zone database travels in the WebAssembly.

use std::cell::RefCell;

use chrono::{DateTime, NaiveDate, NaiveTime, SecondsFormat, TimeDelta, Timelike, Utc};
use consentry_model::Lang;
use js_sys::{Array, Function, Object, Reflect};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::{auth::Auth, i18n::I18n};

thread_local! {
    /// The last formatter made, by language and zone: making one costs more than using it.
    static FORMATTER: RefCell<Option<(Lang, String, Precision, Function)>> = const { RefCell::new(None) };
}

/// How much of a moment is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Precision {
    /// A calendar day: `6 Dec 2026`.
    Day,
    /// To the minute, with the zone: `6 Dec 2026, 11:15 CET`.
    Minute,
    /// To the second, with the zone.
    Second,
}

/// `6 Dec 2026, 11:15 CET`: day, month, year, 24-hour time and the zone's abbreviation, in the
/// reader's language (reactive, like the zone, inside a view).
pub fn format_time(t: DateTime<Utc>) -> String {
    format_moment(t, Precision::Minute)
}

/// [`format_time`] to the second (`6 Dec 2026, 11:15:07 CET`), for the audit trail.
pub fn format_time_seconds(t: DateTime<Utc>) -> String {
    format_moment(t, Precision::Second)
}

/// A calendar day (a deadline, the day a request came in) in the reader's language:
/// `6 Dec 2026`, `6 dec 2026`; a day has no zone.
pub fn format_day(day: NaiveDate) -> String {
    let lang = use_context::<I18n>().map_or(Lang::En, I18n::lang);
    format_in(
        day.and_time(NaiveTime::MIN).and_utc(),
        lang,
        "UTC",
        Precision::Day,
    )
    .unwrap_or_else(|| day.to_string())
}

/// The moment `day` begins in the organisation's time zone (its midnight, or the first moment
/// of the day where the clocks skip midnight), for filters that pick days; UTC's where the
/// browser does not know the zone.
pub fn day_start(day: NaiveDate) -> DateTime<Utc> {
    let wall_clock = wall_clock(&organisation_zone());
    let offset = |t: DateTime<Utc>| {
        wall_clock
            .as_ref()
            .and_then(|w| offset(w, t))
            .unwrap_or_default()
    };
    let midnight = day.and_time(NaiveTime::MIN).and_utc();
    // Midnight there less the zone's offset, taken at UTC midnight and again at the moment that
    // gives: the two differ when the clocks change in between. The earlier one that is on `day`
    // there wins (where the clocks skip midnight, the earlier one is still the day before).
    let first = midnight - offset(midnight);
    let second = midnight - offset(first);
    [first.min(second), first.max(second)]
        .into_iter()
        .find(|t| (*t + offset(*t)).date_naive() == day)
        .unwrap_or(second)
}

/// Today in the organisation's time zone (UTC's where the browser does not know the zone):
/// the day a request's urgency is counted against, as the server counts it.
pub fn today() -> NaiveDate {
    let now = Utc::now();
    let ahead = wall_clock(&organisation_zone())
        .and_then(|w| offset(&w, now))
        .unwrap_or_default();
    (now + ahead).date_naive()
}

/// `Intl.DateTimeFormat` writing every part of a moment as numbers, on the zone's clock;
/// `None` when the browser does not know the zone.
fn wall_clock(zone: &str) -> Option<JsValue> {
    let options = Object::new();
    for (key, value) in [
        ("year", "numeric"),
        ("month", "numeric"),
        ("day", "numeric"),
        ("hour", "numeric"),
        ("minute", "numeric"),
        ("second", "numeric"),
        ("hourCycle", "h23"),
        ("timeZone", zone),
    ] {
        Reflect::set(&options, &key.into(), &value.into()).ok()?;
    }
    construct_date_time_format("en-US", &options)
}

/// How far the zone's clocks are ahead of UTC at `t`: its wall-clock time (read by
/// [`wall_clock`]) taken as UTC, less `t`.
fn offset(wall_clock: &JsValue, t: DateTime<Utc>) -> Option<TimeDelta> {
    let parts: Function = Reflect::get(wall_clock, &"formatToParts".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let date = js_sys::Date::new(&JsValue::from_f64(t.timestamp_millis() as f64));
    let parts = Array::from(&parts.call1(wall_clock, &date).ok()?);
    let part = |name: &str| -> Option<u32> {
        parts.iter().find_map(|part| {
            let kind = Reflect::get(&part, &"type".into()).ok()?.as_string()?;
            (kind == name).then(|| {
                Reflect::get(&part, &"value".into())
                    .ok()?
                    .as_string()?
                    .parse()
                    .ok()
            })?
        })
    };
    let wall = NaiveDate::from_ymd_opt(part("year")? as i32, part("month")?, part("day")?)?
        // Some browsers write midnight as hour 24.
        .and_hms_opt(part("hour")? % 24, part("minute")?, part("second")?)?
        .and_utc();
    Some(wall - t.with_nanosecond(0)?)
}

/// The organisation's time zone, as its settings name it (UTC before anyone is signed in).
fn organisation_zone() -> String {
    use_context::<Auth>()
        .and_then(|auth| {
            auth.session
                .with(|s| s.as_ref().map(|s| s.organisation.time_zone.to_string()))
        })
        .unwrap_or_else(|| "UTC".to_owned())
}

fn format_moment(t: DateTime<Utc>, precision: Precision) -> String {
    let lang = use_context::<I18n>().map_or(Lang::En, I18n::lang);
    let zone = organisation_zone();
    format_in(t, lang, &zone, precision).unwrap_or_else(|| {
        // "2026-12-06T10:15:00Z" → "2026-12-06 10:15 UTC" (chrono's formatter would weigh more).
        let iso = t.to_rfc3339_opts(SecondsFormat::Secs, true);
        let end = if precision == Precision::Second {
            19
        } else {
            16
        };
        format!("{} {} UTC", &iso[..10], &iso[11..end])
    })
}

fn format_in(t: DateTime<Utc>, lang: Lang, zone: &str, precision: Precision) -> Option<String> {
    let format = FORMATTER.with_borrow_mut(|cached| {
        if let Some((l, z, p, f)) = cached.as_ref()
            && (*l, z.as_str(), *p) == (lang, zone, precision)
        {
            return Some(f.clone());
        }
        let made = formatter(lang, zone, precision)?;
        *cached = Some((lang, zone.to_owned(), precision, made.clone()));
        Some(made)
    })?;
    let date = js_sys::Date::new(&JsValue::from_f64(t.timestamp_millis() as f64));
    format.call1(&JsValue::NULL, &date).ok()?.as_string()
}

/// `Intl.DateTimeFormat(locale, options).format`; `None` when the browser does not know the
/// zone (it throws a `RangeError`): the caller falls back to UTC, saying so.
fn formatter(lang: Lang, zone: &str, precision: Precision) -> Option<Function> {
    let options = Object::new();
    let mut parts = vec![
        ("year", "numeric"),
        ("month", "short"),
        ("day", "numeric"),
        ("timeZone", zone),
    ];
    if precision != Precision::Day {
        parts.extend([
            ("hour", "2-digit"),
            ("minute", "2-digit"),
            ("hourCycle", "h23"),
            ("timeZoneName", "short"),
        ]);
    }
    if precision == Precision::Second {
        parts.push(("second", "2-digit"));
    }
    for (key, value) in parts {
        Reflect::set(&options, &key.into(), &value.into()).ok()?;
    }
    let made = construct_date_time_format(locale(lang), &options)?;
    Reflect::get(&made, &"format".into()).ok()?.dyn_into().ok()
}

/// `new Intl.DateTimeFormat(locale, options)`; `None` when the browser rejects the options
/// (an unknown time zone).
fn construct_date_time_format(locale: &str, options: &Object) -> Option<JsValue> {
    let constructor: Function = Reflect::get(&intl()?, &"DateTimeFormat".into())
        .ok()?
        .dyn_into()
        .ok()?;
    Reflect::construct(&constructor, &Array::of2(&locale.into(), options)).ok()
}

/// The region whose conventions a language's dates follow (European ones: `6 Dec 2026`).
fn locale(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en-GB",
        Lang::Nl => "nl-NL",
        Lang::De => "de-DE",
        Lang::Fr => "fr-FR",
    }
}

fn intl() -> Option<JsValue> {
    Reflect::get(&js_sys::global(), &"Intl".into()).ok()
}

/// Every time zone the browser knows (`Intl.supportedValuesOf`), UTC first; just UTC where it
/// cannot say.
pub fn time_zones() -> Vec<String> {
    let mut zones = vec!["UTC".to_owned()];
    let known = intl()
        .and_then(|intl| Reflect::get(&intl, &"supportedValuesOf".into()).ok())
        .and_then(|f| f.dyn_into::<Function>().ok())
        .and_then(|f| {
            f.call1(&intl().unwrap_or(JsValue::NULL), &"timeZone".into())
                .ok()
        })
        .map(|list| Array::from(&list));
    if let Some(known) = known {
        zones.extend(
            known
                .iter()
                .filter_map(|z| z.as_string())
                .filter(|z| z != "UTC"),
        );
    }
    zones
}
