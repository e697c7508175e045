package ingest

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"dossier/app"
)

// The fuzz targets assert what the store relies on: no panic, and every article that comes
// out is valid UTF-8 without CR or NUL and with a valid date. Refusing input is fine.

func fuzzParse(t *testing.T, name string, data []byte) {
	items, err := ParseItems(name, data)
	if err != nil && !app.IsCode(err, app.EINVALID) {
		t.Fatalf("refusal with code %q: %v", app.ErrorCode(err), err)
	}
	if err == nil && len(items) == 0 {
		t.Fatal("no error and no article")
	}
	for _, it := range items {
		a := it.Article
		checkWarnings(t, it)
		checkClean(t, a)
		if a.Title == "" || a.Body == "" {
			t.Fatalf("accepted an article without title or body: %+v", a)
		}
		if err := a.Validate(); err != nil {
			t.Fatalf("accepted an article that does not validate: %v", err)
		}
	}
}

// checkWarnings checks the rule of issue 7 on one article: nothing lossy or guessed
// goes unsaid. Every warning is of a known kind with a message and a tally; an article
// without a date, or with U+FFFD in its text, has the warning that says so.
func checkWarnings(t *testing.T, it Item) {
	t.Helper()
	kinds := map[string]bool{}
	for _, w := range it.Warnings {
		if !slices.Contains(app.WarningKinds, w.Kind) || w.Message == "" || w.Tally == "" {
			t.Fatalf("bad warning %+v", w)
		}
		kinds[w.Kind] = true
	}
	if it.Article.Date == "" && !kinds[app.WarnUndated] {
		t.Fatalf("undated article without a warning: %+v", it.Warnings)
	}
	if strings.ContainsRune(it.Article.Title+it.Article.Body, utf8.RuneError) && !kinds[app.WarnReplaced] {
		t.Fatalf("text with U+FFFD without a warning: %+v", it.Warnings)
	}
}

// FuzzDecode checks the decoder: its text is valid UTF-8, valid UTF-8 without NUL is
// kept as it is, and text read any other way says so.
func FuzzDecode(f *testing.F) {
	f.Add([]byte("Caf\xc3\xa9 \xe2\x80\x94 levy \x96 vote\nline two \xe9"), false)
	f.Add([]byte("Caf\xe9 \x96 levy \x93vote\x94"), false)
	f.Add([]byte("C\x00a\x00f\x00\xe9\x00\n\x00"), false)
	f.Add([]byte("\x00C\x00a\x00f\x00\xe9\x00\n"), false)
	f.Add([]byte("<meta charset=windows-1251><p>\xcf\xee\xf0\xf2</p>"), true)
	f.Add([]byte("<meta charset=shift_jis><p>\x82\xa0\xe2\x80\x94\xff</p>"), true)
	f.Add([]byte("\xef\xbb\xbfa\xffb\rc\r\nd\xfe"), false)
	f.Fuzz(func(t *testing.T, data []byte, isHTML bool) {
		s, d, err := decode("f.txt", data, isHTML)
		if err != nil {
			if !app.IsCode(err, app.EINVALID) {
				t.Fatalf("refusal with code %q: %v", app.ErrorCode(err), err)
			}
			return
		}
		if !utf8.ValidString(s) {
			t.Fatalf("decoded text is not UTF-8: %q", s)
		}
		if utf8.Valid(data) && !bytes.HasPrefix(data, utf8BOM) && bytes.IndexByte(data, 0) < 0 && s != string(data) {
			t.Fatalf("valid UTF-8 changed: %q → %q", data, s)
		}
		if d.enc == "" && d.replaced == 0 && !utf8.Valid(bytes.TrimPrefix(data, utf8BOM)) && !bytes.HasPrefix(data, utf16LEBOM) && !bytes.HasPrefix(data, utf16BEBOM) {
			t.Fatalf("invalid UTF-8 read in silence: %q", data)
		}
		if d.replaced > 0 && (strings.Count(s, "\uFFFD") < d.replaced || len(d.lines) == 0) {
			t.Fatalf("%d replaced but %d U+FFFD, lines %v", d.replaced, strings.Count(s, "\uFFFD"), d.lines)
		}
	})
}

