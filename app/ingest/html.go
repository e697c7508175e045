package ingest

import (
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"dossier/app"
)

// looksLikeHTML reports whether text is a web page whatever its file is called: it opens
// with a doctype, an <html>, <head> or <body> tag, or a comment or XML declaration
// followed soon by <html>.
func looksLikeHTML(text string) bool {
	head := strings.TrimLeft(strings.TrimPrefix(text, "\uFEFF"), " \t\r\n")
	// Cut before lowering: lowering a 20 MB text to look at 2 KB cost a 20 MB copy.
	head = strings.ToLower(head[:min(len(head), 2048)])
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body"} {
		if strings.HasPrefix(head, p) {
			return true
		}
	}
	return (strings.HasPrefix(head, "<!--") || strings.HasPrefix(head, "<?xml")) && strings.Contains(head, "<html")
}

// looksLikeHTMLBytes is looksLikeHTML for undecoded bytes, so that decoding can honour
// the charset a page declares.
func looksLikeHTMLBytes(data []byte) bool {
	return looksLikeHTML(string(data[:min(len(data), 2048)]))
}

// pageMeta is what a page's markup says about the article, read before the clutter goes.
type pageMeta struct {
	lang, title, h1, canonical string
	timeAttr, itemDate         string            // <time datetime> and itemprop="datePublished"
	props                      map[string]string // <meta> by property or name, lower-cased; first one wins
	ld                         linkedData
}

// linkedData is the part of a JSON-LD article object Dossier uses.
type linkedData struct {
	headline, author, publisher, published, url string
}

// parseHTML reduces a web page to its article: the readable text by go-readability, the
// fields from the page's metadata.
func parseHTML(name, text string) (app.Article, error) {
	doc, err := parseMarkup(text)
	if err != nil {
		return app.Article{}, fileErr(name, "could not be read as a web page (%v).", err)
	}
	m := readMeta(doc)
	removeClutter(doc)
	body, ra, err := readable(doc)
	if err != nil {
		return app.Article{}, fileErr(name, "could not be reduced to its article text (%v).", err)
	}
	body = cleanText(body)
	if strings.TrimSpace(body) == "" {
		return app.Article{}, fileErr(name, "is a web page with no readable article text.")
	}
	a := app.Article{
		Title:    firstOf(m.ld.headline, ra.Title(), m.h1, m.title),
		Source:   firstOf(m.props["og:site_name"], m.ld.publisher),
		URL:      firstOf(webURL(m.canonical), webURL(m.props["og:url"]), webURL(m.ld.url)),
		Author:   firstOf(m.ld.author, m.props["author"], notURL(m.props["article:author"]), m.props["dc.creator"], m.props["parsely-author"], stripBy(ra.Byline())),
		Language: language(firstOf(m.lang, ra.Language())),
	}
	a.Title = stripSite(a.Title, a.Source)
	for _, raw := range []string{m.props["article:published_time"], m.ld.published, m.itemDate, m.timeAttr,
		m.props["og:published_time"], m.props["date"], m.props["pubdate"], m.props["publishdate"],
		m.props["dc.date"], m.props["dc.date.issued"], m.props["dcterms.created"], m.props["parsely-pub-date"]} {
		if d, ok := looseDate(raw); ok {
			a.Date = d
			break
		}
	}
	fromLines(&a, strings.Split(body, "\n"), nil)
	return a, nil
}

// readable runs go-readability on the page and renders what it keeps as text with blank
// lines between paragraphs. The library is a port of browser JavaScript with much index
// arithmetic; a panic inside it on a strange page is turned into an error, so one bad
// file cannot bring down an import of hundreds.
func readable(doc *html.Node) (text string, art readability.Article, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("the page confused the article extractor: %v", r)
		}
	}()
	p := readability.NewParser()
	p.DisableJSONLD = true // read by readMeta, before the scripts were removed
	art, err = p.ParseAndMutate(doc, nil)
	if err != nil {
		return "", art, err
	}
	if art.Node != nil {
		text = plainText(art.Node)
	}
	return text, art, nil
}

// Elements that make paragraphs (a blank line around them) and lines (a line break
// around them) in plain text.
var (
	paragraphTags = map[atom.Atom]bool{
		atom.P: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true,
		atom.H6: true, atom.Blockquote: true, atom.Ul: true, atom.Ol: true, atom.Dl: true,
		atom.Table: true, atom.Pre: true, atom.Hr: true, atom.Figure: true,
	}
	lineTags = map[atom.Atom]bool{
		atom.Div: true, atom.Li: true, atom.Tr: true, atom.Section: true, atom.Article: true,
		atom.Header: true, atom.Main: true, atom.Dt: true, atom.Dd: true, atom.Figcaption: true,
		atom.Address: true, atom.Caption: true, atom.Details: true, atom.Summary: true,
	}
	invisibleTags = map[atom.Atom]bool{
		atom.Head: true, atom.Script: true, atom.Style: true, atom.Noscript: true,
		atom.Template: true, atom.Svg: true, atom.Math: true, atom.Iframe: true,
	}
)

