package views

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
)

// dossierTappable is read-only text that acts when clicked: a quote or a sentence that
// opens its article at the passage. Unlike a hyperlink segment it wraps, so a long title or
// quote never widens the page.
type dossierTappable struct {
	widget.BaseWidget
	text     fyne.CanvasObject
	onTapped func()
}

func newDossierTappable(onTapped func(), segs ...widget.RichTextSegment) *dossierTappable {
	t := &dossierTappable{text: dossierProse(segs...), onTapped: onTapped}
	t.ExtendBaseWidget(t)
	return t
}

// CreateRenderer shows the rich text as it is.
func (t *dossierTappable) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(t.text)
}

// Tapped runs the action.
func (t *dossierTappable) Tapped(*fyne.PointEvent) {
	if t.onTapped != nil {
		t.onTapped()
	}
}

// Cursor shows the pointing hand, as over a link.
func (t *dossierTappable) Cursor() desktop.Cursor { return desktop.PointerCursor }

// dossierColumns sets the dossier's two halves side by side when there is room to read
// both (relations and timeline left; articles, associates and notes right), and one
// under the other when there is not.
type dossierColumns struct{ wide bool }

// dossierWideWidth is the narrowest page that gets two columns: below it a column would be
// too narrow for a relation sentence and its source on one line each.
const dossierWideWidth = 980

func (l *dossierColumns) gap() float32 { return theme.Padding() * 6 }

// Layout places the halves. Each is sized to its width first, because the height of
// wrapped text depends on the width it gets.
func (l *dossierColumns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if len(objs) != 2 {
		return
	}
	left, right := objs[0], objs[1]
	l.wide = size.Width >= dossierWideWidth
	place := func(o fyne.CanvasObject, pos fyne.Position, width float32) float32 {
		o.Move(pos)
		o.Resize(fyne.NewSize(width, o.Size().Height))
		h := o.MinSize().Height
		o.Resize(fyne.NewSize(width, h))
		return h
	}
	if l.wide {
		lw := (size.Width - l.gap()) * 0.55
		place(left, fyne.NewPos(0, 0), lw)
		place(right, fyne.NewPos(lw+l.gap(), 0), size.Width-lw-l.gap())
		return
	}
	h := place(left, fyne.NewPos(0, 0), size.Width)
	place(right, fyne.NewPos(0, h+l.gap()), size.Width)
}

// MinSize is the size of the arrangement chosen at the last layout.
func (l *dossierColumns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	if len(objs) != 2 {
		return fyne.Size{}
	}
	a, b := objs[0].MinSize(), objs[1].MinSize()
	if l.wide {
		return fyne.NewSize(a.Width+l.gap()+b.Width, max(a.Height, b.Height))
	}
	return fyne.NewSize(max(a.Width, b.Width), a.Height+l.gap()+b.Height)
}

// dossierStackLayout sets objects one under the other, gap apart; a negative gap pulls
// text blocks together (each pads itself), so the lines of one item read as one block.
// Each object is sized to the width first, because the height of wrapped text depends on
// it: the rows come out right in one pass.
type dossierStackLayout struct{ gap float32 }

// dossierStack stacks objs with the gap between them.
func dossierStack(gap float32, objs ...fyne.CanvasObject) *fyne.Container {
	return container.New(&dossierStackLayout{gap: gap}, objs...)
}

// dossierLineGap is the gap between the lines of one item: a relation and its sources,
// an article's title and the sentence naming the actor.
func dossierLineGap() float32 { return theme.Padding() - theme.InnerPadding() }

// Layout stacks the visible objects at the full width.
func (l *dossierStackLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	y := float32(0)
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, o.Size().Height))
		h := o.MinSize().Height
		o.Resize(fyne.NewSize(size.Width, h))
		y += h + l.gap
	}
}

// MinSize is the widest object and the heights with the gaps between them.
func (l *dossierStackLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w, h float32
	n := 0
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		m := o.MinSize()
		w = max(w, m.Width)
		h += m.Height
		n++
	}
	if n > 1 {
		h += l.gap * float32(n-1)
	}
	return fyne.NewSize(w, max(h, 0))
}

