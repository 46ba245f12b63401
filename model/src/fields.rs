//! The fields of a module: the six standard fields every module has and the custom fields an
//! administrator adds, with their kinds, values and personal-data classification.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{Email, FieldError, FieldId, records::parse_short_text};

/// The standard fields, present in every module and stored in their own columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum StandardField {
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

impl StandardField {
    /// Every standard field, in form order.
    pub const ALL: [StandardField; 6] = [
        StandardField::FirstName,
        StandardField::LastName,
        StandardField::Email,
        StandardField::Phone,
        StandardField::Company,
        StandardField::Country,
    ];

    /// The field's key (`first_name`, ...), as in the API and in error paths.
    pub fn key(self) -> &'static str {
        match self {
            StandardField::FirstName => "first_name",
            StandardField::LastName => "last_name",
            StandardField::Email => "email",
            StandardField::Phone => "phone",
            StandardField::Company => "company",
            StandardField::Country => "country",
        }
    }

    /// The standard field with this key.
    pub fn from_key(key: &str) -> Option<StandardField> {
        StandardField::ALL.into_iter().find(|f| f.key() == key)
    }

    /// What the field holds.
    pub fn kind(self) -> FieldKind {
        match self {
            StandardField::Email => FieldKind::Email,
            StandardField::Phone => FieldKind::Phone,
            _ => FieldKind::Text,
        }
    }

    /// Whether a field identifies the data subject: a record needs at least one of these.
    pub fn identifies(self) -> bool {
        matches!(
            self,
            StandardField::FirstName | StandardField::LastName | StandardField::Email
        )
    }

    /// Guesses the field for a CSV column header in English or Dutch (`E-mail`, `Achternaam`).
    pub fn guess(header: &str) -> Option<StandardField> {
        match normalise_header(header).as_str() {
            "firstname" | "givenname" | "voornaam" => Some(StandardField::FirstName),
            "lastname" | "surname" | "familyname" | "achternaam" => Some(StandardField::LastName),
            "email" | "emailaddress" | "mail" | "emailadres" => Some(StandardField::Email),
            "phone" | "telephone" | "phonenumber" | "telefoon" | "telefoonnummer" | "mobile" => {
                Some(StandardField::Phone)
            }
            "company" | "organisation" | "organization" | "bedrijf" | "organisatie" => {
                Some(StandardField::Company)
            }
            "country" | "land" => Some(StandardField::Country),
            _ => None,
        }
    }
}

/// A header or label reduced to lower-case letters and digits, for matching columns to fields.
pub fn normalise_header(header: &str) -> String {
    header
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// The module field a CSV header names: a standard field by its English or Dutch name, or a
/// custom field by its label or key.
pub fn guess_field<'a>(header: &str, fields: &'a [Field]) -> Option<&'a Field> {
    match StandardField::guess(header) {
        Some(standard) => fields
            .iter()
            .find(|f| f.standard && f.key == standard.key()),
        None => {
            let wanted = normalise_header(header);
            fields.iter().find(|f| {
                !f.standard
                    && (normalise_header(&f.label) == wanted || normalise_header(&f.key) == wanted)
            })
        }
    }
}

/// What a field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum FieldKind {
    /// Free text, up to 1,000 characters.
    Text,
    /// An e-mail address.
    Email,
    /// A phone number.
    Phone,
    /// A number.
    Number,
    /// A calendar date.
    Date,
    /// Yes or no.
    Boolean,
    /// One of a fixed list of options.
    Picklist,
}

impl FieldKind {
    /// Every kind, in the order the field editor offers them.
    pub const ALL: [FieldKind; 7] = [
        FieldKind::Text,
        FieldKind::Email,
        FieldKind::Phone,
        FieldKind::Number,
        FieldKind::Date,
        FieldKind::Boolean,
        FieldKind::Picklist,
    ];

