package views

import (
	"image/color"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"dossier/app"
)

// TestHighlightedQuoteDoesNotLookLikeALink opens an article from a quote and compares the
// drawn text: the highlighted words and the quoted passage above the text are in a colour
// that is not the links' colour, and not underlined.
func TestHighlightedQuoteDoesNotLookLikeALink(t *testing.T) {
	u, st, _ := articlesUI(t)
	// The real theme, where links are drawn in the primary colour (the test theme keeps them apart).
	fyne.CurrentApp().Settings().SetTheme(theme.DefaultTheme())
	mustActor(t, st, "Iraq", app.State)
	body := "Officials said Iraq would reopen the northern pipeline before the summer."
	a := mustArticle(t, st, "Pipeline to reopen", "2026-02-10", body)
	start := strings.Index(body, "would reopen")
	span := [2]int{start, start + len("would reopen the northern pipeline")}
	u.openArticle(a.ID, span)
	u.win.Resize(fyne.NewSize(1000, 700))

	var link, highlight, quote *canvas.Text
	for _, o := range test.LaidOutObjects(u.win.Content()) {
		txt, ok := o.(*canvas.Text)
		if !ok {
			continue
		}
		switch {
		case strings.TrimSpace(txt.Text) == "Iraq":
			link = txt
		case strings.HasPrefix(txt.Text, "“would reopen"):
			quote = txt
		case strings.Contains(txt.Text, "northern"):
			highlight = txt
		}
	}
	if link == nil || highlight == nil || quote == nil {
		t.Fatalf("drawn: link %v, highlight %v, quote %v", link != nil, highlight != nil, quote != nil)
	}
	linkColor := theme.Color(theme.ColorNameHyperlink)
	if sameColor(link.Color, highlight.Color) || sameColor(highlight.Color, linkColor) {
		t.Errorf("the highlighted quote is drawn in the links' colour %v", highlight.Color)
	}
	if sameColor(quote.Color, linkColor) {
		t.Errorf("the quoted passage is drawn in the links' colour %v", quote.Color)
	}
	if highlight.TextStyle.Underline || !highlight.TextStyle.Bold {
		t.Errorf("highlight style %+v, want bold and not underlined", highlight.TextStyle)
	}
	// In both variants the highlight colour differs from the link colour and from plain text.
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		h := articleTheme{}.Color(articleHighlightColor, v)
		for _, other := range []fyne.ThemeColorName{theme.ColorNameHyperlink, theme.ColorNamePrimary, theme.ColorNameForeground} {
			if sameColor(h, theme.DefaultTheme().Color(other, v)) {
				t.Errorf("variant %v: highlight colour equals %s", v, other)
			}
		}
	}
}

func sameColor(a, b color.Color) bool {
	r1, g1, b1, a1 := a.RGBA()
	r2, g2, b2, a2 := b.RGBA()
	return r1 == r2 && g1 == g2 && b1 == b2 && a1 == a2
}
