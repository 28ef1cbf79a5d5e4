-- Programmes (issue 19): practice that comes back (docs/programmes.md). One row of
-- practice_ladder per learner and trap (an exercise's `trap`, or its id when it has none): how
-- far up the ladder of intervals the learner is (rung 0 to 3: 1 day, 2 days, 1 week, 3 weeks),
-- when a variant is due again, and which exercise of the trap they did last. Times are RFC 3339
-- by the app's clock (App::now), so tests can move them.
CREATE TABLE practice_ladder (
    learner TEXT NOT NULL,
    trap TEXT NOT NULL,
    rung BIGINT NOT NULL,
    due_at TEXT NOT NULL,
    last_exercise_id TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (learner, trap)
);

-- Every graded attempt of a programme learner or the self-learner, as mastery per skill reads
-- it: the exercise and its trap, passed or not, the hints open, whether the trap had come back
-- (was due) when it was made, and when, by the app's clock (attempts.created_at is the store's
-- own bookkeeping on the system clock).
CREATE TABLE practice_results (
    id TEXT PRIMARY KEY NOT NULL,
    learner TEXT NOT NULL,
    exercise_id TEXT NOT NULL,
    trap TEXT NOT NULL,
    passed BOOLEAN NOT NULL,
    hints BIGINT NOT NULL,
    came_back BOOLEAN NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX practice_results_by_learner ON practice_results(learner, at);
