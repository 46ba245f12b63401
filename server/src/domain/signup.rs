//! Public sign-up through a consent form (`/f/{organisation}/{form}`). With double opt-in
//! (the organisation's default, overridable per form) the record is created Waiting and a
//! confirmation link is mailed; consent counts from the click. Without it, consent is
//! recorded at once. One address makes one record per module, however often it signs up.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use consentry_model::{
    ConsentStatus, Email, ErrorCode, FieldError, FormId, LegalBasis, OrgSlug, OrganisationId,
    audit::{Actor, AuditAction},
    auth::Session,
    consent::{ConsentOutcome, MASKED_TOKEN},
    forms::{ConsentChoices, ConsentForm, FormLang},
    notes::{FormAnswer, SourceNote},
    records::{Consent, ConsentThrough, DataPrivacy, DataSource, RecordFields, SourceKind},
    signup::{SignUpConfirmation, SignUpOutcome, SignUpPage, SignUpSettings, SignUpSubmission},
};
use serde_json::json;

use consentry_words::subject::MailWord;

use super::language::Preferred;

use super::{
    Error, Result,
    answer::{Answering, Browser, INVALID_TRANSITION, PROCESSING_STOPPED, SubjectAnswer},
    clock,
    consent::{Delivery, answered, check_choices, recorded_answer, status_change, truncate_ip},
    data_privacy::{ConsentAction, transition},
    language::mail,
    receipts::{self, Answered},
    settings,
    token::SecretToken,
};
use crate::store::{
    AnswerOutcome, AuditNote, ConsentEventWrite, ForgottenSignUp, LinkGone, NewMessage,
    OnDelivered, PendingSignUp, PendingWrite, PrivacyChange, PublicAnswer, PublicForm, RecordWrite,
    Refusal, SignUpRecord, SignUpWrite, Store, StoreError,
};

/// Whether a form's sign-ups need confirming.
pub fn double_opt_in(form: &PublicForm) -> bool {
    form.sign_up
        .double_opt_in
        .unwrap_or(form.organisation_double_opt_in)
}

/// The form behind the public address, when it takes sign-ups.
async fn open_form(store: &dyn Store, organisation: &str, form: &str) -> Result<PublicForm> {
    let not_found = || Error::NotFound("sign-up form");
    let slug = OrgSlug::parse(organisation).map_err(|_| not_found())?;
    let found = store
        .public_form(&slug, form)
        .await?
        .ok_or_else(not_found)?;
    let module = found.sign_up.module_id.ok_or_else(not_found)?;
    // Compliance may have been switched off for the module since.
    let enabled = store
        .modules(found.organisation)
        .await?
        .iter()
        .any(|m| m.id == module && m.compliance_enabled);
    if enabled { Ok(found) } else { Err(not_found()) }
}

/// What the sign-up page shows.
pub async fn page(
    store: &dyn Store,
    organisation: &str,
    form: &str,
    reader: &Preferred,
) -> Result<SignUpPage> {
    let found = open_form(store, organisation, form).await?;
    let confirm = double_opt_in(&found);
    let kept_until = kept_until(store, &found).await?;
    Ok(SignUpPage {
        double_opt_in: confirm,
        kept_until,
        organisation: found.organisation_name,
        lang: reader.choose(&found.design.languages(), &found.design.default_lang),
        design: found.design,
        version: found.version.version,
    })
}

/// Until when a sign-up made now through `form` is kept unconfirmed (the organisation's
/// waiting period); `None` without double opt-in (nothing waits).
pub async fn kept_until(store: &dyn Store, form: &PublicForm) -> Result<Option<chrono::NaiveDate>> {
    if !double_opt_in(form) {
        return Ok(None);
    }
    let waiting = settings::get(store, form.organisation)
        .await?
        .waiting_period_days;
    Ok(Some(
        (clock::now() + Duration::days(i64::from(waiting.days()))).date_naive(),
    ))
}

