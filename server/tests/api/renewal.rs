//! Consent that ages: with a consent lifetime set, Obtained consent older than it is renewal
//! due (the Overview counts it, the record list filters by it, a consent request may ask it
//! again, alone or in bulk); renewed, it is no longer due; asked and not renewed within the
//! grace period after the asking (the hourly job, run here with its clock), it becomes Not
//! Responded; never asked, it stays Obtained.

use chrono::{Duration, Utc};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::{
    consent::{answer, form_and_record, hand_over},
    helpers::{TestApp, error_body, spawn_app},
    mail_delivery::progress_until,
};

const LIFETIME: i64 = 365;
const GRACE: i64 = 30;

async fn consent_ages(app: &TestApp, lifetime: Option<i64>) {
    let mut settings: Value = app
        .get("/api/v1/compliance/settings")
        .await
        .json()
        .await
        .expect("json");
    settings["consent_lifetime_days"] = json!(lifetime);
    settings["renewal_grace_days"] = json!(GRACE);
    let saved = app
        .send(Method::PUT, "/api/v1/compliance/settings", &settings)
        .await;
    assert_eq!(saved.status(), StatusCode::OK, "{:?}", saved.text().await);
}

/// A record of the form's module whose consent was given `days_ago`.
async fn consented(app: &TestApp, module: &str, name: &str, days_ago: i64) -> String {
    let record = app
        .create_record(
            module,
            json!({"last_name": name, "email": format!("{}@renewal.example", name.to_lowercase())}),
        )
        .await;
    let given = (Utc::now() - Duration::days(days_ago)).date_naive();
    let recorded = app
        .post(
            &format!("/api/v1/records/{record}/consent"),
            &json!({"decision": "granted", "date": given, "through": "web_form",
                    "contact_through": ["email"], "evidence": "Sign-up form 2025"}),
        )
        .await;
    assert_eq!(
        recorded.status(),
        StatusCode::OK,
        "{:?}",
        recorded.text().await
    );
    record
}

async fn due(app: &TestApp) -> Vec<String> {
    let page: Value = app
        .get("/api/v1/records?renewal_due=true")
        .await
        .json()
        .await
        .expect("json");
    let mut ids: Vec<String> = page["records"]
        .as_array()
        .expect("records")
        .iter()
        .map(|r| r["id"].as_str().expect("id").to_owned())
        .collect();
    ids.sort();
    ids
}

async fn overview_due(app: &TestApp) -> u64 {
    let overview: Value = app
        .get("/api/v1/compliance/overview")
        .await
        .json()
        .await
        .expect("json");
    overview["renewal_due"].as_u64().expect("count")
}

async fn status(app: &TestApp, record: &str) -> Value {
    let record: Value = app
        .get(&format!("/api/v1/records/{record}"))
        .await
        .json()
        .await
        .expect("json");
    record["privacy"]["consent"]["status"].clone()
}

async fn ask(app: &TestApp, form: &str, record: &str) -> reqwest::Response {
    app.post(
        &format!("/api/v1/records/{record}/consent-requests"),
        &json!({"form_id": form}),
    )
    .await
}

