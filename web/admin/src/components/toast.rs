//! Toasts: the outcome of a save or an action, in one live region at the corner of every
//! signed-in page, so a screen reader reads it out wherever focus is. The newest outcome is
//! shown (it replaces the one before, which is never read out twice); a success goes away by
//! itself after a while, a failure stays until it is dismissed.

use leptos::{prelude::*, task::spawn_local};

use super::icon::{Icon, Svg};
use crate::{
    i18n::{Msg, tr, use_i18n},
    timer,
};

/// How long a success stays, in milliseconds.
const SUCCESS_MS: i32 = 8000;

#[derive(Debug, Clone, PartialEq, Eq)]
struct Toast {
    id: u32,
    text: String,
    failed: bool,
}

/// The toast shown now; provided by the shell.
#[derive(Debug, Clone, Copy)]
pub struct Toasts {
    shown: RwSignal<Option<Toast>>,
    next: StoredValue<u32>,
}

impl Toasts {
    /// An empty region.
    pub fn new() -> Toasts {
        Toasts {
            shown: RwSignal::new(None),
            next: StoredValue::new(0),
        }
    }

    /// Says that something worked; gone after a few seconds.
    pub fn success(self, text: impl Into<String>) {
        let id = self.push(text.into(), false);
        spawn_local(async move {
            timer::sleep(SUCCESS_MS).await;
            self.dismiss(id);
        });
    }

    /// Says that something failed; stays until dismissed.
    pub fn failure(self, text: impl Into<String>) {
        self.push(text.into(), true);
    }

    fn push(self, text: String, failed: bool) -> u32 {
        let id = self.next.get_value();
        self.next.set_value(id.wrapping_add(1));
        self.shown.set(Some(Toast { id, text, failed }));
        id
    }

    fn dismiss(self, id: u32) {
        if self
            .shown
            .with_untracked(|s| s.as_ref().is_some_and(|t| t.id == id))
        {
            self.shown.set(None);
        }
    }
}

impl Default for Toasts {
    fn default() -> Self {
        Self::new()
    }
}

/// The shell's toasts.
pub fn use_toasts() -> Toasts {
    expect_context::<Toasts>()
}

/// The region the toasts appear in: present (and empty) from the start, as a live region must
/// be for what is added to it to be read out.
#[component]
pub fn ToastRegion(toasts: Toasts) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="toasts" id="toasts" role="status" aria-live="polite">
            {move || toasts.shown.get().map(|toast| view! {
                <div class=if toast.failed { "toast failed" } else { "toast" }>
                    <p>{toast.text}</p>
                    <button
                        type="button"
                        class="toast-dismiss"
                        aria-label=move || i18n.t(Msg::Dismiss)
                        title=tr(Msg::Dismiss)
                        on:click=move |_| toasts.dismiss(toast.id)
                    >
                        <Svg icon=Icon::Close size=14 />
                    </button>
                </div>
            })}
        </div>
    }
}
