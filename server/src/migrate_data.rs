//! `consentry migrate-data`: moves an installation from its SQLite file to a PostgreSQL
//! database, completely (every table, the audit chains, consent events, keys), in one
//! transaction on the target, so a move cut short leaves the target as empty as it was.
//!
//! Both schemas have the same tables and columns; what differs is how a value is kept (a
//! time as milliseconds or `timestamptz`, a uuid as 16 bytes or `uuid`, a flag as 0/1 or
//! `boolean`, JSON as text or `json`/`jsonb`). The target's column types say what each value
//! becomes. Tables the target keeps by trigger (the Overview's counters, the audit chains'
//! heads, a new module's standard fields) are made by the target itself from the rows copied,
//! and then compared with the source's.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{DateTime, Utc};
use futures::TryStreamExt;
use sqlx::{
    ConnectOptions, Connection, PgConnection, Postgres, QueryBuilder, Row, SqliteConnection,
    TypeInfo, ValueRef, postgres::PgArguments, query::Query, sqlite::SqliteConnectOptions,
};
use uuid::Uuid;

/// Tables the target fills by trigger from the rows copied; compared, not copied (the
/// changes counted per quarter hour are then replaced by the source's: see
/// [`copy_event_quarters`]).
const KEPT_BY_TRIGGER: &[&str] = &["privacy_counts", "privacy_event_quarters", "audit_heads"];

/// Taken by a move for its transaction: a second move into the same database at once is
/// refused at once instead of failing halfway on a duplicate key.
const MOVING_LOCK: i64 = 0x636f_6e73_6d6f_7665; // "consmove"

/// Tables that describe running processes, not the installation.
const NOT_MOVED: &[&str] = &["instances", "attempt_counts", "_sqlx_migrations"];

/// Rows per insert statement (PostgreSQL binds at most 65,535 values in one).
const ROWS_PER_INSERT: usize = 500;

/// How many rows of one table were copied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Copied {
    /// Table and rows, in the order they were copied.
    pub tables: Vec<(String, u64)>,
}

/// A value on its way from SQLite to PostgreSQL.
#[derive(Debug)]
enum Value {
    Null,
    Int(i64),
    Int4(i32),
    Real(f64),
    Text(String),
    Bytes(Vec<u8>),
    Bool(bool),
    Uuid(Uuid),
    Time(DateTime<Utc>),
}

/// How the target keeps a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Uuid,
    Time,
    Date,
    Json,
    Jsonb,
    Bool,
    Int4,
    Int8,
    Text,
    Bytes,
    Real,
}

impl Kind {
    fn of(data_type: &str) -> Option<Kind> {
        Some(match data_type {
            "uuid" => Kind::Uuid,
            "timestamp with time zone" => Kind::Time,
            "date" => Kind::Date,
            "json" => Kind::Json,
            "jsonb" => Kind::Jsonb,
            "boolean" => Kind::Bool,
            "integer" | "smallint" => Kind::Int4,
            "bigint" => Kind::Int8,
            "text" => Kind::Text,
            "bytea" => Kind::Bytes,
            "double precision" | "real" => Kind::Real,
            _ => return None,
        })
    }

    /// The cast a bound value needs to become this column's type.
    fn cast(self) -> &'static str {
        match self {
            Kind::Date => "::date",
            Kind::Json => "::json",
            Kind::Jsonb => "::jsonb",
            _ => "",
        }
    }
}

