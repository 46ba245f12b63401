//! Choices a staff member makes on an export of records, remembered for them.

use serde::{Deserialize, Serialize};

/// The character between the cells of a CSV file. Excel reads a CSV file with the list
/// separator of the computer's region: a comma in English, a semicolon in Dutch (where the
/// comma is the decimal sign), so a Dutch Excel shows a comma-separated file in one column.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CsvSeparator {
    /// `,` (the default).
    #[default]
    Comma,
    /// `;` (Excel in Dutch and most other continental European regions).
    Semicolon,
}

impl CsvSeparator {
    /// Every separator, for choosing.
    pub const ALL: [CsvSeparator; 2] = [CsvSeparator::Comma, CsvSeparator::Semicolon];

    /// Its wire code (`comma`, `semicolon`), as in a query parameter.
    pub fn code(self) -> &'static str {
        match self {
            CsvSeparator::Comma => "comma",
            CsvSeparator::Semicolon => "semicolon",
        }
    }

    /// The separator with this wire code.
    pub fn from_code(code: &str) -> Option<CsvSeparator> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    /// The character itself.
    pub fn char(self) -> char {
        match self {
            CsvSeparator::Comma => ',',
            CsvSeparator::Semicolon => ';',
        }
    }
}

/// What a user chose on their last export, offered again on the next.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ExportPreferences {
    /// The CSV separator.
    pub csv_separator: CsvSeparator,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators_round_trip_through_their_codes() {
        for separator in CsvSeparator::ALL {
            assert_eq!(CsvSeparator::from_code(separator.code()), Some(separator));
            let json = serde_json::to_string(&separator).expect("json");
            assert_eq!(json, format!("\"{}\"", separator.code()));
        }
        assert_eq!(CsvSeparator::from_code("tab"), None);
        assert_eq!(CsvSeparator::default().char(), ',');
    }
}
