-- The holds on the classroom's ways in (joining a class, the trainer's sign-in, rejoin words),
-- counted in the database so that every node behind a load balancer counts against the same
-- limits (src/app/limiter.rs). One row per counted try, guess or typo; rows older than the
-- limiter's window are pruned.
CREATE TABLE limit_counts (
    -- The limiter's key as text: join/10.0.0.5, sign-in/10.0.0.5, words/10.0.0.5, name/<trainee id>.
    door TEXT NOT NULL,
    -- try, guess or typo.
    kind TEXT NOT NULL,
    -- When, in milliseconds since 1970 by the counting node's clock.
    at BIGINT NOT NULL
);
CREATE INDEX limit_counts_by_door ON limit_counts(door, kind, at);
CREATE INDEX limit_counts_by_time ON limit_counts(at);
