//! Modules, records and privacy events on PostgreSQL.
//!
//! Every write of an organisation's records takes its audit chain first (as public answers
//! do, `group::decide_and_write`), then the modules and records it reads: writers on any
//! instance meet its records, and the Overview's counters the schema's triggers keep with
//! them, in one order, and a check followed by a write holds until the transaction ends.

use std::collections::{HashMap, HashSet};

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};
use consentry_model::{
    ConsentStatus, Email, LegalBasis, ModuleId, OrganisationId, RecordId,
    records::{
        Consent, DataPrivacy, DataSource, Module, PrivacyEvent, Record, RecordFields, RecordFilter,
        RecordSort, SourceKind,
    },
};
use consentry_store::{
    AuditNote, BulkOutcome, Position, PrivacyAudit, PrivacyChange, PrivacyRule, QUARTER_SECONDS,
    RecordStore, RecordWrite, Selection, StoreResult,
    group::{ChangeWrite, SectionWrite},
    vault::{Sealing, StoredFields},
};
use sqlx::{PgConnection, Postgres, QueryBuilder};
use uuid::Uuid;

use super::{
    Code, PostgresStore,
    audit::{append, lock_chain},
    code, conflict_or, corrupt, from_code, millis,
};

const RECORD_COLUMNS: &str = "r.id, r.module_id, r.first_name, r.last_name, r.email, r.phone, \
     r.company, r.country, r.legal_basis, r.lawful_reason, r.consent_status, r.consent_date, \
     r.consent_through, r.contact_through, r.consent_remarks, r.mail_sent_at, r.stop_processing, \
     r.created_at, r.created_through, r.created_by, r.created_detail, r.updated_at, \
     r.updated_through, r.updated_by, r.updated_detail, r.custom::text AS custom, \
     m.compliance_enabled";

/// The Data Privacy columns of a record, all a public answer reads of it.
const PRIVACY_COLUMNS: &str = "r.id, r.legal_basis, r.lawful_reason, r.consent_status, \
     r.consent_date, r.consent_through, r.contact_through, r.consent_remarks, r.mail_sent_at, \
     r.stop_processing";

/// A last or first name as the name search and the last-name order compare it: case-folded,
/// by code point (the expressions of the indexes `records_by_last_name` and
/// `records_by_first_name`).
fn folded(column: &str) -> String {
    format!("(lower({column}) COLLATE \"C\")")
}

#[derive(sqlx::FromRow)]
struct PrivacyRow {
    id: Uuid,
    legal_basis: Option<Code<LegalBasis>>,
    lawful_reason: Option<String>,
    consent_status: Option<Code<ConsentStatus>>,
    consent_date: Option<NaiveDate>,
    consent_through: Option<String>,
    contact_through: String,
    consent_remarks: Option<String>,
    mail_sent_at: Option<DateTime<Utc>>,
    stop_processing: bool,
}

#[derive(sqlx::FromRow)]
struct RecordRow {
    #[sqlx(flatten)]
    privacy: PrivacyRow,
    module_id: Uuid,
    first_name: Option<String>,
    last_name: Option<String>,
    email: Option<String>,
    phone: Option<String>,
    company: Option<String>,
    country: Option<String>,
    created_at: DateTime<Utc>,
    created_through: Code<SourceKind>,
    created_by: String,
    created_detail: Option<String>,
    updated_at: DateTime<Utc>,
    updated_through: Code<SourceKind>,
    updated_by: String,
    updated_detail: Option<String>,
    custom: String,
    compliance_enabled: bool,
}

impl PrivacyRow {
    /// The stored Data Privacy section, whether or not the module shows it now.
    fn section(&self) -> StoreResult<Option<DataPrivacy>> {
        let Some(Code(basis)) = self.legal_basis else {
            return Ok(None);
        };
        let consent = match &self.consent_status {
            None => None,
            Some(Code(status)) => Some(Consent {
                status: *status,
                date: self.consent_date,
                through: self
                    .consent_through
                    .as_deref()
                    .map(|t| from_code("records.consent_through", t))
                    .transpose()?,
                contact_through: self
                    .contact_through
                    .split(',')
                    .filter(|c| !c.is_empty())
                    .map(|c| from_code("records.contact_through", c))
                    .collect::<StoreResult<_>>()?,
                remarks: self.consent_remarks.clone(),
                mail_sent_at: self.mail_sent_at,
            }),
        };
        Ok(Some(DataPrivacy {
            basis,
            lawful_reason: self.lawful_reason.clone(),
            consent,
            stop_processing: self.stop_processing,
        }))
    }
}

impl RecordRow {
    fn into_record(self, sealing: &Sealing) -> StoreResult<Record> {
        let privacy = if self.compliance_enabled {
            self.privacy.section()?
        } else {
            None
        };
        let fields = sealing.open_fields(
            self.privacy.id,
            self.module_id,
            StoredFields {
                first_name: self.first_name,
                last_name: self.last_name,
                email: self.email,
                email_index: None,
                phone: self.phone,
                company: self.company,
                country: self.country,
                custom: self.custom,
            },
        )?;
        Ok(Record {
            id: RecordId(self.privacy.id),
            module_id: ModuleId(self.module_id),
            fields,
            privacy,
            created: DataSource {
                through: self.created_through.0,
                by: self.created_by,
                detail: self.created_detail,
                at: self.created_at,
            },
            updated: DataSource {
                through: self.updated_through.0,
                by: self.updated_by,
                detail: self.updated_detail,
                at: self.updated_at,
            },
            masked: std::collections::BTreeMap::new(),
            consent_request: None,
            warnings: Vec::new(),
        })
    }
}

