//! Consent answers and the outbox with several server instances on one PostgreSQL database:
//! answers through one link are decided one after the other, and each attempt at a message is
//! claimed by one sender.

mod common;

use std::collections::HashSet;

use chrono::{DateTime, SubsecRound, TimeDelta, Utc};
use common::Scratch;
use consentry_model::{
    ConsentStatus, FormId, OrganisationId, RecordId,
    audit::AuditAction,
    consent::{DeliveryStatus, MessageKind, OutboxQuery},
    forms::{ConsentChoices, FormLang, starter_design},
    records::{ConsentThrough, DataSource, SourceKind},
};
use consentry_store::{
    AnswerOutcome, AnswerPlan, AuditNote, ConsentEventWrite, ConsentLink, ConsentRequestWrite,
    ConsentStore, DeliveredWrite, FailedWrite, InstanceStore, LinkGone, NewMessage, OnDelivered,
    PublicAnswer, RecordStore, RequeueWrite, Requeued,
};
use futures::future::join_all;
use sqlx::PgPool;
use uuid::Uuid;

/// An organisation with one record Waiting for consent, a published form and a live consent
/// link (token hash `[7; 32]`) for the record and form.
async fn waiting_record(pool: &PgPool) -> (OrganisationId, RecordId, FormId) {
    let organisation = Uuid::now_v7();
    let module = Uuid::now_v7();
    let record = Uuid::now_v7();
    let form = Uuid::now_v7();
    let now = Utc::now();
    for (sql, note) in [
        (
            "INSERT INTO organisations (id, name, slug, created_at)
             VALUES ($1, 'Acme', 'acme', $5)",
            "organisation",
        ),
        (
            "INSERT INTO modules (id, organisation_id, key, name, builtin, compliance_enabled,
                 created_at)
             VALUES ($2, $1, 'leads', 'Leads', true, true, $5)",
            "module",
        ),
        (
            "INSERT INTO records (organisation_id, id, module_id, last_name, legal_basis,
                 consent_status, created_at, created_through, created_by, updated_at,
                 updated_through, updated_by)
             VALUES ($1, $3, $2, 'Subject', 'consent', 'waiting', $5, 'manual', 'test', $5,
                 'manual', 'test')",
            "record",
        ),
        (
            "INSERT INTO consent_forms (organisation_id, id, name, slug, draft, created_at,
                 updated_at)
             VALUES ($1, $4, 'Newsletter', 'newsletter', '{}', $5, $5)",
            "form",
        ),
        (
            "INSERT INTO form_versions (organisation_id, form_id, version, design, text_hash,
                 published_at, published_by)
             VALUES ($1, $4, 1, $6::json, 'ab', $5, 'test')",
            "version",
        ),
        (
            "INSERT INTO consent_links (token_hash, organisation_id, record_id, form_id,
                 created_at, expires_at)
             VALUES ('\\x0707070707070707070707070707070707070707070707070707070707070707',
                 $1, $3, $4, $5, $5 + interval '1 day')",
            "link",
        ),
    ] {
        sqlx::query(sql)
            .bind(organisation)
            .bind(module)
            .bind(record)
            .bind(form)
            .bind(now)
            .bind(serde_json::to_string(&starter_design("Acme")).expect("design"))
            .execute(pool)
            .await
            .expect(note);
    }
    (OrganisationId(organisation), RecordId(record), FormId(form))
}

/// An answer through link `[7; 32]`: a grant of the newsletter that keeps the link working
/// (the link takes a changed answer later), or a withdrawal of everything that spends it.
fn answer(
    organisation: OrganisationId,
    record: RecordId,
    form: FormId,
    decision: &'static str,
    at: DateTime<Utc>,
) -> PublicAnswer {
    PublicAnswer {
        organisation,
        token_hash: [7; 32],
        event: ConsentEventWrite {
            record,
            form,
            version: 1,
            text_hash: "ab".into(),
            lang: FormLang::parse("en").expect("lang"),
            decision: "",
            choices: ConsentChoices {
                granted: if decision == "granted" {
                    ["newsletter".to_owned()].into()
                } else {
                    Default::default()
                },
                channels: Default::default(),
            },
            at,
            ip: None,
            user_agent: None,
        },
        source: DataSource {
            through: SourceKind::ConsentForm,
            by: "Newsletter".into(),
            detail: None,
            at,
        },
        rule: Box::new(move |before| {
            let mut privacy = before.cloned().expect("a section");
            let consent = privacy.consent.as_mut().expect("consent");
            consent.status = if decision == "granted" {
                ConsentStatus::Obtained
            } else {
                ConsentStatus::Withdrawn
            };
            consent.through = Some(ConsentThrough::ConsentForm);
            Ok(AnswerPlan {
                privacy,
                change: None,
                decision,
                spend: decision != "granted",
                audit: AuditNote {
                    actor: "subject".into(),
                    action: AuditAction::ConsentAnswered,
                    subject: None,
                    before: None,
                    after: None,
                },
            })
        }),
    }
}

