-- Duplicate actors and reversible merges (issue #9).

-- Pairs of actors the user said are not the same: never proposed as duplicates again.
-- Ids, not foreign keys: an actor merged away and brought back by an undo keeps its id,
-- and the decision with it.
CREATE TABLE not_same (
	a_id    INTEGER NOT NULL,
	b_id    INTEGER NOT NULL,
	decided TEXT NOT NULL,
	PRIMARY KEY (a_id, b_id),
	CHECK (a_id < b_id)
) STRICT;

-- The undo journal of each merge: the dropped actor's row and names, the kept actor's
-- fields before and after, and the id of every row that moved (relations with the column
-- that named the dropped actor, notes, mentions with their place and status), as JSON.
-- An undo gives back only rows that still point where the merge put them, so later edits
-- stand.
CREATE TABLE merges (
	id           INTEGER PRIMARY KEY,
	kept_id      INTEGER NOT NULL,
	dropped_id   INTEGER NOT NULL,
	kept_name    TEXT NOT NULL,
	dropped_name TEXT NOT NULL,
	merged       TEXT NOT NULL,
	undone       TEXT NOT NULL DEFAULT '',
	journal      TEXT NOT NULL
) STRICT;
CREATE INDEX merges_kept ON merges(kept_id);
CREATE INDEX merges_dropped ON merges(dropped_id);
