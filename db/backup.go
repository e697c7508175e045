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

	"modernc.org/sqlite"

	"dossier/app"
)

// countedTables are the tables whose row counts a backup must match its source's.
var countedTables = []string{"articles", "actors", "relations", "evidence", "mentions", "notes"}

// Backup writes a verified copy of the open project to out, which must not exist: an
// existing file is never overwritten. The copy is written to a temporary name beside out
// (a page copy from a read snapshot, on a connection of its own, so the Store stays free
// for the window: see copyTo), verified (see VerifyBackup; its row counts must equal the
// source's, counted in the same snapshot) and only then renamed to out. A copy that fails
// the check is removed and the error names what failed. Safe to call from another
// goroutine while the Store is in use.
func (s *Store) Backup(ctx context.Context, out string) (app.BackupInfo, error) {
	return s.backup(ctx, out, backupHooks{})
}

// backupHooks let tests act at two moments of a backup.
type backupHooks struct {
	midCopy   func()           // in the middle of the copy, once (see copyTo)
	afterCopy func(tmp string) // with the temporary copy's path, before it is verified
}

// backup is Backup, with hooks for tests.
func (s *Store) backup(ctx context.Context, out string, h backupHooks) (app.BackupInfo, error) {
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
	want, err := s.copyTo(ctx, tmpPath, h.midCopy)
	if err != nil {
		return app.BackupInfo{}, err
	}
	if h.afterCopy != nil {
		h.afterCopy(tmpPath)
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

// mmapSize is how much of a file the backup's connections map into memory (1 GiB).
const mmapSize = "1073741824"

// backupStepPages is how many pages one step of the copy takes: between steps the copy
// looks at ctx (a cancelled backup stops within a fraction of a second) and tests hook in.
var backupStepPages int32 = 16384 // 64 MiB of 4 KiB pages

// copyTo writes a page-for-page copy of the project to path with SQLite's online backup
// API and returns the row counts of the snapshot it copied. It never uses the Store's own
// connection, which the window needs meanwhile: it opens a read-only connection of its
// own and holds one read transaction on it for the counts and the whole copy. In WAL mode
// that transaction is a snapshot: writers (the Store's connection, batch commands)
// commit beside it, and the copy and the counts both see the project as it was when the
// counts were taken. (The backup API restarts a copy when its source changes between
// steps; here the source connection keeps its transaction open across the steps, so it
// sees no change. If it ever did, the copy's counts would differ from the snapshot's and
// VerifyBackup's comparison would refuse the backup.) midCopy, when not nil, is called
// once after the first step while more pages remain (tests use the Store there).
func (s *Store) copyTo(ctx context.Context, path string, midCopy func()) (app.BackupCounts, error) {
	// Memory-mapped, the pages are copied from the file's mapping instead of read one
	// system call each: the copy takes half the time.
	src, err := sql.Open("sqlite", dsn(s.path, true)+"&"+url.Values{"_pragma": {"mmap_size(" + mmapSize + ")"}}.Encode())
	if err != nil {
		return app.BackupCounts{}, err
	}
	defer src.Close()
	conn, err := src.Conn(ctx)
	if err != nil {
		return app.BackupCounts{}, fmt.Errorf("backup of %s: %w", s.path, mapError(err))
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN"); err != nil {
		return app.BackupCounts{}, fmt.Errorf("backup of %s: %w", s.path, mapError(err))
	}
	defer conn.ExecContext(context.Background(), "ROLLBACK")
	// The first read starts the snapshot; everything after reads the same one.
	counts, err := countRows(ctx, conn)
	if err != nil {
		return counts, fmt.Errorf("backup of %s: counting rows: %w", s.path, mapError(err))
	}
	err = conn.Raw(func(dc any) error {
		b, ok := dc.(backuper)
		if !ok {
			return app.Errorf(app.EINTERNAL, "this build's SQLite driver cannot take backups")
		}
		return copyPages(ctx, b, path, midCopy)
	})
	if err == nil {
		err = leaveWAL(ctx, path)
	}
	if err != nil {
		return counts, fmt.Errorf("backup of %s to %s: %w", s.path, path, mapError(err))
	}
	return counts, nil
}

// leaveWAL switches the copy at path from WAL, which its pages say it is in (they are
// the project's), to a rollback journal, so that the backup is one whole file that opens
// without a WAL beside it, as VACUUM INTO's copies did. The switch rewrites two bytes of
// the header; the copy's WAL, empty, is removed.
func leaveWAL(ctx context.Context, path string) error {
	db, err := sql.Open("sqlite", "file:"+(&url.URL{Path: path}).EscapedPath()+"?mode=rw")
	if err != nil {
		return err
	}
	defer db.Close()
	var mode string
	if err := db.QueryRowContext(ctx, "PRAGMA journal_mode = DELETE").Scan(&mode); err != nil {
		return err
	}
	if mode != "delete" {
		return app.Errorf(app.EINTERNAL, "the copy %s stayed in journal mode %s", path, mode)
	}
	return db.Close()
}

// backuper is the online backup API of modernc.org/sqlite's connection.
type backuper interface {
	NewBackup(dstURI string) (*sqlite.Backup, error)
}

// copyPages copies every page of b's database into the file at path with the backup
// API, backupStepPages at a time. The copy is written without a journal and without
// syncing: it is a temporary file that is verified, and synced by Backup, before it is
// named as a backup; a copy cut short is never used.
func copyPages(ctx context.Context, b backuper, path string, midCopy func()) (err error) {
	q := url.Values{}
	for _, p := range []string{"journal_mode(OFF)", "synchronous(OFF)"} {
		q.Add("_pragma", p)
	}
	bk, err := b.NewBackup("file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode())
	if err != nil {
		return err
	}
	for first := true; ; first = false {
		if err := ctx.Err(); err != nil {
			bk.Finish()
			return err
		}
		more, err := bk.Step(backupStepPages)
		if err != nil {
			bk.Finish()
			return err
		}
		if !more {
			return bk.Finish()
		}
		if first && midCopy != nil {
			midCopy()
		}
	}
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
// it opens, PRAGMA quick_check over the whole file answers ok (every full-text index's
// integrity-check included; its parts run side by side: see backupcheck.go), and its
// rows can be counted, all in one read transaction. A file that cannot be written is refused (see
// below). The returned info has the counts, the size and the file's modification time.
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
	if err := backupFileProblem(abs, st); err != nil {
		return app.BackupInfo{}, err
	}
	return verifyBackupFile(ctx, abs, st)
}

// backupFileProblem refuses, before opening it, a file that cannot be a usable backup:
// not a Dossier project's header, read-only, no tables, or a journal beside it.
func backupFileProblem(abs string, st os.FileInfo) error {
	h, err := readHeader(abs)
	if err != nil {
		return err
	}
	if err := checkHeader(abs, h, st.Size()); err != nil && !app.IsCode(err, app.EREADONLY) {
		return err
	}
	if st.Mode().Perm()&0o200 == 0 {
		// Said as what it is, not as a failed check: SQLite would open it read-only, and a
		// file in WAL mode (a project file given as a backup) then fails to open.
		return app.Errorf(app.EREADONLY, "%s is read-only, and Dossier can verify only a backup it may write to (it changes nothing in it). Copy it to a folder you can write and give that copy.", abs)
	}
	if h.userVersion < 1 {
		return app.Errorf(app.ENOTPROJ, "%s holds no Dossier tables; it is not a usable backup.", abs)
	}
	if hasJournal(abs) {
		// A backup is one whole file; a journal beside it means it was not written by Backup.
		return app.Errorf(app.ECORRUPT, "%s has a journal file beside it; a backup must be one whole file.", abs)
	}
	return nil
}

// verifyBackupFile is VerifyBackup's reading of the file: quick_check and the counts.
func verifyBackupFile(ctx context.Context, abs string, st os.FileInfo) (app.BackupInfo, error) {
	// Read-write but changing nothing: a file in WAL mode needs a connection that may
	// create its -shm. No pragma here writes (no WAL switch), and nothing is run but reads.
	q := url.Values{}
	q.Set("mode", "rw")
	q.Add("_pragma", "busy_timeout(1000)")
	q.Add("_pragma", "mmap_size("+mmapSize+")") // quick_check reads every page: ~10% faster
	db, err := sql.Open("sqlite", "file:"+(&url.URL{Path: abs}).EscapedPath()+"?"+q.Encode())
	if err != nil {
		return app.BackupInfo{}, err
	}
	defer db.Close()
	db.SetMaxOpenConns(quickCheckWorkers() + 1)
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
	// Everything is read under one read transaction, held on guard: the file cannot
	// change between the checks and the counts.
	guard, err := db.Conn(ctx)
	if err != nil {
		return fail("opening it: "+err.Error(), err)
	}
	defer guard.Close()
	if _, err := guard.ExecContext(ctx, "BEGIN"); err != nil {
		return fail("opening it: "+err.Error(), err)
	}
	defer guard.ExecContext(context.Background(), "ROLLBACK")
	var tables int
	if err := guard.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema").Scan(&tables); err != nil {
		return fail("its schema cannot be read: "+err.Error(), err)
	}
	// quick_check over the whole file checks every full-text index too: since SQLite
	// 3.44 it runs each virtual table's xIntegrity, which for FTS5 is the index's own
	// 'integrity-check' (the structure of the index, not its agreement with the content
	// table, which only the full check can judge: see checkfull.go).
	// TestVerifyBackupChecksEveryFullTextIndex holds this true for every index.
	// quickCheckFile shares the work among the cores.
	if problem, err := quickCheckFile(ctx, db, guard); problem != "" {
		return fail("quick_check: "+problem, err)
	}
	counts, err := countRows(ctx, guard)
	if err != nil {
		return fail("counting rows: "+err.Error(), err)
	}
	return app.BackupInfo{Path: abs, Time: st.ModTime().UTC(), Counts: counts, Size: st.Size()}, nil
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
func (s *Store) backupBeforeMigration(ctx context.Context, from, to int) (string, error) {
	base := filepath.Base(s.path)
	stem := strings.TrimSuffix(base, filepath.Ext(base))
	out := filepath.Join(filepath.Dir(s.path), fmt.Sprintf("%s.schema-%d-backup-%s", stem, from, app.BackupName(time.Now())))
	if _, err := s.Backup(ctx, out); err != nil {
		return "", fmt.Errorf("%s was not updated to schema %d: the backup taken first failed: %w", s.path, to, err)
	}
	return out, nil
}