/// Copies everything in the SQLite database at `from` into the empty PostgreSQL database at
/// `to` (whose schema is created first), telling `progress` as it goes. Refuses a target that
/// holds anything. The source must be up to date (open it with the server once).
pub async fn migrate_data(
    from: &str,
    to: &str,
    mut progress: impl FnMut(&str),
) -> Result<Copied, String> {
    let path = from
        .strip_prefix("sqlite:")
        .map(|rest| rest.trim_start_matches("//"))
        .ok_or_else(|| format!("--from {from:?} is not a sqlite:// URL"))?;
    let path = path.split('?').next().unwrap_or_default();
    if !std::path::Path::new(path).is_file() {
        return Err(format!("--from: there is no database at {path}"));
    }
    if !(to.starts_with("postgres://") || to.starts_with("postgresql://")) {
        return Err(format!("--to {to:?} is not a postgres:// URL"));
    }
    let mut source = SqliteConnectOptions::new()
        .filename(path)
        .read_only(true)
        .connect()
        .await
        .map_err(|e| format!("--from: {e}"))?;
    // One read transaction: every table is copied as it was at one moment.
    let mut source = source.begin().await.map_err(|e| format!("--from: {e}"))?;
    refuse_a_running_source(&mut source).await?;
    // A lock another session holds on the target (an open transaction) is waited for at most
    // this long, then the move stops saying so, rather than waiting without a word.
    let separator = if to.contains('?') { '&' } else { '?' };
    let waiting = format!("{to}{separator}options=-c%20lock_timeout%3D{LOCK_WAIT_SECONDS}s");
    let pool = consentry_store_postgres::open(&waiting)
        .await
        .map_err(|e| format!("--to: {}", with_hint(e.to_string())))?;
    let mut target = pool.acquire().await.map_err(|e| e.to_string())?;
    let columns = target_columns(&mut target).await?;
    let order = copy_order(&mut target, &columns).await?;
    let mut tx = target.begin().await.map_err(|e| e.to_string())?;
    let (moving,): (bool,) = sqlx::query_as("SELECT pg_try_advisory_xact_lock($1)")
        .bind(MOVING_LOCK)
        .fetch_one(&mut *tx)
        .await
        .map_err(|e| e.to_string())?;
    if !moving {
        return Err(
            "--to: another migrate-data is moving an installation into this database now"
                .to_owned(),
        );
    }
    // A server on the target holds its data keys in memory: replacing them under it would
    // leave what it writes next unreadable. One that starts during the move waits for the
    // keys until the move commits, then reads the source's.
    sqlx::query("LOCK TABLE data_keys IN ACCESS EXCLUSIVE MODE")
        .execute(&mut *tx)
        .await
        .map_err(|e| with_hint(e.to_string()))?;
    let (serving,): (Option<chrono::DateTime<chrono::Utc>>,) =
        sqlx::query_as("SELECT MAX(alive_until) FROM instances WHERE alive_until >= now()")
            .fetch_one(&mut *tx)
            .await
            .map_err(|e| e.to_string())?;
    if let Some(until) = serving {
        return Err(format!(
            "--to: a Consentry server is running on this database (its lease runs until {} \
             UTC): stop every server on it before the move; a process that was killed is \
             taken as gone once that time has passed",
            until.format("%H:%M:%S")
        ));
    }
    // A server (or `consentry migrate`) that opened the target made data keys there; with
    // nothing else in it they encrypt nothing, and the source's take their place.
    for table in columns.keys().filter(|t| *t != "data_keys") {
        let (any,): (bool,) = sqlx::query_as(&format!("SELECT EXISTS (SELECT 1 FROM {table})"))
            .fetch_one(&mut *tx)
            .await
            .map_err(|e| with_hint(e.to_string()))?;
        if any {
            return Err(format!(
                "--to: the database already holds data (table {table} is not empty); \
                 migrate-data moves an installation into an empty database only: give it a \
                 new database (CREATE DATABASE …) and start no server on it before the move"
            ));
        }
    }
    let unused = sqlx::query("DELETE FROM data_keys")
        .execute(&mut *tx)
        .await
        .map_err(|e| e.to_string())?
        .rows_affected();
    if unused > 0 {
        progress(&format!(
            "the target's own {unused} data keys (made when it was opened; they encrypt \
             nothing) are replaced by the source's"
        ));
    }
    let mut copied = Vec::new();
    for table in &order {
        if table == "module_fields" {
            // Each copied module was given the standard fields by trigger, under new ids:
            // the source's own rows (with their ids, labels and encryption) take their place.
            sqlx::query("DELETE FROM module_fields")
                .execute(&mut *tx)
                .await
                .map_err(|e| e.to_string())?;
        }
        let n = copy_table(&mut source, &mut tx, table, &columns[table], &mut progress)
            .await
            .map_err(with_hint)?;
        copied.push((table.clone(), n));
    }
    copy_event_quarters(&mut source, &mut tx).await?;
    for (table, column) in identity_columns(&mut tx).await? {
        sqlx::query(&format!(
            "SELECT setval(pg_get_serial_sequence('{table}', '{column}'),
                           GREATEST((SELECT MAX({column}) FROM {table}), 1))"
        ))
        .execute(&mut *tx)
        .await
        .map_err(|e| e.to_string())?;
    }
    compare_counts(&mut source, &mut tx, &copied).await?;
    tx.commit().await.map_err(|e| e.to_string())?;
    source.rollback().await.map_err(|e| e.to_string())?;
    // The pool closes once every connection is back: this one first. Held here, `close`
    // waited for it for ever (the move committed, its connection idle, the process hung).
    drop(target);
    pool.close().await;
    Ok(Copied { tables: copied })
}

