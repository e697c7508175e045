package views

import (
	"context"
	"fmt"
	"math"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
	"dossier/app/graph"
)

// networkLimits are the sizes of network the screen offers to draw.
var networkLimits = []string{"2,000", "5,000", "20,000"}

// networkScreen is the project network (View ▸ Network): every actor and relation, or
// those a date range and polarity keep, laid out in the background with progress, drawn
// as one raster. A click selects an actor: open its dossier, expand its neighbours, pin
// it; find an actor by name.
type networkScreen struct {
	u        *UI
	view     *graphView
	g        graph.Graph
	from, to *widget.Entry
	polarity map[app.Polarity]*widget.Check
	limit    *widget.Select
	choices  *networkFilters // relation type and tag
	find     *widget.Entry
	notice   *widget.Label
	frame    *widget.Label
	progress *widget.ProgressBar
	cancel   *widget.Button
	side     *fyne.Container
	selected int64
	gen      int
	// stop ends the running layout early (Cancel, or a new load).
	stop chan struct{}
	box  fyne.CanvasObject
	// timeline is the project's timeline, the second tab, read when first shown.
	timeline      *timelineView
	timelineNotes *widget.Label
	tabs          *container.AppTabs
}

func (u *UI) networkScreen() *networkScreen {
	if u.network == nil {
		u.network = newNetworkScreen(u)
		u.network.load() // drawn at once, with the default choices; laid out in the background
	}
	u.network.choices.fill(u) // the project's types and tags as they are now
	return u.network
}

func newNetworkScreen(u *UI) *networkScreen {
	n := &networkScreen{u: u, polarity: map[app.Polarity]*widget.Check{}}
	n.view = newGraphView(&graph.Graph{})
	n.view.pic.labelLimit = 40
	n.view.onNode = n.selectNode
	n.view.onEdge = func(e graph.Edge) { showRelationEvidence(u, e, "") }
	n.view.onMoved = func(nd graph.Node) { n.keep([]graph.Position{{ActorID: nd.ID, X: nd.X, Y: nd.Y, Pinned: nd.Pinned}}) }
	n.frame = widget.NewLabel("")
	n.view.lastFrame = func(ms float64) {
		// Set through SetText, which refreshes the label (assigning Text alone left the
		// first frame's words on screen); queued, as the window is painting the frame.
		fyne.Do(func() { n.frame.SetText(fmt.Sprintf("last frame drawn in %.1f ms", ms)) })
	}
	n.from, n.to = widget.NewEntry(), widget.NewEntry()
	n.from.SetPlaceHolder("from 2026")
	n.to.SetPlaceHolder("to 2026-12")
	for _, p := range []app.Polarity{app.Cooperative, app.Conflictual, app.Neutral} {
		n.polarity[p] = widget.NewCheck(string(p), nil)
	}
	n.choices = newNetworkFilters()
	n.limit = widget.NewSelect(networkLimits, nil)
	n.limit.SetSelected(networkLimits[1])
	load := widget.NewButtonWithIcon("Draw", theme.ViewRefreshIcon(), func() {
		n.load()
		if n.tabs.SelectedIndex() == 1 {
			n.loadTimeline()
		}
	})
	load.Importance = widget.HighImportance
	n.find = widget.NewEntry()
	n.find.SetPlaceHolder("find an actor…")
	n.find.OnSubmitted = n.findActor
	n.notice = widget.NewLabel("Choose what to draw, then Draw.")
	n.notice.Wrapping = fyne.TextWrapWord
	n.progress = widget.NewProgressBar()
	n.progress.Hide()
	n.cancel = widget.NewButton("Stop the layout", func() { n.stopLayout() })
	n.cancel.Hide()
	zoomIn := widget.NewButtonWithIcon("", theme.ZoomInIcon(), func() { n.view.zoomBy(1.25) })
	zoomOut := widget.NewButtonWithIcon("", theme.ZoomOutIcon(), func() { n.view.zoomBy(0.8) })
	fit := widget.NewButtonWithIcon("", theme.ZoomFitIcon(), func() { n.view.refit() })
	// What to draw on the first row; what is drawn, finding and zooming on the second,
	// so that neither runs off a window of ordinary width.
	bar := container.NewHBox(container.NewGridWrap(fyne.NewSize(120, n.from.MinSize().Height), n.from),
		container.NewGridWrap(fyne.NewSize(120, n.to.MinSize().Height), n.to),
		n.polarity[app.Cooperative], n.polarity[app.Conflictual], n.polarity[app.Neutral], n.choices.typ, n.choices.tag,
		widget.NewLabel("at most"), n.limit, widget.NewLabel("relations"), load)
	again := widget.NewButtonWithIcon("Lay out again", theme.ViewRefreshIcon(), func() { n.draw(true) })
	tools := container.NewHBox(n.cancel, n.frame, again, container.NewGridWrap(fyne.NewSize(200, n.find.MinSize().Height), n.find), zoomOut, zoomIn, fit)
	n.side = container.NewVBox(dossierHint("Click an actor to open its dossier, expand its neighbours or pin it. " +
		"Drag an actor to move and pin it; drag the background to move; wheel to zoom."))
	side := container.NewVScroll(container.NewPadded(n.side))
	split := container.NewHSplit(n.view, side)
	split.Offset = 0.78
	status := container.NewBorder(nil, nil, nil, tools, container.NewVBox(n.notice, n.progress))
	n.timeline = newTimelineView()
	n.timeline.onMark = func(m graph.Mark) { showRelationEvidence(u, m.Edge, "") }
	n.timelineNotes = widget.NewLabel("")
	n.timelineNotes.Wrapping = fyne.TextWrapWord
	n.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon("Network", theme.GridIcon(), withGraphLegend(split)),
		container.NewTabItemWithIcon("Timeline", theme.HistoryIcon(), container.NewBorder(nil, n.timelineNotes, nil, nil, n.timeline)),
	)
	n.tabs.OnSelected = func(*container.TabItem) {
		if n.tabs.SelectedIndex() == 1 {
			n.loadTimeline()
		}
	}
	n.box = container.NewBorder(container.NewVBox(container.NewHScroll(bar), status), nil, nil, nil, n.tabs)
	return n
}

