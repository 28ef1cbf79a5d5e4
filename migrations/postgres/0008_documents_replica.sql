-- Documents of imported and fetched corpora (issue 20): the database is their source of truth,
-- and each node's search index is a replica built from it. A document is kept as the JSON of
-- `ingest::Document`, keyed by corpus and id (importing an id again replaces it). Shipped corpora
-- keep their documents in the binary; only their content hash and generation are here.
CREATE TABLE documents (
    corpus TEXT NOT NULL REFERENCES corpora(name) ON DELETE CASCADE,
    id TEXT NOT NULL,
    document TEXT NOT NULL,
    stored_at TEXT NOT NULL,
    PRIMARY KEY (corpus, id)
);

-- Set, in the same transaction as every change to a corpus's documents, to the next value of
-- the replica clock: a node whose index records another generation re-applies the corpus.
ALTER TABLE corpora ADD COLUMN generation BIGINT NOT NULL DEFAULT 0;

-- One row, counting every change to any corpus's documents (deletions of corpora included).
-- Generations are taken from it, so they never repeat, even for a corpus deleted and made again;
-- a node polls this one value to learn that something changed.
CREATE TABLE replica_clock (
    id INTEGER PRIMARY KEY NOT NULL,
    value BIGINT NOT NULL
);
INSERT INTO replica_clock (id, value) VALUES (1, 0);
