//! Consent forms on PostgreSQL: the draft as JSON, published versions append-only (the schema
//! refuses to change or delete one). Publishing, saving and reverting a form lock its row, so
//! instances publishing one form at once give it consecutive versions.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use consentry_model::{
    FormId, ModuleId, OrganisationId,
    forms::{ConsentForm, FormDesign, FormSummary, FormVersion},
    signup::SignUpSettings,
    widget::WidgetSettings,
};
use consentry_store::{AuditNote, FormStore, StoreResult, crypto::hex};
use sqlx::PgConnection;
use uuid::Uuid;

use super::{PostgresStore, audit::append, conflict_or, corrupt, millis, notify};

/// SHA-256 of a design's stored JSON, hex: what consent events and receipts cite.
pub(crate) fn text_hash(json: &str) -> String {
    use sha2::Digest;
    hex(&sha2::Sha256::digest(json.as_bytes()))
}

/// A design from its stored JSON (`column` names where it was read).
pub(super) fn design(column: &'static str, json: &str) -> StoreResult<FormDesign> {
    serde_json::from_str(json).map_err(|_| corrupt(column, json))
}

/// A published version's summary from its columns.
fn version(
    version: i32,
    text_hash: String,
    published_at: DateTime<Utc>,
    published_by: String,
) -> StoreResult<FormVersion> {
    Ok(FormVersion {
        version: u32::try_from(version)
            .map_err(|_| corrupt("form_versions.version", version.to_string()))?,
        text_hash,
        published_at,
        published_by,
    })
}

/// The latest version of the form `f` (a `LEFT JOIN LATERAL` of a query on consent_forms).
const LATEST: &str = "LEFT JOIN LATERAL (
         SELECT version, design, text_hash, published_at, published_by FROM form_versions
         WHERE organisation_id = f.organisation_id AND form_id = f.id
         ORDER BY version DESC LIMIT 1) v ON true";

/// A form with its latest published version, as [`load`] reads it.
#[derive(sqlx::FromRow)]
struct FormRow {
    name: String,
    slug: String,
    draft: String,
    signup_module_id: Option<Uuid>,
    double_opt_in: Option<bool>,
    widget: String,
    version: Option<i32>,
    design: Option<String>,
    text_hash: Option<String>,
    published_at: Option<DateTime<Utc>>,
    published_by: Option<String>,
}

pub(super) async fn load(
    conn: &mut PgConnection,
    organisation: OrganisationId,
    id: FormId,
) -> StoreResult<Option<ConsentForm>> {
    let row: Option<FormRow> = sqlx::query_as(&format!(
        "SELECT f.name, f.slug, f.draft::text AS draft, f.signup_module_id, f.double_opt_in,
                f.widget::text AS widget, v.version,
                v.design::text AS design, v.text_hash, v.published_at, v.published_by
         FROM consent_forms f {LATEST}
         WHERE f.organisation_id = $1 AND f.id = $2"
    ))
    .bind(organisation.0)
    .bind(id.0)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let draft = design("consent_forms.draft", &row.draft)?;
    let (draft_changed, published) = match (
        row.version,
        row.design,
        row.text_hash,
        row.published_at,
        row.published_by,
    ) {
        (Some(v), Some(published), Some(hash), Some(at), Some(by)) => (
            design("form_versions.design", &published)? != draft,
            Some(version(v, hash, at, by)?),
        ),
        _ => (true, None),
    };
    Ok(Some(ConsentForm {
        id,
        name: row.name,
        slug: row.slug,
        draft,
        draft_changed,
        published,
        sign_up: SignUpSettings {
            module_id: row.signup_module_id.map(ModuleId),
            double_opt_in: row.double_opt_in,
        },
        widget: widget_settings(&row.widget)?,
    }))
}

