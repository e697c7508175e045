package ingest

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"dossier/app"
)

// Fixtures written for these tests: a made-up regional election in a made-up province,
// covered by made-up outlets.

const electionRSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>The Lowmarsh Ledger — Election</title>
  <link>https://ledger.example/election</link>
  <description>Coverage of the Lowmarsh provincial election</description>
  <language>en-GB</language>
  <item>
    <title>Turnout tops 61% in Lowmarsh provincial vote</title>
    <link>https://ledger.example/election/turnout</link>
    <guid isPermaLink="false">ledger-4411</guid>
    <pubDate>Mon, 02 Mar 2026 21:15:00 +0100</pubDate>
    <dc:creator>Mara Quell</dc:creator>
    <category>election</category>
    <category>Lowmarsh</category>
    <description><![CDATA[<p>KESTREL BAY, March 2, 2026 &mdash; Turnout in the Lowmarsh provincial election reached 61.4 per cent, the highest in two decades, the electoral board said on Monday night.</p>
<p>Queues formed outside <a href="https://ledger.example/map">polling stations</a> in the river districts well before they opened.</p>
<script>trackVisit("rss")</script><p>Counting continues in the northern wards.</p>]]></description>
  </item>
  <item>
    <title>Greens and Farmers&#39; League agree to talks</title>
    <link>https://ledger.example/election/talks</link>
    <pubDate>Tue, 03 Mar 2026 09:30:00 +0100</pubDate>
    <author>desk@harbour.example (Oskar Lindqvane)</author>
    <source url="https://harbour.example/rss">Harbour Radio</source>
    <description>A short summary that the full text replaces.</description>
    <content:encoded><![CDATA[<h2>Coalition talks</h2><p>The Greens and the Farmers&#8217; League will open coalition talks on Thursday, both parties said.</p><ul><li>Greens: 14 seats</li><li>Farmers' League: 11 seats</li></ul><div class="ad">Advertisement: vote for soap</div><p>A majority needs 26 of the 50 seats.</p>]]></content:encoded>
  </item>
  <item>
    <description>The count in Dunmere ward was halted for an hour after a ballot box arrived without its seal. Officials said the box had been checked and counting resumed.</description>
    <pubDate>Tue, 03 Mar 2026 11:00:00 +0100</pubDate>
  </item>
  <item>
    <title>Live: results ward by ward</title>
    <link>https://ledger.example/election/live</link>
  </item>
</channel>
</rss>
`

const electionAtom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title type="text">Northfold Election Desk</title>
  <id>urn:uuid:6a1f0c2e-northfold</id>
  <updated>2026-03-04T08:00:00Z</updated>
  <author><name>Ilse Brandvik</name></author>
  <link rel="self" href="https://northfold.example/feed.atom"/>
  <entry>
    <title>Recount ordered in Saltholm East</title>
    <id>https://northfold.example/2026/recount</id>
    <link rel="alternate" href="https://northfold.example/2026/recount"/>
    <published>2026-03-03T23:40:00-05:00</published>
    <updated>2026-03-04T07:00:00Z</updated>
    <content type="html">&lt;p&gt;The electoral board ordered a recount in Saltholm East, where 37 votes separate the two leading candidates.&lt;/p&gt;&lt;p&gt;The recount will start on Friday.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>What the new assembly looks like</title>
    <id>tag:northfold.example,2026:assembly</id>
    <link href="https://northfold.example/2026/assembly"/>
    <updated>2026-03-05T10:00:00+01:00</updated>
    <author><name>Teodor Vasko</name></author>
    <category term="analysis" label="Analysis"/>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Fourteen of the fifty members are new.</p><p>Women hold <b>22</b> seats, up from 17.</p></div></content>
  </entry>
  <entry>
    <title>Board publishes final tally</title>
    <id>tag:northfold.example,2026:tally</id>
    <updated>2026-03-06T10:00:00Z</updated>
    <summary>The final tally confirms the provisional results.</summary>
  </entry>
</feed>
`

func TestParseRSS(t *testing.T) {
	arts, err := Parse("ledger.rss", []byte(electionRSS))
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 4 {
		t.Fatalf("%d articles, want 4", len(arts))
	}
	tests := []struct {
		title, url, author, source, dateline string
		date                                 app.Date
		body                                 []string // paragraphs the body must hold
		notBody                              []string
		tags                                 []string
	}{
		{
			title: "Turnout tops 61% in Lowmarsh provincial vote", url: "https://ledger.example/election/turnout",
			author: "Mara Quell", source: "The Lowmarsh Ledger — Election", dateline: "KESTREL BAY", date: "2026-03-02",
			body: []string{
				"KESTREL BAY, March 2, 2026 — Turnout in the Lowmarsh provincial election reached 61.4 per cent, the highest in two decades, the electoral board said on Monday night.\n\nQueues formed outside polling stations in the river districts well before they opened.\n\nCounting continues in the northern wards.",
			},
			notBody: []string{"trackVisit", "<p>", "&mdash;"},
			tags:    []string{"election", "Lowmarsh"},
		},
		{
			title: "Greens and Farmers' League agree to talks", url: "https://ledger.example/election/talks",
			author: "Oskar Lindqvane", source: "Harbour Radio", date: "2026-03-03",
			body:    []string{"Coalition talks\n\nThe Greens and the Farmers’ League will open coalition talks on Thursday, both parties said.\n\nGreens: 14 seats\nFarmers' League: 11 seats\n\nA majority needs 26 of the 50 seats."},
			notBody: []string{"summary that the full text replaces", "Advertisement"},
		},
		{
			title:  "The count in Dunmere ward was halted for an hour after a ballot box arrived without its seal.…",
			source: "The Lowmarsh Ledger — Election", date: "2026-03-03",
			body: []string{"Officials said the box had been checked and counting resumed."},
		},
		{
			title: "Live: results ward by ward", url: "https://ledger.example/election/live", source: "The Lowmarsh Ledger — Election",
			body: []string{"Live: results ward by ward"},
		},
	}
	for i, tt := range tests {
		a := arts[i]
		checkClean(t, a)
		if a.Title != tt.title || a.URL != tt.url || a.Author != tt.author || a.Source != tt.source ||
			a.Dateline != tt.dateline || a.Date != tt.date || a.Language != "en-GB" {
			t.Errorf("item %d: title %q url %q author %q source %q dateline %q date %q lang %q", i+1,
				a.Title, a.URL, a.Author, a.Source, a.Dateline, a.Date, a.Language)
		}
		for _, p := range tt.body {
			if !strings.Contains(a.Body, p) {
				t.Errorf("item %d: body lacks %q:\n%s", i+1, p, a.Body)
			}
		}
		for _, p := range tt.notBody {
			if strings.Contains(a.Body, p) {
				t.Errorf("item %d: body keeps %q:\n%s", i+1, p, a.Body)
			}
		}
		if tt.tags != nil && !slices.Equal(a.Tags, tt.tags) {
			t.Errorf("item %d: tags %q, want %q", i+1, a.Tags, tt.tags)
		}
		if a.Hash != app.ContentHash(a.Body) {
			t.Errorf("item %d: hash not set", i+1)
		}
	}
	// the title opening item 3 was not a headline, so the whole text stays the body
	if !strings.HasPrefix(arts[2].Body, "The count in Dunmere ward") {
		t.Errorf("item 3 body: %q", arts[2].Body)
	}
	if arts[3].Notes == "" {
		t.Error("a headline-only item should say so in its notes")
	}
}

func TestParseAtom(t *testing.T) {
	arts, err := Parse("northfold.atom", []byte(electionAtom))
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		title, url, author, body string
		date                     app.Date
		tags                     []string
	}{
		// the day as the feed wrote it (23:40 in its own zone), not as UTC has it
		{"Recount ordered in Saltholm East", "https://northfold.example/2026/recount", "Ilse Brandvik",
			"The electoral board ordered a recount in Saltholm East, where 37 votes separate the two leading candidates.\n\nThe recount will start on Friday.", "2026-03-03", nil},
		{"What the new assembly looks like", "https://northfold.example/2026/assembly", "Teodor Vasko",
			"Fourteen of the fifty members are new.\n\nWomen hold 22 seats, up from 17.", "2026-03-05", []string{"Analysis"}},
		{"Board publishes final tally", "", "Ilse Brandvik", "The final tally confirms the provisional results.", "2026-03-06", nil},
	}
	if len(arts) != len(want) {
		t.Fatalf("%d articles, want %d", len(arts), len(want))
	}
	for i, w := range want {
		a := arts[i]
		checkClean(t, a)
		if a.Title != w.title || a.URL != w.url || a.Author != w.author || a.Body != w.body || a.Date != w.date ||
			a.Source != "Northfold Election Desk" || a.Language != "en" && a.Language != "" || !slices.Equal(a.Tags, w.tags) {
			t.Errorf("entry %d: %+v", i+1, a)
		}
	}
}

func TestParseFeedDetectedByContent(t *testing.T) {
	for _, name := range []string{"ledger.xml", "ledger.txt", "ledger", "ledger.html", "LEDGER.XML"} {
		arts, err := Parse(name, []byte(electionRSS))
		if err != nil || len(arts) != 4 {
			t.Errorf("%s: %d articles, %v", name, len(arts), err)
		}
	}
	arts, err := Parse("northfold.xml", []byte("\uFEFF\n  "+electionAtom))
	if err != nil || len(arts) != 3 {
		t.Errorf("Atom with BOM as .xml: %d articles, %v", len(arts), err)
	}
	// XML that is not a feed is refused by name; XHTML saved as .xml is a page.
	_, err = Parse("config.xml", []byte(`<?xml version="1.0"?><settings><colour>blue</colour></settings>`))
	checkRefusal(t, err, "config.xml", "not an RSS or Atom feed")
	arts, err = Parse("page.xml", []byte(`<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>Recount ordered</title></head><body><p>The board ordered a recount in Saltholm East.</p></body></html>`))
	if err != nil || arts[0].Title != "Recount ordered" {
		t.Errorf("XHTML as .xml: %+v, %v", arts, err)
	}
	// A Markdown file is not sniffed as e-mail, an .rss that is not a feed is refused.
	_, err = Parse("notes.rss", []byte("Turnout was high.\nCounting goes on."))
	checkRefusal(t, err, "notes.rss", "could not be read as an RSS or Atom feed")
}

func TestParseFeedEncodings(t *testing.T) {
	latin := strings.ReplaceAll(electionRSS, `encoding="UTF-8"`, `encoding="ISO-8859-1"`)
	latin = strings.ReplaceAll(latin, "Turnout tops", "Scrutin: participation à")
	latin = strings.ReplaceAll(latin, " — Election", "")
	latinBytes, err := charmap.ISO8859_1.NewEncoder().Bytes([]byte(latin))
	if err != nil {
		t.Fatal(err)
	}
	undeclared := strings.ReplaceAll(latin, `encoding="ISO-8859-1"`, "")
	cp1252, err := charmap.Windows1252.NewEncoder().Bytes([]byte(undeclared))
	if err != nil {
		t.Fatal(err)
	}
	utf16, err := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(strings.ReplaceAll(latin, "ISO-8859-1", "UTF-16")))
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"declared Latin-1": latinBytes, "undeclared Windows-1252": cp1252, "UTF-16": utf16} {
		t.Run(name, func(t *testing.T) {
			arts, err := Parse("ledger.xml", data)
			if err != nil {
				t.Fatal(err)
			}
			if arts[0].Title != "Scrutin: participation à 61% in Lowmarsh provincial vote" || arts[0].Source != "The Lowmarsh Ledger" {
				t.Errorf("got %q from %q", arts[0].Title, arts[0].Source)
			}
		})
	}
	_, err = Parse("ledger.xml", []byte(`<rss version="2.0"><channel><title>T `+strings.Repeat("\xc3\xa9\x81\x8d\xc3\xff\xfe", 6)+`</title><item><title>x</title><description>y</description></item></channel></rss>`))
	checkRefusal(t, err, "ledger.xml", "not valid UTF-8")
}

