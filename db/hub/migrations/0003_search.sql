-- Hub version 3: searching the hub's articles; following a relation to the articles it
-- cites; subscribing to part of a collection.
--
-- Row-level security keeps PostgreSQL from using an index whose operator is not
-- "leakproof" before it has checked the policy on every row: a member's full-text search
-- (@@) or jsonb lookup (->>, @>) would read the whole table. So these run in functions
-- with the owner's rights, which check the grant themselves, on the member who logged in
-- (session_user: a member cannot change it; SET ROLE changes current_user only). They
-- return only what that member may read.

-- The articles' search vector (version 1) is their title and body folded by unaccent and
-- lower-cased; the configuration "folded" does the same word by word, so that a query is
-- folded alike and ts_headline finds the accented words of the text it shows ("Sao
-- Paulo" marks "São Paulo").
CREATE TEXT SEARCH CONFIGURATION folded (COPY = pg_catalog.simple);
ALTER TEXT SEARCH CONFIGURATION folded
	ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part, numword, numhword, hword_numpart
	WITH unaccent, simple;

-- reads says whether the member who logged in may read the collection.
CREATE FUNCTION reads(coll uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = dossier_hub, pg_temp AS
$$ SELECT EXISTS (SELECT 1 FROM dossier_hub.grants g WHERE g.member = session_user AND g.collection_id = coll) $$;

-- search_articles finds the articles matching query (web-search syntax) in the
-- collection named coll (every collection the member may read when ''), best first, at
-- most lim, each with a passage of its body, the matches between STX and ETX; matches is
-- how many articles match, counted up to 1,001. When more than 1,000 match, the best are
-- picked from the 1,000 most recently changed: ranking them all reads every matching
-- article, seconds on a large hub. Those are found in a window of the latest change
-- numbers, widened until it holds 1,000 matches, so that only they are read.
CREATE FUNCTION search_articles(query text, coll text, lim int)
RETURNS TABLE(h_collection text, h_uuid uuid, h_title text, h_date text, h_source text, h_rank real, h_snippet text, h_created_by name, h_matches int)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = dossier_hub, pg_temp AS $$
DECLARE
	cap constant int := 1000;
	q tsquery := websearch_to_tsquery('dossier_hub.folded', query);
	colls uuid[];
	n int;
	top bigint;
	win bigint := 20000;
	opts text := 'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MinWords=15, MaxWords=35, MaxFragments=1, FragmentDelimiter=" … "';
	matching text := 'SELECT r.collection_id, r.uuid, r.data, r.created_by, r.search, r.seq FROM dossier_hub.records r
		WHERE r.kind = ''article'' AND NOT r.deleted AND r.search @@ $1 AND r.collection_id = ANY($2)';
	pick text;
BEGIN
	SELECT array_agg(g.collection_id) INTO colls FROM dossier_hub.grants g JOIN dossier_hub.collections c ON c.id = g.collection_id
		WHERE g.member = session_user AND (coll = '' OR c.name = coll);
	IF colls IS NULL THEN
		RETURN;
	END IF;
	-- EXECUTE plans each statement for its own words and window.
	EXECUTE 'SELECT count(*) FROM (' || matching || ' LIMIT ' || (cap + 1) || ') m' INTO n USING q, colls;
	pick := matching;
	IF n > cap THEN
		SELECT max(r.seq) INTO top FROM unnest(colls) AS c(id),
			LATERAL (SELECT max(x.seq) AS seq FROM dossier_hub.records x WHERE x.collection_id = c.id) r;
		LOOP
			EXECUTE 'SELECT count(*) FROM (' || matching || ' AND r.seq > $3 LIMIT ' || cap || ') m' INTO n USING q, colls, top - win;
			EXIT WHEN n >= cap OR win >= top;
			win := win * greatest(2, least(50, ceil(1.5 * cap / greatest(n, 1))));
		END LOOP;
		pick := matching || ' AND r.seq > ' || (top - win) || ' ORDER BY r.seq DESC LIMIT ' || cap;
		n := cap + 1;
	END IF;
	RETURN QUERY EXECUTE 'WITH m AS (' || pick || '),
		best AS (SELECT m.*, ts_rank_cd(m.search, $1) AS rk FROM m ORDER BY rk DESC, m.uuid LIMIT $3)
		SELECT c.name, b.uuid, coalesce(b.data->>''title'', ''''), coalesce(b.data->>''date'', ''''),
			coalesce(b.data->''outlet''->>''name'', ''''), b.rk,
			ts_headline(''dossier_hub.folded'', coalesce(b.data->>''body'', ''''), $1, $4), b.created_by, $5
		FROM best b JOIN dossier_hub.collections c ON c.id = b.collection_id ORDER BY b.rk DESC, b.uuid'
		USING q, colls, lim, opts, n;
END $$;

-- The relations that cite an article (copying an article with the relations it backs,
-- subscribing to part of a collection): jsonb containment on the evidence list.
CREATE INDEX records_evidence ON records USING gin ((data->'evidence') jsonb_path_ops) WHERE kind = 'relation';

-- citing returns the live relations of coll quoting any of the articles.
CREATE FUNCTION citing(coll uuid, articles text[]) RETURNS SETOF records LANGUAGE sql STABLE SECURITY DEFINER SET search_path = dossier_hub, pg_temp AS
$$ SELECT DISTINCT ON (r.seq) r.* FROM unnest(articles) AS a(uuid)
	JOIN dossier_hub.records r ON r.kind = 'relation' AND r.collection_id = coll
		AND r.data->'evidence' @> jsonb_build_array(jsonb_build_object('article_id', a.uuid))
	WHERE NOT r.deleted AND dossier_hub.reads(coll) ORDER BY r.seq $$;

-- Subscriptions: a project that takes only the articles with some tags (lower-cased)
-- takes with them the relations quoting them, the actors those relations name, the
-- notes on any of these, and the notes' pictures. in_subscription says whether a live
-- record is in.
CREATE INDEX records_relation_source ON records(collection_id, (data->>'source_id')) WHERE kind = 'relation';
CREATE INDEX records_relation_target ON records(collection_id, (data->>'target_id')) WHERE kind = 'relation';
CREATE INDEX records_relation_speaker ON records(collection_id, (data->>'speaker_id')) WHERE kind = 'relation';

CREATE FUNCTION tagged(data jsonb, tags text[]) RETURNS boolean LANGUAGE sql IMMUTABLE AS
$$ SELECT string_to_array(lower(coalesce(data->>'tags', '')), E'\n') && tags $$;

-- The helpers below read without the policy: only in_subscription, which checks the
-- grant, may call them.
CREATE FUNCTION article_in(coll uuid, article text, tags text[]) RETURNS boolean LANGUAGE sql STABLE AS
$$ SELECT article IS NOT NULL AND EXISTS (SELECT 1 FROM dossier_hub.records a
	WHERE a.collection_id = coll AND a.kind = 'article' AND a.uuid = article::uuid AND NOT a.deleted AND dossier_hub.tagged(a.data, tags)) $$;

CREATE FUNCTION relation_in(coll uuid, rel jsonb, tags text[]) RETURNS boolean LANGUAGE sql STABLE AS
$$ SELECT EXISTS (SELECT 1 FROM jsonb_array_elements(CASE WHEN jsonb_typeof(rel->'evidence') = 'array' THEN rel->'evidence' ELSE '[]' END) e
	WHERE dossier_hub.article_in(coll, e->>'article_id', tags)) $$;

CREATE FUNCTION actor_in(coll uuid, actor text, tags text[]) RETURNS boolean LANGUAGE sql STABLE AS
$$ SELECT actor IS NOT NULL AND EXISTS (SELECT 1 FROM dossier_hub.records x WHERE x.collection_id = coll AND x.kind = 'relation' AND NOT x.deleted
	AND (x.data->>'source_id' = actor OR x.data->>'target_id' = actor OR x.data->>'speaker_id' = actor)
	AND dossier_hub.relation_in(coll, x.data, tags)) $$;

CREATE FUNCTION in_subscription(coll uuid, kind text, id uuid, data jsonb, tags text[]) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = dossier_hub, pg_temp AS
$$ SELECT dossier_hub.reads(coll) AND CASE kind
	WHEN 'article' THEN dossier_hub.tagged(data, tags)
	WHEN 'relation' THEN dossier_hub.relation_in(coll, data, tags)
	WHEN 'actor' THEN dossier_hub.actor_in(coll, id::text, tags)
	WHEN 'note' THEN dossier_hub.article_in(coll, data->>'article_id', tags)
		OR dossier_hub.actor_in(coll, data->>'actor_id', tags)
		OR EXISTS (SELECT 1 FROM dossier_hub.records x WHERE x.collection_id = coll AND x.kind = 'relation'
			AND x.uuid = (data->>'relation_id')::uuid AND NOT x.deleted AND dossier_hub.relation_in(coll, x.data, tags))
	-- A note's pictures never change and are few: a subscribed project takes them all,
	-- so that a note it takes, now or later, shows them.
	WHEN 'note_image' THEN true
	ELSE false END $$;

REVOKE ALL ON FUNCTION reads(uuid), search_articles(text, text, int), citing(uuid, text[]), article_in(uuid, text, text[]),
	relation_in(uuid, jsonb, text[]), actor_in(uuid, text, text[]), in_subscription(uuid, text, uuid, jsonb, text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION reads(uuid), search_articles(text, text, int), citing(uuid, text[]), in_subscription(uuid, text, uuid, jsonb, text[])
	TO dossier_hub_member;
