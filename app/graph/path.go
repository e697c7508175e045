package graph

import (
	"sort"

	gograph "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/path"
	"gonum.org/v1/gonum/graph/simple"

	"dossier/app"
)

// MaxHops is the longest connection "How are A and B connected?" looks for.
const MaxHops = 4

// MaxPaths is how many distinct connections it offers.
const MaxPaths = 3

// Hop is one step of a connection: the relations between two actors, best sourced first.
type Hop struct {
	From, To Actor
	Links    []Edge
}

// Path is one chain of relations from A to B.
type Path struct{ Hops []Hop }

// CoMention is a weaker connection: actors named in the same articles, with no recorded
// relation between them. Via is empty when A and B themselves share articles.
type CoMention struct {
	Via      []Actor
	Articles int // articles behind the weakest step
}

// Connection answers "How are A and B connected?".
type Connection struct {
	From, To Actor
	Paths    []Path      // shortest first, at most MaxPaths, each at most MaxHops
	Weak     []CoMention // co-mention only, offered apart
}

// Neighbours reads the relations touching any of the given actors (a relation may come
// more than once, and in any order). Paths asks it only for the actors whose
// relations can matter, so a store answers with a few indexed reads.
type Neighbours func(ids []int64) ([]Link, error)

// Paths finds up to MaxPaths distinct shortest chains of relations (either direction)
// of at most MaxHops between from and to, over the links that pass f. It is
// PathsAround over links held in memory.
func Paths(from, to int64, links []Link, actors map[int64]Actor, types map[string]app.RelationType, f Filter) Connection {
	c, _ := PathsAround(from, to, inMemory(links), actors, types, f)
	return c
}

// inMemory answers Neighbours from a list of links.
func inMemory(links []Link) Neighbours {
	touching := map[int64][]int{}
	for i, l := range links {
		touching[l.From] = append(touching[l.From], i)
		touching[l.To] = append(touching[l.To], i)
	}
	return func(ids []int64) ([]Link, error) {
		var out []Link
		for _, id := range ids {
			for _, i := range touching[id] {
				out = append(out, links[i])
			}
		}
		return out, nil
	}
}

// PathsAround finds up to MaxPaths distinct shortest chains of relations (either
// direction) of at most MaxHops between from and to, over the links that pass f,
// reading relations through read only around the two ends.
//
// It grows a ball of actors around each end, one hop at a time, the end with the
// smaller frontier first (a busy actor's thousands of counterparts are read only when
// the quiet end cannot do the work). Once the two radii add up to n, every relation of
// every chain of at most n hops has been read: a chain's k-th relation starts at most k
// hops from one end and ends at most n-k-1 hops from the other, so it touches the
// inner part of one of the balls, whose relations are all read. Distances measured over
// what was read are then exact for every actor that can lie on such a chain, so the
// chains found are those a search of the whole project would find.
//
// Chains are looked for at the shortest length first, then one hop longer, and so on,
// each round keeping only the actors that can lie on a chain of that length before
// asking gonum for Yen's k shortest paths.
func PathsAround(from, to int64, read Neighbours, actors map[int64]Actor, types map[string]app.RelationType, f Filter) (Connection, error) {
	c := Connection{From: actorOr(actors, from), To: actorOr(actors, to)}
	if from == to {
		return c, nil
	}
	s := newSearch(from, to, read, actors, types, f)
	best, err := s.meet()
	if err != nil || best < 0 {
		return c, err
	}
	var found [][]gograph.Node
	var pair map[[2]int64][]Link
	for length := best; length <= MaxHops; length++ {
		if err := s.reach(length); err != nil {
			return c, err
		}
		var g *simple.UndirectedGraph
		g, pair = s.candidates(length)
		found = path.YenKShortestPaths(g, MaxPaths, float64(length-best), simple.Node(from), simple.Node(to))
		if len(found) >= MaxPaths {
			break
		}
	}
	for _, nodes := range found {
		if len(nodes)-1 > MaxHops {
			continue
		}
		var p Path
		for i := 0; i+1 < len(nodes); i++ {
			u, v := nodes[i].ID(), nodes[i+1].ID()
			ls := append([]Link(nil), pair[[2]int64{min(u, v), max(u, v)}]...)
			rank(ls)
			p.Hops = append(p.Hops, Hop{From: actorOr(actors, u), To: actorOr(actors, v), Links: edges(ls, types)})
		}
		c.Paths = append(c.Paths, p)
	}
	return c, nil
}

// ball is the actors within radius hops of one end, by distance; frontier holds those
// at exactly radius, whose relations are not read yet.
type ball struct {
	dist     map[int64]int
	frontier []int64
	radius   int
}

// search holds what PathsAround has read: the relations that pass the filter, once
// each, and the two balls.
type search struct {
	from, to int64
	read     Neighbours
	keep     func(Link) bool
	kept     []Link
	seen     map[int64]bool // relation ids read
	adj      map[int64][]int
	a, b     ball
}

func newSearch(from, to int64, read Neighbours, actors map[int64]Actor, types map[string]app.RelationType, f Filter) *search {
	return &search{
		from: from, to: to, read: read,
		keep: func(l Link) bool {
			return l.From != l.To && f.Check(l, types[l.Type], actors[l.From], actors[l.To]) == In
		},
		seen: map[int64]bool{},
		adj:  map[int64][]int{},
		a:    ball{dist: map[int64]int{from: 0}, frontier: []int64{from}},
		b:    ball{dist: map[int64]int{to: 0}, frontier: []int64{to}},
	}
}

