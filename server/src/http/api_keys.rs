//! `/api/v1/api-keys`: Setup › API keys (administrators).

use super::responses::ManageApiKeysOnly;
use axum::{Json, extract::State};
use consentry_model::{
    ApiKeyId, ErrorBody,
    api_keys::{ApiKey, ApiKeyCreated, NewApiKey},
    routes,
};
use utoipa_axum::{router::OpenApiRouter, routes};

use super::{
    AppState,
    error::ApiError,
    extract::{ApiJson, ApiPath, Authorized, ManageApiKeys},
    idempotency::ShownOnce,
};
use crate::domain::api_keys;

/// API key routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, create))
        .routes(routes!(revoke))
}

/// The organisation's API keys, newest first (never their secrets).
#[utoipa::path(
    get,
    path = routes::API_KEYS,
    tag = "api-keys",
    responses(
        (status = 200, description = "Keys", body = [ApiKey]),
        ManageApiKeysOnly,
    ),
    security(("session" = []))
)]
async fn list(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ManageApiKeys>,
) -> Result<Json<Vec<ApiKey>>, ApiError> {
    Ok(Json(
        api_keys::list(state.store.as_ref(), session.organisation.id).await?,
    ))
}

/// Creates a key with a name and scopes. The secret is in this answer only.
#[utoipa::path(
    post,
    path = routes::API_KEYS,
    tag = "api-keys",
    request_body = NewApiKey,
    responses(
        (status = 201, description = "Created; keep the secret now", body = ApiKeyCreated),
        (status = 400, description = "No name or no scope", body = ErrorBody),
        ManageApiKeysOnly,
    ),
    security(("session" = []))
)]
async fn create(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ManageApiKeys>,
    ApiJson(body): ApiJson<NewApiKey>,
) -> Result<ShownOnce<ApiKeyCreated>, ApiError> {
    let created = api_keys::create(state.store.as_ref(), &session, body).await?;
    Ok(ShownOnce(created))
}

/// Revokes a key: from now on it answers 401.
#[utoipa::path(
    delete,
    path = routes::API_KEY,
    tag = "api-keys",
    params(("id" = ApiKeyId, Path, description = "Key id")),
    responses(
        (status = 200, description = "Revoked", body = ApiKey),
        (status = 404, description = "No such key", body = ErrorBody),
        ManageApiKeysOnly,
    ),
    security(("session" = []))
)]
async fn revoke(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ManageApiKeys>,
    ApiPath(id): ApiPath<ApiKeyId>,
) -> Result<Json<ApiKey>, ApiError> {
    Ok(Json(
        api_keys::revoke(state.store.as_ref(), &session, id).await?,
    ))
}
