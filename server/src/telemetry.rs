//! What an operator watches. Metrics in the Prometheus text format: counters and histograms
//! kept as things happen (through the `metrics` facade, rendered by its Prometheus exporter),
//! and gauges read from the database when scraped. The JSON log's layer, shared by the server
//! and the tests' log. No metric or log field carries a personal value: labels are route
//! templates, status codes, limit names, choices and organisation slugs.

use std::{
    fmt::Write as _,
    sync::OnceLock,
    time::{Duration, Instant},
};

use axum::{
    extract::{MatchedPath, Request},
    middleware::Next,
    response::Response,
};
use chrono::{DateTime, Utc};
use consentry_store::figures::OperatingFigures;
use metrics::{Unit, counter, describe_counter, describe_histogram, histogram};
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};

const REQUESTS: &str = "consentry_http_requests_total";
const REQUEST_SECONDS: &str = "consentry_http_request_duration_seconds";
const CONSENT_EVENTS: &str = "consentry_consent_events_total";
const WIDGET_DECISIONS: &str = "consentry_widget_decisions_total";
const REFUSALS: &str = "consentry_rate_limit_refusals_total";

/// The log as `log.format = "json"` writes it to `writer`: each line one JSON object with the
/// event's fields at its top and, under `spans`, every span it happened in, outermost first
/// (a request's: its `id`, `method` and `route`; then the change's organisation and ids).
pub fn json_log<S, W>(writer: W) -> impl tracing_subscriber::Layer<S>
where
    S: tracing::Subscriber + for<'a> tracing_subscriber::registry::LookupSpan<'a>,
    W: for<'w> tracing_subscriber::fmt::MakeWriter<'w> + Send + Sync + 'static,
{
    tracing_subscriber::fmt::layer()
        .json()
        .flatten_event(true)
        .with_current_span(false)
        .with_span_list(true)
        .with_writer(writer)
}

/// Request latency buckets, in seconds: from a cached answer to the request timeout.
const LATENCY_BUCKETS: &[f64] = &[
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0,
];

static RECORDER: OnceLock<PrometheusHandle> = OnceLock::new();

/// Starts keeping metrics (once per process; later calls give the same handle). Until then
/// every count is dropped at no cost: a server without `/metrics` keeps none.
pub fn install() -> &'static PrometheusHandle {
    RECORDER.get_or_init(|| {
        let recorder = PrometheusBuilder::new()
            .set_buckets_for_metric(Matcher::Full(REQUEST_SECONDS.into()), LATENCY_BUCKETS)
            .expect("the latency buckets are not empty")
            .build_recorder();
        let handle = recorder.handle();
        if metrics::set_global_recorder(recorder).is_err() {
            tracing::warn!("another metrics recorder was installed first: /metrics stays empty");
        }
        describe_counter!(
            REQUESTS,
            "HTTP requests answered, by method, route template and status."
        );
        describe_histogram!(
            REQUEST_SECONDS,
            Unit::Seconds,
            "Time to answer an HTTP request (its headers), by method and route template."
        );
        describe_counter!(
            CONSENT_EVENTS,
            "Consent events recorded, by how they came: consent_page (an answer through a \
             consent link), sign_up (a confirmed sign-up) or api (obtained by another system, \
             recorded through the API)."
        );
        describe_counter!(
            WIDGET_DECISIONS,
            "Banner decisions recorded, by choice: accepted_all, rejected_all, customised."
        );
        describe_counter!(
            REFUSALS,
            "Requests refused by an abuse limit (429), by limit."
        );
        // Every series there is from the start, at 0: the first event after a start counts
        // in `increase()` too.
        for through in ["consent_page", "sign_up", "api"] {
            counter!(CONSENT_EVENTS, "through" => through).absolute(0);
        }
        for choice in ["accepted_all", "rejected_all", "customised"] {
            counter!(WIDGET_DECISIONS, "choice" => choice).absolute(0);
        }
        for limit in crate::domain::throttle::LIMITS {
            counter!(REFUSALS, "limit" => *limit).absolute(0);
        }
        handle
    })
}

/// Counts each request and how long it took, by its route template (never its path: paths
/// hold link tokens and ids).
pub async fn track(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = method_label(request.method());
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "(no route)".to_owned(), |p| p.as_str().to_owned());
    let response = next.run(request).await;
    let status = response.status().as_u16().to_string();
    counter!(REQUESTS, "method" => method, "route" => route.clone(), "status" => status)
        .increment(1);
    histogram!(REQUEST_SECONDS, "method" => method, "route" => route)
        .record(started.elapsed().as_secs_f64());
    response
}

/// A request's method as metrics and the log name it: a standard one, else `other` (a client
/// may send any token as a method, and its own words go neither into a label nor the log).
pub fn method_label(method: &axum::http::Method) -> &'static str {
    match method.as_str() {
        "GET" => "GET",
        "HEAD" => "HEAD",
        "POST" => "POST",
        "PUT" => "PUT",
        "PATCH" => "PATCH",
        "DELETE" => "DELETE",
        "OPTIONS" => "OPTIONS",
        _ => "other",
    }
}

/// How a consent event came to be recorded.
#[derive(Debug, Clone, Copy)]
pub enum ConsentThrough {
    /// An answer through a consent link.
    ConsentPage,
    /// A confirmed sign-up.
    SignUp,
    /// Obtained by another system, recorded through the API.
    Api,
}

