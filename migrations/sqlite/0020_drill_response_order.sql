-- Drills (issue 18): the order responses were published in, as a number per drill.
--
-- A player's stream shows each response once by remembering how many it has shown. That needs
-- an order in which a response is only ever added at the end: the drill time a publisher read
-- is not one (two players publishing at once can commit out of that order). `seq` is 1, 2, 3...
-- per drill, taken from `drills.responses_published` in the publishing transaction, whose row
-- lock makes the responses of one drill commit in `seq` order on either engine.
ALTER TABLE drills ADD COLUMN responses_published BIGINT NOT NULL DEFAULT 0;
ALTER TABLE drill_responses ADD COLUMN seq BIGINT NOT NULL DEFAULT 0;

-- Responses published before this migration keep the order they were shown in.
UPDATE drill_responses SET seq = (
    SELECT o.n FROM (
        SELECT id, ROW_NUMBER() OVER (PARTITION BY drill_id ORDER BY drill_ms, published_at, id) AS n
        FROM drill_responses
    ) o
    WHERE o.id = drill_responses.id
);
UPDATE drills SET responses_published = (
    SELECT COUNT(*) FROM drill_responses r WHERE r.drill_id = drills.id
);
CREATE UNIQUE INDEX drill_responses_by_seq ON drill_responses(drill_id, seq);
