//! Serves the built pages: fingerprinted assets cached forever; `index.html` (the admin app)
//! for every admin route (history-API fallback) and `site.html` (the data subject's pages)
//! for consent links, never cached, so a deploy takes effect on reload.

use std::path::PathBuf;

use axum::{
    Router,
    extract::{Path, State},
    http::{HeaderValue, StatusCode, header},
    response::{Html, IntoResponse, Redirect, Response},
    routing::get,
};
use tower::ServiceBuilder;
use tower_http::{services::ServeDir, set_header::SetResponseHeaderLayer};

use consentry_model::forms::FormLang;
use consentry_words::subject;

use super::{AppState, language::localise};
use crate::domain::{consent, language::Preferred, privacy_centre, signup};

/// Routes for `/`, `/admin/...`, `/assets/...` and the other files of the built app.
///
/// Folders are never answered, not even with a redirect: `ServeDir` would send `//assets` to
/// `Location: //assets/`, which a browser reads as the host `assets` (an open redirect).
pub fn router(dist: PathBuf) -> Router<AppState> {
    let assets = ServiceBuilder::new()
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            |response: &Response<_>| caching(response, "public, max-age=31536000, immutable"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::VARY,
            HeaderValue::from_static("accept-encoding"),
        ))
        .service(
            ServeDir::new(dist.join("assets"))
                .append_index_html_on_directories(false)
                .precompressed_br()
                .precompressed_gzip(),
        );
    let files = ServiceBuilder::new()
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            |response: &Response<_>| caching(response, "public, max-age=3600"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::VARY,
            HeaderValue::from_static("accept-encoding"),
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
        .route("/c/{token}", get(consent_page))
        .route("/receipts/verify", get(receipt_check))
        .route("/f/{organisation}/{form}", get(sign_up))
        .route("/confirm/{token}", get(confirmation))
        .route("/privacy/{organisation}", get(privacy))
        .nest_service("/assets", assets)
        .fallback_service(files)
}

/// How long a built file may be kept: `success` for a file served (fingerprinted assets never
/// change), never for anything else, so a file missing while a deploy is copied (a 404) is
/// fetched again on the next reload. Precompressed answers vary by `Accept-Encoding` (set beside).
fn caching<B>(response: &Response<B>, success: &'static str) -> Option<HeaderValue> {
    let status = response.status();
    // A 304 refreshes the kept copy's headers: it must not tell the browser to drop it.
    Some(HeaderValue::from_static(
        if status.is_success() || status == StatusCode::NOT_MODIFIED {
            success
        } else {
            "no-store"
        },
    ))
}

/// The admin app.
async fn admin(State(state): State<AppState>) -> Response {
    page(&state, "index.html", None).await
}

// The public pages open in the language their data will be shown in: the one the server
// chooses for the form (or the organisation) from the reader's wishes, so the first paint is
// already right. A page whose data cannot be had (an expired link, a closed form) opens in
// the reader's most wanted language, and says so in it.

/// The hosted consent page.
async fn consent_page(
    State(state): State<AppState>,
    Path(token): Path<String>,
    reader: Preferred,
) -> Response {
    let token = crate::domain::token::SecretToken::from_client(&token);
    let lang = consent::open(state.store.as_ref(), &token, &reader)
        .await
        .map(|page| page.lang);
    page(&state, "site.html", Some(or_wished(lang, &reader))).await
}

/// The receipt check: any reader, every language.
async fn receipt_check(State(state): State<AppState>, reader: Preferred) -> Response {
    let every: Vec<FormLang> = subject::LANGUAGES
        .iter()
        .filter_map(|(code, _)| FormLang::parse(code).ok())
        .collect();
    let english = FormLang::parse(subject::SOURCE).expect("a language code");
    let lang = reader.choose(&every, &english);
    page(&state, "site.html", Some(or_wished(Ok(lang), &reader))).await
}

/// The public sign-up form.
async fn sign_up(
    State(state): State<AppState>,
    Path((organisation, form)): Path<(String, String)>,
    reader: Preferred,
) -> Response {
    let lang = signup::page(state.store.as_ref(), &organisation, &form, &reader)
        .await
        .map(|page| page.lang);
    page(&state, "signup.html", Some(or_wished(lang, &reader))).await
}

/// The page a sign-up's confirmation link opens, in the language of the sign-up.
async fn confirmation(
    State(state): State<AppState>,
    Path(token): Path<String>,
    reader: Preferred,
) -> Response {
    let token = crate::domain::token::SecretToken::from_client(&token);
    let lang = signup::confirmation(state.store.as_ref(), &token)
        .await
        .map(|pending| pending.lang);
    page(&state, "signup.html", Some(or_wished(lang, &reader))).await
}

/// The privacy centre.
async fn privacy(
    State(state): State<AppState>,
    Path(organisation): Path<String>,
    reader: Preferred,
) -> Response {
    let lang = privacy_centre::centre(state.store.as_ref(), &organisation, &reader)
        .await
        .map(|centre| centre.lang);
    page(&state, "privacy.html", Some(or_wished(lang, &reader))).await
}

/// The language chosen for a page's data, or the reader's most wanted one without it.
fn or_wished(chosen: crate::domain::Result<FormLang>, reader: &Preferred) -> &'static str {
    chosen
        .ok()
        .and_then(|lang| {
            subject::LANGUAGES
                .iter()
                .find(|(code, _)| *code == lang.as_str())
        })
        .map_or_else(|| reader.first(), |(code, _)| *code)
}

/// A built page, read per request so a rebuilt app is served without a restart; a public
/// page in `lang` (see [`localise`]).
async fn page(state: &AppState, name: &str, lang: Option<&str>) -> Response {
    let path = state.settings.server.dist_dir.join(name);
    match tokio::fs::read_to_string(&path).await {
        Ok(html) => {
            let no_cache = (header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
            match lang {
                // The words in the page depend on these.
                Some(lang) => (
                    [
                        no_cache,
                        (
                            header::VARY,
                            HeaderValue::from_static("accept-language, cookie"),
                        ),
                    ],
                    Html(localise(&html, lang)),
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
