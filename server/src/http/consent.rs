//! Consent requests and answers: sending a record a consent link, the outbox, and the public
//! endpoints behind the hosted consent page (`/c/{token}`).

use super::responses::{EditRecordsOnly, ManageComplianceSettingsOnly, NoSuchRecord, NotSignedIn};
use crate::domain::language::Preferred;
use std::sync::Arc;

use axum::{
    Json,
    extract::State,
    http::{HeaderMap, StatusCode, header},
};
use consentry_model::{
    ErrorBody, RecordId,
    consent::{
        BulkConsentRequest, BulkSendProgress, ConsentOutcome, ConsentPage, ConsentRequest,
        ConsentRequestSent, ConsentSubmission, HandedOver, Outbox, OutboxQuery, ReceiptCheck,
        ReceiptSummary, RetriedMessages,
    },
    routes,
};
use utoipa_axum::{router::OpenApiRouter, routes};

use super::{
    AppState,
    error::ApiError,
    extract::{
        ApiJson, ApiPath, ApiQuery, Authorized, ClientAddr, EditRecords, InPerson,
        ManageComplianceSettings, WriteConsent,
    },
};
use crate::domain::{answer::Browser, consent, outbox as messages, receipts, token::SecretToken};

/// Consent routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(send_request))
        .routes(routes!(outbox))
        .routes(routes!(retry_message))
        .routes(routes!(retry_failed))
        .routes(routes!(hand_over))
        .routes(routes!(open, submit))
        .routes(routes!(renew))
        .routes(routes!(send_bulk))
        .routes(routes!(bulk_progress))
        .routes(routes!(check_receipt))
}

/// Checks a consent receipt's signature against this installation's keys (public: anyone
/// holding a receipt may check it).
#[utoipa::path(
    post,
    path = routes::PUBLIC_RECEIPTS_VERIFY,
    tag = "consent",
    request_body = ReceiptCheck,
    responses(
        (status = 200, description = "Valid: what it says", body = ReceiptSummary),
        (status = 409, description = "receipt_invalid: altered or not signed here", body = ErrorBody),
    )
)]
async fn check_receipt(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<ReceiptCheck>,
) -> Result<Json<ReceiptSummary>, ApiError> {
    Ok(Json(
        receipts::check(state.store.as_ref(), &body.receipt).await?,
    ))
}

/// Sends a consent request to every record of a filtered list, in the background. Records that
/// cannot be asked are skipped and counted by reason; poll the job for progress, which also
/// counts the messages queued, delivered and failed as the mail sender works through them.
#[utoipa::path(
    post,
    path = routes::CONSENT_REQUESTS_BULK,
    tag = "consent",
    request_body = BulkConsentRequest,
    responses(
        (status = 202, description = "Started", body = BulkSendProgress),
        (status = 400, description = "The form is not published", body = ErrorBody),
        EditRecordsOnly,
    ),
    security(("session" = []))
)]
async fn send_bulk(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<InPerson<EditRecords>>,
    ApiJson(body): ApiJson<BulkConsentRequest>,
) -> Result<(StatusCode, Json<BulkSendProgress>), ApiError> {
    let base = state.settings.server.public_url.clone().unwrap_or_default();
    let mail = Arc::clone(&state.mail);
    let started = consent::start_bulk(
        Arc::clone(&state.store),
        consent::Requester::user(&session),
        base,
        state.mail.initial_status(),
        body,
        move || mail.ring(),
    )
    .await?;
    Ok((StatusCode::ACCEPTED, Json(started)))
}

/// A bulk send's progress: the job's pass over the records, and how its messages stand now
/// (still changing after the job finished, while messages are queued).
#[utoipa::path(
    get,
    path = routes::CONSENT_REQUESTS_BULK_PROGRESS,
    tag = "consent",
    params(("id" = uuid::Uuid, Path, description = "Job id")),
    responses(
        (status = 200, description = "Progress", body = BulkSendProgress),
        (status = 404, description = "No such job", body = ErrorBody),
        EditRecordsOnly,
    ),
    security(("session" = []))
)]
async fn bulk_progress(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<InPerson<EditRecords>>,
    ApiPath(id): ApiPath<uuid::Uuid>,
) -> Result<Json<BulkSendProgress>, ApiError> {
    Ok(Json(
        crate::domain::jobs::bulk_send(state.store.as_ref(), session.organisation.id, id).await?,
    ))
}