// plainText renders n as text: words joined by single spaces, a line break around
// line-level blocks and a blank line around paragraphs, on both sides. (The renderer
// that comes with go-readability breaks only before a block, so text after a paragraph
// ran on into it.)
func plainText(n *html.Node) string {
	var t textWriter
	t.node(n, false)
	return t.b.String()
}

// textWriter writes words and the breaks between them, merging breaks that meet.
type textWriter struct {
	b     strings.Builder
	space bool // a space is due before the next word
	nl    int  // newlines due before the next word
}

func (t *textWriter) brk(n int) { t.nl = max(t.nl, n) }

func (t *textWriter) word(w string) {
	if t.b.Len() > 0 {
		switch {
		case t.nl > 0:
			t.b.WriteString(strings.Repeat("\n", t.nl))
		case t.space:
			t.b.WriteByte(' ')
		}
	}
	t.b.WriteString(w)
	t.nl, t.space = 0, false
}

func (t *textWriter) node(n *html.Node, pre bool) {
	switch n.Type {
	case html.TextNode:
		if pre {
			lines := strings.Split(n.Data, "\n")
			for i, l := range lines {
				if i > 0 {
					t.brk(1)
				}
				if l != "" {
					t.word(l)
				}
			}
			return
		}
		first, _ := utf8.DecodeRuneInString(n.Data)
		last, _ := utf8.DecodeLastRuneInString(n.Data)
		if isSpace(first) {
			t.space = true
		}
		for i, w := range strings.FieldsFunc(n.Data, isSpace) {
			if i > 0 {
				t.space = true
			}
			t.word(w) // with no space due, it continues the word of the text before: "re" + "port"
		}
		if isSpace(last) {
			t.space = true
		}
		return
	case html.ElementNode:
	default:
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			t.node(c, pre)
		}
		return
	}
	if invisibleTags[n.DataAtom] || strings.EqualFold(attr(n, "aria-hidden"), "true") {
		return
	}
	gap := 0
	switch {
	case n.DataAtom == atom.Br:
		t.brk(1)
		return
	case paragraphTags[n.DataAtom]:
		gap = 2
	case lineTags[n.DataAtom]:
		gap = 1
	case n.DataAtom == atom.Td || n.DataAtom == atom.Th:
		t.space = true
	}
	t.brk(gap)
	pre = pre || n.DataAtom == atom.Pre
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		t.node(c, pre)
	}
	t.brk(gap)
}

// isSpace is HTML's ASCII white space plus the no-break space pages use to glue words.
func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\f', '\u00a0':
		return true
	}
	return false
}

// readMeta collects the page's metadata in one walk.
func readMeta(doc *html.Node) pageMeta {
	m := pageMeta{props: map[string]string{}}
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		if v := attr(n, "itemprop"); strings.EqualFold(v, "datePublished") && m.itemDate == "" {
			m.itemDate = firstOf(attr(n, "content"), attr(n, "datetime"), textOf(n))
		}
		switch n.DataAtom {
		case atom.Html:
			m.lang = firstOf(m.lang, attr(n, "lang"), attr(n, "xml:lang"))
		case atom.Title:
			if m.title == "" && n.Namespace == "" {
				m.title = textOf(n)
			}
		case atom.H1:
			m.h1 = firstOf(m.h1, textOf(n))
		case atom.Meta:
			key := strings.ToLower(strings.TrimSpace(firstOf(attr(n, "property"), attr(n, "name"), attr(n, "itemprop"))))
			if v := strings.TrimSpace(attr(n, "content")); key != "" && v != "" && m.props[key] == "" {
				m.props[key] = v
			}
		case atom.Link:
			if hasToken(attr(n, "rel"), "canonical") {
				m.canonical = firstOf(m.canonical, attr(n, "href"))
			}
		case atom.Time:
			if m.timeAttr == "" || hasToken(attr(n, "class"), "published") || attr(n, "pubdate") != "" {
				if v := attr(n, "datetime"); v != "" {
					m.timeAttr = v
				}
			}
		case atom.Script:
			if m.ld == (linkedData{}) && strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") {
				m.ld = readLinkedData(textOf(n))
			}
		}
	}
	return m
}

// Tags that never hold an article's text: page furniture, forms, embedded media.
var clutterTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Nav: true, atom.Footer: true, atom.Aside: true, atom.Form: true, atom.Iframe: true,
	atom.Svg: true, atom.Button: true, atom.Select: true, atom.Input: true, atom.Textarea: true,
	atom.Object: true, atom.Embed: true, atom.Canvas: true, atom.Dialog: true, atom.Menu: true,
}

// ARIA roles of page furniture.
var clutterRoles = map[string]bool{
	"navigation": true, "banner": true, "contentinfo": true, "complementary": true,
	"search": true, "menu": true, "menubar": true, "dialog": true, "alertdialog": true,
}

