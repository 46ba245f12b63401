//! The `consentry` binary's commands, run as a person would run them.

use std::process::Command;

fn consentry(dir: &std::path::Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_consentry"));
    command
        .current_dir(dir)
        .env(
            "CONSENTRY__DATABASE__URL",
            format!("sqlite://{}/cli.db", dir.display()),
        )
        .env("CONSENTRY_LOG", "warn");
    command
}

/// Creates the organisation `acme` with an administrator, as an operator would.
fn create_acme(dir: &std::path::Path) {
    let created = consentry(dir)
        .args([
            "create-admin",
            "--organisation-name",
            "Acme",
            "--name",
            "Ada",
        ])
        .args(["--email", "ada@acme.example"])
        .env("CONSENTRY_ADMIN_PASSWORD", "correct horse battery")
        .output()
        .expect("runs");
    assert!(
        created.status.success(),
        "{}",
        String::from_utf8_lossy(&created.stderr)
    );
}

#[test]
fn create_admin_creates_an_organisation_then_adds_a_second_administrator() {
    let dir = tempfile::tempdir().expect("temp dir");
    let first = consentry(dir.path())
        .args([
            "create-admin",
            "--organisation-name",
            "Acme B.V.",
            "--name",
            "Ada Admin",
        ])
        .args(["--email", "ada@acme.example"])
        .env("CONSENTRY_ADMIN_PASSWORD", "correct horse battery")
        .output()
        .expect("runs");
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let out = String::from_utf8_lossy(&first.stdout);
    assert!(
        out.contains("Created organisation Acme B.V. (acme-b-v)"),
        "{out}"
    );

    let second = consentry(dir.path())
        .args([
            "create-admin",
            "--organisation-slug",
            "acme-b-v",
            "--name",
            "Bo Backup",
        ])
        .args(["--email", "bo@acme.example", "--password-stdin"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child
                .stdin
                .take()
                .expect("stdin")
                .write_all(b"another long password\n")?;
            child.wait_with_output()
        })
        .expect("runs");
    assert!(
        second.status.success(),
        "{}",
        String::from_utf8_lossy(&second.stderr)
    );
    assert!(
        String::from_utf8_lossy(&second.stdout).contains("Added administrator bo@acme.example")
    );
}

#[test]
fn create_admin_refuses_a_bad_address_naming_the_flag() {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = consentry(dir.path())
        .args([
            "create-admin",
            "--organisation-name",
            "Acme",
            "--name",
            "Ada",
        ])
        .args(["--email", "not-an-address"])
        .env("CONSENTRY_ADMIN_PASSWORD", "correct horse battery")
        .output()
        .expect("runs");
    assert!(!output.status.success());
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(err.contains("--email"), "{err}");
}

#[test]
fn migrate_creates_the_database_file_and_openapi_prints_the_document() {
    let dir = tempfile::tempdir().expect("temp dir");
    let migrate = consentry(dir.path()).arg("migrate").output().expect("runs");
    assert!(
        migrate.status.success(),
        "{}",
        String::from_utf8_lossy(&migrate.stderr)
    );
    assert!(dir.path().join("cli.db").exists());

    let openapi = consentry(dir.path()).arg("openapi").output().expect("runs");
    let doc: serde_json::Value = serde_json::from_slice(&openapi.stdout).expect("JSON");
    assert!(
        doc["openapi"]
            .as_str()
            .is_some_and(|v| v.starts_with("3.1"))
    );
}

