package views

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
	"dossier/db"
)

// conflictRows returns the merge preview's conflict rows: each row's choice by the
// name of the record it is on.
func conflictRows(u *UI) map[string]*widget.RadioGroup {
	rows := map[string]*widget.RadioGroup{}
	var label string
	for _, o := range test.LaidOutObjects(u.win.Canvas().Overlays().Top()) {
		switch w := o.(type) {
		case *widget.Label:
			if strings.HasPrefix(w.Text, "actor: ") {
				label = strings.TrimPrefix(w.Text, "actor: ")
				label, _, _ = strings.Cut(label, " (")
			}
		case *widget.RadioGroup:
			if label != "" {
				rows[label] = w
				label = ""
			}
		}
	}
	return rows
}

// File ▸ Merge another project…: each conflict has its own choice in the preview;
// "Merge as chosen" waits until every one has its choice and merges as chosen; a
// choice for some, then a button, settles the rest with the button's choice.
func TestMergePreviewChoicePerConflict(t *testing.T) {
	ctx := context.Background()
	mw, st := checkWindow(t)
	for _, name := range []string{"Harbour Board", "Odile Ferrant", "Cato Imre"} {
		if _, err := st.CreateActor(ctx, app.Actor{Name: name, Kind: app.Person}); err != nil {
			t.Fatal(err)
		}
	}
	theirs := filepath.Join(t.TempDir(), "theirs.dossier")
	if _, err := st.Backup(ctx, theirs); err != nil {
		t.Fatal(err)
	}
	edit := func(s *db.Store, name, desc string) {
		t.Helper()
		a, err := s.FindActor(ctx, name)
		if err != nil {
			t.Fatal(err)
		}
		a.Description = desc
		if _, err := s.UpdateActor(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	ts, err := db.Open(ctx, theirs)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"Harbour Board", "Odile Ferrant", "Cato Imre"} {
		edit(ts, name, "theirs")
		edit(st, name, "mine")
	}
	ts.Close()
	desc := func(name string) string {
		a, err := st.FindActor(ctx, name)
		if err != nil {
			t.Fatal(err)
		}
		return a.Description
	}
	mw.pickMergeFile = func(on func(string)) { on(theirs) }

	mw.mergeProject()
	rows := conflictRows(mw.u)
	if len(rows) != 3 {
		t.Fatalf("%d conflict rows, want 3", len(rows))
	}
	asChosen := checkButton(mw.u, "Merge as chosen")
	if asChosen == nil || !asChosen.Disabled() {
		t.Fatal("Merge as chosen is missing, or offered before every conflict has its choice")
	}
	rows["Harbour Board"].SetSelected("Theirs")
	rows["Odile Ferrant"].SetSelected("Mine")
	if !asChosen.Disabled() {
		t.Error("Merge as chosen is offered with a conflict left")
	}
	rows["Cato Imre"].SetSelected("Both")
	if asChosen.Disabled() {
		t.Fatal("every conflict has its choice, yet Merge as chosen is disabled")
	}
	test.Tap(asChosen)
	if desc("Harbour Board") != "theirs" || desc("Odile Ferrant") != "mine" {
		t.Errorf("after merging as chosen: %q, %q", desc("Harbour Board"), desc("Odile Ferrant"))
	}
	var cato int
	if err := st.EachExportActor(ctx, app.ExportScope{}, func(a app.Actor) error {
		if a.Name == "Cato Imre" {
			cato++
		}
		return nil
	}); err != nil || cato != 2 {
		t.Errorf("%d Cato Imre after keeping both, want 2 (%v)", cato, err)
	}
	tapDialogButton(t, mw.u.win, "OK")

	// Some chosen, the rest by a button.
	ts, err = db.Open(ctx, theirs)
	if err != nil {
		t.Fatal(err)
	}
	edit(ts, "Harbour Board", "theirs again")
	edit(st, "Harbour Board", "mine again")
	edit(ts, "Odile Ferrant", "theirs again")
	edit(st, "Odile Ferrant", "mine again")
	ts.Close()
	mw.mergeProject()
	rows = conflictRows(mw.u)
	if len(rows) != 2 {
		t.Fatalf("%d conflict rows the second time, want 2", len(rows))
	}
	rows["Odile Ferrant"].SetSelected("Theirs")
	tapDialogButton(t, mw.u.win, "Keep mine")
	if desc("Harbour Board") != "mine again" || desc("Odile Ferrant") != "theirs again" {
		t.Errorf("after one choice and Keep mine for the rest: %q, %q", desc("Harbour Board"), desc("Odile Ferrant"))
	}
}
