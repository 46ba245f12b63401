//! What the PostgreSQL schema guarantees by itself, whatever code writes to it: evidence is
//! append-only, published form versions never change, the audit trail changes only while its
//! chain is rebuilt and its heads follow every append, and the Overview's counters follow the
//! records. Each test runs on a database of its own in the server that
//! `CONSENTRY_TEST_POSTGRES_URL` names (`scripts/test.sh` provides one).

mod common;

use chrono::{TimeZone, Utc};
use common::Scratch;
use sqlx::{Executor, PgPool};
use uuid::Uuid;

/// An organisation with one module; returns their ids.
async fn organisation(pool: &PgPool) -> (Uuid, Uuid) {
    let (organisation, module) = (Uuid::now_v7(), Uuid::now_v7());
    sqlx::query(
        "INSERT INTO organisations (id, name, slug, created_at) VALUES ($1, 'Acme', $2, now())",
    )
    .bind(organisation)
    .bind(format!("acme-{}", organisation.simple()))
    .execute(pool)
    .await
    .expect("organisation");
    sqlx::query(
        "INSERT INTO modules (id, organisation_id, key, name, builtin, created_at)
         VALUES ($1, $2, 'leads', 'Leads', true, now())",
    )
    .bind(module)
    .bind(organisation)
    .execute(pool)
    .await
    .expect("module");
    (organisation, module)
}

/// The message of the error a statement ended in, asserting it was the schema's refusal.
async fn refused(pool: &PgPool, sql: &str) -> String {
    match pool.execute(sql).await {
        Ok(done) => panic!("{sql}: allowed ({} rows)", done.rows_affected()),
        Err(sqlx::Error::Database(e)) => {
            assert_eq!(e.code().as_deref(), Some("23001"), "{sql}: {e}");
            e.message().to_owned()
        }
        Err(e) => panic!("{sql}: {e}"),
    }
}

#[tokio::test]
async fn the_migrations_apply_to_an_empty_database_and_again_change_nothing() {
    let db = Scratch::new().await;
    consentry_store_postgres::MIGRATOR
        .run(&db.pool)
        .await
        .expect("a second run");
    let (tables,): (i64,) = sqlx::query_as(
        "SELECT count(*) FROM information_schema.tables
         WHERE table_schema = 'public' AND table_name <> '_sqlx_migrations'",
    )
    .fetch_one(&db.pool)
    .await
    .expect("tables");
    // Every table of the SQLite backend but `audit_rechain` (no trail here is ever hashed
    // anew), and the abuse limits' counts (kept in memory there).
    assert_eq!(
        tables, 47,
        "every table of the SQLite backend but audit_rechain, and attempt_counts"
    );
    db.drop_database().await;
}

#[tokio::test]
async fn a_module_starts_with_the_standard_fields() {
    let db = Scratch::new().await;
    let (_, module) = organisation(&db.pool).await;
    let keys: Vec<(String,)> =
        sqlx::query_as("SELECT key FROM module_fields WHERE module_id = $1 ORDER BY position")
            .bind(module)
            .fetch_all(&db.pool)
            .await
            .expect("fields");
    let keys: Vec<&str> = keys.iter().map(|(k,)| k.as_str()).collect();
    assert_eq!(
        keys,
        [
            "first_name",
            "last_name",
            "email",
            "phone",
            "company",
            "country"
        ]
    );
    db.drop_database().await;
}

