//! `Idempotency-Key` on POST: the first answer is kept a day for the caller and key, and a
//! retry gets it again (with `Idempotent-Replayed: true`) instead of a second write.

use axum::{
    body::{Body, to_bytes},
    extract::{Request, State},
    http::{HeaderValue, Method, header},
    middleware::Next,
    response::{IntoResponse, Response},
};
use chrono::Utc;
use sha2::{Digest, Sha256};

use super::{AppState, error::ApiError, session::SESSION_COOKIE};
use crate::store::Claim;

/// The header a client sends.
pub const IDEMPOTENCY_KEY: &str = "idempotency-key";

/// Who is calling, as a hash: their API key, or their session cookie.
fn caller(request: &Request) -> Option<[u8; 32]> {
    let headers = request.headers();
    let credential = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
        .or_else(|| {
            headers
                .get_all(header::COOKIE)
                .iter()
                .filter_map(|v| v.to_str().ok())
                .flat_map(|c| c.split(';'))
                .map(str::trim)
                .find(|c| c.starts_with(&format!("{SESSION_COOKIE}=")))
                .map(str::to_owned)
        })?;
    Some(Sha256::digest(credential.as_bytes()).into())
}

/// Replays or records POSTs under `/api/v1` that carry an `Idempotency-Key`.
pub async fn replay(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if request.method() != Method::POST || !request.uri().path().starts_with("/api/v1/") {
        return next.run(request).await;
    }
    let Some(key) = request
        .headers()
        .get(IDEMPOTENCY_KEY)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
    else {
        return next.run(request).await;
    };
    if key.is_empty() || key.len() > 255 {
        return ApiError::Invalid {
            field: Some("Idempotency-Key".into()),
            message: "Use 1 to 255 visible characters, such as a UUID.".into(),
        }
        .into_response();
    }
    let Some(caller) = caller(&request) else {
        // Not signed in: the route answers 401 itself.
        return next.run(request).await;
    };
    let (parts, body) = request.into_parts();
    let Ok(bytes) = to_bytes(body, state.settings.server.max_body_bytes).await else {
        return ApiError::PayloadTooLarge.into_response();
    };
    let mut hasher = Sha256::new();
    hasher.update(parts.uri.path().as_bytes());
    hasher.update([0]);
    hasher.update(&bytes);
    let fingerprint: [u8; 32] = hasher.finalize().into();
    let store = &state.store;
    match store
        .claim_idempotent(&caller, &key, &fingerprint, Utc::now())
        .await
    {
        Err(e) => return ApiError::Internal(e.to_string()).into_response(),
        Ok(Claim::Mismatch) => {
            return ApiError::Conflict {
                code: "idempotency_key_reused",
                field: Some("Idempotency-Key"),
                message: "This Idempotency-Key was used for another request; use a new key \
                          for a new request."
                    .into(),
            }
            .into_response();
        }
        Ok(Claim::Running) => {
            return ApiError::Conflict {
                code: "idempotency_in_progress",
                field: Some("Idempotency-Key"),
                message: "The first request with this Idempotency-Key is still running; try \
                          again in a moment."
                    .into(),
            }
            .into_response();
        }
        Ok(Claim::Answered(status, content_type, body)) => {
            let mut response = Response::new(Body::from(body));
            *response.status_mut() =
                axum::http::StatusCode::from_u16(status).unwrap_or(axum::http::StatusCode::OK);
            if let Some(value) = content_type.and_then(|c| HeaderValue::from_str(&c).ok()) {
                response.headers_mut().insert(header::CONTENT_TYPE, value);
            }
            response
                .headers_mut()
                .insert("idempotent-replayed", HeaderValue::from_static("true"));
            return response;
        }
        Ok(Claim::New) => {}
    }
    let response = next
        .run(Request::from_parts(parts, Body::from(bytes)))
        .await;
    let (parts, body) = response.into_parts();
    let Ok(bytes) = to_bytes(body, usize::MAX).await else {
        let _ = store.finish_idempotent(&caller, &key, None).await;
        return ApiError::Internal("response body".into()).into_response();
    };
    // Server failures are not kept: a retry should run again. Nor is an answer marked
    // `no-store` (a message handed over with its link): it must not be kept anywhere.
    let no_store = parts
        .headers
        .get(header::CACHE_CONTROL)
        .is_some_and(|v| v.as_bytes() == b"no-store");
    let answer = (!parts.status.is_server_error() && !no_store).then(|| {
        (
            parts.status.as_u16(),
            parts
                .headers
                .get(header::CONTENT_TYPE)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned),
            bytes.to_vec(),
        )
    });
    if let Err(e) = store.finish_idempotent(&caller, &key, answer).await {
        tracing::error!(error = %e, "could not keep an idempotent answer");
    }
    Response::from_parts(parts, Body::from(bytes))
}
