package graph

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"dossier/app"
)

// A small invented world: a minister (1), a coalition (2), a republic (3), a militia (4),
// a newspaper (5), an envoy (6) and a far actor (7) only the envoy knows.
var (
	actors = map[int64]Actor{
		1: {1, "Dara Velen", app.Person}, 2: {2, "Harbour Coalition", app.Party}, 3: {3, "Republic of Osk", app.State},
		4: {4, "Grey Brigades", app.ArmedGroup}, 5: {5, "The Lantern", app.Media}, 6: {6, "Envoy Marr", app.Person},
		7: {7, "Far Council", app.GovernmentBody},
	}
	types = map[string]app.RelationType{
		"supports":   {Key: "supports", Label: "supports", Inverse: "is supported by", Directed: true, Polarity: app.Cooperative},
		"threatens":  {Key: "threatens", Label: "threatens", Inverse: "is threatened by", Directed: true, Polarity: app.Conflictual},
		"rejects":    {Key: "rejects", Label: "rejects", Inverse: "is rejected by", Directed: true, Polarity: app.Conflictual},
		"meets_with": {Key: "meets_with", Label: "meets with", Inverse: "meets with", Polarity: app.Cooperative},
		"represents": {Key: "represents", Label: "represents", Inverse: "is represented by", Directed: true, Polarity: app.Neutral},
	}
	links = []Link{
		{ID: 1, From: 2, To: 1, Type: "supports", Start: "2026-01", Reported: "2026-01-20", Confidence: "reported", Modality: "asserted", Articles: 3},
		{ID: 2, From: 3, To: 1, Type: "threatens", Start: "2026-01-27", Reported: "2026-01-28", Confidence: "reported", Modality: "conditional", Articles: 1, Text: "unless he withdraws"},
		{ID: 3, From: 1, To: 3, Type: "rejects", Start: "2026-01-28", Reported: "2026-01-28", Confidence: "confirmed", Modality: "asserted", Articles: 2},
		{ID: 4, From: 4, To: 1, Type: "supports", Start: "", Reported: "", Confidence: "alleged", Modality: "asserted", Articles: 1},
		{ID: 5, From: 1, To: 5, Type: "meets_with", Start: "2025", Reported: "2025-03-02", Confidence: "reported", Modality: "asserted", Articles: 1},
		{ID: 6, From: 6, To: 3, Type: "represents", Start: "2024", Reported: "2025-11-01", Confidence: "confirmed", Modality: "asserted", Articles: 4},
		{ID: 7, From: 6, To: 7, Type: "meets_with", Start: "2025-06-02", Reported: "2025-06-03", Confidence: "reported", Modality: "asserted", Articles: 1},
		{ID: 8, From: 2, To: 4, Type: "supports", Start: "2025-12", Reported: "2025-12-10", Confidence: "reported", Modality: "asserted", Articles: 1},
	}
)

func ids(ls []Link) []int64 {
	out := []int64{}
	for _, l := range ls {
		out = append(out, l.ID)
	}
	return out
}

