package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"dossier/app"
)

// The full check (Check) and the repair (Repair) of a project.
//
// The full-text indexes need care. articles_fts and notes_fts are external-content FTS5
// tables whose index holds the text FOLDED (ftsFoldSQL: ı→i…), not the raw text of their
// content table. So FTS5's own 'rebuild' would index the wrong text, and
// integrity-check with rank=1 (which compares the index with the content table) reports
// every folded row as a mismatch. The check therefore compares the index with what the
// store itself indexes: it copies the index's shadow tables into a temporary FTS5 table
// made like it, whose content is a temporary view giving each row's folded text, and runs
// the rank=1 integrity-check on that copy. The project file is never written, so a
// read-only store is checked the same way. actors_fts and relations_fts keep their own
// copy of the text: their rows are compared with the rows the triggers write.

// checkProblemLimit is how many problems one check lists; the rest are counted in Cut.
const checkProblemLimit = 20

// ftsIndex is how the store fills one full-text index: the rows it indexes, as
// (rowid, columns...) of folded text.
type ftsIndex struct {
	name    string
	content string // the content table of an external-content index, "" for one that keeps its own text
	columns []string
	rows    string // SELECT rowid, folded columns… of every row the store indexes
}

// ftsIndexes are the full-text indexes and how the store writes them (migration 0005 and
// the import's deferred index, db/import.go).
var ftsIndexes = []ftsIndex{
	{"articles_fts", "articles", []string{"title", "body", "notes"},
		`SELECT id, ` + ftsFoldSQL("title") + `, ` + ftsFoldSQL("body") + `, ` + ftsFoldSQL("notes") + ` FROM main.articles`},
	{"notes_fts", "notes", []string{"title", "body", "tags"}, // migration 0008
		`SELECT id, ` + ftsFoldSQL("title") + `, ` + ftsFoldSQL("body") + `, ` + ftsFoldSQL("tags") + ` FROM main.notes`},
	{"actors_fts", "", []string{"name", "aliases", "description", "notes"},
		`SELECT a.id, ` + ftsFoldSQL("a.name") + `, ` +
			ftsFoldSQL(`coalesce((SELECT group_concat(text, char(10)) FROM (SELECT text FROM main.aliases WHERE actor_id = a.id AND is_name = 0 ORDER BY id)), '')`) + `, ` +
			ftsFoldSQL("a.description") + `, ` + ftsFoldSQL("a.notes") + ` FROM main.actors a WHERE a.deleted = ''`},
	{"relations_fts", "", []string{"wording", "quotes", "note"},
		`SELECT r.id, ` + ftsFoldSQL(`s.name || ' ' || coalesce(t.label, r.type) || ' ' || d.name`) + `, ` +
			ftsFoldSQL(`coalesce((SELECT group_concat(quote, char(10)) FROM (SELECT e.quote FROM main.evidence e WHERE e.relation_id = r.id AND e.quote <> '' AND e.article_id NOT IN (SELECT id FROM main.articles WHERE deleted > '') ORDER BY e.id)), '')`) + `, ` +
			ftsFoldSQL("r.note") + ` FROM main.relations r JOIN main.actors s ON s.id = r.source_id JOIN main.actors d ON d.id = r.target_id
		LEFT JOIN main.relation_types t ON t.key = r.type`},
}

