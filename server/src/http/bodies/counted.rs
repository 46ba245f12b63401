//! A request body counted as it arrives: each data frame's bytes are taken from the body
//! budget before the frame is passed on, and a body arriving slower than the minimum rate is
//! stopped. A body stopped either way ends with an error, and says why in a [`Stop`] its
//! middleware reads once the request is answered.

use std::{
    fmt,
    pin::Pin,
    sync::{Arc, OnceLock},
    task::{Context, Poll},
    time::Duration,
};

use axum::body::{Body, Bytes};
use http_body::{Frame, SizeHint};
use tokio::time::{Instant, Sleep};

use super::budget::{Holding, Refusal};

/// The slowest a body may arrive: after `grace` of waiting for it, at least `bytes_per_second`
/// on average.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MinimumRate {
    pub grace: Duration,
    /// 0: no minimum.
    pub bytes_per_second: u64,
}

impl MinimumRate {
    /// How long the server may wait for a body of which `received` bytes have arrived.
    fn allowance(self, received: u64) -> Option<Duration> {
        if self.bytes_per_second == 0 {
            return None;
        }
        let earned = Duration::from_secs_f64(received as f64 / self.bytes_per_second as f64);
        Some(self.grace.max(earned))
    }
}

/// Why a body was stopped before its end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// The budget (overall or the client's share) could not take its next bytes.
    Budget(Refusal),
    /// It arrived slower than the minimum rate.
    TooSlow,
}

impl fmt::Display for Stop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Stop::Budget(Refusal::Spent) => f.write_str("the request body budget is spent"),
            Stop::Budget(Refusal::ShareSpent) => {
                f.write_str("this client holds its whole share of the request body budget")
            }
            Stop::TooSlow => f.write_str("the request body arrives too slowly"),
        }
    }
}

impl std::error::Error for Stop {}

/// Where a counted body notes why it stopped, for its middleware to read.
pub type Stopped = Arc<OnceLock<Stop>>;

/// A request body taking its bytes from the budget as they arrive.
pub struct Counted {
    inner: Body,
    holding: Arc<Holding>,
    pace: Pace,
    stopped: Stopped,
}

impl Counted {
    pub fn new(inner: Body, holding: Arc<Holding>, rate: MinimumRate, stopped: Stopped) -> Self {
        Counted {
            inner,
            holding,
            pace: Pace::new(rate),
            stopped,
        }
    }

    fn stop(&mut self, why: Stop) -> Poll<Option<Result<Frame<Bytes>, axum::Error>>> {
        let _ = self.stopped.set(why);
        Poll::Ready(Some(Err(axum::Error::new(why))))
    }
}

/// How fast a body arrives: bytes received against the time spent waiting for them (not the
/// time the server spent on other work between reads).
struct Pace {
    rate: MinimumRate,
    received: u64,
    waited: Duration,
    waiting_since: Option<Instant>,
    timer: Pin<Box<Sleep>>,
}

impl Pace {
    fn new(rate: MinimumRate) -> Pace {
        Pace {
            rate,
            received: 0,
            waited: Duration::ZERO,
            waiting_since: None,
            timer: Box::pin(tokio::time::sleep(Duration::ZERO)),
        }
    }

    /// Something arrived (a frame, the end, an error): the wait for it is over.
    fn arrived(&mut self, bytes: usize) {
        if let Some(since) = self.waiting_since.take() {
            self.waited += since.elapsed();
        }
        self.received = self.received.saturating_add(bytes as u64);
    }

    /// Nothing has arrived yet: `true` when the body is now too slow, otherwise the timer is
    /// set to wake the body when it would become so.
    fn too_slow(&mut self, cx: &mut Context<'_>) -> bool {
        let Some(allowance) = self.rate.allowance(self.received) else {
            return false;
        };
        let now = Instant::now();
        let since = *self.waiting_since.get_or_insert(now);
        let waited = self.waited + now.saturating_duration_since(since);
        let Some(left) = allowance.checked_sub(waited).filter(|d| !d.is_zero()) else {
            return true;
        };
        self.timer.as_mut().reset(now + left);
        // Fired already: woken again at once, and then counted as too slow.
        self.timer.as_mut().poll(cx).is_ready()
    }
}

