package db

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"dossier/app"
)

// repairHint is what every damage message tells the researcher to do.
const repairHint = "Nothing was changed. Save a copy of what can still be read (File ▸ Save a copy) or restore a backup."

// checkBudget is how long the open-time check may run before it stops checking the tables
// that grow with the articles (the small ones are always checked whole). It keeps opening
// under ~200 ms whatever the project's size (BenchmarkOpenCheck); the tables it has no
// time for are left to the reads that meet a damaged page, which stop with ECORRUPT. A
// project of a few thousand articles is checked whole well within it.
var checkBudget = 120 * time.Millisecond

// readOnlyCheckBudget is the budget of the check OpenReadOnly runs to say what is damaged:
// a project already known to be damaged is worth a longer look than an ordinary open.
var readOnlyCheckBudget = 3 * time.Second

// largeTable reports whether a table grows with the number of articles, and so is checked
// within checkBudget rather than always. A full-text index's shadow tables count too,
// whatever it indexes.
func largeTable(name string) bool {
	switch name {
	case "articles", "mentions", "relations", "evidence", "mention_scan":
		return true
	}
	for _, suffix := range []string{"_fts_data", "_fts_docsize", "_fts_content"} {
		if strings.HasSuffix(name, suffix) {
			return true
		}
	}
	return false
}

// damaged is the error for a project found damaged on opening.
func damaged(path, what string) error {
	return app.Errorf(app.ECORRUPT, "%s is damaged: %s. Dossier can open it read-only to let you save what is left. %s", path, what, repairHint)
}

// check is the quick check run on every open: the schema must load and the tables must
// pass PRAGMA quick_check (the large ones as far as checkBudget allows). It never writes.
func (s *Store) check(ctx context.Context) error {
	problem, err := s.findDamage(ctx, checkBudget)
	if err != nil {
		return err
	}
	if problem != "" {
		return damaged(s.path, problem)
	}
	return nil
}

// CheckPages runs the open-time check on every table, however long the large ones take,
// and returns the error Open returns for a damaged project (ECORRUPT, naming the page).
// Open checks the large tables only as far as checkBudget allows, so on a slow machine or
// a large project it can miss a damaged page that a fast machine finds; a command whose
// job is to find damage (dossier check) calls this, so that what it reports and advises
// does not depend on the machine's speed.
func (s *Store) CheckPages(ctx context.Context) (err error) {
	defer wrapErr(&err, "checking every page")
	problem, err := s.findDamage(ctx, noLimit)
	if err != nil {
		return err
	}
	if problem != "" {
		return damaged(s.path, problem)
	}
	return nil
}

// noLimit is findDamage's limit for a check of every table whatever the time.
const noLimit time.Duration = -1

// findDamage returns what is wrong with the open file, "" when the check finds nothing;
// the large tables are checked until limit has passed (noLimit: to the end).
// An error is returned only for a failure that says nothing about the file (a cancelled context).
func (s *Store) findDamage(ctx context.Context, limit time.Duration) (string, error) {
	budget, cancel := ctx, context.CancelFunc(func() {})
	if limit != noLimit {
		budget, cancel = context.WithTimeout(ctx, limit)
	}
	defer cancel()
	small, large, err := s.checkedTables(ctx)
	if err != nil {
		if app.IsCode(mapError(err), app.ECORRUPT) {
			return "its table of contents (the schema) cannot be read", nil
		}
		return "", mapOpenError(s.path, err)
	}
	if missing, err := s.missingTable(ctx, append(small, large...)); err != nil || missing != "" {
		return missing, err
	}
	for _, t := range small {
		problem, stopped := s.quickCheck(ctx, t)
		if stopped {
			return "", ctx.Err()
		}
		if problem != "" {
			return problem, nil
		}
	}
	for _, t := range large {
		problem, stopped := s.quickCheck(budget, t)
		if stopped {
			// Out of time: not a sign of damage. The rest is left to the reads.
			return "", ctx.Err()
		}
		if problem != "" {
			return problem, nil
		}
	}
	return "", nil
}

// coreTables are tables every Dossier project has had since schema version 1.
var coreTables = []string{"outlets", "articles", "actors", "aliases", "relation_types", "relations", "evidence"}

// missingTable says which core table a project's schema lacks, "" when none does.
func (s *Store) missingTable(ctx context.Context, tables []string) (string, error) {
	var version int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return "", mapOpenError(s.path, err)
	}
	if version < 1 {
		return "", nil // a new project: the migrations are about to create them
	}
	for _, t := range coreTables {
		if !slices.Contains(tables, t) {
			return fmt.Sprintf("its table %s is missing", t), nil
		}
	}
	return "", nil
}

// quickCheck runs PRAGMA quick_check on one table and says what is wrong with it, or
// stopped when ctx ended first.
func (s *Store) quickCheck(ctx context.Context, table string) (problem string, stopped bool) {
	var first string
	n := 0
	// The PRAGMA statement, not the pragma_quick_check() function: the function form
	// stops at the first malformed page with an error instead of saying which page.
	rows, err := s.db.QueryContext(ctx, `PRAGMA quick_check("`+strings.ReplaceAll(table, `"`, `""`)+`")`)
	if err == nil {
		for rows.Next() {
			var line string
			if rows.Scan(&line) == nil && n == 0 {
				first = line
			}
			n++
		}
		err = rows.Err()
		rows.Close()
	}
	switch {
	case first != "" && first != "ok":
		// On a malformed page quick_check may say where, then stop with an error.
		return describeCheck(table, first), false
	case ctx.Err() != nil:
		return "", true
	case err != nil:
		return fmt.Sprintf("table %s cannot be read (%v)", table, err), false
	case n != 1:
		return describeCheck(table, first), false
	}
	return "", false
}

