//! Load on the widget's banner decisions (`POST /api/public/widget/{organisation}/{form}/
//! decisions`) against the SQLite default, with impression counting on: each visitor's banner
//! is counted as shown (`…/impressions`) before the visitor decides. Decisions per second and
//! p50/p99 latency at 64 concurrent connections over loopback, each from an allowed site (so
//! through the CORS layer) and answered with a signed receipt, next to the raw SQLite insert
//! rate of the same rows (one durable commit each) measured in the same run. Checks that
//! every decision was stored and every banner counted.
//!
//! Run: `cargo bench -p consentry-server --bench widget_load` (`BENCH_DECISIONS`, default
//! 5,000). Prints figures; asserts nothing but that every decision was stored.

mod common;

use std::{
    sync::{
        Arc,
        atomic::{AtomicUsize, Ordering},
    },
    time::Instant,
};

use chrono::Utc;
use consentry_model::{audit::AuditAction, widget::WidgetSettings};
use consentry_server::{Application, Settings, store::AuditNote};

const CONNECTIONS: usize = 64;
const SITE: &str = "https://shop.example.org";

fn note() -> AuditNote {
    common::note(AuditAction::FormPublished)
}

fn main() {
    let decisions: usize = std::env::var("BENCH_DECISIONS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(5_000);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(run(decisions));
}

async fn run(decisions: usize) {
    let dir = tempfile::tempdir().expect("temp dir");
    let load_db = dir.path().join("load.db");
    let url = format!("sqlite://{}", load_db.display());
    let (store, org) = common::tenant(&load_db, "bench").await;
    let design = consentry_model::forms::starter_design("Bench");
    let form = store
        .insert_form(org, "Cookies", "cookies", &design, note())
        .await
        .expect("form");
    store
        .publish(org, form.id, "bench", note())
        .await
        .expect("publish");
    let settings = WidgetSettings {
        allowed_origins: vec![SITE.into()],
        ..WidgetSettings::default()
    };
    store
        .set_widget(org, form.id, &settings, note())
        .await
        .expect("widget");
    drop(store);

    let mut settings = Settings::default();
    settings.server.port = 0;
    settings.database.url = url.clone();
    settings.encryption.key_file = Some(load_db.with_extension("key"));
    settings.server.dist_dir = dir.path().join("dist");
    // Every request comes from this machine: lift the per-client limit for the run.
    settings.widget.per_client_per_hour = u32::MAX;
    settings.widget.per_form_per_hour = u32::MAX;
    let app = Application::build(settings).await.expect("server");
    let base = format!("http://127.0.0.1:{}", app.port());
    tokio::spawn(app.run_until(std::future::pending()));

    println!(
        "\nBanner decisions: {decisions} decisions, {CONNECTIONS} concurrent connections, \
         loopback, SQLite (WAL, synchronous=FULL)"
    );
    let left = Arc::new(AtomicUsize::new(decisions));
    let latencies = Arc::new(std::sync::Mutex::new(Vec::with_capacity(decisions)));
    let started = Instant::now();
    let workers: Vec<_> = (0..CONNECTIONS)
        .map(|i| {
            let (left, latencies, base) = (Arc::clone(&left), Arc::clone(&latencies), base.clone());
            tokio::spawn(async move {
                let client = reqwest::Client::new();
                let granted = if i % 2 == 0 {
                    vec!["newsletter"]
                } else {
                    vec![]
                };
                while left
                    .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1))
                    .is_ok()
                {
                    let counted = client
                        .post(format!(
                            "{base}/api/public/widget/bench/cookies/impressions"
                        ))
                        .header("origin", SITE)
                        .json(&serde_json::json!({ "version": 1 }))
                        .send()
                        .await
                        .expect("request");
                    assert_eq!(counted.status().as_u16(), 204);
                    let sent = Instant::now();
                    let response = client
                        .post(format!("{base}/api/public/widget/bench/cookies/decisions"))
                        .header("origin", SITE)
                        .json(&serde_json::json!({
                            "version": 1, "lang": "en", "granted": granted,
                        }))
                        .send()
                        .await
                        .expect("request");
                    assert_eq!(response.status().as_u16(), 201);
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
    let pool = sqlx::SqlitePool::connect(&url).await.expect("pool");
    let (stored,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM visitor_consents")
        .fetch_one(&pool)
        .await
        .expect("count");
    assert_eq!(stored as usize, decisions, "every decision stored");
    let (shown,): (i64,) = sqlx::query_as("SELECT COALESCE(SUM(shown), 0) FROM banner_impressions")
        .fetch_one(&pool)
        .await
        .expect("count");
    assert_eq!(shown as usize, decisions, "every banner shown counted");
    let mut latencies = latencies.lock().map(|l| l.clone()).unwrap_or_default();
    let rate = decisions as f64 / elapsed.as_secs_f64();

    // The same rows, inserted by SQLite alone, one durable commit each.
    let raw_db = dir.path().join("raw.db");
    let raw_url = format!("sqlite://{}", raw_db.display());
    let (raw_store, raw_org) = common::tenant(&raw_db, "raw").await;
    let raw_form = raw_store
        .insert_form(raw_org, "Cookies", "cookies", &design, note())
        .await
        .expect("form");
    raw_store
        .publish(raw_org, raw_form.id, "bench", note())
        .await
        .expect("publish");
    drop(raw_store);
    let raw_options: sqlx::sqlite::SqliteConnectOptions = raw_url
        .parse::<sqlx::sqlite::SqliteConnectOptions>()
        .expect("options")
        .journal_mode(sqlx::sqlite::SqliteJournalMode::Wal)
        .synchronous(sqlx::sqlite::SqliteSynchronous::Full);
    let raw = sqlx::SqlitePool::connect_with(raw_options)
        .await
        .expect("raw pool");
    let raw_started = Instant::now();
    for _ in 0..decisions {
        sqlx::query(
            "INSERT INTO visitor_consents (organisation_id, id, form_id, form_version, text_hash,
                 lang, decision, granted, gpc, origin, ip, user_agent, at)
             VALUES (?1, ?2, ?3, 1, ?4, 'en', 'accepted_all', '[\"newsletter\"]', 0, ?5,
                 '127.0.0.0', 'bench', ?6)",
        )
        .bind(raw_org.0)
        .bind(uuid::Uuid::now_v7())
        .bind(raw_form.id.0)
        .bind("ab".repeat(32))
        .bind(SITE)
        .bind(Utc::now().timestamp_millis())
        .execute(&raw)
        .await
        .expect("raw insert");
    }
    let raw_rate = decisions as f64 / raw_started.elapsed().as_secs_f64();

    println!(
        "  decisions/s             {rate:>10.0}      {:.1} s",
        elapsed.as_secs_f64()
    );
    println!(
        "  latency p50             {:>10.2} ms",
        common::percentile(&mut latencies, 0.50).as_secs_f64() * 1e3
    );
    println!(
        "  latency p99             {:>10.2} ms",
        common::percentile(&mut latencies, 0.99).as_secs_f64() * 1e3
    );
    println!("  banners counted         {shown:>10}      (one impression before each decision)");
    println!("  raw SQLite inserts/s    {raw_rate:>10.0}      (same rows, one commit each)");
    println!("  ratio                   {:>10.2}x", rate / raw_rate);
}
