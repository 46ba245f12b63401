//! API keys: scopes, revocation, tenancy, and the personal data left out of API reads.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{TestApp, error_body, second_tenant_client, spawn_app};

pub async fn key(app: &TestApp, name: &str, scopes: &[&str]) -> (String, String) {
    let created = app
        .post("/api/v1/api-keys", &json!({"name": name, "scopes": scopes}))
        .await;
    assert_eq!(created.status(), StatusCode::CREATED);
    let created: Value = created.json().await.expect("json");
    let secret = created["secret"].as_str().expect("secret").to_owned();
    assert!(secret.starts_with("ck_"));
    assert!(secret.starts_with(created["key"]["prefix"].as_str().expect("prefix")));
    (
        created["key"]["id"].as_str().expect("id").to_owned(),
        secret,
    )
}

/// A request as an integrator sends it: the key, no cookie, no CSRF header.
async fn with_key(
    app: &TestApp,
    secret: &str,
    method: Method,
    path: &str,
    body: Option<Value>,
) -> reqwest::Response {
    let mut request = reqwest::Client::new()
        .request(method, app.url(path))
        .bearer_auth(secret);
    if let Some(body) = body {
        request = request.json(&body);
    }
    request.send().await.expect("request")
}

#[tokio::test]
async fn a_key_reaches_exactly_its_scopes_until_revoked() {
    let app = spawn_app().await;
    app.set_up().await;
    let leads = app.module_id("leads").await;
    let record: Value = app
        .post(
            "/api/v1/records",
            &json!({"module_id": leads, "fields": {"last_name": "Visser", "email": "visser@example.nl"}}),
        )
        .await
        .json()
        .await
        .expect("json");
    let record = record["id"].as_str().expect("id").to_owned();
    let (reader_id, reader) = key(&app, "Webshop", &["records:read"]).await;
    let listed: Vec<Value> = app
        .get("/api/v1/api-keys")
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(listed.len(), 1);
    assert!(
        !listed[0].to_string().contains(&reader),
        "the secret is never listed"
    );

    let page = with_key(&app, &reader, Method::GET, "/api/v1/records", None).await;
    assert_eq!(page.status(), StatusCode::OK);
    let one = with_key(
        &app,
        &reader,
        Method::GET,
        &format!("/api/v1/records/{record}"),
        None,
    )
    .await;
    let one: Value = one.json().await.expect("json");
    assert_eq!(one["fields"]["email"], "visser@example.nl");
    // Without the scope, or on a route for people only: 403 naming what is missing.
    let write = with_key(
        &app,
        &reader,
        Method::POST,
        "/api/v1/records",
        Some(json!({"module_id": leads, "fields": {"last_name": "Nieuw"}})),
    )
    .await;
    let refused = error_body(write, StatusCode::FORBIDDEN).await;
    assert_eq!(refused["error"], "missing_scope");
    assert!(
        refused["message"]
            .as_str()
            .is_some_and(|m| m.contains("records:write"))
    );
    for (method, path) in [
        (Method::GET, "/api/v1/compliance/settings".to_owned()),
        (Method::GET, "/api/v1/records/export".to_owned()),
        (Method::GET, "/api/v1/api-keys".to_owned()),
    ] {
        let response = with_key(&app, &reader, method, &path, None).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{path}");
    }
    let reveal = with_key(
        &app,
        &reader,
        Method::POST,
        &format!("/api/v1/records/{record}/reveal"),
        Some(json!({"field": "email"})),
    )
    .await;
    assert_eq!(reveal.status(), StatusCode::FORBIDDEN);

    // A writer needs no CSRF header; the trail names the key.
    let (_, writer) = key(&app, "CRM sync", &["records:write", "settings:read"]).await;
    let created = with_key(
        &app,
        &writer,
        Method::POST,
        "/api/v1/records",
        Some(json!({"module_id": leads, "fields": {"last_name": "Nieuw"}})),
    )
    .await;
    assert_eq!(created.status(), StatusCode::CREATED);
    let settings = with_key(
        &app,
        &writer,
        Method::GET,
        "/api/v1/compliance/settings",
        None,
    )
    .await;
    assert_eq!(settings.status(), StatusCode::OK);
    let trail: Vec<Value> = app.get("/api/v1/audit").await.json().await.expect("json");
    let actor = trail
        .iter()
        .find(|e| e["action"] == "record.created")
        .map(|e| e["actor"].as_str().unwrap_or_default().to_owned())
        .expect("audited");
    assert!(actor.starts_with("API key CRM sync (ck_"), "{actor}");

    // Another organisation's record does not exist for this key.
    let other = second_tenant_client(&app).await;
    let elsewhere = other
        .get(app.url("/api/v1/modules"))
        .send()
        .await
        .expect("request");
    let modules: Vec<Value> = elsewhere.json().await.expect("json");
    let globex_leads = modules[0]["id"].as_str().expect("id").to_owned();
    let globex_record: Value = other
        .post(app.url("/api/v1/records"))
        .header("x-requested-with", "consentry")
        .json(&json!({"module_id": globex_leads, "fields": {"last_name": "Globex"}}))
        .send()
        .await
        .expect("request")
        .json()
        .await
        .expect("json");
    let foreign = with_key(
        &app,
        &reader,
        Method::GET,
        &format!(
            "/api/v1/records/{}",
            globex_record["id"].as_str().expect("id")
        ),
        None,
    )
    .await;
    assert_eq!(foreign.status(), StatusCode::NOT_FOUND);

    // Revoked, or never issued: 401.
    let revoked = app
        .send(
            Method::DELETE,
            &format!("/api/v1/api-keys/{reader_id}"),
            &json!({}),
        )
        .await;
    assert_eq!(revoked.status(), StatusCode::OK);
    let after = with_key(&app, &reader, Method::GET, "/api/v1/records", None).await;
    assert_eq!(
        error_body(after, StatusCode::UNAUTHORIZED).await["error"],
        "unknown_api_key"
    );
    let bogus = with_key(&app, "ck_nothing", Method::GET, "/api/v1/records", None).await;
    assert_eq!(bogus.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn api_reads_leave_out_what_the_preference_says_and_only_administrators_make_keys() {
    let app = spawn_app().await;
    app.set_up().await;
    let leads = app.module_id("leads").await;
    let record: Value = app
        .post(
            "/api/v1/records",
            &json!({"module_id": leads, "fields": {"first_name": "Sara", "last_name": "Bos",
                    "email": "sara@example.nl", "company": "Bos BV"}}),
        )
        .await
        .json()
        .await
        .expect("json");
    let record = record["id"].as_str().expect("id").to_owned();
    let mut settings: Value = app
        .get("/api/v1/compliance/settings")
        .await
        .json()
        .await
        .expect("json");
    settings["personal_data"]["api"] = json!("all_personal");
    app.send(Method::PUT, "/api/v1/compliance/settings", &settings)
        .await;
    let (_, reader) = key(&app, "Mailing tool", &["records:read"]).await;
    let read: Value = with_key(
        &app,
        &reader,
        Method::GET,
        &format!("/api/v1/records/{record}"),
        None,
    )
    .await
    .json()
    .await
    .expect("json");
    for key in ["first_name", "last_name", "email"] {
        assert!(
            read["fields"].get(key).is_none_or(Value::is_null),
            "{key}: {read}"
        );
    }
    assert_eq!(read["fields"]["company"], "Bos BV");
    assert!(read.get("masked").is_none(), "left out, not masked: {read}");
    let page: Value = with_key(&app, &reader, Method::GET, "/api/v1/records", None)
        .await
        .json()
        .await
        .expect("json");
    assert!(!page.to_string().contains("sara@example.nl"));
    // The administrator still sees everything.
    let own: Value = app
        .get(&format!("/api/v1/records/{record}"))
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(own["fields"]["email"], "sara@example.nl");

    let staff = app.user_client("sam@acme.example", "standard").await;
    let refused = staff
        .post(app.url("/api/v1/api-keys"))
        .header("x-requested-with", "consentry")
        .json(&json!({"name": "Mine", "scopes": ["records:read"]}))
        .send()
        .await
        .expect("request");
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let no_scope = app
        .post("/api/v1/api-keys", &json!({"name": "Empty", "scopes": []}))
        .await;
    assert_eq!(
        error_body(no_scope, StatusCode::BAD_REQUEST).await["field"],
        "scopes"
    );
    let no_name = app
        .post(
            "/api/v1/api-keys",
            &json!({"name": " ", "scopes": ["records:read"]}),
        )
        .await;
    assert_eq!(
        error_body(no_name, StatusCode::BAD_REQUEST).await["field"],
        "name"
    );
    let unknown = app
        .post(
            "/api/v1/api-keys",
            &json!({"name": "X", "scopes": ["everything"]}),
        )
        .await;
    assert_eq!(unknown.status(), StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn consent_and_request_scopes_open_their_routes_only() {
    let app = spawn_app().await;
    app.set_up().await;
    let leads = app.with_compliance("leads").await;
    let record: Value = app
        .post(
            "/api/v1/records",
            &json!({"module_id": leads, "fields": {"last_name": "Smit", "email": "smit@example.nl"}}),
        )
        .await
        .json()
        .await
        .expect("json");
    let record = record["id"].as_str().expect("id").to_owned();
    let (_, dsr) = key(&app, "Helpdesk", &["dsr:read", "dsr:write"]).await;
    let (_, consent) = key(&app, "Mailer", &["consent:read", "consent:write"]).await;

    // A request filed and verified by the helpdesk system, then found in the queue.
    let filed = with_key(
        &app,
        &dsr,
        Method::POST,
        &format!("/api/v1/records/{record}/requests"),
        Some(
            json!({"kind": "access", "source": "api", "requested_by": "smit@example.nl",
                    "requested_on": "2026-11-20"}),
        ),
    )
    .await;
    assert_eq!(
        filed.status(),
        StatusCode::CREATED,
        "{:?}",
        filed.text().await
    );
    let page: Value = with_key(&app, &dsr, Method::GET, "/api/v1/requests", None)
        .await
        .json()
        .await
        .expect("json");
    let queue = page["requests"].as_array().expect("requests");
    assert_eq!(queue.len(), 1);
    let request = queue[0]["id"].as_str().expect("id").to_owned();
    let verified = with_key(
        &app,
        &dsr,
        Method::POST,
        &format!("/api/v1/requests/{request}/actions"),
        Some(json!({"action": "verify"})),
    )
    .await;
    let verified: Value = verified.json().await.expect("json");
    assert_eq!(verified["status"], "verified");
    let check: Value = with_key(
        &app,
        &dsr,
        Method::GET,
        "/api/v1/suppressions/check?email=smit@example.nl",
        None,
    )
    .await
    .json()
    .await
    .expect("json");
    assert_eq!(check["suppressed"], false);
    // The request routes are not the consent key's, nor the records routes the DSR key's.
    for (secret, path) in [
        (&consent, "/api/v1/requests".to_owned()),
        (&dsr, format!("/api/v1/records/{record}/consent-events")),
        (&dsr, "/api/v1/records".to_owned()),
    ] {
        let refused = with_key(&app, secret, Method::GET, &path, None).await;
        assert_eq!(refused.status(), StatusCode::FORBIDDEN, "{path}");
    }

    // The mailer reads consent events and may ask for consent.
    let events = with_key(
        &app,
        &consent,
        Method::GET,
        &format!("/api/v1/records/{record}/consent-events"),
        None,
    )
    .await;
    assert_eq!(events.status(), StatusCode::OK);
    let asked = with_key(
        &app,
        &consent,
        Method::POST,
        &format!("/api/v1/records/{record}/consent-requests"),
        Some(json!({"form_id": uuid::Uuid::now_v7()})),
    )
    .await;
    // Past the scope check, the same refusal as in the app: no such published form.
    let refused = error_body(asked, StatusCode::BAD_REQUEST).await;
    assert_eq!(refused["field"], "form_id", "{refused}");
}

#[tokio::test]
async fn consent_the_integrator_obtained_is_recorded_with_its_evidence() {
    let app = spawn_app().await;
    app.set_up().await;
    let leads = app.with_compliance("leads").await;
    let contacts = app.module_id("contacts").await;
    let new_record = |module: &str, name: &str| json!({"module_id": module, "fields": {"last_name": name, "email": format!("{name}@example.nl")}});
    let record: Value = app
        .post("/api/v1/records", &new_record(&leads, "jansen"))
        .await
        .json()
        .await
        .expect("json");
    let record = record["id"].as_str().expect("id").to_owned();
    let untracked: Value = app
        .post("/api/v1/records", &new_record(&contacts, "visser"))
        .await
        .json()
        .await
        .expect("json");
    let untracked = untracked["id"].as_str().expect("id").to_owned();
    let (_, crm) = key(&app, "CRM", &["consent:write", "records:read"]).await;
    let (_, writer) = key(&app, "Writer", &["records:write", "consent:read"]).await;
    let path = format!("/api/v1/records/{record}/consent");
    let granted = json!({"decision": "granted", "date": "2026-11-20", "through": "phone",
        "contact_through": ["phone", "email"], "evidence": "Call 4411, recording kept 2 years"});

    // The scope is consent:write: records:write is not enough.
    let refused = with_key(&app, &writer, Method::POST, &path, Some(granted.clone())).await;
    assert_eq!(
        error_body(refused, StatusCode::FORBIDDEN).await["error"],
        "missing_scope"
    );

    // A channel sent twice is refused, not folded away.
    let mut twice = granted.clone();
    twice["contact_through"] = json!(["phone", "email", "phone"]);
    let refused = with_key(&app, &crm, Method::POST, &path, Some(twice)).await;
    assert_eq!(
        error_body(refused, StatusCode::BAD_REQUEST).await["field"],
        "contact_through"
    );
    let recorded = with_key(&app, &crm, Method::POST, &path, Some(granted.clone())).await;
    assert_eq!(recorded.status(), StatusCode::OK);
    let recorded: Value = recorded.json().await.expect("json");
    let privacy = &recorded["privacy"];
    assert_eq!(privacy["basis"], "consent");
    assert_eq!(privacy["consent"]["status"], "obtained");
    assert_eq!(privacy["consent"]["date"], "2026-11-20");
    assert_eq!(privacy["consent"]["through"], "phone");
    assert_eq!(
        privacy["consent"]["contact_through"],
        json!(["email", "phone"])
    );
    assert_eq!(
        privacy["consent"]["remarks"],
        "Call 4411, recording kept 2 years"
    );
    let events: Vec<Value> = with_key(
        &app,
        &crm,
        Method::GET,
        &format!("/api/v1/records/{record}/events"),
        None,
    )
    .await
    .json()
    .await
    .expect("json");
    let last = events.last().expect("an event");
    assert_eq!(last["source"], "api");
    assert_eq!(last["actor"], "CRM");
    assert_eq!(last["after_status"], "obtained");

    // Each mistake is named; nothing changes.
    for (body, status, what) in [
        (
            json!({"date": "2999-01-01"}),
            StatusCode::BAD_REQUEST,
            "date",
        ),
        (
            json!({"evidence": " "}),
            StatusCode::BAD_REQUEST,
            "evidence",
        ),
        (
            json!({"contact_through": []}),
            StatusCode::BAD_REQUEST,
            "contact_through",
        ),
        (
            json!({"decision": "withdrawn", "contact_through": ["email"]}),
            StatusCode::BAD_REQUEST,
            "contact_through",
        ),
    ] {
        let mut wrong = granted.clone();
        for (k, v) in body.as_object().expect("object") {
            wrong[k] = v.clone();
        }
        let answer = with_key(&app, &crm, Method::POST, &path, Some(wrong)).await;
        assert_eq!(error_body(answer, status).await["field"], what);
    }
    let withdrawn = json!({"decision": "withdrawn", "date": "2026-11-28", "through": "email",
        "evidence": "Reply to newsletter, ticket 88"});
    let answer = with_key(&app, &crm, Method::POST, &path, Some(withdrawn.clone())).await;
    let answer: Value = answer.json().await.expect("json");
    assert_eq!(answer["privacy"]["consent"]["status"], "withdrawn");
    assert_eq!(answer["privacy"]["consent"]["contact_through"], json!([]));
    // Withdrawing twice: consent is no longer there to withdraw.
    let twice = with_key(&app, &crm, Method::POST, &path, Some(withdrawn)).await;
    assert_eq!(
        error_body(twice, StatusCode::CONFLICT).await["error"],
        "invalid_transition"
    );
    // A refusal stops processing, after which the record takes no more decisions by API.
    let refusal = json!({"decision": "refused", "date": "2026-11-29", "through": "web_form",
        "evidence": "Preference centre submission 5512"});
    let answer = with_key(&app, &crm, Method::POST, &path, Some(refusal)).await;
    let answer: Value = answer.json().await.expect("json");
    assert_eq!(answer["privacy"]["consent"]["status"], "denied");
    assert_eq!(answer["privacy"]["stop_processing"], true);
    let stopped = with_key(&app, &crm, Method::POST, &path, Some(granted.clone())).await;
    assert_eq!(
        error_body(stopped, StatusCode::CONFLICT).await["error"],
        "stop_processing"
    );
    // A module without compliance tracks no consent.
    let off = with_key(
        &app,
        &crm,
        Method::POST,
        &format!("/api/v1/records/{untracked}/consent"),
        Some(granted),
    )
    .await;
    assert_eq!(
        error_body(off, StatusCode::CONFLICT).await["error"],
        "compliance_disabled"
    );
    // The audit trail names the key, never the evidence.
    let trail: Vec<Value> = app.get("/api/v1/audit").await.json().await.expect("json");
    let entries: Vec<&Value> = trail
        .iter()
        .filter(|e| e["action"] == "consent.recorded")
        .collect();
    assert_eq!(entries.len(), 3, "granted, withdrawn, refused");
    // Each says what the record became, not only what was recorded (newest first).
    assert_eq!(
        entries
            .iter()
            .map(|e| (e["after"]["basis"].clone(), e["after"]["status"].clone()))
            .collect::<Vec<_>>(),
        [
            (json!("consent"), json!("denied")),
            (json!("consent"), json!("withdrawn")),
            (json!("consent"), json!("obtained")),
        ]
    );
    assert!(entries.iter().all(|e| {
        e["actor"]
            .as_str()
            .is_some_and(|a| a.starts_with("API key CRM"))
    }));
    assert!(
        !serde_json::to_string(&trail)
            .expect("json")
            .contains("Call 4411")
    );
}

#[tokio::test]
async fn a_retried_post_with_the_same_idempotency_key_writes_once() {
    let app = spawn_app().await;
    app.set_up().await;
    let leads = app.module_id("leads").await;
    let (_, writer) = key(&app, "Shop", &["records:write", "records:read"]).await;
    let body = json!({"module_id": leads, "fields": {"last_name": "Eenmaal"}});
    let post = |key: &'static str, body: Value| {
        let app = &app;
        let writer = writer.clone();
        async move {
            reqwest::Client::new()
                .post(app.url("/api/v1/records"))
                .bearer_auth(writer)
                .header("idempotency-key", key)
                .json(&body)
                .send()
                .await
                .expect("request")
        }
    };
    let first = post("order-1001", body.clone()).await;
    assert_eq!(first.status(), StatusCode::CREATED);
    assert!(first.headers().get("idempotent-replayed").is_none());
    let first: Value = first.json().await.expect("json");
    let again = post("order-1001", body.clone()).await;
    assert_eq!(again.status(), StatusCode::CREATED);
    assert_eq!(again.headers()["idempotent-replayed"], "true");
    let again: Value = again.json().await.expect("json");
    assert_eq!(
        again["id"], first["id"],
        "the first answer, not a second record"
    );
    let page: Value = with_key(
        &app,
        &writer,
        Method::GET,
        "/api/v1/records?q=Eenmaal",
        None,
    )
    .await
    .json()
    .await
    .expect("json");
    assert_eq!(page["records"].as_array().map(Vec::len), Some(1));

    // The same key for another request is refused; a refused request can be retried fixed.
    let other = post(
        "order-1001",
        json!({"module_id": leads, "fields": {"last_name": "Anders"}}),
    )
    .await;
    assert_eq!(
        error_body(other, StatusCode::CONFLICT).await["error"],
        "idempotency_key_reused"
    );
    let bad = post(
        "order-1002",
        json!({"module_id": leads, "fields": {"email": "nope"}}),
    )
    .await;
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
    let replayed_bad = post(
        "order-1002",
        json!({"module_id": leads, "fields": {"email": "nope"}}),
    )
    .await;
    assert_eq!(replayed_bad.status(), StatusCode::BAD_REQUEST);
    assert_eq!(replayed_bad.headers()["idempotent-replayed"], "true");
    // Another caller's key of the same name is theirs alone.
    let mine = app
        .client
        .post(app.url("/api/v1/records"))
        .header("x-requested-with", "consentry")
        .header("idempotency-key", "order-1001")
        .json(&json!({"module_id": leads, "fields": {"last_name": "Eigen"}}))
        .send()
        .await
        .expect("request");
    assert_eq!(mine.status(), StatusCode::CREATED);
    assert!(mine.headers().get("idempotent-replayed").is_none());
}

#[tokio::test]
async fn paging_by_cursor_stays_stable_while_records_are_added() {
    let app = spawn_app().await;
    app.set_up().await;
    let leads = app.module_id("leads").await;
    for n in 0..25 {
        app.post(
            "/api/v1/records",
            &json!({"module_id": leads, "fields": {"last_name": format!("Eerst {n:02}")}}),
        )
        .await;
    }
    let (_, reader) = key(&app, "Sync", &["records:read"]).await;
    let mut seen = Vec::new();
    let mut after: Option<String> = None;
    let mut added = 0;
    loop {
        let path = match &after {
            Some(cursor) => format!("/api/v1/records?limit=10&sort=oldest&after={cursor}"),
            None => "/api/v1/records?limit=10&sort=oldest".to_owned(),
        };
        let page: Value = with_key(&app, &reader, Method::GET, &path, None)
            .await
            .json()
            .await
            .expect("json");
        for record in page["records"].as_array().expect("records") {
            seen.push(
                record["fields"]["last_name"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned(),
            );
        }
        // Others keep adding records between the integrator's pages.
        if added < 3 {
            app.post(
                "/api/v1/records",
                &json!({"module_id": leads, "fields": {"last_name": format!("Later {added}")}}),
            )
            .await;
            added += 1;
        }
        match page["next"].as_str() {
            Some(next) => after = Some(next.to_owned()),
            None => break,
        }
    }
    let firsts: Vec<&String> = seen.iter().filter(|n| n.starts_with("Eerst")).collect();
    assert_eq!(
        firsts.len(),
        25,
        "every record there at the start, once: {seen:?}"
    );
    let mut unique = seen.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), seen.len(), "no record twice: {seen:?}");
}
