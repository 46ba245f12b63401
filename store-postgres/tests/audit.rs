//! The audit trail on PostgreSQL: one linear chain per organisation while writers on several
//! instances append at once, the webhooks an entry raises queued with it, its reads, signed
//! checkpoints and legacy chains hashed anew.

mod common;

use std::collections::BTreeMap;

use common::Scratch;
use consentry_model::{
    OrganisationId,
    audit::{AuditAction, AuditFilter, AuditVerdict},
};
use consentry_store::{
    AuditNote, AuditStore,
    chain::{self, StoredDetail, StoredEntry},
};
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

fn note(action: AuditAction, n: usize) -> AuditNote {
    AuditNote {
        actor: format!("writer {n}"),
        action,
        subject: Some(format!("record {n}")),
        before: None,
        // Spaces and key order as written: the commitment is over this text.
        after: Some(serde_json::json!({ "n": n, "status": "obtained" })),
    }
}

/// An entry as stored.
#[derive(sqlx::FromRow)]
struct Entry {
    seq: i64,
    at: chrono::DateTime<chrono::Utc>,
    actor: String,
    action: String,
    subject: Option<String>,
    detail_hash: Option<Vec<u8>>,
    prev_hash: Vec<u8>,
    hash: Vec<u8>,
}

/// A detail as stored, its JSON as text.
#[derive(sqlx::FromRow)]
struct Detail {
    seq: i64,
    salt: Vec<u8>,
    before: Option<String>,
    after: Option<String>,
}

/// The organisation's chain as stored, verified the way `verify-audit` does.
async fn verdict(db: &Scratch, organisation: OrganisationId) -> AuditVerdict {
    let entries: Vec<Entry> = sqlx::query_as(
        "SELECT seq, at, actor, action, subject, detail_hash, prev_hash, hash
         FROM audit_log WHERE organisation_id = $1 ORDER BY seq",
    )
    .bind(organisation.0)
    .fetch_all(&db.pool)
    .await
    .expect("entries");
    let entries: Vec<StoredEntry> = entries
        .into_iter()
        .map(|e| StoredEntry {
            seq: e.seq.unsigned_abs(),
            at_ms: e.at.timestamp_millis(),
            actor: e.actor,
            action: e.action,
            subject: e.subject,
            detail_hash: e.detail_hash,
            prev_hash: e.prev_hash,
            hash: e.hash,
        })
        .collect();
    let details: Vec<Detail> = sqlx::query_as(
        "SELECT seq, salt, before::text AS before, after::text AS after
         FROM audit_details WHERE organisation_id = $1",
    )
    .bind(organisation.0)
    .fetch_all(&db.pool)
    .await
    .expect("details");
    let details: BTreeMap<u64, StoredDetail> = details
        .into_iter()
        .map(|d| {
            let detail = StoredDetail {
                salt: d.salt,
                before: d.before,
                after: d.after,
            };
            (d.seq.unsigned_abs(), detail)
        })
        .collect();
    chain::verify(&entries, &details, &[], true, None)
}

#[tokio::test]
async fn writers_on_two_instances_at_once_extend_one_intact_chain() {
    let db = Scratch::new().await;
    let organisation = new_organisation(&db).await;
    let a = db.store().await;
    let b = db.store().await;
    let appends = (0..40).map(|n| {
        let store = if n % 2 == 0 { &a } else { &b };
        store.append_audit(organisation, note(AuditAction::RecordUpdated, n))
    });
    for appended in futures::future::join_all(appends).await {
        appended.expect("appended");
    }
    let (entries, _) = a.audit_chain(organisation).await.expect("chain");
    assert_eq!(
        entries.iter().map(|e| e.seq).collect::<Vec<u64>>(),
        (1..=40).collect::<Vec<u64>>(),
        "each place taken once"
    );
    let (seq, head) = b
        .audit_head(organisation)
        .await
        .expect("head")
        .expect("some");
    assert_eq!((seq, head.to_vec()), (40, entries[39].hash.clone()));
    match verdict(&db, organisation).await {
        AuditVerdict::Intact { entries, .. } => assert_eq!(entries, 40),
        broken => panic!("{broken:?}"),
    }
    // Another organisation's chain starts at 1 beside it.
    let other = new_organisation(&db).await;
    a.append_audit(other, note(AuditAction::RecordUpdated, 0))
        .await
        .expect("appended");
    assert_eq!(
        a.audit_head(other).await.expect("head").map(|(seq, _)| seq),
        Some(1)
    );
    db.drop_database().await;
}

#[tokio::test]
async fn an_entry_queues_the_webhooks_subscribed_to_what_it_raises() {
    let db = Scratch::new().await;
    let organisation = new_organisation(&db).await;
    let store = db.store().await;
    let webhook = Uuid::now_v7();
    sqlx::query(
        "INSERT INTO webhooks (id, organisation_id, url, events, secret, created_by, created_at)
         VALUES ($1, $2, 'https://crm.example/hook', '[\"consent.changed\"]', 'whsec_x', 'Ada',
                 now())",
    )
    .bind(webhook)
    .bind(organisation.0)
    .execute(&db.pool)
    .await
    .expect("webhook");
    store
        .append_audit(organisation, note(AuditAction::ConsentAnswered, 1))
        .await
        .expect("answered");
    store
        .append_audit(organisation, note(AuditAction::BasisChanged, 2))
        .await
        .expect("basis changed: not subscribed");
    let deliveries: Vec<(Uuid, String, String, String)> =
        sqlx::query_as("SELECT webhook_id, event, status, facts::text FROM webhook_deliveries")
            .fetch_all(&db.pool)
            .await
            .expect("deliveries");
    assert_eq!(deliveries.len(), 1, "{deliveries:?}");
    let (to, event, status, facts) = &deliveries[0];
    assert_eq!(
        (to, event.as_str(), status.as_str()),
        (&webhook, "consent.changed", "pending")
    );
    assert!(facts.contains("consent.answered"), "{facts}");
    db.drop_database().await;
}

