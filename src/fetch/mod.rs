//! Fetching feeds and article pages over HTTP(S), politely and safely: conditional GET (a 304
//! costs nothing), gzip and brotli, a timeout, a cap on the body, a limit on redirects, an honest
//! User-Agent, one request at a time per host, Retry-After honoured, and no requests to internal
//! addresses (see `guard`). Failures come back as `FetchError`, which says in a trainer's words
//! what went wrong; nothing here panics on what a server sends.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use reqwest::StatusCode;
use reqwest::header::{self, HeaderMap};
use reqwest::redirect;
use url::{Host, Url};

pub mod guard;

use crate::config::Config;
use guard::{AddressPolicy, Blocked};

/// Default cap on a response body, after decompression (so a small gzip bomb is caught too).
pub const DEFAULT_MAX_BYTES: usize = 10 * 1024 * 1024;
/// What feeds are asked for: feed types first, then anything XML or JSON.
const ACCEPT_FEED: &str = "application/rss+xml, application/atom+xml, application/feed+json, \
    application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, application/json;q=0.7, */*;q=0.1";
const ACCEPT_PAGE: &str = "text/html, application/xhtml+xml;q=0.9, */*;q=0.1";

/// How the fetcher behaves. `from_config` gives the product's settings; tests shorten them.
#[derive(Debug, Clone)]
pub struct FetchOptions {
    /// For the whole exchange: connecting, waiting, and reading the body.
    pub timeout: Duration,
    pub connect_timeout: Duration,
    pub max_bytes: usize,
    pub max_redirects: usize,
    pub addresses: AddressPolicy,
    pub user_agent: String,
    /// The longest wait a server's Retry-After can impose (a bad header must not stop a feed
    /// for a year).
    pub max_retry_after: Duration,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            timeout: Duration::from_secs(30),
            connect_timeout: Duration::from_secs(10),
            max_bytes: DEFAULT_MAX_BYTES,
            max_redirects: 5,
            addresses: AddressPolicy::default(),
            user_agent: format!(
                "Sandpit/{} (feed reader for public-sector communications training; \
                 one request at a time per site)",
                env!("CARGO_PKG_VERSION")
            ),
            max_retry_after: Duration::from_secs(24 * 3600),
        }
    }
}

impl FetchOptions {
    pub fn from_config(config: &Config) -> Self {
        FetchOptions {
            addresses: AddressPolicy {
                allow_private: config.allow_private_feeds,
                allowed: Vec::new(),
            },
            ..FetchOptions::default()
        }
    }
}

/// Cache validators from an earlier response: sent back so an unchanged feed answers 304.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// A response body that was read in full.
#[derive(Debug, Clone)]
pub struct Body {
    pub bytes: Vec<u8>,
    /// Where the body came from, after redirects.
    pub final_url: String,
    pub content_type: Option<String>,
    pub validators: Validators,
}

impl Body {
    pub fn charset(&self) -> Option<String> {
        self.content_type
            .as_deref()
            .and_then(crate::ingest::charset::charset_of_content_type)
    }
}

#[derive(Debug, Clone)]
pub enum Fetched {
    /// 304: the feed has not changed since the validators were issued.
    NotModified,
    Body(Body),
}

/// Why a fetch failed, in words a trainer can act on (`Display`), with a short code (`kind`)
/// for the status table and the tests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchError {
    BadUrl(String),
    Blocked(Blocked),
    NoSuchHost(String),
    Connect(String),
    TimedOut(Duration),
    Tls(String),
    TooLarge(usize),
    TooManyRedirects(usize),
    RedirectLoop,
    /// A redirect to something that is not an http(s) address (or to nowhere).
    BadRedirect(String),
    NotFound(u16),
    Denied(u16),
    RateLimited {
        retry_after: Option<Duration>,
    },
    Server {
        status: u16,
        retry_after: Option<Duration>,
    },
    Status(u16),
    /// Not tried: the site asked earlier that nobody call again before then.
    Postponed {
        wait: Duration,
    },
    Network(String),
}

