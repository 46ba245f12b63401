//! Security headers on every response and the CSRF check on every write.

use axum::{
    extract::{Request, State},
    http::{HeaderMap, HeaderValue, Method, header},
    middleware::Next,
    response::{IntoResponse, Response},
};

use super::{AppState, error::ApiError, session::SESSION_COOKIE};

/// The header the app's API client sends on every request. A browser only adds a custom header
/// to a cross-origin request after a CORS preflight, which this server never grants for the
/// admin API, so its presence proves the request came from our own pages.
pub const CSRF_HEADER: &str = "x-requested-with";
/// The value of [`CSRF_HEADER`].
pub const CSRF_VALUE: &str = "consentry";

/// Our own pages: our scripts and WebAssembly only, nothing inline, never framed elsewhere.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
     style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; \
     object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// Adds the security headers to every response (unless a handler set its own).
pub async fn headers(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    let mut set = |name: header::HeaderName, value: &'static str| {
        headers
            .entry(name)
            .or_insert_with(|| HeaderValue::from_static(value));
    };
    set(header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY);
    set(header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(header::REFERRER_POLICY, "no-referrer");
    set(header::X_FRAME_OPTIONS, "DENY");
    set(
        header::HeaderName::from_static("cross-origin-opener-policy"),
        "same-origin",
    );
    set(
        header::HeaderName::from_static("permissions-policy"),
        "camera=(), microphone=(), geolocation=(), payment=()",
    );
    if state.settings.server.behind_tls() {
        set(
            header::STRICT_TRANSPORT_SECURITY,
            "max-age=31536000; includeSubDomains",
        );
    }
    response
}

/// Refuses state-changing API requests that did not come from our own pages.
pub async fn csrf(State(state): State<AppState>, request: Request, next: Next) -> Response {
    // A widget's request from one of its form's allowed sites was checked by the CORS layer.
    let widget = request
        .extensions()
        .get::<super::widget::AllowedOrigin>()
        .is_some();
    if widget || is_safe(request.method()) || !request.uri().path().starts_with("/api/") {
        return next.run(request).await;
    }
    let public_url = state.settings.server.public_url.as_deref();
    if let Err(e) = check_same_origin(request.headers(), public_url) {
        return e.into_response();
    }
    next.run(request).await
}

fn is_safe(method: &Method) -> bool {
    matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// Whether `origin` is one of Consentry's own: the host the request was sent to, or the
/// configured public address (behind a reverse proxy the two differ unless it passes `Host`).
pub fn is_own_origin(origin: &str, headers: &HeaderMap, public_url: Option<&str>) -> bool {
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
    let origin_host = origin.split_once("://").map(|(_, h)| h);
    (host.is_some() && origin_host == host)
        || public_url.is_some_and(|url| url.trim_end_matches('/').eq_ignore_ascii_case(origin))
}

fn check_same_origin(headers: &HeaderMap, public_url: Option<&str>) -> Result<(), ApiError> {
    let get = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    if let Some(site) = get("sec-fetch-site")
        && !matches!(site, "same-origin" | "none")
    {
        return Err(ApiError::CrossSite);
    }
    if let Some(origin) = get("origin")
        && get("host").is_some()
        && !is_own_origin(origin, headers, public_url)
    {
        return Err(ApiError::CrossSite);
    }
    let has_session_cookie = get("cookie").is_some_and(|c| c.contains(SESSION_COOKIE));
    if has_session_cookie && get(CSRF_HEADER) != Some(CSRF_VALUE) {
        return Err(ApiError::CrossSite);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (k, v) in pairs {
            map.insert(*k, HeaderValue::from_static(v));
        }
        map
    }

    #[test]
    fn same_origin_write_with_header_passes() {
        let h = headers(&[
            ("host", "localhost:8080"),
            ("origin", "http://localhost:8080"),
            ("sec-fetch-site", "same-origin"),
            ("cookie", "consentry_session=abc"),
            ("x-requested-with", "consentry"),
        ]);
        assert!(check_same_origin(&h, None).is_ok());
    }

    #[test]
    fn cross_site_or_foreign_origin_or_missing_header_is_refused() {
        let cross = headers(&[("sec-fetch-site", "cross-site")]);
        assert!(check_same_origin(&cross, None).is_err());
        let foreign = headers(&[
            ("host", "localhost:8080"),
            ("origin", "https://evil.example"),
        ]);
        assert!(check_same_origin(&foreign, None).is_err());
        let no_header = headers(&[("cookie", "consentry_session=abc")]);
        assert!(check_same_origin(&no_header, None).is_err());
    }

    #[test]
    fn a_sign_in_without_cookie_from_a_non_browser_client_passes() {
        assert!(check_same_origin(&headers(&[("host", "localhost")]), None).is_ok());
    }

    #[test]
    fn behind_a_proxy_the_public_address_is_our_own_origin() {
        let proxied = headers(&[
            ("host", "127.0.0.1:8080"),
            ("origin", "https://consent.example.org"),
            ("sec-fetch-site", "same-origin"),
            ("cookie", "consentry_session=abc"),
            ("x-requested-with", "consentry"),
        ]);
        assert!(check_same_origin(&proxied, None).is_err());
        assert!(check_same_origin(&proxied, Some("https://consent.example.org/")).is_ok());
        assert!(check_same_origin(&proxied, Some("https://other.example.org")).is_err());
    }
}