// bigFeed writes an RSS feed of n items, each a short article with an HTML description.
func bigFeed(n int) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Lowmarsh Ward Bulletins</title>`)
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, `<item><title>Ward %d declares its result</title><link>https://bulletins.example/ward/%d</link>`+
			`<pubDate>Wed, 04 Mar 2026 %02d:%02d:00 +0100</pubDate><description>&lt;p&gt;Ward %d declared at %02d:%02d. `+
			`The returning officer read the figures twice, and the candidates shook hands on the steps of the town hall.&lt;/p&gt;`+
			`&lt;p&gt;Turnout in ward %d was %d.%d per cent.&lt;/p&gt;</description></item>`+"\n",
			i, i, i/60%24, i%60, i, i/60%24, i%60, i, 40+i%30, i%10)
	}
	b.WriteString("</channel></rss>\n")
	return []byte(b.String())
}

func TestParseFeedTenThousandItems(t *testing.T) {
	data := bigFeed(10000)
	arts, err := Parse("bulletins.xml", data)
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 10000 {
		t.Fatalf("%d articles", len(arts))
	}
	hashes := map[string]bool{}
	for i, a := range arts {
		if want := fmt.Sprintf("Ward %d declares its result", i+1); a.Title != want || a.Date != "2026-03-04" {
			t.Fatalf("article %d: %q %q", i, a.Title, a.Date)
		}
		hashes[a.Hash] = true
	}
	if len(hashes) != 10000 {
		t.Errorf("%d distinct texts", len(hashes))
	}
}

