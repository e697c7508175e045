package views

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
)

// searchLimit is how many hits of each kind the screen asks for.
const searchLimit = 50

// How many hits of each group are built at first; "Show more" builds the rest of the
// fetched ones. Laying out wrapped passages is the slow part of a keystroke (about half a
// millisecond a hit), so the screen answers typing with about thirty.
const (
	searchFirstArticles = 20
	searchFirstOthers   = 5
)

// Texts of the screen's empty states and notices.
const (
	searchPrompt      = "Search articles, actors, relations and notes. Phrases in quotes, AND/OR/NOT, prefix*"
	searchPlainNotice = "Searched as plain words (the query had unbalanced quotes or operators)"
	// searchRelationsRecent says that the relations were too many to rank.
	searchRelationsRecent = "So many relations match that the most recently recorded ones are listed, newest first, rather than the best."
)

// searchScreen is one search box over the articles, actors, relations and notes of the
// project, with filters that narrow the articles. It searches as the user types: each keystroke cancels
// the query before it, and an answer that arrives after a newer query was asked is dropped
// (gen), so what is shown always matches what is typed.
type searchScreen struct {
	u    *UI
	root fyne.CanvasObject

	// The search box and the filters are the dialogs' key-aware fields, so that the keys
	// behave as in every other field of the window (see keys.go).
	box                   *keyEntry
	from, to, source, tag *keyEntry
	actorBtn, actorClear  *widget.Button
	filterMsg             *widget.Label // what is wrong with a date filter
	clearFilters          *widget.Button
	// The filters row, the top area holding the box, filters and message, and the whole
	// screen: laid out again when a filter's message or clear button comes or goes.
	filters, top, layout *fyne.Container

	scroll    *container.Scroll
	results   *fyne.Container  // the notices and the groups of hits
	empty     *widget.Label    // the prompt, or "Nothing matches"
	emptyHint *widget.RichText // what to try
	emptyBox  *fyne.Container

	// actor is the "mentions actor" filter; ID 0 means none.
	actor app.Actor
	// store is the project the screen searched last; another one resets the actor filter.
	store Store

	// gen numbers the queries; apply drops the answer to any but the latest.
	gen    int
	cancel context.CancelFunc
	// pending is set while the latest query runs; Enter then opens its first hit when it comes.
	pending, openWhenReady bool

	// shown is the query whose results are on screen, res those results, rows their
	// widgets in reading order (what Enter and the arrow keys walk through).
	shown app.SearchQuery
	res   app.SearchResults
	rows  []*searchRow
	// expanded holds the kinds of hit whose group shows all the hits fetched.
	expanded map[string]bool
	// hub searches the team's hub too, when asked (search_hub.go).
	hub *searchHub
}

// newSearchScreen builds the search screen; the window shows it under the "search" route.
func newSearchScreen(u *UI) *searchScreen {
	s := &searchScreen{u: u, store: u.store, expanded: map[string]bool{}}
	s.hub = newSearchHub(s)
	s.build()
	s.showPrompt()
	return s
}

// content returns the screen's root object.
func (s *searchScreen) content() fyne.CanvasObject { return s.root }

// focus puts the cursor in the search box with its text selected, so typing replaces it.
// Called while the window is still switching to the screen, the box is not in the window
// yet and cannot take the focus: it is asked again once the switch is done.
func (s *searchScreen) focus() {
	c := s.u.win.Canvas()
	take := func() {
		c.Focus(s.box)
		if c.Focused() == s.box && s.box.Text != "" {
			s.box.TypedShortcut(&fyne.ShortcutSelectAll{})
		}
	}
	take()
	if c.Focused() != s.box {
		fyne.Do(take)
	}
}

// reload runs the search again: after an edit elsewhere, or with another project open
// (whose actors are not the old one's, so the actor filter goes).
func (s *searchScreen) reload() {
	if s.store != s.u.store {
		s.store = s.u.store
		s.actor = app.Actor{}
		s.showActor()
		s.shown = app.SearchQuery{}
	}
	s.hub.offer()
	s.search()
}

