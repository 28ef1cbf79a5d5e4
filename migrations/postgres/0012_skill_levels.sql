-- Programmes (issue 19): a learner's measured level in each skill (catalog::skills), kept over
-- time so progress per skill can be drawn. `learner` is as in `attempts`: 'local' for the
-- self-learner on localhost, or a programme learner's id. `level` runs from 0 to 1. `source` says
-- what measured it: 'placement' (the diagnostic), 'practice' (mastery after an attempt) or
-- 'trainer' (set by hand).
CREATE TABLE skill_levels (
    id TEXT PRIMARY KEY NOT NULL,
    learner TEXT NOT NULL,
    skill TEXT NOT NULL,
    level DOUBLE PRECISION NOT NULL,
    source TEXT NOT NULL,
    measured_at TEXT NOT NULL
);
CREATE INDEX skill_levels_by_learner ON skill_levels(learner, skill, measured_at);
