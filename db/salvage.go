package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"

	"dossier/app"
)

// Salvage copies every row that can still be read from the damaged project at from into
// a new project at to (which must not exist: nothing is overwritten). The damaged file is
// only read. Each table is read in rowid order; where a read fails part way (a damaged
// page), the rows past the damage are found again by seeking further on, and the run of
// rows skipped is reported. Rows saved that point to a row that could not be read (a
// relation whose actor was on a damaged page) are left out and counted, so that the new
// project's links hold. The full-text indexes are then rebuilt from the saved text, and
// the report ends with the new project's full check. On an error the new file is removed.
func Salvage(ctx context.Context, from, to string) (rep app.SalvageReport, err error) {
	src, dst, err := salvagePaths(from, to)
	if err != nil {
		return rep, err
	}
	rep.Path = dst
	h, err := readHeader(src)
	if err != nil {
		return rep, err
	}
	if !h.sqlite || h.appID != ApplicationID {
		return rep, app.Errorf(app.ENOTPROJ, "%s is not a Dossier project; there is nothing to salvage from it.", src)
	}
	in, err := sql.Open("sqlite", dsn(src, true))
	if err != nil {
		return rep, err
	}
	defer in.Close()
	in.SetMaxOpenConns(1)
	out, err := Create(ctx, dst)
	if err != nil {
		return rep, fmt.Errorf("salvage of %s: cannot create %s: %w", src, dst, err)
	}
	defer func() {
		out.Close()
		if err != nil {
			for _, ext := range []string{"", "-wal", "-shm"} {
				os.Remove(dst + ext)
			}
		}
	}()
	want, err := out.SchemaVersion(ctx)
	if err != nil {
		return rep, err
	}
	if int(h.userVersion) != want {
		return rep, app.Errorf(app.EINVALID, "%s is a project of schema %d and this Dossier salvages into schema %d; open it once with the Dossier that wrote it, or restore a backup.", src, h.userVersion, want)
	}
	if err := out.salvageFrom(ctx, in, &rep); err != nil {
		return rep, fmt.Errorf("salvage of %s into %s: %w", src, dst, mapError(err))
	}
	if rep.Check, err = out.Check(ctx); err != nil {
		return rep, err
	}
	return rep, nil
}

// salvagePaths makes both paths absolute and refuses an existing destination.
func salvagePaths(from, to string) (string, string, error) {
	src, err := filepath.Abs(from)
	if err != nil {
		return "", "", app.Errorf(app.EINVALID, "“%s” is not a usable file name.", from)
	}
	dst, err := filepath.Abs(to)
	if err != nil || strings.TrimSpace(to) == "" {
		return "", "", app.Errorf(app.EINVALID, "“%s” is not a usable file name.", to)
	}
	if _, err := os.Lstat(dst); err == nil {
		return "", "", app.Errorf(app.ECONFLICT, "%s already exists; salvage writes only a new project. Choose another name.", dst)
	}
	return src, dst, nil
}

// salvageFrom fills s, a new empty project, from in. It runs in one transaction with the
// foreign keys and triggers off: rows arrive table by table in any order, and the
// triggers' side tables (search indexes, mention bookkeeping) are copied or rebuilt
// rather than written twice.
func (s *Store) salvageFrom(ctx context.Context, in *sql.DB, rep *app.SalvageReport) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "PRAGMA foreign_keys = OFF"); err != nil {
		return err
	}
	defer conn.ExecContext(context.Background(), "PRAGMA foreign_keys = ON")
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	triggers, err := nameSQL(ctx, tx, `SELECT name, sql FROM main.sqlite_schema WHERE type = 'trigger' ORDER BY name`)
	if err != nil {
		return err
	}
	for _, t := range triggers {
		if _, err := tx.ExecContext(ctx, `DROP TRIGGER `+quoteName(t[0])); err != nil {
			return err
		}
	}
	if err := copyTables(ctx, in, tx, rep); err != nil {
		return err
	}
	if err := dropDangling(ctx, tx, rep); err != nil {
		return err
	}
	// The queue is derived: whatever was copied of it, it is grouped again from the
	// suggestions of the articles saved.
	if _, err := rebuildQueue(ctx, tx); err != nil {
		return err
	}
	// So are the counts of each actor's articles by date (migration 0015).
	if _, err := rebuildActorDates(ctx, tx); err != nil {
		return err
	}
	if err := restoreTriggers(ctx, tx, triggers); err != nil {
		return err
	}
	return tx.Commit()
}

