-- Mentions: ambiguity and relinking (issue #4). The mention linker (db/mentions.go) reads
-- these tables; triggers keep them up to date whoever writes names and articles, so that
-- no writer can forget to.

-- A token that changes whenever a name or alias is written or removed, or an actor is
-- trashed or restored: the compiled matcher of every name is kept between articles and
-- rebuilt only when the token moves. It is random rather than counted, so that a rolled
-- back transaction, which restores the old token, can never let a later change reuse the
-- token a discarded matcher was built for.
CREATE TABLE mention_state (
	id    INTEGER PRIMARY KEY CHECK (id = 1),
	names INTEGER NOT NULL
) STRICT;
INSERT INTO mention_state VALUES (1, random());

-- Names written (added = 1) and removed (added = 0) since their actor's mentions were last
-- relinked. Saving an actor rewrites all its names, so the linker compares what went out
-- with what came in, and relinks only for names that really changed: adding one alias
-- reads only the articles the full-text index says may hold it.
CREATE TABLE mention_name_log (
	actor_id INTEGER NOT NULL,
	text     TEXT NOT NULL,
	added    INTEGER NOT NULL
) STRICT;
CREATE INDEX mention_name_log_actor ON mention_name_log(actor_id);

CREATE TRIGGER aliases_mention_ai AFTER INSERT ON aliases BEGIN
	INSERT INTO mention_name_log VALUES (new.actor_id, new.text, 1);
	UPDATE mention_state SET names = random();
END;
CREATE TRIGGER aliases_mention_ad AFTER DELETE ON aliases BEGIN
	INSERT INTO mention_name_log VALUES (old.actor_id, old.text, 0);
	UPDATE mention_state SET names = random();
END;
CREATE TRIGGER aliases_mention_au AFTER UPDATE ON aliases BEGIN
	INSERT INTO mention_name_log VALUES (old.actor_id, old.text, 0), (new.actor_id, new.text, 1);
	UPDATE mention_state SET names = random();
END;
CREATE TRIGGER actors_mention_au AFTER UPDATE OF deleted ON actors BEGIN
	UPDATE mention_state SET names = random();
END;

-- Articles the full-text index cannot be trusted to find names in, so relinking reads them
-- whatever it looks for: those not checked yet (unclean = 0: every new or edited body, and
-- every article filed before this version), and those whose text holds characters the
-- index folds or splits differently from the matcher (unclean = 1: "ı", "ø", soft hyphens,
-- Greek accents...). Filing an article through the store checks it at once; a body filed
-- another way is checked by the first relinking that reads it.
CREATE TABLE mention_scan (
	article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
	unclean    INTEGER NOT NULL DEFAULT 0
) STRICT;
INSERT INTO mention_scan(article_id) SELECT id FROM articles;
CREATE TRIGGER articles_mention_ai AFTER INSERT ON articles BEGIN
	INSERT OR REPLACE INTO mention_scan(article_id) VALUES (new.id);
END;
CREATE TRIGGER articles_mention_au AFTER UPDATE OF body ON articles BEGIN
	INSERT OR REPLACE INTO mention_scan(article_id) VALUES (new.id);
END;

-- Articles that had mentions of an actor being deleted, however it is deleted (one at a
-- time, merged away, or with the sample): a name it shared, or a place the user had
-- decided for it, may now settle differently there. The next relinking reads them.
CREATE TABLE mention_dirty (
	article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE
) STRICT;
CREATE TRIGGER actors_mention_bd BEFORE DELETE ON actors BEGIN
	INSERT OR IGNORE INTO mention_dirty SELECT DISTINCT article_id FROM mentions WHERE actor_id = old.id;
END;
