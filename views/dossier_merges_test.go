package views

import (
	"context"
	"strings"
	"testing"

	"dossier/app"
)

// The dossier of an actor another was merged into offers Undo merge; undoing it brings
// the other actor back with its relation, and the offer goes.
func TestDossierUndoesAMerge(t *testing.T) {
	f := newDossierFixture(t)
	ctx := context.Background()
	twin := mustActor(t, f.st, "Donald J. Trump", app.Person)
	if _, err := f.st.CreateRelation(ctx, app.Relation{SourceID: twin.ID, Type: "meets_with", TargetID: f.iran.ID,
		Start: "2026-01-30", Evidence: []app.Evidence{{ArticleID: f.article.ID, Quote: "they would hold Trump responsible"}}}); err != nil {
		t.Fatal(err)
	}
	if _, _, _, err := f.st.Merge(ctx, f.trump.ID, twin.ID); err != nil {
		t.Fatal(err)
	}
	d := f.open(f.trump)
	text := dossierText(d.content())
	mustContain(t, text, "“Donald J. Trump” was merged into this actor on")
	undo := findButton(d.content(), "Undo merge")
	if undo == nil {
		t.Fatalf("no Undo merge button in the dossier:\n%s", text)
	}
	undo.OnTapped()
	tapDialogButton(t, f.u.win, "Undo merge")
	back, err := f.st.Actor(ctx, twin.ID)
	if err != nil || back.Name != "Donald J. Trump" {
		t.Fatalf("the merged actor is not back: %+v %v", back, err)
	}
	rels, err := f.st.Relations(ctx, app.RelationQuery{ActorID: twin.ID})
	if err != nil || len(rels) != 1 {
		t.Errorf("the merged actor came back with %d relations (%v), want 1", len(rels), err)
	}
	if top := f.u.win.Canvas().Overlays().Top(); top == nil || !strings.Contains(dossierText(top), "given back") {
		t.Error("no word on what the undo gave back")
	}
	if strings.Contains(dossierText(d.content()), "was merged into this actor") {
		t.Error("the dossier still offers to undo a merge already undone")
	}
}
