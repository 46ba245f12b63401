//! The CSV import: parsing an uploaded file, resolving the column mapping against a module's
//! fields, and turning each row into record fields — everything the import does before it
//! touches the store.
//!
//! Input: the module's custom fields and a column mapping (both from `arbitrary`), then the
//! file's bytes (the rest of the input). A seed that starts with two zero bytes is a file
//! with no custom fields and an empty (guessed) mapping.
//!
//! Invariants: nothing panics; a refusal is a bad file or a field-named invalid mapping;
//! what parses and resolves is consistent (row numbers, column positions, one column per
//! field, an identifying field mapped); every accepted row holds only values the model's
//! own parsers accept again unchanged; every refused row names its row and a real column.

#![no_main]

use arbitrary::Arbitrary;
use consentry_model::{
    Email, FieldId,
    fields::{
        Field, FieldEncryption, FieldKind, Personal, StandardField, key_for_label, parse_label,
        parse_options,
    },
    import::{ColumnMapping, MappedColumn},
    records::parse_short_text,
};
use consentry_server::domain::{
    Error,
    import::{parse, resolve, row_fields},
};
use libfuzzer_sys::fuzz_target;

#[derive(Debug, Arbitrary)]
struct CustomField {
    label: String,
    kind: u8,
    options: Vec<String>,
    required: bool,
}

#[derive(Debug, Arbitrary)]
enum ColumnRef {
    /// The header at this position (modulo the header count), as written.
    Header(u8),
    /// Any text.
    Named(String),
}

#[derive(Debug, Arbitrary)]
enum FieldRef {
    /// The module field at this position (modulo the field count).
    Known(u8),
    /// Any key.
    Named(String),
}

#[derive(Debug, Arbitrary)]
struct ImportInput<'a> {
    custom: Vec<CustomField>,
    mapping: Vec<(ColumnRef, FieldRef)>,
    csv: &'a [u8],
}

/// The module's fields: the six standard ones and the custom ones the field editor would
/// accept (label and options through the model's parsers, the key derived from the label).
fn module_fields(custom: &[CustomField]) -> Vec<Field> {
    let mut fields: Vec<Field> = StandardField::ALL
        .into_iter()
        .map(|f| Field {
            id: FieldId(uuid::Uuid::nil()),
            key: f.key().into(),
            label: f.key().replace('_', " "),
            kind: f.kind(),
            options: Vec::new(),
            required: false,
            standard: true,
            personal: Personal::Normal,
            encryption: FieldEncryption::Off,
            excluded_from: Vec::new(),
        })
        .collect();
    for c in custom.iter().take(8) {
        let Ok(label) = parse_label(&c.label) else {
            continue;
        };
        let Some(key) = key_for_label(&label) else {
            continue;
        };
        if fields.iter().any(|f| f.key == key) {
            continue;
        }
        let kind = FieldKind::ALL[usize::from(c.kind) % FieldKind::ALL.len()];
        let options = if kind == FieldKind::Picklist {
            match parse_options(&c.options) {
                Ok(options) => options,
                Err(_) => continue,
            }
        } else {
            Vec::new()
        };
        fields.push(Field {
            id: FieldId(uuid::Uuid::nil()),
            key,
            label,
            kind,
            options,
            required: c.required,
            standard: false,
            personal: Personal::Normal,
            encryption: FieldEncryption::Off,
            excluded_from: Vec::new(),
        });
    }
    fields
}

fn short_text_kept(value: &Option<String>) {
    if let Some(v) = value {
        assert_eq!(parse_short_text(v), Ok(Some(v.clone())), "{v:?}");
    }
}

fuzz_target!(|input: ImportInput<'_>| {
    let file = match parse(input.csv) {
        Ok(file) => file,
        Err(Error::BadFile(message)) => {
            assert!(!message.is_empty());
            return;
        }
        Err(other) => panic!("parse refused with {other:?}"),
    };
    assert!(!file.headers.iter().all(String::is_empty));
    assert!(file.headers.iter().all(|h| h.trim() == h));
    let mut previous = 1;
    for (row, cells) in &file.rows {
        assert!(*row > previous, "row numbers grow: {row} after {previous}");
        previous = *row;
        assert!(
            cells.iter().any(|c| !c.trim().is_empty()),
            "blank rows are skipped"
        );
    }

    let fields = module_fields(&input.custom);
    let mapping = ColumnMapping {
        columns: input
            .mapping
            .iter()
            .take(16)
            .map(|(column, field)| MappedColumn {
                column: match column {
                    ColumnRef::Header(i) => {
                        file.headers[usize::from(*i) % file.headers.len()].clone()
                    }
                    ColumnRef::Named(name) => name.clone(),
                },
                field: match field {
                    FieldRef::Known(i) => fields[usize::from(*i) % fields.len()].key.clone(),
                    FieldRef::Named(key) => key.clone(),
                },
            })
            .collect(),
    };
    let columns = match resolve(&file, &mapping, &fields) {
        Ok(columns) => columns,
        Err(Error::BadFile(message)) => {
            assert!(!message.is_empty());
            return;
        }
        Err(Error::Invalid { field, .. }) => {
            assert!(field.starts_with("mapping.columns["), "{field}");
            return;
        }
        Err(other) => panic!("resolve refused with {other:?}"),
    };
    for (i, field) in &columns {
        assert!(*i < file.headers.len());
        assert!(fields.contains(field));
        assert_eq!(
            columns.iter().filter(|(_, f)| f.key == field.key).count(),
            1
        );
    }
    assert!(columns.iter().any(|(_, f)| {
        f.standard && StandardField::from_key(&f.key).is_some_and(StandardField::identifies)
    }));
    for required in fields.iter().filter(|f| f.required) {
        assert!(columns.iter().any(|(_, f)| f.key == required.key));
    }

    for (row, cells) in file.rows.iter().take(200) {
        match row_fields(&file.headers, &fields, &columns, *row, cells) {
            Ok(record) => {
                if let Some(email) = &record.email {
                    assert_eq!(Email::parse(email.as_str()).as_ref(), Ok(email));
                }
                for value in [
                    &record.first_name,
                    &record.last_name,
                    &record.phone,
                    &record.company,
                    &record.country,
                ] {
                    short_text_kept(value);
                }
                for (key, value) in &record.custom {
                    let field = columns
                        .iter()
                        .map(|(_, f)| f)
                        .find(|f| f.key == *key)
                        .expect("a custom value belongs to a mapped field");
                    assert_eq!(
                        field.accept(value),
                        Ok(Some(value.clone())),
                        "{key}: {value:?} is accepted again as it is"
                    );
                }
            }
            Err(error) => {
                assert_eq!(error.row, *row);
                assert!(!error.reason.is_empty());
                if let Some(column) = &error.column {
                    assert!(file.headers.contains(column), "{column:?}");
                }
            }
        }
    }
});
