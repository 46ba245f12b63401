//! E-mail templates: the message that carries a consent link, with merge fields such as
//! `{{record.first_name}}` filled in per recipient.
//!
//! Merge fields are a fixed list, not a template language: no logic, no code, nothing a
//! tenant's template can use to reach data it should not. An unknown field is refused when
//! the template is saved, so a typo never reaches a data subject as `{{record.frist_name}}`.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::{FieldError, FormId, RecordId, TemplateId, forms::FormLang};

/// A value a template can put in a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MergeField {
    /// `{{record.first_name}}`
    FirstName,
    /// `{{record.last_name}}`
    LastName,
    /// `{{record.name}}`: first and last name, or the address when both are empty.
    Name,
    /// `{{record.email}}`
    Email,
    /// `{{record.company}}`
    Company,
    /// `{{org.name}}`
    OrganisationName,
    /// `{{form.name}}`
    FormName,
    /// `{{consent_link}}`, or `{{consent_link.nl}}` to open the page in that language.
    ConsentLink(Option<FormLang>),
    /// `{{consent_link.expires}}`: the last day the link works (YYYY-MM-DD).
    LinkExpires,
}

impl MergeField {
    /// The fields offered in the editor, as written in a template.
    pub const OFFERED: [&'static str; 10] = [
        "record.first_name",
        "record.last_name",
        "record.name",
        "record.email",
        "record.company",
        "org.name",
        "form.name",
        "consent_link",
        "consent_link.nl",
        "consent_link.expires",
    ];

    /// Parses a name written between `{{` and `}}` (spaces around it are allowed).
    pub fn parse(name: &str) -> Option<MergeField> {
        Some(match name.trim() {
            "record.first_name" => MergeField::FirstName,
            "record.last_name" => MergeField::LastName,
            "record.name" => MergeField::Name,
            "record.email" => MergeField::Email,
            "record.company" => MergeField::Company,
            "org.name" => MergeField::OrganisationName,
            "form.name" => MergeField::FormName,
            "consent_link" => MergeField::ConsentLink(None),
            "consent_link.expires" => MergeField::LinkExpires,
            other => {
                let lang = other.strip_prefix("consent_link.")?;
                let lang = FormLang::parse(lang)
                    .ok()
                    .filter(|l| crate::lang::is_subject_language(l.as_str()))?;
                MergeField::ConsentLink(Some(lang))
            }
        })
    }
}

/// A piece of a parsed template.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece {
    Text(String),
    Field(MergeField),
}

/// What is wrong with a template text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MergeError {
    /// `{{name}}` is not a merge field.
    #[error(
        "Unknown merge field {{{{{0}}}}}. Use one of: {{{{record.first_name}}}}, \
         {{{{record.last_name}}}}, {{{{record.name}}}}, {{{{record.email}}}}, \
         {{{{record.company}}}}, {{{{org.name}}}}, {{{{form.name}}}}, {{{{consent_link}}}}, \
         {{{{consent_link.nl}}}} (or .de, .pl, ...: a language of the EU or EEA), \
         {{{{consent_link.expires}}}}."
    )]
    Unknown(String),
    /// A `{{` without its `}}`.
    #[error("A merge field opened with {{{{ is not closed with }}}}.")]
    Unclosed,
    /// The message would not carry a consent link.
    #[error(
        "Put the consent link in the message: {{{{consent_link}}}} or {{{{consent_link.nl}}}}."
    )]
    NoConsentLink,
    /// A plain rule of the text (empty, too long, control characters).
    #[error("{0}")]
    Text(FieldError),
}

/// A template text with its merge fields found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergeText(Vec<Piece>);

impl MergeText {
    /// Splits a text into literal text and merge fields; refuses unknown or unclosed fields.
    pub fn parse(text: &str) -> Result<MergeText, MergeError> {
        let mut pieces = Vec::new();
        let mut rest = text;
        while let Some(start) = rest.find("{{") {
            if start > 0 {
                pieces.push(Piece::Text(rest[..start].to_owned()));
            }
            let after = &rest[start + 2..];
            let end = after.find("}}").ok_or(MergeError::Unclosed)?;
            let name = &after[..end];
            let field =
                MergeField::parse(name).ok_or_else(|| MergeError::Unknown(name.trim().into()))?;
            pieces.push(Piece::Field(field));
            rest = &after[end + 2..];
        }
        if !rest.is_empty() {
            pieces.push(Piece::Text(rest.to_owned()));
        }
        Ok(MergeText(pieces))
    }

    /// Whether the text carries a consent link.
    pub fn has_consent_link(&self) -> bool {
        self.0
            .iter()
            .any(|p| matches!(p, Piece::Field(MergeField::ConsentLink(_))))
    }

