use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{
    Options, SmtpSink, TestApp, error_body, new_client, newest_message_text, second_tenant_client,
    send_as, spawn_app, spawn_app_with,
};

/// Compliance on for Leads and Contacts, and the subject in both.
pub async fn subject_in_two_modules(app: &TestApp, email: &str) {
    for module in ["leads", "contacts"] {
        let id = app.module_id(module).await;
        app.send(
            Method::PUT,
            &format!("/api/v1/modules/{id}/compliance"),
            &json!({"compliance_enabled": true}),
        )
        .await;
        let created = app
            .post(
                "/api/v1/records",
                &json!({"module_id": id, "fields": {"last_name": "Smit", "email": email}}),
            )
            .await;
        assert_eq!(created.status(), StatusCode::CREATED);
    }
}

pub async fn ask(app: &TestApp, body: &Value) -> reqwest::Response {
    send_as(
        &new_client(),
        Method::POST,
        &app.url("/api/public/privacy/acme"),
        body,
    )
    .await
}

pub async fn answer(app: &TestApp, challenge: &str, code: &str) -> reqwest::Response {
    send_as(
        &new_client(),
        Method::POST,
        &app.url(&format!("/api/public/privacy/challenges/{challenge}")),
        &json!({"code": code}),
    )
    .await
}

/// The six-digit code in a message.
pub fn code_in(text: &str) -> String {
    text.split_whitespace()
        .find(|w| w.len() == 6 && w.bytes().all(|b| b.is_ascii_digit()))
        .expect("a code")
        .to_owned()
}

