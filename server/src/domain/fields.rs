//! Module fields: adding, changing and removing custom fields, classifying every field, and
//! checking a record's custom values against its module's fields.

use std::collections::BTreeMap;

use consentry_model::{
    ErrorCode, FieldError, FieldId, ModuleId, OrganisationId,
    audit::AuditAction,
    auth::Session,
    fields::{
        Field, FieldEncryption, FieldKind, FieldUpdate, MAX_CUSTOM_FIELDS, NewField, key_for_label,
        normalise_header, parse_label, parse_options,
    },
    records::RecordFields,
};
use serde_json::json;

use super::{Error, Result};
use crate::store::{AuditNote, FieldChanged, Store, StoreError};

fn invalid(field: impl Into<String>, error: FieldError) -> Error {
    Error::Invalid {
        field: field.into(),
        error,
    }
}

fn note(session: &Session, action: AuditAction, subject: Option<String>) -> AuditNote {
    AuditNote {
        actor: session.actor(),
        action,
        subject,
        before: None,
        after: None,
    }
}

/// A module's fields in form order.
pub async fn list(
    store: &dyn Store,
    organisation: OrganisationId,
    module: ModuleId,
) -> Result<Vec<Field>> {
    store
        .fields(organisation, module)
        .await?
        .ok_or(Error::NotFound("module"))
}

fn checked_options(kind: FieldKind, options: &[String]) -> Result<Vec<String>> {
    match kind {
        FieldKind::Picklist => parse_options(options).map_err(|(i, e)| match i {
            Some(i) => invalid(format!("options[{i}]"), e),
            None => invalid("options", e),
        }),
        _ if options.is_empty() => Ok(Vec::new()),
        _ => Err(invalid("options", FieldError::NotAllowed)),
    }
}

/// Adds a custom field to a module.
pub async fn add(
    store: &dyn Store,
    session: &Session,
    module: ModuleId,
    new: NewField,
) -> Result<Field> {
    let organisation = session.organisation.id;
    let label = parse_label(&new.label).map_err(|e| invalid("label", e))?;
    let key = key_for_label(&label).ok_or(invalid("label", FieldError::Slug))?;
    let options = checked_options(new.kind, &new.options)?;
    let existing = list(store, organisation, module).await?;
    if existing.iter().filter(|f| !f.standard).count() >= MAX_CUSTOM_FIELDS {
        return Err(Error::Conflict {
            code: ErrorCode::TooManyFields,
            field: None,
            message: format!(
                "A module can have at most {MAX_CUSTOM_FIELDS} custom fields; remove one first."
            ),
        });
    }
    let taken = |label: &str| Error::Conflict {
        code: ErrorCode::FieldTaken,
        field: Some("label"),
        message: format!(
            "This module already has a field called {label} (key {key}); choose another label."
        ),
    };
    // A label that reads like another field's would make forms and CSV mappings ambiguous.
    let name = normalise_header(&label);
    if existing.iter().any(|f| {
        f.key == key || normalise_header(&f.label) == name || normalise_header(&f.key) == name
    }) {
        return Err(taken(&label));
    }
    let mut audit = note(session, AuditAction::FieldCreated, None);
    let taken_error = taken(&label);
    audit.after = Some(json!({
        "module": module, "key": key, "label": label, "kind": new.kind,
        "personal": new.personal,
    }));
    let field = Field {
        id: FieldId(uuid::Uuid::nil()),
        key: key.clone(),
        label,
        kind: new.kind,
        options,
        required: new.required,
        standard: false,
        personal: new.personal,
        encryption: FieldEncryption::Off,
        excluded_from: Vec::new(),
    };
    store
        .insert_field(organisation, module, field, audit)
        .await
        .map_err(|e| match e {
            StoreError::Conflict("module_fields.key") => taken_error,
            other => other.into(),
        })?
        .ok_or(Error::NotFound("module"))
}

/// Changes a field. Standard fields keep their label and are never required (a record needs
/// a name or an e-mail address, not each of them); only their classification changes.
pub async fn update(
    store: &dyn Store,
    session: &Session,
    module: ModuleId,
    id: FieldId,
    change: FieldUpdate,
) -> Result<Field> {
    let organisation = session.organisation.id;
    let before = list(store, organisation, module)
        .await?
        .into_iter()
        .find(|f| f.id == id)
        .ok_or(Error::NotFound("field"))?;
    let mut after = before.clone();
    if before.standard {
        if change.label.is_some() {
            return Err(invalid("label", FieldError::NotAllowed));
        }
        if change.required == Some(true) {
            return Err(invalid("required", FieldError::NotAllowed));
        }
    }
    if let Some(label) = &change.label {
        after.label = parse_label(label).map_err(|e| invalid("label", e))?;
    }
    if let Some(options) = &change.options {
        after.options = checked_options(before.kind, options)?;
    }
    if let Some(required) = change.required {
        after.required = required;
    }
    if let Some(personal) = change.personal {
        after.personal = personal;
    }
    if let Some(excluded_from) = change.excluded_from {
        after.excluded_from = super::distinct_in("excluded_from", excluded_from)?;
    }
    // Nothing to change: nothing written, nothing in the trail.
    if after == before {
        return Ok(before);
    }
    let mut audit = note(session, AuditAction::FieldChanged, Some(id.to_string()));
    audit.before = Some(json!({
        "key": before.key, "label": before.label, "options": before.options,
        "required": before.required, "personal": before.personal,
        "excluded_from": before.excluded_from,
    }));
    audit.after = Some(json!({
        "key": after.key, "label": after.label, "options": after.options,
        "required": after.required, "personal": after.personal,
        "excluded_from": after.excluded_from,
    }));
    match store
        .update_field(organisation, module, after, audit)
        .await?
    {
        FieldChanged::Saved(field) => Ok(field),
        FieldChanged::NotFound => Err(Error::NotFound("field")),
        FieldChanged::OptionsInUse(n) => Err(Error::Conflict {
            code: ErrorCode::OptionInUse,
            field: Some("options"),
            message: format!(
                "{n} record(s) still hold an option you removed; change those records first, \
                 or keep the option."
            ),
        }),
    }
}

