//! Bodies of the first-run, sign-in, session and user endpoints.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::{
    Email, OrgSlug, OrganisationId, OrganisationName, Password, Permission, PersonName, Profile,
    UserId, forms::FormLang, text::TimeZoneName,
};

/// Whether the installation still needs its first organisation and administrator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SetupStatus {
    /// `true` until the first organisation exists; the app then shows its first-run page.
    pub needs_setup: bool,
}

/// First run: create the first organisation and its administrator.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SetupRequest {
    /// The organisation's display name (the data controller).
    pub organisation_name: OrganisationName,
    /// Short name used in public links, e.g. `/privacy/acme-bv`.
    pub organisation_slug: OrgSlug,
    /// The administrator's name.
    pub admin_name: PersonName,
    /// The administrator's e-mail address; it is also their sign-in name.
    pub admin_email: Email,
    /// The administrator's password (at least 10 characters).
    pub admin_password: Password,
}

/// Sign in with e-mail address and password.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SignInRequest {
    /// The user's e-mail address.
    pub email: Email,
    /// The user's password. Not checked for strength here: it is only compared.
    pub password: String,
}

/// The organisation a signed-in user works in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrganisationSummary {
    /// Organisation id.
    pub id: OrganisationId,
    /// Display name.
    pub name: OrganisationName,
    /// Public short name.
    pub slug: OrgSlug,
    /// The language the organisation writes to data subjects in (a code of
    /// [`crate::lang::SUBJECT_LANGUAGES`]): sending a consent request starts at the e-mail
    /// template in it.
    #[serde(default = "FormLang::english")]
    pub language: FormLang,
    /// Where the admin app shows moments (stored moments stay UTC).
    #[serde(default)]
    pub time_zone: TimeZoneName,
}

/// The organisation's language and time zone (Setup > Compliance settings).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrganisationLocale {
    /// The language the organisation writes to data subjects in (a code of
    /// [`crate::lang::SUBJECT_LANGUAGES`]): sending a consent request starts at the e-mail
    /// template in it.
    pub language: FormLang,
    /// An IANA time zone such as `Europe/Amsterdam`: where the admin app shows moments.
    pub time_zone: TimeZoneName,
}

/// A user as listed to administrators.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct User {
    /// User id.
    pub id: UserId,
    /// Display name.
    pub name: PersonName,
    /// E-mail address (sign-in name).
    pub email: Email,
    /// The profile that sets what the user may do.
    pub profile: Profile,
    /// When the user was added.
    #[serde(deserialize_with = "rfc3339")]
    pub created_at: DateTime<Utc>,
}

/// Who is signed in, where, and what they may do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Session {
    /// The signed-in user.
    pub user: User,
    /// Their organisation.
    pub organisation: OrganisationSummary,
    /// The permissions their profile grants, so the app can hide what they cannot use.
    pub permissions: Vec<Permission>,
    /// When this session ends unless renewed by signing in again.
    #[serde(deserialize_with = "rfc3339")]
    pub expires_at: DateTime<Utc>,
    /// Set when the caller is an API key rather than a signed-in person: what the key may do.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_key: Option<crate::api_keys::ApiKeyGrant>,
}

impl Session {
    /// Whether the signed-in user has `permission`.
    pub fn can(&self, permission: Permission) -> bool {
        self.permissions.contains(&permission)
    }

    /// Who acts, as the audit trail names them: the user's address, or the API key.
    pub fn actor(&self) -> String {
        match &self.api_key {
            Some(key) => format!("API key {} ({})", key.name, key.prefix),
            None => self.user.email.to_string(),
        }
    }
}

/// Add a user to the administrator's organisation with an initial password.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewUser {
    /// Display name.
    pub name: PersonName,
    /// E-mail address; must not belong to another user.
    pub email: Email,
    /// What the user may do.
    pub profile: Profile,
    /// An initial password to hand over to the user.
    pub password: Password,
}

/// Change a user's profile.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UserUpdate {
    /// The new profile.
    pub profile: Profile,
}

/// Reads a moment written in RFC 3339 (as the server writes every moment) with chrono's RFC 3339
/// parser alone: the admin app reads sessions and users in its first load, and chrono's general
/// parser, which its own `Deserialize` uses, would come with them.
fn rfc3339<'de, D: serde::Deserializer<'de>>(reader: D) -> Result<DateTime<Utc>, D::Error> {
    let text = String::deserialize(reader)?;
    DateTime::parse_from_rfc3339(&text)
        .map(|moment| moment.to_utc())
        .map_err(serde::de::Error::custom)
}

#[cfg(test)]
mod moment_tests {
    use super::*;

    #[derive(Deserialize)]
    struct At {
        #[serde(deserialize_with = "rfc3339")]
        at: DateTime<Utc>,
    }

    #[test]
    fn moments_are_read_as_the_server_writes_them_and_in_any_offset() {
        let written = DateTime::parse_from_rfc3339("2026-12-06T11:52:19.123456789Z")
            .expect("moment")
            .to_utc();
        let json = serde_json::to_string(&written).expect("json");
        let read: At = serde_json::from_str(&format!(r#"{{"at":{json}}}"#)).expect("read");
        assert_eq!(read.at, written);
        let offset: At =
            serde_json::from_str(r#"{"at":"2026-12-06T12:52:19.123456789+01:00"}"#).expect("read");
        assert_eq!(offset.at, written);
        assert!(serde_json::from_str::<At>(r#"{"at":"yesterday"}"#).is_err());
    }
}
