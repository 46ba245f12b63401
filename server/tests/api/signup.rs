use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::{
    consent::{form_and_record, record},
    helpers::{
        Options, SmtpSink, TestApp, error_body, new_client, newest_message_text, send_as,
        spawn_app, spawn_app_with,
    },
};

/// The "Newsletter" form published, taking sign-ups into Leads; `double_opt_in` for the form
/// (`None`: the organisation's default, which is on).
pub async fn open_sign_up(app: &TestApp, double_opt_in: Option<bool>) -> String {
    let (form, _) = form_and_record(app, None).await;
    open_sign_up_of(app, &form, double_opt_in).await;
    form
}

/// Opens sign-ups through `form` into Leads.
pub async fn open_sign_up_of(app: &TestApp, form: &str, double_opt_in: Option<bool>) {
    let leads = app.module_id("leads").await;
    let saved = app
        .send(
            Method::PUT,
            &format!("/api/v1/forms/{form}/sign-up"),
            &json!({"module_id": leads, "double_opt_in": double_opt_in}),
        )
        .await;
    assert_eq!(saved.status(), StatusCode::OK, "{:?}", saved.text().await);
}

pub fn submission(email: &str) -> Value {
    json!({"lang": "nl", "version": 1, "first_name": "Els", "last_name": "Bakker",
           "email": email,
           "choices": {"granted": ["service", "newsletter"], "channels": ["email"]}})
}

pub async fn sign_up(app: &TestApp, body: &Value) -> reqwest::Response {
    // As the public page sends it, without a session.
    send_as(
        &new_client(),
        Method::POST,
        &app.url("/api/public/sign-up/acme/newsletter"),
        body,
    )
    .await
}

/// Confirms a sign-up through its link's token, as the confirmation page does (no session).
pub async fn confirm(app: &TestApp, token: &str) -> reqwest::Response {
    send_as(
        &new_client(),
        Method::POST,
        &app.url(&format!("/api/public/sign-ups/{token}")),
        &json!({}),
    )
    .await
}

/// Leads records with this address.
pub async fn records_with(app: &TestApp, email: &str) -> Vec<Value> {
    let page: Value = app
        .get(&format!("/api/v1/records?q={email}"))
        .await
        .json()
        .await
        .expect("json");
    page["records"].as_array().cloned().unwrap_or_default()
}

/// The confirmation link's token from the newest outbox message; one kept in the Outbox (no
/// SMTP server) is handed over first, as the privacy officer sends it by hand.
pub async fn confirmation_token(app: &TestApp) -> String {
    let body = newest_message_text(app).await;
    token_in_confirmation(app, &body)
}

/// The confirmation link's token in a mail's text.
pub fn token_in_confirmation(app: &TestApp, body: &str) -> String {
    let link = body
        .split_whitespace()
        .find(|w| w.contains("/confirm/"))
        .expect("a confirmation link");
    assert!(link.starts_with(&app.url("/confirm/")), "{link}");
    link.rsplit('/').next().expect("token").to_owned()
}

