package views

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"dossier/app"
	"dossier/db"
)

// TestQuitClosesTheProjectSwitchedTo: after File ▸ Open project, the window told to main
// (Projects.Shown) closes the project it switched to, so neither project keeps a -wal or
// -shm after a clean exit and the .dossier file alone holds the work. Before, main closed
// only the project the window started with.
func TestQuitClosesTheProjectSwitchedTo(t *testing.T) {
	test.NewTempApp(t)
	ctx := context.Background()
	dir := t.TempDir()
	first, second := filepath.Join(dir, "first.dossier"), filepath.Join(dir, "second.dossier")
	st, err := db.Open(ctx, first)
	if err != nil {
		t.Fatal(err)
	}
	var shown *Window
	p := Projects{
		Open:  func(ctx context.Context, path string) (Store, error) { return db.Open(ctx, path) },
		Shown: func(w *Window) { shown = w },
	}
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(1200, 800))
	mw := newWindow(ctx, w, st, p, true)
	if shown != mw {
		t.Fatal("Projects.Shown was not told of the window")
	}
	mw.openPath(second)
	if got := mw.u.store.Path(); got != second {
		t.Fatalf("the window did not switch: open project %s", got)
	}
	if _, err := mw.u.store.CreateActor(ctx, app.Actor{Name: "Ilse Brandt", Kind: app.Person}); err != nil {
		t.Fatal(err)
	}
	for _, side := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(second + side); err != nil {
			t.Fatalf("the open project has no %s while open (%v): the test proves nothing", side, err)
		}
	}
	if err := shown.CloseProject(); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{first, second} {
		for _, side := range []string{"-wal", "-shm"} {
			if _, err := os.Stat(path + side); !os.IsNotExist(err) {
				t.Errorf("%s is left after quitting (%v)", filepath.Base(path+side), err)
			}
		}
	}
	// The .dossier file alone holds the work: a copy of it opens with the actor in it.
	b, err := os.ReadFile(second)
	if err != nil {
		t.Fatal(err)
	}
	copied := filepath.Join(t.TempDir(), "copy.dossier")
	if err := os.WriteFile(copied, b, 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := db.Open(ctx, copied)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if n, err := c.CountActors(ctx, app.ActorQuery{}); err != nil || n != 1 {
		t.Errorf("a copy of the closed project file holds %d actors (%v), want 1", n, err)
	}
}
