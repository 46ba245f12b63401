use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{TestApp, error_body, spawn_app};

async fn enable(app: &TestApp, module: &str) {
    let response = app
        .send(
            Method::PUT,
            &format!("/api/v1/modules/{module}/compliance"),
            &json!({"compliance_enabled": true}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
}

/// Follows `next` two records at a time and returns every last name seen ("-" for none).
async fn last_names_page_by_page(app: &TestApp, query: &str) -> Vec<String> {
    names_and_ids_page_by_page(app, query)
        .await
        .into_iter()
        .map(|(name, _)| name)
        .collect()
}

/// Each record's last name ("-" without one) and id, two a page, in the order asked for.
async fn names_and_ids_page_by_page(app: &TestApp, query: &str) -> Vec<(String, String)> {
    let mut seen = Vec::new();
    let mut url = format!("/api/v1/records?{query}&limit=2");
    loop {
        let page: Value = app.get(&url).await.json().await.expect("json");
        for r in page["records"].as_array().expect("records") {
            seen.push((
                r["fields"]["last_name"].as_str().unwrap_or("-").to_owned(),
                r["id"].as_str().expect("id").to_owned(),
            ));
        }
        match page["next"].as_str() {
            Some(next) => url = format!("/api/v1/records?{query}&limit=2&after={next}"),
            None => return seen,
        }
    }
}

async fn create(app: &TestApp, module: &str, last_name: &str, email: &str) -> Value {
    let response = app
        .post(
            "/api/v1/records",
            &json!({"module_id": module, "fields": {"first_name": "Jan", "last_name": last_name,
                    "email": email}}),
        )
        .await;
    assert_eq!(
        response.status(),
        StatusCode::CREATED,
        "{:?}",
        response.text().await
    );
    response.json().await.expect("json")
}

#[tokio::test]
async fn enabling_compliance_gives_every_existing_record_not_applicable() {
    let app = spawn_app().await;
    app.set_up().await;
    let leads = app.module_id("leads").await;
    let before = create(&app, &leads, "Jansen", "jan@example.nl").await;
    assert!(
        before["privacy"].is_null(),
        "no Data Privacy section while compliance is off"
    );
    assert_eq!(before["created"]["through"], "manual");
    assert_eq!(before["created"]["by"], "Ada Admin");

    enable(&app, &leads).await;
    let id = before["id"].as_str().expect("id");
    let after: Value = app
        .get(&format!("/api/v1/records/{id}"))
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(after["privacy"]["basis"], "not_applicable");
    assert!(after["privacy"]["consent"].is_null());
    let created_later = create(&app, &leads, "Later", "later@example.nl").await;
    assert_eq!(created_later["privacy"]["basis"], "not_applicable");

    let overview: Value = app
        .get("/api/v1/compliance/overview")
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(overview["not_applicable"], 2);
    assert_eq!(overview["with_basis"], 0);
}

#[tokio::test]
async fn basis_changes_follow_the_consent_rules_and_leave_events() {
    let app = spawn_app().await;
    app.set_up().await;
    let contacts = app.module_id("contacts").await;
    enable(&app, &contacts).await;
    let record = create(&app, &contacts, "Jansen", "jan@example.nl").await;
    let path = format!("/api/v1/records/{}", record["id"].as_str().expect("id"));

    let consent: Value = app
        .send(
            Method::PUT,
            &format!("{path}/basis"),
            &json!({"basis": "consent"}),
        )
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(consent["privacy"]["consent"]["status"], "pending");

    let manual = app
        .send(
            Method::PUT,
            &format!("{path}/basis"),
            &json!({"basis": "consent", "consent": {"date": "2026-01-15", "through": "in_person",
                    "contact_through": ["email", "phone"], "remarks": "Signed at the fair"}}),
        )
        .await;
    assert_eq!(manual.status(), StatusCode::OK);
    let manual: Value = manual.json().await.expect("json");
    assert_eq!(manual["privacy"]["consent"]["status"], "obtained");
    assert_eq!(
        manual["privacy"]["consent"]["contact_through"],
        json!(["email", "phone"])
    );

    let contract: Value = app
        .send(
            Method::PUT,
            &format!("{path}/basis"),
            &json!({"basis": "contract", "lawful_reason": "Signed service agreement"}),
        )
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(contract["privacy"]["basis"], "contract");
    assert!(contract["privacy"]["consent"].is_null());
    assert_eq!(
        contract["privacy"]["lawful_reason"],
        "Signed service agreement"
    );

    let events: Vec<Value> = app
        .get(&format!("{path}/events"))
        .await
        .json()
        .await
        .expect("json");
    let steps: Vec<(Value, Value)> = events
        .iter()
        .map(|e| (e["after_basis"].clone(), e["after_status"].clone()))
        .collect();
    assert_eq!(
        steps,
        vec![
            (json!("consent"), json!("pending")),
            (json!("consent"), json!("obtained")),
            (json!("contract"), Value::Null),
        ]
    );
    assert!(
        events
            .iter()
            .all(|e| e["actor"] == "Ada Admin" && e["source"] == "manual")
    );

    let overview: Value = app
        .get("/api/v1/compliance/overview")
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(overview["with_basis"], 1);
    let contract_count = overview["per_basis"]
        .as_array()
        .and_then(|b| b.iter().find(|c| c["basis"] == "contract"))
        .map(|c| c["count"].clone());
    assert_eq!(contract_count, Some(json!(1)));
}

#[tokio::test]
async fn invalid_changes_name_the_field_and_change_nothing() {
    let app = spawn_app().await;
    app.set_up().await;
    let leads = app.module_id("leads").await;
    enable(&app, &leads).await;
    let bad_email = app
        .post(
            "/api/v1/records",
            &json!({"module_id": leads, "fields": {"last_name": "X", "email": "nope"}}),
        )
        .await;
    assert_eq!(
        error_body(bad_email, StatusCode::BAD_REQUEST).await["field"],
        "fields.email"
    );
    let nameless = app
        .post(
            "/api/v1/records",
            &json!({"module_id": leads, "fields": {}}),
        )
        .await;
    assert_eq!(
        error_body(nameless, StatusCode::BAD_REQUEST).await["field"],
        "fields.last_name"
    );

    let record = create(&app, &leads, "Jansen", "jan@example.nl").await;
    let path = format!(
        "/api/v1/records/{}/basis",
        record["id"].as_str().expect("id")
    );
    let reason_on_consent = app
        .send(
            Method::PUT,
            &path,
            &json!({"basis": "consent", "lawful_reason": "no"}),
        )
        .await;
    assert_eq!(
        error_body(reason_on_consent, StatusCode::BAD_REQUEST).await["field"],
        "lawful_reason",
        "named as in the body, which is the change itself"
    );
    let unknown_basis = app
        .send(Method::PUT, &path, &json!({"basis": "whim"}))
        .await;
    assert_eq!(
        error_body(unknown_basis, StatusCode::BAD_REQUEST).await["field"],
        "basis"
    );
    let events: Vec<Value> = app
        .get(&path.replace("/basis", "/events"))
        .await
        .json()
        .await
        .expect("json");
    assert!(
        events.is_empty(),
        "nothing was decided, so nothing was recorded"
    );
}

#[tokio::test]
async fn bulk_change_applies_to_the_filtered_set_only_after_the_count_is_confirmed() {
    let app = spawn_app().await;
    app.set_up().await;
    let leads = app.module_id("leads").await;
    let vendors = app.module_id("vendors").await;
    enable(&app, &leads).await;
    enable(&app, &vendors).await;
    for i in 0..3 {
        create(
            &app,
            &leads,
            &format!("Lead{i}"),
            &format!("lead{i}@example.nl"),
        )
        .await;
    }
    create(&app, &vendors, "Vendor", "vendor@example.nl").await;

    let count: Value = app
        .get(&format!(
            "/api/v1/records/count?module={leads}&basis=not_applicable"
        ))
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(count["count"], 3);

    let body = |confirmed: u64| {
        json!({"filter": {"module": leads, "basis": "not_applicable"},
               "change": {"basis": "legitimate_interests", "lawful_reason": "B2B prospects"},
               "confirmed_count": confirmed})
    };
    let stale = app.post("/api/v1/records/bulk-basis", &body(2)).await;
    let stale = error_body(stale, StatusCode::CONFLICT).await;
    assert_eq!(stale["error"], "count_changed");
    let overview: Value = app
        .get("/api/v1/compliance/overview")
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(
        overview["with_basis"], 0,
        "a refused bulk change writes nothing"
    );

    let done: Value = app
        .post("/api/v1/records/bulk-basis", &body(3))
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(done["changed"], 3);
    let overview: Value = app
        .get("/api/v1/compliance/overview")
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(overview["with_basis"], 3);
    assert_eq!(overview["not_applicable"], 1, "the vendor is untouched");
}

#[tokio::test]
async fn records_list_filters_and_pages_without_overlap() {
    let app = spawn_app().await;
    app.set_up().await;
    let leads = app.module_id("leads").await;
    for i in 0..5 {
        create(
            &app,
            &leads,
            &format!("Person{i}"),
            &format!("p{i}@example.nl"),
        )
        .await;
    }
    let seen = last_names_page_by_page(&app, &format!("module={leads}")).await;
    assert_eq!(
        seen,
        ["Person4", "Person3", "Person2", "Person1", "Person0"]
    );
    let found: Value = app
        .get("/api/v1/records?q=P3@EXAMPLE.nl")
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(found["records"].as_array().map(Vec::len), Some(1));
    let prefix: Value = app
        .get("/api/v1/records?q=person")
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(prefix["records"].as_array().map(Vec::len), Some(5));
    for (q, expected) in [("JA", 5), ("erson", 0), ("Person4", 1)] {
        assert_eq!(
            app.search(q).await.len(),
            expected,
            "the start of a first or last name, any capitals: {q}"
        );
    }
    let bad = app.get("/api/v1/records?basis=whim").await;
    error_body(bad, StatusCode::BAD_REQUEST).await;
}

#[tokio::test]
async fn an_administrator_adds_a_custom_module_that_works_like_the_built_in_ones() {
    let app = spawn_app().await;
    app.set_up().await;
    let added = app
        .post("/api/v1/modules", &json!({"name": "Members"}))
        .await;
    assert_eq!(added.status(), StatusCode::CREATED);
    let members: Value = added.json().await.expect("json");
    assert_eq!(members["key"], "members");
    assert_eq!(members["builtin"], false);
    assert_eq!(members["compliance_enabled"], false);
    let id = members["id"].as_str().expect("id").to_owned();
    enable(&app, &id).await;
    let record = create(&app, &id, "Jansen", "jan@example.nl").await;
    assert_eq!(record["privacy"]["basis"], "not_applicable");

    let again = app
        .post("/api/v1/modules", &json!({"name": " members "}))
        .await;
    let body = error_body(again, StatusCode::CONFLICT).await;
    assert_eq!(
        (body["error"].clone(), body["field"].clone()),
        (json!("module_taken"), json!("name"))
    );
    let empty = app.post("/api/v1/modules", &json!({"name": "  "})).await;
    assert_eq!(
        error_body(empty, StatusCode::BAD_REQUEST).await["field"],
        "name"
    );
    let standard = app.user_client("std@acme.example", "standard").await;
    let refused = crate::helpers::send_as(
        &standard,
        Method::POST,
        &app.url("/api/v1/modules"),
        &json!({"name": "Secret"}),
    )
    .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn sorting_by_last_name_pages_through_every_record_once_even_without_names() {
    let app = spawn_app().await;
    app.set_up().await;
    let leads = app.module_id("leads").await;
    for name in ["Visser", "Bakker", "de Jong", "Bakker", "Mulder"] {
        create(
            &app,
            &leads,
            name,
            &format!("{}@example.nl", name.replace(' ', "")),
        )
        .await;
    }
    for i in 0..2 {
        let response = app
            .post(
                "/api/v1/records",
                &json!({"module_id": leads, "fields": {"email": format!("anon{i}@example.nl")}}),
            )
            .await;
        assert_eq!(response.status(), StatusCode::CREATED);
    }
    let seen = last_names_page_by_page(&app, "sort=last_name").await;
    assert_eq!(
        seen,
        ["-", "-", "Bakker", "Bakker", "de Jong", "Mulder", "Visser"],
        "alphabetical whatever the capitals"
    );
    // Z to A is the exact reverse, ties and records without a name included.
    let ascending = names_and_ids_page_by_page(&app, "sort=last_name").await;
    let mut descending = names_and_ids_page_by_page(&app, "sort=last_name_desc").await;
    assert_eq!(
        descending
            .iter()
            .map(|(n, _)| n.as_str())
            .collect::<Vec<_>>(),
        ["Visser", "Mulder", "de Jong", "Bakker", "Bakker", "-", "-"]
    );
    descending.reverse();
    assert_eq!(descending, ascending);
    // A cursor of the A to Z order is of no use to another order.
    let first: Value = app
        .get("/api/v1/records?sort=last_name&limit=2")
        .await
        .json()
        .await
        .expect("json");
    let next = first["next"].as_str().expect("next");
    for other in [
        "sort=last_name_desc",
        "sort=newest",
        "sort=last_name&basis=consent",
    ] {
        let refused = app
            .get(&format!("/api/v1/records?{other}&limit=2&after={next}"))
            .await;
        assert_eq!(
            error_body(refused, StatusCode::BAD_REQUEST).await["field"],
            "after",
            "{other}"
        );
    }
    let forged = app.get("/api/v1/records?after=not-a-cursor").await;
    assert_eq!(
        error_body(forged, StatusCode::BAD_REQUEST).await["field"],
        "after"
    );
}

#[tokio::test]
async fn profiles_gate_records_and_other_organisations_records_are_404() {
    let app = spawn_app().await;
    app.set_up().await;
    let leads = app.module_id("leads").await;
    let record = create(&app, &leads, "Jansen", "jan@example.nl").await;
    let path = format!("/api/v1/records/{}", record["id"].as_str().expect("id"));

    let read_only = app.user_client("ro@acme.example", "read_only").await;
    let read = read_only.get(app.url(&path)).send().await.expect("request");
    assert_eq!(read.status(), StatusCode::OK);
    let write = crate::helpers::send_as(
        &read_only,
        Method::POST,
        &app.url("/api/v1/records"),
        &json!({"module_id": leads, "fields": {"last_name": "X"}}),
    )
    .await;
    assert_eq!(write.status(), StatusCode::FORBIDDEN);
    let standard = app.user_client("std@acme.example", "standard").await;
    let toggle = crate::helpers::send_as(
        &standard,
        Method::PUT,
        &app.url(&format!("/api/v1/modules/{leads}/compliance")),
        &json!({"compliance_enabled": true}),
    )
    .await;
    assert_eq!(toggle.status(), StatusCode::FORBIDDEN);

    let other = crate::helpers::second_tenant_client(&app).await;
    let foreign = other.get(app.url(&path)).send().await.expect("request");
    error_body(foreign, StatusCode::NOT_FOUND).await;
}

#[tokio::test]
async fn the_audit_trail_verifies_and_reports_the_first_modified_entry() {
    let app = spawn_app().await;
    app.set_up().await;
    let leads = app.module_id("leads").await;
    enable(&app, &leads).await;
    create(&app, &leads, "Jansen", "jan@example.nl").await;
    create(&app, &leads, "Pietersen", "piet@example.nl").await;

    let verdict = app.audit_verdict().await;
    assert_eq!(verdict["status"], "intact");
    let entries: Vec<Value> = app.get("/api/v1/audit").await.json().await.expect("json");
    let actions: Vec<&str> = entries
        .iter()
        .filter_map(|e| e["action"].as_str())
        .collect();
    assert_eq!(
        actions,
        [
            "record.created",
            "record.created",
            "module.compliance_changed",
            // The controller's details, filled in by the test set-up.
            "compliance.settings_changed",
            "organisation.created"
        ]
    );

    // Someone edits the database behind Consentry's back.
    let rows = crate::rows::Rows::of(&app).await;
    // The trail is append-only: the database itself refuses the change...
    let tamper = "UPDATE audit_log SET actor = 'mallory' WHERE seq = 2";
    assert!(rows.execute(tamper).await.is_err());
    // ...unless its guard is dropped first.
    rows.drop_trigger("audit_log", "audit_log_is_immutable")
        .await;
    assert_eq!(rows.execute(tamper).await.expect("tamper"), 1);
    let verdict = app.audit_verdict().await;
    assert_eq!(verdict["status"], "broken");
    assert_eq!(verdict["seq"], 2);
}

#[tokio::test]
async fn a_trail_cut_short_before_any_checkpoint_is_reported_as_cut() {
    let app = spawn_app().await;
    app.set_up().await;
    let leads = app.module_id("leads").await;
    create(&app, &leads, "Jansen", "jan@example.nl").await;
    assert_eq!(app.audit_verdict().await["status"], "intact");
    // No checkpoint was signed yet; someone removes the newest entries by hand.
    let rows = crate::rows::Rows::of(&app).await;
    let newest = rows.count("SELECT MAX(seq) FROM audit_log").await;
    let cut = format!("DELETE FROM audit_log WHERE seq >= {}", newest - 1);
    assert!(rows.execute(&cut).await.is_err(), "the trail is kept");
    rows.drop_trigger("audit_log", "audit_log_is_kept").await;
    assert_eq!(rows.execute(&cut).await.expect("cut"), 2);
    let verdict = app.audit_verdict().await;
    assert_eq!(verdict["status"], "broken", "{verdict}");
    assert_eq!(verdict["problem"], "truncated");
    assert_eq!(verdict["seq"], newest - 1);
    let reason = verdict["reason"].as_str().expect("reason");
    assert!(reason.contains(&format!("entry {newest}")), "{reason}");
}

#[tokio::test]
async fn privacy_events_cannot_be_changed_even_in_the_database() {
    let app = spawn_app().await;
    app.set_up().await;
    let leads = app.module_id("leads").await;
    enable(&app, &leads).await;
    let record = create(&app, &leads, "Jansen", "jan@example.nl").await;
    let path = format!(
        "/api/v1/records/{}/basis",
        record["id"].as_str().expect("id")
    );
    let changed = app
        .send(Method::PUT, &path, &json!({"basis": "contract"}))
        .await;
    assert_eq!(changed.status(), StatusCode::OK);
    let rows = crate::rows::Rows::of(&app).await;
    let events = "SELECT COUNT(*) FROM privacy_events WHERE after_basis = 'contract'";
    assert_eq!(rows.count(events).await, 1);
    for change in [
        "UPDATE privacy_events SET after_basis = 'consent'",
        "DELETE FROM privacy_events",
    ] {
        assert!(rows.execute(change).await.is_err(), "{change} was allowed");
    }
    // TRUNCATE skips row triggers on PostgreSQL (SQLite has no such statement).
    if let crate::rows::Rows::Postgres(_) = rows {
        assert!(
            rows.execute("TRUNCATE privacy_events CASCADE")
                .await
                .is_err(),
            "TRUNCATE was allowed"
        );
    }
    assert_eq!(rows.count(events).await, 1, "the event is unchanged");
}

#[tokio::test]
async fn a_request_filed_on_a_record_is_listed_with_its_due_date() {
    let app = spawn_app().await;
    app.set_up().await;
    let leads = app.module_id("leads").await;
    let record = create(&app, &leads, "Jansen", "jan@example.nl").await;
    let id = record["id"].as_str().expect("id");
    let path = format!("/api/v1/records/{id}/requests");
    let empty: Vec<Value> = app.get(&path).await.json().await.expect("json");
    assert!(empty.is_empty(), "no requests yet");

    let filed = app
        .post(
            &path,
            &json!({"kind": "access", "source": "phone", "requested_by": "Jan Jansen",
                    "requested_on": "2026-01-31", "details": "What do you hold about me?"}),
        )
        .await;
    assert_eq!(filed.status(), StatusCode::CREATED);
    let listed: Vec<Value> = app.get(&path).await.json().await.expect("json");
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0]["kind"], "access");
    assert_eq!(listed[0]["status"], "received");
    assert_eq!(
        listed[0]["due_on"], "2026-02-28",
        "one month, clamped to February"
    );
    assert_eq!(listed[0]["records"], json!([id]));

    let future = error_body(
        app.post(
            &path,
            &json!({"kind": "erasure", "source": "email", "requested_by": "Jan",
                    "requested_on": "2999-01-01"}),
        )
        .await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(future["field"], "requested_on");
    let before_the_gdpr = error_body(
        app.post(
            &path,
            &json!({"kind": "erasure", "source": "email", "requested_by": "Jan",
                    "requested_on": "0000-01-01"}),
        )
        .await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(before_the_gdpr["field"], "requested_on");
    assert!(
        before_the_gdpr["message"]
            .as_str()
            .is_some_and(|m| m.contains("2018-05-25")),
        "{before_the_gdpr}"
    );
    let nameless = error_body(
        app.post(
            &path,
            &json!({"kind": "erasure", "source": "email", "requested_by": " ",
                    "requested_on": "2026-01-01"}),
        )
        .await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(nameless["field"], "requested_by");
    let audit: Vec<Value> = app
        .get("/api/v1/audit?action=request.created")
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(audit.len(), 1);
    let globex = crate::helpers::second_tenant_client(&app).await;
    let foreign = globex.get(app.url(&path)).send().await.expect("request");
    assert_eq!(foreign.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_stored_value_that_does_not_decode_is_an_error_naming_its_column_never_a_default() {
    let app = spawn_app().await;
    let session = app.set_up().await;
    let organisation = consentry_model::OrganisationId(
        session["organisation"]["id"]
            .as_str()
            .expect("organisation")
            .parse()
            .expect("uuid"),
    );
    let leads = app.module_id("leads").await;
    let created: Value = app
        .post(
            "/api/v1/records",
            &json!({"module_id": leads, "fields": {"last_name": "Tijd"}}),
        )
        .await
        .json()
        .await
        .expect("json");
    let id: consentry_model::RecordId = created["id"]
        .as_str()
        .expect("id")
        .parse()
        .expect("record id");
    let store = app.store().await;
    assert!(
        store
            .record(organisation, id)
            .await
            .expect("read")
            .is_some()
    );

    // A time no calendar holds (a hand-edited or damaged database): read back, it was 1970.
    let rows = crate::rows::Rows::of(&app).await;
    let this_record = format!("id = {}", rows.id(id.0));
    let damage =
        |no_time: &str| format!("UPDATE records SET created_at = {no_time} WHERE {this_record}");
    if let crate::rows::Rows::Postgres(_) = rows {
        // PostgreSQL's own times beyond any calendar are refused by the database.
        for no_time in ["'infinity'", "'294276-01-01Z'"] {
            assert!(rows.execute(&damage(no_time)).await.is_err(), "{no_time}");
        }
    } else {
        rows.execute(&damage(&i64::MAX.to_string()))
            .await
            .expect("damaged");
        match store.record(organisation, id).await {
            Err(consentry_server::store::StoreError::Corrupt { column, .. }) => {
                assert_eq!(column, "created_at")
            }
            other => panic!("expected a corrupt created_at, got {other:?}"),
        }
    }
    // Put right, it reads again.
    rows.set_time(
        "records",
        "created_at",
        &this_record,
        chrono::DateTime::UNIX_EPOCH,
    )
    .await;
    let repaired = store
        .record(organisation, id)
        .await
        .expect("read")
        .expect("kept");
    assert_eq!(repaired.created.at.timestamp(), 0);

    // A code or a date nobody wrote: a request's language and its deadline.
    let filed: Value = app
        .post(
            &format!("/api/v1/records/{id}/requests"),
            &json!({"kind": "access", "source": "api", "requested_by": "tijd@example.nl",
                    "requested_on": "2026-11-20"}),
        )
        .await
        .json()
        .await
        .expect("json");
    let request: consentry_model::RequestId = filed["id"]
        .as_str()
        .expect("request id")
        .parse()
        .expect("uuid");
    let this_request = format!("id = {}", rows.id(request.0));
    let mut damages = vec![(
        format!("UPDATE data_subject_requests SET lang = 'dutch' WHERE {this_request}"),
        "lang",
    )];
    let no_date = format!(
        "UPDATE data_subject_requests SET lang = NULL, due_on = 'soon' WHERE {this_request}"
    );
    match rows {
        // SQLite keeps whatever text it is given...
        crate::rows::Rows::Sqlite(_) => damages.push((no_date, "due_on")),
        // ...a PostgreSQL `date` column refuses it.
        crate::rows::Rows::Postgres(_) => assert!(rows.execute(&no_date).await.is_err()),
    }
    for (damage, column) in damages {
        rows.execute(&damage).await.expect("damaged");
        match store.request(organisation, request).await {
            Err(consentry_server::store::StoreError::Corrupt { column: named, .. }) => {
                assert_eq!(named, column)
            }
            other => panic!("expected a corrupt {column}, got {other:?}"),
        }
    }
}

#[tokio::test]
async fn a_search_with_a_control_character_is_refused_naming_it_on_every_route() {
    let app = spawn_app().await;
    app.set_up().await;
    let leads = app.module_id("leads").await;
    create(&app, &leads, "Jansen", "jan@example.nl").await;
    for path in [
        "/api/v1/records?q=a%00b",
        "/api/v1/records/count?q=%00",
        "/api/v1/records/export?q=%07",
    ] {
        let refused = app.get(path).await;
        let body = error_body(refused, StatusCode::BAD_REQUEST).await;
        assert_eq!(body["field"], "q", "{path}: {body}");
    }
    let filter = json!({"q": "a\u{0000}b"});
    for (path, body) in [
        (
            "/api/v1/records/bulk-basis",
            json!({"filter": filter, "change": {"basis": "contract"}, "confirmed_count": 0}),
        ),
        (
            "/api/v1/consent-requests/bulk",
            json!({"filter": filter, "form_id": uuid::Uuid::nil()}),
        ),
    ] {
        let refused = app.post(path, &body).await;
        let body = error_body(refused, StatusCode::BAD_REQUEST).await;
        assert_eq!(body["field"], "filter.q", "{path}: {body}");
    }
    // The search itself still works.
    let found: Value = app
        .get("/api/v1/records?q=jans")
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(found["records"].as_array().map(Vec::len), Some(1));
}
