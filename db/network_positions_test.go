package db

import (
	"context"
	"testing"

	"dossier/app"
	"dossier/app/graph"
)

// Network positions are kept per actor, updated in place, and go with a deleted actor.
func TestNetworkPositionsKept(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	a := mustActor(t, s, "Harbour Board", app.Organisation)
	b := mustActor(t, s, "Ferry Union", app.Organisation)
	if err := s.SaveNetworkPositions(ctx, []graph.Position{{ActorID: a.ID, X: 0.5, Y: -0.25, Pinned: true}, {ActorID: b.ID, X: 1, Y: 2}, {ActorID: 999, X: 3}}); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveNetworkPositions(ctx, []graph.Position{{ActorID: b.ID, X: -1, Y: 0.75}}); err != nil {
		t.Fatal(err)
	}
	got, err := s.NetworkPositions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[a.ID] != (graph.Position{ActorID: a.ID, X: 0.5, Y: -0.25, Pinned: true}) || got[b.ID].X != -1 {
		t.Errorf("kept %+v", got)
	}
	if err := s.DeleteActor(ctx, b.ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.NetworkPositions(ctx); len(got) != 1 {
		t.Errorf("after deleting an actor: %+v", got)
	}
}
