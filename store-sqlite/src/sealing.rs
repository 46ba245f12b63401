//! Encryption at rest on SQLite: the wrapped data keys in `data_keys`, the secrets older
//! versions kept unwrapped, and which fields of an organisation are encrypted. What sealing
//! means is [`consentry_store::vault`]'s.

use chrono::Utc;
use consentry_model::{
    OrganisationId,
    fields::{FieldEncryption, FieldKind},
};
use sqlx::{SqliteConnection, SqlitePool};
use std::collections::HashMap;
use uuid::Uuid;

use super::{corrupt, millis};
use consentry_store::{
    StoreResult,
    crypto::{Keyring, MasterKey, random_key},
    vault::{
        SealedField, Sealing, Vault, hash_key_label, keyring, signing_key_label, webhook_label,
    },
};

/// Loads the data keys, creating the first value key and the index key on a new database.
pub(super) async fn open(pool: &SqlitePool, master: MasterKey) -> StoreResult<Vault> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    for purpose in ["values", "index"] {
        let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM data_keys WHERE purpose = ?1")
            .bind(purpose)
            .fetch_one(&mut *tx)
            .await?;
        if n == 0 {
            insert_key(&mut tx, &master, purpose).await?;
        }
    }
    let ring = load_ring(&mut tx, &master).await?;
    wrap_older_secrets(&mut tx, &master).await?;
    tx.commit().await?;
    Ok(Vault::new(master, ring))
}

/// Reloads the keys when the database holds a newer value key than this process knows.
pub(super) async fn refresh(vault: &Vault, conn: &mut SqliteConnection) -> StoreResult<Keyring> {
    let (newest,): (Option<i64>,) =
        sqlx::query_as("SELECT MAX(id) FROM data_keys WHERE purpose = 'values'")
            .fetch_one(&mut *conn)
            .await?;
    let ring = vault.ring();
    if newest.is_some_and(|id| id != i64::from(ring.current())) {
        let fresh = load_ring(conn, vault.master()).await?;
        vault.replace(fresh.clone());
        return Ok(fresh);
    }
    Ok(ring)
}

/// Adds a new value key, which seals from now on; returns its id.
pub(super) async fn add_key(vault: &Vault, conn: &mut SqliteConnection) -> StoreResult<u32> {
    let id = insert_key(conn, vault.master(), "values").await?;
    refresh(vault, conn).await?;
    Ok(id)
}

/// Wraps the secrets an older version stored as they were (webhook secrets, receipt signing
/// keys, hash keys), once; `secure_delete` overwrites the plain bytes.
async fn wrap_older_secrets(conn: &mut SqliteConnection, master: &MasterKey) -> StoreResult<()> {
    let webhooks: Vec<(Uuid, String)> =
        sqlx::query_as("SELECT id, secret FROM webhooks WHERE secret_wrapped IS NULL")
            .fetch_all(&mut *conn)
            .await?;
    for (id, secret) in webhooks {
        sqlx::query("UPDATE webhooks SET secret_wrapped = ?2, secret = '' WHERE id = ?1")
            .bind(id)
            .bind(master.wrap_secret(&webhook_label(id), secret.as_bytes()))
            .execute(&mut *conn)
            .await?;
    }
    let signing: Vec<(String, Vec<u8>)> =
        sqlx::query_as("SELECT kid, secret FROM signing_keys WHERE wrapped = 0")
            .fetch_all(&mut *conn)
            .await?;
    for (kid, secret) in signing {
        sqlx::query("UPDATE signing_keys SET secret = ?2, wrapped = 1 WHERE kid = ?1")
            .bind(&kid)
            .bind(master.wrap_secret(&signing_key_label(&kid), &secret))
            .execute(&mut *conn)
            .await?;
    }
    let hashes: Vec<(Uuid, Vec<u8>)> = sqlx::query_as(
        "SELECT organisation_id, hash_key FROM organisation_secrets WHERE wrapped = 0",
    )
    .fetch_all(&mut *conn)
    .await?;
    for (organisation, key) in hashes {
        sqlx::query(
            "UPDATE organisation_secrets SET hash_key = ?2, wrapped = 1
             WHERE organisation_id = ?1",
        )
        .bind(organisation)
        .bind(master.wrap_secret(&hash_key_label(organisation), &key))
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

async fn insert_key(
    conn: &mut SqliteConnection,
    master: &MasterKey,
    purpose: &str,
) -> StoreResult<u32> {
    let (next,): (i64,) = sqlx::query_as("SELECT COALESCE(MAX(id), 0) + 1 FROM data_keys")
        .fetch_one(&mut *conn)
        .await?;
    let id = u32::try_from(next).map_err(|_| corrupt("data_keys.id", next.to_string()))?;
    sqlx::query("INSERT INTO data_keys (id, purpose, wrapped, created_at) VALUES (?1, ?2, ?3, ?4)")
        .bind(next)
        .bind(purpose)
        .bind(master.wrap(id, &random_key()))
        .bind(millis(Utc::now()))
        .execute(&mut *conn)
        .await?;
    Ok(id)
}

async fn load_ring(conn: &mut SqliteConnection, master: &MasterKey) -> StoreResult<Keyring> {
    let rows: Vec<(i64, String, Vec<u8>)> =
        sqlx::query_as("SELECT id, purpose, wrapped FROM data_keys ORDER BY id")
            .fetch_all(&mut *conn)
            .await?;
    keyring(master, rows)
}

/// The organisation's encrypted fields; the keys only when there are any.
pub(super) async fn load(
    conn: &mut SqliteConnection,
    vault: &Vault,
    organisation: OrganisationId,
) -> StoreResult<Sealing> {
    let rows: Vec<(Uuid, Uuid, String, String, String)> = sqlx::query_as(
        "SELECT module_id, id, key, kind, encryption FROM module_fields
         WHERE organisation_id = ?1 AND encryption != 'off'",
    )
    .bind(organisation.0)
    .fetch_all(&mut *conn)
    .await?;
    let mut fields = HashMap::new();
    for (module, id, key, kind, state) in rows {
        let field = SealedField {
            id,
            kind: FieldKind::from_code(&kind).ok_or_else(|| corrupt("module_fields.kind", kind))?,
            state: FieldEncryption::from_code(&state)
                .ok_or_else(|| corrupt("module_fields.encryption", state))?,
        };
        fields.insert((module, key), field);
    }
    let ring = if fields.is_empty() {
        None
    } else {
        Some(refresh(vault, conn).await?)
    };
    Ok(Sealing::new(organisation, ring, fields))
}