    /// Stable code, identical to the JSON form.
    pub fn code(self) -> &'static str {
        match self {
            FieldKind::Text => "text",
            FieldKind::Email => "email",
            FieldKind::Phone => "phone",
            FieldKind::Number => "number",
            FieldKind::Date => "date",
            FieldKind::Boolean => "boolean",
            FieldKind::Picklist => "picklist",
        }
    }

    /// Parses a code written by [`FieldKind::code`].
    pub fn from_code(code: &str) -> Option<FieldKind> {
        FieldKind::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// Whether a field holds personal data, and how sensitive (GDPR art. 9 for Sensitive).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Personal {
    /// Not personal data.
    #[default]
    NotPersonal,
    /// Personal data.
    Normal,
    /// Sensitive personal data (health, religion, ...).
    Sensitive,
}

impl Personal {
    /// Every classification, in display order.
    pub const ALL: [Personal; 3] = [Personal::NotPersonal, Personal::Normal, Personal::Sensitive];

    /// Stable code, identical to the JSON form.
    pub fn code(self) -> &'static str {
        match self {
            Personal::NotPersonal => "not_personal",
            Personal::Normal => "normal",
            Personal::Sensitive => "sensitive",
        }
    }

    /// Parses a code written by [`Personal::code`].
    pub fn from_code(code: &str) -> Option<Personal> {
        Personal::ALL.into_iter().find(|p| p.code() == code)
    }
}

/// A field of a module.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Field {
    /// Field id.
    pub id: FieldId,
    /// Stable key: a standard field's (`email`) or one derived from a custom field's label
    /// (`member_number`). Custom values are keyed by it.
    pub key: String,
    /// Display label.
    pub label: String,
    /// What it holds.
    pub kind: FieldKind,
    /// The choices of a picklist, in order (empty for other kinds).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<String>,
    /// Whether every record must have a value (custom fields only).
    pub required: bool,
    /// One of the six standard fields (cannot be removed or retyped).
    pub standard: bool,
    /// Personal-data classification.
    pub personal: Personal,
    /// Whether values are stored encrypted (AES-256-GCM), or are on their way.
    #[serde(default)]
    pub encryption: FieldEncryption,
    /// Where this personal field is left out when that destination's preference is "the
    /// chosen fields" (Compliance Settings › Personal data handling).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub excluded_from: Vec<crate::handling::Destination>,
}

/// Whether a field's values are stored encrypted. Switching starts a background job; until it
/// finishes the field is Encrypting or Decrypting and its values are a mix.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum FieldEncryption {
    /// Stored as entered.
    #[default]
    Off,
    /// Switched on; existing values are being encrypted.
    Encrypting,
    /// Every value is encrypted.
    On,
    /// Switched off; existing values are being decrypted.
    Decrypting,
}

impl FieldEncryption {
    /// Every state.
    pub const ALL: [FieldEncryption; 4] = [
        FieldEncryption::Off,
        FieldEncryption::Encrypting,
        FieldEncryption::On,
        FieldEncryption::Decrypting,
    ];

    /// Stable code, identical to the JSON form.
    pub fn code(self) -> &'static str {
        match self {
            FieldEncryption::Off => "off",
            FieldEncryption::Encrypting => "encrypting",
            FieldEncryption::On => "on",
            FieldEncryption::Decrypting => "decrypting",
        }
    }

    /// Parses a code written by [`FieldEncryption::code`].
    pub fn from_code(code: &str) -> Option<FieldEncryption> {
        FieldEncryption::ALL.into_iter().find(|e| e.code() == code)
    }

    /// Whether new values are written encrypted.
    pub fn seals(self) -> bool {
        matches!(self, FieldEncryption::Encrypting | FieldEncryption::On)
    }

    /// Whether stored values may be encrypted, so that the database cannot search, sort or
    /// compare them.
    pub fn hides_values(self) -> bool {
        self != FieldEncryption::Off
    }
}

impl Field {
    /// Whether values of this field may be encrypted: text, e-mail, phone, number and date
    /// (a yes/no or a picklist choice reveals little and is filtered on).
    pub fn encryptable(&self) -> bool {
        matches!(
            self.kind,
            FieldKind::Text
                | FieldKind::Email
                | FieldKind::Phone
                | FieldKind::Number
                | FieldKind::Date
        )
    }

