//! Public sign-ups and their confirmations on PostgreSQL: a sign-up looks for its address
//! where it writes it, and is confirmed once, whichever instances the confirmations reach.

use std::collections::BTreeMap;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use consentry_model::{
    Email, FormId, ModuleId, OrgSlug, OrganisationId, RecordId,
    forms::{ConsentForm, FormDesign, FormLang, FormVersion},
    records::Record,
    signup::SignUpSettings,
};
use sqlx::PgConnection;
use uuid::Uuid;

use super::{
    PostgresStore,
    audit::{append, lock_chain},
    consent::{insert_consent_event, insert_message},
    corrupt, forms,
    group::{decide_and_write, lock_chains},
    millis,
    records::{
        insert_batch, insert_event, load_record, push_email_match, stored_privacy, write_privacy,
    },
};
use consentry_store::{
    AnswerOutcome, AuditNote, ForgottenSignUp, LinkGone, PendingSignUp, PublicAnswer, PublicForm,
    Refusal, SignUpRecord, SignUpStore, SignUpWrite, StoreError, StoreResult,
    group::{GroupAnswer, LinkState},
    vault::Sealing,
};

#[async_trait]
impl SignUpStore for PostgresStore {
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
            i32,
            String,
            String,
            DateTime<Utc>,
            String,
            String,
        );
        // The form with its latest published version, in one statement.
        let row: Option<Row> = sqlx::query_as(
            "SELECT o.id, o.name, s.double_opt_in, f.id, f.name, f.signup_module_id,
                    f.double_opt_in, f.widget::text,
                    v.version, v.design::text, v.text_hash, v.published_at, v.published_by,
                    o.time_zone
             FROM organisations o
             JOIN consent_forms f ON f.organisation_id = o.id
             LEFT JOIN compliance_settings s ON s.organisation_id = o.id
             JOIN LATERAL (SELECT version, design, text_hash, published_at, published_by
                           FROM form_versions
                           WHERE organisation_id = f.organisation_id AND form_id = f.id
                           ORDER BY version DESC LIMIT 1) v ON true
             WHERE o.slug = $1 AND f.slug = $2",
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
            version,
            design,
            text_hash,
            published_at,
            published_by,
            zone,
        )) = row
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
            version: FormVersion {
                version: version_of("form_versions.version", version)?,
                text_hash,
                published_at,
                published_by,
            },
            design: forms::design("form_versions.design", &design)?,
        }))
    }

    async fn form_version(
        &self,
        organisation: OrganisationId,
        form: FormId,
        version: u32,
    ) -> StoreResult<Option<(FormVersion, FormDesign)>> {
        let row: Option<(String, String, DateTime<Utc>, String)> = sqlx::query_as(
            "SELECT design::text, text_hash, published_at, published_by FROM form_versions
             WHERE organisation_id = $1 AND form_id = $2 AND version = $3",
        )
        .bind(organisation.0)
        .bind(form.0)
        .bind(i64::from(version))
        .fetch_optional(&self.pool)
        .await?;
        row.map(|(design, text_hash, published_at, published_by)| {
            Ok((
                FormVersion {
                    version,
                    text_hash,
                    published_at,
                    published_by,
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
        let mut tx = self.pool.begin().await?;
        // The organisation's chain first, as every write of its records takes it: from here
        // on its records are written one transaction at a time, whichever instance writes.
        lock_chain(&mut tx, organisation).await?;
        let sealing = self.sealing(&mut tx, organisation).await?;
        let record = match &write.record {
            SignUpRecord::New(new) => {
                // Look again, so two sign-ups of one address never make two records.
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
                    // Decided on the section as it is while the chain is held: no other
                    // write of the record changes it meanwhile.
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
                 VALUES ($1, $2, $3, $4, $5, $6, $7::json, $8, $9, $10, $11)",
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
            i32,
            String,
            String,
            DateTime<Utc>,
            Option<DateTime<Utc>>,
            String,
        );
        let row: Option<Row> = sqlx::query_as(
            "SELECT s.organisation_id, o.name, s.record_id, s.form_id, f.name, s.form_version,
                    s.lang, s.choices::text, s.expires_at, s.confirmed_at, o.time_zone
             FROM sign_ups s
             JOIN organisations o ON o.id = s.organisation_id
             JOIN consent_forms f ON f.organisation_id = s.organisation_id AND f.id = s.form_id
             WHERE s.token_hash = $1",
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
                expires_at,
                confirmed_at,
                zone,
            )| {
                Ok(PendingSignUp {
                    organisation: OrganisationId(org),
                    organisation_name: org_name,
                    organisation_time_zone: consentry_store::stored_time_zone(zone)?,
                    record: RecordId(record),
                    form: FormId(form),
                    form_name,
                    version: version_of("sign_ups.form_version", version)?,
                    lang: FormLang::parse(&lang).map_err(|_| corrupt("sign_ups.lang", lang))?,
                    choices: serde_json::from_str(&choices)
                        .map_err(|_| corrupt("sign_ups.choices", choices))?,
                    expires_at,
                    confirmed_at,
                })
            },
        )
        .transpose()
    }

    async fn confirm_sign_up(&self, answer: PublicAnswer) -> StoreResult<AnswerOutcome> {
        let mut tx = self.pool.begin().await?;
        let one = [GroupAnswer {
            answer: &answer,
            claim: consentry_store::keyed::current(),
        }];
        // The organisation's chain before the sign-up's row, as every writer takes them (an
        // erasure deletes sign-ups under the chain).
        lock_chains(&mut tx, &one).await?;
        // The sign-up, locked until this transaction ends: a confirmation of it on any
        // instance waits for this one and then finds it confirmed.
        let pending: Option<(DateTime<Utc>, Option<DateTime<Utc>>)> = sqlx::query_as(
            "SELECT expires_at, confirmed_at FROM sign_ups WHERE token_hash = $1 FOR UPDATE",
        )
        .bind(answer.token_hash.as_slice())
        .fetch_optional(&mut *tx)
        .await?;
        let Some((expires_at, None)) = pending else {
            return Ok(AnswerOutcome::LinkGone(LinkGone::Spent));
        };
        let link = LinkState {
            spent: false,
            revoked: false,
            expires_at,
        };
        let links = [(answer.token_hash, link)].into_iter().collect();
        let (mut outcomes, _) = decide_and_write(&mut tx, &one, links, false).await?;
        let outcome = outcomes
            .pop()
            .ok_or_else(|| StoreError::database(sqlx::Error::RowNotFound))?;
        if matches!(outcome, AnswerOutcome::Recorded { .. }) {
            // A confirmation spends its sign-up whatever it grants.
            sqlx::query("UPDATE sign_ups SET confirmed_at = $2 WHERE token_hash = $1")
                .bind(answer.token_hash.as_slice())
                .bind(millis(answer.event.at))
                .execute(&mut *tx)
                .await?;
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
        let mut tx = self.pool.begin().await?;
        let changed = sqlx::query(
            "UPDATE consent_forms SET signup_module_id = $3, double_opt_in = $4, updated_at = $5
             WHERE organisation_id = $1 AND id = $2",
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
        Ok(sqlx::query("DELETE FROM sign_ups WHERE expires_at < $1")
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
        let mut tx = self.pool.begin().await?;
        let now = millis(now);
        // The chains of the organisations with sign-ups to forget first, in one order, as
        // every writer takes a chain before its rows (a confirmation takes the chain, then
        // its sign-up).
        let organisations: Vec<(Uuid,)> = sqlx::query_as(
            "SELECT DISTINCT organisation_id FROM sign_ups
             WHERE confirmed_at IS NULL AND expires_at <= $1 ORDER BY organisation_id",
        )
        .bind(now)
        .fetch_all(&mut *tx)
        .await?;
        for (organisation,) in &organisations {
            lock_chain(&mut tx, OrganisationId(*organisation)).await?;
        }
        let organisations: Vec<Uuid> = organisations.into_iter().map(|(o,)| o).collect();
        // Per record: its sign-ups whose waiting period is over unconfirmed, unless another
        // of its sign-ups is still waiting (that one's promise runs longer). Deleted at once,
        // which locks them: another instance forgetting at the same moment finds them gone,
        // and a confirmation that holds one is decided first.
        let gone: Vec<(Uuid, Uuid, bool, Option<Uuid>)> = sqlx::query_as(
            "DELETE FROM sign_ups s
             WHERE s.confirmed_at IS NULL AND s.expires_at <= $1
               AND s.organisation_id = ANY($2)
               AND NOT EXISTS (SELECT 1 FROM sign_ups w
                   WHERE w.organisation_id = s.organisation_id AND w.record_id = s.record_id
                     AND w.confirmed_at IS NULL AND w.expires_at > $1)
             RETURNING s.organisation_id, s.record_id, s.created_record, s.message_id",
        )
        .bind(now)
        .bind(&organisations)
        .fetch_all(&mut *tx)
        .await?;
        // By organisation in one order (their chains are taken in it), then by record.
        let mut groups: BTreeMap<(Uuid, Uuid), (u64, bool, Vec<Uuid>)> = BTreeMap::new();
        for (organisation, record, created, message) in gone {
            let group = groups.entry((organisation, record)).or_default();
            group.0 += 1;
            group.1 |= created;
            group.2.extend(message);
        }
        let mut forgotten = Vec::with_capacity(groups.len());
        for ((organisation, record), (count, created, messages)) in groups {
            lock_chain(&mut tx, OrganisationId(organisation)).await?;
            // Decided here, on the record locked: it holds nothing but what the sign-up and
            // its confirmation mail wrote, and no sign-up of it was confirmed or made since.
            let holds_nothing_else = created
                && sqlx::query_scalar::<_, i32>(
                    "SELECT 1 FROM records r
                     WHERE r.organisation_id = $1 AND r.id = $2
                       AND r.legal_basis = 'consent'
                       AND r.consent_status IN ('pending', 'waiting', 'not_responded')
                       AND NOT r.stop_processing
                       AND r.updated_through IN ('consent_form', 'email')
                       AND NOT EXISTS (SELECT 1 FROM privacy_events e
                           WHERE e.organisation_id = $1 AND e.record_id = $2
                             AND e.source NOT IN ('consent_form', 'email'))
                       AND NOT EXISTS (SELECT 1 FROM consent_events c
                           WHERE c.organisation_id = $1 AND c.record_id = $2)
                       AND NOT EXISTS (SELECT 1 FROM consent_links l
                           WHERE l.organisation_id = $1 AND l.record_id = $2)
                       AND NOT EXISTS (SELECT 1 FROM request_records q
                           WHERE q.organisation_id = $1 AND q.record_id = $2)
                       AND NOT EXISTS (SELECT 1 FROM sign_ups k
                           WHERE k.organisation_id = $1 AND k.record_id = $2
                             AND (k.confirmed_at IS NOT NULL OR k.expires_at > $3))
                     FOR UPDATE OF r",
                )
                .bind(organisation)
                .bind(record)
                .bind(now)
                .fetch_optional(&mut *tx)
                .await?
                .is_some();
            // Their confirmation mails go with them, also when the record stays: each holds
            // the subject's address and a link that no longer works, and (still queued) would
            // only mislead. The record's history keeps its notes on them (they name no one).
            let messages_deleted =
                sqlx::query("DELETE FROM outbox WHERE organisation_id = $1 AND id = ANY($2)")
                    .bind(organisation)
                    .bind(&messages)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
            if holds_nothing_else {
                // The confirmation mail holds the address: it goes with the record. The
                // record's privacy events stay (they name no one), as when a record is deleted.
                for statement in [
                    "DELETE FROM outbox WHERE organisation_id = $1 AND record_id = $2",
                    "DELETE FROM records WHERE organisation_id = $1 AND id = $2",
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
                messages_deleted,
                record_deleted: holds_nothing_else,
            };
            append(&mut tx, gone.organisation, &audit(&gone), now).await?;
            forgotten.push(gone);
        }
        tx.commit().await?;
        Ok(forgotten)
    }
}

/// A version number as stored.
fn version_of(column: &'static str, version: i32) -> StoreResult<u32> {
    u32::try_from(version).map_err(|_| corrupt(column, version.to_string()))
}

async fn first_with_email(
    conn: &mut PgConnection,
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
