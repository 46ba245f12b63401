//! What the admin app's tables stand on: a selection of records is a filter like any other
//! (listed, counted, changed in bulk, exported), and the audit trail filters by action, actor
//! and period, counts its matches, pages through them once each and exports them as CSV.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{ADMIN_EMAIL, error_body, send_as, spawn_app};

#[tokio::test]
async fn a_selection_is_listed_counted_changed_and_exported_alone() {
    let app = spawn_app().await;
    app.set_up().await;
    let leads = app.with_compliance("leads").await;
    let mut ids = Vec::new();
    for i in 0..4 {
        ids.push(
            app.create_record(
                &leads,
                json!({"first_name": "Jan", "last_name": format!("Lead{i}"),
                       "email": format!("lead{i}@example.nl")}),
            )
            .await,
        );
    }
    let picked = format!("{},{}", ids[0], ids[2]);

    let page = app.read(&format!("/api/v1/records?ids={picked}")).await;
    let listed: Vec<&str> = page["records"]
        .as_array()
        .expect("records")
        .iter()
        .filter_map(|r| r["id"].as_str())
        .collect();
    assert_eq!(listed, [ids[2].as_str(), ids[0].as_str()], "newest first");
    let count = app
        .read(&format!("/api/v1/records/count?ids={picked}"))
        .await;
    assert_eq!(count["count"], 2);
    // The other filters still apply to a selection.
    let none = app
        .read(&format!("/api/v1/records/count?ids={picked}&basis=consent"))
        .await;
    assert_eq!(none["count"], 0);

    let change = |confirmed: u64| {
        json!({"filter": {"ids": [ids[0], ids[2]]},
               "change": {"basis": "legitimate_interests", "lawful_reason": "Existing customers"},
               "confirmed_count": confirmed})
    };
    let done: Value = app
        .post("/api/v1/records/bulk-basis", &change(2))
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(done["changed"], 2, "{done}");
    for (i, id) in ids.iter().enumerate() {
        let record = app.read(&format!("/api/v1/records/{id}")).await;
        let expected = if i == 0 || i == 2 {
            "legitimate_interests"
        } else {
            "not_applicable"
        };
        assert_eq!(record["privacy"]["basis"], expected, "record {i}");
    }

    let file = app
        .get(&format!(
            "/api/v1/records/export?ids={picked}&format=csv&separator=comma"
        ))
        .await;
    assert_eq!(file.status(), StatusCode::OK);
    let text = file.text().await.expect("text");
    assert_eq!(
        text.lines().count(),
        3,
        "a header and the two selected: {text}"
    );
    assert!(text.contains("Lead0") && text.contains("Lead2") && !text.contains("Lead1"));

    // Bad selections name the field and change nothing.
    let bad = app.get("/api/v1/records?ids=not-an-id").await;
    let bad = error_body(bad, StatusCode::BAD_REQUEST).await;
    assert_eq!(bad["field"], "ids", "{bad}");
    let many: Vec<String> = (0..501).map(|_| uuid::Uuid::new_v4().to_string()).collect();
    let too_many = app
        .get(&format!("/api/v1/records/count?ids={}", many.join(",")))
        .await;
    let too_many = error_body(too_many, StatusCode::BAD_REQUEST).await;
    assert_eq!(too_many["field"], "ids", "{too_many}");
    let body = json!({"filter": {"ids": many},
                      "change": {"basis": "consent"}, "confirmed_count": 0});
    let refused = app.post("/api/v1/records/bulk-basis", &body).await;
    let refused = error_body(refused, StatusCode::BAD_REQUEST).await;
    assert!(
        refused["field"].as_str().is_some_and(|f| f.contains("ids")),
        "{refused}"
    );
}