fn invalid(field: &str, error: FieldError) -> Error {
    Error::Invalid {
        field: field.into(),
        error,
    }
}

/// The confirmation e-mail, in the language of the sign-up.
fn confirmation_message(
    lang: &FormLang,
    organisation: &str,
    title: &str,
    link: &str,
    last_day: NaiveDate,
) -> (String, String) {
    let lang = lang.as_str();
    let until = last_day.to_string();
    let values = [
        ("organisation", organisation),
        ("title", title),
        ("link", link),
        ("until", until.as_str()),
    ];
    (
        mail::say(lang, MailWord::MailSignupSubject, &values),
        mail::letter(lang, &[mail::say(lang, MailWord::MailSignupBody, &values)]),
    )
}

/// Where a public sign-up form is: `/f/{organisation}/{form}`, by short names.
#[derive(Debug, Clone, Copy)]
pub struct FormAddress<'a> {
    /// The organisation's short name.
    pub organisation: &'a str,
    /// The form's short name.
    pub form: &'a str,
}

/// Takes a sign-up. The answer never says whether the address was known.
#[tracing::instrument(skip_all, fields(organisation = %at.organisation, form = %at.form))]
pub async fn submit(
    store: &dyn Store,
    at: FormAddress<'_>,
    submission: SignUpSubmission,
    delivery: Delivery<'_>,
    browser: Browser<'_>,
) -> Result<SignUpOutcome> {
    let (FormAddress { organisation, form }, Browser { ip, user_agent }) = (at, browser);
    let found = open_form(store, organisation, form).await?;
    if submission.version != found.version.version {
        return Err(Error::Gone {
            code: ErrorCode::FormChanged,
            message: "The form was changed while you filled it in. Reload the page and check \
                      your choices again."
                .into(),
        });
    }
    let email = Email::parse(&submission.email).map_err(|e| invalid("email", e))?;
    let fields = RecordFields {
        first_name: submission
            .first_name
            .map(|n| n.trim().to_owned())
            .filter(|n| !n.is_empty()),
        last_name: submission
            .last_name
            .map(|n| n.trim().to_owned())
            .filter(|n| !n.is_empty()),
        email: Some(email.clone()),
        ..RecordFields::default()
    };
    fields.check().map_err(|(field, e)| invalid(field, e))?;
    let design = &found.design;
    check_choices(design, &submission.lang, &submission.choices)?;
    let required_missing = design
        .purposes
        .iter()
        .any(|p| p.required && !submission.choices.granted.contains(&p.key));
    if submission.choices.granted.is_empty() || required_missing {
        return Err(invalid("choices.granted", FieldError::Empty));
    }
    let module = found
        .sign_up
        .module_id
        .ok_or(Error::NotFound("sign-up form"))?;
    let now = clock::now();
    // A new sign-up of an address erased before is allowed (the subject asks anew) and
    // flagged for the administrator in the record's data source.
    let erased_before = super::erasure::suppressed(store, found.organisation, &email).await?;
    let note = SourceNote::SignUp {
        answer: FormAnswer {
            form: found.form_name.clone(),
            version: found.version.version,
            address: truncate_ip(ip),
        },
        erased_before,
    };
    let source = DataSource {
        through: SourceKind::ConsentForm,
        by: found.form_name.clone(),
        detail: Some(note.english()),
        at: now,
    };
    let confirm = double_opt_in(&found);
    let audit = AuditNote {
        actor: Actor::DataSubject.stored_name().into(),
        action: AuditAction::SignedUp,
        subject: None,
        before: None,
        after: Some(
            json!({ "form": found.form, "version": found.version.version,
                            "double_opt_in": confirm }),
        ),
    };
    // Two tries: a sign-up of the same address may create the record in between.
    for _ in 0..2 {
        let existing = store
            .record_by_email(found.organisation, module, &email)
            .await?;
        let write = if confirm {
            let waiting = settings::get(store, found.organisation)
                .await?
                .waiting_period_days;
            let expires_at = now + Duration::days(i64::from(waiting.days()));
            let token = SecretToken::generate();
            // Sealed: the stored message holds the link masked; the token is put in only as
            // the message is handed to the mail server.
            let link = format!(
                "{}/confirm/{MASKED_TOKEN}",
                delivery.base_url.trim_end_matches('/'),
            );
            // What the subject signed up for (the purposes), not the form's heading.
            let title = design.signed_up_for(Some(&submission.lang), &submission.choices);
            let (subject, body_text) = confirmation_message(
                &submission.lang,
                &found.organisation_name,
                &title,
                &link,
                // The link's last day where the organisation is.
                clock::day_in(&found.organisation_time_zone, expires_at),
            );
            let record = match &existing {
                // Nothing of a known record changes before its owner confirms.
                Some(record) => SignUpRecord::Existing {
                    id: record.id,
                    privacy: None,
                },
                None => SignUpRecord::New(Box::new(RecordWrite {
                    module,
                    fields: fields.clone(),
                    privacy: Some(DataPrivacy {
                        basis: LegalBasis::Consent,
                        lawful_reason: None,
                        // Waiting only once the confirmation mail is delivered (the message's
                        // effect): a sign-up whose mail never arrived is not left to expire.
                        consent: Some(Consent {
                            status: ConsentStatus::Pending,
                            date: None,
                            through: Some(ConsentThrough::ConsentForm),
                            contact_through: Vec::new(),
                            remarks: None,
                            mail_sent_at: None,
                        }),
                        stop_processing: false,
                    }),
                    change: Some(PrivacyChange {
                        before_basis: None,
                        after_basis: LegalBasis::Consent,
                        before_status: None,
                        after_status: Some(ConsentStatus::Pending),
                        lawful_reason: None,
                        evidence: None,
                        given: None,
                    }),
                    source: source.clone(),
                })),
            };
            SignUpWrite {
                record,
                source: source.clone(),
                pending: Some(PendingWrite {
                    token_hash: token.hash(),
                    form: found.form,
                    version: found.version.version,
                    lang: submission.lang.clone(),
                    choices: submission.choices.clone(),
                    expires_at,
                    message: NewMessage {
                        about_request: None,
                        kind: consentry_model::consent::MessageKind::SignUpConfirmation,
                        record: None,
                        recipient: email.to_string(),
                        subject,
                        body_text,
                        body_html: None,
                        status: delivery.status,
                        secret: Some(token.as_str().to_owned()),
                        list_unsubscribe: None,
                        link: None,
                        // Nothing of a known record changes before its owner confirms.
                        on_delivered: existing
                            .is_none()
                            .then_some(OnDelivered::SignUpConfirmation {}),
                        job: None,
                        // The link stops working when the sign-up is forgotten.
                        expires_at: Some(expires_at),
                    },
                }),
                event: None,
                audit: audit.clone(),
            }
        } else {
            let grant = granting(
                submission.choices.clone(),
                clock::day_in(&found.organisation_time_zone, now),
            );
            let record = match &existing {
                // Decided on the record's section as the sign-up's transaction reads it.
                Some(record) => SignUpRecord::Existing {
                    id: record.id,
                    privacy: Some(Box::new(grant)),
                },
                None => {
                    let (after, change) = grant(None)?;
                    SignUpRecord::New(Box::new(RecordWrite {
                        module,
                        fields: fields.clone(),
                        privacy: Some(after),
                        change,
                        source: source.clone(),
                    }))
                }
            };
            SignUpWrite {
                record,
                source: source.clone(),
                pending: None,
                event: Some(ConsentEventWrite {
                    // Set by the store for a new record.
                    record: existing
                        .as_ref()
                        .map_or(consentry_model::RecordId(uuid::Uuid::nil()), |r| r.id),
                    form: found.form,
                    version: found.version.version,
                    text_hash: found.version.text_hash.clone(),
                    lang: found.design.written_in(&submission.lang).clone(),
                    decision: "granted",
                    choices: submission.choices.clone(),
                    at: now,
                    ip: truncate_ip(ip),
                    user_agent: user_agent.clone().map(|ua| ua.chars().take(300).collect()),
                }),
                audit: audit.clone(),
            }
        };
        // The key first: consent is recorded only when its receipt can be signed.
        let key = if confirm {
            None
        } else {
            Some(receipts::organisation_key(store, found.organisation).await?)
        };
        let (record, event) = match store.sign_up(found.organisation, write).await {
            Err(StoreError::Conflict("records.email")) => continue,
            other => other??,
        };
        let (Some(event_id), Some(signer)) = (event, key) else {
            return Ok(SignUpOutcome::ConfirmationSent);
        };
        crate::telemetry::consent_event(crate::telemetry::ConsentThrough::SignUp);
        let context = receipts::context(
            store,
            found.organisation,
            &found.organisation_name,
            receipts::Covered::Record(record),
        )
        .await?;
        return Ok(SignUpOutcome::Recorded(receipts::issue(
            &signer,
            Answered {
                context: &context,
                principal: &record.to_string(),
                form_name: &found.form_name,
                design,
                version: found.version.version,
                text_hash: &found.version.text_hash,
                lang: found.design.written_in(&submission.lang),
                status: ConsentStatus::Obtained,
                granted: &submission.choices.granted,
                decision: "granted",
            },
            event_id,
            now,
            "Consentry sign-up form",
            false,
        )));
    }
    Err(Error::Internal(
        "a record with this address kept appearing during the sign-up".into(),
    ))
}

