//! Organisations, users, sessions and settings on PostgreSQL, with the rules that hold while
//! several server instances change them at once: the first-run page creates one organisation,
//! and an organisation always keeps an administrator.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use consentry_model::{
    ComplianceSettings, Email, OrgSlug, OrganisationId, OrganisationName, PendingProcessing,
    PersonName, Profile, UserId,
    audit::AuditAction,
    auth::{OrganisationLocale, OrganisationSummary, User},
    compliance::{
        ConsentLifetime, ControllerProfile, RenewalGrace, RetentionPeriod, WaitingPeriod,
    },
    exports::{CsvSeparator, ExportPreferences},
    forms::FormLang,
    handling::{Exclusion, PersonalDataHandling},
    records::BuiltinModule,
    text::TimeZoneName,
};
use consentry_store::{
    AccountStore, AdminGuarded, AuditNote, NewOrganisation, NewUserRow, SessionRow, StoreError,
    StoreResult, UserCredentials,
};
use sqlx::PgConnection;
use uuid::Uuid;

use super::{Code, PostgresStore, conflict_or, corrupt, millis, notify};

/// Taken by every creation of an organisation: shared by those made without the first-run
/// guard, alone by a first-run creation, so that one sees every organisation made before it
/// on any instance and none is made while it decides.
const ORGANISATIONS_LOCK: i64 = 0x636f_6e73_6f72_6773; // "consorgs"

/// The controller's details as the organisations table holds them.
#[derive(sqlx::FromRow)]
struct ProfileRow {
    controller_contact: String,
    controller_street_address: String,
    controller_postal_code: String,
    controller_locality: String,
    controller_country: String,
    controller_email: String,
    controller_phone: String,
    controller_url: String,
}

/// A user as stored, read with [`USER_COLUMNS`].
#[derive(sqlx::FromRow)]
struct UserRow {
    id: Uuid,
    name: String,
    email: String,
    profile: Code<Profile>,
    created_at: DateTime<Utc>,
}

const USER_COLUMNS: &str = "u.id, u.name, u.email, u.profile, u.created_at";

fn user_from(row: UserRow) -> StoreResult<User> {
    Ok(User {
        id: UserId(row.id),
        name: PersonName::from_stored(&row.name).map_err(|_| corrupt("users.name", row.name))?,
        email: Email::from_stored(&row.email).map_err(|_| corrupt("users.email", row.email))?,
        profile: row.profile.0,
        created_at: row.created_at,
    })
}

/// An organisation as stored, read with [`ORGANISATION_COLUMNS`].
#[derive(sqlx::FromRow)]
pub(super) struct OrganisationRow {
    organisation_id: Uuid,
    organisation_name: String,
    organisation_slug: String,
    organisation_language: String,
    organisation_time_zone: String,
}

/// The columns of an [`OrganisationRow`] from `organisations o`.
pub(super) const ORGANISATION_COLUMNS: &str = "o.id AS organisation_id, \
    o.name AS organisation_name, o.slug AS organisation_slug, \
    o.language AS organisation_language, o.time_zone AS organisation_time_zone";

pub(super) fn organisation_from(row: OrganisationRow) -> StoreResult<OrganisationSummary> {
    let OrganisationRow {
        organisation_id: id,
        organisation_name: name,
        organisation_slug: slug,
        organisation_language: language,
        organisation_time_zone: time_zone,
    } = row;
    Ok(OrganisationSummary {
        id: OrganisationId(id),
        name: OrganisationName::from_stored(&name)
            .map_err(|_| corrupt("organisations.name", name))?,
        slug: OrgSlug::parse(&slug).map_err(|_| corrupt("organisations.slug", slug))?,
        language: FormLang::parse(&language)
            .map_err(|_| corrupt("organisations.language", language))?,
        time_zone: consentry_store::stored_time_zone(time_zone)?,
    })
}

/// One user of an organisation, as the caller's transaction sees it.
async fn user_in(
    conn: &mut PgConnection,
    organisation: OrganisationId,
    id: UserId,
) -> StoreResult<Option<User>> {
    let row: Option<UserRow> = sqlx::query_as(&format!(
        "SELECT {USER_COLUMNS} FROM users u WHERE u.organisation_id = $1 AND u.id = $2"
    ))
    .bind(organisation.0)
    .bind(id.0)
    .fetch_optional(&mut *conn)
    .await?;
    row.map(user_from).transpose()
}

