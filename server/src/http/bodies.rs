//! Request bodies: each route's largest body, refused at once from the declared
//! `Content-Length`, and a budget of body bytes the server holds at a time, counted as they
//! arrive.
//!
//! A client declaring a body too large for its route is answered 413 before a byte of it is
//! read (no `100 Continue`), and its connection is closed. Every other body takes its bytes
//! from the budget as they arrive ([`counted`]) and holds them until its request is answered;
//! one client address may hold only a share of it ([`budget`]). A body the budget cannot take
//! is answered `503 busy`, and a body arriving slower than the minimum rate `408`, both with
//! the connection closed: a client declaring large bodies and trickling them over many
//! connections holds only the bytes it sent, and not for long.

mod budget;
mod counted;

use std::{
    net::{IpAddr, Ipv4Addr},
    sync::Arc,
    time::Duration,
};

use axum::{
    body::Body,
    extract::{Request, State},
    http::{HeaderMap, HeaderValue, Method, header},
    middleware::Next,
    response::{IntoResponse, Response},
};

use self::{
    budget::{Budget, Refusal},
    counted::{Counted, MinimumRate, Stop, Stopped},
};
use super::{client::Client, error::ApiError};
use crate::config::ServerSettings;

/// Largest CSV file an import takes.
pub const MAX_IMPORT_BYTES: usize = crate::domain::import::MAX_FILE_BYTES;
/// Largest banner decision or widget setting.
pub const MAX_WIDGET_BYTES: usize = 4 * 1024;

/// Largest public sign-up (the hosted sign-up page and the widget's inline sign-up): a
/// name, an address, the purposes ticked and a form's own fields.
pub const MAX_SIGN_UP_BYTES: usize = 16 * 1024;

/// How many seconds a client refused for the budget is told to wait.
const BUSY_RETRY_AFTER_SECS: u64 = 2;

/// The largest body the route at `path` reads; `general` for every route without its own.
/// The routes with their own limit say so with `DefaultBodyLimit` too (for bodies sent
/// without a length); this is where those limits are decided.
pub fn limit_for(path: &str, general: usize) -> usize {
    let in_form = |tail: &str| {
        path.strip_prefix("/api/v1/forms/")
            .and_then(|rest| rest.split_once('/'))
            .is_some_and(|(id, rest)| !id.is_empty() && rest.starts_with(tail))
    };
    if path == "/api/v1/imports" {
        MAX_IMPORT_BYTES
    } else if path.starts_with("/api/public/widget/")
        || in_form("widget")
        || in_form("visitor-consents")
    {
        MAX_WIDGET_BYTES
    } else if path.starts_with("/api/public/sign-up/") {
        MAX_SIGN_UP_BYTES
    } else {
        general
    }
}

/// What the admission needs: the general limit, the budget and the minimum rate.
#[derive(Clone)]
pub struct Admission {
    general: usize,
    budget: Arc<Budget>,
    rate: MinimumRate,
}

impl Admission {
    /// The limits the server is configured with.
    pub fn from_settings(server: &ServerSettings) -> Admission {
        Admission {
            general: server.max_body_bytes,
            budget: Budget::new(
                server.request_body_budget_bytes,
                server.request_body_budget_per_client(),
            ),
            rate: MinimumRate {
                grace: Duration::from_secs(server.min_body_rate_grace_seconds),
                bytes_per_second: server.min_body_bytes_per_second,
            },
        }
    }
}

/// What a request declares about its body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Declared {
    /// No body.
    Nothing,
    /// A `Content-Length`.
    Length(u64),
    /// Chunked: its size is known only once read.
    Unknown,
}

fn declared(headers: &HeaderMap) -> Result<Declared, ApiError> {
    if headers.contains_key(header::TRANSFER_ENCODING) {
        return Ok(Declared::Unknown);
    }
    let Some(length) = headers.get(header::CONTENT_LENGTH) else {
        return Ok(Declared::Nothing);
    };
    // hyper has already refused a length that is not a number.
    match length
        .to_str()
        .ok()
        .and_then(|l| l.trim().parse::<u64>().ok())
    {
        Some(0) => Ok(Declared::Nothing),
        Some(n) => Ok(Declared::Length(n)),
        None => Err(ApiError::Invalid {
            field: Some("Content-Length".into()),
            message: "Send the body's length in bytes as a whole number.".into(),
        }),
    }
}