#[tokio::test]
async fn consent_older_than_its_lifetime_is_renewal_due_asked_again_and_lapses_after_the_grace_period()
 {
    let app = spawn_app().await;
    app.set_up().await;
    let (form, _) = form_and_record(&app, None).await;
    let leads = app.module_id("leads").await;
    let renews = consented(&app, &leads, "Renewsma", LIFETIME + 40).await;
    let silent = consented(&app, &leads, "Silentius", LIFETIME + 40).await;
    let fresh = consented(&app, &leads, "Freshwater", 100).await;
    // Due as well, but never asked: its consent stands until someone asks.
    let contacts = app.with_compliance("contacts").await;
    let unasked = consented(&app, &contacts, "Unaskedson", LIFETIME + 400).await;

    // While consent does not age nothing is due, and an Obtained record is not asked again.
    assert!(due(&app).await.is_empty());
    assert_eq!(overview_due(&app).await, 0);
    let refused = ask(&app, &form, &renews).await;
    assert_eq!(
        error_body(refused, StatusCode::CONFLICT).await["error"],
        "already_answered"
    );

    consent_ages(&app, Some(LIFETIME)).await;
    let mut expected = vec![renews.clone(), silent.clone(), unasked.clone()];
    expected.sort();
    assert_eq!(due(&app).await, expected);
    assert_eq!(overview_due(&app).await, 3);
    // A fresh consent is not asked again yet.
    let not_yet = ask(&app, &form, &fresh).await;
    assert_eq!(
        error_body(not_yet, StatusCode::CONFLICT).await["error"],
        "already_answered"
    );

    // A bulk request targets the records due: both are asked, the fresh one is not.
    let started = app
        .post(
            "/api/v1/consent-requests/bulk",
            &json!({"filter": {"renewal_due": true, "module": leads}, "form_id": form}),
        )
        .await;
    assert_eq!(started.status(), StatusCode::ACCEPTED);
    let started: Value = started.json().await.expect("json");
    assert_eq!(started["total"], 2, "{started}");
    let id = started["id"].as_str().expect("id").to_owned();
    let progress = progress_until(&app, &id, |p| p["state"] != "running").await;
    assert_eq!(progress["state"], "finished", "{progress}");
    assert_eq!(progress["requested"], 2, "{progress}");
    // Asked, consent still stands until the answer or the grace period's end.
    assert_eq!(status(&app, &renews).await, "obtained");

    // Both requests are sent (handed over by hand: no SMTP server here); being asked starts
    // the grace period. One renews through the new link: no longer due.
    let outbox: Value = app
        .get("/api/v1/outbox?limit=100")
        .await
        .json()
        .await
        .expect("json");
    let request_to = |address: &str| {
        outbox["messages"]
            .as_array()
            .expect("messages")
            .iter()
            .find(|m| m["recipient"] == address)
            .and_then(|m| m["id"].as_str())
            .expect("a renewal request")
            .to_owned()
    };
    hand_over(&app, &request_to("silentius@renewal.example")).await;
    let token = hand_over(&app, &request_to("renewsma@renewal.example")).await;
    let renewed = answer(
        &app,
        &token,
        json!({"lang": "en", "decision": "save",
               "choices": {"granted": ["service"], "channels": ["email"]}}),
    )
    .await;
    assert_eq!(
        renewed.status(),
        StatusCode::OK,
        "{:?}",
        renewed.text().await
    );
    let mut expected = vec![silent.clone(), unasked.clone()];
    expected.sort();
    assert_eq!(due(&app).await, expected);
    assert_eq!(overview_due(&app).await, 2);

    // The grace period after the asking ends (the hourly job, its clock moved on): the silent
    // one lapses; the one never asked does not.
    let store = app.store().await;
    let before_grace = Utc::now() + Duration::days(GRACE - 1);
    assert_eq!(
        consentry_server::domain::consent::expire_unrenewed(store.as_ref(), before_grace)
            .await
            .expect("job"),
        0,
        "still within the grace period"
    );
    let after_grace = Utc::now() + Duration::days(GRACE + 1);
    let lapsed = consentry_server::domain::consent::expire_unrenewed(store.as_ref(), after_grace)
        .await
        .expect("job");
    assert_eq!(lapsed, 1);
    assert_eq!(status(&app, &silent).await, "not_responded");
    assert_eq!(status(&app, &renews).await, "obtained");
    assert_eq!(status(&app, &fresh).await, "obtained");
    assert_eq!(status(&app, &unasked).await, "obtained");
    assert_eq!(due(&app).await, vec![unasked.clone()]);
    let events: Vec<Value> = app
        .get(&format!("/api/v1/records/{silent}/events"))
        .await
        .json()
        .await
        .expect("json");
    let last = events.last().expect("an event");
    assert_eq!(last["after_status"], "not_responded", "{last}");
    assert!(
        last["detail"]
            .as_str()
            .is_some_and(|d| d.contains("not renewed")),
        "{last}"
    );
}