/// Locks the organisation's administrators for the caller's transaction: a change of another
/// administrator's profile or their removal, on any instance, waits until it ends and then
/// sees what it did, so two administrators demoting or removing each other at once cannot
/// both succeed. Always in the same order, so two such changes never deadlock.
async fn lock_administrators(
    conn: &mut PgConnection,
    organisation: OrganisationId,
) -> StoreResult<()> {
    sqlx::query(
        "SELECT id FROM users WHERE organisation_id = $1 AND profile = 'administrator'
         ORDER BY id FOR UPDATE",
    )
    .bind(organisation.0)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

#[async_trait]
impl AccountStore for PostgresStore {
    async fn organisation_count(&self) -> StoreResult<u64> {
        let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM organisations")
            .fetch_one(&self.pool)
            .await?;
        Ok(n.unsigned_abs())
    }

    async fn create_organisation(
        &self,
        organisation: NewOrganisation,
        admin: NewUserRow,
        only_if_first: bool,
    ) -> StoreResult<(OrganisationSummary, User)> {
        let now = millis(Utc::now());
        let org_id = Uuid::now_v7();
        let user_id = Uuid::now_v7();
        let mut tx = self.pool.begin().await?;
        // The lock comes first, in a statement of its own: the check below then reads a
        // snapshot taken after every earlier creation committed, so two first-run
        // submissions racing each other (on one instance or two) cannot both create one.
        let lock = if only_if_first {
            "SELECT pg_advisory_xact_lock($1)"
        } else {
            "SELECT pg_advisory_xact_lock_shared($1)"
        };
        sqlx::query(lock)
            .bind(ORGANISATIONS_LOCK)
            .execute(&mut *tx)
            .await?;
        let inserted = sqlx::query(
            "INSERT INTO organisations (id, name, slug, created_at)
             SELECT $1, $2, $3, $4 WHERE NOT $5 OR NOT EXISTS (SELECT 1 FROM organisations)",
        )
        .bind(org_id)
        .bind(organisation.name.as_str())
        .bind(organisation.slug.as_str())
        .bind(now)
        .bind(only_if_first)
        .execute(&mut *tx)
        .await
        .map_err(conflict_or)?;
        if inserted.rows_affected() == 0 {
            return Err(StoreError::Conflict("organisations.first"));
        }
        let modules = BuiltinModule::ALL;
        let ids: Vec<Uuid> = modules.iter().map(|_| Uuid::now_v7()).collect();
        let keys: Vec<&str> = modules.iter().map(|module| module.key()).collect();
        let names: Vec<&str> = modules.iter().map(|module| module.default_name()).collect();
        sqlx::query(
            "INSERT INTO modules (id, organisation_id, key, name, builtin, created_at)
             SELECT m.id, $4, m.key, m.name, true, $5
             FROM UNNEST($1::uuid[], $2::text[], $3::text[]) AS m (id, key, name)",
        )
        .bind(&ids)
        .bind(&keys)
        .bind(&names)
        .bind(org_id)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO users (id, organisation_id, name, email, profile, password_hash, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(user_id)
        .bind(org_id)
        .bind(admin.name.as_str())
        .bind(admin.email.as_str())
        .bind(admin.profile.code())
        .bind(&admin.password_hash)
        .bind(now)
        .execute(&mut *tx)
        .await
        .map_err(conflict_or)?;
        // The trail starts with the organisation, so a trail emptied later is noticed.
        super::audit::append(
            &mut tx,
            OrganisationId(org_id),
            &AuditNote {
                actor: admin.email.to_string(),
                action: AuditAction::OrganisationCreated,
                subject: Some(org_id.to_string()),
                before: None,
                after: None,
            },
            now,
        )
        .await?;
        tx.commit().await?;
        let summary = OrganisationSummary {
            id: OrganisationId(org_id),
            name: organisation.name,
            slug: organisation.slug,
            language: FormLang::english(),
            time_zone: TimeZoneName::utc(),
        };
        let user = User {
            id: UserId(user_id),
            name: admin.name,
            email: admin.email,
            profile: admin.profile,
            created_at: now,
        };
        Ok((summary, user))
    }

    async fn organisations(&self) -> StoreResult<Vec<OrganisationSummary>> {
        let rows: Vec<OrganisationRow> = sqlx::query_as(&format!(
            "SELECT {ORGANISATION_COLUMNS} FROM organisations o ORDER BY o.created_at, o.id"
        ))
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(organisation_from).collect()
    }

    async fn organisation_by_slug(
        &self,
        slug: &OrgSlug,
    ) -> StoreResult<Option<OrganisationSummary>> {
        let row: Option<OrganisationRow> = sqlx::query_as(&format!(
            "SELECT {ORGANISATION_COLUMNS} FROM organisations o WHERE o.slug = $1"
        ))
        .bind(slug.as_str())
        .fetch_optional(&self.pool)
        .await?;
        row.map(organisation_from).transpose()
    }

    async fn user_credentials(&self, email: &Email) -> StoreResult<Option<UserCredentials>> {
        #[derive(sqlx::FromRow)]
        struct Row {
            #[sqlx(flatten)]
            user: UserRow,
            organisation_id: Uuid,
            password_hash: String,
        }
        // `lower(email)` is what the unique index `users_email` holds.
        let row: Option<Row> = sqlx::query_as(&format!(
            "SELECT {USER_COLUMNS}, u.organisation_id, u.password_hash FROM users u
                 WHERE lower(u.email) = lower($1)"
        ))
        .bind(email.as_str())
        .fetch_optional(&self.pool)
        .await?;
        row.map(|row| {
            Ok(UserCredentials {
                user: user_from(row.user)?,
                organisation_id: OrganisationId(row.organisation_id),
                password_hash: row.password_hash,
            })
        })
        .transpose()
    }

    async fn users(&self, organisation: OrganisationId) -> StoreResult<Vec<User>> {
        let rows: Vec<UserRow> = sqlx::query_as(&format!(
            "SELECT {USER_COLUMNS} FROM users u WHERE u.organisation_id = $1
             ORDER BY u.created_at, u.id"
        ))
        .bind(organisation.0)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(user_from).collect()
    }

    async fn user(&self, organisation: OrganisationId, id: UserId) -> StoreResult<Option<User>> {
        let mut conn = self.pool.acquire().await?;
        user_in(&mut conn, organisation, id).await
    }

    async fn administrator_email(
        &self,
        organisation: OrganisationId,
    ) -> StoreResult<Option<String>> {
        if let Some(cached) = self.cache.contacts.get(&organisation) {
            return Ok(cached);
        }
        let ticket = self.cache.contacts.ticket();
        let email: Option<(String,)> = sqlx::query_as(
            "SELECT email FROM users WHERE organisation_id = $1 AND profile = 'administrator'
             ORDER BY created_at, id LIMIT 1",
        )
        .bind(organisation.0)
        .fetch_optional(&self.pool)
        .await?;
        let email = email.map(|(email,)| email);
        self.cache.contacts.put(ticket, organisation, email.clone());
        Ok(email)
    }

    async fn insert_user(
        &self,
        organisation: OrganisationId,
        user: NewUserRow,
    ) -> StoreResult<User> {
        let id = Uuid::now_v7();
        let now = millis(Utc::now());
        sqlx::query(
            "INSERT INTO users (id, organisation_id, name, email, profile, password_hash, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(id)
        .bind(organisation.0)
        .bind(user.name.as_str())
        .bind(user.email.as_str())
        .bind(user.profile.code())
        .bind(&user.password_hash)
        .bind(now)
        .execute(&self.pool)
        .await
        .map_err(conflict_or)?;
        notify::organisation_changed(&self.pool, organisation).await?;
        self.cache.contacts.forget(|key| *key == organisation);
        Ok(User {
            id: UserId(id),
            name: user.name,
            email: user.email,
            profile: user.profile,
            created_at: now,
        })
    }

    async fn set_user_profile(
        &self,
        organisation: OrganisationId,
        id: UserId,
        profile: Profile,
    ) -> StoreResult<AdminGuarded<User>> {
        let mut tx = self.pool.begin().await?;
        lock_administrators(&mut tx, organisation).await?;
        // Decided on the administrators as they stand once locked: another one must remain.
        let changed = sqlx::query(
            "UPDATE users SET profile = $3 WHERE organisation_id = $1 AND id = $2
               AND ($3 = 'administrator' OR EXISTS (
                    SELECT 1 FROM users o WHERE o.organisation_id = $1 AND o.id <> $2
                      AND o.profile = 'administrator'))",
        )
        .bind(organisation.0)
        .bind(id.0)
        .bind(profile.code())
        .execute(&mut *tx)
        .await?;
        let user = user_in(&mut tx, organisation, id).await?;
        notify::organisation_changed(&mut *tx, organisation).await?;
        tx.commit().await?;
        self.cache.contacts.forget(|key| *key == organisation);
        match user {
            None => Ok(AdminGuarded::NotFound),
            Some(user) if changed.rows_affected() == 0 && user.profile != profile => {
                Ok(AdminGuarded::LastAdministrator)
            }
            Some(user) => Ok(AdminGuarded::Done(user)),
        }
    }

    async fn delete_user(
        &self,
        organisation: OrganisationId,
        id: UserId,
    ) -> StoreResult<AdminGuarded<()>> {
        let mut tx = self.pool.begin().await?;
        lock_administrators(&mut tx, organisation).await?;
        // Their sessions go with them (`ON DELETE CASCADE`).
        let deleted = sqlx::query(
            "DELETE FROM users WHERE organisation_id = $1 AND id = $2
               AND (profile <> 'administrator' OR EXISTS (
                    SELECT 1 FROM users o WHERE o.organisation_id = $1 AND o.id <> $2
                      AND o.profile = 'administrator'))",
        )
        .bind(organisation.0)
        .bind(id.0)
        .execute(&mut *tx)
        .await?;
        let outcome = if deleted.rows_affected() == 1 {
            AdminGuarded::Done(())
        } else if user_in(&mut tx, organisation, id).await?.is_some() {
            AdminGuarded::LastAdministrator
        } else {
            AdminGuarded::NotFound
        };
        notify::organisation_changed(&mut *tx, organisation).await?;
        tx.commit().await?;
        self.cache.contacts.forget(|key| *key == organisation);
        Ok(outcome)
    }

    async fn insert_session(
        &self,
        token_hash: &[u8; 32],
        user: UserId,
        expires_at: DateTime<Utc>,
    ) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO sessions (token_hash, user_id, created_at, expires_at)
             VALUES ($1, $2, $3, $4)",
        )
        .bind(&token_hash[..])
        .bind(user.0)
        .bind(millis(Utc::now()))
        .bind(millis(expires_at))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn session(
        &self,
        token_hash: &[u8; 32],
        now: DateTime<Utc>,
    ) -> StoreResult<Option<SessionRow>> {
        #[derive(sqlx::FromRow)]
        struct Row {
            #[sqlx(flatten)]
            user: UserRow,
            #[sqlx(flatten)]
            organisation: OrganisationRow,
            expires_at: DateTime<Utc>,
        }
        let row: Option<Row> = sqlx::query_as(&format!(
            "SELECT {USER_COLUMNS}, {ORGANISATION_COLUMNS}, s.expires_at
             FROM sessions s
             JOIN users u ON u.id = s.user_id
             JOIN organisations o ON o.id = u.organisation_id
             WHERE s.token_hash = $1 AND s.expires_at > $2"
        ))
        .bind(&token_hash[..])
        .bind(millis(now))
        .fetch_optional(&self.pool)
        .await?;
        row.map(|row| {
            Ok(SessionRow {
                user: user_from(row.user)?,
                organisation: organisation_from(row.organisation)?,
                expires_at: row.expires_at,
            })
        })
        .transpose()
    }

    async fn delete_session(&self, token_hash: &[u8; 32]) -> StoreResult<()> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(&token_hash[..])
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn delete_expired_sessions(&self, now: DateTime<Utc>) -> StoreResult<u64> {
        let done = sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
            .bind(millis(now))
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected())
    }

    async fn compliance_settings(
        &self,
        organisation: OrganisationId,
    ) -> StoreResult<ComplianceSettings> {
        type Row = (
            bool,
            i32,
            String,
            bool,
            Option<i32>,
            String,
            String,
            String,
            bool,
            Option<i32>,
            i32,
        );
        let row: Option<Row> = sqlx::query_as(
            "SELECT enabled, waiting_period_days, processing_while_pending, double_opt_in,
                    retention_days, exclude_from_exports, exclude_from_api,
                    exclude_from_webhooks, retention_auto_erase,
                    consent_lifetime_days, renewal_grace_days
             FROM compliance_settings WHERE organisation_id = $1",
        )
        .bind(organisation.0)
        .fetch_optional(&self.pool)
        .await?;
        let Some((
            enabled,
            waiting,
            pending,
            double_opt_in,
            retention,
            exports,
            api,
            webhooks,
            retention_auto_erase,
            lifetime,
            grace,
        )) = row
        else {
            return Ok(ComplianceSettings::default());
        };
        let exclusion =
            |column, code: String| Exclusion::from_code(&code).ok_or_else(|| corrupt(column, code));
        let days = |column, n: i32| u32::try_from(n).map_err(|_| corrupt(column, n.to_string()));
        Ok(ComplianceSettings {
            enabled,
            waiting_period_days: WaitingPeriod::new(days("waiting_period_days", waiting)?)
                .map_err(|_| corrupt("waiting_period_days", waiting.to_string()))?,
            processing_while_pending: PendingProcessing::from_code(&pending)
                .ok_or_else(|| corrupt("processing_while_pending", pending))?,
            double_opt_in,
            retention_days: retention
                .map(|n| {
                    RetentionPeriod::new(days("retention_days", n)?)
                        .map_err(|_| corrupt("retention_days", n.to_string()))
                })
                .transpose()?,
            retention_auto_erase,
            consent_lifetime_days: lifetime
                .map(|n| {
                    ConsentLifetime::new(days("consent_lifetime_days", n)?)
                        .map_err(|_| corrupt("consent_lifetime_days", n.to_string()))
                })
                .transpose()?,
            renewal_grace_days: RenewalGrace::new(days("renewal_grace_days", grace)?)
                .map_err(|_| corrupt("renewal_grace_days", grace.to_string()))?,
            personal_data: PersonalDataHandling {
                exports: exclusion("exclude_from_exports", exports)?,
                api: exclusion("exclude_from_api", api)?,
                webhooks: exclusion("exclude_from_webhooks", webhooks)?,
            },
        })
    }

    async fn save_compliance_settings(
        &self,
        organisation: OrganisationId,
        settings: &ComplianceSettings,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO compliance_settings (organisation_id, enabled, waiting_period_days,
                 processing_while_pending, double_opt_in, retention_days, updated_at,
                 exclude_from_exports, exclude_from_api, exclude_from_webhooks,
                 retention_auto_erase, consent_lifetime_days, renewal_grace_days)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
             ON CONFLICT (organisation_id) DO UPDATE SET
                 enabled = excluded.enabled,
                 waiting_period_days = excluded.waiting_period_days,
                 processing_while_pending = excluded.processing_while_pending,
                 double_opt_in = excluded.double_opt_in,
                 retention_days = excluded.retention_days,
                 updated_at = excluded.updated_at,
                 exclude_from_exports = excluded.exclude_from_exports,
                 exclude_from_api = excluded.exclude_from_api,
                 exclude_from_webhooks = excluded.exclude_from_webhooks,
                 retention_auto_erase = excluded.retention_auto_erase,
                 consent_lifetime_days = excluded.consent_lifetime_days,
                 renewal_grace_days = excluded.renewal_grace_days",
        )
        .bind(organisation.0)
        .bind(settings.enabled)
        .bind(i64::from(settings.waiting_period_days.days()))
        .bind(settings.processing_while_pending.code())
        .bind(settings.double_opt_in)
        .bind(settings.retention_days.map(|d| i64::from(d.days())))
        .bind(millis(now))
        .bind(settings.personal_data.exports.code())
        .bind(settings.personal_data.api.code())
        .bind(settings.personal_data.webhooks.code())
        .bind(settings.retention_auto_erase)
        .bind(settings.consent_lifetime_days.map(|d| i64::from(d.days())))
        .bind(i64::from(settings.renewal_grace_days.days()))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn controller_profile(
        &self,
        organisation: OrganisationId,
    ) -> StoreResult<ControllerProfile> {
        if let Some(cached) = self.cache.profiles.get(&organisation) {
            return Ok(cached);
        }
        let ticket = self.cache.profiles.ticket();
        let row: Option<ProfileRow> = sqlx::query_as(
            "SELECT controller_contact, controller_street_address, controller_postal_code,
                    controller_locality, controller_country, controller_email,
                    controller_phone, controller_url
             FROM organisations WHERE id = $1",
        )
        .bind(organisation.0)
        .fetch_optional(&self.pool)
        .await?;
        let profile = row
            .map(|r| ControllerProfile {
                contact: r.controller_contact,
                street_address: r.controller_street_address,
                postal_code: r.controller_postal_code,
                locality: r.controller_locality,
                country: r.controller_country,
                email: r.controller_email,
                phone: r.controller_phone,
                url: r.controller_url,
            })
            .unwrap_or_default();
        self.cache
            .profiles
            .put(ticket, organisation, profile.clone());
        Ok(profile)
    }

    async fn save_controller_profile(
        &self,
        organisation: OrganisationId,
        profile: &ControllerProfile,
        audit: AuditNote,
    ) -> StoreResult<()> {
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "UPDATE organisations SET controller_contact = $2, controller_street_address = $3,
                 controller_postal_code = $4, controller_locality = $5, controller_country = $6,
                 controller_email = $7, controller_phone = $8, controller_url = $9
             WHERE id = $1",
        )
        .bind(organisation.0)
        .bind(&profile.contact)
        .bind(&profile.street_address)
        .bind(&profile.postal_code)
        .bind(&profile.locality)
        .bind(&profile.country)
        .bind(&profile.email)
        .bind(&profile.phone)
        .bind(&profile.url)
        .execute(&mut *tx)
        .await?;
        super::audit::append(&mut tx, organisation, &audit, Utc::now()).await?;
        notify::organisation_changed(&mut *tx, organisation).await?;
        tx.commit().await?;
        self.cache.profiles.forget(|key| *key == organisation);
        Ok(())
    }

    async fn save_organisation_locale(
        &self,
        organisation: OrganisationId,
        locale: &OrganisationLocale,
        mut audit: AuditNote,
    ) -> StoreResult<()> {
        let mut tx = self.pool.begin().await?;
        let (language, time_zone): (String, String) = sqlx::query_as(
            "SELECT language, time_zone FROM organisations WHERE id = $1 FOR UPDATE",
        )
        .bind(organisation.0)
        .fetch_one(&mut *tx)
        .await?;
        if (language.as_str(), time_zone.as_str())
            == (locale.language.as_str(), locale.time_zone.as_str())
        {
            return Ok(());
        }
        audit.before = Some(serde_json::json!({"language": language, "time_zone": time_zone}));
        sqlx::query("UPDATE organisations SET language = $2, time_zone = $3 WHERE id = $1")
            .bind(organisation.0)
            .bind(locale.language.as_str())
            .bind(locale.time_zone.as_str())
            .execute(&mut *tx)
            .await?;
        super::audit::append(&mut tx, organisation, &audit, Utc::now()).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn export_preferences(&self, user: UserId) -> StoreResult<ExportPreferences> {
        let row: Option<(String,)> =
            sqlx::query_as("SELECT csv_separator FROM user_export_preferences WHERE user_id = $1")
                .bind(user.0)
                .fetch_optional(&self.pool)
                .await?;
        let Some((code,)) = row else {
            return Ok(ExportPreferences::default());
        };
        Ok(ExportPreferences {
            csv_separator: CsvSeparator::from_code(&code)
                .ok_or_else(|| corrupt("user_export_preferences.csv_separator", code))?,
        })
    }

    async fn save_export_preferences(
        &self,
        user: UserId,
        preferences: ExportPreferences,
    ) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO user_export_preferences (user_id, csv_separator) VALUES ($1, $2)
             ON CONFLICT (user_id) DO UPDATE SET csv_separator = excluded.csv_separator",
        )
        .bind(user.0)
        .bind(preferences.csv_separator.code())
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}