/// Ends a change of a form's settings made in `tx`: nothing when no row changed (no such
/// form), else the audit entry, the commit, and the form as it now is.
pub(super) async fn finish_change(
    mut tx: sqlx::Transaction<'_, sqlx::Postgres>,
    organisation: OrganisationId,
    id: FormId,
    changed: u64,
    audit: &AuditNote,
) -> StoreResult<Option<ConsentForm>> {
    if changed == 0 {
        return Ok(None);
    }
    append(&mut tx, organisation, audit, Utc::now()).await?;
    let form = load(&mut tx, organisation, id).await?;
    tx.commit().await?;
    Ok(form)
}

/// A form's widget settings from their JSON document.
pub(super) fn widget_settings(json: &str) -> StoreResult<WidgetSettings> {
    serde_json::from_str(json).map_err(|_| corrupt("consent_forms.widget", json))
}

/// Locks the form's row for the caller's transaction (changes to one form from any instance
/// wait for each other); its draft as stored, or `None` when there is no such form.
async fn lock_form(
    conn: &mut PgConnection,
    organisation: OrganisationId,
    id: FormId,
) -> StoreResult<Option<String>> {
    let draft: Option<(String,)> = sqlx::query_as(
        "SELECT draft::text FROM consent_forms WHERE organisation_id = $1 AND id = $2
         FOR UPDATE",
    )
    .bind(organisation.0)
    .bind(id.0)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(draft.map(|(draft,)| draft))
}

