//! Data-subject requests on PostgreSQL with several server instances on one database: a
//! change written once when instances race, a code's tries never more than allowed, one hash
//! key per organisation, and an erasure that leaves nothing of the subject.

mod common;

use std::collections::HashSet;

use chrono::{NaiveDate, Utc};
use common::Scratch;
use consentry_model::{
    OrganisationId, RecordId, RequestId,
    audit::AuditAction,
    consent::{DeliveryStatus, MessageKind},
    forms::FormLang,
    records::{DataPrivacy, DataSource, SourceKind},
    requests::{
        DataSubjectRequest, ErasureConfirmation, RequestFilter, RequestNotice, RequestSource,
        RequestStatus, RequestType,
    },
};
use consentry_store::{
    AuditNote, AuditStore, Challenge, ErasedSubject, Erasure, LedgerFind, NewExport, NewMessage,
    QueuePosition, ReErasure, RequestChange, RequestStep, RequestStore, Skipped, StoreError,
    ledger::ErasureLedger,
};
use consentry_store_postgres::PostgresStore;
use futures::future::join_all;
use sqlx::PgPool;
use uuid::Uuid;

async fn new_organisation(db: &Scratch) -> OrganisationId {
    let id = Uuid::now_v7();
    sqlx::query(
        "INSERT INTO organisations (id, name, slug, created_at) VALUES ($1, 'Acme', $2, now())",
    )
    .bind(id)
    .bind(format!("acme-{}", id.simple()))
    .execute(&db.pool)
    .await
    .expect("organisation");
    OrganisationId(id)
}

/// A module with compliance on.
async fn new_module(db: &Scratch, organisation: OrganisationId) -> Uuid {
    let id = Uuid::now_v7();
    sqlx::query(
        "INSERT INTO modules (id, organisation_id, key, name, builtin, compliance_enabled,
                              created_at)
         VALUES ($1, $2, 'contacts', 'Contacts', false, true, now())",
    )
    .bind(id)
    .bind(organisation.0)
    .execute(&db.pool)
    .await
    .expect("module");
    id
}

/// A record on legitimate interests, its data source detail as given.
async fn new_record(
    db: &Scratch,
    organisation: OrganisationId,
    module: Uuid,
    (first, last, email): (&str, &str, &str),
    detail: Option<&str>,
) -> RecordId {
    let id = Uuid::now_v7();
    sqlx::query(
        "INSERT INTO records (organisation_id, id, module_id, first_name, last_name, email,
             legal_basis, lawful_reason, created_at, created_through, created_by,
             created_detail, updated_at, updated_through, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6, 'legitimate_interests', 'Customer', now(), 'import',
                 'ada', $7, now(), 'import', 'ada')",
    )
    .bind(organisation.0)
    .bind(id)
    .bind(module)
    .bind(first)
    .bind(last)
    .bind(email)
    .bind(detail)
    .execute(&db.pool)
    .await
    .expect("record");
    RecordId(id)
}

fn day(text: &str) -> NaiveDate {
    text.parse().expect("a date")
}

fn request(
    kind: RequestType,
    status: RequestStatus,
    by: &str,
    due_on: &str,
    records: Vec<RecordId>,
) -> DataSubjectRequest {
    DataSubjectRequest {
        id: RequestId(Uuid::nil()),
        kind,
        source: RequestSource::Email,
        requested_by: by.into(),
        requested_on: day("2026-11-01"),
        due_on: day(due_on),
        status,
        details: Some(format!("Please act for {by}")),
        records,
        extended_due_on: None,
        extension_reason: None,
        rejection_reason: None,
        closed_by: None,
        closed_on: None,
        lang: Some(FormLang::parse("en").expect("en")),
        messages: Vec::new(),
        erasure_confirmation: None,
    }
}

fn note(action: AuditAction) -> AuditNote {
    AuditNote {
        actor: "ada@acme.example".into(),
        action,
        subject: None,
        before: None,
        after: Some(serde_json::json!({ "status": "completed" })),
    }
}

/// Completes the request as read.
fn completion(request: &DataSubjectRequest) -> RequestChange {
    RequestChange {
        status: RequestStatus::Completed,
        closed: Some(("Ada".into(), day("2026-11-20"))),
        ..RequestChange::of(request)
    }
}

/// How many audit entries of `action` are about `subject`.
async fn entries(
    db: &Scratch,
    organisation: OrganisationId,
    action: AuditAction,
    subject: &str,
) -> i64 {
    let (n,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM audit_log WHERE organisation_id = $1 AND action = $2
           AND subject = $3",
    )
    .bind(organisation.0)
    .bind(action.code())
    .bind(subject)
    .fetch_one(&db.pool)
    .await
    .expect("entries");
    n
}

async fn count(db: &Scratch, query: &str, organisation: OrganisationId) -> i64 {
    let (n,): (i64,) = sqlx::query_as(query)
        .bind(organisation.0)
        .fetch_one(&db.pool)
        .await
        .expect(query);
    n
}

