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
	"dossier/app/suggest"
)

// suggestionsShown caps the suggestions listed for one article: a very long text could
// otherwise fill the pane with rows.
const suggestionsShown = 60

// suggestionsPanel is the part of the article view that proposes the people and groups
// the article names that are not yet actors (add, merge into an actor, or dismiss each),
// and asks which actor is meant where a name belongs to several ("Harris").
type suggestionsPanel struct {
	v *articleView
	u *UI

	root      *fyne.Container // hidden while there is nothing to show
	ambBox    *fyne.Container
	ambPart   *fyne.Container
	sugBox    *fyne.Container
	sugPart   *fyne.Container
	status    *widget.Label
	undo      *widget.Button
	statusRow *fyne.Container

	articleID int64
	gen       int
	sugs      []suggest.Suggestion
	amb       []app.AmbiguousMention
	// dismissed is the name Undo brings back.
	dismissed string
}

func newSuggestionsPanel(v *articleView) *suggestionsPanel {
	p := &suggestionsPanel{v: v, u: v.u}
	p.ambBox = container.NewVBox()
	p.ambPart = container.NewVBox(articleSection("Names that could be more than one actor"),
		articleWrapped("Choose who is meant at each place; the highlighted choice is the one this article names in full nearby."), p.ambBox)
	p.sugBox = container.NewVBox()
	p.sugPart = container.NewVBox(articleSection("People and groups not yet in the project"), p.sugBox)
	p.status = articleWrapped("")
	p.undo = widget.NewButtonWithIcon("Undo", theme.ContentUndoIcon(), p.undoDismiss)
	p.undo.Importance = widget.LowImportance
	p.statusRow = container.NewBorder(nil, nil, nil, p.undo, p.status)
	p.statusRow.Hide()
	p.root = container.NewVBox(widget.NewSeparator(), p.ambPart, p.sugPart, p.statusRow)
	p.root.Hide()
	return p
}

func (p *suggestionsPanel) content() fyne.CanvasObject { return p.root }

// load computes the suggestions and ambiguous names of the article shown, off the UI
// goroutine. An article in the trash gets none: restore it first.
func (p *suggestionsPanel) load(a app.Article) {
	p.gen++
	if a.ID != p.articleID {
		p.statusRow.Hide() // a message about another article
	}
	p.articleID = a.ID
	if !a.Deleted.IsZero() {
		p.show(nil, nil)
		return
	}
	gen, id, st := p.gen, a.ID, p.u.store
	p.u.async(func(ctx context.Context) {
		sugs, err := st.SuggestActors(ctx, id)
		var amb []app.AmbiguousMention
		if err == nil {
			amb, err = st.AmbiguousMentions(ctx, id)
		}
		fyne.Do(func() {
			if gen != p.gen {
				return // another article, or a newer load, came since
			}
			if err != nil {
				p.show(nil, nil)
				p.u.showError(err)
				return
			}
			p.show(sugs, amb)
		})
	})
}

// show lays out the suggestions and the ambiguous names.
func (p *suggestionsPanel) show(sugs []suggest.Suggestion, amb []app.AmbiguousMention) {
	p.sugs, p.amb = sugs, amb
	p.ambBox.Objects = nil
	for _, m := range amb {
		p.ambBox.Add(p.ambiguousRow(m))
	}
	p.ambPart.Hidden = len(amb) == 0
	p.sugBox.Objects = nil
	for i, s := range sugs {
		if i == suggestionsShown {
			p.sugBox.Add(articleWrapped(fmt.Sprintf("…and %d more.", len(sugs)-suggestionsShown)))
			break
		}
		p.sugBox.Add(p.suggestionRow(s))
	}
	if len(sugs) == 0 {
		p.sugBox.Add(articleWrapped("Every name found in this article is already an actor of the project, or was dismissed."))
	}
	p.root.Hidden = len(sugs) == 0 && len(amb) == 0 && p.statusRow.Hidden
	p.root.Refresh()
}

// suggestionSegments describe one suggestion: "Nouri al-Maliki  person · also “Maliki” ·
// named 3 times".
func suggestionSegments(s suggest.Suggestion) []widget.RichTextSegment {
	var about []string
	about = append(about, s.Kind.Label())
	if len(s.Aliases) > 0 {
		quoted := make([]string, len(s.Aliases))
		for i, a := range s.Aliases {
			quoted[i] = "“" + a + "”"
		}
		about = append(about, "also "+strings.Join(quoted, ", "))
	}
	about = append(about, withheldNotes(s.Withheld)...)
	if s.Count == 1 {
		about = append(about, "named once")
	} else {
		about = append(about, fmt.Sprintf("named %d times", s.Count))
	}
	return []widget.RichTextSegment{
		&widget.TextSegment{Style: widget.RichTextStyle{Inline: true, SizeName: theme.SizeNameText, TextStyle: fyne.TextStyle{Bold: true}}, Text: s.Name},
		&widget.TextSegment{Style: widget.RichTextStyle{Inline: true, SizeName: theme.SizeNameText, ColorName: theme.ColorNamePlaceHolder}, Text: "   " + strings.Join(about, " · ")},
	}
}

