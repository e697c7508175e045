package views

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"dossier/app"
	"dossier/app/sample"
	"dossier/db"
)

// newTestWindow builds the whole main window over a fresh project, with the sample loaded
// and removed through the same functions main uses.
func newTestWindow(t *testing.T) (*Window, *db.Store) {
	t.Helper()
	test.NewTempApp(t)
	ctx := context.Background()
	st, err := db.Open(ctx, filepath.Join(t.TempDir(), "w.dossier"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(1200, 800))
	projects := Projects{
		Open: func(ctx context.Context, path string) (Store, error) { return db.Open(ctx, path) },
		LoadSample: func(ctx context.Context, s Store) error {
			if err := s.(*db.Store).RemoveTagged(ctx, sample.Tag); err != nil {
				return err
			}
			return sample.Load(ctx, s)
		},
		RemoveSample: func(ctx context.Context, s Store) error { return s.(*db.Store).RemoveTagged(ctx, sample.Tag) },
	}
	mw := newWindow(ctx, w, st, projects, true)
	return mw, st
}

func TestWindowSampleCanBeRecreatedAndRemoved(t *testing.T) {
	mw, st := newTestWindow(t)
	ctx := context.Background()
	mw.recreateSample()
	mw.recreateSample() // twice: the second replaces the first instead of failing on duplicates
	n, _ := st.CountArticles(ctx, app.ArticleQuery{})
	a, _ := st.CountActors(ctx, app.ActorQuery{})
	if n != 3 || a != 11 {
		t.Fatalf("sample holds %d articles and %d actors", n, a)
	}
	mine, _ := st.CreateActor(ctx, app.Actor{Name: "My own source", Kind: app.Person})
	mw.removeSample()
	confirm := mw.u.win.Canvas().Overlays().Top()
	if confirm == nil {
		t.Fatal("removing the sample did not ask first")
	}
	actorsTapButton(t, mw.u, "Yes")
	if n, _ := st.CountArticles(ctx, app.ArticleQuery{}); n != 0 {
		t.Fatalf("%d sample articles left", n)
	}
	if _, err := st.Actor(ctx, mine.ID); err != nil {
		t.Fatal("removing the sample removed the user's actor")
	}
}

func TestWindowNavigationBackAndForward(t *testing.T) {
	mw, st := newTestWindow(t)
	a := mustActor(t, st, "Iraq", app.State)
	b := mustActor(t, st, "Iran", app.State)
	mw.u.openDossier(a.ID)
	mw.u.openDossier(b.ID)
	mw.u.navigate(route{screen: "actors"})
	// Alt+Left, as the menu and the canvas both know it.
	mw.u.win.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyLeft, Modifier: fyne.KeyModifierAlt})
	if r := mw.u.history.current; r.screen != "dossier" || r.id != b.ID || mw.u.dossier.actorID != b.ID {
		t.Fatalf("Alt+Left went to %+v", r)
	}
	mw.u.goBack()
	if mw.u.dossier.actorID != a.ID {
		t.Fatalf("second back shows actor %d, want %d", mw.u.dossier.actorID, a.ID)
	}
	mw.u.goForward()
	if mw.u.dossier.actorID != b.ID || mw.forward.Disabled() {
		t.Fatalf("forward: actor %d, forward button disabled %v", mw.u.dossier.actorID, mw.forward.Disabled())
	}
}

func TestWindowOpensAnotherProjectAndRefusesANonProject(t *testing.T) {
	mw, _ := newTestWindow(t)
	dir := t.TempDir()
	other, err := db.Open(context.Background(), filepath.Join(dir, "other.dossier"))
	if err != nil {
		t.Fatal(err)
	}
	other.CreateActor(context.Background(), app.Actor{Name: "Only in the other project"})
	other.Close()
	mw.openPath(filepath.Join(dir, "other.dossier"))
	if got := mw.u.store.Path(); got != filepath.Join(dir, "other.dossier") {
		t.Fatalf("window shows %s", got)
	}
	if _, err := mw.u.store.FindActor(context.Background(), "Only in the other project"); err != nil {
		t.Fatal(err)
	}
	mw.openPath(dir) // a folder is not a project: an error, and the open project stays
	if mw.u.store.Path() != filepath.Join(dir, "other.dossier") {
		t.Fatal("a failed open replaced the project")
	}
	if mw.u.win.Canvas().Overlays().Top() == nil {
		t.Fatal("no error was shown")
	}
}

func TestNewFileFormRefusesExistingFiles(t *testing.T) {
	dir := t.TempDir()
	if got := projectFile(dir, " notes "); got != filepath.Join(dir, "notes.dossier") {
		t.Fatalf("projectFile = %s", got)
	}
	if err := newFileProblem(dir, "fresh"); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "taken.dossier"), []byte("x"), 0o644)
	for _, bad := range []string{"", "taken", "taken.dossier", "a/b"} {
		if newFileProblem(dir, bad) == nil {
			t.Errorf("%q was accepted", bad)
		}
	}
}

func TestSaveACopyThroughTheForm(t *testing.T) {
	mw, st := newTestWindow(t)
	mustActor(t, st, "Copied actor", app.Person)
	mw.saveCopy()
	top := mw.u.win.Canvas().Overlays().Top()
	for _, o := range test.LaidOutObjects(top) {
		if e, ok := o.(*keyEntry); ok {
			e.SetText("backup")
			break
		}
	}
	actorsTapButton(t, mw.u, "Save copy")
	path := filepath.Join(filepath.Dir(st.Path()), "backup.dossier")
	c, err := db.Open(context.Background(), path)
	if err != nil {
		t.Fatalf("no copy at %s: %v", path, err)
	}
	defer c.Close()
	if _, err := c.FindActor(context.Background(), "Copied actor"); err != nil {
		t.Fatal(err)
	}
}