/// Removes a custom field and its value from every record of the module.
pub async fn delete(
    store: &dyn Store,
    session: &Session,
    module: ModuleId,
    id: FieldId,
) -> Result<()> {
    let field = list(store, session.organisation.id, module)
        .await?
        .into_iter()
        .find(|f| f.id == id)
        .ok_or(Error::NotFound("field"))?;
    if field.standard {
        return Err(Error::Conflict {
            code: ErrorCode::StandardField,
            field: None,
            message: format!(
                "{} is a standard field and cannot be removed; mark it not personal instead.",
                field.label
            ),
        });
    }
    let mut audit = note(session, AuditAction::FieldDeleted, Some(id.to_string()));
    audit.before = Some(json!({ "module": module, "key": field.key, "label": field.label }));
    if store
        .delete_field(session.organisation.id, module, id, audit)
        .await?
    {
        Ok(())
    } else {
        Err(Error::NotFound("field"))
    }
}

/// Checks a record's fields against its module's: the standard rules, every custom value
/// against its field (normalised on the way), no unknown keys, required fields present. An
/// error names the field by its path in [`RecordFields`]: `last_name`, `custom.member_no`.
pub fn check_record(
    fields: &[Field],
    record: RecordFields,
) -> std::result::Result<RecordFields, (String, FieldError)> {
    record
        .check()
        .map_err(|(field, error)| (field.to_owned(), error))?;
    let mut custom = BTreeMap::new();
    for (key, value) in &record.custom {
        let path = || format!("custom.{key}");
        let field = fields
            .iter()
            .find(|f| !f.standard && f.key == *key)
            .ok_or_else(|| (path(), FieldError::UnknownField))?;
        if let Some(value) = field.accept(value).map_err(|e| (path(), e))? {
            custom.insert(key.clone(), value);
        }
    }
    if let Some(missing) = fields
        .iter()
        .find(|f| !f.standard && f.required && !custom.contains_key(&f.key))
    {
        return Err((format!("custom.{}", missing.key), FieldError::Empty));
    }
    Ok(RecordFields { custom, ..record })
}

#[cfg(test)]
mod tests {
    use consentry_model::fields::{FieldValue, Personal};

    use super::*;

    fn custom(key: &str, kind: FieldKind, required: bool) -> Field {
        Field {
            id: FieldId(uuid::Uuid::now_v7()),
            key: key.into(),
            label: key.into(),
            kind,
            options: if kind == FieldKind::Picklist {
                vec!["Gold".into()]
            } else {
                Vec::new()
            },
            required,
            standard: false,
            personal: Personal::NotPersonal,
            encryption: consentry_model::fields::FieldEncryption::Off,
            excluded_from: Vec::new(),
        }
    }

    fn record(custom: &[(&str, FieldValue)]) -> RecordFields {
        RecordFields {
            last_name: Some("Jansen".into()),
            custom: custom
                .iter()
                .map(|(k, v)| ((*k).to_owned(), v.clone()))
                .collect(),
            ..RecordFields::default()
        }
    }

    fn field_of(result: std::result::Result<RecordFields, (String, FieldError)>) -> String {
        result.expect_err("refused").0
    }

    #[test]
    fn custom_values_are_checked_against_the_modules_fields() {
        let fields = [
            custom("level", FieldKind::Picklist, false),
            custom("member_no", FieldKind::Number, true),
        ];
        let ok = check_record(
            &fields,
            record(&[
                ("level", FieldValue::Text("gold".into())),
                ("member_no", FieldValue::Text("12".into())),
            ]),
        )
        .expect("valid");
        assert_eq!(ok.custom["level"], FieldValue::Text("Gold".into()));
        assert_eq!(ok.custom["member_no"], FieldValue::Number(12.into()));

        let unknown = check_record(
            &fields,
            record(&[
                ("member_no", FieldValue::Number(1.into())),
                ("shoe_size", FieldValue::Number(44.into())),
            ]),
        );
        assert_eq!(field_of(unknown), "custom.shoe_size");

        let missing = check_record(&fields, record(&[]));
        assert_eq!(field_of(missing), "custom.member_no");

        let wrong = check_record(&fields, record(&[("member_no", FieldValue::Boolean(true))]));
        assert_eq!(field_of(wrong), "custom.member_no");
    }

    #[test]
    fn an_empty_value_is_dropped_and_counts_as_missing() {
        let fields = [custom("note", FieldKind::Text, false)];
        let ok = check_record(&fields, record(&[("note", FieldValue::Text("  ".into()))]))
            .expect("valid");
        assert!(ok.custom.is_empty());
    }
}
