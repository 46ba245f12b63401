//! E-mail templates on PostgreSQL.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use consentry_model::{
    OrganisationId, TemplateId,
    forms::FormLang,
    templates::{EmailTemplate, TemplateContent},
};
use consentry_store::{AuditNote, StoreResult, TemplateStore};
use uuid::Uuid;

use super::{PostgresStore, audit::append, conflict_or, millis};

/// A template as stored, read with [`COLUMNS`].
#[derive(sqlx::FromRow)]
struct Row {
    id: Uuid,
    name: String,
    subject: String,
    body_text: String,
    body_html: Option<String>,
    language: Option<String>,
    updated_at: DateTime<Utc>,
}

const COLUMNS: &str = "id, name, subject, body_text, body_html, language, updated_at";

fn template_from(row: Row) -> EmailTemplate {
    EmailTemplate {
        id: TemplateId(row.id),
        content: TemplateContent {
            name: row.name,
            subject: row.subject,
            body_text: row.body_text,
            body_html: row.body_html,
            // A code that no longer parses says nothing about the language.
            language: row.language.and_then(|code| FormLang::parse(&code).ok()),
        },
        updated_at: row.updated_at,
    }
}

#[async_trait]
impl TemplateStore for PostgresStore {
    async fn templates(&self, organisation: OrganisationId) -> StoreResult<Vec<EmailTemplate>> {
        let rows: Vec<Row> = sqlx::query_as(&format!(
            "SELECT {COLUMNS} FROM email_templates WHERE organisation_id = $1 ORDER BY name, id"
        ))
        .bind(organisation.0)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(template_from).collect())
    }

    async fn template(
        &self,
        organisation: OrganisationId,
        id: TemplateId,
    ) -> StoreResult<Option<EmailTemplate>> {
        let row: Option<Row> = sqlx::query_as(&format!(
            "SELECT {COLUMNS} FROM email_templates WHERE organisation_id = $1 AND id = $2"
        ))
        .bind(organisation.0)
        .bind(id.0)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(template_from))
    }

    async fn insert_template(
        &self,
        organisation: OrganisationId,
        content: &TemplateContent,
        mut audit: AuditNote,
    ) -> StoreResult<EmailTemplate> {
        let now = millis(Utc::now());
        let id = TemplateId(Uuid::now_v7());
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO email_templates (organisation_id, id, name, subject, body_text,
                 body_html, updated_at, language)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(organisation.0)
        .bind(id.0)
        .bind(&content.name)
        .bind(&content.subject)
        .bind(&content.body_text)
        .bind(&content.body_html)
        .bind(now)
        .bind(content.language.as_ref().map(FormLang::as_str))
        .execute(&mut *tx)
        .await
        .map_err(conflict_or)?;
        audit.subject = Some(id.to_string());
        append(&mut tx, organisation, &audit, now).await?;
        tx.commit().await?;
        Ok(EmailTemplate {
            id,
            content: content.clone(),
            updated_at: now,
        })
    }

    async fn update_template(
        &self,
        organisation: OrganisationId,
        id: TemplateId,
        content: &TemplateContent,
        audit: AuditNote,
    ) -> StoreResult<Option<EmailTemplate>> {
        let now = millis(Utc::now());
        let mut tx = self.pool.begin().await?;
        let changed = sqlx::query(
            "UPDATE email_templates SET name = $3, subject = $4, body_text = $5,
                 body_html = $6, updated_at = $7, language = $8
             WHERE organisation_id = $1 AND id = $2",
        )
        .bind(organisation.0)
        .bind(id.0)
        .bind(&content.name)
        .bind(&content.subject)
        .bind(&content.body_text)
        .bind(&content.body_html)
        .bind(now)
        .bind(content.language.as_ref().map(FormLang::as_str))
        .execute(&mut *tx)
        .await
        .map_err(conflict_or)?
        .rows_affected();
        if changed == 0 {
            return Ok(None);
        }
        append(&mut tx, organisation, &audit, now).await?;
        tx.commit().await?;
        Ok(Some(EmailTemplate {
            id,
            content: content.clone(),
            updated_at: now,
        }))
    }

    async fn delete_template(
        &self,
        organisation: OrganisationId,
        id: TemplateId,
        audit: AuditNote,
    ) -> StoreResult<bool> {
        let mut tx = self.pool.begin().await?;
        let deleted =
            sqlx::query("DELETE FROM email_templates WHERE organisation_id = $1 AND id = $2")
                .bind(organisation.0)
                .bind(id.0)
                .execute(&mut *tx)
                .await?
                .rows_affected();
        if deleted == 0 {
            return Ok(false);
        }
        append(&mut tx, organisation, &audit, Utc::now()).await?;
        tx.commit().await?;
        Ok(true)
    }
}
