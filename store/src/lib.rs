//! Persistence behind one trait, so the server runs on SQLite by default and PostgreSQL later.
//!
//! Every method that reads or changes tenant data takes the [`OrganisationId`] it acts for: a
//! store never answers with another organisation's rows.

mod answer;
pub mod attempts;
pub mod banner;
pub mod batch;
pub mod cache;
pub mod chain;
#[cfg(feature = "contract")]
pub mod contract;
pub mod crypto;
pub mod figures;
pub mod group;
pub mod keyed;
pub mod ledger;
mod retention;
pub mod vault;

use std::collections::BTreeMap;

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};
use consentry_model::{
    ApiKeyId, ComplianceSettings, ConsentStatus, Email, EncryptionJobId, FieldId, FormId,
    LegalBasis, ModuleId, OrgSlug, OrganisationId, OrganisationName, PersonName, Profile, RecordId,
    RequestId, TemplateId, UserId, WebhookId,
    api_keys::ApiKey,
    audit::{AuditAction, AuditCheckpoint, AuditEntry},
    auth::{OrganisationSummary, User},
    consent::{ConsentEvent, DeliveryStatus, MessageKind, OutboxMessage},
    encryption::{EncryptionJob, EncryptionStatus},
    fields::Field,
    forms::{ConsentChoices, ConsentForm, FormDesign, FormLang, FormSummary, FormVersion},
    records::{
        DataPrivacy, DataSource, Module, PrivacyEvent, Record, RecordFields, RecordFilter,
        RecordSort,
    },
    requests::{DataSubjectRequest, RequestCounts, RequestFilter, RequestStatus, RequestType},
    signup::SignUpSettings,
    templates::{EmailTemplate, TemplateContent},
    text::TimeZoneName,
    webhooks::{DeliveryFailure, DeliveryState, Webhook, WebhookDelivery, WebhookEvent},
    widget::{
        BannerFigures, RegionRule, VisitorChoice, VisitorConsent, VisitorConsentSummary,
        WidgetSettings,
    },
};

use uuid::Uuid;

pub use answer::{AnswerOutcome, AnswerPlan, AnswerRule, LinkGone, PublicAnswer, Refusal};
pub use attempts::AttemptStore;
pub use retention::retention_after;

/// What can go wrong in a store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A uniqueness rule was broken; the value names the rule (e.g. `users.email`).
    #[error("conflict on {0}")]
    Conflict(&'static str),
    /// The database URL names a backend this build does not have.
    #[error(
        "unsupported database URL {0:?}: use sqlite://path/to/file.db or \
         postgres://user:password@host:port/database (naming the database)"
    )]
    UnsupportedUrl(String),
    /// The database is held by another writer for longer than the busy timeout (a long
    /// import batch, a paused process): the caller may try again soon.
    #[error("the database is busy")]
    Busy,
    /// The database failed (a migration, a lost connection, a full disk). The driver's error
    /// is kept as the source; its type stays inside the backend.
    #[error("database error: {0}")]
    Database(#[source] Box<dyn std::error::Error + Send + Sync>),
    /// The data keys cannot be opened (a wrong master key).
    #[error("{0}")]
    Keys(String),
    /// A stored value does not parse (a bug or a hand-edited database). The value is not in
    /// the message: it may be personal, and messages reach the log.
    #[error("corrupt value in {column}")]
    Corrupt {
        /// Table and column (or the column as the query named it).
        column: String,
        /// The offending value, or why it does not decode.
        value: String,
    },
}

impl StoreError {
    /// A backend's failure that is none of the named cases.
    pub fn database(error: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> StoreError {
        StoreError::Database(error.into())
    }
}

/// sqlx's errors as the store names them, for the backends built on it: a lock held too long
/// is [`StoreError::Busy`], a column that does not decode is [`StoreError::Corrupt`]. Unique
/// violations are the backend's to name (see each backend's conflict mapping).
impl From<sqlx::Error> for StoreError {
    fn from(error: sqlx::Error) -> Self {
        let busy = match &error {
            sqlx::Error::Database(db) => db.code().is_some_and(|code| is_busy(&code)),
            sqlx::Error::PoolTimedOut => true,
            _ => false,
        };
        if busy {
            return StoreError::Busy;
        }
        match error {
            // A value of a column that does not decode to its type (a time out of range, a
            // negative count): named, never replaced by a default.
            sqlx::Error::ColumnDecode { index, source } => StoreError::Corrupt {
                column: index.trim_matches('"').to_owned(),
                value: source.to_string(),
            },
            error => StoreError::Database(Box::new(error)),
        }
    }
}

/// Whether a driver's error code says another transaction holds what this one needs.
/// PostgreSQL reports a five-character SQLSTATE (serialisation failure, deadlock, lock not
/// available); SQLite a number of at most four digits, BUSY (5) or LOCKED (6) in its low byte.
fn is_busy(code: &str) -> bool {
    if code.len() == 5 {
        return matches!(code, "40001" | "40P01" | "55P03");
    }
    code.parse::<u32>()
        .is_ok_and(|code| matches!(code & 0xFF, 5 | 6))
}

/// The length of the quarter hours the Overview's changes are counted in, in seconds: every
/// time zone's days start on one.
pub const QUARTER_SECONDS: i64 = 900;

/// A stored value that does not parse, named by its column (the value stays out of messages).
pub fn corrupt(column: &str, value: impl Into<String>) -> StoreError {
    StoreError::Corrupt {
        column: column.to_owned(),
        value: value.into(),
    }
}

/// An organisation's time zone as stored (`organisations.time_zone`).
pub fn stored_time_zone(name: String) -> StoreResult<TimeZoneName> {
    TimeZoneName::parse(&name).map_err(|_| corrupt("organisations.time_zone", name))
}

/// Result of a store call.
pub type StoreResult<T> = Result<T, StoreError>;

#[cfg(test)]
mod busy_tests {
    use super::is_busy;

    #[test]
    fn busy_is_read_from_sqlite_codes_and_postgresql_sqlstates() {
        // SQLite: BUSY, LOCKED and their extended codes (BUSY_SNAPSHOT, LOCKED_SHAREDCACHE).
        for code in ["5", "6", "517", "262"] {
            assert!(is_busy(code), "{code}");
        }
        // SQLite: a unique or primary-key violation, a read-only database.
        for code in ["2067", "1555", "8"] {
            assert!(!is_busy(code), "{code}");
        }
        // PostgreSQL: serialisation failure, deadlock, lock not available; not a unique
        // violation or a syntax error.
        for (code, busy) in [
            ("40001", true),
            ("40P01", true),
            ("55P03", true),
            ("23505", false),
            ("42601", false),
        ] {
            assert_eq!(is_busy(code), busy, "{code}");
        }
    }
}

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

/// The persistence contract: every part a backend must provide. One implementation per
/// backend; one contract test suite for all.
pub trait Store:
    AccountStore
    + RecordStore
    + FieldStore
    + ApiKeyStore
    + WebhookStore
    + IdempotencyStore
    + EncryptionStore
    + FormStore
    + ConsentStore
    + TemplateStore
    + SignUpStore
    + WidgetStore
    + RequestStore
    + RetentionStore
    + AuditStore
    + JobStore
    + InstanceStore
    + LifecycleStore
    + AttemptStore
{
}

/// Opening and closing.
#[async_trait]
pub trait LifecycleStore: Send + Sync + 'static {
    /// Ends use of the store on a clean stop: copies the WAL into the database file and cuts
    /// it to nothing (so the database file alone is complete), then closes the connections.
    async fn close(&self) -> StoreResult<()>;

    /// Rewrites the database into fresh pages (and checkpoints the WAL). `secure_delete`
    /// zeroes deleted cells, but a page rebuilt while rebalancing can keep fragments of them
    /// in its unused gap; a rewrite leaves none.
    async fn compact(&self) -> StoreResult<()>;

    /// The newest migration the database has applied, the newest this build knows, and the
    /// oldest that failed part-way (left marked unsuccessful, by this or another instance);
    /// reading them is also the cheapest proof that the database answers.
    async fn schema_versions(&self) -> StoreResult<(i64, i64, Option<i64>)>;

    /// Whether the loaded master key opens what this database keeps sealed under it (an
    /// organisation's wrapped secret): another instance started with another key file would
    /// otherwise serve with keys that open nothing. `StoreError::Keys` saying so when not.
    async fn keys_open(&self) -> StoreResult<()>;

    /// What an operator watches (queues, jobs, connections, requests' deadlines), as of
    /// `today` for the deadlines.
    async fn figures(&self, today: chrono::NaiveDate) -> StoreResult<figures::OperatingFigures>;
}

/// Organisations, users, sessions, settings.
#[async_trait]
pub trait AccountStore: Send + Sync + 'static {
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

    /// Every organisation, oldest first.
    async fn organisations(&self) -> StoreResult<Vec<OrganisationSummary>>;

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

    /// The e-mail address of the organisation's oldest administrator: whom a receipt names
    /// when the controller profile has no address. Read on every public answer, so a backend
    /// may serve it from [`cache::AnswerCache::contacts`].
    async fn administrator_email(
        &self,
        organisation: OrganisationId,
    ) -> StoreResult<Option<String>>;

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

    /// The controller's identity and contact details (empty until first saved).
    async fn controller_profile(
        &self,
        organisation: OrganisationId,
    ) -> StoreResult<consentry_model::compliance::ControllerProfile>;

    /// Saves the controller's details with their audit entry, in one transaction.
    async fn save_controller_profile(
        &self,
        organisation: OrganisationId,
        profile: &consentry_model::compliance::ControllerProfile,
        audit: AuditNote,
    ) -> StoreResult<()>;

    /// Saves the organisation's language and time zone with their audit entry, in one
    /// transaction: the entry's `before` is what the organisation held, read in it, and when
    /// that is `locale` already nothing is written.
    async fn save_organisation_locale(
        &self,
        organisation: OrganisationId,
        locale: &consentry_model::auth::OrganisationLocale,
        audit: AuditNote,
    ) -> StoreResult<()>;

    /// What the user chose on their last export (defaults until they chose).
    async fn export_preferences(
        &self,
        user: UserId,
    ) -> StoreResult<consentry_model::exports::ExportPreferences>;

    /// Remembers what the user chose on an export.
    async fn save_export_preferences(
        &self,
        user: UserId,
        preferences: consentry_model::exports::ExportPreferences,
    ) -> StoreResult<()>;
}

/// What is appended to the audit trail alongside a change, in the same transaction.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditNote {
    /// Who acted (user e-mail, API key name, `system`).
    pub actor: String,
    /// What happened.
    pub action: AuditAction,
    /// What it happened to, e.g. a record id.
    pub subject: Option<String>,
    /// State before (JSON).
    pub before: Option<serde_json::Value>,
    /// State after (JSON).
    pub after: Option<serde_json::Value>,
}

