package views

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
)

// damageReporter is what a project opened read-only because its file is damaged offers
// besides Store (*db.Store has it).
type damageReporter interface{ Damage() string }

// storeDamage says what is wrong with st's file, "" when it is whole.
func storeDamage(st Store) string {
	if d, ok := unwatched(st).(damageReporter); ok {
		return d.Damage()
	}
	return ""
}

// readOnlyReporter is what a project opened read-only offers besides Store: why
// (*db.Store has it); "" when it can be written.
type readOnlyReporter interface{ ReadOnly() string }

// storeReadOnly says why st is open read-only, "" when it can be written.
func storeReadOnly(st Store) string {
	if r, ok := unwatched(st).(readOnlyReporter); ok {
		return r.ReadOnly()
	}
	return ""
}

// readOnlyText is the banner's text for a whole project open read-only.
func readOnlyText(why string) string {
	return "This project is open read-only: " + why + ". You can read, search and export it; nothing can be changed."
}

// damageText is the banner's text for a project opened read-only because it is damaged.
func damageText(damage string) string {
	return "This project is damaged and was opened read-only: " + plainDamage(damage) +
		". Nothing can be changed. Use the buttons below to restore a backup or to salvage every readable row into a new project (File ▸ Save a copy… also saves what can still be read). Nothing is overwritten without a copy."
}

// plainDamage drops SQLite's own words from a damage description ("page 10 of table
// actors is malformed (SQLite: Tree 10 page 10 cell 10: …)"), which mean nothing to a
// researcher, after writing the whole description to the log.
func plainDamage(damage string) string {
	i := strings.Index(damage, " (SQLite: ")
	if i < 0 || !strings.HasSuffix(damage, ")") {
		return damage
	}
	app.ErrorMessage(app.Errorf(app.ECORRUPT, "%s", damage)) // logs it
	return damage[:i]
}

// metDamageText is the banner's text when a read met damage that the check at opening
// did not reach: the project is still writable, so the advice is to save it first.
func metDamageText(message string) string {
	return "Dossier met damage in this project while reading it. " + message +
		" Save what can still be read with File ▸ Save a copy… or restore a backup (File ▸ Restore from backup…) before changing anything."
}

// damageMet keeps the damage a read met in the banner, so that it stays said after its
// error dialog is closed.
func (mw *Window) damageMet(message string) {
	if mw.metDamage == "" {
		mw.metDamage = message
		mw.updateBanner()
	}
}

// updateBanner shows the damage banner above the screens when the open project is
// damaged (found at opening or met by a read since), and hides it otherwise.
func (mw *Window) updateBanner() {
	if mw.banner == nil {
		return
	}
	text := ""
	if d := storeDamage(mw.u.store); d != "" {
		text = damageText(d)
	} else if mw.metDamage != "" {
		text = metDamageText(mw.metDamage)
	} else if why := storeReadOnly(mw.u.store); why != "" {
		text = readOnlyText(why)
	}
	if text == "" {
		mw.banner.Objects = nil
		mw.banner.Hide()
		return
	}
	label := widget.NewLabel(text)
	label.Wrapping = fyne.TextWrapWord
	label.Importance = widget.DangerImportance
	label.TextStyle.Bold = true
	icon := widget.NewIcon(theme.ErrorIcon())
	var offer fyne.CanvasObject = widget.NewSeparator()
	if storeDamage(mw.u.store) != "" {
		// The two ways on, in plain words; neither overwrites anything without a copy.
		offer = container.NewVBox(container.NewHBox(
			widget.NewButtonWithIcon("Restore the newest backup that verifies…", theme.HistoryIcon(), mw.restoreNewest),
			widget.NewButtonWithIcon("Salvage every readable row into a new project…", theme.DocumentSaveIcon(), mw.salvage),
		), widget.NewSeparator())
	}
	mw.banner.Objects = []fyne.CanvasObject{container.NewBorder(nil, offer, icon, nil, label)}
	mw.banner.Show()
	mw.banner.Refresh()
}

// OpenFailed fills w with why the project could not be opened at start (another copy of
// Dossier holds it, it is not a project…) and the two ways on: Open another project…, which
// fills w with the main window over the project chosen, and Quit. opened receives the
// store of a project opened from here, so that main can close it on exit.
func OpenFailed(ctx context.Context, w fyne.Window, err error, p Projects, quit func(), opened func(Store)) {
	newFailedScreen(ctx, w, err, p, quit, opened, false)
}

// failedScreen is the window's content while no project is open.
type failedScreen struct {
	u          *UI // only for its dialogs, which answer the keys every dialog does
	ctx        context.Context
	win        fyne.Window
	projects   Projects
	quit       func()
	opened     func(Store)
	inline     bool // open projects on the calling goroutine (tests)
	openButton *widget.Button
	quitButton *widget.Button
}

func newFailedScreen(ctx context.Context, w fyne.Window, err error, p Projects, quit func(), opened func(Store), inline bool) *failedScreen {
	f := &failedScreen{u: &UI{win: w, ctx: ctx}, ctx: ctx, win: w, projects: p, quit: quit, opened: opened, inline: inline}
	title, hint := "Dossier cannot open this project", "Nothing was changed. Open another project, or quit."
	if app.IsCode(err, app.ELOCKED) {
		title = "This project is open in another Dossier window"
		hint = "Only one window may work on a project at a time; batch commands may still use it. Switch to the other window, open another project here, or quit. Nothing was changed."
	}
	msg := widget.NewLabel(app.ErrorMessage(err))
	msg.Wrapping = fyne.TextWrapWord
	hintLabel := widget.NewLabel(hint)
	hintLabel.Wrapping = fyne.TextWrapWord
	f.openButton = widget.NewButtonWithIcon("Open another project…", theme.FolderOpenIcon(), f.choose)
	f.openButton.Importance = widget.HighImportance
	f.quitButton = widget.NewButton("Quit", quit)
	heading := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	buttons := container.NewHBox(f.openButton, f.quitButton)
	w.SetMainMenu(nil)
	w.SetContent(container.NewPadded(container.NewVBox(heading, msg, hintLabel, buttons)))
	return f
}

// choose asks for a project file and opens it.
func (f *failedScreen) choose() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			f.u.showError(err)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		f.openPath(path)
	}, f.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".dossier", ".db", ".sqlite"}))
	d.SetConfirmText("Open")
	d.Show()
}

// openPath opens the project at path and, when it opens, shows the main window over it.
func (f *failedScreen) openPath(path string) {
	work := func() {
		st, err := f.projects.Open(f.ctx, path)
		show := func() {
			if err != nil {
				f.u.showError(err)
				return
			}
			if f.opened != nil {
				f.opened(st)
			}
			newWindow(f.ctx, f.win, st, f.projects, f.inline)
		}
		if f.inline {
			show()
			return
		}
		fyne.Do(show)
	}
	if f.inline {
		work()
		return
	}
	go work()
}