/// An installation with the organisation `acme`, 20 audit entries (some with details) and a
/// checkpoint of the head, kept in the database and as `checkpoint.jws` beside it.
fn audited_installation() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    create_acme(dir.path());
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    runtime.block_on(async {
        let mut settings = consentry_server::Settings::default();
        settings.database.url = format!("sqlite://{}/cli.db", dir.path().display());
        let store = consentry_server::store::open(&settings)
            .await
            .expect("store");
        let organisation = store.organisations().await.expect("list")[0].id;
        for n in 0..19 {
            store
                .append_audit(
                    organisation,
                    consentry_server::store::AuditNote {
                        actor: "test".into(),
                        action: consentry_model::audit::AuditAction::RecordUpdated,
                        subject: Some(format!("record-{n}")),
                        before: (n % 2 == 0).then(|| serde_json::json!({"last_name": "Zwaan"})),
                        after: Some(serde_json::json!({"last_name": format!("Zwaan {n}")})),
                    },
                )
                .await
                .expect("append");
        }
        let log =
            consentry_server::domain::audit::CheckpointLog::new(settings.checkpoint_log_file());
        let checkpoint = consentry_server::domain::audit::checkpoint(
            store.as_ref(),
            &log,
            organisation,
            chrono::Utc::now(),
        )
        .await
        .expect("signs")
        .expect("a checkpoint");
        assert_eq!(checkpoint.seq, 20);
        std::fs::write(dir.path().join("checkpoint.jws"), &checkpoint.jws).expect("write");
        // Closed before the files are copied: a connection closing later (on its own thread)
        // would remove the WAL from under the copy.
        store.close().await.expect("closed");
    });
    dir
}

/// A copy of the installation with `statements` run on its database as an attacker with
/// the file (and not the key) would: triggers dropped first.
/// Copies an installation's files. A closed database's WAL and shared-memory files may vanish
/// while they are listed (the last connection removes them once the WAL is checkpointed into
/// the file): those are skipped, nothing else is.
fn copy_installation(from: &std::path::Path, to: &std::path::Path) {
    for entry in std::fs::read_dir(from).expect("dir").flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let sidecar = name.ends_with("-wal") || name.ends_with("-shm");
        match std::fs::copy(entry.path(), to.join(&name)) {
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && sidecar => {}
            Err(e) => panic!("copy {}: {e}", entry.path().display()),
        }
    }
}

fn tampered(base: &std::path::Path, statements: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_installation(base, dir.path());
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    runtime.block_on(async {
        let pool = sqlx::SqlitePool::connect(&format!("sqlite://{}/cli.db", dir.path().display()))
            .await
            .expect("open");
        for statement in [
            "DROP TRIGGER IF EXISTS audit_log_is_immutable",
            "DROP TRIGGER IF EXISTS audit_log_is_kept",
        ]
        .iter()
        .chain(statements)
        {
            sqlx::query(statement)
                .execute(&pool)
                .await
                .expect(statement);
        }
        pool.close().await;
    });
    dir
}

