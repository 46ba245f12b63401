//! Public sign-ups and their confirmations on SQLite.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use consentry_model::{
    Email, FormId, ModuleId, OrgSlug, OrganisationId, RecordId,
    forms::{ConsentForm, FormDesign, FormLang, FormVersion},
    records::Record,
    signup::SignUpSettings,
};
use uuid::Uuid;

use super::{
    Millis, SqliteStore,
    audit::append,
    consent::{insert_consent_event, insert_message},
    corrupt, forms,
    group::decide_and_write,
    millis,
    records::{
        insert_batch, insert_event, load_record, push_email_match, stored_privacy, write_privacy,
    },
};
use consentry_store::{
    AnswerOutcome, AuditNote, ConsentStore, ForgottenSignUp, LinkGone, PendingSignUp, PublicAnswer,
    PublicForm, Refusal, SignUpRecord, SignUpStore, SignUpWrite, StoreError, StoreResult,
    group::{GroupAnswer, LinkState},
    vault::Sealing,
};

#[async_trait]
impl SignUpStore for SqliteStore {
    async fn public_form(
        &self,
        organisation: &OrgSlug,
        form: &str,
    ) -> StoreResult<Option<PublicForm>> {
        type Row = (
            Uuid,
            String,
            Option<bool>,
            Uuid,
            String,
            Option<Uuid>,
            Option<bool>,
            String,
            String,
        );
        let row: Option<Row> = sqlx::query_as(
            "SELECT o.id, o.name, s.double_opt_in, f.id, f.name, f.signup_module_id,
                    f.double_opt_in, f.widget, o.time_zone
             FROM organisations o
             JOIN consent_forms f ON f.organisation_id = o.id
             LEFT JOIN compliance_settings s ON s.organisation_id = o.id
             WHERE o.slug = ?1 AND f.slug = ?2",
        )
        .bind(organisation.as_ref())
        .bind(form)
        .fetch_optional(&self.pool)
        .await?;
        let Some((
            org,
            org_name,
            org_default,
            form,
            form_name,
            module,
            double_opt_in,
            widget,
            zone,
        )) = row
        else {
            return Ok(None);
        };
        let Some((version, design)) = self
            .published_form(OrganisationId(org), FormId(form))
            .await?
        else {
            return Ok(None);
        };
        Ok(Some(PublicForm {
            organisation: OrganisationId(org),
            organisation_name: org_name,
            organisation_time_zone: consentry_store::stored_time_zone(zone)?,
            // Without saved settings the organisation has the default: on.
            organisation_double_opt_in: org_default.unwrap_or(true),
            form: FormId(form),
            form_name,
            sign_up: SignUpSettings {
                module_id: module.map(ModuleId),
                double_opt_in,
            },
            widget: forms::widget_settings(&widget)?,
            version,
            design,
        }))
    }

    async fn form_version(
        &self,
        organisation: OrganisationId,
        form: FormId,
        version: u32,
    ) -> StoreResult<Option<(FormVersion, FormDesign)>> {
        let row: Option<(String, String, Millis, String)> = sqlx::query_as(
            "SELECT design, text_hash, published_at, published_by FROM form_versions
             WHERE organisation_id = ?1 AND form_id = ?2 AND version = ?3",
        )
        .bind(organisation.0)
        .bind(form.0)
        .bind(i64::from(version))
        .fetch_optional(&self.pool)
        .await?;
        row.map(|(design, text_hash, at, by)| {
            Ok((
                FormVersion {
                    version,
                    text_hash,
                    published_at: at.0,
                    published_by: by,
                },
                forms::design("form_versions.design", &design)?,
            ))
        })
        .transpose()
    }

    async fn record_by_email(
        &self,
        organisation: OrganisationId,
        module: ModuleId,
        email: &Email,
    ) -> StoreResult<Option<Record>> {
        let mut conn = self.pool.acquire().await?;
        let sealing = self.sealing(&mut conn, organisation).await?;
        let Some(id) = first_with_email(&mut conn, &sealing, organisation, module, email).await?
        else {
            return Ok(None);
        };
        load_record(&mut conn, &sealing, organisation, id).await
    }

