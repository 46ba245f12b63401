//! CSV import of records: the column mapping, the job's progress and its per-row errors.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// A record field a CSV column can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ImportField {
    /// First name.
    FirstName,
    /// Last name.
    LastName,
    /// E-mail address.
    Email,
    /// Phone number.
    Phone,
    /// Company.
    Company,
    /// Country.
    Country,
}

impl ImportField {
    /// Every field, in form order.
    pub const ALL: [ImportField; 6] = [
        ImportField::FirstName,
        ImportField::LastName,
        ImportField::Email,
        ImportField::Phone,
        ImportField::Company,
        ImportField::Country,
    ];

    /// The field's name in the API (`first_name`, ...), also how errors name the column's
    /// target.
    pub fn code(self) -> &'static str {
        match self {
            ImportField::FirstName => "first_name",
            ImportField::LastName => "last_name",
            ImportField::Email => "email",
            ImportField::Phone => "phone",
            ImportField::Company => "company",
            ImportField::Country => "country",
        }
    }

    /// Guesses the field for a column header in English or Dutch (`E-mail`, `Achternaam`).
    pub fn guess(header: &str) -> Option<ImportField> {
        let h: String = header
            .trim()
            .to_lowercase()
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect();
        match h.as_str() {
            "firstname" | "givenname" | "voornaam" => Some(ImportField::FirstName),
            "lastname" | "surname" | "familyname" | "achternaam" => Some(ImportField::LastName),
            "email" | "emailaddress" | "mail" | "emailadres" => Some(ImportField::Email),
            "phone" | "telephone" | "phonenumber" | "telefoon" | "telefoonnummer" | "mobile" => {
                Some(ImportField::Phone)
            }
            "company" | "organisation" | "organization" | "bedrijf" | "organisatie" => {
                Some(ImportField::Company)
            }
            "country" | "land" => Some(ImportField::Country),
            _ => None,
        }
    }
}

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
    /// The field it fills.
    pub field: ImportField,
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
}