func TestParseFeedTooManyItems(t *testing.T) {
	arts, err := Parse("archive.xml", bigFeed(MaxFeedItems+5))
	if len(arts) != MaxFeedItems {
		t.Fatalf("%d articles, want %d", len(arts), MaxFeedItems)
	}
	checkRefusal(t, err, "archive.xml", "more than 20,000 items; only the first 20,000 were read")
	if last := arts[len(arts)-1].Title; last != fmt.Sprintf("Ward %d declares its result", MaxFeedItems) {
		t.Errorf("last article %q", last)
	}
}

func TestParseFeedCutOff(t *testing.T) {
	full := string(bigFeed(10))
	tests := []struct {
		name  string
		data  string
		n     int
		says  string // "" when nothing is lost
		title string // of the last article
	}{
		{"in the middle of item 6", full[:strings.Index(full, "Ward 6 declared")], 5, "cut off in the middle of item 6", "Ward 5 declares its result"},
		{"inside a tag of item 6", full[:strings.Index(full, "<item><title>Ward 6")+8], 5, "cut off in the middle of item 6", "Ward 5 declares its result"},
		{"after the last item", full[:strings.LastIndex(full, "</channel>")], 10, "", "Ward 10 declares its result"},
		{"inside the closing tag", full[:len(full)-4], 10, "", "Ward 10 declares its result"},
		{"inside a comment", full[:strings.Index(full, "<item>")] + "<!-- half a comm", 0, "no items", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, err := Parse("cut.rss", []byte(tt.data))
			if len(arts) != tt.n {
				t.Fatalf("%d articles, want %d (%v)", len(arts), tt.n, err)
			}
			if tt.says == "" {
				if err != nil {
					t.Errorf("nothing was lost, yet: %v", err)
				}
			} else {
				checkRefusal(t, err, "cut.rss", tt.says)
			}
			if tt.n > 0 && arts[tt.n-1].Title != tt.title {
				t.Errorf("last article %q", arts[tt.n-1].Title)
			}
		})
	}
}

