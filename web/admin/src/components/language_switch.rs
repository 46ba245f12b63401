//! The UI language switch (English, Dutch, German, French: every [`Lang`]).

use consentry_model::Lang;
use leptos::prelude::*;

use crate::i18n::{Msg, tr, use_i18n};

/// A labelled select that switches the UI language at once and remembers it.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="language-switch">
            <label for="language">{tr(Msg::Language)}</label>
            <select
                id="language"
                prop:value=move || i18n.lang().code()
                aria-describedby="language-failed"
                on:change=move |ev| {
                    if let Some(lang) = Lang::from_code(&event_target_value(&ev)) {
                        i18n.set(lang);
                    }
                }
            >
                {Lang::ALL
                    .into_iter()
                    .map(|lang| {
                        view! {
                            <option
                                value=lang.code()
                                lang=lang.code()
                                selected=move || i18n.lang() == lang
                            >
                                {lang.native_name()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            <span id="language-failed" class="error" role="alert">
                {move || i18n.failed().map(|_| i18n.t(Msg::LanguageNotLoaded))}
            </span>
        </div>
    }
}
