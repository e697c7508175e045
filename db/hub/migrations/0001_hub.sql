-- The team hub, version 1: every record a project syncs, as versioned JSON keyed by its
-- collection, kind and UUID; who made and last changed it, stamped by the server; a change
-- history; and access enforced by PostgreSQL itself (roles and row-level security), so a
-- researcher's app cannot read a collection it was not granted even when modified.
CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA dossier_hub;

-- Members of every hub of the cluster: the role add-user gives, holding the table rights;
-- which collections each member reads or writes is in grants.
DO $$ BEGIN
	IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'dossier_hub_member') THEN
		CREATE ROLE dossier_hub_member NOLOGIN;
	END IF;
END $$;

CREATE TABLE collections (
	id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	name       text NOT NULL UNIQUE CHECK (name <> ''),
	created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE grants (
	member        name NOT NULL,
	collection_id uuid NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
	can_write     boolean NOT NULL,
	PRIMARY KEY (member, collection_id)
);

CREATE SEQUENCE change_seq;

CREATE TABLE records (
	collection_id uuid NOT NULL REFERENCES collections(id),
	kind          text NOT NULL CHECK (kind IN ('article', 'actor', 'relation', 'evidence', 'note',
		'relation_type', 'outlet', 'mention_decision', 'dismissed_suggestion')),
	uuid          uuid NOT NULL,
	data          jsonb NOT NULL,
	deleted       boolean NOT NULL DEFAULT false, -- a deletion marker: rows are never removed
	created_by    name NOT NULL DEFAULT current_user,
	created_at    timestamptz NOT NULL DEFAULT now(),
	updated_by    name NOT NULL DEFAULT current_user,
	updated_at    timestamptz NOT NULL DEFAULT now(),
	seq           bigint NOT NULL DEFAULT nextval('change_seq'), -- what a sync asks for: seq > its last
	search        tsvector, -- articles only: title and body, accents folded
	PRIMARY KEY (collection_id, kind, uuid)
);
CREATE INDEX records_seq ON records(collection_id, seq);
CREATE INDEX records_search ON records USING gin (search) WHERE kind = 'article';

-- Every earlier state of a changed record, with who changed it and when.
CREATE TABLE history (
	id            bigserial PRIMARY KEY,
	collection_id uuid NOT NULL,
	kind          text NOT NULL,
	uuid          uuid NOT NULL,
	data          jsonb NOT NULL,
	deleted       boolean NOT NULL,
	changed_by    name NOT NULL,
	changed_at    timestamptz NOT NULL,
	seq           bigint NOT NULL
);
CREATE INDEX history_record ON history(collection_id, kind, uuid, id);

-- The server stamps who and when: a client cannot write another member's name.
CREATE FUNCTION stamp_record() RETURNS trigger LANGUAGE plpgsql SET search_path = dossier_hub, public, pg_temp AS $$
BEGIN
	IF TG_OP = 'INSERT' THEN
		NEW.created_by := current_user;
		NEW.created_at := now();
	ELSE
		NEW.created_by := OLD.created_by;
		NEW.created_at := OLD.created_at;
	END IF;
	NEW.updated_by := current_user;
	NEW.updated_at := now();
	NEW.seq := nextval('change_seq');
	IF NEW.kind = 'article' THEN
		NEW.search := to_tsvector('simple', unaccent(coalesce(NEW.data->>'title', '') || ' ' || coalesce(NEW.data->>'body', '')));
	END IF;
	RETURN NEW;
END $$;
CREATE TRIGGER records_stamp BEFORE INSERT OR UPDATE ON records FOR EACH ROW EXECUTE FUNCTION stamp_record();

-- Members may not write history themselves: the function runs with its owner's rights.
CREATE FUNCTION keep_history() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = dossier_hub, pg_temp AS $$
BEGIN
	INSERT INTO history(collection_id, kind, uuid, data, deleted, changed_by, changed_at, seq)
		VALUES (OLD.collection_id, OLD.kind, OLD.uuid, OLD.data, OLD.deleted, OLD.updated_by, OLD.updated_at, OLD.seq);
	RETURN NULL;
END $$;
CREATE TRIGGER records_history AFTER UPDATE ON records FOR EACH ROW EXECUTE FUNCTION keep_history();

-- Access: a member sees its own grants, the collections granted, and their records and
-- history; it adds and changes records only where its grant allows writing. Nobody but the
-- owner deletes a record.
ALTER TABLE grants ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_grants ON grants FOR SELECT USING (member = current_user);
ALTER TABLE collections ENABLE ROW LEVEL SECURITY;
CREATE POLICY granted_collections ON collections FOR SELECT
	USING (EXISTS (SELECT 1 FROM grants g WHERE g.member = current_user AND g.collection_id = collections.id));
ALTER TABLE records ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_records ON records FOR SELECT
	USING (EXISTS (SELECT 1 FROM grants g WHERE g.member = current_user AND g.collection_id = records.collection_id));
CREATE POLICY add_records ON records FOR INSERT
	WITH CHECK (EXISTS (SELECT 1 FROM grants g WHERE g.member = current_user AND g.collection_id = records.collection_id AND g.can_write));
CREATE POLICY change_records ON records FOR UPDATE
	USING (EXISTS (SELECT 1 FROM grants g WHERE g.member = current_user AND g.collection_id = records.collection_id AND g.can_write))
	WITH CHECK (EXISTS (SELECT 1 FROM grants g WHERE g.member = current_user AND g.collection_id = records.collection_id AND g.can_write));
ALTER TABLE history ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_history ON history FOR SELECT
	USING (EXISTS (SELECT 1 FROM grants g WHERE g.member = current_user AND g.collection_id = history.collection_id));

GRANT USAGE ON SCHEMA dossier_hub TO dossier_hub_member;
GRANT SELECT ON collections, grants, history, migrations TO dossier_hub_member;
GRANT SELECT, INSERT, UPDATE ON records TO dossier_hub_member;
GRANT USAGE ON SEQUENCE change_seq TO dossier_hub_member;
