//! Consent forms: what a data subject is asked to agree to, in which languages, and the
//! immutable published versions whose text hash every consent event refers to.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::{FieldError, FormId, records::Channel};

/// A form's language: a two-letter ISO 639-1 code (`en`, `nl`, `de`, `pl`, ...); a form's texts
/// are in languages of the EU and EEA (see [`crate::lang::SUBJECT_LANGUAGES`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct FormLang(String);

crate::text::text_schema!(FormLang, 2, 2, Some("^[a-z]{2}$"), None);

impl FormLang {
    /// Parses a language code: two lower-case letters.
    pub fn parse(code: &str) -> Result<FormLang, FieldError> {
        let code = code.trim();
        if code.len() == 2 && code.bytes().all(|b| b.is_ascii_lowercase()) {
            Ok(FormLang(code.to_owned()))
        } else {
            Err(FieldError::NotAnOption)
        }
    }

    /// English, where an organisation starts.
    pub fn english() -> FormLang {
        FormLang("en".to_owned())
    }

    /// The code.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for FormLang {
    type Error = FieldError;
    fn try_from(value: String) -> Result<Self, FieldError> {
        FormLang::parse(&value)
    }
}

impl From<FormLang> for String {
    fn from(lang: FormLang) -> String {
        lang.0
    }
}

impl std::fmt::Display for FormLang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// A purpose the data subject consents to (or not), the same in every language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Purpose {
    /// Stable key (`newsletter`, `analytics`): lower-case letters, digits, underscores.
    pub key: String,
    /// Required purposes cannot be refused separately (refusing means refusing the form).
    pub required: bool,
    /// What the purpose is used for, as Global Privacy Control and Google Consent Mode see it.
    #[serde(default, skip_serializing_if = "PurposeCategory::is_general")]
    pub category: PurposeCategory,
}

/// What a purpose is used for. A design without categories stores none, so the text hashes
/// of versions published before categories existed stay the same.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PurposeCategory {
    /// Anything else (a newsletter, functional cookies).
    #[default]
    General,
    /// Measuring use of the site (Consent Mode `analytics_storage`).
    Analytics,
    /// Advertising (Consent Mode `ad_storage`, `ad_personalization`, `ad_user_data`);
    /// refused by default under Global Privacy Control.
    Advertising,
    /// Selling or sharing personal data (Consent Mode `ad_user_data`); refused by default
    /// under Global Privacy Control.
    SaleOrSharing,
}

impl PurposeCategory {
    /// Every category, in display order.
    pub const ALL: [PurposeCategory; 4] = [
        PurposeCategory::General,
        PurposeCategory::Analytics,
        PurposeCategory::Advertising,
        PurposeCategory::SaleOrSharing,
    ];

    /// Not a category of its own.
    pub fn is_general(&self) -> bool {
        *self == PurposeCategory::General
    }

    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            PurposeCategory::General => "general",
            PurposeCategory::Analytics => "analytics",
            PurposeCategory::Advertising => "advertising",
            PurposeCategory::SaleOrSharing => "sale_or_sharing",
        }
    }
}

/// A purpose's words in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PurposeText {
    /// Short title.
    pub title: String,
    /// What it means for the subject.
    pub description: String,
}

/// Everything a form says, in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FormTexts {
    /// Heading of the form.
    pub title: String,
    /// Why the organisation asks (the purpose text).
    pub intro: String,
    /// Title and description per purpose key.
    pub purposes: BTreeMap<String, PurposeText>,
    /// Heading above the contact channels.
    pub channels_heading: String,
    /// The name of each shown channel.
    pub channel_labels: BTreeMap<Channel, String>,
    /// Beside a purpose that cannot be refused separately.
    pub required_label: String,
    /// The consent statement the subject agrees to.
    pub consent_statement: String,
    /// The privacy statement (links to the policy).
    pub privacy_statement: String,
    /// The submit button.
    pub submit_label: String,
    /// The stop-processing button.
    pub stop_processing_label: String,
    /// Shown after submitting.
    pub thanks: String,
}

