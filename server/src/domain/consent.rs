//! Asking a data subject for consent and recording the answer: the consent link (one record,
//! one form, expiring after the waiting period), the message that carries it, the hosted
//! page's view, and the submission that moves the consent status.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use consentry_model::{
    ConsentStatus, ErrorCode, FieldError, FormId, LegalBasis, OrganisationId, RecordId, TemplateId,
    audit::{Actor, AuditAction},
    auth::Session,
    consent::{
        BulkConsentRequest, BulkSendProgress, ConsentDecision, ConsentOutcome, ConsentPage,
        ConsentRequestSent, ConsentSubmission, DeliveryStatus, JobState, MASKED_TOKEN, MessageKind,
    },
    forms::{ConsentChoices, FormDesign, FormLang},
    notes::{FormAnswer, SourceNote},
    records::{Channel, ConsentThrough, DataPrivacy, DataSource, Record, RecordSort, SourceKind},
    templates::MessageTemplate,
    text::TimeZoneName,
};
use std::sync::Arc;

use serde_json::json;
use uuid::Uuid;

use super::{
    Error, Result,
    answer::{Answering, Browser, SubjectAnswer},
    clock,
    data_privacy::{ConsentAction, transition},
    receipts::{self, Answered},
    records, settings, templates,
    token::SecretToken,
};
use crate::store::{
    AnswerOutcome, AnswerPlan, AuditNote, ConsentEventWrite, ConsentLink, ConsentRequestWrite,
    JobKind, LinkGone, NewJob, NewMessage, OnDelivered, Position, PrivacyChange, PublicAnswer,
    Skipped, Store, StoreError, Unrenewed,
};

fn refused(code: ErrorCode, message: impl Into<String>) -> Error {
    Error::Conflict {
        code,
        field: None,
        message: message.into(),
    }
}

/// Why a record cannot be sent a consent request, if it cannot.
pub fn send_blocker(record: &Record, design: &FormDesign) -> Option<Error> {
    let Some(privacy) = &record.privacy else {
        return Some(refused(
            ErrorCode::ComplianceDisabled,
            "Compliance is off for this record's module; enable it under Setup > Compliance \
             Settings first.",
        ));
    };
    if privacy.stop_processing {
        return Some(refused(
            ErrorCode::StopProcessing,
            "The data subject asked to stop processing; no consent request may be sent.",
        ));
    }
    if privacy.basis != LegalBasis::Consent {
        return Some(refused(
            ErrorCode::BasisNotConsent,
            "Set the record's Data Processing Basis to Consent before asking for it.",
        ));
    }
    if privacy
        .consent
        .as_ref()
        .is_some_and(|c| c.status == ConsentStatus::Denied)
    {
        return Some(refused(
            ErrorCode::SubjectDenied,
            "The data subject refused consent; they are not asked again.",
        ));
    }
    if record.fields.email.is_none() {
        return Some(refused(
            ErrorCode::NoEmail,
            "The record has no e-mail address to send the consent request to.",
        ));
    }
    if !design.channels.contains(&Channel::Email) {
        return Some(refused(
            ErrorCode::EmailChannelHidden,
            "The form hides the E-mail channel, so it cannot be used to ask by e-mail.",
        ));
    }
    None
}

/// Who asks for consent: a user of the admin app, or the data subject asking for a new link.
#[derive(Debug, Clone)]
pub struct Requester {
    /// The organisation.
    pub organisation: OrganisationId,
    /// Its display name, for the message.
    pub organisation_name: String,
    /// Who, for the data source.
    pub name: String,
    /// Who, for the audit trail.
    pub audit_actor: String,
    /// The organisation's time zone: the message gives the link's last day there.
    pub time_zone: TimeZoneName,
}

impl Requester {
    /// The signed-in user.
    pub fn user(session: &Session) -> Requester {
        Requester {
            organisation: session.organisation.id,
            organisation_name: session.organisation.name.to_string(),
            time_zone: session.organisation.time_zone.clone(),
            name: session.user.name.to_string(),
            audit_actor: session.actor(),
        }
    }
}

