//! Webhooks: signed deliveries to a local receiver, retried after a failure, with personal
//! fields left out as preferred and erasure events free of personal data.

use std::{
    collections::VecDeque,
    sync::{Arc, Mutex},
};

use axum::{Router, body::Bytes, extract::State, http::HeaderMap, routing::post};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{error_body, spawn_app};

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

/// The Python interpreter with the `standardwebhooks` package (scripts/lib.sh installs it
/// and sets `CONSENTRY_PYTHON`; the venv beside the build cache otherwise).
fn python() -> std::path::PathBuf {
    std::env::var_os("CONSENTRY_PYTHON")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| {
            let home = std::env::var_os("HOME").expect("HOME");
            std::path::Path::new(&home).join(".cache/consentry-venv/bin/python")
        })
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
    // The secret is wrapped by the master key: neither the database nor its WAL holds it.
    for file in [app.db_path(), app.db_path().with_extension("db-wal")] {
        let bytes = std::fs::read(&file).unwrap_or_default();
        assert!(
            !bytes.windows(secret.len()).any(|w| w == secret.as_bytes()),
            "{} holds the webhook secret",
            file.display()
        );
    }
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
    let app = spawn_app().await;
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
    let verdict: Value = app
        .get("/api/v1/audit/verify")
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(verdict["checkpoint"]["seq"], signed["seq"], "{verdict}");
    // The database and the log outside it hold it alike; the log is named.
    assert_eq!(verdict["checkpoint"]["source"], "checkpoint log");
}