    async fn sign_up(
        &self,
        organisation: OrganisationId,
        write: SignUpWrite,
    ) -> StoreResult<Result<(RecordId, Option<Uuid>), Refusal>> {
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        let sealing = self.sealing(&mut tx, organisation).await?;
        let record = match &write.record {
            SignUpRecord::New(new) => {
                // Writers are serialised from here on: look again, so two sign-ups of one
                // address never make two records.
                if let Some(email) = &new.fields.email
                    && first_with_email(&mut tx, &sealing, organisation, new.module, email)
                        .await?
                        .is_some()
                {
                    return Err(StoreError::Conflict("records.email"));
                }
                let id = insert_batch(
                    &mut tx,
                    &sealing,
                    organisation,
                    std::slice::from_ref(new.as_ref()),
                    None,
                )
                .await?
                .and_then(|ids| ids.first().copied())
                .ok_or_else(|| corrupt("records.module_id", "of another organisation"))?;
                // The mail-sent time (for the waiting period) is not among the insert's
                // columns.
                if let Some(privacy) = &new.privacy {
                    write_privacy(&mut tx, organisation, id, privacy, &new.source).await?;
                }
                id
            }
            SignUpRecord::Existing { id, privacy } => {
                if let Some(rule) = privacy {
                    let before = stored_privacy(&mut tx, organisation, *id).await?;
                    let (privacy, change) = match rule(before.as_ref()) {
                        Ok(decided) => decided,
                        Err(refusal) => return Ok(Err(refusal)),
                    };
                    write_privacy(&mut tx, organisation, *id, &privacy, &write.source).await?;
                    if let Some(change) = &change {
                        insert_event(&mut tx, organisation, *id, change, &write.source).await?;
                    }
                }
                *id
            }
        };
        let mut event_id = None;
        if let Some(mut event) = write.event {
            event.record = record;
            event_id = Some(insert_consent_event(&mut tx, organisation, &event).await?);
        }
        let now = Utc::now();
        if let Some(mut pending) = write.pending {
            pending.message.record = Some(record);
            let message =
                insert_message(&mut tx, &self.vault, organisation, &pending.message, now).await?;
            sqlx::query(
                "INSERT INTO sign_ups (token_hash, organisation_id, record_id, form_id,
                     form_version, lang, choices, created_at, expires_at, created_record,
                     message_id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            )
            .bind(pending.token_hash.as_slice())
            .bind(organisation.0)
            .bind(record.0)
            .bind(pending.form.0)
            .bind(i64::from(pending.version))
            .bind(pending.lang.as_str())
            .bind(serde_json::to_string(&pending.choices).unwrap_or_else(|_| "{}".into()))
            .bind(millis(now))
            .bind(millis(pending.expires_at))
            .bind(matches!(write.record, SignUpRecord::New(_)))
            .bind(message)
            .execute(&mut *tx)
            .await?;
        }
        let mut audit = write.audit;
        audit.subject = Some(record.to_string());
        append(&mut tx, organisation, &audit, now).await?;
        tx.commit().await?;
        Ok(Ok((record, event_id)))
    }

    async fn pending_sign_up(&self, token_hash: &[u8; 32]) -> StoreResult<Option<PendingSignUp>> {
        type Row = (
            Uuid,
            String,
            Uuid,
            Uuid,
            String,
            u32,
            String,
            String,
            Millis,
            Option<Millis>,
            String,
        );
        let row: Option<Row> = sqlx::query_as(
            "SELECT s.organisation_id, o.name, s.record_id, s.form_id, f.name, s.form_version,
                    s.lang, s.choices, s.expires_at, s.confirmed_at, o.time_zone
             FROM sign_ups s
             JOIN organisations o ON o.id = s.organisation_id
             JOIN consent_forms f ON f.organisation_id = s.organisation_id AND f.id = s.form_id
             WHERE s.token_hash = ?1",
        )
        .bind(token_hash.as_slice())
        .fetch_optional(&self.pool)
        .await?;
        row.map(
            |(
                org,
                org_name,
                record,
                form,
                form_name,
                version,
                lang,
                choices,
                expires,
                confirmed,
                zone,
            )| {
                Ok(PendingSignUp {
                    organisation: OrganisationId(org),
                    organisation_name: org_name,
                    organisation_time_zone: consentry_store::stored_time_zone(zone)?,
                    record: RecordId(record),
                    form: FormId(form),
                    form_name,
                    version,
                    lang: FormLang::parse(&lang).map_err(|_| corrupt("sign_ups.lang", lang))?,
                    choices: serde_json::from_str(&choices)
                        .map_err(|_| corrupt("sign_ups.choices", choices))?,
                    expires_at: expires.0,
                    confirmed_at: confirmed.map(|t| t.0),
                })
            },
        )
        .transpose()
    }

