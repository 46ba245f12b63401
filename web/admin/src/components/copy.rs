//! A button that copies a text (a snippet, a new API key, a webhook secret) to the clipboard,
//! and says so where screen readers hear it.

use leptos::{prelude::*, task::spawn_local};
use wasm_bindgen_futures::JsFuture;

use super::icon::{Icon, Svg};
use crate::i18n::{Msg, tr};

#[derive(Clone, Copy, PartialEq)]
enum Copying {
    Ready,
    Copied,
    Refused,
}

/// "Copy" (named with `what` for screen readers); "Copied" once the text is on the clipboard,
/// or a way to copy it by hand when the browser refuses (outside a secure context).
#[component]
pub fn CopyButton(
    /// The text copied.
    #[prop(into)]
    text: Signal<String>,
    /// What is copied, for the button's accessible name ("Copy · Signing secret").
    what: Msg,
) -> impl IntoView {
    let state = RwSignal::new(Copying::Ready);
    let copy = move |_| {
        let value = text.get_untracked();
        spawn_local(async move {
            // Browsers offer the clipboard only in a secure context (https or this machine).
            let copied = match web_sys::window() {
                Some(window) if window.is_secure_context() => {
                    JsFuture::from(window.navigator().clipboard().write_text(&value))
                        .await
                        .is_ok()
                }
                _ => false,
            };
            state.set(if copied {
                Copying::Copied
            } else {
                Copying::Refused
            });
        });
    };
    view! {
        <span class="copy">
            <button type="button" class="secondary small" on:click=copy>
                <Svg icon=Icon::Copy />
                {tr(Msg::Copy)}
                <span class="visually-hidden">" · "{tr(what)}</span>
            </button>
            <span role="status" class="copy-state">
                {move || match state.get() {
                    Copying::Ready => None,
                    Copying::Copied => Some(view! { <span class="success">{tr(Msg::Copied)}</span> }.into_any()),
                    Copying::Refused => Some(view! { <span class="error">{tr(Msg::CopyRefused)}</span> }.into_any()),
                }}
            </span>
        </span>
    }
}