impl FetchError {
    /// A short, stable code: `not-found`, `timed-out`, `too-large`, `tls`, `blocked`...
    pub fn kind(&self) -> &'static str {
        match self {
            FetchError::BadUrl(_) => "bad-url",
            FetchError::Blocked(_) => "blocked",
            FetchError::NoSuchHost(_) => "no-such-host",
            FetchError::Connect(_) => "connect",
            FetchError::TimedOut(_) => "timed-out",
            FetchError::Tls(_) => "tls",
            FetchError::TooLarge(_) => "too-large",
            FetchError::TooManyRedirects(_)
            | FetchError::RedirectLoop
            | FetchError::BadRedirect(_) => "redirects",
            FetchError::NotFound(_) => "not-found",
            FetchError::Denied(_) => "denied",
            FetchError::RateLimited { .. } => "rate-limited",
            FetchError::Server { .. } => "server-error",
            FetchError::Status(_) => "http-error",
            FetchError::Postponed { .. } => "postponed",
            FetchError::Network(_) => "network",
        }
    }

    /// How long the server asked us to wait, when it did.
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            FetchError::RateLimited { retry_after } | FetchError::Server { retry_after, .. } => {
                *retry_after
            }
            FetchError::Postponed { wait } => Some(*wait),
            _ => None,
        }
    }
}

fn words(d: Duration) -> String {
    let s = d.as_secs();
    match s {
        0..=119 => format!("{s} seconds"),
        120..=7199 => format!("{} minutes", s / 60),
        _ => format!("{} hours", s / 3600),
    }
}

impl std::fmt::Display for FetchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FetchError::BadUrl(why) => write!(f, "not a web address Sandpit can fetch: {why}"),
            FetchError::Blocked(b) => write!(
                f,
                "blocked address: {b}; Sandpit fetches feeds only from the public internet \
                 (a trainer can allow this with --allow-private-feeds)"
            ),
            FetchError::NoSuchHost(host) => write!(
                f,
                "site not found: no such host name {host:?} (check the spelling, or whether the room is online)"
            ),
            FetchError::Connect(host) => write!(
                f,
                "could not connect to {host}: the site is down or the room is offline"
            ),
            FetchError::TimedOut(d) => {
                write!(f, "timed out: the site did not answer within {}", words(*d))
            }
            FetchError::Tls(detail) => write!(
                f,
                "TLS failure: no secure (https) connection could be made ({detail})"
            ),
            FetchError::TooLarge(max) => write!(
                f,
                "too large: the response is bigger than {} MB, so it was not read",
                (*max as f64 / (1024.0 * 1024.0) * 10.0).round() / 10.0
            ),
            FetchError::TooManyRedirects(n) => write!(
                f,
                "too many redirects: the site sent Sandpit on more than {n} times"
            ),
            FetchError::RedirectLoop => write!(
                f,
                "redirect loop: the site keeps sending Sandpit round in a circle"
            ),
            FetchError::BadRedirect(to) => write!(
                f,
                "bad redirect: the site sends Sandpit on to {to:?}, which is not a web address it can fetch"
            ),
            FetchError::NotFound(410) => write!(
                f,
                "not found (HTTP 410 Gone): the site has removed this feed"
            ),
            FetchError::NotFound(code) => write!(
                f,
                "not found (HTTP {code}): there is no feed at this address any more; check it in a browser"
            ),
            FetchError::Denied(code) => write!(
                f,
                "access denied (HTTP {code}): the site does not let Sandpit read this feed"
            ),
            FetchError::RateLimited { retry_after } => {
                write!(f, "the site asked Sandpit to slow down (HTTP 429)")?;
                if let Some(d) = retry_after {
                    write!(f, " and to wait {} before trying again", words(*d))?;
                }
                Ok(())
            }
            FetchError::Server {
                status,
                retry_after,
            } => {
                write!(
                    f,
                    "the site had an error (HTTP {status}); Sandpit will try again later"
                )?;
                if let Some(d) = retry_after {
                    write!(f, ", after {} as the site asked", words(*d))?;
                }
                Ok(())
            }
            FetchError::Status(code) => {
                let reason = StatusCode::from_u16(*code)
                    .ok()
                    .and_then(|s| s.canonical_reason())
                    .unwrap_or("");
                write!(f, "the site answered HTTP {code} {reason}")
            }
            FetchError::Postponed { wait } => write!(
                f,
                "waiting: the site asked Sandpit not to call again for {}",
                words(*wait)
            ),
            FetchError::Network(detail) => write!(f, "network error: {detail}"),
        }
    }
}

