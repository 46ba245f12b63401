//! The SQLite backend: one file in WAL mode, the default for a single machine.

mod accounts;
mod api_keys;
mod audit;
mod consent;
mod encryption;
mod fields;
mod figures;
mod forms;
mod group;
mod idempotency;
mod jobs;
mod records;
mod requests;
mod retention;
mod sealing;
mod signup;
mod templates;
mod webhooks;
mod widget;

use std::{str::FromStr, time::Duration};

use chrono::{DateTime, TimeZone, Utc};
use sqlx::{
    SqlitePool,
    sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous},
};

pub(crate) use consentry_store::corrupt;
use consentry_store::crypto::MasterKey;
use consentry_store::{
    AttemptStore, LifecycleStore, Store, StoreError, StoreResult,
    attempts::{MemoryAttempts, Slot, Window},
};

/// The schema's migrations, applied in order on every start.
pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// A [`Store`] on one SQLite database file.
#[derive(Debug, Clone)]
pub struct SqliteStore {
    pool: SqlitePool,
    /// Consent answers on their way to the group commit.
    answers: tokio::sync::mpsc::Sender<group::ConsentJob>,
    /// Consent-link lookups, read in batches (every public answer starts with one).
    links: consentry_store::batch::Batcher<[u8; 32], consentry_store::ConsentLink>,
    /// Rows every consent answer reads and that change rarely or never.
    cache: std::sync::Arc<consentry_store::cache::AnswerCache>,
    /// The keys of encryption at rest.
    vault: consentry_store::vault::Vault,
    /// This process among those working on the database (see [`consentry_store::InstanceStore`]).
    instance: uuid::Uuid,
    /// The abuse limits' attempts: in memory, as one instance serves a SQLite file.
    attempts: std::sync::Arc<MemoryAttempts>,
}

impl SqliteStore {
    /// Opens (creating when missing) and migrates the database at `url`
    /// (`sqlite://path/to/file.db`); `master` unwraps its data keys.
    pub async fn connect(url: &str, master: MasterKey) -> StoreResult<SqliteStore> {
        let options = SqliteConnectOptions::from_str(url)?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            // Art. 7(1): acknowledged consent must survive a crash or power loss, so every
            // commit is synced (NORMAL may lose the last commits on power loss in WAL mode).
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10))
            // Art. 17: deleted personal data is overwritten, not left in free pages.
            .pragma("secure_delete", "ON")
            // Statistics from a sample: ANALYZE stays fast on millions of records.
            .pragma("analysis_limit", "1000")
            // 32 MiB of page cache per connection (default 2 MiB): index pages of large
            // tables stay in memory while imports insert at many places at once.
            .pragma("cache_size", "-32768");
        if let Some(parent) = options.get_filename().parent()
            && !parent.as_os_str().is_empty()
        {
            std::fs::create_dir_all(parent).map_err(StoreError::database)?;
        }
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            .connect_with(options.clone())
            .await?;
        MIGRATOR.run(&pool).await.map_err(StoreError::database)?;
        // Analyse whatever has no statistics yet (0x10000: every table, not only those used
        // on this connection).
        sqlx::query("PRAGMA optimize = 0x10002")
            .execute(&pool)
            .await?;
        let vault = sealing::open(&pool, master).await?;
        let (answers, jobs) = tokio::sync::mpsc::channel(1024);
        group::start(options, jobs).await?;
        let links = {
            let pool = pool.clone();
            consentry_store::batch::Batcher::start(move |hashes| {
                let pool = pool.clone();
                async move { consent::consent_links(&pool, hashes).await }
            })
        };
        Ok(SqliteStore {
            pool,
            links,
            answers,
            cache: std::sync::Arc::default(),
            vault,
            instance: uuid::Uuid::now_v7(),
            attempts: std::sync::Arc::default(),
        })
    }

    /// Which of the organisation's fields are encrypted, with the keys to match.
    async fn sealing(
        &self,
        conn: &mut sqlx::SqliteConnection,
        organisation: consentry_model::OrganisationId,
    ) -> StoreResult<consentry_store::vault::Sealing> {
        sealing::load(conn, &self.vault, organisation).await
    }
}

/// What an existing database file already holds that needs its master key (`None` for a
/// missing or empty file, or one holding no data keys and no organisation).
pub async fn holds_data(path: &std::path::Path) -> StoreResult<Option<&'static str>> {
    use sqlx::{ConnectOptions, Connection};
    if path.as_os_str().is_empty()
        || path.to_str() == Some(":memory:")
        || std::fs::metadata(path).map_or(true, |m| m.len() == 0)
    {
        return Ok(None);
    }
    let mut conn = SqliteConnectOptions::new()
        .filename(path)
        .create_if_missing(false)
        .connect()
        .await?;
    let tables: Vec<(String,)> = sqlx::query_as(
        "SELECT name FROM sqlite_master WHERE type = 'table'
         AND name IN ('data_keys', 'organisations')",
    )
    .fetch_all(&mut conn)
    .await?;
    let mut found = None;
    for (table, what) in [
        ("data_keys", "wrapped data keys"),
        ("organisations", "organisations"),
    ] {
        if found.is_none() && tables.iter().any(|(t,)| t == table) {
            let (any,): (bool,) = sqlx::query_as(&format!("SELECT EXISTS (SELECT 1 FROM {table})"))
                .fetch_one(&mut conn)
                .await?;
            if any {
                found = Some(what);
            }
        }
    }
    conn.close().await?;
    Ok(found)
}

