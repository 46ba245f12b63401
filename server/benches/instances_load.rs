//! Consent answers (`POST /api/public/consent/{token}`) and banner decisions (`POST
//! /api/public/widget/{organisation}/{form}/decisions`) against PostgreSQL with 1, 2 and 3
//! server instances on one database — 64 concurrent connections in all, spread over the
//! instances, durable commits (`synchronous_commit = on`) — next to `pgbench` inserting the
//! same consent-event rows with 64 clients on the same server in the same run (the raw
//! limit), and the same loads against the SQLite default in the same run.
//!
//! The instances run in this process (each its own server, pool, caches and workers, as
//! `consentry serve` started N times), so on a small machine they share its cores with the
//! load generator and PostgreSQL: the figures show what the database allows, not a cluster.
//!
//! Run: `scripts/bench-postgres.sh` (it provides a PostgreSQL server as the test command
//! does), or `CONSENTRY_TEST_POSTGRES_URL=postgres://… cargo bench -p consentry-server --bench
//! instances_load`. `BENCH_ANSWERS` (default 5,000) answers and as many decisions per run.
//! Prints figures; asserts nothing but that every answer and decision was recorded.

mod common;

use std::{
    path::{Path, PathBuf},
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

use chrono::Utc;
use consentry_model::{
    LegalBasis, OrganisationId,
    audit::AuditAction,
    forms::ConsentForm,
    records::{BasisChange, DataSource, RecordFields, SourceKind},
    widget::WidgetSettings,
};
use consentry_server::{
    Application, Settings,
    crypto::MasterKey,
    domain::{self, token::SecretToken},
    store::{self, AuditNote, Store},
};
use sqlx::{Connection, Executor};

const CONNECTIONS: usize = 64;
const SITE: &str = "https://shop.example.org";
const PGBENCH_SECONDS: u32 = 10;

fn note() -> AuditNote {
    common::note(AuditAction::FormPublished)
}

fn main() {
    let answers: usize = std::env::var("BENCH_ANSWERS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(5_000);
    let Ok(server) = std::env::var("CONSENTRY_TEST_POSTGRES_URL") else {
        eprintln!(
            "CONSENTRY_TEST_POSTGRES_URL names no PostgreSQL server: run \
             scripts/bench-postgres.sh, which starts one"
        );
        std::process::exit(2);
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(run(&server, answers));
}

/// One load's figures.
struct Figures {
    rate: f64,
    p50: Duration,
    p99: Duration,
}

impl Figures {
    fn print(&self, what: &str, raw: Option<f64>) {
        let ratio = raw.map_or(String::new(), |raw| {
            format!("   {:.2}x raw", self.rate / raw)
        });
        println!(
            "  {what:<34} {:>8.0}/s   p50 {:>7.2} ms   p99 {:>7.2} ms{ratio}",
            self.rate,
            self.p50.as_secs_f64() * 1e3,
            self.p99.as_secs_f64() * 1e3,
        );
    }
}

async fn run(server: &str, answers: usize) {
    let dir = tempfile::tempdir().expect("temp dir");
    let (synchronous_commit, fsync) = pg_settings(server).await;
    println!(
        "\nConsent answers and banner decisions: {answers} each, {CONNECTIONS} concurrent \
         connections over loopback, spread over the instances; PostgreSQL with \
         synchronous_commit = {synchronous_commit}, fsync = {fsync}"
    );
    let mut raw = None;
    for instances in 1..=3 {
        let url = scratch_database(server, &format!("bench_{instances}")).await;
        let key = dir.path().join(format!("pg{instances}.key"));
        let prepared = prepare(&url, &key, answers).await;
        let running = start(&url, &key, dir.path(), instances).await;
        let consent = consent_load(&running.bases, &prepared.tokens).await;
        let widget = widget_load(&running.bases, answers).await;
        check_recorded(&url, answers).await;
        running.stop().await;
        if raw.is_none() {
            // On the same server, once the instances are stopped.
            let rate = pgbench_inserts(&url, &prepared).await;
            println!(
                "  {:<34} {rate:>8.0}/s   ({CONNECTIONS} clients, {PGBENCH_SECONDS} s, one \
                 durable commit each)",
                "pgbench: consent-event inserts",
            );
            raw = Some(rate);
        }
        consent.print(
            &format!("PostgreSQL, {instances} instance(s): answers"),
            raw,
        );
        widget.print(
            &format!("PostgreSQL, {instances} instance(s): decisions"),
            raw,
        );
    }

    let db = dir.path().join("sqlite.db");
    let url = format!("sqlite://{}", db.display());
    let key = db.with_extension("key");
    let prepared = prepare(&url, &key, answers).await;
    let running = start(&url, &key, dir.path(), 1).await;
    let consent = consent_load(&running.bases, &prepared.tokens).await;
    let widget = widget_load(&running.bases, answers).await;
    check_recorded(&url, answers).await;
    running.stop().await;
    consent.print("SQLite, 1 instance: answers", None);
    widget.print("SQLite, 1 instance: decisions", None);
}

/// The server's `synchronous_commit` and `fsync`.
async fn pg_settings(server: &str) -> (String, String) {
    let mut conn = sqlx::PgConnection::connect(server).await.expect("server");
    let (sync,): (String,) = sqlx::query_as("SHOW synchronous_commit")
        .fetch_one(&mut conn)
        .await
        .expect("setting");
    let (fsync,): (String,) = sqlx::query_as("SHOW fsync")
        .fetch_one(&mut conn)
        .await
        .expect("setting");
    (sync, fsync)
}

/// A new, empty database `name` on the server (dropped first when left by an earlier run).
async fn scratch_database(server: &str, name: &str) -> String {
    let mut conn = sqlx::PgConnection::connect(server).await.expect("server");
    conn.execute(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)").as_str())
        .await
        .expect("drop");
    conn.execute(format!("CREATE DATABASE {name}").as_str())
        .await
        .expect("create");
    let (at, _) = server.rsplit_once('/').expect("a URL with a database");
    format!("{at}/{name}")
}

/// What a run needs: a tenant with a published form its banner may be shown with, and a
/// consent link for each of `answers` records on basis Consent.
struct Prepared {
    organisation: OrganisationId,
    form: ConsentForm,
    tokens: Vec<String>,
}

async fn prepare(url: &str, key: &Path, answers: usize) -> Prepared {
    let master = MasterKey::load_or_create(key).expect("key");
    let (store, organisation) = common::tenant_at(url, master, "bench").await;
    let leads = store
        .modules(organisation)
        .await
        .expect("modules")
        .into_iter()
        .find(|m| m.key == "leads")
        .expect("leads")
        .id;
    store
        .set_module_compliance(organisation, leads, true, note())
        .await
        .expect("compliance");
    let design = consentry_model::forms::starter_design("Bench");
    let form = store
        .insert_form(organisation, "Newsletter", "newsletter", &design, note())
        .await
        .expect("form");
    store
        .publish(organisation, form.id, "bench", note())
        .await
        .expect("publish");
    let widget = WidgetSettings {
        allowed_origins: vec![SITE.into()],
        ..WidgetSettings::default()
    };
    store
        .set_widget(organisation, form.id, &widget, note())
        .await
        .expect("widget");
    insert_records(store.as_ref(), organisation, leads, answers).await;
    drop(store);
    let tokens = insert_links(url, organisation, &form).await;
    Prepared {
        organisation,
        form,
        tokens,
    }
}

/// `n` records on basis Consent, in one import.
async fn insert_records(
    store: &dyn Store,
    organisation: OrganisationId,
    module: consentry_model::ModuleId,
    n: usize,
) {
    let (privacy, change) = domain::data_privacy::change_basis(
        None,
        &BasisChange {
            basis: LegalBasis::Consent,
            lawful_reason: None,
            consent: None,
        },
        Utc::now().date_naive(),
    )
    .expect("consent basis");
    let source = DataSource {
        through: SourceKind::Import,
        by: "bench".into(),
        detail: None,
        at: Utc::now(),
    };
    let writes = (0..n)
        .map(|i| store::RecordWrite {
            module,
            fields: RecordFields {
                last_name: Some(format!("Subject{i}")),
                ..RecordFields::default()
            },
            privacy: Some(privacy.clone()),
            change: change.clone(),
            source: source.clone(),
        })
        .collect();
    store
        .insert_records(organisation, writes)
        .await
        .expect("records");
}

/// A consent link to the form for every record, written straight into the database; the
/// links' tokens.
async fn insert_links(url: &str, organisation: OrganisationId, form: &ConsentForm) -> Vec<String> {
    let expires = Utc::now() + chrono::Duration::days(30);
    if url.starts_with("sqlite:") {
        let pool = sqlx::SqlitePool::connect(url).await.expect("pool");
        let records: Vec<(uuid::Uuid,)> =
            sqlx::query_as("SELECT id FROM records WHERE organisation_id = ?1")
                .bind(organisation.0)
                .fetch_all(&pool)
                .await
                .expect("ids");
        let mut tx = pool.begin().await.expect("tx");
        let mut tokens = Vec::with_capacity(records.len());
        for (record,) in records {
            let token = SecretToken::generate();
            sqlx::query(
                "INSERT INTO consent_links (token_hash, organisation_id, record_id, form_id,
                     created_at, expires_at) VALUES (?1, ?2, ?3, ?4, 0, ?5)",
            )
            .bind(token.hash().as_slice())
            .bind(organisation.0)
            .bind(record)
            .bind(form.id.0)
            .bind(expires.timestamp_millis())
            .execute(&mut *tx)
            .await
            .expect("link");
            tokens.push(token.as_str().to_owned());
        }
        tx.commit().await.expect("commit");
        return tokens;
    }
    let pool = sqlx::PgPool::connect(url).await.expect("pool");
    let records: Vec<(uuid::Uuid,)> =
        sqlx::query_as("SELECT id FROM records WHERE organisation_id = $1")
            .bind(organisation.0)
            .fetch_all(&pool)
            .await
            .expect("ids");
    let tokens: Vec<SecretToken> = records.iter().map(|_| SecretToken::generate()).collect();
    sqlx::query(
        "INSERT INTO consent_links (token_hash, organisation_id, record_id, form_id,
             created_at, expires_at)
         SELECT hash, $2, record, $3, now(), $4 FROM unnest($1::bytea[], $5::uuid[])
             AS l(hash, record)",
    )
    .bind(tokens.iter().map(|t| t.hash().to_vec()).collect::<Vec<_>>())
    .bind(organisation.0)
    .bind(form.id.0)
    .bind(expires)
    .bind(records.iter().map(|(id,)| *id).collect::<Vec<_>>())
    .execute(&pool)
    .await
    .expect("links");
    pool.close().await;
    tokens.iter().map(|t| t.as_str().to_owned()).collect()
}

/// Servers started for a run.
struct Running {
    bases: Vec<String>,
    stops: Vec<tokio::sync::oneshot::Sender<()>>,
    servers: Vec<tokio::task::JoinHandle<std::io::Result<()>>>,
}

impl Running {
    /// Stops every server as SIGTERM does and waits for it.
    async fn stop(self) {
        for stop in self.stops {
            let _ = stop.send(());
        }
        for server in self.servers {
            let _ = server.await;
        }
    }
}

/// `instances` servers on the database at `url`, each on its own port.
async fn start(url: &str, key: &Path, dir: &Path, instances: usize) -> Running {
    let mut running = Running {
        bases: Vec::new(),
        stops: Vec::new(),
        servers: Vec::new(),
    };
    for _ in 0..instances {
        let mut settings = Settings::default();
        settings.server.port = 0;
        settings.database.url = url.to_owned();
        settings.encryption.key_file = Some(key.to_owned());
        settings.erasure.ledger_file = Some(key.with_extension("ledger"));
        settings.server.dist_dir = dir.join("dist");
        // Every request comes from this machine: lift the widget's limits for the run (they
        // are still counted, as in production).
        settings.widget.per_client_per_hour = u32::MAX;
        settings.widget.per_form_per_hour = u32::MAX;
        let app = Application::build(settings).await.expect("server");
        running
            .bases
            .push(format!("http://127.0.0.1:{}", app.port()));
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        running.stops.push(stop);
        running.servers.push(tokio::spawn(app.run_until(async move {
            let _ = stopped.await;
        })));
    }
    running
}

/// Sends every job with [`CONNECTIONS`] connections at once, connection `i` to instance
/// `i % instances`; the figures.
async fn load<F, R>(bases: &[String], jobs: Vec<String>, send: F) -> Figures
where
    F: Fn(reqwest::Client, String, String) -> R + Send + Sync + 'static,
    R: std::future::Future<Output = reqwest::StatusCode> + Send,
{
    let n = jobs.len();
    let queue = Arc::new(Mutex::new(jobs));
    let latencies = Arc::new(Mutex::new(Vec::with_capacity(n)));
    let send = Arc::new(send);
    let started = Instant::now();
    let workers: Vec<_> = (0..CONNECTIONS)
        .map(|i| {
            let (queue, latencies, send) = (
                Arc::clone(&queue),
                Arc::clone(&latencies),
                Arc::clone(&send),
            );
            let base = bases[i % bases.len()].clone();
            tokio::spawn(async move {
                let client = reqwest::Client::new();
                while let Some(job) = queue.lock().map(|mut q| q.pop()).ok().flatten() {
                    let sent = Instant::now();
                    let status = send(client.clone(), base.clone(), job).await;
                    assert!(status.is_success(), "{status}");
                    if let Ok(mut l) = latencies.lock() {
                        l.push(sent.elapsed());
                    }
                }
            })
        })
        .collect();
    for worker in workers {
        worker.await.expect("worker");
    }
    let elapsed = started.elapsed();
    let mut latencies = latencies.lock().map(|l| l.clone()).unwrap_or_default();
    Figures {
        rate: n as f64 / elapsed.as_secs_f64(),
        p50: common::percentile(&mut latencies, 0.50),
        p99: common::percentile(&mut latencies, 0.99),
    }
}

async fn consent_load(bases: &[String], tokens: &[String]) -> Figures {
    load(bases, tokens.to_vec(), |client, base, token| async move {
        let response = client
            .post(format!("{base}/api/public/consent/{token}"))
            .header("x-requested-with", "consentry")
            .json(&serde_json::json!({
                "lang": "en", "decision": "save",
                "choices": {"granted": ["newsletter"], "channels": ["email"]}
            }))
            .send()
            .await
            .expect("request");
        let status = response.status();
        let _ = response.bytes().await;
        status
    })
    .await
}

async fn widget_load(bases: &[String], decisions: usize) -> Figures {
    let jobs = (0..decisions).map(|i| (i % 2).to_string()).collect();
    load(bases, jobs, |client, base, half| async move {
        let granted: Vec<&str> = if half == "0" {
            vec!["newsletter"]
        } else {
            vec![]
        };
        let response = client
            .post(format!(
                "{base}/api/public/widget/bench/newsletter/decisions"
            ))
            .header("origin", SITE)
            .json(&serde_json::json!({"version": 1, "lang": "en", "granted": granted}))
            .send()
            .await
            .expect("request");
        let status = response.status();
        let _ = response.bytes().await;
        status
    })
    .await
}

/// Every answer and decision was recorded.
async fn check_recorded(url: &str, n: usize) {
    let count =
        "SELECT (SELECT COUNT(*) FROM consent_events), (SELECT COUNT(*) FROM visitor_consents)";
    let counted: (i64, i64) = if url.starts_with("sqlite:") {
        let pool = sqlx::SqlitePool::connect(url).await.expect("pool");
        sqlx::query_as(count).fetch_one(&pool).await.expect("count")
    } else {
        let pool = sqlx::PgPool::connect(url).await.expect("pool");
        sqlx::query_as(count).fetch_one(&pool).await.expect("count")
    };
    assert_eq!(
        counted,
        (n as i64, n as i64),
        "every answer and decision recorded"
    );
}

/// pgbench inserting consent-event rows like the server's into the database a run used
/// (same table, indexes and append-only triggers), 64 clients, one durable commit each:
/// inserts per second.
async fn pgbench_inserts(url: &str, prepared: &Prepared) -> f64 {
    let record: (uuid::Uuid,) = {
        let pool = sqlx::PgPool::connect(url).await.expect("pool");
        sqlx::query_as("SELECT id FROM records LIMIT 1")
            .fetch_one(&pool)
            .await
            .expect("a record")
    };
    let script = format!(
        "INSERT INTO consent_events (organisation_id, id, record_id, form_id, form_version, \
         text_hash, lang, decision, choices, at, ip, user_agent) VALUES ('{}', \
         gen_random_uuid(), '{}', '{}', 1, '{}', 'en', 'granted', \
         '{{\"granted\":[\"newsletter\"],\"channels\":[\"email\"]}}', now(), \
         '127.0.0.0', 'bench');\n",
        prepared.organisation.0,
        record.0,
        prepared.form.id.0,
        "ab".repeat(32),
    );
    let file = tempfile::NamedTempFile::new().expect("script file");
    std::fs::write(file.path(), script).expect("script");
    let output = std::process::Command::new(pgbench())
        .args(["-n", "-c", &CONNECTIONS.to_string(), "-j", "2"])
        .args(["-T", &PGBENCH_SECONDS.to_string(), "-f"])
        .arg(file.path())
        .arg(url)
        .output()
        .expect("pgbench runs (Debian's postgresql-client)");
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "pgbench: {text}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    text.lines()
        .find_map(|line| {
            let rest = line.strip_prefix("tps = ")?;
            rest.split_whitespace().next()?.parse().ok()
        })
        .unwrap_or_else(|| panic!("no tps in pgbench's output: {text}"))
}

/// pgbench: on the PATH, or where Debian's package puts it.
fn pgbench() -> PathBuf {
    let debian = PathBuf::from("/usr/lib/postgresql/15/bin/pgbench");
    if debian.exists() {
        debian
    } else {
        PathBuf::from("pgbench")
    }
}
