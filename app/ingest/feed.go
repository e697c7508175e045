package ingest

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"
	"github.com/mmcdole/gofeed/atom"
	"github.com/mmcdole/gofeed/rss"
	xunicode "golang.org/x/text/encoding/unicode"

	"dossier/app"
)

// MaxFeedItems is the most items read from one feed file. A feed carries a few dozen
// items as a rule; one with more is an archive export. Past this many the rest are left
// out, and the import says so, so that one file cannot take the memory of a whole import.
const MaxFeedItems = 20000

// maxFeedDepth is the deepest a feed's elements may nest. A feed is four or five levels
// deep, with XHTML content a few dozen; the limit only stops files built to exhaust
// memory (see scanXML).
const maxFeedDepth = 256

// feedPeek is how much of a file looksLikeFeed reads, as gofeed's own detection does.
const feedPeek = 4096

// looksLikeFeed reports whether data is an RSS or Atom document, whatever the file is
// called: its root element is rss, rdf:RDF or feed.
func looksLikeFeed(data []byte) bool {
	head := data[:min(len(data), feedPeek)]
	if bytes.HasPrefix(head, utf16LEBOM) || bytes.HasPrefix(head, utf16BEBOM) {
		head, _ = xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM).NewDecoder().Bytes(head[:len(head)&^1])
	}
	head = bytes.TrimLeft(bytes.TrimPrefix(head, utf8BOM), " \t\r\n")
	if !bytes.HasPrefix(head, []byte("<")) {
		return false
	}
	// Only the root element's name matters here; a declared encoding could only get in
	// the way (UTF-16 already decoded above, a label the converter does not know).
	head = xmlDecl.ReplaceAll(head, nil)
	switch gofeed.DetectFeedType(bytes.NewReader(head)) {
	case gofeed.FeedTypeRSS, gofeed.FeedTypeAtom:
		return true
	}
	return false
}

// parseFeed reads each item of an RSS or Atom feed as an article. When it can read only
// part of the feed (more than MaxFeedItems items, a file cut off in the middle, items
// with nothing to file), it returns the articles it read along with an error that says
// what was left out.
func parseFeed(name string, data []byte) ([]app.Article, decoding, error) {
	data, d, err := feedUTF8(name, data)
	if err != nil {
		return nil, d, err
	}
	if !looksLikeFeed(data) {
		// gofeed would try it as a JSON feed, or fail to say more than this
		return nil, d, fileErr(name, "could not be read as an RSS or Atom feed: it does not start with an <rss>, <rdf:RDF> or <feed> element.")
	}
	var left []string // what was left out, for the researcher
	shape := scanXML(data, maxFeedDepth, MaxFeedItems)
	switch {
	case shape.tooDeep:
		return nil, d, fileErr(name, "nests its elements more than %d levels deep; no feed does that, so it was not read.", maxFeedDepth)
	case shape.items > MaxFeedItems:
		left = append(left, fmt.Sprintf("the feed has more than %s items; only the first %s were read", thousands(MaxFeedItems), thousands(MaxFeedItems)))
	case shape.lostItem:
		left = append(left, fmt.Sprintf("the file is cut off in the middle of item %s, which was left out", thousands(shape.items)))
	}
	var r io.Reader = bytes.NewReader(data)
	if shape.cut >= 0 {
		r = closeAt(data, shape)
	}
	f, err := readFeed(r)
	if err != nil {
		return nil, d, fileErr(name, "could not be read as an RSS or Atom feed (%v).", err)
	}
	if len(f.Items) == 0 {
		return nil, d, fileErr(name, "is a feed with no items.")
	}
	sources := itemSources(f)
	arts := make([]app.Article, 0, len(f.Items))
	var refused []string
	for i, it := range f.Items {
		a := feedArticle(f, it, sources[i])
		f.Items[i] = nil // done with it: let the collector have it while the rest are read
		if err := finish(name, &a); err != nil {
			refused = append(refused, fmt.Sprintf("item %s: %s", thousands(i+1), app.ErrorMessage(err)))
			continue
		}
		arts = append(arts, a)
	}
	if len(refused) > 0 {
		left = append(left, fmt.Sprintf("%s of %s items could not be filed (%s)", thousands(len(refused)), thousands(len(f.Items)), firstFew(refused, 3)))
	}
	if len(arts) == 0 {
		return nil, d, fileErr(name, "is a feed with no item that can be filed: %s.", strings.Join(left, "; "))
	}
	if len(left) > 0 {
		return arts, d, fileErr(name, "was read in part: %s.", strings.Join(left, "; "))
	}
	return arts, d, nil
}

