package db

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"unicode"

	"dossier/app"
)

// relationFixture: two articles, three actors, a relation quoted from both articles.
type relationFixture struct {
	s                *Store
	trump, iraq, sad app.Actor
	warning, memo    app.Article
	rel              app.Relation
}

func newRelationFixture(t *testing.T) *relationFixture {
	t.Helper()
	ctx := context.Background()
	f := &relationFixture{s: openTest(t)}
	f.trump = mustActor(t, f.s, "Donald Trump", app.Person, "Trump")
	f.iraq = mustActor(t, f.s, "Iraq", app.State)
	f.sad = mustActor(t, f.s, "Selçuk Işıkoğlu", app.Person)
	var err error
	if f.warning, err = f.s.CreateArticle(ctx, app.Article{Title: "A warning from Washington", Source: "Gulf Wire", Date: "2026-01-27",
		Tags: []string{"us"}, Body: "The president said Washington would withdraw support from Baghdad if the vote went ahead."}); err != nil {
		t.Fatal(err)
	}
	if f.memo, err = f.s.CreateArticle(ctx, app.Article{Title: "Memo leaked", Source: "Tigris Daily", Date: "2026-02-02",
		Body: "A memo spoke of cutting help to the government in Baghdad."}); err != nil {
		t.Fatal(err)
	}
	if f.rel, err = f.s.CreateRelation(ctx, app.Relation{SourceID: f.trump.ID, Type: "threatens", TargetID: f.iraq.ID, Start: "2026-01-27",
		Confidence: "reported", Modality: "threatened", Note: "A **public** warning; see [the post](https://example.org/post).",
		Evidence: []app.Evidence{{ArticleID: f.warning.ID, Quote: "would withdraw support from Baghdad"}}}); err != nil {
		t.Fatal(err)
	}
	return f
}

func (f *relationFixture) find(t *testing.T, text string) app.SearchResults {
	t.Helper()
	r, err := f.s.Search(context.Background(), app.SearchQuery{Text: text})
	if err != nil {
		t.Fatalf("%s: %v", text, err)
	}
	return r
}

// relationIDs are the ids of the relation hits of a search.
func (f *relationFixture) relationIDs(t *testing.T, text string) []int64 {
	t.Helper()
	var ids []int64
	for _, h := range f.find(t, text).Relations {
		ids = append(ids, h.ID)
	}
	return ids
}

func TestSearchFindsRelations(t *testing.T) {
	f := newRelationFixture(t)
	for _, q := range []string{
		"threatens",                      // the type's label
		`"Donald Trump threatens Iraq"`,  // the whole wording
		`"withdraw support" AND Iraq`,    // a phrase of the quote, a word of the wording
		`"withdraw support" AND threat*`, // the quote and the label
		"public warning",                 // the note
		"Trump NOT memo",
	} {
		r := f.find(t, q)
		if len(r.Relations) != 1 || r.Relations[0].ID != f.rel.ID {
			t.Errorf("%s: relations %+v, want #%d", q, r.Relations, f.rel.ID)
			continue
		}
		h := r.Relations[0]
		if h.Kind != app.HitRelation || h.Title != "Donald Trump threatens Iraq" || h.Date != "2026-01-27" ||
			h.ActorID != f.trump.ID || h.ArticleID != f.warning.ID {
			t.Errorf("%s: hit %+v", q, h)
		}
		if _, spans := app.SnippetText(h.Snippet); len(spans) == 0 {
			t.Errorf("%s: snippet %q marks no match", q, h.Snippet)
		}
	}
	if r := f.find(t, `"withdraw support" AND Iraq`); len(r.Articles) != 0 {
		// The article says Baghdad, not Iraq: only the relation holds both.
		t.Errorf("the article should not match: %+v", r.Articles)
	}
	// The snippet of a match in the quote shows the quote.
	if text, _ := app.SnippetText(f.find(t, `"withdraw support"`).Relations[0].Snippet); text != "would withdraw support from Baghdad" {
		t.Errorf("quote snippet %q", text)
	}
	// The snippet of the note is text, not Markdown.
	if text, _ := app.SnippetText(f.find(t, "public").Relations[0].Snippet); text != "A public warning; see the post." {
		t.Errorf("note snippet %q", text)
	}
	for _, q := range []string{"Gulf", "president", "memo"} {
		if ids := f.relationIDs(t, q); len(ids) != 0 {
			t.Errorf("%s found relations %v: not in their wording, quotes or note", q, ids)
		}
	}
	// Filters narrow relations to those quoted from a matching article.
	ctx := context.Background()
	for _, tt := range []struct {
		q    app.SearchQuery
		want int
	}{
		{app.SearchQuery{Text: "threatens", Source: "Gulf Wire"}, 1},
		{app.SearchQuery{Text: "threatens", Source: "Tigris Daily"}, 0},
		{app.SearchQuery{Text: "threatens", From: "2026-02"}, 0},
		{app.SearchQuery{Text: "threatens", Tag: "US"}, 1},
		{app.SearchQuery{Text: "threatens", ActorID: f.sad.ID}, 0},
	} {
		r, err := f.s.Search(ctx, tt.q)
		if err != nil || len(r.Relations) != tt.want {
			t.Errorf("%+v: %d relations (%v), want %d", tt.q, len(r.Relations), err, tt.want)
		}
	}
}

