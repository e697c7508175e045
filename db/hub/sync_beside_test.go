package hub_test

import (
	"context"
	"testing"

	"dossier/app"
	"dossier/db"
)

// The window's syncs send this project's other changes while a conflict waits for
// review: the new actor reaches the hub and a colleague, the record in conflict stays
// the colleague's version on the hub and this project's here, and the conflict is
// still there to settle. Without the option, nothing is sent.
func TestSyncSendsBesideConflicts(t *testing.T) {
	ctx := context.Background()
	tm := newTeam(t)
	a, b := newProject(t), newProject(t)
	seed(t, a)
	tm.mustSync(t, a, "ayse")
	tm.mustSync(t, b, "bruno")
	for user, p := range map[string]*db.Store{"ayse": a, "bruno": b} {
		x, err := p.FindActor(ctx, "Ilse Marquand")
		if err != nil {
			t.Fatal(err)
		}
		x.Description = "by " + user
		if _, err := p.UpdateActor(ctx, x); err != nil {
			t.Fatal(err)
		}
	}
	tm.mustSync(t, b, "bruno")
	mustActor(t, a, "Port Council", app.GovernmentBody)

	before := tm.hubRecords(t)
	if _, err := tm.sync(t, a, "ayse", app.HubSyncOptions{}); !app.IsCode(err, app.ECONFLICT) {
		t.Fatalf("the plain sync: %v", err)
	}
	if after := tm.hubRecords(t); !equalMaps(before, after) {
		t.Fatal("a sync stopped on a conflict sent something without being asked to")
	}
	rep, err := tm.sync(t, a, "ayse", app.HubSyncOptions{SendDespiteConflicts: true})
	if !app.IsCode(err, app.ECONFLICT) || len(rep.Merge.Conflicts) != 1 || rep.Sent != 1 || rep.Stale != 1 {
		t.Fatalf("the sync beside a conflict: %v, %d conflicts, %d sent, %d stale", err, len(rep.Merge.Conflicts), rep.Sent, rep.Stale)
	}
	if got := tm.mustSync(t, b, "bruno"); got.Received != 1 {
		t.Errorf("bruno received %d, want the new actor", got.Received)
	}
	if _, err := b.FindActor(ctx, "Port Council"); err != nil {
		t.Errorf("the new actor did not reach bruno: %v", err)
	}
	if x, _ := b.FindActor(ctx, "Ilse Marquand"); x.Description != "by bruno" {
		t.Errorf("the record in conflict was overwritten on the hub: %q", x.Description)
	}
	if x, _ := a.FindActor(ctx, "Ilse Marquand"); x.Description != "by ayse" {
		t.Errorf("the record in conflict changed here: %q", x.Description)
	}
	if _, err := tm.sync(t, a, "ayse", app.HubSyncOptions{SendDespiteConflicts: true}); !app.IsCode(err, app.ECONFLICT) {
		t.Errorf("the conflict is gone without being settled: %v", err)
	}
	if _, err := tm.sync(t, a, "ayse", app.HubSyncOptions{Conflicts: app.TakeTheirs}); err != nil {
		t.Fatal(err)
	}
	tm.agree(t, a, b)
}
