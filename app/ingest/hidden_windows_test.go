package ingest

import (
	"context"
	"path/filepath"
	"syscall"
	"testing"
)

// TestWalkSkipsHiddenAttribute: on Windows a file with the hidden or the system attribute
// is passed over by a folder import, whatever its name.
func TestWalkSkipsHiddenAttribute(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"kept.txt": "Kept story\nRead.", "hidden.txt": "Hidden story\nNot read.", "system.txt": "System story\nNot read."})
	for name, attr := range map[string]uint32{"hidden.txt": syscall.FILE_ATTRIBUTE_HIDDEN, "system.txt": syscall.FILE_ATTRIBUTE_SYSTEM} {
		p, err := syscall.UTF16PtrFromString(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if err := syscall.SetFileAttributes(p, attr); err != nil {
			t.Fatal(err)
		}
	}
	var got []string
	if err := Walk(context.Background(), []string{dir}, func(it Item) error {
		got = append(got, filepath.Base(it.Path))
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0] != "kept.txt" {
		t.Errorf("the walk gave %q, want only kept.txt", got)
	}
}
