package ingest

import (
	"encoding/base64"
	"fmt"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
)

// Fixtures written for these tests: newsletters about the same made-up Lowmarsh
// provincial election (see feed_test.go).

// crlf turns a fixture's line ends into the CRLF that mail uses.
func crlf(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") }

// A plain-text newsletter in quoted-printable: soft line breaks and an encoded em dash.
var mailPlainQP = crlf(`Return-Path: <letter@ridgeway.example>
Delivered-To: researcher@example.org
From: "Ridgeway Civic Letter" <letter@ridgeway.example>
To: researcher@example.org
Subject: Lowmarsh votes: what the count showed
Date: Tue, 03 Mar 2026 23:30:00 -0500
Message-ID: <20260303.4411@ridgeway.example>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: quoted-printable

Lowmarsh votes: what the count showed
KESTREL BAY, March 3, 2026
By Hanne Orlov

The count in the Lowmarsh provincial election ended shortly after midnight =
with the Greens ahead in nine of the fourteen districts =E2=80=94 the best =
result in the party's history.

Turnout reached 61.4 per cent.
`)

// A newsletter whose text part is only a stub: the article is in the base64 HTML part.
var mailHTMLOnly = crlf(`From: Northfold Election Desk <desk@northfold.example>
To: researcher@example.org
Subject: =?UTF-8?Q?Recount_ordered_in_Saltholm_East_=E2=80=93_Desk_briefing?=
Date: Wed, 04 Mar 2026 07:05:00 +0100
MIME-Version: 1.0
Content-Language: en-GB
Content-Type: multipart/alternative; boundary="==alt-7731=="

--==alt-7731==
Content-Type: text/plain; charset=us-ascii

Your mail program cannot show this briefing. Read it online:
https://northfold.example/briefing/2026-03-04

--==alt-7731==
Content-Type: text/html; charset=utf-8
Content-Transfer-Encoding: base64

`) + wrap76(base64.StdEncoding.EncodeToString([]byte(`<!doctype html><html><head><style>.x{color:red}</style></head><body>
<table role="presentation"><tr><td><a href="https://northfold.example/">View in browser</a></td></tr></table>
<table><tr><td>
<h1>Recount ordered in Saltholm East</h1>
<p>The electoral board ordered a recount in Saltholm East on Tuesday, where only 37 votes separate the two leading candidates.</p>
<p>Both candidates said they welcomed the decision. The recount starts on Friday morning and should take two days.</p>
<p>Observers from the three largest parties will be present in the counting hall.</p>
</td></tr></table>
<footer><p>You receive this because you subscribed. Unsubscribe.</p></footer>
</body></html>`))) + crlf(`
--==alt-7731==--
`)

// An ISO-8859-1 newsletter: 8-bit body, encoded subject and sender name.
var mailLatin1 = func() string {
	src := crlf(`From: =?ISO-8859-1?Q?Le_Courrier_de_Saint-Aub=E9n?= <courrier@saint-auben.example>
To: researcher@example.org
Subject: =?ISO-8859-1?Q?=C9lection_r=E9gionale=3A_les_r=E9sultats?=
Date: Thu, 5 Mar 2026 08:00:00 +0100
MIME-Version: 1.0
Content-Type: text/plain; charset=ISO-8859-1
Content-Transfer-Encoding: 8bit

Les électeurs de la région ont voté dimanche. Le dépouillement a duré toute la nuit à Saint-Aubén.

La participation a atteint 58 %, selon la préfecture.
`)
	b, err := charmap.ISO8859_1.NewEncoder().String(src)
	if err != nil {
		panic(err)
	}
	return b
}()

func wrap76(s string) string {
	var b strings.Builder
	for len(s) > 76 {
		b.WriteString(s[:76] + "\r\n")
		s = s[76:]
	}
	return b.String() + s + "\r\n"
}

func TestParseEmail(t *testing.T) {
	tests := []struct {
		name, file, data                      string
		title, source, date, dateline, author string
		lang                                  string
		body                                  string
		notBody                               []string
	}{
		{
			name: "plain text, quoted-printable", file: "count.eml", data: mailPlainQP,
			title: "Lowmarsh votes: what the count showed", source: "Ridgeway Civic Letter", date: "2026-03-03",
			dateline: "KESTREL BAY", author: "Hanne Orlov",
			body: "The count in the Lowmarsh provincial election ended shortly after midnight with the Greens ahead in nine of the fourteen districts — the best result in the party's history.\n\nTurnout reached 61.4 per cent.",
		},
		{
			name: "HTML part when the text part is a stub, base64", file: "briefing.eml", data: mailHTMLOnly,
			title: "Recount ordered in Saltholm East – Desk briefing", source: "Northfold Election Desk", date: "2026-03-04", lang: "en-GB",
			body:    "Recount ordered in Saltholm East\n\nThe electoral board ordered a recount in Saltholm East on Tuesday, where only 37 votes separate the two leading candidates.\n\nBoth candidates said they welcomed the decision. The recount starts on Friday morning and should take two days.\n\nObservers from the three largest parties will be present in the counting hall.",
			notBody: []string{"cannot show", "color:red", "Unsubscribe"},
		},
		{
			name: "ISO-8859-1", file: "resultats.eml", data: mailLatin1,
			title: "Élection régionale: les résultats", source: "Le Courrier de Saint-Aubén", date: "2026-03-05",
			body: "Les électeurs de la région ont voté dimanche. Le dépouillement a duré toute la nuit à Saint-Aubén.\n\nLa participation a atteint 58 %, selon la préfecture.",
		},
		{
			name: "no extension, found by its headers", file: "count", data: mailPlainQP,
			title: "Lowmarsh votes: what the count showed", source: "Ridgeway Civic Letter", date: "2026-03-03",
			dateline: "KESTREL BAY", author: "Hanne Orlov",
			body: "The count in the Lowmarsh provincial election ended shortly after midnight with the Greens ahead in nine of the fourteen districts — the best result in the party's history.\n\nTurnout reached 61.4 per cent.",
		},
		{
			name: "saved as .txt with LF line ends, mbox From line, address only", file: "letter.txt",
			data:  "From letter@ridgeway.example Tue Mar  3 12:00:00 2026\nFrom: letter@ridgeway.example\nSubject: Polls close at eight\nDate: 3 Mar 2026 12:00 +0000\n\nPolls close at eight tonight.\n",
			title: "Polls close at eight", source: "letter@ridgeway.example", date: "2026-03-03",
			body: "Polls close at eight tonight.",
		},
		{
			name: "raw Latin-1 in the subject, no Date", file: "raw.eml",
			data:  "From: Desk <desk@x.example>\r\nSubject: R\xe9sultats\r\n\r\nLe d\xe9pouillement continue.\r\n",
			title: "Résultats", source: "Desk",
			body: "Le dépouillement continue.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, err := Parse(tt.file, []byte(tt.data))
			if err != nil {
				t.Fatal(err)
			}
			if len(arts) != 1 {
				t.Fatalf("%d articles", len(arts))
			}
			a := arts[0]
			checkClean(t, a)
			if a.Title != tt.title || a.Source != tt.source || string(a.Date) != tt.date || a.Dateline != tt.dateline ||
				a.Author != tt.author || a.Language != tt.lang {
				t.Errorf("title %q source %q date %q dateline %q author %q lang %q", a.Title, a.Source, a.Date, a.Dateline, a.Author, a.Language)
			}
			if a.Body != tt.body {
				t.Errorf("body:\n%q\nwant\n%q", a.Body, tt.body)
			}
			for _, junk := range tt.notBody {
				if strings.Contains(a.Body, junk) {
					t.Errorf("body keeps %q", junk)
				}
			}
		})
	}
}