/// Asks for a new link when this one expired. The new link goes to the record's own address;
/// the answer is the same whether or not the link was known, so it reveals nothing.
#[utoipa::path(
    post,
    path = routes::PUBLIC_CONSENT_RENEW,
    tag = "consent",
    params(("token" = String, Path, description = "The token of the expired consent link")),
    responses(
        (status = 202, description = "If the link was ours, a new one is on its way"),
        (status = 429, description = "Too many new links asked for from this client", body = ErrorBody),
    ),
)]
async fn renew(
    State(state): State<AppState>,
    ApiPath(token): ApiPath<String>,
    ClientAddr(ip): ClientAddr,
) -> Result<StatusCode, ApiError> {
    state.limits.renewals.admit(&ip).await?;
    // One new link per expired link in ten minutes (on every instance), decided here before
    // anything is read: asking again (or 40 times at once) is answered alike and sends
    // nothing.
    let token = SecretToken::from_client(&token);
    match state
        .limits
        .renewed_links
        .admit(&crate::crypto::hex(&token.hash()))
        .await
    {
        Err(crate::domain::Error::TooManyAttempts { .. }) => return Ok(StatusCode::ACCEPTED),
        admitted => admitted?,
    }
    let delivery = state.delivery();
    consent::renew(state.store.as_ref(), &token, delivery).await?;
    state.mail.ring();
    Ok(StatusCode::ACCEPTED)
}

/// Sends a record a consent request for a published form: a personal link that expires after
/// the waiting period (revoking the record's earlier links for the form), in a message queued
/// for the SMTP server (or kept in the Outbox without one). The record moves Pending → Waiting
/// only when the message is delivered: read the record's `consent_request` to follow it.
#[utoipa::path(
    post,
    path = routes::RECORD_CONSENT_REQUESTS,
    tag = "consent",
    params(("id" = RecordId, Path, description = "Record id")),
    request_body = ConsentRequest,
    responses(
        (status = 201, description = "Made: the link and the message, queued (or kept in the \
            Outbox)", body = ConsentRequestSent),
        (status = 400, description = "The form is not published or the template does not \
            exist", body = ErrorBody),
        (status = 409, description = "compliance_disabled, stop_processing, basis_not_consent, \
            subject_denied, no_email, email_channel_hidden or already_answered", body = ErrorBody),
        EditRecordsOnly,
        NoSuchRecord,
    ),
    security(("session" = []), ("api_key" = []))
)]
async fn send_request(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<WriteConsent>,
    ApiPath(id): ApiPath<RecordId>,
    ApiJson(body): ApiJson<ConsentRequest>,
) -> Result<(StatusCode, Json<ConsentRequestSent>), ApiError> {
    let delivery = state.delivery();
    let store = state.store.as_ref();
    let ask = consent::Ask::prepare(
        store,
        session.organisation.id,
        body.form_id,
        body.template_id,
    )
    .await?;
    let requester = consent::Requester::user(&session);
    let sent = consent::send_request(
        store,
        consent::RequestToSend {
            requester: &requester,
            delivery,
            ask: &ask,
            record: id,
            job: None,
            replaces: None,
            skip_asked_since: None,
        },
    )
    .await?;
    state.mail.ring();
    Ok((StatusCode::CREATED, Json(sent)))
}

/// The messages sent, newest first, a page at a time (filtered by status, kind or record),
/// with their delivery status; and whether an SMTP server delivers them (without one, the
/// outbox is the delivery). Consent links show masked: the token is put in only when a
/// message is handed to the SMTP server or handed over.
#[utoipa::path(
    get,
    path = routes::OUTBOX,
    tag = "consent",
    params(OutboxQuery),
    responses(
        (status = 200, description = "Messages and the delivery mode", body = Outbox),
        (status = 400, description = "A filter or the limit (1–500) is not valid: `field` names it", body = ErrorBody),
        ManageComplianceSettingsOnly,
    ),
    security(("session" = []))
)]
async fn outbox(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ManageComplianceSettings>,
    ApiQuery(query): ApiQuery<OutboxQuery>,
) -> Result<Json<Outbox>, ApiError> {
    Ok(Json(
        messages::outbox(
            state.store.as_ref(),
            session.organisation.id,
            state.mail.smtp(),
            &query,
        )
        .await?,
    ))
}

/// Queues a failed message again with a fresh retry schedule. A consent request whose link
/// stopped working meanwhile (expired, say) is sent anew with a fresh link in its place.
/// Audited.
#[utoipa::path(
    post,
    path = routes::OUTBOX_RETRY,
    tag = "consent",
    params(("id" = uuid::Uuid, Path, description = "Message id")),
    responses(
        (status = 200, description = "Queued again (`renewed`: with a fresh link)", body = RetriedMessages),
        (status = 404, description = "No such message", body = ErrorBody),
        (status = 409, description = "`message_not_failed`, `message_replaced` (another \
            message was sent in its place), `record_changed` (the record may no longer be \
            asked) or `no_smtp_server`", body = ErrorBody),
        ManageComplianceSettingsOnly,
    ),
    security(("session" = []), ("api_key" = []))
)]
async fn retry_message(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ManageComplianceSettings>,
    ApiPath(id): ApiPath<uuid::Uuid>,
) -> Result<Json<RetriedMessages>, ApiError> {
    let retried = messages::retry(state.store.as_ref(), &session, state.delivery(), id).await?;
    state.mail.ring();
    Ok(Json(retried))
}

