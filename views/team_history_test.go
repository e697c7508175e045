package views

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
	"dossier/db"
)

// tapButtonIn taps the button labelled text in o.
func tapButtonIn(t *testing.T, o fyne.CanvasObject, text string) {
	t.Helper()
	for _, c := range test.LaidOutObjects(o) {
		if b, ok := c.(*widget.Button); ok && b.Text == text {
			test.Tap(b)
			return
		}
	}
	t.Fatalf("no %q button in:\n%s", text, dossierText(o))
}

// The dossier's History… against a real hub: no button before a hub is connected; once
// connected it lists zeno's wrong edit of a relation (who, which field), and Revert
// writes the earlier version back on the hub, syncs it into this project, and reaches
// zeno's on his next sync.
func TestTeamHistoryRevert(t *testing.T) {
	ctx := context.Background()
	c, name := teamHub(t, "yara", "zeno")
	zeno := colleagueProject(t)
	board, err := zeno.CreateActor(ctx, app.Actor{Name: "Harbour Board", Kind: app.Organisation})
	if err != nil {
		t.Fatal(err)
	}
	council, err := zeno.CreateActor(ctx, app.Actor{Name: "Port Council", Kind: app.GovernmentBody})
	if err != nil {
		t.Fatal(err)
	}
	rel, err := zeno.CreateRelation(ctx, app.Relation{SourceID: board.ID, Type: "criticises", TargetID: council.ID, Start: "2026-03-05"})
	if err != nil {
		t.Fatal(err)
	}
	memberSync(t, c, name, "zeno", zeno)

	mw, st := checkWindow(t)
	mw.projects.ConnectHub = hubConnector
	mw.syncAfter = (&testTimers{}).after
	ts := mw.team
	mw.teamConnect()
	ts.url.SetText(app.WithoutPassword(c.UserURL(name, "yara", "")))
	ts.collection.SetText("gulf desk")
	ts.pass.SetText("yara-secret-pw")
	tapDialogButton(t, mw.u.win, "Connect and sync")

	r, err := zeno.Relation(ctx, rel.ID)
	if err != nil {
		t.Fatal(err)
	}
	r.Note = "a wrong note"
	if _, err := zeno.UpdateRelation(ctx, r); err != nil {
		t.Fatal(err)
	}
	memberSync(t, c, name, "zeno", zeno)
	mw.syncNow()
	here, err := st.FindActor(ctx, "Harbour Board")
	if err != nil {
		t.Fatal(err)
	}
	mw.u.openDossier(here.ID)
	tapButtonIn(t, mw.u.dossier.content(), "History…")
	text := dossierText(mw.u.win.Canvas().Overlays().Top())
	if !strings.Contains(text, "zeno changed note · relation Harbour Board criticises Port Council") || !strings.Contains(text, "zeno created · actor Harbour Board") {
		t.Fatalf("the history does not show zeno's changes:\n%s", text)
	}
	tapDialogButton(t, mw.u.win, "Revert")
	tapDialogButton(t, mw.u.win, "Revert change")
	relID := idByUUID(t, st, "relation", rel.UUID)
	if r, _ := st.Relation(ctx, relID); r.Note != "" {
		t.Errorf("after Revert this project's relation says %q", r.Note)
	}
	if !strings.Contains(mw.notice.Text, "Reverted change ") {
		t.Errorf("the status bar says %q", mw.notice.Text)
	}
	memberSync(t, c, name, "zeno", zeno)
	if r, _ := zeno.Relation(ctx, rel.ID); r.Note != "" {
		t.Errorf("after the revert zeno's relation says %q", r.Note)
	}

	// Disconnected, the dossier offers no History….
	mw.teamDisconnectAsked()
	mw.u.dossier.reload()
	for _, o := range test.LaidOutObjects(mw.u.dossier.content()) {
		if b, ok := o.(*widget.Button); ok && b.Text == "History…" {
			t.Error("History… is offered with no hub connected")
		}
	}
}

func hubConnector(ctx context.Context, url string) (TeamHub, error) {
	h, err := hubConnect(ctx, url)
	if err != nil {
		return nil, err
	}
	return h, nil
}

func idByUUID(t *testing.T, st *db.Store, kind, uuid string) int64 {
	t.Helper()
	id, err := st.IDByUUID(context.Background(), kind, uuid)
	if err != nil || id == 0 {
		t.Fatalf("%s %s: %v", kind, uuid, err)
	}
	return id
}