/// Adds `AND ...` conditions for `filter` to a query over `records r` joined to `modules m`.
fn push_filter(query: &mut QueryBuilder<'_, Postgres>, filter: &RecordFilter, sealing: &Sealing) {
    if let Some(module) = filter.module {
        query.push(" AND r.module_id = ").push_bind(module.0);
    }
    if !filter.ids.is_empty() {
        // A selection: one bound array, however many ids.
        let ids: Vec<uuid::Uuid> = filter.ids.iter().map(|id| id.0).collect();
        query.push(" AND r.id = ANY(").push_bind(ids).push(")");
    }
    if let Some(basis) = filter.basis {
        // A basis filter only makes sense where the Data Privacy section is shown.
        query
            .push(" AND m.compliance_enabled AND r.legal_basis = ")
            .push_bind(basis.code());
    }
    if let Some(status) = filter.consent_status {
        query
            .push(" AND m.compliance_enabled AND r.consent_status = ")
            .push_bind(status.code());
    }
    if filter.renewal_due {
        // Obtained on a day at least the organisation's consent lifetime ago (no lifetime:
        // the comparison is NULL and nothing is due).
        query.push(
            " AND m.compliance_enabled AND r.consent_status = 'obtained' \
             AND r.consent_date <= (now() AT TIME ZONE 'UTC')::date - (SELECT \
                 cs.consent_lifetime_days FROM compliance_settings cs \
                 WHERE cs.organisation_id = r.organisation_id)",
        );
    }
    if let Some(source) = filter.source {
        query
            .push(" AND r.created_through = ")
            .push_bind(code(&source));
    }
    if let Some(import) = filter.import {
        query.push(" AND r.import_id = ").push_bind(import.0);
    }
    if let Some(q) = filter.q.as_deref().map(str::trim).filter(|q| !q.is_empty()) {
        if q.contains('@') {
            push_email_match(query, q, sealing);
        } else {
            // The start of a last or first name: a range of each name index ([q, q + the
            // highest code point) holds every value that starts with q).
            let (low, high) = (q.to_owned(), format!("{q}\u{10FFFF}"));
            query.push(" AND (");
            for (i, column) in ["r.last_name", "r.first_name"].into_iter().enumerate() {
                if i > 0 {
                    query.push(" OR ");
                }
                let name = folded(column);
                query
                    .push(format!("({name} >= lower("))
                    .push_bind(low.clone())
                    .push(format!(") AND {name} < lower("))
                    .push_bind(high.clone())
                    .push("))");
            }
            query.push(")");
        }
    }
}

/// `AND` the record (`r`) has this exact address, in any case: stored as entered, or
/// encrypted and found by its blind index. Each side is a search of its own index (an `OR`
/// would scan).
pub(super) fn push_email_match(
    query: &mut QueryBuilder<'_, Postgres>,
    email: &str,
    sealing: &Sealing,
) {
    match sealing.index_of(email) {
        None => {
            query
                .push(" AND lower(r.email) = lower(")
                .push_bind(email.to_owned())
                .push(")");
        }
        Some(index) => {
            query
                .push(" AND r.id IN (SELECT id FROM records WHERE organisation_id = ")
                .push_bind(sealing.organisation())
                .push(" AND lower(email) = lower(")
                .push_bind(email.to_owned())
                .push(") UNION ALL SELECT id FROM records WHERE organisation_id = ")
                .push_bind(sealing.organisation())
                .push(" AND email_index = ")
                .push_bind(index)
                .push(")");
        }
    }
}

/// Stores a record's field values (already sealed where their fields say so).
pub(super) async fn write_fields(
    conn: &mut PgConnection,
    organisation: OrganisationId,
    id: RecordId,
    stored: &StoredFields,
) -> StoreResult<()> {
    sqlx::query(
        "UPDATE records SET first_name = $3, last_name = $4, email = $5, phone = $6,
             company = $7, country = $8, custom = $9::jsonb, email_index = $10
         WHERE organisation_id = $1 AND id = $2",
    )
    .bind(organisation.0)
    .bind(id.0)
    .bind(&stored.first_name)
    .bind(&stored.last_name)
    .bind(&stored.email)
    .bind(&stored.phone)
    .bind(&stored.company)
    .bind(&stored.country)
    .bind(&stored.custom)
    .bind(&stored.email_index)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

fn select_records<'a>(organisation: OrganisationId) -> QueryBuilder<'a, Postgres> {
    let mut query = QueryBuilder::new(format!(
        "SELECT {RECORD_COLUMNS} FROM records r JOIN modules m ON m.id = r.module_id \
         WHERE r.organisation_id = "
    ));
    query.push_bind(organisation.0);
    query
}

/// A record's Data Privacy section as stored, read (and locked) inside a transaction; `None`
/// when there is no such record, it has none, or its module's compliance is off.
pub(super) async fn stored_privacy(
    conn: &mut PgConnection,
    organisation: OrganisationId,
    id: RecordId,
) -> StoreResult<Option<DataPrivacy>> {
    Ok(stored_sections(conn, organisation, &[id])
        .await?
        .remove(&id))
}

/// The Data Privacy sections of the organisation's `ids` as stored, read inside a transaction;
/// records without one (or whose module's compliance is off, or that do not exist) are left out.
/// The records read stay locked until the transaction ends (taken in the order of their ids),
/// so a change decided on them, from any instance, waits for the one before it and reads
/// what it left.
pub(super) async fn stored_sections(
    conn: &mut PgConnection,
    organisation: OrganisationId,
    ids: &[RecordId],
) -> StoreResult<HashMap<RecordId, DataPrivacy>> {
    let ids: Vec<Uuid> = ids.iter().map(|id| id.0).collect();
    let rows: Vec<PrivacyRow> = sqlx::query_as(&format!(
        "SELECT {PRIVACY_COLUMNS} FROM records r JOIN modules m ON m.id = r.module_id
         WHERE m.compliance_enabled AND r.organisation_id = $1 AND r.id = ANY($2)
         ORDER BY r.id FOR UPDATE OF r"
    ))
    .bind(organisation.0)
    .bind(&ids)
    .fetch_all(&mut *conn)
    .await?;
    let mut sections = HashMap::new();
    for row in rows {
        if let Some(privacy) = row.section()? {
            sections.insert(RecordId(row.id), privacy);
        }
    }
    Ok(sections)
}

pub(super) async fn load_record(
    conn: &mut PgConnection,
    sealing: &Sealing,
    organisation: OrganisationId,
    id: RecordId,
) -> StoreResult<Option<Record>> {
    let mut query = select_records(organisation);
    query.push(" AND r.id = ").push_bind(id.0);
    let row: Option<RecordRow> = query.build_query_as().fetch_optional(&mut *conn).await?;
    row.map(|row| row.into_record(sealing)).transpose()
}

async fn load_module(
    conn: &mut PgConnection,
    organisation: OrganisationId,
    id: ModuleId,
) -> StoreResult<Option<Module>> {
    let row: Option<ModuleRow> = sqlx::query_as(
        "SELECT m.id, m.key, m.name, m.builtin, m.compliance_enabled,
                (SELECT COUNT(*) FROM records r
                     WHERE r.organisation_id = m.organisation_id AND r.module_id = m.id)
         FROM modules m WHERE m.organisation_id = $1 AND m.id = $2",
    )
    .bind(organisation.0)
    .bind(id.0)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(module_from))
}

