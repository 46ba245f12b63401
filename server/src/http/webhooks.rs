//! `/api/v1/webhooks`: subscriptions and their delivery log (permission: Manage API Keys).

use super::responses::ManageApiKeysOnly;
use axum::{Json, extract::State, http::StatusCode};
use consentry_model::{
    ErrorBody, WebhookId, routes,
    webhooks::{NewWebhook, Webhook, WebhookCreated, WebhookDelivery},
};
use utoipa_axum::{router::OpenApiRouter, routes};

use super::{
    AppState,
    error::ApiError,
    extract::{ApiJson, ApiPath, Authorized, ManageApiKeys},
    idempotency::ShownOnce,
};
use crate::domain::webhooks;

/// Webhook routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, create))
        .routes(routes!(remove))
        .routes(routes!(deliveries))
        .routes(routes!(retry))
}

/// The subscriptions (never their secrets).
#[utoipa::path(
    get,
    path = routes::WEBHOOKS,
    tag = "webhooks",
    responses(
        (status = 200, description = "Subscriptions", body = [Webhook]),
        ManageApiKeysOnly,
    ),
    security(("session" = []))
)]
async fn list(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ManageApiKeys>,
) -> Result<Json<Vec<Webhook>>, ApiError> {
    Ok(Json(webhooks::list(state.store.as_ref(), &session).await?))
}

/// Subscribes a URL to events. Each POST is signed the Standard Webhooks way (`webhook-id`,
/// `webhook-timestamp`, `webhook-signature: v1,<base64 HMAC-SHA256 of
/// "<webhook-id>.<webhook-timestamp>.<body>">` under the secret) and names the event in
/// `Consentry-Event`; anything but 2xx is retried with growing pauses for 24 hours, then kept
/// as a dead letter. The address must be a public `https://` one of at most 2,048 characters
/// (unless the operator allows private receivers); it is checked again, after resolution,
/// at every delivery, and redirects are not followed.
#[utoipa::path(
    post,
    path = routes::WEBHOOKS,
    tag = "webhooks",
    request_body = NewWebhook,
    responses(
        (status = 201, description = "Subscribed; keep the signing secret now", body = WebhookCreated),
        (status = 400, description = "Not a public https address (field `url`), or no events", body = ErrorBody),
        ManageApiKeysOnly,
    ),
    security(("session" = []))
)]
async fn create(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ManageApiKeys>,
    ApiJson(body): ApiJson<NewWebhook>,
) -> Result<ShownOnce<WebhookCreated>, ApiError> {
    let policy = state.settings.webhooks.target_policy();
    let created = webhooks::create(state.store.as_ref(), &session, body, policy).await?;
    Ok(ShownOnce(created))
}

/// Removes a subscription and its pending deliveries.
#[utoipa::path(
    delete,
    path = routes::WEBHOOK,
    tag = "webhooks",
    params(("id" = WebhookId, Path, description = "Webhook id")),
    responses(
        (status = 204, description = "Removed"),
        (status = 404, description = "No such webhook", body = ErrorBody),
        ManageApiKeysOnly,
    ),
    security(("session" = []))
)]
async fn remove(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ManageApiKeys>,
    ApiPath(id): ApiPath<WebhookId>,
) -> Result<StatusCode, ApiError> {
    webhooks::delete(state.store.as_ref(), &session, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The latest 100 deliveries with the receiver's answers (for a refused target only that it
/// was refused).
#[utoipa::path(
    get,
    path = routes::WEBHOOKS_DELIVERIES,
    tag = "webhooks",
    responses(
        (status = 200, description = "Deliveries, newest first", body = [WebhookDelivery]),
        ManageApiKeysOnly,
    ),
    security(("session" = []))
)]
async fn deliveries(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ManageApiKeys>,
) -> Result<Json<Vec<WebhookDelivery>>, ApiError> {
    Ok(Json(
        webhooks::deliveries(state.store.as_ref(), &session).await?,
    ))
}

/// Queues a dead delivery again with a fresh retry schedule; it keeps its event id, so the
/// receiver sees the same `webhook-id`. Audited.
#[utoipa::path(
    post,
    path = routes::WEBHOOK_DELIVERY_RETRY,
    tag = "webhooks",
    params(
        ("id" = WebhookId, Path, description = "Webhook id"),
        ("delivery" = uuid::Uuid, Path, description = "Delivery id"),
    ),
    responses(
        (status = 200, description = "Queued again", body = WebhookDelivery),
        (status = 404, description = "No such delivery of this webhook", body = ErrorBody),
        (status = 409, description = "Not dead (`delivery_not_dead`): pending deliveries retry by themselves, delivered ones are done", body = ErrorBody),
        ManageApiKeysOnly,
    ),
    security(("session" = []))
)]
async fn retry(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ManageApiKeys>,
    ApiPath((id, delivery)): ApiPath<(WebhookId, uuid::Uuid)>,
) -> Result<Json<WebhookDelivery>, ApiError> {
    Ok(Json(
        webhooks::retry(state.store.as_ref(), &session, id, delivery).await?,
    ))
}
