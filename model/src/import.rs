//! CSV import of records: the column mapping, the job's progress and its per-row errors.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Which CSV column (by header text) fills which field. Columns not named are ignored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ColumnMapping {
    /// Pairs of column header and field.
    pub columns: Vec<MappedColumn>,
}

/// One column of the mapping.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MappedColumn {
    /// The column's header, exactly as in the file's first row.
    pub column: String,
    /// The key of the module field it fills (`email`, `member_number`).
    pub field: String,
}

/// Identifies an import job.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(transparent)]
pub struct ImportId(pub Uuid);

impl std::fmt::Display for ImportId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// Why one row was not imported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RowError {
    /// Row number in the file, counting the header as row 1 (as a spreadsheet shows it).
    pub row: u64,
    /// The column at fault (its header), when one is.
    pub column: Option<String>,
    /// What is wrong.
    pub reason: String,
}

/// Where an import job stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ImportState {
    /// Rows are being written.
    Running,
    /// Every row was handled; see `imported` and `errors`.
    Finished,
    /// Stopped by a failure of the server; rows of completed batches stay imported.
    Failed,
    /// The server stopped while the job ran (a crash, a kill, a power cut): what was written
    /// before stays written and is counted exactly; the rest was not done (see `interruption`).
    Interrupted,
}

/// An import job's progress, polled by the browser for its progress bar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ImportProgress {
    /// The job.
    pub id: ImportId,
    /// The file's name (recorded as the records' data source).
    pub file_name: String,
    /// Where it stands.
    pub state: ImportState,
    /// Data rows in the file.
    pub total: u64,
    /// Rows handled so far (imported or refused).
    pub processed: u64,
    /// Records created.
    pub imported: u64,
    /// Rows refused, with the reason (at most the first 1,000).
    pub errors: Vec<RowError>,
    /// Rows refused in all.
    pub error_count: u64,
    /// The last row of the file handled (imported or refused), counting the header as row 1:
    /// rows 2 up to this one are done, later rows are not. Absent before the first batch.
    #[serde(default)]
    pub handled_through_row: Option<u64>,
    /// When the job started.
    #[serde(default)]
    pub started_at: Option<DateTime<Utc>>,
    /// When it finished, failed or was found interrupted.
    #[serde(default)]
    pub finished_at: Option<DateTime<Utc>>,
    /// Who started it.
    #[serde(default)]
    pub started_by: Option<String>,
    /// For an interrupted job: what was done and what to do now (English).
    #[serde(default)]
    pub interruption: Option<String>,
}