    /// The text with every field filled in; values are HTML-escaped when `html`.
    pub fn render(&self, values: &MergeValues, html: bool) -> String {
        let mut out = String::new();
        for piece in &self.0 {
            match piece {
                Piece::Text(text) => out.push_str(text),
                Piece::Field(field) => {
                    let value = values.value(field);
                    if html {
                        escape_html(&value, &mut out);
                    } else {
                        out.push_str(&value);
                    }
                }
            }
        }
        out
    }
}

/// Appends `value` to `out` with HTML's special characters escaped.
pub fn escape_html(value: &str, out: &mut String) {
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// The values of one message: the recipient's record, the organisation, the link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergeValues {
    /// First name, if known.
    pub first_name: Option<String>,
    /// Last name, if known.
    pub last_name: Option<String>,
    /// The address the message goes to.
    pub email: String,
    /// Company, if known.
    pub company: Option<String>,
    /// The organisation's name.
    pub organisation: String,
    /// The form's name.
    pub form: String,
    /// The consent link (without a language).
    pub link: String,
    /// The link's last day.
    pub expires: NaiveDate,
}

impl MergeValues {
    fn value(&self, field: &MergeField) -> String {
        let or_empty = |v: &Option<String>| v.clone().unwrap_or_default();
        match field {
            MergeField::FirstName => or_empty(&self.first_name),
            MergeField::LastName => or_empty(&self.last_name),
            MergeField::Name => {
                let name = [self.first_name.as_deref(), self.last_name.as_deref()]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" ");
                if name.is_empty() {
                    self.email.clone()
                } else {
                    name
                }
            }
            MergeField::Email => self.email.clone(),
            MergeField::Company => or_empty(&self.company),
            MergeField::OrganisationName => self.organisation.clone(),
            MergeField::FormName => self.form.clone(),
            MergeField::ConsentLink(None) => self.link.clone(),
            MergeField::ConsentLink(Some(lang)) => format!("{}?lang={lang}", self.link),
            MergeField::LinkExpires => self.expires.to_string(),
        }
    }
}

/// A template's words: what the admin edits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TemplateContent {
    /// Internal name ("Newsletter consent, Dutch").
    pub name: String,
    /// Subject line, with merge fields.
    pub subject: String,
    /// Plain-text part, with merge fields; must carry the consent link.
    pub body_text: String,
    /// HTML part, with merge fields (values are escaped); must carry the consent link when
    /// given. Without it the message is plain text only.
    #[serde(default)]
    pub body_html: Option<String>,
    /// The language it is written in (a code of [`crate::lang::SUBJECT_LANGUAGES`]), if
    /// said: sending a consent request starts at the template in the organisation's language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<FormLang>,
}

/// A template checked and parsed, ready to render messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MessageTemplate {
    subject: MergeText,
    body_text: MergeText,
    body_html: Option<MergeText>,
}

/// A message rendered for one recipient.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RenderedMessage {
    /// Subject line.
    pub subject: String,
    /// Plain-text part.
    pub body_text: String,
    /// HTML part, if the template has one.
    pub body_html: Option<String>,
}

fn text_rule(text: &str, max: usize, one_line: bool) -> Result<(), MergeError> {
    if text.trim().is_empty() {
        return Err(MergeError::Text(FieldError::Empty));
    }
    if text.chars().count() > max {
        return Err(MergeError::Text(FieldError::TooLong { max }));
    }
    let allowed: &[char] = if one_line { &[] } else { &['\n', '\r', '\t'] };
    crate::invisible::refuse_hidden(text, allowed).map_err(MergeError::Text)
}

impl TemplateContent {
    /// Checks every part; the error names the field at fault (`subject`, `body_text`, ...).
    pub fn check(&self) -> Result<MessageTemplate, (&'static str, MergeError)> {
        text_rule(&self.name, 60, true).map_err(|e| ("name", e))?;
        if let Some(language) = &self.language
            && !crate::lang::is_subject_language(language.as_str())
        {
            return Err(("language", MergeError::Text(FieldError::NotAnOption)));
        }
        text_rule(&self.subject, 200, true).map_err(|e| ("subject", e))?;
        let subject = MergeText::parse(&self.subject).map_err(|e| ("subject", e))?;
        text_rule(&self.body_text, 20_000, false).map_err(|e| ("body_text", e))?;
        let body_text = MergeText::parse(&self.body_text).map_err(|e| ("body_text", e))?;
        if !body_text.has_consent_link() {
            return Err(("body_text", MergeError::NoConsentLink));
        }
        let body_html = match self.body_html.as_deref().filter(|h| !h.trim().is_empty()) {
            None => None,
            Some(html) => {
                text_rule(html, 100_000, false).map_err(|e| ("body_html", e))?;
                let parsed = MergeText::parse(html).map_err(|e| ("body_html", e))?;
                if !parsed.has_consent_link() {
                    return Err(("body_html", MergeError::NoConsentLink));
                }
                Some(parsed)
            }
        };
        Ok(MessageTemplate {
            subject,
            body_text,
            body_html,
        })
    }
}

