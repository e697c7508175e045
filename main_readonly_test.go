package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"dossier/app"
	"dossier/db"
)

// folderState lists a folder's files with sizes and times.
func folderState(t *testing.T, dir string) []string {
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

// A project on read-only media (here a read-only file in a read-only folder) opens in the
// window read-only, saying why, instead of not at all, and writes nothing there (checked
// file by file, which holds when the test runs as root); so does any project with
// --read-only. A batch command still refuses to write it.
func TestWindowOpensReadOnlyMediaReadOnly(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "disc")
	os.Mkdir(dir, 0o755)
	path := filepath.Join(dir, "p.dossier")
	st, err := db.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.CreateActor(ctx, app.Actor{Name: "Ada Keller", Kind: app.Person}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	os.Chmod(path, 0o444)
	os.Chmod(dir, 0o555)
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
	before := folderState(t, dir)

	if _, err := openForCLI(ctx, path); !app.IsCode(err, app.EREADONLY) {
		t.Fatalf("batch open of a read-only project: %v, want EREADONLY", err)
	}
	for _, readOnly := range []bool{false, true} {
		s, err := openOrReadOnly(ctx, path, readOnly)
		if err != nil {
			t.Fatalf("readOnly=%v: the window could not open the project: %v", readOnly, err)
		}
		why := s.ReadOnly()
		if readOnly && !strings.Contains(why, "--read-only") || !readOnly && !strings.Contains(why, "cannot write") {
			t.Errorf("readOnly=%v: the banner's reason is %q", readOnly, why)
		}
		if n, err := s.CountActors(ctx, app.ActorQuery{}); err != nil || n != 1 {
			t.Errorf("readOnly=%v: read %d actors (%v)", readOnly, n, err)
		}
		if _, err := s.CreateActor(ctx, app.Actor{Name: "Refused"}); !app.IsCode(err, app.EREADONLY) {
			t.Errorf("readOnly=%v: a write gave %v, want EREADONLY", readOnly, err)
		}
		s.Close()
		if after := folderState(t, dir); !slices.Equal(before, after) {
			t.Fatalf("readOnly=%v: the folder changed:\nbefore %v\nafter  %v", readOnly, before, after)
		}
	}
}
