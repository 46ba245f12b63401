//! Where a webhook may post: a public `https://` address of at most 2,048 characters. The
//! host is read the way the HTTP client reads it (the WHATWG URL rules of the `url` crate, so
//! `127.1`, `0x7f000001` and `2130706433` are all 127.0.0.1), and an IP address is public
//! only outside every range that reaches this machine, a private network, a cloud metadata
//! service or nothing at all. The server checks the addresses a name resolves to with
//! [`is_public`] again at every delivery.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use ipnet::{Ipv4Net, Ipv6Net};
use serde::{Deserialize, Serialize};

/// Which receivers an installation may post to (the operator's `webhooks.allow_private_targets`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TargetPolicy {
    /// `https://` to public addresses only: the default.
    #[default]
    PublicOnly,
    /// Also plain `http://` and this machine or private networks (test setups, receivers on
    /// the same network).
    AllowPrivate,
}

/// Why an address is not a webhook address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum WebhookUrlError {
    /// Nothing was entered.
    #[error("Enter the receiver's address, such as https://crm.example.org/hooks.")]
    Empty,
    /// Longer than [`WebhookUrl::MAX_LEN`].
    #[error("Use at most 2,048 characters.")]
    TooLong,
    /// Not a full address.
    #[error("Enter a full address such as https://crm.example.org/hooks.")]
    NotAUrl,
    /// Not `https://` (and plain http is not allowed here).
    #[error("Use an https:// address.")]
    NotHttps,
    /// This machine, a private network, link-local or another non-public range.
    #[error(
        "This address points to this machine or a private network. Use the receiver's public \
         https:// address (an operator can allow private receivers with \
         webhooks.allow_private_targets)."
    )]
    NotPublic,
}

/// A checked webhook address, normalised as the HTTP client will use it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct WebhookUrl(String);

impl WebhookUrl {
    /// Most characters an address may have.
    pub const MAX_LEN: usize = 2048;

    /// Parses and checks an address under `policy`. Only the address itself is checked: a
    /// name's addresses are checked when it is resolved, at every delivery.
    pub fn parse(input: &str, policy: TargetPolicy) -> Result<WebhookUrl, WebhookUrlError> {
        let input = input.trim();
        if input.is_empty() {
            return Err(WebhookUrlError::Empty);
        }
        if input.chars().count() > Self::MAX_LEN {
            return Err(WebhookUrlError::TooLong);
        }
        let url = url::Url::parse(input).map_err(|_| WebhookUrlError::NotAUrl)?;
        let private = policy == TargetPolicy::AllowPrivate;
        match url.scheme() {
            "https" => {}
            "http" if private => {}
            _ => return Err(WebhookUrlError::NotHttps),
        }
        let host = url.host().ok_or(WebhookUrlError::NotAUrl)?;
        if !private && !host_may_be_public(&host) {
            return Err(WebhookUrlError::NotPublic);
        }
        let normalised = String::from(url);
        if normalised.chars().count() > Self::MAX_LEN {
            return Err(WebhookUrlError::TooLong);
        }
        Ok(WebhookUrl(normalised))
    }

    /// The address, normalised.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The address, normalised.
    pub fn into_string(self) -> String {
        self.0
    }
}

/// Whether a URL's host can be a public receiver: an IP address in no special range, or a
/// name other than `localhost` (RFC 6761: it and its subdomains are this machine). A name
/// still has to resolve to public addresses only.
pub fn host_may_be_public(host: &url::Host<&str>) -> bool {
    match host {
        url::Host::Ipv4(ip) => is_public(IpAddr::V4(*ip)),
        url::Host::Ipv6(ip) => is_public(IpAddr::V6(*ip)),
        url::Host::Domain(name) => {
            let name = name.trim_end_matches('.').to_ascii_lowercase();
            name != "localhost" && !name.ends_with(".localhost")
        }
    }
}

/// IPv4 ranges that are not public beyond what `std` names (RFC 6890 and the IANA
/// special-purpose registry): "this network", shared address space (carrier-grade NAT), IETF
/// protocol assignments, the 6to4 relay anycast, benchmarking, and the reserved 240/4 with
/// the broadcast address.
const V4_SPECIAL: [Ipv4Net; 6] = [
    Ipv4Net::new_assert(Ipv4Addr::new(0, 0, 0, 0), 8),
    Ipv4Net::new_assert(Ipv4Addr::new(100, 64, 0, 0), 10),
    Ipv4Net::new_assert(Ipv4Addr::new(192, 0, 0, 0), 24),
    Ipv4Net::new_assert(Ipv4Addr::new(192, 88, 99, 0), 24),
    Ipv4Net::new_assert(Ipv4Addr::new(198, 18, 0, 0), 15),
    Ipv4Net::new_assert(Ipv4Addr::new(240, 0, 0, 0), 4),
];

