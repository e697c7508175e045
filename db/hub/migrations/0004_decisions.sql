-- Hub version 4: the researcher's decisions travel too (issue 14). Which actor a mention
-- is (mention_decision) and the names dismissed from the suggestions
-- (dismissed_suggestion) were allowed as kinds since version 1; pairs of actors said not
-- to be the same (not_same) join them. They are records of the collection like the
-- others: read and written by grant, stamped, kept in history.
ALTER TABLE records DROP CONSTRAINT records_kind_check;
ALTER TABLE records ADD CONSTRAINT records_kind_check CHECK (kind IN ('article', 'actor', 'relation', 'evidence', 'note',
	'relation_type', 'outlet', 'mention_decision', 'dismissed_suggestion', 'note_image', 'not_same'));

-- Where the project network places each actor is each member's own way of looking at
-- the collection, not the team's: it follows a member from one laptop to another, and
-- no colleague reads it or moves it. A member's positions are numbered from the same
-- change numbers as the records (a pull reads both in one order), and the collection's
-- write grant is needed to keep them, as for anything written into a collection. No
-- history: a position is a preference, not a finding to trace.
CREATE TABLE positions (
	collection_id uuid NOT NULL REFERENCES collections(id),
	member        name NOT NULL DEFAULT current_user,
	actor         uuid NOT NULL,
	data          jsonb NOT NULL,
	deleted       boolean NOT NULL DEFAULT false,
	updated_at    timestamptz NOT NULL DEFAULT now(),
	seq           bigint NOT NULL DEFAULT nextval('change_seq'),
	PRIMARY KEY (collection_id, member, actor)
);
CREATE INDEX positions_seq ON positions(collection_id, member, seq);

-- The server stamps whose and when: a client cannot write into another member's.
CREATE FUNCTION stamp_position() RETURNS trigger LANGUAGE plpgsql SET search_path = dossier_hub, public, pg_temp AS $$
BEGIN
	IF TG_OP = 'INSERT' THEN
		NEW.member := current_user;
	ELSE
		NEW.member := OLD.member;
	END IF;
	NEW.updated_at := now();
	NEW.seq := nextval('change_seq');
	RETURN NEW;
END $$;
CREATE TRIGGER positions_stamp BEFORE INSERT OR UPDATE ON positions FOR EACH ROW EXECUTE FUNCTION stamp_position();

ALTER TABLE positions ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_positions ON positions FOR SELECT
	USING (member = current_user AND EXISTS (SELECT 1 FROM grants g WHERE g.member = current_user AND g.collection_id = positions.collection_id));
CREATE POLICY add_positions ON positions FOR INSERT
	WITH CHECK (member = current_user AND EXISTS (SELECT 1 FROM grants g WHERE g.member = current_user
		AND g.collection_id = positions.collection_id AND g.can_write));
CREATE POLICY change_positions ON positions FOR UPDATE
	USING (member = current_user AND EXISTS (SELECT 1 FROM grants g WHERE g.member = current_user
		AND g.collection_id = positions.collection_id AND g.can_write))
	WITH CHECK (member = current_user AND EXISTS (SELECT 1 FROM grants g WHERE g.member = current_user
		AND g.collection_id = positions.collection_id AND g.can_write));
GRANT SELECT, INSERT, UPDATE ON positions TO dossier_hub_member;

-- A subscribed project takes the decisions on what it takes: a mention's decision with
-- its article, a "not the same" with both its actors, and every dismissed name (few, and
-- about names, not records).
CREATE OR REPLACE FUNCTION in_subscription(coll uuid, kind text, id uuid, data jsonb, tags text[]) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = dossier_hub, pg_temp AS
$$ SELECT dossier_hub.reads(coll) AND CASE kind
	WHEN 'article' THEN dossier_hub.tagged(data, tags)
	WHEN 'relation' THEN dossier_hub.relation_in(coll, data, tags)
	WHEN 'actor' THEN dossier_hub.actor_in(coll, id::text, tags)
	WHEN 'note' THEN dossier_hub.article_in(coll, data->>'article_id', tags)
		OR dossier_hub.actor_in(coll, data->>'actor_id', tags)
		OR EXISTS (SELECT 1 FROM dossier_hub.records x WHERE x.collection_id = coll AND x.kind = 'relation'
			AND x.uuid = (data->>'relation_id')::uuid AND NOT x.deleted AND dossier_hub.relation_in(coll, x.data, tags))
	WHEN 'note_image' THEN true
	WHEN 'mention_decision' THEN dossier_hub.article_in(coll, data->>'article_id', tags)
	WHEN 'not_same' THEN dossier_hub.actor_in(coll, data->>'a', tags) AND dossier_hub.actor_in(coll, data->>'b', tags)
	WHEN 'dismissed_suggestion' THEN true
	ELSE false END $$;
