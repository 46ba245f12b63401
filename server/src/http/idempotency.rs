//! `Idempotency-Key` on POST: the first answer is kept a day for the caller and key, and a
//! retry gets it again (with `Idempotent-Replayed: true`) instead of a second write.
//!
//! A claimed request runs on its own task, to its end: a client that goes away does not cut a
//! write in half, and its retry gets the answer. A request that is stopped (the request
//! timeout, a panic) releases its claim at once, so a retry runs it; one that never finished
//! because the server was killed holds the key only for a short lease, after which a retry
//! takes it over.

use consentry_model::ErrorCode;
use std::{sync::Arc, time::Duration};

use axum::{
    body::{Body, to_bytes},
    extract::{FromRef, Request, State},
    http::{HeaderMap, HeaderValue, Method, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};
use chrono::Utc;
use sha2::{Digest, Sha256};
use tokio_util::task::TaskTracker;
use tracing::Instrument;

use super::{AppState, error::ApiError, session::SESSION_COOKIE};
use crate::{
    config::ServerSettings,
    store::{Claim, HeldKey, IdempotencyClaim, Store, keyed},
};

/// The header a client sends.
pub const IDEMPOTENCY_KEY: &str = "idempotency-key";

/// How long keyed requests may take and hold their key.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Largest request body read by a route without a limit of its own (see
    /// [`super::bodies::limit_for`]).
    pub max_body_bytes: usize,
    /// How long a claimed request may run before it is stopped and its claim released.
    pub request_timeout: Duration,
    /// How long a claim holds when its request never finishes. Longer than
    /// `request_timeout`, so a request still running can never be taken over.
    pub lease: Duration,
}

impl Limits {
    /// The limits the server is configured with.
    pub fn from_settings(server: &ServerSettings) -> Limits {
        Limits {
            max_body_bytes: server.max_body_bytes,
            request_timeout: Duration::from_secs(server.request_timeout_seconds),
            lease: Duration::from_secs(server.idempotency_lease_seconds),
        }
    }
}

/// What the middleware needs: the store, its limits, and the keyed requests still running.
#[derive(Clone)]
pub struct Idempotency {
    store: Arc<dyn Store>,
    limits: Limits,
    running: TaskTracker,
}

impl FromRef<AppState> for Idempotency {
    fn from_ref(state: &AppState) -> Idempotency {
        state.idempotency.clone()
    }
}

impl Idempotency {
    /// Keys kept in `store`, with these limits.
    pub fn new(store: Arc<dyn Store>, limits: Limits) -> Idempotency {
        Idempotency {
            store,
            limits,
            running: TaskTracker::new(),
        }
    }

    /// Waits for keyed requests still running (their clients may have gone away); called
    /// when the server stops, after the last connection closed.
    pub async fn finish_running(&self) {
        self.running.close();
        self.running.wait().await;
    }