/// A form's design: its structure and its words in every language. Drafts and published
/// versions share this shape.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FormDesign {
    /// The language shown when the subject's is not available; its texts are copied when a
    /// language is added.
    pub default_lang: FormLang,
    /// The purposes, in display order.
    pub purposes: Vec<Purpose>,
    /// The contact channels shown (the others are hidden).
    pub channels: Vec<Channel>,
    /// The privacy policy (https).
    pub policy_url: Option<String>,
    /// A logo (https image URL).
    pub logo_url: Option<String>,
    /// Brand colour of buttons and headings, `#rrggbb`.
    pub brand_colour: String,
    /// The texts per language.
    pub texts: BTreeMap<FormLang, FormTexts>,
    /// The languages whose texts are still the copy of the default language they started
    /// as, waiting for a translation: shown to subjects with a note saying so; publishing
    /// with any warns the privacy officer.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub untranslated: BTreeSet<FormLang>,
}

/// Where a text of a design is at fault: its path in [`FormDesign`] and the rule.
pub type DesignError = (String, FieldError);

fn text_rule(path: &str, text: &str, max: usize) -> Result<(), DesignError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err((path.to_owned(), FieldError::Empty));
    }
    if trimmed.chars().count() > max {
        return Err((path.to_owned(), FieldError::TooLong { max }));
    }
    crate::invisible::refuse_hidden(trimmed, &['\n']).map_err(|e| (path.to_owned(), e))
}

/// Longest privacy-policy or logo address.
const MAX_URL_CHARS: usize = 500;

fn https_url(path: &str, url: &str) -> Result<(), DesignError> {
    // A hidden character is named as such: "not allowed" would send the writer looking for
    // something else.
    if let Err(hidden) = crate::invisible::refuse_invisible(url) {
        return Err((path.to_owned(), hidden));
    }
    let ok = url.len() <= MAX_URL_CHARS
        && url
            .strip_prefix("https://")
            .is_some_and(|rest| !rest.is_empty() && !rest.starts_with('/'))
        && !url
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '"');
    if ok {
        Ok(())
    } else {
        Err((path.to_owned(), FieldError::HttpsUrl { max: MAX_URL_CHARS }))
    }
}

