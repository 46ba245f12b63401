//! `ApiError`: every failure of the JSON API, answered as an [`ErrorBody`] with the right status.

use axum::{
    Json,
    extract::rejection::PathRejection,
    http::{HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};
use consentry_model::{ErrorBody, ErrorCode, Permission};

use crate::domain;

/// An HTTP error with a JSON body. 5xx details are logged, never sent.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// A field failed to parse or a rule about it was broken (400).
    #[error("invalid {field:?}: {message}")]
    Invalid {
        /// JSON path of the field, when known.
        field: Option<String>,
        /// What to do about it.
        message: String,
    },
    /// The body is not JSON at all (400).
    #[error("malformed JSON: {0}")]
    MalformedJson(String),
    /// The body is not declared as JSON (415).
    #[error("unsupported media type")]
    UnsupportedMediaType,
    /// The route answers other methods (405), `allowed` as the `Allow` header lists them; a
    /// `HEAD` is answered by no API route.
    #[error("method {method} not allowed")]
    MethodNotAllowed {
        /// The method sent.
        method: axum::http::Method,
        /// The methods the route answers, comma-separated.
        allowed: String,
    },
    /// The body is larger than allowed (413).
    #[error("payload too large")]
    PayloadTooLarge,
    /// The declared body is larger than the route takes (413), told before it was read.
    #[error("body larger than {limit} bytes")]
    BodyTooLarge {
        /// The route's largest body, in bytes.
        limit: usize,
    },
    /// No valid session (401).
    #[error("not signed in")]
    Unauthenticated,
    /// Wrong e-mail address or password (401).
    #[error("invalid credentials")]
    InvalidCredentials,
    /// The profile lacks a permission (403).
    #[error("missing permission {0:?}")]
    Forbidden(Permission),
    /// The API key lacks the route's scope, or the route takes no API key (403).
    #[error("missing scope {0:?}")]
    MissingScope(Option<consentry_model::api_keys::Scope>),
    /// `GET /metrics` on a server that has them off (404).
    #[error("metrics off")]
    MetricsOff,
    /// `GET /metrics` without its token, from an address not allowed (401).
    #[error("metrics refused")]
    MetricsRefused,
    /// The API key is unknown or revoked (401).
    #[error("unknown API key")]
    UnknownApiKey,
    /// A write without the CSRF header or from another site (403).
    #[error("cross-site request refused")]
    CrossSite,
    /// A page on a site the form's widget is not allowed on (403).
    #[error("origin {0} not allowed")]
    OriginNotAllowed(String),
    /// Not found in the caller's organisation (404).
    #[error("{0} not found")]
    NotFound(&'static str),
    /// The change contradicts existing data (409).
    #[error("conflict {code}: {message}")]
    Conflict {
        /// Stable code.
        code: ErrorCode,
        /// Field at fault.
        field: Option<&'static str>,
        /// What to do about it.
        message: String,
    },
    /// Existed once but no longer works (410): an expired or spent link.
    #[error("gone {code}: {message}")]
    Gone {
        /// Stable code, e.g. `link_expired`.
        code: ErrorCode,
        /// What to do about it.
        message: String,
    },
    /// Too many attempts (429).
    #[error("too many requests")]
    TooManyRequests {
        /// Seconds to wait.
        retry_after_secs: u64,
    },
    /// The server is at a bound for this work (503); the client may try again soon.
    #[error("busy")]
    Busy {
        /// Seconds to wait.
        retry_after_secs: u64,
    },
    /// The request's body arrived slower than the minimum rate (408).
    #[error("request body too slow")]
    BodyTooSlow {
        /// The minimum rate, after the grace.
        bytes_per_second: u64,
        /// Seconds of waiting before the rate counts.
        grace_seconds: u64,
    },
    /// The request was not answered within the request timeout (503).
    #[error("request timed out after {0} s")]
    RequestTimeout(u64),
    /// A bug or an outage (500). The message is logged, not sent.
    #[error("internal: {0}")]
    Internal(String),
}

impl ApiError {
    fn parts(&self) -> (StatusCode, ErrorCode, String, Option<String>) {
        use ApiError::*;
        match self {
            Invalid { field, message } => (
                StatusCode::BAD_REQUEST,
                ErrorCode::InvalidField,
                message.clone(),
                field.clone(),
            ),
            MalformedJson(detail) => (
                StatusCode::BAD_REQUEST,
                ErrorCode::MalformedJson,
                format!("The request body is not valid JSON ({detail})."),
                None,
            ),
            MethodNotAllowed { method, allowed } => (
                StatusCode::METHOD_NOT_ALLOWED,
                ErrorCode::MethodNotAllowed,
                if method == axum::http::Method::HEAD {
                    format!(
                        "The API answers no HEAD: a HEAD would run the read (an audited export \
                         included) without delivering it. This route answers {allowed}."
                    )
                } else {
                    format!("This route answers {allowed}, not {method}.")
                },
                None,
            ),
            UnsupportedMediaType => (
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                ErrorCode::UnsupportedMediaType,
                "Send the body with the content type this route documents \
                 (`application/json`, or `text/csv` for imports)."
                    .into(),
                None,
            ),
            PayloadTooLarge => (
                StatusCode::PAYLOAD_TOO_LARGE,
                ErrorCode::PayloadTooLarge,
                "The request body is too large.".into(),
                None,
            ),
            BodyTooLarge { limit } => (
                StatusCode::PAYLOAD_TOO_LARGE,
                ErrorCode::PayloadTooLarge,
                format!(
                    "The request body is larger than this route takes ({}). Send a smaller \
                     body; split a large import into several files.",
                    size(*limit)
                ),
                None,
            ),
            Unauthenticated => (
                StatusCode::UNAUTHORIZED,
                ErrorCode::Unauthenticated,
                "Sign in to continue; your session may have expired.".into(),
                None,
            ),
            MetricsOff => (
                StatusCode::NOT_FOUND,
                ErrorCode::NotFound,
                "Metrics are off on this server.".into(),
                None,
            ),
            MetricsRefused => (
                StatusCode::UNAUTHORIZED,
                ErrorCode::Unauthenticated,
                "Send the metrics token as `Authorization: Bearer <token>`, or scrape from an \
                 address allowed to."
                    .into(),
                None,
            ),
            InvalidCredentials => (
                StatusCode::UNAUTHORIZED,
                ErrorCode::InvalidCredentials,
                "Wrong e-mail address or password.".into(),
                None,
            ),
            Forbidden(permission) => (
                StatusCode::FORBIDDEN,
                ErrorCode::Forbidden,
                format!(
                    "Your profile lacks the permission \u{201c}{}\u{201d}. Ask an administrator.",
                    permission.label()
                ),
                None,
            ),
            MissingScope(Some(scope)) => (
                StatusCode::FORBIDDEN,
                ErrorCode::MissingScope,
                format!(
                    "This API key lacks the scope \u{201c}{}\u{201d}. Create a key with it in \
                     Setup \u{203a} API keys.",
                    scope.code()
                ),
                None,
            ),
            MissingScope(None) => (
                StatusCode::FORBIDDEN,
                ErrorCode::MissingScope,
                "This route is for people signed in to Consentry, not for API keys.".into(),
                None,
            ),
            UnknownApiKey => (
                StatusCode::UNAUTHORIZED,
                ErrorCode::UnknownApiKey,
                "This API key is unknown or was revoked. Send `Authorization: Bearer <key>` \
                 with a key from Setup \u{203a} API keys."
                    .into(),
                None,
            ),
            OriginNotAllowed(origin) => (
                StatusCode::FORBIDDEN,
                ErrorCode::OriginNotAllowed,
                format!(
                    "This form may not be embedded on {origin}. Add the site under Consent \
                     forms \u{203a} the form \u{203a} Website widget."
                ),
                None,
            ),
            CrossSite => (
                StatusCode::FORBIDDEN,
                ErrorCode::CrossSiteRequest,
                "This change came from another site or without Consentry's request header. \
                 Reload the page and try again."
                    .into(),
                None,
            ),
            NotFound(what) => (
                StatusCode::NOT_FOUND,
                ErrorCode::NotFound,
                format!("No such {what} in your organisation."),
                None,
            ),
            Conflict {
                code,
                field,
                message,
            } => (
                StatusCode::CONFLICT,
                *code,
                message.clone(),
                field.map(str::to_owned),
            ),
            Gone { code, message } => (StatusCode::GONE, *code, message.clone(), None),
            TooManyRequests { retry_after_secs } => (
                StatusCode::TOO_MANY_REQUESTS,
                ErrorCode::TooManyRequests,
                format!("Too many attempts. Try again in {retry_after_secs} seconds."),
                None,
            ),
            Busy { retry_after_secs } => (
                StatusCode::SERVICE_UNAVAILABLE,
                ErrorCode::Busy,
                format!("The server is busy. Try again in {retry_after_secs} seconds."),
                None,
            ),
            BodyTooSlow {
                bytes_per_second,
                grace_seconds,
            } => (
                StatusCode::REQUEST_TIMEOUT,
                ErrorCode::BodyTooSlow,
                format!(
                    "The request body arrived slower than {bytes_per_second} bytes a second \
                     (after its first {grace_seconds} seconds) and was stopped. Send it again \
                     over a faster connection, all at once."
                ),
                None,
            ),
            RequestTimeout(seconds) => (
                StatusCode::SERVICE_UNAVAILABLE,
                ErrorCode::RequestTimeout,
                format!(
                    "The request was not answered within {seconds} seconds and was stopped. \
                     Try again; send a POST with an Idempotency-Key so a retry never writes \
                     twice."
                ),
                None,
            ),
            Internal(_) => (
                StatusCode::INTERNAL_SERVER_ERROR,
                ErrorCode::Internal,
                "Something went wrong on our side. It has been logged; try again.".into(),
                None,
            ),
        }
    }
}

/// A size in bytes as people read it: `25 MiB`, `4 KiB`, `1000 bytes`.
fn size(bytes: usize) -> String {
    const KIB: usize = 1024;
    const MIB: usize = 1024 * 1024;
    if bytes >= MIB && bytes.is_multiple_of(MIB) {
        format!("at most {} MiB", bytes / MIB)
    } else if bytes >= KIB && bytes.is_multiple_of(KIB) {
        format!("at most {} KiB", bytes / KIB)
    } else {
        format!("at most {bytes} bytes")
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        if let ApiError::Internal(detail) = &self {
            tracing::error!(%detail, "internal error");
        }
        let (status, code, message, field) = self.parts();
        let body = ErrorBody {
            error: code,
            message,
            field,
            request_id: super::trace::TraceId::current().map(|id| id.to_string()),
        };
        let mut response = (status, Json(body)).into_response();
        if let ApiError::MethodNotAllowed { allowed, .. } = &self
            && let Ok(allowed) = HeaderValue::from_str(allowed)
        {
            response.headers_mut().insert(header::ALLOW, allowed);
        }
        if let ApiError::TooManyRequests { retry_after_secs }
        | ApiError::Busy { retry_after_secs } = self
        {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(retry_after_secs));
        }
        response
    }
}