#[async_trait]
impl FormStore for PostgresStore {
    /// By name as SQLite orders it (byte by byte), whatever the database's collation.
    async fn forms(&self, organisation: OrganisationId) -> StoreResult<Vec<FormSummary>> {
        type Row = (
            Uuid,
            String,
            String,
            String,
            Option<i32>,
            Option<String>,
            Option<DateTime<Utc>>,
            Option<String>,
        );
        let rows: Vec<Row> = sqlx::query_as(&format!(
            "SELECT f.id, f.name, f.slug, f.draft::text, v.version, v.text_hash,
                    v.published_at, v.published_by
             FROM consent_forms f {LATEST}
             WHERE f.organisation_id = $1 ORDER BY f.name COLLATE \"C\", f.id"
        ))
        .bind(organisation.0)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|(id, name, slug, draft, v, hash, at, by)| {
                let draft = design("consent_forms.draft", &draft)?;
                let published = match (v, hash, at, by) {
                    (Some(v), Some(hash), Some(at), Some(by)) => Some(version(v, hash, at, by)?),
                    _ => None,
                };
                Ok(FormSummary {
                    id: FormId(id),
                    name,
                    slug,
                    languages: draft.texts.keys().cloned().collect(),
                    published,
                })
            })
            .collect()
    }

    async fn form(
        &self,
        organisation: OrganisationId,
        id: FormId,
    ) -> StoreResult<Option<ConsentForm>> {
        let mut conn = self.pool.acquire().await?;
        load(&mut conn, organisation, id).await
    }

    async fn insert_form(
        &self,
        organisation: OrganisationId,
        name: &str,
        slug: &str,
        draft: &FormDesign,
        audit: AuditNote,
    ) -> StoreResult<ConsentForm> {
        let mut tx = self.pool.begin().await?;
        let id = FormId(Uuid::now_v7());
        let now = Utc::now();
        sqlx::query(
            "INSERT INTO consent_forms (organisation_id, id, name, slug, draft, created_at,
                 updated_at)
             VALUES ($1, $2, $3, $4, $5::json, $6, $6)",
        )
        .bind(organisation.0)
        .bind(id.0)
        .bind(name)
        .bind(slug)
        .bind(draft.canonical_json())
        .bind(millis(now))
        .execute(&mut *tx)
        .await
        .map_err(conflict_or)?;
        let mut audit = audit;
        audit.subject = Some(id.to_string());
        append(&mut tx, organisation, &audit, now).await?;
        let form = load(&mut tx, organisation, id)
            .await?
            .ok_or_else(|| corrupt("consent_forms.id", id.to_string()))?;
        tx.commit().await?;
        Ok(form)
    }

    async fn save_draft(
        &self,
        organisation: OrganisationId,
        id: FormId,
        draft: &FormDesign,
        audit: AuditNote,
    ) -> StoreResult<Option<ConsentForm>> {
        let mut tx = self.pool.begin().await?;
        let now = Utc::now();
        let saved = sqlx::query(
            "UPDATE consent_forms SET draft = $3::json, updated_at = $4
             WHERE organisation_id = $1 AND id = $2",
        )
        .bind(organisation.0)
        .bind(id.0)
        .bind(draft.canonical_json())
        .bind(millis(now))
        .execute(&mut *tx)
        .await?;
        if saved.rows_affected() == 0 {
            return Ok(None);
        }
        append(&mut tx, organisation, &audit, now).await?;
        let form = load(&mut tx, organisation, id).await?;
        tx.commit().await?;
        Ok(form)
    }

    async fn publish(
        &self,
        organisation: OrganisationId,
        id: FormId,
        published_by: &str,
        audit: AuditNote,
    ) -> StoreResult<Option<ConsentForm>> {
        let mut tx = self.pool.begin().await?;
        // With the row locked, the newest version read below is the newest there is.
        let Some(draft) = lock_form(&mut tx, organisation, id).await? else {
            return Ok(None);
        };
        let hash = text_hash(&draft);
        let (next,): (i32,) = sqlx::query_as(
            "SELECT COALESCE(MAX(version), 0) + 1 FROM form_versions
             WHERE organisation_id = $1 AND form_id = $2",
        )
        .bind(organisation.0)
        .bind(id.0)
        .fetch_one(&mut *tx)
        .await?;
        let now = Utc::now();
        // `json` keeps the draft's text as it is: the hash is over these bytes.
        sqlx::query(
            "INSERT INTO form_versions (organisation_id, form_id, version, design, text_hash,
                 published_at, published_by)
             VALUES ($1, $2, $3, $4::json, $5, $6, $7)",
        )
        .bind(organisation.0)
        .bind(id.0)
        .bind(next)
        .bind(&draft)
        .bind(&hash)
        .bind(millis(now))
        .bind(published_by)
        .execute(&mut *tx)
        .await?;
        let mut audit = audit;
        if let Some(serde_json::Value::Object(after)) = audit.after.as_mut() {
            after.insert("version".into(), next.into());
            after.insert("text_hash".into(), hash.into());
        }
        append(&mut tx, organisation, &audit, now).await?;
        let form = load(&mut tx, organisation, id).await?;
        notify::organisation_changed(&mut *tx, organisation).await?;
        tx.commit().await?;
        self.cache
            .published
            .forget(|key| *key == (organisation, id));
        Ok(form)
    }

    async fn revert_draft(
        &self,
        organisation: OrganisationId,
        id: FormId,
        audit: AuditNote,
    ) -> StoreResult<Option<ConsentForm>> {
        let mut tx = self.pool.begin().await?;
        if lock_form(&mut tx, organisation, id).await?.is_none() {
            return Ok(None);
        }
        let now = Utc::now();
        let reverted = sqlx::query(
            "UPDATE consent_forms f SET draft = v.design, updated_at = $3
             FROM (SELECT design FROM form_versions WHERE organisation_id = $1 AND form_id = $2
                   ORDER BY version DESC LIMIT 1) v
             WHERE f.organisation_id = $1 AND f.id = $2",
        )
        .bind(organisation.0)
        .bind(id.0)
        .bind(millis(now))
        .execute(&mut *tx)
        .await?;
        if reverted.rows_affected() == 0 {
            return Ok(None);
        }
        append(&mut tx, organisation, &audit, now).await?;
        let form = load(&mut tx, organisation, id).await?;
        tx.commit().await?;
        Ok(form)
    }

    async fn form_versions(
        &self,
        organisation: OrganisationId,
        id: FormId,
    ) -> StoreResult<Vec<FormVersion>> {
        let rows: Vec<(i32, String, DateTime<Utc>, String)> = sqlx::query_as(
            "SELECT version, text_hash, published_at, published_by FROM form_versions
             WHERE organisation_id = $1 AND form_id = $2 ORDER BY version DESC",
        )
        .bind(organisation.0)
        .bind(id.0)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|(v, hash, at, by)| version(v, hash, at, by))
            .collect()
    }
}
