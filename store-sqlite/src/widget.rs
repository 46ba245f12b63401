//! The embeddable widget on SQLite: where forms may be embedded, and visitors' decisions.

use async_trait::async_trait;
use chrono::Utc;
use consentry_model::{
    FormId, OrganisationId,
    forms::{ConsentForm, FormLang},
    widget::{VisitorChoice, VisitorConsent, VisitorConsentSummary, WidgetSettings},
};
use uuid::Uuid;

use sqlx::{QueryBuilder, Sqlite, SqliteConnection};

use super::{Millis, ROWS_PER_STATEMENT, SqliteStore, corrupt, forms, group::Answer, millis};
use consentry_store::{
    AuditNote, StoreResult, VisitorConsentQuery, VisitorConsentWrite, WidgetStore,
};

/// Appends visitors' decisions (called by the group commit, inside its transaction).
pub(super) async fn insert_visitor_consents(
    conn: &mut SqliteConnection,
    consents: &[(OrganisationId, &VisitorConsentWrite)],
) -> StoreResult<()> {
    for consents in consents.chunks(ROWS_PER_STATEMENT) {
        QueryBuilder::<Sqlite>::new(
            "INSERT INTO visitor_consents (organisation_id, id, form_id, form_version, text_hash,
                 lang, decision, granted, gpc, origin, ip, user_agent, at) ",
        )
        .push_values(consents, |mut row, (organisation, consent)| {
            row.push_bind(organisation.0)
                .push_bind(consent.id)
                .push_bind(consent.form.0)
                .push_bind(i64::from(consent.version))
                .push_bind(consent.text_hash.clone())
                .push_bind(consent.lang.as_str())
                .push_bind(consent.choice.code())
                .push_bind(serde_json::to_string(&consent.granted).unwrap_or_else(|_| "[]".into()))
                .push_bind(consent.gpc)
                .push_bind(consent.origin.clone())
                .push_bind(consent.ip.clone())
                .push_bind(consent.user_agent.clone())
                .push_bind(millis(consent.at));
        })
        .build()
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

#[async_trait]
impl WidgetStore for SqliteStore {
    async fn set_widget(
        &self,
        organisation: OrganisationId,
        form: FormId,
        settings: &WidgetSettings,
        audit: AuditNote,
    ) -> StoreResult<Option<ConsentForm>> {
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        let changed = sqlx::query(
            "UPDATE consent_forms SET widget_origins = ?3, consent_mode = ?4, updated_at = ?5
             WHERE organisation_id = ?1 AND id = ?2",
        )
        .bind(organisation.0)
        .bind(form.0)
        .bind(serde_json::to_string(&settings.allowed_origins).unwrap_or_else(|_| "[]".into()))
        .bind(settings.consent_mode)
        .bind(millis(Utc::now()))
        .execute(&mut *tx)
        .await?
        .rows_affected();
        forms::finish_change(tx, organisation, form, changed, &audit).await
    }

    async fn insert_visitor_consent(
        &self,
        organisation: OrganisationId,
        consent: &VisitorConsentWrite,
    ) -> StoreResult<()> {
        self.answer(Answer::Visitor(organisation, Box::new(consent.clone())))
            .await
            .map(|_| ())
    }

    async fn visitor_consents(
        &self,
        organisation: OrganisationId,
        form: FormId,
        query: VisitorConsentQuery,
    ) -> StoreResult<Vec<VisitorConsent>> {
        type Row = (
            Uuid,
            u32,
            String,
            String,
            String,
            bool,
            Option<String>,
            Millis,
        );
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT id, form_version, lang, decision, granted, gpc, origin, at
             FROM visitor_consents
             WHERE organisation_id = ?1 AND form_id = ?2
               AND (?3 IS NULL OR id = ?3) AND (?4 IS NULL OR id < ?4)
             ORDER BY id DESC LIMIT ?5",
        )
        .bind(organisation.0)
        .bind(form.0)
        .bind(query.receipt)
        .bind(query.after)
        .bind(i64::from(query.limit))
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|(id, version, lang, decision, granted, gpc, origin, at)| {
                Ok(VisitorConsent {
                    receipt_id: id,
                    version,
                    lang: FormLang::parse(&lang)
                        .map_err(|_| corrupt("visitor_consents.lang", lang.clone()))?,
                    choice: VisitorChoice::from_code(&decision)
                        .ok_or_else(|| corrupt("visitor_consents.decision", decision.clone()))?,
                    granted: serde_json::from_str(&granted)
                        .map_err(|_| corrupt("visitor_consents.granted", granted.clone()))?,
                    gpc,
                    origin,
                    at: at.0,
                })
            })
            .collect()
    }

    async fn visitor_consent_summary(
        &self,
        organisation: OrganisationId,
        form: FormId,
    ) -> StoreResult<VisitorConsentSummary> {
        let (decisions, accepted_all, rejected_all, gpc): (u64, u64, u64, u64) = sqlx::query_as(
            "SELECT count(*),
                    coalesce(sum(decision = 'accepted_all'), 0),
                    coalesce(sum(decision = 'rejected_all'), 0),
                    coalesce(sum(gpc), 0)
             FROM visitor_consents WHERE organisation_id = ?1 AND form_id = ?2",
        )
        .bind(organisation.0)
        .bind(form.0)
        .fetch_one(&self.pool)
        .await?;
        Ok(VisitorConsentSummary {
            decisions,
            accepted_all,
            rejected_all,
            gpc,
        })
    }
}