impl std::error::Error for FetchError {}

/// Why the redirect policy or the resolver refused; found again in reqwest's error chain.
#[derive(Debug)]
enum Refusal {
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
fn check_url(url: &Url, policy: &AddressPolicy) -> Result<(), Refusal> {
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
struct Unresolved(String);

impl std::fmt::Display for Unresolved {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "no address found for {}", self.0)
    }
}

impl std::error::Error for Unresolved {}

/// Resolves host names and drops internal addresses; refuses a name that has only internal
/// ones. The connection is made to the checked addresses, so DNS rebinding gains nothing.
struct GuardedResolver {
    policy: AddressPolicy,
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

/// One per host: a turn to hold while requesting, and the time before which the host asked
/// not to be called.
#[derive(Default)]
struct HostGate {
    turn: tokio::sync::Mutex<()>,
    not_before: Mutex<Option<Instant>>,
}

impl HostGate {
    fn wait_left(&self) -> Option<Duration> {
        let guard = self.not_before.lock().ok()?;
        let until = (*guard)?;
        until
            .checked_duration_since(Instant::now())
            .filter(|d| !d.is_zero())
    }

    fn hold_off(&self, wait: Duration) {
        if let Ok(mut guard) = self.not_before.lock() {
            let until = Instant::now() + wait;
            if guard.is_none_or(|t| t < until) {
                *guard = Some(until);
            }
        }
    }
}

/// The HTTP client with its politeness state. Make one and share it (it is cheap to clone an
/// `Arc<Fetcher>`): the per-host turns work only within one fetcher.
pub struct Fetcher {
    client: reqwest::Client,
    options: FetchOptions,
    hosts: Mutex<HashMap<String, Arc<HostGate>>>,
}

impl Fetcher {
    pub fn new(options: FetchOptions) -> crate::error::Result<Self> {
        let policy = options.addresses.clone();
        let max_redirects = options.max_redirects;
        let redirect_policy = {
            let policy = policy.clone();
            redirect::Policy::custom(move |attempt| {
                if attempt.previous().iter().any(|u| u == attempt.url()) {
                    return attempt.error(Refusal::Loop);
                }
                // `previous` holds the first URL too, so it is one longer than the hops so far.
                if attempt.previous().len() > max_redirects {
                    return attempt.error(Refusal::TooMany(max_redirects));
                }
                match check_url(attempt.url(), &policy) {
                    Ok(()) => attempt.follow(),
                    Err(refusal) => attempt.error(refusal),
                }
            })
        };
        let client = reqwest::Client::builder()
            .user_agent(options.user_agent.clone())
            .gzip(true)
            .brotli(true)
            .timeout(options.timeout)
            .connect_timeout(options.connect_timeout)
            .redirect(redirect_policy)
            .dns_resolver(GuardedResolver { policy })
            // A proxy would make the connection for us, out of reach of the address check.
            .no_proxy()
            .build()
            .map_err(|e| {
                crate::error::Error::internal(anyhow::anyhow!("cannot start the HTTP client: {e}"))
            })?;
        Ok(Fetcher {
            client,
            options,
            hosts: Mutex::new(HashMap::new()),
        })
    }

    pub fn options(&self) -> &FetchOptions {
        &self.options
    }

    /// Fetches a feed, sending the validators so an unchanged feed costs a 304.
    pub async fn fetch_feed(
        &self,
        url: &str,
        validators: &Validators,
    ) -> Result<Fetched, FetchError> {
        self.fetch(url, ACCEPT_FEED, validators).await
    }

    /// Fetches a web page (an item's article), under the same rules.
    pub async fn fetch_page(&self, url: &str) -> Result<Body, FetchError> {
        match self.fetch(url, ACCEPT_PAGE, &Validators::default()).await? {
            Fetched::Body(body) => Ok(body),
            // Unasked-for 304: treat as an empty page rather than an error.
            Fetched::NotModified => Ok(Body {
                bytes: Vec::new(),
                final_url: url.to_string(),
                content_type: None,
                validators: Validators::default(),
            }),
        }
    }

