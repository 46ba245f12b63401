//! Encryption at rest: switching a field, following the background jobs, revealing a masked
//! sensitive value.

use super::responses::{ManageEncryptionOnly, NoSuchRecord, ViewRecordsOnly};
use axum::{Json, extract::State, http::StatusCode};
use consentry_model::{
    ErrorBody, FieldId, ModuleId, RecordId,
    encryption::{EncryptionJob, EncryptionStatus, Reveal, Revealed, SetEncryption},
    routes,
};
use utoipa_axum::{router::OpenApiRouter, routes};

use super::{
    AppState,
    error::ApiError,
    extract::{ApiJson, ApiPath, Authorized, InPerson, ManageEncryption, ViewRecords},
};
use crate::domain::encryption;

/// Encryption routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(set_field))
        .routes(routes!(status))
        .routes(routes!(reveal))
}

/// Switches encryption at rest on or off for a field. Existing values are encrypted or
/// decrypted in the background; follow the job at `/api/v1/encryption`.
#[utoipa::path(
    put,
    path = routes::MODULE_FIELD_ENCRYPTION,
    tag = "encryption",
    params(
        ("id" = ModuleId, Path, description = "Module id"),
        ("field" = FieldId, Path, description = "Field id"),
    ),
    request_body = SetEncryption,
    responses(
        (status = 202, description = "Switched; the job that brings the values along", body = EncryptionJob),
        (status = 400, description = "The field's kind cannot be encrypted", body = ErrorBody),
        (status = 404, description = "No such module or field", body = ErrorBody),
        (status = 409, description = "encryption_busy (a job is unfinished) or encryption_unchanged", body = ErrorBody),
        ManageEncryptionOnly,
    ),
    security(("session" = []))
)]
async fn set_field(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ManageEncryption>,
    ApiPath((module, field)): ApiPath<(ModuleId, FieldId)>,
    ApiJson(body): ApiJson<SetEncryption>,
) -> Result<(StatusCode, Json<EncryptionJob>), ApiError> {
    let job = encryption::set(
        state.store.as_ref(),
        &session,
        module,
        field,
        body,
        &state.encryption,
    )
    .await?;
    Ok((StatusCode::ACCEPTED, Json(job)))
}

/// The data keys in use and the recent encryption jobs with their progress.
#[utoipa::path(
    get,
    path = routes::ENCRYPTION,
    tag = "encryption",
    responses(
        (status = 200, description = "Keys and jobs", body = EncryptionStatus),
        ManageEncryptionOnly,
    ),
    security(("session" = []))
)]
async fn status(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ManageEncryption>,
) -> Result<Json<EncryptionStatus>, ApiError> {
    Ok(Json(
        encryption::status(state.store.as_ref(), session.organisation.id).await?,
    ))
}

/// Shows one field's value in full, also to a user who sees it masked; the audit trail
/// records who saw which field of which record.
#[utoipa::path(
    post,
    path = routes::RECORD_REVEAL,
    tag = "records",
    params(("id" = RecordId, Path, description = "Record id")),
    request_body = Reveal,
    responses(
        (status = 200, description = "The value", body = Revealed),
        (status = 400, description = "No such field in the record's module", body = ErrorBody),
        ViewRecordsOnly,
        NoSuchRecord,
    ),
    security(("session" = []))
)]
async fn reveal(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<InPerson<ViewRecords>>,
    ApiPath(id): ApiPath<RecordId>,
    ApiJson(body): ApiJson<Reveal>,
) -> Result<Json<Revealed>, ApiError> {
    Ok(Json(
        encryption::reveal(state.store.as_ref(), &session, id, body).await?,
    ))
}