/// Consent granted through a sign-up without double opt-in: the section it leaves and the event
/// of the change, decided on the section as stored (`None`: a new record). A stop of
/// processing the subject asked for is not lifted by it.
fn granting(
    choices: ConsentChoices,
    day: NaiveDate,
) -> impl Fn(Option<&DataPrivacy>) -> std::result::Result<(DataPrivacy, Option<PrivacyChange>), Refusal>
+ Send
+ Sync
+ 'static {
    move |before| {
        if before.is_some_and(|p| p.stop_processing) {
            return Err(PROCESSING_STOPPED);
        }
        let current = before
            .and_then(|p| p.consent.as_ref())
            .map_or(ConsentStatus::Pending, |c| c.status);
        let status = transition(current, ConsentAction::Granted).map_err(|_| INVALID_TRANSITION)?;
        let after = answered(before, status, &choices, day);
        let change = match before {
            Some(before) => status_change(before, &after),
            None => Some(PrivacyChange {
                before_basis: None,
                after_basis: LegalBasis::Consent,
                before_status: None,
                after_status: Some(status),
                lawful_reason: None,
                evidence: None,
                given: None,
            }),
        };
        Ok((after, change))
    }
}

/// The sign-up behind a confirmation token, while it can still be confirmed.
async fn pending(
    store: &dyn Store,
    token: &SecretToken,
    now: DateTime<Utc>,
) -> Result<PendingSignUp> {
    let pending = store
        .pending_sign_up(&token.hash())
        .await?
        .ok_or(Error::NotFound("sign-up"))?;
    if pending.confirmed_at.is_some() {
        return Err(Error::Gone {
            code: ErrorCode::LinkSpent,
            message: "This sign-up is confirmed already; nothing more to do.".into(),
        });
    }
    if pending.expires_at <= now {
        return Err(Error::Gone {
            code: ErrorCode::LinkExpired,
            message: "This confirmation link has expired. Sign up again to get a new one.".into(),
        });
    }
    Ok(pending)
}

