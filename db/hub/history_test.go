package hub_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"dossier/app"
	"dossier/db"
	"dossier/db/hub"
)

// connectAs connects to the team's hub as user and finds the collection "desk".
func (tm *team) connectAs(t testing.TB, user string) (*hub.Hub, string) {
	t.Helper()
	ctx := context.Background()
	h, err := hub.Connect(ctx, tm.url(user))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { h.Close(context.Background()) })
	id, _, err := h.Collection(ctx, "desk")
	if err != nil {
		t.Fatal(err)
	}
	return h, id
}

// A wrong edit by bruno, to a relation and to an actor, is traced in the hub's history
// (who, when, which fields, before and after) and reverted by ayse; the revert is a
// change like any other: chen's project gets the earlier version back on its next sync,
// and everyone agrees with the hub.
func TestRevertReachesEveryone(t *testing.T) {
	ctx := context.Background()
	tm := newTeam(t)
	a, b, c := newProject(t), newProject(t), newProject(t)
	_, board, rel := seed(t, a)
	tm.mustSync(t, a, "ayse")
	tm.mustSync(t, b, "bruno")
	tm.mustSync(t, c, "chen")

	r, err := b.Relation(ctx, idOf(t, b, "relation", rel.UUID))
	if err != nil {
		t.Fatal(err)
	}
	r.Note = "made up by mistake"
	if _, err := b.UpdateRelation(ctx, r); err != nil {
		t.Fatal(err)
	}
	ab, err := b.FindActor(ctx, "Harbour Board")
	if err != nil {
		t.Fatal(err)
	}
	ab.Description = "wrongly called a charity"
	if _, err := b.UpdateActor(ctx, ab); err != nil {
		t.Fatal(err)
	}
	tm.mustSync(t, b, "bruno")

	h, id := tm.connectAs(t, "ayse")
	hist, more, err := h.History(ctx, id, []string{rel.UUID}, 0)
	if err != nil || more {
		t.Fatal(err, more)
	}
	if len(hist) != 2 {
		t.Fatalf("the relation's history has %d changes, want 2: %+v", len(hist), hist)
	}
	wrong, first := hist[0], hist[1]
	if wrong.By != tm.user("bruno") || wrong.Action() != "changed" || !slices.Equal(wrong.Fields(), []string{"note"}) || !wrong.Latest || wrong.At.IsZero() {
		t.Errorf("bruno's change: by %s, %s %v, latest %v", wrong.By, wrong.Action(), wrong.Fields(), wrong.Latest)
	}
	if first.By != tm.user("ayse") || first.Action() != "created" || first.Latest || first.Label != "Harbour Board threatens Ilse Marquand" {
		t.Errorf("ayse's change: by %s, %s, latest %v, %q", first.By, first.Action(), first.Latest, first.Label)
	}
	if !strings.Contains(string(wrong.After), "made up by mistake") || strings.Contains(string(wrong.Before), "made up by mistake") {
		t.Errorf("before/after: %s → %s", wrong.Before, wrong.After)
	}

	undo, err := h.Revert(ctx, id, "desk", wrong.Change)
	if err != nil {
		t.Fatal(err)
	}
	if undo.Change <= wrong.Change || undo.By != tm.user("ayse") || undo.Reverts != wrong.Change {
		t.Errorf("the revert: %+v", undo)
	}
	actorHist, _, err := h.History(ctx, id, []string{board.UUID}, 0)
	if err != nil || len(actorHist) != 2 {
		t.Fatalf("the actor's history: %d changes, %v", len(actorHist), err)
	}
	if _, err := h.Revert(ctx, id, "desk", actorHist[0].Change); err != nil {
		t.Fatal(err)
	}
	hist, _, err = h.History(ctx, id, []string{rel.UUID}, 0)
	if err != nil || len(hist) != 3 || hist[0].Action() != fmt.Sprintf("reverted change %d", wrong.Change) || !slices.Equal(hist[0].Fields(), []string{"note"}) {
		t.Fatalf("after the revert the history is %+v (%v)", hist, err)
	}

	tm.mustSync(t, c, "chen")
	if r, _ := c.Relation(ctx, idOf(t, c, "relation", rel.UUID)); r.Note != "" {
		t.Errorf("chen's relation after the revert: note %q", r.Note)
	}
	if ca, _ := c.FindActor(ctx, "Harbour Board"); ca.Description != "" {
		t.Errorf("chen's actor after the revert: %q", ca.Description)
	}
	tm.mustSync(t, a, "ayse")
	tm.mustSync(t, b, "bruno")
	tm.agree(t, a, b, c)
}

