package views

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// articleFlow shows inline text and link segments wrapped at word boundaries. Fyne 2.7's
// RichText wraps a paragraph that mixes several segments badly: text after a link can
// break a word early or fall apart one letter per row (fyne-io/fyne#4303, fixed after
// 2.7). So this widget breaks the rows itself, for the width it is given, and hands each
// row to a RichText that never wraps.
type articleFlow struct {
	widget.BaseWidget

	// Segments is the content as given: inline text and hyperlink segments, with "\n" in
	// the text for line breaks.
	Segments []widget.RichTextSegment

	rt     *widget.RichText
	tokens []flowToken
	width  float32 // the width the rows were built for; 0 before the first layout
	rows   int
}

// flowToken is a word with the spaces after it, a link, or a line break.
type flowToken struct {
	text    string
	style   widget.RichTextStyle
	link    *widget.HyperlinkSegment
	newline bool
	width   float32 // with the trailing spaces
	bare    float32 // without them: a row may end in spaces that overhang
	start   int     // rune offset in the text of all segments
	row     int     // the row it is on after the last rebuild
}

// flowGuessWidth is the width rows are built for before the widget is first laid out, so
// its first MinSize is about right.
const flowGuessWidth = 600

func newArticleFlow(segs ...widget.RichTextSegment) *articleFlow {
	f := &articleFlow{rt: widget.NewRichText()}
	f.ExtendBaseWidget(f)
	f.setSegments(segs)
	return f
}

// setSegments replaces the content.
func (f *articleFlow) setSegments(segs []widget.RichTextSegment) {
	f.Segments = segs
	f.tokens = flowTokens(segs)
	f.rebuild(f.width)
}

// String returns the text shown.
func (f *articleFlow) String() string {
	var b strings.Builder
	for _, s := range f.Segments {
		b.WriteString(s.Textual())
	}
	return b.String()
}

// CreateRenderer shows the inner RichText, in articleTheme for the highlight colour.
func (f *articleFlow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewThemeOverride(f.rt, articleTheme{}))
}

// MinSize is narrow, so the pane can shrink, and as tall as the rows built for the current width.
func (f *articleFlow) MinSize() fyne.Size {
	return fyne.NewSize(4*theme.Padding(), f.rt.MinSize().Height)
}

// Resize rebuilds the rows when the width changes.
func (f *articleFlow) Resize(s fyne.Size) {
	if s.Width != f.width {
		f.rebuild(s.Width)
	}
	f.BaseWidget.Resize(s)
}

// Refresh measures the words again (the theme or text size may have changed).
func (f *articleFlow) Refresh() {
	for i := range f.tokens {
		f.tokens[i].width, f.tokens[i].bare = 0, 0
	}
	f.rebuild(f.width)
	f.BaseWidget.Refresh()
}

// flowTokens cuts segments into words (each with its trailing spaces), links and line breaks.
func flowTokens(segs []widget.RichTextSegment) []flowToken {
	var out []flowToken
	pos := 0
	for _, seg := range segs {
		switch s := seg.(type) {
		case *widget.HyperlinkSegment:
			out = append(out, flowToken{link: s, text: s.Text, start: pos})
		case *widget.TextSegment:
			if !s.Inline() { // a block ends the row it is on
				out = append(out, flowToken{newline: true, start: pos})
				break
			}
			out = append(out, flowWords(s.Text, s.Style, pos)...)
		}
		pos += utf8.RuneCountInString(seg.Textual())
	}
	return out
}

func flowWords(text string, style widget.RichTextStyle, pos int) []flowToken {
	var out []flowToken
	runes := []rune(text)
	for i := 0; i < len(runes); {
		if runes[i] == '\n' {
			out = append(out, flowToken{newline: true, start: pos + i})
			i++
			continue
		}
		j := i
		for j < len(runes) && !unicode.IsSpace(runes[j]) {
			j++
		}
		for j < len(runes) && runes[j] != '\n' && unicode.IsSpace(runes[j]) {
			j++
		}
		out = append(out, flowToken{text: string(runes[i:j]), style: style, start: pos + i})
		i = j
	}
	return out
}

