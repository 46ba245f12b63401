//! CSV import of records: parse the file, map columns to fields, check every row, write in
//! batches (each batch one transaction), and report progress and per-row errors.

use std::sync::Arc;

use consentry_model::{
    Email, FieldError, ModuleId, OrganisationId,
    fields::{Field, StandardField, guess_field},
    import::{ColumnMapping, ImportId, ImportProgress, ImportState, RowError},
    records::{DataSource, RecordFields, SourceKind, parse_short_text},
};
use uuid::Uuid;

use super::{Error, Result, clock, csv_out, data_privacy, fields::check_record, jobs};
use crate::store::{AuditNote, ImportBatch, JobKind, NewJob, RecordWrite, Store, StoreError};

/// Rows written per transaction: large enough to be fast, small enough that progress moves.
pub const BATCH_ROWS: usize = 2000;
/// Largest CSV file accepted.
pub const MAX_FILE_BYTES: usize = 25 * 1024 * 1024;
/// Row errors kept for the report (the count covers all).
const MAX_REPORTED_ERRORS: usize = 1000;

/// A parsed CSV file: its header and data rows with their row numbers.
#[derive(Debug, Clone)]
pub struct CsvFile {
    /// Column headers (first row).
    pub headers: Vec<String>,
    /// Data rows: row number (header = 1) and the cells.
    pub rows: Vec<(u64, Vec<String>)>,
}

fn bad_file(message: impl Into<String>) -> Error {
    Error::BadFile(message.into())
}

/// Parses CSV bytes: UTF-8 (a byte-order mark is fine), comma- or semicolon-separated (Dutch
/// spreadsheets write semicolons), first row the header. A cell an export neutralised
/// (`'=…`) reads back as it was.
pub fn parse(bytes: &[u8]) -> Result<CsvFile> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        bad_file(format!(
            "The file is not UTF-8 text (first bad byte at position {}). Save it as \
             \"CSV UTF-8\" and upload it again.",
            e.valid_up_to()
        ))
    })?;
    let first_line = text.lines().next().unwrap_or_default();
    let delimiter = if first_line.matches(';').count() > first_line.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| bad_file(format!("The first row cannot be read: {e}")))?
        .iter()
        .map(|h| h.trim().to_owned())
        .collect();
    if headers.iter().all(String::is_empty) {
        return Err(bad_file(
            "The file is empty: the first row must name the columns.",
        ));
    }
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let row = i as u64 + 2;
        let record = record.map_err(|e| bad_file(format!("Row {row} cannot be read: {e}")))?;
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        rows.push((
            row,
            record
                .iter()
                .map(|cell| csv_out::restore(cell).to_owned())
                .collect(),
        ));
    }
    Ok(CsvFile { headers, rows })
}

/// A CSV column (by position) and the module field it fills.
pub type Columns = Vec<(usize, Field)>;

/// Resolves the mapping to column positions and fields of the module; an empty mapping is
/// guessed from the headers.
pub fn resolve(file: &CsvFile, mapping: &ColumnMapping, fields: &[Field]) -> Result<Columns> {
    let resolved: Columns = if mapping.columns.is_empty() {
        file.headers
            .iter()
            .enumerate()
            .filter_map(|(i, h)| guess_field(h, fields).map(|f| (i, f.clone())))
            .collect()
    } else {
        mapping
            .columns
            .iter()
            .enumerate()
            .map(|(n, m)| {
                let i = file
                    .headers
                    .iter()
                    .position(|h| *h == m.column.trim())
                    .ok_or_else(|| bad_file(format!("The file has no column \"{}\".", m.column)))?;
                let field =
                    fields
                        .iter()
                        .find(|f| f.key == m.field)
                        .ok_or_else(|| Error::Invalid {
                            field: format!("mapping.columns[{n}].field"),
                            error: FieldError::UnknownField,
                        })?;
                Ok((i, field.clone()))
            })
            .collect::<Result<_>>()?
    };
    if let Some((_, dup)) = resolved
        .iter()
        .find(|(_, f)| resolved.iter().filter(|(_, g)| g.key == f.key).count() > 1)
    {
        return Err(bad_file(format!(
            "Two columns fill the field {}; map each field once.",
            dup.label
        )));
    }
    if !resolved.iter().any(|(_, f)| {
        f.standard && StandardField::from_key(&f.key).is_some_and(StandardField::identifies)
    }) {
        return Err(bad_file(
            "Map at least one column to first name, last name or e-mail address, so every \
             record identifies its data subject.",
        ));
    }
    if let Some(required) = fields
        .iter()
        .find(|f| f.required && !resolved.iter().any(|(_, g)| g.key == f.key))
    {
        return Err(bad_file(format!(
            "The field {} is required in this module: map a column to it.",
            required.label
        )));
    }
    Ok(resolved)
}

