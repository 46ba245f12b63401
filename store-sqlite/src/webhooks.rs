//! Webhook subscriptions and deliveries on SQLite.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use consentry_model::{
    OrganisationId, WebhookId,
    webhooks::{DeliveryFailure, DeliveryState, Webhook, WebhookDelivery, WebhookEvent},
};
use std::collections::HashMap;

use sqlx::{QueryBuilder, Sqlite, SqliteConnection};
use uuid::Uuid;

use super::{
    Millis, ROWS_PER_STATEMENT, SqliteStore, audit::append, code, corrupt, from_code, millis,
};
use consentry_store::{
    Attempt, AuditNote, DueDelivery, DueQuery, Retried, RetryDelivery, StoreResult, WebhookStore,
    group::Raised, raised_events,
};

/// Queues a delivery to every subscription of the organisation that wants the events the
/// audited change raises (called by the audit trail, inside the change's transaction), with
/// the event's id and facts as they are now.
pub(super) async fn enqueue(
    conn: &mut SqliteConnection,
    organisation: OrganisationId,
    note: &AuditNote,
    at: DateTime<Utc>,
) -> StoreResult<()> {
    let raised: Vec<Raised> = raised_events(note)
        .into_iter()
        .map(|event| Raised {
            organisation,
            subject: note.subject.clone(),
            event,
            at,
        })
        .collect();
    enqueue_raised(conn, &raised).await
}