func (s *searchScreen) build() {
	s.box = s.u.newKeyEntry()
	s.box.SetPlaceHolder("Search articles, actors, relations and notes…")
	s.box.OnChanged = func(string) { s.search() }
	s.box.OnSubmitted = func(string) { s.openFirst() }
	s.box.onKey = func(k *fyne.KeyEvent) bool {
		if k.Name == fyne.KeyDown {
			s.focusRow(0)
			return true
		}
		return false
	}

	filter := func(placeholder string) *keyEntry {
		e := s.u.newKeyEntry()
		e.SetPlaceHolder(placeholder)
		e.OnChanged = func(string) { s.search() }
		e.OnSubmitted = func(string) { s.openFirst() }
		return e
	}
	s.from = filter("e.g. 2025")
	s.to = filter("e.g. 2026-01")
	s.source = filter("outlet name")
	s.tag = filter("tag")

	s.actorBtn = widget.NewButtonWithIcon("Any actor", theme.AccountIcon(), s.chooseActor)
	s.actorClear = widget.NewButtonWithIcon("", theme.CancelIcon(), s.clearActor)
	s.actorClear.Importance = widget.LowImportance
	s.actorClear.Hide()

	s.filterMsg = widget.NewLabel("")
	s.filterMsg.Importance = widget.DangerImportance
	s.filterMsg.Wrapping = fyne.TextWrapWord
	s.filterMsg.Hide()

	s.clearFilters = widget.NewButtonWithIcon("Clear the filters", theme.ContentClearIcon(), s.resetFilters)
	s.clearFilters.Hide()

	cell := func(label string, width float32, field fyne.CanvasObject) fyne.CanvasObject {
		l := widget.NewLabel(label)
		h := s.box.MinSize().Height
		return container.NewHBox(l, container.NewGridWrap(fyne.NewSize(width, h), field))
	}
	s.filters = container.New(layout.NewRowWrapLayout(),
		cell("From", 120, s.from), cell("To", 120, s.to),
		cell("Source", 170, s.source), cell("Tag", 130, s.tag),
		container.NewHBox(widget.NewLabel("Mentions"), s.actorBtn, s.actorClear),
	)

	s.results = dossierStack(theme.Padding())
	pad := theme.Padding()
	s.scroll = container.NewVScroll(container.New(layout.NewCustomPaddedLayout(pad, pad*6, pad*2, pad*4), s.results))

	s.empty = widget.NewLabel("")
	s.empty.Wrapping = fyne.TextWrapWord
	s.empty.Alignment = fyne.TextAlignCenter
	s.emptyHint = widget.NewRichText(&widget.TextSegment{Style: widget.RichTextStyle{Alignment: fyne.TextAlignCenter,
		ColorName: theme.ColorNamePlaceHolder, SizeName: theme.SizeNameText}})
	s.emptyHint.Wrapping = fyne.TextWrapWord
	s.emptyBox = container.NewVBox(layout.NewSpacer(), s.empty, s.emptyHint, container.NewCenter(s.clearFilters), layout.NewSpacer())

	// The filters wrap onto more rows in a narrow window: the stacks size them to the width
	// before asking their height, so the results start right under the last row.
	s.top = dossierStack(theme.Padding(), s.box, s.filters, s.filterMsg, s.hub.check, widget.NewSeparator())
	s.layout = container.New(searchLayout{},
		container.New(layout.NewCustomPaddedLayout(pad*2, 0, pad*2, pad*2), s.top),
		container.NewStack(s.scroll, s.emptyBox))
	s.root = s.layout
}

// searchLayout puts the search box and filters at the top and the results under them.
// Unlike a Border it sizes the top to the width before asking its height, which depends
// on how many rows the filters wrap onto.
type searchLayout struct{}

// Layout places the top at its height for the width and gives the results the rest.
func (searchLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	top, rest := objs[0], objs[1]
	top.Move(fyne.NewPos(0, 0))
	top.Resize(fyne.NewSize(size.Width, top.Size().Height))
	h := top.MinSize().Height
	top.Resize(fyne.NewSize(size.Width, h))
	rest.Move(fyne.NewPos(0, h))
	rest.Resize(fyne.NewSize(size.Width, max(size.Height-h, 0)))
}

