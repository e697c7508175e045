package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"dossier/app"
)

// countedTables are the tables whose row counts a backup must match its source's.
var countedTables = []string{"articles", "actors", "relations", "evidence", "mentions", "notes"}

// Backup writes a verified copy of the open project to out, which must not exist: an
// existing file is never overwritten. The copy is written to a temporary name beside out
// (VACUUM INTO), verified (see VerifyBackup; its row counts must equal the source's,
// counted in the same snapshot) and only then renamed to out. A copy that fails the check
// is removed and the error names what failed.
func (s *Store) Backup(ctx context.Context, out string) (app.BackupInfo, error) {
	return s.backup(ctx, out, nil)
}

// backup is Backup; afterCopy, when not nil, is called with the temporary copy's path
// before it is verified (tests damage it there).
func (s *Store) backup(ctx context.Context, out string, afterCopy func(tmp string)) (app.BackupInfo, error) {
	out, err := filepath.Abs(out)
	if err != nil {
		return app.BackupInfo{}, app.Errorf(app.EINVALID, "“%s” is not a usable file name.", out)
	}
	if _, err := os.Lstat(out); err == nil {
		return app.BackupInfo{}, app.Errorf(app.ECONFLICT, "%s already exists; a backup never overwrites a file. Choose another name.", out)
	}
	tmp, err := os.CreateTemp(filepath.Dir(out), filepath.Base(out)+app.BackupTempMarker+"*")
	if err != nil {
		return app.BackupInfo{}, &app.Error{Code: app.EREADONLY, Message: fmt.Sprintf("Cannot write the backup in %s: %v.", filepath.Dir(out), err), Err: err}
	}
	tmpPath := tmp.Name()
	tmp.Close()
	ok := false
	defer func() {
		if !ok {
			os.Remove(tmpPath)
		}
	}()
	taken := time.Now().UTC()
	want, err := s.copyTo(ctx, tmpPath)
	if err != nil {
		return app.BackupInfo{}, err
	}
	if afterCopy != nil {
		afterCopy(tmpPath)
	}
	info, err := VerifyBackup(ctx, tmpPath)
	if err != nil {
		return app.BackupInfo{}, fmt.Errorf("backup of %s not written: %w", s.path, err)
	}
	if info.Counts != want {
		return app.BackupInfo{}, app.Errorf(app.ECORRUPT, "backup of %s not written: the copy's row counts %s differ from the project's %s.", s.path, countsText(info.Counts), countsText(want))
	}
	if err := syncFile(tmpPath); err != nil {
		return app.BackupInfo{}, err
	}
	// Link, not rename: link fails when out appeared meanwhile, so it is never replaced.
	if err := os.Link(tmpPath, out); err != nil {
		if errors.Is(err, os.ErrExist) {
			return app.BackupInfo{}, app.Errorf(app.ECONFLICT, "%s already exists; a backup never overwrites a file. Choose another name.", out)
		}
		// A file system without hard links: rename, after checking once more.
		if _, serr := os.Lstat(out); serr == nil {
			return app.BackupInfo{}, app.Errorf(app.ECONFLICT, "%s already exists; a backup never overwrites a file. Choose another name.", out)
		}
		if err := os.Rename(tmpPath, out); err != nil {
			return app.BackupInfo{}, &app.Error{Code: app.EREADONLY, Message: fmt.Sprintf("Cannot name the backup %s: %v.", out, err), Err: err}
		}
	}
	ok = true
	os.Remove(tmpPath)
	syncDir(filepath.Dir(out))
	info.Path, info.Time = out, taken
	return info, nil
}

