package ingest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"dossier/app"
)

// writeTree writes files (path → content) under dir.
func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for p, content := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestWalk(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"b.txt":                   "Second story\nText b.",
		"a.md":                    "# First story\n\nText a.",
		"sub/c.html":              "<html><head><title>Third story</title></head><body><p>Text c.</p></body></html>",
		"sub/deeper/d.txt":        "Fourth story\nText d.",
		"sub/report.pdf":          "%PDF-1.7 not really",
		"sub/empty.txt":           "",
		".hidden.txt":             "Hidden story\nNot read.",
		".git/config.txt":         "Hidden folder\nNot read.",
		"sub/.cache/e.txt":        "Hidden folder\nNot read.",
		"sub/deeper/.DS_Store.md": "Hidden\nNot read.",
	})
	lone := filepath.Join(t.TempDir(), ".explicit.txt")
	writeTree(t, filepath.Dir(lone), map[string]string{".explicit.txt": "Named story\nRead because it was named."})

	var got []string
	err := Walk(context.Background(), []string{dir, lone, filepath.Join(dir, "nope.txt")}, func(it Item) error {
		rel, _ := filepath.Rel(dir, it.Path)
		if it.Err != nil {
			got = append(got, "refused "+filepath.ToSlash(rel)+": "+app.ErrorCode(it.Err))
		} else {
			got = append(got, filepath.ToSlash(rel)+": "+it.Article.Title)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	relLone, _ := filepath.Rel(dir, lone)
	want := []string{
		"a.md: First story",
		"b.txt: Second story",
		"sub/c.html: Third story",
		"sub/deeper/d.txt: Fourth story",
		"refused sub/empty.txt: invalid",
		"refused sub/report.pdf: invalid",
		filepath.ToSlash(relLone) + ": Named story",
		"refused nope.txt: not_found",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}

func TestWalkStops(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"a.txt": "A\nText.", "b.txt": "B\nText.", "c/d.txt": "D\nText."})

	t.Run("cancelled before start", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		calls := 0
		err := Walk(ctx, []string{dir}, func(Item) error { calls++; return nil })
		if !errors.Is(err, context.Canceled) || calls != 0 {
			t.Errorf("err %v after %d calls", err, calls)
		}
	})
	t.Run("cancelled midway", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		calls := 0
		err := Walk(ctx, []string{dir}, func(Item) error {
			calls++
			cancel()
			return nil
		})
		if !errors.Is(err, context.Canceled) || calls != 1 {
			t.Errorf("err %v after %d calls", err, calls)
		}
	})
	t.Run("callback error", func(t *testing.T) {
		stop := errors.New("stop")
		calls := 0
		err := Walk(context.Background(), []string{dir}, func(Item) error { calls++; return stop })
		if !errors.Is(err, stop) || calls != 1 {
			t.Errorf("err %v after %d calls", err, calls)
		}
	})
}

func TestWalkSymlinks(t *testing.T) {
	real := t.TempDir()
	writeTree(t, real, map[string]string{"a.txt": "Linked story\nText."})
	dir := t.TempDir()
	symlinkOrSkip(t, real, filepath.Join(dir, "loop"))
	if err := os.Symlink(dir, filepath.Join(real, "back")); err != nil {
		t.Fatal(err)
	}
	root := filepath.Join(t.TempDir(), "root")
	if err := os.Symlink(real, root); err != nil {
		t.Fatal(err)
	}
	count := func(path string) int {
		n := 0
		if err := Walk(context.Background(), []string{path}, func(it Item) error {
			if it.Err != nil {
				t.Errorf("%s: %v", it.Path, it.Err)
			}
			n++
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if n := count(dir); n != 0 {
		t.Errorf("a link to a folder inside the tree was followed: %d items", n)
	}
	if n := count(root); n != 1 {
		t.Errorf("a named link to a folder should be read: %d items", n)
	}
}

// TestWalkManyFiles walks 5,000 files and checks Walk streams: it reads a folder only
// when it gets to it, so a file added to a later folder while the walk is under way is
// found. (A walk that listed the whole tree first would miss it, and would hold every
// path of a 50,000-file import in memory before reading the first file; filepath.WalkDir
// holds one folder's names at a time.)
func TestWalkManyFiles(t *testing.T) {
	dir := t.TempDir()
	const folders, perFolder = 5, 1000
	for f := range folders {
		sub := filepath.Join(dir, fmt.Sprintf("f%d", f))
		if err := os.Mkdir(sub, 0o755); err != nil {
			t.Fatal(err)
		}
		for i := range perFolder {
			body := fmt.Sprintf("Ward %d-%d declares\nThe count in ward %d of district %d ended at dawn.", f, i, i, f)
			if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("w%04d.txt", i)), []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	late := filepath.Join(dir, "f4", "zz-late.txt")
	var n int
	var last string
	err := Walk(context.Background(), []string{dir}, func(it Item) error {
		if it.Err != nil {
			t.Fatalf("%s: %v", it.Path, it.Err)
		}
		if it.Path <= last {
			t.Fatalf("%s after %s: not in name order", it.Path, last)
		}
		last = it.Path
		if n == 0 {
			if err := os.WriteFile(late, []byte("Late result\nWard 99 declared last."), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		n++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n != folders*perFolder+1 || last != late {
		t.Errorf("%d articles, last %s; want %d ending with the file written during the walk", n, last, folders*perFolder+1)
	}
}

// symlinkOrSkip makes a symbolic link or skips the test saying why: Windows lets an
// account make them only with Developer Mode on or administrator rights, and some file
// systems (FAT, exFAT, some network shares) have none.
func symlinkOrSkip(t *testing.T, oldname, newname string) {
	t.Helper()
	if err := os.Symlink(oldname, newname); err != nil {
		t.Skipf("this OS or account cannot make symbolic links here (on Windows: Developer Mode or administrator rights): %v", err)
	}
}