func (p *suggestionsPanel) suggestionRow(s suggest.Suggestion) fyne.CanvasObject {
	text := widget.NewRichText(suggestionSegments(s)...)
	text.Wrapping = fyne.TextWrapWord
	add := widget.NewButtonWithIcon("Add as actor…", theme.ContentAddIcon(), func() { p.accept(s) })
	merge := widget.NewButton("Merge into…", func() { p.merge(s) })
	dismiss := widget.NewButton("Dismiss", func() { p.dismiss(s) })
	add.Importance, merge.Importance, dismiss.Importance = widget.LowImportance, widget.LowImportance, widget.LowImportance
	return container.NewBorder(nil, nil, nil, container.NewHBox(add, merge, dismiss), text)
}

// ambiguousText reads "“Harris” could be: Joshua Harris, Kamala Harris — proposed: Joshua Harris".
func ambiguousText(m app.AmbiguousMention) string {
	names := make([]string, len(m.Candidates))
	proposed := ""
	for i, c := range m.Candidates {
		names[i] = c.Name
		if c.ID == m.Proposed {
			proposed = c.Name
		}
	}
	text := fmt.Sprintf("“%s” could be: %s", m.Text, strings.Join(names, ", "))
	if proposed != "" {
		text += " — proposed: " + proposed
	}
	return text
}

func (p *suggestionsPanel) ambiguousRow(m app.AmbiguousMention) fyne.CanvasObject {
	buttons := container.NewHBox()
	show := widget.NewButtonWithIcon("Show", theme.VisibilityIcon(), func() {
		p.v.open(p.articleID, [2]int{m.Start, m.End})
	})
	show.Importance = widget.LowImportance
	buttons.Add(show)
	for _, c := range m.Candidates {
		b := widget.NewButton(c.Name, func() { p.resolve(m, c.ID) })
		if c.ID == m.Proposed {
			b.Importance = widget.HighImportance
		}
		buttons.Add(b)
	}
	return container.NewVBox(articleWrapped(ambiguousText(m)), buttons)
}

// accept opens the actor form filled with the suggestion; once the actor is saved the store
// has linked its mentions, and the article is shown again with them.
func (p *suggestionsPanel) accept(s suggest.Suggestion) {
	p.u.actors.editActor(s.Actor(), func(a app.Actor) {
		p.say(fmt.Sprintf("“%s” is now an actor.", a.Name), "")
		p.v.refresh()
	})
}

// merge asks which actor the suggestion is another name of, and gives that actor the
// suggestion's name and aliases.
func (p *suggestionsPanel) merge(s suggest.Suggestion) {
	p.u.actors.pickActor(fmt.Sprintf("Merge “%s” into…", s.Name), func(a app.Actor) {
		st := p.u.store
		forms := append([]string{s.Name}, s.Aliases...)
		p.u.async(func(ctx context.Context) {
			var err error
			for _, f := range forms {
				if err = st.AddAlias(ctx, a.ID, f); err != nil {
					break
				}
			}
			fyne.Do(func() {
				if err != nil {
					p.u.showError(err)
				} else {
					p.say(fmt.Sprintf("%s now also goes by %s.", a.Name, quoteList(forms)), "")
				}
				p.v.refresh()
			})
		})
	})
}

// dismiss stops the name being suggested in any article of the project; Undo brings it back.
func (p *suggestionsPanel) dismiss(s suggest.Suggestion) {
	st := p.u.store
	p.u.async(func(ctx context.Context) {
		err := st.DismissSuggestion(ctx, s.Name)
		fyne.Do(func() {
			if err != nil {
				p.u.showError(err)
				return
			}
			p.say(fmt.Sprintf("“%s” will not be suggested again in this project.", s.Name), s.Name)
			p.v.refresh()
		})
	})
}

func (p *suggestionsPanel) undoDismiss() {
	name := p.dismissed
	if name == "" {
		return
	}
	st := p.u.store
	p.u.async(func(ctx context.Context) {
		err := st.RestoreSuggestion(ctx, name)
		fyne.Do(func() {
			if err != nil {
				p.u.showError(err)
				return
			}
			p.say(fmt.Sprintf("“%s” is suggested again.", name), "")
			p.v.refresh()
		})
	})
}

// resolve says which actor an ambiguous name means at one place.
func (p *suggestionsPanel) resolve(m app.AmbiguousMention, actorID int64) {
	st, id := p.u.store, p.articleID
	p.u.async(func(ctx context.Context) {
		err := st.ResolveMention(ctx, id, m.Start, actorID)
		fyne.Do(func() {
			if err != nil {
				p.u.showError(err)
			}
			p.v.refresh()
		})
	})
}

// say shows a message under the panel; undoName, when set, is the dismissed name Undo restores.
func (p *suggestionsPanel) say(text, undoName string) {
	p.dismissed = undoName
	p.status.SetText(text)
	p.undo.Hidden = undoName == ""
	p.statusRow.Show()
	p.root.Show()
	p.root.Refresh()
}

// quoteList writes names as “a”, “b” and “c”.
// withheldNotes say which forms of a suggested name are not proposed as aliases and why:
// "“Varnholt” not proposed: also a place in this article". Accepting the suggestion
// leaves them out; the user can add one by hand.
func withheldNotes(w []app.WithheldAlias) []string {
	out := make([]string, len(w))
	for i, x := range w {
		out[i] = "“" + x.Alias + "” not proposed: " + x.Reason
	}
	return out
}

func quoteList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = "“" + n + "”"
	}
	if len(q) == 1 {
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " and " + q[len(q)-1]
}
