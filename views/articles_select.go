package views

import (
	"context"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
)

// articleBodyEntry is a multi-line Entry that lets the user select and copy text but not
// change it: typing, pasting, cutting and undo are ignored, and anything that slips past
// (the context menu's Cut and Paste) is put back by OnChanged. A disabled Entry would be
// read-only too, but cannot be selected from.
type articleBodyEntry struct {
	widget.Entry
	text     string
	onEscape func()
}

func newArticleBodyEntry() *articleBodyEntry {
	e := &articleBodyEntry{}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.ExtendBaseWidget(e)
	e.OnChanged = func(t string) {
		if t != e.text {
			e.SetText(e.text)
		}
	}
	return e
}

// setBody replaces the text the entry holds.
func (e *articleBodyEntry) setBody(text string) {
	e.text = text
	e.SetText(text)
}

// TypedRune ignores typing.
func (e *articleBodyEntry) TypedRune(rune) {}

// TypedKey passes on the keys that move the cursor or the selection and drops the ones that edit.
func (e *articleBodyEntry) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyEscape:
		if e.onEscape != nil {
			e.onEscape()
		}
		return
	case fyne.KeyBackspace, fyne.KeyDelete, fyne.KeyReturn, fyne.KeyEnter, fyne.KeyTab:
		return
	}
	e.Entry.TypedKey(k)
}

// TypedShortcut keeps Copy and Select all only.
func (e *articleBodyEntry) TypedShortcut(s fyne.Shortcut) {
	switch s.(type) {
	case *fyne.ShortcutCopy, *fyne.ShortcutSelectAll:
		e.Entry.TypedShortcut(s)
	}
}

// AcceptsTab is false so Tab moves the focus on to the buttons instead of typing a tab.
func (e *articleBodyEntry) AcceptsTab() bool { return false }

// articleSelectPane is the article pane's selection mode: the body in an entry the user
// selects a passage from, and what can be done with that passage.
type articleSelectPane struct {
	v     *articleView
	entry *articleBodyEntry

	addActorBtn, linkBtn, relationBtn, doneBtn *widget.Button
}

func newArticleSelectPane(v *articleView) *articleSelectPane {
	return &articleSelectPane{v: v, entry: newArticleBodyEntry()}
}

func (p *articleSelectPane) content() fyne.CanvasObject {
	p.addActorBtn = widget.NewButton("Add as actor", p.addAsActor)
	p.linkBtn = widget.NewButton("Link to actor", p.linkToActor)
	p.relationBtn = widget.NewButton("New relation from quote", p.relationFromQuote)
	p.relationBtn.Importance = widget.HighImportance
	p.doneBtn = widget.NewButton("Done", p.v.stopSelecting)
	p.entry.onEscape = p.v.stopSelecting
	hint := widget.NewLabel("Select a passage with the mouse or Shift+arrow keys, then choose what to do with it. Esc goes back.")
	hint.Wrapping = fyne.TextWrapWord
	actions := container.NewBorder(nil, nil, nil, p.doneBtn, container.NewHBox(p.addActorBtn, p.linkBtn, p.relationBtn))
	return container.NewBorder(container.NewVBox(hint, actions, widget.NewSeparator()), nil, nil, nil, p.entry)
}

func (p *articleSelectPane) setText(body string) {
	if p.entry.text != body {
		p.entry.setBody(body)
	}
}

// startSelecting switches the pane to the selection mode.
func (v *articleView) startSelecting() {
	if v.articleID == 0 || v.data.article.ID == 0 {
		return
	}
	v.sel.setText(v.data.article.Body)
	v.show(v.selecting)
	if c := v.u.win.Canvas(); c != nil {
		c.Focus(v.sel.entry)
	}
}

// stopSelecting goes back to reading.
func (v *articleView) stopSelecting() {
	v.u.win.Canvas().Unfocus() // the hidden entry must not keep the keyboard
	v.show(v.reading)
}

// selection returns the selected passage without its surrounding spaces, and its rune
// offsets in the body. ok is false when nothing is selected.
func (p *articleSelectPane) selection() (text string, start, end int, ok bool) {
	sel := p.entry.SelectedText()
	if strings.TrimSpace(sel) == "" {
		return "", 0, 0, false
	}
	start, end, ok = articleLocateSelection(p.entry.text, sel, p.entry.CursorTextOffset())
	if !ok {
		return "", 0, 0, false
	}
	start, end = articleTrimSpan(p.entry.text, start, end)
	return articleRunes(p.entry.text, start, end), start, end, true
}

