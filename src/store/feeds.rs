//! The live-feed registry in the database: each corpus's feed sources, their cache validators,
//! schedule and per-feed status (see migrations/0002_feeds.sql).

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::{Store, new_id, now, stamp};
use crate::error::{Error, Result};

/// A feed source as the database records it.
#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct FeedRecord {
    pub id: String,
    pub corpus: String,
    pub url: String,
    pub title: String,
    pub site_url: String,
    pub category: String,
    pub fetch_articles: bool,
    pub interval_minutes: i64,
    #[serde(skip)]
    pub etag: String,
    #[serde(skip)]
    pub last_modified: String,
    pub created_at: String,
    pub last_attempt_at: Option<String>,
    pub last_success_at: Option<String>,
    pub last_status: FeedStatus,
    pub last_error_kind: String,
    pub last_error: String,
    pub last_notes: String,
    pub consecutive_failures: i64,
    pub items_added: i64,
    pub last_added: i64,
    pub last_replaced: i64,
    pub next_fetch_at: String,
    pub not_before: Option<String>,
}

impl FeedRecord {
    /// The feed's title, else its address.
    pub fn label(&self) -> &str {
        if self.title.trim().is_empty() {
            &self.url
        } else {
            &self.title
        }
    }
}

/// A feed to register.
#[derive(Debug, Clone, Default)]
pub struct NewFeed {
    pub corpus: String,
    pub url: String,
    pub title: String,
    pub site_url: String,
    pub category: String,
    pub fetch_articles: bool,
    pub interval_minutes: i64,
}

/// Where a feed stands after its last fetch (stored as `new`, `ok`, `not-modified`, `error`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, sqlx::Type)]
#[serde(rename_all = "kebab-case")]
#[sqlx(type_name = "TEXT", rename_all = "kebab-case")]
pub enum FeedStatus {
    /// Not fetched yet.
    #[default]
    New,
    /// The last fetch read the feed.
    Ok,
    /// The last fetch found nothing changed (304).
    NotModified,
    /// The last fetch failed; the feed's error says why.
    Error,
}

impl FeedStatus {
    /// The stored and serialised word.
    pub fn as_str(self) -> &'static str {
        match self {
            FeedStatus::New => "new",
            FeedStatus::Ok => "ok",
            FeedStatus::NotModified => "not-modified",
            FeedStatus::Error => "error",
        }
    }
}

