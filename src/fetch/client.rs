//! The fetcher's client and its politeness: a reqwest client built so that redirects and DNS
//! answers pass the address guard, and per host one request at a time, with a host's
//! Retry-After kept so nobody calls it again before then.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use reqwest::redirect;
use url::Url;

use super::refusal::{GuardedResolver, Refusal, check_url, refusal_error};
use super::{Body, FetchError, FetchOptions, Fetched, Fetcher, Validators};

/// What feeds are asked for: feed types first, then anything XML or JSON.
const ACCEPT_FEED: &str = "application/rss+xml, application/atom+xml, application/feed+json, \
    application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, application/json;q=0.7, */*;q=0.1";
const ACCEPT_PAGE: &str = "text/html, application/xhtml+xml;q=0.9, */*;q=0.1";

/// One per host: a turn to hold while requesting, and the time before which the host asked
/// not to be called.
#[derive(Default)]
pub(super) struct HostGate {
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
}
