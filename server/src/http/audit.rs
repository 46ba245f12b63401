//! `/api/v1/audit`: the hash-chained audit trail and its verification.

use axum::{Json, extract::State};
use consentry_model::{
    ErrorBody,
    audit::{AuditAction, AuditEntry, AuditVerdict},
};
use serde::{Deserialize, Serialize};
use utoipa_axum::{router::OpenApiRouter, routes};

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
    path = "/api/v1/audit",
    tag = "audit",
    params(AuditQuery),
    responses(
        (status = 200, description = "Entries", body = [AuditEntry]),
        (status = 400, description = "A parameter is invalid", body = ErrorBody),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Lacks Manage Compliance Settings", body = ErrorBody),
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
    path = "/api/v1/audit/verify",
    tag = "audit",
    responses(
        (status = 200, description = "The verdict", body = AuditVerdict),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Lacks Manage Compliance Settings", body = ErrorBody),
    ),
    security(("session" = []))
)]
async fn verify(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ManageComplianceSettings>,
) -> Result<Json<AuditVerdict>, ApiError> {
    let verdict = state
        .store
        .verify_audit(session.organisation.id)
        .await
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    Ok(Json(verdict))
}
