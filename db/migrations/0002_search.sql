-- Full-text search over actors and notes (issue #3). Articles are indexed since version 1
-- (articles_fts); the same tokenizer folds case and diacritics everywhere, so that
-- "Ferrández" and "Ferrandez" find each other.

-- Actors: one row per actor, its id as rowid, with its name, its other names (aliases live
-- in their own table, so the text is built here) joined by newlines, its description and
-- its notes. It keeps its own copy of the text (actors are few and small) so that snippet()
-- works and so that any trigger can rewrite a row without knowing what was indexed before.
CREATE VIRTUAL TABLE actors_fts USING fts5(
	name, aliases, description, notes,
	tokenize='unicode61 remove_diacritics 2'
);

-- Every trigger rewrites the whole row of the actor concerned from the tables: simpler and
-- safer than patching, and cheap (a few names and a paragraph). A trashed actor has no row.
CREATE TRIGGER actors_fts_ai AFTER INSERT ON actors BEGIN
	INSERT INTO actors_fts(rowid, name, aliases, description, notes)
	SELECT new.id, new.name,
		coalesce((SELECT group_concat(text, char(10) ORDER BY id) FROM aliases WHERE actor_id = new.id AND is_name = 0), ''),
		new.description, new.notes
	WHERE new.deleted = '';
END;
CREATE TRIGGER actors_fts_au AFTER UPDATE OF name, description, notes, deleted ON actors BEGIN
	DELETE FROM actors_fts WHERE rowid = old.id;
	INSERT INTO actors_fts(rowid, name, aliases, description, notes)
	SELECT new.id, new.name,
		coalesce((SELECT group_concat(text, char(10) ORDER BY id) FROM aliases WHERE actor_id = new.id AND is_name = 0), ''),
		new.description, new.notes
	WHERE new.deleted = '';
END;
CREATE TRIGGER actors_fts_ad AFTER DELETE ON actors BEGIN
	DELETE FROM actors_fts WHERE rowid = old.id;
END;

-- An alias written, changed or removed rewrites its actor's row (writeAliases replaces an
-- actor's aliases one row at a time, so this runs a few times per save: a few names each).
CREATE TRIGGER aliases_fts_ai AFTER INSERT ON aliases BEGIN
	DELETE FROM actors_fts WHERE rowid = new.actor_id;
	INSERT INTO actors_fts(rowid, name, aliases, description, notes)
	SELECT a.id, a.name,
		coalesce((SELECT group_concat(text, char(10) ORDER BY id) FROM aliases WHERE actor_id = a.id AND is_name = 0), ''),
		a.description, a.notes
	FROM actors a WHERE a.id = new.actor_id AND a.deleted = '';
END;
CREATE TRIGGER aliases_fts_ad AFTER DELETE ON aliases BEGIN
	DELETE FROM actors_fts WHERE rowid = old.actor_id;
	INSERT INTO actors_fts(rowid, name, aliases, description, notes)
	SELECT a.id, a.name,
		coalesce((SELECT group_concat(text, char(10) ORDER BY id) FROM aliases WHERE actor_id = a.id AND is_name = 0), ''),
		a.description, a.notes
	FROM actors a WHERE a.id = old.actor_id AND a.deleted = '';
END;
CREATE TRIGGER aliases_fts_au AFTER UPDATE ON aliases BEGIN
	DELETE FROM actors_fts WHERE rowid IN (old.actor_id, new.actor_id);
	INSERT INTO actors_fts(rowid, name, aliases, description, notes)
	SELECT a.id, a.name,
		coalesce((SELECT group_concat(text, char(10) ORDER BY id) FROM aliases WHERE actor_id = a.id AND is_name = 0), ''),
		a.description, a.notes
	FROM actors a WHERE a.id IN (old.actor_id, new.actor_id) AND a.deleted = '';
END;

-- Backfill the actors of a project made before this version.
INSERT INTO actors_fts(rowid, name, aliases, description, notes)
SELECT a.id, a.name,
	coalesce((SELECT group_concat(text, char(10) ORDER BY id) FROM aliases WHERE actor_id = a.id AND is_name = 0), ''),
	a.description, a.notes
FROM actors a WHERE a.deleted = '';

-- Notes: external content over the notes table, kept in sync by triggers as articles_fts is.
CREATE VIRTUAL TABLE notes_fts USING fts5(
	body,
	content='notes', content_rowid='id',
	tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER notes_fts_ai AFTER INSERT ON notes BEGIN
	INSERT INTO notes_fts(rowid, body) VALUES (new.id, new.body);
END;
CREATE TRIGGER notes_fts_ad AFTER DELETE ON notes BEGIN
	INSERT INTO notes_fts(notes_fts, rowid, body) VALUES ('delete', old.id, old.body);
END;
CREATE TRIGGER notes_fts_au AFTER UPDATE OF body ON notes BEGIN
	INSERT INTO notes_fts(notes_fts, rowid, body) VALUES ('delete', old.id, old.body);
	INSERT INTO notes_fts(rowid, body) VALUES (new.id, new.body);
END;
INSERT INTO notes_fts(notes_fts) VALUES ('rebuild');

