-- Search that standard tools can read, that folds what the tokenizer does not, and that
-- finds relations (issue #7).
--
-- 1. The schema loads in the sqlite3 of Debian 12 / Ubuntu 22.04 (SQLite 3.40). The triggers
--    of migration 0002 used group_concat(... ORDER BY ...), which needs SQLite 3.44: older
--    tools called the whole file a "malformed schema". They are made again here with the
--    aliases ordered by a subquery instead (SQLite feeds an aggregate the rows of an ordered
--    subquery in that order). Nothing in the final schema may need a SQLite newer than 3.40:
--    TestSchemaReadableBySystemSQLite opens projects with the system's sqlite3 to check.
--
-- 2. Every full-text index holds its text folded as app.Fold folds it, for the letters the
--    tokenizer (unicode61 remove_diacritics 2) keeps as they are: ı ø ł đ and the capitals
--    (Işık is indexed as isik, so Isik finds it, as mention linking does). The same
--    replacements are made on the query (db.ftsFold, which TestSearchFoldsLikeMentions holds
--    to this list). articles_fts and notes_fts are external-content tables: their index no
--    longer matches the raw text of the rows, so they must never be rebuilt with
--    ('rebuild'), only by deleting and inserting folded rows as the triggers do.
--
-- 3. relations_fts indexes each relation's wording ("Donald Trump threatens Iraq"), the quotes
--    of its evidence and its note, kept in sync by triggers whoever writes relations,
--    evidence, actor names or relation types.

DROP TRIGGER articles_ai;
DROP TRIGGER articles_ad;
DROP TRIGGER articles_au;

CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
	INSERT INTO articles_fts(rowid, title, body, notes) VALUES (new.id, replace(replace(replace(replace(replace(replace(replace(new.title, 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'), replace(replace(replace(replace(replace(replace(replace(new.body, 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'), replace(replace(replace(replace(replace(replace(replace(new.notes, 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'));
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
	INSERT INTO articles_fts(articles_fts, rowid, title, body, notes) VALUES ('delete', old.id, replace(replace(replace(replace(replace(replace(replace(old.title, 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'), replace(replace(replace(replace(replace(replace(replace(old.body, 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'), replace(replace(replace(replace(replace(replace(replace(old.notes, 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'));
END;
CREATE TRIGGER articles_au AFTER UPDATE OF title, body, notes ON articles BEGIN
	INSERT INTO articles_fts(articles_fts, rowid, title, body, notes) VALUES ('delete', old.id, replace(replace(replace(replace(replace(replace(replace(old.title, 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'), replace(replace(replace(replace(replace(replace(replace(old.body, 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'), replace(replace(replace(replace(replace(replace(replace(old.notes, 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'));
	INSERT INTO articles_fts(rowid, title, body, notes) VALUES (new.id, replace(replace(replace(replace(replace(replace(replace(new.title, 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'), replace(replace(replace(replace(replace(replace(replace(new.body, 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'), replace(replace(replace(replace(replace(replace(replace(new.notes, 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'));
END;
-- Articles indexed before this version whose text holds a letter now folded: out with what
-- was indexed, in with the folded text. Other articles keep their entries, which are the same.
-- (instr finds them without building the folded copy of every body.)
INSERT INTO articles_fts(articles_fts, rowid, title, body, notes)
SELECT 'delete', a.id, a.title, a.body, a.notes FROM articles a WHERE (instr(a.title, 'ı') > 0 OR instr(a.title, 'ø') > 0 OR instr(a.title, 'Ø') > 0 OR instr(a.title, 'ł') > 0 OR instr(a.title, 'Ł') > 0 OR instr(a.title, 'đ') > 0 OR instr(a.title, 'Đ') > 0 OR instr(a.body, 'ı') > 0 OR instr(a.body, 'ø') > 0 OR instr(a.body, 'Ø') > 0 OR instr(a.body, 'ł') > 0 OR instr(a.body, 'Ł') > 0 OR instr(a.body, 'đ') > 0 OR instr(a.body, 'Đ') > 0 OR instr(a.notes, 'ı') > 0 OR instr(a.notes, 'ø') > 0 OR instr(a.notes, 'Ø') > 0 OR instr(a.notes, 'ł') > 0 OR instr(a.notes, 'Ł') > 0 OR instr(a.notes, 'đ') > 0 OR instr(a.notes, 'Đ') > 0);
INSERT INTO articles_fts(rowid, title, body, notes)
SELECT a.id, replace(replace(replace(replace(replace(replace(replace(a.title, 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'), replace(replace(replace(replace(replace(replace(replace(a.body, 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'), replace(replace(replace(replace(replace(replace(replace(a.notes, 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D') FROM articles a WHERE (instr(a.title, 'ı') > 0 OR instr(a.title, 'ø') > 0 OR instr(a.title, 'Ø') > 0 OR instr(a.title, 'ł') > 0 OR instr(a.title, 'Ł') > 0 OR instr(a.title, 'đ') > 0 OR instr(a.title, 'Đ') > 0 OR instr(a.body, 'ı') > 0 OR instr(a.body, 'ø') > 0 OR instr(a.body, 'Ø') > 0 OR instr(a.body, 'ł') > 0 OR instr(a.body, 'Ł') > 0 OR instr(a.body, 'đ') > 0 OR instr(a.body, 'Đ') > 0 OR instr(a.notes, 'ı') > 0 OR instr(a.notes, 'ø') > 0 OR instr(a.notes, 'Ø') > 0 OR instr(a.notes, 'ł') > 0 OR instr(a.notes, 'Ł') > 0 OR instr(a.notes, 'đ') > 0 OR instr(a.notes, 'Đ') > 0);

DROP TRIGGER notes_fts_ai;
DROP TRIGGER notes_fts_ad;
DROP TRIGGER notes_fts_au;

CREATE TRIGGER notes_fts_ai AFTER INSERT ON notes BEGIN
	INSERT INTO notes_fts(rowid, body) VALUES (new.id, replace(replace(replace(replace(replace(replace(replace(new.body, 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'));
END;
CREATE TRIGGER notes_fts_ad AFTER DELETE ON notes BEGIN
	INSERT INTO notes_fts(notes_fts, rowid, body) VALUES ('delete', old.id, replace(replace(replace(replace(replace(replace(replace(old.body, 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'));
END;
CREATE TRIGGER notes_fts_au AFTER UPDATE OF body ON notes BEGIN
	INSERT INTO notes_fts(notes_fts, rowid, body) VALUES ('delete', old.id, replace(replace(replace(replace(replace(replace(replace(old.body, 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'));
	INSERT INTO notes_fts(rowid, body) VALUES (new.id, replace(replace(replace(replace(replace(replace(replace(new.body, 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'));
END;
INSERT INTO notes_fts(notes_fts) VALUES ('delete-all');
INSERT INTO notes_fts(rowid, body) SELECT id, replace(replace(replace(replace(replace(replace(replace(body, 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D') FROM notes;

-- Actors: the row of an actor is written from the tables, as in migration 0002, folded.
-- The search reads the text it shows from the tables, not from this copy.
DROP TRIGGER actors_fts_ai;
DROP TRIGGER actors_fts_au;
DROP TRIGGER aliases_fts_ai;
DROP TRIGGER aliases_fts_ad;
DROP TRIGGER aliases_fts_au;

CREATE TRIGGER actors_fts_ai AFTER INSERT ON actors BEGIN
	INSERT INTO actors_fts(rowid, name, aliases, description, notes)
	SELECT a.id, replace(replace(replace(replace(replace(replace(replace(a.name, 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'),
		replace(replace(replace(replace(replace(replace(replace(coalesce((SELECT group_concat(text, char(10)) FROM (SELECT text FROM aliases WHERE actor_id = a.id AND is_name = 0 ORDER BY id)), ''), 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'),
		replace(replace(replace(replace(replace(replace(replace(a.description, 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'), replace(replace(replace(replace(replace(replace(replace(a.notes, 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D')
	FROM actors a WHERE a.id = new.id AND a.deleted = '';
END;
CREATE TRIGGER actors_fts_au AFTER UPDATE OF name, description, notes, deleted ON actors BEGIN
	DELETE FROM actors_fts WHERE rowid = old.id;
	INSERT INTO actors_fts(rowid, name, aliases, description, notes)
	SELECT a.id, replace(replace(replace(replace(replace(replace(replace(a.name, 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'),
		replace(replace(replace(replace(replace(replace(replace(coalesce((SELECT group_concat(text, char(10)) FROM (SELECT text FROM aliases WHERE actor_id = a.id AND is_name = 0 ORDER BY id)), ''), 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'),
		replace(replace(replace(replace(replace(replace(replace(a.description, 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'), replace(replace(replace(replace(replace(replace(replace(a.notes, 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D')
	FROM actors a WHERE a.id = new.id AND a.deleted = '';
END;
CREATE TRIGGER aliases_fts_ai AFTER INSERT ON aliases BEGIN
	DELETE FROM actors_fts WHERE rowid = new.actor_id;
	INSERT INTO actors_fts(rowid, name, aliases, description, notes)
	SELECT a.id, replace(replace(replace(replace(replace(replace(replace(a.name, 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'),
		replace(replace(replace(replace(replace(replace(replace(coalesce((SELECT group_concat(text, char(10)) FROM (SELECT text FROM aliases WHERE actor_id = a.id AND is_name = 0 ORDER BY id)), ''), 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'),
		replace(replace(replace(replace(replace(replace(replace(a.description, 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'), replace(replace(replace(replace(replace(replace(replace(a.notes, 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D')
	FROM actors a WHERE a.id = new.actor_id AND a.deleted = '';
END;
CREATE TRIGGER aliases_fts_ad AFTER DELETE ON aliases BEGIN
	DELETE FROM actors_fts WHERE rowid = old.actor_id;
	INSERT INTO actors_fts(rowid, name, aliases, description, notes)
	SELECT a.id, replace(replace(replace(replace(replace(replace(replace(a.name, 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'),
		replace(replace(replace(replace(replace(replace(replace(coalesce((SELECT group_concat(text, char(10)) FROM (SELECT text FROM aliases WHERE actor_id = a.id AND is_name = 0 ORDER BY id)), ''), 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'),
		replace(replace(replace(replace(replace(replace(replace(a.description, 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'), replace(replace(replace(replace(replace(replace(replace(a.notes, 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D')
	FROM actors a WHERE a.id = old.actor_id AND a.deleted = '';
END;
CREATE TRIGGER aliases_fts_au AFTER UPDATE ON aliases BEGIN
	DELETE FROM actors_fts WHERE rowid IN (old.actor_id, new.actor_id);
	INSERT INTO actors_fts(rowid, name, aliases, description, notes)
	SELECT a.id, replace(replace(replace(replace(replace(replace(replace(a.name, 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'),
		replace(replace(replace(replace(replace(replace(replace(coalesce((SELECT group_concat(text, char(10)) FROM (SELECT text FROM aliases WHERE actor_id = a.id AND is_name = 0 ORDER BY id)), ''), 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'),
		replace(replace(replace(replace(replace(replace(replace(a.description, 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'), replace(replace(replace(replace(replace(replace(replace(a.notes, 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D')
	FROM actors a WHERE a.id IN (old.actor_id, new.actor_id) AND a.deleted = '';
END;
DELETE FROM actors_fts;
INSERT INTO actors_fts(rowid, name, aliases, description, notes)
SELECT a.id, replace(replace(replace(replace(replace(replace(replace(a.name, 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'),
		replace(replace(replace(replace(replace(replace(replace(coalesce((SELECT group_concat(text, char(10)) FROM (SELECT text FROM aliases WHERE actor_id = a.id AND is_name = 0 ORDER BY id)), ''), 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'),
		replace(replace(replace(replace(replace(replace(replace(a.description, 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'), replace(replace(replace(replace(replace(replace(replace(a.notes, 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D')
FROM actors a WHERE a.deleted = '';

-- Relations: one row per relation, its id as rowid, with its own folded copy of the text
-- (relations are few and their text short). Like actors_fts, every trigger rewrites the whole
-- row of each relation concerned from the tables. A relation is indexed whatever state its
-- actors are in; the search leaves out those with an actor in the trash.
CREATE VIRTUAL TABLE relations_fts USING fts5(
	wording, quotes, note,
	tokenize='unicode61 remove_diacritics 2'
);

CREATE TRIGGER relations_fts_ai AFTER INSERT ON relations BEGIN
	INSERT INTO relations_fts(rowid, wording, quotes, note)
	SELECT r.id, replace(replace(replace(replace(replace(replace(replace(s.name || ' ' || coalesce(t.label, r.type) || ' ' || d.name, 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'),
		replace(replace(replace(replace(replace(replace(replace(coalesce((SELECT group_concat(quote, char(10)) FROM (SELECT e.quote FROM evidence e JOIN articles ea ON ea.id = e.article_id WHERE e.relation_id = r.id AND e.quote <> '' AND ea.deleted = '' ORDER BY e.id)), ''), 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'),
		replace(replace(replace(replace(replace(replace(replace(r.note, 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D')
	FROM relations r JOIN actors s ON s.id = r.source_id JOIN actors d ON d.id = r.target_id
	LEFT JOIN relation_types t ON t.key = r.type
	WHERE r.id = new.id;
END;
CREATE TRIGGER relations_fts_au AFTER UPDATE ON relations BEGIN
	DELETE FROM relations_fts WHERE rowid IN (old.id, new.id);
	INSERT INTO relations_fts(rowid, wording, quotes, note)
	SELECT r.id, replace(replace(replace(replace(replace(replace(replace(s.name || ' ' || coalesce(t.label, r.type) || ' ' || d.name, 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'),
		replace(replace(replace(replace(replace(replace(replace(coalesce((SELECT group_concat(quote, char(10)) FROM (SELECT e.quote FROM evidence e JOIN articles ea ON ea.id = e.article_id WHERE e.relation_id = r.id AND e.quote <> '' AND ea.deleted = '' ORDER BY e.id)), ''), 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'),
		replace(replace(replace(replace(replace(replace(replace(r.note, 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D')
	FROM relations r JOIN actors s ON s.id = r.source_id JOIN actors d ON d.id = r.target_id
	LEFT JOIN relation_types t ON t.key = r.type
	WHERE r.id IN (old.id, new.id);
END;
CREATE TRIGGER relations_fts_ad AFTER DELETE ON relations BEGIN
	DELETE FROM relations_fts WHERE rowid = old.id;
END;
-- Evidence added, changed or removed rewrites its relation's row (a relation deleted with
-- its evidence has no row left to write).
CREATE TRIGGER evidence_fts_ai AFTER INSERT ON evidence BEGIN
	DELETE FROM relations_fts WHERE rowid = new.relation_id;
	INSERT INTO relations_fts(rowid, wording, quotes, note)
	SELECT r.id, replace(replace(replace(replace(replace(replace(replace(s.name || ' ' || coalesce(t.label, r.type) || ' ' || d.name, 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'),
		replace(replace(replace(replace(replace(replace(replace(coalesce((SELECT group_concat(quote, char(10)) FROM (SELECT e.quote FROM evidence e JOIN articles ea ON ea.id = e.article_id WHERE e.relation_id = r.id AND e.quote <> '' AND ea.deleted = '' ORDER BY e.id)), ''), 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'),
		replace(replace(replace(replace(replace(replace(replace(r.note, 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D')
	FROM relations r JOIN actors s ON s.id = r.source_id JOIN actors d ON d.id = r.target_id
	LEFT JOIN relation_types t ON t.key = r.type
	WHERE r.id = new.relation_id;
END;
CREATE TRIGGER evidence_fts_au AFTER UPDATE OF relation_id, quote ON evidence BEGIN
	DELETE FROM relations_fts WHERE rowid IN (old.relation_id, new.relation_id);
	INSERT INTO relations_fts(rowid, wording, quotes, note)
	SELECT r.id, replace(replace(replace(replace(replace(replace(replace(s.name || ' ' || coalesce(t.label, r.type) || ' ' || d.name, 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'),
		replace(replace(replace(replace(replace(replace(replace(coalesce((SELECT group_concat(quote, char(10)) FROM (SELECT e.quote FROM evidence e JOIN articles ea ON ea.id = e.article_id WHERE e.relation_id = r.id AND e.quote <> '' AND ea.deleted = '' ORDER BY e.id)), ''), 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'),
		replace(replace(replace(replace(replace(replace(replace(r.note, 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D')
	FROM relations r JOIN actors s ON s.id = r.source_id JOIN actors d ON d.id = r.target_id
	LEFT JOIN relation_types t ON t.key = r.type
	WHERE r.id IN (old.relation_id, new.relation_id);
END;
CREATE TRIGGER evidence_fts_ad AFTER DELETE ON evidence BEGIN
	DELETE FROM relations_fts WHERE rowid = old.relation_id;
	INSERT INTO relations_fts(rowid, wording, quotes, note)
	SELECT r.id, replace(replace(replace(replace(replace(replace(replace(s.name || ' ' || coalesce(t.label, r.type) || ' ' || d.name, 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'),
		replace(replace(replace(replace(replace(replace(replace(coalesce((SELECT group_concat(quote, char(10)) FROM (SELECT e.quote FROM evidence e JOIN articles ea ON ea.id = e.article_id WHERE e.relation_id = r.id AND e.quote <> '' AND ea.deleted = '' ORDER BY e.id)), ''), 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'),
		replace(replace(replace(replace(replace(replace(replace(r.note, 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D')
	FROM relations r JOIN actors s ON s.id = r.source_id JOIN actors d ON d.id = r.target_id
	LEFT JOIN relation_types t ON t.key = r.type
	WHERE r.id = old.relation_id;
END;
-- A renamed actor or relation type changes the wording of every relation it is in.
CREATE TRIGGER actors_relations_fts_au AFTER UPDATE OF name ON actors BEGIN
	DELETE FROM relations_fts WHERE rowid IN (SELECT id FROM relations WHERE new.id IN (source_id, target_id));
	INSERT INTO relations_fts(rowid, wording, quotes, note)
	SELECT r.id, replace(replace(replace(replace(replace(replace(replace(s.name || ' ' || coalesce(t.label, r.type) || ' ' || d.name, 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'),
		replace(replace(replace(replace(replace(replace(replace(coalesce((SELECT group_concat(quote, char(10)) FROM (SELECT e.quote FROM evidence e JOIN articles ea ON ea.id = e.article_id WHERE e.relation_id = r.id AND e.quote <> '' AND ea.deleted = '' ORDER BY e.id)), ''), 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'),
		replace(replace(replace(replace(replace(replace(replace(r.note, 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D')
	FROM relations r JOIN actors s ON s.id = r.source_id JOIN actors d ON d.id = r.target_id
	LEFT JOIN relation_types t ON t.key = r.type
	WHERE new.id IN (r.source_id, r.target_id);
END;
CREATE TRIGGER relation_types_fts_au AFTER UPDATE OF label ON relation_types BEGIN
	DELETE FROM relations_fts WHERE rowid IN (SELECT id FROM relations WHERE type = new.key);
	INSERT INTO relations_fts(rowid, wording, quotes, note)
	SELECT r.id, replace(replace(replace(replace(replace(replace(replace(s.name || ' ' || coalesce(t.label, r.type) || ' ' || d.name, 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'),
		replace(replace(replace(replace(replace(replace(replace(coalesce((SELECT group_concat(quote, char(10)) FROM (SELECT e.quote FROM evidence e JOIN articles ea ON ea.id = e.article_id WHERE e.relation_id = r.id AND e.quote <> '' AND ea.deleted = '' ORDER BY e.id)), ''), 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'),
		replace(replace(replace(replace(replace(replace(replace(r.note, 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D')
	FROM relations r JOIN actors s ON s.id = r.source_id JOIN actors d ON d.id = r.target_id
	LEFT JOIN relation_types t ON t.key = r.type
	WHERE r.type = new.key;
END;
-- The quotes of an article in the trash are not searched; they come back with it.
CREATE TRIGGER articles_relations_fts_au AFTER UPDATE OF deleted ON articles BEGIN
	DELETE FROM relations_fts WHERE rowid IN (SELECT relation_id FROM evidence WHERE article_id = new.id);
	INSERT INTO relations_fts(rowid, wording, quotes, note)
	SELECT r.id, replace(replace(replace(replace(replace(replace(replace(s.name || ' ' || coalesce(t.label, r.type) || ' ' || d.name, 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'),
		replace(replace(replace(replace(replace(replace(replace(coalesce((SELECT group_concat(quote, char(10)) FROM (SELECT e.quote FROM evidence e JOIN articles ea ON ea.id = e.article_id WHERE e.relation_id = r.id AND e.quote <> '' AND ea.deleted = '' ORDER BY e.id)), ''), 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'),
		replace(replace(replace(replace(replace(replace(replace(r.note, 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D')
	FROM relations r JOIN actors s ON s.id = r.source_id JOIN actors d ON d.id = r.target_id
	LEFT JOIN relation_types t ON t.key = r.type
	WHERE r.id IN (SELECT relation_id FROM evidence WHERE article_id = new.id);
END;
INSERT INTO relations_fts(rowid, wording, quotes, note)
SELECT r.id, replace(replace(replace(replace(replace(replace(replace(s.name || ' ' || coalesce(t.label, r.type) || ' ' || d.name, 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'),
	replace(replace(replace(replace(replace(replace(replace(coalesce((SELECT group_concat(quote, char(10)) FROM (SELECT e.quote FROM evidence e JOIN articles ea ON ea.id = e.article_id WHERE e.relation_id = r.id AND e.quote <> '' AND ea.deleted = '' ORDER BY e.id)), ''), 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'),
	replace(replace(replace(replace(replace(replace(replace(r.note, 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D')
FROM relations r JOIN actors s ON s.id = r.source_id JOIN actors d ON d.id = r.target_id
LEFT JOIN relation_types t ON t.key = r.type
WHERE 1;
