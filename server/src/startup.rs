//! Building and running the server: `Application::build` binds the listener (port 0 picks a
//! free one, which tests use) and `run_until_stopped` serves until SIGINT/SIGTERM.

use std::{future::Future, net::SocketAddr, sync::Arc, time::Duration};

use tokio::net::TcpListener;

use crate::{
    config::Settings,
    domain::audit::CheckpointLog,
    domain::{
        passwords::Passwords,
        throttle::{PublicLimits, SignInLimits},
    },
    http::{self, AppState},
    ledger::ErasureLedger,
    mail::{MailQueue, Mailer, deliver_queued},
    store::{self, AttemptStore, Store, StoreError},
    workers::{Stop, Workers},
};

/// A worker that panicked is started again after this pause.
const WORKER_RESTART: Duration = Duration::from_secs(5);

/// How long a stop waits for the workers to finish their rounds (a mail or webhook attempt
/// is bounded by its own timeouts, well below this).
const WORKER_GRACE: Duration = Duration::from_secs(60);

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    /// The database could not be opened or migrated.
    #[error("database: {0}")]
    Store(#[from] StoreError),
    /// The address could not be bound.
    #[error("cannot listen on {address}: {source}")]
    Bind {
        /// The address tried.
        address: String,
        /// Why.
        source: std::io::Error,
    },
    /// The mail settings are unusable.
    #[error("{0}")]
    Mail(String),
    /// The erasure ledger could not be replayed.
    #[error("{0}")]
    Ledger(#[from] crate::domain::erasure::ReplayError),
    /// The audit trails could not be brought to the current form.
    #[error("audit trail: {0}")]
    Audit(#[from] crate::domain::Error),
    /// The settings contradict each other.
    #[error("configuration: {0}")]
    Config(String),
}

/// A server with its listener bound, ready to run.
pub struct Application {
    listener: TcpListener,
    address: SocketAddr,
    state: AppState,
    mailer: Option<Mailer>,
}

impl Application {
    /// Opens the database (creating and migrating it) and binds the listener.
    pub async fn build(mut settings: Settings) -> Result<Application, StartupError> {
        settings
            .server
            .check_timeouts()
            .and_then(|()| settings.mail.check())
            .and_then(|()| settings.webhooks.check())
            .and_then(|()| settings.metrics.check())
            .and_then(|()| settings.widget.check())
            .and_then(|()| settings.check_backups())
            .and_then(|()| settings.check_dist_dir())
            .map_err(StartupError::Config)?;
        if settings.metrics.enabled() {
            crate::telemetry::install();
        }
        let master = store::master_key(&settings).await?;
        let store = store::connect(&settings.database.url, master.clone()).await?;
        let ledger = Arc::new(ErasureLedger::new(settings.ledger_file(), &master));
        // Before the first request: a database restored from before an erasure must not show
        // the erased subject, not even for a moment.
        crate::domain::erasure::replay(store.as_ref(), &ledger).await?;
        let checkpoints = Arc::new(crate::domain::audit::CheckpointLog::new(
            settings.checkpoint_log_file(),
        ));
        crate::domain::audit::reseal_legacy_chains(store.as_ref(), &checkpoints).await?;
        // Messages from before links were sealed hold their tokens in plain text: no more.
        let sealed = crate::domain::outbox::seal_legacy_links(store.as_ref()).await?;
        if sealed > 0 {
            tracing::info!(
                messages = sealed,
                "masked the consent links of older messages"
            );
        }
        // Before the first request: this process says it is alive, and a job left running by
        // a process that stopped (a crash, a kill) is marked interrupted, saying what it did,
        // instead of "running" for ever. Jobs of living processes (a command-line import, a
        // second server) go on; a process that stopped only now is found by the regular
        // look-out once its lease runs out.
        let lease = settings
            .database
            .instance_lease()
            .map_err(StartupError::Config)?;
        crate::domain::jobs::keep_alive(store.as_ref(), lease).await?;
        let interrupted = crate::domain::jobs::interrupt_orphaned(store.as_ref()).await?;
        if interrupted > 0 {
            tracing::warn!(
                jobs = interrupted,
                "marked jobs cut off by a server stop interrupted"
            );
        }
        // An erasure confirmation retried from memory ends with the server: the trail says so.
        let ended = crate::domain::erasure::end_cut_off_confirmations(store.as_ref()).await?;
        if ended > 0 {
            tracing::warn!(
                erasures = ended,
                "erasure confirmations cut off by a server stop recorded as not delivered"
            );
        }
        let address = format!("{}:{}", settings.server.host, settings.server.port);
        let listener = TcpListener::bind(&address)
            .await
            .map_err(|source| StartupError::Bind {
                address: address.clone(),
                source,
            })?;
        let address = listener
            .local_addr()
            .map_err(|source| StartupError::Bind { address, source })?;
        // Links in e-mails need an absolute address; without a configured one, the address
        // actually bound (a random port in tests) is the one that works.
        settings
            .server
            .public_url
            .get_or_insert_with(|| format!("http://{address}"));
        let attempts: Arc<dyn AttemptStore> = store.clone();
        let sign_ins = SignInLimits::new(
            &attempts,
            settings.auth.max_failed_sign_ins,
            Duration::from_secs(settings.auth.failed_sign_in_window_seconds),
            settings.auth.account_free_failures,
            Duration::from_secs(settings.auth.account_max_delay_seconds),
        );
        let passwords =
            Passwords::new(settings.auth.hashing_permits(), settings.auth.hashing_queue);
        let mailer = Mailer::from_settings(&settings.mail).map_err(StartupError::Mail)?;
        let limits = PublicLimits::new(
            &attempts,
            settings.widget.per_client_per_hour,
            settings.widget.per_form_per_hour,
        );
        let idempotency = http::idempotency::Idempotency::new(
            Arc::clone(&store),
            http::idempotency::Limits::from_settings(&settings.server),
        );
        let mail_schedule = settings.mail.schedule();
        let state = AppState::new(http::Services {
            idempotency,
            store,
            settings: Arc::new(settings),
            sign_ins: Arc::new(sign_ins),
            passwords: Arc::new(passwords),
            limits: Arc::new(limits),
            mail: Arc::new(MailQueue::new(mailer.clone(), mail_schedule)),
            encryption: Arc::default(),
            ledger,
            checkpoints,
        });
        Ok(Application {
            listener,
            address,
            state,
            mailer,
        })
    }

    /// The port actually bound.
    pub fn port(&self) -> u16 {
        self.address.port()
    }

    /// The address actually bound.
    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// The store, for tests and commands that run beside the server.
    pub fn store(&self) -> Arc<dyn Store> {
        Arc::clone(&self.state.store)
    }

    /// Serves until SIGINT or SIGTERM, then finishes in-flight requests.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        self.run_until(shutdown_signal()).await
    }

    /// Serves until `shutdown` completes, then finishes in-flight requests.
    pub async fn run_until(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        let mut workers = Workers::new(WORKER_RESTART);
        let (store, checkpoints, ledger) = (
            &self.state.store,
            &self.state.checkpoints,
            &self.state.ledger,
        );
        // The first round runs before any request is answered: nothing past its time (a
        // waiting period, a session, an unconfirmed sign-up) is acted on after a restart, and
        // what it signs does not race the first requests.
        upkeep(store.as_ref(), checkpoints, ledger).await;
        workers.spawn("upkeep", {
            let (store, checkpoints, ledger) = (
                Arc::clone(store),
                Arc::clone(checkpoints),
                Arc::clone(ledger),
            );
            move |stop| {
                hourly_upkeep(
                    Arc::clone(&store),
                    Arc::clone(&checkpoints),
                    Arc::clone(&ledger),
                    stop,
                )
            }
        });
        workers.spawn("webhooks", {
            let (store, sender) = (Arc::clone(store), self.state.settings.webhooks.sender());
            move |stop| crate::domain::webhooks::run_deliveries(Arc::clone(&store), sender, stop)
        });
        workers.spawn("encryption", {
            let (store, bell) = (Arc::clone(store), Arc::clone(&self.state.encryption));
            move |stop| {
                crate::domain::encryption::run_jobs(Arc::clone(&store), Arc::clone(&bell), stop)
            }
        });
        workers.spawn("lease", {
            let store = Arc::clone(store);
            let lease = self
                .state
                .settings
                .database
                .instance_lease()
                .unwrap_or_default();
            move |stop| crate::domain::jobs::stay_alive(Arc::clone(&store), lease, true, stop)
        });
        if self.state.settings.backup.every_hours > 0 {
            let settings = std::sync::Arc::clone(&self.state.settings);
            workers.spawn("backups", move |stop| {
                crate::backup::schedule::run(std::sync::Arc::clone(&settings), stop)
            });
        }
        if let Some(mailer) = self.mailer {
            let (store, queue) = (Arc::clone(store), Arc::clone(&self.state.mail));
            let schedule = self.state.settings.mail.schedule();
            workers.spawn("mail", move |stop| {
                deliver_queued(
                    Arc::clone(&store),
                    mailer.clone(),
                    Arc::clone(&queue),
                    schedule,
                    stop,
                )
            });
        }
        let store = Arc::clone(&self.state.store);
        let keyed = self.state.idempotency.clone();
        let limits = http::serve::ConnectionLimits::from_settings(&self.state.settings.server);
        let proxies = Arc::new(self.state.settings.server.trusted_proxies.clone());
        if proxies.includes_everyone() {
            tracing::warn!(
                "server.trusted_proxies trusts every address: any client can name the address \
                 its limits count in X-Forwarded-For; list only your proxies"
            );
        }
        let app = http::app(self.state);
        let result = http::serve::serve(self.listener, app, limits, proxies, shutdown).await;
        // A keyed request whose client went away still runs to its end, and is kept.
        keyed.finish_running().await;
        // Every request has been answered: the workers finish the round they are in (a
        // mail or webhook attempt, a transaction) and stop.
        workers.stop(WORKER_GRACE).await;
        // What this process leaves running (a job its stop cut off) is found at once by the
        // next start or by another process.
        if let Err(e) = store.retire().await {
            tracing::error!(error = %e, "could not end this process's lease");
        }
        // The database file alone is then complete: the WAL is copied into it and emptied.
        match store.close().await {
            Ok(()) => tracing::info!("stopped: the database is closed, every write committed"),
            Err(e) => tracing::error!(error = %e, "could not checkpoint the database on stop"),
        }
        result
    }
}

/// Every hour: deletes expired sessions (they are useless and name a user), moves consent
/// requests unanswered after the waiting period to Not Responded, refreshes the query
/// planner's statistics, so lists keep using the right index as tables grow, reviews each
/// organisation's records against its retention period once a day (erasing what lapsed when
/// it asked for that), and signs each audit trail's head that moved (a checkpoint).
async fn hourly_upkeep(
    store: Arc<dyn Store>,
    checkpoints: Arc<CheckpointLog>,
    ledger: Arc<crate::ledger::ErasureLedger>,
    stop: Stop,
) {
    let hour = Duration::from_secs(60 * 60);
    let mut tick = tokio::time::interval_at(tokio::time::Instant::now() + hour, hour);
    loop {
        tokio::select! {
            () = stop.cancelled() => return,
            _ = tick.tick() => {}
        }
        upkeep(store.as_ref(), &checkpoints, &ledger).await;
    }
}

/// One round of the upkeep; what fails is logged and tried again next round.
async fn upkeep(
    store: &dyn Store,
    checkpoints: &CheckpointLog,
    ledger: &crate::ledger::ErasureLedger,
) {
    match store.delete_expired_sessions(chrono::Utc::now()).await {
        Ok(0) => {}
        Ok(n) => tracing::info!(sessions = n, "purged expired sessions"),
        Err(e) => tracing::warn!(error = %e, "could not purge expired sessions"),
    }
    match store
        .purge_idempotent(chrono::Utc::now() - chrono::Duration::hours(24))
        .await
    {
        Ok(_) => {}
        Err(e) => tracing::warn!(error = %e, "could not purge idempotency keys"),
    }
    // Before the waiting period's expiry: a sign-up never confirmed is deleted, as its
    // page and mail promised, rather than left as a Not Responded record.
    match crate::domain::signup::forget_unconfirmed(store, chrono::Utc::now()).await {
        Ok(gone) if gone.sign_ups == 0 => {}
        Ok(gone) => tracing::info!(
            sign_ups = gone.sign_ups,
            records = gone.records,
            "deleted sign-ups not confirmed in time"
        ),
        Err(e) => tracing::warn!(error = %e, "could not delete unconfirmed sign-ups"),
    }
    match crate::domain::consent::expire_waiting(store, chrono::Utc::now()).await {
        Ok(0) => {}
        Ok(n) => tracing::info!(records = n, "consent requests not answered in time"),
        Err(e) => tracing::warn!(error = %e, "could not expire waiting consent"),
    }
    match crate::domain::consent::expire_unrenewed(store, chrono::Utc::now()).await {
        Ok(0) => {}
        Ok(n) => tracing::info!(records = n, "consent not renewed in time"),
        Err(e) => tracing::warn!(error = %e, "could not expire unrenewed consent"),
    }
    match crate::domain::signup::purge(store, chrono::Utc::now()).await {
        Ok(0) => {}
        Ok(n) => tracing::info!(sign_ups = n, "forgot expired sign-ups"),
        Err(e) => tracing::warn!(error = %e, "could not forget expired sign-ups"),
    }
    match store.purge_exports(chrono::Utc::now()).await {
        Ok(0) => {}
        Ok(n) => tracing::info!(exports = n, "deleted expired exports"),
        Err(e) => tracing::warn!(error = %e, "could not delete expired exports"),
    }
    match crate::domain::retention::daily(store, ledger, chrono::Utc::now()).await {
        Ok(done) if done.organisations == 0 => {}
        Ok(done) => tracing::info!(
            organisations = done.organisations,
            found = done.found,
            erased = done.erased,
            "reviewed records against the retention period"
        ),
        Err(e) => {
            tracing::warn!(error = %e, "could not review records against the retention period")
        }
    }
    if let Err(e) = store.refresh_statistics().await {
        tracing::warn!(error = %e, "could not refresh query statistics");
    }
    match crate::domain::audit::checkpoint_all(store, checkpoints, chrono::Utc::now()).await {
        Ok(0) => {}
        Ok(n) => tracing::info!(organisations = n, "signed audit checkpoints"),
        Err(e) => tracing::warn!(error = %e, "could not sign audit checkpoints"),
    }
}

/// Completes on Ctrl-C (SIGINT) or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(e) = tokio::signal::ctrl_c().await {
            tracing::warn!(error = %e, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}
