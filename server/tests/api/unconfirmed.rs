//! Subjects are told the truth: a sign-up not confirmed within the waiting period is deleted,
//! with the record it created when that holds nothing else, by the hourly job (run here with
//! a clock set past the waiting period); the sign-up page and mail say until when it is kept;
//! the hosted consent page shows whose link it is, masked.

use chrono::{Duration, Utc};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::{
    consent::{form_and_record, send},
    helpers::{TestApp, spawn_app},
    rows::Rows,
    signup::{confirmation_token, open_sign_up, records_with, sign_up, submission},
};

/// The organisation's waiting period (days).
async fn waiting_days(app: &TestApp) -> i64 {
    let settings: Value = app
        .get("/api/v1/compliance/settings")
        .await
        .json()
        .await
        .expect("json");
    settings["waiting_period_days"].as_i64().expect("days")
}

/// Runs the hourly job with its clock at `now`.
async fn run_job(app: &TestApp, now: chrono::DateTime<Utc>) -> (u64, u64) {
    let store = app.store().await;
    let gone = consentry_server::domain::signup::forget_unconfirmed(store.as_ref(), now)
        .await
        .expect("job");
    (gone.sign_ups, gone.records)
}

async fn sign_ups_left(app: &TestApp) -> i64 {
    Rows::of(app)
        .await
        .count("SELECT COUNT(*) FROM sign_ups")
        .await
}

async fn forgotten_entries(app: &TestApp) -> Vec<Value> {
    app.get("/api/v1/audit?action=consent.sign_up_forgotten")
        .await
        .json()
        .await
        .expect("json")
}

#[tokio::test]
async fn an_unconfirmed_sign_up_and_the_record_it_created_are_gone_after_the_waiting_period() {
    let app = spawn_app().await;
    app.set_up().await;
    open_sign_up(&app, None).await;
    let days = waiting_days(&app).await;
    // The page says until when a sign-up is kept.
    let page: Value = reqwest::get(app.url("/api/public/sign-up/acme/newsletter"))
        .await
        .expect("request")
        .json()
        .await
        .expect("json");
    let until = (Utc::now() + Duration::days(days)).date_naive();
    assert_eq!(page["kept_until"], json!(until.to_string()));

    let answered = sign_up(&app, &submission("late@example.nl")).await;
    assert_eq!(answered.status(), StatusCode::ACCEPTED);
    let created = records_with(&app, "late@example.nl").await;
    assert_eq!(
        created.len(),
        1,
        "the record exists at once, as the page says"
    );
    let id = created[0]["id"].as_str().expect("id").to_owned();
    // The confirmation mail says the same (Dutch: the sign-up's language).
    let outbox: Value = app.get("/api/v1/outbox").await.json().await.expect("json");
    let body = outbox["messages"][0]["body_text"].as_str().expect("body");
    assert!(
        body.contains(&format!(
            "We bewaren uw aanmelding (uw naam, e-mailadres en keuzes) tot {until}; zonder \
             bevestiging wordt ze dan verwijderd."
        )),
        "{body}"
    );
    let token = confirmation_token(&app).await;

    // Within the waiting period the job leaves it alone.
    assert_eq!(run_job(&app, Utc::now()).await, (0, 0));
    assert_eq!(
        run_job(&app, Utc::now() + Duration::days(days) - Duration::hours(1)).await,
        (0, 0)
    );
    assert_eq!(records_with(&app, "late@example.nl").await.len(), 1);

    // After it, the sign-up and its record are gone, with the mail holding the address.
    let later = Utc::now() + Duration::days(days) + Duration::hours(1);
    assert_eq!(run_job(&app, later).await, (1, 1));
    assert!(records_with(&app, "late@example.nl").await.is_empty());
    let gone = app.get(&format!("/api/v1/records/{id}")).await;
    assert_eq!(gone.status(), StatusCode::NOT_FOUND);
    assert_eq!(sign_ups_left(&app).await, 0);
    let outbox: Value = app.get("/api/v1/outbox").await.json().await.expect("json");
    assert!(
        !outbox.to_string().contains("late@example.nl"),
        "the confirmation mail went with the record: {outbox}"
    );
    let link = reqwest::get(app.url(&format!("/api/public/sign-ups/{token}")))
        .await
        .expect("request");
    assert_eq!(link.status(), StatusCode::NOT_FOUND);
    // Audited, by the system, naming no one.
    let entries = forgotten_entries(&app).await;
    assert_eq!(entries.len(), 1, "{entries:?}");
    assert_eq!(entries[0]["actor"], "Consentry");
    assert_eq!(entries[0]["subject"], json!(id));
    assert_eq!(entries[0]["after"]["record_deleted"], true);
    assert!(!entries[0].to_string().contains("late@example.nl"));
    // Run again: nothing more to do.
    assert_eq!(run_job(&app, later).await, (0, 0));
}