/// Refuses a body too large for its route from its declared length, and counts every other
/// body's bytes against the budget as they arrive, until its request is answered.
pub async fn admit(State(admission): State<Admission>, request: Request, next: Next) -> Response {
    let limit = limit_for(request.uri().path(), admission.general);
    let declared = match declared(request.headers()) {
        Ok(declared) => declared,
        Err(refused) => return closing(refused.into_response()),
    };
    // Reading a GET's body is not something any route does; nothing to count.
    match declared {
        Declared::Nothing => return next.run(request).await,
        _ if request.method() == Method::GET || request.method() == Method::HEAD => {
            return next.run(request).await;
        }
        Declared::Length(n) if n > limit as u64 => {
            return closing(ApiError::BodyTooLarge { limit }.into_response());
        }
        Declared::Length(_) | Declared::Unknown => {}
    }
    // The client as the connection bounds count it.
    let client = Client::of_request(request.extensions())
        .unwrap_or_else(|| Client::of(IpAddr::V4(Ipv4Addr::UNSPECIFIED)));
    let holding = Arc::new(admission.budget.holding(client));
    let stopped = Stopped::default();
    let request = request.map(|body| {
        Body::new(Counted::new(
            body,
            Arc::clone(&holding),
            admission.rate,
            Arc::clone(&stopped),
        ))
    });
    let response = next.run(request).await;
    // Whatever the route made of the body's error, the answer says why it was stopped.
    let response = match stopped.get() {
        None => response,
        Some(Stop::Budget(refused)) => {
            tracing::warn!(
                share = *refused == Refusal::ShareSpent,
                "request body stopped: the body budget is spent"
            );
            closing(
                ApiError::Busy {
                    retry_after_secs: BUSY_RETRY_AFTER_SECS,
                }
                .into_response(),
            )
        }
        Some(Stop::TooSlow) => {
            tracing::warn!("request body stopped: it arrived too slowly");
            closing(
                ApiError::BodyTooSlow {
                    bytes_per_second: admission.rate.bytes_per_second,
                    grace_seconds: admission.rate.grace.as_secs(),
                }
                .into_response(),
            )
        }
    };
    // The bytes it held go back once the answer is made (the route is done with them).
    drop(holding);
    response
}

/// The answer, with the connection closed after it: the body is still on the wire, unread.
fn closing(mut response: Response) -> Response {
    response
        .headers_mut()
        .insert(header::CONNECTION, HeaderValue::from_static("close"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn imports_and_the_widget_have_their_own_limits_and_every_other_route_the_general_one() {
        assert_eq!(limit_for("/api/v1/imports", 10), MAX_IMPORT_BYTES);
        assert_eq!(limit_for("/api/v1/imports/abc", 10), 10);
        assert_eq!(
            limit_for("/api/public/widget/acme/cookies/decisions", 10),
            MAX_WIDGET_BYTES
        );
        assert_eq!(limit_for("/api/v1/forms/f1/widget", 10), MAX_WIDGET_BYTES);
        assert_eq!(
            limit_for("/api/v1/forms/f1/visitor-consents/summary", 10),
            MAX_WIDGET_BYTES
        );
        assert_eq!(limit_for("/api/v1/forms/f1/draft", 10), 10);
        assert_eq!(
            limit_for("/api/public/sign-up/acme/newsletter", 10),
            MAX_SIGN_UP_BYTES
        );
        assert_eq!(limit_for("/api/v1/records", 10), 10);
    }

    #[test]
    fn a_body_is_declared_by_its_length_or_by_chunking() {
        let with = |pairs: &[(header::HeaderName, &'static str)]| {
            let mut headers = HeaderMap::new();
            for (name, value) in pairs {
                headers.insert(name.clone(), HeaderValue::from_static(value));
            }
            declared(&headers).ok()
        };
        assert_eq!(with(&[]), Some(Declared::Nothing));
        assert_eq!(
            with(&[(header::CONTENT_LENGTH, "0")]),
            Some(Declared::Nothing)
        );
        assert_eq!(
            with(&[(header::CONTENT_LENGTH, "12")]),
            Some(Declared::Length(12))
        );
        assert_eq!(
            with(&[(header::TRANSFER_ENCODING, "chunked")]),
            Some(Declared::Unknown)
        );
        assert_eq!(with(&[(header::CONTENT_LENGTH, "twelve")]), None);
    }
}
