package views

import (
	"context"
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
	"dossier/app/teamsync"
)

// The Search screen's part about the team's hub: when the project syncs with a hub, a
// check box "Also search the team hub" runs each query on the hub too (PostgreSQL's
// full-text search, accents folded, only the collections this member may read) and
// lists its articles apart, under the project's own hits, each with "Copy into my
// project". Searching the hub needs the network: a hub that cannot be reached is said
// in place of its hits, and the project's own search goes on.

// hubSearchLimit is how many hub articles the screen lists.
const hubSearchLimit = 20

// HubSearcher is a hub that can search its articles and copy one (db/hub's Hub).
type HubSearcher interface {
	TeamHub
	teamsync.ArticleSource
	SearchArticles(ctx context.Context, collection, text string, limit int) (app.HubSearchResults, error)
}

// hubCopyStore is what the hub part needs of the project (db.Store).
type hubCopyStore interface {
	teamStore
	IDByUUID(ctx context.Context, kind, uuid string) (int64, error)
}

// hubLink is how the screen reaches the hub the window syncs with; set by the window.
type hubLink struct {
	// place is the hub and collection, the password given this session (""), ok false
	// when the project syncs with none.
	place   func(ctx context.Context) (app.HubPlace, string, bool)
	connect HubConnector
}

// hubForSearch is the window's hub for the Search screen: the one connected this
// session, or the one the project last synced with; none in a build that cannot reach
// a hub.
func (mw *Window) hubForSearch() *hubLink {
	connect := func(ctx context.Context, url string) (TeamHub, error) {
		if mw.projects.ConnectHub == nil {
			return nil, app.Errorf(app.EINTERNAL, "This build of Dossier cannot reach a hub.")
		}
		return mw.projects.ConnectHub(ctx, url)
	}
	return &hubLink{connect: connect, place: func(ctx context.Context) (app.HubPlace, string, bool) {
		if mw.projects.ConnectHub == nil {
			return app.HubPlace{}, "", false
		}
		ts := mw.teamState()
		ts.mu.Lock()
		place, pass := ts.place, ts.password
		ts.mu.Unlock()
		if place.URL != "" {
			return place, pass, true
		}
		store, ok := unwatched(mw.u.store).(teamStore)
		if !ok {
			return place, "", false
		}
		places, err := store.HubPlaces(ctx)
		if err != nil || len(places) == 0 {
			return place, "", false
		}
		return places[0], "", true
	}}
}

// searchHub is the screen's hub part: the check box and the last answer.
type searchHub struct {
	s     *searchScreen
	check *widget.Check
	place app.HubPlace
	// gen and text are the query the answer below is for; running says it is awaited.
	gen     int
	text    string
	running bool
	res     app.HubSearchResults
	err     error
	cancel  context.CancelFunc
}

func newSearchHub(s *searchScreen) *searchHub {
	h := &searchHub{s: s}
	h.check = widget.NewCheck("Also search the team hub", func(bool) { s.search() })
	h.check.Hide()
	return h
}

// offer shows the check box when the project syncs with a hub, naming its collection.
func (h *searchHub) offer() {
	link := h.s.u.hubLink
	if link == nil {
		return
	}
	h.s.u.async(func(ctx context.Context) {
		place, _, ok := link.place(ctx)
		fyne.Do(func() {
			h.place = place
			if ok {
				h.check.Text = "Also search the team hub (" + place.Collection + ")"
				h.check.Refresh()
				h.check.Show()
			} else {
				h.check.SetChecked(false)
				h.check.Hide()
			}
		})
	})
}

// on says the hub is searched with each query.
func (h *searchHub) on() bool { return h.check.Visible() && h.check.Checked && h.s.u.hubLink != nil }

// search asks the hub for text, as query number gen; the answer is shown if no newer
// query was asked meanwhile.
func (h *searchHub) search(gen int, text string) {
	if h.cancel != nil {
		h.cancel()
		h.cancel = nil
	}
	h.gen, h.text, h.res, h.err = gen, text, app.HubSearchResults{}, nil
	if !h.on() || text == "" {
		h.running = false
		return
	}
	h.running = true
	ctx, cancel := context.WithCancel(h.s.u.ctx)
	h.cancel = cancel
	link := h.s.u.hubLink
	store, _ := unwatched(h.s.u.store).(hubCopyStore)
	h.s.u.async(func(context.Context) {
		res, err := hubSearch(ctx, link, store, text)
		fyne.Do(func() {
			if gen != h.gen || errors.Is(err, context.Canceled) {
				return
			}
			h.running, h.res, h.err = false, res, err
			h.s.showHub()
		})
	})
}

