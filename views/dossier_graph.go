package views

import (
	"context"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
	"dossier/app/export"
	"dossier/app/graph"
)

// questionsStore is what the dossier's filters, ego graph, timeline and connections
// need, and the project network; *db.Store provides it. Every method reads in one read
// transaction, so counts agree with what is listed.
type questionsStore interface {
	FilteredDossier(ctx context.Context, actorID int64, f graph.Filter, limit int) (app.Dossier, graph.Counts, error)
	EgoGraph(ctx context.Context, actorID int64, hops int, f graph.Filter, limit int) (graph.Graph, error)
	NetworkGraph(ctx context.Context, f graph.Filter, limit int) (graph.Graph, error)
	Connection(ctx context.Context, from, to int64, f graph.Filter) (graph.Connection, error)
	ActorTimeline(ctx context.Context, actorID int64, f graph.Filter, unit graph.Unit) (graph.Timeline, error)
	ProjectTimeline(ctx context.Context, f graph.Filter, unit graph.Unit) (graph.Timeline, error)
}

// questions returns the project as these screens read it: they only read, so the
// watched store's write signals are not needed.
func (u *UI) questions() (questionsStore, bool) {
	q, ok := unwatched(u.store).(questionsStore)
	return q, ok
}

// dossierQuestions puts the dossier's briefing in a tab beside its ego graph, its
// timeline and "how is it connected?", under one filters bar that applies to all and
// stays as set while the researcher goes from dossier to dossier.
type dossierQuestions struct {
	s *dossierScreen

	mu     sync.Mutex // filter and counts are read by the loads, off the UI goroutine
	filter graph.Filter
	counts graph.Counts
	// countsFor is the actor the counts are of; 0 when the dossier was read unfiltered.
	countsFor int64

	root    fyne.CanvasObject
	tabs    *container.AppTabs
	bar     *dossierFilterBar
	summary *widget.Label

	graph    *dossierGraphTab
	timeline *dossierTimelineTab
	paths    *dossierPathTab
}

func newDossierQuestions(s *dossierScreen) *dossierQuestions {
	q := &dossierQuestions{s: s}
	q.summary = widget.NewLabel("")
	q.summary.Wrapping = fyne.TextWrapWord
	q.bar = newDossierFilterBar(q)
	q.graph = newDossierGraphTab(q)
	q.timeline = newDossierTimelineTab(q)
	q.paths = newDossierPathTab(q)
	return q
}

// current returns a copy of the filter, safe to use off the UI goroutine.
func (q *dossierQuestions) current() graph.Filter {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.filter
}

// setFilter applies a new filter to every tab and reloads the dossier.
func (q *dossierQuestions) setFilter(f graph.Filter) {
	q.mu.Lock()
	q.filter = f
	q.mu.Unlock()
	q.s.reload()
}

// fetch reads the dossier as the filter shows it: the plain dossier when nothing is
// filtered, else the filtered one with its counts. It runs off the UI goroutine.
func (q *dossierQuestions) fetch(ctx context.Context, st Store, actorID int64) (d app.Dossier, err error) {
	defer func() {
		if err == nil {
			q.s.authors.load(ctx, st, d)
		}
	}()
	f := q.current()
	qs, ok := unwatched(st).(questionsStore)
	if !f.Active() || !ok {
		d, err := st.Dossier(ctx, actorID, dossierMentions)
		q.mu.Lock()
		q.countsFor = 0
		q.mu.Unlock()
		return d, err
	}
	d, c, err := qs.FilteredDossier(ctx, actorID, f, dossierMentions)
	q.mu.Lock()
	q.counts, q.countsFor = c, actorID
	q.mu.Unlock()
	return d, err
}

// wrap returns the screen's root: the filters bar over the tabs, the briefing (scroll)
// in the first.
func (q *dossierQuestions) wrap(briefing fyne.CanvasObject) fyne.CanvasObject {
	if q.root != nil {
		return q.root
	}
	q.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon("Briefing", theme.DocumentIcon(), briefing),
		container.NewTabItemWithIcon("Graph", theme.GridIcon(), q.graph.content()),
		container.NewTabItemWithIcon("Timeline", theme.HistoryIcon(), q.timeline.content()),
		container.NewTabItemWithIcon("Connections", theme.SearchIcon(), q.paths.content()),
	)
	q.tabs.OnSelected = func(*container.TabItem) { q.refreshTab() }
	top := container.NewVBox(q.bar.content(), container.NewPadded(q.summary), widget.NewSeparator())
	q.root = container.NewBorder(top, nil, nil, nil, q.tabs)
	return q.root
}

