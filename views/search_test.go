package views

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
	"dossier/db"
)

// searchUI is a test UI showing the search screen, with a stand-in for the window's router
// that records every route.
func searchUI(t *testing.T) (*UI, *db.Store, *searchScreen, *[]route) {
	t.Helper()
	u, st := newTestUI(t)
	var routes []route
	u.show = func(r route) { routes = append(routes, r) }
	s := newSearchScreen(u)
	u.win.SetContent(s.content())
	return u, st, s, &routes
}

// fileArticle files an article with the fields a filter test needs.
func fileArticle(t *testing.T, st *db.Store, a app.Article) app.Article {
	t.Helper()
	a, err := st.CreateArticle(context.Background(), a)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// typeQuery replaces the search box's text by typing text one character at a time, as a
// user does: every keystroke runs a search.
func typeQuery(s *searchScreen, text string) {
	s.box.SetText("")
	test.Type(s.box, text)
}

// hitIDs lists the ids of a group of hits.
func hitIDs(hits []app.SearchHit) []int64 {
	var ids []int64
	for _, h := range hits {
		ids = append(ids, h.ID)
	}
	return ids
}

func hasHit(hits []app.SearchHit, id int64) bool {
	for _, h := range hits {
		if h.ID == id {
			return true
		}
	}
	return false
}

// rowText is everything a hit row shows, and the words it shows as matches.
func rowText(r *searchRow) (text string, matches []string) {
	var parts []string
	inFlow := map[*widget.RichText]bool{}
	for _, o := range test.LaidOutObjects(r) {
		switch w := o.(type) {
		case *articleFlow:
			inFlow[w.rt] = true
			parts = append(parts, w.String())
			for _, seg := range w.Segments {
				if ts, ok := seg.(*widget.TextSegment); ok && ts.Style.ColorName == theme.ColorNamePrimary && ts.Style.TextStyle.Bold {
					matches = append(matches, ts.Text)
				}
			}
		case *widget.RichText:
			if !inFlow[w] {
				parts = append(parts, w.String())
			}
		}
	}
	return strings.Join(parts, " | "), matches
}

// screenText is all the text the screen shows (notices, headings, empty state), leaving
// out what is inside hidden containers.
func screenText(s *searchScreen) string {
	var parts []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if !o.Visible() {
			return
		}
		switch w := o.(type) {
		case *widget.Label:
			parts = append(parts, w.Text)
			return
		case *widget.RichText:
			parts = append(parts, w.String())
			return
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(w).Objects() {
				walk(c)
			}
		}
	}
	walk(s.root)
	return strings.Join(parts, " | ")
}

func TestSearchFindsArticlesAsYouType(t *testing.T) {
	_, st, s, _ := searchUI(t)
	port := mustArticle(t, st, "Port strike ends", "2026-01-27",
		"The dockers voted to return to work after nine days of the ceasefire talks in Basra.")
	judge := mustArticle(t, st, "Court hears the appeal", "2026-02-03",
		"Judge Ferrández adjourned the hearing until March.")
	phrase := mustArticle(t, st, "Coalition strains", "2026-02-05",
		"The party threatened to withdraw support from the government over the budget.")
	split := mustArticle(t, st, "Support for the plan", "2026-02-06",
		"Several ministers voiced support; none would withdraw from the cabinet.")

	tests := []struct {
		name, query string
		want        []int64
		match       string // a word the first hit shows highlighted
	}{
		{"a body word", "ceasefire", []int64{port.ID}, "ceasefire"},
		{"a prefix while typing", "dock", []int64{port.ID}, "dockers"},
		{"without the accent", "Ferrandez", []int64{judge.ID}, "Ferrández"},
		{"with the accent", "Ferrández", []int64{judge.ID}, "Ferrández"},
		{"a phrase", `"withdraw support"`, []int64{phrase.ID}, "withdraw support"},
		{"both words anywhere", "withdraw support", []int64{phrase.ID, split.ID}, ""},
		{"NOT", "withdraw NOT budget", []int64{split.ID}, "withdraw"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			typeQuery(s, tc.query)
			got := hitIDs(s.res.Articles)
			if len(got) != len(tc.want) {
				t.Fatalf("%q found articles %v, want %v", tc.query, got, tc.want)
			}
			for _, id := range tc.want {
				if !hasHit(s.res.Articles, id) {
					t.Errorf("%q did not find article %d (found %v)", tc.query, id, got)
				}
			}
			if len(s.rows) != len(tc.want) || s.rows[0].hit.Kind != app.HitArticle {
				t.Fatalf("%d rows shown for %d hits", len(s.rows), len(tc.want))
			}
			if tc.match != "" {
				text, matches := rowText(s.rows[0])
				if !containsFold(matches, tc.match) {
					t.Errorf("row %q highlights %q, want %q among them", text, matches, tc.match)
				}
			}
			if !strings.Contains(screenText(s), "Articles") {
				t.Errorf("no Articles heading: %s", screenText(s))
			}
		})
	}
}

