//! `/api/v1/requests`: Setup > Compliance Settings > Data Subject Requests, the queue.

use axum::{Json, extract::State};
use consentry_model::{
    ErrorBody, RequestId,
    requests::{DataSubjectRequest, RequestAction, RequestFilter},
};
use utoipa_axum::{router::OpenApiRouter, routes};

use super::{
    AppState,
    error::ApiError,
    extract::{ApiJson, ApiPath, ApiQuery, Authorized, ManageComplianceSettings},
};
use crate::domain::{erasure, requests};

/// Queue routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(queue))
        .routes(routes!(get_one))
        .routes(routes!(act))
        .routes(routes!(erase))
}

/// Carries out a verified erasure request: the subject's records and everything about them
/// are deleted, their address leaves every request and message, and a keyed hash of it is
/// kept to flag a later import or sign-up. The request is completed. Audited.
#[utoipa::path(
    post,
    path = "/api/v1/requests/{id}/erase",
    tag = "requests",
    params(("id" = RequestId, Path, description = "Request id")),
    responses(
        (status = 200, description = "Erased; the request, completed", body = DataSubjectRequest),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Lacks Manage Compliance Settings", body = ErrorBody),
        (status = 404, description = "No such request", body = ErrorBody),
        (status = 409, description = "not_an_erasure or request_status (verify first)", body = ErrorBody),
    ),
    security(("session" = []))
)]
async fn erase(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ManageComplianceSettings>,
    ApiPath(id): ApiPath<RequestId>,
) -> Result<Json<DataSubjectRequest>, ApiError> {
    Ok(Json(
        erasure::erase(state.store.as_ref(), &session, id).await?,
    ))
}

/// The queue: every request (up to 500), soonest deadline first, filtered by right and status.
#[utoipa::path(
    get,
    path = "/api/v1/requests",
    tag = "requests",
    params(RequestFilter),
    responses(
        (status = 200, description = "Requests by deadline", body = [DataSubjectRequest]),
        (status = 400, description = "A filter is invalid", body = ErrorBody),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Lacks Manage Compliance Settings", body = ErrorBody),
    ),
    security(("session" = []))
)]
async fn queue(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ManageComplianceSettings>,
    ApiQuery(filter): ApiQuery<RequestFilter>,
) -> Result<Json<Vec<DataSubjectRequest>>, ApiError> {
    Ok(Json(
        requests::queue(state.store.as_ref(), session.organisation.id, &filter).await?,
    ))
}

/// One request.
#[utoipa::path(
    get,
    path = "/api/v1/requests/{id}",
    tag = "requests",
    params(("id" = RequestId, Path, description = "Request id")),
    responses(
        (status = 200, description = "The request", body = DataSubjectRequest),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Lacks Manage Compliance Settings", body = ErrorBody),
        (status = 404, description = "No such request", body = ErrorBody),
    ),
    security(("session" = []))
)]
async fn get_one(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ManageComplianceSettings>,
    ApiPath(id): ApiPath<RequestId>,
) -> Result<Json<DataSubjectRequest>, ApiError> {
    Ok(Json(
        requests::get(state.store.as_ref(), session.organisation.id, id).await?,
    ))
}

/// Verifies, starts, completes, refuses (with a reason) or extends (by one or two months,
/// with a reason; two at most in all) a request. Audited.
#[utoipa::path(
    post,
    path = "/api/v1/requests/{id}/actions",
    tag = "requests",
    params(("id" = RequestId, Path, description = "Request id")),
    request_body = RequestAction,
    responses(
        (status = 200, description = "Done", body = DataSubjectRequest),
        (status = 400, description = "A reason or the months are invalid", body = ErrorBody),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Lacks Manage Compliance Settings", body = ErrorBody),
        (status = 404, description = "No such request", body = ErrorBody),
        (status = 409, description = "request_status (not from this status) or \
            extension_too_long", body = ErrorBody),
    ),
    security(("session" = []))
)]
async fn act(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ManageComplianceSettings>,
    ApiPath(id): ApiPath<RequestId>,
    ApiJson(action): ApiJson<RequestAction>,
) -> Result<Json<DataSubjectRequest>, ApiError> {
    Ok(Json(
        requests::act(state.store.as_ref(), &session, id, action).await?,
    ))
}
