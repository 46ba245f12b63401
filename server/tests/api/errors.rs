use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{LogCapture, Options, error_body, setup_body, spawn_app, spawn_app_with};

#[tokio::test]
async fn malformed_json_gets_400_with_the_error_body() {
    let app = spawn_app().await;
    let response = app
        .client
        .post(app.url("/api/v1/setup"))
        .header("content-type", "application/json")
        .body("{\"organisation_name\": ")
        .send()
        .await
        .expect("request");
    let body = error_body(response, StatusCode::BAD_REQUEST).await;
    assert_eq!(body["error"], "malformed_json");
}

#[tokio::test]
async fn an_invalid_field_gets_400_naming_the_field_and_writes_nothing() {
    let app = spawn_app().await;
    let response = app
        .post(
            "/api/v1/setup",
            &json!({"organisation_name": "Acme", "organisation_slug": "Not A Slug",
                    "admin_name": "Ada", "admin_email": "ada@acme.example",
                    "admin_password": "long enough password"}),
        )
        .await;
    let body = error_body(response, StatusCode::BAD_REQUEST).await;
    assert_eq!(body["error"], "invalid_field");
    assert_eq!(body["field"], "organisation_slug");
    let status: serde_json::Value = app.get("/api/v1/setup").await.json().await.expect("json");
    assert_eq!(status["needs_setup"], true);
}

#[tokio::test]
async fn a_short_password_is_refused_with_the_rule() {
    let app = spawn_app().await;
    let response = app
        .post(
            "/api/v1/setup",
            &json!({"organisation_name": "Acme", "organisation_slug": "acme",
                    "admin_name": "Ada", "admin_email": "ada@acme.example",
                    "admin_password": "short"}),
        )
        .await;
    let body = error_body(response, StatusCode::BAD_REQUEST).await;
    assert_eq!(body["field"], "admin_password");
    assert!(
        body["message"]
            .as_str()
            .is_some_and(|m| m.contains("10 characters"))
    );
}

#[tokio::test]
async fn a_body_that_is_not_declared_json_gets_415() {
    let app = spawn_app().await;
    let response = app
        .client
        .post(app.url("/api/v1/session"))
        .header("content-type", "text/plain")
        .body("{}")
        .send()
        .await
        .expect("request");
    error_body(response, StatusCode::UNSUPPORTED_MEDIA_TYPE).await;
}

#[tokio::test]
async fn an_oversized_body_gets_413() {
    let app = spawn_app().await;
    let huge = "x".repeat(2 * 1024 * 1024);
    let response = app
        .post(
            "/api/v1/session",
            &json!({"email": "a@b.nl", "password": huge}),
        )
        .await;
    error_body(response, StatusCode::PAYLOAD_TOO_LARGE).await;
}

#[tokio::test]
async fn a_cookie_authenticated_write_without_the_csrf_header_is_refused() {
    let app = spawn_app().await;
    app.set_up().await;
    let response = app
        .client
        .put(app.url("/api/v1/compliance/settings"))
        .json(&json!({"enabled": true, "waiting_period_days": 30,
                      "processing_while_pending": "allow", "double_opt_in": true,
                      "retention_days": null}))
        .send()
        .await
        .expect("request");
    let body = error_body(response, StatusCode::FORBIDDEN).await;
    assert_eq!(body["error"], "cross_site_request");
}

#[tokio::test]
async fn a_write_from_another_origin_is_refused_even_with_the_header() {
    let app = spawn_app().await;
    app.set_up().await;
    let response = app
        .client
        .request(Method::POST, app.url("/api/v1/users"))
        .header("x-requested-with", "consentry")
        .header("origin", "https://evil.example")
        .json(&json!({}))
        .send()
        .await
        .expect("request");
    error_body(response, StatusCode::FORBIDDEN).await;
}

#[tokio::test]
async fn an_unknown_api_route_is_a_json_404() {
    let app = spawn_app().await;
    let response = app.get("/api/v1/nothing-here").await;
    let body = error_body(response, StatusCode::NOT_FOUND).await;
    assert_eq!(body["error"], "not_found");
}

