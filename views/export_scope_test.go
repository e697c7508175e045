package views

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
	"dossier/app/graph"
)

// overlayRadio returns the choice in the dialog on top, nil when there is none.
func overlayRadio(u *UI) *widget.RadioGroup {
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		return nil
	}
	for _, o := range test.LaidOutObjects(top) {
		if r, ok := o.(*widget.RadioGroup); ok {
			return r
		}
	}
	return nil
}

// TestExportFormatsWhatISee: while the dossier is filtered, File ▸ Export offers the
// dossier as seen (the default), the whole dossier or the whole project; the file holds
// what was chosen and says so (GEXF's description), and the briefing asks too, its
// picture and page following the choice.
func TestExportFormatsWhatISee(t *testing.T) {
	f := newDossierFixture(t)
	s := f.open(f.trump)
	f.u.win.SetContent(s.content())
	s.q.bar.set(graph.Filter{Confidences: []string{app.Alleged}})
	s.q.bar.conf.SetSelected(app.Alleged)
	menu := fyne.NewMainMenu(fyne.NewMenu("File", f.u.exportMenu()))
	fe := f.u.formatExports()
	var buf bytes.Buffer
	var name string
	fe.saveFile = func(n, _ string, write func(io.Writer) error) {
		name = n
		buf.Reset()
		if err := write(&buf); err != nil {
			t.Fatal(err)
		}
	}

	exportMenuItem(t, menu, "GEXF for Gephi…").Action()
	radio := overlayRadio(f.u)
	if radio == nil || len(radio.Options) != 3 || !strings.HasPrefix(radio.Selected, "The dossier of Donald Trump as I see it (filtered: alleged)") {
		t.Fatalf("no what-I-see choice: %+v", radio)
	}
	tapDialogButton(t, f.u.win, "Choose file…")
	gexf := buf.String()
	if name != "dossier-donald-trump-filtered.gexf" || !strings.Contains(gexf, f.counter.UUID) || strings.Contains(gexf, f.threat.UUID) {
		t.Errorf("%s does not hold just the alleged relation", name)
	}
	if !strings.Contains(gexf, "<description>Scope: the dossier of Donald Trump, only what its filters keep (alleged).</description>") {
		t.Errorf("the filtered GEXF does not say its scope:\n%.600s", gexf)
	}

	exportMenuItem(t, menu, "GEXF for Gephi…").Action()
	overlayRadio(f.u).SetSelected("The whole dossier of Donald Trump")
	tapDialogButton(t, f.u.win, "Choose file…")
	gexf = buf.String()
	if !strings.Contains(gexf, f.counter.UUID) || !strings.Contains(gexf, f.threat.UUID) ||
		!strings.Contains(gexf, "Scope: the dossier of Donald Trump, everything in it.") {
		t.Errorf("the whole dossier's GEXF (%s) lacks a relation or its scope", name)
	}

	edges := func() int { return strings.Count(buf.String(), `<path class="edge"`) }
	exportMenuItem(t, menu, "Briefing (HTML)…").Action()
	choice := overlayRadio(f.u)
	if choice == nil || !strings.HasPrefix(choice.Selected, "What I see (filtered: alleged)") {
		t.Fatalf("the briefing offers no what-I-see choice: %+v", choice)
	}
	tapDialogButton(t, f.u.win, "Choose file…")
	if n := edges(); n != 1 || name != "briefing-donald-trump-filtered.html" ||
		!strings.Contains(buf.String(), "Only what the dossier’s filters keep: alleged.") {
		t.Errorf("the filtered briefing %s draws %d edges or does not say its scope", name, n)
	}
	exportMenuItem(t, menu, "Briefing (HTML)…").Action()
	overlayRadio(f.u).SetSelected("Everything in the dossier")
	tapDialogButton(t, f.u.win, "Choose file…")
	if n := edges(); n != 2 || !strings.Contains(buf.String(), "Everything in the dossier.") {
		t.Errorf("the whole briefing draws %d edges, want 2", n)
	}
}
