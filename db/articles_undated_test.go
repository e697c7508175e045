package db

import (
	"context"
	"testing"

	"dossier/app"
)

// TestUndatedArticlesStayTogether checks the order the article list relies on to show the
// undated articles as a group: after every dated one newest first, before them oldest
// first, and the Undated filter that counts them.
func TestUndatedArticlesStayTogether(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	file := func(title, date string) {
		t.Helper()
		if _, err := s.CreateArticle(ctx, app.Article{Title: title, Date: app.Date(date), Body: "Text of " + title + "."}); err != nil {
			t.Fatal(err)
		}
	}
	file("Old", "2025-03-01")
	file("Lost one", "")
	file("New", "2026-02-01")
	file("Lost two", "")
	file("Middle", "2025")

	titles := func(q app.ArticleQuery) []string {
		rows, err := s.Articles(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, r := range rows {
			out = append(out, r.Title)
		}
		return out
	}
	for _, c := range []struct {
		sort app.ArticleSort
		want []string
	}{
		{app.NewestFirst, []string{"New", "Old", "Middle", "Lost two", "Lost one"}},
		{app.OldestFirst, []string{"Lost one", "Lost two", "Middle", "Old", "New"}},
	} {
		got := titles(app.ArticleQuery{Sort: c.sort})
		if len(got) != len(c.want) {
			t.Fatalf("sort %d: %v", c.sort, got)
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Fatalf("sort %d: %v, want %v", c.sort, got, c.want)
			}
		}
	}
	if n, err := s.CountArticles(ctx, app.ArticleQuery{Undated: true}); err != nil || n != 2 {
		t.Fatalf("undated count %d, %v", n, err)
	}
	if n, _ := s.CountArticles(ctx, app.ArticleQuery{Undated: true, Text: "two"}); n != 1 {
		t.Fatalf("undated matching “two”: %d", n)
	}
	if got := titles(app.ArticleQuery{Undated: true, Sort: app.ByTitle}); len(got) != 2 || got[0] != "Lost one" {
		t.Fatalf("undated rows %v", got)
	}
}