/// A change of a record's basis/consent status, as the domain decided it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrivacyChange {
    /// Basis before (`None`: no Data Privacy section yet).
    pub before_basis: Option<LegalBasis>,
    /// Basis after.
    pub after_basis: LegalBasis,
    /// Status before.
    pub before_status: Option<ConsentStatus>,
    /// Status after.
    pub after_status: Option<ConsentStatus>,
    /// The lawful reason given with this change, kept with its event (never carried over
    /// from an earlier change).
    pub lawful_reason: Option<String>,
    /// The evidence given with consent recorded from another system (art. 7(1)), kept with
    /// its event so the subject's export shows each decision with its own evidence (or the
    /// remarks typed with consent entered by hand).
    pub evidence: Option<String>,
    /// When, how and to which channels consent recorded from elsewhere was given.
    pub given: Option<consentry_model::records::GivenConsent>,
}

/// Consent not renewed in time: given on or before `due_if_given_by` (its lifetime over),
/// asked again once due (a consent request delivered at least `lifetime_days` after the day
/// it was given) and before `asked_before` (the grace period over without a renewed answer).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unrenewed {
    /// The latest day of consent that is renewal due.
    pub due_if_given_by: NaiveDate,
    /// The consent lifetime.
    pub lifetime_days: u32,
    /// The latest delivery of a renewal request whose grace period is over.
    pub asked_before: DateTime<Utc>,
}

/// A record being created.
#[derive(Debug, Clone)]
pub struct RecordWrite {
    /// Its module.
    pub module: ModuleId,
    /// Standard fields.
    pub fields: RecordFields,
    /// Its Data Privacy section (`None` when the module's compliance is off).
    pub privacy: Option<DataPrivacy>,
    /// The privacy event of its creation, if it starts with a basis.
    pub change: Option<PrivacyChange>,
    /// Who creates it, how.
    pub source: DataSource,
}

/// Where a page of a sorted record list ends: the sort key and id of its last record.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Position {
    /// The last record's id (the tie-breaker in every order).
    pub id: RecordId,
    /// The last record's last name, for the last-name order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
}

/// Where a page of the request queue ends: the deadline that applies to its last request,
/// and that request's id (the tie-breaker).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QueuePosition {
    /// The last request's deadline (its extended one when extended).
    pub deadline: chrono::NaiveDate,
    /// The last request's id.
    pub id: RequestId,
}

/// The record was left alone (its processing is stopped).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Skipped;

/// Decides a record's new Data Privacy section from its current one.
pub type PrivacyRule<'a> = &'a (
        dyn Fn(Option<&DataPrivacy>) -> Result<(DataPrivacy, Option<PrivacyChange>), Skipped>
            + Send
            + Sync
    );

/// The audit entry of a privacy change, written in its transaction when anything changed.
pub enum PrivacyAudit<'a> {
    /// One entry for every record changed; the number changed is added to its `after`.
    Of(AuditNote),
    /// One record's change: its entry is made from that record's section as the change found
    /// it and as it left it, so its before and after are what the change did even when the
    /// record changed since the caller read it.
    OfOne(&'a (dyn Fn(Option<&DataPrivacy>, &DataPrivacy) -> AuditNote + Send + Sync)),
}

/// Which records a privacy change applies to.
#[derive(Debug, Clone, Copy)]
pub struct Selection<'a> {
    /// Records matching this filter...
    pub filter: &'a RecordFilter,
    /// ...and, when given, only this one.
    pub only: Option<RecordId>,
    /// When given, nothing is written unless the selection has exactly this many records.
    pub confirmed_count: Option<u64>,
}

/// Outcome of a bulk privacy change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BulkOutcome {
    /// Applied: records changed and skipped.
    Applied {
        /// Records whose section changed.
        changed: u64,
        /// Records left alone.
        skipped: u64,
    },
    /// Nothing written: the filter matched this many records, not the confirmed number.
    CountMismatch(u64),
}

/// Modules, records, their Data Privacy sections and privacy events.
#[async_trait]
pub trait RecordStore: Send + Sync + 'static {
    /// Refreshes the query planner's statistics (hourly and after an import), so that lists
    /// use the index that fits their filter once tables are large.
    async fn refresh_statistics(&self) -> StoreResult<()>;

    /// The organisation's modules with their record counts.
    async fn modules(&self, organisation: OrganisationId) -> StoreResult<Vec<Module>>;

    /// Adds a custom module; `Conflict("modules.key")` when its key is taken.
    async fn insert_module(
        &self,
        organisation: OrganisationId,
        key: &str,
        name: &str,
        audit: AuditNote,
    ) -> StoreResult<Module>;

    /// Turns compliance on or off for a module. Turning it on gives every record without a
    /// Data Privacy section the basis Not Applicable. Returns the module, or `None` when the
    /// organisation has no such module.
    async fn set_module_compliance(
        &self,
        organisation: OrganisationId,
        module: ModuleId,
        enabled: bool,
        audit: AuditNote,
    ) -> StoreResult<Option<Module>>;

    /// Creates a record; `None` when the module is not the organisation's.
    async fn insert_record(
        &self,
        organisation: OrganisationId,
        record: RecordWrite,
        audit: AuditNote,
    ) -> StoreResult<Option<Record>>;

    /// Which of these addresses a record of the module already has (lower-cased), whether
    /// stored as entered or encrypted (found by the blind index).
    async fn existing_emails(
        &self,
        organisation: OrganisationId,
        module: ModuleId,
        emails: &[Email],
    ) -> StoreResult<std::collections::HashSet<String>>;

    /// Creates many records in one transaction (an import batch): all or none. Every record's
    /// module must be the organisation's; returns how many were created.
    async fn insert_records(
        &self,
        organisation: OrganisationId,
        records: Vec<RecordWrite>,
    ) -> StoreResult<u64>;

    /// One record.
    async fn record(
        &self,
        organisation: OrganisationId,
        id: RecordId,
    ) -> StoreResult<Option<Record>>;

    /// A page of records matching `filter` in `sort` order, after the position `after`.
    async fn records(
        &self,
        organisation: OrganisationId,
        filter: &RecordFilter,
        sort: RecordSort,
        after: Option<&Position>,
        limit: u32,
    ) -> StoreResult<Vec<Record>>;

    /// How many records match `filter`.
    async fn count_records(
        &self,
        organisation: OrganisationId,
        filter: &RecordFilter,
    ) -> StoreResult<u64>;

    /// Replaces a record's standard fields; `None` when there is no such record.
    async fn update_record_fields(
        &self,
        organisation: OrganisationId,
        id: RecordId,
        fields: RecordFields,
        source: DataSource,
        audit: AuditNote,
    ) -> StoreResult<Option<Record>>;

    /// Deletes a record (its privacy events stay, as evidence); `false` when there was none.
    async fn delete_record(
        &self,
        organisation: OrganisationId,
        id: RecordId,
        audit: AuditNote,
    ) -> StoreResult<bool>;

    /// Applies `rule` to every selected record in one transaction, recording a privacy event
    /// per change and one audit entry.
    async fn change_privacy(
        &self,
        organisation: OrganisationId,
        selection: Selection<'_>,
        rule: PrivacyRule<'_>,
        source: DataSource,
        audit: PrivacyAudit<'_>,
    ) -> StoreResult<BulkOutcome>;

    /// A record's privacy events, oldest first.
    async fn privacy_events(
        &self,
        organisation: OrganisationId,
        record: RecordId,
    ) -> StoreResult<Vec<PrivacyEvent>>;

    /// Changes of basis or consent status per quarter of an hour from the one `since` falls
    /// in, oldest first: each quarter's start with its count (quarters without any left out).
    async fn privacy_changes_per_quarter(
        &self,
        organisation: OrganisationId,
        since: chrono::DateTime<chrono::Utc>,
    ) -> StoreResult<Vec<(chrono::DateTime<chrono::Utc>, u64)>>;

    /// Record counts per module, basis and consent status (from maintained counters).
    async fn privacy_counts(
        &self,
        organisation: OrganisationId,
    ) -> StoreResult<Vec<(ModuleId, LegalBasis, Option<ConsentStatus>, u64)>>;
}

/// What became of a field change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldChanged {
    /// Saved.
    Saved(Field),
    /// No such field in the module.
    NotFound,
    /// Nothing saved: records still hold a picklist option the change removes.
    OptionsInUse(u64),
}

/// The standard and custom fields of modules.
#[async_trait]
pub trait FieldStore: Send + Sync + 'static {
    /// A module's fields in form order; `None` when the module is not the organisation's.
    async fn fields(
        &self,
        organisation: OrganisationId,
        module: ModuleId,
    ) -> StoreResult<Option<Vec<Field>>>;

    /// Every field of every module of the organisation, by module (one query; no record
    /// counts).
    async fn organisation_fields(
        &self,
        organisation: OrganisationId,
    ) -> StoreResult<Vec<(ModuleId, Field)>>;

    /// Adds a custom field after the others (its id is replaced by a new one); `None` when
    /// the module is not the organisation's, `Conflict("module_fields.key")` when its key is
    /// taken.
    async fn insert_field(
        &self,
        organisation: OrganisationId,
        module: ModuleId,
        field: Field,
        audit: AuditNote,
    ) -> StoreResult<Option<Field>>;

    /// Saves a field's label, options, required flag and classification. Refused when a
    /// picklist option that records still hold would be removed.
    async fn update_field(
        &self,
        organisation: OrganisationId,
        module: ModuleId,
        field: Field,
        audit: AuditNote,
    ) -> StoreResult<FieldChanged>;

    /// Removes a custom field and every record's value of it; `false` when there is no such
    /// custom field.
    async fn delete_field(
        &self,
        organisation: OrganisationId,
        module: ModuleId,
        field: FieldId,
        audit: AuditNote,
    ) -> StoreResult<bool>;
}

/// API keys: created with a hashed secret, listed, revoked, and found by their secret.
#[async_trait]
pub trait ApiKeyStore: Send + Sync + 'static {
    /// Stores a new key (its secret only as `secret_hash`), audited.
    async fn insert_api_key(
        &self,
        organisation: OrganisationId,
        key: &ApiKey,
        secret_hash: &[u8; 32],
        audit: AuditNote,
    ) -> StoreResult<()>;

    /// The organisation's keys, newest first.
    async fn api_keys(&self, organisation: OrganisationId) -> StoreResult<Vec<ApiKey>>;

    /// Revokes a key; `None` when it is not the organisation's.
    async fn revoke_api_key(
        &self,
        organisation: OrganisationId,
        id: ApiKeyId,
        audit: AuditNote,
    ) -> StoreResult<Option<ApiKey>>;

    /// The unrevoked key with this secret hash and its organisation, noting its use.
    async fn api_key_by_secret(
        &self,
        secret_hash: &[u8; 32],
        now: DateTime<Utc>,
    ) -> StoreResult<Option<(ApiKey, OrganisationSummary)>>;
}

