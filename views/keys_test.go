package views

import (
	"context"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
	"dossier/db"
)

// pressKey delivers a key the way the desktop driver does: to the focused widget, or to
// the canvas when nothing has the focus.
func pressKey(u *UI, name fyne.KeyName) {
	c := u.win.Canvas()
	ev := &fyne.KeyEvent{Name: name}
	if f := c.Focused(); f != nil {
		f.TypedKey(ev)
		return
	}
	if fn := c.OnTypedKey(); fn != nil {
		fn(ev)
	}
}

// pressShortcut delivers a shortcut as the driver does after the main menu: to the
// focused widget when it takes shortcuts, else to the canvas.
func pressShortcut(u *UI, sc fyne.Shortcut) {
	c := u.win.Canvas()
	if f, ok := c.Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(sc)
		return
	}
	c.(fyne.Shortcutable).TypedShortcut(sc)
}

// keyWidget is the Fyne widget inside a key-aware one (keys.go), or o itself, for tests
// that look for fields and buttons by their Fyne type.
func keyWidget(o fyne.CanvasObject) fyne.CanvasObject {
	switch w := o.(type) {
	case *keyEntry:
		return &w.Entry
	case *keySelect:
		return &w.Select
	case *keyCheck:
		return &w.Check
	case *keyButton:
		return &w.Button
	case *keyList:
		return &w.List
	}
	return o
}

// overlays is how many dialogs are open.
func overlays(u *UI) int { return len(u.win.Canvas().Overlays().List()) }

// topText is all the text of the topmost dialog.
func topText(u *UI) string { return strings.Join(overlayTexts(u), " ") }

// keysFixture is a window over a project with an actor, an article naming it, and notes.
type keysFixture struct {
	mw      *Window
	u       *UI
	st      *db.Store
	actor   app.Actor
	union   app.Actor // made by relationDraft
	article app.Article
	note    app.Note
}

func newKeysFixture(t *testing.T) *keysFixture {
	t.Helper()
	mw, st := newTestWindow(t)
	f := &keysFixture{mw: mw, u: mw.u, st: st}
	f.actor = mustActor(t, st, "Harbour Authority", app.Organisation)
	f.article = mustArticle(t, st, "Harbour reopens", "2026-02-01", "The Harbour Authority reopened the quays on Sunday.")
	var err error
	if f.note, err = st.CreateNote(context.Background(), app.Note{ArticleID: f.article.ID, Body: "Check the tonnage figures."}); err != nil {
		t.Fatal(err)
	}
	return f
}

