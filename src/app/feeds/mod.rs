//! Live feeds: registering a corpus's feed sources (one URL, or an OPML list), fetching them
//! into the corpus through the same path as imported feed files, the schedule (interval,
//! exponential backoff on failures, the site's Retry-After) and each feed's status, and the
//! poller that `serve` runs. This is where the fetcher, the feed parser, the index and the
//! database meet; a bad feed becomes a status with a reason and never stops the others.

mod legacy_ids;

use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::app::{App, validate_corpus_name};
use crate::error::{Error, FieldError, Result};
use crate::fetch::{Body, FetchError, FetchOptions, Fetched, Fetcher, Validators};
use crate::ingest::feed::{self, FeedKey, FeedOrigin};
use crate::ingest::{Document, Parsed, article, opml};
use crate::store::feeds::{FeedRecord, FetchRecord, NewFeed, parse_timestamp};

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

/// How a fetch went, for people.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    /// New content was read (perhaps no new items).
    Ok,
    /// 304: nothing changed, nothing downloaded.
    NotModified,
    Error,
    /// Not tried: the site asked us to wait.
    Waiting,
}

/// What one fetch of one feed did.
#[derive(Debug, Clone, Serialize)]
pub struct FetchReport {
    pub feed_id: String,
    pub corpus: String,
    pub url: String,
    pub title: String,
    pub outcome: Outcome,
    pub added: usize,
    pub replaced: usize,
    /// Short code of the failure (`not-found`, `timed-out`, `not-a-feed`...), empty on success.
    pub error_kind: String,
    /// What went wrong, in a trainer's words; empty on success.
    pub message: String,
    /// Items skipped, undated items, a wrong charset...
    pub notes: Vec<String>,
    pub consecutive_failures: i64,
    pub next_fetch_at: DateTime<Utc>,
}

impl std::fmt::Display for FetchReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let label = if self.title.is_empty() {
            &self.url
        } else {
            &self.title
        };
        match self.outcome {
            Outcome::Ok => write!(
                f,
                "{}: {label}: {} new, {} updated",
                self.corpus, self.added, self.replaced
            ),
            Outcome::NotModified => {
                write!(f, "{}: {label}: not changed since last time", self.corpus)
            }
            Outcome::Error => write!(
                f,
                "{}: {label}: {} ({} failure{} in a row; next try {})",
                self.corpus,
                self.message,
                self.consecutive_failures,
                if self.consecutive_failures == 1 {
                    ""
                } else {
                    "s"
                },
                self.next_fetch_at.format("%Y-%m-%d %H:%M UTC")
            ),
            Outcome::Waiting => write!(f, "{}: {label}: {}", self.corpus, self.message),
        }
    }
}

/// Whether parsing found no feed at all (as opposed to a feed whose items were all skipped).
fn unreadable(parsed: &Parsed) -> Option<String> {
    if !parsed.documents.is_empty() {
        return None;
    }
    parsed
        .problems
        .iter()
        .find(|p| !p.message.starts_with("item "))
        .map(|p| p.message.clone())
}

fn timestamp_or_now(s: Option<&str>, now: DateTime<Utc>) -> DateTime<Utc> {
    s.and_then(parse_timestamp).unwrap_or(now)
}