/// Queues a delivery of each raised event to every subscription that wants it: one look-up
/// per organisation and event, one insert per few hundred deliveries.
pub(super) async fn enqueue_raised(
    conn: &mut SqliteConnection,
    raised: &[Raised],
) -> StoreResult<()> {
    let mut subscribers: HashMap<(OrganisationId, &'static str), Vec<Uuid>> = HashMap::new();
    for raised in raised {
        let key = (raised.organisation, raised.event.event.code());
        if subscribers.contains_key(&key) {
            continue;
        }
        let ids: Vec<(Uuid,)> = sqlx::query_as(
            "SELECT id FROM webhooks WHERE organisation_id = ?1
               AND EXISTS (SELECT 1 FROM json_each(webhooks.events) WHERE value = ?2)",
        )
        .bind(key.0.0)
        .bind(key.1)
        .fetch_all(&mut *conn)
        .await?;
        subscribers.insert(key, ids.into_iter().map(|(id,)| id).collect());
    }
    let deliveries: Vec<(&Raised, Uuid)> = raised
        .iter()
        .flat_map(|r| {
            subscribers[&(r.organisation, r.event.event.code())]
                .iter()
                .map(move |&webhook| (r, webhook))
        })
        .collect();
    for deliveries in deliveries.chunks(ROWS_PER_STATEMENT) {
        QueryBuilder::<Sqlite>::new(
            "INSERT INTO webhook_deliveries (id, organisation_id, webhook_id, event, subject,
                 status, created_at, schedule_started_at, next_attempt_at, event_id, facts) ",
        )
        .push_values(deliveries, |mut row, (raised, webhook)| {
            let at = millis(raised.at);
            row.push_bind(Uuid::now_v7())
                .push_bind(raised.organisation.0)
                .push_bind(*webhook)
                .push_bind(raised.event.event.code())
                .push_bind(raised.subject.clone())
                .push_bind("pending")
                .push_bind(at)
                .push_bind(at)
                .push_bind(at)
                .push_bind(raised.event.id)
                .push_bind(raised.event.facts.to_string());
        })
        .build()
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

const DELIVERY_COLUMNS: &str = "d.id, d.webhook_id, d.event, d.status, d.attempts, \
     d.last_status, d.failure, d.created_at, d.delivered_at";

#[derive(sqlx::FromRow)]
struct DeliveryRow {
    id: Uuid,
    webhook_id: Uuid,
    event: String,
    status: String,
    attempts: u32,
    last_status: Option<u16>,
    failure: Option<String>,
    created_at: Millis,
    delivered_at: Option<Millis>,
}

impl DeliveryRow {
    fn into_delivery(self) -> StoreResult<WebhookDelivery> {
        let failure = self
            .failure
            .map(|f| {
                DeliveryFailure::from_code(&f)
                    .ok_or_else(|| corrupt("webhook_deliveries.failure", f))
            })
            .transpose()?;
        Ok(WebhookDelivery {
            id: self.id,
            webhook: WebhookId(self.webhook_id),
            event: WebhookEvent::from_code(&self.event)
                .ok_or_else(|| corrupt("webhook_deliveries.event", self.event.clone()))?,
            state: from_code("webhook_deliveries.status", &self.status)?,
            attempts: self.attempts,
            last_status: self.last_status,
            last_error: failure.map(|f| f.reason().to_owned()),
            failure,
            created_at: self.created_at.0,
            delivered_at: self.delivered_at.map(|t| t.0),
        })
    }
}

#[async_trait]
impl WebhookStore for SqliteStore {
    async fn insert_webhook(
        &self,
        organisation: OrganisationId,
        webhook: &Webhook,
        secret: &str,
        audit: AuditNote,
    ) -> StoreResult<()> {
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        sqlx::query(
            "INSERT INTO webhooks (id, organisation_id, url, events, secret, secret_wrapped,
                 legacy, created_by, created_at)
             VALUES (?1, ?2, ?3, ?4, '', ?5, 0, ?6, ?7)",
        )
        .bind(webhook.id.0)
        .bind(organisation.0)
        .bind(&webhook.url)
        .bind(serde_json::to_string(&webhook.events).unwrap_or_else(|_| "[]".into()))
        .bind(self.vault.wrap_secret(
            &consentry_store::vault::webhook_label(webhook.id.0),
            secret.as_bytes(),
        ))
        .bind(&webhook.created_by)
        .bind(millis(webhook.created_at))
        .execute(&mut *tx)
        .await?;
        append(&mut tx, organisation, &audit, webhook.created_at).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn webhooks(&self, organisation: OrganisationId) -> StoreResult<Vec<Webhook>> {
        let rows: Vec<(Uuid, String, String, String, Millis, bool)> = sqlx::query_as(
            "SELECT id, url, events, created_by, created_at, legacy FROM webhooks
             WHERE organisation_id = ?1 ORDER BY created_at DESC, id DESC",
        )
        .bind(organisation.0)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|(id, url, events, created_by, created_at, legacy)| {
                Ok(Webhook {
                    id: WebhookId(id),
                    url,
                    events: serde_json::from_str(&events)
                        .map_err(|_| corrupt("webhooks.events", events))?,
                    created_by,
                    created_at: created_at.0,
                    legacy_secret: legacy,
                })
            })
            .collect()
    }

    async fn delete_webhook(
        &self,
        organisation: OrganisationId,
        id: WebhookId,
        audit: AuditNote,
    ) -> StoreResult<bool> {
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        let done = sqlx::query("DELETE FROM webhooks WHERE organisation_id = ?1 AND id = ?2")
            .bind(organisation.0)
            .bind(id.0)
            .execute(&mut *tx)
            .await?;
        if done.rows_affected() == 0 {
            return Ok(false);
        }
        append(&mut tx, organisation, &audit, Utc::now()).await?;
        tx.commit().await?;
        Ok(true)
    }

    async fn webhook_deliveries(
        &self,
        organisation: OrganisationId,
        limit: u32,
    ) -> StoreResult<Vec<WebhookDelivery>> {
        let rows: Vec<DeliveryRow> = sqlx::query_as(&format!(
            "SELECT {DELIVERY_COLUMNS} FROM webhook_deliveries d
             WHERE d.organisation_id = ?1 ORDER BY d.id DESC LIMIT ?2"
        ))
        .bind(organisation.0)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(DeliveryRow::into_delivery).collect()
    }

    async fn due_deliveries(&self, query: DueQuery) -> StoreResult<Vec<DueDelivery>> {
        #[derive(sqlx::FromRow)]
        struct Due {
            #[sqlx(flatten)]
            row: DeliveryRow,
            organisation_id: Uuid,
            url: String,
            secret_wrapped: Vec<u8>,
            legacy: bool,
            subject: Option<String>,
            event_id: Option<Uuid>,
            facts: Option<String>,
            schedule_started_at: Millis,
        }
        // Ids are compared as the upper-case hex SQLite's hex() writes of the BLOBs.
        let hex = |ids: &mut dyn Iterator<Item = Uuid>| {
            serde_json::Value::from(
                ids.map(|id| id.simple().to_string().to_ascii_uppercase())
                    .collect::<Vec<_>>(),
            )
            .to_string()
        };
        let rows: Vec<Due> = sqlx::query_as(&format!(
            "WITH due AS (
                 SELECT d.id,
                        ROW_NUMBER() OVER (PARTITION BY d.webhook_id
                                           ORDER BY d.next_attempt_at, d.id) AS of_webhook,
                        ROW_NUMBER() OVER (PARTITION BY d.organisation_id
                                           ORDER BY d.next_attempt_at, d.id) AS of_organisation
                 FROM webhook_deliveries d
                 WHERE d.status = 'pending' AND d.next_attempt_at <= ?1
                   AND hex(d.id) NOT IN (SELECT value FROM json_each(?2))
                   AND hex(d.webhook_id) NOT IN (SELECT value FROM json_each(?3))
                   AND hex(d.organisation_id) NOT IN (SELECT value FROM json_each(?4)))
             SELECT {DELIVERY_COLUMNS}, d.organisation_id, w.url, w.secret_wrapped, w.legacy,
                    d.subject, d.event_id, d.facts, d.schedule_started_at
             FROM due JOIN webhook_deliveries d ON d.id = due.id
                  JOIN webhooks w ON w.id = d.webhook_id
             WHERE due.of_webhook <= ?5 AND due.of_organisation <= ?6
             ORDER BY d.next_attempt_at, d.id LIMIT ?7"
        ))
        .bind(millis(query.now))
        .bind(hex(&mut query.in_flight.iter().copied()))
        .bind(hex(&mut query.busy_webhooks.iter().map(|w| w.0)))
        .bind(hex(&mut query.busy_organisations.iter().map(|o| o.0)))
        .bind(query.per_webhook)
        .bind(query.per_organisation)
        .bind(query.limit)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|due| {
                let webhook = due.row.webhook_id;
                // Deliveries queued before event ids existed are their own event.
                let event_id = due.event_id.unwrap_or(due.row.id);
                let secret = self.vault.unwrap_secret(
                    &consentry_store::vault::webhook_label(webhook),
                    &due.secret_wrapped,
                )?;
                let facts = due
                    .facts
                    .map(|f| {
                        serde_json::from_str(&f).map_err(|_| corrupt("webhook_deliveries.facts", f))
                    })
                    .transpose()?;
                Ok(DueDelivery {
                    delivery: due.row.into_delivery()?,
                    organisation: OrganisationId(due.organisation_id),
                    url: due.url,
                    secret: String::from_utf8(secret)
                        .map_err(|_| corrupt("webhooks.secret_wrapped", webhook.to_string()))?,
                    legacy: due.legacy,
                    subject: due.subject,
                    event_id,
                    facts,
                    schedule_started_at: due.schedule_started_at.0,
                })
            })
            .collect()
    }

    async fn record_attempt(&self, delivery: Uuid, attempt: Attempt) -> StoreResult<()> {
        let now = Utc::now();
        sqlx::query(
            "UPDATE webhook_deliveries SET attempts = attempts + 1, status = ?2,
                 last_status = ?3, failure = ?4, next_attempt_at = ?5,
                 delivered_at = CASE WHEN ?2 = 'delivered' THEN ?6 ELSE delivered_at END
             WHERE id = ?1 AND status = 'pending'",
        )
        .bind(delivery)
        .bind(code(&attempt.state))
        .bind(attempt.status.map(i64::from))
        .bind(attempt.failure.map(DeliveryFailure::code))
        .bind(millis(attempt.next_attempt_at))
        .bind(millis(now))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn retry_delivery(&self, retry: RetryDelivery) -> StoreResult<Retried> {
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        let queued = sqlx::query(
            "UPDATE webhook_deliveries SET status = 'pending', attempts = 0,
                 schedule_started_at = ?4, next_attempt_at = ?4
             WHERE organisation_id = ?1 AND webhook_id = ?2 AND id = ?3 AND status = 'dead'",
        )
        .bind(retry.organisation.0)
        .bind(retry.webhook.0)
        .bind(retry.delivery)
        .bind(millis(retry.now))
        .execute(&mut *tx)
        .await?;
        let row: Option<DeliveryRow> = sqlx::query_as(&format!(
            "SELECT {DELIVERY_COLUMNS} FROM webhook_deliveries d
             WHERE d.organisation_id = ?1 AND d.webhook_id = ?2 AND d.id = ?3"
        ))
        .bind(retry.organisation.0)
        .bind(retry.webhook.0)
        .bind(retry.delivery)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(row) = row else {
            return Ok(Retried::NotFound);
        };
        let delivery = row.into_delivery()?;
        if queued.rows_affected() == 0 {
            return Ok(Retried::NotDead(delivery.state));
        }
        debug_assert_eq!(delivery.state, DeliveryState::Pending);
        append(&mut tx, retry.organisation, &retry.audit, retry.now).await?;
        tx.commit().await?;
        Ok(Retried::Queued(delivery))
    }
}
