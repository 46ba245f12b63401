//! Module fields on PostgreSQL: definitions in `module_fields`, custom values in
//! `records.custom`.
//!
//! A change of a module's fields takes the organisation's audit chain first, as every write of
//! its records does: a picklist option checked unused stays unused until the change commits,
//! and fields added at once from several instances each get a position of their own.

use async_trait::async_trait;
use chrono::Utc;
use consentry_model::{
    FieldId, ModuleId, OrganisationId,
    fields::{Field, FieldEncryption, FieldKind, Personal},
    handling::Destination,
};
use sqlx::{PgConnection, types::Json};
use uuid::Uuid;

use super::{
    PostgresStore,
    audit::{append, lock_chain},
    conflict_or, corrupt, millis, notify,
};
use consentry_store::{AuditNote, FieldChanged, FieldStore, StoreResult};

/// A field as stored, read with [`FIELD_COLUMNS`]; its options and exclusions are JSON.
#[derive(sqlx::FromRow)]
struct FieldRow {
    id: Uuid,
    key: String,
    label: String,
    kind: String,
    options: Json<Vec<String>>,
    required: bool,
    standard: bool,
    personal: String,
    encryption: String,
    excluded_from: Json<Vec<Destination>>,
}

const FIELD_COLUMNS: &str =
    "id, key, label, kind, options, required, standard, personal, encryption, excluded_from";

fn field_from(row: FieldRow) -> StoreResult<Field> {
    Ok(Field {
        id: FieldId(row.id),
        kind: FieldKind::from_code(&row.kind)
            .ok_or_else(|| corrupt("module_fields.kind", row.kind))?,
        options: row.options.0,
        personal: Personal::from_code(&row.personal)
            .ok_or_else(|| corrupt("module_fields.personal", row.personal))?,
        encryption: FieldEncryption::from_code(&row.encryption)
            .ok_or_else(|| corrupt("module_fields.encryption", row.encryption))?,
        excluded_from: row.excluded_from.0,
        key: row.key,
        label: row.label,
        required: row.required,
        standard: row.standard,
    })
}

async fn owns_module(
    conn: &mut PgConnection,
    organisation: OrganisationId,
    module: ModuleId,
) -> StoreResult<bool> {
    let (owned,): (bool,) = sqlx::query_as(
        "SELECT EXISTS (SELECT 1 FROM modules WHERE id = $1 AND organisation_id = $2)",
    )
    .bind(module.0)
    .bind(organisation.0)
    .fetch_one(&mut *conn)
    .await?;
    Ok(owned)
}

async fn load_field(
    conn: &mut PgConnection,
    module: ModuleId,
    id: FieldId,
) -> StoreResult<Option<Field>> {
    let row: Option<FieldRow> = sqlx::query_as(&format!(
        "SELECT {FIELD_COLUMNS} FROM module_fields WHERE module_id = $1 AND id = $2"
    ))
    .bind(module.0)
    .bind(id.0)
    .fetch_optional(&mut *conn)
    .await?;
    row.map(field_from).transpose()
}

/// A module's fields in form order (the module's ownership checked by the caller).
pub(super) async fn module_fields(
    conn: &mut PgConnection,
    module: ModuleId,
) -> StoreResult<Vec<Field>> {
    let rows: Vec<FieldRow> = sqlx::query_as(&format!(
        "SELECT {FIELD_COLUMNS} FROM module_fields WHERE module_id = $1 ORDER BY position, key"
    ))
    .bind(module.0)
    .fetch_all(&mut *conn)
    .await?;
    rows.into_iter().map(field_from).collect()
}

