use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{error_body, send_as, spawn_app};

#[tokio::test]
async fn an_administrator_adds_a_user_and_changes_their_profile() {
    let app = spawn_app().await;
    app.set_up().await;
    let added = app
        .post(
            "/api/v1/users",
            &json!({"name": "Sam Staff", "email": "sam@acme.example", "profile": "standard",
                    "password": "another long password"}),
        )
        .await;
    assert_eq!(added.status(), StatusCode::CREATED);
    let sam: Value = added.json().await.expect("json");
    assert_eq!(sam["profile"], "standard");
    assert!(sam.get("password_hash").is_none() && sam.get("password").is_none());

    let users: Vec<Value> = app.get("/api/v1/users").await.json().await.expect("json");
    assert_eq!(users.len(), 2);

    let path = format!("/api/v1/users/{}", sam["id"].as_str().expect("id"));
    let changed = app
        .send(Method::PATCH, &path, &json!({"profile": "read_only"}))
        .await;
    assert_eq!(changed.status(), StatusCode::OK);
    let fetched: Value = app.get(&path).await.json().await.expect("json");
    assert_eq!(fetched["profile"], "read_only");

    let removed = app.send(Method::DELETE, &path, &json!({})).await;
    assert_eq!(removed.status(), StatusCode::NO_CONTENT);
    assert_eq!(app.get(&path).await.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn an_address_in_use_is_a_conflict_naming_the_field() {
    let app = spawn_app().await;
    app.set_up().await;
    let taken = app
        .post(
            "/api/v1/users",
            &json!({"name": "Copy", "email": "ADMIN@acme.example", "profile": "standard",
                    "password": "another long password"}),
        )
        .await;
    let body = error_body(taken, StatusCode::CONFLICT).await;
    assert_eq!(body["error"], "email_taken");
    assert_eq!(body["field"], "email");
}

#[tokio::test]
async fn the_last_administrator_cannot_be_demoted_and_nobody_removes_themselves() {
    let app = spawn_app().await;
    let session = app.set_up().await;
    let me = format!(
        "/api/v1/users/{}",
        session["user"]["id"].as_str().expect("id")
    );
    let demote = app
        .send(Method::PATCH, &me, &json!({"profile": "standard"}))
        .await;
    assert_eq!(
        error_body(demote, StatusCode::CONFLICT).await["error"],
        "last_administrator"
    );
    let remove = app.send(Method::DELETE, &me, &json!({})).await;
    assert_eq!(
        error_body(remove, StatusCode::CONFLICT).await["error"],
        "cannot_remove_self"
    );
}

#[tokio::test]
async fn a_standard_user_gets_403_under_compliance_settings_and_users() {
    let app = spawn_app().await;
    app.set_up().await;
    let standard = app.user_client("sam@acme.example", "standard").await;
    for path in ["/api/v1/compliance/settings", "/api/v1/users"] {
        let response = standard.get(app.url(path)).send().await.expect("request");
        let body = error_body(response, StatusCode::FORBIDDEN).await;
        assert_eq!(body["error"], "forbidden", "{path}");
    }
    let response = standard
        .get(app.url("/api/v1/compliance/settings"))
        .send()
        .await
        .expect("request");
    let body = error_body(response, StatusCode::FORBIDDEN).await;
    assert!(
        body["message"]
            .as_str()
            .is_some_and(|m| m.contains("Manage Compliance Settings")),
        "{body}"
    );
    let write = send_as(
        &standard,
        Method::PUT,
        &app.url("/api/v1/compliance/settings"),
        &json!({"enabled": true, "waiting_period_days": 30, "processing_while_pending": "allow",
                "double_opt_in": true, "retention_days": null}),
    )
    .await;
    assert_eq!(write.status(), StatusCode::FORBIDDEN);
    // A read-only user may still see who they are.
    let me = standard
        .get(app.url("/api/v1/session"))
        .send()
        .await
        .expect("request");
    assert_eq!(me.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_user_of_another_organisation_is_404_not_403() {
    let app = spawn_app().await;
    let acme = app.set_up().await;
    let acme_admin = format!("/api/v1/users/{}", acme["user"]["id"].as_str().expect("id"));

    // A second tenant, created the way the CLI does it, then signed in through the API.
    let globex = crate::helpers::second_tenant_client(&app).await;

    for method in [Method::GET, Method::PATCH, Method::DELETE] {
        let response = send_as(
            &globex,
            method.clone(),
            &app.url(&acme_admin),
            &json!({"profile": "read_only"}),
        )
        .await;
        let body = error_body(response, StatusCode::NOT_FOUND).await;
        assert_eq!(body["error"], "not_found", "{method}");
    }
    let globex_users: Vec<Value> = globex
        .get(app.url("/api/v1/users"))
        .send()
        .await
        .expect("request")
        .json()
        .await
        .expect("json");
    assert_eq!(globex_users.len(), 1);
    assert_eq!(globex_users[0]["email"], "boss@globex.example");
    // Acme's admin is untouched.
    let still: Value = app.get(&acme_admin).await.json().await.expect("json");
    assert_eq!(still["profile"], "administrator");
}

#[tokio::test]
async fn compliance_settings_are_saved_and_a_bad_value_names_its_field() {
    let app = spawn_app().await;
    app.set_up().await;
    let defaults: Value = app
        .get("/api/v1/compliance/settings")
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(defaults["enabled"], false);
    let mut changed = defaults.clone();
    changed["enabled"] = json!(true);
    changed["waiting_period_days"] = json!(14);
    changed["processing_while_pending"] = json!("restrict");
    let saved = app
        .send(Method::PUT, "/api/v1/compliance/settings", &changed)
        .await;
    assert_eq!(saved.status(), StatusCode::OK);
    let read: Value = app
        .get("/api/v1/compliance/settings")
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(read, changed);

    let mut bad = changed.clone();
    bad["waiting_period_days"] = json!(0);
    let refused = app
        .send(Method::PUT, "/api/v1/compliance/settings", &bad)
        .await;
    let body = error_body(refused, StatusCode::BAD_REQUEST).await;
    assert_eq!(body["field"], "waiting_period_days");
    let unchanged: Value = app
        .get("/api/v1/compliance/settings")
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(unchanged, changed, "a refused change writes nothing");
}
