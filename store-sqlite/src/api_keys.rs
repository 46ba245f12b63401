//! API keys on SQLite: only the secret's SHA-256 is stored.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use consentry_model::{ApiKeyId, OrganisationId, api_keys::ApiKey, auth::OrganisationSummary};
use uuid::Uuid;

use super::{
    Millis, SqliteStore,
    accounts::{ORGANISATION_COLUMNS, OrganisationRow, organisation_from},
    audit::append,
    corrupt, millis,
};
use consentry_store::{ApiKeyStore, AuditNote, StoreResult};

const KEY_COLUMNS: &str = "k.id, k.name, k.scopes, k.prefix, k.created_by, k.created_at, \
     k.last_used_at, k.revoked_at";

#[derive(sqlx::FromRow)]
struct KeyRow {
    id: Uuid,
    name: String,
    scopes: String,
    prefix: String,
    created_by: String,
    created_at: Millis,
    last_used_at: Option<Millis>,
    revoked_at: Option<Millis>,
}

impl KeyRow {
    fn into_key(self) -> StoreResult<ApiKey> {
        Ok(ApiKey {
            id: ApiKeyId(self.id),
            scopes: serde_json::from_str(&self.scopes)
                .map_err(|_| corrupt("api_keys.scopes", self.scopes.clone()))?,
            name: self.name,
            prefix: self.prefix,
            created_by: self.created_by,
            created_at: self.created_at.0,
            last_used_at: self.last_used_at.map(|t| t.0),
            revoked_at: self.revoked_at.map(|t| t.0),
        })
    }
}

#[async_trait]
impl ApiKeyStore for SqliteStore {
    async fn insert_api_key(
        &self,
        organisation: OrganisationId,
        key: &ApiKey,
        secret_hash: &[u8; 32],
        audit: AuditNote,
    ) -> StoreResult<()> {
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        sqlx::query(
            "INSERT INTO api_keys (id, organisation_id, name, scopes, secret_hash, prefix,
                 created_by, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )
        .bind(key.id.0)
        .bind(organisation.0)
        .bind(&key.name)
        .bind(serde_json::to_string(&key.scopes).unwrap_or_else(|_| "[]".into()))
        .bind(&secret_hash[..])
        .bind(&key.prefix)
        .bind(&key.created_by)
        .bind(millis(key.created_at))
        .execute(&mut *tx)
        .await?;
        append(&mut tx, organisation, &audit, key.created_at).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn api_keys(&self, organisation: OrganisationId) -> StoreResult<Vec<ApiKey>> {
        let rows: Vec<KeyRow> = sqlx::query_as(&format!(
            "SELECT {KEY_COLUMNS} FROM api_keys k WHERE k.organisation_id = ?1
             ORDER BY k.created_at DESC, k.id DESC"
        ))
        .bind(organisation.0)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(KeyRow::into_key).collect()
    }

    async fn revoke_api_key(
        &self,
        organisation: OrganisationId,
        id: ApiKeyId,
        audit: AuditNote,
    ) -> StoreResult<Option<ApiKey>> {
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        let now = Utc::now();
        let done = sqlx::query(
            "UPDATE api_keys SET revoked_at = COALESCE(revoked_at, ?3)
             WHERE organisation_id = ?1 AND id = ?2",
        )
        .bind(organisation.0)
        .bind(id.0)
        .bind(millis(now))
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            return Ok(None);
        }
        append(&mut tx, organisation, &audit, now).await?;
        let row: KeyRow = sqlx::query_as(&format!(
            "SELECT {KEY_COLUMNS} FROM api_keys k WHERE k.id = ?1"
        ))
        .bind(id.0)
        .fetch_one(&mut *tx)
        .await?;
        tx.commit().await?;
        row.into_key().map(Some)
    }

    async fn api_key_by_secret(
        &self,
        secret_hash: &[u8; 32],
        now: DateTime<Utc>,
    ) -> StoreResult<Option<(ApiKey, OrganisationSummary)>> {
        #[derive(sqlx::FromRow)]
        struct Found {
            #[sqlx(flatten)]
            key: KeyRow,
            #[sqlx(flatten)]
            organisation: OrganisationRow,
        }
        let found: Option<Found> = sqlx::query_as(&format!(
            "SELECT {KEY_COLUMNS}, {ORGANISATION_COLUMNS}
             FROM api_keys k JOIN organisations o ON o.id = k.organisation_id
             WHERE k.secret_hash = ?1 AND k.revoked_at IS NULL"
        ))
        .bind(&secret_hash[..])
        .fetch_optional(&self.pool)
        .await?;
        let Some(found) = found else {
            return Ok(None);
        };
        // Last use to the minute: one write a minute per key, not one per request.
        if found
            .key
            .last_used_at
            .is_none_or(|t| millis(now) - millis(t.0) >= 60_000)
        {
            sqlx::query("UPDATE api_keys SET last_used_at = ?2 WHERE id = ?1")
                .bind(found.key.id)
                .bind(millis(now))
                .execute(&self.pool)
                .await?;
        }
        let organisation = organisation_from(found.organisation)?;
        Ok(Some((found.key.into_key()?, organisation)))
    }
}
