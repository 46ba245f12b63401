//! The Overview's changes are counted per quarter hour (every time zone's days start on one),
//! in place of the UTC days counted before: the migration fills the quarters from the events
//! and keeps the count of changes whose events were erased since, at the start of their day.

use chrono::{DateTime, Utc};
use consentry_model::OrganisationId;
use consentry_store::{RecordStore, crypto::MasterKey};
use consentry_store_sqlite::SqliteStore;
use sqlx::{ConnectOptions, Executor};

async fn open(dir: &std::path::Path) -> SqliteStore {
    let url = format!("sqlite://{}", dir.join("quarters.db").display());
    let master = MasterKey::load_or_create(&dir.join("consentry.key")).expect("key");
    SqliteStore::connect(&url, master)
        .await
        .expect("store opens")
}

fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text).expect("time").to_utc()
}

#[tokio::test]
async fn the_migration_counts_each_change_in_its_quarter_and_keeps_every_days_total() {
    let dir = tempfile::tempdir().expect("temp dir");
    drop(open(dir.path()).await);
    let organisation = OrganisationId(uuid::Uuid::now_v7());

    // A database from before the quarters: the per-day table and its trigger as they were,
    // three changes (one of them a note that changes nothing), and a day that counted two
    // more changes whose events were erased since.
    {
        let mut raw = sqlx::sqlite::SqliteConnectOptions::new()
            .filename(dir.path().join("quarters.db"))
            .connect()
            .await
            .expect("raw");
        raw.execute(
            "DROP TRIGGER privacy_event_quarters_insert;
             DROP TABLE privacy_event_quarters;
             DELETE FROM _sqlx_migrations WHERE version = 49;
             CREATE TABLE privacy_event_days (
                 organisation_id BLOB NOT NULL, day TEXT NOT NULL, n INTEGER NOT NULL,
                 PRIMARY KEY (organisation_id, day)) WITHOUT ROWID;
             CREATE TRIGGER privacy_event_days_insert AFTER INSERT ON privacy_events
             WHEN NEW.before_basis IS NOT NEW.after_basis OR NEW.before_status IS NOT NEW.after_status
             BEGIN
                 INSERT INTO privacy_event_days VALUES (NEW.organisation_id, date(NEW.at / 1000, 'unixepoch'), 1)
                 ON CONFLICT DO UPDATE SET n = n + 1;
             END;",
        )
        .await
        .expect("back to days");
        for (when, before, after) in [
            ("2026-11-30T23:20:00Z", None, "consent"),
            (
                "2026-11-30T23:29:59Z",
                Some("consent"),
                "legitimate_interests",
            ),
            (
                "2026-11-30T23:40:00Z",
                Some("legitimate_interests"),
                "legitimate_interests",
            ),
        ] {
            sqlx::query(
                "INSERT INTO privacy_events (organisation_id, record_id, at, actor, source,
                     before_basis, after_basis)
                 VALUES (?1, ?2, ?3, 'test', 'manual', ?4, ?5)",
            )
            .bind(organisation.0)
            .bind(uuid::Uuid::now_v7())
            .bind(at(when).timestamp_millis())
            .bind(before)
            .bind(after)
            .execute(&mut raw)
            .await
            .expect("event");
        }
        sqlx::query("UPDATE privacy_event_days SET n = n + 2 WHERE day = '2026-11-30'")
            .execute(&mut raw)
            .await
            .expect("erased changes");
    }

    let store = open(dir.path()).await;
    let quarters = store
        .privacy_changes_per_quarter(organisation, at("2026-11-30T00:00:00Z"))
        .await
        .expect("quarters");
    assert_eq!(
        quarters,
        [
            // The erased changes at the start of their UTC day, the two changes in theirs.
            (at("2026-11-30T00:00:00Z"), 2),
            (at("2026-11-30T23:15:00Z"), 2),
        ]
    );

    // The trigger counts on: a change at 23:45 lands in its quarter, a note in none.
    let mut raw = sqlx::sqlite::SqliteConnectOptions::new()
        .filename(dir.path().join("quarters.db"))
        .connect()
        .await
        .expect("raw");
    for after in ["consent", "consent"] {
        sqlx::query(
            "INSERT INTO privacy_events (organisation_id, record_id, at, actor, source,
                 before_basis, after_basis)
             VALUES (?1, ?2, ?3, 'test', 'manual', 'legitimate_interests', ?4)",
        )
        .bind(organisation.0)
        .bind(uuid::Uuid::now_v7())
        .bind(at("2026-11-30T23:59:59Z").timestamp_millis())
        .bind(after)
        .execute(&mut raw)
        .await
        .expect("event");
    }
    let quarters = store
        .privacy_changes_per_quarter(organisation, at("2026-11-30T23:30:00Z"))
        .await
        .expect("quarters");
    assert_eq!(quarters, [(at("2026-11-30T23:45:00Z"), 2)]);
}
