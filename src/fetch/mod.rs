//! Fetching feeds and article pages over HTTP(S), politely and safely: conditional GET (a 304
//! costs nothing), gzip and brotli, a timeout, a cap on the body, a limit on redirects, an honest
//! User-Agent, one request at a time per host, Retry-After honoured, and no requests to internal
//! addresses (see `guard`). Failures come back as `FetchError`, which says in a trainer's words
//! what went wrong; nothing here panics on what a server sends.

pub mod guard;

mod client; // the client, its address guard, and one request at a time per host
mod error; // what went wrong, in a trainer's words
mod exchange; // one request and its response: statuses, the body under its cap
mod refusal; // what the redirect policy and the resolver refuse

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::config::Config;
use client::HostGate;
pub use error::FetchError;
use guard::AddressPolicy;

/// Default cap on a response body, after decompression (so a small gzip bomb is caught too).
pub const DEFAULT_MAX_BYTES: usize = 10 * 1024 * 1024;

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

/// The HTTP client with its politeness state. Make one and share it (it is cheap to clone an
/// `Arc<Fetcher>`): the per-host turns work only within one fetcher.
pub struct Fetcher {
    client: reqwest::Client,
    options: FetchOptions,
    hosts: Mutex<HashMap<String, Arc<HostGate>>>,
}
