//! The one typed client every page uses to talk to the server. Requests started under a
//! reactive owner are aborted when that owner is cleaned up (the page is left).

use consentry_model::{
    ComplianceSettings, ErrorBody, Lang, UserId,
    auth::{NewUser, Session, SetupRequest, SetupStatus, SignInRequest, User, UserUpdate},
};
use gloo_net::http::{Method, RequestBuilder, Response};
use leptos::prelude::on_cleanup;
use send_wrapper::SendWrapper;
use serde::{Serialize, de::DeserializeOwned};

use crate::i18n::{Msg, text};

/// Why a call failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiFailure {
    /// The server could not be reached.
    Network,
    /// The server answered with an error status.
    Status {
        /// HTTP status.
        status: u16,
        /// The house error body, when the answer had one.
        body: Option<ErrorBody>,
    },
}

impl ApiFailure {
    /// The server's error code (`invalid_credentials`, `forbidden`, ...).
    pub fn code(&self) -> Option<&str> {
        match self {
            ApiFailure::Status { body: Some(b), .. } => Some(&b.error),
            _ => None,
        }
    }

    /// The request field the server named, if any.
    pub fn field(&self) -> Option<&str> {
        match self {
            ApiFailure::Status { body: Some(b), .. } => b.field.as_deref(),
            _ => None,
        }
    }

    /// Whether the session is missing or expired.
    pub fn is_unauthenticated(&self) -> bool {
        self.code() == Some("unauthenticated")
    }

    /// A sentence for a person, in `lang`. Known codes are translated; otherwise the server's
    /// own (English) sentence is shown rather than nothing.
    pub fn message(&self, lang: Lang) -> String {
        let msg = match (self, self.code()) {
            (ApiFailure::Network, _) => Some(Msg::ErrorNetwork),
            (_, Some("unauthenticated")) => Some(Msg::ErrorSessionExpired),
            (_, Some("invalid_credentials")) => Some(Msg::ErrorInvalidCredentials),
            (_, Some("forbidden")) => Some(Msg::ErrorForbidden),
            (_, Some("not_found")) => Some(Msg::ErrorNotFound),
            (_, Some("too_many_requests")) => Some(Msg::ErrorTooManyRequests),
            (_, Some("cross_site_request")) => Some(Msg::ErrorCrossSite),
            (_, Some("email_taken")) => Some(Msg::ErrorConflictEmail),
            (_, Some("slug_taken")) => Some(Msg::ErrorConflictSlug),
            (_, Some("already_set_up")) => Some(Msg::ErrorAlreadySetUp),
            (_, Some("last_administrator")) => Some(Msg::ErrorLastAdministrator),
            (_, Some("cannot_remove_self")) => Some(Msg::ErrorCannotRemoveSelf),
            (ApiFailure::Status { status, .. }, _) if *status >= 500 => Some(Msg::ErrorUnexpected),
            _ => None,
        };
        match (msg, self) {
            (Some(msg), _) => text(lang, msg).to_owned(),
            (None, ApiFailure::Status { body: Some(b), .. }) => b.message.clone(),
            (None, _) => text(lang, Msg::ErrorUnexpected).to_owned(),
        }
    }
}

/// Result of an API call.
pub type ApiResult<T> = Result<T, ApiFailure>;

/// Aborts the request when the current reactive owner (page, resource) is cleaned up.
fn abort_on_cleanup() -> Option<web_sys::AbortSignal> {
    let controller = web_sys::AbortController::new().ok()?;
    let signal = controller.signal();
    let controller = SendWrapper::new(controller);
    on_cleanup(move || controller.abort());
    Some(signal)
}

async fn call(method: Method, path: &str, body: Option<String>) -> ApiResult<Response> {
    let signal = abort_on_cleanup();
    // The header proves to the server's CSRF check that the request came from our own pages.
    let builder = RequestBuilder::new(path)
        .method(method)
        .header("x-requested-with", "consentry")
        .header("accept", "application/json")
        .abort_signal(signal.as_ref());
    let request = match body {
        Some(json) => builder
            .header("content-type", "application/json")
            .body(json)
            .map_err(|_| ApiFailure::Network)?,
        None => builder.build().map_err(|_| ApiFailure::Network)?,
    };
    let response = request.send().await.map_err(|_| ApiFailure::Network)?;
    if response.ok() {
        Ok(response)
    } else {
        let status = response.status();
        let body = response.json::<ErrorBody>().await.ok();
        Err(ApiFailure::Status { status, body })
    }
}

async fn json<T: DeserializeOwned>(response: Response) -> ApiResult<T> {
    response.json::<T>().await.map_err(|_| ApiFailure::Status {
        status: response.status(),
        body: None,
    })
}

async fn get<T: DeserializeOwned>(path: &str) -> ApiResult<T> {
    json(call(Method::GET, path, None).await?).await
}

async fn send<B: Serialize, T: DeserializeOwned>(
    method: Method,
    path: &str,
    body: &B,
) -> ApiResult<T> {
    let body = serde_json::to_string(body).map_err(|_| ApiFailure::Network)?;
    json(call(method, path, Some(body)).await?).await
}

/// Whether the first-run page is needed.
pub async fn setup_status() -> ApiResult<SetupStatus> {
    get("/api/v1/setup").await
}

/// Creates the first organisation and administrator; signs in.
pub async fn set_up(request: &SetupRequest) -> ApiResult<Session> {
    send(Method::POST, "/api/v1/setup", request).await
}

/// Signs in.
pub async fn sign_in(request: &SignInRequest) -> ApiResult<Session> {
    send(Method::POST, "/api/v1/session", request).await
}

/// The current session.
pub async fn session() -> ApiResult<Session> {
    get("/api/v1/session").await
}

/// Signs out.
pub async fn sign_out() -> ApiResult<()> {
    call(Method::DELETE, "/api/v1/session", None)
        .await
        .map(drop)
}

/// The organisation's users.
pub async fn users() -> ApiResult<Vec<User>> {
    get("/api/v1/users").await
}

/// Adds a user.
pub async fn add_user(user: &NewUser) -> ApiResult<User> {
    send(Method::POST, "/api/v1/users", user).await
}

/// Changes a user's profile.
pub async fn update_user(id: UserId, update: &UserUpdate) -> ApiResult<User> {
    send(Method::PATCH, &format!("/api/v1/users/{id}"), update).await
}

/// Removes a user.
pub async fn remove_user(id: UserId) -> ApiResult<()> {
    call(Method::DELETE, &format!("/api/v1/users/{id}"), None)
        .await
        .map(drop)
}

/// The organisation's compliance settings.
pub async fn compliance_settings() -> ApiResult<ComplianceSettings> {
    get("/api/v1/compliance/settings").await
}

/// Saves the organisation's compliance settings.
pub async fn save_compliance_settings(
    settings: &ComplianceSettings,
) -> ApiResult<ComplianceSettings> {
    send(Method::PUT, "/api/v1/compliance/settings", settings).await
}
