package db

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"dossier/app"
)

// files lists a folder's files with their sizes and times.
func files(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		st, _ := os.Stat(filepath.Join(dir, e.Name()))
		out = append(out, fmt.Sprintf("%s %d %s", e.Name(), st.Size(), st.ModTime()))
	}
	return out
}

// A project on read-only media (a read-only file in a read-only folder) opens for
// reading, and nothing at all is written to it or beside it: compared file by file, so
// the test holds for root too. A write is refused with the reason.
func TestOpenForReadingWritesNothing(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "media")
	os.Mkdir(dir, 0o755)
	path := filepath.Join(dir, "p.dossier")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateActor(ctx, app.Actor{Name: "On the disc"}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	os.Chmod(path, 0o444)
	os.Chmod(dir, 0o555)
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
	before := files(t, dir)
	for _, forBatch := range []bool{true, false} {
		ro, err := OpenForReading(ctx, path, "the disc is read-only", forBatch)
		if err != nil {
			t.Fatal(err)
		}
		if n, err := ro.CountActors(ctx, app.ActorQuery{}); err != nil || n != 1 {
			t.Fatalf("read %d actors (%v), want 1", n, err)
		}
		_, err = ro.CreateActor(ctx, app.Actor{Name: "Refused"})
		wantCode(t, err, app.EREADONLY)
		if !strings.Contains(app.ErrorMessage(err), "the disc is read-only") {
			t.Fatalf("the refusal does not say why: %q", app.ErrorMessage(err))
		}
		if got := ro.ReadOnly(); got != "the disc is read-only" {
			t.Fatalf("ReadOnly() = %q", got)
		}
		if err := ro.Close(); err != nil {
			t.Fatal(err)
		}
		if after := files(t, dir); !slices.Equal(before, after) {
			t.Fatalf("forBatch=%v: the folder changed:\nbefore %v\nafter  %v", forBatch, before, after)
		}
	}
	// Open itself still refuses to write it, as before.
	_, err = Open(ctx, path)
	wantCode(t, err, app.EREADONLY)
}

// A batch command reading with --read-only while the project is closed reads the file
// alone; if another program writes into the file meanwhile (its changes reach the file
// when it closes), the command is told at its end to run again (ELOCKED: exit 75) rather
// than stand by an answer that may mix old and new.
func TestReadOnlyCommandNoticesAWriterMeanwhile(t *testing.T) {
	ctx := context.Background()
	path := newProject(t)
	ro, err := OpenForReading(ctx, path, "--read-only was given", true)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ro.CountActors(ctx, app.ActorQuery{}); err != nil {
		t.Fatal(err)
	}
	w, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.CreateActor(ctx, app.Actor{Name: "Written meanwhile"}); err != nil {
		t.Fatal(err)
	}
	w.Close() // checkpoints into the file
	wantCode(t, ro.Close(), app.ELOCKED)

	// Undisturbed, the same read closes clean.
	ro, err = OpenForReading(ctx, path, "--read-only was given", true)
	if err != nil {
		t.Fatal(err)
	}
	if n, err := ro.CountActors(ctx, app.ActorQuery{}); err != nil || n != 1 {
		t.Fatalf("read %d actors (%v), want 1", n, err)
	}
	if err := ro.Close(); err != nil {
		t.Fatal(err)
	}
}

// Beside an open window (its -wal is there), a read-only Store shares the files already
// there, creates none, and sees the window's later commits.
func TestOpenForReadingBesideTheWindow(t *testing.T) {
	ctx := context.Background()
	path := newProject(t)
	win, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer win.Close()
	if err := win.LockWindow(); err != nil {
		t.Fatal(err)
	}
	if _, err := win.CreateActor(ctx, app.Actor{Name: "First"}); err != nil {
		t.Fatal(err)
	}
	before := files(t, filepath.Dir(path))
	ro, err := OpenForReading(ctx, path, "--read-only was given", false)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if _, err := win.CreateActor(ctx, app.Actor{Name: "Second"}); err != nil {
		t.Fatal(err)
	}
	if n, err := ro.CountActors(ctx, app.ActorQuery{}); err != nil || n != 2 {
		t.Fatalf("the reader sees %d actors (%v), want 2", n, err)
	}
	names := func(l []string) (n []string) {
		for _, f := range l {
			n = append(n, strings.Fields(f)[0])
		}
		return n
	}
	if after := files(t, filepath.Dir(path)); !slices.Equal(names(before), names(after)) {
		t.Fatalf("files beside the project changed: %v → %v", names(before), names(after))
	}
}

// A project that needs a migration cannot be read without writing: refused, unchanged.
func TestOpenForReadingRefusesAnOldSchema(t *testing.T) {
	ctx := context.Background()
	path := newProject(t)
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.ExecContext(ctx, "PRAGMA user_version = 1"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	_, err = OpenForReading(ctx, path, "--read-only was given", true)
	wantCode(t, err, app.EREADONLY)
	if !strings.Contains(app.ErrorMessage(err), "older version of Dossier") {
		t.Fatalf("message = %q", app.ErrorMessage(err))
	}
}
