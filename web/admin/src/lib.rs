//! Consentry's admin app: Leptos, rendered in the browser, compiled to WebAssembly.
//!
//! Every page talks to the server through [`api`]; every text comes from [`i18n`].

pub mod api;
pub mod auth;
pub mod components;
pub mod i18n;
pub mod pages;
pub mod timer;

use consentry_model::Permission;
use leptos::prelude::*;
use leptos_router::{
    components::{ParentRoute, Route, Router, Routes},
    path,
};
use wasm_bindgen::prelude::wasm_bindgen;

use crate::{
    auth::Auth,
    components::notice::{LoadFailed, Loading, Permitted},
    i18n::{I18n, Msg, tr},
    pages::{
        account::AccountPage,
        api_keys::ApiKeysPage,
        audit::AuditPage,
        compliance::CompliancePage,
        fields::FieldsPage,
        first_run::FirstRunPage,
        form_editor::FormEditorPage,
        forms::FormsPage,
        home::HomeRedirect,
        import::ImportPage,
        outbox::OutboxPage,
        overview::OverviewPage,
        record::RecordPage,
        records::RecordsPage,
        requests::{RequestPage, RequestsPage},
        retention::RetentionPage,
        shell::Shell,
        sign_in::SignInPage,
        templates::{TemplateEditorPage, TemplatesPage},
        users::UsersPage,
    },
};

/// Entry point, called by the generated JavaScript once the WebAssembly is instantiated.
#[wasm_bindgen(start)]
pub fn start() {
    leptos::mount::mount_to_body(App);
}

/// The app: language and auth context, then the routes once we know who is signed in.
#[component]
pub fn App() -> impl IntoView {
    provide_context(I18n::new());
    let boot = LocalResource::new(auth::load);
    view! {
        {move || match boot.get() {
            None => view! { <main class="centered"><Loading /></main> }.into_any(),
            Some(Err(failure)) => {
                view! {
                    <main class="centered">
                        <h1>{tr(Msg::AppName)}</h1>
                        <LoadFailed failure />
                    </main>
                }
                    .into_any()
            }
            Some(Ok(auth)) => {
                provide_context(auth);
                view! { <AppRoutes /> }.into_any()
            }
        }}
    }
}

/// Everything under Setup > Compliance Settings needs "Manage Compliance Settings".
const SETTINGS: Permission = Permission::ManageComplianceSettings;

#[component]
fn AppRoutes() -> impl IntoView {
    view! {
        <Router>
            <Routes fallback=|| view! { <HomeRedirect /> }>
                <Route path=path!("/admin/welcome") view=FirstRunPage />
                <Route path=path!("/admin/sign-in") view=SignInPage />
                <ParentRoute path=path!("/admin") view=Shell>
                    <Route path=path!("") view=HomeRedirect />
                    <Route path=path!("account") view=AccountPage />
                    <Route
                        path=path!("users")
                        view=|| view! { <Permitted permission=Permission::ManageUsers><UsersPage /></Permitted> }
                    />
                    <Route
                        path=path!("records")
                        view=|| view! { <Permitted permission=Permission::ViewRecords><RecordsPage /></Permitted> }
                    />
                    <Route
                        path=path!("records/import")
                        view=|| view! { <Permitted permission=Permission::EditRecords><ImportPage /></Permitted> }
                    />
                    <Route
                        path=path!("records/:id")
                        view=|| view! { <Permitted permission=Permission::ViewRecords><RecordPage /></Permitted> }
                    />
                    <Route
                        path=path!("setup/compliance")
                        view=|| view! { <Permitted permission=SETTINGS><CompliancePage /></Permitted> }
                    />
                    <Route
                        path=path!("setup/modules/:id/fields")
                        view=|| view! { <Permitted permission=SETTINGS><FieldsPage /></Permitted> }
                    />
                    <Route
                        path=path!("setup/outbox")
                        view=|| view! { <Permitted permission=SETTINGS><OutboxPage /></Permitted> }
                    />
                    <Route
                        path=path!("setup/forms")
                        view=|| view! { <Permitted permission=SETTINGS><FormsPage /></Permitted> }
                    />
                    <Route
                        path=path!("setup/forms/:id")
                        view=|| view! { <Permitted permission=SETTINGS><FormEditorPage /></Permitted> }
                    />
                    <Route
                        path=path!("setup/requests")
                        view=|| view! { <Permitted permission=SETTINGS><RequestsPage /></Permitted> }
                    />
                    <Route
                        path=path!("setup/requests/:id")
                        view=|| view! { <Permitted permission=SETTINGS><RequestPage /></Permitted> }
                    />
                    <Route
                        path=path!("setup/email-templates")
                        view=|| view! { <Permitted permission=SETTINGS><TemplatesPage /></Permitted> }
                    />
                    <Route
                        path=path!("setup/email-templates/:id")
                        view=|| view! { <Permitted permission=SETTINGS><TemplateEditorPage /></Permitted> }
                    />
                    <Route
                        path=path!("setup/compliance/overview")
                        view=|| view! { <Permitted permission=SETTINGS><OverviewPage /></Permitted> }
                    />
                    <Route
                        path=path!("setup/api-keys")
                        view=|| view! { <Permitted permission=Permission::ManageApiKeys><ApiKeysPage /></Permitted> }
                    />
                    <Route
                        path=path!("setup/compliance/retention")
                        view=|| view! { <Permitted permission=SETTINGS><RetentionPage /></Permitted> }
                    />
                    <Route
                        path=path!("setup/compliance/audit")
                        view=|| view! { <Permitted permission=SETTINGS><AuditPage /></Permitted> }
                    />
                </ParentRoute>
            </Routes>
        </Router>
    }
}

/// A moment as every page shows it: `2026-11-29 10:15 UTC`.
pub fn format_time(t: chrono::DateTime<chrono::Utc>) -> String {
    t.format("%Y-%m-%d %H:%M UTC").to_string()
}

/// The signed-in state, for pages that need it.
pub fn use_auth() -> Auth {
    expect_context::<Auth>()
}
