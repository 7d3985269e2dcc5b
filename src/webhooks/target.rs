//! Where webhooks may go. A receiver URL is `http` or `https`, without credentials, and its
//! host must resolve to public addresses only: private, loopback, link-local, multicast,
//! unspecified and other special-purpose ranges (IPv4 and IPv6, IPv4-mapped included) are
//! refused, unless the operator allows them (`--webhooks-allow-private`). The check runs when
//! an endpoint is created or changed, and again at each delivery, through the resolver of the
//! delivery client ([`GuardedResolver`]): the connection goes to an address that was checked,
//! so a name that resolves differently later (DNS rebinding) gains nothing.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::time::Duration;

use reqwest::Url;

/// Longest accepted URL.
pub const MAX_URL_LEN: usize = 2048;
/// How long resolving a receiver's name may take at creation.
const RESOLVE_TIMEOUT: Duration = Duration::from_secs(3);

/// Why a URL is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TargetError {
    #[error("must be an absolute http or https URL with a host, without credentials, at most 2048 characters")]
    Invalid,
    #[error("the host does not resolve")]
    Unresolvable,
    #[error("the host resolves to a private, loopback, link-local or otherwise non-public address")]
    Forbidden,
}

/// Parses a receiver URL (shape only).
pub fn parse(raw: &str) -> Result<Url, TargetError> {
    if raw.len() > MAX_URL_LEN {
        return Err(TargetError::Invalid);
    }
    let url = Url::parse(raw).map_err(|_| TargetError::Invalid)?;
    let shape_ok = matches!(url.scheme(), "http" | "https")
        && url.host_str().is_some_and(|h| !h.is_empty())
        && url.username().is_empty()
        && url.password().is_none();
    if shape_ok {
        Ok(url)
    } else {
        Err(TargetError::Invalid)
    }
}

/// Parses `raw` and checks where it resolves to now.
pub async fn check(raw: &str, allow_private: bool) -> Result<Url, TargetError> {
    let url = parse(raw)?;
    let addrs = resolve(&url).await?;
    if !allow_private && addrs.iter().any(|a| !is_public(a.ip())) {
        return Err(TargetError::Forbidden);
    }
    Ok(url)
}

async fn resolve(url: &Url) -> Result<Vec<SocketAddr>, TargetError> {
    let port = url.port_or_known_default().unwrap_or(443);
    match url.host() {
        Some(url::Host::Ipv4(ip)) => Ok(vec![SocketAddr::new(IpAddr::V4(ip), port)]),
        Some(url::Host::Ipv6(ip)) => Ok(vec![SocketAddr::new(IpAddr::V6(ip), port)]),
        Some(url::Host::Domain(name)) => {
            let lookup = tokio::net::lookup_host((name, port));
            let addrs = tokio::time::timeout(RESOLVE_TIMEOUT, lookup)
                .await
                .map_err(|_| TargetError::Unresolvable)?
                .map_err(|_| TargetError::Unresolvable)?;
            let addrs: Vec<SocketAddr> = addrs.collect();
            if addrs.is_empty() {
                return Err(TargetError::Unresolvable);
            }
            Ok(addrs)
        }
        None => Err(TargetError::Invalid),
    }
}

/// Whether the URL's host is an IP literal that may not be contacted.
pub fn literal_forbidden(url: &Url, allow_private: bool) -> bool {
    let ip = match url.host() {
        Some(url::Host::Ipv4(ip)) => IpAddr::V4(ip),
        Some(url::Host::Ipv6(ip)) => IpAddr::V6(ip),
        _ => return false,
    };
    !allow_private && !is_public(ip)
}

/// Whether an address is routable on the public internet.
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_public_v4(v4),
        IpAddr::V6(v6) => is_public_v6(v6),
    }
}

