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

#[test]
fn verify_audit_reports_ok_then_the_first_broken_entry() {
    let dir = tempfile::tempdir().expect("temp dir");
    create_acme(dir.path());
    // Two audit entries, appended the way the server does.
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    runtime.block_on(async {
        let mut settings = consentry_server::Settings::default();
        settings.database.url = format!("sqlite://{}/cli.db", dir.path().display());
        let store = consentry_server::store::open(&settings)
            .await
            .expect("store");
        let organisation = store.organisations().await.expect("list")[0].id;
        for action in [
            consentry_model::audit::AuditAction::RecordCreated,
            consentry_model::audit::AuditAction::RecordDeleted,
        ] {
            store
                .append_audit(
                    organisation,
                    consentry_server::store::AuditNote {
                        actor: "test".into(),
                        action,
                        subject: None,
                        before: None,
                        after: None,
                    },
                )
                .await
                .expect("append");
        }
    });
    let ok = consentry(dir.path())
        .arg("verify-audit")
        .output()
        .expect("runs");
    assert!(ok.status.success());
    assert!(String::from_utf8_lossy(&ok.stdout).contains("acme: OK (2 entries)"));

    runtime.block_on(async {
        let pool = sqlx::SqlitePool::connect(&format!("sqlite://{}/cli.db", dir.path().display()))
            .await
            .expect("open");
        sqlx::query("DELETE FROM audit_log WHERE seq = 1")
            .execute(&pool)
            .await
            .expect("tamper");
    });
    let broken = consentry(dir.path())
        .arg("verify-audit")
        .output()
        .expect("runs");
    assert!(!broken.status.success());
    let out = String::from_utf8_lossy(&broken.stdout);
    assert!(
        out.contains("acme: BROKEN at entry 1: entry missing"),
        "{out}"
    );
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
    std::fs::remove_file(&key_file).expect("remove");
    let wrong = consentry(dir.path()).arg("migrate").output().expect("runs");
    assert!(!wrong.status.success());
    assert!(
        String::from_utf8_lossy(&wrong.stderr).contains("does not open data key"),
        "{}",
        String::from_utf8_lossy(&wrong.stderr)
    );
}
