//! The outbox's rules: what a delivery, a failed attempt, a retry or a hand-over means for a
//! message and for the record it concerns. A message whose sending is evidence changes
//! nothing before it is delivered: a consent request moves its record to Waiting only when the
//! SMTP server accepted it (or the privacy officer took it to send by hand).

use chrono::{DateTime, Utc};
use consentry_model::{
    ErrorCode, OrganisationId,
    audit::{Actor, AuditAction},
    auth::Session,
    consent::{DeliveryStatus, HandedOver, MASKED_TOKEN, Outbox, OutboxQuery, RetriedMessages},
    notes::{DeliveryNote, MessageNoun, SourceNote},
    records::{DataPrivacy, DataSource, SourceKind},
};
use serde_json::json;
use uuid::Uuid;

use super::{
    Error, Result, clock,
    consent::{self, Ask, Delivery, RequestToSend, Requester},
};
use crate::{
    backoff::RetrySchedule,
    store::{
        AuditNote, DeliveredWrite, FailedWrite, OnDelivered, RequeueWrite, Requeued, Store,
        StoredMessage,
    },
};

/// Why the SMTP server did not take a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SendFailure {
    /// Refused for good (a 5xx answer, an address that cannot be used): not retried.
    Permanent(String),
    /// Not now (a 4xx answer, no connection, a timeout): retried later.
    Transient(String),
}

/// What to do after a failed attempt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AfterFailure {
    /// Try again then, noting why this attempt failed.
    Retry {
        /// When.
        at: DateTime<Utc>,
        /// Why it failed this time.
        reason: String,
    },
    /// Give the message up as failed.
    GiveUp {
        /// Why, for the Outbox (may quote the server's answer).
        reason: String,
        /// Why, for the record's history (no server answer: it may quote the address).
        why: GaveUp,
    },
}

/// Why a message was given up, as a record's history says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GaveUp {
    /// The mail server refused it for good.
    Refused,
    /// The retries ran out.
    RetriesRanOut,
    /// What it carries expired first.
    Expired,
}

impl GaveUp {
    /// The history's note about such a message.
    pub fn note(self, noun: MessageNoun) -> SourceNote {
        match self {
            GaveUp::Refused => SourceNote::RefusedByServer(noun),
            GaveUp::RetriesRanOut => SourceNote::RetriesRanOut(noun),
            GaveUp::Expired => SourceNote::Expired(noun),
        }
    }
}

/// Whether what a message carries (a code, a link) no longer works at `at`.
pub fn expired(message: &StoredMessage, at: DateTime<Utc>) -> bool {
    message
        .expires_at
        .is_some_and(|expires_at| expires_at <= at)
}

/// Decides what follows a failed attempt: a refusal for good is not retried; otherwise the
/// message is tried again with growing pauses until its schedule ends, or until what it
/// carries expires (a code delivered after it stopped working would only mislead).
pub fn after_failure(
    message: &StoredMessage,
    failure: SendFailure,
    schedule: &RetrySchedule,
    now: DateTime<Utc>,
) -> AfterFailure {
    let attempts = message.message.attempts + 1;
    match failure {
        SendFailure::Permanent(reason) => AfterFailure::GiveUp {
            reason: DeliveryNote::Refused { answer: reason }.english(),
            why: GaveUp::Refused,
        },
        SendFailure::Transient(reason) => {
            let started = message
                .schedule_started_at
                .unwrap_or(message.message.created_at);
            let expired_by = |at: DateTime<Utc>| expired(message, at);
            match schedule.next_attempt(attempts, started, now) {
                Some(at) if expired_by(at) => AfterFailure::GiveUp {
                    reason: DeliveryNote::Expired { attempts }.english(),
                    why: GaveUp::Expired,
                },
                Some(at) => AfterFailure::Retry { at, reason },
                None if expired_by(now) => AfterFailure::GiveUp {
                    reason: DeliveryNote::Expired { attempts }.english(),
                    why: GaveUp::Expired,
                },
                None => AfterFailure::GiveUp {
                    reason: DeliveryNote::RetriesRanOut {
                        attempts,
                        seconds: (now - started).num_seconds(),
                        answer: reason,
                    }
                    .english(),
                    why: GaveUp::RetriesRanOut,
                },
            }
        }
    }
}

/// The text as the recipient must read it: the masked link with its token put back.
pub fn reveal(text: &str, secret: Option<&str>) -> String {
    match secret {
        Some(secret) => text.replace(MASKED_TOKEN, secret),
        None => text.to_owned(),
    }
}

