package views

import (
	"context"
	"sort"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"dossier/app"
	"dossier/app/graph"
)

// The network screen filtered by an article tag, an actor tag and a relation type draws
// only what each keeps and says the filter; a cut by the size limit says "Showing N of M".
func TestNetworkFiltersByTagAndType(t *testing.T) {
	f := newDossierFixture(t)
	ctx := context.Background()
	talks := mustArticle(t, f.st, "Envoys meet in Muscat", "2026-02-02", "The American and Iranian envoys met in Muscat for talks.")
	talks.Tags = []string{"Talks"}
	if _, err := f.st.UpdateArticle(ctx, talks); err != nil {
		t.Fatal(err)
	}
	if _, err := f.st.CreateRelation(ctx, app.Relation{SourceID: f.trump.ID, Type: "meets_with", TargetID: f.iran.ID, Start: "2026-02-02",
		Evidence: []app.Evidence{{ArticleID: talks.ID, Quote: "envoys met in Muscat"}}}); err != nil {
		t.Fatal(err)
	}
	iran := f.iran
	iran.Tags = []string{"axis"}
	if _, err := f.st.UpdateActor(ctx, iran); err != nil {
		t.Fatal(err)
	}
	n := f.u.networkScreen()
	f.u.win.SetContent(n.content())
	n.view.Resize(fyne.NewSize(800, 500))
	n.load()
	if len(n.g.Edges) != 3 {
		t.Fatalf("unfiltered: %d edges", len(n.g.Edges))
	}
	mustContain(t, strings.Join(n.choices.tag.Options, "|"), "articles tagged Talks", "actors tagged axis")
	drawn := func() string {
		var out []string
		for _, e := range n.g.Edges {
			out = append(out, edgeSummary(&n.g, e)[:strings.Index(edgeSummary(&n.g, e), " · ")])
		}
		sort.Strings(out)
		return strings.Join(out, "; ")
	}
	for _, tc := range []struct {
		typ, tag, want, notice string
	}{
		{allTypes, "articles tagged Talks", "Donald Trump meets with Iran", "Filter: articles tagged “Talks”."},
		{allTypes, "actors tagged axis", "Donald Trump meets with Iran; Iran threatens Donald Trump", "Filter: actors tagged “axis”."},
		{"threatens", anyTag, "Donald Trump threatens Iraq; Iran threatens Donald Trump", "Filter: threatens."},
		{"threatens", "actors tagged axis", "Iran threatens Donald Trump", "Filter: threatens; actors tagged “axis”."},
	} {
		n.choices.typ.SetSelected(tc.typ)
		n.choices.tag.SetSelected(tc.tag)
		n.load()
		if got := drawn(); got != tc.want {
			t.Errorf("%s, %s: drew %q, want %q", tc.typ, tc.tag, got, tc.want)
		}
		mustContain(t, n.notice.Text, tc.notice)
	}
	// A cut is said.
	n.choices.typ.SetSelected(allTypes)
	n.choices.tag.SetSelected("actors tagged axis")
	n.limit.Options = []string{"1"}
	n.limit.SetSelected("1")
	n.load()
	if len(n.g.Edges) != 1 {
		t.Fatalf("limit 1: %d edges", len(n.g.Edges))
	}
	mustContain(t, n.notice.Text, "Showing 1 of 2 relations", "Filter: actors tagged “axis”.")
}

// Lay out again places every actor anew but the pinned, whose places stay; without it a
// network comes back where it was left.
func TestNetworkLayOutAgain(t *testing.T) {
	f := newDossierFixture(t)
	n := f.u.networkScreen()
	f.u.win.SetContent(n.content())
	n.view.Resize(fyne.NewSize(800, 500))
	n.load()
	if err := f.st.SaveNetworkPositions(context.Background(), []graph.Position{
		{ActorID: f.trump.ID, X: 5, Y: 5}, {ActorID: f.iraq.ID, X: -3, Y: -3, Pinned: true}}); err != nil {
		t.Fatal(err)
	}
	at := func(id int64) graph.Node { return n.g.Nodes[n.g.Node(id)] }
	n.load()
	if tr := at(f.trump.ID); tr.X != 5 || tr.Y != 5 {
		t.Fatalf("kept place not used: %v,%v", tr.X, tr.Y)
	}
	n.draw(true)
	if tr := at(f.trump.ID); tr.X == 5 && tr.Y == 5 {
		t.Fatal("Lay out again left Trump where he was")
	}
	if iq := at(f.iraq.ID); iq.X != -3 || iq.Y != -3 || !iq.Pinned {
		t.Fatalf("pinned Iraq moved to %v,%v (pinned %v)", iq.X, iq.Y, iq.Pinned)
	}
}
