//! The UI language, chosen by the reader and kept in local storage. The words themselves (every
//! message and vocabulary name, in every language) are in `consentry-words`, shared with the
//! server; components name a [`Msg`] and never hold UI text themselves. The English of the
//! frame (sign-in, top bar, navigation, errors) is in the first load, another language's frame
//! a small module fetched at the start; the rest of a language arrives with the first area
//! opened in it, or when a reader chooses it.

use consentry_model::Lang;
use consentry_words::catalogue::{Catalogue, FrameCatalogue, on_demand};
use leptos::{prelude::*, task::spawn_local};

use crate::NotLoaded;

pub use consentry_words::*;

/// The current UI language, shared through context.
#[derive(Debug, Clone, Copy)]
pub struct I18n {
    lang: RwSignal<Lang>,
    /// A language chosen whose messages could not be fetched (the switch says so).
    failed: RwSignal<Option<Lang>>,
    /// Bumped when a language's messages are installed, for what reads a text before a view
    /// is mounted (an area's page is built while its words may still be on their way).
    installed: RwSignal<u32>,
    /// How many languages were chosen: a language whose words arrive after another was chosen
    /// is not switched to.
    choices: StoredValue<u32>,
}

const STORAGE_KEY: &str = "consentry.lang";

impl I18n {
    /// Starts in the language chosen before (local storage), else the browser's, else English
    /// (its messages still to be loaded: see [`I18n::start`]).
    pub fn new() -> I18n {
        let stored = crate::remembered::get(STORAGE_KEY);
        let browser = web_sys::window().and_then(|w| w.navigator().language());
        let lang = stored
            .as_deref()
            .or(browser.as_deref())
            .and_then(Lang::from_code)
            .unwrap_or_default();
        set_document_lang(lang);
        I18n {
            lang: RwSignal::new(lang),
            failed: RwSignal::new(None),
            installed: RwSignal::new(0),
            choices: StoredValue::new(0),
        }
    }

    /// Loads the starting language's frame messages (English ones are in the first load; the
    /// rest of a language comes with the first area); English if they cannot come (a fetch
    /// that stalls is given up after 10 s), the language switch saying so and the choice
    /// still remembered.
    pub async fn start(self) {
        let lang = self.lang.get_untracked();
        if load_frame(lang).await.is_err() {
            self.failed.set(Some(lang));
            set_document_lang(Lang::En);
            self.lang.set(Lang::En);
        }
    }

    /// The language last chosen whose messages could not be fetched, if any (reactive).
    pub fn failed(self) -> Option<Lang> {
        self.failed.get()
    }

    /// The current language (reactive).
    pub fn lang(self) -> Lang {
        self.lang.get()
    }

    /// Switches language once its messages are there, and remembers the choice, unless another
    /// was chosen meanwhile. When they cannot be fetched, the language stays as it was and
    /// [`I18n::failed`] says which.
    pub fn set(self, lang: Lang) {
        self.choices.update_value(|n| *n += 1);
        let choice = self.choices.get_value();
        spawn_local(async move {
            let loaded = load(lang).await;
            if self.choices.get_value() != choice {
                // Chosen since: the last choice stands.
                return;
            }
            if loaded.is_err() {
                self.failed.set(Some(lang));
                // Told again, the switch shows the language still in use.
                self.lang.set(self.lang.get_untracked());
                return;
            }
            crate::remembered::set(STORAGE_KEY, lang.code());
            self.failed.set(None);
            set_document_lang(lang);
            self.lang.set(lang);
        });
    }

    /// The text of `msg` in the current language (reactive).
    pub fn t(self, msg: Msg) -> &'static str {
        text(self.lang.get(), msg)
    }

    /// The text of `msg` in the current language, read again once its messages arrive: for
    /// effects, which may run before an area's words are there (a view reads its texts when
    /// it is mounted, after them).
    pub fn t_when_loaded(self, msg: Msg) -> &'static str {
        self.installed.track();
        self.t(msg)
    }
}

impl Default for I18n {
    fn default() -> Self {
        I18n::new()
    }
}