/// Refuses a source a Consentry process is still working on (a server or an import keeps
/// renewing its lease there): what it wrote after the copy began would be left behind.
async fn refuse_a_running_source(source: &mut SqliteConnection) -> Result<(), String> {
    let (alive_until,): (Option<i64>,) =
        sqlx::query_as("SELECT MAX(alive_until) FROM instances WHERE alive_until >= ?1")
            .bind(chrono::Utc::now().timestamp_millis())
            .fetch_one(&mut *source)
            .await
            .map_err(|e| format!("--from: {e}"))?;
    match alive_until.and_then(chrono::DateTime::from_timestamp_millis) {
        Some(until) => Err(format!(
            "--from: a Consentry server or import is running on this database (its lease runs \
             until {} UTC): stop it first, so that nothing it writes is left behind; a process \
             that was killed is taken as gone once that time has passed",
            until.format("%H:%M:%S")
        )),
        None => Ok(()),
    }
}

/// Seconds a statement on the target waits for a lock another session holds.
const LOCK_WAIT_SECONDS: u32 = 15;

/// An error on the target, with what to do when it was a lock held too long.
fn with_hint(error: String) -> String {
    if error.contains("lock timeout") {
        format!(
            "{error}: another session held a lock on the target for more than \
             {LOCK_WAIT_SECONDS} s (an open transaction?); end it and move again, nothing was \
             committed"
        )
    } else {
        error
    }
}

/// Every table the target has (but those kept by trigger or describing processes), with its
/// columns and how each is kept.
async fn target_columns(
    conn: &mut PgConnection,
) -> Result<BTreeMap<String, Vec<(String, Kind)>>, String> {
    let rows: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT table_name::text, column_name::text, data_type::text
         FROM information_schema.columns WHERE table_schema = current_schema()
         ORDER BY table_name, ordinal_position",
    )
    .fetch_all(&mut *conn)
    .await
    .map_err(|e| e.to_string())?;
    let mut tables: BTreeMap<String, Vec<(String, Kind)>> = BTreeMap::new();
    for (table, column, data_type) in rows {
        if KEPT_BY_TRIGGER.contains(&table.as_str()) || NOT_MOVED.contains(&table.as_str()) {
            continue;
        }
        let kind = Kind::of(&data_type)
            .ok_or_else(|| format!("{table}.{column}: no way to move a {data_type} column"))?;
        tables.entry(table).or_default().push((column, kind));
    }
    Ok(tables)
}