// dossierDateRow lays a date and a text side by side, the date at a fixed width so that
// the timeline's dates line up in a column.
type dossierDateRow struct{ width float32 }

func newDossierDateRow(date, text fyne.CanvasObject) *fyne.Container {
	w := fyne.MeasureText("28 Sep 2026", theme.TextSize(), fyne.TextStyle{}).Width + theme.InnerPadding()*2
	return container.New(dossierDateRow{width: w}, date, text)
}

// Layout gives the date its column and the text the rest of the row.
func (l dossierDateRow) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(fyne.NewSize(l.width, size.Height))
	objs[1].Move(fyne.NewPos(l.width, 0))
	objs[1].Resize(fyne.NewSize(max(size.Width-l.width, 0), size.Height))
}

// MinSize is the date column beside the text.
func (l dossierDateRow) MinSize(objs []fyne.CanvasObject) fyne.Size {
	a, b := objs[0].MinSize(), objs[1].MinSize()
	return fyne.NewSize(l.width+b.Width, max(a.Height, b.Height))
}

// dossierTitleTheme enlarges heading text, for the actor's name at the top of the dossier.
// Everything else comes from the app's current theme, so light and dark both apply.
type dossierTitleTheme struct{}

func (dossierTitleTheme) base() fyne.Theme { return fyne.CurrentApp().Settings().Theme() }

func (t dossierTitleTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	return t.base().Color(n, v)
}

func (t dossierTitleTheme) Font(s fyne.TextStyle) fyne.Resource { return t.base().Font(s) }

func (t dossierTitleTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.base().Icon(n) }

func (t dossierTitleTheme) Size(n fyne.ThemeSizeName) float32 {
	s := t.base().Size(n)
	if n == theme.SizeNameHeadingText {
		return s * 1.3
	}
	return s
}

// dossierPara is word-wrapped rich text made of inline segments. Fyne 2.7's RichText
// wraps a paragraph of several segments badly (what follows the first can fall apart one
// letter per row): the dossier itself uses dossierProse; this stays for the relation
// editor, which fills its segments later.
func dossierPara(segs ...widget.RichTextSegment) *widget.RichText {
	rt := widget.NewRichText(segs...)
	rt.Wrapping = fyne.TextWrapWord
	return rt
}

// dossierProse is text wrapped at word boundaries, made of inline segments; a "\n" in a
// segment's text starts a new line. One segment wraps well in a RichText; several go to
// an articleFlow, which breaks the rows itself (see dossierPara).
func dossierProse(segs ...widget.RichTextSegment) fyne.CanvasObject {
	if len(segs) == 1 {
		if t, ok := segs[0].(*widget.TextSegment); ok && !strings.Contains(t.Text, "\n") {
			return dossierWrapped(t)
		}
	}
	return newArticleFlow(segs...)
}

// dossierWrapped is a RichText of one segment, wrapped at word boundaries.
func dossierWrapped(seg *widget.TextSegment) *widget.RichText {
	rt := widget.NewRichText(seg)
	rt.Wrapping = fyne.TextWrapWord
	return rt
}

// dossierNewline ends a line of a dossierProse.
func dossierNewline() *widget.TextSegment { return dossierPlain("\n") }

// Text segment styles of the dossier.
func dossierPlain(text string) *widget.TextSegment {
	return &widget.TextSegment{Text: text, Style: widget.RichTextStyleInline}
}

// dossierMuted is secondary information: outlets, counts, how sure a relation is.
func dossierMuted(text string) *widget.TextSegment {
	return &widget.TextSegment{Text: text, Style: widget.RichTextStyle{Inline: true, ColorName: theme.ColorNamePlaceHolder}}
}

// dossierSmall is muted metadata in caption size.
func dossierSmall(text string) *widget.TextSegment {
	return &widget.TextSegment{Text: text, Style: widget.RichTextStyle{Inline: true, ColorName: theme.ColorNamePlaceHolder,
		SizeName: theme.SizeNameCaptionText}}
}

func dossierStrong(text string) *widget.TextSegment {
	return &widget.TextSegment{Text: text, Style: widget.RichTextStyle{Inline: true, TextStyle: fyne.TextStyle{Bold: true}}}
}