#[tokio::test]
async fn a_subject_proves_their_address_with_the_mailed_code_and_the_request_is_filed() {
    let sink = SmtpSink::start();
    let app = spawn_app_with(Options {
        smtp_port: Some(sink.port),
        ..Options::default()
    })
    .await;
    app.set_up().await;
    subject_in_two_modules(&app, "eva@example.nl").await;
    let centre: Value = reqwest::get(app.url("/api/public/privacy/acme"))
        .await
        .expect("request")
        .json()
        .await
        .expect("json");
    assert_eq!(centre["organisation"], "Acme B.V.");

    let asked = ask(
        &app,
        &json!({"kind": "access", "email": "Eva@Example.nl", "lang": "nl"}),
    )
    .await;
    assert_eq!(asked.status(), StatusCode::ACCEPTED);
    let challenge = asked.json::<Value>().await.expect("json")["challenge"]
        .as_str()
        .expect("challenge")
        .to_owned();
    let mail = sink.wait_for(1).await.remove(0);
    assert!(mail.contains("uw bevestigingscode"), "{mail}");
    let code = code_in(&mail.replace("=\r\n", "").replace("=\n", ""));
    let wrong = if code == "000000" { "111111" } else { "000000" };
    let refused = error_body(
        answer(&app, &challenge, wrong).await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(refused["field"], "code");
    assert!(
        refused["message"]
            .as_str()
            .is_some_and(|m| m.contains("4 more")),
        "{refused}"
    );

    let filed = answer(&app, &challenge, &code).await;
    assert_eq!(filed.status(), StatusCode::OK);
    let queue = app.queue("/api/v1/requests").await;
    assert_eq!(queue.len(), 1);
    let request = &queue[0];
    assert_eq!(request["kind"], "access");
    assert_eq!(request["source"], "portal");
    assert_eq!(request["status"], "verified");
    assert_eq!(
        request["records"].as_array().map(Vec::len),
        Some(2),
        "found by exact address in both modules"
    );
    let again = answer(&app, &challenge, &code).await;
    assert_eq!(
        error_body(again, StatusCode::GONE).await["error"],
        "code_used"
    );

    // The subject hears of an extension and of the end, in the language they asked in.
    let id = request["id"].as_str().expect("id");
    let extended = app
        .post(
            &format!("/api/v1/requests/{id}/actions"),
            &json!({"action": "extend", "months": 1, "reason": "Veel systemen"}),
        )
        .await;
    assert_eq!(extended.status(), StatusCode::OK);
    let done = app
        .post(
            &format!("/api/v1/requests/{id}/actions"),
            &json!({"action": "complete"}),
        )
        .await;
    assert_eq!(done.status(), StatusCode::OK);
    let mails = sink.wait_for(3).await;
    let decoded: Vec<String> = mails
        .iter()
        .map(|m| m.replace("=\r\n", "").replace("=\n", ""))
        .collect();
    assert!(
        decoded
            .iter()
            .any(|m| m.contains("meer tijd") && m.contains("Veel systemen")),
        "{decoded:?}"
    );
    assert!(
        decoded
            .iter()
            .any(|m| m.contains("uw verzoek is afgehandeld")),
        "{decoded:?}"
    );
}

#[tokio::test]
async fn unknown_addresses_get_the_same_answer_and_codes_expire_and_run_out() {
    let app = spawn_app().await;
    app.set_up().await;
    // Unknown address: the same answer; the code still files a request, with no records.
    let asked = ask(
        &app,
        &json!({"kind": "erasure", "email": "nobody@example.nl", "lang": "en"}),
    )
    .await;
    assert_eq!(asked.status(), StatusCode::ACCEPTED);
    let body: Value = asked.json().await.expect("json");
    assert!(body["challenge"].is_string() && body["expires_at"].is_string());
    let code = code_in(&newest_message_text(&app).await);
    let challenge = body["challenge"].as_str().expect("id").to_owned();
    assert_eq!(
        answer(&app, &challenge, &code).await.status(),
        StatusCode::OK
    );

    // Five wrong codes spend a challenge, even for the right code after.
    let asked: Value = ask(
        &app,
        &json!({"kind": "access", "email": "guess@example.nl", "lang": "en"}),
    )
    .await
    .json()
    .await
    .expect("json");
    let challenge = asked["challenge"].as_str().expect("id").to_owned();
    let code = code_in(&newest_message_text(&app).await);
    let wrong = if code == "000000" { "111111" } else { "000000" };
    for _ in 0..5 {
        assert_eq!(
            answer(&app, &challenge, wrong).await.status(),
            StatusCode::BAD_REQUEST
        );
    }
    let locked = answer(&app, &challenge, &code).await;
    assert_eq!(
        error_body(locked, StatusCode::GONE).await["error"],
        "too_many_attempts"
    );

    // An expired code.
    let asked: Value = ask(
        &app,
        &json!({"kind": "access", "email": "late@example.nl", "lang": "en"}),
    )
    .await
    .json()
    .await
    .expect("json");
    let challenge = asked["challenge"].as_str().expect("id").to_owned();
    crate::rows::Rows::of(&app)
        .await
        .set_time(
            "privacy_challenges",
            "expires_at",
            "true",
            chrono::DateTime::UNIX_EPOCH,
        )
        .await;
    let late = answer(&app, &challenge, "123456").await;
    assert_eq!(
        error_body(late, StatusCode::GONE).await["error"],
        "code_expired"
    );

    // Bad input is named; a rectification needs to say what is wrong.
    let bad = ask(
        &app,
        &json!({"kind": "access", "email": "nope", "lang": "en"}),
    )
    .await;
    assert_eq!(
        error_body(bad, StatusCode::BAD_REQUEST).await["field"],
        "email"
    );
    let bad = ask(
        &app,
        &json!({"kind": "rectification", "email": "a@example.nl", "lang": "en"}),
    )
    .await;
    assert_eq!(
        error_body(bad, StatusCode::BAD_REQUEST).await["field"],
        "details"
    );
    let unknown = send_as(
        &new_client(),
        Method::POST,
        &app.url("/api/public/privacy/globex"),
        &json!({"kind": "access", "email": "a@example.nl", "lang": "en"}),
    )
    .await;
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);

    // Five requests an hour for one address; the sixth waits.
    for _ in 0..4 {
        let ok = ask(
            &app,
            &json!({"kind": "access", "email": "many@example.nl", "lang": "en"}),
        )
        .await;
        assert_eq!(ok.status(), StatusCode::ACCEPTED);
    }
    let ok = ask(
        &app,
        &json!({"kind": "access", "email": "many@example.nl", "lang": "en"}),
    )
    .await;
    assert_eq!(ok.status(), StatusCode::ACCEPTED);
    let flooded = ask(
        &app,
        &json!({"kind": "access", "email": "many@example.nl", "lang": "en"}),
    )
    .await;
    assert_eq!(flooded.status(), StatusCode::TOO_MANY_REQUESTS);
}

/// Jo's record (in two modules with compliance on): the first the search finds.
async fn jo_record(app: &TestApp) -> String {
    subject_in_two_modules(app, "jo@example.nl").await;
    let records: Value = app
        .get("/api/v1/records?q=jo@example.nl")
        .await
        .json()
        .await
        .expect("json");
    records["records"][0]["id"].as_str().expect("id").to_owned()
}