/// The tables in an order where every table comes after those its rows refer to.
async fn copy_order(
    conn: &mut PgConnection,
    columns: &BTreeMap<String, Vec<(String, Kind)>>,
) -> Result<Vec<String>, String> {
    let edges: Vec<(String, String)> = sqlx::query_as(
        "SELECT conrelid::regclass::text, confrelid::regclass::text FROM pg_constraint
         WHERE contype = 'f' AND conrelid <> confrelid",
    )
    .fetch_all(&mut *conn)
    .await
    .map_err(|e| e.to_string())?;
    let mut needs: HashMap<&str, BTreeSet<&str>> = HashMap::new();
    for (table, referred) in &edges {
        needs.entry(table).or_default().insert(referred);
    }
    let mut order: Vec<String> = Vec::new();
    let mut left: BTreeSet<&str> = columns.keys().map(String::as_str).collect();
    while !left.is_empty() {
        let ready: Vec<&str> = left
            .iter()
            .copied()
            .filter(|t| {
                needs
                    .get(t)
                    .is_none_or(|n| n.iter().all(|r| !left.contains(r)))
            })
            .collect();
        if ready.is_empty() {
            return Err(format!(
                "the tables {left:?} refer to each other in a circle"
            ));
        }
        for table in ready {
            left.remove(table);
            order.push(table.to_owned());
        }
    }
    Ok(order)
}

/// Columns whose values come from a sequence, to be moved on past the copied values.
async fn identity_columns(conn: &mut PgConnection) -> Result<Vec<(String, String)>, String> {
    sqlx::query_as(
        "SELECT table_name::text, column_name::text FROM information_schema.columns
         WHERE table_schema = current_schema()
           AND (is_identity = 'YES' OR column_default LIKE 'nextval%')",
    )
    .fetch_all(&mut *conn)
    .await
    .map_err(|e| e.to_string())
}

/// Copies one table, a few hundred rows per statement; its number of rows.
async fn copy_table(
    source: &mut SqliteConnection,
    target: &mut PgConnection,
    table: &str,
    columns: &[(String, Kind)],
    progress: &mut impl FnMut(&str),
) -> Result<u64, String> {
    let (total,): (i64,) = sqlx::query_as(&format!("SELECT COUNT(*) FROM {table}"))
        .fetch_one(&mut *source)
        .await
        .map_err(|e| format!("--from: {table}: {e}"))?;
    // Columns only PostgreSQL has (an instance's claim on a delivery or job) start empty.
    let kept: Vec<(String,)> = sqlx::query_as("SELECT name FROM pragma_table_info(?1)")
        .bind(table)
        .fetch_all(&mut *source)
        .await
        .map_err(|e| format!("--from: {table}: {e}"))?;
    let columns: Vec<(String, Kind)> = columns
        .iter()
        .filter(|(c, _)| kept.iter().any(|(k,)| k == c))
        .cloned()
        .collect();
    let columns = columns.as_slice();
    let names: Vec<&str> = columns.iter().map(|(c, _)| c.as_str()).collect();
    let list = names.join(", ");
    // The audit chains in their order, the rest as stored.
    let order = if table == "audit_log" {
        " ORDER BY organisation_id, seq"
    } else {
        ""
    };
    let select = format!("SELECT {list} FROM {table}{order}");
    let mut rows = sqlx::query(&select).fetch(source);
    let mut batch: Vec<Vec<Value>> = Vec::with_capacity(ROWS_PER_INSERT);
    let mut done = 0u64;
    let mut told = 0u64;
    while let Some(row) = rows
        .try_next()
        .await
        .map_err(|e| format!("--from: {table}: {e}"))?
    {
        let mut values = Vec::with_capacity(columns.len());
        for (i, (column, kind)) in columns.iter().enumerate() {
            values.push(
                read_value(&row, i, *kind)
                    .map_err(|e| format!("{table}.{column} (row {}): {e}", done + 1))?,
            );
        }
        batch.push(values);
        done += 1;
        if batch.len() == ROWS_PER_INSERT {
            insert(target, table, columns, std::mem::take(&mut batch)).await?;
            if done - told >= 10_000 {
                told = done;
                progress(&format!("{table}: {done} of {total} rows"));
            }
        }
    }
    if !batch.is_empty() {
        insert(target, table, columns, batch).await?;
    }
    progress(&format!("{table}: {done} rows copied"));
    Ok(done)
}

