//! The webhook sender: due deliveries go out concurrently, at most a few in flight per
//! webhook and per organisation, each with a short connect timeout and an overall time
//! limit, so one slow or hostile receiver holds up only its own deliveries. The receiver's
//! address is checked at every delivery, after resolution (see [`super::resolver`]);
//! redirects are not followed. A delivery not accepted by the end of its retry schedule is
//! dead: a dead letter an administrator may retry.

use std::{
    collections::{HashMap, HashSet},
    sync::{Arc, Mutex, PoisonError},
    time::Duration,
};

use chrono::{DateTime, Utc};
use consentry_model::{
    OrganisationId, WebhookId,
    webhooks::{DeliveryFailure, DeliveryState, TargetPolicy, WebhookUrl},
};
use tokio::{sync::Notify, task::JoinSet};

use super::resolver::{CheckedResolver, refused};
pub(super) use crate::backoff::backoff;
use crate::store::{Attempt, DueDelivery, DueQuery, Store};

/// How the sender works (from the `webhooks` settings).
#[derive(Debug, Clone, Copy)]
pub struct SenderSettings {
    /// The pause after the first failure; each later one doubles, at most an hour.
    pub first_retry: Duration,
    /// How long a delivery is retried before it is dead.
    pub retry_for: Duration,
    /// Which receivers are allowed.
    pub policy: TargetPolicy,
    /// How long resolving and connecting may take.
    pub connect_timeout: Duration,
    /// How long a whole attempt may take, up to the receiver's status line.
    pub timeout: Duration,
    /// Deliveries in flight to one webhook.
    pub per_webhook: u32,
    /// Deliveries in flight for one organisation.
    pub per_organisation: u32,
    /// Deliveries in flight in all.
    pub in_flight: u32,
}

/// Sends due deliveries as they come due, until asked to stop; the attempts under way then
/// finish and are recorded. One cut off (the grace period ran out) stays pending and goes out
/// again, with the same `webhook-id`.
pub async fn run_deliveries(
    store: Arc<dyn Store>,
    settings: SenderSettings,
    stop: crate::workers::Stop,
) {
    let client = match client(&settings) {
        Ok(client) => client,
        Err(e) => {
            tracing::error!(error = %e, "cannot start the webhook sender");
            return;
        }
    };
    let tracker = Arc::new(Tracker::new(settings));
    let mut running: JoinSet<()> = JoinSet::new();
    loop {
        while running.try_join_next().is_some() {}
        let query = tracker.query(Utc::now());
        if query.limit > 0 {
            match store.due_deliveries(query).await {
                Ok(due) => {
                    for delivery in due {
                        let Some(slot) = tracker.claim(&delivery) else {
                            continue;
                        };
                        running.spawn(send(
                            Arc::clone(&store),
                            client.clone(),
                            delivery,
                            settings,
                            slot,
                        ));
                    }
                }
                Err(e) => tracing::error!(error = %e, "could not read webhook deliveries"),
            }
        }
        // Again when a delivery finishes (its webhook may have more), or in a second.
        tokio::select! {
            () = stop.cancelled() => break,
            () = tracker.finished.notified() => {}
            () = tokio::time::sleep(Duration::from_secs(1)) => {}
        }
    }
    // The attempts under way finish (each bounded by the client's timeouts) and are recorded.
    while running.join_next().await.is_some() {}
}

/// The HTTP client: the checking resolver, no proxy (a proxy would resolve the name
/// itself, unchecked), no redirects, short timeouts.
fn client(settings: &SenderSettings) -> reqwest::Result<reqwest::Client> {
    reqwest::Client::builder()
        .dns_resolver(Arc::new(CheckedResolver {
            policy: settings.policy,
            timeout: settings.connect_timeout,
        }))
        .no_proxy()
        .https_only(settings.policy == TargetPolicy::PublicOnly)
        .connect_timeout(settings.connect_timeout)
        .timeout(settings.timeout)
        .redirect(reqwest::redirect::Policy::none())
        .user_agent("Consentry-Webhooks/1")
        .build()
}

