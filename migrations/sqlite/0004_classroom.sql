-- Classroom mode: classes, trainees, login sessions, the exercises chosen for a class, answers
-- shared for the debrief, end-of-session evaluations, the trainer's uploaded exercise files and
-- the trainer's secret. Everything a restart must keep lives here, never only in memory.
-- Portable SQL (SQLite now, PostgreSQL later): text keys, ISO-8601 UTC text timestamps (which
-- sort as text), BOOLEAN flags, no AUTOINCREMENT.

-- Settings that must survive a restart (the trainer's secret).
CREATE TABLE classroom_settings (
    name TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE classes (
    id TEXT PRIMARY KEY NOT NULL,
    -- what trainees type to join: short, upper case, no look-alike characters
    code TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    created_at TEXT NOT NULL,
    -- a closed class takes no new joins; its trainees keep their sessions and work
    open BOOLEAN NOT NULL DEFAULT TRUE
);

-- No accounts: a trainee is a display name in one class. The same name (compared by
-- name_key: lower case, spaces evened out) and code rejoin as the same trainee.
CREATE TABLE trainees (
    id TEXT PRIMARY KEY NOT NULL,
    class_id TEXT NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    joined_at TEXT NOT NULL,
    UNIQUE (class_id, name_key)
);

-- Login sessions of trainers and trainees. The cookie carries a random token; only its
-- SHA-256 is stored, so a copy of the database opens no session.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY NOT NULL,
    -- 'trainer' or 'trainee'
    role TEXT NOT NULL,
    trainee_id TEXT REFERENCES trainees(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX sessions_by_trainee ON sessions(trainee_id);

-- The exercises of a class, in the trainer's order; a locked exercise takes no new attempts.
CREATE TABLE class_exercises (
    class_id TEXT NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
    exercise_id TEXT NOT NULL,
    position BIGINT NOT NULL,
    locked BOOLEAN NOT NULL DEFAULT FALSE,
    PRIMARY KEY (class_id, exercise_id)
);

-- Answers the trainer shows the class for the debrief, without the trainee's name. A row with
-- no attempt_id shares the exercise's model answer.
CREATE TABLE reveals (
    id TEXT PRIMARY KEY NOT NULL,
    class_id TEXT NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
    exercise_id TEXT NOT NULL,
    attempt_id TEXT REFERENCES attempts(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL
);
CREATE INDEX reveals_by_class ON reveals(class_id, exercise_id, created_at);

-- The end-of-session evaluation, one per trainee (a later answer replaces the earlier one).
CREATE TABLE evaluations (
    trainee_id TEXT PRIMARY KEY NOT NULL REFERENCES trainees(id) ON DELETE CASCADE,
    class_id TEXT NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
    -- "I will be more effective at work as a result of this session": 1 strongly disagree
    -- to 5 strongly agree
    effective BIGINT NOT NULL,
    do_differently TEXT NOT NULL DEFAULT '',
    comments TEXT NOT NULL DEFAULT '',
    submitted_at TEXT NOT NULL
);
CREATE INDEX evaluations_by_class ON evaluations(class_id);

-- Exercise files a trainer uploaded from the browser, loaded again at every start.
CREATE TABLE uploaded_exercises (
    exercise_id TEXT PRIMARY KEY NOT NULL,
    file_name TEXT NOT NULL,
    text TEXT NOT NULL,
    uploaded_at TEXT NOT NULL
);
