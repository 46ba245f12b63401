//! The embeddable widget on PostgreSQL: where forms may be embedded, and visitors' decisions.

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use consentry_model::{
    FormId, OrganisationId,
    forms::{ConsentForm, FormLang},
    widget::{
        BannerFigures, RegionRule, VisitorChoice, VisitorConsent, VisitorConsentSummary,
        WidgetSettings,
    },
};
use consentry_store::{
    AuditNote, Impression, StoreResult, VisitorConsentQuery, VisitorConsentWrite, WidgetStore,
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
    let mut rules = Vec::with_capacity(consents.len());
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
        rules.push(consent.rule.code());
        ats.push(millis(consent.at));
    }
    sqlx::query(
        "INSERT INTO visitor_consents (organisation_id, id, form_id, form_version, text_hash,
             lang, decision, granted, gpc, origin, ip, user_agent, region_rule, at)
         SELECT o, i, f, v, h, l, d, g::json, p, s, a, u, r, t
         FROM UNNEST($1::uuid[], $2::uuid[], $3::uuid[], $4::bigint[], $5::text[], $6::text[],
                     $7::text[], $8::text[], $9::boolean[], $10::text[], $11::text[],
                     $12::text[], $13::text[], $14::timestamptz[])
              AS c (o, i, f, v, h, l, d, g, p, s, a, u, r, t)",
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
    .bind(rules)
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
            "UPDATE consent_forms SET widget = $3, updated_at = $4
             WHERE organisation_id = $1 AND id = $2",
        )
        .bind(organisation.0)
        .bind(form.0)
        .bind(Json(settings))
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
            String,
            DateTime<Utc>,
        );
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT id, form_version, lang, decision, granted::text, gpc, origin, region_rule, at
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
            .map(
                |(id, version, lang, decision, granted, gpc, origin, rule, at)| {
                    Ok(VisitorConsent {
                        receipt_id: id,
                        version: u32::try_from(version).map_err(|_| {
                            corrupt("visitor_consents.form_version", version.to_string())
                        })?,
                        lang: FormLang::parse(&lang)
                            .map_err(|_| corrupt("visitor_consents.lang", lang.clone()))?,
                        choice: VisitorChoice::from_code(&decision).ok_or_else(|| {
                            corrupt("visitor_consents.decision", decision.clone())
                        })?,
                        granted: serde_json::from_str(&granted)
                            .map_err(|_| corrupt("visitor_consents.granted", granted.clone()))?,
                        gpc,
                        origin,
                        rule: RegionRule::from_code(&rule)
                            .ok_or_else(|| corrupt("visitor_consents.region_rule", rule.clone()))?,
                        at,
                    })
                },
            )
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

    /// Counted at once, in a transaction of its own: the counter's row is all it locks.
    async fn count_impression(
        &self,
        organisation: OrganisationId,
        impression: Impression,
    ) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO banner_impressions
                 (organisation_id, form_id, form_version, region_rule, day, shown)
             VALUES ($1, $2, $3, $4, $5, 1)
             ON CONFLICT (organisation_id, form_id, form_version, region_rule, day)
             DO UPDATE SET shown = banner_impressions.shown + 1",
        )
        .bind(organisation.0)
        .bind(impression.form.0)
        .bind(i64::from(impression.version))
        .bind(impression.rule.code())
        .bind(impression.day)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn banner_figures(
        &self,
        organisation: OrganisationId,
        form: FormId,
        from: NaiveDate,
        to: NaiveDate,
    ) -> StoreResult<Vec<BannerFigures>> {
        let start = from.and_time(NaiveTime::MIN).and_utc();
        let end = (to + chrono::Days::new(1))
            .and_time(NaiveTime::MIN)
            .and_utc();
        let shown: Vec<(i64, String, i64)> = sqlx::query_as(
            "SELECT form_version::bigint, region_rule, sum(shown)::bigint FROM banner_impressions
             WHERE organisation_id = $1 AND form_id = $2 AND day BETWEEN $3 AND $4
             GROUP BY form_version, region_rule",
        )
        .bind(organisation.0)
        .bind(form.0)
        .bind(from)
        .bind(to)
        .fetch_all(&self.pool)
        .await?;
        let decided: Vec<(i64, String, String, i64)> = sqlx::query_as(
            "SELECT form_version::bigint, region_rule, decision, count(*) FROM visitor_consents
             WHERE organisation_id = $1 AND form_id = $2 AND at >= $3 AND at < $4
             GROUP BY form_version, region_rule, decision",
        )
        .bind(organisation.0)
        .bind(form.0)
        .bind(start)
        .bind(end)
        .fetch_all(&self.pool)
        .await?;
        let granted: Vec<(i64, String, String, i64)> = sqlx::query_as(
            "SELECT v.form_version::bigint, v.region_rule, g.purpose, count(*)
             FROM visitor_consents v, json_array_elements_text(v.granted) AS g(purpose)
             WHERE v.organisation_id = $1 AND v.form_id = $2 AND v.at >= $3 AND v.at < $4
             GROUP BY v.form_version, v.region_rule, g.purpose",
        )
        .bind(organisation.0)
        .bind(form.0)
        .bind(start)
        .bind(end)
        .fetch_all(&self.pool)
        .await?;
        consentry_store::banner::figures(shown, decided, granted)
    }
}