/// Where links point and how messages are delivered.
#[derive(Debug, Clone, Copy)]
pub struct Delivery<'a> {
    /// The public address links start with.
    pub base_url: &'a str,
    /// The state new messages start in (Queued with SMTP, Stored without).
    pub status: DeliveryStatus,
}

/// What consent requests ask with: a published form, the message template carrying its link,
/// and the waiting period. Prepared once for a bulk send.
#[derive(Debug, Clone)]
pub struct Ask {
    form: FormId,
    form_name: String,
    design: FormDesign,
    template_id: Option<TemplateId>,
    template: MessageTemplate,
    waiting_days: u32,
}

impl Ask {
    /// Looks up the published form, the template (the built-in one when `None`) and the
    /// organisation's waiting period.
    pub async fn prepare(
        store: &dyn Store,
        organisation: OrganisationId,
        form: FormId,
        template: Option<TemplateId>,
    ) -> Result<Ask> {
        let not_published = || Error::Invalid {
            field: "form_id".into(),
            error: FieldError::NotPublished,
        };
        let form_name = store
            .form(organisation, form)
            .await?
            .ok_or_else(not_published)?
            .name;
        let (_, design) = store
            .published_form(organisation, form)
            .await?
            .ok_or_else(not_published)?;
        let message =
            templates::for_request(store, organisation, template, design.default_lang.as_str())
                .await?;
        let waiting_days = settings::get(store, organisation)
            .await?
            .waiting_period_days
            .days();
        Ok(Ask {
            form,
            form_name,
            design,
            template_id: template,
            template: message,
            waiting_days,
        })
    }
}

/// One consent request to make.
#[derive(Debug, Clone, Copy)]
pub struct RequestToSend<'a> {
    /// Who asks.
    pub requester: &'a Requester,
    /// Where links point and how the message is delivered.
    pub delivery: Delivery<'a>,
    /// The form and template.
    pub ask: &'a Ask,
    /// The record asked.
    pub record: RecordId,
    /// The bulk send it is part of.
    pub job: Option<Uuid>,
    /// A failed message it is sent in place of (a retry whose link no longer works).
    pub replaces: Option<Uuid>,
    /// Refused (`asked_since`) when the record was sent a consent request since then that
    /// did not fail: a bulk send asking the rest of a list.
    pub skip_asked_since: Option<DateTime<Utc>>,
}

/// Whether Obtained consent is older than the consent lifetime (never while consent does not
/// age).
pub fn renewal_due(
    consent: &consentry_model::records::Consent,
    lifetime: Option<consentry_model::compliance::ConsentLifetime>,
) -> bool {
    let today = clock::now().date_naive();
    match (lifetime, consent.date) {
        (Some(lifetime), Some(given)) => {
            given + Duration::days(i64::from(lifetime.days())) <= today
        }
        _ => false,
    }
}