// wrapped reports whether root is already on screen.
func (q *dossierQuestions) wrapped(objs []fyne.CanvasObject) bool {
	return q.root != nil && len(objs) == 1 && objs[0] == q.root
}

// show updates the counts line and the open tab for the dossier d now on screen.
func (q *dossierQuestions) show(d app.Dossier) {
	q.summary.SetText(q.summaryText(d))
	q.graph.stale, q.timeline.stale = true, true
	if q.paths.from != d.Actor.ID {
		q.paths.reset(d.Actor)
	}
	q.refreshTab()
}

// refreshTab loads the open tab when it shows another actor or filter than before.
func (q *dossierQuestions) refreshTab() {
	if q.tabs == nil || q.s.shown == 0 {
		return
	}
	switch q.tabs.SelectedIndex() {
	case 1:
		if q.graph.stale {
			q.graph.load(q.s.shown)
		}
	case 2:
		if q.timeline.stale {
			q.timeline.load(q.s.shown)
		}
	}
}

// summaryText says what the filter shows of the dossier: "Filtered (conflictual):
// 12 of 4,737 relations, 40 of 29,433 articles; 3 undated relations left out".
func (q *dossierQuestions) summaryText(d app.Dossier) string {
	q.mu.Lock()
	f, c, of := q.filter, q.counts, q.countsFor
	q.mu.Unlock()
	if !f.Active() || of != d.Actor.ID {
		return "All of " + d.Actor.Name + "’s dossier: " + dossierCount(d.RelationTotal, "relation", "relations") + ", " +
			dossierCount(d.MentionTotal, "article", "articles") + ". Filters above narrow the briefing, the graph and the timeline."
	}
	s := fmt.Sprintf("Filtered (%s): %s of %s relations, %s of %s articles", f.Describe(), dossierThousands(c.Relations),
		dossierThousands(c.RelationTotal), dossierThousands(c.Articles), dossierThousands(c.ArticleTotal))
	var undated []string
	if c.RelationsUndated > 0 {
		undated = append(undated, dossierCount(c.RelationsUndated, "undated relation", "undated relations"))
	}
	if c.ArticlesUndated > 0 {
		undated = append(undated, dossierCount(c.ArticlesUndated, "undated article", "undated articles"))
	}
	if len(undated) > 0 {
		s += "; " + strings.Join(undated, " and ") + " left out (the dates chosen cannot place them)"
	}
	return s + "."
}

// dossierFilterBar is the row of filters above the dossier's tabs.
type dossierFilterBar struct {
	q                      *dossierQuestions
	from, to, asOf, text   *widget.Entry
	polarity               map[app.Polarity]*widget.Check
	typ, conf, modal, kind *widget.Select
	problem                *widget.Label
	types                  map[string]string // label → key
	clear                  *widget.Button
	box                    fyne.CanvasObject
	ready                  bool // the widgets' callbacks fire while they are made
}

// What the choices of the filters bar say when they keep everything.
const (
	allTypes      = "All types"
	anyConfidence = "Any confidence"
	anyModality   = "Any modality"
	anyKind       = "Any counterpart"
)

// filterAll reports whether a choice keeps everything.
func filterAll(v string) bool {
	return v == "" || v == allTypes || v == anyConfidence || v == anyModality || v == anyKind
}

func newDossierFilterBar(q *dossierQuestions) *dossierFilterBar {
	b := &dossierFilterBar{q: q, polarity: map[app.Polarity]*widget.Check{}, types: map[string]string{}}
	date := func(hint string) *widget.Entry {
		e := widget.NewEntry()
		e.SetPlaceHolder(hint)
		e.OnSubmitted = func(string) { b.apply() }
		return e
	}
	b.from, b.to, b.asOf = date("from 2026-01"), date("to 2026-01-31"), date("as of 2026-01-28")
	b.text = widget.NewEntry()
	b.text.SetPlaceHolder("words in names, wording, quotes")
	b.text.OnSubmitted = func(string) { b.apply() }
	for _, p := range []app.Polarity{app.Cooperative, app.Conflictual, app.Neutral} {
		c := widget.NewCheck(string(p), func(bool) { b.apply() })
		b.polarity[p] = c
	}
	sel := func(all string, opts []string) *widget.Select {
		s := widget.NewSelect(append([]string{all}, opts...), func(string) { b.apply() })
		s.SetSelected(all)
		return s
	}
	b.typ = sel(allTypes, nil)
	b.conf = sel(anyConfidence, app.Confidences)
	b.modal = sel(anyModality, app.Modalities)
	var kinds []string
	for _, k := range app.ActorKinds {
		kinds = append(kinds, k.Label())
	}
	b.kind = sel(anyKind, kinds)
	b.problem = widget.NewLabel("")
	b.problem.Importance = widget.DangerImportance
	b.problem.Hide()
	b.clear = widget.NewButtonWithIcon("Clear", theme.ContentClearIcon(), b.reset)
	apply := widget.NewButtonWithIcon("Apply", theme.ConfirmIcon(), b.apply)
	row1 := container.NewBorder(nil, nil, nil, container.NewHBox(apply, b.clear),
		container.NewGridWithColumns(4, b.from, b.to, b.asOf, b.text))
	row2 := container.NewHBox(b.polarity[app.Cooperative], b.polarity[app.Conflictual], b.polarity[app.Neutral],
		widget.NewSeparator(), b.typ, b.conf, b.modal, b.kind)
	b.box = container.NewVBox(row1, container.NewHScroll(row2), b.problem)
	b.ready = true
	return b
}

