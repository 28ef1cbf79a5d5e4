-- Hints recorded with the work they helped (issue 17). Each attempt keeps how many of the
-- exercise's hints its learner had opened when it was made, copied from exercise_state (where
-- each hint is counted as it is opened) in the same statement that stores the attempt.
-- Attempts made before this migration count as made without hints.
ALTER TABLE attempts ADD COLUMN hints_used BIGINT NOT NULL DEFAULT 0;
