//! The abuse limits' attempts on PostgreSQL with several server instances on one database: a
//! client spreading its attempts over the instances meets one limit, and the stored keys
//! hold no address.

mod common;

use std::time::Duration;

use common::Scratch;
use consentry_store::{AttemptStore, LifecycleStore, attempts::Window};
use futures::future::join_all;

const HOUR: Duration = Duration::from_secs(3600);

#[tokio::test]
async fn attempts_spread_over_three_instances_meet_one_limit() {
    let db = Scratch::new().await;
    let instances = [db.store().await, db.store().await, db.store().await];
    // 45 attempts at once, 15 through each instance, at a limit of 10.
    let tries = (0..45).map(|n| {
        let store = &instances[n % 3];
        async move {
            let window = Window {
                key: "widget_answers/client:203.0.113.9",
                max: 10,
                span: HOUR,
            };
            store.take_slots(&[window]).await.expect("store").is_ok()
        }
    });
    let admitted = join_all(tries).await.into_iter().filter(|ok| *ok).count();
    assert_eq!(admitted, 10, "one limit across the instances");
    // A pair of windows sharing a key, taken in opposite orders at once on two instances,
    // never deadlocks and never counts one without the other.
    let pairs = (0..24).map(|n| {
        let store = &instances[n % 2];
        async move {
            let client = Window {
                key: "sign_ups/client:198.51.100.1",
                max: 100,
                span: HOUR,
            };
            let target = Window {
                key: "sign_ups/target:jan@acme.org",
                max: 5,
                span: HOUR,
            };
            let windows = if n % 2 == 0 {
                [client, target]
            } else {
                [target, client]
            };
            store.take_slots(&windows).await.expect("store").is_ok()
        }
    });
    let admitted = join_all(pairs).await.into_iter().filter(|ok| *ok).count();
    assert_eq!(admitted, 5);
    let (client_uses, _) = instances[2]
        .count_attempt("sign_ups/client:198.51.100.1", HOUR)
        .await
        .expect("count");
    assert_eq!(
        client_uses, 5,
        "the refused pairs left the client's window alone"
    );
    for store in &instances {
        store.close().await.expect("close");
    }
    db.drop_database().await;
}

#[tokio::test]
async fn a_slot_released_on_one_instance_is_free_on_another_and_keys_are_stored_hashed() {
    let db = Scratch::new().await;
    let (a, b) = (db.store().await, db.store().await);
    let window = Window {
        key: "sign_ins/client:192.0.2.44",
        max: 1,
        span: HOUR,
    };
    let slot = a
        .take_slots(&[window])
        .await
        .expect("store")
        .expect("a slot");
    let wait = b
        .take_slots(&[window])
        .await
        .expect("store")
        .expect_err("full on every instance");
    assert!(
        (3600..=3661).contains(&wait),
        "waits for the window, not {wait}"
    );
    for slot in slot {
        a.release_slot(slot).await.expect("release");
    }
    assert!(b.take_slots(&[window]).await.expect("store").is_ok());
    // Forgotten on one, forgotten on all.
    let account = "sign_ins/account:jan@acme.org";
    for _ in 0..3 {
        let _counted = a.count_attempt(account, HOUR).await.expect("count");
    }
    b.forget_attempts(account).await.expect("forget");
    let (before, _) = a.count_attempt(account, HOUR).await.expect("count");
    assert_eq!(before, 0);
    // No address is stored: the table holds keyed hashes only.
    let pool = &db.pool;
    let (dump,): (String,) = sqlx::query_as(
        "SELECT COALESCE(string_agg(encode(key_hash, 'escape'), ' '), '') FROM attempt_counts",
    )
    .fetch_one(pool)
    .await
    .expect("read");
    let (rows,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM attempt_counts")
        .fetch_one(pool)
        .await
        .expect("count");
    assert!(rows >= 2, "attempts are stored ({rows})");
    assert!(!dump.contains("192.0.2.44") && !dump.contains("jan@acme.org"));
    a.close().await.expect("close");
    b.close().await.expect("close");
    db.drop_database().await;
}
