//! Encryption at rest on PostgreSQL: a field's values sealed, re-sealed under a new key and
//! opened again by the jobs, each job run by the one instance that claimed it.

mod common;

use std::collections::HashMap;

use chrono::{TimeDelta, Utc};
use common::Scratch;
use consentry_model::{
    EncryptionJobId, FieldId, ModuleId, OrganisationId,
    audit::AuditAction,
    encryption::{EncryptionJob, JobKind, JobStatus},
};
use consentry_store::{
    AuditNote, EncryptionStore, InstanceStore, StoreError,
    crypto::{Keyring, SEALED, field_aad, is_sealed, key_of},
    vault::keyring,
};
use consentry_store_postgres::PostgresStore;
use futures::future::join_all;
use uuid::Uuid;

/// An organisation's module with its standard fields, a custom text field `nickname`, and
/// `n` records: their ids with their (last name, e-mail address, nickname).
struct Subjects {
    organisation: OrganisationId,
    module: ModuleId,
    fields: HashMap<String, FieldId>,
    records: Vec<(Uuid, [String; 3])>,
}

async fn subjects(db: &Scratch, n: usize) -> Subjects {
    let (organisation, module) = (Uuid::now_v7(), Uuid::now_v7());
    sqlx::query(
        "INSERT INTO organisations (id, name, slug, created_at) VALUES ($1, 'Acme', $2, now())",
    )
    .bind(organisation)
    .bind(format!("acme-{}", organisation.simple()))
    .execute(&db.pool)
    .await
    .expect("organisation");
    sqlx::query(
        "INSERT INTO modules (id, organisation_id, key, name, builtin, created_at)
         VALUES ($1, $2, 'leads', 'Leads', true, now())",
    )
    .bind(module)
    .bind(organisation)
    .execute(&db.pool)
    .await
    .expect("module");
    sqlx::query(
        "INSERT INTO module_fields (id, organisation_id, module_id, key, label, kind, standard,
             personal, position, created_at)
         VALUES ($1, $2, $3, 'nickname', 'Nickname', 'text', false, 'normal', 7, now())",
    )
    .bind(Uuid::now_v7())
    .bind(organisation)
    .bind(module)
    .execute(&db.pool)
    .await
    .expect("custom field");
    let fields: Vec<(String, Uuid)> =
        sqlx::query_as("SELECT key, id FROM module_fields WHERE module_id = $1")
            .bind(module)
            .fetch_all(&db.pool)
            .await
            .expect("fields");
    let mut records = Vec::new();
    for i in 0..n {
        let id = Uuid::now_v7();
        let values = [
            format!("Quaquarelli-{i}"),
            format!("zwaan.{i}@example.nl"),
            format!("Zwaantje {i}"),
        ];
        sqlx::query(
            "INSERT INTO records (organisation_id, id, module_id, first_name, last_name, email,
                 custom, created_at, created_through, created_by, updated_at, updated_through,
                 updated_by)
             VALUES ($1, $2, $3, 'Zwaantje', $4, $5, jsonb_build_object('nickname', $6::text,
                     'score', 7), now(), 'manual', 'Ada', now(), 'manual', 'Ada')",
        )
        .bind(organisation)
        .bind(id)
        .bind(module)
        .bind(&values[0])
        .bind(&values[1])
        .bind(&values[2])
        .execute(&db.pool)
        .await
        .expect("record");
        records.push((id, values));
    }
    Subjects {
        organisation: OrganisationId(organisation),
        module: ModuleId(module),
        fields: fields
            .into_iter()
            .map(|(key, id)| (key, FieldId(id)))
            .collect(),
        records,
    }
}

fn note() -> AuditNote {
    AuditNote {
        actor: "Ada".into(),
        action: AuditAction::FieldEncryptionChanged,
        subject: None,
        before: None,
        after: None,
    }
}

