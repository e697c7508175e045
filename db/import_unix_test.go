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
	if want := (app.ImportSummary{Files: 3, Filed: 1, Refused: 2}); sum != want {
		t.Errorf("summary %+v, want %+v", sum, want)
	}
	for _, r := range log.results {
		if r.Outcome == app.ImportRefused && !strings.Contains(r.Message, "named pipe (FIFO)") {
			t.Errorf("%s refused with %q", r.Path, r.Message)
		}
	}
}