#[tokio::test]
async fn requests_are_filed_with_their_records_and_queued_by_the_deadline_that_applies() {
    let db = Scratch::new().await;
    let store = db.store().await;
    let organisation = new_organisation(&db).await;
    let other = new_organisation(&db).await;
    let (a, b) = (RecordId(Uuid::now_v7()), RecordId(Uuid::now_v7()));
    let first = store
        .insert_request(
            organisation,
            request(
                RequestType::Access,
                RequestStatus::Received,
                "anna@example.com",
                "2026-12-01",
                vec![b, a],
            ),
            note(AuditAction::RequestCreated),
        )
        .await
        .expect("filed");
    assert_ne!(first.id, RequestId(Uuid::nil()), "a new id");
    let mut sorted = vec![a, b];
    sorted.sort_by_key(|r| r.0);
    assert_eq!(first.records, sorted);
    assert_eq!(
        first.details.as_deref(),
        Some("Please act for anna@example.com")
    );
    assert_eq!(
        entries(
            &db,
            organisation,
            AuditAction::RequestCreated,
            &first.id.to_string()
        )
        .await,
        1
    );
    let second = store
        .insert_request(
            organisation,
            request(
                RequestType::Erasure,
                RequestStatus::Verified,
                "bob@example.com",
                "2026-11-10",
                vec![a],
            ),
            note(AuditAction::RequestCreated),
        )
        .await
        .expect("filed");
    // Extended past the first one's deadline: it moves behind it in the queue.
    let extended = store
        .change_request(
            organisation,
            second.id,
            RequestChange {
                extended_due_on: Some(day("2027-01-10")),
                extension_reason: Some("Backlog".into()),
                ..RequestChange::of(&second)
            },
            None,
            note(AuditAction::RequestChanged),
        )
        .await
        .expect("changed")
        .expect("there");
    assert_eq!(extended.extended_due_on, Some(day("2027-01-10")));
    let queue = store
        .requests(organisation, &RequestFilter::default(), None, 10)
        .await
        .expect("queue");
    assert_eq!(
        queue.iter().map(|r| r.id).collect::<Vec<_>>(),
        [first.id, second.id]
    );
    assert_eq!(queue[0], first);
    let erasures = RequestFilter {
        kind: Some(RequestType::Erasure),
        ..RequestFilter::default()
    };
    let only = store
        .requests(organisation, &erasures, None, 10)
        .await
        .expect("queue");
    assert_eq!(only.iter().map(|r| r.id).collect::<Vec<_>>(), [second.id]);
    let received = RequestFilter {
        status: Some(RequestStatus::Received),
        ..RequestFilter::default()
    };
    let only = store
        .requests(organisation, &received, None, 10)
        .await
        .expect("queue");
    assert_eq!(only.iter().map(|r| r.id).collect::<Vec<_>>(), [first.id]);
    assert_eq!(
        store
            .requests(organisation, &RequestFilter::default(), None, 1)
            .await
            .expect("queue")
            .len(),
        1
    );
    // The page after the first request starts at the second, by the deadline that applies.
    let after_first = QueuePosition {
        deadline: first.deadline(),
        id: first.id,
    };
    let rest = store
        .requests(
            organisation,
            &RequestFilter::default(),
            Some(&after_first),
            10,
        )
        .await
        .expect("queue");
    assert_eq!(rest.iter().map(|r| r.id).collect::<Vec<_>>(), [second.id]);
    assert_eq!(
        store
            .request_total(organisation, &RequestFilter::default())
            .await
            .expect("total"),
        2
    );
    assert_eq!(
        store
            .request_total(organisation, &erasures)
            .await
            .expect("total"),
        1
    );
    // By due date (not the extended one) for a record.
    let of_a = store
        .requests_of_record(organisation, a)
        .await
        .expect("of a");
    assert_eq!(
        of_a.iter().map(|r| r.id).collect::<Vec<_>>(),
        [second.id, first.id]
    );
    assert_eq!(
        store.request(organisation, first.id).await.expect("read"),
        Some(first.clone())
    );
    assert_eq!(store.request(other, first.id).await.expect("read"), None);
    assert!(
        store
            .requests_of_record(other, a)
            .await
            .expect("of a")
            .is_empty()
    );
    let counts = store
        .request_counts(organisation, day("2026-11-28"))
        .await
        .expect("counts");
    assert_eq!((counts.open, counts.overdue, counts.due_soon), (2, 0, 1));
    let counts = store
        .request_counts(organisation, day("2026-12-02"))
        .await
        .expect("counts");
    assert_eq!((counts.open, counts.overdue, counts.due_soon), (2, 1, 0));
    db.drop_database().await;
}

#[tokio::test]
async fn of_changes_racing_on_two_instances_one_is_written_and_the_others_conflict() {
    let db = Scratch::new().await;
    let (one, two) = (db.store().await, db.store().await);
    let organisation = new_organisation(&db).await;
    let filed = one
        .insert_request(
            organisation,
            request(
                RequestType::Access,
                RequestStatus::Verified,
                "anna@example.com",
                "2026-12-01",
                Vec::new(),
            ),
            note(AuditAction::RequestCreated),
        )
        .await
        .expect("filed");
    let attempts = (0..12).map(|n| {
        let store = if n % 2 == 0 { &one } else { &two };
        let change = if n % 3 == 0 {
            RequestChange {
                status: RequestStatus::Rejected,
                rejection_reason: Some(format!("refusal {n}")),
                closed: Some(("Ada".into(), day("2026-11-20"))),
                ..RequestChange::of(&filed)
            }
        } else {
            completion(&filed)
        };
        store.change_request(
            organisation,
            filed.id,
            change,
            None,
            note(AuditAction::request_moved_to(RequestStatus::Completed)),
        )
    });
    let outcomes = join_all(attempts).await;
    let written: Vec<&DataSubjectRequest> = outcomes
        .iter()
        .filter_map(|o| o.as_ref().ok().and_then(Option::as_ref))
        .collect();
    assert_eq!(written.len(), 1, "{outcomes:?}");
    assert!(
        outcomes.iter().all(|o| matches!(
            o,
            Ok(Some(_)) | Err(StoreError::Conflict("data_subject_requests.status"))
        )),
        "{outcomes:?}"
    );
    let now = one.request(organisation, filed.id).await.expect("read");
    assert_eq!(now.as_ref(), Some(written[0]));
    assert_ne!(
        now.as_ref().map(|r| r.status),
        Some(RequestStatus::Verified)
    );
    let (completed, changed) = (
        entries(
            &db,
            organisation,
            AuditAction::RequestCompleted,
            &filed.id.to_string(),
        )
        .await,
        entries(
            &db,
            organisation,
            AuditAction::RequestChanged,
            &filed.id.to_string(),
        )
        .await,
    );
    assert_eq!(
        completed + changed,
        1,
        "one audit entry, of the change written"
    );
    // Decided on an extension that is no longer there: refused too.
    let stale = RequestChange {
        seen_status: now.as_ref().map_or(RequestStatus::Verified, |r| r.status),
        seen_extended_due_on: Some(day("2027-01-01")),
        ..completion(&filed)
    };
    assert!(matches!(
        two.change_request(
            organisation,
            filed.id,
            stale,
            None,
            note(AuditAction::RequestChanged)
        )
        .await,
        Err(StoreError::Conflict("data_subject_requests.status"))
    ));
    assert_eq!(
        one.change_request(
            organisation,
            RequestId(Uuid::now_v7()),
            completion(&filed),
            None,
            note(AuditAction::RequestChanged)
        )
        .await
        .expect("no such request"),
        None
    );
    db.drop_database().await;
}

