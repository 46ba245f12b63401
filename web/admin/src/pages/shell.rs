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
    components::{
        disclosure,
        icon::{Icon, Svg},
        language_switch::LanguageSwitch,
        toast::{ToastRegion, Toasts},
    },
    i18n::{Msg, tr},
    use_auth,
};

/// Wraps every signed-in page; sends visitors without a session to sign in.
#[component]
pub fn Shell() -> impl IntoView {
    let auth = use_auth();
    let Routing(routing) = expect_context::<Routing>();
    let toasts = Toasts::new();
    provide_context(toasts);
    let expanded = RwSignal::new(navigation_starts_open());
    let toggle = move |_| {
        let open = !expanded.get_untracked();
        remember_navigation(open);
        expanded.set(open);
    };
    // The frame is drawn again only when someone else signs in (or out): a change within the
    // session (the organisation's time zone) leaves the page and what is typed in it.
    let who = Memo::new(move |_| {
        auth.session
            .with(|s| s.as_ref().map(|s| (s.user.id, s.organisation.id)))
    });
    move || match who.get().and_then(|_| auth.session.get_untracked()) {
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
                        <Svg icon=Icon::Menu size=20 />
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
                <main
                    id="main"
                    tabindex="-1"
                    aria-busy=move || (routing.get() || crate::areas::opening()).to_string()
                    data-loading=tr(Msg::Loading)
                >
                    <div class="routing" aria-hidden="true"></div>
                    <Outlet />
                </main>
                <ToastRegion toasts />
            </div>
        }
        .into_any(),
    }
}

/// A link of the side navigation: where it goes, its name, and the permission to see it.
struct NavLink {
    href: &'static str,
    name: Msg,
    permission: Permission,
}

/// The side navigation's entries: single links, and groups under a heading.
enum NavEntry {
    Link(NavLink),
    Group {
        id: &'static str,
        heading: Msg,
        links: &'static [NavLink],
    },
}

const SETTINGS: Permission = Permission::ManageComplianceSettings;

const fn link(href: &'static str, name: Msg, permission: Permission) -> NavLink {
    NavLink {
        href,
        name,
        permission,
    }
}

/// The areas in the order a privacy officer works through them.
const NAVIGATION: &[NavEntry] = &[
    NavEntry::Link(link(
        "/admin/setup/compliance/overview",
        Msg::NavOverview,
        SETTINGS,
    )),
    NavEntry::Link(link(
        "/admin/records",
        Msg::NavRecords,
        Permission::ViewRecords,
    )),
    NavEntry::Link(link("/admin/setup/requests", Msg::NavRequests, SETTINGS)),
    NavEntry::Group {
        id: "nav-consent",
        heading: Msg::NavGroupConsent,
        links: &[
            link("/admin/setup/forms", Msg::NavConsentForms, SETTINGS),
            link("/admin/setup/email-templates", Msg::NavTemplates, SETTINGS),
            link("/admin/setup/outbox", Msg::NavOutbox, SETTINGS),
        ],
    },
    NavEntry::Group {
        id: "nav-compliance",
        heading: Msg::NavGroupCompliance,
        links: &[
            link(COMPLIANCE_SETTINGS, Msg::NavComplianceSettings, SETTINGS),
            link(
                "/admin/setup/compliance/retention",
                Msg::NavRetention,
                SETTINGS,
            ),
        ],
    },
    NavEntry::Link(link(
        "/admin/setup/compliance/audit",
        Msg::NavAudit,
        SETTINGS,
    )),
    NavEntry::Group {
        id: "nav-organisation",
        heading: Msg::NavGroupOrganisation,
        links: &[
            link("/admin/users", Msg::NavUsers, Permission::ManageUsers),
            link(
                "/admin/setup/api-keys",
                Msg::NavApiKeys,
                Permission::ManageApiKeys,
            ),
        ],
    },
];

/// Compliance Settings' address is the start of the Overview's, Retention's and the Audit
/// trail's: it is the current page only on itself.
const COMPLIANCE_SETTINGS: &str = "/admin/setup/compliance";

/// The areas, each shown to those whose profile may use it; a group without one is left out.
#[component]
fn SideNavigation(session: Session) -> impl IntoView {
    let item = |l: &'static NavLink| {
        view! { <li><A href=l.href exact=l.href == COMPLIANCE_SETTINGS>{tr(l.name)}</A></li> }
    };
    let entries = NAVIGATION
        .iter()
        .filter_map(|entry| match entry {
            NavEntry::Link(l) => session.can(l.permission).then(|| item(l).into_any()),
            NavEntry::Group { id, heading, links } => {
                let links: Vec<_> = links
                    .iter()
                    .filter(|l| session.can(l.permission))
                    .map(item)
                    .collect();
                (!links.is_empty()).then(|| {
                    view! {
                        <li class="nav-group">
                            <span class="nav-heading" id=*id>{tr(*heading)}</span>
                            <ul aria-labelledby=*id>{links}</ul>
                        </li>
                    }
                    .into_any()
                })
            }
        })
        .collect_view();
    view! {
        <nav id="side-navigation" class="sidenav" aria-label=tr(Msg::MainNavigation)>
            <ul>{entries}</ul>
        </nav>
    }
}

const NAVIGATION_KEY: &str = "consentry.navigation";

/// Open as the reader left it; else open on screens wide enough to keep it beside the page.
fn navigation_starts_open() -> bool {
    let window = web_sys::window();
    match crate::remembered::get(NAVIGATION_KEY).as_deref() {
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
    crate::remembered::set(NAVIGATION_KEY, if open { "open" } else { "closed" });
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
        <details
            class="user-menu"
            on:keydown=move |ev| disclosure::fold_on_escape(&ev)
            on:focusout=move |ev| disclosure::fold_on_focus_out(&ev)
        >
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