func containsFold(list []string, word string) bool {
	for _, w := range list {
		if strings.EqualFold(strings.TrimSpace(w), word) {
			return true
		}
	}
	return false
}

func TestSearchFindsActorsByAliasAndNotes(t *testing.T) {
	ctx := context.Background()
	_, st, s, _ := searchUI(t)
	maliki := mustActor(t, st, "Nouri al-Maliki", app.Person, "Abu Isra")
	art := mustArticle(t, st, "Budget vote", "2026-01-10", "Parliament passed the budget late at night.")
	onArticle, err := st.CreateNote(ctx, app.Note{Body: "Check the amendment on provincial quotas.", ArticleID: art.ID})
	if err != nil {
		t.Fatal(err)
	}
	onActor, err := st.CreateNote(ctx, app.Note{Body: "Ask about his quotas stance in the interview.", ActorID: maliki.ID})
	if err != nil {
		t.Fatal(err)
	}

	typeQuery(s, "Isra")
	if len(s.res.Actors) != 1 || s.res.Actors[0].ID != maliki.ID {
		t.Fatalf("the alias found actors %+v", s.res.Actors)
	}
	text, matches := rowText(s.rows[0])
	if !strings.Contains(text, "Nouri al-Maliki") || !containsFold(matches, "Isra") {
		t.Errorf("actor row shows %q, highlights %q", text, matches)
	}

	typeQuery(s, "quotas")
	if !hasHit(s.res.Notes, onArticle.ID) || !hasHit(s.res.Notes, onActor.ID) {
		t.Fatalf("notes found: %+v", s.res.Notes)
	}
	if got := screenText(s); !strings.Contains(got, "Notes") || !strings.Contains(got, "Note on") {
		t.Errorf("the notes group reads: %s", got)
	}
}

