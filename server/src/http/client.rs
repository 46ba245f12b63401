//! Who a client is, for every per-client limit (the body budget's share, sign-in,
//! privacy-centre codes, sign-ups, banner answers): the socket's address — or, when that is
//! a trusted proxy, the address it says it forwards for — with an IPv6 address taken as its
//! /64 network: one home or server line is given a whole /64, so counting single IPv6
//! addresses would let one host pass every limit by changing addresses.

use std::{
    fmt,
    net::{IpAddr, Ipv6Addr},
    str::FromStr,
};

use axum::http::{Extensions, HeaderMap};
use ipnet::IpNet;
use serde::{Deserialize, Serialize};

/// One client as the limits count it: an IPv4 address, or an IPv6 /64 network.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Client(IpAddr);

impl Client {
    /// The client an address belongs to. An IPv4 address written as IPv6 (`::ffff:a.b.c.d`)
    /// is that IPv4 address; any other IPv6 address is its /64 network.
    pub fn of(address: IpAddr) -> Client {
        match address {
            IpAddr::V4(v4) => Client(IpAddr::V4(v4)),
            IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
                Some(v4) => Client(IpAddr::V4(v4)),
                None => Client(IpAddr::V6(Ipv6Addr::from_bits(
                    v6.to_bits() & !u128::from(u64::MAX),
                ))),
            },
        }
    }

    /// The client of a request (see [`RequestClient`]); `None` when the request did not
    /// come through a socket (only in tests of a router).
    pub fn of_request(extensions: &Extensions) -> Option<Client> {
        extensions
            .get::<RequestClient>()
            .map(|RequestClient(address)| Client::of(*address))
    }
}

/// The address a request is counted for, set by the server as it reads the request: its
/// connection's, or the one a trusted proxy forwarded it for.
#[derive(Debug, Clone, Copy)]
pub struct RequestClient(pub IpAddr);

/// Set on a request whose connection comes from a trusted proxy: headers that proxy adds
/// (its request id) are believed.
#[derive(Debug, Clone, Copy)]
pub struct FromTrustedProxy;

/// Addresses, as networks (`10.0.0.0/8`) or single addresses (`127.0.0.1`): the trusted
/// proxies (load balancers, reverse proxies) whose `X-Forwarded-For` is believed — a request
/// from any other address is counted for that address, whatever headers it carries — or the
/// clients the metrics answer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "Vec<String>", into = "Vec<String>")]
pub struct Networks(Vec<IpNet>);

impl Networks {
    /// Whether `address` is one of them.
    pub fn contains(&self, address: IpAddr) -> bool {
        let address = match address {
            IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(address, IpAddr::V4),
            v4 => v4,
        };
        self.0.iter().any(|network| network.contains(&address))
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether a network of every address is among them (`0.0.0.0/0`, `::/0`): as trusted
    /// proxies, any client could name the address its limits count.
    pub fn includes_everyone(&self) -> bool {
        self.0.iter().any(|network| network.prefix_len() == 0)
    }

    /// As trusted proxies, the address a request from `peer` is made for: walking `X-Forwarded-For` from its
    /// right end (the hop the nearest proxy added) while the hop is a trusted proxy, the
    /// first hop that is not. Entries left of it were written by the client and could say
    /// anything, so they are never read; an entry that is not an address ends the walk at
    /// the proxy that passed it on.
    pub fn client_of(&self, peer: IpAddr, headers: &HeaderMap) -> IpAddr {
        if !self.contains(peer) {
            return peer;
        }
        let hops: Vec<&str> = headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|value| value.to_str().ok())
            .flat_map(|value| value.split(','))
            .map(str::trim)
            .collect();
        let mut client = peer;
        for hop in hops.iter().rev() {
            if !self.contains(client) {
                break;
            }
            match hop.parse::<IpAddr>() {
                Ok(address) => client = address,
                Err(_) => break,
            }
        }
        client
    }
}

impl TryFrom<Vec<String>> for Networks {
    type Error = String;

    fn try_from(entries: Vec<String>) -> Result<Self, String> {
        entries
            .iter()
            .map(|entry| {
                let entry = entry.trim();
                IpNet::from_str(entry)
                    .or_else(|_| IpAddr::from_str(entry).map(IpNet::from))
                    .map_err(|_| {
                        format!(
                            "{entry:?} is neither an address (10.0.0.2) nor a network \
                             (10.0.0.0/8)"
                        )
                    })
            })
            .collect::<Result<_, _>>()
            .map(Networks)
    }
}