/// Runs `verify-audit` with `args`: whether it passed, and what it printed.
fn verify(dir: &std::path::Path, args: &[&str]) -> (bool, String) {
    let out = consentry(dir)
        .arg("verify-audit")
        .args(args)
        .output()
        .expect("runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

#[test]
fn verify_audit_tells_every_kind_of_tampering_apart() {
    let base = audited_installation();
    let (ok, out) = verify(base.path(), &[]);
    assert!(ok, "{out}");
    assert!(out.contains("acme: intact: all 20 entries verify"), "{out}");
    assert!(out.contains("matches the checkpoint signed"), "{out}");
    let (ok, out) = verify(base.path(), &["--checkpoint", "checkpoint.jws"]);
    assert!(ok && out.contains("checkpoint.jws"), "{out}");

    let cases: [(&str, &[&str], &str); 8] = [
        (
            "a changed byte",
            &["UPDATE audit_log SET actor = 'tesT' WHERE seq = 5"],
            "BROKEN at entry 5: content does not match its hash",
        ),
        (
            "a changed detail",
            &["UPDATE audit_details SET after = '{\"last_name\":\"Other\"}' WHERE seq = 6"],
            "BROKEN at entry 6: its detail does not match",
        ),
        (
            "a detail removed without a redaction entry",
            &["DELETE FROM audit_details WHERE seq = 7"],
            "BROKEN at entry 7: its detail was removed without a redaction entry",
        ),
        (
            "a removed middle entry",
            &["DELETE FROM audit_log WHERE seq = 10"],
            "BROKEN at entry 10: entry 10 is missing",
        ),
        (
            "the newest entry removed",
            &["DELETE FROM audit_log WHERE seq = 20"],
            "BROKEN at entry 20: the checkpoint signed",
        ),
        (
            "the newest 10 entries removed",
            &["DELETE FROM audit_log WHERE seq > 10"],
            "BROKEN at entry 11: the checkpoint signed",
        ),
        (
            "the organisation's trail emptied, checkpoints too",
            &[
                "DELETE FROM audit_log",
                "DELETE FROM audit_details",
                "DELETE FROM audit_checkpoints",
            ],
            "BROKEN at entry 1: the organisation exists but its trail has no entries",
        ),
        (
            "a forged checkpoint in the database",
            &["UPDATE audit_checkpoints SET jws = replace(jws, substr(jws, -10), 'AAAAAAAAAA')"],
            "checkpoint from database: the signature does not match",
        ),
    ];
    for (what, statements, expected) in cases {
        let copy = tampered(base.path(), statements);
        let (ok, out) = verify(copy.path(), &[]);
        assert!(!ok, "{what}: {out}");
        assert!(out.contains(expected), "{what}: {out}");
    }

    // Cut short and the database's checkpoints deleted too: the log outside the database
    // tells; with the log deleted as well, only a copy kept elsewhere does.
    let copy = tampered(
        base.path(),
        &[
            "DELETE FROM audit_log WHERE seq > 15",
            "DELETE FROM audit_checkpoints",
        ],
    );
    let (ok, out) = verify(copy.path(), &[]);
    assert!(!ok, "{out}");
    assert!(
        out.contains("BROKEN at entry 16") && out.contains("(checkpoint log)"),
        "{out}"
    );
    std::fs::remove_file(copy.path().join("audit-checkpoints.log")).expect("remove");
    // Without signed checkpoints, the head the database noted at each append still tells...
    let (ok, out) = verify(copy.path(), &[]);
    assert!(!ok, "{out}");
    assert!(
        out.contains("BROKEN at entry 16: the database noted entry 20"),
        "{out}"
    );
    // ...unless it is lowered too; then only a copy kept elsewhere does.
    let copy = tampered(
        copy.path(),
        &["UPDATE audit_heads SET seq = 15, hash = (SELECT hash FROM audit_log WHERE seq = 15)"],
    );
    let (ok, out) = verify(copy.path(), &[]);
    assert!(ok && out.contains("no signed checkpoint yet"), "{out}");
    let (ok, out) = verify(copy.path(), &["--checkpoint", "checkpoint.jws"]);
    assert!(!ok, "{out}");
    assert!(out.contains("BROKEN at entry 16"), "{out}");
}

#[test]
fn a_chain_hashed_anew_without_the_key_does_not_match_its_checkpoint() {
    let base = audited_installation();
    let copy = tempfile::tempdir().expect("temp dir");
    copy_installation(base.path(), copy.path());
    // Entry 3 changed, then every hash from it on computed anew with the public algorithm.
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    runtime.block_on(async {
        use consentry_server::store::chain::{Link, entry_hash};
        let pool = sqlx::SqlitePool::connect(&format!("sqlite://{}/cli.db", copy.path().display()))
            .await
            .expect("open");
        sqlx::query("DROP TRIGGER audit_log_is_immutable")
            .execute(&pool)
            .await
            .expect("drop");
        sqlx::query("UPDATE audit_log SET actor = 'someone else' WHERE seq = 3")
            .execute(&pool)
            .await
            .expect("edit");
        type Row = (
            Vec<u8>,
            i64,
            i64,
            String,
            String,
            Option<String>,
            Option<Vec<u8>>,
        );
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT organisation_id, seq, at, actor, action, subject, detail_hash
             FROM audit_log ORDER BY seq",
        )
        .fetch_all(&pool)
        .await
        .expect("rows");
        let mut prev = vec![0u8; 32];
        for (organisation, seq, at, actor, action, subject, detail) in rows {
            let hash = entry_hash(
                &prev,
                Link {
                    seq: seq as u64,
                    at_ms: at,
                    actor: &actor,
                    action: &action,
                    subject: subject.as_deref(),
                    detail: detail.as_deref(),
                },
            );
            sqlx::query(
                "UPDATE audit_log SET prev_hash = ?3, hash = ?4
                 WHERE organisation_id = ?1 AND seq = ?2",
            )
            .bind(&organisation)
            .bind(seq)
            .bind(&prev)
            .bind(hash.as_slice())
            .execute(&pool)
            .await
            .expect("rehash");
            prev = hash.to_vec();
        }
        pool.close().await;
    });
    let (ok, out) = verify(copy.path(), &[]);
    assert!(!ok, "{out}");
    assert!(
        out.contains("BROKEN at entry 20: entry 20 differs from the head signed"),
        "{out}"
    );
    // The database's checkpoints deleted and the server asked to hash the trail anew itself
    // (as after the upgrade that moved details out): it refuses, the log still tells, and it
    // signs nothing for the forged trail.
    runtime.block_on(async {
        let pool = sqlx::SqlitePool::connect(&format!("sqlite://{}/cli.db", copy.path().display()))
            .await
            .expect("open");
        for statement in [
            "DELETE FROM audit_checkpoints",
            "INSERT INTO audit_rechain SELECT organisation_id, hash, seq FROM audit_log
             WHERE seq = (SELECT MAX(seq) FROM audit_log)",
        ] {
            sqlx::query(statement)
                .execute(&pool)
                .await
                .expect(statement);
        }
        pool.close().await;
    });
    let (ok, out) = verify(copy.path(), &[]);
    assert!(!ok, "{out}");
    assert!(out.contains("(checkpoint log)"), "{out}");
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let signed = runtime.block_on(async {
        let mut settings = consentry_server::Settings::default();
        settings.database.url = format!("sqlite://{}/cli.db", copy.path().display());
        let store = consentry_server::store::open(&settings)
            .await
            .expect("store");
        let organisation = store.organisations().await.expect("list")[0].id;
        let log =
            consentry_server::domain::audit::CheckpointLog::new(settings.checkpoint_log_file());
        consentry_server::domain::audit::checkpoint(
            store.as_ref(),
            &log,
            organisation,
            chrono::Utc::now(),
        )
        .await
    });
    assert!(signed.is_err(), "a broken trail was signed: {signed:?}");
}

#[test]
fn a_request_to_hash_a_signed_trail_anew_is_refused_by_an_instance_without_a_checkpoint_log() {
    let base = audited_installation();
    // An entry changed and a request to hash the trail anew slipped in beside it; verified
    // where this instance's checkpoint log is not (each instance keeps its own), so only the
    // checkpoints in the database say the trail was signed in its present form.
    let copy = tampered(
        base.path(),
        &[
            "UPDATE audit_log SET actor = 'someone else' WHERE seq = 5",
            "INSERT INTO audit_rechain SELECT organisation_id, hash, seq FROM audit_log
             WHERE seq = (SELECT MAX(seq) FROM audit_log)",
        ],
    );
    std::fs::remove_file(copy.path().join("audit-checkpoints.log")).expect("remove");
    let (ok, out) = verify(copy.path(), &[]);
    assert!(!ok, "the edit was hashed over: {out}");
    assert!(out.contains("BROKEN at entry 5"), "{out}");
}

#[test]
fn a_checkpoint_from_another_installation_is_refused() {
    let ours = audited_installation();
    let theirs = audited_installation();
    let (ok, out) = verify(
        ours.path(),
        &[
            "--checkpoint",
            theirs.path().join("checkpoint.jws").to_str().expect("path"),
        ],
    );
    assert!(!ok, "{out}");
    assert!(out.contains("not this installation's audit key"), "{out}");
}

#[test]
fn import_reads_a_csv_file_into_a_module_and_lists_refused_rows() {
    let dir = tempfile::tempdir().expect("temp dir");
    create_acme(dir.path());
    let file = dir.path().join("contacts.csv");
    std::fs::write(
        &file,
        "First name,Last name,Email\nJan,Jansen,jan@example.nl\nPiet,Pietersen,nope\n",
    )
    .expect("write");
    let output = consentry(dir.path())
        .args([
            "import",
            "--organisation-slug",
            "acme",
            "--module",
            "contacts",
        ])
        .arg(&file)
        .output()
        .expect("runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let out = String::from_utf8_lossy(&output.stdout);
    assert!(out.contains("row 3, column Email"), "{out}");
    assert!(
        out.contains("Imported 1 of 2 rows into Contacts (1 refused)."),
        "{out}"
    );
}

#[test]
fn rotate_key_introduces_a_new_key_and_retires_the_old_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    create_acme(dir.path());
    let key_file = dir.path().join("consentry.key");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&key_file)
            .expect("the key file was created")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let rotated = consentry(dir.path())
        .arg("rotate-key")
        .output()
        .expect("runs");
    let out = String::from_utf8_lossy(&rotated.stdout);
    assert!(
        rotated.status.success(),
        "{out}{}",
        String::from_utf8_lossy(&rotated.stderr)
    );
    assert!(out.contains("A new data key encrypts new values"), "{out}");
    assert!(out.contains("retired key 1"), "{out}");

    // Another master key does not open this database's data keys.
    let wrong = consentry(dir.path())
        .arg("migrate")
        .env(
            "CONSENTRY__ENCRYPTION__MASTER_KEY",
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        )
        .output()
        .expect("runs");
    assert!(!wrong.status.success());
    assert!(
        String::from_utf8_lossy(&wrong.stderr).contains("does not open data key"),
        "{}",
        String::from_utf8_lossy(&wrong.stderr)
    );
}

