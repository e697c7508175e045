package db

import (
	"context"
	"sort"
	"strings"
	"testing"

	"dossier/app"
	"dossier/app/graph"
)

// graphWorld is a small invented project: a minister, a coalition, a republic, an envoy,
// a far council; two articles, one old, one new.
type graphWorld struct {
	s                                         *Store
	minister, coalition, republic, envoy, far app.Actor
	old, new                                  app.Article
}

func newGraphWorld(t *testing.T) graphWorld {
	t.Helper()
	ctx := context.Background()
	s := openTest(t)
	w := graphWorld{s: s}
	w.minister = mustActor(t, s, "Dara Velen", app.Person, "Velen")
	w.coalition = mustActor(t, s, "Harbour Coalition", app.Party)
	w.republic = mustActor(t, s, "Republic of Osk", app.State, "Osk")
	w.envoy = mustActor(t, s, "Envoy Marr", app.Person, "Marr")
	w.far = mustActor(t, s, "Far Council", app.GovernmentBody)
	var err error
	if w.old, err = s.CreateArticle(ctx, app.Article{Title: "Coalition backs Velen", Date: "2025-12-10", Source: "Harbour Post",
		Body: "The Harbour Coalition said it stands behind Velen. Osk was silent. Marr travelled."}); err != nil {
		t.Fatal(err)
	}
	if w.new, err = s.CreateArticle(ctx, app.Article{Title: "Osk warns Velen", Date: "2026-01-28", Source: "Osk Daily",
		Body: "Osk warned it would cut aid unless Velen stepped back. Velen refused the demand outright. Marr met the Far Council."}); err != nil {
		t.Fatal(err)
	}
	rel := func(from app.Actor, typ string, to app.Actor, start app.Date, mod string, art app.Article, quote string) {
		t.Helper()
		if _, err := s.CreateRelation(ctx, app.Relation{SourceID: from.ID, Type: typ, TargetID: to.ID, Start: start, Modality: mod,
			Evidence: []app.Evidence{{ArticleID: art.ID, Quote: quote}}}); err != nil {
			t.Fatal(err)
		}
	}
	rel(w.coalition, "supports", w.minister, "2025-12", "", w.old, "stands behind Velen")
	rel(w.republic, "threatens", w.minister, "2026-01-27", "conditional", w.new, "Osk warned it would cut aid unless Velen stepped back")
	rel(w.minister, "rejects", w.republic, "2026-01-28", "", w.new, "Velen refused the demand outright")
	rel(w.envoy, "represents", w.republic, "", "", w.old, "Marr travelled")
	rel(w.envoy, "meets_with", w.far, "2026-01", "", w.new, "Marr met the Far Council")
	return w
}

// TestEgoGraphReadsAndFilters: the store's ego graph at 1 and 2 hops, the conflictual-only
// filter, and a cut that is said.
func TestEgoGraphReadsAndFilters(t *testing.T) {
	ctx := context.Background()
	w := newGraphWorld(t)
	g, err := w.s.EgoGraph(ctx, w.minister.ID, 1, graph.Filter{}, 0)
	if err != nil || len(g.Edges) != 3 || len(g.Nodes) != 3 || g.Nodes[0].Name != "Dara Velen" {
		t.Fatalf("1 hop: %+v %v", g, err)
	}
	for _, e := range g.Edges {
		if e.Articles != 1 {
			t.Fatalf("edge %+v lacks its article count", e)
		}
	}
	g2, _ := w.s.EgoGraph(ctx, w.minister.ID, 2, graph.Filter{}, 0)
	if len(g2.Edges) != 4 || g2.Node(w.envoy.ID) < 0 || g2.Node(w.far.ID) >= 0 {
		t.Fatalf("2 hops: %d edges, nodes %+v", len(g2.Edges), g2.Nodes)
	}
	c, _ := w.s.EgoGraph(ctx, w.minister.ID, 2, graph.Filter{Polarities: []app.Polarity{app.Conflictual}}, 0)
	if len(c.Edges) != 2 {
		t.Fatalf("conflictual: %+v", c.Edges)
	}
	cut, _ := w.s.EgoGraph(ctx, w.minister.ID, 2, graph.Filter{}, 2)
	if len(cut.Edges) != 2 || cut.Total != 4 || !strings.HasPrefix(cut.Notice(), "Showing 2 of 4 relations (") {
		t.Fatalf("cut notice %q", cut.Notice())
	}
	txt, _ := w.s.EgoGraph(ctx, w.minister.ID, 1, graph.Filter{Text: "cut aid"}, 0)
	if len(txt.Edges) != 1 || txt.Edges[0].Label != "threatens" || !txt.Edges[0].Dashed {
		t.Fatalf("text filter on quotes: %+v", txt.Edges)
	}
	if _, err := w.s.EgoGraph(ctx, 999, 1, graph.Filter{}, 0); !app.IsCode(err, app.ENOTFOUND) {
		t.Fatalf("missing actor: %v", err)
	}
}