func (b *dossierFilterBar) content() fyne.CanvasObject {
	b.loadTypes()
	return b.box
}

// loadTypes fills the type choice from the project's vocabulary.
func (b *dossierFilterBar) loadTypes() {
	ts, err := b.q.s.u.store.RelationTypes(b.q.s.u.ctx)
	if err != nil {
		return
	}
	opts := []string{allTypes}
	for _, t := range ts {
		b.types[t.Label] = t.Key
		opts = append(opts, t.Label)
	}
	b.typ.Options = opts
}

// read turns the widgets into a filter; a date it cannot read is named.
func (b *dossierFilterBar) read() (graph.Filter, error) {
	var f graph.Filter
	var err error
	for _, d := range []struct {
		e    *widget.Entry
		dst  *app.Date
		name string
	}{{b.from, &f.From, "From"}, {b.to, &f.To, "To"}, {b.asOf, &f.AsOf, "As of"}} {
		if *d.dst, err = app.ParseDate(d.e.Text); err != nil {
			return f, fmt.Errorf("%s: %s", d.name, app.ErrorMessage(err))
		}
	}
	if f.From != "" && f.To != "" && !graph.Overlaps(f.From, "", "", f.To) {
		return f, fmt.Errorf("the From date (%s) is after the To date (%s)", f.From.Human(), f.To.Human())
	}
	for _, p := range []app.Polarity{app.Cooperative, app.Conflictual, app.Neutral} {
		if b.polarity[p].Checked {
			f.Polarities = append(f.Polarities, p)
		}
	}
	if k, ok := b.types[b.typ.Selected]; ok {
		f.Types = []string{k}
	}
	if v := b.conf.Selected; !filterAll(v) {
		f.Confidences = []string{v}
	}
	if v := b.modal.Selected; !filterAll(v) {
		f.Modalities = []string{v}
	}
	for _, k := range app.ActorKinds {
		if b.kind.Selected == k.Label() {
			f.Kinds = []app.ActorKind{k}
		}
	}
	f.Text = strings.TrimSpace(b.text.Text)
	return f, nil
}

func (b *dossierFilterBar) apply() {
	if !b.ready {
		return
	}
	f, err := b.read()
	if err != nil {
		b.problem.SetText(err.Error() + " — the filter is not applied.")
		b.problem.Show()
		return
	}
	b.problem.Hide()
	if fmt.Sprint(f) == fmt.Sprint(b.q.current()) {
		return
	}
	b.q.setFilter(f)
}

// set shows f in the widgets and applies it (tests, and the network's "as in the dossier").
func (b *dossierFilterBar) set(f graph.Filter) {
	b.ready = false
	defer func() { b.ready = true; b.apply() }()
	b.from.SetText(string(f.From))
	b.to.SetText(string(f.To))
	b.asOf.SetText(string(f.AsOf))
	b.text.SetText(f.Text)
	for p, c := range b.polarity {
		c.Checked = false
		for _, want := range f.Polarities {
			c.Checked = c.Checked || want == p
		}
		c.Refresh()
	}
}

func (b *dossierFilterBar) reset() {
	b.ready = false // one reload, at the end
	defer func() { b.ready = true; b.apply() }()
	for _, e := range []*widget.Entry{b.from, b.to, b.asOf, b.text} {
		e.SetText("")
	}
	for _, c := range b.polarity {
		c.Checked = false
		c.Refresh()
	}
	for _, s := range []*widget.Select{b.typ, b.conf, b.modal, b.kind} {
		s.Selected = s.Options[0]
		s.Refresh()
	}
}

