//! Charts drawn as SVG. Each has a text alternative listing its numbers for screen readers.

use leptos::prelude::*;

/// One bar: its label, value and a CSS class for its colour.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bar {
    /// Label.
    pub label: String,
    /// Value.
    pub value: u64,
    /// Colour class (see style/main.css).
    pub class: &'static str,
}

/// Horizontal bars with labels and values; `unit` follows each value (`%`), `max` is the
/// full width (the largest value by default).
#[component]
pub fn BarChart(
    #[prop(into)] id: String,
    title: String,
    bars: Vec<Bar>,
    #[prop(optional)] unit: &'static str,
    #[prop(optional)] max: Option<u64>,
) -> impl IntoView {
    let max = max
        .unwrap_or_else(|| bars.iter().map(|b| b.value).max().unwrap_or(0))
        .max(1);
    let row = 30.0;
    let height = row * bars.len() as f64 + 8.0;
    let description = bars
        .iter()
        .map(|b| format!("{}: {}{unit}", b.label, b.value))
        .collect::<Vec<_>>()
        .join(", ");
    let rows = bars
        .into_iter()
        .enumerate()
        .map(|(i, bar)| {
            let y = i as f64 * row + 4.0;
            let width = (bar.value as f64 / max as f64) * 300.0;
            view! {
                <text x="0" y=y + 19.0 class="chart-label">{bar.label}</text>
                <rect x="190" y=y + 4.0 width=width.max(1.0) height="20" rx="3" class=bar.class />
                <text x=196.0 + width y=y + 19.0 class="chart-value">{format!("{}{unit}", bar.value)}</text>
            }
        })
        .collect_view();
    view! {
        <svg
            class="chart"
            viewBox=format!("0 0 560 {height}")
            role="img"
            aria-labelledby=format!("{id}-title {id}-desc")
        >
            <title id=format!("{id}-title")>{title}</title>
            <desc id=format!("{id}-desc")>{description}</desc>
            {rows}
        </svg>
    }
}

/// A line over days (the first and last labelled): hovering a day shows its value above its
/// point, and the numbers of every day are in the description and in a table one click away.
#[component]
pub fn TrendChart(
    id: &'static str,
    title: String,
    /// The values' name, the table's second heading ("Changes").
    value_label: String,
    /// The table's disclosure ("Show the numbers").
    table_label: String,
    /// The table's first heading ("Day").
    day_label: String,
    days: Vec<(chrono::NaiveDate, u64)>,
) -> impl IntoView {
    let max = days.iter().map(|d| d.1).max().unwrap_or(0).max(1);
    let slot = 18.0;
    let width = slot * days.len() as f64;
    let y_of = |n: u64| 110.0 - (n as f64 / max as f64) * 95.0;
    let description = days
        .iter()
        .filter(|d| d.1 > 0)
        .map(|(day, n)| format!("{day}: {n}"))
        .collect::<Vec<_>>()
        .join(", ");
    let first = days.first().map(|d| d.0.to_string()).unwrap_or_default();
    let last = days.last().map(|d| d.0.to_string()).unwrap_or_default();
    let line = days
        .iter()
        .enumerate()
        .map(|(i, (_, n))| format!("{},{}", i as f64 * slot + slot / 2.0, y_of(*n)))
        .collect::<Vec<_>>()
        .join(" ");
    let points = days
        .iter()
        .enumerate()
        .map(|(i, (day, n))| {
            let (x, y) = (i as f64 * slot + slot / 2.0, y_of(*n));
            view! {
                <g class="trend-day">
                    <rect x=i as f64 * slot y="0" width=slot height="112" class="trend-hit" />
                    <circle cx=x cy=y r="2.5" class="trend-point" />
                    <text x=x y=(y - 6.0).max(9.0) text-anchor="middle" class="trend-value">{*n}</text>
                    <title>{format!("{day}: {n}")}</title>
                </g>
            }
        })
        .collect_view();
    let table = days
        .into_iter()
        .map(|(day, n)| view! { <tr><td>{day.to_string()}</td><td>{n}</td></tr> })
        .collect_view();
    view! {
        <svg
            class="chart trend"
            viewBox=format!("0 0 {width} 130")
            role="img"
            aria-labelledby=format!("{id}-title {id}-desc")
        >
            <title id=format!("{id}-title")>{title}</title>
            <desc id=format!("{id}-desc")>{description}</desc>
            <line x1="0" y1="110.5" x2=width y2="110.5" class="axis" />
            <polyline points=line class="trend-line" />
            {points}
            <text x="0" y="126" class="chart-label">{first}</text>
            <text x=width y="126" text-anchor="end" class="chart-label">{last}</text>
        </svg>
        <details class="chart-table">
            <summary>{table_label}</summary>
            <table class="data" id=format!("{id}-table")>
                <thead><tr><th scope="col">{day_label}</th><th scope="col">{value_label}</th></tr></thead>
                <tbody>{table}</tbody>
            </table>
        </details>
    }
}
