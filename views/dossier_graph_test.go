package views

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
	"dossier/app/graph"
)

// openGraphTab opens a's dossier on its Graph tab.
func (f *dossierFixture) openGraphTab(t *testing.T, a app.Actor) *dossierGraphTab {
	t.Helper()
	s := f.open(a)
	if s.q.tabs == nil {
		t.Fatal("the dossier has no tabs")
	}
	s.q.tabs.SelectIndex(1)
	g := s.q.graph
	g.view.Resize(fyne.NewSize(800, 500))
	if len(g.g.Nodes) == 0 {
		t.Fatalf("no graph drawn: %q", g.notice.Text)
	}
	return g
}

// TestGraphTapEdgeReachesEvidence: tapping the drawn edge of Trump's threat shows the
// relation, its quote and its article, and the article button opens it at the passage.
func TestGraphTapEdgeReachesEvidence(t *testing.T) {
	f := newDossierFixture(t)
	g := f.openGraphTab(t, f.trump)
	if len(g.g.Edges) != 2 || !strings.Contains(g.notice.Text, "2 relations, 3 actors") {
		t.Fatalf("graph %d edges, notice %q", len(g.g.Edges), g.notice.Text)
	}
	edge := -1
	for i, e := range g.g.Edges {
		if e.ID == f.threat.ID {
			edge = i
		}
	}
	if edge < 0 || !g.g.Edges[edge].Dashed {
		t.Fatalf("threat edge %d not drawn dashed: %+v", edge, g.g.Edges)
	}
	test.TapAt(g.view, g.view.edgeAt(edge))
	text := dossierText(g.evidence)
	mustContain(t, text, "Donald Trump threatens Iraq", "conditional", "the United States could stop helping Iraq",
		"Open: US warns Baghdad over choice of premier — Test Wire, 29 Jan 2026")
	var open *dossierTappable
	for _, o := range test.LaidOutObjects(g.evidence) {
		if b, ok := o.(*dossierTappable); ok && strings.Contains(dossierText(b), "US warns Baghdad") {
			open = b
		}
	}
	if open == nil {
		t.Fatalf("no button opening the article in:\n%s", text)
	}
	test.Tap(open)
	last := f.routes[len(f.routes)-1]
	quote := []rune(dossierBody)[last.span[0]:last.span[1]]
	if last.screen != "article" || last.id != f.article.ID || string(quote) != "the United States could stop helping Iraq" {
		t.Fatalf("opened %+v (%q)", last, string(quote))
	}
}

// TestGraphTapNodeOpensDossier: tapping Iraq's node opens Iraq's dossier; hovering says
// what a node is.
func TestGraphTapNodeOpensDossier(t *testing.T) {
	f := newDossierFixture(t)
	g := f.openGraphTab(t, f.trump)
	at, ok := g.view.nodeAt(f.iraq.ID)
	if !ok {
		t.Fatal("Iraq not drawn")
	}
	g.view.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: at}})
	if !g.view.tip.Visible() || g.view.tip.Text != "Iraq — state / country, 1 relation" {
		t.Fatalf("hover tip %q", g.view.tip.Text)
	}
	test.TapAt(g.view, at)
	last := f.routes[len(f.routes)-1]
	if last.screen != "dossier" || last.id != f.iraq.ID || f.u.dossier.shown != f.iraq.ID {
		t.Fatalf("routes %+v, shown %d", f.routes, f.u.dossier.shown)
	}
}

