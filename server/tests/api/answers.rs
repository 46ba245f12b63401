//! Public answers decide inside their transaction: one link answered many times at once
//! records one answer, a sign-up confirmed many times at once is confirmed once, and an
//! administrator's change landing while an answer is under way is never written over.

use futures::future::join_all;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::{
    consent::{answer, form_and_record, hand_over, record as record_of},
    helpers::{TestApp, new_client, send_as, spawn_app},
    signup::{
        confirmation_token, open_sign_up, open_sign_up_of, records_with, sign_up, submission,
    },
};

/// Sends the consent request and hands its message over: the link's token.
async fn live_link(app: &TestApp, form: &str, record: &str) -> String {
    let sent: Value = app
        .post(
            &format!("/api/v1/records/{record}/consent-requests"),
            &json!({"form_id": form}),
        )
        .await
        .json()
        .await
        .expect("json");
    hand_over(app, sent["message_id"].as_str().expect("message id")).await
}

async fn consent_events(app: &TestApp, record: &str) -> Vec<Value> {
    app.get(&format!("/api/v1/records/{record}/consent-events"))
        .await
        .json()
        .await
        .expect("json")
}

#[tokio::test]
async fn one_link_answered_many_times_at_once_records_one_answer() {
    let app = spawn_app().await;
    app.set_up().await;
    let (form, record) = form_and_record(&app, Some("twice@example.nl")).await;
    let token = live_link(&app, &form, &record).await;
    // Stopping processing spends the link: of sixteen at once, one is recorded.
    let stop = json!({"lang": "en", "decision": "stop_processing",
                      "choices": {"granted": [], "channels": []}});
    let answers = join_all((0..16).map(|_| answer(&app, &token, stop.clone()))).await;
    let mut statuses = Vec::new();
    for response in answers {
        let status = response.status();
        let body: Value = response.json().await.expect("json");
        if status == StatusCode::GONE {
            assert_eq!(body["error"], "link_spent", "{body}");
        }
        statuses.push(status);
    }
    let recorded = statuses.iter().filter(|s| **s == StatusCode::OK).count();
    let spent = statuses.iter().filter(|s| **s == StatusCode::GONE).count();
    assert_eq!((recorded, spent), (1, 15), "{statuses:?}");
    assert_eq!(consent_events(&app, &record).await.len(), 1);
    // One audit entry for the answer.
    let trail: Value = app
        .get("/api/v1/audit?action=consent.answered")
        .await
        .json()
        .await
        .expect("json");
    let answered = trail
        .as_array()
        .expect("entries")
        .iter()
        .filter(|e| e["action"] == "consent.answered")
        .count();
    assert_eq!(answered, 1, "{trail}");
}

#[tokio::test]
async fn the_same_grant_sent_many_times_at_once_through_one_link_is_recorded_once() {
    let app = spawn_app().await;
    app.set_up().await;
    let (form, record) = form_and_record(&app, Some("twice@example.nl")).await;
    let token = live_link(&app, &form, &record).await;
    let grant = json!({"lang": "en", "decision": "save",
                       "choices": {"granted": ["service"], "channels": ["email"]}});
    let answers = join_all((0..16).map(|_| answer(&app, &token, grant.clone()))).await;
    let mut receipts = Vec::new();
    let mut repeats = 0;
    for response in answers {
        match response.status() {
            StatusCode::OK => {
                let body: Value = response.json().await.expect("json");
                receipts.push(body["receipt"].clone());
            }
            StatusCode::GONE => {
                assert_eq!(error_code(response).await.as_deref(), Some("link_spent"));
                repeats += 1;
            }
            other => panic!("{other}"),
        }
    }
    assert_eq!((receipts.len(), repeats), (1, 15));
    assert_eq!(consent_events(&app, &record).await.len(), 1);
    // The link still takes a changed mind.
    let more = json!({"lang": "en", "decision": "save",
                      "choices": {"granted": ["service", "newsletter"], "channels": ["email"]}});
    assert_eq!(answer(&app, &token, more).await.status(), StatusCode::OK);
    assert_eq!(consent_events(&app, &record).await.len(), 2);
}

