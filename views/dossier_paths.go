package views

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
	"dossier/app/graph"
)

// dossierPathTab answers "How are A and B connected?" from A's dossier: the shortest
// chains of relations, each hop with its wording, date and first source; the weaker
// connections through articles naming both listed apart.
type dossierPathTab struct {
	q       *dossierQuestions
	from    int64
	to      app.Actor
	ask     *widget.Button
	result  *fyne.Container
	gen     int
	box     fyne.CanvasObject
	lastRun graph.Connection
}

func newDossierPathTab(q *dossierQuestions) *dossierPathTab {
	t := &dossierPathTab{q: q}
	t.ask = widget.NewButtonWithIcon("How is this actor connected to…", theme.SearchIcon(), t.choose)
	t.ask.Importance = widget.HighImportance
	t.result = container.NewVBox(dossierHint("Choose another actor: Dossier finds up to three shortest chains of recorded " +
		"relations between them (at most four hops), each with its sources."))
	t.box = container.NewBorder(container.NewPadded(container.NewHBox(t.ask)), nil, nil, nil,
		container.NewVScroll(container.NewPadded(t.result)))
	return t
}

func (t *dossierPathTab) content() fyne.CanvasObject { return t.box }

// reset starts over for the dossier of a.
func (t *dossierPathTab) reset(a app.Actor) {
	t.from = a.ID
	t.ask.SetText("How is " + a.Name + " connected to…")
	t.result.Objects = []fyne.CanvasObject{dossierHint("Choose another actor: Dossier finds up to three shortest chains of recorded " +
		"relations between them (at most four hops), each with its sources.")}
	t.result.Refresh()
}

func (t *dossierPathTab) choose() {
	t.q.s.u.actors.pickActor("Connect "+t.q.s.d.Actor.Name+" with…", func(a app.Actor) { t.connect(a) })
}

// connect looks for the connections between the dossier's actor and a.
func (t *dossierPathTab) connect(a app.Actor) {
	qs, ok := t.q.s.u.questions()
	if !ok || t.from == 0 {
		return
	}
	t.to = a
	t.gen++
	gen, from, f := t.gen, t.from, t.q.current()
	t.result.Objects = []fyne.CanvasObject{dossierHint("Looking for connections…")}
	t.result.Refresh()
	u := t.q.s.u
	u.async(func(ctx context.Context) {
		c, err := qs.Connection(ctx, from, a.ID, f)
		// Each relation shown comes with its first source, read now.
		sources := map[int64]app.Relation{}
		for _, p := range c.Paths {
			for _, h := range p.Hops {
				for k, e := range h.Links {
					if _, ok := sources[e.ID]; !ok && k < 3 && err == nil {
						sources[e.ID], err = u.store.Relation(ctx, e.ID)
					}
				}
			}
		}
		fyne.Do(func() {
			if gen != t.gen {
				return
			}
			if err != nil {
				t.result.Objects = []fyne.CanvasObject{dossierHint(app.ErrorMessage(err))}
			} else {
				t.lastRun = c
				t.result.Objects = t.render(c, f, sources)
			}
			t.result.Refresh()
		})
	})
}

// render lists the chains, then the weaker connections.
func (t *dossierPathTab) render(c graph.Connection, f graph.Filter, sources map[int64]app.Relation) []fyne.CanvasObject {
	u := t.q.s.u
	var out []fyne.CanvasObject
	head := fmt.Sprintf("%s and %s", c.From.Name, c.To.Name)
	if d := f.Describe(); d != "" {
		head += " — relations filtered: " + d
	}
	out = append(out, dossierHeading(head, -1))
	if len(c.Paths) == 0 {
		out = append(out, dossierHint(fmt.Sprintf("No chain of recorded relations of at most %d hops joins them.", graph.MaxHops)))
	}
	for i, p := range c.Paths {
		names := []string{c.From.Name}
		for _, h := range p.Hops {
			names = append(names, h.To.Name)
		}
		out = append(out, widget.NewRichText(&widget.TextSegment{Text: fmt.Sprintf("%d. %s  (%s)", i+1, strings.Join(names, " → "),
			dossierCount(len(p.Hops), "hop", "hops")), Style: widget.RichTextStyle{TextStyle: fyne.TextStyle{Bold: true}}}))
		for _, h := range p.Hops {
			for k, e := range h.Links {
				if k == 3 {
					out = append(out, dossierIndent(dossierHint(fmt.Sprintf("and %d more relations between %s and %s",
						len(h.Links)-3, h.From.Name, h.To.Name)), 4))
					break
				}
				e := e
				g := &graph.Graph{Nodes: []graph.Node{{Actor: h.From}, {Actor: h.To}}}
				b := widget.NewButtonWithIcon(edgeSummary(g, e), dossierPolarityIcon(e.Polarity), func() {
					showRelationEvidence(u, e, f.AsOf)
				})
				b.Alignment = widget.ButtonAlignLeading
				b.Importance = widget.LowImportance
				out = append(out, dossierIndent(b, 4))
				if r, ok := sources[e.ID]; ok {
					if ev := graph.EvidenceAsOf(r, f.AsOf).Evidence; len(ev) > 0 {
						out = append(out, dossierIndent(sourceLine(u, ev[0]), 10))
					}
				}
			}
		}
	}
	if len(c.Weak) > 0 {
		out = append(out, widget.NewSeparator(), dossierHeading("Weaker: named in the same articles", -1),
			dossierHint("Being named together is not a relation; read the articles before drawing a conclusion."))
		for _, w := range c.Weak {
			text := fmt.Sprintf("%s and %s are named together in %s", c.From.Name, c.To.Name, dossierCount(w.Articles, "article", "articles"))
			if len(w.Via) > 0 {
				text = fmt.Sprintf("through %s: named with each of them in at least %s", w.Via[0].Name, dossierCount(w.Articles, "article", "articles"))
			}
			l := widget.NewLabel(text)
			l.Wrapping = fyne.TextWrapWord
			out = append(out, dossierIndent(l, 4))
		}
	}
	return out
}

// dossierPolarityIcon is the icon a relation button carries: a warning for conflictual,
// a tick for cooperative, a dash for neutral (the colour is in the graph).
func dossierPolarityIcon(p app.Polarity) fyne.Resource {
	switch p {
	case app.Conflictual:
		return theme.WarningIcon()
	case app.Cooperative:
		return theme.ConfirmIcon()
	}
	return theme.MoreHorizontalIcon()
}

// sourceLine is a relation's source in one wrapped line: the quote, then "title — outlet,
// date"; a tap opens the article at the passage.
func sourceLine(u *UI, ev app.Evidence) fyne.CanvasObject {
	src := ev.ArticleTitle
	if ev.Source != "" {
		src += " — " + ev.Source
	}
	if ev.ArticleDate != "" {
		src += ", " + ev.ArticleDate.Human()
	}
	var segs []widget.RichTextSegment
	if ev.Quote != "" {
		segs = append(segs, dossierItalic("“"+dossierClip(ev.Quote, 300)+"”  "))
	}
	segs = append(segs, &widget.TextSegment{Text: src, Style: widget.RichTextStyle{Inline: true, ColorName: theme.ColorNamePrimary}})
	return newDossierTappable(func() { u.openArticle(ev.ArticleID, [2]int{ev.Start, ev.End}) }, segs...)
}