/// One delivery: attempted, then recorded; the slot is given back when it is done.
async fn send(
    store: Arc<dyn Store>,
    client: reqwest::Client,
    due: DueDelivery,
    settings: SenderSettings,
    _slot: Slot,
) {
    let outcome = attempt(store.as_ref(), &client, &due, &settings).await;
    if let Err(e) = store.record_attempt(due.delivery.id, outcome).await {
        tracing::error!(error = %e, "could not record a webhook attempt");
    }
}

/// Posts one delivery and says what came of it. A target that is not allowed is not
/// contacted, and what answers there is never recorded.
async fn attempt(
    store: &dyn Store,
    client: &reqwest::Client,
    due: &DueDelivery,
    settings: &SenderSettings,
) -> Attempt {
    let now = Utc::now();
    let failed = |failure| outcome(due, settings, now, None, Some(failure));
    let Ok(url) = WebhookUrl::parse(&due.url, settings.policy) else {
        return failed(DeliveryFailure::TargetNotAllowed);
    };
    let body = match super::payload(store, due).await {
        Ok(body) => serde_json::to_vec(&body).unwrap_or_default(),
        Err(e) => {
            tracing::error!(error = %e, "could not build a webhook payload");
            return failed(DeliveryFailure::Payload);
        }
    };
    match super::request(client, url.as_str(), due, now, body)
        .send()
        .await
    {
        Ok(response) => {
            let status = response.status();
            let failure = status
                .is_redirection()
                .then_some(DeliveryFailure::Redirected);
            outcome(due, settings, now, Some(status.as_u16()), failure)
        }
        Err(e) if refused(&e) => failed(DeliveryFailure::TargetNotAllowed),
        Err(e) if e.is_timeout() => failed(DeliveryFailure::Timeout),
        Err(_) => failed(DeliveryFailure::Connect),
    }
}

/// The state an attempt leaves a delivery in: delivered on 2xx; otherwise pending until the
/// next retry would fall after the schedule's end, then dead.
fn outcome(
    due: &DueDelivery,
    settings: &SenderSettings,
    now: DateTime<Utc>,
    status: Option<u16>,
    failure: Option<DeliveryFailure>,
) -> Attempt {
    let accepted = failure.is_none() && status.is_some_and(|s| (200..300).contains(&s));
    let attempts = due.delivery.attempts + 1;
    let next_attempt_at = now + backoff(attempts, settings.first_retry);
    let retry_for = chrono::Duration::from_std(settings.retry_for).unwrap_or(chrono::Duration::MAX);
    let state = if accepted {
        DeliveryState::Delivered
    } else if next_attempt_at - due.schedule_started_at > retry_for {
        DeliveryState::Dead
    } else {
        DeliveryState::Pending
    };
    Attempt {
        status,
        failure,
        state,
        next_attempt_at,
    }
}

/// What is in flight, against the bounds.
struct Tracker {
    settings: SenderSettings,
    state: Mutex<InFlight>,
    /// Rung when a delivery finishes.
    finished: Notify,
}

#[derive(Default)]
struct InFlight {
    deliveries: HashSet<uuid::Uuid>,
    webhooks: HashMap<WebhookId, u32>,
    organisations: HashMap<OrganisationId, u32>,
}

/// A delivery's place in flight, given back when dropped (also when its task is stopped).
struct Slot {
    tracker: Arc<Tracker>,
    delivery: uuid::Uuid,
    webhook: WebhookId,
    organisation: OrganisationId,
}