/// A text with every consent link's token masked, and the token (all links of one message
/// carry the same one); `None` when it holds no consent link.
pub fn mask_links(text: &str) -> Option<(String, String)> {
    let is_token_char = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
    let mut masked = String::with_capacity(text.len());
    let mut token = None;
    let mut rest = text;
    while let Some(at) = rest.find("/c/") {
        let (before, after) = rest.split_at(at + 3);
        masked.push_str(before);
        let length = after.find(|c| !is_token_char(c)).unwrap_or(after.len());
        // A token is 43 characters of base64url (256 bits).
        if length == 43 {
            token.get_or_insert_with(|| after[..43].to_owned());
            masked.push_str(MASKED_TOKEN);
            rest = &after[43..];
        } else {
            rest = after;
        }
    }
    masked.push_str(rest);
    token.map(|token| (masked, token))
}

/// Brings messages written before links were sealed to the way they are kept now: their
/// bodies masked, the token sealed beside them (run at start, before the first request).
pub async fn seal_legacy_links(store: &dyn Store) -> Result<u64> {
    let mut sealed = 0;
    for (organisation, id, text, html) in store.legacy_link_messages().await? {
        let Some((masked_text, token)) = mask_links(&text) else {
            continue;
        };
        let masked_html = html.map(|h| mask_links(&h).map_or(h, |(masked, _)| masked));
        store
            .seal_legacy_message(organisation, id, (masked_text, masked_html), &token)
            .await?;
        sealed += 1;
    }
    Ok(sealed)
}

/// Who a delivery is recorded by in the record's history (Consentry: its sender delivered
/// it, whoever asked), and what the message is called there.
fn asker(message: &StoredMessage) -> (String, MessageNoun) {
    let noun = message
        .on_delivered
        .as_ref()
        .map_or(MessageNoun::Message, OnDelivered::noun);
    (Actor::System.stored_name().into(), noun)
}

/// Records that the SMTP server accepted a message (with its answer), and what that does: a
/// consent request's record moves to Waiting, its waiting period starting now.
pub async fn record_delivered(
    store: &dyn Store,
    message: &StoredMessage,
    answer: String,
    at: DateTime<Utc>,
) -> Result<()> {
    let rule = move |current: Option<&DataPrivacy>| consent::delivered(current, at);
    let (by, noun) = asker(message);
    let source = DataSource {
        through: SourceKind::Email,
        by,
        detail: Some(SourceNote::Delivered(noun).english()),
        at,
    };
    store
        .mark_delivered(DeliveredWrite {
            organisation: message.organisation,
            message: message.message.id,
            from: DeliveryStatus::Queued,
            at,
            detail: answer,
            rule: &rule,
            source,
            audit: None,
        })
        .await?;
    Ok(())
}

/// Records a failed attempt: retried later, or given up (a consent request's record is left
/// where it was, with a note in its history).
pub async fn record_failure(
    store: &dyn Store,
    message: &StoredMessage,
    failure: SendFailure,
    schedule: &RetrySchedule,
    now: DateTime<Utc>,
) -> Result<()> {
    let (organisation, id) = (message.organisation, message.message.id);
    match after_failure(message, failure, schedule, now) {
        AfterFailure::Retry { at, reason } => {
            store.mark_retry(organisation, id, &reason, at).await?
        }
        AfterFailure::GiveUp { reason, why } => {
            give_up(store, message, &reason, why, true, now).await?;
        }
    }
    Ok(())
}

/// Gives up, without an attempt, a queued message whose content expired while it waited (the
/// mail server was down, say): it is never handed over late.
pub async fn record_expired(
    store: &dyn Store,
    message: &StoredMessage,
    now: DateTime<Utc>,
) -> Result<()> {
    let reason = DeliveryNote::Expired {
        attempts: message.message.attempts,
    }
    .english();
    give_up(store, message, &reason, GaveUp::Expired, false, now).await
}

/// Marks a message failed, with the note in its record's history.
async fn give_up(
    store: &dyn Store,
    message: &StoredMessage,
    reason: &str,
    why: GaveUp,
    attempted: bool,
    now: DateTime<Utc>,
) -> Result<()> {
    let (by, noun) = asker(message);
    let note = DataSource {
        through: SourceKind::Email,
        by,
        detail: Some(why.note(noun).english()),
        at: now,
    };
    store
        .mark_failed(FailedWrite {
            organisation: message.organisation,
            message: message.message.id,
            reason,
            note: &note,
            attempted,
        })
        .await?;
    Ok(())
}