/// What an `Idempotency-Key` found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Claim {
    /// Claimed for this request (first use, or a claim whose lease ran out): run it, then
    /// [`IdempotencyStore::finish_idempotent`] with the same token.
    New,
    /// Another request with this key is running and its lease has not run out.
    Running,
    /// Used before for a different request.
    Mismatch,
    /// Answered before: status, content type and body.
    Answered(u16, Option<String>, Vec<u8>),
    /// A request with this key made its change but never kept its answer (its server was
    /// stopped in between): running it again would make the change twice.
    Interrupted(KeyedChange),
}

/// The change a keyed request made, as its audit entry names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyedChange {
    /// The audit entry's place in its organisation's trail.
    pub seq: u64,
    /// The audit entry's action code (`record.created`, …).
    pub action: String,
    /// When the change was made.
    pub at: DateTime<Utc>,
}

/// An `Idempotency-Key` as one request holds it: what finishing or releasing its claim needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeldKey {
    /// Who is calling, hashed (their API key or session).
    pub caller: [u8; 32],
    /// The key they sent.
    pub key: String,
    /// This request's own token: a claim taken over by a retry has another, so a late finish
    /// or release of this request never touches it.
    pub token: [u8; 16],
}

/// A request's claim on an `Idempotency-Key`.
#[derive(Debug, Clone, Copy)]
pub struct IdempotencyClaim<'a> {
    /// The key and the claiming request's token.
    pub held: &'a HeldKey,
    /// The request, hashed (path and body): the same key for another request is refused.
    pub fingerprint: &'a [u8; 32],
    /// When the claim is made.
    pub now: DateTime<Utc>,
    /// Until when the claim holds if the request never finishes; after it, a retry takes the
    /// claim over.
    pub lease_until: DateTime<Utc>,
}

/// First answers to POSTs with an `Idempotency-Key`.
#[async_trait]
pub trait IdempotencyStore: Send + Sync + 'static {
    /// Claims the key for this request, or says what happened before. Taking over a claim
    /// whose lease has run out is decided in one statement, so of two retries only one runs.
    async fn claim_idempotent(&self, claim: IdempotencyClaim<'_>) -> StoreResult<Claim>;

    /// Keeps the answer (`Some`), or releases the claim so a retry runs again (`None`), as
    /// long as the claim is still the one `held` made. Returns whether it was. A claim whose
    /// request already made its change is not released but ends its lease at once: a retry
    /// then gets [`Claim::Interrupted`], never a second change.
    async fn finish_idempotent(
        &self,
        held: &HeldKey,
        answer: Option<(u16, Option<String>, Vec<u8>)>,
    ) -> StoreResult<bool>;

    /// Forgets answers older than `before`.
    async fn purge_idempotent(&self, before: DateTime<Utc>) -> StoreResult<u64>;
}

/// A delivery due to be sent, with what sending needs.
#[derive(Debug, Clone)]
pub struct DueDelivery {
    /// The delivery.
    pub delivery: WebhookDelivery,
    /// Its organisation.
    pub organisation: OrganisationId,
    /// Where to post.
    pub url: String,
    /// The signing secret (unwrapped): `whsec_` and base64 of the HMAC key.
    pub secret: String,
    /// Made before Standard Webhooks signing: the HMAC key is the secret's text, and the
    /// old `Consentry-Signature` header is sent too.
    pub legacy: bool,
    /// The record or request the event is about.
    pub subject: Option<String>,
    /// The event's id: the same for every subscriber and every retry.
    pub event_id: uuid::Uuid,
    /// The non-personal facts of the moment it happened (`None` for deliveries queued by
    /// an older version).
    pub facts: Option<serde_json::Value>,
    /// When its current retry schedule started: when it was queued, or retried as a dead
    /// letter.
    pub schedule_started_at: DateTime<Utc>,
}

/// Which due deliveries the sender can start now: pending ones whose time has come, oldest
/// first, leaving out those being sent and the webhooks and organisations at their bound
/// of deliveries in flight, and at most `per_webhook` of one webhook and `per_organisation`
/// of one organisation, so one receiver's backlog never hides another's deliveries.
#[derive(Debug, Clone, Default)]
pub struct DueQuery {
    /// Now.
    pub now: DateTime<Utc>,
    /// At most this many.
    pub limit: u32,
    /// At most this many of one webhook.
    pub per_webhook: u32,
    /// At most this many of one organisation.
    pub per_organisation: u32,
    /// Deliveries being sent.
    pub in_flight: Vec<uuid::Uuid>,
    /// Webhooks with as many deliveries in flight as allowed.
    pub busy_webhooks: Vec<WebhookId>,
    /// Organisations with as many deliveries in flight as allowed.
    pub busy_organisations: Vec<OrganisationId>,
}

/// A dead delivery to queue again, audited.
#[derive(Debug, Clone)]
pub struct RetryDelivery {
    /// Its organisation.
    pub organisation: OrganisationId,
    /// Its webhook.
    pub webhook: WebhookId,
    /// The delivery.
    pub delivery: uuid::Uuid,
    /// Now: the fresh schedule starts.
    pub now: DateTime<Utc>,
    /// The audit entry.
    pub audit: AuditNote,
}

/// What asking to retry a delivery came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Retried {
    /// Queued again.
    Queued(WebhookDelivery),
    /// It is not dead (pending or delivered): nothing changed.
    NotDead(DeliveryState),
    /// No such delivery of that webhook in the organisation.
    NotFound,
}

/// An event the audit trail raises for webhooks, with the non-personal facts of the
/// moment: the audited action, its subject and the state before and after (the audit trail
/// holds no personal values, so neither do these).
#[derive(Debug, Clone, PartialEq)]
pub struct RaisedEvent {
    /// The event.
    pub event: WebhookEvent,
    /// Its id, shared by every subscriber's delivery.
    pub id: uuid::Uuid,
    /// What was true when it happened.
    pub facts: serde_json::Value,
}

/// The webhook events an audited change raises, by its action alone (a backend only
/// stores them).
pub fn raised_events(note: &AuditNote) -> Vec<RaisedEvent> {
    WebhookEvent::of(note.action)
        .iter()
        .map(|&event| RaisedEvent {
            event,
            id: uuid::Uuid::now_v7(),
            facts: serde_json::json!({
                "action": note.action.code(),
                "subject": note.subject,
                "before": note.before,
                "after": note.after,
            }),
        })
        .collect()
}

/// What one attempt at a delivery came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attempt {
    /// The receiver's HTTP status, when it answered (never for a refused target).
    pub status: Option<u16>,
    /// Why it was not accepted, when not for its status alone.
    pub failure: Option<DeliveryFailure>,
    /// The new state.
    pub state: DeliveryState,
    /// When to try again (Pending only).
    pub next_attempt_at: DateTime<Utc>,
}

/// Webhook subscriptions and their deliveries (queued by the audit trail in the same
/// transaction as the change they report).
#[async_trait]
pub trait WebhookStore: Send + Sync + 'static {
    /// Stores a subscription, audited.
    async fn insert_webhook(
        &self,
        organisation: OrganisationId,
        webhook: &Webhook,
        secret: &str,
        audit: AuditNote,
    ) -> StoreResult<()>;

    /// The organisation's subscriptions.
    async fn webhooks(&self, organisation: OrganisationId) -> StoreResult<Vec<Webhook>>;

    /// Removes a subscription and its deliveries; `false` when it is not the organisation's.
    async fn delete_webhook(
        &self,
        organisation: OrganisationId,
        id: WebhookId,
        audit: AuditNote,
    ) -> StoreResult<bool>;

    /// The organisation's latest deliveries, newest first.
    async fn webhook_deliveries(
        &self,
        organisation: OrganisationId,
        limit: u32,
    ) -> StoreResult<Vec<WebhookDelivery>>;

    /// Pending deliveries whose time has come that the sender can start (see [`DueQuery`]).
    async fn due_deliveries(&self, query: DueQuery) -> StoreResult<Vec<DueDelivery>>;

    /// Records an attempt at a pending delivery.
    async fn record_attempt(&self, delivery: uuid::Uuid, attempt: Attempt) -> StoreResult<()>;

    /// Queues a dead delivery again with a fresh schedule (attempts from 0, its event id
    /// kept), audited; checked and changed in one transaction.
    async fn retry_delivery(&self, retry: RetryDelivery) -> StoreResult<Retried>;
}

/// Encryption at rest: switching fields, the background jobs, the data keys.
#[async_trait]
pub trait EncryptionStore: Send + Sync + 'static {
    /// Switches a field to Encrypting (`on`) or Decrypting and queues the job that brings its
    /// values there, in one transaction. `None` when the field is not the module's or the
    /// module not the organisation's; `Conflict("encryption.busy")` while a job for the field
    /// is unfinished, `Conflict("encryption.unchanged")` when it is already so.
    async fn set_field_encryption(
        &self,
        organisation: OrganisationId,
        module: ModuleId,
        field: FieldId,
        on: bool,
        audit: AuditNote,
    ) -> StoreResult<Option<EncryptionJob>>;

    /// The data keys and the organisation's recent jobs (with installation-wide rotations).
    async fn encryption_status(
        &self,
        organisation: OrganisationId,
    ) -> StoreResult<EncryptionStatus>;

    /// Adds a new data key, which encrypts from now on, and queues re-encrypting every
    /// encrypted value under it.
    async fn rotate_key(&self, started_by: &str) -> StoreResult<EncryptionJob>;

    /// The oldest job waiting for a worker.
    async fn next_encryption_job(&self) -> StoreResult<Option<EncryptionJob>>;

    /// One job, wherever it is.
    async fn encryption_job(&self, job: EncryptionJobId) -> StoreResult<Option<EncryptionJob>>;

    /// Claims a waiting job for this worker (marks it Running and counts the records it goes
    /// through); `false` when another worker has it.
    async fn start_encryption_job(&self, job: EncryptionJobId) -> StoreResult<bool>;

    /// Puts jobs a stopped process left Running back in the queue (at server start).
    async fn requeue_encryption_jobs(&self) -> StoreResult<u64>;

    /// Rewrites up to `limit` records after `after` under the current rules and key, adding
    /// them to the job's progress; the last one done, or `None` when none were left.
    async fn run_encryption_batch(
        &self,
        job: EncryptionJobId,
        after: Option<(OrganisationId, RecordId)>,
        limit: u32,
    ) -> StoreResult<Option<(OrganisationId, RecordId)>>;

    /// Ends a job: the field becomes On or Off; after a rotation, keys nothing uses any more
    /// are deleted.
    async fn finish_encryption_job(&self, job: EncryptionJobId) -> StoreResult<()>;

    /// Ends a job as failed, saying why.
    async fn fail_encryption_job(&self, job: EncryptionJobId, detail: &str) -> StoreResult<()>;
}