/// What the confirmation page shows before the subject confirms.
pub async fn confirmation(store: &dyn Store, token: &SecretToken) -> Result<SignUpConfirmation> {
    let pending = pending(store, token, clock::now()).await?;
    let (_, design) = store
        .form_version(pending.organisation, pending.form, pending.version)
        .await?
        .ok_or(Error::NotFound("consent form"))?;
    Ok(SignUpConfirmation {
        organisation: pending.organisation_name,
        title: design.signed_up_for(Some(&pending.lang), &pending.choices),
        lang: pending.lang,
    })
}

/// The subject confirms: the consent event with the version they read at sign-up, status
/// Obtained, and the signed receipt.
#[tracing::instrument(skip_all, fields(organisation, record))]
pub async fn confirm(
    store: &dyn Store,
    token: &SecretToken,
    browser: Browser<'_>,
) -> Result<ConsentOutcome> {
    let Browser { ip, user_agent } = browser;
    let now = clock::now();
    let pending = pending(store, token, now).await?;
    let organisation = pending.organisation;
    tracing::Span::current()
        .record("organisation", tracing::field::display(organisation))
        .record("record", tracing::field::display(pending.record));
    let (version, design) = store
        .form_version(organisation, pending.form, pending.version)
        .await?
        .ok_or(Error::NotFound("consent form"))?;
    let address = truncate_ip(ip);
    let source = DataSource {
        through: SourceKind::ConsentForm,
        by: pending.form_name.clone(),
        detail: Some(
            SourceNote::SignUpConfirmed(FormAnswer {
                form: pending.form_name.clone(),
                version: version.version,
                address: address.clone(),
            })
            .english(),
        ),
        at: now,
    };
    let signer = receipts::organisation_key(store, organisation).await?;
    let context = receipts::context(
        store,
        organisation,
        &pending.organisation_name,
        receipts::Covered::Record(pending.record),
    )
    .await?;
    let answer = SubjectAnswer {
        answering: Answering::SignUpConfirmation,
        choices: pending.choices.clone(),
        form: pending.form,
        version: version.version,
        at: now,
        day: clock::day_in(&pending.organisation_time_zone, now),
    };
    let written = store
        .confirm_sign_up(PublicAnswer {
            organisation,
            token_hash: token.hash(),
            event: ConsentEventWrite {
                record: pending.record,
                form: pending.form,
                version: version.version,
                text_hash: version.text_hash.clone(),
                lang: design.written_in(&pending.lang).clone(),
                decision: "",
                choices: pending.choices.clone(),
                at: now,
                ip: address,
                user_agent: user_agent.map(|ua| ua.chars().take(300).collect()),
            },
            source,
            rule: Box::new(move |before| answer.decide(before)),
        })
        .await?;
    let (event_id, plan) = match written {
        AnswerOutcome::LinkGone(LinkGone::Spent) => {
            return Err(Error::Gone {
                code: ErrorCode::LinkSpent,
                message: "This sign-up is confirmed already; nothing more to do.".into(),
            });
        }
        outcome => recorded_answer(outcome)?,
    };
    crate::telemetry::consent_event(crate::telemetry::ConsentThrough::SignUp);
    Ok(receipts::issue(
        &signer,
        Answered {
            context: &context,
            principal: &pending.record.to_string(),
            form_name: &pending.form_name,
            design: &design,
            version: version.version,
            text_hash: &version.text_hash,
            lang: design.written_in(&pending.lang),
            status: plan.status(),
            granted: &pending.choices.granted,
            decision: plan.decision,
        },
        event_id,
        now,
        "Consentry sign-up form, confirmed by e-mail (double opt-in)",
        false,
    ))
}

