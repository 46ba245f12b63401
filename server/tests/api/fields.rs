use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::{
    helpers::{TestApp, error_body, second_tenant_client, spawn_app},
    imports::{finished, upload},
};

pub async fn add_field(app: &TestApp, module: &str, body: Value) -> Value {
    let response = app
        .post(&format!("/api/v1/modules/{module}/fields"), &body)
        .await;
    assert_eq!(
        response.status(),
        StatusCode::CREATED,
        "{:?}",
        response.text().await
    );
    response.json().await.expect("json")
}

async fn create_record(app: &TestApp, module: &str, custom: Value) -> reqwest::Response {
    app.post(
        "/api/v1/records",
        &json!({"module_id": module, "fields": {"last_name": "Jansen", "custom": custom}}),
    )
    .await
}

/// Adds one custom field of every kind to Members: a required picklist and six optional.
async fn members_with_fields(app: &TestApp) -> String {
    let created = app
        .post("/api/v1/modules", &json!({"name": "Members"}))
        .await;
    assert_eq!(created.status(), StatusCode::CREATED);
    let module = created.json::<Value>().await.expect("json")["id"]
        .as_str()
        .expect("id")
        .to_owned();
    for (label, kind) in [
        ("Notes", "text"),
        ("Work e-mail", "email"),
        ("Mobile", "phone"),
        ("Member number", "number"),
        ("Member since", "date"),
        ("Newsletter", "boolean"),
    ] {
        add_field(app, &module, json!({"label": label, "kind": kind})).await;
    }
    let level = add_field(
        app,
        &module,
        json!({"label": "Level", "kind": "picklist", "options": ["Gold", "Silver", "Bronze"],
               "required": true, "personal": "normal"}),
    )
    .await;
    assert_eq!(level["key"], "level");
    assert_eq!(level["personal"], "normal");
    module
}

