//! The store contract on SQLite, and what only SQLite shows.

use std::sync::Arc;

use consentry_store::{StoreError, contract::Fresh, crypto::MasterKey};
use consentry_store_sqlite::SqliteStore;

/// An empty database in a temporary directory, removed with the store.
async fn fresh() -> Fresh {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}", dir.path().join("contract.db").display());
    let master = MasterKey::load_or_create(&dir.path().join("consentry.key")).expect("key");
    Fresh {
        store: Arc::new(
            SqliteStore::connect(&url, master)
                .await
                .expect("store opens"),
        ),
        keep: Box::new(dir),
    }
}

consentry_store::contract_suite!(fresh);

#[tokio::test]
async fn a_database_held_by_another_writer_is_busy_not_a_failure() {
    use sqlx::{ConnectOptions, Connection};
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("busy.db");
    let options = sqlx::sqlite::SqliteConnectOptions::new()
        .filename(&path)
        .create_if_missing(true)
        .busy_timeout(std::time::Duration::ZERO);
    let mut holder = options.connect().await.expect("open");
    sqlx::query("CREATE TABLE t (x INTEGER)")
        .execute(&mut holder)
        .await
        .expect("table");
    let mut held = holder.begin().await.expect("begin");
    sqlx::query("INSERT INTO t VALUES (1)")
        .execute(&mut *held)
        .await
        .expect("write");
    let mut other = options.connect().await.expect("open");
    let refused = sqlx::query("INSERT INTO t VALUES (2)")
        .execute(&mut other)
        .await
        .expect_err("the other writer holds the lock");
    assert!(
        matches!(StoreError::from(refused), StoreError::Busy),
        "a held lock is Busy (answered 503 busy with Retry-After), not a database failure"
    );
    held.rollback().await.expect("rollback");
}
