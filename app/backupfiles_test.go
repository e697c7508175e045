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
