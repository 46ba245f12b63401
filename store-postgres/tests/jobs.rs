//! Background jobs on PostgreSQL with several server instances on one database: a job is its
//! instance's, one whose instance died is ended by exactly one other, and its counts are
//! exactly what was written.

mod common;

use std::collections::BTreeMap;

use chrono::{SubsecRound, TimeDelta, Utc};
use common::Scratch;
use consentry_model::{
    Email, ModuleId, OrganisationId,
    audit::AuditAction,
    import::{ImportState, RowError},
    records::{DataSource, RecordFields, SourceKind},
};
use consentry_store::{
    AuditNote, ImportBatch, InstanceStore, JobKind, JobStore, NewJob, RecordWrite, StoreError,
};
use futures::future::join_all;
use uuid::Uuid;

async fn organisation(db: &Scratch) -> (OrganisationId, ModuleId) {
    let id = Uuid::now_v7();
    sqlx::query(
        "INSERT INTO organisations (id, name, slug, created_at) VALUES ($1, 'Acme', $2, now())",
    )
    .bind(id)
    .bind(format!("acme-{}", id.simple()))
    .execute(&db.pool)
    .await
    .expect("organisation");
    let module = Uuid::now_v7();
    sqlx::query(
        "INSERT INTO modules (id, organisation_id, key, name, builtin, created_at)
         VALUES ($1, $2, 'leads', 'Leads', true, now())",
    )
    .bind(module)
    .bind(id)
    .execute(&db.pool)
    .await
    .expect("module");
    (OrganisationId(id), ModuleId(module))
}

fn job(kind: JobKind, module: Option<ModuleId>) -> NewJob {
    NewJob {
        id: Uuid::now_v7(),
        kind,
        total: 100,
        file_name: module.map(|_| "leads.csv".into()),
        module,
        started_by: "ada@acme.org".into(),
        started_at: Utc::now(),
    }
}

fn note(action: AuditAction) -> AuditNote {
    AuditNote {
        actor: "system".into(),
        action,
        subject: None,
        before: None,
        after: None,
    }
}

async fn audit_entries(db: &Scratch, action: &str) -> i64 {
    let (n,): (i64,) = sqlx::query_as("SELECT count(*) FROM audit_log WHERE action = $1")
        .bind(action)
        .fetch_one(&db.pool)
        .await
        .expect("count");
    n
}

#[tokio::test]
async fn a_job_whose_instance_died_is_taken_over_by_exactly_one_other_instance() {
    let db = Scratch::new().await;
    let (runner, b, c) = (db.store().await, db.store().await, db.store().await);
    let (organisation, module) = organisation(&db).await;
    let now = Utc::now();
    runner
        .keep_alive(now + TimeDelta::seconds(30))
        .await
        .expect("lease");
    c.keep_alive(now + TimeDelta::seconds(30))
        .await
        .expect("lease");
    let import = job(JobKind::Import, Some(module));
    runner
        .start_job(organisation, import.clone())
        .await
        .expect("started");
    let (owner,): (Option<Uuid>,) = sqlx::query_as("SELECT instance_id FROM jobs")
        .fetch_one(&db.pool)
        .await
        .expect("job");
    assert_eq!(
        owner,
        Some(runner.instance()),
        "the instance that started it"
    );
    // Another instance's own job, alive: never orphaned.
    let bulk = job(JobKind::BulkSend, None);
    c.start_job(organisation, bulk.clone())
        .await
        .expect("started");

    assert!(b.orphaned_jobs(now).await.expect("read").is_empty());
    assert!(
        !b.interrupt_orphaned_job(
            organisation,
            import.id,
            now,
            note(AuditAction::JobInterrupted)
        )
        .await
        .expect("answered"),
        "its instance is alive"
    );

    runner.retire().await.expect("retired");
    let orphans = b.orphaned_jobs(now).await.expect("read");
    assert_eq!(
        orphans.iter().map(|j| j.id).collect::<Vec<_>>(),
        vec![import.id]
    );
    let takeovers = join_all((0..12).map(|n| {
        let store = if n % 2 == 0 { &b } else { &c };
        store.interrupt_orphaned_job(
            organisation,
            import.id,
            now,
            note(AuditAction::JobInterrupted),
        )
    }))
    .await;
    let won = takeovers.iter().filter(|t| matches!(t, Ok(true))).count();
    let lost = takeovers.iter().filter(|t| matches!(t, Ok(false))).count();
    assert_eq!((won, lost), (1, 11), "{takeovers:?}");
    assert_eq!(audit_entries(&db, "job.interrupted").await, 1);
    let ended = b
        .job(organisation, import.id)
        .await
        .expect("read")
        .expect("kept");
    assert_eq!(ended.state, ImportState::Interrupted);
    assert!(ended.finished_at.is_some());
    assert!(b.orphaned_jobs(now).await.expect("read").is_empty());
    assert!(
        !runner
            .end_job(organisation, import.id, ImportState::Finished, None)
            .await
            .expect("answered"),
        "no longer running"
    );
    // A job no instance keeps alive (never registered) is orphaned too.
    let never = db.store().await;
    let lost_job = job(JobKind::BulkSend, None);
    never
        .start_job(organisation, lost_job.clone())
        .await
        .expect("started");
    assert_eq!(
        b.orphaned_jobs(now)
            .await
            .expect("read")
            .iter()
            .map(|j| j.id)
            .collect::<Vec<_>>(),
        vec![lost_job.id]
    );
    db.drop_database().await;
}

