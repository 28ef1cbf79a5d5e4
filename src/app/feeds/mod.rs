//! Live feeds: registering a corpus's feed sources (one URL, or an OPML list) and the schedule
//! (interval, exponential backoff on failures, the site's Retry-After). Fetching one feed into
//! its corpus is `fetching`, the poller that `serve` runs is `poller`. This is where the
//! fetcher, the feed parser, the index and the database meet; a bad feed becomes a status with
//! a reason and never stops the others.

mod fetching;
pub(super) mod legacy_ids;
mod poller;

pub use fetching::{FetchReport, Outcome, fetch_feed};
pub use poller::{LEAD_RETRY, fetch_all, fetch_due, fetch_now, poll, spawn_poller};

use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::app::{App, validate_corpus_name};
use crate::error::{Error, FieldError, Result};
use crate::fetch::FetchOptions;
use crate::ingest::opml;
use crate::store::feeds::{FeedRecord, NewFeed};

/// How often a feed is fetched unless its settings say otherwise.
pub const DEFAULT_INTERVAL_MINUTES: i64 = 60;
/// Shortest and longest intervals a trainer may set.
pub const MIN_INTERVAL_MINUTES: i64 = 5;
pub const MAX_INTERVAL_MINUTES: i64 = 7 * 24 * 60;
/// The longest a failing feed waits between tries.
pub const MAX_BACKOFF: Duration = Duration::from_secs(24 * 3600);
/// Article pages fetched per feed per fetch, so one feed cannot monopolise a site.
const MAX_ARTICLES_PER_FETCH: usize = 10;
/// Feeds fetched at once (on different hosts; one host is always one at a time).
const CONCURRENT_FEEDS: usize = 4;
/// How often the poller looks for due feeds: short enough that "fetch now" on the web page
/// feels prompt, long enough to cost nothing.
pub const POLL_TICK: Duration = Duration::from_secs(10);

/// When a feed may next be fetched: after its interval on success; after failures, the interval
/// doubled for each consecutive failure (capped at a day); never before the site's Retry-After.
pub fn next_fetch(
    now: DateTime<Utc>,
    interval_minutes: i64,
    consecutive_failures: i64,
    retry_after: Option<Duration>,
) -> DateTime<Utc> {
    let interval = Duration::from_secs(interval_minutes.clamp(1, MAX_INTERVAL_MINUTES) as u64 * 60);
    let wait = if consecutive_failures <= 0 {
        interval
    } else {
        let factor = 1u32 << consecutive_failures.clamp(0, 16) as u32;
        interval
            .saturating_mul(factor)
            .min(MAX_BACKOFF.max(interval))
    };
    let wait = wait.max(retry_after.unwrap_or_default());
    now + chrono::Duration::from_std(wait).unwrap_or(chrono::Duration::days(1))
}

/// A feed to add.
#[derive(Debug, Clone, Default)]
pub struct AddFeed {
    pub corpus: String,
    pub url: String,
    pub title: String,
    pub fetch_articles: bool,
    /// `None` for the default.
    pub interval_minutes: Option<i64>,
}

fn check_interval(minutes: Option<i64>) -> Result<i64> {
    let m = minutes.unwrap_or(DEFAULT_INTERVAL_MINUTES);
    if (MIN_INTERVAL_MINUTES..=MAX_INTERVAL_MINUTES).contains(&m) {
        Ok(m)
    } else {
        Err(Error::invalid(format!(
            "fetch interval {m} minutes: choose between {MIN_INTERVAL_MINUTES} minutes and {} days",
            MAX_INTERVAL_MINUTES / (24 * 60)
        )))
    }
}

/// Creates the corpus record for a corpus that so far exists only through its feeds.
async fn ensure_corpus(app: &App, corpus: &str) -> Result<()> {
    validate_corpus_name(corpus)?;
    if app.store.corpus(corpus).await?.is_none() {
        app.store
            .upsert_corpus(corpus, "", "Live feeds", "feeds", "")
            .await?;
    }
    Ok(())
}

/// Says at once, rather than at the first fetch, that an internal IP address will be refused.
/// Host names are checked when fetched, after DNS resolution.
fn refuse_internal_literal(app: &App, url: &str) -> Result<()> {
    let policy = FetchOptions::from_config(&app.config).addresses;
    let ip = match url::Url::parse(url)
        .ok()
        .and_then(|u| u.host().map(|h| h.to_owned()))
    {
        Some(url::Host::Ipv4(v4)) => std::net::IpAddr::V4(v4),
        Some(url::Host::Ipv6(v6)) => std::net::IpAddr::V6(v6),
        _ => return Ok(()),
    };
    if policy.permits(ip) {
        Ok(())
    } else {
        Err(Error::invalid(format!(
            "feed address {url}: {ip} is an internal network address, which Sandpit does not fetch from \
             (a trainer can allow it with --allow-private-feeds)"
        )))
    }
}

