//! Delivery decides: a record moves to Waiting only when the SMTP server accepted its consent
//! request, tried with the real SMTP sink stopped, started again and refusing.

use std::time::Duration;

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::{
    consent::{ask, form_and_record, hand_over, record},
    helpers::{Options, SmtpSink, TestApp, error_body, spawn_app, spawn_app_with},
    rows::stored,
    signup::{open_sign_up, sign_up, submission},
};

/// A server delivering to `sink`, retrying for `retry_for` seconds.
async fn app_with_sink(sink: &SmtpSink, retry_for: u64) -> TestApp {
    let app = spawn_app_with(Options {
        smtp_port: Some(sink.port),
        mail_retry_for_seconds: retry_for,
        ..Options::default()
    })
    .await;
    app.set_up().await;
    app
}

/// The form and `n` Leads records on basis Consent (status Pending), each with an address.
async fn form_and_records(app: &TestApp, n: usize) -> (String, Vec<String>) {
    let (form, first) = form_and_record(app, Some("lid0@example.nl")).await;
    let leads = app.module_id("leads").await;
    let mut records = vec![first];
    for i in 1..n {
        let created: Value = app
            .post(
                "/api/v1/records",
                &json!({"module_id": leads, "basis": {"basis": "consent"},
                        "fields": {"last_name": format!("Lid {i}"),
                                   "email": format!("lid{i}@example.nl")}}),
            )
            .await
            .json()
            .await
            .expect("json");
        records.push(created["id"].as_str().expect("id").to_owned());
    }
    (form, records)
}

/// Starts a bulk send to every Leads record; returns the job id.
async fn bulk_send(app: &TestApp, form: &str) -> String {
    let leads = app.module_id("leads").await;
    let started = app
        .post(
            "/api/v1/consent-requests/bulk",
            &json!({"filter": {"module": leads, "basis": "consent"}, "form_id": form}),
        )
        .await;
    assert_eq!(started.status(), StatusCode::ACCEPTED);
    let started: Value = started.json().await.expect("json");
    started["id"].as_str().expect("id").to_owned()
}

