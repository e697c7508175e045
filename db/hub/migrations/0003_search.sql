-- Hub version 3: searching the hub's articles, and following a relation to the articles
-- it cites. The articles' search vector (version 1) is their title and body folded by
-- unaccent and lower-cased; the configuration "folded" does the same word by word, so
-- that a query is folded alike and ts_headline finds the accented words of the text it
-- shows ("Sao Paulo" marks "São Paulo").
CREATE TEXT SEARCH CONFIGURATION folded (COPY = pg_catalog.simple);
ALTER TEXT SEARCH CONFIGURATION folded
	ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part, numword, numhword, hword_numpart
	WITH unaccent, simple;

-- The relations that cite an article (copying an article with the relations it backs,
-- subscribing to part of a collection): jsonb containment on the evidence list.
CREATE INDEX records_evidence ON records USING gin ((data->'evidence') jsonb_path_ops) WHERE kind = 'relation';