/// `consentry serve` on `dir/cli.db`, with the address it listens on once it says so.
fn serve(dir: &std::path::Path) -> (std::process::Child, String) {
    use std::io::BufRead;
    let mut child = consentry(dir)
        .arg("serve")
        .env("CONSENTRY__SERVER__PORT", "0")
        .env("CONSENTRY__SERVER__DIST_DIR", dir.join("dist"))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::inherit())
        .spawn()
        .expect("serve starts");
    let stdout = child.stdout.take().expect("stdout");
    let mut lines = std::io::BufReader::new(stdout).lines();
    let url = loop {
        let line = lines
            .next()
            .expect("serve said where it listens before stopping")
            .expect("a line");
        if let Some(rest) = line.trim().strip_prefix("Consentry is running at ") {
            break rest.trim_end_matches("/admin").to_owned();
        }
    };
    // Keep reading, so the server never blocks on a full pipe.
    std::thread::spawn(move || for _ in lines.by_ref() {});
    (child, url)
}

fn side_file(db: &std::path::Path, suffix: &str) -> std::path::PathBuf {
    let mut path = db.to_owned().into_os_string();
    path.push(suffix);
    path.into()
}

#[test]
fn after_sigterm_the_database_file_alone_holds_every_acknowledged_write() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut child, url) = serve(dir.path());
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let acknowledged: Vec<String> = runtime.block_on(async {
        let client = reqwest::Client::builder()
            .cookie_store(true)
            .build()
            .expect("client");
        let setup = client
            .post(format!("{url}/api/v1/setup"))
            .header("x-requested-with", "consentry")
            .json(&serde_json::json!({
                "organisation_name": "Acme", "organisation_slug": "acme",
                "admin_name": "Ada", "admin_email": "ada@acme.example",
                "admin_password": "correct horse battery"}))
            .send()
            .await
            .expect("setup");
        assert_eq!(setup.status(), reqwest::StatusCode::CREATED);
        let modules: Vec<serde_json::Value> = client
            .get(format!("{url}/api/v1/modules"))
            .send()
            .await
            .expect("modules")
            .json()
            .await
            .expect("json");
        let leads = modules
            .iter()
            .find(|m| m["key"] == "leads")
            .and_then(|m| m["id"].as_str())
            .expect("leads")
            .to_owned();
        // 16 writers, each writing until the server stops answering; SIGTERM goes out while
        // they are busy.
        let mut writers = Vec::new();
        for w in 0..16 {
            let (client, url, leads) = (client.clone(), url.clone(), leads.clone());
            writers.push(tokio::spawn(async move {
                let mut acknowledged = Vec::new();
                for n in 0.. {
                    let created = client
                        .post(format!("{url}/api/v1/records"))
                        .header("x-requested-with", "consentry")
                        .json(&serde_json::json!({"module_id": leads,
                            "fields": {"last_name": format!("Writer{w}x{n}")}}))
                        .send()
                        .await;
                    match created {
                        Ok(r) if r.status() == reqwest::StatusCode::CREATED => {
                            let body: serde_json::Value = match r.json().await {
                                Ok(body) => body,
                                Err(_) => break,
                            };
                            acknowledged.push(body["id"].as_str().expect("id").to_owned());
                        }
                        _ => break,
                    }
                }
                acknowledged
            }));
        }
        tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
        let killed = std::process::Command::new("kill")
            .args(["-TERM", &child.id().to_string()])
            .status()
            .expect("kill");
        assert!(killed.success());
        let mut acknowledged = Vec::new();
        for writer in writers {
            acknowledged.extend(writer.await.expect("writer"));
        }
        acknowledged
    });
    let status = child.wait().expect("serve exits");
    assert!(status.success(), "serve exited with {status}");
    assert!(
        acknowledged.len() > 50,
        "only {} writes ran",
        acknowledged.len()
    );

    // Only the database file, not its WAL or shared-memory file.
    let db = dir.path().join("cli.db");
    let elsewhere = tempfile::tempdir().expect("temp dir");
    let copy = elsewhere.path().join("copy.db");
    std::fs::copy(&db, &copy).expect("copy");
    assert!(!side_file(&copy, "-wal").exists());
    let stored: std::collections::HashSet<String> = runtime.block_on(async {
        use sqlx::{ConnectOptions, Connection};
        let mut conn = sqlx::sqlite::SqliteConnectOptions::new()
            .filename(&copy)
            .connect()
            .await
            .expect("the copy opens");
        let rows: Vec<(uuid::Uuid,)> = sqlx::query_as("SELECT id FROM records")
            .fetch_all(&mut conn)
            .await
            .expect("records");
        let (check,): (String,) = sqlx::query_as("PRAGMA integrity_check")
            .fetch_one(&mut conn)
            .await
            .expect("integrity");
        assert_eq!(check, "ok");
        conn.close().await.expect("close");
        rows.into_iter().map(|(id,)| id.to_string()).collect()
    });
    let missing: Vec<&String> = acknowledged
        .iter()
        .filter(|id| !stored.contains(*id))
        .collect();
    assert!(
        missing.is_empty(),
        "{} of {} acknowledged writes are not in the database file alone",
        missing.len(),
        acknowledged.len()
    );
}

