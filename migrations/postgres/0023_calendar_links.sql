-- Programmes (issue 19): a learner's private calendar address, so Outlook or Google Calendar
-- subscribe to their plan's deadlines and follow every change, instead of importing a file once.
-- The address's token is the key: only its SHA-256 is kept (`token_hash`), so the database
-- alone opens nothing. A learner has one live address at a time; making a new one or stopping
-- it sets `revoked`. `learner` is as in `attempts` ('local' or a programme learner's id), `name`
-- the calendar's name as the learner was called when it was made.
CREATE TABLE calendar_links (
    token_hash TEXT PRIMARY KEY NOT NULL,
    learner TEXT NOT NULL,
    name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    revoked BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX calendar_links_by_learner ON calendar_links(learner);