func TestParseFeedRefuses(t *testing.T) {
	deep := `<rss version="2.0" xmlns:x="urn:x"><channel><title>T</title><item><title>a</title><description>b</description>` +
		strings.Repeat("<x:a>", 100000) + strings.Repeat("</x:a>", 100000) + `</item></channel></rss>`
	tests := []struct{ name, file, data, says string }{
		{"nested 100,000 deep", "deep.rss", deep, "more than 256 levels deep"},
		{"no items", "empty.rss", `<rss version="2.0"><channel><title>Nothing yet</title></channel></rss>`, "no items"},
		{"items without anything", "blank.rss", `<rss version="2.0"><channel><title>T</title><item><guid>1</guid></item><item></item></channel></rss>`, "no item that can be filed"},
		{"garbage after the root", "junk.xml", `<rss version="2.0"><<<<&&&&>>>>` + "\x01\x02", "feed"},
		{"binary with NUL", "bin.rss", "<rss>\x00\x00\x00\x01\x02", "binary"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, err := Parse(tt.file, []byte(tt.data))
			if len(arts) != 0 {
				t.Fatalf("accepted %d articles", len(arts))
			}
			checkRefusal(t, err, tt.file, tt.says)
		})
	}
}

func TestParseFeedPartlyFiled(t *testing.T) {
	// One item's title is too long to file: the others are, and the error says which.
	long := strings.Repeat("Lowmarsh ", app.MaxTitle/5)
	src := `<rss version="2.0"><channel><title>T</title>` +
		`<item><title>Fine</title><description>Ward 1 declared.</description></item>` +
		`<item><title>` + long + `</title><description>Ward 2 declared.</description></item>` +
		`<item><title>Also fine</title><description>Ward 3 declared.</description></item></channel></rss>`
	arts, err := Parse("wards.rss", []byte(src))
	if len(arts) != 2 || arts[1].Title != "Also fine" {
		t.Fatalf("got %d articles", len(arts))
	}
	checkRefusal(t, err, "wards.rss", "1 of 3 items could not be filed (item 2: ")
}