// dossierGraphTab is the ego graph of the dossier's actor.
type dossierGraphTab struct {
	q        *dossierQuestions
	view     *graphView
	hops     *widget.RadioGroup
	notice   *widget.Label
	more     *widget.Button
	evidence *fyne.Container
	side     *container.Scroll
	split    *container.Split
	limit    int
	stale    bool
	g        graph.Graph
	gen      int
	box      fyne.CanvasObject
	// saveFile asks where to save an export and writes it; nil: a file dialog. Tests set it.
	saveFile func(name string, write func(io.Writer) error)
}

func newDossierGraphTab(q *dossierQuestions) *dossierGraphTab {
	t := &dossierGraphTab{q: q, limit: graph.DefaultLimit, stale: true}
	t.view = newGraphView(&graph.Graph{})
	t.view.onNode = func(n graph.Node) {
		if n.ID != q.s.shown {
			q.s.u.openDossier(n.ID)
		}
	}
	t.view.onEdge = t.showEvidence
	t.hops = widget.NewRadioGroup([]string{"1 hop", "2 hops"}, func(string) {
		if t.q.s.shown != 0 {
			t.load(t.q.s.shown)
		}
	})
	t.hops.Horizontal = true
	t.hops.SetSelected("1 hop")
	t.notice = widget.NewLabel("")
	t.more = widget.NewButtonWithIcon("Show 200 more", theme.ContentAddIcon(), func() {
		t.limit += graph.DefaultLimit
		t.load(t.q.s.shown)
	})
	t.more.Hide()
	zoomIn := widget.NewButtonWithIcon("", theme.ZoomInIcon(), func() { t.view.zoomBy(1.25) })
	zoomOut := widget.NewButtonWithIcon("", theme.ZoomOutIcon(), func() { t.view.zoomBy(0.8) })
	fit := widget.NewButtonWithIcon("", theme.ZoomFitIcon(), func() { t.view.refit() })
	png := widget.NewButtonWithIcon("PNG", theme.DownloadIcon(), func() { t.export("png") })
	svg := widget.NewButtonWithIcon("SVG", theme.DownloadIcon(), func() { t.export("svg") })
	t.notice.Wrapping = fyne.TextWrapWord
	bar := container.NewBorder(nil, nil, container.NewHBox(t.hops, t.more), container.NewHBox(zoomOut, zoomIn, fit, png, svg), t.notice)
	t.evidence = container.NewVBox(dossierHint("Click an edge to read its evidence; click an actor to open its dossier. " +
		"Drag to move, wheel to zoom."))
	t.side = container.NewVScroll(container.NewPadded(t.evidence))
	t.split = container.NewHSplit(withGraphLegend(t.view), t.side)
	t.split.Offset = 0.72
	t.box = container.NewBorder(bar, nil, nil, nil, t.split)
	return t
}

func (t *dossierGraphTab) content() fyne.CanvasObject { return t.box }

func (t *dossierGraphTab) hopCount() int {
	if t.hops.Selected == "2 hops" {
		return 2
	}
	return 1
}

// load reads and lays out the graph off the UI goroutine.
func (t *dossierGraphTab) load(actorID int64) {
	qs, ok := t.q.s.u.questions()
	if !ok || actorID == 0 {
		return
	}
	if t.g.Center != actorID {
		t.limit = graph.DefaultLimit
	}
	t.stale = false
	t.gen++
	gen, hops, limit, f := t.gen, t.hopCount(), t.limit, t.q.current()
	t.notice.SetText("Drawing the graph…")
	t.q.s.u.async(func(ctx context.Context) {
		g, err := qs.EgoGraph(ctx, actorID, hops, f, limit)
		if err == nil {
			graph.Layout(&g, 80, nil)
		}
		fyne.Do(func() {
			if gen != t.gen {
				return
			}
			if err != nil {
				t.notice.SetText(app.ErrorMessage(err))
				return
			}
			t.g = g
			t.view.setGraph(&t.g)
			t.notice.SetText(t.noticeText())
			if g.Cut() {
				t.more.Show()
			} else {
				t.more.Hide()
			}
		})
	})
}

func (t *dossierGraphTab) noticeText() string {
	s := t.g.Notice()
	if d := t.g.Filter.Describe(); d != "" {
		s += " Filter: " + d + "."
	}
	return s
}