impl http_body::Body for Counted {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, axum::Error>>> {
        if self.stopped.get().is_some() {
            return Poll::Ready(None);
        }
        match Pin::new(&mut self.inner).poll_frame(cx) {
            Poll::Ready(Some(Ok(frame))) => {
                let bytes = frame.data_ref().map_or(0, Bytes::len);
                self.pace.arrived(bytes);
                if let Err(refused) = self.holding.take(bytes) {
                    return self.stop(Stop::Budget(refused));
                }
                Poll::Ready(Some(Ok(frame)))
            }
            Poll::Ready(other) => {
                self.pace.arrived(0);
                Poll::Ready(other)
            }
            Poll::Pending => {
                if self.pace.too_slow(cx) {
                    return self.stop(Stop::TooSlow);
                }
                Poll::Pending
            }
        }
    }

    fn is_end_stream(&self) -> bool {
        self.stopped.get().is_some() || self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}

#[cfg(test)]
mod tests {
    use std::net::{IpAddr, Ipv4Addr};

    use axum::body::to_bytes;
    use futures::{SinkExt, channel::mpsc};
    use http_body::Body as _;

    use super::*;
    use crate::http::bodies::budget::Budget;

    use crate::http::client::Client;

    const CLIENT: IpAddr = IpAddr::V4(Ipv4Addr::new(10, 0, 0, 1));

    const NO_MINIMUM: MinimumRate = MinimumRate {
        grace: Duration::from_secs(1),
        bytes_per_second: 0,
    };

    /// The body's next frame.
    async fn next(body: &mut Counted) -> Option<Result<Frame<Bytes>, axum::Error>> {
        std::future::poll_fn(|cx| Pin::new(&mut *body).poll_frame(cx)).await
    }

    /// A body whose frames the test sends when it likes.
    fn streamed() -> (mpsc::Sender<Result<Bytes, std::io::Error>>, Body) {
        let (sender, receiver) = mpsc::channel(16);
        (sender, Body::from_stream(receiver))
    }

    fn counted(inner: Body, holding: &Arc<Holding>, rate: MinimumRate) -> (Counted, Stopped) {
        let stopped = Stopped::default();
        let body = Counted::new(inner, Arc::clone(holding), rate, Arc::clone(&stopped));
        (body, stopped)
    }

    #[tokio::test]
    async fn bytes_are_taken_as_frames_arrive_not_before() {
        let budget = Budget::new(1000, 1000);
        let holding = Arc::new(budget.holding(Client::of(CLIENT)));
        let (mut sender, inner) = streamed();
        let (mut body, stopped) = counted(inner, &holding, NO_MINIMUM);
        // Nothing arrived: nothing held (a second body may take the whole budget but this).
        let other = budget.holding(Client::of(IpAddr::V4(Ipv4Addr::new(10, 0, 0, 2))));
        other.take(990).expect("room");
        sender
            .send(Ok(Bytes::from_static(b"0123456789")))
            .await
            .expect("send");
        let frame = next(&mut body).await.expect("a frame").expect("data");
        assert_eq!(frame.into_data().expect("data").len(), 10);
        // The budget is now spent: the next frame ends the body with an error.
        sender
            .send(Ok(Bytes::from_static(b"x")))
            .await
            .expect("send");
        assert!(next(&mut body).await.expect("an end").is_err());
        assert_eq!(stopped.get(), Some(&Stop::Budget(Refusal::Spent)));
        assert!(next(&mut body).await.is_none(), "stopped for good");
        // Given back when the request lets go of the body and its holding.
        drop((body, holding, other));
        let all = budget.holding(Client::of(CLIENT));
        assert_eq!(all.take(1000), Ok(()));
    }

