use std::io::Read;

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::{
    consent::{answer, form_and_record, send},
    helpers::{TestApp, error_body, new_client, newest_message_text, send_as, spawn_app},
};

pub fn unzip(bytes: &[u8]) -> std::collections::BTreeMap<String, String> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a ZIP");
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).expect("entry");
            let mut text = String::new();
            file.read_to_string(&mut text).expect("utf-8");
            (file.name().to_owned(), text)
        })
        .collect()
}

/// An access request from the privacy centre for `email`, verified; its id.
pub async fn verified_access_request(app: &TestApp, email: &str) -> String {
    verified_access_request_in(app, email, "en", |_| ()).await
}

/// An access request from the privacy centre for `email`, read in `lang`, verified; its id.
/// `code_mail` sees the mail with the code first.
pub async fn verified_access_request_in(
    app: &TestApp,
    email: &str,
    lang: &str,
    code_mail: impl FnOnce(&str),
) -> String {
    let asked: Value = send_as(
        &new_client(),
        Method::POST,
        &app.url("/api/public/privacy/acme"),
        &json!({"kind": "access", "email": email, "lang": lang}),
    )
    .await
    .json()
    .await
    .expect("json");
    let mail = newest_message_text(app).await;
    code_mail(&mail);
    let code = mail
        .split_whitespace()
        .find(|w| w.len() == 6 && w.bytes().all(|c| c.is_ascii_digit()))
        .expect("code")
        .to_owned();
    let filed = send_as(
        &new_client(),
        Method::POST,
        &app.url(&format!(
            "/api/public/privacy/challenges/{}",
            asked["challenge"].as_str().expect("id")
        )),
        &json!({"code": code}),
    )
    .await;
    assert_eq!(filed.status(), StatusCode::OK);
    let queue = app.queue("/api/v1/requests?kind=access").await;
    queue[0]["id"].as_str().expect("id").to_owned()
}

