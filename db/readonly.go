package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"

	"dossier/app"
)

// Reading a project without writing anything. SQLite's read-only mode (mode=ro) still
// needs the -wal and -shm files of a WAL database beside it and creates them when they
// are missing, which a read-only folder refuses and a researcher reading a project on a
// CD or a colleague's share does not expect. When there is no -wal, no program has the
// project open (SQLite removes it when the last connection closes) and the file alone is
// the whole project: it is then opened with immutable=1, which reads the file with no
// lock and no file beside it. Immutable means SQLite assumes nobody changes the file, so
// it is used only where that holds or is checked:
//   - a file Dossier will not write (its permissions say read-only, or its folder cannot
//     be written): no Dossier writer will touch it;
//   - a batch command (forBatch): short, and Close compares the file with what it was at
//     the start; if another program wrote into it meanwhile (a checkpoint), the command
//     fails with ELOCKED ("try again", exit 75) rather than stand by a mixed answer.
// Otherwise (a -wal exists: the window or a command has the project open) mode=ro shares
// the files already there, and sees the others' commits like any reader.

// toReadKey marks the ctx of OpenToRead.
type toReadKey struct{}

// toRead reports whether ctx comes from OpenToRead.
func toRead(ctx context.Context) bool { return ctx.Value(toReadKey{}) != nil }

// OpenToRead opens the project for a command that only reads it (list, search, export…),
// as Open does but without taking the write lock to test it: with WAL, readers never
// wait for writers, and a list run while a script imports is not held up by its batches.
// A project that needs a migration still waits for its turn to be migrated.
func OpenToRead(ctx context.Context, path string) (*Store, error) {
	return Open(context.WithValue(ctx, toReadKey{}, true), path)
}

// OpenForReading opens a whole project for reading, search and export only: nothing is
// written to the file, and nothing beside it when it can be helped (see above). why says
// why it is read-only ("--read-only was given"); ReadOnly returns it. A project that is
// damaged is opened as by OpenReadOnly; one that needs a migration is refused, since it
// cannot be upgraded without writing.
func OpenForReading(ctx context.Context, path, why string, forBatch bool) (*Store, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, app.Errorf(app.EINVALID, "“%s” is not a usable file name.", path)
	}
	st, err := os.Stat(abs)
	if err != nil {
		return nil, &app.Error{Code: app.ENOTFOUND, Message: fmt.Sprintf("Cannot open %s.", abs), Err: err}
	}
	if st.IsDir() {
		return nil, app.Errorf(app.ENOTPROJ, "%s is a folder, not a Dossier project file.", abs)
	}
	h, err := readHeader(abs)
	if err != nil {
		return nil, err
	}
	if err := checkHeader(abs, h, st.Size()); err != nil {
		if app.IsCode(err, app.ECORRUPT) {
			return OpenReadOnly(ctx, abs)
		}
		return nil, err
	}
	_, walErr := os.Stat(abs + "-wal")
	immutable := errors.Is(walErr, os.ErrNotExist) && (forBatch || !writable(abs, st))
	db, err := sql.Open("sqlite", readDSN(abs, immutable))
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	db.SetMaxIdleConns(1)
	s := &Store{db: db, path: abs, readOnly: why}
	if immutable {
		s.frozen = st
	}
	if err := s.check(ctx); err != nil {
		db.Close()
		if app.IsCode(err, app.ECORRUPT) {
			return OpenReadOnly(ctx, abs)
		}
		return nil, err
	}
	if err := s.upToDate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// writable reports whether Dossier could write the project: its permissions allow it
// (Open refuses a file whose mode says read-only, even to root) and its folder takes new
// files (the -wal).
func writable(path string, st os.FileInfo) bool {
	return st.Mode().Perm()&0o200 != 0 && dirWritable(filepath.Dir(path))
}

// readDSN is the connection string of a read-only Store; immutable as explained above.
func readDSN(path string, immutable bool) string {
	q := url.Values{}
	q.Set("mode", "ro")
	if immutable {
		q.Set("immutable", "1")
	}
	for _, p := range []string{"busy_timeout(1000)", "query_only(1)", "cache_size(-65536)"} {
		q.Add("_pragma", p)
	}
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
}

// upToDate refuses a project whose schema is older than this Dossier's: reading it would
// need the migration a read-only open cannot make.
func (s *Store) upToDate(ctx context.Context) error {
	migs, err := migrations()
	if err != nil {
		return err
	}
	v, err := s.SchemaVersion(ctx)
	if err != nil {
		return mapOpenError(s.path, err)
	}
	if v < len(migs) {
		return app.Errorf(app.EREADONLY, "%s was written by an older version of Dossier (schema %d; this one uses %d) and must be upgraded before it can be read, which needs writing to it. Open it once without --read-only, or open a copy in a folder you can write.", s.path, v, len(migs))
	}
	return nil
}

// ReadOnly says why the project is open read-only ("" when it can be written): a damage
// found at opening, or the reason given to OpenForReading.
func (s *Store) ReadOnly() string {
	if s.damage != "" {
		return "it is damaged: " + s.damage
	}
	return s.readOnly
}

// changedUnderneath reports, for a project read with immutable=1, whether the file is no
// longer what it was at opening: another program wrote into it while it was read.
func (s *Store) changedUnderneath() error {
	if s.frozen == nil {
		return nil
	}
	st, err := os.Stat(s.path)
	if err == nil && st.Size() == s.frozen.Size() && st.ModTime().Equal(s.frozen.ModTime()) {
		return nil
	}
	return app.Errorf(app.ELOCKED, "%s was changed by another program while this command read it, so what it printed may mix the old and the new. Run it again.", s.path)
}
