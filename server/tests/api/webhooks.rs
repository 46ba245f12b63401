//! Webhooks: signed deliveries to a local receiver, retried after a failure, with personal
//! fields left out as preferred and erasure events free of personal data; receivers only at
//! public https addresses unless the operator allows private ones, checked when saved and at
//! every delivery; one hung receiver holding up nobody else; dead letters retried by hand.

use std::{
    collections::VecDeque,
    sync::{
        Arc, Mutex,
        atomic::{AtomicUsize, Ordering},
    },
    time::{Duration, Instant},
};

use axum::{Router, body::Bytes, extract::State, http::HeaderMap, routing::post};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{
    ADMIN_EMAIL, ADMIN_PASSWORD, Options, TestApp, error_body, python, second_tenant_client,
    send_as, spawn_app, spawn_app_in, spawn_app_with,
};

#[derive(Clone, Default)]
pub(crate) struct Receiver {
    seen: Arc<Mutex<Vec<(HeaderMap, Bytes)>>>,
    answers: Arc<Mutex<VecDeque<u16>>>,
}

async fn receive(State(receiver): State<Receiver>, headers: HeaderMap, body: Bytes) -> StatusCode {
    receiver.seen.lock().expect("lock").push((headers, body));
    let status = receiver
        .answers
        .lock()
        .expect("lock")
        .pop_front()
        .unwrap_or(200);
    StatusCode::from_u16(status).expect("status")
}

/// A receiver on a free local port answering `answers` in turn (then 200).
pub(crate) async fn start_receiver(answers: &[u16]) -> (String, Receiver) {
    let receiver = Receiver::default();
    receiver.answers.lock().expect("lock").extend(answers);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let url = format!(
        "http://127.0.0.1:{}/hook",
        listener.local_addr().expect("addr").port()
    );
    let app = Router::new()
        .route("/hook", post(receive))
        .with_state(receiver.clone());
    tokio::spawn(async move { axum::serve(listener, app).await });
    (url, receiver)
}

pub(crate) async fn wait_for(receiver: &Receiver, n: usize) -> Vec<(HeaderMap, Bytes)> {
    for _ in 0..100 {
        let seen = receiver.seen.lock().expect("lock").clone();
        if seen.len() >= n {
            return seen;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!(
        "the receiver got {} of {n} deliveries",
        receiver.seen.lock().expect("lock").len()
    );
}

/// Checks a delivery with the Standard Webhooks reference library for Python (PyPI
/// `standardwebhooks`), as a receiver would: `Webhook(secret).verify(body, headers)`.
/// Panics when the library cannot be run, so a missing checker never passes.
fn verify(secret: &str, headers: &HeaderMap, body: &[u8]) -> bool {
    let headers: serde_json::Map<String, Value> = headers
        .iter()
        .map(|(name, value)| {
            (
                name.as_str().to_owned(),
                json!(value.to_str().expect("ascii header")),
            )
        })
        .collect();
    let dir = tempfile::tempdir().expect("temp dir");
    let body_file = dir.path().join("body");
    std::fs::write(&body_file, body).expect("write body");
    let script = r#"
import json, sys
from standardwebhooks import Webhook, WebhookVerificationError
secret, headers, body = sys.argv[1], json.loads(sys.argv[2]), open(sys.argv[3], "rb").read()
try:
    Webhook(secret).verify(body, headers)
except WebhookVerificationError as e:
    print(e)
    sys.exit(3)
"#;
    let out = std::process::Command::new(python())
        .args(["-c", script, secret])
        .arg(Value::Object(headers).to_string())
        .arg(&body_file)
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "cannot run {} ({e}): run scripts/test.sh",
                python().display()
            )
        });
    match out.status.code() {
        Some(0) => true,
        Some(3) => false,
        _ => panic!(
            "the standardwebhooks check did not run: {}",
            String::from_utf8_lossy(&out.stderr)
        ),
    }
}