/// A site visitor's decision, as stored.
#[derive(Debug, Clone)]
pub struct VisitorConsentWrite {
    /// The event's (and receipt's) id.
    pub id: Uuid,
    /// The form.
    pub form: FormId,
    /// The version shown.
    pub version: u32,
    /// Its text hash.
    pub text_hash: String,
    /// The language shown.
    pub lang: FormLang,
    /// How the visitor answered.
    pub choice: VisitorChoice,
    /// The purposes granted.
    pub granted: std::collections::BTreeSet<String>,
    /// Whether Global Privacy Control applied.
    pub gpc: bool,
    /// The embedding site.
    pub origin: Option<String>,
    /// The client's address, truncated.
    pub ip: Option<String>,
    /// The browser.
    pub user_agent: Option<String>,
    /// The rule the banner applied.
    pub rule: RegionRule,
    /// When.
    pub at: DateTime<Utc>,
}

/// A banner or notice shown, counted per form version, rule and day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Impression {
    /// The form.
    pub form: FormId,
    /// The version shown.
    pub version: u32,
    /// The rule applied.
    pub rule: RegionRule,
    /// The day (UTC).
    pub day: NaiveDate,
}

/// Which part of a form's consent log to read.
#[derive(Debug, Clone, Copy, Default)]
pub struct VisitorConsentQuery {
    /// Only this receipt.
    pub receipt: Option<Uuid>,
    /// Only decisions older than this one.
    pub after: Option<Uuid>,
    /// At most this many.
    pub limit: u32,
}

/// The embeddable widget: where forms may be embedded, and visitors' decisions.
#[async_trait]
pub trait WidgetStore: Send + Sync + 'static {
    /// Sets a form's widget settings; `None` when there is no such form.
    async fn set_widget(
        &self,
        organisation: OrganisationId,
        form: FormId,
        settings: &WidgetSettings,
        audit: AuditNote,
    ) -> StoreResult<Option<ConsentForm>>;

    /// Stores a visitor's decision.
    async fn insert_visitor_consent(
        &self,
        organisation: OrganisationId,
        consent: &VisitorConsentWrite,
    ) -> StoreResult<()>;

    /// A form's consent log, newest first: at most `limit` decisions older than `after`, or
    /// the one with receipt id `receipt`.
    async fn visitor_consents(
        &self,
        organisation: OrganisationId,
        form: FormId,
        query: VisitorConsentQuery,
    ) -> StoreResult<Vec<VisitorConsent>>;

    /// How a form's banner has been answered.
    async fn visitor_consent_summary(
        &self,
        organisation: OrganisationId,
        form: FormId,
    ) -> StoreResult<VisitorConsentSummary>;

    /// Counts a banner or notice shown (durable when it returns, like a decision).
    async fn count_impression(
        &self,
        organisation: OrganisationId,
        impression: Impression,
    ) -> StoreResult<()>;

    /// A form's banner figures per version and rule over the days `from` to `to` (UTC,
    /// both included), newest version first.
    async fn banner_figures(
        &self,
        organisation: OrganisationId,
        form: FormId,
        from: NaiveDate,
        to: NaiveDate,
    ) -> StoreResult<Vec<BannerFigures>>;
}

/// Consent forms and their published versions.
#[async_trait]
pub trait FormStore: Send + Sync + 'static {
    /// The organisation's forms by name.
    async fn forms(&self, organisation: OrganisationId) -> StoreResult<Vec<FormSummary>>;

    /// One form with its draft and latest version.
    async fn form(
        &self,
        organisation: OrganisationId,
        id: FormId,
    ) -> StoreResult<Option<ConsentForm>>;

    /// Creates a form; `Conflict("consent_forms.slug")` when the slug is taken.
    async fn insert_form(
        &self,
        organisation: OrganisationId,
        name: &str,
        slug: &str,
        draft: &FormDesign,
        audit: AuditNote,
    ) -> StoreResult<ConsentForm>;

    /// Replaces a form's draft.
    async fn save_draft(
        &self,
        organisation: OrganisationId,
        id: FormId,
        draft: &FormDesign,
        audit: AuditNote,
    ) -> StoreResult<Option<ConsentForm>>;

    /// Publishes the draft as the next immutable version with the SHA-256 of its stored JSON.
    async fn publish(
        &self,
        organisation: OrganisationId,
        id: FormId,
        published_by: &str,
        audit: AuditNote,
    ) -> StoreResult<Option<ConsentForm>>;

    /// Replaces the draft by the latest published version; `None` when there is none.
    async fn revert_draft(
        &self,
        organisation: OrganisationId,
        id: FormId,
        audit: AuditNote,
    ) -> StoreResult<Option<ConsentForm>>;

    /// A form's published versions, newest first.
    async fn form_versions(
        &self,
        organisation: OrganisationId,
        id: FormId,
    ) -> StoreResult<Vec<FormVersion>>;
}

/// A consent link as stored: who it is for and until when it works.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsentLink {
    /// Whose record.
    pub organisation: OrganisationId,
    /// The organisation's display name.
    pub organisation_name: String,
    /// The organisation's time zone: the day an answer is dated on is its day there.
    pub organisation_time_zone: TimeZoneName,
    /// The record.
    pub record: RecordId,
    /// The record's module (what a receipt covers).
    pub module: ModuleId,
    /// The form.
    pub form: FormId,
    /// The form's name.
    pub form_name: String,
    /// When it stops working.
    pub expires_at: DateTime<Utc>,
    /// When the subject withdrew or refused through it.
    pub spent_at: Option<DateTime<Utc>>,
    /// When a newer consent request for the record and form replaced it.
    pub revoked_at: Option<DateTime<Utc>>,
}

/// A message to keep in the outbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewMessage {
    /// What it is for.
    pub kind: MessageKind,
    /// The record it goes to.
    pub record: Option<RecordId>,
    /// The address.
    pub recipient: String,
    /// Subject line.
    pub subject: String,
    /// Plain-text body.
    pub body_text: String,
    /// HTML body, if any.
    pub body_html: Option<String>,
    /// Delivery state to start in.
    pub status: DeliveryStatus,
    /// What takes the place of [`consentry_model::consent::MASKED_TOKEN`] in the bodies and
    /// the List-Unsubscribe address when the message is handed over: stored only wrapped
    /// with the master key.
    pub secret: Option<String>,
    /// The List-Unsubscribe address (masked like the body).
    pub list_unsubscribe: Option<String>,
    /// The consent link the message carries (its token's SHA-256).
    pub link: Option<[u8; 32]>,
    /// What delivering it does.
    pub on_delivered: Option<OnDelivered>,
    /// The bulk send that made it.
    pub job: Option<Uuid>,
    /// The data-subject request it tells the requester about, and what it tells.
    pub about_request: Option<(RequestId, consentry_model::requests::RequestNotice)>,
    /// When what it carries (a code, a link) stops working: it is not retried past then.
    pub expires_at: Option<DateTime<Utc>>,
}

/// A queued message given up as failed (see [`ConsentStore::mark_failed`]).
#[derive(Debug, Clone, Copy)]
pub struct FailedWrite<'a> {
    /// Its organisation.
    pub organisation: OrganisationId,
    /// The message.
    pub message: Uuid,
    /// Why, for the Outbox.
    pub reason: &'a str,
    /// The note for its record's history.
    pub note: &'a DataSource,
    /// Whether an attempt was made just now (counted); `false` when it expired while waiting.
    pub attempted: bool,
}

/// What delivering a message does besides marking it sent.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OnDelivered {
    /// A consent request: the record moves to Waiting, its waiting period starting then.
    ConsentRequest {
        /// The form asked about.
        form: FormId,
        /// The template the message was made from (the built-in one when `None`).
        template: Option<TemplateId>,
    },
    /// A double opt-in confirmation for a record the sign-up created: it moves to Waiting,
    /// its waiting period starting then.
    SignUpConfirmation {},
}

impl OnDelivered {
    /// What the message is, in a record's history.
    pub fn noun(&self) -> consentry_model::notes::MessageNoun {
        use consentry_model::notes::MessageNoun;
        match self {
            OnDelivered::ConsentRequest { .. } => MessageNoun::ConsentRequest,
            OnDelivered::SignUpConfirmation { .. } => MessageNoun::SignUpConfirmation,
        }
    }
}

/// A message as the outbox keeps it, with what its delivery needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredMessage {
    /// Its organisation.
    pub organisation: OrganisationId,
    /// The message as the Outbox shows it (the link masked).
    pub message: OutboxMessage,
    /// What takes the place of the mask, unwrapped.
    pub secret: Option<String>,
    /// The List-Unsubscribe address (masked).
    pub list_unsubscribe: Option<String>,
    /// The consent link it carries.
    pub link: Option<[u8; 32]>,
    /// What delivering it does.
    pub on_delivered: Option<OnDelivered>,
    /// The bulk send that made it.
    pub job: Option<Uuid>,
    /// When its current retry schedule started.
    pub schedule_started_at: Option<DateTime<Utc>>,
    /// When what it carries stops working (`None`: nothing in it expires).
    pub expires_at: Option<DateTime<Utc>>,
}

/// A consent request to write in one transaction: the new link (revoking the record's earlier
/// live links for the form, and superseding the undelivered messages that carry them), the
/// message, the note in the record's history and the audit entry. The record's status does
/// not change: delivering the message does that.
#[derive(Debug, Clone)]
pub struct ConsentRequestWrite {
    /// The organisation.
    pub organisation: OrganisationId,
    /// The record.
    pub record: RecordId,
    /// The link: its token's SHA-256, the form, when it expires.
    pub link: ([u8; 32], FormId, DateTime<Utc>),
    /// The message carrying it.
    pub message: NewMessage,
    /// The note for the record's history ("Consent request queued").
    pub note: DataSource,
    /// A failed message this one is sent in place of (a retry with a fresh link); the write
    /// fails with `Conflict("outbox.replaced")` when it was replaced already.
    pub replaces: Option<Uuid>,
    /// The write fails with `Conflict("outbox.asked_since")` when the record was sent a
    /// consent request at or after this time that has not failed (queued, kept or sent).
    pub skip_asked_since: Option<DateTime<Utc>>,
    /// The audit entry.
    pub audit: AuditNote,
}

/// A message delivered: accepted by the SMTP server, or handed over to be sent by hand.
pub struct DeliveredWrite<'a> {
    /// Its organisation.
    pub organisation: OrganisationId,
    /// The message.
    pub message: Uuid,
    /// The state it must be in: Queued for the sender (a message superseded while it was
    /// being sent counts as sent all the same), Stored for a hand-over.
    pub from: DeliveryStatus,
    /// When.
    pub at: DateTime<Utc>,
    /// The server's answer, or who took it to send by hand.
    pub detail: String,
    /// When the message has an effect on its record (and any consent link it carries still
    /// works): the record's new Data Privacy section and its history entry.
    pub rule: PrivacyRule<'a>,
    /// Who and what the history entry names.
    pub source: DataSource,
    /// The audit entry (a hand-over).
    pub audit: Option<AuditNote>,
}