/// Sets where a form's sign-ups go and whether they need confirming. The module must be the
/// organisation's and have compliance on.
pub async fn set_settings(
    store: &dyn Store,
    session: &Session,
    form: FormId,
    settings: SignUpSettings,
) -> Result<ConsentForm> {
    let organisation: OrganisationId = session.organisation.id;
    if let Some(module) = settings.module_id {
        let module = store
            .modules(organisation)
            .await?
            .into_iter()
            .find(|m| m.id == module)
            .ok_or_else(|| invalid("module_id", FieldError::NotAnOption))?;
        if !module.compliance_enabled {
            return Err(Error::Conflict {
                code: ErrorCode::ComplianceDisabled,
                field: Some("module_id"),
                message: format!(
                    "Compliance is off for {}; enable it under Setup > Compliance Settings \
                     first, so sign-ups get a legal basis.",
                    module.name
                ),
            });
        }
    }
    let audit = AuditNote {
        actor: session.actor(),
        action: AuditAction::FormSignUpChanged,
        subject: Some(form.to_string()),
        before: None,
        after: Some(json!(settings)),
    };
    store
        .set_sign_up(organisation, form, settings, audit)
        .await?
        .ok_or(Error::NotFound("form"))
}

/// Forgets sign-ups whose link expired a month ago (run hourly); how many.
pub async fn purge(store: &dyn Store, now: DateTime<Utc>) -> Result<u64> {
    Ok(store.purge_sign_ups(now - Duration::days(30)).await?)
}

