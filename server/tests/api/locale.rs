//! The organisation's language and time zone: every session carries them, an unknown zone or
//! language is refused by name, only a compliance manager sets them, and each change is in the
//! audit trail.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{TestApp, error_body, send_as, spawn_app};

const LOCALE: &str = "/api/v1/organisation/locale";

#[tokio::test]
async fn the_organisation_s_language_and_time_zone_reach_every_session() {
    let app = spawn_app().await;
    let created = app.set_up().await;
    assert_eq!(created["organisation"]["language"], "en");
    assert_eq!(created["organisation"]["time_zone"], "UTC");

    // Any case; stored as the IANA database spells it.
    let saved = app
        .send(
            Method::PUT,
            LOCALE,
            &json!({"language": "nl", "time_zone": "europe/amsterdam"}),
        )
        .await;
    assert_eq!(saved.status(), StatusCode::OK);
    let saved: Value = saved.json().await.expect("json");
    assert_eq!(
        saved,
        json!({"language": "nl", "time_zone": "Europe/Amsterdam"})
    );
    let session: Value = app.get("/api/v1/session").await.json().await.expect("json");
    assert_eq!(session["organisation"]["language"], "nl");
    assert_eq!(session["organisation"]["time_zone"], "Europe/Amsterdam");

    // A staff member's session carries them too, but may not change them.
    let standard = app.user_client("sam@acme.example", "standard").await;
    let theirs: Value = standard
        .get(app.url("/api/v1/session"))
        .send()
        .await
        .expect("request")
        .json()
        .await
        .expect("json");
    assert_eq!(theirs["organisation"]["time_zone"], "Europe/Amsterdam");
    let refused = send_as(
        &standard,
        Method::PUT,
        &app.url(LOCALE),
        &json!({"language": "en", "time_zone": "UTC"}),
    )
    .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);

    // The change is audited, before and after.
    let trail: Vec<Value> = app
        .get("/api/v1/audit?action=compliance.settings_changed")
        .await
        .json()
        .await
        .expect("json");
    let entry = trail
        .iter()
        .find(|e| e["after"]["time_zone"] == "Europe/Amsterdam")
        .expect("the change is audited");
    assert_eq!(
        entry["before"],
        json!({"language": "en", "time_zone": "UTC"})
    );
    assert_eq!(app.audit_verdict().await["status"], "intact");
}

#[tokio::test]
async fn an_unknown_time_zone_or_language_is_refused_by_name_and_changes_nothing() {
    let app = spawn_app().await;
    app.set_up().await;
    for (body, field) in [
        (
            json!({"language": "en", "time_zone": "Europe/Atlantis"}),
            "time_zone",
        ),
        (
            json!({"language": "en", "time_zone": "../../etc/passwd"}),
            "time_zone",
        ),
        (json!({"language": "en", "time_zone": ""}), "time_zone"),
        (
            json!({"language": "en", "time_zone": "A".repeat(65)}),
            "time_zone",
        ),
        (json!({"language": "en"}), "time_zone"),
        (json!({"language": "xx", "time_zone": "UTC"}), "language"),
        (
            json!({"language": "english", "time_zone": "UTC"}),
            "language",
        ),
    ] {
        let answer = error_body(
            app.send(Method::PUT, LOCALE, &body).await,
            StatusCode::BAD_REQUEST,
        )
        .await;
        assert_eq!(answer["field"], field, "{body}: {answer}");
    }
    let session: Value = app.get("/api/v1/session").await.json().await.expect("json");
    assert_eq!(session["organisation"]["time_zone"], "UTC");
    assert_eq!(session["organisation"]["language"], "en");
}