func TestSearchFiltersNarrowArticles(t *testing.T) {
	u, st, s, _ := searchUI(t)
	maliki := mustActor(t, st, "Nouri al-Maliki", app.Person, "Maliki")
	jan := fileArticle(t, st, app.Article{Title: "Oil exports rise", Date: "2026-01-12", Source: "Harbour Gazette",
		Tags: []string{"energy"}, Body: "Oil exports from the southern ports rose in January, Maliki said."})
	feb := fileArticle(t, st, app.Article{Title: "Oil talks stall", Date: "2026-02-20", Source: "Capital Post",
		Tags: []string{"energy", "talks"}, Body: "Talks on oil revenue sharing stalled again."})
	old := fileArticle(t, st, app.Article{Title: "Oil law drafted", Date: "2025-06", Source: "Capital Post",
		Body: "A first draft of the oil law was sent to parliament."})

	typeQuery(s, "oil")
	if len(s.res.Articles) != 3 {
		t.Fatalf("no filter: %v", hitIDs(s.res.Articles))
	}
	type step struct {
		name string
		set  func()
		want []int64
	}
	steps := []step{
		{"from 2026", func() { test.Type(s.from, "2026") }, []int64{jan.ID, feb.ID}},
		{"to Jan 2026", func() { test.Type(s.to, "2026-01") }, []int64{jan.ID}},
		{"no dates", func() { s.from.SetText(""); s.to.SetText("") }, []int64{jan.ID, feb.ID, old.ID}},
		{"source", func() { test.Type(s.source, "capital post") }, []int64{feb.ID, old.ID}},
		{"and tag", func() { test.Type(s.tag, "talks") }, []int64{feb.ID}},
		{"clear", s.resetFilters, []int64{jan.ID, feb.ID, old.ID}},
		{"mentions Maliki", func() {
			test.Tap(s.actorBtn)
			p := u.actors.picker
			if p == nil {
				t.Fatal("the actor button opened no picker")
			}
			test.Type(p.search, "Maliki")
			p.pickCursor()
		}, []int64{jan.ID}},
		{"clear the actor", func() { test.Tap(s.actorClear) }, []int64{jan.ID, feb.ID, old.ID}},
	}
	for _, st := range steps {
		st.set()
		got := hitIDs(s.res.Articles)
		if len(got) != len(st.want) {
			t.Errorf("%s: found %v, want %v", st.name, got, st.want)
			continue
		}
		for _, id := range st.want {
			if !hasHit(s.res.Articles, id) {
				t.Errorf("%s: found %v, want %v", st.name, got, st.want)
			}
		}
	}
	test.Tap(s.actorBtn)
	test.Type(u.actors.picker.search, "Maliki")
	u.actors.picker.pickCursor()
	if s.actorBtn.Text != maliki.Name || !s.actorClear.Visible() {
		t.Errorf("actor filter shows %q, clear visible %v", s.actorBtn.Text, s.actorClear.Visible())
	}
}

func TestSearchDateFilterErrorsInline(t *testing.T) {
	u, st, s, _ := searchUI(t)
	a := mustArticle(t, st, "Oil exports rise", "2026-01-12", "Oil exports rose.")
	typeQuery(s, "oil")
	test.Type(s.from, "2026-13")
	if !s.filterMsg.Visible() || !strings.HasPrefix(s.filterMsg.Text, "From:") {
		t.Errorf("filter message %q (visible %v)", s.filterMsg.Text, s.filterMsg.Visible())
	}
	if u.win.Canvas().Overlays().Top() != nil {
		t.Error("a bad date opened a dialog")
	}
	if !hasHit(s.res.Articles, a.ID) {
		t.Error("a bad date stopped the search")
	}
	// The search goes on with the filters that are valid.
	test.Type(s.to, "2025")
	if len(s.res.Articles) != 0 || !s.filterMsg.Visible() {
		t.Errorf("with a bad From and To 2025: %v, message visible %v", hitIDs(s.res.Articles), s.filterMsg.Visible())
	}
	s.to.SetText("")
	s.from.SetText("2026")
	if s.filterMsg.Visible() {
		t.Errorf("the message stayed: %q", s.filterMsg.Text)
	}
	s.to.SetText("2025")
	if !s.filterMsg.Visible() || !strings.Contains(s.filterMsg.Text, "before it starts") {
		t.Errorf("a backwards range says %q", s.filterMsg.Text)
	}
}