// TestFilterEachCriterion walks every criterion of the dossier filter and checks what
// it keeps of the minister's relations, and that undated relations are counted apart
// (never kept or dropped in silence) whenever a date criterion is set.
func TestFilterEachCriterion(t *testing.T) {
	mine := links[:5]
	for _, tc := range []struct {
		name    string
		f       Filter
		want    string
		undated int
	}{
		{"none", Filter{}, "[3 2 1 5 4]", 0},
		{"conflictual", Filter{Polarities: []app.Polarity{app.Conflictual}}, "[3 2]", 0},
		{"cooperative", Filter{Polarities: []app.Polarity{app.Cooperative}}, "[1 5 4]", 0},
		{"type", Filter{Types: []string{"supports"}}, "[1 4]", 0},
		{"confidence", Filter{Confidences: []string{"confirmed"}}, "[3]", 0},
		{"modality", Filter{Modalities: []string{"conditional"}}, "[2]", 0},
		{"counterpart kind", Filter{Kinds: []app.ActorKind{app.State}}, "[3 2]", 0},
		{"text in quote", Filter{Text: "WITHDRAWS"}, "[2]", 0},
		{"text in name", Filter{Text: "lantern"}, "[5]", 0},
		{"text in inverse wording", Filter{Text: "is threatened"}, "[2]", 0},
		{"from", Filter{From: "2026-01-27"}, "[3 2 1]", 1},
		{"to: a year overlaps", Filter{To: "2025-06"}, "[5]", 1},
		{"range in month", Filter{From: "2026-01-28", To: "2026-01-28"}, "[3 1]", 1},
		{"as of", Filter{AsOf: "2026-01-27"}, "[1 5]", 1},
		{"as of month", Filter{AsOf: "2026-01"}, "[3 2 1 5]", 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, c := Select(actors[1], mine, actors, types, tc.f)
			if s := fmt.Sprint(ids(got)); s != tc.want || c.RelationsUndated != tc.undated || c.RelationTotal != 5 || c.Relations != len(got) {
				t.Fatalf("kept %s undated %d (counts %+v), want %s undated %d", s, c.RelationsUndated, c, tc.want, tc.undated)
			}
			if tc.f.Active() != (tc.name != "none") || (tc.f.Active() && tc.f.Describe() == "") {
				t.Fatalf("Active %v, Describe %q", tc.f.Active(), tc.f.Describe())
			}
		})
	}
}

// TestCheckDateArticles: the date parts of a filter apply to articles; an undated article
// is counted apart.
func TestCheckDateArticles(t *testing.T) {
	f := Filter{From: "2026-01", AsOf: "2026-01-20"}
	for d, want := range map[app.Date]Verdict{"2026-01-05": In, "2026-01-21": Out, "2025-12-31": Out, "": Undated, "2026": In} {
		if got := f.CheckDate(d); got != want {
			t.Errorf("CheckDate(%q) = %v, want %v", d, got, want)
		}
	}
	if (Filter{}).CheckDate("") != In {
		t.Error("no filter must keep an undated article")
	}
}

// TestEgoOneAndTwoHops: at one hop only the minister's relations and counterparts; at two
// the envoy's and the coalition's too; degree counts matching relations; dashed follows
// modality; the centre is node 0.
func TestEgoOneAndTwoHops(t *testing.T) {
	g := Ego(1, 1, links, nil, actors, types, Filter{}, 0)
	if len(g.Edges) != 5 || len(g.Nodes) != 5 || g.Nodes[0].ID != 1 || g.Total != 5 || g.Cut() {
		t.Fatalf("1 hop: %d edges %d nodes total %d", len(g.Edges), len(g.Nodes), g.Total)
	}
	if g.Nodes[0].Degree != 5 {
		t.Fatalf("centre degree %d", g.Nodes[0].Degree)
	}
	for _, e := range g.Edges {
		if e.Dashed != (e.Modality != app.Asserted) {
			t.Fatalf("edge %d dashed %v modality %s", e.ID, e.Dashed, e.Modality)
		}
		if e.ID == 2 && (e.Polarity != app.Conflictual || e.Label != "threatens" || !e.Directed) {
			t.Fatalf("edge 2 %+v", e)
		}
	}
	g2 := Ego(1, 2, links, nil, actors, types, Filter{}, 0)
	if len(g2.Edges) != 7 || g2.Node(6) < 0 || g2.Node(7) >= 0 {
		t.Fatalf("2 hops: %d edges, nodes %+v", len(g2.Edges), g2.Nodes)
	}
	if n := g2.Nodes[g2.Node(6)]; n.Hop != 2 {
		t.Fatalf("envoy hop %d", n.Hop)
	}
	if n := g2.Nodes[g2.Node(3)]; n.Degree != 3 || n.Hop != 1 {
		t.Fatalf("republic degree %d hop %d", n.Degree, n.Hop)
	}
	// Relations among counterparts (coalition supports militia) come before ones reaching out.
	if g2.Edges[5].ID != 8 {
		t.Fatalf("second-hop order %v", g2.Edges)
	}
	// The second hop from more (the whole project, the centre's relations in it too):
	// counted and weighed even when the centre's own relations fill the picture.
	g3 := Ego(1, 2, links[:5], links, actors, types, Filter{}, 2)
	if g3.Total != 7 || len(g3.Edges) != 2 || g3.Nodes[0].Degree != 5 {
		t.Fatalf("counted second hop: total %d, %d edges, centre degree %d", g3.Total, len(g3.Edges), g3.Nodes[0].Degree)
	}
	for _, n := range g3.Nodes {
		if n.ID == 3 && n.Degree != 3 {
			t.Fatalf("republic degree %d with its second-hop relation uncounted", n.Degree)
		}
	}
	// Filters apply at both hops.
	c := Ego(1, 2, links, nil, actors, types, Filter{Polarities: []app.Polarity{app.Conflictual}}, 0)
	for _, e := range c.Edges {
		if e.Polarity != app.Conflictual {
			t.Fatalf("conflictual-only graph has %+v", e)
		}
	}
	if len(c.Edges) != 2 {
		t.Fatalf("conflictual edges %d", len(c.Edges))
	}
}