/// Every request of the queue once, page by page, soonest deadline first (ties by id).
async fn walk_queue(app: &TestApp, query: &str, limit: u32) -> (Vec<Value>, u64) {
    let mut seen = Vec::new();
    let mut after: Option<String> = None;
    for _ in 0..100 {
        let cursor = after
            .as_deref()
            .map(|c| format!("&after={c}"))
            .unwrap_or_default();
        let page: Value = app
            .get(&format!("/api/v1/requests?limit={limit}{query}{cursor}"))
            .await
            .json()
            .await
            .expect("json");
        let requests = page["requests"].as_array().expect("requests");
        assert!(requests.len() <= limit as usize, "{page}");
        seen.extend(requests.iter().cloned());
        match page["next"].as_str() {
            Some(next) => after = Some(next.to_owned()),
            None => return (seen, page["total"].as_u64().expect("total")),
        }
    }
    panic!("the queue never ends: {} requests seen", seen.len());
}

#[tokio::test]
async fn the_queue_comes_a_page_at_a_time_with_every_request_once() {
    let app = spawn_app().await;
    app.set_up().await;
    let record = jo_record(&app).await;
    let today = chrono::Utc::now().date_naive();
    let file = |days_ago: u64, kind: &'static str| {
        let on = today - chrono::Days::new(days_ago);
        let app = &app;
        let path = format!("/api/v1/records/{record}/requests");
        async move {
            let filed = app
                .post(
                    &path,
                    &json!({"kind": kind, "source": "email", "requested_by": "Jo Smit",
                            "requested_on": on.to_string()}),
                )
                .await;
            assert_eq!(filed.status(), StatusCode::CREATED);
            filed.json::<Value>().await.expect("json")
        }
    };
    // Eleven requests over five days, several on the same day: the id breaks the tie.
    let mut filed = Vec::new();
    for (days_ago, kind) in [
        (3, "access"),
        (9, "erasure"),
        (3, "erasure"),
        (1, "access"),
        (9, "access"),
        (3, "portability"),
        (20, "erasure"),
        (1, "erasure"),
        (3, "access"),
        (9, "rectification"),
        (5, "access"),
    ] {
        filed.push(file(days_ago, kind).await);
    }
    let key = |r: &Value| {
        let deadline = r["extended_due_on"]
            .as_str()
            .or(r["due_on"].as_str())
            .expect("deadline")
            .to_owned();
        (deadline, r["id"].as_str().expect("id").to_owned())
    };
    let mut expected: Vec<_> = filed.iter().map(key).collect();
    expected.sort();

    let (seen, total) = walk_queue(&app, "", 4).await;
    assert_eq!(total, 11);
    assert_eq!(seen.iter().map(key).collect::<Vec<_>>(), expected);

    // Requests filed while someone pages: none seen twice, none of the rest lost.
    let first: Value = app
        .get("/api/v1/requests?limit=4")
        .await
        .json()
        .await
        .expect("json");
    let next = first["next"].as_str().expect("a second page").to_owned();
    let earliest = file(40, "access").await;
    let latest = file(0, "access").await;
    let mut rest = Vec::new();
    let mut after = Some(next);
    while let Some(cursor) = after {
        let page: Value = app
            .get(&format!("/api/v1/requests?limit=4&after={cursor}"))
            .await
            .json()
            .await
            .expect("json");
        assert_eq!(page["total"], 13, "the total counts what is there now");
        rest.extend(
            page["requests"]
                .as_array()
                .expect("requests")
                .iter()
                .map(key),
        );
        after = page["next"].as_str().map(str::to_owned);
    }
    let mut expected_rest = expected[4..].to_vec();
    expected_rest.push(key(&latest));
    assert_eq!(rest, expected_rest, "the earlier one falls before the page");
    assert!(!rest.contains(&key(&earliest)));

    // Filters page too; a refused request leaves the open ones.
    let refused = app
        .post(
            &format!(
                "/api/v1/requests/{}/actions",
                filed[0]["id"].as_str().expect("id")
            ),
            &json!({"action": "reject", "reason": "Not the subject"}),
        )
        .await;
    assert_eq!(refused.status(), StatusCode::OK);
    let (erasures, total) = walk_queue(&app, "&kind=erasure", 2).await;
    assert_eq!(total, 4);
    assert!(erasures.iter().all(|r| r["kind"] == "erasure"));
    let (open, total) = walk_queue(&app, "&open=true", 5).await;
    assert_eq!(total, 12);
    assert!(
        open.iter().all(|r| r["id"] != filed[0]["id"]),
        "refused is closed"
    );
    assert_eq!(walk_queue(&app, "&open=true&status=rejected", 5).await.1, 0);

    // A cursor is of its list: with other filters it is refused, not read as a position.
    let erasures: Value = app
        .get("/api/v1/requests?limit=2&kind=erasure")
        .await
        .json()
        .await
        .expect("json");
    let next = erasures["next"].as_str().expect("a next page");
    for other in ["", "&kind=access", "&kind=erasure&open=true"] {
        let refused = app
            .get(&format!("/api/v1/requests?limit=2&after={next}{other}"))
            .await;
        let refused = error_body(refused, StatusCode::BAD_REQUEST).await;
        assert_eq!(refused["field"], "after", "{other}");
        assert!(
            refused["message"]
                .as_str()
                .is_some_and(|m| m.contains("another list")),
            "{refused}"
        );
    }
    let same = app
        .get(&format!(
            "/api/v1/requests?limit=2&after={next}&kind=erasure"
        ))
        .await;
    assert_eq!(same.status(), StatusCode::OK);

    // A made-up cursor or a limit out of range is a 400 naming the parameter.
    for (query, field) in [
        ("after=bm90LWEtY3Vyc29y", "after"),
        ("after=%25%25", "after"),
        ("limit=0", "limit"),
        ("limit=501", "limit"),
        ("limit=-1", "limit"),
        ("limit=ten", "limit"),
        ("limit=1&limit=2", "limit"),
        ("kind=access&kind=erasure", "kind"),
        ("open=maybe", "open"),
        ("limit=99999999999999999999", "limit"),
    ] {
        let refused = app.get(&format!("/api/v1/requests?{query}")).await;
        assert_eq!(
            error_body(refused, StatusCode::BAD_REQUEST).await["field"],
            field,
            "{query}"
        );
    }
    // What the parser found is said for a person, not in its words.
    for (query, said) in [
        ("limit=ten", "limit: enter a whole number, such as 50."),
        (
            "limit=99999999999999999999",
            "limit: enter a whole number, such as 50.",
        ),
        ("open=maybe", "open: enter true or false."),
        (
            "kind=bogus",
            "kind: choose one of access, rectification, portability, erasure, \
             stop_processing, objection (not bogus).",
        ),
    ] {
        let refused = app.get(&format!("/api/v1/requests?{query}")).await;
        assert_eq!(
            error_body(refused, StatusCode::BAD_REQUEST).await["message"],
            said,
            "{query}"
        );
    }
    let refused = app.get("/api/v1/suppressions/check").await;
    let refused = error_body(refused, StatusCode::BAD_REQUEST).await;
    assert_eq!(refused["field"], "email", "{refused}");
    let refused = app.get("/api/v1/records?module=not-a-uuid").await;
    let refused = error_body(refused, StatusCode::BAD_REQUEST).await;
    assert_eq!(refused["field"], "module");
    assert!(
        refused["message"]
            .as_str()
            .is_some_and(|m| m.starts_with("module: this is not an id")),
        "{refused}"
    );
}

