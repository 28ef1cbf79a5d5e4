//! Fetching one feed into its corpus, through the same parsing as imported feed files: the
//! conditional request, reading the body, new items' article pages, and the feed's status.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::*;
use crate::app::App;
use crate::error::Result;
use crate::fetch::{Body, FetchError, Fetched, Fetcher, Validators};
use crate::ingest::feed::{self, FeedKey, FeedOrigin};
use crate::ingest::{Document, Parsed, article};
use crate::store::feeds::{FeedRecord, FeedStatus, FetchRecord, parse_timestamp};

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
            record.status = FeedStatus::NotModified;
        }
        Ok(Fetched::Body(body)) => {
            match read_body(app, fetcher, feed, &body, now).await {
                Ok(read) => {
                    report.added = read.added;
                    report.replaced = read.replaced;
                    report.notes = read.notes;
                    record.status = FeedStatus::Ok;
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
        record.status = FeedStatus::Error;
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