// TestEgoCutIsSaid: the rule, for every limit below the total: fewer edges drawn than
// match means the notice says "Showing N of M", with thousands separators, and the
// drawn edges are the best sourced.
func TestEgoCutIsSaid(t *testing.T) {
	var many []Link
	for i := 1; i <= 1340; i++ {
		many = append(many, Link{ID: int64(i), From: 1, To: int64(100 + i%50), Type: "supports", Start: "2026", Articles: i % 7, Modality: "asserted"})
	}
	for _, limit := range []int{1, 200, 1339} {
		g := Ego(1, 2, many, nil, actors, types, Filter{}, limit)
		want := fmt.Sprintf("Showing %s of 1,340 relations", Thousands(limit))
		if len(g.Edges) != limit || !g.Cut() || !strings.Contains(g.Notice(), want) {
			t.Fatalf("limit %d: %d edges, notice %q", limit, len(g.Edges), g.Notice())
		}
		if g.Edges[len(g.Edges)-1].Articles < 6 && limit < 100 {
			t.Fatalf("cut kept a weak edge first: %+v", g.Edges[len(g.Edges)-1])
		}
		if g.JSON().Total != 1340 || g.JSON().Shown != limit {
			t.Fatalf("json %+v", g.JSON())
		}
	}
	if g := Ego(1, 2, many, nil, actors, types, Filter{}, 0); g.Cut() || strings.Contains(g.Notice(), "Showing") {
		t.Fatalf("no limit: %q", g.Notice())
	}
	n := Network(many, actors, types, Filter{}, 200)
	if !strings.Contains(n.Notice(), "Showing 200 of 1,340 relations") {
		t.Fatalf("network notice %q", n.Notice())
	}
	g := Ego(1, 1, links, nil, actors, types, Filter{From: "2026"}, 0)
	if g.Undated != 1 || !strings.Contains(g.Notice(), "1 undated relations left out") {
		t.Fatalf("undated notice %q", g.Notice())
	}
}

// TestLayoutPlacesEveryNode: the layout is deterministic, keeps the centre at 0,0 and
// pinned nodes where they are, and spreads the others apart.
func TestLayoutPlacesEveryNode(t *testing.T) {
	g := Ego(1, 2, links, nil, actors, types, Filter{}, 0)
	g.Nodes[2].Pinned, g.Nodes[2].X, g.Nodes[2].Y = true, 0.3, -0.2
	h := g
	h.Nodes = append([]Node(nil), g.Nodes...)
	Layout(&g, 60, nil)
	Layout(&h, 60, nil)
	if g.Nodes[0].X != 0 || g.Nodes[0].Y != 0 {
		t.Fatalf("centre at %v,%v", g.Nodes[0].X, g.Nodes[0].Y)
	}
	if g.Nodes[2].X != 0.3 || g.Nodes[2].Y != -0.2 {
		t.Fatal("pinned node moved")
	}
	for i := range g.Nodes {
		if math.Abs(g.Nodes[i].X-h.Nodes[i].X) > 1e-9 || math.Abs(g.Nodes[i].Y-h.Nodes[i].Y) > 1e-9 {
			t.Fatal("layout not deterministic")
		}
		for j := i + 1; j < len(g.Nodes); j++ {
			if g.Nodes[i].X == g.Nodes[j].X && g.Nodes[i].Y == g.Nodes[j].Y {
				t.Fatalf("nodes %d and %d on one point", i, j)
			}
		}
	}
	stopped := 0
	Layout(&g, 60, func(done, total int) bool { stopped = done; return done < 3 })
	if stopped != 3 {
		t.Fatalf("progress stop at %d", stopped)
	}
}

