package views

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"dossier/db"
)

// syncWindow opens the project at path in a new headless window of the current app.
func syncWindow(t *testing.T, path string) *Window {
	t.Helper()
	st, err := db.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(1200, 800))
	return newWindow(context.Background(), w, st, Projects{}, true)
}

func touch(t *testing.T, path string) {
	t.Helper()
	if err := os.WriteFile(path, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestSyncWarningOnce: a project in a Dropbox folder with a conflicted copy beside it
// is warned about both at the first open; the next open of the same project says
// nothing; a new copy is said alone at the open after it appeared.
func TestSyncWarningOnce(t *testing.T) {
	test.NewTempApp(t)
	dir := filepath.Join(t.TempDir(), "Dropbox")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "research.dossier")
	first := "research (Ann's conflicted copy 2026-05-01).dossier"
	touch(t, filepath.Join(dir, first))

	mw := syncWindow(t, path)
	text := topText(mw.u)
	for _, want := range []string{first, "Dropbox appears to sync", "backups", "shown once"} {
		if !strings.Contains(text, want) {
			t.Errorf("the first open's warning lacks %q:\n%s", want, text)
		}
	}
	mw.u.store.Close()

	mw = syncWindow(t, path)
	if top := mw.u.win.Canvas().Overlays().Top(); top != nil {
		t.Errorf("the second open warned again: %s", topText(mw.u))
	}
	mw.u.store.Close()

	second := "research (conflicted copy 2026-05-02 101112).dossier"
	touch(t, filepath.Join(dir, second))
	mw = syncWindow(t, path)
	text = topText(mw.u)
	if !strings.Contains(text, second) || strings.Contains(text, first) || strings.Contains(text, "appears to sync") {
		t.Errorf("after a new copy, the warning should name it alone:\n%s", text)
	}
}

// TestNoSyncWarning: a project in an ordinary folder opens without a word.
func TestNoSyncWarning(t *testing.T) {
	test.NewTempApp(t)
	path := filepath.Join(t.TempDir(), "research.dossier")
	touch(t, filepath.Join(filepath.Dir(path), "research (1).dossier"))
	mw := syncWindow(t, path)
	if top := mw.u.win.Canvas().Overlays().Top(); top != nil {
		t.Errorf("an ordinary folder warned: %s", topText(mw.u))
	}
}

// TestSyncWarningOnSwitch: opening another project in the window looks at its folder too.
func TestSyncWarningOnSwitch(t *testing.T) {
	test.NewTempApp(t)
	mw := syncWindow(t, filepath.Join(t.TempDir(), "plain.dossier"))
	if top := mw.u.win.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("an ordinary folder warned: %s", topText(mw.u))
	}
	dir := filepath.Join(t.TempDir(), "Nextcloud")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	st, err := db.Open(context.Background(), filepath.Join(dir, "synced.dossier"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	mw.switchTo(st)
	if text := topText(mw.u); !strings.Contains(text, "Nextcloud appears to sync") {
		t.Errorf("after switching to a synced project: %q", text)
	}
}
