//! The accept loop: every connection served by hyper's HTTP/1 under the connection timeouts
//! and the bounds on open connections (overall and per client address), and a graceful stop
//! that lets requests in flight finish.
//!
//! `axum::serve` sets no timeouts, so a client could hold a connection open forever by
//! sending its headers a byte at a time, or by sending nothing. A closed connection lingers
//! briefly, so a client still sending a body an early answer left unread gets that answer
//! instead of a reset.

use std::{
    collections::HashMap,
    future::Future,
    io,
    pin::Pin,
    sync::{
        Arc, Mutex, PoisonError,
        atomic::{AtomicU64, Ordering},
    },
    task::{Context, Poll},
    time::Duration,
};

use axum::{Router, body::Body, extract::ConnectInfo};
use hyper::body::Incoming;

use super::client::{Client, FromTrustedProxy, Networks, RequestClient};
use hyper::server::conn::http1;
use hyper_util::{
    rt::{TokioIo, TokioTimer},
    server::graceful::GracefulShutdown,
    service::TowerToHyperService,
};
use tokio::{
    io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, ReadBuf},
    net::{TcpListener, TcpStream},
    sync::Semaphore,
    time::Instant,
};
use tower::ServiceExt;

/// How long a connection may take and stay quiet, and how many may be open.
#[derive(Debug, Clone, Copy)]
pub struct ConnectionLimits {
    /// To send a request's headers, from the connection's start or the previous answer
    /// (hyper counts a keep-alive connection's wait for its next request).
    pub header_read: Duration,
    /// Without a byte moving either way (a client that stops reading an answer).
    pub idle: Duration,
    /// Open at once, from everyone.
    pub max_open: usize,
    /// Open at once from one client address.
    pub max_open_per_client: usize,
}

impl ConnectionLimits {
    /// The limits the server is configured with.
    pub fn from_settings(server: &crate::config::ServerSettings) -> ConnectionLimits {
        ConnectionLimits {
            header_read: Duration::from_secs(server.header_read_timeout_seconds),
            idle: Duration::from_secs(server.idle_timeout_seconds),
            max_open: server.max_connections,
            max_open_per_client: server.max_connections_per_client,
        }
    }
}

/// The connections open now, overall and per client address.
struct Open {
    limits: ConnectionLimits,
    counts: Mutex<OpenCounts>,
}

#[derive(Default)]
struct OpenCounts {
    total: usize,
    per_client: HashMap<Client, usize>,
}

/// One open connection, counted until dropped.
struct Admitted {
    open: Arc<Open>,
    client: Client,
}

impl Open {
    /// Counts a new connection from `client`, unless that would pass a bound.
    fn admit(self: &Arc<Open>, client: Client) -> Option<Admitted> {
        let mut counts = self.counts.lock().unwrap_or_else(PoisonError::into_inner);
        let from_client = counts.per_client.get(&client).copied().unwrap_or(0);
        if counts.total >= self.limits.max_open || from_client >= self.limits.max_open_per_client {
            return None;
        }
        counts.total += 1;
        counts.per_client.insert(client, from_client + 1);
        Some(Admitted {
            open: Arc::clone(self),
            client,
        })
    }
}

impl Drop for Admitted {
    fn drop(&mut self) {
        let mut counts = self
            .open
            .counts
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        counts.total = counts.total.saturating_sub(1);
        if let Some(n) = counts.per_client.get_mut(&self.client) {
            *n = n.saturating_sub(1);
            if *n == 0 {
                counts.per_client.remove(&self.client);
            }
        }
    }
}

/// Largest read buffer of a connection; also the most a request's headers may take.
const READ_BUFFER_BYTES: usize = 64 * 1024;

/// Refused connections answered at once (beyond it, closed without an answer).
const MAX_REFUSING: usize = 64;
/// How long a refused connection is given to take its answer.
const REFUSING_FOR: Duration = Duration::from_secs(1);
/// Seconds a refused client is told to wait.
const BUSY_RETRY_AFTER_SECS: u64 = 5;

