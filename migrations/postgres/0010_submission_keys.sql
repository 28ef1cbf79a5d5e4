-- The key of the form an attempt was sent from: a random token in each rendered exercise page. A
-- form that reaches the server twice (a browser or a proxy retrying after a dropped connection)
-- stores one attempt; the repeat is answered with the first. Attempts made before this, or sent
-- without a key, have none; NULL keys never collide.
ALTER TABLE attempts ADD COLUMN submission_key TEXT;
CREATE UNIQUE INDEX attempts_by_submission_key ON attempts (learner, exercise_id, submission_key);
