//! Background jobs across `kill -9`: an import cut off by a killed server is found
//! `interrupted` after the restart, counting exactly the records the database holds and
//! naming the rows done and the rows to import again; a retry of its Idempotency-Key is not
//! told it is still running. And at the store: an import batch's records and its count on
//! the job commit together, or neither does.

use std::time::{Duration, Instant};

use chrono::Utc;
use consentry_model::{
    ModuleId, OrganisationId,
    import::{ImportState, RowError},
    records::{DataSource, RecordFields, SourceKind},
};
use consentry_server::store::{ImportBatch, JobKind, NewJob, RecordWrite, StoreError};
use reqwest::StatusCode;
use serde_json::{Value, json};
use uuid::Uuid;

use crate::{
    crash::{consentry, serve_with},
    helpers::{ADMIN_EMAIL, ADMIN_PASSWORD, Options, new_client, send_as, spawn_app_with},
    rows::Rows,
};

/// A served binary, killed (`kill -9`) when dropped: also when an assertion fails first.
struct Served(std::process::Child);

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Seconds a process counts as alive after it said so (the shortest allowed): a killed
/// server's jobs are found cut off that long after it last said so.
const LEASE: &str = "4";

fn serve(app: &crate::helpers::TestApp) -> (Served, String) {
    let (child, url) = serve_with(
        app,
        &[("CONSENTRY__DATABASE__INSTANCE_LEASE_SECONDS", LEASE)],
    );
    (Served(child), url)
}

/// `consentry import` of `file` into Acme's Leads, running (with the short lease).
fn cli_import(app: &crate::helpers::TestApp, file: &std::path::Path) -> std::process::Child {
    consentry(app)
        .env("CONSENTRY__DATABASE__INSTANCE_LEASE_SECONDS", LEASE)
        .args(["import", "--organisation-slug", "acme", "--module", "leads"])
        .arg(file)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("import starts")
}

/// The test app's database, read beside the processes working on it.
async fn database(app: &crate::helpers::TestApp) -> Rows {
    Rows::of(app).await
}

