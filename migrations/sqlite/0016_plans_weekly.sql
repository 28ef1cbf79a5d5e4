-- Programmes (issue 19): plans. A learner (as attempts store them: 'local' or a programme
-- learner's id) has at most one current plan (ended_at NULL); starting another ends it. A plan
-- lasts `weeks` weeks (4 to 12) from `starts_on`; its assignments fall due on `due_weekday`
-- (1 Monday to 7 Sunday). Dates are YYYY-MM-DD, times RFC 3339, both by the app's clock.
CREATE TABLE plans (
    id TEXT PRIMARY KEY NOT NULL,
    learner TEXT NOT NULL,
    weeks BIGINT NOT NULL,
    due_weekday BIGINT NOT NULL,
    starts_on TEXT NOT NULL,
    from_profile BOOLEAN NOT NULL,
    created_at TEXT NOT NULL,
    ended_at TEXT
);
CREATE INDEX plans_by_learner ON plans(learner, created_at);

-- One assignment: pass one exercise by a date. `goal` is 'pass', 'no-hints' or 'passed'
-- (docs/programmes.md, "Plans"). `passes_before` and `clean_passes_before` count the learner's
-- passing attempts (all, and those with no hint open) at that exercise when the assignment was
-- set or its exercise swapped: a goal that needs a new pass is met when the count grows.
-- `revision` counts the changes, for the calendar's SEQUENCE.
CREATE TABLE plan_assignments (
    id TEXT PRIMARY KEY NOT NULL,
    plan_id TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    skill TEXT NOT NULL,
    exercise_id TEXT NOT NULL,
    goal TEXT NOT NULL,
    due_on TEXT NOT NULL,
    passes_before BIGINT NOT NULL,
    clean_passes_before BIGINT NOT NULL,
    revision BIGINT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
);
CREATE INDEX plan_assignments_by_plan ON plan_assignments(plan_id, due_on);