#[tokio::test]
async fn many_subjects_answering_at_once_are_each_recorded_on_one_intact_chain() {
    let app = spawn_app().await;
    app.set_up().await;
    let (form, first) = form_and_record(&app, Some("s0@example.nl")).await;
    let leads = app.module_id("leads").await;
    let mut records = vec![first];
    for i in 1..24 {
        let record: Value = app
            .post(
                "/api/v1/records",
                &json!({"module_id": leads, "basis": {"basis": "consent"},
                        "fields": {"last_name": "Jansen", "email": format!("s{i}@example.nl")}}),
            )
            .await
            .json()
            .await
            .expect("json");
        records.push(record["id"].as_str().expect("id").to_owned());
    }
    let mut tokens = Vec::new();
    for record in &records {
        tokens.push(live_link(&app, &form, record).await);
    }
    // Every link answered twice at once, the second time with fewer purposes: one subject's
    // second answer lands in the same group commit as the first and must see what the first
    // wrote.
    let save = json!({"lang": "en", "decision": "save",
                      "choices": {"granted": ["service", "newsletter"], "channels": ["email"]}});
    let narrower = json!({"lang": "en", "decision": "save",
                          "choices": {"granted": ["service"], "channels": ["email"]}});
    let answers = join_all(
        tokens
            .iter()
            .map(|token| answer(&app, token, save.clone()))
            .chain(
                tokens
                    .iter()
                    .map(|token| answer(&app, token, narrower.clone())),
            ),
    )
    .await;
    for response in answers {
        assert_eq!(response.status(), StatusCode::OK);
    }
    for record in &records {
        assert_eq!(consent_events(&app, record).await.len(), 2, "{record}");
        let shown = record_of(&app, record).await;
        assert_eq!(shown["privacy"]["consent"]["status"], "obtained", "{shown}");
        let mut history: Vec<Value> = app
            .get(&format!("/api/v1/records/{record}/events"))
            .await
            .json()
            .await
            .expect("json");
        history.retain(|e| {
            e["before_basis"] != e["after_basis"] || e["before_status"] != e["after_status"]
        });
        assert_history_is_a_chain(&history);
    }
    let verdict = app.audit_verdict().await;
    assert_eq!(verdict["status"], "intact", "{verdict}");
}

#[tokio::test]
async fn a_sign_up_confirmed_many_times_at_once_is_confirmed_once() {
    let app = spawn_app().await;
    app.set_up().await;
    open_sign_up(&app, Some(true)).await;
    let signed = sign_up(&app, &submission("confirm@example.nl")).await;
    assert_eq!(signed.status(), StatusCode::ACCEPTED);
    let token = confirmation_token(&app).await;
    let url = app.url(&format!("/api/public/sign-ups/{token}"));
    let client = new_client();
    let empty = json!({});
    let confirms = join_all((0..12).map(|_| send_as(&client, Method::POST, &url, &empty))).await;
    let statuses: Vec<StatusCode> = confirms.iter().map(reqwest::Response::status).collect();
    let confirmed = statuses.iter().filter(|s| **s == StatusCode::OK).count();
    let gone = statuses.iter().filter(|s| **s == StatusCode::GONE).count();
    assert_eq!((confirmed, gone), (1, 11), "{statuses:?}");
    let record = records_with(&app, "confirm@example.nl").await[0]["id"]
        .as_str()
        .expect("record")
        .to_owned();
    assert_eq!(consent_events(&app, &record).await.len(), 1);
}

/// Each history entry starts where the one before it ended: nothing was written over.
fn assert_history_is_a_chain(events: &[Value]) {
    for pair in events.windows(2) {
        let (earlier, later) = (&pair[0], &pair[1]);
        assert_eq!(
            (&earlier["after_basis"], &earlier["after_status"]),
            (&later["before_basis"], &later["before_status"]),
            "an entry that does not start where the one before ended: {earlier} then {later}"
        );
    }
}

/// The `error` code of an answer that was refused, if it was.
async fn error_code(response: reqwest::Response) -> Option<String> {
    let body: Value = response.json().await.ok()?;
    body["error"].as_str().map(str::to_owned)
}

