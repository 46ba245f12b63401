//! Delivering the outbox over SMTP (lettre): a background task sends queued messages as they
//! arrive and records each server's answer or refusal.

use std::{sync::Arc, time::Duration};

use consentry_model::{consent::DeliveryStatus, requests::ErasureConfirmation};
use lettre::{
    AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor,
    message::{Mailbox, MultiPart, SinglePart},
    transport::smtp::authentication::Credentials,
};
use tokio::sync::Notify;

use crate::{
    config::{MailSettings, SmtpSecurity},
    store::{NewMessage, Store},
};

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
    /// answer, or why it failed.
    async fn send(
        &self,
        recipient: &str,
        subject: &str,
        body_text: &str,
        body_html: Option<&str>,
    ) -> Result<String, String> {
        let to: Mailbox = recipient.parse().map_err(|e| format!("recipient: {e}"))?;
        // Large providers refuse mail without a Message-ID (on the sender's domain), a Date
        // and a MIME-Version; the builder adds the Date, the parts the MIME-Version.
        let message_id = format!("<{}@{}>", uuid::Uuid::now_v7(), self.from.email.domain());
        let builder = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(subject)
            .message_id(Some(message_id));
        let message = match body_html {
            Some(html) => builder.multipart(MultiPart::alternative_plain_html(
                body_text.to_owned(),
                html.to_owned(),
            )),
            None => builder.singlepart(SinglePart::plain(body_text.to_owned())),
        }
        .map_err(|e| format!("message: {e}"))?;
        let response = self
            .transport
            .send(message)
            .await
            .map_err(|e| format!("SMTP: {e}"))?;
        Ok(response.message().collect::<Vec<_>>().join(" "))
    }
}

/// Whether messages are delivered, and the bell the sender waits on.
#[derive(Default)]
pub struct MailQueue {
    mailer: Option<Mailer>,
    wake: Notify,
}

impl MailQueue {
    /// A queue, delivered by `mailer` when an SMTP server is configured.
    pub fn new(mailer: Option<Mailer>) -> MailQueue {
        MailQueue {
            mailer,
            wake: Notify::new(),
        }
    }

    /// Whether an SMTP server is configured.
    pub fn smtp(&self) -> bool {
        self.mailer.is_some()
    }

    /// Sends a plain-text message at once without storing it anywhere: for the one mail whose
    /// address must not outlive the sending (an erasure's confirmation).
    pub async fn send_unstored(&self, message: &NewMessage) -> ErasureConfirmation {
        let Some(mailer) = &self.mailer else {
            return ErasureConfirmation::NoSmtpServer;
        };
        match mailer
            .send(
                &message.recipient,
                &message.subject,
                &message.body_text,
                None,
            )
            .await
        {
            Ok(_) => ErasureConfirmation::Sent,
            Err(_) => {
                // The reason may quote the address: it is not logged.
                tracing::warn!("an erasure confirmation could not be delivered");
                ErasureConfirmation::DeliveryFailed
            }
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

/// Sends queued messages whenever the queue rings (and every minute, for anything missed),
/// recording Sent with the server's answer or Failed with the reason.
pub async fn deliver_queued(store: Arc<dyn Store>, mailer: Mailer, queue: Arc<MailQueue>) {
    loop {
        match store.queued_messages(50).await {
            Ok(batch) => {
                for (organisation, message) in batch {
                    let sent = mailer.send(
                        &message.recipient,
                        &message.subject,
                        &message.body_text,
                        message.body_html.as_deref(),
                    );
                    let (status, detail) = match sent.await {
                        Ok(answer) => (DeliveryStatus::Sent, answer),
                        Err(reason) => {
                            // The server's answer may quote the address: it goes to the
                            // Outbox (erased with the message), not the log.
                            tracing::warn!(message = %message.id, "delivery failed (see the Outbox)");
                            (DeliveryStatus::Failed, reason)
                        }
                    };
                    if let Err(e) = store
                        .set_delivery(organisation, message.id, status, &detail)
                        .await
                    {
                        tracing::error!(error = %e, "could not record a delivery");
                    }
                }
            }
            Err(e) => tracing::error!(error = %e, "could not read the outbox"),
        }
        let _ = tokio::time::timeout(Duration::from_secs(60), queue.wake.notified()).await;
    }
}