// Check runs the full check of the project: SQLite's integrity_check of every page, each
// full-text index's own integrity-check, the index's agreement with the text the store
// indexes, the foreign keys and the orphan mentions and evidence. It never writes to the
// project, so it runs on a store opened read-only too. An error is returned only when the
// check could not run (a cancelled context, no connection); damage it meets is reported.
func (s *Store) Check(ctx context.Context) (app.CheckReport, error) {
	start := time.Now()
	var rep app.CheckReport
	conn, err := s.db.Conn(ctx) // the temporary tables of the index check live on one connection
	if err != nil {
		return unreadable(rep, start, err)
	}
	defer conn.Close()
	// A store open read-only (damaged) forbids every write, the temporary copies of the
	// indexes too; the file itself stays read-only (mode=ro) whatever this says.
	var queryOnly bool
	if err := conn.QueryRowContext(ctx, "PRAGMA query_only").Scan(&queryOnly); err != nil {
		return unreadable(rep, start, err)
	}
	if queryOnly {
		if _, err := conn.ExecContext(ctx, "PRAGMA query_only = 0"); err != nil {
			return unreadable(rep, start, err)
		}
		defer conn.ExecContext(context.Background(), "PRAGMA query_only = 1")
	}
	// One read transaction: every check sees the same state, whatever another
	// connection commits meanwhile (WAL lets it).
	if _, err := conn.ExecContext(ctx, "BEGIN"); err != nil {
		return unreadable(rep, start, err)
	}
	defer conn.ExecContext(context.Background(), "ROLLBACK")
	c := checker{conn: conn}
	rep.Items = append(rep.Items, c.integrity(ctx))
	for _, ix := range ftsIndexes {
		structure, drift := c.checkIndex(ctx, ix)
		rep.Items = append(rep.Items, structure, drift)
	}
	rep.Items = append(rep.Items, c.foreignKeys(ctx), c.orphanMentions(ctx), c.orphanEvidence(ctx), c.reviewQueue(ctx), c.actorDatesCheck(ctx))
	var counted error
	if rep.Tables, rep.Rows, counted = c.counts(ctx); counted != nil {
		it := app.CheckItem{Name: "row counts", Unit: "tables"}
		failed(&it, counted)
		rep.Items = append(rep.Items, it)
	}
	rep.Took = time.Since(start)
	if err := ctx.Err(); err != nil {
		return rep, err
	}
	return rep, nil
}

// unreadable is the report of a check that could not start: damage that keeps even the
// schema from being read (a file cut short, a damaged first page) is reported as the
// integrity check's problem, so the report says it rather than failing with a bare error;
// any other failure is returned.
func unreadable(rep app.CheckReport, start time.Time, err error) (app.CheckReport, error) {
	if !app.IsCode(mapError(err), app.ECORRUPT) {
		return rep, mapError(err)
	}
	it := app.CheckItem{Name: app.IntegrityCheck, Unit: "pages"}
	failed(&it, err)
	rep.Items = append(rep.Items, it)
	rep.Took = time.Since(start)
	return rep, nil
}

// checker runs the checks on one connection.
type checker struct{ conn *sql.Conn }

// timed runs fn as the check called name and fills in how long it took.
func timed(name, unit string, fn func(it *app.CheckItem)) app.CheckItem {
	start := time.Now()
	it := app.CheckItem{Name: name, Unit: unit}
	fn(&it)
	it.Took = time.Since(start)
	return it
}

// problem adds p to it's problems, counting it in Cut past checkProblemLimit.
func problem(it *app.CheckItem, format string, args ...any) {
	if len(it.Problems) >= checkProblemLimit {
		it.Cut++
		return
	}
	it.Problems = append(it.Problems, fmt.Sprintf(format, args...))
}

// failed records that the check could not run because of err (damage it met, usually).
func failed(it *app.CheckItem, err error) {
	problem(it, "the check could not run: %s", app.ErrorMessage(mapError(err)))
}

// integrity runs PRAGMA integrity_check over every page of the file.
func (c checker) integrity(ctx context.Context) app.CheckItem {
	return timed(app.IntegrityCheck, "pages", func(it *app.CheckItem) {
		c.conn.QueryRowContext(ctx, "PRAGMA page_count").Scan(&it.Checked)
		rows, err := c.conn.QueryContext(ctx, "PRAGMA integrity_check(100)")
		if err != nil {
			failed(it, err)
			return
		}
		defer rows.Close()
		for rows.Next() {
			var line string
			if err := rows.Scan(&line); err != nil {
				failed(it, err)
				return
			}
			if line != "ok" {
				problem(it, "%s", strings.TrimSpace(strings.TrimPrefix(line, "*** in database main ***")))
			}
		}
		if err := rows.Err(); err != nil {
			failed(it, err)
		}
	})
}

// copyName is the temporary copy of the full-text index being checked.
const copyName = "dossier_check_fts"

