//! Consentry's admin app: Leptos, rendered in the browser, compiled to WebAssembly.
//!
//! Every page talks to the server through [`api`]; every text comes from [`i18n`].

pub mod api;
pub mod areas;
pub mod auth;
pub mod components;
pub mod i18n;
pub mod moment;
pub mod pages;
pub mod remembered;
pub mod timer;

use leptos::prelude::*;
use leptos_router::{
    Lazy,
    components::{ParentRoute, Route, Router, Routes},
    path,
};
use wasm_bindgen::prelude::wasm_bindgen;

use crate::{
    areas::*,
    auth::Auth,
    components::notice::{LoadFailed, Loading},
    i18n::{I18n, Msg, tr},
    pages::{
        home::{HomeRedirect, NotFoundPage},
        shell::Shell,
        sign_in::SignInPage,
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
    let i18n = I18n::new();
    provide_context(i18n);
    // The reader's messages and who is signed in, fetched side by side.
    let words = LocalResource::new(move || i18n.start());
    let boot = LocalResource::new(auth::load);
    view! {
        {move || match words.get().and(boot.get()) {
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

/// A part of the app (an area, a language) whose code could not be fetched.
#[derive(Debug, Clone, Copy)]
pub struct NotLoaded;

impl From<leptos::wasm_split::SplitLoaderError> for NotLoaded {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        NotLoaded
    }
}

/// Whether a navigation is under way (an area's code may still be arriving): the shell hides
/// the page being left, so nothing on it is used by mistake, and says it is loading.
#[derive(Clone, Copy)]
pub struct Routing(pub ReadSignal<bool>);

#[component]
fn AppRoutes() -> impl IntoView {
    let (routing, set_routing) = signal(false);
    provide_context(Routing(routing));
    view! {
        <Router set_is_routing=set_routing>
            <Routes fallback=|| view! { <HomeRedirect /> }>
                <Route path=path!("/admin/welcome") view={Lazy::<FirstRun>::new()} />
                <Route path=path!("/admin/sign-in") view=SignInPage />
                <ParentRoute path=path!("/admin") view=Shell>
                    <Route path=path!("") view=HomeRedirect />
                    <Route path=path!("account") view={Lazy::<Account>::new()} />
                    <Route path=path!("users") view={Lazy::<Users>::new()} />
                    <Route path=path!("records") view={Lazy::<Records>::new()} />
                    <Route path=path!("records/import") view={Lazy::<Import>::new()} />
                    <Route path=path!("records/new") view={Lazy::<NewRecord>::new()} />
                    <Route path=path!("records/:id") view={Lazy::<Record>::new()} />
                    <Route path=path!("setup/compliance") view={Lazy::<Compliance>::new()} />
                    <Route path=path!("setup/modules/:id/fields") view={Lazy::<Fields>::new()} />
                    <Route path=path!("setup/outbox") view={Lazy::<Outbox>::new()} />
                    <Route path=path!("setup/forms") view={Lazy::<Forms>::new()} />
                    <Route path=path!("setup/forms/:id") view={Lazy::<FormEditor>::new()} />
                    <Route path=path!("setup/requests") view={Lazy::<Requests>::new()} />
                    <Route path=path!("setup/requests/:id") view={Lazy::<Request>::new()} />
                    <Route path=path!("setup/email-templates") view={Lazy::<Templates>::new()} />
                    <Route path=path!("setup/email-templates/:id") view={Lazy::<TemplateEditor>::new()} />
                    <Route path=path!("setup/compliance/overview") view={Lazy::<Overview>::new()} />
                    <Route path=path!("setup/api-keys") view={Lazy::<ApiKeys>::new()} />
                    <Route path=path!("setup/compliance/retention") view={Lazy::<Retention>::new()} />
                    <Route path=path!("setup/compliance/audit") view={Lazy::<Audit>::new()} />
                    <Route path=path!("*any") view=NotFoundPage />
                </ParentRoute>
            </Routes>
        </Router>
    }
}

pub use moment::format_time;

/// The signed-in state, for pages that need it.
pub fn use_auth() -> Auth {
    expect_context::<Auth>()
}
