//! Passwords, session tokens and signing in.

use std::sync::OnceLock;

use argon2::{
    Argon2,
    password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString, rand_core::OsRng},
};
use chrono::{Duration, Utc};
use consentry_model::{Password, auth::Session};

use super::{Error, Result, throttle::Throttle};
use crate::store::{AuditNote, SessionRow, Store};

/// Hashes a password with Argon2id (OWASP parameters: 19 MiB, 2 passes) on a blocking thread.
pub async fn hash_password(password: &Password) -> Result<String> {
    let password = password.expose().to_owned();
    tokio::task::spawn_blocking(move || hash_blocking(&password))
        .await
        .map_err(|e| Error::Internal(e.to_string()))?
}

fn hash_blocking(password: &str) -> Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|e| Error::Internal(e.to_string()))
}

/// Checks a password against a stored hash on a blocking thread.
async fn verify_password(hash: String, candidate: String) -> Result<bool> {
    tokio::task::spawn_blocking(move || {
        let parsed = PasswordHash::new(&hash).map_err(|e| Error::Internal(e.to_string()))?;
        Ok(Argon2::default()
            .verify_password(candidate.as_bytes(), &parsed)
            .is_ok())
    })
    .await
    .map_err(|e| Error::Internal(e.to_string()))?
}

/// A hash of a password nobody has, verified when the e-mail address is unknown so that a
/// wrong address takes as long as a wrong password (no account enumeration by timing).
fn decoy_hash() -> Result<String> {
    static DECOY: OnceLock<String> = OnceLock::new();
    if let Some(hash) = DECOY.get() {
        return Ok(hash.clone());
    }
    let hash = hash_blocking("decoy password that matches no account")?;
    Ok(DECOY.get_or_init(|| hash).clone())
}

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
    let expires_at = Utc::now() + ttl;
    store
        .insert_session(&token.hash(), user, expires_at)
        .await?;
    let row = store
        .session(&token.hash(), Utc::now())
        .await?
        .ok_or_else(|| Error::Internal("new session not found".into()))?;
    Ok((token, session_view(row)))
}

/// Signs a user in: throttled per client address and per e-mail address, the same answer for
/// an unknown address as for a wrong password.
pub async fn sign_in(
    store: &dyn Store,
    throttle: &Throttle,
    email: &consentry_model::Email,
    password: &str,
    client: &str,
    ttl: Duration,
) -> Result<(SessionToken, Session)> {
    let keys = [
        format!("client:{client}"),
        format!("email:{}", email.as_str().to_lowercase()),
    ];
    if let Some(retry_after_secs) = throttle.blocked_for(&keys) {
        return Err(Error::TooManyAttempts { retry_after_secs });
    }
    let credentials = store.user_credentials(email).await?;
    let hash = match &credentials {
        Some(c) => c.password_hash.clone(),
        None => decoy_hash()?,
    };
    let matches = verify_password(hash, password.to_owned()).await?;
    match credentials {
        Some(c) if matches => {
            throttle.forget(&keys[1]);
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
        _ => {
            throttle.record(&keys);
            Err(Error::InvalidCredentials)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn password_hash_verifies_only_the_same_password() {
        let password = Password::parse("correct horse battery").expect("valid");
        let hash = hash_password(&password).await.expect("hash");
        assert!(hash.starts_with("$argon2id$"));
        assert!(
            verify_password(hash.clone(), "correct horse battery".into())
                .await
                .expect("verify")
        );
        assert!(
            !verify_password(hash, "Correct horse battery".into())
                .await
                .expect("verify")
        );
    }
}