// TestPathsShortestDistinctBounded: up to three distinct chains, shortest first, none
// longer than four hops, each hop with its relations; a target five hops away is not
// reached; filters apply.
func TestPathsShortestDistinctBounded(t *testing.T) {
	c := Paths(2, 7, links, actors, types, Filter{})
	if len(c.Paths) == 0 {
		t.Fatal("no path coalition → far council")
	}
	seen := map[string]bool{}
	prev := 0
	for _, p := range c.Paths {
		if len(p.Hops) > MaxHops || len(p.Hops) < prev {
			t.Fatalf("path of %d hops after %d", len(p.Hops), prev)
		}
		prev = len(p.Hops)
		var names []string
		for i, h := range p.Hops {
			if len(h.Links) == 0 || (i > 0 && h.From.ID != p.Hops[i-1].To.ID) {
				t.Fatalf("broken hop %+v", h)
			}
			names = append(names, h.From.Name)
		}
		key := strings.Join(names, ">")
		if seen[key] {
			t.Fatalf("path repeated: %s", key)
		}
		seen[key] = true
	}
	// 2→1→3→6→7 is the shortest (4 hops); 2→4→1→3→6→7 is 5 and must not appear.
	if got := len(c.Paths[0].Hops); got != 4 {
		t.Fatalf("shortest %d hops", got)
	}
	if len(c.Paths) != 1 {
		t.Fatalf("paths %d, want only the one within 4 hops", len(c.Paths))
	}
	// A chain of six: too far.
	var chain []Link
	for i := int64(1); i <= 6; i++ {
		chain = append(chain, Link{ID: i, From: 100 + i, To: 101 + i, Type: "supports", Modality: "asserted"})
	}
	if c := Paths(101, 107, chain, actors, types, Filter{}); len(c.Paths) != 0 {
		t.Fatalf("found a path over %d hops", len(c.Paths[0].Hops))
	}
	if c := Paths(101, 105, chain, actors, types, Filter{}); len(c.Paths) != 1 || len(c.Paths[0].Hops) != 4 {
		t.Fatalf("4-hop chain: %+v", c.Paths)
	}
	// Three distinct routes of two hops through three middlemen, and a fourth: at most three.
	var fan []Link
	for i := int64(0); i < 4; i++ {
		fan = append(fan, Link{ID: 10 + 2*i, From: 200, To: 300 + i, Type: "supports", Modality: "asserted"},
			Link{ID: 11 + 2*i, From: 300 + i, To: 400, Type: "supports", Modality: "asserted"})
	}
	if c := Paths(200, 400, fan, actors, types, Filter{}); len(c.Paths) != MaxPaths {
		t.Fatalf("fan: %d paths", len(c.Paths))
	}
	if c := Paths(2, 7, links, actors, types, Filter{Polarities: []app.Polarity{app.Cooperative}}); len(c.Paths) != 0 {
		t.Fatal("cooperative-only must cut the chain at 'rejects'")
	}
}

