//! Setup > Compliance Settings: the organisation's GDPR preferences.

use consentry_model::{
    ComplianceSettings, OrganisationId, auth::Session, compliance::ControllerProfile,
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
