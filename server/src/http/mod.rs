//! The HTTP surface: each resource owns its router; this module merges them and adds the
//! layers every response passes through.

pub mod api_keys;
pub mod audit;
pub mod bodies;
pub mod client;
pub mod compliance;
pub mod connection;
pub mod consent;
pub mod download;
pub mod encryption;
pub mod error;
pub mod extract;
pub mod fields;
pub mod forms;
pub mod idempotency;
pub mod imports;
pub mod language;
pub mod metrics;
pub mod modules;
pub mod openapi;
pub mod privacy_centre;
pub mod records;
pub mod reference;
pub mod requests;
pub mod responses;
pub mod retention;
pub mod security;
pub mod serve;
pub mod session;
pub mod setup;
pub mod signup;
pub mod spa;
pub mod templates;
pub mod trace;
pub mod users;
pub mod webhooks;
pub mod widget;

use std::{collections::HashMap, sync::Arc, time::Duration};

use axum::{
    BoxError, Json, Router,
    error_handling::HandleErrorLayer,
    extract::DefaultBodyLimit,
    http::{HeaderValue, header},
    middleware,
    response::IntoResponse,
    routing::{any, get},
};
use tower::ServiceBuilder;
use tower_http::{compression::CompressionLayer, trace::TraceLayer};
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;

use crate::{
    config::Settings,
    domain::{passwords::Passwords, throttle::SignInLimits},
    store::Store,
};

/// What every handler can reach, shared: each middleware and handler a request passes
/// through takes a copy, which is one reference count, not one per service.
#[derive(Clone)]
pub struct AppState(Arc<Services>);

impl AppState {
    /// Shares the services with every request.
    pub fn new(services: Services) -> AppState {
        AppState(Arc::new(services))
    }
}

impl std::ops::Deref for AppState {
    type Target = Services;

    fn deref(&self) -> &Services {
        &self.0
    }
}

/// The services behind [`AppState`].
pub struct Services {
    /// The database.
    pub store: Arc<dyn Store>,
    /// The configuration the server started with.
    pub settings: Arc<Settings>,
    /// Sign-in attempts per client address and per account.
    pub sign_ins: Arc<SignInLimits>,
    /// Runs every password hash under a bound.
    pub passwords: Arc<Passwords>,
    /// The limits on the public endpoints.
    pub limits: Arc<crate::domain::throttle::PublicLimits>,
    /// Outgoing mail: whether SMTP delivers it, and the sender's bell.
    pub mail: Arc<crate::mail::MailQueue>,
    /// Every audit checkpoint, also kept outside the database.
    pub checkpoints: Arc<crate::domain::audit::CheckpointLog>,
    /// Rings the worker that encrypts, decrypts and re-encrypts values.
    pub encryption: Arc<tokio::sync::Notify>,
    /// Where every erasure is recorded outside the database.
    pub ledger: Arc<crate::ledger::ErasureLedger>,
    /// `Idempotency-Key` claims and the keyed requests still running.
    pub idempotency: idempotency::Idempotency,
}

impl AppState {
    /// Where links in mails point (the public address) and the state new messages start in.
    pub fn delivery(&self) -> crate::domain::consent::Delivery<'_> {
        crate::domain::consent::Delivery {
            base_url: self
                .settings
                .server
                .public_url
                .as_deref()
                .unwrap_or_default(),
            status: self.mail.initial_status(),
        }
    }
}

/// The JSON API's routers with their OpenAPI description.
pub fn api() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(openapi::ApiDoc::openapi())
        .merge(setup::router())
        .merge(session::router())
        .merge(users::router())
        .merge(compliance::router())
        .merge(modules::router())
        .merge(fields::router())
        .merge(encryption::router())
        .merge(api_keys::router())
        .merge(webhooks::router())
        .merge(widget::router())
        .merge(forms::router())
        .merge(consent::router())
        .merge(templates::router())
        .merge(signup::router())
        .merge(requests::router())
        .merge(retention::router())
        .merge(privacy_centre::router())
        .merge(records::router())
        .merge(audit::router())
        .merge(imports::router())
        .merge(language::router())
}

/// The OpenAPI document as served at `/api/openapi.json`.
pub fn openapi_document() -> utoipa::openapi::OpenApi {
    openapi::served(api().split_for_parts().1)
}