// measure fills in the widths of a token.
func (f *articleFlow) measure(t *flowToken) {
	if t.width > 0 || t.newline {
		return
	}
	if t.link != nil {
		t.width = t.link.Visual().MinSize().Width
		t.bare = t.width
		return
	}
	// Ask the theme only for a size it has: a plain segment names none.
	name := t.style.SizeName
	if name == "" {
		name = theme.SizeNameText
	}
	size := f.rt.Theme().Size(name)
	t.width = fyne.MeasureText(t.text, size, t.style.TextStyle).Width
	t.bare = t.width
	if trimmed := strings.TrimRightFunc(t.text, unicode.IsSpace); trimmed != t.text {
		t.bare = fyne.MeasureText(trimmed, size, t.style.TextStyle).Width
	}
}

// rebuild breaks the tokens into rows that fit width and gives them to the RichText.
func (f *articleFlow) rebuild(width float32) {
	f.width = width
	if width <= 0 {
		width = flowGuessWidth
	}
	// The RichText pads its rows; a little slack absorbs rounding between measuring words
	// one by one and drawing them as a run.
	avail := width - 2*f.rt.Theme().Size(theme.SizeNameInnerPadding) - 4
	var b flowRows
	for i := 0; i < len(f.tokens); i++ {
		t := &f.tokens[i]
		if t.newline {
			t.row = b.rows
			b.endRow()
			continue
		}
		f.measure(t)
		if b.x > 0 && b.x+t.bare > avail && !f.glued(i) {
			b.endRow()
		}
		if b.x == 0 && t.bare > avail && t.link == nil && f.splitWord(i, avail) {
			t = &f.tokens[i]
		}
		b.add(t)
	}
	b.finish()
	f.rows = b.rows
	f.rt.Segments = b.segs
	f.rt.Refresh()
}

// glued reports whether token i is punctuation right after a link or a highlight, which
// stays with it: "Iraq," never leaves its comma at the start of the next row.
func (f *articleFlow) glued(i int) bool {
	t := f.tokens[i]
	return i > 0 && !f.tokens[i-1].newline && !strings.HasSuffix(f.tokens[i-1].text, " ") &&
		t.link == nil && startsWithPunct(t.text)
}

// flowRows builds the RichText's segments row by row.
type flowRows struct {
	segs []widget.RichTextSegment
	run  *widget.TextSegment // the text run being extended on this row
	x    float32             // how far along the row is
	rows int
}

// endRow ends the row being built.
func (b *flowRows) endRow() {
	b.segs = append(b.segs, &widget.TextSegment{Style: widget.RichTextStyleParagraph})
	b.run, b.x = nil, 0
	b.rows++
}

// add puts t on the row being built: a link as its own segment, text into the run of
// its style.
func (b *flowRows) add(t *flowToken) {
	t.row = b.rows
	b.x += t.width
	if t.link != nil {
		b.segs = append(b.segs, t.link)
		b.run = nil
		return
	}
	style := t.style
	style.Inline = true
	if b.run != nil && b.run.Style == style {
		b.run.Text += t.text
		return
	}
	b.run = &widget.TextSegment{Style: style, Text: t.text}
	b.segs = append(b.segs, b.run)
}

// finish ends the last row unless it has ended already.
func (b *flowRows) finish() {
	if len(b.segs) > 0 {
		if last, ok := b.segs[len(b.segs)-1].(*widget.TextSegment); !ok || last.Inline() {
			b.endRow()
		}
	}
}

// rowFraction says how far down the text the row holding rune offset lies, from 0 to 1.
func (f *articleFlow) rowFraction(offset int) float32 {
	if f.rows == 0 {
		return 0
	}
	row := 0
	for _, t := range f.tokens {
		if t.start > offset {
			break
		}
		row = t.row
	}
	return float32(row) / float32(f.rows)
}

// splitWord cuts token i, a word wider than a row, so that its first part fits avail.
// It reports whether it cut anything.
func (f *articleFlow) splitWord(i int, avail float32) bool {
	t := f.tokens[i]
	runes := []rune(t.text)
	size := f.rt.Theme().Size(theme.SizeNameText)
	if t.style.SizeName != "" {
		size = f.rt.Theme().Size(t.style.SizeName)
	}
	n := 1
	for n < len(runes) && fyne.MeasureText(string(runes[:n+1]), size, t.style.TextStyle).Width <= avail {
		n++
	}
	if n >= len(runes) {
		return false
	}
	head := flowToken{text: string(runes[:n]), style: t.style, start: t.start}
	tail := flowToken{text: string(runes[n:]), style: t.style, start: t.start + n}
	f.tokens = append(f.tokens[:i], append([]flowToken{head, tail}, f.tokens[i+1:]...)...)
	f.measure(&f.tokens[i])
	return true
}

func startsWithPunct(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsPunct(r)
}