// TestFilteredDossierCountsAgree: every section's count follows the filter, and "as of"
// shows the dossier as it stood: no relation reported later, no later article, no later
// source.
func TestFilteredDossierCountsAgree(t *testing.T) {
	ctx := context.Background()
	w := newGraphWorld(t)
	d, c, err := w.s.FilteredDossier(ctx, w.minister.ID, graph.Filter{}, 200)
	if err != nil || c.Relations != 3 || len(d.Relations) != 3 || d.RelationTotal != 3 || c.Articles != 2 || len(d.Mentions) != 2 {
		t.Fatalf("unfiltered: %+v %v", c, err)
	}
	d, c, _ = w.s.FilteredDossier(ctx, w.minister.ID, graph.Filter{Polarities: []app.Polarity{app.Conflictual}}, 200)
	if c.Relations != 2 || len(d.Relations) != 2 || c.RelationTotal != 3 {
		t.Fatalf("conflictual: %+v", c)
	}
	for _, r := range d.Relations {
		if r.Polarity != app.Conflictual || len(r.Evidence) != 1 {
			t.Fatalf("kept %+v", r)
		}
	}
	if len(d.Associates) != 1 || d.Associates[0].Relations != 2 {
		t.Fatalf("associates %+v", d.Associates)
	}
	d, c, _ = w.s.FilteredDossier(ctx, w.minister.ID, graph.Filter{AsOf: "2026-01-01"}, 200)
	if c.Relations != 1 || d.Relations[0].Verb != "is supported by" || c.Articles != 1 || d.Mentions[0].Title != "Coalition backs Velen" {
		t.Fatalf("as of: %+v %+v", c, d.Mentions)
	}
	for _, e := range d.Timeline {
		if e.Date > "2026-01-01" {
			t.Fatalf("as-of timeline holds %+v", e)
		}
	}
	d, c, _ = w.s.FilteredDossier(ctx, w.minister.ID, graph.Filter{}, 1)
	if c.Relations != 3 || c.RelationsShown != 1 || len(d.Relations) != 1 || d.RelationTotal != 3 || c.ArticlesShown != 1 || d.MentionTotal != 2 {
		t.Fatalf("limit 1: %+v", c)
	}
}

// TestConnectionAndWeak: the path from the coalition to the far council runs through
// the minister, the republic and the envoy (4 hops) with each hop's wording and
// sources; the co-mention-only link between the coalition and the republic (named in
// one article, no relation) is offered apart.
func TestConnectionAndWeak(t *testing.T) {
	ctx := context.Background()
	w := newGraphWorld(t)
	c, err := w.s.Connection(ctx, w.coalition.ID, w.far.ID, graph.Filter{})
	if err != nil || len(c.Paths) != 1 || len(c.Paths[0].Hops) != 4 {
		t.Fatalf("paths %+v %v", c.Paths, err)
	}
	for _, h := range c.Paths[0].Hops {
		if len(h.Links) == 0 || h.Links[0].Articles != 1 || h.Links[0].Label == "" {
			t.Fatalf("hop %+v", h)
		}
	}
	weak, err := w.s.Connection(ctx, w.coalition.ID, w.republic.ID, graph.Filter{})
	if err != nil || len(weak.Paths) == 0 || len(weak.Weak) == 0 || len(weak.Weak[0].Via) != 0 || weak.Weak[0].Articles != 1 {
		t.Fatalf("weak %+v %v", weak, err)
	}
}

// TestActorTimelineReads: the relations as marks, the undated one apart, the articles in
// monthly bars.
func TestActorTimelineReads(t *testing.T) {
	ctx := context.Background()
	w := newGraphWorld(t)
	tl, err := w.s.ActorTimeline(ctx, w.republic.ID, graph.Filter{}, graph.Month)
	if err != nil || len(tl.Marks) != 2 || len(tl.Undated) != 1 || tl.Undated[0].Text != "is represented by Envoy Marr" {
		t.Fatalf("timeline %+v %v", tl, err)
	}
	total := 0
	for _, b := range tl.Bars {
		total += b.Count
	}
	if total != 2 {
		t.Fatalf("bars hold %d articles", total)
	}
	p, err := w.s.ProjectTimeline(ctx, graph.Filter{}, -1)
	if err != nil || len(p.Marks) != 4 || len(p.Undated) != 1 {
		t.Fatalf("project timeline %+v %v", p, err)
	}
	n, err := w.s.NetworkGraph(ctx, graph.Filter{}, 0)
	if err != nil || len(n.Edges) != 5 || len(n.Nodes) != 5 {
		t.Fatalf("network %+v %v", n, err)
	}
}

