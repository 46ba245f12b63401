//! E-mail templates: saved only when every merge field is known and the consent link is in
//! the message; rendered per recipient when consent requests are sent, and previewed for a
//! chosen record before that.

use chrono::{Duration, NaiveDate};
use consentry_model::{
    ErrorCode, FormId, OrganisationId, TemplateId,
    audit::AuditAction,
    auth::Session,
    records::Record,
    templates::{
        EmailTemplate, MergeError, MergeValues, MessageTemplate, RenderedMessage, TemplateContent,
        TemplatePreview,
    },
};
use serde_json::json;

use consentry_words::subject::{self, MailWord};

use super::{Error, Result, clock, records, settings};
use crate::store::{AuditNote, Store, StoreError};

/// Checks a template's texts; the error names the field and, for an unknown merge field, the
/// field's name as written.
pub fn check(content: &TemplateContent) -> Result<MessageTemplate> {
    content.check().map_err(|(field, error)| match error {
        MergeError::Text(error) => Error::Invalid {
            field: field.into(),
            error,
        },
        other => Error::Rejected {
            field: field.into(),
            message: other.to_string(),
        },
    })
}

fn trimmed(mut content: TemplateContent) -> TemplateContent {
    content.name = content.name.trim().to_owned();
    content.subject = content.subject.trim().to_owned();
    content.body_html = content.body_html.filter(|h| !h.trim().is_empty());
    content
}

fn name_taken(e: StoreError, name: &str) -> Error {
    match e {
        StoreError::Conflict("email_templates.name") => Error::Conflict {
            code: ErrorCode::TemplateTaken,
            field: Some("name"),
            message: format!("A template named {name:?} exists already; choose another name."),
        },
        other => other.into(),
    }
}

fn note(session: &Session, action: AuditAction, id: Option<TemplateId>, name: &str) -> AuditNote {
    AuditNote {
        actor: session.actor(),
        action,
        subject: id.map(|id| id.to_string()),
        before: None,
        after: Some(json!({ "name": name })),
    }
}

/// The organisation's templates.
pub async fn list(store: &dyn Store, organisation: OrganisationId) -> Result<Vec<EmailTemplate>> {
    Ok(store.templates(organisation).await?)
}

/// One template.
pub async fn get(
    store: &dyn Store,
    organisation: OrganisationId,
    id: TemplateId,
) -> Result<EmailTemplate> {
    store
        .template(organisation, id)
        .await?
        .ok_or(Error::NotFound("e-mail template"))
}

/// Saves a new template after checking it.
pub async fn create(
    store: &dyn Store,
    session: &Session,
    content: TemplateContent,
) -> Result<EmailTemplate> {
    let content = trimmed(content);
    check(&content)?;
    let audit = note(session, AuditAction::TemplateCreated, None, &content.name);
    store
        .insert_template(session.organisation.id, &content, audit)
        .await
        .map_err(|e| name_taken(e, &content.name))
}

/// Replaces a template's texts after checking them.
pub async fn update(
    store: &dyn Store,
    session: &Session,
    id: TemplateId,
    content: TemplateContent,
) -> Result<EmailTemplate> {
    let content = trimmed(content);
    check(&content)?;
    let audit = note(
        session,
        AuditAction::TemplateChanged,
        Some(id),
        &content.name,
    );
    store
        .update_template(session.organisation.id, id, &content, audit)
        .await
        .map_err(|e| name_taken(e, &content.name))?
        .ok_or(Error::NotFound("e-mail template"))
}

/// Deletes a template (messages already sent with it stay in the outbox).
pub async fn delete(store: &dyn Store, session: &Session, id: TemplateId) -> Result<()> {
    let existing = get(store, session.organisation.id, id).await?;
    let audit = note(
        session,
        AuditAction::TemplateDeleted,
        Some(id),
        &existing.content.name,
    );
    if store
        .delete_template(session.organisation.id, id, audit)
        .await?
    {
        Ok(())
    } else {
        Err(Error::NotFound("e-mail template"))
    }
}

/// The built-in consent request in `lang` (the form's default language), written with the
/// merge fields of a template of one's own.
pub fn built_in(lang: &str) -> TemplateContent {
    let fields = [
        ("organisation", "{{org.name}}"),
        ("name", "{{record.name}}"),
        ("link", "{{consent_link}}"),
        ("until", "{{consent_link.expires}}"),
    ];
    let say = |word| subject::fill(subject::mail(lang, word), &fields);
    TemplateContent {
        name: say(MailWord::MailConsentName),
        subject: say(MailWord::MailConsentSubject),
        body_text: format!("{}\n", say(MailWord::MailConsentBody)),
        body_html: None,
        language: consentry_model::forms::FormLang::parse(lang).ok(),
    }
}

/// The template a consent request uses: the one named, or the built-in one in `lang`.
pub async fn for_request(
    store: &dyn Store,
    organisation: OrganisationId,
    id: Option<TemplateId>,
    lang: &str,
) -> Result<MessageTemplate> {
    let content = match id {
        Some(id) => {
            store
                .template(organisation, id)
                .await?
                .ok_or(Error::Invalid {
                    field: "template_id".into(),
                    error: consentry_model::FieldError::NotAnOption,
                })?
                .content
        }
        None => built_in(lang),
    };
    check(&content)
}

/// The merge values of one recipient.
pub fn values_for(
    record: &Record,
    organisation: &str,
    form: &str,
    link: String,
    expires: NaiveDate,
) -> MergeValues {
    MergeValues {
        first_name: record.fields.first_name.clone(),
        last_name: record.fields.last_name.clone(),
        email: record
            .fields
            .email
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default(),
        company: record.fields.company.clone(),
        organisation: organisation.to_owned(),
        form: form.to_owned(),
        link,
        expires,
    }
}

/// A template (saved or not) rendered for a chosen record, with an example link: each real
/// recipient gets their own.
pub async fn preview(
    store: &dyn Store,
    session: &Session,
    base_url: &str,
    preview: TemplatePreview,
) -> Result<RenderedMessage> {
    let template = check(&trimmed(preview.template))?;
    let organisation = session.organisation.id;
    let record = records::get(store, organisation, preview.record_id).await?;
    let form_name = match preview.form_id {
        Some(id) => Some(form_name(store, organisation, id).await?),
        None => store
            .forms(organisation)
            .await?
            .into_iter()
            .find(|f| f.published.is_some())
            .map(|f| f.name),
    }
    .unwrap_or_default();
    let waiting = settings::get(store, organisation)
        .await?
        .waiting_period_days;
    let expires = (clock::now() + Duration::days(i64::from(waiting.days()))).date_naive();
    let link = format!("{}/c/example-link", base_url.trim_end_matches('/'));
    Ok(template.render(&values_for(
        &record,
        session.organisation.name.as_ref(),
        &form_name,
        link,
        expires,
    )))
}

async fn form_name(store: &dyn Store, organisation: OrganisationId, id: FormId) -> Result<String> {
    Ok(store
        .form(organisation, id)
        .await?
        .ok_or(Error::Invalid {
            field: "form_id".into(),
            error: consentry_model::FieldError::NotAnOption,
        })?
        .name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_request_is_a_valid_template_in_every_language() {
        for (lang, _) in subject::LANGUAGES {
            let template = built_in(lang);
            assert!(template.body_text.contains("{{consent_link}}"), "{lang}");
            check(&template).unwrap_or_else(|e| panic!("{lang}: {e:?}"));
        }
        assert_eq!(built_in("nl").subject, "{{org.name}}: uw privacykeuzes");
    }
}
