package views

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"dossier/app"
)

// pressMenuShortcut delivers a shortcut the way the desktop driver does: a main-menu item
// with that shortcut runs first, before the focused widget sees the key; it reports
// whether one did.
func pressMenuShortcut(u *UI, sc fyne.Shortcut) bool {
	for _, m := range u.win.MainMenu().Items {
		for _, it := range m.Items {
			if it.Shortcut != nil && it.Shortcut.ShortcutName() == sc.ShortcutName() {
				it.Action()
				return true
			}
		}
	}
	return false
}

// TestTextFieldKeepsAltArrows: every menu shortcut made of Alt (⌥ on macOS) and an arrow
// leaves the window where it is while a text field is being typed in (there the keys
// move the cursor by word on macOS), and acts as usual when no text field has the focus.
func TestTextFieldKeepsAltArrows(t *testing.T) {
	mw, st := newTestWindow(t)
	a := mustActor(t, st, "Iraq", app.State)
	b := mustActor(t, st, "Iran", app.State)
	arrows := 0
	for _, m := range mw.u.win.MainMenu().Items {
		for _, it := range m.Items {
			sc, ok := it.Shortcut.(*desktop.CustomShortcut)
			if !ok || sc.Modifier != fyne.KeyModifierAlt || (sc.KeyName != fyne.KeyLeft && sc.KeyName != fyne.KeyRight) {
				continue
			}
			arrows++
			// Places visited with the current one in the middle: Back and Forward can both act.
			middle := func() route {
				mw.u.openDossier(a.ID)
				mw.u.openDossier(b.ID)
				mw.u.navigate(route{screen: "actors"})
				mw.u.goBack()
				return *mw.u.history.current
			}
			middle()
			mw.u.openSearch() // the search box, with the focus
			if _, typing := mw.u.win.Canvas().Focused().(textField); !typing {
				t.Fatalf("the search box does not have the focus: %T", mw.u.win.Canvas().Focused())
			}
			mw.u.navigate(route{screen: "articles"})
			mw.u.goBack() // the search screen, in the middle again, its box still focused
			now := *mw.u.history.current
			pressMenuShortcut(mw.u, sc)
			if *mw.u.history.current != now {
				t.Errorf("%s ▸ %s (%s) navigated from a text field to %+v", m.Label, it.Label, keyLabel(sc), *mw.u.history.current)
			}

			mw.u.win.Canvas().Unfocus()
			before := middle()
			pressMenuShortcut(mw.u, sc)
			if *mw.u.history.current == before {
				t.Errorf("%s ▸ %s (%s) did nothing with no text field focused", m.Label, it.Label, keyLabel(sc))
			}
		}
	}
	if arrows != 2 {
		t.Fatalf("%d menu items use Alt+arrow, want Back and Forward", arrows)
	}
}
