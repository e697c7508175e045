package ingest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWalkSkipsSystemFiles is the rule: every name in systemNames, in its usual spelling
// and in upper case, as a file and as a folder holding an article, is passed over by a
// folder import without a refusal, on every OS; the article beside them is read.
func TestWalkSkipsSystemFiles(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"kept.txt": "Kept story\nRead."})
	usual := map[string]string{"desktop.ini": "Desktop.ini", "thumbs.db": "Thumbs.db", "$recycle.bin": "$RECYCLE.BIN",
		"system volume information": "System Volume Information", "icon\r": "Icon\r"}
	made := 0
	for name := range systemNames {
		spellings := []string{name, strings.ToUpper(name)}
		if u, ok := usual[name]; ok {
			spellings = append(spellings, u)
		}
		for i, n := range spellings {
			if !isSystemName(n) {
				t.Errorf("%q is not recognised as a system file", n)
			}
			sub := filepath.Join(dir, "as-file", string(rune('a'+i)))
			if err := os.MkdirAll(sub, 0o755); err != nil {
				t.Fatal(err)
			}
			// Windows refuses a carriage return in a name: that one is checked by name only.
			if os.WriteFile(filepath.Join(sub, n), []byte("Not an article\nA system file."), 0o644) == nil {
				made++
			}
			folder := filepath.Join(dir, "as-folder", string(rune('a'+i)), n)
			if os.MkdirAll(folder, 0o755) == nil {
				writeTree(t, folder, map[string]string{"inside.txt": "Inside story\nNot read."})
			}
		}
	}
	if made < 2*len(systemNames)-1 {
		t.Fatalf("only %d of the system files could be made", made)
	}
	var got []string
	err := Walk(context.Background(), []string{dir}, func(it Item) error {
		rel, _ := filepath.Rel(dir, it.Path)
		got = append(got, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0] != "kept.txt" {
		t.Errorf("the walk gave %q, want only kept.txt", got)
	}
}

// TestWalkReadsNamedSystemFile: a system file named explicitly is the user's choice and is
// read (here refused as not an article, with a reason), as a named dot-file is.
func TestWalkReadsNamedSystemFile(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"desktop.ini": "[.ShellClassInfo]\nIconResource=x"})
	n := 0
	if err := Walk(context.Background(), []string{filepath.Join(dir, "desktop.ini")}, func(Item) error { n++; return nil }); err != nil {
		t.Fatal(err)
	}
	if n != 1 {
		t.Errorf("a named desktop.ini gave %d items, want 1 (read or refused, not skipped)", n)
	}
}
