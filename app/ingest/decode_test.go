package ingest

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"

	"dossier/app"
)

// decodeStory is an invented article with the dashes and accents mis-decoding garbles.
const decodeStory = "Café owners protest new levy\n2026-03-05\n\nOwners of cafés in the old town — about forty of them — closed at noon.\nThe levy, they said, is “naïve” and will cost jobs.\n"

// lines returns a text of n numbered lines, each with an em dash.
func numberedLines(n int) string {
	var b strings.Builder
	b.WriteString("Harbour levy vote\n2026-03-05\n\n")
	for i := 4; i <= n; i++ {
		fmt.Fprintf(&b, "Line %d of the story — a fact.\n", i)
	}
	return b.String()
}

// withBadBytes puts byte c at the end of each given line (1-based) of s.
func withBadBytes(s string, c byte, lines ...int) []byte {
	ls := strings.Split(s, "\n")
	for _, n := range lines {
		ls[n-1] += string([]byte{c})
	}
	return []byte(strings.Join(ls, "\n"))
}

func mustEncode(t *testing.T, enc interface{ Bytes([]byte) ([]byte, error) }, s string) []byte {
	t.Helper()
	b, err := enc.Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Issue 7: text is never mis-decoded in silence. A mostly-UTF-8 file keeps its UTF-8
// and says which bytes were replaced; a legacy encoding is used only when the whole file
// reads as one, and the warning names it.
func TestDecodeWarns(t *testing.T) {
	cp1252 := charmap.Windows1252.NewEncoder()
	latin1 := charmap.ISO8859_1.NewEncoder()
	le := xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM).NewEncoder()
	be := xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM).NewEncoder()
	cyrillic := "<html><head><meta charset=\"windows-1251\"><title>Порт</title></head><body><article><h1>Порт закрыт</h1><p>Рабочие порта вышли на забастовку во вторник утром, и суда ждали у входа в гавань весь день.</p></article></body></html>"
	tests := []struct {
		name, file string
		data       func(t *testing.T) []byte
		has        []string // in the body
		hasNot     []string
		warn       []string // the messages of the warnings, in order (undated excluded)
		tally      []string
	}{
		{
			name: "two invalid bytes in UTF-8", file: "levy.txt",
			data:   func(*testing.T) []byte { return withBadBytes(numberedLines(20), 0x96, 14, 14) },
			has:    []string{"Line 14 of the story — a fact.��", "Line 15 of the story — a fact."},
			hasNot: []string{"â€"},
			warn:   []string{"2 invalid bytes replaced with �, line 14"},
			tally:  []string{"with invalid bytes replaced"},
		},
		{
			name: "invalid bytes on many lines", file: "levy.txt",
			data: func(*testing.T) []byte { return withBadBytes(numberedLines(30), 0xE9, 5, 9, 12, 20, 27) },
			warn: []string{"5 invalid bytes replaced with �, lines 5, 9, 12 and 2 more"},
		},
		{
			name: "invalid byte after a UTF-8 BOM", file: "levy.md",
			data: func(*testing.T) []byte { return append([]byte("\uFEFF"), withBadBytes(numberedLines(10), 0xFF, 7)...) },
			has:  []string{"Line 7 of the story — a fact.�"},
			warn: []string{"1 invalid byte replaced with �, line 7"},
		},
		{
			name: "Windows-1252", file: "levy.txt",
			data:  func(t *testing.T) []byte { return mustEncode(t, cp1252, decodeStory) },
			has:   []string{"cafés in the old town — about forty", "“naïve”"},
			warn:  []string{"not UTF-8: read as Windows-1252"},
			tally: []string{"read as Windows-1252"},
		},
		{
			name: "Latin-1", file: "levy.txt",
			data: func(t *testing.T) []byte {
				return mustEncode(t, latin1, strings.NewReplacer("—", "-", "“", "\"", "”", "\"").Replace(decodeStory))
			},
			has:   []string{"cafés in the old town - about forty", "\"naïve\""},
			warn:  []string{"not UTF-8: read as Latin-1 (ISO-8859-1)"},
			tally: []string{"read as Latin-1 (ISO-8859-1)"},
		},
		{
			name: "UTF-16LE without BOM", file: "levy.txt",
			data:  func(t *testing.T) []byte { return mustEncode(t, le, decodeStory) },
			has:   []string{"cafés in the old town — about forty"},
			warn:  []string{"not UTF-8: read as UTF-16LE (the file has no byte-order mark)"},
			tally: []string{"read as UTF-16LE"},
		},
		{
			name: "UTF-16BE without BOM", file: "levy.txt",
			data: func(t *testing.T) []byte { return mustEncode(t, be, decodeStory) },
			has:  []string{"“naïve”"},
			warn: []string{"not UTF-8: read as UTF-16BE (the file has no byte-order mark)"},
		},
		{
			name: "charset a page declares", file: "port.html",
			data: func(t *testing.T) []byte { return mustEncode(t, charmap.Windows1251.NewEncoder(), cyrillic) },
			has:  []string{"Рабочие порта вышли"},
			warn: []string{"not UTF-8: read as windows-1251, the encoding the page declares"},
		},
		{
			// A stale declaration does not turn a UTF-8 page into mojibake.
			name: "UTF-8 page declaring Latin-1", file: "levy.html",
			data: func(*testing.T) []byte {
				return []byte("<html><head><meta charset=\"iso-8859-1\"></head><body><article><h1>Café owners protest</h1><p>Owners of cafés — about forty — closed at noon \xe9 and said the levy is “naïve” and will cost many jobs in the old town.</p></article></body></html>")
			},
			has:    []string{"cafés — about forty — closed at noon � and"},
			hasNot: []string{"Ã©"},
			warn:   []string{"1 invalid byte replaced with �, line 1"},
		},
		{
			name: "UTF-8", file: "levy.txt",
			data: func(*testing.T) []byte { return []byte(decodeStory) },
			has:  []string{"cafés in the old town — about forty"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items, err := ParseItems(tt.file, tt.data(t))
			if err != nil {
				t.Fatal(err)
			}
			a := items[0].Article
			for _, s := range tt.has {
				if !strings.Contains(a.Body, s) {
					t.Errorf("body lacks %q:\n%s", s, a.Body)
				}
			}
			for _, s := range tt.hasNot {
				if strings.Contains(a.Body+a.Title, s) {
					t.Errorf("text has %q:\n%s", s, a.Body)
				}
			}
			var msgs, tallies []string
			for _, w := range items[0].Warnings {
				if w.Kind != app.WarnUndated {
					msgs, tallies = append(msgs, w.Message), append(tallies, w.Tally)
				}
			}
			if strings.Join(msgs, "|") != strings.Join(tt.warn, "|") {
				t.Errorf("warnings %q, want %q", msgs, tt.warn)
			}
			if tt.tally != nil && strings.Join(tallies, "|") != strings.Join(tt.tally, "|") {
				t.Errorf("tallies %q, want %q", tallies, tt.tally)
			}
		})
	}
}