#[tokio::test]
async fn deliveries_are_signed_retried_and_keep_personal_data_out() {
    let app = spawn_app().await;
    app.set_up().await;
    let leads = app.with_compliance("leads").await;
    let record: Value = app
        .post(
            "/api/v1/records",
            &json!({"module_id": leads, "fields": {"last_name": "Dekker", "email": "dekker@example.nl",
                    "company": "Dekker Dak"}}),
        )
        .await
        .json()
        .await
        .expect("json");
    let record = record["id"].as_str().expect("id").to_owned();
    let mut settings: Value = app
        .get("/api/v1/compliance/settings")
        .await
        .json()
        .await
        .expect("json");
    settings["personal_data"]["webhooks"] = json!("all_personal");
    app.send(Method::PUT, "/api/v1/compliance/settings", &settings)
        .await;

    let (url, receiver) = start_receiver(&[500]).await;
    let created = app
        .post(
            "/api/v1/webhooks",
            &json!({"url": url, "events": ["record.basis_changed", "record.erased", "dsr.completed"]}),
        )
        .await;
    assert_eq!(created.status(), StatusCode::CREATED);
    let created: Value = created.json().await.expect("json");
    let secret = created["secret"].as_str().expect("secret").to_owned();
    assert!(secret.starts_with("whsec_"), "{secret}");
    assert!(created["webhook"]["legacy_secret"] == false);

    let changed = app
        .send(
            Method::PUT,
            &format!("/api/v1/records/{record}/basis"),
            &json!({"basis": "contract"}),
        )
        .await;
    assert_eq!(changed.status(), StatusCode::OK);
    // Refused once (500); before the retry a second later, the basis changes again.
    wait_for(&receiver, 1).await;
    let again = app
        .send(
            Method::PUT,
            &format!("/api/v1/records/{record}/basis"),
            &json!({"basis": "legitimate_interests", "lawful_reason": "Existing customer"}),
        )
        .await;
    assert_eq!(again.status(), StatusCode::OK);
    let seen = wait_for(&receiver, 3).await;
    let first_id = seen[0].0["webhook-id"].clone();
    let first: Vec<&(HeaderMap, Bytes)> = seen
        .iter()
        .filter(|(h, _)| h["webhook-id"] == first_id)
        .collect();
    assert_eq!(first.len(), 2, "the retry keeps the webhook-id");
    for (headers, body) in &seen {
        assert!(
            verify(&secret, headers, body),
            "standardwebhooks accepts it"
        );
        assert!(
            !verify("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", headers, body),
            "another secret does not"
        );
        let mut altered = body.to_vec();
        altered.extend_from_slice(b" ");
        assert!(!verify(&secret, headers, &altered), "nor a changed body");
        assert_eq!(headers["consentry-event"], "record.basis_changed");
        assert!(headers.get("consentry-signature").is_none());
    }
    // The retry describes the change as it happened, not the record as it is now.
    let payload: Value = serde_json::from_slice(&first[1].1).expect("json");
    assert_eq!(payload["type"], "record.basis_changed");
    assert_eq!(payload["data"]["event_id"], first_id.to_str().expect("id"));
    assert_eq!(payload["data"]["record_id"], record.as_str());
    assert_eq!(payload["data"]["before"]["basis"], "not_applicable");
    assert_eq!(payload["data"]["after"]["basis"], "contract");
    let happened =
        chrono::DateTime::parse_from_rfc3339(payload["timestamp"].as_str().expect("timestamp"))
            .expect("RFC 3339");
    let sent_at: i64 = first[1].0["webhook-timestamp"]
        .to_str()
        .expect("ascii")
        .parse()
        .expect("unix seconds");
    assert!(
        happened.timestamp() < sent_at,
        "the time it happened, not the retry's"
    );
    assert_eq!(payload["data"]["record"]["fields"]["company"], "Dekker Dak");
    assert!(
        !payload.to_string().contains("dekker@example.nl"),
        "left out as preferred"
    );
    // The secret is wrapped by the master key: the database does not hold it (on SQLite,
    // neither its file nor its WAL).
    assert_eq!(
        crate::rows::stored(&app, &secret).await,
        0,
        "the database holds the webhook secret"
    );
    // The sender records the answer just after the receiver gave it: wait for the log.
    let mut log: Vec<Value> = Vec::new();
    for _ in 0..50 {
        log = app
            .get("/api/v1/webhooks/deliveries")
            .await
            .json()
            .await
            .expect("json");
        if log.len() == 2 && log.iter().all(|d| d["state"] == "delivered") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(log[0]["state"], "delivered");
    let first_log = log.last().expect("the first delivery");
    assert_eq!(first_log["attempts"], 2);
    assert_eq!(first_log["last_status"], 200);

    // An erasure tells the receiver which request, and nothing about the person.
    let filed: Value = app
        .post(
            &format!("/api/v1/records/{record}/requests"),
            &json!({"kind": "erasure", "source": "email", "requested_by": "dekker@example.nl",
                    "requested_on": "2026-11-20"}),
        )
        .await
        .json()
        .await
        .expect("json");
    let request = filed["id"].as_str().expect("id").to_owned();
    app.post(
        &format!("/api/v1/requests/{request}/actions"),
        &json!({"action": "verify"}),
    )
    .await;
    let erased = app
        .post(&format!("/api/v1/requests/{request}/erase"), &json!({}))
        .await;
    assert_eq!(erased.status(), StatusCode::OK);
    let seen = wait_for(&receiver, 5).await;
    let events: Vec<String> = seen[3..]
        .iter()
        .map(|(h, _)| h["consentry-event"].to_str().unwrap_or_default().to_owned())
        .collect();
    assert!(events.contains(&"record.erased".to_owned()), "{events:?}");
    assert!(events.contains(&"dsr.completed".to_owned()), "{events:?}");
    for (headers, body) in &seen[3..] {
        assert!(verify(&secret, headers, body));
        let text = String::from_utf8_lossy(body);
        assert!(!text.contains("dekker"), "{text}");
        assert!(!text.contains("Dekker"), "{text}");
    }
}

#[tokio::test]
async fn subscriptions_are_refused_by_field_and_kept_to_administrators() {
    let app = spawn_app_with(Options {
        allow_private_webhook_targets: false,
        ..Options::default()
    })
    .await;
    app.set_up().await;
    let plain = app
        .post(
            "/api/v1/webhooks",
            &json!({"url": "http://crm.example.org/hook", "events": ["dsr.created"]}),
        )
        .await;
    assert_eq!(
        error_body(plain, StatusCode::BAD_REQUEST).await["field"],
        "url"
    );
    let none = app
        .post(
            "/api/v1/webhooks",
            &json!({"url": "https://crm.example.org/hook", "events": []}),
        )
        .await;
    assert_eq!(
        error_body(none, StatusCode::BAD_REQUEST).await["field"],
        "events"
    );
    let staff = app.user_client("sam@acme.example", "standard").await;
    let refused = staff
        .get(app.url("/api/v1/webhooks"))
        .send()
        .await
        .expect("request");
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let made: Value = app
        .post(
            "/api/v1/webhooks",
            &json!({"url": "https://crm.example.org/hook", "events": ["dsr.created"]}),
        )
        .await
        .json()
        .await
        .expect("json");
    let listed: Vec<Value> = app
        .get("/api/v1/webhooks")
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(listed.len(), 1);
    assert!(
        !listed[0].to_string().contains("whsec_"),
        "the secret is never listed"
    );
    let path = format!(
        "/api/v1/webhooks/{}",
        made["webhook"]["id"].as_str().expect("id")
    );
    assert_eq!(
        app.send(Method::DELETE, &path, &json!({})).await.status(),
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        app.send(Method::DELETE, &path, &json!({})).await.status(),
        StatusCode::NOT_FOUND
    );
}

/// Checks the header of versions before Standard Webhooks signing:
/// `Consentry-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`.
fn verify_legacy(secret: &str, headers: &HeaderMap, body: &[u8]) -> bool {
    use hmac::{Hmac, Mac};
    let Some((t, v1)) = headers
        .get("consentry-signature")
        .and_then(|v| v.to_str().ok())
        .and_then(|h| h.strip_prefix("t="))
        .and_then(|h| h.split_once(",v1="))
    else {
        return false;
    };
    let mut mac = <Hmac<sha2::Sha256> as Mac>::new_from_slice(secret.as_bytes()).expect("key");
    mac.update(format!("{t}.").as_bytes());
    mac.update(body);
    let expected: String = mac
        .finalize()
        .into_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    expected == v1
}

#[tokio::test]
async fn secrets_stored_by_an_older_version_are_wrapped_when_the_store_opens() {
    let app = spawn_app().await;
    app.set_up().await;
    let leads = app.with_compliance("leads").await;
    let record: Value = app
        .post(
            "/api/v1/records",
            &json!({"module_id": leads, "fields": {"last_name": "Dekker"}}),
        )
        .await
        .json()
        .await
        .expect("json");
    let record = record["id"].as_str().expect("id").to_owned();
    let (url, receiver) = start_receiver(&[]).await;

    // Rows as an older version wrote them: a webhook secret, a receipt signing key and a
    // hash key kept as they were.
    let pool = sqlx::SqlitePool::connect(&format!("sqlite://{}", app.db_path().display()))
        .await
        .expect("open");
    let (organisation,): (Vec<u8>,) = sqlx::query_as("SELECT id FROM organisations")
        .fetch_one(&pool)
        .await
        .expect("organisation");
    let legacy_secret = "whsec_older-secret_text";
    let webhook = uuid::Uuid::now_v7();
    sqlx::query(
        "INSERT INTO webhooks (id, organisation_id, url, events, secret, legacy, created_by,
             created_at)
         VALUES (?1, ?2, ?3, '[\"record.basis_changed\"]', ?4, 1, 'ada', 0)",
    )
    .bind(webhook)
    .bind(&organisation)
    .bind(&url)
    .bind(legacy_secret)
    .execute(&pool)
    .await
    .expect("webhook");
    let signing = [7u8; 32];
    let public = ed25519_dalek::SigningKey::from_bytes(&signing)
        .verifying_key()
        .to_bytes();
    sqlx::query(
        "INSERT INTO signing_keys (kid, organisation_id, secret, wrapped, public, created_at)
         VALUES ('older-key', ?1, ?2, 0, ?3, 0)",
    )
    .bind(&organisation)
    .bind(signing.as_slice())
    .bind(public.as_slice())
    .execute(&pool)
    .await
    .expect("signing key");

    // Opening the store (as the server does when it starts) wraps them.
    let store = app.store().await;
    let (secret, wrapped): (String, Option<Vec<u8>>) =
        sqlx::query_as("SELECT secret, secret_wrapped FROM webhooks WHERE id = ?1")
            .bind(webhook)
            .fetch_one(&pool)
            .await
            .expect("row");
    assert_eq!(secret, "");
    let wrapped = wrapped.expect("wrapped");
    assert!(
        !wrapped
            .windows(legacy_secret.len())
            .any(|w| w == legacy_secret.as_bytes())
    );
    let (stored, flag): (Vec<u8>, bool) =
        sqlx::query_as("SELECT secret, wrapped FROM signing_keys WHERE kid = 'older-key'")
            .fetch_one(&pool)
            .await
            .expect("key row");
    assert!(flag);
    assert_ne!(stored, signing.to_vec());
    let organisation_id =
        consentry_model::OrganisationId(uuid::Uuid::from_slice(&organisation).expect("uuid"));
    assert_eq!(
        store.signing_key(organisation_id).await.expect("key"),
        Some(("older-key".to_owned(), signing)),
        "the wrapped key opens to the same key"
    );
    let listed: Vec<Value> = app
        .get("/api/v1/webhooks")
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(listed[0]["legacy_secret"], true);

    // The older webhook keeps working: both signatures under the secret as it was shown.
    let changed = app
        .send(
            Method::PUT,
            &format!("/api/v1/records/{record}/basis"),
            &json!({"basis": "contract"}),
        )
        .await;
    assert_eq!(changed.status(), StatusCode::OK);
    let seen = wait_for(&receiver, 1).await;
    let (headers, body) = &seen[0];
    assert!(verify_legacy(legacy_secret, headers, body));
    assert!(!verify_legacy("whsec_other", headers, body));
    let expected = {
        use base64::Engine;
        use hmac::{Hmac, Mac};
        let mut mac =
            <Hmac<sha2::Sha256> as Mac>::new_from_slice(legacy_secret.as_bytes()).expect("key");
        mac.update(
            format!(
                "{}.{}.",
                headers["webhook-id"].to_str().expect("id"),
                headers["webhook-timestamp"].to_str().expect("ts")
            )
            .as_bytes(),
        );
        mac.update(body);
        format!(
            "v1,{}",
            base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes())
        )
    };
    assert_eq!(headers["webhook-signature"], expected.as_str());
}

