package export_test

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"dossier/app"
	"dossier/app/export"
	"dossier/db"
)

// faultySink is a vault sink that cannot make, or cannot write, the n-th file whose path
// starts with prefix (disk full); it counts the files asked for after that.
type faultySink struct {
	prefix  string
	n       int
	write   bool // the write fails, not the making of the file
	seen    int
	failed  string
	created int
	after   int
}

type faultyFile struct {
	fail bool
}

func (f faultyFile) Write(p []byte) (int, error) {
	if f.fail {
		return 0, syscall.ENOSPC
	}
	return len(p), nil
}

func (faultyFile) Close() error { return nil }

func (s *faultySink) Create(path string) (io.WriteCloser, error) {
	s.created++
	if s.failed != "" {
		s.after++
	}
	if !strings.HasPrefix(path, s.prefix) {
		return faultyFile{}, nil
	}
	s.seen++
	if s.seen != s.n {
		return faultyFile{}, nil
	}
	s.failed = path
	if s.write {
		return faultyFile{fail: true}, nil
	}
	return nil, syscall.EACCES
}

// failingRelations is the real project whose relations stop coming after a few: a disk
// or database fault while the vault sorts them.
type failingRelations struct{ *db.Store }

func (f failingRelations) EachRelation(ctx context.Context, q app.RelationQuery, fn func(app.Relation) error) error {
	n := 0
	return f.Store.EachRelation(ctx, q, func(r app.Relation) error {
		if n++; n > 5 {
			return &app.Error{Code: app.EINTERNAL, Message: "The relations could not be read."}
		}
		return fn(r)
	})
}

// failingBeside is the real project whose articles, read on the second connection, stop
// coming after a few.
type failingBeside struct{ *db.Store }

func (f failingBeside) EachExportArticleBeside(ctx context.Context, sc app.ExportScope, fn func(app.Article) error) error {
	n := 0
	return f.Store.EachExportArticleBeside(ctx, sc, func(a app.Article) error {
		if n++; n > 3 {
			return &app.Error{Code: app.EINTERNAL, Message: "The articles could not be read."}
		}
		return fn(a)
	})
}

// TestVaultFailuresStopAndSay walks every way a whole-project vault can fail while its
// articles are written and its relations sorted side by side: a file of the vault that
// cannot be made or written (which the error names), the relations or the articles that
// cannot be read, a sorting file that cannot be made. Each failure is the error returned
// (never the cancellation it caused in the other half), no file is asked for after a
// failed file, the sorting files are gone, and a folder vault leaves nothing behind.
func TestVaultFailuresStopAndSay(t *testing.T) {
	p := newExportProject(t)
	ctx := context.Background()
	defer export.SetVaultRunBytes(512)() // many sorted runs on disk
	blocked := filepath.Join(t.TempDir(), "not-a-folder")
	os.WriteFile(blocked, nil, 0o644)
	cases := []struct {
		name     string
		src      export.Source
		sink     *faultySink
		sortDir  string // "" a fresh folder
		says     string
		nameFile bool
	}{
		{name: "article file cannot be made", src: p.store, sink: &faultySink{prefix: "articles/", n: 3}, nameFile: true, says: "permission denied"},
		{name: "article file cannot be written", src: p.store, sink: &faultySink{prefix: "articles/", n: 2, write: true}, nameFile: true, says: "no space left"},
		{name: "actor file cannot be written", src: p.store, sink: &faultySink{prefix: "actors/", n: 4, write: true}, nameFile: true, says: "no space left"},
		{name: "note file cannot be made", src: p.store, sink: &faultySink{prefix: "notes/", n: 1}, nameFile: true, says: "permission denied"},
		{name: "relations cannot be read", src: failingRelations{p.store}, says: "The relations could not be read."},
		{name: "articles cannot be read", src: failingBeside{p.store}, says: "The articles could not be read."},
		{name: "sorting file cannot be made", src: p.store, sortDir: blocked, says: "Cannot make a temporary file to sort the vault's relations"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := c.sortDir
			if dir == "" {
				dir = t.TempDir()
			}
			defer export.SetVaultTempDir(dir)()
			sink := c.sink
			if sink == nil {
				sink = &faultySink{prefix: "none"}
			}
			err := export.WriteVault(ctx, sink, export.Job{Src: c.src})
			msg := app.ErrorMessage(err)
			if err == nil || !strings.Contains(msg, c.says) || strings.Contains(msg, "context canceled") {
				t.Fatalf("err = %v, want it to say %q", err, c.says)
			}
			if c.nameFile && (sink.failed == "" || !strings.Contains(msg, sink.failed)) {
				t.Errorf("%q does not name the file %q", msg, sink.failed)
			}
			if sink.after > 0 {
				t.Errorf("%d files asked for after %s failed", sink.after, sink.failed)
			}
			if c.sortDir == "" {
				if left, _ := os.ReadDir(dir); len(left) > 0 {
					t.Errorf("sorting files left: %v", left)
				}
			}
			if c.sink != nil {
				return // a folder vault's own file failures: TestPipeSinkFailureNamesTheFile
			}
			parent := t.TempDir()
			err = export.WriteVaultDir(ctx, filepath.Join(parent, "vault"), export.Job{Src: c.src})
			if err == nil || !strings.Contains(app.ErrorMessage(err), c.says) {
				t.Fatalf("folder: err = %v, want it to say %q", err, c.says)
			}
			if left, _ := os.ReadDir(parent); len(left) > 0 {
				t.Errorf("folder: left behind %v", left)
			}
		})
	}
}
