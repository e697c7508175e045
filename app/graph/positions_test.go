package graph

import "testing"

// Kept positions put their nodes back and hold them while the rest is laid out; the
// researcher's own pins come back after.
func TestPlaceHoldsKeptPositionsThroughLayout(t *testing.T) {
	g := Graph{}
	for i := int64(1); i <= 4; i++ {
		g.Nodes = append(g.Nodes, Node{Actor: Actor{ID: i}})
	}
	g.Edges = []Edge{{Link: Link{ID: 1, From: 1, To: 2}}, {Link: Link{ID: 2, From: 2, To: 3}}, {Link: Link{ID: 3, From: 3, To: 4}}}
	kept := map[int64]Position{1: {ActorID: 1, X: 0.25, Y: -0.5, Pinned: true}, 2: {ActorID: 2, X: -0.75, Y: 0.5}}
	placed, all := g.Place(kept)
	if all || !placed[0] || !placed[1] || placed[2] {
		t.Fatalf("placed %v, all %v", placed, all)
	}
	Layout(&g, 20, nil)
	g.Unhold(placed, kept)
	for _, id := range []int64{1, 2} {
		n := g.Nodes[g.Node(id)]
		if n.X != kept[id].X || n.Y != kept[id].Y || n.Pinned != kept[id].Pinned {
			t.Errorf("node %d at %v,%v pinned %v; kept %+v", id, n.X, n.Y, n.Pinned, kept[id])
		}
	}
	if _, all := g.Place(map[int64]Position{1: {}, 2: {}, 3: {}, 4: {}}); !all {
		t.Error("every node kept, yet not all placed")
	}
	if got := g.Positions(); len(got) != 4 || got[0].ActorID != 1 {
		t.Errorf("positions %+v", got)
	}
}