// copyTables copies what can be read of each of the new project's tables from in, and
// adds what it copied of each to rep.
func copyTables(ctx context.Context, in *sql.DB, tx *sql.Tx, rep *app.SalvageReport) error {
	tables, err := salvageTables(ctx, tx)
	if err != nil {
		return err
	}
	known, err := sourceTables(ctx, in)
	if err != nil {
		return fmt.Errorf("nothing could be salvaged: the damaged project's list of tables cannot be read: %w", err)
	}
	for _, t := range tables {
		st := app.SalvageTable{Name: t, Total: -1}
		if !known[t] {
			st.Unreadable = []string{"the table is not in the damaged project's list of tables"}
		} else if err := copyTable(ctx, in, tx, t, &st); err != nil {
			return err
		}
		rep.Tables = append(rep.Tables, st)
	}
	return nil
}

// restoreTriggers puts back the triggers set aside (name, sql) and rebuilds every
// full-text index from the rows saved.
func restoreTriggers(ctx context.Context, tx *sql.Tx, triggers [][2]string) error {
	for _, t := range triggers {
		if _, err := tx.ExecContext(ctx, t[1]); err != nil {
			return err
		}
	}
	for _, ix := range ftsIndexes {
		if _, err := rebuildIndex(ctx, tx, ix); err != nil {
			return fmt.Errorf("rebuilding %s: %w", ix.name, err)
		}
	}
	return nil
}

// salvageTables lists the new project's ordinary tables: the full-text indexes and their
// shadow tables are rebuilt, not copied.
func salvageTables(ctx context.Context, tx *sql.Tx) ([]string, error) {
	all, err := nameSQL(ctx, tx, `SELECT name, sql FROM main.sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\_%' ESCAPE '\' ORDER BY rootpage`)
	if err != nil {
		return nil, err
	}
	var virtual []string
	for _, t := range all {
		if strings.HasPrefix(strings.ToUpper(t[1]), "CREATE VIRTUAL TABLE") {
			virtual = append(virtual, t[0])
		}
	}
	var out []string
next:
	for _, t := range all {
		for _, v := range virtual {
			if t[0] == v || strings.HasPrefix(t[0], v+"_") {
				continue next
			}
		}
		out = append(out, t[0])
	}
	return out, nil
}

// sourceTables lists the tables the damaged project's schema names.
func sourceTables(ctx context.Context, in *sql.DB) (map[string]bool, error) {
	rows, err := in.QueryContext(ctx, `SELECT name FROM main.sqlite_schema WHERE type = 'table'`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		out[n] = true
	}
	return out, rows.Err()
}

func nameSQL(ctx context.Context, tx *sql.Tx, q string) ([][2]string, error) {
	rows, err := tx.QueryContext(ctx, q)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out [][2]string
	for rows.Next() {
		var name string
		var text sql.NullString
		if err := rows.Scan(&name, &text); err != nil {
			return nil, err
		}
		out = append(out, [2]string{name, text.String})
	}
	return out, rows.Err()
}

func quoteName(n string) string { return `"` + strings.ReplaceAll(n, `"`, `""`) + `"` }

// columns lists table's columns in the new project.
func columns(ctx context.Context, tx *sql.Tx, table string) ([]string, error) {
	rows, err := tx.QueryContext(ctx, `SELECT name FROM pragma_table_info(?) ORDER BY cid`, table)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		out = append(out, quoteName(n))
	}
	return out, rows.Err()
}

// errWrite marks a failure to write the new project, which stops the salvage, from a
// failure to read the damaged one, which skips rows.
type errWrite struct{ err error }

func (e errWrite) Error() string { return e.err.Error() }
func (e errWrite) Unwrap() error { return e.err }