// MinSize is the top over the results' minimum.
func (searchLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	a, b := objs[0].MinSize(), objs[1].MinSize()
	return fyne.NewSize(max(a.Width, b.Width), a.Height+b.Height)
}

// query reads the search box and the filters. A date filter that does not parse is left
// out of the query and named in problem: the search goes on with the other filters while
// the user finishes typing the date.
func (s *searchScreen) query() (q app.SearchQuery, problem string) {
	q = app.SearchQuery{
		Text:    strings.TrimSpace(s.box.Text),
		Source:  strings.TrimSpace(s.source.Text),
		Tag:     strings.TrimSpace(s.tag.Text),
		ActorID: s.actor.ID,
		Limit:   searchLimit,
	}
	var problems []string
	var err error
	if q.From, err = app.ParseDate(s.from.Text); err != nil {
		problems = append(problems, "From: "+app.ErrorMessage(err))
	}
	if q.To, err = app.ParseDate(s.to.Text); err != nil {
		problems = append(problems, "To: "+app.ErrorMessage(err))
	}
	if q.From != "" && q.To != "" && q.To < q.From && !strings.HasPrefix(string(q.From), string(q.To)) {
		problems = append(problems, fmt.Sprintf("The date range ends (%s) before it starts (%s).", q.To.Human(), q.From.Human()))
		q.To = ""
	}
	return q, strings.Join(problems, "\n")
}

// search runs the query typed so far in the background, cancelling the one before.
func (s *searchScreen) search() {
	q, problem := s.query()
	if problem != s.filterMsg.Text || s.filterMsg.Visible() != (problem != "") {
		s.filterMsg.Text, s.filterMsg.Hidden = problem, problem == ""
		s.filterMsg.Refresh()
		s.relayout()
	}
	s.gen++
	if s.cancel != nil {
		s.cancel()
		s.cancel = nil
	}
	s.hub.search(s.gen, q.Text)
	if q.Text == "" {
		s.pending, s.openWhenReady = false, false
		s.shown, s.res = app.SearchQuery{}, app.SearchResults{}
		s.showPrompt()
		return
	}
	gen, st := s.gen, s.u.store
	ctx, cancel := context.WithCancel(s.u.ctx)
	s.cancel = cancel
	s.pending = true
	s.u.async(func(context.Context) {
		res, err := st.Search(ctx, q)
		fyne.Do(func() { s.apply(gen, q, res, err) })
	})
}

// apply shows the answer to query number gen, unless a newer query has been asked since.
func (s *searchScreen) apply(gen int, q app.SearchQuery, res app.SearchResults, err error) {
	if gen != s.gen {
		return
	}
	s.pending = false
	if s.cancel != nil {
		s.cancel() // the query is over: release its context
		s.cancel = nil
	}
	if err != nil {
		s.openWhenReady = false
		if errors.Is(err, context.Canceled) {
			return
		}
		// Shown in place of the results, not in a dialog: the next keystroke may cure it.
		s.showEmpty(app.ErrorMessage(err), "", false)
		s.empty.Importance = widget.DangerImportance
		s.empty.Refresh()
		return
	}
	s.render(q, res)
	if s.openWhenReady {
		s.openWhenReady = false
		s.openFirst()
	}
}

// showPrompt is the screen before anything is typed: what can be searched, and how.
func (s *searchScreen) showPrompt() {
	s.showEmpty(searchPrompt, "For example:  \"withdraw support\"   ·   oil AND Basra   ·   militia NOT army   ·   Malik*\n"+
		"Enter opens the first result; ↓ moves through the results.", false)
}

