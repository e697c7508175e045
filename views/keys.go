package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// Every dialog and editor answers the same keys:
//
//   - Esc closes it; an editor with unsaved changes asks first (its cancel does);
//   - Enter confirms a simple dialog (never a destructive one: that needs a click);
//   - Ctrl+S saves an editor.
//
// A dialog gets them by being shown with showKeyed. Fyne gives a key to the focused
// widget and to the canvas only when nothing is focused, and its text fields swallow Esc
// and Ctrl+S; so the fields, selects, checks and lists of dialogs are the key-aware types
// below, which hand those keys on. A dialog not shown through showKeyed (Fyne's file
// dialogs) ignores them, and the keys never reach a dialog hidden under another one.

// dialogKeys is what the keys do in one open dialog.
type dialogKeys struct {
	cancel  func() // Esc
	confirm func() // Enter; nil when Enter must not act (destructive or editor)
	save    func() // Ctrl+S; nil except in editors

	overlay fyne.CanvasObject // the dialog's pop-up, to know when it is the topmost
}

// ctrlS is the save shortcut (Cmd+S on macOS).
var ctrlS = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}

// showKeyed shows d and gives it k's keys while it is the topmost dialog.
func (u *UI) showKeyed(d dialog.Dialog, k dialogKeys) {
	u.installKeys()
	d.Show()
	entry := &k
	entry.overlay = u.win.Canvas().Overlays().Top()
	u.keyed = append(u.keyed, entry)
	d.SetOnClosed(func() {
		for i, e := range u.keyed {
			if e == entry {
				u.keyed = append(u.keyed[:i], u.keyed[i+1:]...)
				break
			}
		}
	})
}

// installKeys routes the canvas's keys (when no widget has the focus) to the dialogs.
func (u *UI) installKeys() {
	c := u.win.Canvas()
	if u.keysCanvas == c {
		return
	}
	u.keysCanvas = c
	c.SetOnTypedKey(func(k *fyne.KeyEvent) { u.dialogKey(k) })
	c.AddShortcut(ctrlS, func(fyne.Shortcut) { u.dialogShortcut(ctrlS) })
}

// topKeys returns the keys of the topmost dialog, or nil when that dialog has none.
func (u *UI) topKeys() *dialogKeys {
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		return nil
	}
	for _, k := range u.keyed {
		if k.overlay == top {
			return k
		}
	}
	return nil
}

// dialogKey does what Esc or Enter does in the topmost dialog; it reports whether the key
// was used.
func (u *UI) dialogKey(ev *fyne.KeyEvent) bool {
	k := u.topKeys()
	if k == nil {
		return false
	}
	switch ev.Name {
	case fyne.KeyEscape:
		if k.cancel != nil {
			k.cancel()
			return true
		}
	case fyne.KeyReturn, fyne.KeyEnter:
		if k.confirm != nil {
			k.confirm()
			return true
		}
	}
	return false
}

// dialogShortcut saves the topmost editor on Ctrl+S; it reports whether it did.
func (u *UI) dialogShortcut(s fyne.Shortcut) bool {
	if s.ShortcutName() != ctrlS.ShortcutName() {
		return false
	}
	if k := u.topKeys(); k != nil && k.save != nil {
		k.save()
		return true
	}
	return false
}

// showInfo is dialog.ShowInformation with the keys: Esc and Enter close it.
func (u *UI) showInfo(title, message string) {
	d := dialog.NewInformation(title, message, u.win)
	u.showKeyed(d, dialogKeys{cancel: d.Hide, confirm: d.Hide})
}

// showConfirm asks a question. Esc answers no; Enter answers yes only when the action is
// not destructive (then the confirm button is red and needs a click).
func (u *UI) showConfirm(d *dialog.ConfirmDialog, destructive bool) {
	k := dialogKeys{cancel: d.Hide}
	if !destructive {
		k.confirm = d.Confirm
	}
	u.showKeyed(d, k)
}

// confirmDiscard asks before an editor with unsaved changes is closed; discard runs when
// the user agrees. Esc keeps editing.
func (u *UI) confirmDiscard(discard func()) {
	d := dialog.NewConfirm("Discard the changes?", "Close the form and lose what you typed in it?", func(yes bool) {
		if yes {
			discard()
		}
	}, u.win)
	d.SetConfirmText("Discard")
	d.SetDismissText("Keep editing")
	d.SetConfirmImportance(widget.DangerImportance)
	u.showConfirm(d, true)
}