// hubSearch connects to the hub and searches its collection, marking the articles this
// project holds already.
func hubSearch(ctx context.Context, link *hubLink, store hubCopyStore, text string) (app.HubSearchResults, error) {
	place, pass, ok := link.place(ctx)
	if !ok {
		return app.HubSearchResults{}, app.Errorf(app.ENOTFOUND, "This project does not sync with a hub.")
	}
	conn, err := link.connect(ctx, withPassword(place.URL, pass))
	if err != nil {
		return app.HubSearchResults{}, err
	}
	defer conn.Close(context.Background())
	hs, ok := conn.(HubSearcher)
	if !ok {
		return app.HubSearchResults{}, app.Errorf(app.EINTERNAL, "This build of Dossier cannot search a hub.")
	}
	res, err := hs.SearchArticles(ctx, place.Collection, text, hubSearchLimit)
	if err != nil || store == nil {
		return res, err
	}
	for i, hit := range res.Hits {
		id, err := store.IDByUUID(ctx, "article", hit.UUID)
		if err != nil {
			return res, err
		}
		res.Hits[i].Here = id != 0
	}
	return res, nil
}

// objects are the hub's part of the results: a heading, then its articles, a line saying
// it is searching, or why it could not.
func (h *searchHub) objects() []fyne.CanvasObject {
	if !h.on() || h.text == "" {
		return nil
	}
	count := ""
	switch {
	case h.running:
		count = "searching…"
	case h.err == nil && h.res.More:
		count = fmt.Sprintf("the best %d", len(h.res.Hits))
	case h.err == nil:
		count = dossierThousands(len(h.res.Hits))
	}
	section := []fyne.CanvasObject{dossierProse(&widget.TextSegment{Text: "On the team hub", Style: widget.RichTextStyle{Inline: true,
		SizeName: theme.SizeNameSubHeadingText, TextStyle: fyne.TextStyle{Bold: true}}}, dossierMuted("  "+count))}
	switch {
	case h.running:
	case h.err != nil:
		section = append(section, searchNotice("The hub could not be searched: "+app.ErrorMessage(h.err)))
	case len(h.res.Hits) == 0 && h.s.shown.HasFilters():
		section = append(section, searchNotice(fmt.Sprintf("Nothing in the collection “%s” matches the words (the filters apply to this project only).", h.place.Collection)))
	case len(h.res.Hits) == 0:
		section = append(section, searchNotice(fmt.Sprintf("Nothing in the collection “%s” matches.", h.place.Collection)))
	default:
		section = append(section, h.hits()...)
	}
	return []fyne.CanvasObject{dossierSection(section...)}
}

// hits are the hub's articles, and what is to be said of the list: filters left out,
// too many matches to list or rank them all.
func (h *searchHub) hits() []fyne.CanvasObject {
	var out []fyne.CanvasObject
	for _, hit := range h.res.Hits {
		out = append(out, h.row(hit))
	}
	if h.s.shown.HasFilters() {
		out = append(out, searchNotice("The hub is searched for the words only: the filters apply to this project."))
	}
	switch {
	case h.res.Recent:
		out = append(out, searchNotice(fmt.Sprintf("More than 1,000 articles of the hub match: these %d are the best of the 1,000 most recently changed; add words to narrow the search.", len(h.res.Hits))))
	case h.res.More:
		out = append(out, searchNotice(fmt.Sprintf("More articles of the hub match than the %d listed; add words to narrow the search.", len(h.res.Hits))))
	}
	return out
}

// nothingHere is the line heading the results when only the hub has hits for q.
func (h *searchHub) nothingHere(q app.SearchQuery, res app.SearchResults) []fyne.CanvasObject {
	if !res.Empty() {
		return nil
	}
	return []fyne.CanvasObject{searchNotice(fmt.Sprintf("Nothing in this project matches “%s”.", q.Text))}
}

