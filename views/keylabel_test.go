package views

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

func TestKeyLabelOn(t *testing.T) {
	sc := func(k fyne.KeyName, m fyne.KeyModifier) *desktop.CustomShortcut {
		return &desktop.CustomShortcut{KeyName: k, Modifier: m}
	}
	for _, tt := range []struct {
		goos string
		sc   *desktop.CustomShortcut
		want string
	}{
		{"linux", sc(fyne.KeyN, fyne.KeyModifierShortcutDefault), "Ctrl+N"},
		{"windows", sc(fyne.KeyN, fyne.KeyModifierShortcutDefault), "Ctrl+N"},
		{"darwin", sc(fyne.KeyN, fyne.KeyModifierShortcutDefault), "⌘N"},
		{"linux", sc(fyne.KeyLeft, fyne.KeyModifierAlt), "Alt+Left"},
		{"darwin", sc(fyne.KeyLeft, fyne.KeyModifierAlt), "⌥←"},
		{"darwin", sc(fyne.Key1, fyne.KeyModifierAlt), "⌥1"},
		{"darwin", sc(fyne.KeyS, fyne.KeyModifierShortcutDefault|fyne.KeyModifierShift), "⇧⌘S"},
		{"windows", sc(fyne.KeyS, fyne.KeyModifierShortcutDefault|fyne.KeyModifierShift), "Ctrl+Shift+S"},
	} {
		if got := keyLabelOn(tt.goos, tt.sc); got != tt.want {
			t.Errorf("%s %v: %q, want %q", tt.goos, tt.sc, got, tt.want)
		}
	}
}

// TestShortcutLabelsFollowTheOS: the shortcuts dialog names the keys of the OS it runs
// on: ⌘ on macOS and no Ctrl or Alt there, Ctrl elsewhere.
func TestShortcutLabelsFollowTheOS(t *testing.T) {
	mw, _ := newTestWindow(t)
	defer func(os string) { labelOS = os }(labelOS)
	for goos, want := range map[string]string{"darwin": "⌘N", "linux": "Ctrl+N", "windows": "Ctrl+N"} {
		labelOS = goos
		var keys []string
		for _, r := range mw.shortcutRows() {
			keys = append(keys, r[0])
		}
		all := strings.Join(keys, " ")
		if !strings.Contains(all, want) {
			t.Errorf("%s: the shortcuts dialog lacks %s: %s", goos, want, all)
		}
		if goos == "darwin" && (strings.Contains(all, "Ctrl") || strings.Contains(all, "Alt")) {
			t.Errorf("macOS shortcuts name Ctrl or Alt: %s", all)
		}
	}
}

// TestShortcutsUseShortcutDefault is the rule for the shortcuts themselves: no view
// names the Control or Super modifier (KeyModifierShortcutDefault is Command on macOS and
// Control elsewhere; a hard-coded Control would be Ctrl on a Mac too). Fyne resolves
// ShortcutDefault when compiling, so the rule is read from the source; keylabel.go, which
// names every modifier to label it, is the exception.
func TestShortcutsUseShortcutDefault(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") || name == "keylabel.go" {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if sel, ok := n.(*ast.SelectorExpr); ok && (sel.Sel.Name == "KeyModifierControl" || sel.Sel.Name == "KeyModifierSuper") {
				t.Errorf("%s: %s hard-codes a modifier; use fyne.KeyModifierShortcutDefault", fset.Position(sel.Pos()), sel.Sel.Name)
			}
			return true
		})
	}
}

// TestNoKeyNamesWrittenIntoText: no string the views show writes a modifier out ("Ctrl+",
// "Cmd+", "Alt+"): hints are built with shortcutKey/keyLabel so they name the key the OS
// uses. Comments may name keys.
func TestNoKeyNamesWrittenIntoText(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			s, _ := strconv.Unquote(lit.Value)
			for _, k := range []string{"Ctrl+", "Cmd+", "Alt+", "Control+"} {
				if strings.Contains(s, k) {
					t.Errorf("%s: %q writes %s into the text; use shortcutKey", fset.Position(lit.Pos()), s, k)
				}
			}
			return true
		})
	}
}
