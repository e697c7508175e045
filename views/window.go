package views

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
)

// newUI builds the screens around an open project.
func newUI(ctx context.Context, w fyne.Window, st Store) *UI {
	u := &UI{win: w, store: st, ctx: ctx, history: &history{}}
	u.articles = newArticlesScreen(u)
	u.actors = newActorsScreen(u)
	u.dossier = newDossierScreen(u)
	return u
}

// Window is Dossier's main window.
type Window struct {
	u        *UI
	projects Projects
	main     *fyne.Container
	status   *widget.Label
	tabs     map[string]*widget.Button
	back     *widget.Button
	forward  *widget.Button
}

// NewWindow fills w with the main screens over st and sets its menus and shortcuts.
func NewWindow(ctx context.Context, w fyne.Window, st Store, p Projects) *Window {
	mw := &Window{u: newUI(ctx, w, st), projects: p, main: container.NewStack(), status: widget.NewLabel("")}
	mw.u.show = mw.show
	w.SetContent(mw.layout())
	w.SetMainMenu(mw.menu())
	mw.shortcuts()
	mw.setTitle()
	mw.u.navigate(route{screen: "articles"})
	return mw
}

func (mw *Window) layout() fyne.CanvasObject {
	mw.back = widget.NewButtonWithIcon("", theme.NavigateBackIcon(), mw.u.goBack)
	mw.forward = widget.NewButtonWithIcon("", theme.NavigateNextIcon(), mw.u.goForward)
	mw.tabs = map[string]*widget.Button{}
	tab := func(label, screen string) *widget.Button {
		b := widget.NewButton(label, func() { mw.u.navigate(route{screen: screen}) })
		mw.tabs[screen] = b
		return b
	}
	newArticle := widget.NewButtonWithIcon("New article", theme.ContentAddIcon(), mw.u.articles.newArticle)
	newActor := widget.NewButtonWithIcon("New actor", theme.ContentAddIcon(), func() {
		mw.u.actors.editActor(app.Actor{Kind: app.Person}, func(a app.Actor) { mw.u.openDossier(a.ID) })
	})
	openDossier := widget.NewButtonWithIcon("Open dossier…", theme.SearchIcon(), mw.u.chooseDossier)
	bar := container.NewHBox(mw.back, mw.forward, widget.NewSeparator(),
		tab("Articles", "articles"), tab("Actors", "actors"), tab("Dossier", "dossier"),
		widget.NewSeparator(), newArticle, newActor, openDossier)
	top := container.NewVBox(bar, widget.NewSeparator())
	bottom := container.NewVBox(widget.NewSeparator(), mw.status)
	return container.NewBorder(top, bottom, nil, nil, mw.main)
}

// show puts the route's screen in the main area and marks its tab.
func (mw *Window) show(r route) {
	var c fyne.CanvasObject
	switch r.screen {
	case "actors":
		c = mw.u.actors.content()
		mw.u.actors.reload()
	case "dossier":
		c = mw.u.dossier.content()
		if r.id != 0 {
			mw.u.dossier.load(r.id)
		}
	case "article":
		c = mw.u.articles.content()
		mw.u.articles.openArticle(r.id, r.span)
	default:
		c = mw.u.articles.content()
		mw.u.articles.reload()
	}
	mw.main.Objects = []fyne.CanvasObject{c}
	mw.main.Refresh()
	tabOf := map[string]string{"article": "articles"}
	current := r.screen
	if t, ok := tabOf[current]; ok {
		current = t
	}
	for name, b := range mw.tabs {
		b.Importance = widget.MediumImportance
		if name == current {
			b.Importance = widget.HighImportance
		}
		b.Refresh()
	}
	mw.updateNav()
	mw.updateStatus()
}

func (mw *Window) updateNav() {
	h := mw.u.history
	if len(h.back) == 0 {
		mw.back.Disable()
	} else {
		mw.back.Enable()
	}
	if len(h.forward) == 0 {
		mw.forward.Disable()
	} else {
		mw.forward.Enable()
	}
}

func (mw *Window) updateStatus() {
	st := mw.u.store
	mw.u.async(func(ctx context.Context) {
		n, err1 := st.CountArticles(ctx, app.ArticleQuery{})
		a, err2 := st.CountActors(ctx, app.ActorQuery{})
		if err1 != nil || err2 != nil {
			return
		}
		text := fmt.Sprintf("%s — %d articles, %d actors", st.Path(), n, a)
		fyne.Do(func() { mw.status.SetText(text) })
	})
}

func (mw *Window) setTitle() {
	mw.u.win.SetTitle("Dossier — " + strings.TrimSuffix(filepath.Base(mw.u.store.Path()), filepath.Ext(mw.u.store.Path())))
}

// navigate goes to r and records it for Back.
func (u *UI) navigate(r route) {
	u.history.push(r)
	if u.show != nil {
		u.show(r)
	}
}

func (u *UI) goBack() {
	if r, ok := u.history.goBack(); ok && u.show != nil {
		u.show(r)
	}
}

func (u *UI) goForward() {
	if r, ok := u.history.goForward(); ok && u.show != nil {
		u.show(r)
	}
}

// openDossier shows an actor's dossier.
func (u *UI) openDossier(actorID int64) { u.navigate(route{screen: "dossier", id: actorID}) }

// openArticle shows an article, optionally with a passage (rune range) highlighted.
func (u *UI) openArticle(id int64, span [2]int) {
	u.navigate(route{screen: "article", id: id, span: span})
}

func (u *UI) chooseDossier() {
	u.actors.pickActor("Open the dossier of…", func(a app.Actor) { u.openDossier(a.ID) })
}

