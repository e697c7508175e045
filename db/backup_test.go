package db

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dossier/app"
	"dossier/db/dbtest"
)

// backupSource opens a small synthetic project with a note, so every counted table has rows.
func backupSource(t *testing.T) *Store {
	t.Helper()
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "source.dossier"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := dbtest.Synthesize(ctx, s.Path(), dbtest.Sizes{Articles: 300, Actors: 30, Relations: 120}, 7, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateNote(ctx, app.Note{ArticleID: 1, Body: "An invented remark about the harbour tender."}); err != nil {
		t.Fatal(err)
	}
	return s
}

// noLeftovers fails when dir holds a temporary (unverified) copy.
func noLeftovers(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.Contains(e.Name(), app.BackupTempMarker) {
			t.Errorf("temporary copy %s left in %s", e.Name(), dir)
		}
	}
}

func TestBackupWritesVerifiedCopy(t *testing.T) {
	ctx := context.Background()
	s := backupSource(t)
	want, err := countRows(ctx, s.db)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []int64{want.Articles, want.Actors, want.Relations, want.Evidence, want.Mentions, want.Notes} {
		if n == 0 {
			t.Fatalf("source has an empty counted table: %+v", want)
		}
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "copy.dossier")
	info, err := s.Backup(ctx, out)
	if err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(out)
	if err != nil {
		t.Fatal(err)
	}
	if info.Path != out || info.Counts != want || info.Size != st.Size() || info.Time.IsZero() {
		t.Fatalf("info %+v; want counts %+v, size %d", info, want, st.Size())
	}
	noLeftovers(t, dir)
	// The copy is a project Dossier opens, with the same articles.
	c, err := Open(ctx, out)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	got, err := countRows(ctx, c.db)
	if err != nil || got != want {
		t.Fatalf("copy counts %+v (%v), want %+v", got, err, want)
	}
	// The source is still open and writable after the backup.
	if _, err := s.CreateNote(ctx, app.Note{ArticleID: 2, Body: "Written after the copy."}); err != nil {
		t.Fatal(err)
	}
}

func TestBackupNeverOverwrites(t *testing.T) {
	ctx := context.Background()
	s := backupSource(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "taken.dossier")
	old := []byte("someone's file, not to be lost")
	if err := os.WriteFile(out, old, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := s.Backup(ctx, out)
	if !app.IsCode(err, app.ECONFLICT) || !strings.Contains(app.ErrorMessage(err), out) {
		t.Fatalf("err = %v, want ECONFLICT naming %s", err, out)
	}
	if b, _ := os.ReadFile(out); !bytes.Equal(b, old) {
		t.Fatal("existing file changed")
	}
	noLeftovers(t, dir)
}

// TestBackupRefusesDamagedCopy damages the temporary copy between the copy and its
// verification, once per check: each failure removes the copy, names the check that
// failed, and leaves no file at out.
func TestBackupRefusesDamagedCopy(t *testing.T) {
	ctx := context.Background()
	s := backupSource(t)
	cases := []struct {
		name, want string
		harm       func(t *testing.T, path string)
	}{
		{"truncated", "shorter than its header", func(t *testing.T, path string) {
			st, _ := os.Stat(path)
			if err := os.Truncate(path, st.Size()/2); err != nil {
				t.Fatal(err)
			}
		}},
		{"foreign", "not a Dossier project", func(t *testing.T, path string) {
			execOn(t, path, "PRAGMA application_id = 42")
		}},
		{"table page", "quick_check", func(t *testing.T, path string) {
			_, pages := tablePages(t, path, "articles")
			st, _ := os.Stat(path)
			pageSize := st.Size() / pagesIn(t, path)
			overwrite(t, path, (pages[len(pages)/2]-1)*pageSize+8, 64, 0xA5)
		}},
		{"full-text index", "articles_fts", func(t *testing.T, path string) {
			execOn(t, path, "UPDATE articles_fts_data SET block = zeroblob(length(block)) WHERE id > 10")
		}},
		{"row count", "row counts", func(t *testing.T, path string) {
			execOn(t, path, "DELETE FROM notes")
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, "b.dossier")
			_, err := s.backup(ctx, out, backupHooks{afterCopy: func(tmp string) { tc.harm(t, tmp) }})
			if err == nil || !strings.Contains(app.ErrorMessage(err), tc.want) {
				t.Fatalf("err = %v, want one naming %q", err, tc.want)
			}
			if _, err := os.Stat(out); !os.IsNotExist(err) {
				t.Fatalf("%s exists after a failed verification", out)
			}
			noLeftovers(t, dir)
		})
	}
}

// execOn runs a statement on the SQLite file at path with a plain connection.
func execOn(t *testing.T, path, stmt string) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(stmt); err != nil {
		t.Fatal(err)
	}
}

