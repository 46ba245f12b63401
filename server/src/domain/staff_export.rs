//! Records exported by staff (CSV or JSON) from a filtered list: values the reader may not
//! see are masked, and personal fields the organisation leaves out of exports are left out.
//! Every export is audited.

use std::collections::{HashMap, hash_map::Entry};

use consentry_model::{
    ModuleId,
    audit::AuditAction,
    auth::Session,
    exports::{CsvSeparator, ExportPreferences},
    fields::Field,
    handling::Destination,
    records::{RecordFilter, RecordSort},
};
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::{Error, Result, clock, encryption::Masking, export::records_csv};
use crate::store::{AuditNote, Position, Store};

/// The most records one export holds.
pub const MAX_EXPORT: u64 = 100_000;

/// The file format.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    /// Comma- or semicolon-separated, one record per line.
    #[default]
    Csv,
    /// A JSON array of records.
    Json,
}

/// An export, ready to download.
#[derive(Debug)]
pub struct ExportFile {
    /// File name.
    pub name: String,
    /// Media type.
    pub content_type: &'static str,
    /// Contents.
    pub bytes: Vec<u8>,
}

/// What to export, and how.
#[derive(Debug, Clone, Default)]
pub struct ExportRequest {
    /// Which records.
    pub filter: RecordFilter,
    /// The file format.
    pub format: ExportFormat,
    /// The CSV separator; `None` takes the one the user chose last.
    pub separator: Option<CsvSeparator>,
}

/// What the user chose on their last export (defaults until they chose).
pub async fn preferences(store: &dyn Store, session: &Session) -> Result<ExportPreferences> {
    Ok(store.export_preferences(session.user.id).await?)
}

/// The separator to write with: the one asked for, remembered for the user's next export, or
/// else the one they chose last. An API key has no preferences of its own to keep.
pub(crate) async fn separator(
    store: &dyn Store,
    session: &Session,
    asked: Option<CsvSeparator>,
) -> Result<CsvSeparator> {
    match (asked, &session.api_key) {
        (Some(csv_separator), None) => {
            store
                .save_export_preferences(session.user.id, ExportPreferences { csv_separator })
                .await?;
            Ok(csv_separator)
        }
        (Some(csv_separator), Some(_)) => Ok(csv_separator),
        (None, None) => Ok(preferences(store, session).await?.csv_separator),
        (None, Some(_)) => Ok(CsvSeparator::default()),
    }
}

/// Every record matching the filter, newest first, as the session may see it.
pub async fn export(
    store: &dyn Store,
    session: &Session,
    request: &ExportRequest,
) -> Result<ExportFile> {
    let ExportRequest { filter, format, .. } = request;
    let format = *format;
    let organisation = session.organisation.id;
    let count = store.count_records(organisation, filter).await?;
    if count > MAX_EXPORT {
        return Err(Error::Rejected {
            field: "filter".into(),
            message: format!(
                "These filters match {count} records; one export holds at most {MAX_EXPORT}. \
                 Narrow them down, by module or legal basis for instance."
            ),
        });
    }
    let handling = store.compliance_settings(organisation).await?.personal_data;
    let masking = Masking::for_session(store, session).await?;
    let mut fields: HashMap<ModuleId, Vec<Field>> = HashMap::new();
    let mut records = Vec::new();
    let mut after: Option<Position> = None;
    loop {
        let page = store
            .records(
                organisation,
                filter,
                RecordSort::Newest,
                after.as_ref(),
                1000,
            )
            .await?;
        let last = page.last().map(|r| Position {
            id: r.id,
            last_name: None,
        });
        for mut record in page {
            if let Entry::Vacant(slot) = fields.entry(record.module_id) {
                slot.insert(
                    store
                        .fields(organisation, record.module_id)
                        .await?
                        .unwrap_or_default(),
                );
            }
            handling.strip(
                Destination::Exports,
                &fields[&record.module_id],
                &mut record.fields,
            );
            records.push(masking.apply(record));
        }
        match last {
            Some(position) => after = Some(position),
            None => break,
        }
    }
    let separator = separator(store, session, request.separator).await?;
    store
        .append_audit(
            organisation,
            AuditNote {
                actor: session.actor(),
                action: AuditAction::RecordsExported,
                subject: None,
                before: None,
                after: Some(
                    json!({ "format": format, "records": records.len(), "filter": filter }),
                ),
            },
        )
        .await?;
    let stamp = clock::now().format("%Y-%m-%d");
    Ok(match format {
        ExportFormat::Csv => ExportFile {
            name: format!("records-{stamp}.csv"),
            content_type: "text/csv; charset=utf-8",
            bytes: records_csv(&records, separator)?,
        },
        ExportFormat::Json => ExportFile {
            name: format!("records-{stamp}.json"),
            content_type: "application/json",
            bytes: serde_json::to_vec_pretty(&records)
                .map_err(|e| Error::Internal(e.to_string()))?,
        },
    })
}
