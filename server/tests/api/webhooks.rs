//! Webhooks: signed deliveries to a local receiver, retried after a failure, with personal
//! fields left out as preferred and erasure events free of personal data.

use std::{
    collections::VecDeque,
    sync::{Arc, Mutex},
};

use axum::{Router, body::Bytes, extract::State, http::HeaderMap, routing::post};
use hmac::{Hmac, Mac};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use sha2::Sha256;

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

/// Checks `Consentry-Signature: t=…,v1=…` as a receiver would.
fn verify(secret: &str, headers: &HeaderMap, body: &[u8]) -> bool {
    let Some(header) = headers
        .get("consentry-signature")
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    let mut t = None;
    let mut v1 = None;
    for part in header.split(',') {
        match part.split_once('=') {
            Some(("t", value)) => t = Some(value.to_owned()),
            Some(("v1", value)) => v1 = Some(value.to_owned()),
            _ => {}
        }
    }
    let (Some(t), Some(v1)) = (t, v1) else {
        return false;
    };
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(secret.as_bytes()).expect("key");
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

    let changed = app
        .send(
            Method::PUT,
            &format!("/api/v1/records/{record}/basis"),
            &json!({"basis": "contract"}),
        )
        .await;
    assert_eq!(changed.status(), StatusCode::OK);
    // Refused once (500), accepted on the retry a second later.
    let seen = wait_for(&receiver, 2).await;
    for (headers, body) in &seen[..2] {
        assert!(verify(&secret, headers, body), "the signature checks out");
        assert!(!verify("whsec_other", headers, body));
        assert_eq!(headers["consentry-event"], "record.basis_changed");
    }
    let payload: Value = serde_json::from_slice(&seen[1].1).expect("json");
    assert_eq!(payload["event"], "record.basis_changed");
    assert_eq!(payload["record"]["id"], record.as_str());
    assert_eq!(payload["record"]["privacy"]["basis"], "contract");
    assert_eq!(payload["record"]["fields"]["company"], "Dekker Dak");
    assert!(
        !payload.to_string().contains("dekker@example.nl"),
        "left out as preferred"
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
        if log[0]["state"] == "delivered" {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(log[0]["state"], "delivered");
    assert_eq!(log[0]["attempts"], 2);
    assert_eq!(log[0]["last_status"], 200);

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
    let seen = wait_for(&receiver, 4).await;
    let events: Vec<String> = seen[2..]
        .iter()
        .map(|(h, _)| h["consentry-event"].to_str().unwrap_or_default().to_owned())
        .collect();
    assert!(events.contains(&"record.erased".to_owned()), "{events:?}");
    assert!(events.contains(&"dsr.completed".to_owned()), "{events:?}");
    for (headers, body) in &seen[2..] {
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
