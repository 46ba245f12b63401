//! Storage limitation (art. 5(1)(e)): with a retention period set, the daily review (run here
//! with a clock moved past the period) finds the records of every lapsed kind and skips those
//! under a legal hold or named by an open request; a bulk erasure from the review erases
//! them through the erasure path (nothing of them left in the database, their addresses
//! suppressed, one audit entry), keeps one that changed since the review, and refuses a count
//! the privacy officer did not see. Automatic erasure does the same unasked.

use chrono::{Duration, Utc};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::{
    consent::{form_and_record, send},
    helpers::{TestApp, error_body, spawn_app},
    rows::stored,
    webhooks::{start_receiver, wait_for},
};

const RETENTION_DAYS: i64 = 30;

/// Sets the retention period (and automatic erasure) in the compliance settings.
async fn keep_for(app: &TestApp, days: Option<i64>, auto_erase: bool) {
    let mut settings: Value = app
        .get("/api/v1/compliance/settings")
        .await
        .json()
        .await
        .expect("json");
    settings["enabled"] = json!(true);
    settings["retention_days"] = json!(days);
    settings["retention_auto_erase"] = json!(auto_erase);
    let saved = app
        .send(Method::PUT, "/api/v1/compliance/settings", &settings)
        .await;
    assert_eq!(saved.status(), StatusCode::OK, "{:?}", saved.text().await);
}

/// Creates a record in `module` with an address and a last name of its own; its id.
async fn subject(app: &TestApp, module: &str, name: &str, basis: Value) -> String {
    let created = app
        .post(
            "/api/v1/records",
            &json!({"module_id": module, "basis": basis,
                    "fields": {"last_name": name, "email": format!("{}@retention.example", name.to_lowercase())}}),
        )
        .await;
    assert_eq!(
        created.status(),
        StatusCode::CREATED,
        "{:?}",
        created.text().await
    );
    let record: Value = created.json().await.expect("json");
    record["id"].as_str().expect("id").to_owned()
}

async fn decide(app: &TestApp, record: &str, decision: &str) {
    let mut body = json!({"decision": decision, "date": "2026-11-03", "through": "phone",
                          "evidence": "Call log 17"});
    if decision == "granted" {
        body["contact_through"] = json!(["email"]);
    }
    let done = app
        .post(&format!("/api/v1/records/{record}/consent"), &body)
        .await;
    assert_eq!(done.status(), StatusCode::OK, "{:?}", done.text().await);
}

async fn retention(app: &TestApp, record: &str, body: Value) -> reqwest::Response {
    app.send(
        Method::PUT,
        &format!("/api/v1/records/{record}/retention"),
        &body,
    )
    .await
}

async fn review_state(app: &TestApp) -> Value {
    let state = app.get("/api/v1/retention").await;
    assert_eq!(state.status(), StatusCode::OK);
    state.json().await.expect("json")
}

fn count(state: &Value, reason: &str) -> u64 {
    state["counts"]
        .as_array()
        .expect("counts")
        .iter()
        .find(|c| c["reason"] == reason)
        .and_then(|c| c["count"].as_u64())
        .expect("every reason is listed")
}

/// The ids of the records the review lists (of one reason, or all), every page.
async fn listed(app: &TestApp, reason: Option<&str>) -> Vec<String> {
    let mut ids = Vec::new();
    let mut after: Option<String> = None;
    loop {
        let mut path = "/api/v1/retention/records?limit=2".to_owned();
        if let Some(reason) = reason {
            path.push_str(&format!("&reason={reason}"));
        }
        if let Some(after) = &after {
            path.push_str(&format!("&after={after}"));
        }
        let page: Value = app.get(&path).await.json().await.expect("json");
        for found in page["records"].as_array().expect("records") {
            ids.push(found["record"]["id"].as_str().expect("id").to_owned());
        }
        match page["next"].as_str() {
            Some(next) => after = Some(next.to_owned()),
            None => break,
        }
    }
    ids
}

