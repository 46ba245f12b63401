//! Delivering the outbox over SMTP (lettre): a background task sends queued messages as they
//! come due, putting each link's token in only as the message is handed to the server, and
//! records each server's answer. A message the server does not take now is retried with
//! growing pauses; one it refuses for good (5xx) is not (see [`crate::domain::outbox`]).

use std::{sync::Arc, time::Duration};

use consentry_model::{consent::DeliveryStatus, requests::ErasureConfirmation};
use lettre::{
    AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor,
    message::{
        Mailbox, MultiPart, SinglePart,
        header::{HeaderName, HeaderValue},
    },
    transport::smtp::authentication::Credentials,
};
use tokio::sync::Notify;

use crate::{
    backoff::RetrySchedule,
    config::{MailSettings, SmtpSecurity},
    domain::outbox::{self, SendFailure, reveal},
    store::{NewMessage, Store, StoredMessage},
};

/// A message as the recipient gets it.
#[derive(Debug, Clone, Copy)]
pub struct Outgoing<'a> {
    /// The message's own id: its `Message-ID`, the same at every attempt, so a message sent
    /// again after a crash (the server took it, the process died before recording that) is
    /// the same message to the recipient's mail system.
    pub id: uuid::Uuid,
    /// The address.
    pub recipient: &'a str,
    /// Subject line.
    pub subject: &'a str,
    /// Plain-text body.
    pub body_text: &'a str,
    /// HTML body, as the alternative to the text.
    pub body_html: Option<&'a str>,
    /// The address of the page to stop receiving these (`List-Unsubscribe`).
    pub unsubscribe: Option<&'a str>,
}

/// An SMTP connection (pooled) and the sender address.
#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl Mailer {
    /// The mailer the settings describe; `Ok(None)` when no SMTP server is configured.
    pub fn from_settings(settings: &MailSettings) -> Result<Option<Mailer>, String> {
        let Some(host) = settings.smtp_host.as_deref() else {
            return Ok(None);
        };
        let builder = match settings.security {
            SmtpSecurity::Starttls => AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(host)
                .map_err(|e| format!("mail.smtp_host {host:?}: {e}"))?,
            SmtpSecurity::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(host)
                .map_err(|e| format!("mail.smtp_host {host:?}: {e}"))?,
            SmtpSecurity::None => AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host),
        };
        let mut builder = builder
            .port(settings.smtp_port)
            .timeout(Some(Duration::from_secs(30)));
        if let (Some(user), Some(password)) = (&settings.username, &settings.password) {
            builder = builder.credentials(Credentials::new(user.clone(), password.clone()));
        }
        let from = settings
            .from
            .parse()
            .map_err(|e| format!("mail.from {:?} is not an address: {e}", settings.from))?;
        Ok(Some(Mailer {
            transport: builder.build(),
            from,
        }))
    }

    /// Sends one message (plain text, or plain text and HTML as alternatives); the server's
    /// answer, or why it was not taken.
    pub async fn send(&self, outgoing: Outgoing<'_>) -> Result<String, SendFailure> {
        let message = self.build(outgoing).map_err(SendFailure::Permanent)?;
        match self.transport.send(message).await {
            Ok(response) => Ok(response.message().collect::<Vec<_>>().join(" ")),
            // A 5xx answer says the same next time: not retried.
            Err(e) if e.is_permanent() => Err(SendFailure::Permanent(format!("SMTP: {e}"))),
            Err(e) => Err(SendFailure::Transient(format!("SMTP: {e}"))),
        }
    }

    fn build(&self, outgoing: Outgoing<'_>) -> Result<Message, String> {
        let to: Mailbox = outgoing
            .recipient
            .parse()
            .map_err(|e| format!("recipient: {e}"))?;
        // Large providers refuse mail without a Message-ID (on the sender's domain), a Date
        // and a MIME-Version; the builder adds the Date, the parts the MIME-Version.
        let message_id = format!("<{}@{}>", outgoing.id, self.from.email.domain());
        let mut builder = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(outgoing.subject)
            .message_id(Some(message_id));
        if let Some(page) = outgoing.unsubscribe {
            let name = HeaderName::new_from_ascii("List-Unsubscribe".into())
                .map_err(|e| format!("List-Unsubscribe: {e}"))?;
            builder = builder.raw_header(HeaderValue::new(name, format!("<{page}>")));
        }
        match outgoing.body_html {
            Some(html) => builder.multipart(MultiPart::alternative_plain_html(
                outgoing.body_text.to_owned(),
                html.to_owned(),
            )),
            None => builder.singlepart(SinglePart::plain(outgoing.body_text.to_owned())),
        }
        .map_err(|e| format!("message: {e}"))
    }
}

/// Whether messages are delivered, and the bell the sender waits on.
pub struct MailQueue {
    mailer: Option<Mailer>,
    wake: Notify,
    schedule: RetrySchedule,
}

impl MailQueue {
    /// A queue, delivered by `mailer` when an SMTP server is configured, retried on `schedule`.
    pub fn new(mailer: Option<Mailer>, schedule: RetrySchedule) -> MailQueue {
        MailQueue {
            mailer,
            wake: Notify::new(),
            schedule,
        }
    }

    /// Whether an SMTP server is configured.
    pub fn smtp(&self) -> bool {
        self.mailer.is_some()
    }