// TestWeakConnectionsApart: co-mention-only connections are listed apart, weakest step
// deciding the order, never one that a relation path already covers.
func TestWeakConnectionsApart(t *testing.T) {
	c := Paths(2, 3, links, actors, types, Filter{}) // 2→1→3
	weak := WeakConnections(c, 4, map[int64]int{1: 9, 5: 6, 6: 2}, map[int64]int{1: 9, 5: 3, 6: 5}, actors)
	if len(weak) != 3 || len(weak[0].Via) != 0 || weak[0].Articles != 4 || weak[1].Via[0].ID != 5 || weak[1].Articles != 3 || weak[2].Via[0].ID != 6 {
		t.Fatalf("weak %+v", weak)
	}
	d := Paths(1, 3, links, actors, types, Filter{})
	if w := WeakConnections(d, 4, nil, nil, actors); len(w) != 0 {
		t.Fatalf("direct co-mention offered though related: %+v", w)
	}
}

// TestTimelinePrecision: the rule for every precision: a year mark spans the year, a
// month mark the month, a day mark the day; undated relations are listed apart; article
// counts are binned only when precise enough for the unit and counted apart otherwise;
// nothing is ever placed at 1970 or year 0.
func TestTimelinePrecision(t *testing.T) {
	arts := map[app.Date]int{"2026-01-27": 2, "2026-01-28": 5, "2026-01": 3, "2026": 4, "": 6, "2025-03-02": 1}
	tl := BuildTimeline(1, links, actors, types, Filter{}, arts, Month)
	if len(tl.Undated) != 1 || tl.Undated[0].ID != 4 || !strings.Contains(tl.Undated[0].Text, "is supported by Grey Brigades") {
		t.Fatalf("undated %+v", tl.Undated)
	}
	day := 24 * time.Hour
	for _, m := range tl.Marks {
		d := m.Span.End.Sub(m.Span.Start)
		switch m.Precision {
		case app.Year:
			if d < 365*day || m.Span.Start.Month() != 1 || m.Span.Start.Day() != 1 {
				t.Fatalf("year mark %v", m.Span)
			}
		case app.Month:
			if d < 28*day || d > 31*day {
				t.Fatalf("month mark %v", m.Span)
			}
		case app.Day:
			if d != day {
				t.Fatalf("day mark %v", m.Span)
			}
		default:
			t.Fatalf("mark without precision %+v", m)
		}
		if m.Span.Start.Year() < app.MinYear {
			t.Fatalf("mark placed at %v", m.Span.Start)
		}
	}
	if tl.ArticlesUndated != 6 || tl.ArticlesCoarse != 4 {
		t.Fatalf("undated %d coarse %d", tl.ArticlesUndated, tl.ArticlesCoarse)
	}
	total := 0
	for _, b := range tl.Bars {
		total += b.Count
		if b.Start.Year() < app.MinYear {
			t.Fatalf("bar at %v", b.Start)
		}
		if b.Start.Equal(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)) && b.Count != 10 {
			t.Fatalf("Jan 2026 bar %d", b.Count)
		}
	}
	if total != 11 {
		t.Fatalf("binned %d articles, want 11", total)
	}
	// Weekly bars: a month-only date cannot go in a week.
	wk := BuildTimeline(1, links, actors, types, Filter{}, arts, Week)
	if wk.ArticlesCoarse != 7 || wk.Unit != Week {
		t.Fatalf("weekly coarse %d", wk.ArticlesCoarse)
	}
	for _, b := range wk.Bars {
		if b.Start.Weekday() != time.Monday {
			t.Fatalf("week bar starts %v", b.Start.Weekday())
		}
	}
	// Nothing dated: no bars, no extent, nothing at 1970.
	empty := BuildTimeline(1, links[3:4], actors, types, Filter{}, map[app.Date]int{"": 2}, -1)
	if len(empty.Bars) != 0 || !empty.Start.IsZero() || len(empty.Undated) != 1 || empty.ArticlesUndated != 2 {
		t.Fatalf("empty timeline %+v", empty)
	}
	if auto := BuildTimeline(1, links, actors, types, Filter{From: "2026-01"}, arts, -1); auto.Unit != Week {
		t.Fatalf("a month of data: unit %v", auto.Unit)
	}
}