#[tokio::test]
async fn a_signed_checkpoint_is_downloadable_and_sent_to_subscribers() {
    let app = spawn_app().await;
    app.set_up().await;
    assert_eq!(
        app.get("/api/v1/audit/checkpoints/latest").await.status(),
        StatusCode::NOT_FOUND
    );
    let (url, receiver) = start_receiver(&[]).await;
    let created = app
        .post(
            "/api/v1/webhooks",
            &json!({"url": url, "events": ["audit.checkpoint"]}),
        )
        .await;
    assert_eq!(created.status(), StatusCode::CREATED);
    let signed = app.post("/api/v1/audit/checkpoints", &json!({})).await;
    assert_eq!(signed.status(), StatusCode::CREATED);
    let signed: Value = signed.json().await.expect("json");
    // Nothing new since: the same checkpoint, not another.
    let again: Value = app
        .post("/api/v1/audit/checkpoints", &json!({}))
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(again["jws"], signed["jws"]);
    let file = app.get("/api/v1/audit/checkpoints/latest").await;
    assert_eq!(file.status(), StatusCode::OK);
    assert_eq!(file.headers()["content-type"], "application/jose");
    assert!(
        file.headers()["content-disposition"]
            .to_str()
            .is_ok_and(|d| d.contains("audit-checkpoint-acme-"))
    );
    assert_eq!(file.text().await.expect("text"), signed["jws"]);
    let seen = wait_for(&receiver, 1).await;
    let payload: Value = serde_json::from_slice(&seen[0].1).expect("json");
    assert_eq!(payload["type"], "audit.checkpoint");
    assert_eq!(payload["data"]["checkpoint"]["jws"], signed["jws"]);
    assert_eq!(payload["data"]["checkpoint"]["seq"], signed["seq"]);
    let verdict = app.audit_verdict().await;
    assert_eq!(verdict["checkpoint"]["seq"], signed["seq"], "{verdict}");
    // The database and the log outside it hold it alike; the log is named.
    assert_eq!(verdict["checkpoint"]["source"], "checkpoint log");
}

