//! Load on the hosted consent page's endpoint (`POST /api/public/consent/{token}`) against
//! the SQLite default: consent events per second and p50/p99 latency at 64 concurrent
//! connections over loopback, next to the raw SQLite insert rate of the same event rows (one
//! durable commit each, as the server commits every answer) measured in the same run.
//! Goals: at least 5,000 events/s, p99 at most 50 ms, at least 0.3x the raw insert rate.
//!
//! Run: `cargo bench -p consentry-server --bench consent_load` (`BENCH_SUBMISSIONS`, default
//! 5,000; `BENCH_METRICS=1` turns `/metrics` on, so every request and answer is counted, for
//! the cost of the metrics). Prints figures; asserts nothing but that every answer was
//! recorded.

mod common;

use std::{
    sync::{Arc, Mutex},
    time::Instant,
};

use chrono::Utc;
use consentry_model::{
    LegalBasis,
    audit::AuditAction,
    records::{BasisChange, DataSource, RecordFields, SourceKind},
};
use consentry_server::{
    Application, Settings,
    domain::{self, token::SecretToken},
    store::{self, AuditNote},
};

const CONNECTIONS: usize = 64;

fn note() -> AuditNote {
    common::note(AuditAction::FormPublished)
}

fn main() {
    let submissions: usize = std::env::var("BENCH_SUBMISSIONS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(5_000);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(run(submissions));
}

async fn run(submissions: usize) {
    let dir = tempfile::tempdir().expect("temp dir");
    let load_db = dir.path().join("load.db");
    let url = format!("sqlite://{}", load_db.display());
    let (store, org) = common::tenant(&load_db, "bench").await;
    let leads = store
        .modules(org)
        .await
        .expect("modules")
        .into_iter()
        .find(|m| m.key == "leads")
        .expect("leads")
        .id;
    store
        .set_module_compliance(org, leads, true, note())
        .await
        .expect("compliance");
    let design = consentry_model::forms::starter_design("Bench");
    let form = store
        .insert_form(org, "Newsletter", "newsletter", &design, note())
        .await
        .expect("form");
    store
        .publish(org, form.id, "bench", note())
        .await
        .expect("publish");

    // One record on basis Consent and one consent link per submission.
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
    let writes = (0..submissions)
        .map(|i| store::RecordWrite {
            module: leads,
            fields: RecordFields {
                last_name: Some(format!("Subject{i}")),
                ..RecordFields::default()
            },
            privacy: Some(privacy.clone()),
            change: change.clone(),
            source: source.clone(),
        })
        .collect();
    store.insert_records(org, writes).await.expect("records");
    let pool = sqlx::SqlitePool::connect(&url).await.expect("pool");
    let records: Vec<(uuid::Uuid,)> =
        sqlx::query_as("SELECT id FROM records WHERE organisation_id = ?1")
            .bind(org.0)
            .fetch_all(&pool)
            .await
            .expect("ids");
    let tokens: Vec<SecretToken> = records.iter().map(|_| SecretToken::generate()).collect();
    {
        let mut tx = pool.begin().await.expect("tx");
        let expires = (Utc::now() + chrono::Duration::days(30)).timestamp_millis();
        for ((record,), token) in records.iter().zip(&tokens) {
            sqlx::query(
                "INSERT INTO consent_links (token_hash, organisation_id, record_id, form_id,
                     created_at, expires_at) VALUES (?1, ?2, ?3, ?4, 0, ?5)",
            )
            .bind(token.hash().as_slice())
            .bind(org.0)
            .bind(record)
            .bind(form.id.0)
            .bind(expires)
            .execute(&mut *tx)
            .await
            .expect("link");
        }
        tx.commit().await.expect("commit");
    }

    let mut settings = Settings::default();
    settings.server.port = 0;
    settings.database.url = url.clone();
    settings.encryption.key_file = Some(load_db.with_extension("key"));
    settings.server.dist_dir = dir.path().join("dist");
    let metrics = std::env::var("BENCH_METRICS").is_ok_and(|v| v == "1");
    if metrics {
        settings.metrics.token = Some("bench-metrics-token-0123456789abcdef".into());
    }
    println!("metrics: {}", if metrics { "on" } else { "off" });
    let app = Application::build(settings).await.expect("server");
    let base = format!("http://127.0.0.1:{}", app.port());
    tokio::spawn(app.run_until(std::future::pending()));

    println!(
        "\nConsent submissions: {submissions} answers, {CONNECTIONS} concurrent connections, \
         loopback, SQLite (WAL, synchronous=FULL)"
    );
    let queue = Arc::new(Mutex::new(
        tokens
            .iter()
            .map(|t| t.as_str().to_owned())
            .collect::<Vec<_>>(),
    ));
    let latencies = Arc::new(Mutex::new(Vec::with_capacity(submissions)));
    let started = Instant::now();
    let workers: Vec<_> = (0..CONNECTIONS)
        .map(|_| {
            let (queue, latencies, base) =
                (Arc::clone(&queue), Arc::clone(&latencies), base.clone());
            tokio::spawn(async move {
                let client = reqwest::Client::new();
                while let Some(token) = queue.lock().map(|mut q| q.pop()).ok().flatten() {
                    let sent = Instant::now();
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
                    assert!(response.status().is_success(), "{}", response.status());
                    let _ = response.bytes().await;
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
    let (recorded,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM consent_events")
        .fetch_one(&pool)
        .await
        .expect("count");
    assert_eq!(recorded as usize, submissions, "every answer recorded");
    let mut latencies = latencies.lock().map(|l| l.clone()).unwrap_or_default();
    let rate = submissions as f64 / elapsed.as_secs_f64();

    // The same event rows, inserted by SQLite alone, one durable commit each.
    let raw_db = dir.path().join("raw.db");
    let raw_url = format!("sqlite://{}", raw_db.display());
    drop(
        store::connect(&raw_url, common::bench_key(&raw_db))
            .await
            .expect("raw store"),
    );
    let raw_options: sqlx::sqlite::SqliteConnectOptions = raw_url
        .parse::<sqlx::sqlite::SqliteConnectOptions>()
        .expect("options")
        .journal_mode(sqlx::sqlite::SqliteJournalMode::Wal)
        .synchronous(sqlx::sqlite::SqliteSynchronous::Full);
    let raw = sqlx::SqlitePool::connect_with(raw_options)
        .await
        .expect("raw pool");
    let raw_started = Instant::now();
    for (record,) in &records {
        sqlx::query(
            "INSERT INTO consent_events (organisation_id, id, record_id, form_id, form_version,
                 text_hash, lang, decision, choices, at, ip, user_agent)
             VALUES (?1, ?2, ?3, ?4, 1, ?5, 'en', 'granted', ?6, ?7, '127.0.0.0', 'bench')",
        )
        .bind(org.0)
        .bind(uuid::Uuid::now_v7())
        .bind(record)
        .bind(form.id.0)
        .bind("ab".repeat(32))
        .bind(r#"{"granted":["newsletter"],"channels":["email"]}"#)
        .bind(Utc::now().timestamp_millis())
        .execute(&raw)
        .await
        .expect("raw insert");
    }
    let raw_rate = submissions as f64 / raw_started.elapsed().as_secs_f64();

    println!(
        "  events/s                {rate:>10.0}      (goal >= 5000)   {:.1} s",
        elapsed.as_secs_f64()
    );
    println!(
        "  latency p50             {:>10.2} ms",
        common::percentile(&mut latencies, 0.50).as_secs_f64() * 1e3
    );
    println!(
        "  latency p99             {:>10.2} ms   (goal <= 50 ms)",
        common::percentile(&mut latencies, 0.99).as_secs_f64() * 1e3
    );
    println!("  raw SQLite inserts/s    {raw_rate:>10.0}      (same rows, one commit each)");
    println!(
        "  ratio                   {:>10.2}x     (goal >= 0.3x)",
        rate / raw_rate
    );
}