/// Every problem with a request to add a feed (none means `add_feed` will accept it).
pub fn check_add(app: &App, req: &AddFeed) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if req.corpus.trim().is_empty() {
        errors.push(FieldError {
            field: "corpus",
            message: "Enter the name of the corpus the feed's items go into".into(),
        });
    } else if let Err(e) = validate_corpus_name(&req.corpus) {
        errors.push(FieldError {
            field: "corpus",
            message: e.to_string(),
        });
    }
    if req.url.trim().is_empty() {
        errors.push(FieldError {
            field: "url",
            message: "Enter the feed's address, such as https://www.gov.uk/government/feed".into(),
        });
    } else {
        match opml::check_feed_url(&req.url) {
            Err(why) => errors.push(FieldError {
                field: "url",
                message: format!("The feed address {why}"),
            }),
            Ok(url) => {
                if let Err(e) = refuse_internal_literal(app, &url) {
                    errors.push(FieldError {
                        field: "url",
                        message: e.to_string(),
                    });
                }
            }
        }
    }
    if let Err(e) = check_interval(req.interval_minutes) {
        errors.push(FieldError {
            field: "interval",
            message: e.to_string(),
        });
    }
    errors
}

/// Registers a feed for a corpus (created if new). Returns the feed and whether it is new.
pub async fn add_feed(app: &App, req: AddFeed) -> Result<(FeedRecord, bool)> {
    if let Some(first) = check_add(app, &req).into_iter().next() {
        return Err(Error::invalid(first.message));
    }
    let url = opml::check_feed_url(&req.url).map_err(Error::invalid)?;
    let interval = check_interval(req.interval_minutes)?;
    ensure_corpus(app, &req.corpus).await?;
    app.store
        .add_feed(&NewFeed {
            corpus: req.corpus,
            url,
            title: req.title.trim().to_string(),
            site_url: String::new(),
            category: String::new(),
            fetch_articles: req.fetch_articles,
            interval_minutes: interval,
        })
        .await
}

/// What importing an OPML list did.
#[derive(Debug, Default, Serialize)]
pub struct OpmlImport {
    pub corpus: String,
    pub title: String,
    /// Feeds new to the corpus.
    pub added: Vec<FeedRecord>,
    /// Feeds the corpus already had.
    pub existing: usize,
    /// Outlines that could not be used, with file and line.
    pub problems: Vec<String>,
}

/// Registers every feed of an OPML list for a corpus.
pub async fn import_opml(
    app: &App,
    corpus: &str,
    bytes: &[u8],
    origin: &str,
) -> Result<OpmlImport> {
    validate_corpus_name(corpus)?;
    let list = opml::parse(bytes, origin).map_err(|p| Error::invalid(p.to_string()))?;
    ensure_corpus(app, corpus).await?;
    let mut out = OpmlImport {
        corpus: corpus.to_string(),
        title: list.title,
        problems: list.problems.iter().map(ToString::to_string).collect(),
        ..OpmlImport::default()
    };
    for f in list.feeds {
        let (record, created) = app
            .store
            .add_feed(&NewFeed {
                corpus: corpus.to_string(),
                url: f.url,
                title: f.title,
                site_url: f.site_url,
                category: f.category,
                fetch_articles: false,
                interval_minutes: DEFAULT_INTERVAL_MINUTES,
            })
            .await?;
        if created {
            out.added.push(record);
        } else {
            out.existing += 1;
        }
    }
    Ok(out)
}

/// The shipped starter list (corpora/feeds/starter.opml, compiled into the binary).
pub fn starter_opml() -> Option<&'static str> {
    crate::catalog::corpora::shipped_file("feeds/starter.opml")
}

/// Every feed (of one corpus, or of all) as an OPML 2.0 list, one outline per corpus.
pub async fn export_opml(app: &App, corpus: Option<&str>) -> Result<String> {
    let feeds = app.store.feeds(corpus).await?;
    let mut groups: Vec<(String, Vec<opml::ExportFeed>)> = Vec::new();
    for f in feeds {
        let item = opml::ExportFeed {
            url: f.url.clone(),
            title: f.title.clone(),
            site_url: f.site_url.clone(),
        };
        match groups.last_mut() {
            Some((name, items)) if *name == f.corpus => items.push(item),
            _ => groups.push((f.corpus.clone(), vec![item])),
        }
    }
    Ok(opml::write("Sandpit live feeds", &groups))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t0() -> DateTime<Utc> {
        DateTime::<Utc>::UNIX_EPOCH + chrono::Duration::days(20000)
    }

    #[test]
    fn schedule_backs_off_and_caps() {
        let now = t0();
        let mins = |d: DateTime<Utc>| (d - now).num_minutes();
        assert_eq!(mins(next_fetch(now, 60, 0, None)), 60);
        assert_eq!(mins(next_fetch(now, 60, 1, None)), 120);
        assert_eq!(mins(next_fetch(now, 60, 3, None)), 480);
        assert_eq!(mins(next_fetch(now, 60, 10, None)), 24 * 60);
        assert_eq!(mins(next_fetch(now, 60, 1000, None)), 24 * 60);
        // Retry-After wins when it is longer.
        assert_eq!(
            mins(next_fetch(now, 60, 1, Some(Duration::from_secs(5 * 3600)))),
            300
        );
        // An interval longer than the backoff cap is not shortened by failing.
        assert_eq!(mins(next_fetch(now, 2 * 24 * 60, 1, None)), 2 * 24 * 60);
    }
}