// keyedDialogs opens every dialog of the screens in its plain state, one per entry.
var keyedDialogs = []struct {
	name string
	open func(t *testing.T, f *keysFixture)
}{
	{"article editor", func(t *testing.T, f *keysFixture) { f.u.articles.newArticle() }},
	{"paste an article", func(t *testing.T, f *keysFixture) {
		f.u.articles.newArticle()
		test.Tap(f.u.articles.editor.pasteBtn)
	}},
	{"already filed", func(t *testing.T, f *keysFixture) {
		f.u.articles.newArticle()
		ed := f.u.articles.editor
		ed.title.SetText("Harbour reopens again")
		ed.body.SetText(f.article.Body)
		test.Tap(ed.saveBtn)
	}},
	{"move to the trash", func(t *testing.T, f *keysFixture) { f.u.articles.confirmDelete(f.article) }},
	{"trash", func(t *testing.T, f *keysFixture) { f.u.articles.showTrash() }},
	{"article note editor", func(t *testing.T, f *keysFixture) { f.u.articles.editNote(app.Note{ArticleID: f.article.ID}) }},
	{"delete an article note", func(t *testing.T, f *keysFixture) { f.u.articles.confirmDeleteNote(f.note) }},
	{"no passage selected", func(t *testing.T, f *keysFixture) {
		f.u.openArticle(f.article.ID, [2]int{})
		f.u.articles.view.startSelecting()
		f.u.articles.view.sel.passage()
	}},
	{"add a name", func(t *testing.T, f *keysFixture) {
		f.u.openArticle(f.article.ID, [2]int{})
		f.u.articles.view.sel.offerAlias(f.actor, "the port authority")
	}},
	{"actor form", func(t *testing.T, f *keysFixture) { f.u.actors.editActor(app.Actor{Kind: app.Person}, nil) }},
	{"actor already exists", func(t *testing.T, f *keysFixture) {
		f.u.actors.editActor(app.Actor{Kind: app.Organisation}, nil)
		f.u.actors.form.name.SetText(f.actor.Name)
		test.Tap(f.u.actors.form.save)
	}},
	{"actor picker", func(t *testing.T, f *keysFixture) { f.u.chooseDossier() }},
	{"delete an actor", func(t *testing.T, f *keysFixture) {
		f.u.actors.deleteRow(app.ActorRow{ID: f.actor.ID, Name: f.actor.Name})
	}},
	{"merge actors", func(t *testing.T, f *keysFixture) {
		f.u.actors.confirmMerge(f.actor, app.ActorRow{ID: f.actor.ID + 100, Name: "Port Authority"})
	}},
	{"dossier note editor", func(t *testing.T, f *keysFixture) {
		f.u.openDossier(f.actor.ID)
		f.u.dossier.editNote(app.Note{ActorID: f.actor.ID})
	}},
	{"delete a dossier note", func(t *testing.T, f *keysFixture) {
		f.u.openDossier(f.actor.ID)
		f.u.dossier.confirmDeleteNote(app.Note{ID: f.note.ID, Body: f.note.Body})
	}},
	{"export the dossier", func(t *testing.T, f *keysFixture) {
		f.u.openDossier(f.actor.ID)
		f.u.dossier.exportCSV()
	}},
	{"nothing to export", func(t *testing.T, f *keysFixture) { f.u.dossier.exportCSV() }},
	{"search: mentions an actor", func(t *testing.T, f *keysFixture) {
		f.u.openSearch()
		f.u.search.chooseActor()
	}},
	{"keyboard shortcuts", func(t *testing.T, f *keysFixture) { f.mw.showShortcuts() }},
	{"new project", func(t *testing.T, f *keysFixture) { f.mw.newProject() }},
	{"save a copy", func(t *testing.T, f *keysFixture) { f.mw.saveCopy() }},
	{"remove sample data", func(t *testing.T, f *keysFixture) { f.mw.removeSample() }},
	{"new relation", func(t *testing.T, f *keysFixture) { f.u.editRelation(app.Relation{}, nil) }},
	{"new relation from a quote", func(t *testing.T, f *keysFixture) { f.u.editRelation(f.relationDraft(t), nil) }},
	{"edit a relation", func(t *testing.T, f *keysFixture) { f.u.editRelation(f.storedRelation(t), nil) }},
	{"relation already recorded", func(t *testing.T, f *keysFixture) {
		f.storedRelation(t)
		ed := f.relationEditor(t, f.relationDraft(t))
		ed.start.SetText("Feb 2026")
		test.Tap(ed.save)
		mustTop(t, f.u, "Already recorded")
	}},
	{"new relation type", func(t *testing.T, f *keysFixture) {
		f.relationEditor(t, f.relationDraft(t)).typeSel.SetSelected(relationNewType)
		mustTop(t, f.u, "New relation type")
	}},
	{"relation's actor picker", func(t *testing.T, f *keysFixture) {
		test.Tap(f.relationEditor(t, app.Relation{}).targetBtn)
		mustTop(t, f.u, "Target actor")
	}},
	{"relation's article picker", func(t *testing.T, f *keysFixture) {
		test.Tap(f.relationEditor(t, app.Relation{}).articleBtn)
		mustTop(t, f.u, "Choose the article")
	}},
	{"error", func(t *testing.T, f *keysFixture) { f.u.showError(app.Errorf(app.EINVALID, "Something was refused.")) }},
	{"information", func(t *testing.T, f *keysFixture) { f.u.showInfo("Copy saved", "Saved.") }},
}