fn is_public_v4(ip: Ipv4Addr) -> bool {
    let [a, b, ..] = ip.octets();
    !(ip.is_private()
        || ip.is_loopback()
        || ip.is_link_local()
        || ip.is_multicast()
        || ip.is_unspecified()
        || ip.is_broadcast()
        || ip.is_documentation()
        || a == 0
        || a >= 240
        // Shared address space (carrier-grade NAT), 100.64.0.0/10.
        || (a == 100 && (64..128).contains(&b))
        // IETF protocol assignments, 192.0.0.0/24, and benchmarking, 198.18.0.0/15.
        || (a == 192 && b == 0 && ip.octets()[2] == 0)
        || (a == 198 && (b == 18 || b == 19)))
}

fn is_public_v6(ip: Ipv6Addr) -> bool {
    if let Some(v4) = ip.to_ipv4_mapped() {
        return is_public_v4(v4);
    }
    let segments = ip.segments();
    // NAT64 (64:ff9b::/96) reaches the embedded IPv4 address.
    if segments[..6] == [0x64, 0xff9b, 0, 0, 0, 0] {
        let [.., hi, lo] = segments;
        return is_public_v4(Ipv4Addr::from((u32::from(hi) << 16) | u32::from(lo)));
    }
    !(ip.is_loopback()
        || ip.is_unspecified()
        || ip.is_multicast()
        // IPv4-compatible (deprecated) ::a.b.c.d.
        || segments[..6] == [0; 6]
        // Unique local fc00::/7, link-local fe80::/10, site-local fec0::/10.
        || (segments[0] & 0xfe00) == 0xfc00
        || (segments[0] & 0xffc0) == 0xfe80
        || (segments[0] & 0xffc0) == 0xfec0
        // Documentation 2001:db8::/32.
        || (segments[0] == 0x2001 && segments[1] == 0x0db8))
}

/// The delivery client's resolver: resolves with the system, then keeps only the addresses
/// that may be contacted, and fails with [`Blocked`] when none is left.
#[derive(Debug, Clone, Copy)]
pub struct GuardedResolver {
    pub allow_private: bool,
}

/// Every address of the receiver's name was refused.
#[derive(Debug, thiserror::Error)]
#[error("the receiver's host resolves to refused addresses only")]
pub struct Blocked;

impl reqwest::dns::Resolve for GuardedResolver {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let allow_private = self.allow_private;
        Box::pin(async move {
            let found = tokio::net::lookup_host((name.as_str(), 0)).await?;
            let allowed: Vec<SocketAddr> = found.filter(|a| allow_private || is_public(a.ip())).collect();
            if allowed.is_empty() {
                return Err(Box::new(Blocked) as Box<dyn std::error::Error + Send + Sync>);
            }
            Ok(Box::new(allowed.into_iter()) as reqwest::dns::Addrs)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn special_purpose_addresses_are_not_public() {
        for bad in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "0.0.0.0",
            "100.64.0.1",
            "224.0.0.1",
            "255.255.255.255",
            "::1",
            "::",
            "fe80::1",
            "fd00::1",
            "ff02::1",
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1",
            "64:ff9b::a00:1",
            "::127.0.0.1",
        ] {
            assert!(!is_public(bad.parse().unwrap()), "{bad}");
        }
        for good in ["93.184.216.34", "1.1.1.1", "2606:4700::1111", "::ffff:1.1.1.1", "64:ff9b::101:101"] {
            assert!(is_public(good.parse().unwrap()), "{good}");
        }
    }

    #[test]
    fn urls_are_http_with_a_host_and_no_credentials() {
        assert!(parse("https://hooks.example.com/coffre?x=1").is_ok());
        assert!(parse("http://[::1]:8080/").is_ok());
        for bad in ["ftp://example.com/", "https://user:pw@example.com/", "example.com", "file:///etc/passwd", ""] {
            assert_eq!(parse(bad).unwrap_err(), TargetError::Invalid, "{bad}");
        }
    }

    #[tokio::test]
    async fn loopback_is_refused_unless_allowed() {
        assert_eq!(check("http://127.0.0.1:9/", false).await.unwrap_err(), TargetError::Forbidden);
        assert_eq!(check("http://localhost:9/", false).await.unwrap_err(), TargetError::Forbidden);
        assert!(check("http://127.0.0.1:9/", true).await.is_ok());
        assert!(literal_forbidden(&parse("http://[::ffff:192.168.0.1]/").unwrap(), false));
    }
}