/// Fetches one feed into its corpus and saves its status. Never fails for the feed's sake:
/// network, HTTP and parse failures are statuses. `Err` means the database itself failed.
pub async fn fetch_feed(app: &App, fetcher: &Fetcher, feed: &FeedRecord) -> Result<FetchReport> {
    let now = Utc::now();
    let mut report = FetchReport {
        feed_id: feed.id.clone(),
        corpus: feed.corpus.clone(),
        url: feed.url.clone(),
        title: feed.title.clone(),
        outcome: Outcome::Ok,
        added: 0,
        replaced: 0,
        error_kind: String::new(),
        message: String::new(),
        notes: Vec::new(),
        consecutive_failures: feed.consecutive_failures,
        next_fetch_at: timestamp_or_now(Some(&feed.next_fetch_at), now),
    };
    // The site's Retry-After binds even a trainer's "fetch now".
    if let Some(until) = feed.not_before.as_deref().and_then(parse_timestamp)
        && until > now
    {
        report.outcome = Outcome::Waiting;
        report.error_kind = "postponed".into();
        report.message = format!(
            "waiting: the site asked Sandpit not to call again before {}",
            until.format("%H:%M UTC")
        );
        return Ok(report);
    }
    let validators = Validators {
        etag: Some(feed.etag.clone()).filter(|s| !s.is_empty()),
        last_modified: Some(feed.last_modified.clone()).filter(|s| !s.is_empty()),
    };
    let mut record = FetchRecord {
        attempted_at: now,
        ..FetchRecord::default()
    };
    match fetcher.fetch_feed(&feed.url, &validators).await {
        Ok(Fetched::NotModified) => {
            report.outcome = Outcome::NotModified;
            record.status = "not-modified".into();
        }
        Ok(Fetched::Body(body)) => {
            match read_body(app, fetcher, feed, &body, now).await {
                Ok(read) => {
                    report.added = read.added;
                    report.replaced = read.replaced;
                    report.notes = read.notes;
                    record.status = "ok".into();
                    record.added = read.added as i64;
                    record.replaced = read.replaced as i64;
                    record.title = read.title;
                    // Keep validators only for a response we could read, so a broken response
                    // is fetched in full next time rather than answered with a 304.
                    record.validators = Some((
                        body.validators.etag.clone().unwrap_or_default(),
                        body.validators.last_modified.clone().unwrap_or_default(),
                    ));
                }
                Err((kind, message)) => {
                    report.outcome = Outcome::Error;
                    report.error_kind = kind.into();
                    report.message = message;
                }
            }
        }
        Err(FetchError::Postponed { wait }) => {
            // Another feed on this host was asked to wait: not this feed's failure.
            report.outcome = Outcome::Waiting;
            report.error_kind = "postponed".into();
            report.message = FetchError::Postponed { wait }.to_string();
            let next = next_fetch(now, feed.interval_minutes, 0, Some(wait));
            report.next_fetch_at = next;
            app.store.set_next_fetch(&feed.id, next).await?;
            return Ok(report);
        }
        Err(e) => {
            report.outcome = Outcome::Error;
            report.error_kind = e.kind().into();
            report.message = e.to_string();
            record.not_before = e
                .retry_after()
                .and_then(|d| chrono::Duration::from_std(d).ok())
                .map(|d| now + d);
        }
    }
    let retry_after = record.not_before.and_then(|t| (t - now).to_std().ok());
    if report.outcome == Outcome::Error {
        record.status = "error".into();
        record.error_kind = report.error_kind.clone();
        record.error = report.message.clone();
        record.consecutive_failures = feed.consecutive_failures + 1;
    }
    record.notes = report.notes.join("\n");
    record.next_fetch_at = next_fetch(
        now,
        feed.interval_minutes,
        record.consecutive_failures,
        retry_after,
    );
    report.consecutive_failures = record.consecutive_failures;
    report.next_fetch_at = record.next_fetch_at;
    if report.title.is_empty()
        && let Some(t) = &record.title
    {
        report.title = t.clone();
    }
    app.store.save_fetch(&feed.id, &record).await?;
    if report.outcome == Outcome::Error {
        tracing::debug!(feed = %feed.url, kind = %report.error_kind, "feed fetch failed: {}", report.message);
    }
    Ok(report)
}

struct Read {
    added: usize,
    replaced: usize,
    notes: Vec<String>,
    title: Option<String>,
}

/// Parses a fetched body and writes its items into the corpus. `Err` is a (kind, message)
/// status for the feed.
async fn read_body(
    app: &App,
    fetcher: &Fetcher,
    feed: &FeedRecord,
    body: &Body,
    now: DateTime<Utc>,
) -> std::result::Result<Read, (&'static str, String)> {
    if body.bytes.iter().all(u8::is_ascii_whitespace) {
        return Err((
            "not-a-feed",
            "not a feed: the site sent an empty response".into(),
        ));
    }
    let charset = body.charset();
    let bytes = body.bytes.clone();
    let url = feed.url.clone();
    // Parsing a large feed is CPU work: keep it off the async threads.
    let mut parsed = tokio::task::spawn_blocking(move || {
        feed::parse_with_charset(
            &bytes,
            charset.as_deref(),
            &FeedOrigin {
                origin: &url,
                source: None,
                now,
                key: FeedKey::Url(&url),
            },
        )
    })
    .await
    .map_err(|e| ("internal", format!("the feed could not be read: {e}")))?;
    // Items stored under the ids of an earlier version keep them (see `legacy_ids`).
    let (corpus, url) = (feed.corpus.clone(), feed.url.clone());
    let documents = std::mem::take(&mut parsed.documents);
    parsed.documents = app
        .on_index(move |index| {
            let mut documents = documents;
            legacy_ids::keep_stored_legacy_ids(index, &corpus, &url, &mut documents);
            Ok(documents)
        })
        .await
        .map_err(|e| ("internal", format!("the feed could not be read: {e}")))?;
    if let Some(message) = unreadable(&parsed) {
        let message =
            if message.starts_with("not a feed") || message.starts_with("this is a web page") {
                message
            } else {
                format!("not a feed: {message}")
            };
        return Err(("not-a-feed", message));
    }
    let Parsed {
        mut documents,
        problems,
        mut notes,
    } = parsed;
    let title = documents.first().map(|d| d.source_name.clone());
    if feed.fetch_articles {
        fetch_articles(app, fetcher, feed, &mut documents, &mut notes).await;
    }
    let problem_notes: Vec<String> = problems.iter().map(ToString::to_string).collect();
    let summary = app
        .import_documents(&feed.corpus, documents, problems, notes)
        .await
        .map_err(|e| ("internal", format!("the items could not be saved: {e}")))?;
    if summary.added + summary.replaced + summary.rejected > 0 {
        let mut report = problem_notes;
        report.extend(summary.notes.iter().cloned());
        let log = crate::store::ImportRecord {
            added: summary.added,
            replaced: summary.replaced,
            rejected: summary.rejected,
            report: format!("feed {}\n{}", feed.url, report.join("\n")),
        };
        if let Err(e) = app.store.log_import(&feed.corpus, &log).await {
            tracing::warn!("could not log the import from {}: {e}", feed.url);
        }
    }
    let mut all_notes = summary.problems.clone();
    all_notes.extend(summary.notes);
    Ok(Read {
        added: summary.added,
        replaced: summary.replaced,
        notes: all_notes,
        title,
    })
}

