package views

import (
	"net/url"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// markdownSegments is the one place the app turns Markdown (notes) into rich-text segments.
// It replaces Fyne's parser because that one makes an ImageSegment of every image, and a
// RichText fetches an http(s) image from the network as it draws it: Dossier is offline.
// Here an image becomes a link (with a web address) or its words, never a picture. It also
// keeps what Fyne drops or flattens: nested quotes (a markdownQuote inside another),
// inline styles and several paragraphs inside a quote, autolinks, and raw HTML as text.
func markdownSegments(source string) []widget.RichTextSegment {
	src := []byte(source)
	doc := goldmark.New(goldmark.WithExtensions(extension.Table)).Parser().Parse(text.NewReader(src))
	return markdownChildren(src, doc)
}

// markdownQuote is a block quote: its content, which may hold further quotes. The views
// draw it with a bar at the left (dossierMarkdownBlocks); a plain RichText shows its
// text as a paragraph.
type markdownQuote struct {
	*widget.ParagraphSegment
}

func markdownChildren(src []byte, n ast.Node) []widget.RichTextSegment {
	var segs []widget.RichTextSegment
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		segs = append(segs, markdownNode(src, c)...)
	}
	return segs
}

// markdownBreak ends a paragraph.
func markdownBreak() *widget.TextSegment {
	return &widget.TextSegment{Style: widget.RichTextStyleParagraph}
}

func markdownNode(src []byte, n ast.Node) []widget.RichTextSegment {
	if segs, ok := markdownBlock(src, n); ok {
		return segs
	}
	if segs, ok := markdownInline(src, n); ok {
		return segs
	}
	// Anything else (a node kind added to goldmark later): its words, never nothing.
	if s := markdownPlain(src, n); s != "" {
		return []widget.RichTextSegment{&widget.TextSegment{Style: widget.RichTextStyleInline, Text: s}}
	}
	return nil
}

// markdownBlock is the segments of a block node (a paragraph, heading, list…); false for
// a node that is not one of those.
func markdownBlock(src []byte, n ast.Node) ([]widget.RichTextSegment, bool) {
	switch t := n.(type) {
	case *ast.Paragraph, *ast.TextBlock:
		return append(markdownChildren(src, n), markdownBreak()), true
	case *ast.Heading:
		return []widget.RichTextSegment{markdownHeading(t.Level, markdownPlain(src, n))}, true
	case *ast.Blockquote:
		return []widget.RichTextSegment{&markdownQuote{&widget.ParagraphSegment{Texts: markdownChildren(src, n)}}}, true
	case *ast.List:
		return []widget.RichTextSegment{markdownList(src, t)}, true
	case *east.Table: // markdown_table.go
		return markdownTable(src, t), true
	case *ast.ThematicBreak:
		return []widget.RichTextSegment{&widget.SeparatorSegment{}}, true
	case *ast.CodeBlock, *ast.FencedCodeBlock, *ast.HTMLBlock:
		code := strings.TrimSuffix(markdownLines(src, n), "\n")
		if code == "" {
			return nil, true
		}
		return []widget.RichTextSegment{&widget.TextSegment{Style: widget.RichTextStyleCodeBlock, Text: code}}, true
	}
	return nil, false
}

// markdownHeading is a heading of level (1, 2, then bold text) saying text.
func markdownHeading(level int, text string) widget.RichTextSegment {
	seg := &widget.TextSegment{Style: widget.RichTextStyleParagraph, Text: text}
	switch level {
	case 1:
		seg.Style = widget.RichTextStyleHeading
	case 2:
		seg.Style = widget.RichTextStyleSubHeading
	default:
		seg.Style.TextStyle.Bold = true
	}
	return seg
}

// markdownList is a list, numbered from its start when ordered, an item a paragraph.
func markdownList(src []byte, t *ast.List) widget.RichTextSegment {
	l := &widget.ListSegment{Ordered: t.IsOrdered()}
	if t.IsOrdered() {
		l.SetStartNumber(t.Start)
	}
	for c := t.FirstChild(); c != nil; c = c.NextSibling() {
		l.Items = append(l.Items, &widget.ParagraphSegment{Texts: markdownChildren(src, c)})
	}
	return l
}