impl From<domain::Error> for ApiError {
    fn from(error: domain::Error) -> Self {
        use domain::Error::*;
        match error {
            NotFound(what) => ApiError::NotFound(what),
            Conflict {
                code,
                field,
                message,
            } => ApiError::Conflict {
                code,
                field,
                message,
            },
            InvalidCredentials => ApiError::InvalidCredentials,
            Gone { code, message } => ApiError::Gone { code, message },
            Rejected { field, message } => ApiError::Invalid {
                field: Some(field),
                message,
            },
            BadFile(message) => ApiError::Invalid {
                field: Some("file".into()),
                message,
            },
            Invalid { field, error } => ApiError::Invalid {
                field: Some(field),
                message: error.to_string(),
            },
            TooManyAttempts { retry_after_secs } => ApiError::TooManyRequests { retry_after_secs },
            Busy { retry_after_secs } => ApiError::Busy { retry_after_secs },
            Store(crate::store::StoreError::Busy) => ApiError::Busy {
                retry_after_secs: 2,
            },
            Store(e) => ApiError::Internal(e.to_string()),
            Internal(e) => ApiError::Internal(e),
        }
    }
}

/// A query parameter that does not parse.
impl From<axum::extract::rejection::QueryRejection> for ApiError {
    fn from(rejection: axum::extract::rejection::QueryRejection) -> Self {
        let text = rejection.body_text();
        let message = text
            .strip_prefix("Failed to deserialize query string: ")
            .unwrap_or(&text)
            .to_owned();
        // A parameter sent twice ("duplicate field `limit`") is named like any other.
        if let Some(field) = message
            .strip_prefix("duplicate field `")
            .and_then(|rest| rest.split('`').next())
        {
            return ApiError::Invalid {
                field: Some(field.to_owned()),
                message: format!("Send {field} once."),
            };
        }
        if let Some(field) = message
            .strip_prefix("missing field `")
            .and_then(|rest| rest.split('`').next())
        {
            return ApiError::Invalid {
                field: Some(field.to_owned()),
                message: format!("{field}: this parameter is required."),
            };
        }
        let field = message
            .split(':')
            .next()
            .filter(|f| !f.contains(' '))
            .map(str::to_owned);
        let message = match &field {
            Some(field) => in_words(field, &message).unwrap_or(message),
            None => message,
        };
        ApiError::Invalid { field, message }
    }
}

