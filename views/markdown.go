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
	switch t := n.(type) {
	case *ast.Paragraph, *ast.TextBlock:
		return append(markdownChildren(src, n), markdownBreak())
	case *ast.Heading:
		seg := &widget.TextSegment{Style: widget.RichTextStyleParagraph, Text: markdownPlain(src, n)}
		switch t.Level {
		case 1:
			seg.Style = widget.RichTextStyleHeading
		case 2:
			seg.Style = widget.RichTextStyleSubHeading
		default:
			seg.Style.TextStyle.Bold = true
		}
		return []widget.RichTextSegment{seg}
	case *ast.Blockquote:
		return []widget.RichTextSegment{&markdownQuote{&widget.ParagraphSegment{Texts: markdownChildren(src, n)}}}
	case *ast.List:
		l := &widget.ListSegment{Ordered: t.IsOrdered()}
		if t.IsOrdered() {
			l.SetStartNumber(t.Start)
		}
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			l.Items = append(l.Items, &widget.ParagraphSegment{Texts: markdownChildren(src, c)})
		}
		return []widget.RichTextSegment{l}
	case *east.Table: // markdown_table.go
		return markdownTable(src, t)
	case *ast.ThematicBreak:
		return []widget.RichTextSegment{&widget.SeparatorSegment{}}
	case *ast.CodeBlock, *ast.FencedCodeBlock, *ast.HTMLBlock:
		code := strings.TrimSuffix(markdownLines(src, n), "\n")
		if code == "" {
			return nil
		}
		return []widget.RichTextSegment{&widget.TextSegment{Style: widget.RichTextStyleCodeBlock, Text: code}}
	case *ast.Text:
		s := string(t.Segment.Value(src))
		if t.SoftLineBreak() {
			s += " "
		}
		segs := []widget.RichTextSegment{&widget.TextSegment{Style: widget.RichTextStyleInline, Text: s}}
		if t.HardLineBreak() {
			segs = append(segs, markdownBreak())
		}
		return segs
	case *ast.String:
		return []widget.RichTextSegment{&widget.TextSegment{Style: widget.RichTextStyleInline, Text: string(t.Value)}}
	case *ast.CodeSpan:
		return []widget.RichTextSegment{&widget.TextSegment{Style: widget.RichTextStyleCodeInline, Text: markdownPlain(src, n)}}
	case *ast.Emphasis:
		style := widget.RichTextStyleEmphasis
		if t.Level >= 2 {
			style = widget.RichTextStyleStrong
		}
		return []widget.RichTextSegment{&widget.TextSegment{Style: style, Text: markdownPlain(src, n)}}
	case *ast.Link:
		return []widget.RichTextSegment{markdownLink(markdownPlain(src, n), string(t.Destination))}
	case *ast.AutoLink:
		label := string(t.Label(src))
		dest := string(t.URL(src))
		return []widget.RichTextSegment{markdownLink(label, dest)}
	case *ast.Image:
		return []widget.RichTextSegment{markdownImage(markdownPlain(src, n), string(t.Destination))}
	case *ast.RawHTML:
		var b strings.Builder
		for i := 0; i < t.Segments.Len(); i++ {
			seg := t.Segments.At(i)
			b.Write(seg.Value(src))
		}
		return []widget.RichTextSegment{&widget.TextSegment{Style: widget.RichTextStyleCodeInline, Text: b.String()}}
	}
	// Anything else (a node kind added to goldmark later): its words, never nothing.
	if s := markdownPlain(src, n); s != "" {
		return []widget.RichTextSegment{&widget.TextSegment{Style: widget.RichTextStyleInline, Text: s}}
	}
	return nil
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
