package views

import (
	"runtime"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// labelOS is the OS whose words the key labels use (tests set another).
var labelOS = runtime.GOOS

// keyLabelOn writes a shortcut as people read it on goos: "Ctrl+N" and "Alt+Left" on
// Windows and Linux, "⌘N" and "⌥←" on macOS, where the menus' ShortcutDefault modifier is
// Command. The labels in the window (shortcuts dialog, hints on buttons) must name the key
// the menus actually answer to.
func keyLabelOn(goos string, sc *desktop.CustomShortcut) string {
	mod := sc.Modifier
	if mod&fyne.KeyModifierShortcutDefault != 0 {
		mod = mod&^fyne.KeyModifierShortcutDefault | shortcutDefaultOn(goos)
	}
	type name struct {
		mod        fyne.KeyModifier
		mac, other string
	}
	// macOS writes its modifiers in this order (⌃⌥⇧⌘), with no separator.
	names := []name{{fyne.KeyModifierControl, "⌃", "Ctrl"}, {fyne.KeyModifierAlt, "⌥", "Alt"},
		{fyne.KeyModifierShift, "⇧", "Shift"}, {fyne.KeyModifierSuper, "⌘", "Super"}}
	var parts []string
	for _, n := range names {
		if mod&n.mod != 0 {
			parts = append(parts, pick(goos, n.mac, n.other))
		}
	}
	key := string(sc.KeyName)
	if goos == "darwin" {
		if a, ok := macKeys[sc.KeyName]; ok {
			key = a
		}
		return strings.Join(parts, "") + key
	}
	return strings.Join(append(parts, key), "+")
}

// shortcutDefaultOn is the modifier fyne.KeyModifierShortcutDefault stands for on goos
// (Fyne's own rule: Command on macOS and iOS, Control elsewhere).
func shortcutDefaultOn(goos string) fyne.KeyModifier {
	if goos == "darwin" || goos == "ios" {
		return fyne.KeyModifierSuper
	}
	return fyne.KeyModifierControl
}

var macKeys = map[fyne.KeyName]string{fyne.KeyLeft: "←", fyne.KeyRight: "→", fyne.KeyUp: "↑", fyne.KeyDown: "↓"}

func pick(goos, mac, other string) string {
	if goos == "darwin" {
		return mac
	}
	return other
}

// shortcutKey is the label of ShortcutDefault+key on this OS ("Ctrl+N", "⌘N"), for hints
// written into the window's words.
func shortcutKey(key fyne.KeyName) string {
	return keyLabel(&desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault})
}