#[tokio::test]
async fn a_method_a_route_does_not_answer_is_a_json_405_naming_the_ones_it_does() {
    let app = spawn_app().await;
    app.set_up().await;
    let refused = app.send(Method::DELETE, "/api/v1/users", &json!({})).await;
    assert_eq!(refused.headers()["allow"], "GET, POST");
    let body = error_body(refused, StatusCode::METHOD_NOT_ALLOWED).await;
    assert_eq!(body["error"], "method_not_allowed");
    assert_eq!(body["message"], "This route answers GET, POST, not DELETE.");
    let refused = app
        .send(Method::PUT, "/api/v1/audit/export", &json!({}))
        .await;
    assert_eq!(
        refused.headers()["allow"],
        "GET",
        "no HEAD: the API answers none"
    );
    error_body(refused, StatusCode::METHOD_NOT_ALLOWED).await;
    // The API's own pages answer no HEAD either; a path no route has is a 404 whatever the
    // method.
    for path in ["/api/health", "/api/openapi.json"] {
        let head = app
            .client
            .head(app.url(path))
            .send()
            .await
            .expect("request");
        assert_eq!(head.status(), StatusCode::METHOD_NOT_ALLOWED, "{path}");
        assert_eq!(head.headers()["allow"], "GET", "{path}");
    }
    for path in ["/api/v1/nothing-here", "/api", "/api/"] {
        for method in [Method::GET, Method::OPTIONS, Method::HEAD, Method::DELETE] {
            let unknown = app
                .client
                .request(method.clone(), app.url(path))
                .header("x-requested-with", "consentry")
                .send()
                .await
                .expect("request");
            assert_eq!(unknown.status(), StatusCode::NOT_FOUND, "{method} {path}");
            if method != Method::HEAD {
                error_body(unknown, StatusCode::NOT_FOUND).await;
            }
        }
    }
}

#[tokio::test]
async fn a_malformed_id_in_the_path_is_a_json_404() {
    let app = spawn_app().await;
    app.set_up().await;
    let response = app.get("/api/v1/users/not-a-uuid").await;
    error_body(response, StatusCode::NOT_FOUND).await;
}

#[tokio::test]
async fn behind_a_reverse_proxy_pages_from_the_public_address_may_write() {
    // The proxy forwards to 127.0.0.1 without passing the Host the browser used.
    let app = spawn_app_with(Options {
        public_url: Some("https://consent.example.org".into()),
        ..Options::default()
    })
    .await;
    let from = |origin: &'static str| {
        app.client
            .post(app.url("/api/v1/setup"))
            .header("origin", origin)
            .header("sec-fetch-site", "same-origin")
            .json(&setup_body("Acme", "acme", "ada@acme.example"))
    };
    let stranger = from("https://evil.example").send().await.expect("request");
    assert_eq!(
        error_body(stranger, StatusCode::FORBIDDEN).await["error"],
        "cross_site_request"
    );
    let own = from("https://consent.example.org")
        .send()
        .await
        .expect("request");
    assert_eq!(own.status(), StatusCode::CREATED);
}

#[tokio::test]
async fn every_answer_carries_a_request_id_of_its_own_never_the_clients() {
    let app = spawn_app().await;
    let mut seen = std::collections::HashSet::new();
    for (path, status) in [
        ("/api/v1/setup", StatusCode::OK),
        ("/api/v1/nothing-here", StatusCode::NOT_FOUND),
        ("/api/v1/records", StatusCode::UNAUTHORIZED),
    ] {
        let response = app
            .client
            .get(app.url(path))
            .header("x-request-id", "ada@acme.example")
            .send()
            .await
            .expect("request");
        assert_eq!(response.status(), status, "{path}");
        let id = response
            .headers()
            .get("x-request-id")
            .unwrap_or_else(|| panic!("{path}: no x-request-id"))
            .to_str()
            .expect("ascii")
            .to_owned();
        assert!(
            uuid::Uuid::parse_str(&id).is_ok(),
            "{path}: the id is the server's own, not the client's: {id}"
        );
        if status != StatusCode::OK {
            let body: Value = response.json().await.expect("json");
            assert_eq!(
                body["request_id"],
                id.as_str(),
                "{path}: the error body quotes it"
            );
        }
        assert!(seen.insert(id), "{path}: each request its own id");
    }
}

