//! `GET /metrics`: off unless configured, refused without its token or an allowed address,
//! valid Prometheus text (read by the reference client library's parser, not ours), with
//! counters that move with the requests and gauges that tell this installation's queues and
//! deadlines.

use reqwest::{Method, StatusCode, header};
use serde_json::{Value, json};

use crate::{
    consent::{ask, form_and_record},
    helpers::{Options, TestApp, python, send_as, spawn_app, spawn_app_with},
    signup::{open_sign_up_of, sign_up, submission},
    widget::{SHOP, embeddable, from_site},
};

const TOKEN: &str = "metrics-token-0123456789abcdef0123456789";

fn with_token(settings: &mut consentry_server::Settings) {
    settings.metrics.token = Some(TOKEN.into());
}

/// The metrics page as read with `token`, in the Prometheus text format.
pub async fn page(app: &TestApp, token: &str) -> String {
    let answer = app
        .client
        .get(app.url("/metrics"))
        .bearer_auth(token)
        .send()
        .await
        .expect("request");
    assert_eq!(answer.status(), StatusCode::OK);
    assert!(
        answer.headers()[header::CONTENT_TYPE]
            .to_str()
            .expect("ascii")
            .starts_with("text/plain; version=0.0.4"),
        "the Prometheus text format"
    );
    answer.text().await.expect("text")
}

/// Reads the metrics with the token; each sample as (name, labels, value), parsed by
/// `prometheus_client.parser` (PyPI `prometheus-client`), which refuses malformed text.
async fn scrape(app: &TestApp) -> Vec<(String, Value, f64)> {
    parse(&page(app, TOKEN).await)
}

fn parse(text: &str) -> Vec<(String, Value, f64)> {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("metrics.txt");
    std::fs::write(&file, text).expect("write");
    let script = r#"
import json, sys
from prometheus_client.parser import text_string_to_metric_families
samples = []
for family in text_string_to_metric_families(open(sys.argv[1]).read()):
    for s in family.samples:
        samples.append([s.name, s.labels, s.value])
print(json.dumps(samples))
"#;
    let out = std::process::Command::new(python())
        .args(["-c", script])
        .arg(&file)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", python().display()));
    assert!(
        out.status.success(),
        "prometheus_client refused the page: {}\n{text}",
        String::from_utf8_lossy(&out.stderr)
    );
    let samples: Vec<(String, Value, f64)> =
        serde_json::from_slice(&out.stdout).expect("the parser's JSON");
    samples
}

/// The value of the sample `name` whose labels include `labels` (0 when there is none).
fn value(samples: &[(String, Value, f64)], name: &str, labels: &Value) -> f64 {
    let wanted = labels.as_object().expect("labels");
    samples
        .iter()
        .filter(|(n, l, _)| n == name && wanted.iter().all(|(k, v)| l.get(k) == Some(v)))
        .map(|(_, _, v)| v)
        .sum()
}

#[tokio::test]
async fn metrics_are_off_unless_a_token_or_addresses_are_set() {
    let app = spawn_app().await;
    let answer = app.get("/metrics").await;
    assert_eq!(answer.status(), StatusCode::NOT_FOUND);
    let body: Value = answer.json().await.expect("json");
    assert_eq!(body["message"], "Metrics are off on this server.");
}

