//! Encryption at rest on PostgreSQL: the wrapped data keys in `data_keys` and which fields of
//! an organisation are encrypted. What sealing means is [`consentry_store::vault`]'s.

use std::collections::HashMap;

use chrono::Utc;
use consentry_model::{
    OrganisationId,
    fields::{FieldEncryption, FieldKind},
};
use consentry_store::{
    StoreResult, corrupt,
    crypto::{Keyring, MasterKey, random_key},
    vault::{SealedField, Sealing, Vault, keyring},
};
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

use super::millis;

/// Instances opening a new database at once make its first keys once.
const OPENING_LOCK: i64 = 0x636f_6e73_6b65_7973; // "conskeys"

/// Loads the data keys, creating the first value key and the index key on a new database.
pub(super) async fn open(pool: &PgPool, master: MasterKey) -> StoreResult<Vault> {
    let mut tx = pool.begin().await?;
    sqlx::query("SELECT pg_advisory_xact_lock($1)")
        .bind(OPENING_LOCK)
        .execute(&mut *tx)
        .await?;
    for purpose in ["values", "index"] {
        let (any,): (bool,) =
            sqlx::query_as("SELECT EXISTS (SELECT 1 FROM data_keys WHERE purpose = $1)")
                .bind(purpose)
                .fetch_one(&mut *tx)
                .await?;
        if !any {
            insert_key(&mut tx, &master, purpose).await?;
        }
    }
    let ring = load_ring(&mut tx, &master).await?;
    tx.commit().await?;
    Ok(Vault::new(master, ring))
}

/// Reloads the keys when the database holds a newer value key than this process knows
/// (another instance rotated them).
pub(super) async fn refresh(vault: &Vault, conn: &mut PgConnection) -> StoreResult<Keyring> {
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
pub(super) async fn add_key(vault: &Vault, conn: &mut PgConnection) -> StoreResult<u32> {
    let id = insert_key(conn, vault.master(), "values").await?;
    refresh(vault, conn).await?;
    Ok(id)
}

async fn insert_key(
    conn: &mut PgConnection,
    master: &MasterKey,
    purpose: &str,
) -> StoreResult<u32> {
    // The id is part of what the key is wrapped with, so it is drawn before the insert.
    let (next,): (i64,) =
        sqlx::query_as("SELECT nextval(pg_get_serial_sequence('data_keys', 'id'))")
            .fetch_one(&mut *conn)
            .await?;
    let id = u32::try_from(next).map_err(|_| corrupt("data_keys.id", next.to_string()))?;
    sqlx::query("INSERT INTO data_keys (id, purpose, wrapped, created_at) VALUES ($1, $2, $3, $4)")
        .bind(next)
        .bind(purpose)
        .bind(master.wrap(id, &random_key()))
        .bind(millis(Utc::now()))
        .execute(&mut *conn)
        .await?;
    Ok(id)
}

async fn load_ring(conn: &mut PgConnection, master: &MasterKey) -> StoreResult<Keyring> {
    let rows: Vec<(i64, String, Vec<u8>)> =
        sqlx::query_as("SELECT id, purpose, wrapped FROM data_keys ORDER BY id")
            .fetch_all(&mut *conn)
            .await?;
    keyring(master, rows)
}

/// The organisation's encrypted fields; the keys only when there are any.
pub(super) async fn load(
    conn: &mut PgConnection,
    vault: &Vault,
    organisation: OrganisationId,
) -> StoreResult<Sealing> {
    let rows: Vec<(Uuid, Uuid, String, String, String)> = sqlx::query_as(
        "SELECT module_id, id, key, kind, encryption FROM module_fields
         WHERE organisation_id = $1 AND encryption <> 'off'",
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