// relationDraft is a new relation from a quote of the fixture's article, its source, type
// and target chosen and its date left to the user.
func (f *keysFixture) relationDraft(t *testing.T) app.Relation {
	t.Helper()
	if f.union.ID == 0 {
		f.union = mustActor(t, f.st, "Dock Workers Union", app.Organisation)
	}
	return app.Relation{SourceID: f.actor.ID, TargetID: f.union.ID, Type: "criticises",
		Evidence: []app.Evidence{{ArticleID: f.article.ID, Quote: "reopened the quays"}}}
}

// storedRelation files the draft, dated 1 Feb 2026, and returns it as stored.
func (f *keysFixture) storedRelation(t *testing.T) app.Relation {
	t.Helper()
	r := f.relationDraft(t)
	r.Start = "2026-02-01"
	r, err := f.st.CreateRelation(context.Background(), r)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// relationEditor opens the relation editor on r as editRelation does, and returns it.
func (f *keysFixture) relationEditor(t *testing.T, r app.Relation) *relationEditor {
	t.Helper()
	form, err := loadRelationForm(context.Background(), f.st, r)
	if err != nil {
		t.Fatal(err)
	}
	ed := newRelationEditor(f.u, form, nil)
	ed.show()
	return ed
}

// mustTop fails the test unless the topmost dialog says want (its title, for instance).
func mustTop(t *testing.T, u *UI, want string) {
	t.Helper()
	if got := topText(u); !strings.Contains(got, want) {
		t.Fatalf("the top dialog says %q, not %q", got, want)
	}
}

// overlayEntry is the field of the topmost dialog whose placeholder starts with prefix.
func overlayEntry(t *testing.T, u *UI, prefix string) *keyEntry {
	t.Helper()
	for _, o := range test.LaidOutObjects(u.win.Canvas().Overlays().Top()) {
		if e, ok := o.(*keyEntry); ok && strings.HasPrefix(e.PlaceHolder, prefix) {
			return e
		}
	}
	t.Fatalf("no field “%s…” in the dialog", prefix)
	return nil
}

// TestEveryDialogClosesOnEsc opens each dialog and presses Esc, once with the focus where
// the dialog put it and once with nothing focused: the dialog closes, and nothing under it.
func TestEveryDialogClosesOnEsc(t *testing.T) {
	for _, d := range keyedDialogs {
		for _, unfocus := range []bool{false, true} {
			f := newKeysFixture(t)
			before := overlays(f.u)
			d.open(t, f)
			opened := overlays(f.u)
			if opened <= before {
				t.Fatalf("%s: no dialog opened", d.name)
			}
			if f.u.topKeys() == nil {
				t.Errorf("%s: shown without its keys (use showKeyed)", d.name)
				continue
			}
			if unfocus {
				f.u.win.Canvas().Unfocus()
			}
			pressKey(f.u, fyne.KeyEscape)
			if got := overlays(f.u); got != opened-1 {
				t.Errorf("%s (unfocused %v): %d dialogs open after Esc, want %d; top says %q", d.name, unfocus, got, opened-1, topText(f.u))
			}
		}
	}
}

// TestEditorsAskBeforeEscLosesText types into each editor, presses Esc and checks it asks;
// Esc on the question goes back to the editor with the text, Discard closes both.
func TestEditorsAskBeforeEscLosesText(t *testing.T) {
	editors := []struct {
		name  string
		open  func(f *keysFixture)
		field func(f *keysFixture) *keyEntry
	}{
		{"article editor", func(f *keysFixture) { f.u.articles.newArticle() }, func(f *keysFixture) *keyEntry { return f.u.articles.editor.title }},
		{"actor form", func(f *keysFixture) { f.u.actors.editActor(app.Actor{Kind: app.Person}, nil) }, func(f *keysFixture) *keyEntry { return f.u.actors.form.description }},
		{"dossier note", func(f *keysFixture) {
			f.u.openDossier(f.actor.ID)
			f.u.dossier.editNote(app.Note{ActorID: f.actor.ID})
		}, func(f *keysFixture) *keyEntry { return f.u.dossier.noteEditor.entry }},
		{"article note", func(f *keysFixture) { f.u.articles.editNote(app.Note{ArticleID: f.article.ID}) }, func(f *keysFixture) *keyEntry {
			return artOverlayEntry(f.u)
		}},
		{"paste an article", func(f *keysFixture) {
			f.u.articles.newArticle()
			test.Tap(f.u.articles.editor.pasteBtn)
		}, func(f *keysFixture) *keyEntry { return artOverlayEntry(f.u) }},
		{"relation editor", func(f *keysFixture) { f.u.editRelation(f.relationDraft(t), nil) }, func(f *keysFixture) *keyEntry {
			return overlayEntry(t, f.u, "Anything a reader")
		}},
	}
	for _, e := range editors {
		f := newKeysFixture(t)
		e.open(f)
		opened := overlays(f.u)
		field := e.field(f)
		test.Type(field, "Words I do not want to lose")
		f.u.win.Canvas().Focus(field)
		pressKey(f.u, fyne.KeyEscape)
		if overlays(f.u) != opened+1 || !strings.Contains(topText(f.u), "Discard the changes?") {
			t.Fatalf("%s: Esc with typed text did not ask; top says %q", e.name, topText(f.u))
		}
		pressKey(f.u, fyne.KeyEscape) // Esc on the question keeps editing
		if overlays(f.u) != opened || !strings.Contains(field.Text, "Words I do not want to lose") {
			t.Fatalf("%s: Esc on the question lost the editor or its text (%d dialogs, text %q)", e.name, overlays(f.u), field.Text)
		}
		pressKey(f.u, fyne.KeyReturn) // Enter in a field does not discard anything
		pressKey(f.u, fyne.KeyEscape)
		test.Tap(topButton(t, f.u, "Discard"))
		if overlays(f.u) != opened-1 {
			t.Errorf("%s: Discard left %d dialogs open, want %d", e.name, overlays(f.u), opened-1)
		}
	}
}

// artOverlayEntry is the text field of the topmost dialog.
func artOverlayEntry(u *UI) *keyEntry {
	for _, o := range test.LaidOutObjects(u.win.Canvas().Overlays().Top()) {
		if e, ok := o.(*keyEntry); ok {
			return e
		}
	}
	return nil
}

// topButton is the visible button labelled text in the topmost dialog.
func topButton(t *testing.T, u *UI, text string) *widget.Button {
	t.Helper()
	for _, o := range test.LaidOutObjects(u.win.Canvas().Overlays().Top()) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && b.Visible() {
			return b
		}
	}
	t.Fatalf("no %q button; the dialog says %q", text, topText(u))
	return nil
}

