//! Consent forms: creating, editing the draft, publishing immutable versions, reverting.

use consentry_model::{
    ErrorCode, FieldError, FormId, OrgSlug, OrganisationId,
    audit::AuditAction,
    auth::Session,
    forms::{ConsentForm, FormDesign, FormSummary, FormVersion, NewForm, starter_design},
    records::parse_short_text,
};
use serde_json::json;

use super::{Error, Result};
use crate::store::{AuditNote, Store, StoreError};

fn note(session: &Session, action: AuditAction, subject: Option<String>) -> AuditNote {
    AuditNote {
        actor: session.actor(),
        action,
        subject,
        before: None,
        after: None,
    }
}

/// The organisation's forms.
pub async fn list(store: &dyn Store, organisation: OrganisationId) -> Result<Vec<FormSummary>> {
    Ok(store.forms(organisation).await?)
}

/// One form.
pub async fn get(
    store: &dyn Store,
    organisation: OrganisationId,
    id: FormId,
) -> Result<ConsentForm> {
    store
        .form(organisation, id)
        .await?
        .ok_or(Error::NotFound("form"))
}

/// Creates a form with a complete English and Dutch starter draft.
pub async fn create(store: &dyn Store, session: &Session, new: NewForm) -> Result<ConsentForm> {
    let name = match parse_short_text(&new.name) {
        Ok(Some(name)) if name.chars().count() <= 60 => name,
        Ok(Some(_)) => {
            return Err(Error::Invalid {
                field: "name".into(),
                error: FieldError::TooLong { max: 60 },
            });
        }
        Ok(None) => {
            return Err(Error::Invalid {
                field: "name".into(),
                error: FieldError::Empty,
            });
        }
        Err(error) => {
            return Err(Error::Invalid {
                field: "name".into(),
                error,
            });
        }
    };
    let slug = OrgSlug::parse(&OrgSlug::suggest(&name)).map_err(|error| Error::Invalid {
        field: "name".into(),
        error,
    })?;
    let draft = starter_design(session.organisation.name.as_ref());
    let mut audit = note(session, AuditAction::FormCreated, None);
    audit.after = Some(json!({ "name": name, "slug": slug }));
    store
        .insert_form(session.organisation.id, &name, slug.as_ref(), &draft, audit)
        .await
        .map_err(|e| match e {
            StoreError::Conflict("consent_forms.slug") => Error::Conflict {
                code: ErrorCode::FormTaken,
                field: Some("name"),
                message: format!(
                    "A form with the link name {slug} exists already; choose another name."
                ),
            },
            other => other.into(),
        })
}

/// Every rule of a design, and that its subjects can be spoken to in each of its languages
/// (the pages around the form and the mails exist in every language of the EU and EEA).
fn check(design: &FormDesign) -> std::result::Result<(), (String, FieldError)> {
    design.check()?;
    match design
        .texts
        .keys()
        .find(|l| !consentry_words::subject::speaks(l.as_str()))
    {
        Some(lang) => Err((format!("texts.{lang}"), FieldError::NotAnOption)),
        None => Ok(()),
    }
}

/// Saves the draft after checking every rule of the design.
pub async fn save_draft(
    store: &dyn Store,
    session: &Session,
    id: FormId,
    draft: FormDesign,
) -> Result<ConsentForm> {
    check(&draft).map_err(|(field, error)| Error::Invalid { field, error })?;
    let audit = note(session, AuditAction::FormDraftSaved, Some(id.to_string()));
    store
        .save_draft(session.organisation.id, id, &draft, audit)
        .await?
        .ok_or(Error::NotFound("form"))
}

/// Publishes the draft as the next immutable version.
pub async fn publish(store: &dyn Store, session: &Session, id: FormId) -> Result<ConsentForm> {
    let current = get(store, session.organisation.id, id).await?;
    // A draft saved before a rule was added still has to pass it to be published.
    check(&current.draft).map_err(|(field, error)| Error::Invalid {
        field: format!("draft.{field}"),
        error,
    })?;
    // Art. 13(1)(a): the controller's identity and contact details go with every form, and
    // every receipt carries them (Kantara CR 1.1 requires them): none without them.
    if let Some(missing) = store
        .controller_profile(session.organisation.id)
        .await?
        .missing()
    {
        return Err(Error::Conflict {
            code: ErrorCode::ControllerProfileIncomplete,
            field: None,
            message: format!(
                "Fill in the controller's details in Compliance Settings first \
                 (missing: {}); every receipt carries them.",
                missing.replace('_', " ")
            ),
        });
    }
    if !current.draft_changed {
        return Err(Error::Conflict {
            code: ErrorCode::NothingToPublish,
            field: None,
            message: "The draft is the same as the published version; change it first.".into(),
        });
    }
    let mut audit = note(session, AuditAction::FormPublished, Some(id.to_string()));
    audit.after = Some(json!({ "slug": current.slug }));
    store
        .publish(
            session.organisation.id,
            id,
            session.user.name.as_ref(),
            audit,
        )
        .await?
        .ok_or(Error::NotFound("form"))
}

/// Throws the draft away: it becomes the latest published version again.
pub async fn revert(store: &dyn Store, session: &Session, id: FormId) -> Result<ConsentForm> {
    get(store, session.organisation.id, id).await?;
    let audit = note(session, AuditAction::FormDraftSaved, Some(id.to_string()));
    store
        .revert_draft(session.organisation.id, id, audit)
        .await?
        .ok_or(Error::Conflict {
            code: ErrorCode::NeverPublished,
            field: None,
            message: "This form was never published, so there is nothing to revert to.".into(),
        })
}

/// A form's published versions, newest first.
pub async fn versions(
    store: &dyn Store,
    organisation: OrganisationId,
    id: FormId,
) -> Result<Vec<FormVersion>> {
    get(store, organisation, id).await?;
    Ok(store.form_versions(organisation, id).await?)
}
