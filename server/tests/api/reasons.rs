//! Each basis change carries its own lawful reason: required where the basis must show why,
//! warned about for Contract, kept with the change's own event and audit detail, never
//! carried over from an earlier change.

use futures::future::join_all;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{TestApp, error_body, spawn_app};

const MUST_SHOW_WHY: [&str; 4] = [
    "legitimate_interests",
    "legal_obligation",
    "public_interests",
    "vital_interests",
];

/// Leads with compliance on and `n` records; returns (leads id, record ids).
async fn leads_with(app: &TestApp, n: usize) -> (String, Vec<String>) {
    let leads = app.with_compliance("leads").await;
    let mut ids = Vec::new();
    for i in 0..n {
        let created: Value = app
            .post(
                "/api/v1/records",
                &json!({"module_id": leads, "fields": {"last_name": format!("Lead{i}"),
                        "email": format!("lead{i}@example.nl")}}),
            )
            .await
            .json()
            .await
            .expect("json");
        ids.push(created["id"].as_str().expect("id").to_owned());
    }
    (leads, ids)
}

async fn events(app: &TestApp, id: &str) -> Vec<Value> {
    app.get(&format!("/api/v1/records/{id}/events"))
        .await
        .json()
        .await
        .expect("json")
}

async fn record(app: &TestApp, id: &str) -> Value {
    app.get(&format!("/api/v1/records/{id}"))
        .await
        .json()
        .await
        .expect("json")
}

async fn audit(app: &TestApp, action: &str) -> Vec<Value> {
    app.get(&format!("/api/v1/audit?action={action}"))
        .await
        .json()
        .await
        .expect("json")
}

fn bulk(leads: &str, basis: &str, reason: Option<&str>, count: usize) -> Value {
    json!({"filter": {"module": leads}, "change": {"basis": basis, "lawful_reason": reason},
           "confirmed_count": count})
}

#[tokio::test]
async fn a_basis_that_must_show_why_is_refused_without_a_reason_naming_the_field_and_writes_nothing()
 {
    let app = spawn_app().await;
    app.set_up().await;
    let (leads, ids) = leads_with(&app, 2).await;
    let path = format!("/api/v1/records/{}/basis", ids[0]);
    for basis in MUST_SHOW_WHY {
        for reason in [json!(null), json!(""), json!("  \n\t ")] {
            let refused = app
                .send(
                    Method::PUT,
                    &path,
                    &json!({"basis": basis, "lawful_reason": reason}),
                )
                .await;
            let body = error_body(refused, StatusCode::BAD_REQUEST).await;
            assert_eq!(body["field"], "lawful_reason", "{basis} {reason}: {body}");
            let refused = app
                .post(
                    "/api/v1/records/bulk-basis",
                    &json!({"filter": {"module": leads},
                            "change": {"basis": basis, "lawful_reason": reason},
                            "confirmed_count": 2}),
                )
                .await;
            let body = error_body(refused, StatusCode::BAD_REQUEST).await;
            assert_eq!(
                body["field"], "change.lawful_reason",
                "{basis} {reason}: {body}"
            );
        }
    }
    // Also when creating a record with a basis.
    let refused = app
        .post(
            "/api/v1/records",
            &json!({"module_id": leads, "fields": {"last_name": "New"},
                    "basis": {"basis": "legal_obligation"}}),
        )
        .await;
    assert_eq!(
        error_body(refused, StatusCode::BAD_REQUEST).await["field"],
        "basis.lawful_reason"
    );
    // Nothing was written: no event, no basis, no audit entry, no new record.
    for id in &ids {
        assert!(events(&app, id).await.is_empty(), "{id}");
        assert_eq!(record(&app, id).await["privacy"]["basis"], "not_applicable");
    }
    let overview: Value = app
        .get("/api/v1/compliance/overview")
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(overview["with_basis"], 0);
    assert_eq!(overview["not_applicable"], 2);
    assert!(audit(&app, "record.basis_changed").await.is_empty());
    assert!(
        audit(&app, "records.basis_changed_in_bulk")
            .await
            .is_empty()
    );
}

#[tokio::test]
async fn contract_without_a_reason_is_accepted_with_a_warning_and_with_one_without() {
    let app = spawn_app().await;
    app.set_up().await;
    let (leads, ids) = leads_with(&app, 2).await;
    let path = format!("/api/v1/records/{}/basis", ids[0]);
    let single = app
        .send(Method::PUT, &path, &json!({"basis": "contract"}))
        .await;
    assert_eq!(single.status(), StatusCode::OK);
    let single: Value = single.json().await.expect("json");
    assert_eq!(single["privacy"]["basis"], "contract");
    assert!(single["privacy"]["lawful_reason"].is_null());
    assert_eq!(single["warnings"], json!(["contract_without_reason"]));

    let named = app
        .send(
            Method::PUT,
            &path,
            &json!({"basis": "contract", "lawful_reason": "Order 2026-118"}),
        )
        .await;
    let named: Value = named.json().await.expect("json");
    assert!(named.get("warnings").is_none(), "{named}");
    assert_eq!(named["privacy"]["lawful_reason"], "Order 2026-118");
    // A plain read carries no warning: it belongs to the answer of a change.
    assert!(record(&app, &ids[0]).await.get("warnings").is_none());

    let done: Value = app
        .post(
            "/api/v1/records/bulk-basis",
            &bulk(&leads, "contract", None, 2),
        )
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(done["changed"], 2);
    assert_eq!(done["warnings"], json!(["contract_without_reason"]));
    // A required basis with its reason: no warning.
    let done: Value = app
        .post(
            "/api/v1/records/bulk-basis",
            &bulk(&leads, "legal_obligation", Some("Art. 52 AWR"), 2),
        )
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(done["changed"], 2);
    assert!(done.get("warnings").is_none(), "{done}");
}