func tablePages(t *testing.T, path, table string) (root int64, pages []int64) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf'", table)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var p int64
		rows.Scan(&p)
		pages = append(pages, p)
	}
	if len(pages) < 3 {
		t.Fatalf("table %s has %d leaf pages", table, len(pages))
	}
	return 0, pages
}

func pagesIn(t *testing.T, path string) int64 {
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int64
	if err := db.QueryRow("PRAGMA page_count").Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func overwrite(t *testing.T, path string, off int64, n int, b byte) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteAt(bytes.Repeat([]byte{b}, n), off); err != nil {
		t.Fatal(err)
	}
}

func TestVerifyBackupRefusesForeignFile(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	other := filepath.Join(dir, "other.db")
	execOn(t, other, "CREATE TABLE t(x)")
	if _, err := VerifyBackup(ctx, other); !app.IsCode(err, app.ENOTPROJ) {
		t.Fatalf("err = %v, want ENOTPROJ", err)
	}
	text := filepath.Join(dir, "notes.txt")
	os.WriteFile(text, []byte("plain words"), 0o644)
	if _, err := VerifyBackup(ctx, text); !app.IsCode(err, app.ENOTPROJ) {
		t.Fatalf("err = %v, want ENOTPROJ", err)
	}
}

// TestVerifyBackupChangesNothing: verifying a backup (as restore does before using it)
// leaves its bytes as they were and no journal beside it.
func TestVerifyBackupChangesNothing(t *testing.T) {
	ctx := context.Background()
	s := backupSource(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "b.dossier")
	if _, err := s.Backup(ctx, out); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(out)
	info, err := VerifyBackup(ctx, out)
	if err != nil || info.Counts.Articles != 300 {
		t.Fatalf("verify: %+v %v", info, err)
	}
	after, _ := os.ReadFile(out)
	if !bytes.Equal(before, after) {
		t.Fatal("verification changed the backup")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("folder holds %d files after verification, want only the backup", len(entries))
	}
}

// oldProject makes a project at schema version version (migrations 1..version only),
// with a few rows, as an older Dossier would have left it.
func oldProject(t *testing.T, path string, version int) {
	t.Helper()
	ctx := context.Background()
	migs, err := migrations()
	if err != nil || version >= len(migs) {
		t.Fatalf("need an older version than %d (%v)", len(migs), err)
	}
	h, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	tx, err := h.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	for i := range version {
		if _, err := tx.Exec(migs[i]); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			if err := seedRelationTypes(ctx, tx); err != nil {
				t.Fatal(err)
			}
		}
	}
	if _, err := tx.Exec(fmt.Sprintf(`INSERT INTO actors(uuid, name, kind, created, updated) VALUES ('a1', 'Dunlin Ferries', 'organisation', '2024-01-01', '2024-01-01');
		PRAGMA application_id = %d; PRAGMA user_version = %d`, ApplicationID, version)); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
}

// TestMigrationBacksUpFirst: opening a project of an older schema writes a verified
// backup of it, still at the old version, beside it before migrating; a project already
// at the latest version is not backed up at open.
func TestMigrationBacksUpFirst(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "old.dossier")
	oldProject(t, path, 1)
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := s.SchemaVersion(ctx); v < 2 {
		t.Fatalf("not migrated: version %d", v)
	}
	s.Close()
	backups, _ := filepath.Glob(filepath.Join(dir, "old.schema-1-backup-*.dossier"))
	if len(backups) != 1 {
		t.Fatalf("backups before migration: %v", backups)
	}
	info, err := VerifyBackup(ctx, backups[0])
	if err != nil || info.Counts.Actors != 1 {
		t.Fatalf("the backup: %+v, %v", info, err)
	}
	if h, _ := readHeader(backups[0]); h.userVersion != 1 {
		t.Fatalf("the backup is at schema %d, want the old 1", h.userVersion)
	}
	// Opening again (now current) takes no further backup; nor does a new project.
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(ctx, filepath.Join(dir, "new.dossier"))
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if all, _ := filepath.Glob(filepath.Join(dir, "*backup*")); len(all) != 1 {
		t.Fatalf("backups: %v, want only the one before the migration", all)
	}
	noLeftovers(t, dir)
}

// TestVerifyBackupSaysReadOnly: a read-only backup is refused as read-only, not reported
// as a failed check.
func TestVerifyBackupSaysReadOnly(t *testing.T) {
	ctx := context.Background()
	s := backupSource(t)
	out := filepath.Join(t.TempDir(), "b.dossier")
	if _, err := s.Backup(ctx, out); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(out, 0o444); err != nil {
		t.Fatal(err)
	}
	_, err := VerifyBackup(ctx, out)
	if !app.IsCode(err, app.EREADONLY) || !strings.Contains(app.ErrorMessage(err), "read-only") {
		t.Fatalf("err = %v, want EREADONLY", err)
	}
}