func (n *networkScreen) content() fyne.CanvasObject { return n.box }

func (n *networkScreen) filter() (graph.Filter, error) {
	var f graph.Filter
	var err error
	if f.From, err = app.ParseDate(n.from.Text); err != nil {
		return f, err
	}
	if f.To, err = app.ParseDate(n.to.Text); err != nil {
		return f, err
	}
	for _, p := range []app.Polarity{app.Cooperative, app.Conflictual, app.Neutral} {
		if n.polarity[p].Checked {
			f.Polarities = append(f.Polarities, p)
		}
	}
	n.choices.apply(&f)
	return f, nil
}

func (n *networkScreen) limitValue() int {
	var v int
	fmt.Sscan(strings.ReplaceAll(n.limit.Selected, ",", ""), &v)
	return v
}

// load reads the network and lays it out in the background, showing the progress; the
// window stays usable and the picture appears when the layout is done (or stopped).
func (n *networkScreen) load() { n.draw(false) }

// draw reads the network and lays it out; anew lays out again every actor not pinned,
// leaving the places kept from last time (Lay out again).
func (n *networkScreen) draw(anew bool) {
	qs, ok := n.u.questions()
	if !ok {
		return
	}
	f, err := n.filter()
	if err != nil {
		n.notice.SetText(app.ErrorMessage(err))
		return
	}
	n.stopLayout()
	n.gen++
	gen, limit := n.gen, n.limitValue()
	stop := make(chan struct{})
	n.stop = stop
	n.notice.SetText("Reading the project…")
	n.progress.SetValue(0)
	n.progress.Show()
	n.cancel.Show()
	n.u.async(func(ctx context.Context) {
		g, err := qs.NetworkGraph(ctx, f, limit)
		if err != nil {
			fyne.Do(func() { n.notice.SetText(app.ErrorMessage(err)); n.progress.Hide(); n.cancel.Hide() })
			return
		}
		// The places kept from last time come back; only actors new to the picture are laid
		// out, around them.
		kept, err := n.keptPositions(ctx)
		if err != nil {
			fyne.Do(func() { n.notice.SetText(app.ErrorMessage(err)); n.progress.Hide(); n.cancel.Hide() })
			return
		}
		if anew {
			kept = pinnedOnly(kept)
		}
		placed, all := g.Place(kept)
		const updates = 120
		layout := graph.Layout
		if all {
			layout = func(*graph.Graph, int, func(int, int) bool) {}
		}
		layout(&g, updates, func(done, total int) bool {
			if done%10 == 0 {
				fyne.Do(func() {
					if gen == n.gen {
						n.progress.SetValue(float64(done) / float64(total))
						n.notice.SetText(fmt.Sprintf("Laying out %s actors… (%d%%)", graph.Thousands(len(g.Nodes)), 100*done/total))
					}
				})
			}
			select {
			case <-stop:
				return false
			default:
				return true
			}
		})
		g.Unhold(placed, kept)
		n.keepNow(ctx, g.Positions())
		fyne.Do(func() {
			if gen != n.gen {
				return
			}
			n.g = g
			n.view.setGraph(&n.g)
			n.notice.SetText(networkNotice(n.g))
			n.progress.Hide()
			n.cancel.Hide()
		})
	})
}