/// Runs the review as the daily job does, with its clock at `now`.
async fn review_at(app: &TestApp, now: chrono::DateTime<Utc>) -> u64 {
    let store = app.store().await;
    let organisation = store.organisations().await.expect("list")[0].id;
    consentry_server::domain::retention::review(store.as_ref(), organisation, now)
        .await
        .expect("review")
        .expect("a retention period is set")
}

async fn suppressed(app: &TestApp, email: &str) -> bool {
    let check: Value = app
        .get(&format!("/api/v1/suppressions/check?email={email}"))
        .await
        .json()
        .await
        .expect("json");
    check["suppressed"].as_bool().expect("answer")
}

#[tokio::test]
async fn lapsed_records_of_every_kind_are_found_after_the_period_and_erased_in_bulk_leaving_nothing()
 {
    let app = spawn_app().await;
    app.set_up().await;
    // A consent request never answered: Not Responded once the waiting period is over.
    let (form, unanswered) =
        form_and_record(&app, Some("quietus.unanswered@retention.example")).await;
    send(&app, &form, &unanswered).await;
    let contacts = app.with_compliance("contacts").await;
    let no_basis = subject(
        &app,
        &contacts,
        "Nobasisson",
        json!({"basis": "not_applicable"}),
    )
    .await;
    let withdrawn = subject(
        &app,
        &contacts,
        "Withdrawnsky",
        json!({"basis": "not_applicable"}),
    )
    .await;
    decide(&app, &withdrawn, "granted").await;
    decide(&app, &withdrawn, "withdrawn").await;
    let denied = subject(
        &app,
        &contacts,
        "Deniedberg",
        json!({"basis": "not_applicable"}),
    )
    .await;
    decide(&app, &denied, "refused").await;
    let contract = json!({"basis": "contract", "lawful_reason": "Order 2024-17"});
    let ended = subject(&app, &contacts, "Endedcontract", contract.clone()).await;
    let running = subject(&app, &contacts, "Runningcontract", contract).await;
    let obtained = subject(
        &app,
        &contacts,
        "Obtainedvan",
        json!({"basis": "not_applicable"}),
    )
    .await;
    decide(&app, &obtained, "granted").await;
    let held = subject(
        &app,
        &contacts,
        "Heldmann",
        json!({"basis": "not_applicable"}),
    )
    .await;
    let asking = subject(
        &app,
        &contacts,
        "Askingsdottir",
        json!({"basis": "not_applicable"}),
    )
    .await;
    let changed = subject(
        &app,
        &contacts,
        "Changedaway",
        json!({"basis": "not_applicable"}),
    )
    .await;

    // Kept whatever their basis says: a record of a module whose compliance is off, the same
    // person's record in another module while a request names one of theirs, and a record
    // whose processing the subject had restricted (art. 18).
    let vendors = app.with_compliance("vendors").await;
    let off = subject(
        &app,
        &vendors,
        "Offmodule",
        json!({"basis": "not_applicable"}),
    )
    .await;
    let switched = app
        .send(
            Method::PUT,
            &format!("/api/v1/modules/{vendors}/compliance"),
            &json!({"compliance_enabled": false}),
        )
        .await;
    assert_eq!(switched.status(), StatusCode::OK);
    let leads = app.with_compliance("leads").await;
    let twin = app
        .post(
            "/api/v1/records",
            &json!({"module_id": leads, "basis": {"basis": "not_applicable"},
                    "fields": {"last_name": "Askingtwin", "email": "ASKINGSDOTTIR@retention.example"}}),
        )
        .await;
    assert_eq!(twin.status(), StatusCode::CREATED);
    let twin: Value = twin.json().await.expect("json");
    let twin = twin["id"].as_str().expect("id").to_owned();
    let restricted = subject(
        &app,
        &contacts,
        "Restrictedova",
        json!({"basis": "not_applicable"}),
    )
    .await;
    let restriction: Value = app
        .post(
            &format!("/api/v1/records/{restricted}/requests"),
            &json!({"kind": "stop_processing", "source": "email",
                    "requested_by": "restrictedova@retention.example", "requested_on": "2026-11-01",
                    "details": "Keep it for my claim (art. 18(1)(c))"}),
        )
        .await
        .json()
        .await
        .expect("json");
    let restriction = restriction["id"].as_str().expect("id").to_owned();
    for (path, body) in [
        (
            format!("/api/v1/requests/{restriction}/actions"),
            json!({"action": "verify"}),
        ),
        (
            format!("/api/v1/requests/{restriction}/stop-processing"),
            json!({}),
        ),
    ] {
        let done = app.post(&path, &body).await;
        assert_eq!(done.status(), StatusCode::OK, "{path}");
    }

    // The retention section: a contract end needs basis Contract, a hold needs a reason.
    let ended_on = (Utc::now() - Duration::days(RETENTION_DAYS + 10)).date_naive();
    let wrong = retention(&app, &no_basis, json!({"contract_ended_on": ended_on})).await;
    assert_eq!(
        error_body(wrong, StatusCode::BAD_REQUEST).await["field"],
        "contract_ended_on"
    );
    let blank = retention(&app, &held, json!({"legal_hold": "  "})).await;
    assert_eq!(
        error_body(blank, StatusCode::BAD_REQUEST).await["field"],
        "legal_hold"
    );
    let tomorrow = (Utc::now() + Duration::days(1)).date_naive();
    let future = retention(&app, &ended, json!({"contract_ended_on": tomorrow})).await;
    assert_eq!(
        error_body(future, StatusCode::BAD_REQUEST).await["field"],
        "contract_ended_on"
    );
    let saved = retention(&app, &ended, json!({"contract_ended_on": ended_on})).await;
    assert_eq!(saved.status(), StatusCode::OK);
    // A contract's end goes with the contract when the basis changes.
    let rebased = app
        .send(
            Method::PUT,
            &format!("/api/v1/records/{running}/basis"),
            &json!({"basis": "contract", "lawful_reason": "Order 2024-18"}),
        )
        .await;
    assert_eq!(rebased.status(), StatusCode::OK);
    assert_eq!(
        retention(&app, &running, json!({"contract_ended_on": ended_on}))
            .await
            .status(),
        StatusCode::OK
    );
    let rebased = app
        .send(
            Method::PUT,
            &format!("/api/v1/records/{running}/basis"),
            &json!({"basis": "legitimate_interests", "lawful_reason": "Fraud checks, LIA 3"}),
        )
        .await;
    assert_eq!(
        rebased.status(),
        StatusCode::OK,
        "{:?}",
        rebased.text().await
    );
    let section: Value = app
        .get(&format!("/api/v1/records/{running}/retention"))
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(section["contract_ended_on"], Value::Null, "{section}");
    let hold = retention(&app, &held, json!({"legal_hold": "Claim 2026-114 pending"})).await;
    assert_eq!(hold.status(), StatusCode::OK);
    let hold: Value = hold.json().await.expect("json");
    assert_eq!(hold["legal_hold"]["reason"], "Claim 2026-114 pending");
    assert!(hold["legal_hold"]["by"].is_string(), "{hold}");
    // Held, a record is not deleted either.
    let delete = app
        .send(
            Method::DELETE,
            &format!("/api/v1/records/{held}"),
            &json!({}),
        )
        .await;
    assert_eq!(
        error_body(delete, StatusCode::CONFLICT).await["error"],
        "legal_hold"
    );
    // An open request names another.
    let filed = app
        .post(
            &format!("/api/v1/records/{asking}/requests"),
            &json!({"kind": "access", "source": "email",
                    "requested_by": "askingsdottir@retention.example", "requested_on": "2026-11-01"}),
        )
        .await;
    assert_eq!(filed.status(), StatusCode::CREATED);

    // No period: nothing is reviewed, and erasing is refused with what to do.
    let refused = app
        .post("/api/v1/retention/erase", &json!({"confirmed_count": 0}))
        .await;
    assert_eq!(
        error_body(refused, StatusCode::CONFLICT).await["error"],
        "no_retention_period"
    );
    keep_for(&app, Some(RETENTION_DAYS), false).await;

    // Today only the contract that ended before the period counts.
    let now = Utc::now();
    assert_eq!(review_at(&app, now).await, 1);
    assert_eq!(listed(&app, None).await, vec![ended.clone()]);

    // Past the waiting period the request is unanswered; past the period after it, every
    // lapsed kind is found, and the hold, the open request and the live bases are not.
    let waiting: Value = app
        .get("/api/v1/compliance/settings")
        .await
        .json()
        .await
        .expect("json");
    let waiting = waiting["waiting_period_days"].as_i64().expect("days");
    let expired_at = now + Duration::days(waiting + 1);
    let store = app.store().await;
    consentry_server::domain::consent::expire_waiting(store.as_ref(), expired_at)
        .await
        .expect("expiry");
    let later = expired_at + Duration::days(RETENTION_DAYS + 1);
    assert_eq!(review_at(&app, later).await, 6);
    let state = review_state(&app).await;
    assert_eq!(state["retention_days"], RETENTION_DAYS);
    assert!(state["reviewed_at"].is_string());
    for (reason, n) in [
        ("no_basis", 2),
        ("not_responded", 1),
        ("withdrawn", 1),
        ("denied", 1),
        ("contract_ended", 1),
    ] {
        assert_eq!(count(&state, reason), n, "{reason}: {state}");
    }
    let mut found = listed(&app, None).await;
    found.sort();
    let mut expected = vec![
        no_basis.clone(),
        unanswered.clone(),
        withdrawn.clone(),
        denied.clone(),
        ended.clone(),
        changed.clone(),
    ];
    expected.sort();
    assert_eq!(found, expected);
    assert_eq!(
        listed(&app, Some("withdrawn")).await,
        vec![withdrawn.clone()]
    );
    for kept in [
        &running,
        &obtained,
        &held,
        &asking,
        &off,
        &twin,
        &restricted,
    ] {
        assert!(!found.contains(kept), "{kept} is found");
    }
    let page: Value = app
        .get("/api/v1/retention/records?reason=denied")
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(
        page["records"][0]["record"]["fields"]["last_name"],
        "Deniedberg"
    );
    assert_eq!(page["records"][0]["reason"], "denied");

    // One record changes after the review: it is kept. A count nobody saw is refused.
    decide(&app, &changed, "granted").await;
    let wrong_count = app
        .post("/api/v1/retention/erase", &json!({"confirmed_count": 5}))
        .await;
    assert_eq!(
        error_body(wrong_count, StatusCode::CONFLICT).await["error"],
        "count_changed"
    );
    assert_eq!(listed(&app, None).await.len(), 6, "nothing erased");
    // A system that keeps copies hears which records went.
    let (hook, receiver) = start_receiver(&[]).await;
    let subscribed = app
        .post(
            "/api/v1/webhooks",
            &json!({"url": hook, "events": ["record.erased"]}),
        )
        .await;
    assert_eq!(subscribed.status(), StatusCode::CREATED);
    let erased = app
        .post("/api/v1/retention/erase", &json!({"confirmed_count": 6}))
        .await;
    assert_eq!(erased.status(), StatusCode::OK, "{:?}", erased.text().await);
    let erased: Value = erased.json().await.expect("json");
    assert_eq!(erased, json!({"erased": 5, "kept": 1}));

    for (record, name) in [
        (&no_basis, "Nobasisson"),
        (&withdrawn, "Withdrawnsky"),
        (&denied, "Deniedberg"),
        (&ended, "Endedcontract"),
    ] {
        assert_eq!(
            app.get(&format!("/api/v1/records/{record}")).await.status(),
            StatusCode::NOT_FOUND
        );
        assert_eq!(stored(&app, name).await, 0, "{name} is still kept");
        let email = format!("{}@retention.example", name.to_lowercase());
        assert_eq!(stored(&app, &email).await, 0, "{email} is still kept");
        assert!(suppressed(&app, &email).await, "{email} is not suppressed");
    }
    assert_eq!(
        stored(&app, "quietus.unanswered@retention.example").await,
        0
    );
    for (record, name) in [
        (&running, "Runningcontract"),
        (&obtained, "Obtainedvan"),
        (&held, "Heldmann"),
        (&asking, "Askingsdottir"),
        (&changed, "Changedaway"),
    ] {
        assert_eq!(
            app.get(&format!("/api/v1/records/{record}")).await.status(),
            StatusCode::OK,
            "{name} was erased"
        );
    }
    // One audit entry for the run, and the chain still holds.
    let trail: Vec<Value> = app
        .get("/api/v1/audit?action=records.retention_erased")
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(trail.len(), 1, "{trail:?}");
    assert_eq!(trail[0]["after"]["records"], 5);
    assert_eq!(trail[0]["after"]["kept"], 1);
    assert_eq!(app.audit_verdict().await["status"], "intact");
    assert!(listed(&app, None).await.is_empty());
    let delivered = wait_for(&receiver, 1).await;
    let told: Value = serde_json::from_slice(&delivered[0].1).expect("json");
    assert_eq!(told["type"], "record.erased");
    let mut told_ids: Vec<String> = told["data"]["record_ids"]
        .as_array()
        .expect("the erased records")
        .iter()
        .map(|id| id.as_str().expect("id").to_owned())
        .collect();
    told_ids.sort();
    let mut erased_ids = vec![
        no_basis.clone(),
        unanswered.clone(),
        withdrawn.clone(),
        denied.clone(),
        ended.clone(),
    ];
    erased_ids.sort();
    assert_eq!(told_ids, erased_ids);

    // A hold also stops an erasure request (art. 17(3)(e)); lifted, the request erases.
    let request: Value = app
        .post(
            &format!("/api/v1/records/{held}/requests"),
            &json!({"kind": "erasure", "source": "email",
                    "requested_by": "heldmann@retention.example", "requested_on": "2026-11-01"}),
        )
        .await
        .json()
        .await
        .expect("json");
    let request = request["id"].as_str().expect("id").to_owned();
    let verified = app
        .post(
            &format!("/api/v1/requests/{request}/actions"),
            &json!({"action": "verify"}),
        )
        .await;
    assert_eq!(verified.status(), StatusCode::OK);
    let blocked = app
        .post(&format!("/api/v1/requests/{request}/erase"), &json!({}))
        .await;
    assert_eq!(
        error_body(blocked, StatusCode::CONFLICT).await["error"],
        "legal_hold"
    );
    assert!(stored(&app, "Heldmann").await > 0, "nothing erased");
    // Nor is it completed by hand: its completion would tell the subject they were erased.
    let complete = json!({"action": "complete"});
    let path = format!("/api/v1/requests/{request}/actions");
    let completed = app.post(&path, &complete).await;
    assert_eq!(
        error_body(completed, StatusCode::CONFLICT).await["error"],
        "legal_hold"
    );
    let lifted = retention(&app, &held, json!({})).await;
    assert_eq!(lifted.status(), StatusCode::OK);
    let completed = app.post(&path, &complete).await;
    assert_eq!(
        error_body(completed, StatusCode::CONFLICT).await["error"],
        "request_status",
        "its record is still here: Erase carries it out"
    );
    let erased = app
        .post(&format!("/api/v1/requests/{request}/erase"), &json!({}))
        .await;
    assert_eq!(erased.status(), StatusCode::OK);
    assert_eq!(stored(&app, "Heldmann").await, 0);
    let changes: Vec<Value> = app
        .get("/api/v1/audit?action=record.retention_changed")
        .await
        .json()
        .await
        .expect("json");
    assert!(changes.len() >= 3, "{changes:?}");
}

