package hub

import (
	"context"
	"strings"
	"testing"

	"dossier/app"
)

// A hub of version 3 has no table for the members' network positions: this Dossier's
// pull says the hub must be updated, not a bare "relation does not exist"; updated, the
// same pull reads the collection, and a position is stamped with the member who wrote it,
// whatever member the client named.
func TestPullAsksForAnUpdatedHub(t *testing.T) {
	ctx := context.Background()
	h, coll := hubAtVersion(t, 3)
	_, _, err := h.Pull(ctx, coll, 0, 0)
	if !app.IsCode(err, app.ETOONEW) || !strings.Contains(app.ErrorMessage(err), "dossier hub init") {
		t.Fatalf("pulling from a version 3 hub: %v", err)
	}
	if v, err := h.Init(ctx); err != nil || v != latestVersion() {
		t.Fatalf("update: %d %v", v, err)
	}
	if _, err := h.conn.Exec(ctx, `INSERT INTO dossier_hub.positions(collection_id, member, actor, data) VALUES ($1, 'someone_else', gen_random_uuid(), '{"v": 1}')`, coll); err != nil {
		t.Fatal(err)
	}
	recs, _, err := h.Pull(ctx, coll, 0, 0)
	if err != nil || len(recs) != 1 || recs[0].Kind != "network_position" || recs[0].CreatedBy != "postgres" {
		t.Errorf("after the update: %+v %v", recs, err)
	}
}
