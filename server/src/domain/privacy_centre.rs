//! The privacy centre (`/privacy/{organisation}`): a data subject asks to exercise a right,
//! proves control of their e-mail address with a six-digit code, and the request is filed,
//! Verified, with the records that hold the address. Nothing in any answer says whether the
//! address is known.

use chrono::Duration;
use consentry_model::{
    Email, ErrorCode, FieldError, OrgSlug, RequestId,
    audit::{Actor, AuditAction},
    consent::MASKED_TOKEN,
    forms::FormLang,
    records::parse_long_text,
    requests::{
        ChallengeAnswer, ChallengeSent, DataSubjectRequest, PortalRequest, PrivacyCentre,
        RequestFiled, RequestSource, RequestStatus, RequestType, due_date,
    },
};
use serde_json::json;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use consentry_words::subject::{self, MailWord};

use super::{
    Error, Result, clock,
    consent::Delivery,
    language::{Preferred, mail},
};
use crate::store::{AuditNote, Challenge, NewMessage, Store};

/// How long a code works.
const CODE_MINUTES: i64 = 15;
/// Wrong codes allowed before the challenge is spent.
const MAX_ATTEMPTS: u32 = 5;

async fn organisation(
    store: &dyn Store,
    slug: &str,
) -> Result<(consentry_model::OrganisationId, String)> {
    let not_found = || Error::NotFound("privacy centre");
    let slug = OrgSlug::parse(slug).map_err(|_| not_found())?;
    let found = store
        .organisation_by_slug(&slug)
        .await?
        .ok_or_else(not_found)?;
    Ok((found.id, found.name.to_string()))
}

/// What the privacy centre shows.
pub async fn centre(store: &dyn Store, slug: &str, reader: &Preferred) -> Result<PrivacyCentre> {
    let (id, organisation) = organisation(store, slug).await?;
    let (languages, default) = offered(store, id).await?;
    Ok(PrivacyCentre {
        organisation,
        lang: reader.choose(&languages, &default),
        languages,
    })
}

/// The languages an organisation's privacy centre offers (those of its published forms,
/// English when it has none) and the one it falls back to (its first form's default).
async fn offered(
    store: &dyn Store,
    organisation: consentry_model::OrganisationId,
) -> Result<(Vec<FormLang>, FormLang)> {
    let mut languages = Vec::new();
    let mut default = None;
    for form in store.forms(organisation).await? {
        if let Some((_, design)) = store.published_form(organisation, form.id).await? {
            default.get_or_insert_with(|| design.default_lang.clone());
            languages.extend(design.languages());
        }
    }
    languages.retain(|l| subject::speaks(l.as_str()));
    languages.sort();
    languages.dedup();
    let default = default
        .filter(|d| languages.contains(d))
        .unwrap_or_else(|| FormLang::parse(subject::SOURCE).expect("a language code"));
    if languages.is_empty() {
        languages.push(default.clone());
    }
    Ok((languages, default))
}

fn code_hash(challenge: Uuid, code: &str) -> [u8; 32] {
    let mut hash = Sha256::new();
    hash.update(challenge.as_bytes());
    hash.update(code.as_bytes());
    hash.finalize().into()
}

/// Six random digits.
fn new_code() -> String {
    use argon2::password_hash::rand_core::{OsRng, RngCore};
    format!("{:06}", OsRng.next_u32() % 1_000_000)
}

/// The message carrying the code, in the page's language. The code is given as `code`: the
/// stored message holds it masked ([`MASKED_TOKEN`]), and it is put in only as the message is
/// handed to the mail server; the subject line never holds it.
fn code_message(
    lang: &FormLang,
    organisation: &str,
    kind: RequestType,
    code: &str,
) -> (String, String) {
    let lang = lang.as_str();
    let minutes = CODE_MINUTES.to_string();
    (
        mail::say(
            lang,
            MailWord::MailCodeSubject,
            &[("organisation", organisation)],
        ),
        mail::letter(
            lang,
            &[mail::say(
                lang,
                MailWord::MailCodeBody,
                &[
                    ("organisation", organisation),
                    ("right", mail::right(lang, kind)),
                    ("code", code),
                    ("minutes", &minutes),
                ],
            )],
        ),
    )
}