#[tokio::test]
async fn a_page_size_out_of_range_is_refused_with_or_without_a_period() {
    let app = spawn_app().await;
    app.set_up().await;
    for period in [None, Some(RETENTION_DAYS)] {
        keep_for(&app, period, false).await;
        for limit in ["0", "201"] {
            let refused = app
                .get(&format!("/api/v1/retention/records?limit={limit}"))
                .await;
            let refused = error_body(refused, StatusCode::BAD_REQUEST).await;
            assert_eq!(refused["field"], "limit", "{limit}, {period:?}");
        }
    }
}

#[tokio::test]
async fn with_automatic_erasure_the_daily_review_erases_what_lapsed_once_a_day() {
    let app = spawn_app().await;
    app.set_up().await;
    let contacts = app.with_compliance("contacts").await;
    let lapsed = subject(
        &app,
        &contacts,
        "Autolapse",
        json!({"basis": "not_applicable"}),
    )
    .await;
    let kept = subject(
        &app,
        &contacts,
        "Autokept",
        json!({"basis": "not_applicable"}),
    )
    .await;
    decide(&app, &kept, "granted").await;
    keep_for(&app, Some(RETENTION_DAYS), true).await;
    let store = app.store().await;
    let mut settings = consentry_server::Settings::default();
    settings.encryption.key_file = Some(app.dir.path().join("consentry.key"));
    let master = consentry_server::store::master_key(&settings)
        .await
        .expect("key");
    let ledger = consentry_server::ledger::ErasureLedger::new(settings.ledger_file(), &master);
    let later = Utc::now() + Duration::days(RETENTION_DAYS + 1);
    let done = consentry_server::domain::retention::daily(store.as_ref(), &ledger, later)
        .await
        .expect("daily");
    assert_eq!((done.organisations, done.found, done.erased), (1, 1, 1));
    assert_eq!(
        app.get(&format!("/api/v1/records/{lapsed}")).await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(stored(&app, "Autolapse").await, 0);
    assert_eq!(
        app.get(&format!("/api/v1/records/{kept}")).await.status(),
        StatusCode::OK
    );
    // The run is in the erasure ledger: a restored backup would have it erased again.
    let entries = ledger.read().expect("ledger");
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].records.len(), 1);
    let trail: Vec<Value> = app
        .get("/api/v1/audit?action=records.retention_erased")
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(trail[0]["actor"], "Consentry", "{trail:?}");
    // Within the day it is not reviewed again.
    let again = consentry_server::domain::retention::daily(
        store.as_ref(),
        &ledger,
        later + Duration::hours(2),
    )
    .await
    .expect("daily");
    assert_eq!(again.organisations, 0);
}