// TestCtrlSSavesEveryEditor fills each editor and presses Ctrl+S, from a field and with
// nothing focused: the editor closes and what was typed is in the project.
func TestCtrlSSavesEveryEditor(t *testing.T) {
	ctx := context.Background()
	editors := []struct {
		name  string
		fill  func(f *keysFixture)
		saved func(f *keysFixture) bool
	}{
		{"article editor", func(f *keysFixture) {
			f.u.articles.newArticle()
			ed := f.u.articles.editor
			ed.title.SetText("Quay cranes return")
			ed.body.SetText("Two new cranes arrived at the quays this week.")
			f.u.win.Canvas().Focus(ed.body)
		}, func(f *keysFixture) bool {
			n, _ := f.st.CountArticles(ctx, app.ArticleQuery{Text: "cranes"})
			return n == 1
		}},
		{"actor form", func(f *keysFixture) {
			f.u.actors.editActor(app.Actor{Kind: app.Person}, nil)
			f.u.actors.form.name.SetText("Mira Haldane")
			f.u.win.Canvas().Focus(f.u.actors.form.notes)
		}, func(f *keysFixture) bool {
			_, err := f.st.FindActor(ctx, "Mira Haldane")
			return err == nil
		}},
		{"dossier note", func(f *keysFixture) {
			f.u.openDossier(f.actor.ID)
			f.u.dossier.editNote(app.Note{ActorID: f.actor.ID})
			f.u.dossier.noteEditor.entry.SetText("Ask about the night shifts.")
		}, func(f *keysFixture) bool {
			d, _ := f.st.Dossier(ctx, f.actor.ID, 10)
			return len(d.Notes) == 1 && d.Notes[0].Body == "Ask about the night shifts."
		}},
		{"article note", func(f *keysFixture) {
			f.u.articles.editNote(app.Note{ArticleID: f.article.ID})
			artOverlayEntry(f.u).SetText("Second source needed.")
		}, func(f *keysFixture) bool {
			notes, _ := f.st.ArticleNotes(ctx, f.article.ID)
			return len(notes) == 2
		}},
		{"relation editor", func(f *keysFixture) {
			f.u.editRelation(f.relationDraft(t), nil)
			date := overlayEntry(t, f.u, "When it happened")
			date.SetText("1 Feb 2026")
			f.u.win.Canvas().Focus(date)
		}, func(f *keysFixture) bool {
			rels, _ := f.st.Relations(ctx, app.RelationQuery{ActorID: f.actor.ID})
			return len(rels) == 1 && rels[0].Start == "2026-02-01" && len(rels[0].Evidence) == 1
		}},
	}
	for _, e := range editors {
		for _, unfocus := range []bool{false, true} {
			f := newKeysFixture(t)
			before := overlays(f.u)
			e.fill(f)
			if unfocus {
				f.u.win.Canvas().Unfocus()
			}
			pressShortcut(f.u, ctrlS)
			if !e.saved(f) {
				t.Errorf("%s (unfocused %v): Ctrl+S did not save; top says %q", e.name, unfocus, topText(f.u))
			}
			if overlays(f.u) != before {
				t.Errorf("%s (unfocused %v): %d dialogs open after saving, want %d", e.name, unfocus, overlays(f.u), before)
			}
		}
	}
}

