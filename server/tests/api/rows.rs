//! The tests' own view of the app's rows, on whichever backend the app runs on (its SQLite
//! file or its PostgreSQL database): counting rows, changing them behind the server's back,
//! and moving times back. SQL without parameters is the same on both; times differ
//! (milliseconds on SQLite, `timestamptz` on PostgreSQL), so they move through
//! [`Rows::move_back`].

use crate::helpers::TestApp;

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
