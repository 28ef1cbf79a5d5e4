//! Why a fetch failed. Trainers read these messages on the feeds page and in the command line,
//! so each says what happened and what to do in plain words; `kind` is the short code the
//! status table and the tests go by.

use std::time::Duration;

use reqwest::StatusCode;

use super::guard::Blocked;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fetch::DEFAULT_MAX_BYTES;

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
