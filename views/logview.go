package views

import (
	"fmt"
	"net/url"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
)

// logShown is how much of the end of the log Help ▸ Show log shows.
const logShown = 64 << 10

// showLog shows the end of the window's log (Help ▸ Show log), where the details of the
// errors the dialogs tell in plain words are written, with Copy (for a bug report) and
// Open folder (to find the whole file).
func (mw *Window) showLog() {
	path := mw.projects.LogPath
	if path == "" {
		mw.u.showInfo("Dossier's log", "This window keeps no log file.")
		return
	}
	text, cut, err := app.LogTail(path, logShown)
	head := "The log is " + path + "."
	switch {
	case err != nil:
		text = ""
		head = fmt.Sprintf("The log %s cannot be read: %v", path, err)
	case text == "":
		head = "The log " + path + " is empty: nothing has gone wrong it could record."
	case cut:
		head = fmt.Sprintf("The last %d KB of the log %s; the older lines are in the file.", logShown>>10, path)
	}
	headLabel := widget.NewLabel(head)
	headLabel.Wrapping = fyne.TextWrapWord
	body := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
	scroll := container.NewVScroll(body)
	scroll.ScrollToBottom()
	copyButton := widget.NewButtonWithIcon("Copy", theme.ContentCopyIcon(), func() {
		fyne.CurrentApp().Clipboard().SetContent(text)
		mw.u.tell("The log was copied.")
	})
	folder := widget.NewButtonWithIcon("Open folder", theme.FolderOpenIcon(), func() {
		u, err := url.Parse(storage.NewFileURI(filepath.Dir(path)).String())
		if err == nil {
			err = fyne.CurrentApp().OpenURL(u)
		}
		if err != nil {
			mw.u.showError(&app.Error{Code: app.EINTERNAL, Message: "Could not open the folder " + filepath.Dir(path) + ".", Err: err})
		}
	})
	copyButton.Disable()
	if text != "" {
		copyButton.Enable()
	}
	content := container.NewBorder(headLabel, container.NewHBox(copyButton, folder), nil, nil, scroll)
	d := dialog.NewCustom("Dossier's log", "Close", content, mw.u.win)
	mw.u.showKeyed(d, dialogKeys{cancel: d.Hide, confirm: d.Hide})
	d.Resize(dossierDialogSize(mw.u.win, 760, 560))
}
