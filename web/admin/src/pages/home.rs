//! `/admin`: sends each visitor where they belong.

use consentry_model::Permission;
use leptos::prelude::*;
use leptos_router::components::{A, Redirect};

use crate::components::title::page_title;
use crate::{
    i18n::{Msg, tr},
    use_auth,
};

/// Redirects to the first-run page, the sign-in page, or the user's start page.
#[component]
pub fn HomeRedirect() -> impl IntoView {
    let auth = use_auth();
    let path = match auth.session.get_untracked() {
        None => auth.entry_path(),
        Some(s) if s.can(Permission::ManageComplianceSettings) => "/admin/setup/compliance",
        Some(s) if s.can(Permission::ViewRecords) => "/admin/records",
        Some(_) => "/admin/account",
    };
    view! { <Redirect path=path /> }
}

/// An address under `/admin` that is no page (a mistyped or outdated link): said so in the
/// frame, with the way to the start page.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    page_title(Msg::PageNotFound);
    view! {
        <h1>{tr(Msg::PageNotFound)}</h1>
        <p>{tr(Msg::PageNotFoundHint)}</p>
        <p><A href="/admin">{tr(Msg::GoToStart)}</A></p>
    }
}
