package db

import (
	"context"
	"slices"
	"testing"
	"time"

	"dossier/app"
	"dossier/app/ingest"
)

// TestStoreClockIsTheOnlyTime: with the store's clock set, every time any write records
// (created, filed, updated, deleted, dismissed, in every table that has one) is the
// clock's. The columns are found from the schema, so a write that reads the system's
// clock anywhere fails here.
func TestStoreClockIsTheOnlyTime(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	fixed := time.Date(2031, 7, 4, 9, 30, 0, 0, time.UTC)
	s.clock = func() time.Time { return fixed }
	want := fixed.Format(time.RFC3339Nano)

	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	a := mustActor(t, s, "Harbour Board", app.Organisation)
	b := mustActor(t, s, "Ferry Union", app.Organisation)
	c := mustActor(t, s, "Old Ferry Union", app.Organisation)
	a.Description = "runs the port"
	_, err := s.UpdateActor(ctx, a)
	must(err)
	_, err = s.MergeActors(ctx, b.ID, c.ID)
	must(err)
	art := mustArticle(t, s, "The Harbour Board met the Ferry Union on Tuesday.")
	art.Notes = "first meeting"
	_, err = s.UpdateArticle(ctx, art)
	must(err)
	gone := mustArticle(t, s, "A short note on tides.")
	must(s.DeleteArticle(ctx, gone.ID))
	_, err = s.ImportArticles(ctx, slices.Values([]ingest.Item{{Path: "wire.txt", Article: app.Article{
		Title: "Tariffs rise", Body: "The Harbour Board raised ferry tariffs on Friday."}}}), app.ImportOptions{})
	must(err)
	r, err := s.CreateRelation(ctx, app.Relation{SourceID: a.ID, Type: "threatens", TargetID: b.ID, Start: "2031-07",
		Evidence: []app.Evidence{{ArticleID: art.ID, Quote: "met the Ferry Union"}}})
	must(err)
	r.Note = "talks stalled"
	_, err = s.UpdateRelation(ctx, r)
	must(err)
	_, err = s.FileRelation(ctx, app.Relation{SourceID: a.ID, Type: "threatens", TargetID: b.ID, Start: "2031-07",
		Note: "said again", Evidence: []app.Evidence{{ArticleID: art.ID, Quote: "Harbour Board"}}}, false)
	must(err)
	n, err := s.CreateNote(ctx, app.Note{ActorID: a.ID, Body: "ask about the tariffs"})
	must(err)
	n.Body = "asked about the tariffs"
	_, err = s.UpdateNote(ctx, n)
	must(err)
	must(s.DismissSuggestion(ctx, "Tuesday"))

	timeColumns := map[string]bool{"created": true, "filed": true, "updated": true, "deleted": true, "dismissed": true}
	tables, err := s.db.QueryContext(ctx, `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
	must(err)
	var names []string
	for tables.Next() {
		var name string
		must(tables.Scan(&name))
		names = append(names, name)
	}
	tables.Close()
	checked := map[string]int{}
	for _, table := range names {
		cols, err := s.db.QueryContext(ctx, `SELECT name FROM pragma_table_info(?)`, table)
		must(err)
		var timed []string
		for cols.Next() {
			var col string
			must(cols.Scan(&col))
			if timeColumns[col] {
				timed = append(timed, col)
			}
		}
		cols.Close()
		for _, col := range timed {
			rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT "`+col+`" FROM "`+table+`" WHERE "`+col+`" != ''`)
			must(err)
			for rows.Next() {
				var got string
				must(rows.Scan(&got))
				checked[table+"."+col]++
				if got != want {
					t.Errorf("%s.%s holds %q, not the store's clock %q", table, col, got, want)
				}
			}
			rows.Close()
		}
	}
	for _, col := range []string{"actors.created", "actors.updated", "articles.filed", "articles.updated",
		"articles.deleted", "relations.created", "relations.updated", "notes.created", "notes.updated", "dismissed_suggestions.dismissed"} {
		if checked[col] == 0 {
			t.Errorf("nothing was written to %s: the test no longer covers it", col)
		}
	}
}

// Each store keeps its own names matchers: two projects never share one, and closing a
// store drops its matchers.
func TestMatcherCacheIsPerStore(t *testing.T) {
	ctx := context.Background()
	s1, s2 := openTest(t), openTest(t)
	mustActor(t, s1, "Harbour Board", app.Organisation)
	mustActor(t, s2, "Ferry Union", app.Organisation)
	mustArticle(t, s1, "The Harbour Board met.")
	mustArticle(t, s2, "The Ferry Union met.")
	if len(s1.matchers.recent) != 1 || len(s2.matchers.recent) != 1 || s1.matchers.recent[0].m == s2.matchers.recent[0].m {
		t.Fatalf("matchers: %d in the first store, %d in the second, shared %v", len(s1.matchers.recent), len(s2.matchers.recent),
			len(s1.matchers.recent) > 0 && len(s2.matchers.recent) > 0 && s1.matchers.recent[0].m == s2.matchers.recent[0].m)
	}
	m, err := s1.matchers.matcher(ctx, s1.db)
	if err != nil || len(m.Find("Ferry Union")) != 0 || len(m.Find("Harbour Board")) != 1 {
		t.Errorf("the first store's matcher knows the other project's names (err %v)", err)
	}
}