async fn events(pool: &PgPool, decision: &str) -> i64 {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM consent_events WHERE decision = $1")
        .bind(decision)
        .fetch_one(pool)
        .await
        .expect("count");
    n
}

#[tokio::test]
async fn the_same_answer_sent_sixteen_times_at_once_to_two_instances_is_recorded_once() {
    let db = Scratch::new().await;
    let a = db.store().await;
    let b = db.store().await;
    let (organisation, record, form) = waiting_record(&db.pool).await;

    // A double-clicked grant, resent many times, half of them to each instance.
    let at = Utc::now();
    let outcomes = join_all((0..16).map(|i| {
        let store = if i % 2 == 0 { &a } else { &b };
        store.record_consent(answer(organisation, record, form, "granted", at))
    }))
    .await;
    let outcomes: Vec<AnswerOutcome> = outcomes.into_iter().map(|o| o.expect("answered")).collect();
    let recorded = outcomes
        .iter()
        .filter(|o| matches!(o, AnswerOutcome::Recorded { .. }))
        .count();
    assert_eq!(recorded, 1, "one grant recorded: {outcomes:?}");
    assert_eq!(
        outcomes
            .iter()
            .filter(|o| **o == AnswerOutcome::LinkGone(LinkGone::Repeated))
            .count(),
        15,
        "the others are repeats of it: {outcomes:?}"
    );
    assert_eq!(events(&db.pool, "granted").await, 1);
    let granted = a
        .latest_choices(organisation, record, form)
        .await
        .expect("choices")
        .expect("granted");
    assert_eq!(granted.granted, ["newsletter".to_owned()].into());

    // A withdrawal spends the link: sent many times at once, one is recorded, the rest find
    // the link spent.
    let at = Utc::now();
    let outcomes = join_all((0..16).map(|i| {
        let store = if i % 2 == 0 { &a } else { &b };
        store.record_consent(answer(organisation, record, form, "withdrawn", at))
    }))
    .await;
    let outcomes: Vec<AnswerOutcome> = outcomes.into_iter().map(|o| o.expect("answered")).collect();
    assert_eq!(
        outcomes
            .iter()
            .filter(|o| matches!(o, AnswerOutcome::Recorded { .. }))
            .count(),
        1,
        "one withdrawal recorded: {outcomes:?}"
    );
    assert_eq!(
        outcomes
            .iter()
            .filter(|o| **o == AnswerOutcome::LinkGone(LinkGone::Spent))
            .count(),
        15,
        "the others find the link spent: {outcomes:?}"
    );
    assert_eq!(events(&db.pool, "withdrawn").await, 1);
    let link = a.consent_link(&[7; 32]).await.expect("read").expect("link");
    assert!(link.spent_at.is_some(), "the withdrawal spent the link");
    let (entries,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM audit_log")
        .fetch_one(&db.pool)
        .await
        .expect("audit");
    assert_eq!(entries, 2, "one audit entry per answer recorded");
    drop((a, b));
    db.drop_database().await;
}

/// Queues `n` messages of the organisation, due at `at`.
async fn queue(pool: &PgPool, organisation: OrganisationId, n: usize, at: DateTime<Utc>) {
    for i in 0..n {
        sqlx::query(
            "INSERT INTO outbox (organisation_id, id, recipient, subject, body_text, created_at,
                 status, next_attempt_at, schedule_started_at)
             VALUES ($1, $2, $3, 'Hello', 'Hello', $4, 'queued', $4, $4)",
        )
        .bind(organisation.0)
        .bind(Uuid::now_v7())
        .bind(format!("subject{i}@example.org"))
        .bind(at)
        .execute(pool)
        .await
        .expect("message");
    }
}

