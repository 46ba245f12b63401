//! `GET /metrics`: the Prometheus text format, for a scraper with the token set in
//! `metrics.token` or from an address in `metrics.allow_from`; off (404) when neither is set.

use axum::{
    extract::{Request, State},
    http::{HeaderValue, header},
    response::{IntoResponse, Response},
};
use sha2::{Digest, Sha256};

use super::{AppState, client::RequestClient, error::ApiError};
use crate::config::MetricsSettings;

/// The metrics, to a scraper let in.
pub async fn metrics(State(state): State<AppState>, request: Request) -> Response {
    let settings = &state.settings.metrics;
    if !settings.enabled() {
        return ApiError::MetricsOff.into_response();
    }
    if !let_in(settings, &request) {
        let mut refused = ApiError::MetricsRefused.into_response();
        refused.headers_mut().insert(
            header::WWW_AUTHENTICATE,
            HeaderValue::from_static("Bearer realm=\"metrics\""),
        );
        return refused;
    }
    let today = crate::domain::clock::today();
    let figures = match state.store.figures(today).await {
        Ok(figures) => figures,
        Err(error) => return ApiError::Internal(format!("metrics: {error}")).into_response(),
    };
    // Scheduled backups are files: what the directory holds now.
    let backups = match state.settings.backup.every_hours {
        0 => None,
        _ => match crate::backup::schedule::kept(&state.settings.backup_dir()) {
            Ok(kept) => Some(kept),
            Err(error) => {
                return ApiError::Internal(format!("metrics: the backup directory: {error}"))
                    .into_response();
            }
        },
    };
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        crate::telemetry::render(&figures, backups.as_deref(), crate::domain::clock::now()),
    )
        .into_response()
}

/// Whether the request comes from an allowed address or carries the token.
fn let_in(settings: &MetricsSettings, request: &Request) -> bool {
    let from_allowed = request
        .extensions()
        .get::<RequestClient>()
        .is_some_and(|RequestClient(address)| settings.allow_from.contains(*address));
    // The scheme's case does not matter (RFC 9110, 11.1).
    let token = request
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, token)| token);
    // Compared as digests: the time taken says nothing about how much of it was right.
    let with_token = match (&settings.token, token) {
        (Some(expected), Some(given)) => {
            Sha256::digest(expected.as_bytes()) == Sha256::digest(given.trim().as_bytes())
        }
        _ => false,
    };
    from_allowed || with_token
}
