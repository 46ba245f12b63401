//! Webhook subscriptions and deliveries on PostgreSQL: each due delivery handed to one
//! instance's sender, due again when that instance stopped before it said what came of it.

mod common;

use std::collections::{BTreeSet, HashSet};

use chrono::{DateTime, TimeDelta, Utc};
use common::Scratch;
use consentry_model::{
    OrganisationId, WebhookId,
    audit::AuditAction,
    webhooks::{DeliveryFailure, DeliveryState, Webhook, WebhookEvent},
};
use consentry_store::{
    Attempt, AuditNote, AuditStore, DueDelivery, DueQuery, InstanceStore, Retried, RetryDelivery,
    WebhookStore,
};
use consentry_store_postgres::PostgresStore;
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

fn note(action: AuditAction, subject: &str) -> AuditNote {
    AuditNote {
        actor: "ada@acme.example".into(),
        action,
        subject: Some(subject.into()),
        before: None,
        after: Some(serde_json::json!({ "status": "obtained" })),
    }
}

/// A subscription to consent changes, made through the store.
async fn subscribe(store: &PostgresStore, organisation: OrganisationId) -> WebhookId {
    let webhook = Webhook {
        id: WebhookId(Uuid::now_v7()),
        url: "https://crm.example/hook".into(),
        events: vec![WebhookEvent::ConsentChanged],
        created_by: "Ada".into(),
        created_at: Utc::now(),
        legacy_secret: false,
    };
    store
        .insert_webhook(
            organisation,
            &webhook,
            "whsec_c2VjcmV0",
            note(AuditAction::WebhookCreated, &webhook.id.0.to_string()),
        )
        .await
        .expect("subscribed");
    webhook.id
}

/// `n` consent changes, each queuing one delivery to every subscription.
async fn changes(store: &PostgresStore, organisation: OrganisationId, n: usize) {
    for i in 0..n {
        store
            .append_audit(
                organisation,
                note(AuditAction::ConsentAnswered, &format!("record {i}")),
            )
            .await
            .expect("answered");
    }
}

fn query(now: DateTime<Utc>, limit: u32, in_flight: Vec<Uuid>) -> DueQuery {
    DueQuery {
        now,
        limit,
        per_webhook: 1000,
        per_organisation: 1000,
        in_flight,
        ..DueQuery::default()
    }
}

fn ids(due: &[DueDelivery]) -> Vec<Uuid> {
    due.iter().map(|d| d.delivery.id).collect()
}

fn attempt(state: DeliveryState, status: u16, next_attempt_at: DateTime<Utc>) -> Attempt {
    Attempt {
        status: Some(status),
        failure: (status >= 500).then_some(DeliveryFailure::Connect),
        state,
        next_attempt_at,
    }
}

#[tokio::test]
async fn two_instances_polling_at_once_never_get_the_same_delivery() {
    let db = Scratch::new().await;
    let organisation = new_organisation(&db).await;
    let a = db.store().await;
    let b = db.store().await;
    subscribe(&a, organisation).await;
    changes(&a, organisation, 60).await;
    let now = Utc::now() + TimeDelta::seconds(1);
    // Both alive until after the claims run out (a server renews its lease while it runs).
    for instance in [&a, &b] {
        instance
            .keep_alive(now + TimeDelta::minutes(10))
            .await
            .expect("alive");
    }
    // Each instance's sender polls, leaving out what it is sending, as the other polls at the
    // same moment, until nothing is left.
    let mut got: [Vec<Uuid>; 2] = [Vec::new(), Vec::new()];
    loop {
        let (due_a, due_b) = futures::future::join(
            a.due_deliveries(query(now, 7, got[0].clone())),
            b.due_deliveries(query(now, 7, got[1].clone())),
        )
        .await;
        let (due_a, due_b) = (due_a.expect("polled"), due_b.expect("polled"));
        if due_a.is_empty() && due_b.is_empty() {
            break;
        }
        got[0].extend(ids(&due_a));
        got[1].extend(ids(&due_b));
    }
    let all: Vec<Uuid> = got.concat();
    let distinct: HashSet<Uuid> = all.iter().copied().collect();
    assert_eq!(all.len(), distinct.len(), "a delivery handed out twice");
    assert_eq!(distinct.len(), 60, "every delivery handed out");
    assert!(
        !got[0].is_empty() && !got[1].is_empty(),
        "both instances sent"
    );
    // A third instance finds nothing due while those claims last...
    let c = db.store().await;
    let due = c
        .due_deliveries(query(now, 100, Vec::new()))
        .await
        .expect("polled");
    assert!(due.is_empty(), "{} claimed deliveries due again", due.len());
    // ... and takes them all once they ran out (a and b stopped without a word).
    let later = now + TimeDelta::minutes(6);
    let due = c
        .due_deliveries(query(later, 100, Vec::new()))
        .await
        .expect("polled");
    assert_eq!(ids(&due).into_iter().collect::<HashSet<_>>(), distinct);
    db.drop_database().await;
}

