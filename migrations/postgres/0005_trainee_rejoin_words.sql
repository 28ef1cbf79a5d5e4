-- Each trainee's rejoin word: a common word and two digits ("maple42"), shown to the trainee
-- on their class page and before they leave a shared Chromebook. Joining again with a name
-- already in the class needs that name's word, so two people typing the same name are never
-- merged, and someone already in a class closed to new joins can still come back.
-- Trainees who joined before this column existed get a word when the database is opened
-- (Store::open), so the empty default never lasts.
ALTER TABLE trainees ADD COLUMN rejoin_word TEXT NOT NULL DEFAULT '';