#[tokio::test]
async fn saves_at_once_leave_one_of_them_and_an_intact_trail() {
    let app = spawn_app().await;
    app.set_up().await;
    let zones = [
        "Europe/Amsterdam",
        "Europe/Berlin",
        "Europe/Paris",
        "America/New_York",
        "Asia/Tokyo",
        "Australia/Sydney",
        "Europe/Lisbon",
        "Africa/Nairobi",
    ];
    let bodies: Vec<Value> = zones
        .iter()
        .map(|zone| json!({"language": "de", "time_zone": zone}))
        .collect();
    let saves = bodies
        .iter()
        .map(|body| app.send(Method::PUT, LOCALE, body));
    for answer in futures::future::join_all(saves).await {
        assert_eq!(answer.status(), StatusCode::OK);
    }
    let session: Value = app.get("/api/v1/session").await.json().await.expect("json");
    let now = session["organisation"]["time_zone"].as_str().expect("zone");
    assert!(zones.contains(&now), "{now}");
    assert_eq!(app.audit_verdict().await["status"], "intact");
    // Each save audits what the one before it left: the entries chain from English in UTC to
    // what is stored now.
    let trail: Vec<Value> = app
        .get("/api/v1/audit?action=compliance.settings_changed&limit=200")
        .await
        .json()
        .await
        .expect("json");
    let mut changes: Vec<&Value> = trail
        .iter()
        .filter(|e| e["after"].get("time_zone").is_some())
        .collect();
    changes.reverse();
    assert_eq!(changes.len(), zones.len(), "{changes:?}");
    let mut held = json!({"language": "en", "time_zone": "UTC"});
    for change in changes {
        assert_eq!(change["before"], held, "{change}");
        held = change["after"].clone();
    }
    assert_eq!(held["time_zone"], now);
}

/// Puts the organisation in a zone whose date differs from UTC's right now (far east late in
/// UTC's day, far west early in it); returns the zone and today's date there.
async fn away_from_utc(app: &TestApp) -> (&'static str, chrono::NaiveDate) {
    use chrono::Timelike;
    let now = chrono::Utc::now();
    let zone = if now.hour() >= 10 {
        "Pacific/Kiritimati"
    } else {
        "Pacific/Pago_Pago"
    };
    let tz: chrono_tz::Tz = zone.parse().expect("zone");
    let their_day = now.with_timezone(&tz).date_naive();
    assert_ne!(their_day, now.date_naive());
    let set = app
        .send(
            Method::PUT,
            LOCALE,
            &json!({"language": "en", "time_zone": zone}),
        )
        .await;
    assert_eq!(set.status(), StatusCode::OK);
    (zone, their_day)
}

#[tokio::test]
async fn dates_people_enter_are_checked_against_the_organisation_s_day() {
    let app = spawn_app().await;
    app.set_up().await;
    let (zone, their_day) = away_from_utc(&app).await;
    let tomorrow = their_day + chrono::Days::new(1);
    let leads = app.module_id("leads").await;
    let on = app
        .send(
            Method::PUT,
            &format!("/api/v1/modules/{leads}/compliance"),
            &json!({"compliance_enabled": true}),
        )
        .await;
    assert_eq!(on.status(), StatusCode::OK);
    let record: Value = app
        .post(
            "/api/v1/records",
            &json!({"module_id": leads, "fields": {"last_name": "Dag", "email": "dag@example.nl"}}),
        )
        .await
        .json()
        .await
        .expect("json");
    let record = record["id"].as_str().expect("id").to_owned();

    // Received today there: accepted and due a month later; tomorrow there is the future.
    let file = |on: chrono::NaiveDate| json!({"kind": "access", "source": "phone", "requested_by": "Dag", "requested_on": on.to_string()});
    let path = format!("/api/v1/records/{record}/requests");
    let filed = app.post(&path, &file(their_day)).await;
    assert_eq!(filed.status(), StatusCode::CREATED, "{their_day} in {zone}");
    let filed: Value = filed.json().await.expect("json");
    assert_eq!(filed["requested_on"], their_day.to_string());
    let future = app.post(&path, &file(tomorrow)).await;
    assert_eq!(
        error_body(future, StatusCode::BAD_REQUEST).await["field"],
        "requested_on"
    );

    // Consent given today there, entered by hand: accepted; tomorrow: refused.
    let consent = |on: chrono::NaiveDate| {
        json!({"basis": "consent", "consent": {"date": on.to_string(), "through": "in_person",
               "contact_through": ["email"]}})
    };
    let basis = format!("/api/v1/records/{record}/basis");
    let given = app.send(Method::PUT, &basis, &consent(their_day)).await;
    assert_eq!(given.status(), StatusCode::OK, "{their_day} in {zone}");
    let future = app.send(Method::PUT, &basis, &consent(tomorrow)).await;
    assert_eq!(
        error_body(future, StatusCode::BAD_REQUEST).await["field"],
        "consent.date"
    );

    // A contract that ended today there: accepted; tomorrow: refused.
    let under_contract: Value = app
        .post(
            "/api/v1/records",
            &json!({"module_id": leads, "fields": {"last_name": "Contract"},
                    "basis": {"basis": "contract", "lawful_reason": "Order 7"}}),
        )
        .await
        .json()
        .await
        .expect("json");
    let retention = format!(
        "/api/v1/records/{}/retention",
        under_contract["id"].as_str().expect("id")
    );
    let ended = |on: chrono::NaiveDate| json!({"contract_ended_on": on.to_string()});
    let today = app.send(Method::PUT, &retention, &ended(their_day)).await;
    assert_eq!(today.status(), StatusCode::OK, "{their_day} in {zone}");
    let future = app.send(Method::PUT, &retention, &ended(tomorrow)).await;
    assert_eq!(
        error_body(future, StatusCode::BAD_REQUEST).await["field"],
        "contract_ended_on"
    );

    // The Overview's 30 days are the organisation's, ending today there, and the two bases
    // just given (consent by hand, the contract) are changes of today there.
    let overview = app.read("/api/v1/compliance/overview").await;
    let days = overview["changes_per_day"].as_array().expect("days");
    assert_eq!(days.len(), 30);
    assert_eq!(days[29]["day"], their_day.to_string(), "{overview}");
    assert_eq!(days[29]["count"], 2, "{overview}");
    assert_eq!(
        days[0]["day"],
        (their_day - chrono::Days::new(29)).to_string()
    );
}