// showEmpty shows a centred line, and a hint under it, instead of results.
func (s *searchScreen) showEmpty(text, hint string, offerClear bool) {
	s.rows = nil
	s.results.Objects = nil
	s.scroll.Hide()
	s.empty.Importance = widget.MediumImportance
	s.empty.SetText(text)
	s.emptyHint.Segments[0].(*widget.TextSegment).Text = hint
	s.emptyHint.Hidden = hint == ""
	s.emptyHint.Refresh()
	s.clearFilters.Hidden = !offerClear
	s.emptyBox.Show()
	s.emptyBox.Refresh()
}

// render shows res, the hits of q, grouped by kind.
func (s *searchScreen) render(q app.SearchQuery, res app.SearchResults) {
	sameQuery := q == s.shown
	s.shown, s.res = q, res
	if !sameQuery {
		s.expanded = map[string]bool{}
	}
	hubObjs := s.hub.objects()
	if s.showNothing(q, res, hubObjs) {
		return
	}
	objs := s.hub.nothingHere(q, res)
	if res.Plain {
		objs = append(objs, searchNotice(searchPlainNotice))
	}
	if order := searchOrderNotice(res); order != "" {
		objs = append(objs, searchNotice(order))
	}
	if res.RelationsRecent {
		objs = append(objs, searchNotice(searchRelationsRecent))
	}
	s.rows = nil
	group := func(kind, title, count string, hits []app.SearchHit, first int, more string) {
		if len(hits) == 0 {
			return
		}
		section := []fyne.CanvasObject{dossierProse(&widget.TextSegment{Text: title, Style: widget.RichTextStyle{Inline: true,
			SizeName: theme.SizeNameSubHeadingText, TextStyle: fyne.TextStyle{Bold: true}}}, dossierMuted("  "+count))}
		shown := hits
		if !s.expanded[kind] && len(hits) > first {
			shown = hits[:first]
		}
		for _, h := range shown {
			r := newSearchRow(s, h, len(s.rows))
			s.rows = append(s.rows, r)
			section = append(section, r)
		}
		switch {
		case len(shown) < len(hits):
			label := fmt.Sprintf("Show %d more %s", len(hits)-len(shown), strings.ToLower(title))
			section = append(section, dossierMoreButton(label, func() { s.expand(kind) }))
		case more != "":
			section = append(section, searchNotice(more))
		}
		objs = append(objs, dossierSection(section...))
	}
	group(app.HitArticle, "Articles", searchArticleCount(res), res.Articles, searchFirstArticles, searchMore(res, q))
	group(app.HitActor, "Actors", dossierThousands(len(res.Actors)), res.Actors, searchFirstOthers, "")
	group(app.HitRelation, "Relations", dossierThousands(len(res.Relations)), res.Relations, searchFirstOthers, "")
	group(app.HitNote, "Notes", dossierThousands(len(res.Notes)), res.Notes, searchFirstOthers, "")
	objs = append(objs, hubObjs...)

	offset := s.scroll.Offset
	s.results.Objects = objs
	s.results.Refresh()
	s.emptyBox.Hide()
	s.scroll.Show()
	if sameQuery { // the same search again (back from an article): keep the reading place
		s.scroll.Offset = offset
		s.scroll.Refresh()
	} else {
		s.scroll.ScrollToTop()
	}
}

// showNothing says that nothing matches q, when neither the project nor the hub has a
// hit to list, and reports whether it did.
func (s *searchScreen) showNothing(q app.SearchQuery, res app.SearchResults, hubObjs []fyne.CanvasObject) bool {
	if !res.Empty() || hubObjs != nil {
		return false
	}
	text := fmt.Sprintf("Nothing matches “%s”", q.Text)
	if q.HasFilters() {
		text += " with these filters"
	}
	hint := "Try fewer words, or another spelling."
	if res.Plain {
		hint = searchPlainNotice + "."
	}
	s.showEmpty(text+".", hint, q.HasFilters())
	return true
}

// expand shows every hit fetched of one kind, keeping the reading place and the keyboard
// on the first hit that was not shown before.
func (s *searchScreen) expand(kind string) {
	before := 0
	for _, r := range s.rows {
		if r.hit.Kind == kind {
			before = r.index + 1
		}
	}
	s.expanded[kind] = true
	s.render(s.shown, s.res)
	if before < len(s.rows) && s.rows[before].hit.Kind == kind {
		s.u.win.Canvas().Focus(s.rows[before])
	}
}

