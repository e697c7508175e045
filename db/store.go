// Package db stores a Dossier project in one SQLite file. It is the only package that
// knows SQL: it applies the embedded migrations, keeps the full-text index in sync and
// returns the domain types of package app.
package db

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/google/uuid"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"dossier/app"
	"dossier/app/ingest"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// ApplicationID marks a SQLite file as a Dossier project ("DOSR").
const ApplicationID = 0x444f5352

// Store is an open project.
type Store struct {
	db   *sql.DB
	path string
	// damage says what the open-time check found wrong; a damaged project is open
	// read-only. Empty for a whole project.
	damage string
	// window is the project file held open for the window lock (see LockWindow); nil
	// for a batch command's Store.
	window *os.File
	// readOnly says why a project opened by OpenForReading is read-only.
	readOnly string
	// frozen is the file's state when it was opened with immutable=1 (see readonly.go).
	frozen os.FileInfo
	// patience is how long writes wait for their turn when their ctx does not say (see
	// wait.go): the patience of the ctx the project was opened with.
	patience app.Patience
	// clock tells the time the store records (created, updated, deleted); nil is the
	// system's clock. Tests set it to get times they can assert.
	clock func() time.Time
	// matchers keeps the compiled names matchers of this project (mentions.go).
	matchers matcherCache
	// readSource reads and readies one file an import opened; nil is readOne. Tests set
	// it to stand for a read that hangs.
	readSource func(context.Context, *ingest.Source) []readied
	// graphs keeps what graphs and paths read of the whole project (graph_cache.go).
	graphs graphCache
	// closed is set by Close: methods that open a connection of their own (a second
	// reader for an export) refuse a closed store as those on s.db do.
	closed atomic.Bool
}

// Open opens the project at path, creating it when the file does not exist. It refuses a
// file that is not a Dossier project (an empty file included: see Create), one written by a
// newer Dossier, one it cannot write, one another running copy of Dossier holds, and a
// damaged one (ECORRUPT: OpenReadOnly opens that for reading). A refused file is left
// exactly as it was.
func Open(ctx context.Context, path string) (*Store, error) {
	return open(ctx, path, false)
}

// Create opens the project at path, making a new one there when the file is missing or
// empty (zero bytes). It is how an explicit "make a project here" is honoured (the batch
// interface's --create); any other file is treated as by Open.
func Create(ctx context.Context, path string) (*Store, error) {
	return open(ctx, path, true)
}

func open(ctx context.Context, path string, create bool) (*Store, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, app.Errorf(app.EINVALID, "“%s” is not a usable file name.", path)
	}
	if err := checkFile(abs, create); err != nil {
		return nil, err
	}
	db, err := sql.Open("sqlite", dsn(abs, false))
	if err != nil {
		return nil, err
	}
	// One connection, kept open, so the pragmas and the page cache last.
	db.SetMaxOpenConns(1)
	db.SetMaxIdleConns(1)
	s := &Store{db: db, path: abs}
	s.patience, _ = app.PatienceOf(ctx)
	if err := s.lockFile(ctx); err != nil {
		db.Close()
		return nil, err
	}
	// The check comes before any migration: a damaged file is never written to.
	if err := s.check(ctx); err != nil {
		db.Close()
		return nil, err
	}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// dsn puts every pragma in the connection string so that any connection the pool opens has
// them. WAL lets readers in other processes (batch commands beside the window) read
// while one writes; writers take turns (_txlock=immediate, and busy_timeout for one try
// of beginWrite, which tries again until its patience runs out: see wait.go). It is only ever used on a file already known to be a Dossier project (or a new one):
// journal_mode(WAL) writes to the file. A read-only connection sets nothing that writes.
func dsn(path string, readOnly bool) string {
	q := url.Values{}
	pragmas := []string{"foreign_keys(1)", "busy_timeout(200)", "journal_mode(WAL)", syncPragma, fullFsyncPragma, "cache_size(-65536)", "mmap_size(268435456)"}
	if readOnly {
		pragmas = []string{"busy_timeout(1000)", "query_only(1)", "cache_size(-65536)"}
		q.Set("mode", "ro")
	} else {
		q.Set("_txlock", "immediate")
	}
	for _, p := range pragmas {
		q.Add("_pragma", p)
	}
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
}