/// A challenge for `email` stored as `insert_challenge` stores it (without its message).
async fn stored_challenge(
    db: &Scratch,
    organisation: OrganisationId,
    email: &str,
    expires_in: chrono::Duration,
) -> Uuid {
    let id = Uuid::now_v7();
    sqlx::query(
        "INSERT INTO privacy_challenges (id, organisation_id, email, kind, details, lang,
             code_hash, attempts, created_at, expires_at)
         VALUES ($1, $2, $3, 'erasure', 'Erase me', 'en', $4, 0, now(), $5)",
    )
    .bind(id)
    .bind(organisation.0)
    .bind(email)
    .bind([7u8; 32].as_slice())
    .bind(Utc::now() + expires_in)
    .execute(&db.pool)
    .await
    .expect("challenge");
    id
}

#[tokio::test]
async fn a_code_is_tried_no_more_than_allowed_when_instances_check_it_at_once() {
    let db = Scratch::new().await;
    let (one, two) = (db.store().await, db.store().await);
    let organisation = new_organisation(&db).await;
    let id = stored_challenge(
        &db,
        organisation,
        "anna@example.com",
        chrono::Duration::hours(1),
    )
    .await;
    let read = one.challenge(id).await.expect("read").expect("there");
    assert_eq!(read.attempts, 0);
    assert_eq!(read.kind, RequestType::Erasure);
    assert_eq!(read.code_hash, [7; 32]);
    assert_eq!(read.email.as_str(), "anna@example.com");
    let now = Utc::now();
    let tries = (0..24).map(|n| {
        let store = if n % 2 == 0 { &one } else { &two };
        store.take_try(id, 5, now)
    });
    let outcomes = join_all(tries).await;
    let counted: HashSet<u32> = outcomes
        .iter()
        .filter_map(|o| o.as_ref().expect("no error").as_ref().map(|c| c.attempts))
        .collect();
    assert_eq!(
        counted,
        (1..=5).collect(),
        "each try counted once: {outcomes:?}"
    );
    assert_eq!(
        outcomes.iter().filter(|o| matches!(o, Ok(Some(_)))).count(),
        5
    );
    assert_eq!(
        two.challenge(id).await.expect("read").map(|c| c.attempts),
        Some(5)
    );
    // Out of tries, expired, used or unknown: no try.
    assert_eq!(one.take_try(id, 5, now).await.expect("take"), None);
    let expired = stored_challenge(
        &db,
        organisation,
        "bob@example.com",
        chrono::Duration::hours(1),
    )
    .await;
    assert_eq!(
        one.take_try(expired, 5, now + chrono::Duration::hours(2))
            .await
            .expect("take"),
        None
    );
    sqlx::query("UPDATE privacy_challenges SET used_at = now() WHERE id = $1")
        .bind(expired)
        .execute(&db.pool)
        .await
        .expect("used");
    assert_eq!(one.take_try(expired, 5, now).await.expect("take"), None);
    assert_eq!(
        one.take_try(Uuid::now_v7(), 5, now).await.expect("take"),
        None
    );
    db.drop_database().await;
}

#[tokio::test]
async fn a_verified_code_files_one_request_when_instances_race() {
    let db = Scratch::new().await;
    let (one, two) = (db.store().await, db.store().await);
    let organisation = new_organisation(&db).await;
    let id = stored_challenge(
        &db,
        organisation,
        "anna@example.com",
        chrono::Duration::hours(1),
    )
    .await;
    let filings = (0..8).map(|n| {
        let store = if n % 2 == 0 { &one } else { &two };
        store.file_verified(
            id,
            request(
                RequestType::Erasure,
                RequestStatus::Verified,
                "anna@example.com",
                "2026-12-01",
                Vec::new(),
            ),
            note(AuditAction::RequestCreated),
        )
    });
    let outcomes = join_all(filings).await;
    let filed: Vec<&DataSubjectRequest> = outcomes
        .iter()
        .filter_map(|o| o.as_ref().expect("no error").as_ref())
        .collect();
    assert_eq!(filed.len(), 1, "{outcomes:?}");
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM data_subject_requests WHERE organisation_id = $1",
            organisation
        )
        .await,
        1
    );
    assert!(
        one.challenge(id)
            .await
            .expect("read")
            .expect("there")
            .used_at
            .is_some()
    );
    assert_eq!(
        entries(
            &db,
            organisation,
            AuditAction::RequestCreated,
            &filed[0].id.to_string()
        )
        .await,
        1
    );
    assert_eq!(
        two.file_verified(
            Uuid::now_v7(),
            request(
                RequestType::Erasure,
                RequestStatus::Verified,
                "x@example.com",
                "2026-12-01",
                Vec::new()
            ),
            note(AuditAction::RequestCreated)
        )
        .await
        .expect("unknown"),
        None
    );
    db.drop_database().await;
}

#[tokio::test]
async fn one_hash_key_per_organisation_when_instances_ask_at_once_kept_wrapped() {
    let db = Scratch::new().await;
    let (one, two) = (db.store().await, db.store().await);
    let organisation = new_organisation(&db).await;
    let other = new_organisation(&db).await;
    let asks = (0..16).map(|n| {
        let store = if n % 2 == 0 { &one } else { &two };
        store.hash_key(organisation)
    });
    let keys: HashSet<[u8; 32]> = join_all(asks)
        .await
        .into_iter()
        .map(|k| k.expect("a key"))
        .collect();
    assert_eq!(keys.len(), 1, "one key");
    let key = keys.into_iter().next().expect("one");
    let (stored, wrapped): (Vec<u8>, bool) = sqlx::query_as(
        "SELECT hash_key, wrapped FROM organisation_secrets WHERE organisation_id = $1",
    )
    .bind(organisation.0)
    .fetch_one(&db.pool)
    .await
    .expect("stored");
    assert!(wrapped);
    assert_ne!(stored.as_slice(), key.as_slice(), "not kept in the clear");
    let third = db.store().await;
    assert_eq!(third.hash_key(organisation).await.expect("key"), key);
    assert_ne!(third.hash_key(other).await.expect("key"), key);
    db.drop_database().await;
}

