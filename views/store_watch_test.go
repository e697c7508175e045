package views

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"dossier/app"
)

// storeReads are the Store methods that never write to the project. Every other method
// must signal a change through watchedStore; a method added to Store without being
// classified here fails TestWatchedStoreSignalsEveryWrite.
var storeReads = map[string]bool{
	"Path": true, "SaveCopy": true, // a copy elsewhere leaves this project as it was
	"Article": true, "Articles": true, "CountArticles": true, "Mentions": true,
	"AmbiguousMentions": true, "SuggestActors": true, "ActorNameClashes": true, "TwinRelation": true,
	"Actor": true, "Actors": true, "CountActors": true, "FindActor": true,
	"RelationTypes": true, "Relation": true, "Relations": true, "EachRelation": true,
	"ArticleNotes": true, "Dossier": true, "Search": true,
	"DuplicateActors": true, "MergePreview": true, "Merges": true, // duplicates.go
	"Note": true, "Notes": true, "CountNotes": true, "NoteTags": true, "NoteLinks": true, // notes_store.go
	"LinkSuggestions": true, "Backlinks": true, "NoteImage": true,
	"SuggestionQueue": true, "CountSuggestionQueue": true, "PendingSuggestions": true,
}

// TestWatchedStoreSignalsEveryWrite calls every method of the Store interface through the
// wrapper the window uses, on a real project, and checks the rule: a write signals a
// change (even when it fails, as most do here with empty arguments), a read does not.
func TestWatchedStoreSignalsEveryWrite(t *testing.T) {
	u, _ := newTestUI(t)
	signals := 0
	u.onStoreChange = func() { signals++ }
	ws := reflect.ValueOf(u.store)
	iface := reflect.TypeOf((*Store)(nil)).Elem()
	ctxType := reflect.TypeOf((*context.Context)(nil)).Elem()
	dir := t.TempDir()
	for i := 0; i < iface.NumMethod(); i++ {
		m := iface.Method(i)
		if m.Name == "Close" {
			continue // closes the project the test uses; it writes nothing
		}
		var args []reflect.Value
		for j := 0; j < m.Type.NumIn(); j++ {
			in := m.Type.In(j)
			switch {
			case in == ctxType:
				args = append(args, reflect.ValueOf(context.Background()))
			case in.Kind() == reflect.String:
				args = append(args, reflect.ValueOf(filepath.Join(dir, m.Name+".dossier")))
			case in.Kind() == reflect.Func:
				args = append(args, reflect.MakeFunc(in, func([]reflect.Value) []reflect.Value {
					return []reflect.Value{reflect.Zero(in.Out(0))}
				}))
			default:
				args = append(args, reflect.Zero(in))
			}
		}
		before := signals
		ws.MethodByName(m.Name).Call(args)
		got := signals - before
		switch {
		case storeReads[m.Name] && got != 0:
			t.Errorf("%s is listed as a read but signalled %d changes", m.Name, got)
		case !storeReads[m.Name] && got != 1:
			t.Errorf("%s writes to the project but signalled %d changes (wrap it in store_watch.go, or list it in storeReads if it only reads)", m.Name, got)
		}
	}
}

// TestStatusBarCountsAreLive adds and deletes articles and actors through the window's
// screens and checks the status bar follows at once, without changing screens.
func TestStatusBarCountsAreLive(t *testing.T) {
	mw, st := newTestWindow(t)
	ctx := context.Background()
	status := func() string { return mw.status.Text }
	want := func(step, s string) {
		t.Helper()
		if !strings.HasSuffix(status(), s) {
			t.Fatalf("%s: status bar %q, want it to end %q", step, status(), s)
		}
	}
	want("empty project", "0 articles, 0 actors")

	// A new article, filed through the editor.
	mw.u.articles.newArticle()
	ed := mw.u.articles.editor
	ed.title.SetText("Port workers strike")
	ed.body.SetText("Dockers in the southern port stopped work on Monday.")
	test.Tap(ed.saveBtn)
	want("after filing an article", "1 article, 0 actors")

	// A new actor, through the actor form.
	mw.u.actors.editActor(app.Actor{Kind: app.Organisation}, nil)
	form := mw.u.actors.form
	form.name.SetText("Dockers' Union")
	test.Tap(form.save)
	want("after adding an actor", "1 article, 1 actor")

	// Delete the article from its view, then restore it from the undo bar.
	arts, _ := st.Articles(ctx, app.ArticleQuery{})
	mw.u.openArticle(arts[0].ID, [2]int{})
	test.Tap(mw.u.articles.view.deleteBtn)
	test.Tap(artButton(t, mw.u, "Move to the trash"))
	want("after deleting the article", "0 articles, 1 actor")
	test.Tap(mw.u.articles.undoBtn)
	want("after restoring the article", "1 article, 1 actor")

	// Delete the actor from the actor list.
	mw.u.navigate(route{screen: "actors"})
	rows, _ := st.Actors(ctx, app.ActorQuery{})
	mw.u.actors.deleteRow(rows[0])
	actorsTapButton(t, mw.u, "Delete")
	want("after deleting the actor", "1 article, 0 actors")

	// An import, as the import dialog runs it.
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Harbour reopens\n\nThe harbour reopened to ships on Friday after the strike."), 0o644)
	if _, err := mw.u.store.ImportFiles(ctx, []string{dir}, app.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	want("after an import", "2 articles, 0 actors")

	// During an import the counts follow each committed batch: the import dialog's Result
	// callback sees the status bar already counting the batch just filed.
	for _, name := range []string{"b.txt", "c.txt"} {
		os.WriteFile(filepath.Join(dir, name), []byte("Story "+name+"\n\nA different story, told in "+name+"."), 0o644)
	}
	var seen []string
	_, err := mw.u.store.ImportFiles(ctx, []string{dir}, app.ImportOptions{BatchSize: 1, Result: func(app.ImportResult) {
		seen = append(seen, status())
	}})
	if err != nil {
		t.Fatal(err)
	}
	if len(seen) < 2 || !strings.HasSuffix(seen[len(seen)-1], "4 articles, 0 actors") || seen[0] == seen[len(seen)-1] {
		t.Errorf("status during the import: %q", seen)
	}
}
