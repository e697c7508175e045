package graph

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"strconv"

	gograph "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/iterator"
	"gonum.org/v1/gonum/graph/layout"
	"gonum.org/v1/gonum/graph/simple"

	"dossier/app"
)

// DefaultLimit is how many relations a graph draws before it says "showing N of M".
const DefaultLimit = 200

// Node is an actor drawn in a graph.
type Node struct {
	Actor
	Degree int // relations of the (filtered) graph that touch it, shown or not
	Hop    int // 0 for the centre, 1 or 2 for counterparts; 0 in a project network
	X, Y   float64
	Pinned bool
}

// Edge is one relation drawn in a graph.
type Edge struct {
	Link
	Label    string // the type's forward wording: "threatens"
	Polarity app.Polarity
	Directed bool
	// Dashed when the modality is not asserted: a threat, a condition or a denial is not the deed.
	Dashed bool
	// Parallel is this edge's place among the edges between the same two actors, and
	// Siblings how many there are, so that they are drawn apart.
	Parallel, Siblings int
}

// Graph is an ego graph or a project network, with what was left out said.
type Graph struct {
	Center  int64 // 0 for a project network
	Hops    int
	Nodes   []Node
	Edges   []Edge
	Total   int // relations that pass the filter within reach; len(Edges) of them are drawn
	Undated int // relations a date range or "as of" could not place
	Limit   int
	Filter  Filter
}

// Cut reports whether relations were left out to keep the picture readable.
func (g Graph) Cut() bool { return len(g.Edges) < g.Total }

// Notice says what the picture shows and what it leaves out, in words: "Showing 200 of
// 1,340 relations." It is never empty when something was cut.
func (g Graph) Notice() string {
	var s string
	if g.Cut() {
		s = fmt.Sprintf("Showing %s of %s relations (%s).", Thousands(len(g.Edges)), Thousands(g.Total), g.order())
	} else {
		s = fmt.Sprintf("%s relations, %s actors.", Thousands(len(g.Edges)), Thousands(len(g.Nodes)))
	}
	if g.Undated > 0 {
		s += fmt.Sprintf(" %s undated relations left out by the dates chosen.", Thousands(g.Undated))
	}
	return s
}

// order says which relations a cut keeps, for the notice.
func (g Graph) order() string {
	if g.Center == 0 {
		return "those between the most connected actors first"
	}
	return "the actor's own, best sourced first; then those among its counterparts"
}

// Node returns the index of the node of actor id, -1 when it is not drawn.
func (g Graph) Node(id int64) int {
	for i, n := range g.Nodes {
		if n.ID == id {
			return i
		}
	}
	return -1
}

