//! `consentry migrate-data`: an installation that started on the SQLite default moves to
//! PostgreSQL with all of its evidence.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::{
    consent::{answer, form_and_record, send},
    encryption::encrypt,
    helpers::{Options, newest_message_text, on_postgres, spawn_app, spawn_app_in},
    requests::{answer as prove, ask, code_in},
};

/// An empty database of its own on the test server.
async fn empty_target() -> String {
    let admin = std::env::var("CONSENTRY_TEST_POSTGRES_URL")
        .expect("CONSENTRY_TEST_POSTGRES_URL (scripts/test.sh starts a PostgreSQL server)");
    let dir = tempfile::tempdir().expect("temp dir");
    crate::helpers::database_url_on_postgres(dir.path(), &admin).await
}

/// `consentry migrate-data --from <source> --to <target>`, run in `dir` with its key file.
fn migrate_data(
    dir: &std::path::Path,
    source: &std::path::Path,
    target: &str,
) -> std::process::Command {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_consentry"));
    command
        .current_dir(dir)
        .env("CONSENTRY_LOG", "warn")
        .env("CONSENTRY__ENCRYPTION__KEY_FILE", dir.join("consentry.key"))
        .args(["migrate-data", "--from"])
        .arg(format!("sqlite://{}", source.display()))
        .args(["--to", target]);
    command
}

/// Rows per table, of every table both backends keep (what processes say of themselves
/// aside, and SQLite's requests to hash a legacy trail anew, which PostgreSQL never had); of
/// the Overview's counters, those that count something.
async fn counts_on_sqlite(path: &std::path::Path) -> Vec<(String, i64)> {
    let pool = sqlx::SqlitePool::connect(&format!("sqlite://{}", path.display()))
        .await
        .expect("pool");
    let tables: Vec<(String,)> = sqlx::query_as(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
           AND name NOT IN ('_sqlx_migrations', 'instances', 'audit_rechain') ORDER BY name",
    )
    .fetch_all(&pool)
    .await
    .expect("tables");
    let mut counts = Vec::new();
    for (table,) in tables {
        let (n,): (i64,) = sqlx::query_as(&count(&table))
            .fetch_one(&pool)
            .await
            .expect("count");
        counts.push((table, n));
    }
    pool.close().await;
    counts
}

/// How a table's rows are counted: a counter at zero is no row (PostgreSQL keeps it).
fn count(table: &str) -> String {
    if table == "privacy_counts" {
        "SELECT COUNT(*) FROM privacy_counts WHERE n > 0".to_owned()
    } else {
        format!("SELECT COUNT(*) FROM {table}")
    }
}

async fn counts_on_postgres(url: &str, tables: &[(String, i64)]) -> Vec<(String, i64)> {
    let pool = sqlx::PgPool::connect(url).await.expect("pool");
    let mut counts = Vec::new();
    for (table, _) in tables {
        let (n,): (i64,) = sqlx::query_as(&count(table))
            .fetch_one(&pool)
            .await
            .expect("count");
        counts.push((table.clone(), n));
    }
    pool.close().await;
    counts
}