// A revert of a change the record has had another change since is refused, naming the
// later change and who made it; nothing is written.
func TestRevertRefusedWhenChangedSince(t *testing.T) {
	ctx := context.Background()
	tm := newTeam(t)
	a, b, c := newProject(t), newProject(t), newProject(t)
	seed(t, a)
	tm.mustSync(t, a, "ayse")
	tm.mustSync(t, b, "bruno")
	tm.mustSync(t, c, "chen")
	edit := func(p *db.Store, user string) {
		t.Helper()
		tm.mustSync(t, p, user)
		x, err := p.FindActor(ctx, "Ilse Marquand")
		if err != nil {
			t.Fatal(err)
		}
		x.Description = "edited by " + user
		if _, err := p.UpdateActor(ctx, x); err != nil {
			t.Fatal(err)
		}
		tm.mustSync(t, p, user)
	}
	edit(b, "bruno")
	edit(c, "chen")
	h, id := tm.connectAs(t, "ayse")
	x, _ := a.FindActor(ctx, "Ilse Marquand")
	hist, _, err := h.History(ctx, id, []string{x.UUID}, 0)
	if err != nil || len(hist) != 3 {
		t.Fatalf("history: %d %v", len(hist), err)
	}
	chens, brunos := hist[0], hist[1]
	before := tm.hubRecords(t)
	_, err = h.Revert(ctx, id, "desk", brunos.Change)
	msg := app.ErrorMessage(err)
	if !app.IsCode(err, app.ECONFLICT) || !strings.Contains(msg, fmt.Sprintf("change %d by %s", chens.Change, tm.user("chen"))) {
		t.Errorf("reverting a change made stale: %v", err)
	}
	if after := tm.hubRecords(t); !equalMaps(before, after) {
		t.Error("a refused revert changed the hub")
	}
	if _, err := h.Revert(ctx, id, "desk", 999999); !app.IsCode(err, app.ENOTFOUND) {
		t.Errorf("reverting a change that does not exist: %v", err)
	}
}

// A read-only member cannot revert, refused by the database itself: through the app's
// Revert, and writing the earlier version with its own SQL. Nor can any member write
// the change log, whose rows the database writes for every change, even one made with
// a member's own SQL.
func TestRevertReadOnlyAndLogByDatabase(t *testing.T) {
	ctx := context.Background()
	tm := newTeam(t)
	a := newProject(t)
	_, board, _ := seed(t, a)
	tm.mustSync(t, a, "ayse")

	// bruno changes the actor with his own SQL: the log has it all the same.
	bruno, err := pgx.Connect(ctx, tm.url("bruno"))
	if err != nil {
		t.Fatal(err)
	}
	defer bruno.Close(ctx)
	tag, err := bruno.Exec(ctx, `UPDATE dossier_hub.records SET data = jsonb_set(data, '{description}', '"by hand"') WHERE kind = 'actor' AND uuid = $1`, board.UUID)
	if err != nil || tag.RowsAffected() != 1 {
		t.Fatalf("bruno's own update: %v %v", tag, err)
	}
	h, id := tm.connectAs(t, "ayse")
	hist, _, err := h.History(ctx, id, []string{board.UUID}, 0)
	if err != nil || len(hist) != 2 || hist[0].By != tm.user("bruno") || !slices.Equal(hist[0].Fields(), []string{"description"}) {
		t.Fatalf("bruno's SQL change in the history: %+v %v", hist, err)
	}
	for _, q := range []string{
		`INSERT INTO dossier_hub.changes(seq, collection_id, kind, uuid, after, deleted, changed_by, changed_at) SELECT 1, collection_id, kind, uuid, data, false, 'ayse', now() FROM dossier_hub.records LIMIT 1`,
		`UPDATE dossier_hub.changes SET changed_by = 'ayse'`,
		`DELETE FROM dossier_hub.changes`,
	} {
		if _, err := bruno.Exec(ctx, q); err == nil || !strings.Contains(err.Error(), "permission denied") {
			t.Errorf("a member wrote the change log (%s): %v", q, err)
		}
	}

	eh, eid := tm.connectAs(t, "eli")
	before := tm.hubRecords(t)
	if _, err := eh.Revert(ctx, eid, "desk", hist[0].Change); !app.IsCode(err, app.EREADONLY) || !strings.Contains(app.ErrorMessage(err), "“desk”") {
		t.Errorf("a read-only member reverting: %v", err)
	}
	eli, err := pgx.Connect(ctx, tm.url("eli"))
	if err != nil {
		t.Fatal(err)
	}
	defer eli.Close(ctx)
	tag, err = eli.Exec(ctx, `UPDATE dossier_hub.records SET data = $2 WHERE kind = 'actor' AND uuid = $1`, board.UUID, []byte(hist[0].Before))
	if err == nil && tag.RowsAffected() != 0 {
		t.Errorf("eli's own SQL wrote %d record(s)", tag.RowsAffected())
	}
	if after := tm.hubRecords(t); !equalMaps(before, after) {
		t.Error("a read-only member changed the hub")
	}
}