/// The keys as the database holds them now.
async fn ring(db: &Scratch) -> Keyring {
    let rows: Vec<(i64, String, Vec<u8>)> =
        sqlx::query_as("SELECT id, purpose, wrapped FROM data_keys ORDER BY id")
            .fetch_all(&db.pool)
            .await
            .expect("keys");
    keyring(&common::master(), rows).expect("the master key opens them")
}

/// A record's values as stored: last name, e-mail address, its blind index, nickname.
type Stored = (
    Option<String>,
    Option<String>,
    Option<Vec<u8>>,
    Option<String>,
);

async fn stored(db: &Scratch, record: Uuid) -> Stored {
    sqlx::query_as(
        "SELECT last_name, email, email_index, custom ->> 'nickname' FROM records WHERE id = $1",
    )
    .bind(record)
    .fetch_one(&db.pool)
    .await
    .expect("the record")
}

/// A stored value opened with the keys the database holds (plain values as they are).
fn open(ring: &Keyring, record: Uuid, field: FieldId, value: &str) -> String {
    if is_sealed(value) {
        ring.open(value, &field_aad(record, field.0))
            .expect("it opens")
    } else {
        value.to_owned()
    }
}

/// Runs a claimed job in batches of 3 to its end, as the worker does; the batches it took.
async fn run(store: &PostgresStore, job: EncryptionJobId) -> usize {
    let mut after = None;
    let mut batches = 0;
    while let Some(last) = store
        .run_encryption_batch(job, after, 3)
        .await
        .expect("a batch")
    {
        after = Some(last);
        batches += 1;
    }
    store.finish_encryption_job(job).await.expect("finished");
    batches
}

async fn job(store: &PostgresStore, id: EncryptionJobId) -> EncryptionJob {
    store.encryption_job(id).await.expect("job").expect("there")
}