#[tokio::test]
async fn metrics_are_refused_without_the_token_and_answered_with_it() {
    let app = spawn_app_with(Options {
        tune: with_token,
        ..Options::default()
    })
    .await;
    let bare = app.get("/metrics").await;
    assert_eq!(bare.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(
        bare.headers()[header::WWW_AUTHENTICATE],
        "Bearer realm=\"metrics\""
    );
    for wrong in ["", "metrics-token", &format!("{TOKEN}x"), &TOKEN[1..]] {
        let refused = app
            .client
            .get(app.url("/metrics"))
            .bearer_auth(wrong)
            .send()
            .await
            .expect("request");
        assert_eq!(refused.status(), StatusCode::UNAUTHORIZED, "{wrong:?}");
    }
    // A session is not a way in: an administrator's browser has no business there.
    app.set_up().await;
    assert_eq!(app.get("/metrics").await.status(), StatusCode::UNAUTHORIZED);
    assert!(!scrape(&app).await.is_empty());
}

#[tokio::test]
async fn metrics_answer_an_allowed_address_without_a_token_and_no_other() {
    let app = spawn_app_with(Options {
        tune: |settings| {
            settings.metrics.allow_from =
                vec!["127.0.0.2".to_owned()].try_into().expect("an address");
        },
        ..Options::default()
    })
    .await;
    let from = |n: u8| {
        reqwest::Client::builder()
            .local_address(std::net::IpAddr::V4(std::net::Ipv4Addr::new(127, 0, 0, n)))
            .build()
            .expect("client")
    };
    let allowed = from(2)
        .get(app.url("/metrics"))
        .send()
        .await
        .expect("request");
    assert_eq!(allowed.status(), StatusCode::OK);
    parse(&allowed.text().await.expect("text"));
    let other = from(3)
        .get(app.url("/metrics"))
        // Claiming to be forwarded for the allowed address: no proxy is trusted.
        .header("x-forwarded-for", "127.0.0.2")
        .send()
        .await
        .expect("request");
    assert_eq!(other.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_token_short_enough_to_guess_is_refused_at_start() {
    let mut settings = consentry_server::Settings::default();
    settings.metrics.token = Some("secret".into());
    let refused = settings.metrics.check().expect_err("too short");
    assert!(refused.contains("metrics.token"), "{refused}");
    for unsendable in [
        "é".repeat(40),
        format!("{}\n{}", "a".repeat(20), "b".repeat(20)),
        format!("{} {}", "a".repeat(20), "b".repeat(20)),
    ] {
        settings.metrics.token = Some(unsendable.clone());
        let refused = settings.metrics.check().expect_err("not sendable");
        assert!(
            refused.contains("metrics.token"),
            "{unsendable:?}: {refused}"
        );
    }
}

#[tokio::test]
async fn counters_move_with_requests_decisions_and_refusals() {
    let app = spawn_app_with(Options {
        tune: with_token,
        max_failed_sign_ins: 2,
        ..Options::default()
    })
    .await;
    let form = embeddable(&app).await;
    open_sign_up_of(&app, &form, Some(false)).await;
    let before = scrape(&app).await;
    let health = json!({"method": "GET", "route": "/api/health", "status": "200"});
    let decisions = json!({"choice": "rejected_all"});
    for _ in 0..5 {
        assert_eq!(app.get("/api/health").await.status(), StatusCode::OK);
    }
    let path = "/api/public/widget/acme/newsletter/decisions";
    let decided = from_site(Method::POST, &app, path, SHOP)
        .json(&json!({"version": 1, "lang": "en", "granted": []}))
        .send()
        .await
        .expect("request");
    assert_eq!(decided.status(), StatusCode::CREATED);
    // A sign-up without double opt-in records its consent at once.
    let signed_up = sign_up(&app, &submission("metrics-signup@example.nl")).await;
    assert_eq!(
        signed_up.status(),
        StatusCode::ACCEPTED,
        "{:?}",
        signed_up.text().await
    );
    // Wrong passwords from one client until the limit refuses it.
    let stranger = crate::helpers::new_client();
    let mut refused = false;
    for _ in 0..4 {
        let tried = send_as(
            &stranger,
            Method::POST,
            &app.url("/api/v1/session"),
            &json!({"email": "admin@acme.example", "password": "wrong password"}),
        )
        .await;
        refused |= tried.status() == StatusCode::TOO_MANY_REQUESTS;
    }
    assert!(refused, "the sign-in limit refused the client");
    let after = scrape(&app).await;
    let moved =
        |name: &str, labels: &Value| value(&after, name, labels) - value(&before, name, labels);
    // Other tests in this process count too: at least these.
    assert!(moved("consentry_http_requests_total", &health) >= 5.0);
    assert!(
        moved(
            "consentry_http_request_duration_seconds_count",
            &json!({"method": "GET", "route": "/api/health"})
        ) >= 5.0
    );
    assert!(moved("consentry_widget_decisions_total", &decisions) >= 1.0);
    assert!(
        moved(
            "consentry_consent_events_total",
            &json!({"through": "sign_up"})
        ) >= 1.0
    );
    assert!(
        moved(
            "consentry_rate_limit_refusals_total",
            &json!({"limit": "sign_ins"})
        ) >= 1.0
    );
    // A path is never a label: a route template is.
    assert!(
        after
            .iter()
            .all(|(_, labels, _)| !labels.to_string().contains("/newsletter/")),
        "no label holds a path"
    );
}

#[tokio::test]
async fn gauges_tell_this_installations_queues_and_overdue_requests() {
    // An SMTP server that does not answer: the request stays queued, retried.
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .expect("port")
        .local_addr()
        .expect("address")
        .port();
    let app = spawn_app_with(Options {
        tune: with_token,
        smtp_port: Some(closed),
        ..Options::default()
    })
    .await;
    app.set_up().await;
    let (form, record) = form_and_record(&app, Some("eva@example.nl")).await;
    let sent = ask(&app, &form, &record).await;
    assert_eq!(sent["delivery"], "queued");
    let before = scrape(&app).await;
    assert!(
        before.iter().any(
            |(name, labels, value)| name == "consentry_data_subject_requests_open"
                && labels["organisation"] == "acme"
                && *value == 0.0
        ),
        "an organisation without open requests reads 0"
    );
    let long_ago = chrono::Utc::now().date_naive() - chrono::Days::new(60);
    let filed = app
        .post(
            &format!("/api/v1/records/{record}/requests"),
            &json!({"kind": "access", "source": "email", "requested_by": "Eva",
                    "requested_on": long_ago.to_string()}),
        )
        .await;
    assert_eq!(filed.status(), StatusCode::CREATED);
    let samples = scrape(&app).await;
    let gauge = |name: &str, labels: Value| value(&samples, name, &labels);
    assert_eq!(
        gauge("consentry_outbox_messages", json!({"state": "pending"})),
        1.0
    );
    assert_eq!(
        gauge("consentry_outbox_messages", json!({"state": "failed"})),
        0.0
    );
    assert!(
        gauge(
            "consentry_outbox_messages_oldest_pending_seconds",
            json!({})
        ) >= 0.0
    );
    assert_eq!(
        gauge(
            "consentry_data_subject_requests_open",
            json!({"organisation": "acme"})
        ),
        1.0
    );
    assert_eq!(
        gauge(
            "consentry_data_subject_requests_overdue",
            json!({"organisation": "acme"})
        ),
        1.0,
        "received two months ago"
    );
    assert_eq!(gauge("consentry_jobs_running", json!({})), 0.0);
    assert!(gauge("consentry_db_connections", json!({"state": "max"})) >= 1.0);
    assert_eq!(
        gauge("consentry_webhook_deliveries", json!({"state": "pending"})),
        0.0
    );
    // No personal value is a label or anywhere on the page.
    let page = page(&app, TOKEN).await;
    assert!(!page.contains("eva@example.nl") && !page.contains("Eva"));
}

#[tokio::test]
async fn mail_waiting_to_be_sent_by_hand_is_counted_as_stored() {
    let app = spawn_app_with(Options {
        tune: with_token,
        ..Options::default()
    })
    .await;
    app.set_up().await;
    let (form, record) = form_and_record(&app, Some("noor@example.nl")).await;
    let sent = ask(&app, &form, &record).await;
    assert_eq!(sent["delivery"], "stored", "no SMTP server");
    let samples = scrape(&app).await;
    let state = |state: &str| {
        value(
            &samples,
            "consentry_outbox_messages",
            &json!({"state": state}),
        )
    };
    assert_eq!(state("stored"), 1.0);
    assert_eq!(state("pending"), 0.0);
    // Every counter series is there from the start.
    for (name, labels) in [
        ("consentry_consent_events_total", json!({"through": "api"})),
        (
            "consentry_widget_decisions_total",
            json!({"choice": "customised"}),
        ),
        (
            "consentry_rate_limit_refusals_total",
            json!({"limit": "renewed_links"}),
        ),
    ] {
        assert!(
            samples.iter().any(|(n, l, _)| n == name && l == &labels),
            "{name} {labels}"
        );
    }
}