#[tokio::test]
async fn senders_on_two_instances_never_claim_the_same_attempt_and_a_dead_senders_claim_runs_out() {
    let db = Scratch::new().await;
    let a = db.store().await;
    let b = db.store().await;
    let (organisation, _, _) = waiting_record(&db.pool).await;
    // Both instances alive throughout (a server renews its lease while it runs).
    for instance in [&a, &b] {
        instance
            .keep_alive(Utc::now() + TimeDelta::hours(1))
            .await
            .expect("alive");
    }
    // Times as the store keeps them: to the millisecond.
    let now = (Utc::now() - TimeDelta::seconds(10)).trunc_subsecs(3);
    const MESSAGES: usize = 40;
    queue(&db.pool, organisation, MESSAGES, now).await;
    let until = now + TimeDelta::minutes(5);

    // Both instances read the same due messages and claim every one of them at once.
    let due_a = a.due_messages(now, 100).await.expect("due");
    let due_b = b.due_messages(now, 100).await.expect("due");
    assert_eq!(due_a.len(), MESSAGES);
    assert_eq!(due_a, due_b, "both see every message due");
    let claims = join_all(
        due_a
            .iter()
            .flat_map(|(o, id)| {
                [
                    a.claim_message(*o, *id, now, until),
                    b.claim_message(*o, *id, now, until),
                ]
            })
            .collect::<Vec<_>>(),
    )
    .await;
    let claimed: Vec<Uuid> = claims
        .into_iter()
        .filter_map(|c| c.expect("claim"))
        .map(|m| m.message.id)
        .collect();
    let distinct: HashSet<Uuid> = claimed.iter().copied().collect();
    assert_eq!(claimed.len(), MESSAGES, "each message claimed exactly once");
    assert_eq!(distinct.len(), MESSAGES);
    assert!(
        a.due_messages(now, 100).await.expect("due").is_empty(),
        "a claimed message is not due while its claim runs"
    );
    assert_eq!(
        a.next_message_due().await.expect("next"),
        Some(until),
        "the next due is when the claims run out"
    );

    // The sender of one message records a retry; the others' sender died. When their claims
    // run out they are due again, and once more one instance gets each attempt.
    let (o, first) = due_a[0];
    a.mark_retry(o, first, "421 try later", until + TimeDelta::hours(1))
        .await
        .expect("retry");
    let later = until + TimeDelta::seconds(1);
    let due = b.due_messages(later, 100).await.expect("due");
    assert_eq!(
        due.len(),
        MESSAGES - 1,
        "the dead sender's messages are due again"
    );
    assert!(
        !due.iter().any(|(_, id)| *id == first),
        "the retry waits its time"
    );
    let claims = join_all(
        due.iter()
            .flat_map(|(o, id)| {
                [
                    a.claim_message(*o, *id, later, later + TimeDelta::minutes(5)),
                    b.claim_message(*o, *id, later, later + TimeDelta::minutes(5)),
                ]
            })
            .collect::<Vec<_>>(),
    )
    .await;
    let claimed = claims.into_iter().filter_map(|c| c.expect("claim")).count();
    assert_eq!(claimed, MESSAGES - 1, "each claimed again exactly once");
    let retried = a
        .outbox_message(o, first)
        .await
        .expect("read")
        .expect("message");
    assert_eq!(retried.message.attempts, 1);
    assert_eq!(retried.message.detail.as_deref(), Some("421 try later"));
    drop((a, b));
    db.drop_database().await;
}

