package views

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
)

// The window says once per project that it lies in a folder a sync tool keeps (a
// standing risk: saying it at every open would teach the researcher to click it away),
// and says each conflicted copy beside the project the first time it sees it (a new copy
// is news: it may hold work the project lacks). Both are remembered in the preferences,
// by the project's path. The batch interface says copies every time (app/cli/syncwarn.go).

// Preference keys; the project's path (and the copy's name) follow them.
const (
	syncWarnedPref  = "sync-folder-warned:"
	copiesSeenPref  = "conflicted-copy-seen:"
	syncWarnedTitle = "A sync tool keeps this project's folder"
)

// warnSync looks at the open project's folder off the UI goroutine, then says what is
// new about it (see above).
func (mw *Window) warnSync() {
	path := mw.u.store.Path()
	if path == "" {
		return
	}
	mw.u.async(func(context.Context) {
		r := app.ScanSync(path)
		fyne.Do(func() { mw.showSyncWarning(path, r) })
	})
}

// showSyncWarning shows, in one dialog, what of r the researcher has not been told about
// the project at path, and remembers it as told.
func (mw *Window) showSyncWarning(path string, r app.SyncReport) {
	if mw.u.store.Path() != path {
		return // another project was opened meanwhile
	}
	prefs := fyne.CurrentApp().Preferences()
	var parts []string
	var fresh []app.ConflictCopy
	for _, c := range r.Copies {
		if !prefs.Bool(copiesSeenPref + path + "\x00" + c.Name) {
			fresh = append(fresh, c)
		}
	}
	if len(fresh) > 0 {
		parts = append(parts, app.SyncReport{Copies: fresh}.CopiesWarning())
	}
	if r.Folder.Tool != "" && !prefs.Bool(syncWarnedPref+path) {
		parts = append(parts, r.Folder.Warning(path, "")+" This warning is shown once for this project.")
	}
	if len(parts) == 0 {
		return
	}
	for _, c := range fresh {
		prefs.SetBool(copiesSeenPref+path+"\x00"+c.Name, true)
	}
	if r.Folder.Tool != "" {
		prefs.SetBool(syncWarnedPref+path, true)
	}
	title := syncWarnedTitle
	if len(fresh) > 0 {
		title = "Conflicted copy of this project"
	}
	body := widget.NewLabel(strings.Join(parts, "\n\n"))
	body.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(title, "OK", container.NewVScroll(body), mw.u.win)
	mw.u.showKeyed(d, dialogKeys{cancel: d.Hide, confirm: d.Hide})
	d.Resize(dossierDialogSize(mw.u.win, 600, 320))
}
