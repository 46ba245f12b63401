use chrono::DateTime;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::{
    helpers::{Options, SmtpSink, TestApp, error_body, spawn_app, spawn_app_with},
    rows::Rows,
};

/// A published "Newsletter" form with a required and an optional purpose, and a Leads record
/// on basis Consent (status Pending). Returns (form id, record id).
pub async fn form_and_record(app: &TestApp, email: Option<&str>) -> (String, String) {
    let leads = app.with_compliance("leads").await;
    let form: Value = app
        .post("/api/v1/forms", &json!({"name": "Newsletter"}))
        .await
        .json()
        .await
        .expect("json");
    let id = form["id"].as_str().expect("id").to_owned();
    let mut draft = form["draft"].clone();
    draft["purposes"] = json!([{"key": "service", "required": true},
                               {"key": "newsletter", "required": false}]);
    for lang in ["en", "nl"] {
        draft["texts"][lang]["purposes"]["service"] =
            json!({"title": "Service", "description": "Messages about your account"});
    }
    draft["channels"] = json!(["email", "phone"]);
    let saved = app
        .send(Method::PUT, &format!("/api/v1/forms/{id}/draft"), &draft)
        .await;
    assert_eq!(saved.status(), StatusCode::OK, "{:?}", saved.text().await);
    app.post(&format!("/api/v1/forms/{id}/publish"), &json!({}))
        .await;
    let mut fields = json!({"first_name": "Jan", "last_name": "Jansen"});
    if let Some(email) = email {
        fields["email"] = json!(email);
    }
    let record: Value = app
        .post(
            "/api/v1/records",
            &json!({"module_id": leads, "fields": fields, "basis": {"basis": "consent"}}),
        )
        .await
        .json()
        .await
        .expect("json");
    (id, record["id"].as_str().expect("record id").to_owned())
}

/// Sends `record` a consent request for `form`; returns what the answer says (made: queued,
/// or kept in the Outbox without an SMTP server).
pub async fn ask(app: &TestApp, form: &str, record: &str) -> Value {
    let sent = app
        .post(
            &format!("/api/v1/records/{record}/consent-requests"),
            &json!({"form_id": form}),
        )
        .await;
    assert_eq!(
        sent.status(),
        StatusCode::CREATED,
        "{:?}",
        sent.text().await
    );
    sent.json().await.expect("json")
}

/// Sends the request (no SMTP server: the message is kept in the Outbox) and hands its message
/// over as the privacy officer does to send it by hand; returns the token from the link.
pub async fn send(app: &TestApp, form: &str, record: &str) -> String {
    let sent = ask(app, form, record).await;
    assert_eq!(sent["delivery"], "stored", "kept in the Outbox");
    hand_over(app, sent["message_id"].as_str().expect("message id")).await
}

/// Hands a message kept in the Outbox over; returns the token from the link in its text.
pub async fn hand_over(app: &TestApp, message: &str) -> String {
    let handed = app
        .post(&format!("/api/v1/outbox/{message}/hand-over"), &json!({}))
        .await;
    assert_eq!(handed.status(), StatusCode::OK, "{:?}", handed.text().await);
    let handed: Value = handed.json().await.expect("json");
    token_in(app, handed["body_text"].as_str().expect("body"))
}

/// The token of the consent link in a message's text.
pub fn token_in(app: &TestApp, body: &str) -> String {
    let link = body
        .split_whitespace()
        .find(|w| w.contains("/c/"))
        .expect("a consent link in the message");
    assert!(
        link.starts_with(&app.url("/c/")),
        "an absolute link to this server: {link}"
    );
    link.rsplit('/').next().expect("token").to_owned()
}

/// The id of the newest message in the Outbox.
pub async fn newest_message(app: &TestApp) -> String {
    let outbox: Value = app.get("/api/v1/outbox").await.json().await.expect("json");
    outbox["messages"][0]["id"]
        .as_str()
        .expect("a message")
        .to_owned()
}

pub async fn record(app: &TestApp, id: &str) -> Value {
    app.get(&format!("/api/v1/records/{id}"))
        .await
        .json()
        .await
        .expect("json")
}

