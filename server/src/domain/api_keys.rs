//! API keys: created with a name and scopes (the secret shown once), listed, revoked, and
//! turned into a session for the routes their scopes open.

use consentry_model::{
    ApiKeyId, Email, FieldError, OrganisationId, PersonName, Profile, UserId,
    api_keys::{ApiKey, ApiKeyCreated, ApiKeyGrant, NewApiKey},
    audit::AuditAction,
    auth::{Session, User},
    records::parse_short_text,
};
use serde_json::json;

use super::{Error, Result, clock, token::SecretToken};
use crate::store::{AuditNote, Store};

/// What every secret starts with, so a leaked one is recognisable (and scannable).
const SECRET_PREFIX: &str = "ck_";

/// Creates a key; its secret is in the answer and nowhere else.
pub async fn create(store: &dyn Store, session: &Session, new: NewApiKey) -> Result<ApiKeyCreated> {
    let name = parse_short_text(&new.name)
        .map_err(|error| Error::Invalid {
            field: "name".into(),
            error,
        })?
        .ok_or(Error::Invalid {
            field: "name".into(),
            error: FieldError::Empty,
        })?;
    let scopes = super::distinct_in("scopes", new.scopes)?;
    if scopes.is_empty() {
        return Err(Error::Rejected {
            field: "scopes".into(),
            message: "Choose at least one scope: what the key may do.".into(),
        });
    }
    let secret = format!("{SECRET_PREFIX}{}", SecretToken::generate().as_str());
    let key = ApiKey {
        id: ApiKeyId(uuid::Uuid::now_v7()),
        name,
        scopes,
        prefix: secret.chars().take(10).collect(),
        created_by: session.actor(),
        created_at: clock::now(),
        last_used_at: None,
        revoked_at: None,
    };
    let audit = AuditNote {
        actor: session.actor(),
        action: AuditAction::ApiKeyCreated,
        subject: Some(key.id.to_string()),
        before: None,
        after: Some(json!({ "name": key.name, "scopes": key.scopes, "prefix": key.prefix })),
    };
    let hash = SecretToken::from_client(&secret).hash();
    store
        .insert_api_key(session.organisation.id, &key, &hash, audit)
        .await?;
    Ok(ApiKeyCreated { key, secret })
}

/// The organisation's keys, newest first.
pub async fn list(store: &dyn Store, organisation: OrganisationId) -> Result<Vec<ApiKey>> {
    Ok(store.api_keys(organisation).await?)
}

/// Revokes a key: from now on it answers 401.
pub async fn revoke(store: &dyn Store, session: &Session, id: ApiKeyId) -> Result<ApiKey> {
    let audit = AuditNote {
        actor: session.actor(),
        action: AuditAction::ApiKeyRevoked,
        subject: Some(id.to_string()),
        before: None,
        after: None,
    };
    store
        .revoke_api_key(session.organisation.id, id, audit)
        .await?
        .ok_or(Error::NotFound("API key"))
}

/// The session of a caller presenting `secret`; `None` for an unknown or revoked key.
pub async fn session_for(store: &dyn Store, secret: &str) -> Result<Option<Session>> {
    if !secret.starts_with(SECRET_PREFIX) {
        return Ok(None);
    }
    let hash = SecretToken::from_client(secret).hash();
    let Some((key, organisation)) = store.api_key_by_secret(&hash, clock::now()).await? else {
        return Ok(None);
    };
    // The key acts as itself: a user record of its own, never a person's.
    let name = PersonName::parse(&format!("API key {}", key.name))
        .or_else(|_| PersonName::parse("API key"))
        .map_err(|e| Error::Internal(e.to_string()))?;
    let email = Email::parse(&format!("api-key@{}.keys.invalid", organisation.slug))
        .map_err(|e| Error::Internal(e.to_string()))?;
    Ok(Some(Session {
        user: User {
            id: UserId(key.id.0),
            name,
            email,
            profile: Profile::ReadOnly,
            created_at: key.created_at,
        },
        organisation,
        permissions: Vec::new(),
        expires_at: clock::now() + chrono::Duration::minutes(5),
        api_key: Some(ApiKeyGrant {
            id: key.id,
            name: key.name,
            prefix: key.prefix,
            scopes: key.scopes,
        }),
    }))
}
