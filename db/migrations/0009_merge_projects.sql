-- Merging a colleague's project (issue 13), and later syncing with a team hub (issue 14),
-- match records by UUID and compare their `updated` stamps. What the schema lacked:
-- a mark for every record removed for good (a trashed article or actor keeps its row and
-- its `deleted` stamp; a relation, note or piece of evidence deleted, or an actor merged
-- away or purged, leaves no row), so that "they deleted it" can be told from "I never
-- had it"; this project's identity; and when it last merged with each other project.
-- No time is kept: the store's clock is the only source of time (a trigger has none).
CREATE TABLE tombstones (
	kind    TEXT NOT NULL, -- actor, article, relation, evidence, note
	uuid    TEXT NOT NULL,
	PRIMARY KEY (kind, uuid)
) STRICT;
CREATE TRIGGER actors_tombstone AFTER DELETE ON actors BEGIN
	INSERT OR IGNORE INTO tombstones VALUES ('actor', OLD.uuid);
END;
CREATE TRIGGER articles_tombstone AFTER DELETE ON articles BEGIN
	INSERT OR IGNORE INTO tombstones VALUES ('article', OLD.uuid);
END;
CREATE TRIGGER relations_tombstone AFTER DELETE ON relations BEGIN
	INSERT OR IGNORE INTO tombstones VALUES ('relation', OLD.uuid);
END;
CREATE TRIGGER evidence_tombstone AFTER DELETE ON evidence BEGIN
	INSERT OR IGNORE INTO tombstones VALUES ('evidence', OLD.uuid);
END;
CREATE TRIGGER notes_tombstone AFTER DELETE ON notes BEGIN
	INSERT OR IGNORE INTO tombstones VALUES ('note', OLD.uuid);
END;

-- One row: the project's own identity. A copy of the file shares it, which is right: a
-- copy and its original are the same project parted.
CREATE TABLE project_identity (uuid TEXT NOT NULL) STRICT;
INSERT INTO project_identity VALUES (lower(hex(randomblob(16))));

-- When this project last took in another one (by that one's identity): a record changed
-- on one side only since then is simply taken; changed on both sides, it is a conflict.
CREATE TABLE merge_peers (
	peer   TEXT PRIMARY KEY,
	merged TEXT NOT NULL
) STRICT;