type ModuleRow = (Uuid, String, String, bool, bool, i64);

fn module_from((id, key, name, builtin, enabled, count): ModuleRow) -> Module {
    Module {
        id: ModuleId(id),
        key,
        name,
        builtin,
        compliance_enabled: enabled,
        record_count: count.unsigned_abs(),
    }
}

/// A Data Privacy section as the values of its columns (all NULL when there is none).
struct PrivacyColumns {
    basis: Option<&'static str>,
    lawful_reason: Option<String>,
    status: Option<&'static str>,
    date: Option<NaiveDate>,
    through: Option<String>,
    contact_through: String,
    remarks: Option<String>,
    mail_sent_at: Option<DateTime<Utc>>,
    stop_processing: bool,
}

impl PrivacyColumns {
    fn of(privacy: Option<&DataPrivacy>) -> PrivacyColumns {
        let consent = privacy.and_then(|p| p.consent.as_ref());
        PrivacyColumns {
            basis: privacy.map(|p| p.basis.code()),
            lawful_reason: privacy.and_then(|p| p.lawful_reason.clone()),
            status: consent.map(|c| c.status.code()),
            date: consent.and_then(|c| c.date),
            through: consent.and_then(|c| c.through).map(|t| code(&t)),
            contact_through: consent
                .map(|c| {
                    c.contact_through
                        .iter()
                        .map(code)
                        .collect::<Vec<_>>()
                        .join(",")
                })
                .unwrap_or_default(),
            remarks: consent.and_then(|c| c.remarks.clone()),
            mail_sent_at: consent.and_then(|c| c.mail_sent_at).map(millis),
            stop_processing: privacy.is_some_and(|p| p.stop_processing),
        }
    }
}

/// A record's Data Privacy section to write, and who changed it.
struct SectionRow<'a> {
    organisation: OrganisationId,
    record: RecordId,
    privacy: &'a DataPrivacy,
    source: &'a DataSource,
}

/// Writes a record's Data Privacy columns and who changed it.
pub(super) async fn write_privacy(
    conn: &mut PgConnection,
    organisation: OrganisationId,
    record: RecordId,
    privacy: &DataPrivacy,
    source: &DataSource,
) -> StoreResult<()> {
    let row = SectionRow {
        organisation,
        record,
        privacy,
        source,
    };
    update_sections(conn, &[row]).await
}

/// Writes the sections a group of answers decided (at most one per record).
pub(super) async fn write_sections(
    conn: &mut PgConnection,
    sections: &[SectionWrite],
) -> StoreResult<()> {
    let rows: Vec<SectionRow<'_>> = sections
        .iter()
        .map(|s| SectionRow {
            organisation: s.organisation,
            record: s.record,
            privacy: &s.privacy,
            source: &s.source,
        })
        .collect();
    update_sections(conn, &rows).await
}