    /// Checks and normalises a value for this field; `None` means empty.
    pub fn accept(&self, value: &FieldValue) -> Result<Option<FieldValue>, FieldError> {
        match (self.kind, value) {
            (FieldKind::Number, FieldValue::Number(n)) => {
                let x = n.as_f64().ok_or(FieldError::Number)?;
                check_number(x).map(|_| Some(value.clone()))
            }
            (FieldKind::Boolean, FieldValue::Boolean(_)) => Ok(Some(value.clone())),
            (_, FieldValue::Text(text)) => self.parse_text(text),
            _ => Err(self.kind_error()),
        }
    }

    /// Parses text typed into a form or read from a CSV cell; `None` means empty.
    pub fn parse_text(&self, text: &str) -> Result<Option<FieldValue>, FieldError> {
        let text = text.trim();
        if text.is_empty() {
            return Ok(None);
        }
        let value = match self.kind {
            FieldKind::Text => {
                if text.chars().count() > 1000 {
                    return Err(FieldError::TooLong { max: 1000 });
                }
                crate::invisible::refuse_hidden(text, &['\n', '\t'])?;
                FieldValue::Text(text.to_owned())
            }
            FieldKind::Email => FieldValue::Text(Email::parse(text)?.as_str().to_owned()),
            FieldKind::Phone => FieldValue::Text(parse_phone(text)?),
            FieldKind::Number => {
                // Dutch writes a decimal comma: accept "3,5" when there is no point. One
                // separator between a thousands group's lead (1 to 999) and exactly three
                // digits may separate thousands as well (1,000 in English, 1.000 in Dutch):
                // refused rather than guessed. 0.125, 1234.125 and .125 are decimals.
                if let Some((whole, decimals)) = text.trim().split_once([',', '.'])
                    && let whole = whole.strip_prefix(['-', '+']).unwrap_or(whole)
                    && (1..=3).contains(&whole.len())
                    && !whole.starts_with('0')
                    && whole.bytes().all(|b| b.is_ascii_digit())
                    && decimals.len() == 3
                    && decimals.bytes().all(|b| b.is_ascii_digit())
                {
                    return Err(FieldError::AmbiguousNumber);
                }
                let normal = if text.contains('.') {
                    text.to_owned()
                } else {
                    text.replace(',', ".")
                };
                let x: f64 = normal.parse().map_err(|_| FieldError::Number)?;
                check_number(x)?;
                let number = if x.fract() == 0.0 {
                    serde_json::Number::from(x as i64)
                } else {
                    serde_json::Number::from_f64(x).ok_or(FieldError::Number)?
                };
                FieldValue::Number(number)
            }
            FieldKind::Date => FieldValue::Text(parse_date(text)?.to_string()),
            FieldKind::Boolean => FieldValue::Boolean(parse_boolean(text)?),
            FieldKind::Picklist => FieldValue::Text(
                self.options
                    .iter()
                    .find(|o| o.to_lowercase() == text.to_lowercase())
                    .cloned()
                    .ok_or(FieldError::NotAnOption)?,
            ),
        };
        Ok(Some(value))
    }

    fn kind_error(&self) -> FieldError {
        match self.kind {
            FieldKind::Number => FieldError::Number,
            FieldKind::Boolean => FieldError::Boolean,
            FieldKind::Date => FieldError::Date,
            FieldKind::Email => FieldError::Email,
            FieldKind::Phone => FieldError::Phone,
            FieldKind::Picklist => FieldError::NotAnOption,
            FieldKind::Text => FieldError::Text,
        }
    }
}

/// Numbers stay within what a double holds exactly as an integer.
fn check_number(x: f64) -> Result<(), FieldError> {
    if x.is_finite() && x.abs() < 9.0e15 {
        Ok(())
    } else {
        Err(FieldError::Number)
    }
}