/// A purpose key: 1–40 lower-case letters, digits and underscores, starting with a letter.
pub fn is_purpose_key(key: &str) -> bool {
    (1..=40).contains(&key.len())
        && key.starts_with(|c: char| c.is_ascii_lowercase())
        && key
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

impl FormDesign {
    /// Checks every rule of a design; the error names the part at fault
    /// (`texts.nl.purposes.newsletter.title`).
    pub fn check(&self) -> Result<(), DesignError> {
        if self.purposes.is_empty() {
            return Err(("purposes".into(), FieldError::Empty));
        }
        if self.purposes.len() > 20 {
            return Err((
                "purposes".into(),
                FieldError::OutOfRange { min: 1, max: 20 },
            ));
        }
        for (i, purpose) in self.purposes.iter().enumerate() {
            if !is_purpose_key(&purpose.key) {
                return Err((format!("purposes[{i}].key"), FieldError::Slug));
            }
            if self.purposes[..i].iter().any(|p| p.key == purpose.key) {
                return Err((format!("purposes[{i}].key"), FieldError::Duplicate));
            }
        }
        for (i, channel) in self.channels.iter().enumerate() {
            if self.channels[..i].contains(channel) {
                return Err((format!("channels[{i}]"), FieldError::Duplicate));
            }
        }
        if let Some(url) = &self.policy_url {
            https_url("policy_url", url)?;
        }
        if let Some(url) = &self.logo_url {
            https_url("logo_url", url)?;
        }
        let colour = self.brand_colour.strip_prefix('#').unwrap_or_default();
        if colour.len() != 6 || !colour.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(("brand_colour".into(), FieldError::NotAllowed));
        }
        if !self.texts.contains_key(&self.default_lang) {
            return Err((format!("texts.{}", self.default_lang), FieldError::Empty));
        }
        if let Some(lang) = self
            .untranslated
            .iter()
            .find(|l| **l == self.default_lang || !self.texts.contains_key(*l))
        {
            return Err((format!("untranslated.{lang}"), FieldError::NotAnOption));
        }
        for (lang, texts) in &self.texts {
            let at = |part: &str| format!("texts.{lang}.{part}");
            text_rule(&at("title"), &texts.title, 120)?;
            text_rule(&at("intro"), &texts.intro, 2000)?;
            text_rule(&at("channels_heading"), &texts.channels_heading, 120)?;
            text_rule(&at("required_label"), &texts.required_label, 60)?;
            for channel in &self.channels {
                let path = at(&format!("channel_labels.{}", channel.code()));
                let label = texts
                    .channel_labels
                    .get(channel)
                    .ok_or_else(|| (path.clone(), FieldError::Empty))?;
                text_rule(&path, label, 60)?;
            }
            text_rule(&at("consent_statement"), &texts.consent_statement, 2000)?;
            text_rule(&at("privacy_statement"), &texts.privacy_statement, 2000)?;
            text_rule(&at("submit_label"), &texts.submit_label, 60)?;
            text_rule(
                &at("stop_processing_label"),
                &texts.stop_processing_label,
                60,
            )?;
            text_rule(&at("thanks"), &texts.thanks, 1000)?;
            for purpose in &self.purposes {
                let base = format!("purposes.{}", purpose.key);
                let text = texts
                    .purposes
                    .get(&purpose.key)
                    .ok_or_else(|| (at(&base), FieldError::Empty))?;
                text_rule(&at(&format!("{base}.title")), &text.title, 120)?;
                text_rule(&at(&format!("{base}.description")), &text.description, 1000)?;
            }
            if let Some(extra) = texts
                .purposes
                .keys()
                .find(|k| !self.purposes.iter().any(|p| p.key == **k))
            {
                return Err((at(&format!("purposes.{extra}")), FieldError::UnknownField));
            }
        }
        Ok(())
    }

    /// The language the texts shown for `lang` are written in: `lang` itself, or the default
    /// language when the form lacks `lang` or its texts there are still the untranslated copy.
    /// What a page marks up as the text's language and what evidence records as read.
    pub fn written_in(&self, lang: &FormLang) -> &FormLang {
        match self.texts.get_key_value(lang) {
            Some((found, _)) if !self.untranslated.contains(lang) => found,
            _ => &self.default_lang,
        }
    }

    /// The languages the form has texts in, by code.
    pub fn languages(&self) -> Vec<FormLang> {
        self.texts.keys().cloned().collect()
    }

    /// The texts in `lang`, or in the default language when the form lacks `lang`.
    pub fn texts_for(&self, lang: Option<&FormLang>) -> Option<(&FormLang, &FormTexts)> {
        lang.and_then(|l| self.texts.get_key_value(l))
            .or_else(|| self.texts.get_key_value(&self.default_lang))
    }

    /// What a sign-up is for, as its subject reads it in `lang`: the titles of the purposes
    /// they granted (in the form's order), or of every purpose when they granted none; the
    /// form's heading only when it has no purposes. Never the consent page's generic heading
    /// ("Your privacy choices") when there is something more telling to name.
    pub fn signed_up_for(&self, lang: Option<&FormLang>, choices: &ConsentChoices) -> String {
        let Some((_, texts)) = self.texts_for(lang) else {
            return String::new();
        };
        let titles = |granted_only: bool| -> Vec<String> {
            self.purposes
                .iter()
                .filter(|p| !granted_only || choices.granted.contains(&p.key))
                .filter_map(|p| texts.purposes.get(&p.key).map(|t| t.title.clone()))
                .filter(|t| !t.trim().is_empty())
                .collect()
        };
        let mut named = titles(true);
        if named.is_empty() {
            named = titles(false);
        }
        if named.is_empty() {
            texts.title.clone()
        } else {
            named.join(", ")
        }
    }

    /// A fingerprint of the purposes (their keys, whether required, their categories), not of
    /// any wording: a decision stored on a site is asked again only when this changes.
    pub fn purposes_fingerprint(&self) -> String {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for purpose in &self.purposes {
            let part = format!(
                "{}:{}:{};",
                purpose.key,
                purpose.required,
                purpose.category.code()
            );
            for byte in part.bytes() {
                hash ^= u64::from(byte);
                hash = hash.wrapping_mul(0x0100_0000_01b3);
            }
        }
        format!("{hash:016x}")
    }

    /// The design in its one canonical JSON form (struct fields in declaration order, maps
    /// sorted): what a published version's hash is computed over.
    pub fn canonical_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// What a data subject chose on a form: the purposes granted and the channels allowed.
/// Required purposes are always among the granted ones unless processing is stopped.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ConsentChoices {
    /// Keys of the purposes granted.
    pub granted: BTreeSet<String>,
    /// Channels the subject may be contacted through.
    pub channels: BTreeSet<Channel>,
}

impl ConsentChoices {
    /// The choices a design starts with: required purposes granted, nothing else.
    pub fn initial(design: &FormDesign) -> ConsentChoices {
        ConsentChoices {
            granted: design
                .purposes
                .iter()
                .filter(|p| p.required)
                .map(|p| p.key.clone())
                .collect(),
            channels: BTreeSet::new(),
        }
    }
}

