//! `/api/v1/modules/{id}/fields`: a module's standard and custom fields and their
//! personal-data classification.

use super::responses::{InvalidField, ManageComplianceSettingsOnly, ViewRecordsOnly};
use axum::{Json, extract::State, http::StatusCode};
use consentry_model::{
    ErrorBody, FieldId, ModuleId,
    fields::{Field, FieldUpdate, NewField},
    routes,
};
use utoipa_axum::{router::OpenApiRouter, routes};

use super::{
    AppState,
    error::ApiError,
    extract::{ApiJson, ApiPath, Authorized, ManageComplianceSettings, ViewRecords},
};
use crate::domain::fields;

/// Field routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, add))
        .routes(routes!(update, delete))
}

/// A module's fields in form order: the six standard fields, then custom fields.
#[utoipa::path(
    get,
    path = routes::MODULE_FIELDS,
    tag = "modules",
    params(("id" = ModuleId, Path, description = "Module id")),
    responses(
        (status = 200, description = "Fields", body = [Field]),
        (status = 404, description = "No such module", body = ErrorBody),
        ViewRecordsOnly,
    ),
    security(("session" = []), ("api_key" = []))
)]
async fn list(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ViewRecords>,
    ApiPath(module): ApiPath<ModuleId>,
) -> Result<Json<Vec<Field>>, ApiError> {
    Ok(Json(
        fields::list(state.store.as_ref(), session.organisation.id, module).await?,
    ))
}

/// Adds a custom field; its key is derived from the label.
#[utoipa::path(
    post,
    path = routes::MODULE_FIELDS,
    tag = "modules",
    params(("id" = ModuleId, Path, description = "Module id")),
    request_body = NewField,
    responses(
        (status = 201, description = "Added", body = Field),
        (status = 404, description = "No such module", body = ErrorBody),
        (status = 409, description = "The key is taken, or the module has 100 custom fields",
            body = ErrorBody),
        InvalidField,
        ManageComplianceSettingsOnly,
    ),
    security(("session" = []))
)]
async fn add(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ManageComplianceSettings>,
    ApiPath(module): ApiPath<ModuleId>,
    ApiJson(body): ApiJson<NewField>,
) -> Result<(StatusCode, Json<Field>), ApiError> {
    let field = fields::add(state.store.as_ref(), &session, module, body).await?;
    Ok((StatusCode::CREATED, Json(field)))
}

/// Changes a field's label, options, required flag or classification (standard fields: the
/// classification only).
#[utoipa::path(
    patch,
    path = routes::MODULE_FIELD,
    tag = "modules",
    params(
        ("id" = ModuleId, Path, description = "Module id"),
        ("field" = FieldId, Path, description = "Field id"),
    ),
    request_body = FieldUpdate,
    responses(
        (status = 200, description = "The field", body = Field),
        (status = 404, description = "No such module or field", body = ErrorBody),
        (status = 409, description = "A removed option is still used", body = ErrorBody),
        InvalidField,
        ManageComplianceSettingsOnly,
    ),
    security(("session" = []))
)]
async fn update(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ManageComplianceSettings>,
    ApiPath((module, field)): ApiPath<(ModuleId, FieldId)>,
    ApiJson(body): ApiJson<FieldUpdate>,
) -> Result<Json<Field>, ApiError> {
    Ok(Json(
        fields::update(state.store.as_ref(), &session, module, field, body).await?,
    ))
}

/// Removes a custom field and every record's value of it.
#[utoipa::path(
    delete,
    path = routes::MODULE_FIELD,
    tag = "modules",
    params(
        ("id" = ModuleId, Path, description = "Module id"),
        ("field" = FieldId, Path, description = "Field id"),
    ),
    responses(
        (status = 204, description = "Removed"),
        (status = 404, description = "No such module or field", body = ErrorBody),
        (status = 409, description = "A standard field cannot be removed", body = ErrorBody),
        ManageComplianceSettingsOnly,
    ),
    security(("session" = []))
)]
async fn delete(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ManageComplianceSettings>,
    ApiPath((module, field)): ApiPath<(ModuleId, FieldId)>,
) -> Result<StatusCode, ApiError> {
    fields::delete(state.store.as_ref(), &session, module, field).await?;
    Ok(StatusCode::NO_CONTENT)
}
