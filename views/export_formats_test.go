package views

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
)

// exportMenuItem finds File ▸ Export ▸ label in the window's menu.
func exportMenuItem(t *testing.T, mw *fyne.MainMenu, label string) *fyne.MenuItem {
	t.Helper()
	for _, m := range mw.Items {
		for _, it := range m.Items {
			if it.Label == "Export" && it.ChildMenu != nil {
				for _, c := range it.ChildMenu.Items {
					if c.Label == label {
						return c
					}
				}
			}
		}
	}
	t.Fatalf("no File ▸ Export ▸ %s", label)
	return nil
}

// TestExportFormatsMenu: File ▸ Export ▸ GEXF writes the open dossier by default and the
// whole project when chosen; the Markdown vault goes to a new folder.
func TestExportFormatsMenu(t *testing.T) {
	f := newDossierFixture(t)
	f.open(f.trump)
	menu := fyne.NewMainMenu(fyne.NewMenu("File", f.u.exportMenu()))
	fe := f.u.formatExports()
	var buf bytes.Buffer
	var name string
	fe.saveFile = func(n, ext string, write func(io.Writer) error) {
		name = n
		buf.Reset()
		if err := write(&buf); err != nil {
			t.Fatal(err)
		}
	}
	outsider := mustActor(t, f.st, "Bureau of Invented Affairs", app.GovernmentBody)

	exportMenuItem(t, menu, "GEXF for Gephi…").Action()
	tapDialogButton(t, f.u.win, "Choose file…")
	if name != "dossier-donald-trump.gexf" {
		t.Errorf("suggested name %q", name)
	}
	gexf := buf.String()
	if !strings.Contains(gexf, f.trump.UUID) || !strings.Contains(gexf, f.threat.UUID) || strings.Contains(gexf, outsider.UUID) {
		t.Errorf("the dossier's GEXF does not hold just Trump's graph:\n%.1500s", gexf)
	}

	exportMenuItem(t, menu, "GEXF for Gephi…").Action()
	var radio *widget.RadioGroup
	for _, o := range test.LaidOutObjects(f.u.win.Canvas().Overlays().Top()) {
		if r, ok := o.(*widget.RadioGroup); ok {
			radio = r
		}
	}
	if radio == nil || len(radio.Options) != 2 {
		t.Fatal("no choice between the dossier and the project")
	}
	radio.SetSelected("The whole project")
	tapDialogButton(t, f.u.win, "Choose file…")
	if !strings.Contains(buf.String(), outsider.UUID) {
		t.Error("the whole project's GEXF lacks an actor outside the dossier")
	}

	var vault string
	fe.saveFolder = func(n string, write func(string) error) {
		vault = filepath.Join(t.TempDir(), n)
		if err := write(vault); err != nil {
			t.Fatal(err)
		}
	}
	exportMenuItem(t, menu, "Markdown vault (Obsidian)…").Action()
	tapDialogButton(t, f.u.win, "Choose folder…")
	notes, _ := os.ReadDir(filepath.Join(vault, "actors"))
	if len(notes) != 3 { // Trump, Iraq, Iran
		t.Errorf("the dossier's vault has %d actor notes", len(notes))
	}
}

// TestExportBriefingMenu: File ▸ Export ▸ Briefing (PDF) saves the open dossier as a PDF;
// with no dossier open it says what to do instead.
func TestExportBriefingMenu(t *testing.T) {
	f := newDossierFixture(t)
	menu := fyne.NewMainMenu(fyne.NewMenu("File", f.u.exportMenu()))
	fe := f.u.formatExports()
	called := false
	var buf bytes.Buffer
	var name string
	fe.saveFile = func(n, ext string, write func(io.Writer) error) {
		called, name = true, n
		if err := write(&buf); err != nil {
			t.Fatal(err)
		}
	}
	exportMenuItem(t, menu, "Briefing (PDF)…").Action()
	if called {
		t.Fatal("a briefing with no dossier open")
	}
	f.open(f.trump)
	exportMenuItem(t, menu, "Briefing (PDF)…").Action()
	if name != "briefing-donald-trump.pdf" || !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
		t.Errorf("saved %q, %d bytes", name, buf.Len())
	}
}