impl From<Networks> for Vec<String> {
    fn from(proxies: Networks) -> Vec<String> {
        proxies.0.iter().map(ToString::to_string).collect()
    }
}

impl fmt::Display for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            IpAddr::V4(v4) => write!(f, "{v4}"),
            IpAddr::V6(v6) => write!(f, "{v6}/64"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn client(address: &str) -> Client {
        Client::of(address.parse().expect("an address"))
    }

    #[test]
    fn the_addresses_of_one_ipv6_64_are_one_client() {
        assert_eq!(client("2001:db8:16::1"), client("2001:db8:16::40"));
        assert_eq!(
            client("2001:db8:16:0:ffff:ffff:ffff:ffff"),
            client("2001:db8:16::")
        );
        assert_ne!(client("2001:db8:16::1"), client("2001:db8:16:1::1"));
        assert_eq!(client("2001:db8:16::9").to_string(), "2001:db8:16::/64");
    }

    fn forwarded(proxies: &[&str], peer: &str, chain: &[&str]) -> String {
        let proxies =
            Networks::try_from(proxies.iter().map(|p| (*p).to_owned()).collect::<Vec<_>>())
                .expect("proxies");
        let mut headers = HeaderMap::new();
        for value in chain {
            headers.append("x-forwarded-for", value.parse().expect("a header"));
        }
        proxies
            .client_of(peer.parse().expect("an address"), &headers)
            .to_string()
    }

    #[test]
    fn only_a_trusted_proxy_is_believed_and_only_for_the_hop_it_added() {
        let lb = ["10.0.0.0/8", "127.0.0.1"];
        // Straight from a client: its own address, whatever it claims.
        assert_eq!(
            forwarded(&lb, "203.0.113.7", &["198.51.100.1"]),
            "203.0.113.7"
        );
        assert_eq!(forwarded(&[], "10.0.0.5", &["198.51.100.1"]), "10.0.0.5");
        // Through the proxy: the hop it added, not what the client wrote before it.
        assert_eq!(
            forwarded(&lb, "10.0.0.5", &["1.1.1.1, 203.0.113.7"]),
            "203.0.113.7"
        );
        // Through two proxies (one header or several), down to the first untrusted hop.
        assert_eq!(
            forwarded(&lb, "127.0.0.1", &["9.9.9.9, 203.0.113.7, 10.1.2.3"]),
            "203.0.113.7"
        );
        assert_eq!(
            forwarded(&lb, "127.0.0.1", &["9.9.9.9, 203.0.113.7", "10.1.2.3"]),
            "203.0.113.7"
        );
        // Garbage ends the walk at the proxy that passed it on; no header: the proxy.
        assert_eq!(forwarded(&lb, "10.0.0.5", &["nonsense"]), "10.0.0.5");
        assert_eq!(forwarded(&lb, "10.0.0.5", &[]), "10.0.0.5");
        // A mapped IPv4 peer is that IPv4 address; IPv6 proxies work alike.
        assert_eq!(
            forwarded(&lb, "::ffff:10.0.0.5", &["203.0.113.7"]),
            "203.0.113.7"
        );
        assert_eq!(
            forwarded(&["2001:db8::/32"], "2001:db8::1", &["2001:db8:ffff::9"]),
            "2001:db8:ffff::9"
        );
    }

    #[test]
    fn a_trusted_proxy_that_is_not_an_address_or_network_is_refused_naming_it() {
        let refused = Networks::try_from(vec!["10.0.0.0/8".into(), "lb.internal".into()])
            .expect_err("not an address");
        assert!(refused.contains("\"lb.internal\""), "{refused}");
        let kept =
            Networks::try_from(vec!["10.0.0.0/8".into(), " ::1 ".into()]).expect("addresses");
        assert!(!kept.includes_everyone());
        assert_eq!(Vec::<String>::from(kept), vec!["10.0.0.0/8", "::1/128"]);
        let everyone = Networks::try_from(vec!["0.0.0.0/0".into()]).expect("a network");
        assert!(everyone.includes_everyone());
    }

    #[test]
    fn ipv4_addresses_are_each_their_own_client_also_when_written_as_ipv6() {
        assert_ne!(client("192.0.2.1"), client("192.0.2.2"));
        assert_eq!(client("::ffff:192.0.2.1"), client("192.0.2.1"));
        assert_eq!(client("::ffff:192.0.2.1").to_string(), "192.0.2.1");
    }
}
