//! `/api/v1/session`: sign in, who am I, sign out.

use super::responses::{InvalidField, NotSignedIn};
use axum::{Json, extract::State, http::StatusCode};
use axum_extra::extract::{
    CookieJar,
    cookie::{Cookie, SameSite},
};
use chrono::Duration;
use consentry_model::{
    ErrorBody,
    auth::{Session, SignInRequest},
    routes,
};
use utoipa_axum::{router::OpenApiRouter, routes};

use super::{
    AppState,
    error::ApiError,
    extract::{ApiJson, Authenticated, ClientAddr},
};
use crate::domain::auth::{self, SessionToken};

/// Name of the session cookie.
pub const SESSION_COOKIE: &str = "consentry_session";

/// Session routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(sign_in, current, sign_out))
}

/// The session cookie: invisible to scripts, never sent cross-site, `Secure` behind TLS.
pub fn session_cookie(state: &AppState, token: &SessionToken) -> Cookie<'static> {
    let ttl = state.settings.auth.session_ttl_seconds;
    Cookie::build((SESSION_COOKIE, token.as_str().to_owned()))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(state.settings.server.behind_tls())
        .max_age(cookie_seconds(ttl))
        .build()
}

fn cookie_seconds(seconds: u64) -> cookie::time::Duration {
    cookie::time::Duration::seconds(i64::try_from(seconds).unwrap_or(i64::MAX))
}

/// Session lifetime from the settings.
pub fn session_ttl(state: &AppState) -> Duration {
    Duration::seconds(i64::try_from(state.settings.auth.session_ttl_seconds).unwrap_or(i64::MAX))
}

/// Sign in with e-mail address and password.
#[utoipa::path(
    post,
    path = routes::SESSION,
    tag = "session",
    request_body = SignInRequest,
    responses(
        (status = 200, description = "Signed in; the session cookie is set", body = Session),
        (status = 401, description = "Wrong e-mail address or password", body = ErrorBody),
        (status = 429, description = "Too many failed attempts from this address", body = ErrorBody),
        (status = 503, description = "Busy checking other passwords; try again after Retry-After", body = ErrorBody),
        InvalidField,
    )
)]
async fn sign_in(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    jar: CookieJar,
    ApiJson(body): ApiJson<SignInRequest>,
) -> Result<(CookieJar, Json<Session>), ApiError> {
    let (token, session) = auth::sign_in(
        state.store.as_ref(),
        &state.passwords,
        &state.sign_ins,
        &body.email,
        &body.password,
        &client,
        session_ttl(&state),
    )
    .await?;
    Ok((jar.add(session_cookie(&state, &token)), Json(session)))
}

/// Who is signed in, their organisation and permissions.
#[utoipa::path(
    get,
    path = routes::SESSION,
    tag = "session",
    responses(
        (status = 200, description = "The current session", body = Session),
        NotSignedIn,
    ),
    security(("session" = []))
)]
async fn current(Authenticated(session): Authenticated) -> Json<Session> {
    Json(session)
}

/// Sign out: ends the session on the server and clears the cookie.
#[utoipa::path(
    delete,
    path = routes::SESSION,
    tag = "session",
    responses((status = 204, description = "Signed out (also when no session existed)")),
)]
async fn sign_out(
    State(state): State<AppState>,
    jar: CookieJar,
) -> Result<(CookieJar, StatusCode), ApiError> {
    if let Some(cookie) = jar.get(SESSION_COOKIE) {
        let token = SessionToken::from_client(cookie.value());
        state
            .store
            .delete_session(&token.hash())
            .await
            .map_err(|e| ApiError::Internal(e.to_string()))?;
    }
    let removal = Cookie::build((SESSION_COOKIE, "")).path("/").build();
    Ok((jar.remove(removal), StatusCode::NO_CONTENT))
}
