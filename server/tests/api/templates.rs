use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::{
    consent::{answer, form_and_record, record},
    helpers::{
        Options, SmtpSink, error_body, second_tenant_client, send_as, spawn_app, spawn_app_with,
    },
};

fn dutch_template() -> Value {
    json!({
        "name": "Nieuwsbrief NL",
        "subject": "{{org.name}} vraagt {{record.first_name}} om toestemming",
        "body_text": "Beste {{record.name}},\n\nKies hier: {{consent_link.nl}}\n\nTot {{consent_link.expires}}.",
        "body_html": "<p>Beste {{record.name}},</p><p><a href=\"{{consent_link.nl}}\">Kies hier</a></p>",
    })
}

#[tokio::test]
async fn a_template_says_its_language_when_told_one_data_subjects_can_read() {
    let app = spawn_app().await;
    app.set_up().await;
    let mut template = dutch_template();
    template["language"] = json!("xx");
    let refused = error_body(
        app.post("/api/v1/email-templates", &template).await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(refused["field"], "language", "{refused}");

    template["language"] = json!("nl");
    let created = app.post("/api/v1/email-templates", &template).await;
    assert_eq!(created.status(), StatusCode::CREATED);
    let created: Value = created.json().await.expect("json");
    assert_eq!(created["language"], "nl");
    let id = created["id"].as_str().expect("id");

    // Saved again without one, it says none.
    let unsaid = app
        .send(
            Method::PUT,
            &format!("/api/v1/email-templates/{id}"),
            &dutch_template(),
        )
        .await;
    assert_eq!(unsaid.status(), StatusCode::OK);
    let listed: Value = app
        .get("/api/v1/email-templates")
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(listed[0]["name"], "Nieuwsbrief NL");
    assert!(listed[0].get("language").is_none(), "{listed}");
}

#[tokio::test]
async fn unknown_merge_fields_a_missing_link_and_taken_names_are_refused_by_field() {
    let app = spawn_app().await;
    app.set_up().await;
    let mut template = dutch_template();
    template["subject"] = json!("Hallo {{record.frist_name}}");
    let refused = error_body(
        app.post("/api/v1/email-templates", &template).await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(refused["field"], "subject");
    assert!(
        refused["message"]
            .as_str()
            .is_some_and(|m| m.contains("{{record.frist_name}}")),
        "{refused}"
    );
    let mut template = dutch_template();
    template["body_html"] = json!("<p>{{record.name}}</p>");
    let refused = error_body(
        app.post("/api/v1/email-templates", &template).await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(refused["field"], "body_html");
    let mut template = dutch_template();
    template["body_text"] = json!("Beste {{record.name");
    let refused = error_body(
        app.post("/api/v1/email-templates", &template).await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(refused["field"], "body_text");
    // Nothing half-saved.
    let list: Vec<Value> = app
        .get("/api/v1/email-templates")
        .await
        .json()
        .await
        .expect("json");
    assert!(list.is_empty());

    let created = app.post("/api/v1/email-templates", &dutch_template()).await;
    assert_eq!(created.status(), StatusCode::CREATED);
    let created: Value = created.json().await.expect("json");
    let again = error_body(
        app.post("/api/v1/email-templates", &dutch_template()).await,
        StatusCode::CONFLICT,
    )
    .await;
    assert_eq!(again["field"], "name");

    // Editing keeps the same rules.
    let id = created["id"].as_str().expect("id");
    let mut changed = dutch_template();
    changed["body_text"] = json!("Geen link {{org.naam}}");
    let refused = error_body(
        app.send(
            Method::PUT,
            &format!("/api/v1/email-templates/{id}"),
            &changed,
        )
        .await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert!(
        refused["message"]
            .as_str()
            .is_some_and(|m| m.contains("{{org.naam}}"))
    );
    changed["body_text"] = json!("Nieuwe tekst {{consent_link}}");
    let saved: Value = app
        .send(
            Method::PUT,
            &format!("/api/v1/email-templates/{id}"),
            &changed,
        )
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(saved["body_text"], "Nieuwe tekst {{consent_link}}");

    // Standard users pick templates but do not edit them; another organisation sees nothing.
    let staff = app.user_client("sam@acme.example", "standard").await;
    let listed = staff
        .get(app.url("/api/v1/email-templates"))
        .send()
        .await
        .expect("request");
    assert_eq!(listed.status(), StatusCode::OK);
    let forbidden = send_as(
        &staff,
        Method::POST,
        &app.url("/api/v1/email-templates"),
        &json!({"name": "x", "subject": "x", "body_text": "{{consent_link}}"}),
    )
    .await;
    assert_eq!(forbidden.status(), StatusCode::FORBIDDEN);
    let globex = second_tenant_client(&app).await;
    let hidden = globex
        .get(app.url(&format!("/api/v1/email-templates/{id}")))
        .send()
        .await
        .expect("request");
    assert_eq!(hidden.status(), StatusCode::NOT_FOUND);

    let deleted = app
        .send(
            Method::DELETE,
            &format!("/api/v1/email-templates/{id}"),
            &json!({}),
        )
        .await;
    assert_eq!(deleted.status(), StatusCode::NO_CONTENT);
    let audit: Value = app
        .get("/api/v1/audit?action=template.deleted")
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(audit.as_array().map(Vec::len), Some(1), "{audit}");
}

#[tokio::test]
async fn the_preview_shows_what_a_chosen_record_would_receive() {
    let app = spawn_app().await;
    app.set_up().await;
    let (form, record) = form_and_record(&app, Some("jan@example.nl")).await;
    let mut template = dutch_template();
    template["body_html"] =
        json!("<p>{{record.last_name}} &amp; {{form.name}}</p>{{consent_link}}");
    let preview: Value = app
        .post(
            "/api/v1/email-templates/preview",
            &json!({"template": template, "record_id": record, "form_id": form}),
        )
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(preview["subject"], "Acme B.V. vraagt Jan om toestemming");
    let text = preview["body_text"].as_str().expect("text");
    assert!(text.starts_with("Beste Jan Jansen,"), "{text}");
    assert!(text.contains("?lang=nl"), "{text}");
    assert!(
        preview["body_html"]
            .as_str()
            .is_some_and(|h| h.starts_with("<p>Jansen &amp; Newsletter</p>")),
        "{preview}"
    );
    // The rules apply to an unsaved template too.
    let mut broken = dutch_template();
    broken["subject"] = json!("{{record.nickname}}");
    let refused = error_body(
        app.post(
            "/api/v1/email-templates/preview",
            &json!({"template": broken, "record_id": record}),
        )
        .await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(refused["field"], "subject");
}

/// A request sent with a template arrives as plain text and HTML, with the recipient's name
/// and a link that opens their page in Dutch.
#[tokio::test]
async fn a_request_sent_with_a_template_arrives_in_both_parts_with_the_personal_link() {
    let sink = SmtpSink::start();
    let app = spawn_app_with(Options {
        smtp_port: Some(sink.port),
        ..Options::default()
    })
    .await;
    app.set_up().await;
    let (form, record_id) = form_and_record(&app, Some("jan@example.nl")).await;
    let template: Value = app
        .post("/api/v1/email-templates", &dutch_template())
        .await
        .json()
        .await
        .expect("json");
    let sent = app
        .post(
            &format!("/api/v1/records/{record_id}/consent-requests"),
            &json!({"form_id": form, "template_id": template["id"]}),
        )
        .await;
    assert_eq!(sent.status(), StatusCode::CREATED);
    let raw = sink.wait_for(1).await.remove(0);
    assert!(raw.contains("multipart/alternative"), "{raw}");
    assert!(raw.contains("text/html"), "{raw}");
    let decoded = raw
        .replace("=\r\n", "")
        .replace("=\n", "")
        .replace("=3D", "=");
    assert!(
        decoded.contains("Acme B.V. vraagt Jan om toestemming"),
        "{decoded}"
    );
    let link = decoded
        .split(|c: char| c.is_whitespace() || c == '"')
        .find(|w| w.contains("/c/") && w.ends_with("?lang=nl"))
        .expect("a Dutch link");
    let token = link
        .trim_end_matches("?lang=nl")
        .rsplit('/')
        .next()
        .expect("token");
    let granted = answer(
        &app,
        token,
        json!({"lang": "nl", "decision": "save",
               "choices": {"granted": ["service"], "channels": ["email"]}}),
    )
    .await;
    assert_eq!(granted.status(), StatusCode::OK);
    assert_eq!(
        record(&app, &record_id).await["privacy"]["consent"]["status"],
        "obtained"
    );
    let outbox: Value = app.get("/api/v1/outbox").await.json().await.expect("json");
    assert!(
        outbox["messages"][0]["body_html"]
            .as_str()
            .is_some_and(|h| h.contains("Kies hier")),
        "{outbox}"
    );

    // A template that does not exist is named.
    let refused = error_body(
        app.post(
            &format!("/api/v1/records/{record_id}/consent-requests"),
            &json!({"form_id": form, "template_id": "01890000-0000-7000-8000-000000000000"}),
        )
        .await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(refused["field"], "template_id");
}