/// The organisation's outbox, newest first, and whether an SMTP server delivers it.
pub async fn outbox(
    store: &dyn Store,
    organisation: OrganisationId,
    smtp_configured: bool,
    query: &OutboxQuery,
) -> Result<Outbox> {
    let limit = super::cursor::page_size(
        query.limit,
        OutboxQuery::DEFAULT_LIMIT,
        OutboxQuery::MAX_LIMIT,
    )?;
    // One more than asked tells whether an older page follows.
    let mut messages = store.outbox(organisation, query, limit + 1).await?;
    let next = (messages.len() > limit as usize).then(|| {
        messages.truncate(limit as usize);
        messages.last().map(|m| m.id)
    });
    let counts = store.outbox_counts(organisation, query).await?;
    Ok(Outbox {
        smtp_configured,
        messages,
        next: next.flatten(),
        total: counts.matching,
        retryable: counts.retryable,
    })
}

/// Retrying needs an SMTP server; without one, messages are handed over.
fn smtp_configured(delivery: Delivery<'_>) -> Result<()> {
    if delivery.status == DeliveryStatus::Queued {
        return Ok(());
    }
    Err(conflict(
        ErrorCode::NoSmtpServer,
        "No SMTP server is configured, so nothing can be retried: hand the message over and \
         send it by hand instead.",
    ))
}

fn conflict(code: ErrorCode, message: impl Into<String>) -> Error {
    Error::Conflict {
        code,
        field: None,
        message: message.into(),
    }
}

/// Queues a failed message again with a fresh retry schedule. A consent request whose link no
/// longer works (expired meanwhile, say) is sent anew with a fresh link in its place; one whose
/// record may no longer be asked is refused. Audited.
pub async fn retry(
    store: &dyn Store,
    session: &Session,
    delivery: Delivery<'_>,
    id: Uuid,
) -> Result<RetriedMessages> {
    smtp_configured(delivery)?;
    let organisation = session.organisation.id;
    let stored = store
        .outbox_message(organisation, id)
        .await?
        .ok_or(Error::NotFound("message"))?;
    let now = clock::now();
    if expired(&stored, now) {
        return Err(conflict(
            ErrorCode::MessageExpired,
            "What this message carries (a code or a link) has expired, so sending it now would \
             only mislead: nothing was sent. The recipient can ask for a new one.",
        ));
    }
    if let (Some(record), Some(_)) = (stored.message.record_id, &stored.on_delivered) {
        let current = store.record(organisation, record).await?;
        let privacy = current.and_then(|r| r.privacy);
        if consent::delivered(privacy.as_ref(), now).is_err() {
            return Err(conflict(
                ErrorCode::RecordChanged,
                "The record may no longer be asked for consent (it was answered, its \
                 processing was stopped or its basis changed): nothing was sent.",
            ));
        }
    }
    let write = RequeueWrite {
        organisation,
        message: id,
        now,
        note: DataSource {
            through: SourceKind::Email,
            by: session.user.name.to_string(),
            detail: Some(SourceNote::QueuedAgain(asker(&stored).1).english()),
            at: now,
        },
        audit: retried_note(session, id),
    };
    match store.requeue_message(write).await? {
        Requeued::Queued => Ok(RetriedMessages {
            retried: 1,
            renewed: 0,
        }),
        Requeued::LinkGone => {
            renew(store, session, delivery, &stored).await?;
            Ok(RetriedMessages {
                retried: 1,
                renewed: 1,
            })
        }
        Requeued::NotFailed(status) => Err(conflict(
            ErrorCode::MessageNotFailed,
            format!(
                "Only a failed message can be retried; this one is {}.",
                status_word(status)
            ),
        )),
        Requeued::Replaced => Err(conflict(
            ErrorCode::MessageReplaced,
            "Another message was sent in this one's place; see the newer message.",
        )),
        Requeued::NotFound => Err(Error::NotFound("message")),
    }
}