#[tokio::test]
async fn custom_fields_of_every_kind_hold_checked_values() {
    let app = spawn_app().await;
    app.set_up().await;
    let module = members_with_fields(&app).await;
    let fields: Vec<Value> = app
        .get(&format!("/api/v1/modules/{module}/fields"))
        .await
        .json()
        .await
        .expect("json");
    let keys: Vec<&str> = fields.iter().filter_map(|f| f["key"].as_str()).collect();
    assert_eq!(
        keys,
        [
            "first_name",
            "last_name",
            "email",
            "phone",
            "company",
            "country",
            "notes",
            "work_e_mail",
            "mobile",
            "member_number",
            "member_since",
            "newsletter",
            "level"
        ]
    );

    let created = create_record(
        &app,
        &module,
        json!({"notes": "Met at the fair", "work_e_mail": "Jan@Work.EXAMPLE",
               "mobile": "+31 6 1234 5678", "member_number": 42, "member_since": "25-05-2018",
               "newsletter": true, "level": "gold"}),
    )
    .await;
    assert_eq!(created.status(), StatusCode::CREATED);
    let record: Value = created.json().await.expect("json");
    assert_eq!(
        record["fields"]["custom"],
        json!({"notes": "Met at the fair", "work_e_mail": "Jan@work.example",
               "mobile": "+31 6 1234 5678", "member_number": 42, "member_since": "2018-05-25",
               "newsletter": true, "level": "Gold"}),
        "values come back normalised"
    );

    for (custom, field) in [
        (
            json!({"level": "Gold", "member_number": "many"}),
            "fields.custom.member_number",
        ),
        (
            json!({"level": "Gold", "member_since": "2018-02-30"}),
            "fields.custom.member_since",
        ),
        (
            json!({"level": "Gold", "newsletter": "perhaps"}),
            "fields.custom.newsletter",
        ),
        (json!({"level": "Platinum"}), "fields.custom.level"),
        (
            json!({"level": "Gold", "shoe_size": 44}),
            "fields.custom.shoe_size",
        ),
        (json!({"notes": "no level"}), "fields.custom.level"),
    ] {
        let body = error_body(
            create_record(&app, &module, custom.clone()).await,
            StatusCode::BAD_REQUEST,
        )
        .await;
        assert_eq!(body["field"], field, "{custom}");
    }

    // Editing replaces the values and checks them the same way.
    let id = record["id"].as_str().expect("id");
    let edited = app
        .send(
            Method::PUT,
            &format!("/api/v1/records/{id}"),
            &json!({"last_name": "Jansen", "custom": {"level": "Silver"}}),
        )
        .await;
    assert_eq!(edited.status(), StatusCode::OK);
    let edited: Value = edited.json().await.expect("json");
    assert_eq!(edited["fields"]["custom"], json!({"level": "Silver"}));
    let refused = error_body(
        app.send(
            Method::PUT,
            &format!("/api/v1/records/{id}"),
            &json!({"last_name": "Jansen", "custom": {"level": "Platinum"}}),
        )
        .await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(refused["field"], "custom.level", "named as in the PUT body");
}

#[tokio::test]
async fn options_in_use_stay_and_a_removed_field_takes_its_values_along() {
    let app = spawn_app().await;
    app.set_up().await;
    let module = members_with_fields(&app).await;
    let fields: Vec<Value> = app
        .get(&format!("/api/v1/modules/{module}/fields"))
        .await
        .json()
        .await
        .expect("json");
    let id_of = |key: &str| {
        fields
            .iter()
            .find(|f| f["key"] == key)
            .and_then(|f| f["id"].as_str())
            .expect("field")
            .to_owned()
    };
    let record: Value = create_record(
        &app,
        &module,
        json!({"level": "Gold", "notes": "Allergic to nuts"}),
    )
    .await
    .json()
    .await
    .expect("json");

    let level = id_of("level");
    let path = format!("/api/v1/modules/{module}/fields/{level}");
    let in_use = error_body(
        app.send(
            Method::PATCH,
            &path,
            &json!({"options": ["Silver", "Bronze"]}),
        )
        .await,
        StatusCode::CONFLICT,
    )
    .await;
    assert_eq!(in_use["error"], "option_in_use");
    assert!(in_use["message"].as_str().unwrap_or_default().contains('1'));
    let unused = app
        .send(
            Method::PATCH,
            &path,
            &json!({"options": ["Gold", "Silver", "Platinum"]}),
        )
        .await;
    assert_eq!(unused.status(), StatusCode::OK);
    // Nothing to change, nothing in the trail.
    let changes = || async {
        let trail: Vec<Value> = app
            .get("/api/v1/audit?action=field.changed")
            .await
            .json()
            .await
            .expect("json");
        trail.len()
    };
    let before = changes().await;
    for same in [
        json!({}),
        json!({"options": ["Gold", "Silver", "Platinum"]}),
    ] {
        let unchanged = app.send(Method::PATCH, &path, &same).await;
        assert_eq!(unchanged.status(), StatusCode::OK, "{same}");
    }
    assert_eq!(changes().await, before);

    // A standard field: classification only.
    let email = id_of("email");
    let standard = format!("/api/v1/modules/{module}/fields/{email}");
    let sensitive = app
        .send(Method::PATCH, &standard, &json!({"personal": "sensitive"}))
        .await;
    assert_eq!(sensitive.status(), StatusCode::OK);
    let relabel = error_body(
        app.send(Method::PATCH, &standard, &json!({"label": "Mail"}))
            .await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(relabel["field"], "label");
    let remove_standard = error_body(
        app.send(Method::DELETE, &standard, &json!({})).await,
        StatusCode::CONFLICT,
    )
    .await;
    assert_eq!(remove_standard["error"], "standard_field");

    let notes = format!("/api/v1/modules/{module}/fields/{}", id_of("notes"));
    let removed = app.send(Method::DELETE, &notes, &json!({})).await;
    assert_eq!(removed.status(), StatusCode::NO_CONTENT);
    let id = record["id"].as_str().expect("id");
    let after: Value = app
        .get(&format!("/api/v1/records/{id}"))
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(after["fields"]["custom"], json!({"level": "Gold"}));
    let stored = crate::rows::Rows::of(&app)
        .await
        .texts("SELECT CAST(custom AS TEXT) FROM records")
        .await;
    assert!(!stored.is_empty());
    assert!(
        stored.iter().flatten().all(|c| !c.contains("nuts")),
        "the removed field's values are gone from the table: {stored:?}"
    );
    let audit: Vec<Value> = app
        .get("/api/v1/audit?action=field.deleted")
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(audit.len(), 1, "{audit:?}");
}

#[tokio::test]
async fn only_managers_change_fields_and_only_in_their_own_organisation() {
    let app = spawn_app().await;
    app.set_up().await;
    let leads = app.module_id("leads").await;
    let reader = app.user_client("reader@acme.example", "read_only").await;
    let refused = crate::helpers::send_as(
        &reader,
        Method::POST,
        &app.url(&format!("/api/v1/modules/{leads}/fields")),
        &json!({"label": "Notes", "kind": "text"}),
    )
    .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let globex = second_tenant_client(&app).await;
    let foreign = globex
        .get(app.url(&format!("/api/v1/modules/{leads}/fields")))
        .send()
        .await
        .expect("request");
    assert_eq!(foreign.status(), StatusCode::NOT_FOUND);

    let bad_options = error_body(
        app.post(
            &format!("/api/v1/modules/{leads}/fields"),
            &json!({"label": "Level", "kind": "picklist", "options": ["A", "a"]}),
        )
        .await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(bad_options["field"], "options[1]");
    let options_on_text = error_body(
        app.post(
            &format!("/api/v1/modules/{leads}/fields"),
            &json!({"label": "Notes", "kind": "text", "options": ["A"]}),
        )
        .await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(options_on_text["field"], "options");
    add_field(&app, &leads, json!({"label": "Notes", "kind": "text"})).await;
    let taken = error_body(
        app.post(
            &format!("/api/v1/modules/{leads}/fields"),
            &json!({"label": "notes", "kind": "number"}),
        )
        .await,
        StatusCode::CONFLICT,
    )
    .await;
    assert_eq!(taken["error"], "field_taken");
    let standard_key = error_body(
        app.post(
            &format!("/api/v1/modules/{leads}/fields"),
            &json!({"label": "E-mail", "kind": "text"}),
        )
        .await,
        StatusCode::CONFLICT,
    )
    .await;
    assert_eq!(standard_key["error"], "field_taken");
}

#[tokio::test]
async fn an_import_fills_custom_fields_and_reports_bad_cells() {
    let app = spawn_app().await;
    app.set_up().await;
    let leads = app.module_id("leads").await;
    add_field(&app, &leads, json!({"label": "Lid sinds", "kind": "date"})).await;
    let csv = "E-mail;Lid sinds\njan@example.nl;25-05-2018\npiet@example.nl;morgen\n";
    let started = upload(&app, &leads, "file_name=leden.csv", csv.into()).await;
    assert_eq!(started.status(), StatusCode::ACCEPTED);
    let id = started.json::<Value>().await.expect("json")["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let done = finished(&app, &id).await;
    assert_eq!(done["imported"], 1, "{done}");
    assert_eq!(done["errors"][0]["row"], 3);
    assert_eq!(done["errors"][0]["column"], "Lid sinds");
    let page: Value = app
        .get("/api/v1/records?q=jan@example.nl")
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(
        page["records"][0]["fields"]["custom"],
        json!({"lid_sinds": "2018-05-25"})
    );
}
