//! CSV import of records: parse the file, map columns to fields, check every row, write in
//! batches (each batch one transaction), and report progress and per-row errors.

use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
};

use chrono::Utc;
use consentry_model::{
    Email, FieldError, ModuleId, OrganisationId,
    import::{ColumnMapping, ImportField, ImportId, ImportProgress, ImportState, RowError},
    records::{DataSource, RecordFields, SourceKind, parse_short_text},
};
use uuid::Uuid;

use super::{Error, Result, privacy};
use crate::store::{AuditNote, RecordWrite, Store};

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
/// spreadsheets write semicolons), first row the header.
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
        rows.push((row, record.iter().map(str::to_owned).collect()));
    }
    Ok(CsvFile { headers, rows })
}

/// Resolves the mapping to column positions; an empty mapping is guessed from the headers.
pub fn resolve(file: &CsvFile, mapping: &ColumnMapping) -> Result<Vec<(usize, ImportField)>> {
    let resolved: Vec<(usize, ImportField)> = if mapping.columns.is_empty() {
        file.headers
            .iter()
            .enumerate()
            .filter_map(|(i, h)| ImportField::guess(h).map(|f| (i, f)))
            .collect()
    } else {
        mapping
            .columns
            .iter()
            .map(|m| {
                file.headers
                    .iter()
                    .position(|h| *h == m.column.trim())
                    .map(|i| (i, m.field))
                    .ok_or_else(|| bad_file(format!("The file has no column \"{}\".", m.column)))
            })
            .collect::<Result<_>>()?
    };
    let fields: Vec<ImportField> = resolved.iter().map(|(_, f)| *f).collect();
    if let Some(dup) = fields
        .iter()
        .find(|f| fields.iter().filter(|g| g == f).count() > 1)
    {
        return Err(bad_file(format!(
            "Two columns fill the field {}; map each field once.",
            dup.code()
        )));
    }
    if !fields.iter().any(|f| {
        matches!(
            f,
            ImportField::FirstName | ImportField::LastName | ImportField::Email
        )
    }) {
        return Err(bad_file(
            "Map at least one column to first name, last name or e-mail address, so every \
             record identifies its data subject.",
        ));
    }
    Ok(resolved)
}

/// Turns one row into record fields, or says which column is wrong.
pub fn row_fields(
    headers: &[String],
    columns: &[(usize, ImportField)],
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
    let mut fields = RecordFields::default();
    let fail = |i: usize, e: FieldError| RowError {
        row,
        column: headers.get(i).cloned(),
        reason: e.to_string(),
    };
    for &(i, field) in columns {
        let cell = cells.get(i).map(String::as_str).unwrap_or_default();
        if field == ImportField::Email {
            if !cell.trim().is_empty() {
                fields.email = Some(Email::parse(cell).map_err(|e| fail(i, e))?);
            }
            continue;
        }
        let value = parse_short_text(cell).map_err(|e| fail(i, e))?;
        match field {
            ImportField::FirstName => fields.first_name = value,
            ImportField::LastName => fields.last_name = value,
            ImportField::Phone => fields.phone = value,
            ImportField::Company => fields.company = value,
            ImportField::Country => fields.country = value,
            ImportField::Email => {}
        }
    }
    fields.check().map_err(|(name, e)| {
        let column = columns
            .iter()
            .find(|(_, f)| f.code() == name)
            .and_then(|(i, _)| headers.get(*i).cloned());
        RowError {
            row,
            column,
            reason: e.to_string(),
        }
    })?;
    Ok(fields)
}

/// Import jobs under way or finished, per organisation, for progress polling.
#[derive(Debug, Default)]
pub struct ImportRegistry {
    jobs: Mutex<HashMap<ImportId, (OrganisationId, ImportProgress)>>,
}

impl ImportRegistry {
    fn update(&self, id: ImportId, f: impl FnOnce(&mut ImportProgress)) {
        let mut jobs = self.jobs.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((_, progress)) = jobs.get_mut(&id) {
            f(progress);
        }
    }

