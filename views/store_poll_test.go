package views

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

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

// Each editor of the window, saving over a change another program made to the same
// record since the editor opened, is refused with the plain message and stays open with
// what was typed; the other program's change is kept.
func TestEditorsRefuseToSaveOverAnotherProgramsChange(t *testing.T) {
	ctx := context.Background()
	conflict := "was changed elsewhere (by a batch command or another program)"
	type editor struct {
		open  func(f *dossierFixture) (typed func() string, save func(), problem func() string)
		other func(f *dossierFixture, other *db.Store) error
	}
	editors := map[string]editor{
		"actor form": {
			open: func(f *dossierFixture) (func() string, func(), func() string) {
				a, _ := f.st.Actor(ctx, f.iraq.ID)
				f.u.actors.editActor(a, nil)
				form := f.u.actors.form
				form.description.SetText("typed in the window")
				return func() string { return form.description.Text }, func() { test.Tap(form.save) }, func() string { return form.problem.Text }
			},
			other: func(f *dossierFixture, other *db.Store) error {
				return other.AddAlias(ctx, f.iraq.ID, "Republic of Iraq")
			},
		},
		"article editor": {
			open: func(f *dossierFixture) (func() string, func(), func() string) {
				a, _ := f.st.Article(ctx, f.article.ID)
				f.u.articles.editArticle(a)
				ed := f.u.articles.editor
				ed.notes.SetText("typed in the window")
				return func() string { return ed.notes.Text }, func() { test.Tap(ed.saveBtn) }, func() string { return ed.message.Text }
			},
			other: func(f *dossierFixture, other *db.Store) error {
				a, err := other.Article(ctx, f.article.ID)
				if err == nil {
					a.Title += " (corrected)"
					_, err = other.UpdateArticle(ctx, a)
				}
				return err
			},
		},
		"relation editor": {
			open: func(f *dossierFixture) (func() string, func(), func() string) {
				ed := openEditor(t, f, f.threat, nil, nil)
				ed.note.SetText("typed in the window")
				return func() string { return ed.note.Text }, func() { test.Tap(ed.save) }, func() string { return ed.problem.Text }
			},
			other: func(f *dossierFixture, other *db.Store) error {
				_, err := other.AddEvidence(ctx, f.threat.ID, app.Evidence{ArticleID: f.article.ID, Quote: "hold Trump responsible"})
				return err
			},
		},
		"note editor": {
			open: func(f *dossierFixture) (func() string, func(), func() string) {
				s := f.open(f.trump)
				f.u.win.SetContent(s.content())
				notes, _ := f.st.ActorNotes(ctx, f.trump.ID)
				s.editNote(notes[0])
				ed := s.noteEditor
				ed.entry.SetText("typed in the window")
				return func() string { return ed.entry.Text }, func() { test.Tap(ed.save) }, func() string { return ed.problem.Text }
			},
			other: func(f *dossierFixture, other *db.Store) error {
				notes, err := other.ActorNotes(ctx, f.trump.ID)
				if err == nil {
					notes[0].Body = "written by a script"
					_, err = other.UpdateNote(ctx, notes[0])
				}
				return err
			},
		},
	}
	for name, e := range editors {
		t.Run(name, func(t *testing.T) {
			f := newDossierFixture(t)
			if _, err := f.st.CreateNote(ctx, app.Note{Body: "An early note.", ActorID: f.trump.ID}); err != nil {
				t.Fatal(err)
			}
			other, err := db.Open(ctx, f.st.Path())
			if err != nil {
				t.Fatal(err)
			}
			defer other.Close()
			typed, save, problem := e.open(f)
			if err := e.other(f, other); err != nil {
				t.Fatal(err)
			}
			save()
			if !strings.Contains(problem(), conflict) {
				t.Fatalf("the editor says %q, want the conflict", problem())
			}
			if typed() != "typed in the window" || f.u.win.Canvas().Overlays().Top() == nil {
				t.Fatal("the editor closed or lost what was typed")
			}
		})
	}
}

// The relation editor's own Add this source moves the relation's stamp with it, so its
// later save goes through; but a change another program made before that add still
// stops the save.
func TestRelationEditorOwnSourceKeepsItsStamp(t *testing.T) {
	ctx := context.Background()
	for _, outside := range []bool{false, true} {
		f := newDossierFixture(t)
		second := mustArticle(t, f.st, "Iraq answers Washington", "2026-01-30", "Baghdad said the threat to stop helping Iraq was noted.")
		other, err := db.Open(ctx, f.st.Path())
		if err != nil {
			t.Fatal(err)
		}
		ed := openEditor(t, f, f.threat, nil, nil)
		if outside {
			r, _ := other.Relation(ctx, f.threat.ID)
			r.Note = "written by a script"
			if _, err := other.UpdateRelation(ctx, r); err != nil {
				t.Fatal(err)
			}
		}
		other.Close()
		ed.pickArticle = func(onPicked func(app.Article)) {
			a, _ := f.st.Article(ctx, second.ID)
			onPicked(a)
		}
		test.Tap(ed.articleBtn)
		test.Type(ed.quote, "the threat to stop helping Iraq")
		test.Tap(ed.addSource)
		ed.note.SetText("typed in the window")
		test.Tap(ed.save)
		refused := strings.Contains(ed.problem.Text, "was changed elsewhere")
		if refused != outside {
			t.Fatalf("outside change %v: save refused %v (%q)", outside, refused, ed.problem.Text)
		}
	}
}