/// The answer to a connection beyond a bound, written before its request is read.
fn busy_answer() -> Vec<u8> {
    let body = format!(
        "{{\"error\":\"busy\",\"message\":\"The server has too many open connections. Try \
         again in {BUSY_RETRY_AFTER_SECS} seconds; reuse one connection for several requests.\"}}"
    );
    format!(
        "HTTP/1.1 503 Service Unavailable\r\ncontent-type: application/json\r\n\
         retry-after: {BUSY_RETRY_AFTER_SECS}\r\ncache-control: no-store\r\n\
         connection: close\r\ncontent-length: {}\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

/// Answers a refused connection `503 busy` and closes it, within [`REFUSING_FOR`]: what it
/// sent meanwhile is read a little and dropped, so the client gets the answer rather than a
/// reset.
async fn refuse(mut stream: TcpStream, answer: Arc<[u8]>) {
    let _ = tokio::time::timeout(REFUSING_FOR, async {
        stream.write_all(&answer).await?;
        stream.shutdown().await?;
        let mut sink = [0u8; 1024];
        let mut left = 64 * 1024usize;
        while let Ok(n @ 1..) = stream.read(&mut sink).await {
            left = left.saturating_sub(n);
            if left == 0 {
                break;
            }
        }
        io::Result::Ok(())
    })
    .await;
}

/// Serves `app` on `listener` until `shutdown` completes, then stops accepting and waits for
/// every open connection to finish its request in flight.
pub async fn serve(
    listener: TcpListener,
    app: Router,
    limits: ConnectionLimits,
    proxies: Arc<Networks>,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> io::Result<()> {
    let mut builder = http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header_read)
        // A connection's read buffer stays small (hyper's own bound is ~400 KiB): with many
        // connections open, their buffers are most of what they cost.
        .max_buf_size(READ_BUFFER_BYTES)
        // The buffer may take a read beyond its bound before hyper checks it (a head of up to
        // ~112 KiB got through); the head's own bound is exact: beyond it, 431.
        .max_header_size(READ_BUFFER_BYTES);
    let graceful = GracefulShutdown::new();
    let open = Arc::new(Open {
        limits,
        counts: Mutex::new(OpenCounts::default()),
    });
    let refusing = Arc::new(Semaphore::new(MAX_REFUSING));
    let busy: Arc<[u8]> = busy_answer().into();
    tokio::pin!(shutdown);
    loop {
        let (stream, remote) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    // Out of file descriptors, say: wait rather than spin.
                    tracing::warn!(error = %e, "could not accept a connection");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        // Counted before anything is read: beyond a bound the connection costs a short
        // answer, not a request's buffers.
        let Some(admitted) = open.admit(Client::of(remote.ip())) else {
            tracing::warn!("refused a connection: too many open");
            if let Ok(permit) = Arc::clone(&refusing).try_acquire_owned() {
                let busy = Arc::clone(&busy);
                tokio::spawn(async move {
                    refuse(stream, busy).await;
                    drop(permit);
                });
            }
            continue;
        };
        let proxies = Arc::clone(&proxies);
        let service = app
            .clone()
            .map_request(move |request: hyper::Request<Incoming>| {
                let mut request = request.map(Body::new);
                let client = proxies.client_of(remote.ip(), request.headers());
                request.extensions_mut().insert(ConnectInfo(remote));
                request.extensions_mut().insert(RequestClient(client));
                if proxies.contains(remote.ip()) {
                    request.extensions_mut().insert(FromTrustedProxy);
                }
                request
            });
        let activity = Arc::new(Activity::new());
        let io = TokioIo::new(Watched {
            inner: Some(stream),
            activity: Arc::clone(&activity),
        });
        let connection = builder.serve_connection(io, TowerToHyperService::new(service));
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            let _admitted = admitted;
            tokio::select! {
                served = connection => {
                    if let Err(e) = served {
                        tracing::debug!(error = %e, "connection ended with an error");
                    }
                }
                () = activity.expired(limits) => {
                    tracing::debug!("closed a connection that stayed quiet too long");
                }
            }
        });
    }
    drop(listener);
    graceful.shutdown().await;
    Ok(())
}

/// When a connection last moved a byte.
struct Activity {
    opened: Instant,
    /// Milliseconds after `opened`.
    last: AtomicU64,
}

impl Activity {
    fn new() -> Activity {
        Activity {
            opened: Instant::now(),
            last: AtomicU64::new(0),
        }
    }

    fn touch(&self) {
        let since = u64::try_from(self.opened.elapsed().as_millis()).unwrap_or(u64::MAX);
        self.last.store(since, Ordering::Relaxed);
    }

    /// Completes when no byte has moved for `idle`.
    async fn expired(&self, limits: ConnectionLimits) {
        loop {
            let last = Duration::from_millis(self.last.load(Ordering::Relaxed));
            let deadline = self.opened + last + limits.idle;
            if Instant::now() >= deadline {
                return;
            }
            tokio::time::sleep_until(deadline).await;
        }
    }
}

/// A connection's socket, noting every byte that moves. Dropped, it lingers: see [`linger`].
struct Watched {
    inner: Option<TcpStream>,
    activity: Arc<Activity>,
}

impl Watched {
    fn stream(&mut self) -> io::Result<Pin<&mut TcpStream>> {
        self.inner
            .as_mut()
            .map(Pin::new)
            .ok_or_else(|| io::Error::from(io::ErrorKind::NotConnected))
    }
}

impl AsyncRead for Watched {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let before = buf.filled().len();
        let polled = self.stream()?.poll_read(cx, buf);
        if matches!(polled, Poll::Ready(Ok(()))) && buf.filled().len() > before {
            self.activity.touch();
        }
        polled
    }
}

impl AsyncWrite for Watched {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let polled = self.stream()?.poll_write(cx, buf);
        if matches!(polled, Poll::Ready(Ok(n)) if n > 0) {
            self.activity.touch();
        }
        polled
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let polled = self.stream()?.poll_write_vectored(cx, bufs);
        if matches!(polled, Poll::Ready(Ok(n)) if n > 0) {
            self.activity.touch();
        }
        polled
    }

    fn is_write_vectored(&self) -> bool {
        self.inner
            .as_ref()
            .is_some_and(AsyncWrite::is_write_vectored)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        self.stream()?.poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        self.stream()?.poll_shutdown(cx)
    }
}

impl Drop for Watched {
    fn drop(&mut self) {
        if let (Some(stream), Ok(runtime)) =
            (self.inner.take(), tokio::runtime::Handle::try_current())
        {
            runtime.spawn(linger(stream));
        }
    }
}

/// How long, and for how many bytes, a closed connection is still read from.
const LINGER: Duration = Duration::from_secs(2);
const LINGER_BYTES: usize = 4 * 1024 * 1024;

/// Closes a connection gently: its end is sent, then whatever the client still sends (the
/// rest of a body an early answer left unread) is read and dropped until the client closes
/// too. Closing a socket with unread bytes would reset the connection, and the client could
/// lose the answer it was about to read.
async fn linger(mut stream: TcpStream) {
    let _ = stream.shutdown().await;
    let mut sink = vec![0u8; 16 * 1024];
    let mut left = LINGER_BYTES;
    let _ = tokio::time::timeout(LINGER, async {
        while let Ok(n @ 1..) = stream.read(&mut sink).await {
            left = left.saturating_sub(n);
            if left == 0 {
                break;
            }
        }
    })
    .await;
}