#[tokio::test]
async fn with_double_opt_in_a_sign_up_waits_for_its_confirmation_and_one_address_is_one_record() {
    let sink = SmtpSink::start();
    let app = spawn_app_with(Options {
        smtp_port: Some(sink.port),
        ..Options::default()
    })
    .await;
    app.set_up().await;
    open_sign_up(&app, None).await;
    let page: Value = reqwest::get(app.url("/api/public/sign-up/acme/newsletter"))
        .await
        .expect("request")
        .json()
        .await
        .expect("json");
    assert_eq!(page["double_opt_in"], true, "the organisation's default");
    assert_eq!(page["organisation"], "Acme B.V.");

    let answered = sign_up(&app, &submission("els@example.nl")).await;
    assert_eq!(answered.status(), StatusCode::ACCEPTED);
    let answered: Value = answered.json().await.expect("json");
    assert_eq!(answered, json!("confirmation_sent"));
    let created = records_with(&app, "els@example.nl").await;
    assert_eq!(created.len(), 1);
    let id = created[0]["id"].as_str().expect("id").to_owned();
    assert_eq!(created[0]["privacy"]["basis"], "consent");
    assert_eq!(created[0]["created"]["through"], "consent_form");
    assert_eq!(created[0]["created"]["by"], "Newsletter");

    // The confirmation mail arrives through SMTP, in Dutch, with a working link; the record
    // waits from its delivery on (Pending until then).
    let raw = sink.wait_for(1).await.remove(0);
    let mut delivered = record(&app, &id).await;
    for _ in 0..200 {
        if delivered["privacy"]["consent"]["status"] == "waiting" {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        delivered = record(&app, &id).await;
    }
    assert_eq!(delivered["privacy"]["consent"]["status"], "waiting");
    assert!(delivered["privacy"]["consent"]["mail_sent_at"].is_string());
    assert!(raw.contains("To: els@example.nl"), "{raw}");
    assert!(raw.contains("bevestig uw aanmelding"), "{raw}");
    // It names what the subject signed up for (the purposes they chose), not the consent
    // page's generic heading.
    let unfolded = mail_parser::MessageParser::default()
        .parse(raw.as_bytes())
        .and_then(|m| m.body_text(0).map(|b| b.into_owned()))
        .expect("a readable mail");
    assert!(
        unfolded.contains("aan voor “Service, Nieuwsbrief”"),
        "{unfolded}"
    );
    assert!(!unfolded.contains("privacykeuzes"), "{unfolded}");
    let token = token_in_confirmation(&app, &raw.replace("=\r\n", "").replace("=\n", ""));
    let shown: Value = reqwest::get(app.url(&format!("/api/public/sign-ups/{token}")))
        .await
        .expect("request")
        .json()
        .await
        .expect("json");
    assert_eq!(shown["organisation"], "Acme B.V.");
    assert_eq!(shown["lang"], "nl");
    assert_eq!(shown["title"], "Service, Nieuwsbrief");

    // Signing up again (other capitals) sends another confirmation, never a second record.
    let again = sign_up(&app, &submission("Els@Example.NL")).await;
    assert_eq!(again.status(), StatusCode::ACCEPTED);
    assert_eq!(records_with(&app, "els@example.nl").await.len(), 1);

    let confirmed = confirm(&app, &token).await;
    assert_eq!(confirmed.status(), StatusCode::OK);
    let confirmed: Value = confirmed.json().await.expect("json");
    assert_eq!(confirmed["status"], "obtained");
    assert!(
        confirmed["receipt"]
            .as_str()
            .is_some_and(|r| r.split('.').count() == 3)
    );
    let now = record(&app, &id).await;
    assert_eq!(now["privacy"]["consent"]["status"], "obtained");
    assert_eq!(
        now["privacy"]["consent"]["contact_through"],
        json!(["email"])
    );
    // A confirmation link works once.
    let twice = confirm(&app, &token).await;
    assert_eq!(
        error_body(twice, StatusCode::GONE).await["error"],
        "link_spent"
    );
    let events: Vec<Value> = app
        .get(&format!("/api/v1/records/{id}/events"))
        .await
        .json()
        .await
        .expect("json");
    let statuses: Vec<_> = events
        .iter()
        .map(|e| e["after_status"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(statuses, ["pending", "waiting", "obtained"]);
}

#[tokio::test]
async fn without_double_opt_in_consent_counts_at_once_and_updates_the_same_record() {
    let app = spawn_app().await;
    app.set_up().await;
    open_sign_up(&app, Some(false)).await;
    let answered = sign_up(&app, &submission("jan@example.nl")).await;
    assert_eq!(answered.status(), StatusCode::ACCEPTED);
    let answered: Value = answered.json().await.expect("json");
    let recorded = &answered["recorded"];
    assert_eq!(recorded["status"], "obtained");
    let receipt = recorded["receipt"].as_str().expect("receipt").to_owned();
    let checked = app
        .post("/api/public/receipts/verify", &json!({"receipt": receipt}))
        .await;
    assert_eq!(checked.status(), StatusCode::OK);
    let outbox: Value = app.get("/api/v1/outbox").await.json().await.expect("json");
    assert_eq!(outbox["messages"], json!([]), "no confirmation mail");

    let mut fewer = submission("jan@example.nl");
    fewer["choices"]["granted"] = json!(["service"]);
    let again = sign_up(&app, &fewer).await;
    assert_eq!(again.status(), StatusCode::ACCEPTED);
    let found = records_with(&app, "jan@example.nl").await;
    assert_eq!(found.len(), 1, "one address, one record");
    assert_eq!(found[0]["privacy"]["consent"]["status"], "obtained");
}

#[tokio::test]
async fn closed_changed_and_invalid_sign_ups_are_refused_by_field() {
    let app = spawn_app().await;
    app.set_up().await;
    let (form, _) = form_and_record(&app, None).await;
    // Not open for sign-up yet.
    let closed = sign_up(&app, &submission("a@example.nl")).await;
    assert_eq!(closed.status(), StatusCode::NOT_FOUND);
    let contacts = app.module_id("contacts").await;
    let refused = app
        .send(
            Method::PUT,
            &format!("/api/v1/forms/{form}/sign-up"),
            &json!({"module_id": contacts}),
        )
        .await;
    let refused = error_body(refused, StatusCode::CONFLICT).await;
    assert_eq!(
        refused["field"], "module_id",
        "compliance is off for Contacts"
    );
    let leads = app.module_id("leads").await;
    app.send(
        Method::PUT,
        &format!("/api/v1/forms/{form}/sign-up"),
        &json!({"module_id": leads}),
    )
    .await;
    let unknown = send_as(
        &new_client(),
        Method::POST,
        &app.url("/api/public/sign-up/globex/newsletter"),
        &submission("a@example.nl"),
    )
    .await;
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);

    let mut bad = submission("not an address");
    let refused = error_body(sign_up(&app, &bad).await, StatusCode::BAD_REQUEST).await;
    assert_eq!(refused["field"], "email");
    bad = submission("a@example.nl");
    bad["choices"]["granted"] = json!(["newsletter"]);
    let refused = error_body(sign_up(&app, &bad).await, StatusCode::BAD_REQUEST).await;
    assert_eq!(refused["field"], "choices.granted", "the required purpose");
    bad = submission("a@example.nl");
    bad["choices"]["granted"] = json!(["service", "lottery"]);
    let refused = error_body(sign_up(&app, &bad).await, StatusCode::BAD_REQUEST).await;
    assert_eq!(refused["field"], "choices.granted");
    bad = submission("a@example.nl");
    bad["version"] = json!(7);
    let refused = error_body(sign_up(&app, &bad).await, StatusCode::GONE).await;
    assert_eq!(refused["error"], "form_changed");
    assert!(
        records_with(&app, "a@example.nl").await.is_empty(),
        "nothing half-written"
    );

    let unknown_link = reqwest::get(app.url("/api/public/sign-ups/no-such-token"))
        .await
        .expect("request");
    assert_eq!(unknown_link.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn an_unconfirmed_sign_up_expires_and_one_address_cannot_flood_an_inbox() {
    let app = spawn_app().await;
    app.set_up().await;
    open_sign_up(&app, None).await;
    let answered = sign_up(&app, &submission("late@example.nl")).await;
    assert_eq!(answered.status(), StatusCode::ACCEPTED);
    let token = confirmation_token(&app).await;
    let rows = crate::rows::Rows::of(&app).await;
    let long_ago = chrono::Utc::now() - chrono::Duration::days(31);
    rows.set_time("sign_ups", "expires_at", "true", long_ago)
        .await;
    rows.set_time(
        "records",
        "mail_sent_at",
        "email = 'late@example.nl'",
        long_ago,
    )
    .await;
    let late = confirm(&app, &token).await;
    assert_eq!(
        error_body(late, StatusCode::GONE).await["error"],
        "link_expired"
    );
    // The hourly job: the record becomes Not Responded; the sign-up is forgotten a month on.
    let store = app.store().await;
    let expired =
        consentry_server::domain::consent::expire_waiting(store.as_ref(), chrono::Utc::now())
            .await
            .expect("job");
    assert_eq!(expired, 1);
    let later = chrono::Utc::now() + chrono::Duration::days(31);
    let purged = consentry_server::domain::signup::purge(store.as_ref(), later)
        .await
        .expect("purge");
    assert_eq!(purged, 1);
    let found = records_with(&app, "late@example.nl").await;
    assert_eq!(found[0]["privacy"]["consent"]["status"], "not_responded");

    // Five sign-ups an hour per address; the sixth waits.
    for _ in 0..4 {
        let ok = sign_up(&app, &submission("late@example.nl")).await;
        assert_eq!(ok.status(), StatusCode::ACCEPTED);
    }
    let flooded = sign_up(&app, &submission("late@example.nl")).await;
    assert_eq!(flooded.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(flooded.headers().get("retry-after").is_some());
}

#[tokio::test]
async fn a_sign_up_larger_than_its_limit_is_refused_at_once_and_writes_nothing() {
    let app = spawn_app().await;
    app.set_up().await;
    open_sign_up(&app, Some(false)).await;
    let mut body = submission("groot@example.nl");
    // Unknown fields padded past 16 KiB, declared and sent without a length (chunked).
    body["padding"] = json!("x".repeat(20 * 1024));
    let declared = sign_up(&app, &body).await;
    assert_eq!(declared.status(), StatusCode::PAYLOAD_TOO_LARGE);
    let bytes = serde_json::to_vec(&body).expect("json");
    let mut stream = tokio::net::TcpStream::connect(app.address.trim_start_matches("http://"))
        .await
        .expect("connect");
    let mut request = format!(
        "POST /api/public/sign-up/acme/newsletter HTTP/1.1\r\nHost: consentry\r\n\
         Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n{:x}\r\n",
        bytes.len()
    )
    .into_bytes();
    request.extend_from_slice(&bytes);
    request.extend_from_slice(b"\r\n0\r\n\r\n");
    tokio::io::AsyncWriteExt::write_all(&mut stream, &request)
        .await
        .expect("send");
    let chunked = crate::helpers::read_answer(&mut stream)
        .await
        .expect("an answer");
    assert_eq!(
        chunked.status,
        413,
        "{:?}",
        String::from_utf8_lossy(&chunked.body)
    );
    assert!(records_with(&app, "groot@example.nl").await.is_empty());
    // A sign-up of ordinary size still goes in.
    let fine = sign_up(&app, &submission("klein@example.nl")).await;
    assert!(fine.status().is_success(), "{}", fine.status());
}
