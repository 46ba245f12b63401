//! Who a client is, for every per-client limit (connections, the body budget's share,
//! sign-in, privacy-centre codes, sign-ups, banner answers): the socket's address, with an
//! IPv6 address taken as its /64 network — one home or server line is given a whole /64, so
//! counting single IPv6 addresses would let one host pass every limit by changing addresses.

use std::{
    fmt,
    net::{IpAddr, Ipv6Addr, SocketAddr},
};

use axum::{extract::ConnectInfo, http::Extensions};

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

    /// The client of a request, from the address its connection came from; `None` when the
    /// request did not come through a socket (only in tests of a router).
    pub fn of_request(extensions: &Extensions) -> Option<Client> {
        extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|ConnectInfo(address)| Client::of(address.ip()))
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

    #[test]
    fn ipv4_addresses_are_each_their_own_client_also_when_written_as_ipv6() {
        assert_ne!(client("192.0.2.1"), client("192.0.2.2"));
        assert_eq!(client("::ffff:192.0.2.1"), client("192.0.2.1"));
        assert_eq!(client("::ffff:192.0.2.1").to_string(), "192.0.2.1");
    }
}
