//! The PostgreSQL backend, for an organisation whose traffic outgrows one machine or that
//! runs several server instances on one database.
//!
//! So far this crate holds the schema (`migrations/`) and what opens a database with it; the
//! guarantees the schema keeps by itself (append-only evidence, immutable form versions, the
//! audit chain's heads, the Overview's counters) are tested in `tests/schema.rs`. The store
//! traits come next; until they do, `database.url` accepts only `sqlite://` URLs.

use std::time::Duration;

use consentry_store::{StoreError, StoreResult};
use sqlx::{
    PgPool,
    postgres::{PgConnectOptions, PgPoolOptions},
};

/// The schema's migrations, applied in order on every start.
pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// Connects to the PostgreSQL database at `url` (`postgres://user@host:port/database`) and
/// brings its schema up to date.
pub async fn open(url: &str) -> StoreResult<PgPool> {
    let options: PgConnectOptions = url.parse().map_err(StoreError::database)?;
    let pool = PgPoolOptions::new()
        .max_connections(16)
        .acquire_timeout(Duration::from_secs(10))
        .connect_with(options)
        .await
        .map_err(StoreError::database)?;
    MIGRATOR.run(&pool).await.map_err(StoreError::database)?;
    Ok(pool)
}
