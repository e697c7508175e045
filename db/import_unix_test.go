//go:build unix

package db

import (
	"context"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"dossier/app"
)

// TestImportSkipsPipes: a named pipe in a folder, or named on its own, is refused with a
// message and the rest is filed. Opening one the ordinary way waits for a writer for
// ever: the import would hang, with the project locked.
func TestImportSkipsPipes(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string][]byte{"b.txt": []byte("Harbour reopens\n\nThe harbour reopened on Monday after the storm.")})
	inFolder := filepath.Join(dir, "a.txt")
	alone := filepath.Join(t.TempDir(), "pipe.md")
	for _, p := range []string{inFolder, alone} {
		if err := syscall.Mkfifo(p, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s := openTest(t)
	var log importLog
	sum, err := s.ImportFiles(context.Background(), []string{dir, alone}, log.options(0))
	if err != nil {
		t.Fatal(err)
	}
	if sum.Files != 3 || sum.Filed != 1 || sum.Refused != 2 || sum.Duplicates != 0 {
		t.Errorf("summary %+v, want 3 files, 1 filed, 2 refused", sum)
	}
	for _, r := range log.results {
		if r.Outcome == app.ImportRefused && !strings.Contains(r.Message, "named pipe (FIFO)") {
			t.Errorf("%s refused with %q", r.Path, r.Message)
		}
	}
}