/// Makes a record a consent request for a published form: a fresh link (revoking the record's
/// earlier links for the form, so one link is live), and the message carrying it, queued for
/// the SMTP server or kept in the Outbox. The record keeps its status until the message is
/// delivered ([`delivered`]); its history says the request was queued.
#[tracing::instrument(skip_all, fields(organisation = %request.requester.organisation, record = %request.record))]
pub async fn send_request(
    store: &dyn Store,
    request: RequestToSend<'_>,
) -> Result<ConsentRequestSent> {
    let RequestToSend {
        requester,
        delivery,
        ask,
        record,
        job,
        replaces,
        skip_asked_since,
    } = request;
    let organisation = requester.organisation;
    let form = ask.form;
    let current = records::get(store, organisation, record).await?;
    if let Some(blocker) = send_blocker(&current, &ask.design) {
        return Err(blocker);
    }
    // Checked now so the asker hears at once; delivery checks it again. Consent older than
    // its lifetime is asked again (renewed); it stays Obtained until the answer or the end
    // of the grace period.
    if let Some(consent) = current.privacy.as_ref().and_then(|p| p.consent.as_ref()) {
        let renewing = consent.status == ConsentStatus::Obtained
            && renewal_due(
                consent,
                settings::get(store, organisation)
                    .await?
                    .consent_lifetime_days,
            );
        if !renewing {
            transition(consent.status, ConsentAction::RequestSent).map_err(|_| {
                refused(
                    ErrorCode::AlreadyAnswered,
                    "The data subject answered already (consent is asked again once it is \
                     older than the consent lifetime set in Compliance Settings).",
                )
            })?;
        }
    }
    let now = clock::now();
    let expires_at = now + Duration::days(i64::from(ask.waiting_days));
    let token = SecretToken::generate();
    // The message is kept with the link masked; the token is sealed beside it and put in
    // only when the message is handed to the SMTP server.
    let masked_link = format!(
        "{}/c/{MASKED_TOKEN}",
        delivery.base_url.trim_end_matches('/')
    );
    let values = templates::values_for(
        &current,
        &requester.organisation_name,
        &ask.form_name,
        masked_link.clone(),
        clock::day_in(&requester.time_zone, expires_at),
    );
    let rendered = ask.template.render(&values);
    let message = NewMessage {
        about_request: None,
        kind: MessageKind::ConsentRequest,
        record: Some(record),
        recipient: values.email,
        subject: rendered.subject,
        body_text: rendered.body_text,
        body_html: rendered.body_html,
        status: delivery.status,
        secret: Some(token.as_str().to_owned()),
        list_unsubscribe: Some(masked_link),
        link: Some(token.hash()),
        on_delivered: Some(OnDelivered::ConsentRequest {
            form,
            template: ask.template_id,
        }),
        job,
        // The link's time runs from delivery: nothing in it expires while it waits.
        expires_at: None,
    };
    let note = DataSource {
        through: SourceKind::Email,
        by: requester.name.clone(),
        detail: Some(queued_note(delivery.status)),
        at: now,
    };
    let audit = AuditNote {
        actor: requester.audit_actor.clone(),
        action: AuditAction::ConsentRequested,
        subject: Some(record.to_string()),
        before: None,
        after: Some(json!({
            "form": form, "expires_at": expires_at, "delivery": delivery.status,
        })),
    };
    let message_id = store
        .send_consent_request(ConsentRequestWrite {
            organisation,
            record,
            link: (token.hash(), form, expires_at),
            message,
            note,
            replaces,
            skip_asked_since,
            audit,
        })
        .await
        .map_err(|e| match e {
            StoreError::Conflict("outbox.replaced") => refused(
                ErrorCode::MessageReplaced,
                "Another message was sent in this one's place meanwhile; see the Outbox.",
            ),
            StoreError::Conflict("records.id") => Error::NotFound("record"),
            StoreError::Conflict("outbox.asked_since") => refused(
                ErrorCode::AskedSince,
                "The record was sent a consent request since the time given.",
            ),
            other => other.into(),
        })?;
    Ok(ConsentRequestSent {
        message_id,
        expires_at,
        delivery: delivery.status,
    })
}

/// What a record's history says when its consent request is made.
fn queued_note(status: DeliveryStatus) -> String {
    match status {
        DeliveryStatus::Stored => SourceNote::RequestKeptInOutbox.english(),
        _ => SourceNote::RequestQueued.english(),
    }
}

