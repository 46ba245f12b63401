//! The tests' own view of the app's rows, on whichever backend the app runs on (its SQLite
//! file or its PostgreSQL database): counting rows, changing them behind the server's back,
//! and moving times back. SQL without parameters is the same on both; times differ
//! (milliseconds on SQLite, `timestamptz` on PostgreSQL), so they move through
//! [`Rows::move_back`].

use crate::helpers::TestApp;

/// How often `needle` is in what the app's database keeps, ASCII case ignored. On SQLite: in
/// the bytes of its file and WAL, free pages and overwritten rows included
/// (`erasure::hits`). On PostgreSQL, whose files are the server's: the stored values that
/// hold it ([`Rows::holding`]).
pub async fn stored(app: &TestApp, needle: impl AsRef<[u8]>) -> usize {
    if app.database_url().await.starts_with("postgres") {
        Rows::of(app).await.holding(needle).await
    } else {
        crate::erasure::hits(app, needle)
    }
}

pub enum Rows {
    Sqlite(sqlx::SqlitePool),
    Postgres(sqlx::PgPool),
}

impl Rows {
    /// The app's database.
    pub async fn of(app: &TestApp) -> Rows {
        let url = app.database_url().await;
        if url.starts_with("postgres") {
            Rows::Postgres(sqlx::PgPool::connect(&url).await.expect("pool"))
        } else {
            Rows::Sqlite(sqlx::SqlitePool::connect(&url).await.expect("pool"))
        }
    }

    /// The one integer a query without parameters answers (`SELECT COUNT(*) …`).
    pub async fn count(&self, sql: &str) -> i64 {
        match self {
            Rows::Sqlite(pool) => sqlx::query_scalar(sql).fetch_one(pool).await,
            Rows::Postgres(pool) => sqlx::query_scalar(sql).fetch_one(pool).await,
        }
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
    }

    /// Runs a statement without parameters: the rows it changed, or the database's refusal.
    pub async fn execute(&self, sql: &str) -> Result<u64, sqlx::Error> {
        Ok(match self {
            Rows::Sqlite(pool) => sqlx::query(sql).execute(pool).await?.rows_affected(),
            Rows::Postgres(pool) => sqlx::query(sql).execute(pool).await?.rows_affected(),
        })
    }

    /// The first column of every row a query without parameters answers, as text (`None` for
    /// NULL). A column that is not text on either backend is cast in the query
    /// (`CAST(custom AS TEXT)`: `jsonb` on PostgreSQL).
    pub async fn texts(&self, sql: &str) -> Vec<Option<String>> {
        match self {
            Rows::Sqlite(pool) => sqlx::query_scalar(sql).fetch_all(pool).await,
            Rows::Postgres(pool) => sqlx::query_scalar(sql).fetch_all(pool).await,
        }
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
    }

    /// The first column of every row a query without parameters answers, as ids (a blob on
    /// SQLite, a `uuid` on PostgreSQL).
    pub async fn ids(&self, sql: &str) -> Vec<uuid::Uuid> {
        match self {
            Rows::Sqlite(pool) => sqlx::query_scalar(sql).fetch_all(pool).await,
            Rows::Postgres(pool) => sqlx::query_scalar(sql).fetch_all(pool).await,
        }
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
    }

    /// How many stored values (one column of one row, of any table) hold `needle`, ASCII case
    /// ignored: text as its UTF-8 bytes, blobs (`bytea`) as their bytes, anything else as
    /// the database writes it as text. What the tables hold now: a SQLite file's free pages
    /// and WAL, or PostgreSQL's dead row versions, are not read (see `erasure::hits` for
    /// SQLite's files).
    pub async fn holding(&self, needle: impl AsRef<[u8]>) -> usize {
        let needle = needle.as_ref();
        let holds = |value: &Vec<u8>| {
            value
                .windows(needle.len())
                .any(|w| w.eq_ignore_ascii_case(needle))
        };
        let mut values = 0;
        for (table, column, bytes) in self.columns().await {
            let value = match (self, bytes) {
                (Rows::Sqlite(_), _) => format!("CAST(\"{column}\" AS BLOB)"),
                (Rows::Postgres(_), true) => format!("\"{column}\""),
                (Rows::Postgres(_), false) => format!("convert_to(\"{column}\"::text, 'UTF8')"),
            };
            let sql = format!("SELECT {value} FROM \"{table}\" WHERE \"{column}\" IS NOT NULL");
            let found: Vec<Vec<u8>> = match self {
                Rows::Sqlite(pool) => sqlx::query_scalar(&sql).fetch_all(pool).await,
                Rows::Postgres(pool) => sqlx::query_scalar(&sql).fetch_all(pool).await,
            }
            .unwrap_or_else(|e| panic!("{sql}: {e}"));
            values += found.iter().filter(|v| holds(v)).count();
        }
        values
    }

