//! The store the settings name: the backend-neutral traits of `consentry-store`, opened on the
//! backend its database URL names.

use std::sync::Arc;

pub use consentry_store::*;
use consentry_store_postgres::PostgresStore;
use consentry_store_sqlite::SqliteStore;

use crate::{
    config::{Backend, DatabaseSettings, Settings},
    crypto::{MasterKey, MasterKeyError},
};

/// Opens the configured store with the configured master key, creating and migrating it when
/// needed.
pub async fn open(settings: &Settings) -> StoreResult<Arc<dyn Store>> {
    let master = master_key(settings).await?;
    connect(&settings.database.url, master).await
}

/// The master key: from the settings, or read from the key file. A key file is created only
/// for a fresh database: one that already holds data keys or data was made with another key,
/// and a new one would leave every encrypted value unreadable (and hide that the key file
/// was lost), so that is refused and nothing is written.
pub async fn master_key(settings: &Settings) -> StoreResult<MasterKey> {
    let keys = |e: MasterKeyError| StoreError::Keys(e.to_string());
    if let Some(key) = &settings.encryption.master_key {
        return MasterKey::from_base64(key).map_err(keys);
    }
    let file = settings.key_file();
    if let Some(key) = MasterKey::load(&file).map_err(keys)? {
        return Ok(key);
    }
    let held = match settings.database.backend() {
        Some(Backend::Sqlite(path)) => consentry_store_sqlite::holds_data(&path)
            .await?
            .map(|what| (what, path.display().to_string())),
        Some(Backend::Postgres) => consentry_store_postgres::holds_data(&settings.database.url)
            .await?
            .map(|what| (what, "on PostgreSQL".to_owned())),
        None => return Err(StoreError::UnsupportedUrl(settings.database.url.clone())),
    };
    if let Some((what, database)) = held {
        return Err(StoreError::Keys(format!(
            "the key file {} is missing, but the database {database} already holds {what}: \
             restore the key file from your backup (or give the key in \
             CONSENTRY__ENCRYPTION__MASTER_KEY). No new key file was written: a new key could \
             not open this database's data keys.",
            file.display(),
        )));
    }
    MasterKey::create(&file).map_err(keys)
}

/// Opens the store named by a database URL, creating and migrating it when needed.
pub async fn connect(url: &str, master: MasterKey) -> StoreResult<Arc<dyn Store>> {
    let settings = DatabaseSettings {
        url: url.to_owned(),
        ..DatabaseSettings::default()
    };
    match settings.backend() {
        Some(Backend::Sqlite(_)) => Ok(Arc::new(SqliteStore::connect(url, master).await?)),
        Some(Backend::Postgres) => Ok(Arc::new(PostgresStore::connect(url, master).await?)),
        None => Err(StoreError::UnsupportedUrl(url.to_owned())),
    }
}
