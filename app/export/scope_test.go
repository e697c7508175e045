package export_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"dossier/app"
	"dossier/app/export"
	"dossier/app/graph"
)

// TestFilteredScopeExports: Maliki's dossier exported as its filters show it ("what I
// see": conflictual relations only) holds only the kept relations, their actors and
// articles, in every format, and each format that has a place for it says which scope
// it holds; the unfiltered dossier's files say they hold everything in it.
func TestFilteredScopeExports(t *testing.T) {
	ctx := context.Background()
	p := newExportProject(t)
	f := graph.Filter{Polarities: []app.Polarity{app.Conflictual}}
	d, _, err := p.store.FilteredDossier(ctx, p.maliki.ID, f, 0)
	if err != nil {
		t.Fatal(err)
	}
	sc := export.FilteredScope(d, f.Describe())
	_, all, _, _ := p.counts(t, p.maliki.ID)
	if len(sc.Relations) == 0 || len(sc.Relations) >= all {
		t.Fatalf("the filter keeps %d of %d relations: not a test of a narrowed scope", len(sc.Relations), all)
	}
	kept := map[int64]bool{}
	actors := map[int64]bool{p.maliki.ID: true}
	for _, r := range d.Relations {
		kept[r.ID] = true
		actors[r.CounterpartID] = true
	}
	says := "Scope: the dossier of Nouri al-Maliki, only what its filters keep (conflictual)."
	if sc.Describe() != says {
		t.Fatalf("scope line %q", sc.Describe())
	}
	j := export.Job{Src: p.store, Scope: sc}
	write := func(fn func(context.Context, *bytes.Buffer, export.Job) error, j export.Job) []byte {
		var b bytes.Buffer
		if err := fn(ctx, &b, j); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}

	for _, kind := range []string{"gexf", "graphml"} {
		fn := func(ctx context.Context, b *bytes.Buffer, j export.Job) error { return export.WriteGEXF(ctx, b, j) }
		if kind == "graphml" {
			fn = func(ctx context.Context, b *bytes.Buffer, j export.Job) error { return export.WriteGraphML(ctx, b, j) }
		}
		data := write(fn, j)
		g := readWithNetworkx(t, kind, data)
		if g.Edges != len(kept) || g.Nodes != len(actors) {
			t.Errorf("%s: %d nodes and %d edges, want %d and %d", kind, g.Nodes, g.Edges, len(actors), len(kept))
		}
		if !bytes.Contains(data, []byte(says)) {
			t.Errorf("%s does not say its scope", kind)
		}
		whole := write(fn, export.Job{Src: p.store, Scope: app.ExportScope{ActorID: p.maliki.ID, ActorName: "Nouri al-Maliki"}})
		if !bytes.Contains(whole, []byte("Scope: the dossier of Nouri al-Maliki, everything in it.")) {
			t.Errorf("%s of the whole dossier does not say so", kind)
		}
	}

	var bundle struct {
		Objects []map[string]any `json:"objects"`
	}
	stix := write(func(ctx context.Context, b *bytes.Buffer, j export.Job) error {
		return export.WriteSTIX(ctx, b, j, nil)
	}, j)
	if err := json.Unmarshal(stix, &bundle); err != nil {
		t.Fatal(err)
	}
	rels, scoped := 0, 0
	for _, o := range bundle.Objects {
		if o["type"] == "relationship" {
			rels++
		}
		if o["x_dossier_scope"] == says && o["x_dossier_uuid"] == p.maliki.UUID {
			scoped++
		}
	}
	if rels != len(kept) || scoped != 1 {
		t.Errorf("STIX: %d relationships (want %d), scope said on %d objects (want Maliki's)", rels, len(kept), scoped)
	}

	ftm := write(func(ctx context.Context, b *bytes.Buffer, j export.Job) error { return export.WriteFtM(ctx, b, j) }, j)
	p.store.EachRelation(ctx, app.RelationQuery{ActorID: p.maliki.ID}, func(r app.Relation) error {
		if in := bytes.Contains(ftm, []byte(r.UUID)); in != kept[r.ID] {
			t.Errorf("FtM: relation %s written %v, kept %v", r.UUID, in, kept[r.ID])
		}
		return nil
	})

	dir := t.TempDir()
	if err := export.WriteVault(ctx, export.DirSink(dir), j); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, export.VaultScope)); !strings.Contains(string(b), says) {
		t.Errorf("the vault's %s says %q", export.VaultScope, b)
	}
	for folder, want := range map[string]int{export.VaultActors: len(actors), export.VaultArticles: len(sc.Articles)} {
		if files, _ := os.ReadDir(filepath.Join(dir, folder)); len(files) != want {
			t.Errorf("vault: %d files in %s, want %d", len(files), folder, want)
		}
	}
}

// TestFilteredScopeAsOf: with an "as of" date, evidence from articles filed later is
// left out of the export as it is of the dossier.
func TestFilteredScopeAsOf(t *testing.T) {
	ctx := context.Background()
	p := newExportProject(t)
	d, err := p.store.Dossier(ctx, p.maliki.ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	// The first article date at which some but not all evidence is reported.
	evidence := 0
	var dates []app.Date
	for _, r := range d.Relations {
		for _, e := range r.Evidence {
			evidence++
			dates = append(dates, e.ArticleDate)
		}
	}
	slices.Sort(dates)
	var f graph.Filter
	var fd app.Dossier
	want := 0
	for _, day := range dates {
		if day == "" {
			continue
		}
		f = graph.Filter{AsOf: day}
		if fd, _, err = p.store.FilteredDossier(ctx, p.maliki.ID, f, 0); err != nil {
			t.Fatal(err)
		}
		want = 0
		for _, r := range fd.Relations {
			want += len(r.Evidence)
		}
		if want > 0 && want < evidence {
			break
		}
	}
	if want == 0 || want >= evidence {
		t.Fatalf("no date keeps some but not all of %d pieces of evidence: not a test", evidence)
	}
	got := 0
	j := export.Job{Src: p.store, Scope: export.FilteredScope(fd, f.Describe())}
	var b bytes.Buffer
	if err := export.WriteFtM(ctx, &b, j); err != nil {
		t.Fatal(err)
	}
	for _, r := range d.Relations {
		for _, e := range r.Evidence {
			if bytes.Contains(b.Bytes(), []byte(e.UUID)) {
				got++
			}
		}
	}
	if got != want {
		t.Errorf("%d pieces of evidence in the export, %d in the dossier as of %s", got, want, f.AsOf)
	}
}