// markdownInline is the segments of an inline node (text, emphasis, a link…); false for a
// node that is not one of those.
func markdownInline(src []byte, n ast.Node) ([]widget.RichTextSegment, bool) {
	switch t := n.(type) {
	case *ast.Text:
		return markdownText(src, t), true
	case *ast.String:
		return []widget.RichTextSegment{&widget.TextSegment{Style: widget.RichTextStyleInline, Text: string(t.Value)}}, true
	case *ast.CodeSpan:
		return []widget.RichTextSegment{&widget.TextSegment{Style: widget.RichTextStyleCodeInline, Text: markdownPlain(src, n)}}, true
	case *ast.Emphasis:
		style := widget.RichTextStyleEmphasis
		if t.Level >= 2 {
			style = widget.RichTextStyleStrong
		}
		return []widget.RichTextSegment{&widget.TextSegment{Style: style, Text: markdownPlain(src, n)}}, true
	case *ast.Link:
		return []widget.RichTextSegment{markdownLink(markdownPlain(src, n), string(t.Destination))}, true
	case *ast.AutoLink:
		return []widget.RichTextSegment{markdownLink(string(t.Label(src)), string(t.URL(src)))}, true
	case *ast.Image:
		return []widget.RichTextSegment{markdownImage(markdownPlain(src, n), string(t.Destination))}, true
	case *ast.RawHTML:
		var b strings.Builder
		for i := 0; i < t.Segments.Len(); i++ {
			seg := t.Segments.At(i)
			b.Write(seg.Value(src))
		}
		return []widget.RichTextSegment{&widget.TextSegment{Style: widget.RichTextStyleCodeInline, Text: b.String()}}, true
	}
	return nil, false
}

// markdownText is a run of text; a soft line break is a space, a hard one ends the paragraph.
func markdownText(src []byte, t *ast.Text) []widget.RichTextSegment {
	s := string(t.Segment.Value(src))
	if t.SoftLineBreak() {
		s += " "
	}
	segs := []widget.RichTextSegment{&widget.TextSegment{Style: widget.RichTextStyleInline, Text: s}}
	if t.HardLineBreak() {
		segs = append(segs, markdownBreak())
	}
	return segs
}

// markdownImage shows an image as words: "image: chart" linked to its address when that is
// a web address (a tap opens the browser, the user's choice), plain words otherwise. The
// picture itself is never loaded: not from the web, and not from a path, which could be a
// network share.
func markdownImage(alt, dest string) widget.RichTextSegment {
	label := "image"
	if alt = strings.TrimSpace(alt); alt != "" {
		label += ": " + alt
	}
	u, err := url.Parse(dest)
	if err == nil && (u.Scheme == "http" || u.Scheme == "https") {
		return &widget.HyperlinkSegment{Alignment: fyne.TextAlignLeading, Text: "[" + label + "]", URL: u}
	}
	if dest != "" {
		label += " (" + dest + ")"
	}
	return &widget.TextSegment{Style: widget.RichTextStyleInline, Text: "[" + label + "]"}
}

// markdownLink is a link the user can tap to open in the browser; a destination that is not
// a URL keeps its words without a link.
func markdownLink(label, dest string) widget.RichTextSegment {
	if label == "" {
		label = dest
	}
	u, err := url.Parse(dest)
	if err != nil || u.Scheme == "" {
		return &widget.TextSegment{Style: widget.RichTextStyleInline, Text: label}
	}
	return &widget.HyperlinkSegment{Alignment: fyne.TextAlignLeading, Text: label, URL: u}
}

// markdownPlain is the words inside n, formatting dropped; an image inside (a badge in a
// link, a picture in a heading) becomes "[image: its words]".
func markdownPlain(src []byte, n ast.Node) string {
	var b strings.Builder
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Image:
			if c != n {
				b.WriteString(markdownImage(markdownPlain(src, t), "").Textual())
				return ast.WalkSkipChildren, nil
			}
		case *ast.Text:
			b.Write(t.Segment.Value(src))
			if t.SoftLineBreak() || t.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(t.Value)
		case *ast.AutoLink:
			b.Write(t.Label(src))
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}

// markdownLines is the source lines of a block (code, raw HTML).
func markdownLines(src []byte, n ast.Node) string {
	var b strings.Builder
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b.Write(seg.Value(src))
	}
	return b.String()
}
