-- Dossier project schema, version 1.
CREATE TABLE outlets (
	id          INTEGER PRIMARY KEY,
	uuid        TEXT NOT NULL UNIQUE,
	name        TEXT NOT NULL,
	folded      TEXT NOT NULL UNIQUE,
	url         TEXT NOT NULL DEFAULT '',
	reliability TEXT NOT NULL DEFAULT '' CHECK (reliability IN ('', 'A', 'B', 'C', 'D', 'E', 'F'))
) STRICT;

CREATE TABLE articles (
	-- Small columns first and the body last: SQLite reads a row from its start, so listing
	-- and filtering never walk the body's overflow pages.
	id        INTEGER PRIMARY KEY,
	uuid      TEXT NOT NULL UNIQUE,
	title     TEXT NOT NULL,
	outlet_id INTEGER REFERENCES outlets(id) ON DELETE SET NULL,
	url       TEXT NOT NULL DEFAULT '',
	canon_url TEXT NOT NULL DEFAULT '',
	author    TEXT NOT NULL DEFAULT '',
	date      TEXT NOT NULL DEFAULT '',
	dateline  TEXT NOT NULL DEFAULT '',
	language  TEXT NOT NULL DEFAULT '',
	tags      TEXT NOT NULL DEFAULT '', -- tags joined by a newline
	hash      TEXT NOT NULL,
	filed     TEXT NOT NULL,
	updated   TEXT NOT NULL,
	deleted   TEXT NOT NULL DEFAULT '', -- set when in the trash
	notes     TEXT NOT NULL DEFAULT '',
	body      TEXT NOT NULL
) STRICT;
CREATE INDEX articles_date ON articles(deleted, date DESC, id DESC);
CREATE INDEX articles_hash ON articles(hash);
CREATE INDEX articles_canon_url ON articles(canon_url) WHERE canon_url <> '';

CREATE TABLE actors (
	id          INTEGER PRIMARY KEY,
	uuid        TEXT NOT NULL UNIQUE,
	name        TEXT NOT NULL,
	kind        TEXT NOT NULL,
	description TEXT NOT NULL DEFAULT '',
	tags        TEXT NOT NULL DEFAULT '',
	notes       TEXT NOT NULL DEFAULT '',
	created     TEXT NOT NULL,
	updated     TEXT NOT NULL,
	deleted     TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX actors_name ON actors(deleted, name COLLATE NOCASE);

-- Every name an actor goes by, its own name included (is_name = 1), folded for matching.
CREATE TABLE aliases (
	id       INTEGER PRIMARY KEY,
	actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
	text     TEXT NOT NULL,
	folded   TEXT NOT NULL,
	is_name  INTEGER NOT NULL DEFAULT 0,
	UNIQUE (actor_id, folded)
) STRICT;
CREATE INDEX aliases_folded ON aliases(folded);

CREATE TABLE relation_types (
	key      TEXT PRIMARY KEY,
	label    TEXT NOT NULL,
	inverse  TEXT NOT NULL,
	directed INTEGER NOT NULL,
	polarity TEXT NOT NULL CHECK (polarity IN ('cooperative', 'conflictual', 'neutral')),
	family   TEXT NOT NULL CHECK (family IN ('structural', 'verbal', 'material')),
	builtin  INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE relations (
	id         INTEGER PRIMARY KEY,
	uuid       TEXT NOT NULL UNIQUE,
	source_id  INTEGER NOT NULL REFERENCES actors(id),
	type       TEXT NOT NULL REFERENCES relation_types(key),
	target_id  INTEGER NOT NULL REFERENCES actors(id),
	start      TEXT NOT NULL DEFAULT '',
	end        TEXT NOT NULL DEFAULT '',
	confidence TEXT NOT NULL CHECK (confidence IN ('confirmed', 'reported', 'alleged')),
	modality   TEXT NOT NULL CHECK (modality IN ('asserted', 'conditional', 'threatened', 'hypothetical', 'denied')),
	speaker_id INTEGER REFERENCES actors(id),
	note       TEXT NOT NULL DEFAULT '',
	created    TEXT NOT NULL,
	updated    TEXT NOT NULL,
	CHECK (source_id <> target_id)
) STRICT;
CREATE INDEX relations_source ON relations(source_id, start);
CREATE INDEX relations_target ON relations(target_id, start);

CREATE TABLE evidence (
	id          INTEGER PRIMARY KEY,
	uuid        TEXT NOT NULL UNIQUE,
	relation_id INTEGER NOT NULL REFERENCES relations(id) ON DELETE CASCADE,
	article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	quote       TEXT NOT NULL DEFAULT '',
	start       INTEGER NOT NULL DEFAULT -1,
	end         INTEGER NOT NULL DEFAULT -1
) STRICT;
CREATE INDEX evidence_relation ON evidence(relation_id);
CREATE INDEX evidence_article ON evidence(article_id);

CREATE TABLE mentions (
	id         INTEGER PRIMARY KEY,
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	actor_id   INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
	start      INTEGER NOT NULL,
	end        INTEGER NOT NULL,
	status     TEXT NOT NULL CHECK (status IN ('automatic', 'ambiguous', 'confirmed', 'rejected')),
	UNIQUE (article_id, actor_id, start)
) STRICT;
CREATE INDEX mentions_actor ON mentions(actor_id, article_id, status);
CREATE INDEX mentions_rejected ON mentions(actor_id, article_id) WHERE status = 'rejected';

CREATE TABLE notes (
	id          INTEGER PRIMARY KEY,
	uuid        TEXT NOT NULL UNIQUE,
	body        TEXT NOT NULL,
	article_id  INTEGER REFERENCES articles(id) ON DELETE CASCADE,
	actor_id    INTEGER REFERENCES actors(id) ON DELETE CASCADE,
	relation_id INTEGER REFERENCES relations(id) ON DELETE CASCADE,
	created     TEXT NOT NULL,
	updated     TEXT NOT NULL
) STRICT;
CREATE INDEX notes_actor ON notes(actor_id);
CREATE INDEX notes_article ON notes(article_id);

-- Full-text index over articles; kept in sync by triggers.
CREATE VIRTUAL TABLE articles_fts USING fts5(
	title, body, notes,
	content='articles', content_rowid='id',
	tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
	INSERT INTO articles_fts(rowid, title, body, notes) VALUES (new.id, new.title, new.body, new.notes);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
	INSERT INTO articles_fts(articles_fts, rowid, title, body, notes) VALUES ('delete', old.id, old.title, old.body, old.notes);
END;
CREATE TRIGGER articles_au AFTER UPDATE OF title, body, notes ON articles BEGIN
	INSERT INTO articles_fts(articles_fts, rowid, title, body, notes) VALUES ('delete', old.id, old.title, old.body, old.notes);
	INSERT INTO articles_fts(rowid, title, body, notes) VALUES (new.id, new.title, new.body, new.notes);
END;
