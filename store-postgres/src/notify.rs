//! What one server instance changed that the others keep in memory: a change to something the
//! answer cache holds (a published form, a controller profile, a module's fields, the
//! organisation's contact) is announced with `NOTIFY` in the transaction that
//! makes it, so it reaches the other instances when, and only if, it commits; each forgets
//! that organisation's entries as it hears of it, within milliseconds. (Data keys need no
//! announcement: every use of the keys compares the newest key id with the database's.)

use std::{sync::Arc, time::Duration};

use consentry_model::OrganisationId;
use consentry_store::{StoreResult, cache::AnswerCache};
use sqlx::{PgPool, postgres::PgListener};

/// The channel the announcements go on.
const CHANNEL: &str = "consentry_changed";

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

/// Listens for the other instances' announcements until the pool closes. Whenever the
/// listening connection was lost (announcements may have been missed) everything cached is
/// forgotten.
pub(crate) async fn listen(pool: &PgPool, cache: Arc<AnswerCache>) -> StoreResult<()> {
    let mut listener = PgListener::connect_with(pool).await?;
    listener.listen(CHANNEL).await?;
    tokio::spawn(async move {
        loop {
            match listener.try_recv().await {
                Ok(Some(notification)) => {
                    if let Ok(id) = notification.payload().parse::<uuid::Uuid>() {
                        cache.forget_organisation(OrganisationId(id));
                    }
                }
                // The connection was lost and is made again on the next call.
                Ok(None) => cache.forget_all(),
                Err(sqlx::Error::PoolClosed) => return,
                Err(error) => {
                    tracing::warn!(%error, "listening for other instances' changes failed");
                    cache.forget_all();
                    tokio::time::sleep(Duration::from_secs(1)).await;
                }
            }
        }
    });
    Ok(())
}