#[tokio::test]
async fn the_claim_of_an_instance_that_stopped_renewing_its_lease_is_free_at_once() {
    let db = Scratch::new().await;
    let (a, b) = (db.store().await, db.store().await);
    let (organisation, _, _) = waiting_record(&db.pool).await;
    let now = Utc::now().trunc_subsecs(3);
    queue(&db.pool, organisation, 2, now - TimeDelta::seconds(1)).await;
    for instance in [&a, &b] {
        instance
            .keep_alive(now + TimeDelta::seconds(30))
            .await
            .expect("alive");
    }
    let due = a.due_messages(now, 10).await.expect("due");
    let until = now + TimeDelta::minutes(5);
    for (o, id) in &due {
        let claimed = a.claim_message(*o, *id, now, until).await.expect("claim");
        assert!(claimed.is_some(), "a claims every message");
    }
    // While a lives, its claims hold until they run out.
    assert!(b.due_messages(now, 10).await.expect("due").is_empty());
    let (o, id) = due[0];
    assert!(
        b.claim_message(o, id, now, until)
            .await
            .expect("claim")
            .is_none()
    );
    // Looked at again when a's lease runs out, unless a renews it by then.
    assert_eq!(
        a.next_message_due().await.expect("next"),
        Some(now + TimeDelta::seconds(30))
    );
    // A lease run out (a killed instance): its claims are free at once, long before `until`.
    let after = now + TimeDelta::seconds(31);
    assert_eq!(b.due_messages(after, 10).await.expect("due").len(), 2);
    assert!(
        b.claim_message(o, id, after, after + TimeDelta::minutes(5))
            .await
            .expect("claim")
            .is_some()
    );
    // A clean stop frees them too, and the next due is the message's own time again.
    let (o2, id2) = due[1];
    a.retire().await.expect("retired");
    assert!(
        b.claim_message(o2, id2, now, until)
            .await
            .expect("claim")
            .is_some()
    );
    drop((a, b));
    db.drop_database().await;
}

#[tokio::test]
async fn mail_queued_on_one_instance_wakes_the_senders_of_the_others() {
    let db = Scratch::new().await;
    let (a, b) = (db.store().await, db.store().await);
    let (organisation, _, _) = waiting_record(&db.pool).await;
    let quiet = std::time::Duration::from_millis(300);
    let woken = std::time::Duration::from_secs(1);
    assert!(
        tokio::time::timeout(quiet, b.mail_queued_elsewhere())
            .await
            .is_err(),
        "nothing queued: no one is woken"
    );
    // A message only stored (no SMTP server) is nothing to send.
    let stored = Uuid::now_v7();
    sqlx::query(
        "INSERT INTO outbox (organisation_id, id, recipient, subject, body_text, created_at,
             status)
         VALUES ($1, $2, 'subject@example.org', 'Hello', 'Hello', now(), 'stored')",
    )
    .bind(organisation.0)
    .bind(stored)
    .execute(&db.pool)
    .await
    .expect("stored message");
    assert!(
        tokio::time::timeout(quiet, b.mail_queued_elsewhere())
            .await
            .is_err(),
        "a stored message wakes no one"
    );
    // Queued (here by hand, as any instance does): both instances' senders are woken.
    queue(&db.pool, organisation, 3, Utc::now()).await;
    for instance in [&a, &b] {
        tokio::time::timeout(woken, instance.mail_queued_elsewhere())
            .await
            .expect("woken within a second");
    }
    // Three inserts, three announcements: the bell keeps one ring; take it.
    tokio::time::sleep(quiet).await;
    let _ = tokio::time::timeout(quiet, b.mail_queued_elsewhere()).await;
    assert!(
        tokio::time::timeout(quiet, b.mail_queued_elsewhere())
            .await
            .is_err()
    );
    // A message queued again (from stored, or after it failed) wakes them too.
    sqlx::query("UPDATE outbox SET status = 'queued', next_attempt_at = now() WHERE id = $1")
        .bind(stored)
        .execute(&db.pool)
        .await
        .expect("requeued");
    tokio::time::timeout(woken, b.mail_queued_elsewhere())
        .await
        .expect("woken within a second");
    drop((a, b));
    db.drop_database().await;
}

#[tokio::test]
async fn two_instances_making_an_organisations_signing_key_at_once_keep_one() {
    let db = Scratch::new().await;
    let a = db.store().await;
    let b = db.store().await;
    let (organisation, _, _) = waiting_record(&db.pool).await;
    let (made_a, made_b) = futures::join!(
        a.insert_signing_key(organisation, "key-a", &[1; 32], &[11; 32]),
        b.insert_signing_key(organisation, "key-b", &[2; 32], &[22; 32]),
    );
    made_a.expect("a");
    made_b.expect("b");
    let key_a = a
        .signing_key(organisation)
        .await
        .expect("read")
        .expect("key");
    let key_b = b
        .signing_key(organisation)
        .await
        .expect("read")
        .expect("key");
    assert_eq!(key_a, key_b, "both instances sign with the one key kept");
    let public = a.public_keys().await.expect("public");
    assert_eq!(public.len(), 1);
    assert_eq!(public[0].0, key_a.0);
    let expected = if key_a.0 == "key-a" {
        [11; 32]
    } else {
        [22; 32]
    };
    assert_eq!(public[0].1, expected, "the public key of the secret kept");
    drop((a, b));
    db.drop_database().await;
}

