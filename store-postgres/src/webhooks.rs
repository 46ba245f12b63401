//! Webhook subscriptions and deliveries on PostgreSQL: deliveries are queued in the
//! transaction of the change they report, and each due one is claimed by the one instance
//! that sends it.

use std::collections::{BTreeSet, HashMap};

use async_trait::async_trait;
use chrono::{DateTime, TimeDelta, Utc};
use consentry_model::{
    OrganisationId, WebhookId,
    webhooks::{DeliveryFailure, DeliveryState, Webhook, WebhookDelivery, WebhookEvent},
};
use consentry_store::{
    Attempt, AuditNote, DueDelivery, DueQuery, Retried, RetryDelivery, StoreResult, WebhookStore,
    group::Raised, raised_events,
};
use sqlx::PgConnection;
use uuid::Uuid;

use super::{
    Code, PostgresStore,
    audit::{append, lock_chain},
    code, corrupt, millis,
};

/// How long a delivery handed to an instance's sender stays its own: far longer than an
/// attempt may take (seconds), so it is sent once; when the instance stopped before it
/// recorded the attempt, the delivery is due again after this.
const CLAIM: TimeDelta = TimeDelta::minutes(5);

/// Queues a delivery to every subscription of the organisation that wants the events the
/// audited change raises (called by the audit trail, inside the change's transaction), with
/// the event's id and facts as they are now.
pub(crate) async fn enqueue(
    conn: &mut PgConnection,
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
/// of the subscribers of every organisation and event raised (a containment search on their
/// events, GIN-indexed), one insert of every delivery.
pub(super) async fn enqueue_raised(conn: &mut PgConnection, raised: &[Raised]) -> StoreResult<()> {
    if raised.is_empty() {
        return Ok(());
    }
    let wanted: BTreeSet<(Uuid, &'static str)> = raised
        .iter()
        .map(|r| (r.organisation.0, r.event.event.code()))
        .collect();
    let found: Vec<(Uuid, String, Uuid)> = sqlx::query_as(
        "SELECT e.organisation_id, e.event, w.id
         FROM UNNEST($1::uuid[], $2::text[]) AS e(organisation_id, event)
         JOIN webhooks w ON w.organisation_id = e.organisation_id
                        AND w.events @> jsonb_build_array(e.event)",
    )
    .bind(wanted.iter().map(|(o, _)| *o).collect::<Vec<_>>())
    .bind(wanted.iter().map(|(_, e)| *e).collect::<Vec<_>>())
    .fetch_all(&mut *conn)
    .await?;
    let mut subscribers: HashMap<(Uuid, String), Vec<Uuid>> = HashMap::new();
    for (organisation, event, webhook) in found {
        subscribers
            .entry((organisation, event))
            .or_default()
            .push(webhook);
    }
    let deliveries: Vec<(&Raised, Uuid)> = raised
        .iter()
        .flat_map(|r| {
            let key = (r.organisation.0, r.event.event.code().to_owned());
            subscribers
                .get(&key)
                .into_iter()
                .flatten()
                .map(move |&webhook| (r, webhook))
        })
        .collect();
    if deliveries.is_empty() {
        return Ok(());
    }
    sqlx::query(
        "INSERT INTO webhook_deliveries (id, organisation_id, webhook_id, event, subject,
             status, created_at, schedule_started_at, next_attempt_at, event_id, facts)
         SELECT id, organisation_id, webhook_id, event, subject, 'pending', at, at, at,
                event_id, facts::json
         FROM UNNEST($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[],
                     $6::timestamptz[], $7::uuid[], $8::text[])
              AS d(id, organisation_id, webhook_id, event, subject, at, event_id, facts)",
    )
    .bind(
        deliveries
            .iter()
            .map(|_| Uuid::now_v7())
            .collect::<Vec<_>>(),
    )
    .bind(
        deliveries
            .iter()
            .map(|(r, _)| r.organisation.0)
            .collect::<Vec<_>>(),
    )
    .bind(deliveries.iter().map(|(_, w)| *w).collect::<Vec<_>>())
    .bind(
        deliveries
            .iter()
            .map(|(r, _)| r.event.event.code())
            .collect::<Vec<_>>(),
    )
    .bind(
        deliveries
            .iter()
            .map(|(r, _)| r.subject.as_deref())
            .collect::<Vec<_>>(),
    )
    .bind(
        deliveries
            .iter()
            .map(|(r, _)| millis(r.at))
            .collect::<Vec<_>>(),
    )
    .bind(
        deliveries
            .iter()
            .map(|(r, _)| r.event.id)
            .collect::<Vec<_>>(),
    )
    .bind(
        deliveries
            .iter()
            .map(|(r, _)| r.event.facts.to_string())
            .collect::<Vec<_>>(),
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

const DELIVERY_COLUMNS: &str = "d.id, d.webhook_id, d.event, d.status, d.attempts, \
     d.last_status, d.failure, d.created_at, d.delivered_at";

#[derive(sqlx::FromRow)]
struct DeliveryRow {
    id: Uuid,
    webhook_id: Uuid,
    event: String,
    status: Code<DeliveryState>,
    attempts: i32,
    last_status: Option<i32>,
    failure: Option<String>,
    created_at: DateTime<Utc>,
    delivered_at: Option<DateTime<Utc>>,
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
        let last_status = self
            .last_status
            .map(|s| {
                u16::try_from(s)
                    .map_err(|_| corrupt("webhook_deliveries.last_status", s.to_string()))
            })
            .transpose()?;
        Ok(WebhookDelivery {
            id: self.id,
            webhook: WebhookId(self.webhook_id),
            event: WebhookEvent::from_code(&self.event)
                .ok_or_else(|| corrupt("webhook_deliveries.event", self.event.clone()))?,
            state: self.status.0,
            attempts: u32::try_from(self.attempts)
                .map_err(|_| corrupt("webhook_deliveries.attempts", self.attempts.to_string()))?,
            last_status,
            last_error: failure.map(|f| f.reason().to_owned()),
            failure,
            created_at: self.created_at,
            delivered_at: self.delivered_at,
        })
    }
}

#[async_trait]
impl WebhookStore for PostgresStore {
    async fn insert_webhook(
        &self,
        organisation: OrganisationId,
        webhook: &Webhook,
        secret: &str,
        audit: AuditNote,
    ) -> StoreResult<()> {
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO webhooks (id, organisation_id, url, events, secret, secret_wrapped,
                 legacy, created_by, created_at)
             VALUES ($1, $2, $3, $4, '', $5, false, $6, $7)",
        )
        .bind(webhook.id.0)
        .bind(organisation.0)
        .bind(&webhook.url)
        .bind(sqlx::types::Json(&webhook.events))
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
        let rows: Vec<(Uuid, String, serde_json::Value, String, DateTime<Utc>, bool)> =
            sqlx::query_as(
                "SELECT id, url, events, created_by, created_at, legacy FROM webhooks
                 WHERE organisation_id = $1 ORDER BY created_at DESC, id DESC",
            )
            .bind(organisation.0)
            .fetch_all(&self.pool)
            .await?;
        rows.into_iter()
            .map(|(id, url, events, created_by, created_at, legacy)| {
                Ok(Webhook {
                    id: WebhookId(id),
                    url,
                    events: serde_json::from_value(events.clone())
                        .map_err(|_| corrupt("webhooks.events", events.to_string()))?,
                    created_by,
                    created_at,
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
        let mut tx = self.pool.begin().await?;
        let done = sqlx::query("DELETE FROM webhooks WHERE organisation_id = $1 AND id = $2")
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
             WHERE d.organisation_id = $1 ORDER BY d.id DESC LIMIT $2"
        ))
        .bind(organisation.0)
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(DeliveryRow::into_delivery).collect()
    }

    /// Claims the deliveries it returns for this instance until [`CLAIM`] after `now`: rows
    /// another instance is claiming at the same moment are skipped (`SKIP LOCKED`), and one
    /// it claimed first is left out when the row is locked, so no delivery is handed out
    /// twice while its claim lasts. This instance's own claims, except those in flight, it
    /// may take again (its sender let them go unsent).
    async fn due_deliveries(&self, query: DueQuery) -> StoreResult<Vec<DueDelivery>> {
        #[derive(sqlx::FromRow)]
        struct Due {
            #[sqlx(flatten)]
            row: DeliveryRow,
            organisation_id: Uuid,
            url: String,
            secret_wrapped: Option<Vec<u8>>,
            legacy: bool,
            subject: Option<String>,
            event_id: Option<Uuid>,
            facts: Option<serde_json::Value>,
            schedule_started_at: DateTime<Utc>,
            next_attempt_at: DateTime<Utc>,
        }
        let now = millis(query.now);
        // Free to claim: pending, due, and claimed by no other instance, or no longer: the
        // claim ran out, or its instance stopped renewing its lease (killed mid-attempt).
        let free = "d.status = 'pending' AND d.next_attempt_at <= $1
                    AND (d.claimed_until IS NULL OR d.claimed_until <= $1 OR d.claimed_by = $8
                         OR NOT EXISTS (SELECT 1 FROM instances i
                                        WHERE i.id = d.claimed_by AND i.alive_until >= $1))";
        let mut rows: Vec<Due> = sqlx::query_as(&format!(
            "WITH due AS (
                 SELECT d.id,
                        ROW_NUMBER() OVER (PARTITION BY d.webhook_id
                                           ORDER BY d.next_attempt_at, d.id) AS of_webhook,
                        ROW_NUMBER() OVER (PARTITION BY d.organisation_id
                                           ORDER BY d.next_attempt_at, d.id) AS of_organisation
                 FROM webhook_deliveries d
                 WHERE {free}
                   AND d.id <> ALL($2::uuid[])
                   AND d.webhook_id <> ALL($3::uuid[])
                   AND d.organisation_id <> ALL($4::uuid[])),
             claimed AS (
                 -- Locked before they are claimed, the conditions checked again on the row as
                 -- it is once locked: one claimed meanwhile by another instance is left out.
                 SELECT d.id FROM webhook_deliveries d JOIN due ON due.id = d.id
                 WHERE due.of_webhook <= $5 AND due.of_organisation <= $6 AND {free}
                 ORDER BY d.next_attempt_at, d.id LIMIT $7
                 FOR UPDATE OF d SKIP LOCKED)
             UPDATE webhook_deliveries d SET claimed_by = $8, claimed_until = $9
             FROM claimed, webhooks w
             WHERE d.id = claimed.id AND w.id = d.webhook_id
             RETURNING {DELIVERY_COLUMNS}, d.organisation_id, w.url, w.secret_wrapped,
                       w.legacy, d.subject, d.event_id, d.facts, d.schedule_started_at,
                       d.next_attempt_at"
        ))
        .bind(now)
        .bind(&query.in_flight)
        .bind(query.busy_webhooks.iter().map(|w| w.0).collect::<Vec<_>>())
        .bind(
            query
                .busy_organisations
                .iter()
                .map(|o| o.0)
                .collect::<Vec<_>>(),
        )
        .bind(i64::from(query.per_webhook))
        .bind(i64::from(query.per_organisation))
        .bind(i64::from(query.limit))
        .bind(self.instance)
        .bind(now + CLAIM)
        .fetch_all(&self.pool)
        .await?;
        // Oldest first, as they came due.
        rows.sort_by_key(|due| (due.next_attempt_at, due.row.id));
        rows.into_iter()
            .map(|due| {
                let webhook = due.row.webhook_id;
                // Deliveries queued before event ids existed are their own event.
                let event_id = due.event_id.unwrap_or(due.row.id);
                let wrapped = due
                    .secret_wrapped
                    .ok_or_else(|| corrupt("webhooks.secret_wrapped", webhook.to_string()))?;
                let secret = self
                    .vault
                    .unwrap_secret(&consentry_store::vault::webhook_label(webhook), &wrapped)?;
                Ok(DueDelivery {
                    delivery: due.row.into_delivery()?,
                    organisation: OrganisationId(due.organisation_id),
                    url: due.url,
                    secret: String::from_utf8(secret)
                        .map_err(|_| corrupt("webhooks.secret_wrapped", webhook.to_string()))?,
                    legacy: due.legacy,
                    subject: due.subject,
                    event_id,
                    facts: due.facts,
                    schedule_started_at: due.schedule_started_at,
                })
            })
            .collect()
    }

    /// Also gives up the delivery's claim: due again, it is any instance's.
    async fn record_attempt(&self, delivery: Uuid, attempt: Attempt) -> StoreResult<()> {
        let now = Utc::now();
        sqlx::query(
            "UPDATE webhook_deliveries SET attempts = attempts + 1, status = $2,
                 last_status = $3, failure = $4, next_attempt_at = $5,
                 delivered_at = CASE WHEN $2 = 'delivered' THEN $6 ELSE delivered_at END,
                 claimed_by = NULL, claimed_until = NULL
             WHERE id = $1 AND status = 'pending'",
        )
        .bind(delivery)
        .bind(code(&attempt.state))
        .bind(attempt.status.map(i32::from))
        .bind(attempt.failure.map(DeliveryFailure::code))
        .bind(millis(attempt.next_attempt_at))
        .bind(millis(now))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn retry_delivery(&self, retry: RetryDelivery) -> StoreResult<Retried> {
        let mut tx = self.pool.begin().await?;
        // The organisation's chain first, as every writer takes it before the rows it
        // changes (a public answer: chain, links, record), so none waits in a circle.
        lock_chain(&mut tx, retry.organisation).await?;
        // Queued again only while it is dead, whoever asks at the same moment.
        let queued = sqlx::query(
            "UPDATE webhook_deliveries SET status = 'pending', attempts = 0,
                 schedule_started_at = $4, next_attempt_at = $4,
                 claimed_by = NULL, claimed_until = NULL
             WHERE organisation_id = $1 AND webhook_id = $2 AND id = $3 AND status = 'dead'",
        )
        .bind(retry.organisation.0)
        .bind(retry.webhook.0)
        .bind(retry.delivery)
        .bind(millis(retry.now))
        .execute(&mut *tx)
        .await?;
        let row: Option<DeliveryRow> = sqlx::query_as(&format!(
            "SELECT {DELIVERY_COLUMNS} FROM webhook_deliveries d
             WHERE d.organisation_id = $1 AND d.webhook_id = $2 AND d.id = $3"
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