// An e-mail that does not say its charset is read as a text file is, not as
// Windows-1252 whatever it holds, and says how.
func TestDecodeWarnsEmail(t *testing.T) {
	head := "From: Desk <desk@courier.example>\nSubject: Levy vote\nDate: Thu, 5 Mar 2026 09:00:00 +0000\n"
	tests := []struct {
		name, mail, body, warn string
	}{
		{"UTF-8 without charset", head + "\nOwners of caf\xc3\xa9s closed \xe2\x80\x94 at noon, and the vote was put off.\n",
			"Owners of cafés closed — at noon", ""},
		{"Latin-1 without charset", head + "\nOwners of caf\xe9s closed at noon, and the vote was put off.\n",
			"Owners of cafés closed at noon", "not UTF-8: read as Latin-1 (ISO-8859-1) where the message does not say its encoding"},
		{"UTF-8 with a bad byte", head + "Content-Type: text/plain; charset=utf-8\n\nOwners of caf\xc3\xa9s closed \xe9 \xe2\x80\x94 at noon, and the vote was put off.\n",
			"Owners of cafés closed � — at noon", "1 invalid byte replaced with �"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items, err := ParseItems("levy.eml", []byte(tt.mail))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(items[0].Article.Body, tt.body) {
				t.Errorf("body %q, want %q in it", items[0].Article.Body, tt.body)
			}
			var msgs []string
			for _, w := range items[0].Warnings {
				msgs = append(msgs, w.Message)
			}
			if strings.Join(msgs, "|") != tt.warn {
				t.Errorf("warnings %q, want %q", msgs, tt.warn)
			}
		})
	}
}

// A date that cannot be found is a warning on the article, whatever its format.
func TestUndatedWarns(t *testing.T) {
	for name, data := range map[string]string{
		"undated.txt":  "Levy vote put off\n\nThe vote was put off to next week.",
		"undated.md":   "# Levy vote put off\n\nThe vote was put off to next week.",
		"undated.html": "<html><body><article><h1>Levy vote put off</h1><p>The vote was put off to next week, the council said on its website.</p></article></body></html>",
		"dated.txt":    "Levy vote put off\n5 March 2026\n\nThe vote was put off to next week.",
	} {
		items, err := ParseItems(name, []byte(data))
		if err != nil {
			t.Fatal(err)
		}
		undated := strings.HasPrefix(name, "undated")
		got := len(items[0].Warnings) == 1 && items[0].Warnings[0].Kind == app.WarnUndated &&
			items[0].Warnings[0].Message == "undated: no date found" && items[0].Warnings[0].Tally == "undated"
		if got != undated || (!undated && len(items[0].Warnings) != 0) {
			t.Errorf("%s: warnings %+v", name, items[0].Warnings)
		}
	}
}

// A feed says the encoding it was read in, declared or not.
func TestDecodeWarnsFeed(t *testing.T) {
	feed := func(decl, title string) []byte {
		return []byte(`<?xml version="1.0"` + decl + `?><rss version="2.0"><channel><title>Courier</title><item><title>` + title +
			`</title><pubDate>Thu, 05 Mar 2026 09:00:00 +0000</pubDate><description>The levy vote was put off.</description></item></channel></rss>`)
	}
	tests := []struct {
		name string
		data []byte
		warn string
	}{
		{"declared", feed(` encoding="ISO-8859-1"`, "Caf\xe9 levy"), "not UTF-8: read as ISO-8859-1, the encoding the feed declares"},
		{"undeclared", feed("", "Caf\xe9 levy"), "not UTF-8: read as Latin-1 (ISO-8859-1)"},
		{"UTF-8", feed("", "Café levy"), ""},
	}
	for _, tt := range tests {
		items, err := ParseItems("levy.rss", tt.data)
		if err != nil {
			t.Fatal(err)
		}
		var msgs []string
		for _, w := range items[0].Warnings {
			msgs = append(msgs, w.Message)
		}
		if items[0].Article.Title != "Café levy" || strings.Join(msgs, "|") != tt.warn {
			t.Errorf("%s: title %q, warnings %q; want %q", tt.name, items[0].Article.Title, msgs, tt.warn)
		}
	}
}