fn note(action: AuditAction) -> AuditNote {
    AuditNote {
        actor: "test".into(),
        action,
        subject: None,
        before: None,
        after: None,
    }
}

fn source(at: DateTime<Utc>) -> DataSource {
    DataSource {
        through: SourceKind::Email,
        by: "Consentry".into(),
        detail: None,
        at,
    }
}

#[tokio::test]
async fn the_outbox_lists_retries_gives_up_requeues_and_delivers_messages_as_on_sqlite() {
    let db = Scratch::new().await;
    let a = db.store().await;
    let b = db.store().await;
    let (organisation, record, form) = waiting_record(&db.pool).await;
    let now = Utc::now().trunc_subsecs(3);
    queue(&db.pool, organisation, 3, now).await;

    // Newest first; filtered by status, kind, record and page.
    let all = a
        .outbox(organisation, &OutboxQuery::default(), 10)
        .await
        .expect("outbox");
    assert_eq!(all.len(), 3);
    assert!(
        all[0].id > all[1].id && all[1].id > all[2].id,
        "newest first"
    );
    let queued = OutboxQuery {
        status: Some(DeliveryStatus::Queued),
        ..OutboxQuery::default()
    };
    assert_eq!(
        a.outbox(organisation, &queued, 10).await.expect("q").len(),
        3
    );
    let requests = OutboxQuery {
        kind: Some(MessageKind::ConsentRequest),
        ..OutboxQuery::default()
    };
    assert!(
        a.outbox(organisation, &requests, 10)
            .await
            .expect("k")
            .is_empty()
    );
    let to_record = OutboxQuery {
        record_id: Some(record),
        ..OutboxQuery::default()
    };
    assert!(
        a.outbox(organisation, &to_record, 10)
            .await
            .expect("r")
            .is_empty()
    );
    let page = OutboxQuery {
        before: Some(all[0].id),
        ..OutboxQuery::default()
    };
    let older = a.outbox(organisation, &page, 1).await.expect("page");
    assert_eq!(older.iter().map(|m| m.id).collect::<Vec<_>>(), [all[1].id]);
    let (sent, failed) = (all[2].id, all[1].id);

    // Delivered once, by whichever sender recorded it first.
    let rule = |_: Option<&consentry_model::records::DataPrivacy>| Err(consentry_store::Skipped);
    let results = join_all([&a, &b].map(|store| {
        store.mark_delivered(DeliveredWrite {
            organisation,
            message: sent,
            from: DeliveryStatus::Queued,
            at: now,
            detail: "250 OK".into(),
            rule: &rule,
            source: source(now),
            audit: None,
        })
    }))
    .await;
    let recorded: Vec<bool> = results.into_iter().map(|r| r.expect("delivered")).collect();
    assert_eq!(
        recorded.iter().filter(|r| **r).count(),
        1,
        "one delivery recorded"
    );
    let message = a
        .outbox_message(organisation, sent)
        .await
        .expect("read")
        .expect("sent");
    assert_eq!(message.message.status, DeliveryStatus::Sent);
    assert_eq!(message.message.attempts, 1);
    assert_eq!(message.message.sent_at, Some(now));

    // Given up, then queued again once though asked twice at once.
    a.mark_failed(FailedWrite {
        organisation,
        message: failed,
        reason: "550 no such user",
        note: &source(now),
        attempted: true,
    })
    .await
    .expect("failed");
    assert_eq!(
        a.failed_messages(organisation).await.expect("failed"),
        [failed]
    );
    let results = join_all([&a, &b].map(|store| {
        store.requeue_message(RequeueWrite {
            organisation,
            message: failed,
            now,
            note: source(now),
            audit: note(AuditAction::MessageRetried),
        })
    }))
    .await;
    let mut outcomes: Vec<Requeued> = results.into_iter().map(|r| r.expect("requeue")).collect();
    outcomes.sort_by_key(|o| matches!(o, Requeued::Queued));
    assert_eq!(
        outcomes,
        [
            Requeued::NotFailed(DeliveryStatus::Queued),
            Requeued::Queued
        ],
        "queued again once"
    );
    let (entries,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM audit_log")
        .fetch_one(&db.pool)
        .await
        .expect("audit");
    assert_eq!(entries, 1, "one audit entry for the one requeue");
    let requeued = a
        .outbox_message(organisation, failed)
        .await
        .expect("read")
        .expect("m");
    assert_eq!(requeued.message.status, DeliveryStatus::Queued);
    assert_eq!(requeued.message.attempts, 0);
    assert!(
        a.failed_messages(organisation)
            .await
            .expect("failed")
            .is_empty()
    );
    assert_eq!(
        a.next_message_due().await.expect("next"),
        Some(now),
        "the message never tried and the one queued again are due now"
    );

    // A message written before links were sealed: its link sealed, its hash the token's.
    let legacy = Uuid::now_v7();
    sqlx::query(
        "INSERT INTO outbox (organisation_id, id, recipient, subject, body_text, created_at,
             status, kind)
         VALUES ($1, $2, 'x@example.org', 'Consent', 'Answer at https://acme.test/c/abc',
             $3, 'stored', 'other')",
    )
    .bind(organisation.0)
    .bind(legacy)
    .bind(now)
    .execute(&db.pool)
    .await
    .expect("legacy");
    let found = a.legacy_link_messages().await.expect("legacy");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].1, legacy);
    a.seal_legacy_message(
        organisation,
        legacy,
        ("Answer at https://acme.test/c/{token}".into(), None),
        "abc",
    )
    .await
    .expect("sealed");
    let sealed = a
        .outbox_message(organisation, legacy)
        .await
        .expect("read")
        .expect("m");
    assert_eq!(sealed.message.kind, MessageKind::ConsentRequest);
    assert_eq!(sealed.secret.as_deref(), Some("abc"));
    // SHA-256 of "abc".
    let abc: [u8; 32] = [
        0xba, 0x78, 0x16, 0xbf, 0x8f, 0x01, 0xcf, 0xea, 0x41, 0x41, 0x40, 0xde, 0x5d, 0xae, 0x22,
        0x23, 0xb0, 0x03, 0x61, 0xa3, 0x96, 0x17, 0x7a, 0x9c, 0xb4, 0x10, 0xff, 0x61, 0xf2, 0x00,
        0x15, 0xad,
    ];
    assert_eq!(sealed.link, Some(abc));
    assert!(a.legacy_link_messages().await.expect("legacy").is_empty());

    // The form as published, from the database and then from the cache.
    let (version, design) = a
        .published_form(organisation, form)
        .await
        .expect("read")
        .expect("published");
    assert_eq!(version.version, 1);
    assert_eq!(design, starter_design("Acme"));
    assert_eq!(
        a.published_form(organisation, form).await.expect("cached"),
        Some((version, design))
    );
    drop((a, b));
    db.drop_database().await;
}