/// For new items only: fetches the linked page and keeps its main text when it says more than
/// the feed did. Failures are notes; the item keeps the feed's text.
async fn fetch_articles(
    app: &App,
    fetcher: &Fetcher,
    feed: &FeedRecord,
    documents: &mut [Document],
    notes: &mut Vec<String>,
) {
    let corpus = feed.corpus.clone();
    let ids: Vec<String> = documents.iter().map(|d| d.id.clone()).collect();
    let known = app
        .on_index(move |index| {
            Ok(ids
                .iter()
                .map(|id| index.contains(&corpus, id).unwrap_or(false))
                .collect::<Vec<bool>>())
        })
        .await
        .unwrap_or_default();
    let mut fetched = 0;
    for (i, doc) in documents.iter_mut().enumerate() {
        if known.get(i).copied().unwrap_or(true) || doc.url.is_empty() {
            continue;
        }
        if fetched == MAX_ARTICLES_PER_FETCH {
            notes.push(format!(
                "{}: only the first {MAX_ARTICLES_PER_FETCH} new articles were fetched this time",
                feed.url
            ));
            break;
        }
        fetched += 1;
        let page = match fetcher.fetch_page(&doc.url).await {
            Ok(page) => page,
            Err(e) => {
                notes.push(format!("article {}: {e}", doc.url));
                continue;
            }
        };
        let charset = page.charset();
        let html = crate::ingest::charset::to_utf8(&page.bytes, charset.as_deref());
        let html = String::from_utf8_lossy(&html.bytes).into_owned();
        let text = tokio::task::spawn_blocking(move || article::main_text(&html))
            .await
            .ok()
            .flatten();
        match text {
            Some(text) if text.len() > doc.body.len() => {
                doc.body = text;
                *doc = std::mem::replace(doc, empty_document()).derive();
            }
            Some(_) => {}
            None => notes.push(format!(
                "article {}: no main text found on the page",
                doc.url
            )),
        }
    }
}

fn empty_document() -> Document {
    Document {
        id: String::new(),
        title: String::new(),
        body: String::new(),
        author: String::new(),
        source: String::new(),
        source_name: String::new(),
        url: String::new(),
        published: DateTime::<Utc>::UNIX_EPOCH,
        lang: String::new(),
        kind: String::new(),
        tags: Vec::new(),
        mentions: Vec::new(),
        host: String::new(),
    }
}

/// Fetches feeds, several hosts at a time (one request at a time per host, by the fetcher).
/// One report per feed, in the order given; a database failure on one feed is its report.
pub async fn fetch_all(
    app: &App,
    fetcher: Arc<Fetcher>,
    feeds: Vec<FeedRecord>,
) -> Vec<FetchReport> {
    let semaphore = Arc::new(tokio::sync::Semaphore::new(CONCURRENT_FEEDS));
    let mut tasks = tokio::task::JoinSet::new();
    // Hosts take turns in the queue, so that one site with many feeds (waiting for its single
    // turn) does not hold every slot while other sites wait.
    for i in interleave_by_host(&feeds) {
        let feed = feeds[i].clone();
        let app = app.clone();
        let fetcher = fetcher.clone();
        let semaphore = semaphore.clone();
        tasks.spawn(async move {
            let _permit = semaphore.acquire_owned().await;
            let result = fetch_feed(&app, &fetcher, &feed).await;
            (i, result)
        });
    }
    let mut results: Vec<Option<FetchReport>> = vec![None; feeds.len()];
    while let Some(joined) = tasks.join_next().await {
        match joined {
            Ok((i, Ok(report))) => results[i] = Some(report),
            Ok((i, Err(e))) => {
                tracing::warn!("feed {}: {e}", feeds[i].url);
                results[i] = Some(internal_report(&feeds[i], &e.to_string()));
            }
            Err(e) => tracing::error!("a feed fetch task failed: {e}"),
        }
    }
    results
        .into_iter()
        .enumerate()
        .map(|(i, r)| {
            r.unwrap_or_else(|| internal_report(&feeds[i], "the fetch stopped unexpectedly"))
        })
        .collect()
}

