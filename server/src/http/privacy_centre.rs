//! The privacy centre's public endpoints (`/privacy/{organisation}` on the hosted site):
//! a request, the code mailed to prove the address, and the request filed.

use axum::{Json, extract::State, http::StatusCode};
use consentry_model::{
    ErrorBody,
    requests::{ChallengeAnswer, ChallengeSent, PortalRequest, PrivacyCentre, RequestFiled},
    routes,
};
use utoipa_axum::{router::OpenApiRouter, routes};

use super::{
    AppState,
    error::ApiError,
    extract::{ApiJson, ApiPath, ClientAddr},
};
use crate::domain::{language::Preferred, privacy_centre};

/// Privacy-centre routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(centre, ask))
        .routes(routes!(verify))
}

/// What the privacy centre shows (public).
#[utoipa::path(
    get,
    path = routes::PUBLIC_PRIVACY,
    tag = "requests",
    params(
        ("organisation" = String, Path, description = "The organisation's short name"),
        ("lang" = Option<String>, Query, description = "The language the link asks for; else the remembered choice and Accept-Language decide, among the organisation's languages"),
    ),
    responses(
        (status = 200, description = "The organisation", body = PrivacyCentre),
        (status = 404, description = "No such organisation", body = ErrorBody),
    )
)]
async fn centre(
    State(state): State<AppState>,
    ApiPath(organisation): ApiPath<String>,
    reader: Preferred,
) -> Result<Json<PrivacyCentre>, ApiError> {
    Ok(Json(
        privacy_centre::centre(state.store.as_ref(), &organisation, &reader).await?,
    ))
}

/// Asks to exercise a right: a six-digit code (15 minutes, 5 tries) goes to the address.
/// The answer is the same whether or not the address is known.
#[utoipa::path(
    post,
    path = routes::PUBLIC_PRIVACY,
    tag = "requests",
    params(("organisation" = String, Path, description = "The organisation's short name")),
    request_body = PortalRequest,
    responses(
        (status = 202, description = "The code is on its way", body = ChallengeSent),
        (status = 400, description = "The address or the details are invalid", body = ErrorBody),
        (status = 404, description = "No such organisation", body = ErrorBody),
        (status = 429, description = "Too many requests from this client or for this address", body = ErrorBody),
    )
)]
async fn ask(
    State(state): State<AppState>,
    ApiPath(organisation): ApiPath<String>,
    ClientAddr(ip): ClientAddr,
    ApiJson(body): ApiJson<PortalRequest>,
) -> Result<(StatusCode, Json<ChallengeSent>), ApiError> {
    state
        .limits
        .privacy_requests
        .admit_address(&ip, body.email.as_str())
        .await?;
    let delivery = state.delivery();
    let sent = privacy_centre::ask(state.store.as_ref(), &organisation, body, delivery).await?;
    state.mail.ring();
    Ok((StatusCode::ACCEPTED, Json(sent)))
}

/// Checks the code (50 checks an hour per client address, 5 tries per code, each try spent
/// before the code is compared); right, the request is filed (Verified) and its deadline
/// returned.
#[utoipa::path(
    post,
    path = routes::PUBLIC_PRIVACY_CHALLENGE,
    tag = "requests",
    params(("challenge" = uuid::Uuid, Path, description = "From the answer to the request")),
    request_body = ChallengeAnswer,
    responses(
        (status = 200, description = "Filed", body = RequestFiled),
        (status = 400, description = "Wrong code (the message says how many tries are left)", body = ErrorBody),
        (status = 404, description = "Unknown challenge", body = ErrorBody),
        (status = 410, description = "code_expired, code_used or too_many_attempts", body = ErrorBody),
        (status = 429, description = "Too many codes checked from this client", body = ErrorBody),
    )
)]
async fn verify(
    State(state): State<AppState>,
    ApiPath(challenge): ApiPath<uuid::Uuid>,
    ClientAddr(ip): ClientAddr,
    ApiJson(body): ApiJson<ChallengeAnswer>,
) -> Result<Json<RequestFiled>, ApiError> {
    state.limits.code_checks.admit(&ip).await?;
    Ok(Json(
        privacy_centre::verify(state.store.as_ref(), challenge, body).await?,
    ))
}