// meet grows the balls until they touch, and returns the length of the shortest chain,
// or -1 when there is none of at most MaxHops.
func (s *search) meet() (int, error) {
	for {
		if best := s.touching(); best >= 0 {
			return best, nil
		}
		if s.a.radius+s.b.radius >= MaxHops || !s.canGrow() {
			return -1, nil
		}
		if err := s.grow(); err != nil {
			return -1, err
		}
	}
}

// touching is the shortest chain through an actor both balls hold, -1 when none: once
// the balls touch, a shortest chain has an actor in both (it is at most the two radii
// long), so the smallest sum of distances is its length.
func (s *search) touching() int {
	best := -1
	for id, da := range s.a.dist {
		if db, ok := s.b.dist[id]; ok && (best < 0 || da+db < best) {
			best = da + db
		}
	}
	return best
}

// reach grows the balls until their radii add up to length (or neither can grow).
func (s *search) reach(length int) error {
	for s.a.radius+s.b.radius < length && s.canGrow() {
		if err := s.grow(); err != nil {
			return err
		}
	}
	return nil
}

func (s *search) canGrow() bool { return len(s.a.frontier) > 0 || len(s.b.frontier) > 0 }

// grow reads the relations of the smaller frontier and moves that ball out one hop. A
// ball whose frontier is empty has reached all it can: its radius grows for free.
func (s *search) grow() error {
	side := &s.a
	if len(s.a.frontier) == 0 || (len(s.b.frontier) > 0 && len(s.b.frontier) < len(s.a.frontier)) {
		side = &s.b
	}
	ls, err := s.read(side.frontier)
	if err != nil {
		return err
	}
	for _, l := range ls {
		if s.seen[l.ID] || !s.keep(l) {
			continue
		}
		s.seen[l.ID] = true
		i := len(s.kept)
		s.kept = append(s.kept, l)
		s.adj[l.From] = append(s.adj[l.From], i)
		s.adj[l.To] = append(s.adj[l.To], i)
	}
	side.radius++
	var next []int64
	for _, u := range side.frontier {
		for _, i := range s.adj[u] {
			v := other(s.kept[i], u)
			if _, ok := side.dist[v]; !ok {
				side.dist[v] = side.radius
				next = append(next, v)
			}
		}
	}
	side.frontier = next
	return nil
}

// other is the end of l that is not u.
func other(l Link, u int64) int64 {
	if l.To == u {
		return l.From
	}
	return l.To
}

// candidates is the graph of the relations read that can lie on a chain of at most
// length hops, and those relations by pair of actors.
func (s *search) candidates(length int) (*simple.UndirectedGraph, map[[2]int64][]Link) {
	da := distances(s.from, s.adj, s.kept, MaxHops)
	db := distances(s.to, s.adj, s.kept, MaxHops)
	return within(length, s.kept, da, db)
}

// within is the graph of the links that can lie on a chain of at most length hops from
// the actor da measures from to the one db does, and those links by pair of actors.
func within(length int, kept []Link, da, db map[int64]int) (*simple.UndirectedGraph, map[[2]int64][]Link) {
	on := func(id int64) bool {
		a, okA := da[id]
		b, okB := db[id]
		return okA && okB && a+b <= length
	}
	g := simple.NewUndirectedGraph()
	pair := map[[2]int64][]Link{}
	for _, l := range kept {
		if !on(l.From) || !on(l.To) {
			continue
		}
		if da[l.From]+1+db[l.To] > length && da[l.To]+1+db[l.From] > length {
			continue
		}
		k := [2]int64{min(l.From, l.To), max(l.From, l.To)}
		if len(pair[k]) == 0 {
			g.SetEdge(g.NewEdge(simple.Node(l.From), simple.Node(l.To)))
		}
		pair[k] = append(pair[k], l)
	}
	return g, pair
}

// distances walks breadth first from start up to depth hops.
func distances(start int64, adj map[int64][]int, links []Link, hops int) map[int64]int {
	d := map[int64]int{start: 0}
	frontier := []int64{start}
	for depth := 1; depth <= hops && len(frontier) > 0; depth++ {
		var next []int64
		for _, u := range frontier {
			for _, i := range adj[u] {
				v := links[i].To
				if v == u {
					v = links[i].From
				}
				if _, ok := d[v]; !ok {
					d[v] = depth
					next = append(next, v)
				}
			}
		}
		frontier = next
	}
	return d
}

// WeakConnections lists the connections through co-mention only: A and B named in the
// same articles (direct), and actors named with each (fromCo and toCo count the shared
// articles by actor), the weakest step deciding the order. Steps already joined by a
// relation path are left out: they are not "only" co-mentions. At most MaxPaths.
func WeakConnections(c Connection, direct int, fromCo, toCo map[int64]int, actors map[int64]Actor) []CoMention {
	related := map[int64]bool{}
	directRelation := false
	for _, p := range c.Paths {
		if len(p.Hops) == 1 {
			directRelation = true
		}
		if len(p.Hops) == 2 {
			related[p.Hops[0].To.ID] = true
		}
	}
	var out []CoMention
	if direct > 0 && !directRelation {
		out = append(out, CoMention{Articles: direct})
	}
	var via []CoMention
	for id, n := range fromCo {
		m := toCo[id]
		if m == 0 || id == c.From.ID || id == c.To.ID || related[id] {
			continue
		}
		via = append(via, CoMention{Via: []Actor{actorOr(actors, id)}, Articles: min(n, m)})
	}
	sort.Slice(via, func(i, j int) bool {
		if via[i].Articles != via[j].Articles {
			return via[i].Articles > via[j].Articles
		}
		return via[i].Via[0].Name < via[j].Via[0].Name
	})
	out = append(out, via...)
	if len(out) > MaxPaths {
		out = out[:MaxPaths]
	}
	return out
}
