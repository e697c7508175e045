package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"dossier/assets"
)

// welcomeSeenPref is set once the welcome has been closed without asking to see it again.
const welcomeSeenPref = "welcome.seen"

// welcomeActions are the welcome's buttons: each runs the menu item of that label, so a
// button does exactly what the menu does and cannot drift from it (a test checks each
// label is in the menu).
var welcomeActions = []string{"Open dossier…", "Import files…", "New project…", "User guide"}

// WelcomeIfFirst shows the welcome on the first start, and after that only when the user
// asked to see it again. main calls it when the window starts on the default project:
// someone who opened a project file (file association, --db) wants that project.
func (mw *Window) WelcomeIfFirst(p fyne.Preferences) {
	if !p.Bool(welcomeSeenPref) {
		mw.showWelcome(p)
	}
}

// showWelcome is the newcomer's first minutes: what Dossier is, the three steps of the
// work, and buttons that do each. Help ▸ Welcome shows it again.
func (mw *Window) showWelcome(p fyne.Preferences) {
	intro := widget.NewLabel("Dossier keeps your research in one project file on this computer: the articles you file, " +
		"the people, organisations and places in them, and the relations between them, each backed by a quote. " +
		"Nothing is sent over the network.")
	intro.Wrapping = fyne.TextWrapWord
	steps := widget.NewRichTextFromMarkdown("1. **File an article**: import files, paste one in (New article) or drop files on the window.\n" +
		"2. **Select a quote** in it and record who did what to whom.\n" +
		"3. **Open the dossier** of an actor: its relations, timeline and sources.")
	steps.Wrapping = fyne.TextWrapWord
	// A paragraph of its own: RichText runs a paragraph after a list into its last item.
	sample := widget.NewLabel("This project starts with a small sample to look at: Remove sample data, in the File menu, takes it away.")
	sample.Wrapping = fyne.TextWrapWord
	again := widget.NewCheck("Show this welcome at every start", nil)
	var d dialog.Dialog
	buttons := container.NewHBox()
	for _, label := range welcomeActions {
		action := mw.menuAction(label)
		buttons.Add(widget.NewButton(label, func() {
			d.Hide()
			action()
		}))
	}
	body := container.NewVBox(intro, steps, sample, buttons, again)
	d = dialog.NewCustom("Welcome to Dossier", "Close", body, mw.u.win)
	d.SetOnClosed(func() { p.SetBool(welcomeSeenPref, !again.Checked) })
	d.Resize(dossierDialogSize(mw.u.win, 720, 420))
	mw.u.showKeyed(d, dialogKeys{cancel: d.Hide, confirm: d.Hide})
}

// menuAction is the action of the main menu's item with that label; nil when there is
// none (the welcome test catches that).
func (mw *Window) menuAction(label string) func() {
	for _, m := range mw.u.win.MainMenu().Items {
		for _, it := range m.Items {
			if it.Label == label {
				return it.Action
			}
		}
	}
	return nil
}

// showGuide is Help ▸ User guide: the guide bundled in the binary (assets/guide.md), in a
// window of its own so it can stay open beside the work. A second call brings it forward.
func (mw *Window) showGuide() {
	if mw.guide != nil {
		mw.guide.RequestFocus()
		return
	}
	text := widget.NewRichTextFromMarkdown(assets.Guide())
	text.Wrapping = fyne.TextWrapWord
	w := fyne.CurrentApp().NewWindow("Dossier user guide")
	w.SetContent(container.NewVScroll(text))
	w.Resize(fyne.NewSize(760, 640))
	w.SetOnClosed(func() { mw.guide = nil })
	mw.guide = w
	w.Show()
}