// TestWriteDOTAndJSON: the batch formats carry the notice, escape names and keep every
// edge's attributes.
func TestWriteDOTAndJSON(t *testing.T) {
	a := map[int64]Actor{1: {1, `Quote "the" \ Boss` + "\nX", app.Person}, 2: {2, "B", app.State}}
	g := Ego(1, 1, []Link{{ID: 9, From: 1, To: 2, Type: "threatens", Modality: "threatened", Articles: 2, Start: "2026-01"}}, nil, a, types, Filter{}, 0)
	var b bytes.Buffer
	if err := WriteDOT(&b, g); err != nil {
		t.Fatal(err)
	}
	dot := b.String()
	for _, want := range []string{`label="Quote \"the\" \\ Boss X"`, `a1 -> a2`, `style=dashed`, `color="#c62828"`, `label="threatens (Jan 2026)"`, "relation=9"} {
		if !strings.Contains(dot, want) {
			t.Fatalf("dot lacks %s:\n%s", want, dot)
		}
	}
	b.Reset()
	if err := WriteJSON(&b, g); err != nil {
		t.Fatal(err)
	}
	var js GraphJSON
	if err := json.Unmarshal(b.Bytes(), &js); err != nil || len(js.Edges) != 1 || js.Edges[0].Modality != "threatened" || js.Nodes[0].Name != a[1].Name {
		t.Fatalf("json %+v %v", js, err)
	}
}

// FuzzDOTQuote: no outside name can end a DOT string early or break a line.
func FuzzDOTQuote(f *testing.F) {
	for _, s := range []string{"", `a"b`, `\`, "x\ny", `\"`, "é\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q := dotQuote(s)
		inner := q[1 : len(q)-1]
		if strings.ContainsAny(inner, "\n\r") {
			t.Fatalf("line break in %q", q)
		}
		for i := 0; i < len(inner); i++ {
			if inner[i] == '\\' {
				i++
				continue
			}
			if inner[i] == '"' {
				t.Fatalf("unescaped quote in %q", q)
			}
		}
	})
}

// TestLayoutOneHopIsRadial: a one-hop ego graph puts the centre in the middle and every
// counterpart at the same distance, conflictual ones together.
func TestLayoutOneHopIsRadial(t *testing.T) {
	g := Ego(1, 1, links, nil, actors, types, Filter{}, 0)
	Layout(&g, 60, nil)
	if g.Nodes[0].X != 0 || g.Nodes[0].Y != 0 {
		t.Fatal("centre moved")
	}
	for _, n := range g.Nodes[1:] {
		if d := math.Hypot(n.X, n.Y); math.Abs(d-0.5) > 1e-9 {
			t.Fatalf("%s at distance %v", n.Name, d)
		}
	}
}

// TestNormaliseOutliersDoNotSquash: a layout with a few actors thrown far out keeps the
// rest spread over the picture; every actor stays inside the disc.
func TestNormaliseOutliersDoNotSquash(t *testing.T) {
	var xs, ys []float64
	for i := range 200 {
		a := float64(i) * 0.7
		r := float64(i%10) / 10
		xs, ys = append(xs, r*math.Cos(a)), append(ys, r*math.Sin(a))
	}
	xs, ys = append(xs, 5000, -3000), append(ys, 0, 4000)
	g := &Graph{Nodes: make([]Node, len(xs))}
	normalise(xs, ys, g)
	core := 0.0
	for i := range xs {
		d := math.Hypot(xs[i], ys[i])
		if d > 0.5+1e-9 {
			t.Fatalf("node %d outside the disc: %v", i, d)
		}
		if i < 200 {
			core = math.Max(core, d)
		}
	}
	if core < 0.35 {
		t.Fatalf("the ordinary actors squeezed into radius %v", core)
	}
}