/// A published version's summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FormVersion {
    /// 1, 2, 3, ...
    pub version: u32,
    /// SHA-256 of the design's canonical JSON, hex.
    pub text_hash: String,
    /// When it was published.
    pub published_at: DateTime<Utc>,
    /// Who published it.
    pub published_by: String,
}

/// A consent form with its draft and the latest published version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ConsentForm {
    /// Form id.
    pub id: FormId,
    /// Internal name ("Newsletter").
    pub name: String,
    /// Public short name, unique in the organisation (`newsletter`), used in links.
    pub slug: String,
    /// The design being edited.
    pub draft: FormDesign,
    /// Whether the draft differs from the latest published version.
    pub draft_changed: bool,
    /// The latest published version, if any.
    pub published: Option<FormVersion>,
    /// Whether and how the form takes public sign-ups.
    #[serde(default)]
    pub sign_up: crate::signup::SignUpSettings,
    /// Where the form may be embedded with the widget.
    #[serde(default)]
    pub widget: crate::widget::WidgetSettings,
}

/// A form in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FormSummary {
    /// Form id.
    pub id: FormId,
    /// Internal name.
    pub name: String,
    /// Public short name.
    pub slug: String,
    /// Languages of the draft.
    pub languages: Vec<FormLang>,
    /// The latest published version, if any.
    pub published: Option<FormVersion>,
}

/// A form to create; it starts with a complete English and Dutch draft to adapt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewForm {
    /// Internal name, e.g. "Newsletter"; the slug is derived from it.
    pub name: String,
}

