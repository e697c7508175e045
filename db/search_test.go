package db

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"dossier/app"
	"dossier/db/dbtest"
)

// searchFixture is a small project written for these tests: four articles, two actors,
// notes on an article, an actor and nothing.
type searchFixture struct {
	s                                 *Store
	budget, ceasefire, visit, trashed app.Article
	ferrandez, council                app.Actor
	articleNote, actorNote, looseNote app.Note
}

func newSearchFixture(t *testing.T) *searchFixture {
	t.Helper()
	ctx := context.Background()
	f := &searchFixture{s: openTest(t)}
	f.ferrandez = mustActor(t, f.s, "Lucía Ferrández", app.Person, "La Jueza")
	f.council = mustActor(t, f.s, "Harbour Council", app.GovernmentBody)
	f.council.Description = "The elected body that runs the port district."
	if _, err := f.s.UpdateActor(ctx, f.council); err != nil {
		t.Fatal(err)
	}
	mk := func(a app.Article) app.Article {
		t.Helper()
		a, err := f.s.CreateArticle(ctx, a)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	f.budget = mk(app.Article{Title: "Budget talks stall again", Source: "Coast Gazette", Date: "2026-01-31",
		Tags: []string{"Economy", "port"},
		Body: "The Harbour Council failed to agree on the budget. Two members threatened to withdraw support from the mayor " +
			"unless the dredging plan is cut. Lucía Ferrández, who chairs the finance committee, said the talks would resume next week."})
	f.ceasefire = mk(app.Article{Title: "Ceasefire holds in the north", Source: "Mountain Post", Date: "2026-02-03",
		Tags: []string{"security"},
		Body: "A fragile ceasefire held for a third day. Observers said neither side wished to withdraw first, " +
			"and the support convoys reached the valley on Monday."})
	f.visit = mk(app.Article{Title: "Minister visits the harbour", Source: "coast gazette", Date: "2025-12",
		Body:  "The transport minister toured the docks and praised the council for its patience. Ferrandez was not present.",
		Notes: "Check the minister's schedule against the port authority's log."})
	f.trashed = mk(app.Article{Title: "Old budget rumour", Source: "Coast Gazette", Date: "2026-01-05",
		Body: "A rumour about the budget and the council circulated, later denied."})
	if err := f.s.DeleteArticle(ctx, f.trashed.ID); err != nil {
		t.Fatal(err)
	}
	note := func(n app.Note) app.Note {
		t.Helper()
		n, err := f.s.CreateNote(ctx, n)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	f.articleNote = note(app.Note{Body: "Ask the committee clerk whether the dredging vote was recorded.", ArticleID: f.budget.ID})
	f.actorNote = note(app.Note{Body: "Former judge; moved to local politics in 2019.", ActorID: f.ferrandez.ID})
	f.looseNote = note(app.Note{Body: "Idea: compare dredging costs with the neighbouring port."})
	// Ferrández is named in the budget article and, unaccented, in the visit: record both
	// mentions here rather than rely on the mention matcher.
	for _, id := range []int64{f.budget.ID, f.visit.ID} {
		if _, err := f.s.db.Exec(`INSERT OR IGNORE INTO mentions(article_id, actor_id, start, end, status) VALUES (?, ?, 0, 1, 'confirmed')`,
			id, f.ferrandez.ID); err != nil {
			t.Fatal(err)
		}
	}
	return f
}

func (f *searchFixture) search(t *testing.T, q app.SearchQuery) app.SearchResults {
	t.Helper()
	r, err := f.s.Search(context.Background(), q)
	if err != nil {
		t.Fatalf("Search(%+v): %v", q, err)
	}
	return r
}

func hitIDs(hits []app.SearchHit) []int64 {
	out := []int64{}
	for _, h := range hits {
		out = append(out, h.ID)
	}
	slices.Sort(out)
	return out
}

func ids(v ...int64) []int64 {
	slices.Sort(v)
	if v == nil {
		return []int64{}
	}
	return v
}

func TestSearchQueryLanguage(t *testing.T) {
	f := newSearchFixture(t)
	b, c, v := f.budget.ID, f.ceasefire.ID, f.visit.ID
	for _, tc := range []struct {
		text  string
		want  []int64
		plain bool
	}{
		{"budget", ids(b), false},                   // trashed "Old budget rumour" left out
		{"BUDGET", ids(b), false},                   // case folded
		{"Ferrandez", ids(b, v), false},             // diacritics folded: finds Ferrández
		{"Ferrández", ids(b, v), false},             // and the reverse
		{"FERRÁNDEZ", ids(b, v), false},             // both at once
		{"ceasef", ids(c), false},                   // the last word is a prefix while typing
		{"cease fragile", ids(), false},             // but only the last one
		{"fragile cease", ids(c), false},            // …
		{"ce", ids(), false},                        // too short to be a prefix by itself
		{"dredg*", ids(b), false},                   // an explicit prefix
		{`"withdraw support"`, ids(b), false},       // a phrase: the ceasefire article has both words apart
		{"withdraw support", ids(b, c), false},      // bare words: both anywhere
		{"withdraw AND support", ids(b, c), false},  // the same, spelt out
		{"ceasefire OR dredging", ids(b, c), false}, // either
		{"council NOT budget", ids(v), false},       // binary NOT
		{"(ceasefire OR budget) AND talks", ids(b), false},
		{"minister schedule", ids(v), false},   // the article's notes are searched
		{"harbour", ids(b, v), false},          // title and body
		{`"withdraw support`, ids(b, c), true}, // unbalanced quote: plain words, last a prefix
		{"NOT budget", ids(b), true},           // a lone NOT: plain words
		{"budget AND", ids(b), true},           // a dangling operator
		{"(budget", ids(b), true},              // an unclosed bracket
		{"budget)", ids(b), true},              // a stray one
		{"-budget", ids(b), true},              // a symbol where a word should start
		{"budget ^ talks", ids(b), true},       // a lone symbol
		{"title:budget", ids(), false},         // no column filters: the phrase "title budget"
		{"&&", ids(), true},                    // nothing but symbols
		{"   ", ids(), false},                  // nothing at all
		{`""`, ids(), true},                    // an empty phrase
		{"al-Maliki", ids(), false},            // a hyphenated word is a phrase, no error
		{"port authority's", ids(v), false},    // an apostrophe
		{"2026", ids(), false},                 // numbers are words too (the dates are not indexed)
	} {
		r := f.search(t, app.SearchQuery{Text: tc.text})
		if got := hitIDs(r.Articles); !slices.Equal(got, tc.want) || r.Plain != tc.plain {
			t.Errorf("%q: articles %v plain %v (query %s); want %v plain %v", tc.text, got, r.Plain, r.Query, tc.want, tc.plain)
		}
	}
}

func TestSearchFilters(t *testing.T) {
	f := newSearchFixture(t)
	ctx := context.Background()
	b, c, v := f.budget.ID, f.ceasefire.ID, f.visit.ID
	// "the" is in every article; the filters pick among them.
	for _, tc := range []struct {
		name string
		q    app.SearchQuery
		want []int64
	}{
		{"none", app.SearchQuery{}, ids(b, c, v)},
		{"from month", app.SearchQuery{From: "2026-01"}, ids(b, c)},
		{"from day", app.SearchQuery{From: "2026-02-01"}, ids(c)},
		{"from inside a month-dated article", app.SearchQuery{From: "2025-12-15"}, ids(b, c, v)},
		{"to inside it", app.SearchQuery{To: "2025-12-15"}, ids(v)},
		{"day range inside it", app.SearchQuery{From: "2025-12-10", To: "2025-12-12"}, ids(v)},
		{"before everything", app.SearchQuery{To: "2025-11"}, ids()},
		{"to month takes its last day", app.SearchQuery{To: "2026-01"}, ids(b, v)},
		{"to day", app.SearchQuery{To: "2026-01-30"}, ids(v)},
		{"to year", app.SearchQuery{To: "2025"}, ids(v)},
		{"range", app.SearchQuery{From: "2026-01-31", To: "2026-01-31"}, ids(b)},
		{"source any case", app.SearchQuery{Source: "COAST GAZETTE"}, ids(b, v)},
		{"unknown source", app.SearchQuery{Source: "Nowhere Times"}, ids()},
		{"tag any case", app.SearchQuery{Tag: "economy"}, ids(b)},
		{"second tag", app.SearchQuery{Tag: "Port"}, ids(b)},
		{"no partial tag", app.SearchQuery{Tag: "econ"}, ids()},
		{"mentions actor", app.SearchQuery{ActorID: f.ferrandez.ID}, ids(b, v)},
		{"all together", app.SearchQuery{From: "2026", Source: "coast gazette", ActorID: f.ferrandez.ID}, ids(b)},
	} {
		q := tc.q
		q.Text = "the"
		r := f.search(t, q)
		if got := hitIDs(r.Articles); !slices.Equal(got, tc.want) {
			t.Errorf("%s: articles %v, want %v", tc.name, got, tc.want)
		}
		n, err := f.s.SearchCount(ctx, q)
		if err != nil || n != len(tc.want) || r.ArticleTotal != len(tc.want) {
			t.Errorf("%s: SearchCount %d (%v), ArticleTotal %d; want %d", tc.name, n, err, r.ArticleTotal, len(tc.want))
		}
	}
	// A rejected mention does not count.
	if _, err := f.s.db.Exec(`UPDATE mentions SET status = 'rejected' WHERE actor_id = ? AND article_id = ?`, f.ferrandez.ID, v); err != nil {
		t.Fatal(err)
	}
	if got := hitIDs(f.search(t, app.SearchQuery{Text: "the", ActorID: f.ferrandez.ID}).Articles); !slices.Equal(got, ids(b)) {
		t.Errorf("after rejecting the mention: %v", got)
	}
	// Filters narrow the notes to those on matching articles, never the actors.
	r := f.search(t, app.SearchQuery{Text: "dredging", Source: "Mountain Post"})
	if len(r.Notes) != 0 || len(r.Articles) != 0 {
		t.Errorf("filtered notes %+v", r.Notes)
	}
	r = f.search(t, app.SearchQuery{Text: "dredging", Source: "Coast Gazette"})
	if got := hitIDs(r.Notes); !slices.Equal(got, ids(f.articleNote.ID)) {
		t.Errorf("filtered notes %v", got)
	}
	r = f.search(t, app.SearchQuery{Text: "jueza", Source: "Mountain Post"})
	if len(r.Actors) != 1 {
		t.Errorf("a filter narrowed the actors: %+v", r.Actors)
	}
}

func TestSearchActorsAndNotes(t *testing.T) {
	f := newSearchFixture(t)
	r := f.search(t, app.SearchQuery{Text: "jueza"}) // an alias
	if len(r.Actors) != 1 || r.Actors[0].ID != f.ferrandez.ID || r.Actors[0].ActorID != f.ferrandez.ID ||
		r.Actors[0].Title != "Lucía Ferrández" || r.Actors[0].Source != "person" {
		t.Fatalf("actor by alias: %+v", r.Actors)
	}
	if got := app.MarkSnippet(r.Actors[0].Snippet, "[", "]"); got != "La [Jueza]" {
		t.Errorf("alias snippet %q", got)
	}
	r = f.search(t, app.SearchQuery{Text: "ferrandez"})
	if len(r.Actors) != 1 || app.MarkSnippet(r.Actors[0].Snippet, "[", "]") != "Lucía [Ferrández]" {
		t.Errorf("actor by folded name: %+v", r.Actors)
	}
	r = f.search(t, app.SearchQuery{Text: "port district"}) // the description
	if len(r.Actors) != 1 || r.Actors[0].ID != f.council.ID || !strings.Contains(r.Actors[0].Snippet, "\x02port\x03") {
		t.Errorf("actor by description: %+v", r.Actors)
	}
	r = f.search(t, app.SearchQuery{Text: "dredging"})
	if got := hitIDs(r.Notes); !slices.Equal(got, ids(f.articleNote.ID, f.looseNote.ID)) {
		t.Fatalf("notes %v", got)
	}
	for _, n := range r.Notes {
		switch n.ID {
		case f.articleNote.ID:
			if n.ArticleID != f.budget.ID || n.Title != f.budget.Title || n.Kind != app.HitNote || n.Date == "" {
				t.Errorf("article note hit %+v", n)
			}
		case f.looseNote.ID:
			// A standalone note is shown by its heading (issue #12).
			if n.ArticleID != 0 || n.ActorID != 0 || n.Title != (app.Note{Body: f.looseNote.Body}).Heading() {
				t.Errorf("loose note hit %+v", n)
			}
		}
	}
	r = f.search(t, app.SearchQuery{Text: "judge"})
	if len(r.Notes) != 1 || r.Notes[0].ActorID != f.ferrandez.ID || r.Notes[0].Title != "Lucía Ferrández" {
		t.Errorf("actor note hit %+v", r.Notes)
	}
	// A note on a trashed article is not found.
	ctx := context.Background()
	if _, err := f.s.CreateNote(ctx, app.Note{Body: "Rumour source: unnamed dockworker.", ArticleID: f.trashed.ID}); err != nil {
		t.Fatal(err)
	}
	if r := f.search(t, app.SearchQuery{Text: "dockworker"}); len(r.Notes) != 0 {
		t.Errorf("note on a trashed article found: %+v", r.Notes)
	}
}

func TestSearchSnippets(t *testing.T) {
	f := newSearchFixture(t)
	for _, tc := range []struct {
		text, want string
	}{
		{`"withdraw support"`, "…Two members threatened to [withdraw support] from the mayor unless the dredging plan is cut. Lucía Ferrández, who chairs the finance committee, said the…"},
		{"ferrandez resume", "…support from the mayor unless the dredging plan is cut. Lucía [Ferrández], who chairs the finance committee, said the talks would [resume] next week."},
		{"stall", "Budget talks [stall] again"},                                           // only the title matches
		{"schedule", "Check the minister's [schedule] against the port authority's log."}, // only the notes
		{"budget NOT ceasefire", "…[budget]…"},
	} {
		r := f.search(t, app.SearchQuery{Text: tc.text})
		if len(r.Articles) == 0 {
			t.Errorf("%q: no hits", tc.text)
			continue
		}
		got := app.MarkSnippet(r.Articles[0].Snippet, "[", "]")
		if strings.HasPrefix(tc.want, "…[") {
			if !strings.Contains(got, "[budget]") {
				t.Errorf("%q: snippet %q", tc.text, got)
			}
			continue
		}
		if got != tc.want {
			t.Errorf("%q: snippet\n%q\nwant\n%q", tc.text, got, tc.want)
		}
	}
	// Negated terms are not marked.
	r := f.search(t, app.SearchQuery{Text: "council NOT budget"})
	if len(r.Articles) != 1 || strings.Contains(r.Articles[0].Snippet, "\x02budget") {
		t.Errorf("negated term marked: %+v", r.Articles)
	}
}

func TestMakeSnippet(t *testing.T) {
	long := strings.Repeat("filler words go here. ", 20) + "The Señor spoke.\n\nThen   he\tleft. " + strings.Repeat("more filler text. ", 20)
	for _, tc := range []struct {
		text, query, want string
		ok                bool
	}{
		{"Ferrández spoke", "ferrandez", "[Ferrández] spoke", true},
		{"Ferrandez spoke", "Ferrández", "[Ferrandez] spoke", true},
		{"short text", "absent", "short text", false},
		{long, `senor "then he"`, "…words go here. The [Señor] spoke. [Then he] left. more filler text. more filler text. more filler text. more filler text. more filler text…", true},
		{"al-Maliki's bloc", `"al maliki"`, "[al-Maliki]'s bloc", true},
		{"Governments govern", "govern*", "[Governments] [govern]", true},
	} {
		fq := parseQuery(tc.query)
		got, ok := makeSnippet(tc.text, fq.leaves, snippetTokens)
		if got := app.MarkSnippet(got, "[", "]"); got != tc.want || ok != tc.ok {
			t.Errorf("%q in %.30q: %q %v, want %q %v", tc.query, tc.text, got, ok, tc.want, tc.ok)
		}
	}
}

func TestParseQuery(t *testing.T) {
	for _, tc := range []struct {
		text, expr string
		plain      bool
	}{
		{"budget", `"budget"*`, false},
		{"budget talks", `"budget" AND "talks"*`, false},
		{"ab", `"ab"`, false},
		{`"a b" c`, `("a b" AND "c")`, false},
		{"a OR b c", `("a" OR ("b" AND "c"))`, false},
		{"a NOT b NOT c", `(("a" NOT "b") NOT "c")`, false},
		{"(a OR b) NOT c", `(("a" OR "b") NOT "c")`, false},
		{`"a b"*`, `"a b"*`, false},
		{"a* b", `("a"* AND "b")`, false},
		{`say "xyz""`, `"say" AND "xyz"*`, true},
		{"ab*cd", `"ab" AND "cd"`, true}, // a * inside a word
		{"NOT", ``, true},
		{"al-Maliki", `"al-Maliki"*`, false},
		{`O"Brien`, `"O" AND "Brien"*`, true},
		{"and or not", `"and" AND "or" AND "not"*`, false},
	} {
		q := parseQuery(tc.text)
		if q.expr != tc.expr || q.plain != tc.plain {
			t.Errorf("%q: %s plain %v; want %s plain %v", tc.text, q.expr, q.plain, tc.expr, tc.plain)
		}
	}
}

func TestSearchIndexFollowsChanges(t *testing.T) {
	f := newSearchFixture(t)
	ctx := context.Background()
	s := f.s
	find := func(text string) app.SearchResults { return f.search(t, app.SearchQuery{Text: text}) }

	// An edited article is found by its new words only.
	a := f.ceasefire
	a.Body = "The truce collapsed overnight after shelling near the dam."
	if _, err := s.UpdateArticle(ctx, a); err != nil {
		t.Fatal(err)
	}
	if len(find("fragile").Articles) != 0 || len(find("shelling").Articles) != 1 {
		t.Error("article update not indexed")
	}
	// Trashed, restored, purged.
	s.DeleteArticle(ctx, a.ID)
	if len(find("shelling").Articles) != 0 {
		t.Error("trashed article found")
	}
	s.RestoreArticle(ctx, a.ID)
	if len(find("shelling").Articles) != 1 {
		t.Error("restored article not found")
	}
	s.DeleteArticle(ctx, a.ID)
	if err := s.PurgeArticle(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	if len(find("shelling").Articles) != 0 {
		t.Error("purged article found")
	}
	// Aliases: added, changed, removed; the actor renamed, merged, deleted.
	if err := s.AddAlias(ctx, f.council.ID, "Port Board"); err != nil {
		t.Fatal(err)
	}
	if r := find("board"); len(r.Actors) != 1 || r.Actors[0].ID != f.council.ID {
		t.Errorf("added alias not found: %+v", r.Actors)
	}
	c, _ := s.Actor(ctx, f.council.ID)
	c.Aliases = []string{"Dock Authority"}
	c.Name = "Harbour Assembly"
	if _, err := s.UpdateActor(ctx, c); err != nil {
		t.Fatal(err)
	}
	if len(find("board").Actors) != 0 || len(find("dock authority").Actors) != 1 || len(find("assembly").Actors) != 1 {
		t.Error("changed alias or name not followed")
	}
	if len(find(`"harbour council"`).Actors) != 0 {
		t.Error("old name still found")
	}
	if _, err := s.MergeActors(ctx, f.ferrandez.ID, c.ID); err != nil {
		t.Fatal(err)
	}
	if r := find("assembly"); len(r.Actors) != 1 || r.Actors[0].ID != f.ferrandez.ID {
		t.Errorf("merged actor's name not found under the kept actor: %+v", r.Actors)
	}
	if err := s.DeleteActor(ctx, f.ferrandez.ID); err != nil {
		t.Fatal(err)
	}
	if len(find("jueza").Actors) != 0 || len(find("assembly").Actors) != 0 {
		t.Error("deleted actor found")
	}
	// Notes: edited, deleted, and gone with their actor.
	n := f.looseNote
	n.Body = "Compare harbour fees instead."
	if _, err := s.UpdateNote(ctx, n); err != nil {
		t.Fatal(err)
	}
	if len(find("neighbouring").Notes) != 0 || len(find("fees").Notes) != 1 {
		t.Error("note update not indexed")
	}
	if err := s.DeleteNote(ctx, n.ID); err != nil {
		t.Fatal(err)
	}
	if len(find("fees").Notes) != 0 || len(find("judge").Notes) != 0 {
		t.Error("deleted notes found")
	}
	// More writes, then every index checks out.
	for i := range 30 {
		a, err := s.CreateArticle(ctx, app.Article{Title: fmt.Sprintf("Bulletin %d", i), Body: fmt.Sprintf("Routine bulletin number %d about tides.", i)})
		if err != nil {
			t.Fatal(err)
		}
		if i%3 == 0 {
			a.Body += " Corrected."
			s.UpdateArticle(ctx, a)
		}
		if i%5 == 0 {
			s.DeleteArticle(ctx, a.ID)
			s.PurgeArticle(ctx, a.ID)
		}
		ac := mustActor(t, s, fmt.Sprintf("Pilot %d", i), app.Person, fmt.Sprintf("Captain %d", i))
		if i%4 == 0 {
			s.DeleteActor(ctx, ac.ID)
		}
		s.CreateNote(ctx, app.Note{Body: fmt.Sprintf("tide table %d", i), ActorID: ac.ID})
	}
	for _, tbl := range []string{"articles_fts", "actors_fts", "notes_fts"} {
		if _, err := s.db.Exec(`INSERT INTO ` + tbl + `(` + tbl + `, rank) VALUES ('integrity-check', 1)`); err != nil {
			t.Errorf("%s integrity-check: %v", tbl, err)
		}
	}
	// actors_fts keeps its own copy of the text: compare it with what the tables say.
	var stale int
	if err := s.db.QueryRow(`SELECT count(*) FROM actors a FULL JOIN actors_fts f ON f.rowid = a.id
		WHERE a.id IS NULL OR f.rowid IS NULL OR f.name <> a.name OR f.aliases <>
		coalesce((SELECT group_concat(text, char(10) ORDER BY id) FROM aliases WHERE actor_id = a.id AND is_name = 0), '')`).Scan(&stale); err != nil || stale != 0 {
		t.Errorf("%d actor rows out of step (%v)", stale, err)
	}
	if r := find("tides"); r.ArticleTotal != 24 {
		t.Errorf("tides: %d articles, want 24", r.ArticleTotal)
	}
}

// openAtVersion creates a project with only the first n migrations applied, as an older
// Dossier left it; Open brings it up to date.
func openAtVersion(t *testing.T, n int) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "old.dossier")
	db, err := sql.Open("sqlite", dsn(path, false))
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	s := &Store{db: db, path: path}
	migs, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	for i := range n {
		if err := s.apply(context.Background(), i+1, migs[i]); err != nil {
			t.Fatal(err)
		}
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}

func TestSearchMigrationBackfills(t *testing.T) {
	// A project at version 1 with actors and notes gains their index when it is opened.
	ctx := context.Background()
	old, path := openAtVersion(t, 1)
	// Written as version 1 wrote them: the store of today needs tables added since.
	if _, err := old.db.Exec(`INSERT INTO actors(id, uuid, name, kind, created, updated) VALUES (7, 'u7', 'Ximena Quiroga', 'person', '', '');
		INSERT INTO aliases(actor_id, text, folded, is_name) VALUES (7, 'Ximena Quiroga', 'ximena quiroga', 1), (7, 'La Gobernadora', 'la gobernadora', 0);
		INSERT INTO notes(uuid, body, actor_id, created, updated) VALUES ('n1', 'Governor since the spring.', 7, '', '')`); err != nil {
		t.Fatal(err)
	}
	old.Close()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	r, err := s.Search(ctx, app.SearchQuery{Text: "gobernadora"})
	if err != nil || len(r.Actors) != 1 {
		t.Fatalf("backfilled actor: %+v %v", r.Actors, err)
	}
	if r, _ := s.Search(ctx, app.SearchQuery{Text: "spring"}); len(r.Notes) != 1 {
		t.Fatalf("backfilled note: %+v", r.Notes)
	}
}

func TestSearchMigration5Backfills(t *testing.T) {
	// A project of version 4 holds text with ı, ø... indexed as written, and relations
	// with no index. Opened, its index is folded, its relations found, and every later
	// change keeps the index whole (FTS5's own integrity check).
	ctx := context.Background()
	old, path := openAtVersion(t, 4)
	isik := mustActor(t, old, "Ayşe Işık", app.Person, "Işık")
	soren := mustActor(t, old, "Søren Østergaard", app.Person)
	// Written as version 4 wrote it: today's CreateArticle also fills tables added since.
	res, err := old.db.ExecContext(ctx, `INSERT INTO articles(uuid, title, body, notes, hash, filed, updated)
		VALUES ('a1', 'Işık meets Østergaard', 'Ayşe Işık and Søren Østergaard met in Łódź.', 'Ask Đorđe.', 'h1', '', '')`)
	if err != nil {
		t.Fatal(err)
	}
	art := app.Article{Title: "Işık meets Østergaard"}
	art.ID, _ = res.LastInsertId()
	if _, err := old.db.ExecContext(ctx, `INSERT INTO notes(uuid, body, actor_id, created, updated) VALUES ('n5', 'Łódź, again.', ?, '', '')`, isik.ID); err != nil {
		t.Fatal(err)
	}
	rel, err := old.CreateRelation(ctx, app.Relation{SourceID: isik.ID, Type: "meets_with", TargetID: soren.ID,
		Evidence: []app.Evidence{{ArticleID: art.ID, Quote: "met in Łódź"}}, Note: "First meeting."})
	if err != nil {
		t.Fatal(err)
	}
	old.Close()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, q := range []string{"Isik", "ostergaard", "lodz", "dorde", `"met in Lodz"`} {
		r, err := s.Search(ctx, app.SearchQuery{Text: q})
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Articles) != 1 {
			t.Errorf("%s: %d articles, want the one filed before the upgrade", q, len(r.Articles))
		}
	}
	if r, _ := s.Search(ctx, app.SearchQuery{Text: "isik"}); len(r.Actors) != 1 || len(r.Relations) != 1 || r.Relations[0].ID != rel.ID {
		t.Errorf("isik: actors %+v relations %+v", r.Actors, r.Relations)
	}
	if r, _ := s.Search(ctx, app.SearchQuery{Text: "lodz again"}); len(r.Notes) != 1 {
		t.Errorf("lodz again: notes %+v", r.Notes)
	}
	// Editing and deleting what was indexed before the upgrade leaves the index whole.
	art.Body = "Nobody met anywhere."
	if _, err := s.UpdateArticle(ctx, art); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteRelation(ctx, rel.ID); err != nil {
		t.Fatal(err)
	}
	for _, tbl := range []string{"articles_fts", "notes_fts", "actors_fts", "relations_fts"} {
		if _, err := s.db.Exec(`INSERT INTO ` + tbl + `(` + tbl + `) VALUES ('integrity-check')`); err != nil {
			t.Errorf("%s after the upgrade: %v", tbl, err)
		}
	}
	var check string
	if err := s.db.QueryRow(`PRAGMA integrity_check`).Scan(&check); err != nil || check != "ok" {
		t.Errorf("integrity_check after the upgrade: %q %v", check, err)
	}
	if r, _ := s.Search(ctx, app.SearchQuery{Text: "lodz"}); len(r.Articles) != 0 || len(r.Relations) != 0 {
		t.Errorf("lodz after the edit: %d articles, %d relations", len(r.Articles), len(r.Relations))
	}
}

func TestSearchCancelled(t *testing.T) {
	f := newSearchFixture(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := f.s.Search(ctx, app.SearchQuery{Text: "budget"}); err == nil {
		t.Fatal("a cancelled search succeeded")
	}
	// The store works on afterwards.
	if r := f.search(t, app.SearchQuery{Text: "budget"}); len(r.Articles) != 1 {
		t.Fatal("store unusable after a cancelled search")
	}
}

func TestSearchLimit(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	for i := range 12 {
		if _, err := s.CreateArticle(ctx, app.Article{Title: fmt.Sprintf("Report %d", i), Body: fmt.Sprintf("Weekly shipping report, issue %d.", i)}); err != nil {
			t.Fatal(err)
		}
	}
	r, err := s.Search(ctx, app.SearchQuery{Text: "shipping", Limit: 5})
	if err != nil || len(r.Articles) != 5 || r.ArticleTotal != 12 || r.Order != app.OrderRelevance || r.Recent {
		t.Fatalf("limit 5: %d hits, total %d, order %s, %v", len(r.Articles), r.ArticleTotal, r.Order, err)
	}
	for i := 1; i < len(r.Articles); i++ {
		if r.Articles[i].Rank > r.Articles[i-1].Rank {
			t.Errorf("hits not best first: %v then %v", r.Articles[i-1].Rank, r.Articles[i].Rank)
		}
	}
}

// TestSearchPlans tries the planner's three orders on a synthetic project, with its
// settings scaled down so that a small project behaves as the 100,000-article one does.
func TestSearchPlans(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	// The oldest article, so that the planner's sample of the newest does not see it.
	odd, err := s.CreateArticle(ctx, app.Article{Title: "On governmentality", Body: "A seminar on governmentality and its critics."})
	if err != nil {
		t.Fatal(err)
	}
	if err := dbtest.Synthesize(ctx, s.Path(), dbtest.Sizes{Articles: 1200, Actors: 40}, 3, nil); err != nil {
		t.Fatal(err)
	}
	defer func(a, b, c int) { sampleSize, rankWindow, budget = a, b, c }(sampleSize, rankWindow, budget)
	sampleSize, rankWindow, budget = 100, 100, 10_000

	newest := func(expr string, n int) []int64 {
		rows, err := s.db.Query(`SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT ?`, expr, n)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var out []int64
		for rows.Next() {
			var id int64
			rows.Scan(&id)
			out = append(out, id)
		}
		return out
	}
	search := func(text string) app.SearchResults {
		t.Helper()
		r, err := s.Search(ctx, app.SearchQuery{Text: text, Limit: 20})
		if err != nil {
			t.Fatal(err)
		}
		return r
	}

	// One word in every article: ranked among the newest rankWindow matches. Being a word
	// of its own, it is not taken as a prefix: the seminar is not found by it.
	r := search("government")
	window := newest(`"government"`, rankWindow)
	if r.Order != app.OrderRecentRelevance || !r.Recent || r.ArticleTotal != -1 || r.Query != `"government"` || len(r.Articles) != 20 {
		t.Fatalf("government: order %s, total %d, query %s, %d hits", r.Order, r.ArticleTotal, r.Query, len(r.Articles))
	}
	if r.ArticleEstimate < 900 || r.ArticleEstimate > 1500 {
		t.Errorf("government: estimate %d, want about 1200", r.ArticleEstimate)
	}
	for i, h := range r.Articles {
		if h.ID < window[len(window)-1] || h.ID == odd.ID {
			t.Errorf("government: hit #%d outside the window of the newest matches", h.ID)
		}
		if i > 0 && h.Rank > r.Articles[i-1].Rank {
			t.Errorf("government: hits not best first")
		}
		if !strings.Contains(h.Snippet, app.MatchStart+"government"+app.MatchEnd) {
			t.Errorf("government: snippet %q", h.Snippet)
		}
	}
	if r := search("government*"); r.Query != `"government"*` {
		t.Errorf("an explicit prefix: query %s", r.Query)
	}
	if n, err := s.SearchCount(ctx, app.SearchQuery{Text: "government*"}); err != nil || n != 1201 {
		t.Errorf("an explicit prefix counts %d (%v), want the seminar too", n, err)
	}

	// A word still being typed, in no article as it stands: the newest matches of the prefix,
	// without the planner's sample.
	r = search("governme")
	if r.Order != app.OrderFiled || r.Query != `"governme"*` || !slices.Equal(hitIDs(r.Articles), ids(newest(`"governme"*`, 20)...)) {
		t.Errorf("typing: order %s, query %s, hits %v", r.Order, r.Query, hitIDs(r.Articles))
	}

	// A phrase of common words: too costly to rank, the newest matches come first.
	r = search(`"support the government"`)
	if r.Order != app.OrderFiled || !r.Recent {
		t.Fatalf("phrase: order %s", r.Order)
	}
	want := newest(`"support the government"`, 20)
	var got []int64
	for _, h := range r.Articles {
		got = append(got, h.ID)
	}
	if !slices.Equal(got, want) {
		t.Errorf("phrase: hits %v, want the newest matches %v", got, want)
	}

	// A rare word is ranked in full and counted; as typed, its last word is a prefix.
	r = search("governmentality")
	if r.Order != app.OrderRelevance || r.Recent || r.ArticleTotal != 1 || r.Query != `"governmentality"*` || len(r.Articles) != 1 || r.Articles[0].ID != odd.ID {
		t.Errorf("rare: order %s, total %d, query %s, hits %+v", r.Order, r.ArticleTotal, r.Query, r.Articles)
	}
	if n, err := s.SearchCount(ctx, app.SearchQuery{Text: "seminar governmentality"}); err != nil || n != 1 {
		t.Errorf("rare: SearchCount %d %v", n, err)
	}
	if n, err := s.SearchCount(ctx, app.SearchQuery{Text: "government"}); err != nil || n != 1200 {
		t.Errorf("government: SearchCount %d %v", n, err)
	}
}

// FuzzSearchQuery checks that whatever is typed in the search box gives an expression
// FTS5 accepts (a query is never an error to the user) and a snippet that does not break.
func FuzzSearchQuery(f *testing.F) {
	for _, seed := range []string{"budget", `"withdraw support"`, "a OR b NOT c", "(x AND y", `"unbalanced`, "NOT",
		"-army", "dredg*", `"phrase"*`, "al-Maliki", "Ferrández", "^x", "a:b", "()", "x AND (y OR", "* *", `""`, "\x00\xff"} {
		f.Add(seed)
	}
	s, err := Open(context.Background(), f.TempDir()+"/fuzz.dossier")
	if err != nil {
		f.Fatal(err)
	}
	defer s.Close()
	if _, err := s.CreateArticle(context.Background(), app.Article{Title: "Budget talks", Body: "The council may withdraw support for al-Maliki, said Ferrández."}); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		fq := parseQuery(text)
		if fq.expr != "" {
			var n int
			if err := s.db.QueryRow(`SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?`, fq.expr).Scan(&n); err != nil {
				t.Fatalf("%q gave %s, which FTS5 refuses: %v", text, fq.expr, err)
			}
		}
		if _, err := s.Search(context.Background(), app.SearchQuery{Text: text}); err != nil {
			t.Fatalf("Search(%q): %v", text, err)
		}
		snip, _ := makeSnippet(text+" budget "+text, fq.leaves, snippetTokens)
		for _, p := range app.SnippetParts(snip) {
			if strings.ContainsAny(p.Text, app.MatchStart+app.MatchEnd) {
				t.Fatalf("marker left in %q", snip)
			}
		}
	})
}
