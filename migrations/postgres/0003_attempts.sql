-- Attempts at exercises and each learner's state per exercise. A learner is 'local' (the
-- self-learner on this machine) or a trainee id from classroom mode.
CREATE TABLE attempts (
    id TEXT PRIMARY KEY NOT NULL,
    learner TEXT NOT NULL,
    exercise_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    -- the query, the post, or the triage labels as JSON
    answer TEXT NOT NULL,
    created_at TEXT NOT NULL,
    -- NULL until graded: an attempt is stored before it is graded, so a failure loses nothing
    score DOUBLE PRECISION,
    passed BOOLEAN,
    -- the grade as JSON, or the grading error
    result TEXT,
    graded_at TEXT
);
CREATE INDEX attempts_by_learner ON attempts(learner, exercise_id, created_at);
CREATE INDEX attempts_by_exercise ON attempts(exercise_id, created_at);

CREATE TABLE exercise_state (
    learner TEXT NOT NULL,
    exercise_id TEXT NOT NULL,
    hints_shown BIGINT NOT NULL DEFAULT 0,
    model_revealed BOOLEAN NOT NULL DEFAULT FALSE,
    PRIMARY KEY (learner, exercise_id)
);