#[async_trait]
impl FieldStore for PostgresStore {
    async fn organisation_fields(
        &self,
        organisation: OrganisationId,
    ) -> StoreResult<Vec<(ModuleId, Field)>> {
        #[derive(sqlx::FromRow)]
        struct Row {
            module_id: Uuid,
            #[sqlx(flatten)]
            field: FieldRow,
        }
        let rows: Vec<Row> = sqlx::query_as(&format!(
            "SELECT module_id, {FIELD_COLUMNS} FROM module_fields WHERE organisation_id = $1
                 ORDER BY module_id, position, key"
        ))
        .bind(organisation.0)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|row| field_from(row.field).map(|f| (ModuleId(row.module_id), f)))
            .collect()
    }

    async fn fields(
        &self,
        organisation: OrganisationId,
        module: ModuleId,
    ) -> StoreResult<Option<Vec<Field>>> {
        if let Some(cached) = self.cache.fields.get(&(organisation, module)) {
            return Ok(cached);
        }
        let ticket = self.cache.fields.ticket();
        let mut conn = self.pool.acquire().await?;
        let fields = if owns_module(&mut conn, organisation, module).await? {
            Some(module_fields(&mut conn, module).await?)
        } else {
            None
        };
        self.cache
            .fields
            .put(ticket, (organisation, module), fields.clone());
        Ok(fields)
    }

    async fn insert_field(
        &self,
        organisation: OrganisationId,
        module: ModuleId,
        field: Field,
        audit: AuditNote,
    ) -> StoreResult<Option<Field>> {
        let mut tx = self.pool.begin().await?;
        lock_chain(&mut tx, organisation).await?;
        if !owns_module(&mut tx, organisation, module).await? {
            return Ok(None);
        }
        let id = FieldId(Uuid::now_v7());
        sqlx::query(
            "INSERT INTO module_fields (id, organisation_id, module_id, key, label, kind, options,
                 required, standard, personal, position, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, false, $9,
                 (SELECT COALESCE(MAX(position), 0) + 1 FROM module_fields WHERE module_id = $3),
                 $10)",
        )
        .bind(id.0)
        .bind(organisation.0)
        .bind(module.0)
        .bind(&field.key)
        .bind(&field.label)
        .bind(field.kind.code())
        .bind(Json(&field.options))
        .bind(field.required)
        .bind(field.personal.code())
        .bind(millis(Utc::now()))
        .execute(&mut *tx)
        .await
        .map_err(conflict_or)?;
        let mut audit = audit;
        audit.subject = Some(id.to_string());
        append(&mut tx, organisation, &audit, Utc::now()).await?;
        let saved = load_field(&mut tx, module, id).await?;
        notify::organisation_changed(&mut *tx, organisation).await?;
        tx.commit().await?;
        self.cache.fields.forget(|(o, _)| *o == organisation);
        Ok(saved)
    }

    async fn update_field(
        &self,
        organisation: OrganisationId,
        module: ModuleId,
        field: Field,
        audit: AuditNote,
    ) -> StoreResult<FieldChanged> {
        let mut tx = self.pool.begin().await?;
        lock_chain(&mut tx, organisation).await?;
        if !owns_module(&mut tx, organisation, module).await? {
            return Ok(FieldChanged::NotFound);
        }
        let Some(before) = load_field(&mut tx, module, field.id).await? else {
            return Ok(FieldChanged::NotFound);
        };
        let removed: Vec<&String> = before
            .options
            .iter()
            .filter(|o| !field.options.contains(o))
            .collect();
        if !removed.is_empty() {
            let (in_use,): (i64,) = sqlx::query_as(
                "SELECT COUNT(*) FROM records
                 WHERE organisation_id = $1 AND module_id = $2 AND custom ->> $3 = ANY($4)",
            )
            .bind(organisation.0)
            .bind(module.0)
            .bind(&before.key)
            .bind(&removed)
            .fetch_one(&mut *tx)
            .await?;
            if in_use > 0 {
                return Ok(FieldChanged::OptionsInUse(in_use.unsigned_abs()));
            }
        }
        sqlx::query(
            "UPDATE module_fields SET label = $3, options = $4, required = $5, personal = $6,
                 excluded_from = $7
             WHERE module_id = $1 AND id = $2",
        )
        .bind(module.0)
        .bind(field.id.0)
        .bind(&field.label)
        .bind(Json(&field.options))
        .bind(field.required)
        .bind(field.personal.code())
        .bind(Json(&field.excluded_from))
        .execute(&mut *tx)
        .await?;
        append(&mut tx, organisation, &audit, Utc::now()).await?;
        let saved = load_field(&mut tx, module, field.id)
            .await?
            .ok_or_else(|| corrupt("module_fields.id", field.id.to_string()))?;
        notify::organisation_changed(&mut *tx, organisation).await?;
        tx.commit().await?;
        self.cache.fields.forget(|(o, _)| *o == organisation);
        Ok(FieldChanged::Saved(saved))
    }

    async fn delete_field(
        &self,
        organisation: OrganisationId,
        module: ModuleId,
        field: FieldId,
        audit: AuditNote,
    ) -> StoreResult<bool> {
        let mut tx = self.pool.begin().await?;
        lock_chain(&mut tx, organisation).await?;
        if !owns_module(&mut tx, organisation, module).await? {
            return Ok(false);
        }
        let key: Option<(String,)> = sqlx::query_as(
            "DELETE FROM module_fields WHERE module_id = $1 AND id = $2 AND NOT standard
             RETURNING key",
        )
        .bind(module.0)
        .bind(field.0)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((key,)) = key else {
            return Ok(false);
        };
        // The values go with the definition: nothing of them stays behind in the records.
        sqlx::query(
            "UPDATE records SET custom = custom - $3
             WHERE organisation_id = $1 AND module_id = $2 AND custom ? $3",
        )
        .bind(organisation.0)
        .bind(module.0)
        .bind(&key)
        .execute(&mut *tx)
        .await?;
        append(&mut tx, organisation, &audit, Utc::now()).await?;
        notify::organisation_changed(&mut *tx, organisation).await?;
        tx.commit().await?;
        self.cache.fields.forget(|(o, _)| *o == organisation);
        Ok(true)
    }
}
