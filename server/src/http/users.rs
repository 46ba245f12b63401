//! `/api/v1/users`: the organisation's users (permission: Manage Users).

use super::responses::{InvalidField, ManageUsersOnly};
use axum::{Json, extract::State, http::StatusCode};
use consentry_model::{
    ErrorBody, UserId,
    auth::{NewUser, User, UserUpdate},
    routes,
};
use utoipa_axum::{router::OpenApiRouter, routes};

use super::{
    AppState,
    error::ApiError,
    extract::{ApiJson, ApiPath, Authorized, ManageUsers},
};
use crate::domain::users;

/// User routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, add))
        .routes(routes!(get_one, update, remove))
}

/// The organisation's users, oldest first.
#[utoipa::path(
    get,
    path = routes::USERS,
    tag = "users",
    responses(
        (status = 200, description = "Users", body = [User]),
        ManageUsersOnly,
    ),
    security(("session" = []))
)]
async fn list(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ManageUsers>,
) -> Result<Json<Vec<User>>, ApiError> {
    Ok(Json(
        users::list(state.store.as_ref(), session.organisation.id).await?,
    ))
}

/// Adds a user with a profile and an initial password.
#[utoipa::path(
    post,
    path = routes::USERS,
    tag = "users",
    request_body = NewUser,
    responses(
        (status = 201, description = "Added", body = User),
        (status = 409, description = "E-mail address taken", body = ErrorBody),
        InvalidField,
        ManageUsersOnly,
    ),
    security(("session" = []))
)]
async fn add(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ManageUsers>,
    ApiJson(body): ApiJson<NewUser>,
) -> Result<(StatusCode, Json<User>), ApiError> {
    let user = users::add(
        state.store.as_ref(),
        &state.passwords,
        session.organisation.id,
        body,
    )
    .await?;
    Ok((StatusCode::CREATED, Json(user)))
}

/// One user.
#[utoipa::path(
    get,
    path = routes::USER,
    tag = "users",
    params(("id" = UserId, Path, description = "User id")),
    responses(
        (status = 200, description = "The user", body = User),
        (status = 404, description = "No such user in your organisation", body = ErrorBody),
        ManageUsersOnly,
    ),
    security(("session" = []))
)]
async fn get_one(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ManageUsers>,
    ApiPath(id): ApiPath<UserId>,
) -> Result<Json<User>, ApiError> {
    Ok(Json(
        users::get(state.store.as_ref(), session.organisation.id, id).await?,
    ))
}

/// Changes a user's profile. The organisation always keeps an administrator.
#[utoipa::path(
    patch,
    path = routes::USER,
    tag = "users",
    params(("id" = UserId, Path, description = "User id")),
    request_body = UserUpdate,
    responses(
        (status = 200, description = "Updated", body = User),
        (status = 404, description = "No such user in your organisation", body = ErrorBody),
        (status = 409, description = "Would remove the last administrator", body = ErrorBody),
        InvalidField,
        ManageUsersOnly,
    ),
    security(("session" = []))
)]
async fn update(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ManageUsers>,
    ApiPath(id): ApiPath<UserId>,
    ApiJson(body): ApiJson<UserUpdate>,
) -> Result<Json<User>, ApiError> {
    let user = users::set_profile(
        state.store.as_ref(),
        session.organisation.id,
        id,
        body.profile,
    )
    .await?;
    Ok(Json(user))
}

/// Removes a user and ends their sessions.
#[utoipa::path(
    delete,
    path = routes::USER,
    tag = "users",
    params(("id" = UserId, Path, description = "User id")),
    responses(
        (status = 204, description = "Removed"),
        (status = 404, description = "No such user in your organisation", body = ErrorBody),
        (status = 409, description = "Yourself or the last administrator", body = ErrorBody),
        ManageUsersOnly,
    ),
    security(("session" = []))
)]
async fn remove(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ManageUsers>,
    ApiPath(id): ApiPath<UserId>,
) -> Result<StatusCode, ApiError> {
    users::remove(
        state.store.as_ref(),
        session.organisation.id,
        session.user.id,
        id,
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}
