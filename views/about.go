package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
)

// showAbout is Help ▸ About Dossier: the version (the same `dossier version` prints), the
// licence, and where the work is: the open project, the data folder and this project's
// backups folder, so a user can find them to copy or restore.
func (mw *Window) showAbout() {
	rows := mw.aboutRows()
	var cells []fyne.CanvasObject
	for _, r := range rows {
		value := widget.NewLabel(r[1])
		value.Wrapping = fyne.TextWrapBreak // paths are long and have no spaces
		cells = append(cells, widget.NewLabelWithStyle(r[0], fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), value)
	}
	title := widget.NewLabelWithStyle("Dossier "+app.CurrentVersion(), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	about := widget.NewLabel("An offline research app: file articles, record the actors in them and the sourced relations between them, and read a dossier per actor.")
	about.Wrapping = fyne.TextWrapWord
	body := container.NewVBox(title, about, container.New(layout.NewFormLayout(), cells...))
	d := dialog.NewCustom("About Dossier", "Close", body, mw.u.win)
	d.Resize(dossierDialogSize(mw.u.win, 640, 420))
	mw.u.showKeyed(d, dialogKeys{cancel: d.Hide, confirm: d.Hide})
}

// aboutRows are the About box's lines: what, then its value.
func (mw *Window) aboutRows() [][2]string {
	notSet := "none (automatic backups are off)"
	data, backups := mw.projects.DataDir, mw.backupDir()
	if data == "" {
		data = notSet
	}
	if backups == "" {
		backups = notSet
	}
	return [][2]string{
		{"Version", app.CurrentVersion()},
		{"Licence", "Apache License 2.0 (the LICENSE and NOTICE files list it and every component's licence)"},
		{"Open project", mw.u.store.Path()},
		{"Data folder", data},
		{"Backups of this project", backups},
	}
}