/// What a query parser's refusal means, said for a person (`None`: its own words will do,
/// such as the list of kinds an unknown one is not among).
fn in_words(field: &str, parsed: &str) -> Option<String> {
    let reason = parsed.strip_prefix(field)?.trim_start_matches(':').trim();
    // "unknown variant `x`, expected one of `a`, `b`": the choices, named.
    if let Some((given, expected)) = reason
        .strip_prefix("unknown variant `")
        .and_then(|rest| rest.split_once("`, expected "))
    {
        let choices: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
        return Some(format!(
            "{field}: choose one of {} (not {given}).",
            choices.join(", ")
        ));
    }
    let words = if reason.starts_with("invalid digit")
        || reason.starts_with("number too")
        || reason.starts_with("cannot parse integer")
    {
        "enter a whole number, such as 50."
    } else if reason.starts_with("UUID parsing failed") || reason.starts_with("invalid length") {
        "this is not an id; use the id shown in the list, such as 0190a5b2-7c3e-7d41-9f0a-2b8c1d4e5f60."
    } else if reason.contains("`true` or `false`") {
        "enter true or false."
    } else if reason.starts_with("input contains invalid characters")
        || reason.starts_with("premature end of input")
        || reason.starts_with("trailing input")
        || reason.starts_with("input is out of range")
        || reason.starts_with("no possible date")
    {
        "enter a day that exists as YYYY-MM-DD, such as 2026-03-31."
    } else {
        return None;
    };
    Some(format!("{field}: {words}"))
}

/// A path parameter that does not parse names nothing that exists.
impl From<PathRejection> for ApiError {
    fn from(_: PathRejection) -> Self {
        ApiError::NotFound("item")
    }
}
