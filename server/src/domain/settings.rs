//! Setup > Compliance Settings: the organisation's GDPR preferences.

use chrono::Utc;
use consentry_model::{ComplianceSettings, OrganisationId};

use super::Result;
use crate::store::Store;

/// The organisation's compliance settings.
pub async fn get(store: &dyn Store, organisation: OrganisationId) -> Result<ComplianceSettings> {
    Ok(store.compliance_settings(organisation).await?)
}

/// Replaces the organisation's compliance settings and returns what is now stored.
pub async fn save(
    store: &dyn Store,
    organisation: OrganisationId,
    settings: ComplianceSettings,
) -> Result<ComplianceSettings> {
    store
        .save_compliance_settings(organisation, &settings, Utc::now())
        .await?;
    get(store, organisation).await
}