/// Global unicast IPv6: every public address is in it.
const V6_GLOBAL_UNICAST: Ipv6Net =
    Ipv6Net::new_assert(Ipv6Addr::new(0x2000, 0, 0, 0, 0, 0, 0, 0), 3);

/// Special ranges inside global unicast: IETF protocol assignments (Teredo, ORCHID, …),
/// documentation (two blocks) and SRv6 segment identifiers.
const V6_SPECIAL: [Ipv6Net; 4] = [
    Ipv6Net::new_assert(Ipv6Addr::new(0x2001, 0, 0, 0, 0, 0, 0, 0), 23),
    Ipv6Net::new_assert(Ipv6Addr::new(0x2001, 0xdb8, 0, 0, 0, 0, 0, 0), 32),
    Ipv6Net::new_assert(Ipv6Addr::new(0x3fff, 0, 0, 0, 0, 0, 0, 0), 20),
    Ipv6Net::new_assert(Ipv6Addr::new(0x5f00, 0, 0, 0, 0, 0, 0, 0), 16),
];

/// 6to4 (RFC 3056): the IPv4 address is in bits 16–47.
const V6_6TO4: Ipv6Net = Ipv6Net::new_assert(Ipv6Addr::new(0x2002, 0, 0, 0, 0, 0, 0, 0), 16);

/// The well-known NAT64 prefix (RFC 6052): the IPv4 address is the last 32 bits.
const V6_NAT64: Ipv6Net = Ipv6Net::new_assert(Ipv6Addr::new(0x64, 0xff9b, 0, 0, 0, 0, 0, 0), 96);

/// Whether `ip` is a public address a webhook may reach: not this machine, a private
/// network, link-local (cloud metadata services such as 169.254.169.254 live there),
/// unspecified, documentation, multicast, broadcast or reserved; and for IPv6 addresses that
/// carry an IPv4 address (IPv4-mapped, NAT64, 6to4), not one that carries a non-public one.
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_public_v4(v4),
        IpAddr::V6(v6) => is_public_v6(v6),
    }
}

fn is_public_v4(ip: Ipv4Addr) -> bool {
    !(ip.is_unspecified()
        || ip.is_loopback()
        || ip.is_private()
        || ip.is_link_local()
        || ip.is_documentation()
        || ip.is_multicast()
        || ip.is_broadcast()
        || V4_SPECIAL.iter().any(|net| net.contains(&ip)))
}