func TestSearchDropsStaleResults(t *testing.T) {
	_, st, s, _ := searchUI(t)
	newer := mustArticle(t, st, "Mosul bridge reopens", "2026-01-12", "The old bridge in Mosul reopened to traffic.")

	test.Type(s.box, "bri")
	staleGen, staleQuery := s.gen, s.shown
	test.Type(s.box, "dge")
	if len(s.res.Articles) != 1 || s.res.Articles[0].ID != newer.ID {
		t.Fatalf("newest results: %v", hitIDs(s.res.Articles))
	}
	// The answer to "bri" arrives late, after "bridge" was asked and shown.
	stale := app.SearchResults{Articles: []app.SearchHit{{Kind: app.HitArticle, ID: 999, Title: "Stale"}}, ArticleTotal: 1}
	s.apply(staleGen, staleQuery, stale, nil)
	if len(s.res.Articles) != 1 || s.res.Articles[0].ID != newer.ID || len(s.rows) != 1 || s.rows[0].hit.ID != newer.ID {
		t.Errorf("a stale answer replaced the results: %v", hitIDs(s.res.Articles))
	}
	// A cancelled query's error is not shown either.
	s.apply(staleGen, staleQuery, app.SearchResults{}, context.Canceled)
	if s.empty.Visible() && s.emptyBox.Visible() {
		t.Errorf("a cancelled query emptied the screen: %q", s.empty.Text)
	}
}

func TestSearchCancelsThePreviousQuery(t *testing.T) {
	_, _, s, _ := searchUI(t)
	// A query still running in the background when the next key is typed.
	running, cancel := context.WithCancel(context.Background())
	s.cancel, s.pending = cancel, true
	test.Type(s.box, "b")
	if running.Err() == nil {
		t.Error("a keystroke left the previous query running")
	}
	if s.cancel != nil || s.pending {
		t.Error("the finished query left its cancel func behind")
	}
}

