//! `/api/v1/audit`: the hash-chained audit trail and its verification.

use super::responses::ManageComplianceSettingsOnly;
use axum::{Json, extract::State, http::StatusCode, response::Response};
use chrono::Utc;
use consentry_model::{
    ErrorBody,
    audit::{AuditCheckpoint, AuditEntry, AuditFilter, AuditVerdict},
    exports::CsvSeparator,
    routes,
};
use serde::{Deserialize, Serialize};
use utoipa_axum::{router::OpenApiRouter, routes};

use crate::domain::{audit, audit_export};

use super::{
    AppState,
    error::ApiError,
    extract::{ApiQuery, Authorized, InPerson, ManageComplianceSettings},
};

/// Audit routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list))
        .routes(routes!(count))
        .routes(routes!(actors))
        .routes(routes!(export))
        .routes(routes!(verify))
        .routes(routes!(checkpoints, sign_checkpoint))
        .routes(routes!(latest_checkpoint))
}

/// A page of the audit trail (its filters are [`AuditFilter`]).
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuditPaging {
    /// Entries before this sequence number (the last `seq` of the previous page).
    pub before: Option<u64>,
    /// Page size, 1–500 (default 100).
    pub limit: Option<u32>,
}

/// How an export is written.
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuditExportFormat {
    /// `comma` or `semicolon`; without it, the one the user chose last.
    pub separator: Option<CsvSeparator>,
}

/// Audit entries matching the filters, newest first, one page at a time.
#[utoipa::path(
    get,
    path = routes::AUDIT,
    tag = "audit",
    params(AuditFilter, AuditPaging),
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
    ApiQuery(filter): ApiQuery<AuditFilter>,
    ApiQuery(page): ApiQuery<AuditPaging>,
) -> Result<Json<Vec<AuditEntry>>, ApiError> {
    let filter = checked(filter)?;
    let limit = page.limit.unwrap_or(100);
    if !(1..=500).contains(&limit) {
        return Err(ApiError::Invalid {
            field: Some("limit".into()),
            message: "Ask for 1 to 500 entries a page.".into(),
        });
    }
    let entries = state
        .store
        .audit_entries(session.organisation.id, &filter, page.before, limit)
        .await
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    Ok(Json(entries))
}

/// How many entries match the filters (the list's total).
#[utoipa::path(
    get,
    path = routes::AUDIT_COUNT,
    tag = "audit",
    params(AuditFilter),
    responses(
        (status = 200, description = "The count", body = AuditCount),
        (status = 400, description = "A parameter is invalid", body = ErrorBody),
        ManageComplianceSettingsOnly,
    ),
    security(("session" = []))
)]
async fn count(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ManageComplianceSettings>,
    ApiQuery(filter): ApiQuery<AuditFilter>,
) -> Result<Json<AuditCount>, ApiError> {
    let filter = checked(filter)?;
    let count = state
        .store
        .count_audit(session.organisation.id, &filter)
        .await
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    Ok(Json(AuditCount { count }))
}

/// Everyone with an entry in the trail, as the trail names them: the actor filter's choices.
#[utoipa::path(
    get,
    path = routes::AUDIT_ACTORS,
    tag = "audit",
    responses(
        (status = 200, description = "Actors in name order", body = [String]),
        ManageComplianceSettingsOnly,
    ),
    security(("session" = []))
)]
async fn actors(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ManageComplianceSettings>,
) -> Result<Json<Vec<String>>, ApiError> {
    Ok(Json(
        state
            .store
            .audit_actors(session.organisation.id)
            .await
            .map_err(|e| ApiError::Internal(e.to_string()))?,
    ))
}

/// The entries matching the filters (at most 100,000), oldest first, as a CSV file: sequence
/// number, time (UTC), actor, action, subject, detail before and after (JSON), redaction and
/// hash.
#[utoipa::path(
    get,
    path = routes::AUDIT_EXPORT,
    tag = "audit",
    params(AuditFilter, AuditExportFormat),
    responses(
        (status = 200, description = "The CSV file", content_type = "text/csv; charset=utf-8", body = String),
        (status = 400, description = "A parameter is invalid, or too many entries match", body = ErrorBody),
        ManageComplianceSettingsOnly,
    ),
    security(("session" = []))
)]
async fn export(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<InPerson<ManageComplianceSettings>>,
    ApiQuery(filter): ApiQuery<AuditFilter>,
    ApiQuery(format): ApiQuery<AuditExportFormat>,
) -> Result<Response, ApiError> {
    let filter = checked(filter)?;
    let bytes =
        audit_export::export(state.store.as_ref(), &session, &filter, format.separator).await?;
    let name = format!("audit-trail-{}.csv", session.organisation.slug);
    Ok(super::download::download(
        "text/csv; charset=utf-8",
        &name,
        bytes,
    ))
}

/// `filter`, refused when its period is empty.
fn checked(filter: AuditFilter) -> Result<AuditFilter, ApiError> {
    filter
        .check()
        .map_err(|(field, message)| ApiError::Invalid {
            field: Some(field.into()),
            message: message.into(),
        })?;
    Ok(filter)
}

/// How many audit entries match.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, utoipa::ToSchema)]
pub struct AuditCount {
    /// The count.
    pub count: u64,
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