// TestPathsAroundSeesWhatAWholeSearchSees is the rule behind reading only around the two
// ends: on random projects (hubs included), for every length the search tries, the
// candidate relations PathsAround gathers are exactly those a search over every
// relation would keep, so the chains found are the same; and the relations it asked for
// are fewer than the whole when an end is quiet.
func TestPathsAroundSeesWhatAWholeSearchSees(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 7))
	kinds := []string{"supports", "threatens", "meets_with"}
	filters := []Filter{{}, {Polarities: []app.Polarity{app.Cooperative}}}
	readLess := 0
	for round := 0; round < 300; round++ {
		n := 10 + rng.IntN(60)
		var all []Link
		for i := 0; i < n*(1+rng.IntN(3)); i++ {
			u := int64(1 + rng.IntN(n))
			if rng.IntN(4) == 0 {
				u = 1 // a hub
			}
			all = append(all, Link{ID: int64(i + 1), From: u, To: int64(1 + rng.IntN(n)), Type: kinds[rng.IntN(len(kinds))], Modality: "asserted"})
		}
		from, to := int64(1+rng.IntN(n)), int64(1+rng.IntN(n))
		if from == to {
			continue
		}
		f := filters[round%len(filters)]
		// The whole search: every relation that passes, distances from both ends.
		whole := newSearch(from, to, nil, actors, types, f)
		for _, l := range all {
			if whole.keep(l) {
				whole.kept = append(whole.kept, l)
				i := len(whole.kept) - 1
				whole.adj[l.From] = append(whole.adj[l.From], i)
				whole.adj[l.To] = append(whole.adj[l.To], i)
			}
		}
		asked := 0
		mem := inMemory(all)
		s := newSearch(from, to, func(ids []int64) ([]Link, error) {
			ls, err := mem(ids)
			asked += len(ls)
			return ls, err
		}, actors, types, f)
		best, _ := s.meet()
		if want := distances(from, whole.adj, whole.kept, MaxHops)[to]; (best < 0 && want > 0) || (best >= 0 && best != want) {
			t.Fatalf("round %d: shortest %d, whole search %d", round, best, want)
		}
		if best < 0 {
			continue
		}
		for length := best; length <= MaxHops; length++ {
			if err := s.reach(length); err != nil {
				t.Fatal(err)
			}
			_, got := s.candidates(length)
			_, want := whole.candidates(length)
			if fmt.Sprint(pairIDs(got)) != fmt.Sprint(pairIDs(want)) {
				t.Fatalf("round %d length %d: candidates %v, whole search %v", round, length, pairIDs(got), pairIDs(want))
			}
		}
		if asked < len(all) {
			readLess++
		}
	}
	if readLess == 0 {
		t.Fatal("the search read every relation every time")
	}
}

// pairIDs lists the relation ids of candidates by pair, sorted, to compare two searches.
func pairIDs(pair map[[2]int64][]Link) []string {
	var out []string
	for k, ls := range pair {
		ids := ids(ls)
		slices.Sort(ids)
		out = append(out, fmt.Sprint(k, ids))
	}
	slices.Sort(out)
	return out
}

// TestFilterTag: a tag keeps the relations whose tags (as the store read them for the
// scope) hold it, however it is written; a relation whose tags were not read, or hold
// another tag, is left out; the filter says what it keeps.
func TestFilterTag(t *testing.T) {
	tagged := append([]Link(nil), links[:5]...)
	tagged[0].Tags = []string{"Oil"}
	tagged[2].Tags = []string{"borders", "ÖL"}
	tagged[3].Tags = []string{"oil "}
	for _, tc := range []struct {
		tag, want string
	}{{"oil", "[1 4]"}, {" OIL", "[1 4]"}, {"öl", "[3]"}, {"water", "[]"}} {
		got, _ := Select(actors[1], tagged, actors, types, Filter{Tag: tc.tag, TagOf: ArticleTags})
		if s := fmt.Sprint(ids(got)); s != tc.want {
			t.Errorf("tag %q kept %s, want %s", tc.tag, s, tc.want)
		}
	}
	f := Filter{Tag: "oil", TagOf: ActorTags}
	if !f.Active() || !f.NeedsTags() || !strings.Contains(f.Describe(), "actors tagged “oil”") {
		t.Fatalf("filter %+v: active %v, %q", f, f.Active(), f.Describe())
	}
	g := Network(tagged, actors, types, Filter{Tag: "oil", TagOf: ArticleTags}, 1)
	if g.Total != 2 || len(g.Edges) != 1 || !strings.Contains(g.Notice(), "Showing 1 of 2 relations") {
		t.Fatalf("network total %d, drawn %d: %q", g.Total, len(g.Edges), g.Notice())
	}
}