/// What delivering a consent request does to its record, decided on the record as it is then:
/// Pending (or Waiting, Not Responded) becomes Waiting with the mail-sent time, so the waiting
/// period runs from delivery. A record that changed meanwhile so that it may not be asked
/// (answered, processing stopped, another basis) is left alone.
pub fn delivered(
    current: Option<&DataPrivacy>,
    at: DateTime<Utc>,
) -> std::result::Result<(DataPrivacy, Option<PrivacyChange>), Skipped> {
    let before = current.ok_or(Skipped)?;
    if before.stop_processing || before.basis != LegalBasis::Consent {
        return Err(Skipped);
    }
    let status = before.consent.as_ref().ok_or(Skipped)?.status;
    // Obtained consent asked again (its renewal) stands until the answer; the time it was
    // asked starts the grace period.
    let next = match status {
        ConsentStatus::Obtained => ConsentStatus::Obtained,
        _ => transition(status, ConsentAction::RequestSent).map_err(|_| Skipped)?,
    };
    let mut after = before.clone();
    if let Some(consent) = after.consent.as_mut() {
        consent.status = next;
        consent.mail_sent_at = Some(at);
    }
    // Always an entry in the history, also for a request sent again to a Waiting record.
    let change = PrivacyChange {
        before_basis: Some(before.basis),
        after_basis: after.basis,
        before_status: Some(status),
        after_status: Some(next),
        lawful_reason: None,
        evidence: None,
        given: None,
    };
    Ok((after, Some(change)))
}

/// A data subject whose link expired asks for a new one: it goes to the record's own address,
/// never to one given here, and nothing in the answer says whether the link was known. An
/// unknown or spent link, an ineligible record, or a link renewed in the last ten minutes
/// sends nothing.
pub async fn renew(store: &dyn Store, token: &SecretToken, delivery: Delivery<'_>) -> Result<()> {
    let Some(link) = store.consent_link(&token.hash()).await? else {
        return Ok(());
    };
    // A spent link was answered through; a revoked one was replaced by a newer request, and
    // its holder may ask for a new link like the holder of an expired one.
    if link.spent_at.is_some() {
        return Ok(());
    }
    let recently = store
        .latest_link_created(link.organisation, link.record, link.form)
        .await?
        .is_some_and(|at| clock::now() - at < Duration::minutes(10));
    if recently {
        return Ok(());
    }
    let requester = Requester {
        organisation: link.organisation,
        organisation_name: link.organisation_name.clone(),
        name: "Data subject (new link)".into(),
        audit_actor: Actor::DataSubject.stored_name().into(),
        time_zone: link.organisation_time_zone.clone(),
    };
    let sent = match Ask::prepare(store, link.organisation, link.form, None).await {
        Ok(ask) => {
            let request = RequestToSend {
                requester: &requester,
                delivery,
                ask: &ask,
                record: link.record,
                job: None,
                replaces: None,
                skip_asked_since: None,
            };
            send_request(store, request).await
        }
        Err(e) => Err(e),
    };
    if let Err(e) = sent {
        // Not eligible any more (answered, stopped, no address): say nothing to the caller.
        tracing::info!(reason = %e, "no new consent link sent");
    }
    Ok(())
}

pub(super) fn status_change(before: &DataPrivacy, after: &DataPrivacy) -> Option<PrivacyChange> {
    let status = |p: &DataPrivacy| p.consent.as_ref().map(|c| c.status);
    (status(before) != status(after) || before.basis != after.basis).then(|| PrivacyChange {
        before_basis: Some(before.basis),
        after_basis: after.basis,
        before_status: status(before),
        after_status: status(after),
        lawful_reason: None,
        evidence: None,
        given: None,
    })
}

/// Why a link takes no answers, as the subject reads it.
pub(super) fn link_gone(gone: LinkGone) -> Error {
    match gone {
        LinkGone::Missing => Error::NotFound("consent link"),
        LinkGone::Spent => Error::Gone {
            code: ErrorCode::LinkSpent,
            message: "Your answer through this link was recorded. Ask the organisation for a \
                      new link to change it."
                .into(),
        },
        LinkGone::Revoked => Error::Gone {
            code: ErrorCode::LinkRevoked,
            message: "A newer link was sent for this form, so this one no longer works. Use \
                      the newest message, or ask for a new link."
                .into(),
        },
        LinkGone::Expired => Error::Gone {
            code: ErrorCode::LinkExpired,
            message: "This link has expired. Ask the organisation for a new one.".into(),
        },
        LinkGone::Repeated => Error::Gone {
            code: ErrorCode::LinkSpent,
            message: "This answer was recorded already. Change your choices to record a new \
                      one."
                .into(),
        },
    }
}

