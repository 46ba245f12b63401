//! Every CSV file Consentry writes (the staff export, the CSV files in a subject's export) is
//! written through [`CsvWriter`], so none can forget its rules:
//!
//! - Formula cells are neutralised (OWASP, "CSV Injection"): a cell that begins with `=`, `+`,
//!   `-`, `@`, a tab or a carriage return gets a single quote in front, so a spreadsheet shows
//!   it as text instead of running it (`=HYPERLINK(...)` in a last name would otherwise send
//!   the reader's data elsewhere). OWASP's rule is followed to the letter: a phone number
//!   written `+31 20 …` and a negative number such as `-5` get the quote too, as the values
//!   written here are text a person entered; a reader who wants the number removes it.
//! - The file starts with a UTF-8 byte-order mark: without one, Excel reads a CSV file in the
//!   computer's legacy code page and shows `Zoë` as `ZoÃ«`.
//! - Every cell is quoted (quotes doubled), lines end in CR LF (RFC 4180), and the separator
//!   is the one chosen: a comma, or the semicolon a Dutch Excel expects.

use std::borrow::Cow;

use consentry_model::exports::CsvSeparator;

use super::{Error, Result};

/// The UTF-8 byte-order mark every CSV file starts with.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The first characters that make a spreadsheet read a cell as a formula (OWASP).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A cell as written: with a `'` in front when it would start a formula — or when it starts
/// with a `'` that [`restore`] would take for one added here, so every value reads back as
/// itself.
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(FORMULA_STARTS) || restore(cell).len() != cell.len() {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// A cell as it was before [`neutralise`]: the quote in front of a formula start (or of
/// another quote) taken off, so a file Consentry wrote (or a spreadsheet saved from it)
/// imports with its values as they were. A quote before anything else is the value's own.
pub fn restore(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_STARTS) || rest.starts_with('\'') => rest,
        _ => cell,
    }
}

/// A CSV file being written, in memory.
pub struct CsvWriter {
    inner: csv::Writer<Vec<u8>>,
}

impl std::fmt::Debug for CsvWriter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("CsvWriter")
    }
}

fn failed(e: impl std::fmt::Display) -> Error {
    Error::Internal(format!("writing CSV: {e}"))
}

impl CsvWriter {
    /// Starts a file with its header row.
    pub fn new(separator: CsvSeparator, header: &[&str]) -> Result<CsvWriter> {
        let delimiter = u8::try_from(separator.char()).map_err(failed)?;
        let mut writer = CsvWriter {
            inner: csv::WriterBuilder::new()
                .delimiter(delimiter)
                .quote_style(csv::QuoteStyle::Always)
                .terminator(csv::Terminator::CRLF)
                .from_writer(BOM.to_vec()),
        };
        writer.row(header)?;
        Ok(writer)
    }

    /// Writes one row, every cell neutralised.
    pub fn row<S: AsRef<str>>(&mut self, cells: impl IntoIterator<Item = S>) -> Result<()> {
        let cells: Vec<S> = cells.into_iter().collect();
        self.inner
            .write_record(cells.iter().map(|c| neutralise(c.as_ref()).into_owned()))
            .map_err(failed)
    }

    /// The finished file.
    pub fn finish(self) -> Result<Vec<u8>> {
        self.inner.into_inner().map_err(failed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(separator: CsvSeparator, rows: &[&[&str]]) -> String {
        let mut writer = CsvWriter::new(separator, rows[0]).expect("header");
        for row in &rows[1..] {
            writer.row(*row).expect("row");
        }
        let bytes = writer.finish().expect("file");
        assert!(bytes.starts_with(BOM), "every file starts with the BOM");
        String::from_utf8(bytes[BOM.len()..].to_vec()).expect("utf-8")
    }

    #[test]
    fn cells_that_would_start_a_formula_get_a_quote_in_front() {
        for (cell, shown) in [
            (
                "=HYPERLINK(\"https://evil.example\")",
                "'=HYPERLINK(\"https://evil.example\")",
            ),
            ("+31 20 123 4567", "'+31 20 123 4567"),
            // OWASP's rule to the letter: a negative number is quoted too.
            ("-5", "'-5"),
            ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
            ("\t=1+2", "'\t=1+2"),
            ("\r=1+2", "'\r=1+2"),
            ("Zoë", "Zoë"),
            ("Anne-Marie", "Anne-Marie"),
            ("O'Brien", "O'Brien"),
            ("", ""),
        ] {
            assert_eq!(neutralise(cell), shown, "{cell:?}");
        }
    }

    #[test]
    fn restoring_takes_off_only_the_quote_neutralising_added() {
        for cell in [
            "=1+2",
            "-5",
            "+31 20 123 4567",
            "@x",
            "\tx",
            "'quoted'",
            "O'Brien",
            "'-5",
            "'=already quoted",
            "''",
            "'''x",
            "",
        ] {
            assert_eq!(restore(&neutralise(cell)), cell, "{cell:?}");
        }
        assert_eq!(restore("'Brien"), "'Brien");
    }

    #[test]
    fn every_cell_is_quoted_with_the_chosen_separator_and_crlf() {
        let rows: &[&[&str]] = &[&["name", "note"], &["=1+2", "say \"hi\", ok; fine"]];
        assert_eq!(
            written(CsvSeparator::Comma, rows),
            "\"name\",\"note\"\r\n\"'=1+2\",\"say \"\"hi\"\", ok; fine\"\r\n"
        );
        assert_eq!(
            written(CsvSeparator::Semicolon, rows),
            "\"name\";\"note\"\r\n\"'=1+2\";\"say \"\"hi\"\", ok; fine\"\r\n"
        );
    }

    #[test]
    fn what_is_written_reads_back_as_the_neutralised_cells() {
        let text = written(
            CsvSeparator::Semicolon,
            &[&["a", "b"], &["-5", "line one\nline two"]],
        );
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(b';')
            .from_reader(text.as_bytes());
        let row = reader.records().next().expect("row").expect("parses");
        assert_eq!(
            row.iter().collect::<Vec<_>>(),
            ["'-5", "line one\nline two"]
        );
    }
}
