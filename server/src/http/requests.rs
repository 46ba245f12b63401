//! `/api/v1/requests`: Setup > Compliance Settings > Data Subject Requests, the queue.

use super::responses::{
    EditRecordsOnly, ManageComplianceSettingsOnly, NoSuchRecord, NoSuchRequest, NotSignedIn,
};
use axum::{
    Json,
    extract::State,
    response::{IntoResponse, Response},
};
use consentry_model::{
    Email, ErrorBody, Lang, RecordId, RequestId,
    records::Record,
    requests::{
        DataSubjectRequest, Erased, ObjectionDecision, Rectification, RequestAction, RequestQuery,
        RequestQueue, ResumeProcessing,
    },
    routes,
};
use serde::{Deserialize, Serialize};
use utoipa_axum::{router::OpenApiRouter, routes};

use super::download::download;
use super::{
    AppState,
    error::ApiError,
    extract::{
        ApiJson, ApiPath, ApiQuery, Authorized, EditRecords, HandleRequests, InPerson,
        ManageComplianceSettings, ReadRequests,
    },
};
use crate::domain::{erasure, export, privacy_centre, report, requests, rights};

/// Queue routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(queue))
        .routes(routes!(get_one))
        .routes(routes!(act))
        .routes(routes!(erase))
        .routes(routes!(review_export, send_export))
        .routes(routes!(download_export))
        .routes(routes!(stop_processing))
        .routes(routes!(objection))
        .routes(routes!(resume_processing))
        .routes(routes!(rectify))
        .routes(routes!(send_data_request_link))
        .routes(routes!(evidence))
        .routes(routes!(check_suppression))
}

/// The language of an evidence report.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReportQuery {
    /// The report's language (`en`, `nl`, `de`, `fr`); English when left out.
    #[serde(default)]
    pub lang: Option<Lang>,
}

/// The evidence of a request as one HTML page (print it to PDF from the browser): the request
/// and every audited step about it and its records, with the audit chain's verdict.
#[utoipa::path(
    get,
    path = routes::REQUEST_REPORT,
    tag = "requests",
    params(("id" = RequestId, Path, description = "Request id"), ReportQuery),
    responses(
        (status = 200, description = "The report", content_type = "text/html"),
        (status = 400, description = "`lang` is not a language Consentry speaks", body = ErrorBody),
        ManageComplianceSettingsOnly,
        NoSuchRequest,
    ),
    security(("session" = []))
)]
async fn evidence(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ManageComplianceSettings>,
    ApiPath(id): ApiPath<RequestId>,
    ApiQuery(query): ApiQuery<ReportQuery>,
) -> Result<Response, ApiError> {
    let html = report::evidence(
        state.store.as_ref(),
        &state.checkpoints,
        &session,
        id,
        query.lang.unwrap_or_default(),
    )
    .await?;
    Ok(download(
        "text/html; charset=utf-8",
        &format!("request-{id}.html"),
        html,
    )
    .into_response())
}

/// Mails a record's subject the privacy centre's address ("data request link"). Audited.
#[utoipa::path(
    post,
    path = routes::RECORD_DATA_REQUEST_LINK,
    tag = "requests",
    params(("id" = RecordId, Path, description = "Record id")),
    responses(
        (status = 202, description = "In the outbox"),
        (status = 409, description = "no_email or stop_processing", body = ErrorBody),
        EditRecordsOnly,
        NoSuchRecord,
    ),
    security(("session" = []))
)]
async fn send_data_request_link(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<InPerson<EditRecords>>,
    ApiPath(id): ApiPath<RecordId>,
) -> Result<axum::http::StatusCode, ApiError> {
    let delivery = state.delivery();
    privacy_centre::send_link(state.store.as_ref(), &session, id, delivery).await?;
    state.mail.ring();
    Ok(axum::http::StatusCode::ACCEPTED)
}