/// Reads column `i` of a SQLite row as the value the target's column `kind` takes.
fn read_value(row: &sqlx::sqlite::SqliteRow, i: usize, kind: Kind) -> Result<Value, String> {
    let raw = row.try_get_raw(i).map_err(|e| e.to_string())?;
    if raw.is_null() {
        return Ok(Value::Null);
    }
    let stored = raw.type_info().name().to_owned();
    let get_err = |e: sqlx::Error| e.to_string();
    Ok(match (kind, stored.as_str()) {
        (Kind::Uuid, "BLOB") => {
            let bytes: Vec<u8> = row.try_get(i).map_err(get_err)?;
            Value::Uuid(Uuid::from_slice(&bytes).map_err(|e| e.to_string())?)
        }
        (Kind::Uuid, "TEXT") => {
            let text: String = row.try_get(i).map_err(get_err)?;
            Value::Uuid(Uuid::parse_str(&text).map_err(|e| e.to_string())?)
        }
        (Kind::Time, "INTEGER") => {
            let ms: i64 = row.try_get(i).map_err(get_err)?;
            Value::Time(
                DateTime::<Utc>::from_timestamp_millis(ms)
                    .ok_or_else(|| format!("{ms} ms is not a time"))?,
            )
        }
        (Kind::Bool, "INTEGER") => Value::Bool(row.try_get::<i64, _>(i).map_err(get_err)? != 0),
        (Kind::Int8, "INTEGER") => Value::Int(row.try_get(i).map_err(get_err)?),
        (Kind::Int4, "INTEGER") => {
            let n: i64 = row.try_get(i).map_err(get_err)?;
            Value::Int4(i32::try_from(n).map_err(|_| format!("{n} is too large"))?)
        }
        (Kind::Real, "REAL" | "INTEGER") => Value::Real(row.try_get(i).map_err(get_err)?),
        (Kind::Bytes, "BLOB") => Value::Bytes(row.try_get(i).map_err(get_err)?),
        (Kind::Bytes, "TEXT") => {
            Value::Bytes(row.try_get::<String, _>(i).map_err(get_err)?.into_bytes())
        }
        (Kind::Text | Kind::Date | Kind::Json | Kind::Jsonb, "TEXT") => {
            Value::Text(row.try_get(i).map_err(get_err)?)
        }
        (Kind::Text, "INTEGER") => {
            Value::Text(row.try_get::<i64, _>(i).map_err(get_err)?.to_string())
        }
        (kind, stored) => return Err(format!("a {stored} value where {kind:?} belongs")),
    })
}

/// Inserts a batch of rows into `table`.
async fn insert(
    target: &mut PgConnection,
    table: &str,
    columns: &[(String, Kind)],
    rows: Vec<Vec<Value>>,
) -> Result<(), String> {
    let names: Vec<&str> = columns.iter().map(|(c, _)| c.as_str()).collect();
    // Ids the source gave (privacy events are numbered by the database) are kept.
    let mut query = QueryBuilder::<Postgres>::new(format!(
        "INSERT INTO {table} ({}) OVERRIDING SYSTEM VALUE ",
        names.join(", ")
    ));
    query.push_values(rows, |mut b, row| {
        for (value, (_, kind)) in row.into_iter().zip(columns) {
            match value {
                Value::Null => b.push("NULL"),
                Value::Int(n) => b.push_bind(n),
                Value::Int4(n) => b.push_bind(n),
                Value::Real(n) => b.push_bind(n),
                Value::Text(t) => b.push_bind(t).push_unseparated(kind.cast()),
                Value::Bytes(bytes) => b.push_bind(bytes),
                Value::Bool(flag) => b.push_bind(flag),
                Value::Uuid(id) => b.push_bind(id),
                Value::Time(at) => b.push_bind(at),
            };
        }
    });
    let statement: Query<'_, Postgres, PgArguments> = query.build();
    statement
        .execute(&mut *target)
        .await
        .map_err(|e| format!("--to: {table}: {e}"))?;
    Ok(())
}

