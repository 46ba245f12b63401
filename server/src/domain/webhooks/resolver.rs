//! The webhook client's name resolver: it resolves a receiver's name at connection time and
//! refuses it when any address it resolves to is not public, so the address checked is the
//! address connected to (a name that resolves to 127.0.0.1, or rebinds to it after a check,
//! never reaches this machine). IP-address hosts never come here: the sender checks them
//! before sending.

use std::{net::SocketAddr, time::Duration};

use consentry_model::webhooks::{TargetPolicy, address::is_public};
use reqwest::dns::{Addrs, Name, Resolve, Resolving};

/// Why a delivery was not sent: the receiver's address is not allowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("target address not allowed")]
pub struct TargetRefused;

/// Resolves names and lets only public addresses through (all of them under
/// [`TargetPolicy::AllowPrivate`]).
#[derive(Debug, Clone, Copy)]
pub struct CheckedResolver {
    /// What is allowed.
    pub policy: TargetPolicy,
    /// How long a lookup may take.
    pub timeout: Duration,
}

impl Resolve for CheckedResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let CheckedResolver { policy, timeout } = *self;
        let host = name.as_str().to_owned();
        Box::pin(async move {
            let found = tokio::time::timeout(timeout, tokio::net::lookup_host((host.as_str(), 0)))
                .await
                .map_err(|_| std::io::Error::from(std::io::ErrorKind::TimedOut))??;
            let addrs: Vec<SocketAddr> = found.collect();
            // One private address is enough to refuse: the client may try any of them.
            if policy == TargetPolicy::PublicOnly && addrs.iter().any(|a| !is_public(a.ip())) {
                return Err(Box::new(TargetRefused) as _);
            }
            Ok(Box::new(addrs.into_iter()) as Addrs)
        })
    }
}

/// Whether a request failed because the resolver refused the target.
pub fn refused(error: &reqwest::Error) -> bool {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(error);
    while let Some(e) = source {
        if e.is::<TargetRefused>() {
            return true;
        }
        source = e.source();
    }
    false
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use tokio::io::AsyncWriteExt;

    use super::*;

    fn client(policy: TargetPolicy) -> reqwest::Client {
        reqwest::Client::builder()
            .dns_resolver(Arc::new(CheckedResolver {
                policy,
                timeout: Duration::from_secs(5),
            }))
            .no_proxy()
            .build()
            .expect("client")
    }

    /// A listener on 127.0.0.1 that answers 204 to whoever connects, and says whether
    /// anyone did within `wait`.
    async fn listener() -> (u16, tokio::task::JoinHandle<bool>) {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let port = listener.local_addr().expect("addr").port();
        let connected = tokio::spawn(async move {
            match tokio::time::timeout(Duration::from_secs(2), listener.accept()).await {
                Ok(Ok((mut stream, _))) => {
                    let _ = stream
                        .write_all(b"HTTP/1.1 204 No Content\r\nconnection: close\r\n\r\n")
                        .await;
                    true
                }
                _ => false,
            }
        });
        (port, connected)
    }

    #[tokio::test]
    async fn a_name_resolving_to_loopback_is_refused_before_connecting() {
        let (port, connected) = listener().await;
        let error = client(TargetPolicy::PublicOnly)
            .get(format!("http://localhost:{port}/hook"))
            .send()
            .await
            .expect_err("refused");
        assert!(refused(&error), "{error:?}");
        assert!(!connected.await.expect("task"), "nothing connected");
    }

    #[tokio::test]
    async fn the_operator_may_allow_private_receivers() {
        let (port, connected) = listener().await;
        let answer = client(TargetPolicy::AllowPrivate)
            .get(format!("http://localhost:{port}/hook"))
            .send()
            .await;
        assert!(connected.await.expect("task"), "connected");
        if let Err(error) = answer {
            assert!(!refused(&error), "{error:?}");
        }
    }

    #[tokio::test]
    async fn other_failures_are_not_taken_for_a_refusal() {
        // Nothing listens on port 9 here: the connection fails, nobody refused the target.
        let error = reqwest::Client::builder()
            .connect_timeout(Duration::from_millis(200))
            .build()
            .expect("client")
            .get("http://127.0.0.1:9/")
            .send()
            .await
            .expect_err("nothing listens");
        assert!(!refused(&error));
    }
}
