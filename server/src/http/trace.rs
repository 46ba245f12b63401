//! What the log knows about a request: an id of its own, its method and route template. Never
//! its path or query (paths hold link tokens and ids, query strings search terms and e-mail
//! addresses), and never an id a client sends (it could carry anything into the log).

use axum::{
    extract::{MatchedPath, Request},
    http::HeaderValue,
    middleware::Next,
    response::Response,
};
use uuid::Uuid;

/// The header that gives a request's id back to its client, to quote when reporting a
/// failure: the log lines of that request carry the same id.
pub const REQUEST_ID: &str = "x-request-id";

/// A request's id, in its extensions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TraceId(pub Uuid);

/// Gives the request an id (replacing one a client sent) and its answer the same id.
pub async fn request_id(mut request: Request, next: Next) -> Response {
    let id = TraceId(Uuid::new_v4());
    request.headers_mut().remove(REQUEST_ID);
    request.extensions_mut().insert(id);
    let mut response = next.run(request).await;
    if let Ok(value) = HeaderValue::from_str(&id.0.to_string()) {
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
        .map(|id| tracing::field::display(id.0));
    tracing::info_span!("request", id, method = %request.method(), route)
}