// dossierLinkText looks like a link inside a dossierTappable, which does the tapping.
func dossierLinkText(text string) *widget.TextSegment {
	return &widget.TextSegment{Text: text, Style: widget.RichTextStyle{Inline: true, ColorName: theme.ColorNameHyperlink}}
}

func dossierItalic(text string) *widget.TextSegment {
	return &widget.TextSegment{Text: text, Style: widget.RichTextStyle{Inline: true, TextStyle: fyne.TextStyle{Italic: true}}}
}

// dossierHeading is a section title with a muted count after it ("Relations  12"); a
// negative count is left out.
func dossierHeading(title string, count int) fyne.CanvasObject {
	segs := []widget.RichTextSegment{&widget.TextSegment{Text: title, Style: widget.RichTextStyle{Inline: true,
		SizeName: theme.SizeNameSubHeadingText, TextStyle: fyne.TextStyle{Bold: true}}}}
	if count >= 0 {
		segs = append(segs, dossierMuted("  "+dossierThousands(count)))
	}
	return dossierProse(segs...)
}

// dossierHint is the line a section shows when it has nothing, saying what to do.
func dossierHint(text string) *widget.RichText {
	return dossierWrapped(&widget.TextSegment{Text: text, Style: widget.RichTextStyle{Inline: true,
		ColorName: theme.ColorNamePlaceHolder, TextStyle: fyne.TextStyle{Italic: true}}})
}

// dossierMoreButton asks for more of a long section.
func dossierMoreButton(label string, more func()) fyne.CanvasObject {
	b := widget.NewButtonWithIcon(label, theme.MoreVerticalIcon(), more)
	b.Importance = widget.LowImportance
	return container.NewHBox(b)
}

// dossierSection spaces a section from the one before it.
func dossierSection(objs ...fyne.CanvasObject) *fyne.Container {
	return container.New(layout.NewCustomPaddedLayout(theme.Padding()*4, 0, 0, 0), dossierStack(theme.Padding(), objs...))
}

// dossierIndent shifts o right, under a heading or as a quote.
func dossierIndent(o fyne.CanvasObject, steps float32) fyne.CanvasObject {
	return container.New(layout.NewCustomPaddedLayout(0, 0, theme.Padding()*steps, 0), o)
}

// dossierMarkSize is the side of the coloured polarity dot.
const dossierMarkSize = 10

// dossierPolarityMark is a small dot in the polarity's colour: green for cooperative, red
// for conflictual, grey for neutral. The theme colours keep it readable in dark mode.
func dossierPolarityMark(p app.Polarity) fyne.CanvasObject {
	name := theme.ColorNameDisabled
	switch p {
	case app.Cooperative:
		name = theme.ColorNameSuccess
	case app.Conflictual:
		name = theme.ColorNameError
	}
	return dossierMark(theme.NewColoredResource(theme.MediaRecordIcon(), name), dossierMarkSize)
}

// dossierArticleMark marks an article in the timeline.
func dossierArticleMark() fyne.CanvasObject {
	return dossierMark(theme.NewColoredResource(theme.DocumentIcon(), theme.ColorNamePlaceHolder), dossierMarkSize+4)
}

// dossierMark is a small icon set on the first line of the text beside it.
func dossierMark(res fyne.Resource, size float32) fyne.CanvasObject {
	line := fyne.MeasureText("M", theme.TextSize(), fyne.TextStyle{}).Height
	top := theme.InnerPadding() + (line-size)/2
	return container.New(layout.NewCustomPaddedLayout(top, 0, 0, theme.Padding()+dossierMarkSize+4-size),
		container.NewGridWrap(fyne.NewSquareSize(size), widget.NewIcon(res)))
}

// dossierSpan is the passage to highlight when opening an article: none when the quote
// was not found in the text.
func dossierSpan(start, end int) [2]int {
	if start < 0 || end <= start {
		return [2]int{}
	}
	return [2]int{start, end}
}

// dossierClip shortens text to about n characters at a word boundary, with an ellipsis.
func dossierClip(text string, n int) string {
	r := []rune(text)
	if len(r) <= n {
		return text
	}
	cut := n
	for i := n; i > n*3/4; i-- {
		if r[i] == ' ' {
			cut = i
			break
		}
	}
	return string(r[:cut]) + "…"
}