#[test]
fn without_its_key_file_a_database_with_data_refuses_to_start_and_no_key_is_made() {
    let dir = tempfile::tempdir().expect("temp dir");
    create_acme(dir.path());
    let key = dir.path().join("consentry.key");
    assert!(key.exists(), "the first start made a key file");
    std::fs::remove_file(&key).expect("lose the key file");
    for command in ["serve", "migrate"] {
        let refused = consentry(dir.path())
            .arg(command)
            .env("CONSENTRY__SERVER__PORT", "0")
            .output()
            .expect("runs");
        let said = String::from_utf8_lossy(&refused.stderr);
        assert!(!refused.status.success(), "{command} started: {said}");
        assert!(
            said.contains("consentry.key is missing") && said.contains("restore the key file"),
            "{command}: {said}"
        );
        assert!(!key.exists(), "{command} wrote a new key file");
    }
    // A fresh database still gets its key file.
    let fresh = tempfile::tempdir().expect("temp dir");
    let migrated = consentry(fresh.path())
        .arg("migrate")
        .output()
        .expect("runs");
    assert!(migrated.status.success());
    assert!(fresh.path().join("consentry.key").exists());
}

/// A figure from `/proc/{pid}/status` in KiB (`VmRSS`, `VmHWM`).
fn memory_kib(pid: u32, field: &str) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("status");
    status
        .lines()
        .find_map(|line| line.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|value| value.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("a figure")
}

