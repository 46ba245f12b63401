//! An audit entry's detail as labelled facts in the reader's language (the facts themselves
//! come from `consentry_words::audit_detail`, which the server's evidence report uses too).

use leptos::prelude::*;
use serde_json::Value;

pub use consentry_words::audit_detail::*;

/// An entry's detail as a list of labelled facts.
#[component]
pub fn AuditDetail(
    /// The entry's action code.
    action: String,
    /// State before.
    before: Option<Value>,
    /// State after.
    after: Option<Value>,
) -> impl IntoView {
    let i18n = crate::i18n::use_i18n();
    move || {
        let list = facts(i18n.lang(), &action, before.as_ref(), after.as_ref());
        (!list.is_empty()).then(|| {
            view! {
                <dl class="audit-detail">
                    {list
                        .into_iter()
                        .map(|f| view! { <dt>{f.label}</dt><dd>{f.value}</dd> })
                        .collect_view()}
                </dl>
            }
        })
    }
}
