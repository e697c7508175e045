package db

import (
	"context"
	"strings"
	"testing"

	"dossier/app"
)

// twinProject holds two actors, two articles and relation #1 "Trump threatens Iraq" on
// 27 Jan 2026, backed by the first article.
type twinProject struct {
	s            *Store
	trump, iraq  app.Actor
	first, other app.Article
	threat       app.Relation
}

func newTwinProject(t *testing.T) twinProject {
	t.Helper()
	ctx := context.Background()
	p := twinProject{s: openTest(t)}
	p.trump = mustActor(t, p.s, "Donald Trump", app.Person, "Trump")
	p.iraq = mustActor(t, p.s, "Iraq", app.State)
	var err error
	if p.first, err = p.s.CreateArticle(ctx, article("Warning to Baghdad", "", "On Jan. 27 Trump said he would stop helping Iraq.")); err != nil {
		t.Fatal(err)
	}
	if p.other, err = p.s.CreateArticle(ctx, article("Second report", "", "Trump repeated that he would stop helping Iraq.")); err != nil {
		t.Fatal(err)
	}
	p.threat, err = p.s.CreateRelation(ctx, app.Relation{SourceID: p.trump.ID, Type: "threatens", TargetID: p.iraq.ID,
		Start: "2026-01-27", Evidence: []app.Evidence{{ArticleID: p.first.ID, Quote: "he would stop helping Iraq"}}})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func (p twinProject) count(t *testing.T) int {
	t.Helper()
	n, err := p.s.CountRelations(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestFileRelationAddsEvidenceToTwin(t *testing.T) {
	ctx := context.Background()
	p := newTwinProject(t)
	again := app.Relation{SourceID: p.trump.ID, Type: "threatens", TargetID: p.iraq.ID, Start: "2026-01",
		Note: "Repeated two days later.", Evidence: []app.Evidence{{ArticleID: p.other.ID, Quote: "he would stop helping Iraq"}}}
	f, err := p.s.FileRelation(ctx, again, false)
	if err != nil {
		t.Fatal(err)
	}
	if !f.Existing || f.Added != 1 || f.Known != 0 || f.Relation.ID != p.threat.ID || !f.NoteAdded {
		t.Fatalf("filed %+v", f)
	}
	if n := p.count(t); n != 1 {
		t.Fatalf("%d relations, want the one", n)
	}
	got, _ := p.s.Relation(ctx, p.threat.ID)
	if len(got.Evidence) != 2 || got.Start != "2026-01-27" || !strings.Contains(got.Note, "Repeated two days later.") {
		t.Fatalf("twin now %+v", got)
	}
	// The same article and quote again: already recorded, nothing added, note not doubled.
	f, err = p.s.FileRelation(ctx, again, false)
	if err != nil {
		t.Fatal(err)
	}
	if !f.Existing || f.Added != 0 || f.Known != 1 || f.NoteAdded {
		t.Fatalf("second time %+v", f)
	}
	if got, _ := p.s.Relation(ctx, p.threat.ID); len(got.Evidence) != 2 || strings.Count(got.Note, "Repeated") != 1 {
		t.Fatalf("after the retry %+v", got)
	}
	// --new files a separate relation all the same.
	f, err = p.s.FileRelation(ctx, again, true)
	if err != nil || f.Existing || f.Relation.ID == p.threat.ID || p.count(t) != 2 {
		t.Fatalf("forced: %+v %v, %d relations", f, err, p.count(t))
	}
}

func TestFileRelationTwinRule(t *testing.T) {
	ctx := context.Background()
	// Every way a relation can differ from relation #1, and whether it is still #1's twin.
	for _, tc := range []struct {
		name   string
		change func(p twinProject, r *app.Relation)
		twin   bool
	}{
		{"same day", func(p twinProject, r *app.Relation) {}, true},
		{"its month", func(p twinProject, r *app.Relation) { r.Start = "2026-01" }, true},
		{"a range around it", func(p twinProject, r *app.Relation) { r.Start, r.End = "2026-01-20", "2026-02" }, true},
		{"the next day", func(p twinProject, r *app.Relation) { r.Start = "2026-01-28" }, false},
		{"undated", func(p twinProject, r *app.Relation) { r.Start = "" }, false},
		{"the other way round", func(p twinProject, r *app.Relation) { r.SourceID, r.TargetID = p.iraq.ID, p.trump.ID }, false},
		{"denied", func(p twinProject, r *app.Relation) { r.Modality = app.Denied }, false},
		{"said by Iraq", func(p twinProject, r *app.Relation) { r.SpeakerID = p.iraq.ID }, false},
		{"another type", func(p twinProject, r *app.Relation) { r.Type = "criticises" }, false},
		{"typed by its wording", func(p twinProject, r *app.Relation) { r.Type = "threatens" }, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := newTwinProject(t)
			r := app.Relation{SourceID: p.trump.ID, Type: "threatens", TargetID: p.iraq.ID, Start: "2026-01-27",
				Evidence: []app.Evidence{{ArticleID: p.other.ID}}}
			tc.change(p, &r)
			twin, found, err := p.s.TwinRelation(ctx, r)
			if err != nil || found != tc.twin || (found && twin.ID != p.threat.ID) {
				t.Fatalf("TwinRelation = #%d %v %v, want twin %v", twin.ID, found, err, tc.twin)
			}
			f, err := p.s.FileRelation(ctx, r, false)
			if err != nil || f.Existing != tc.twin {
				t.Fatalf("FileRelation = %+v %v", f, err)
			}
			if want := map[bool]int{true: 1, false: 2}[tc.twin]; p.count(t) != want {
				t.Fatalf("%d relations, want %d", p.count(t), want)
			}
		})
	}
}

func TestFileRelationUndirectedEitherWay(t *testing.T) {
	ctx := context.Background()
	p := newTwinProject(t)
	var undirected app.RelationType
	types, _ := p.s.RelationTypes(ctx)
	for _, ty := range types {
		if !ty.Directed {
			undirected = ty
			break
		}
	}
	if undirected.Key == "" {
		t.Fatal("the vocabulary has no undirected type")
	}
	met, err := p.s.CreateRelation(ctx, app.Relation{SourceID: p.trump.ID, Type: undirected.Key, TargetID: p.iraq.ID, Start: "2026-01"})
	if err != nil {
		t.Fatal(err)
	}
	f, err := p.s.FileRelation(ctx, app.Relation{SourceID: p.iraq.ID, Type: undirected.Key, TargetID: p.trump.ID, Start: "2026-01-05",
		Evidence: []app.Evidence{{ArticleID: p.other.ID}}}, false)
	if err != nil || !f.Existing || f.Relation.ID != met.ID || f.Added != 1 {
		t.Fatalf("the reversed %s was not matched: %+v %v", undirected.Key, f, err)
	}
}

func TestAddEvidenceRefusesTheSameSourceTwice(t *testing.T) {
	ctx := context.Background()
	p := newTwinProject(t)
	// The same passage with other line breaks is the same source.
	_, err := p.s.AddEvidence(ctx, p.threat.ID, app.Evidence{ArticleID: p.first.ID, Quote: "he would  stop\nhelping Iraq"})
	wantCode(t, err, app.EDUPLICATE)
	if !strings.Contains(app.ErrorMessage(err), "Already recorded") {
		t.Errorf("message %q", app.ErrorMessage(err))
	}
	if got, _ := p.s.Relation(ctx, p.threat.ID); len(got.Evidence) != 1 {
		t.Fatalf("%d sources", len(got.Evidence))
	}
	// Another passage of the same article is a new source.
	if _, err := p.s.AddEvidence(ctx, p.threat.ID, app.Evidence{ArticleID: p.first.ID, Quote: "On Jan. 27"}); err != nil {
		t.Fatal(err)
	}
	// An edit that sends a recorded source twice is refused whole.
	r, _ := p.s.Relation(ctx, p.threat.ID)
	r.Evidence = append(r.Evidence, app.Evidence{ArticleID: p.first.ID, Quote: "On Jan. 27"})
	_, err = p.s.UpdateRelation(ctx, r)
	wantCode(t, err, app.EDUPLICATE)
	if got, _ := p.s.Relation(ctx, p.threat.ID); len(got.Evidence) != 2 {
		t.Fatalf("after the refused edit: %d sources", len(got.Evidence))
	}
}

func TestCreateNewActorRefusesATwin(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	maliki := mustActor(t, s, "Nouri al-Maliki", app.Person, "Maliki")
	for _, tc := range []struct {
		name string
		a    app.Actor
	}{
		{"same name", app.Actor{Name: "Nouri al-Maliki", Kind: app.Person}},
		{"name folded", app.Actor{Name: "NOURI AL-MÁLIKI", Kind: app.Person}},
		{"its alias as a name", app.Actor{Name: "maliki", Kind: app.Organisation}},
		{"its name as an alias", app.Actor{Name: "N. al-Maliki", Kind: app.Person, Aliases: []string{"Nouri al-Maliki"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := s.CreateNewActor(ctx, tc.a)
			wantCode(t, err, app.ECONFLICT)
			var e *app.Error
			if !asAppError(err, &e) || e.Ref != maliki.ID || !strings.Contains(e.Message, "Nouri al-Maliki (#1, person)") {
				t.Fatalf("error %v does not name the actor", err)
			}
			if n, _ := s.CountActors(ctx, app.ActorQuery{}); n != 1 {
				t.Fatalf("%d actors", n)
			}
		})
	}
	// A new name is added; CreateActor (the --force path) adds a twin on purpose.
	abadi, err := s.CreateNewActor(ctx, app.Actor{Name: "Haider al-Abadi", Kind: app.Person})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateActor(ctx, app.Actor{Name: "Maliki", Kind: app.Person}); err != nil {
		t.Fatal(err)
	}
	clashes, err := s.ActorNameClashes(ctx, []string{"maliki", "Maliki", "Someone"}, 0)
	if err != nil || len(clashes) != 2 {
		t.Fatalf("clashes %+v %v, want the two actors named Maliki once", clashes, err)
	}
	// An actor does not clash with itself (editing keeps its names).
	if clashes, _ := s.ActorNameClashes(ctx, []string{"Haider al-Abadi"}, abadi.ID); len(clashes) != 0 {
		t.Fatalf("clashes with itself: %+v", clashes)
	}
}

func TestFindArticleByPartOfTitle(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	var ids []int64
	for _, title := range []string{"Maliki rebuffs Trump warning", "Trump warns Iraq", "Élections à Bagdad", "Trump warns Iraq again"} {
		a, err := s.CreateArticle(ctx, article(title, "", "Body of "+title+"."))
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, a.ID)
	}
	for _, tc := range []struct {
		ref  string
		want int64 // 0: an error
		code string
		says []string
	}{
		{"Maliki rebuffs Trump warning", ids[0], "", nil},
		{"#2", ids[1], "", nil},
		{"rebuffs", ids[0], "", nil},
		{"MALIKI REBUFFS", ids[0], "", nil},
		{"elections a bagdad", ids[2], "", nil},
		{"Trump warns Iraq", ids[1], "", nil}, // the exact title wins over the longer one
		{"trump warns iraq", ids[1], "", nil}, // folded, too
		{"warns", 0, app.EAMBIGUOUS, []string{"#2 Trump warns Iraq", "#4 Trump warns Iraq again", "Give more of the title"}},
		{"Trump", 0, app.EAMBIGUOUS, []string{"3 articles", "#1 Maliki rebuffs Trump warning"}},
		{"nowhere", 0, app.ENOTFOUND, []string{"“nowhere”"}},
	} {
		a, err := s.FindArticle(ctx, tc.ref)
		if tc.want != 0 {
			if err != nil || a.ID != tc.want {
				t.Errorf("FindArticle(%q) = #%d %v, want #%d", tc.ref, a.ID, err, tc.want)
			}
			continue
		}
		if app.ErrorCode(err) != tc.code {
			t.Errorf("FindArticle(%q) error %v, want %s", tc.ref, err, tc.code)
			continue
		}
		for _, w := range tc.says {
			if !strings.Contains(app.ErrorMessage(err), w) {
				t.Errorf("FindArticle(%q): %q does not say %q", tc.ref, app.ErrorMessage(err), w)
			}
		}
	}
}

func TestDossierTimelineKeepsEventAndReportApart(t *testing.T) {
	ctx := context.Background()
	p := newTwinProject(t) // relation #1 happened on 27 Jan, reported in an article of 28 Jan
	if _, err := p.s.CreateRelation(ctx, app.Relation{SourceID: p.trump.ID, Type: "criticises", TargetID: p.iraq.ID,
		Evidence: []app.Evidence{{ArticleID: p.other.ID}}}); err != nil {
		t.Fatal(err)
	}
	d, err := p.s.Dossier(ctx, p.trump.ID, 10)
	if err != nil {
		t.Fatal(err)
	}
	var rels []app.TimelineEntry
	for _, e := range d.Timeline {
		if e.Kind == "relation" {
			rels = append(rels, e)
		}
	}
	// The undated relation is not put at its article's date; the dated one is at the event's.
	if len(rels) != 1 || rels[0].Date != "2026-01-27" || rels[0].Text != "Donald Trump threatens Iraq (reported 28 Jan 2026)" {
		t.Fatalf("timeline relations %+v", rels)
	}
}