/// Every table holds as many rows as on the source, and what the target made by trigger
/// (the Overview's counters, the audit chains' heads) matches what the source kept.
/// The Overview's changes per quarter hour are history: they keep counting the changes of
/// records erased since, which the events left no longer show, so the target's triggers
/// (counting the events copied) count fewer. The source's counts take their place.
async fn copy_event_quarters(
    source: &mut SqliteConnection,
    target: &mut PgConnection,
) -> Result<(), String> {
    let quarters: Vec<(Vec<u8>, i64, i64)> =
        sqlx::query_as("SELECT organisation_id, quarter, n FROM privacy_event_quarters")
            .fetch_all(&mut *source)
            .await
            .map_err(|e| format!("--from: privacy_event_quarters: {e}"))?;
    let organisations: Vec<Uuid> = quarters
        .iter()
        .map(|(id, ..)| Uuid::from_slice(id).map_err(|e| format!("--from: {e}")))
        .collect::<Result<_, _>>()?;
    let starts: Vec<i64> = quarters.iter().map(|(_, quarter, _)| *quarter).collect();
    let counts: Vec<i64> = quarters.iter().map(|(.., n)| *n).collect();
    sqlx::query("DELETE FROM privacy_event_quarters")
        .execute(&mut *target)
        .await
        .map_err(|e| e.to_string())?;
    sqlx::query(
        "INSERT INTO privacy_event_quarters (organisation_id, quarter, n)
         SELECT * FROM UNNEST($1::uuid[], $2::bigint[], $3::bigint[])",
    )
    .bind(&organisations)
    .bind(&starts)
    .bind(&counts)
    .execute(&mut *target)
    .await
    .map_err(|e| format!("privacy_event_quarters: {e}"))?;
    Ok(())
}

async fn compare_counts(
    source: &mut SqliteConnection,
    target: &mut PgConnection,
    copied: &[(String, u64)],
) -> Result<(), String> {
    for (table, n) in copied {
        let (on_target,): (i64,) = sqlx::query_as(&format!("SELECT COUNT(*) FROM {table}"))
            .fetch_one(&mut *target)
            .await
            .map_err(|e| e.to_string())?;
        if u64::try_from(on_target).ok() != Some(*n) {
            return Err(format!(
                "{table}: {n} rows read but {on_target} on the target; nothing was committed"
            ));
        }
    }
    let heads: Vec<(Vec<u8>, i64)> =
        sqlx::query_as("SELECT organisation_id, seq FROM audit_heads ORDER BY organisation_id")
            .fetch_all(&mut *source)
            .await
            .map_err(|e| format!("--from: audit_heads: {e}"))?;
    let moved: Vec<(Uuid, i64)> =
        sqlx::query_as("SELECT organisation_id, seq FROM audit_heads ORDER BY organisation_id")
            .fetch_all(&mut *target)
            .await
            .map_err(|e| e.to_string())?;
    let heads: Vec<(Uuid, i64)> = heads
        .into_iter()
        .map(|(id, seq)| (Uuid::from_slice(&id).unwrap_or_default(), seq))
        .collect();
    if heads != moved {
        return Err(
            "the audit chains' heads differ after the move; nothing was committed".to_owned(),
        );
    }
    for (what, sum) in [
        (
            "records",
            "SELECT CAST(COALESCE(SUM(n), 0) AS BIGINT) FROM privacy_counts",
        ),
        (
            "changes of basis or status",
            "SELECT CAST(COALESCE(SUM(n), 0) AS BIGINT) FROM privacy_event_quarters",
        ),
    ] {
        let (before,): (i64,) = sqlx::query_as(sum)
            .fetch_one(&mut *source)
            .await
            .map_err(|e| format!("--from: {e}"))?;
        let (after,): (i64,) = sqlx::query_as(sum)
            .fetch_one(&mut *target)
            .await
            .map_err(|e| e.to_string())?;
        if before != after {
            return Err(format!(
                "the Overview counts {before} {what} on the source but {after} on the \
                 target; nothing was committed"
            ));
        }
    }
    Ok(())
}