    /// Claims the key and runs the request, or answers from what the key holds.
    async fn run(
        self,
        organisation: consentry_model::OrganisationId,
        held: HeldKey,
        fingerprint: [u8; 32],
        request: Request,
        next: Next,
    ) -> Response {
        let now = Utc::now();
        let lease = chrono::Duration::from_std(self.limits.lease).unwrap_or(chrono::Duration::MAX);
        let claim = IdempotencyClaim {
            held: &held,
            fingerprint: &fingerprint,
            now,
            lease_until: now.checked_add_signed(lease).unwrap_or(now),
        };
        match self.store.claim_idempotent(claim).await {
            Err(e) => return ApiError::Internal(e.to_string()).into_response(),
            Ok(Claim::Mismatch) => {
                return ApiError::Conflict {
                    code: ErrorCode::IdempotencyKeyReused,
                    field: Some("Idempotency-Key"),
                    message: "This Idempotency-Key was used for another request; use a new \
                              key for a new request."
                        .into(),
                }
                .into_response();
            }
            Ok(Claim::Running) => {
                return ApiError::Conflict {
                    code: ErrorCode::IdempotencyInProgress,
                    field: Some("Idempotency-Key"),
                    message: "The first request with this Idempotency-Key is still running; \
                              try again in a moment."
                        .into(),
                }
                .into_response();
            }
            Ok(Claim::Answered(status, content_type, body)) => {
                // A background job it started may have ended (or been cut off by a server
                // stop) since: the retry is told how it stands now, never "running" for ever.
                let body = if status == 202 {
                    match crate::domain::jobs::as_it_stands(
                        self.store.as_ref(),
                        organisation,
                        &body,
                    )
                    .await
                    {
                        Ok(now) => now.unwrap_or(body),
                        Err(e) => return ApiError::from(e).into_response(),
                    }
                } else {
                    body
                };
                return replayed(status, content_type, body);
            }
            Ok(Claim::Interrupted(change)) => {
                return ApiError::Conflict {
                    code: ErrorCode::IdempotencyInterrupted,
                    field: Some("Idempotency-Key"),
                    message: format!(
                        "The first request with this Idempotency-Key made its change (audit \
                         entry {}, {}, at {} UTC) but its answer was not kept: the server \
                         stopped before it could answer, or the answer held a secret shown \
                         only once. Nothing was changed again. Look the change up (the audit \
                         trail, or the list it belongs in) instead of retrying; use a new key \
                         only to make another change.",
                        change.seq,
                        change.action,
                        change.at.format("%Y-%m-%d %H:%M:%S"),
                    ),
                }
                .into_response();
            }
            Ok(Claim::New) => {}
        }
        let token = held.token;
        let claim = HeldClaim {
            store: Arc::clone(&self.store),
            held: Some(held),
        };
        // Every change the request makes is noted under its claim, in the change's own
        // transaction (see `store::keyed`).
        let run = keyed::within(token, next.run(request));
        let Ok(response) = tokio::time::timeout(self.limits.request_timeout, run).await else {
            claim.finish(None).await;
            return ApiError::RequestTimeout(self.limits.request_timeout.as_secs()).into_response();
        };
        let (parts, body) = response.into_parts();
        let Ok(bytes) = to_bytes(body, usize::MAX).await else {
            claim.finish(None).await;
            return ApiError::Internal("response body".into()).into_response();
        };
        // Server failures are not kept: a retry should run again. Nor is an answer marked
        // `no-store` (a message handed over with its link): it must not be kept anywhere.
        let no_store = parts
            .headers
            .get(header::CACHE_CONTROL)
            .is_some_and(|v| v.as_bytes() == b"no-store");
        let answer = (!parts.status.is_server_error() && !no_store).then(|| {
            (
                parts.status.as_u16(),
                parts
                    .headers
                    .get(header::CONTENT_TYPE)
                    .and_then(|v| v.to_str().ok())
                    .map(str::to_owned),
                bytes.to_vec(),
            )
        });
        claim.finish(answer).await;
        Response::from_parts(parts, Body::from(bytes))
    }
}

/// A claim this request holds. Finished explicitly; dropped unfinished (the task panicked or
/// was stopped) it is released at once, so a retry need not wait for the lease.
struct HeldClaim {
    store: Arc<dyn Store>,
    held: Option<HeldKey>,
}

impl HeldClaim {
    /// Keeps the answer, or releases the claim (`None`).
    async fn finish(mut self, answer: Option<(u16, Option<String>, Vec<u8>)>) {
        let Some(held) = self.held.take() else {
            return;
        };
        match self.store.finish_idempotent(&held, answer).await {
            Ok(true) => {}
            // Only after the lease ran out, which the request timeout prevents.
            Ok(false) => tracing::warn!("an Idempotency-Key claim was taken over while running"),
            Err(e) => tracing::error!(error = %e, "could not finish an Idempotency-Key claim"),
        }
    }
}

impl Drop for HeldClaim {
    fn drop(&mut self) {
        let Some(held) = self.held.take() else {
            return;
        };
        // Drop cannot wait: the release runs on its own. Without a runtime (the process is
        // stopping) the lease frees the key instead.
        if let Ok(runtime) = tokio::runtime::Handle::try_current() {
            let store = Arc::clone(&self.store);
            runtime.spawn(async move {
                if let Err(e) = store.finish_idempotent(&held, None).await {
                    tracing::warn!(error = %e, "could not release an Idempotency-Key claim");
                }
            });
        }
    }
}

/// An answer holding a secret shown only once (a new API key, a webhook's signing secret):
/// `201 Created` marked `Cache-Control: no-store`, so it is kept neither by a cache nor by the
/// Idempotency-Key store. A retry of its key then runs nothing again: the change it made is
/// noted under the claim, so the retry is told `idempotency_interrupted`, never the secret.
pub struct ShownOnce<T>(pub T);

impl<T: serde::Serialize> IntoResponse for ShownOnce<T> {
    fn into_response(self) -> Response {
        (
            StatusCode::CREATED,
            [(header::CACHE_CONTROL, "no-store")],
            axum::Json(self.0),
        )
            .into_response()
    }
}