#[tokio::test]
async fn a_due_delivery_carries_its_event_and_secret_oldest_first() {
    let db = Scratch::new().await;
    let organisation = new_organisation(&db).await;
    let store = db.store().await;
    let webhook = subscribe(&store, organisation).await;
    changes(&store, organisation, 3).await;
    let due = store
        .due_deliveries(query(Utc::now(), 10, Vec::new()))
        .await
        .expect("polled");
    assert_eq!(due.len(), 3);
    let first = &due[0];
    assert_eq!(first.delivery.webhook, webhook);
    assert_eq!(first.delivery.event, WebhookEvent::ConsentChanged);
    assert_eq!(first.delivery.state, DeliveryState::Pending);
    assert_eq!(first.organisation, organisation);
    assert_eq!(first.secret, "whsec_c2VjcmV0", "unwrapped as it was given");
    assert_eq!(first.subject.as_deref(), Some("record 0"));
    assert_eq!(
        first.facts.as_ref().map(|f| f["after"]["status"].clone()),
        Some(serde_json::json!("obtained"))
    );
    let subjects: Vec<Option<&str>> = due.iter().map(|d| d.subject.as_deref()).collect();
    assert_eq!(
        subjects,
        [Some("record 0"), Some("record 1"), Some("record 2")]
    );
    // The same instance gets its own claims again, except what it is sending.
    let again = store
        .due_deliveries(query(Utc::now(), 10, vec![first.delivery.id]))
        .await
        .expect("polled");
    assert_eq!(ids(&again), ids(&due)[1..]);
    db.drop_database().await;
}

#[tokio::test]
async fn due_deliveries_keep_to_the_bounds_of_each_webhook_and_organisation() {
    let db = Scratch::new().await;
    let acme = new_organisation(&db).await;
    let other = new_organisation(&db).await;
    let store = db.store().await;
    let first = subscribe(&store, acme).await;
    let second = subscribe(&store, acme).await;
    let elsewhere = subscribe(&store, other).await;
    changes(&store, acme, 3).await;
    changes(&store, other, 2).await;
    let now = Utc::now();
    let poll = |per_webhook, per_organisation, busy_webhooks, busy_organisations| DueQuery {
        now,
        limit: 100,
        per_webhook,
        per_organisation,
        busy_webhooks,
        busy_organisations,
        ..DueQuery::default()
    };
    let webhooks = |due: &[DueDelivery]| {
        let mut of: Vec<WebhookId> = due.iter().map(|d| d.delivery.webhook).collect();
        of.sort_by_key(|w| w.0);
        of
    };
    let due = store
        .due_deliveries(poll(2, 100, Vec::new(), Vec::new()))
        .await
        .expect("polled");
    let mut expected = vec![first, first, second, second, elsewhere, elsewhere];
    expected.sort_by_key(|w| w.0);
    assert_eq!(webhooks(&due), expected);
    let due = store
        .due_deliveries(poll(100, 1, Vec::new(), Vec::new()))
        .await
        .expect("polled");
    assert_eq!(
        due.iter().map(|d| d.organisation).collect::<BTreeSet<_>>(),
        BTreeSet::from([acme, other])
    );
    assert_eq!(due.len(), 2, "one of each organisation");
    let due = store
        .due_deliveries(poll(100, 100, vec![first, elsewhere], Vec::new()))
        .await
        .expect("polled");
    assert_eq!(webhooks(&due), [second; 3]);
    let due = store
        .due_deliveries(poll(100, 100, Vec::new(), vec![acme]))
        .await
        .expect("polled");
    assert_eq!(webhooks(&due), [elsewhere; 2]);
    db.drop_database().await;
}