/// What the hourly job deleted of unconfirmed sign-ups.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Forgotten {
    /// Sign-ups deleted.
    pub sign_ups: u64,
    /// Records deleted with them (created by the sign-up, holding nothing else).
    pub records: u64,
}

/// Deletes the sign-ups not confirmed within the waiting period, as the sign-up page and the
/// confirmation mail promise ("without confirmation it is deleted"), with the record a
/// sign-up created when it holds nothing else; each audited as done by the system. `now` is
/// the job's clock (tests pass a later one). Run hourly.
#[tracing::instrument(skip_all)]
pub async fn forget_unconfirmed(store: &dyn Store, now: DateTime<Utc>) -> Result<Forgotten> {
    let audit = |gone: &ForgottenSignUp| AuditNote {
        actor: Actor::System.stored_name().into(),
        action: AuditAction::SignUpForgotten,
        subject: Some(gone.record.to_string()),
        before: None,
        after: Some(json!({
            "sign_ups": gone.sign_ups,
            "messages_deleted": gone.messages_deleted,
            "record_deleted": gone.record_deleted,
            "reason": consentry_model::audit::WrittenReason::NotConfirmed.stored(),
        })),
    };
    let gone = store.forget_unconfirmed_sign_ups(now, &audit).await?;
    Ok(Forgotten {
        sign_ups: gone.iter().map(|g| g.sign_ups).sum(),
        records: gone.iter().filter(|g| g.record_deleted).count() as u64,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_confirmation_mail_speaks_the_sign_up_language() {
        let expires = clock::now().date_naive();
        let nl = FormLang::parse("nl").expect("code");
        let (subject, body) =
            confirmation_message(&nl, "Acme", "Nieuwsbrief", "https://x/confirm/t", expires);
        assert_eq!(subject, "Acme: bevestig uw aanmelding");
        assert!(body.contains("https://x/confirm/t"));
        let until = expires.to_string();
        assert!(
            body.contains(&format!("We bewaren uw aanmelding (uw naam, e-mailadres en keuzes) tot {until}; zonder bevestiging wordt ze dan verwijderd.")),
            "{body}"
        );
        let en = FormLang::parse("en").expect("code");
        let (_, body) = confirmation_message(&en, "Acme", "News", "l", expires);
        assert!(
            body.contains(&format!("We keep your sign-up (your name, e-mail address and choices) until {until}; without confirmation it is deleted then.")),
            "{body}"
        );
        assert!(
            !body.contains("nothing is recorded"),
            "the record exists at once"
        );
        let unknown = FormLang::parse("xx").expect("code");
        let (subject, _) = confirmation_message(&unknown, "Acme", "News", "l", expires);
        assert_eq!(
            subject, "Acme: confirm your sign-up",
            "English for a language not spoken"
        );
    }
}
