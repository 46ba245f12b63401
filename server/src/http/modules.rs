//! `/api/v1/modules`: modules and their compliance switch.

use super::responses::{InvalidField, ManageComplianceSettingsOnly, ViewRecordsOnly};
use axum::{Json, extract::State, http::StatusCode};
use consentry_model::{
    ErrorBody, ModuleId,
    records::{Module, ModuleCompliance, NewModule},
    routes,
};
use utoipa_axum::{router::OpenApiRouter, routes};

use super::{
    AppState,
    error::ApiError,
    extract::{ApiJson, ApiPath, Authorized, ManageComplianceSettings, ViewRecords},
};
use crate::domain::records;

/// Module routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, add))
        .routes(routes!(set_compliance))
}

/// The organisation's modules with their record counts.
#[utoipa::path(
    get,
    path = routes::MODULES,
    tag = "modules",
    responses(
        (status = 200, description = "Modules", body = [Module]),
        ViewRecordsOnly,
    ),
    security(("session" = []), ("api_key" = []))
)]
async fn list(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ViewRecords>,
) -> Result<Json<Vec<Module>>, ApiError> {
    Ok(Json(
        records::modules(state.store.as_ref(), session.organisation.id).await?,
    ))
}

/// Adds a custom module. Its key is derived from the name; compliance starts off.
#[utoipa::path(
    post,
    path = routes::MODULES,
    tag = "modules",
    request_body = NewModule,
    responses(
        (status = 201, description = "Added", body = Module),
        (status = 409, description = "A module with this key exists", body = ErrorBody),
        InvalidField,
        ManageComplianceSettingsOnly,
    ),
    security(("session" = []))
)]
async fn add(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ManageComplianceSettings>,
    ApiJson(body): ApiJson<NewModule>,
) -> Result<(StatusCode, Json<Module>), ApiError> {
    let module = records::add_module(state.store.as_ref(), &session, body).await?;
    Ok((StatusCode::CREATED, Json(module)))
}

/// Turns compliance on or off for a module. Turning it on gives every record without a basis
/// the basis Not Applicable.
#[utoipa::path(
    put,
    path = routes::MODULE_COMPLIANCE,
    tag = "modules",
    params(("id" = ModuleId, Path, description = "Module id")),
    request_body = ModuleCompliance,
    responses(
        (status = 200, description = "The module", body = Module),
        (status = 404, description = "No such module", body = ErrorBody),
        InvalidField,
        ManageComplianceSettingsOnly,
    ),
    security(("session" = []))
)]
async fn set_compliance(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ManageComplianceSettings>,
    ApiPath(id): ApiPath<ModuleId>,
    ApiJson(body): ApiJson<ModuleCompliance>,
) -> Result<Json<Module>, ApiError> {
    Ok(Json(
        records::set_module_compliance(state.store.as_ref(), &session, id, body.compliance_enabled)
            .await?,
    ))
}
