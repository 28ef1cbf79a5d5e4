-- Drills (issue 18): what the players do during a drill.

-- A response published to the drill's simulated timeline as the organisation's account (a post,
-- a public reply, a statement to a journalist), or sent inside the exercise (an email, an
-- escalation, a decision to hold back). `learner` is as in `attempts` (a trainee's id, or
-- 'local'). `inject_id` is the inject it answers (NULL: on the player's own initiative).
-- `drill_ms` is the drill time it was published at; `submission` the form's key, so a form sent
-- twice publishes once. `score` and `mark` (JSON) are filled when it is marked.
CREATE TABLE drill_responses (
    id TEXT PRIMARY KEY NOT NULL,
    drill_id TEXT NOT NULL REFERENCES drills(id) ON DELETE CASCADE,
    learner TEXT NOT NULL,
    author_name TEXT NOT NULL,
    inject_id TEXT,
    deliverable TEXT NOT NULL,
    platform TEXT,
    text TEXT NOT NULL,
    drill_ms BIGINT NOT NULL,
    published_at TEXT NOT NULL,
    submission TEXT,
    score DOUBLE PRECISION,
    mark TEXT,
    UNIQUE (drill_id, learner, submission)
);
CREATE INDEX drill_responses_by_drill ON drill_responses(drill_id, drill_ms);

-- A player's saved search over the drill's stream, with the rule that makes it alert (JSON,
-- as `app::drills` reads it). Deleting one keeps it for the review (`deleted_ms`).
CREATE TABLE drill_searches (
    id TEXT PRIMARY KEY NOT NULL,
    drill_id TEXT NOT NULL REFERENCES drills(id) ON DELETE CASCADE,
    learner TEXT NOT NULL,
    name TEXT NOT NULL,
    query TEXT NOT NULL,
    rule TEXT NOT NULL,
    created_ms BIGINT NOT NULL,
    deleted_ms BIGINT,
    created_at TEXT NOT NULL
);
CREATE INDEX drill_searches_by_drill ON drill_searches(drill_id, learner);