#[tokio::test]
async fn exports_download_until_they_expire_and_expired_ones_are_purged() {
    let db = Scratch::new().await;
    let store = db.store().await;
    let organisation = new_organisation(&db).await;
    let now = Utc::now();
    for (token, expires_at) in [
        ([1u8; 32], now + chrono::Duration::days(1)),
        ([2u8; 32], now - chrono::Duration::minutes(1)),
    ] {
        sqlx::query(
            "INSERT INTO exports (token_hash, organisation_id, request_id, recipient, file,
                 created_at, expires_at)
             VALUES ($1, $2, $3, 'anna@example.com', $4, now(), $5)",
        )
        .bind(token.as_slice())
        .bind(organisation.0)
        .bind(Uuid::now_v7())
        .bind(b"PK zip".as_slice())
        .bind(expires_at)
        .execute(&db.pool)
        .await
        .expect("export");
    }
    assert_eq!(
        store.export_file(&[1; 32]).await.expect("read"),
        Some(b"PK zip".to_vec())
    );
    assert_eq!(store.export_file(&[2; 32]).await.expect("read"), None);
    assert_eq!(store.export_file(&[3; 32]).await.expect("read"), None);
    assert_eq!(store.purge_exports(now).await.expect("purged"), 1);
    assert_eq!(store.purge_exports(now).await.expect("purged"), 0);
    assert!(store.export_file(&[1; 32]).await.expect("read").is_some());
    db.drop_database().await;
}

#[tokio::test]
async fn ledger_entries_are_marked_applied_once_from_any_instance() {
    let db = Scratch::new().await;
    let (one, two) = (db.store().await, db.store().await);
    let entries: Vec<Uuid> = (0..6).map(|_| Uuid::now_v7()).collect();
    let (left, right) = (entries[..4].to_vec(), entries[2..].to_vec());
    let marks = (0..6).map(|n| {
        if n % 2 == 0 {
            one.mark_ledger_applied(&left)
        } else {
            two.mark_ledger_applied(&right)
        }
    });
    for outcome in join_all(marks).await {
        outcome.expect("marked");
    }
    assert_eq!(
        one.applied_ledger_entries().await.expect("read"),
        entries.iter().copied().collect::<HashSet<_>>()
    );
    db.drop_database().await;
}

#[tokio::test]
async fn reads_of_suppressions_consent_events_and_erasure_confirmations() {
    let db = Scratch::new().await;
    let store = db.store().await;
    let organisation = new_organisation(&db).await;
    let other = new_organisation(&db).await;
    sqlx::query(
        "INSERT INTO suppressions (organisation_id, email_hash, request_id, created_at)
         VALUES ($1, $2, $3, now())",
    )
    .bind(organisation.0)
    .bind([9u8; 32].as_slice())
    .bind(Uuid::now_v7())
    .execute(&db.pool)
    .await
    .expect("suppression");
    assert!(
        store
            .is_suppressed(organisation, &[9; 32])
            .await
            .expect("read")
    );
    assert!(!store.is_suppressed(other, &[9; 32]).await.expect("read"));
    assert!(
        !store
            .is_suppressed(organisation, &[8; 32])
            .await
            .expect("read")
    );
    assert_eq!(
        store.suppressions(organisation).await.expect("read"),
        [[9; 32]]
    );

    let record = RecordId(Uuid::now_v7());
    let events = [Uuid::now_v7(), Uuid::now_v7()];
    for (id, decision) in events.iter().zip(["granted", "withdrawn"]) {
        sqlx::query(
            "INSERT INTO consent_events (organisation_id, id, record_id, form_id, form_version,
                 text_hash, lang, decision, choices, at, ip)
             VALUES ($1, $2, $3, $4, 2, 'abc', 'nl', $5,
                     '{\"granted\": [\"news\"], \"channels\": [\"email\"]}', now(), '10.0.0.0')",
        )
        .bind(organisation.0)
        .bind(id)
        .bind(record.0)
        .bind(Uuid::now_v7())
        .bind(decision)
        .execute(&db.pool)
        .await
        .expect("event");
    }
    let read = store
        .consent_events(organisation, record)
        .await
        .expect("read");
    assert_eq!(read.iter().map(|e| e.id).collect::<Vec<_>>(), events);
    assert_eq!(read[0].form_version, 2);
    assert_eq!(read[0].lang.as_str(), "nl");
    assert!(read[0].choices.granted.contains("news"));
    assert_eq!(read[1].decision, "withdrawn");
    assert_eq!(read[0].ip.as_deref(), Some("10.0.0.0"));
    assert!(
        store
            .consent_events(other, record)
            .await
            .expect("read")
            .is_empty()
    );

    let filed = store
        .insert_request(
            organisation,
            request(
                RequestType::Erasure,
                RequestStatus::Completed,
                "anna@example.com",
                "2026-12-01",
                Vec::new(),
            ),
            note(AuditAction::RequestCreated),
        )
        .await
        .expect("filed");
    assert_eq!(filed.erasure_confirmation, None);
    for confirmation in ["retrying", "sent"] {
        store
            .append_audit(
                organisation,
                AuditNote {
                    actor: "system".into(),
                    action: AuditAction::ErasureConfirmed,
                    subject: Some(filed.id.to_string()),
                    before: None,
                    after: Some(serde_json::json!({ "confirmation": confirmation })),
                },
            )
            .await
            .expect("appended");
    }
    assert_eq!(
        store
            .request(organisation, filed.id)
            .await
            .expect("read")
            .and_then(|r| r.erasure_confirmation),
        Some(ErasureConfirmation::Sent),
        "the newest the trail says"
    );
    db.drop_database().await;
}

