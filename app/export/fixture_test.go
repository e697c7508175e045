package export_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"dossier/app"
	"dossier/app/export"
	"dossier/app/sample"
	"dossier/db"
)

// exportProject is a real project file with the sample and a few records of our own
// that stress the formats: names in Turkish, Cyrillic and Arabic, a month and a year
// date, an undirected type, a denied and alleged relation with a speaker, quotes with
// markup characters, a control character and a line break, a note on a relation, an
// armed group, and an article with no URL. Maliki's dossier gets an Arabic, a Turkish and
// a Cyrillic name.
type exportProject struct {
	path   string
	store  *db.Store
	maliki app.Actor
}

func newExportProject(t testing.TB) *exportProject {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "export.dossier")
	s, err := db.Create(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := sample.Load(ctx, s); err != nil {
		t.Fatal(err)
	}
	p := &exportProject{path: path, store: s}
	p.maliki, err = s.FindActor(ctx, "Nouri al-Maliki")
	if err != nil {
		t.Fatal(err)
	}
	mk := func(a app.Actor) app.Actor {
		a, err := s.CreateActor(ctx, a)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	yildirim := mk(app.Actor{Name: "Işıl Yıldırım", Kind: app.Person, Description: "invented envoy <\"quoted\"> & co", Aliases: []string{"Yıldırım"}})
	petrov := mk(app.Actor{Name: "Пётр Волков", Kind: app.Person, Aliases: []string{"Volkov"}, Tags: []string{"invented"}})
	hashd := mk(app.Actor{Name: "كتائب النخيل", Kind: app.ArmedGroup, Description: "an invented militia", Aliases: []string{"Palm Brigades"}})
	bureau := mk(app.Actor{Name: "Bureau of Invented Affairs", Kind: app.GovernmentBody})
	art, err := s.CreateArticle(ctx, app.Article{Title: "Envoys meet | in [Basra]", Source: "The Invented Courier",
		Date: "2026-01", Body: "Işıl Yıldırım met Пётр Волков in Basra. The Palm Brigades denied any role, a spokesman said \"never\".\nLater Yıldırım joined the Bureau of Invented Affairs.",
		Tags: []string{"invented"}})
	if err != nil {
		t.Fatal(err)
	}
	rel := func(r app.Relation) app.Relation {
		r.Evidence = []app.Evidence{{ArticleID: art.ID, Quote: r.Note}}
		r.Note = ""
		r, err := s.CreateRelation(ctx, r)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	met := rel(app.Relation{SourceID: yildirim.ID, Type: "meets_with", TargetID: petrov.ID, Start: "2026-01", Note: "Işıl Yıldırım met Пётр Волков in Basra."})
	rel(app.Relation{SourceID: hashd.ID, Type: "supports", TargetID: p.maliki.ID, Start: "2026", Confidence: app.Alleged,
		Modality: app.Denied, SpeakerID: petrov.ID, Note: "The Palm Brigades denied any role, a spokesman said \"never\".\nLater"})
	rel(app.Relation{SourceID: yildirim.ID, Type: "employed_by", TargetID: bureau.ID, Start: "2025-12-30", End: "2026-01-02", Confidence: app.Confirmed,
		Note: "Later Yıldırım joined the Bureau of Invented Affairs."})
	rel(app.Relation{SourceID: yildirim.ID, Type: "criticises", TargetID: p.maliki.ID, Start: "2026-01-29",
		Note: "Işıl Yıldırım met Пётр Волков in Basra."})
	if _, err := s.CreateNote(ctx, app.Note{Body: "Check this meeting \x01 again: <b>soon</b>.", RelationID: met.ID}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateNote(ctx, app.Note{Body: "A note on the article.", ArticleID: art.ID}); err != nil {
		t.Fatal(err)
	}
	return p
}

// export runs one writer over the project and returns what it wrote.
func (p *exportProject) export(t testing.TB, write func(context.Context, *bytes.Buffer, export.Job) error, actorID int64) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := write(context.Background(), &b, export.Job{Src: p.store, Scope: app.ExportScope{ActorID: actorID}}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// counts returns how many actors, relations, articles and notes an export covers, as
// the store counts them: what every format is checked against.
func (p *exportProject) counts(t testing.TB, actorID int64) (actors, relations, articles, notes int) {
	t.Helper()
	ctx, sc := context.Background(), app.ExportScope{ActorID: actorID}
	p.store.EachExportActor(ctx, sc, func(app.Actor) error { actors++; return nil })
	p.store.EachRelation(ctx, app.RelationQuery{ActorID: actorID}, func(app.Relation) error { relations++; return nil })
	p.store.EachExportArticle(ctx, sc, func(app.Article) error { articles++; return nil })
	p.store.EachExportNote(ctx, sc, func(app.LinkedNote) error { notes++; return nil })
	if actors == 0 || relations == 0 || articles == 0 {
		t.Fatalf("fixture too small: %d actors, %d relations, %d articles", actors, relations, articles)
	}
	return
}

// pythonWith finds a Python that can import every module, or fails saying what to
// install: the check is part of the test, never skipped.
func pythonWith(t testing.TB, modules ...string) string {
	t.Helper()
	imp := "import " + strings.Join(modules, ", ")
	for _, py := range []string{"python3", "/usr/bin/python3"} {
		if exec.Command(py, "-c", imp).Run() == nil {
			return py
		}
	}
	t.Fatalf("no python3 here can %q: install Debian's python3-networkx and python3-jsonschema (make test-deps does)", imp)
	return ""
}

// run runs a checker program with input on stdin and returns its output, failing the
// test with the program's complaint.
func run(t testing.TB, input []byte, name string, args ...string) []byte {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Stdin = bytes.NewReader(input)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s\n%s", name, strings.Join(args, " "), err, errb.String(), out.String())
	}
	return out.Bytes()
}

// testdata returns the path of a file in this package's testdata.
func testdata(name string) string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "testdata", name)
}

func writeTemp(t testing.TB, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}