#[tokio::test]
async fn the_queue_orders_by_deadline_and_each_action_follows_the_rules() {
    let app = spawn_app().await;
    app.set_up().await;
    let record = jo_record(&app).await;
    let today = chrono::Utc::now().date_naive();
    let recent = today - chrono::Days::new(2);
    let long_ago = today - chrono::Days::new(60);
    let file = |on: chrono::NaiveDate, kind: &'static str| {
        json!({"kind": kind, "source": "email", "requested_by": "Jo Smit",
               "requested_on": on.to_string()})
    };
    for (on, kind) in [(recent, "access"), (long_ago, "erasure")] {
        let filed = app
            .post(
                &format!("/api/v1/records/{record}/requests"),
                &file(on, kind),
            )
            .await;
        assert_eq!(filed.status(), StatusCode::CREATED);
    }
    let queue = app.queue("/api/v1/requests").await;
    assert_eq!(queue[0]["kind"], "erasure", "the earliest deadline first");
    let overview: Value = app
        .get("/api/v1/compliance/overview")
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(overview["requests"]["open"], 2);
    assert_eq!(
        overview["requests"]["overdue"], 1,
        "received two months ago"
    );
    let filtered = app.queue("/api/v1/requests?kind=access").await;
    assert_eq!(filtered.len(), 1);

    let id = queue[1]["id"].as_str().expect("id").to_owned();
    let act = |body: Value| {
        let path = format!("/api/v1/requests/{id}/actions");
        let app = &app;
        async move { app.post(&path, &body).await }
    };
    let early = act(json!({"action": "complete"})).await;
    assert_eq!(
        error_body(early, StatusCode::CONFLICT).await["error"],
        "request_status",
        "verify first"
    );
    assert_eq!(
        act(json!({"action": "verify"})).await.status(),
        StatusCode::OK
    );
    let extended: Value = act(json!({"action": "extend", "months": 1, "reason": "Many records"}))
        .await
        .json()
        .await
        .expect("json");
    let two_months = recent
        .checked_add_months(chrono::Months::new(2))
        .expect("date");
    assert_eq!(extended["extended_due_on"], two_months.to_string());
    let too_long = act(json!({"action": "extend", "months": 2, "reason": "More"})).await;
    assert_eq!(
        error_body(too_long, StatusCode::CONFLICT).await["error"],
        "extension_too_long"
    );
    let no_reason = act(json!({"action": "reject", "reason": ""})).await;
    assert_eq!(
        error_body(no_reason, StatusCode::BAD_REQUEST).await["field"],
        "reason"
    );
    let done: Value = act(json!({"action": "complete"}))
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(done["status"], "completed");
    assert_eq!(done["closed_by"], "Ada Admin");
    assert!(done["closed_on"].is_string());
    let steps: Vec<Value> = app
        .get("/api/v1/audit?action=request.changed")
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(steps.len(), 2, "verified, extended");
    let completed: Vec<Value> = app
        .get("/api/v1/audit?action=request.completed")
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(completed.len(), 1, "{completed:?}");
    assert_eq!(completed[0]["after"]["status"], "completed");

    let staff = app.user_client("sam@acme.example", "standard").await;
    let refused = staff
        .get(app.url("/api/v1/requests"))
        .send()
        .await
        .expect("request");
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let globex = second_tenant_client(&app).await;
    let hidden = globex
        .get(app.url(&format!("/api/v1/requests/{id}")))
        .send()
        .await
        .expect("request");
    assert_eq!(hidden.status(), StatusCode::NOT_FOUND);
}