// checkIndex runs the two checks of one full-text index on a temporary copy of it (see
// copyIndex): the index's own integrity-check, and its agreement with the text.
func (c checker) checkIndex(ctx context.Context, ix ftsIndex) (structure, drift app.CheckItem) {
	start := time.Now()
	structure = app.CheckItem{Name: "full-text index " + ix.name, Unit: "rows"}
	drift = app.CheckItem{Name: "full-text index " + ix.name + " against the text", Unit: "rows"}
	defer c.dropCopy()
	if err := c.copyIndex(ctx, ix); err != nil {
		failed(&structure, err)
		failed(&drift, err)
		structure.Took = time.Since(start)
		return structure, drift
	}
	c.conn.QueryRowContext(ctx, `SELECT count(*) FROM temp.`+copyName+`_docsize`).Scan(&structure.Checked)
	if _, err := c.conn.ExecContext(ctx, `INSERT INTO temp.`+copyName+`(`+copyName+`) VALUES ('integrity-check')`); err != nil {
		if ctx.Err() != nil {
			failed(&structure, ctx.Err())
		} else {
			problem(&structure, "the index %s is damaged (%s)", ix.name, app.ErrorMessage(mapError(err)))
		}
	}
	structure.Took = time.Since(start)
	drift = timed(drift.Name, drift.Unit, func(it *app.CheckItem) {
		var err error
		if ix.content != "" {
			err = c.externalDrift(ctx, ix, it)
		} else {
			err = c.ownDrift(ctx, ix, it)
		}
		if err != nil {
			failed(it, err)
		}
	})
	return structure, drift
}

