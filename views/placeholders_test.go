package views

import (
	"reflect"
	"strings"
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"dossier/app"
)

// placeholderProblem says why a placeholder could be taken for a value typed in the field,
// or "". A placeholder is a description in words ("The headline", "Who this is"); an
// example comes after it, introduced by "e.g.".
func placeholderProblem(p string) string {
	words, _, _ := strings.Cut(p, "e.g.")
	first, _ := utf8First(p)
	switch {
	case strings.Contains(p, "\n"):
		return "spans lines like a typed list"
	case !unicode.IsUpper(first):
		return "starts like a value, not a description"
	case len(strings.Fields(words)) < 2:
		return "has no words describing the field before any example"
	case strings.ContainsAny(words, "0123456789") || strings.Contains(words, "://"):
		return "shows a value without “e.g.”"
	}
	return ""
}

func utf8First(s string) (rune, bool) {
	for _, r := range s {
		return r, true
	}
	return 0, false
}

// placeholders returns the placeholder of every entry laid out in o, whatever the entry
// type (a field named MultiLine marks an Entry; a Select's "(Select one)" is not checked).
func placeholders(o fyne.CanvasObject) []string {
	var out []string
	for _, obj := range test.LaidOutObjects(o) {
		v := reflect.ValueOf(obj)
		if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
			continue
		}
		if !v.Elem().FieldByName("MultiLine").IsValid() {
			continue
		}
		if f := v.Elem().FieldByName("PlaceHolder"); f.IsValid() && f.Kind() == reflect.String && f.String() != "" {
			out = append(out, f.String())
		}
	}
	return out
}

func TestFormPlaceholdersDoNotLookLikeValues(t *testing.T) {
	for _, bad := range []string{"2026-01-27, Jan 2026 or 2026", "iraq, elections", "Maliki\nal-Maliki", "https://…", "e.g. Nouri al-Maliki"} {
		if placeholderProblem(bad) == "" {
			t.Errorf("the rule lets %q through", bad)
		}
	}
	u, _ := newTestUI(t)
	check := func(form string) {
		t.Helper()
		got := placeholders(u.win.Canvas().Overlays().Top())
		if len(got) < 5 {
			t.Fatalf("%s: only %d placeholders found: %q", form, len(got), got)
		}
		for _, p := range got {
			if why := placeholderProblem(p); why != "" {
				t.Errorf("%s: placeholder %q %s", form, p, why)
			}
		}
	}
	u.articles.newArticle()
	check("article editor")
	u.articles.editor.dlg.Hide()
	u.actors.editActor(app.Actor{Kind: app.Person}, nil)
	check("actor form")
}
