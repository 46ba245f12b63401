//! Compliance-core figures on a large database (default 1,000,000 records; set
//! `BENCH_RECORDS` for another size), SQLite by default or PostgreSQL with
//! `BENCH_DATABASE=postgres` (on the server `CONSENTRY_TEST_POSTGRES_URL` names):
//!
//! - CSV import rows/s through Consentry's import path, next to `sqlite3 .import` (or
//!   PostgreSQL's `COPY`) of the same file into a plain table (goal: at least 0.3x);
//! - p50/p99 of `GET /api/v1/records?limit=100` paging through the records by cursor;
//! - latency of `GET /api/v1/compliance/overview` (maintained counters) next to a full-scan
//!   `SELECT ... COUNT(*) ... GROUP BY` over the same records (goal: at most 0.1x).
//!
//! Run: `cargo bench -p consentry-server --bench compliance`. Prints figures; asserts nothing.

mod common;

use std::{
    io::Write,
    sync::Arc,
    time::{Duration, Instant},
};

use consentry_model::import::ColumnMapping;
use consentry_server::{
    Application, Settings,
    domain::{self, import::ImportRequest},
};

fn median(mut samples: Vec<Duration>) -> Duration {
    common::percentile(&mut samples, 0.5)
}

/// Rows per second of copying `records` rows from the sqlite3-imported `plain` table into the
/// records table of a fresh Consentry database, in SQL only.
async fn schema_floor(dir: &std::path::Path, plain: &std::path::Path, records: usize) -> f64 {
    let floor_db = dir.join("floor.db");
    let url = format!("sqlite://{}", floor_db.display());
    let (store, organisation) = common::tenant(&floor_db, "floor").await;
    let modules = store.modules(organisation).await.expect("modules");
    let leads = modules.iter().find(|m| m.key == "leads").expect("leads").id;
    drop(store);
    let pool = sqlx::SqlitePool::connect(&url).await.expect("pool");
    let mut conn = pool.acquire().await.expect("connection");
    sqlx::query(&format!("ATTACH '{}' AS plain", plain.display()))
        .execute(&mut *conn)
        .await
        .expect("attach");
    let started = Instant::now();
    // Ids increase like UUIDv7s do, so the comparison is fair to the clustered table.
    sqlx::query(
        "INSERT INTO records (organisation_id, id, module_id, first_name, last_name, email,
             company, country, legal_basis, created_at, created_through, created_by, updated_at,
             updated_through, updated_by)
         SELECT ?1, CAST(printf('%016d', rowid) AS BLOB), ?2, first_name, last_name, email,
             company, country, 'not_applicable', 0, 'import', 'bench', 0, 'import', 'bench'
         FROM plain.plain ORDER BY rowid",
    )
    .bind(organisation.0)
    .bind(leads.0)
    .execute(&mut *conn)
    .await
    .expect("copy");
    records as f64 / started.elapsed().as_secs_f64()
}