/// Waits (up to a minute) until a running import's first batch is written.
async fn first_batch_written(rows: &Rows, import: &mut std::process::Child) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while count(rows, "SELECT COUNT(*) FROM records").await == 0 {
        assert!(Instant::now() < deadline, "no batch written in a minute");
        assert!(
            import.try_wait().expect("wait").is_none(),
            "the import ended before its first batch was seen"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// How many jobs the audit trail says were cut off.
async fn interruptions(rows: &Rows) -> u64 {
    count(
        rows,
        "SELECT COUNT(*) FROM audit_log WHERE action = 'job.interrupted'",
    )
    .await
}

/// The import's progress once it is no longer running (or after half a minute).
async fn once_ended(client: &reqwest::Client, url: &str, id: &str) -> (StatusCode, Value) {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let (status, job) = progress(client, url, id).await;
        if job["state"] != "running" || Instant::now() > deadline {
            return (status, job);
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_command_line_import_goes_on_while_the_server_beside_it_restarts() {
    let mut app = spawn_app_with(Options::default()).await;
    app.set_up().await;
    app.stop().await;
    let (server, _) = serve(&app);
    const CLI_ROWS: usize = 20_000;
    let file = app.dir.path().join("leden.csv");
    let mut csv = String::from("First name,Last name,E-mail\n");
    for n in 0..CLI_ROWS {
        csv.push_str(&format!("Cli{n},Achternaam{n},cli.{n}@beside.example\n"));
    }
    std::fs::write(&file, csv).expect("file");
    let mut import = cli_import(&app, &file);
    let rows = database(&app).await;
    // Once its first batch is written, the server is killed and started again, and runs
    // for longer than a lease while the import goes on.
    first_batch_written(&rows, &mut import).await;
    drop(server); // kill -9
    let (server, _) = serve(&app);
    // The new server started (and looked for cut-off jobs) while the import was running.
    assert_eq!(
        count(
            &rows,
            &format!(
                "SELECT COUNT(*) FROM jobs WHERE state = 'running' AND processed < {CLI_ROWS}"
            )
        )
        .await,
        1,
        "the import ended before the restart: the test proves nothing"
    );
    let imported = tokio::task::spawn_blocking(move || import.wait_with_output())
        .await
        .expect("join")
        .expect("import ends");
    let out = String::from_utf8_lossy(&imported.stdout);
    assert!(
        imported.status.success(),
        "{out}{}",
        String::from_utf8_lossy(&imported.stderr)
    );
    assert!(
        out.contains(&format!("Imported {CLI_ROWS} of {CLI_ROWS} rows")),
        "{out}"
    );
    tokio::time::sleep(Duration::from_secs(6)).await;
    assert_eq!(
        count(&rows, "SELECT COUNT(*) FROM records").await,
        CLI_ROWS as u64
    );
    assert_eq!(
        count(&rows, "SELECT COUNT(*) FROM jobs WHERE state = 'finished'").await,
        1
    );
    assert_eq!(
        interruptions(&rows).await,
        0,
        "a living import was taken for cut off"
    );
    rows.close().await;
    drop(server);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn ctrl_c_stops_a_command_line_import_at_once_and_marks_it_interrupted() {
    let mut app = spawn_app_with(Options::default()).await;
    app.set_up().await;
    app.stop().await;
    let file = app.dir.path().join("verkeerd.csv");
    std::fs::write(&file, big_file()).expect("file");
    let mut import = cli_import(&app, &file);
    let rows = database(&app).await;
    first_batch_written(&rows, &mut import).await;
    let interrupted = std::process::Command::new("kill")
        .args(["-INT", &import.id().to_string()])
        .status()
        .expect("kill");
    assert!(interrupted.success());
    let stopped = tokio::task::spawn_blocking(move || import.wait_with_output())
        .await
        .expect("join")
        .expect("import ends");
    assert!(
        !stopped.status.success(),
        "a stopped import is not a success"
    );
    assert!(
        String::from_utf8_lossy(&stopped.stderr).contains("the import was stopped"),
        "{}",
        String::from_utf8_lossy(&stopped.stderr)
    );
    // Marked at once (no lease to wait for), with exactly what was written.
    assert_eq!(
        rows.texts("SELECT state FROM jobs").await,
        [Some("interrupted".to_owned())]
    );
    let done = count(&rows, "SELECT done FROM jobs").await;
    let records = count(&rows, "SELECT COUNT(*) FROM records").await;
    assert!(records < ROWS as u64, "stopped before the end");
    assert_eq!(done, records);
    assert_eq!(interruptions(&rows).await, 1);
    rows.close().await;
}

/// Rows in the file: far more than a debug build imports before the kill.
const ROWS: usize = 80_000;

fn big_file() -> Vec<u8> {
    let mut csv = String::from("First name,Last name,E-mail\n");
    for n in 0..ROWS {
        csv.push_str(&format!("Rij{n},Achternaam{n},rij.{n}@kill.example\n"));
    }
    csv.into_bytes()
}

async fn start_import(
    client: &reqwest::Client,
    url: &str,
    module: &str,
    file: &[u8],
) -> reqwest::Response {
    client
        .post(format!(
            "{url}/api/v1/imports?module={module}&file_name=leden.csv"
        ))
        .header("x-requested-with", "consentry")
        .header("content-type", "text/csv")
        .header("idempotency-key", "import-cut-off-by-kill-9")
        .body(file.to_vec())
        .send()
        .await
        .expect("import request")
}

async fn progress(client: &reqwest::Client, url: &str, id: &str) -> (StatusCode, Value) {
    let answer = client
        .get(format!("{url}/api/v1/imports/{id}"))
        .send()
        .await
        .expect("progress");
    let status = answer.status();
    (status, answer.json().await.unwrap_or(Value::Null))
}

async fn count(rows: &Rows, sql: &str) -> u64 {
    u64::try_from(rows.count(sql).await).expect("count")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn an_import_cut_off_by_kill_9_is_interrupted_with_exactly_what_it_wrote() {
    let mut app = spawn_app_with(Options::default()).await;
    app.set_up().await;
    let leads = app.module_id("leads").await;
    app.stop().await;

    let (child, url) = serve(&app);
    let client = new_client();
    let signed_in = send_as(
        &client,
        reqwest::Method::POST,
        &format!("{url}/api/v1/session"),
        &json!({"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD}),
    )
    .await;
    assert_eq!(signed_in.status(), StatusCode::OK);
    let file = big_file();
    let started = start_import(&client, &url, &leads, &file).await;
    assert_eq!(started.status(), StatusCode::ACCEPTED);
    let started: Value = started.json().await.expect("json");
    assert_eq!(started["state"], "running");
    let id = started["id"].as_str().expect("id").to_owned();
    // Killed once at least one batch is written, well before the last.
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let (_, now) = progress(&client, &url, &id).await;
        assert_eq!(now["state"], "running", "finished before the kill: {now}");
        if now["imported"].as_u64().unwrap_or_default() > 0 {
            break;
        }
        assert!(Instant::now() < deadline, "no batch written in a minute");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    drop(child); // kill -9

    // The restarted server finds it cut off once the killed one's lease ran out.
    let (child, url) = serve(&app);
    let (status, job) = once_ended(&client, &url, &id).await;
    assert_eq!(status, StatusCode::OK, "{job}");
    assert_eq!(job["state"], "interrupted", "{job}");
    let rows = database(&app).await;
    let records = count(&rows, "SELECT COUNT(*) FROM records").await;
    let imported = job["imported"].as_u64().expect("imported");
    assert!(imported > 0 && imported < ROWS as u64, "{job}");
    assert_eq!(imported, records, "the job counts what the database holds");
    // No row was refused, so the rows handled are exactly the rows imported: 2 to n + 1.
    let last = job["handled_through_row"].as_u64().expect("last row");
    assert_eq!(last, imported + 1, "{job}");
    assert_eq!(job["processed"].as_u64(), Some(imported));
    let advice = job["interruption"].as_str().expect("what to do");
    assert!(
        advice.contains(&format!("Rows 2–{last}"))
            && advice.contains(&format!("Rows from {} on were not imported", last + 1)),
        "{advice}"
    );
    assert!(job["finished_at"].is_string(), "{job}");
    // The first record of the next batch is not there; the last one counted is.
    assert_eq!(
        count(
            &rows,
            &format!(
                "SELECT COUNT(*) FROM records WHERE last_name = 'Achternaam{}'",
                imported - 1
            )
        )
        .await,
        1
    );

    // The retry of the key is not told the import is running.
    let retried = start_import(&client, &url, &leads, &file).await;
    assert_eq!(retried.status(), StatusCode::ACCEPTED);
    assert!(retried.headers().contains_key("idempotent-replayed"));
    let retried: Value = retried.json().await.expect("json");
    assert_eq!(retried["id"], id.as_str());
    assert_eq!(retried["state"], "interrupted", "{retried}");
    assert_eq!(retried["imported"].as_u64(), Some(imported));
    // Nothing was imported twice, and the interruption is in the audit trail, once.
    assert_eq!(count(&rows, "SELECT COUNT(*) FROM records").await, records);
    assert_eq!(interruptions(&rows).await, 1);
    rows.close().await;
    drop(child);

    // Another start does not mark it again.
    let (child, url) = serve(&app);
    let (_, again) = progress(&client, &url, &id).await;
    assert_eq!(again["state"], "interrupted");
    assert_eq!(again["finished_at"], job["finished_at"]);
    // The API's description names the state.
    let doc: Value = client
        .get(format!("{url}/api/openapi.json"))
        .send()
        .await
        .expect("openapi")
        .json()
        .await
        .expect("json");
    assert!(
        doc["components"]["schemas"]["ImportState"]["enum"]
            .as_array()
            .is_some_and(|states| states.contains(&json!("interrupted"))),
        "{}",
        doc["components"]["schemas"]["ImportState"]
    );
    drop(child);
    assert!(crate::crash::verify_audit(&app), "verify-audit failed");
}

fn write(module: ModuleId, name: &str) -> RecordWrite {
    RecordWrite {
        module,
        fields: RecordFields {
            last_name: Some(name.into()),
            ..Default::default()
        },
        privacy: None,
        change: None,
        source: DataSource {
            through: SourceKind::Import,
            by: "Test".into(),
            detail: Some("test.csv".into()),
            at: Utc::now(),
        },
    }
}

#[tokio::test]
async fn an_import_batch_and_its_count_on_the_job_commit_together() {
    let mut app = spawn_app_with(Options::default()).await;
    let session = app.set_up().await;
    let leads = ModuleId(app.module_id("leads").await.parse().expect("module id"));
    let organisation = OrganisationId(
        session["organisation"]["id"]
            .as_str()
            .expect("organisation")
            .parse()
            .expect("uuid"),
    );
    app.stop().await;
    let store = app.store().await;
    let job = Uuid::now_v7();
    store
        .start_job(
            organisation,
            NewJob {
                id: job,
                kind: JobKind::Import,
                total: 5,
                file_name: Some("test.csv".into()),
                module: Some(leads),
                started_by: "test".into(),
                started_at: Utc::now(),
            },
        )
        .await
        .expect("job");
    let batch = |names: &[&str], through_row: u64| ImportBatch {
        job,
        records: names.iter().map(|n| write(leads, n)).collect(),
        failures: vec![RowError {
            row: through_row,
            column: Some("E-mail".into()),
            reason: "Not an e-mail address.".into(),
        }],
        refused: 1,
        rows: names.len() as u64 + 1,
        through_row,
    };
    assert_eq!(
        store
            .import_batch(organisation, batch(&["Een", "Twee"], 4))
            .await
            .expect("batch"),
        2
    );
    let kept = store
        .job(organisation, job)
        .await
        .expect("job")
        .expect("kept");
    assert_eq!(
        (
            kept.done,
            kept.processed,
            kept.error_count,
            kept.handled_through_row
        ),
        (2, 3, 1, Some(4))
    );
    assert_eq!(kept.failures.len(), 1);
    assert_eq!(kept.failures[0].row, 4);

    // A batch whose count cannot be written (the job ended meanwhile) writes no record.
    assert!(
        store
            .end_job(organisation, job, ImportState::Failed, None)
            .await
            .expect("ended")
    );
    let refused = store
        .import_batch(organisation, batch(&["Drie", "Vier"], 7))
        .await;
    assert!(
        matches!(refused, Err(StoreError::Conflict("jobs.state"))),
        "{refused:?}"
    );
    let rows = database(&app).await;
    assert_eq!(count(&rows, "SELECT COUNT(*) FROM records").await, 2);
    assert_eq!(
        count(
            &rows,
            "SELECT COUNT(*) FROM records WHERE last_name IN ('Drie', 'Vier')"
        )
        .await,
        0
    );
    rows.close().await;
    let kept = store
        .job(organisation, job)
        .await
        .expect("job")
        .expect("kept");
    assert_eq!((kept.done, kept.handled_through_row), (2, Some(4)));
    assert_eq!(kept.state, ImportState::Failed);
}

#[tokio::test]
async fn a_bulk_send_found_cut_off_says_what_was_queued_and_that_the_rest_were_not_asked() {
    let mut app = spawn_app_with(Options::default()).await;
    let session = app.set_up().await;
    let organisation = OrganisationId(
        session["organisation"]["id"]
            .as_str()
            .expect("organisation")
            .parse()
            .expect("uuid"),
    );
    app.stop().await;
    let store = app.store().await;
    let job = Uuid::now_v7();
    let started_at = Utc::now();
    store
        .start_job(
            organisation,
            NewJob {
                id: job,
                kind: JobKind::BulkSend,
                total: 10,
                file_name: None,
                module: None,
                started_by: "admin@acme.example".into(),
                started_at,
            },
        )
        .await
        .expect("job");
    let skipped = [("no_email".to_owned(), 2)].into_iter().collect();
    store
        .count_skipped(organisation, job, &skipped)
        .await
        .expect("skipped");
    use consentry_server::domain::jobs;
    // Its process says it is alive: the job goes on, whoever looks.
    jobs::keep_alive(store.as_ref(), std::time::Duration::from_secs(60))
        .await
        .expect("alive");
    assert_eq!(
        jobs::interrupt_orphaned(store.as_ref())
            .await
            .expect("looked"),
        0
    );
    // Its process stopped: cut off.
    store.retire().await.expect("retired");
    assert_eq!(
        jobs::interrupt_orphaned(store.as_ref())
            .await
            .expect("marked"),
        1
    );
    // Marked once: the next look finds nothing running.
    assert_eq!(
        jobs::interrupt_orphaned(store.as_ref())
            .await
            .expect("marked"),
        0
    );
    let progress = jobs::bulk_send(store.as_ref(), organisation, job)
        .await
        .expect("progress");
    assert_eq!(progress.state, ImportState::Interrupted);
    assert_eq!((progress.processed, progress.requested), (2, 0));
    let advice = progress.interruption.expect("what to do");
    assert!(
        advice.contains("0 request(s) were made")
            && advice.contains("2 record(s) were skipped")
            && advice.contains("(about 8) were not asked")
            && advice.contains("\"Skip records sent a consent request since\" set to")
            && advice.contains(&format!(
                "`skip_asked_since`: {} in the API",
                started_at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
            )),
        "{advice}"
    );
    // Not an import: another kind of job is not found under its route.
    assert!(
        jobs::import(
            store.as_ref(),
            organisation,
            consentry_model::import::ImportId(job)
        )
        .await
        .is_err()
    );
}
