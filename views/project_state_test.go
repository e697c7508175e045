package views

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"dossier/app"
	"dossier/db"
)

// damagedProjectFile makes a real project and damages a page of its actors table.
func damagedProjectFile(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "damaged.dossier")
	st, err := db.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"Ada Keller", "Bruno Lind", "Carla Mendez"} {
		if _, err := st.CreateActor(ctx, app.Actor{Name: name, Kind: app.Person}); err != nil {
			t.Fatal(err)
		}
	}
	leaves, _, pageSize, err := st.PagesOf(ctx, "actors")
	if err != nil || len(leaves) == 0 {
		t.Fatalf("actors pages %v %v", leaves, err)
	}
	st.Close()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteAt(bytes.Repeat([]byte{0xA5}, pageSize), (leaves[0]-1)*int64(pageSize))
	f.Close()
	return path
}

// TestDamagedProjectShowsReadOnlyBanner: a project opened read-only because it is damaged
// shows a banner saying so and pointing to Save a copy; switching to a whole project
// takes the banner away.
func TestDamagedProjectShowsReadOnlyBanner(t *testing.T) {
	mw, _ := newTestWindow(t)
	if mw.banner.Visible() {
		t.Fatal("a whole project shows the damage banner")
	}
	ctx := context.Background()
	path := damagedProjectFile(t)
	if _, err := db.Open(ctx, path); !app.IsCode(err, app.ECORRUPT) {
		t.Fatalf("Open of the damaged project: %v, want ECORRUPT", err)
	}
	ro, err := db.OpenReadOnly(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	mw.switchTo(ro)
	if !mw.banner.Visible() {
		t.Fatal("the damaged project shows no banner")
	}
	mustContain(t, dossierText(mw.banner), "damaged", "read-only", "Save a copy", "restore a backup", "page ")
	if text := dossierText(mw.banner); strings.Contains(text, "SQLite") {
		t.Fatalf("the banner shows SQLite's own words:\n%s", text)
	}
	if top := mw.u.win.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("opening the damaged project read-only showed a dialog:\n%s", dossierText(top))
	}
	whole, err := db.Open(ctx, filepath.Join(t.TempDir(), "whole.dossier"))
	if err != nil {
		t.Fatal(err)
	}
	mw.switchTo(whole)
	t.Cleanup(func() { whole.Close() })
	if mw.banner.Visible() {
		t.Fatal("the banner stayed after switching to a whole project")
	}
}

// TestProjectInUseOffersOpenAnotherAndQuit: when another copy holds the project, the
// window says so and offers Open another project… (which opens the main window over the
// project chosen) and Quit.
func TestProjectInUseOffersOpenAnotherAndQuit(t *testing.T) {
	test.NewTempApp(t)
	ctx := context.Background()
	dir := t.TempDir()
	held, err := db.Open(ctx, filepath.Join(dir, "held.dossier"))
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	if err := held.LockWindow(); err != nil {
		t.Fatal(err)
	}
	second, err := db.Open(ctx, held.Path())
	if err != nil {
		t.Fatalf("a second Store (as a batch command has) was refused: %v", err)
	}
	defer second.Close()
	lockErr := second.LockWindow()
	if !app.IsCode(lockErr, app.ELOCKED) {
		t.Fatalf("second open: %v, want ELOCKED", lockErr)
	}
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(1000, 700))
	quit := 0
	var opened Store
	projects := Projects{Open: func(ctx context.Context, path string) (Store, error) {
		s, err := db.Open(ctx, path)
		if err != nil {
			return nil, err
		}
		if err := s.LockWindow(); err != nil {
			s.Close()
			return nil, err
		}
		return s, nil
	}}
	f := newFailedScreen(ctx, w, lockErr, projects, func() { quit++ }, func(s Store) { opened = s }, true)
	text := dossierText(w.Content())
	mustContain(t, text, "open in another Dossier window", held.Path())
	if findButton(w.Content(), "Open another project") == nil || findButton(w.Content(), "Quit") == nil {
		t.Fatalf("the window lacks its buttons:\n%s", text)
	}
	test.Tap(findButton(w.Content(), "Quit"))
	if quit != 1 {
		t.Fatal("Quit did not quit")
	}
	test.Tap(findButton(w.Content(), "Open another project"))
	if w.Canvas().Overlays().Top() == nil {
		t.Fatal("Open another project… shows no file chooser")
	}
	w.Canvas().Overlays().Top().Hide()

	// A project that fails to open too keeps the window and says why.
	f.openPath(held.Path())
	if opened != nil || w.Canvas().Overlays().Top() == nil {
		t.Fatal("a second failure was not reported")
	}
	w.Canvas().Overlays().Top().Hide()
	other := filepath.Join(dir, "other.dossier")
	if s, err := db.Open(ctx, other); err != nil {
		t.Fatal(err)
	} else {
		s.Close()
	}
	f.openPath(other)
	if opened == nil || opened.Path() != other {
		t.Fatalf("the other project was not opened (%v)", opened)
	}
	defer opened.Close()
	if !strings.Contains(w.Title(), "other") || findButton(w.Content(), "New article") == nil {
		t.Fatalf("the main window did not replace the message (title %q)", w.Title())
	}
}

// TestDamageMetByAReadStaysInTheBanner: damage that a read meets after the project opened
// whole (beyond what the open-time check covered) is not only an error dialog that goes
// away: the banner keeps saying it, with what to do, until another project is opened.
func TestDamageMetByAReadStaysInTheBanner(t *testing.T) {
	mw, _ := newTestWindow(t)
	mw.u.showError(app.Errorf(app.EINVALID, "An ordinary mistake."))
	if mw.banner.Visible() {
		t.Fatal("an ordinary error put up the damage banner")
	}
	mw.u.showError(app.Errorf(app.ECORRUPT, "The project file is damaged: article #12 is listed but cannot be read."))
	if !mw.banner.Visible() {
		t.Fatal("damage met by a read shows no banner")
	}
	mustContain(t, dossierText(mw.banner), "met damage", "article #12", "Save a copy", "restore a backup")
	if top := mw.u.win.Canvas().Overlays().Top(); top == nil {
		t.Fatal("the damage met was not told in a dialog as well")
	}
	whole, err := db.Open(context.Background(), filepath.Join(t.TempDir(), "whole.dossier"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { whole.Close() })
	mw.switchTo(whole)
	if mw.banner.Visible() {
		t.Fatal("the banner stayed after switching to another project")
	}
}