/// The link behind a token, if it still works.
async fn usable_link(
    store: &dyn Store,
    token: &SecretToken,
    now: DateTime<Utc>,
) -> Result<ConsentLink> {
    let link = store
        .consent_link(&token.hash())
        .await?
        .ok_or(link_gone(LinkGone::Missing))?;
    let gone = if link.spent_at.is_some() {
        Some(LinkGone::Spent)
    } else if link.revoked_at.is_some() {
        Some(LinkGone::Revoked)
    } else if link.expires_at <= now {
        Some(LinkGone::Expired)
    } else {
        None
    };
    match gone {
        Some(gone) => Err(link_gone(gone)),
        None => Ok(link),
    }
}

/// What the hosted page shows for a token.
pub async fn open(
    store: &dyn Store,
    token: &SecretToken,
    reader: &super::language::Preferred,
) -> Result<ConsentPage> {
    let link = usable_link(store, token, clock::now()).await?;
    let record = records::get(store, link.organisation, link.record).await?;
    let (version, design) = store
        .published_form(link.organisation, link.form)
        .await?
        .ok_or(Error::NotFound("consent form"))?;
    let choices = store
        .latest_choices(link.organisation, link.record, link.form)
        .await?
        .unwrap_or_else(|| ConsentChoices::initial(&design));
    Ok(ConsentPage {
        organisation: link.organisation_name,
        lang: reader.choose(&design.languages(), &design.default_lang),
        design,
        version: version.version,
        choices,
        // Whose link this is, masked: a forwarded mail is noticed without the page giving the
        // address away to whoever holds the link.
        recipient: record
            .fields
            .email
            .as_ref()
            .map(|e| consentry_model::encryption::mask(e.as_str())),
        status: record.privacy.and_then(|p| p.consent).map(|c| c.status),
    })
}

/// Checks the subject's choices against the design.
pub(super) fn check_choices(
    design: &FormDesign,
    lang: &FormLang,
    choices: &ConsentChoices,
) -> Result<()> {
    let invalid = |field: &str| Error::Invalid {
        field: field.into(),
        error: FieldError::NotAnOption,
    };
    // The receipt names the language read: only one the form has.
    if !design.texts.contains_key(lang) {
        return Err(invalid("lang"));
    }
    if choices
        .granted
        .iter()
        .any(|key| !design.purposes.iter().any(|p| &p.key == key))
    {
        return Err(invalid("choices.granted"));
    }
    if choices
        .channels
        .iter()
        .any(|c| !design.channels.contains(c))
    {
        return Err(invalid("choices.channels"));
    }
    Ok(())
}

/// The truncated client address kept with a consent event: IPv4 /24, IPv6 /48.
pub fn truncate_ip(ip: &str) -> Option<String> {
    match ip.parse::<std::net::IpAddr>().ok()? {
        std::net::IpAddr::V4(v4) => {
            let [a, b, c, _] = v4.octets();
            Some(format!("{a}.{b}.{c}.0"))
        }
        std::net::IpAddr::V6(v6) => {
            let s = v6.segments();
            Some(format!("{:x}:{:x}:{:x}::", s[0], s[1], s[2]))
        }
    }
}