#[tokio::test]
async fn consent_and_privacy_events_are_append_only_except_of_an_erased_record() {
    let db = Scratch::new().await;
    let (organisation, _) = organisation(&db.pool).await;
    let record = Uuid::now_v7();
    sqlx::query(
        "INSERT INTO consent_events (organisation_id, id, record_id, form_id, form_version,
             text_hash, lang, decision, choices, at)
         VALUES ($1, $2, $3, $4, 1, 'ab', 'en', 'granted', '{\"granted\": [\"news\"]}', now())",
    )
    .bind(organisation)
    .bind(Uuid::now_v7())
    .bind(record)
    .bind(Uuid::now_v7())
    .execute(&db.pool)
    .await
    .expect("event");
    sqlx::query(
        "INSERT INTO privacy_events (organisation_id, record_id, at, actor, source, after_basis)
         VALUES ($1, $2, now(), 'Ada', 'manual', 'consent')",
    )
    .bind(organisation)
    .bind(record)
    .execute(&db.pool)
    .await
    .expect("event");
    for table in ["consent_events", "privacy_events"] {
        let message = refused(&db.pool, &format!("UPDATE {table} SET at = now()")).await;
        assert!(message.contains("append-only"), "{message}");
        refused(&db.pool, &format!("DELETE FROM {table}")).await;
        refused(&db.pool, &format!("TRUNCATE {table}")).await;
    }
    // Once the record is erased, its events go with it.
    sqlx::query(
        "INSERT INTO erased_records (organisation_id, record_id, request_id, erased_at)
         VALUES ($1, $2, $3, now())",
    )
    .bind(organisation)
    .bind(record)
    .bind(Uuid::now_v7())
    .execute(&db.pool)
    .await
    .expect("erased");
    for table in ["consent_events", "privacy_events"] {
        let deleted = db
            .pool
            .execute(format!("DELETE FROM {table}").as_str())
            .await
            .expect("an erased record's events");
        assert_eq!(deleted.rows_affected(), 1, "{table}");
    }
    db.drop_database().await;
}

#[tokio::test]
async fn a_published_form_version_and_its_exact_text_never_change() {
    let db = Scratch::new().await;
    let (organisation, _) = organisation(&db.pool).await;
    let form = Uuid::now_v7();
    // Spaces and key order as published: the text hash is over these bytes.
    let design = r#"{ "b": 1,  "a": [2, 1] }"#;
    sqlx::query(
        "INSERT INTO consent_forms (organisation_id, id, name, slug, draft, created_at, updated_at)
         VALUES ($1, $2, 'Newsletter', 'newsletter', $3::json, now(), now())",
    )
    .bind(organisation)
    .bind(form)
    .bind(design)
    .execute(&db.pool)
    .await
    .expect("form");
    sqlx::query(
        "INSERT INTO form_versions (organisation_id, form_id, version, design, text_hash,
             published_at, published_by)
         VALUES ($1, $2, 1, $3::json, 'ab', now(), 'Ada')",
    )
    .bind(organisation)
    .bind(form)
    .bind(design)
    .execute(&db.pool)
    .await
    .expect("version");
    let (kept,): (String,) = sqlx::query_as("SELECT design::text FROM form_versions")
        .fetch_one(&db.pool)
        .await
        .expect("read");
    assert_eq!(kept, design);
    refused(&db.pool, "UPDATE form_versions SET text_hash = 'cd'").await;
    refused(&db.pool, "DELETE FROM form_versions").await;
    refused(&db.pool, "TRUNCATE form_versions CASCADE").await;
    db.drop_database().await;
}

#[tokio::test]
async fn the_audit_trail_never_changes_and_its_head_follows_every_append() {
    let db = Scratch::new().await;
    let (organisation, _) = organisation(&db.pool).await;
    for seq in 1..=3_i64 {
        sqlx::query(
            "INSERT INTO audit_log (organisation_id, seq, at, actor, action, prev_hash, hash)
             VALUES ($1, $2, $3, 'Ada', 'record.created', $4, $5)",
        )
        .bind(organisation)
        .bind(seq)
        .bind(Utc.timestamp_millis_opt(1_700_000_000_000 + seq).unwrap())
        .bind(vec![seq as u8 - 1; 32])
        .bind(vec![seq as u8; 32])
        .execute(&db.pool)
        .await
        .expect("entry");
    }
    let head: (i64, Vec<u8>) =
        sqlx::query_as("SELECT seq, hash FROM audit_heads WHERE organisation_id = $1")
            .bind(organisation)
            .fetch_one(&db.pool)
            .await
            .expect("head");
    assert_eq!(head, (3, vec![3; 32]));
    refused(&db.pool, "UPDATE audit_log SET actor = 'Eve'").await;
    refused(&db.pool, "DELETE FROM audit_log WHERE seq = 3").await;
    refused(&db.pool, "TRUNCATE audit_log").await;
    // No request to hash the trail anew opens it: there is no such request here.
    let (asks,): (bool,) = sqlx::query_as("SELECT to_regclass('audit_rechain') IS NOT NULL")
        .fetch_one(&db.pool)
        .await
        .expect("regclass");
    assert!(!asks, "audit_rechain exists");
    db.drop_database().await;
}