#[tokio::test]
async fn values_are_sealed_resealed_under_a_new_key_and_opened_again() {
    let db = Scratch::new().await;
    let (one, two) = (db.store().await, db.store().await);
    let s = subjects(&db, 7).await;
    let email = s.fields["email"];
    let nickname = s.fields["nickname"];

    let encrypting = one
        .set_field_encryption(s.organisation, s.module, email, true, note())
        .await
        .expect("switched")
        .expect("the field");
    assert_eq!(
        (encrypting.kind, encrypting.status),
        (JobKind::Encrypt, JobStatus::Pending)
    );
    let again = two
        .set_field_encryption(s.organisation, s.module, email, false, note())
        .await;
    assert!(
        matches!(again, Err(StoreError::Conflict("encryption.busy"))),
        "{again:?}"
    );
    assert_eq!(
        two.next_encryption_job().await.expect("next").map(|j| j.id),
        Some(encrypting.id)
    );

    // Workers on both instances start it at once: one has it.
    let started = join_all((0..8_usize).map(|n| {
        let store = if n.is_multiple_of(2) { &one } else { &two };
        store.start_encryption_job(encrypting.id)
    }))
    .await;
    let won: Vec<usize> = started
        .into_iter()
        .enumerate()
        .filter_map(|(n, s)| s.expect("start").then_some(n))
        .collect();
    assert_eq!(won.len(), 1, "{won:?}");
    let (runner, other) = if won[0].is_multiple_of(2) {
        (&one, &two)
    } else {
        (&two, &one)
    };
    assert!(one.next_encryption_job().await.expect("next").is_none());
    // The other instance cannot go on with a job it does not run, nor end it.
    assert_eq!(
        other
            .run_encryption_batch(encrypting.id, None, 3)
            .await
            .expect("batch"),
        None
    );
    other
        .fail_encryption_job(encrypting.id, "not mine")
        .await
        .expect("fail");
    assert_eq!(job(runner, encrypting.id).await.status, JobStatus::Running);
    assert_eq!(run(runner, encrypting.id).await, 3);
    let done = job(other, encrypting.id).await;
    assert_eq!(done.status, JobStatus::Finished);
    assert_eq!((done.done, done.total), (7, 7));

    let keys = ring(&db).await;
    let first_key = keys.current();
    for (record, [last_name, address, nick]) in &s.records {
        let (stored_last, stored_email, index, stored_nick) = stored(&db, *record).await;
        assert_eq!(stored_last.as_ref(), Some(last_name), "not encrypted");
        assert_eq!(stored_nick.as_ref(), Some(nick), "not encrypted");
        let sealed = stored_email.expect("an address");
        assert!(
            sealed.starts_with(&format!("{SEALED}{first_key}.")),
            "{sealed:?}"
        );
        assert_eq!(&open(&keys, *record, email, &sealed), address);
        assert_eq!(
            index,
            Some(keys.blind_index(s.organisation.0, address)),
            "found by its blind index"
        );
    }

    // A custom field, its job taken by the next worker to look.
    let custom = two
        .set_field_encryption(s.organisation, s.module, nickname, true, note())
        .await
        .expect("switched")
        .expect("the field");
    let next = one
        .next_encryption_job()
        .await
        .expect("next")
        .expect("a job");
    assert_eq!(next.id, custom.id);
    assert!(one.start_encryption_job(next.id).await.expect("start"));
    run(&one, next.id).await;
    for (record, [_, _, nick]) in &s.records {
        let sealed = stored(&db, *record).await.3.expect("a nickname");
        assert!(is_sealed(&sealed), "{sealed:?}");
        assert_eq!(&open(&keys, *record, nickname, &sealed), nick);
    }
    let (score,): (serde_json::Value,) =
        sqlx::query_as("SELECT custom -> 'score' FROM records WHERE id = $1")
            .bind(s.records[0].0)
            .fetch_one(&db.pool)
            .await
            .expect("score");
    assert_eq!(score, serde_json::json!(7), "a plain custom value stays");

    // A new key: every sealed value moves to it and the old one is retired.
    let rotation = two
        .rotate_key("consentry rotate-key")
        .await
        .expect("rotated");
    assert_eq!(rotation.kind, JobKind::Rotate);
    let status = one.encryption_status(s.organisation).await.expect("status");
    let current: Vec<u32> = status
        .keys
        .iter()
        .filter(|k| k.current)
        .map(|k| k.id)
        .collect();
    assert_eq!(current.len(), 1);
    assert_ne!(current[0], first_key);
    assert!(status.jobs.iter().any(|j| j.id == rotation.id));
    assert!(one.start_encryption_job(rotation.id).await.expect("start"));
    run(&one, rotation.id).await;
    let rotated = job(&two, rotation.id).await;
    assert_eq!(rotated.status, JobStatus::Finished);
    assert_eq!(
        rotated.detail.as_deref(),
        Some(format!("retired key {first_key}").as_str())
    );
    let keys = ring(&db).await;
    assert_eq!(keys.current(), current[0]);
    for (record, [_, address, nick]) in &s.records {
        let (_, stored_email, _, stored_nick) = stored(&db, *record).await;
        let (sealed_email, sealed_nick) =
            (stored_email.expect("email"), stored_nick.expect("nick"));
        assert_eq!(key_of(&sealed_email), Some(current[0]));
        assert_eq!(key_of(&sealed_nick), Some(current[0]));
        // Only the keys left in the database open them.
        assert_eq!(&open(&keys, *record, email, &sealed_email), address);
        assert_eq!(&open(&keys, *record, nickname, &sealed_nick), nick);
    }

    // Back to plain.
    let decrypting = two
        .set_field_encryption(s.organisation, s.module, email, false, note())
        .await
        .expect("switched")
        .expect("the field");
    assert!(
        two.start_encryption_job(decrypting.id)
            .await
            .expect("start")
    );
    run(&two, decrypting.id).await;
    for (record, [_, address, _]) in &s.records {
        let (_, stored_email, index, _) = stored(&db, *record).await;
        assert_eq!(stored_email.as_ref(), Some(address));
        assert_eq!(index, None);
    }
    let unchanged = one
        .set_field_encryption(s.organisation, s.module, email, false, note())
        .await;
    assert!(
        matches!(unchanged, Err(StoreError::Conflict("encryption.unchanged"))),
        "{unchanged:?}"
    );
    let (state,): (String,) = sqlx::query_as("SELECT encryption FROM module_fields WHERE id = $1")
        .bind(email.0)
        .fetch_one(&db.pool)
        .await
        .expect("field");
    assert_eq!(state, "off");
    let (entries,): (i64,) = sqlx::query_as(
        "SELECT count(*) FROM audit_log
         WHERE organisation_id = $1 AND action = 'field.encryption_changed'",
    )
    .bind(s.organisation.0)
    .fetch_one(&db.pool)
    .await
    .expect("entries");
    assert_eq!(entries, 3);
    db.drop_database().await;
}