/// A record's Data Privacy section after the subject answered: basis Consent, the status,
/// the date (`day`: the organisation's day when they answered), through a consent form, the channels granted; Denied stops processing, and a
/// stop already in place stays.
pub(super) fn answered(
    before: Option<&DataPrivacy>,
    status: ConsentStatus,
    choices: &ConsentChoices,
    day: NaiveDate,
) -> DataPrivacy {
    let mut after = before.cloned().unwrap_or(DataPrivacy {
        basis: LegalBasis::Consent,
        lawful_reason: None,
        consent: None,
        stop_processing: false,
    });
    after.basis = LegalBasis::Consent;
    after.lawful_reason = None;
    let mut consent = after
        .consent
        .clone()
        .unwrap_or(consentry_model::records::Consent {
            status,
            date: None,
            through: None,
            contact_through: Vec::new(),
            remarks: None,
            mail_sent_at: None,
        });
    consent.status = status;
    consent.date = Some(day);
    consent.through = Some(ConsentThrough::ConsentForm);
    consent.contact_through = if status == ConsentStatus::Obtained {
        choices.channels.iter().copied().collect()
    } else {
        Vec::new()
    };
    after.consent = Some(consent);
    // Refusing is asking to stop processing (the Denied status). No answer lifts a stop: that
    // is the organisation's to do, with a reason on record (art. 18).
    after.stop_processing |= status == ConsentStatus::Denied;
    after
}

/// Records the subject's answer: a consent event with the version and text hash they read,
/// and the status it leads to (Obtained, Withdrawn, or Denied with processing stopped).
#[tracing::instrument(skip_all, fields(organisation, record))]
pub async fn submit(
    store: &dyn Store,
    token: &SecretToken,
    submission: ConsentSubmission,
    browser: Browser<'_>,
) -> Result<ConsentOutcome> {
    let Browser { ip, user_agent } = browser;
    let now = clock::now();
    let link = usable_link(store, token, now).await?;
    tracing::Span::current()
        .record("organisation", tracing::field::display(link.organisation))
        .record("record", tracing::field::display(link.record));
    let (version, design) = store
        .published_form(link.organisation, link.form)
        .await?
        .ok_or(Error::NotFound("consent form"))?;
    check_choices(&design, &submission.lang, &submission.choices)?;
    let required_missing = design
        .purposes
        .iter()
        .any(|p| p.required && !submission.choices.granted.contains(&p.key));
    if submission.decision == ConsentDecision::Save
        && !submission.choices.granted.is_empty()
        && required_missing
    {
        return Err(Error::Invalid {
            field: "choices.granted".into(),
            error: FieldError::Empty,
        });
    }
    // Stopping processing grants nothing, whatever was ticked when the button was pressed:
    // the event and the receipt say what the subject decided.
    let choices = match submission.decision {
        ConsentDecision::StopProcessing => ConsentChoices::default(),
        ConsentDecision::Save => submission.choices.clone(),
    };
    // Data source detail for forms: the form, its version, and where the answer came from.
    let address = truncate_ip(ip);
    let source = DataSource {
        through: SourceKind::ConsentForm,
        by: link.form_name.clone(),
        detail: Some(
            SourceNote::HostedPage(FormAnswer {
                form: link.form_name.clone(),
                version: version.version,
                address: address.clone(),
            })
            .english(),
        ),
        at: now,
    };
    // The key first: an answer is recorded only when its receipt can be signed.
    let signer = receipts::organisation_key(store, link.organisation).await?;
    let context = receipts::context(
        store,
        link.organisation,
        &link.organisation_name,
        // The link names the record's module: no read of the whole (decrypted) record.
        receipts::Covered::Module(link.module),
    )
    .await?;
    let answer = SubjectAnswer {
        answering: Answering::Page(submission.decision),
        choices: choices.clone(),
        form: link.form,
        version: version.version,
        at: now,
        day: clock::day_in(&link.organisation_time_zone, now),
    };
    let recorded = store
        .record_consent(PublicAnswer {
            organisation: link.organisation,
            token_hash: token.hash(),
            event: ConsentEventWrite {
                record: link.record,
                form: link.form,
                version: version.version,
                text_hash: version.text_hash.clone(),
                // The language of the text read (an untranslated copy is the default's).
                lang: design.written_in(&submission.lang).clone(),
                decision: "",
                choices: choices.clone(),
                at: now,
                ip: address,
                user_agent: user_agent.map(|ua| ua.chars().take(300).collect()),
            },
            source,
            rule: Box::new(move |before| answer.decide(before)),
        })
        .await?;
    let (event_id, plan) = recorded_answer(recorded)?;
    crate::telemetry::consent_event(crate::telemetry::ConsentThrough::ConsentPage);
    Ok(receipts::issue(
        &signer,
        Answered {
            context: &context,
            principal: &link.record.to_string(),
            form_name: &link.form_name,
            design: &design,
            version: version.version,
            text_hash: &version.text_hash,
            lang: design.written_in(&submission.lang),
            status: plan.status(),
            granted: &choices.granted,
            decision: plan.decision,
        },
        event_id,
        now,
        "Consentry hosted consent page",
        !plan.spend,
    ))
}

