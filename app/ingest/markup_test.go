package ingest

import (
	"strings"
	"testing"
)

// nestedPage is a web page whose article sits inside n nested <tag>s.
func nestedPage(tag string, n int) string {
	return "<!doctype html><html><head><title>Recount ordered</title></head><body>" +
		strings.Repeat("<"+tag+">", n) + "<p>The board ordered a recount in Saltholm East, where 37 votes separate the two leading candidates.</p>" +
		strings.Repeat("</"+tag+">", n) + "<p>The recount starts on Friday.</p></body></html>"
}

func TestParseDeeplyNestedMarkup(t *testing.T) {
	// x/net/html refuses a stack deeper than 512 elements; the page is flattened and read.
	for _, tt := range []struct {
		tag string
		n   int
	}{{"div", 100000}, {"span", 100000}, {"b", 100000}, {"table", 100000}, {"div", 600}, {"div", 100}} {
		arts, err := Parse("deep.html", []byte(nestedPage(tt.tag, tt.n)))
		if err != nil {
			t.Errorf("%d nested <%s>: %v", tt.n, tt.tag, err)
			continue
		}
		a := arts[0]
		if a.Title != "Recount ordered" || !strings.Contains(a.Body, "37 votes separate") || !strings.Contains(a.Body, "starts on Friday") {
			t.Errorf("%d nested <%s>: %q / %q", tt.n, tt.tag, a.Title, a.Body)
		}
	}
}

func TestParseDeeplyNestedFragments(t *testing.T) {
	deep := strings.Repeat("<div>", 100000) + "Ward 9 declared at midnight." + strings.Repeat("</div>", 100000)
	t.Run("feed description", func(t *testing.T) {
		src := `<rss version="2.0"><channel><title>T</title><item><title>Ward 9</title><description><![CDATA[` + deep + `]]></description></item></channel></rss>`
		arts, err := Parse("deep.rss", []byte(src))
		if err != nil || arts[0].Body != "Ward 9 declared at midnight." {
			t.Errorf("%+v, %v", arts, err)
		}
	})
	t.Run("e-mail HTML part", func(t *testing.T) {
		src := "From: a@b.example\r\nSubject: Ward 9\r\nContent-Type: text/html\r\n\r\n" + deep
		arts, err := Parse("deep.eml", []byte(src))
		if err != nil || arts[0].Body != "Ward 9 declared at midnight." {
			t.Errorf("%+v, %v", arts, err)
		}
	})
}

func TestFlattenMarkup(t *testing.T) {
	tests := []struct {
		in    string
		limit int
		want  string
	}{
		{"<div><div><div>x</div></div></div>", 2, "<div><div>x</div></div>"},
		{"<div><br><img src=a><div>x</div></div>", 1, "<div><br><img src=a>x</div>"},
		{"<p>a<p>b<p>c", 2, "<p>a<p>bc"}, // unclosed tags count as nesting: only ever shallower
		{"</div></div><p>x</p>", 1, "</div></div><p>x</p>"},
		{"<script>if (a<b) {}</script>", 0, "if (a<b) {}"},
	}
	for _, tt := range tests {
		if got := flattenMarkup(tt.in, tt.limit); got != tt.want {
			t.Errorf("flattenMarkup(%q, %d) = %q, want %q", tt.in, tt.limit, got, tt.want)
		}
	}
}

func TestRichText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Line one\nLine two", "Line one\nLine two"}, // plain text keeps its breaks
		{"a < b and c > d", "a < b and c > d"},
		{"Tom &amp; Jerry", "Tom & Jerry"},
		{"<p>One</p><p>Two</p>", "One\n\nTwo"},
		{"AT&T; fine", "AT&T; fine"},
	}
	for _, tt := range tests {
		if got := richText(tt.in); got != tt.want {
			t.Errorf("richText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseHugeMarkup(t *testing.T) {
	// Seven million empty tags fit in 50 MB and would take most of a gigabyte as a tree;
	// a page past 250,000 elements is refused before it is parsed.
	page := "<html><body>" + strings.Repeat("<i></i>", 300000) + "<p>The count ended.</p></body></html>"
	_, err := Parse("archive.html", []byte(page))
	checkRefusal(t, err, "archive.html", "more than 250,000 HTML elements")
	if n := countTags("<a><b>x</b> a < b <!-- c --> <3 <P>", 100); n != 3 {
		t.Errorf("countTags = %d, want 3", n)
	}
	if n := countTags(strings.Repeat("<i>", 10), 4); n != 4 {
		t.Errorf("countTags stops at its limit: %d", n)
	}
}
