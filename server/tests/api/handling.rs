//! Personal data handling preferences and masking in staff exports.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{TestApp, error_body, spawn_app};

/// Leads with compliance on: one record with a Sensitive custom field and a phone number
/// chosen to be left out of exports.
async fn leads_with_subject(app: &TestApp) -> String {
    let leads = app.with_compliance("leads").await;
    let diagnosis: Value = app
        .post(
            &format!("/api/v1/modules/{leads}/fields"),
            &json!({"label": "Diagnosis", "kind": "text", "personal": "sensitive"}),
        )
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(diagnosis["key"], "diagnosis");
    let fields: Vec<Value> = app
        .get(&format!("/api/v1/modules/{leads}/fields"))
        .await
        .json()
        .await
        .expect("json");
    let phone = fields.iter().find(|f| f["key"] == "phone").expect("phone");
    let chosen = app
        .send(
            Method::PATCH,
            &format!(
                "/api/v1/modules/{leads}/fields/{}",
                phone["id"].as_str().expect("id")
            ),
            &json!({"excluded_from": ["exports", "webhooks"]}),
        )
        .await;
    let chosen: Value = chosen.json().await.expect("json");
    assert_eq!(chosen["excluded_from"], json!(["exports", "webhooks"]));
    let created = app
        .post(
            "/api/v1/records",
            &json!({"module_id": leads, "fields": {
                "first_name": "Fenna", "last_name": "Kuipers", "email": "fenna@example.nl",
                "phone": "+31 6 1234 5678", "company": "Kuipers Bouw",
                "custom": {"diagnosis": "Fractured wrist"}}}),
        )
        .await;
    assert_eq!(created.status(), StatusCode::CREATED);
    leads
}

async fn set_exports(app: &TestApp, exclusion: &str) {
    let mut settings: Value = app
        .get("/api/v1/compliance/settings")
        .await
        .json()
        .await
        .expect("json");
    settings["personal_data"]["exports"] = json!(exclusion);
    let saved = app
        .send(Method::PUT, "/api/v1/compliance/settings", &settings)
        .await;
    assert_eq!(saved.status(), StatusCode::OK, "{:?}", saved.text().await);
}

async fn export(client: &reqwest::Client, app: &TestApp, query: &str) -> String {
    let response = client
        .get(app.url(&format!("/api/v1/records/export?{query}")))
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        response.headers()["content-disposition"]
            .to_str()
            .is_ok_and(|d| d.starts_with("attachment; filename=\"records-")),
    );
    response.text().await.expect("body")
}

#[tokio::test]
async fn exports_leave_out_what_the_preferences_say_and_mask_for_standard_users() {
    let app = spawn_app().await;
    app.set_up().await;
    let leads = leads_with_subject(&app).await;
    let everything = app
        .get("/api/v1/records/export?format=csv")
        .await
        .text()
        .await
        .expect("csv");
    for value in [
        "fenna@example.nl",
        "+31 6 1234 5678",
        "Fractured wrist",
        "Kuipers Bouw",
    ] {
        assert!(everything.contains(value), "{value} in {everything}");
    }

    set_exports(&app, "chosen").await;
    let chosen = app
        .get("/api/v1/records/export")
        .await
        .text()
        .await
        .expect("csv");
    assert!(
        !chosen.contains("+31 6 1234 5678"),
        "the phone is chosen out"
    );
    assert!(chosen.contains("fenna@example.nl"));

    set_exports(&app, "all_personal").await;
    let json: Vec<Value> = app
        .get(&format!(
            "/api/v1/records/export?format=json&module={leads}"
        ))
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(json.len(), 1);
    let fields = &json[0]["fields"];
    for key in ["first_name", "last_name", "email", "phone"] {
        assert!(
            fields.get(key).is_none_or(Value::is_null),
            "{key}: {fields}"
        );
    }
    assert!(fields["custom"].get("diagnosis").is_none(), "{fields}");
    assert_eq!(fields["company"], "Kuipers Bouw", "not personal: kept");

    // A Standard user's export shows the sensitive value masked.
    set_exports(&app, "none").await;
    let staff = app.user_client("sam@acme.example", "standard").await;
    let masked = export(&staff, &app, "format=csv").await;
    assert!(!masked.contains("Fractured wrist"), "{masked}");
    assert!(masked.contains("F•••"), "{masked}");
    assert!(
        masked.contains("fenna@example.nl"),
        "normal personal data shows"
    );

    let trail: Vec<Value> = app.get("/api/v1/audit").await.json().await.expect("json");
    let exports: Vec<&Value> = trail
        .iter()
        .filter(|e| e["action"] == "records.exported")
        .collect();
    assert_eq!(exports.len(), 4);
    assert_eq!(exports[0]["actor"], "sam@acme.example");
    assert_eq!(exports[0]["after"]["records"], 1);

    let bad = app.get("/api/v1/records/export?format=pdf").await;
    assert_eq!(
        error_body(bad, StatusCode::BAD_REQUEST).await["field"],
        "format"
    );
}
