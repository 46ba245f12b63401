//! Serves the built pages: fingerprinted assets cached forever; `index.html` (the admin app)
//! for every admin route (history-API fallback) and `site.html` (the data subject's pages)
//! for consent links, never cached, so a deploy takes effect on reload.

use std::path::PathBuf;

use axum::{
    Router,
    extract::State,
    http::{HeaderValue, StatusCode, header},
    response::{Html, IntoResponse, Redirect, Response},
    routing::get,
};
use tower::ServiceBuilder;
use tower_http::{services::ServeDir, set_header::SetResponseHeaderLayer};

use super::{AppState, language::localise};
use crate::domain::language::Preferred;

/// Routes for `/`, `/admin/...`, `/assets/...` and the other files of the built app.
///
/// Folders are never answered, not even with a redirect: `ServeDir` would send `//assets` to
/// `Location: //assets/`, which a browser reads as the host `assets` (an open redirect).
pub fn router(dist: PathBuf) -> Router<AppState> {
    let assets = ServiceBuilder::new()
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("public, max-age=31536000, immutable"),
        ))
        .service(
            ServeDir::new(dist.join("assets"))
                .append_index_html_on_directories(false)
                .precompressed_br()
                .precompressed_gzip(),
        );
    let files = ServiceBuilder::new()
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CACHE_CONTROL,
            HeaderValue::from_static("public, max-age=3600"),
        ))
        .service(
            ServeDir::new(&dist)
                .append_index_html_on_directories(false)
                .precompressed_br()
                .precompressed_gzip(),
        );
    Router::new()
        .route("/", get(|| async { Redirect::to("/admin") }))
        .route("/admin", get(admin))
        .route("/admin/{*route}", get(admin))
        .route("/c/{token}", get(site))
        .route("/receipts/verify", get(site))
        .route("/f/{organisation}/{form}", get(signup))
        .route("/confirm/{token}", get(signup))
        .route("/privacy/{organisation}", get(privacy))
        .nest_service("/assets", assets)
        .fallback_service(files)
}

/// The admin app.
async fn admin(State(state): State<AppState>) -> Response {
    page(&state, "index.html", None).await
}

/// The public pages (the hosted consent page), in the reader's language.
async fn site(State(state): State<AppState>, preferred: Preferred) -> Response {
    page(&state, "site.html", Some(&preferred)).await
}

async fn signup(State(state): State<AppState>, preferred: Preferred) -> Response {
    page(&state, "signup.html", Some(&preferred)).await
}

async fn privacy(State(state): State<AppState>, preferred: Preferred) -> Response {
    page(&state, "privacy.html", Some(&preferred)).await
}

/// A built page, read per request so a rebuilt app is served without a restart; a public
/// page in the reader's language (see [`localise`]).
async fn page(state: &AppState, name: &str, reader: Option<&Preferred>) -> Response {
    let path = state.settings.server.dist_dir.join(name);
    match tokio::fs::read_to_string(&path).await {
        Ok(html) => {
            let no_cache = (header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
            match reader {
                // The words in the page depend on these.
                Some(reader) => (
                    [
                        no_cache,
                        (
                            header::VARY,
                            HeaderValue::from_static("accept-language, cookie"),
                        ),
                    ],
                    Html(localise(&html, reader)),
                )
                    .into_response(),
                None => ([no_cache], Html(html)).into_response(),
            }
        }
        Err(e) => {
            tracing::error!(path = %path.display(), error = %e, "pages not built");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                format!(
                    "The pages are not built ({} is missing). Build them with \
                     `cargo xtask build-spa` or start Consentry with `scripts/run.sh`.",
                    path.display()
                ),
            )
                .into_response()
        }
    }
}
