//! `/api/v1/setup`: the first-run page's organisation and administrator.

use super::responses::InvalidField;
use axum::{Json, extract::State, http::StatusCode};
use axum_extra::extract::CookieJar;
use consentry_model::{
    ErrorBody,
    auth::{Session, SetupRequest, SetupStatus},
    routes,
};
use utoipa_axum::{router::OpenApiRouter, routes};

use super::{
    AppState,
    error::ApiError,
    extract::ApiJson,
    session::{session_cookie, session_ttl},
};
use crate::domain::{auth::start_session, setup};

/// First-run routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(status, create))
}

/// Whether the first organisation still has to be created.
#[utoipa::path(
    get,
    path = routes::SETUP,
    tag = "setup",
    responses((status = 200, description = "First-run state", body = SetupStatus)),
)]
async fn status(State(state): State<AppState>) -> Result<Json<SetupStatus>, ApiError> {
    let needs_setup = setup::needs_setup(state.store.as_ref()).await?;
    Ok(Json(SetupStatus { needs_setup }))
}

/// Creates the first organisation and its administrator, and signs the administrator in.
/// Refused once any organisation exists.
#[utoipa::path(
    post,
    path = routes::SETUP,
    tag = "setup",
    request_body = SetupRequest,
    responses(
        (status = 201, description = "Created and signed in", body = Session),
        (status = 409, description = "Already set up", body = ErrorBody),
        InvalidField,
    )
)]
async fn create(
    State(state): State<AppState>,
    jar: CookieJar,
    ApiJson(body): ApiJson<SetupRequest>,
) -> Result<(StatusCode, CookieJar, Json<Session>), ApiError> {
    let (_, admin) =
        setup::create_tenant(state.store.as_ref(), &state.passwords, body, true).await?;
    let (token, session) =
        start_session(state.store.as_ref(), admin.id, session_ttl(&state)).await?;
    Ok((
        StatusCode::CREATED,
        jar.add(session_cookie(&state, &token)),
        Json(session),
    ))
}