#[tokio::test]
async fn the_audit_trail_filters_counts_pages_and_exports() {
    let app = spawn_app().await;
    app.set_up().await;
    let leads = app.with_compliance("leads").await;
    for i in 0..7 {
        app.create_record(&leads, json!({"last_name": format!("=Person{i}")}))
            .await;
    }
    // A second user's actions are told apart by actor.
    let staff = app.user_client("staff@acme.example", "administrator").await;
    let created = send_as(
        &staff,
        Method::POST,
        &app.url("/api/v1/records"),
        &json!({"module_id": leads, "fields": {"last_name": "Staffed"}}),
    )
    .await;
    assert_eq!(created.status(), StatusCode::CREATED);

    let everything = app.read("/api/v1/audit/count").await["count"]
        .as_u64()
        .expect("count");
    let created_count =
        app.read("/api/v1/audit/count?action=record.created").await["count"].clone();
    assert_eq!(created_count, 8);
    let by_staff = app
        .read("/api/v1/audit/count?action=record.created&actor=staff@acme.example")
        .await;
    assert_eq!(by_staff["count"], 1);
    let actors = app.read("/api/v1/audit/actors").await;
    let actors: Vec<&str> = actors
        .as_array()
        .expect("actors")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(
        actors.contains(&ADMIN_EMAIL) && actors.contains(&"staff@acme.example"),
        "{actors:?}"
    );

    // Three at a time, newest first, each entry once, as many as the count says.
    let mut seen = Vec::new();
    let mut url = "/api/v1/audit?limit=3".to_owned();
    loop {
        let page = app.read(&url).await;
        let page = page.as_array().expect("entries").clone();
        let Some(last) = page.last() else { break };
        url = format!("/api/v1/audit?limit=3&before={}", last["seq"]);
        seen.extend(page.iter().filter_map(|e| e["seq"].as_u64()));
    }
    let expected: Vec<u64> = (1..=everything).rev().collect();
    assert_eq!(seen, expected);

    // A period: everything is today, nothing tomorrow.
    let today = chrono::Utc::now().date_naive();
    let day = |d: chrono::NaiveDate| format!("{d}T00:00:00Z");
    let period = format!(
        "from={}&until={}",
        day(today),
        day(today + chrono::Duration::days(1))
    );
    let within = app.read(&format!("/api/v1/audit/count?{period}")).await;
    assert_eq!(within["count"], everything);
    let tomorrow = format!(
        "/api/v1/audit/count?from={}",
        day(today + chrono::Duration::days(1))
    );
    assert_eq!(app.read(&tomorrow).await["count"], 0);

    let file = app
        .get("/api/v1/audit/export?action=record.created&separator=semicolon")
        .await;
    assert_eq!(file.status(), StatusCode::OK);
    assert!(
        file.headers()["content-disposition"]
            .to_str()
            .is_ok_and(|d| d.contains("audit-trail-acme.csv"))
    );
    let text = file.text().await.expect("text");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 9, "a header and the eight creations: {text}");
    assert!(
        lines[0]
            .trim_start_matches('\u{feff}')
            .starts_with("\"seq\";\"at\";\"actor\"")
    );
    assert!(
        lines[1].contains(ADMIN_EMAIL) && lines[8].contains("staff@acme.example"),
        "oldest first"
    );
    // Taking the evidence out is evidence too: who, how many entries, which filter. A refused
    // export is not.
    let exports = app.read("/api/v1/audit?action=audit.exported").await;
    let exports = exports.as_array().expect("entries");
    assert_eq!(exports.len(), 1, "{exports:?}");
    assert_eq!(exports[0]["actor"], ADMIN_EMAIL);
    assert_eq!(exports[0]["after"]["entries"], 8);
    assert_eq!(exports[0]["after"]["filter"]["action"], "record.created");

    for (query, field) in [
        ("limit=0", "limit"),
        ("limit=501", "limit"),
        ("from=yesterday", "from"),
        ("action=record.whatever", "action"),
    ] {
        let bad = app.get(&format!("/api/v1/audit?{query}")).await;
        let bad = error_body(bad, StatusCode::BAD_REQUEST).await;
        assert_eq!(bad["field"], field, "{query}: {bad}");
    }
    let bad = app.get("/api/v1/audit/export?until=soon").await;
    let bad = error_body(bad, StatusCode::BAD_REQUEST).await;
    assert_eq!(bad["field"], "until", "{bad}");
    // A HEAD would run the export without delivering it: refused, and not audited.
    let head = app
        .client
        .head(app.url("/api/v1/audit/export"))
        .send()
        .await
        .expect("request");
    assert_eq!(head.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(head.headers()["allow"], "GET");
    let exported = "/api/v1/audit/count?action=audit.exported";
    assert_eq!(app.read(exported).await["count"], 1, "refused: not audited");
    assert!(
        bad["message"]
            .as_str()
            .is_some_and(|m| m.contains("2026-12-01")),
        "says what to write: {bad}"
    );
    // A day is its start (UTC); a period that ends before it starts is refused by name.
    let by_day = app.read(&format!("/api/v1/audit/count?from={today}")).await;
    assert_eq!(by_day["count"], everything + 1, "and the export's entry");
    let backwards = app
        .get(&format!("/api/v1/audit/count?from={today}&until={today}"))
        .await;
    let backwards = error_body(backwards, StatusCode::BAD_REQUEST).await;
    assert_eq!(backwards["field"], "until", "{backwards}");
    for query in ["limit=0", "limit=201", "after=not-a-cursor"] {
        let bad = app.get(&format!("/api/v1/records?{query}")).await;
        let field = query.split('=').next().unwrap_or_default();
        assert_eq!(
            error_body(bad, StatusCode::BAD_REQUEST).await["field"],
            field,
            "{query}"
        );
    }
}