/// A phone number: digits, spaces and `+ - ( ) .`, with at least one digit, ≤ 40 characters.
pub fn parse_phone(text: &str) -> Result<String, FieldError> {
    let text = text.trim();
    if text.chars().count() > 40 {
        return Err(FieldError::TooLong { max: 40 });
    }
    if !text.chars().any(|c| c.is_ascii_digit())
        || !text
            .chars()
            .all(|c| c.is_ascii_digit() || " +-().".contains(c))
    {
        return Err(FieldError::Phone);
    }
    Ok(text.to_owned())
}

/// A date as `YYYY-MM-DD`, or as the Dutch `DD-MM-YYYY`.
pub fn parse_date(text: &str) -> Result<NaiveDate, FieldError> {
    // Split by hand: chrono's format-string parser would add ~20 KiB to the browser app.
    let parts: Vec<&str> = text.trim().split('-').collect();
    let number = |s: &str| -> Option<u32> {
        (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let (year, month, day) = match parts.as_slice() {
        [y, m, d] if y.len() == 4 => (number(y), number(m), number(d)),
        [d, m, y] if y.len() == 4 => (number(y), number(m), number(d)),
        _ => return Err(FieldError::Date),
    };
    match (year, month, day) {
        (Some(y), Some(m), Some(d)) => {
            NaiveDate::from_ymd_opt(y as i32, m, d).ok_or(FieldError::Date)
        }
        _ => Err(FieldError::Date),
    }
}

/// Yes or no, in a language of the admin app (English, Dutch, German, French), or as 1/0,
/// true/false.
pub fn parse_boolean(text: &str) -> Result<bool, FieldError> {
    match text.trim().to_lowercase().as_str() {
        "yes" | "y" | "true" | "1" | "ja" | "j" | "waar" | "wahr" | "oui" | "vrai" => Ok(true),
        "no" | "n" | "false" | "0" | "nee" | "onwaar" | "nein" | "falsch" | "non" | "faux" => {
            Ok(false)
        }
        _ => Err(FieldError::Boolean),
    }
}

/// A custom field's value: text (also e-mail, phone, date as `YYYY-MM-DD` and picklist
/// options), a number, or yes/no.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum FieldValue {
    /// Yes or no.
    Boolean(bool),
    /// A number.
    Number(serde_json::Number),
    /// Text, an e-mail address, a phone number, a date or a picklist option.
    Text(String),
}

#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for FieldValue {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{ObjectBuilder, OneOfBuilder, Type};
        OneOfBuilder::new()
            .item(ObjectBuilder::new().schema_type(Type::Boolean))
            .item(ObjectBuilder::new().schema_type(Type::Number))
            .item(ObjectBuilder::new().schema_type(Type::String))
            .description(Some(
                "Yes/no, a number, or text (also e-mail, phone, a date as YYYY-MM-DD and \
                 picklist options).",
            ))
            .into()
    }
}

#[cfg(feature = "openapi")]
impl utoipa::ToSchema for FieldValue {}

impl std::fmt::Display for FieldValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FieldValue::Boolean(b) => b.fmt(f),
            FieldValue::Number(n) => n.fmt(f),
            FieldValue::Text(t) => t.fmt(f),
        }
    }
}

/// The most custom fields one module can have.
pub const MAX_CUSTOM_FIELDS: usize = 100;

/// A custom field to add to a module.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewField {
    /// Display label, e.g. "Member number"; the key is derived from it (`member_number`).
    pub label: String,
    /// What it holds (cannot be changed later: existing values would no longer fit).
    pub kind: FieldKind,
    /// A picklist's options; required for a picklist, empty for other kinds.
    #[serde(default)]
    pub options: Vec<String>,
    /// Whether every record must have a value.
    #[serde(default)]
    pub required: bool,
    /// Personal-data classification.
    #[serde(default)]
    pub personal: Personal,
}