#[tokio::test]
async fn the_overview_counters_follow_every_record_change() {
    let db = Scratch::new().await;
    let (organisation, module) = organisation(&db.pool).await;
    let insert = |id: Uuid, basis: Option<&'static str>, status: Option<&'static str>| {
        sqlx::query(
            "INSERT INTO records (organisation_id, id, module_id, legal_basis, consent_status,
                 created_at, created_through, created_by, updated_at, updated_through, updated_by)
             VALUES ($1, $2, $3, $4, $5, now(), 'manual', 'Ada', now(), 'manual', 'Ada')",
        )
        .bind(organisation)
        .bind(id)
        .bind(module)
        .bind(basis)
        .bind(status)
    };
    let (a, b, c) = (Uuid::now_v7(), Uuid::now_v7(), Uuid::now_v7());
    insert(a, Some("consent"), Some("waiting"))
        .execute(&db.pool)
        .await
        .expect("a");
    insert(b, Some("consent"), Some("waiting"))
        .execute(&db.pool)
        .await
        .expect("b");
    insert(c, None, None).execute(&db.pool).await.expect("c");
    // A consent status exists exactly while the basis is Consent.
    match insert(Uuid::now_v7(), None, Some("waiting"))
        .execute(&db.pool)
        .await
    {
        Err(sqlx::Error::Database(e)) => assert_eq!(e.code().as_deref(), Some("23514")),
        other => panic!("a status without a basis: {other:?}"),
    }
    sqlx::query("UPDATE records SET consent_status = 'obtained' WHERE id = $1")
        .bind(a)
        .execute(&db.pool)
        .await
        .expect("answered");
    sqlx::query("UPDATE records SET legal_basis = 'contract', consent_status = NULL WHERE id = $1")
        .bind(b)
        .execute(&db.pool)
        .await
        .expect("basis changed");
    sqlx::query("UPDATE records SET legal_basis = 'not_applicable' WHERE id = $1")
        .bind(c)
        .execute(&db.pool)
        .await
        .expect("compliance turned on");
    let counts: Vec<(String, String, i64)> = sqlx::query_as(
        "SELECT legal_basis, consent_status, n FROM privacy_counts
         WHERE organisation_id = $1 AND n > 0 ORDER BY legal_basis, consent_status",
    )
    .bind(organisation)
    .fetch_all(&db.pool)
    .await
    .expect("counts");
    let expected = [
        ("consent", "obtained", 1),
        ("contract", "", 1),
        ("not_applicable", "", 1),
    ];
    assert_eq!(
        counts,
        expected.map(|(b, s, n)| (b.to_owned(), s.to_owned(), n))
    );
    sqlx::query("DELETE FROM records WHERE id = $1")
        .bind(a)
        .execute(&db.pool)
        .await
        .expect("erased");
    let (obtained,): (i64,) = sqlx::query_as(
        "SELECT n FROM privacy_counts WHERE organisation_id = $1 AND consent_status = 'obtained'",
    )
    .bind(organisation)
    .fetch_one(&db.pool)
    .await
    .expect("count");
    assert_eq!(obtained, 0);
    db.drop_database().await;
}

#[tokio::test]
async fn every_time_column_refuses_a_time_no_calendar_holds() {
    let db = Scratch::new().await;
    // A column is guarded when a check constraint of its table names it and the bounds.
    let unguarded: Vec<(String, String)> = sqlx::query_as(
        r"SELECT c.table_name::text, c.column_name::text
         FROM information_schema.columns c
         JOIN information_schema.tables t
           ON t.table_schema = c.table_schema AND t.table_name = c.table_name
         WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
           AND c.data_type = 'timestamp with time zone'
           AND NOT EXISTS (
               SELECT 1 FROM pg_constraint k
               WHERE k.conrelid = (quote_ident(c.table_name))::regclass AND k.contype = 'c'
                 AND pg_get_constraintdef(k.oid) ~ ('\(' || c.column_name || ' > ''-infinity'''))
         ORDER BY 1, 2",
    )
    .fetch_all(&db.pool)
    .await
    .expect("columns");
    assert!(
        unguarded.is_empty(),
        "time columns without a check: {unguarded:?}"
    );

    let (organisation, _) = organisation(&db.pool).await;
    for time in ["infinity", "-infinity", "294276-01-01Z"] {
        let sql =
            format!("UPDATE organisations SET created_at = '{time}' WHERE id = '{organisation}'");
        match db.pool.execute(sql.as_str()).await {
            Err(sqlx::Error::Database(e)) => {
                assert_eq!(e.code().as_deref(), Some("23514"), "{sql}: {e}")
            }
            other => panic!("{sql}: {other:?}"),
        }
    }
    db.drop_database().await;
}

