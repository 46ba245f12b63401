//! Passwords, session tokens and signing in.

use chrono::Duration;
use consentry_model::auth::Session;

use super::{Error, Result, clock, passwords::Passwords, throttle::SignInLimits};
use crate::store::{AuditNote, SessionRow, Store};

/// A session token: a [`SecretToken`] in the session cookie.
pub use super::token::SecretToken as SessionToken;

/// Turns a stored session into what the app sees, with the profile's permissions.
pub fn session_view(row: SessionRow) -> Session {
    let permissions = row.user.profile.permissions().to_vec();
    Session {
        user: row.user,
        organisation: row.organisation,
        permissions,
        expires_at: row.expires_at,
        api_key: None,
    }
}

/// Starts a session for `user` lasting `ttl`.
pub async fn start_session(
    store: &dyn Store,
    user: consentry_model::UserId,
    ttl: Duration,
) -> Result<(SessionToken, Session)> {
    let token = SessionToken::generate();
    let expires_at = clock::now() + ttl;
    store
        .insert_session(&token.hash(), user, expires_at)
        .await?;
    let row = store
        .session(&token.hash(), clock::now())
        .await?
        .ok_or_else(|| Error::Internal("new session not found".into()))?;
    Ok((token, session_view(row)))
}

/// Signs a user in. The attempt takes its place in the limits before the password is
/// checked (so N attempts at once count as N): a client address with too many failures is
/// refused, an account with many failures is only slowed down. An unknown address gets the
/// same answer, after the same work, as a wrong password.
pub async fn sign_in(
    store: &dyn Store,
    passwords: &Passwords,
    limits: &SignInLimits,
    email: &consentry_model::Email,
    password: &str,
    client: &str,
    ttl: Duration,
) -> Result<(SessionToken, Session)> {
    let attempt = limits.begin(client, email.as_str()).await?;
    if !attempt.delay.is_zero() {
        tokio::time::sleep(attempt.delay).await;
    }
    let credentials = store.user_credentials(email).await?;
    let checked = match &credentials {
        Some(c) => {
            passwords
                .verify(c.password_hash.clone(), password.to_owned())
                .await
        }
        None => passwords.verify_decoy(password.to_owned()).await,
    };
    let matches = match checked {
        Ok(matches) => matches,
        Err(error) => {
            // Not checked (the server was busy): the attempt does not count.
            limits.abandon(attempt).await?;
            return Err(error);
        }
    };
    let Some(c) = credentials.filter(|_| matches) else {
        return Err(Error::InvalidCredentials);
    };
    limits.succeeded(attempt).await?;
    let started = start_session(store, c.user.id, ttl).await?;
    store
        .append_audit(
            c.organisation_id,
            AuditNote {
                actor: c.user.email.to_string(),
                action: consentry_model::audit::AuditAction::SignedIn,
                subject: Some(c.user.id.to_string()),
                before: None,
                after: Some(serde_json::json!({ "client": client })),
            },
        )
        .await?;
    Ok(started)
}