#[tokio::test]
async fn a_subject_s_answer_is_dated_on_the_organisation_s_day() {
    use crate::{consent, signup};
    let app = spawn_app().await;
    app.set_up().await;
    let (zone, their_day) = away_from_utc(&app).await;
    let dated = |record: Value| record["privacy"]["consent"]["date"].clone();

    // Through a consent link, whose message gives its last day there too.
    let (form, id) = consent::form_and_record(&app, Some("jan@example.nl")).await;
    consent::ask(&app, &form, &id).await;
    let message = crate::helpers::newest_message_text(&app).await;
    let waiting = app.read("/api/v1/compliance/settings").await["waiting_period_days"]
        .as_i64()
        .expect("waiting period");
    let tz: chrono_tz::Tz = zone.parse().expect("zone");
    let last_day = (chrono::Utc::now() + chrono::Duration::days(waiting))
        .with_timezone(&tz)
        .date_naive();
    assert!(
        message.contains(&last_day.to_string()),
        "{last_day}: {message}"
    );
    let token = consent::token_in(&app, &message);
    let granted = consent::answer(
        &app,
        &token,
        json!({"lang": "en", "decision": "save",
               "choices": {"granted": ["service"], "channels": ["email"]}}),
    )
    .await;
    assert_eq!(granted.status(), StatusCode::OK);
    assert_eq!(
        dated(consent::record(&app, &id).await),
        json!(their_day.to_string()),
        "{zone}"
    );

    // By signing up without double opt-in.
    signup::open_sign_up_of(&app, &form, Some(false)).await;
    let signed = signup::sign_up(&app, &signup::submission("els@example.nl")).await;
    assert_eq!(signed.status(), StatusCode::ACCEPTED);
    let els = signup::records_with(&app, "els@example.nl").await;
    assert_eq!(
        dated(els[0].clone()),
        json!(their_day.to_string()),
        "{zone}"
    );

    // By confirming a sign-up (double opt-in).
    signup::open_sign_up_of(&app, &form, Some(true)).await;
    let waiting = signup::sign_up(&app, &signup::submission("piet@example.nl")).await;
    assert_eq!(waiting.status(), StatusCode::ACCEPTED);
    let message = crate::helpers::newest_message_text(&app).await;
    assert!(
        message.contains(&last_day.to_string()),
        "{last_day}: {message}"
    );
    let token = signup::token_in_confirmation(&app, &message);
    let confirmed = signup::confirm(&app, &token).await;
    assert_eq!(confirmed.status(), StatusCode::OK);
    let piet = signup::records_with(&app, "piet@example.nl").await;
    assert_eq!(
        dated(piet[0].clone()),
        json!(their_day.to_string()),
        "{zone}"
    );
}
