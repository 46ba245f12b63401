//! Consent forms on SQLite: the draft as JSON, published versions append-only.

use async_trait::async_trait;
use chrono::Utc;
use consentry_model::{
    FormId, ModuleId, OrganisationId,
    forms::{ConsentForm, FormDesign, FormSummary, FormVersion},
    signup::SignUpSettings,
    widget::WidgetSettings,
};
use sqlx::SqliteConnection;
use uuid::Uuid;

use super::{Millis, SqliteStore, audit::append, conflict_or, corrupt, millis};
use consentry_store::{AuditNote, FormStore, StoreResult};

/// SHA-256 of a design's stored JSON, hex: what consent events and receipts cite.
pub(crate) fn text_hash(json: &str) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(json.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

pub(super) fn design(column: &'static str, json: &str) -> StoreResult<FormDesign> {
    serde_json::from_str(json).map_err(|_| corrupt(column, json))
}

/// The latest published version of a form and its design JSON.
async fn latest(
    conn: &mut SqliteConnection,
    organisation: OrganisationId,
    form: Uuid,
) -> StoreResult<Option<(FormVersion, String)>> {
    let row: Option<(u32, String, String, Millis, String)> = sqlx::query_as(
        "SELECT version, design, text_hash, published_at, published_by FROM form_versions
         WHERE organisation_id = ?1 AND form_id = ?2 ORDER BY version DESC LIMIT 1",
    )
    .bind(organisation.0)
    .bind(form)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(|(version, design, text_hash, at, by)| {
        (
            FormVersion {
                version,
                text_hash,
                published_at: at.0,
                published_by: by,
            },
            design,
        )
    }))
}

pub(super) async fn load(
    conn: &mut SqliteConnection,
    organisation: OrganisationId,
    id: FormId,
) -> StoreResult<Option<ConsentForm>> {
    type Row = (String, String, String, Option<Uuid>, Option<bool>, String);
    let row: Option<Row> = sqlx::query_as(
        "SELECT name, slug, draft, signup_module_id, double_opt_in, widget
         FROM consent_forms WHERE organisation_id = ?1 AND id = ?2",
    )
    .bind(organisation.0)
    .bind(id.0)
    .fetch_optional(&mut *conn)
    .await?;
    let Some((name, slug, draft_json, module, double_opt_in, widget)) = row else {
        return Ok(None);
    };
    let latest = latest(conn, organisation, id.0).await?;
    let draft = design("consent_forms.draft", &draft_json)?;
    let draft_changed = match &latest {
        Some((_, published)) => design("form_versions.design", published)? != draft,
        None => true,
    };
    Ok(Some(ConsentForm {
        id,
        name,
        slug,
        draft,
        draft_changed,
        published: latest.map(|(v, _)| v),
        sign_up: SignUpSettings {
            module_id: module.map(ModuleId),
            double_opt_in,
        },
        widget: widget_settings(&widget)?,
    }))
}

/// Ends a change of a form's settings made in `tx`: nothing when no row changed (no such
/// form), else the audit entry, the commit, and the form as it now is.
pub(super) async fn finish_change(
    mut tx: sqlx::Transaction<'_, sqlx::Sqlite>,
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
    serde_json::from_str(json).map_err(|_| corrupt("consent_forms.widget", json.to_owned()))
}

#[async_trait]
impl FormStore for SqliteStore {
    async fn forms(&self, organisation: OrganisationId) -> StoreResult<Vec<FormSummary>> {
        let mut conn = self.pool.acquire().await?;
        let rows: Vec<(Uuid, String, String, String)> = sqlx::query_as(
            "SELECT id, name, slug, draft FROM consent_forms WHERE organisation_id = ?1
             ORDER BY name, id",
        )
        .bind(organisation.0)
        .fetch_all(&mut *conn)
        .await?;
        let mut forms = Vec::with_capacity(rows.len());
        for (id, name, slug, draft) in rows {
            let draft = design("consent_forms.draft", &draft)?;
            let published = latest(&mut conn, organisation, id).await?.map(|(v, _)| v);
            forms.push(FormSummary {
                id: FormId(id),
                name,
                slug,
                languages: draft.texts.keys().cloned().collect(),
                published,
            });
        }
        Ok(forms)
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
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        let id = FormId(Uuid::now_v7());
        let now = Utc::now();
        sqlx::query(
            "INSERT INTO consent_forms (organisation_id, id, name, slug, draft, created_at,
                 updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
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
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        let now = Utc::now();
        let saved = sqlx::query(
            "UPDATE consent_forms SET draft = ?3, updated_at = ?4
             WHERE organisation_id = ?1 AND id = ?2",
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
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        let draft: Option<(String,)> = sqlx::query_as(
            "SELECT draft FROM consent_forms WHERE organisation_id = ?1 AND id = ?2",
        )
        .bind(organisation.0)
        .bind(id.0)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((draft,)) = draft else {
            return Ok(None);
        };
        let hash = text_hash(&draft);
        let next = latest(&mut tx, organisation, id.0)
            .await?
            .map_or(1, |(v, _)| v.version + 1);
        let now = Utc::now();
        sqlx::query(
            "INSERT INTO form_versions (organisation_id, form_id, version, design, text_hash,
                 published_at, published_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )
        .bind(organisation.0)
        .bind(id.0)
        .bind(i64::from(next))
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
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        let Some((_, published)) = latest(&mut tx, organisation, id.0).await? else {
            return Ok(None);
        };
        sqlx::query(
            "UPDATE consent_forms SET draft = ?3, updated_at = ?4
             WHERE organisation_id = ?1 AND id = ?2",
        )
        .bind(organisation.0)
        .bind(id.0)
        .bind(published)
        .bind(millis(Utc::now()))
        .execute(&mut *tx)
        .await?;
        append(&mut tx, organisation, &audit, Utc::now()).await?;
        let form = load(&mut tx, organisation, id).await?;
        tx.commit().await?;
        Ok(form)
    }

    async fn form_versions(
        &self,
        organisation: OrganisationId,
        id: FormId,
    ) -> StoreResult<Vec<FormVersion>> {
        let rows: Vec<(u32, String, Millis, String)> = sqlx::query_as(
            "SELECT version, text_hash, published_at, published_by FROM form_versions
             WHERE organisation_id = ?1 AND form_id = ?2 ORDER BY version DESC",
        )
        .bind(organisation.0)
        .bind(id.0)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(version, text_hash, at, by)| FormVersion {
                version,
                text_hash,
                published_at: at.0,
                published_by: by,
            })
            .collect())
    }
}