// searchArticleCount is how many articles match, as the group's heading gives it: counted,
// estimated ("about 12,000") or at least the hits listed ("50+").
func searchArticleCount(res app.SearchResults) string {
	n := len(res.Articles)
	switch {
	case res.ArticleTotal >= n:
		return dossierThousands(res.ArticleTotal)
	case res.ArticleEstimate > n:
		return "about " + dossierThousands(res.ArticleEstimate)
	case n >= searchLimit:
		return dossierThousands(n) + "+"
	}
	return dossierThousands(n)
}

// searchMore says that more articles match than are listed, or "".
func searchMore(res app.SearchResults, q app.SearchQuery) string {
	n := len(res.Articles)
	const narrow = "; add words or filters to narrow the search."
	switch {
	case res.ArticleTotal > n:
		return fmt.Sprintf("%d of the %s matching articles are listed", n, dossierThousands(res.ArticleTotal)) + narrow
	case res.ArticleTotal < 0 && res.ArticleEstimate > n:
		return fmt.Sprintf("%d of about %s matching articles are listed", n, dossierThousands(res.ArticleEstimate)) + narrow
	case res.ArticleTotal < 0 && n >= q.Limit:
		return fmt.Sprintf("The first %d matching articles are listed; more match", n) + narrow
	}
	return ""
}

// searchOrderNotice explains an article group that could not be ranked in full, or "".
func searchOrderNotice(res app.SearchResults) string {
	switch {
	case res.Order == app.OrderFiled:
		return "So many articles match that the most recently filed ones are listed, newest first, rather than the best."
	case res.Order == app.OrderRecentRelevance || res.Recent:
		return "So many articles match that the best are picked from the most recently filed ones."
	}
	return ""
}

// searchNotice is a discreet line about the search itself.
func searchNotice(text string) fyne.CanvasObject {
	return dossierWrapped(&widget.TextSegment{Text: text, Style: widget.RichTextStyle{Inline: true,
		ColorName: theme.ColorNamePlaceHolder, TextStyle: fyne.TextStyle{Italic: true}}})
}

// openFirst opens the first hit (Enter in the search box); if the search is still running,
// the first hit of its answer.
func (s *searchScreen) openFirst() {
	if s.pending {
		s.openWhenReady = true
		return
	}
	if len(s.rows) > 0 {
		s.open(s.rows[0].hit)
	}
}

// open goes to what a hit is about: the article at the matching passage, the actor's
// dossier, the dossier of a relation's source (where the relation is listed with its
// quotes), or what a note is attached to.
func (s *searchScreen) open(h app.SearchHit) {
	switch h.Kind {
	case app.HitArticle:
		s.openArticle(h.ID, h.Snippet)
	case app.HitActor:
		s.u.openDossier(h.ID)
	case app.HitRelation:
		s.u.openDossier(h.ActorID)
	case app.HitNote:
		switch {
		case h.ArticleID != 0:
			s.u.openArticle(h.ArticleID, [2]int{})
		case h.ActorID != 0:
			s.u.openDossier(h.ActorID)
		default: // a standalone note
			s.u.openNote(h.ID)
		}
	}
}

// openArticle opens an article with the snippet's passage highlighted when it can be found
// in the body (a match in the title has none to show).
func (s *searchScreen) openArticle(id int64, snippet string) {
	st := s.u.store
	s.u.async(func(ctx context.Context) {
		var span [2]int
		if a, err := st.Article(ctx, id); err == nil {
			span = searchSpan(a.Body, snippet)
		}
		fyne.Do(func() { s.u.openArticle(id, span) })
	})
}