pub async fn answer(app: &TestApp, token: &str, body: Value) -> reqwest::Response {
    // Sent as the hosted page sends it (the admin's session cookie may be there too).
    app.client
        .post(app.url(&format!("/api/public/consent/{token}")))
        .header("x-requested-with", "consentry")
        .json(&body)
        .send()
        .await
        .expect("request")
}

#[tokio::test]
async fn a_subject_grants_through_their_link_and_the_record_says_obtained() {
    let app = spawn_app().await;
    app.set_up().await;
    let (form, id) = form_and_record(&app, Some("jan@example.nl")).await;
    let token = send(&app, &form, &id).await;
    let waiting = record(&app, &id).await;
    assert_eq!(waiting["privacy"]["consent"]["status"], "waiting");
    assert!(waiting["privacy"]["consent"]["mail_sent_at"].is_string());
    let outbox: Value = app.get("/api/v1/outbox").await.json().await.expect("json");
    assert_eq!(outbox["smtp_configured"], false);
    assert_eq!(outbox["messages"][0]["recipient"], "jan@example.nl");
    assert_eq!(
        outbox["messages"][0]["status"], "sent",
        "kept in the Outbox, then handed over to be sent by hand"
    );
    assert!(
        outbox["messages"][0]["detail"]
            .as_str()
            .is_some_and(|d| d.starts_with("Handed over to")),
        "{outbox}"
    );

    // The page, fetched without any session, shows the published form.
    let page: Value = reqwest::get(app.url(&format!("/api/public/consent/{token}")))
        .await
        .expect("request")
        .json()
        .await
        .expect("json");
    assert_eq!(page["organisation"], "Acme B.V.");
    assert_eq!(page["version"], 1);
    assert_eq!(page["choices"]["granted"], json!(["service"]));

    let granted = answer(
        &app,
        &token,
        json!({"lang": "nl", "decision": "save",
               "choices": {"granted": ["service", "newsletter"], "channels": ["email"]}}),
    )
    .await;
    assert_eq!(granted.status(), StatusCode::OK);
    let outcome: Value = granted.json().await.expect("json");
    assert_eq!(outcome["status"], "obtained");
    assert_eq!(outcome["link_usable"], true);
    check_receipt(&app, outcome["receipt"].as_str().expect("receipt")).await;
    let obtained = record(&app, &id).await;
    assert_eq!(obtained["privacy"]["consent"]["status"], "obtained");
    assert_eq!(obtained["privacy"]["consent"]["through"], "consent_form");
    assert_eq!(
        obtained["privacy"]["consent"]["contact_through"],
        json!(["email"])
    );
    // The page now shows the choices made.
    let again: Value = reqwest::get(app.url(&format!("/api/public/consent/{token}")))
        .await
        .expect("request")
        .json()
        .await
        .expect("json");
    assert_eq!(
        again["choices"]["granted"],
        json!(["newsletter", "service"])
    );

    // The evidence: event with version, hash, language and a truncated address.
    let rows = Rows::of(&app).await;
    assert_eq!(rows.count("SELECT COUNT(*) FROM consent_events").await, 1);
    assert_eq!(
        rows.count(
            "SELECT COUNT(*) FROM consent_events WHERE form_version = 1 AND lang = 'nl'
               AND length(text_hash) = 64 AND ip = '127.0.0.0'"
        )
        .await,
        1,
        "the event names the version, the text's hash, the language and a cut address"
    );
    let tamper = rows
        .execute("UPDATE consent_events SET decision = 'refused'")
        .await;
    assert!(tamper.is_err(), "consent events are append-only");

    // Withdrawing is as easy: untick everything. The link is spent afterwards.
    let withdrawn = answer(
        &app,
        &token,
        json!({"lang": "nl", "decision": "save", "choices": {"granted": [], "channels": []}}),
    )
    .await;
    let withdrawn: Value = withdrawn.json().await.expect("json");
    assert_eq!(withdrawn["status"], "withdrawn");
    let reused = answer(
        &app,
        &token,
        json!({"lang": "nl", "decision": "save",
               "choices": {"granted": ["service"], "channels": []}}),
    )
    .await;
    assert_eq!(
        error_body(reused, StatusCode::GONE).await["error"],
        "link_spent"
    );
}