#[tokio::test]
async fn records_mailed_before_the_cutoff_and_still_waiting_are_expired_once_with_their_events() {
    let db = Scratch::new().await;
    let a = db.store().await;
    let b = db.store().await;
    let (organisation, record, _) = waiting_record(&db.pool).await;
    let now = Utc::now().trunc_subsecs(3);
    sqlx::query("UPDATE records SET mail_sent_at = $2 WHERE id = $1")
        .bind(record.0)
        .bind(now - TimeDelta::days(40))
        .execute(&db.pool)
        .await
        .expect("mailed");
    let cutoff = now - TimeDelta::days(30);
    let note = source(now);
    let (first, second) = futures::join!(
        a.expire_waiting(organisation, cutoff, &note),
        b.expire_waiting(organisation, cutoff, &note),
    );
    assert_eq!(first.expect("a") + second.expect("b"), 1, "expired once");
    let (status,): (String,) = sqlx::query_as("SELECT consent_status FROM records WHERE id = $1")
        .bind(record.0)
        .fetch_one(&db.pool)
        .await
        .expect("status");
    assert_eq!(status, "not_responded");
    let events: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT before_status, after_status, source FROM privacy_events WHERE record_id = $1",
    )
    .bind(record.0)
    .fetch_all(&db.pool)
    .await
    .expect("events");
    assert_eq!(
        events,
        [("waiting".into(), "not_responded".into(), "email".into())],
        "one event for the one change"
    );
    drop((a, b));
    db.drop_database().await;
}

