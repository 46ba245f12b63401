//! The embeddable widget on PostgreSQL: where forms may be embedded, and visitors' decisions.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use consentry_model::{
    FormId, OrganisationId,
    forms::{ConsentForm, FormLang},
    widget::{VisitorChoice, VisitorConsent, VisitorConsentSummary, WidgetSettings},
};
use consentry_store::{
    AuditNote, StoreResult, VisitorConsentQuery, VisitorConsentWrite, WidgetStore,
};
use sqlx::{PgConnection, types::Json};
use uuid::Uuid;

use super::{PostgresStore, corrupt, forms, group::Answer, millis};

/// Appends visitors' decisions in the caller's transaction, in one statement whatever their
/// number (one array per column).
pub(super) async fn insert_visitor_consents(
    conn: &mut PgConnection,
    consents: &[(OrganisationId, &VisitorConsentWrite)],
) -> StoreResult<()> {
    if consents.is_empty() {
        return Ok(());
    }
    let mut organisations = Vec::with_capacity(consents.len());
    let mut ids = Vec::with_capacity(consents.len());
    let mut forms = Vec::with_capacity(consents.len());
    let mut versions = Vec::with_capacity(consents.len());
    let mut hashes = Vec::with_capacity(consents.len());
    let mut langs = Vec::with_capacity(consents.len());
    let mut decisions = Vec::with_capacity(consents.len());
    let mut granted = Vec::with_capacity(consents.len());
    let mut gpcs = Vec::with_capacity(consents.len());
    let mut origins = Vec::with_capacity(consents.len());
    let mut ips = Vec::with_capacity(consents.len());
    let mut agents = Vec::with_capacity(consents.len());
    let mut ats = Vec::with_capacity(consents.len());
    for (organisation, consent) in consents {
        organisations.push(organisation.0);
        ids.push(consent.id);
        forms.push(consent.form.0);
        versions.push(i64::from(consent.version));
        hashes.push(consent.text_hash.as_str());
        langs.push(consent.lang.as_str());
        decisions.push(consent.choice.code());
        granted.push(serde_json::to_string(&consent.granted).unwrap_or_else(|_| "[]".into()));
        gpcs.push(consent.gpc);
        origins.push(consent.origin.as_deref());
        ips.push(consent.ip.as_deref());
        agents.push(consent.user_agent.as_deref());
        ats.push(millis(consent.at));
    }
    sqlx::query(
        "INSERT INTO visitor_consents (organisation_id, id, form_id, form_version, text_hash,
             lang, decision, granted, gpc, origin, ip, user_agent, at)
         SELECT o, i, f, v, h, l, d, g::json, p, s, a, u, t
         FROM UNNEST($1::uuid[], $2::uuid[], $3::uuid[], $4::bigint[], $5::text[], $6::text[],
                     $7::text[], $8::text[], $9::boolean[], $10::text[], $11::text[],
                     $12::text[], $13::timestamptz[])
              AS c (o, i, f, v, h, l, d, g, p, s, a, u, t)",
    )
    .bind(organisations)
    .bind(ids)
    .bind(forms)
    .bind(versions)
    .bind(hashes)
    .bind(langs)
    .bind(decisions)
    .bind(granted)
    .bind(gpcs)
    .bind(origins)
    .bind(ips)
    .bind(agents)
    .bind(ats)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

#[async_trait]
impl WidgetStore for PostgresStore {
    async fn set_widget(
        &self,
        organisation: OrganisationId,
        form: FormId,
        settings: &WidgetSettings,
        audit: AuditNote,
    ) -> StoreResult<Option<ConsentForm>> {
        let mut tx = self.pool.begin().await?;
        let changed = sqlx::query(
            "UPDATE consent_forms SET widget_origins = $3, consent_mode = $4, updated_at = $5
             WHERE organisation_id = $1 AND id = $2",
        )
        .bind(organisation.0)
        .bind(form.0)
        .bind(Json(&settings.allowed_origins))
        .bind(settings.consent_mode)
        .bind(millis(Utc::now()))
        .execute(&mut *tx)
        .await?
        .rows_affected();
        forms::finish_change(tx, organisation, form, changed, &audit).await
    }

    /// Written at once, in a transaction of its own: a decision reads and locks no row that
    /// another answer writes.
    async fn insert_visitor_consent(
        &self,
        organisation: OrganisationId,
        consent: &VisitorConsentWrite,
    ) -> StoreResult<()> {
        self.answer(Answer::Visitor(organisation, Box::new(consent.clone())))
            .await
            .map(drop)
    }

    async fn visitor_consents(
        &self,
        organisation: OrganisationId,
        form: FormId,
        query: VisitorConsentQuery,
    ) -> StoreResult<Vec<VisitorConsent>> {
        type Row = (
            Uuid,
            i32,
            String,
            String,
            String,
            bool,
            Option<String>,
            DateTime<Utc>,
        );
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT id, form_version, lang, decision, granted::text, gpc, origin, at
             FROM visitor_consents
             WHERE organisation_id = $1 AND form_id = $2
               AND ($3::uuid IS NULL OR id = $3) AND ($4::uuid IS NULL OR id < $4)
             ORDER BY id DESC LIMIT $5",
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
                    version: u32::try_from(version).map_err(|_| {
                        corrupt("visitor_consents.form_version", version.to_string())
                    })?,
                    lang: FormLang::parse(&lang)
                        .map_err(|_| corrupt("visitor_consents.lang", lang.clone()))?,
                    choice: VisitorChoice::from_code(&decision)
                        .ok_or_else(|| corrupt("visitor_consents.decision", decision.clone()))?,
                    granted: serde_json::from_str(&granted)
                        .map_err(|_| corrupt("visitor_consents.granted", granted.clone()))?,
                    gpc,
                    origin,
                    at,
                })
            })
            .collect()
    }

    async fn visitor_consent_summary(
        &self,
        organisation: OrganisationId,
        form: FormId,
    ) -> StoreResult<VisitorConsentSummary> {
        let (decisions, accepted_all, rejected_all, gpc): (i64, i64, i64, i64) = sqlx::query_as(
            "SELECT count(*),
                    count(*) FILTER (WHERE decision = 'accepted_all'),
                    count(*) FILTER (WHERE decision = 'rejected_all'),
                    count(*) FILTER (WHERE gpc)
             FROM visitor_consents WHERE organisation_id = $1 AND form_id = $2",
        )
        .bind(organisation.0)
        .bind(form.0)
        .fetch_one(&self.pool)
        .await?;
        Ok(VisitorConsentSummary {
            decisions: decisions.unsigned_abs(),
            accepted_all: accepted_all.unsigned_abs(),
            rejected_all: rejected_all.unsigned_abs(),
            gpc: gpc.unsigned_abs(),
        })
    }
}
