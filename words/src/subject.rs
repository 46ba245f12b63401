//! The data subject's words in every language of the EU and EEA: the catalogues of
//! `locales/<language>/*.ftl`, checked and compiled by `build.rs`, and how their texts are
//! filled in. Terms follow the GDPR's official translation (each language's `glossary.ftl`).

include!(concat!(env!("OUT_DIR"), "/catalogues.rs"));

/// The language a catalogue falls back to: English, the source of every translation.
pub const SOURCE: &str = "en";

/// Where `code` (a two-letter code) is in [`LANGUAGES`].
pub fn position(code: &str) -> Option<usize> {
    LANGUAGES.binary_search_by(|(c, _)| (*c).cmp(code)).ok()
}

/// Whether the data subject's side speaks `code`.
pub fn speaks(code: &str) -> bool {
    position(code).is_some()
}

/// A language's own name (`Deutsch`, `Ελληνικά`), or the code itself when not spoken.
pub fn native_name(code: &str) -> &str {
    position(code).map_or(code, |i| LANGUAGES[i].1)
}

/// Fills in a text's `{name}` placeholders in one pass (a value holding `{...}` stays as it
/// is); a placeholder without a value is left as it is.
pub fn fill(text: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(text.len() + 32);
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let tail = &rest[open..];
        match tail[1..].find('}').map(|end| &tail[1..=end]) {
            Some(name) => match values.iter().find(|(n, _)| *n == name) {
                Some((_, value)) => {
                    out.push_str(value);
                    rest = &tail[name.len() + 2..];
                }
                None => {
                    out.push('{');
                    rest = &tail[1..];
                }
            },
            None => {
                out.push_str(tail);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// Splits a text at its one `{name}` placeholder, for a page that shows the value marked up
/// (`This link was sent to <strong>{address}</strong>.`): the words before and after it.
pub fn around<'t>(text: &'t str, name: &str) -> (&'t str, &'t str) {
    let marker = format!("{{{name}}}");
    text.split_once(marker.as_str()).unwrap_or((text, ""))
}

#[cfg(feature = "catalogues")]
mod tables {
    use super::*;

    fn index(code: &str) -> usize {
        position(code)
            .or_else(|| position(SOURCE))
            .expect("English is compiled in")
    }

    /// A page's text in `code` (English when the language is not spoken).
    pub fn page(code: &str, word: Word) -> &'static str {
        PAGES[index(code)][word as usize]
    }

    /// A page catalogue as a page loads it: every text in [`Word`]'s order.
    pub fn pages(code: &str) -> &'static [&'static str] {
        &PAGES[index(code)]
    }

    /// A widget label in `code`.
    pub fn widget(code: &str, word: WidgetWord) -> &'static str {
        WIDGET[index(code)][word as usize]
    }

    /// A mail text in `code`.
    pub fn mail(code: &str, word: MailWord) -> &'static str {
        MAIL[index(code)][word as usize]
    }
}

#[cfg(feature = "catalogues")]
pub use tables::{mail, page, pages, widget};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled_once_and_unknown_ones_stay() {
        assert_eq!(
            fill("{a} and {b}, not {c}", &[("a", "{b}"), ("b", "two")]),
            "{b} and two, not {c}"
        );
        assert_eq!(fill("open { brace", &[]), "open { brace");
        assert_eq!(around("sent to {address}.", "address"), ("sent to ", "."));
    }

    /// The `{name}` placeholders of a compiled text.
    #[cfg(feature = "catalogues")]
    fn placeholders(text: &str) -> std::collections::BTreeSet<&str> {
        text.split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .collect()
    }

    /// The build refuses incomplete catalogues; this checks what it compiled: all 24 official
    /// languages of the EU plus Norwegian and Icelandic, each with every text of English,
    /// none empty, none still English where English has words, the same placeholders.
    #[cfg(feature = "catalogues")]
    #[test]
    fn every_catalogue_has_every_text_with_the_same_placeholders() {
        let codes: Vec<&str> = LANGUAGES.iter().map(|(code, _)| *code).collect();
        assert_eq!(codes, consentry_model::lang::SUBJECT_LANGUAGES);
        let english = position(SOURCE).expect("English");
        fn check(name: &str, table: &[&[&str]], english: usize) {
            for (lang, texts) in LANGUAGES.iter().zip(table) {
                assert_eq!(texts.len(), table[english].len(), "{name}/{}", lang.0);
                for (i, (text, source)) in texts.iter().zip(table[english]).enumerate() {
                    assert!(!text.trim().is_empty(), "{name}/{} #{i} is empty", lang.0);
                    assert_eq!(
                        placeholders(text),
                        placeholders(source),
                        "{name}/{} #{i}: {text}",
                        lang.0
                    );
                }
                if lang.0 != SOURCE {
                    let same = texts
                        .iter()
                        .zip(table[english])
                        .filter(|(t, s)| t == s && s.split_whitespace().count() > 3)
                        .count();
                    assert_eq!(
                        same, 0,
                        "{name}/{}: English sentences left untranslated",
                        lang.0
                    );
                }
            }
        }
        check(
            "pages",
            &PAGES.iter().map(|t| &t[..]).collect::<Vec<_>>(),
            english,
        );
        check(
            "widget",
            &WIDGET.iter().map(|t| &t[..]).collect::<Vec<_>>(),
            english,
        );
        check(
            "mail",
            &MAIL.iter().map(|t| &t[..]).collect::<Vec<_>>(),
            english,
        );
    }

    #[test]
    fn languages_are_sorted_by_code_and_english_is_one() {
        assert!(LANGUAGES.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(speaks("en"));
        assert!(!speaks("xx"));
    }
}