#[tokio::test]
async fn skips_counted_from_instances_at_once_add_up_and_a_job_ends_once() {
    let db = Scratch::new().await;
    let (a, b) = (db.store().await, db.store().await);
    let (organisation, _) = organisation(&db).await;
    let bulk = job(JobKind::BulkSend, None);
    a.start_job(organisation, bulk.clone())
        .await
        .expect("started");
    let no_email: BTreeMap<String, u64> = [("no_email".to_owned(), 1)].into_iter().collect();
    let stopped: BTreeMap<String, u64> = [("stopped".to_owned(), 2), ("no_email".to_owned(), 1)]
        .into_iter()
        .collect();
    let counted = join_all((0..20).map(|n| {
        let (store, skipped) = if n % 2 == 0 {
            (&a, &no_email)
        } else {
            (&b, &stopped)
        };
        store.count_skipped(organisation, bulk.id, skipped)
    }))
    .await;
    assert!(counted.iter().all(Result::is_ok), "{counted:?}");
    a.count_skipped(organisation, bulk.id, &BTreeMap::new())
        .await
        .expect("nothing to count");
    let read = b
        .job(organisation, bulk.id)
        .await
        .expect("read")
        .expect("kept");
    assert_eq!(
        read.skipped,
        [("no_email".to_owned(), 20), ("stopped".to_owned(), 20)]
            .into_iter()
            .collect::<BTreeMap<_, _>>()
    );
    assert_eq!(read.processed, 40);
    assert_eq!(
        (read.kind, read.state),
        (JobKind::BulkSend, ImportState::Running)
    );
    assert_eq!(read.total, 100);
    assert_eq!(read.started_at, bulk.started_at.trunc_subsecs(3));

    let ends = join_all((0..8).map(|n| {
        let (store, state) = if n % 2 == 0 {
            (&a, ImportState::Finished)
        } else {
            (&b, ImportState::Failed)
        };
        store.end_job(
            organisation,
            bulk.id,
            state,
            Some(note(AuditAction::RecordsImported)),
        )
    }))
    .await;
    assert_eq!(
        ends.iter().filter(|e| matches!(e, Ok(true))).count(),
        1,
        "{ends:?}"
    );
    assert_eq!(audit_entries(&db, "records.imported").await, 1);
    assert!(
        a.job(organisation, bulk.id)
            .await
            .expect("read")
            .expect("kept")
            .finished_at
            .is_some()
    );
    assert_eq!(
        a.job(OrganisationId(Uuid::now_v7()), bulk.id)
            .await
            .expect("read"),
        None,
        "another organisation's"
    );
    db.drop_database().await;
}

// From here on the batches write records: these tests need the records helpers of this crate.

fn lead(module: ModuleId, email: &str) -> RecordWrite {
    RecordWrite {
        module,
        fields: RecordFields {
            email: Some(Email::parse(email).expect("email")),
            ..RecordFields::default()
        },
        privacy: None,
        change: None,
        source: DataSource {
            through: SourceKind::Import,
            by: "ada@acme.org".into(),
            detail: Some("leads.csv".into()),
            at: Utc::now(),
        },
    }
}