func TestSearchRelationIndexInSync(t *testing.T) {
	f := newRelationFixture(t)
	ctx := context.Background()
	want := func(q string, n int) {
		t.Helper()
		if ids := f.relationIDs(t, q); len(ids) != n {
			t.Errorf("%s: relations %v, want %d", q, ids, n)
		}
	}
	// More evidence, from the memo.
	rel, err := f.s.Relation(ctx, f.rel.ID)
	if err != nil {
		t.Fatal(err)
	}
	rel.Evidence = append(rel.Evidence, app.Evidence{ArticleID: f.memo.ID, Quote: "cutting help to the government"})
	if rel, err = f.s.UpdateRelation(ctx, rel); err != nil {
		t.Fatal(err)
	}
	want(`"cutting help"`, 1)
	// The memo in the trash takes its quote out of the search; restored, it is back.
	if err := f.s.DeleteArticle(ctx, f.memo.ID); err != nil {
		t.Fatal(err)
	}
	want(`"cutting help"`, 0)
	if err := f.s.RestoreArticle(ctx, f.memo.ID); err != nil {
		t.Fatal(err)
	}
	want(`"cutting help"`, 1)
	// Evidence removed.
	rel, _ = f.s.Relation(ctx, f.rel.ID)
	rel.Evidence = rel.Evidence[:1]
	if rel, err = f.s.UpdateRelation(ctx, rel); err != nil {
		t.Fatal(err)
	}
	want(`"cutting help"`, 0)
	want(`"withdraw support"`, 1)
	// The relation's own fields: type, target, note.
	rel.Type, rel.TargetID, rel.Note = "warns", f.sad.ID, "Said at a rally."
	if rel, err = f.s.UpdateRelation(ctx, rel); err != nil {
		t.Fatal(err)
	}
	want("threatens", 0)
	want(`"Trump warns Selcuk"`, 1)
	want("rally", 1)
	want("public", 0)
	// An actor renamed, a type relabelled (by a script: the app has no such command).
	a := f.trump
	a.Name = "Donald J. Trump"
	if _, err := f.s.UpdateActor(ctx, a); err != nil {
		t.Fatal(err)
	}
	want(`"Donald J Trump warns"`, 1)
	if _, err := f.s.db.Exec(`UPDATE relation_types SET label = 'cautions' WHERE key = 'warns'`); err != nil {
		t.Fatal(err)
	}
	want("cautions", 1)
	want("warns", 0)
	// Deleted with its evidence; an article deleted for good takes its quotes.
	if err := f.s.DeleteRelation(ctx, rel.ID); err != nil {
		t.Fatal(err)
	}
	want("Trump", 0)
	// After all that, the index is exactly what the tables say.
	var stale int
	if err := f.s.db.QueryRow(`SELECT count(*) FROM relations r FULL JOIN relations_fts f ON f.rowid = r.id WHERE r.id IS NULL OR f.rowid IS NULL`).Scan(&stale); err != nil || stale != 0 {
		t.Errorf("%d relation rows out of step (%v)", stale, err)
	}
}

