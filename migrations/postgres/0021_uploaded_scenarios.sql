-- Drill scenarios a trainer uploads (issue 18): the TOML file as it came, checked before it was
-- stored. The database is the truth: every node builds the scenario and its stream from `toml`
-- (the stream is generated from the file; waves have seeds), so a second node, or one restarted
-- with an empty index, plays it as the node it was uploaded on does. `content_hash` is the
-- SHA-256 of `toml` (hex): what a node's cache of built scenarios is keyed by. `uploaded_by` is
-- `trainer` (classroom mode) or `local` (the self-learner on localhost).
CREATE TABLE uploaded_scenarios (
    id TEXT PRIMARY KEY NOT NULL,
    title TEXT NOT NULL,
    file_name TEXT NOT NULL,
    toml TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    uploaded_by TEXT NOT NULL,
    uploaded_at TEXT NOT NULL
);

-- Which drills play a scenario: asked before an uploaded one is replaced or deleted.
CREATE INDEX drills_by_scenario ON drills(scenario_id);