#[tokio::test]
async fn import_batches_from_two_instances_at_once_never_write_one_address_twice() {
    let db = Scratch::new().await;
    let (a, b) = (db.store().await, db.store().await);
    let (organisation, module) = organisation(&db).await;
    let import = job(JobKind::Import, Some(module));
    a.start_job(organisation, import.clone())
        .await
        .expect("started");
    // Every batch has its own address and one they all share (in another spelling each).
    let batches = join_all((0..10u64).map(|n| {
        let store = if n % 2 == 0 { &a } else { &b };
        let shared = if n % 2 == 0 {
            "jan@acme.org"
        } else {
            "Jan@Acme.org"
        };
        store.import_batch(
            organisation,
            ImportBatch {
                job: import.id,
                records: vec![
                    lead(module, &format!("lead{n}@acme.org")),
                    lead(module, shared),
                ],
                failures: Vec::new(),
                refused: 0,
                rows: 2,
                through_row: 2 * n + 3,
            },
        )
    }))
    .await;
    let written = batches.iter().filter(|b| matches!(b, Ok(2))).count();
    let refused = batches
        .iter()
        .filter(|b| matches!(b, Err(StoreError::Conflict("records.email"))))
        .count();
    assert_eq!((written, refused), (1, 9), "{batches:?}");
    let (records, shared): (i64, i64) = sqlx::query_as(
        "SELECT count(*), count(*) FILTER (WHERE lower(email) = 'jan@acme.org') FROM records",
    )
    .fetch_one(&db.pool)
    .await
    .expect("count");
    assert_eq!((records, shared), (2, 1));
    let read = a
        .job(organisation, import.id)
        .await
        .expect("read")
        .expect("kept");
    assert_eq!(
        (read.processed, read.done),
        (2, 2),
        "only the batch written"
    );
    db.drop_database().await;
}

#[tokio::test]
async fn an_import_batch_lists_its_refused_rows_once_and_writes_nothing_after_its_job_ended() {
    let db = Scratch::new().await;
    let store = db.store().await;
    let (organisation, module) = organisation(&db).await;
    let import = job(JobKind::Import, Some(module));
    store
        .start_job(organisation, import.clone())
        .await
        .expect("started");
    let refused = |row: u64, column: Option<&str>, reason: &str| RowError {
        row,
        column: column.map(str::to_owned),
        reason: reason.to_owned(),
    };
    let failures = vec![
        refused(4, Some("E-mail"), "not an address"),
        refused(3, None, "too many columns"),
        refused(4, Some("E-mail"), "not an address"),
    ];
    let imported = store
        .import_batch(
            organisation,
            ImportBatch {
                job: import.id,
                records: vec![lead(module, "piet@acme.org")],
                failures,
                refused: 2,
                rows: 3,
                through_row: 4,
            },
        )
        .await
        .expect("written");
    assert_eq!(imported, 1);
    let read = store
        .job(organisation, import.id)
        .await
        .expect("read")
        .expect("kept");
    assert_eq!(
        read.failures,
        vec![
            refused(3, None, "too many columns"),
            refused(4, Some("E-mail"), "not an address"),
        ]
    );
    assert_eq!(
        (
            read.processed,
            read.done,
            read.error_count,
            read.handled_through_row
        ),
        (3, 1, 2, Some(4))
    );

    assert!(
        store
            .end_job(organisation, import.id, ImportState::Failed, None)
            .await
            .expect("ended")
    );
    assert!(matches!(
        store
            .import_batch(
                organisation,
                ImportBatch {
                    job: import.id,
                    records: vec![lead(module, "kees@acme.org")],
                    failures: Vec::new(),
                    refused: 0,
                    rows: 1,
                    through_row: 5,
                },
            )
            .await,
        Err(StoreError::Conflict("jobs.state"))
    ));
    let (records,): (i64,) = sqlx::query_as("SELECT count(*) FROM records")
        .fetch_one(&db.pool)
        .await
        .expect("count");
    assert_eq!(records, 1, "nothing of the late batch");
    db.drop_database().await;
}