/// Applies a rectification request's correction to one of its records (the record's data
/// source becomes "Rectification request"). Complete the request afterwards. Audited.
#[utoipa::path(
    post,
    path = routes::REQUEST_RECTIFY,
    tag = "requests",
    params(("id" = RequestId, Path, description = "Request id")),
    request_body = Rectification,
    responses(
        (status = 200, description = "The record, corrected", body = Record),
        (status = 400, description = "A field is invalid, or the record is not the request's", body = ErrorBody),
        (status = 404, description = "No such request or record", body = ErrorBody),
        (status = 409, description = "wrong_request_type, request_status or stop_processing", body = ErrorBody),
        ManageComplianceSettingsOnly,
    ),
    security(("session" = []))
)]
async fn rectify(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ManageComplianceSettings>,
    ApiPath(id): ApiPath<RequestId>,
    ApiJson(body): ApiJson<Rectification>,
) -> Result<Json<Record>, ApiError> {
    let record = rights::rectify(
        state.store.as_ref(),
        &session,
        id,
        body.record_id,
        body.fields,
    )
    .await?;
    super::records::shown(&state, &session, record).await
}

/// Carries out a verified stop-processing request: every record of it becomes read-only and
/// is left out of e-mails and bulk actions. The request is completed. Audited.
#[utoipa::path(
    post,
    path = routes::REQUEST_STOP_PROCESSING,
    tag = "requests",
    params(("id" = RequestId, Path, description = "Request id")),
    responses(
        (status = 200, description = "Done; the request, completed", body = DataSubjectRequest),
        (status = 409, description = "wrong_request_type or request_status", body = ErrorBody),
        ManageComplianceSettingsOnly,
        NoSuchRequest,
    ),
    security(("session" = []))
)]
async fn stop_processing(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ManageComplianceSettings>,
    ApiPath(id): ApiPath<RequestId>,
) -> Result<Json<DataSubjectRequest>, ApiError> {
    let status = state.mail.initial_status();
    let done = rights::stop_processing(state.store.as_ref(), &session, id, status).await?;
    state.mail.ring();
    Ok(Json(done))
}

/// Decides a verified objection: without overriding grounds, records on Legitimate Interests
/// stop being processed and the request is completed; with them, it is refused with the
/// grounds as the reason. Audited.
#[utoipa::path(
    post,
    path = routes::REQUEST_OBJECTION,
    tag = "requests",
    params(("id" = RequestId, Path, description = "Request id")),
    request_body = ObjectionDecision,
    responses(
        (status = 200, description = "Decided", body = DataSubjectRequest),
        (status = 400, description = "The grounds are empty or too long", body = ErrorBody),
        (status = 409, description = "wrong_request_type or request_status", body = ErrorBody),
        ManageComplianceSettingsOnly,
        NoSuchRequest,
    ),
    security(("session" = []))
)]
async fn objection(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ManageComplianceSettings>,
    ApiPath(id): ApiPath<RequestId>,
    ApiJson(body): ApiJson<ObjectionDecision>,
) -> Result<Json<DataSubjectRequest>, ApiError> {
    let status = state.mail.initial_status();
    let grounds = body.overriding_grounds;
    let done = rights::objection(state.store.as_ref(), &session, id, grounds, status).await?;
    state.mail.ring();
    Ok(Json(done))
}

/// Lifts stop processing on a record, with the reason. Audited.
#[utoipa::path(
    post,
    path = routes::RECORD_RESUME_PROCESSING,
    tag = "requests",
    params(("id" = RecordId, Path, description = "Record id")),
    request_body = ResumeProcessing,
    responses(
        (status = 200, description = "Processing resumed", body = Record),
        (status = 400, description = "No reason given", body = ErrorBody),
        (status = 409, description = "not_stopped", body = ErrorBody),
        ManageComplianceSettingsOnly,
        NoSuchRecord,
    ),
    security(("session" = []))
)]
async fn resume_processing(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ManageComplianceSettings>,
    ApiPath(id): ApiPath<RecordId>,
    ApiJson(body): ApiJson<ResumeProcessing>,
) -> Result<Json<Record>, ApiError> {
    let record = rights::resume(state.store.as_ref(), &session, id, &body.reason).await?;
    super::records::shown(&state, &session, record).await
}

