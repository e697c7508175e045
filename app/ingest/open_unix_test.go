//go:build unix

package ingest

import (
	"context"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"dossier/app"
)

// TestSpecialFilesAreSkipped: a named pipe, a socket or a device, in a folder or named on
// its own, is refused with a message saying what it is, and nothing waits on it. Opening
// a FIFO for reading the ordinary way waits for a writer for ever, so this test would
// hang, not fail, if the import opened one that way.
func TestSpecialFilesAreSkipped(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"b.txt": "Harbour reopens\nThe harbour reopened on Monday."})
	fifo := filepath.Join(dir, "a.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	lone := filepath.Join(t.TempDir(), "pipe.md")
	if err := syscall.Mkfifo(lone, 0o644); err != nil {
		t.Fatal(err)
	}
	sock := filepath.Join(t.TempDir(), "c.txt")
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()

	var got []string
	err = Walk(context.Background(), []string{dir, lone, sock, os.DevNull}, func(it Item) error {
		if it.Err != nil {
			got = append(got, app.ErrorMessage(it.Err))
		} else {
			got = append(got, "filed "+it.Article.Title)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"“a.txt” is a named pipe (FIFO), not a file; it was skipped.",
		"filed Harbour reopens",
		"“pipe.md” is a named pipe (FIFO), not a file; it was skipped.",
		"“c.txt” is a socket, not a file; it was skipped.",
		"“null” is a device, not a file; it was skipped.",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Open itself refuses it too, for callers that weigh a file before reading it.
	if _, err := Open(fifo); err == nil || !strings.Contains(app.ErrorMessage(err), "named pipe") {
		t.Errorf("Open(fifo) = %v", err)
	}
}