fn is_public_v6(ip: Ipv6Addr) -> bool {
    // ::ffff:a.b.c.d reaches a.b.c.d: it is as public as that address.
    if let Some(v4) = ip.to_ipv4_mapped() {
        return is_public_v4(v4);
    }
    let [.., a, b, c, d] = ip.octets();
    if V6_NAT64.contains(&ip) {
        return is_public_v4(Ipv4Addr::new(a, b, c, d));
    }
    if V6_6TO4.contains(&ip) {
        let o = ip.octets();
        return is_public_v4(Ipv4Addr::new(o[2], o[3], o[4], o[5]));
    }
    // Everything outside 2000::/3 (unspecified, loopback, IPv4-compatible, discard-only,
    // unique local fc00::/7, link-local fe80::/10, site-local, multicast) is not public.
    V6_GLOBAL_UNICAST.contains(&ip)
        && !ip.is_unique_local()
        && !ip.is_unicast_link_local()
        && !ip.is_multicast()
        && !V6_SPECIAL.iter().any(|net| net.contains(&ip))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn public(ip: &str) -> bool {
        is_public(ip.parse().expect("an IP address"))
    }

    fn refused(url: &str) -> Result<WebhookUrl, WebhookUrlError> {
        WebhookUrl::parse(url, TargetPolicy::PublicOnly)
    }

    #[test]
    fn public_addresses_are_allowed() {
        for ip in [
            "1.1.1.1",
            "8.8.8.8",
            "93.184.215.14",
            "100.63.255.255",
            "100.128.0.0",
            "172.32.0.1",
            "192.0.1.1",
            "198.20.0.1",
            "223.255.255.254",
            "2606:4700:4700::1111",
            "2a00:1450:4001:81c::200e",
            "::ffff:8.8.8.8",
            "64:ff9b::808:808",
            "2002:808:808::1",
        ] {
            assert!(public(ip), "{ip} is public");
        }
    }

    #[test]
    fn every_non_public_range_is_refused() {
        for ip in [
            // IPv4: this network, loopback, private, shared, link-local and metadata.
            "0.0.0.0",
            "0.1.2.3",
            "127.0.0.1",
            "127.255.255.254",
            "10.0.0.1",
            "172.16.0.1",
            "172.31.255.255",
            "192.168.1.1",
            "100.64.0.1",
            "100.127.255.255",
            "169.254.169.254",
            "169.254.0.1",
            // IETF assignments, documentation, 6to4 relay, benchmarking, multicast, reserved.
            "192.0.0.8",
            "192.0.2.1",
            "198.51.100.1",
            "203.0.113.1",
            "192.88.99.1",
            "198.18.0.1",
            "198.19.255.255",
            "224.0.0.1",
            "239.255.255.250",
            "240.0.0.1",
            "255.255.255.255",
            // IPv6: unspecified, loopback, IPv4-compatible, discard, ULA (incl. AWS's IPv6
            // metadata fd00:ec2::254), link-local, site-local, multicast, documentation.
            "::",
            "::1",
            "::7f00:1",
            "100::1",
            "fc00::1",
            "fd00:ec2::254",
            "fe80::1",
            "fec0::1",
            "ff02::1",
            "2001:db8::1",
            "3fff::1",
            "2001::1",
            "5f00::1",
            // IPv4 inside IPv6: mapped, NAT64, 6to4 carrying a non-public address.
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1",
            "::ffff:169.254.169.254",
            "::ffff:0.0.0.0",
            "64:ff9b::7f00:1",
            "64:ff9b::a9fe:a9fe",
            "2002:7f00:1::1",
            "2002:c0a8:101::1",
        ] {
            assert!(!public(ip), "{ip} is refused");
        }
    }

    #[test]
    fn odd_ways_of_writing_loopback_and_metadata_are_refused() {
        for url in [
            "https://127.0.0.1/hook",
            "https://127.1/hook",
            "https://0x7f000001/hook",
            "https://0x7f.0.0.1/hook",
            "https://2130706433/hook",
            "https://017700000001/hook",
            "https://0177.0.0.1/hook",
            "https://127.0.0.1./hook",
            "https://[::ffff:127.0.0.1]/hook",
            "https://[::ffff:7f00:1]/hook",
            "https://[::1]/hook",
            "https://[0:0:0:0:0:0:0:1]/hook",
            "https://169.254.169.254/latest/meta-data/",
            "https://0xa9fea9fe/",
            "https://[fd00:ec2::254]/",
            "https://0.0.0.0/hook",
            "https://0/hook",
            "https://10.1.2.3:8443/hook",
            "https://[fe80::1%25eth0]/hook",
            "https://localhost/hook",
            "https://LOCALHOST./hook",
            "https://api.localhost/hook",
        ] {
            let answer = refused(url);
            assert!(
                matches!(
                    answer,
                    Err(WebhookUrlError::NotPublic | WebhookUrlError::NotAUrl)
                ),
                "{url}: {answer:?}"
            );
        }
        // The forms the client would read as loopback are recognised as such, not just
        // refused as unreadable.
        for url in [
            "https://127.1/",
            "https://0x7f000001/",
            "https://2130706433/",
        ] {
            assert_eq!(refused(url), Err(WebhookUrlError::NotPublic), "{url}");
        }
    }

    #[test]
    fn https_to_a_public_receiver_is_kept_normalised() {
        let url = refused("  https://CRM.Example.org/hooks?x=1  ").expect("allowed");
        assert_eq!(url.as_str(), "https://crm.example.org/hooks?x=1");
        assert!(refused("https://8.8.8.8/hook").is_ok());
        assert!(refused("https://[2606:4700:4700::1111]/hook").is_ok());
    }

    #[test]
    fn plain_http_and_other_schemes_need_the_operator() {
        assert_eq!(
            refused("http://crm.example.org/hook"),
            Err(WebhookUrlError::NotHttps)
        );
        assert_eq!(
            refused("ftp://crm.example.org/"),
            Err(WebhookUrlError::NotHttps)
        );
        assert_eq!(refused("not a url"), Err(WebhookUrlError::NotAUrl));
        assert_eq!(refused("   "), Err(WebhookUrlError::Empty));
        let allowed = TargetPolicy::AllowPrivate;
        assert!(WebhookUrl::parse("http://127.0.0.1:9000/x", allowed).is_ok());
        assert!(WebhookUrl::parse("http://localhost:9000/x", allowed).is_ok());
        assert_eq!(
            WebhookUrl::parse("ftp://127.0.0.1/", allowed),
            Err(WebhookUrlError::NotHttps)
        );
    }

    #[test]
    fn at_most_2048_characters() {
        let base = "https://crm.example.org/";
        let fits = format!("{base}{}", "a".repeat(WebhookUrl::MAX_LEN - base.len()));
        assert!(refused(&fits).is_ok());
        let over = format!("{fits}a");
        assert_eq!(refused(&over), Err(WebhookUrlError::TooLong));
        // Normalising may lengthen it (a space becomes %20): the stored form counts too.
        let spaces = format!(
            "{base}{}",
            " x".repeat((WebhookUrl::MAX_LEN - base.len()) / 2)
        );
        assert_eq!(refused(&spaces), Err(WebhookUrlError::TooLong));
    }
}