/// The export of an access or portability request, for review before sending (ZIP:
/// `subject.json`, `records.csv`, `consent_events.csv`).
#[utoipa::path(
    get,
    path = routes::REQUEST_EXPORT,
    tag = "requests",
    params(("id" = RequestId, Path, description = "Request id")),
    responses(
        (status = 200, description = "The ZIP", content_type = "application/zip"),
        (status = 409, description = "not_an_access_request", body = ErrorBody),
        ManageComplianceSettingsOnly,
        NoSuchRequest,
    ),
    security(("session" = []), ("api_key" = []))
)]
async fn review_export(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ReadRequests>,
    ApiPath(id): ApiPath<RequestId>,
) -> Result<Response, ApiError> {
    let bytes = export::review(state.store.as_ref(), &session, id).await?;
    Ok(download("application/zip", "subject-export.zip", bytes))
}

/// Sends the verified requester a download link to their export (valid 7 days; the file is
/// never attached to the mail) and completes the request.
#[utoipa::path(
    post,
    path = routes::REQUEST_EXPORT,
    tag = "requests",
    params(("id" = RequestId, Path, description = "Request id")),
    responses(
        (status = 200, description = "Sent; the request, completed", body = DataSubjectRequest),
        (status = 409, description = "not_an_access_request, request_status or no_address", body = ErrorBody),
        ManageComplianceSettingsOnly,
        NoSuchRequest,
    ),
    security(("session" = []))
)]
async fn send_export(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ManageComplianceSettings>,
    ApiPath(id): ApiPath<RequestId>,
) -> Result<Json<DataSubjectRequest>, ApiError> {
    let delivery = state.delivery();
    let done = export::send(state.store.as_ref(), &session, id, delivery).await?;
    state.mail.ring();
    Ok(Json(done))
}

/// Downloads an export through the link mailed to the subject (public: the token is the
/// credential; it works for 7 days).
#[utoipa::path(
    get,
    path = routes::PUBLIC_EXPORT,
    tag = "requests",
    params(("token" = String, Path, description = "The token of the download link")),
    responses(
        (status = 200, description = "The ZIP", content_type = "application/zip"),
        (status = 410, description = "link_expired: expired or unknown", body = ErrorBody),
    )
)]
async fn download_export(
    State(state): State<AppState>,
    ApiPath(token): ApiPath<String>,
) -> Result<Response, ApiError> {
    let token = crate::domain::token::SecretToken::from_client(&token);
    let bytes = export::download(state.store.as_ref(), &token).await?;
    Ok(download("application/zip", "my-data.zip", bytes))
}

/// Carries out a verified erasure request: the subject's records and everything about them
/// are deleted, their address leaves every request and message, and a keyed hash of it is
/// kept to flag a later import or sign-up. The request is completed. Audited.
#[utoipa::path(
    post,
    path = routes::REQUEST_ERASE,
    tag = "requests",
    params(("id" = RequestId, Path, description = "Request id")),
    responses(
        (status = 200, description = "Erased; the request, completed, and whether the subject was told", body = Erased),
        (status = 409, description = "not_an_erasure or request_status (verify first)", body = ErrorBody),
        ManageComplianceSettingsOnly,
        NoSuchRequest,
    ),
    security(("session" = []))
)]
async fn erase(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ManageComplianceSettings>,
    ApiPath(id): ApiPath<RequestId>,
) -> Result<Json<Erased>, ApiError> {
    Ok(Json(
        erasure::erase(&state.store, &state.mail, &state.ledger, &session, id).await?,
    ))
}

/// The address to check.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SuppressionQuery {
    /// An e-mail address.
    pub email: String,
}

