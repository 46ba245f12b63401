//! API keys on PostgreSQL: only the secret's SHA-256 is stored, and a key found by any
//! instance is the same key (revoked on one, refused on all).

use async_trait::async_trait;
use chrono::{DateTime, TimeDelta, Utc};
use consentry_model::{
    ApiKeyId, OrganisationId,
    api_keys::{ApiKey, Scope},
    auth::OrganisationSummary,
};
use consentry_store::{ApiKeyStore, AuditNote, StoreResult};
use sqlx::types::Json;
use uuid::Uuid;

use super::{
    PostgresStore,
    accounts::{ORGANISATION_COLUMNS, OrganisationRow, organisation_from},
    audit::append,
    millis,
};

const KEY_COLUMNS: &str = "k.id, k.name, k.scopes, k.prefix, k.created_by, k.created_at, \
     k.last_used_at, k.revoked_at";

#[derive(sqlx::FromRow)]
struct KeyRow {
    id: Uuid,
    name: String,
    scopes: Json<Vec<Scope>>,
    prefix: String,
    created_by: String,
    created_at: DateTime<Utc>,
    last_used_at: Option<DateTime<Utc>>,
    revoked_at: Option<DateTime<Utc>>,
}

impl KeyRow {
    fn into_key(self) -> ApiKey {
        ApiKey {
            id: ApiKeyId(self.id),
            scopes: self.scopes.0,
            name: self.name,
            prefix: self.prefix,
            created_by: self.created_by,
            created_at: self.created_at,
            last_used_at: self.last_used_at,
            revoked_at: self.revoked_at,
        }
    }
}

#[async_trait]
impl ApiKeyStore for PostgresStore {
    async fn insert_api_key(
        &self,
        organisation: OrganisationId,
        key: &ApiKey,
        secret_hash: &[u8; 32],
        audit: AuditNote,
    ) -> StoreResult<()> {
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO api_keys (id, organisation_id, name, scopes, secret_hash, prefix,
                 created_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(key.id.0)
        .bind(organisation.0)
        .bind(&key.name)
        .bind(Json(&key.scopes))
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
            "SELECT {KEY_COLUMNS} FROM api_keys k WHERE k.organisation_id = $1
             ORDER BY k.created_at DESC, k.id DESC"
        ))
        .bind(organisation.0)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(KeyRow::into_key).collect())
    }

    async fn revoke_api_key(
        &self,
        organisation: OrganisationId,
        id: ApiKeyId,
        audit: AuditNote,
    ) -> StoreResult<Option<ApiKey>> {
        let now = Utc::now();
        let mut tx = self.pool.begin().await?;
        // A key revoked before keeps the time it was first revoked.
        let row: Option<KeyRow> = sqlx::query_as(&format!(
            "UPDATE api_keys k SET revoked_at = COALESCE(k.revoked_at, $3)
             WHERE k.organisation_id = $1 AND k.id = $2
             RETURNING {KEY_COLUMNS}"
        ))
        .bind(organisation.0)
        .bind(id.0)
        .bind(millis(now))
        .fetch_optional(&mut *tx)
        .await?;
        let Some(row) = row else {
            return Ok(None);
        };
        append(&mut tx, organisation, &audit, now).await?;
        tx.commit().await?;
        Ok(Some(row.into_key()))
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
             WHERE k.secret_hash = $1 AND k.revoked_at IS NULL"
        ))
        .bind(&secret_hash[..])
        .fetch_optional(&self.pool)
        .await?;
        let Some(found) = found else {
            return Ok(None);
        };
        // Last use to the minute: one write a minute per key, not one per request, and one
        // in all when several instances see the key used in the same minute.
        let now = millis(now);
        if found
            .key
            .last_used_at
            .is_none_or(|t| now - t >= TimeDelta::minutes(1))
        {
            sqlx::query(
                "UPDATE api_keys SET last_used_at = $2
                 WHERE id = $1 AND (last_used_at IS NULL OR last_used_at <= $3)",
            )
            .bind(found.key.id)
            .bind(now)
            .bind(now - TimeDelta::minutes(1))
            .execute(&self.pool)
            .await?;
        }
        let organisation = organisation_from(found.organisation)?;
        Ok(Some((found.key.into_key(), organisation)))
    }
}
