//! Several server instances on one PostgreSQL database: each alive while it renews its lease.

mod common;

use chrono::{TimeDelta, Utc};
use common::Scratch;
use consentry_store::InstanceStore;

#[tokio::test]
async fn an_instance_is_alive_while_its_lease_runs_and_not_after_it_retires() {
    let db = Scratch::new().await;
    let a = db.store().await;
    let b = db.store().await;
    assert_ne!(a.instance(), b.instance());
    let now = Utc::now();
    assert!(
        !b.instance_alive(a.instance(), now).await.expect("read"),
        "not alive before it says so"
    );
    a.keep_alive(now + TimeDelta::seconds(30))
        .await
        .expect("lease");
    assert!(b.instance_alive(a.instance(), now).await.expect("read"));
    assert!(
        !b.instance_alive(a.instance(), now + TimeDelta::seconds(31))
            .await
            .expect("read"),
        "a lease not renewed runs out"
    );
    // Renewed: alive longer.
    a.keep_alive(now + TimeDelta::seconds(60))
        .await
        .expect("renewed");
    assert!(
        b.instance_alive(a.instance(), now + TimeDelta::seconds(31))
            .await
            .expect("read")
    );
    a.retire().await.expect("retired");
    assert!(!b.instance_alive(a.instance(), now).await.expect("read"));
    db.drop_database().await;
}

#[tokio::test]
async fn an_instance_gone_for_a_day_is_forgotten_when_another_renews() {
    let db = Scratch::new().await;
    let old = db.store().await;
    let live = db.store().await;
    old.keep_alive(Utc::now() - TimeDelta::hours(25))
        .await
        .expect("a lease that ran out a day ago");
    live.keep_alive(Utc::now() + TimeDelta::seconds(30))
        .await
        .expect("lease");
    let (kept,): (i64,) = sqlx::query_as("SELECT count(*) FROM instances")
        .fetch_one(&db.pool)
        .await
        .expect("count");
    assert_eq!(kept, 1, "only the live instance is kept");
    db.drop_database().await;
}
