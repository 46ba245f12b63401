//! `Idempotency-Key` when things go wrong: a client that leaves mid-request, a request stopped
//! by the timeout, a claim left behind by a server that was killed, retries racing.

use std::{
    sync::{
        Arc,
        atomic::{AtomicBool, AtomicUsize, Ordering},
    },
    time::Duration,
};

use axum::{Json, Router, extract::State, http::HeaderValue, middleware, routing::post};
use consentry_server::{
    Application, Settings,
    http::{
        idempotency::{self, Idempotency, Limits},
        serve::{ConnectionLimits, serve},
    },
    store::{Claim, HeldKey, IdempotencyClaim},
};
use reqwest::StatusCode;
use serde_json::{Value, json};
use tokio::{io::AsyncWriteExt, net::TcpStream};

use crate::{
    api_keys::key,
    helpers::{
        ADMIN_EMAIL, ADMIN_PASSWORD, Options, TestApp, short_timeouts, spawn_app, spawn_app_with,
    },
};

/// Sends a keyed POST as an integrator does (exactly these body bytes).
async fn keyed_post(url: &str, secret: &str, key: &str, body: &[u8]) -> reqwest::Response {
    reqwest::Client::new()
        .post(url)
        .bearer_auth(secret)
        .header("idempotency-key", key)
        .header("content-type", "application/json")
        .body(body.to_vec())
        .send()
        .await
        .expect("request")
}

