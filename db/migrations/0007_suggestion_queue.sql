-- One review queue for the project (issue #9). The names each article suggests are kept
-- when the article is filed, edited or restored (article_suggestions), and triggers keep
-- one row per distinct folded name across the project (suggestion_queue) with how many
-- articles name it, the kind most of them guess (from suggestion_kinds) and the name,
-- aliases and sample sentence of the article naming it most: opening the queue reads a
-- page of an index, nothing is grouped then. Every name found is kept, known or not:
-- names that are actors or were dismissed are left out when the queue is read, so that
-- deleting an actor or restoring a dismissed name brings its suggestions back.
--
-- suggest_pending lists the articles whose suggestions are not yet stored: every live
-- article of a project older than this migration (read once, with progress, the first
-- time the queue is used) and any article a write path changed without reading it again.
CREATE TABLE article_suggestions (
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	folded     TEXT NOT NULL,
	name       TEXT NOT NULL,
	kind       TEXT NOT NULL,
	aliases    TEXT NOT NULL, -- JSON array, as the article writes them
	folded_aliases TEXT NOT NULL, -- JSON array, folded
	mentions   INTEGER NOT NULL, -- how often the article names it
	sample     TEXT NOT NULL, -- the sentence of its first mention
	PRIMARY KEY (folded, article_id)
) STRICT;
CREATE INDEX article_suggestions_article ON article_suggestions(article_id);
CREATE INDEX article_suggestions_best ON article_suggestions(folded, mentions DESC, article_id);

CREATE TABLE suggestion_kinds (
	folded TEXT NOT NULL,
	kind   TEXT NOT NULL,
	n      INTEGER NOT NULL,
	PRIMARY KEY (folded, kind)
) STRICT;

CREATE TABLE suggestion_queue (
	folded     TEXT PRIMARY KEY,
	articles   INTEGER NOT NULL, -- how many articles name it
	kind       TEXT NOT NULL DEFAULT '',
	name       TEXT NOT NULL DEFAULT '',
	aliases    TEXT NOT NULL DEFAULT '[]',
	folded_aliases TEXT NOT NULL DEFAULT '[]',
	sample     TEXT NOT NULL DEFAULT '',
	article_id INTEGER NOT NULL DEFAULT 0, -- the article the name, aliases and sample come from
	mentions   INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX suggestion_queue_order ON suggestion_queue(articles DESC, folded);

CREATE TABLE suggest_pending (article_id INTEGER PRIMARY KEY) STRICT;
INSERT INTO suggest_pending(article_id) SELECT id FROM articles WHERE deleted = '';

CREATE TRIGGER article_suggestions_ai AFTER INSERT ON article_suggestions BEGIN
	INSERT INTO suggestion_queue(folded, articles) VALUES (NEW.folded, 1)
		ON CONFLICT (folded) DO UPDATE SET articles = articles + 1;
	INSERT INTO suggestion_kinds(folded, kind, n) VALUES (NEW.folded, NEW.kind, 1)
		ON CONFLICT (folded, kind) DO UPDATE SET n = n + 1;
	UPDATE suggestion_queue SET name = NEW.name, aliases = NEW.aliases, folded_aliases = NEW.folded_aliases,
		sample = NEW.sample, article_id = NEW.article_id, mentions = NEW.mentions
		WHERE folded = NEW.folded AND (article_id = 0 OR mentions < NEW.mentions);
	UPDATE suggestion_queue SET kind = (SELECT kind FROM suggestion_kinds WHERE folded = NEW.folded
		ORDER BY n DESC, kind LIMIT 1) WHERE folded = NEW.folded;
END;

CREATE TRIGGER article_suggestions_ad AFTER DELETE ON article_suggestions BEGIN
	UPDATE suggestion_queue SET articles = articles - 1 WHERE folded = OLD.folded;
	DELETE FROM suggestion_queue WHERE folded = OLD.folded AND articles <= 0;
	UPDATE suggestion_kinds SET n = n - 1 WHERE folded = OLD.folded AND kind = OLD.kind;
	DELETE FROM suggestion_kinds WHERE folded = OLD.folded AND kind = OLD.kind AND n <= 0;
	UPDATE suggestion_queue SET (name, aliases, folded_aliases, sample, article_id, mentions) =
		(SELECT name, aliases, folded_aliases, sample, article_id, mentions FROM article_suggestions
			WHERE folded = OLD.folded ORDER BY mentions DESC, article_id LIMIT 1)
		WHERE folded = OLD.folded AND article_id = OLD.article_id;
	UPDATE suggestion_queue SET kind = (SELECT kind FROM suggestion_kinds WHERE folded = OLD.folded
		ORDER BY n DESC, kind LIMIT 1) WHERE folded = OLD.folded;
END;

-- Any change to what an article says, or to whether it is in the trash, makes it pending;
-- the store reads pending articles again in the same transaction where it can.
CREATE TRIGGER articles_suggest_ai AFTER INSERT ON articles WHEN NEW.deleted = '' BEGIN
	INSERT OR IGNORE INTO suggest_pending(article_id) VALUES (NEW.id);
END;
CREATE TRIGGER articles_suggest_au AFTER UPDATE OF title, body, author, deleted ON articles BEGIN
	DELETE FROM article_suggestions WHERE article_id = OLD.id;
	DELETE FROM suggest_pending WHERE article_id = OLD.id;
	INSERT INTO suggest_pending(article_id) SELECT NEW.id WHERE NEW.deleted = '';
END;
CREATE TRIGGER articles_suggest_ad AFTER DELETE ON articles BEGIN
	DELETE FROM suggest_pending WHERE article_id = OLD.id;
END;