func TestLooksLikeEmail(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{mailPlainQP, true},
		{"From: a@b.example\nSubject: x\n\nbody", true},
		{"MIME-Version: 1.0\nContent-Type: text/plain\n\nbody", true},
		{"Subject: budget\n\nThe budget passed.", false},     // one field is a text
		{"From: a@b.example\nTo: c@d.example\n\nbody", true}, // From and another
		{"To: c@d.example\nCc: e@f.example\n\nbody", false},  // no From, Subject or MIME-Version
		{"Title: Vote\nAuthor: Ana\n\nText.", false},         // front-matter-like, not mail
		{"From: a\nSubject: b\nThis is a sentence, not a header.\n\nx", false},
		{"Subject: x\nFrom: y", false}, // no blank line: where would the body be?
		{" From: a\nSubject: b\n\nx", false},
	}
	for _, tt := range tests {
		if got := looksLikeEmail([]byte(tt.in)); got != tt.want {
			t.Errorf("looksLikeEmail(%.40q) = %v", tt.in, got)
		}
	}
}

func TestParseEmailRefuses(t *testing.T) {
	nested := func(n int) string {
		var b strings.Builder
		b.WriteString("From: a@b.example\r\nSubject: s\r\nMIME-Version: 1.0\r\n")
		for i := 0; i < n; i++ {
			fmt.Fprintf(&b, "Content-Type: multipart/mixed; boundary=\"b%d\"\r\n\r\n--b%d\r\n", i, i)
		}
		b.WriteString("Content-Type: text/plain\r\n\r\nhello\r\n")
		for i := n - 1; i >= 0; i-- {
			fmt.Fprintf(&b, "--b%d--\r\n", i)
		}
		return b.String()
	}
	attachmentOnly := crlf(`From: a@b.example
Subject: Scan of the tally sheet
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary=XX

--XX
Content-Type: application/octet-stream
Content-Disposition: attachment; filename=tally.bin
Content-Transfer-Encoding: base64

AAECAwQFBgcICQ==
--XX--
`)
	tests := []struct{ name, file, data, says string }{
		{"20,000 nested multiparts", "bomb.eml", nested(20000), "more than 64 nested MIME parts"},
		{"only an attachment", "scan.eml", attachmentOnly, "no text to file"},
		{"headers only", "empty.eml", "From: a@b.example\r\nSubject: nothing\r\n\r\n", "no text to file"},
		{"not mail at all", "photo.eml", "\x89PNG\r\n\x1a\n", "image"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			arts, err := Parse(tt.file, []byte(tt.data))
			if len(arts) != 0 {
				t.Fatalf("accepted: %+v", arts)
			}
			checkRefusal(t, err, tt.file, tt.says)
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("took %v", d) // unnested, the bomb takes minutes
			}
		})
	}
	// A few nested parts, as real mail has, are fine.
	arts, err := Parse("nested.eml", []byte(nested(5)))
	if err != nil || arts[0].Body != "hello" {
		t.Errorf("5 nested parts: %+v, %v", arts, err)
	}
	// A newsletter about electoral boundaries may say "boundary" a hundred times.
	talk := "From: a@b.example\r\nSubject: Boundary review\r\n\r\n" + strings.Repeat("The boundary commission moved the ward boundary again. ", 100)
	if arts, err := Parse("review.eml", []byte(talk)); err != nil || len(arts) != 1 {
		t.Errorf("boundary talk: %v", err)
	}
}

func TestParseEmailMalformed(t *testing.T) {
	// Truncated or broken messages are read as far as they go, or refused by name.
	full := mailHTMLOnly
	for _, cut := range []int{len(full) / 4, len(full) / 2, len(full) - 30} {
		arts, err := Parse("briefing.eml", []byte(full[:cut]))
		if err != nil {
			checkRefusal(t, err, "briefing.eml", "")
			continue
		}
		checkClean(t, arts[0])
		if err := arts[0].Validate(); err != nil {
			t.Error(err)
		}
	}
}