    async fn confirm_sign_up(&self, answer: PublicAnswer) -> StoreResult<AnswerOutcome> {
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        // A confirmation spends its sign-up whatever it grants: conditionally, so of two at
        // once one finds it confirmed already.
        let unconfirmed: Option<(Millis,)> = sqlx::query_as(
            "UPDATE sign_ups SET confirmed_at = ?2 WHERE token_hash = ?1 AND confirmed_at IS NULL
             RETURNING expires_at",
        )
        .bind(answer.token_hash.as_slice())
        .bind(millis(answer.event.at))
        .fetch_optional(&mut *tx)
        .await?;
        let Some((expires_at,)) = unconfirmed else {
            return Ok(AnswerOutcome::LinkGone(LinkGone::Spent));
        };
        let link = LinkState {
            spent: false,
            revoked: false,
            expires_at: expires_at.0,
        };
        let one = [GroupAnswer {
            answer: &answer,
            claim: consentry_store::keyed::current(),
        }];
        let links = [(answer.token_hash, link)].into_iter().collect();
        let (mut outcomes, _) = decide_and_write(&mut tx, &one, links, false).await?;
        let outcome = outcomes
            .pop()
            .ok_or_else(|| StoreError::database(sqlx::Error::RowNotFound))?;
        if matches!(outcome, AnswerOutcome::Recorded { .. }) {
            tx.commit().await?;
        }
        Ok(outcome)
    }

    async fn set_sign_up(
        &self,
        organisation: OrganisationId,
        form: FormId,
        settings: SignUpSettings,
        audit: AuditNote,
    ) -> StoreResult<Option<ConsentForm>> {
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        let changed = sqlx::query(
            "UPDATE consent_forms SET signup_module_id = ?3, double_opt_in = ?4, updated_at = ?5
             WHERE organisation_id = ?1 AND id = ?2",
        )
        .bind(organisation.0)
        .bind(form.0)
        .bind(settings.module_id.map(|m| m.0))
        .bind(settings.double_opt_in)
        .bind(millis(Utc::now()))
        .execute(&mut *tx)
        .await?
        .rows_affected();
        forms::finish_change(tx, organisation, form, changed, &audit).await
    }

    async fn purge_sign_ups(&self, before: DateTime<Utc>) -> StoreResult<u64> {
        Ok(sqlx::query("DELETE FROM sign_ups WHERE expires_at < ?1")
            .bind(millis(before))
            .execute(&self.pool)
            .await?
            .rows_affected())
    }