// Class names and ids that mark advertising. Readability scores many more patterns
// itself; these are the ones it keeps when an ad sits inside the article's own block.
var adNames = map[string]bool{
	"ad": true, "ads": true, "advert": true, "advertisement": true, "adsbygoogle": true,
	"ad-slot": true, "ad-container": true, "ad-wrapper": true, "sponsored": true,
}

// removeClutter removes what is never article text before readability scores the page,
// so a long footer or a menu cannot win as the "main content".
func removeClutter(doc *html.Node) {
	var doomed []*html.Node
	for n := range doc.Descendants() {
		if n.Type == html.CommentNode || n.Type == html.ElementNode && isClutter(n) {
			doomed = append(doomed, n)
		}
	}
	for _, n := range doomed {
		if n.Parent != nil {
			n.Parent.RemoveChild(n)
		}
	}
}

func isClutter(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Html, atom.Body, atom.Main, atom.Article:
		return false
	}
	if clutterTags[n.DataAtom] || clutterRoles[strings.ToLower(attr(n, "role"))] {
		return true
	}
	if strings.EqualFold(attr(n, "aria-hidden"), "true") || hasAttr(n, "hidden") {
		return true
	}
	if adNames[strings.ToLower(attr(n, "id"))] {
		return true
	}
	for _, c := range strings.Fields(strings.ToLower(attr(n, "class"))) {
		if adNames[c] {
			return true
		}
	}
	return false
}

// readLinkedData reads the first article object of a JSON-LD script: the object itself,
// an element of a list, or a node of its @graph.
func readLinkedData(src string) linkedData {
	var v any
	if json.Unmarshal([]byte(src), &v) != nil {
		return linkedData{}
	}
	obj := findArticle(v, 0)
	if obj == nil {
		return linkedData{}
	}
	return linkedData{
		headline:  firstOf(str(obj["headline"]), str(obj["name"])),
		author:    names(obj["author"]),
		publisher: names(obj["publisher"]),
		published: str(obj["datePublished"]),
		url:       str(obj["url"]),
	}
}

var articleType = regexp.MustCompile(`(?i)article|blogposting|report`)

// findArticle returns the first object whose @type is an article kind, searching lists
// and graphs a few levels deep.
func findArticle(v any, depth int) map[string]any {
	if depth > 6 {
		return nil
	}
	switch v := v.(type) {
	case []any:
		for _, x := range v {
			if o := findArticle(x, depth+1); o != nil {
				return o
			}
		}
	case map[string]any:
		for _, t := range strs(v["@type"]) {
			if articleType.MatchString(t) {
				return v
			}
		}
		if o := findArticle(v["mainEntity"], depth+1); o != nil {
			return o
		}
		return findArticle(v["@graph"], depth+1)
	}
	return nil
}

// names reads a schema.org person or organisation: a string, an object with a name,
// or a list of either.
func names(v any) string {
	switch v := v.(type) {
	case string:
		return strings.TrimSpace(v)
	case map[string]any:
		return str(v["name"])
	case []any:
		var out []string
		for _, x := range v {
			if s := names(x); s != "" {
				out = append(out, s)
			}
		}
		return strings.Join(out, ", ")
	}
	return ""
}

func str(v any) string {
	s, _ := v.(string)
	return strings.TrimSpace(s)
}

func strs(v any) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []any:
		var out []string
		for _, x := range v {
			if s, ok := x.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

func hasToken(list, tok string) bool {
	for _, t := range strings.Fields(list) {
		if strings.EqualFold(t, tok) {
			return true
		}
	}
	return false
}

// textOf returns the text inside n with white space collapsed.
func textOf(n *html.Node) string {
	var b strings.Builder
	for c := range n.Descendants() {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
			b.WriteByte(' ')
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

func firstOf(vs ...string) string {
	for _, v := range vs {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

// webURL returns u when it is an absolute http(s) address; a relative canonical link
// cannot be resolved without the page's own address, which a saved file does not keep.
func webURL(u string) string {
	u = strings.TrimSpace(u)
	p, err := url.Parse(u)
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return ""
	}
	return u
}

// notURL drops an article:author that is a profile link rather than a name.
func notURL(s string) string {
	if webURL(s) != "" {
		return ""
	}
	return s
}

func stripBy(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 3 && strings.EqualFold(s[:3], "by ") {
		s = s[3:]
	}
	return s
}

// stripSite drops the outlet's name that pages append to their titles: "Vote passes | The Gazette".
func stripSite(title, site string) string {
	if site == "" {
		return title
	}
	for _, sep := range []string{" | ", " - ", " – ", " — ", " · ", " :: "} {
		if t, ok := strings.CutSuffix(title, sep+site); ok && strings.TrimSpace(t) != "" {
			return strings.TrimSpace(t)
		}
	}
	return title
}

// language keeps a plausible language tag ("en", "pt-BR"): ASCII letters, digits and
// hyphens (or the underscores of locale names), at most 35 of them.
func language(s string) string {
	s = strings.TrimSpace(s)
	if len(s) > 35 {
		return ""
	}
	for _, c := range []byte(s) {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return ""
		}
	}
	return s
}
