package views

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"dossier/app"
	"dossier/db"
)

// File ▸ Merge another project…: the preview says what would come in and writes
// nothing; Merge backs up first, takes the records in, and says where the backup is.
// A conflict offers the three ways to settle it instead of Merge.
func TestMergeAnotherProjectFromWindow(t *testing.T) {
	ctx := context.Background()
	mw, st := checkWindow(t)
	theirs := filepath.Join(t.TempDir(), "theirs.dossier")
	ts, err := db.Open(ctx, theirs)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ts.CreateActor(ctx, app.Actor{Name: "Harbour Board", Kind: app.Organisation}); err != nil {
		t.Fatal(err)
	}
	ts.Close()
	mw.pickMergeFile = func(on func(string)) { on(theirs) }

	mw.mergeProject()
	if text := dossierText(mw.u.win.Canvas().Overlays().Top()); !strings.Contains(text, "would merge") || !strings.Contains(text, "actors: 1 added") {
		t.Fatalf("the preview says:\n%s", text)
	}
	if _, err := st.FindActor(ctx, "Harbour Board"); err == nil {
		t.Fatal("the preview wrote the actor")
	}
	tapDialogButton(t, mw.u.win, "Merge")
	if _, err := st.FindActor(ctx, "Harbour Board"); err != nil {
		t.Fatalf("after Merge: %v", err)
	}
	text := dossierText(mw.u.win.Canvas().Overlays().Top())
	if !strings.Contains(text, "restore the backup taken just before") || !strings.Contains(text, "merged "+theirs) {
		t.Errorf("after merging the window says:\n%s", text)
	}
	tapDialogButton(t, mw.u.win, "OK")

	// The same actor changed on both sides.
	for _, s := range []*db.Store{st, nil} {
		store := s
		if store == nil {
			if store, err = db.Open(ctx, theirs); err != nil {
				t.Fatal(err)
			}
		}
		a, err := store.FindActor(ctx, "Harbour Board")
		if err != nil {
			t.Fatal(err)
		}
		a.Description = "edited in " + store.Path()
		if _, err := store.UpdateActor(ctx, a); err != nil {
			t.Fatal(err)
		}
		if s == nil {
			store.Close()
		}
	}
	mw.mergeProject()
	for _, b := range []string{"Keep mine", "Take theirs", "Keep both"} {
		if checkButton(mw.u, b) == nil {
			t.Errorf("no %q for a conflict", b)
		}
	}
	if checkButton(mw.u, "Merge") != nil {
		t.Error("Merge is offered although a record conflicts")
	}
	tapDialogButton(t, mw.u.win, "Take theirs")
	if a, _ := st.FindActor(ctx, "Harbour Board"); a.Description != "edited in "+theirs {
		t.Errorf("after Take theirs the description is %q", a.Description)
	}
}
