//! Which network addresses a live feed may be fetched from. A classroom server sits on the
//! room's network; without this, anyone who can add a feed URL could make it read the router's
//! admin page, a cloud metadata service or another machine in the room. Loopback, private,
//! link-local, shared (CGNAT), multicast, documentation and other special-purpose addresses are
//! refused unless the trainer starts Sandpit with `--allow-private-feeds`.
//!
//! The check runs on IP addresses after DNS resolution (in the fetcher's resolver) and on IP
//! literals in every URL, including each redirect, so a public name that resolves to a private
//! address, or a redirect to one, is refused as well.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// What the guard lets through.
#[derive(Debug, Clone, Default)]
pub struct AddressPolicy {
    /// Allow every address (`--allow-private-feeds`).
    pub allow_private: bool,
    /// Single addresses allowed despite being internal: the tests' fixture server on 127.0.0.1
    /// while other loopback addresses stay refused.
    pub allowed: Vec<IpAddr>,
}

impl AddressPolicy {
    pub fn permits(&self, ip: IpAddr) -> bool {
        self.allow_private || is_public(ip) || self.allowed.contains(&canonical(ip))
    }
}

/// A refusal, kept as a typed error so the fetcher can tell it apart from network failures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Blocked {
    pub host: String,
    pub address: IpAddr,
}

impl std::fmt::Display for Blocked {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.host == self.address.to_string() {
            write!(f, "{} is an internal network address", self.address)
        } else {
            write!(
                f,
                "{} is at {}, an internal network address",
                self.host, self.address
            )
        }
    }
}

impl std::error::Error for Blocked {}

/// IPv4-mapped IPv6 addresses (`::ffff:127.0.0.1`) are their IPv4 address.
fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => ip,
        },
        v4 => v4,
    }
}

/// Whether an address is on the public internet (globally routable unicast).
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_public_v4(v4),
        IpAddr::V6(v6) => is_public_v6(v6),
    }
}

fn is_public_v4(ip: Ipv4Addr) -> bool {
    let [a, b, c, _] = ip.octets();
    !(a == 0                                   // "this network", 0.0.0.0/8
        || a == 10                             // private
        || a == 127                            // loopback
        || (a == 100 && (64..128).contains(&b)) // shared address space (CGNAT)
        || (a == 169 && b == 254)              // link-local, cloud metadata
        || (a == 172 && (16..32).contains(&b))  // private
        || (a == 192 && b == 0 && c == 0)      // IETF protocol assignments
        || (a == 192 && b == 0 && c == 2)      // documentation
        || (a == 192 && b == 88 && c == 99)    // 6to4 relay anycast (deprecated)
        || (a == 192 && b == 168)              // private
        || (a == 198 && (b == 18 || b == 19))  // benchmarking
        || (a == 198 && b == 51 && c == 100)   // documentation
        || (a == 203 && b == 0 && c == 113)    // documentation
        || a >= 224) // multicast, reserved, broadcast
}

fn is_public_v6(ip: Ipv6Addr) -> bool {
    if let Some(v4) = ip.to_ipv4_mapped() {
        return is_public_v4(v4);
    }
    let seg = ip.segments();
    // Addresses that embed an IPv4 address reach that address: judge them by it.
    let embedded =
        |hi: u16, lo: u16| Ipv4Addr::new((hi >> 8) as u8, hi as u8, (lo >> 8) as u8, lo as u8);
    if seg[0] == 0x0064 && seg[1] == 0xff9b {
        // NAT64 (64:ff9b::/96 and the local-use 64:ff9b:1::/48)
        return is_public_v4(embedded(seg[6], seg[7]));
    }
    if seg[0] == 0x2002 {
        // 6to4
        return is_public_v4(embedded(seg[1], seg[2]));
    }
    if ip.is_unspecified() || ip.is_loopback() || ip.is_multicast() {
        return false;
    }
    // IPv4-compatible (deprecated) ::a.b.c.d
    if seg[..6].iter().all(|s| *s == 0) {
        return false;
    }
    let first = seg[0];
    !((first & 0xfe00) == 0xfc00           // unique local fc00::/7
        || (first & 0xffc0) == 0xfe80      // link-local fe80::/10
        || (first & 0xffc0) == 0xfec0      // site-local (deprecated) fec0::/10
        || (first == 0x2001 && seg[1] == 0x0db8) // documentation
        || (first == 0x2001 && seg[1] == 0)      // Teredo
        || (first == 0x0100 && seg[1..4].iter().all(|s| *s == 0))) // discard-only 100::/64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED))
    }

    #[test]
    fn internal_addresses_are_refused() {
        for s in [
            "127.0.0.1",
            "127.1.2.3",
            "10.0.0.5",
            "172.16.0.1",
            "172.31.255.255",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "255.255.255.255",
            "224.0.0.1",
            "192.0.2.10",
            "198.18.0.1",
            "::1",
            "::",
            "fe80::1",
            "fc00::1",
            "fd12:3456::1",
            "::ffff:127.0.0.1",
            "::ffff:10.1.1.1",
            "64:ff9b::a9fe:a9fe",
            "2002:c0a8:0101::1",
            "2001:db8::1",
            "ff02::1",
            "::127.0.0.1",
        ] {
            assert!(!is_public(ip(s)), "{s} should be refused");
        }
    }

    #[test]
    fn public_addresses_pass() {
        for s in [
            "151.101.0.81",
            "8.8.8.8",
            "172.32.0.1",
            "100.128.0.1",
            "2a04:4e42::81",
            "2606:4700::1111",
            "64:ff9b::808:808",
        ] {
            assert!(is_public(ip(s)), "{s} should pass");
        }
    }

    #[test]
    fn policy_allowances() {
        let loopback = ip("127.0.0.1");
        assert!(!AddressPolicy::default().permits(loopback));
        let one = AddressPolicy {
            allow_private: false,
            allowed: vec![loopback],
        };
        assert!(one.permits(loopback));
        assert!(one.permits(ip("::ffff:127.0.0.1")));
        assert!(!one.permits(ip("127.0.0.2")));
        assert!(
            AddressPolicy {
                allow_private: true,
                allowed: vec![]
            }
            .permits(ip("10.0.0.1"))
        );
    }
}
