//! A `database.url` that asks for TLS gets it, with the server's certificate checked against
//! the authority it names; and a server that cannot be reached, or does not answer, is named
//! with the reason.

mod common;

use common::{Scratch, master};
use consentry_store_postgres::PostgresStore;

/// The certificate of the authority that signed the test server's (`scripts/test.sh`'s own
/// cluster speaks TLS and names it); `None` for a server given without one.
fn root_certificate() -> Option<String> {
    std::env::var("CONSENTRY_TEST_POSTGRES_ROOT_CERT").ok()
}

#[tokio::test]
async fn a_url_asking_for_verified_tls_connects_encrypted() {
    let scratch = Scratch::new().await;
    let Some(root) = root_certificate() else {
        let (ssl,): (String,) = sqlx::query_as("SHOW ssl")
            .fetch_one(&scratch.pool)
            .await
            .expect("ssl");
        assert_eq!(
            ssl, "off",
            "the test server speaks TLS: name its authority's certificate in \
             CONSENTRY_TEST_POSTGRES_ROOT_CERT"
        );
        eprintln!(
            "NOT CHECKED: the PostgreSQL server given speaks no TLS (scripts/test.sh's own \
             cluster does)"
        );
        scratch.drop_database().await;
        return;
    };
    let url = format!("{}?sslmode=verify-full&sslrootcert={root}", scratch.url);
    let store = PostgresStore::connect(&url, master())
        .await
        .expect("the store opens over TLS");
    drop(store);
    let pool = consentry_store_postgres::open(&url).await.expect("a pool");
    let (encrypted,): (bool,) =
        sqlx::query_as("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
            .fetch_one(&pool)
            .await
            .expect("pg_stat_ssl");
    assert!(encrypted, "the connection is encrypted");
    pool.close().await;

    // A certificate no trusted authority signed is refused, and the error says where.
    let unverified = format!("{}?sslmode=verify-full", scratch.url);
    let refused = PostgresStore::connect(&unverified, master())
        .await
        .expect_err("an unknown authority is refused");
    let message = refused.to_string();
    assert!(
        message.contains("cannot connect to the PostgreSQL database"),
        "{message}"
    );
    assert!(message.contains("127.0.0.1"), "{message}");
    scratch.drop_database().await;
}

#[tokio::test]
async fn a_server_that_refuses_connections_is_named_at_once() {
    // A port nothing listens on.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .expect("a port")
        .local_addr()
        .expect("its address")
        .port();
    let url = format!("postgres://consentry:secret@127.0.0.1:{port}/consentry");
    let message = PostgresStore::connect(&url, master())
        .await
        .expect_err("nothing listens")
        .to_string();
    assert!(
        message.contains(&format!(
            "cannot connect to the PostgreSQL database consentry on 127.0.0.1:{port} as consentry"
        )),
        "{message}"
    );
    assert!(message.contains("refused"), "the reason: {message}");
    assert!(
        !message.contains("secret"),
        "the password stays out: {message}"
    );
}

#[tokio::test]
async fn a_server_that_takes_the_connection_but_never_answers_is_named_not_waited_for() {
    // Takes connections and holds them, saying nothing.
    let silent = std::net::TcpListener::bind("127.0.0.1:0").expect("a port");
    let port = silent.local_addr().expect("its address").port();
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for stream in silent.incoming() {
            held.push(stream);
        }
    });
    let url = format!("postgres://consentry:secret@127.0.0.1:{port}/consentry");
    let message = PostgresStore::connect(&url, master())
        .await
        .expect_err("nothing answers")
        .to_string();
    assert!(message.contains(&format!("127.0.0.1:{port}")), "{message}");
    assert!(message.contains("no answer within"), "{message}");
}
