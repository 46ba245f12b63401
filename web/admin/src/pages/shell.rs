//! The signed-in frame: header with navigation, language switch and user menu; the page below.

use consentry_model::Permission;
use leptos::{prelude::*, task::spawn_local};
use leptos_router::{
    components::{A, Outlet, Redirect},
    hooks::use_navigate,
};

use crate::{
    api,
    components::language_switch::LanguageSwitch,
    i18n::{Msg, tr},
    use_auth,
};

/// Wraps every signed-in page; sends visitors without a session to sign in.
#[component]
pub fn Shell() -> impl IntoView {
    let auth = use_auth();
    move || match auth.session.get() {
        None => view! { <Redirect path=auth.entry_path() /> }.into_any(),
        Some(session) => {
            let can_settings = session.can(Permission::ManageComplianceSettings);
            let can_users = session.can(Permission::ManageUsers);
            let can_keys = session.can(Permission::ManageApiKeys);
            let can_records = session.can(Permission::ViewRecords);
            view! {
                <a class="skip-link" href="#main">{tr(Msg::SkipToContent)}</a>
                <header class="topbar">
                    <a class="brand" href="/admin">{tr(Msg::AppName)}</a>
                    <nav aria-label=tr(Msg::MainNavigation)>
                        <ul>
                            <Show when=move || can_records>
                                <li>
                                    <A href="/admin/records">{tr(Msg::NavRecords)}</A>
                                </li>
                            </Show>
                            <Show when=move || can_settings>
                                <li class="nav-group">
                                    <span class="nav-group-label">{tr(Msg::NavSetup)}</span>
                                    <A href="/admin/setup/compliance" exact=true>
                                        {tr(Msg::NavComplianceSettings)}
                                    </A>
                                    <A href="/admin/setup/compliance/overview">{tr(Msg::NavOverview)}</A>
                                    <A href="/admin/setup/forms">{tr(Msg::NavConsentForms)}</A>
                                    <A href="/admin/setup/email-templates">{tr(Msg::NavTemplates)}</A>
                                    <A href="/admin/setup/requests">{tr(Msg::NavRequests)}</A>
                                    <A href="/admin/setup/compliance/retention">{tr(Msg::NavRetention)}</A>
                                    <A href="/admin/setup/outbox">{tr(Msg::NavOutbox)}</A>
                                    <A href="/admin/setup/compliance/audit">{tr(Msg::NavAudit)}</A>
                                    <Show when=move || can_keys>
                                        <A href="/admin/setup/api-keys">{tr(Msg::NavApiKeys)}</A>
                                    </Show>
                                </li>
                            </Show>
                            <Show when=move || can_users>
                                <li>
                                    <A href="/admin/users">{tr(Msg::NavUsers)}</A>
                                </li>
                            </Show>
                        </ul>
                    </nav>
                    <LanguageSwitch />
                    <UserMenu
                        name=session.user.name.to_string()
                        email=session.user.email.to_string()
                        organisation=session.organisation.name.to_string()
                    />
                </header>
                <main id="main" tabindex="-1">
                    <Outlet />
                </main>
            }
            .into_any()
        }
    }
}

/// The user's name, opening a menu with their account and sign-out.
#[component]
fn UserMenu(name: String, email: String, organisation: String) -> impl IntoView {
    let auth = use_auth();
    let navigate = use_navigate();
    let sign_out = move |_| {
        let navigate = navigate.clone();
        spawn_local(async move {
            // Signed out locally even if the server is unreachable; the cookie expires anyway.
            let _ = api::sign_out().await;
            auth.session.set(None);
            navigate("/admin/sign-in", Default::default());
        });
    };
    view! {
        <details class="user-menu">
            <summary>
                <span class="visually-hidden">{tr(Msg::UserMenu)}": "</span>
                {name.clone()}
            </summary>
            <div class="user-menu-panel">
                <p class="signed-in-as">
                    {tr(Msg::SignedInAs)}" "<strong>{name}</strong><br />
                    <span class="muted">{email}" · "{organisation}</span>
                </p>
                <A href="/admin/account">{tr(Msg::YourAccount)}</A>
                <button type="button" class="link" on:click=sign_out>
                    {tr(Msg::SignOut)}
                </button>
            </div>
        </details>
    }
}