/// Keeps the key store from answering a request whose credential no longer holds (a revoked
/// API key, a session signed out or expired): a kept answer is given only to whoever may still
/// make the request. Such a request goes on to its route without its key, and the route
/// answers for itself: 401 where it needs a signed-in caller; a route open to anyone (signing
/// in with a stale cookie still sent) just runs.
pub async fn authenticate(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let keyed = request.method() == Method::POST
        && request.uri().path().starts_with("/api/v1/")
        && request.headers().contains_key(IDEMPOTENCY_KEY)
        && has_credential(request.headers());
    if !keyed {
        return next.run(request).await;
    }
    let (mut parts, body) = request.into_parts();
    let checked = <super::extract::Authenticated as axum::extract::FromRequestParts<AppState>>::from_request_parts(
        &mut parts, &state,
    )
    .await;
    match checked {
        Ok(super::extract::Authenticated(session)) => {
            parts.extensions.insert(KeyedCaller::of(&session));
        }
        // The store could not tell: neither replayed nor run unkeyed.
        Err(failed @ ApiError::Internal(_)) => return failed.into_response(),
        Err(_) => {
            parts.headers.remove(IDEMPOTENCY_KEY);
        }
    }
    next.run(Request::from_parts(parts, body)).await
}

/// Who a keyed request's key belongs to, found by [`authenticate`]: the principal, not the
/// credential it came with — an API key, or a user whichever session they sign in with (a
/// person signing in again after a restart retries under the same keys, so a change is never
/// made twice). And their organisation: a kept answer that started a background job is
/// replayed with the job as it stands in it.
#[derive(Debug, Clone, Copy)]
pub struct KeyedCaller {
    /// The caller's organisation.
    pub organisation: consentry_model::OrganisationId,
    /// Whose keys: [`api_key_owner`] or [`user_owner`].
    pub owner: [u8; 32],
}

impl KeyedCaller {
    fn of(session: &consentry_model::auth::Session) -> KeyedCaller {
        KeyedCaller {
            organisation: session.organisation.id,
            owner: match &session.api_key {
                Some(key) => api_key_owner(key.id),
                None => user_owner(session.user.id),
            },
        }
    }
}

/// Whose keys an API key's requests use: the key's own.
pub fn api_key_owner(id: consentry_model::ApiKeyId) -> [u8; 32] {
    owner(b"api-key", id.0.as_bytes())
}

/// Whose keys a signed-in person's requests use, whichever session they come with.
pub fn user_owner(id: consentry_model::UserId) -> [u8; 32] {
    owner(b"user", id.0.as_bytes())
}

fn owner(kind: &[u8], id: &[u8]) -> [u8; 32] {
    let mut owner = Sha256::new();
    owner.update(kind);
    owner.update([0]);
    owner.update(id);
    owner.finalize().into()
}

/// A kept answer, sent again.
fn replayed(status: u16, content_type: Option<String>, body: Vec<u8>) -> Response {
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = StatusCode::from_u16(status).unwrap_or(StatusCode::OK);
    if let Some(value) = content_type.and_then(|c| HeaderValue::from_str(&c).ok()) {
        response.headers_mut().insert(header::CONTENT_TYPE, value);
    }
    response
        .headers_mut()
        .insert("idempotent-replayed", HeaderValue::from_static("true"));
    response
}

/// The request's `Idempotency-Key`, if it sends one: 1 to 255 visible ASCII characters
/// (0x21–0x7E), sent once. Anything else is refused rather than ignored: a client that
/// believes its retries are safe must not find out from a second write that they were not.
pub fn key_in(headers: &HeaderMap) -> Result<Option<String>, ApiError> {
    let refused = |message: &str| ApiError::Invalid {
        field: Some("Idempotency-Key".into()),
        message: message.into(),
    };
    let mut sent = headers.get_all(IDEMPOTENCY_KEY).iter();
    let Some(value) = sent.next() else {
        return Ok(None);
    };
    if sent.next().is_some() {
        return Err(refused(
            "Send one Idempotency-Key header, not several, such as a UUID.",
        ));
    }
    let bytes = value.as_bytes();
    if bytes.is_empty() || bytes.len() > 255 {
        return Err(refused(
            "Use 1 to 255 characters, such as a UUID; this key is empty or longer.",
        ));
    }
    if !bytes.iter().all(|b| (0x21..=0x7e).contains(b)) {
        return Err(refused(
            "Use only visible ASCII characters (letters, digits and punctuation; no spaces, \
             tabs or accented letters), such as a UUID.",
        ));
    }
    // Checked as ASCII above.
    Ok(Some(String::from_utf8_lossy(bytes).into_owned()))
}

