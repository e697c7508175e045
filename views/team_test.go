package views

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dossier/app"
	"dossier/app/teamsync"
	"dossier/db"
	"dossier/db/hub"
)

// File ▸ Team against a real hub: Connect… syncs at once (this project's articles sent,
// a colleague's actor received) and says so in the status bar; the hub and collection
// are remembered, the password is not (nowhere in the project's files); Sync now sends
// a change; a conflict is shown with the three ways to settle it; an unreachable hub
// is said in the status bar.
func TestTeamConnectAndSync(t *testing.T) {
	ctx := context.Background()
	c, name := teamHub(t, "yara", "zeno")
	// Zeno's project sends an actor first.
	zeno := colleagueProject(t)
	if _, err := zeno.CreateActor(ctx, app.Actor{Name: "Harbour Board", Kind: app.Organisation}); err != nil {
		t.Fatal(err)
	}
	zenoSync := func(opt app.HubSyncOptions) app.HubSyncReport {
		h, err := hub.Connect(ctx, c.UserURL(name, "zeno", "zeno-secret-pw"))
		if err != nil {
			t.Fatal(err)
		}
		defer h.Close(ctx)
		rep, err := teamsync.Sync(ctx, zeno, h, app.HubPlace{URL: app.WithoutPassword(c.UserURL(name, "zeno", "")), Collection: "gulf desk"}, opt)
		if err != nil {
			t.Fatal(err)
		}
		return rep
	}
	zenoSync(app.HubSyncOptions{})

	mw, st := checkWindow(t)
	mw.projects.ConnectHub = hubConnector
	mw.teamConnect()
	ts := mw.team
	ts.url.SetText(app.WithoutPassword(c.UserURL(name, "yara", "")))
	ts.collection.SetText("gulf desk")
	ts.pass.SetText("yara-secret-pw")
	tapDialogButton(t, mw.u.win, "Connect and sync")
	if got := ts.line.Text; !strings.HasPrefix(got, "Team: synced ") || !strings.Contains(got, "2 sent, 1 received") || !ts.line.Visible() {
		t.Fatalf("after connecting the status bar says %q", got)
	}
	if _, err := st.FindActor(ctx, "Harbour Board"); err != nil {
		t.Errorf("zeno's actor did not arrive: %v", err)
	}
	places, err := st.HubPlaces(ctx)
	if err != nil || len(places) != 1 || places[0].Collection != "gulf desk" {
		t.Fatalf("remembered %+v %v", places, err)
	}
	for _, f := range []string{st.Path(), st.Path() + "-wal"} {
		if b, err := os.ReadFile(f); err == nil && strings.Contains(string(b), "yara-secret-pw") {
			t.Errorf("the password is in %s", f)
		}
	}

	// Sync now sends a change made here.
	if _, err := st.CreateActor(ctx, app.Actor{Name: "Port Council", Kind: app.GovernmentBody}); err != nil {
		t.Fatal(err)
	}
	mw.syncNow()
	if got := ts.line.Text; !strings.Contains(got, "1 sent, 0 received") {
		t.Errorf("after Sync now the status bar says %q", got)
	}
	if rep := zenoSync(app.HubSyncOptions{}); rep.Received != 3 {
		t.Errorf("zeno received %d, want 3", rep.Received)
	}

	// The same actor changed on both sides: shown, settled as asked.
	for _, s := range []*db.Store{st, zeno} {
		a, err := s.FindActor(ctx, "Harbour Board")
		if err != nil {
			t.Fatal(err)
		}
		a.Description = "changed in " + filepath.Base(s.Path())
		if _, err := s.UpdateActor(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	zenoSync(app.HubSyncOptions{})
	mw.syncNow()
	if got := ts.line.Text; !strings.Contains(got, "1 conflict") {
		t.Errorf("with a conflict the status bar says %q", got)
	}
	if text := dossierText(mw.u.win.Canvas().Overlays().Top()); !strings.Contains(text, "Harbour Board") {
		t.Errorf("the conflict is not shown:\n%s", text)
	}
	tapDialogButton(t, mw.u.win, "Take theirs")
	if a, _ := st.FindActor(ctx, "Harbour Board"); a.Description != "changed in zeno.dossier" {
		t.Errorf("after Take theirs: %q", a.Description)
	}
	if got := ts.line.Text; !strings.HasPrefix(got, "Team: synced ") {
		t.Errorf("after settling the status bar says %q", got)
	}

	// "Added by": a relation zeno files shows, in this dossier, who added it.
	zb, err := zeno.FindActor(ctx, "Harbour Board")
	if err != nil {
		t.Fatal(err)
	}
	zc, err := zeno.FindActor(ctx, "Port Council")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := zeno.CreateRelation(ctx, app.Relation{SourceID: zb.ID, Type: "criticises", TargetID: zc.ID, Start: "2026-03-05"}); err != nil {
		t.Fatal(err)
	}
	zenoSync(app.HubSyncOptions{})
	mw.syncNow()
	council, err := st.FindActor(ctx, "Port Council")
	if err != nil {
		t.Fatal(err)
	}
	mw.u.openDossier(council.ID)
	if text := dossierText(mw.u.dossier.content()); !strings.Contains(text, "added by zeno") {
		t.Errorf("the dossier does not say who added the relation:\n%s", text)
	}

	// The project opened again says when it last synced.
	mw2 := newWindow(ctx, mw.u.win, st, Projects{DataDir: t.TempDir()}, true)
	if got := mw2.team.line.Text; !strings.HasPrefix(got, "Last synced with gulf desk ") {
		t.Errorf("a window on a synced project says %q", got)
	}

	// A hub that cannot be reached.
	ts.place.URL = "postgres://yara@127.0.0.1:1/none?sslmode=disable&connect_timeout=5"
	mw.syncNow()
	if got := ts.line.Text; !strings.HasPrefix(got, "Team: offline since ") {
		t.Errorf("with the hub unreachable the status bar says %q", got)
	}
}
