//! The PostgreSQL backend, for an organisation whose traffic outgrows one machine or that
//! runs several server instances on one database.
//!
//! Every store trait, on a schema of its own (`migrations/`): the guarantees the schema keeps
//! by itself (append-only evidence, immutable form versions, the audit chain's heads, the
//! Overview's counters) are tested in `tests/schema.rs`; what several instances share is kept
//! safe by row locks, conditional updates, `SKIP LOCKED` claims with leases, and one advisory
//! lock per organisation's audit chain, always taken before that organisation's records, so
//! writers on different instances never deadlock. Changes to what instances cache are
//! announced with `NOTIFY` (see `notify`).

mod accounts;
mod api_keys;
mod attempts;
mod audit;
mod consent;
mod encryption;
mod fields;
mod figures;
mod forms;
mod group;
mod idempotency;
mod instances;
mod jobs;
mod notify;
mod records;
mod requests;
mod retention;
mod sealing;
mod signup;
mod templates;
mod webhooks;
mod widget;

use std::time::Duration;

use chrono::{DateTime, SubsecRound, Utc};
pub(crate) use consentry_store::corrupt;
use consentry_store::{StoreError, StoreResult, cache::AnswerCache, crypto::MasterKey, vault};
use sqlx::{
    Connection, PgPool,
    postgres::{PgConnectOptions, PgPoolOptions},
};

/// The schema's migrations, applied in order on every start.
pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// Connects to the PostgreSQL database at `url` (`postgres://user@host:port/database`) and
/// brings its schema up to date.
pub async fn open(url: &str) -> StoreResult<PgPool> {
    let options: PgConnectOptions = url.parse().map_err(StoreError::database)?;
    // The pool retries a refused, failed or unverified connection until it times out and
    // then says only that: one connection first reports why.
    connect_once(&options).await?.close().await?;
    let pool = PgPoolOptions::new()
        .max_connections(16)
        .acquire_timeout(Duration::from_secs(10))
        .connect_with(options)
        .await
        .map_err(StoreError::database)?;
    MIGRATOR.run(&pool).await.map_err(StoreError::database)?;
    Ok(pool)
}

