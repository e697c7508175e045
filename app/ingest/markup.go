package ingest

import (
	"errors"
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// flatDepth is how deep flattenMarkup lets tags nest. golang.org/x/net/html refuses a
// document whose open elements stack grows past 512; real pages stay far below that, and
// half the limit leaves room for the elements the parser adds itself (html, body, tbody,
// reopened formatting tags).
const flatDepth = 256

// parseMarkup parses a web page or a fragment of one. A document nested deeper than the
// HTML parser accepts (100,000 nested <div>s, say) is flattened and parsed again rather
// than refused: the text is what matters, and the tags past the limit carry none.
func parseMarkup(text string) (*html.Node, error) {
	text = dropInlineData(text)
	if countTags(text, maxElements+1) > maxElements {
		return nil, errTooWide
	}
	doc, err := html.Parse(strings.NewReader(text))
	if err == nil {
		return doc, nil
	}
	if doc, err = html.Parse(strings.NewReader(flattenMarkup(text, flatDepth))); err != nil {
		return nil, errTooDeep
	}
	return doc, nil
}

// maxElements is the most tags a page may have. A news page has a few thousand, a long
// one with its comments tens of thousands. The parsed tree costs about 100 bytes a node
// and readability's scoring a few microseconds, so a 50 MB file of empty tags (seven
// million of them) would take most of a gigabyte and minutes; at this limit a page
// takes some 30 MB and seconds.
const maxElements = 250000

// The ways parsing markup from a string can fail.
var (
	errTooDeep = errors.New("its tags are nested too deeply, more than 512 levels")
	errTooWide = errors.New("it has more than 250,000 HTML elements, as a whole site or archive saved as one page does; save the article alone and import that")
)

// countTags counts the start tags in text, stopping at limit.
func countTags(text string, limit int) int {
	n := 0
	for i := 0; n < limit; {
		j := strings.IndexByte(text[i:], '<')
		if j < 0 || i+j+1 >= len(text) {
			break
		}
		i += j + 1
		if c := text[i]; c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
			n++
		}
	}
	return n
}

// flattenMarkup drops the start and end tags nested deeper than limit, keeping all text,
// comments and the tags above the limit. Depth is counted from the tags as written, so
// tags left open (<p> without </p>) count too: the result can only be shallower than the
// tree the parser would build.
func flattenMarkup(text string, limit int) string {
	z := html.NewTokenizer(strings.NewReader(text))
	var b strings.Builder
	b.Grow(len(text))
	depth := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return b.String() // io.EOF: the tokenizer reads from a string, nothing else can fail
		case html.StartTagToken:
			name, _ := z.TagName()
			if voidTags[atom.Lookup(name)] {
				break
			}
			depth++
			if depth > limit {
				continue
			}
		case html.EndTagToken:
			depth--
			if depth >= limit {
				continue
			}
			depth = max(depth, 0)
		}
		b.Write(z.Raw())
	}
}

// voidTags never have content, so they do not nest.
var voidTags = map[atom.Atom]bool{
	atom.Area: true, atom.Base: true, atom.Br: true, atom.Col: true, atom.Embed: true,
	atom.Hr: true, atom.Img: true, atom.Input: true, atom.Link: true, atom.Meta: true,
	atom.Source: true, atom.Track: true, atom.Wbr: true,
}

// markupPattern finds a tag or a character reference: the signs that a feed's
// description or an e-mail's text is HTML rather than plain text.
var markupPattern = regexp.MustCompile(`<[A-Za-z!/]|&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});`)

// looksLikeMarkup reports whether s holds HTML tags or entities. Plain text is left as it
// is, so that its line breaks survive (HTML would fold them into spaces).
func looksLikeMarkup(s string) bool {
	return markupPattern.MatchString(s)
}

// markupText reduces an HTML fragment (a feed item's description, an e-mail's HTML part)
// to clean text: page furniture, scripts and styles go, paragraphs become blank lines.
// Unlike a whole page it is not run through readability: a fragment is all article, and a
// newsletter's table layout would only mislead the scoring.
func markupText(s string) (string, error) {
	doc, err := parseMarkup(s)
	if err != nil {
		return "", err
	}
	removeClutter(doc)
	return cleanText(plainText(doc)), nil
}

// richText is the text of s, read as HTML when it looks like HTML. An HTML fragment
// that cannot be parsed (nested beyond repair) gives no text.
func richText(s string) string {
	if !looksLikeMarkup(s) {
		return cleanText(s)
	}
	t, err := markupText(s)
	if err != nil {
		return ""
	}
	return t
}

// inlineText is richText on one line, for titles and names.
func inlineText(s string) string {
	return strings.Join(strings.Fields(richText(s)), " ")
}