#[tokio::test]
async fn a_record_holding_more_than_the_sign_up_is_kept_when_its_sign_up_runs_out() {
    let app = spawn_app().await;
    app.set_up().await;
    open_sign_up(&app, None).await;
    let days = waiting_days(&app).await;
    let leads = app.module_id("leads").await;

    // 1. Created by the sign-up, then edited by a person: it holds more than the sign-up.
    sign_up(&app, &submission("edited@example.nl")).await;
    let edited = records_with(&app, "edited@example.nl").await[0]["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let updated = app
        .send(
            Method::PUT,
            &format!("/api/v1/records/{edited}"),
            &json!({"first_name": "Els", "last_name": "Bakker", "email": "edited@example.nl",
                    "phone": "+31 20 123 4567"}),
        )
        .await;
    assert_eq!(
        updated.status(),
        StatusCode::OK,
        "{:?}",
        updated.text().await
    );

    // 2. A record that existed before the sign-up of its address.
    let existing: Value = app
        .post(
            "/api/v1/records",
            &json!({"module_id": leads, "fields": {"last_name": "Klant",
                    "email": "known@example.nl"}}),
        )
        .await
        .json()
        .await
        .expect("json");
    let existing = existing["id"].as_str().expect("id").to_owned();
    sign_up(&app, &submission("known@example.nl")).await;

    // 3. Created by the sign-up and confirmed: consent counts, nothing is deleted.
    sign_up(&app, &submission("confirmed@example.nl")).await;
    let token = confirmation_token(&app).await;
    let confirmed = crate::signup::confirm(&app, &token).await;
    assert_eq!(confirmed.status(), StatusCode::OK);

    // 4. Created by the sign-up, then its basis decided by a person.
    sign_up(&app, &submission("decided@example.nl")).await;
    let decided = records_with(&app, "decided@example.nl").await[0]["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let changed = app
        .send(
            Method::PUT,
            &format!("/api/v1/records/{decided}/basis"),
            &json!({"basis": "contract", "lawful_reason": "Order 7"}),
        )
        .await;
    assert_eq!(changed.status(), StatusCode::OK);

    // 5. And one that holds nothing else: only it goes.
    sign_up(&app, &submission("bare@example.nl")).await;

    let later = Utc::now() + Duration::days(days) + Duration::hours(1);
    let (sign_ups, records) = run_job(&app, later).await;
    assert_eq!(records, 1, "only the bare sign-up's record");
    assert_eq!(sign_ups, 4, "every unconfirmed sign-up went");
    assert!(records_with(&app, "bare@example.nl").await.is_empty());
    for (address, why) in [
        ("edited@example.nl", "edited by a person"),
        ("known@example.nl", "existed before the sign-up"),
        ("confirmed@example.nl", "confirmed"),
        ("decided@example.nl", "basis decided by a person"),
    ] {
        assert_eq!(
            records_with(&app, address).await.len(),
            1,
            "{address} ({why}) is kept"
        );
    }
    assert_eq!(
        app.get(&format!("/api/v1/records/{existing}"))
            .await
            .status(),
        StatusCode::OK
    );
    assert_eq!(sign_ups_left(&app).await, 1, "the confirmed sign-up stays");
    // Each forgotten sign-up's confirmation mail went with it, also where the record stays:
    // it held the address and a link that no longer works. The confirmed one's mail stays.
    let outbox: Value = app.get("/api/v1/outbox").await.json().await.expect("json");
    let recipients: Vec<&str> = outbox["messages"]
        .as_array()
        .expect("messages")
        .iter()
        .filter(|m| m["kind"] == "sign_up_confirmation")
        .filter_map(|m| m["recipient"].as_str())
        .collect();
    assert_eq!(recipients, ["confirmed@example.nl"], "{outbox}");
    let entries = forgotten_entries(&app).await;
    assert_eq!(entries.len(), 4, "{entries:?}");
    assert!(
        entries.iter().all(|e| e["after"]["messages_deleted"] == 1),
        "the evidence says the mail went: {entries:?}"
    );
    assert_eq!(
        entries
            .iter()
            .filter(|e| e["after"]["record_deleted"] == true)
            .count(),
        1
    );
}

#[tokio::test]
async fn a_later_sign_up_of_the_same_address_keeps_the_record_until_it_runs_out_too() {
    let app = spawn_app().await;
    app.set_up().await;
    open_sign_up(&app, None).await;
    let days = waiting_days(&app).await;
    sign_up(&app, &submission("twice@example.nl")).await;
    // The first sign-up was made two days earlier than the second.
    Rows::of(&app)
        .await
        .move_back("sign_ups", "expires_at", "true", Duration::days(2))
        .await;
    sign_up(&app, &submission("twice@example.nl")).await;
    // The first has run out, the second has not: the record and both sign-ups stay.
    let between = Utc::now() + Duration::days(days) - Duration::days(1);
    assert_eq!(run_job(&app, between).await, (0, 0));
    assert_eq!(records_with(&app, "twice@example.nl").await.len(), 1);
    // Both run out: both go, and the record the first created.
    let later = Utc::now() + Duration::days(days) + Duration::hours(1);
    assert_eq!(run_job(&app, later).await, (2, 1));
    assert!(records_with(&app, "twice@example.nl").await.is_empty());
}

#[tokio::test]
async fn the_consent_page_shows_whose_link_it_is_masked() {
    let app = spawn_app().await;
    app.set_up().await;
    let (form, id) = form_and_record(&app, Some("jan.jansen@example.nl")).await;
    let token = send(&app, &form, &id).await;
    let page = reqwest::get(app.url(&format!("/api/public/consent/{token}")))
        .await
        .expect("request");
    assert_eq!(page.status(), StatusCode::OK);
    let text = page.text().await.expect("text");
    let page: Value = serde_json::from_str(&text).expect("json");
    assert_eq!(page["recipient"], "j•••@example.nl");
    assert!(
        !text.contains("jan.jansen"),
        "the address itself is not given to whoever holds the link"
    );
}