// searchSpan is the rune range of body that snippet shows, without its ellipses; failing
// that, of the first matched term; failing that, none. Spacing may differ: a snippet runs
// the paragraphs it spans together.
func searchSpan(body, snippet string) [2]int {
	text, spans := app.SnippetText(snippet)
	if len(spans) == 0 {
		return [2]int{}
	}
	text = strings.TrimSuffix(strings.TrimPrefix(text, app.SnippetEllipsis), app.SnippetEllipsis)
	if sp, ok := searchFind(body, text); ok {
		return sp
	}
	for _, p := range app.SnippetParts(snippet) {
		if p.Match {
			sp, _ := searchFind(body, p.Text)
			return sp
		}
	}
	return [2]int{}
}

// searchFind returns the rune range of the first place in body that reads as text, any
// run of white space matching any other.
func searchFind(body, text string) ([2]int, bool) {
	want := strings.Join(strings.Fields(text), " ")
	if want == "" {
		return [2]int{}, false
	}
	// The body with its white space runs made single spaces, and where each of its runes
	// came from in the body.
	var b strings.Builder
	var from []int
	space := false
	i := 0
	for _, r := range body {
		if unicode.IsSpace(r) {
			if !space {
				b.WriteByte(' ')
				from = append(from, i)
			}
			space = true
		} else {
			b.WriteRune(r)
			from = append(from, i)
			space = false
		}
		i++
	}
	flat := b.String()
	at := strings.Index(flat, want)
	if at < 0 {
		return [2]int{}, false
	}
	start := utf8.RuneCountInString(flat[:at])
	end := start + utf8.RuneCountInString(want)
	return [2]int{from[start], from[end-1] + 1}, true
}

// focusRow moves the keyboard focus to hit i, scrolled into view; below the first hit
// it goes back to the search box.
func (s *searchScreen) focusRow(i int) {
	if len(s.rows) == 0 {
		return
	}
	if i < 0 {
		s.u.win.Canvas().Focus(s.box)
		return
	}
	i = min(i, len(s.rows)-1)
	r := s.rows[i]
	s.u.win.Canvas().Focus(r)
	s.scrollTo(r)
}

// scrollTo scrolls the results just enough to show r whole.
func (s *searchScreen) scrollTo(r *searchRow) {
	d := fyne.CurrentApp().Driver()
	y := d.AbsolutePositionForObject(r).Y - d.AbsolutePositionForObject(s.scroll.Content).Y
	view, off := s.scroll.Size().Height, s.scroll.Offset.Y
	switch {
	case y < off:
		off = y
	case y+r.Size().Height > off+view:
		off = y + r.Size().Height - view
	default:
		return
	}
	s.scroll.ScrollToOffset(fyne.NewPos(0, max(off, 0)))
}

// chooseActor opens the actor picker for the "mentions actor" filter.
func (s *searchScreen) chooseActor() {
	s.u.actors.pickActor("Only articles that mention…", s.setActor)
}

func (s *searchScreen) setActor(a app.Actor) {
	s.actor = a
	s.showActor()
	s.search()
}

func (s *searchScreen) clearActor() { s.setActor(app.Actor{}) }

// showActor shows the actor filter on its button.
func (s *searchScreen) showActor() {
	if s.actor.ID == 0 {
		s.actorBtn.SetText("Any actor")
		s.setShown(s.actorClear, false)
		return
	}
	s.actorBtn.SetText(dossierClip(s.actor.Name, 28))
	s.setShown(s.actorClear, true)
}

// setShown shows or hides a part of the top area, and lays the screen out again: the
// filters may wrap differently.
func (s *searchScreen) setShown(o fyne.CanvasObject, show bool) {
	if o.Visible() == show {
		return
	}
	if show {
		o.Show()
	} else {
		o.Hide()
	}
	s.relayout()
}

// relayout lays the top area out again after a part of it changed height.
func (s *searchScreen) relayout() {
	s.filters.Refresh()
	s.top.Refresh()
	s.layout.Refresh()
}

// resetFilters empties every filter and searches again.
func (s *searchScreen) resetFilters() {
	for _, e := range []*keyEntry{s.from, s.to, s.source, s.tag} {
		e.OnChanged = nil
		e.SetText("")
		e.OnChanged = func(string) { s.search() }
	}
	s.actor = app.Actor{}
	s.showActor()
	s.search()
}

