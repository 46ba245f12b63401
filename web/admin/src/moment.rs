//! Moments as every page shows them: in the reader's language and the organisation's time zone
//! (a setting; stored moments stay UTC), through the browser's `Intl.DateTimeFormat`, so no
//! time-zone database travels in the WebAssembly.

use std::cell::RefCell;

use chrono::{DateTime, Utc};
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
pub fn format_day(day: chrono::NaiveDate) -> String {
    let lang = use_context::<I18n>().map_or(Lang::En, I18n::lang);
    format_in(
        day.and_time(chrono::NaiveTime::MIN).and_utc(),
        lang,
        "UTC",
        Precision::Day,
    )
    .unwrap_or_else(|| day.to_string())
}

fn format_moment(t: DateTime<Utc>, precision: Precision) -> String {
    let lang = use_context::<I18n>().map_or(Lang::En, I18n::lang);
    let zone = use_context::<Auth>()
        .and_then(|auth| {
            auth.session
                .with(|s| s.as_ref().map(|s| s.organisation.time_zone.to_string()))
        })
        .unwrap_or_else(|| "UTC".to_owned());
    format_in(t, lang, &zone, precision).unwrap_or_else(|| {
        let pattern = if precision == Precision::Second {
            "%Y-%m-%d %H:%M:%S UTC"
        } else {
            "%Y-%m-%d %H:%M UTC"
        };
        t.format(pattern).to_string()
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
    let constructor: Function = Reflect::get(&intl()?, &"DateTimeFormat".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let arguments = Array::of2(&locale(lang).into(), &options);
    let made = Reflect::construct(&constructor, &arguments).ok()?;
    Reflect::get(&made, &"format".into()).ok()?.dyn_into().ok()
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