// copyTable copies the readable rows of table from in into tx, in rowid order. When a
// read fails after row last, findResume looks for the first row past the damage and the
// copy goes on from there; each skipped run is said in st.Unreadable.
func copyTable(ctx context.Context, in *sql.DB, tx *sql.Tx, table string, st *app.SalvageTable) error {
	r, ins, err := prepareCopy(ctx, in, tx, table)
	if err != nil {
		return err
	}
	defer ins.Close()
	var total int64
	if in.QueryRowContext(ctx, `SELECT count(*) FROM main.`+quoteName(table)).Scan(&total) == nil {
		st.Total = total
	}
	from := int64(math.MinInt64)
	started := false // a row was read: last is meaningful
	var last int64
	for {
		n, l, err := r.copyFrom(ctx, from, ins)
		st.Saved += n
		if n > 0 {
			started, last = true, l
		}
		var we errWrite
		if errors.As(err, &we) {
			return fmt.Errorf("table %s: %w", table, we.err)
		}
		if err == nil {
			return nil
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		next, goOn := r.skipDamage(ctx, st, err, from, last, started)
		if !goOn {
			return nil
		}
		from = next
	}
}

// prepareCopy makes the reader of table's rows in the damaged project and the statement
// that writes them into the new one.
func prepareCopy(ctx context.Context, in *sql.DB, tx *sql.Tx, table string) (rowReader, *sql.Stmt, error) {
	cols, err := columns(ctx, tx, table)
	if err != nil {
		return rowReader{}, nil, err
	}
	list := strings.Join(cols, ", ")
	sel := `SELECT rowid, ` + list + ` FROM main.` + quoteName(table) + ` WHERE rowid >= ? ORDER BY rowid`
	// OR REPLACE: the rows a new project starts with (built-in relation types, the
	// mention state) give way to the damaged project's own.
	ins, err := tx.PrepareContext(ctx, `INSERT OR REPLACE INTO main.`+quoteName(table)+` (`+list+`) VALUES (`+strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ")+`)`)
	if err != nil {
		return rowReader{}, nil, err
	}
	return rowReader{in: in, sel: sel, width: len(cols) + 1}, ins, nil
}

// skipDamage records in st the rows that the read begun at from could not give (err says
// why) after the last row read (started: a row was read), and returns the rowid to read
// on from; false when nothing further can be read.
func (r rowReader) skipDamage(ctx context.Context, st *app.SalvageTable, err error, from, last int64, started bool) (int64, bool) {
	after := from - 1
	if started {
		after = last
	}
	next, found, ok := r.findResume(ctx, after, from == math.MinInt64 && !started)
	where := fmt.Sprintf("the rows with ids from %d", after+1)
	if !started {
		where = "the first rows"
	}
	switch {
	case !ok && !started:
		st.Unreadable = append(st.Unreadable, fmt.Sprintf("the whole table (%s)", readReason(err)))
		return 0, false
	case !ok || !found:
		st.Unreadable = append(st.Unreadable, fmt.Sprintf("%s on, to the end of the table (%s)", where, readReason(err)))
		return 0, false
	}
	st.Unreadable = append(st.Unreadable, fmt.Sprintf("%s to %d (%s)", where, next-1, readReason(err)))
	return next, true
}

// readReason says why a read failed, in words: damage as such, anything else as SQLite
// put it (a raw driver string only where no plainer word is known).
func readReason(err error) string {
	if app.IsCode(mapError(err), app.ECORRUPT) {
		return "a damaged page"
	}
	return "SQLite: " + err.Error()
}

// rowReader reads rows of one table of the damaged project.
type rowReader struct {
	in    *sql.DB
	sel   string // rows with rowid >= ?, in rowid order: rowid first, then the columns
	width int
}

// copyFrom copies rows with rowid >= from until the end (nil) or a read fails (that
// error); it returns how many it copied and the last one's rowid.
func (r rowReader) copyFrom(ctx context.Context, from int64, ins *sql.Stmt) (n, last int64, err error) {
	rows, err := r.in.QueryContext(ctx, r.sel, from)
	if err != nil {
		return 0, 0, err
	}
	defer rows.Close()
	vals := make([]any, r.width)
	ptrs := make([]any, r.width)
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return n, last, err
		}
		if _, err := ins.ExecContext(ctx, vals[1:]...); err != nil {
			return n, last, errWrite{err}
		}
		last = vals[0].(int64)
		n++
	}
	return n, last, rows.Err()
}