#[tokio::test]
async fn a_longer_period_or_compliance_switched_off_takes_back_what_the_review_found() {
    let app = spawn_app().await;
    app.set_up().await;
    let contacts = app.with_compliance("contacts").await;
    let contract = json!({"basis": "contract", "lawful_reason": "Order 2019-4"});
    let ended = subject(&app, &contacts, "Longerperiod", contract).await;
    let ended_on = (Utc::now() - Duration::days(RETENTION_DAYS + 10)).date_naive();
    let saved = retention(&app, &ended, json!({"contract_ended_on": ended_on})).await;
    assert_eq!(saved.status(), StatusCode::OK);
    keep_for(&app, Some(RETENTION_DAYS), false).await;
    assert_eq!(review_at(&app, Utc::now()).await, 1);
    // Kept longer now: what the shorter period found is no longer listed, nor erased.
    keep_for(&app, Some(3650), false).await;
    assert_eq!(count(&review_state(&app).await, "contract_ended"), 0);
    assert!(listed(&app, None).await.is_empty());
    let refused = app
        .post("/api/v1/retention/erase", &json!({"confirmed_count": 1}))
        .await;
    assert_eq!(
        error_body(refused, StatusCode::CONFLICT).await["error"],
        "count_changed"
    );
    keep_for(&app, Some(RETENTION_DAYS), false).await;
    assert_eq!(count(&review_state(&app).await, "contract_ended"), 1);
    // Compliance off: no period is in force, nothing is listed or erased.
    let mut settings: Value = app
        .get("/api/v1/compliance/settings")
        .await
        .json()
        .await
        .expect("json");
    settings["enabled"] = json!(false);
    let saved = app
        .send(Method::PUT, "/api/v1/compliance/settings", &settings)
        .await;
    assert_eq!(saved.status(), StatusCode::OK);
    assert_eq!(review_state(&app).await["retention_days"], Value::Null);
    assert!(listed(&app, None).await.is_empty());
    let refused = app
        .post("/api/v1/retention/erase", &json!({"confirmed_count": 1}))
        .await;
    assert_eq!(
        error_body(refused, StatusCode::CONFLICT).await["error"],
        "no_retention_period"
    );
    assert_eq!(
        app.get(&format!("/api/v1/records/{ended}")).await.status(),
        StatusCode::OK
    );
}