// copyTo writes the project to path with VACUUM INTO and returns the row counts of the
// snapshot it copied. VACUUM INTO cannot run inside a transaction, so the counts and the
// copy are read on one connection held throughout, and PRAGMA data_version, which
// changes only when another connection commits, is read before and after: unchanged, no
// one wrote between the counts and the copy. (Today the Store's one connection holds the
// exclusive lock, so no one can; the check keeps this true if that lock is relaxed.) A
// copy another writer came between is taken again, up to three times.
func (s *Store) copyTo(ctx context.Context, path string) (app.BackupCounts, error) {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return app.BackupCounts{}, mapError(err)
	}
	defer conn.Close()
	for range 3 {
		// VACUUM INTO writes only into a missing or empty file.
		if err := os.Truncate(path, 0); err != nil {
			return app.BackupCounts{}, &app.Error{Code: app.EREADONLY, Message: fmt.Sprintf("Cannot write the backup %s: %v.", path, err), Err: err}
		}
		var before, after int64
		if err := conn.QueryRowContext(ctx, "PRAGMA data_version").Scan(&before); err != nil {
			return app.BackupCounts{}, fmt.Errorf("backup of %s: %w", s.path, mapError(err))
		}
		counts, err := countRows(ctx, conn)
		if err != nil {
			return counts, fmt.Errorf("backup of %s: counting rows: %w", s.path, mapError(err))
		}
		if _, err := conn.ExecContext(ctx, "VACUUM INTO ?", path); err != nil {
			return counts, fmt.Errorf("backup of %s to %s: %w", s.path, path, mapError(err))
		}
		if err := conn.QueryRowContext(ctx, "PRAGMA data_version").Scan(&after); err != nil {
			return app.BackupCounts{}, fmt.Errorf("backup of %s: %w", s.path, mapError(err))
		}
		if before == after {
			return counts, nil
		}
	}
	return app.BackupCounts{}, app.Errorf(app.ELOCKED, "backup of %s not written: another program kept changing the project during the copy. Try again in a moment.", s.path)
}

func countRows(ctx context.Context, q querier) (app.BackupCounts, error) {
	var c app.BackupCounts
	dst := []*int64{&c.Articles, &c.Actors, &c.Relations, &c.Evidence, &c.Mentions, &c.Notes}
	for i, t := range countedTables {
		if err := q.QueryRowContext(ctx, "SELECT count(*) FROM "+t).Scan(dst[i]); err != nil {
			return c, fmt.Errorf("table %s: %w", t, err)
		}
	}
	return c, nil
}

func countsText(c app.BackupCounts) string {
	return fmt.Sprintf("(%d articles, %d actors, %d relations, %d evidence, %d mentions, %d notes)",
		c.Articles, c.Actors, c.Relations, c.Evidence, c.Mentions, c.Notes)
}

// VerifyBackup checks that the file at path is a whole Dossier project usable as a
// backup, without writing to it: its header is a Dossier project's of a known version,
// it opens, PRAGMA quick_check answers ok, every full-text index passes its
// integrity-check, and its rows can be counted. A file that cannot be written cannot be
// verified (the full-text check needs a connection that may write) and is refused. The returned info has the counts, the
// size and the file's modification time.
func VerifyBackup(ctx context.Context, path string) (app.BackupInfo, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return app.BackupInfo{}, app.Errorf(app.EINVALID, "“%s” is not a usable file name.", path)
	}
	st, err := os.Stat(abs)
	if err != nil {
		return app.BackupInfo{}, &app.Error{Code: app.ENOTFOUND, Message: fmt.Sprintf("Cannot open the backup %s.", abs), Err: err}
	}
	if st.IsDir() {
		return app.BackupInfo{}, app.Errorf(app.ENOTPROJ, "%s is a folder, not a Dossier backup.", abs)
	}
	h, err := readHeader(abs)
	if err != nil {
		return app.BackupInfo{}, err
	}
	if err := checkHeader(abs, h, st.Size()); err != nil && !app.IsCode(err, app.EREADONLY) {
		return app.BackupInfo{}, err
	}
	if st.Mode().Perm()&0o200 == 0 {
		// Said as what it is, not as a failed check: SQLite would open it read-only and the
		// full-text check would fail with "attempt to write a readonly database".
		return app.BackupInfo{}, app.Errorf(app.EREADONLY, "%s is read-only, and Dossier can verify only a backup it may write to (it changes nothing in it). Copy it to a folder you can write and give that copy.", abs)
	}
	if h.userVersion < 1 {
		return app.BackupInfo{}, app.Errorf(app.ENOTPROJ, "%s holds no Dossier tables; it is not a usable backup.", abs)
	}
	if hasJournal(abs) {
		// A backup is one whole file; a journal beside it means it was not written by Backup.
		return app.BackupInfo{}, app.Errorf(app.ECORRUPT, "%s has a journal file beside it; a backup must be one whole file.", abs)
	}
	// Read-write but changing nothing: FTS5's integrity-check is an INSERT and needs a
	// connection that may write, though it writes no page. No pragma here writes either
	// (no WAL switch), and nothing else is run but reads.
	q := url.Values{}
	q.Set("mode", "rw")
	q.Add("_pragma", "busy_timeout(1000)")
	db, err := sql.Open("sqlite", "file:"+(&url.URL{Path: abs}).EscapedPath()+"?"+q.Encode())
	if err != nil {
		return app.BackupInfo{}, err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	fail := func(what string, err error) (app.BackupInfo, error) {
		if ctx.Err() != nil {
			return app.BackupInfo{}, ctx.Err()
		}
		if err != nil && app.IsCode(mapError(err), app.ELOCKED) {
			// Busy is not damage: another program has the file open.
			return app.BackupInfo{}, &app.Error{Code: app.ELOCKED, Message: fmt.Sprintf("%s could not be verified: another program is using it. Try again when it is closed.", abs), Err: err}
		}
		return app.BackupInfo{}, &app.Error{Code: app.ECORRUPT, Message: fmt.Sprintf("%s failed verification: %s.", abs, what), Err: err}
	}
	// One after the other, on one connection: run side by side, the full-text check's
	// write transaction (it writes nothing, but asks) waits for quick_check's read lock
	// and times out on a large project.
	if problem, err := quickCheckAll(ctx, db); problem != "" {
		return fail("quick_check: "+problem, err)
	}
	if what, err := checkFTS(ctx, db); err != nil {
		return fail(what, err)
	}
	counts, err := countRows(ctx, db)
	if err != nil {
		return fail("counting rows: "+err.Error(), err)
	}
	return app.BackupInfo{Path: abs, Time: st.ModTime().UTC(), Counts: counts, Size: st.Size()}, nil
}

