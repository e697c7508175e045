-- Suggested actors (issue #4). Suggestions are computed from an article's text when it is
-- shown and never stored; only the names the user dismissed are kept, folded (lower case,
-- no diacritics, as aliases.folded), so that a dismissed name stays dismissed in every
-- article of the project however it is written.
CREATE TABLE dismissed_suggestions (
	id        INTEGER PRIMARY KEY,
	name      TEXT NOT NULL, -- as the user saw it
	folded    TEXT NOT NULL UNIQUE,
	dismissed TEXT NOT NULL
) STRICT;