// checkedTables lists the ordinary tables the open-time check reads: the small ones (actors,
// types, notes…), always checked, and the large ones, smallest first, checked as time
// allows. Virtual tables are left out: checking a full-text index means reading all of it.
func (s *Store) checkedTables(ctx context.Context) (small, large []string, err error) {
	rows, err := s.db.QueryContext(ctx, `SELECT name FROM sqlite_schema WHERE type = 'table'
		AND name NOT LIKE 'sqlite\_%' ESCAPE '\' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name`)
	if err != nil {
		return nil, nil, err
	}
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			rows.Close()
			return nil, nil, err
		}
		if largeTable(name) {
			large = append(large, name)
		} else {
			small = append(small, name)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, nil, err
	}
	// max(rowid) is read from the end of the b-tree alone: a size estimate at no cost.
	size := map[string]int64{}
	for _, t := range large {
		var n sql.NullInt64
		if err := s.db.QueryRowContext(ctx, `SELECT max(rowid) FROM "`+strings.ReplaceAll(t, `"`, `""`)+`"`).Scan(&n); err != nil {
			n.Int64 = math.MaxInt64 // checked last; the check itself says what is wrong
		}
		size[t] = n.Int64
	}
	sort.SliceStable(large, func(i, j int) bool { return size[large[i]] < size[large[j]] })
	return small, large, nil
}

// describeCheck turns quick_check's answer about table ("*** in database main ***\nTree 5
// page 60: btreeInitPage() returns error code 11") into words, keeping the page number.
func describeCheck(table, out string) string {
	out = strings.TrimSpace(strings.TrimPrefix(out, "*** in database main ***"))
	line, _, _ := strings.Cut(out, "\n")
	if line == "" {
		return fmt.Sprintf("the check of table %s gave no answer", table)
	}
	if _, after, ok := strings.Cut(line, "page "); ok {
		var page int
		if _, err := fmt.Sscanf(after, "%d", &page); err == nil && page > 0 {
			return fmt.Sprintf("page %d of table %s is malformed (SQLite: %s)", page, table, line)
		}
	}
	return fmt.Sprintf("table %s is damaged (SQLite: %s)", table, line)
}

// OpenReadOnly opens a project that Open refused as damaged, for reading only: nothing is
// ever written to the file (no WAL switch, no migration, no lock file). Damage says what
// the open-time check found. A file that is not a Dossier project is still refused.
func OpenReadOnly(ctx context.Context, path string) (*Store, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, app.Errorf(app.EINVALID, "“%s” is not a usable file name.", path)
	}
	st, err := os.Stat(abs)
	if err != nil {
		return nil, &app.Error{Code: app.ENOTFOUND, Message: fmt.Sprintf("Cannot open %s.", abs), Err: err}
	}
	h, err := readHeader(abs)
	if err != nil {
		return nil, err
	}
	if !h.sqlite || h.appID != ApplicationID {
		return nil, checkHeader(abs, h, st.Size())
	}
	damage := h.problem
	if damage == "" && !hasJournal(abs) {
		damage = h.sizeProblem(st.Size())
	}
	if damage == "" {
		// Read before this open rebuilds the WAL index, which holds the evidence.
		damage = walLoss(abs)
	}
	db, err := sql.Open("sqlite", dsn(abs, true))
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	db.SetMaxIdleConns(1)
	s := &Store{db: db, path: abs}
	if damage == "" {
		if damage, err = s.findDamage(ctx, readOnlyCheckBudget); err != nil {
			db.Close()
			return nil, err
		}
	}
	if damage == "" {
		damage = "a page could not be read when Dossier opened it (the quick check did not find it again)"
	}
	s.damage = damage
	return s, nil
}

// Damage says what is wrong with a project opened read-only because it is damaged; "" for
// a whole project.
func (s *Store) Damage() string { return s.damage }

// PagesOf lists the page numbers of table's b-tree (its leaf and interior pages, in tree
// order) and the page size, read from SQLite's dbstat table. Tests use it to damage a
// chosen page of a real project.
func (s *Store) PagesOf(ctx context.Context, table string) (leaves, interior []int64, pageSize int, err error) {
	if err = s.db.QueryRowContext(ctx, "PRAGMA page_size").Scan(&pageSize); err != nil {
		return nil, nil, 0, mapError(err)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT pageno, pagetype FROM dbstat WHERE name = ? AND pagetype <> 'overflow' ORDER BY path`, table)
	if err != nil {
		return nil, nil, 0, mapError(err)
	}
	defer rows.Close()
	for rows.Next() {
		var page int64
		var kind string
		if err := rows.Scan(&page, &kind); err != nil {
			return nil, nil, 0, mapError(err)
		}
		if kind == "leaf" {
			leaves = append(leaves, page)
		} else {
			interior = append(interior, page)
		}
	}
	return leaves, interior, pageSize, mapError(rows.Err())
}
