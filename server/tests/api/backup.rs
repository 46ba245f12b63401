//! `consentry backup` and `consentry restore` (the real binary) against a running server, and
//! the erasure ledger that keeps an erased subject erased when an older backup comes back.

use std::path::Path;

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::{
    erasure::{hits_in, latest_code},
    helpers::{
        ADMIN_EMAIL, ADMIN_PASSWORD, Options, TestApp, send_as, spawn_app, spawn_app_in,
        spawn_app_with,
    },
    requests::{answer as prove, ask},
};

const EMAIL: &str = "wobbe.k4471@example.nl";
const LAST: &str = "Kwakernaat";

/// Runs `consentry` on the database `dir/test.db` (key file and ledger beside it).
fn consentry(dir: &Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_consentry"))
        .current_dir(dir)
        .env(
            "CONSENTRY__DATABASE__URL",
            format!("sqlite://{}", dir.join("test.db").display()),
        )
        .env("CONSENTRY_LOG", "warn")
        .args(args)
        .output()
        .expect("consentry runs")
}

fn text(output: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// Creates records in `module` until told to stop; the ids of those acknowledged (201).
async fn write_until(
    app_url: String,
    client: reqwest::Client,
    module: String,
    stop: tokio::sync::watch::Receiver<bool>,
) -> Vec<String> {
    let mut acknowledged = Vec::new();
    let mut n = 0;
    while !*stop.borrow() {
        n += 1;
        let created = send_as(
            &client,
            Method::POST,
            &format!("{app_url}/api/v1/records"),
            &json!({"module_id": module, "fields": {"last_name": format!("Writer{n}")}}),
        )
        .await;
        if created.status() == StatusCode::CREATED {
            let body: Value = created.json().await.expect("json");
            acknowledged.push(body["id"].as_str().expect("id").to_owned());
        }
    }
    acknowledged
}

/// Signs the administrator in on a fresh client.
async fn sign_in(app: &TestApp) -> reqwest::Client {
    let client = crate::helpers::new_client();
    let signed_in = send_as(
        &client,
        Method::POST,
        &app.url("/api/v1/session"),
        &json!({"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD}),
    )
    .await;
    assert_eq!(signed_in.status(), StatusCode::OK);
    client
}

#[tokio::test]
async fn a_backup_taken_during_writes_restores_verified_and_the_erased_subject_stays_erased() {
    let mut app = spawn_app().await;
    app.set_up().await;
    let leads = app.with_compliance("leads").await;
    // The subject's e-mail address is encrypted at rest: the ledger must find it all the same.
    crate::encryption::encrypt(&app, &leads, "email", true).await;
    let subject = app
        .post(
            "/api/v1/records",
            &json!({"module_id": leads, "fields": {"last_name": LAST, "email": EMAIL}}),
        )
        .await;
    assert_eq!(subject.status(), StatusCode::CREATED);
    let subject: Value = subject.json().await.expect("json");
    let subject = subject["id"].as_str().expect("id").to_owned();

    // Backups (plain and sealed) while records are being written.
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let writer = tokio::spawn(write_until(
        app.address.clone(),
        app.client.clone(),
        leads.clone(),
        stopped,
    ));
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let backups = tempfile::tempdir().expect("dir");
    let plain = backups.path().join("plain.db");
    let sealed = backups.path().join("sealed.backup");
    let dir = app.dir.path().to_owned();
    let (plain_out, sealed_out) = {
        let (dir2, plain2, sealed2) = (dir.clone(), plain.clone(), sealed.clone());
        tokio::task::spawn_blocking(move || {
            (
                consentry(&dir2, &["backup", plain2.to_str().expect("path")]),
                consentry(
                    &dir2,
                    &["backup", "--sealed", sealed2.to_str().expect("path")],
                ),
            )
        })
        .await
        .expect("backups")
    };
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    stop.send(true).expect("stop writing");
    let written = writer.await.expect("writer");
    assert!(plain_out.status.success(), "{}", text(&plain_out));
    assert!(sealed_out.status.success(), "{}", text(&sealed_out));
    assert!(written.len() > 10, "only {} writes ran", written.len());
    // A backup never overwrites.
    let again = consentry(&dir, &["backup", plain.to_str().expect("path")]);
    assert!(!again.status.success());
    assert!(text(&again).contains("exists already"), "{}", text(&again));
    // The plain backup holds the subject (so the checks below can fail); the sealed one
    // shows nothing of the database.
    assert!(
        hits_in(&plain, LAST) > 0,
        "the backup should hold the subject"
    );
    assert_eq!(hits_in(&sealed, LAST), 0);
    assert_eq!(hits_in(&sealed, "SQLite format"), 0);

    // The subject asks to be erased and is.
    let asked = ask(
        &app,
        &json!({"kind": "erasure", "email": EMAIL, "lang": "en"}),
    )
    .await;
    assert_eq!(asked.status(), StatusCode::ACCEPTED);
    let challenge = asked.json::<Value>().await.expect("json")["challenge"]
        .as_str()
        .expect("challenge")
        .to_owned();
    let code = latest_code(&app).await;
    assert_eq!(
        prove(&app, &challenge, &code).await.status(),
        StatusCode::OK
    );
    let queue = app.queue("/api/v1/requests?kind=erasure").await;
    let request = queue[0]["id"].as_str().expect("id").to_owned();
    let erased = app
        .post(&format!("/api/v1/requests/{request}/erase"), &json!({}))
        .await;
    assert_eq!(erased.status(), StatusCode::OK, "{:?}", erased.text().await);
    app.stop().await;
    let ledger = std::fs::read_to_string(dir.join("erasures.ledger")).expect("the ledger");
    assert_eq!(ledger.lines().count(), 1, "{ledger}");
    assert!(!ledger.to_lowercase().contains(EMAIL), "{ledger}");
    assert!(!ledger.contains(&subject), "{ledger}");

    for backup in [&plain, &sealed] {
        // A fresh place with the key file and the ledger, as after losing the machine.
        let fresh = tempfile::tempdir().expect("dir");
        for file in ["consentry.key", "erasures.ledger"] {
            std::fs::copy(dir.join(file), fresh.path().join(file)).expect("copy");
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(
                fresh.path().join("consentry.key"),
                std::fs::Permissions::from_mode(0o600),
            )
            .expect("chmod");
        }
        let restored = consentry(fresh.path(), &["restore", backup.to_str().expect("path")]);
        let said = text(&restored);
        assert!(restored.status.success(), "{said}");
        assert!(said.contains("integrity check: ok"), "{said}");
        assert!(said.contains("1 erasure(s)"), "{said}");
        assert!(said.contains("1 record(s)"), "{said}");
        assert!(said.contains("acme: audit trail intact"), "{said}");
        let db = fresh.path().join("test.db");
        assert_eq!(
            hits_in(&db, LAST),
            0,
            "the subject came back from {backup:?}"
        );
        // Not again without --force.
        let twice = consentry(fresh.path(), &["restore", backup.to_str().expect("path")]);
        assert!(!twice.status.success());
        assert!(text(&twice).contains("not empty"), "{}", text(&twice));

        // The server starts on it: the subject is gone, the writes before the backup are there.
        let mut restored = spawn_app_in(fresh, Options::default()).await;
        let admin = sign_in(&restored).await;
        let gone = admin
            .get(restored.url(&format!("/api/v1/records/{subject}")))
            .send()
            .await
            .expect("request");
        assert_eq!(gone.status(), StatusCode::NOT_FOUND);
        let found: Value = admin
            .get(restored.url(&format!("/api/v1/records?q={EMAIL}")))
            .send()
            .await
            .expect("request")
            .json()
            .await
            .expect("json");
        assert_eq!(
            found["records"].as_array().map(Vec::len),
            Some(0),
            "{found}"
        );
        let first = &written[0];
        assert_eq!(
            admin
                .get(restored.url(&format!("/api/v1/records/{first}")))
                .send()
                .await
                .expect("request")
                .status(),
            StatusCode::OK,
            "a write acknowledged before the backup is missing"
        );
        // The address stays suppressed.
        let check = admin
            .get(restored.url(&format!("/api/v1/suppressions/check?email={EMAIL}")))
            .send()
            .await
            .expect("request");
        let check: Value = check.json().await.expect("json");
        assert_eq!(check["suppressed"], true, "{check}");
        restored.stop().await;
        assert_eq!(hits_in(&restored.db_path(), EMAIL), 0);
        assert_eq!(hits_in(&restored.db_path(), LAST), 0);
    }
}

#[tokio::test]
async fn restoring_without_the_key_file_is_refused_before_anything_changes() {
    let mut app = spawn_app().await;
    app.set_up().await;
    app.stop().await;
    let backups = tempfile::tempdir().expect("dir");
    let file = backups.path().join("b.db");
    let made = consentry(app.dir.path(), &["backup", file.to_str().expect("path")]);
    assert!(made.status.success(), "{}", text(&made));
    let fresh = tempfile::tempdir().expect("dir");
    let restored = consentry(fresh.path(), &["restore", file.to_str().expect("path")]);
    assert!(!restored.status.success());
    assert!(
        text(&restored).contains("restore it from your backup"),
        "{}",
        text(&restored)
    );
    assert!(!fresh.path().join("test.db").exists());
    assert!(!fresh.path().join("consentry.key").exists());
}

/// The settings a test app on `dir` runs with, with backups every 24 hours, two kept.
fn scheduled(dir: &Path) -> consentry_server::Settings {
    let mut settings = consentry_server::Settings::default();
    settings.database.url = format!("sqlite://{}", dir.join("test.db").display());
    settings.encryption.key_file = Some(dir.join("consentry.key"));
    settings.erasure.ledger_file = Some(dir.join("erasures.ledger"));
    settings.backup.every_hours = 24;
    settings.backup.keep = 2;
    settings.backup.dir = Some(dir.join("backups"));
    settings.metrics.token = Some(METRICS_TOKEN.into());
    settings
}

const METRICS_TOKEN: &str = "backup-metrics-token-0123456789abcdef";

#[tokio::test]
async fn scheduled_backups_are_made_when_due_sealed_and_the_oldest_pruned() {
    use consentry_server::backup::{is_sealed, schedule};
    let app = spawn_app_with(Options {
        tune: |settings| {
            let dir = settings
                .erasure
                .ledger_file
                .as_ref()
                .and_then(|f| f.parent())
                .expect("the test's directory")
                .to_owned();
            let wanted = scheduled(&dir);
            settings.backup = wanted.backup;
            settings.metrics = wanted.metrics;
        },
        ..Options::default()
    })
    .await;
    app.set_up().await;
    let settings = scheduled(app.dir.path());
    let dir = settings.backup_dir();
    // None was there: the server made one as it started.
    let mut first = Vec::new();
    for _ in 0..100 {
        first = schedule::kept(&dir).expect("read");
        if !first.is_empty() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(first.len(), 1, "made at start");
    assert!(is_sealed(&first[0].path).expect("read"), "sealed");
    let started = first[0].made_at;
    // Not due again within the 24 hours, whatever the restarts.
    let early = schedule::round(&settings, started + chrono::TimeDelta::hours(23))
        .await
        .expect("round");
    assert_eq!(early, schedule::Round::default());
    // Due after them; a third one pushes the first out (two kept).
    let second = started + chrono::TimeDelta::hours(24);
    let made = schedule::round(&settings, second).await.expect("round");
    assert!(made.made.is_some() && made.pruned.is_empty(), "{made:?}");
    let third = second + chrono::TimeDelta::hours(25);
    let made = schedule::round(&settings, third).await.expect("round");
    assert!(made.made.is_some());
    assert_eq!(
        made.pruned,
        vec![first[0].path.clone()],
        "the oldest deleted"
    );
    let kept: Vec<_> = schedule::kept(&dir)
        .expect("read")
        .into_iter()
        .map(|k| k.made_at)
        .collect();
    assert_eq!(kept.len(), 2);
    assert_eq!(kept[0].timestamp(), third.timestamp());
    assert_eq!(kept[1].timestamp(), second.timestamp());
    // A file of the operator's own in the directory is left alone.
    std::fs::write(dir.join("notes.txt"), "mine").expect("write");
    schedule::round(&settings, third + chrono::TimeDelta::hours(24))
        .await
        .expect("round");
    assert!(dir.join("notes.txt").exists());
    // The metrics show how many are kept and the newest's age.
    let page = crate::metrics::page(&app, METRICS_TOKEN).await;
    assert!(page.contains("\nconsentry_backups_kept 2\n"), "{page}");
    assert!(
        page.contains("\nconsentry_backup_newest_age_seconds "),
        "{page}"
    );
}
