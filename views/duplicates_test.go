package views

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
)

// dupTabs returns the tabs of the duplicates dialog, which must be open (perhaps under
// another dialog).
func dupTabs(t *testing.T, u *UI) *container.AppTabs {
	t.Helper()
	for _, o := range u.win.Canvas().Overlays().List() {
		for _, c := range test.LaidOutObjects(o) {
			if tabs, ok := c.(*container.AppTabs); ok {
				return tabs
			}
		}
	}
	t.Fatal("the duplicates dialog is not open")
	return nil
}

// TestDuplicatesViewMergeUndoNotSame: the View ▸ Duplicate actors… dialog lists the pair
// with its score and reason; Merge… shows what moves and merges on confirm; Past merges ▸
// Undo merge brings the actor back; Not the same keeps a pair out for good. Each step is
// checked in the store.
func TestDuplicatesViewMergeUndoNotSame(t *testing.T) {
	u, st := newTestUI(t)
	ctx := context.Background()
	full := mustActor(t, st, "Ilse Marquand", app.Person)
	short := mustActor(t, st, "Marquand", app.Person)
	union := mustActor(t, st, "Vesk Dock Union", app.Organisation)
	if _, err := st.CreateRelation(ctx, app.Relation{SourceID: short.ID, Type: "supports", TargetID: union.ID}); err != nil {
		t.Fatal(err)
	}
	mustActor(t, st, "Lumen Labs", app.Organisation)
	mustActor(t, st, "Lumen Lab", app.Organisation)

	u.showDuplicates()
	text := actorsDialogText(t, u)
	for _, want := range []string{"2 pair(s)", "Ilse Marquand (#1, person)  and  Marquand (#2, person)", "same surname", "Lumen Labs"} {
		if !strings.Contains(text, want) {
			t.Fatalf("dialog text %q lacks %q", text, want)
		}
	}
	// The surname pair is the second (a spelling variant scores higher): find its row.
	var merge func()
	for i, p := range dupViewPairs(t, u) {
		if p.A.ID == full.ID {
			merge = func() { tapNth(t, u, "Merge…", i) }
		}
	}
	// The kept side is a guess (the fuller name): the user can turn it round, and cancel.
	merge()
	actorsTapButton(t, u, "Keep “Marquand” instead")
	if got := actorsDialogText(t, u); !strings.Contains(got, "“Ilse Marquand” (#1) goes into “Marquand” (#2).") {
		t.Fatalf("swapped preview %q", got)
	}
	actorsTapButton(t, u, "Cancel")
	if _, err := st.Actor(ctx, full.ID); err != nil {
		t.Fatalf("cancel merged: %v", err)
	}
	merge()
	if got := actorsDialogText(t, u); !strings.Contains(got, "“Marquand” (#2) goes into “Ilse Marquand” (#1).") || !strings.Contains(got, "relations moved: 1") {
		t.Fatalf("preview %q", got)
	}
	actorsTapButton(t, u, "Merge")
	if _, err := st.Actor(ctx, short.ID); !app.IsCode(err, app.ENOTFOUND) {
		t.Fatalf("dropped actor still there (%v)", err)
	}
	if r, _ := st.Relations(ctx, app.RelationQuery{ActorID: full.ID}); len(r) != 1 {
		t.Fatalf("kept actor has %d relations", len(r))
	}
	tabs := dupTabs(t, u)
	tabs.SelectIndex(1)
	actorsTapButton(t, u, "Undo merge")
	if got := actorsDialogText(t, u); !strings.Contains(got, "“Marquand” is back beside “Ilse Marquand”, given back 1 relation,") {
		t.Fatalf("undo said %q", got)
	}
	actorsTapButton(t, u, "OK")
	back, err := st.Actor(ctx, short.ID)
	if err != nil || back.Name != "Marquand" {
		t.Fatalf("actor not back: %+v %v", back, err)
	}
	if r, _ := st.Relations(ctx, app.RelationQuery{ActorID: short.ID}); len(r) != 1 {
		t.Fatalf("restored actor has %d relations", len(r))
	}
	tabs.SelectIndex(0)
	before := len(dupViewPairs(t, u))
	tapNth(t, u, "Not the same", 0)
	d, _ := st.DuplicateActors(ctx)
	if len(d.Pairs) != before-1 || len(dupViewPairs(t, u)) != before-1 {
		t.Fatalf("after Not the same: store %d pairs, view %d, before %d", len(d.Pairs), len(dupViewPairs(t, u)), before)
	}
}

// dupViewPairs returns the pairs the open dialog lists.
func dupViewPairs(t *testing.T, u *UI) []app.DupPair {
	t.Helper()
	d, err := u.store.DuplicateActors(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return d.Pairs
}

// tapNth taps the n-th visible button labelled text in the top dialog.
func tapNth(t *testing.T, u *UI, text string, n int) {
	t.Helper()
	seen := 0
	for _, o := range test.LaidOutObjects(actorsTopDialog(t, u)) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && b.Visible() {
			if seen == n {
				test.Tap(b)
				return
			}
			seen++
		}
	}
	t.Fatalf("no button %q number %d", text, n)
}

// TestDuplicatesViewShowsEveryReason: a pair's row gives its reasons a line each, not one
// line cut short, and says how many more there are past the fourth; the merge preview
// lists them all before what the merge moves.
func TestDuplicatesViewShowsEveryReason(t *testing.T) {
	u, st := newTestUI(t)
	mustActor(t, st, "Ilse Marquand", app.Person)
	mustActor(t, st, "Marquand", app.Person)

	u.showDuplicates()
	pairs := dupViewPairs(t, u)
	if len(pairs) != 1 || len(pairs[0].Reasons) < 2 {
		t.Fatalf("pairs %+v: want one with several reasons", pairs)
	}
	text := actorsDialogText(t, u)
	if !strings.Contains(text, strings.Join(reasonLines(pairs[0]), "\n")) {
		t.Fatalf("dialog text %q lacks the reasons a line each %q", text, pairs[0].Reasons)
	}
	tapNth(t, u, "Merge…", 0)
	preview := actorsDialogText(t, u)
	for _, r := range pairs[0].Reasons {
		if !strings.Contains(preview, "• "+r) {
			t.Fatalf("preview %q lacks reason %q", preview, r)
		}
	}

	many := app.DupPair{Reasons: []string{"a", "b", "c", "d", "e", "f"}}
	if got := reasonLines(many); len(got) != maxReasonLines || got[maxReasonLines-1] != "and 3 more reason(s), listed in the merge preview" {
		t.Fatalf("reasonLines of six: %q", got)
	}
}