#[tokio::test]
async fn an_attempt_gives_the_delivery_up_and_a_dead_letter_is_queued_again_once() {
    let db = Scratch::new().await;
    let organisation = new_organisation(&db).await;
    let a = db.store().await;
    let b = db.store().await;
    let webhook = subscribe(&a, organisation).await;
    changes(&a, organisation, 1).await;
    let now = Utc::now();
    let due = a
        .due_deliveries(query(now, 10, Vec::new()))
        .await
        .expect("polled");
    let delivery = due[0].delivery.id;
    let retry_at = now + TimeDelta::minutes(1);
    a.record_attempt(delivery, attempt(DeliveryState::Pending, 503, retry_at))
        .await
        .expect("recorded");
    // Not due before its retry; then any instance's, long before a's claim would have ended.
    let early = b.due_deliveries(query(now, 10, Vec::new())).await;
    assert!(early.expect("polled").is_empty());
    let due = b
        .due_deliveries(query(retry_at, 10, Vec::new()))
        .await
        .expect("polled");
    assert_eq!(ids(&due), [delivery]);
    assert_eq!(due[0].delivery.attempts, 1);
    assert_eq!(due[0].delivery.last_status, Some(503));
    assert_eq!(due[0].delivery.failure, Some(DeliveryFailure::Connect));
    b.record_attempt(delivery, attempt(DeliveryState::Dead, 503, retry_at))
        .await
        .expect("recorded");
    let later = now + TimeDelta::hours(1);
    assert!(
        a.due_deliveries(query(later, 10, Vec::new()))
            .await
            .expect("polled")
            .is_empty(),
        "a dead letter is not sent"
    );
    // Two administrators retry it at once, on two instances: it is queued once.
    let retry = RetryDelivery {
        organisation,
        webhook,
        delivery,
        now: later,
        audit: note(AuditAction::WebhookDeliveryRetried, &delivery.to_string()),
    };
    let both = futures::future::join(
        a.retry_delivery(retry.clone()),
        b.retry_delivery(retry.clone()),
    )
    .await;
    let outcomes = [both.0.expect("retried"), both.1.expect("retried")];
    let queued: Vec<_> = outcomes
        .iter()
        .filter_map(|o| match o {
            Retried::Queued(d) => Some(d),
            _ => None,
        })
        .collect();
    assert_eq!(queued.len(), 1, "{outcomes:?}");
    assert_eq!(
        (queued[0].state, queued[0].attempts),
        (DeliveryState::Pending, 0)
    );
    assert!(
        outcomes.contains(&Retried::NotDead(DeliveryState::Pending)),
        "{outcomes:?}"
    );
    let retried = a
        .audit_entries(
            organisation,
            &consentry_model::audit::AuditFilter {
                action: Some(AuditAction::WebhookDeliveryRetried),
                ..Default::default()
            },
            None,
            10,
        )
        .await
        .expect("entries");
    assert_eq!(retried.len(), 1, "one retry audited");
    // Due at once on its fresh schedule, with its event id kept; then delivered.
    let due = b
        .due_deliveries(query(later, 10, Vec::new()))
        .await
        .expect("polled");
    assert_eq!(ids(&due), [delivery]);
    b.record_attempt(delivery, attempt(DeliveryState::Delivered, 204, later))
        .await
        .expect("recorded");
    let listed = a
        .webhook_deliveries(organisation, 10)
        .await
        .expect("listed");
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].state, DeliveryState::Delivered);
    assert_eq!(listed[0].attempts, 1);
    assert!(listed[0].delivered_at.is_some());
    assert_eq!(
        a.retry_delivery(retry).await.expect("retried"),
        Retried::NotDead(DeliveryState::Delivered)
    );
    let unknown = a
        .retry_delivery(RetryDelivery {
            organisation,
            webhook,
            delivery: Uuid::now_v7(),
            now: later,
            audit: note(AuditAction::WebhookDeliveryRetried, "unknown"),
        })
        .await
        .expect("retried");
    assert_eq!(unknown, Retried::NotFound);
    db.drop_database().await;
}

