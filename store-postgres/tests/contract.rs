//! The store contract on PostgreSQL: the same behaviours the SQLite store shows.

mod common;

use std::sync::Arc;

use consentry_store::contract::Fresh;

/// A store on a database of its own (left on the test server, which `scripts/test.sh`
/// throws away).
async fn fresh() -> Fresh {
    let db = common::Scratch::new().await;
    Fresh {
        store: Arc::new(db.store().await),
        keep: Box::new(db.url.clone()),
    }
}

consentry_store::contract_suite!(fresh);
