package app

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestListBackupsOnlyBackupsNewestFirst: a backups folder holds backups, a temporary copy
// being written, a kept damaged file and a file of the user's; only the backups are
// listed, newest first, with their sizes. A missing folder lists none, without error.
func TestListBackupsOnlyBackupsNewestFirst(t *testing.T) {
	dir := t.TempDir()
	t0 := time.Date(2026, 3, 1, 9, 30, 0, 0, time.UTC)
	names := map[string]int{
		BackupName(t0):                                     10,
		BackupName(t0.Add(2 * time.Hour)):                  30,
		BackupName(t0.Add(time.Hour)):                      20,
		BackupName(t0) + BackupTempMarker + "123":          5,
		"20260301-093000.000Z" + DamagedMarker + BackupExt: 7,
		"notes.txt": 1,
	}
	for n, size := range names {
		if err := os.WriteFile(filepath.Join(dir, n), make([]byte, size), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := ListBackups(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 {
		t.Fatalf("listed %d files, want the 3 backups: %+v", len(got), got)
	}
	for i, want := range []int64{30, 20, 10} {
		if got[i].Size != want {
			t.Fatalf("entry %d: %+v, want size %d (newest first)", i, got[i], want)
		}
	}
	if !got[0].Time.Equal(t0.Add(2 * time.Hour)) {
		t.Fatalf("newest time %v", got[0].Time)
	}
	if got, err := ListBackups(filepath.Join(dir, "none")); err != nil || len(got) != 0 {
		t.Fatalf("missing folder: %v %v", got, err)
	}
}

// TestReplaceFileRemovesStaleRestores: a restore killed half-way leaves a hidden partial
// copy beside the project; the next restore removes it once it is old, and leaves a
// recent one (another restore may be writing it) and every other file alone.
func TestReplaceFileRemovesStaleRestores(t *testing.T) {
	dir := t.TempDir()
	project := filepath.Join(dir, "notes[1].dossier")
	backup := filepath.Join(dir, "b.dossier")
	for _, f := range []string{project, backup} {
		if err := os.WriteFile(f, []byte(f), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	old := filepath.Join(dir, ".notes[1].dossier.restore-123")
	recent := filepath.Join(dir, ".notes[1].dossier.restore-456")
	other := filepath.Join(dir, ".other.dossier.restore-789")
	for _, f := range []string{old, recent, other} {
		if err := os.WriteFile(f, []byte("partial"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	long := time.Now().Add(-2 * staleTemp)
	for _, f := range []string{old, other} {
		if err := os.Chtimes(f, long, long); err != nil {
			t.Fatal(err)
		}
	}
	if err := ReplaceFile(backup, project); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(old); !os.IsNotExist(err) {
		t.Error("the stale partial copy is still there")
	}
	for _, f := range []string{recent, other} {
		if _, err := os.Stat(f); err != nil {
			t.Errorf("%s was removed: %v", filepath.Base(f), err)
		}
	}
	if b, _ := os.ReadFile(project); string(b) != backup {
		t.Error("the project was not replaced by the backup")
	}
}