/// The whole application: API, OpenAPI document, SPA, and the layers.
pub fn app(state: AppState) -> Router {
    let (api, doc) = api().split_for_parts();
    let doc = Arc::new(openapi::served(doc));
    let mut methods = openapi::methods_by_path(&doc);
    // The API's own pages, outside the document, answer GET alone too.
    for path in [
        "/api/openapi.json",
        "/api/docs",
        "/api/health",
        "/api/ready",
    ] {
        methods.insert(path.to_owned(), "GET".to_owned());
    }
    let methods = Arc::new(methods);
    let reference: Arc<str> =
        reference::render(&serde_json::to_value(doc.as_ref()).unwrap_or_default()).into();
    let max_body = state.settings.server.max_body_bytes;
    let request_timeout = state.settings.server.request_timeout_seconds;
    Router::new()
        .merge(api)
        .route(
            "/api/openapi.json",
            get(move || {
                let doc = Arc::clone(&doc);
                async move { Json(doc.as_ref().clone()) }
            }),
        )
        .route(
            "/api/docs",
            get(move || {
                let page = Arc::clone(&reference);
                async move { axum::response::Html(page.to_string()) }
            }),
        )
        .route("/.well-known/consentry/jwks.json", get(consent::jwks))
        .route(
            "/api/health",
            get(|| async { Json(serde_json::json!({ "status": "ok" })) }),
        )
        .route("/api/ready", get(ready))
        .route("/metrics", get(metrics::metrics))
        // Below /api/, a path no route has is a 404 whatever the method.
        .route("/api/{*rest}", any(unknown_api))
        .route("/api", any(unknown_api))
        .route("/api/", any(unknown_api))
        .merge(widget::assets())
        .merge(spa::router(state.settings.server.dist_dir.clone()))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            idempotency::replay,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            idempotency::authenticate,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            security::csrf,
        ))
        .layer(middleware::from_fn_with_state(methods, api_methods))
        .layer(middleware::from_fn_with_state(state.clone(), widget::cors))
        .layer(DefaultBodyLimit::max(max_body))
        // Reading the body included: a client sending it slowly is stopped too.
        .layer(
            ServiceBuilder::new()
                .layer(HandleErrorLayer::new(move |error: BoxError| async move {
                    if error.is::<tower::timeout::error::Elapsed>() {
                        error::ApiError::RequestTimeout(request_timeout)
                    } else {
                        error::ApiError::Internal(error.to_string())
                    }
                }))
                .timeout(Duration::from_secs(request_timeout)),
        )
        // Before any body is read: too large for its route (413); then its bytes counted
        // against the body budget as they arrive (503), at the minimum rate (408).
        .layer(middleware::from_fn_with_state(
            bodies::Admission::from_settings(&state.settings.server),
            bodies::admit,
        ))
        .layer(CompressionLayer::new())
        .layer(middleware::from_fn_with_state(
            state.clone(),
            security::headers,
        ))
        .layer(middleware::from_fn(connection::close_after_unread_body))
        .layer(TraceLayer::new_for_http().make_span_with(trace::request_span))
        .layer(middleware::from_fn(crate::telemetry::track))
        .layer(middleware::from_fn(trace::request_id))
        .layer(axum::middleware::map_response(no_store_for_api))
        .with_state(state)
}

async fn unknown_api() -> error::ApiError {
    error::ApiError::NotFound("API route")
}

/// A method a route does not answer is a JSON 405 naming the ones it does (from the OpenAPI
/// document, by the path as routed). And the API answers no `HEAD`: axum would run the `GET`
/// route for it, and a read the audit trail records (an export) would be recorded without
/// anything delivered.
async fn api_methods(
    axum::extract::State(methods): axum::extract::State<Arc<HashMap<String, String>>>,
    request: axum::extract::Request,
    next: middleware::Next,
) -> axum::response::Response {
    let allowed = request
        .extensions()
        .get::<axum::extract::MatchedPath>()
        .and_then(|path| methods.get(path.as_str()))
        .cloned();
    let Some(allowed) = allowed else {
        return next.run(request).await;
    };
    let method = request.method().clone();
    if method == axum::http::Method::HEAD {
        return error::ApiError::MethodNotAllowed { method, allowed }.into_response();
    }
    let response = next.run(request).await;
    if response.status() == axum::http::StatusCode::METHOD_NOT_ALLOWED {
        return error::ApiError::MethodNotAllowed { method, allowed }.into_response();
    }
    response
}

/// API answers carry personal data: never cache them anywhere.
async fn no_store_for_api(mut response: axum::response::Response) -> impl IntoResponse {
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    if is_json {
        response
            .headers_mut()
            .entry(header::CACHE_CONTROL)
            .or_insert(HeaderValue::from_static("no-store"));
    }
    response
}

/// Whether this instance can serve: the database answers, its schema is the one this build
/// knows and its master key opens the database's keys (another instance of a newer version may have moved it on). 503 with the
/// reason otherwise, for a load balancer to take the instance out; `/api/health` only says
/// the process answers.
async fn ready(
    axum::extract::State(state): axum::extract::State<AppState>,
) -> axum::response::Response {
    use axum::{http::StatusCode, response::IntoResponse};
    let not_ready = |reason: String| {
        let body = serde_json::json!({ "status": "not_ready", "reason": reason });
        (StatusCode::SERVICE_UNAVAILABLE, Json(body)).into_response()
    };
    // A probe waits a few seconds at most: a database that does not answer is the reason.
    let versions = tokio::time::timeout(
        std::time::Duration::from_secs(3),
        state.store.schema_versions(),
    )
    .await
    .unwrap_or(Err(crate::store::StoreError::Busy));
    match versions {
        Err(error) => {
            tracing::warn!(%error, "not ready: the database does not answer");
            not_ready("the database does not answer (the server's log says why)".into())
        }
        Ok((_, _, Some(failed))) => not_ready(format!(
            "migration {failed} of the database schema failed part-way: the database needs \
             attention before any instance serves it (the log of the instance that ran it says \
             why)"
        )),
        Ok((applied, known, _)) if applied > known => not_ready(format!(
            "the database schema is newer ({applied}) than this version knows ({known}): \
             upgrade this instance"
        )),
        Ok((applied, known, _)) if applied < known => not_ready(format!(
            "the database schema is older ({applied}) than this version's ({known}): restart \
             this instance to bring it up to date"
        )),
        Ok(_) => match state.store.keys_open().await {
            Ok(()) => Json(serde_json::json!({ "status": "ready" })).into_response(),
            Err(crate::store::StoreError::Keys(why)) => {
                tracing::error!(%why, "not ready: the master key does not open this database");
                not_ready(format!(
                    "the master key does not open this database's keys ({why}); start this \
                     instance with the key file the others use"
                ))
            }
            Err(error) => {
                tracing::warn!(%error, "not ready: the database does not answer");
                not_ready("the database does not answer (the server's log says why)".into())
            }
        },
    }
}
