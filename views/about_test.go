package views

import (
	"strings"
	"testing"

	"dossier/app"
)

// TestAboutSaysVersionLicenceAndFolders: Help ▸ About Dossier shows the version `dossier
// version` prints, the licence, the open project's path, and the data and backups folders.
func TestAboutSaysVersionLicenceAndFolders(t *testing.T) {
	mw, st := newTestWindow(t)
	mw.projects.DataDir = t.TempDir()
	var about func()
	for _, m := range mw.u.win.MainMenu().Items {
		for _, it := range m.Items {
			if m.Label == "Help" && it.Label == "About Dossier" {
				about = it.Action
			}
		}
	}
	if about == nil {
		t.Fatal("the Help menu has no About Dossier")
	}
	about()
	text := topText(mw.u)
	for _, want := range []string{app.CurrentVersion(), "Apache License 2.0", st.Path(), mw.projects.DataDir, app.BackupDir(mw.projects.DataDir, st.Path())} {
		if !strings.Contains(text, want) {
			t.Errorf("the About box lacks %q:\n%s", want, text)
		}
	}
}
