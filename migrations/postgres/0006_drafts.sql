-- Drafts: what a learner typed at an exercise and has not yet submitted as an attempt. Kept when
-- a submission is refused (the exercise locked, the session ended, a bad answer) and when the
-- learner opens a hint or the model answer, so the page they come back to holds their words.
-- One draft per learner and exercise; a stored attempt clears it.
CREATE TABLE drafts (
    learner TEXT NOT NULL,
    exercise_id TEXT NOT NULL,
    -- as an attempt's answer is stored: the query, the post as JSON, or the triage labels as JSON
    answer TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (learner, exercise_id)
);