/// Indices of `feeds` ordered round-robin by host: a.com, b.org, a.com, b.org, ...
fn interleave_by_host(feeds: &[FeedRecord]) -> Vec<usize> {
    let mut queues: Vec<(String, std::collections::VecDeque<usize>)> = Vec::new();
    for (i, f) in feeds.iter().enumerate() {
        let host = url::Url::parse(&f.url)
            .ok()
            .and_then(|u| u.host_str().map(str::to_ascii_lowercase))
            .unwrap_or_default();
        match queues.iter_mut().find(|(h, _)| *h == host) {
            Some((_, q)) => q.push_back(i),
            None => queues.push((host, std::collections::VecDeque::from([i]))),
        }
    }
    let mut order = Vec::with_capacity(feeds.len());
    while order.len() < feeds.len() {
        for (_, q) in queues.iter_mut() {
            if let Some(i) = q.pop_front() {
                order.push(i);
            }
        }
    }
    order
}

fn internal_report(feed: &FeedRecord, message: &str) -> FetchReport {
    FetchReport {
        feed_id: feed.id.clone(),
        corpus: feed.corpus.clone(),
        url: feed.url.clone(),
        title: feed.title.clone(),
        outcome: Outcome::Error,
        added: 0,
        replaced: 0,
        error_kind: "internal".into(),
        message: format!("Sandpit could not save this feed's status: {message}"),
        notes: Vec::new(),
        consecutive_failures: feed.consecutive_failures,
        next_fetch_at: Utc::now(),
    }
}

/// Fetches every feed (of one corpus, or all) now, whatever the schedule says; a site's
/// Retry-After still holds.
pub async fn fetch_now(
    app: &App,
    fetcher: Arc<Fetcher>,
    corpus: Option<&str>,
) -> Result<Vec<FetchReport>> {
    if let Some(c) = corpus {
        app.require_corpus(c).await?;
    }
    let feeds = app.store.feeds(corpus).await?;
    Ok(fetch_all(app, fetcher, feeds).await)
}

/// Fetches the feeds that the schedule says are due.
pub async fn fetch_due(app: &App, fetcher: Arc<Fetcher>) -> Result<Vec<FetchReport>> {
    let due = app.store.due_feeds(Utc::now()).await?;
    Ok(fetch_all(app, fetcher, due).await)
}

/// The scheduler for `serve`: every few seconds, fetches the feeds that are due. With no feeds
/// configured it makes no request and builds no HTTP client; it only looks at the database.
pub fn spawn_poller(app: App) -> tokio::task::JoinHandle<()> {
    let options = FetchOptions::from_config(&app.config);
    tokio::spawn(poll(app, options, POLL_TICK))
}

/// The poller's loop (public so tests can run it with their own options and tick).
pub async fn poll(app: App, options: FetchOptions, tick: Duration) {
    let mut fetcher: Option<Arc<Fetcher>> = None;
    loop {
        match app.store.due_feeds(Utc::now()).await {
            Ok(due) if due.is_empty() => {}
            Ok(due) => {
                if fetcher.is_none() {
                    match Fetcher::new(options.clone()) {
                        Ok(f) => fetcher = Some(Arc::new(f)),
                        Err(e) => tracing::error!("live feeds are off: {e}"),
                    }
                }
                if let Some(f) = &fetcher {
                    let reports = fetch_all(&app, f.clone(), due).await;
                    let failed = reports
                        .iter()
                        .filter(|r| r.outcome == Outcome::Error)
                        .count();
                    let added: usize = reports.iter().map(|r| r.added).sum();
                    tracing::info!(feeds = reports.len(), failed, added, "live feeds fetched");
                }
            }
            Err(e) => tracing::warn!("live feeds: cannot read the schedule: {e}"),
        }
        tokio::time::sleep(tick).await;
    }
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
