package views

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
)

// markdownWalk calls fn on every segment of segs, inside paragraphs, lists and quotes too.
func markdownWalk(segs []widget.RichTextSegment, fn func(widget.RichTextSegment)) {
	for _, s := range segs {
		fn(s)
		switch t := s.(type) {
		case *widget.ParagraphSegment:
			markdownWalk(t.Texts, fn)
		case *widget.ListSegment:
			markdownWalk(t.Items, fn)
		case *markdownQuote:
			markdownWalk(t.Texts, fn)
		}
	}
}

// markdownImages are the images the renderer must never turn into pictures, wherever they stand.
var markdownImages = []string{
	"![chart](http://127.0.0.1:1/chart.png)",
	"Before ![a](https://example.org/a.png \"title\") after.",
	"- item ![b](http://example.org/b.gif)\n- other",
	"> quoted ![c](http://example.org/c.png)\n> > deeper ![d](https://example.org/d.png)",
	"[![badge](https://example.org/badge.svg)](https://example.org)",
	"![local](/tmp/x.png) and ![share](file://server/share/y.png) and ![rel](img/z.png)",
	"![ref][r]\n\n[r]: https://example.org/ref.png",
	"# Heading ![h](http://example.org/h.png)",
	"1. one\n2. ![n](http://example.org/n.png)",
}

func TestMarkdownNeverMakesImageSegments(t *testing.T) {
	for _, md := range markdownImages {
		segs := markdownSegments(md)
		var text strings.Builder
		markdownWalk(segs, func(s widget.RichTextSegment) {
			if _, ok := s.(*widget.ImageSegment); ok {
				t.Errorf("%q: an image segment, which a RichText would load", md)
			}
			text.WriteString(s.Textual())
		})
		if !strings.Contains(text.String(), "image") {
			t.Errorf("%q: the image is not mentioned at all: %q", md, text.String())
		}
	}
	// A web image is a link the user may tap; its address stays visible in the link.
	segs := markdownSegments("See ![the chart](https://example.org/chart.png).")
	var link *widget.HyperlinkSegment
	markdownWalk(segs, func(s widget.RichTextSegment) {
		if h, ok := s.(*widget.HyperlinkSegment); ok {
			link = h
		}
	})
	if link == nil || link.URL == nil || link.URL.String() != "https://example.org/chart.png" || link.Text != "[image: the chart]" {
		t.Fatalf("web image shown as %+v", link)
	}
	// Fyne's own parser is what the app must not use for notes: it does make image segments.
	if _, ok := widget.NewRichTextFromMarkdown("![x](http://example.org/x.png)").Segments[0].(*widget.ImageSegment); !ok {
		t.Fatal("Fyne's parser no longer makes image segments: this test's premise changed")
	}
}

func FuzzMarkdownSegments(f *testing.F) {
	for _, md := range markdownImages {
		f.Add(md)
	}
	f.Add("> > > deep\n>\n> back\n\n***\n\n```\ncode\n```\n<img src=\"http://x/y.png\">")
	f.Fuzz(func(t *testing.T, md string) {
		markdownWalk(markdownSegments(md), func(s widget.RichTextSegment) {
			if _, ok := s.(*widget.ImageSegment); ok {
				t.Fatalf("%q: image segment", md)
			}
		})
	})
}

func TestMarkdownNestedQuotes(t *testing.T) {
	segs := markdownSegments("> The minister said **no** to the plan.\n>\n> > We will not sign, he wrote.\n>\n> Then he left.")
	if len(segs) != 1 {
		t.Fatalf("%d top segments, want one quote", len(segs))
	}
	outer, ok := segs[0].(*markdownQuote)
	if !ok {
		t.Fatalf("top segment is %T, want a quote", segs[0])
	}
	var inner *markdownQuote
	var outerText strings.Builder
	for _, s := range outer.Texts {
		if q, ok := s.(*markdownQuote); ok {
			inner = q
			continue
		}
		outerText.WriteString(s.Textual())
	}
	if inner == nil || !strings.Contains(dossierSegmentsText(inner.Texts), "We will not sign") {
		t.Fatalf("the nested quote was flattened: %#v", outer.Texts)
	}
	if got := outerText.String(); !strings.Contains(got, "The minister said no to the plan.") || !strings.Contains(got, "Then he left.") {
		t.Errorf("outer quote text %q", got)
	}
	// The bold word stays inline, in the same paragraph as its sentence.
	for _, s := range outer.Texts {
		if ts, ok := s.(*widget.TextSegment); ok && ts.Text == "no" && !ts.Inline() {
			t.Error("bold text in a quote broke its line")
		}
	}
	// Laid out, the inner quote sits further right than the outer one.
	test.NewTempApp(t)
	w := test.NewTempWindow(t, dossierMarkdown("> outer words\n>\n> > inner words"))
	w.Resize(fyne.NewSize(500, 300))
	var outerX, innerX float32 = -1, -1
	for _, o := range test.LaidOutObjects(w.Content()) {
		if rt, ok := o.(*widget.RichText); ok {
			x := fyne.CurrentApp().Driver().AbsolutePositionForObject(rt).X
			switch rt.String() {
			case "outer words":
				outerX = x
			case "inner words":
				innerX = x
			}
		}
	}
	if outerX < 0 || innerX <= outerX {
		t.Errorf("outer quote at x=%v, inner at x=%v: the nesting does not show", outerX, innerX)
	}
}

// TestWindowFetchesNothingFromTheNetwork opens a dossier and an article whose notes hold web
// images and checks that a local web server standing in for the internet sees no request.
func TestWindowFetchesNothingFromTheNetwork(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Content-Type", "image/png")
	}))
	defer srv.Close()
	img := "![map of the front](" + srv.URL + "/map.png)"

	mw, st := newTestWindow(t)
	ctx := context.Background()
	actor, err := st.CreateActor(ctx, app.Actor{Name: "Ministry of Oil", Kind: app.Organisation, Notes: "Record: " + img})
	if err != nil {
		t.Fatal(err)
	}
	art := mustArticle(t, st, "Pipeline talks resume", "2026-02-03", "The Ministry of Oil met the pipeline operators.")
	for _, n := range []app.Note{
		{ActorID: actor.ID, Body: "On the actor: " + img + "\n\n> quoted " + img},
		{ArticleID: art.ID, Body: "On the article:\n\n- " + img},
	} {
		if _, err := st.CreateNote(ctx, n); err != nil {
			t.Fatal(err)
		}
	}
	refreshAll := func() int {
		n := 0
		for _, o := range test.LaidOutObjects(mw.u.win.Content()) {
			o.Refresh()
			if l, ok := o.(*widget.RichText); ok && strings.Contains(l.String(), "image: map of the front") {
				n++
			}
		}
		return n
	}
	mw.u.openDossier(actor.ID)
	if n := refreshAll(); n < 3 {
		t.Errorf("the dossier shows %d image links, want 3 (record notes, note, quoted)", n)
	}
	mw.u.openArticle(art.ID, [2]int{})
	if n := refreshAll(); n < 1 {
		t.Errorf("the article shows %d image links, want 1", n)
	}
	if n := hits.Load(); n != 0 {
		t.Fatalf("the window made %d requests to the web server", n)
	}
	// The server does count: Fyne's own Markdown widget, drawn, fetches the picture.
	probe := widget.NewRichTextFromMarkdown(img)
	test.NewTempWindow(t, probe)
	if hits.Load() == 0 {
		t.Fatal("the web server saw nothing even from Fyne's image segment: the test cannot detect a fetch")
	}
}