/// Polls a bulk send until `done` holds of its progress (up to 60 s).
pub async fn progress_until(app: &TestApp, job: &str, done: impl Fn(&Value) -> bool) -> Value {
    let mut progress = Value::Null;
    for _ in 0..600 {
        progress = app
            .get(&format!("/api/v1/consent-requests/bulk/{job}"))
            .await
            .json()
            .await
            .expect("json");
        if done(&progress) {
            return progress;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the bulk send did not get there: {progress}");
}

/// Polls a record until its consent request is in `state` (up to 60 s).
async fn request_until(app: &TestApp, id: &str, state: &str) -> Value {
    let mut current = Value::Null;
    for _ in 0..600 {
        current = record(app, id).await;
        if current["consent_request"]["state"] == state {
            return current;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the consent request did not become {state}: {current}");
}

/// The history entries of a record.
async fn history(app: &TestApp, id: &str) -> Vec<Value> {
    app.get(&format!("/api/v1/records/{id}/events"))
        .await
        .json()
        .await
        .expect("json")
}

/// The mail's body with quoted-printable undone.
fn decoded(raw: &str) -> String {
    raw.replace("=\r\n", "")
        .replace("=\n", "")
        .replace("=3D", "=")
}

/// The token of the consent link in a received mail, checked against its List-Unsubscribe
/// header, which must point at the same hosted page.
fn token_in(app: &TestApp, raw: &str) -> String {
    let text = decoded(raw);
    let link = text
        .split_whitespace()
        .find(|w| w.starts_with(&app.url("/c/")))
        .expect("a link in the mail");
    let header = raw
        .lines()
        .find_map(|l| l.strip_prefix("List-Unsubscribe: "))
        .expect("a List-Unsubscribe header");
    assert_eq!(header.trim(), format!("<{link}>"), "{raw}");
    link.rsplit('/').next().expect("token").to_owned()
}

/// The recipient a received mail was sent to.
fn recipient(raw: &str) -> String {
    raw.lines()
        .find_map(|l| l.strip_prefix("To: "))
        .expect("To")
        .trim()
        .to_owned()
}

async fn page_status(app: &TestApp, token: &str) -> StatusCode {
    reqwest::get(app.url(&format!("/api/public/consent/{token}")))
        .await
        .expect("request")
        .status()
}

#[tokio::test]
async fn a_bulk_send_while_the_mail_server_is_down_moves_no_record_and_the_retry_delivers_each_once()
 {
    let mut sink = SmtpSink::start();
    // Retries for two seconds: after that, a message that was not taken has failed.
    let app = app_with_sink(&sink, 2).await;
    let (form, records) = form_and_records(&app, 6).await;
    sink.stop();

    let job = bulk_send(&app, &form).await;
    let progress = progress_until(&app, &job, |p| {
        p["state"] == "finished" && p["queued"] == 0 && p["failed"] == 6
    })
    .await;
    assert_eq!(
        (
            &progress["requested"],
            &progress["delivered"],
            &progress["stored"]
        ),
        (&json!(6), &json!(0), &json!(0)),
        "{progress}"
    );
    for id in &records {
        let pending = record(&app, id).await;
        assert_eq!(
            pending["privacy"]["consent"]["status"], "pending",
            "{pending}"
        );
        assert!(pending["privacy"]["consent"]["mail_sent_at"].is_null());
        assert_eq!(pending["consent_request"]["state"], "failed", "{pending}");
        let notes: Vec<String> = history(&app, id)
            .await
            .iter()
            .filter_map(|e| e["detail"].as_str().map(str::to_owned))
            .collect();
        assert!(
            notes.iter().any(|n| n.contains("queued for delivery")),
            "{notes:?}"
        );
        assert!(
            notes.iter().any(|n| n.contains("not delivered")),
            "{notes:?}"
        );
        assert!(
            !notes
                .iter()
                .any(|n| n.contains("delivered: the mail server accepted")),
            "{notes:?}"
        );
    }
    let outbox: Value = app.get("/api/v1/outbox").await.json().await.expect("json");
    let messages = outbox["messages"].as_array().expect("messages");
    assert_eq!(messages.len(), 6);
    assert_eq!(
        (&outbox["total"], &outbox["retryable"]),
        (&json!(6), &json!(6))
    );
    // A page of four says there are six in all, and the next page holds the other two; a
    // status filter counts its own matches while *Retry all* still counts every failure.
    let first: Value = app
        .get("/api/v1/outbox?limit=4")
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(
        (first["messages"].as_array().map(Vec::len), &first["total"]),
        (Some(4), &json!(6))
    );
    let next = first["next"].as_str().expect("a next page");
    let second: Value = app
        .get(&format!("/api/v1/outbox?limit=4&before={next}"))
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(second["messages"].as_array().map(Vec::len), Some(2));
    assert!(second["next"].is_null(), "{second}");
    let sent: Value = app
        .get("/api/v1/outbox?status=sent")
        .await
        .json()
        .await
        .expect("json");
    assert_eq!((&sent["total"], &sent["retryable"]), (&json!(0), &json!(6)));
    assert!(
        messages
            .iter()
            .all(|m| m["status"] == "failed" && m["attempts"].as_u64() >= Some(1)),
        "{outbox}"
    );

    // The server is back. The privacy officer retries the failed ones (five times at once,
    // as an impatient person might): each message goes out once.
    sink.resume();
    let before_retry = chrono::Utc::now();
    let mut clicks = tokio::task::JoinSet::new();
    for _ in 0..5 {
        let client = app.client.clone();
        let url = app.url("/api/v1/outbox/retry-failed");
        clicks.spawn(async move {
            client
                .post(url)
                .header("x-requested-with", "consentry")
                .send()
                .await
                .expect("request")
        });
    }
    let mut retried = 0;
    for response in clicks.join_all().await {
        assert_eq!(response.status(), StatusCode::OK);
        let body: Value = response.json().await.expect("json");
        retried += body["retried"].as_u64().expect("retried");
    }
    assert_eq!(retried, 6, "each failed message retried once");
    let progress = progress_until(&app, &job, |p| p["delivered"] == 6).await;
    assert_eq!(
        (&progress["failed"], &progress["queued"]),
        (&json!(0), &json!(0))
    );
    let mails = sink.wait_for(6).await;
    // Nothing more arrives: each message was delivered once.
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert_eq!(sink.messages().len(), 6);
    let mut to: Vec<String> = mails.iter().map(|m| recipient(m)).collect();
    to.sort();
    to.dedup();
    assert_eq!(to.len(), 6, "one mail per record: {to:?}");
    for id in &records {
        let waiting = record(&app, id).await;
        assert_eq!(waiting["privacy"]["consent"]["status"], "waiting");
        assert_eq!(waiting["consent_request"]["state"], "delivered");
        let sent_at: chrono::DateTime<chrono::Utc> =
            serde_json::from_value(waiting["privacy"]["consent"]["mail_sent_at"].clone())
                .expect("mail sent at");
        assert!(
            sent_at >= before_retry,
            "the waiting period runs from delivery"
        );
    }
    for mail in &mails {
        let token = token_in(&app, mail);
        assert_eq!(page_status(&app, &token).await, StatusCode::OK);
    }
}

#[tokio::test]
async fn a_message_queued_while_the_mail_server_is_down_goes_out_when_it_is_back() {
    let mut sink = SmtpSink::start();
    let app = app_with_sink(&sink, 24 * 60 * 60).await;
    let (form, records) = form_and_records(&app, 1).await;
    sink.stop();
    let sent = app
        .post(
            &format!("/api/v1/records/{}/consent-requests", records[0]),
            &json!({"form_id": form}),
        )
        .await;
    assert_eq!(sent.status(), StatusCode::CREATED);
    let sent: Value = sent.json().await.expect("json");
    assert_eq!(sent["delivery"], "queued", "it says queued, not sent");
    // Tried and not taken: still queued, the record where it was.
    let mut queued = record(&app, &records[0]).await;
    for _ in 0..400 {
        if queued["consent_request"]["attempts"].as_u64() >= Some(1) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
        queued = record(&app, &records[0]).await;
    }
    assert_eq!(queued["consent_request"]["state"], "queued", "{queued}");
    assert!(
        queued["consent_request"]["last_failure"].is_string(),
        "{queued}"
    );
    assert_eq!(queued["privacy"]["consent"]["status"], "pending");

    sink.resume();
    let delivered = request_until(&app, &records[0], "delivered").await;
    assert_eq!(delivered["privacy"]["consent"]["status"], "waiting");
    let mails = sink.wait_for(1).await;
    assert_eq!(mails.len(), 1);
    let token = token_in(&app, &mails[0]);
    assert_eq!(page_status(&app, &token).await, StatusCode::OK);
}

#[tokio::test]
async fn a_refusal_for_good_is_not_retried_and_a_try_later_is() {
    let sink = SmtpSink::start();
    let app = app_with_sink(&sink, 24 * 60 * 60).await;
    let (form, records) = form_and_records(&app, 2).await;
    sink.answer_with(Some("550 5.1.1 No such mailbox here"));
    app.post(
        &format!("/api/v1/records/{}/consent-requests", records[0]),
        &json!({"form_id": form}),
    )
    .await;
    let failed = request_until(&app, &records[0], "failed").await;
    assert!(
        failed["consent_request"]["reason"]
            .as_str()
            .is_some_and(|r| r.contains("550")),
        "{failed}"
    );
    assert_eq!(failed["privacy"]["consent"]["status"], "pending");
    // Retries come a second apart, doubling: none comes for a 5xx.
    tokio::time::sleep(Duration::from_secs(4)).await;
    assert_eq!(sink.refusals(), 1, "a 5xx answer is not retried");
    let outbox: Value = app.get("/api/v1/outbox").await.json().await.expect("json");
    assert_eq!(outbox["messages"][0]["attempts"], 1);
    assert_eq!(outbox["messages"][0]["status"], "failed");

    // "Try again later" is retried until the server takes it.
    sink.answer_with(Some("451 4.3.0 Try again later"));
    app.post(
        &format!("/api/v1/records/{}/consent-requests", records[1]),
        &json!({"form_id": form}),
    )
    .await;
    for _ in 0..100 {
        if sink.refusals() >= 3 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(sink.refusals() >= 3, "tried again after a 4xx");
    assert_eq!(
        record(&app, &records[1]).await["consent_request"]["state"],
        "queued"
    );
    sink.answer_with(None);
    let delivered = request_until(&app, &records[1], "delivered").await;
    assert_eq!(delivered["privacy"]["consent"]["status"], "waiting");
    assert_eq!(sink.wait_for(1).await.len(), 1);
}

#[tokio::test]
async fn a_second_request_revokes_the_first_link() {
    let sink = SmtpSink::start();
    let app = app_with_sink(&sink, 24 * 60 * 60).await;
    let (form, records) = form_and_records(&app, 1).await;
    let path = format!("/api/v1/records/{}/consent-requests", records[0]);
    let body = json!({"form_id": form});
    let ask = || app.post(&path, &body);
    assert_eq!(ask().await.status(), StatusCode::CREATED);
    let first = token_in(&app, &sink.wait_for(1).await[0]);
    assert_eq!(page_status(&app, &first).await, StatusCode::OK);
    assert_eq!(ask().await.status(), StatusCode::CREATED);
    let mails = sink.wait_for(2).await;
    let second = mails
        .iter()
        .map(|m| token_in(&app, m))
        .find(|t| *t != first)
        .expect("a second link");
    // The first link stops working once the second message is recorded as delivered.
    for _ in 0..50 {
        if page_status(&app, &first).await == StatusCode::GONE {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let old = reqwest::get(app.url(&format!("/api/public/consent/{first}")))
        .await
        .expect("request");
    assert_eq!(
        error_body(old, StatusCode::GONE).await["error"],
        "link_revoked"
    );
    let answered_old = app
        .client
        .post(app.url(&format!("/api/public/consent/{first}")))
        .header("x-requested-with", "consentry")
        .json(&json!({"lang": "en", "decision": "save",
                      "choices": {"granted": ["service"], "channels": []}}))
        .send()
        .await
        .expect("request");
    assert_eq!(answered_old.status(), StatusCode::GONE);
    assert_eq!(page_status(&app, &second).await, StatusCode::OK);
    assert_eq!(
        record(&app, &records[0]).await["privacy"]["consent"]["status"],
        "waiting"
    );
}

#[tokio::test]
async fn a_request_that_cannot_be_delivered_leaves_the_delivered_link_working() {
    let sink = SmtpSink::start();
    let app = app_with_sink(&sink, 24 * 60 * 60).await;
    let (form, records) = form_and_records(&app, 1).await;
    let path = format!("/api/v1/records/{}/consent-requests", records[0]);
    let body = json!({"form_id": form});
    assert_eq!(app.post(&path, &body).await.status(), StatusCode::CREATED);
    let first = token_in(&app, &sink.wait_for(1).await[0]);
    request_until(&app, &records[0], "delivered").await;
    // The mail server refuses the next request for good: the subject keeps the link they hold.
    sink.answer_with(Some("550 5.1.1 No such mailbox here"));
    assert_eq!(app.post(&path, &body).await.status(), StatusCode::CREATED);
    request_until(&app, &records[0], "failed").await;
    assert_eq!(page_status(&app, &first).await, StatusCode::OK);
    assert_eq!(
        record(&app, &records[0]).await["privacy"]["consent"]["status"],
        "waiting"
    );
}

#[tokio::test]
async fn a_newer_request_replaces_an_undelivered_one_and_ten_at_once_leave_one_live_link() {
    // Without SMTP the messages wait in the Outbox to be sent by hand.
    let app = spawn_app().await;
    app.set_up().await;
    let (form, records) = form_and_records(&app, 1).await;
    let path = format!("/api/v1/records/{}/consent-requests", records[0]);
    let mut asks = tokio::task::JoinSet::new();
    for _ in 0..10 {
        let client = app.client.clone();
        let url = app.url(&path);
        let body = json!({"form_id": form});
        asks.spawn(async move {
            client
                .post(url)
                .header("x-requested-with", "consentry")
                .json(&body)
                .send()
                .await
                .expect("request")
                .status()
        });
    }
    let statuses = asks.join_all().await;
    assert!(
        statuses.iter().all(|s| *s == StatusCode::CREATED),
        "{statuses:?}"
    );
    let outbox: Value = app.get("/api/v1/outbox").await.json().await.expect("json");
    let messages = outbox["messages"].as_array().expect("messages");
    let kept: Vec<&Value> = messages
        .iter()
        .filter(|m| m["status"] == "stored")
        .collect();
    assert_eq!(
        kept.len(),
        1,
        "one message still carries a live link: {outbox}"
    );
    assert!(
        messages
            .iter()
            .filter(|m| m["status"] != "stored")
            .all(|m| m["status"] == "failed" && m["replaced_by"].is_string()),
        "{outbox}"
    );
    let live = crate::rows::Rows::of(&app)
        .await
        .count("SELECT COUNT(*) FROM consent_links WHERE revoked_at IS NULL")
        .await;
    assert_eq!(live, 1);
    // A replaced message can neither be handed over nor retried.
    let replaced = messages
        .iter()
        .find(|m| m["status"] == "failed")
        .and_then(|m| m["id"].as_str())
        .expect("a replaced message");
    let handed = app
        .post(&format!("/api/v1/outbox/{replaced}/hand-over"), &json!({}))
        .await;
    assert_eq!(
        error_body(handed, StatusCode::CONFLICT).await["error"],
        "message_not_stored"
    );
    let token = hand_over(&app, kept[0]["id"].as_str().expect("id")).await;
    assert_eq!(page_status(&app, &token).await, StatusCode::OK);
}

#[tokio::test]
async fn without_smtp_the_record_waits_only_once_its_message_is_handed_over() {
    let mut app = spawn_app().await;
    app.set_up().await;
    let (form, records) = form_and_records(&app, 1).await;
    let sent: Value = app
        .post(
            &format!("/api/v1/records/{}/consent-requests", records[0]),
            &json!({"form_id": form}),
        )
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(sent["delivery"], "stored");
    let kept = record(&app, &records[0]).await;
    assert_eq!(kept["privacy"]["consent"]["status"], "pending");
    assert_eq!(kept["consent_request"]["state"], "stored");
    let outbox: Value = app.get("/api/v1/outbox").await.json().await.expect("json");
    let body = outbox["messages"][0]["body_text"].as_str().expect("body");
    assert!(
        body.contains("/c/\u{2022}\u{2022}"),
        "the link is masked: {body}"
    );
    let message = sent["message_id"].as_str().expect("id");

    // Handed over with an Idempotency-Key: the answer holding the link is not kept.
    let handed = app
        .client
        .post(app.url(&format!("/api/v1/outbox/{message}/hand-over")))
        .header("x-requested-with", "consentry")
        .header("idempotency-key", "hand-over-1")
        .send()
        .await
        .expect("request");
    assert_eq!(handed.status(), StatusCode::OK);
    assert_eq!(
        handed.headers()["cache-control"].to_str().ok(),
        Some("no-store")
    );
    let handed: Value = handed.json().await.expect("json");
    let token = handed["body_text"]
        .as_str()
        .and_then(|b| b.split_whitespace().find(|w| w.contains("/c/")))
        .and_then(|l| l.rsplit('/').next())
        .expect("the link")
        .to_owned();
    assert_eq!(token.len(), 43);
    let waiting = record(&app, &records[0]).await;
    assert_eq!(waiting["privacy"]["consent"]["status"], "waiting");
    assert_eq!(waiting["consent_request"]["state"], "delivered");
    let again = app
        .post(&format!("/api/v1/outbox/{message}/hand-over"), &json!({}))
        .await;
    assert_eq!(
        error_body(again, StatusCode::CONFLICT).await["error"],
        "message_not_stored"
    );
    // Nothing to retry without SMTP.
    let retry = app.post("/api/v1/outbox/retry-failed", &json!({})).await;
    assert_eq!(
        error_body(retry, StatusCode::CONFLICT).await["error"],
        "no_smtp_server"
    );
    assert_eq!(page_status(&app, &token).await, StatusCode::OK);
    assert_eq!(
        stored(&app, &token).await,
        0,
        "the token is nowhere in the database or its WAL"
    );
    app.stop().await;
    assert_eq!(
        stored(&app, &token).await,
        0,
        "nor in the database file once it is complete"
    );
}

#[tokio::test]
async fn no_stored_message_holds_a_token() {
    let sink = SmtpSink::start();
    let mut app = app_with_sink(&sink, 24 * 60 * 60).await;
    let (form, records) = form_and_records(&app, 4).await;
    let job = bulk_send(&app, &form).await;
    progress_until(&app, &job, |p| p["delivered"] == 4).await;
    // One more, with a template whose HTML part carries the link too.
    let template: Value = app
        .post(
            "/api/v1/email-templates",
            &json!({"name": "HTML", "subject": "Consent?",
                    "body_text": "Hier: {{consent_link.nl}}",
                    "body_html": "<a href=\"{{consent_link}}\">ja</a>"}),
        )
        .await
        .json()
        .await
        .expect("json");
    app.post(
        &format!("/api/v1/records/{}/consent-requests", records[0]),
        &json!({"form_id": form, "template_id": template["id"]}),
    )
    .await;
    request_until(&app, &records[0], "delivered").await;
    let mails = sink.wait_for(5).await;
    let tokens: Vec<String> = mails
        .iter()
        .map(|m| {
            decoded(m)
                .split(|c: char| c.is_whitespace() || c == '"' || c == '<' || c == '>')
                .find(|w| w.contains("/c/"))
                .and_then(|l| l.split('?').next())
                .and_then(|l| l.rsplit('/').next())
                .expect("a link")
                .to_owned()
        })
        .collect();
    let outbox: Value = app.get("/api/v1/outbox").await.json().await.expect("json");
    for token in &tokens {
        assert_eq!(token.len(), 43, "{token}");
        assert!(!outbox.to_string().contains(token.as_str()));
    }
    for token in &tokens {
        assert_eq!(
            stored(&app, token).await,
            0,
            "a token in the database file or its WAL"
        );
    }
    app.stop().await;
    for token in &tokens {
        assert_eq!(
            stored(&app, token).await,
            0,
            "a token in the completed database file"
        );
    }
}

#[tokio::test]
async fn a_retry_after_the_link_expired_sends_a_fresh_link() {
    let mut sink = SmtpSink::start();
    let app = app_with_sink(&sink, 1).await;
    let (form, records) = form_and_records(&app, 1).await;
    sink.stop();
    let sent: Value = app
        .post(
            &format!("/api/v1/records/{}/consent-requests", records[0]),
            &json!({"form_id": form}),
        )
        .await
        .json()
        .await
        .expect("json");
    let message = sent["message_id"].as_str().expect("id").to_owned();
    request_until(&app, &records[0], "failed").await;
    crate::rows::Rows::of(&app)
        .await
        .set_time(
            "consent_links",
            "expires_at",
            "true",
            chrono::DateTime::UNIX_EPOCH,
        )
        .await;
    sink.resume();
    // Ten clicks at once: one fresh request, the others told it was replaced.
    let mut clicks = tokio::task::JoinSet::new();
    for _ in 0..10 {
        let client = app.client.clone();
        let url = app.url(&format!("/api/v1/outbox/{message}/retry"));
        clicks.spawn(async move {
            client
                .request(Method::POST, url)
                .header("x-requested-with", "consentry")
                .send()
                .await
                .expect("request")
        });
    }
    let mut renewed = 0;
    for response in clicks.join_all().await {
        if response.status() == StatusCode::OK {
            let body: Value = response.json().await.expect("json");
            renewed += body["renewed"].as_u64().expect("renewed");
        } else {
            assert_eq!(
                error_body(response, StatusCode::CONFLICT).await["error"],
                "message_replaced"
            );
        }
    }
    assert_eq!(renewed, 1, "one fresh link");
    let delivered = request_until(&app, &records[0], "delivered").await;
    assert_eq!(delivered["privacy"]["consent"]["status"], "waiting");
    let mails = sink.wait_for(1).await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert_eq!(sink.messages().len(), 1);
    assert_eq!(
        page_status(&app, &token_in(&app, &mails[0])).await,
        StatusCode::OK
    );
    let outbox: Value = app.get("/api/v1/outbox").await.json().await.expect("json");
    let old = outbox["messages"]
        .as_array()
        .and_then(|m| m.iter().find(|m| m["id"] == message.as_str()))
        .expect("the old message");
    assert!(old["replaced_by"].is_string(), "{old}");
    let again = app
        .post(&format!("/api/v1/outbox/{message}/retry"), &json!({}))
        .await;
    assert_eq!(
        error_body(again, StatusCode::CONFLICT).await["error"],
        "message_replaced"
    );
}

#[tokio::test]
async fn a_sign_up_whose_confirmation_cannot_be_delivered_is_not_left_to_expire_as_waiting() {
    let mut sink = SmtpSink::start();
    let app = app_with_sink(&sink, 1).await;
    open_sign_up(&app, None).await;
    sink.stop();
    let answered = sign_up(&app, &submission("els@example.nl")).await;
    assert_eq!(answered.status(), StatusCode::ACCEPTED);
    let page: Value = app
        .get("/api/v1/records?q=els@example.nl")
        .await
        .json()
        .await
        .expect("json");
    let id = page["records"][0]["id"].as_str().expect("id").to_owned();
    let mut notes = Vec::new();
    for _ in 0..600 {
        notes = history(&app, &id)
            .await
            .iter()
            .filter_map(|e| e["detail"].as_str().map(str::to_owned))
            .collect();
        if notes.iter().any(|n| n.contains("not delivered")) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(
        notes
            .iter()
            .any(|n| n.starts_with("Sign-up confirmation not delivered")),
        "{notes:?}"
    );
    let pending = record(&app, &id).await;
    assert_eq!(pending["privacy"]["consent"]["status"], "pending");
    assert!(pending["privacy"]["consent"]["mail_sent_at"].is_null());

    // Retried from the Outbox once the server is back: delivered, and only then Waiting.
    sink.resume();
    let retried = app.post("/api/v1/outbox/retry-failed", &json!({})).await;
    assert_eq!(retried.status(), StatusCode::OK);
    sink.wait_for(1).await;
    let mut waiting = record(&app, &id).await;
    for _ in 0..200 {
        if waiting["privacy"]["consent"]["status"] == "waiting" {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
        waiting = record(&app, &id).await;
    }
    assert_eq!(waiting["privacy"]["consent"]["status"], "waiting");
}

#[tokio::test]
async fn a_message_from_before_links_were_sealed_has_its_token_masked_at_start() {
    let mut app = spawn_app().await;
    app.set_up().await;
    let (form, records) = form_and_records(&app, 1).await;
    let sent: Value = app
        .post(
            &format!("/api/v1/records/{}/consent-requests", records[0]),
            &json!({"form_id": form}),
        )
        .await
        .json()
        .await
        .expect("json");
    let token = hand_over(&app, sent["message_id"].as_str().expect("id")).await;
    // A message as an older version kept it: the token in the body, in plain text.
    let rows = crate::rows::Rows::of(&app).await;
    // Written into the SQL as it is: URL-safe base64, nothing to quote.
    assert!(
        token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_".contains(&b))
    );
    let older = format!(
        "INSERT INTO outbox (organisation_id, id, record_id, recipient, subject, body_text,
             created_at, status)
         SELECT organisation_id, {}, record_id, recipient, subject,
                replace(body_text, '{}', '{token}'), created_at, 'stored' FROM outbox",
        rows.id(uuid::Uuid::now_v7()),
        consentry_model::consent::MASKED_TOKEN,
    );
    assert_eq!(rows.execute(&older).await.expect("an older message"), 1);
    rows.close().await;
    assert!(
        stored(&app, &token).await > 0,
        "the older message holds the token"
    );
    app.stop().await;
    let dir = std::mem::replace(&mut app.dir, tempfile::tempdir().expect("temp dir"));

    let mut restarted = crate::helpers::spawn_app_in(dir, Options::default()).await;
    let signed_in = restarted
        .post(
            "/api/v1/session",
            &json!({"email": crate::helpers::ADMIN_EMAIL,
                    "password": crate::helpers::ADMIN_PASSWORD}),
        )
        .await;
    assert_eq!(signed_in.status(), StatusCode::OK);
    let outbox: Value = restarted
        .get("/api/v1/outbox")
        .await
        .json()
        .await
        .expect("json");
    let older = &outbox["messages"][0];
    assert_eq!(older["kind"], "consent_request");
    assert!(!outbox.to_string().contains(&token));
    // Still handed over with its own link (to the address it was made for).
    let id = older["id"].as_str().expect("id");
    let handed: Value = restarted
        .post(&format!("/api/v1/outbox/{id}/hand-over"), &json!({}))
        .await
        .json()
        .await
        .expect("json");
    assert!(
        handed["body_text"]
            .as_str()
            .is_some_and(|b| b.contains(&format!("/c/{token}"))),
        "{handed}"
    );
    restarted.stop().await;
    assert_eq!(
        stored(&restarted, &token).await,
        0,
        "no plain token left in the database"
    );
}

/// Polls a data-subject request until its newest message to the requester is in `status`.
async fn notice_until(app: &TestApp, request: &str, notice: &str, status: &str) -> Value {
    let mut current = Value::Null;
    for _ in 0..600 {
        current = app
            .get(&format!("/api/v1/requests/{request}"))
            .await
            .json()
            .await
            .expect("json");
        let newest = current["messages"]
            .as_array()
            .and_then(|m| m.iter().rev().find(|m| m["notice"] == notice));
        if newest.is_some_and(|m| m["status"] == status) {
            return current;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the {notice} message did not become {status}: {current}");
}

/// The one received mail whose text holds `needle` (quoted-printable undone).
fn mail_with(mails: &[String], needle: &str) -> String {
    let found: Vec<String> = mails
        .iter()
        .map(|m| decoded(m))
        .filter(|m| m.contains(needle))
        .collect();
    assert_eq!(found.len(), 1, "one mail with {needle:?}: {found:?}");
    found[0].clone()
}

#[tokio::test]
async fn every_evidence_mail_counts_as_sent_only_once_the_server_took_it_and_its_code_is_never_stored()
 {
    let mut sink = SmtpSink::start();
    let mut app = app_with_sink(&sink, 24 * 60 * 60).await;
    crate::requests::subject_in_two_modules(&app, "eva@example.nl").await;
    open_sign_up(&app, None).await;
    sink.stop();

    // The privacy centre's code, asked for while the mail server is down, arrives when it is
    // back; its subject line does not give it away.
    let asked = crate::requests::ask(
        &app,
        &json!({"kind": "access", "email": "eva@example.nl", "lang": "nl"}),
    )
    .await;
    assert_eq!(asked.status(), StatusCode::ACCEPTED);
    let challenge = asked.json::<Value>().await.expect("json")["challenge"]
        .as_str()
        .expect("challenge")
        .to_owned();
    // The double opt-in confirmation, too.
    let signed = sign_up(&app, &submission("els@example.nl")).await;
    assert_eq!(signed.status(), StatusCode::ACCEPTED);
    let outbox: Value = app.get("/api/v1/outbox").await.json().await.expect("json");
    assert!(
        outbox["messages"]
            .as_array()
            .expect("messages")
            .iter()
            .all(|m| m["status"] == "queued"),
        "nothing counts as sent while the server is down: {outbox}"
    );
    sink.resume();
    let mails = sink.wait_for(2).await;
    let code_mail = mail_with(&mails, "uw bevestigingscode");
    let code = crate::requests::code_in(&code_mail);
    let subject = code_mail
        .lines()
        .find(|l| l.starts_with("Subject:"))
        .expect("subject");
    assert!(!subject.contains(&code), "{subject}");
    let confirm_mail = mail_with(&mails, "/confirm/");
    let confirm_token = crate::signup::token_in_confirmation(&app, &confirm_mail);
    assert_eq!(confirm_token.len(), 43, "{confirm_token}");
    let filed = crate::requests::answer(&app, &challenge, &code).await;
    assert_eq!(filed.status(), StatusCode::OK);
    let queue = app.queue("/api/v1/requests").await;
    let request = queue[0]["id"].as_str().expect("request").to_owned();
    assert_eq!(queue[0]["requested_by"], "eva@example.nl");

    // An extension told while the server is down: queued on the request, sent once taken.
    sink.stop();
    let extended = app
        .post(
            &format!("/api/v1/requests/{request}/actions"),
            &json!({"action": "extend", "months": 1, "reason": "Veel systemen"}),
        )
        .await;
    assert_eq!(extended.status(), StatusCode::OK);
    let extended: Value = extended.json().await.expect("json");
    assert_eq!(extended["messages"][0]["notice"], "extended");
    assert_eq!(extended["messages"][0]["status"], "queued", "{extended}");
    assert!(extended["messages"][0]["sent_at"].is_null());
    tokio::time::sleep(Duration::from_millis(500)).await;
    let still = notice_until(&app, &request, "extended", "queued").await;
    assert!(still["messages"][0]["sent_at"].is_null(), "{still}");
    sink.resume();
    let sent = notice_until(&app, &request, "extended", "sent").await;
    assert!(sent["messages"][0]["sent_at"].is_string(), "{sent}");
    let mails = sink.wait_for(3).await;
    mail_with(&mails, "Veel systemen");

    // The export's link refused for good: the request shows it failed, not sent; in the
    // language the request was made in, with its link.
    sink.answer_with(Some("550 5.1.1 No such mailbox here"));
    let exported = app
        .post(&format!("/api/v1/requests/{request}/export"), &json!({}))
        .await;
    assert_eq!(exported.status(), StatusCode::OK);
    notice_until(&app, &request, "export_ready", "failed").await;
    sink.answer_with(None);
    let outbox: Value = app.get("/api/v1/outbox").await.json().await.expect("json");
    let failed = outbox["messages"]
        .as_array()
        .expect("messages")
        .iter()
        .find(|m| m["kind"] == "export_link")
        .expect("the export's message")
        .clone();
    assert_eq!(failed["status"], "failed");
    let retried = app
        .post(
            &format!(
                "/api/v1/outbox/{}/retry",
                failed["id"].as_str().expect("id")
            ),
            &json!({}),
        )
        .await;
    assert_eq!(retried.status(), StatusCode::OK);
    notice_until(&app, &request, "export_ready", "sent").await;
    let mails = sink.wait_for(4).await;
    let export_mail = mail_with(&mails, "/api/public/exports/");
    assert!(
        export_mail.contains("uw gegevens staan klaar"),
        "{export_mail}"
    );
    assert!(
        !export_mail.contains("Hello") && !export_mail.contains("your data"),
        "one language: {export_mail}"
    );
    let link = export_mail
        .split_whitespace()
        .find(|w| w.contains("/api/public/exports/"))
        .expect("link")
        .to_owned();
    let export_token = link.rsplit('/').next().expect("token").to_owned();
    let downloaded = reqwest::get(&link).await.expect("request");
    assert_eq!(downloaded.status(), StatusCode::OK);

    // No code or token the mails carried is in the Outbox or the database file.
    let outbox = app.get("/api/v1/outbox").await.text().await.expect("text");
    for secret in [&code, &confirm_token, &export_token] {
        assert!(!outbox.contains(secret.as_str()), "{secret} in the Outbox");
        assert_eq!(
            stored(&app, secret).await,
            0,
            "{secret} in the database file"
        );
    }
    app.stop().await;
    for secret in [&code, &confirm_token, &export_token] {
        assert_eq!(
            stored(&app, secret).await,
            0,
            "{secret} in the completed file"
        );
    }
}

/// The organisation's outbox messages of `kind`.
async fn messages_of(app: &TestApp, kind: &str) -> Vec<Value> {
    let outbox: Value = app.get("/api/v1/outbox").await.json().await.expect("json");
    outbox["messages"]
        .as_array()
        .expect("messages")
        .iter()
        .filter(|m| m["kind"] == kind)
        .cloned()
        .collect()
}

#[tokio::test]
async fn an_evidence_mail_stops_retrying_when_what_it_carries_expires_and_is_never_sent_late() {
    let mut sink = SmtpSink::start();
    // Retried for a day, as configured by default: far longer than a code lives.
    let app = app_with_sink(&sink, 24 * 60 * 60).await;
    crate::requests::subject_in_two_modules(&app, "eva@example.nl").await;
    sink.stop();
    let asked = crate::requests::ask(
        &app,
        &json!({"kind": "access", "email": "eva@example.nl", "lang": "nl"}),
    )
    .await;
    assert_eq!(asked.status(), StatusCode::ACCEPTED);
    let expires_at = asked.json::<Value>().await.expect("json")["expires_at"]
        .as_str()
        .expect("expires_at")
        .to_owned();
    let expires_at: chrono::DateTime<chrono::Utc> = expires_at.parse().expect("a time");
    // The message knows when its code stops working.
    let rows = crate::rows::Rows::of(&app).await;
    let code_message = "kind = 'privacy_centre_code'";
    let stored = rows.time("outbox", "expires_at", code_message).await;
    assert_eq!(stored.timestamp_millis(), expires_at.timestamp_millis());
    // Tried once while the server is down, and not taken: queued.
    let mut code = Vec::new();
    for _ in 0..400 {
        code = messages_of(&app, "privacy_centre_code").await;
        if code[0]["attempts"].as_u64() >= Some(1) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(code[0]["status"], "queued", "{code:?}");
    // Its 15 minutes pass while it waits for the next attempt.
    rows.set_time("outbox", "expires_at", code_message, chrono::Utc::now())
        .await;
    for _ in 0..400 {
        code = messages_of(&app, "privacy_centre_code").await;
        if code[0]["status"] != "queued" {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(code[0]["status"], "failed", "{code:?}");
    let detail = code[0]["detail"].as_str().expect("detail");
    assert!(
        detail.starts_with("Expired before it could be delivered"),
        "{detail}"
    );
    // The server back, nothing goes out late, and the Outbox will not send it again.
    sink.resume();
    tokio::time::sleep(Duration::from_millis(2500)).await;
    assert!(sink.messages().is_empty(), "an expired code was delivered");
    let id = code[0]["id"].as_str().expect("id");
    let retried = app
        .post(&format!("/api/v1/outbox/{id}/retry"), &json!({}))
        .await;
    assert_eq!(
        error_body(retried, StatusCode::CONFLICT).await["error"],
        "message_expired"
    );
    // "Retry failed" leaves it as it is, too.
    let all = app.post("/api/v1/outbox/retry-failed", &json!({})).await;
    assert_eq!(all.status(), StatusCode::OK);
    assert_eq!(
        messages_of(&app, "privacy_centre_code").await[0]["status"],
        "failed"
    );
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert!(sink.messages().is_empty(), "an expired code was delivered");
}

#[tokio::test]
async fn a_deleted_records_queued_request_is_never_sent_and_says_why() {
    let sink = SmtpSink::start();
    let app = app_with_sink(&sink, 24 * 60 * 60).await;
    let (form, records) = form_and_records(&app, 2).await;
    // The mail server answers "try later": both requests wait in the queue.
    sink.answer_with(Some("451 4.3.0 Try again later"));
    for record in &records {
        ask(&app, &form, record).await;
    }
    // Deleted between attempts (three tried: the next comes 4 s later), so that no attempt
    // is in the mail server's hands then (one that is goes out, and says so).
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    loop {
        let outbox: Value = app.get("/api/v1/outbox").await.json().await.expect("json");
        let tried = outbox["messages"]
            .as_array()
            .expect("messages")
            .iter()
            .filter(|m| m["attempts"].as_u64().unwrap_or_default() >= 3)
            .count();
        if tried == 2 {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "{outbox}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let deleted = app
        .send(
            reqwest::Method::DELETE,
            &format!("/api/v1/records/{}", records[0]),
            &json!({}),
        )
        .await;
    assert_eq!(deleted.status(), StatusCode::NO_CONTENT);

    // Back again: only the kept record's request goes out.
    sink.answer_with(None);
    request_until(&app, &records[1], "delivered").await;
    tokio::time::sleep(Duration::from_secs(3)).await;
    let mails = sink.messages();
    assert_eq!(
        mails.len(),
        1,
        "one mail, to the record that is still there"
    );
    assert!(mails[0].contains("lid1@example.nl"), "{}", mails[0]);
    let outbox: Value = app.get("/api/v1/outbox").await.json().await.expect("json");
    let failed: Vec<&Value> = outbox["messages"]
        .as_array()
        .expect("messages")
        .iter()
        .filter(|m| m["status"] == "failed")
        .collect();
    assert_eq!(failed.len(), 1, "{outbox}");
    assert!(
        failed[0]["detail"]
            .as_str()
            .is_some_and(|d| d.contains("record was deleted")),
        "{outbox}"
    );
}

/// Each record's consent requests in the Outbox.
async fn requests_per_record(app: &TestApp, records: &[String]) -> Vec<usize> {
    let outbox: Value = app.get("/api/v1/outbox").await.json().await.expect("json");
    let messages = outbox["messages"].as_array().expect("messages");
    records
        .iter()
        .map(|r| {
            messages
                .iter()
                .filter(|m| m["record_id"] == r.as_str() && m["kind"] == "consent_request")
                .count()
        })
        .collect()
}

#[tokio::test]
async fn asking_the_rest_of_a_list_skips_whoever_was_reached_since_and_asks_again_where_it_failed()
{
    let mut sink = SmtpSink::start();
    let app = app_with_sink(&sink, 24 * 60 * 60).await;
    let (form, records) = form_and_records(&app, 5).await;
    // Asked before the time given: asked again.
    ask(&app, &form, &records[4]).await;
    request_until(&app, &records[4], "delivered").await;
    tokio::time::sleep(Duration::from_millis(20)).await;
    let since = chrono::Utc::now();
    // Since then: one request refused for good (asked again), two delivered and one still
    // waiting for the mail server (all three skipped).
    sink.answer_with(Some("550 5.1.1 No such mailbox here"));
    ask(&app, &form, &records[0]).await;
    request_until(&app, &records[0], "failed").await;
    sink.answer_with(None);
    for record in &records[1..3] {
        ask(&app, &form, record).await;
        request_until(&app, record, "delivered").await;
    }
    assert_eq!(sink.wait_for(3).await.len(), 3);
    sink.stop();
    ask(&app, &form, &records[3]).await;
    assert_eq!(requests_per_record(&app, &records).await, [1, 1, 1, 1, 1]);

    let leads = app.module_id("leads").await;
    let started = app
        .post(
            "/api/v1/consent-requests/bulk",
            &json!({"filter": {"module": leads, "basis": "consent"}, "form_id": form,
                    "skip_asked_since": since}),
        )
        .await;
    assert_eq!(started.status(), StatusCode::ACCEPTED);
    let started: Value = started.json().await.expect("json");
    let job = started["id"].as_str().expect("id");
    let done = progress_until(&app, job, |p| p["state"] == "finished").await;
    assert_eq!(done["requested"], 2, "{done}");
    assert_eq!(done["skipped"], json!({"asked_since": 3}), "{done}");
    // The failed one and the one asked before the time given: one more each.
    assert_eq!(requests_per_record(&app, &records).await, [2, 1, 1, 1, 2]);
    sink.resume();
    progress_until(&app, job, |p| p["delivered"] == 2).await;
    assert_eq!(sink.wait_for(6).await.len(), 6);

    // A time to come would skip no one: refused, naming the field, nothing sent.
    let future = app
        .post(
            "/api/v1/consent-requests/bulk",
            &json!({"filter": {"module": leads, "basis": "consent"}, "form_id": form,
                    "skip_asked_since": chrono::Utc::now() + chrono::Duration::days(1)}),
        )
        .await;
    let body = error_body(future, StatusCode::BAD_REQUEST).await;
    assert_eq!(body["field"], "skip_asked_since", "{body}");
    // A time that is not one is refused, naming the field, and nothing is sent.
    let refused = app
        .post(
            "/api/v1/consent-requests/bulk",
            &json!({"filter": {"module": leads, "basis": "consent"}, "form_id": form,
                    "skip_asked_since": "yesterday"}),
        )
        .await;
    let body = error_body(refused, StatusCode::BAD_REQUEST).await;
    assert!(body.to_string().contains("skip_asked_since"), "{body}");
    assert_eq!(requests_per_record(&app, &records).await, [2, 1, 1, 1, 2]);
}

#[tokio::test]
async fn the_outbox_is_read_a_page_at_a_time_and_filtered_by_status_kind_and_record() {
    // No SMTP server: every message is kept in the Outbox.
    let app = spawn_app().await;
    app.set_up().await;
    let (form, records) = form_and_records(&app, 5).await;
    for record in &records {
        ask(&app, &form, record).await;
    }
    let page = |query: String| {
        let app = &app;
        async move {
            let answer = app.get(&format!("/api/v1/outbox?{query}")).await;
            assert_eq!(answer.status(), StatusCode::OK, "{query}");
            answer.json::<Value>().await.expect("json")
        }
    };
    // Pages of two: 2 + 2 + 1, newest first, none twice, the last without `next`.
    let mut seen: Vec<String> = Vec::new();
    let mut before = String::new();
    for expected in [2, 2, 1] {
        let outbox = page(format!("limit=2{before}")).await;
        let messages = outbox["messages"].as_array().expect("messages");
        assert_eq!(messages.len(), expected, "{outbox}");
        seen.extend(
            messages
                .iter()
                .map(|m| m["id"].as_str().expect("id").to_owned()),
        );
        match outbox["next"].as_str() {
            Some(next) => before = format!("&before={next}"),
            None => assert_eq!(expected, 1, "only the last page ends: {outbox}"),
        }
    }
    let mut newest_first = seen.clone();
    newest_first.sort_by(|a, b| b.cmp(a));
    newest_first.dedup();
    assert_eq!(seen, newest_first);

    let mine = page(format!("record_id={}", records[2])).await;
    assert_eq!(mine["messages"].as_array().map(Vec::len), Some(1), "{mine}");
    assert_eq!(mine["messages"][0]["record_id"], records[2].as_str());
    let count = |outbox: &Value| outbox["messages"].as_array().map_or(0, Vec::len);
    assert_eq!(count(&page("status=stored".into()).await), 5);
    assert_eq!(count(&page("status=sent".into()).await), 0);
    assert_eq!(count(&page("kind=consent_request".into()).await), 5);
    assert_eq!(count(&page("kind=privacy_centre_code".into()).await), 0);

    // A page size out of range or a status that does not exist is refused, naming it.
    for (query, field) in [
        ("limit=0", "limit"),
        ("limit=501", "limit"),
        ("status=lost", "status"),
    ] {
        let refused = app.get(&format!("/api/v1/outbox?{query}")).await;
        let body = error_body(refused, StatusCode::BAD_REQUEST).await;
        assert!(body.to_string().contains(field), "{query}: {body}");
    }
}
