//! The model's text parsers, all fed the same text: e-mail addresses, names, slugs,
//! passwords, languages, short texts, labels, picklist options, phone numbers, dates,
//! yes/no, custom field values of every kind, site origins, webhook URLs, the controller's
//! profile, ids, codes of every enumeration, merge fields, and a form design read as JSON.
//!
//! Invariants: nothing panics; what a parser accepts, it accepts again as it is (parse of
//! the parsed value's text gives the same value), and the JSON form (serde) agrees with
//! `parse`; a code parses to the value whose code it is; a form design's canonical JSON
//! reads back to the same design and the same JSON (a published version's hash is taken
//! over it).

#![no_main]

use consentry_model::{
    Email, FieldId, FormId, OrgSlug, OrganisationName, Password, PersonName, Profile,
    compliance::{ConsentStatus, ControllerProfile, LegalBasis, PendingProcessing},
    fields::{
        Field, FieldEncryption, FieldKind, Personal, StandardField, key_for_label,
        normalise_header, parse_boolean, parse_date, parse_label, parse_options, parse_phone,
    },
    forms::{FormDesign, FormLang},
    handling::{Destination, Exclusion},
    lang::Lang,
    records::{NewModule, RecordSort, parse_short_text},
    templates::{MergeField, MergeText},
    webhooks::{TargetPolicy, WebhookEvent, WebhookUrl},
    widget::parse_origin,
};
use libfuzzer_sys::fuzz_target;

/// `parse` of the value's own text gives the value; serde reads the text to the same value
/// (or refuses it, as `parse` does).
macro_rules! newtype_is_stable {
    ($ty:ty, $s:expr) => {{
        let s: &str = $s;
        let parsed = <$ty>::parse(s);
        let json: Result<$ty, _> = serde_json::from_value(serde_json::Value::String(s.into()));
        assert_eq!(
            json.ok(),
            parsed.clone().ok(),
            "serde agrees with parse: {s:?}"
        );
        if let Ok(value) = parsed {
            assert_eq!(
                <$ty>::parse(value.as_str()).as_ref(),
                Ok(&value),
                "{} {s:?} parses again to itself",
                stringify!($ty)
            );
        }
    }};
}

/// A code parses to the value whose code it is.
macro_rules! code_round_trips {
    ($($ty:ty),*; $s:expr) => {{
        $(
            if let Some(value) = <$ty>::from_code($s) {
                assert_eq!(value.code(), $s, "{}", stringify!($ty));
            }
            for value in <$ty>::ALL {
                assert_eq!(<$ty>::from_code(value.code()), Some(value));
            }
        )*
    }};
}

fn field(kind: FieldKind, options: Vec<String>) -> Field {
    Field {
        id: FieldId(uuid::Uuid::nil()),
        key: "fuzzed".into(),
        label: "Fuzzed".into(),
        kind,
        options,
        required: false,
        standard: false,
        personal: Personal::Normal,
        encryption: FieldEncryption::Off,
        excluded_from: Vec::new(),
    }
}

fn text_parsers(s: &str) {
    newtype_is_stable!(Email, s);
    newtype_is_stable!(PersonName, s);
    newtype_is_stable!(OrganisationName, s);
    newtype_is_stable!(OrgSlug, s);
    newtype_is_stable!(FormLang, s);
    if let Ok(password) = Password::parse(s) {
        assert_eq!(Password::parse(password.expose()).as_ref(), Ok(&password));
    }

    if let Ok(Some(text)) = parse_short_text(s) {
        assert_eq!(parse_short_text(&text), Ok(Some(text.clone())));
    }
    if let Ok(label) = parse_label(s) {
        assert_eq!(parse_label(&label).as_ref(), Ok(&label));
        if let Some(key) = key_for_label(&label) {
            assert!(key.len() <= 40 && is_key(&key), "{key:?}");
            assert_eq!(key_for_label(&key).as_ref(), Some(&key));
        }
    }
    let _ = key_for_label(s);
    let options: Vec<String> = s.split('|').map(str::to_owned).collect();
    let options = parse_options(&options).unwrap_or_default();
    assert_eq!(parse_options(&options).unwrap_or_default(), options);
    if let Ok(phone) = parse_phone(s) {
        assert_eq!(parse_phone(&phone).as_ref(), Ok(&phone));
    }
    if let Ok(date) = parse_date(s) {
        assert_eq!(parse_date(&date.to_string()), Ok(date));
    }
    if let Ok(yes) = parse_boolean(s) {
        assert_eq!(parse_boolean(&yes.to_string()), Ok(yes));
    }
    for kind in FieldKind::ALL {
        let field = field(kind, options.clone());
        if let Ok(Some(value)) = field.parse_text(s) {
            assert_eq!(
                field.parse_text(&value.to_string()).as_ref(),
                Ok(&Some(value.clone())),
                "{kind:?} {s:?}"
            );
            assert_eq!(
                field.accept(&value),
                Ok(Some(value.clone())),
                "{kind:?} {s:?}"
            );
        }
    }

    let normal = normalise_header(s);
    assert_eq!(normalise_header(&normal), normal);
    let _ = StandardField::guess(s);
    let slug = OrgSlug::suggest(s);
    assert_eq!(OrgSlug::suggest(&slug), slug);
    if slug.len() >= 2 {
        assert!(OrgSlug::parse(&slug).is_ok(), "{slug:?}");
    }
    if let Some(key) = NewModule::key(s) {
        assert!(OrgSlug::parse(&key).is_ok() || key.len() < 2, "{key:?}");
    }

    if let Ok(origin) = parse_origin(s) {
        assert_eq!(parse_origin(&origin).as_ref(), Ok(&origin));
    }
    for policy in [TargetPolicy::PublicOnly, TargetPolicy::AllowPrivate] {
        if let Ok(url) = WebhookUrl::parse(s, policy) {
            assert_eq!(WebhookUrl::parse(url.as_str(), policy).as_ref(), Ok(&url));
        }
    }
    let profile = ControllerProfile {
        contact: s.into(),
        street_address: s.into(),
        postal_code: s.into(),
        locality: s.into(),
        country: s.into(),
        email: s.into(),
        phone: s.into(),
        url: s.into(),
    };
    if let Ok(parsed) = profile.parse() {
        assert_eq!(parsed.clone().parse().as_ref(), Ok(&parsed));
    }

    if let Ok(id) = s.parse::<FormId>() {
        assert_eq!(id.to_string().parse::<FormId>().ok(), Some(id));
    }
    code_round_trips!(
        Profile, LegalBasis, ConsentStatus, FieldKind, Personal, FieldEncryption, Destination,
        Exclusion, RecordSort, WebhookEvent; s
    );
    if let Some(pending) = PendingProcessing::from_code(s) {
        assert_eq!(pending.code(), s);
    }
    if let Some(lang) = Lang::from_code(s) {
        assert_eq!(Lang::from_code(lang.code()), Some(lang));
    }
    let _ = MergeField::parse(s);
    let _ = MergeText::parse(s);

    if let Ok(design) = serde_json::from_str::<FormDesign>(s) {
        let _ = design.check();
        let _ = design.purposes_fingerprint();
        let json = design.canonical_json();
        let again: FormDesign = serde_json::from_str(&json).expect("canonical JSON reads back");
        assert_eq!(again, design);
        assert_eq!(again.canonical_json(), json);
    }
}

fn is_key(key: &str) -> bool {
    key.starts_with(|c: char| c.is_ascii_lowercase())
        && key
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

fuzz_target!(|data: &[u8]| {
    if let Ok(s) = std::str::from_utf8(data) {
        text_parsers(s);
    }
});