func TestReadFilePartialFeed(t *testing.T) {
	dir := t.TempDir()
	full := string(bigFeed(3))
	writeTree(t, dir, map[string]string{"cut.rss": full[:strings.Index(full, "Ward 3 declared")]})
	items, err := ReadFile(dir + "/cut.rss")
	if err != nil {
		t.Fatalf("a feed read in part is not a refusal: %v", err)
	}
	if len(items) != 3 || items[0].Err != nil || items[1].Err != nil || items[2].Err == nil {
		t.Fatalf("want two articles and the error last: %+v", items)
	}
	checkRefusal(t, items[2].Err, "cut.rss", "cut off in the middle of item 3")
}

func TestScanXML(t *testing.T) {
	tests := []struct {
		name, in       string
		maxItems       int
		items, cut     int
		closing        string
		tooDeep, trunc bool
	}{
		{"whole", `<rss><channel><item/><item>a</item></channel></rss>`, 10, 2, -1, "", false, false},
		{"cut at the limit", `<rss><channel><item>a</item><item>b</item></channel></rss>`, 1, 2, 28, "rss channel", false, false},
		{"RSS 1.0", `<rdf:RDF><channel/><item>a</item><item>b</item></rdf:RDF>`, 1, 2, 33, "rdf:RDF", false, false},
		{"items deeper down are not counted", `<rss><channel><item><x:item/><x:item/></item></channel></rss>`, 1, 1, -1, "", false, false},
		{"markup in CDATA, comments and attributes", `<feed><!-- <entry> --><entry a="<entry>"><![CDATA[<entry>]]></entry></feed>`, 1, 1, -1, "", false, false},
		{"doctype with internal subset", `<!DOCTYPE rss [<!ENTITY a "<item>">]><rss><channel><item/></channel></rss>`, 1, 1, -1, "", false, false},
		{"cut off inside an item", `<feed><entry>a</entry><entry><title>b`, 5, 2, 22, "feed", false, true},
		{"cut off outside items", `<feed><entry>a</entry><upd`, 5, 1, 22, "feed", false, true},
		{"too deep", strings.Repeat("<a>", 300), 5, 0, -1, "", true, false},
		{"stray < in text", `<rss><channel><item>a < b</item></channel></rss>`, 5, 1, -1, "", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := scanXML([]byte(tt.in), 256, tt.maxItems)
			if s.items != tt.items || s.cut != tt.cut || strings.Join(s.closing, " ") != tt.closing || s.tooDeep != tt.tooDeep || s.truncated != tt.trunc {
				t.Errorf("got %+v", s)
			}
		})
	}
}
