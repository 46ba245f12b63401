//! `/api/v1/email-templates`: the messages that carry consent links.

use super::responses::{ManageComplianceSettingsOnly, NoSuchRecord, ViewRecordsOnly};
use axum::{Json, extract::State, http::StatusCode};
use consentry_model::{
    ErrorBody, TemplateId, routes,
    templates::{EmailTemplate, RenderedMessage, TemplateContent, TemplatePreview},
};
use utoipa_axum::{router::OpenApiRouter, routes};

use super::{
    AppState,
    error::ApiError,
    extract::{ApiJson, ApiPath, Authorized, InPerson, ManageComplianceSettings, ViewRecords},
};
use crate::domain::templates;

/// Template routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, create))
        .routes(routes!(get_one, update, delete))
        .routes(routes!(preview))
}

/// The organisation's e-mail templates (anyone who sends consent requests picks from them).
#[utoipa::path(
    get,
    path = routes::EMAIL_TEMPLATES,
    tag = "templates",
    responses(
        (status = 200, description = "Templates by name", body = [EmailTemplate]),
        ViewRecordsOnly,
    ),
    security(("session" = []))
)]
async fn list(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<InPerson<ViewRecords>>,
) -> Result<Json<Vec<EmailTemplate>>, ApiError> {
    Ok(Json(
        templates::list(state.store.as_ref(), session.organisation.id).await?,
    ))
}

/// Saves a new template. Merge fields must be known and the consent link must be in every
/// part; the error names the part and the unknown field.
#[utoipa::path(
    post,
    path = routes::EMAIL_TEMPLATES,
    tag = "templates",
    request_body = TemplateContent,
    responses(
        (status = 201, description = "Saved", body = EmailTemplate),
        (status = 400, description = "A part is invalid (unknown merge field, no consent \
            link, empty, too long)", body = ErrorBody),
        (status = 409, description = "A template with this name exists", body = ErrorBody),
        ManageComplianceSettingsOnly,
    ),
    security(("session" = []))
)]
async fn create(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ManageComplianceSettings>,
    ApiJson(body): ApiJson<TemplateContent>,
) -> Result<(StatusCode, Json<EmailTemplate>), ApiError> {
    let template = templates::create(state.store.as_ref(), &session, body).await?;
    Ok((StatusCode::CREATED, Json(template)))
}

/// One template.
#[utoipa::path(
    get,
    path = routes::EMAIL_TEMPLATE,
    tag = "templates",
    params(("id" = TemplateId, Path, description = "Template id")),
    responses(
        (status = 200, description = "The template", body = EmailTemplate),
        (status = 404, description = "No such template", body = ErrorBody),
        ViewRecordsOnly,
    ),
    security(("session" = []))
)]
async fn get_one(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<InPerson<ViewRecords>>,
    ApiPath(id): ApiPath<TemplateId>,
) -> Result<Json<EmailTemplate>, ApiError> {
    Ok(Json(
        templates::get(state.store.as_ref(), session.organisation.id, id).await?,
    ))
}

/// Replaces a template's texts (checked as when creating).
#[utoipa::path(
    put,
    path = routes::EMAIL_TEMPLATE,
    tag = "templates",
    params(("id" = TemplateId, Path, description = "Template id")),
    request_body = TemplateContent,
    responses(
        (status = 200, description = "Saved", body = EmailTemplate),
        (status = 400, description = "A part is invalid", body = ErrorBody),
        (status = 404, description = "No such template", body = ErrorBody),
        (status = 409, description = "A template with this name exists", body = ErrorBody),
        ManageComplianceSettingsOnly,
    ),
    security(("session" = []))
)]
async fn update(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ManageComplianceSettings>,
    ApiPath(id): ApiPath<TemplateId>,
    ApiJson(body): ApiJson<TemplateContent>,
) -> Result<Json<EmailTemplate>, ApiError> {
    Ok(Json(
        templates::update(state.store.as_ref(), &session, id, body).await?,
    ))
}

/// Deletes a template; messages sent with it stay in the outbox.
#[utoipa::path(
    delete,
    path = routes::EMAIL_TEMPLATE,
    tag = "templates",
    params(("id" = TemplateId, Path, description = "Template id")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 404, description = "No such template", body = ErrorBody),
        ManageComplianceSettingsOnly,
    ),
    security(("session" = []))
)]
async fn delete(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ManageComplianceSettings>,
    ApiPath(id): ApiPath<TemplateId>,
) -> Result<StatusCode, ApiError> {
    templates::delete(state.store.as_ref(), &session, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Renders a template (saved or not) for a chosen record, as they would receive it; the
/// link is an example, each recipient gets their own.
#[utoipa::path(
    post,
    path = routes::EMAIL_TEMPLATES_PREVIEW,
    tag = "templates",
    request_body = TemplatePreview,
    responses(
        (status = 200, description = "The message for that record", body = RenderedMessage),
        (status = 400, description = "A part is invalid", body = ErrorBody),
        ManageComplianceSettingsOnly,
        NoSuchRecord,
    ),
    security(("session" = []))
)]
async fn preview(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ManageComplianceSettings>,
    ApiJson(body): ApiJson<TemplatePreview>,
) -> Result<Json<RenderedMessage>, ApiError> {
    let base = state.delivery().base_url;
    Ok(Json(
        templates::preview(state.store.as_ref(), &session, base, body).await?,
    ))
}