#[tokio::test]
async fn a_running_job_goes_back_in_the_queue_only_when_its_instance_stopped() {
    let db = Scratch::new().await;
    let (one, two) = (db.store().await, db.store().await);
    let s = subjects(&db, 4).await;
    let switched = one
        .set_field_encryption(s.organisation, s.module, s.fields["phone"], true, note())
        .await
        .expect("switched")
        .expect("the field");
    one.keep_alive(Utc::now() + TimeDelta::minutes(1))
        .await
        .expect("alive");
    assert!(one.start_encryption_job(switched.id).await.expect("start"));
    assert!(
        one.run_encryption_batch(switched.id, None, 3)
            .await
            .expect("batch")
            .is_some()
    );
    // A second server starting beside it leaves it running.
    assert_eq!(two.requeue_encryption_jobs().await.expect("requeue"), 0);
    assert_eq!(job(&two, switched.id).await.status, JobStatus::Running);

    // Once the first stopped, the second takes it up from the start.
    one.retire().await.expect("retired");
    assert_eq!(two.requeue_encryption_jobs().await.expect("requeue"), 1);
    assert_eq!(job(&two, switched.id).await.status, JobStatus::Pending);
    assert!(two.start_encryption_job(switched.id).await.expect("start"));
    // The first, back from a pause, finds the job is no longer its own.
    assert_eq!(
        one.run_encryption_batch(switched.id, None, 3)
            .await
            .expect("batch"),
        None
    );
    one.finish_encryption_job(switched.id)
        .await
        .expect("finish");
    assert_eq!(job(&two, switched.id).await.status, JobStatus::Running);
    run(&two, switched.id).await;
    let done = job(&one, switched.id).await;
    assert_eq!(done.status, JobStatus::Finished);
    assert_eq!((done.done, done.total), (4, 4), "counted once");
    db.drop_database().await;
}

#[tokio::test]
async fn a_change_written_while_a_batch_reseals_its_record_is_kept() {
    let db = Scratch::new().await;
    let store = db.store().await;
    let s = subjects(&db, 2).await;
    let email = s.fields["email"];
    let switched = store
        .set_field_encryption(s.organisation, s.module, email, true, note())
        .await
        .expect("switched")
        .expect("the field");
    assert!(
        store
            .start_encryption_job(switched.id)
            .await
            .expect("start")
    );
    let record = s.records[0].0;

    // Another instance is changing the record, its transaction still open.
    let mut writer = db.pool.begin().await.expect("begin");
    sqlx::query("UPDATE records SET last_name = 'Changed meanwhile' WHERE id = $1")
        .bind(record)
        .execute(&mut *writer)
        .await
        .expect("update");
    let batch = tokio::spawn({
        let store = store.clone();
        async move { store.run_encryption_batch(switched.id, None, 10).await }
    });
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert!(!batch.is_finished(), "the batch waits for the record");
    writer.commit().await.expect("commit");
    batch.await.expect("joined").expect("batch");

    let (last_name, sealed, _, _) = stored(&db, record).await;
    assert_eq!(last_name.as_deref(), Some("Changed meanwhile"));
    let sealed = sealed.expect("an address");
    assert!(is_sealed(&sealed), "{sealed:?}");
    assert_eq!(
        open(&ring(&db).await, record, email, &sealed),
        s.records[0].1[1]
    );
    db.drop_database().await;
}