func FuzzParseHTML(f *testing.F) {
	f.Add([]byte(storyHTML))
	f.Add([]byte(`<html><head><script type="application/ld+json">[{"@type":"NewsArticle","headline":"H","author":"A","datePublished":"2026-13-45"}]</script></head><body><p>x</p></body></html>`))
	f.Add([]byte("<p>one<br>two\r\nthree</p><pre>a\rb</pre><table><tr><td>1<td>2</table>"))
	f.Add([]byte("<html><meta charset=shift_jis><body>\x82\xa0\x82\xa2</body></html>"))
	f.Add([]byte("<!doctype html><title>\u2028\u0085</title><time datetime='0000-00-00'>"))
	f.Add([]byte(tramPage(`<meta name="author" content="A, B and C">`, "By A and C · Updated March 4, 2026 · by B")))
	f.Add([]byte("<html><meta charset=iso-8859-1><p>caf\xc3\xa9 \xe9 \x96</p></html>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzParse(t, "page.html", data)
	})
}

func FuzzParseText(f *testing.F) {
	f.Add(storyText)
	f.Add(strings.ReplaceAll(storyText, "\n", "\r"))
	f.Add("2026\nA\nB, Tanzania, 2026-02-30\nBy x\n\nQUITO (AP) — y")
	f.Add("\uFEFF\x01\x02 héllo \xe9\xff")
	f.Add("\xff\xfeA\x00\r\x00\n\x00")
	f.Add("Levy vote\n\nOSLO (Nordwire) — March 3, 2026 — The vote \x96 was put off.")
	f.Add("Levy vote\nBy A. Writer · Published on March 4, 2026 | by B\nPublished 2026\n\nText.")
	f.Add("Levy vote\n\nOSLO, Norway (Nordwire), Tuesday, 3 March 2026: The vote\xe9.")
	// leading dates without a place, and in-prose dates that must stay event dates
	f.Add("Bridge reopens\n\nMarch 2, 2026 — Traffic crossed the bridge.")
	f.Add("Levy vote\n\n2 March 2026 - The council met.\n\n5 March 2026 - It met again.")
	f.Add("Mar. 2, 2026: The council met — briefly.")
	f.Add("Levy vote\n\nOn 4 March 2026 the café owners met — and left.")
	f.Add("T\n\n2 March 2026 – 31 February 2026: x")
	f.Add("T\n\n2026:\n—" + strings.Repeat("9", 70) + " — \xe2\x80")
	f.Add("L\x00e\x00v\x00y\x00\n\x00\n\x00O\x00S\x00L\x00O\x00 \x00(\x00N\x00)\x00 \x00\x14  \x00")
	f.Fuzz(func(t *testing.T, s string) {
		fuzzParse(t, "note.txt", []byte(s))
		a := FromText(s)
		checkClean(t, a)
	})
}

func FuzzParseMarkdown(f *testing.F) {
	f.Add(storyMarkdown)
	f.Add("---\ntags:\n  - a\n- b\nnotes: >\n  x\n\n  y\ndate: '2026'\n---\n# T #\n[a [b](c)](d) ![i](j) [k][l]\n\\*x\\* **y __z")
	f.Add("---\r\ntitle: \"q\\\"\"\r\n...\r\nT\r\n===\r\n```\r\ncode\r\n")
	f.Add("[[[[[[(((((]]]]]]")
	f.Fuzz(func(t *testing.T, s string) {
		fuzzParse(t, "note.md", []byte(s))
	})
}

func FuzzParseFeed(f *testing.F) {
	f.Add([]byte(electionRSS))
	f.Add([]byte(electionAtom))
	f.Add(bigFeed(3))
	f.Add([]byte(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel><title>C</title></channel><item><title>T</title><description>&lt;b&gt;x</description></item></rdf:RDF>`))
	f.Add([]byte(`<?xml version="1.0" encoding="windows-1252"?><rss><channel><item><title>` + "\xe9" + `</title><description><![CDATA[<div><p>a]]></description></item>`))
	f.Add([]byte(`<!DOCTYPE feed [<!ENTITY e "<entry>">]><feed xmlns="http://www.w3.org/2005/Atom"><entry><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">&e;</div></title><content src="x"/></entry>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzParse(t, "feed.xml", data)
	})
}

func FuzzParseEmail(f *testing.F) {
	f.Add([]byte(mailPlainQP))
	f.Add([]byte(mailHTMLOnly))
	f.Add([]byte(mailLatin1))
	f.Add([]byte("From: a\nSubject: =?utf-8?B?w6k=?=\nContent-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/html; charset=koi8-r\nContent-Transfer-Encoding: quoted-printable\n\n<p>=E9=\n--b--"))
	f.Add([]byte("From x\nFrom: \"q\" <>\nDate: 31 Feb 2026\nSubject:\n\t folded\n\n\xff\xfe"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzParse(t, "letter.eml", data)
		fuzzParse(t, "letter", data) // sniffed: e-mail, feed, page or text
	})
}