#[tokio::test]
async fn the_ledger_finds_records_by_id_or_address_and_addresses_of_requests_and_codes() {
    let db = Scratch::new().await;
    let store = db.store().await;
    let organisation = new_organisation(&db).await;
    let module = new_module(&db, organisation).await;
    let anna = new_record(
        &db,
        organisation,
        module,
        ("Anna", "Jansen", "Anna@Example.com"),
        None,
    )
    .await;
    let bob = new_record(
        &db,
        organisation,
        module,
        ("Bob", "Smit", "bob@example.com"),
        None,
    )
    .await;
    let carl = new_record(
        &db,
        organisation,
        module,
        ("Carl", "Vos", "carl@example.com"),
        None,
    )
    .await;
    store
        .insert_request(
            organisation,
            request(
                RequestType::Erasure,
                RequestStatus::Completed,
                "DORA@example.com",
                "2026-12-01",
                Vec::new(),
            ),
            note(AuditAction::RequestCreated),
        )
        .await
        .expect("filed");
    stored_challenge(
        &db,
        organisation,
        "eve@example.com",
        chrono::Duration::hours(1),
    )
    .await;
    let ledger = ErasureLedger::new(
        std::env::temp_dir().join(format!("ledger-{}", Uuid::now_v7())),
        &common::master(),
    );
    let entry = ledger.entry(
        organisation,
        RequestId(Uuid::now_v7()),
        &[bob],
        &[
            "anna@example.com".into(),
            "dora@example.com".into(),
            "eve@example.com".into(),
        ],
    );
    let entries = [&entry];
    let matcher = ledger.matcher(organisation.0, &entries);
    let found: Vec<LedgerFind> = store
        .find_erased(organisation, &matcher)
        .await
        .expect("found")
        .into_iter()
        .map(|(id, find)| {
            assert_eq!(id, entry.id);
            find
        })
        .collect();
    let expected = [
        LedgerFind::Record(anna),
        LedgerFind::Address("anna@example.com".into()),
        LedgerFind::Record(bob),
        LedgerFind::Address("bob@example.com".into()),
        LedgerFind::Address("dora@example.com".into()),
        LedgerFind::Address("eve@example.com".into()),
    ];
    for find in &expected {
        assert!(found.contains(find), "{find:?} in {found:?}");
    }
    assert!(
        found.iter().all(|f| expected.contains(f)),
        "nothing else: {found:?}"
    );
    assert!(!found.contains(&LedgerFind::Record(carl)));
    db.drop_database().await;
}

// Below: what also needs the other modules' helpers (records, consent, jobs, the audit
// trail's redaction), which land with them.

/// The subject Anna Jansen: two records, her consent evidence, messages, an export, a
/// sign-up, a code, a kept answer, a job named after her and a request about her; Bob's
/// record imported from a file named after her and his request whose reason names her.
struct Scene {
    organisation: OrganisationId,
    records: Vec<RecordId>,
    bob: RecordId,
    erasure: DataSubjectRequest,
    bobs: DataSubjectRequest,
}

async fn scene(db: &Scratch, store: &PostgresStore) -> Scene {
    let organisation = new_organisation(db).await;
    let module = new_module(db, organisation).await;
    let names = ("Anna", "Jansen", "Anna.Jansen@Example.com");
    let records = vec![
        new_record(db, organisation, module, names, None).await,
        new_record(db, organisation, module, names, None).await,
    ];
    let bob = new_record(
        db,
        organisation,
        module,
        ("Bob", "Smit", "bob@example.com"),
        Some("list from jansen.csv"),
    )
    .await;
    for record in records.iter().chain([&bob]) {
        sqlx::query(
            "INSERT INTO consent_events (organisation_id, id, record_id, form_id, form_version,
                 text_hash, lang, decision, choices, at, ip)
             VALUES ($1, $2, $3, $4, 1, 'abc', 'en', 'granted',
                     '{\"granted\": [], \"channels\": []}', now(), '10.0.0.0')",
        )
        .bind(organisation.0)
        .bind(Uuid::now_v7())
        .bind(record.0)
        .bind(Uuid::now_v7())
        .execute(&db.pool)
        .await
        .expect("event");
        sqlx::query(
            "INSERT INTO privacy_events (organisation_id, record_id, at, actor, source,
                 after_basis)
             VALUES ($1, $2, now(), 'ada', 'import', 'legitimate_interests')",
        )
        .bind(organisation.0)
        .bind(record.0)
        .execute(&db.pool)
        .await
        .expect("privacy event");
        sqlx::query(
            "INSERT INTO sign_ups (token_hash, organisation_id, record_id, form_id, form_version,
                 lang, choices, created_at, expires_at)
             VALUES ($1, $2, $3, $4, 1, 'en', '{}', now(), now() + interval '1 day')",
        )
        .bind(Uuid::now_v7().as_bytes().as_slice())
        .bind(organisation.0)
        .bind(record.0)
        .bind(Uuid::now_v7())
        .execute(&db.pool)
        .await
        .expect("sign-up");
    }
    // A message to her record, and one to her address in other capitals and no record.
    for (record, recipient) in [
        (Some(records[0].0), "Anna.Jansen@Example.com"),
        (None, "ANNA.JANSEN@example.com"),
        (Some(bob.0), "bob@example.com"),
    ] {
        sqlx::query(
            "INSERT INTO outbox (organisation_id, id, record_id, recipient, subject, body_text,
                 created_at, status)
             VALUES ($1, $2, $3, $4, 'Hello', 'Dear Anna', now(), 'sent')",
        )
        .bind(organisation.0)
        .bind(Uuid::now_v7())
        .bind(record)
        .bind(recipient)
        .execute(&db.pool)
        .await
        .expect("message");
    }
    let access = store
        .insert_request(
            organisation,
            request(
                RequestType::Access,
                RequestStatus::Completed,
                "Anna.Jansen@example.com",
                "2026-11-15",
                records.clone(),
            ),
            note(AuditAction::RequestCreated),
        )
        .await
        .expect("filed");
    sqlx::query(
        "INSERT INTO exports (token_hash, organisation_id, request_id, recipient, file,
             created_at, expires_at)
         VALUES ($1, $2, $3, 'anna.jansen@example.com', 'zip', now(), now() + interval '1 day')",
    )
    .bind([4u8; 32].as_slice())
    .bind(organisation.0)
    .bind(access.id.0)
    .execute(&db.pool)
    .await
    .expect("export");
    stored_challenge(
        db,
        organisation,
        "anna.jansen@EXAMPLE.com",
        chrono::Duration::hours(1),
    )
    .await;
    sqlx::query(
        "INSERT INTO idempotency_keys (caller, key, fingerprint, status, content_type, body,
             created_at)
         VALUES ('\\x01', 'k1', '\\x02', 201, 'application/json', $1, now()),
                ('\\x01', 'k2', '\\x02', 201, 'application/octet-stream', '\\xff00fe', now())",
    )
    .bind(br#"{"email":"Anna.Jansen@Example.com"}"#.as_slice())
    .execute(&db.pool)
    .await
    .expect("kept answers");
    sqlx::query(
        "INSERT INTO jobs (id, organisation_id, kind, state, total, file_name, started_by,
             started_at)
         VALUES ($1, $2, 'import', 'finished', 1, 'Jansen.csv', 'ada', now())",
    )
    .bind(Uuid::now_v7())
    .bind(organisation.0)
    .execute(&db.pool)
    .await
    .expect("job");
    let bobs = store
        .insert_request(
            organisation,
            request(
                RequestType::Access,
                RequestStatus::Verified,
                "bob@example.com",
                "2026-11-20",
                vec![bob],
            ),
            note(AuditAction::RequestCreated),
        )
        .await
        .expect("filed");
    let bobs = store
        .change_request(
            organisation,
            bobs.id,
            RequestChange {
                extended_due_on: Some(day("2027-01-01")),
                extension_reason: Some("Backlog after Jansen's case".into()),
                ..RequestChange::of(&bobs)
            },
            None,
            note(AuditAction::RequestChanged),
        )
        .await
        .expect("extended")
        .expect("there");
    // Webhook deliveries: about her record (undelivered, delivered), naming her, about Bob.
    let webhook = Uuid::now_v7();
    sqlx::query(
        "INSERT INTO webhooks (id, organisation_id, url, events, secret, created_by, created_at)
         VALUES ($1, $2, 'https://hooks.example/in', '[]', 's', 'ada', now())",
    )
    .bind(webhook)
    .bind(organisation.0)
    .execute(&db.pool)
    .await
    .expect("webhook");
    for (subject, status, facts) in [
        (
            records[0].to_string(),
            "pending",
            r#"{"status":"obtained"}"#,
        ),
        (
            records[0].to_string(),
            "delivered",
            r#"{"status":"obtained"}"#,
        ),
        (
            Uuid::now_v7().to_string(),
            "dead",
            r#"{"name":"Anna Jansen"}"#,
        ),
        (
            Uuid::now_v7().to_string(),
            "delivered",
            r#"{"name":"Anna Jansen"}"#,
        ),
        (bob.to_string(), "delivered", r#"{"name":"Bob Smit"}"#),
    ] {
        sqlx::query(
            "INSERT INTO webhook_deliveries (id, organisation_id, webhook_id, event, subject,
                 status, created_at, schedule_started_at, next_attempt_at, facts)
             VALUES ($1, $2, $3, 'consent.changed', $4, $5, now(), now(), now(), $6::json)",
        )
        .bind(Uuid::now_v7())
        .bind(organisation.0)
        .bind(webhook)
        .bind(subject)
        .bind(status)
        .bind(facts)
        .execute(&db.pool)
        .await
        .expect("delivery");
    }
    let erasure = store
        .insert_request(
            organisation,
            request(
                RequestType::Erasure,
                RequestStatus::Verified,
                "anna.jansen@example.com",
                "2026-12-01",
                records.clone(),
            ),
            note(AuditAction::RequestCreated),
        )
        .await
        .expect("filed");
    Scene {
        organisation,
        records,
        bob,
        erasure,
        bobs,
    }
}