#[tokio::test]
async fn an_administrators_change_while_a_subject_answers_is_not_written_over() {
    let app = spawn_app().await;
    app.set_up().await;
    let (form, _) = form_and_record(&app, None).await;
    let leads = app.module_id("leads").await;
    let mut links = Vec::new();
    for n in 0..24 {
        let record: Value = app
            .post(
                "/api/v1/records",
                &json!({"module_id": leads,
                        "fields": {"last_name": format!("Race {n}"),
                                   "email": format!("race{n}@example.nl")},
                        "basis": {"basis": "consent"}}),
            )
            .await
            .json()
            .await
            .expect("json");
        let id = record["id"].as_str().expect("id").to_owned();
        let token = live_link(&app, &form, &id).await;
        links.push((id, token));
    }
    // For every record at once: the officer moves it to Contract while its subject grants.
    let grant = json!({"lang": "en", "decision": "save",
                       "choices": {"granted": ["service"], "channels": ["email"]}});
    let races = links.iter().map(|(id, token)| {
        let app = &app;
        let grant = grant.clone();
        async move {
            let path = format!("/api/v1/records/{id}/basis");
            let contract = json!({"basis": "contract", "lawful_reason": "Delivery of the order"});
            let officer = app.send(Method::PUT, &path, &contract);
            let subject = answer(app, token, grant);
            let (officer, subject) = tokio::join!(officer, subject);
            let subject = (subject.status(), error_code(subject).await);
            (id, officer.status(), subject)
        }
    });
    for (id, officer, subject) in join_all(races).await {
        // The subject answered first, or found the record on Contract and was told the
        // organisation no longer asks for consent.
        assert!(
            subject.0 == StatusCode::OK
                || (subject.0 == StatusCode::CONFLICT
                    && subject.1.as_deref() == Some("basis_not_consent")),
            "{subject:?}"
        );
        assert!(
            officer == StatusCode::OK || officer == StatusCode::CONFLICT,
            "{officer}"
        );
        if officer == StatusCode::OK {
            // Whoever came first, the officer's decision is the last word.
            assert_eq!(
                record_of(&app, id).await["privacy"]["basis"],
                "contract",
                "{id}"
            );
        }
    }
    for (id, _) in &links {
        let mut events: Vec<Value> = app
            .get(&format!("/api/v1/records/{id}/events"))
            .await
            .json()
            .await
            .expect("json");
        // In the order they were written.
        events.retain(|e| {
            e["before_basis"] != e["after_basis"] || e["before_status"] != e["after_status"]
        });
        assert_history_is_a_chain(&events);
        let last = events.last().expect("an event");
        let now = record_of(&app, id).await;
        assert_eq!(now["privacy"]["basis"], last["after_basis"], "{id}");
        // The trail says what the officer's change really did: its before and after are the
        // record's as the change found and left it, not as read before the subject answered.
        let changed_by_officer: Vec<&Value> = events
            .iter()
            .filter(|e| e["after_basis"] == "contract" && e["before_basis"] != "contract")
            .collect();
        let trail: Vec<Value> = app
            .get("/api/v1/audit?action=record.basis_changed&limit=200")
            .await
            .json()
            .await
            .expect("json");
        let audited: Vec<&Value> = trail.iter().filter(|e| e["subject"] == *id).collect();
        assert_eq!(audited.len(), changed_by_officer.len(), "{id}: {audited:?}");
        for (entry, event) in audited.iter().rev().zip(&changed_by_officer) {
            assert_eq!(
                (&entry["before"]["basis"], &entry["before"]["status"]),
                (&event["before_basis"], &event["before_status"]),
                "{id}: {entry} for {event}"
            );
            assert_eq!(
                (&entry["after"]["basis"], &entry["after"]["status"]),
                (&event["after_basis"], &event["after_status"]),
                "{id}: {entry} for {event}"
            );
        }
    }
}

