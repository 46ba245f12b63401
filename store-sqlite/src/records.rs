//! Modules, records and privacy events on SQLite.

use async_trait::async_trait;
use chrono::Utc;
use consentry_model::{
    ConsentStatus, Email, LegalBasis, ModuleId, OrganisationId, RecordId,
    records::{
        Consent, DataPrivacy, DataSource, Module, PrivacyEvent, Record, RecordFields, RecordFilter,
        RecordSort, SourceKind,
    },
};
use sqlx::{QueryBuilder, Sqlite, SqliteConnection};
use uuid::Uuid;

use super::{
    Millis, ROWS_PER_STATEMENT, SqliteStore, audit::append, code, conflict_or, corrupt, from_code,
    millis,
};
use consentry_store::{
    AuditNote, BulkOutcome, Position, PrivacyAudit, PrivacyChange, PrivacyRule, QUARTER_SECONDS,
    RecordStore, RecordWrite, Selection, StoreResult,
    group::{ChangeWrite, SectionWrite},
    vault::{Sealing, StoredFields},
};

const RECORD_COLUMNS: &str = "r.id, r.module_id, r.first_name, r.last_name, r.email, r.phone, \
     r.company, r.country, r.legal_basis, r.lawful_reason, r.consent_status, r.consent_date, \
     r.consent_through, r.contact_through, r.consent_remarks, r.mail_sent_at, r.stop_processing, \
     r.created_at, r.created_through, r.created_by, r.created_detail, r.updated_at, \
     r.updated_through, r.updated_by, r.updated_detail, r.custom, m.compliance_enabled";

/// The Data Privacy columns of a record, all a public answer reads of it.
const PRIVACY_COLUMNS: &str = "r.id, r.legal_basis, r.lawful_reason, r.consent_status, \
     r.consent_date, r.consent_through, r.contact_through, r.consent_remarks, r.mail_sent_at, \
     r.stop_processing";

#[derive(sqlx::FromRow)]
struct PrivacyRow {
    id: Uuid,
    legal_basis: Option<String>,
    lawful_reason: Option<String>,
    consent_status: Option<String>,
    consent_date: Option<String>,
    consent_through: Option<String>,
    contact_through: String,
    consent_remarks: Option<String>,
    mail_sent_at: Option<Millis>,
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
    created_at: Millis,
    created_through: String,
    created_by: String,
    created_detail: Option<String>,
    updated_at: Millis,
    updated_through: String,
    updated_by: String,
    updated_detail: Option<String>,
    custom: String,
    compliance_enabled: bool,
}

impl PrivacyRow {
    /// The stored Data Privacy section, whether or not the module shows it now.
    fn section(&self) -> StoreResult<Option<DataPrivacy>> {
        let Some(basis) = &self.legal_basis else {
            return Ok(None);
        };
        let consent = match &self.consent_status {
            None => None,
            Some(status) => Some(Consent {
                status: from_code("records.consent_status", status)?,
                date: self
                    .consent_date
                    .as_deref()
                    .map(|d| d.parse().map_err(|_| corrupt("records.consent_date", d)))
                    .transpose()?,
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
                mail_sent_at: self.mail_sent_at.map(|t| t.0),
            }),
        };
        Ok(Some(DataPrivacy {
            basis: from_code("records.legal_basis", basis)?,
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
                through: from_code("records.created_through", &self.created_through)?,
                by: self.created_by,
                detail: self.created_detail,
                at: self.created_at.0,
            },
            updated: DataSource {
                through: from_code("records.updated_through", &self.updated_through)?,
                by: self.updated_by,
                detail: self.updated_detail,
                at: self.updated_at.0,
            },
            masked: std::collections::BTreeMap::new(),
            consent_request: None,
            warnings: Vec::new(),
        })
    }
}

