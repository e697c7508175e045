package export_test

import (
	"bytes"
	"context"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"dossier/app/export"
	"dossier/db"
)

func openBytes(b []byte) func() (io.ReadCloser, error) {
	return func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(b)), nil }
}

// TestFtMRoundTrip: the FtM export of a whole project, imported into an empty project
// and exported again, gives the same file byte for byte (same UUIDs, same content);
// importing it a second time adds nothing.
func TestFtMRoundTrip(t *testing.T) {
	p := newExportProject(t)
	ctx := context.Background()
	first := p.export(t, writeFtM, 0)

	s, err := db.Create(ctx, filepath.Join(t.TempDir(), "empty.dossier"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	sum, err := export.ImportFtM(ctx, s, openBytes(first))
	if err != nil {
		t.Fatal(err)
	}
	if sum.SkippedTotal != 0 {
		t.Fatalf("skipped: %v", sum.Skipped)
	}
	actors, relations, articles, notes := p.counts(t, 0)
	if sum.Added["actor"] != actors || sum.Added["relation"] != relations || sum.Added["article"] != articles {
		t.Errorf("added %v; the project has %d actors, %d relations, %d articles, %d notes", sum.Added, actors, relations, articles, notes)
	}
	var second bytes.Buffer
	if err := export.WriteFtM(ctx, &second, export.Job{Src: s}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, second.Bytes()) {
		a, b := strings.Split(string(first), "\n"), strings.Split(second.String(), "\n")
		for i := range min(len(a), len(b)) {
			if a[i] != b[i] {
				t.Fatalf("line %d differs:\nfirst:  %.400s\nsecond: %.400s", i+1, a[i], b[i])
			}
		}
		t.Fatalf("%d lines, then %d", len(a), len(b))
	}
	again, err := export.ImportFtM(ctx, s, openBytes(first))
	if err != nil {
		t.Fatal(err)
	}
	if len(again.Added) != 0 || again.Known["actor"] != actors {
		t.Errorf("a second import added %v (known %v)", again.Added, again.Known)
	}
}

// TestFtMImportForeign: entities from elsewhere (ids that are not UUIDs, a schema Dossier
// does not file, a damaged line, a relation to a missing actor) are filed or skipped with
// a reason, never silently.
func TestFtMImportForeign(t *testing.T) {
	ctx := context.Background()
	s, err := db.Create(ctx, filepath.Join(t.TempDir(), "empty.dossier"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	file := strings.Join([]string{
		`{"id":"a1b2","schema":"Person","properties":{"name":["Aylin Demir"],"alias":["A. Demir"]}}`,
		`{"id":"c3d4","schema":"Company","properties":{"name":["Invented Shipping Ltd"]}}`,
		`{"id":"e5","schema":"Directorship","properties":{"director":["a1b2"],"organization":["c3d4"],"role":["director"],"startDate":["2024-03"]}}`,
		`{"id":"v1","schema":"Vessel","properties":{"name":["Sea Breeze"]}}`,
		`{not json`,
		`{"id":"e6","schema":"UnknownLink","properties":{"subject":["a1b2"],"object":["nobody"],"role":["knows"]}}`,
	}, "\n")
	sum, err := export.ImportFtM(ctx, s, openBytes([]byte(file)))
	if err != nil {
		t.Fatal(err)
	}
	if sum.Added["actor"] != 2 || sum.Added["relation"] != 1 || sum.SkippedTotal != 3 {
		t.Fatalf("added %v, skipped %d: %v", sum.Added, sum.SkippedTotal, sum.Skipped)
	}
	for _, want := range []string{"Vessel", "not JSON", "nobody"} {
		if !strings.Contains(strings.Join(sum.Skipped, "\n"), want) {
			t.Errorf("no skip reason mentions %s: %v", want, sum.Skipped)
		}
	}
	a, err := s.FindActor(ctx, "Invented Shipping Ltd")
	if err != nil || a.Kind != "organisation" {
		t.Errorf("the company: %+v %v", a, err)
	}
}

// TestIsFtM: detection goes by content, not by name.
func TestIsFtM(t *testing.T) {
	for in, want := range map[string]bool{
		`{"id":"x","schema":"Person","properties":{"name":["A"]}}` + "\n": true,
		"\ufeff" + `{"id":"x","schema":"Person","properties":{}}`:         true,
		"title,date\nA,2026\n":                 false,
		`{"type":"bundle","objects":[]}`:       false,
		"Just an article about {\"id\": 1}.\n": false,
	} {
		if got := export.IsFtM([]byte(in)); got != want {
			t.Errorf("IsFtM(%q) = %v", in, got)
		}
	}
}

// FuzzEachFtM: any input is read without panicking, and every entity handed on has an
// id and a schema.
func FuzzEachFtM(f *testing.F) {
	for _, s := range []string{"", "{}", `{"id":"a","schema":"Person","properties":{"name":["x"]}}`, "\ufeff{\"id\":\"1\"}\n{", "[1,2]\n\n{\"id\":\"b\",\"schema\":\"Note\"}"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		export.IsFtM(b)
		err := export.EachFtM(bytes.NewReader(b), func(_ int, e export.FtMEntity) error {
			if e.ID == "" || e.Schema == "" {
				t.Fatalf("entity without id or schema: %+v", e)
			}
			return nil
		}, func(int, error) {})
		if err != nil && !strings.Contains(err.Error(), "line") {
			t.Fatalf("error without a line: %v", err)
		}
	})
}
