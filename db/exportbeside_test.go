package db

import (
	"context"
	"strconv"
	"testing"
	"time"

	"dossier/app"
)

// TestEachExportArticleBeside: the articles read on a connection of their own are those
// EachExportArticle gives, across pages, trashed ones left out, and they are read while
// the store's only connection is held by someone else (as the vault's relation reader
// holds it); a project opened for reading only gives them too, on its own connection.
func TestEachExportArticleBeside(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	for i := range exportPage + 20 {
		if _, err := s.CreateArticle(ctx, app.Article{Title: "Report " + strconv.Itoa(i), Body: "Text of report " + strconv.Itoa(i) + "."}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.DeleteArticle(ctx, 3); err != nil {
		t.Fatal(err)
	}
	collect := func(each func(context.Context, app.ExportScope, func(app.Article) error) error, ctx context.Context) []string {
		t.Helper()
		var out []string
		if err := each(ctx, app.ExportScope{}, func(a app.Article) error {
			out = append(out, a.UUID+" "+a.Title+" "+a.Body)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		return out
	}
	want := collect(s.EachExportArticle, ctx)
	if len(want) != exportPage+19 {
		t.Fatalf("%d articles exported, want %d", len(want), exportPage+19)
	}
	same := func(what string, got []string) {
		t.Helper()
		if len(got) != len(want) {
			t.Fatalf("%s: %d articles, want %d", what, len(got), len(want))
		}
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("%s: article %d is %q, want %q", what, i, got[i], want[i])
			}
		}
	}

	// The store's one connection held: only a reader of its own can go on. The deadline
	// turns a reader waiting for that connection into a failure instead of a hang.
	held, err := s.db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	wait, cancel := context.WithTimeout(ctx, 30*time.Second)
	same("beside a held connection", collect(s.EachExportArticleBeside, wait))
	cancel()
	held.Close()

	path := s.Path()
	s.Close()
	r, err := OpenForReading(ctx, path, "a test reads only", true)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	same("read-only project", collect(r.EachExportArticleBeside, ctx))
}