/// Most rows one multi-row statement writes (or ids one list binds): SQLite takes at most
/// 32,766 bound values per statement, and no row written this way has more than 32 columns.
pub(crate) const ROWS_PER_STATEMENT: usize = 1000;

pub(crate) fn millis(t: DateTime<Utc>) -> i64 {
    t.timestamp_millis()
}

/// A time as it is stored and read back: to the millisecond.
pub(crate) fn stored(t: DateTime<Utc>) -> DateTime<Utc> {
    Utc.timestamp_millis_opt(millis(t)).single().unwrap_or(t)
}

/// A stored time: milliseconds since 1970 (UTC) in an INTEGER column, read with a check. A
/// value out of range is a decoding error naming its column (`StoreError::Corrupt`), never
/// 1970 in its place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Millis(pub DateTime<Utc>);

impl sqlx::Type<sqlx::Sqlite> for Millis {
    fn type_info() -> sqlx::sqlite::SqliteTypeInfo {
        <i64 as sqlx::Type<sqlx::Sqlite>>::type_info()
    }

    fn compatible(ty: &sqlx::sqlite::SqliteTypeInfo) -> bool {
        <i64 as sqlx::Type<sqlx::Sqlite>>::compatible(ty)
    }
}

impl<'r> sqlx::Decode<'r, sqlx::Sqlite> for Millis {
    fn decode(value: sqlx::sqlite::SqliteValueRef<'r>) -> Result<Self, sqlx::error::BoxDynError> {
        let ms = <i64 as sqlx::Decode<sqlx::Sqlite>>::decode(value)?;
        from_millis(ms).map(Millis)
    }
}

impl<'q> sqlx::Encode<'q, sqlx::Sqlite> for Millis {
    fn encode_by_ref(
        &self,
        args: &mut Vec<sqlx::sqlite::SqliteArgumentValue<'q>>,
    ) -> Result<sqlx::encode::IsNull, sqlx::error::BoxDynError> {
        <i64 as sqlx::Encode<sqlx::Sqlite>>::encode(millis(self.0), args)
    }
}

/// A code (a request kind, a status, a language) in a TEXT column, read with a check: a value
/// its type does not know is a decoding error naming its column, never a default in its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Code<T>(pub T);

impl<T> sqlx::Type<sqlx::Sqlite> for Code<T> {
    fn type_info() -> sqlx::sqlite::SqliteTypeInfo {
        <str as sqlx::Type<sqlx::Sqlite>>::type_info()
    }

    fn compatible(ty: &sqlx::sqlite::SqliteTypeInfo) -> bool {
        <str as sqlx::Type<sqlx::Sqlite>>::compatible(ty)
    }
}

impl<'r, T: serde::de::DeserializeOwned> sqlx::Decode<'r, sqlx::Sqlite> for Code<T> {
    fn decode(value: sqlx::sqlite::SqliteValueRef<'r>) -> Result<Self, sqlx::error::BoxDynError> {
        let text = <&str as sqlx::Decode<sqlx::Sqlite>>::decode(value)?;
        serde_json::from_value(serde_json::Value::String(text.to_owned()))
            .map(Code)
            .map_err(|_| format!("{text:?} is not a value this column may hold").into())
    }
}

/// A 32-byte value (a hash, a public key) in a BLOB column, read with a check: any other
/// length is a decoding error naming its column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Bytes32(pub [u8; 32]);

impl sqlx::Type<sqlx::Sqlite> for Bytes32 {
    fn type_info() -> sqlx::sqlite::SqliteTypeInfo {
        <[u8] as sqlx::Type<sqlx::Sqlite>>::type_info()
    }

    fn compatible(ty: &sqlx::sqlite::SqliteTypeInfo) -> bool {
        <[u8] as sqlx::Type<sqlx::Sqlite>>::compatible(ty)
    }
}

impl<'r> sqlx::Decode<'r, sqlx::Sqlite> for Bytes32 {
    fn decode(value: sqlx::sqlite::SqliteValueRef<'r>) -> Result<Self, sqlx::error::BoxDynError> {
        let bytes = <&[u8] as sqlx::Decode<sqlx::Sqlite>>::decode(value)?;
        <[u8; 32]>::try_from(bytes)
            .map(Bytes32)
            .map_err(|_| format!("{} bytes where 32 belong", bytes.len()).into())
    }
}