/// A failed message to queue again.
#[derive(Debug, Clone)]
pub struct RequeueWrite {
    /// Its organisation.
    pub organisation: OrganisationId,
    /// The message.
    pub message: Uuid,
    /// Now: the fresh retry schedule starts.
    pub now: DateTime<Utc>,
    /// The note for a consent request's record ("Consent request queued again").
    pub note: DataSource,
    /// The audit entry.
    pub audit: AuditNote,
}

/// What asking to queue a message again came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Requeued {
    /// Queued again.
    Queued,
    /// It has not failed: nothing changed.
    NotFailed(DeliveryStatus),
    /// Another message was sent in its place: nothing changed.
    Replaced,
    /// Its consent link no longer works (expired, revoked or spent): nothing changed; send
    /// a fresh request in its place.
    LinkGone,
    /// No such message in the organisation.
    NotFound,
}

/// How a bulk send's messages stand.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct JobDeliveries {
    /// Waiting for the SMTP server.
    pub queued: u64,
    /// Accepted (or handed over).
    pub delivered: u64,
    /// Not delivered, and not replaced by another message.
    pub failed: u64,
    /// Kept in the Outbox (no SMTP server).
    pub stored: u64,
}

/// A consent event to record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsentEventWrite {
    /// The record.
    pub record: RecordId,
    /// The form and the version the subject read.
    pub form: FormId,
    /// Version number.
    pub version: u32,
    /// The version's text hash.
    pub text_hash: String,
    /// The language read.
    pub lang: FormLang,
    /// `granted`, `refused` or `withdrawn`.
    pub decision: &'static str,
    /// The choices, as JSON.
    pub choices: ConsentChoices,
    /// When.
    pub at: DateTime<Utc>,
    /// The truncated client address.
    pub ip: Option<String>,
    /// The browser's user agent.
    pub user_agent: Option<String>,
}

/// Consent links, consent events and the outbox.
#[async_trait]
pub trait ConsentStore: Send + Sync + 'static {
    /// Writes a consent request in one transaction (see [`ConsentRequestWrite`]); returns the
    /// message's id.
    async fn send_consent_request(&self, write: ConsentRequestWrite) -> StoreResult<Uuid>;

    /// The link with this token hash.
    async fn consent_link(&self, token_hash: &[u8; 32]) -> StoreResult<Option<ConsentLink>>;

    /// When the newest link for a record and form was created.
    async fn latest_link_created(
        &self,
        organisation: OrganisationId,
        record: RecordId,
        form: FormId,
    ) -> StoreResult<Option<DateTime<Utc>>>;

    /// A form's latest published version and design.
    async fn published_form(
        &self,
        organisation: OrganisationId,
        form: FormId,
    ) -> StoreResult<Option<(FormVersion, FormDesign)>>;

    /// The choices of the record's latest consent event on a form.
    async fn latest_choices(
        &self,
        organisation: OrganisationId,
        record: RecordId,
        form: FormId,
    ) -> StoreResult<Option<ConsentChoices>>;

    /// Writes a subject's answer through a consent link in one transaction: checks the link
    /// still takes answers, decides with the answer's rule on the record's section as it is
    /// there, and writes the consent event, the record's new section with its privacy event,
    /// the link spent (when the plan says so) and the audit entry — or nothing.
    async fn record_consent(&self, answer: PublicAnswer) -> StoreResult<AnswerOutcome>;

    /// Messages of the outbox matching `query`, newest first, at most `limit` (the query's
    /// own limit is checked by the caller).
    async fn outbox(
        &self,
        organisation: OrganisationId,
        query: &consentry_model::consent::OutboxQuery,
        limit: u32,
    ) -> StoreResult<Vec<OutboxMessage>>;

    /// How many messages match `query` (its `before` and `limit` aside), and how many of the
    /// whole outbox failed with nothing sent in their place (the ones *Retry all* retries).
    async fn outbox_counts(
        &self,
        organisation: OrganisationId,
        query: &consentry_model::consent::OutboxQuery,
    ) -> StoreResult<OutboxCounts>;

    /// Moves every record of the organisation whose consent request was mailed before
    /// `cutoff` and is still Waiting to Not Responded, each with its privacy event; returns
    /// how many.
    async fn expire_waiting(
        &self,
        organisation: OrganisationId,
        cutoff: DateTime<Utc>,
        source: &DataSource,
    ) -> StoreResult<u64>;

    /// Moves every record of the organisation whose Obtained consent is renewal due and whose
    /// renewal request went out before the grace period (see [`Unrenewed`]) to Not Responded,
    /// each with its privacy event; returns how many.
    async fn expire_unrenewed(
        &self,
        organisation: OrganisationId,
        unrenewed: Unrenewed,
        source: &DataSource,
    ) -> StoreResult<u64>;

    /// The organisation's receipt-signing key: its id and 32-byte secret.
    async fn signing_key(
        &self,
        organisation: OrganisationId,
    ) -> StoreResult<Option<(String, [u8; 32])>>;

    /// Stores the organisation's signing key unless it has one already.
    async fn insert_signing_key(
        &self,
        organisation: OrganisationId,
        kid: &str,
        secret: &[u8; 32],
        public: &[u8; 32],
    ) -> StoreResult<()>;

    /// Every organisation's public key by key id.
    async fn public_keys(&self) -> StoreResult<Vec<(String, [u8; 32])>>;

    /// One message of the organisation, with what its delivery needs.
    async fn outbox_message(
        &self,
        organisation: OrganisationId,
        message: Uuid,
    ) -> StoreResult<Option<StoredMessage>>;

    /// Queued messages of every organisation whose next attempt is due at `now` and that no
    /// sender holds, oldest first: their organisation and id, for [`Self::claim_message`].
    async fn due_messages(
        &self,
        now: DateTime<Utc>,
        limit: u32,
    ) -> StoreResult<Vec<(OrganisationId, Uuid)>>;

    /// Claims one attempt at a message until `until`, in one conditional update on a message
    /// still queued, due and unclaimed, and returns the message as that update left it; `None`
    /// when it is no longer to be sent (failed, replaced, deleted, or claimed by another
    /// sender meanwhile). Recording the attempt's outcome ends the claim.
    async fn claim_message(
        &self,
        organisation: OrganisationId,
        message: Uuid,
        now: DateTime<Utc>,
        until: DateTime<Utc>,
    ) -> StoreResult<Option<StoredMessage>>;

    /// When the next queued message is due (or its claim runs out).
    async fn next_message_due(&self) -> StoreResult<Option<DateTime<Utc>>>;

    /// Marks a message delivered in one transaction with what that does (see
    /// [`DeliveredWrite`]); `false` when it was not in the expected state.
    async fn mark_delivered(&self, write: DeliveredWrite<'_>) -> StoreResult<bool>;

    /// Counts a failed attempt at a queued message and sets when it is tried again.
    async fn mark_retry(
        &self,
        organisation: OrganisationId,
        message: Uuid,
        reason: &str,
        next: DateTime<Utc>,
    ) -> StoreResult<()>;

    /// Gives a queued message up as failed; when delivering it would have changed its record
    /// (and any consent link it carries still works), the record gets the write's note in its
    /// history. One transaction.
    async fn mark_failed(&self, write: FailedWrite<'_>) -> StoreResult<()>;

    /// Queues a failed message again with a fresh retry schedule, checked and changed in one
    /// transaction (see [`Requeued`]).
    async fn requeue_message(&self, write: RequeueWrite) -> StoreResult<Requeued>;

    /// The organisation's failed messages that nothing replaced, oldest first.
    async fn failed_messages(&self, organisation: OrganisationId) -> StoreResult<Vec<Uuid>>;

    /// One record with where its newest consent request stands, both read in one
    /// transaction: a delivery recorded meanwhile shows in both or in neither.
    async fn record_with_consent_request(
        &self,
        organisation: OrganisationId,
        record: RecordId,
    ) -> StoreResult<Option<Record>>;

    /// Messages written before links were sealed (kind `other`) whose body holds a consent
    /// link: (organisation, id, text, HTML).
    async fn legacy_link_messages(
        &self,
    ) -> StoreResult<Vec<(OrganisationId, Uuid, String, Option<String>)>>;

    /// Rewrites such a message the way consent requests are kept now: the bodies with the link
    /// masked, the token sealed beside them, the link's hash, the kind `consent_request`.
    async fn seal_legacy_message(
        &self,
        organisation: OrganisationId,
        message: Uuid,
        masked: (String, Option<String>),
        token: &str,
    ) -> StoreResult<()>;

    /// A bulk send's job and how its messages stand, read as of one moment.
    async fn bulk_job(
        &self,
        organisation: OrganisationId,
        job: Uuid,
    ) -> StoreResult<Option<(JobRow, JobDeliveries)>>;
}

/// A published form as the public sign-up page finds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicForm {
    /// The organisation.
    pub organisation: OrganisationId,
    /// Its display name.
    pub organisation_name: String,
    /// Its time zone: the day consent given at sign-up is dated on is its day there.
    pub organisation_time_zone: TimeZoneName,
    /// The organisation's double opt-in default.
    pub organisation_double_opt_in: bool,
    /// The form.
    pub form: FormId,
    /// Its internal name.
    pub form_name: String,
    /// Its sign-up settings.
    pub sign_up: SignUpSettings,
    /// Where it may be embedded.
    pub widget: WidgetSettings,
    /// The latest published version.
    pub version: FormVersion,
    /// Its design.
    pub design: FormDesign,
}

/// Decides a known record's new Data Privacy section, and the event of the change, from the
/// section as the writing transaction reads it (`None`: compliance is off for the record);
/// or why nothing is written.
pub type SectionRule = Box<
    dyn Fn(Option<&DataPrivacy>) -> Result<(DataPrivacy, Option<PrivacyChange>), Refusal>
        + Send
        + Sync,
>;

/// How a sign-up reaches its record.
pub enum SignUpRecord {
    /// A new record (no record of the module had the address).
    New(Box<RecordWrite>),
    /// The record that has the address, with the rule for its new Data Privacy section when
    /// consent is recorded at once.
    Existing {
        /// The record.
        id: RecordId,
        /// Decided on the section as stored, inside the sign-up's transaction.
        privacy: Option<SectionRule>,
    },
}

impl std::fmt::Debug for SignUpRecord {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SignUpRecord::New(record) => f.debug_tuple("New").field(record).finish(),
            SignUpRecord::Existing { id, privacy } => f
                .debug_struct("Existing")
                .field("id", id)
                .field("changes_privacy", &privacy.is_some())
                .finish(),
        }
    }
}