/// Files a request by hand on a record and verifies it; its id.
async fn verified_request(app: &TestApp, record: &str, kind: &str) -> String {
    let filed: Value = app
        .post(
            &format!("/api/v1/records/{record}/requests"),
            &json!({"kind": kind, "source": "email", "requested_by": "Jo Smit",
                    "requested_on": chrono::Utc::now().date_naive().to_string()}),
        )
        .await
        .json()
        .await
        .expect("json");
    let id = filed["id"]
        .as_str()
        .unwrap_or_else(|| panic!("{filed}"))
        .to_owned();
    let verified = app
        .post(
            &format!("/api/v1/requests/{id}/actions"),
            &json!({"action": "verify"}),
        )
        .await;
    assert_eq!(verified.status(), StatusCode::OK);
    id
}

async fn stopped(app: &TestApp, record: &str) -> bool {
    let record: Value = app
        .get(&format!("/api/v1/records/{record}"))
        .await
        .json()
        .await
        .expect("json");
    record["privacy"]["stop_processing"] == true
}

#[tokio::test]
async fn stop_processing_and_objection_lock_records_and_lifting_is_audited() {
    let app = spawn_app().await;
    app.set_up().await;
    let leads = app.with_compliance("leads").await;
    let create = |basis: &'static str| {
        let app = &app;
        let leads = leads.clone();
        async move {
            let created: Value = app
                .post(
                    "/api/v1/records",
                    &json!({"module_id": leads, "fields": {"last_name": "Smit"},
                            "basis": {"basis": basis, "lawful_reason": "Customer relationship"}}),
                )
                .await
                .json()
                .await
                .expect("json");
            created["id"].as_str().expect("id").to_owned()
        }
    };
    // Stop processing: the record locks, edits are refused, the request completes.
    let record = create("contract").await;
    let request = verified_request(&app, &record, "stop_processing").await;
    let wrong = app
        .post(&format!("/api/v1/requests/{request}/objection"), &json!({}))
        .await;
    assert_eq!(
        error_body(wrong, StatusCode::CONFLICT).await["error"],
        "wrong_request_type"
    );
    let done: Value = app
        .post(
            &format!("/api/v1/requests/{request}/stop-processing"),
            &json!({}),
        )
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(done["status"], "completed");
    assert!(stopped(&app, &record).await);
    let edit = app
        .send(
            Method::PUT,
            &format!("/api/v1/records/{record}"),
            &json!({"last_name": "Changed"}),
        )
        .await;
    assert_eq!(
        error_body(edit, StatusCode::CONFLICT).await["error"],
        "stop_processing"
    );
    // Lifting needs a reason and is audited.
    let no_reason = app
        .post(
            &format!("/api/v1/records/{record}/resume-processing"),
            &json!({"reason": " "}),
        )
        .await;
    assert_eq!(
        error_body(no_reason, StatusCode::BAD_REQUEST).await["field"],
        "reason"
    );
    let resumed = app
        .post(
            &format!("/api/v1/records/{record}/resume-processing"),
            &json!({"reason": "Subject withdrew the restriction by phone"}),
        )
        .await;
    assert_eq!(resumed.status(), StatusCode::OK);
    assert!(!stopped(&app, &record).await);
    let audit: Vec<Value> = app
        .get("/api/v1/audit?action=record.processing_resumed")
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(audit.len(), 1);

    // Objection: Legitimate Interests stops; with overriding grounds it is refused instead.
    let legitimate = create("legitimate_interests").await;
    let objection = verified_request(&app, &legitimate, "objection").await;
    let decided: Value = app
        .post(
            &format!("/api/v1/requests/{objection}/objection"),
            &json!({}),
        )
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(decided["status"], "completed");
    assert!(stopped(&app, &legitimate).await);
    let other = create("legitimate_interests").await;
    let overridden = verified_request(&app, &other, "objection").await;
    let refused: Value = app
        .post(
            &format!("/api/v1/requests/{overridden}/objection"),
            &json!({"overriding_grounds": "Fraud prevention required by law"}),
        )
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(refused["status"], "rejected");
    assert_eq!(
        refused["rejection_reason"],
        "Fraud prevention required by law"
    );
    assert!(!stopped(&app, &other).await);
    let contract = create("contract").await;
    let not_legitimate = verified_request(&app, &contract, "objection").await;
    app.post(
        &format!("/api/v1/requests/{not_legitimate}/objection"),
        &json!({}),
    )
    .await;
    assert!(
        !stopped(&app, &contract).await,
        "only Legitimate Interests stop"
    );
}

