package db

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dossier/app"
)

// copyFile copies src to dst, keeping at most limit bytes (all when limit < 0); a missing
// src copies nothing.
func copyCut(t *testing.T, src, dst string, limit int) {
	t.Helper()
	b, err := os.ReadFile(src)
	if os.IsNotExist(err) {
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	if limit >= 0 && limit < len(b) {
		b = b[:limit]
	}
	if err := os.WriteFile(dst, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestWALLossIsSeen: a project copied as a process killed while it held commits in its
// WAL would leave it (the file, its -shm and its -wal), then with the -wal missing or cut
// short: walLoss says the saved changes are lost, and how many pages; with the -wal whole,
// after a checkpoint, or after a clean close, it says nothing.
func TestWALLossIsSeen(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	for _, name := range []string{"Ilse Marrow", "Tomas Quill", "Brann Sollis"} {
		if _, err := s.CreateActor(ctx, app.Actor{Name: name, Kind: app.Person}); err != nil {
			t.Fatal(err)
		}
	}
	// left is what a kill at this moment leaves, the -wal kept up to walBytes bytes.
	left := func(name string, walBytes int) string {
		dir := t.TempDir()
		dst := filepath.Join(dir, name)
		copyCut(t, s.Path(), dst, -1)
		copyCut(t, s.Path()+"-shm", dst+"-shm", -1)
		if walBytes != 0 {
			copyCut(t, s.Path()+"-wal", dst+"-wal", walBytes)
		}
		return dst
	}
	if got := walLoss(left("whole.dossier", -1)); got != "" {
		t.Errorf("with its -wal whole: %q", got)
	}
	got := walLoss(left("nowal.dossier", 0))
	t.Logf("with its -wal missing: %s", got)
	if !strings.Contains(got, "nowal.dossier-wal is missing") || !strings.Contains(got, "are lost") || !strings.Contains(got, "pages)") {
		t.Errorf("with its -wal missing: %q", got)
	}
	st, err := os.Stat(s.Path() + "-wal")
	if err != nil {
		t.Fatal(err)
	}
	if got := walLoss(left("short.dossier", int(st.Size())/2)); !strings.Contains(got, "short.dossier-wal is cut short") {
		t.Errorf("with its -wal cut short: %q", got)
	}
	// A checkpoint copies every commit into the file: the -wal then holds nothing needed.
	if _, err := s.db.ExecContext(ctx, "PRAGMA wal_checkpoint(PASSIVE)"); err != nil {
		t.Fatal(err)
	}
	if got := walLoss(left("checkpointed.dossier", 0)); got != "" {
		t.Errorf("after a checkpoint, with its -wal missing: %q", got)
	}
	s.Close()
	if got := walLoss(s.Path()); got != "" {
		t.Errorf("after a clean close: %q", got)
	}
	// A -shm that is not a WAL index proves nothing.
	junk := filepath.Join(t.TempDir(), "junk.dossier")
	copyCut(t, s.Path(), junk, -1)
	os.WriteFile(junk+"-shm", []byte(strings.Repeat("x", 200)), 0o644)
	if got := walLoss(junk); got != "" {
		t.Errorf("with a -shm of junk: %q", got)
	}
}
