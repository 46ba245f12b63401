//! Encryption-at-rest figures (default up to 1,000,000 records; set `BENCH_RECORDS` for
//! another size):
//!
//! - exact-match lookup latency of an encrypted e-mail address (through the blind index) at
//!   10,000 records and at the full size, in the same run (goal: ratio at most 2, i.e. an
//!   index, not a scan);
//! - throughput of the background job that encrypts an existing field (values/s).
//!
//! Run: `cargo bench -p consentry-server --bench encryption`. Prints figures; asserts nothing.

mod common;

use std::time::{Duration, Instant};

use chrono::Utc;
use consentry_model::{
    Email,
    records::{DataSource, RecordFields, RecordFilter, RecordSort, SourceKind},
};
use consentry_server::{
    domain,
    store::{AuditNote, RecordWrite, Store},
};

fn note() -> AuditNote {
    common::note(consentry_model::audit::AuditAction::FieldEncryptionChanged)
}

fn main() {
    let records: usize = std::env::var("BENCH_RECORDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    runtime.block_on(run(records.max(20_000)));
}

/// Adds records `from..to` (the e-mail sealed, with its blind index) in batches.
async fn fill(
    store: &dyn Store,
    organisation: consentry_model::OrganisationId,
    module: consentry_model::ModuleId,
    from: usize,
    to: usize,
) {
    let source = DataSource {
        through: SourceKind::Import,
        by: "bench".into(),
        detail: None,
        at: Utc::now(),
    };
    let mut i = from;
    while i < to {
        let end = (i + 10_000).min(to);
        let batch = (i..end)
            .map(|n| RecordWrite {
                module,
                fields: RecordFields {
                    first_name: Some(format!("First{n}")),
                    last_name: Some(format!("Last{n}")),
                    email: Some(Email::parse(&format!("person{n}@example.org")).expect("email")),
                    ..RecordFields::default()
                },
                privacy: None,
                change: None,
                source: source.clone(),
            })
            .collect();
        store
            .insert_records(organisation, batch)
            .await
            .expect("insert");
        i = end;
    }
}

/// Median and p99 of finding one of the first `known` records by exact address.
async fn lookups(
    store: &dyn Store,
    organisation: consentry_model::OrganisationId,
    known: usize,
) -> (Duration, Duration) {
    let mut samples = Vec::new();
    for k in 0..500usize {
        let n = (k * 7919) % known;
        let filter = RecordFilter {
            q: Some(format!("PERSON{n}@example.org")),
            ..RecordFilter::default()
        };
        let started = Instant::now();
        let found = store
            .records(organisation, &filter, RecordSort::Newest, None, 50)
            .await
            .expect("lookup");
        samples.push(started.elapsed());
        assert_eq!(found.len(), 1, "person{n} is found by its blind index");
    }
    (
        common::percentile(&mut samples, 0.5),
        common::percentile(&mut samples, 0.99),
    )
}

async fn run(records: usize) {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("bench.db");
    let (store, organisation) = common::tenant(&db, "bench").await;
    let leads = store
        .modules(organisation)
        .await
        .expect("modules")
        .into_iter()
        .find(|m| m.key == "leads")
        .expect("leads")
        .id;
    let fields = store
        .fields(organisation, leads)
        .await
        .expect("fields")
        .expect("leads");
    let field = |key: &str| fields.iter().find(|f| f.key == key).expect("field").id;
    // E-mail encrypted from the start (an empty job).
    let job = store
        .set_field_encryption(organisation, leads, field("email"), true, note())
        .await
        .expect("switch")
        .expect("job");
    domain::encryption::run_job(store.as_ref(), &job)
        .await
        .expect("job");

    println!("\nEncryption benchmark: e-mail encrypted, up to {records} records");
    fill(store.as_ref(), organisation, leads, 0, 10_000).await;
    store.refresh_statistics().await.expect("analyse");
    let (small_p50, small_p99) = lookups(store.as_ref(), organisation, 10_000).await;
    println!(
        "  exact e-mail lookup at     10,000 records: median {:>7.3} ms, p99 {:>7.3} ms",
        small_p50.as_secs_f64() * 1e3,
        small_p99.as_secs_f64() * 1e3
    );

    let started = Instant::now();
    fill(store.as_ref(), organisation, leads, 10_000, records).await;
    let filled = started.elapsed();
    println!(
        "  inserted {} more records with sealed e-mail and blind index: {:.0} records/s",
        records - 10_000,
        (records - 10_000) as f64 / filled.as_secs_f64()
    );
    store.refresh_statistics().await.expect("analyse");
    let (large_p50, large_p99) = lookups(store.as_ref(), organisation, records).await;
    println!(
        "  exact e-mail lookup at {records:>10} records: median {:>7.3} ms, p99 {:>7.3} ms",
        large_p50.as_secs_f64() * 1e3,
        large_p99.as_secs_f64() * 1e3
    );
    println!(
        "  ratio (median, {records} / 10,000): {:.2} (goal ≤ 2)",
        large_p50.as_secs_f64() / small_p50.as_secs_f64()
    );

    // Encrypting an existing field: the background job over every record.
    let job = store
        .set_field_encryption(organisation, leads, field("last_name"), true, note())
        .await
        .expect("switch")
        .expect("job");
    let started = Instant::now();
    domain::encryption::run_job(store.as_ref(), &job)
        .await
        .expect("job");
    let took = started.elapsed();
    println!(
        "  encrypting Last name in {records} existing records: {:.1} s, {:.0} values/s",
        took.as_secs_f64(),
        records as f64 / took.as_secs_f64()
    );
}
