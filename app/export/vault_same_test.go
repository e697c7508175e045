package export_test

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"dossier/app"
	"dossier/app/export"
	"dossier/app/graph"
	"dossier/db"
	"dossier/db/dbtest"
)

// recordSink keeps each file's digest and the order the files were made in.
type recordSink struct {
	mu     sync.Mutex
	order  []string
	digest map[string]string
}

func newRecordSink() *recordSink { return &recordSink{digest: map[string]string{}} }

type recordFile struct {
	sink *recordSink
	path string
	buf  bytes.Buffer
}

func (f *recordFile) Write(p []byte) (int, error) { return f.buf.Write(p) }

func (f *recordFile) Close() error {
	f.sink.mu.Lock()
	defer f.sink.mu.Unlock()
	f.sink.digest[f.path] = digestOf(f.buf.Bytes())
	return nil
}

func (r *recordSink) Create(path string) (io.WriteCloser, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, dup := r.digest[path]; dup {
		return nil, &app.Error{Code: app.EINTERNAL, Message: "two files at " + path}
	}
	r.digest[path] = ""
	r.order = append(r.order, path)
	return &recordFile{sink: r, path: path}, nil
}

func digestOf(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// folderDigests reads every file under dir, by slash path.
func folderDigests(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		out[filepath.ToSlash(rel)] = digestOf(b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// sameDigests reports every file missing, extra or different in got.
func sameDigests(t *testing.T, what string, got, want map[string]string) {
	t.Helper()
	if len(want) < 5 {
		t.Fatalf("%s: the reference vault has only %d files", what, len(want))
	}
	var bad []string
	for path, d := range want {
		switch g, ok := got[path]; {
		case !ok:
			bad = append(bad, "missing "+path)
		case g != d:
			bad = append(bad, "differs "+path)
		}
	}
	for path := range got {
		if _, ok := want[path]; !ok {
			bad = append(bad, "extra "+path)
		}
	}
	sort.Strings(bad)
	if len(bad) > 0 {
		t.Errorf("%s: %d of %d files not as before: %s", what, len(bad), len(want), strings.Join(bad[:min(len(bad), 10)], "; "))
	}
}

// sameVault writes the vault of j every way it can be written (through a sink, as a
// folder, as a zip) and checks each gives, file for file and byte for byte, what the
// writer of before gives. (A whole project's articles now come before its actors.)
func sameVault(t *testing.T, name string, j export.Job) {
	t.Helper()
	ctx := context.Background()
	ref := newRecordSink()
	if err := export.RefWriteVault(ctx, ref, j); err != nil {
		t.Fatal(err)
	}
	got := newRecordSink()
	if err := export.WriteVault(ctx, got, j); err != nil {
		t.Fatal(err)
	}
	sameDigests(t, name+" (sink)", got.digest, ref.digest)

	dir := filepath.Join(t.TempDir(), "vault")
	if err := export.WriteVaultDir(ctx, dir, j); err != nil {
		t.Fatal(err)
	}
	sameDigests(t, name+" (folder)", folderDigests(t, dir), ref.digest)

	var zbuf bytes.Buffer
	if err := export.WriteVaultZip(ctx, &zbuf, j); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(zbuf.Bytes()), int64(zbuf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	zd := map[string]string{}
	var order []string
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc) // checks the CRC too
		rc.Close()
		if err != nil {
			t.Fatalf("%s in the zip: %v", f.Name, err)
		}
		zd[f.Name] = digestOf(b)
		order = append(order, f.Name)
	}
	sameDigests(t, name+" (zip)", zd, ref.digest)
	if strings.Join(order, "\n") != strings.Join(got.order, "\n") {
		t.Errorf("%s: the zip's files are not in the order they were made", name)
	}
}

// TestVaultSameAsBefore: the faster vault writer gives exactly the files of the writer of
// before, for the sample project (whole, Maliki's dossier, and the dossier as its filters
// show it) and for a synthetic project with notes and a trashed article, whether the
// relations are sorted in memory or spilled to many sorted runs on disk.
func TestVaultSameAsBefore(t *testing.T) {
	ctx := context.Background()
	p := newExportProject(t)
	f := graph.Filter{Polarities: []app.Polarity{app.Conflictual}}
	d, _, err := p.store.FilteredDossier(ctx, p.maliki.ID, f, 0)
	if err != nil {
		t.Fatal(err)
	}
	sameVault(t, "sample", export.Job{Src: p.store})
	sameVault(t, "Maliki", export.Job{Src: p.store, Scope: app.ExportScope{ActorID: p.maliki.ID, ActorName: p.maliki.Name}})
	sameVault(t, "Maliki filtered", export.Job{Src: p.store, Scope: export.FilteredScope(d, f.Describe())})

	s := synthProject(t)
	for _, limit := range []int{0, 4 << 10} { // 0: the default, all in memory
		restore := export.SetVaultRunBytes(limit)
		sameVault(t, "synthetic, runs of "+strconv.Itoa(limit)+" bytes", export.Job{Src: s})
		restore()
	}
}

// synthProject is a small synthetic project (300 articles, 40 actors, 600 relations, 80
// notes) with one article trashed, so a relation has evidence left out.
func synthProject(t *testing.T) *db.Store {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "synth.dossier")
	s, err := db.Create(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if err := dbtest.Synthesize(ctx, path, dbtest.Sizes{Articles: 300, Actors: 40, Relations: 600}, 3, nil); err != nil {
		t.Fatal(err)
	}
	if err := dbtest.SynthesizeNotes(ctx, path, 80, 3); err != nil {
		t.Fatal(err)
	}
	s, err = db.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.DeleteArticle(ctx, 7); err != nil {
		t.Fatal(err)
	}
	return s
}
