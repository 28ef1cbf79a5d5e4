-- Drills (issue 18): the trainer's corrections of automatic marks, as a history.
--
-- The automatic mark stays in `drill_responses.score` and `.mark`. Each change the trainer makes
-- is a row here, never overwritten: the score that counts from then on (`score`, a whole number
-- 0-100; NULL: back to the automatic mark), the score that counted before (`from_score`), why
-- (`reason`, empty only when going back), who (`author`), the drill time (`drill_ms`) and the
-- wall time (`created_at`) it was made at. `version` is 1, 2, 3... per response: a change is
-- stored as the next version of what its author read, so two changes made at once cannot both
-- claim to follow the same one (the second is refused and asked to look again).
CREATE TABLE drill_mark_overrides (
    id TEXT PRIMARY KEY NOT NULL,
    drill_id TEXT NOT NULL REFERENCES drills(id) ON DELETE CASCADE,
    response_id TEXT NOT NULL REFERENCES drill_responses(id) ON DELETE CASCADE,
    version BIGINT NOT NULL,
    score DOUBLE PRECISION,
    from_score DOUBLE PRECISION NOT NULL,
    reason TEXT NOT NULL,
    author TEXT NOT NULL,
    drill_ms BIGINT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (response_id, version)
);
CREATE INDEX drill_mark_overrides_by_drill ON drill_mark_overrides(drill_id, response_id, version);