    /// A job's progress, only for its own organisation.
    pub fn get(&self, organisation: OrganisationId, id: ImportId) -> Option<ImportProgress> {
        let jobs = self.jobs.lock().unwrap_or_else(|e| e.into_inner());
        jobs.get(&id)
            .filter(|(org, _)| *org == organisation)
            .map(|(_, p)| p.clone())
    }
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

/// Checks the request and file, registers the job, and returns it with the work to run.
pub async fn prepare(
    store: &dyn Store,
    registry: &ImportRegistry,
    request: &ImportRequest,
    bytes: &[u8],
    mapping: &ColumnMapping,
) -> Result<(ImportProgress, CsvFile, Vec<(usize, ImportField)>)> {
    let file_name = parse_short_text(&request.file_name)
        .ok()
        .flatten()
        .ok_or(Error::Invalid {
            field: "file_name".into(),
            error: FieldError::Empty,
        })?;
    if !store
        .modules(request.organisation)
        .await?
        .iter()
        .any(|m| m.id == request.module)
    {
        return Err(Error::Invalid {
            field: "module".into(),
            error: FieldError::NotAllowed,
        });
    }
    let file = parse(bytes)?;
    let columns = resolve(&file, mapping)?;
    let progress = ImportProgress {
        id: ImportId(Uuid::now_v7()),
        file_name,
        state: ImportState::Running,
        total: file.rows.len() as u64,
        processed: 0,
        imported: 0,
        errors: Vec::new(),
        error_count: 0,
    };
    registry
        .jobs
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .insert(progress.id, (request.organisation, progress.clone()));
    Ok((progress, file, columns))
}

/// Writes the rows batch by batch, updating the registry; returns the final progress.
pub async fn run(
    store: Arc<dyn Store>,
    registry: Arc<ImportRegistry>,
    request: ImportRequest,
    id: ImportId,
    file: CsvFile,
    columns: Vec<(usize, ImportField)>,
) -> Option<ImportProgress> {
    let module = store
        .modules(request.organisation)
        .await
        .ok()
        .and_then(|m| m.into_iter().find(|m| m.id == request.module));
    let enabled = module.as_ref().is_some_and(|m| m.compliance_enabled);
    let file_name = registry
        .get(request.organisation, id)
        .map(|p| p.file_name)
        .unwrap_or_default();
    let mut failed = false;
    for chunk in file.rows.chunks(BATCH_ROWS) {
        let source = DataSource {
            through: SourceKind::Import,
            by: request.actor_name.clone(),
            detail: Some(file_name.clone()),
            at: Utc::now(),
        };
        let mut writes = Vec::with_capacity(chunk.len());
        let mut errors = Vec::new();
        for (row, cells) in chunk {
            match row_fields(&file.headers, &columns, *row, cells) {
                Ok(fields) => writes.push(RecordWrite {
                    module: request.module,
                    fields,
                    // Imported records start without a basis decision (Not Applicable).
                    privacy: enabled.then(privacy::not_applicable),
                    change: None,
                    source: source.clone(),
                }),
                Err(e) => errors.push(e),
            }
        }
        let written = store.insert_records(request.organisation, writes).await;
        let handled = chunk.len() as u64;
        registry.update(id, |p| {
            p.processed += handled;
            p.error_count += errors.len() as u64;
            let room = MAX_REPORTED_ERRORS.saturating_sub(p.errors.len());
            p.errors.extend(errors.into_iter().take(room));
            match written {
                Ok(n) => p.imported += n,
                Err(ref e) => {
                    tracing::error!(error = %e, "import batch failed");
                    p.state = ImportState::Failed;
                    failed = true;
                }
            }
        });
        if failed {
            break;
        }
    }
    registry.update(id, |p| {
        if p.state == ImportState::Running {
            p.state = ImportState::Finished;
        }
    });
    let done = registry.get(request.organisation, id)?;
    let note = AuditNote {
        actor: request.actor_email.clone(),
        action: consentry_model::audit::AuditAction::RecordsImported,
        subject: Some(id.to_string()),
        before: None,
        after: Some(serde_json::json!({
            "file_name": done.file_name,
            "module": request.module,
            "imported": done.imported,
            "refused": done.error_count,
            "state": done.state,
        })),
    };
    if let Err(e) = store.append_audit(request.organisation, note).await {
        tracing::error!(error = %e, "could not audit an import");
    }
    Some(done)
}

#[cfg(test)]
mod tests {
    use super::*;
    use consentry_model::import::MappedColumn;

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
        let columns = resolve(&file, &ColumnMapping::default()).expect("guessed");
        assert_eq!(
            columns,
            vec![
                (0, ImportField::FirstName),
                (1, ImportField::LastName),
                (2, ImportField::Email)
            ]
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
                field: ImportField::Email,
            }],
        };
        assert!(matches!(resolve(&file, &missing), Err(Error::BadFile(_))));
        let company_only = ColumnMapping {
            columns: vec![MappedColumn {
                column: "Name".into(),
                field: ImportField::Company,
            }],
        };
        assert!(matches!(
            resolve(&file, &company_only),
            Err(Error::BadFile(_))
        ));
    }

    #[test]
    fn row_errors_name_the_row_and_column() {
        let file = parse(b"Last name,Email\nJansen,not-an-address\nPiet\n,\n,x@example.org\n")
            .expect("parses");
        let columns = resolve(&file, &ColumnMapping::default()).expect("guessed");
        let results: Vec<_> = file
            .rows
            .iter()
            .map(|(row, cells)| row_fields(&file.headers, &columns, *row, cells))
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
