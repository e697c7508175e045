-- Hub version 5: a subscribed pull asks, for each changed actor, whether a relation in
-- the subscription names it. Version 3 asked it as one OR of the three ends
-- (source_id, target_id, speaker_id): PostgreSQL read the whole records table for each
-- actor (1.3 s on a hub of 2 million records), never the three indexes made for this
-- in version 3. Each end is now asked on its own, in the very terms of its partial index
-- (the same expression, kind = 'relation'), so that each is an index scan of the few
-- relations naming the actor.
CREATE OR REPLACE FUNCTION actor_in(coll uuid, actor text, tags text[]) RETURNS boolean LANGUAGE sql STABLE AS
$$ SELECT actor IS NOT NULL AND (
	EXISTS (SELECT 1 FROM dossier_hub.records x WHERE x.collection_id = coll AND x.kind = 'relation' AND x.data->>'source_id' = actor
		AND NOT x.deleted AND dossier_hub.relation_in(coll, x.data, tags))
	OR EXISTS (SELECT 1 FROM dossier_hub.records x WHERE x.collection_id = coll AND x.kind = 'relation' AND x.data->>'target_id' = actor
		AND NOT x.deleted AND dossier_hub.relation_in(coll, x.data, tags))
	OR EXISTS (SELECT 1 FROM dossier_hub.records x WHERE x.collection_id = coll AND x.kind = 'relation' AND x.data->>'speaker_id' = actor
		AND NOT x.deleted AND dossier_hub.relation_in(coll, x.data, tags))) $$;

-- CREATE OR REPLACE keeps a function's rights; said again so that this file alone shows
-- that only in_subscription (owner's rights, grant checked) may call actor_in.
REVOKE ALL ON FUNCTION actor_in(uuid, text, text[]) FROM PUBLIC;
