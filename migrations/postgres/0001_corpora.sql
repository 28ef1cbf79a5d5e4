-- Corpora known to this installation and the log of imports into them.
-- Portable SQL (SQLite now, PostgreSQL later): text keys, ISO-8601 text timestamps.
CREATE TABLE corpora (
    name TEXT PRIMARY KEY NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    -- 'shipped' for corpora compiled into the binary, 'imported' otherwise
    origin TEXT NOT NULL,
    -- for shipped corpora: a hash of the shipped files, so a newer binary re-imports them
    content_hash TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE imports (
    id TEXT PRIMARY KEY NOT NULL,
    corpus TEXT NOT NULL REFERENCES corpora(name),
    finished_at TEXT NOT NULL,
    added BIGINT NOT NULL,
    replaced BIGINT NOT NULL,
    rejected BIGINT NOT NULL,
    -- the summary shown to the user, one problem or note a line
    report TEXT NOT NULL
);
CREATE INDEX imports_by_corpus ON imports(corpus, finished_at);