// row is one article of the hub: its title, date, source and who filed it, the passage
// that matched, and the button that copies it here (or opens the copy here).
func (h *searchHub) row(hit app.HubHit) fyne.CanvasObject {
	lines := []fyne.CanvasObject{dossierProse(dossierStrong(hit.Title))}
	meta := articleJoin(" · ", app.Date(hit.Date).Human(), hit.Source)
	if hit.CreatedBy != "" {
		meta = articleJoin(" · ", meta, "filed by "+hit.CreatedBy)
	}
	if meta != "" {
		lines = append(lines, dossierProse(dossierSmall(meta)))
	}
	if segs := searchSnippet(hit.Snippet); len(segs) > 0 {
		lines = append(lines, newArticleFlow(segs...))
	}
	btn := widget.NewButtonWithIcon("Copy into my project", theme.DownloadIcon(), nil)
	btn.OnTapped = func() { h.copy(hit, btn) }
	if hit.Here {
		btn.SetText("Open in my project")
		btn.SetIcon(theme.DocumentIcon())
		btn.OnTapped = func() { h.openHere(hit.UUID) }
	}
	lines = append(lines, container.NewHBox(btn))
	return dossierStack(dossierLineGap(), lines...)
}

// copy copies the article hit into the project with the relations quoting it, then
// turns its button into one that opens the copy.
func (h *searchHub) copy(hit app.HubHit, btn *widget.Button) {
	u := h.s.u
	store, ok := unwatched(u.store).(hubCopyStore)
	link := u.hubLink
	if !ok || link == nil {
		u.showInfo("Team", "This build of Dossier cannot copy from a hub.")
		return
	}
	btn.Disable()
	btn.SetText("Copying…")
	u.async(func(ctx context.Context) {
		rep, err := copyFromHub(ctx, store, link, hit.UUID)
		var id int64
		if err == nil {
			id, err = store.IDByUUID(ctx, "article", hit.UUID)
		}
		if rep.Received > 0 {
			u.storeChanged()
		}
		fyne.Do(func() {
			if err != nil {
				btn.Enable()
				btn.SetText("Copy into my project")
				if app.IsCode(err, app.ECONFLICT) {
					err = app.Errorf(app.ECONFLICT, "This article, or a relation quoting it, was changed both here and on the hub: sync (File ▸ Team ▸ Sync now) to choose which version to keep.")
				}
				u.showError(err)
				return
			}
			u.articles.reload()
			u.tell(fmt.Sprintf("Copied “%s” from the hub into your project (%d record(s) received)", hit.Title, rep.Received))
			btn.SetText("Open in my project")
			btn.SetIcon(theme.DocumentIcon())
			btn.OnTapped = func() { u.openArticle(id, [2]int{}) }
			btn.Enable()
		})
	})
}

// copyFromHub connects to the hub and copies one article.
func copyFromHub(ctx context.Context, store hubCopyStore, link *hubLink, uuid string) (app.HubSyncReport, error) {
	place, pass, ok := link.place(ctx)
	if !ok {
		return app.HubSyncReport{}, app.Errorf(app.ENOTFOUND, "This project does not sync with a hub.")
	}
	conn, err := link.connect(ctx, withPassword(place.URL, pass))
	if err != nil {
		return app.HubSyncReport{}, err
	}
	defer conn.Close(context.Background())
	src, ok := conn.(teamsync.ArticleSource)
	if !ok {
		return app.HubSyncReport{}, app.Errorf(app.EINTERNAL, "This build of Dossier cannot copy from a hub.")
	}
	return teamsync.CopyArticle(ctx, store, src, place, uuid, app.HubSyncOptions{})
}

// showHub shows the hub's answer under the project's hits, unless those are still
// awaited (they bring it along).
func (s *searchScreen) showHub() {
	if s.pending || s.shown.Text == "" {
		return
	}
	s.render(s.shown, s.res)
}

// openHere opens this project's copy of the hub's article uuid.
func (h *searchHub) openHere(uuid string) {
	u := h.s.u
	store, ok := unwatched(u.store).(hubCopyStore)
	if !ok {
		return
	}
	u.async(func(ctx context.Context) {
		id, err := store.IDByUUID(ctx, "article", uuid)
		fyne.Do(func() {
			if err != nil || id == 0 {
				u.showError(app.Errorf(app.ENOTFOUND, "This project no longer holds that article."))
				return
			}
			u.openArticle(id, [2]int{})
		})
	})
}