#[tokio::test]
async fn entries_read_newest_first_by_action_and_page_and_about_their_subjects() {
    let db = Scratch::new().await;
    let organisation = new_organisation(&db).await;
    let store = db.store().await;
    for n in 1..=5 {
        let action = if n % 2 == 0 {
            AuditAction::BasisChanged
        } else {
            AuditAction::RecordUpdated
        };
        store
            .append_audit(organisation, note(action, n))
            .await
            .expect("appended");
    }
    let seqs = |entries: &[consentry_model::audit::AuditEntry]| {
        entries.iter().map(|e| e.seq).collect::<Vec<u64>>()
    };
    let all = store
        .audit_entries(organisation, &AuditFilter::default(), None, 10)
        .await
        .expect("entries");
    assert_eq!(seqs(&all), [5, 4, 3, 2, 1]);
    assert_eq!(
        all[0].after,
        Some(serde_json::json!({ "n": 5, "status": "obtained" }))
    );
    assert_eq!(all[0].subject.as_deref(), Some("record 5"));
    assert_eq!(all[0].actor, "writer 5");
    assert!(all[0].redacted.is_none());
    let page = store
        .audit_entries(organisation, &AuditFilter::default(), Some(4), 2)
        .await
        .expect("entries");
    assert_eq!(seqs(&page), [3, 2]);
    let changed = store
        .audit_entries(
            organisation,
            &AuditFilter {
                action: Some(AuditAction::BasisChanged),
                ..AuditFilter::default()
            },
            None,
            10,
        )
        .await
        .expect("entries");
    assert_eq!(seqs(&changed), [4, 2]);
    let about = store
        .audit_entries_about(organisation, &["record 4".into(), "record 1".into()])
        .await
        .expect("entries");
    assert_eq!(seqs(&about), [1, 4]);
    // The chain as the store reads it verifies, as read straight from the tables.
    let (entries, details) = store.audit_chain(organisation).await.expect("chain");
    assert!(matches!(
        chain::verify(&entries, &details, &[], true, None),
        AuditVerdict::Intact { entries: 5, .. }
    ));
    assert_eq!(details.len(), 5);
    let other = new_organisation(&db).await;
    assert!(
        store
            .audit_entries(other, &AuditFilter::default(), None, 10)
            .await
            .expect("entries")
            .is_empty()
    );
    assert_eq!(store.audit_head(other).await.expect("head"), None);
    db.drop_database().await;
}

#[tokio::test]
async fn a_head_signed_on_two_instances_at_once_is_kept_once_and_sent_to_subscribers() {
    let db = Scratch::new().await;
    let organisation = new_organisation(&db).await;
    let a = db.store().await;
    let b = db.store().await;
    assert_eq!(a.audit_key(), b.audit_key(), "one key for every instance");
    sqlx::query(
        "INSERT INTO webhooks (id, organisation_id, url, events, secret, created_by, created_at)
         VALUES ($1, $2, 'https://archive.example/hook', '[\"audit.checkpoint\"]', '', 'Ada',
                 now())",
    )
    .bind(Uuid::now_v7())
    .bind(organisation.0)
    .execute(&db.pool)
    .await
    .expect("webhook");
    for n in 1..=3 {
        a.append_audit(organisation, note(AuditAction::RecordUpdated, n))
            .await
            .expect("appended");
    }
    let (seq, head) = a
        .audit_head(organisation)
        .await
        .expect("head")
        .expect("some");
    let signed = |jws: &str| consentry_model::audit::AuditCheckpoint {
        seq,
        head: consentry_store::crypto::hex(&head),
        at: chrono::Utc::now(),
        jws: jws.into(),
    };
    let (first, second) = (signed("a.a.a"), signed("b.b.b"));
    let (kept_a, kept_b) = futures::future::join(
        a.insert_checkpoint(organisation, &first, head),
        b.insert_checkpoint(organisation, &second, head),
    )
    .await;
    let kept = [kept_a.expect("kept"), kept_b.expect("kept")];
    assert_eq!(kept.iter().filter(|k| **k).count(), 1, "{kept:?}");
    let checkpoints = b
        .audit_checkpoints(organisation)
        .await
        .expect("checkpoints");
    assert_eq!(checkpoints.len(), 1);
    assert_eq!((checkpoints[0].seq, &checkpoints[0].head), (3, &first.head));
    // The head moved on: a checkpoint of the old one is not kept.
    a.append_audit(organisation, note(AuditAction::RecordUpdated, 4))
        .await
        .expect("appended");
    let stale = consentry_model::audit::AuditCheckpoint {
        seq: 4,
        ..signed("c.c.c")
    };
    assert!(
        !a.insert_checkpoint(organisation, &stale, head)
            .await
            .expect("refused")
    );
    let sent: Vec<(String, String)> =
        sqlx::query_as("SELECT event, facts::text FROM webhook_deliveries")
            .fetch_all(&db.pool)
            .await
            .expect("deliveries");
    assert_eq!(sent.len(), 1, "{sent:?}");
    assert_eq!(sent[0].0, "audit.checkpoint");
    let kept_jws = &checkpoints[0].jws;
    assert!(sent[0].1.contains(kept_jws.as_str()), "{sent:?}");
    db.drop_database().await;
}