#[tokio::test]
async fn stop_processing_denies_and_locks_the_record() {
    let app = spawn_app().await;
    app.set_up().await;
    let (form, id) = form_and_record(&app, Some("piet@example.nl")).await;
    let token = send(&app, &form, &id).await;
    let stopped: Value = answer(
        &app,
        &token,
        json!({"lang": "en", "decision": "stop_processing",
               "choices": {"granted": [], "channels": []}}),
    )
    .await
    .json()
    .await
    .expect("json");
    assert_eq!(stopped["status"], "denied");
    let denied = record(&app, &id).await;
    assert_eq!(denied["privacy"]["stop_processing"], true);
    // Nobody asks a subject who refused again.
    let again = app
        .post(
            &format!("/api/v1/records/{id}/consent-requests"),
            &json!({"form_id": form}),
        )
        .await;
    assert_eq!(
        error_body(again, StatusCode::CONFLICT).await["error"],
        "stop_processing"
    );
}

#[tokio::test]
async fn unknown_tampered_and_unfit_requests_are_refused() {
    let app = spawn_app().await;
    app.set_up().await;
    let (form, id) = form_and_record(&app, Some("klaas@example.nl")).await;
    let token = send(&app, &form, &id).await;
    let mut tampered = token.clone();
    let last = tampered.pop().expect("char");
    tampered.push(if last == 'A' { 'B' } else { 'A' });
    let unknown = reqwest::get(app.url(&format!("/api/public/consent/{tampered}")))
        .await
        .expect("request");
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);

    let not_on_form = answer(
        &app,
        &token,
        json!({"lang": "en", "decision": "save",
               "choices": {"granted": ["service", "lottery"], "channels": []}}),
    )
    .await;
    assert_eq!(
        error_body(not_on_form, StatusCode::BAD_REQUEST).await["field"],
        "choices.granted"
    );
    let without_required = answer(
        &app,
        &token,
        json!({"lang": "en", "decision": "save",
               "choices": {"granted": ["newsletter"], "channels": []}}),
    )
    .await;
    assert_eq!(
        error_body(without_required, StatusCode::BAD_REQUEST).await["field"],
        "choices.granted"
    );

    // An expired link.
    let rows = Rows::of(&app).await;
    rows.set_time("consent_links", "expires_at", "true", DateTime::UNIX_EPOCH)
        .await;
    let expired = reqwest::get(app.url(&format!("/api/public/consent/{token}")))
        .await
        .expect("request");
    assert_eq!(
        error_body(expired, StatusCode::GONE).await["error"],
        "link_expired"
    );

    // The subject asks for a new link: it goes to the record's address; asking again at once,
    // or with an unknown link, sends nothing, and every answer looks the same.
    rows.set_time("consent_links", "created_at", "true", DateTime::UNIX_EPOCH)
        .await;
    let messages = |outbox: &Value| outbox["messages"].as_array().map_or(0, Vec::len);
    let before: Value = app.get("/api/v1/outbox").await.json().await.expect("json");
    for asked in [token.as_str(), token.as_str(), tampered.as_str()] {
        let renewed = app
            .client
            .post(app.url(&format!("/api/public/consent/{asked}/renew")))
            .header("x-requested-with", "consentry")
            .send()
            .await
            .expect("request");
        assert_eq!(renewed.status(), StatusCode::ACCEPTED);
    }
    let after: Value = app.get("/api/v1/outbox").await.json().await.expect("json");
    assert_eq!(
        messages(&after),
        messages(&before) + 1,
        "exactly one new message"
    );
    assert_eq!(after["messages"][0]["recipient"], "klaas@example.nl");
    let fresh = hand_over(&app, &newest_message(&app).await).await;
    let reopened = reqwest::get(app.url(&format!("/api/public/consent/{fresh}")))
        .await
        .expect("request");
    assert_eq!(reopened.status(), StatusCode::OK);

    // A record without an e-mail address is skipped with its reason.
    let (_, no_email) = {
        let leads = app.module_id("leads").await;
        let created: Value = app
            .post(
                "/api/v1/records",
                &json!({"module_id": leads, "fields": {"last_name": "Zonder"},
                        "basis": {"basis": "consent"}}),
            )
            .await
            .json()
            .await
            .expect("json");
        ((), created["id"].as_str().expect("id").to_owned())
    };
    let refused = app
        .post(
            &format!("/api/v1/records/{no_email}/consent-requests"),
            &json!({"form_id": form}),
        )
        .await;
    assert_eq!(
        error_body(refused, StatusCode::CONFLICT).await["error"],
        "no_email"
    );
}

