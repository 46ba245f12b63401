//! What the log knows about a request: an id, its method and route template. Never its path
//! or query (paths hold link tokens and ids, query strings search terms and e-mail
//! addresses). The id is the server's own, or the one a trusted proxy gave the request when
//! it is a plain token (letters, digits, `-`, `_`, `.`, at most 64): a client's own could
//! carry anything into the log, so it is replaced.

use std::sync::Arc;

use axum::{
    extract::{MatchedPath, Request},
    http::HeaderValue,
    middleware::Next,
    response::Response,
};
use uuid::Uuid;

use super::client::FromTrustedProxy;

/// The header that gives a request's id back to its client, to quote when reporting a
/// failure: the log lines of that request carry the same id, and so does an error body.
pub const REQUEST_ID: &str = "x-request-id";

/// A request's id, in its extensions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TraceId(Arc<str>);

impl TraceId {
    /// A proxy's id when it is a plain token, else `None`.
    fn from_proxy(value: &HeaderValue) -> Option<TraceId> {
        let value = value.to_str().ok()?;
        let plain = (1..=64).contains(&value.len())
            && value
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'));
        plain.then(|| TraceId(value.into()))
    }

    /// The id of the request being answered on this task, if any.
    pub fn current() -> Option<TraceId> {
        CURRENT.try_with(Clone::clone).ok()
    }
}

impl std::fmt::Display for TraceId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

tokio::task_local! {
    /// The id of the request whose answer is being made (for its error body).
    static CURRENT: TraceId;
}

/// Gives the request an id (a trusted proxy's, else a new one, replacing whatever a client
/// sent) and its answer the same id.
pub async fn request_id(mut request: Request, next: Next) -> Response {
    let proxied = request
        .headers()
        .get_all(REQUEST_ID)
        .iter()
        // A proxy that adds its own after a client's: the proxy's is the last.
        .next_back()
        .filter(|_| request.extensions().get::<FromTrustedProxy>().is_some())
        .and_then(TraceId::from_proxy);
    let id = proxied.unwrap_or_else(|| TraceId(Uuid::new_v4().to_string().into()));
    request.headers_mut().remove(REQUEST_ID);
    request.extensions_mut().insert(id.clone());
    let mut response = CURRENT.scope(id.clone(), next.run(request)).await;
    if let Ok(value) = HeaderValue::from_str(&id.0) {
        response.headers_mut().insert(REQUEST_ID, value);
    }
    response
}

/// A request's log span: its id, method and route template.
pub fn request_span(request: &Request) -> tracing::Span {
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or("(no route)", MatchedPath::as_str);
    let id = request
        .extensions()
        .get::<TraceId>()
        .map(tracing::field::display);
    let method = crate::telemetry::method_label(request.method());
    tracing::info_span!("request", id, method, route)
}