// TestSearchFoldsLikeMentions holds the search to the rule of mention linking: a word is
// found by its app.Fold form (Isik finds Işık, Soren finds Søren) and by itself, in every
// kind of text the search reads, for every Latin letter. The full-text tokenizer folds
// most of them; the rest are folded by the index's triggers and ftsFold.
func TestSearchFoldsLikeMentions(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	// Letters with two marks that the tokenizer keeps whole and app.Fold strips: rare
	// enough (Old English, Skolt Sami) not to cost every article 10 more replacements.
	skip := "ǠǡǢǣǮǯǼǽǾǿ"
	var words []string
	for r := rune(0x80); r <= 0x24f; r++ {
		if !unicode.Is(unicode.Latin, r) || !unicode.IsLetter(r) || strings.ContainsRune(skip, r) {
			continue
		}
		folded := app.Fold(string(r))
		if !indexable(folded) || folded == strings.ToLower(string(r)) {
			continue
		}
		words = append(words, "ka"+string(r)+"zu")
	}
	for r := rune(0x1e00); r <= 0x1eff; r++ {
		if unicode.IsLetter(r) {
			words = append(words, "ka"+string(r)+"zu")
		}
	}
	var body strings.Builder
	for _, w := range words {
		body.WriteString(w + " ")
	}
	art, err := s.CreateArticle(ctx, app.Article{Title: "Letters", Body: body.String()})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range words {
		for _, q := range []string{w, app.Fold(w), strings.ToUpper(app.Fold(w))} {
			// The query as Search makes it, run alone: Search would make a snippet of
			// the whole long body for each.
			var id int64
			err := s.db.QueryRow(`SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?`, parseQuery(`"`+q+`"`).expr).Scan(&id)
			if err != nil || id != art.ID {
				t.Errorf("%q (written %q) not found: %v", q, w, err)
			}
		}
	}
	if t.Failed() {
		return
	}
	// Every kind of text: an article's title and notes, an actor's name, alias,
	// description and notes, a note, a relation's wording, quote and note.
	isik := mustActor(t, s, "Ayşe Işık", app.Person, "Łukasz Đorđević")
	isik.Description, isik.Notes = "Mayor of Kırıkkale.", "Met in Tromsø."
	if _, err := s.UpdateActor(ctx, isik); err != nil {
		t.Fatal(err)
	}
	other := mustActor(t, s, "Nørre Council", app.GovernmentBody)
	a2, err := s.CreateArticle(ctx, app.Article{Title: "Işık in Ødense", Body: "Plain text about Kırıkkale and Nørre.", Notes: "Called Bjørn."})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateNote(ctx, app.Note{Body: "Ask Małgorzata.", ActorID: isik.ID}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateRelation(ctx, app.Relation{SourceID: isik.ID, Type: "criticises", TargetID: other.ID, Note: "Via Şırnak.",
		Evidence: []app.Evidence{{ArticleID: a2.ID, Quote: "Plain text about Kırıkkale"}}}); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		q                                 string
		articles, actors, relations, note int
	}{
		{"Isik", 1, 1, 1, 0},
		{"odense", 1, 0, 0, 0},
		{"bjorn", 1, 0, 0, 0},
		{"Lukasz Dordevic", 0, 1, 0, 0},
		{"kirikkale", 1, 1, 1, 0},
		{"tromso", 0, 1, 0, 0},
		{"malgorzata", 0, 0, 0, 1},
		{`"Isik criticises Norre"`, 0, 0, 1, 0},
		{"sirnak", 0, 0, 1, 0},
		{"IŞIK", 1, 1, 1, 0},
	} {
		r, err := s.Search(ctx, app.SearchQuery{Text: tt.q})
		if err != nil {
			t.Fatal(err)
		}
		if got := []int{len(r.Articles), len(r.Actors), len(r.Relations), len(r.Notes)}; fmt.Sprint(got) != fmt.Sprint([]int{tt.articles, tt.actors, tt.relations, tt.note}) {
			t.Errorf("%s: articles, actors, relations, notes = %v, want %v", tt.q, got, []int{tt.articles, tt.actors, tt.relations, tt.note})
		}
	}
	// The articles list's filter box folds the same way.
	if n, err := s.CountArticles(ctx, app.ArticleQuery{Text: "isik"}); err != nil || n != 1 {
		t.Errorf("list filter isik: %d (%v)", n, err)
	}
	// The snippets show the text as written, the match marked.
	r, _ := s.Search(ctx, app.SearchQuery{Text: "Isik"})
	if got := app.MarkSnippet(r.Actors[0].Snippet, "«", "»"); got != "Ayşe «Işık»" {
		t.Errorf("actor snippet %q", got)
	}
}