// copyIndex copies the index ix into a temporary FTS5 table made by the same definition,
// whose content, for an external-content index, is a temporary view giving the folded text
// the store indexes. The checks run FTS5's integrity-check on the copy: it writes nothing
// to the project (the check of the index itself would be an INSERT, refused on a
// read-only store), and the copy's bytes are the index's own.
func (c checker) copyIndex(ctx context.Context, ix ftsIndex) error {
	var create string
	if err := c.conn.QueryRowContext(ctx, `SELECT sql FROM main.sqlite_schema WHERE name = ?`, ix.name).Scan(&create); err != nil {
		return err
	}
	made := strings.Replace(create, "CREATE VIRTUAL TABLE "+ix.name, "CREATE VIRTUAL TABLE temp."+copyName, 1)
	if ix.content != "" {
		made = strings.Replace(made, "content='"+ix.content+"'", "content='dossier_check_src'", 1)
	}
	if made == create || (ix.content != "" && !strings.Contains(made, "dossier_check_src")) {
		return fmt.Errorf("the definition of %s is not one Dossier knows: %s", ix.name, create)
	}
	c.dropCopy()
	steps := []string{made, `DELETE FROM temp.` + copyName + `_data`}
	if ix.content != "" {
		steps = append([]string{`CREATE TEMP VIEW dossier_check_src(id, ` + strings.Join(ix.columns, ", ") + `) AS ` + ix.rows}, steps...)
	} else {
		steps = append(steps, `INSERT INTO temp.`+copyName+`_content SELECT * FROM main.`+ix.name+`_content`)
	}
	for _, shadow := range []string{"_data", "_idx", "_docsize"} {
		steps = append(steps, `INSERT INTO temp.`+copyName+shadow+` SELECT * FROM main.`+ix.name+shadow)
	}
	for _, q := range steps {
		if _, err := c.conn.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	return nil
}

// dropCopy drops the temporary copy, with a fresh context: a cancelled check must not
// leave it behind.
func (c checker) dropCopy() {
	c.conn.ExecContext(context.Background(), `DROP TABLE IF EXISTS temp.`+copyName)
	c.conn.ExecContext(context.Background(), `DROP VIEW IF EXISTS temp.dossier_check_src`)
}

// externalDrift checks an external-content index: rows of the content table it lacks,
// rows it holds whose content row is gone, then the words of every row, by FTS5's rank=1
// integrity-check run on the copy, whose content is the folded text.
func (c checker) externalDrift(ctx context.Context, ix ftsIndex, it *app.CheckItem) error {
	if err := c.conn.QueryRowContext(ctx, `SELECT count(*) FROM main.`+ix.content).Scan(&it.Checked); err != nil {
		return err
	}
	var lacks, stale int64
	if err := c.conn.QueryRowContext(ctx, `SELECT count(*) FROM main.`+ix.content+` WHERE id NOT IN (SELECT id FROM main.`+ix.name+`_docsize)`).Scan(&lacks); err != nil {
		return err
	}
	if err := c.conn.QueryRowContext(ctx, `SELECT count(*) FROM main.`+ix.name+`_docsize WHERE id NOT IN (SELECT id FROM main.`+ix.content+`)`).Scan(&stale); err != nil {
		return err
	}
	if lacks > 0 {
		problem(it, "the index %s lacks %d of the %d rows of %s: search does not find them", ix.name, lacks, it.Checked, ix.content)
	}
	if stale > 0 {
		problem(it, "the index %s holds %d rows that are no longer in %s", ix.name, stale, ix.content)
	}
	_, err := c.conn.ExecContext(ctx, `INSERT INTO temp.`+copyName+`(`+copyName+`, rank) VALUES ('integrity-check', 1)`)
	switch {
	case err == nil:
		return nil
	case ctx.Err() != nil:
		return ctx.Err()
	case !app.IsCode(mapError(err), app.ECORRUPT):
		return err
	case lacks == 0 && stale == 0: // FTS5 says the index and the text disagree
		problem(it, "the words the index %s holds for some rows differ from their text: search finds them by old words", ix.name)
	}
	return nil
}

// ownDrift checks an index that keeps its own text: its rows must be exactly the rows the
// triggers write from the tables.
func (c checker) ownDrift(ctx context.Context, ix ftsIndex, it *app.CheckItem) error {
	held := `SELECT rowid, ` + strings.Join(ix.columns, ", ") + ` FROM main.` + ix.name
	if err := c.conn.QueryRowContext(ctx, `SELECT count(*) FROM (`+ix.rows+`)`).Scan(&it.Checked); err != nil {
		return err
	}
	var lacks, stale int64
	if err := c.conn.QueryRowContext(ctx, `SELECT count(*) FROM (`+ix.rows+` EXCEPT `+held+`)`).Scan(&lacks); err != nil {
		return err
	}
	if err := c.conn.QueryRowContext(ctx, `SELECT count(*) FROM (`+held+` EXCEPT `+ix.rows+`)`).Scan(&stale); err != nil {
		return err
	}
	if lacks > 0 {
		problem(it, "the index %s lacks or holds out of date %d of its %d rows: search does not find them as they are", ix.name, lacks, it.Checked)
	}
	if stale > 0 {
		problem(it, "the index %s holds %d rows that are gone or out of date", ix.name, stale)
	}
	return nil
}

// foreignKeys runs PRAGMA foreign_key_check: rows pointing at a row that is gone.
func (c checker) foreignKeys(ctx context.Context) app.CheckItem {
	return timed("foreign keys", "tables", func(it *app.CheckItem) {
		c.conn.QueryRowContext(ctx, `SELECT count(*) FROM main.sqlite_schema WHERE type = 'table' AND sql LIKE '%REFERENCES%'`).Scan(&it.Checked)
		rows, err := c.conn.QueryContext(ctx, `SELECT "table", parent, count(*) FROM pragma_foreign_key_check GROUP BY 1, 2 ORDER BY 1, 2`)
		if err != nil {
			failed(it, err)
			return
		}
		defer rows.Close()
		for rows.Next() {
			var table, parent string
			var n int64
			if err := rows.Scan(&table, &parent, &n); err != nil {
				failed(it, err)
				return
			}
			problem(it, "%d rows of %s point to rows of %s that are gone", n, table, parent)
		}
		if err := rows.Err(); err != nil {
			failed(it, err)
		}
	})
}

// orphanMentionsWhere selects the mentions whose article or actor is gone.
const orphanMentionsWhere = `article_id NOT IN (SELECT id FROM main.articles) OR actor_id NOT IN (SELECT id FROM main.actors)`

// orphanEvidenceWhere selects the evidence whose relation or article is gone.
const orphanEvidenceWhere = `relation_id NOT IN (SELECT id FROM main.relations) OR article_id NOT IN (SELECT id FROM main.articles)`

func (c checker) orphanMentions(ctx context.Context) app.CheckItem {
	return c.orphans(ctx, "orphan mentions", "mentions", orphanMentionsWhere, "mentions of an article or actor that is gone")
}

func (c checker) orphanEvidence(ctx context.Context) app.CheckItem {
	return c.orphans(ctx, "orphan evidence", "evidence", orphanEvidenceWhere, "pieces of evidence of a relation or article that is gone")
}

func (c checker) orphans(ctx context.Context, name, table, where, what string) app.CheckItem {
	return timed(name, "rows", func(it *app.CheckItem) {
		if err := c.conn.QueryRowContext(ctx, `SELECT count(*) FROM main.`+table).Scan(&it.Checked); err != nil {
			failed(it, err)
			return
		}
		var n int64
		if err := c.conn.QueryRowContext(ctx, `SELECT count(*) FROM main.`+table+` WHERE `+where).Scan(&n); err != nil {
			failed(it, err)
			return
		}
		if n > 0 {
			problem(it, "%d %s", n, what)
		}
	})
}

// counts returns how many tables the project has and how many rows its ordinary tables
// hold; a table that cannot be counted (damaged) is passed over, the checks say why. An
// error says the list of tables could not be read to the end.
func (c checker) counts(ctx context.Context) (tables int, rows int64, err error) {
	list, err := c.conn.QueryContext(ctx, `SELECT name, sql LIKE 'CREATE VIRTUAL TABLE%' FROM main.sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\_%' ESCAPE '\' ORDER BY name`)
	if err != nil {
		return 0, 0, err
	}
	var ordinary []string
	for list.Next() {
		var name string
		var virtual bool
		if err := list.Scan(&name, &virtual); err != nil {
			list.Close()
			return tables, 0, err
		}
		tables++
		if !virtual {
			ordinary = append(ordinary, name)
		}
	}
	list.Close()
	if err := list.Err(); err != nil {
		return tables, 0, err
	}
	for _, t := range ordinary {
		var n int64
		if c.conn.QueryRowContext(ctx, `SELECT count(*) FROM main."`+strings.ReplaceAll(t, `"`, `""`)+`"`).Scan(&n) == nil {
			rows += n
		}
	}
	return tables, rows, nil
}

// Repair mends what Check finds that the store can mend itself: it removes the orphan
// mentions and evidence, rebuilds each full-text index found damaged or drifted the way
// the store indexes (folded text, never FTS5's 'rebuild'), and relinks the mentions of
// every article. It all happens in one transaction, and the report says exactly what
// changed. A project open read-only because damaged is refused: its pages cannot be
// trusted, so what can be read is saved to a copy or a backup restored first.
func (s *Store) Repair(ctx context.Context) (app.RepairReport, error) {
	start := time.Now()
	var rep app.RepairReport
	if s.damage != "" {
		return rep, &app.Error{Code: app.EREADONLY, Err: errRepairDamaged, Message: "This project is damaged (" + s.damage +
			") and open read-only, so it cannot be repaired in place. Save a copy of what can still be read (File ▸ Save a copy) or restore a backup, then check that."}
	}
	found, err := s.Check(ctx)
	if err != nil {
		return rep, err
	}
	if damage := found.PageDamage(); damage != "" {
		// Damage the open-time check had no time to reach: the same refusal, since
		// writing into pages that cannot be trusted could lose what is still readable.
		return rep, &app.Error{Code: app.ECORRUPT, Err: errRepairDamaged, Message: "This project is damaged (" + damage +
			"), so it cannot be repaired in place. Nothing was changed. Save a copy of what can still be read (File ▸ Save a copy) or restore a backup, then check that."}
	}
	broken := brokenParts(found)
	err = s.tx(ctx, func(tx *sql.Tx) error {
		ch, err := mend(ctx, tx, broken)
		rep.Changes = ch
		return err
	})
	rep.Took = time.Since(start)
	if err != nil {
		return app.RepairReport{Took: rep.Took}, err
	}
	return rep, nil
}

// brokenParts names what the check found broken that Repair rebuilds: each full-text
// index (by its name), the "review queue" and the articles counted by actor and date.
func brokenParts(found app.CheckReport) map[string]bool {
	broken := map[string]bool{}
	for _, it := range found.Items {
		if it.OK() {
			continue
		}
		if it.Name == "review queue" || it.Name == actorDatesName {
			broken[it.Name] = true
		}
		for _, ix := range ftsIndexes {
			if strings.HasPrefix(it.Name, "full-text index "+ix.name) {
				broken[ix.name] = true
			}
		}
	}
	return broken
}

// mend is the repair inside its transaction: orphans removed, the broken parts rebuilt,
// every article's mentions relinked; it returns what changed.
func mend(ctx context.Context, tx *sql.Tx, broken map[string]bool) ([]app.RepairChange, error) {
	changes, err := removeOrphans(ctx, tx)
	if err != nil {
		return nil, err
	}
	for _, ix := range ftsIndexes {
		if !broken[ix.name] {
			continue
		}
		n, err := rebuildIndex(ctx, tx, ix)
		if err != nil {
			return nil, fmt.Errorf("rebuilding %s: %w", ix.name, err)
		}
		changes = append(changes, app.RepairChange{Kind: "full-text index rebuilt", Count: n,
			What: fmt.Sprintf("rebuilt the full-text index %s from the text (%d rows indexed)", ix.name, n)})
	}
	if broken["review queue"] {
		n, err := rebuildQueue(ctx, tx)
		if err != nil {
			return nil, err
		}
		changes = append(changes, app.RepairChange{Kind: "review queue grouped again", Count: n,
			What: fmt.Sprintf("grouped the review queue again from the suggestions stored (%d names)", n)})
	}
	if broken[actorDatesName] {
		n, err := rebuildActorDates(ctx, tx)
		if err != nil {
			return nil, err
		}
		changes = append(changes, app.RepairChange{Kind: "article counts made again", Count: n,
			What: fmt.Sprintf("counted the articles naming each actor on each date again from the mentions (%d counts)", n)})
	}
	ch, err := relinkAll(ctx, tx)
	if err != nil {
		return nil, fmt.Errorf("relinking mentions: %w", err)
	}
	return append(changes, ch...), nil
}

// removeOrphans removes the mentions and evidence left pointing at what is gone.
func removeOrphans(ctx context.Context, tx *sql.Tx) ([]app.RepairChange, error) {
	var changes []app.RepairChange
	for _, o := range []struct{ table, where, kind, what string }{
		{"mentions", orphanMentionsWhere, "orphan mentions removed", "mentions of an article or actor that is gone"},
		{"evidence", orphanEvidenceWhere, "orphan evidence removed", "pieces of evidence of a relation or article that is gone"},
	} {
		res, err := tx.ExecContext(ctx, `DELETE FROM `+o.table+` WHERE `+o.where)
		if err != nil {
			return nil, fmt.Errorf("removing orphan %s: %w", o.table, err)
		}
		if n, _ := res.RowsAffected(); n > 0 {
			changes = append(changes, app.RepairChange{Kind: o.kind, Count: n, What: fmt.Sprintf("removed %d %s", n, o.what)})
		}
	}
	return changes, nil
}

// rebuildIndex empties the index ix and indexes every row again as the store does, and
// returns how many rows it indexed.
func rebuildIndex(ctx context.Context, tx *sql.Tx, ix ftsIndex) (int64, error) {
	empty := `DELETE FROM ` + ix.name
	if ix.content != "" {
		// An external-content index cannot be emptied by DELETE (it would read the
		// content to know what to take out); 'delete-all' empties the index itself.
		empty = `INSERT INTO ` + ix.name + `(` + ix.name + `) VALUES ('delete-all')`
	}
	if _, err := tx.ExecContext(ctx, empty); err != nil {
		return 0, err
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO `+ix.name+`(rowid, `+strings.Join(ix.columns, ", ")+`) `+ix.rows)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

// relinkAll relinks the mentions of every article with the store's linker and says what
// that changed, comparing the mentions before and after.
func relinkAll(ctx context.Context, tx *sql.Tx) ([]app.RepairChange, error) {
	const snapshot = `SELECT article_id, actor_id, start, end, status FROM mentions`
	if _, err := tx.ExecContext(ctx, `DROP TABLE IF EXISTS temp.dossier_mentions_before`); err != nil {
		return nil, err
	}
	if _, err := tx.ExecContext(ctx, `CREATE TEMP TABLE dossier_mentions_before AS `+snapshot); err != nil {
		return nil, err
	}
	defer tx.ExecContext(context.Background(), `DROP TABLE IF EXISTS temp.dossier_mentions_before`)
	ids, err := idSet(tx.QueryContext(ctx, `SELECT id FROM articles`))
	if err != nil {
		return nil, err
	}
	if err := relinkArticles(ctx, tx, ids, nil); err != nil {
		return nil, err
	}
	var added, removed int64
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM (`+snapshot+` EXCEPT SELECT * FROM temp.dossier_mentions_before)`).Scan(&added); err != nil {
		return nil, err
	}
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT * FROM temp.dossier_mentions_before EXCEPT `+snapshot+`)`).Scan(&removed); err != nil {
		return nil, err
	}
	var out []app.RepairChange
	if added > 0 {
		out = append(out, app.RepairChange{Kind: "mentions linked", Count: added, What: fmt.Sprintf("linked %d mentions the articles' text holds that were missing or changed", added)})
	}
	if removed > 0 {
		out = append(out, app.RepairChange{Kind: "mentions unlinked", Count: removed, What: fmt.Sprintf("removed %d mentions the articles' text no longer holds as they were", removed)})
	}
	return out, nil
}

// errRepairDamaged is Repair's refusal on a damaged project.
var errRepairDamaged = errors.New("repair refused on a damaged project")
