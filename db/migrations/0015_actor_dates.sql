-- How many live articles name each actor on each date (issue 11): a filtered dossier
-- counts the actor's articles by date, and counting the busiest actor's ~30,000 rows at
-- every filter was most of its time. n is the number of articles not in the trash that
-- hold at least one mention of the actor not rejected, dated exactly `date` ('' for the
-- undated); a date with none has no row. Triggers keep it whoever writes mentions or
-- articles (the linker, merges and their undoing, imports, project merges, hub pulls),
-- so no writer can forget to; the check compares it with a fresh count and the repair
-- and every salvage count it again (actordates.go).
CREATE TABLE actor_dates (
	actor_id INTEGER NOT NULL,
	date     TEXT NOT NULL,
	n        INTEGER NOT NULL,
	PRIMARY KEY (actor_id, date)
) STRICT;

INSERT INTO actor_dates(actor_id, date, n)
SELECT m.actor_id, a.date, count(DISTINCT m.article_id) FROM mentions m JOIN articles a ON a.id = m.article_id
WHERE m.status <> 'rejected' AND a.deleted = '' GROUP BY m.actor_id, a.date;

-- A mention row counts its article for its actor only when no other row of the same actor
-- and article already does (an actor is often named several times in one article). An
-- update is the old row taken out and the new one put in; "another row" never means the
-- row itself, so the two steps see the state between them.
CREATE TRIGGER mentions_dates_ai AFTER INSERT ON mentions WHEN new.status <> 'rejected' BEGIN
	INSERT INTO actor_dates(actor_id, date, n)
	SELECT new.actor_id, a.date, 1 FROM articles a WHERE a.id = new.article_id AND a.deleted = ''
		AND NOT EXISTS (SELECT 1 FROM mentions m WHERE m.actor_id = new.actor_id AND m.article_id = new.article_id
			AND m.status <> 'rejected' AND m.id <> new.id)
	ON CONFLICT (actor_id, date) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER mentions_dates_ad AFTER DELETE ON mentions WHEN old.status <> 'rejected' BEGIN
	UPDATE actor_dates SET n = n - 1
	WHERE actor_id = old.actor_id AND date = (SELECT a.date FROM articles a WHERE a.id = old.article_id AND a.deleted = '')
		AND NOT EXISTS (SELECT 1 FROM mentions m WHERE m.actor_id = old.actor_id AND m.article_id = old.article_id
			AND m.status <> 'rejected');
	DELETE FROM actor_dates WHERE actor_id = old.actor_id AND n = 0
		AND date = (SELECT a.date FROM articles a WHERE a.id = old.article_id);
END;
-- A change of status between two that count (automatic, ambiguous, confirmed), which the
-- linker makes often, changes nothing and skips the work.
CREATE TRIGGER mentions_dates_au AFTER UPDATE OF article_id, actor_id, status ON mentions
WHEN old.article_id <> new.article_id OR old.actor_id <> new.actor_id OR (old.status = 'rejected') <> (new.status = 'rejected') BEGIN
	UPDATE actor_dates SET n = n - 1
	WHERE old.status <> 'rejected' AND actor_id = old.actor_id
		AND date = (SELECT a.date FROM articles a WHERE a.id = old.article_id AND a.deleted = '')
		AND NOT EXISTS (SELECT 1 FROM mentions m WHERE m.actor_id = old.actor_id AND m.article_id = old.article_id
			AND m.status <> 'rejected' AND m.id <> new.id);
	DELETE FROM actor_dates WHERE actor_id = old.actor_id AND n = 0
		AND date = (SELECT a.date FROM articles a WHERE a.id = old.article_id);
	INSERT INTO actor_dates(actor_id, date, n)
	SELECT new.actor_id, a.date, 1 FROM articles a WHERE new.status <> 'rejected' AND a.id = new.article_id AND a.deleted = ''
		AND NOT EXISTS (SELECT 1 FROM mentions m WHERE m.actor_id = new.actor_id AND m.article_id = new.article_id
			AND m.status <> 'rejected' AND m.id <> new.id)
	ON CONFLICT (actor_id, date) DO UPDATE SET n = n + 1;
END;

-- An article put in the trash, taken out, or dated again moves each of its actors' counts.
CREATE TRIGGER articles_dates_au AFTER UPDATE OF date, deleted ON articles
WHEN old.date IS NOT new.date OR (old.deleted = '') <> (new.deleted = '') BEGIN
	UPDATE actor_dates SET n = n - 1
	WHERE old.deleted = '' AND date = old.date
		AND actor_id IN (SELECT actor_id FROM mentions WHERE article_id = old.id AND status <> 'rejected');
	DELETE FROM actor_dates WHERE old.deleted = '' AND date = old.date AND n = 0
		AND actor_id IN (SELECT actor_id FROM mentions WHERE article_id = old.id AND status <> 'rejected');
	INSERT INTO actor_dates(actor_id, date, n)
	SELECT DISTINCT actor_id, new.date, 1 FROM mentions WHERE new.deleted = '' AND article_id = new.id AND status <> 'rejected'
	ON CONFLICT (actor_id, date) DO UPDATE SET n = n + 1;
END;
-- An article deleted for good takes its counts out before its mentions go with it: when
-- the foreign key deletes them, the article row is already gone and their own trigger
-- finds no date to take them from.
CREATE TRIGGER articles_dates_bd BEFORE DELETE ON articles WHEN old.deleted = '' BEGIN
	UPDATE actor_dates SET n = n - 1
	WHERE date = old.date AND actor_id IN (SELECT actor_id FROM mentions WHERE article_id = old.id AND status <> 'rejected');
	DELETE FROM actor_dates WHERE date = old.date AND n = 0
		AND actor_id IN (SELECT actor_id FROM mentions WHERE article_id = old.id AND status <> 'rejected');
END;

-- The reads of one actor's relations (a dossier, the centre of an ego graph) and of the
-- second hop's from the many counterparts of a busy actor find every column they read in
-- the actor indexes, so no relation row is looked up; the source counts of a graph's
-- relations likewise find the article ids in the evidence index. The indexes keep their
-- names and their leading columns, so every query that used them still can.
DROP INDEX relations_source;
CREATE INDEX relations_source ON relations(source_id, start, target_id, type, end, confidence, modality);
DROP INDEX relations_target;
CREATE INDEX relations_target ON relations(target_id, start, source_id, type, end, confidence, modality);
DROP INDEX evidence_relation;
CREATE INDEX evidence_relation ON evidence(relation_id, article_id);