// TestEnterConfirmsSimpleDialogsOnly: Enter answers yes to a harmless question and closes
// a message, and never confirms a deletion.
func TestEnterConfirmsSimpleDialogsOnly(t *testing.T) {
	ctx := context.Background()
	f := newKeysFixture(t)
	f.u.openArticle(f.article.ID, [2]int{})
	f.u.articles.view.sel.offerAlias(f.actor, "the port authority")
	f.u.win.Canvas().Unfocus()
	pressKey(f.u, fyne.KeyReturn)
	if a, _ := f.st.Actor(ctx, f.actor.ID); len(a.Aliases) != 1 {
		t.Errorf("Enter on “Add a name”: aliases %v", a.Aliases)
	}
	f.u.showInfo("Copy saved", "Saved.")
	pressKey(f.u, fyne.KeyEnter)
	if overlays(f.u) != 0 {
		t.Errorf("Enter left the message open: %q", topText(f.u))
	}
	f.u.actors.deleteRow(app.ActorRow{ID: f.actor.ID, Name: f.actor.Name})
	pressKey(f.u, fyne.KeyReturn)
	if _, err := f.st.Actor(ctx, f.actor.ID); err != nil || overlays(f.u) != 1 {
		t.Errorf("Enter on a deletion: actor err %v, %d dialogs", err, overlays(f.u))
	}
	// In the new-project form, Enter in the name field creates the project.
	f.mw.newProject()
	name := artOverlayEntry(f.u)
	name.SetText("fieldwork")
	f.u.win.Canvas().Focus(name)
	pressKey(f.u, fyne.KeyReturn)
	if want := filepath.Join(filepath.Dir(f.st.Path()), "fieldwork.dossier"); f.u.store.Path() != want {
		t.Errorf("Enter in the new-project form: project %s, want %s", f.u.store.Path(), want)
	}
}