#[test]
fn a_burst_of_anonymous_sign_ins_stays_within_a_memory_bound_and_gives_it_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    create_acme(dir.path());
    let (mut child, url) = serve(dir.path());
    let pid = child.id();
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let (before, peak, after, statuses) = runtime.block_on(async {
        // Warm up: one check, so the baseline includes what the first one sets up for good.
        let warm = reqwest::Client::new()
            .post(format!("{url}/api/v1/session"))
            .json(&serde_json::json!({"email": "warm@example.org", "password": "not it at all"}))
            .send()
            .await
            .expect("warm up");
        assert_eq!(warm.status(), reqwest::StatusCode::UNAUTHORIZED);
        let before = memory_kib(pid, "VmRSS");
        // 256 wrong sign-ins for unknown addresses, 32 at a time, each from its own client
        // address (all of 127/8 is loopback), so no per-address limit stops them first.
        let mut statuses = Vec::new();
        for wave in 0..8u8 {
            let mut requests = tokio::task::JoinSet::new();
            for n in 0..32u8 {
                let from = std::net::Ipv4Addr::new(127, 1 + wave, n, 1);
                let client = reqwest::Client::builder()
                    .local_address(std::net::IpAddr::V4(from))
                    .build()
                    .expect("client");
                let url = url.clone();
                requests.spawn(async move {
                    client
                        .post(format!("{url}/api/v1/session"))
                        .json(&serde_json::json!({
                            "email": format!("nobody{wave}x{n}@example.org"),
                            "password": "guess guess guess"}))
                        .send()
                        .await
                        .expect("sign-in")
                        .status()
                });
            }
            statuses.extend(requests.join_all().await);
        }
        let peak = memory_kib(pid, "VmHWM");
        tokio::time::sleep(std::time::Duration::from_secs(3)).await;
        let after = memory_kib(pid, "VmRSS");
        (before, peak, after, statuses)
    });
    child.kill().expect("stop");
    child.wait().expect("stopped");
    let checked = statuses
        .iter()
        .filter(|s| **s == reqwest::StatusCode::UNAUTHORIZED)
        .count();
    let busy = statuses
        .iter()
        .filter(|s| **s == reqwest::StatusCode::SERVICE_UNAVAILABLE)
        .count();
    println!(
        "RSS before {} MiB, peak {} MiB, 3 s after {} MiB; {checked} checked, {busy} told to retry",
        before / 1024,
        peak / 1024,
        after / 1024
    );
    assert_eq!(checked + busy, 256, "only 401 or 503: {statuses:?}");
    assert!(checked >= 32, "most waves are served");
    // Argon2id takes 19 MiB per check and one check runs per core: the peak stays far below
    // what 32 checks at once would take (32 × 19 MiB = 608 MiB).
    let cores = std::thread::available_parallelism().map_or(1, usize::from) as u64;
    let bound = before + cores * 19 * 1024 + 96 * 1024;
    assert!(peak < bound, "peak {peak} KiB over {bound} KiB");
    assert!(
        after < before + 48 * 1024,
        "memory given back: {after} KiB after, {before} KiB before"
    );
}

