package views

import (
	"image"
	"math"
	"testing"

	"fyne.io/fyne/v2/test"

	"dossier/app"
	"dossier/app/graph"
)

// TestEgoGraphUsesTheViewAndKeepsLabelsOffActors: a two-hop ego graph in the dossier's
// wide, low view (as the default window gives it) spreads across most of the view's
// width, and no name or wording is written over an actor or over another label.
func TestEgoGraphUsesTheViewAndKeepsLabelsOffActors(t *testing.T) {
	test.NewTempApp(t)
	a := func(id int64, name string, k app.ActorKind) graph.Actor {
		return graph.Actor{ID: id, Name: name, Kind: k}
	}
	actors := map[int64]graph.Actor{1: a(1, "Ilse Marrow", app.Person), 2: a(2, "Kingdom of Vell", app.State),
		3: a(3, "Osk Republic", app.State), 4: a(4, "Lantern Front", app.ArmedGroup), 5: a(5, "Harbour Alliance", app.Party),
		6: a(6, "Tomas Brin", app.Person), 7: a(7, "Orrin Hale", app.Person), 8: a(8, "Grey Brigades", app.ArmedGroup),
		9: a(9, "Envoy Sarit", app.Person)}
	types := map[string]app.RelationType{
		"threatens": {Key: "threatens", Label: "threatens", Directed: true, Polarity: app.Conflictual},
		"supports":  {Key: "supports", Label: "supports", Directed: true, Polarity: app.Cooperative},
		"leads":     {Key: "leads", Label: "leads", Directed: true, Polarity: app.Neutral},
		"withdraws": {Key: "withdraws", Label: "withdraws support from", Directed: true, Polarity: app.Conflictual},
	}
	l := func(id, from, to int64, typ, mod string) graph.Link {
		return graph.Link{ID: id, From: from, To: to, Type: typ, Modality: mod, Start: "2026-01", Articles: 1}
	}
	links := []graph.Link{l(1, 1, 2, "leads", ""), l(2, 1, 3, "threatens", ""), l(3, 7, 1, "threatens", ""), l(4, 4, 1, "supports", ""),
		l(5, 5, 1, "supports", ""), l(6, 1, 6, "supports", ""), l(7, 3, 2, "threatens", ""), l(8, 9, 2, "withdraws", "conditional"),
		l(9, 9, 2, "threatens", ""), l(10, 8, 2, "threatens", ""), l(11, 5, 6, "supports", ""), l(12, 7, 3, "leads", "")}
	g := graph.Ego(1, 2, links, nil, actors, types, graph.Filter{}, 0)
	graph.Layout(&g, 80, nil)
	const w, h = 860, 330
	pic := newGraphPicture(&g)
	pic.fit(w, h)
	minX, maxX := math.Inf(1), math.Inf(-1)
	for i := range g.Nodes {
		minX, maxX = math.Min(minX, pic.at(i).X), math.Max(maxX, pic.at(i).X)
	}
	if maxX-minX < 0.7*w {
		t.Fatalf("the graph spans %.0f of the view's %d pixels across", maxX-minX, w)
	}
	taken := pic.drawOverlay(image.NewRGBA(image.Rect(0, 0, w, h)), 1, currentDrawColors())
	if len(taken) <= len(g.Nodes) {
		t.Fatalf("no label written (%d rooms taken for %d actors)", len(taken), len(g.Nodes))
	}
	// Each actor's disc (the square inside it: a label meeting that covers the disc).
	for i, r := range taken[len(g.Nodes):] {
		for j := range g.Nodes {
			c, k := pic.at(j), pic.radius(j)/math.Sqrt2
			disc := image.Rect(int(math.Ceil(c.X-k)), int(math.Ceil(c.Y-k)), int(c.X+k), int(c.Y+k))
			if r.Overlaps(disc) {
				t.Fatalf("label %d %v is written over %s %v", i, r, g.Nodes[j].Name, disc)
			}
		}
	}
	// And every label is written inside the view.
	for _, r := range taken[len(g.Nodes):] {
		if !r.In(image.Rect(0, 0, w, h)) {
			t.Fatalf("label %v outside the %dx%d view", r, w, h)
		}
	}
}

// TestLabelsNeverCoverAnActor: the rule on its own: a wording whose place would cover
// an actor is left out (hovering the edge shows it), and a name that would goes above or
// beside its actor instead.
func TestLabelsNeverCoverAnActor(t *testing.T) {
	test.NewTempApp(t)
	g := graph.Graph{Center: 1, Hops: 1,
		Nodes: []graph.Node{{Actor: graph.Actor{ID: 1, Name: "Ilse Marrow"}}, {Actor: graph.Actor{ID: 2, Name: "Vell"}, X: 50, Hop: 1},
			{Actor: graph.Actor{ID: 3, Name: "Osk"}, X: 25, Y: 22, Hop: 1}}}
	g.Edges = []graph.Edge{{Link: graph.Link{ID: 1, From: 1, To: 2}, Label: "withdraws its support from", Siblings: 1}}
	pic := newGraphPicture(&g)
	pic.zoom, pic.stretch, pic.panX, pic.panY = 1, 1, 100, 60
	img := image.NewRGBA(image.Rect(0, 0, 300, 150))
	taken := pic.drawOverlay(img, 1, currentDrawColors())
	for i, r := range taken[len(g.Nodes):] {
		for j := range g.Nodes {
			c, k := pic.at(j), pic.radius(j)/math.Sqrt2
			disc := image.Rect(int(math.Ceil(c.X-k)), int(math.Ceil(c.Y-k)), int(c.X+k), int(c.Y+k))
			if r.Overlaps(disc) {
				t.Fatalf("label %d %v is written over %s %v", i, r, g.Nodes[j].Name, disc)
			}
		}
	}
	if len(taken) != len(g.Nodes)+3 {
		t.Fatalf("%d labels written, want the three names and not the wording", len(taken)-len(g.Nodes))
	}
}
