package views

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
)

// Fyne 2.7's RichText wraps a paragraph of several segments one letter per row in a real
// window; every wrapping RichText the dossier builds must therefore hold a single
// segment, and mixed text must go through an articleFlow.
func TestDossierWrapsNoMixedRichText(t *testing.T) {
	f := newDossierFixture(t)
	ctx := context.Background()
	notes := []string{
		"## Why it matters\n\nAfter the **Coordination Framework** named him, [the talks](https://example.org) stalled.",
		"- first point, with **bold** words that run on\n- second point\n\n1. one\n2. two",
	}
	for _, body := range notes {
		if _, err := f.st.CreateNote(ctx, app.Note{ActorID: f.trump.ID, Body: body}); err != nil {
			t.Fatal(err)
		}
	}
	for _, a := range []app.Actor{f.trump, f.iraq, f.iran} {
		s := f.open(a)
		for _, width := range []float32{1200, 700} {
			f.u.win.Resize(fyne.NewSize(width, 800))
			flows := 0
			for _, o := range test.LaidOutObjects(s.content()) {
				switch w := o.(type) {
				case *articleFlow:
					flows++
				case *widget.RichText:
					if w.Wrapping != fyne.TextWrapOff && len(w.Segments) > 1 {
						t.Errorf("%s at %v: a wrapping RichText of %d segments: %q", a.Name, width, len(w.Segments), w.String())
					}
				}
			}
			if flows == 0 {
				t.Errorf("%s at %v: no articleFlow on screen", a.Name, width)
			}
		}
	}
	mustContain(t, dossierText(f.open(f.trump).content()),
		"Why it matters", "After the Coordination Framework named him, the talks stalled.",
		"first point, with bold words that run on", "second point", "1.", "2.")
}

func TestDossierMarkdownBlocks(t *testing.T) {
	test.NewTempApp(t)
	for _, tc := range []struct {
		name, md string
		want     []string // the text of each block, in order
	}{
		{"paragraphs", "One **bold** word.\n\nTwo.", []string{"One bold word.", "Two."}},
		{"heading", "# Title\n\nBody text.", []string{"Title", "Body text."}},
		// A list item reads text first, then its mark: the Border holds its centre first.
		{"list", "- a *b* c\n- d", []string{"a b c•", "d•"}},
		{"numbered", "3. three\n4. four", []string{"three3.", "four4."}},
		{"rule", "above\n\n---\n\nbelow", []string{"above", "", "below"}},
		{"empty", "", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			blocks := dossierMarkdownBlocks(widget.NewRichTextFromMarkdown(tc.md).Segments)
			var got []string
			for _, b := range blocks {
				if c, ok := b.(*fyne.Container); ok && len(c.Objects) > 0 {
					if _, isList := c.Layout.(*dossierStackLayout); isList {
						for _, item := range c.Objects {
							got = append(got, markdownBlockText(item))
						}
						continue
					}
				}
				got = append(got, markdownBlockText(b))
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("blocks %q, want %q", got, tc.want)
			}
		})
	}
}

// markdownBlockText is the text shown by one block: its rich texts and flows run together.
func markdownBlockText(o fyne.CanvasObject) string {
	var b strings.Builder
	inFlow := map[*widget.RichText]bool{}
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *articleFlow:
			inFlow[w.rt] = true
			b.WriteString(w.String())
		case *widget.RichText:
			if !inFlow[w] {
				b.WriteString(w.String())
			}
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
		}
	}
	walk(o)
	return b.String()
}

func TestDossierStackSizesTextToWidth(t *testing.T) {
	test.NewTempApp(t)
	long := newArticleFlow(dossierPlain(strings.Repeat("word after word ", 30)), dossierStrong("bold"))
	after := widget.NewLabel("after")
	gap := dossierLineGap()
	stack := dossierStack(gap, long, after)
	for _, width := range []float32{900, 240, 600} {
		stack.Resize(fyne.NewSize(width, stack.MinSize().Height))
		if got, want := long.Size().Height, long.MinSize().Height; got != want {
			t.Errorf("width %v: the text got %v high, needs %v", width, got, want)
		}
		if got, want := after.Position().Y, long.Size().Height+gap; got != want {
			t.Errorf("width %v: the next line starts at %v, want %v", width, got, want)
		}
		if got, want := stack.MinSize().Height, long.MinSize().Height+gap+after.MinSize().Height; got != want {
			t.Errorf("width %v: MinSize height %v, want %v", width, got, want)
		}
	}
}

func TestDossierProse(t *testing.T) {
	test.NewTempApp(t)
	for _, tc := range []struct {
		name string
		segs []widget.RichTextSegment
		flow bool
	}{
		{"one segment wraps in a RichText", []widget.RichTextSegment{dossierPlain("plain")}, false},
		{"a line break needs the flow", []widget.RichTextSegment{dossierPlain("a\nb")}, true},
		{"mixed styles", []widget.RichTextSegment{dossierMuted("by "), dossierLinkText("title")}, true},
		{"a link", []widget.RichTextSegment{&widget.HyperlinkSegment{Text: "Iraq"}}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, isFlow := dossierProse(tc.segs...).(*articleFlow)
			if isFlow != tc.flow {
				t.Errorf("articleFlow = %v, want %v", isFlow, tc.flow)
			}
		})
	}
}

// A note is whatever the researcher typed: any Markdown must render without a panic, and
// no word of a plain paragraph may be lost on the way from Fyne's segments to the blocks.
func FuzzDossierMarkdown(f *testing.F) {
	for _, s := range []string{"", "plain", "**bold** and *it*", "- a\n  - nested **b**\n- c", "# h\n\n> quoted *x*\n\n---\n\n`code`",
		"1. one\n2. [link](https://example.org)", "![img](x.png)", "\x00\xff**"} {
		f.Add(s)
	}
	test.NewTempApp(f)
	f.Fuzz(func(t *testing.T, md string) {
		segs := widget.NewRichTextFromMarkdown(md).Segments
		blocks := dossierMarkdownBlocks(segs)
		if len(segs) > 0 && strings.TrimSpace(dossierSegmentsText(segs)) != "" && len(blocks) == 0 {
			t.Fatalf("%q: text but no blocks", md)
		}
		if !strings.ContainsAny(md, "*_`[]!<>#-+=|\\~\n\r\t0123456789") {
			var got strings.Builder
			for _, b := range blocks {
				got.WriteString(markdownBlockText(b))
			}
			if strings.Join(strings.Fields(got.String()), " ") != strings.Join(strings.Fields(dossierSegmentsText(segs)), " ") {
				t.Fatalf("%q: blocks read %q, Fyne's segments %q", md, got.String(), dossierSegmentsText(segs))
			}
		}
	})
}