/// The event and plan of an answer the store wrote, or why it wrote nothing.
pub(super) fn recorded_answer(outcome: AnswerOutcome) -> Result<(Uuid, AnswerPlan)> {
    match outcome {
        AnswerOutcome::Recorded { event, plan } => Ok((event, *plan)),
        AnswerOutcome::LinkGone(gone) => Err(link_gone(gone)),
        AnswerOutcome::Refused(refusal) => Err(refusal.into()),
    }
}

/// Starts sending a consent request to every record of a filtered list, in the background;
/// returns the job as kept. Each request is counted on the job in the transaction that makes
/// it; records that cannot be asked are skipped and counted by reason after each page;
/// `queued` is called after each page so the mail sender can start. How the job's messages
/// are delivered is read from the outbox ([`super::jobs::bulk_send`]).
#[tracing::instrument(skip_all, fields(organisation = %requester.organisation))]
pub async fn start_bulk(
    store: Arc<dyn Store>,
    requester: Requester,
    base_url: String,
    status: DeliveryStatus,
    request: BulkConsentRequest,
    queued: impl Fn() + Send + 'static,
) -> Result<BulkSendProgress> {
    let organisation = requester.organisation;
    // A time to come would skip no one: a typo must not re-ask a whole list.
    if request
        .skip_asked_since
        .is_some_and(|since| since > clock::now())
    {
        return Err(Error::Invalid {
            field: "skip_asked_since".into(),
            error: FieldError::FutureTime,
        });
    }
    let ask = Ask::prepare(
        store.as_ref(),
        organisation,
        request.form_id,
        request.template_id,
    )
    .await?;
    let total = store.count_records(organisation, &request.filter).await?;
    let id = Uuid::now_v7();
    let started_at = clock::now();
    store
        .start_job(
            organisation,
            NewJob {
                id,
                kind: JobKind::BulkSend,
                total,
                file_name: None,
                module: None,
                started_by: requester.audit_actor.clone(),
                started_at,
            },
        )
        .await?;
    let progress = BulkSendProgress {
        id,
        state: JobState::Running,
        total,
        processed: 0,
        requested: 0,
        queued: 0,
        delivered: 0,
        failed: 0,
        stored: 0,
        skipped: Default::default(),
        started_at: Some(started_at),
        finished_at: None,
        started_by: Some(requester.audit_actor.clone()),
        interruption: None,
    };
    // Still part of a keyed request: its changes are noted under the request's claim.
    tokio::spawn(crate::store::keyed::carry(async move {
        let delivery = Delivery {
            base_url: &base_url,
            status,
        };
        let mut after: Option<Position> = None;
        let state = loop {
            let page = match store
                .records(
                    organisation,
                    &request.filter,
                    RecordSort::Oldest,
                    after.as_ref(),
                    200,
                )
                .await
            {
                Ok(page) => page,
                Err(e) => {
                    tracing::error!(error = %e, "bulk consent request failed");
                    break JobState::Failed;
                }
            };
            let Some(last) = page.last() else {
                break JobState::Finished;
            };
            after = Some(Position {
                id: last.id,
                last_name: None,
            });
            let mut skipped = std::collections::BTreeMap::<String, u64>::new();
            for record in &page {
                let request = RequestToSend {
                    requester: &requester,
                    delivery,
                    ask: &ask,
                    record: record.id,
                    job: Some(id),
                    replaces: None,
                    skip_asked_since: request.skip_asked_since,
                };
                match send_request(store.as_ref(), request).await {
                    // Counted on the job by the request's own transaction.
                    Ok(_) => {}
                    Err(Error::Conflict { code, .. }) => {
                        *skipped.entry(code.code().to_owned()).or_default() += 1;
                    }
                    // Deleted since the page was read.
                    Err(Error::NotFound(_)) => {
                        *skipped.entry("record_deleted".to_owned()).or_default() += 1;
                    }
                    // The job is no longer running: this process was taken for stopped
                    // (paused longer than its lease) and the job marked interrupted.
                    Err(Error::Store(StoreError::Conflict("jobs.state"))) => {
                        tracing::warn!(job = %id, "a bulk consent request was cut off meanwhile");
                        return;
                    }
                    Err(e) => {
                        tracing::warn!(error = %e, "a consent request was not sent");
                        *skipped.entry("error".to_owned()).or_default() += 1;
                    }
                }
            }
            if let Err(e) = store.count_skipped(organisation, id, &skipped).await {
                tracing::warn!(error = %e, "could not count skipped records");
            }
            queued();
        };
        // Each request made has its own audit entry already.
        if let Err(e) = store.end_job(organisation, id, state, None).await {
            tracing::error!(error = %e, "could not end a bulk consent request");
        }
    }));
    Ok(progress)
}