/// Whether the request comes with a credential: an API key (`Authorization`) or a session
/// cookie.
fn has_credential(headers: &HeaderMap) -> bool {
    headers.contains_key(header::AUTHORIZATION)
        || headers
            .get_all(header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|c| c.split(';'))
            .any(|c| c.trim().starts_with(&format!("{SESSION_COOKIE}=")))
}

/// The request a key was used for, as a hash of its path and body.
pub fn fingerprint(path: &str, body: &[u8]) -> [u8; 32] {
    let mut hasher = Sha256::new();
    hasher.update(path.as_bytes());
    hasher.update([0]);
    hasher.update(body);
    hasher.finalize().into()
}

/// Replays or records POSTs under `/api/v1` that carry an `Idempotency-Key`.
pub async fn replay(State(keys): State<Idempotency>, request: Request, next: Next) -> Response {
    if request.method() != Method::POST || !request.uri().path().starts_with("/api/v1/") {
        return next.run(request).await;
    }
    let key = match key_in(request.headers()) {
        Ok(Some(key)) => key,
        Ok(None) => return next.run(request).await,
        Err(refused) => return refused.into_response(),
    };
    let Some(caller) = request.extensions().get::<KeyedCaller>().copied() else {
        // Not signed in: the route answers 401 itself.
        return next.run(request).await;
    };
    let (parts, body) = request.into_parts();
    // As much as the route itself takes (an import more than the general limit).
    let limit = super::bodies::limit_for(parts.uri.path(), keys.limits.max_body_bytes);
    let Ok(bytes) = to_bytes(body, limit).await else {
        return ApiError::BodyTooLarge { limit }.into_response();
    };
    let fingerprint = fingerprint(parts.uri.path(), &bytes);
    let held = HeldKey {
        caller: caller.owner,
        key,
        token: *uuid::Uuid::new_v4().as_bytes(),
    };
    let request = Request::from_parts(parts, Body::from(bytes));
    // From the claim on, the request runs on its own task: were it run here, a client going
    // away would drop it at any await, after a commit as well as before one.
    let running = keys.running.clone();
    let task = running.spawn(
        keys.run(caller.organisation, held, fingerprint, request, next)
            .instrument(tracing::Span::current()),
    );
    match task.await {
        Ok(response) => response,
        Err(e) => ApiError::Internal(format!("keyed request: {e}")).into_response(),
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use axum::{Router, middleware, routing::post};
    use tower::ServiceExt;

    use super::*;

    /// The principal every harness request comes from.
    const CALLER: [u8; 32] = [3; 32];

    struct Harness {
        app: Router,
        store: Arc<dyn Store>,
        /// Handler calls that ran to their end.
        done: Arc<AtomicUsize>,
        _dir: tempfile::TempDir,
    }

    /// The middleware on a real store over a handler that writes nothing but counts the calls
    /// that ran to their end; with `stall_first`, its first call never ends.
    async fn harness(limits: Limits, stall_first: bool) -> Harness {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = format!("sqlite://{}", dir.path().join("keys.db").display());
        let key = crate::crypto::MasterKey::load_or_create(&dir.path().join("consentry.key"))
            .expect("key");
        let store = crate::store::connect(&url, key).await.expect("store");
        let calls = Arc::new(AtomicUsize::new(0));
        let done = Arc::new(AtomicUsize::new(0));
        let handler = {
            let done = Arc::clone(&done);
            move || async move {
                if calls.fetch_add(1, Ordering::SeqCst) == 0 && stall_first {
                    std::future::pending::<()>().await;
                }
                // Long enough for concurrent retries to find the claim running.
                tokio::time::sleep(Duration::from_millis(50)).await;
                done.fetch_add(1, Ordering::SeqCst);
                (StatusCode::CREATED, "made")
            }
        };
        let keys = Idempotency::new(Arc::clone(&store), limits);
        // What `authenticate` finds for the caller.
        let caller = |mut request: Request, next: Next| async move {
            request.extensions_mut().insert(KeyedCaller {
                organisation: consentry_model::OrganisationId(uuid::Uuid::nil()),
                owner: CALLER,
            });
            next.run(request).await
        };
        let app = Router::new()
            .route("/api/v1/things", post(handler))
            .layer(middleware::from_fn_with_state(keys, replay))
            .layer(middleware::from_fn(caller));
        Harness {
            app,
            store,
            done,
            _dir: dir,
        }
    }

    fn keyed_post() -> Request {
        Request::post("/api/v1/things")
            .header(header::AUTHORIZATION, "Bearer test")
            .header(IDEMPOTENCY_KEY, "order-7")
            .body(Body::from("{}"))
            .expect("request")
    }

    /// Sends `n` keyed posts at once: each answer's status and whether it was replayed.
    async fn at_once(app: &Router, n: usize) -> Vec<(StatusCode, bool)> {
        let tasks: Vec<_> = (0..n)
            .map(|_| {
                let app = app.clone();
                tokio::spawn(async move {
                    let answer = app.oneshot(keyed_post()).await.expect("answer");
                    (
                        answer.status(),
                        answer.headers().contains_key("idempotent-replayed"),
                    )
                })
            })
            .collect();
        let mut answers = Vec::new();
        for task in tasks {
            answers.push(task.await.expect("task"));
        }
        answers
    }

    #[tokio::test]
    async fn a_request_stopped_by_the_timeout_releases_its_key_at_once() {
        let h = harness(
            Limits {
                max_body_bytes: 1024,
                request_timeout: Duration::from_millis(200),
                lease: Duration::from_secs(3600),
            },
            true,
        )
        .await;
        let stopped = h.app.clone().oneshot(keyed_post()).await.expect("answer");
        assert_eq!(stopped.status(), StatusCode::SERVICE_UNAVAILABLE);
        // Released, not held for the hour-long lease: the retry runs.
        let mut retried = None;
        for _ in 0..50 {
            let answer = h.app.clone().oneshot(keyed_post()).await.expect("answer");
            if answer.status() != StatusCode::CONFLICT {
                retried = Some(answer);
                break;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        let retried = retried.expect("the retry ran");
        assert_eq!(retried.status(), StatusCode::CREATED);
        assert!(retried.headers().get("idempotent-replayed").is_none());
        assert_eq!(h.done.load(Ordering::SeqCst), 1);
        let again = h.app.clone().oneshot(keyed_post()).await.expect("answer");
        assert_eq!(again.headers()["idempotent-replayed"], "true");
        assert_eq!(h.done.load(Ordering::SeqCst), 1, "replayed, not run again");
    }

    #[tokio::test]
    async fn a_claim_whose_lease_ran_out_is_taken_over_by_exactly_one_of_many_retries() {
        let h = harness(
            Limits {
                max_body_bytes: 1024,
                request_timeout: Duration::from_secs(30),
                lease: Duration::from_secs(60),
            },
            false,
        )
        .await;
        let orphan = HeldKey {
            caller: CALLER,
            key: "order-7".into(),
            token: [7; 16],
        };
        let same_request = fingerprint("/api/v1/things", b"{}");
        let claim_at = |now: chrono::DateTime<Utc>| IdempotencyClaim {
            held: &orphan,
            fingerprint: &same_request,
            now,
            lease_until: now + chrono::Duration::seconds(60),
        };
        // A claim left by a server that was killed, its lease not yet out: retries wait.
        let claimed = h.store.claim_idempotent(claim_at(Utc::now())).await;
        assert_eq!(claimed.expect("claim"), Claim::New);
        let waiting = at_once(&h.app, 4).await;
        assert!(
            waiting.iter().all(|(s, _)| *s == StatusCode::CONFLICT),
            "{waiting:?}"
        );
        assert_eq!(h.done.load(Ordering::SeqCst), 0);
        // The same claim made 61 seconds ago: its lease ran out a second ago.
        assert!(
            h.store
                .finish_idempotent(&orphan, None)
                .await
                .expect("release")
        );
        let then = Utc::now() - chrono::Duration::seconds(61);
        assert_eq!(
            h.store
                .claim_idempotent(claim_at(then))
                .await
                .expect("claim"),
            Claim::New
        );
        let answers = at_once(&h.app, 8).await;
        let fresh = answers
            .iter()
            .filter(|(status, replayed)| *status == StatusCode::CREATED && !replayed)
            .count();
        assert_eq!(fresh, 1, "exactly one retry ran: {answers:?}");
        assert!(
            answers
                .iter()
                .all(|(s, _)| *s == StatusCode::CONFLICT || *s == StatusCode::CREATED),
            "{answers:?}"
        );
        assert_eq!(h.done.load(Ordering::SeqCst), 1);
        // The killed request's late answer or release does not touch the new claim.
        assert!(
            !h.store
                .finish_idempotent(&orphan, Some((201, None, b"late".to_vec())))
                .await
                .expect("finish")
        );
        assert!(
            !h.store
                .finish_idempotent(&orphan, None)
                .await
                .expect("release")
        );
        let replay = h.app.clone().oneshot(keyed_post()).await.expect("answer");
        assert_eq!(replay.headers()["idempotent-replayed"], "true");
        let body = to_bytes(replay.into_body(), 1024).await.expect("body");
        assert_eq!(&body[..], b"made");
    }
}