/// A sign-up waiting for confirmation, to store.
#[derive(Debug, Clone)]
pub struct PendingWrite {
    /// SHA-256 of the confirmation link's token.
    pub token_hash: [u8; 32],
    /// The form and the version read.
    pub form: FormId,
    /// Version number.
    pub version: u32,
    /// The language read.
    pub lang: FormLang,
    /// What was ticked.
    pub choices: ConsentChoices,
    /// When the link stops working.
    pub expires_at: DateTime<Utc>,
    /// The confirmation e-mail (its record is set by the store).
    pub message: NewMessage,
}

/// A public sign-up to write in one transaction: the record created or found, and either the
/// pending confirmation (double opt-in) or the consent event (without).
#[derive(Debug)]
pub struct SignUpWrite {
    /// The record.
    pub record: SignUpRecord,
    /// Where the change came from (for an existing record's new section).
    pub source: DataSource,
    /// Double opt-in: what waits for confirmation.
    pub pending: Option<PendingWrite>,
    /// Without double opt-in: the consent event (its record is set by the store).
    pub event: Option<ConsentEventWrite>,
    /// The audit entry (its subject is set to the record by the store).
    pub audit: AuditNote,
}

/// A sign-up waiting for confirmation, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingSignUp {
    /// The organisation.
    pub organisation: OrganisationId,
    /// Its display name.
    pub organisation_name: String,
    /// Its time zone: the day a confirmation is dated on is its day there.
    pub organisation_time_zone: TimeZoneName,
    /// The record.
    pub record: RecordId,
    /// The form.
    pub form: FormId,
    /// Its internal name.
    pub form_name: String,
    /// The version read.
    pub version: u32,
    /// The language read.
    pub lang: FormLang,
    /// What was ticked.
    pub choices: ConsentChoices,
    /// When the link stops working.
    pub expires_at: DateTime<Utc>,
    /// When it was confirmed.
    pub confirmed_at: Option<DateTime<Utc>>,
}

/// Public sign-ups and their confirmations.
#[async_trait]
pub trait SignUpStore: Send + Sync + 'static {
    /// The published form behind `/f/{organisation}/{form}`.
    async fn public_form(
        &self,
        organisation: &OrgSlug,
        form: &str,
    ) -> StoreResult<Option<PublicForm>>;

    /// A published version of a form.
    async fn form_version(
        &self,
        organisation: OrganisationId,
        form: FormId,
        version: u32,
    ) -> StoreResult<Option<(FormVersion, FormDesign)>>;

    /// The first record of a module with this address (any capitals).
    async fn record_by_email(
        &self,
        organisation: OrganisationId,
        module: ModuleId,
        email: &Email,
    ) -> StoreResult<Option<Record>>;

    /// Writes a sign-up in one transaction; returns the record and the consent event's id
    /// when consent was recorded at once, or the refusal of a known record's section rule
    /// (nothing written). `Conflict("records.email")` when a new record was meant but a
    /// record with the address appeared meanwhile (look it up again).
    async fn sign_up(
        &self,
        organisation: OrganisationId,
        write: SignUpWrite,
    ) -> StoreResult<Result<(RecordId, Option<Uuid>), Refusal>>;

    /// The sign-up behind a confirmation token.
    async fn pending_sign_up(&self, token_hash: &[u8; 32]) -> StoreResult<Option<PendingSignUp>>;

    /// Confirms a sign-up in one transaction, as [`ConsentStore::record_consent`] answers a
    /// link: the sign-up marked confirmed (`LinkGone::Spent` when it was already), the
    /// rule's decision on the record's section as it is there, and what it writes.
    async fn confirm_sign_up(&self, answer: PublicAnswer) -> StoreResult<AnswerOutcome>;

    /// Sets a form's sign-up settings; `None` when there is no such form.
    async fn set_sign_up(
        &self,
        organisation: OrganisationId,
        form: FormId,
        settings: SignUpSettings,
        audit: AuditNote,
    ) -> StoreResult<Option<ConsentForm>>;

    /// Forgets sign-ups whose link expired before `before`; how many.
    async fn purge_sign_ups(&self, before: DateTime<Utc>) -> StoreResult<u64>;

    /// Deletes, in one transaction, every sign-up not confirmed by `now` (its waiting period
    /// over) of a record that has no sign-up still waiting, and the record with it when that
    /// sign-up created it and it holds nothing else (see [`ForgottenSignUp::record_deleted`]);
    /// appends `audit(forgotten)` for each record's sign-ups. Returns what went.
    async fn forget_unconfirmed_sign_ups(
        &self,
        now: DateTime<Utc>,
        audit: &(dyn for<'g> Fn(&'g ForgottenSignUp) -> AuditNote + Send + Sync),
    ) -> StoreResult<Vec<ForgottenSignUp>>;
}

/// The unconfirmed sign-ups of one record, deleted after their waiting period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ForgottenSignUp {
    /// The organisation.
    pub organisation: OrganisationId,
    /// The record they were for.
    pub record: RecordId,
    /// How many sign-ups went.
    pub sign_ups: u64,
    /// How many of their confirmation mails went with them (the Outbox keeps none of them).
    pub messages_deleted: u64,
    /// Whether the record went too: one of them created it, and it holds nothing else (only
    /// the sign-up and its confirmation mail wrote it: no consent answer, consent request,
    /// data-subject request, edit, import or basis decision by a person).
    pub record_deleted: bool,
}

/// E-mail templates (their texts checked before they arrive here).
#[async_trait]
pub trait TemplateStore: Send + Sync + 'static {
    /// The organisation's templates, by name.
    async fn templates(&self, organisation: OrganisationId) -> StoreResult<Vec<EmailTemplate>>;

    /// One template.
    async fn template(
        &self,
        organisation: OrganisationId,
        id: TemplateId,
    ) -> StoreResult<Option<EmailTemplate>>;

    /// Stores a new template; `Conflict("email_templates.name")` when the name is taken.
    async fn insert_template(
        &self,
        organisation: OrganisationId,
        content: &TemplateContent,
        audit: AuditNote,
    ) -> StoreResult<EmailTemplate>;

    /// Replaces a template's texts; `None` when there is no such template.
    async fn update_template(
        &self,
        organisation: OrganisationId,
        id: TemplateId,
        content: &TemplateContent,
        audit: AuditNote,
    ) -> StoreResult<Option<EmailTemplate>>;

    /// Deletes a template; whether it existed.
    async fn delete_template(
        &self,
        organisation: OrganisationId,
        id: TemplateId,
        audit: AuditNote,
    ) -> StoreResult<bool>;
}

/// A request's new state after an administrator's action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestChange {
    /// The status the change was decided on: it is written only while the request still
    /// has it (and [`Self::seen_extended_due_on`]), else `Conflict("data_subject_requests.status")`.
    pub seen_status: RequestStatus,
    /// The extended deadline the change was decided on.
    pub seen_extended_due_on: Option<NaiveDate>,
    /// The new status.
    pub status: RequestStatus,
    /// The deadline after an extension.
    pub extended_due_on: Option<NaiveDate>,
    /// Why it was extended.
    pub extension_reason: Option<String>,
    /// Why it was refused.
    pub rejection_reason: Option<String>,
    /// Who closed it and when.
    pub closed: Option<(String, NaiveDate)>,
}

/// A request carried out on its records: see [`RequestStore::carry_out`].
pub struct RequestStep<'a> {
    /// The request.
    pub request: RequestId,
    /// Its records.
    pub records: &'a [RecordId],
    /// What carrying it out does to a record's section; `Skipped` where it does not apply.
    pub rule: PrivacyRule<'a>,
    /// The records' data source for the change.
    pub source: DataSource,
    /// The audit entry of each record changed (its subject is set to the record).
    pub record_audit: AuditNote,
    /// The request's change, decided on it as read.
    pub change: RequestChange,
    /// The message telling the subject, if any.
    pub message: Option<NewMessage>,
    /// The request's audit entry.
    pub audit: AuditNote,
}

impl RequestChange {
    /// No change yet to `request` as it is now: the starting point of one.
    pub fn of(request: &consentry_model::requests::DataSubjectRequest) -> RequestChange {
        RequestChange {
            seen_status: request.status,
            seen_extended_due_on: request.extended_due_on,
            status: request.status,
            extended_due_on: request.extended_due_on,
            extension_reason: request.extension_reason.clone(),
            rejection_reason: request.rejection_reason.clone(),
            closed: None,
        }
    }

    /// Closes `request` as `status` (completed or refused, with why), by whom and when; its
    /// deadline stays as it was.
    pub fn closing(
        request: &consentry_model::requests::DataSubjectRequest,
        status: RequestStatus,
        rejection_reason: Option<String>,
        closed: (String, NaiveDate),
    ) -> RequestChange {
        RequestChange {
            status,
            rejection_reason,
            closed: Some(closed),
            ..RequestChange::of(request)
        }
    }
}

/// Whom an erasure deletes, and what of them to look for in the copies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErasedSubject {
    /// The erasure request (completed by a live erasure; named by the redaction entry).
    pub request: RequestId,
    /// The subject's records: deleted with their consent and privacy events, links, sign-ups
    /// and messages.
    pub records: Vec<RecordId>,
    /// The subject's addresses: messages to them, privacy-centre codes for them and the
    /// requester of every request by them go too.
    pub addresses: Vec<String>,
    /// Keyed hashes of those addresses for the suppression list.
    pub suppress: Vec<[u8; 32]>,
    /// What replaces the requester's name or address on their requests.
    pub requester_hash: String,
    /// The subject's values (lower-case, as they appear inside JSON strings): audit details,
    /// kept idempotent answers and webhook facts that mention one go too.
    pub values: Vec<String>,
}

/// A verified erasure request carried out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Erasure {
    /// Whom it erases.
    pub subject: ErasedSubject,
    /// Who erased, and when (the request is completed with them).
    pub closed: (String, NaiveDate),
    /// The erasure ledger's entry for it, marked applied in the same transaction.
    pub ledger_entry: Uuid,
}

/// An erasure from the ledger applied again to a database restored from before it (see
/// [`crate::ledger`]): the same deletion as [`Erasure`], of whatever the ledger's hashes
/// found (the request may be missing from the restored database).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReErasure {
    /// The ledger entry.
    pub entry: Uuid,
    /// Whom the entry found.
    pub subject: ErasedSubject,
}

/// Something in the database an erasure ledger entry names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LedgerFind {
    /// A record, by its id.
    Record(RecordId),
    /// An address (of a record, request, message, export or privacy-centre code).
    Address(String),
}

/// A privacy-centre request waiting for its code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Challenge {
    /// Its id (in the page's URL of the code step).
    pub id: Uuid,
    /// The organisation asked.
    pub organisation: OrganisationId,
    /// The address the code went to.
    pub email: Email,
    /// The right exercised.
    pub kind: RequestType,
    /// What the requester wrote.
    pub details: Option<String>,
    /// The page's language.
    pub lang: FormLang,
    /// SHA-256 of (id || code).
    pub code_hash: [u8; 32],
    /// Codes tried so far (each try is counted before its code is compared).
    pub attempts: u32,
    /// When the code stops working.
    pub expires_at: DateTime<Utc>,
    /// When it was used to file the request.
    pub used_at: Option<DateTime<Utc>>,
}