/// Retries while the first request with the key is still running (up to 10 s).
async fn retry_until_settled(url: &str, secret: &str, key: &str, body: &[u8]) -> reqwest::Response {
    for _ in 0..100 {
        let answer = keyed_post(url, secret, key, body).await;
        if answer.status() != StatusCode::CONFLICT {
            return answer;
        }
        let refused: Value = answer.json().await.expect("json");
        assert_eq!(refused["error"], "idempotency_in_progress", "{refused}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the key {key} stayed claimed");
}

async fn records_named(app: &TestApp, secret: &str, name: &str) -> Vec<Value> {
    let page: Value = reqwest::Client::new()
        .get(app.url(&format!("/api/v1/records?q={name}&limit=100")))
        .bearer_auth(secret)
        .send()
        .await
        .expect("request")
        .json()
        .await
        .expect("json");
    page["records"].as_array().cloned().unwrap_or_default()
}

#[tokio::test]
async fn keyed_posts_whose_clients_disconnect_are_written_once_and_answered_to_their_retries() {
    let app = spawn_app_with(Options {
        tune: short_timeouts,
        ..Options::default()
    })
    .await;
    app.set_up().await;
    let leads = app.module_id("leads").await;
    let (_, secret) = key(&app, "Shop", &["records:write", "records:read"]).await;
    let body = |n: usize| {
        serde_json::to_vec(
            &json!({"module_id": leads, "fields": {"last_name": format!("Weggelopen {n}")}}),
        )
        .expect("json")
    };
    // Eight clients send their whole request and hang up before any answer.
    let address = app.address.trim_start_matches("http://").to_owned();
    let gone: Vec<_> = (0..8)
        .map(|n| {
            let (address, secret, body) = (address.clone(), secret.clone(), body(n));
            tokio::spawn(async move {
                let mut stream = TcpStream::connect(&address).await.expect("connect");
                let head = format!(
                    "POST /api/v1/records HTTP/1.1\r\nHost: consentry\r\n\
                     Authorization: Bearer {secret}\r\nIdempotency-Key: gone-{n}\r\n\
                     Content-Type: application/json\r\nContent-Length: {}\r\n\r\n",
                    body.len()
                );
                stream.write_all(head.as_bytes()).await.expect("write");
                stream.write_all(&body).await.expect("write");
                drop(stream);
            })
        })
        .collect();
    for client in gone {
        client.await.expect("client");
    }
    // Each retry gets its request's answer (or runs it, had it not started): never a 409
    // for the day, never a second record.
    let url = app.url("/api/v1/records");
    for n in 0..8 {
        let answer = retry_until_settled(&url, &secret, &format!("gone-{n}"), &body(n)).await;
        assert_eq!(answer.status(), StatusCode::CREATED, "gone-{n}");
    }
    let records = records_named(&app, &secret, "Weggelopen").await;
    assert_eq!(records.len(), 8, "one record per key: {records:?}");
}

#[tokio::test]
async fn a_claim_left_by_a_killed_server_is_taken_over_after_its_lease_by_one_retry() {
    let app = spawn_app_with(Options {
        tune: short_timeouts,
        ..Options::default()
    })
    .await;
    app.set_up().await;
    let leads = app.module_id("leads").await;
    let (id, secret) = key(&app, "Shop", &["records:write", "records:read"]).await;
    let body =
        serde_json::to_vec(&json!({"module_id": leads, "fields": {"last_name": "Achtergelaten"}}))
            .expect("json");
    // The claim a request held when its server was killed: in the database, never finished.
    let orphan = HeldKey {
        caller: idempotency::api_key_owner(id.parse().expect("key id")),
        key: "killed-1".into(),
        token: [9; 16],
    };
    let store = app.store().await;
    let now = chrono::Utc::now();
    let claimed = store
        .claim_idempotent(IdempotencyClaim {
            held: &orphan,
            fingerprint: &idempotency::fingerprint("/api/v1/records", &body),
            now,
            lease_until: now + chrono::Duration::seconds(2),
        })
        .await
        .expect("claim");
    assert_eq!(claimed, Claim::New);
    let url = app.url("/api/v1/records");
    let waiting = keyed_post(&url, &secret, "killed-1", &body).await;
    assert_eq!(waiting.status(), StatusCode::CONFLICT);
    let waiting: Value = waiting.json().await.expect("json");
    assert_eq!(waiting["error"], "idempotency_in_progress");

    // After the 2 s lease, eight retries at once: one runs, the others wait or replay it.
    tokio::time::sleep(Duration::from_millis(2200)).await;
    let retries: Vec<_> = (0..8)
        .map(|_| {
            let (url, secret, body) = (url.clone(), secret.clone(), body.clone());
            tokio::spawn(async move {
                let answer = keyed_post(&url, &secret, "killed-1", &body).await;
                (
                    answer.status(),
                    answer.headers().contains_key("idempotent-replayed"),
                )
            })
        })
        .collect();
    let mut answers = Vec::new();
    for retry in retries {
        answers.push(retry.await.expect("retry"));
    }
    let ran = answers
        .iter()
        .filter(|(status, replayed)| *status == StatusCode::CREATED && !replayed)
        .count();
    assert_eq!(ran, 1, "exactly one retry ran: {answers:?}");
    assert!(
        answers
            .iter()
            .all(|(s, _)| *s == StatusCode::CREATED || *s == StatusCode::CONFLICT),
        "{answers:?}"
    );
    let replayed = keyed_post(&url, &secret, "killed-1", &body).await;
    assert_eq!(replayed.status(), StatusCode::CREATED);
    assert_eq!(replayed.headers()["idempotent-replayed"], "true");
    assert_eq!(records_named(&app, &secret, "Achtergelaten").await.len(), 1);
    // Had the killed request come back to life, its late answer would change nothing.
    let late = store
        .finish_idempotent(&orphan, Some((500, None, b"late".to_vec())))
        .await
        .expect("finish");
    assert!(!late);
}

/// A handler that counts its calls; the next call can be held until the gate opens, or
/// stalled for ever.
#[derive(Default)]
struct Slow {
    started: AtomicUsize,
    done: AtomicUsize,
    hold_next: AtomicBool,
    stall_next: AtomicBool,
    gate: tokio::sync::Notify,
}

async fn slow(State(slow): State<Arc<Slow>>) -> (axum::http::StatusCode, Json<Value>) {
    slow.started.fetch_add(1, Ordering::SeqCst);
    if slow.stall_next.swap(false, Ordering::SeqCst) {
        std::future::pending::<()>().await;
    }
    if slow.hold_next.swap(false, Ordering::SeqCst) {
        slow.gate.notified().await;
    }
    let n = slow.done.fetch_add(1, Ordering::SeqCst) + 1;
    (axum::http::StatusCode::CREATED, Json(json!({ "run": n })))
}

async fn wait_for(counter: &AtomicUsize, n: usize) {
    for _ in 0..200 {
        if counter.load(Ordering::SeqCst) >= n {
            return;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("the handler did not get to {n}");
}

#[tokio::test]
async fn a_client_that_leaves_mid_request_gets_its_answer_or_runs_again_after_the_timeout() {
    // The real middleware, store and server over a handler the test can slow down.
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}", dir.path().join("keys.db").display());
    let master =
        consentry_server::crypto::MasterKey::load_or_create(&dir.path().join("k")).expect("key");
    let store = consentry_server::store::connect(&url, master)
        .await
        .expect("store");
    let keys = Idempotency::new(
        store,
        Limits {
            max_body_bytes: 1024,
            request_timeout: Duration::from_secs(1),
            lease: Duration::from_secs(2),
        },
    );
    let handler = Arc::new(Slow::default());
    // What `authenticate` finds for a signed-in caller.
    let caller = |mut request: axum::extract::Request, next: middleware::Next| async move {
        request.extensions_mut().insert(idempotency::KeyedCaller {
            organisation: consentry_model::OrganisationId(uuid::Uuid::nil()),
            owner: [5; 32],
        });
        next.run(request).await
    };
    let app = Router::new()
        .route("/api/v1/slow", post(slow))
        .with_state(Arc::clone(&handler))
        .layer(middleware::from_fn_with_state(
            keys.clone(),
            idempotency::replay,
        ))
        .layer(middleware::from_fn(caller));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let url = format!(
        "http://{}/api/v1/slow",
        listener.local_addr().expect("addr")
    );
    let limits = ConnectionLimits {
        header_read: Duration::from_secs(1),
        idle: Duration::from_secs(2),
        max_open: 64,
        max_open_per_client: 64,
    };
    tokio::spawn(serve(
        listener,
        app,
        limits,
        std::sync::Arc::default(),
        std::future::pending(),
    ));

    // The client leaves while the handler runs: the request goes on and keeps its answer.
    handler.hold_next.store(true, Ordering::SeqCst);
    let leaving = {
        let url = url.clone();
        tokio::spawn(async move { keyed_post(&url, "Bearer x", "left-1", b"{}").await })
    };
    wait_for(&handler.started, 1).await;
    leaving.abort();
    let _ = leaving.await;
    let meanwhile = keyed_post(&url, "Bearer x", "left-1", b"{}").await;
    assert_eq!(meanwhile.status(), StatusCode::CONFLICT);
    handler.gate.notify_one();
    wait_for(&handler.done, 1).await;
    let retried = retry_until_settled(&url, "Bearer x", "left-1", b"{}").await;
    assert_eq!(retried.status(), StatusCode::CREATED);
    assert_eq!(retried.headers()["idempotent-replayed"], "true");
    assert_eq!(
        retried.json::<Value>().await.expect("json"),
        json!({"run": 1})
    );
    assert_eq!(handler.done.load(Ordering::SeqCst), 1);

    // The client leaves and the handler never ends: the 1 s request timeout stops it and
    // releases the key, and the retry runs it (within the 2 s lease: no waiting for it).
    handler.stall_next.store(true, Ordering::SeqCst);
    let leaving = {
        let url = url.clone();
        tokio::spawn(async move { keyed_post(&url, "Bearer x", "left-2", b"{}").await })
    };
    wait_for(&handler.started, 2).await;
    leaving.abort();
    let _ = leaving.await;
    tokio::time::sleep(Duration::from_millis(1200)).await;
    let retried = keyed_post(&url, "Bearer x", "left-2", b"{}").await;
    assert_eq!(retried.status(), StatusCode::CREATED);
    assert!(retried.headers().get("idempotent-replayed").is_none());
    assert_eq!(
        retried.json::<Value>().await.expect("json"),
        json!({"run": 2})
    );
    assert_eq!(handler.started.load(Ordering::SeqCst), 3);
    keys.finish_running().await;
}

#[tokio::test]
async fn a_lease_not_longer_than_the_request_timeout_is_refused_at_start() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut settings = Settings::default();
    settings.server.port = 0;
    settings.database.url = format!("sqlite://{}", dir.path().join("t.db").display());
    settings.server.request_timeout_seconds = 60;
    settings.server.idempotency_lease_seconds = 60;
    let Err(refused) = Application::build(settings).await else {
        panic!("a server started whose keyed requests could run twice");
    };
    let message = refused.to_string();
    assert!(
        message.contains("server.idempotency_lease_seconds (60) must be longer than")
            && message.contains("server.request_timeout_seconds (60)"),
        "{message}"
    );
}

#[tokio::test]
async fn a_malformed_idempotency_key_is_refused_naming_the_header_and_writes_nothing() {
    let app = spawn_app_with(Options::default()).await;
    app.set_up().await;
    let leads = app.module_id("leads").await;
    let (_, secret) = key(&app, "Shop", &["records:write", "records:read"]).await;
    let body = serde_json::to_vec(&json!({"module_id": leads, "fields": {"last_name": "Sleutel"}}))
        .expect("json");
    let url = app.url("/api/v1/records");
    let too_long = "k".repeat(256);
    let refused: [(&str, Vec<&[u8]>); 6] = [
        ("empty", vec![b""]),
        ("a space", vec![b"order 7"]),
        ("a tab", vec![b"order\t7"]),
        ("not ASCII", vec!["bestelling-\u{e9}".as_bytes()]),
        ("256 characters", vec![too_long.as_bytes()]),
        ("sent twice", vec![b"order-7", b"order-8"]),
    ];
    for (what, values) in refused {
        let mut request = reqwest::Client::new()
            .post(&url)
            .bearer_auth(&secret)
            .header("content-type", "application/json");
        for value in values {
            request = request.header(
                "idempotency-key",
                HeaderValue::from_bytes(value).expect("a header value"),
            );
        }
        let answer = request.body(body.clone()).send().await.expect("request");
        assert_eq!(answer.status(), StatusCode::BAD_REQUEST, "{what}");
        let answer: Value = answer.json().await.expect("json");
        assert_eq!(answer["field"], "Idempotency-Key", "{what}: {answer}");
    }
    assert!(records_named(&app, &secret, "Sleutel").await.is_empty());
    // The edges: one character, 255, and every visible ASCII character are keys.
    let all_visible: String = (0x21u8..=0x7e).map(char::from).collect();
    for good in ["k".to_owned(), "k".repeat(255), all_visible] {
        let answer = keyed_post(&url, &secret, &good, &body).await;
        assert_eq!(answer.status(), StatusCode::CREATED, "{good}");
        let again = keyed_post(&url, &secret, &good, &body).await;
        assert_eq!(again.headers()["idempotent-replayed"], "true", "{good}");
    }
    assert_eq!(records_named(&app, &secret, "Sleutel").await.len(), 3);
}

#[tokio::test]
async fn a_keyed_import_larger_than_the_general_body_limit_is_read_to_the_import_limit() {
    let app = spawn_app_with(Options::default()).await;
    app.set_up().await;
    let module = app.module_id("leads").await;
    // About 1.5 MiB: over the general 1 MiB limit, well within the 25 MiB import limit.
    let mut csv = String::from("Voornaam;Achternaam;E-mail\n");
    let mut n = 0;
    while csv.len() < 1536 * 1024 {
        csv.push_str(&format!("Groot{n};Bestand{n};groot{n}@example.nl\n"));
        n += 1;
    }
    let upload = || {
        app.client
            .post(app.url(&format!(
                "/api/v1/imports?module={module}&file_name=groot.csv"
            )))
            .header("x-requested-with", "consentry")
            .header("content-type", "text/csv")
            .header("idempotency-key", "import-groot-1")
            .body(csv.clone())
            .send()
    };
    let started = upload().await.expect("request");
    assert_eq!(started.status(), StatusCode::ACCEPTED);
    assert!(started.headers().get("idempotent-replayed").is_none());
    let started: Value = started.json().await.expect("json");
    let finished = crate::imports::finished(&app, started["id"].as_str().expect("id")).await;
    assert_eq!(finished["state"], "finished", "{finished}");
    // The retry gets the first answer: the same import, not a second one.
    let again = upload().await.expect("request");
    assert_eq!(again.status(), StatusCode::ACCEPTED);
    assert_eq!(again.headers()["idempotent-replayed"], "true");
    let again: Value = again.json().await.expect("json");
    assert_eq!(again["id"], started["id"]);
}

#[tokio::test]
async fn a_claim_whose_change_committed_is_never_run_again_after_its_lease_but_named() {
    let app = spawn_app_with(Options {
        tune: short_timeouts,
        ..Options::default()
    })
    .await;
    app.set_up().await;
    let leads = app.module_id("leads").await;
    let (id, secret) = key(&app, "Shop", &["records:write", "records:read"]).await;
    let body = serde_json::to_vec(&json!({"module_id": leads, "fields": {"last_name": "Half"}}))
        .expect("json");
    let owner = idempotency::api_key_owner(id.parse().expect("key id"));
    let store = app.store().await;
    let organisation = store.organisations().await.expect("organisations")[0].id;
    let fingerprint = idempotency::fingerprint("/api/v1/records", &body);
    // Two requests killed with their server after their change committed, before their
    // answer was kept: one still in its lease, one past it.
    let mut orphans = Vec::new();
    for (n, lease_ms) in [(1u8, 60_000), (2, -1)] {
        let orphan = HeldKey {
            caller: owner,
            key: format!("half-{n}"),
            token: [n; 16],
        };
        let now = chrono::Utc::now();
        let claimed = store
            .claim_idempotent(IdempotencyClaim {
                held: &orphan,
                fingerprint: &fingerprint,
                now,
                lease_until: now + chrono::Duration::milliseconds(lease_ms),
            })
            .await
            .expect("claim");
        assert_eq!(claimed, Claim::New);
        let change = consentry_server::store::AuditNote {
            actor: "Shop".into(),
            action: consentry_model::audit::AuditAction::RecordCreated,
            subject: Some(format!("record-{n}")),
            before: None,
            after: None,
        };
        consentry_server::store::keyed::within(
            orphan.token,
            store.append_audit(organisation, change),
        )
        .await
        .expect("the change");
        orphans.push(orphan);
    }
    let url = app.url("/api/v1/records");
    let waiting: Value = keyed_post(&url, &secret, "half-1", &body)
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(waiting["error"], "idempotency_in_progress", "{waiting}");
    // Past its lease: named, not run again; every retry, also many at once.
    let retries = (0..8).map(|_| keyed_post(&url, &secret, "half-2", &body));
    for answer in futures::future::join_all(retries).await {
        assert_eq!(answer.status(), StatusCode::CONFLICT);
        let answer: Value = answer.json().await.expect("json");
        assert_eq!(answer["error"], "idempotency_interrupted", "{answer}");
        assert_eq!(answer["field"], "Idempotency-Key");
        let message = answer["message"].as_str().expect("message");
        assert!(message.contains("record.created"), "{message}");
        assert!(message.contains("audit entry"), "{message}");
    }
    assert!(records_named(&app, &secret, "Half").await.is_empty());
    // A request released after its change (stopped by the timeout, or a server error) is not
    // freed for a retry either: its lease ends at once, and the retry is told.
    let released = store
        .finish_idempotent(&orphans[0], None)
        .await
        .expect("release");
    assert!(released);
    let answer: Value = keyed_post(&url, &secret, "half-1", &body)
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(answer["error"], "idempotency_interrupted", "{answer}");
    assert!(records_named(&app, &secret, "Half").await.is_empty());
    // A new key for the same request runs it.
    let fresh = keyed_post(&url, &secret, "half-3", &body).await;
    assert_eq!(fresh.status(), StatusCode::CREATED);
}

/// A keyed POST carrying a session cookie, as the admin app sends it.
async fn keyed_post_as(url: &str, cookie: &str, key: &str, body: &Value) -> reqwest::Response {
    reqwest::Client::new()
        .post(url)
        .header("cookie", cookie)
        .header("x-requested-with", "consentry")
        .header("idempotency-key", key)
        .json(body)
        .send()
        .await
        .expect("request")
}

#[tokio::test]
async fn a_kept_answer_is_never_given_to_a_revoked_key_or_a_signed_out_session() {
    let app = spawn_app().await;
    app.set_up().await;
    let leads = app.module_id("leads").await;
    let records = app.url("/api/v1/records");

    // An API key's kept answer, asked for again after the key was revoked.
    let (id, secret) = key(&app, "Shop", &["records:write", "records:read"]).await;
    let body = serde_json::to_vec(
        &json!({"module_id": leads, "fields": {"last_name": "Ingetrokken", "phone": "+31 20 123 4567"}}),
    )
    .expect("json");
    let first = keyed_post(&records, &secret, "revoked-1", &body).await;
    assert_eq!(first.status(), StatusCode::CREATED);
    let revoked = app
        .send(
            reqwest::Method::DELETE,
            &format!("/api/v1/api-keys/{id}"),
            &json!({}),
        )
        .await;
    assert!(revoked.status().is_success(), "{}", revoked.status());
    let replay = keyed_post(&records, &secret, "revoked-1", &body).await;
    assert_eq!(replay.status(), StatusCode::UNAUTHORIZED);
    assert!(!replay.text().await.expect("text").contains("Ingetrokken"));

    // A session's kept answer, asked for again with its cookie after signing out.
    let signed_in = reqwest::Client::new()
        .post(app.url("/api/v1/session"))
        .header("x-requested-with", "consentry")
        .json(&json!({"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD}))
        .send()
        .await
        .expect("sign in");
    assert_eq!(signed_in.status(), StatusCode::OK);
    let cookie = signed_in
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .map(|v| v.split(';').next().unwrap_or_default().to_owned())
        .collect::<Vec<_>>()
        .join("; ");
    let key_body = json!({"name": "Made before signing out", "scopes": ["records:read"]});
    let api_keys = app.url("/api/v1/api-keys");
    let made = keyed_post_as(&api_keys, &cookie, "signed-out-1", &key_body).await;
    assert_eq!(made.status(), StatusCode::CREATED);
    let signed_out = reqwest::Client::new()
        .delete(app.url("/api/v1/session"))
        .header("cookie", &cookie)
        .header("x-requested-with", "consentry")
        .send()
        .await
        .expect("sign out");
    assert!(signed_out.status().is_success(), "{}", signed_out.status());
    let replay = keyed_post_as(&api_keys, &cookie, "signed-out-1", &key_body).await;
    assert_eq!(replay.status(), StatusCode::UNAUTHORIZED);
    assert!(!replay.text().await.expect("text").contains("ck_"));
    // A route open to anyone still runs with the stale cookie and a key: signing in again.
    let again = keyed_post_as(
        &app.url("/api/v1/session"),
        &cookie,
        "signed-out-2",
        &json!({"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD}),
    )
    .await;
    assert_eq!(again.status(), StatusCode::OK);
}

/// A keyed POST by the signed-in administrator, under a key named after the path.
async fn keyed_as_admin(app: &TestApp, path: &str, body: &Value) -> reqwest::Response {
    app.client
        .post(app.url(path))
        .header("x-requested-with", "consentry")
        .header("idempotency-key", format!("{path}-once"))
        .json(body)
        .send()
        .await
        .expect("request")
}

#[tokio::test]
async fn a_secret_shown_once_is_never_kept_and_its_retry_makes_nothing_again() {
    let app = spawn_app().await;
    app.set_up().await;
    let key_body = json!({"name": "Shown once", "scopes": ["records:read"]});
    let hook_body =
        json!({"url": "https://hooks.example.org/consentry", "events": ["dsr.created"]});
    let mut secrets = Vec::new();
    for (path, body, field) in [
        ("/api/v1/api-keys", key_body, "secret"),
        ("/api/v1/webhooks", hook_body, "secret"),
    ] {
        let first = keyed_as_admin(&app, path, &body).await;
        assert_eq!(first.status(), StatusCode::CREATED, "{path}");
        assert_eq!(first.headers()["cache-control"], "no-store", "{path}");
        let created: Value = first.json().await.expect("json");
        let shown = created[field].as_str().expect("secret").to_owned();
        // The retry is told the change was made, and is given neither the secret nor a
        // second key or webhook.
        let retry = keyed_as_admin(&app, path, &body).await;
        assert_eq!(retry.status(), StatusCode::CONFLICT, "{path}");
        let refused: Value = retry.json().await.expect("json");
        assert_eq!(refused["error"], "idempotency_interrupted", "{refused}");
        assert!(!refused.to_string().contains(&shown));
        secrets.push(shown);
    }
    let listed: Value = app
        .get("/api/v1/api-keys")
        .await
        .json()
        .await
        .expect("json");
    let named = listed
        .as_array()
        .or_else(|| listed["keys"].as_array())
        .expect("keys")
        .iter()
        .filter(|k| k["name"] == "Shown once")
        .count();
    assert_eq!(named, 1, "one key made: {listed}");
    let hooks: Value = app
        .get("/api/v1/webhooks")
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(
        hooks.to_string().matches("hooks.example.org").count(),
        1,
        "{hooks}"
    );
    // No copy of either secret anywhere in the database's files.
    app.store().await;
    for file in ["", "-wal", "-shm"] {
        let path = format!("{}{file}", app.db_path().display());
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        for shown in &secrets {
            assert!(
                !bytes.windows(shown.len()).any(|w| w == shown.as_bytes()),
                "{path} holds a secret shown once"
            );
        }
    }
}

/// A keyed POST creating a record named `name` through `client`.
async fn keyed_record(
    app: &TestApp,
    client: &reqwest::Client,
    key: &str,
    name: &str,
) -> reqwest::Response {
    let leads = app.module_id("leads").await;
    client
        .post(app.url("/api/v1/records"))
        .header("x-requested-with", "consentry")
        .header("idempotency-key", key)
        .json(&json!({"module_id": leads, "fields": {"last_name": name}}))
        .send()
        .await
        .expect("request")
}

#[tokio::test]
async fn a_key_belongs_to_the_person_not_to_the_session_they_signed_in_with() {
    let app = spawn_app().await;
    app.set_up().await;
    let first = keyed_record(&app, &app.client, "person-1", "Eenmaal").await;
    assert_eq!(first.status(), StatusCode::CREATED);
    let first: Value = first.json().await.expect("json");

    // The same person signed in again (after a restart, on another device): a new session,
    // the same keys. The retry gets the kept answer and nothing is made twice.
    let again = crate::helpers::new_client();
    let signed_in = crate::helpers::send_as(
        &again,
        reqwest::Method::POST,
        &app.url("/api/v1/session"),
        &json!({"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD}),
    )
    .await;
    assert_eq!(signed_in.status(), StatusCode::OK);
    let retry = keyed_record(&app, &again, "person-1", "Eenmaal").await;
    assert_eq!(retry.status(), StatusCode::CREATED);
    assert_eq!(retry.headers()["idempotent-replayed"], "true");
    let retry: Value = retry.json().await.expect("json");
    assert_eq!(retry["id"], first["id"]);

    // Another person using the same key makes their own change, never gets the first's.
    let other = app.user_client("sam@acme.example", "standard").await;
    let theirs = keyed_record(&app, &other, "person-1", "Eenmaal").await;
    assert_eq!(theirs.status(), StatusCode::CREATED);
    assert!(theirs.headers().get("idempotent-replayed").is_none());
    let theirs: Value = theirs.json().await.expect("json");
    assert_ne!(theirs["id"], first["id"]);
    assert_eq!(app.search("Eenmaal").await.len(), 2);
}
