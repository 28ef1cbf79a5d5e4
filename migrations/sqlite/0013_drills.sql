-- Drills (issue 18): a scenario played to a class. The drill's clock is kept as an anchor: at
-- the wall time `anchor_at` (the app's clock, RFC 3339) the drill stood at `anchor_ms`
-- milliseconds after T+00:00; while `state` is 'running' it moves on at `speed` drill seconds
-- per wall second. Every node computes the same drill time from these columns, and a restart
-- resumes from them. `version` goes up with every change, so two trainers' clicks at once cannot
-- both apply to the same state.
CREATE TABLE drills (
    id TEXT PRIMARY KEY NOT NULL,
    scenario_id TEXT NOT NULL,
    -- the class playing it (classroom mode); NULL for a self-learner's own drill
    class_id TEXT REFERENCES classes(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    state TEXT NOT NULL,
    speed DOUBLE PRECISION NOT NULL,
    anchor_ms BIGINT NOT NULL,
    anchor_at TEXT NOT NULL,
    version BIGINT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX drills_by_class ON drills(class_id, created_at);

-- What happened to a drill's clock, for the after-action review: who did what, at which wall
-- time and which drill time.
CREATE TABLE drill_clock_log (
    id TEXT PRIMARY KEY NOT NULL,
    drill_id TEXT NOT NULL REFERENCES drills(id) ON DELETE CASCADE,
    action TEXT NOT NULL,
    drill_ms BIGINT NOT NULL,
    speed DOUBLE PRECISION NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX drill_clock_log_by_drill ON drill_clock_log(drill_id, at);