/// Turns one row into record fields, or says which column is wrong.
pub fn row_fields(
    headers: &[String],
    fields: &[Field],
    columns: &[(usize, Field)],
    row: u64,
    cells: &[String],
) -> std::result::Result<RecordFields, RowError> {
    if cells.len() != headers.len() {
        return Err(RowError {
            row,
            column: None,
            reason: format!(
                "The row has {} cells where the header has {} columns.",
                cells.len(),
                headers.len()
            ),
        });
    }
    let mut record = RecordFields::default();
    let fail = |i: usize, e: FieldError| RowError {
        row,
        column: headers.get(i).cloned(),
        reason: e.to_string(),
    };
    for (i, field) in columns {
        let cell = cells.get(*i).map(String::as_str).unwrap_or_default();
        let Some(standard) = StandardField::from_key(&field.key).filter(|_| field.standard) else {
            if let Some(value) = field.parse_text(cell).map_err(|e| fail(*i, e))? {
                record.custom.insert(field.key.clone(), value);
            }
            continue;
        };
        if standard == StandardField::Email {
            if !cell.trim().is_empty() {
                record.email = Some(Email::parse(cell).map_err(|e| fail(*i, e))?);
            }
            continue;
        }
        let value = parse_short_text(cell).map_err(|e| fail(*i, e))?;
        match standard {
            StandardField::FirstName => record.first_name = value,
            StandardField::LastName => record.last_name = value,
            StandardField::Phone => record.phone = value,
            StandardField::Company => record.company = value,
            StandardField::Country => record.country = value,
            StandardField::Email => {}
        }
    }
    check_record(fields, record).map_err(|(path, e)| {
        let key = path.rsplit('.').next().unwrap_or_default();
        let column = columns
            .iter()
            .find(|(_, f)| f.key == key)
            .and_then(|(i, _)| headers.get(*i).cloned());
        RowError {
            row,
            column,
            reason: e.to_string(),
        }
    })
}

/// Who imports what where.
#[derive(Debug, Clone)]
pub struct ImportRequest {
    /// The organisation.
    pub organisation: OrganisationId,
    /// The target module.
    pub module: ModuleId,
    /// The file's name, recorded as the data source.
    pub file_name: String,
    /// Who imports (display name, for data sources).
    pub actor_name: String,
    /// Who imports (e-mail, for the audit trail).
    pub actor_email: String,
}

/// A checked import, kept as a running job and ready to run.
#[derive(Debug)]
pub struct Prepared {
    /// The job as kept (state Running, nothing processed).
    pub progress: ImportProgress,
    file: CsvFile,
    fields: Vec<Field>,
    columns: Columns,
    compliance_enabled: bool,
    suppressed: Suppressed,
}

/// The addresses erased before, as keyed hashes, to keep out of an import.
#[derive(Debug, Default)]
struct Suppressed {
    key: [u8; 32],
    hashes: std::collections::HashSet<[u8; 32]>,
}

impl Suppressed {
    fn contains(&self, email: &Email) -> bool {
        !self.hashes.is_empty()
            && self
                .hashes
                .contains(&super::erasure::keyed_hash(&self.key, email.as_str()))
    }
}

/// A job just started on `file`, nothing processed yet.
fn running(
    id: ImportId,
    file_name: String,
    file: &CsvFile,
    started_at: Option<chrono::DateTime<chrono::Utc>>,
    started_by: Option<String>,
) -> ImportProgress {
    ImportProgress {
        id,
        file_name,
        state: ImportState::Running,
        total: file.rows.len() as u64,
        processed: 0,
        imported: 0,
        errors: Vec::new(),
        error_count: 0,
        handled_through_row: None,
        started_at,
        finished_at: None,
        started_by,
        interruption: None,
    }
}