    #[tokio::test]
    async fn a_client_past_its_share_is_stopped_and_told_why() {
        let budget = Budget::new(1000, 15);
        let holding = Arc::new(budget.holding(Client::of(CLIENT)));
        let (body, stopped) = counted(Body::from(vec![b'a'; 16]), &holding, NO_MINIMUM);
        assert!(to_bytes(Body::new(body), usize::MAX).await.is_err());
        assert_eq!(stopped.get(), Some(&Stop::Budget(Refusal::ShareSpent)));
    }

    #[tokio::test]
    async fn a_body_within_the_budget_passes_whole() {
        let budget = Budget::new(100, 100);
        let holding = Arc::new(budget.holding(Client::of(CLIENT)));
        let (body, stopped) = counted(Body::from(vec![b'a'; 100]), &holding, NO_MINIMUM);
        let read = to_bytes(Body::new(body), usize::MAX).await.expect("whole");
        assert_eq!(read.len(), 100);
        assert_eq!(stopped.get(), None);
    }

    /// 1 KiB a second after 300 ms: short enough for a test to wait out in real time.
    const ONE_KIB_A_SECOND: MinimumRate = MinimumRate {
        grace: Duration::from_millis(300),
        bytes_per_second: 1024,
    };

    #[tokio::test]
    async fn a_trickling_body_is_stopped_once_the_grace_is_over() {
        let budget = Budget::new(1 << 20, 1 << 20);
        let holding = Arc::new(budget.holding(Client::of(CLIENT)));
        let (mut sender, inner) = streamed();
        let (body, stopped) = counted(inner, &holding, ONE_KIB_A_SECOND);
        let started = Instant::now();
        let trickle = tokio::spawn(async move {
            // 200 bytes a second: a fifth of the minimum.
            loop {
                tokio::time::sleep(Duration::from_millis(50)).await;
                if sender.send(Ok(Bytes::from(vec![b'a'; 10]))).await.is_err() {
                    break;
                }
            }
        });
        assert!(to_bytes(Body::new(body), usize::MAX).await.is_err());
        assert_eq!(stopped.get(), Some(&Stop::TooSlow));
        let took = started.elapsed();
        assert!(
            took >= Duration::from_millis(300) && took < Duration::from_secs(2),
            "{took:?}"
        );
        trickle.abort();
    }

    #[tokio::test]
    async fn a_body_above_the_minimum_rate_is_never_stopped() {
        let budget = Budget::new(1 << 20, 1 << 20);
        let holding = Arc::new(budget.holding(Client::of(CLIENT)));
        let (mut sender, inner) = streamed();
        let (body, stopped) = counted(inner, &holding, ONE_KIB_A_SECOND);
        tokio::spawn(async move {
            // A slow start within the grace, then 8 KiB a second for 1.5 s.
            tokio::time::sleep(Duration::from_millis(100)).await;
            for _ in 0..30 {
                sender
                    .send(Ok(Bytes::from(vec![b'a'; 400])))
                    .await
                    .expect("send");
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        });
        let read = to_bytes(Body::new(body), usize::MAX).await.expect("whole");
        assert_eq!(read.len(), 30 * 400);
        assert_eq!(stopped.get(), None);
    }

    #[tokio::test]
    async fn time_the_server_spends_between_reads_is_not_held_against_the_body() {
        let budget = Budget::new(1 << 20, 1 << 20);
        let holding = Arc::new(budget.holding(Client::of(CLIENT)));
        let (mut sender, inner) = streamed();
        let (mut body, stopped) = counted(inner, &holding, ONE_KIB_A_SECOND);
        sender
            .send(Ok(Bytes::from(vec![b'a'; 10])))
            .await
            .expect("send");
        assert!(next(&mut body).await.expect("frame").is_ok());
        // The server works for a second before reading on; the next bytes then take 100 ms.
        tokio::time::sleep(Duration::from_secs(1)).await;
        tokio::spawn(async move {
            tokio::time::sleep(Duration::from_millis(100)).await;
            sender
                .send(Ok(Bytes::from(vec![b'a'; 10])))
                .await
                .expect("send");
        });
        assert!(next(&mut body).await.expect("frame").is_ok());
        assert!(next(&mut body).await.is_none());
        assert_eq!(stopped.get(), None);
    }
}
