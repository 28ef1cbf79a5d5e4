-- Programmes (issue 19), transfer to the day job: "your own topic" work, reviews, reflections,
-- the end-of-session statement and its follow-up, and the skills a team needs.
-- `learner` is as in `attempts`: 'local' for the self-learner on localhost, or a programme
-- learner's id. Times are RFC 3339 text by the app's clock.

-- One piece of own-topic work: a private corpus (its documents are ordinary rows of
-- `documents`, under `corpus`, whose `corpora.origin` is 'own-topic'), the learner's query, the
-- seed that orders the corpus for the random samples, and a draft for a real announcement.
CREATE TABLE own_topics (
    id TEXT PRIMARY KEY NOT NULL,
    learner TEXT NOT NULL,
    cohort_id TEXT,
    title TEXT NOT NULL,
    corpus TEXT NOT NULL UNIQUE,
    query TEXT NOT NULL DEFAULT '',
    sample_seed TEXT NOT NULL,
    announcement TEXT NOT NULL DEFAULT '',
    announcement_date TEXT NOT NULL DEFAULT '',
    draft TEXT NOT NULL DEFAULT '',
    draft_platforms TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX own_topics_by_learner ON own_topics(learner, created_at);
CREATE INDEX own_topics_by_cohort ON own_topics(cohort_id);

-- The learner's own judgement of one document of their corpus: relevant or not. A label is
-- about the document, not the query, so it survives a change of query.
CREATE TABLE own_topic_labels (
    topic_id TEXT NOT NULL REFERENCES own_topics(id) ON DELETE CASCADE,
    doc_id TEXT NOT NULL,
    relevant BOOLEAN NOT NULL,
    labelled_at TEXT NOT NULL,
    PRIMARY KEY (topic_id, doc_id)
);

-- Comments on own-topic work: the trainer's, a peer's (when the cohort allows it) or the
-- learner's own reply. `author_role` is 'trainer', 'peer' or 'learner'.
CREATE TABLE own_topic_comments (
    id TEXT PRIMARY KEY NOT NULL,
    topic_id TEXT NOT NULL REFERENCES own_topics(id) ON DELETE CASCADE,
    author_role TEXT NOT NULL,
    author_id TEXT NOT NULL,
    author_name TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX own_topic_comments_by_topic ON own_topic_comments(topic_id, created_at);

-- Whether the learners of a cohort may review each other's own-topic work (the trainer says).
CREATE TABLE cohort_transfer_settings (
    cohort_id TEXT PRIMARY KEY NOT NULL REFERENCES cohorts(id) ON DELETE CASCADE,
    peer_review BOOLEAN NOT NULL DEFAULT FALSE
);

-- A short reflection written after an attempt.
CREATE TABLE reflections (
    id TEXT PRIMARY KEY NOT NULL,
    learner TEXT NOT NULL,
    exercise_id TEXT NOT NULL,
    attempt_id TEXT,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX reflections_by_learner ON reflections(learner, created_at);

-- "I will be more effective at work as a result" (1 strongly disagree .. 5 strongly agree) at
-- the end of a session, and the same statement with "what have you done differently since"
-- asked again four to six weeks later (follow_up_* stay NULL until answered).
CREATE TABLE programme_evaluations (
    id TEXT PRIMARY KEY NOT NULL,
    learner TEXT NOT NULL,
    cohort_id TEXT,
    effective BIGINT NOT NULL,
    comment TEXT NOT NULL DEFAULT '',
    asked_at TEXT NOT NULL,
    follow_up_effective BIGINT,
    follow_up_done_differently TEXT,
    follow_up_at TEXT
);
CREATE INDEX programme_evaluations_by_learner ON programme_evaluations(learner, asked_at);
CREATE INDEX programme_evaluations_by_cohort ON programme_evaluations(cohort_id, asked_at);

-- The level (0 to 1) a team needs in a skill (catalog::skills). A team is the learners whose
-- `team` is the same, ignoring case and spacing: `team_key` is that name's key.
CREATE TABLE team_needs (
    team_key TEXT NOT NULL,
    skill TEXT NOT NULL,
    level DOUBLE PRECISION NOT NULL,
    set_by TEXT NOT NULL,
    set_at TEXT NOT NULL,
    PRIMARY KEY (team_key, skill)
);

-- A manager's link to a team's view; only the SHA-256 of its token is kept. A new link
-- revokes the team's earlier ones.
CREATE TABLE team_links (
    token_hash TEXT PRIMARY KEY NOT NULL,
    team_key TEXT NOT NULL,
    team_name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    revoked BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX team_links_by_team ON team_links(team_key);