func (n *networkScreen) stopLayout() {
	if n.stop != nil {
		close(n.stop)
		n.stop = nil
	}
}

// findActor centres the view on the actor whose name holds the text typed.
func (n *networkScreen) findActor(text string) {
	q := app.Fold(strings.TrimSpace(text))
	if q == "" {
		return
	}
	for i, nd := range n.g.Nodes {
		if strings.Contains(app.Fold(nd.Name), q) {
			c := n.view.pic.at(i)
			n.view.pic.panX += float64(n.view.size.Width)/2 - c.X
			n.view.pic.panY += float64(n.view.size.Height)/2 - c.Y
			n.view.pic.hoverNode = i
			n.view.pic.version++
			n.selectNode(nd)
			n.view.raster.Refresh()
			return
		}
	}
	n.notice.SetText(fmt.Sprintf("No actor named “%s” in this picture (%s).", text, n.g.Notice()))
}

// selectNode shows what can be done with an actor.
func (n *networkScreen) selectNode(nd graph.Node) {
	n.selected = nd.ID
	title := widget.NewRichText(&widget.TextSegment{Text: nd.Name, Style: widget.RichTextStyle{SizeName: theme.SizeNameSubHeadingText, TextStyle: fyne.TextStyle{Bold: true}}})
	title.Wrapping = fyne.TextWrapWord
	info := widget.NewLabel(nd.Kind.Label() + " · " + dossierCount(nd.Degree, "relation", "relations") + " in this picture's filter")
	info.Wrapping = fyne.TextWrapWord
	open := widget.NewButtonWithIcon("Open its dossier", theme.DocumentIcon(), func() { n.u.openDossier(nd.ID) })
	expand := widget.NewButtonWithIcon("Expand its neighbours", theme.ContentAddIcon(), func() { n.expand(nd.ID) })
	pinLabel := "Pin here"
	if nd.Pinned {
		pinLabel = "Unpin"
	}
	pin := widget.NewButtonWithIcon(pinLabel, theme.VisibilityIcon(), func() { n.togglePin(nd.ID) })
	n.side.Objects = []fyne.CanvasObject{title, info, open, expand, pin}
	n.side.Refresh()
}

// expand adds the actor's counterparts and relations that the picture lacks, placed
// around it.
func (n *networkScreen) expand(id int64) {
	qs, ok := n.u.questions()
	if !ok {
		return
	}
	f, _ := n.filter()
	n.u.async(func(ctx context.Context) {
		ego, err := qs.EgoGraph(ctx, id, 1, f, 0)
		if err != nil {
			n.u.showError(err)
			return
		}
		fyne.Do(func() {
			added := mergeNeighbours(&n.g, ego, id)
			n.view.setGraphKeepView(&n.g)
			n.notice.SetText(fmt.Sprintf("%s %s added around %s.", n.g.Notice(), dossierCount(added, "relation", "relations"), ego.Nodes[0].Name))
		})
	})
}

