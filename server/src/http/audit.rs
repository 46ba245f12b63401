//! `/api/v1/audit`: the hash-chained audit trail and its verification.

use super::responses::ManageComplianceSettingsOnly;
use axum::{Json, extract::State, http::StatusCode, response::Response};
use chrono::Utc;
use consentry_model::{
    ErrorBody,
    audit::{AuditAction, AuditCheckpoint, AuditEntry, AuditVerdict},
    routes,
};
use serde::{Deserialize, Serialize};
use utoipa_axum::{router::OpenApiRouter, routes};

use crate::domain::audit;

use super::{
    AppState,
    error::ApiError,
    extract::{ApiQuery, Authorized, ManageComplianceSettings},
};

/// Audit routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list))
        .routes(routes!(verify))
        .routes(routes!(checkpoints, sign_checkpoint))
        .routes(routes!(latest_checkpoint))
}

/// Filters and paging of the audit trail.
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuditQuery {
    /// Only this action, e.g. `record.basis_changed`.
    pub action: Option<AuditAction>,
    /// Entries before this sequence number (the last `seq` of the previous page).
    pub before: Option<u64>,
    /// Page size, 1–500 (default 100).
    pub limit: Option<u32>,
}

/// Audit entries, newest first.
#[utoipa::path(
    get,
    path = routes::AUDIT,
    tag = "audit",
    params(AuditQuery),
    responses(
        (status = 200, description = "Entries", body = [AuditEntry]),
        (status = 400, description = "A parameter is invalid", body = ErrorBody),
        ManageComplianceSettingsOnly,
    ),
    security(("session" = []))
)]
async fn list(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ManageComplianceSettings>,
    ApiQuery(query): ApiQuery<AuditQuery>,
) -> Result<Json<Vec<AuditEntry>>, ApiError> {
    let entries = state
        .store
        .audit_entries(
            session.organisation.id,
            query.action.map(AuditAction::code),
            query.before,
            query.limit.unwrap_or(100).clamp(1, 500),
        )
        .await
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    Ok(Json(entries))
}

/// Recomputes the chain and reports OK or the first broken entry.
#[utoipa::path(
    get,
    path = routes::AUDIT_VERIFY,
    tag = "audit",
    responses(
        (status = 200, description = "The verdict", body = AuditVerdict),
        ManageComplianceSettingsOnly,
    ),
    security(("session" = []))
)]
async fn verify(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ManageComplianceSettings>,
) -> Result<Json<AuditVerdict>, ApiError> {
    Ok(Json(
        audit::verify(
            state.store.as_ref(),
            &state.checkpoints,
            session.organisation.id,
            &[],
        )
        .await?,
    ))
}

/// The organisation's signed checkpoints, newest first.
#[utoipa::path(
    get,
    path = routes::AUDIT_CHECKPOINTS,
    tag = "audit",
    responses(
        (status = 200, description = "Checkpoints, newest first", body = [AuditCheckpoint]),
        ManageComplianceSettingsOnly,
    ),
    security(("session" = []))
)]
async fn checkpoints(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ManageComplianceSettings>,
) -> Result<Json<Vec<AuditCheckpoint>>, ApiError> {
    Ok(Json(
        state
            .store
            .audit_checkpoints(session.organisation.id)
            .await
            .map_err(|e| ApiError::Internal(e.to_string()))?,
    ))
}

/// Signs the chain's head now (unless the newest checkpoint already covers it) and returns
/// the newest checkpoint; subscribed webhooks get a copy (`audit.checkpoint`).
#[utoipa::path(
    post,
    path = routes::AUDIT_CHECKPOINTS,
    tag = "audit",
    responses(
        (status = 201, description = "The newest checkpoint", body = AuditCheckpoint),
        (status = 409, description = "The trail kept changing; try again", body = ErrorBody),
        ManageComplianceSettingsOnly,
    ),
    security(("session" = []))
)]
async fn sign_checkpoint(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ManageComplianceSettings>,
) -> Result<(StatusCode, Json<AuditCheckpoint>), ApiError> {
    let checkpoint = audit::checkpoint(
        state.store.as_ref(),
        &state.checkpoints,
        session.organisation.id,
        Utc::now(),
    )
    .await?
    .ok_or(ApiError::NotFound("audit entries"))?;
    Ok((StatusCode::CREATED, Json(checkpoint)))
}

/// The newest checkpoint as a file to keep elsewhere (`verify-audit --checkpoint FILE` reads
/// it): the compact JWS.
#[utoipa::path(
    get,
    path = routes::AUDIT_CHECKPOINTS_LATEST,
    tag = "audit",
    responses(
        (status = 200, description = "The checkpoint file (compact JWS)", content_type = "application/jose", body = String),
        (status = 404, description = "No checkpoint yet", body = ErrorBody),
        ManageComplianceSettingsOnly,
    ),
    security(("session" = []))
)]
async fn latest_checkpoint(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ManageComplianceSettings>,
) -> Result<Response, ApiError> {
    let newest = state
        .store
        .audit_checkpoints(session.organisation.id)
        .await
        .map_err(|e| ApiError::Internal(e.to_string()))?
        .into_iter()
        .next()
        .ok_or(ApiError::NotFound("checkpoint"))?;
    let name = format!(
        "audit-checkpoint-{}-{}.jws",
        session.organisation.slug, newest.seq
    );
    Ok(super::download::download(
        "application/jose",
        &name,
        newest.jws,
    ))
}