/// A change to a field. Absent parts stay as they are.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FieldUpdate {
    /// New label (custom fields only).
    #[serde(default)]
    pub label: Option<String>,
    /// New picklist options; an option still used by a record cannot be removed.
    #[serde(default)]
    pub options: Option<Vec<String>>,
    /// Whether a value is required (custom fields only).
    #[serde(default)]
    pub required: Option<bool>,
    /// New classification.
    #[serde(default)]
    pub personal: Option<Personal>,
    /// Where the field is left out under "the chosen fields" preferences.
    #[serde(default)]
    pub excluded_from: Option<Vec<crate::handling::Destination>>,
}

/// A field label: 1–60 characters, no control characters.
pub fn parse_label(text: &str) -> Result<String, FieldError> {
    match parse_short_text(text)? {
        None => Err(FieldError::Empty),
        Some(label) if label.chars().count() > 60 => Err(FieldError::TooLong { max: 60 }),
        Some(label) => Ok(label),
    }
}

/// Picklist options: 1–200 distinct options of 1–100 characters each. On error, the index of
/// the option at fault (when one is) and the rule.
pub fn parse_options(options: &[String]) -> Result<Vec<String>, (Option<usize>, FieldError)> {
    if options.is_empty() {
        return Err((None, FieldError::Empty));
    }
    if options.len() > 200 {
        return Err((None, FieldError::OutOfRange { min: 1, max: 200 }));
    }
    let mut clean: Vec<String> = Vec::with_capacity(options.len());
    for (i, option) in options.iter().enumerate() {
        let option = match parse_short_text(option).map_err(|e| (Some(i), e))? {
            None => return Err((Some(i), FieldError::Empty)),
            Some(o) if o.chars().count() > 100 => {
                return Err((Some(i), FieldError::TooLong { max: 100 }));
            }
            Some(o) => o,
        };
        if clean
            .iter()
            .any(|c| c.to_lowercase() == option.to_lowercase())
        {
            return Err((Some(i), FieldError::Duplicate));
        }
        clean.push(option);
    }
    Ok(clean)
}

/// The key of a custom field with this label: lower-case letters, digits and underscores,
/// starting with a letter, at most 40 characters (`Member number` → `member_number`).
pub fn key_for_label(label: &str) -> Option<String> {
    let mut key = String::new();
    for c in label.to_lowercase().chars() {
        if c.is_ascii_alphanumeric() {
            key.push(c);
        } else if !key.is_empty() && !key.ends_with('_') {
            key.push('_');
        }
    }
    let key: String = key.trim_end_matches('_').chars().take(40).collect();
    let key = key.trim_end_matches('_').to_owned();
    key.starts_with(|c: char| c.is_ascii_lowercase())
        .then_some(key)
}

/// How many of a module's fields hold personal data.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PersonalCounts {
    /// Fields classified Normal.
    pub normal: u32,
    /// Fields classified Sensitive.
    pub sensitive: u32,
}

