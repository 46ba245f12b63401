//! The PostgreSQL backend, for an organisation whose traffic outgrows one machine or that
//! runs several server instances on one database.
//!
//! So far this crate holds the schema (`migrations/`), what opens a database with it, the
//! first of the store traits ([`consentry_store::InstanceStore`]) and the audit append every
//! other write goes through (one linear chain per organisation across instances, with the
//! webhooks it raises); the guarantees the schema keeps by itself (append-only evidence,
//! immutable form versions, the audit chain's heads, the Overview's counters) are tested in
//! `tests/schema.rs`. The other traits come next; until they do, `database.url` accepts only
//! `sqlite://` URLs.

mod audit;
mod instances;
mod webhooks;

use std::time::Duration;

use chrono::{DateTime, SubsecRound, Utc};
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

/// The store on one PostgreSQL database, shared by every server instance that opens it.
#[derive(Debug, Clone)]
pub struct PostgresStore {
    pool: PgPool,
    /// This process among the instances working on the database.
    instance: uuid::Uuid,
}

impl PostgresStore {
    /// Opens (and migrates) the database at `url` as a new instance.
    pub async fn connect(url: &str) -> StoreResult<PostgresStore> {
        Ok(PostgresStore {
            pool: open(url).await?,
            instance: uuid::Uuid::now_v7(),
        })
    }

    /// Appends an audit entry on its own (the change it records committed already), with the
    /// webhooks it raises; its place in the organisation's chain. `AuditStore::append_audit`
    /// once the audit trail's reads are on PostgreSQL too.
    pub async fn append_audit(
        &self,
        organisation: consentry_model::OrganisationId,
        note: consentry_store::AuditNote,
    ) -> StoreResult<u64> {
        let mut tx = self.pool.begin().await?;
        let seq = audit::append(&mut tx, organisation, &note, Utc::now()).await?;
        tx.commit().await?;
        Ok(seq)
    }
}

/// A time as every backend keeps it: to the millisecond (PostgreSQL would keep microseconds,
/// and the same event must read back the same on either backend).
fn millis(at: DateTime<Utc>) -> DateTime<Utc> {
    at.trunc_subsecs(3)
}
