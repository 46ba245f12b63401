//! Delivering the outbox over SMTP (lettre): a background task sends queued messages as they
//! arrive and records each server's answer or refusal.

use std::{sync::Arc, time::Duration};

use consentry_model::consent::{DeliveryStatus, OutboxMessage};
use lettre::{
    AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor,
    message::{Mailbox, MultiPart, header::ContentType},
    transport::smtp::authentication::Credentials,
};
use tokio::sync::Notify;

use crate::{
    config::{MailSettings, SmtpSecurity},
    store::Store,
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
    async fn send(&self, message: &OutboxMessage) -> Result<String, String> {
        let to: Mailbox = message
            .recipient
            .parse()
            .map_err(|e| format!("recipient: {e}"))?;
        let builder = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(&message.subject);
        let message = match &message.body_html {
            Some(html) => builder.multipart(MultiPart::alternative_plain_html(
                message.body_text.clone(),
                html.clone(),
            )),
            None => builder
                .header(ContentType::TEXT_PLAIN)
                .body(message.body_text.clone()),
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
#[derive(Debug, Default)]
pub struct MailQueue {
    smtp: bool,
    wake: Notify,
}

impl MailQueue {
    /// A queue; `smtp` says whether an SMTP server delivers it.
    pub fn new(smtp: bool) -> MailQueue {
        MailQueue {
            smtp,
            wake: Notify::new(),
        }
    }

    /// Whether an SMTP server is configured.
    pub fn smtp(&self) -> bool {
        self.smtp
    }

    /// The state a new message starts in: Queued for the sender, or Stored in the outbox only.
    pub fn initial_status(&self) -> DeliveryStatus {
        if self.smtp {
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
                    let (status, detail) = match mailer.send(&message).await {
                        Ok(answer) => (DeliveryStatus::Sent, answer),
                        Err(reason) => {
                            tracing::warn!(message = %message.id, %reason, "delivery failed");
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