// readsFrom reports whether the first row with rowid >= x can be read, and its rowid
// (found false: there is none).
func (r rowReader) readsFrom(ctx context.Context, x int64) (rowid int64, found, ok bool) {
	rows, err := r.in.QueryContext(ctx, r.sel+` LIMIT 1`, x)
	if err != nil {
		return 0, false, false
	}
	defer rows.Close()
	vals := make([]any, r.width)
	ptrs := make([]any, r.width)
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	if rows.Next() {
		if rows.Scan(ptrs...) != nil {
			return 0, false, false
		}
		rowid, found = vals[0].(int64), true
	}
	return rowid, found, rows.Err() == nil
}

// findResume finds the first row that can be read past a failed read after rowid after:
// it seeks further on by doubling steps until a read succeeds, then narrows down to the
// smallest start that reads, so that no readable row just past the damage is skipped.
// ok is false when nothing past after can be read; found false when what reads is the
// end of the table. fromStart seeks from the lowest rowid there can be.
func (r rowReader) findResume(ctx context.Context, after int64, fromStart bool) (next int64, found, ok bool) {
	lo := after // a start known to fail (or the row just before the failure)
	if fromStart {
		lo = math.MinInt64
	}
	var hi int64
	step := int64(1)
	for {
		if ctx.Err() != nil || lo > math.MaxInt64-step {
			return 0, false, false
		}
		hi = lo + step
		if _, _, good := r.readsFrom(ctx, hi); good {
			break
		}
		lo = hi
		if step <= math.MaxInt64/2 {
			step *= 2
		}
	}
	// Narrow down: the smallest start in (lo, hi] that reads.
	for hi-lo > 1 {
		mid := lo + (hi-lo)/2
		if _, _, good := r.readsFrom(ctx, mid); good {
			hi = mid
		} else {
			lo = mid
		}
	}
	next, found, ok = r.readsFrom(ctx, hi)
	return next, found, ok
}

// dropDangling removes the saved rows that point to a row that could not be read (PRAGMA
// foreign_key_check), again until none is left (removing a relation leaves its evidence
// dangling), and records them in the report.
func dropDangling(ctx context.Context, tx *sql.Tx, rep *app.SalvageReport) error {
	for round := 0; round < 10; round++ {
		type key struct{ table, parent string }
		found := map[key][]int64{}
		var order []key
		seen := map[string]map[int64]bool{} // a row dangling by two keys is one row
		rows, err := tx.QueryContext(ctx, `SELECT "table", rowid, parent FROM pragma_foreign_key_check`)
		if err != nil {
			return err
		}
		for rows.Next() {
			var k key
			var id sql.NullInt64
			if err := rows.Scan(&k.table, &id, &k.parent); err != nil {
				rows.Close()
				return err
			}
			if seen[k.table] == nil {
				seen[k.table] = map[int64]bool{}
			}
			if seen[k.table][id.Int64] {
				continue
			}
			seen[k.table][id.Int64] = true
			if _, ok := found[k]; !ok {
				order = append(order, k)
			}
			found[k] = append(found[k], id.Int64)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if len(order) == 0 {
			return nil
		}
		for _, k := range order {
			ids := found[k]
			for _, id := range ids {
				if _, err := tx.ExecContext(ctx, `DELETE FROM main.`+quoteName(k.table)+` WHERE rowid = ?`, id); err != nil {
					return err
				}
			}
			for i := range rep.Tables {
				if rep.Tables[i].Name == k.table {
					t := &rep.Tables[i]
					t.Dropped += int64(len(ids))
					t.DroppedWhy = append(t.DroppedWhy, fmt.Sprintf("%s pointing to rows of %s that could not be read", rowsText(int64(len(ids))), k.parent))
				}
			}
		}
	}
	return errors.New("rows pointing to unreadable rows remain after removing them ten times")
}

func rowsText(n int64) string {
	if n == 1 {
		return "1 row"
	}
	return fmt.Sprintf("%d rows", n)
}