// readFeed runs gofeed. Its parsers are lenient by design and read text from the wild;
// a panic in them on a strange file becomes an error, so one file cannot end an import.
func readFeed(r io.Reader) (f *gofeed.Feed, err error) {
	defer func() {
		if r := recover(); r != nil {
			f, err = nil, fmt.Errorf("the feed reader failed: %v", r)
		}
	}()
	p := gofeed.NewParser()
	p.KeepOriginalFeed = true // for each item's <source>, which the common form drops
	// The image scan parses every item's HTML once more, for a picture Dossier does not keep.
	p.RSSTranslator = &gofeed.DefaultRSSTranslator{DisableContentImageScan: true}
	return p.Parse(r)
}

// itemSources returns, for each item, the outlet its <source> element names: a feed
// that gathers other outlets' stories says whose each one is.
func itemSources(f *gofeed.Feed) []string {
	out := make([]string, len(f.Items))
	switch orig := f.OriginalFeed().(type) {
	case *rss.Feed:
		for i, it := range orig.Items {
			if i < len(out) && it.Source != nil {
				out[i] = it.Source.Title
			}
			orig.Items[i] = nil
		}
	case *atom.Feed:
		for i, e := range orig.Entries {
			if i < len(out) && e.Source != nil {
				out[i] = e.Source.Title
			}
			orig.Entries[i] = nil
		}
	}
	return out
}

// feedArticle makes an article of one item. The text is the item's full content when it
// has one, else its description, reduced to plain text when it is HTML, then read like a
// text file for a dateline or byline the outlet put at its top.
func feedArticle(f *gofeed.Feed, it *gofeed.Item, source string) app.Article {
	a := app.Article{
		Title:    inlineText(it.Title),
		URL:      firstOf(webURL(it.Link), firstWebURL(it.Links), webURL(it.GUID)),
		Author:   people(it.Authors),
		Source:   firstOf(inlineText(source), inlineText(f.Title)),
		Language: language(f.Language),
		Date:     itemDate(it),
		Tags:     it.Categories,
	}
	if a.Author == "" && f.FeedType == "atom" {
		a.Author = people(f.Authors) // in Atom an entry without an author has the feed's
	}
	text := richText(it.Content)
	if text == "" {
		text = richText(it.Description)
	}
	fromLines(&a, strings.Split(text, "\n"), nil)
	switch {
	case a.Body == "" && a.Title != "":
		// A headline-only feed still says what was published, where and when.
		a.Body = a.Title
		a.Notes = "The feed gave no text for this item that Dossier could read; its headline stands in for it."
	case a.Title == "":
		a.Title = opening(a.Body)
	}
	return a
}

// itemDate is the day an item was published, or failing that last updated, in the time
// zone the feed gives.
func itemDate(it *gofeed.Item) app.Date {
	// The text first: gofeed gives its times in UTC, which can change the day.
	for _, raw := range []string{it.Published, it.Updated} {
		if d, ok := looseDate(raw); ok {
			return d
		}
	}
	for _, t := range []*time.Time{it.PublishedParsed, it.UpdatedParsed} {
		if t != nil && t.Year() > 1 {
			if d := app.DateOf(*t); d.Validate() == nil {
				return d
			}
		}
	}
	return ""
}