#[tokio::test]
async fn the_export_holds_everything_about_the_subject_and_reaches_them_by_an_expiring_link() {
    let app = spawn_app().await;
    app.set_up().await;
    // Two records in two modules, a consent decision, a request filed by hand.
    let (form, lead) = form_and_record(&app, Some("noor@example.nl")).await;
    let contacts = app.with_compliance("contacts").await;
    let contact: Value = app
        .post(
            "/api/v1/records",
            &json!({"module_id": contacts, "fields": {"first_name": "Noor", "last_name": "de Wit",
                    "email": "noor@example.nl", "company": "Wit & Co"}}),
        )
        .await
        .json()
        .await
        .expect("json");
    let token = send(&app, &form, &lead).await;
    answer(
        &app,
        &token,
        json!({"lang": "nl", "decision": "save",
               "choices": {"granted": ["service", "newsletter"], "channels": ["email"]}}),
    )
    .await;
    // Consent obtained elsewhere, recorded with its evidence, then withdrawn with other evidence.
    let contact_id = contact["id"].as_str().expect("id").to_owned();
    for (decision, date, channels, evidence) in [
        (
            "granted",
            "2026-11-20",
            json!(["email"]),
            "Signed paper form 2026-118, kept in file B",
        ),
        (
            "withdrawn",
            "2026-11-25",
            json!([]),
            "Call 4411 on 25 Nov, recording kept",
        ),
    ] {
        let recorded = app
            .post(
                &format!("/api/v1/records/{contact_id}/consent"),
                &json!({"decision": decision, "date": date, "through": "phone",
                        "contact_through": channels, "evidence": evidence}),
            )
            .await;
        assert_eq!(recorded.status(), StatusCode::OK, "{decision}");
    }
    // And consent given again at the desk, entered by hand with its remarks.
    let entered = app
        .send(
            reqwest::Method::PUT,
            &format!("/api/v1/records/{contact_id}/basis"),
            &json!({"basis": "consent", "consent": {"date": "2026-11-28", "through": "in_person",
                    "contact_through": ["survey", "phone"],
                    "remarks": "Signed at the desk, form 77"}}),
        )
        .await;
    assert_eq!(entered.status(), StatusCode::OK);
    // Its audit entry says the status the record got, from withdrawn.
    let trail: Vec<Value> = app
        .get("/api/v1/audit?action=record.basis_changed")
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(trail[0]["before"]["status"], "withdrawn", "{trail:?}");
    assert_eq!(trail[0]["after"]["status"], "obtained", "{trail:?}");
    assert_eq!(trail[0]["after"]["consent"]["through"], "in_person");
    let request = verified_access_request(&app, "noor@example.nl").await;

    // The privacy officer reviews it.
    let review = app.get(&format!("/api/v1/requests/{request}/export")).await;
    assert_eq!(review.status(), StatusCode::OK);
    assert_eq!(
        review.headers()["content-type"].to_str().ok(),
        Some("application/zip")
    );
    let files = unzip(&review.bytes().await.expect("bytes"));
    assert_eq!(
        files.keys().map(String::as_str).collect::<Vec<_>>(),
        [
            "README.txt",
            "consent_events.csv",
            "records.csv",
            "subject.json"
        ]
    );
    let subject: Value = serde_json::from_str(&files["subject.json"]).expect("json");
    assert_eq!(subject["format"], "consentry-subject-export/1");
    let records = subject["records"].as_array().expect("records");
    assert_eq!(records.len(), 2, "both modules");
    let ids: Vec<_> = records
        .iter()
        .map(|r| r["record"]["id"].as_str().unwrap_or_default())
        .collect();
    assert!(ids.contains(&lead.as_str()) && ids.contains(&contact["id"].as_str().unwrap_or("?")));
    let with_consent = records
        .iter()
        .find(|r| r["record"]["id"] == lead.as_str())
        .expect("the lead");
    let events = with_consent["consent_events"].as_array().expect("events");
    assert_eq!(events.len(), 1);
    assert_eq!(events[0]["form_version"], 1);
    assert_eq!(events[0]["text_hash"].as_str().map(str::len), Some(64));
    assert!(
        !with_consent["basis_history"]
            .as_array()
            .expect("history")
            .is_empty()
    );
    assert_eq!(
        files["records.csv"].lines().count(),
        3,
        "a header and two records"
    );
    assert!(files["records.csv"].contains("\"Wit & Co\""));
    // The answer on the consent page and both decisions recorded with their evidence.
    let consent_csv = &files["consent_events.csv"];
    assert_eq!(consent_csv.lines().count(), 5, "{consent_csv}");
    let header = consent_csv.lines().next().unwrap_or_default();
    assert!(
        header.contains(r#","recorded_through","#) && header.ends_with(r#","evidence""#),
        "{header}"
    );
    let line_with = |text: &str| {
        consent_csv
            .lines()
            .find(|l| l.contains(text))
            .unwrap_or_else(|| panic!("no line with {text:?}: {consent_csv}"))
            .to_owned()
    };
    // Each with when the subject decided, how, to which channels, and its own event id.
    let given = line_with("Signed paper form 2026-118, kept in file B");
    assert!(
        given.contains(&contact_id)
            && given.contains(r#","basis-"#)
            && given.contains(r#","2026-11-20","#)
            && given.contains(r#","manual","phone","#)
            && given.contains(r#""granted","","email","#),
        "{given}"
    );
    let withdrawn = line_with("Call 4411 on 25 Nov, recording kept");
    assert!(
        withdrawn.contains(r#""withdrawn""#) && withdrawn.contains(r#","2026-11-25","#),
        "{withdrawn}"
    );
    let by_hand = line_with("Signed at the desk, form 77");
    assert!(
        by_hand.contains(r#","2026-11-28","#)
            && by_hand.contains(r#","manual","in_person","#)
            && by_hand.contains(r#""granted","","phone survey","#),
        "{by_hand}"
    );
    assert!(line_with(&lead).contains(r#""consent_form""#));
    // subject.json keeps each decision's evidence with its event too.
    let contact_history = records
        .iter()
        .find(|r| r["record"]["id"] == contact_id.as_str())
        .expect("the contact")["basis_history"]
        .as_array()
        .expect("history")
        .iter()
        .filter_map(|e| e["evidence"].as_str())
        .collect::<Vec<_>>();
    assert_eq!(
        contact_history,
        [
            "Signed paper form 2026-118, kept in file B",
            "Call 4411 on 25 Nov, recording kept",
            "Signed at the desk, form 77"
        ]
    );

    // Sent: a link by mail, never the data; the link works without signing in.
    let sent = app
        .post(&format!("/api/v1/requests/{request}/export"), &json!({}))
        .await;
    assert_eq!(sent.status(), StatusCode::OK);
    assert_eq!(
        sent.json::<Value>().await.expect("json")["status"],
        "completed"
    );
    let mail = newest_message_text(&app).await;
    assert!(
        !mail.contains("de Wit") && !mail.contains("Wit & Co"),
        "{mail}"
    );
    let link = mail
        .split_whitespace()
        .find(|w| w.contains("/api/public/exports/"))
        .expect("a download link")
        .to_owned();
    let downloaded = new_client().get(&link).send().await.expect("request");
    assert_eq!(downloaded.status(), StatusCode::OK);
    assert_eq!(
        unzip(&downloaded.bytes().await.expect("bytes"))["records.csv"],
        files["records.csv"]
    );
    let expired = crate::rows::Rows::of(&app)
        .await
        .set_time(
            "exports",
            "expires_at",
            "true",
            chrono::DateTime::UNIX_EPOCH,
        )
        .await;
    assert_eq!(expired, 1, "the export's one link");
    let late = new_client().get(&link).send().await.expect("request");
    assert_eq!(
        error_body(late, StatusCode::GONE).await["error"],
        "link_expired"
    );
}