/// What the database at `url` already holds that needs its master key (`None` for a
/// database without Consentry's schema, or one holding no data keys and no organisation).
/// Reads only; the schema is not created.
pub async fn holds_data(url: &str) -> StoreResult<Option<&'static str>> {
    let options: PgConnectOptions = url.parse().map_err(StoreError::database)?;
    let mut conn = connect_once(&options).await?;
    let mut found = None;
    for (table, what) in [
        ("data_keys", "wrapped data keys"),
        ("organisations", "organisations"),
    ] {
        let (exists,): (bool,) = sqlx::query_as("SELECT to_regclass($1) IS NOT NULL")
            .bind(table)
            .fetch_one(&mut conn)
            .await?;
        if found.is_none() && exists {
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

/// One connection, or why there is none, naming the server and database (never the password).
async fn connect_once(options: &PgConnectOptions) -> StoreResult<sqlx::PgConnection> {
    let failed = |why: String| {
        StoreError::database(format!(
            "cannot connect to the PostgreSQL database {} on {}:{} as {}: {why}",
            options.get_database().unwrap_or("(the user's own)"),
            options.get_host(),
            options.get_port(),
            options.get_username(),
        ))
    };
    // A server that takes the connection but never answers would be waited for without end.
    match tokio::time::timeout(CONNECT_TIMEOUT, sqlx::PgConnection::connect_with(options)).await {
        Ok(connected) => connected.map_err(|e| failed(e.to_string())),
        Err(_) => Err(failed(format!(
            "no answer within {} s (is it a PostgreSQL server, and is it running?)",
            CONNECT_TIMEOUT.as_secs()
        ))),
    }
}

/// How long a connection may take to be made, TLS and sign-in included.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// The store on one PostgreSQL database, shared by every server instance that opens it.
#[derive(Debug, Clone)]
pub struct PostgresStore {
    pool: PgPool,
    /// This process among the instances working on the database.
    instance: uuid::Uuid,
    /// The keys of encryption at rest.
    vault: vault::Vault,
    /// Rows every consent answer reads and that change rarely or never.
    cache: std::sync::Arc<AnswerCache>,
    /// Answers through consent links on their way to this instance's group commit.
    answers: tokio::sync::mpsc::Sender<group::Job>,
    /// Rung when an instance queued mail (see [`notify`]).
    mail_queued: std::sync::Arc<tokio::sync::Notify>,
}

impl PostgresStore {
    /// Opens (and migrates) the database at `url` as a new instance; `master` unwraps its
    /// data keys.
    pub async fn connect(url: &str, master: MasterKey) -> StoreResult<PostgresStore> {
        let pool = open(url).await?;
        let vault = sealing::open(&pool, master).await?;
        let cache = std::sync::Arc::<AnswerCache>::default();
        let mail_queued = std::sync::Arc::<tokio::sync::Notify>::default();
        notify::listen(&pool, cache.clone(), mail_queued.clone()).await?;
        let answers = group::start(pool.clone());
        Ok(PostgresStore {
            pool,
            instance: uuid::Uuid::now_v7(),
            vault,
            cache,
            answers,
            mail_queued,
        })
    }

    /// Which of the organisation's fields are encrypted, with the keys to match.
    async fn sealing(
        &self,
        conn: &mut sqlx::PgConnection,
        organisation: consentry_model::OrganisationId,
    ) -> StoreResult<vault::Sealing> {
        sealing::load(conn, &self.vault, organisation).await
    }
}

/// A time as every backend keeps it: to the millisecond (PostgreSQL would keep microseconds,
/// and the same event must read back the same on either backend).
fn millis(at: DateTime<Utc>) -> DateTime<Utc> {
    at.trunc_subsecs(3)
}

/// A code (a request kind, a status, a language) in a `text` column, read with a check: a
/// value its type does not know is a decoding error naming its column, never a default.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Code<T>(pub T);

impl<T> sqlx::Type<sqlx::Postgres> for Code<T> {
    fn type_info() -> sqlx::postgres::PgTypeInfo {
        <str as sqlx::Type<sqlx::Postgres>>::type_info()
    }

    fn compatible(ty: &sqlx::postgres::PgTypeInfo) -> bool {
        <str as sqlx::Type<sqlx::Postgres>>::compatible(ty)
    }
}

impl<'r, T: serde::de::DeserializeOwned> sqlx::Decode<'r, sqlx::Postgres> for Code<T> {
    fn decode(value: sqlx::postgres::PgValueRef<'r>) -> Result<Self, sqlx::error::BoxDynError> {
        let text = <&str as sqlx::Decode<sqlx::Postgres>>::decode(value)?;
        serde_json::from_value(serde_json::Value::String(text.to_owned()))
            .map(Code)
            .map_err(|_| format!("{text:?} is not a value this column may hold").into())
    }
}

/// A 32-byte value (a hash, a public key) in a `bytea` column, read with a check: any other
/// length is a decoding error naming its column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Bytes32(pub [u8; 32]);

impl sqlx::Type<sqlx::Postgres> for Bytes32 {
    fn type_info() -> sqlx::postgres::PgTypeInfo {
        <Vec<u8> as sqlx::Type<sqlx::Postgres>>::type_info()
    }

    fn compatible(ty: &sqlx::postgres::PgTypeInfo) -> bool {
        <Vec<u8> as sqlx::Type<sqlx::Postgres>>::compatible(ty)
    }
}

impl<'r> sqlx::Decode<'r, sqlx::Postgres> for Bytes32 {
    fn decode(value: sqlx::postgres::PgValueRef<'r>) -> Result<Self, sqlx::error::BoxDynError> {
        let bytes = <&[u8] as sqlx::Decode<sqlx::Postgres>>::decode(value)?;
        <[u8; 32]>::try_from(bytes)
            .map(Bytes32)
            .map_err(|_| format!("{} bytes where 32 belong", bytes.len()).into())
    }
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

/// The unique constraints (and unique indexes) whose violation is a conflict the caller can
/// name to the user, by the name the schema gives them, with the rule's name as on SQLite.
const CONFLICTS: &[(&str, &str)] = &[
    ("users_email", "users.email"),
    ("modules_key", "modules.key"),
    ("module_fields_key", "module_fields.key"),
    ("consent_forms_slug", "consent_forms.slug"),
    ("email_templates_name", "email_templates.name"),
    ("organisations_slug", "organisations.slug"),
];

/// Maps a unique-constraint failure to [`StoreError::Conflict`] naming the rule.
pub(crate) fn conflict_or(err: sqlx::Error) -> StoreError {
    if let sqlx::Error::Database(db) = &err
        && db.is_unique_violation()
        && let Some(constraint) = db.constraint()
        && let Some((_, rule)) = CONFLICTS.iter().find(|(name, _)| *name == constraint)
    {
        return StoreError::Conflict(rule);
    }
    StoreError::from(err)
}

#[async_trait::async_trait]
impl consentry_store::LifecycleStore for PostgresStore {
    /// Closes this instance's connections. Every commit is in the database already, which
    /// stays open to the other instances: there is no write-ahead file to fold in first.
    async fn close(&self) -> StoreResult<()> {
        self.pool.close().await;
        Ok(())
    }

    /// Removes the row versions deletions left behind (PostgreSQL keeps them until a vacuum
    /// finds no transaction can still see them) and refreshes the planner's statistics. It
    /// runs beside the other instances' work: a full rewrite would lock every table.
    async fn compact(&self) -> StoreResult<()> {
        // Not a prepared statement: VACUUM runs outside any transaction.
        sqlx::raw_sql("VACUUM (ANALYZE)")
            .execute(&self.pool)
            .await?;
        Ok(())
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
            "SELECT organisation_id, hash_key FROM organisation_secrets WHERE wrapped LIMIT 1",
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
impl consentry_store::Store for PostgresStore {}
