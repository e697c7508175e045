package views

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
	"dossier/app/export"
)

// newUI builds the screens around an open project.
func newUI(ctx context.Context, w fyne.Window, st Store) *UI {
	quietFileDialogs() // no log lines about a missing Videos folder
	u := &UI{win: w, ctx: ctx, history: &history{}}
	u.store = u.watch(st)
	u.articles = newArticlesScreen(u)
	u.actors = newActorsScreen(u)
	u.dossier = newDossierScreen(u)
	u.search = newSearchScreen(u)
	u.queue = newQueueScreen(u)
	u.notes = newNotesScreen(u)
	return u
}

// Window is Dossier's main window.
type Window struct {
	u *UI
	// pickMergeFile asks for the project to merge (mergeproject.go); nil: a file dialog.
	pickMergeFile func(on func(string))
	projects      Projects
	guide         fyne.Window // Help ▸ User guide, while it is open
	main          *fyne.Container
	status        *widget.Label
	notice        *widget.Label // the last confirmation (UI.tell), until the next screen change
	tabs          map[string]*widget.Button
	back          *widget.Button
	forward       *widget.Button
	// statusDue is set while a recount of the status bar is queued (storeChanged).
	statusDue atomic.Bool
	statusGen int
	banner    *fyne.Container // says when the project is damaged and open read-only
	// poll watches the open project for other programs' commits (store_poll.go); shown
	// is the route on screen, which it refreshes; waiting says a write waits its turn.
	poll    *othersPoll
	shown   route
	waiting *widget.Label
	// metDamage is the damage a read met after the project opened whole ("" if none).
	metDamage string

	// auto backs the open project up (backup.go); nil when it is not backed up.
	auto       atomic.Pointer[app.AutoBackup] // read by storeChanged on any goroutine
	afterFunc  app.AfterFunc                  // the backups' timer; nil: the system clock (tests set it)
	syncAfter  app.AfterFunc                  // the team sync's timer; nil: the system clock (team_auto.go)
	backupSet  atomic.Pointer[backupSettings]
	backupLine *widget.Label // how the last automatic backup went
	// closeStarted is set once the window is asked to close; closed once it is.
	closeStarted, closed bool
	closeWindow          func() // closes the window; nil: the window's Close (tests set it)
	settingsDialog       dialog.Dialog
	restoreDialog        *restoreDialog
	team                 *teamState // File ▸ Team (team.go)
}

// NewWindow fills w with the main screens over st and sets its menus and shortcuts.
func NewWindow(ctx context.Context, w fyne.Window, st Store, p Projects) *Window {
	return newWindow(ctx, w, st, p, false)
}

// newWindow is NewWindow with background work run inline when inline is set (tests).
func newWindow(ctx context.Context, w fyne.Window, st Store, p Projects, inline bool) *Window {
	mw := &Window{projects: p, main: container.NewStack(), status: widget.NewLabel(""), waiting: newWaitingLabel()}
	mw.u = newUI(app.WithPatience(ctx, mw.patience()), w, st)
	mw.u.inline = inline
	mw.u.show = mw.show
	mw.u.onStoreChange = mw.storeChanged
	mw.u.hubLink = mw.hubForSearch()
	mw.u.teamHistory = mw.teamHistoryOpener
	mw.notice = widget.NewLabel("")
	mw.notice.Importance = widget.SuccessImportance
	mw.notice.Wrapping = fyne.TextWrapWord // the whole sentence says where the work went
	mw.notice.Hide()
	mw.u.onNotice = func(text string) { mw.notice.SetText(text); mw.notice.Show() }
	mw.backupLine = widget.NewLabel("")
	mw.backupLine.Wrapping = fyne.TextWrapWord
	mw.backupLine.Hide()
	w.SetContent(mw.layout())
	w.SetMainMenu(mw.menu())
	mw.shortcuts()
	w.SetOnDropped(mw.dropped)
	mw.setTitle()
	mw.updateBanner()
	mw.watchOthers()
	mw.u.navigate(route{screen: "articles"})
	mw.startAutoBackup(st)
	w.SetCloseIntercept(mw.closing)
	mw.warnSync()
	if p.Shown != nil {
		p.Shown(mw)
	}
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
		tab("Articles", "articles"), tab("Actors", "actors"), tab("Dossier", "dossier"), tab("Search", "search"),
		tab("Suggestions", "suggestions"), tab("Notes", "notes"), widget.NewSeparator(), newArticle, newActor, openDossier)
	mw.banner = container.NewStack()
	mw.u.onDamage = mw.damageMet
	top := container.NewVBox(bar, widget.NewSeparator(), mw.banner)
	bottom := container.NewVBox(widget.NewSeparator(), mw.notice, mw.waiting, mw.status, mw.teamLine(), mw.backupLine)
	return container.NewBorder(top, bottom, nil, nil, mw.main)
}