// TestVerifyBackupBusyIsNotDamage: a backup another program holds locked is refused as
// busy (try again), not reported as damaged.
func TestVerifyBackupBusyIsNotDamage(t *testing.T) {
	ctx := context.Background()
	s := backupSource(t)
	out := filepath.Join(t.TempDir(), "b.dossier")
	if _, err := s.Backup(ctx, out); err != nil {
		t.Fatal(err)
	}
	h, err := sql.Open("sqlite", out)
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	conn, err := h.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN EXCLUSIVE"); err != nil {
		t.Fatal(err)
	}
	defer conn.ExecContext(ctx, "ROLLBACK")
	_, err = VerifyBackup(ctx, out)
	if !app.IsCode(err, app.ELOCKED) || strings.Contains(app.ErrorMessage(err), "failed verification") {
		t.Fatalf("err = %v, want ELOCKED", err)
	}
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

// TestVerifyBackupChecksEveryFullTextIndex is the rule behind VerifyBackup's one
// quick_check: it checks every full-text index of the schema (SQLite runs FTS5's
// integrity-check inside quick_check). Each index in turn is damaged in the copy; every
// time the backup is refused, naming that index.
func TestVerifyBackupChecksEveryFullTextIndex(t *testing.T) {
	ctx := context.Background()
	s := backupSource(t)
	fts, err := ftsTables(ctx, s.db)
	if err != nil {
		t.Fatal(err)
	}
	if len(fts) < 4 {
		t.Fatalf("the schema has full-text indexes %v, want at least four", fts)
	}
	for _, name := range fts {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, "b.dossier")
			harm := func(tmp string) {
				execOn(t, tmp, fmt.Sprintf(`UPDATE "%s_data" SET block = zeroblob(length(block)) WHERE id > 10`, name))
			}
			_, err := s.backup(ctx, out, backupHooks{afterCopy: harm})
			if err == nil || !strings.Contains(app.ErrorMessage(err), name) {
				t.Fatalf("err = %v, want one naming %s", err, name)
			}
			if _, err := os.Stat(out); !os.IsNotExist(err) {
				t.Fatalf("%s exists after a failed verification", out)
			}
		})
	}
}

// TestStoreUsableDuringBackup: a backup never holds the Store's connection. In the
// middle of the copy a note is written and read back through the Store; the backup then
// completes with the project as it was when the copy began (its snapshot), and the
// project has the note.
func TestStoreUsableDuringBackup(t *testing.T) {
	ctx := context.Background()
	s := backupSource(t)
	defer func(n int32) { backupStepPages = n }(backupStepPages)
	backupStepPages = 8 // many steps, so the hook runs with the copy half done
	before, err := countRows(ctx, s.db)
	if err != nil {
		t.Fatal(err)
	}
	midCopy := false
	during := func() {
		midCopy = true
		// Bounded, so that a backup holding the connection fails here instead of hanging.
		c, cancel := context.WithTimeout(ctx, 10*time.Second)
		defer cancel()
		if _, err := s.CreateNote(c, app.Note{ArticleID: 3, Body: "Written while the backup was copying."}); err != nil {
			t.Errorf("write during the backup: %v", err)
			return
		}
		notes, err := s.ArticleNotes(c, 3)
		if err != nil || len(notes) != 1 {
			t.Errorf("read during the backup: %d notes, %v", len(notes), err)
		}
	}
	out := filepath.Join(t.TempDir(), "b.dossier")
	info, err := s.backup(ctx, out, backupHooks{midCopy: during})
	if err != nil {
		t.Fatal(err)
	}
	if !midCopy {
		t.Fatal("the copy took one step; the hook never ran")
	}
	if info.Counts != before {
		t.Fatalf("backup counts %+v, want the snapshot's %+v", info.Counts, before)
	}
	after, err := countRows(ctx, s.db)
	if err != nil || after.Notes != before.Notes+1 {
		t.Fatalf("project has %d notes (%v), want %d", after.Notes, err, before.Notes+1)
	}
}

// TestBackupCancelled: a backup whose context is cancelled in the middle of the copy (the
// window closing) stops, says so, and leaves neither the backup nor a temporary copy.
func TestBackupCancelled(t *testing.T) {
	s := backupSource(t)
	defer func(n int32) { backupStepPages = n }(backupStepPages)
	backupStepPages = 8
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	dir := t.TempDir()
	out := filepath.Join(dir, "b.dossier")
	_, err := s.backup(ctx, out, backupHooks{midCopy: cancel})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Fatalf("%s exists after a cancelled backup", out)
	}
	noLeftovers(t, dir)
	// The Store is untouched and the next backup is whole.
	if _, err := s.Backup(context.Background(), out); err != nil {
		t.Fatal(err)
	}
}
