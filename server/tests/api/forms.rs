use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{TestApp, error_body, second_tenant_client, spawn_app};

async fn create_form(app: &TestApp, name: &str) -> Value {
    let response = app.post("/api/v1/forms", &json!({"name": name})).await;
    assert_eq!(
        response.status(),
        StatusCode::CREATED,
        "{:?}",
        response.text().await
    );
    response.json().await.expect("json")
}

#[tokio::test]
async fn no_form_is_published_before_the_controller_s_details_are_complete() {
    let app = spawn_app().await;
    // Set up without the helper's controller details.
    let created = app
        .post(
            "/api/v1/setup",
            &crate::helpers::setup_body("Acme B.V.", "acme", crate::helpers::ADMIN_EMAIL),
        )
        .await;
    assert_eq!(created.status(), StatusCode::CREATED);
    let empty: Value = app
        .get("/api/v1/compliance/controller")
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(empty["contact"], "");
    let form = create_form(&app, "Newsletter").await;
    let id = form["id"].as_str().expect("id");
    let refused = error_body(
        app.post(&format!("/api/v1/forms/{id}/publish"), &json!({}))
            .await,
        StatusCode::CONFLICT,
    )
    .await;
    assert_eq!(refused["error"], "controller_profile_incomplete");

    // Bad values are refused, named.
    let mut details = crate::helpers::controller_profile();
    for (field, bad) in [
        ("email", "not an address"),
        ("phone", "call us"),
        ("country", "Netherlands"),
        ("url", "javascript:alert(1)"),
        ("contact", "two\nlines"),
    ] {
        let mut body = details.clone();
        body[field] = json!(bad);
        let answer = error_body(
            app.send(Method::PUT, "/api/v1/compliance/controller", &body)
                .await,
            StatusCode::BAD_REQUEST,
        )
        .await;
        assert_eq!(answer["field"], field, "{answer}");
    }
    let wrong_type = app
        .send(
            Method::PUT,
            "/api/v1/compliance/controller",
            &json!({"contact": 12}),
        )
        .await;
    assert_eq!(wrong_type.status(), StatusCode::BAD_REQUEST);

    details["country"] = json!("nl");
    let saved: Value = app
        .send(Method::PUT, "/api/v1/compliance/controller", &details)
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(saved["country"], "NL", "tidied");
    let published = app
        .post(&format!("/api/v1/forms/{id}/publish"), &json!({}))
        .await;
    assert_eq!(published.status(), StatusCode::OK);
    // Once complete, a field cannot be emptied again: receipts need it.
    let mut emptied = details.clone();
    emptied["phone"] = json!("");
    let answer = error_body(
        app.send(Method::PUT, "/api/v1/compliance/controller", &emptied)
            .await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(answer["field"], "phone");
    // Audited as a settings change.
    let trail: Vec<Value> = app.get("/api/v1/audit").await.json().await.expect("json");
    assert!(
        trail
            .iter()
            .any(|e| e["action"] == "compliance.settings_changed" && e["subject"] == "controller"),
        "{trail:?}"
    );
}

#[tokio::test]
async fn a_new_form_starts_with_an_english_and_dutch_draft_and_publishes_immutable_versions() {
    let app = spawn_app().await;
    app.set_up().await;
    let form = create_form(&app, "Newsletter").await;
    assert_eq!(form["slug"], "newsletter");
    assert_eq!(form["published"], Value::Null);
    assert_eq!(form["draft_changed"], true);
    assert!(form["draft"]["texts"]["nl"]["title"].is_string());
    assert!(
        form["draft"]["texts"]["en"]["intro"]
            .as_str()
            .is_some_and(|t| t.contains("Acme B.V.")),
        "the organisation's name is in the starter text"
    );
    let id = form["id"].as_str().expect("id");

    let published: Value = app
        .post(&format!("/api/v1/forms/{id}/publish"), &json!({}))
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(published["published"]["version"], 1);
    let first_hash = published["published"]["text_hash"]
        .as_str()
        .expect("hash")
        .to_owned();
    assert_eq!(first_hash.len(), 64);
    assert_eq!(published["draft_changed"], false);
    let again = error_body(
        app.post(&format!("/api/v1/forms/{id}/publish"), &json!({}))
            .await,
        StatusCode::CONFLICT,
    )
    .await;
    assert_eq!(again["error"], "nothing_to_publish");

    // Edit the Dutch text, publish version 2 with another hash.
    let mut draft = published["draft"].clone();
    draft["texts"]["nl"]["title"] = json!("Uw keuzes bij Acme");
    let saved = app
        .send(Method::PUT, &format!("/api/v1/forms/{id}/draft"), &draft)
        .await;
    assert_eq!(saved.status(), StatusCode::OK);
    let second: Value = app
        .post(&format!("/api/v1/forms/{id}/publish"), &json!({}))
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(second["published"]["version"], 2);
    assert_ne!(second["published"]["text_hash"], first_hash.as_str());

    // A draft change can be thrown away.
    draft["texts"]["nl"]["title"] = json!("Iets anders");
    app.send(Method::PUT, &format!("/api/v1/forms/{id}/draft"), &draft)
        .await;
    let reverted: Value = app
        .post(&format!("/api/v1/forms/{id}/revert"), &json!({}))
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(
        reverted["draft"]["texts"]["nl"]["title"],
        "Uw keuzes bij Acme"
    );
    assert_eq!(reverted["draft_changed"], false);

    let versions: Vec<Value> = app
        .get(&format!("/api/v1/forms/{id}/versions"))
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(
        versions
            .iter()
            .map(|v| v["version"].clone())
            .collect::<Vec<_>>(),
        [json!(2), json!(1)]
    );

    // Published versions are evidence: the database itself refuses to change them.
    let rows = crate::rows::Rows::of(&app).await;
    // Refused by the rule itself (the same words on both backends), not by a mistake in SQL.
    let tamper = rows
        .execute("UPDATE form_versions SET design = '{}'")
        .await
        .expect_err("published versions are immutable");
    assert!(
        tamper
            .to_string()
            .contains("published form versions are immutable"),
        "{tamper}"
    );
    let remove = rows
        .execute("DELETE FROM form_versions")
        .await
        .expect_err("published versions are kept");
    assert!(
        remove
            .to_string()
            .contains("published form versions are kept as evidence"),
        "{remove}"
    );
    assert_eq!(rows.count("SELECT COUNT(*) FROM form_versions").await, 2);
}

#[tokio::test]
async fn a_draft_missing_a_translation_is_refused_naming_the_text() {
    let app = spawn_app().await;
    app.set_up().await;
    let form = create_form(&app, "Customer consent").await;
    assert_eq!(form["slug"], "customer-consent");
    let id = form["id"].as_str().expect("id");
    let path = format!("/api/v1/forms/{id}/draft");

    let mut draft = form["draft"].clone();
    draft["purposes"]
        .as_array_mut()
        .expect("purposes")
        .push(json!({"key": "events", "required": false}));
    draft["texts"]["en"]["purposes"]["events"] =
        json!({"title": "Events", "description": "Invitations"});
    let missing_nl = error_body(
        app.send(Method::PUT, &path, &draft).await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(missing_nl["field"], "texts.nl.purposes.events");

    let mut bad_colour = form["draft"].clone();
    bad_colour["brand_colour"] = json!("blue");
    let body = error_body(
        app.send(Method::PUT, &path, &bad_colour).await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(body["field"], "brand_colour");

    let mut bad_language = form["draft"].clone();
    bad_language["texts"]["Deutsch"] = form["draft"]["texts"]["en"].clone();
    let body = error_body(
        app.send(Method::PUT, &path, &bad_language).await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert!(
        body["field"]
            .as_str()
            .is_some_and(|f| f.starts_with("texts")),
        "{body}"
    );

    // A third language, copied from the default one, is fine.
    let mut german = form["draft"].clone();
    german["texts"]["de"] = form["draft"]["texts"]["en"].clone();
    let saved = app.send(Method::PUT, &path, &german).await;
    assert_eq!(saved.status(), StatusCode::OK);
    let forms: Vec<Value> = app.get("/api/v1/forms").await.json().await.expect("json");
    assert_eq!(forms[0]["languages"], json!(["de", "en", "nl"]));

    let taken = error_body(
        app.post("/api/v1/forms", &json!({"name": "Customer Consent"}))
            .await,
        StatusCode::CONFLICT,
    )
    .await;
    assert_eq!(taken["error"], "form_taken");
    let revert_unpublished = error_body(
        app.post(&format!("/api/v1/forms/{id}/revert"), &json!({}))
            .await,
        StatusCode::CONFLICT,
    )
    .await;
    assert_eq!(revert_unpublished["error"], "never_published");
}

#[tokio::test]
async fn forms_belong_to_their_organisation_and_need_the_settings_permission() {
    let app = spawn_app().await;
    app.set_up().await;
    let form = create_form(&app, "Newsletter").await;
    let id = form["id"].as_str().expect("id");
    let globex = second_tenant_client(&app).await;
    let foreign = globex
        .get(app.url(&format!("/api/v1/forms/{id}")))
        .send()
        .await
        .expect("request");
    assert_eq!(foreign.status(), StatusCode::NOT_FOUND);
    // Standard users list forms to pick one for a consent request, but do not edit them.
    let staff = app.user_client("staff@acme.example", "standard").await;
    let listed = staff
        .get(app.url("/api/v1/forms"))
        .send()
        .await
        .expect("request");
    assert_eq!(listed.status(), StatusCode::OK);
    let refused = staff
        .get(app.url(&format!("/api/v1/forms/{id}")))
        .send()
        .await
        .expect("request");
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
}
