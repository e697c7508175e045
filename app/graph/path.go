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

// Paths finds up to MaxPaths distinct shortest chains of relations (either direction)
// of at most MaxHops between from and to, over the links that pass f. It keeps only the
// actors that can lie on such a chain (their distances to both ends add up to MaxHops
// or less) before asking gonum for Yen's k shortest paths, so a large project costs a
// breadth-first walk, not a search of everything.
func Paths(from, to int64, links []Link, actors map[int64]Actor, types map[string]app.RelationType, f Filter) Connection {
	c := Connection{From: actorOr(actors, from), To: actorOr(actors, to)}
	if from == to {
		return c
	}
	adj := map[int64][]int{}
	var kept []Link
	for _, l := range links {
		if l.From == l.To || f.Check(l, types[l.Type], actors[l.From], actors[l.To]) != In {
			continue
		}
		i := len(kept)
		kept = append(kept, l)
		adj[l.From] = append(adj[l.From], i)
		adj[l.To] = append(adj[l.To], i)
	}
	da := distances(from, adj, kept, MaxHops)
	db := distances(to, adj, kept, MaxHops)
	best, ok := da[to]
	if !ok {
		return c
	}
	// Look among chains of the shortest length first, then one hop longer, and so on:
	// each round keeps only the actors that can lie on a chain of that length, so a busy
	// actor's thousands of counterparts are not all searched when a few short chains exist.
	var found [][]gograph.Node
	var pair map[[2]int64][]Link
	for length := best; length <= MaxHops; length++ {
		var g *simple.UndirectedGraph
		g, pair = within(length, kept, da, db)
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
	return c
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