// quickCheckAll runs PRAGMA quick_check over the whole file and returns its first
// complaint, "" when it answers ok; err is set when the check could not run to its end.
func quickCheckAll(ctx context.Context, db *sql.DB) (string, error) {
	rows, err := db.QueryContext(ctx, "PRAGMA quick_check")
	if err != nil {
		return err.Error(), err
	}
	defer rows.Close()
	var lines []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return err.Error(), err
		}
		lines = append(lines, line)
	}
	if err := rows.Err(); err != nil {
		return err.Error(), err
	}
	if len(lines) == 1 && lines[0] == "ok" {
		return "", nil
	}
	if len(lines) == 0 {
		return "no answer", nil
	}
	return strings.Join(lines[:min(len(lines), 3)], "; "), nil
}

// checkFTS runs FTS5's integrity-check on every full-text table. The plain command, not
// the rank=1 form that compares with the content table: the indexes hold folded text, so
// that comparison would report every folded row as drift. On failure it says which index.
func checkFTS(ctx context.Context, db *sql.DB) (string, error) {
	fts, err := ftsTables(ctx, db)
	if err != nil {
		return "its schema cannot be read", err
	}
	for _, t := range fts {
		q := fmt.Sprintf(`INSERT INTO "%[1]s"("%[1]s") VALUES('integrity-check')`, t)
		if _, err := db.ExecContext(ctx, q); err != nil {
			return fmt.Sprintf("the full-text index %s: %v", t, err), err
		}
	}
	return "", nil
}

// ftsTables lists the project's full-text (FTS5) tables.
func ftsTables(ctx context.Context, db *sql.DB) ([]string, error) {
	rows, err := db.QueryContext(ctx, `SELECT name FROM sqlite_schema WHERE type = 'table'
		AND sql LIKE 'CREATE VIRTUAL TABLE%USING fts5%' ORDER BY name`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		names = append(names, n)
	}
	return names, rows.Err()
}

// syncFile flushes path's contents to the disk.
func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return &app.Error{Code: app.EREADONLY, Message: fmt.Sprintf("Cannot write %s: %v.", path, err), Err: err}
	}
	defer f.Close()
	if err := f.Sync(); err != nil {
		return &app.Error{Code: app.EREADONLY, Message: fmt.Sprintf("Cannot save %s to the disk: %v.", path, err), Err: err}
	}
	return nil
}

// syncDir flushes a folder's entries (a new or renamed file's name) to the disk; where a
// folder cannot be synced (Windows) it does nothing.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// backupBeforeMigration writes a verified backup of a project at schema version from
// before it is migrated to version to, beside the project (its folder is the one place
// the store knows is writable): NAME.schema-FROM-backup-TIME.dossier. A project that
// cannot be backed up is not migrated: the error says why and the file is left as it was.
func (s *Store) backupBeforeMigration(ctx context.Context, from, to int) error {
	base := filepath.Base(s.path)
	stem := strings.TrimSuffix(base, filepath.Ext(base))
	out := filepath.Join(filepath.Dir(s.path), fmt.Sprintf("%s.schema-%d-backup-%s", stem, from, app.BackupName(time.Now())))
	if _, err := s.Backup(ctx, out); err != nil {
		return fmt.Errorf("%s was not updated to schema %d: the backup taken first failed: %w", s.path, to, err)
	}
	return nil
}