// checkFile refuses, before SQLite touches it, a file that cannot be opened as a project.
// It reads the SQLite header itself, so that another program's database is refused
// without a byte of it changing. create allows an empty (zero-byte) file to become a project.
func checkFile(path string, create bool) error {
	st, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		dir := filepath.Dir(path)
		if _, err := os.Stat(dir); err != nil {
			return app.Errorf(app.EINVALID, "Cannot create the project: the folder %s does not exist.", dir)
		}
		return nil
	}
	if err != nil {
		return &app.Error{Code: app.EINVALID, Message: fmt.Sprintf("Cannot open %s.", path), Err: err}
	}
	if st.IsDir() {
		return app.Errorf(app.ENOTPROJ, "%s is a folder, not a Dossier project file.", path)
	}
	if st.Size() == 0 {
		if create {
			return nil
		}
		return app.Errorf(app.ENOTPROJ, "%s is an empty file, not a Dossier project. To make a new project in it, use New project in the window or --create in a batch command.", path)
	}
	h, err := readHeader(path)
	if err != nil {
		return err
	}
	if err := checkHeader(path, h, st.Size()); err != nil {
		return err
	}
	// Before SQLite opens the file and rebuilds the WAL index, the evidence of a -wal
	// deleted or cut short with saved changes in it (walloss.go).
	if p := walLoss(path); p != "" {
		return damaged(path, p)
	}
	if st.Mode().Perm()&0o200 == 0 {
		return app.Errorf(app.EREADONLY, "%s is read-only; Dossier needs to write to its project. Make a copy you can write, or %s.", path, app.MakeWritableHint())
	}
	return nil
}

// readHeader reads the first 100 bytes of path; a shorter file gives a header that is not SQLite's.
func readHeader(path string) (fileHeader, error) {
	f, err := os.Open(path)
	if err != nil {
		return fileHeader{}, &app.Error{Code: app.EREADONLY, Message: fmt.Sprintf("Cannot read %s: %v.", path, err), Err: err}
	}
	defer f.Close()
	b := make([]byte, headerSize)
	n, _ := io.ReadFull(f, b)
	return parseHeader(b[:n]), nil
}

// checkHeader refuses a file whose header is not a whole Dossier project's of a version
// this Dossier knows.
func checkHeader(path string, h fileHeader, size int64) error {
	switch {
	case !h.sqlite:
		return app.Errorf(app.ENOTPROJ, "%s is not a Dossier project (it is not a SQLite database). It was left unchanged.", path)
	case h.appID != ApplicationID:
		// An empty database (no tables, id 0) is someone else's too: Dossier marks every
		// project it creates in the same transaction that creates its tables.
		return app.Errorf(app.ENOTPROJ, "%s is a SQLite database but not a Dossier project (it belongs to another program). It was left unchanged.", path)
	case h.problem != "":
		return damaged(path, h.problem)
	}
	if !hasJournal(path) {
		if p := h.sizeProblem(size); p != "" {
			return damaged(path, p)
		}
	}
	if migs, err := migrations(); err == nil && int(h.userVersion) > len(migs) {
		return tooNew(path, int(h.userVersion), len(migs))
	}
	return nil
}

// hasJournal reports whether SQLite has changes for path in a WAL or rollback journal
// beside it: until they are applied, the file's own header may be out of date.
func hasJournal(path string) bool {
	for _, ext := range []string{"-wal", "-journal"} {
		if st, err := os.Stat(path + ext); err == nil && st.Size() > 0 {
			return true
		}
	}
	return false
}

func tooNew(path string, version, known int) error {
	return app.Errorf(app.ETOONEW, "%s was written by a newer version of Dossier (schema %d; this version knows up to %d). Update Dossier to open it.", path, version, known)
}

// Path returns the project file's absolute path.
func (s *Store) Path() string { return s.path }

// Close closes the project and lets another program open it.
func (s *Store) Close() error {
	defer s.unlockWindow()
	s.closed.Store(true)
	if err := s.db.Close(); err != nil {
		return err
	}
	return s.changedUnderneath()
}