impl MessageTemplate {
    /// The message for one recipient.
    pub fn render(&self, values: &MergeValues) -> RenderedMessage {
        RenderedMessage {
            subject: self.subject.render(values, false),
            body_text: self.body_text.render(values, false),
            body_html: self.body_html.as_ref().map(|h| h.render(values, true)),
        }
    }
}

/// A saved template.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EmailTemplate {
    /// Template id.
    pub id: TemplateId,
    /// Its words.
    #[serde(flatten)]
    pub content: TemplateContent,
    /// Last saved.
    pub updated_at: DateTime<Utc>,
}

/// Render a template (saved or not) for a chosen record, to see what they would receive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TemplatePreview {
    /// The template as edited.
    pub template: TemplateContent,
    /// The record to fill it in for.
    pub record_id: RecordId,
    /// The form whose name and link it shows (the first published form when absent).
    #[serde(default)]
    pub form_id: Option<FormId>,
}

/// The message used when a consent request names no template.
pub fn default_template() -> TemplateContent {
    TemplateContent {
        name: "Consent request".into(),
        subject: "{{org.name}}: your privacy choices".into(),
        body_text: "Dear {{record.name}},\n\n{{org.name}} asks for your consent. Open this \
                    personal link to see what for and to choose:\n\n{{consent_link}}\n\nThe \
                    link works until {{consent_link.expires}}. If you did not expect this \
                    message, you can ignore it.\n"
            .into(),
        body_html: None,
        language: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values() -> MergeValues {
        MergeValues {
            first_name: Some("Anne".into()),
            last_name: Some("de <Vries>".into()),
            email: "anne@example.org".into(),
            company: None,
            organisation: "Acme".into(),
            form: "Newsletter".into(),
            link: "https://consent.example.org/c/abc".into(),
            expires: NaiveDate::from_ymd_opt(2026, 12, 13).expect("date"),
        }
    }

    #[test]
    fn fields_are_filled_in_and_escaped_only_in_html() {
        let template = TemplateContent {
            name: "Dutch".into(),
            subject: "{{ org.name }} vraagt toestemming".into(),
            body_text: "Beste {{record.name}}, {{consent_link.nl}} tot {{consent_link.expires}}"
                .into(),
            body_html: Some(
                "<p>{{record.last_name}}</p><a href=\"{{consent_link}}\">ja</a>".into(),
            ),
            language: FormLang::parse("nl").ok(),
        }
        .check()
        .expect("valid");
        let message = template.render(&values());
        assert_eq!(message.subject, "Acme vraagt toestemming");
        assert_eq!(
            message.body_text,
            "Beste Anne de <Vries>, https://consent.example.org/c/abc?lang=nl tot 2026-12-13"
        );
        assert_eq!(
            message.body_html.as_deref(),
            Some("<p>de &lt;Vries&gt;</p><a href=\"https://consent.example.org/c/abc\">ja</a>")
        );
    }

    #[test]
    fn an_unknown_field_is_refused_by_name() {
        let mut template = default_template();
        template.subject = "Hello {{record.frist_name}}".into();
        let (field, error) = template.check().expect_err("unknown field");
        assert_eq!(field, "subject");
        assert_eq!(error, MergeError::Unknown("record.frist_name".into()));
        assert!(error.to_string().contains("{{record.frist_name}}"));
        assert_eq!(
            MergeText::parse("{{consent_link.NL}}"),
            Err(MergeError::Unknown("consent_link.NL".into()))
        );
        // A language no subject can be spoken to in is not a link's language.
        assert_eq!(
            MergeText::parse("{{consent_link.xx}}"),
            Err(MergeError::Unknown("consent_link.xx".into()))
        );
        assert!(MergeText::parse("{{consent_link.pl}}").is_ok());
        assert_eq!(
            MergeText::parse("Hi {{record.name"),
            Err(MergeError::Unclosed)
        );
    }

    #[test]
    fn every_part_must_carry_the_link() {
        let mut template = default_template();
        template.body_text = "Dear {{record.name}}".into();
        assert_eq!(
            template.check().map(|_| ()),
            Err(("body_text", MergeError::NoConsentLink))
        );
        let mut template = default_template();
        template.body_html = Some("<p>Hello</p>".into());
        assert_eq!(
            template.check().map(|_| ()),
            Err(("body_html", MergeError::NoConsentLink))
        );
        let mut template = default_template();
        template.subject = "Line\nbreak".into();
        assert_eq!(
            template.check().map(|_| ()),
            Err(("subject", MergeError::Text(FieldError::ControlCharacters)))
        );
    }

    #[test]
    fn every_offered_field_parses_and_the_default_is_valid() {
        for name in MergeField::OFFERED {
            assert!(MergeField::parse(name).is_some(), "{name}");
        }
        assert!(default_template().check().is_ok());
        let name_only = MergeValues {
            first_name: None,
            last_name: None,
            ..values()
        };
        assert_eq!(
            MergeText::parse("{{record.name}}")
                .expect("valid")
                .render(&name_only, false),
            "anne@example.org"
        );
    }
}