fn erasure_of(scene: &Scene) -> Erasure {
    Erasure {
        subject: ErasedSubject {
            request: scene.erasure.id,
            records: scene.records.clone(),
            addresses: vec!["anna.jansen@example.com".into()],
            suppress: vec![[5; 32]],
            requester_hash: "erased:5a5a".into(),
            values: vec!["anna.jansen@example.com".into(), "jansen".into()],
        },
        closed: ("Ada".into(), day("2026-11-21")),
        ledger_entry: Uuid::now_v7(),
    }
}

#[tokio::test]
async fn an_erasure_leaves_nothing_of_the_subject() {
    let db = Scratch::new().await;
    let store = db.store().await;
    let scene = scene(&db, &store).await;
    let organisation = scene.organisation;
    let erasure = erasure_of(&scene);
    // Statistics taken before: the planner's samples hold the subject's values.
    sqlx::query("ANALYZE")
        .execute(&db.pool)
        .await
        .expect("analyse");
    assert!(sampled(&db.pool).await > 0, "sampled before the erasure");
    let done = store
        .erase(
            organisation,
            erasure.clone(),
            note(AuditAction::SubjectErased),
        )
        .await
        .expect("erased")
        .expect("there");
    assert_eq!(done.status, RequestStatus::Completed);
    // Every table it touched was vacuumed (statistics arrive within a second or so).
    let touched = [
        "records",
        "consent_events",
        "consent_links",
        "privacy_events",
        "privacy_challenges",
        "sign_ups",
        "outbox",
        "exports",
        "data_subject_requests",
        "audit_details",
        "idempotency_keys",
        "webhook_deliveries",
        "jobs",
    ];
    let mut unvacuumed: Vec<String> = Vec::new();
    for _ in 0..50 {
        (unvacuumed,) = sqlx::query_as(
            "SELECT COALESCE(array_agg(t), '{}'::text[]) FROM unnest($1::text[]) t
             WHERE NOT EXISTS (SELECT 1 FROM pg_stat_user_tables s
                               WHERE s.relname = t AND s.last_vacuum IS NOT NULL)",
        )
        .bind(&touched[..])
        .fetch_one(&db.pool)
        .await
        .expect("statistics");
        if unvacuumed.is_empty() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(
        unvacuumed,
        Vec::<String>::new(),
        "vacuumed after the erasure"
    );
    assert_eq!(
        sampled(&db.pool).await,
        0,
        "no statistics sample of the subject"
    );
    assert_eq!(done.requested_by, "erased:5a5a");
    assert_eq!(done.details, None);
    assert_eq!(done.closed_on, Some(day("2026-11-21")));
    for (query, left) in [
        ("SELECT COUNT(*) FROM records WHERE organisation_id = $1", 1),
        (
            "SELECT COUNT(*) FROM consent_events WHERE organisation_id = $1",
            1,
        ),
        (
            "SELECT COUNT(*) FROM privacy_events WHERE organisation_id = $1",
            1,
        ),
        (
            "SELECT COUNT(*) FROM sign_ups WHERE organisation_id = $1",
            1,
        ),
        ("SELECT COUNT(*) FROM outbox WHERE organisation_id = $1", 1),
        ("SELECT COUNT(*) FROM exports WHERE organisation_id = $1", 0),
        (
            "SELECT COUNT(*) FROM privacy_challenges WHERE organisation_id = $1",
            0,
        ),
        ("SELECT COUNT(*) FROM jobs WHERE organisation_id = $1", 0),
        // The delivered ones stay as a log, without their facts.
        (
            "SELECT COUNT(*) FROM webhook_deliveries WHERE organisation_id = $1",
            3,
        ),
        (
            "SELECT COUNT(*) FROM webhook_deliveries WHERE organisation_id = $1
               AND facts IS NOT NULL",
            1,
        ),
        (
            "SELECT COUNT(*) FROM erased_records WHERE organisation_id = $1",
            2,
        ),
        (
            "SELECT COUNT(*) FROM data_subject_requests WHERE organisation_id = $1
               AND (lower(requested_by) LIKE '%jansen%' OR lower(details) LIKE '%jansen%'
                    OR lower(extension_reason) LIKE '%jansen%')",
            0,
        ),
        (
            "SELECT COUNT(*) FROM audit_details WHERE organisation_id = $1
               AND lower(COALESCE(before::text, '') || COALESCE(after::text, ''))
                   LIKE '%jansen%'",
            0,
        ),
    ] {
        assert_eq!(count(&db, query, organisation).await, left, "{query}");
    }
    let bob = store
        .request(organisation, scene.bobs.id)
        .await
        .expect("read")
        .expect("there");
    assert_eq!(bob.extension_reason.as_deref(), Some("erasure"));
    assert_eq!(bob.requested_by, "bob@example.com");
    let (detail,): (Option<String>,) =
        sqlx::query_as("SELECT created_detail FROM records WHERE organisation_id = $1 AND id = $2")
            .bind(organisation.0)
            .bind(scene.bob.0)
            .fetch_one(&db.pool)
            .await
            .expect("bob");
    assert_eq!(
        detail.as_deref(),
        Some("(redacted: it named an erased data subject)")
    );
    let answers: Vec<(String, Option<i32>, Vec<u8>)> =
        sqlx::query_as("SELECT key, status, body FROM idempotency_keys ORDER BY key")
            .fetch_all(&db.pool)
            .await
            .expect("answers");
    assert_eq!(answers[0].1, Some(410));
    assert!(
        !String::from_utf8_lossy(&answers[0].2)
            .to_lowercase()
            .contains("jansen")
    );
    assert_eq!(
        (answers[1].1, answers[1].2.as_slice()),
        (Some(201), [0xff, 0, 0xfe].as_slice())
    );
    assert!(
        store
            .is_suppressed(organisation, &[5; 32])
            .await
            .expect("read")
    );
    assert!(
        store
            .applied_ledger_entries()
            .await
            .expect("read")
            .contains(&erasure.ledger_entry)
    );
    assert_eq!(
        entries(
            &db,
            organisation,
            AuditAction::SubjectErased,
            &scene.erasure.id.to_string()
        )
        .await,
        1
    );
    assert!(
        store
            .consent_events(organisation, scene.records[0])
            .await
            .expect("read")
            .is_empty()
    );
    db.drop_database().await;
}

#[tokio::test]
async fn of_two_erasures_at_once_on_two_instances_one_erases() {
    let db = Scratch::new().await;
    let (one, two) = (db.store().await, db.store().await);
    let scene = scene(&db, &one).await;
    let erasure = erasure_of(&scene);
    let (left, right) = futures::join!(
        one.erase(
            scene.organisation,
            erasure.clone(),
            note(AuditAction::SubjectErased)
        ),
        two.erase(
            scene.organisation,
            erasure.clone(),
            note(AuditAction::SubjectErased)
        ),
    );
    let outcomes = [left, right];
    assert_eq!(
        outcomes.iter().filter(|o| matches!(o, Ok(Some(_)))).count(),
        1,
        "{outcomes:?}"
    );
    assert!(
        outcomes
            .iter()
            .any(|o| matches!(o, Err(StoreError::Conflict("data_subject_requests.status")))),
        "{outcomes:?}"
    );
    assert_eq!(
        entries(
            &db,
            scene.organisation,
            AuditAction::SubjectErased,
            &scene.erasure.id.to_string()
        )
        .await,
        1
    );
    assert_eq!(
        entries(
            &db,
            scene.organisation,
            AuditAction::AuditRedacted,
            &scene.erasure.id.to_string()
        )
        .await,
        1,
        "the loser's redaction rolled back"
    );
    db.drop_database().await;
}

#[tokio::test]
async fn a_ledger_entry_applied_again_deletes_the_same_and_leaves_the_request_as_it_is() {
    let db = Scratch::new().await;
    let store = db.store().await;
    let scene = scene(&db, &store).await;
    let organisation = scene.organisation;
    let entry = Uuid::now_v7();
    store
        .reapply_erasure(
            organisation,
            ReErasure {
                entry,
                subject: erasure_of(&scene).subject,
            },
            AuditNote {
                subject: Some(entry.to_string()),
                ..note(AuditAction::SubjectErased)
            },
        )
        .await
        .expect("applied");
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM records WHERE organisation_id = $1",
            organisation
        )
        .await,
        1
    );
    assert!(
        store
            .is_suppressed(organisation, &[5; 32])
            .await
            .expect("read")
    );
    assert!(
        store
            .applied_ledger_entries()
            .await
            .expect("read")
            .contains(&entry)
    );
    let request = store
        .request(organisation, scene.erasure.id)
        .await
        .expect("read")
        .expect("there");
    assert_eq!(request.status, RequestStatus::Verified);
    assert_eq!(request.requested_by, "erased:5a5a");
    assert_eq!(
        entries(
            &db,
            organisation,
            AuditAction::SubjectErased,
            &entry.to_string()
        )
        .await,
        1
    );
    db.drop_database().await;
}