func TestSearchOpensHits(t *testing.T) {
	ctx := context.Background()
	_, st, s, routes := searchUI(t)
	maliki := mustActor(t, st, "Nouri al-Maliki", app.Person, "Abu Isra")
	body := "Talks resumed on Monday. The delegation from Erbil arrived late, and the budget was not discussed."
	art := mustArticle(t, st, "Talks resume", "2026-01-12", body)
	if _, err := st.CreateNote(ctx, app.Note{Body: "Compare with the Erbil statement.", ArticleID: art.ID}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.CreateNote(ctx, app.Note{Body: "His Erbil visit is undated.", ActorID: maliki.ID}); err != nil {
		t.Fatal(err)
	}

	typeQuery(s, "Erbil")
	if len(s.res.Articles) != 1 || len(s.res.Notes) != 2 {
		t.Fatalf("found %d articles, %d notes", len(s.res.Articles), len(s.res.Notes))
	}
	test.Tap(s.rows[0])
	r := lastRoute(routes)
	if r.screen != "article" || r.id != art.ID {
		t.Fatalf("the article hit went to %+v", r)
	}
	if got := articleRunes(body, r.span[0], r.span[1]); !strings.Contains(got, "Erbil") {
		t.Errorf("the span %v highlights %q", r.span, got)
	}
	for _, row := range s.rows[1:] {
		test.Tap(row)
		r := lastRoute(routes)
		switch {
		case row.hit.ArticleID != 0 && (r.screen != "article" || r.id != art.ID):
			t.Errorf("the note on the article went to %+v", r)
		case row.hit.ArticleID == 0 && (r.screen != "dossier" || r.id != maliki.ID):
			t.Errorf("the note on the actor went to %+v", r)
		}
	}

	typeQuery(s, "Isra")
	test.Tap(s.rows[0])
	if r := lastRoute(routes); r.screen != "dossier" || r.id != maliki.ID {
		t.Errorf("the actor hit went to %+v", r)
	}
}

func TestSearchKeyboard(t *testing.T) {
	u, st, s, routes := searchUI(t)
	first := mustArticle(t, st, "Oil exports rise", "2026-01-12", "Oil exports rose sharply, oil oil oil.")
	second := mustArticle(t, st, "Gas deal", "2026-01-13", "A gas deal was signed; oil was not mentioned much.")
	s.focus()
	if u.win.Canvas().Focused() != s.box {
		t.Fatal("focus() did not focus the search box")
	}
	test.Type(s.box, "oil")
	if len(s.rows) != 2 {
		t.Fatalf("%d rows", len(s.rows))
	}
	// Enter in the box opens the first (best) hit.
	s.box.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if r := lastRoute(routes); r.screen != "article" || r.id != s.rows[0].hit.ID || r.id != first.ID {
		t.Errorf("Enter went to %+v; first hit is %d", r, s.rows[0].hit.ID)
	}
	// Down moves into the results, Down again to the next, Enter opens it.
	s.box.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if u.win.Canvas().Focused() != s.rows[0] {
		t.Fatalf("Down focused %T", u.win.Canvas().Focused())
	}
	s.rows[0].TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if u.win.Canvas().Focused() != s.rows[1] || !s.rows[1].focused || s.rows[0].focused {
		t.Fatal("Down did not move to the second hit")
	}
	s.rows[1].TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if r := lastRoute(routes); r.id != second.ID {
		t.Errorf("Enter on the second hit went to %+v", r)
	}
	// Up past the first hit goes back to the box; typing on a hit refines the search.
	s.rows[1].TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	s.rows[0].TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	if u.win.Canvas().Focused() != s.box {
		t.Error("Up from the first hit did not return to the box")
	}
	s.box.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	s.rows[0].TypedRune(' ')
	test.Type(s.box, "gas")
	if u.win.Canvas().Focused() != s.box || s.box.Text != "oil gas" || len(s.res.Articles) != 1 {
		t.Errorf("typing on a hit: box %q, focused %T, %d hits", s.box.Text, u.win.Canvas().Focused(), len(s.res.Articles))
	}
}

func TestSearchEmptyStatesAndPlainNotice(t *testing.T) {
	u, st, s, _ := searchUI(t)
	mustArticle(t, st, "Coalition strains", "2026-02-05", "The party threatened to withdraw support from the government.")
	if got := screenText(s); !strings.Contains(got, searchPrompt) {
		t.Errorf("before typing: %s", got)
	}
	typeQuery(s, "zeppelin")
	if got := screenText(s); !strings.Contains(got, "Nothing matches “zeppelin”.") {
		t.Errorf("no results: %s", got)
	}
	test.Type(s.tag, "x")
	if got := screenText(s); !strings.Contains(got, "with these filters") || !s.clearFilters.Visible() {
		t.Errorf("no results with a filter: %s", got)
	}
	test.Tap(s.clearFilters)
	if s.tag.Text != "" {
		t.Errorf("Clear the filters left the tag %q", s.tag.Text)
	}

	for _, q := range []string{`"withdraw support`, `withdraw NOT`, `support AND (`} {
		typeQuery(s, q)
		if !s.res.Plain || len(s.res.Articles) != 1 {
			t.Errorf("%q: plain %v, %d hits", q, s.res.Plain, len(s.res.Articles))
		}
		if got := screenText(s); !strings.Contains(got, searchPlainNotice) {
			t.Errorf("%q: no plain-words notice: %s", q, got)
		}
		if u.win.Canvas().Overlays().Top() != nil {
			t.Errorf("%q opened a dialog", q)
		}
	}
	typeQuery(s, `"withdraw support"`)
	if s.res.Plain || strings.Contains(screenText(s), searchPlainNotice) {
		t.Error("a valid phrase was called plain words")
	}
	s.box.SetText("")
	if got := screenText(s); !strings.Contains(got, searchPrompt) || len(s.rows) != 0 {
		t.Errorf("after clearing: %s", got)
	}
}

func TestSearchSpan(t *testing.T) {
	body := "Talks resumed on Monday.\n\nThe  delegation from Erbil arrived late."
	tests := []struct {
		name, snippet, want string
	}{
		{"the passage", "…The delegation from \x02Erbil\x03 arrived late.", "The  delegation from Erbil arrived late."},
		{"a passage not in the body", "…delegates from \x02Erbil\x03 in", "Erbil"},
		{"across a paragraph break", "…on \x02Monday\x03. The delegation…", "on Monday.\n\nThe  delegation"},
		{"no match marked", "Talks resumed", ""},
		{"a match in the title only", "\x02Summit\x03 opens", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sp := searchSpan(body, tc.snippet)
			if got := articleRunes(body, sp[0], sp[1]); got != tc.want {
				t.Errorf("span %v = %q, want %q", sp, got, tc.want)
			}
		})
	}
}

