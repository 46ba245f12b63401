//! An in-page confirmation: the browser's modal `<dialog>` (focus moves into it and stays
//! there, the rest of the page is inert, Escape cancels), never `window.confirm`, which a
//! screen reader announces poorly, cannot be styled or translated, and which browsers may
//! suppress.

use leptos::{html, prelude::*};
use wasm_bindgen::JsCast;

/// A modal dialog that asks before something is done. While `open` is true it is shown; the
/// confirm button runs `on_confirm` and closes it (focus then goes where the page puts it:
/// to what the action changed); Cancel or Escape closes it and returns focus to the element
/// that had it before.
#[component]
pub fn ConfirmDialog(
    /// Element id; the title is `{id}-title`, the body `{id}-body`.
    id: &'static str,
    /// Whether the dialog is shown.
    open: RwSignal<bool>,
    /// The question, as the dialog's accessible name.
    #[prop(into)]
    title: Signal<String>,
    /// The confirm button's label (what will happen, e.g. "Change 26 records").
    #[prop(into)]
    confirm_label: Signal<String>,
    /// The cancel button's label.
    #[prop(into)]
    cancel_label: Signal<String>,
    /// Runs when the person confirms.
    on_confirm: Callback<()>,
    /// Whether confirming destroys something (removal, erasure): the button says so by colour.
    #[prop(optional)]
    destructive: bool,
    /// What the dialog says: everything the person confirms.
    children: ChildrenFn,
) -> impl IntoView {
    let dialog = NodeRef::<html::Dialog>::new();
    // The element that had focus when the dialog opened, to return to on cancel.
    let opener = StoredValue::new_local(None::<web_sys::HtmlElement>);
    let confirmed = StoredValue::new(false);
    Effect::new(move || {
        let show = open.get();
        let Some(element) = dialog.get() else {
            return;
        };
        if show && !element.open() {
            confirmed.set_value(false);
            opener.set_value(
                web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.active_element())
                    .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()),
            );
            let _ = element.show_modal();
        } else if !show && element.open() {
            element.close();
        }
    });
    // Closed by any means (Escape included): the signal follows, and on cancel focus returns.
    let closed = move |_| {
        open.set(false);
        if !confirmed.get_value()
            && let Some(opener) = opener.get_value()
        {
            let _ = opener.focus();
        }
    };
    let confirm = move |_| {
        confirmed.set_value(true);
        open.set(false);
        on_confirm.run(());
    };
    let cancel = move |_| open.set(false);
    view! {
        <dialog node_ref=dialog id=id class="confirm-dialog" aria-labelledby=format!("{id}-title")
            aria-describedby=format!("{id}-body") on:close=closed>
            <h2 id=format!("{id}-title")>{move || title.get()}</h2>
            <div id=format!("{id}-body")>{children()}</div>
            <div class="dialog-actions">
                // Cancel first and focused: a confirmation is never one Enter away.
                <button type="button" class="dialog-cancel" autofocus on:click=cancel>
                    {move || cancel_label.get()}
                </button>
                <button
                    type="button"
                    class=if destructive { "danger dialog-confirm" } else { "primary dialog-confirm" }
                    on:click=confirm
                >
                    {move || confirm_label.get()}
                </button>
            </div>
        </dialog>
    }
}
