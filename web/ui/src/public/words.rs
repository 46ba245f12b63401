//! The words of the public pages around the form (the form brings its own texts in every
//! language it has), in any language of the EU and EEA. A page holds the catalogues it has
//! loaded: the server puts the reader's language into the page itself
//! (`<script type="application/json" id="consentry-words">`), and a switch to another language
//! fetches that one (`/api/public/words/{lang}`) before showing it. So no page carries every
//! language, and none waits for one before its first paint.

use std::cell::RefCell;

pub use consentry_words::subject::{LANGUAGES, Word, around, fill, native_name};

/// A loaded catalogue: its language and every text in [`Word`]'s order. Loaded once per
/// language and kept for the page's life (a page loads a few at most), hence `'static`.
type Catalogue = (&'static str, &'static [&'static str]);

thread_local! {
    static LOADED: RefCell<Vec<Catalogue>> = const { RefCell::new(Vec::new()) };
}

fn keep(lang: &str, texts: Vec<String>) -> bool {
    if texts.len() != Word::COUNT {
        // A page older or newer than the server: its words do not line up.
        return false;
    }
    let texts: Vec<&'static str> = texts
        .into_iter()
        .map(|t| &*Box::leak(t.into_boxed_str()))
        .collect();
    let lang: &'static str = Box::leak(lang.to_owned().into_boxed_str());
    LOADED.with(|l| {
        l.borrow_mut()
            .push((lang, Box::leak(texts.into_boxed_slice())))
    });
    true
}

fn loaded(lang: &str) -> bool {
    LOADED.with(|l| l.borrow().iter().any(|(code, _)| *code == lang))
}

/// The language the server chose for this page before it knew the form (the link's
/// `?lang=`, the reader's earlier choice, their browser's languages), with its words.
pub fn page_lang() -> String {
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("consentry-words"));
    let lang = element
        .as_ref()
        .and_then(|e| e.get_attribute("data-lang"))
        .unwrap_or_else(|| consentry_words::subject::SOURCE.into());
    if !loaded(&lang)
        && let Some(texts) = element
            .and_then(|e| e.text_content())
            .and_then(|json| serde_json::from_str::<Vec<String>>(&json).ok())
    {
        keep(&lang, texts);
    }
    lang
}

/// Makes sure `lang`'s words are here, fetching them when not; false when they could not
/// be had (the page then keeps the language it shows).
pub async fn load(lang: &str) -> bool {
    if loaded(lang) {
        return true;
    }
    let path = format!("/api/public/words/{lang}");
    match super::fetch::<Vec<String>>(&path).await {
        Ok(texts) => keep(lang, texts),
        Err(_) => false,
    }
}

/// A word in `lang`, or in the page's first language while `lang` is not loaded.
pub fn word(lang: &str, word: Word) -> &'static str {
    LOADED.with(|l| {
        let l = l.borrow();
        l.iter()
            .find(|(code, _)| *code == lang)
            .or_else(|| l.first())
            .map_or(word.key(), |(_, texts)| texts[word as usize])
    })
}

/// A word with its `{name}` placeholders filled in.
pub fn word_with(lang: &str, which: Word, values: &[(&str, &str)]) -> String {
    fill(word(lang, which), values)
}

/// A receipt's decision (or a purpose's status) in the reader's language; a code this version
/// does not know is shown as it is.
pub fn decision_word(lang: &str, code: &str) -> String {
    use consentry_model::consent::ReceiptDecision;
    match ReceiptDecision::from_code(code) {
        Some(ReceiptDecision::Granted) => word(lang, Word::Granted).to_owned(),
        Some(ReceiptDecision::Refused) => word(lang, Word::Refused).to_owned(),
        Some(ReceiptDecision::Withdrawn) => word(lang, Word::Withdrawn).to_owned(),
        None => code.to_owned(),
    }
}

/// "We keep your sign-up until {date}; ..." with the day written out (`2026-12-16`).
pub fn kept_until(lang: &str, date: chrono::NaiveDate) -> String {
    word_with(
        lang,
        Word::KeptUntil,
        &[("date", &consentry_model::signup::ymd(date))],
    )
}
