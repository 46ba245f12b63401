//! Encryption at rest, blind-index lookups, key rotation and masking, over HTTP and what the
//! database keeps: the raw files on SQLite, the stored values on PostgreSQL.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::{
    helpers::{TestApp, error_body, spawn_app},
    imports::{finished as imported, upload},
    rows::{Rows, stored},
    signup::{open_sign_up, sign_up, submission},
};

const EMAIL: &str = "zwaan.q7731@example.nl";
const LAST: &str = "Quaquarelli";
const PHONE: &str = "+31 6 7731 9924";

/// A field of a module by key.
async fn field(app: &TestApp, module: &str, key: &str) -> Value {
    let fields: Vec<Value> = app
        .get(&format!("/api/v1/modules/{module}/fields"))
        .await
        .json()
        .await
        .expect("json");
    fields
        .into_iter()
        .find(|f| f["key"] == key)
        .expect("the field")
}

/// Switches a field's encryption and waits for its job to finish.
pub async fn encrypt(app: &TestApp, module: &str, key: &str, on: bool) {
    let id = field(app, module, key).await["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let switched = app
        .send(
            Method::PUT,
            &format!("/api/v1/modules/{module}/fields/{id}/encryption"),
            &json!({"encrypted": on}),
        )
        .await;
    assert_eq!(
        switched.status(),
        StatusCode::ACCEPTED,
        "{:?}",
        switched.text().await
    );
    let job: Value = switched.json().await.expect("json");
    finished(app, job["id"].as_str().expect("job")).await;
    let state = field(app, module, key).await["encryption"].clone();
    assert_eq!(state, if on { "on" } else { "off" });
}

/// Waits (up to 10 s) for a job to finish, as the admin page follows it.
async fn finished(app: &TestApp, job: &str) -> Value {
    for _ in 0..200 {
        let status: Value = app
            .get("/api/v1/encryption")
            .await
            .json()
            .await
            .expect("json");
        let found = status["jobs"]
            .as_array()
            .expect("jobs")
            .iter()
            .find(|j| j["id"] == job)
            .cloned()
            .expect("the job");
        if found["status"] == "finished" {
            assert_eq!(found["done"], found["total"], "{found}");
            return found;
        }
        assert_ne!(found["status"], "failed", "{found}");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("the encryption job did not finish");
}

/// Leads with compliance on and the subject in it.
async fn subject(app: &TestApp) -> (String, String) {
    let leads = app.with_compliance("leads").await;
    let created = app
        .post(
            "/api/v1/records",
            &json!({"module_id": leads,
                    "fields": {"first_name": "Zwaantje", "last_name": LAST, "email": EMAIL,
                               "phone": PHONE}}),
        )
        .await;
    assert_eq!(created.status(), StatusCode::CREATED);
    let record: Value = created.json().await.expect("json");
    (leads, record["id"].as_str().expect("id").to_owned())
}

/// Stored (raw) values of a text column of the records, oldest record first.
async fn raw(app: &TestApp, column: &str) -> Vec<Option<String>> {
    let rows = Rows::of(app).await;
    let values = rows
        .texts(&format!("SELECT {column} FROM records ORDER BY id"))
        .await;
    rows.close().await;
    values
}

#[tokio::test]
async fn encrypted_values_never_reach_the_files_yet_stay_readable_and_findable() {
    let app = spawn_app().await;
    app.set_up().await;
    let (leads, record) = subject(&app).await;
    for needle in [EMAIL, LAST, PHONE] {
        assert!(stored(&app, needle).await > 0, "{needle} is there before");
    }
    for key in ["email", "last_name", "phone"] {
        encrypt(&app, &leads, key, true).await;
    }

    for needle in [EMAIL, LAST, PHONE] {
        assert_eq!(stored(&app, needle).await, 0, "{needle} is in the database");
    }
    let sealed = raw(&app, "email").await[0].clone().expect("a value");
    assert!(sealed.starts_with("\u{1}e1."), "{sealed:?}");
    assert!(
        stored(&app, &sealed).await > 0,
        "the ciphertext is what is stored"
    );

    // Read back as entered; found by exact address whatever its capitals.
    let read: Value = app
        .get(&format!("/api/v1/records/{record}"))
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(read["fields"]["email"], EMAIL);
    assert_eq!(read["fields"]["last_name"], LAST);
    assert_eq!(read["fields"]["phone"], PHONE);
    assert_eq!(app.search(&EMAIL.to_uppercase()).await.len(), 1);

    // The database cannot search or sort what it cannot read, and says so.
    let searched: Value = app
        .get("/api/v1/records?q=Quaq")
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(searched["not_searched"], json!(["last_name"]));
    let sorted = app.get("/api/v1/records?sort=last_name").await;
    assert_eq!(
        error_body(sorted, StatusCode::BAD_REQUEST).await["field"],
        "sort"
    );

    // New values are written encrypted too; an edit keeps them so.
    let edited = app
        .send(
            Method::PUT,
            &format!("/api/v1/records/{record}"),
            &json!({"first_name": "Zwaantje", "last_name": "Quaquarelli-Smit", "email": EMAIL}),
        )
        .await;
    assert_eq!(edited.status(), StatusCode::OK);
    assert_eq!(stored(&app, "Quaquarelli-Smit").await, 0);

    // An import recognises the encrypted address as a duplicate, and a repeat in its file.
    let uploaded = upload(
        &app,
        &leads,
        "file_name=again.csv",
        format!(
            "Last name,E-mail\nAgain,{}\nNew,new@example.nl\nNew again,NEW@example.nl\n",
            EMAIL.to_uppercase()
        )
        .into_bytes(),
    )
    .await;
    assert_eq!(uploaded.status(), StatusCode::ACCEPTED);
    let job: Value = uploaded.json().await.expect("json");
    let done = imported(&app, job["id"].as_str().expect("id")).await;
    assert_eq!(done["imported"], 1, "{done}");
    assert_eq!(done["error_count"], 2, "{done}");
    assert_eq!(done["errors"][0]["row"], 2);
    assert!(
        done["errors"][0]["reason"]
            .as_str()
            .is_some_and(|r| r.contains("already has this e-mail address")),
        "{done}"
    );
    assert_eq!(done["errors"][1]["row"], 4);

    // Sign-ups find the encrypted address: one address stays one record.
    open_sign_up(&app, Some(false)).await;
    let mut again = submission(&EMAIL.to_uppercase());
    again["first_name"] = json!("Zwaantje");
    assert_eq!(sign_up(&app, &again).await.status(), StatusCode::ACCEPTED);
    let all: Value = app
        .get(&format!("/api/v1/records?q={EMAIL}"))
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(all["records"].as_array().map(Vec::len), Some(1), "{all}");

    // Switched off again: stored as entered, no blind index left.
    encrypt(&app, &leads, "email", false).await;
    assert_eq!(raw(&app, "email").await[0].as_deref(), Some(EMAIL));
    let indexed = Rows::of(&app)
        .await
        .count("SELECT COUNT(*) FROM records WHERE email_index IS NOT NULL")
        .await;
    assert_eq!(indexed, 0, "no blind index left");
    assert_eq!(
        stored(&app, "Quaquarelli-Smit").await,
        0,
        "last name stays encrypted"
    );
}

#[tokio::test]
async fn key_rotation_keeps_every_value_readable_and_leaves_nothing_on_the_old_key() {
    let app = spawn_app().await;
    app.set_up().await;
    let (leads, record) = subject(&app).await;
    for n in 0..30 {
        app.post(
            "/api/v1/records",
            &json!({"module_id": leads, "fields": {"last_name": format!("Extra {n}"),
                    "email": format!("extra{n}@example.nl")}}),
        )
        .await;
    }
    encrypt(&app, &leads, "email", true).await;
    encrypt(&app, &leads, "last_name", true).await;
    let before: Vec<Option<String>> = raw(&app, "email").await;
    assert!(before.iter().flatten().all(|e| e.starts_with("\u{1}e1.1.")));

    // As `consentry rotate-key` does it: a new key, then the job.
    let store = app.store().await;
    let job = store.rotate_key("test").await.expect("rotated");
    consentry_server::domain::encryption::run_job(store.as_ref(), &job)
        .await
        .expect("re-encrypted");
    let done = store
        .encryption_job(job.id)
        .await
        .expect("read")
        .expect("job");
    assert_eq!(done.done, 31);
    assert_eq!(done.detail.as_deref(), Some("retired key 1"));

    for column in ["email", "last_name"] {
        for value in raw(&app, column).await.into_iter().flatten() {
            assert!(value.starts_with("\u{1}e1.3."), "{column}: {value:?}");
        }
    }
    let status: Value = app
        .get("/api/v1/encryption")
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(status["keys"].as_array().map(Vec::len), Some(1), "{status}");
    assert_eq!(status["keys"][0]["id"], 3);
    let read: Value = app
        .get(&format!("/api/v1/records/{record}"))
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(read["fields"]["email"], EMAIL);
    assert_eq!(read["fields"]["last_name"], LAST);
    let page: Value = app
        .get("/api/v1/records?limit=100")
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(page["records"].as_array().map(Vec::len), Some(31));
    let found: Value = app
        .get("/api/v1/records?q=extra7@example.nl")
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(found["records"][0]["fields"]["last_name"], "Extra 7");
}

#[tokio::test]
async fn switching_encryption_refuses_what_cannot_be_done() {
    let app = spawn_app().await;
    app.set_up().await;
    let (leads, _) = subject(&app).await;
    let added = app
        .post(
            &format!("/api/v1/modules/{leads}/fields"),
            &json!({"label": "Newsletter", "kind": "boolean"}),
        )
        .await;
    let flag: Value = added.json().await.expect("json");
    let path = |id: &Value| {
        format!(
            "/api/v1/modules/{leads}/fields/{}/encryption",
            id.as_str().expect("id")
        )
    };
    let refused = app
        .send(Method::PUT, &path(&flag["id"]), &json!({"encrypted": true}))
        .await;
    assert_eq!(
        error_body(refused, StatusCode::BAD_REQUEST).await["field"],
        "encrypted"
    );
    encrypt(&app, &leads, "email", true).await;
    let email = field(&app, &leads, "email").await;
    let again = app
        .send(
            Method::PUT,
            &path(&email["id"]),
            &json!({"encrypted": true}),
        )
        .await;
    assert_eq!(
        error_body(again, StatusCode::CONFLICT).await["error"],
        "encryption_unchanged"
    );
    let staff = app.user_client("sam@acme.example", "standard").await;
    let forbidden = staff
        .put(app.url(&path(&email["id"])))
        .header("x-requested-with", "consentry")
        .json(&json!({"encrypted": false}))
        .send()
        .await
        .expect("request");
    assert_eq!(forbidden.status(), StatusCode::FORBIDDEN);
    let unknown = app
        .send(
            Method::PUT,
            &format!(
                "/api/v1/modules/{leads}/fields/{}/encryption",
                uuid::Uuid::now_v7()
            ),
            &json!({"encrypted": true}),
        )
        .await;
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn sensitive_values_are_masked_for_a_standard_user_and_revealing_one_is_audited() {
    let app = spawn_app().await;
    app.set_up().await;
    let (leads, record) = subject(&app).await;
    let email = field(&app, &leads, "email").await;
    let marked = app
        .send(
            Method::PATCH,
            &format!(
                "/api/v1/modules/{leads}/fields/{}",
                email["id"].as_str().expect("id")
            ),
            &json!({"personal": "sensitive"}),
        )
        .await;
    assert_eq!(marked.status(), StatusCode::OK, "{:?}", marked.text().await);

    let staff = app.user_client("sam@acme.example", "standard").await;
    let seen: Value = staff
        .get(app.url(&format!("/api/v1/records/{record}")))
        .send()
        .await
        .expect("request")
        .json()
        .await
        .expect("json");
    assert!(
        seen["fields"].get("email").is_none_or(Value::is_null),
        "{seen}"
    );
    assert_eq!(seen["masked"]["email"], "z•••@example.nl");
    assert_eq!(seen["fields"]["last_name"], LAST, "normal fields show");
    let listed: Value = staff
        .get(app.url("/api/v1/records"))
        .send()
        .await
        .expect("request")
        .json()
        .await
        .expect("json");
    assert_eq!(listed["records"][0]["masked"]["email"], "z•••@example.nl");
    assert!(!listed.to_string().contains(EMAIL));
    // Saving the record without the hidden value keeps it.
    let saved = staff
        .put(app.url(&format!("/api/v1/records/{record}")))
        .header("x-requested-with", "consentry")
        .json(&json!({"first_name": "Zwaan", "last_name": LAST}))
        .send()
        .await
        .expect("request");
    assert_eq!(saved.status(), StatusCode::OK);
    // Revealing the value is possible, and on the record for good.
    let reveal = json!({"field": "email"});
    let revealed: Value = staff
        .post(app.url(&format!("/api/v1/records/{record}/reveal")))
        .header("x-requested-with", "consentry")
        .json(&reveal)
        .send()
        .await
        .expect("request")
        .json()
        .await
        .expect("json");
    assert_eq!(revealed["value"], EMAIL);
    let trail: Vec<Value> = app.get("/api/v1/audit").await.json().await.expect("json");
    let entry = trail
        .iter()
        .find(|e| e["action"] == "record.value_revealed")
        .expect("audited");
    assert_eq!(entry["actor"], "sam@acme.example");
    assert_eq!(entry["subject"], record.as_str());
    assert_eq!(entry["after"]["field"], "email");
    assert!(
        !entry.to_string().contains(EMAIL),
        "the value is not in the trail"
    );

    // The administrator sees it unmasked.
    let admin: Value = app
        .get(&format!("/api/v1/records/{record}"))
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(
        admin["fields"]["email"], EMAIL,
        "kept through the staff edit"
    );
    assert_eq!(admin["fields"]["first_name"], "Zwaan");
    assert!(admin.get("masked").is_none());
    let unknown = app
        .post(
            &format!("/api/v1/records/{record}/reveal"),
            &json!({"field": "shoe_size"}),
        )
        .await;
    assert_eq!(
        error_body(unknown, StatusCode::BAD_REQUEST).await["field"],
        "field"
    );
}