/// Takes a request and mails its code; the answer is the same for every valid address.
#[tracing::instrument(skip_all, fields(organisation = %slug))]
pub async fn ask(
    store: &dyn Store,
    slug: &str,
    request: PortalRequest,
    delivery: Delivery<'_>,
) -> Result<ChallengeSent> {
    let (organisation, name) = organisation(store, slug).await?;
    if !subject::speaks(request.lang.as_str()) {
        return Err(Error::Invalid {
            field: "lang".into(),
            error: FieldError::NotAnOption,
        });
    }
    let email = Email::parse(&request.email).map_err(|error| Error::Invalid {
        field: "email".into(),
        error,
    })?;
    let details = match request.details.as_deref().map(parse_long_text).transpose() {
        Ok(details) => details.flatten(),
        Err(error) => {
            return Err(Error::Invalid {
                field: "details".into(),
                error,
            });
        }
    };
    if details.is_none() && request.kind == RequestType::Rectification {
        return Err(Error::Invalid {
            field: "details".into(),
            error: FieldError::Empty,
        });
    }
    let id = Uuid::now_v7();
    let code = new_code();
    let expires_at = clock::now() + Duration::minutes(CODE_MINUTES);
    let (subject, body_text) = code_message(&request.lang, &name, request.kind, MASKED_TOKEN);
    let challenge = Challenge {
        id,
        organisation,
        email: email.clone(),
        kind: request.kind,
        details,
        lang: request.lang,
        code_hash: code_hash(id, &code),
        attempts: 0,
        expires_at,
        used_at: None,
    };
    let message = NewMessage {
        about_request: None,
        kind: consentry_model::consent::MessageKind::PrivacyCentreCode,
        record: None,
        recipient: email.to_string(),
        subject,
        body_text,
        body_html: None,
        status: delivery.status,
        // Sealed: the code is put in only as the message is handed to the mail server.
        secret: Some(code),
        list_unsubscribe: None,
        link: None,
        on_delivered: None,
        job: None,
        // A code no longer works after its minutes: not retried past them.
        expires_at: Some(expires_at),
    };
    store.insert_challenge(&challenge, message).await?;
    Ok(ChallengeSent {
        challenge: id,
        expires_at,
    })
}

/// Checks the code; on success files the request (Verified, due in one month) with the
/// records that hold the address in modules with compliance on.
#[tracing::instrument(skip_all, fields(challenge = %challenge))]
pub async fn verify(
    store: &dyn Store,
    challenge: Uuid,
    answer: ChallengeAnswer,
) -> Result<RequestFiled> {
    let gone = |code: ErrorCode, message: &str| Error::Gone {
        code,
        message: message.into(),
    };
    // The try is spent before the code is compared, in one conditional update: however many
    // answers arrive at once, at most MAX_ATTEMPTS codes are ever compared.
    let Some(found) = store
        .take_try(challenge, MAX_ATTEMPTS, clock::now())
        .await?
    else {
        let found = store
            .challenge(challenge)
            .await?
            .ok_or(Error::NotFound("request"))?;
        return Err(if found.used_at.is_some() {
            gone(ErrorCode::CodeUsed, "This request is filed already.")
        } else if found.expires_at <= clock::now() {
            gone(
                ErrorCode::CodeExpired,
                "This code has expired. Make the request again to get a new one.",
            )
        } else {
            gone(
                ErrorCode::TooManyAttempts,
                "Too many wrong codes. Make the request again to get a new one.",
            )
        });
    };
    let given = answer.code.trim();
    let matches = given.len() == 6
        && given.bytes().all(|b| b.is_ascii_digit())
        && subtle_eq(&code_hash(challenge, given), &found.code_hash);
    if !matches {
        let left = MAX_ATTEMPTS.saturating_sub(found.attempts);
        return Err(Error::Rejected {
            field: "code".into(),
            message: if left == 0 {
                "That code is not right, and no tries are left. Make the request again.".into()
            } else {
                format!("That code is not right. {left} more tries.")
            },
        });
    }
    let records = store
        .records_with_email(found.organisation, &found.email)
        .await?;
    // Received on the organisation's day, not UTC's (past midnight in Amsterdam is still
    // yesterday in UTC): the deadline counts from there.
    let zone = store
        .organisations()
        .await?
        .into_iter()
        .find(|o| o.id == found.organisation)
        .map(|o| o.time_zone)
        .unwrap_or_default();
    let received = clock::today_in(&zone);
    let request = DataSubjectRequest {
        messages: Vec::new(),
        erasure_confirmation: None,
        id: RequestId(Uuid::nil()),
        kind: found.kind,
        source: RequestSource::Portal,
        requested_by: found.email.to_string(),
        requested_on: received,
        due_on: due_date(received),
        status: RequestStatus::Verified,
        details: found.details.clone(),
        records,
        extended_due_on: None,
        extension_reason: None,
        rejection_reason: None,
        closed_by: None,
        closed_on: None,
        lang: Some(found.lang.clone()),
    };
    let audit = AuditNote {
        actor: Actor::VerifiedEmail.stored_name().into(),
        action: AuditAction::RequestCreated,
        subject: None,
        before: None,
        after: Some(json!({ "kind": found.kind, "source": "portal",
                            "records": request.records.len(), "due_on": request.due_on })),
    };
    let filed = store
        .file_verified(challenge, request, audit)
        .await?
        .ok_or_else(|| gone(ErrorCode::CodeUsed, "This request is filed already."))?;
    Ok(RequestFiled {
        due_on: filed.due_on,
    })
}