/// A failed consent request whose link no longer works, sent anew with a fresh link.
async fn renew(
    store: &dyn Store,
    session: &Session,
    delivery: Delivery<'_>,
    stored: &StoredMessage,
) -> Result<()> {
    let (Some(record), Some(OnDelivered::ConsentRequest { form, template, .. })) =
        (stored.message.record_id, &stored.on_delivered)
    else {
        return Err(conflict(
            ErrorCode::MessageNotRetryable,
            "This message cannot be sent again.",
        ));
    };
    let organisation = session.organisation.id;
    let ask = Ask::prepare(store, organisation, *form, *template).await?;
    let requester = Requester::user(session);
    consent::send_request(
        store,
        RequestToSend {
            requester: &requester,
            delivery,
            ask: &ask,
            record,
            job: stored.job,
            replaces: Some(stored.message.id),
            skip_asked_since: None,
        },
    )
    .await?;
    Ok(())
}

/// Retries every failed message of the organisation that nothing replaced; those that cannot
/// be retried (their record may no longer be asked, say) are left as they are.
pub async fn retry_failed(
    store: &dyn Store,
    session: &Session,
    delivery: Delivery<'_>,
) -> Result<RetriedMessages> {
    smtp_configured(delivery)?;
    let mut total = RetriedMessages {
        retried: 0,
        renewed: 0,
    };
    for id in store.failed_messages(session.organisation.id).await? {
        match retry(store, session, delivery, id).await {
            Ok(done) => {
                total.retried += done.retried;
                total.renewed += done.renewed;
            }
            Err(Error::Conflict { .. } | Error::NotFound(_) | Error::Invalid { .. }) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(total)
}

/// Hands a message kept in the Outbox (no SMTP server) over to be sent by hand: the answer is
/// the message as the recipient must get it, with its link; it is marked sent, and a consent
/// request's record moves to Waiting now. Audited; the text is not kept anywhere.
pub async fn hand_over(store: &dyn Store, session: &Session, id: Uuid) -> Result<HandedOver> {
    let organisation = session.organisation.id;
    let stored = store
        .outbox_message(organisation, id)
        .await?
        .ok_or(Error::NotFound("message"))?;
    let not_stored = |status| {
        conflict(
            ErrorCode::MessageNotStored,
            format!(
                "Only a message kept in the Outbox (no SMTP server) is handed over; this one \
                 is {}.",
                status_word(status)
            ),
        )
    };
    if stored.message.status != DeliveryStatus::Stored {
        return Err(not_stored(stored.message.status));
    }
    let now = clock::now();
    let rule = move |current: Option<&DataPrivacy>| consent::delivered(current, now);
    let actor = session.actor();
    let handed = store
        .mark_delivered(DeliveredWrite {
            organisation,
            message: id,
            from: DeliveryStatus::Stored,
            at: now,
            detail: DeliveryNote::HandedOver { to: actor.clone() }.english(),
            rule: &rule,
            source: DataSource {
                through: SourceKind::Email,
                by: session.user.name.to_string(),
                detail: Some(SourceNote::HandedOver(asker(&stored).1).english()),
                at: now,
            },
            audit: Some(AuditNote {
                actor,
                action: AuditAction::MessageHandedOver,
                subject: Some(id.to_string()),
                before: Some(json!({ "status": DeliveryStatus::Stored })),
                after: Some(json!({ "status": DeliveryStatus::Sent })),
            }),
        })
        .await?;
    if !handed {
        return Err(not_stored(DeliveryStatus::Sent));
    }
    let secret = stored.secret.as_deref();
    Ok(HandedOver {
        recipient: stored.message.recipient,
        subject: stored.message.subject,
        body_text: reveal(&stored.message.body_text, secret),
    })
}

/// The audit entry of a retry from the Outbox.
fn retried_note(session: &Session, message: Uuid) -> AuditNote {
    AuditNote {
        actor: session.actor(),
        action: AuditAction::MessageRetried,
        subject: Some(message.to_string()),
        before: Some(json!({ "status": DeliveryStatus::Failed })),
        after: Some(json!({ "status": DeliveryStatus::Queued })),
    }
}

/// A delivery state's word, for messages.
fn status_word(status: DeliveryStatus) -> &'static str {
    match status {
        DeliveryStatus::Stored => "kept in the Outbox",
        DeliveryStatus::Queued => "queued",
        DeliveryStatus::Sent => "sent",
        DeliveryStatus::Failed => "failed",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use consentry_model::consent::{MessageKind, OutboxMessage};

    fn queued(attempts: u32, started: DateTime<Utc>) -> StoredMessage {
        StoredMessage {
            organisation: OrganisationId(Uuid::now_v7()),
            message: OutboxMessage {
                id: Uuid::now_v7(),
                record_id: None,
                recipient: "jan@example.nl".into(),
                subject: "Consent".into(),
                body_text: format!("https://x.example/c/{MASKED_TOKEN}?lang=nl"),
                body_html: None,
                created_at: started,
                status: DeliveryStatus::Queued,
                detail: None,
                kind: MessageKind::ConsentRequest,
                attempts,
                next_attempt_at: Some(started),
                sent_at: None,
                replaced_by: None,
            },
            secret: Some("TOKEN".into()),
            list_unsubscribe: None,
            link: None,
            on_delivered: None,
            job: None,
            schedule_started_at: Some(started),
            expires_at: None,
        }
    }

    fn schedule() -> RetrySchedule {
        RetrySchedule {
            first_retry: std::time::Duration::from_secs(30),
            retry_for: std::time::Duration::from_secs(24 * 60 * 60),
        }
    }

    #[test]
    fn a_refusal_for_good_is_never_retried_and_a_passing_failure_is_until_the_schedule_ends() {
        let now = clock::now();
        let fresh = queued(0, now);
        let refused = after_failure(
            &fresh,
            SendFailure::Permanent("550 no such user".into()),
            &schedule(),
            now,
        );
        assert!(
            matches!(refused, AfterFailure::GiveUp { .. }),
            "{refused:?}"
        );
        let passing = after_failure(
            &fresh,
            SendFailure::Transient("connection refused".into()),
            &schedule(),
            now,
        );
        assert_eq!(
            passing,
            AfterFailure::Retry {
                at: now + chrono::Duration::seconds(30),
                reason: "connection refused".into()
            }
        );
        let late = queued(30, now - chrono::Duration::hours(24));
        let given_up = after_failure(
            &late,
            SendFailure::Transient("451 try later".into()),
            &schedule(),
            now,
        );
        let AfterFailure::GiveUp { reason, why } = given_up else {
            panic!("given up: {given_up:?}");
        };
        assert!(reason.contains("451 try later"), "{reason}");
        assert_eq!(
            why.note(MessageNoun::ConsentRequest),
            SourceNote::RetriesRanOut(MessageNoun::ConsentRequest),
            "the history never quotes the server"
        );
    }

    #[test]
    fn a_message_is_not_retried_past_the_expiry_of_what_it_carries() {
        let now = clock::now();
        // A privacy-centre code: 15 minutes, the schedule 24 hours.
        let mut code = queued(3, now - chrono::Duration::minutes(14));
        code.expires_at = Some(now + chrono::Duration::seconds(10));
        let failed = after_failure(
            &code,
            SendFailure::Transient("SMTP: 451 try later".into()),
            &schedule(),
            now,
        );
        assert_eq!(
            failed,
            AfterFailure::GiveUp {
                reason: DeliveryNote::Expired { attempts: 4 }.english(),
                why: GaveUp::Expired,
            }
        );
        assert_eq!(
            GaveUp::Expired.note(MessageNoun::SignUpConfirmation),
            SourceNote::Expired(MessageNoun::SignUpConfirmation)
        );
        // Far from its expiry it is retried as any other.
        code.expires_at = Some(now + chrono::Duration::hours(1));
        code.message.attempts = 0;
        assert!(matches!(
            after_failure(&code, SendFailure::Transient("x".into()), &schedule(), now),
            AfterFailure::Retry { .. }
        ));
        assert!(!expired(&code, now));
        assert!(expired(&code, now + chrono::Duration::hours(1)));
    }

    #[test]
    fn an_older_message_has_its_link_masked_and_its_token_kept_to_seal() {
        let token = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdE";
        let text =
            format!("Kies: https://x.example/c/{token}?lang=nl of https://x.example/c/{token}\n");
        let (masked, found) = mask_links(&text).expect("a link");
        assert_eq!(found, token);
        assert_eq!(
            masked,
            format!(
                "Kies: https://x.example/c/{MASKED_TOKEN}?lang=nl of https://x.example/c/{MASKED_TOKEN}\n"
            )
        );
        assert_eq!(reveal(&masked, Some(token)), text);
        assert!(mask_links("https://x.example/c/too-short").is_none());
    }

    #[test]
    fn the_token_is_put_back_only_where_the_link_was_masked() {
        let message = queued(0, clock::now());
        assert_eq!(
            reveal(&message.message.body_text, message.secret.as_deref()),
            "https://x.example/c/TOKEN?lang=nl"
        );
        assert_eq!(reveal("no link", Some("TOKEN")), "no link");
    }
}