#[tokio::test]
async fn one_head_signed_by_many_requests_at_once_is_one_checkpoint_given_to_each() {
    let app = spawn_app().await;
    app.set_up().await;
    let leads = app.module_id("leads").await;
    let empty = json!({});
    for round in 0..5 {
        // A new head to sign: a record added.
        let added = app
            .post(
                "/api/v1/records",
                &json!({"module_id": leads, "fields": {"last_name": format!("Teken {round}")}}),
            )
            .await;
        assert_eq!(added.status(), StatusCode::CREATED);
        let signings = futures::future::join_all(
            (0..12).map(|_| app.post("/api/v1/audit/checkpoints", &empty)),
        )
        .await;
        let mut signed = std::collections::BTreeSet::new();
        for answer in signings {
            assert!(
                answer.status().is_success(),
                "round {round}: {}",
                answer.status()
            );
            let checkpoint: Value = answer.json().await.expect("json");
            signed.insert(checkpoint["jws"].as_str().expect("jws").to_owned());
        }
        assert_eq!(
            signed.len(),
            1,
            "one checkpoint of the one head: {signed:?}"
        );
        let kept: Vec<Value> = app
            .get("/api/v1/audit/checkpoints")
            .await
            .json()
            .await
            .expect("json");
        assert_eq!(kept.len(), round + 1, "one checkpoint per head");
        assert_eq!(kept[0]["jws"].as_str(), signed.first().map(String::as_str));
    }
    let verdict = app.audit_verdict().await;
    assert_eq!(verdict["status"], "intact", "{verdict}");
}

/// A receiver that accepts connections and never answers them; counts the connections.
async fn silent_receiver() -> (u16, Arc<AtomicUsize>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let port = listener.local_addr().expect("addr").port();
    let accepted = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&accepted);
    tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((stream, _)) = listener.accept().await {
            counter.fetch_add(1, Ordering::SeqCst);
            held.push(stream);
        }
    });
    (port, accepted)
}

/// The delivery log as the administrator of `client` sees it.
async fn delivery_log(client: &reqwest::Client, app: &TestApp) -> Vec<Value> {
    client
        .get(app.url("/api/v1/webhooks/deliveries"))
        .send()
        .await
        .expect("request")
        .json()
        .await
        .expect("json")
}