#[test]
fn migrate_data_from_a_missing_file_is_refused_and_makes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = consentry(dir.path())
        .args(["migrate-data", "--from"])
        .arg(format!("sqlite://{}/missing.db", dir.path().display()))
        .args(["--to", "postgres://nobody@127.0.0.1:1/nothing"])
        .output()
        .expect("runs");
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("--from: there is no database at"), "{said}");
    assert!(
        !dir.path().join("missing.db").exists(),
        "no new installation"
    );
    assert!(!dir.path().join("consentry.key").exists(), "no new key");
}

#[test]
fn a_postgres_url_without_its_database_is_refused_before_anything_is_written() {
    let dir = tempfile::tempdir().expect("temp dir");
    for url in [
        "postgres://consentry@127.0.0.1:1",
        "postgres://consentry@127.0.0.1:1/",
    ] {
        let out = consentry(dir.path())
            .env("CONSENTRY__DATABASE__URL", url)
            .env(
                "CONSENTRY__ENCRYPTION__KEY_FILE",
                dir.path().join("consentry.key"),
            )
            .arg("migrate")
            .output()
            .expect("runs");
        assert!(!out.status.success());
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(said.contains("naming the database"), "{url}: {said}");
        assert!(!dir.path().join("consentry.key").exists(), "no new key");
    }
}