// articleLocateSelection finds the rune offsets of sel in body. The entry's cursor sits at one end
// of a selection: the end when it was made forwards, the start when made backwards. When
// neither fits (the text changed under it) the first occurrence is taken.
func articleLocateSelection(body, sel string, cursor int) (start, end int, ok bool) {
	runes := []rune(body)
	n := utf8.RuneCountInString(sel)
	if n == 0 || n > len(runes) {
		return 0, 0, false
	}
	if cursor-n >= 0 && cursor <= len(runes) && string(runes[cursor-n:cursor]) == sel {
		return cursor - n, cursor, true
	}
	if cursor >= 0 && cursor+n <= len(runes) && string(runes[cursor:cursor+n]) == sel {
		return cursor, cursor + n, true
	}
	if i := strings.Index(body, sel); i >= 0 {
		start = utf8.RuneCountInString(body[:i])
		return start, start + n, true
	}
	return 0, 0, false
}

// articleTrimSpan narrows [start, end) of body so it neither starts nor ends with white space.
func articleTrimSpan(body string, start, end int) (int, int) {
	runes := []rune(body)
	for start < end && unicode.IsSpace(runes[start]) {
		start++
	}
	for end > start && unicode.IsSpace(runes[end-1]) {
		end--
	}
	return start, end
}

// passage returns the selection, or says in a dialog that there is none.
func (p *articleSelectPane) passage() (text string, start, end int, ok bool) {
	text, start, end, ok = p.selection()
	if !ok {
		p.v.u.showInfo("No passage selected", "Select a passage of the article first.")
	}
	return text, start, end, ok
}

func (p *articleSelectPane) addAsActor() {
	text, _, _, ok := p.passage()
	if !ok {
		return
	}
	p.v.u.actors.editActor(app.Actor{Name: text, Kind: app.Person}, func(app.Actor) { p.v.refresh() })
}

func (p *articleSelectPane) linkToActor() {
	text, _, _, ok := p.passage()
	if !ok {
		return
	}
	u := p.v.u
	u.actors.pickActor(fmt.Sprintf("Link “%s” to which actor?", text), func(picked app.Actor) {
		st := u.store
		u.async(func(ctx context.Context) {
			a, err := st.Actor(ctx, picked.ID) // the picker's copy may lack the aliases
			fyne.Do(func() {
				if err != nil {
					u.showError(err)
					return
				}
				p.offerAlias(a, text)
			})
		})
	})
}

// offerAlias asks whether text should become another name of a, so that its mentions link to a.
func (p *articleSelectPane) offerAlias(a app.Actor, text string) {
	u := p.v.u
	for _, n := range a.Names() {
		if app.Fold(n) == app.Fold(text) {
			u.showInfo("Already linked",
				fmt.Sprintf("“%s” is already a name of %s, so the articles that say it link to its dossier.", text, a.Name))
			return
		}
	}
	msg := fmt.Sprintf("Add “%s” as another name of %s?\nEvery article that says it will then link to the dossier of %s.", text, a.Name, a.Name)
	d := dialog.NewConfirm("Add a name", msg, func(yes bool) {
		if !yes {
			return
		}
		st := u.store
		u.async(func(ctx context.Context) {
			err := st.AddAlias(ctx, a.ID, text)
			fyne.Do(func() {
				if err != nil {
					u.showError(err)
					return
				}
				p.v.refresh()
			})
		})
	}, u.win)
	d.SetConfirmText("Add the name")
	u.showConfirm(d, false)
}

func (p *articleSelectPane) relationFromQuote() {
	text, start, end, ok := p.passage()
	if !ok {
		return
	}
	p.v.s.newRelation(articleQuoteRelation(p.v.data, text, start, end))
}

// articleQuoteRelation prefills a relation from a quoted passage: the article as evidence
// and the first two actors named in the passage as source and target. Not the date: the
// article's date is the day the event was reported, and the editor offers the dates the
// text gives before it, for the user to choose.
func articleQuoteRelation(d articleData, quote string, start, end int) app.Relation {
	a := d.article
	r := app.Relation{Evidence: []app.Evidence{{
		ArticleID: a.ID, Quote: quote, Start: start, End: end,
		ArticleTitle: a.Title, ArticleURL: a.URL, ArticleDate: a.Date, Source: a.Source,
	}}}
	for _, m := range d.mentions {
		if m.Status == app.MentionRejected || m.Start < start || m.End > end {
			continue
		}
		switch {
		case r.SourceID == 0:
			r.SourceID = m.ActorID
		case r.TargetID == 0 && m.ActorID != r.SourceID:
			r.TargetID = m.ActorID
		}
	}
	return r
}
