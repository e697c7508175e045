-- The hub, version 2: a change log of actors and relations (issue 14, point 4), and
-- notes' pictures as records. Every change a member makes to an actor or relation leaves
-- a row in the log, written by the database itself (a
-- trigger no client can skip or forge): who, when, the record before and after, and the
-- change number it gave the record. A wrong edit can be traced and reverted: a revert is
-- a new change that writes the earlier version back, syncing to everyone like any edit.
CREATE TABLE changes (
	seq            bigint PRIMARY KEY, -- the change number this change gave the record
	collection_id  uuid NOT NULL,
	kind           text NOT NULL,
	uuid           uuid NOT NULL,
	before         jsonb, -- NULL: this change created the record
	before_deleted boolean NOT NULL DEFAULT false,
	after          jsonb NOT NULL,
	deleted        boolean NOT NULL,
	changed_by     name NOT NULL,
	changed_at     timestamptz NOT NULL,
	reverts        bigint -- the change this one undid, when it is a revert
);
-- A record's changes, newest first (history --record, the dossier's History…; a UUID
-- names one record whatever its kind).
CREATE INDEX changes_record ON changes(collection_id, uuid, seq);
CREATE INDEX changes_collection ON changes(collection_id, seq);

-- Runs with its owner's rights: members may not write the log themselves. A revert says
-- which change it undoes (dossier_hub.reverts, set for its transaction); the note is kept
-- only when that change is one of this record's.
CREATE FUNCTION log_change() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = dossier_hub, pg_temp AS $$
DECLARE
	undone bigint := nullif(current_setting('dossier_hub.reverts', true), '')::bigint;
BEGIN
	IF NEW.kind NOT IN ('actor', 'relation') THEN
		RETURN NULL;
	END IF;
	IF undone IS NOT NULL AND NOT EXISTS (SELECT 1 FROM changes c WHERE c.seq = undone
			AND c.collection_id = NEW.collection_id AND c.kind = NEW.kind AND c.uuid = NEW.uuid) THEN
		undone := NULL;
	END IF;
	IF TG_OP = 'INSERT' THEN
		INSERT INTO changes(seq, collection_id, kind, uuid, before, before_deleted, after, deleted, changed_by, changed_at, reverts)
			VALUES (NEW.seq, NEW.collection_id, NEW.kind, NEW.uuid, NULL, false, NEW.data, NEW.deleted, NEW.updated_by, NEW.updated_at, undone);
	ELSE
		INSERT INTO changes(seq, collection_id, kind, uuid, before, before_deleted, after, deleted, changed_by, changed_at, reverts)
			VALUES (NEW.seq, NEW.collection_id, NEW.kind, NEW.uuid, OLD.data, OLD.deleted, NEW.data, NEW.deleted, NEW.updated_by, NEW.updated_at, undone);
	END IF;
	RETURN NULL;
END $$;
CREATE TRIGGER records_changes AFTER INSERT OR UPDATE ON records FOR EACH ROW EXECUTE FUNCTION log_change();

-- The changes made before this version: every earlier version is in history, the
-- newest in records; each change's before is the version preceding it.
INSERT INTO changes(seq, collection_id, kind, uuid, before, before_deleted, after, deleted, changed_by, changed_at)
SELECT v.seq, v.collection_id, v.kind, v.uuid, lag(v.data) OVER w, coalesce(lag(v.deleted) OVER w, false),
	v.data, v.deleted, v.changed_by, v.changed_at
FROM (SELECT collection_id, kind, uuid, data, deleted, changed_by, changed_at, seq FROM history WHERE kind IN ('actor', 'relation')
	UNION ALL
	SELECT collection_id, kind, uuid, data, deleted, updated_by, updated_at, seq FROM records WHERE kind IN ('actor', 'relation')) v
WINDOW w AS (PARTITION BY v.collection_id, v.kind, v.uuid ORDER BY v.seq);

ALTER TABLE changes ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_changes ON changes FOR SELECT
	USING (EXISTS (SELECT 1 FROM grants g WHERE g.member = current_user AND g.collection_id = changes.collection_id));
GRANT SELECT ON changes TO dossier_hub_member;

-- A note's pictures travel too (kind note_image): a note synced without them would show
-- none on a colleague's laptop.
ALTER TABLE records DROP CONSTRAINT records_kind_check;
ALTER TABLE records ADD CONSTRAINT records_kind_check CHECK (kind IN ('article', 'actor', 'relation', 'evidence', 'note',
	'relation_type', 'outlet', 'mention_decision', 'dismissed_suggestion', 'note_image'));
