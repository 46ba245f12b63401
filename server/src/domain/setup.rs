//! Creating organisations and their first administrator: the first-run page and the CLI.

use consentry_model::{
    ErrorCode, Profile,
    auth::{OrganisationSummary, SetupRequest, User},
};

use super::{Error, Result, passwords::Passwords};
use crate::store::{NewOrganisation, NewUserRow, Store, StoreError};

/// Whether the installation has no organisation yet.
pub async fn needs_setup(store: &dyn Store) -> Result<bool> {
    Ok(store.organisation_count().await? == 0)
}

/// Creates an organisation and its administrator (the first-run page and the CLI). With `only_if_first` (the unauthenticated
/// first-run page) it refuses once any organisation exists.
pub async fn create_tenant(
    store: &dyn Store,
    passwords: &Passwords,
    tenant: SetupRequest,
    only_if_first: bool,
) -> Result<(OrganisationSummary, User)> {
    let password_hash = passwords.hash(&tenant.admin_password).await?;
    let organisation = NewOrganisation {
        name: tenant.organisation_name,
        slug: tenant.organisation_slug,
    };
    let admin = NewUserRow {
        name: tenant.admin_name,
        email: tenant.admin_email,
        profile: Profile::Administrator,
        password_hash,
    };
    store
        .create_organisation(organisation, admin, only_if_first)
        .await
        .map_err(|e| match e {
            StoreError::Conflict("organisations.first") => Error::Conflict {
                code: ErrorCode::AlreadySetUp,
                field: None,
                message: "Consentry is already set up. Sign in instead.".into(),
            },
            StoreError::Conflict("organisations.slug") => Error::Conflict {
                code: ErrorCode::SlugTaken,
                field: Some("organisation_slug"),
                message: "Another organisation uses this short name. Choose another.".into(),
            },
            StoreError::Conflict("users.email") => Error::Conflict {
                code: ErrorCode::EmailTaken,
                field: Some("admin_email"),
                message: "A user with this e-mail address exists already.".into(),
            },
            other => other.into(),
        })
}
