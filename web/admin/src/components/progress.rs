//! How far a long job is: the bar, and beside it the figures a person reads ("120 / 201 ·
//! 60 % · about 2 min left"), which screen readers get as the bar's description.

use chrono::{DateTime, Utc};
use consentry_words::figures;
use leptos::prelude::*;

use crate::i18n::use_i18n;

/// The bar with id `id` (for its `<label for>`) and its figures; the time left is estimated
/// from the pace since `started_at` while `running`.
#[component]
pub fn Progress(
    id: String,
    done: u64,
    total: u64,
    #[prop(default = None)] started_at: Option<DateTime<Utc>>,
    running: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let left = started_at
        .filter(|_| running)
        .and_then(|at| figures::remaining(done, total, Utc::now() - at));
    let described = format!("{id}-figures");
    view! {
        <div class="progress">
            <progress id=id max=total.max(1) value=done.min(total) aria-describedby=described.clone()></progress>
            <span id=described class="progress-figures">
                {move || figures::progress(i18n.lang(), done, total, left)}
            </span>
        </div>
    }
}