/// Checks the request and file, keeps the job, and returns it with the work to run.
pub async fn prepare(
    store: &dyn Store,
    request: &ImportRequest,
    bytes: &[u8],
    mapping: &ColumnMapping,
) -> Result<Prepared> {
    // The rule it broke, not always "empty": a name too long or with a hidden character says so.
    let file_name = parse_short_text(&request.file_name)
        .and_then(|name| name.ok_or(FieldError::Empty))
        .map_err(|error| Error::Invalid {
            field: "file_name".into(),
            error,
        })?;
    let module = store
        .modules(request.organisation)
        .await?
        .into_iter()
        .find(|m| m.id == request.module);
    let (Some(module), Some(fields)) = (
        module,
        store.fields(request.organisation, request.module).await?,
    ) else {
        return Err(Error::Invalid {
            field: "module".into(),
            error: FieldError::NotAllowed,
        });
    };
    let file = parse(bytes)?;
    let columns = resolve(&file, mapping, &fields)?;
    let hashes: std::collections::HashSet<_> = store
        .suppressions(request.organisation)
        .await?
        .into_iter()
        .collect();
    let suppressed = if hashes.is_empty() {
        Suppressed::default()
    } else {
        Suppressed {
            key: store.hash_key(request.organisation).await?,
            hashes,
        }
    };
    let started_at = clock::now();
    let id = ImportId(Uuid::now_v7());
    store
        .start_job(
            request.organisation,
            NewJob {
                id: id.0,
                kind: JobKind::Import,
                total: file.rows.len() as u64,
                file_name: Some(file_name.clone()),
                module: Some(request.module),
                started_by: request.actor_email.clone(),
                started_at,
            },
        )
        .await?;
    let progress = running(
        id,
        file_name,
        &file,
        Some(started_at),
        Some(request.actor_email.clone()),
    );
    Ok(Prepared {
        progress,
        file,
        fields,
        columns,
        compliance_enabled: module.compliance_enabled,
        suppressed,
    })
}

impl Prepared {
    /// What a batch of the file's rows comes to before duplicates are looked for: the records
    /// to write, by row, and each row refused with why (a wrong cell, an erased address).
    fn batch(
        &self,
        chunk: &[(u64, Vec<String>)],
        module: ModuleId,
        source: &DataSource,
    ) -> (Vec<(u64, RecordWrite)>, Vec<RowError>) {
        let mut writes = Vec::with_capacity(chunk.len());
        let mut errors = Vec::new();
        for (row, cells) in chunk {
            match row_fields(&self.file.headers, &self.fields, &self.columns, *row, cells) {
                // Flagged, not imported: this person had their data erased.
                Ok(fields)
                    if fields
                        .email
                        .as_ref()
                        .is_some_and(|e| self.suppressed.contains(e)) =>
                {
                    errors.push(RowError {
                        row: *row,
                        column: None,
                        reason: "This address was erased on the data subject's request \
                                 (suppression list); the row was not imported."
                            .into(),
                    });
                }
                Ok(fields) => writes.push((
                    *row,
                    RecordWrite {
                        module,
                        fields,
                        // Imported records start without a basis decision (Not Applicable).
                        privacy: self.compliance_enabled.then(data_privacy::not_applicable),
                        change: None,
                        source: source.clone(),
                    },
                )),
                Err(e) => errors.push(e),
            }
        }
        (writes, errors)
    }
}

/// The rows of a file kept so far, by lower-case e-mail address.
type FirstRows = std::collections::HashMap<String, u64>;

/// Leaves out the rows whose address a record of the module already has (`existing`,
/// lower-case), or an earlier row of the file had (`seen`: the earlier batches' addresses and
/// their rows); each is reported, a repeat naming the row it repeats. Returns the rows kept
/// and, by address, where each of their addresses first appeared.
fn without_duplicates(
    writes: Vec<(u64, RecordWrite)>,
    existing: &std::collections::HashSet<String>,
    seen: &FirstRows,
) -> (Vec<RecordWrite>, FirstRows, Vec<RowError>) {
    let mut in_batch = FirstRows::new();
    let mut kept = Vec::with_capacity(writes.len());
    let mut refused = Vec::new();
    for (row, write) in writes {
        let Some(email) = write
            .fields
            .email
            .as_ref()
            .map(|e| e.as_str().to_lowercase())
        else {
            kept.push(write);
            continue;
        };
        let reason = if existing.contains(&email) {
            Some(
                "A record of this module already has this e-mail address; the row was not \
                 imported."
                    .to_owned(),
            )
        } else if let Some(first) = seen.get(&email).or_else(|| in_batch.get(&email)) {
            Some(format!(
                "Row {first} of this file has this e-mail address already; the row was not \
                 imported."
            ))
        } else {
            in_batch.insert(email, row);
            None
        };
        match reason {
            Some(reason) => refused.push(RowError {
                row,
                column: None,
                reason,
            }),
            None => kept.push(write),
        }
    }
    (kept, in_batch, refused)
}