    /// One attempt at a plain-text message without storing it anywhere: for the one mail
    /// whose address must not outlive the sending (an erasure's confirmation). `Retrying` when
    /// the server could not take it now; the caller retries it from memory
    /// ([`MailQueue::unstored_schedule`]).
    pub async fn send_unstored(&self, message: &NewMessage) -> ErasureConfirmation {
        let Some(mailer) = &self.mailer else {
            return ErasureConfirmation::NoSmtpServer;
        };
        let outgoing = Outgoing {
            id: uuid::Uuid::now_v7(),
            recipient: &message.recipient,
            subject: &message.subject,
            body_text: &message.body_text,
            body_html: None,
            unsubscribe: None,
        };
        match mailer.send(outgoing).await {
            Ok(_) => ErasureConfirmation::Sent,
            // The reason may quote the address: it is not logged.
            Err(SendFailure::Permanent(_)) => {
                tracing::warn!("an erasure confirmation was refused by the mail server");
                ErasureConfirmation::DeliveryFailed
            }
            Err(SendFailure::Transient(_)) => {
                tracing::warn!("an erasure confirmation could not be delivered yet");
                ErasureConfirmation::Retrying
            }
        }
    }

    /// How a message kept only in memory is retried: as stored mail, but for at most an hour
    /// (the address of an erased subject is not held longer).
    pub fn unstored_schedule(&self) -> RetrySchedule {
        RetrySchedule {
            first_retry: self.schedule.first_retry,
            retry_for: self.schedule.retry_for.min(Duration::from_secs(60 * 60)),
        }
    }

    /// The state a new message starts in: Queued for the sender, or Stored in the outbox only.
    pub fn initial_status(&self) -> DeliveryStatus {
        if self.smtp() {
            DeliveryStatus::Queued
        } else {
            DeliveryStatus::Stored
        }
    }

    /// Tells the sender that messages are waiting.
    pub fn ring(&self) {
        self.wake.notify_one();
    }
}

/// How long one attempt holds its message: longer than an SMTP conversation can take (each
/// step times out after 30 seconds). A sender stopped mid-attempt leaves the message due again
/// after this.
const ATTEMPT_CLAIM: chrono::TimeDelta = chrono::TimeDelta::minutes(5);

/// Sends queued messages as they come due, until stopped: whenever the queue rings (or another
/// instance queued mail), when the next retry is due, and every minute for anything missed.
pub async fn deliver_queued(
    store: Arc<dyn Store>,
    mailer: Mailer,
    queue: Arc<MailQueue>,
    schedule: RetrySchedule,
    stop: crate::workers::Stop,
) {
    while !stop.is_cancelled() {
        match store.due_messages(chrono::Utc::now(), 50).await {
            Ok(batch) => {
                for &(organisation, id) in &batch {
                    if stop.is_cancelled() {
                        return;
                    }
                    // Claimed afresh for each attempt: a message failed, replaced or deleted
                    // since the batch was read is not sent.
                    let now = chrono::Utc::now();
                    match store
                        .claim_message(organisation, id, now, now + ATTEMPT_CLAIM)
                        .await
                    {
                        Ok(Some(message)) => {
                            deliver(store.as_ref(), &mailer, &message, &schedule).await;
                        }
                        Ok(None) => {}
                        Err(e) => {
                            tracing::error!(error = %e, outbox_message = %id, "could not claim a message");
                        }
                    }
                }
                // A full batch: more may be due at once.
                if batch.len() == 50 {
                    continue;
                }
            }
            Err(e) => tracing::error!(error = %e, "could not read the outbox"),
        }
        let pause = match store.next_message_due().await {
            Ok(Some(at)) => (at - chrono::Utc::now())
                .to_std()
                .unwrap_or_default()
                .min(Duration::from_secs(60)),
            _ => Duration::from_secs(60),
        };
        tokio::select! {
            () = stop.cancelled() => return,
            _ = tokio::time::timeout(pause, queue.wake.notified()) => {}
            () = store.mail_queued_elsewhere() => {}
        }
    }
}

/// One attempt at one message, and what came of it recorded.
async fn deliver(
    store: &dyn Store,
    mailer: &Mailer,
    message: &StoredMessage,
    schedule: &RetrySchedule,
) {
    // What it carries expired while it waited (the mail server was down, the service
    // stopped): never handed over late.
    if outbox::expired(message, chrono::Utc::now()) {
        if let Err(e) = outbox::record_expired(store, message, chrono::Utc::now()).await {
            tracing::error!(error = %e, outbox_message = %message.message.id, "could not record an expiry");
        }
        return;
    }
    let secret = message.secret.as_deref();
    let body_text = reveal(&message.message.body_text, secret);
    let body_html = message
        .message
        .body_html
        .as_deref()
        .map(|html| reveal(html, secret));
    let unsubscribe = message
        .list_unsubscribe
        .as_deref()
        .map(|page| reveal(page, secret));
    let outgoing = Outgoing {
        id: message.message.id,
        recipient: &message.message.recipient,
        subject: &message.message.subject,
        body_text: &body_text,
        body_html: body_html.as_deref(),
        unsubscribe: unsubscribe.as_deref(),
    };
    let recorded = match mailer.send(outgoing).await {
        Ok(answer) => outbox::record_delivered(store, message, answer, chrono::Utc::now()).await,
        Err(failure) => {
            // The server's answer may quote the address: it goes to the Outbox (erased with
            // the message), not the log.
            tracing::warn!(outbox_message = %message.message.id, "delivery failed (see the Outbox)");
            outbox::record_failure(store, message, failure, schedule, chrono::Utc::now()).await
        }
    };
    if let Err(e) = recorded {
        tracing::error!(error = %e, outbox_message = %message.message.id, "could not record a delivery");
    }
}
