//! `/api/v1/compliance/settings`: Setup > Compliance Settings (permission: Manage Compliance
//! Settings).

use super::responses::{InvalidField, ManageComplianceSettingsOnly};
use axum::{Json, extract::State};
use consentry_model::{
    ComplianceSettings, ErrorBody,
    auth::OrganisationLocale,
    compliance::{ControllerProfile, Overview},
    routes,
};
use utoipa_axum::{router::OpenApiRouter, routes};

use super::{
    AppState,
    error::ApiError,
    extract::{ApiJson, Authorized, ManageComplianceSettings, ReadComplianceSettings},
};
use crate::domain::{records, settings};

/// Compliance settings routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(read, replace))
        .routes(routes!(read_controller, replace_controller))
        .routes(routes!(overview))
        .routes(routes!(replace_locale))
}

/// The organisation's compliance settings.
#[utoipa::path(
    get,
    path = routes::COMPLIANCE_SETTINGS,
    tag = "compliance",
    responses(
        (status = 200, description = "Current settings", body = ComplianceSettings),
        ManageComplianceSettingsOnly,
    ),
    security(("session" = []), ("api_key" = []))
)]
async fn read(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ReadComplianceSettings>,
) -> Result<Json<ComplianceSettings>, ApiError> {
    Ok(Json(
        settings::get(state.store.as_ref(), session.organisation.id).await?,
    ))
}

/// Replaces the organisation's compliance settings.
#[utoipa::path(
    put,
    path = routes::COMPLIANCE_SETTINGS,
    tag = "compliance",
    request_body = ComplianceSettings,
    responses(
        (status = 200, description = "Saved settings", body = ComplianceSettings),
        InvalidField,
        ManageComplianceSettingsOnly,
    ),
    security(("session" = []))
)]
async fn replace(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ManageComplianceSettings>,
    ApiJson(body): ApiJson<ComplianceSettings>,
) -> Result<Json<ComplianceSettings>, ApiError> {
    Ok(Json(
        settings::save(state.store.as_ref(), &session, body).await?,
    ))
}

/// The Overview dashboard's numbers: records per basis and per consent status.
#[utoipa::path(
    get,
    path = routes::COMPLIANCE_OVERVIEW,
    tag = "compliance",
    responses(
        (status = 200, description = "Counts", body = Overview),
        ManageComplianceSettingsOnly,
    ),
    security(("session" = []))
)]
async fn overview(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ManageComplianceSettings>,
) -> Result<Json<Overview>, ApiError> {
    Ok(Json(
        records::overview(state.store.as_ref(), &session.organisation).await?,
    ))
}

/// The controller's identity and contact details, as every consent receipt carries them.
#[utoipa::path(
    get,
    path = routes::COMPLIANCE_CONTROLLER,
    tag = "compliance",
    responses(
        (status = 200, description = "The controller's details (empty strings until filled)", body = ControllerProfile),
        ManageComplianceSettingsOnly,
    ),
    security(("session" = []), ("api_key" = []))
)]
async fn read_controller(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ReadComplianceSettings>,
) -> Result<Json<ControllerProfile>, ApiError> {
    Ok(Json(
        settings::controller(state.store.as_ref(), session.organisation.id).await?,
    ))
}

/// Replaces the controller's details; a form can be published only once every field is
/// filled, and after that none of them can be emptied.
#[utoipa::path(
    put,
    path = routes::COMPLIANCE_CONTROLLER,
    tag = "compliance",
    request_body = ControllerProfile,
    responses(
        (status = 200, description = "Saved details", body = ControllerProfile),
        (status = 400, description = "A field is invalid (named in `field`)", body = ErrorBody),
        ManageComplianceSettingsOnly,
    ),
    security(("session" = []))
)]
async fn replace_controller(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ManageComplianceSettings>,
    ApiJson(body): ApiJson<ControllerProfile>,
) -> Result<Json<ControllerProfile>, ApiError> {
    Ok(Json(
        settings::save_controller(state.store.as_ref(), &session, body).await?,
    ))
}

/// Sets the organisation's language (sending a consent request starts at the e-mail template
/// in it) and time zone (where the admin app shows moments; stored moments stay UTC). Every
/// session reads them (`organisation` in `GET /api/v1/session`).
#[utoipa::path(
    put,
    path = routes::ORGANISATION_LOCALE,
    tag = "compliance",
    request_body = OrganisationLocale,
    responses(
        (status = 200, description = "Saved: the time zone as the IANA database spells it", body = OrganisationLocale),
        (status = 400, description = "`time_zone` is not in the IANA database, or `language` is not a code data subjects are written to in: bg, cs, da, de, el, en, es, et, fi, fr, ga, hr, hu, is, it, lt, lv, mt, nb, nl, pl, pt, ro, sk, sl, sv (named in `field`)", body = ErrorBody),
        ManageComplianceSettingsOnly,
    ),
    security(("session" = []))
)]
async fn replace_locale(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ManageComplianceSettings>,
    ApiJson(body): ApiJson<OrganisationLocale>,
) -> Result<Json<OrganisationLocale>, ApiError> {
    Ok(Json(
        settings::save_locale(state.store.as_ref(), &session, body).await?,
    ))
}
