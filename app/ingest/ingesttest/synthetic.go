// Package ingesttest writes made-up article files, as researchers import them, for the
// tests and benchmarks of the import. It is not part of the shipped program.
package ingesttest

import (
	"fmt"
	"html"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Shape of the files WriteSyntheticFiles writes.
const (
	PerFolder        = 1000 // files per subfolder
	FeedItems        = 10   // items per feed file
	synthVocabulary  = 6000 // invented words, used with Zipf frequencies like real prose
	synthTargetBytes = 3000 // text per article, roughly
)

// WriteSyntheticFiles writes n made-up news articles under dir, as the files researchers
// import: about 60% saved web pages (with navigation, ads, footers and metadata), 30%
// plain-text files with a headline, dateline and byline, and 10% items of RSS and Atom
// feeds of 10 items each, so a feed file counts for up to 10 of the n articles. Each
// article has about 3 KB of text in invented words and names, a URL of its own and a text
// of its own, so none is a duplicate of another. The files go in subfolders of 1,000.
// The output depends only on n and seed.
func WriteSyntheticFiles(dir string, n int, seed uint64) error {
	g := newSynth(seed)
	w := synthWriter{dir: dir}
	var feed []synthArticle
	for i := range n {
		a := g.article(i)
		switch slot := i % 100; {
		case slot < 60:
			if err := w.write(fmt.Sprintf("a%06d.html", i), a.page()); err != nil {
				return err
			}
		case slot < 90:
			if err := w.write(fmt.Sprintf("a%06d.txt", i), a.text()); err != nil {
				return err
			}
		default:
			feed = append(feed, a)
		}
		if len(feed) == FeedItems || len(feed) > 0 && (i == n-1 || i%100 == 99) {
			name, data := feedFile(feed)
			if err := w.write(name, data); err != nil {
				return err
			}
			feed = feed[:0]
		}
	}
	return nil
}

// synthWriter numbers the files it writes and starts a new subfolder every 1,000.
type synthWriter struct {
	dir   string
	files int
}

func (w *synthWriter) write(name, data string) error {
	sub := filepath.Join(w.dir, fmt.Sprintf("d%04d", w.files/PerFolder))
	if w.files%PerFolder == 0 {
		if err := os.MkdirAll(sub, 0o755); err != nil {
			return err
		}
	}
	w.files++
	return os.WriteFile(filepath.Join(sub, name), []byte(data), 0o644)
}

// synth draws the parts of articles: a vocabulary, outlets, people and places, all
// invented from syllables for the seed.
type synth struct {
	seed    uint64
	words   []string
	outlets []synthOutlet
	people  []string
	places  []string
	topics  []string
}

type synthOutlet struct{ name, host string }

var (
	synthSyllables = strings.Fields("ka lo mer vin dra sel tor bri an ost el mun qua rin zet pol hav ned ul tes gar fi ros ben ly cam dor ish vel tam ep sor nu hal gri bo ter jin wa pe")
	synthFunction  = strings.Fields("the the the of of and and in in to a a on for with by at from that was is said its as after over")
	synthMastheads = strings.Fields("Courier Herald Ledger Gazette Chronicle Post Observer Record Tribune Bulletin Dispatch Mirror")
	synthSections  = strings.Fields("Politics Economy Region World Culture Sport Opinion Weather")
	synthVerbs     = strings.Fields("said announced confirmed rejected proposed delayed approved questioned reported denied")
)

func newSynth(seed uint64) *synth {
	r := rand.New(rand.NewPCG(seed, 0x5eed))
	g := &synth{seed: seed}
	seen := map[string]bool{}
	for len(g.words) < synthVocabulary {
		if w := synthWord(r, 1+r.IntN(3)); !seen[w] {
			seen[w] = true
			g.words = append(g.words, w)
		}
	}
	for i := range 40 {
		w := g.words[200+i*7]
		g.outlets = append(g.outlets, synthOutlet{
			name: "The " + title(w) + " " + synthMastheads[i%len(synthMastheads)],
			host: w + strings.ToLower(synthMastheads[i%len(synthMastheads)]) + ".example",
		})
	}
	for range 400 {
		g.people = append(g.people, title(synthWord(r, 2))+" "+title(synthWord(r, 2+r.IntN(2))))
	}
	for range 120 {
		g.places = append(g.places, title(synthWord(r, 2+r.IntN(2))))
	}
	g.topics = g.words[50:90]
	return g
}

func synthWord(r *rand.Rand, syllables int) string {
	var b strings.Builder
	for range syllables {
		b.WriteString(synthSyllables[r.IntN(len(synthSyllables))])
	}
	return b.String()
}

func title(w string) string {
	if w == "" {
		return w
	}
	return strings.ToUpper(w[:1]) + w[1:]
}

// synthArticle is one generated article, ready to be written in any format.
type synthArticle struct {
	n                           int
	title, outlet, host, author string
	place, section, slug        string
	date                        time.Time
	paragraphs                  []string
	tags                        []string
	variant                     int // varies the layout within a format
}

// article makes article i. Its randomness comes from (seed, i) alone, so any article can
// be made without the ones before it.
func (g *synth) article(i int) synthArticle {
	r := rand.New(rand.NewPCG(g.seed, uint64(i)+1))
	zipf := rand.NewZipf(r, 1.07, 2, uint64(len(g.words)-1))
	o := g.outlets[r.IntN(len(g.outlets))]
	a := synthArticle{
		n: i, outlet: o.name, host: o.host,
		author:  g.people[r.IntN(len(g.people))],
		place:   g.places[r.IntN(len(g.places))],
		section: synthSections[r.IntN(len(synthSections))],
		date:    time.Date(2024, 1, 1, 6, 0, 0, 0, time.UTC).Add(time.Duration(r.IntN(3*365*24*60)) * time.Minute),
		variant: r.IntN(4),
	}
	subject := title(g.words[zipf.Uint64()%uint64(len(g.words))])
	actor := g.people[r.IntN(len(g.people))]
	verb, other := synthVerbs[r.IntN(len(synthVerbs))], g.words[r.IntN(len(g.words))]
	switch r.IntN(4) {
	case 0:
		a.title = fmt.Sprintf("%s %s %s plan for %s", actor, verb, subject, a.place)
	case 1:
		a.title = fmt.Sprintf("%s: %s council %s %s %s", a.place, subject, verb, other, g.words[r.IntN(len(g.words))])
	case 2:
		a.title = fmt.Sprintf("Why %s %s the %s %s", actor, verb, subject, other)
	default:
		a.title = fmt.Sprintf("%s %s after %s talks in %s", subject, verb, other, a.place)
	}
	a.slug = strings.ToLower(strings.NewReplacer(" ", "-").Replace(subject + " " + a.place))
	a.tags = []string{g.topics[r.IntN(len(g.topics))], strings.ToLower(a.section)}
	size := 0
	for size < synthTargetBytes {
		p := g.paragraph(r, zipf, actor)
		a.paragraphs = append(a.paragraphs, p)
		size += len(p) + 2
	}
	// A reference of its own makes the text unique whatever the dice did.
	a.paragraphs[len(a.paragraphs)-1] += fmt.Sprintf(" Filed under reference %x-%d.", g.seed, i)
	return a
}

// paragraph writes two to five sentences of invented prose about actor.
func (g *synth) paragraph(r *rand.Rand, zipf *rand.Zipf, actor string) string {
	var b strings.Builder
	for s := range 2 + r.IntN(4) {
		if s > 0 {
			b.WriteByte(' ')
		}
		n := 9 + r.IntN(14)
		for k := range n {
			var w string
			switch {
			case k == 0 && r.IntN(3) == 0:
				w = actor
			case r.IntN(3) == 0:
				w = synthFunction[r.IntN(len(synthFunction))]
			case r.IntN(25) == 0:
				w = g.places[r.IntN(len(g.places))]
			case r.IntN(30) == 0:
				w = fmt.Sprint(r.IntN(2000))
			default:
				w = g.words[zipf.Uint64()]
			}
			if k == 0 {
				w = title(w)
			} else {
				b.WriteByte(' ')
			}
			b.WriteString(w)
			if k < n-1 && r.IntN(12) == 0 {
				b.WriteByte(',')
			}
		}
		b.WriteByte('.')
	}
	return b.String()
}

func (a synthArticle) url() string {
	return fmt.Sprintf("https://%s/%d/%s-%d", a.host, a.date.Year(), a.slug, a.n)
}

// page renders the article as a saved web page, with the furniture readability drops.
func (a synthArticle) page() string {
	e := html.EscapeString
	var b strings.Builder
	b.Grow(synthTargetBytes + 2500)
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>%s | %s</title>\n", e(a.title), e(a.outlet))
	fmt.Fprintf(&b, "<meta property=\"og:site_name\" content=\"%s\">\n<meta property=\"og:title\" content=\"%s\">\n", e(a.outlet), e(a.title))
	fmt.Fprintf(&b, "<meta property=\"og:url\" content=\"%s?utm_source=share\">\n<link rel=\"canonical\" href=\"%s\">\n", a.url(), a.url())
	switch a.variant {
	case 0, 1:
		fmt.Fprintf(&b, "<meta property=\"article:published_time\" content=\"%s\">\n<meta name=\"author\" content=\"%s\">\n", a.date.Format(time.RFC3339), e(a.author))
	case 2:
		fmt.Fprintf(&b, "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":%q,\"datePublished\":%q,\"author\":{\"@type\":\"Person\",\"name\":%q},\"publisher\":{\"@type\":\"Organization\",\"name\":%q}}</script>\n",
			a.title, a.date.Format(time.RFC3339), a.author, a.outlet)
	}
	b.WriteString("<style>body{font-family:serif;max-width:40em;margin:auto}.ad{background:#eee}</style>\n")
	b.WriteString("<script>window.dataLayer=window.dataLayer||[];dataLayer.push({page:'article'});</script>\n</head>\n<body>\n")
	fmt.Fprintf(&b, "<header class=\"masthead\"><a href=\"https://%s/\">%s</a>\n<nav><ul>", a.host, e(a.outlet))
	for _, s := range synthSections {
		fmt.Fprintf(&b, "<li><a href=\"/%s\">%s</a></li>", strings.ToLower(s), s)
	}
	b.WriteString("</ul></nav></header>\n<main>\n<article>\n")
	fmt.Fprintf(&b, "<h1>%s</h1>\n<p class=\"byline\">By %s</p>\n", e(a.title), e(a.author))
	if a.variant != 2 {
		fmt.Fprintf(&b, "<time datetime=\"%s\">%s</time>\n", a.date.Format(time.RFC3339), a.date.Format("2 January 2006"))
	}
	for i, p := range a.paragraphs {
		fmt.Fprintf(&b, "<p>%s</p>\n", e(p))
		if i == 1 {
			b.WriteString("<div class=\"ad\"><p>Advertisement</p></div>\n")
		}
	}
	b.WriteString("</article>\n<aside><h2>Most read</h2><ol>")
	for i := range 4 {
		fmt.Fprintf(&b, "<li><a href=\"/story/%d\">%s story %d</a></li>", a.n*4+i, a.section, i+1)
	}
	b.WriteString("</ol></aside>\n</main>\n")
	fmt.Fprintf(&b, "<footer><p>© %d %s</p><p><a href=\"/about\">About</a> · <a href=\"/privacy\">Privacy</a></p></footer>\n</body>\n</html>\n", a.date.Year(), e(a.outlet))
	return b.String()
}

// text renders the article as a plain-text file: headline, dateline, byline, text.
func (a synthArticle) text() string {
	var b strings.Builder
	b.Grow(synthTargetBytes + 200)
	b.WriteString(a.title + "\n")
	switch a.variant {
	case 0, 1:
		fmt.Fprintf(&b, "%s, %s\n", strings.ToUpper(a.place), a.date.Format("Jan. 2, 2006"))
	case 2:
		b.WriteString(a.date.Format("2 January 2006") + "\n")
	}
	fmt.Fprintf(&b, "By %s\n\n", a.author)
	for i, p := range a.paragraphs {
		if i == 0 && a.variant == 3 {
			p = strings.ToUpper(a.place) + ", " + a.date.Format("Jan. 2, 2006") + " — " + p // the dateline opening the text
		}
		b.WriteString(p + "\n\n")
	}
	return b.String()
}

// feedFile renders articles as one feed: RSS 2.0 or, one time in three, Atom.
func feedFile(arts []synthArticle) (name, data string) {
	first := arts[0]
	e := html.EscapeString
	var b strings.Builder
	b.Grow(len(arts) * (synthTargetBytes + 800))
	b.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
	if first.n/100%3 == 2 {
		fmt.Fprintf(&b, "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n<title>%s</title>\n<id>https://%s/feed</id>\n<updated>%s</updated>\n",
			e(first.outlet), first.host, first.date.Format(time.RFC3339))
		for _, a := range arts {
			fmt.Fprintf(&b, "<entry>\n<title>%s</title>\n<id>%s</id>\n<link rel=\"alternate\" href=\"%s\"/>\n<published>%s</published>\n<updated>%s</updated>\n<author><name>%s</name></author>\n<category term=\"%s\"/>\n<content type=\"html\">%s</content>\n</entry>\n",
				e(a.title), a.url(), a.url(), a.date.Format(time.RFC3339), a.date.Format(time.RFC3339), e(a.author), e(a.tags[0]), e(a.htmlBody()))
		}
		b.WriteString("</feed>\n")
		return fmt.Sprintf("feed%06d.atom", first.n), b.String()
	}
	fmt.Fprintf(&b, "<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\n<channel>\n<title>%s</title>\n<link>https://%s/</link>\n<description>News from %s</description>\n<language>en</language>\n",
		e(first.outlet), first.host, e(first.outlet))
	for _, a := range arts {
		fmt.Fprintf(&b, "<item>\n<title>%s</title>\n<link>%s</link>\n<guid>%s</guid>\n<pubDate>%s</pubDate>\n<dc:creator>%s</dc:creator>\n<category>%s</category>\n",
			e(a.title), a.url(), a.url(), a.date.Format(time.RFC1123Z), e(a.author), e(a.tags[0]))
		fmt.Fprintf(&b, "<description>%s</description>\n<content:encoded><![CDATA[%s]]></content:encoded>\n</item>\n",
			e(a.paragraphs[0][:min(len(a.paragraphs[0]), 120)]), a.htmlBody())
	}
	b.WriteString("</channel>\n</rss>\n")
	return fmt.Sprintf("feed%06d.xml", first.n), b.String()
}

// htmlBody is the article's text as the HTML a feed carries.
func (a synthArticle) htmlBody() string {
	var b strings.Builder
	for i, p := range a.paragraphs {
		if i == 0 {
			fmt.Fprintf(&b, "<p>%s — %s</p>", strings.ToUpper(html.EscapeString(a.place)), html.EscapeString(p))
			continue
		}
		fmt.Fprintf(&b, "<p>%s</p>", html.EscapeString(p))
	}
	return b.String()
}