/// Moves consent that waited longer than each organisation's waiting period to Not
/// Responded (run hourly); returns how many records changed.
pub async fn expire_waiting(store: &dyn Store, now: DateTime<Utc>) -> Result<u64> {
    let mut total = 0;
    for organisation in store.organisations().await? {
        let waiting = settings::get(store, organisation.id)
            .await?
            .waiting_period_days;
        let cutoff = now - Duration::days(i64::from(waiting.days()));
        let source = DataSource {
            through: SourceKind::Email,
            by: Actor::System.stored_name().into(),
            detail: Some(
                SourceNote::NoAnswer {
                    days: waiting.days(),
                }
                .english(),
            ),
            at: now,
        };
        total += store
            .expire_waiting(organisation.id, cutoff, &source)
            .await?;
    }
    Ok(total)
}

/// Moves consent that is renewal due, was asked again, and was not renewed within each
/// organisation's grace period after the asking to Not Responded (run hourly); consent due but
/// never asked stays as it is. Returns how many records changed.
pub async fn expire_unrenewed(store: &dyn Store, now: DateTime<Utc>) -> Result<u64> {
    let mut total = 0;
    for organisation in store.organisations().await? {
        let settings = settings::get(store, organisation.id).await?;
        let Some(lifetime) = settings.consent_lifetime_days else {
            continue;
        };
        let due_if_given_by = now.date_naive() - Duration::days(i64::from(lifetime.days()));
        let asked_before = now - Duration::days(i64::from(settings.renewal_grace_days.days()));
        let source = DataSource {
            through: SourceKind::Email,
            by: Actor::System.stored_name().into(),
            detail: Some(
                SourceNote::NotRenewed {
                    days: lifetime.days(),
                }
                .english(),
            ),
            at: now,
        };
        total += store
            .expire_unrenewed(
                organisation.id,
                Unrenewed {
                    due_if_given_by,
                    lifetime_days: lifetime.days(),
                    asked_before,
                },
                &source,
            )
            .await?;
    }
    Ok(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_kept_without_their_host_part() {
        assert_eq!(truncate_ip("192.0.2.77").as_deref(), Some("192.0.2.0"));
        assert_eq!(
            truncate_ip("2001:db8:85a3:8d3:1319:8a2e:370:7348").as_deref(),
            Some("2001:db8:85a3::")
        );
        assert_eq!(truncate_ip("unknown"), None);
    }
}
