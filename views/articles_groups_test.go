package views

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"

	"dossier/app"
)

// TestArticleLayoutMapsEveryArticleOnce walks every list row of many layouts: each store
// offset appears on exactly one row, rowOf finds that row back, the undated group comes
// first under its header, and a list without undated articles has no headers.
func TestArticleLayoutMapsEveryArticleOnce(t *testing.T) {
	for _, sort := range []app.ArticleSort{app.NewestFirst, app.OldestFirst, app.ByTitle} {
		for undated := 0; undated <= 4; undated++ {
			for dated := 0; dated <= 4; dated++ {
				l := articleLayout{undated: undated, dated: dated, sort: sort}
				seen := map[int]bool{}
				headers := 0
				for i := 0; i < l.length(); i++ {
					off, header := l.at(i)
					if header != "" {
						headers++
						continue
					}
					if off < 0 || off >= undated+dated || seen[off] {
						t.Fatalf("%+v: row %d maps to offset %d (seen %v)", l, i, off, seen[off])
					}
					seen[off] = true
					if back := l.rowOf(off); back != i {
						t.Fatalf("%+v: offset %d is on row %d, rowOf says %d", l, off, i, back)
					}
					// The store's undated articles sit at the end newest first, at the start oldest first.
					storeUndated := off >= dated
					if sort == app.OldestFirst {
						storeUndated = off < undated
					}
					if l.grouped() && storeUndated != (i <= undated) {
						t.Fatalf("%+v: row %d (offset %d) is in the wrong group", l, i, off)
					}
				}
				if len(seen) != undated+dated {
					t.Fatalf("%+v: %d of %d articles have a row", l, len(seen), undated+dated)
				}
				wantHeaders := 0
				if sort != app.ByTitle && undated > 0 {
					wantHeaders = 1
					if dated > 0 {
						wantHeaders = 2
					}
				}
				if headers != wantHeaders {
					t.Fatalf("%+v: %d headers, want %d", l, headers, wantHeaders)
				}
			}
		}
	}
}

func TestArticleListShowsUndatedAsAGroup(t *testing.T) {
	u, st, _ := articlesUI(t)
	s := u.articles
	mustArticle(t, st, "Budget passes", "2026-01-20", "The assembly passed the budget.")
	mustArticle(t, st, "Ferry returns", "2026-01-22", "The ferry is back in service.")
	lost, err := st.CreateArticle(context.Background(), app.Article{Title: "Leaflet from the square", Body: "A leaflet handed out in the square, no date on it."})
	if err != nil {
		t.Fatal(err)
	}
	s.reload()
	obj := newArticleRowObject()
	var rows []string
	for i := 0; i < s.list.Length(); i++ {
		s.updateRow(i, obj)
		rows = append(rows, obj.(*widget.RichText).String())
	}
	want := []string{"Undated — 1 article", "Leaflet from the square", "Dated — 2 articles, newest first", "Ferry returns", "Budget passes"}
	if len(rows) != len(want) {
		t.Fatalf("rows %q", rows)
	}
	for i, w := range want {
		if !strings.HasPrefix(rows[i], w) {
			t.Errorf("row %d is %q, want it to start %q", i, rows[i], w)
		}
	}
	if !strings.Contains(rows[1], "undated") {
		t.Errorf("the undated row's second line does not say so: %q", rows[1])
	}
	if s.header.Text != "3 articles" {
		t.Errorf("header %q", s.header.Text)
	}
	// Tapping a header opens nothing; tapping the undated row opens it, which says "undated".
	s.list.Select(0)
	if s.view.articleID != 0 {
		t.Errorf("a header opened article #%d", s.view.articleID)
	}
	s.list.Select(1)
	if s.view.articleID != lost.ID {
		t.Fatalf("row 1 opened #%d, want #%d", s.view.articleID, lost.ID)
	}
	if meta := s.view.meta.String(); !strings.Contains(meta, "undated") {
		t.Errorf("the article view's line under the title is %q, want it to say undated", meta)
	}
	// Oldest first keeps the undated group first too.
	s.sorter.SetSelected("Oldest first")
	s.updateRow(3, obj)
	if got := obj.(*widget.RichText).String(); !strings.HasPrefix(got, "Budget passes") {
		t.Errorf("oldest first, row 3 is %q", got)
	}
}
