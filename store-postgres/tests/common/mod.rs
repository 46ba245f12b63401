//! A database of its own for each test, in the server `CONSENTRY_TEST_POSTGRES_URL` names
//! (`scripts/test.sh` provides one).

#![allow(dead_code)] // Each test crate uses its part.

use sqlx::{Connection, Executor, PgConnection, PgPool};
use uuid::Uuid;

/// A fresh, migrated database; dropped by [`Scratch::drop_database`].
pub struct Scratch {
    /// Its pool, migrated.
    pub pool: PgPool,
    /// Its URL.
    pub url: String,
    admin: String,
    name: String,
}

impl Scratch {
    pub async fn new() -> Scratch {
        let admin = std::env::var("CONSENTRY_TEST_POSTGRES_URL").expect(
            "CONSENTRY_TEST_POSTGRES_URL names the PostgreSQL server these tests use: run \
             scripts/test.sh, which starts one, or set it to a superuser's postgres:// URL",
        );
        let name = format!("consentry_schema_{}", Uuid::new_v4().simple());
        let mut conn = PgConnection::connect(&admin)
            .await
            .expect("the test server");
        conn.execute(format!("CREATE DATABASE {name}").as_str())
            .await
            .expect("create database");
        let url = match admin.rsplit_once('/') {
            Some((server, _)) => format!("{server}/{name}"),
            None => panic!("a URL with a database: {admin}"),
        };
        let pool = consentry_store_postgres::open(&url)
            .await
            .expect("migrated");
        Scratch {
            pool,
            url,
            admin,
            name,
        }
    }

    /// The store on this database as one more server instance (every instance of one
    /// database shares the master key).
    pub async fn store(&self) -> consentry_store_postgres::PostgresStore {
        consentry_store_postgres::PostgresStore::connect(&self.url, master())
            .await
            .expect("the store opens")
    }

    pub async fn drop_database(self) {
        self.pool.close().await;
        let mut conn = PgConnection::connect(&self.admin)
            .await
            .expect("the test server");
        conn.execute(format!("DROP DATABASE {} WITH (FORCE)", self.name).as_str())
            .await
            .expect("drop database");
    }
}

/// The master key of every test database (test data only).
pub fn master() -> consentry_store::crypto::MasterKey {
    consentry_store::crypto::MasterKey::from_base64("BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc=")
        .expect("a master key")
}