#[tokio::test]
async fn a_request_replaces_an_undelivered_one_and_its_delivery_revokes_the_link_held_before() {
    let db = Scratch::new().await;
    let a = db.store().await;
    let (organisation, record, form) = waiting_record(&db.pool).await;
    let now = Utc::now().trunc_subsecs(3);
    let request = |token: u8, at: DateTime<Utc>| request(organisation, record, form, token, at);
    // The first request's link (7, made by `waiting_record`) was delivered; 8 was not.
    sqlx::query(
        "INSERT INTO outbox (organisation_id, id, record_id, recipient, subject, body_text,
             created_at, status, kind, link_hash, sent_at)
         VALUES ($1, $2, $3, 's@example.org', 'Consent', 'x', $4, 'sent', 'consent_request',
             $5, $4)",
    )
    .bind(organisation.0)
    .bind(Uuid::now_v7())
    .bind(record.0)
    .bind(now)
    .bind(vec![7u8; 32])
    .execute(&db.pool)
    .await
    .expect("delivered request");
    let undelivered = a.send_consent_request(request(8, now)).await.expect("8");
    let replacing = a
        .send_consent_request(request(9, now + TimeDelta::seconds(1)))
        .await
        .expect("9");
    let replaced = a
        .outbox_message(organisation, undelivered)
        .await
        .expect("r")
        .expect("m");
    assert_eq!(replaced.message.status, DeliveryStatus::Failed);
    assert_eq!(replaced.message.replaced_by, Some(replacing));
    assert!(link(&a, 8).await.revoked_at.is_some());
    assert!(
        link(&a, 7).await.revoked_at.is_none(),
        "the link the subject holds works until the new one is delivered"
    );
    assert_eq!(
        a.latest_link_created(organisation, record, form)
            .await
            .expect("latest"),
        Some(now + TimeDelta::seconds(1))
    );
    // Asking again since then is refused.
    let again = ConsentRequestWrite {
        skip_asked_since: Some(now),
        ..request(10, now + TimeDelta::seconds(2))
    };
    assert!(matches!(
        a.send_consent_request(again).await,
        Err(consentry_store::StoreError::Conflict("outbox.asked_since"))
    ));

    // Delivered a day later: the link works 30 days from then, and the one held is revoked.
    let claimed = a
        .claim_message(
            organisation,
            replacing,
            now + TimeDelta::days(1),
            now + TimeDelta::days(2),
        )
        .await
        .expect("claim")
        .expect("due");
    assert_eq!(claimed.secret.as_deref(), Some("token-9"));
    let rule = |before: Option<&consentry_model::records::DataPrivacy>| {
        before
            .cloned()
            .map(|p| (p, None))
            .ok_or(consentry_store::Skipped)
    };
    let at = now + TimeDelta::days(1);
    assert!(
        a.mark_delivered(DeliveredWrite {
            organisation,
            message: replacing,
            from: DeliveryStatus::Queued,
            at,
            detail: "250 OK".into(),
            rule: &rule,
            source: source(at),
            audit: None,
        })
        .await
        .expect("delivered")
    );
    let nine = link(&a, 9).await;
    assert_eq!(nine.expires_at, now + TimeDelta::days(31));
    assert!(link(&a, 7).await.revoked_at.is_some());
    drop(a);
    db.drop_database().await;
}

/// The consent link of token hash `[token; 32]`.
async fn link(store: &consentry_store_postgres::PostgresStore, token: u8) -> ConsentLink {
    store
        .consent_link(&[token; 32])
        .await
        .expect("read")
        .expect("a link")
}

/// A consent request for the record and form, through link `[token; 32]`.
fn request(
    organisation: OrganisationId,
    record: RecordId,
    form: FormId,
    token: u8,
    at: DateTime<Utc>,
) -> ConsentRequestWrite {
    ConsentRequestWrite {
        organisation,
        record,
        link: ([token; 32], form, at + TimeDelta::days(30)),
        message: NewMessage {
            kind: MessageKind::ConsentRequest,
            record: Some(record),
            recipient: "subject@example.org".into(),
            subject: "Your consent".into(),
            body_text: "Answer at {token}".into(),
            body_html: None,
            status: DeliveryStatus::Queued,
            secret: Some(format!("token-{token}")),
            list_unsubscribe: None,
            link: Some([token; 32]),
            on_delivered: Some(OnDelivered::ConsentRequest {
                form,
                template: None,
            }),
            job: None,
            about_request: None,
            expires_at: None,
        },
        note: source(at),
        replaces: None,
        skip_asked_since: None,
        audit: note(AuditAction::ConsentRequested),
    }
}