#[tokio::test]
async fn a_subscription_is_audited_and_its_removal_takes_its_deliveries() {
    let db = Scratch::new().await;
    let organisation = new_organisation(&db).await;
    let other = new_organisation(&db).await;
    let store = db.store().await;
    let webhook = subscribe(&store, organisation).await;
    let listed = store.webhooks(organisation).await.expect("listed");
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].id, webhook);
    assert_eq!(listed[0].events, [WebhookEvent::ConsentChanged]);
    assert!(!listed[0].legacy_secret);
    assert!(store.webhooks(other).await.expect("listed").is_empty());
    changes(&store, organisation, 2).await;
    assert!(
        !store
            .delete_webhook(
                other,
                webhook,
                note(AuditAction::WebhookDeleted, "not theirs")
            )
            .await
            .expect("deleted"),
        "another organisation's subscription"
    );
    assert_eq!(
        store
            .webhook_deliveries(organisation, 10)
            .await
            .expect("listed")
            .len(),
        2
    );
    assert!(
        store
            .delete_webhook(
                organisation,
                webhook,
                note(AuditAction::WebhookDeleted, &webhook.0.to_string())
            )
            .await
            .expect("deleted")
    );
    assert!(
        store
            .webhook_deliveries(organisation, 10)
            .await
            .expect("listed")
            .is_empty()
    );
    let actions: Vec<String> = store
        .audit_entries(organisation, &Default::default(), None, 10)
        .await
        .expect("entries")
        .into_iter()
        .map(|e| e.action)
        .collect();
    assert_eq!(
        actions,
        [
            "webhook.deleted",
            "consent.answered",
            "consent.answered",
            "webhook.created"
        ]
    );
    db.drop_database().await;
}

#[tokio::test]
async fn the_deliveries_an_instance_claimed_are_free_once_its_lease_ran_out() {
    let db = Scratch::new().await;
    let organisation = new_organisation(&db).await;
    let (a, b) = (db.store().await, db.store().await);
    subscribe(&a, organisation).await;
    changes(&a, organisation, 5).await;
    let now = Utc::now() + TimeDelta::seconds(1);
    a.keep_alive(now + TimeDelta::seconds(30))
        .await
        .expect("alive");
    let claimed = a
        .due_deliveries(query(now, 100, Vec::new()))
        .await
        .expect("polled");
    assert_eq!(claimed.len(), 5);
    // While a lives, its claims hold.
    let due = b
        .due_deliveries(query(now, 100, Vec::new()))
        .await
        .expect("polled");
    assert!(
        due.is_empty(),
        "{} claimed deliveries taken from a living instance",
        due.len()
    );
    // Its lease ran out (killed): b takes them at once, long before the claims would end.
    let after = now + TimeDelta::seconds(31);
    let due = b
        .due_deliveries(query(after, 100, Vec::new()))
        .await
        .expect("polled");
    assert_eq!(
        ids(&due).into_iter().collect::<HashSet<_>>(),
        ids(&claimed).into_iter().collect::<HashSet<_>>()
    );
    db.drop_database().await;
}