#[tokio::test]
async fn the_changes_move_from_utc_days_to_quarter_hours_keeping_every_days_total() {
    let db = Scratch::new().await;
    let (organisation, _) = organisation(&db.pool).await;
    // Back to before the quarters: the per-day table and its trigger as they were.
    db.pool
        .execute(
            "DROP TRIGGER privacy_event_quarters_insert ON privacy_events;
             DROP FUNCTION privacy_event_quarters_count();
             DROP TABLE privacy_event_quarters;
             DELETE FROM _sqlx_migrations WHERE version = 17;
             CREATE TABLE privacy_event_days (
                 organisation_id uuid NOT NULL, day date NOT NULL, n bigint NOT NULL,
                 PRIMARY KEY (organisation_id, day));
             CREATE FUNCTION privacy_event_days_count() RETURNS trigger LANGUAGE plpgsql AS $$
             BEGIN
                 INSERT INTO privacy_event_days (organisation_id, day, n)
                 SELECT organisation_id, (at AT TIME ZONE 'UTC')::date, count(*) FROM new_rows
                 WHERE before_basis IS DISTINCT FROM after_basis
                    OR before_status IS DISTINCT FROM after_status
                 GROUP BY 1, 2
                 ON CONFLICT (organisation_id, day) DO UPDATE SET n = privacy_event_days.n + excluded.n;
                 RETURN NULL;
             END;
             $$;
             CREATE TRIGGER privacy_event_days_insert AFTER INSERT ON privacy_events
                 REFERENCING NEW TABLE AS new_rows
                 FOR EACH STATEMENT EXECUTE FUNCTION privacy_event_days_count();",
        )
        .await
        .expect("back to days");
    let event = |at: &str, before: Option<&'static str>, after: &'static str| {
        sqlx::query(
            "INSERT INTO privacy_events (organisation_id, record_id, at, actor, source,
                 before_basis, after_basis)
             VALUES ($1, $2, $3::timestamptz, 'test', 'manual', $4, $5)",
        )
        .bind(organisation)
        .bind(Uuid::now_v7())
        .bind(at.to_owned())
        .bind(before)
        .bind(after)
    };
    for (at, before, after) in [
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
        event(at, before, after)
            .execute(&db.pool)
            .await
            .expect("event");
    }
    // Two more changes that day, of records erased since (their events are gone).
    sqlx::query("UPDATE privacy_event_days SET n = n + 2 WHERE organisation_id = $1")
        .bind(organisation)
        .execute(&db.pool)
        .await
        .expect("erased changes");

    consentry_store_postgres::MIGRATOR
        .run(&db.pool)
        .await
        .expect("the migration");
    let quarter = |at: &str| {
        chrono::DateTime::parse_from_rfc3339(at)
            .expect("time")
            .timestamp()
            / 900
    };
    let counted: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT quarter, n FROM privacy_event_quarters WHERE organisation_id = $1 ORDER BY quarter",
    )
    .bind(organisation)
    .fetch_all(&db.pool)
    .await
    .expect("quarters");
    assert_eq!(
        counted,
        [
            (quarter("2026-11-30T00:00:00Z"), 2),
            (quarter("2026-11-30T23:15:00Z"), 2)
        ]
    );
    // The trigger counts on, in the quarter of each change.
    event(
        "2026-11-30T23:59:59Z",
        Some("legitimate_interests"),
        "consent",
    )
    .execute(&db.pool)
    .await
    .expect("event");
    let (n,): (i64,) = sqlx::query_as(
        "SELECT n FROM privacy_event_quarters WHERE organisation_id = $1 AND quarter = $2",
    )
    .bind(organisation)
    .bind(quarter("2026-11-30T23:45:00Z"))
    .fetch_one(&db.pool)
    .await
    .expect("quarter");
    assert_eq!(n, 1);
    db.drop_database().await;
}