// lockFile takes the write lock once and lets it go at once, so that a project that cannot
// be written, or that another program keeps locked, is told at open time rather than at
// the first save.
func (s *Store) lockFile(ctx context.Context) error {
	if toRead(ctx) {
		return nil // a reading command never waits for a writer (see OpenToRead)
	}
	err := s.execWaiting(ctx, "BEGIN IMMEDIATE; COMMIT")
	if err == nil {
		return nil
	}
	switch app.ErrorCode(mapError(err)) {
	case app.ELOCKED:
		var ae *app.Error
		if errors.As(err, &ae) {
			return err // the wait's own refusal (busyError) says how long it waited
		}
		return &app.Error{Code: app.ELOCKED, Message: fmt.Sprintf("%s is kept locked by another program. Close it there first.", s.path), Err: err}
	case app.EREADONLY:
		return &app.Error{Code: app.EREADONLY, Message: fmt.Sprintf("%s cannot be written (read-only file or folder); Dossier needs to write to its project.", s.path), Err: err}
	}
	return mapOpenError(s.path, err)
}

func (s *Store) migrate(ctx context.Context) error {
	var appID, version int
	if err := s.db.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID); err != nil {
		return mapOpenError(s.path, err)
	}
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return mapOpenError(s.path, err)
	}
	if appID != ApplicationID {
		var n int
		if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema").Scan(&n); err != nil {
			return mapOpenError(s.path, err)
		}
		if n > 0 {
			return app.Errorf(app.ENOTPROJ, "%s is a SQLite database but not a Dossier project.", s.path)
		}
	}
	migs, err := migrations()
	if err != nil {
		return err
	}
	if version > len(migs) {
		return tooNew(s.path, version, len(migs))
	}
	copyPath := ""
	if version >= 1 && version < len(migs) {
		if copyPath, err = s.backupBeforeMigration(ctx, version, len(migs)); err != nil {
			return err
		}
	}
	for i := version; i < len(migs); i++ {
		if err := s.apply(ctx, i+1, migs[i]); err != nil {
			return s.updateFailed(i+1, len(migs), copyPath, err)
		}
	}
	if version < len(migs) {
		// Write the migrated header into the file itself at once: until then the project's
		// application id lives only in the WAL, and the file would read as a foreign one
		// (see checkHeader) if Dossier stopped before its next checkpoint.
		if _, err := s.db.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
			return mapOpenError(s.path, err)
		}
	}
	return nil
}

// updateFailed says which update step failed and where the copy taken before the update
// is, rather than the driver's words alone (which go to the log): the step's own
// transaction was rolled back, so the project is as it was before that step.
func (s *Store) updateFailed(step, steps int, copyPath string, err error) error {
	msg := fmt.Sprintf("Dossier could not update %s to this version: update step %d of %d failed, so the project was left as it was before that step.", s.path, step, steps)
	if copyPath != "" {
		msg += fmt.Sprintf(" A copy taken before any change is %s.", copyPath)
	}
	return &app.Error{Code: app.EINTERNAL, Message: msg + " The details are in Dossier's log (Help ▸ Show log).", Err: err}
}

// apply runs one migration and records its number in the same transaction, so a crash
// leaves the file at the previous version, never half-way.
func (s *Store) apply(ctx context.Context, version int, script string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, script); err != nil {
			return fmt.Errorf("migration %d: %w", version, err)
		}
		if version == 1 {
			if err := seedRelationTypes(ctx, tx); err != nil {
				return err
			}
		}
		_, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id = %d; PRAGMA user_version = %d", ApplicationID, version))
		return err
	})
}

func migrations() ([]string, error) {
	entries, err := migrationFS.ReadDir("migrations")
	if err != nil {
		return nil, err
	}
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	out := make([]string, len(names))
	for i, n := range names {
		if num, _ := strconv.Atoi(n[:4]); num != i+1 {
			return nil, fmt.Errorf("migration %s is out of sequence", n)
		}
		b, err := migrationFS.ReadFile("migrations/" + n)
		if err != nil {
			return nil, err
		}
		out[i] = string(b)
	}
	return out, nil
}