    /// Every column of every table: its table, its name, and whether it holds bytes (a
    /// PostgreSQL `bytea`; SQLite's columns are read as bytes whatever they hold).
    async fn columns(&self) -> Vec<(String, String, bool)> {
        let sql = match self {
            Rows::Sqlite(_) => {
                "SELECT t.name, c.name, 1 FROM sqlite_schema AS t, pragma_table_info(t.name) AS c
                 WHERE t.type = 'table' ORDER BY t.name, c.cid"
            }
            Rows::Postgres(_) => {
                "SELECT c.table_name::text, c.column_name::text, c.data_type = 'bytea'
                 FROM information_schema.columns AS c
                 JOIN information_schema.tables AS t USING (table_schema, table_name)
                 WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
                 ORDER BY c.table_name, c.ordinal_position"
            }
        };
        match self {
            Rows::Sqlite(pool) => sqlx::query_as(sql).fetch_all(pool).await,
            Rows::Postgres(pool) => sqlx::query_as(sql).fetch_all(pool).await,
        }
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
    }

    /// Closes the connections (before another process works on the database alone).
    pub async fn close(self) {
        match self {
            Rows::Sqlite(pool) => pool.close().await,
            Rows::Postgres(pool) => pool.close().await,
        }
    }

    /// `id` as an SQL literal of the backend's own kind (a blob on SQLite, a `uuid` on
    /// PostgreSQL), for conditions like `id = {…}`.
    pub fn id(&self, id: uuid::Uuid) -> String {
        match self {
            Rows::Sqlite(_) => format!("X'{}'", id.simple()),
            Rows::Postgres(_) => format!("'{id}'::uuid"),
        }
    }

    /// Drops the trigger `name` on `table`, as someone editing the database behind the
    /// server's back would before changing what it guards.
    pub async fn drop_trigger(&self, table: &str, name: &str) {
        let sql = match self {
            Rows::Sqlite(_) => format!("DROP TRIGGER {name}"),
            Rows::Postgres(_) => format!("DROP TRIGGER {name} ON {table}"),
        };
        self.execute(&sql)
            .await
            .unwrap_or_else(|e| panic!("{sql}: {e}"));
    }

    /// Moves the time in `column` of the rows of `table` that `filter` (an SQL condition)
    /// selects back by `by`; how many rows moved.
    pub async fn move_back(
        &self,
        table: &str,
        column: &str,
        filter: &str,
        by: chrono::Duration,
    ) -> u64 {
        let sql = match self {
            Rows::Sqlite(_) => format!(
                "UPDATE {table} SET {column} = {column} - {} WHERE {filter}",
                by.num_milliseconds()
            ),
            Rows::Postgres(_) => format!(
                "UPDATE {table} SET {column} = {column} - interval '{} milliseconds' \
                 WHERE {filter}",
                by.num_milliseconds()
            ),
        };
        self.execute(&sql)
            .await
            .unwrap_or_else(|e| panic!("{sql}: {e}"))
    }

    /// Sets the time in `column` of the rows of `table` that `filter` selects to `at`; how
    /// many rows changed.
    pub async fn set_time(
        &self,
        table: &str,
        column: &str,
        filter: &str,
        at: chrono::DateTime<chrono::Utc>,
    ) -> u64 {
        let value = match self {
            Rows::Sqlite(_) => at.timestamp_millis().to_string(),
            Rows::Postgres(_) => format!("'{}'::timestamptz", at.to_rfc3339()),
        };
        let sql = format!("UPDATE {table} SET {column} = {value} WHERE {filter}");
        self.execute(&sql)
            .await
            .unwrap_or_else(|e| panic!("{sql}: {e}"))
    }

    /// The time in `column` of the one row of `table` that `filter` selects.
    pub async fn time(
        &self,
        table: &str,
        column: &str,
        filter: &str,
    ) -> chrono::DateTime<chrono::Utc> {
        let sql = format!("SELECT {column} FROM {table} WHERE {filter}");
        match self {
            Rows::Sqlite(pool) => {
                let millis: i64 = sqlx::query_scalar(&sql)
                    .fetch_one(pool)
                    .await
                    .unwrap_or_else(|e| panic!("{sql}: {e}"));
                chrono::DateTime::from_timestamp_millis(millis).expect("a time")
            }
            Rows::Postgres(pool) => sqlx::query_scalar(&sql)
                .fetch_one(pool)
                .await
                .unwrap_or_else(|e| panic!("{sql}: {e}")),
        }
    }
}