impl PersonalCounts {
    /// Counts the classification of `fields`.
    pub fn of(fields: &[Field]) -> PersonalCounts {
        let count = |p| fields.iter().filter(|f| f.personal == p).count() as u32;
        PersonalCounts {
            normal: count(Personal::Normal),
            sensitive: count(Personal::Sensitive),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(kind: FieldKind) -> Field {
        Field {
            id: FieldId(uuid::Uuid::nil()),
            key: "x".into(),
            label: "X".into(),
            kind,
            options: vec!["Gold".into(), "Silver".into()],
            required: false,
            standard: false,
            personal: Personal::NotPersonal,
            encryption: FieldEncryption::Off,
            excluded_from: Vec::new(),
        }
    }

    #[test]
    fn text_from_forms_and_csv_cells_is_parsed_per_kind() {
        let number = field(FieldKind::Number);
        assert_eq!(
            number.parse_text("3,5"),
            Ok(Some(FieldValue::Number(
                serde_json::Number::from_f64(3.5).expect("finite")
            )))
        );
        assert_eq!(
            number.parse_text("42"),
            Ok(Some(FieldValue::Number(42.into())))
        );
        assert_eq!(number.parse_text("forty"), Err(FieldError::Number));
        // A thousands separator or a decimal comma? Refused, not guessed.
        for ambiguous in [
            "1,000", "12,345", " 3,125 ", "-1,500", "1.000", "3.125", "999,999",
        ] {
            assert_eq!(
                number.parse_text(ambiguous),
                Err(FieldError::AmbiguousNumber),
                "{ambiguous}"
            );
        }
        assert_eq!(
            number.parse_text("1,5"),
            Ok(Some(FieldValue::Number(
                serde_json::Number::from_f64(1.5).expect("finite")
            )))
        );
        // No thousands group starts with 0 or has more than three digits before a separator.
        for decimal in ["0.125", "0,001", ".125", "-0,500", "1234.125", "1234,125"] {
            assert!(
                matches!(number.parse_text(decimal), Ok(Some(FieldValue::Number(_)))),
                "{decimal}"
            );
        }
        assert_eq!(
            number.parse_text("1000"),
            Ok(Some(FieldValue::Number(1000.into())))
        );
        assert_eq!(
            number.parse_text("1,2345"),
            Ok(Some(FieldValue::Number(
                serde_json::Number::from_f64(1.2345).expect("finite")
            )))
        );
        assert_eq!(number.parse_text("1e300"), Err(FieldError::Number));
        let date = field(FieldKind::Date);
        assert_eq!(
            date.parse_text("25-05-2018"),
            Ok(Some(FieldValue::Text("2018-05-25".into())))
        );
        assert_eq!(date.parse_text("2018-02-30"), Err(FieldError::Date));
        let boolean = field(FieldKind::Boolean);
        assert_eq!(
            boolean.parse_text("Ja"),
            Ok(Some(FieldValue::Boolean(true)))
        );
        assert_eq!(boolean.parse_text("maybe"), Err(FieldError::Boolean));
        let picklist = field(FieldKind::Picklist);
        assert_eq!(
            picklist.parse_text("gold"),
            Ok(Some(FieldValue::Text("Gold".into())))
        );
        assert_eq!(picklist.parse_text("Bronze"), Err(FieldError::NotAnOption));
        assert_eq!(
            field(FieldKind::Phone).parse_text("call me"),
            Err(FieldError::Phone)
        );
        assert_eq!(
            field(FieldKind::Email).parse_text("a@b"),
            Err(FieldError::Email)
        );
        assert_eq!(field(FieldKind::Text).parse_text("  "), Ok(None));
    }

    #[test]
    fn json_values_must_match_the_kind() {
        assert_eq!(
            field(FieldKind::Boolean).accept(&FieldValue::Number(1.into())),
            Err(FieldError::Boolean)
        );
        assert_eq!(
            field(FieldKind::Number).accept(&FieldValue::Boolean(true)),
            Err(FieldError::Number)
        );
        assert_eq!(
            field(FieldKind::Text).accept(&FieldValue::Boolean(true)),
            Err(FieldError::Text)
        );
        assert_eq!(
            field(FieldKind::Number).accept(&FieldValue::Text("7".into())),
            Ok(Some(FieldValue::Number(7.into())))
        );
    }

    #[test]
    fn keys_come_from_labels() {
        assert_eq!(
            key_for_label("Member number").as_deref(),
            Some("member_number")
        );
        assert_eq!(
            key_for_label("  Datum (geboorte)!").as_deref(),
            Some("datum_geboorte")
        );
        assert_eq!(key_for_label("2nd address"), None);
        assert_eq!(key_for_label("€€"), None);
    }

    #[test]
    fn options_are_distinct_and_non_empty() {
        assert_eq!(parse_options(&[]), Err((None, FieldError::Empty)));
        assert_eq!(
            parse_options(&["A".into(), "a".into()]),
            Err((Some(1), FieldError::Duplicate))
        );
        assert_eq!(
            parse_options(&[" A ".into(), "B".into()]),
            Ok(vec!["A".into(), "B".into()])
        );
    }
}