func TestSearchSnippetSegments(t *testing.T) {
	segs := searchSnippet("…the\n\nold \x02bridge\x03  in \x02Mosul\x03…")
	var b strings.Builder
	var matched []string
	for _, seg := range segs {
		ts := seg.(*widget.TextSegment)
		b.WriteString(ts.Text)
		if ts.Style.TextStyle.Bold && ts.Style.ColorName == theme.ColorNamePrimary {
			matched = append(matched, ts.Text)
		}
	}
	if b.String() != "…the old bridge in Mosul…" || strings.Join(matched, ",") != "bridge,Mosul" {
		t.Errorf("segments read %q, matched %q", b.String(), matched)
	}
}

// BenchmarkSearchRender measures building and laying out the hits shown after a keystroke
// (the first of a full page of 50 of each kind), which the UI goroutine does; the
// baseline lays out one plain wrapped label per hit shown, with the passage's text.
func BenchmarkSearchRender(b *testing.B) {
	test.NewTempApp(b)
	st, err := db.Open(context.Background(), filepath.Join(b.TempDir(), "bench.dossier"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	w := test.NewTempWindow(b, nil)
	w.Resize(fyne.NewSize(1200, 800))
	u := newUI(context.Background(), w, st)
	u.inline = true
	s := newSearchScreen(u)
	w.SetContent(s.content())
	snippet := "…the delegation from \x02Erbil\x03 arrived late, and the budget talks with Baghdad were put off until the \x02Erbil\x03 ministers…"
	var res app.SearchResults
	for i := range searchLimit {
		res.Articles = append(res.Articles, app.SearchHit{Kind: app.HitArticle, ID: int64(i + 1), Title: "Talks resume in Baghdad after a week", Snippet: snippet, Date: "2026-01-12", Source: "Harbour Gazette"})
		res.Actors = append(res.Actors, app.SearchHit{Kind: app.HitActor, ID: int64(i + 1), Title: "Kurdistan Regional Government", Snippet: "KRG\n\x02Erbil\x03 government", Source: "government body"})
		res.Notes = append(res.Notes, app.SearchHit{Kind: app.HitNote, ID: int64(i + 1), Title: "Talks resume", Snippet: snippet, ArticleID: 1})
	}
	res.ArticleTotal = 1234
	q := app.SearchQuery{Text: "Erbil", Limit: searchLimit}
	b.Run("baseline-labels", func(b *testing.B) {
		for b.Loop() {
			box := container.NewVBox()
			for range searchFirstArticles + 2*searchFirstOthers {
				l := widget.NewLabel(snippet)
				l.Wrapping = fyne.TextWrapWord
				box.Add(l)
			}
			box.Resize(fyne.NewSize(1100, box.MinSize().Height))
		}
	})
	b.Run("results", func(b *testing.B) {
		for b.Loop() {
			s.shown = app.SearchQuery{}
			s.render(q, res)
			s.scroll.Content.Resize(fyne.NewSize(1100, s.scroll.Content.MinSize().Height))
		}
	})
}

func TestSearchSaysWhenNotAllArticlesAreListed(t *testing.T) {
	_, _, s, _ := searchUI(t)
	hits := make([]app.SearchHit, searchLimit)
	for i := range hits {
		hits[i] = app.SearchHit{Kind: app.HitArticle, ID: int64(i + 1), Title: "Oil", Snippet: "\x02oil\x03 prices"}
	}
	q := app.SearchQuery{Text: "oil", Limit: searchLimit}
	tests := []struct {
		name string
		res  app.SearchResults
		want []string
	}{
		{"counted", app.SearchResults{Articles: hits, ArticleTotal: 1234, Order: app.OrderRelevance},
			[]string{"Articles  1,234", "50 of the 1,234 matching articles are listed"}},
		{"estimated, best of the recent", app.SearchResults{Articles: hits, ArticleTotal: -1, ArticleEstimate: 40000,
			Order: app.OrderRecentRelevance, Recent: true},
			[]string{"Articles  about 40,000", "50 of about 40,000 matching articles", "the best are picked from the most recently filed"}},
		{"not counted, newest first", app.SearchResults{Articles: hits, ArticleTotal: -1, Order: app.OrderFiled, Recent: true},
			[]string{"Articles  50+", "The first 50 matching articles are listed", "newest first"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s.search() // a fresh generation, as a keystroke makes
			s.apply(s.gen, q, tc.res, nil)
			if !strings.Contains(screenText(s), "Show 30 more articles") {
				t.Errorf("no Show more: %s", screenText(s))
			}
			s.expand(app.HitArticle) // the count of what is left out comes under the whole group
			got := screenText(s)
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("the screen lacks %q: %s", w, got)
				}
			}
		})
	}
}

