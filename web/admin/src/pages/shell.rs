//! The signed-in frame: a slim top bar (navigation toggle, organisation, language, user menu),
//! the side navigation grouped the way a privacy officer works, and the page beside it.

use consentry_model::{Permission, auth::Session};
use leptos::{prelude::*, task::spawn_local};
use leptos_router::{
    components::{A, Outlet, Redirect},
    hooks::use_navigate,
};

use crate::{
    Routing, api,
    components::language_switch::LanguageSwitch,
    i18n::{Msg, tr},
    use_auth,
};

/// Wraps every signed-in page; sends visitors without a session to sign in.
#[component]
pub fn Shell() -> impl IntoView {
    let auth = use_auth();
    let Routing(routing) = expect_context::<Routing>();
    let expanded = RwSignal::new(navigation_starts_open());
    let toggle = move |_| {
        let open = !expanded.get_untracked();
        remember_navigation(open);
        expanded.set(open);
    };
    move || {
        match auth.session.get() {
        None => view! { <Redirect path=auth.entry_path() /> }.into_any(),
        Some(session) => view! {
            <a class="skip-link" href="#main">{tr(Msg::SkipToContent)}</a>
            <div class="frame" class:nav-collapsed=move || !expanded.get()>
                <header class="topbar">
                    <button
                        type="button"
                        class="nav-toggle"
                        aria-controls="side-navigation"
                        aria-expanded=move || expanded.get().to_string()
                        on:click=toggle
                    >
                        <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20">
                            <path d="M3 6h18M3 12h18M3 18h18" stroke="currentColor" stroke-width="2" fill="none" />
                        </svg>
                        <span class="visually-hidden">{tr(Msg::MainNavigation)}</span>
                    </button>
                    <a class="brand" href="/admin">{tr(Msg::AppName)}</a>
                    <span class="organisation">{session.organisation.name.to_string()}</span>
                    <LanguageSwitch />
                    <UserMenu
                        name=session.user.name.to_string()
                        email=session.user.email.to_string()
                        organisation=session.organisation.name.to_string()
                    />
                </header>
                <SideNavigation session />
                <main id="main" tabindex="-1" aria-busy=move || routing.get().to_string()>
                    <div class="routing" aria-hidden="true"></div>
                    <Outlet />
                </main>
            </div>
        }
        .into_any(),
    }
    }
}

/// The areas, each shown to those whose profile may use it.
#[component]
fn SideNavigation(session: Session) -> impl IntoView {
    let settings = session.can(Permission::ManageComplianceSettings);
    let records = session.can(Permission::ViewRecords);
    let users = session.can(Permission::ManageUsers);
    let keys = session.can(Permission::ManageApiKeys);
    let link = |href: &'static str, msg: Msg, shown: bool| {
        shown.then(|| view! { <li><A href=href exact=href == "/admin/setup/compliance">{tr(msg)}</A></li> })
    };
    let group = |id: &'static str, heading: Msg, links: Vec<Option<AnyView>>| {
        let links: Vec<AnyView> = links.into_iter().flatten().collect();
        (!links.is_empty()).then(|| {
            view! {
                <li class="nav-group">
                    <span class="nav-heading" id=id>{tr(heading)}</span>
                    <ul aria-labelledby=id>{links}</ul>
                </li>
            }
        })
    };
    let any = |v: Option<_>| v.map(IntoAny::into_any);
    view! {
        <nav id="side-navigation" class="sidenav" aria-label=tr(Msg::MainNavigation)>
            <ul>
                {link("/admin/setup/compliance/overview", Msg::NavOverview, settings)}
                {link("/admin/records", Msg::NavRecords, records)}
                {link("/admin/setup/requests", Msg::NavRequests, settings)}
                {group(
                    "nav-consent",
                    Msg::NavGroupConsent,
                    vec![
                        any(link("/admin/setup/forms", Msg::NavConsentForms, settings)),
                        any(link("/admin/setup/email-templates", Msg::NavTemplates, settings)),
                        any(link("/admin/setup/outbox", Msg::NavOutbox, settings)),
                    ],
                )}
                {group(
                    "nav-compliance",
                    Msg::NavGroupCompliance,
                    vec![
                        any(link("/admin/setup/compliance", Msg::NavComplianceSettings, settings)),
                        any(link("/admin/setup/compliance/retention", Msg::NavRetention, settings)),
                    ],
                )}
                {link("/admin/setup/compliance/audit", Msg::NavAudit, settings)}
                {group(
                    "nav-organisation",
                    Msg::NavGroupOrganisation,
                    vec![
                        any(link("/admin/users", Msg::NavUsers, users)),
                        any(link("/admin/setup/api-keys", Msg::NavApiKeys, keys)),
                    ],
                )}
            </ul>
        </nav>
    }
}

const NAVIGATION_KEY: &str = "consentry.navigation";

/// Open as the reader left it; else open on screens wide enough to keep it beside the page.
fn navigation_starts_open() -> bool {
    let window = web_sys::window();
    let stored = window
        .as_ref()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item(NAVIGATION_KEY).ok().flatten());
    match stored.as_deref() {
        Some("open") => true,
        Some("closed") => false,
        _ => window.is_none_or(|w| {
            w.inner_width()
                .ok()
                .and_then(|width| width.as_f64())
                .is_none_or(|width| width >= 1024.0)
        }),
    }
}

fn remember_navigation(open: bool) {
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = storage.set_item(NAVIGATION_KEY, if open { "open" } else { "closed" });
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
