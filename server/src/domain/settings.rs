//! Setup > Compliance Settings: the organisation's GDPR preferences.

use consentry_model::{
    ComplianceSettings, FieldError, OrganisationId,
    auth::{OrganisationLocale, Session},
    compliance::ControllerProfile,
    text::TimeZoneName,
};

use super::{Error, Result, clock};
use crate::store::{AuditNote, Store};

/// The organisation's compliance settings.
pub async fn get(store: &dyn Store, organisation: OrganisationId) -> Result<ComplianceSettings> {
    Ok(store.compliance_settings(organisation).await?)
}

/// Replaces the organisation's compliance settings, records the change in the audit trail,
/// and returns what is now stored.
pub async fn save(
    store: &dyn Store,
    session: &Session,
    settings: ComplianceSettings,
) -> Result<ComplianceSettings> {
    let organisation = session.organisation.id;
    let before = get(store, organisation).await?;
    store
        .save_compliance_settings(organisation, &settings, clock::now())
        .await?;
    let period_changed =
        (before.enabled, before.retention_days) != (settings.enabled, settings.retention_days);
    if before != settings {
        store
            .append_audit(
                organisation,
                AuditNote {
                    actor: session.actor(),
                    action: consentry_model::audit::AuditAction::SettingsChanged,
                    subject: None,
                    before: serde_json::to_value(&before).ok(),
                    after: serde_json::to_value(&settings).ok(),
                },
            )
            .await?;
    }
    // What the last review found under another period is not what this one finds.
    if period_changed {
        super::retention::review(store, organisation, clock::now()).await?;
    }
    get(store, organisation).await
}

/// The controller's identity and contact details, as receipts carry them.
pub async fn controller(
    store: &dyn Store,
    organisation: OrganisationId,
) -> Result<ControllerProfile> {
    Ok(store.controller_profile(organisation).await?)
}

/// Replaces the controller's details: each field checked (a bad one is refused by name),
/// audited as a settings change. Once a form is published, receipts need every field, so
/// emptying one is refused once all are filled.
pub async fn save_controller(
    store: &dyn Store,
    session: &Session,
    profile: ControllerProfile,
) -> Result<ControllerProfile> {
    let organisation = session.organisation.id;
    let profile = profile.parse().map_err(|(field, error)| Error::Invalid {
        field: field.into(),
        error,
    })?;
    let before = controller(store, organisation).await?;
    if before.missing().is_none()
        && let Some(field) = profile.missing()
    {
        // Receipts of published forms would lose what CR 1.1 requires.
        return Err(Error::Invalid {
            field: field.into(),
            error: consentry_model::FieldError::Empty,
        });
    }
    if before != profile {
        store
            .save_controller_profile(
                organisation,
                &profile,
                AuditNote {
                    actor: session.actor(),
                    action: consentry_model::audit::AuditAction::SettingsChanged,
                    subject: Some("controller".into()),
                    before: serde_json::to_value(&before).ok(),
                    after: serde_json::to_value(&profile).ok(),
                },
            )
            .await?;
    }
    controller(store, organisation).await
}

/// Sets the organisation's language and time zone, audited as a settings change. The
/// language must be one data subjects can be written to in; the time
/// zone must be one of the IANA database's (any case; stored as the database spells it), or
/// it is refused by name.
pub async fn save_locale(
    store: &dyn Store,
    session: &Session,
    locale: OrganisationLocale,
) -> Result<OrganisationLocale> {
    let time_zone = known_time_zone(&locale.time_zone).map_err(|error| Error::Invalid {
        field: "time_zone".into(),
        error,
    })?;
    if !consentry_model::lang::is_subject_language(locale.language.as_str()) {
        return Err(Error::Invalid {
            field: "language".into(),
            error: FieldError::NotAnOption,
        });
    }
    let locale = OrganisationLocale {
        language: locale.language,
        time_zone,
    };
    // What it was is read where it is written, so saves at once each audit the one before.
    store
        .save_organisation_locale(
            session.organisation.id,
            &locale,
            AuditNote {
                actor: session.actor(),
                action: consentry_model::audit::AuditAction::SettingsChanged,
                subject: None,
                before: None,
                after: serde_json::to_value(&locale).ok(),
            },
        )
        .await?;
    Ok(locale)
}

/// The IANA database's spelling of `name`, or why it is not a time zone.
fn known_time_zone(name: &TimeZoneName) -> std::result::Result<TimeZoneName, FieldError> {
    let zone =
        chrono_tz::Tz::from_str_insensitive(name.as_str()).map_err(|_| FieldError::NotAnOption)?;
    TimeZoneName::parse(zone.name())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_zones_are_checked_against_the_database_and_spelled_as_it_does() {
        let name = |s: &str| TimeZoneName::parse(s).expect("shaped like a zone");
        assert_eq!(
            known_time_zone(&name("europe/amsterdam")),
            Ok(name("Europe/Amsterdam"))
        );
        assert_eq!(known_time_zone(&name("UTC")), Ok(name("UTC")));
        assert_eq!(
            known_time_zone(&name("Europe/Atlantis")),
            Err(FieldError::NotAnOption)
        );
    }
}