#[tokio::test]
async fn a_second_change_never_carries_the_first_reason_and_each_event_shows_its_own() {
    let app = spawn_app().await;
    app.set_up().await;
    let (leads, ids) = leads_with(&app, 3).await;
    let first = "Existing B2B relationship; balancing test 2026-11, interest outweighs";
    let done: Value = app
        .post(
            "/api/v1/records/bulk-basis",
            &bulk(&leads, "legitimate_interests", Some(first), 3),
        )
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(done["changed"], 3);
    // The reported case: a bulk change to Contract after one to Legitimate Interests.
    let done: Value = app
        .post(
            "/api/v1/records/bulk-basis",
            &bulk(&leads, "contract", None, 3),
        )
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(done["changed"], 3);
    for id in &ids {
        let now = record(&app, id).await;
        assert_eq!(now["privacy"]["basis"], "contract");
        assert!(
            now["privacy"]["lawful_reason"].is_null(),
            "the Legitimate Interests reason is not carried onto Contract: {now}"
        );
        let history = events(&app, id).await;
        assert_eq!(history.len(), 2, "{history:?}");
        assert_eq!(history[0]["after_basis"], "legitimate_interests");
        assert_eq!(history[0]["lawful_reason"], first);
        assert_eq!(history[1]["after_basis"], "contract");
        assert!(history[1].get("lawful_reason").is_none(), "{history:?}");
    }
    // A single change states its own, and so does its event and its audit detail.
    let path = format!("/api/v1/records/{}/basis", ids[0]);
    let changed = app
        .send(
            Method::PUT,
            &path,
            &json!({"basis": "legal_obligation", "lawful_reason": "  Art. 52 AWR  "}),
        )
        .await;
    assert_eq!(changed.status(), StatusCode::OK);
    let history = events(&app, &ids[0]).await;
    assert_eq!(history[2]["lawful_reason"], "Art. 52 AWR");
    let single = audit(&app, "record.basis_changed").await;
    assert_eq!(single.len(), 1);
    assert_eq!(single[0]["after"]["lawful_reason"], "Art. 52 AWR");
    assert_eq!(single[0]["before"]["basis"], "contract");
    assert!(single[0]["before"]["lawful_reason"].is_null());
    let bulk_entries = audit(&app, "records.basis_changed_in_bulk").await;
    let reasons: Vec<&Value> = bulk_entries
        .iter()
        .map(|e| &e["after"]["lawful_reason"])
        .collect();
    assert!(reasons.contains(&&json!(first)), "{bulk_entries:?}");
    assert!(reasons.contains(&&Value::Null), "{bulk_entries:?}");
}

#[tokio::test]
async fn changes_at_once_each_keep_their_own_reason() {
    let app = spawn_app().await;
    app.set_up().await;
    let (_, ids) = leads_with(&app, 1).await;
    let path = format!("/api/v1/records/{}/basis", ids[0]);
    // Twelve changes of one record at once, alternating bases, each with its own reason.
    let bodies: Vec<Value> = (0..12)
        .map(|i| {
            if i % 2 == 0 {
                json!({"basis": "legitimate_interests", "lawful_reason": format!("LI-{i}")})
            } else {
                json!({"basis": "vital_interests", "lawful_reason": format!("VI-{i}")})
            }
        })
        .collect();
    let answers = join_all(bodies.iter().map(|b| app.send(Method::PUT, &path, b))).await;
    for answer in answers {
        assert_eq!(answer.status(), StatusCode::OK);
    }
    let history = events(&app, &ids[0]).await;
    assert_eq!(history.len(), 12, "every change its own event: {history:?}");
    let mut seen = std::collections::BTreeSet::new();
    for event in &history {
        let reason = event["lawful_reason"]
            .as_str()
            .expect("a reason on every event");
        let prefix = match event["after_basis"].as_str() {
            Some("legitimate_interests") => "LI-",
            Some("vital_interests") => "VI-",
            other => panic!("unexpected basis {other:?}"),
        };
        assert!(reason.starts_with(prefix), "{event}");
        assert!(
            seen.insert(reason.to_owned()),
            "one event per change: {event}"
        );
    }
    let now = record(&app, &ids[0]).await;
    let last = history.last().expect("an event");
    assert_eq!(now["privacy"]["lawful_reason"], last["lawful_reason"]);
    assert_eq!(now["privacy"]["basis"], last["after_basis"]);
}