/// Writes sections (at most one per record) in one statement, each column bound as an array.
async fn update_sections(conn: &mut PgConnection, rows: &[SectionRow<'_>]) -> StoreResult<()> {
    if rows.is_empty() {
        return Ok(());
    }
    let mut organisations = Vec::with_capacity(rows.len());
    let mut ids = Vec::with_capacity(rows.len());
    let mut bases = Vec::with_capacity(rows.len());
    let mut reasons = Vec::with_capacity(rows.len());
    let mut statuses = Vec::with_capacity(rows.len());
    let mut dates = Vec::with_capacity(rows.len());
    let mut throughs = Vec::with_capacity(rows.len());
    let mut contacts = Vec::with_capacity(rows.len());
    let mut remarks = Vec::with_capacity(rows.len());
    let mut mailed = Vec::with_capacity(rows.len());
    let mut stopped = Vec::with_capacity(rows.len());
    let mut ats = Vec::with_capacity(rows.len());
    let mut sources = Vec::with_capacity(rows.len());
    let mut bys = Vec::with_capacity(rows.len());
    let mut details = Vec::with_capacity(rows.len());
    for row in rows {
        let columns = PrivacyColumns::of(Some(row.privacy));
        organisations.push(row.organisation.0);
        ids.push(row.record.0);
        bases.push(columns.basis);
        reasons.push(columns.lawful_reason);
        statuses.push(columns.status);
        dates.push(columns.date);
        throughs.push(columns.through);
        contacts.push(columns.contact_through);
        remarks.push(columns.remarks);
        mailed.push(columns.mail_sent_at);
        stopped.push(columns.stop_processing);
        ats.push(millis(row.source.at));
        sources.push(code(&row.source.through));
        bys.push(row.source.by.clone());
        details.push(row.source.detail.clone());
    }
    sqlx::query(
        "UPDATE records SET legal_basis = v.legal_basis, lawful_reason = v.lawful_reason,
             consent_status = v.consent_status, consent_date = v.consent_date,
             consent_through = v.consent_through, contact_through = v.contact_through,
             consent_remarks = v.consent_remarks, mail_sent_at = v.mail_sent_at,
             stop_processing = v.stop_processing, updated_at = v.updated_at,
             updated_through = v.updated_through, updated_by = v.updated_by,
             updated_detail = v.updated_detail
         FROM UNNEST($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::date[],
                     $7::text[], $8::text[], $9::text[], $10::timestamptz[], $11::boolean[],
                     $12::timestamptz[], $13::text[], $14::text[], $15::text[])
             AS v(organisation_id, id, legal_basis, lawful_reason, consent_status,
                  consent_date, consent_through, contact_through, consent_remarks,
                  mail_sent_at, stop_processing, updated_at, updated_through, updated_by,
                  updated_detail)
         WHERE records.organisation_id = v.organisation_id AND records.id = v.id",
    )
    .bind(organisations)
    .bind(ids)
    .bind(bases)
    .bind(reasons)
    .bind(statuses)
    .bind(dates)
    .bind(throughs)
    .bind(contacts)
    .bind(remarks)
    .bind(mailed)
    .bind(stopped)
    .bind(ats)
    .bind(sources)
    .bind(bys)
    .bind(details)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// How an event keeps when, how and to which channels recorded consent was given.
fn given_json(change: &PrivacyChange) -> Option<String> {
    change
        .given
        .as_ref()
        .map(|given| serde_json::json!(given).to_string())
}

/// A privacy event to append.
struct EventRow<'a> {
    organisation: OrganisationId,
    record: RecordId,
    change: &'a PrivacyChange,
    source: &'a DataSource,
}

pub(super) async fn insert_event(
    conn: &mut PgConnection,
    organisation: OrganisationId,
    record: RecordId,
    change: &PrivacyChange,
    source: &DataSource,
) -> StoreResult<()> {
    let row = EventRow {
        organisation,
        record,
        change,
        source,
    };
    insert_events(conn, &[row]).await
}

/// Appends the privacy events a group of answers decided.
pub(super) async fn insert_changes(
    conn: &mut PgConnection,
    changes: &[ChangeWrite],
) -> StoreResult<()> {
    let rows: Vec<EventRow<'_>> = changes
        .iter()
        .map(|c| EventRow {
            organisation: c.organisation,
            record: c.record,
            change: &c.change,
            source: &c.source,
        })
        .collect();
    insert_events(conn, &rows).await
}

/// Appends events in one statement, in the order given (their ids follow it).
async fn insert_events(conn: &mut PgConnection, rows: &[EventRow<'_>]) -> StoreResult<()> {
    if rows.is_empty() {
        return Ok(());
    }
    let mut organisations = Vec::with_capacity(rows.len());
    let mut records = Vec::with_capacity(rows.len());
    let mut ats = Vec::with_capacity(rows.len());
    let mut actors = Vec::with_capacity(rows.len());
    let mut sources = Vec::with_capacity(rows.len());
    let mut before_bases = Vec::with_capacity(rows.len());
    let mut after_bases = Vec::with_capacity(rows.len());
    let mut before_statuses = Vec::with_capacity(rows.len());
    let mut after_statuses = Vec::with_capacity(rows.len());
    let mut details = Vec::with_capacity(rows.len());
    let mut reasons = Vec::with_capacity(rows.len());
    let mut evidence = Vec::with_capacity(rows.len());
    let mut given = Vec::with_capacity(rows.len());
    for row in rows {
        let EventRow {
            organisation,
            record,
            change,
            source,
        } = row;
        organisations.push(organisation.0);
        records.push(record.0);
        ats.push(millis(source.at));
        actors.push(source.by.clone());
        sources.push(code(&source.through));
        before_bases.push(change.before_basis.map(LegalBasis::code));
        after_bases.push(change.after_basis.code());
        before_statuses.push(change.before_status.map(ConsentStatus::code));
        after_statuses.push(change.after_status.map(ConsentStatus::code));
        details.push(source.detail.clone());
        reasons.push(change.lawful_reason.clone());
        evidence.push(change.evidence.clone());
        given.push(given_json(change));
    }
    sqlx::query(
        "INSERT INTO privacy_events (organisation_id, record_id, at, actor, source,
             before_basis, after_basis, before_status, after_status, detail, lawful_reason,
             evidence, given)
         SELECT o, r, at, actor, source, bb, ab, bs, s, detail, reason, evidence, given::json
         FROM UNNEST($1::uuid[], $2::uuid[], $3::timestamptz[], $4::text[], $5::text[],
                     $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[],
                     $12::text[], $13::text[])
             AS e(o, r, at, actor, source, bb, ab, bs, s, detail, reason, evidence, given)",
    )
    .bind(organisations)
    .bind(records)
    .bind(ats)
    .bind(actors)
    .bind(sources)
    .bind(before_bases)
    .bind(after_bases)
    .bind(before_statuses)
    .bind(after_statuses)
    .bind(details)
    .bind(reasons)
    .bind(evidence)
    .bind(given)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Inserts records with their Data Privacy columns and creation events, in one statement
/// each. Returns the new ids, or `None` (writing nothing) when a module is not the
/// organisation's. Takes the organisation's chain, then holds its modules (a compliance
/// change waits for the records); a record without a section in a module whose compliance
/// is on (turned on since the caller looked) starts with the basis Not Applicable, as turning
/// it on gives every record.
pub(super) async fn insert_batch(
    tx: &mut PgConnection,
    sealing: &Sealing,
    organisation: OrganisationId,
    records: &[RecordWrite],
    import: Option<Uuid>,
) -> StoreResult<Option<Vec<RecordId>>> {
    lock_chain(&mut *tx, organisation).await?;
    let mut modules: Vec<Uuid> = records.iter().map(|r| r.module.0).collect();
    modules.sort_unstable();
    modules.dedup();
    let owned: Vec<(Uuid, bool)> = sqlx::query_as(
        "SELECT id, compliance_enabled FROM modules
         WHERE organisation_id = $1 AND id = ANY($2) ORDER BY id FOR SHARE",
    )
    .bind(organisation.0)
    .bind(&modules)
    .fetch_all(&mut *tx)
    .await?;
    if owned.len() != modules.len() {
        return Ok(None);
    }
    let enabled: HashSet<Uuid> = owned
        .into_iter()
        .filter_map(|(id, enabled)| enabled.then_some(id))
        .collect();
    let ids: Vec<RecordId> = records.iter().map(|_| RecordId(Uuid::now_v7())).collect();
    let n = records.len();
    let (mut record_ids, mut module_ids) = (Vec::with_capacity(n), Vec::with_capacity(n));
    let (mut first_names, mut last_names) = (Vec::with_capacity(n), Vec::with_capacity(n));
    let (mut emails, mut phones) = (Vec::with_capacity(n), Vec::with_capacity(n));
    let (mut companies, mut countries) = (Vec::with_capacity(n), Vec::with_capacity(n));
    let (mut bases, mut reasons) = (Vec::with_capacity(n), Vec::with_capacity(n));
    let (mut statuses, mut dates) = (Vec::with_capacity(n), Vec::with_capacity(n));
    let (mut throughs, mut contacts) = (Vec::with_capacity(n), Vec::with_capacity(n));
    let (mut remarks, mut ats) = (Vec::with_capacity(n), Vec::with_capacity(n));
    let (mut sources, mut bys) = (Vec::with_capacity(n), Vec::with_capacity(n));
    let (mut details, mut customs) = (Vec::with_capacity(n), Vec::with_capacity(n));
    let mut indexes = Vec::with_capacity(n);
    for (record, id) in records.iter().zip(&ids) {
        let f = sealing.seal_fields(id.0, record.module.0, &record.fields);
        let source = &record.source;
        let mut columns = PrivacyColumns::of(record.privacy.as_ref());
        if columns.basis.is_none() && enabled.contains(&record.module.0) {
            columns.basis = Some(LegalBasis::NotApplicable.code());
        }
        record_ids.push(id.0);
        module_ids.push(record.module.0);
        first_names.push(f.first_name);
        last_names.push(f.last_name);
        emails.push(f.email);
        phones.push(f.phone);
        companies.push(f.company);
        countries.push(f.country);
        bases.push(columns.basis);
        reasons.push(columns.lawful_reason);
        statuses.push(columns.status);
        dates.push(columns.date);
        throughs.push(columns.through);
        contacts.push(columns.contact_through);
        remarks.push(columns.remarks);
        ats.push(millis(source.at));
        sources.push(code(&source.through));
        bys.push(source.by.clone());
        details.push(source.detail.clone());
        customs.push(f.custom);
        indexes.push(f.email_index);
    }
    sqlx::query(
        "INSERT INTO records (id, organisation_id, module_id, first_name, last_name, email,
             phone, company, country, legal_basis, lawful_reason, consent_status, consent_date,
             consent_through, contact_through, consent_remarks, created_at, created_through,
             created_by, created_detail, updated_at, updated_through, updated_by,
             updated_detail, custom, email_index, import_id)
         SELECT id, $1, module_id, first_name, last_name, email, phone, company, country,
             legal_basis, lawful_reason, consent_status, consent_date, consent_through,
             contact_through, consent_remarks, at, through, who, detail, at, through, who,
             detail, custom::jsonb, email_index, $23::uuid
         FROM UNNEST($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[],
                     $8::text[], $9::text[], $10::text[], $11::text[], $12::text[],
                     $13::date[], $14::text[], $15::text[], $16::text[], $17::timestamptz[],
                     $18::text[], $19::text[], $20::text[], $21::text[], $22::bytea[])
             AS v(id, module_id, first_name, last_name, email, phone, company, country,
                  legal_basis, lawful_reason, consent_status, consent_date, consent_through,
                  contact_through, consent_remarks, at, through, who, detail, custom,
                  email_index)",
    )
    .bind(organisation.0)
    .bind(record_ids)
    .bind(module_ids)
    .bind(first_names)
    .bind(last_names)
    .bind(emails)
    .bind(phones)
    .bind(companies)
    .bind(countries)
    .bind(bases)
    .bind(reasons)
    .bind(statuses)
    .bind(dates)
    .bind(throughs)
    .bind(contacts)
    .bind(remarks)
    .bind(ats)
    .bind(sources)
    .bind(bys)
    .bind(details)
    .bind(customs)
    .bind(indexes)
    .bind(import)
    .execute(&mut *tx)
    .await?;
    let events: Vec<EventRow<'_>> = records
        .iter()
        .zip(&ids)
        .filter_map(|(record, id)| {
            record.change.as_ref().map(|change| EventRow {
                organisation,
                record: *id,
                change,
                source: &record.source,
            })
        })
        .collect();
    insert_events(&mut *tx, &events).await?;
    Ok(Some(ids))
}

#[async_trait]
impl RecordStore for PostgresStore {
    async fn refresh_statistics(&self) -> StoreResult<()> {
        // Autovacuum analyses in its own time; after an import the lists need the new
        // figures now.
        sqlx::query("ANALYZE records").execute(&self.pool).await?;
        Ok(())
    }

    async fn modules(&self, organisation: OrganisationId) -> StoreResult<Vec<Module>> {
        let rows: Vec<ModuleRow> = sqlx::query_as(
            "SELECT m.id, m.key, m.name, m.builtin, m.compliance_enabled,
                    (SELECT COUNT(*) FROM records r
                     WHERE r.organisation_id = m.organisation_id AND r.module_id = m.id)
             FROM modules m WHERE m.organisation_id = $1
             ORDER BY m.builtin DESC, m.created_at, m.key",
        )
        .bind(organisation.0)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(module_from).collect())
    }

    async fn insert_module(
        &self,
        organisation: OrganisationId,
        key: &str,
        name: &str,
        audit: AuditNote,
    ) -> StoreResult<Module> {
        let id = ModuleId(Uuid::now_v7());
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO modules (id, organisation_id, key, name, builtin, created_at)
             VALUES ($1, $2, $3, $4, false, $5)",
        )
        .bind(id.0)
        .bind(organisation.0)
        .bind(key)
        .bind(name)
        .bind(millis(Utc::now()))
        .execute(&mut *tx)
        .await
        .map_err(conflict_or)?;
        let mut audit = audit;
        audit.subject = Some(id.to_string());
        append(&mut tx, organisation, &audit, Utc::now()).await?;
        let module = load_module(&mut tx, organisation, id)
            .await?
            .ok_or_else(|| corrupt("modules.id", id.to_string()))?;
        tx.commit().await?;
        Ok(module)
    }

    async fn set_module_compliance(
        &self,
        organisation: OrganisationId,
        module: ModuleId,
        enabled: bool,
        audit: AuditNote,
    ) -> StoreResult<Option<Module>> {
        let mut tx = self.pool.begin().await?;
        lock_chain(&mut tx, organisation).await?;
        let updated = sqlx::query(
            "UPDATE modules SET compliance_enabled = $3 WHERE organisation_id = $1 AND id = $2",
        )
        .bind(organisation.0)
        .bind(module.0)
        .bind(enabled)
        .execute(&mut *tx)
        .await?;
        if updated.rows_affected() == 0 {
            return Ok(None);
        }
        if enabled {
            // Every record gets Data Processing Basis "Not Applicable" once compliance is on.
            sqlx::query(
                "UPDATE records SET legal_basis = 'not_applicable'
                 WHERE organisation_id = $2 AND module_id = $1 AND legal_basis IS NULL",
            )
            .bind(module.0)
            .bind(organisation.0)
            .execute(&mut *tx)
            .await?;
        }
        append(&mut tx, organisation, &audit, Utc::now()).await?;
        let result = load_module(&mut tx, organisation, module).await?;
        tx.commit().await?;
        Ok(result)
    }

    async fn insert_record(
        &self,
        organisation: OrganisationId,
        record: RecordWrite,
        audit: AuditNote,
    ) -> StoreResult<Option<Record>> {
        let mut tx = self.pool.begin().await?;
        let sealing = self.sealing(&mut tx, organisation).await?;
        let at = record.source.at;
        let Some(id) = insert_batch(
            &mut tx,
            &sealing,
            organisation,
            std::slice::from_ref(&record),
            None,
        )
        .await?
        .and_then(|ids| ids.first().copied()) else {
            return Ok(None);
        };
        let mut audit = audit;
        audit.subject = Some(id.to_string());
        append(&mut tx, organisation, &audit, at).await?;
        let created = load_record(&mut tx, &sealing, organisation, id).await?;
        tx.commit().await?;
        Ok(created)
    }

    async fn existing_emails(
        &self,
        organisation: OrganisationId,
        module: ModuleId,
        emails: &[Email],
    ) -> StoreResult<HashSet<String>> {
        if emails.is_empty() {
            return Ok(HashSet::new());
        }
        let mut conn = self.pool.acquire().await?;
        let sealing = self.sealing(&mut conn, organisation).await?;
        existing_emails_in(&mut conn, &sealing, organisation, module, emails).await
    }

    async fn insert_records(
        &self,
        organisation: OrganisationId,
        records: Vec<RecordWrite>,
    ) -> StoreResult<u64> {
        let mut tx = self.pool.begin().await?;
        let sealing = self.sealing(&mut tx, organisation).await?;
        let Some(ids) = insert_batch(&mut tx, &sealing, organisation, &records, None).await? else {
            // A module of another organisation: refuse the whole batch.
            return Err(corrupt("records.module_id", "of another organisation"));
        };
        tx.commit().await?;
        Ok(ids.len() as u64)
    }

    async fn record(
        &self,
        organisation: OrganisationId,
        id: RecordId,
    ) -> StoreResult<Option<Record>> {
        let mut conn = self.pool.acquire().await?;
        let sealing = self.sealing(&mut conn, organisation).await?;
        load_record(&mut conn, &sealing, organisation, id).await
    }

    async fn records(
        &self,
        organisation: OrganisationId,
        filter: &RecordFilter,
        sort: RecordSort,
        after: Option<&Position>,
        limit: u32,
    ) -> StoreResult<Vec<Record>> {
        let mut conn = self.pool.acquire().await?;
        let sealing = self.sealing(&mut conn, organisation).await?;
        let mut query = select_records(organisation);
        push_filter(&mut query, filter, &sealing);
        let last_name = folded("r.last_name");
        // Keyset paging: every order ends in the unique id, so a page starts exactly after
        // the previous one, however many rows are inserted meanwhile.
        match (sort, after) {
            (RecordSort::Newest, Some(p)) => {
                query.push(" AND r.id < ").push_bind(p.id.0);
            }
            (RecordSort::Oldest, Some(p)) => {
                query.push(" AND r.id > ").push_bind(p.id.0);
            }
            // Records without a last name come first (as on SQLite); after one come the
            // others without by id, then every named record.
            (
                RecordSort::LastName,
                Some(Position {
                    id,
                    last_name: None,
                }),
            ) => {
                query
                    .push(" AND (r.last_name IS NOT NULL OR r.id > ")
                    .push_bind(id.0)
                    .push(")");
            }
            (
                RecordSort::LastName,
                Some(Position {
                    id,
                    last_name: Some(name),
                }),
            ) => {
                query
                    .push(format!(" AND ({last_name} > lower("))
                    .push_bind(name.clone())
                    .push(format!(") OR ({last_name} = lower("))
                    .push_bind(name.clone())
                    .push(") AND r.id > ")
                    .push_bind(id.0)
                    .push("))");
            }
            // Z to A: the exact reverse, so records without a last name come last.
            (
                RecordSort::LastNameDesc,
                Some(Position {
                    id,
                    last_name: None,
                }),
            ) => {
                query
                    .push(" AND r.last_name IS NULL AND r.id < ")
                    .push_bind(id.0);
            }
            (
                RecordSort::LastNameDesc,
                Some(Position {
                    id,
                    last_name: Some(name),
                }),
            ) => {
                query
                    .push(format!(" AND (r.last_name IS NULL OR {last_name} < lower("))
                    .push_bind(name.clone())
                    .push(format!(") OR ({last_name} = lower("))
                    .push_bind(name.clone())
                    .push(") AND r.id < ")
                    .push_bind(id.0)
                    .push("))");
            }
            (_, None) => {}
        }
        match sort {
            RecordSort::Newest => query.push(" ORDER BY r.id DESC"),
            RecordSort::Oldest => query.push(" ORDER BY r.id ASC"),
            RecordSort::LastName => {
                query.push(format!(" ORDER BY {last_name} ASC NULLS FIRST, r.id ASC"))
            }
            RecordSort::LastNameDesc => {
                query.push(format!(" ORDER BY {last_name} DESC NULLS LAST, r.id DESC"))
            }
        };
        query.push(" LIMIT ").push_bind(i64::from(limit));
        let rows: Vec<RecordRow> = query.build_query_as().fetch_all(&mut *conn).await?;
        rows.into_iter()
            .map(|row| row.into_record(&sealing))
            .collect()
    }

    async fn count_records(
        &self,
        organisation: OrganisationId,
        filter: &RecordFilter,
    ) -> StoreResult<u64> {
        let mut query = QueryBuilder::new(
            "SELECT COUNT(*) FROM records r JOIN modules m ON m.id = r.module_id \
             WHERE r.organisation_id = ",
        );
        query.push_bind(organisation.0);
        let mut conn = self.pool.acquire().await?;
        let sealing = self.sealing(&mut conn, organisation).await?;
        push_filter(&mut query, filter, &sealing);
        let (n,): (i64,) = query.build_query_as().fetch_one(&mut *conn).await?;
        Ok(n.unsigned_abs())
    }

    async fn update_record_fields(
        &self,
        organisation: OrganisationId,
        id: RecordId,
        fields: RecordFields,
        source: DataSource,
        audit: AuditNote,
    ) -> StoreResult<Option<Record>> {
        let mut tx = self.pool.begin().await?;
        lock_chain(&mut tx, organisation).await?;
        let module: Option<(Uuid,)> = sqlx::query_as(
            "SELECT module_id FROM records WHERE organisation_id = $1 AND id = $2 FOR UPDATE",
        )
        .bind(organisation.0)
        .bind(id.0)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((module,)) = module else {
            return Ok(None);
        };
        let sealing = self.sealing(&mut tx, organisation).await?;
        let stored = sealing.seal_fields(id.0, module, &fields);
        write_fields(&mut tx, organisation, id, &stored).await?;
        sqlx::query(
            "UPDATE records SET updated_at = $3, updated_through = $4, updated_by = $5,
                 updated_detail = $6
             WHERE organisation_id = $1 AND id = $2",
        )
        .bind(organisation.0)
        .bind(id.0)
        .bind(millis(source.at))
        .bind(code(&source.through))
        .bind(&source.by)
        .bind(&source.detail)
        .execute(&mut *tx)
        .await?;
        append(&mut tx, organisation, &audit, source.at).await?;
        let record = load_record(&mut tx, &sealing, organisation, id).await?;
        tx.commit().await?;
        Ok(record)
    }

    async fn delete_record(
        &self,
        organisation: OrganisationId,
        id: RecordId,
        audit: AuditNote,
    ) -> StoreResult<bool> {
        let mut tx = self.pool.begin().await?;
        lock_chain(&mut tx, organisation).await?;
        // A record under a legal hold is kept until the hold is lifted.
        let held: Option<(i32,)> = sqlx::query_as(
            "SELECT 1 FROM record_retention WHERE organisation_id = $1 AND record_id = $2
                 AND hold_reason IS NOT NULL",
        )
        .bind(organisation.0)
        .bind(id.0)
        .fetch_optional(&mut *tx)
        .await?;
        if held.is_some() {
            return Err(consentry_store::StoreError::Conflict(
                "record_retention.hold_reason",
            ));
        }
        let deleted = sqlx::query("DELETE FROM records WHERE organisation_id = $1 AND id = $2")
            .bind(organisation.0)
            .bind(id.0)
            .execute(&mut *tx)
            .await?;
        if deleted.rows_affected() == 0 {
            return Ok(false);
        }
        let now = Utc::now();
        // Its messages still waiting to be delivered go no further (a mail to someone who is no
        // longer a record, with a link that leads nowhere), and its links stop working. One
        // already in the mail server's hands cannot be called back: if the server takes it,
        // the Outbox says it was sent.
        sqlx::query(
            "UPDATE outbox SET status = 'failed', detail = $3, next_attempt_at = NULL
             WHERE organisation_id = $1 AND record_id = $2 AND status = 'queued'",
        )
        .bind(organisation.0)
        .bind(id.0)
        .bind(consentry_model::notes::DeliveryNote::RecordDeleted.english())
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "UPDATE consent_links SET revoked_at = $3
             WHERE organisation_id = $1 AND record_id = $2 AND revoked_at IS NULL",
        )
        .bind(organisation.0)
        .bind(id.0)
        .bind(millis(now))
        .execute(&mut *tx)
        .await?;
        append(&mut tx, organisation, &audit, now).await?;
        tx.commit().await?;
        Ok(true)
    }

    async fn change_privacy(
        &self,
        organisation: OrganisationId,
        selection: Selection<'_>,
        rule: PrivacyRule<'_>,
        source: DataSource,
        audit: PrivacyAudit<'_>,
    ) -> StoreResult<BulkOutcome> {
        let mut tx = self.pool.begin().await?;
        let sealing = self.sealing(&mut tx, organisation).await?;
        let outcome = change_privacy_in(
            &mut tx,
            &sealing,
            organisation,
            selection,
            rule,
            source,
            audit,
        )
        .await?;
        if matches!(outcome, BulkOutcome::Applied { .. }) {
            tx.commit().await?;
        }
        Ok(outcome)
    }

    async fn privacy_events(
        &self,
        organisation: OrganisationId,
        record: RecordId,
    ) -> StoreResult<Vec<PrivacyEvent>> {
        #[derive(sqlx::FromRow)]
        struct Row {
            id: i64,
            at: DateTime<Utc>,
            actor: String,
            source: Code<SourceKind>,
            before_basis: Option<Code<LegalBasis>>,
            after_basis: Code<LegalBasis>,
            before_status: Option<Code<ConsentStatus>>,
            after_status: Option<Code<ConsentStatus>>,
            detail: Option<String>,
            lawful_reason: Option<String>,
            evidence: Option<String>,
            given: Option<String>,
        }
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT id, at, actor, source, before_basis, after_basis, before_status,
                    after_status, detail, lawful_reason, evidence, given::text AS given
             FROM privacy_events WHERE organisation_id = $1 AND record_id = $2 ORDER BY id",
        )
        .bind(organisation.0)
        .bind(record.0)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|row| {
                Ok(PrivacyEvent {
                    id: row.id.unsigned_abs(),
                    given: row
                        .given
                        .map(|g| {
                            serde_json::from_str(&g).map_err(|_| corrupt("privacy_events.given", g))
                        })
                        .transpose()?,
                    at: row.at,
                    actor: row.actor,
                    source: row.source.0,
                    before_basis: row.before_basis.map(|b| b.0),
                    after_basis: row.after_basis.0,
                    before_status: row.before_status.map(|s| s.0),
                    after_status: row.after_status.map(|s| s.0),
                    detail: row.detail,
                    lawful_reason: row.lawful_reason,
                    evidence: row.evidence,
                })
            })
            .collect()
    }

    async fn privacy_changes_per_quarter(
        &self,
        organisation: OrganisationId,
        since: DateTime<Utc>,
    ) -> StoreResult<Vec<(DateTime<Utc>, u64)>> {
        let rows: Vec<(i64, i64)> = sqlx::query_as(
            "SELECT quarter, n FROM privacy_event_quarters
             WHERE organisation_id = $1 AND quarter >= $2 ORDER BY quarter",
        )
        .bind(organisation.0)
        .bind(since.timestamp().div_euclid(QUARTER_SECONDS))
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|(quarter, n)| {
                let start =
                    DateTime::from_timestamp(quarter * QUARTER_SECONDS, 0).ok_or_else(|| {
                        corrupt("privacy_event_quarters.quarter", quarter.to_string())
                    })?;
                Ok((start, n.unsigned_abs()))
            })
            .collect()
    }

    async fn privacy_counts(
        &self,
        organisation: OrganisationId,
    ) -> StoreResult<Vec<(ModuleId, LegalBasis, Option<ConsentStatus>, u64)>> {
        // The counters keep every basis ever counted (at zero once no record has it), and
        // the records of modules whose compliance is off: the Overview shows neither.
        let rows: Vec<(Uuid, Code<LegalBasis>, String, i64)> = sqlx::query_as(
            "SELECT c.module_id, c.legal_basis, c.consent_status, c.n
             FROM privacy_counts c JOIN modules m ON m.id = c.module_id
             WHERE c.organisation_id = $1 AND m.compliance_enabled AND c.n > 0",
        )
        .bind(organisation.0)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|(module, basis, status, n)| {
                // No status is counted as '' (a key column cannot be NULL).
                let status = if status.is_empty() {
                    None
                } else {
                    Some(from_code("privacy_counts.consent_status", &status)?)
                };
                Ok((ModuleId(module), basis.0, status, n.unsigned_abs()))
            })
            .collect()
    }
}