/// Adds `AND ...` conditions for `filter` to a query over `records r`.
fn push_filter(query: &mut QueryBuilder<'_, Sqlite>, filter: &RecordFilter, sealing: &Sealing) {
    if let Some(module) = filter.module {
        query.push(" AND r.module_id = ").push_bind(module.0);
    }
    if !filter.ids.is_empty() {
        // A selection: ids are stored as blobs, so each is bound as one (at most
        // `RecordFilter::MOST_SELECTED`, far below SQLite's limit on bound values).
        query.push(" AND r.id IN (");
        let mut ids = query.separated(", ");
        for id in &filter.ids {
            ids.push_bind(id.0);
        }
        ids.push_unseparated(")");
    }
    if let Some(basis) = filter.basis {
        // A basis filter only makes sense where the Data Privacy section is shown.
        query
            .push(" AND m.compliance_enabled = 1 AND r.legal_basis = ")
            .push_bind(basis.code());
    }
    if let Some(status) = filter.consent_status {
        query
            .push(" AND m.compliance_enabled = 1 AND r.consent_status = ")
            .push_bind(status.code());
    }
    if filter.renewal_due {
        // Obtained on a day at least the organisation's consent lifetime ago (no lifetime:
        // the comparison is NULL and nothing is due).
        query.push(
            " AND m.compliance_enabled = 1 AND r.consent_status = 'obtained' \
             AND r.consent_date <= date('now', '-' || (SELECT cs.consent_lifetime_days \
                 FROM compliance_settings cs WHERE cs.organisation_id = r.organisation_id) \
                 || ' days')",
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
            // The start of a last or first name: a range of each NOCASE index ([q, q + the
            // highest code point) holds every value that starts with q).
            let (low, high) = (q.to_owned(), format!("{q}\u{10FFFF}"));
            query.push(" AND (");
            for (i, column) in ["r.last_name", "r.first_name"].into_iter().enumerate() {
                if i > 0 {
                    query.push(" OR ");
                }
                query
                    .push(format!("({column} >= "))
                    .push_bind(low.clone())
                    .push(format!(" AND {column} < "))
                    .push_bind(high.clone())
                    .push(")");
            }
            query.push(")");
        }
    }
}

/// `AND` the record (`r`) has this exact address: stored as entered, or encrypted and found
/// by its blind index. Each side is a search of its own index (an `OR` would scan).
pub(super) fn push_email_match(
    query: &mut QueryBuilder<'_, Sqlite>,
    email: &str,
    sealing: &Sealing,
) {
    match sealing.index_of(email) {
        None => {
            query.push(" AND r.email = ").push_bind(email.to_owned());
        }
        Some(index) => {
            query
                .push(" AND r.id IN (SELECT id FROM records WHERE organisation_id = ")
                .push_bind(sealing.organisation())
                .push(" AND email = ")
                .push_bind(email.to_owned())
                .push(" UNION ALL SELECT id FROM records WHERE organisation_id = ")
                .push_bind(sealing.organisation())
                .push(" AND email_index = ")
                .push_bind(index)
                .push(")");
        }
    }
}

