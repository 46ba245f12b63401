//! Loading and outcome notices.

use leptos::prelude::*;

use crate::{
    api::ApiFailure,
    i18n::{Msg, tr, use_i18n},
};

/// Shown while something loads; announced politely.
#[component]
pub fn Loading() -> impl IntoView {
    view! { <p class="loading" role="status">{tr(Msg::Loading)}</p> }
}

/// A failed load, with the reason in the UI language.
#[component]
pub fn LoadFailed(failure: ApiFailure) -> impl IntoView {
    let i18n = use_i18n();
    view! { <p class="notice error" role="alert">{move || failure.message(i18n.lang())}</p> }
}

/// A success message, announced politely.
#[component]
pub fn Success(message: RwSignal<Option<Msg>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div role="status" class="success-region">
            {move || message.get().map(|m| view! { <p class="notice success">{i18n.t(m)}</p> })}
        </div>
    }
}

/// The outcome of a save: its success message, or why it failed, announced either way.
#[component]
pub fn SaveOutcome(outcome: RwSignal<Option<Result<Msg, ApiFailure>>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div role="status">
            {move || match outcome.get() {
                Some(Ok(msg)) => Some(view! { <p class="notice success">{i18n.t(msg)}</p> }.into_any()),
                Some(Err(failure)) => Some(view! {
                    <p class="notice error">{failure.message(i18n.lang())}</p>
                }.into_any()),
                None => None,
            }}
        </div>
    }
}

/// Shows its children only to users whose profile grants `permission`; others see one clear
/// notice instead of a page of failed requests.
#[component]
pub fn Permitted(permission: consentry_model::Permission, children: ChildrenFn) -> impl IntoView {
    let auth = crate::use_auth();
    // Drawn again only when the answer changes, not on every change to the session (the
    // organisation's time zone): the page keeps what is typed in it.
    let allowed = Memo::new(move |_| {
        auth.session
            .with(|s| s.as_ref().is_some_and(|s| s.can(permission)))
    });
    move || {
        if allowed.get() {
            children().into_any()
        } else {
            view! { <p class="notice error" role="alert">{tr(Msg::ErrorForbidden)}</p> }.into_any()
        }
    }
}

/// A part of the app whose code could not be fetched: why, and a reload (opening it again
/// also retries).
#[component]
pub fn NotLoadedNotice() -> impl IntoView {
    super::title::page_title(Msg::AreaNotLoadedTitle);
    let reload = |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    };
    view! {
        <h1>{tr(Msg::AreaNotLoadedTitle)}</h1>
        <div class="notice error" role="alert" id="not-loaded">
            <p>{tr(Msg::AreaNotLoaded)}</p>
            <button type="button" class="primary" on:click=reload>{tr(Msg::ReloadPage)}</button>
        </div>
    }
}