impl Tracker {
    fn new(settings: SenderSettings) -> Self {
        Tracker {
            settings,
            state: Mutex::default(),
            finished: Notify::new(),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, InFlight> {
        // The counts stay right even if a holder panicked: each change is one statement.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// What to ask the store for: leave out what is in flight and who is at the bound.
    fn query(&self, now: DateTime<Utc>) -> DueQuery {
        let state = self.lock();
        let busy = |count: &u32, bound| *count >= bound;
        let in_flight = u32::try_from(state.deliveries.len()).unwrap_or(u32::MAX);
        DueQuery {
            now,
            limit: self.settings.in_flight.saturating_sub(in_flight),
            per_webhook: self.settings.per_webhook,
            per_organisation: self.settings.per_organisation,
            in_flight: state.deliveries.iter().copied().collect(),
            busy_webhooks: state
                .webhooks
                .iter()
                .filter(|(_, n)| busy(n, self.settings.per_webhook))
                .map(|(id, _)| *id)
                .collect(),
            busy_organisations: state
                .organisations
                .iter()
                .filter(|(_, n)| busy(n, self.settings.per_organisation))
                .map(|(id, _)| *id)
                .collect(),
        }
    }

    /// Takes a place for `due` when its webhook, its organisation and the sender are all
    /// below their bounds.
    fn claim(self: &Arc<Self>, due: &DueDelivery) -> Option<Slot> {
        let mut state = self.lock();
        let webhook = due.delivery.webhook;
        let organisation = due.organisation;
        let bounds = &self.settings;
        if state.deliveries.contains(&due.delivery.id)
            || state.deliveries.len() >= bounds.in_flight as usize
            || state.webhooks.get(&webhook).copied().unwrap_or(0) >= bounds.per_webhook
            || state.organisations.get(&organisation).copied().unwrap_or(0)
                >= bounds.per_organisation
        {
            return None;
        }
        state.deliveries.insert(due.delivery.id);
        *state.webhooks.entry(webhook).or_default() += 1;
        *state.organisations.entry(organisation).or_default() += 1;
        Some(Slot {
            tracker: Arc::clone(self),
            delivery: due.delivery.id,
            webhook,
            organisation,
        })
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        let mut state = self.tracker.lock();
        state.deliveries.remove(&self.delivery);
        release(&mut state.webhooks, &self.webhook);
        release(&mut state.organisations, &self.organisation);
        drop(state);
        self.tracker.finished.notify_one();
    }
}

/// One fewer in flight for `key`.
fn release<K: std::hash::Hash + Eq>(counts: &mut HashMap<K, u32>, key: &K) {
    if let Some(n) = counts.get_mut(key) {
        *n = n.saturating_sub(1);
        if *n == 0 {
            counts.remove(key);
        }
    }
}

#[cfg(test)]
mod tests {
    use consentry_model::webhooks::{WebhookDelivery, WebhookEvent};

    use super::*;

    fn settings() -> SenderSettings {
        SenderSettings {
            first_retry: Duration::from_secs(30),
            retry_for: Duration::from_secs(24 * 60 * 60),
            policy: TargetPolicy::PublicOnly,
            connect_timeout: Duration::from_secs(5),
            timeout: Duration::from_secs(10),
            per_webhook: 2,
            per_organisation: 3,
            in_flight: 4,
        }
    }

    fn due(webhook: WebhookId, organisation: OrganisationId, attempts: u32) -> DueDelivery {
        let at = Utc::now();
        DueDelivery {
            delivery: WebhookDelivery {
                id: uuid::Uuid::now_v7(),
                webhook,
                event: WebhookEvent::DsrCreated,
                state: DeliveryState::Pending,
                attempts,
                last_status: None,
                last_error: None,
                failure: None,
                created_at: at,
                delivered_at: None,
            },
            organisation,
            url: "https://crm.example.org/hook".into(),
            secret: "whsec_x".into(),
            legacy: false,
            subject: None,
            event_id: uuid::Uuid::now_v7(),
            facts: None,
            schedule_started_at: at,
        }
    }

    fn ids() -> (WebhookId, OrganisationId) {
        (
            WebhookId(uuid::Uuid::now_v7()),
            OrganisationId(uuid::Uuid::now_v7()),
        )
    }

    #[tokio::test]
    async fn the_sender_checks_the_address_a_name_resolves_to_when_it_connects() {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let port = listener.local_addr().expect("addr").port();
        let error = client(&settings())
            .expect("client")
            .post(format!("https://localhost:{port}/hook"))
            .send()
            .await
            .expect_err("refused");
        assert!(refused(&error), "{error:?}");
        let contacted = tokio::time::timeout(Duration::from_millis(300), listener.accept()).await;
        assert!(contacted.is_err(), "nothing connected");
    }

    #[test]
    fn a_delivery_is_dead_once_the_next_retry_would_fall_after_the_schedule() {
        let (webhook, organisation) = ids();
        let mut late = due(webhook, organisation, 30);
        let now = Utc::now();
        let retry = outcome(&late, &settings(), now, Some(500), None);
        assert_eq!(retry.state, DeliveryState::Pending, "within 24 hours");
        late.schedule_started_at =
            now - chrono::Duration::hours(23) - chrono::Duration::minutes(30);
        let dead = outcome(&late, &settings(), now, Some(500), None);
        assert_eq!(
            dead.state,
            DeliveryState::Dead,
            "the next hour falls after 24"
        );
        let accepted = outcome(&late, &settings(), now, Some(204), None);
        assert_eq!(accepted.state, DeliveryState::Delivered);
    }

    #[test]
    fn a_redirect_or_a_refused_target_is_never_accepted() {
        let (webhook, organisation) = ids();
        let one = due(webhook, organisation, 0);
        let moved = outcome(
            &one,
            &settings(),
            Utc::now(),
            Some(301),
            Some(DeliveryFailure::Redirected),
        );
        assert_eq!(moved.state, DeliveryState::Pending);
        let refused = outcome(
            &one,
            &settings(),
            Utc::now(),
            None,
            Some(DeliveryFailure::TargetNotAllowed),
        );
        assert_eq!(
            (refused.state, refused.status),
            (DeliveryState::Pending, None)
        );
    }

    #[test]
    fn places_in_flight_are_bounded_per_webhook_organisation_and_in_all() {
        let tracker = Arc::new(Tracker::new(settings()));
        let (hook_a, org_a) = ids();
        let (hook_b, org_b) = ids();
        let a1 = tracker.claim(&due(hook_a, org_a, 0)).expect("first");
        let a2 = tracker.claim(&due(hook_a, org_a, 0)).expect("second");
        assert!(
            tracker.claim(&due(hook_a, org_a, 0)).is_none(),
            "2 per webhook"
        );
        let query = tracker.query(Utc::now());
        assert_eq!(query.busy_webhooks, vec![hook_a]);
        assert_eq!(query.in_flight.len(), 2);
        assert_eq!(query.limit, 2);
        // Another webhook of the same organisation: up to 3 for the organisation.
        let (hook_c, _) = ids();
        let c1 = tracker
            .claim(&due(hook_c, org_a, 0))
            .expect("third of org a");
        assert!(
            tracker.claim(&due(hook_c, org_a, 0)).is_none(),
            "3 per organisation"
        );
        assert_eq!(tracker.query(Utc::now()).busy_organisations, vec![org_a]);
        // Another organisation is not held up by the first one's receivers.
        let b1 = tracker.claim(&due(hook_b, org_b, 0)).expect("org b");
        assert!(tracker.claim(&due(hook_b, org_b, 0)).is_none(), "4 in all");
        assert_eq!(tracker.query(Utc::now()).limit, 0);
        drop((a1, c1, b1));
        let query = tracker.query(Utc::now());
        assert_eq!(query.in_flight.len(), 1);
        assert!(query.busy_webhooks.is_empty() && query.busy_organisations.is_empty());
        drop(a2);
        assert_eq!(tracker.query(Utc::now()).limit, 4, "every place given back");
    }
}
