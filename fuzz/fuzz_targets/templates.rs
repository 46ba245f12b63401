//! Merge-field templates: the parser of `{{…}}` fields and the renderer of messages.
//!
//! Input: UTF-8 text in parts separated by the record separator (U+001E): the subject, the
//! plain-text part, the HTML part, then one recipient's first name, last name, e-mail
//! address, company, organisation and form name. Missing parts are empty (the HTML part:
//! absent). Plain text in, so that the corpus starts from real templates and the
//! dictionary `fuzz/templates.dict` (the merge fields) can splice fields in.
//!
//! Invariants: nothing panics; a text without `{{` parses to itself; rendering puts the
//! values in and nothing else (the plain text part of a template rendered with empty values
//! is its literal text); the HTML part escapes every value: values full of `<script>` and
//! quotes add no `<`, `>`, `"` or `'` to the HTML; a subject line, once checked and filled
//! with values that passed the record's rules, holds no line break (no header injection).

#![no_main]

use chrono::NaiveDate;
use consentry_model::{
    Email, OrganisationName,
    records::parse_short_text,
    templates::{MergeField, MergeText, MergeValues, TemplateContent},
};
use libfuzzer_sys::fuzz_target;

#[derive(Debug)]
struct Values {
    first_name: String,
    last_name: String,
    email: String,
    company: String,
    organisation: String,
    form: String,
    days: u16,
}

#[derive(Debug)]
struct TemplateInput {
    values: Values,
    subject: String,
    body_html: Option<String>,
    body_text: String,
}

impl TemplateInput {
    fn read(text: &str) -> TemplateInput {
        let mut parts = text.split('\u{1e}');
        let mut next = || parts.next().unwrap_or_default().to_owned();
        let subject = next();
        let body_text = next();
        let body_html = Some(next()).filter(|_| text.matches('\u{1e}').count() >= 2);
        TemplateInput {
            subject,
            body_text,
            body_html,
            values: Values {
                first_name: next(),
                last_name: next(),
                email: next(),
                company: next(),
                organisation: next(),
                form: next(),
                days: (text.len() % 2000) as u16,
            },
        }
    }
}

const LINK: &str = "https://consent.example.org/c/abcdef";

fn expires(days: u16) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 1).expect("date") + chrono::Days::new(u64::from(days))
}

/// The values as a real message has them: every text passed the rule of its field.
fn checked_values(v: &Values) -> MergeValues {
    MergeValues {
        first_name: parse_short_text(&v.first_name).ok().flatten(),
        last_name: parse_short_text(&v.last_name).ok().flatten(),
        email: Email::parse(&v.email)
            .map(|e| e.as_str().to_owned())
            .unwrap_or_else(|_| "anne@example.org".into()),
        company: parse_short_text(&v.company).ok().flatten(),
        organisation: OrganisationName::parse(&v.organisation)
            .map(|o| o.as_str().to_owned())
            .unwrap_or_else(|_| "Acme".into()),
        form: parse_short_text(&v.form)
            .ok()
            .flatten()
            .unwrap_or_else(|| "Newsletter".into()),
        link: LINK.into(),
        expires: expires(v.days),
    }
}

/// The values as anything at all, each with markup in it.
fn hostile_values(v: &Values) -> MergeValues {
    let hostile = |s: &str| format!("<script>alert(\"{s}\")</script>'&");
    MergeValues {
        first_name: Some(hostile(&v.first_name)),
        last_name: Some(hostile(&v.last_name)),
        email: hostile(&v.email),
        company: Some(hostile(&v.company)),
        organisation: hostile(&v.organisation),
        form: hostile(&v.form),
        link: hostile(LINK),
        expires: expires(v.days),
    }
}

/// The same values with nothing HTML would treat as markup.
fn plain(values: &MergeValues) -> MergeValues {
    let strip = |s: &str| s.replace(['<', '>', '"', '\'', '&'], "");
    MergeValues {
        first_name: values.first_name.as_deref().map(strip),
        last_name: values.last_name.as_deref().map(strip),
        email: strip(&values.email),
        company: values.company.as_deref().map(strip),
        organisation: strip(&values.organisation),
        form: strip(&values.form),
        link: strip(&values.link),
        expires: values.expires,
    }
}

fn empty() -> MergeValues {
    MergeValues {
        first_name: None,
        last_name: None,
        email: String::new(),
        company: None,
        organisation: String::new(),
        form: String::new(),
        link: String::new(),
        expires: NaiveDate::MIN,
    }
}

fn count(text: &str, c: char) -> usize {
    text.matches(c).count()
}

/// The literal pieces of a text that parsed: what lies between its `{{…}}` fields.
fn literal_pieces(text: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        pieces.push(&rest[..start]);
        let after = &rest[start + 2..];
        let end = after.find("}}").expect("closed, since it parsed");
        rest = &after[end + 2..];
    }
    pieces.push(rest);
    pieces
}

fn check_text(text: &str, values: &Values) {
    let Ok(parsed) = MergeText::parse(text) else {
        return;
    };
    if !text.contains("{{") {
        assert_eq!(parsed.render(&empty(), false), text);
    }
    let pieces = literal_pieces(text);
    // Fields filled with nothing leave the literal text; `{{consent_link.expires}}` and
    // `{{consent_link.nl}}` aside, which always say a date and a language.
    if !text.contains("consent_link.") {
        assert_eq!(parsed.render(&empty(), false), pieces.concat());
        assert_eq!(parsed.render(&empty(), true), pieces.concat());
    }
    let hostile = hostile_values(values);
    let html = parsed.render(&hostile, true);
    let harmless = parsed.render(&plain(&hostile), true);
    for c in ['<', '>', '"', '\''] {
        assert_eq!(
            count(&html, c),
            count(&harmless, c),
            "{c} added by a value: {html}"
        );
    }
    assert_eq!(
        html.matches("<script>").count(),
        pieces
            .iter()
            .map(|p| p.matches("<script>").count())
            .sum::<usize>(),
        "a value's <script> is escaped: {html}"
    );
    let _ = parsed.render(&checked_values(values), false);
    let _ = parsed.has_consent_link();
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let input = TemplateInput::read(text);
    let _ = MergeField::parse(&input.subject);
    check_text(&input.subject, &input.values);
    check_text(&input.body_text, &input.values);
    if let Some(html) = &input.body_html {
        check_text(html, &input.values);
    }

    let content = TemplateContent {
        name: "Fuzzed".into(),
        subject: input.subject,
        body_text: input.body_text,
        body_html: input.body_html,
    };
    let Ok(template) = content.check() else {
        return;
    };
    let message = template.render(&checked_values(&input.values));
    assert!(
        !message.subject.chars().any(char::is_control),
        "no line break in a subject: {:?}",
        message.subject
    );
    assert!(message.body_text.contains(LINK));
    if let Some(html) = &message.body_html {
        assert!(html.contains(LINK));
    }
    assert_eq!(
        message.body_html.is_some(),
        content
            .body_html
            .as_deref()
            .is_some_and(|h| !h.trim().is_empty())
    );
});