// TestShortcutsDialogIsAKeyActionTable checks the dialog shows two columns and lists every
// shortcut of the menus.
func TestShortcutsDialogIsAKeyActionTable(t *testing.T) {
	mw, _ := newTestWindow(t)
	mw.showShortcuts()
	var grid *fyne.Container
	for _, o := range test.LaidOutObjects(mw.u.win.Canvas().Overlays().Top()) {
		if c, ok := o.(*fyne.Container); ok && len(c.Objects) > 20 {
			grid = c
		}
	}
	if grid == nil || len(grid.Objects)%2 != 0 {
		t.Fatal("no two-column table in the dialog")
	}
	var keys, actions []string
	for i := 0; i < len(grid.Objects); i += 2 {
		k, a := grid.Objects[i].(*widget.Label), grid.Objects[i+1].(*widget.Label)
		if k.Position().X >= a.Position().X || k.Position().Y != a.Position().Y {
			t.Errorf("row %q | %q is not side by side", k.Text, a.Text)
		}
		keys, actions = append(keys, k.Text), append(actions, a.Text)
	}
	if keys[0] != "Key" || actions[0] != "Action" {
		t.Errorf("header %q | %q", keys[0], actions[0])
	}
	all := strings.Join(keys, "\n")
	for _, m := range mw.u.win.MainMenu().Items {
		for _, it := range m.Items {
			if it.Shortcut != nil && !strings.Contains(strings.Join(actions, "\n"), it.Label) {
				t.Errorf("menu item %q has a shortcut the dialog does not list", it.Label)
			}
		}
	}
	for _, k := range []string{"Ctrl+N", "Ctrl+S", "Esc", "Enter", "Alt+Left"} {
		if !strings.Contains(all, k) {
			t.Errorf("the dialog does not list %s", k)
		}
	}
}

// keysNotYetWired are files of other parts of the window whose dialogs are still shown the
// plain Fyne way; wiring them (showKeyed, keyEntry) means taking them off this list.
var keysNotYetWired = map[string]bool{}

// TestDialogsAreShownWithKeys is the rule behind the table tests: in the views package no
// dialog is shown with Fyne's Show helpers, and every file that makes dialogs hands them to
// showKeyed or showConfirm (Fyne's file and folder choosers excepted).
func TestDialogsAreShownWithKeys(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") || keysNotYetWired[name] || name == "keys.go" {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(fset, name, src, 0)
		if err != nil {
			t.Fatal(err)
		}
		made, keyed := 0, 0
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if pkg, ok := sel.X.(*ast.Ident); ok && pkg.Name == "dialog" {
				switch {
				case strings.HasPrefix(sel.Sel.Name, "Show"):
					t.Errorf("%s: dialog.%s shows a dialog without its keys (use showInfo or showKeyed)", fset.Position(call.Pos()), sel.Sel.Name)
				case sel.Sel.Name == "NewFileOpen" || sel.Sel.Name == "NewFileSave" || sel.Sel.Name == "NewFolderOpen":
				case strings.HasPrefix(sel.Sel.Name, "New"):
					made++
				}
			}
			if sel.Sel.Name == "showKeyed" || sel.Sel.Name == "showConfirm" {
				keyed++
			}
			return true
		})
		if made > keyed {
			t.Errorf("%s makes %d dialogs but shows only %d with showKeyed or showConfirm", name, made, keyed)
		}
	}
}

