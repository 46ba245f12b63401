//! The embeddable widget on SQLite: where forms may be embedded, and visitors' decisions.

use async_trait::async_trait;
use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveTime, Utc};
use consentry_model::{
    FormId, OrganisationId,
    forms::{ConsentForm, FormLang},
    widget::{
        BannerFigures, RegionRule, VisitorChoice, VisitorConsent, VisitorConsentSummary,
        WidgetSettings,
    },
};
use uuid::Uuid;

use sqlx::{QueryBuilder, Sqlite, SqliteConnection};

use super::{Millis, ROWS_PER_STATEMENT, SqliteStore, corrupt, forms, group::Answer, millis};
use consentry_store::{
    AuditNote, Impression, StoreError, StoreResult, VisitorConsentQuery, VisitorConsentWrite,
    WidgetStore,
};

/// Appends visitors' decisions (called by the group commit, inside its transaction).
pub(super) async fn insert_visitor_consents(
    conn: &mut SqliteConnection,
    consents: &[(OrganisationId, &VisitorConsentWrite)],
) -> StoreResult<()> {
    for consents in consents.chunks(ROWS_PER_STATEMENT) {
        QueryBuilder::<Sqlite>::new(
            "INSERT INTO visitor_consents (organisation_id, id, form_id, form_version, text_hash,
                 lang, decision, granted, gpc, origin, ip, user_agent, region_rule, at) ",
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
                .push_bind(consent.rule.code())
                .push_bind(millis(consent.at));
        })
        .build()
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Adds banners shown to their day's counters, one statement per distinct counter (called by
/// the group commit, inside its transaction).
pub(super) async fn count_impressions(
    conn: &mut SqliteConnection,
    impressions: &[(OrganisationId, Impression)],
) -> StoreResult<()> {
    let mut counts: BTreeMap<(Uuid, Uuid, u32, &'static str, String), i64> = BTreeMap::new();
    for (organisation, i) in impressions {
        let key = (
            organisation.0,
            i.form.0,
            i.version,
            i.rule.code(),
            i.day.to_string(),
        );
        *counts.entry(key).or_default() += 1;
    }
    for ((organisation, form, version, rule, day), shown) in counts {
        sqlx::query(
            "INSERT INTO banner_impressions
                 (organisation_id, form_id, form_version, region_rule, day, shown)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT DO UPDATE SET shown = shown + excluded.shown",
        )
        .bind(organisation)
        .bind(form)
        .bind(i64::from(version))
        .bind(rule)
        .bind(day)
        .bind(shown)
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
            "UPDATE consent_forms SET widget = ?3, updated_at = ?4
             WHERE organisation_id = ?1 AND id = ?2",
        )
        .bind(organisation.0)
        .bind(form.0)
        .bind(serde_json::to_string(settings).map_err(StoreError::database)?)
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
            String,
            Millis,
        );
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT id, form_version, lang, decision, granted, gpc, origin, region_rule, at
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
            .map(
                |(id, version, lang, decision, granted, gpc, origin, rule, at)| {
                    Ok(VisitorConsent {
                        receipt_id: id,
                        version,
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
                        at: at.0,
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

    async fn count_impression(
        &self,
        organisation: OrganisationId,
        impression: Impression,
    ) -> StoreResult<()> {
        self.answer(Answer::Impression(organisation, impression))
            .await
            .map(|_| ())
    }

    async fn banner_figures(
        &self,
        organisation: OrganisationId,
        form: FormId,
        from: NaiveDate,
        to: NaiveDate,
    ) -> StoreResult<Vec<BannerFigures>> {
        let start = millis(from.and_time(NaiveTime::MIN).and_utc());
        let end = millis(
            (to + chrono::Days::new(1))
                .and_time(NaiveTime::MIN)
                .and_utc(),
        );
        let shown: Vec<(i64, String, i64)> = sqlx::query_as(
            "SELECT form_version, region_rule, sum(shown) FROM banner_impressions
             WHERE organisation_id = ?1 AND form_id = ?2 AND day BETWEEN ?3 AND ?4
             GROUP BY form_version, region_rule",
        )
        .bind(organisation.0)
        .bind(form.0)
        .bind(from.to_string())
        .bind(to.to_string())
        .fetch_all(&self.pool)
        .await?;
        let decided: Vec<(i64, String, String, i64)> = sqlx::query_as(
            "SELECT form_version, region_rule, decision, count(*) FROM visitor_consents
             WHERE organisation_id = ?1 AND form_id = ?2 AND at >= ?3 AND at < ?4
             GROUP BY form_version, region_rule, decision",
        )
        .bind(organisation.0)
        .bind(form.0)
        .bind(start)
        .bind(end)
        .fetch_all(&self.pool)
        .await?;
        let granted: Vec<(i64, String, String, i64)> = sqlx::query_as(
            "SELECT v.form_version, v.region_rule, g.value, count(*)
             FROM visitor_consents v, json_each(v.granted) g
             WHERE v.organisation_id = ?1 AND v.form_id = ?2 AND v.at >= ?3 AND v.at < ?4
             GROUP BY v.form_version, v.region_rule, g.value",
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