#[tokio::test]
async fn requests_to_one_record_sent_at_once_from_two_instances_leave_one_live_link() {
    let db = Scratch::new().await;
    let a = db.store().await;
    let b = db.store().await;
    let (organisation, record, form) = waiting_record(&db.pool).await;
    let now = Utc::now().trunc_subsecs(3);
    let sent = join_all((0..8u8).map(|i| {
        let store = if i % 2 == 0 { &a } else { &b };
        store.send_consent_request(request(organisation, record, form, 10 + i, now))
    }))
    .await;
    assert!(
        sent.iter().all(Result::is_ok),
        "every request written: {sent:?}"
    );
    let (live,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM consent_links
         WHERE record_id = $1 AND revoked_at IS NULL AND spent_at IS NULL",
    )
    .bind(record.0)
    .fetch_one(&db.pool)
    .await
    .expect("links");
    assert_eq!(live, 1, "each request revoked the one before it");
    let (queued,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM outbox WHERE record_id = $1 AND status = 'queued'")
            .bind(record.0)
            .fetch_one(&db.pool)
            .await
            .expect("messages");
    assert_eq!(queued, 1, "the others' messages were replaced");
    drop((a, b));
    db.drop_database().await;
}

#[tokio::test]
async fn an_answer_sent_with_an_idempotency_key_leaves_its_claim_beside_its_audit_entry() {
    let db = Scratch::new().await;
    let a = db.store().await;
    let (organisation, record, form) = waiting_record(&db.pool).await;
    let outcome = consentry_store::keyed::within(
        [9; 16],
        a.record_consent(answer(organisation, record, form, "granted", Utc::now())),
    )
    .await
    .expect("answered");
    assert!(matches!(outcome, AnswerOutcome::Recorded { .. }));
    let effects: Vec<(Vec<u8>, i64)> =
        sqlx::query_as("SELECT claim_token, seq FROM idempotency_effects")
            .fetch_all(&db.pool)
            .await
            .expect("effects");
    assert_eq!(
        effects,
        [(vec![9; 16], 1)],
        "a retry after a crash finds the answer was recorded"
    );
    drop(a);
    db.drop_database().await;
}

#[tokio::test]
async fn an_answer_racing_the_deletion_of_its_record_on_another_instance_never_deadlocks() {
    // Both take the organisation's chain before the link: the answer is recorded before
    // the deletion or finds its link revoked. Taken the other way round they can wait for
    // each other; PostgreSQL would then break the circle after `deadlock_timeout` by failing
    // one (and the group commit would write the answer again alone), so here that timeout is
    // an hour: a circle shows as a round that never ends.
    for _ in 0..12 {
        let db = Scratch::new().await;
        let (name,): (String,) = sqlx::query_as("SELECT current_database()")
            .fetch_one(&db.pool)
            .await
            .expect("name");
        sqlx::query(&format!(
            "ALTER DATABASE {name} SET deadlock_timeout = '1h'"
        ))
        .execute(&db.pool)
        .await
        .expect("deadlock_timeout");
        let (a, b) = (db.store().await, db.store().await);
        let (organisation, record, form) = waiting_record(&db.pool).await;
        let race = async {
            futures::join!(
                a.record_consent(answer(organisation, record, form, "granted", Utc::now())),
                b.delete_record(organisation, record, note(AuditAction::RecordDeleted)),
            )
        };
        let (answered, deleted) = tokio::time::timeout(std::time::Duration::from_secs(30), race)
            .await
            .expect("the answer and the deletion waited for each other");
        assert!(deleted.expect("deleted"));
        let answered = answered.expect("answered");
        assert!(
            matches!(
                answered,
                AnswerOutcome::Recorded { .. } | AnswerOutcome::LinkGone(_)
            ),
            "{answered:?}"
        );
        drop((a, b));
        db.drop_database().await;
    }
}
