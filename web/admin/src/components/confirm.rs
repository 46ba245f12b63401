//! Asking before an action on one named thing in a list (a user, an API key, a field, a
//! template): one modal dialog for the list, opened by the row whose button was pressed,
//! naming that row's thing in its title and saying what follows.

use consentry_ui::ConfirmDialog;
use leptos::prelude::*;

use crate::i18n::{Msg, tr, use_i18n};

/// What is being asked about: the thing's id and the name the dialog shows.
pub struct Asking<T: Send + Sync + 'static> {
    open: RwSignal<bool>,
    target: RwSignal<Option<(T, String)>>,
}

impl<T: Send + Sync + 'static> Clone for Asking<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Asking<T> {}

impl<T: Clone + Send + Sync + 'static> Asking<T> {
    pub fn new() -> Self {
        Self {
            open: RwSignal::new(false),
            target: RwSignal::new(None),
        }
    }

    /// Opens the dialog for `id`, shown as `name`.
    pub fn ask(self, id: T, name: String) {
        self.target.set(Some((id, name)));
        self.open.set(true);
    }
}

impl<T: Clone + Send + Sync + 'static> Default for Asking<T> {
    fn default() -> Self {
        Self::new()
    }
}

/// The dialog: titled "{action}: {name}", saying `consequence`, confirmed with a button
/// labelled `action`; Cancel (focused first) or Escape leaves everything as it was.
#[component]
pub fn ConfirmAction<T: Clone + Send + Sync + 'static>(
    /// Element id of the dialog.
    id: &'static str,
    asking: Asking<T>,
    /// What will be done, as the button that asked says it ("Remove", "Revoke").
    action: Msg,
    /// What follows, in a sentence or two.
    consequence: Msg,
    /// Runs with the id asked about once confirmed.
    on_confirm: Callback<T>,
) -> impl IntoView {
    let i18n = use_i18n();
    let title = Signal::derive(move || {
        let name = asking
            .target
            .with(|t| t.as_ref().map(|(_, name)| name.clone()));
        format!("{}: {}", i18n.t(action), name.unwrap_or_default())
    });
    let confirm_label = Signal::derive(move || i18n.t(action).to_owned());
    let cancel_label = Signal::derive(move || i18n.t(Msg::Cancel).to_owned());
    let confirmed = Callback::new(move |()| {
        if let Some((target, _)) = asking.target.get_untracked() {
            on_confirm.run(target);
        }
    });
    view! {
        <ConfirmDialog id open=asking.open title confirm_label cancel_label on_confirm=confirmed destructive=true>
            <p>{tr(consequence)}</p>
        </ConfirmDialog>
    }
}
