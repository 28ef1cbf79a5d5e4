-- Programmes (issue 19), first part: learner accounts that last for months. A trainer adds a
-- cohort of learners; each learner gets a personal sign-in link (only its SHA-256 is stored,
-- like session tokens) and sets a passphrase on first use (an Argon2id PHC string). A learner's
-- sessions are rows of `sessions` with role 'learner' and the new `learner_id`.

CREATE TABLE cohorts (
    id TEXT PRIMARY KEY NOT NULL,
    title TEXT NOT NULL,
    created_at TEXT NOT NULL
);

-- One person in one cohort. name_key (lower case, spaces evened out) is unique per cohort.
-- passphrase_hash is NULL until the learner first uses their link.
CREATE TABLE learners (
    id TEXT PRIMARY KEY NOT NULL,
    cohort_id TEXT NOT NULL REFERENCES cohorts(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    email TEXT NOT NULL DEFAULT '',
    team TEXT NOT NULL DEFAULT '',
    passphrase_hash TEXT,
    created_at TEXT NOT NULL,
    last_seen_at TEXT,
    UNIQUE (cohort_id, name_key)
);
CREATE INDEX learners_by_name ON learners(name_key);

-- Sign-in links. Reissuing a link revokes the learner's earlier ones.
CREATE TABLE learner_links (
    token_hash TEXT PRIMARY KEY NOT NULL,
    learner_id TEXT NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    used_at TEXT,
    revoked BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX learner_links_by_learner ON learner_links(learner_id);

ALTER TABLE sessions ADD COLUMN learner_id TEXT REFERENCES learners(id) ON DELETE CASCADE;
CREATE INDEX sessions_by_learner ON sessions(learner_id);