fn message(kind: MessageKind, about: Option<(RequestId, RequestNotice)>) -> NewMessage {
    NewMessage {
        kind,
        record: None,
        recipient: "anna@example.com".into(),
        subject: "Your request".into(),
        body_text: "Done".into(),
        body_html: None,
        status: DeliveryStatus::Queued,
        secret: None,
        list_unsubscribe: None,
        link: None,
        on_delivered: None,
        job: None,
        about_request: about,
        expires_at: None,
    }
}

#[tokio::test]
async fn an_export_completes_its_request_once_with_its_file_and_message() {
    let db = Scratch::new().await;
    let (one, two) = (db.store().await, db.store().await);
    let organisation = new_organisation(&db).await;
    let filed = one
        .insert_request(
            organisation,
            request(
                RequestType::Access,
                RequestStatus::InProgress,
                "anna@example.com",
                "2026-12-01",
                Vec::new(),
            ),
            note(AuditAction::RequestCreated),
        )
        .await
        .expect("filed");
    let expires_at = Utc::now() + chrono::Duration::days(7);
    let export = |token: &'static [u8; 32]| NewExport {
        request: filed.id,
        token_hash: token,
        file: b"PK zip",
        expires_at,
        message: message(
            MessageKind::ExportLink,
            Some((filed.id, RequestNotice::ExportReady)),
        ),
        change: completion(&filed),
        audit: note(AuditAction::RequestCompleted),
    };
    let (left, right) = futures::join!(
        one.complete_with_export(organisation, export(&[1; 32])),
        two.complete_with_export(organisation, export(&[2; 32])),
    );
    let outcomes = [left, right];
    let done: Vec<&DataSubjectRequest> = outcomes
        .iter()
        .filter_map(|o| o.as_ref().ok().and_then(Option::as_ref))
        .collect();
    assert_eq!(done.len(), 1, "{outcomes:?}");
    assert_eq!(done[0].status, RequestStatus::Completed);
    assert_eq!(done[0].messages.len(), 1);
    assert_eq!(done[0].messages[0].notice, RequestNotice::ExportReady);
    let files = [
        one.export_file(&[1; 32]).await.expect("read"),
        one.export_file(&[2; 32]).await.expect("read"),
    ];
    assert_eq!(
        files.iter().flatten().count(),
        1,
        "the loser's file rolled back"
    );
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM outbox WHERE organisation_id = $1",
            organisation
        )
        .await,
        1
    );
    db.drop_database().await;
}

