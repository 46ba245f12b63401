//! The background workers of a serving process (mail, webhooks, encryption jobs, the lease,
//! the hourly upkeep). Each runs until asked to stop and then finishes the round it is in;
//! one that panics is logged and started again after a pause, so a bug in one round does not
//! silently end, say, all mail delivery until the next restart.

use std::{future::Future, time::Duration};

use tokio::task::JoinSet;
use tokio_util::{sync::CancellationToken, task::AbortOnDropHandle};
use tracing::Instrument;

/// Asks a worker to stop: it checks between rounds (`stop.cancelled()` where it waits).
pub type Stop = CancellationToken;

/// The running workers of one process.
#[derive(Debug)]
pub struct Workers {
    stop: Stop,
    running: JoinSet<()>,
    restart_after: Duration,
}

impl Workers {
    /// No workers yet; one that panics is started again after `restart_after`.
    pub fn new(restart_after: Duration) -> Workers {
        Workers {
            stop: Stop::new(),
            running: JoinSet::new(),
            restart_after,
        }
    }

    /// Runs `worker` (given the stop request) under supervision until [`Workers::stop`].
    pub fn spawn<W, F>(&mut self, name: &'static str, worker: W)
    where
        W: Fn(Stop) -> F + Send + Sync + 'static,
        F: Future<Output = ()> + Send + 'static,
    {
        let stop = self.stop.clone();
        let pause = self.restart_after;
        self.running.spawn(async move {
            loop {
                // Aborted with its supervisor (a worker that ignores its stop, after the
                // grace period).
                let run = AbortOnDropHandle::new(tokio::spawn(
                    worker(stop.clone()).instrument(tracing::info_span!("worker", worker = name)),
                ));
                match run.await {
                    Err(e) if e.is_panic() => {
                        tracing::error!(
                            worker = name,
                            restart_in_seconds = pause.as_secs_f64(),
                            "a background worker panicked: it is started again"
                        );
                        tokio::select! {
                            () = stop.cancelled() => return,
                            () = tokio::time::sleep(pause) => {}
                        }
                    }
                    // Stopped as asked, or ended on its own (it logged why).
                    _ => return,
                }
            }
        });
    }

    /// Asks every worker to stop and waits for each to finish its round, at most `grace`;
    /// what still runs then is aborted (a transaction cut off is rolled back whole, a mail or
    /// webhook attempt cut off is tried again by the next start).
    pub async fn stop(mut self, grace: Duration) {
        self.stop.cancel();
        let joined = tokio::time::timeout(grace, async {
            while self.running.join_next().await.is_some() {}
        })
        .await;
        if joined.is_err() {
            tracing::warn!(
                grace_seconds = grace.as_secs(),
                "a background worker did not finish its round in time: stopped"
            );
            self.running.shutdown().await;
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::{
        Arc,
        atomic::{AtomicUsize, Ordering},
    };

    use super::*;

    #[tokio::test]
    async fn a_worker_that_panics_is_started_again_until_stopped() {
        let starts = Arc::new(AtomicUsize::new(0));
        let mut workers = Workers::new(Duration::from_millis(10));
        let counted = Arc::clone(&starts);
        workers.spawn("flaky", move |stop| {
            let n = counted.fetch_add(1, Ordering::SeqCst);
            async move {
                assert!(n >= 2, "the first two rounds fail");
                stop.cancelled().await;
            }
        });
        for _ in 0..200 {
            if starts.load(Ordering::SeqCst) >= 3 {
                break;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        assert_eq!(
            starts.load(Ordering::SeqCst),
            3,
            "started again after each panic"
        );
        workers.stop(Duration::from_secs(5)).await;
        assert_eq!(
            starts.load(Ordering::SeqCst),
            3,
            "not started again once stopped"
        );
    }

    #[tokio::test]
    async fn stopping_waits_for_the_round_in_progress() {
        let rounds = Arc::new(AtomicUsize::new(0));
        let begun = Arc::new(tokio::sync::Notify::new());
        let mut workers = Workers::new(Duration::from_secs(1));
        let (counted, started) = (Arc::clone(&rounds), Arc::clone(&begun));
        workers.spawn("writer", move |stop| {
            let (counted, started) = (Arc::clone(&counted), Arc::clone(&started));
            async move {
                loop {
                    started.notify_one();
                    // A round: a write that must not be cut off.
                    tokio::time::sleep(Duration::from_millis(200)).await;
                    counted.fetch_add(1, Ordering::SeqCst);
                    tokio::select! {
                        () = stop.cancelled() => return,
                        () = tokio::time::sleep(Duration::from_millis(1)) => {}
                    }
                }
            }
        });
        begun.notified().await;
        workers.stop(Duration::from_secs(5)).await;
        assert_eq!(
            rounds.load(Ordering::SeqCst),
            1,
            "the round in progress finished, and no other began"
        );
    }

    #[tokio::test]
    async fn a_worker_that_ignores_its_stop_is_aborted_after_the_grace_period() {
        let ended = Arc::new(AtomicUsize::new(0));
        let mut workers = Workers::new(Duration::from_secs(1));
        let counted = Arc::clone(&ended);
        workers.spawn("stubborn", move |_stop| {
            let counted = Arc::clone(&counted);
            async move {
                tokio::time::sleep(Duration::from_secs(3600)).await;
                counted.fetch_add(1, Ordering::SeqCst);
            }
        });
        tokio::time::timeout(
            Duration::from_secs(5),
            workers.stop(Duration::from_millis(50)),
        )
        .await
        .expect("stop returns after the grace period");
        assert_eq!(ended.load(Ordering::SeqCst), 0);
    }
}