/// How often a batch is sorted again because records with its addresses arrived meanwhile:
/// each time, another import or user wrote some, so a few concurrent imports of one file
/// settle well within this.
const MAX_SORTS: u32 = 16;

/// Writes the rows batch by batch, each batch's records and its counts on the job in one
/// transaction; returns the job as it ended.
#[tracing::instrument(skip_all, fields(organisation = %request.organisation, module = %request.module))]
pub async fn run(
    store: Arc<dyn Store>,
    request: ImportRequest,
    prepared: Prepared,
) -> Option<ImportProgress> {
    let (id, file_name) = (prepared.progress.id, prepared.progress.file_name.clone());
    let mut state = ImportState::Finished;
    // Rows refused so far, listed up to MAX_REPORTED_ERRORS.
    let mut listed = 0usize;
    let (mut imported, mut refused) = (0u64, 0u64);
    // Addresses met earlier in this file: a second row with one is a duplicate too.
    let mut seen = FirstRows::new();
    for chunk in prepared.file.rows.chunks(BATCH_ROWS) {
        let source = DataSource {
            through: SourceKind::Import,
            by: request.actor_name.clone(),
            detail: Some(file_name.clone()),
            at: clock::now(),
        };
        let (writes, errors) = prepared.batch(chunk, request.module, &source);
        let mut attempts = 0;
        // Sorted on the module's addresses as read, written only if still so: should a record
        // with one of them arrive in between, the batch is sorted again.
        let written = loop {
            attempts += 1;
            let emails: Vec<Email> = writes
                .iter()
                .filter_map(|(_, w)| w.fields.email.clone())
                .collect();
            // Without knowing the module's addresses, rows would be imported twice: the job
            // fails instead, with what it imported so far.
            let existing = match store
                .existing_emails(request.organisation, request.module, &emails)
                .await
            {
                Ok(existing) => existing,
                Err(e) => break Err(e),
            };
            let (kept, addresses, duplicates) =
                without_duplicates(writes.clone(), &existing, &seen);
            let mut failures = errors.clone();
            failures.extend(duplicates);
            failures.sort_by_key(|e| e.row);
            let batch_refused = failures.len() as u64;
            failures.truncate(MAX_REPORTED_ERRORS.saturating_sub(listed));
            let reported = failures.len();
            let batch = ImportBatch {
                job: id.0,
                records: kept,
                failures,
                refused: batch_refused,
                rows: chunk.len() as u64,
                through_row: chunk.last().map_or(0, |(row, _)| *row),
            };
            match store.import_batch(request.organisation, batch).await {
                Err(StoreError::Conflict("records.email")) if attempts < MAX_SORTS => continue,
                Ok(n) => break Ok((n, batch_refused, reported, addresses)),
                Err(e) => break Err(e),
            }
        };
        match written {
            Ok((n, batch_refused, reported, addresses)) => {
                imported += n;
                refused += batch_refused;
                listed += reported;
                seen.extend(addresses);
            }
            Err(e) => {
                tracing::error!(error = %e, "import batch failed");
                state = ImportState::Failed;
                break;
            }
        }
    }
    // The job shows as ended only with its audit entry, in one transaction, so whoever sees
    // it ended also finds it in the audit trail.
    let note = AuditNote {
        actor: request.actor_email.clone(),
        action: consentry_model::audit::AuditAction::RecordsImported,
        subject: Some(id.to_string()),
        before: None,
        after: Some(serde_json::json!({
            "file_name": file_name,
            "module": request.module,
            "imported": imported,
            "refused": refused,
            "state": state,
        })),
    };
    if let Err(e) = store
        .end_job(request.organisation, id.0, state, Some(note))
        .await
    {
        tracing::error!(error = %e, "could not end an import");
    }
    // Thousands of new rows can change which index suits a list best.
    if let Err(e) = store.refresh_statistics().await {
        tracing::warn!(error = %e, "could not refresh query statistics");
    }
    jobs::import(store.as_ref(), request.organisation, id)
        .await
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use consentry_model::{
        FieldId,
        fields::{FieldKind, Personal},
        import::MappedColumn,
    };

    fn field(key: &str, label: &str, kind: FieldKind, standard: bool) -> Field {
        Field {
            id: FieldId(Uuid::now_v7()),
            key: key.into(),
            label: label.into(),
            kind,
            options: Vec::new(),
            required: false,
            standard,
            personal: Personal::NotPersonal,
            encryption: consentry_model::fields::FieldEncryption::Off,
            excluded_from: Vec::new(),
        }
    }

    fn standard_fields() -> Vec<Field> {
        StandardField::ALL
            .into_iter()
            .map(|f| field(f.key(), f.key(), f.kind(), true))
            .collect()
    }

    /// A prepared import of `csv` into the standard fields, with `erased` on the suppression
    /// list.
    fn prepared(csv: &[u8], erased: &str) -> Prepared {
        let fields = standard_fields();
        let file = parse(csv).expect("parses");
        let columns = resolve(&file, &ColumnMapping::default(), &fields).expect("guessed");
        let key = [3u8; 32];
        Prepared {
            progress: running(ImportId(Uuid::nil()), "leads.csv".into(), &file, None, None),
            file,
            fields,
            columns,
            compliance_enabled: true,
            suppressed: Suppressed {
                key,
                hashes: [super::super::erasure::keyed_hash(&key, erased)].into(),
            },
        }
    }

    #[test]
    fn a_batch_refuses_erased_addresses_and_duplicates_row_by_row() {
        let prepared = prepared(
            b"E-mail,Last name
a@example.org,Aa
Erased@Example.org,Bb
c@example.org,Cc
A@example.org,Dd
d@example.org
e@example.org,Ee
",
            "erased@example.org",
        );
        let source = DataSource {
            through: SourceKind::Import,
            by: "Ada".into(),
            detail: Some("leads.csv".into()),
            at: chrono::DateTime::UNIX_EPOCH,
        };
        let module = ModuleId(Uuid::nil());
        let (writes, errors) = prepared.batch(&prepared.file.rows[..4], module, &source);
        assert_eq!(
            writes.iter().map(|(row, _)| *row).collect::<Vec<_>>(),
            [2, 4, 5]
        );
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].row, 3);
        assert!(errors[0].reason.contains("suppression list"), "{errors:?}");
        assert!(
            writes
                .iter()
                .all(|(_, w)| w.privacy.is_some() && w.module == module),
            "imported with Not Applicable into the module"
        );
        // c@ is in the module already; A@ repeats row 2 in other capitals.
        let existing = ["c@example.org".to_owned()].into();
        let (kept, first_rows, duplicates) =
            without_duplicates(writes, &existing, &Default::default());
        assert_eq!(kept.len(), 1);
        assert_eq!(first_rows.get("a@example.org"), Some(&2));
        assert_eq!(duplicates.iter().map(|e| e.row).collect::<Vec<_>>(), [4, 5]);
        assert!(duplicates[0].reason.contains("already has"));
        assert!(
            duplicates[1].reason.starts_with("Row 2 of this file"),
            "{duplicates:?}"
        );
        // The next batch knows the earlier batches' addresses; a short row is refused by its
        // cell count.
        let (writes, errors) = prepared.batch(&prepared.file.rows[4..], module, &source);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].row, 6);
        let earlier = [("e@example.org".to_owned(), 3)].into();
        let (kept, _, duplicates) = without_duplicates(writes, &Default::default(), &earlier);
        assert_eq!((kept.len(), duplicates.len()), (0, 1));
        assert!(duplicates[0].reason.starts_with("Row 3 of this file"));
    }

    #[test]
    fn custom_columns_are_guessed_by_label_and_checked_by_kind() {
        let mut fields = standard_fields();
        let mut member = field("member_since", "Member since", FieldKind::Date, false);
        member.required = true;
        fields.push(member);
        let file = parse(
            b"E-mail,Member since
a@example.org,25-05-2018
b@example.org,soon
",
        )
        .expect("parses");
        let columns = resolve(&file, &ColumnMapping::default(), &fields).expect("guessed");
        assert_eq!(columns[1].1.key, "member_since");
        let first =
            row_fields(&file.headers, &fields, &columns, 2, &file.rows[0].1).expect("valid row");
        assert_eq!(
            first.custom["member_since"],
            consentry_model::fields::FieldValue::Text("2018-05-25".into())
        );
        let second = row_fields(&file.headers, &fields, &columns, 3, &file.rows[1].1)
            .expect_err("not a date");
        assert_eq!(second.column.as_deref(), Some("Member since"));

        let without = parse(
            b"E-mail
a@example.org
",
        )
        .expect("parses");
        assert!(
            matches!(resolve(&without, &ColumnMapping::default(), &fields), Err(Error::BadFile(m)) if m.contains("Member since"))
        );
    }

    #[test]
    fn a_file_an_export_wrote_reads_back_with_its_values_as_they_were() {
        use consentry_model::exports::CsvSeparator;
        for separator in CsvSeparator::ALL {
            let mut writer =
                csv_out::CsvWriter::new(separator, &["first_name", "last_name"]).expect("header");
            writer.row(["=Jan", "-Jansen; jr."]).expect("row");
            writer.row(["'Brien", "O'Brien"]).expect("row");
            let file = parse(&writer.finish().expect("file")).expect("parses");
            assert_eq!(file.headers, ["first_name", "last_name"]);
            assert_eq!(
                file.rows,
                vec![
                    (2, vec!["=Jan".into(), "-Jansen; jr.".into()]),
                    (3, vec!["'Brien".into(), "O'Brien".into()]),
                ],
                "{separator:?}"
            );
        }
    }

    #[test]
    fn semicolons_a_byte_order_mark_and_quoted_cells_are_understood() {
        let file = parse(
            "\u{feff}Voornaam;Achternaam;E-mail\nJan;\"Jansen; jr.\";jan@example.nl\n".as_bytes(),
        )
        .expect("parses");
        assert_eq!(file.headers, ["Voornaam", "Achternaam", "E-mail"]);
        assert_eq!(
            file.rows,
            vec![(
                2,
                vec!["Jan".into(), "Jansen; jr.".into(), "jan@example.nl".into()]
            )]
        );
        let columns =
            resolve(&file, &ColumnMapping::default(), &standard_fields()).expect("guessed");
        assert_eq!(
            columns
                .iter()
                .map(|(i, f)| (*i, f.key.as_str()))
                .collect::<Vec<_>>(),
            [(0, "first_name"), (1, "last_name"), (2, "email")]
        );
    }

    #[test]
    fn a_file_that_is_not_utf8_is_refused_with_what_to_do() {
        let latin1 = b"Name,Email\nJos\xe9,jose@example.org\n";
        match parse(latin1) {
            Err(Error::BadFile(message)) => assert!(message.contains("CSV UTF-8"), "{message}"),
            other => panic!("expected a bad file, got {other:?}"),
        }
    }

    #[test]
    fn a_mapping_to_a_missing_column_or_without_a_name_is_refused() {
        let file = parse(b"Name,Email\nJan,jan@example.nl\n").expect("parses");
        let missing = ColumnMapping {
            columns: vec![MappedColumn {
                column: "Mail".into(),
                field: "email".into(),
            }],
        };
        let fields = standard_fields();
        assert!(matches!(
            resolve(&file, &missing, &fields),
            Err(Error::BadFile(_))
        ));
        let company_only = ColumnMapping {
            columns: vec![MappedColumn {
                column: "Name".into(),
                field: "company".into(),
            }],
        };
        assert!(matches!(
            resolve(&file, &company_only, &fields),
            Err(Error::BadFile(_))
        ));
        let unknown = ColumnMapping {
            columns: vec![MappedColumn {
                column: "Name".into(),
                field: "shoe_size".into(),
            }],
        };
        assert!(matches!(
            resolve(&file, &unknown, &fields),
            Err(Error::Invalid { field, .. }) if field == "mapping.columns[0].field"
        ));
    }

    #[test]
    fn row_errors_name_the_row_and_column() {
        let file = parse(b"Last name,Email\nJansen,not-an-address\nPiet\n,\n,x@example.org\n")
            .expect("parses");
        let fields = standard_fields();
        let columns = resolve(&file, &ColumnMapping::default(), &fields).expect("guessed");
        let results: Vec<_> = file
            .rows
            .iter()
            .map(|(row, cells)| row_fields(&file.headers, &fields, &columns, *row, cells))
            .collect();
        let bad_email = results[0].clone().expect_err("bad e-mail");
        assert_eq!(
            (bad_email.row, bad_email.column.as_deref()),
            (2, Some("Email"))
        );
        let short = results[1].clone().expect_err("too few cells");
        assert_eq!((short.row, short.column), (3, None));
        // The blank row 4 is skipped; row 5 has only an e-mail address, which identifies.
        assert_eq!(file.rows.len(), 3);
        assert!(results[2].is_ok());
    }
}