// TestGraphFiltersCutsAndExports: the conflictual filter applies to the graph and the
// briefing's counts and stays set in the next dossier; a cut graph says so and "Show
// more" draws more; PNG and SVG exports carry the picture and the notice.
func TestGraphFiltersCutsAndExports(t *testing.T) {
	f := newDossierFixture(t)
	ctx := context.Background()
	// A cooperative relation for Trump, so the filter has something to remove.
	if _, err := f.st.CreateRelation(ctx, app.Relation{SourceID: f.trump.ID, Type: "praises", TargetID: f.iran.ID, Start: "2026-01-30"}); err != nil {
		t.Fatal(err)
	}
	g := f.openGraphTab(t, f.trump)
	if len(g.g.Edges) != 3 {
		t.Fatalf("unfiltered: %d edges", len(g.g.Edges))
	}
	q := f.u.dossier.q
	q.bar.set(graph.Filter{Polarities: []app.Polarity{app.Conflictual}})
	if len(g.g.Edges) != 2 {
		t.Fatalf("conflictual: %d edges", len(g.g.Edges))
	}
	for _, e := range g.g.Edges {
		if e.Polarity != app.Conflictual {
			t.Fatalf("kept %+v", e)
		}
	}
	if !strings.Contains(q.summary.Text, "Filtered (conflictual): 2 of 3 relations") || len(f.u.dossier.d.Relations) != 2 {
		t.Fatalf("summary %q, %d relations in the briefing", q.summary.Text, len(f.u.dossier.d.Relations))
	}
	// The filter stays when another dossier opens.
	f.open(f.iran)
	if !strings.Contains(q.summary.Text, "Filtered (conflictual)") || q.bar.polarity[app.Conflictual].Checked != true {
		t.Fatalf("filter lost in the next dossier: %q", q.summary.Text)
	}
	// A bad date is named and not applied.
	q.bar.from.SetText("someday")
	q.bar.apply()
	if !q.bar.problem.Visible() || !strings.Contains(q.bar.problem.Text, "From:") {
		t.Fatalf("bad date: %q", q.bar.problem.Text)
	}
	q.bar.reset()
	// A cut is said, and Show more draws more.
	g = f.openGraphTab(t, f.trump)
	g.limit = 1
	g.load(f.trump.ID)
	if len(g.g.Edges) != 1 || !strings.Contains(g.notice.Text, "Showing 1 of 3 relations") || !g.more.Visible() {
		t.Fatalf("cut: %d edges, notice %q", len(g.g.Edges), g.notice.Text)
	}
	test.Tap(g.more)
	if len(g.g.Edges) != 3 || g.more.Visible() {
		t.Fatalf("after Show more: %d edges", len(g.g.Edges))
	}
	files := map[string][]byte{}
	g.saveFile = func(name string, write func(io.Writer) error) {
		var b bytes.Buffer
		if err := write(&b); err != nil {
			t.Fatal(err)
		}
		files[name] = b.Bytes()
	}
	g.export("png")
	g.export("svg")
	png, svg := files["dossier-donald-trump-graph.png"], string(files["dossier-donald-trump-graph.svg"])
	if !bytes.HasPrefix(png, []byte("\x89PNG")) || !strings.Contains(svg, "<svg") || !strings.Contains(svg, "stroke-dasharray") ||
		!strings.Contains(svg, ">Iraq</text>") || !strings.Contains(svg, "3 relations, 3 actors") {
		t.Fatalf("exports: %v\n%s", mapKeys(files), svg)
	}
}

// TestTimelineTabMarksAndEvidence: the timeline places both relations (day-dated, so one
// day wide), lists nothing as undated, and a tap on a mark opens its evidence.
func TestTimelineTabMarksAndEvidence(t *testing.T) {
	f := newDossierFixture(t)
	s := f.open(f.trump)
	s.q.tabs.SelectIndex(2)
	tl := s.q.timeline
	tl.view.Resize(fyne.NewSize(800, 300))
	if len(tl.view.tl.Marks) != 2 || len(tl.view.tl.Undated) != 0 {
		t.Fatalf("timeline %+v", tl.view.tl)
	}
	mustContain(t, tl.notes.Text, "2 relations on the time axis")
	test.TapAt(tl.view, tl.view.markAt(0))
	top := f.u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no evidence dialog")
	}
	mustContain(t, dossierText(top), "Donald Trump threatens Iraq", "the United States could stop helping Iraq")
}

// TestConnectionsTab: how Iraq is connected to Iran: through Trump, two hops, each with
// its relation; the relation button opens its evidence.
func TestConnectionsTab(t *testing.T) {
	f := newDossierFixture(t)
	s := f.open(f.iraq)
	s.q.tabs.SelectIndex(3)
	s.q.paths.connect(f.iran)
	text := dossierText(s.q.paths.result)
	mustContain(t, text, "1. Iraq → Donald Trump → Iran  (2 hops)", "Donald Trump threatens Iraq · 27 Jan 2026 · reported · conditional · 1 article",
		"Iran threatens Donald Trump · 28 Jan 2026 · alleged", "“the United States could stop helping Iraq”",
		"US warns Baghdad over choice of premier — Test Wire, 29 Jan 2026")
	if got := len(s.q.paths.lastRun.Paths); got != 1 {
		t.Fatalf("%d paths", got)
	}
}

func mapKeys(m map[string][]byte) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestDossierExportWhatISeeOrEverything: with a filter set, the CSV export offers what
// is seen (the default) or everything, and writes accordingly.
func TestDossierExportWhatISeeOrEverything(t *testing.T) {
	f := newDossierFixture(t)
	s := f.open(f.trump)
	f.u.win.SetContent(s.content())
	s.q.bar.set(graph.Filter{Confidences: []string{app.Alleged}})
	s.q.bar.conf.SetSelected(app.Alleged)
	rows := func(everything bool) int {
		var buf bytes.Buffer
		s.saveCSV = func(_ string, write func(io.Writer) error) {
			if err := write(&buf); err != nil {
				t.Fatal(err)
			}
		}
		s.exportCSV()
		var choice *widget.RadioGroup
		for _, o := range test.LaidOutObjects(f.u.win.Canvas().Overlays().Top()) {
			if r, ok := o.(*widget.RadioGroup); ok {
				choice = r
			}
		}
		if choice == nil || !strings.HasPrefix(choice.Selected, "What I see (filtered: alleged)") {
			t.Fatalf("no what-I-see choice: %+v", choice)
		}
		if everything {
			choice.SetSelected("Everything in the dossier")
		}
		tapDialogButton(t, f.u.win, "Choose file…")
		return strings.Count(buf.String(), "\nrelation,")
	}
	if seen, all := rows(false), rows(true); seen != 1 || all != 2 {
		t.Fatalf("relation rows: what I see %d, everything %d", seen, all)
	}
}