    fn gate(&self, host: &str) -> Arc<HostGate> {
        match self.hosts.lock() {
            Ok(mut hosts) => hosts.entry(host.to_string()).or_default().clone(),
            // A poisoned map only loses politeness state; carry on with a fresh gate.
            Err(_) => Arc::new(HostGate::default()),
        }
    }

    async fn fetch(
        &self,
        url: &str,
        accept: &str,
        validators: &Validators,
    ) -> Result<Fetched, FetchError> {
        let parsed = Url::parse(url.trim()).map_err(|e| FetchError::BadUrl(e.to_string()))?;
        check_url(&parsed, &self.options.addresses).map_err(refusal_error)?;
        let host = parsed
            .host_str()
            .map(str::to_ascii_lowercase)
            .ok_or_else(|| FetchError::BadUrl("the address has no host name".into()))?;
        let gate = self.gate(&host);
        if let Some(wait) = gate.wait_left() {
            return Err(FetchError::Postponed { wait });
        }
        let _turn = gate.turn.lock().await;
        // The host may have asked us to hold off while we queued for our turn.
        if let Some(wait) = gate.wait_left() {
            return Err(FetchError::Postponed { wait });
        }
        let timeout = self.options.timeout;
        let result =
            match tokio::time::timeout(timeout, self.exchange(parsed, accept, validators)).await {
                Ok(result) => result,
                Err(_) => Err(FetchError::TimedOut(timeout)),
            };
        if let Err(e) = &result
            && let Some(wait) = e.retry_after()
        {
            gate.hold_off(wait);
        }
        result
    }

    async fn exchange(
        &self,
        url: Url,
        accept: &str,
        validators: &Validators,
    ) -> Result<Fetched, FetchError> {
        let https = url.scheme() == "https";
        let host = url.host_str().unwrap_or_default().to_string();
        let mut request = self.client.get(url).header(header::ACCEPT, accept);
        if let Some(etag) = &validators.etag {
            request = request.header(header::IF_NONE_MATCH, etag);
        }
        if let Some(modified) = &validators.last_modified {
            request = request.header(header::IF_MODIFIED_SINCE, modified);
        }
        let mut response = request
            .send()
            .await
            .map_err(|e| self.classify(&e, &host, https))?;
        let status = response.status();
        if status == StatusCode::NOT_MODIFIED {
            return Ok(Fetched::NotModified);
        }
        if status.is_redirection() {
            // reqwest hands back redirects it will not follow (to file:, data:, nowhere).
            let to = response
                .headers()
                .get(header::LOCATION)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("")
                .to_string();
            return Err(FetchError::BadRedirect(to));
        }
        if !status.is_success() {
            let retry_after = retry_after(response.headers(), self.options.max_retry_after);
            return Err(match status.as_u16() {
                404 | 410 => FetchError::NotFound(status.as_u16()),
                401 | 403 | 451 => FetchError::Denied(status.as_u16()),
                429 => FetchError::RateLimited { retry_after },
                500..=599 => FetchError::Server {
                    status: status.as_u16(),
                    retry_after,
                },
                code => FetchError::Status(code),
            });
        }
        let max = self.options.max_bytes;
        if response.content_length().is_some_and(|n| n > max as u64) {
            return Err(FetchError::TooLarge(max));
        }
        let headers = response.headers().clone();
        let final_url = response.url().to_string();
        let mut bytes = Vec::new();
        loop {
            match response.chunk().await {
                Ok(Some(chunk)) => {
                    if bytes.len() + chunk.len() > max {
                        return Err(FetchError::TooLarge(max));
                    }
                    bytes.extend_from_slice(&chunk);
                }
                Ok(None) => break,
                Err(e) => return Err(self.classify(&e, &host, https)),
            }
        }
        let text = |name: header::HeaderName| {
            headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(str::to_string)
        };
        Ok(Fetched::Body(Body {
            bytes,
            final_url,
            content_type: text(header::CONTENT_TYPE),
            validators: Validators {
                etag: text(header::ETAG),
                last_modified: text(header::LAST_MODIFIED),
            },
        }))
    }

