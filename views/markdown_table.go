package views

import (
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2/widget"
	east "github.com/yuin/goldmark/extension/ast"
)

// markdownMaxCell is the widest a table cell is drawn, in characters; a longer cell is cut
// with an ellipsis so that one long cell does not push the other columns off the page.
const markdownMaxCell = 40

// markdownTable draws a Markdown (GFM) table as aligned columns in a monospace block: the
// header, a rule, then the rows. The words of each cell are kept, formatting dropped.
func markdownTable(src []byte, t *east.Table) []widget.RichTextSegment {
	var rows [][]string
	header := -1
	for r := t.FirstChild(); r != nil; r = r.NextSibling() {
		if _, ok := r.(*east.TableHeader); ok {
			header = len(rows)
		}
		var cells []string
		for c := r.FirstChild(); c != nil; c = c.NextSibling() {
			cells = append(cells, markdownCell(markdownPlain(src, c)))
		}
		rows = append(rows, cells)
	}
	widths := map[int]int{}
	for _, r := range rows {
		for i, c := range r {
			widths[i] = max(widths[i], utf8.RuneCountInString(c))
		}
	}
	var b strings.Builder
	for ri, r := range rows {
		for i, c := range r {
			if i > 0 {
				b.WriteString(" │ ")
			}
			b.WriteString(c)
			if i < len(r)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-utf8.RuneCountInString(c)))
			}
		}
		b.WriteByte('\n')
		if ri == header {
			for i := 0; i < len(widths); i++ {
				if i > 0 {
					b.WriteString("─┼─")
				}
				b.WriteString(strings.Repeat("─", widths[i]))
			}
			b.WriteByte('\n')
		}
	}
	return []widget.RichTextSegment{&widget.TextSegment{Style: widget.RichTextStyleCodeBlock, Text: strings.TrimSuffix(b.String(), "\n")}}
}

// markdownCell is a cell's text on one line, cut to markdownMaxCell.
func markdownCell(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > markdownMaxCell {
		s = string(r[:markdownMaxCell-1]) + "…"
	}
	return s
}