/// Stores a record's field values (already sealed where their fields say so).
pub(super) async fn write_fields(
    conn: &mut SqliteConnection,
    organisation: OrganisationId,
    id: RecordId,
    stored: &StoredFields,
) -> StoreResult<()> {
    sqlx::query(
        "UPDATE records SET first_name = ?3, last_name = ?4, email = ?5, phone = ?6,
             company = ?7, country = ?8, custom = ?9, email_index = ?10
         WHERE organisation_id = ?1 AND id = ?2",
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

fn select_records<'a>(organisation: OrganisationId) -> QueryBuilder<'a, Sqlite> {
    let mut query = QueryBuilder::new(format!(
        "SELECT {RECORD_COLUMNS} FROM records r JOIN modules m ON m.id = r.module_id \
         WHERE r.organisation_id = "
    ));
    query.push_bind(organisation.0);
    query
}

/// A record's Data Privacy section as stored, read inside a transaction; `None` when there is
/// no such record, it has none, or its module's compliance is off.
pub(super) async fn stored_privacy(
    conn: &mut SqliteConnection,
    organisation: OrganisationId,
    id: RecordId,
) -> StoreResult<Option<DataPrivacy>> {
    Ok(stored_sections(conn, organisation, &[id])
        .await?
        .remove(&id))
}

/// The Data Privacy sections of the organisation's `ids` as stored, read inside a transaction;
/// records without one (or whose module's compliance is off, or that do not exist) are left out.
pub(super) async fn stored_sections(
    conn: &mut SqliteConnection,
    organisation: OrganisationId,
    ids: &[RecordId],
) -> StoreResult<std::collections::HashMap<RecordId, DataPrivacy>> {
    let mut sections = std::collections::HashMap::new();
    for ids in ids.chunks(ROWS_PER_STATEMENT) {
        let mut query = QueryBuilder::<Sqlite>::new(format!(
            "SELECT {PRIVACY_COLUMNS} FROM records r JOIN modules m ON m.id = r.module_id \
             WHERE m.compliance_enabled = 1 AND r.organisation_id = "
        ));
        query.push_bind(organisation.0).push(" AND r.id IN (");
        let mut list = query.separated(", ");
        for id in ids {
            list.push_bind(id.0);
        }
        query.push(")");
        let rows: Vec<PrivacyRow> = query.build_query_as().fetch_all(&mut *conn).await?;
        for row in rows {
            if let Some(privacy) = row.section()? {
                sections.insert(RecordId(row.id), privacy);
            }
        }
    }
    Ok(sections)
}

pub(super) async fn load_record(
    conn: &mut SqliteConnection,
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
    conn: &mut SqliteConnection,
    organisation: OrganisationId,
    id: ModuleId,
) -> StoreResult<Option<Module>> {
    let row: Option<(Uuid, String, String, bool, bool, i64)> = sqlx::query_as(
        "SELECT m.id, m.key, m.name, m.builtin, m.compliance_enabled,
                (SELECT COUNT(*) FROM records r
                     WHERE r.organisation_id = m.organisation_id AND r.module_id = m.id)
         FROM modules m WHERE m.organisation_id = ?1 AND m.id = ?2",
    )
    .bind(organisation.0)
    .bind(id.0)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(module_from))
}

fn module_from(
    (id, key, name, builtin, enabled, count): (Uuid, String, String, bool, bool, i64),
) -> Module {
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
    date: Option<String>,
    through: Option<String>,
    contact_through: String,
    remarks: Option<String>,
    mail_sent_at: Option<Millis>,
    stop_processing: bool,
}

impl PrivacyColumns {
    fn of(privacy: Option<&DataPrivacy>) -> PrivacyColumns {
        let consent = privacy.and_then(|p| p.consent.as_ref());
        PrivacyColumns {
            basis: privacy.map(|p| p.basis.code()),
            lawful_reason: privacy.and_then(|p| p.lawful_reason.clone()),
            status: consent.map(|c| c.status.code()),
            date: consent.and_then(|c| c.date).map(|d| d.to_string()),
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
            mail_sent_at: consent.and_then(|c| c.mail_sent_at).map(Millis),
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
    conn: &mut SqliteConnection,
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
    conn: &mut SqliteConnection,
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

async fn update_sections(conn: &mut SqliteConnection, rows: &[SectionRow<'_>]) -> StoreResult<()> {
    for rows in rows.chunks(ROWS_PER_STATEMENT) {
        let mut query = QueryBuilder::<Sqlite>::new(
            "WITH v(organisation_id, id, legal_basis, lawful_reason, consent_status, consent_date,
                    consent_through, contact_through, consent_remarks, mail_sent_at,
                    stop_processing, updated_at, updated_through, updated_by, updated_detail) AS (",
        );
        query.push_values(rows, |mut row, section| {
            let columns = PrivacyColumns::of(Some(section.privacy));
            row.push_bind(section.organisation.0)
                .push_bind(section.record.0)
                .push_bind(columns.basis)
                .push_bind(columns.lawful_reason)
                .push_bind(columns.status)
                .push_bind(columns.date)
                .push_bind(columns.through)
                .push_bind(columns.contact_through)
                .push_bind(columns.remarks)
                .push_bind(columns.mail_sent_at)
                .push_bind(columns.stop_processing)
                .push_bind(millis(section.source.at))
                .push_bind(code(&section.source.through))
                .push_bind(section.source.by.clone())
                .push_bind(section.source.detail.clone());
        });
        query.push(
            ") UPDATE records SET legal_basis = v.legal_basis, lawful_reason = v.lawful_reason,
                 consent_status = v.consent_status, consent_date = v.consent_date,
                 consent_through = v.consent_through, contact_through = v.contact_through,
                 consent_remarks = v.consent_remarks, mail_sent_at = v.mail_sent_at,
                 stop_processing = v.stop_processing, updated_at = v.updated_at,
                 updated_through = v.updated_through, updated_by = v.updated_by,
                 updated_detail = v.updated_detail
             FROM v WHERE records.organisation_id = v.organisation_id AND records.id = v.id",
        );
        query.build().execute(&mut *conn).await?;
    }
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
    conn: &mut SqliteConnection,
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
    conn: &mut SqliteConnection,
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

async fn insert_events(conn: &mut SqliteConnection, rows: &[EventRow<'_>]) -> StoreResult<()> {
    for rows in rows.chunks(ROWS_PER_STATEMENT) {
        QueryBuilder::<Sqlite>::new(
            "INSERT INTO privacy_events (organisation_id, record_id, at, actor, source,
                 before_basis, after_basis, before_status, after_status, detail, lawful_reason,
                 evidence, given) ",
        )
        .push_values(rows, |mut row, event| {
            let EventRow {
                organisation,
                record,
                change,
                source,
            } = event;
            row.push_bind(organisation.0)
                .push_bind(record.0)
                .push_bind(millis(source.at))
                .push_bind(source.by.clone())
                .push_bind(code(&source.through))
                .push_bind(change.before_basis.map(LegalBasis::code))
                .push_bind(change.after_basis.code())
                .push_bind(change.before_status.map(ConsentStatus::code))
                .push_bind(change.after_status.map(ConsentStatus::code))
                .push_bind(source.detail.clone())
                .push_bind(change.lawful_reason.clone())
                .push_bind(change.evidence.clone())
                .push_bind(given_json(change));
        })
        .build()
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Inserts records with their Data Privacy columns and creation events, in multi-row
/// statements: one round trip per thousand records instead of two per record. Returns the new
/// ids, or `None` (writing nothing) when a module is not the organisation's.
pub(super) async fn insert_batch(
    tx: &mut SqliteConnection,
    sealing: &Sealing,
    organisation: OrganisationId,
    records: &[RecordWrite],
    import: Option<Uuid>,
) -> StoreResult<Option<Vec<RecordId>>> {
    let mut modules: Vec<ModuleId> = records.iter().map(|r| r.module).collect();
    modules.sort();
    modules.dedup();
    for module in modules {
        let owned: Option<(i64,)> =
            sqlx::query_as("SELECT 1 FROM modules WHERE id = ?1 AND organisation_id = ?2")
                .bind(module.0)
                .bind(organisation.0)
                .fetch_optional(&mut *tx)
                .await?;
        if owned.is_none() {
            return Ok(None);
        }
    }
    // Multi-row statements: one round trip per chunk instead of two per record. 27 bound
    // values per record stays under SQLite's 32,766-variable limit at 1,000 records.
    let ids: Vec<RecordId> = records.iter().map(|_| RecordId(Uuid::now_v7())).collect();
    for (chunk, chunk_ids) in records
        .chunks(ROWS_PER_STATEMENT)
        .zip(ids.chunks(ROWS_PER_STATEMENT))
    {
        let mut insert = QueryBuilder::<Sqlite>::new(
            "INSERT INTO records (id, organisation_id, module_id, first_name, last_name, \
             email, phone, company, country, legal_basis, lawful_reason, consent_status, \
             consent_date, consent_through, contact_through, consent_remarks, created_at, \
             created_through, created_by, created_detail, updated_at, updated_through, \
             updated_by, updated_detail, custom, email_index, import_id) ",
        );
        insert.push_values(chunk.iter().zip(chunk_ids), |mut row, (record, id)| {
            let f = sealing.seal_fields(id.0, record.module.0, &record.fields);
            let source = &record.source;
            let columns = PrivacyColumns::of(record.privacy.as_ref());
            row.push_bind(id.0)
                .push_bind(organisation.0)
                .push_bind(record.module.0)
                .push_bind(f.first_name)
                .push_bind(f.last_name)
                .push_bind(f.email)
                .push_bind(f.phone)
                .push_bind(f.company)
                .push_bind(f.country)
                .push_bind(columns.basis)
                .push_bind(columns.lawful_reason)
                .push_bind(columns.status)
                .push_bind(columns.date)
                .push_bind(columns.through)
                .push_bind(columns.contact_through)
                .push_bind(columns.remarks)
                .push_bind(millis(source.at))
                .push_bind(code(&source.through))
                .push_bind(source.by.clone())
                .push_bind(source.detail.clone())
                .push_bind(millis(source.at))
                .push_bind(code(&source.through))
                .push_bind(source.by.clone())
                .push_bind(source.detail.clone())
                .push_bind(f.custom)
                .push_bind(f.email_index)
                .push_bind(import);
        });
        insert.build().execute(&mut *tx).await?;
        let events: Vec<EventRow<'_>> = chunk
            .iter()
            .zip(chunk_ids)
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
    }
    Ok(Some(ids))
}

#[async_trait]
impl RecordStore for SqliteStore {
    async fn refresh_statistics(&self) -> StoreResult<()> {
        // Analyses only tables whose statistics are missing or stale, sampling at most
        // `analysis_limit` rows per index (set on every connection).
        sqlx::query("PRAGMA optimize").execute(&self.pool).await?;
        Ok(())
    }

    async fn modules(&self, organisation: OrganisationId) -> StoreResult<Vec<Module>> {
        let rows: Vec<(Uuid, String, String, bool, bool, i64)> = sqlx::query_as(
            "SELECT m.id, m.key, m.name, m.builtin, m.compliance_enabled,
                    (SELECT COUNT(*) FROM records r
                     WHERE r.organisation_id = m.organisation_id AND r.module_id = m.id)
             FROM modules m WHERE m.organisation_id = ?1 ORDER BY m.builtin DESC, m.created_at, m.key",
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
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        sqlx::query(
            "INSERT INTO modules (id, organisation_id, key, name, builtin, created_at)
             VALUES (?1, ?2, ?3, ?4, 0, ?5)",
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
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        let updated = sqlx::query(
            "UPDATE modules SET compliance_enabled = ?3 WHERE organisation_id = ?1 AND id = ?2",
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
                 WHERE organisation_id = ?2 AND module_id = ?1 AND legal_basis IS NULL",
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
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
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
    ) -> StoreResult<std::collections::HashSet<String>> {
        if emails.is_empty() {
            return Ok(Default::default());
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
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
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
        // Keyset paging: every order ends in the unique id, so a page starts exactly after
        // the previous one, however many rows are inserted meanwhile.
        match (sort, after) {
            (RecordSort::Newest, Some(p)) => {
                query.push(" AND r.id < ").push_bind(p.id.0);
            }
            (RecordSort::Oldest, Some(p)) => {
                query.push(" AND r.id > ").push_bind(p.id.0);
            }
            // SQLite sorts NULL first; after a NULL name come the other NULLs by id, then
            // every named record.
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
                    .push(" AND (r.last_name > ")
                    .push_bind(name.clone())
                    .push(" OR (r.last_name = ")
                    .push_bind(name.clone())
                    .push(" AND r.id > ")
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
                    .push(" AND (r.last_name IS NULL OR r.last_name < ")
                    .push_bind(name.clone())
                    .push(" OR (r.last_name = ")
                    .push_bind(name.clone())
                    .push(" AND r.id < ")
                    .push_bind(id.0)
                    .push("))");
            }
            (_, None) => {}
        }
        query.push(match sort {
            RecordSort::Newest => " ORDER BY r.id DESC",
            RecordSort::Oldest => " ORDER BY r.id ASC",
            RecordSort::LastName => " ORDER BY r.last_name ASC, r.id ASC",
            RecordSort::LastNameDesc => " ORDER BY r.last_name DESC, r.id DESC",
        });
        query.push(" LIMIT ").push_bind(limit);
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
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        let module: Option<(Uuid,)> =
            sqlx::query_as("SELECT module_id FROM records WHERE organisation_id = ?1 AND id = ?2")
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
            "UPDATE records SET updated_at = ?3, updated_through = ?4, updated_by = ?5,
                 updated_detail = ?6
             WHERE organisation_id = ?1 AND id = ?2",
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
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        // A record under a legal hold is kept until the hold is lifted.
        let held: Option<(i32,)> = sqlx::query_as(
            "SELECT 1 FROM record_retention WHERE organisation_id = ?1 AND record_id = ?2
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
        let deleted = sqlx::query("DELETE FROM records WHERE organisation_id = ?1 AND id = ?2")
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
            "UPDATE outbox SET status = 'failed', detail = ?3, next_attempt_at = NULL
             WHERE organisation_id = ?1 AND record_id = ?2 AND status = 'queued'",
        )
        .bind(organisation.0)
        .bind(id.0)
        .bind(consentry_model::notes::DeliveryNote::RecordDeleted.english())
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "UPDATE consent_links SET revoked_at = ?3
             WHERE organisation_id = ?1 AND record_id = ?2 AND revoked_at IS NULL",
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
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
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
        type Row = (
            u64,
            Millis,
            String,
            String,
            Option<String>,
            String,
            Option<String>,
            Option<String>,
            Option<String>,
            Option<String>,
            Option<String>,
            Option<String>,
        );
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT id, at, actor, source, before_basis, after_basis, before_status,
                    after_status, detail, lawful_reason, evidence, given
             FROM privacy_events WHERE organisation_id = ?1 AND record_id = ?2 ORDER BY id",
        )
        .bind(organisation.0)
        .bind(record.0)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(
                |(
                    id,
                    at,
                    actor,
                    source,
                    before_basis,
                    after_basis,
                    before_status,
                    after_status,
                    detail,
                    lawful_reason,
                    evidence,
                    given,
                )| {
                    Ok(PrivacyEvent {
                        id,
                        given: given
                            .map(|g| {
                                serde_json::from_str(&g)
                                    .map_err(|_| corrupt("privacy_events.given", g))
                            })
                            .transpose()?,
                        at: at.0,
                        actor,
                        source: from_code::<SourceKind>("privacy_events.source", &source)?,
                        before_basis: before_basis
                            .map(|b| from_code("privacy_events.before_basis", &b))
                            .transpose()?,
                        after_basis: from_code("privacy_events.after_basis", &after_basis)?,
                        before_status: before_status
                            .map(|s| from_code("privacy_events.before_status", &s))
                            .transpose()?,
                        after_status: after_status
                            .map(|s| from_code("privacy_events.after_status", &s))
                            .transpose()?,
                        detail,
                        lawful_reason,
                        evidence,
                    })
                },
            )
            .collect()
    }

    async fn privacy_changes_per_quarter(
        &self,
        organisation: OrganisationId,
        since: chrono::DateTime<Utc>,
    ) -> StoreResult<Vec<(chrono::DateTime<Utc>, u64)>> {
        let rows: Vec<(i64, i64)> = sqlx::query_as(
            "SELECT quarter, n FROM privacy_event_quarters
             WHERE organisation_id = ?1 AND quarter >= ?2 ORDER BY quarter",
        )
        .bind(organisation.0)
        .bind(since.timestamp().div_euclid(QUARTER_SECONDS))
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|(quarter, n)| {
                let start = chrono::DateTime::from_timestamp(quarter * QUARTER_SECONDS, 0)
                    .ok_or_else(|| {
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
        let rows: Vec<(Uuid, String, String, i64)> = sqlx::query_as(
            "SELECT c.module_id, c.legal_basis, c.consent_status, c.n
             FROM privacy_counts c JOIN modules m ON m.id = c.module_id
             WHERE c.organisation_id = ?1 AND m.compliance_enabled = 1 AND c.n > 0",
        )
        .bind(organisation.0)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|(module, basis, status, n)| {
                let status = if status.is_empty() {
                    None
                } else {
                    Some(from_code("privacy_counts.consent_status", &status)?)
                };
                Ok((
                    ModuleId(module),
                    from_code("privacy_counts.legal_basis", &basis)?,
                    status,
                    n.unsigned_abs(),
                ))
            })
            .collect()
    }
}

/// Which of these addresses a record of the module already has (lower-cased), whether stored
/// as entered or encrypted (found by the blind index), as `conn` reads them.
pub(super) async fn existing_emails_in(
    conn: &mut SqliteConnection,
    sealing: &Sealing,
    organisation: OrganisationId,
    module: ModuleId,
    emails: &[Email],
) -> StoreResult<std::collections::HashSet<String>> {
    let mut found = std::collections::HashSet::new();
    if emails.is_empty() {
        return Ok(found);
    }
    let wanted: Vec<String> = emails.iter().map(|e| e.as_str().to_lowercase()).collect();
    // One index search per address, whatever the planner's statistics say (without them
    // it would walk the organisation's records).
    let plain: Vec<(String,)> = sqlx::query_as(
        "SELECT lower(r.email) FROM json_each(?3) AS j
         CROSS JOIN records AS r INDEXED BY records_by_email
             ON r.organisation_id = ?1 AND r.email = j.value
         WHERE r.module_id = ?2",
    )
    .bind(organisation.0)
    .bind(module.0)
    .bind(serde_json::to_string(&wanted).unwrap_or_else(|_| "[]".into()))
    .fetch_all(&mut *conn)
    .await?;
    found.extend(plain.into_iter().map(|(e,)| e));
    let indexes: Vec<(Vec<u8>, &String)> = wanted
        .iter()
        .filter_map(|e| sealing.index_of(e).map(|index| (index, e)))
        .collect();
    for chunk in indexes.chunks(ROWS_PER_STATEMENT) {
        let mut query = QueryBuilder::<Sqlite>::new(
            "SELECT email_index FROM records INDEXED BY records_by_email_index
             WHERE organisation_id = ",
        );
        query
            .push_bind(organisation.0)
            .push(" AND module_id = ")
            .push_bind(module.0)
            .push(" AND email_index IN (");
        let mut list = query.separated(", ");
        for (index, _) in chunk {
            list.push_bind(index.clone());
        }
        query.push(")");
        let rows: Vec<(Vec<u8>,)> = query.build_query_as().fetch_all(&mut *conn).await?;
        for (index,) in rows {
            if let Some((_, email)) = chunk.iter().find(|(i, _)| *i == index) {
                found.insert((*email).clone());
            }
        }
    }
    Ok(found)
}

/// A privacy change of the selected records by `rule`, with its audit entry when anything
/// changed, written in `tx` (the caller commits).
pub(super) async fn change_privacy_in(
    tx: &mut SqliteConnection,
    sealing: &Sealing,
    organisation: OrganisationId,
    selection: Selection<'_>,
    rule: PrivacyRule<'_>,
    source: DataSource,
    audit: PrivacyAudit<'_>,
) -> StoreResult<BulkOutcome> {
    let mut query = select_records(organisation);
    // Only where the Data Privacy section is shown can the basis change.
    query.push(" AND m.compliance_enabled = 1");
    push_filter(&mut query, selection.filter, sealing);
    if let Some(id) = selection.only {
        query.push(" AND r.id = ").push_bind(id.0);
    }
    let rows: Vec<RecordRow> = query.build_query_as().fetch_all(&mut *tx).await?;
    if let Some(expected) = selection.confirmed_count
        && expected != rows.len() as u64
    {
        return Ok(BulkOutcome::CountMismatch(rows.len() as u64));
    }
    let (mut changed, mut skipped) = (0u64, 0u64);
    // The last record changed, as found and as left.
    let mut last_change = None;
    for row in &rows {
        let id = RecordId(row.privacy.id);
        let stored = row.privacy.section()?;
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
        write_privacy(&mut *tx, organisation, id, &privacy, &source).await?;
        if let Some(change) = change {
            insert_event(&mut *tx, organisation, id, &change, &source).await?;
        }
        changed += 1;
        last_change = Some((stored, privacy));
    }
    // Anything changed: one audit entry.
    if let Some((before, after)) = &last_change {
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
