//! Setup > Compliance Settings: the organisation's GDPR preferences.

use chrono::Utc;
use consentry_model::{ComplianceSettings, OrganisationId, auth::Session};

use super::Result;
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
        .save_compliance_settings(organisation, &settings, Utc::now())
        .await?;
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
    get(store, organisation).await
}
