//! Persistence behind one trait, so the server runs on SQLite by default and PostgreSQL later.
//!
//! Every method that reads or changes tenant data takes the [`OrganisationId`] it acts for: a
//! store never answers with another organisation's rows.

mod sqlite;

use std::sync::Arc;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use consentry_model::{
    ComplianceSettings, Email, OrgSlug, OrganisationId, OrganisationName, PersonName, Profile,
    UserId,
    auth::{OrganisationSummary, User},
};

pub use sqlite::SqliteStore;

/// What can go wrong in a store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A uniqueness rule was broken; the value names the rule (e.g. `users.email`).
    #[error("conflict on {0}")]
    Conflict(&'static str),
    /// The database URL names a backend this build does not have.
    #[error("unsupported database URL {0:?}: use sqlite://path/to/file.db")]
    UnsupportedUrl(String),
    /// A migration failed.
    #[error("migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// The database failed.
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    /// A stored value does not parse (a bug or a hand-edited database).
    #[error("corrupt value in {column}: {value:?}")]
    Corrupt {
        /// Table and column.
        column: &'static str,
        /// The offending value.
        value: String,
    },
}

/// Result of a store call.
pub type StoreResult<T> = Result<T, StoreError>;

/// A new organisation.
#[derive(Debug, Clone)]
pub struct NewOrganisation {
    /// Display name.
    pub name: OrganisationName,
    /// Public short name, unique.
    pub slug: OrgSlug,
}

/// A new user, with the password already hashed.
#[derive(Debug, Clone)]
pub struct NewUserRow {
    /// Display name.
    pub name: PersonName,
    /// Sign-in address, unique across the installation.
    pub email: Email,
    /// Profile.
    pub profile: Profile,
    /// Argon2id PHC string.
    pub password_hash: String,
}

/// A user with what sign-in needs.
#[derive(Debug, Clone)]
pub struct UserCredentials {
    /// The user.
    pub user: User,
    /// Their organisation.
    pub organisation_id: OrganisationId,
    /// Argon2id PHC string.
    pub password_hash: String,
}

/// A live session: who, where, until when.
#[derive(Debug, Clone)]
pub struct SessionRow {
    /// The signed-in user.
    pub user: User,
    /// Their organisation.
    pub organisation: OrganisationSummary,
    /// When the session ends.
    pub expires_at: DateTime<Utc>,
}

/// Outcome of a change that must keep at least one administrator in the organisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AdminGuarded<T> {
    /// Done.
    Done(T),
    /// No such user in this organisation.
    NotFound,
    /// Refused: the user is the organisation's last administrator.
    LastAdministrator,
}

/// The persistence contract. One implementation per backend; one contract test suite for all.
#[async_trait]
pub trait Store: Send + Sync + 'static {
    /// Number of organisations in the installation (0 means first run).
    async fn organisation_count(&self) -> StoreResult<u64>;

    /// Creates an organisation with its first administrator in one transaction. With
    /// `only_if_first`, fails with `Conflict("organisations.first")` when any organisation
    /// exists already (the first-run page must not be usable twice).
    async fn create_organisation(
        &self,
        organisation: NewOrganisation,
        admin: NewUserRow,
        only_if_first: bool,
    ) -> StoreResult<(OrganisationSummary, User)>;

    /// The organisation with this slug.
    async fn organisation_by_slug(
        &self,
        slug: &OrgSlug,
    ) -> StoreResult<Option<OrganisationSummary>>;

    /// The user with this e-mail address (case-insensitive), in any organisation.
    async fn user_credentials(&self, email: &Email) -> StoreResult<Option<UserCredentials>>;

    /// Users of an organisation, oldest first.
    async fn users(&self, organisation: OrganisationId) -> StoreResult<Vec<User>>;

    /// One user of an organisation.
    async fn user(&self, organisation: OrganisationId, id: UserId) -> StoreResult<Option<User>>;

    /// Adds a user; `Conflict("users.email")` when the address is taken.
    async fn insert_user(
        &self,
        organisation: OrganisationId,
        user: NewUserRow,
    ) -> StoreResult<User>;

    /// Changes a user's profile, never leaving the organisation without an administrator.
    async fn set_user_profile(
        &self,
        organisation: OrganisationId,
        id: UserId,
        profile: Profile,
    ) -> StoreResult<AdminGuarded<User>>;

    /// Removes a user and their sessions, never the last administrator.
    async fn delete_user(
        &self,
        organisation: OrganisationId,
        id: UserId,
    ) -> StoreResult<AdminGuarded<()>>;

    /// Stores a new session under the SHA-256 of its token.
    async fn insert_session(
        &self,
        token_hash: &[u8; 32],
        user: UserId,
        expires_at: DateTime<Utc>,
    ) -> StoreResult<()>;

    /// The unexpired session with this token hash.
    async fn session(
        &self,
        token_hash: &[u8; 32],
        now: DateTime<Utc>,
    ) -> StoreResult<Option<SessionRow>>;

    /// Ends a session.
    async fn delete_session(&self, token_hash: &[u8; 32]) -> StoreResult<()>;

    /// Deletes sessions that expired before `now`; returns how many.
    async fn delete_expired_sessions(&self, now: DateTime<Utc>) -> StoreResult<u64>;

    /// The organisation's compliance settings (defaults until first saved).
    async fn compliance_settings(
        &self,
        organisation: OrganisationId,
    ) -> StoreResult<ComplianceSettings>;

    /// Saves the organisation's compliance settings.
    async fn save_compliance_settings(
        &self,
        organisation: OrganisationId,
        settings: &ComplianceSettings,
        now: DateTime<Utc>,
    ) -> StoreResult<()>;
}

/// Opens the store named by a database URL, creating and migrating it when needed.
pub async fn connect(url: &str) -> StoreResult<Arc<dyn Store>> {
    if url.starts_with("sqlite:") {
        Ok(Arc::new(SqliteStore::connect(url).await?))
    } else {
        Err(StoreError::UnsupportedUrl(url.to_owned()))
    }
}

#[cfg(test)]
mod contract;