// showEvidence fills the side panel with the relation's sources, each opening its article
// at the quoted passage.
func (t *dossierGraphTab) showEvidence(e graph.Edge) {
	u := t.q.s.u
	t.evidence.Objects = []fyne.CanvasObject{dossierHint("Reading the evidence…")}
	t.evidence.Refresh()
	u.async(func(ctx context.Context) {
		r, err := u.store.Relation(ctx, e.ID)
		fyne.Do(func() {
			if err != nil {
				t.evidence.Objects = []fyne.CanvasObject{dossierHint(app.ErrorMessage(err))}
			} else {
				t.evidence.Objects = evidenceCard(u, e, r, t.q.current().AsOf, nil)
			}
			t.evidence.Refresh()
		})
	})
}

// evidenceCard shows a relation as a sentence with its facts, then each source: the quote
// and "title — outlet, date", a button opening the article at the passage (opened, if
// not nil, is called first: a dialog closes itself).
func evidenceCard(u *UI, e graph.Edge, r app.Relation, asOf app.Date, opened func()) []fyne.CanvasObject {
	title := widget.NewRichText(&widget.TextSegment{Text: r.SourceName + " " + e.Label + " " + r.TargetName,
		Style: widget.RichTextStyle{SizeName: theme.SizeNameSubHeadingText, TextStyle: fyne.TextStyle{Bold: true}}})
	title.Wrapping = fyne.TextWrapWord
	facts := []string{}
	if w := r.When(); w != "" {
		facts = append(facts, w)
	} else {
		facts = append(facts, "undated")
	}
	facts = append(facts, r.Confidence)
	if r.Modality != app.Asserted {
		facts = append(facts, r.Modality)
	}
	if r.SpeakerName != "" {
		facts = append(facts, "according to "+r.SpeakerName)
	}
	meta := widget.NewLabel(strings.Join(facts, " · "))
	meta.Wrapping = fyne.TextWrapWord
	out := []fyne.CanvasObject{title, meta}
	r = graph.EvidenceAsOf(r, asOf)
	if len(r.Evidence) == 0 {
		out = append(out, dossierHint("No source recorded for this relation"+map[bool]string{true: " by the “as of” date", false: ""}[asOf != ""]+"."))
	}
	for _, ev := range r.Evidence {
		ev := ev
		src := ev.ArticleTitle
		if ev.Source != "" {
			src += " — " + ev.Source
		}
		if ev.ArticleDate != "" {
			src += ", " + ev.ArticleDate.Human()
		}
		if ev.Quote != "" {
			q := widget.NewRichText(dossierItalic("“" + dossierClip(ev.Quote, dossierQuoteLength) + "”"))
			q.Wrapping = fyne.TextWrapWord
			out = append(out, dossierIndent(q, 2))
		}
		// Wrapped text, not a button: a long title must not widen the panel.
		open := newDossierTappable(func() {
			if opened != nil {
				opened()
			}
			u.openArticle(ev.ArticleID, [2]int{ev.Start, ev.End})
		}, &widget.TextSegment{Text: "Open: " + src, Style: widget.RichTextStyle{Inline: true, ColorName: theme.ColorNamePrimary}})
		out = append(out, dossierIndent(open, 2), widget.NewSeparator())
	}
	return out
}

// nowMillis is the time in milliseconds, for frame times.
func nowMillis() float64 { return float64(time.Now().UnixNano()) / 1e6 }

// exportChoice is the CSV export's "what I see or everything" choice, shown only while a
// filter is set, and the writer for the choice made.
func (q *dossierQuestions) exportChoice() (fyne.CanvasObject, func(actorID int64, bom bool) func(io.Writer) error) {
	f := q.current()
	s := q.s
	if !f.Active() {
		return widget.NewLabel(""), s.csvWriter
	}
	seen, all := "What I see (filtered: "+f.Describe()+")", "Everything in the dossier"
	choice := widget.NewRadioGroup([]string{seen, all}, nil)
	choice.SetSelected(seen)
	return choice, func(actorID int64, bom bool) func(io.Writer) error {
		if choice.Selected != seen {
			return s.csvWriter(actorID, bom)
		}
		qs, ok := s.u.questions()
		if !ok {
			return s.csvWriter(actorID, bom)
		}
		ctx := s.u.ctx
		return func(w io.Writer) error {
			d, _, err := qs.FilteredDossier(ctx, actorID, f, 0)
			if err != nil {
				return err
			}
			c := &dossierRecordCounter{w: w}
			if err := export.WriteDossier(c, d, export.Options{BOM: bom}); err != nil {
				return err
			}
			s.exportedRows = max(c.records-1, 0)
			return nil
		}
	}
}