    async fn forget_unconfirmed_sign_ups(
        &self,
        now: DateTime<Utc>,
        audit: &(dyn for<'g> Fn(&'g ForgottenSignUp) -> AuditNote + Send + Sync),
    ) -> StoreResult<Vec<ForgottenSignUp>> {
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        let now_ms = millis(now);
        // Per record: its sign-ups whose waiting period is over unconfirmed, unless another
        // of its sign-ups is still waiting (that one's promise runs longer).
        let groups: Vec<(Uuid, Uuid, u64, bool)> = sqlx::query_as(
            "SELECT s.organisation_id, s.record_id, COUNT(*), MAX(s.created_record)
             FROM sign_ups s
             WHERE s.confirmed_at IS NULL AND s.expires_at <= ?1
               AND NOT EXISTS (SELECT 1 FROM sign_ups w
                   WHERE w.organisation_id = s.organisation_id AND w.record_id = s.record_id
                     AND w.confirmed_at IS NULL AND w.expires_at > ?1)
             GROUP BY s.organisation_id, s.record_id",
        )
        .bind(now_ms)
        .fetch_all(&mut *tx)
        .await?;
        let mut forgotten = Vec::with_capacity(groups.len());
        for (organisation, record, count, created) in groups {
            // Decided here, in the writer's transaction: the record holds nothing but what the
            // sign-up and its confirmation mail wrote.
            let holds_nothing_else = created
                && sqlx::query_scalar::<_, i64>(
                    "SELECT COUNT(*) FROM records r
                     WHERE r.organisation_id = ?1 AND r.id = ?2
                       AND r.legal_basis = 'consent'
                       AND r.consent_status IN ('pending', 'waiting', 'not_responded')
                       AND r.stop_processing = 0
                       AND r.updated_through IN ('consent_form', 'email')
                       AND NOT EXISTS (SELECT 1 FROM privacy_events e
                           WHERE e.organisation_id = ?1 AND e.record_id = ?2
                             AND e.source NOT IN ('consent_form', 'email'))
                       AND NOT EXISTS (SELECT 1 FROM consent_events c
                           WHERE c.organisation_id = ?1 AND c.record_id = ?2)
                       AND NOT EXISTS (SELECT 1 FROM consent_links l
                           WHERE l.organisation_id = ?1 AND l.record_id = ?2)
                       AND NOT EXISTS (SELECT 1 FROM request_records q
                           WHERE q.organisation_id = ?1 AND q.record_id = ?2)
                       AND NOT EXISTS (SELECT 1 FROM sign_ups k
                           WHERE k.organisation_id = ?1 AND k.record_id = ?2
                             AND k.confirmed_at IS NOT NULL)",
                )
                .bind(organisation)
                .bind(record)
                .fetch_one(&mut *tx)
                .await?
                    == 1;
            // Their confirmation mails go with them, also when the record stays: each holds
            // the subject's address and a link that no longer works, and (still queued) would
            // only mislead. The record's history keeps its notes on them (they name no one).
            let messages = sqlx::query(
                "DELETE FROM outbox WHERE organisation_id = ?1 AND id IN (
                     SELECT message_id FROM sign_ups WHERE organisation_id = ?1
                       AND record_id = ?2 AND confirmed_at IS NULL AND expires_at <= ?3)",
            )
            .bind(organisation)
            .bind(record)
            .bind(now_ms)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            sqlx::query(
                "DELETE FROM sign_ups WHERE organisation_id = ?1 AND record_id = ?2
                   AND confirmed_at IS NULL AND expires_at <= ?3",
            )
            .bind(organisation)
            .bind(record)
            .bind(now_ms)
            .execute(&mut *tx)
            .await?;
            if holds_nothing_else {
                // The confirmation mail holds the address: it goes with the record. The
                // record's privacy events stay (they name no one), as when a record is deleted.
                for statement in [
                    "DELETE FROM outbox WHERE organisation_id = ?1 AND record_id = ?2",
                    "DELETE FROM records WHERE organisation_id = ?1 AND id = ?2",
                ] {
                    sqlx::query(statement)
                        .bind(organisation)
                        .bind(record)
                        .execute(&mut *tx)
                        .await?;
                }
            }
            let gone = ForgottenSignUp {
                organisation: OrganisationId(organisation),
                record: RecordId(record),
                sign_ups: count,
                messages_deleted: messages,
                record_deleted: holds_nothing_else,
            };
            append(&mut tx, gone.organisation, &audit(&gone), now).await?;
            forgotten.push(gone);
        }
        tx.commit().await?;
        Ok(forgotten)
    }
}

async fn first_with_email(
    conn: &mut sqlx::SqliteConnection,
    sealing: &Sealing,
    organisation: OrganisationId,
    module: ModuleId,
    email: &Email,
) -> StoreResult<Option<RecordId>> {
    let mut query =
        sqlx::QueryBuilder::new("SELECT r.id FROM records r WHERE r.organisation_id = ");
    query.push_bind(organisation.0);
    query.push(" AND r.module_id = ").push_bind(module.0);
    push_email_match(&mut query, email.as_str(), sealing);
    query.push(" ORDER BY r.id LIMIT 1");
    let row: Option<(Uuid,)> = query.build_query_as().fetch_optional(&mut *conn).await?;
    Ok(row.map(|(id,)| RecordId(id)))
}
