//! Who is signed in, known to every page.

use consentry_model::auth::Session;
use leptos::prelude::*;

use crate::api::{self, ApiResult};

/// The signed-in session (if any) and whether the installation still needs its first run.
#[derive(Debug, Clone, Copy)]
pub struct Auth {
    /// The current session; `None` when signed out.
    pub session: RwSignal<Option<Session>>,
    /// `true` until the first organisation exists.
    pub needs_setup: RwSignal<bool>,
}

/// Asks the server whether it is set up and who is signed in.
pub async fn load() -> ApiResult<Auth> {
    let status = api::setup_status().await?;
    let session = match api::session().await {
        Ok(session) => Some(session),
        Err(e) if e.is_unauthenticated() => None,
        Err(e) => return Err(e),
    };
    Ok(Auth {
        session: RwSignal::new(session),
        needs_setup: RwSignal::new(status.needs_setup),
    })
}

impl Auth {
    /// Where the organisation's public pages and widget are served from: this server's
    /// origin and the organisation's short name (reactive).
    pub fn public_base(self) -> (String, String) {
        let origin = web_sys::window()
            .and_then(|w| w.location().origin().ok())
            .unwrap_or_default();
        let organisation = self
            .session
            .get()
            .map(|s| s.organisation.slug.to_string())
            .unwrap_or_default();
        (origin, organisation)
    }

    /// The path a visitor without a session belongs on.
    pub fn entry_path(self) -> &'static str {
        if self.needs_setup.get_untracked() {
            "/admin/welcome"
        } else {
            "/admin/sign-in"
        }
    }
}
