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
    forms::{ConsentChoices, FormLang},
    records::{ConsentThrough, DataSource, SourceKind},
};
use consentry_store::{
    AnswerOutcome, AnswerPlan, AuditNote, ConsentEventWrite, ConsentStore, LinkGone, PublicAnswer,
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
             VALUES ($1, $4, 1, '{}', 'ab', $5, 'test')",
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
