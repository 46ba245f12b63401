use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{
    ADMIN_EMAIL, ADMIN_PASSWORD, Options, error_body, new_client, send_as, setup_body, spawn_app,
    spawn_app_with,
};

#[tokio::test]
async fn first_run_creates_the_organisation_and_signs_the_administrator_in() {
    let app = spawn_app().await;
    let status: Value = app.get("/api/v1/setup").await.json().await.expect("json");
    assert_eq!(status["needs_setup"], true);

    let session = app.set_up().await;
    assert_eq!(session["user"]["email"], ADMIN_EMAIL);
    assert_eq!(session["user"]["profile"], "administrator");
    assert_eq!(session["organisation"]["slug"], "acme");
    let permissions = session["permissions"].as_array().expect("permissions");
    assert!(permissions.contains(&json!("manage_compliance_settings")));

    let me: Value = app.get("/api/v1/session").await.json().await.expect("json");
    assert_eq!(me["user"]["email"], ADMIN_EMAIL);
    let status: Value = app.get("/api/v1/setup").await.json().await.expect("json");
    assert_eq!(status["needs_setup"], false);
}

#[tokio::test]
async fn first_run_is_refused_once_an_organisation_exists() {
    let app = spawn_app().await;
    app.set_up().await;
    let again = send_as(
        &new_client(),
        reqwest::Method::POST,
        &app.url("/api/v1/setup"),
        &setup_body("Intruder", "intruder", "x@intruder.example"),
    )
    .await;
    let body = error_body(again, StatusCode::CONFLICT).await;
    assert_eq!(body["error"], "already_set_up");
}

#[tokio::test]
async fn sign_in_sets_an_http_only_strict_session_cookie() {
    let app = spawn_app().await;
    app.set_up().await;
    let client = new_client();
    let response = send_as(
        &client,
        reqwest::Method::POST,
        &app.url("/api/v1/session"),
        &json!({"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD}),
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);
    let cookie = response
        .headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .expect("set-cookie")
        .to_owned();
    assert!(cookie.starts_with("consentry_session="), "{cookie}");
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Strict"), "{cookie}");
    assert!(
        !cookie.contains("Secure"),
        "plain HTTP: no Secure flag: {cookie}"
    );
    let me = client
        .get(app.url("/api/v1/session"))
        .send()
        .await
        .expect("request");
    assert_eq!(me.status(), StatusCode::OK);
}

#[tokio::test]
async fn behind_tls_the_cookie_is_secure_and_responses_carry_hsts() {
    let app = spawn_app_with(Options {
        public_url: Some("https://consent.acme.example".into()),
        ..Options::default()
    })
    .await;
    let response = app
        .post("/api/v1/setup", &setup_body("Acme", "acme", ADMIN_EMAIL))
        .await;
    let cookie = response.headers()["set-cookie"].to_str().expect("ascii");
    assert!(cookie.contains("Secure"), "{cookie}");
    assert!(response.headers().contains_key("strict-transport-security"));
}

#[tokio::test]
async fn a_wrong_password_and_an_unknown_address_get_the_same_401() {
    let app = spawn_app().await;
    app.set_up().await;
    let client = new_client();
    let mut bodies = Vec::new();
    for (email, password) in [
        (ADMIN_EMAIL, "wrong password entirely"),
        ("nobody@acme.example", ADMIN_PASSWORD),
    ] {
        let response = send_as(
            &client,
            reqwest::Method::POST,
            &app.url("/api/v1/session"),
            &json!({"email": email, "password": password}),
        )
        .await;
        assert!(response.headers().get("set-cookie").is_none());
        let mut body = error_body(response, StatusCode::UNAUTHORIZED).await;
        // Each answer has an id of its own; everything else is the same.
        assert!(body["request_id"].is_string(), "{body}");
        body["request_id"] = serde_json::Value::Null;
        bodies.push(body);
    }
    assert_eq!(bodies[0], bodies[1]);
    assert_eq!(bodies[0]["error"], "invalid_credentials");
}

#[tokio::test]
async fn anonymous_requests_get_401() {
    let app = spawn_app().await;
    app.set_up().await;
    let anonymous = new_client();
    for path in [
        "/api/v1/session",
        "/api/v1/users",
        "/api/v1/compliance/settings",
    ] {
        let response = anonymous.get(app.url(path)).send().await.expect("request");
        let body = error_body(response, StatusCode::UNAUTHORIZED).await;
        assert_eq!(body["error"], "unauthenticated", "{path}");
    }
}

#[tokio::test]
async fn an_expired_session_is_refused() {
    let app = spawn_app_with(Options {
        session_ttl_seconds: 1,
        ..Options::default()
    })
    .await;
    app.set_up().await;
    assert_eq!(app.get("/api/v1/session").await.status(), StatusCode::OK);
    tokio::time::sleep(std::time::Duration::from_millis(1200)).await;
    let response = app.get("/api/v1/session").await;
    error_body(response, StatusCode::UNAUTHORIZED).await;
}

#[tokio::test]
async fn sign_out_ends_the_session_on_the_server_not_only_in_the_browser() {
    let app = spawn_app().await;
    let created = app
        .post("/api/v1/setup", &setup_body("Acme", "acme", ADMIN_EMAIL))
        .await;
    // Keep the raw cookie, as someone who copied it would.
    let copied = created.headers()["set-cookie"]
        .to_str()
        .expect("ascii")
        .split(';')
        .next()
        .expect("name=value")
        .to_owned();
    let with_copy = || {
        reqwest::Client::new()
            .get(app.url("/api/v1/session"))
            .header("cookie", &copied)
            .send()
    };
    assert_eq!(with_copy().await.expect("request").status(), StatusCode::OK);

    let out = app
        .send(reqwest::Method::DELETE, "/api/v1/session", &json!({}))
        .await;
    assert_eq!(out.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        app.get("/api/v1/session").await.status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        with_copy().await.expect("request").status(),
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn repeated_failed_sign_ins_are_throttled_with_429_and_retry_after() {
    let app = spawn_app_with(Options {
        max_failed_sign_ins: 3,
        ..Options::default()
    })
    .await;
    app.set_up().await;
    let client = new_client();
    let url = app.url("/api/v1/session");
    let guess = json!({"email": ADMIN_EMAIL, "password": "guess guess guess"});
    let attempt = || send_as(&client, reqwest::Method::POST, &url, &guess);
    for _ in 0..3 {
        assert_eq!(attempt().await.status(), StatusCode::UNAUTHORIZED);
    }
    let blocked = attempt().await;
    assert!(blocked.headers().contains_key("retry-after"));
    error_body(blocked, StatusCode::TOO_MANY_REQUESTS).await;
    // Even the right password waits: the throttle is checked before the password.
    let right = send_as(
        &client,
        reqwest::Method::POST,
        &app.url("/api/v1/session"),
        &json!({"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD}),
    )
    .await;
    assert_eq!(right.status(), StatusCode::TOO_MANY_REQUESTS);
}