// searchRow is one hit: what it is (title, date and outlet, or kind) over the matching
// passage with the matched words in bold and the primary colour. Clicking it, or Enter
// when it has the keyboard focus, opens what it is about; the arrow keys move between hits.
type searchRow struct {
	widget.BaseWidget
	s     *searchScreen
	hit   app.SearchHit
	index int

	bg               *canvas.Rectangle
	body             fyne.CanvasObject
	focused, hovered bool
}

func newSearchRow(s *searchScreen, h app.SearchHit, index int) *searchRow {
	r := &searchRow{s: s, hit: h, index: index, bg: canvas.NewRectangle(theme.Color(theme.ColorNameHover))}
	r.bg.CornerRadius = theme.InputRadiusSize()
	r.bg.Hide()
	lines := []fyne.CanvasObject{dossierProse(searchTitle(h)...)}
	if meta := searchMeta(h); meta != "" {
		lines = append(lines, dossierProse(dossierSmall(meta)))
	}
	snippet := h.Snippet
	if h.Kind == app.HitActor { // an actor's other names come one a line: keep them apart
		snippet = searchJoinLines(snippet, " · ")
	}
	if segs := searchSnippet(snippet); len(segs) > 0 && (!searchTitleMatches(h) || !searchSameText(h.Snippet, h.Title)) {
		lines = append(lines, newArticleFlow(segs...))
	}
	pad := theme.Padding()
	r.body = container.New(layout.NewCustomPaddedLayout(0, 0, pad, pad), dossierStack(dossierLineGap(), lines...))
	r.ExtendBaseWidget(r)
	return r
}

// searchTitleMatches reports whether a hit's title is text that can match, shown marked
// when it is what matched: an actor's name, a relation's wording.
func searchTitleMatches(h app.SearchHit) bool {
	return h.Kind == app.HitActor || h.Kind == app.HitRelation
}

// searchTitle is the first line of a hit: the article's title, the actor's name or the
// relation's wording (with the matched words marked when that is what matched), or what
// a note is attached to.
func searchTitle(h app.SearchHit) []widget.RichTextSegment {
	if searchTitleMatches(h) && searchSameText(h.Snippet, h.Title) {
		var segs []widget.RichTextSegment
		for _, p := range app.SnippetParts(h.Snippet) {
			if p.Match {
				segs = append(segs, searchMatch(p.Text))
			} else {
				segs = append(segs, dossierStrong(p.Text))
			}
		}
		return segs
	}
	title := strings.Join(strings.Fields(h.Title), " ")
	if title == "" {
		title = "(untitled)"
	}
	if h.Kind == app.HitNote && h.ArticleID == 0 && h.ActorID == 0 {
		return []widget.RichTextSegment{dossierMuted("Note: "), dossierStrong(title)}
	}
	if h.Kind == app.HitNote {
		return []widget.RichTextSegment{dossierMuted("Note on "), dossierStrong(title)}
	}
	return []widget.RichTextSegment{dossierStrong(title)}
}

// searchMatch is a matched word: bold, in the primary colour.
func searchMatch(text string) *widget.TextSegment {
	return &widget.TextSegment{Text: text, Style: widget.RichTextStyle{Inline: true,
		ColorName: theme.ColorNamePrimary, TextStyle: fyne.TextStyle{Bold: true}}}
}

// searchMeta is the small line under a hit's title: "27 Jan 2026 · Reuters", the actor's
// kind, a relation's date, or when a note was last edited.
func searchMeta(h app.SearchHit) string {
	switch h.Kind {
	case app.HitRelation:
		return h.Date.Human()
	case app.HitArticle:
		return articleJoin(" · ", h.Date.Human(), h.Source)
	case app.HitNote:
		if d := h.Date.Human(); d != "" {
			return "edited " + d
		}
		return ""
	}
	return h.Source
}