/// Loads every message of the reader's language before an area shows (for English, the
/// messages beyond the frame's). When the reader's language cannot be fetched, the area opens
/// in English (its frame's words are in the first load) and the language switch says which
/// could not be loaded; the choice stays remembered, so the next visit tries it again.
pub async fn area_words() -> Result<(), NotLoaded> {
    let i18n = use_context::<I18n>();
    let lang = i18n.map_or(Lang::En, |i18n| i18n.lang.get_untracked());
    if on_demand::installed(lang).is_some() {
        return Ok(());
    }
    let shown = match load(lang).await {
        Ok(()) => lang,
        Err(NotLoaded) if lang != Lang::En => {
            load(Lang::En).await?;
            Lang::En
        }
        Err(not_loaded) => return Err(not_loaded),
    };
    if let Some(i18n) = i18n {
        if shown != lang {
            i18n.failed.set(Some(lang));
            set_document_lang(shown);
            i18n.lang.set(shown);
        }
        i18n.installed.update(|n| *n += 1);
    }
    Ok(())
}

/// Loads the messages of `lang` unless they are there.
async fn load(lang: Lang) -> Result<(), NotLoaded> {
    if on_demand::installed(lang).is_some() {
        return Ok(());
    }
    let words = match lang {
        Lang::En => english().await?,
        Lang::Nl => dutch().await?,
        Lang::De => german().await?,
        Lang::Fr => french().await?,
    };
    on_demand::install(lang, words);
    Ok(())
}

/// Loads the frame messages of `lang` unless they are there (English ones always are).
async fn load_frame(lang: Lang) -> Result<(), NotLoaded> {
    if on_demand::frame(lang).is_some() {
        return Ok(());
    }
    let words = match lang {
        Lang::En => return Ok(()),
        Lang::Nl => dutch_frame().await?,
        Lang::De => german_frame().await?,
        Lang::Fr => french_frame().await?,
    };
    on_demand::install_frame(lang, words);
    Ok(())
}

// Each language and each frame but the English one is a split point of its own (see
// `crate::areas`).

#[::leptos::wasm_split::wasm_split(dutch_frame, wasm_split_path = ::leptos::wasm_split, fallible)]
fn dutch_frame() -> Result<FrameCatalogue, NotLoaded> {
    Ok(consentry_words::catalogue::nl_frame)
}

#[::leptos::wasm_split::wasm_split(german_frame, wasm_split_path = ::leptos::wasm_split, fallible)]
fn german_frame() -> Result<FrameCatalogue, NotLoaded> {
    Ok(consentry_words::catalogue::de_frame)
}

#[::leptos::wasm_split::wasm_split(french_frame, wasm_split_path = ::leptos::wasm_split, fallible)]
fn french_frame() -> Result<FrameCatalogue, NotLoaded> {
    Ok(consentry_words::catalogue::fr_frame)
}

#[::leptos::wasm_split::wasm_split(english, wasm_split_path = ::leptos::wasm_split, fallible)]
fn english() -> Result<Catalogue, NotLoaded> {
    Ok(consentry_words::catalogue::en)
}

#[::leptos::wasm_split::wasm_split(dutch, wasm_split_path = ::leptos::wasm_split, fallible)]
fn dutch() -> Result<Catalogue, NotLoaded> {
    Ok(consentry_words::catalogue::nl)
}

#[::leptos::wasm_split::wasm_split(german, wasm_split_path = ::leptos::wasm_split, fallible)]
fn german() -> Result<Catalogue, NotLoaded> {
    Ok(consentry_words::catalogue::de)
}

#[::leptos::wasm_split::wasm_split(french, wasm_split_path = ::leptos::wasm_split, fallible)]
fn french() -> Result<Catalogue, NotLoaded> {
    Ok(consentry_words::catalogue::fr)
}

/// The catalogue from context.
pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

/// A reactive text for a view: `{tr(Msg::SignIn)}`.
pub fn tr(msg: Msg) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let i18n = use_i18n();
    move || i18n.t(msg)
}

fn set_document_lang(lang: Lang) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", lang.code());
    }
}