// SchemaVersion returns the project file's schema version.
func (s *Store) SchemaVersion(ctx context.Context) (_ int, err error) {
	defer wrapErr(&err, "schema version")
	var v int
	err = s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v)
	return v, err
}

// tx runs fn in one immediate transaction and commits it, or rolls back on error.
func (s *Store) tx(ctx context.Context, fn func(*sql.Tx) error) error {
	if s.readOnly != "" && s.damage == "" {
		return app.Errorf(app.EREADONLY, "This project is open read-only (%s), so nothing can be changed.", s.readOnly)
	}
	err := s.txOnce(ctx, fn)
	if s.damage != "" && app.IsCode(err, app.EREADONLY) {
		// Open read-only because damaged: say why nothing can be changed.
		return &app.Error{Code: app.EREADONLY, Message: "This project is damaged and open read-only, so nothing can be changed. " + repairHint, Err: err}
	}
	return err
}

func (s *Store) txOnce(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.beginWrite(ctx, ctx.Done()) // waits for another program's write to end
	if err != nil {
		return err
	}
	// Every way out, a panic in fn included, ends the transaction; after Commit this
	// Rollback does nothing.
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return mapError(err)
	}
	return mapError(tx.Commit())
}

func init() {
	// A driver error some query returned without mapError still reaches the user
	// classified (a damaged page: ECORRUPT, not "something went wrong").
	app.RegisterClassifier(func(err error) *app.Error {
		var se *sqlite.Error
		if !errors.As(err, &se) {
			return nil
		}
		var ae *app.Error
		if errors.As(mapError(err), &ae) {
			return ae
		}
		return nil
	})
}

// mapError turns driver errors into app errors by code, never by message text.
func mapError(err error) error {
	if err == nil {
		return nil
	}
	var ae *app.Error
	if errors.As(err, &ae) {
		return err
	}
	if errors.Is(err, sql.ErrNoRows) {
		return &app.Error{Code: app.ENOTFOUND, Message: "Not found.", Err: err}
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			return &app.Error{Code: app.ELOCKED, Message: "The project is busy: another program is writing to it. Try again in a moment.", Err: err}
		case sqlite3.SQLITE_READONLY:
			return &app.Error{Code: app.EREADONLY, Message: "The project file is read-only; nothing was changed.", Err: err}
		case sqlite3.SQLITE_FULL:
			return &app.Error{Code: app.EINTERNAL, Message: "The disk is full; nothing was changed.", Err: err}
		case sqlite3.SQLITE_CONSTRAINT:
			return &app.Error{Code: app.ECONFLICT, Message: "That would break the project's rules (a link to something that no longer exists, or a repeated entry); nothing was changed.", Err: err}
		case sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT:
			// Never an end of rows: what was read so far is not the whole answer.
			return &app.Error{Code: app.ECORRUPT, Message: "The project file is damaged: SQLite found a malformed page while reading it, so the answer would be incomplete. " + repairHint, Err: err}
		}
	}
	return err
}

func mapOpenError(path string, err error) error {
	err = mapError(err)
	if ae := (*app.Error)(nil); errors.As(err, &ae) {
		ae.Message = path + ": " + ae.Message
		return ae
	}
	return &app.Error{Code: app.ENOTPROJ, Message: fmt.Sprintf("Cannot open %s as a Dossier project.", path), Err: err}
}

func newUUID() string { return uuid.Must(uuid.NewV7()).String() }

// now is the time to record, from the store's clock, as stored: UTC, RFC 3339.
func (s *Store) now() string {
	t := time.Now()
	if s.clock != nil {
		t = s.clock()
	}
	return t.UTC().Format(time.RFC3339Nano)
}

func parseTime(s string) time.Time {
	t, _ := time.Parse(time.RFC3339Nano, s)
	return t
}

func joinList(l []string) string { return strings.Join(l, "\n") }

func splitList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// wrapErr puts the operation and its arguments in front of *err, so that the log says
// what failed on what; the *app.Error inside (its code and plain message) stays
// reachable through errors.As, and a cause through errors.Is.
func wrapErr(err *error, format string, args ...any) {
	if *err != nil {
		*err = fmt.Errorf(format+": %w", append(args, *err)...)
	}
}
