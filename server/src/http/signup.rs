//! Public sign-up through a consent form (`/f/{organisation}/{form}` on the hosted site),
//! its confirmation link (`/confirm/{token}`), and the form's sign-up settings.

use super::responses::{ManageComplianceSettingsOnly, NoSuchForm};
use crate::domain::language::Preferred;
use axum::{
    Json,
    extract::{DefaultBodyLimit, State},
    http::{HeaderMap, StatusCode},
};
use consentry_model::{
    ErrorBody, FormId,
    consent::ConsentOutcome,
    forms::ConsentForm,
    routes,
    signup::{SignUpConfirmation, SignUpOutcome, SignUpPage, SignUpSettings, SignUpSubmission},
};
use utoipa_axum::{router::OpenApiRouter, routes};

use super::{
    AppState,
    error::ApiError,
    extract::{ApiJson, ApiPath, Authorized, ClientAddr, ManageComplianceSettings},
};
use crate::domain::{answer::Browser, signup, token::SecretToken};

/// Sign-up routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(settings))
        .merge(
            OpenApiRouter::new()
                .routes(routes!(page, submit))
                .layer(DefaultBodyLimit::max(super::bodies::MAX_SIGN_UP_BYTES)),
        )
        .routes(routes!(confirmation, confirm))
}

/// Sets the module a form's sign-ups become records of (`null`: sign-up off) and its double
/// opt-in (`null`: the organisation's default).
#[utoipa::path(
    put,
    path = routes::FORM_SIGN_UP,
    tag = "forms",
    params(("id" = FormId, Path, description = "Form id")),
    request_body = SignUpSettings,
    responses(
        (status = 200, description = "Saved", body = ConsentForm),
        (status = 400, description = "No such module", body = ErrorBody),
        (status = 409, description = "compliance_disabled for the module", body = ErrorBody),
        ManageComplianceSettingsOnly,
        NoSuchForm,
    ),
    security(("session" = []))
)]
async fn settings(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ManageComplianceSettings>,
    ApiPath(id): ApiPath<FormId>,
    ApiJson(body): ApiJson<SignUpSettings>,
) -> Result<Json<ConsentForm>, ApiError> {
    Ok(Json(
        signup::set_settings(state.store.as_ref(), &session, id, body).await?,
    ))
}

/// What the public sign-up page shows: the published form (public).
#[utoipa::path(
    get,
    path = routes::PUBLIC_SIGN_UP,
    tag = "consent",
    params(
        ("organisation" = String, Path, description = "The organisation's short name"),
        ("form" = String, Path, description = "The form's short name"),
        ("lang" = Option<String>, Query, description = "The language the link asks for; else the remembered choice and Accept-Language decide, among the form's languages"),
    ),
    responses(
        (status = 200, description = "The form", body = SignUpPage),
        (status = 404, description = "No such form, not published, or sign-up off", body = ErrorBody),
    )
)]
async fn page(
    State(state): State<AppState>,
    ApiPath((organisation, form)): ApiPath<(String, String)>,
    reader: Preferred,
) -> Result<Json<SignUpPage>, ApiError> {
    Ok(Json(
        signup::page(state.store.as_ref(), &organisation, &form, &reader).await?,
    ))
}

/// Signs up: with double opt-in a confirmation e-mail follows and nothing counts until the
/// link in it is used; without, consent is recorded at once with its receipt. The answer is
/// the same whether or not the address was known.
#[utoipa::path(
    post,
    path = routes::PUBLIC_SIGN_UP,
    tag = "consent",
    params(
        ("organisation" = String, Path, description = "The organisation's short name"),
        ("form" = String, Path, description = "The form's short name"),
    ),
    request_body = SignUpSubmission,
    responses(
        (status = 202, description = "Confirmation sent, or consent recorded", body = SignUpOutcome),
        (status = 400, description = "A field is invalid (e-mail, names, choices)", body = ErrorBody),
        (status = 403, description = "origin_not_allowed: a page on a site the form's widget may not be embedded on", body = ErrorBody),
        (status = 404, description = "No such form, not published, or sign-up off", body = ErrorBody),
        (status = 410, description = "form_changed: reload the page", body = ErrorBody),
        (status = 429, description = "Too many sign-ups from this client, for this address or to this form", body = ErrorBody),
    )
)]
async fn submit(
    State(state): State<AppState>,
    ApiPath((organisation, form)): ApiPath<(String, String)>,
    ClientAddr(ip): ClientAddr,
    headers: HeaderMap,
    ApiJson(body): ApiJson<SignUpSubmission>,
) -> Result<(StatusCode, Json<SignUpOutcome>), ApiError> {
    state
        .limits
        .sign_ups
        .admit_address(&ip, body.email.as_str())
        .await?;
    state
        .limits
        .widget_answers
        .admit(&ip, &format!("{organisation}/{form}"))
        .await?;
    let delivery = state.delivery();
    let outcome = signup::submit(
        state.store.as_ref(),
        signup::FormAddress {
            organisation: &organisation,
            form: &form,
        },
        body,
        delivery,
        Browser {
            ip: &ip,
            user_agent: super::extract::user_agent(&headers),
        },
    )
    .await?;
    state.mail.ring();
    Ok((StatusCode::ACCEPTED, Json(outcome)))
}

/// What the confirmation page shows before the subject confirms (public: the token is the
/// credential).
#[utoipa::path(
    get,
    path = routes::PUBLIC_SIGN_UP_CONFIRMATION,
    tag = "consent",
    params(("token" = String, Path, description = "The token of the confirmation link")),
    responses(
        (status = 200, description = "The sign-up to confirm", body = SignUpConfirmation),
        (status = 404, description = "Unknown link", body = ErrorBody),
        (status = 410, description = "link_expired or link_spent (confirmed already)", body = ErrorBody),
    )
)]
async fn confirmation(
    State(state): State<AppState>,
    ApiPath(token): ApiPath<String>,
) -> Result<Json<SignUpConfirmation>, ApiError> {
    let token = SecretToken::from_client(&token);
    Ok(Json(
        signup::confirmation(state.store.as_ref(), &token).await?,
    ))
}

/// Confirms a sign-up: consent is recorded (status Obtained) with the version read at
/// sign-up, and its signed receipt returned.
#[utoipa::path(
    post,
    path = routes::PUBLIC_SIGN_UP_CONFIRMATION,
    tag = "consent",
    params(("token" = String, Path, description = "The token of the confirmation link")),
    responses(
        (status = 200, description = "Confirmed", body = ConsentOutcome),
        (status = 404, description = "Unknown link", body = ErrorBody),
        (status = 410, description = "link_expired or link_spent (confirmed already)", body = ErrorBody),
    )
)]
async fn confirm(
    State(state): State<AppState>,
    ApiPath(token): ApiPath<String>,
    ClientAddr(ip): ClientAddr,
    headers: HeaderMap,
) -> Result<Json<ConsentOutcome>, ApiError> {
    let token = SecretToken::from_client(&token);
    Ok(Json(
        signup::confirm(
            state.store.as_ref(),
            &token,
            Browser {
                ip: &ip,
                user_agent: super::extract::user_agent(&headers),
            },
        )
        .await?,
    ))
}