func (mw *Window) shortcuts() {
	c := mw.u.win.Canvas()
	add := func(key fyne.KeyName, mod fyne.KeyModifier, fn func()) {
		c.AddShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: mod}, func(fyne.Shortcut) { fn() })
	}
	add(fyne.KeyN, fyne.KeyModifierShortcutDefault, mw.u.articles.newArticle)
	add(fyne.KeyE, fyne.KeyModifierShortcutDefault, mw.u.dossier.exportCSV)
	add(fyne.KeyF, fyne.KeyModifierShortcutDefault, mw.u.chooseDossier)
	add(fyne.KeyO, fyne.KeyModifierShortcutDefault, mw.openProject)
	add(fyne.KeyLeft, fyne.KeyModifierAlt, mw.u.goBack)
	add(fyne.KeyRight, fyne.KeyModifierAlt, mw.u.goForward)
	add(fyne.Key1, fyne.KeyModifierAlt, func() { mw.u.navigate(route{screen: "articles"}) })
	add(fyne.Key2, fyne.KeyModifierAlt, func() { mw.u.navigate(route{screen: "actors"}) })
	add(fyne.Key3, fyne.KeyModifierAlt, func() { mw.u.navigate(route{screen: "dossier", id: mw.u.dossier.actorID}) })
}

func (mw *Window) menu() *fyne.MainMenu {
	u := mw.u
	file := fyne.NewMenu("File",
		fyne.NewMenuItem("New project…", mw.newProject),
		fyne.NewMenuItem("Open project…", mw.openProject),
		fyne.NewMenuItem("Save a copy…", mw.saveCopy),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("New article", u.articles.newArticle),
		fyne.NewMenuItem("Import files…", u.articles.importFiles),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Export dossier as CSV…", u.dossier.exportCSV),
		fyne.NewMenuItem("Export all relations as CSV…", mw.exportRelations),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Re-create sample data", mw.recreateSample),
		fyne.NewMenuItem("Remove sample data…", mw.removeSample),
	)
	view := fyne.NewMenu("View",
		fyne.NewMenuItem("Articles", func() { u.navigate(route{screen: "articles"}) }),
		fyne.NewMenuItem("Actors", func() { u.navigate(route{screen: "actors"}) }),
		fyne.NewMenuItem("Open dossier…", u.chooseDossier),
		fyne.NewMenuItem("Trash", u.articles.showTrash),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Back", u.goBack),
		fyne.NewMenuItem("Forward", u.goForward),
	)
	help := fyne.NewMenu("Help",
		fyne.NewMenuItem("Keyboard shortcuts", mw.showShortcuts),
	)
	return fyne.NewMainMenu(file, view, help)
}

func (mw *Window) showShortcuts() {
	text := strings.Join([]string{
		"Ctrl+N\tnew article",
		"Ctrl+F\topen a dossier (find an actor)",
		"Ctrl+E\texport the dossier shown as CSV",
		"Ctrl+O\topen a project",
		"Alt+Left / Alt+Right\tback / forward",
		"Alt+1, Alt+2, Alt+3\tarticles, actors, dossier",
	}, "\n")
	dialog.ShowInformation("Keyboard shortcuts", text, mw.u.win)
}

// switchTo replaces the open project with st and shows its articles.
func (mw *Window) switchTo(st Store) {
	old := mw.u.store
	mw.u.store = st
	old.Close()
	mw.u.history = &history{}
	mw.setTitle()
	mw.u.dossier.actorID = 0
	mw.u.navigate(route{screen: "articles"})
}

func (mw *Window) newProject() {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			mw.u.showError(err)
			return
		}
		path := w.URI().Path()
		w.Close()
		mw.openPath(path, true)
	}, mw.u.win)
	d.SetFileName("research.dossier")
	d.Show()
}

func (mw *Window) openProject() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			mw.u.showError(err)
			return
		}
		path := r.URI().Path()
		r.Close()
		mw.openPath(path, false)
	}, mw.u.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".dossier", ".db", ".sqlite"}))
	d.Show()
}

func (mw *Window) openPath(path string, fresh bool) {
	mw.u.async(func(ctx context.Context) {
		st, err := mw.projects.Open(ctx, path)
		if err != nil {
			mw.u.showError(err)
			return
		}
		fyne.Do(func() { mw.switchTo(st) })
	})
}

func (mw *Window) saveCopy() {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			mw.u.showError(err)
			return
		}
		path := w.URI().Path()
		w.Close()
		mw.u.async(func(ctx context.Context) {
			if err := mw.u.store.SaveCopy(ctx, path); err != nil {
				mw.u.showError(err)
				return
			}
			fyne.Do(func() { dialog.ShowInformation("Copy saved", "A copy of the project was saved to\n"+path, mw.u.win) })
		})
	}, mw.u.win)
	d.SetFileName("copy of " + filepath.Base(mw.u.store.Path()))
	d.Show()
}

func (mw *Window) recreateSample() {
	mw.u.async(func(ctx context.Context) {
		if err := mw.projects.LoadSample(ctx, mw.u.store); err != nil {
			mw.u.showError(err)
			return
		}
		fyne.Do(func() { mw.u.navigate(route{screen: "articles"}); mw.u.articles.reload() })
	})
}

func (mw *Window) removeSample() {
	dialog.ShowConfirm("Remove sample data",
		"Remove the sample articles, actors and relations (everything tagged “sample”)? Your own work stays.",
		func(ok bool) {
			if !ok {
				return
			}
			mw.u.async(func(ctx context.Context) {
				if err := mw.projects.RemoveSample(ctx, mw.u.store); err != nil {
					mw.u.showError(err)
					return
				}
				fyne.Do(func() { mw.u.dossier.actorID = 0; mw.u.navigate(route{screen: "articles"}); mw.u.articles.reload() })
			})
		}, mw.u.win)
}

func (mw *Window) exportRelations() {}
