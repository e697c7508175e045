package graph

import (
	"math"
	"sort"

	"dossier/app"
)

// An ego graph at two hops is drawn in rings, not by the force layout: the force layout
// of a centre with its counterparts and theirs came out as a tight ball in the middle of
// a wide view, names over lines and over each other. In rings every actor gets room and
// its place says what it is: the centre in the middle, its counterparts around it in the
// same order as at one hop (grouped by polarity), and the actors one step further on an
// outer ring, each beside the counterparts it is related to.

// ringOrder returns the indexes of the nodes at hop (not the centre), grouped by the
// polarity of their first relation with the ring inside (conflictual, cooperative,
// neutral) so that like sits with like, then by name.
func ringOrder(g *Graph, hop int) []int {
	pol := map[int64]int{}
	for _, e := range g.Edges {
		other := e.To
		if other == g.Center {
			other = e.From
		} else if e.From != g.Center {
			continue
		}
		if _, ok := pol[other]; !ok {
			pol[other] = map[app.Polarity]int{app.Conflictual: 0, app.Cooperative: 1}[e.Polarity]
			if e.Polarity == app.Neutral || e.Polarity == "" {
				pol[other] = 2
			}
		}
	}
	var ring []int
	for i, nd := range g.Nodes {
		if nd.ID != g.Center && nd.Hop == hop {
			ring = append(ring, i)
		}
	}
	sort.SliceStable(ring, func(a, b int) bool {
		na, nb := g.Nodes[ring[a]], g.Nodes[ring[b]]
		if pol[na.ID] != pol[nb.ID] {
			return pol[na.ID] < pol[nb.ID]
		}
		return na.Name < nb.Name
	})
	return ring
}

// Ring radii, in the layout's units (the picture is about 1 across).
const (
	innerRing = 0.3 // the counterparts, when an outer ring is drawn
	outerRing = 0.5
	// A crowded ring is drawn as alternating bands, so neighbours' names do not meet.
	crowdedRing = 16
	ringBand    = 0.07
)

// rings lays out a two-hop ego graph. The outer ring's places are found in updates
// steps, each telling progress (which may stop them): every actor starts at the mean
// angle of the counterparts it is related to, and each step pulls it back towards that
// angle and pushes apart neighbours closer than a fair share of the ring.
func rings(g *Graph, updates int, progress func(done, total int) bool) {
	if c := g.Node(g.Center); c >= 0 && !g.Nodes[c].Pinned {
		g.Nodes[c].X, g.Nodes[c].Y = 0, 0
	}
	inner, outer := ringOrder(g, 1), ringOrder(g, 2)
	r1 := outerRing
	if len(outer) > 0 {
		r1 = innerRing
	}
	angle := make([]float64, len(g.Nodes))
	for k, i := range inner {
		angle[i] = -math.Pi/2 + 2*math.Pi*float64(k)/float64(len(inner))
	}
	place(g, inner, angle, r1)
	if len(outer) == 0 {
		return
	}
	target := outerTargets(g, outer, angle)
	copy(angle, target)
	gap := 2 * math.Pi / float64(max(len(outer), 12))
	for step := 1; step <= updates; step++ {
		for _, i := range outer {
			angle[i] += 0.1 * turn(target[i]-angle[i])
		}
		spread(outer, angle, gap)
		if progress != nil && !progress(step, updates) {
			break
		}
	}
	place(g, outer, angle, outerRing)
}

// outerTargets is, for each outer actor, the mean direction of the inner ones it is
// related to (evenly spread when they cancel out).
func outerTargets(g *Graph, outer []int, angle []float64) []float64 {
	idx := make(map[int64]int, len(g.Nodes))
	for i, n := range g.Nodes {
		idx[n.ID] = i
	}
	sx, sy := make([]float64, len(g.Nodes)), make([]float64, len(g.Nodes))
	for _, e := range g.Edges {
		a, b := idx[e.From], idx[e.To]
		for _, p := range [][2]int{{a, b}, {b, a}} {
			if g.Nodes[p[0]].Hop == 1 && g.Nodes[p[1]].Hop == 2 {
				sx[p[1]] += math.Cos(angle[p[0]])
				sy[p[1]] += math.Sin(angle[p[0]])
			}
		}
	}
	target := make([]float64, len(g.Nodes))
	for k, i := range outer {
		if math.Hypot(sx[i], sy[i]) < 1e-9 {
			target[i] = -math.Pi/2 + 2*math.Pi*float64(k)/float64(len(outer))
			continue
		}
		target[i] = math.Atan2(sy[i], sx[i])
	}
	return target
}

// spread pushes apart, in angle order, neighbours on a ring closer than gap.
func spread(ring []int, angle []float64, gap float64) {
	if len(ring) < 2 {
		return
	}
	order := append([]int(nil), ring...)
	sort.SliceStable(order, func(a, b int) bool { return norm(angle[order[a]]) < norm(angle[order[b]]) })
	for k := range order {
		a, b := order[k], order[(k+1)%len(order)]
		if d := norm(angle[b] - angle[a]); d < gap {
			angle[a] -= (gap - d) / 2
			angle[b] += (gap - d) / 2
		}
	}
}

// norm is a in [0, 2π); turn is a in (-π, π], the shorter way round.
func norm(a float64) float64 { return a - 2*math.Pi*math.Floor(a/(2*math.Pi)) }
func turn(a float64) float64 {
	a = norm(a)
	if a > math.Pi {
		a -= 2 * math.Pi
	}
	return a
}

// place puts the ring's unpinned actors at their angles at radius r; on a crowded ring
// every other one (every third, past three times as many) sits a band further in.
func place(g *Graph, ring []int, angle []float64, r float64) {
	bands := 1
	switch {
	case len(ring) > 3*crowdedRing:
		bands = 3
	case len(ring) > crowdedRing:
		bands = 2
	}
	order := append([]int(nil), ring...)
	sort.SliceStable(order, func(a, b int) bool { return norm(angle[order[a]]) < norm(angle[order[b]]) })
	for k, i := range order {
		if g.Nodes[i].Pinned {
			continue
		}
		ri := r - ringBand*float64(k%bands)
		g.Nodes[i].X, g.Nodes[i].Y = ri*math.Cos(angle[i]), ri*math.Sin(angle[i])
	}
}
