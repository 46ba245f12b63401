//! The languages Consentry speaks.

use serde::{Deserialize, Serialize};

/// A UI and content language. English, Dutch, German and French are complete; every message
/// exists in each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Dutch (Nederlands).
    Nl,
    /// German (Deutsch).
    De,
    /// French (Français).
    Fr,
}

impl Lang {
    /// Every supported language, in the order a language menu shows them.
    pub const ALL: [Lang; 4] = [Lang::En, Lang::Nl, Lang::De, Lang::Fr];

    /// The BCP 47 code (`en`, `nl`, `de`, `fr`), as used in `<html lang>` and `Accept-Language`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Nl => "nl",
            Lang::De => "de",
            Lang::Fr => "fr",
        }
    }

    /// The language's own name for itself, for a language switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Nl => "Nederlands",
            Lang::De => "Deutsch",
            Lang::Fr => "Français",
        }
    }

    /// Parses a code such as `nl` or `nl-BE`; unknown languages give `None`.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.split(['-', '_']).next()?.trim().to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Lang::En),
            "nl" => Some(Lang::Nl),
            "de" => Some(Lang::De),
            "fr" => Some(Lang::Fr),
            _ => None,
        }
    }
}

/// The languages a data subject can be spoken to in (their pages, the widget's labels, their
/// mails): the 24 official languages of the EU, Norwegian Bokmål and Icelandic, by code. The
/// words of each are `words/locales/<code>/`, which a test holds to this list.
pub const SUBJECT_LANGUAGES: [&str; 26] = [
    "bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr", "hu", "is", "it", "lt",
    "lv", "mt", "nb", "nl", "pl", "pt", "ro", "sk", "sl", "sv",
];

/// Whether a data subject can be spoken to in `code` (see [`SUBJECT_LANGUAGES`]).
pub fn is_subject_language(code: &str) -> bool {
    SUBJECT_LANGUAGES.binary_search(&code).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn region_subtags_map_to_the_base_language() {
        assert_eq!(Lang::from_code("nl-BE"), Some(Lang::Nl));
        assert_eq!(Lang::from_code("EN_gb"), Some(Lang::En));
        assert_eq!(Lang::from_code("de-AT"), Some(Lang::De));
        assert_eq!(Lang::from_code("fr_CA"), Some(Lang::Fr));
        assert_eq!(Lang::from_code("FR"), Some(Lang::Fr));
        assert_eq!(Lang::from_code("es"), None);
        assert_eq!(Lang::from_code(""), None);
    }

    #[test]
    fn every_language_reads_back_from_its_code_and_has_its_own_name() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
            let json = serde_json::to_value(lang).expect("serialises");
            assert_eq!(json, lang.code());
        }
        assert_eq!(Lang::De.native_name(), "Deutsch");
        assert_eq!(Lang::Fr.native_name(), "Français");
        let mut names: Vec<&str> = Lang::ALL.iter().map(|l| l.native_name()).collect();
        names.dedup();
        assert_eq!(names.len(), Lang::ALL.len());
    }
}