// searchSnippet turns a marked snippet into segments, the matched terms in bold and the
// primary colour, on one line however the passage was broken.
func searchSnippet(snippet string) []widget.RichTextSegment {
	var segs []widget.RichTextSegment
	space := false // the text so far ends in a space
	for _, p := range app.SnippetParts(snippet) {
		text := strings.Map(func(r rune) rune {
			if unicode.IsSpace(r) {
				return ' '
			}
			return r
		}, p.Text)
		text = searchSqueeze(text, space)
		if text == "" {
			continue
		}
		space = strings.HasSuffix(text, " ")
		if p.Match {
			segs = append(segs, searchMatch(text))
			continue
		}
		segs = append(segs, dossierPlain(text))
	}
	return segs
}

// searchJoinLines joins the lines of text that are not blank with sep.
func searchJoinLines(text, sep string) string {
	var lines []string
	for _, l := range strings.Split(text, "\n") {
		if strings.TrimSpace(l) != "" {
			lines = append(lines, strings.TrimSpace(l))
		}
	}
	return strings.Join(lines, sep)
}

// searchSameText reports whether a snippet says no more than the title, as when an actor
// is found by its name: the name is shown once.
func searchSameText(snippet, title string) bool {
	text, _ := app.SnippetText(snippet)
	return strings.Join(strings.Fields(text), " ") == strings.Join(strings.Fields(title), " ")
}

// searchSqueeze turns runs of spaces into one, and drops a leading one when the text
// before already ended in a space.
func searchSqueeze(text string, afterSpace bool) string {
	var b strings.Builder
	prev := afterSpace
	for _, r := range text {
		if r == ' ' && prev {
			continue
		}
		prev = r == ' '
		b.WriteRune(r)
	}
	return b.String()
}

// CreateRenderer stacks the lines over the highlight shown on hover and focus.
func (r *searchRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(r.bg, r.body))
}

// Tapped opens the hit.
func (r *searchRow) Tapped(*fyne.PointEvent) { r.s.open(r.hit) }

// Cursor shows the pointing hand, as over a link.
func (r *searchRow) Cursor() desktop.Cursor { return desktop.PointerCursor }

// MouseIn highlights the row under the pointer.
func (r *searchRow) MouseIn(*desktop.MouseEvent) { r.hovered = true; r.showHighlight() }

// MouseMoved does nothing; the row is highlighted as a whole.
func (r *searchRow) MouseMoved(*desktop.MouseEvent) {}

// MouseOut removes the pointer's highlight.
func (r *searchRow) MouseOut() { r.hovered = false; r.showHighlight() }

// FocusGained highlights the row the keyboard is on.
func (r *searchRow) FocusGained() { r.focused = true; r.showHighlight() }

// FocusLost removes the keyboard's highlight.
func (r *searchRow) FocusLost() { r.focused = false; r.showHighlight() }

// TypedRune sends typing back to the search box, to refine the search.
func (r *searchRow) TypedRune(c rune) {
	r.s.u.win.Canvas().Focus(r.s.box)
	r.s.box.CursorColumn = utf8.RuneCountInString(r.s.box.Text)
	r.s.box.TypedRune(c)
}

// TypedKey moves between hits with the arrow keys and opens one with Enter or Space;
// Escape goes back to the search box.
func (r *searchRow) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyDown:
		r.s.focusRow(r.index + 1)
	case fyne.KeyUp:
		r.s.focusRow(r.index - 1)
	case fyne.KeyPageDown:
		r.s.focusRow(r.index + 5)
	case fyne.KeyPageUp:
		r.s.focusRow(max(r.index-5, 0))
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeySpace:
		r.s.open(r.hit)
	case fyne.KeyEscape:
		r.s.u.win.Canvas().Focus(r.s.box)
	}
}

func (r *searchRow) showHighlight() {
	switch {
	case r.focused:
		r.bg.FillColor = theme.Color(theme.ColorNameSelection)
	case r.hovered:
		r.bg.FillColor = theme.Color(theme.ColorNameHover)
	}
	r.bg.Hidden = !r.focused && !r.hovered
	r.bg.Refresh()
}
