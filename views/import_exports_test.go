package views

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dossier/app"
	"dossier/app/export"
)

// writeExports writes the dossier fixture's project as FtM lines and as the relations
// CSV, and Trump's dossier CSV, under names that do not give them away: the import must
// know them by content.
func writeExports(t *testing.T, f *dossierFixture) (ftm, relations, dossier string) {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	var b bytes.Buffer
	if err := export.WriteFtM(ctx, &b, export.Job{Src: f.st}); err != nil {
		t.Fatal(err)
	}
	ftm = filepath.Join(dir, "colleague.txt")
	os.WriteFile(ftm, b.Bytes(), 0o644)
	b.Reset()
	if err := export.WriteEachRelation(&b, func(fn func(app.Relation) error) error {
		return f.st.EachRelation(ctx, app.RelationQuery{}, fn)
	}, export.Options{}); err != nil {
		t.Fatal(err)
	}
	relations = filepath.Join(dir, "sheet.csv")
	os.WriteFile(relations, b.Bytes(), 0o644)
	b.Reset()
	d, err := f.st.Dossier(ctx, f.trump.ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := export.WriteDossier(&b, d, export.Options{}); err != nil {
		t.Fatal(err)
	}
	dossier = filepath.Join(dir, "trump.csv")
	os.WriteFile(dossier, b.Bytes(), 0o644)
	return ftm, relations, dossier
}

// TestImportExportsFromWindow: File ▸ Import takes FtM lines and the relations CSV by
// their content as `dossier import` does, with its summary line per file and every
// record it skipped listed; a dossier CSV is refused with the batch's reason; importing
// the same FtM file again adds nothing; dropped beside an article, both are imported.
func TestImportExportsFromWindow(t *testing.T) {
	ctx := context.Background()
	src := newDossierFixture(t)
	ftm, relations, dossier := writeExports(t, src)

	u, st := newTestUI(t)
	imp := u.importer()
	pick := func(path string) {
		imp.pickFile = func(onPath func(string)) { onPath(path) }
		u.articles.importFiles()
		impTap(t, u, "Choose a file…")
		if imp.summary == nil {
			t.Fatal("no summary")
		}
	}

	// FtM: everything added, UUIDs kept, the batch's line in the summary.
	pick(ftm)
	s := imp.summary
	if s.headline.Text != "1 Dossier export imported" {
		t.Errorf("headline %q", s.headline.Text)
	}
	if want := "ftm: " + ftm + " — added 3 actor, 1 article, 2 evidence, 2 relation; already in the project nothing; skipped 0"; !strings.Contains(s.note.Text, want) {
		t.Errorf("the summary says %q, want the line %q", s.note.Text, want)
	}
	if id, err := st.IDByUUID(ctx, "relation", src.threat.UUID); err != nil || id == 0 {
		t.Errorf("the threat's relation was not filed under its UUID: %v", err)
	}
	u.win.Canvas().Overlays().Top().Hide()

	// Again: nothing new.
	pick(ftm)
	if !strings.Contains(imp.summary.note.Text, "— added nothing; already in the project 3 actor, 1 article, 2 evidence, 2 relation; skipped 0") {
		t.Errorf("the second import says %q", imp.summary.note.Text)
	}
	u.win.Canvas().Overlays().Top().Hide()

	// The relations CSV into a project without the articles: each relation is filed
	// without its source, and each such line is listed as skipped, as the batch lists it.
	u2, st2 := newTestUI(t)
	imp2 := u2.importer()
	imp2.pickFile = func(onPath func(string)) { onPath(relations) }
	u2.articles.importFiles()
	impTap(t, u2, "Choose a file…")
	s = imp2.summary
	if !strings.Contains(s.note.Text, "relations csv: "+relations+" — added ") {
		t.Errorf("the relations CSV's summary says %q", s.note.Text)
	}
	if s.list == nil || s.list.Length() != 2 {
		t.Fatalf("%d skipped lines listed, want 2 (one per relation whose article is missing)", len(s.problems))
	}
	if kind, why := problemText(s.problems[0]); kind != "Skipped" || !strings.HasPrefix(why, "line ") {
		t.Errorf("skipped record listed as %q: %q", kind, why)
	}
	if id, err := st2.IDByUUID(ctx, "relation", src.counter.UUID); err != nil || id == 0 {
		t.Errorf("the relations CSV's relation was not filed: %v", err)
	}
	if !strings.Contains(s.report, "skipped: "+relations+" — line ") {
		t.Errorf("the saved report lacks the skipped lines:\n%s", s.report)
	}

	// A dossier CSV is refused with the batch's reason.
	pick(dossier)
	s = imp.summary
	if s.headline.Text != "Nothing imported" || len(s.problems) != 1 || s.problems[0].Outcome != app.ImportRefused || !strings.Contains(s.problems[0].Message, export.DossierCSVRefusal) {
		t.Errorf("the dossier CSV was not refused with the reason: %+v", s.problems)
	}
	u.win.Canvas().Overlays().Top().Hide()

	// Dropped with an article: the article is filed and the export imported.
	dir := t.TempDir()
	article := filepath.Join(dir, "note.txt")
	os.WriteFile(article, []byte("A tram line reopens\n\nThe invented city reopened its night tram on Monday."), 0o644)
	u3, st3 := newTestUI(t)
	u3.importPaths([]string{ftm, article})
	s = u3.importer().summary
	if !strings.HasPrefix(s.headline.Text, "1 article filed") || !strings.Contains(s.note.Text, "ftm: "+ftm+" — added ") {
		t.Errorf("dropped together: headline %q, note %q", s.headline.Text, s.note.Text)
	}
	if n := artCount(t, st3, app.ArticleQuery{}); n != 2 { // the FtM's article and the text file
		t.Errorf("%d articles in the project, want 2", n)
	}
}