/// A status compares equal to its word (`status == "ok"`), as scripts and tests read it.
impl PartialEq<&str> for FeedStatus {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// The outcome of one fetch, to save on the feed.
#[derive(Debug, Clone, Default)]
pub struct FetchRecord {
    pub attempted_at: DateTime<Utc>,
    pub status: FeedStatus,
    pub error_kind: String,
    pub error: String,
    pub notes: String,
    pub added: i64,
    pub replaced: i64,
    /// The failure count after this fetch (0 after a success).
    pub consecutive_failures: i64,
    /// New validators (etag, last-modified) when the feed sent a full, readable response.
    pub validators: Option<(String, String)>,
    /// A title learnt from the feed, used when the feed has none yet.
    pub title: Option<String>,
    pub next_fetch_at: DateTime<Utc>,
    pub not_before: Option<DateTime<Utc>>,
}

/// Reads a stored timestamp; `None` for an empty or unreadable one.
pub fn parse_timestamp(s: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

impl Store {
    /// Registers a feed; when the corpus already has this URL, returns the existing one and
    /// `false`.
    pub async fn add_feed(&self, feed: &NewFeed) -> Result<(FeedRecord, bool)> {
        on_db!(self, |read, write| {
            let now = now();
            let result = sqlx::query(
                "INSERT INTO feeds (id, corpus, url, title, site_url, category, fetch_articles,
                                interval_minutes, created_at, next_fetch_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
             ON CONFLICT (corpus, url) DO NOTHING",
            )
            .bind(new_id())
            .bind(&feed.corpus)
            .bind(&feed.url)
            .bind(&feed.title)
            .bind(&feed.site_url)
            .bind(&feed.category)
            .bind(feed.fetch_articles)
            .bind(feed.interval_minutes)
            .bind(&now)
            .bind(&now)
            .execute(write)
            .await?;
            let created = result.rows_affected() > 0;
            let record = self
                .feed_by_url(&feed.corpus, &feed.url)
                .await?
                .ok_or_else(|| Error::internal(anyhow::anyhow!("feed vanished after insert")))?;
            Ok((record, created))
        })
    }

    /// Feeds of one corpus, or of all, by corpus then title.
    pub async fn feeds(&self, corpus: Option<&str>) -> Result<Vec<FeedRecord>> {
        on_db!(self, |read, write| {
            let rows = match corpus {
                Some(c) => {
                    sqlx::query_as::<_, FeedRecord>(
                        "SELECT * FROM feeds WHERE corpus = $1 ORDER BY corpus, title, url",
                    )
                    .bind(c)
                    .fetch_all(read)
                    .await?
                }
                None => {
                    sqlx::query_as::<_, FeedRecord>(
                        "SELECT * FROM feeds ORDER BY corpus, title, url",
                    )
                    .fetch_all(read)
                    .await?
                }
            };
            Ok(rows)
        })
    }

    pub async fn feed(&self, id: &str) -> Result<Option<FeedRecord>> {
        on_db!(self, |read, write| {
            Ok(
                sqlx::query_as::<_, FeedRecord>("SELECT * FROM feeds WHERE id = $1")
                    .bind(id)
                    .fetch_optional(read)
                    .await?,
            )
        })
    }

    pub async fn feed_by_url(&self, corpus: &str, url: &str) -> Result<Option<FeedRecord>> {
        on_db!(self, |read, write| {
            Ok(sqlx::query_as::<_, FeedRecord>(
                "SELECT * FROM feeds WHERE corpus = $1 AND url = $2",
            )
            .bind(corpus)
            .bind(url)
            .fetch_optional(read)
            .await?)
        })
    }

    /// How many feeds are registered (the poller does nothing when there are none).
    pub async fn feed_count(&self) -> Result<i64> {
        on_db!(self, |read, write| {
            let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM feeds")
                .fetch_one(read)
                .await?;
            Ok(n)
        })
    }

    /// Feeds whose schedule allows a fetch at `at`, most overdue first.
    pub async fn due_feeds(&self, at: DateTime<Utc>) -> Result<Vec<FeedRecord>> {
        on_db!(self, |read, write| {
            let at = stamp(at);
            Ok(sqlx::query_as::<_, FeedRecord>(
                "SELECT * FROM feeds
             WHERE next_fetch_at <= $1 AND (not_before IS NULL OR not_before <= $2)
             ORDER BY next_fetch_at, id",
            )
            .bind(&at)
            .bind(&at)
            .fetch_all(read)
            .await?)
        })
    }

    /// Saves what a fetch did.
    pub async fn save_fetch(&self, id: &str, r: &FetchRecord) -> Result<()> {
        on_db!(self, |read, write| {
            let attempted = stamp(r.attempted_at);
            let success = r.status != FeedStatus::Error;
            let (etag, modified) = r.validators.clone().unwrap_or_default();
            sqlx::query(
                "UPDATE feeds SET
               last_attempt_at = $1,
               last_success_at = CASE WHEN $2 THEN $3 ELSE last_success_at END,
               last_status = $4, last_error_kind = $5, last_error = $6, last_notes = $7,
               consecutive_failures = $8,
               items_added = items_added + $9, last_added = $10, last_replaced = $11,
               etag = CASE WHEN $12 THEN $13 ELSE etag END,
               last_modified = CASE WHEN $14 THEN $15 ELSE last_modified END,
               title = CASE WHEN title = '' AND $16 IS NOT NULL THEN $17 ELSE title END,
               next_fetch_at = $18, not_before = $19
             WHERE id = $20",
            )
            .bind(&attempted)
            .bind(success)
            .bind(&attempted)
            .bind(r.status)
            .bind(&r.error_kind)
            .bind(&r.error)
            .bind(&r.notes)
            .bind(r.consecutive_failures)
            .bind(r.added)
            .bind(r.added)
            .bind(r.replaced)
            .bind(r.validators.is_some())
            .bind(&etag)
            .bind(r.validators.is_some())
            .bind(&modified)
            .bind(&r.title)
            .bind(&r.title)
            .bind(stamp(r.next_fetch_at))
            .bind(r.not_before.map(stamp))
            .bind(id)
            .execute(write)
            .await?;
            Ok(())
        })
    }

    /// Sets when a feed may next be fetched, touching nothing else.
    pub async fn set_next_fetch(&self, id: &str, at: DateTime<Utc>) -> Result<()> {
        on_db!(self, |read, write| {
            sqlx::query("UPDATE feeds SET next_fetch_at = $1 WHERE id = $2")
                .bind(stamp(at))
                .bind(id)
                .execute(write)
                .await?;
            Ok(())
        })
    }

    /// Moves feeds' next fetch to now (a trainer's "fetch now"); the poller picks them up.
    /// A site's Retry-After still holds.
    pub async fn make_feeds_due(&self, corpus: Option<&str>, id: Option<&str>) -> Result<u64> {
        on_db!(self, |read, write| {
            let result = sqlx::query(
                "UPDATE feeds SET next_fetch_at = $1
             WHERE ($2 IS NULL OR corpus = $3) AND ($4 IS NULL OR id = $5)",
            )
            .bind(now())
            .bind(corpus)
            .bind(corpus)
            .bind(id)
            .bind(id)
            .execute(write)
            .await?;
            Ok(result.rows_affected())
        })
    }

    /// Changes how a feed is fetched.
    pub async fn set_feed_options(
        &self,
        id: &str,
        fetch_articles: bool,
        interval_minutes: i64,
    ) -> Result<bool> {
        on_db!(self, |read, write| {
            let result = sqlx::query(
                "UPDATE feeds SET fetch_articles = $1, interval_minutes = $2 WHERE id = $3",
            )
            .bind(fetch_articles)
            .bind(interval_minutes)
            .bind(id)
            .execute(write)
            .await?;
            Ok(result.rows_affected() > 0)
        })
    }

    /// Stops fetching a feed. Its items stay in the corpus.
    pub async fn remove_feed(&self, id: &str) -> Result<bool> {
        on_db!(self, |read, write| {
            let result = sqlx::query("DELETE FROM feeds WHERE id = $1")
                .bind(id)
                .execute(write)
                .await?;
            Ok(result.rows_affected() > 0)
        })
    }
}