/// Retries every failed message that nothing was sent in place of (see the retry of one
/// message); those that cannot be retried are left as they are.
#[utoipa::path(
    post,
    path = routes::OUTBOX_RETRY_FAILED,
    tag = "consent",
    responses(
        (status = 200, description = "How many were queued again", body = RetriedMessages),
        (status = 409, description = "`no_smtp_server`", body = ErrorBody),
        ManageComplianceSettingsOnly,
    ),
    security(("session" = []), ("api_key" = []))
)]
async fn retry_failed(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ManageComplianceSettings>,
) -> Result<Json<RetriedMessages>, ApiError> {
    let retried = messages::retry_failed(state.store.as_ref(), &session, state.delivery()).await?;
    state.mail.ring();
    Ok(Json(retried))
}

/// Hands a message kept in the Outbox (no SMTP server) over to be sent by hand: the answer is
/// the text with its personal link, kept nowhere (`Cache-Control: no-store`). The message is
/// marked sent, and a consent request's record moves Pending → Waiting now. Audited.
#[utoipa::path(
    post,
    path = routes::OUTBOX_HAND_OVER,
    tag = "consent",
    params(("id" = uuid::Uuid, Path, description = "Message id")),
    responses(
        (status = 200, description = "The message to send by hand", body = HandedOver),
        (status = 403, description = "Lacks Manage Compliance Settings, or not signed in \
            in person", body = ErrorBody),
        (status = 404, description = "No such message", body = ErrorBody),
        (status = 409, description = "`message_not_stored`: it is not kept in the Outbox \
            (queued for SMTP, or sent already)", body = ErrorBody),
        NotSignedIn,
    ),
    security(("session" = []))
)]
async fn hand_over(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<InPerson<ManageComplianceSettings>>,
    ApiPath(id): ApiPath<uuid::Uuid>,
) -> Result<([(header::HeaderName, &'static str); 1], Json<HandedOver>), ApiError> {
    let handed = messages::hand_over(state.store.as_ref(), &session, id).await?;
    Ok(([(header::CACHE_CONTROL, "no-store")], Json(handed)))
}

/// What the hosted consent page shows for a link (public: the token is the credential).
#[utoipa::path(
    get,
    path = routes::PUBLIC_CONSENT,
    tag = "consent",
    params(
        ("token" = String, Path, description = "The token of the consent link"),
        ("lang" = Option<String>, Query, description = "The language the link asks for; else the remembered choice and Accept-Language decide, among the form's languages"),
    ),
    responses(
        (status = 200, description = "The form and the current choices", body = ConsentPage),
        (status = 404, description = "Unknown link", body = ErrorBody),
        (status = 410, description = "link_expired, link_spent or link_revoked (a newer \
            request replaced it)", body = ErrorBody),
    )
)]
async fn open(
    State(state): State<AppState>,
    ApiPath(token): ApiPath<String>,
    reader: Preferred,
) -> Result<Json<ConsentPage>, ApiError> {
    let token = SecretToken::from_client(&token);
    Ok(Json(
        consent::open(state.store.as_ref(), &token, &reader).await?,
    ))
}

/// Records the data subject's answer and moves the consent status.
#[utoipa::path(
    post,
    path = routes::PUBLIC_CONSENT,
    tag = "consent",
    params(("token" = String, Path, description = "The token of the consent link")),
    request_body = ConsentSubmission,
    responses(
        (status = 200, description = "Recorded", body = ConsentOutcome),
        (status = 400, description = "A choice is not on the form", body = ErrorBody),
        (status = 404, description = "Unknown link", body = ErrorBody),
        (status = 410, description = "link_expired, link_spent or link_revoked (a newer \
            request replaced it)", body = ErrorBody),
    )
)]
async fn submit(
    State(state): State<AppState>,
    ApiPath(token): ApiPath<String>,
    ClientAddr(ip): ClientAddr,
    headers: HeaderMap,
    ApiJson(body): ApiJson<ConsentSubmission>,
) -> Result<Json<ConsentOutcome>, ApiError> {
    let token = SecretToken::from_client(&token);
    let browser = Browser {
        ip: &ip,
        user_agent: super::extract::user_agent(&headers),
    };
    Ok(Json(
        consent::submit(state.store.as_ref(), &token, body, browser).await?,
    ))
}

/// The public keys consent receipts are signed with, as a JSON Web Key Set
/// (`/.well-known/consentry/jwks.json`).
pub async fn jwks(State(state): State<AppState>) -> Result<Json<serde_json::Value>, ApiError> {
    Ok(Json(receipts::jwks(state.store.as_ref()).await?))
}