#[tokio::test]
async fn an_installation_moves_from_sqlite_to_postgres_with_all_of_its_evidence() {
    if on_postgres() {
        // A move from SQLite: it runs in the suite's SQLite pass.
        return;
    }
    let mut app = spawn_app().await;
    app.set_up().await;
    // A subject's consent with its signed receipt.
    let (form, record) = form_and_record(&app, Some("jan@example.nl")).await;
    let token = send(&app, &form, &record).await;
    let granted: Value = answer(
        &app,
        &token,
        json!({"lang": "nl", "decision": "save",
               "choices": {"granted": ["service", "newsletter"], "channels": ["email"]}}),
    )
    .await
    .json()
    .await
    .expect("json");
    let receipt = granted["receipt"].as_str().expect("a receipt").to_owned();
    // Encrypted values, the e-mail address found through its blind index.
    let leads = app.module_id("leads").await;
    let piet = app
        .create_record(
            &leads,
            json!({"last_name": "Bakker", "email": "piet@example.nl",
                   "phone": "+31 6 1234 5678"}),
        )
        .await;
    encrypt(&app, &leads, "email", true).await;
    encrypt(&app, &leads, "phone", true).await;
    // A data-subject request, filed through the privacy centre.
    let asked = ask(
        &app,
        &json!({"kind": "access", "email": "piet@example.nl", "lang": "en"}),
    )
    .await;
    assert_eq!(asked.status(), StatusCode::ACCEPTED);
    let challenge = asked.json::<Value>().await.expect("json")["challenge"]
        .as_str()
        .expect("challenge")
        .to_owned();
    let code = code_in(&newest_message_text(&app).await);
    assert_eq!(
        prove(&app, &challenge, &code).await.status(),
        StatusCode::OK
    );
    // An erased subject: their events are gone, the Overview's changes per day still count
    // them (history a move must keep).
    let kees = app
        .create_record(
            &leads,
            json!({"last_name": "Visser", "email": "kees@example.nl"}),
        )
        .await;
    // A change of basis: a privacy event the Overview counts on its day.
    let changed = app
        .send(
            Method::PUT,
            &format!("/api/v1/records/{kees}/basis"),
            &json!({"basis": "contract", "lawful_reason": "Service agreement 12"}),
        )
        .await;
    assert_eq!(changed.status(), StatusCode::OK);
    let asked = ask(
        &app,
        &json!({"kind": "erasure", "email": "kees@example.nl", "lang": "en"}),
    )
    .await;
    let challenge = asked.json::<Value>().await.expect("json")["challenge"]
        .as_str()
        .expect("challenge")
        .to_owned();
    let code = code_in(&newest_message_text(&app).await);
    assert_eq!(
        prove(&app, &challenge, &code).await.status(),
        StatusCode::OK
    );
    let queue = app.queue("/api/v1/requests?kind=erasure").await;
    let erasure = queue[0]["id"].as_str().expect("id").to_owned();
    let erased = app
        .post(&format!("/api/v1/requests/{erasure}/erase"), &json!({}))
        .await;
    assert_eq!(erased.status(), StatusCode::OK, "{kees}");
    // While the server runs on it, the source is refused: what it wrote next would stay behind.
    let busy = migrate_data(
        app.dir.path(),
        &app.db_path(),
        "postgres://nobody@127.0.0.1:1/never",
    )
    .output()
    .expect("runs");
    let said = String::from_utf8_lossy(&busy.stderr);
    assert!(!busy.status.success());
    assert!(said.contains("is running on this database"), "{said}");
    app.stop().await;

    let source = app.db_path();
    let before = counts_on_sqlite(&source).await;
    assert!(
        before.iter().any(|(t, n)| t == "consent_events" && *n == 1),
        "{before:?}"
    );
    let target = empty_target().await;
    // Its schema made first by `consentry migrate` under another key, as a user following
    // the usual set-up would: the data keys that made are no data and give way.
    let prepared = std::process::Command::new(env!("CARGO_BIN_EXE_consentry"))
        .current_dir(app.dir.path())
        .env("CONSENTRY_LOG", "warn")
        .env(
            "CONSENTRY__ENCRYPTION__MASTER_KEY",
            "CQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQk=",
        )
        .env("CONSENTRY__DATABASE__URL", &target)
        .arg("migrate")
        .output()
        .expect("runs");
    assert!(
        prepared.status.success(),
        "{}",
        String::from_utf8_lossy(&prepared.stderr)
    );
    let moved = migrate_data(app.dir.path(), &source, &target)
        .output()
        .expect("runs");
    let printed = String::from_utf8_lossy(&moved.stdout).into_owned();
    assert!(
        moved.status.success(),
        "{printed}{}",
        String::from_utf8_lossy(&moved.stderr)
    );
    assert!(
        printed.contains("consent_events: 1 rows copied"),
        "{printed}"
    );
    assert!(printed.contains("acme: "), "verify-audit ran: {printed}");
    assert!(
        printed.contains("data keys (made when it was opened"),
        "{printed}"
    );
    // Every count equal.
    assert_eq!(counts_on_postgres(&target, &before).await, before);

    // Moving again into the now full database is refused, and changes nothing.
    let again = migrate_data(app.dir.path(), &source, &target)
        .output()
        .expect("runs");
    assert!(!again.status.success());
    assert!(
        String::from_utf8_lossy(&again.stderr).contains("already holds data"),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );
    assert_eq!(counts_on_postgres(&target, &before).await, before);

    // Two moves into one empty database at once: one moves, the other is refused saying why
    // (not a duplicate key halfway), and the database holds one copy.
    let other = empty_target().await;
    let racing: Vec<std::process::Child> = (0..2)
        .map(|_| {
            migrate_data(app.dir.path(), &source, &other)
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .expect("runs")
        })
        .collect();
    let ended: Vec<std::process::Output> = racing
        .into_iter()
        .map(|child| child.wait_with_output().expect("ends"))
        .collect();
    assert_eq!(
        ended.iter().filter(|o| o.status.success()).count(),
        1,
        "one of two moves at once"
    );
    for refused in ended.iter().filter(|o| !o.status.success()) {
        let said = String::from_utf8_lossy(&refused.stderr);
        assert!(
            said.contains("another migrate-data") || said.contains("already holds data"),
            "{said}"
        );
    }
    assert_eq!(counts_on_postgres(&other, &before).await, before);

    // The installation runs on PostgreSQL with the same key file.
    let dir = std::mem::replace(&mut app.dir, tempfile::tempdir().expect("temp dir"));
    std::fs::write(dir.path().join("database.url"), &target).expect("point at postgres");
    let moved = spawn_app_in(dir, Options::default()).await;
    moved.sign_in_admin().await;
    assert_eq!(moved.audit_verdict().await["status"], "intact");
    let found = moved.search("piet@example.nl").await;
    assert_eq!(found.len(), 1, "found through the blind index");
    let opened: Value = moved
        .get(&format!("/api/v1/records/{piet}"))
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(opened["fields"]["phone"], "+31 6 1234 5678", "{opened}");
    let checked: Value = moved
        .post("/api/public/receipts/verify", &json!({"receipt": receipt}))
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(checked["decision"], "granted", "{checked}");
    let queue = moved.queue("/api/v1/requests").await;
    assert_eq!(queue.len(), 2, "the access request and the erasure");
    let record: Value = moved
        .send(
            Method::GET,
            &format!("/api/v1/records/{record}"),
            &json!({}),
        )
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(record["privacy"]["consent"]["status"], "obtained");

    // A server running on an empty target: refused, and its data keys left alone (replacing
    // them under it would leave what it writes next unreadable).
    let serving = empty_target().await;
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("database.url"), &serving).expect("point at postgres");
    let running = spawn_app_in(dir, Options::default()).await;
    let keys = "SELECT COUNT(*) FROM data_keys";
    let rows = crate::rows::Rows::of(&running).await;
    let before = rows.count(keys).await;
    let refused = migrate_data(moved.dir.path(), &source, &serving)
        .output()
        .expect("runs");
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(!refused.status.success(), "{said}");
    assert!(
        said.contains("a Consentry server is running on this database"),
        "{said}"
    );
    assert!(before > 0);
    assert_eq!(rows.count(keys).await, before, "its keys are left alone");
    assert_eq!(
        rows.count("SELECT COUNT(*) FROM organisations").await,
        0,
        "nothing was moved in"
    );
}
