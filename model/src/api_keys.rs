//! API keys for integrators: a name, scopes, shown once, stored hashed, revocable.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::ApiKeyId;

/// What an API key may do. Each admin route needs one scope, as it needs one permission.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Scope {
    /// Read records, their Data Privacy section, modules and fields.
    #[serde(rename = "records:read")]
    RecordsRead,
    /// Create, change and delete records, and change their basis.
    #[serde(rename = "records:write")]
    RecordsWrite,
    /// Read a record's consent events.
    #[serde(rename = "consent:read")]
    ConsentRead,
    /// Send a record a consent request by e-mail.
    #[serde(rename = "consent:write")]
    ConsentWrite,
    /// Read data-subject requests, their exports, and the suppression list.
    #[serde(rename = "dsr:read")]
    DsrRead,
    /// File data-subject requests and move them along (verify, start, complete, refuse,
    /// extend).
    #[serde(rename = "dsr:write")]
    DsrWrite,
    /// Read the organisation's compliance settings.
    #[serde(rename = "settings:read")]
    SettingsRead,
}

impl Scope {
    /// Every scope.
    pub const ALL: [Scope; 7] = [
        Scope::RecordsRead,
        Scope::RecordsWrite,
        Scope::ConsentRead,
        Scope::ConsentWrite,
        Scope::DsrRead,
        Scope::DsrWrite,
        Scope::SettingsRead,
    ];

    /// The scope's name, as in the JSON form.
    pub fn code(self) -> &'static str {
        match self {
            Scope::RecordsRead => "records:read",
            Scope::RecordsWrite => "records:write",
            Scope::ConsentRead => "consent:read",
            Scope::ConsentWrite => "consent:write",
            Scope::DsrRead => "dsr:read",
            Scope::DsrWrite => "dsr:write",
            Scope::SettingsRead => "settings:read",
        }
    }

    /// Parses a name written by [`Scope::code`].
    pub fn from_code(code: &str) -> Option<Scope> {
        Scope::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// A key to create.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewApiKey {
    /// What it is for, e.g. "Webshop" (1–60 characters).
    pub name: String,
    /// What it may do; at least one.
    pub scopes: Vec<Scope>,
}

/// An API key as listed (never its secret).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApiKey {
    /// Key id.
    pub id: ApiKeyId,
    /// What it is for.
    pub name: String,
    /// What it may do.
    pub scopes: Vec<Scope>,
    /// The secret's first characters, to recognise it (`ck_Ab12…`).
    pub prefix: String,
    /// Who created it.
    pub created_by: String,
    /// When.
    pub created_at: DateTime<Utc>,
    /// When it was last used (to the minute).
    pub last_used_at: Option<DateTime<Utc>>,
    /// When it was revoked; a revoked key answers 401.
    pub revoked_at: Option<DateTime<Utc>>,
}

/// A key just created, with its secret: shown this once, then only its hash is kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApiKeyCreated {
    /// The key.
    pub key: ApiKey,
    /// The secret, for `Authorization: Bearer <secret>`.
    pub secret: String,
}

/// What an API key caller may do, carried in its session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApiKeyGrant {
    /// The key.
    pub id: ApiKeyId,
    /// Its name.
    pub name: String,
    /// Its prefix.
    pub prefix: String,
    /// Its scopes.
    pub scopes: Vec<Scope>,
}
