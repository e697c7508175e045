package export_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"path/filepath"
	"strings"
	"testing"

	"dossier/app"
	"dossier/app/export"
	"dossier/db"
)

// TestRelationsCSVRoundTrip: the relations CSV of a project, imported into a project that
// has the same articles, gives back every relation with its UUID, actors, type, dates,
// confidence, modality, speaker, note and first source, so the CSV exported again is the
// same but for the count of sources where the CSV could carry only the first, and each
// of those is reported.
func TestRelationsCSVRoundTrip(t *testing.T) {
	p := newExportProject(t)
	ctx := context.Background()
	var first bytes.Buffer
	each := func(s *db.Store) func(fn func(app.Relation) error) error {
		return func(fn func(app.Relation) error) error { return s.EachRelation(ctx, app.RelationQuery{}, fn) }
	}
	if err := export.WriteEachRelation(&first, each(p.store), export.Options{}); err != nil {
		t.Fatal(err)
	}
	// The new project gets the articles (their lines of the FtM export) and nothing else.
	var articles []string
	for _, l := range strings.Split(string(p.export(t, writeFtM, 0)), "\n") {
		if strings.Contains(l, `"schema":"Article"`) {
			articles = append(articles, l)
		}
	}
	s, err := db.Create(ctx, filepath.Join(t.TempDir(), "b.dossier"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := export.ImportFtM(ctx, s, openBytes([]byte(strings.Join(articles, "\n")))); err != nil {
		t.Fatal(err)
	}
	sum, err := export.ImportRelationsCSV(ctx, s, bytes.NewReader(first.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	var second bytes.Buffer
	if err := export.WriteEachRelation(&second, each(s), export.Options{}); err != nil {
		t.Fatal(err)
	}
	a, _ := csv.NewReader(bytes.NewReader(first.Bytes())).ReadAll()
	b, _ := csv.NewReader(&second).ReadAll()
	if len(a) != len(b) || len(a) < 10 {
		t.Fatalf("%d rows, then %d", len(a), len(b))
	}
	count := len(export.RelationColumns) - 1 // evidence_count is last
	reported := strings.Join(sum.Skipped, "\n")
	for i := range a {
		if a[i][count] != b[i][count] {
			if !strings.Contains(reported, a[i][0]+": the CSV holds 1 of its "+a[i][count]+" sources") {
				t.Errorf("row %d: %s sources became %s, unreported", i, a[i][count], b[i][count])
			}
			a[i][count] = b[i][count]
		}
		if strings.Join(a[i], "|") != strings.Join(b[i], "|") {
			t.Errorf("row %d differs:\n%v\n%v", i, a[i], b[i])
		}
	}
	again, err := export.ImportRelationsCSV(ctx, s, bytes.NewReader(first.Bytes()))
	if err != nil || len(again.Added) != 0 {
		t.Errorf("a second import added %v (%v)", again.Added, err)
	}
}

// FuzzImportRelationsCSV: any bytes after the header are read without panicking.
func FuzzImportRelationsCSV(f *testing.F) {
	head := strings.Join(export.RelationColumns, ",") + "\r\n"
	f.Add([]byte("a,b\r\n"))
	f.Add([]byte(`x,"y`))
	f.Add([]byte(strings.Repeat(",", len(export.RelationColumns)-1) + "\r\n"))
	s, err := db.Create(context.Background(), filepath.Join(f.TempDir(), "fuzz.dossier"))
	if err != nil {
		f.Fatal(err)
	}
	defer s.Close()
	f.Fuzz(func(t *testing.T, b []byte) {
		export.ImportRelationsCSV(context.Background(), s, bytes.NewReader(append([]byte(head), b...)))
	})
}