func TestSearchSnippetsShowMarkdownAsText(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	a := mustActor(t, s, "Harbour Council", app.GovernmentBody)
	a.Notes = "## Budget\n\n> The **dredging** plan, _again_: see [the minutes](https://example.org/m).\n"
	if _, err := s.UpdateActor(ctx, a); err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateArticle(ctx, app.Article{Title: "Port", Body: "Unrelated.", Notes: "* **dredging** `cost` ~~high~~"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateNote(ctx, app.Note{Body: "# Dredging\n1. ask the ![chart](x.png) [owner][1]\n\n[1]: https://example.org/o", ActorID: a.ID}); err != nil {
		t.Fatal(err)
	}
	r, err := s.Search(ctx, app.SearchQuery{Text: "dredging"})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, h := range append(append(r.Articles, r.Actors...), r.Notes...) {
		got[h.Kind], _ = app.SnippetText(h.Snippet)
	}
	want := map[string]string{
		app.HitActor:   "Budget The dredging plan, again: see the minutes.",
		app.HitArticle: "dredging cost high",
		app.HitNote:    "Dredging ask the chart owner",
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s snippet %q, want %q", k, got[k], w)
		}
	}
}

// TestSearchRelationsTooManyToRank: past relationRankMax matches, the relations are the
// newest, newest first, and the results say so.
func TestSearchRelationsTooManyToRank(t *testing.T) {
	f := newRelationFixture(t)
	ctx := context.Background()
	var ids []int64
	for _, typ := range []string{"warns", "criticises"} {
		r, err := f.s.CreateRelation(ctx, app.Relation{SourceID: f.trump.ID, Type: typ, TargetID: f.iraq.ID,
			Evidence: []app.Evidence{{ArticleID: f.memo.ID, Quote: "cutting help to the government"}}})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, r.ID)
	}
	r := f.find(t, "Trump")
	if len(r.Relations) != 3 || r.RelationsRecent {
		t.Fatalf("3 relations ranked: %d, recent %v", len(r.Relations), r.RelationsRecent)
	}
	defer func(n int) { relationRankMax = n }(relationRankMax)
	relationRankMax = 3
	r = f.find(t, "Trump")
	var got []int64 // in order: hitIDs sorts
	for _, h := range r.Relations {
		got = append(got, h.ID)
	}
	if !r.RelationsRecent || fmt.Sprint(got) != fmt.Sprint([]int64{ids[1], ids[0], f.rel.ID}) {
		t.Errorf("too many to rank: %v, recent %v; want the newest first", got, r.RelationsRecent)
	}
	if r := f.find(t, "criticises"); len(r.Relations) != 1 || r.RelationsRecent {
		t.Errorf("one match is ranked: %+v", r.Relations)
	}
}