#[tokio::test]
async fn a_trusted_proxys_request_id_is_kept_when_it_is_a_plain_token() {
    let log = LogCapture::start();
    let app = spawn_app_with(Options {
        tune: |settings| {
            settings.server.trusted_proxies =
                serde_json::from_value(json!(["127.0.0.1"])).expect("proxies");
        },
        ..Options::default()
    })
    .await;
    let ask = |id: &str| {
        app.client
            .get(app.url("/api/v1/records"))
            .header("x-request-id", id.to_owned())
            .send()
    };
    let kept = ask("edge-7f3a.42_b").await.expect("request");
    assert_eq!(kept.headers()["x-request-id"], "edge-7f3a.42_b");
    let body: Value = kept.json().await.expect("json");
    assert_eq!(body["request_id"], "edge-7f3a.42_b");
    assert!(
        log.text().contains("edge-7f3a.42_b"),
        "the request's log lines carry the proxy's id"
    );
    // Anything else the proxy passes on is replaced: it could carry anything into the log.
    for odd in ["ada@acme.example", "a b", &*"x".repeat(65)] {
        let replaced = ask(odd).await.expect("request");
        let id = replaced.headers()["x-request-id"]
            .to_str()
            .expect("ascii")
            .to_owned();
        assert!(uuid::Uuid::parse_str(&id).is_ok(), "{odd:?} replaced: {id}");
    }
    assert!(!log.text().contains("ada@acme.example"));
}