/// Whether an address is on the suppression list (its subject was erased on request), as a
/// keyed hash comparison: the list holds no addresses.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct SuppressionCheck {
    /// The address checked.
    pub email: String,
    /// Whether it was erased on request before.
    pub suppressed: bool,
}

/// Checks an address against the suppression list before importing or adding it elsewhere.
#[utoipa::path(
    get,
    path = routes::SUPPRESSIONS_CHECK,
    tag = "requests",
    params(SuppressionQuery),
    responses(
        (status = 200, description = "The answer", body = SuppressionCheck),
        (status = 400, description = "Not an e-mail address", body = ErrorBody),
        (status = 403, description = "Lacks Manage Compliance Settings (or the dsr:read scope)", body = ErrorBody),
        NotSignedIn,
    ),
    security(("session" = []), ("api_key" = []))
)]
async fn check_suppression(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ReadRequests>,
    ApiQuery(query): ApiQuery<SuppressionQuery>,
) -> Result<Json<SuppressionCheck>, ApiError> {
    let email = Email::parse(&query.email).map_err(|e| ApiError::Invalid {
        field: Some("email".into()),
        message: e.to_string(),
    })?;
    let suppressed =
        erasure::suppressed(state.store.as_ref(), session.organisation.id, &email).await?;
    Ok(Json(SuppressionCheck {
        email: email.to_string(),
        suppressed,
    }))
}

/// The queue, soonest deadline first (an extended deadline when extended), filtered by
/// right, status or open requests only, a page at a time, with how many match.
#[utoipa::path(
    get,
    path = routes::REQUESTS,
    tag = "requests",
    params(RequestQuery),
    responses(
        (status = 200, description = "A page of requests by deadline", body = RequestQueue),
        (status = 400, description = "A filter, the cursor (`after`) or the limit (1–500) is \
            not valid: `field` names it", body = ErrorBody),
        ManageComplianceSettingsOnly,
    ),
    security(("session" = []), ("api_key" = []))
)]
async fn queue(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ReadRequests>,
    ApiQuery(query): ApiQuery<RequestQuery>,
) -> Result<Json<RequestQueue>, ApiError> {
    Ok(Json(
        requests::queue(state.store.as_ref(), session.organisation.id, &query).await?,
    ))
}

/// One request.
#[utoipa::path(
    get,
    path = routes::REQUEST,
    tag = "requests",
    params(("id" = RequestId, Path, description = "Request id")),
    responses(
        (status = 200, description = "The request", body = DataSubjectRequest),
        ManageComplianceSettingsOnly,
        NoSuchRequest,
    ),
    security(("session" = []), ("api_key" = []))
)]
async fn get_one(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ReadRequests>,
    ApiPath(id): ApiPath<RequestId>,
) -> Result<Json<DataSubjectRequest>, ApiError> {
    Ok(Json(
        requests::get(state.store.as_ref(), session.organisation.id, id).await?,
    ))
}

/// Verifies, starts, completes, refuses (with a reason) or extends (by one or two months,
/// with a reason; two at most in all) a request. Audited.
#[utoipa::path(
    post,
    path = routes::REQUEST_ACTIONS,
    tag = "requests",
    params(("id" = RequestId, Path, description = "Request id")),
    request_body = RequestAction,
    responses(
        (status = 200, description = "Done", body = DataSubjectRequest),
        (status = 400, description = "A reason or the months are invalid", body = ErrorBody),
        (status = 409, description = "request_status (not from this status) or \
            extension_too_long", body = ErrorBody),
        ManageComplianceSettingsOnly,
        NoSuchRequest,
    ),
    security(("session" = []), ("api_key" = []))
)]
async fn act(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<HandleRequests>,
    ApiPath(id): ApiPath<RequestId>,
    ApiJson(action): ApiJson<RequestAction>,
) -> Result<Json<DataSubjectRequest>, ApiError> {
    let status = state.mail.initial_status();
    let done = requests::act(state.store.as_ref(), &session, id, action, status).await?;
    state.mail.ring();
    Ok(Json(done))
}
