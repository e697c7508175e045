-- Notes as a research notebook (issue #12): a note may stand on its own, with a title and
-- tags, and its [[links]] point at actors, articles and other notes.

ALTER TABLE notes ADD COLUMN title TEXT NOT NULL DEFAULT '';
ALTER TABLE notes ADD COLUMN tags TEXT NOT NULL DEFAULT ''; -- one per line, as actors' tags
CREATE INDEX notes_updated ON notes(updated DESC, id DESC);

-- Every [[link]] of every note, rewritten with the note in the same transaction. A
-- resolved link keeps the UUID of its record, so it survives a rename (it is shown by the
-- record's current name); a missing or ambiguous one keeps its folded text, so the record
-- created for it later is found.
CREATE TABLE note_links (
	note_id INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
	start   INTEGER NOT NULL, -- byte offset of "[[" in the body
	end     INTEGER NOT NULL, -- just past "]]"
	target  TEXT NOT NULL,    -- the text as written, without its kind prefix
	prefix  TEXT NOT NULL,    -- the kind the text asks for ("actor:…"), or ''
	label   TEXT NOT NULL,    -- the text after "|", or ''
	folded  TEXT NOT NULL,    -- app.FoldLink(target)
	status  TEXT NOT NULL CHECK (status IN ('resolved', 'missing', 'ambiguous')),
	kind    TEXT NOT NULL,    -- actor, article or note when resolved, else ''
	uuid    TEXT NOT NULL,    -- the record's UUID when resolved, else ''
	PRIMARY KEY (note_id, start)
) STRICT;
CREATE INDEX note_links_uuid ON note_links(uuid, note_id, start); -- backlinks read it alone
CREATE INDEX note_links_folded ON note_links(folded) WHERE uuid = '';

-- A merge deletes the dropped actor; the links to it now point at the actor kept (its
-- UUID is in the merge's journal, written after the delete).
CREATE TRIGGER note_links_merged AFTER INSERT ON merges BEGIN
	UPDATE note_links SET uuid = (SELECT uuid FROM actors WHERE id = new.kept_id)
	WHERE kind = 'actor' AND uuid = json_extract(new.journal, '$.dropped.UUID');
END;

-- A link waiting for its record (status missing) is resolved when an actor gets that
-- name or alias: the actor created from the link, or any other (a note given that title
-- resolves them in db.CreateNote and UpdateNote). So backlinks need only read links by
-- UUID. A link that was ambiguous stays so until its note is saved again.
CREATE TRIGGER note_links_alias_added AFTER INSERT ON aliases BEGIN
	UPDATE note_links SET status = 'resolved', kind = 'actor', uuid = (SELECT uuid FROM actors WHERE id = new.actor_id)
	WHERE uuid = '' AND status = 'missing' AND folded = new.folded AND prefix IN ('', 'actor')
		AND EXISTS (SELECT 1 FROM actors WHERE id = new.actor_id AND deleted = '');
END;

-- The notes' full-text index gains the title and the tags.
DROP TRIGGER notes_fts_ai;
DROP TRIGGER notes_fts_ad;
DROP TRIGGER notes_fts_au;
DROP TABLE notes_fts;
CREATE VIRTUAL TABLE notes_fts USING fts5(
	title, body, tags,
	content='notes', content_rowid='id',
	tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER notes_fts_ai AFTER INSERT ON notes BEGIN
	INSERT INTO notes_fts(rowid, title, body, tags) VALUES (new.id,
		replace(replace(replace(replace(replace(replace(replace(new.title, 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'),
		replace(replace(replace(replace(replace(replace(replace(new.body, 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'),
		replace(replace(replace(replace(replace(replace(replace(new.tags, 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'));
END;
CREATE TRIGGER notes_fts_ad AFTER DELETE ON notes BEGIN
	INSERT INTO notes_fts(notes_fts, rowid, title, body, tags) VALUES ('delete', old.id,
		replace(replace(replace(replace(replace(replace(replace(old.title, 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'),
		replace(replace(replace(replace(replace(replace(replace(old.body, 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'),
		replace(replace(replace(replace(replace(replace(replace(old.tags, 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'));
END;
CREATE TRIGGER notes_fts_au AFTER UPDATE OF title, body, tags ON notes BEGIN
	INSERT INTO notes_fts(notes_fts, rowid, title, body, tags) VALUES ('delete', old.id,
		replace(replace(replace(replace(replace(replace(replace(old.title, 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'),
		replace(replace(replace(replace(replace(replace(replace(old.body, 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'),
		replace(replace(replace(replace(replace(replace(replace(old.tags, 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'));
	INSERT INTO notes_fts(rowid, title, body, tags) VALUES (new.id,
		replace(replace(replace(replace(replace(replace(replace(new.title, 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'),
		replace(replace(replace(replace(replace(replace(replace(new.body, 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'),
		replace(replace(replace(replace(replace(replace(replace(new.tags, 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'));
END;
INSERT INTO notes_fts(rowid, title, body, tags)
SELECT id,
	replace(replace(replace(replace(replace(replace(replace(title, 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'),
	replace(replace(replace(replace(replace(replace(replace(body, 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'),
	replace(replace(replace(replace(replace(replace(replace(tags, 'ı', 'i'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D')
FROM notes;

-- Images a note shows, kept in the project (a note writes ![caption](dossier-image:UUID)):
-- nothing a note shows is read from outside the project file, and nothing from the web.
-- An image stays when the note that showed it is deleted: another note may show it too.
CREATE TABLE note_images (
	id    INTEGER PRIMARY KEY,
	uuid  TEXT NOT NULL UNIQUE,
	name  TEXT NOT NULL, -- the file's name, for the caption and the log
	mime  TEXT NOT NULL CHECK (mime IN ('image/png', 'image/jpeg')),
	data  BLOB NOT NULL,
	added TEXT NOT NULL
) STRICT;
