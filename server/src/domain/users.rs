//! Managing the users of an organisation.

use consentry_model::{
    ErrorCode, OrganisationId, Profile, UserId,
    auth::{NewUser, User},
};

use super::{Error, Result, passwords::Passwords};
use crate::store::{AdminGuarded, NewUserRow, Store, StoreError};

/// The organisation's users, oldest first.
pub async fn list(store: &dyn Store, organisation: OrganisationId) -> Result<Vec<User>> {
    Ok(store.users(organisation).await?)
}

/// One user of the organisation.
pub async fn get(store: &dyn Store, organisation: OrganisationId, id: UserId) -> Result<User> {
    store
        .user(organisation, id)
        .await?
        .ok_or(Error::NotFound("user"))
}

/// Adds a user with an initial password.
pub async fn add(
    store: &dyn Store,
    passwords: &Passwords,
    organisation: OrganisationId,
    new: NewUser,
) -> Result<User> {
    let password_hash = passwords.hash(&new.password).await?;
    let row = NewUserRow {
        name: new.name,
        email: new.email,
        profile: new.profile,
        password_hash,
    };
    store
        .insert_user(organisation, row)
        .await
        .map_err(|e| match e {
            StoreError::Conflict("users.email") => Error::Conflict {
                code: ErrorCode::EmailTaken,
                field: Some("email"),
                message: "A user with this e-mail address exists already.".into(),
            },
            other => other.into(),
        })
}

fn last_administrator() -> Error {
    Error::Conflict {
        code: ErrorCode::LastAdministrator,
        field: None,
        message: "This is the organisation's only administrator. Make another user \
                  administrator first."
            .into(),
    }
}

/// Changes a user's profile; the organisation always keeps an administrator.
pub async fn set_profile(
    store: &dyn Store,
    organisation: OrganisationId,
    id: UserId,
    profile: Profile,
) -> Result<User> {
    match store.set_user_profile(organisation, id, profile).await? {
        AdminGuarded::Done(user) => Ok(user),
        AdminGuarded::NotFound => Err(Error::NotFound("user")),
        AdminGuarded::LastAdministrator => Err(last_administrator()),
    }
}

/// Removes a user. Nobody removes themselves (they would lock themselves out mid-session), and
/// the organisation always keeps an administrator.
pub async fn remove(
    store: &dyn Store,
    organisation: OrganisationId,
    actor: UserId,
    id: UserId,
) -> Result<()> {
    if actor == id {
        return Err(Error::Conflict {
            code: ErrorCode::CannotRemoveSelf,
            field: None,
            message: "You cannot remove yourself. Ask another administrator.".into(),
        });
    }
    match store.delete_user(organisation, id).await? {
        AdminGuarded::Done(()) => Ok(()),
        AdminGuarded::NotFound => Err(Error::NotFound("user")),
        AdminGuarded::LastAdministrator => Err(last_administrator()),
    }
}