/// Data-subject requests.
#[async_trait]
pub trait RequestStore: Send + Sync + 'static {
    /// The requests concerning a record, by due date.
    async fn requests_of_record(
        &self,
        organisation: OrganisationId,
        record: RecordId,
    ) -> StoreResult<Vec<DataSubjectRequest>>;

    /// Files a request in its status, linked to its records (its id is replaced by a new
    /// one).
    async fn insert_request(
        &self,
        organisation: OrganisationId,
        request: DataSubjectRequest,
        audit: AuditNote,
    ) -> StoreResult<DataSubjectRequest>;

    /// The queue: requests matching `filter` by the deadline that applies (then id), those
    /// after `after` only, at most `limit`.
    async fn requests(
        &self,
        organisation: OrganisationId,
        filter: &RequestFilter,
        after: Option<&QueuePosition>,
        limit: u32,
    ) -> StoreResult<Vec<DataSubjectRequest>>;

    /// How many requests match `filter`.
    async fn request_total(
        &self,
        organisation: OrganisationId,
        filter: &RequestFilter,
    ) -> StoreResult<u64>;

    /// One request.
    async fn request(
        &self,
        organisation: OrganisationId,
        id: RequestId,
    ) -> StoreResult<Option<DataSubjectRequest>>;

    /// Writes an administrator's action on a request, with the message telling the subject
    /// when there is one; `None` when there is no such request.
    async fn change_request(
        &self,
        organisation: OrganisationId,
        id: RequestId,
        change: RequestChange,
        message: Option<NewMessage>,
        audit: AuditNote,
    ) -> StoreResult<Option<DataSubjectRequest>>;

    /// Carries out a request that changes how its records are processed (stop processing, an
    /// objection) in one transaction: each of its records changed by the step's rule where it
    /// applies (an audit entry for each record changed), then the request's change with its
    /// message and audit entry, whose `after` gets `records_stopped`. Only while the request
    /// is as the change was decided on: else `Conflict("data_subject_requests.status")` and
    /// nothing written. The request as left and how many records changed; `None` when there
    /// is no such request.
    async fn carry_out(
        &self,
        organisation: OrganisationId,
        step: RequestStep<'_>,
    ) -> StoreResult<Option<(DataSubjectRequest, u64)>>;

    /// Open, overdue and soon-due requests on `today`.
    async fn request_counts(
        &self,
        organisation: OrganisationId,
        today: NaiveDate,
    ) -> StoreResult<RequestCounts>;

    /// The records with this exact address (any capitals) in modules with compliance on.
    async fn records_with_email(
        &self,
        organisation: OrganisationId,
        email: &Email,
    ) -> StoreResult<Vec<RecordId>>;

    /// Keeps a message in the outbox with its audit entry, in one transaction.
    async fn send_message(
        &self,
        organisation: OrganisationId,
        message: NewMessage,
        audit: AuditNote,
    ) -> StoreResult<()>;

    /// Stores a challenge and the message carrying its code, in one transaction.
    async fn insert_challenge(&self, challenge: &Challenge, message: NewMessage)
    -> StoreResult<()>;

    /// A challenge by id.
    async fn challenge(&self, id: Uuid) -> StoreResult<Option<Challenge>>;

    /// Spends one of a challenge's tries in a single conditional update, before its code is
    /// compared: the challenge with the try counted, or `None` when it is unknown, used,
    /// expired at `now` or out of tries (`max_tries`). N concurrent checks thus count as N,
    /// and no more than `max_tries` codes are ever compared.
    async fn take_try(
        &self,
        id: Uuid,
        max_tries: u32,
        now: DateTime<Utc>,
    ) -> StoreResult<Option<Challenge>>;

    /// The organisation's key for keyed hashes of addresses, created on first use.
    async fn hash_key(&self, organisation: OrganisationId) -> StoreResult<[u8; 32]>;

    /// Erases a subject in one transaction (see [`Erasure`]); then checkpoints the WAL so no
    /// old page image of theirs stays in it. Returns the request, completed.
    async fn erase(
        &self,
        organisation: OrganisationId,
        erasure: Erasure,
        audit: AuditNote,
    ) -> StoreResult<Option<DataSubjectRequest>>;

    /// The erasure ledger entries this database has applied.
    async fn applied_ledger_entries(&self) -> StoreResult<std::collections::HashSet<Uuid>>;

    /// Marks ledger entries applied that found nothing to erase.
    async fn mark_ledger_applied(&self, entries: &[Uuid]) -> StoreResult<()>;

    /// Every record (by id or by its e-mail address, opened when encrypted) and every address
    /// of a request, message, export or privacy-centre code of the organisation that one of
    /// the matcher's ledger entries names, with that entry's id.
    async fn find_erased(
        &self,
        organisation: OrganisationId,
        matcher: &crate::ledger::Matcher<'_>,
    ) -> StoreResult<Vec<(Uuid, LedgerFind)>>;

    /// Applies a ledger entry again in one transaction, with the same deletion as
    /// [`RequestStore::erase`], marks it applied and appends `audit`; then checkpoints the WAL.
    async fn reapply_erasure(
        &self,
        organisation: OrganisationId,
        erasure: ReErasure,
        audit: AuditNote,
    ) -> StoreResult<()>;

    /// The keyed hashes of every address erased before.
    async fn suppressions(&self, organisation: OrganisationId) -> StoreResult<Vec<[u8; 32]>>;

    /// A record's consent events, oldest first.
    async fn consent_events(
        &self,
        organisation: OrganisationId,
        record: RecordId,
    ) -> StoreResult<Vec<ConsentEvent>>;

    /// Completes an access request with its export: the file kept for download until it
    /// expires, the message with its link, the request's change and its audit entry, all in
    /// one transaction or nothing. `None` when there is no such request,
    /// `Conflict("data_subject_requests.status")` when it changed since it was read.
    async fn complete_with_export(
        &self,
        organisation: OrganisationId,
        export: NewExport<'_>,
    ) -> StoreResult<Option<DataSubjectRequest>>;

    /// The export behind a download token while it has not expired.
    async fn export_file(&self, token_hash: &[u8; 32]) -> StoreResult<Option<Vec<u8>>>;

    /// Deletes expired exports; how many.
    async fn purge_exports(&self, now: DateTime<Utc>) -> StoreResult<u64>;

    /// Whether an address with this keyed hash was erased before.
    async fn is_suppressed(
        &self,
        organisation: OrganisationId,
        email_hash: &[u8; 32],
    ) -> StoreResult<bool>;

    /// Files the request of a verified challenge in one transaction, spending the challenge;
    /// `None` when it was spent already.
    async fn file_verified(
        &self,
        challenge: Uuid,
        request: DataSubjectRequest,
        audit: AuditNote,
    ) -> StoreResult<Option<DataSubjectRequest>>;
}

/// A record the retention review found lapsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The record.
    pub record: RecordId,
    /// Why it may no longer be kept.
    pub reason: consentry_model::retention::LapseReason,
    /// Since when the reason holds.
    pub since: DateTime<Utc>,
}

/// Records the review found lapsed, erased through the same deletion as a request's erasure
/// (see [`ErasedSubject`]): each subject's `request` is the run, and each names one record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LapsedErasure {
    /// One subject per record found, with what of them to look for in the copies.
    pub subjects: Vec<ErasedSubject>,
    /// Only the findings of this reason (`None`: all).
    pub reason: Option<consentry_model::retention::LapseReason>,
    /// The number of findings the privacy officer confirmed (`None`: the automatic erasure,
    /// which erases what it found).
    pub confirmed_count: Option<u64>,
    /// The erasure ledger's entry for the run, marked applied in the same transaction.
    pub ledger_entry: Uuid,
    /// The retention period now: a finding must be older than it at the review's time (a
    /// period made longer since keeps what the review found under the shorter one).
    pub period_days: u32,
}

/// What became of a retention erasure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LapsedOutcome {
    /// Done: the records erased (the others were kept: changed since the review, held, or
    /// named by an open request).
    Erased(Vec<RecordId>),
    /// Nothing written: the review holds this many findings, not the confirmed number.
    CountMismatch(u64),
}

/// What became of a change of a record's retention section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RetentionSet {
    /// Saved; the section as it is now.
    Saved(consentry_model::retention::RecordRetention),
    /// No such record.
    NotFound,
    /// A contract end was given but the record's basis is not Contract.
    NotContract,
}

/// Storage limitation: the retention review, legal holds and the erasure of what lapsed.
#[async_trait]
pub trait RetentionStore: Send + Sync + 'static {
    /// Replaces the organisation's findings, in one transaction, with every record whose
    /// reason to be erased ([`consentry_model::retention::LapseReason`]) holds since before
    /// `cutoff` and that is neither under a legal hold nor named by an open data-subject
    /// request; notes `now` as the review's time. Returns how many were found.
    async fn review_retention(
        &self,
        organisation: OrganisationId,
        cutoff: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> StoreResult<u64>;

    /// When the organisation's records were last reviewed, and the findings per reason (only
    /// reasons with findings).
    async fn retention_counts(
        &self,
        organisation: OrganisationId,
    ) -> StoreResult<(
        Option<DateTime<Utc>>,
        Vec<(consentry_model::retention::LapseReason, u64)>,
    )>;

    /// A page of findings (of one reason, or all) in record order, after `after`.
    async fn retention_findings(
        &self,
        organisation: OrganisationId,
        reason: Option<consentry_model::retention::LapseReason>,
        after: Option<RecordId>,
        limit: u32,
    ) -> StoreResult<Vec<Finding>>;

    /// Erases, in one transaction, every subject whose record is still as the review found
    /// it (its newest privacy event unchanged), lapsed under the current period, and not to be
    /// kept (processing restricted, a legal hold, an open data-subject request naming it, its
    /// address or a record with its address, compliance off for its module); appends `audit` (its `after` gains the
    /// numbers erased and kept) when anything was erased; then compacts the freed space.
    async fn erase_lapsed(
        &self,
        organisation: OrganisationId,
        erasure: LapsedErasure,
        audit: AuditNote,
    ) -> StoreResult<LapsedOutcome>;

    /// A record's retention section (empty when nothing is set); `None` when there is no
    /// such record.
    async fn record_retention(
        &self,
        organisation: OrganisationId,
        record: RecordId,
    ) -> StoreResult<Option<consentry_model::retention::RecordRetention>>;

    /// Replaces a record's retention section in one transaction: a hold whose reason stays
    /// the same keeps who placed it and since when; a new one is placed by the audit note's
    /// actor at `now`. The record's finding goes (the next review decides again). `audit`
    /// gains the section before and after when anything changed.
    async fn set_record_retention(
        &self,
        organisation: OrganisationId,
        record: RecordId,
        change: &consentry_model::retention::RetentionChange,
        now: DateTime<Utc>,
        audit: AuditNote,
    ) -> StoreResult<RetentionSet>;
}