// show puts the route's screen in the main area and marks its tab.
func (mw *Window) show(r route) {
	mw.shown = r
	c := mw.screenFor(r) // window_show.go
	if r.screen != "notes" {
		mw.u.notes.flush() // the note left is saved before anything else shows
	}
	mw.main.Objects = []fyne.CanvasObject{c}
	mw.main.Refresh()
	mw.notice.Hide()
	mw.focusScreen(r.screen)
	mw.markTab(r.screen)
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

// storeChanged recounts after a write (store_watch.go). Many writes in a row (the sample,
// an import's batches) make one recount at a time, not one each.
func (mw *Window) storeChanged() {
	mw.teamChanged()
	mw.projectWritten()
}

// projectWritten is storeChanged but for the team's automatic sync: a sync's own writes
// call it, so that they schedule no sync of their own.
func (mw *Window) projectWritten() {
	if a := mw.auto.Load(); a != nil {
		a.Changed()
	}
	if mw.statusDue.Swap(true) {
		return
	}
	fyne.Do(func() {
		mw.statusDue.Store(false)
		mw.updateStatus()
	})
}

func (mw *Window) updateStatus() {
	st := mw.u.store
	mw.statusGen++
	gen := mw.statusGen
	mw.u.async(func(ctx context.Context) {
		n, err := st.CountArticles(ctx, app.ArticleQuery{})
		var a int
		if err == nil {
			a, err = st.CountActors(ctx, app.ActorQuery{})
		}
		text := fmt.Sprintf("%s — %s, %s", st.Path(), dossierCount(n, "article", "articles"), dossierCount(a, "actor", "actors"))
		if err != nil { // stale counts would be silently wrong
			text = st.Path() + " — cannot count the articles and actors: " + dossierProblem(err)
		}
		fyne.Do(func() {
			if gen == mw.statusGen { // an older count arriving late does not overwrite a newer one
				mw.status.SetText(text)
			}
		})
	})
}

func (mw *Window) setTitle() {
	mw.u.win.SetTitle("Dossier — " + strings.TrimSuffix(filepath.Base(mw.u.store.Path()), filepath.Ext(mw.u.store.Path())))
}

// dropped imports the files and folders dropped on the window.
func (mw *Window) dropped(_ fyne.Position, uris []fyne.URI) {
	var paths []string
	for _, u := range uris {
		if u.Scheme() == "file" {
			paths = append(paths, u.Path())
		}
	}
	if len(paths) == 0 {
		return
	}
	// Pictures dropped on an open note go into it (kept in the project); anything else
	// dropped is imported as articles.
	if ed := mw.u.openNoteEditor(); ed != nil && allPictures(paths) {
		for _, p := range paths {
			ed.addImageFile(p)
		}
		return
	}
	mw.u.importPaths(paths)
}

// openNoteEditor is the note being edited on screen, if the Notes screen is shown.
func (u *UI) openNoteEditor() *noteEditor {
	if u.notes == nil || u.notes.ed == nil || u.history.current == nil || u.history.current.screen != "notes" {
		return nil
	}
	return u.notes.ed
}

// allPictures says whether every path names a PNG or JPEG file (the content is checked
// when the picture is read).
func allPictures(paths []string) bool {
	for _, p := range paths {
		switch strings.ToLower(filepath.Ext(p)) {
		case ".png", ".jpg", ".jpeg":
		default:
			return false
		}
	}
	return true
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

// openSearch shows the search screen with its box focused (Ctrl+F).
func (u *UI) openSearch() {
	if u.history.current != nil && u.history.current.screen == "search" {
		u.search.focus()
		return
	}
	u.navigate(route{screen: "search"})
}

func (u *UI) chooseDossier() {
	u.actors.pickActor("Open the dossier of…", func(a app.Actor) { u.openDossier(a.ID) })
}

// item is a menu item with an optional keyboard shortcut. Shortcuts live on menu items
// rather than only on the canvas because Fyne offers a focused text field the canvas's
// shortcuts first, and the field swallows them; the main menu is asked before the field.
func item(label string, fn func(), key fyne.KeyName, mod fyne.KeyModifier) *fyne.MenuItem {
	it := fyne.NewMenuItem(label, fn)
	if key != "" {
		it.Shortcut = &desktop.CustomShortcut{KeyName: key, Modifier: mod}
	}
	return it
}

func (mw *Window) shortcuts() {
	// Without a window manager's menu bar (tests, some desktops) the canvas still gets them.
	c := mw.u.win.Canvas()
	for _, m := range mw.u.win.MainMenu().Items {
		for _, it := range m.Items {
			if it.Shortcut != nil {
				action := it.Action
				c.AddShortcut(it.Shortcut, func(fyne.Shortcut) { action() })
			}
		}
	}
}

func (mw *Window) menu() *fyne.MainMenu {
	u := mw.u
	ctrl, alt := fyne.KeyModifierShortcutDefault, fyne.KeyModifierAlt
	file := fyne.NewMenu("File",
		item("New project…", mw.newProject, "", 0),
		item("Open project…", mw.openProject, fyne.KeyO, ctrl),
		item("Save a copy…", mw.saveCopy, "", 0),
		item("Restore from backup…", mw.restoreFromBackup, "", 0),
		item("Merge another project…", mw.mergeProject, "", 0),
		mw.teamMenu(),
		item("Backup settings…", mw.showBackupSettings, "", 0),
		fyne.NewMenuItemSeparator(),
		item("New article", u.articles.newArticle, fyne.KeyN, ctrl),
		item("New note", u.notes.newNote, newNoteShortcut.KeyName, newNoteShortcut.Modifier),
		item("Import files…", u.articles.importFiles, fyne.KeyI, ctrl),
		fyne.NewMenuItemSeparator(),
		item("Export dossier as CSV…", u.dossier.exportCSV, fyne.KeyE, ctrl),
		item("Export all relations as CSV…", mw.exportRelations, "", 0),
		u.exportMenu(),
		fyne.NewMenuItemSeparator(),
		item("Re-create sample data", mw.recreateSample, "", 0),
		item("Remove sample data…", mw.removeSample, "", 0),
	)
	view := fyne.NewMenu("View",
		item("Articles", func() { u.navigate(route{screen: "articles"}) }, fyne.Key1, alt),
		item("Actors", func() { u.navigate(route{screen: "actors"}) }, fyne.Key2, alt),
		item("Dossier", func() { u.navigate(route{screen: "dossier", id: u.dossier.actorID}) }, fyne.Key3, alt),
		item("Search", u.openSearch, fyne.Key4, alt),
		item("Notes", func() { u.navigate(route{screen: "notes"}) }, notesShortcut.KeyName, notesShortcut.Modifier),
		item("Note: Markdown or rendered", u.notes.togglePreview, previewShortcut.KeyName, previewShortcut.Modifier),
		item("Network", func() { u.navigate(route{screen: "network"}) }, fyne.Key5, alt),
		item("Search", u.openSearch, fyne.KeyF, ctrl),
		item("Open dossier…", u.chooseDossier, fyne.KeyD, ctrl),
		item("Trash", u.articles.showTrash, "", 0),
		item("Duplicate actors…", u.showDuplicates, "", 0),
		fyne.NewMenuItemSeparator(),
		item("Back", u.unlessTyping(u.goBack, fyne.KeyLeft, alt), fyne.KeyLeft, alt),
		item("Forward", u.unlessTyping(u.goForward, fyne.KeyRight, alt), fyne.KeyRight, alt),
	)
	help := fyne.NewMenu("Help",
		item("Welcome", func() { mw.showWelcome(fyne.CurrentApp().Preferences()) }, "", 0),
		item("User guide", mw.showGuide, "", 0),
		item("Keyboard shortcuts", mw.showShortcuts, "", 0),
		item("Check project", mw.checkProject, "", 0),
		item("Show log", mw.showLog, "", 0),
		item("About Dossier", mw.showAbout, "", 0),
	)
	return fyne.NewMainMenu(file, view, help)
}

// showShortcuts lists the keys in two columns, key and action: every shortcut of the
// menus (read from them, so the list cannot fall behind) and the keys of the dialogs.
func (mw *Window) showShortcuts() {
	cells := []fyne.CanvasObject{
		widget.NewLabelWithStyle("Key", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabelWithStyle("Action", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
	}
	for _, row := range mw.shortcutRows() {
		key := widget.NewLabelWithStyle(row[0], fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		action := widget.NewLabel(row[1])
		action.Wrapping = fyne.TextWrapWord
		cells = append(cells, key, action)
	}
	table := container.New(layout.NewFormLayout(), cells...)
	d := dialog.NewCustom("Keyboard shortcuts", "Close", container.NewVScroll(table), mw.u.win)
	d.Resize(dossierDialogSize(mw.u.win, 600, 780))
	mw.u.showKeyed(d, dialogKeys{cancel: d.Hide, confirm: d.Hide})
}

// shortcutRows is the shortcuts dialog's rows: key, then what it does.
func (mw *Window) shortcutRows() [][2]string {
	var rows [][2]string
	for _, m := range mw.u.win.MainMenu().Items {
		for _, it := range m.Items {
			if sc, ok := it.Shortcut.(*desktop.CustomShortcut); ok {
				rows = append(rows, [2]string{keyLabel(sc), m.Label + " ▸ " + it.Label})
			}
		}
	}
	return append(rows,
		[2]string{keyLabel(ctrlS), "Save the open editor (article, actor, note)"},
		[2]string{"Esc", "Close the dialog or editor (it asks first when something typed would be lost)"},
		[2]string{"Enter", "Confirm a simple dialog (a deletion needs a click)"},
	)
}

// keyLabel writes a shortcut as people read it on this OS (keylabel.go).
func keyLabel(sc *desktop.CustomShortcut) string { return keyLabelOn(labelOS, sc) }

// switchTo replaces the open project with st and shows its articles. The automatic
// backups of the project left have been finished (openPath) or stopped (a restore).
func (mw *Window) switchTo(st Store) {
	mw.replaceStore(st, true)
}

// replaceStore is switchTo; closeOld is false when the project left is closed already.
func (mw *Window) replaceStore(st Store, closeOld bool) {
	old := mw.u.store
	if a := mw.auto.Load(); a != nil {
		a.Stop()
	}
	mw.teamDisconnect() // the hub and password were the project left's
	mw.u.store = mw.u.watch(st)
	mw.readAutoSyncCheck()
	if closeOld {
		old.Close()
	}
	mw.startAutoBackup(st)
	mw.metDamage = ""
	mw.u.history = &history{}
	mw.setTitle()
	mw.updateBanner()
	mw.watchOthers()
	mw.u.dossier.actorID = 0
	mw.u.navigate(route{screen: "articles"})
	mw.warnSync()
}

func (mw *Window) newProject() {
	mw.askNewFile("New project", "Create", "research", mw.openPath)
}

// askNewFile asks for a folder and a file name that does not exist yet. Fyne's save
// dialog truncates the file it returns, which could destroy a project chosen by mistake
// (even the one open); this form never touches an existing file.
func (mw *Window) askNewFile(title, confirm, name string, onPath func(string)) {
	folder := filepath.Dir(mw.u.store.Path())
	nameEntry := mw.u.newKeyEntry()
	nameEntry.SetText(name)
	folderLabel := widget.NewLabel(folder)
	folderLabel.Truncation = fyne.TextTruncateEllipsis
	choose := widget.NewButtonWithIcon("Choose…", theme.FolderOpenIcon(), func() {
		d := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
			if err == nil && l != nil {
				folder = l.Path()
				folderLabel.SetText(folder)
			}
		}, mw.u.win)
		if l, err := storage.ListerForURI(storage.NewFileURI(folder)); err == nil {
			d.SetLocation(l)
		}
		d.Show()
	})
	nameEntry.Validator = func(s string) error { return newFileProblem(folder, s) }
	items := []*widget.FormItem{
		widget.NewFormItem("File name", nameEntry),
		widget.NewFormItem("Folder", container.NewBorder(nil, nil, nil, choose, folderLabel)),
	}
	d := dialog.NewForm(title, confirm, "Cancel", items, func(ok bool) {
		if ok {
			onPath(projectFile(folder, nameEntry.Text))
		}
	}, mw.u.win)
	nameEntry.OnSubmitted = func(string) { d.Submit() } // Submit refuses a name the validator refuses
	d.Resize(fyne.NewSize(560, 220))
	mw.u.showKeyed(d, dialogKeys{cancel: d.Hide, confirm: d.Submit})
}

// projectFile is the path for a project named name in folder, with the .dossier extension.
func projectFile(folder, name string) string {
	name = strings.TrimSpace(name)
	if filepath.Ext(name) == "" {
		name += ".dossier"
	}
	return filepath.Join(folder, name)
}

// newFileProblem says what is wrong with creating name in folder, or nil.
func newFileProblem(folder, name string) error {
	switch {
	case strings.TrimSpace(name) == "":
		return errors.New("give the file a name")
	case strings.ContainsAny(name, `/\`):
		return errors.New("a name, not a path: choose the folder below")
	}
	if _, err := os.Stat(projectFile(folder, name)); err == nil {
		return errors.New("that file already exists; choose another name")
	}
	return nil
}

func (mw *Window) openProject() {
	mw.u.chooseFile("Open", []string{".dossier", ".db", ".sqlite"}, mw.openPath)
}

func (mw *Window) openPath(path string) {
	if mw.refuseWhileImporting() {
		return
	}
	leaving, leavingPath := mw.auto.Load(), mw.u.store.Path()
	mw.u.async(func(ctx context.Context) {
		st, err := mw.projects.Open(ctx, path)
		if err != nil {
			mw.u.showError(err)
			return
		}
		// The last changes of the project left are backed up before it is closed.
		finishAutoBackup(leaving, leavingPath)
		fyne.Do(func() { mw.switchTo(st) })
	})
}

func (mw *Window) saveCopy() {
	base := strings.TrimSuffix(filepath.Base(mw.u.store.Path()), filepath.Ext(mw.u.store.Path()))
	mw.askNewFile("Save a copy", "Save copy", "copy of "+base, func(path string) {
		mw.u.async(func(ctx context.Context) {
			if err := mw.u.store.SaveCopy(ctx, path); err != nil {
				mw.u.showError(err)
				return
			}
			fyne.Do(func() { mw.u.showInfo("Copy saved", "A copy of the project was saved to\n"+path) })
		})
	})
}

// refuseWhileImporting says so and returns true while an import is filing into the project.
func (mw *Window) refuseWhileImporting() bool {
	if !mw.u.importRunning() {
		return false
	}
	mw.u.showInfo("Import under way", "Wait for the import to finish, or cancel it, before changing the project.")
	return true
}

func (mw *Window) recreateSample() {
	if mw.refuseWhileImporting() {
		return
	}
	mw.u.async(func(ctx context.Context) {
		// main's sample functions need the project itself; the counts follow at the end.
		defer mw.u.storeChanged()
		if err := mw.projects.LoadSample(ctx, unwatched(mw.u.store)); err != nil {
			mw.u.showError(err)
			return
		}
		fyne.Do(func() { mw.u.navigate(route{screen: "articles"}); mw.u.articles.reload() })
	})
}

func (mw *Window) removeSample() {
	if mw.refuseWhileImporting() {
		return
	}
	d := dialog.NewConfirm("Remove sample data",
		"Remove the sample articles, actors and relations (everything tagged “sample”)? Your own work stays.",
		func(ok bool) {
			if !ok {
				return
			}
			mw.u.async(func(ctx context.Context) {
				defer mw.u.storeChanged()
				if err := mw.projects.RemoveSample(ctx, unwatched(mw.u.store)); err != nil {
					mw.u.showError(err)
					return
				}
				fyne.Do(func() { mw.u.dossier.actorID = 0; mw.u.navigate(route{screen: "articles"}); mw.u.articles.reload() })
			})
		}, mw.u.win)
	mw.u.showConfirm(d, true)
}

// exportRelations writes every relation of the project as a CSV edge list.
func (mw *Window) exportRelations() {
	st := mw.u.store
	name := strings.TrimSuffix(filepath.Base(st.Path()), filepath.Ext(st.Path())) + "-relations.csv"
	mw.u.dossier.saveCSV(name, func(w io.Writer) error {
		return export.WriteEachRelation(w, func(fn func(app.Relation) error) error {
			return st.EachRelation(mw.u.ctx, app.RelationQuery{}, fn)
		}, export.Options{BOM: true})
	})
}