// TestDossierMessageIsNotOneLetterPerRow: the "Opening the dossier…" line keeps its words
// on one row in a wide window.
func TestDossierMessageIsNotOneLetterPerRow(t *testing.T) {
	u, _ := newTestUI(t)
	u.win.SetContent(u.dossier.content())
	u.dossier.showMessage("Opening the dossier…", false)
	for _, o := range test.LaidOutObjects(u.win.Content()) {
		if l, ok := o.(*widget.Label); ok && l.Text == "Opening the dossier…" {
			if l.Size().Width < 300 {
				t.Fatalf("the message is %v wide: it wraps letter by letter", l.Size().Width)
			}
			return
		}
	}
	t.Fatal("the message is not shown")
}

// TestSearchActorFilterAnswersTheKeys: the search screen's "Mentions" picker closes on Esc
// without setting the filter and picks the highlighted actor on Enter; Esc in the search
// box itself, with no dialog open, leaves the query alone.
func TestSearchActorFilterAnswersTheKeys(t *testing.T) {
	f := newKeysFixture(t)
	f.u.openSearch()
	s := f.u.search
	typeQuery(s, "quays")
	before := overlays(f.u)

	s.chooseActor()
	pressKey(f.u, fyne.KeyEscape)
	if overlays(f.u) != before || s.actor.ID != 0 {
		t.Fatalf("Esc in the picker: %d dialogs open, filter actor %d", overlays(f.u), s.actor.ID)
	}

	s.chooseActor()
	field := artOverlayEntry(f.u)
	if field == nil || f.u.win.Canvas().Focused() != field {
		t.Fatal("the picker's search field is not a key-aware field with the focus")
	}
	test.Type(field, "Harbour")
	pressKey(f.u, fyne.KeyReturn)
	if overlays(f.u) != before || s.actor.ID != f.actor.ID || s.actorBtn.Text != f.actor.Name {
		t.Fatalf("Enter in the picker: %d dialogs open, filter actor %d, button %q", overlays(f.u), s.actor.ID, s.actorBtn.Text)
	}

	f.u.win.Canvas().Focus(s.box)
	pressKey(f.u, fyne.KeyEscape)
	pressShortcut(f.u, ctrlS)
	if s.box.Text != "quays" || overlays(f.u) != before {
		t.Errorf("Esc and Ctrl+S in the search box: query %q, %d dialogs open", s.box.Text, overlays(f.u))
	}
}

