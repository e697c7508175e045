package graph

// Position is where the project network placed an actor, kept in the project.
type Position struct {
	ActorID int64
	X, Y    float64
	Pinned  bool
}

// Positions are the places of g's nodes, to keep.
func (g *Graph) Positions() []Position {
	out := make([]Position, len(g.Nodes))
	for i, n := range g.Nodes {
		out[i] = Position{ActorID: n.ID, X: n.X, Y: n.Y, Pinned: n.Pinned}
	}
	return out
}

// Place puts the nodes of g that have a kept position there, and says which did. A node
// placed is held still while the others are laid out (see Layout); Unhold then gives each
// its kept pin back.
func (g *Graph) Place(kept map[int64]Position) (placed []bool, all bool) {
	placed = make([]bool, len(g.Nodes))
	all = len(g.Nodes) > 0
	for i := range g.Nodes {
		p, ok := kept[g.Nodes[i].ID]
		if !ok {
			all = false
			continue
		}
		g.Nodes[i].X, g.Nodes[i].Y, g.Nodes[i].Pinned = p.X, p.Y, true
		placed[i] = true
	}
	return placed, all
}

// Unhold gives the nodes placed from kept positions their own pins back.
func (g *Graph) Unhold(placed []bool, kept map[int64]Position) {
	for i := range g.Nodes {
		if placed[i] {
			g.Nodes[i].Pinned = kept[g.Nodes[i].ID].Pinned
		}
	}
}
