package db

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"dossier/app"
	"dossier/app/suggest"
	"dossier/db/dbtest"
)

// Invented articles: the Harbor of Velmora and its people.
const (
	queueBodyA = `VELMORA — Dock inspector Tamsin Okonkwo-Reyes said on Monday that the Velmora Harbour Board had ignored her warnings. Okonkwo-Reyes told reporters the cranes were unsafe.`
	queueBodyB = `The Velmora Harbour Board met again. Tamsin Okonkwo-Reyes said the board had not answered her letters, and Okonkwo-Reyes asked for an inquiry.`
	queueBodyC = `Shipping agent Ludo Brannigan said the strike would end soon. Brannigan spoke after the vote.`
)

func queueNames(t *testing.T, s *Store) map[string]app.QueuedName {
	t.Helper()
	rows, err := s.SuggestionQueue(context.Background(), app.QueueQuery{})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]app.QueuedName{}
	for _, r := range rows {
		out[r.Name] = r
	}
	return out
}

func fileArticle(t *testing.T, s *Store, title, body string) app.Article {
	t.Helper()
	a, err := s.CreateArticle(context.Background(), app.Article{Title: title, Body: body})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestSuggestionQueueGroupsAcrossArticles(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	fileArticle(t, s, "Harbour warnings", queueBodyA)
	fileArticle(t, s, "Letters unanswered", queueBodyB)
	fileArticle(t, s, "Strike to end", queueBodyC)
	q := queueNames(t, s)
	tam, ok := q["Tamsin Okonkwo-Reyes"]
	if !ok {
		t.Fatalf("queue %v lacks Tamsin Okonkwo-Reyes", q)
	}
	if tam.Articles != 2 || tam.Kind != app.Person || !slices.Contains(tam.Aliases, "Okonkwo-Reyes") {
		t.Errorf("Tamsin Okonkwo-Reyes: %+v, want 2 articles, a person, alias Okonkwo-Reyes", tam)
	}
	if tam.Sample == "" || !containsFold(tam.Sample, "Okonkwo-Reyes") {
		t.Errorf("sample %q does not name her", tam.Sample)
	}
	if lb := q["Ludo Brannigan"]; lb.Articles != 1 {
		t.Errorf("Ludo Brannigan: %+v, want 1 article", lb)
	}
	// Busiest first.
	rows, err := s.SuggestionQueue(ctx, app.QueueQuery{})
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i < len(rows); i++ {
		if rows[i].Articles > rows[i-1].Articles {
			t.Fatalf("row %d (%d articles) after row %d (%d)", i, rows[i].Articles, i-1, rows[i-1].Articles)
		}
	}
	if n, err := s.CountSuggestionQueue(ctx); err != nil || n != len(rows) {
		t.Errorf("count %d, %v; listed %d", n, err, len(rows))
	}
	if n, err := s.PendingSuggestions(ctx); err != nil || n != 0 {
		t.Errorf("pending %d, %v after filing through the store, want 0", n, err)
	}
}

func containsFold(s, sub string) bool { return strings.Contains(app.Fold(s), app.Fold(sub)) }

// The queue follows every change to the project: edits, trash and restore, new actors
// and aliases, deleted actors, dismissed and restored names.
func TestSuggestionQueueFollowsTheProject(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	a := fileArticle(t, s, "Harbour warnings", queueBodyA)
	b := fileArticle(t, s, "Letters unanswered", queueBodyB)
	count := func(name string) int { return queueNames(t, s)[name].Articles }
	if count("Tamsin Okonkwo-Reyes") != 2 {
		t.Fatalf("want 2 articles at start: %v", queueNames(t, s))
	}
	step := func(what string, want int) {
		t.Helper()
		if got := count("Tamsin Okonkwo-Reyes"); got != want {
			t.Fatalf("after %s: %d articles, want %d", what, got, want)
		}
	}
	b.Body = "The board met again and said nothing."
	if _, err := s.UpdateArticle(ctx, b); err != nil {
		t.Fatal(err)
	}
	step("editing her out of one article", 1)
	if err := s.DeleteArticle(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	step("trashing the other", 0)
	if err := s.RestoreArticle(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	step("restoring it", 1)
	actor, err := s.CreateActor(ctx, app.Actor{Name: "T. Okonkwo-Reyes", Kind: app.Person})
	if err != nil {
		t.Fatal(err)
	}
	step("an unrelated spelling as actor", 1)
	if err := s.AddAlias(ctx, actor.ID, "Okonkwo-Reyes"); err != nil {
		t.Fatal(err)
	}
	// Her short name is now another actor's alias: she stays in the queue (that actor may
	// be someone else), with the short name withheld and the reason given.
	step("her short name became an alias of an actor", 1)
	tam, err := s.QueuedSuggestion(ctx, "Tamsin Okonkwo-Reyes")
	if err != nil {
		t.Fatal(err)
	}
	if slices.Contains(tam.Aliases, "Okonkwo-Reyes") || !slices.Contains(tam.Withheld,
		app.WithheldAlias{Alias: "Okonkwo-Reyes", Reason: "already a name of “T. Okonkwo-Reyes”"}) {
		t.Errorf("the actor's alias is still proposed, or withheld without the reason: %+v", tam)
	}
	if err := s.DeleteActor(ctx, actor.ID); err != nil {
		t.Fatal(err)
	}
	step("deleting that actor", 1)
	if err := s.DismissSuggestion(ctx, "tamsin okonkwo-reyes"); err != nil {
		t.Fatal(err)
	}
	step("dismissing her", 0)
	if _, err := s.QueuedSuggestion(ctx, "Tamsin Okonkwo-Reyes"); app.ErrorCode(err) != app.ENOTFOUND {
		t.Errorf("a dismissed name is found in the queue: %v", err)
	}
	if err := s.RestoreSuggestion(ctx, "Tamsin Okonkwo-Reyes"); err != nil {
		t.Fatal(err)
	}
	step("restoring the dismissed name", 1)
	if err := s.PurgeArticle(ctx, a.ID); err == nil {
		t.Fatal("purged a live article")
	}
}

// Articles written outside the store's filing paths (an older project's, the synthetic
// generator's) are pending until FillSuggestionQueue reads them, with progress.
func TestFillSuggestionQueueReadsPendingArticles(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	n := dbtest.Sizes{Articles: 250, Actors: 20}
	if err := dbtest.Synthesize(ctx, s.Path(), n, 7, nil); err != nil {
		t.Fatal(err)
	}
	if p, err := s.PendingSuggestions(ctx); err != nil || p != n.Articles {
		t.Fatalf("pending %d, %v; want %d", p, err, n.Articles)
	}
	if q := queueNames(t, s); len(q) != 0 {
		t.Fatalf("queue has %d names before any article was read", len(q))
	}
	var calls [][2]int
	if err := s.FillSuggestionQueue(ctx, func(done, total int) { calls = append(calls, [2]int{done, total}) }); err != nil {
		t.Fatal(err)
	}
	if len(calls) == 0 || calls[len(calls)-1] != [2]int{n.Articles, n.Articles} {
		t.Errorf("progress %v, want it to end at %d of %d", calls, n.Articles, n.Articles)
	}
	for i := 1; i < len(calls); i++ {
		if calls[i][0] <= calls[i-1][0] {
			t.Errorf("progress went back: %v", calls)
		}
	}
	if p, _ := s.PendingSuggestions(ctx); p != 0 {
		t.Errorf("%d still pending", p)
	}
	if len(queueNames(t, s)) == 0 {
		t.Error("queue empty after reading 250 articles")
	}
	// The synthetic actors' own names are known and never queued.
	rows, err := s.Actors(ctx, app.ActorQuery{})
	if err != nil {
		t.Fatal(err)
	}
	q := queueNames(t, s)
	for _, r := range rows {
		if _, ok := q[r.Name]; ok {
			t.Errorf("actor %q is in the queue", r.Name)
		}
	}
}

// Pages walked with the cursor give every row once, in order.
func TestSuggestionQueuePages(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	if err := dbtest.Synthesize(ctx, s.Path(), dbtest.Sizes{Articles: 60, Actors: 10}, 3, nil); err != nil {
		t.Fatal(err)
	}
	if err := s.FillSuggestionQueue(ctx, nil); err != nil {
		t.Fatal(err)
	}
	all, err := s.SuggestionQueue(ctx, app.QueueQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) < 20 {
		t.Fatalf("only %d names", len(all))
	}
	var walked []app.QueuedName
	var cur app.QueueCursor
	for {
		page, err := s.SuggestionQueue(ctx, app.QueueQuery{After: cur, Limit: 7})
		if err != nil {
			t.Fatal(err)
		}
		if len(page) == 0 {
			break
		}
		walked = append(walked, page...)
		cur = page[len(page)-1].Cursor()
	}
	if len(walked) != len(all) {
		t.Fatalf("walked %d rows, listed %d", len(walked), len(all))
	}
	for i := range all {
		if walked[i].Folded != all[i].Folded {
			t.Fatalf("row %d: walked %q, listed %q", i, walked[i].Folded, all[i].Folded)
		}
	}
}

func TestSentenceAround(t *testing.T) {
	text := "First one here. The mayor of Quillby, Anselm Dray, resigned! Last."
	at := len([]rune("First one here. The mayor of Quillby, "))
	if got, want := app.SentenceAround(text, at), "The mayor of Quillby, Anselm Dray, resigned!"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := app.SentenceAround(text, 9999); got != "" {
		t.Errorf("outside: %q", got)
	}
}

// A project made before the queue (version 6) has every live article pending once
// opened, and none of its trashed ones; the queue fills from them on first use.
func TestMigration7MarksOldArticlesPending(t *testing.T) {
	ctx := context.Background()
	old, path := openAtVersion(t, 6)
	if _, err := old.db.ExecContext(ctx, `INSERT INTO articles(uuid, title, body, hash, filed, updated, deleted) VALUES
		('a1', 'Harbour warnings', ?, 'h1', '', '', ''),
		('a2', 'Letters unanswered', ?, 'h2', '', '', ''),
		('a3', 'Strike to end', ?, 'h3', '', '', '2026-01-01T00:00:00Z')`, queueBodyA, queueBodyB, queueBodyC); err != nil {
		t.Fatal(err)
	}
	old.Close()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if n, err := s.PendingSuggestions(ctx); err != nil || n != 2 {
		t.Fatalf("pending %d, %v; want the 2 live articles", n, err)
	}
	if err := s.FillSuggestionQueue(ctx, nil); err != nil {
		t.Fatal(err)
	}
	q := queueNames(t, s)
	if q["Tamsin Okonkwo-Reyes"].Articles != 2 {
		t.Errorf("queue after the upgrade: %v", q)
	}
	if _, ok := q["Ludo Brannigan"]; ok {
		t.Error("a trashed article's name is in the queue")
	}
}

// An import leaves the articles it files pending for the review queue, so filing runs
// at full speed; FillSuggestionQueue then reads exactly those, and the queue needs no
// grouping when opened.
func TestImportFillsSuggestionQueue(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	dir := t.TempDir()
	for i, body := range []string{queueBodyA, queueBodyB, queueBodyC} {
		text := []string{"Harbour warnings", "Letters unanswered", "Strike to end"}[i] + "\n\n" + body + "\n"
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	sum, err := s.ImportFiles(ctx, []string{dir}, app.ImportOptions{})
	if err != nil || sum.Filed != 3 {
		t.Fatalf("import: %+v %v", sum, err)
	}
	if n, err := s.PendingSuggestions(ctx); err != nil || n != 3 {
		t.Errorf("pending %d, %v after an import, want the 3 articles filed", n, err)
	}
	if q := queueNames(t, s); len(q) != 0 {
		t.Errorf("queue before the pending articles are read: %v, want it empty", q)
	}
	if err := s.FillSuggestionQueue(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if n, err := s.PendingSuggestions(ctx); err != nil || n != 0 {
		t.Errorf("pending %d, %v after filling the queue, want 0", n, err)
	}
	q := queueNames(t, s)
	if q["Tamsin Okonkwo-Reyes"].Articles != 2 || q["Ludo Brannigan"].Articles != 1 {
		t.Errorf("queue after import: %v", q)
	}
}

// The rule behind an import's batch grouping: the queue it leaves is the one filing the
// same articles one at a time leaves (counts, kinds, names, aliases, samples).
func TestImportGroupsLikeFilingOneByOne(t *testing.T) {
	ctx := context.Background()
	bodies := []string{queueBodyA, queueBodyB, queueBodyC, queueBodyB + " Ludo Brannigan agreed.", queueBodyA + " Brannigan left."}
	one := openTest(t)
	dir := t.TempDir()
	for i, body := range bodies {
		title := fmt.Sprintf("Harbour report %d", i+1)
		if _, err := one.CreateArticle(ctx, app.Article{Title: title, Body: body}); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%d.txt", i)), []byte(title+"\n\n"+body+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	imported := openTest(t)
	if _, err := imported.ImportFiles(ctx, []string{dir}, app.ImportOptions{BatchSize: 2}); err != nil {
		t.Fatal(err)
	}
	if err := imported.FillSuggestionQueue(ctx, nil); err != nil {
		t.Fatal(err)
	}
	a, err := one.SuggestionQueue(ctx, app.QueueQuery{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := imported.SuggestionQueue(ctx, app.QueueQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(a) == 0 || len(a) != len(b) {
		t.Fatalf("filed one by one: %d names; imported: %d", len(a), len(b))
	}
	for i := range a {
		x, y := a[i], b[i]
		// Ids may differ between the projects, not what they point to.
		x.SampleArticle, y.SampleArticle = 0, 0
		if fmt.Sprint(x) != fmt.Sprint(y) {
			t.Errorf("row %d:\none by one %+v\nimported   %+v", i, x, y)
		}
	}
	// The trigger is back after the import: a later article is grouped too.
	before := queueNames(t, imported)["Ludo Brannigan"].Articles
	if _, err := imported.CreateArticle(ctx, app.Article{Title: "Late", Body: "Shipping agent Ludo Brannigan said so."}); err != nil {
		t.Fatal(err)
	}
	if q := queueNames(t, imported); before == 0 || q["Ludo Brannigan"].Articles != before+1 {
		t.Errorf("after the import, Ludo Brannigan: %+v, was in %d articles", q["Ludo Brannigan"], before)
	}
}

// TestQueueSaysWhyAFormIsWithheld: a form the article withholds (here a place) reaches the
// project's queue with its reason, so the Suggestions screen and `suggest --json` can say
// why it is not proposed.
func TestQueueSaysWhyAFormIsWithheld(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	fileArticle(t, s, "Dock strike", "Dockers of the Varnholt Dock Union met in Varnholt on Monday. "+
		"Varnholt said the strike would go on.")
	if err := s.FillSuggestionQueue(ctx, nil); err != nil {
		t.Fatal(err)
	}
	q, err := s.QueuedSuggestion(ctx, "Varnholt Dock Union")
	if err != nil {
		t.Fatal(err)
	}
	want := app.WithheldAlias{Alias: "Varnholt", Reason: suggest.ReasonPlace}
	if slices.Contains(q.Aliases, "Varnholt") || !slices.Contains(q.Withheld, want) {
		t.Errorf("queue row %+v: want %q withheld as a place", q, "Varnholt")
	}
}

// TestQueueWithholdsAliasCommonInProject: a one-word form that other articles of the
// project write in lower case is withheld with the reason, since the matcher ignores case
// and would link every "bridge" to the party.
func TestQueueWithholdsAliasCommonInProject(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	fileArticle(t, s, "Traffic", "The old bridge over the river was closed on Monday for repairs, the council said.")
	fileArticle(t, s, "Coalition talks", "The Bridge Alliance of Reformists joined the talks. Bridge said it wanted the finance ministry.")
	if err := s.FillSuggestionQueue(ctx, nil); err != nil {
		t.Fatal(err)
	}
	q, err := s.QueuedSuggestion(ctx, "Bridge Alliance of Reformists")
	if err != nil {
		t.Fatal(err)
	}
	want := app.WithheldAlias{Alias: "Bridge", Reason: ReasonCommonInProject}
	if slices.Contains(q.Aliases, "Bridge") || !slices.Contains(q.Withheld, want) {
		t.Errorf("queue row %+v: want “Bridge” withheld as a common word", q)
	}
	if !hasWord("Cambridge bridge.", "bridge") || hasWord("Cambridge", "bridge") || hasWord("bridges", "bridge") {
		t.Error("hasWord does not keep to whole words")
	}
}
