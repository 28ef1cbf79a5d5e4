-- Live feeds: the sources of each corpus, their cache validators, schedule and status.
-- Portable SQL (SQLite now, PostgreSQL later): text keys, ISO-8601 UTC text timestamps
-- (which sort as text), BIGINT counters, BOOLEAN flags.
CREATE TABLE feeds (
    id TEXT PRIMARY KEY NOT NULL,
    corpus TEXT NOT NULL REFERENCES corpora(name) ON DELETE CASCADE,
    url TEXT NOT NULL,
    -- from the OPML list or the feed itself
    title TEXT NOT NULL DEFAULT '',
    site_url TEXT NOT NULL DEFAULT '',
    category TEXT NOT NULL DEFAULT '',
    -- also fetch each new item's page and keep its main text
    fetch_articles BOOLEAN NOT NULL DEFAULT FALSE,
    interval_minutes BIGINT NOT NULL,
    -- cache validators of the last full response, sent back for a 304
    etag TEXT NOT NULL DEFAULT '',
    last_modified TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    last_attempt_at TEXT,
    last_success_at TEXT,
    -- 'new', 'ok', 'not-modified' or 'error'
    last_status TEXT NOT NULL DEFAULT 'new',
    -- a short code (not-found, timed-out, not-a-feed, too-large, tls, blocked...) and the
    -- trainer-readable message
    last_error_kind TEXT NOT NULL DEFAULT '',
    last_error TEXT NOT NULL DEFAULT '',
    -- notes of the last fetch (undated items, a wrong charset...), one a line
    last_notes TEXT NOT NULL DEFAULT '',
    consecutive_failures BIGINT NOT NULL DEFAULT 0,
    -- items new to the corpus: in total, and at the last fetch; replaced at the last fetch
    items_added BIGINT NOT NULL DEFAULT 0,
    last_added BIGINT NOT NULL DEFAULT 0,
    last_replaced BIGINT NOT NULL DEFAULT 0,
    -- when the schedule (interval, backoff, Retry-After) next allows a fetch
    next_fetch_at TEXT NOT NULL,
    -- set from the site's Retry-After: not even a manual fetch goes before this
    not_before TEXT,
    UNIQUE (corpus, url)
);
CREATE INDEX feeds_by_next_fetch ON feeds(next_fetch_at);
