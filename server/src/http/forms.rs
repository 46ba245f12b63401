//! `/api/v1/forms`: Setup > Compliance Settings > Consent Forms.

use super::responses::{InvalidField, ManageComplianceSettingsOnly, NoSuchForm, ViewRecordsOnly};
use axum::{Json, extract::State, http::StatusCode};
use consentry_model::{
    ErrorBody, FormId,
    forms::{ConsentForm, FormDesign, FormSummary, FormVersion, NewForm},
    routes,
};
use utoipa_axum::{router::OpenApiRouter, routes};

use super::{
    AppState,
    error::ApiError,
    extract::{ApiJson, ApiPath, Authorized, InPerson, ManageComplianceSettings, ViewRecords},
};
use crate::domain::forms;

/// Form routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, create))
        .routes(routes!(get_one))
        .routes(routes!(save_draft))
        .routes(routes!(publish))
        .routes(routes!(revert))
        .routes(routes!(versions))
}

/// The organisation's consent forms.
#[utoipa::path(
    get,
    path = routes::FORMS,
    tag = "forms",
    responses(
        (status = 200, description = "Forms", body = [FormSummary]),
        ViewRecordsOnly,
    ),
    security(("session" = []))
)]
async fn list(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<InPerson<ViewRecords>>,
) -> Result<Json<Vec<FormSummary>>, ApiError> {
    Ok(Json(
        forms::list(state.store.as_ref(), session.organisation.id).await?,
    ))
}

/// Creates a form with a complete English and Dutch draft to adapt.
#[utoipa::path(
    post,
    path = routes::FORMS,
    tag = "forms",
    request_body = NewForm,
    responses(
        (status = 201, description = "Created", body = ConsentForm),
        (status = 409, description = "A form with this link name exists", body = ErrorBody),
        InvalidField,
        ManageComplianceSettingsOnly,
    ),
    security(("session" = []))
)]
async fn create(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ManageComplianceSettings>,
    ApiJson(body): ApiJson<NewForm>,
) -> Result<(StatusCode, Json<ConsentForm>), ApiError> {
    let form = forms::create(state.store.as_ref(), &session, body).await?;
    Ok((StatusCode::CREATED, Json(form)))
}

/// One form with its draft and latest published version.
#[utoipa::path(
    get,
    path = routes::FORM,
    tag = "forms",
    params(("id" = FormId, Path, description = "Form id")),
    responses(
        (status = 200, description = "The form", body = ConsentForm),
        ManageComplianceSettingsOnly,
        NoSuchForm,
    ),
    security(("session" = []))
)]
async fn get_one(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ManageComplianceSettings>,
    ApiPath(id): ApiPath<FormId>,
) -> Result<Json<ConsentForm>, ApiError> {
    Ok(Json(
        forms::get(state.store.as_ref(), session.organisation.id, id).await?,
    ))
}

/// Saves the draft. Every language must have every text; errors name the text
/// (`texts.nl.purposes.newsletter.title`).
#[utoipa::path(
    put,
    path = routes::FORM_DRAFT,
    tag = "forms",
    params(("id" = FormId, Path, description = "Form id")),
    request_body = FormDesign,
    responses(
        (status = 200, description = "Saved", body = ConsentForm),
        (status = 400, description = "A text or setting is invalid", body = ErrorBody),
        ManageComplianceSettingsOnly,
        NoSuchForm,
    ),
    security(("session" = []))
)]
async fn save_draft(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ManageComplianceSettings>,
    ApiPath(id): ApiPath<FormId>,
    ApiJson(body): ApiJson<FormDesign>,
) -> Result<Json<ConsentForm>, ApiError> {
    Ok(Json(
        forms::save_draft(state.store.as_ref(), &session, id, body).await?,
    ))
}

/// Publishes the draft as the next immutable version; its text hash is stored.
#[utoipa::path(
    post,
    path = routes::FORM_PUBLISH,
    tag = "forms",
    params(("id" = FormId, Path, description = "Form id")),
    responses(
        (status = 200, description = "Published", body = ConsentForm),
        (status = 409, description = "The draft equals the published version", body = ErrorBody),
        ManageComplianceSettingsOnly,
        NoSuchForm,
    ),
    security(("session" = []))
)]
async fn publish(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ManageComplianceSettings>,
    ApiPath(id): ApiPath<FormId>,
) -> Result<Json<ConsentForm>, ApiError> {
    Ok(Json(
        forms::publish(state.store.as_ref(), &session, id).await?,
    ))
}

/// Replaces the draft by the latest published version.
#[utoipa::path(
    post,
    path = routes::FORM_REVERT,
    tag = "forms",
    params(("id" = FormId, Path, description = "Form id")),
    responses(
        (status = 200, description = "Reverted", body = ConsentForm),
        (status = 409, description = "Never published", body = ErrorBody),
        ManageComplianceSettingsOnly,
        NoSuchForm,
    ),
    security(("session" = []))
)]
async fn revert(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ManageComplianceSettings>,
    ApiPath(id): ApiPath<FormId>,
) -> Result<Json<ConsentForm>, ApiError> {
    Ok(Json(
        forms::revert(state.store.as_ref(), &session, id).await?,
    ))
}

/// A form's published versions, newest first.
#[utoipa::path(
    get,
    path = routes::FORM_VERSIONS,
    tag = "forms",
    params(("id" = FormId, Path, description = "Form id")),
    responses(
        (status = 200, description = "Versions", body = [FormVersion]),
        ManageComplianceSettingsOnly,
        NoSuchForm,
    ),
    security(("session" = []))
)]
async fn versions(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ManageComplianceSettings>,
    ApiPath(id): ApiPath<FormId>,
) -> Result<Json<Vec<FormVersion>>, ApiError> {
    Ok(Json(
        forms::versions(state.store.as_ref(), session.organisation.id, id).await?,
    ))
}