/// A time from its milliseconds since 1970; `Err` for one chrono cannot hold.
pub(crate) fn from_millis(ms: i64) -> Result<DateTime<Utc>, sqlx::error::BoxDynError> {
    Utc.timestamp_millis_opt(ms)
        .single()
        .ok_or_else(|| format!("{ms} ms is not a time").into())
}

/// An enum value's code (a channel, source, request type, ...): its JSON form without quotes.
pub(crate) fn code<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// Parses a code written by [`code`].
pub(crate) fn from_code<T: serde::de::DeserializeOwned>(
    column: &'static str,
    text: &str,
) -> StoreResult<T> {
    serde_json::from_value(serde_json::Value::String(text.to_owned()))
        .map_err(|_| corrupt(column, text))
}

/// Maps a unique-constraint failure to [`StoreError::Conflict`] naming the rule.
pub(crate) fn conflict_or(err: sqlx::Error) -> StoreError {
    if let sqlx::Error::Database(db) = &err
        && db.is_unique_violation()
    {
        let message = db.message();
        if message.contains("users.email") {
            return StoreError::Conflict("users.email");
        }
        if message.contains("modules.organisation_id, modules.key") {
            return StoreError::Conflict("modules.key");
        }
        if message.contains("module_fields.module_id, module_fields.key") {
            return StoreError::Conflict("module_fields.key");
        }
        if message.contains("consent_forms.organisation_id, consent_forms.slug") {
            return StoreError::Conflict("consent_forms.slug");
        }
        if message.contains("email_templates.organisation_id, email_templates.name") {
            return StoreError::Conflict("email_templates.name");
        }
        if message.contains("organisations.slug") {
            return StoreError::Conflict("organisations.slug");
        }
    }
    StoreError::from(err)
}

impl SqliteStore {
    /// Copies the WAL into the database file and cuts it to nothing. A reader still holding
    /// an old snapshot makes it report busy; it is tried again for a few seconds.
    pub(crate) async fn checkpoint(&self) -> StoreResult<()> {
        for _ in 0..50 {
            let (busy, _, _): (i64, i64, i64) = sqlx::query_as("PRAGMA wal_checkpoint(TRUNCATE)")
                .fetch_one(&self.pool)
                .await?;
            if busy == 0 {
                return Ok(());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        tracing::warn!("the WAL could not be checkpointed: a reader kept it busy");
        Ok(())
    }
}

#[async_trait::async_trait]
impl LifecycleStore for SqliteStore {
    async fn close(&self) -> StoreResult<()> {
        self.checkpoint().await?;
        self.pool.close().await;
        Ok(())
    }

    async fn compact(&self) -> StoreResult<()> {
        sqlx::query("VACUUM").execute(&self.pool).await?;
        self.checkpoint().await
    }

    async fn schema_versions(&self) -> StoreResult<(i64, i64, Option<i64>)> {
        let (applied, failed): (Option<i64>, Option<i64>) = sqlx::query_as(
            "SELECT MAX(CASE WHEN success THEN version END),
                    MIN(CASE WHEN NOT success THEN version END)
             FROM _sqlx_migrations",
        )
        .fetch_one(&self.pool)
        .await?;
        let known = MIGRATOR.iter().map(|m| m.version).max();
        Ok((
            applied.unwrap_or_default(),
            known.unwrap_or_default(),
            failed,
        ))
    }

    async fn keys_open(&self) -> StoreResult<()> {
        let sealed: Option<(uuid::Uuid, Vec<u8>)> = sqlx::query_as(
            "SELECT organisation_id, hash_key FROM organisation_secrets WHERE wrapped = 1 LIMIT 1",
        )
        .fetch_optional(&self.pool)
        .await?;
        if let Some((organisation, wrapped)) = sealed {
            self.vault.unwrap_secret(
                &consentry_store::vault::hash_key_label(organisation),
                &wrapped,
            )?;
        }
        Ok(())
    }

    async fn figures(
        &self,
        today: chrono::NaiveDate,
    ) -> StoreResult<consentry_store::figures::OperatingFigures> {
        self.read_figures(today).await
    }
}

/// One instance serves a SQLite file (see [`consentry_store::InstanceStore`]), so its
/// attempts are kept in memory: sign-in stays available when the file is busy.
#[async_trait::async_trait]
impl AttemptStore for SqliteStore {
    async fn take_slots(&self, windows: &[Window<'_>]) -> StoreResult<Result<Vec<Slot>, u64>> {
        self.attempts.take_slots(windows).await
    }

    async fn count_attempt(&self, key: &str, span: Duration) -> StoreResult<(usize, Slot)> {
        self.attempts.count_attempt(key, span).await
    }

    async fn release_slot(&self, slot: Slot) -> StoreResult<()> {
        self.attempts.release_slot(slot).await
    }

    async fn forget_attempts(&self, key: &str) -> StoreResult<()> {
        self.attempts.forget_attempts(key).await
    }
}

impl Store for SqliteStore {}