#[tokio::test]
async fn stop_processing_changes_the_records_with_the_request_or_not_at_all() {
    let db = Scratch::new().await;
    let store = db.store().await;
    let organisation = new_organisation(&db).await;
    let module = new_module(&db, organisation).await;
    let records = vec![
        new_record(
            &db,
            organisation,
            module,
            ("Anna", "Jansen", "anna@example.com"),
            None,
        )
        .await,
        new_record(
            &db,
            organisation,
            module,
            ("Anna", "Jansen", "anna@example.com"),
            None,
        )
        .await,
    ];
    let found = store
        .records_with_email(
            organisation,
            &consentry_model::Email::parse("ANNA@example.com").expect("address"),
        )
        .await
        .expect("found");
    let mut sorted = records.clone();
    sorted.sort_by_key(|r| r.0);
    assert_eq!(found, sorted);
    let filed = store
        .insert_request(
            organisation,
            request(
                RequestType::StopProcessing,
                RequestStatus::Verified,
                "anna@example.com",
                "2026-12-01",
                records.clone(),
            ),
            note(AuditAction::RequestCreated),
        )
        .await
        .expect("filed");
    let stop = |current: Option<&DataPrivacy>| match current {
        Some(p) if !p.stop_processing => Ok((
            DataPrivacy {
                stop_processing: true,
                ..p.clone()
            },
            None,
        )),
        _ => Err(Skipped),
    };
    let step = |change: RequestChange| RequestStep {
        request: filed.id,
        records: &records,
        rule: &stop,
        source: DataSource {
            through: SourceKind::Manual,
            by: "Ada".into(),
            detail: None,
            at: Utc::now(),
        },
        record_audit: note(AuditAction::ProcessingStopped),
        change,
        message: None,
        audit: note(AuditAction::RequestCompleted),
    };
    // Decided on a request that moved on: nothing is written, the records neither.
    let stale = RequestChange {
        seen_status: RequestStatus::InProgress,
        ..completion(&filed)
    };
    assert!(matches!(
        store.carry_out(organisation, step(stale)).await,
        Err(StoreError::Conflict("data_subject_requests.status"))
    ));
    let stopped = "SELECT COUNT(*) FROM records WHERE organisation_id = $1 AND stop_processing";
    assert_eq!(count(&db, stopped, organisation).await, 0);
    let (done, changed) = store
        .carry_out(organisation, step(completion(&filed)))
        .await
        .expect("carried out")
        .expect("there");
    assert_eq!((done.status, changed), (RequestStatus::Completed, 2));
    assert_eq!(count(&db, stopped, organisation).await, 2);
    let (after,): (serde_json::Value,) = sqlx::query_as(
        "SELECT d.after::jsonb FROM audit_log a JOIN audit_details d USING (organisation_id, seq)
         WHERE a.organisation_id = $1 AND a.action = $2 AND a.subject = $3",
    )
    .bind(organisation.0)
    .bind(AuditAction::RequestCompleted.code())
    .bind(filed.id.to_string())
    .fetch_one(&db.pool)
    .await
    .expect("entry");
    assert_eq!(after["records_stopped"], 2);
    db.drop_database().await;
}

#[tokio::test]
async fn a_challenge_is_kept_with_the_message_carrying_its_code() {
    let db = Scratch::new().await;
    let store = db.store().await;
    let organisation = new_organisation(&db).await;
    let challenge = Challenge {
        id: Uuid::now_v7(),
        organisation,
        email: consentry_model::Email::parse("anna@example.com").expect("address"),
        kind: RequestType::Access,
        details: Some("All you have".into()),
        lang: FormLang::parse("de").expect("de"),
        code_hash: [3; 32],
        attempts: 0,
        expires_at: Utc::now() + chrono::Duration::minutes(15),
        used_at: None,
    };
    store
        .insert_challenge(&challenge, message(MessageKind::PrivacyCentreCode, None))
        .await
        .expect("kept");
    let read = store
        .challenge(challenge.id)
        .await
        .expect("read")
        .expect("there");
    assert_eq!(read.lang.as_str(), "de");
    assert_eq!(read.details.as_deref(), Some("All you have"));
    assert_eq!(
        read.expires_at.timestamp_millis(),
        challenge.expires_at.timestamp_millis()
    );
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM outbox WHERE organisation_id = $1",
            organisation
        )
        .await,
        1
    );
    db.drop_database().await;
}

/// Statistics (the planner's samples of column values) that hold "jansen".
async fn sampled(pool: &PgPool) -> i64 {
    let (n,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM pg_stats WHERE schemaname = 'public'
           AND lower(COALESCE(most_common_vals::text, '')
                     || COALESCE(histogram_bounds::text, '')) LIKE '%jansen%'",
    )
    .fetch_one(pool)
    .await
    .expect("statistics");
    n
}