// mergeNeighbours adds ego's nodes and edges missing from g, new nodes on a circle
// around the centre; it returns how many relations were added. Totals grow with them.
func mergeNeighbours(g *graph.Graph, ego graph.Graph, center int64) int {
	ci := g.Node(center)
	if ci < 0 {
		return 0
	}
	c := g.Nodes[ci]
	have := map[int64]bool{}
	for _, e := range g.Edges {
		have[e.ID] = true
	}
	added := 0
	var fresh []graph.Node
	for _, nd := range ego.Nodes {
		if g.Node(nd.ID) < 0 {
			fresh = append(fresh, nd)
		}
	}
	for i, nd := range fresh {
		a := 2 * math.Pi * float64(i) / float64(max(len(fresh), 1))
		nd.X, nd.Y = c.X+0.06*math.Cos(a), c.Y+0.06*math.Sin(a)
		nd.Hop = 0
		g.Nodes = append(g.Nodes, nd)
	}
	for _, e := range ego.Edges {
		if !have[e.ID] {
			g.Edges = append(g.Edges, e)
			added++
		}
	}
	g.Total += added
	return added
}

func (n *networkScreen) togglePin(id int64) {
	if i := n.g.Node(id); i >= 0 {
		n.g.Nodes[i].Pinned = !n.g.Nodes[i].Pinned
		nd := n.g.Nodes[i]
		n.keep([]graph.Position{{ActorID: nd.ID, X: nd.X, Y: nd.Y, Pinned: nd.Pinned}})
		n.view.pic.version++
		n.view.raster.Refresh()
		n.selectNode(n.g.Nodes[i])
	}
}

// setGraphKeepView shows g (grown) without refitting the view.
func (v *graphView) setGraphKeepView(g *graph.Graph) {
	zoom, stretch, px, py := v.pic.zoom, v.pic.stretch, v.pic.panX, v.pic.panY
	v.pic = newGraphPicture(g)
	v.pic.zoom, v.pic.stretch, v.pic.panX, v.pic.panY = zoom, stretch, px, py
	v.moved = true // the view as the researcher had it
	v.pic.labelLimit = 40
	v.raster.Refresh()
}

// loadTimeline reads the project's timeline with the dates and polarities chosen.
func (n *networkScreen) loadTimeline() {
	qs, ok := n.u.questions()
	if !ok {
		return
	}
	f, err := n.filter()
	if err != nil {
		n.timelineNotes.SetText(app.ErrorMessage(err))
		return
	}
	n.timelineNotes.SetText("Reading the project's timeline…")
	n.u.async(func(ctx context.Context) {
		tl, err := qs.ProjectTimeline(ctx, f, -1)
		fyne.Do(func() {
			if err != nil {
				n.timelineNotes.SetText(app.ErrorMessage(err))
				return
			}
			n.timeline.setTimeline(tl)
			n.timelineNotes.SetText(timelineNotes(tl))
		})
	})
}

// positionStore keeps the network's places in the project (db.Store provides it).
type positionStore interface {
	NetworkPositions(ctx context.Context) (map[int64]graph.Position, error)
	SaveNetworkPositions(ctx context.Context, ps []graph.Position) error
}

// keptPositions reads the places kept from the last time; none when the store keeps none.
func (n *networkScreen) keptPositions(ctx context.Context) (map[int64]graph.Position, error) {
	ps, ok := unwatched(n.u.store).(positionStore)
	if !ok {
		return nil, nil
	}
	return ps.NetworkPositions(ctx)
}

// keep saves places in the background (a pin, a node dragged).
func (n *networkScreen) keep(ps []graph.Position) {
	n.u.async(func(ctx context.Context) { n.keepNow(ctx, ps) })
}

// keepNow saves places; a failure is said, the picture stays.
func (n *networkScreen) keepNow(ctx context.Context, ps []graph.Position) {
	st, ok := unwatched(n.u.store).(positionStore)
	if !ok {
		return
	}
	if err := st.SaveNetworkPositions(ctx, ps); err != nil {
		fyne.Do(func() { n.notice.SetText("The actors' places could not be kept: " + app.ErrorMessage(err)) })
	}
}
