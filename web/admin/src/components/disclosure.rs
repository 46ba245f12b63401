//! A `<details>` that behaves as a menu: Escape folds it away and puts focus back on its
//! summary, and it folds away when focus leaves it (a click elsewhere too). Both handlers go on
//! the `<details>` itself and find it as the event's current target: no node reference that
//! could be gone when focus leaves an element being removed.

use wasm_bindgen::JsCast;
use web_sys::{Event, FocusEvent, HtmlDetailsElement, HtmlElement, KeyboardEvent, Node};

fn details(ev: &Event) -> Option<HtmlDetailsElement> {
    ev.current_target()?.dyn_into().ok()
}

/// On `keydown`: Escape in an open `details` folds it and focuses its summary.
pub fn fold_on_escape(ev: &KeyboardEvent) {
    let Some(open) = details(ev).filter(HtmlDetailsElement::open) else {
        return;
    };
    if ev.key() != "Escape" {
        return;
    }
    ev.prevent_default();
    open.set_open(false);
    if let Some(summary) = open
        .first_element_child()
        .and_then(|s| s.dyn_into::<HtmlElement>().ok())
    {
        let _ = summary.focus();
    }
}

/// On `focusout`: focus moving outside the `details` folds it.
pub fn fold_on_focus_out(ev: &FocusEvent) {
    let to = ev.related_target().and_then(|t| t.dyn_into::<Node>().ok());
    if let Some(d) = details(ev)
        && !to.is_some_and(|node| d.contains(Some(&node)))
    {
        d.set_open(false);
    }
}
