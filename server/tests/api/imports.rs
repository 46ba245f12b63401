use reqwest::StatusCode;
use serde_json::Value;

use crate::helpers::{TestApp, error_body, spawn_app};

pub(crate) async fn upload(
    app: &TestApp,
    module: &str,
    query: &str,
    body: Vec<u8>,
) -> reqwest::Response {
    app.client
        .post(app.url(&format!("/api/v1/imports?module={module}&{query}")))
        .header("x-requested-with", "consentry")
        .header("content-type", "text/csv")
        .body(body)
        .send()
        .await
        .expect("request")
}

pub(crate) async fn finished(app: &TestApp, id: &str) -> Value {
    for _ in 0..200 {
        let progress: Value = app
            .get(&format!("/api/v1/imports/{id}"))
            .await
            .json()
            .await
            .expect("json");
        if progress["state"] != "running" {
            return progress;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    panic!("the import did not finish");
}

async fn record_count(app: &TestApp) -> u64 {
    let count: Value = app
        .get("/api/v1/records/count")
        .await
        .json()
        .await
        .expect("json");
    count["count"].as_u64().expect("count")
}

#[tokio::test]
async fn an_import_reports_progress_row_errors_and_records_the_file_as_data_source() {
    let app = spawn_app().await;
    app.set_up().await;
    let module = app.module_id("leads").await;
    let csv = "Voornaam;Achternaam;E-mail\n\
               Jan;Jansen;jan@example.nl\n\
               Piet;Pietersen;not-an-address\n\
               Klaas;Klaassen;klaas@example.nl\n\
               Alleen\n\
               ;;anna@example.nl\n";
    let started = upload(&app, &module, "file_name=beurs-2026.csv", csv.into()).await;
    assert_eq!(started.status(), StatusCode::ACCEPTED);
    let started: Value = started.json().await.expect("json");
    assert_eq!(started["total"], 5);
    let done = finished(&app, started["id"].as_str().expect("id")).await;
    assert_eq!(done["state"], "finished");
    assert_eq!(done["processed"], 5);
    assert_eq!(done["imported"], 3);
    assert_eq!(done["error_count"], 2);
    assert_eq!(done["errors"][0]["row"], 3);
    assert_eq!(done["errors"][0]["column"], "E-mail");
    assert_eq!(done["errors"][1]["row"], 5);

    let page: Value = app
        .get("/api/v1/records?source=import")
        .await
        .json()
        .await
        .expect("json");
    let records = page["records"].as_array().expect("records");
    assert_eq!(records.len(), 3);
    assert!(records.iter().all(|r| r["created"]["through"] == "import"
        && r["created"]["detail"] == "beurs-2026.csv"
        && r["created"]["by"] == "Ada Admin"));
    let audit: Vec<Value> = app
        .get("/api/v1/audit?action=records.imported")
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(audit.len(), 1);
    assert_eq!(audit[0]["after"]["imported"], 3);
}

#[tokio::test]
async fn an_import_into_a_module_with_compliance_on_starts_every_record_as_not_applicable() {
    let app = spawn_app().await;
    app.set_up().await;
    let module = app.module_id("leads").await;
    app.send(
        reqwest::Method::PUT,
        &format!("/api/v1/modules/{module}/compliance"),
        &serde_json::json!({"compliance_enabled": true}),
    )
    .await;
    // More rows than one batch, to cross a transaction boundary.
    let mut csv = String::from("first_name,last_name,email\n");
    for i in 0..2500 {
        csv.push_str(&format!("First{i},Last{i},person{i}@example.org\n"));
    }
    let started: Value = upload(&app, &module, "file_name=big.csv", csv.into())
        .await
        .json()
        .await
        .expect("json");
    let done = finished(&app, started["id"].as_str().expect("id")).await;
    assert_eq!(done["imported"], 2500);
    let overview: Value = app
        .get("/api/v1/compliance/overview")
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(overview["not_applicable"], 2500);
}

#[tokio::test]
async fn a_file_in_the_wrong_encoding_is_refused_and_nothing_is_written() {
    let app = spawn_app().await;
    app.set_up().await;
    let module = app.module_id("leads").await;
    let latin1 = b"Name,Email\nJos\xe9,jose@example.org\n".to_vec();
    let response = upload(&app, &module, "file_name=excel.csv", latin1).await;
    let body = error_body(response, StatusCode::BAD_REQUEST).await;
    assert_eq!(body["field"], "file");
    assert!(
        body["message"]
            .as_str()
            .is_some_and(|m| m.contains("CSV UTF-8"))
    );
    assert_eq!(record_count(&app).await, 0);
}

#[tokio::test]
async fn a_malformed_file_or_mapping_is_refused_naming_the_problem() {
    let app = spawn_app().await;
    app.set_up().await;
    let module = app.module_id("leads").await;
    let no_identity = upload(
        &app,
        &module,
        "file_name=x.csv",
        b"Colour,Size\nred,L\n".to_vec(),
    )
    .await;
    assert_eq!(
        error_body(no_identity, StatusCode::BAD_REQUEST).await["field"],
        "file"
    );
    let mapping = r#"{"columns":[{"column":"Mail","field":"email"}]}"#;
    let query = format!("file_name=x.csv&mapping={}", urlencode(mapping));
    let unknown_column = upload(
        &app,
        &module,
        &query,
        b"Name,Email\nJan,jan@example.nl\n".to_vec(),
    )
    .await;
    let body = error_body(unknown_column, StatusCode::BAD_REQUEST).await;
    assert!(body["message"].as_str().is_some_and(|m| m.contains("Mail")));
    let bad_field = format!(
        "file_name=x.csv&mapping={}",
        urlencode(r#"{"columns":[{"column":"Name","field":"shoe_size"}]}"#)
    );
    let response = upload(&app, &module, &bad_field, b"Name\nJan\n".to_vec()).await;
    assert_eq!(
        error_body(response, StatusCode::BAD_REQUEST).await["field"],
        "mapping.columns[0].field"
    );
    let empty = upload(&app, &module, "file_name=x.csv", Vec::new()).await;
    error_body(empty, StatusCode::BAD_REQUEST).await;
    assert_eq!(record_count(&app).await, 0);
}

#[tokio::test]
async fn a_50_mb_file_is_refused_with_413_and_nothing_is_written() {
    let app = spawn_app().await;
    app.set_up().await;
    let module = app.module_id("leads").await;
    let mut huge = b"Name,Email\n".to_vec();
    huge.resize(50 * 1024 * 1024, b'a');
    let response = upload(&app, &module, "file_name=huge.csv", huge).await;
    error_body(response, StatusCode::PAYLOAD_TOO_LARGE).await;
    assert_eq!(record_count(&app).await, 0);
}

#[tokio::test]
async fn an_upload_not_sent_as_csv_gets_415() {
    let app = spawn_app().await;
    app.set_up().await;
    let module = app.module_id("leads").await;
    let response = app
        .client
        .post(app.url(&format!("/api/v1/imports?module={module}&file_name=x.csv")))
        .header("x-requested-with", "consentry")
        .header("content-type", "application/json")
        .body("{}")
        .send()
        .await
        .expect("request");
    error_body(response, StatusCode::UNSUPPORTED_MEDIA_TYPE).await;
}

fn urlencode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[tokio::test]
async fn a_refused_file_name_is_told_the_rule_it_broke() {
    let app = spawn_app().await;
    app.set_up().await;
    let module = app.module_id("leads").await;
    let csv = "Voornaam;Achternaam\nJan;Jansen\n";
    let cases = [
        ("", "Fill in this field."),
        ("lijst\u{202e}vsc.exe", "U+202E"),
        (&*"a".repeat(201), "at most 200"),
    ];
    for (name, rule) in cases {
        let query = format!("file_name={}", urlencode(name));
        let response = upload(&app, &module, &query, csv.into()).await;
        let body = error_body(response, StatusCode::BAD_REQUEST).await;
        assert_eq!(body["field"], "file_name", "{body}");
        let message = body["message"].as_str().unwrap_or_default();
        assert!(message.contains(rule), "{name:?}: {message}");
    }
    assert_eq!(record_count(&app).await, 0);
}

#[tokio::test]
async fn the_same_file_imported_several_times_at_once_makes_each_address_one_record() {
    let app = spawn_app().await;
    app.set_up().await;
    let module = app.module_id("leads").await;
    let csv: String = std::iter::once("E-mail\n".to_owned())
        .chain((0..600).map(|i| format!("subject{i}@example.nl\n")))
        .collect();
    let uploads = (0..4).map(|_| upload(&app, &module, "file_name=twice.csv", csv.clone().into()));
    let mut imported = 0;
    let mut refused = 0;
    for started in futures::future::join_all(uploads).await {
        assert_eq!(started.status(), StatusCode::ACCEPTED);
        let started: Value = started.json().await.expect("json");
        let done = finished(&app, started["id"].as_str().expect("id")).await;
        assert_eq!(done["state"], "finished", "{done}");
        imported += done["imported"].as_u64().expect("imported");
        refused += done["error_count"].as_u64().expect("refused");
    }
    assert_eq!(imported, 600, "each address imported by one of the jobs");
    assert_eq!(refused, 3 * 600, "and refused by the others");
    assert_eq!(record_count(&app).await, 600);
}

/// The ids of every record `filter` lists, walked a page of `limit` at a time.
async fn listed(app: &TestApp, filter: &str, limit: u32) -> Vec<String> {
    let mut ids = Vec::new();
    let mut after = String::new();
    loop {
        let page = app
            .read(&format!("/api/v1/records?{filter}&limit={limit}{after}"))
            .await;
        ids.extend(
            page["records"]
                .as_array()
                .expect("records")
                .iter()
                .map(|r| r["id"].as_str().expect("id").to_owned()),
        );
        match page["next"].as_str() {
            Some(next) => after = format!("&after={next}"),
            None => return ids,
        }
    }
}

#[tokio::test]
async fn each_import_lists_exactly_the_records_it_made_even_of_one_file_run_at_once() {
    let app = spawn_app().await;
    app.set_up().await;
    let module = app.module_id("leads").await;
    // Three imports of files with one name into one module, at once, each with its own
    // addresses (and one address they share, which only one of them may import).
    let files: Vec<String> = (0..3)
        .map(|job| {
            std::iter::once("E-mail\n".to_owned())
                .chain((0..70).map(|i| format!("job{job}-{i}@example.nl\n")))
                .chain(std::iter::once("shared@example.nl\n".to_owned()))
                .collect()
        })
        .collect();
    let uploads = files
        .iter()
        .map(|csv| upload(&app, &module, "file_name=fair.csv", csv.clone().into()));
    let mut jobs = Vec::new();
    for started in futures::future::join_all(uploads).await {
        assert_eq!(started.status(), StatusCode::ACCEPTED);
        let started: Value = started.json().await.expect("json");
        jobs.push(finished(&app, started["id"].as_str().expect("id")).await);
    }
    let mut everyone = std::collections::BTreeSet::new();
    for job in &jobs {
        let id = job["id"].as_str().expect("id");
        let imported = job["imported"].as_u64().expect("imported");
        let ids = listed(&app, &format!("import={id}"), 25).await;
        assert_eq!(ids.len() as u64, imported, "every record of {job} once");
        let count = app
            .read(&format!("/api/v1/records/count?import={id}"))
            .await;
        assert_eq!(count["count"], imported);
        // A page that holds the last of them has no next page, even when it is full.
        let whole = app
            .read(&format!("/api/v1/records?import={id}&limit={imported}"))
            .await;
        assert!(
            whole["next"].is_null(),
            "{imported} a page: {}",
            whole["next"]
        );
        let short = app
            .read(&format!(
                "/api/v1/records?import={id}&limit={}",
                imported - 1
            ))
            .await;
        assert!(short["next"].is_string());
        for record in &ids {
            assert!(everyone.insert(record.clone()), "{record} in two imports");
        }
        // The list's other filters narrow within the import; actions act on exactly these.
        let page = app
            .read(&format!("/api/v1/records?import={id}&q=shared@example.nl"))
            .await;
        assert!(page["records"].as_array().expect("records").len() <= 1);
        let export = app
            .get(&format!("/api/v1/records/export?import={id}&format=json"))
            .await;
        assert_eq!(export.status(), StatusCode::OK);
        let exported: Vec<Value> = export.json().await.expect("json");
        let mut exported: Vec<String> = exported
            .iter()
            .map(|r| r["id"].as_str().expect("id").to_owned())
            .collect();
        let mut expected = ids.clone();
        exported.sort();
        expected.sort();
        assert_eq!(exported, expected);
    }
    assert_eq!(everyone.len() as u64, record_count(&app).await);
    assert_eq!(everyone.len(), 3 * 70 + 1);

    // An import that is no one's lists nothing; one that is not an id is refused by name.
    let nobody = listed(&app, &format!("import={}", uuid::Uuid::now_v7()), 50).await;
    assert!(nobody.is_empty());
    let refused = app.get("/api/v1/records?import=fair.csv").await;
    assert_eq!(
        error_body(refused, StatusCode::BAD_REQUEST).await["field"],
        "import"
    );
}

#[tokio::test]
async fn records_imported_before_imports_were_noted_are_matched_to_their_import() {
    let app = spawn_app().await;
    app.set_up().await;
    let module = app.module_id("leads").await;
    let mut jobs = Vec::new();
    for (file, n) in [("march.csv", 3), ("april.csv", 4), ("march.csv", 2)] {
        let csv: String = std::iter::once("E-mail\n".to_owned())
            .chain((0..n).map(|i| format!("{file}-{}-{i}@example.nl\n", jobs.len())))
            .collect();
        let started: Value = upload(&app, &module, &format!("file_name={file}"), csv.into())
            .await
            .json()
            .await
            .expect("json");
        jobs.push((finished(&app, started["id"].as_str().expect("id")).await, n));
    }
    // As a database from before the change: no record says its import. The migration's
    // statement matches each to the one import of its file and module running when it was
    // made (on each backend, its own migration's text).
    let rows = crate::rows::Rows::of(&app).await;
    rows.execute("UPDATE records SET import_id = NULL")
        .await
        .expect("unmark");
    let migration = if app.database_url().await.starts_with("postgres") {
        include_str!("../../../store-postgres/migrations/0018_records_by_import.sql")
    } else {
        include_str!("../../../store-sqlite/migrations/0050_records_by_import.sql")
    };
    let backfill = migration
        .split(';')
        .find(|statement| statement.contains("UPDATE records"))
        .expect("the migration's UPDATE");
    assert_eq!(rows.execute(backfill).await.expect("backfill"), 9);
    rows.close().await;
    for (job, n) in &jobs {
        let ids = listed(
            &app,
            &format!("import={}", job["id"].as_str().expect("id")),
            50,
        )
        .await;
        assert_eq!(ids.len(), *n, "{job}");
    }
}