#[tokio::test]
async fn with_smtp_configured_the_request_arrives_by_mail_with_a_working_personal_link() {
    let sink = SmtpSink::start();
    let app = spawn_app_with(Options {
        smtp_port: Some(sink.port),
        ..Options::default()
    })
    .await;
    app.set_up().await;
    let (form, first) = form_and_record(&app, Some("jan@example.nl")).await;
    let leads = app.module_id("leads").await;
    let second: Value = app
        .post(
            "/api/v1/records",
            &json!({"module_id": leads, "fields": {"last_name": "Bakker",
                    "email": "els@example.nl"}, "basis": {"basis": "consent"}}),
        )
        .await
        .json()
        .await
        .expect("json");
    let second = second["id"].as_str().expect("id").to_owned();
    for record in [&first, &second] {
        ask(&app, &form, record).await;
    }
    let messages = sink.wait_for(2).await;
    let mut tokens = Vec::new();
    for raw in &messages {
        assert!(
            raw.contains("From: \"Acme privacy\" <privacy@acme.example>"),
            "{raw}"
        );
        // The body is quoted-printable: undo its soft line breaks and escapes.
        let text = raw
            .replace("=\r\n", "")
            .replace("=\n", "")
            .replace("=3D", "=");
        let link = text
            .split_whitespace()
            .find(|w| w.starts_with(&app.url("/c/")))
            .expect("a link in the mail");
        // The unsubscribe header points at the same personal page.
        assert!(
            raw.contains(&format!("List-Unsubscribe: <{link}>")),
            "{raw}"
        );
        tokens.push(link.rsplit('/').next().expect("token").to_owned());
    }
    assert_ne!(tokens[0], tokens[1], "each recipient has their own link");
    // Each link opens its own record's page (a grant through one changes only that record).
    let jan_mail = messages
        .iter()
        .position(|m| m.contains("To: jan@example.nl"))
        .expect("Jan's mail");
    let granted = answer(
        &app,
        &tokens[jan_mail],
        json!({"lang": "en", "decision": "save",
               "choices": {"granted": ["service"], "channels": ["email"]}}),
    )
    .await;
    assert_eq!(granted.status(), StatusCode::OK);
    assert_eq!(
        record(&app, &first).await["privacy"]["consent"]["status"],
        "obtained"
    );
    assert_eq!(
        record(&app, &second).await["privacy"]["consent"]["status"],
        "waiting"
    );
    // The outbox says so.
    let mut outbox: Value = app.get("/api/v1/outbox").await.json().await.expect("json");
    for _ in 0..100 {
        if outbox["messages"]
            .as_array()
            .is_some_and(|m| m.iter().all(|m| m["status"] == "sent"))
        {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        outbox = app.get("/api/v1/outbox").await.json().await.expect("json");
    }
    assert_eq!(outbox["smtp_configured"], true);
    assert!(
        outbox["messages"]
            .as_array()
            .is_some_and(|m| m.iter().all(|m| m["status"] == "sent")),
        "{outbox}"
    );
}

/// The receipt verifies against the published keys, with the CLI too; one changed byte
/// makes it fail.
async fn check_receipt(app: &TestApp, jws: &str) {
    let jwks: Value = reqwest::get(app.url("/.well-known/consentry/jwks.json"))
        .await
        .expect("request")
        .json()
        .await
        .expect("json");
    let keys = consentry_server::domain::receipts::keys_from_jwks(&jwks);
    let receipt = consentry_server::domain::receipts::verify(jws, &keys).expect("valid");
    assert_eq!(receipt.decision, "granted");
    assert_eq!(receipt.form_version, 1);
    // CR 1.1's controller fields, from the controller's details.
    let controller = &receipt.pii_controllers[0];
    assert_eq!(controller.pii_controller, "Acme B.V.");
    assert_eq!(controller.contact, "Privacy officer");
    assert_eq!(controller.address.street_address, "Herengracht 1");
    assert_eq!(controller.address.address_country, "NL");
    assert_eq!(controller.email, "privacy@acme.example");
    assert_eq!(controller.phone, "+31 20 123 4567");
    assert_eq!(
        controller.pii_controller_url.as_deref(),
        Some("https://acme.example")
    );
    assert_eq!(receipt.legal_basis, "dpv:Consent");
    assert_eq!(receipt.consent_status, "dpv:ConsentGiven");
    // Kantara's purpose categories, not the purposes' keys; the module's personal fields.
    let statuses: Vec<(String, String)> = receipt.services[0]
        .purposes
        .iter()
        .map(|p| (p.purpose_category[0].clone(), p.status.clone()))
        .collect();
    assert_eq!(
        statuses,
        [
            ("Core Function".to_owned(), "granted".to_owned()),
            ("Marketing".to_owned(), "granted".to_owned())
        ]
    );
    assert_eq!(
        receipt.services[0].purposes[0].pii_category,
        ["Biographical", "Contact"]
    );

    let dir = app.dir.path();
    std::fs::write(dir.join("receipt.jws"), jws).expect("write");
    std::fs::write(dir.join("jwks.json"), jwks.to_string()).expect("write");
    // The receipt fuzz target verifies this receipt against these keys; to refresh them:
    // CONSENTRY_FUZZ_FIXTURES=$PWD/fuzz/fixtures cargo test -p consentry-server --test api grants
    if let Some(fixtures) = std::env::var_os("CONSENTRY_FUZZ_FIXTURES") {
        let fixtures = std::path::Path::new(&fixtures);
        std::fs::write(fixtures.join("receipt.jws"), jws).expect("write");
        std::fs::write(fixtures.join("jwks.json"), jwks.to_string()).expect("write");
    }
    let mut tampered = jws.as_bytes().to_vec();
    let middle = jws.len() / 2;
    tampered[middle] = if tampered[middle] == b'A' { b'B' } else { b'A' };
    std::fs::write(dir.join("tampered.jws"), &tampered).expect("write");
    let database = app.database_url().await;
    let verify = |file: &str, with_jwks: bool| {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_consentry"));
        command
            .current_dir(dir)
            .env("CONSENTRY__DATABASE__URL", &database)
            .env("CONSENTRY__ENCRYPTION__KEY_FILE", dir.join("consentry.key"))
            .env("CONSENTRY_LOG", "warn")
            .args(["verify-receipt", file]);
        if with_jwks {
            command.args(["--jwks", "jwks.json"]);
        }
        command.output().expect("runs")
    };
    // The public check answers what the receipt says, or refuses a tampered one.
    let checked: Value = app
        .post("/api/public/receipts/verify", &json!({"receipt": jws}))
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(checked["controller"], "Acme B.V.");
    assert_eq!(checked["decision"], "granted");
    let refused = app
        .post(
            "/api/public/receipts/verify",
            &json!({"receipt": String::from_utf8_lossy(&tampered)}),
        )
        .await;
    assert_eq!(
        error_body(refused, StatusCode::CONFLICT).await["error"],
        "receipt_invalid"
    );
    let valid = verify("receipt.jws", true);
    assert!(
        valid.status.success(),
        "{}",
        String::from_utf8_lossy(&valid.stderr)
    );
    let printed = String::from_utf8_lossy(&valid.stdout).into_owned();
    assert!(printed.contains("valid receipt"), "{printed}");
    // The time as a date (RFC 3339), not Unix seconds.
    let day = &checked["at"].as_str().expect("at")[..10];
    assert!(printed.contains(&format!("granted at {day}T")), "{printed}");
    assert!(printed.contains("Z, form version"), "{printed}");
    assert!(
        verify("receipt.jws", false).status.success(),
        "against the database's keys"
    );
    let broken = verify("tampered.jws", true);
    assert!(!broken.status.success());
    assert!(String::from_utf8_lossy(&broken.stderr).contains("NOT VALID"));
}

#[tokio::test]
async fn a_request_unanswered_after_the_waiting_period_becomes_not_responded() {
    let app = spawn_app().await;
    app.set_up().await;
    let (form, late) = form_and_record(&app, Some("laat@example.nl")).await;
    send(&app, &form, &late).await;
    let leads = app.module_id("leads").await;
    let recent: Value = app
        .post(
            "/api/v1/records",
            &json!({"module_id": leads, "fields": {"last_name": "Vroeg",
                    "email": "vroeg@example.nl"}, "basis": {"basis": "consent"}}),
        )
        .await
        .json()
        .await
        .expect("json");
    let recent = recent["id"].as_str().expect("id").to_owned();
    send(&app, &form, &recent).await;
    // The first request went out 31 days ago (the default waiting period is 30 days).
    let long_ago = chrono::Utc::now() - chrono::Duration::days(31);
    Rows::of(&app)
        .await
        .set_time("records", "mail_sent_at", "last_name = 'Jansen'", long_ago)
        .await;

    let store = app.store().await;
    let expired =
        consentry_server::domain::consent::expire_waiting(store.as_ref(), chrono::Utc::now())
            .await
            .expect("job");
    assert_eq!(expired, 1);
    assert_eq!(
        record(&app, &late).await["privacy"]["consent"]["status"],
        "not_responded"
    );
    assert_eq!(
        record(&app, &recent).await["privacy"]["consent"]["status"],
        "waiting",
        "still within its waiting period"
    );
    let events: Vec<Value> = app
        .get(&format!("/api/v1/records/{late}/events"))
        .await
        .json()
        .await
        .expect("json");
    let last = events.last().expect("an event");
    assert_eq!(
        (
            last["before_status"].as_str(),
            last["after_status"].as_str()
        ),
        (Some("waiting"), Some("not_responded"))
    );
    // Someone who did not answer may be asked again.
    send(&app, &form, &late).await;
    assert_eq!(
        record(&app, &late).await["privacy"]["consent"]["status"],
        "waiting"
    );
}

#[tokio::test]
async fn a_bulk_send_asks_every_record_of_the_filter_and_counts_the_skipped_by_reason() {
    let app = spawn_app().await;
    app.set_up().await;
    let (form, first) = form_and_record(&app, Some("een@example.nl")).await;
    let leads = app.module_id("leads").await;
    for (name, email) in [("Twee", Some("twee@example.nl")), ("Drie", None)] {
        let mut fields = json!({"last_name": name});
        if let Some(email) = email {
            fields["email"] = json!(email);
        }
        let created = app
            .post(
                "/api/v1/records",
                &json!({"module_id": leads, "fields": fields, "basis": {"basis": "consent"}}),
            )
            .await;
        assert_eq!(created.status(), StatusCode::CREATED);
    }
    // One who already refused.
    let token = send(&app, &form, &first).await;
    answer(
        &app,
        &token,
        json!({"lang": "en", "decision": "stop_processing",
               "choices": {"granted": [], "channels": []}}),
    )
    .await;

    let started = app
        .post(
            "/api/v1/consent-requests/bulk",
            &json!({"filter": {"module": leads, "basis": "consent"}, "form_id": form}),
        )
        .await;
    assert_eq!(started.status(), StatusCode::ACCEPTED);
    let started: Value = started.json().await.expect("json");
    assert_eq!(started["total"], 3);
    let id = started["id"].as_str().expect("id");
    let progress =
        crate::mail_delivery::progress_until(&app, id, |p| p["state"] != "running").await;
    assert_eq!(progress["state"], "finished", "{progress}");
    assert_eq!(progress["processed"], 3);
    assert_eq!(progress["requested"], 1);
    assert_eq!(
        (&progress["stored"], &progress["delivered"]),
        (&json!(1), &json!(0)),
        "no SMTP server: kept in the Outbox, not delivered"
    );
    assert_eq!(
        progress["skipped"],
        json!({"no_email": 1, "stop_processing": 1}),
        "Drie has no address; Jan asked to stop processing"
    );
    let not_published = app
        .post(
            "/api/v1/consent-requests/bulk",
            &json!({"filter": {}, "form_id": leads}),
        )
        .await;
    assert_eq!(
        error_body(not_published, StatusCode::BAD_REQUEST).await["field"],
        "form_id"
    );
}