#[tokio::test]
async fn ready_says_why_an_instance_cannot_serve_and_health_stays_cheap() {
    let app = spawn_app().await;
    let ready = app.get("/api/ready").await;
    assert_eq!(ready.status(), StatusCode::OK);
    let body: Value = ready.json().await.expect("json");
    assert_eq!(body["status"], "ready");
    // Another instance of a newer version moved the schema on.
    let rows = crate::rows::Rows::of(&app).await;
    let checksum = match rows {
        crate::rows::Rows::Sqlite(_) => "X'00'",
        crate::rows::Rows::Postgres(_) => "'\\x00'::bytea",
    };
    rows.execute(&format!(
        "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time)
         VALUES (99999999, 'from a newer version', TRUE, {checksum}, 0)"
    ))
    .await
    .expect("a newer migration");
    let ready = app.get("/api/ready").await;
    assert_eq!(ready.status(), StatusCode::SERVICE_UNAVAILABLE);
    let body: Value = ready.json().await.expect("json");
    assert_eq!(body["status"], "not_ready");
    let reason = body["reason"].as_str().expect("a reason");
    assert!(
        reason.contains("newer") && reason.contains("upgrade this instance"),
        "{reason}"
    );
    assert_eq!(app.get("/api/health").await.status(), StatusCode::OK);
    rows.execute("DELETE FROM _sqlx_migrations WHERE version = 99999999")
        .await
        .expect("removed");
    assert_eq!(app.get("/api/ready").await.status(), StatusCode::OK);
    // A migration that failed part-way (a newer instance's, say) leaves the schema unsure.
    rows.execute(&format!(
        "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time)
         VALUES (99999998, 'failed part-way', FALSE, {checksum}, 0)"
    ))
    .await
    .expect("a failed migration");
    let ready = app.get("/api/ready").await;
    assert_eq!(ready.status(), StatusCode::SERVICE_UNAVAILABLE);
    let body: Value = ready.json().await.expect("json");
    let reason = body["reason"].as_str().expect("a reason");
    assert!(
        reason.contains("99999998") && reason.contains("failed part-way"),
        "{reason}"
    );
    rows.execute("DELETE FROM _sqlx_migrations WHERE version = 99999998")
        .await
        .expect("removed");
    assert_eq!(app.get("/api/ready").await.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_master_key_that_opens_nothing_of_this_database_is_named_before_serving() {
    let app = spawn_app().await;
    app.set_up().await;
    let store = app.store().await;
    let organisation = store.organisations().await.expect("list")[0].id;
    store.hash_key(organisation).await.expect("a sealed secret");
    store
        .keys_open()
        .await
        .expect("the installation's key opens it");
    // Another instance started with another key file: its keys open nothing here.
    let other = consentry_server::crypto::MasterKey::from_base64(
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
    )
    .expect("a key");
    let refused = match consentry_server::store::connect(&app.database_url().await, other).await {
        Ok(wrong) => wrong
            .keys_open()
            .await
            .expect_err("another key opens nothing"),
        Err(refused) => refused,
    };
    assert!(
        matches!(&refused, consentry_server::store::StoreError::Keys(why) if why.contains("master key")),
        "{refused}"
    );
    // The serving instance: its secret sealed under another key (as that instance would
    // have written it), it is not ready and says why; sealed under its own again, it is.
    let hex = |bytes: &[u8]| bytes.iter().map(|b| format!("{b:02x}")).collect::<String>();
    let rows = crate::rows::Rows::of(&app).await;
    let literal = |bytes: &[u8]| match rows {
        crate::rows::Rows::Sqlite(_) => format!("X'{}'", hex(bytes)),
        crate::rows::Rows::Postgres(_) => format!("'\\x{}'::bytea", hex(bytes)),
    };
    let label = format!("hash key of organisation {}", organisation.0);
    let secret = store.hash_key(organisation).await.expect("key");
    let foreign = consentry_server::crypto::MasterKey::from_base64(
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
    )
    .expect("a key")
    .wrap_secret(&label, &secret);
    let id = match rows {
        crate::rows::Rows::Sqlite(_) => format!("X'{}'", organisation.0.simple()),
        crate::rows::Rows::Postgres(_) => format!("'{}'", organisation.0),
    };
    let original: Vec<u8> = match &rows {
        crate::rows::Rows::Sqlite(pool) => sqlx::query_scalar(&format!(
            "SELECT hash_key FROM organisation_secrets WHERE organisation_id = {id}"
        ))
        .fetch_one(pool)
        .await
        .expect("sealed"),
        crate::rows::Rows::Postgres(pool) => sqlx::query_scalar(&format!(
            "SELECT hash_key FROM organisation_secrets WHERE organisation_id = {id}"
        ))
        .fetch_one(pool)
        .await
        .expect("sealed"),
    };
    rows.execute(&format!(
        "UPDATE organisation_secrets SET hash_key = {} WHERE organisation_id = {id}",
        literal(&foreign)
    ))
    .await
    .expect("sealed under another key");
    let ready = app.get("/api/ready").await;
    assert_eq!(ready.status(), StatusCode::SERVICE_UNAVAILABLE);
    let body: Value = ready.json().await.expect("json");
    let reason = body["reason"].as_str().expect("a reason");
    assert!(reason.contains("master key"), "{reason}");
    rows.execute(&format!(
        "UPDATE organisation_secrets SET hash_key = {} WHERE organisation_id = {id}",
        literal(&original)
    ))
    .await
    .expect("sealed under its own key again");
    assert_eq!(app.get("/api/ready").await.status(), StatusCode::OK);
}

#[tokio::test]
async fn with_a_json_log_every_line_is_an_object_and_a_requests_lines_carry_its_id() {
    use std::io::BufRead;
    let app = spawn_app().await;
    let mut child = crate::crash::consentry(&app)
        .arg("serve")
        .env("CONSENTRY__SERVER__PORT", "0")
        .env("CONSENTRY__LOG__FORMAT", "json")
        .env("CONSENTRY_LOG", "info,tower_http=debug")
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("serve starts");
    let stdout = child.stdout.take().expect("stdout");
    let (lines_tx, lines) = std::sync::mpsc::channel::<String>();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
        {
            let _ = lines_tx.send(line);
        }
    });
    let mut seen = Vec::new();
    let address = loop {
        let line = lines
            .recv_timeout(std::time::Duration::from_secs(30))
            .expect("the server logged where it listens");
        let object: Value = serde_json::from_str(&line)
            .unwrap_or_else(|e| panic!("not a JSON object ({e}): {line}"));
        if object["message"] == "Consentry is listening" {
            break object["address"].as_str().expect("address").to_owned();
        }
        seen.push(line);
    };
    let answer = reqwest::Client::new()
        .get(format!(
            "http://{address}/api/v1/nothing-here?q=ada@acme.example"
        ))
        .send()
        .await
        .expect("request");
    assert_eq!(answer.status(), StatusCode::NOT_FOUND);
    let id = answer.headers()["x-request-id"]
        .to_str()
        .expect("ascii")
        .to_owned();
    // The request's lines (its start and its answer) name its id, route and method.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    let mut with_id = 0;
    while with_id < 2 && std::time::Instant::now() < deadline {
        let Ok(line) = lines.recv_timeout(std::time::Duration::from_millis(200)) else {
            continue;
        };
        let object: Value = serde_json::from_str(&line)
            .unwrap_or_else(|e| panic!("not a JSON object ({e}): {line}"));
        // The request's span, outermost.
        let request = &object["spans"][0];
        if request["id"] == id.as_str() {
            assert_eq!(request["route"], "/api/{*rest}", "{line}");
            assert_eq!(request["method"], "GET", "{line}");
            with_id += 1;
        }
        seen.push(line);
    }
    child.kill().expect("kill");
    let _ = child.wait();
    assert_eq!(with_id, 2, "the request's start and answer: {seen:#?}");
    assert!(
        seen.iter().all(|line| !line.contains("ada@acme.example")),
        "a query string is never logged"
    );
}