/// Which of these addresses a record of the module already has (lower-cased), whether stored
/// as entered or encrypted (found by the blind index), as `conn` reads them.
pub(super) async fn existing_emails_in(
    conn: &mut PgConnection,
    sealing: &Sealing,
    organisation: OrganisationId,
    module: ModuleId,
    emails: &[Email],
) -> StoreResult<HashSet<String>> {
    let mut found = HashSet::new();
    if emails.is_empty() {
        return Ok(found);
    }
    let wanted: Vec<String> = emails.iter().map(|e| e.as_str().to_lowercase()).collect();
    // One search of the address index per address.
    let plain: Vec<(String,)> = sqlx::query_as(
        "SELECT DISTINCT w.email FROM UNNEST($3::text[]) AS w(email)
         JOIN records r ON r.organisation_id = $1 AND lower(r.email) = lower(w.email)
         WHERE r.module_id = $2",
    )
    .bind(organisation.0)
    .bind(module.0)
    .bind(&wanted)
    .fetch_all(&mut *conn)
    .await?;
    found.extend(plain.into_iter().map(|(e,)| e));
    let indexes: HashMap<Vec<u8>, &String> = wanted
        .iter()
        .filter_map(|e| sealing.index_of(e).map(|index| (index, e)))
        .collect();
    if !indexes.is_empty() {
        let wanted_indexes: Vec<&Vec<u8>> = indexes.keys().collect();
        let rows: Vec<(Vec<u8>,)> = sqlx::query_as(
            "SELECT DISTINCT email_index FROM records
             WHERE organisation_id = $1 AND module_id = $2 AND email_index = ANY($3)",
        )
        .bind(organisation.0)
        .bind(module.0)
        .bind(wanted_indexes)
        .fetch_all(&mut *conn)
        .await?;
        for (index,) in rows {
            if let Some(email) = indexes.get(&index) {
                found.insert((*email).clone());
            }
        }
    }
    Ok(found)
}