// people names the persons of a feed: their names, or their addresses when nameless.
func people(ps []*gofeed.Person) string {
	var out []string
	seen := map[string]bool{}
	for _, p := range ps {
		if p == nil {
			continue
		}
		n := inlineText(firstOf(p.Name, p.Email))
		if n != "" && !seen[app.Fold(n)] {
			seen[app.Fold(n)] = true
			out = append(out, n)
		}
	}
	return strings.Join(out, ", ")
}

func firstWebURL(us []string) string {
	for _, u := range us {
		if u = webURL(u); u != "" {
			return u
		}
	}
	return ""
}

// opening makes a title of the start of a text: its first line, cut at a word near 100
// characters.
func opening(body string) string {
	first, _, _ := strings.Cut(strings.TrimSpace(body), "\n")
	if utf8.RuneCountInString(first) <= 100 {
		return first
	}
	cut := truncateRunes(first, 100)
	if i := strings.LastIndexByte(cut, ' '); i > 40 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:") + "…"
}

// feedUTF8 gives the XML parser bytes it can read. UTF-16 is turned into UTF-8 (Go's XML
// parser reads neither UTF-16 nor its declaration), and a file that declares no encoding,
// or UTF-8, but is Windows-1252 is converted as text files are. Files declaring another
// encoding are left to the parser, which converts them itself.
func feedUTF8(name string, data []byte) ([]byte, decoding, error) {
	switch {
	case bytes.HasPrefix(data, utf16LEBOM), bytes.HasPrefix(data, utf16BEBOM):
		out, err := xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM).NewDecoder().Bytes(data)
		if err != nil {
			return nil, decoding{}, fileErr(name, "is not valid UTF-16 text.")
		}
		return xmlDecl.ReplaceAll(out, []byte(`<?xml version="1.0"?>`)), decoding{}, nil
	case bytes.IndexByte(data, 0) >= 0:
		return nil, decoding{}, binaryErr(name)
	}
	data = bytes.TrimPrefix(data, utf8BOM)
	if utf8.Valid(data) {
		return data, decoding{}, nil
	}
	if enc := declaredEncoding(data); enc != "" && !isUTF8Label(enc) {
		// The parser converts it; what it cannot read shows as U+FFFD, which the
		// article's warnings count.
		return data, decoding{enc: enc, how: ", the encoding the feed declares"}, nil
	}
	s, d := toText(data, nil)
	if d.replaced > 0 && d.replaced*10 > utf8.RuneCountInString(s) {
		return nil, d, fileErr(name, "is not valid UTF-8 text and does not say which encoding it is in; it may be damaged. Save it as UTF-8 and try again.")
	}
	return []byte(s), d, nil
}

// xmlDecl finds an XML declaration at the start of a document, and xmlEncoding the
// encoding it names.
var (
	xmlDecl     = regexp.MustCompile(`^\s*<\?xml[^>]*\?>`)
	xmlEncoding = regexp.MustCompile(`encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']`)
)

// declaredEncoding returns the encoding the XML declaration names, if any.
func declaredEncoding(data []byte) string {
	decl := xmlDecl.Find(data[:min(len(data), 512)])
	if m := xmlEncoding.FindSubmatch(decl); m != nil {
		return string(m[1])
	}
	return ""
}

func isUTF8Label(s string) bool {
	s = strings.ToLower(s)
	return s == "utf-8" || s == "utf8"
}

// thousands writes n with thousands separators, as the messages show counts.
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// firstFew joins the first n of msgs and says how many more there are.
func firstFew(msgs []string, n int) string {
	if len(msgs) <= n {
		return strings.Join(msgs, "; ")
	}
	return strings.Join(msgs[:n], "; ") + fmt.Sprintf("; and %s more", thousands(len(msgs)-n))
}
