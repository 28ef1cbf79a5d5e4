-- Programmes (issue 19): the placement diagnostic (docs/programmes.md, "Placement"). A learner
-- ('local' or a programme learner's id, as in `attempts`) takes it one item at a time; each
-- answer is kept as it is given, so a closed browser or a restarted server resumes at the next
-- item. `finished_at` is set once, when the last item is answered; the levels it measured go to
-- `skill_levels` with source 'placement'. Retaking starts a new row.
CREATE TABLE placements (
    id TEXT PRIMARY KEY NOT NULL,
    learner TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT
);
CREATE INDEX placements_by_learner ON placements(learner, started_at);

-- One answer to one item (`item_id` names an item of programmes/placement.toml). `answer` is
-- the answer as JSON (a string, a list of ids or a table of labels), NULL when the learner
-- skipped the item; `score` runs from 0 to 1; `notes` is a JSON list of what went wrong.
CREATE TABLE placement_answers (
    placement_id TEXT NOT NULL REFERENCES placements(id) ON DELETE CASCADE,
    item_id TEXT NOT NULL,
    answer TEXT,
    score DOUBLE PRECISION NOT NULL,
    notes TEXT NOT NULL,
    answered_at TEXT NOT NULL,
    PRIMARY KEY (placement_id, item_id)
);