// keyEntry is a text field that hands Esc, Ctrl+S and (when nothing else uses it) Enter to
// its dialog. onKey, when set, sees every key first (a picker's Up and Down).
type keyEntry struct {
	widget.Entry
	u     *UI
	onKey func(*fyne.KeyEvent) bool // true when it handled the key
	// onShortcut has a shortcut before the dialog and the field; true when it handled it.
	onShortcut func(fyne.Shortcut) bool
}

func (u *UI) newKeyEntry() *keyEntry {
	e := &keyEntry{u: u}
	e.ExtendBaseWidget(e)
	return e
}

func (u *UI) newKeyMultiLineEntry() *keyEntry {
	e := u.newKeyEntry()
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	return e
}

// AcceptsTab is false even for multi-line fields: a tab in a name or a note is never
// wanted, and Tab must move on to the next field for the keyboard path to work.
func (e *keyEntry) AcceptsTab() bool { return false }

// TypedKey lets onKey, then the dialog, have the key before the field does.
func (e *keyEntry) TypedKey(k *fyne.KeyEvent) {
	if e.onKey != nil && e.onKey(k) {
		return
	}
	enter := (k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter) && !e.MultiLine && e.OnSubmitted == nil
	if (k.Name == fyne.KeyEscape || enter) && e.u != nil && e.u.dialogKey(k) {
		return
	}
	e.Entry.TypedKey(k)
}

// TypedShortcut saves the dialog on Ctrl+S; the field keeps its own shortcuts (copy, paste…).
func (e *keyEntry) TypedShortcut(s fyne.Shortcut) {
	if e.onShortcut != nil && e.onShortcut(s) {
		return
	}
	if e.u != nil && e.u.dialogShortcut(s) {
		return
	}
	e.Entry.TypedShortcut(s)
}

// keySelect is a drop-down that hands Esc to its dialog (Fyne focuses a Select when it is
// tapped, and a focused Select would swallow the key).
type keySelect struct {
	widget.Select
	u *UI
}

func (u *UI) newKeySelect(options []string, changed func(string)) *keySelect {
	s := &keySelect{u: u}
	s.Options, s.OnChanged = options, changed
	s.ExtendBaseWidget(s)
	return s
}

func (s *keySelect) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape && s.u.dialogKey(k) {
		return
	}
	s.Select.TypedKey(k)
}

// keyCheck is a check box that hands Esc and Enter to its dialog.
type keyCheck struct {
	widget.Check
	u *UI
}

func (u *UI) newKeyCheck(label string, changed func(bool)) *keyCheck {
	c := &keyCheck{u: u}
	c.Text, c.OnChanged = label, changed
	c.ExtendBaseWidget(c)
	return c
}

func (c *keyCheck) TypedKey(k *fyne.KeyEvent) {
	if c.u.dialogKey(k) {
		return
	}
	c.Check.TypedKey(k)
}

// keyButton is a button that hands Esc to its dialog and is pressed by Enter as by Space:
// a button reached with Tab (or focused by its dialog) would otherwise swallow Esc.
type keyButton struct {
	widget.Button
	u *UI
}

func (u *UI) newKeyButton(text string, icon fyne.Resource, tapped func()) *keyButton {
	b := &keyButton{u: u}
	b.Text, b.Icon, b.OnTapped = text, icon, tapped
	b.ExtendBaseWidget(b)
	return b
}

func (b *keyButton) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyEscape:
		if b.u.dialogKey(k) {
			return
		}
	case fyne.KeyReturn, fyne.KeyEnter:
		b.Tapped(nil) // the focused button, not the dialog's default, is what Enter presses
		return
	}
	b.Button.TypedKey(k)
}

// keyList is a list that hands Esc to its dialog (tapping a row focuses the list).
type keyList struct {
	widget.List
	u *UI
}

func (u *UI) newKeyList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject)) *keyList {
	l := &keyList{u: u}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.ExtendBaseWidget(l)
	return l
}

func (l *keyList) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape && l.u.dialogKey(k) {
		return
	}
	l.List.TypedKey(k)
}
