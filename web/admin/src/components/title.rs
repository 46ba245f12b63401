//! The document's title: the page's name and the app's, in the reader's language, so a tab,
//! the browser's history and a screen reader arriving on the page say where it is. Always a
//! kind of page, never a record's or a subject's name: the history keeps titles.

use leptos::prelude::*;

use crate::i18n::{Msg, use_i18n};

/// Titles the document after `page` while the calling page is shown (and after the language
/// it is read in).
pub fn page_title(page: impl Into<Signal<Msg>>) {
    let page = page.into();
    let i18n = use_i18n();
    Effect::new(move |_| {
        let title = format!(
            "{} · {}",
            i18n.t_when_loaded(page.get()),
            i18n.t(Msg::AppName)
        );
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            document.set_title(&title);
        }
    });
}
