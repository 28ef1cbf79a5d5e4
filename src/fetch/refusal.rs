//! What the fetcher refuses before or while it connects: a URL that is not http(s), an internal
//! address written into the URL, a redirect loop or one too many, and a host name that
//! resolves only to internal addresses. The refusals travel through reqwest's error chain and
//! come back out as `FetchError`.

use std::net::SocketAddr;

use url::{Host, Url};

use super::FetchError;
use super::guard::{AddressPolicy, Blocked};

/// Why the redirect policy or the resolver refused; found again in reqwest's error chain.
#[derive(Debug)]
pub(super) enum Refusal {
    Blocked(Blocked),
    Scheme(String),
    Loop,
    TooMany(usize),
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refusal::Blocked(b) => b.fmt(f),
            Refusal::Scheme(s) => write!(f, "redirect to a {s}: address"),
            Refusal::Loop => f.write_str("redirect loop"),
            Refusal::TooMany(n) => write!(f, "more than {n} redirects"),
        }
    }
}

impl std::error::Error for Refusal {}

/// Checks a URL before any request: http(s) only, and an IP literal must pass the policy.
/// Host names are checked after resolution, by `GuardedResolver`.
pub(super) fn check_url(url: &Url, policy: &AddressPolicy) -> Result<(), Refusal> {
    match url.scheme() {
        "http" | "https" => {}
        other => return Err(Refusal::Scheme(other.to_string())),
    }
    let ip = match url.host() {
        Some(Host::Ipv4(v4)) => std::net::IpAddr::V4(v4),
        Some(Host::Ipv6(v6)) => std::net::IpAddr::V6(v6),
        _ => return Ok(()),
    };
    if policy.permits(ip) {
        Ok(())
    } else {
        Err(Refusal::Blocked(Blocked {
            host: ip.to_string(),
            address: ip,
        }))
    }
}

/// A host name that did not resolve.
#[derive(Debug)]
pub(super) struct Unresolved(pub(super) String);

impl std::fmt::Display for Unresolved {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "no address found for {}", self.0)
    }
}

impl std::error::Error for Unresolved {}

/// Resolves host names and drops internal addresses; refuses a name that has only internal
/// ones. The connection is made to the checked addresses, so DNS rebinding gains nothing.
pub(super) struct GuardedResolver {
    pub(super) policy: AddressPolicy,
}

impl reqwest::dns::Resolve for GuardedResolver {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let policy = self.policy.clone();
        let host = name.as_str().to_string();
        Box::pin(async move {
            let addrs: Vec<SocketAddr> = match tokio::net::lookup_host((host.as_str(), 0)).await {
                Ok(addrs) => addrs.collect(),
                // Typed, so the fetcher says "site not found" whatever words the system's
                // resolver used.
                Err(_) => Vec::new(),
            };
            if addrs.is_empty() {
                return Err(Box::new(Unresolved(host)) as Box<dyn std::error::Error + Send + Sync>);
            }
            let allowed: Vec<SocketAddr> = addrs
                .iter()
                .copied()
                .filter(|a| policy.permits(a.ip()))
                .collect();
            match (allowed.is_empty(), addrs.first()) {
                (true, Some(first)) => Err(Box::new(Refusal::Blocked(Blocked {
                    host,
                    address: first.ip(),
                }))
                    as Box<dyn std::error::Error + Send + Sync>),
                _ => Ok(Box::new(allowed.into_iter()) as reqwest::dns::Addrs),
            }
        })
    }
}

pub(super) fn refusal_error(refusal: Refusal) -> FetchError {
    match refusal {
        Refusal::Blocked(b) => FetchError::Blocked(b),
        Refusal::Scheme(s) => FetchError::BadUrl(format!(
            "only http and https addresses can be fetched, not {s}:"
        )),
        Refusal::Loop => FetchError::RedirectLoop,
        Refusal::TooMany(n) => FetchError::TooManyRedirects(n),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_checked_before_any_request() {
        let policy = AddressPolicy::default();
        let check = |s: &str| {
            Url::parse(s)
                .map_err(|_| ())
                .and_then(|u| check_url(&u, &policy).map_err(|_| ()))
        };
        assert!(check("https://www.gov.uk/government/feed").is_ok());
        assert!(check("http://127.0.0.1:8080/feed").is_err());
        assert!(check("http://[::1]/feed").is_err());
        assert!(check("http://169.254.169.254/latest/meta-data/").is_err());
        // The URL parser reads these odd spellings as 127.0.0.1, so they are caught too.
        assert!(check("http://2130706433/").is_err());
        assert!(check("http://0x7f.1/").is_err());
        assert!(check("file:///etc/passwd").is_err());
        assert!(check("ftp://example.org/feed").is_err());
    }
}
