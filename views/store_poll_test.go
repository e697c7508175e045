package views

import (
	"context"
	"strings"
	"testing"

	"dossier/app"
	"dossier/db"
)

// The window notices what another program (a batch command) commits to its project:
// one poll after the commit refreshes the counts, the list or dossier on screen, while a
// form the user is typing in stays open with its text. The poll is what the window's
// one-second tick runs; the test calls it itself.
func TestWindowSeesAnotherProgramsChanges(t *testing.T) {
	mw, st := newTestWindow(t)
	ctx := context.Background()
	if err := st.LockWindow(); err != nil {
		t.Fatal(err)
	}
	other, err := db.Open(ctx, st.Path()) // a batch command beside the window
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	status := func() string { return mw.status.Text }

	// Nothing changed: a poll refreshes nothing.
	gen := mw.u.articles.gen
	mw.pollOthers()
	if mw.u.articles.gen != gen {
		t.Fatal("a poll with no change elsewhere reloaded the list")
	}

	// The articles list and the counts.
	if _, err := other.CreateArticle(ctx, app.Article{Title: "Ferry crews strike", Body: "The ferry crews stopped work at dawn.", Source: "Test Wire"}); err != nil {
		t.Fatal(err)
	}
	mw.pollOthers()
	if !strings.HasSuffix(status(), "1 article, 0 actors") || mw.u.articles.total != 1 {
		t.Fatalf("after another program filed an article: status %q, list %d", status(), mw.u.articles.total)
	}

	// The actors list.
	mw.u.navigate(route{screen: "actors"})
	union, err := other.CreateActor(ctx, app.Actor{Name: "Ferry Union", Kind: app.Organisation})
	if err != nil {
		t.Fatal(err)
	}
	mw.pollOthers()
	if mw.u.actors.total != 1 || !strings.HasSuffix(status(), "1 article, 1 actor") {
		t.Fatalf("after another program added an actor: list %d, status %q", mw.u.actors.total, status())
	}

	// The open dossier, with a form open over it: the dossier follows, the form keeps
	// what is typed.
	mw.u.openDossier(union.ID)
	mw.u.actors.editActor(union, nil)
	form := mw.u.actors.form
	form.description.SetText("Typed in the window, not saved yet")
	union.Description = "Written by a script"
	if _, err := other.UpdateActor(ctx, union); err != nil {
		t.Fatal(err)
	}
	mw.pollOthers()
	if got := mw.u.dossier.d.Actor.Description; got != "Written by a script" {
		t.Fatalf("the open dossier shows %q after another program's edit", got)
	}
	if mw.u.actors.form != form || form.description.Text != "Typed in the window, not saved yet" {
		t.Fatal("the refresh lost the form being typed in")
	}
}

// The window's writes wait their turn with the default patience, and the status bar
// says while they wait.
func TestWindowSaysWhenAWriteWaits(t *testing.T) {
	mw, _ := newTestWindow(t)
	p, ok := app.PatienceOf(mw.u.ctx)
	if !ok || p.Wait != app.DefaultWait || p.Waiting == nil {
		t.Fatalf("the window's patience = %+v (set: %v)", p, ok)
	}
	p.Waiting(true)
	if !mw.waiting.Visible() || mw.waiting.Text != waitingText {
		t.Fatalf("waiting: %v %q", mw.waiting.Visible(), mw.waiting.Text)
	}
	p.Waiting(false)
	if mw.waiting.Visible() {
		t.Fatal("the waiting line stayed after the wait")
	}
}

// A whole project open read-only (read-only media, or --read-only) shows a banner that
// says why and that nothing can be changed.
func TestReadOnlyProjectShowsWhyInTheBanner(t *testing.T) {
	mw, st := newTestWindow(t)
	ctx := context.Background()
	path := st.Path()
	ro, err := db.OpenForReading(ctx, path, "the disc it is on is read-only", false)
	if err != nil {
		t.Fatal(err)
	}
	mw.switchTo(ro)
	t.Cleanup(func() { ro.Close() })
	if !mw.banner.Visible() {
		t.Fatal("a read-only project shows no banner")
	}
	mustContain(t, dossierText(mw.banner), "read-only", "the disc it is on is read-only", "nothing can be changed")
}