// TestRelationDialogsKeys checks the keys of the relation editor's own dialogs beyond the
// tables above: Enter files the evidence in "Already recorded" and never saves the editor;
// Esc asks only when something was changed (a choice as much as a typed word); the
// new-type form asks, and adds on Ctrl+S or Enter; Enter picks the first article.
func TestRelationDialogsKeys(t *testing.T) {
	ctx := context.Background()
	f := newKeysFixture(t)
	stored := f.storedRelation(t)
	count := func() int {
		n, err := f.st.CountRelations(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}

	// Enter in the editor does not save it, focused on a field or not.
	ed := f.relationEditor(t, f.relationDraft(t))
	ed.start.SetText("Feb 2026")
	ed.quote.SetText("the quays on Sunday") // a further source of the stored relation
	f.u.win.Canvas().Focus(ed.start)
	pressKey(f.u, fyne.KeyReturn)
	f.u.win.Canvas().Unfocus()
	pressKey(f.u, fyne.KeyReturn)
	if count() != 1 || overlays(f.u) != 1 {
		t.Fatalf("Enter in the editor: %d relations, %d dialogs", count(), overlays(f.u))
	}
	// Ctrl+S finds the twin; Enter there adds the quote as evidence and files no twin.
	pressShortcut(f.u, ctrlS)
	mustTop(t, f.u, "Already recorded")
	pressKey(f.u, fyne.KeyReturn)
	if got, _ := f.st.Relation(ctx, stored.ID); count() != 1 || len(got.Evidence) != 2 || overlays(f.u) != 0 {
		t.Fatalf("Enter on Already recorded: %d relations, %d sources, %d dialogs", count(), len(got.Evidence), overlays(f.u))
	}

	// Untouched, a prefilled editor closes on Esc without asking; a changed choice asks.
	f.relationEditor(t, f.relationDraft(t))
	pressKey(f.u, fyne.KeyEscape)
	if overlays(f.u) != 0 {
		t.Fatalf("Esc on an untouched editor: %d dialogs; top says %q", overlays(f.u), topText(f.u))
	}
	ed = f.relationEditor(t, f.relationDraft(t))
	ed.modality.SetSelected(app.Threatened)
	pressKey(f.u, fyne.KeyEscape)
	mustTop(t, f.u, "Discard the changes?")
	pressKey(f.u, fyne.KeyEscape)
	if overlays(f.u) != 1 || ed.modality.Selected != app.Threatened {
		t.Fatalf("Esc on the question: %d dialogs, modality %q", overlays(f.u), ed.modality.Selected)
	}

	// The new-type form: Esc asks once a wording is typed; Ctrl+S adds the type.
	ed.typeSel.SetSelected(relationNewType)
	form := ed.typeForm
	test.Type(form.label, "blockades")
	pressKey(f.u, fyne.KeyEscape)
	mustTop(t, f.u, "Discard the changes?")
	pressKey(f.u, fyne.KeyEscape)
	test.Type(form.inverse, "is blockaded by")
	pressShortcut(f.u, ctrlS)
	if ed.current.Key != "blockades" || overlays(f.u) != 1 {
		t.Fatalf("Ctrl+S in the new-type form: type %q, %d dialogs; top says %q", ed.current.Key, overlays(f.u), topText(f.u))
	}
	// Enter in its wording field adds the type too.
	ed.typeSel.SetSelected(relationNewType)
	test.Type(ed.typeForm.label, "shelters")
	test.Type(ed.typeForm.inverse, "is sheltered by")
	pressKey(f.u, fyne.KeyReturn)
	if ed.current.Key != "shelters" || overlays(f.u) != 1 {
		t.Fatalf("Enter in the new-type form: type %q, %d dialogs", ed.current.Key, overlays(f.u))
	}

	// The article chooser: Enter picks the first match.
	ed.article = app.Article{}
	ed.refresh()
	test.Tap(ed.articleBtn)
	mustTop(t, f.u, "Choose the article")
	pressKey(f.u, fyne.KeyReturn)
	if ed.article.ID != f.article.ID || overlays(f.u) != 1 {
		t.Fatalf("Enter in the article chooser: article %d, %d dialogs", ed.article.ID, overlays(f.u))
	}
}

// TestRelationEditorEscAfterAddingASource: a source added with "Add this source now" is
// recorded, so Esc closes the editor without asking about it.
func TestRelationEditorEscAfterAddingASource(t *testing.T) {
	f := newKeysFixture(t)
	ed := f.relationEditor(t, f.storedRelation(t))
	second := mustArticle(t, f.st, "Quays busy again", "2026-02-03", "The union welcomed the reopened quays.")
	ed.pickArticle = func(onPicked func(app.Article)) { onPicked(second) }
	test.Tap(ed.articleBtn)
	pressKey(f.u, fyne.KeyEscape)
	mustTop(t, f.u, "Discard the changes?") // an article chosen and not yet recorded
	pressKey(f.u, fyne.KeyEscape)
	test.Tap(ed.addSource)
	if ed.problem.Visible() {
		t.Fatalf("adding the source: %s", ed.problem.Text)
	}
	pressKey(f.u, fyne.KeyEscape)
	if overlays(f.u) != 0 {
		t.Fatalf("Esc after the source was recorded: top says %q", topText(f.u))
	}
}
