package views

import (
	"context"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"dossier/app"
	"dossier/db"
)

// newTestUI opens a fresh project in a temp folder and a headless window around it. Work
// runs inline so tests can assert right after an action.
func newTestUI(t *testing.T) (*UI, *db.Store) {
	t.Helper()
	test.NewTempApp(t)
	ctx := context.Background()
	st, err := db.Open(ctx, filepath.Join(t.TempDir(), "test.dossier"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(1200, 800))
	u := newUI(ctx, w, st)
	u.inline = true
	return u, st
}

// mustActor files an actor or fails the test.
func mustActor(t *testing.T, st *db.Store, name string, kind app.ActorKind, aliases ...string) app.Actor {
	t.Helper()
	a, err := st.CreateActor(context.Background(), app.Actor{Name: name, Kind: kind, Aliases: aliases})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// mustArticle files an article or fails the test.
func mustArticle(t *testing.T, st *db.Store, title, date, body string) app.Article {
	t.Helper()
	a, err := st.CreateArticle(context.Background(), app.Article{Title: title, Date: app.MustDate(date), Body: body, Source: "Test Wire"})
	if err != nil {
		t.Fatal(err)
	}
	return a
}