    /// Turns reqwest's error into what happened, looking through its chain of causes.
    fn classify(&self, err: &reqwest::Error, host: &str, https: bool) -> FetchError {
        let mut source: Option<&(dyn std::error::Error + 'static)> = Some(err);
        let mut chain = Vec::new();
        while let Some(e) = source {
            if let Some(Unresolved(name)) = e.downcast_ref::<Unresolved>() {
                return FetchError::NoSuchHost(name.clone());
            }
            if let Some(refusal) = e.downcast_ref::<Refusal>() {
                return refusal_error(match refusal {
                    Refusal::Blocked(b) => Refusal::Blocked(b.clone()),
                    Refusal::Scheme(s) => Refusal::Scheme(s.clone()),
                    Refusal::Loop => Refusal::Loop,
                    Refusal::TooMany(n) => Refusal::TooMany(*n),
                });
            }
            chain.push(e.to_string());
            source = e.source();
        }
        if err.is_timeout() {
            return FetchError::TimedOut(self.options.timeout);
        }
        let detail = chain.last().cloned().unwrap_or_default();
        let lower = chain.join(" | ").to_ascii_lowercase();
        if err.is_redirect() {
            return FetchError::TooManyRedirects(self.options.max_redirects);
        }
        if err.is_dns()
            || lower.contains("failed to lookup address")
            || lower.contains("name or service not known")
        {
            return FetchError::NoSuchHost(host.to_string());
        }
        if https
            && [
                "certificate",
                "tls",
                "handshake",
                "corrupt message",
                "peer",
                "alert",
            ]
            .iter()
            .any(|w| lower.contains(w))
        {
            return FetchError::Tls(detail);
        }
        if err.is_connect() {
            return FetchError::Connect(host.to_string());
        }
        if err.is_decode() || err.is_body() {
            return FetchError::Network(format!("the response could not be read ({detail})"));
        }
        FetchError::Network(detail)
    }
}

fn refusal_error(refusal: Refusal) -> FetchError {
    match refusal {
        Refusal::Blocked(b) => FetchError::Blocked(b),
        Refusal::Scheme(s) => FetchError::BadUrl(format!(
            "only http and https addresses can be fetched, not {s}:"
        )),
        Refusal::Loop => FetchError::RedirectLoop,
        Refusal::TooMany(n) => FetchError::TooManyRedirects(n),
    }
}

/// Reads Retry-After: a number of seconds or an HTTP date, capped.
fn retry_after(headers: &HeaderMap, cap: Duration) -> Option<Duration> {
    let value = headers.get(header::RETRY_AFTER)?.to_str().ok()?.trim();
    let wait = if let Ok(secs) = value.parse::<u64>() {
        Duration::from_secs(secs)
    } else {
        let when = chrono::DateTime::parse_from_rfc2822(value).ok()?;
        let secs = (when.with_timezone(&chrono::Utc) - chrono::Utc::now()).num_seconds();
        Duration::from_secs(secs.max(0) as u64)
    };
    Some(wait.min(cap))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_seconds_and_dates() {
        let mut h = HeaderMap::new();
        let cap = Duration::from_secs(3600);
        h.insert(header::RETRY_AFTER, header::HeaderValue::from_static("120"));
        assert_eq!(retry_after(&h, cap), Some(Duration::from_secs(120)));
        h.insert(
            header::RETRY_AFTER,
            header::HeaderValue::from_static("999999999"),
        );
        assert_eq!(retry_after(&h, cap), Some(cap));
        h.insert(
            header::RETRY_AFTER,
            header::HeaderValue::from_static("Wed, 21 Oct 2015 07:28:00 GMT"),
        );
        assert_eq!(retry_after(&h, cap), Some(Duration::ZERO));
        h.insert(
            header::RETRY_AFTER,
            header::HeaderValue::from_static("soon"),
        );
        assert_eq!(retry_after(&h, cap), None);
    }

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

    #[test]
    fn messages_are_plain() {
        assert!(
            FetchError::TooLarge(DEFAULT_MAX_BYTES)
                .to_string()
                .contains("10 MB")
        );
        assert!(
            FetchError::TimedOut(Duration::from_secs(30))
                .to_string()
                .starts_with("timed out")
        );
        assert_eq!(FetchError::NotFound(404).kind(), "not-found");
    }
}