/// Waits (at most 15 s) until the delivery log satisfies `done`.
async fn wait_for_log(app: &TestApp, done: impl Fn(&[Value]) -> bool) -> Vec<Value> {
    let mut log = Vec::new();
    for _ in 0..150 {
        log = delivery_log(&app.client, app).await;
        if done(&log) {
            return log;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the delivery log never got there: {log:#?}");
}

/// A record of `module` with these fields; its id.
async fn record(client: &reqwest::Client, app: &TestApp, module: &str, fields: Value) -> String {
    let created = send_as(
        client,
        Method::POST,
        &app.url("/api/v1/records"),
        &json!({"module_id": module, "fields": fields}),
    )
    .await;
    assert_eq!(created.status(), StatusCode::CREATED);
    let created: Value = created.json().await.expect("json");
    created["id"].as_str().expect("id").to_owned()
}

async fn change_basis(client: &reqwest::Client, app: &TestApp, record: &str, basis: &str) {
    let changed = send_as(
        client,
        Method::PUT,
        &app.url(&format!("/api/v1/records/{record}/basis")),
        &json!({"basis": basis, "lawful_reason": "Service agreement 12"}),
    )
    .await;
    assert_eq!(changed.status(), StatusCode::OK);
}

async fn subscribe(client: &reqwest::Client, app: &TestApp, url: &str) -> Value {
    let created = send_as(
        client,
        Method::POST,
        &app.url("/api/v1/webhooks"),
        &json!({"url": url, "events": ["record.basis_changed"]}),
    )
    .await;
    assert_eq!(created.status(), StatusCode::CREATED, "{url}");
    created.json().await.expect("json")
}

#[tokio::test]
async fn every_private_or_odd_address_form_is_refused_by_field_when_saved() {
    let app = spawn_app_with(Options {
        allow_private_webhook_targets: false,
        ..Options::default()
    })
    .await;
    app.set_up().await;
    let long = format!("https://crm.example.org/{}", "h".repeat(2048));
    for url in [
        "https://127.0.0.1/hook",
        "https://127.1/hook",
        "https://0x7f000001/hook",
        "https://2130706433/hook",
        "https://0177.0.0.1/hook",
        "https://[::ffff:127.0.0.1]/hook",
        "https://[::1]/hook",
        "https://169.254.169.254/latest/meta-data/",
        "https://0.0.0.0/hook",
        "https://10.0.0.8/hook",
        "https://192.168.1.1/hook",
        "https://100.64.0.1/hook",
        "https://[fd00:ec2::254]/hook",
        "https://[fe80::1]/hook",
        "https://localhost/hook",
        "https://api.localhost./hook",
        "http://crm.example.org/hook",
        "javascript:alert(1)",
        long.as_str(),
    ] {
        let refused = app
            .post(
                "/api/v1/webhooks",
                &json!({"url": url, "events": ["dsr.created"]}),
            )
            .await;
        let body = error_body(refused, StatusCode::BAD_REQUEST).await;
        assert_eq!(body["field"], "url", "{url}: {body}");
    }
    // A public https address of exactly 2,048 characters is fine, and kept normalised.
    let fits = format!("https://CRM.example.org/{}", "h".repeat(2048 - 24));
    assert_eq!(fits.len(), 2048);
    let made = subscribe(&app.client, &app, &fits).await;
    assert_eq!(made["webhook"]["url"], fits.replace("CRM", "crm").as_str());
    assert!(app.get("/api/v1/webhooks").await.status().is_success());
}

#[tokio::test]
async fn a_receiver_allowed_once_is_refused_at_every_delivery_and_logged_without_its_answer() {
    // Made while the operator allowed private receivers...
    let mut app = spawn_app().await;
    app.set_up().await;
    let leads = app.with_compliance("leads").await;
    let subject = record(&app.client, &app, &leads, json!({"last_name": "Vos"})).await;
    let (port, contacted) = silent_receiver().await;
    let (answering, receiver) = start_receiver(&[418]).await;
    let targets = [
        format!("https://127.1:{port}/hook"),
        format!("https://0x7f000001:{port}/hook"),
        format!("https://[::ffff:127.0.0.1]:{port}/hook"),
        format!("https://localhost:{port}/hook"),
        "https://169.254.169.254/latest/meta-data/".to_owned(),
        answering.clone(),
    ];
    for target in &targets {
        subscribe(&app.client, &app, target).await;
    }
    app.stop().await;
    let dir = std::mem::replace(&mut app.dir, tempfile::tempdir().expect("temp dir"));

    // ...then refused once they are not: the address is checked at every delivery.
    let app = spawn_app_in(
        dir,
        Options {
            allow_private_webhook_targets: false,
            ..Options::default()
        },
    )
    .await;
    let signed_in = app
        .post(
            "/api/v1/session",
            &json!({"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD}),
        )
        .await;
    assert_eq!(signed_in.status(), StatusCode::OK);
    change_basis(&app.client, &app, &subject, "contract").await;
    let log = wait_for_log(&app, |log| {
        log.len() == targets.len() && log.iter().all(|d| d["attempts"].as_u64() >= Some(1))
    })
    .await;
    for delivery in &log {
        assert_eq!(delivery["state"], "pending", "{delivery}");
        assert_eq!(delivery["failure"], "target_not_allowed", "{delivery}");
        assert_eq!(delivery["last_error"], "target address not allowed");
        assert_eq!(
            delivery["last_status"],
            Value::Null,
            "never the target's answer"
        );
    }
    assert_eq!(contacted.load(Ordering::SeqCst), 0, "nothing was contacted");
    assert!(receiver.seen.lock().expect("lock").is_empty());
}

#[tokio::test]
async fn redirects_are_not_followed() {
    let app = spawn_app().await;
    app.set_up().await;
    let leads = app.with_compliance("leads").await;
    let subject = record(&app.client, &app, &leads, json!({"last_name": "Vos"})).await;
    let (elsewhere, followed) = start_receiver(&[]).await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let port = listener.local_addr().expect("addr").port();
    let location = elsewhere.clone();
    let redirecting = Router::new().route(
        "/hook",
        post(move || {
            let location = location.clone();
            async move { (StatusCode::TEMPORARY_REDIRECT, [("location", location)]) }
        }),
    );
    tokio::spawn(async move { axum::serve(listener, redirecting).await });
    subscribe(&app.client, &app, &format!("http://127.0.0.1:{port}/hook")).await;
    change_basis(&app.client, &app, &subject, "contract").await;
    let log = wait_for_log(&app, |log| {
        log.first()
            .is_some_and(|d| d["attempts"].as_u64() >= Some(1))
    })
    .await;
    assert_eq!(log[0]["last_status"], 307);
    assert_eq!(log[0]["failure"], "redirected");
    assert_eq!(
        log[0]["state"], "pending",
        "a redirect is not an acceptance"
    );
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(
        followed.seen.lock().expect("lock").is_empty(),
        "not followed"
    );
}

#[tokio::test]
async fn a_receiver_that_never_answers_does_not_delay_another_organisations_delivery() {
    let app = spawn_app().await;
    app.set_up().await;
    let leads = app.with_compliance("leads").await;
    let (port, accepted) = silent_receiver().await;
    subscribe(&app.client, &app, &format!("http://127.0.0.1:{port}/hook")).await;
    // Twenty changes at once: twenty deliveries to a receiver that never answers.
    let mut records = Vec::new();
    for n in 0..20 {
        records.push(
            record(
                &app.client,
                &app,
                &leads,
                json!({"last_name": format!("Hung {n}")}),
            )
            .await,
        );
    }
    let mut changes = tokio::task::JoinSet::new();
    for id in records {
        let client = app.client.clone();
        let url = app.url(&format!("/api/v1/records/{id}/basis"));
        changes.spawn(async move {
            send_as(&client, Method::PUT, &url, &json!({"basis": "contract"}))
                .await
                .status()
        });
    }
    while let Some(status) = changes.join_next().await {
        assert_eq!(status.expect("task"), StatusCode::OK);
    }
    for _ in 0..50 {
        if accepted.load(Ordering::SeqCst) >= 2 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(accepted.load(Ordering::SeqCst), 2, "two in flight to it");

    // Globex's receiver answers; its delivery is not held up behind Acme's.
    let globex = second_tenant_client(&app).await;
    let modules: Vec<Value> = globex
        .get(app.url("/api/v1/modules"))
        .send()
        .await
        .expect("request")
        .json()
        .await
        .expect("json");
    let globex_leads = modules
        .iter()
        .find(|m| m["key"] == "leads")
        .and_then(|m| m["id"].as_str())
        .expect("leads")
        .to_owned();
    let switched = send_as(
        &globex,
        Method::PUT,
        &app.url(&format!("/api/v1/modules/{globex_leads}/compliance")),
        &json!({"compliance_enabled": true}),
    )
    .await;
    assert_eq!(switched.status(), StatusCode::OK);
    let theirs = record(&globex, &app, &globex_leads, json!({"last_name": "Prompt"})).await;
    let (url, receiver) = start_receiver(&[]).await;
    subscribe(&globex, &app, &url).await;
    let started = Instant::now();
    change_basis(&globex, &app, &theirs, "contract").await;
    while receiver.seen.lock().expect("lock").is_empty() {
        assert!(
            started.elapsed() < Duration::from_secs(3),
            "Globex's delivery waited behind Acme's hung receiver"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(
        accepted.load(Ordering::SeqCst),
        2,
        "still at most two in flight to the hung receiver"
    );
    let log = wait_for_log(&app, |log| log.len() == 20).await;
    assert!(log.iter().all(|d| d["state"] == "pending"));
}

#[tokio::test]
async fn a_delivery_not_accepted_by_the_end_of_its_schedule_is_dead_until_retried_by_hand() {
    // Retries a second apart for two seconds, then dead.
    let app = spawn_app_with(Options {
        webhook_retry_for_seconds: 2,
        ..Options::default()
    })
    .await;
    app.set_up().await;
    let leads = app.with_compliance("leads").await;
    let subject = record(&app.client, &app, &leads, json!({"last_name": "Vos"})).await;
    let (url, receiver) = start_receiver(&[500; 10]).await;
    let made = subscribe(&app.client, &app, &url).await;
    let webhook = made["webhook"]["id"].as_str().expect("id").to_owned();
    change_basis(&app.client, &app, &subject, "contract").await;
    let log = wait_for_log(&app, |log| {
        log.first().is_some_and(|d| d["state"] == "dead")
    })
    .await;
    let dead = &log[0];
    assert_eq!(dead["last_status"], 500);
    let attempts = dead["attempts"].as_u64().expect("attempts");
    assert!((1..=3).contains(&attempts), "{dead}");
    let delivery = dead["id"].as_str().expect("id").to_owned();
    tokio::time::sleep(Duration::from_millis(2500)).await;
    let tried = receiver.seen.lock().expect("lock").len();
    assert_eq!(
        tried as u64, attempts,
        "a dead delivery is not retried by itself"
    );
    // The receiver is mended.
    receiver.answers.lock().expect("lock").clear();

    // Only an administrator, only this webhook's delivery.
    let path = format!("/api/v1/webhooks/{webhook}/deliveries/{delivery}/retry");
    let staff = app.user_client("sam@acme.example", "standard").await;
    let refused = send_as(&staff, Method::POST, &app.url(&path), &json!({})).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let other = subscribe(&app.client, &app, "https://crm.example.org/hook").await;
    let wrong_webhook = format!(
        "/api/v1/webhooks/{}/deliveries/{delivery}/retry",
        other["webhook"]["id"].as_str().expect("id")
    );
    let missing = app.post(&wrong_webhook, &json!({})).await;
    error_body(missing, StatusCode::NOT_FOUND).await;
    let unknown = format!(
        "/api/v1/webhooks/{webhook}/deliveries/{}/retry",
        uuid::Uuid::now_v7()
    );
    error_body(app.post(&unknown, &json!({})).await, StatusCode::NOT_FOUND).await;
    let globex = second_tenant_client(&app).await;
    let foreign = send_as(&globex, Method::POST, &app.url(&path), &json!({})).await;
    assert_eq!(foreign.status(), StatusCode::NOT_FOUND);

    // Eight retries at once: one queues it, the others are told it is no longer dead.
    let mut retries = tokio::task::JoinSet::new();
    for _ in 0..8 {
        let client = app.client.clone();
        let url = app.url(&path);
        retries.spawn(async move {
            let answer = send_as(&client, Method::POST, &url, &json!({})).await;
            let status = answer.status();
            (status, answer.json::<Value>().await.expect("json"))
        });
    }
    let mut queued = Vec::new();
    while let Some(answer) = retries.join_next().await {
        let (status, body) = answer.expect("task");
        match status {
            StatusCode::OK => queued.push(body),
            StatusCode::CONFLICT => assert_eq!(body["error"], "delivery_not_dead", "{body}"),
            other => panic!("{other}: {body}"),
        }
    }
    assert_eq!(queued.len(), 1, "{queued:?}");
    assert_eq!(queued[0]["state"], "pending");
    assert_eq!(queued[0]["attempts"], 0, "a fresh schedule");

    // Delivered on the retry, under the same event id: the receiver can de-duplicate.
    let seen = wait_for(&receiver, tried + 1).await;
    assert_eq!(
        seen.len(),
        tried + 1,
        "sent once more, not once per retry request"
    );
    assert_eq!(seen[tried].0["webhook-id"], seen[0].0["webhook-id"]);
    let log = wait_for_log(&app, |log| {
        log.iter()
            .any(|d| d["id"] == delivery.as_str() && d["state"] == "delivered")
    })
    .await;
    assert!(
        log.iter()
            .any(|d| d["id"] == delivery.as_str() && d["attempts"] == 1)
    );
    assert_eq!(receiver.seen.lock().expect("lock").len(), tried + 1);
    let again = app.post(&path, &json!({})).await;
    assert_eq!(
        error_body(again, StatusCode::CONFLICT).await["error"],
        "delivery_not_dead"
    );
    let audit: Vec<Value> = app
        .get("/api/v1/audit?action=webhook.delivery_retried")
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(audit.len(), 1, "{audit:?}");
    assert_eq!(audit[0]["subject"], delivery.as_str());
}

#[tokio::test]
async fn webhook_payloads_leave_sensitive_fields_out_unless_chosen_otherwise() {
    let app = spawn_app().await;
    app.set_up().await;
    let settings: Value = app
        .get("/api/v1/compliance/settings")
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(settings["personal_data"]["webhooks"], "sensitive");
    assert_eq!(settings["personal_data"]["exports"], "none");
    let leads = app.with_compliance("leads").await;
    let diagnosis = app
        .post(
            &format!("/api/v1/modules/{leads}/fields"),
            &json!({"label": "Diagnosis", "kind": "text", "personal": "sensitive"}),
        )
        .await;
    assert_eq!(diagnosis.status(), StatusCode::CREATED);
    let subject = record(
        &app.client,
        &app,
        &leads,
        json!({"last_name": "Jansen", "email": "jansen@example.nl",
               "custom": {"diagnosis": "Fractured wrist"}}),
    )
    .await;
    let (url, receiver) = start_receiver(&[]).await;
    subscribe(&app.client, &app, &url).await;
    change_basis(&app.client, &app, &subject, "contract").await;
    let seen = wait_for(&receiver, 1).await;
    let payload: Value = serde_json::from_slice(&seen[0].1).expect("json");
    let fields = &payload["data"]["record"]["fields"];
    assert_eq!(
        fields["email"], "jansen@example.nl",
        "Normal personal: kept"
    );
    assert!(
        !payload.to_string().contains("Fractured wrist"),
        "Sensitive: left out by default: {payload}"
    );

    // An organisation that chooses to send everything does.
    let mut settings = settings;
    settings["personal_data"]["webhooks"] = json!("none");
    let saved = app
        .send(Method::PUT, "/api/v1/compliance/settings", &settings)
        .await;
    assert_eq!(saved.status(), StatusCode::OK);
    change_basis(&app.client, &app, &subject, "legal_obligation").await;
    let seen = wait_for(&receiver, 2).await;
    let payload: Value = serde_json::from_slice(&seen[1].1).expect("json");
    assert_eq!(
        payload["data"]["record"]["fields"]["custom"]["diagnosis"],
        "Fractured wrist"
    );
}

#[tokio::test]
async fn the_upgrade_keeps_dead_letters_and_a_webhook_preference_that_was_chosen() {
    // A database as the version before this one left it: migrations up to 0025.
    let dir = tempfile::tempdir().expect("temp dir");
    let all = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../store-sqlite/migrations");
    let older = dir.path().join("older");
    std::fs::create_dir(&older).expect("dir");
    for entry in std::fs::read_dir(&all).expect("migrations") {
        let path = entry.expect("entry").path();
        let name = path.file_name().and_then(|n| n.to_str()).expect("name");
        if name.get(..4).is_some_and(|version| version <= "0025") {
            std::fs::copy(&path, older.join(name)).expect("copy");
        }
    }
    let pool = sqlx::SqlitePool::connect(&format!(
        "sqlite://{}?mode=rwc",
        dir.path().join("old.db").display()
    ))
    .await
    .expect("open");
    sqlx::migrate::Migrator::new(older.as_path())
        .await
        .expect("older migrations")
        .run(&pool)
        .await
        .expect("migrated to 0025");
    let [chose_none, defaulted, chose_all] = [(); 3].map(|()| uuid::Uuid::now_v7());
    for (id, slug, webhooks) in [
        (chose_none, "chose-none", "none"),
        (defaulted, "defaulted", "none"),
        (chose_all, "chose-all", "all_personal"),
    ] {
        sqlx::query(
            "INSERT INTO organisations (id, name, slug, created_at) VALUES (?1, ?2, ?2, 0)",
        )
        .bind(id)
        .bind(slug)
        .execute(&pool)
        .await
        .expect("organisation");
        sqlx::query(
            "INSERT INTO compliance_settings (organisation_id, updated_at, exclude_from_webhooks)
             VALUES (?1, 0, ?2)",
        )
        .bind(id)
        .bind(webhooks)
        .execute(&pool)
        .await
        .expect("settings");
    }
    // One set 'none' itself; the other saved its settings without touching the preference.
    for (id, before, after) in [
        (
            chose_none,
            json!({"enabled": true, "personal_data": {"webhooks": "all_personal"}}),
            json!({"enabled": true, "personal_data": {"webhooks": "none"}}),
        ),
        (
            defaulted,
            json!({"enabled": false, "personal_data": {"webhooks": "none"}}),
            json!({"enabled": true, "personal_data": {"webhooks": "none"}}),
        ),
    ] {
        sqlx::query(
            "INSERT INTO audit_log (organisation_id, seq, at, actor, action, prev_hash, hash,
                 detail_hash)
             VALUES (?1, 1, 0, 'ada', 'compliance.settings_changed', x'00', x'00', x'00')",
        )
        .bind(id)
        .execute(&pool)
        .await
        .expect("audit entry");
        sqlx::query(
            "INSERT INTO audit_details (organisation_id, seq, salt, before, after)
             VALUES (?1, 1, randomblob(16), ?2, ?3)",
        )
        .bind(id)
        .bind(before.to_string())
        .bind(after.to_string())
        .execute(&pool)
        .await
        .expect("audit detail");
    }
    let (webhook, delivery, event) = (
        uuid::Uuid::now_v7(),
        uuid::Uuid::now_v7(),
        uuid::Uuid::now_v7(),
    );
    sqlx::query(
        "INSERT INTO webhooks (id, organisation_id, url, events, secret, secret_wrapped, legacy,
             created_by, created_at)
         VALUES (?1, ?2, 'https://crm.example.org/hook', '[\"dsr.created\"]', '', x'00', 0,
             'ada', 0)",
    )
    .bind(webhook)
    .bind(chose_none)
    .execute(&pool)
    .await
    .expect("webhook");
    sqlx::query(
        "INSERT INTO webhook_deliveries (id, organisation_id, webhook_id, event, status, attempts,
             last_error, created_at, next_attempt_at, event_id)
         VALUES (?1, ?2, ?3, 'dsr.created', 'failed', 17, 'could not connect', 1000, 9000, ?4)",
    )
    .bind(delivery)
    .bind(chose_none)
    .bind(webhook)
    .bind(event)
    .execute(&pool)
    .await
    .expect("delivery");

    sqlx::migrate::Migrator::new(all.as_path())
        .await
        .expect("migrations")
        .run(&pool)
        .await
        .expect("the upgrade");
    for (id, expected) in [
        (chose_none, "none"),
        (defaulted, "sensitive"),
        (chose_all, "all_personal"),
    ] {
        let (webhooks,): (String,) = sqlx::query_as(
            "SELECT exclude_from_webhooks FROM compliance_settings WHERE organisation_id = ?1",
        )
        .bind(id)
        .fetch_one(&pool)
        .await
        .expect("settings");
        assert_eq!(webhooks, expected, "{id}");
    }
    let row: (String, i64, Option<String>, i64, i64, uuid::Uuid) = sqlx::query_as(
        "SELECT status, attempts, failure, created_at, schedule_started_at, event_id
         FROM webhook_deliveries WHERE id = ?1",
    )
    .bind(delivery)
    .fetch_one(&pool)
    .await
    .expect("delivery");
    assert_eq!(
        row,
        ("dead".into(), 17, Some("connect".into()), 1000, 1000, event)
    );
    // New rows get the least personal default.
    let fresh = uuid::Uuid::now_v7();
    sqlx::query("INSERT INTO organisations (id, name, slug, created_at) VALUES (?1, 'n', 'n', 0)")
        .bind(fresh)
        .execute(&pool)
        .await
        .expect("organisation");
    sqlx::query("INSERT INTO compliance_settings (organisation_id, updated_at) VALUES (?1, 0)")
        .bind(fresh)
        .execute(&pool)
        .await
        .expect("settings");
    let (webhooks,): (String,) = sqlx::query_as(
        "SELECT exclude_from_webhooks FROM compliance_settings WHERE organisation_id = ?1",
    )
    .bind(fresh)
    .fetch_one(&pool)
    .await
    .expect("settings");
    assert_eq!(webhooks, "sensitive");
}
