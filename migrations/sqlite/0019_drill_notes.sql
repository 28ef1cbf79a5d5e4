-- Drills (issue 18): observers and notes, for the after-action review.

-- An observer of one drill: someone the trainer lets watch and take notes, without the
-- trainer's powers. They come in by a link; only the link's SHA-256 is kept (`token_hash`), so
-- the database alone lets no one in. `revoked_at` closes the link.
CREATE TABLE drill_observers (
    id TEXT PRIMARY KEY NOT NULL,
    drill_id TEXT NOT NULL REFERENCES drills(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    revoked_at TEXT
);
CREATE INDEX drill_observers_by_drill ON drill_observers(drill_id);

-- A note on a drill by the trainer (`observer_id` NULL) or an observer, stamped with the drill
-- time it was written at (`drill_ms`), about an inject and/or a trainee (`learner`, as in
-- `drill_responses`) or the drill as a whole (both NULL).
CREATE TABLE drill_notes (
    id TEXT PRIMARY KEY NOT NULL,
    drill_id TEXT NOT NULL REFERENCES drills(id) ON DELETE CASCADE,
    observer_id TEXT REFERENCES drill_observers(id) ON DELETE CASCADE,
    author_name TEXT NOT NULL,
    inject_id TEXT,
    learner TEXT,
    text TEXT NOT NULL,
    drill_ms BIGINT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX drill_notes_by_drill ON drill_notes(drill_id, drill_ms);