#[tokio::test]
async fn a_rectification_is_applied_to_the_requests_own_records_as_its_data_source() {
    let app = spawn_app().await;
    app.set_up().await;
    subject_in_two_modules(&app, "an@example.nl").await;
    let found: Value = app
        .get("/api/v1/records?q=an@example.nl")
        .await
        .json()
        .await
        .expect("json");
    let record = found["records"][0]["id"].as_str().expect("id").to_owned();
    let other: Value = app
        .post(
            "/api/v1/records",
            &json!({"module_id": app.module_id("leads").await, "fields": {"last_name": "Ander"}}),
        )
        .await
        .json()
        .await
        .expect("json");
    let request = verified_request(&app, &record, "rectification").await;
    let fix = |id: &str, last: &str| {
        json!({"record_id": id, "fields": {"first_name": "An", "last_name": last,
               "email": "an@example.nl"}})
    };
    let not_its = app
        .post(
            &format!("/api/v1/requests/{request}/rectify"),
            &fix(other["id"].as_str().expect("id"), "Smid"),
        )
        .await;
    assert_eq!(
        error_body(not_its, StatusCode::BAD_REQUEST).await["field"],
        "record_id"
    );
    let bad = app
        .post(
            &format!("/api/v1/requests/{request}/rectify"),
            &json!({"record_id": record, "fields": {"last_name": "Smid", "email": "not-an-address"}}),
        )
        .await;
    assert_eq!(
        error_body(bad, StatusCode::BAD_REQUEST).await["field"],
        "fields.email"
    );
    let fixed: Value = app
        .post(
            &format!("/api/v1/requests/{request}/rectify"),
            &fix(&record, "Smid"),
        )
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(fixed["fields"]["last_name"], "Smid");
    assert_eq!(fixed["updated"]["detail"], "Rectification request");
    // The trail says which fields changed and why, never their values; the report names them.
    let trail: Value = app
        .get("/api/v1/audit?action=record.updated")
        .await
        .json()
        .await
        .expect("json");
    let entry = trail
        .as_array()
        .and_then(|e| e.iter().find(|e| e["subject"] == record.as_str()))
        .expect("record.updated entry")
        .clone();
    assert_eq!(
        entry["after"],
        json!({"fields": ["first_name", "last_name"], "reason": "Rectification request"}),
        "{entry}"
    );
    let report = app
        .get(&format!("/api/v1/requests/{request}/report?lang=nl"))
        .await
        .text()
        .await
        .expect("html");
    assert!(
        report.contains("<dt>Velden</dt><dd>Voornaam, Achternaam</dd>")
            && report.contains("Verzoek tot rectificatie"),
        "{report}"
    );
    assert!(!report.contains("Smid"), "no value in the trail: {report}");
    let done = app
        .post(
            &format!("/api/v1/requests/{request}/actions"),
            &json!({"action": "complete"}),
        )
        .await;
    assert_eq!(done.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_record_can_be_mailed_the_privacy_centre_but_not_while_processing_is_stopped() {
    let app = spawn_app().await;
    app.set_up().await;
    subject_in_two_modules(&app, "mia@example.nl").await;
    let found: Value = app
        .get("/api/v1/records?q=mia@example.nl")
        .await
        .json()
        .await
        .expect("json");
    let record = found["records"][0]["id"].as_str().expect("id").to_owned();
    let sent = app
        .post(
            &format!("/api/v1/records/{record}/data-request-link"),
            &json!({}),
        )
        .await;
    assert_eq!(sent.status(), StatusCode::ACCEPTED);
    let outbox: Value = app.get("/api/v1/outbox").await.json().await.expect("json");
    let message = &outbox["messages"][0];
    assert_eq!(message["recipient"], "mia@example.nl");
    assert!(
        message["body_text"]
            .as_str()
            .is_some_and(|b| b.contains(&app.url("/privacy/acme"))),
        "{message}"
    );
    let request = verified_request(&app, &record, "stop_processing").await;
    app.post(
        &format!("/api/v1/requests/{request}/stop-processing"),
        &json!({}),
    )
    .await;
    let refused = app
        .post(
            &format!("/api/v1/records/{record}/data-request-link"),
            &json!({}),
        )
        .await;
    assert_eq!(
        error_body(refused, StatusCode::CONFLICT).await["error"],
        "stop_processing"
    );
}

#[tokio::test]
async fn the_evidence_report_lists_every_step_with_the_chains_verdict() {
    let app = spawn_app().await;
    app.set_up().await;
    subject_in_two_modules(&app, "bo@example.nl").await;
    let found: Value = app
        .get("/api/v1/records?q=bo@example.nl")
        .await
        .json()
        .await
        .expect("json");
    let record = found["records"][0]["id"].as_str().expect("id").to_owned();
    let filed: Value = app
        .post(
            &format!("/api/v1/records/{record}/requests"),
            &json!({"kind": "stop_processing", "source": "email",
                    "requested_by": "<script>alert(1)</script>",
                    "requested_on": chrono::Utc::now().date_naive().to_string()}),
        )
        .await
        .json()
        .await
        .expect("json");
    let request = filed["id"].as_str().expect("id").to_owned();
    app.post(
        &format!("/api/v1/requests/{request}/actions"),
        &json!({"action": "verify"}),
    )
    .await;
    app.post(
        &format!("/api/v1/requests/{request}/stop-processing"),
        &json!({}),
    )
    .await;
    let report = app.get(&format!("/api/v1/requests/{request}/report")).await;
    assert_eq!(report.status(), StatusCode::OK);
    assert!(
        report.headers()["content-type"]
            .to_str()
            .is_ok_and(|t| t.starts_with("text/html"))
    );
    let html = report.text().await.expect("html");
    assert!(html.contains("<html lang=\"en\">"), "{html}");
    assert!(html.contains("Evidence of a data-subject request"));
    for action in [
        "Data subject request filed",
        "Data-subject request handled",
        "Processing stopped",
    ] {
        assert!(html.contains(action), "{action} in {html}");
    }
    assert!(
        html.contains("intact: every entry verifies. Entries checked:"),
        "{html}"
    );
    assert!(html.contains("&lt;script&gt;alert(1)"), "{html}");
    assert!(!html.contains("<script>"), "values are escaped");
    // Details are labelled facts, never raw JSON.
    assert!(!html.contains("{&quot;") && !html.contains("{\""), "{html}");

    // The document a Dutch regulator reads is Dutch through and through.
    let report = app
        .get(&format!("/api/v1/requests/{request}/report?lang=nl"))
        .await;
    assert_eq!(report.status(), StatusCode::OK);
    let html = report.text().await.expect("html");
    assert!(html.contains("<html lang=\"nl\">"), "{html}");
    for dutch in [
        "Bewijs van een verzoek van een betrokkene",
        "Uitgeoefend recht",
        "Verzoek van betrokkene geregistreerd",
        "Verwerking gestopt",
        "Elke stap",
        "intact: elke regel klopt",
        "Rapport gemaakt op",
    ] {
        assert!(html.contains(dutch), "{dutch} in {html}");
    }
    for english in [
        "Evidence of",
        "Every step",
        "Right exercised",
        "Received on",
        "Told the requester",
        "entries verify",
        "Generated",
        "stop processing",
        "request.created",
        "Status</dt><dd>verified",
    ] {
        assert!(
            !html.contains(english),
            "{english} left in the Dutch report: {html}"
        );
    }
    assert!(!html.contains("{&quot;") && !html.contains("{\""), "{html}");

    // A language Consentry does not speak is refused, naming the parameter.
    let refused = app
        .get(&format!("/api/v1/requests/{request}/report?lang=es"))
        .await;
    let body = error_body(refused, StatusCode::BAD_REQUEST).await;
    assert!(body.to_string().contains("lang"), "{body}");
}

#[tokio::test]
async fn steps_taken_on_one_request_at_once_are_taken_once() {
    let app = spawn_app().await;
    app.set_up().await;
    let leads = app.with_compliance("leads").await;
    let record = app
        .create_record(
            &leads,
            json!({"last_name": "Smit", "email": "jo@example.nl"}),
        )
        .await;
    // Two extensions of two months at once: the deadline moves once.
    let request = verified_request(&app, &record, "access").await;
    let extend = json!({"action": "extend", "months": 2, "reason": "Many records"});
    let path = format!("/api/v1/requests/{request}/actions");
    let answers = futures::future::join_all((0..4).map(|_| app.post(&path, &extend))).await;
    let done = answers
        .iter()
        .filter(|r| r.status() == StatusCode::OK)
        .count();
    assert_eq!(done, 1);
    // The officer and colleagues press at once: complete, refuse, stop, erase (last: it takes
    // the record).
    // Per request kind: the audit action of its step, and the presses (path, body).
    type Presses = Vec<(&'static str, Value)>;
    let steps: [(&str, &str, Presses); 4] = [
        (
            "access",
            "request.completed",
            vec![("actions", json!({"action": "complete"})); 6],
        ),
        (
            "access",
            "request.",
            [
                vec![("actions", json!({"action": "complete"})); 3],
                vec![
                    (
                        "actions",
                        json!({"action": "reject", "reason": "Not the subject"})
                    );
                    3
                ],
            ]
            .concat(),
        ),
        (
            "stop_processing",
            "request.completed",
            vec![("stop-processing", json!({})); 6],
        ),
        ("erasure", "subject.erased", vec![("erase", json!({})); 6]),
    ];
    for (kind, action, presses) in steps {
        let request = verified_request(&app, &record, kind).await;
        let before = audit_count(&app, action).await;
        let paths: Vec<String> = presses
            .iter()
            .map(|(path, _)| format!("/api/v1/requests/{request}/{path}"))
            .collect();
        let answers = futures::future::join_all(
            presses
                .iter()
                .zip(&paths)
                .map(|((_, body), path)| app.post(path, body)),
        )
        .await;
        let statuses: Vec<StatusCode> = answers.iter().map(reqwest::Response::status).collect();
        let done = statuses.iter().filter(|s| **s == StatusCode::OK).count();
        let refused = statuses
            .iter()
            .filter(|s| **s == StatusCode::CONFLICT)
            .count();
        assert_eq!(
            (done, refused),
            (1, presses.len() - 1),
            "{kind}: {statuses:?}"
        );
        assert_eq!(
            audit_count(&app, action).await - before,
            1,
            "{kind}: one step in the trail"
        );
    }
}

/// How many entries of actions starting with `action` the trail has.
async fn audit_count(app: &TestApp, action: &str) -> usize {
    let trail: Vec<Value> = app
        .get("/api/v1/audit?limit=500")
        .await
        .json()
        .await
        .expect("json");
    trail
        .iter()
        .filter(|e| e["action"].as_str().is_some_and(|a| a.starts_with(action)))
        .count()
}

#[tokio::test]
async fn a_stop_or_objection_that_loses_to_a_refusal_leaves_the_record_as_it_was() {
    let app = spawn_app().await;
    app.set_up().await;
    let leads = app.with_compliance("leads").await;
    for kind in ["stop_processing", "objection"] {
        for _ in 0..4 {
            let record = app
                .create_record(
                    &leads,
                    json!({"last_name": "Smit", "email": "jo@example.nl"}),
                )
                .await;
            let basis = app
                .send(
                    Method::PUT,
                    &format!("/api/v1/records/{record}/basis"),
                    &json!({"basis": "legitimate_interests", "lawful_reason": "Order follow-up"}),
                )
                .await;
            assert_eq!(basis.status(), StatusCode::OK);
            let request = verified_request(&app, &record, kind).await;
            let step = if kind == "objection" {
                "objection"
            } else {
                "stop-processing"
            };
            let carry_out = format!("/api/v1/requests/{request}/{step}");
            let refuse = format!("/api/v1/requests/{request}/actions");
            let reject = json!({"action": "reject", "reason": "Not the subject"});
            let nothing = json!({});
            let presses = (0..6).map(|i| {
                if i % 2 == 0 {
                    app.post(&carry_out, &nothing)
                } else {
                    app.post(&refuse, &reject)
                }
            });
            let answers = futures::future::join_all(presses).await;
            let done = answers
                .iter()
                .filter(|r| r.status() == StatusCode::OK)
                .count();
            assert_eq!(done, 1, "{kind}");
            let ended: Value = app
                .get(&format!("/api/v1/requests/{request}"))
                .await
                .json()
                .await
                .expect("json");
            // The record is restricted exactly when the request was carried out.
            assert_eq!(
                stopped(&app, &record).await,
                ended["status"] == "completed",
                "{kind}: {ended}"
            );
        }
    }
}