/// Mails a record's subject the address of the privacy centre, where they can exercise their
/// rights (not while their processing is stopped: they get no e-mail then).
pub async fn send_link(
    store: &dyn Store,
    session: &consentry_model::auth::Session,
    record: consentry_model::RecordId,
    delivery: Delivery<'_>,
) -> Result<()> {
    let found = super::records::get(store, session.organisation.id, record).await?;
    if found.privacy.as_ref().is_some_and(|p| p.stop_processing) {
        return Err(Error::Conflict {
            code: ErrorCode::StopProcessing,
            field: None,
            message: "The data subject asked to stop processing; they get no e-mail.".into(),
        });
    }
    let Some(email) = found.fields.email else {
        return Err(Error::Conflict {
            code: ErrorCode::NoEmail,
            field: None,
            message: "The record has no e-mail address to send the link to.".into(),
        });
    };
    let organisation = session.organisation.name.to_string();
    // The language the subject last answered a form in, if it is on offer; else the centre's.
    let (languages, default) = offered(store, session.organisation.id).await?;
    let lang = store
        .consent_events(session.organisation.id, record)
        .await?
        .into_iter()
        .max_by_key(|e| e.at)
        .map(|e| e.lang)
        .filter(|l| languages.contains(l))
        .unwrap_or(default);
    let link = format!(
        "{}/privacy/{}?lang={lang}",
        delivery.base_url.trim_end_matches('/'),
        session.organisation.slug
    );
    let lang = lang.as_str();
    let values = [
        ("organisation", organisation.as_str()),
        ("link", link.as_str()),
    ];
    let message = NewMessage {
        about_request: None,
        kind: consentry_model::consent::MessageKind::RequestNotice,
        record: Some(record),
        recipient: email.to_string(),
        subject: mail::say(lang, MailWord::MailRightsSubject, &values),
        body_text: mail::letter(lang, &[mail::say(lang, MailWord::MailRightsBody, &values)]),
        body_html: None,
        status: delivery.status,
        secret: None,
        list_unsubscribe: None,
        link: None,
        on_delivered: None,
        job: None,
        // The privacy centre's address does not expire.
        expires_at: None,
    };
    let audit = AuditNote {
        actor: session.actor(),
        action: AuditAction::DataRequestLinkSent,
        subject: Some(record.to_string()),
        before: None,
        after: None,
    };
    Ok(store
        .send_message(session.organisation.id, message, audit)
        .await?)
}

/// Compares two hashes in constant time.
fn subtle_eq(a: &[u8; 32], b: &[u8; 32]) -> bool {
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_six_digits_and_only_their_hash_is_kept() {
        let code = new_code();
        assert_eq!(code.len(), 6);
        assert!(code.bytes().all(|b| b.is_ascii_digit()));
        let id = Uuid::now_v7();
        assert_eq!(code_hash(id, &code), code_hash(id, &code));
        assert_ne!(code_hash(id, &code), code_hash(Uuid::now_v7(), &code));
        assert!(subtle_eq(
            &code_hash(id, "123456"),
            &code_hash(id, "123456")
        ));
        assert!(!subtle_eq(
            &code_hash(id, "123456"),
            &code_hash(id, "123457")
        ));
    }

    #[test]
    fn the_code_mail_speaks_the_page_language() {
        let nl = FormLang::parse("nl").expect("code");
        let (subject, body) = code_message(&nl, "Acme", RequestType::Erasure, "042137");
        assert_eq!(subject, "Acme: uw bevestigingscode");
        assert!(body.contains("042137"));
        assert!(body.starts_with("Hallo,\n\n"), "{body}");
        assert!(
            body.contains("recht op gegevenswissing (artikel 17 AVG)"),
            "{body}"
        );
        let en = FormLang::parse("en").expect("code");
        let (_, body) = code_message(&en, "Acme", RequestType::Access, "042137");
        assert!(body.contains("right of access (Article 15 GDPR)"), "{body}");
        assert!(body.contains("\n\n042137\n\n"), "{body}");
    }
}
