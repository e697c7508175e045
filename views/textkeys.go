package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// textField is a focused text field: Fyne's Entry and the key-aware ones built on it.
type textField interface {
	fyne.Focusable
	fyne.Shortcutable
	SelectedText() string
}

// unlessTyping wraps a menu action whose shortcut is also a text field's own key: Alt+Left
// and Alt+Right are Back and Forward, but in a text field ⌥←/⌥→ move by word on macOS
// (and Alt+arrows belong to the field elsewhere too). The desktop driver runs a main-menu
// shortcut before the focused widget sees it, so the action itself hands the key to the
// field being typed in, and acts only when no text field has the focus.
func (u *UI) unlessTyping(action func(), key fyne.KeyName, mod fyne.KeyModifier) func() {
	return func() {
		if f, ok := u.win.Canvas().Focused().(textField); ok {
			f.TypedShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: mod})
			return
		}
		action()
	}
}
