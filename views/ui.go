package views

import (
	"context"
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
)

// UI is the state the screens share: the window, the open project and the navigation.
// Screens hold a pointer to it and call its methods to move between each other.
type UI struct {
	win   fyne.Window
	store Store
	ctx   context.Context

	// inline makes background work run on the calling goroutine; the headless tests set
	// it so they can assert right after an action without sleeping.
	inline bool

	history  *history
	articles *articlesScreen
	actors   *actorsScreen
	dossier  *dossierScreen
	search   *searchScreen
	imp      *importer // the window's imports, made on first use
	// queue is the Suggestions screen, the project's review queue (queue.go).
	queue *queueScreen
	// exports runs File ▸ Export (export_formats.go), made on first use.
	exports *formatExports
	notes   *notesScreen // the research notebook (notes.go)
	// network is the project network (View ▸ Network, network.go), made on first use.
	network *networkScreen

	// show puts a screen's content in the main area; set by the window.
	show func(route)
	// onStoreChange is called after every write to the project (store_watch.go), from
	// any goroutine; set by the window to keep its counts live.
	onStoreChange func()
	// notice is the last confirmation told (notice.go); onNotice shows it, set by the window.
	notice   string
	onNotice func(string)
	// onDamage is told the message of damage a read met after the project opened; the
	// window keeps it in its banner (project_state.go).
	onDamage func(string)
	// teamHistory opens a dossier's history on the team's hub; nil while no hub is
	// connected this session (team_history.go).
	teamHistory func() func(app.Dossier)

	// keyed are the open dialogs' keys (keys.go); keysCanvas is the canvas they are installed on.
	keyed      []*dialogKeys
	keysCanvas fyne.Canvas

	// hubLink reaches the team hub the project syncs with (search_hub.go); nil: none.
	hubLink *hubLink
}

// route names a place the user can be and come back to with Alt+Left.
type route struct {
	screen string // "articles", "actors", "dossier", "article", "search"
	id     int64
	// span is the rune range of a passage to highlight when the route is an article.
	span [2]int
}

// async runs work off the UI goroutine; work must touch widgets only through fyne.Do.
func (u *UI) async(work func(ctx context.Context)) {
	if u.inline {
		work(u.ctx)
		return
	}
	go work(u.ctx)
}

// showError shows err's plain message in a dialog, never a lower layer's raw words;
// app.ErrorMessage writes an internal error in full to the log (Help ▸ Show log).
func (u *UI) showError(err error) {
	if err == nil {
		return
	}
	msg := app.ErrorMessage(err)
	fyne.Do(func() {
		if app.IsCode(err, app.ECORRUPT) && u.onDamage != nil {
			u.onDamage(msg)
		}
		d := dialog.NewError(errors.New(msg), u.win)
		u.showKeyed(d, dialogKeys{cancel: d.Hide, confirm: d.Hide})
	})
}

// history is the back/forward stack of routes.
type history struct {
	back, forward []route
	current       *route
}

func (h *history) push(r route) {
	if h.current != nil {
		if *h.current == r {
			return
		}
		h.back = append(h.back, *h.current)
	}
	h.forward = nil
	h.current = &r
}

func (h *history) goBack() (route, bool) {
	if len(h.back) == 0 || h.current == nil {
		return route{}, false
	}
	h.forward = append(h.forward, *h.current)
	r := h.back[len(h.back)-1]
	h.back = h.back[:len(h.back)-1]
	h.current = &r
	return r, true
}

func (h *history) goForward() (route, bool) {
	if len(h.forward) == 0 || h.current == nil {
		return route{}, false
	}
	h.back = append(h.back, *h.current)
	r := h.forward[len(h.forward)-1]
	h.forward = h.forward[:len(h.forward)-1]
	h.current = &r
	return r, true
}

// maxPages is how many pages of rows a virtual list keeps; scrolling far away drops the
// farthest ones, so a list of 100,000 rows never holds them all.
const maxPages = 8

// keepNear drops the cached pages farthest from page p until at most maxPages remain.
func keepNear[T any](pages map[int][]T, p int) {
	for len(pages) > maxPages {
		far, dist := -1, -1
		for q := range pages {
			if d := max(q-p, p-q); d > dist {
				far, dist = q, d
			}
		}
		delete(pages, far)
	}
}

// confirmDelete asks before a destructive action (a red Delete, a Keep that dismisses),
// then runs del in the background and done on the UI goroutine when it succeeded.
func (u *UI) confirmDelete(title, message string, del func(ctx context.Context) error, done func()) {
	c := dialog.NewConfirm(title, message, func(ok bool) {
		if !ok {
			return
		}
		u.async(func(ctx context.Context) {
			if err := del(ctx); err != nil {
				u.showError(err)
				return
			}
			fyne.Do(done)
		})
	}, u.win)
	c.SetConfirmText("Delete")
	c.SetDismissText("Keep")
	c.SetConfirmImportance(widget.DangerImportance)
	u.showConfirm(c, true)
}

// chooseFile asks for one file through Fyne's open dialog (filtered by extension when exts
// is not empty) and hands its path to onPath; cancelling does nothing.
func (u *UI) chooseFile(confirm string, exts []string, onPath func(string)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		onPath(path)
	}, u.win)
	if len(exts) > 0 {
		d.SetFilter(storage.NewExtensionFileFilter(exts))
	}
	if confirm != "" {
		d.SetConfirmText(confirm)
	}
	d.Show()
}
