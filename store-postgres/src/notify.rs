//! What one server instance changed that the others keep in memory: a change to something the
//! answer cache holds (a published form, a controller profile, a module's fields, the
//! organisation's contact) is announced with `NOTIFY` in the transaction that
//! makes it, so it reaches the other instances when, and only if, it commits; each forgets
//! that organisation's entries as it hears of it, within milliseconds. (Data keys need no
//! announcement: every use of the keys compares the newest key id with the database's.)
//!
//! Mail queued by any instance is announced too, by a trigger on the outbox (migration 0012),
//! so every instance's sender looks at once, not only the one that queued it.

use std::{sync::Arc, time::Duration};

use consentry_model::OrganisationId;
use consentry_store::{StoreResult, cache::AnswerCache};
use sqlx::{PgPool, postgres::PgListener};
use tokio::sync::Notify;

/// The channel the announcements go on.
const CHANNEL: &str = "consentry_changed";

/// The channel the outbox's trigger announces queued mail on.
const MAIL_CHANNEL: &str = "consentry_mail_queued";

/// Announces, in the caller's transaction, that something of `organisation` the instances
/// cache changed.
pub(crate) async fn organisation_changed<'c>(
    conn: impl sqlx::PgExecutor<'c>,
    organisation: OrganisationId,
) -> StoreResult<()> {
    sqlx::query("SELECT pg_notify($1, $2)")
        .bind(CHANNEL)
        .bind(organisation.0.to_string())
        .execute(conn)
        .await?;
    Ok(())
}

/// Listens for the instances' announcements until the pool closes: forgets what changed and
/// rings `mail_queued` for queued mail. Whenever the listening connection was lost
/// (announcements may have been missed) everything cached is forgotten and the bell rung.
pub(crate) async fn listen(
    pool: &PgPool,
    cache: Arc<AnswerCache>,
    mail_queued: Arc<Notify>,
) -> StoreResult<()> {
    let mut listener = PgListener::connect_with(pool).await?;
    listener.listen_all([CHANNEL, MAIL_CHANNEL]).await?;
    tokio::spawn(async move {
        loop {
            match listener.try_recv().await {
                Ok(Some(notification)) if notification.channel() == MAIL_CHANNEL => {
                    mail_queued.notify_one();
                }
                Ok(Some(notification)) => {
                    if let Ok(id) = notification.payload().parse::<uuid::Uuid>() {
                        cache.forget_organisation(OrganisationId(id));
                    }
                }
                // The connection was lost and is made again on the next call.
                Ok(None) => missed(&cache, &mail_queued),
                Err(sqlx::Error::PoolClosed) => return,
                Err(error) => {
                    tracing::warn!(%error, "listening for other instances' changes failed");
                    missed(&cache, &mail_queued);
                    tokio::time::sleep(Duration::from_secs(1)).await;
                }
            }
        }
    });
    Ok(())
}

/// What is done when announcements may have been missed.
fn missed(cache: &AnswerCache, mail_queued: &Notify) {
    cache.forget_all();
    mail_queued.notify_one();
}