func TestSearchShowMore(t *testing.T) {
	_, st, s, _ := searchUI(t)
	for i := range searchFirstArticles + 3 {
		mustArticle(t, st, fmt.Sprintf("Grain report %d", i), "2026-01-12", fmt.Sprintf("Wheat harvest figures, part %d.", i))
	}
	typeQuery(s, "wheat")
	if len(s.res.Articles) != searchFirstArticles+3 || len(s.rows) != searchFirstArticles {
		t.Fatalf("%d hits, %d rows built", len(s.res.Articles), len(s.rows))
	}
	var more *widget.Button
	for _, o := range test.LaidOutObjects(s.results) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Show 3 more articles" {
			more = b
		}
	}
	if more == nil {
		t.Fatalf("no Show more button: %s", screenText(s))
	}
	test.Tap(more)
	if len(s.rows) != searchFirstArticles+3 {
		t.Errorf("%d rows after Show more", len(s.rows))
	}
	if f, ok := s.u.win.Canvas().Focused().(*searchRow); !ok || f.index != searchFirstArticles {
		t.Errorf("the keyboard is on %v, want the first new hit", s.u.win.Canvas().Focused())
	}
	typeQuery(s, "wheat harvest")
	if len(s.rows) != searchFirstArticles {
		t.Errorf("a new search kept the group open: %d rows", len(s.rows))
	}
}