/// The outbox's counts beside one page of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutboxCounts {
    /// Messages matching the query.
    pub matching: u64,
    /// Failed messages with nothing sent in their place, in the whole outbox.
    pub retryable: u64,
}

/// The hash-chained audit trail.
#[async_trait]
pub trait AuditStore: Send + Sync + 'static {
    /// Appends an entry on its own (sign-ins, settings changes).
    async fn append_audit(&self, organisation: OrganisationId, note: AuditNote) -> StoreResult<()>;

    /// Entries matching `filter` newest first, before sequence number `before`.
    async fn audit_entries(
        &self,
        organisation: OrganisationId,
        filter: &consentry_model::audit::AuditFilter,
        before: Option<u64>,
        limit: u32,
    ) -> StoreResult<Vec<AuditEntry>>;

    /// How many entries match `filter`.
    async fn count_audit(
        &self,
        organisation: OrganisationId,
        filter: &consentry_model::audit::AuditFilter,
    ) -> StoreResult<u64>;

    /// Everyone who has an entry in the trail, as the trail names them, in name order.
    async fn audit_actors(&self, organisation: OrganisationId) -> StoreResult<Vec<String>>;

    /// Every entry about one of `subjects` (request or record ids), oldest first.
    async fn audit_entries_about(
        &self,
        organisation: OrganisationId,
        subjects: &[String],
    ) -> StoreResult<Vec<AuditEntry>>;

    /// Every entry of the organisation with its detail, oldest first, as stored (for
    /// verification by [`chain::verify`]).
    async fn audit_chain(
        &self,
        organisation: OrganisationId,
    ) -> StoreResult<(Vec<chain::StoredEntry>, BTreeMap<u64, chain::StoredDetail>)>;

    /// The organisation's newest entry: its place and hash.
    async fn audit_head(
        &self,
        organisation: OrganisationId,
    ) -> StoreResult<Option<(u64, [u8; 32])>>;

    /// The organisation's signed checkpoints, newest first.
    async fn audit_checkpoints(
        &self,
        organisation: OrganisationId,
    ) -> StoreResult<Vec<AuditCheckpoint>>;

    /// Keeps a checkpoint, only while `head_hash` is still the organisation's newest entry and
    /// no checkpoint of it is kept yet (false otherwise: read the checkpoints and the head
    /// again, and sign the new head if there is one).
    async fn insert_checkpoint(
        &self,
        organisation: OrganisationId,
        checkpoint: &AuditCheckpoint,
        head_hash: [u8; 32],
    ) -> StoreResult<bool>;

    /// Hashes anew the trails written before details moved out of the chain (migration
    /// 0023), except those of `skip`; returns the organisations skipped that asked for it.
    async fn reseal_legacy_chains(
        &self,
        skip: &[OrganisationId],
    ) -> StoreResult<Vec<OrganisationId>>;

    /// The seed of the installation's audit signing key: derived from the master key, so the
    /// database alone does not hold it.
    fn audit_key(&self) -> [u8; 32];
}

#[cfg(test)]
mod raised_tests {
    use super::*;

    fn note(action: AuditAction, after: serde_json::Value) -> AuditNote {
        AuditNote {
            actor: "ada@acme.example".into(),
            action,
            subject: Some("0190".into()),
            before: Some(serde_json::json!({ "status": "waiting" })),
            after: Some(after),
        }
    }

    #[test]
    fn an_event_keeps_the_facts_of_the_moment_and_a_request_raises_only_when_completed() {
        let raised = raised_events(&note(
            AuditAction::ConsentAnswered,
            serde_json::json!({ "status": "obtained", "version": 2 }),
        ));
        assert_eq!(raised.len(), 1);
        assert_eq!(raised[0].event, WebhookEvent::ConsentChanged);
        assert_eq!(raised[0].facts["before"]["status"], "waiting");
        assert_eq!(raised[0].facts["after"]["status"], "obtained");
        assert_eq!(raised[0].facts["subject"], "0190");
        let started = note(
            AuditAction::RequestChanged,
            serde_json::json!({ "status": "in_progress" }),
        );
        assert!(raised_events(&started).is_empty());
        let done = note(
            AuditAction::RequestCompleted,
            serde_json::json!({ "status": "completed" }),
        );
        assert_eq!(raised_events(&done)[0].event, WebhookEvent::DsrCompleted);
        // Each event its own id.
        let erased = raised_events(&note(AuditAction::SubjectErased, serde_json::json!({})));
        assert_eq!(erased.len(), 2);
        assert_ne!(erased[0].id, erased[1].id);
    }
}

/// An access request's export, kept for download with the message that links to it.
#[derive(Debug, Clone)]
pub struct NewExport<'a> {
    /// The access request it answers.
    pub request: RequestId,
    /// The keyed hash of its download token.
    pub token_hash: &'a [u8; 32],
    /// The ZIP file.
    pub file: &'a [u8],
    /// Downloadable until then.
    pub expires_at: DateTime<Utc>,
    /// The message with the download link.
    pub message: NewMessage,
    /// The request's completion, decided on it as read (see [`RequestChange::seen_status`]).
    pub change: RequestChange,
    /// The completion's audit entry.
    pub audit: AuditNote,
}

/// What kind of background job a [`JobRow`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum JobKind {
    /// A CSV import of records.
    Import,
    /// A consent request sent to every record of a filtered list.
    BulkSend,
}

/// A background job being started.
#[derive(Debug, Clone)]
pub struct NewJob {
    /// Its id.
    pub id: Uuid,
    /// What it is.
    pub kind: JobKind,
    /// Import: data rows in the file. Bulk send: records matching the filter.
    pub total: u64,
    /// Import: the file's name.
    pub file_name: Option<String>,
    /// Import: the target module.
    pub module: Option<ModuleId>,
    /// Who started it (for the audit trail).
    pub started_by: String,
    /// When.
    pub started_at: DateTime<Utc>,
}

/// A background job as kept: what it did so far, counted in the transactions that did it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobRow {
    /// Its id.
    pub id: Uuid,
    /// Its organisation.
    pub organisation: OrganisationId,
    /// What it is.
    pub kind: JobKind,
    /// Where it stands.
    pub state: consentry_model::import::ImportState,
    /// Import: data rows in the file. Bulk send: records matching the filter at the start.
    pub total: u64,
    /// Import: rows handled. Bulk send: records skipped or asked.
    pub processed: u64,
    /// Import: records created. Bulk send: requests made.
    pub done: u64,
    /// Import: the last file row handled.
    pub handled_through_row: Option<u64>,
    /// Import: rows refused in all.
    pub error_count: u64,
    /// Import: the first rows refused (row, column header, rule broken; never a value).
    pub failures: Vec<consentry_model::import::RowError>,
    /// Bulk send: records skipped, by reason code.
    pub skipped: BTreeMap<String, u64>,
    /// Import: the file's name.
    pub file_name: Option<String>,
    /// Import: the target module.
    pub module: Option<ModuleId>,
    /// Who started it.
    pub started_by: String,
    /// When it started.
    pub started_at: DateTime<Utc>,
    /// When it ended (finished, failed, or found interrupted).
    pub finished_at: Option<DateTime<Utc>>,
}

/// One import batch: its new records and what it counts, written in one transaction.
#[derive(Debug, Clone)]
pub struct ImportBatch {
    /// The import job.
    pub job: Uuid,
    /// The records to create (all or none), of one module: none is written, and the answer
    /// is `Conflict("records.email")`, when a record of the module has one of their
    /// addresses by then.
    pub records: Vec<RecordWrite>,
    /// The batch's rows that were refused (kept up to the job's listing limit).
    pub failures: Vec<consentry_model::import::RowError>,
    /// Rows refused in this batch (all, also those not listed).
    pub refused: u64,
    /// Rows of the file the batch covers (imported or refused).
    pub rows: u64,
    /// The batch's last row of the file.
    pub through_row: u64,
}

/// Background jobs (imports, bulk consent requests) and their progress.
#[async_trait]
pub trait JobStore: Send + Sync + 'static {
    /// Keeps a new job, running.
    async fn start_job(&self, organisation: OrganisationId, job: NewJob) -> StoreResult<()>;

    /// One job of the organisation.
    async fn job(&self, organisation: OrganisationId, id: Uuid) -> StoreResult<Option<JobRow>>;

    /// Creates an import batch's records and counts them (and its refused rows) on the job,
    /// in one transaction: after a crash the job's counts are exactly what was written.
    /// Returns how many records were created.
    async fn import_batch(
        &self,
        organisation: OrganisationId,
        batch: ImportBatch,
    ) -> StoreResult<u64>;

    /// Counts records a bulk send skipped (nothing is written for them).
    async fn count_skipped(
        &self,
        organisation: OrganisationId,
        job: Uuid,
        skipped: &BTreeMap<String, u64>,
    ) -> StoreResult<()>;

    /// Ends a running job (finished or failed) with its audit entry, if any, in one
    /// transaction; `false` when it was not running.
    async fn end_job(
        &self,
        organisation: OrganisationId,
        job: Uuid,
        state: consentry_model::import::ImportState,
        audit: Option<AuditNote>,
    ) -> StoreResult<bool>;

    /// Jobs of every organisation still marked running whose instance stopped renewing its
    /// life at `now` (or that no instance runs).
    async fn orphaned_jobs(&self, now: DateTime<Utc>) -> StoreResult<Vec<JobRow>>;

    /// Ends a running job as interrupted with its audit entry, decided in the transaction
    /// that writes it: only when its instance is not alive at `now`; `false` otherwise.
    async fn interrupt_orphaned_job(
        &self,
        organisation: OrganisationId,
        job: Uuid,
        now: DateTime<Utc>,
        audit: AuditNote,
    ) -> StoreResult<bool>;
}

/// The processes working on one database: each renews its life while it runs, and the jobs
/// it starts are its own. A job whose instance stopped renewing was cut off.
#[async_trait]
pub trait InstanceStore: Send + Sync + 'static {
    /// This process's instance: the one [`JobStore::start_job`] gives its jobs to.
    fn instance(&self) -> Uuid;

    /// Keeps this instance alive until `until` (registering it the first time).
    async fn keep_alive(&self, until: DateTime<Utc>) -> StoreResult<()>;

    /// Ends this instance's life on a clean stop: what it leaves running is cut off at once.
    async fn retire(&self) -> StoreResult<()>;

    /// Whether an instance is alive at `now`.
    async fn instance_alive(&self, instance: Uuid, now: DateTime<Utc>) -> StoreResult<bool>;

    /// Completes when another instance may have queued mail (or announcements may have been
    /// missed), so an idle sender looks at the outbox at once rather than at its next round.
    /// Never completes on a backend that one process opens alone.
    async fn mail_queued_elsewhere(&self) {
        std::future::pending::<()>().await;
    }
}
