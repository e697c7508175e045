package ingest

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/text/encoding/charmap"

	"dossier/app"
)

func TestParseHTMLPage(t *testing.T) {
	arts, err := Parse("strike.html", []byte(storyHTML))
	if err != nil {
		t.Fatal(err)
	}
	a := arts[0]
	if a.Title != storyTitle || a.Source != "The Valdemar Courier" || a.Author != "Tomas Reyes" ||
		a.Date != "2026-03-03" || a.URL != "https://courier.example/news/port-strike" || a.Language != "en" {
		t.Errorf("metadata: title %q source %q author %q date %q url %q lang %q", a.Title, a.Source, a.Author, a.Date, a.URL, a.Language)
	}
	for _, p := range storyParagraphs {
		if !strings.Contains(a.Body, p) {
			t.Errorf("body lacks paragraph %q", p)
		}
	}
	if want := storyParagraphs[0] + "\n\n" + storyParagraphs[1]; !strings.Contains(a.Body, want) {
		t.Errorf("paragraphs are not separated by a blank line:\n%s", a.Body)
	}
	for _, junk := range []string{"nav link", "trackingMarker", "script", "hidden-style-marker", "Advertisement marker",
		"Aside marker", "Footer marker", "Privacy", "By Tomas Reyes", storyTitle} {
		if strings.Contains(a.Body, junk) {
			t.Errorf("body keeps %q:\n%s", junk, a.Body)
		}
	}
}

func TestParseHTMLMetadata(t *testing.T) {
	page := func(head, body string) string {
		return "<!doctype html><html><head>" + head + "</head><body><article>" + body +
			"<p>" + strings.Join(storyParagraphs, "</p><p>") + "</p></article></body></html>"
	}
	tests := []struct {
		name, html                 string
		title, source, author, url string
		date                       app.Date
	}{
		{
			name: "JSON-LD in a graph",
			html: page(`<title>Ignored title</title><script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Site"},
				{"@type":["NewsArticle"],"headline":"Port strike enters second week","datePublished":"2026-03-04T07:00:00Z",
				 "author":[{"@type":"Person","name":"Ana Silva"},{"@type":"Person","name":"Ben Okoro"}],
				 "publisher":{"@type":"Organization","name":"Harbour Radio"},"url":"https://radio.example/strike"}]}</script>`, ""),
			title: "Port strike enters second week", source: "Harbour Radio", author: "Ana Silva, Ben Okoro",
			url: "https://radio.example/strike", date: "2026-03-04",
		},
		{
			name:  "time element and og:url, site suffix stripped from title",
			html:  page(`<title>Port strike enters second week - Harbour Radio</title><meta property="og:site_name" content="Harbour Radio"><meta property="og:url" content="https://radio.example/s2">`, `<p>By Ana Silva</p><time datetime="2026-03-04">4 March</time>`),
			title: "Port strike enters second week", source: "Harbour Radio", author: "Ana Silva", url: "https://radio.example/s2", date: "2026-03-04",
		},
		{
			name:  "relative canonical ignored, bad JSON-LD ignored, RFC 1123 date",
			html:  page(`<title>Port strike</title><link rel="canonical" href="/strike"><script type="application/ld+json">{not json</script><meta name="date" content="Wed, 04 Mar 2026 07:00:00 GMT">`, ""),
			title: "Port strike", date: "2026-03-04",
		},
		{
			name:  "h1 when there is no title element",
			html:  page("", `<h1>Port strike enters second week</h1>`),
			title: "Port strike enters second week",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, err := Parse("page.html", []byte(tt.html))
			if err != nil {
				t.Fatal(err)
			}
			a := arts[0]
			if a.Title != tt.title || a.Source != tt.source || a.Author != tt.author || a.URL != tt.url || a.Date != tt.date {
				t.Errorf("got title %q source %q author %q url %q date %q", a.Title, a.Source, a.Author, a.URL, a.Date)
			}
			if !strings.Contains(a.Body, storyParagraphs[2]) {
				t.Errorf("body lacks the text:\n%s", a.Body)
			}
		})
	}
}

func TestParseHTMLDetectedByContent(t *testing.T) {
	arts, err := Parse("saved-page.txt", []byte(storyHTML))
	if err != nil {
		t.Fatal(err)
	}
	if arts[0].Source != "The Valdemar Courier" || strings.Contains(arts[0].Body, "<p>") {
		t.Errorf("a .txt holding a page was not read as HTML: %+v", arts[0])
	}
}

func TestParseHTMLDeclaredCharset(t *testing.T) {
	src := `<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><title>Grève au port</title></head><body><p>Les dockers ont voté la grève à Valdemar, où quarante navires attendent au large depuis une semaine entière.</p></body></html>`
	data, err := charmap.ISO8859_1.NewEncoder().Bytes([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	arts, err := Parse("greve.html", data)
	if err != nil {
		t.Fatal(err)
	}
	if arts[0].Title != "Grève au port" || !strings.Contains(arts[0].Body, "voté la grève à Valdemar") {
		t.Errorf("got %q / %q", arts[0].Title, arts[0].Body)
	}
}

func TestParseHTMLWrongUTF8Label(t *testing.T) {
	// Old pages often say UTF-8 and are Windows-1252; the label loses to the bytes.
	data := []byte(`<html><head><meta charset="utf-8"><title>Gr` + "\xe8" + `ve au port</title></head><body><p>Les dockers ont vot` + "\xe9" + ` la gr` + "\xe8" + `ve.</p></body></html>`)
	arts, err := Parse("greve.html", data)
	if err != nil {
		t.Fatal(err)
	}
	if arts[0].Title != "Grève au port" || arts[0].Body != "Les dockers ont voté la grève." {
		t.Errorf("got %q / %q", arts[0].Title, arts[0].Body)
	}
}

func TestPlainText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"<p>One</p>after", "One\n\nafter"},
		{"<div>Line one<br>Line two</div><div>Three</div>", "Line one\nLine two\nThree"},
		{"<p>re<b>port</b> <i>strike</i>&nbsp;now</p>", "report strike now"},
		{"<ul><li>a</li><li>b</li></ul><p>c</p>", "a\nb\n\nc"},
		{"<pre>x  y\n  z</pre>", "x  y\n  z"},
		{"<table><tr><td>1</td><td>2</td></tr><tr><td>3</td><td>4</td></tr></table>", "1 2\n3 4"},
		{"<p>shown<span aria-hidden=true>hidden</span></p><script>no</script>", "shown"},
	}
	for _, tt := range tests {
		doc, err := html.Parse(strings.NewReader(tt.in))
		if err != nil {
			t.Fatal(err)
		}
		if got := cleanText(plainText(doc)); got != tt.want {
			t.Errorf("plainText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseHTMLFileWithoutMarkup(t *testing.T) {
	arts, err := Parse("strike.html", []byte(storyText))
	if err != nil {
		t.Fatal(err)
	}
	if arts[0].Title != storyTitle || arts[0].Body != strings.Join(storyParagraphs, "\n\n") {
		t.Errorf("got %q / %q", arts[0].Title, arts[0].Body)
	}
}