// TestLayoutHubsDoNotThrowItApart: a network of a few hubs with thousands of
// counterparts (as a project's network cut to its most connected actors is) is laid
// out with finite coordinates and spread over the picture, not thrown into a few points.
func TestLayoutHubsDoNotThrowItApart(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 5))
	g := Graph{}
	for i := range 1500 {
		g.Nodes = append(g.Nodes, Node{Actor: Actor{ID: int64(i + 1)}})
	}
	for i := range 3000 {
		hub := int64(1 + rng.IntN(6)) // six hubs take most relations
		if i%5 == 0 {
			hub = int64(1 + rng.IntN(1500))
		}
		g.Edges = append(g.Edges, Edge{Link: Link{ID: int64(i + 1), From: hub, To: int64(1 + rng.IntN(1500))}})
	}
	Layout(&g, 120, nil)
	cells := map[[2]int]bool{}
	for _, n := range g.Nodes {
		if math.IsNaN(n.X) || math.IsNaN(n.Y) || math.Abs(n.X) > 1 || math.Abs(n.Y) > 1 {
			t.Fatalf("%d at %v,%v", n.ID, n.X, n.Y)
		}
		cells[[2]int{int(math.Floor(n.X * 20)), int(math.Floor(n.Y * 20))}] = true
	}
	if len(cells) < 100 {
		t.Fatalf("1,500 actors on %d of the picture's 400 cells: thrown into a few points", len(cells))
	}
}

// TestLayoutTwoHopsInRings: a two-hop ego graph is laid out in rings: the centre in the
// middle, its counterparts on the inner ring, the actors one step further on the outer
// ring beside a counterpart they are related to, and no two actors crowded together.
func TestLayoutTwoHopsInRings(t *testing.T) {
	more := append(append([]Link(nil), links...),
		Link{ID: 20, From: 6, To: 2, Type: "meets_with", Start: "2025"},
		Link{ID: 21, From: 8, To: 4, Type: "threatens", Start: "2025"})
	a := map[int64]Actor{8: {8, "Tide Front", app.ArmedGroup}}
	for id, x := range actors {
		a[id] = x
	}
	g := Ego(1, 2, more, nil, a, types, Filter{}, 0)
	Layout(&g, 60, nil)
	at := map[int64]int{}
	for i, n := range g.Nodes {
		at[n.ID] = i
	}
	near := func(r, want float64) bool { return r > want-ringBand-1e-9 && r < want+1e-9 }
	var outer int
	for i, n := range g.Nodes {
		r := math.Hypot(n.X, n.Y)
		switch n.Hop {
		case 0:
			if r != 0 {
				t.Fatalf("centre at %v,%v", n.X, n.Y)
			}
		case 1:
			if !near(r, innerRing) {
				t.Fatalf("%s (hop 1) at radius %.3f", n.Name, r)
			}
		case 2:
			outer++
			if !near(r, outerRing) {
				t.Fatalf("%s (hop 2) at radius %.3f", n.Name, r)
			}
			beside := false
			for _, e := range g.Edges {
				other := -1
				if e.From == n.ID {
					other = at[e.To]
				} else if e.To == n.ID {
					other = at[e.From]
				}
				if other >= 0 && g.Nodes[other].Hop == 1 {
					o := g.Nodes[other]
					beside = beside || math.Abs(turn(math.Atan2(n.Y, n.X)-math.Atan2(o.Y, o.X))) < math.Pi/3
				}
			}
			if !beside {
				t.Fatalf("%s is not beside any counterpart it is related to", n.Name)
			}
		}
		for j := range i {
			if d := math.Hypot(n.X-g.Nodes[j].X, n.Y-g.Nodes[j].Y); d < 0.12 {
				t.Fatalf("%s and %s only %.3f apart", n.Name, g.Nodes[j].Name, d)
			}
		}
	}
	if outer < 2 {
		t.Fatalf("only %d actors at two hops: the test shows nothing", outer)
	}
}