// Thousands writes n with thousands separators: 1,340.
func Thousands(n int) string {
	s := strconv.Itoa(n)
	neg := n < 0
	if neg {
		s = s[1:]
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	if neg {
		s = "-" + s
	}
	return s
}

// Ego builds the graph of center at 1 or 2 hops from links (the centre's relations and,
// for 2 hops, its counterparts': more may hold further relations, the centre's among
// them, which are then taken from links only), keeping those that pass f and drawing at
// most limit of them: the centre's own relations first, most sourced and newest first;
// then those among its counterparts, then those reaching further. Node degrees count
// every matching relation, drawn or not.
func Ego(center int64, hops int, links, more []Link, actors map[int64]Actor, types map[string]app.RelationType, f Filter, limit int) Graph {
	r := EgoReach(center, hops, links, actors, types, f)
	var far Far
	if r.Hops == 2 {
		far = r.farOf([][]Link{links, more}, actors, types, f, limit)
	}
	return r.Graph(far, actors, types, f, limit)
}

// Reach is the first hop of an ego graph: the centre's relations that pass the filter,
// ranked as they are drawn, and the counterparts they reach. A store that counts the
// second hop itself (Far) starts from it; Ego computes both from the links it is given.
type Reach struct {
	Center  int64
	Hops    int
	Near    []Link         // the centre's relations that pass, most sourced and newest first
	First   map[int64]bool // the counterparts they reach
	degree  map[int64]int
	undated int
}

// EgoReach reads the centre's relations from links (others are ignored) and keeps those
// that pass f.
func EgoReach(center int64, hops int, links []Link, actors map[int64]Actor, types map[string]app.RelationType, f Filter) Reach {
	r := Reach{Center: center, Hops: min(max(hops, 1), 2), First: map[int64]bool{}, degree: map[int64]int{}}
	seen := map[int64]bool{}
	for i := range links {
		l := &links[i]
		if seen[l.ID] || (l.From != center && l.To != center) {
			continue
		}
		seen[l.ID] = true
		other := l.To
		if other == center {
			other = l.From
		}
		switch f.Check(*l, types[l.Type], actors[center], actors[other]) {
		case In:
			r.Near = append(r.Near, *l)
			r.First[other] = true
			r.degree[l.From]++
			r.degree[l.To]++
		case Undated:
			r.undated++
		}
	}
	rank(r.Near)
	return r
}

// Room is how many second-hop relations a graph cut at limit can draw: -1 for all of
// them (no limit), 0 when the centre's own fill the picture.
func (r Reach) Room(limit int) int {
	if r.Hops < 2 {
		return 0
	}
	if limit <= 0 {
		return -1
	}
	return max(limit-len(r.Near), 0)
}

// FarSide orders the two ends of a second-hop relation as the filter sees them: self is
// the end among the centre's counterparts (the source when both are), other the far one.
func (r Reach) FarSide(l Link) (self, other int64) {
	if r.First[l.From] {
		return l.From, l.To
	}
	return l.To, l.From
}

// Far is what a graph needs of the second hop: the relations that reach from the
// centre's counterparts further (not the centre's own), counted, and the first of them
// in the order they are drawn (those among the counterparts first, then newest, then by
// id), as many as Room allows.
type Far struct {
	Total   int           // second-hop relations that pass the filter
	Undated int           // second-hop relations a date filter could not place
	Top     []Link        // the first Room of them, in drawing order
	Degree  map[int64]int // of every actor drawn: the second-hop relations touching it that pass
}

// farOf computes Far from every relation in srcs, as a store reading them all would.
func (r Reach) farOf(srcs [][]Link, actors map[int64]Actor, types map[string]app.RelationType, f Filter, limit int) Far {
	room := r.Room(limit)
	far := Far{Degree: map[int64]int{}}
	var kept []Link
	for _, src := range srcs {
		for i := range src {
			l := &src[i]
			if l.From == r.Center || l.To == r.Center || (!r.First[l.From] && !r.First[l.To]) {
				continue
			}
			self, other := r.FarSide(*l)
			switch f.Check(*l, types[l.Type], actors[self], actors[other]) {
			case In:
				far.Total++
				far.Degree[l.From]++
				far.Degree[l.To]++
				// A busy actor's second hop is most of the project: when the centre's
				// own relations fill the picture, it is only counted, never copied or ranked.
				if room != 0 {
					kept = append(kept, *l)
				}
			case Undated:
				far.Undated++
			}
		}
	}
	rankFar(kept, r.First)
	if room >= 0 && len(kept) > room {
		kept = kept[:room]
	}
	far.Top = kept
	return far
}

// Graph assembles the ego graph from its first hop and its second (far; zero at one
// hop): the centre's relations, then far's, cut at limit, and the actors they join.
func (r Reach) Graph(far Far, actors map[int64]Actor, types map[string]app.RelationType, f Filter, limit int) Graph {
	g := Graph{Center: r.Center, Hops: r.Hops, Limit: limit, Filter: f}
	g.Undated = r.undated + far.Undated
	g.Total = len(r.Near) + far.Total
	all := append(append([]Link(nil), r.Near...), far.Top...)
	if limit > 0 && len(all) > limit {
		all = all[:limit]
	}
	degree := func(id int64) int { return r.degree[id] + far.Degree[id] }
	g.Nodes = append(g.Nodes, Node{Actor: actorOr(actors, r.Center), Degree: degree(r.Center)})
	added := map[int64]bool{r.Center: true}
	for _, l := range all {
		for _, id := range []int64{l.From, l.To} {
			if !added[id] {
				added[id] = true
				h := 2
				if r.First[id] {
					h = 1
				}
				g.Nodes = append(g.Nodes, Node{Actor: actorOr(actors, id), Degree: degree(id), Hop: h})
			}
		}
	}
	g.Edges = edges(all, types)
	return g
}

// Drawn lists the actors a graph built from r and the second-hop relations top would draw
// (the centre included): those whose degrees Far must give.
func (r Reach) Drawn(top []Link, limit int) []int64 {
	all := append(append([]Link(nil), r.Near...), top...)
	if limit > 0 && len(all) > limit {
		all = all[:limit]
	}
	out := []int64{r.Center}
	seen := map[int64]bool{r.Center: true}
	for _, l := range all {
		for _, id := range []int64{l.From, l.To} {
			if !seen[id] {
				seen[id] = true
				out = append(out, id)
			}
		}
	}
	return out
}

// Network builds the graph of the whole project (or of what f keeps), drawing at most
// limit relations, the most sourced first.
func Network(links []Link, actors map[int64]Actor, types map[string]app.RelationType, f Filter, limit int) Graph {
	g := Graph{Limit: limit, Filter: f}
	var kept []Link
	for _, l := range links {
		switch f.Check(l, types[l.Type], actors[l.From], actors[l.To]) {
		case In:
			kept = append(kept, l)
		case Undated:
			g.Undated++
		}
	}
	g.Total = len(kept)
	degree := map[int64]int{}
	for _, l := range kept {
		degree[l.From]++
		degree[l.To]++
	}
	rankHubs(kept, degree)
	if limit > 0 && len(kept) > limit {
		kept = kept[:limit]
	}
	added := map[int64]bool{}
	for _, l := range kept {
		for _, id := range []int64{l.From, l.To} {
			if !added[id] {
				added[id] = true
				g.Nodes = append(g.Nodes, Node{Actor: actorOr(actors, id), Degree: degree[id]})
			}
		}
	}
	g.Edges = edges(kept, types)
	return g
}

func actorOr(actors map[int64]Actor, id int64) Actor {
	if a, ok := actors[id]; ok {
		return a
	}
	return Actor{ID: id, Name: "#" + strconv.FormatInt(id, 10), Kind: app.OtherKind}
}

// rankKey is what a ranking compares, computed once per link: a and b larger first,
// then newest, then the lower id (so the order is total and the same every time).
type rankKey struct {
	a, b  int
	start app.Date
	id    int64
	i     int32
}

// sortByKeys orders ls by keys (one per link, in ls's order), moving indexes rather
// than the links themselves.
func sortByKeys(ls []Link, keys []rankKey) {
	slices.SortFunc(keys, func(x, y rankKey) int {
		switch {
		case x.a != y.a:
			return y.a - x.a
		case x.b != y.b:
			return y.b - x.b
		case x.start != y.start:
			if x.start > y.start {
				return -1
			}
			return 1
		case x.id < y.id:
			return -1
		case x.id > y.id:
			return 1
		}
		return 0
	})
	sorted := make([]Link, len(ls))
	for n, k := range keys {
		sorted[n] = ls[k.i]
	}
	copy(ls, sorted)
}

func keysOf(ls []Link, a func(l *Link) int) []rankKey {
	keys := make([]rankKey, len(ls))
	for i := range ls {
		keys[i] = rankKey{a: a(&ls[i]), start: ls[i].Start, id: ls[i].ID, i: int32(i)}
	}
	return keys
}

// rankFar orders second-hop links: those between two of the centre's counterparts
// (inner) first, then newest. It does not look at sources, so the store need not count
// them for every relation of a large project, only for those drawn (SetArticles).
func rankFar(ls []Link, inner map[int64]bool) {
	sortByKeys(ls, keysOf(ls, func(l *Link) int {
		if inner[l.From] && inner[l.To] {
			return 1
		}
		return 0
	}))
}

// rankHubs orders a network's links: those between the most connected actors first,
// then newest, so that a cut keeps the backbone of the picture.
func rankHubs(ls []Link, degree map[int64]int) {
	sortByKeys(ls, keysOf(ls, func(l *Link) int { return degree[l.From] + degree[l.To] }))
}

// rank orders links most sourced first, then newest.
func rank(ls []Link) {
	sortByKeys(ls, keysOf(ls, func(l *Link) int { return l.Articles }))
}

// SetArticles fills in the number of backing articles of the drawn edges, by relation id.
func (g *Graph) SetArticles(n map[int64]int) {
	for i := range g.Edges {
		if k, ok := n[g.Edges[i].ID]; ok {
			g.Edges[i].Articles = k
		}
	}
}

func edges(ls []Link, types map[string]app.RelationType) []Edge {
	out := make([]Edge, len(ls))
	pairs := map[[2]int64][]int{}
	for i, l := range ls {
		t := types[l.Type]
		label := t.Label
		if label == "" {
			label = l.Type
		}
		out[i] = Edge{Link: l, Label: label, Polarity: t.Polarity, Directed: t.Directed,
			Dashed: l.Modality != "" && l.Modality != app.Asserted}
		k := [2]int64{min(l.From, l.To), max(l.From, l.To)}
		pairs[k] = append(pairs[k], i)
	}
	for _, idx := range pairs {
		for p, i := range idx {
			out[i].Parallel, out[i].Siblings = p, len(idx)
		}
	}
	return out
}

// Layout places the nodes with gonum's force-directed Eades layout (Barnes-Hut
// repulsion), deterministic for a graph, in a square of side about 1 centred on 0,0. The
// centre of an ego graph sits at 0,0; pinned nodes keep their place. updates bounds the
// work (60 is enough for a few hundred nodes); progress, if not nil, is told after each
// step and stops the layout early when it returns false.
func Layout(g *Graph, updates int, progress func(done, total int) bool) {
	n := len(g.Nodes)
	if n == 0 {
		return
	}
	if n == 1 {
		if !g.Nodes[0].Pinned {
			g.Nodes[0].X, g.Nodes[0].Y = 0, 0
		}
		return
	}
	if g.Center != 0 && g.Hops == 1 {
		radial(g)
		return
	}
	if g.Center != 0 {
		rings(g, updates, progress)
		return
	}
	sg := springs(g)
	eades := layout.EadesR2{Repulsion: 1, Rate: 0.05, Updates: updates, Theta: 0.5, Src: rand.NewPCG(uint64(n), 7)}
	order := make([]gograph.Node, n)
	for i := range order {
		order[i] = simple.Node(i)
	}
	opt := layout.NewOptimizerR2(ordered{sg, order}, eades.Update)
	for done := 1; opt.Update(); done++ {
		if progress != nil && !progress(done, updates) {
			break
		}
	}
	xs := make([]float64, n)
	ys := make([]float64, n)
	for i := range g.Nodes {
		c := opt.Coord2(int64(i))
		xs[i], ys[i] = c.X, c.Y
	}
	normalise(xs, ys, g)
	for i := range g.Nodes {
		if !g.Nodes[i].Pinned {
			g.Nodes[i].X, g.Nodes[i].Y = xs[i], ys[i]
		}
	}
}

// radial places a one-hop ego graph: the centre in the middle, its counterparts evenly on
// a circle, grouped by the polarity of their first relation (conflictual, cooperative,
// neutral) so that like sits with like; every label gets room, which a force layout of a
// star does not give.
func radial(g *Graph) {
	if c := g.Node(g.Center); c >= 0 && !g.Nodes[c].Pinned {
		g.Nodes[c].X, g.Nodes[c].Y = 0, 0
	}
	ring := ringOrder(g, 1)
	for k, i := range ring {
		if g.Nodes[i].Pinned {
			continue
		}
		a := -math.Pi/2 + 2*math.Pi*float64(k)/float64(len(ring))
		g.Nodes[i].X, g.Nodes[i].Y = 0.5*math.Cos(a), 0.5*math.Sin(a)
	}
}

// springs is the graph the layout pulls together, one spring per pair of related actors,
// each weighted 1/(the larger degree of its two ends). Eades' step moves a node by the
// sum of its springs' pulls: unweighted, a hub with thousands of counterparts is flung
// thousands of times too far at each step, the layout diverges (coordinates of 1e17)
// and the picture is a few points. Weighted so, no node's springs pull harder in all
// than one spring, whatever its degree, and the hub's counterparts settle in a cloud
// around it. A small picture, where no node has more than plainSprings, keeps plain ones.
func springs(g *Graph) *simple.WeightedUndirectedGraph {
	idx := make(map[int64]int64, len(g.Nodes))
	for i, nd := range g.Nodes {
		idx[nd.ID] = int64(i)
	}
	seen := map[[2]int64]bool{}
	var pairs [][2]int64
	deg := make([]int, len(g.Nodes))
	for _, e := range g.Edges {
		u, v := idx[e.From], idx[e.To]
		k := [2]int64{min(u, v), max(u, v)}
		if u == v || seen[k] {
			continue
		}
		seen[k] = true
		pairs = append(pairs, k)
		deg[u]++
		deg[v]++
	}
	sg := simple.NewWeightedUndirectedGraph(0, 0)
	for i := range g.Nodes {
		sg.AddNode(simple.Node(i))
	}
	plain := slices.Max(append(deg, 0)) <= plainSprings
	for _, k := range pairs {
		w := 1.0
		if !plain {
			w = 1 / float64(max(deg[k[0]], deg[k[1]]))
		}
		sg.SetWeightedEdge(sg.NewWeightedEdge(simple.Node(k[0]), simple.Node(k[1]), w))
	}
	return sg
}

// plainSprings is the most springs any node of a picture may have for them all to stay
// plain: the step stays stable, and a small picture spreads better with full springs.
const plainSprings = 8

// ordered gives gonum the nodes in index order: the layout's random start is drawn in
// the order nodes come, and a map's order would make the same graph look different each time.
type ordered struct {
	*simple.WeightedUndirectedGraph
	nodes []gograph.Node
}

func (o ordered) Nodes() gograph.Nodes { return iterator.NewOrderedNodes(o.nodes) }

// normalise shifts the layout so that the centre (or the mean) is at 0,0 and scales it
// into a disc of radius 0.5.
func normalise(xs, ys []float64, g *Graph) {
	var cx, cy float64
	if c := g.Node(g.Center); g.Center != 0 && c >= 0 {
		cx, cy = xs[c], ys[c]
	} else {
		// The median, which the few thrown far out do not move.
		mx, my := append([]float64(nil), xs...), append([]float64(nil), ys...)
		sort.Float64s(mx)
		sort.Float64s(my)
		cx, cy = mx[len(mx)/2], my[len(my)/2]
	}
	dist := make([]float64, len(xs))
	for i := range xs {
		xs[i] -= cx
		ys[i] -= cy
		dist[i] = math.Hypot(xs[i], ys[i])
	}
	// A force layout of a large, uneven network throws a few actors far out; scaled to
	// them, everyone else would sit on one point. The scale is set by the 95th
	// percentile instead, and the few beyond are drawn in on a thin rim, in their direction.
	sorted := append([]float64(nil), dist...)
	sort.Float64s(sorted)
	far := sorted[len(sorted)-1]
	if len(sorted) >= 20 {
		far = sorted[len(sorted)*95/100]
	}
	if far == 0 || math.IsNaN(far) || math.IsInf(far, 0) {
		// A degenerate layout (all on one point): a circle says as much as any.
		for i := range xs {
			a := 2 * math.Pi * float64(i) / float64(len(xs))
			xs[i], ys[i] = 0.5*math.Cos(a), 0.5*math.Sin(a)
		}
		return
	}
	for i := range xs {
		k := 0.45 / far
		if d := dist[i] * k; d > 0.45 {
			k *= (0.45 + 0.05*(1-math.Exp(-(d-0.45)*4))) / d
		}
		xs[i] *= k
		ys[i] *= k
	}
}