/// A new form's starting design: one purpose, the e-mail channel, English and Dutch texts.
pub fn starter_design(organisation: &str) -> FormDesign {
    let purpose = "newsletter";
    let texts = |title: &str,
                 intro: String,
                 purpose_title: &str,
                 purpose_description: &str,
                 channels: (&str, [&str; 4], &str),
                 consent: &str,
                 privacy: &str,
                 submit: &str,
                 stop: &str,
                 thanks: &str| FormTexts {
        title: title.into(),
        intro,
        purposes: BTreeMap::from([(
            purpose.to_owned(),
            PurposeText {
                title: purpose_title.into(),
                description: purpose_description.into(),
            },
        )]),
        channels_heading: channels.0.into(),
        channel_labels: Channel::ALL
            .into_iter()
            .zip(channels.1)
            .map(|(c, l)| (c, l.to_owned()))
            .collect(),
        required_label: channels.2.into(),
        consent_statement: consent.into(),
        privacy_statement: privacy.into(),
        submit_label: submit.into(),
        stop_processing_label: stop.into(),
        thanks: thanks.into(),
    };
    let en = texts(
        "Your privacy choices",
        format!(
            "{organisation} would like to keep in touch with you. Choose below what you agree \
             to; you can change your mind at any time."
        ),
        "Newsletter",
        "News and offers, about once a month.",
        (
            "You may contact me by",
            ["E-mail", "Phone", "Surveys", "Social media"],
            "required",
        ),
        "I agree to the processing of my personal data for the purposes I ticked.",
        "Read how we handle your personal data in our privacy statement.",
        "Save my choices",
        "Stop processing my data",
        "Thank you. Your choices are saved.",
    );
    let nl = texts(
        "Uw privacykeuzes",
        format!(
            "{organisation} wil graag contact met u houden. Kies hieronder waarmee u instemt; \
             u kunt uw keuze altijd wijzigen."
        ),
        "Nieuwsbrief",
        "Nieuws en aanbiedingen, ongeveer eens per maand.",
        (
            "U mag contact met mij opnemen via",
            ["E-mail", "Telefoon", "Enquêtes", "Sociale media"],
            "verplicht",
        ),
        "Ik stem in met de verwerking van mijn persoonsgegevens voor de aangevinkte doelen.",
        "Lees in onze privacyverklaring hoe wij met uw persoonsgegevens omgaan.",
        "Mijn keuzes opslaan",
        "Stop met het verwerken van mijn gegevens",
        "Dank u wel. Uw keuzes zijn opgeslagen.",
    );
    FormDesign {
        default_lang: FormLang("en".into()),
        purposes: vec![Purpose {
            key: purpose.into(),
            required: false,
            category: PurposeCategory::General,
        }],
        channels: vec![Channel::Email],
        policy_url: None,
        logo_url: None,
        brand_colour: "#1d4ed8".into(),
        texts: BTreeMap::from([(FormLang("en".into()), en), (FormLang("nl".into()), nl)]),
        untranslated: BTreeSet::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_starter_design_passes_its_own_rules() {
        assert_eq!(starter_design("Acme").check(), Ok(()));
    }

    #[test]
    fn the_purposes_fingerprint_ignores_wording_but_not_purposes() {
        let design = starter_design("Acme");
        let mut reworded = design.clone();
        for texts in reworded.texts.values_mut() {
            texts.intro = "Other words".into();
            for purpose in texts.purposes.values_mut() {
                purpose.description = "Said differently".into();
            }
        }
        assert_eq!(
            design.purposes_fingerprint(),
            reworded.purposes_fingerprint()
        );
        let mut recategorised = design.clone();
        recategorised.purposes[0].category = PurposeCategory::Advertising;
        assert_ne!(
            design.purposes_fingerprint(),
            recategorised.purposes_fingerprint()
        );
        let mut added = design.clone();
        added.purposes.push(Purpose {
            key: "events".into(),
            required: false,
            category: PurposeCategory::General,
        });
        assert_ne!(design.purposes_fingerprint(), added.purposes_fingerprint());
    }

    #[test]
    fn a_sign_up_names_the_purposes_granted_never_the_generic_heading() {
        let mut design = starter_design("Acme");
        design.purposes.push(Purpose {
            key: "events".into(),
            required: false,
            category: PurposeCategory::General,
        });
        for (lang, title) in [("en", "Events"), ("nl", "Evenementen")] {
            let texts = design.texts.get_mut(&FormLang(lang.into())).expect("texts");
            texts.purposes.insert(
                "events".into(),
                PurposeText {
                    title: title.into(),
                    description: String::new(),
                },
            );
        }
        let nl = FormLang("nl".into());
        let mut choices = ConsentChoices::default();
        assert_eq!(
            design.signed_up_for(Some(&nl), &choices),
            "Nieuwsbrief, Evenementen",
            "nothing granted: every purpose"
        );
        choices.granted.insert("events".into());
        assert_eq!(design.signed_up_for(Some(&nl), &choices), "Evenementen");
        assert_eq!(design.signed_up_for(None, &choices), "Events");
        design.purposes.clear();
        assert_eq!(
            design.signed_up_for(None, &choices),
            "Your privacy choices",
            "no purposes: the heading"
        );
    }

    #[test]
    fn a_general_purpose_stores_no_category_so_old_hashes_hold() {
        let json = serde_json::to_string(&starter_design("Acme").purposes).expect("json");
        assert_eq!(json, r#"[{"key":"newsletter","required":false}]"#);
    }

    #[test]
    fn a_missing_translation_or_bad_key_is_named() {
        let mut design = starter_design("Acme");
        design.purposes.push(Purpose {
            key: "events".into(),
            required: false,
            category: PurposeCategory::General,
        });
        assert_eq!(
            design.check().map_err(|e| e.0),
            Err("texts.en.purposes.events".into())
        );
        let mut design = starter_design("Acme");
        design.purposes[0].key = "News letter".into();
        assert_eq!(
            design.check().map_err(|e| e.0),
            Err("purposes[0].key".into())
        );
        let mut design = starter_design("Acme");
        design.policy_url = Some("http://example.org/privacy".into());
        assert_eq!(
            design.check(),
            Err(("policy_url".into(), FieldError::HttpsUrl { max: 500 }))
        );
        let mut design = starter_design("Acme");
        design.logo_url = Some("https://example.org/\u{202e}gnp.exe".into());
        assert_eq!(
            design.check(),
            Err((
                "logo_url".into(),
                FieldError::InvisibleCharacter { code_point: 0x202e }
            ))
        );
        let mut design = starter_design("Acme");
        if let Some(nl) = design.texts.get_mut(&FormLang("nl".into())) {
            nl.submit_label = " ".into();
        }
        assert_eq!(
            design.check().map_err(|e| e.0),
            Err("texts.nl.submit_label".into())
        );
    }

    #[test]
    fn texts_fall_back_to_the_default_language() {
        let design = starter_design("Acme");
        let de = FormLang::parse("de").expect("code");
        assert_eq!(
            design.texts_for(Some(&de)).map(|(l, _)| l.as_str()),
            Some("en")
        );
        let nl = FormLang::parse("nl").expect("code");
        assert_eq!(
            design.texts_for(Some(&nl)).map(|(l, _)| l.as_str()),
            Some("nl")
        );
        assert!(FormLang::parse("NL").is_err());
    }
}