func TestSearchReloadFollowsTheProject(t *testing.T) {
	u, st, s, _ := searchUI(t)
	maliki := mustActor(t, st, "Nouri al-Maliki", app.Person, "Maliki")
	mustArticle(t, st, "Oil exports rise", "2026-01-12", "Oil exports rose, Maliki said.")
	typeQuery(s, "oil")
	s.setActor(maliki)
	if len(s.res.Articles) != 1 {
		t.Fatalf("first project: %v", hitIDs(s.res.Articles))
	}

	other, err := db.Open(context.Background(), filepath.Join(t.TempDir(), "other.dossier"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { other.Close() })
	a := mustArticle(t, other, "Oil field sold", "2025-03", "The oil field was sold.")
	u.store = other
	s.reload()
	if s.actor.ID != 0 || s.actorClear.Visible() || s.actorBtn.Text != "Any actor" {
		t.Errorf("the actor filter of the old project stayed: %+v", s.actor)
	}
	if len(s.res.Articles) != 1 || s.res.Articles[0].ID != a.ID || s.res.Articles[0].Title != a.Title {
		t.Errorf("after the switch: %+v", s.res.Articles)
	}
}

// TestSearchShowsRelations: the screen lists relations as their own group, found by their
// wording or a quote, with a dotless ı folded; a relation opens its source's dossier; a
// note's Markdown is shown as text.
func TestSearchShowsRelations(t *testing.T) {
	ctx := context.Background()
	_, st, s, routes := searchUI(t)
	yildiz := mustActor(t, st, "Yıldız Party", app.Party)
	cabinet := mustActor(t, st, "Cabinet of Iraq", app.GovernmentBody)
	art := mustArticle(t, st, "Coalition wobbles", "2026-02-10", "The Yıldız Party said it might withdraw support from the cabinet.")
	if _, err := st.CreateRelation(ctx, app.Relation{SourceID: yildiz.ID, Type: "threatens", TargetID: cabinet.ID, Start: "2026-02-10",
		Evidence: []app.Evidence{{ArticleID: art.ID, Quote: "it might withdraw support from the cabinet"}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.CreateNote(ctx, app.Note{Body: "## Programme\n> The **Yildiz** [manifesto](https://example.org/m) _matters_.", ActorID: yildiz.ID}); err != nil {
		t.Fatal(err)
	}

	typeQuery(s, `"withdraw support" AND Iraq`)
	if len(s.res.Relations) != 1 || len(s.res.Articles) != 0 {
		t.Fatalf("relations %+v, articles %+v", s.res.Relations, s.res.Articles)
	}
	if got := screenText(s); !strings.Contains(got, "Relations") {
		t.Errorf("no relations group: %s", got)
	}
	text, matches := rowText(s.rows[0])
	if !strings.Contains(text, "Yıldız Party threatens Cabinet of Iraq") || !strings.Contains(text, "10 Feb 2026") ||
		!containsFold(matches, "withdraw support") {
		t.Errorf("relation row shows %q, highlights %q", text, matches)
	}
	test.Tap(s.rows[0])
	if r := lastRoute(routes); r.screen != "dossier" || r.id != yildiz.ID {
		t.Errorf("the relation hit went to %+v", r)
	}

	typeQuery(s, "yildiz")
	if len(s.res.Actors) != 1 || len(s.res.Relations) != 1 || len(s.res.Notes) != 1 || len(s.res.Articles) != 1 {
		t.Fatalf("yildiz found %d articles, %d actors, %d relations, %d notes",
			len(s.res.Articles), len(s.res.Actors), len(s.res.Relations), len(s.res.Notes))
	}
	for _, r := range s.rows {
		if r.hit.Kind != app.HitNote {
			continue
		}
		text, _ := rowText(r)
		if strings.ContainsAny(text, "*_#>[]()") || strings.Contains(text, "example.org") || !strings.Contains(text, "Programme The Yildiz manifesto matters.") {
			t.Errorf("note row shows Markdown: %q", text)
		}
	}
}

// TestSearchSaysRelationsWereNotRanked: relations too many to rank are said to be the
// newest.
func TestSearchSaysRelationsWereNotRanked(t *testing.T) {
	_, _, s, _ := searchUI(t)
	res := app.SearchResults{Order: app.OrderRelevance, ArticleTotal: 0,
		Relations: []app.SearchHit{{Kind: app.HitRelation, ID: 7, Title: "A threatens B", ActorID: 1}}}
	s.render(app.SearchQuery{Text: "threatens"}, res)
	if got := screenText(s); strings.Contains(got, searchRelationsRecent) || !strings.Contains(got, "Relations") {
		t.Errorf("ranked relations: %s", got)
	}
	res.RelationsRecent = true
	s.render(app.SearchQuery{Text: "threat"}, res)
	if got := screenText(s); !strings.Contains(got, searchRelationsRecent) {
		t.Errorf("relations too many to rank, the screen says: %s", got)
	}
}