/// A privacy change of the selected records by `rule`, with its audit entry when anything
/// changed, written in `tx` (the caller commits). The organisation's chain is taken first and
/// the selected records are locked as they are read, so the rule decides on what each record
/// holds until the transaction ends, whatever other instances answer or change meanwhile;
/// the sections and events it decides are written in one statement each.
pub(super) async fn change_privacy_in(
    tx: &mut PgConnection,
    sealing: &Sealing,
    organisation: OrganisationId,
    selection: Selection<'_>,
    rule: PrivacyRule<'_>,
    source: DataSource,
    audit: PrivacyAudit<'_>,
) -> StoreResult<BulkOutcome> {
    lock_chain(&mut *tx, organisation).await?;
    let mut query = QueryBuilder::new(format!(
        "SELECT {PRIVACY_COLUMNS} FROM records r JOIN modules m ON m.id = r.module_id \
         WHERE r.organisation_id = "
    ));
    query.push_bind(organisation.0);
    // Only where the Data Privacy section is shown can the basis change.
    query.push(" AND m.compliance_enabled");
    push_filter(&mut query, selection.filter, sealing);
    if let Some(id) = selection.only {
        query.push(" AND r.id = ").push_bind(id.0);
    }
    query.push(" ORDER BY r.id FOR UPDATE OF r");
    let rows: Vec<PrivacyRow> = query.build_query_as().fetch_all(&mut *tx).await?;
    if let Some(expected) = selection.confirmed_count
        && expected != rows.len() as u64
    {
        return Ok(BulkOutcome::CountMismatch(rows.len() as u64));
    }
    let mut skipped = 0u64;
    // What changed, record by record: the section as found and as left, and the event.
    let mut changes: Vec<(
        RecordId,
        Option<DataPrivacy>,
        DataPrivacy,
        Option<PrivacyChange>,
    )> = Vec::new();
    for row in &rows {
        let stored = row.section()?;
        let (privacy, change) = match rule(stored.as_ref()) {
            Err(_) => {
                skipped += 1;
                continue;
            }
            // No basis or status change, but the section changed (processing stopped or
            // resumed, consent details edited): written, without a privacy event.
            Ok((privacy, None)) if Some(&privacy) != stored.as_ref() => (privacy, None),
            Ok((_, None)) => continue,
            Ok((privacy, Some(change))) => (privacy, Some(change)),
        };
        changes.push((RecordId(row.id), stored, privacy, change));
    }
    let sections: Vec<SectionRow<'_>> = changes
        .iter()
        .map(|(record, _, privacy, _)| SectionRow {
            organisation,
            record: *record,
            privacy,
            source: &source,
        })
        .collect();
    update_sections(&mut *tx, &sections).await?;
    let events: Vec<EventRow<'_>> = changes
        .iter()
        .filter_map(|(record, _, _, change)| {
            change.as_ref().map(|change| EventRow {
                organisation,
                record: *record,
                change,
                source: &source,
            })
        })
        .collect();
    insert_events(&mut *tx, &events).await?;
    let changed = changes.len() as u64;
    // Anything changed: one audit entry, made from the last record changed.
    if let Some((_, before, after, _)) = changes.last() {
        let note = match audit {
            PrivacyAudit::OfOne(describe) => describe(before.as_ref(), after),
            PrivacyAudit::Of(mut note) => {
                if let Some(serde_json::Value::Object(after)) = note.after.as_mut() {
                    after.insert("records_changed".into(), changed.into());
                }
                note
            }
        };
        append(&mut *tx, organisation, &note, source.at).await?;
    }
    Ok(BulkOutcome::Applied { changed, skipped })
}