/// A consent event was recorded.
pub fn consent_event(through: ConsentThrough) {
    let through = match through {
        ConsentThrough::ConsentPage => "consent_page",
        ConsentThrough::SignUp => "sign_up",
        ConsentThrough::Api => "api",
    };
    counter!(CONSENT_EVENTS, "through" => through).increment(1);
}

/// A banner decision was recorded.
pub fn widget_decision(choice: consentry_model::widget::VisitorChoice) {
    counter!(WIDGET_DECISIONS, "choice" => choice.code()).increment(1);
}

/// A request was refused by the abuse limit `limit` (e.g. `sign_ins`).
pub fn refused(limit: &str) {
    counter!(REFUSALS, "limit" => limit.to_owned()).increment(1);
}

/// The page `GET /metrics` answers: what was counted, then the figures read now.
/// `backups`: the scheduled backups kept, when backups are scheduled.
pub fn render(
    figures: &OperatingFigures,
    backups: Option<&[crate::backup::schedule::Kept]>,
    now: DateTime<Utc>,
) -> String {
    let handle = install();
    handle.run_upkeep();
    let mut page = handle.render();
    write_figures(&mut page, figures, now);
    if let Some(kept) = backups {
        gauge(
            &mut page,
            "consentry_backups_kept",
            "Scheduled backups in backup.dir.",
            &[(vec![], kept.len() as f64)],
        );
        let newest = kept.first().map(|newest| {
            (
                vec![],
                (now - newest.made_at).num_milliseconds() as f64 / 1000.0,
            )
        });
        gauge(
            &mut page,
            "consentry_backup_newest_age_seconds",
            "Age of the newest scheduled backup (no sample while there is none).",
            &newest.into_iter().collect::<Vec<_>>(),
        );
    }
    page
}

/// Writes the figures read from the database as gauges (their own families, so they never
/// mix with another instance's or another test's counts in this process).
fn write_figures(page: &mut String, figures: &OperatingFigures, now: DateTime<Utc>) {
    let age = |at: Option<DateTime<Utc>>| {
        at.map_or(0.0, |at| {
            (now - at).to_std().unwrap_or(Duration::ZERO).as_secs_f64()
        })
    };
    let count = |n: u64| n as f64;
    gauge(
        page,
        "consentry_group_commit_waiting",
        "Public answers (consent links, banner decisions) waiting for this instance's group \
         commit.",
        &[(vec![], count(figures.answers_waiting))],
    );
    for (name, queue, what, failed, stored) in [
        (
            "outbox_messages",
            &figures.outbox,
            "Mail in the outbox",
            "failed",
            Some(figures.outbox_stored),
        ),
        (
            "webhook_deliveries",
            &figures.webhooks,
            "Webhook deliveries",
            "dead",
            None,
        ),
    ] {
        let mut samples = vec![
            (vec![("state", "pending")], count(queue.pending)),
            (vec![("state", failed)], count(queue.failed)),
        ];
        if let Some(stored) = stored {
            samples.push((vec![("state", "stored")], count(stored)));
        }
        gauge(
            page,
            &format!("consentry_{name}"),
            &format!(
                "{what}, by state: pending (still to go out), {failed} (given up){}.",
                if stored.is_some() {
                    ", stored (no SMTP server: to be sent by hand)"
                } else {
                    ""
                }
            ),
            &samples,
        );
        gauge(
            page,
            &format!("consentry_{name}_oldest_pending_seconds"),
            &format!("{what}: age of the oldest still pending (0 when none is)."),
            &[(vec![], age(queue.oldest_pending))],
        );
    }
    gauge(
        page,
        "consentry_jobs_running",
        "Background jobs (imports, bulk consent requests) running on any instance.",
        &[(vec![], count(figures.jobs_running))],
    );
    let pool = figures.pool;
    gauge(
        page,
        "consentry_db_connections",
        "This instance's database connections: in_use, idle, and max (the most it opens).",
        &[
            (
                vec![("state", "in_use")],
                f64::from(pool.open.saturating_sub(pool.idle)),
            ),
            (vec![("state", "idle")], f64::from(pool.idle)),
            (vec![("state", "max")], f64::from(pool.max)),
        ],
    );
    let per_organisation = |pick: fn(&consentry_store::figures::RequestFigures) -> u64| {
        figures
            .requests
            .iter()
            .map(|r| {
                (
                    vec![("organisation", r.organisation.as_str())],
                    count(pick(r)),
                )
            })
            .collect::<Vec<_>>()
    };
    gauge(
        page,
        "consentry_data_subject_requests_open",
        "Data-subject requests received, verified or in progress, by organisation.",
        &per_organisation(|r| r.open),
    );
    gauge(
        page,
        "consentry_data_subject_requests_overdue",
        "Open data-subject requests past their (extended) due date, by organisation.",
        &per_organisation(|r| r.overdue),
    );
}

/// One gauge family: its help, type and samples.
fn gauge(page: &mut String, name: &str, help: &str, samples: &[(Vec<(&str, &str)>, f64)]) {
    let _ = writeln!(page, "# HELP {name} {}", help.replace('\\', "\\\\"));
    let _ = writeln!(page, "# TYPE {name} gauge");
    for (labels, value) in samples {
        let _ = write!(page, "{name}");
        if !labels.is_empty() {
            let labels: Vec<String> = labels
                .iter()
                .map(|(key, value)| format!("{key}=\"{}\"", escape_label(value)))
                .collect();
            let _ = write!(page, "{{{}}}", labels.join(","));
        }
        let _ = writeln!(page, " {value}");
    }
}

/// A label value as the text format writes it.
fn escape_label(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}