// TestGraphCacheSeesEveryChange: the kept copy of the project's relations is never used
// once anything changed: a relation this store records, and one another connection
// (a batch command) records, both show in the next network and path.
func TestGraphCacheSeesEveryChange(t *testing.T) {
	ctx := context.Background()
	w := newGraphWorld(t)
	n, err := w.s.NetworkGraph(ctx, graph.Filter{}, 0)
	if err != nil || n.Total != 5 {
		t.Fatalf("network %d %v", n.Total, err)
	}
	mustRelation(t, w.s, w.coalition.ID, "criticises", w.far.ID)
	if n, _ = w.s.NetworkGraph(ctx, graph.Filter{}, 0); n.Total != 6 {
		t.Fatalf("own write not seen: %d", n.Total)
	}
	other, err := Open(ctx, w.s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	mustRelation(t, other, w.envoy.ID, "criticises", w.coalition.ID)
	if n, _ = w.s.NetworkGraph(ctx, graph.Filter{}, 0); n.Total != 7 {
		t.Fatalf("other connection's write not seen: %d", n.Total)
	}
	if c, _ := w.s.Connection(ctx, w.coalition.ID, w.far.ID, graph.Filter{}); len(c.Paths) == 0 || len(c.Paths[0].Hops) != 1 {
		t.Fatalf("path after writes %+v", c.Paths)
	}
	if _, err := other.CreateActor(ctx, app.Actor{Name: "Newcomer Rael", Kind: app.Person}); err != nil {
		t.Fatal(err)
	}
	found := false
	newcomer, _ := w.s.FindActor(ctx, "Newcomer Rael")
	mustRelation(t, w.s, newcomer.ID, "praises", w.far.ID)
	n, _ = w.s.NetworkGraph(ctx, graph.Filter{}, 0)
	for _, nd := range n.Nodes {
		found = found || nd.Name == "Newcomer Rael"
	}
	if !found {
		t.Fatal("new actor's name missing from the network")
	}
}

// TestNetworkByTag: the network filtered by an article tag keeps the relations an article
// with that tag backs (however the tag is written), not those backed only by a trashed
// one; by an actor tag, the relations with a tagged actor at either end. The project's
// tags are listed for the choice, the trashed article's left out.
func TestNetworkByTag(t *testing.T) {
	ctx := context.Background()
	w := newGraphWorld(t)
	w.old.Tags = []string{"Harbour", "shipping"}
	if _, err := w.s.UpdateArticle(ctx, w.old); err != nil {
		t.Fatal(err)
	}
	w.envoy.Tags = []string{"Diplomacy"}
	if _, err := w.s.UpdateActor(ctx, w.envoy); err != nil {
		t.Fatal(err)
	}
	wordings := func(g graph.Graph) string {
		var out []string
		for _, e := range g.Edges {
			out = append(out, e.Label)
		}
		sort.Strings(out)
		return strings.Join(out, ",")
	}
	for _, tc := range []struct {
		f    graph.Filter
		want string
	}{
		{graph.Filter{Tag: "harbour", TagOf: graph.ArticleTags}, "represents,supports"},
		{graph.Filter{Tag: "SHIPPING", TagOf: graph.ArticleTags, Polarities: []app.Polarity{app.Cooperative}}, "supports"},
		{graph.Filter{Tag: "diplomacy", TagOf: graph.ArticleTags}, ""},
		{graph.Filter{Tag: "diplomacy", TagOf: graph.ActorTags}, "meets with,represents"},
	} {
		g, err := w.s.NetworkGraph(ctx, tc.f, 0)
		if err != nil || wordings(g) != tc.want || g.Total != len(g.Edges) {
			t.Errorf("%s: %q (total %d), want %q; %v", tc.f.Describe(), wordings(g), g.Total, tc.want, err)
		}
	}
	arts, acts, err := w.s.GraphTags(ctx)
	if err != nil || strings.Join(arts, ",") != "Harbour,shipping" || strings.Join(acts, ",") != "Diplomacy" {
		t.Fatalf("tags %q %q %v", arts, acts, err)
	}
	if err := w.s.DeleteArticle(ctx, w.old.ID); err != nil {
		t.Fatal(err)
	}
	if g, _ := w.s.NetworkGraph(ctx, graph.Filter{Tag: "harbour", TagOf: graph.ArticleTags}, 0); len(g.Edges) != 0 {
		t.Fatalf("a trashed article's tag still keeps %q", wordings(g))
	}
	if arts, _, _ := w.s.GraphTags(ctx); len(arts) != 0 {
		t.Fatalf("trashed article's tags listed: %q", arts)
	}
}