#[tokio::test]
async fn an_answer_in_a_language_the_form_does_not_have_is_refused_naming_lang() {
    let app = spawn_app().await;
    app.set_up().await;
    let (form, record) = form_and_record(&app, Some("lang@example.nl")).await;
    let token = live_link(&app, &form, &record).await;
    let grant = |lang: &str| {
        json!({"lang": lang, "decision": "save",
               "choices": {"granted": ["service"], "channels": ["email"]}})
    };
    let refused = answer(&app, &token, grant("fr")).await;
    assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
    let body: Value = refused.json().await.expect("json");
    assert_eq!(body["field"], "lang", "{body}");
    assert!(consent_events(&app, &record).await.is_empty());
    assert_eq!(
        answer(&app, &token, grant("nl")).await.status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn an_answer_sent_as_a_list_or_naming_a_purpose_twice_is_refused_and_records_nothing() {
    let app = spawn_app().await;
    app.set_up().await;
    let (form, record) = form_and_record(&app, Some("shape@example.nl")).await;
    let token = live_link(&app, &form, &record).await;
    for (body, field) in [
        (
            json!(["en", {"granted": ["service"], "channels": ["email"]}, "save"]),
            Value::Null,
        ),
        (
            json!({"lang": "en", "decision": "save", "choices": [["service"], ["email"]]}),
            json!("choices"),
        ),
        (
            json!({"lang": "en", "decision": "save",
                   "choices": {"granted": ["service", "service"], "channels": ["email"]}}),
            json!("choices.granted"),
        ),
    ] {
        let refused = answer(&app, &token, body.clone()).await;
        assert_eq!(refused.status(), StatusCode::BAD_REQUEST, "{body}");
        let error: Value = refused.json().await.expect("json");
        assert_eq!(error["field"], field, "{error}");
    }
    assert!(consent_events(&app, &record).await.is_empty());
    let grant = json!({"lang": "en", "decision": "save",
                       "choices": {"granted": ["service"], "channels": ["email"]}});
    assert_eq!(answer(&app, &token, grant).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn stopping_processing_records_nothing_granted_whatever_was_ticked() {
    let app = spawn_app().await;
    app.set_up().await;
    let (form, record) = form_and_record(&app, Some("stop@example.nl")).await;
    let token = live_link(&app, &form, &record).await;
    let stop = json!({"lang": "en", "decision": "stop_processing",
                      "choices": {"granted": ["service", "newsletter"], "channels": ["email"]}});
    let answered = answer(&app, &token, stop).await;
    assert_eq!(answered.status(), StatusCode::OK);
    let events = consent_events(&app, &record).await;
    assert_eq!(events.len(), 1);
    assert_eq!(events[0]["decision"], "refused", "{}", events[0]);
    assert_eq!(events[0]["choices"]["granted"], json!([]), "{}", events[0]);
    assert_eq!(events[0]["choices"]["channels"], json!([]), "{}", events[0]);
}

#[tokio::test]
async fn a_sign_up_without_confirmation_never_lifts_a_stop_the_subject_asked_for() {
    let app = spawn_app().await;
    app.set_up().await;
    let email = "stopped@example.nl";
    let (form, record) = form_and_record(&app, Some(email)).await;
    let token = live_link(&app, &form, &record).await;
    let stop = json!({"lang": "en", "decision": "stop_processing",
                      "choices": {"granted": [], "channels": []}});
    assert_eq!(answer(&app, &token, stop).await.status(), StatusCode::OK);
    open_sign_up_of(&app, &form, Some(false)).await;
    // Eight at once: none lifts the stop (past the per-address limit they are throttled).
    let body = submission(email);
    let tries = join_all((0..8).map(|_| sign_up(&app, &body))).await;
    let mut refused = 0;
    for attempt in tries {
        let status = attempt.status();
        if status == StatusCode::TOO_MANY_REQUESTS {
            continue;
        }
        assert_eq!(status, StatusCode::CONFLICT);
        let body: Value = attempt.json().await.expect("json");
        assert_eq!(body["error"], "stop_processing", "{body}");
        refused += 1;
    }
    assert!(refused > 0, "at least one sign-up got as far as the stop");
    let shown = record_of(&app, &record).await;
    assert_eq!(shown["privacy"]["stop_processing"], true, "{shown}");
    assert_eq!(consent_events(&app, &record).await.len(), 1);
}
