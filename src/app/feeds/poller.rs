//! Fetching many feeds: several hosts at a time, round-robin by host, now or when due, and the
//! poller that `serve` runs every few seconds.

use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;

use super::*;
use crate::app::App;
use crate::error::Result;
use crate::fetch::{FetchOptions, Fetcher};
use crate::store::feeds::FeedRecord;
use crate::store::leases::{FEED_POLLER, Lead};

/// How soon a node without the feed poller's lead asks for it again: the most a dead leader's
/// feeds wait (beyond their schedule) before another node takes over.
pub const LEAD_RETRY: Duration = Duration::from_secs(3);

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
/// With several nodes on one PostgreSQL database only the node holding the feed poller's lead
/// fetches (see `store/leases.rs`); the others ask for the lead every tick and take over within
/// a tick of the holder dying.
pub fn spawn_poller(app: App) -> tokio::task::JoinHandle<()> {
    let options = FetchOptions::from_config(&app.config);
    tokio::spawn(poll(app, options, POLL_TICK))
}

/// Keeps `lead` up to date: drops a lead whose connection has gone, asks for it when it is not
/// held. True when this node leads now.
async fn lead_now(app: &App, lead: &mut Option<Lead>) -> bool {
    if let Some(held) = lead
        && !held.still_held().await
    {
        tracing::warn!("live feeds: this node lost its lead (the database connection closed)");
        *lead = None;
    }
    if lead.is_none() {
        match app.store.try_lead(FEED_POLLER).await {
            Ok(Some(taken)) => {
                if app.store.engine_name() != "sqlite" {
                    tracing::info!("live feeds: this node fetches them now");
                }
                *lead = Some(taken);
            }
            Ok(None) => {}
            Err(e) => tracing::warn!("live feeds: cannot ask for the lead: {e}"),
        }
    }
    lead.is_some()
}

/// The poller's loop (public so tests can run it with their own options and tick).
pub async fn poll(app: App, options: FetchOptions, tick: Duration) {
    let mut fetcher: Option<Arc<Fetcher>> = None;
    let mut lead: Option<Lead> = None;
    loop {
        if !lead_now(&app, &mut lead).await {
            tokio::time::sleep(tick.min(LEAD_RETRY)).await;
            continue;
        }
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