fn main() {
    let records: usize = std::env::var("BENCH_RECORDS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1_000_000);
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    runtime.block_on(run(records));
}

async fn run(records: usize) {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("bench.db");
    let postgres = match std::env::var("BENCH_DATABASE").as_deref() {
        Ok("postgres") => Some(
            std::env::var("CONSENTRY_TEST_POSTGRES_URL")
                .expect("BENCH_DATABASE=postgres needs CONSENTRY_TEST_POSTGRES_URL"),
        ),
        _ => None,
    };
    let url = match &postgres {
        Some(server) => postgres_database(server, "bench_compliance").await,
        None => format!("sqlite://{}", db.display()),
    };
    let (store, organisation) = common::tenant_at(&url, common::bench_key(&db), "bench").await;
    let modules = store.modules(organisation).await.expect("modules");
    let leads = modules.iter().find(|m| m.key == "leads").expect("leads").id;
    let note = common::note(consentry_model::audit::AuditAction::ModuleComplianceChanged);
    store
        .set_module_compliance(organisation, leads, true, note)
        .await
        .expect("enable");

    // The same CSV file for both importers.
    let csv_path = dir.path().join("records.csv");
    {
        let mut file = std::io::BufWriter::new(std::fs::File::create(&csv_path).expect("csv"));
        writeln!(file, "first_name,last_name,email,company,country").expect("write");
        for i in 0..records {
            writeln!(
                file,
                "First{i},Last{i},person{i}@example.org,Company {},NL",
                i % 1000
            )
            .expect("write");
        }
    }
    let bytes = std::fs::read(&csv_path).expect("read");
    println!(
        "\nCompliance core benchmark: {records} records, CSV file {:.1} MiB",
        bytes.len() as f64 / 1048576.0
    );

    // 1. Import through Consentry (parse, check every row, batches of 500 per transaction).
    let import = ImportRequest {
        organisation,
        module: leads,
        file_name: "records.csv".into(),
        actor_name: "Bench".into(),
        actor_email: "bench@example.org".into(),
    };
    let started = Instant::now();
    let prepared =
        domain::import::prepare(store.as_ref(), &import, &bytes, &ColumnMapping::default())
            .await
            .expect("prepare");
    let done = domain::import::run(Arc::clone(&store), import, prepared)
        .await
        .expect("import");
    let ours = started.elapsed();
    assert_eq!(done.imported as usize, records, "every row imported");
    let ours_rate = records as f64 / ours.as_secs_f64();

    if postgres.is_some() {
        let copy_rate = postgres_copy(&url, &csv_path, records).await;
        println!("\nCSV import (PostgreSQL)");
        println!(
            "  Consentry import      {ours_rate:>12.0} rows/s  ({:.1} s)",
            ours.as_secs_f64()
        );
        println!("  COPY (psql \\copy)     {copy_rate:>12.0} rows/s  (plain table, no indexes)");
        println!(
            "  ratio                 {:>12.2}x  (goal >= 0.3x)",
            ours_rate / copy_rate
        );
    }
    // 2. sqlite3 .import of the same file into a plain table, same durability (WAL, FULL).
    let plain = dir.path().join("plain.db");
    let sqlite_rate = match postgres.as_ref().map_or_else(
        || {
            std::process::Command::new("sqlite3")
                .arg("-version")
                .output()
        },
        |_| Err(std::io::Error::other("on PostgreSQL")),
    ) {
        Err(_) => None,
        Ok(_) => match std::process::Command::new("sqlite3")
            .arg(&plain)
            .arg("PRAGMA journal_mode=WAL;")
            .arg("PRAGMA synchronous=FULL;")
            .arg(format!(".import --csv {} plain", csv_path.display()))
            .output()
        {
            Ok(_) => {
                let started = Instant::now();
                let _ = std::fs::remove_file(&plain);
                let output = std::process::Command::new("sqlite3")
                    .arg(&plain)
                    .arg("PRAGMA journal_mode=WAL;")
                    .arg("PRAGMA synchronous=FULL;")
                    .arg(format!(".import --csv {} plain", csv_path.display()))
                    .output()
                    .expect("sqlite3");
                assert!(
                    output.status.success(),
                    "{}",
                    String::from_utf8_lossy(&output.stderr)
                );
                Some(records as f64 / started.elapsed().as_secs_f64())
            }
            Err(_) => None,
        },
    };
    // 2b. The floor of the schema itself: the same rows copied by SQLite alone (INSERT ...
    // SELECT from the sqlite3-imported table, one transaction) into a fresh Consentry
    // database, so indexes and counters cost what they cost without any of our code.
    let floor_rate = if sqlite_rate.is_some() {
        Some(schema_floor(dir.path(), &plain, records).await)
    } else {
        None
    };
    match sqlite_rate {
        Some(rate) => {
            println!("\nCSV import");
            println!(
                "  Consentry import      {ours_rate:>12.0} rows/s  ({:.1} s)",
                ours.as_secs_f64()
            );
            println!("  sqlite3 .import       {rate:>12.0} rows/s  (plain table, no indexes)");
            if let Some(floor) = floor_rate {
                println!(
                    "  SQL copy, our schema  {floor:>12.0} rows/s  ({:.2}x: the floor with our \
                     indexes and counters)",
                    floor / rate
                );
            }
            println!(
                "  ratio                 {:>12.2}x  (goal >= 0.3x)",
                ours_rate / rate
            );
        }
        None if postgres.is_none() => {
            println!("\nCSV import");
            println!(
                "  Consentry import      {ours_rate:>12.0} rows/s  ({:.1} s)",
                ours.as_secs_f64()
            );
            println!("  sqlite3 not installed: `apt-get install sqlite3` for the comparison");
        }
        None => {}
    }

    // 3. Overview over HTTP vs a full-scan GROUP BY on the same database.
    let mut settings = Settings::default();
    settings.server.port = 0;
    settings.database.url = url.clone();
    settings.server.dist_dir = dir.path().join("dist");
    settings.encryption.key_file = Some(db.with_extension("key"));
    let app = Application::build(settings).await.expect("server");
    let base = format!("http://127.0.0.1:{}", app.port());
    tokio::spawn(app.run_until(std::future::pending()));
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .expect("client");
    let signed_in = client
        .post(format!("{base}/api/v1/session"))
        .json(&serde_json::json!({"email": "bench@example.org", "password": "bench password 123"}))
        .send()
        .await
        .expect("sign in");
    assert!(signed_in.status().is_success());
    let mut overview = Vec::new();
    for _ in 0..50 {
        let started = Instant::now();
        let response = client
            .get(format!("{base}/api/v1/compliance/overview"))
            .send()
            .await
            .expect("overview");
        let body: serde_json::Value = response.json().await.expect("json");
        overview.push(started.elapsed());
        assert_eq!(body["not_applicable"], records as u64);
    }
    let pool = Pool::open(&url).await;
    let mut scan = Vec::new();
    for _ in 0..5 {
        let started = Instant::now();
        let counted = pool.full_scan(organisation).await;
        scan.push(started.elapsed());
        assert_eq!(counted as usize, records);
    }
    // 4. Record-list pages as the browser asks for them.
    let mut lists = Vec::new();
    for (what, query) in [
        ("newest first", "sort=newest".to_owned()),
        ("by last name", "sort=last_name".to_owned()),
        ("basis filter", "basis=not_applicable".to_owned()),
        ("search, rare name", format!("q=Last{}", records - 7)),
        ("search, common prefix", "q=Last1".to_owned()),
        ("search, no match", "q=Zzz".to_owned()),
        (
            "search, e-mail",
            format!("q=person{}@example.org", records / 2),
        ),
    ] {
        let mut samples = Vec::new();
        for _ in 0..11 {
            let started = Instant::now();
            let response = client
                .get(format!("{base}/api/v1/records?{query}&limit=50"))
                .send()
                .await
                .expect("records");
            assert!(response.status().is_success(), "{query}");
            let _: serde_json::Value = response.json().await.expect("json");
            samples.push(started.elapsed());
        }
        lists.push((what, median(samples)));
    }
    // 5. An integrator paging through every record, 100 at a time, following `next`.
    let mut pages = Vec::new();
    let mut after: Option<String> = None;
    for _ in 0..500 {
        let url = match &after {
            Some(cursor) => format!("{base}/api/v1/records?limit=100&after={cursor}"),
            None => format!("{base}/api/v1/records?limit=100"),
        };
        let started = Instant::now();
        let page: serde_json::Value = client
            .get(url)
            .send()
            .await
            .expect("records")
            .json()
            .await
            .expect("json");
        pages.push(started.elapsed());
        after = page["next"].as_str().map(str::to_owned);
        if after.is_none() {
            break;
        }
    }
    let (p50, p99) = (
        common::percentile(&mut pages, 0.5),
        common::percentile(&mut pages, 0.99),
    );
    let (overview, scan) = (median(overview), median(scan));
    println!(
        "\nGET /api/v1/records?limit=100, {} pages followed by cursor: p50 {:.2} ms, p99 {:.2} ms",
        pages.len(),
        p50.as_secs_f64() * 1e3,
        p99.as_secs_f64() * 1e3
    );
    println!("\nOverview");
    println!(
        "  GET /api/v1/compliance/overview  median {:>9.2} ms  (HTTP, 50 runs)",
        overview.as_secs_f64() * 1e3
    );
    println!(
        "  full-scan COUNT(*) GROUP BY      median {:>9.2} ms  (SQL only, 5 runs)",
        scan.as_secs_f64() * 1e3
    );
    println!(
        "  ratio                            {:>16.3}x  (goal <= 0.1x)",
        overview.as_secs_f64() / scan.as_secs_f64()
    );
    println!("\nRecord list (GET /api/v1/records, 50 per page, HTTP, median of 11)");
    for (what, latency) in lists {
        println!("  {what:<24} {:>9.2} ms", latency.as_secs_f64() * 1e3);
    }
}

/// A new, empty PostgreSQL database `name` on `server` (dropped first when left by an
/// earlier run): its URL.
async fn postgres_database(server: &str, name: &str) -> String {
    use sqlx::{Connection, Executor};
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

/// Rows per second of PostgreSQL's own `COPY` (through psql's `\copy`) of the CSV file into
/// a plain table of the same database.
async fn postgres_copy(url: &str, csv: &std::path::Path, records: usize) -> f64 {
    let psql = ["/usr/lib/postgresql/15/bin/psql", "psql"]
        .into_iter()
        .find(|p| !p.starts_with('/') || std::path::Path::new(p).exists())
        .unwrap_or("psql");
    let run = |command: String| {
        let output = std::process::Command::new(psql)
            .args([url, "-v", "ON_ERROR_STOP=1", "-c", &command])
            .output()
            .expect("psql runs");
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    };
    run(
        "CREATE TABLE plain (first_name text, last_name text, email text, company text, \
         country text)"
            .into(),
    );
    let started = Instant::now();
    run(format!(
        "\\copy plain FROM '{}' WITH (FORMAT csv, HEADER true)",
        csv.display()
    ));
    records as f64 / started.elapsed().as_secs_f64()
}

/// The benchmark's own connections to the database, beside the server's.
enum Pool {
    Sqlite(sqlx::SqlitePool),
    Postgres(sqlx::PgPool),
}

impl Pool {
    async fn open(url: &str) -> Pool {
        if url.starts_with("sqlite:") {
            Pool::Sqlite(sqlx::SqlitePool::connect(url).await.expect("pool"))
        } else {
            Pool::Postgres(sqlx::PgPool::connect(url).await.expect("pool"))
        }
    }

    /// Every record of the organisation counted by a full scan grouped as the Overview
    /// groups them (SQL only).
    async fn full_scan(&self, organisation: consentry_model::OrganisationId) -> i64 {
        let rows: Vec<(i64,)> = match self {
            Pool::Sqlite(pool) => sqlx::query_as(
                "SELECT COUNT(*) FROM records
                 WHERE organisation_id = ?1 GROUP BY module_id, legal_basis, consent_status",
            )
            .bind(organisation.0)
            .fetch_all(pool)
            .await
            .expect("scan"),
            Pool::Postgres(pool) => sqlx::query_as(
                "SELECT COUNT(*) FROM records
                 WHERE organisation_id = $1 GROUP BY module_id, legal_basis, consent_status",
            )
            .bind(organisation.0)
            .fetch_all(pool)
            .await
            .expect("scan"),
        };
        rows.iter().map(|r| r.0).sum()
    }
}
