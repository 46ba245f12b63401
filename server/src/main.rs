//! The `consentry` command: serve, migrate, create-admin, backup, restore, print the OpenAPI
//! document.

use std::{io::Read, path::PathBuf, process::ExitCode};

use clap::{Parser, Subcommand};
use consentry_model::{
    Email, OrgSlug, OrganisationId, OrganisationName, Password, PersonName, audit::AuditVerdict,
    auth::SetupRequest,
};
use consentry_server::{Application, Settings, config::LogFormat, domain, http, store};
use tracing_subscriber::EnvFilter;

/// mimalloc returns freed memory to the system: after a burst of password checks (19 MiB
/// each) the server shrinks back, where glibc kept every thread's blocks.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Consentry: GDPR/AVG compliance and consent management.
#[derive(Debug, Parser)]
#[command(version, about)]
struct Cli {
    /// Configuration file (TOML). Without it, ./consentry.toml is read when present.
    /// `CONSENTRY__SECTION__KEY` environment variables override both.
    #[arg(long, global = true, env = "CONSENTRY_CONFIG")]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Start the server (creates and migrates the database when needed).
    Serve,
    /// Create or migrate the database, then exit.
    Migrate,
    /// Create an administrator: with a new organisation, or in the existing organisation
    /// whose slug is given.
    CreateAdmin {
        /// Organisation display name (for a new organisation).
        #[arg(long)]
        organisation_name: Option<String>,
        /// Organisation short name; an existing one adds the administrator to it.
        #[arg(long)]
        organisation_slug: Option<String>,
        /// The administrator's name.
        #[arg(long)]
        name: String,
        /// The administrator's e-mail address (sign-in name).
        #[arg(long)]
        email: String,
        /// Read the password from standard input instead of prompting.
        /// `CONSENTRY_ADMIN_PASSWORD` is used when set.
        #[arg(long)]
        password_stdin: bool,
    },
    /// Import records from a CSV file (UTF-8, header row first) into a module. Columns are
    /// mapped by their headers (`E-mail`, `Achternaam`, ...); rows that fail are listed.
    Import {
        /// The organisation's short name.
        #[arg(long)]
        organisation_slug: String,
        /// The module's key: leads, contacts, vendors or a custom module's key.
        #[arg(long)]
        module: String,
        /// The CSV file.
        file: PathBuf,
    },
    /// Verify every organisation's audit trail (every entry, every detail or its redaction,
    /// and the signed checkpoints); exits non-zero when a trail is broken.
    VerifyAudit {
        /// Also compare with checkpoint files kept elsewhere (downloaded from the Audit trail
        /// page or received as `audit.checkpoint` webhooks); may be given more than once.
        #[arg(long = "checkpoint", value_name = "FILE")]
        checkpoints: Vec<PathBuf>,
    },
    /// Introduce a new data key for encryption at rest and re-encrypt every encrypted value
    /// under it, printing the progress; old keys are deleted once nothing uses them. Safe
    /// while the server runs (it may take the work over).
    RotateKey,
    /// Verify a signed consent receipt (a compact JWS) against this installation's keys, or
    /// against a JSON Web Key Set file; exits non-zero when it does not verify.
    VerifyReceipt {
        /// The receipt file.
        file: PathBuf,
        /// Check against this JWKS file (as served at /.well-known/consentry/jwks.json)
        /// instead of the database.
        #[arg(long)]
        jwks: Option<PathBuf>,
    },
    /// Write a consistent copy of the database to FILE (safe while the server runs); never
    /// overwrites. Keep the key file and the erasure ledger beside your backups.
    Backup {
        /// The backup file to create.
        file: PathBuf,
        /// Encrypt the backup with a key derived from the master key (AES-256-GCM).
        #[arg(long)]
        sealed: bool,
    },
    /// Put a backup in place of the database (stop the server first), apply again every
    /// erasure made after it (from the erasure ledger) and verify it; exits non-zero when a
    /// check fails.
    Restore {
        /// The backup file (plain or sealed).
        file: PathBuf,
        /// Replace a database that is not empty.
        #[arg(long)]
        force: bool,
    },
    /// Move this installation from its SQLite file to an empty PostgreSQL database: every
    /// table, the audit chains, consent events and keys, in one transaction; then verify the
    /// audit trails on the target. Stop the server first; keep the same key file (or master
    /// key) for the target, and set `database.url` to it afterwards.
    MigrateData {
        /// The SQLite database to move (`sqlite://path/to/file.db`); by default the configured
        /// one.
        #[arg(long)]
        from: Option<String>,
        /// The PostgreSQL database to move it to (`postgres://user:password@host/database`).
        #[arg(long)]
        to: String,
    },
    /// Print the OpenAPI 3.1 document of the JSON API.
    Openapi,
}

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            // A JSON log stays JSON to its last line; standard error says it too.
            if LOG_FORMAT.get() == Some(&LogFormat::Json) {
                tracing::error!(error = %message, "consentry stopped");
            }
            eprintln!("consentry: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Writes the log to standard output, filtered by `CONSENTRY_LOG` (default: `info`, and only
/// warnings of the database driver), as text or a JSON object a line.
fn start_log(format: LogFormat) {
    use std::io::IsTerminal;
    use tracing_subscriber::{layer::SubscriberExt, util::SubscriberInitExt};
    let filter = EnvFilter::try_from_env("CONSENTRY_LOG")
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn"));
    let log = tracing_subscriber::registry().with(filter);
    match format {
        // Colours only for a terminal, not a file or a pipe.
        LogFormat::Text => log
            .with(tracing_subscriber::fmt::layer().with_ansi(std::io::stdout().is_terminal()))
            .init(),
        LogFormat::Json => log
            .with(consentry_server::telemetry::json_log(std::io::stdout))
            .init(),
    }
    let _ = LOG_FORMAT.set(format);
}

/// The log's format once it is started: a fatal error is logged in it too.
static LOG_FORMAT: std::sync::OnceLock<LogFormat> = std::sync::OnceLock::new();

async fn run(cli: Cli) -> Result<(), String> {
    let settings = Settings::load(cli.config.as_deref()).map_err(|e| e.to_string())?;
    start_log(settings.log.format);
    match cli.command {
        Command::Serve => serve(settings).await,
        Command::Migrate => {
            store::open(&settings).await.map_err(|e| e.to_string())?;
            println!("Database {} is up to date.", settings.database.url);
            Ok(())
        }
        Command::CreateAdmin {
            organisation_name,
            organisation_slug,
            name,
            email,
            password_stdin,
        } => {
            create_admin(
                settings,
                organisation_name,
                organisation_slug,
                name,
                email,
                password_stdin,
            )
            .await
        }
        Command::VerifyAudit { checkpoints } => verify_audit(settings, &checkpoints).await,
        Command::MigrateData { from, to } => migrate_data(settings, from, to).await,
        Command::RotateKey => rotate_key(settings).await,
        Command::VerifyReceipt { file, jwks } => verify_receipt(settings, &file, jwks).await,
        Command::Import {
            organisation_slug,
            module,
            file,
        } => import(settings, &organisation_slug, &module, &file).await,
        Command::Backup { file, sealed } => {
            let done = consentry_server::backup::backup(&settings, &file, sealed).await?;
            println!("{done}");
            Ok(())
        }
        Command::Restore { file, force } => {
            consentry_server::backup::restore(&settings, &file, force).await
        }
        Command::Openapi => {
            let doc = http::openapi_document()
                .to_pretty_json()
                .map_err(|e| e.to_string())?;
            println!("{doc}");
            Ok(())
        }
    }
}

async fn serve(settings: Settings) -> Result<(), String> {
    let public_url = settings.server.public_url.clone();
    let json_log = settings.log.format == LogFormat::Json;
    let app = Application::build(settings)
        .await
        .map_err(|e| e.to_string())?;
    let url = public_url.unwrap_or_else(|| format!("http://{}", app.address()));
    let needs_setup = domain::setup::needs_setup(app.store().as_ref())
        .await
        .map_err(|e| e.to_string())?;
    let address = app.address();
    tracing::info!(%url, %address, needs_setup, "Consentry is listening");
    if json_log {
        // Standard output is the log's alone: every line one JSON object.
        return app.run_until_stopped().await.map_err(|e| e.to_string());
    }
    println!("\nConsentry is running at {url}/admin");
    if !url.ends_with(&address.to_string()) {
        // Behind a proxy every instance has the same public URL: this one's own address.
        println!("This instance listens on {address}.");
    }
    if needs_setup {
        println!(
            "No organisation yet: open {url}/admin to create the first organisation and \
             administrator, or run `consentry create-admin --organisation-name NAME --name NAME \
             --email ADDRESS`."
        );
    }
    app.run_until_stopped().await.map_err(|e| e.to_string())
}

async fn import(
    settings: Settings,
    organisation_slug: &str,
    module_key: &str,
    file: &std::path::Path,
) -> Result<(), String> {
    let store = store::open(&settings).await.map_err(|e| e.to_string())?;
    let slug = field("organisation-slug", OrgSlug::parse(organisation_slug))?;
    let organisation = store
        .organisation_by_slug(&slug)
        .await
        .map_err(|e| e.to_string())?
        .ok_or_else(|| format!("--organisation-slug: no organisation is called {slug}"))?;
    let module = store
        .modules(organisation.id)
        .await
        .map_err(|e| e.to_string())?
        .into_iter()
        .find(|m| m.key == module_key)
        .ok_or_else(|| {
            format!(
                "--module: {} has no module {module_key:?}",
                organisation.slug
            )
        })?;
    let bytes = std::fs::read(file).map_err(|e| format!("{}: {e}", file.display()))?;
    let request = domain::import::ImportRequest {
        organisation: organisation.id,
        module: module.id,
        file_name: file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        actor_name: "Command line".into(),
        actor_email: "cli".into(),
    };
    // A server started or restarted beside it leaves its import running.
    let leased = Leased::take(&store, &settings).await?;
    let prepared = domain::import::prepare(store.as_ref(), &request, &bytes, &Default::default())
        .await
        .map_err(|e| e.to_string())?;
    // Ctrl-C or SIGTERM stops the import between two batches' commits (the batch being
    // written is rolled back whole): the job is marked interrupted at once, saying which rows
    // were imported.
    let run = domain::import::run(std::sync::Arc::clone(&store), request, prepared);
    let done = tokio::select! {
        done = run => Some(done),
        () = consentry_server::startup::shutdown_signal() => None,
    };
    leased.end().await;
    let Some(done) = done else {
        domain::jobs::interrupt_orphaned(store.as_ref())
            .await
            .map_err(|e| e.to_string())?;
        return Err(
            "the import was stopped: the rows of the batches written before are imported; \
             `GET /api/v1/imports/{id}` (or the Import page) says which rows to import again"
                .into(),
        );
    };
    let done = done.ok_or("the import vanished")?;
    for error in &done.errors {
        println!(
            "row {}{}: {}",
            error.row,
            error
                .column
                .as_ref()
                .map(|c| format!(", column {c}"))
                .unwrap_or_default(),
            error.reason
        );
    }
    println!(
        "Imported {} of {} rows into {} ({} refused).",
        done.imported, done.total, module.name, done.error_count
    );
    // Only a finished import succeeds: a script checking the exit status must not take a
    // cut-off one for done.
    match done.state {
        consentry_model::import::ImportState::Finished => Ok(()),
        state => Err(format!(
            "the import did not finish ({state:?}): {}",
            done.interruption.as_deref().unwrap_or(
                "rows of the batches written before the failure stay imported; see the log"
            )
        )),
    }
}

/// This process among the instances while a command works beside the servers: alive from
/// [`Leased::take`], renewed in the background, until [`Leased::end`] (or its death, when the
/// lease runs out). A job it runs is its own meanwhile: no server takes it over.
struct Leased {
    store: std::sync::Arc<dyn store::Store>,
    renewing: consentry_server::workers::Workers,
}

impl Leased {
    async fn take(
        store: &std::sync::Arc<dyn store::Store>,
        settings: &Settings,
    ) -> Result<Leased, String> {
        let lease = settings.database.instance_lease()?;
        domain::jobs::keep_alive(store.as_ref(), lease)
            .await
            .map_err(|e| e.to_string())?;
        let mut renewing =
            consentry_server::workers::Workers::new(std::time::Duration::from_secs(5));
        renewing.spawn("lease", {
            let store = std::sync::Arc::clone(store);
            move |stop| domain::jobs::stay_alive(std::sync::Arc::clone(&store), lease, false, stop)
        });
        Ok(Leased {
            store: std::sync::Arc::clone(store),
            renewing,
        })
    }

    /// Ends the lease: what this process leaves running is another's to finish at once.
    async fn end(self) {
        self.renewing.stop(std::time::Duration::from_secs(10)).await;
        if let Err(e) = self.store.retire().await {
            tracing::warn!(error = %e, "could not end this process's lease");
        }
    }
}

async fn rotate_key(settings: Settings) -> Result<(), String> {
    let store = store::open(&settings).await.map_err(|e| e.to_string())?;
    // A server started or restarted beside it leaves the re-encryption to this process.
    let leased = Leased::take(&store, &settings).await?;
    let rotated = rotate_with(&store).await;
    leased.end().await;
    rotated
}

async fn rotate_with(store: &std::sync::Arc<dyn store::Store>) -> Result<(), String> {
    use consentry_model::encryption::JobStatus;
    let job = store
        .rotate_key("consentry rotate-key")
        .await
        .map_err(|e| e.to_string())?;
    println!("A new data key encrypts new values from now on. Re-encrypting existing values…");
    let worker = {
        let (store, job) = (std::sync::Arc::clone(store), job.clone());
        tokio::spawn(async move { domain::encryption::run_job(store.as_ref(), &job).await })
    };
    let mut last = None;
    loop {
        if worker.is_finished() {
            // Surfaces a failure here; `false` means the running server does the work.
            worker
                .await
                .map_err(|e| e.to_string())?
                .map_err(|e| e.to_string())?;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        if let Ok(Some(now)) = store.encryption_job(job.id).await
            && last != Some(now.done)
        {
            println!("{} of {} record(s)…", now.done, now.total);
            last = Some(now.done);
        }
    }
    loop {
        let now = store
            .encryption_job(job.id)
            .await
            .map_err(|e| e.to_string())?
            .ok_or("the rotation job disappeared")?;
        match now.status {
            JobStatus::Finished => {
                println!(
                    "Re-encrypted {} record(s). {}",
                    now.done,
                    now.detail.as_deref().unwrap_or("No older key was in use.")
                );
                return Ok(());
            }
            JobStatus::Failed => {
                return Err(now.detail.unwrap_or_else(|| "the rotation failed".into()));
            }
            JobStatus::Pending | JobStatus::Running => {
                println!("{} of {} record(s)…", now.done, now.total);
                tokio::time::sleep(std::time::Duration::from_secs(1)).await;
            }
        }
    }
}

async fn migrate_data(
    mut settings: Settings,
    from: Option<String>,
    to: String,
) -> Result<(), String> {
    let from = from.unwrap_or_else(|| settings.database.url.clone());
    settings.database.url.clone_from(&from);
    match settings.database.backend() {
        // Opening a missing file would make a new, empty installation to move.
        Some(consentry_server::config::Backend::Sqlite(path)) if !path.is_file() => {
            return Err(format!(
                "--from: there is no database at {}",
                path.display()
            ));
        }
        Some(consentry_server::config::Backend::Sqlite(_)) => {}
        _ => return Err(format!("--from {from:?} is not a sqlite:// URL")),
    }
    // Brings the source up to date (and checks its key) before it is read.
    let store = store::open(&settings)
        .await
        .map_err(|e| format!("--from: {e}"))?;
    store.close().await.map_err(|e| e.to_string())?;
    println!("Moving {from} to PostgreSQL …");
    let moving = consentry_server::migrate_data::migrate_data(&from, &to, |line| {
        println!("  {line}");
    });
    // Ctrl-C or SIGTERM stops the move: its one transaction is rolled back with it.
    let copied = tokio::select! {
        copied = moving => copied?,
        () = consentry_server::startup::shutdown_signal() => {
            return Err("the move was stopped: nothing was committed to the target".into());
        }
    };
    let rows: u64 = copied.tables.iter().map(|(_, n)| n).sum();
    println!(
        "Moved {rows} rows in {} tables; every count matches. Verifying the audit trails on \
         the target:",
        copied.tables.len()
    );
    // The files that belong with the installation stay where they were found.
    settings.encryption.key_file = Some(settings.key_file());
    settings.erasure.ledger_file = Some(settings.ledger_file());
    settings.database.url = to;
    verify_audit(settings, &[]).await?;
    println!(
        "Done. Set database.url (or CONSENTRY__DATABASE__URL) to the PostgreSQL URL and keep \
         the same key file or master key."
    );
    Ok(())
}

async fn verify_audit(settings: Settings, files: &[PathBuf]) -> Result<(), String> {
    let store = store::open(&settings).await.map_err(|e| e.to_string())?;
    let mut given: Vec<(OrganisationId, String, String)> = Vec::new();
    for path in files {
        let jws = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        domain::audit::check_file(store.as_ref(), &jws)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        let organisation = domain::audit::checkpoint_organisation(&jws)
            .ok_or_else(|| format!("{}: not an audit checkpoint", path.display()))?;
        given.push((organisation, path.display().to_string(), jws));
    }
    let organisations = store.organisations().await.map_err(|e| e.to_string())?;
    if let Some((_, path, _)) = given
        .iter()
        .find(|(org, _, _)| !organisations.iter().any(|o| o.id == *org))
    {
        return Err(format!(
            "{path}: its organisation is not in this database (deleted, or another installation)"
        ));
    }
    let log = domain::audit::CheckpointLog::new(settings.checkpoint_log_file());
    domain::audit::reseal_legacy_chains(store.as_ref(), &log)
        .await
        .map_err(|e| e.to_string())?;
    let mut broken = 0;
    let verdicts = domain::audit::verify_all(store.as_ref(), &log, &given)
        .await
        .map_err(|e| e.to_string())?;
    for (slug, verdict) in verdicts {
        if matches!(verdict, AuditVerdict::Broken { .. }) {
            broken += 1;
        }
        println!("{slug}: {}", domain::audit::describe(&verdict));
    }
    if broken == 0 {
        Ok(())
    } else {
        Err(format!("{broken} audit trail(s) broken"))
    }
}

async fn verify_receipt(
    settings: Settings,
    file: &std::path::Path,
    jwks: Option<PathBuf>,
) -> Result<(), String> {
    let jws = std::fs::read_to_string(file)
        .map_err(|e| format!("cannot read {}: {e}", file.display()))?;
    let keys = match jwks {
        Some(path) => {
            let text = std::fs::read_to_string(&path)
                .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            let value: serde_json::Value = serde_json::from_str(&text)
                .map_err(|e| format!("{} is not JSON: {e}", path.display()))?;
            domain::receipts::keys_from_jwks(&value)
        }
        None => store::open(&settings)
            .await
            .map_err(|e| e.to_string())?
            .public_keys()
            .await
            .map_err(|e| e.to_string())?,
    };
    let receipt = domain::receipts::verify(&jws, &keys)
        .map_err(|e| format!("{}: NOT VALID: {e}", file.display()))?;
    println!(
        "{}: valid receipt {} from {} ({} at {}, form version {}, text SHA-256 {})",
        file.display(),
        receipt.consent_receipt_id,
        receipt
            .pii_controllers
            .first()
            .map(|c| c.pii_controller.as_str())
            .unwrap_or_default(),
        receipt.decision,
        // A date a person reads (RFC 3339, UTC), not the receipt's Unix seconds.
        chrono::DateTime::from_timestamp(receipt.consent_timestamp, 0).map_or_else(
            || format!("unix time {}", receipt.consent_timestamp),
            |at| at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
        ),
        receipt.form_version,
        receipt.text_hash
    );
    Ok(())
}

fn field<T>(name: &str, parsed: Result<T, consentry_model::FieldError>) -> Result<T, String> {
    parsed.map_err(|e| format!("--{name}: {e}"))
}

async fn create_admin(
    settings: Settings,
    organisation_name: Option<String>,
    organisation_slug: Option<String>,
    name: String,
    email: String,
    password_stdin: bool,
) -> Result<(), String> {
    let name = field("name", PersonName::parse(&name))?;
    let email = field("email", Email::parse(&email))?;
    let password = read_password(password_stdin)?;
    let store = store::open(&settings).await.map_err(|e| e.to_string())?;
    let slug = match (&organisation_slug, &organisation_name) {
        (Some(slug), _) => field("organisation-slug", OrgSlug::parse(slug))?,
        (None, Some(org_name)) => field(
            "organisation-name",
            OrgSlug::parse(&OrgSlug::suggest(org_name)),
        )?,
        (None, None) => {
            return Err("give --organisation-name for a new organisation, or \
                        --organisation-slug of an existing one"
                .into());
        }
    };
    let one_at_a_time = domain::passwords::Passwords::new(1, 0);
    let existing = store
        .organisation_by_slug(&slug)
        .await
        .map_err(|e| e.to_string())?;
    if let Some(organisation) = existing {
        let user = domain::users::add(
            store.as_ref(),
            &one_at_a_time,
            organisation.id,
            consentry_model::auth::NewUser {
                name,
                email,
                profile: consentry_model::Profile::Administrator,
                password,
            },
        )
        .await
        .map_err(|e| e.to_string())?;
        println!(
            "Added administrator {} to {} ({}).",
            user.email, organisation.name, organisation.slug
        );
        return Ok(());
    }
    let organisation_name = organisation_name
        .ok_or("no organisation has this slug; give --organisation-name to create it")?;
    let request = SetupRequest {
        organisation_name: field(
            "organisation-name",
            OrganisationName::parse(&organisation_name),
        )?,
        organisation_slug: slug,
        admin_name: name,
        admin_email: email,
        admin_password: password,
    };
    let (organisation, user) =
        domain::setup::create_tenant(store.as_ref(), &one_at_a_time, request, false)
            .await
            .map_err(|e| e.to_string())?;
    println!(
        "Created organisation {} ({}) with administrator {}. Sign in at /admin.",
        organisation.name, organisation.slug, user.email
    );
    Ok(())
}

fn read_password(from_stdin: bool) -> Result<Password, String> {
    let raw = if let Ok(value) = std::env::var("CONSENTRY_ADMIN_PASSWORD") {
        value
    } else if from_stdin {
        let mut value = String::new();
        std::io::stdin()
            .read_to_string(&mut value)
            .map_err(|e| e.to_string())?;
        value.trim_end_matches(['\n', '\r']).to_owned()
    } else {
        rpassword::prompt_password("Password (at least 10 characters): ")
            .map_err(|e| e.to_string())?
    };
    field("password", Password::parse(&raw))
}
