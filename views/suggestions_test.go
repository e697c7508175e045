package views

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
	"dossier/db"
)

// A short article written for these tests.
const suggestTestBody = `BAGHDAD — Former Iraqi Prime Minister Nouri al-Maliki said on Tuesday he would stay in the race, despite a warning from Donald Trump.

Caretaker Prime Minister Mohammed Shia Sudani did not comment. Maliki's allies said Sudani had lost the numbers.`

// suggestUI shows the articles screen over a fresh project with one article and Donald
// Trump already an actor, and opens the article.
func suggestUI(t *testing.T) (*UI, *db.Store, app.Article) {
	t.Helper()
	u, st := newTestUI(t)
	u.show = func(r route) {
		if r.screen == "article" {
			u.articles.openArticle(r.id, r.span)
		}
	}
	u.win.SetContent(u.articles.content())
	mustActor(t, st, "Donald Trump", app.Person)
	a := mustArticle(t, st, "Maliki stays in the race", "2026-01-27", suggestTestBody)
	u.articles.reload()
	u.openArticle(a.ID, [2]int{})
	return u, st, a
}

func panelOf(u *UI) *suggestionsPanel { return u.articles.view.suggestions }

// shownSuggestions returns the names the panel lists.
func shownSuggestions(p *suggestionsPanel) []string {
	var out []string
	for _, s := range p.sugs {
		out = append(out, s.Name)
	}
	return out
}

// walk calls fn on o and every object inside it.
func walk(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	fn(o)
	if c, ok := o.(*fyne.Container); ok {
		for _, x := range c.Objects {
			walk(x, fn)
		}
	}
}

// rowButton finds the button labelled label in the panel row whose text starts with start.
func rowButton(t *testing.T, box *fyne.Container, start, label string) *widget.Button {
	t.Helper()
	for _, row := range box.Objects {
		var text string
		var found *widget.Button
		walk(row, func(o fyne.CanvasObject) {
			switch w := o.(type) {
			case *widget.RichText:
				text += w.String()
			case *widget.Label:
				text += w.Text
			case *widget.Button:
				if w.Text == label {
					found = w
				}
			}
		})
		if strings.HasPrefix(text, start) && found != nil {
			return found
		}
	}
	t.Fatalf("no row starting %q with a %q button", start, label)
	return nil
}

// links counts the body's links by text.
func links(u *UI) map[string]int {
	out := map[string]int{}
	for _, seg := range u.articles.view.body.Segments {
		if h, ok := seg.(*widget.HyperlinkSegment); ok {
			out[h.Text]++
		}
	}
	return out
}

func TestSuggestionsPanelListsNewNames(t *testing.T) {
	u, _, _ := suggestUI(t)
	p := panelOf(u)
	want := []string{"Nouri al-Maliki", "Mohammed Shia Sudani"}
	if got := shownSuggestions(p); !slices.Equal(got, want) {
		t.Fatalf("suggested %q, want %q (Donald Trump is an actor already)", got, want)
	}
	if p.root.Hidden || !p.ambPart.Hidden {
		t.Errorf("panel hidden %v, ambiguity part hidden %v", p.root.Hidden, p.ambPart.Hidden)
	}
	row := p.sugBox.Objects[0]
	var text string
	walk(row, func(o fyne.CanvasObject) {
		if r, ok := o.(*widget.RichText); ok {
			text = r.String()
		}
	})
	if text != "Nouri al-Maliki   person · also “Maliki” · named 3 times" {
		t.Errorf("row reads %q", text)
	}
}

func TestSuggestionsPanelAcceptOpensFilledForm(t *testing.T) {
	u, st, a := suggestUI(t)
	p := panelOf(u)
	test.Tap(rowButton(t, p.sugBox, "Nouri al-Maliki", "Add as actor…"))
	f := u.actors.form
	if f == nil {
		t.Fatal("no actor form opened")
	}
	if f.name.Text != "Nouri al-Maliki" || f.kind.Selected != app.Person.Label() || f.aliases.Text != "Maliki" {
		t.Errorf("form filled with %q, %q, %q", f.name.Text, f.kind.Selected, f.aliases.Text)
	}
	f.description.SetText("former prime minister of Iraq")
	f.submit()

	got, err := st.FindActor(context.Background(), "Maliki")
	if err != nil || got.Description != "former prime minister of Iraq" {
		t.Fatalf("actor %+v, %v", got, err)
	}
	// The article shows the new actor's mentions, and no longer suggests it.
	if l := links(u); l["Nouri al-Maliki"] != 1 || l["Maliki"] != 1 {
		t.Errorf("links after accepting: %v", l)
	}
	if got := shownSuggestions(p); slices.Contains(got, "Nouri al-Maliki") {
		t.Errorf("still suggested: %q", got)
	}
	if !strings.Contains(p.status.Text, "is now an actor") || p.articleID != a.ID {
		t.Errorf("status %q", p.status.Text)
	}
}

func TestSuggestionsPanelMergeAddsAliases(t *testing.T) {
	u, st, _ := suggestUI(t)
	p := panelOf(u)
	maliki := mustActor(t, st, "Nouri Kamil al-Maliki", app.Person)
	test.Tap(rowButton(t, p.sugBox, "Nouri al-Maliki", "Merge into…"))
	if u.actors.picker == nil {
		t.Fatal("no actor picker opened")
	}
	u.actors.picker.done(maliki)

	got, err := st.Actor(context.Background(), maliki.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got.Aliases, []string{"Nouri al-Maliki", "Maliki"}) {
		t.Errorf("aliases after merging: %q", got.Aliases)
	}
	if l := links(u); l["Nouri al-Maliki"] != 1 || l["Maliki"] != 1 {
		t.Errorf("links after merging: %v", l)
	}
	if got := shownSuggestions(p); !slices.Equal(got, []string{"Mohammed Shia Sudani"}) {
		t.Errorf("suggested after merging: %q", got)
	}
	if !strings.Contains(p.status.Text, "Nouri Kamil al-Maliki now also goes by “Nouri al-Maliki” and “Maliki”") {
		t.Errorf("status %q", p.status.Text)
	}
}

func TestSuggestionsPanelDismissAndUndo(t *testing.T) {
	u, st, a := suggestUI(t)
	p := panelOf(u)
	test.Tap(rowButton(t, p.sugBox, "Mohammed Shia Sudani", "Dismiss"))
	if got := shownSuggestions(p); !slices.Equal(got, []string{"Nouri al-Maliki"}) {
		t.Errorf("after dismissing: %q", got)
	}
	if d, _ := st.DismissedSuggestions(context.Background()); !slices.Equal(d, []string{"Mohammed Shia Sudani"}) {
		t.Errorf("dismissed in the store: %q", d)
	}
	if p.statusRow.Hidden || p.undo.Hidden || !strings.Contains(p.status.Text, "will not be suggested again") {
		t.Errorf("status %q, undo hidden %v", p.status.Text, p.undo.Hidden)
	}

	// Remembered: another article naming him does not suggest him either.
	b := mustArticle(t, st, "Sudani silent", "2026-01-28", "Mohammed Shia Sudani said nothing again.")
	u.openArticle(b.ID, [2]int{})
	if got := shownSuggestions(p); len(got) != 0 || !p.root.Hidden {
		t.Errorf("other article suggests %q (panel hidden %v)", got, p.root.Hidden)
	}
	if !p.statusRow.Hidden {
		t.Error("the message about the first article is still shown on the second")
	}

	u.openArticle(a.ID, [2]int{})
	test.Tap(rowButton(t, p.sugBox, "Nouri al-Maliki", "Dismiss"))
	test.Tap(p.undo)
	if got := shownSuggestions(p); !slices.Contains(got, "Nouri al-Maliki") {
		t.Errorf("after undo: %q", got)
	}
}

func TestSuggestionsPanelResolvesAmbiguousName(t *testing.T) {
	u, st := newTestUI(t)
	u.show = func(r route) {
		if r.screen == "article" {
			u.articles.openArticle(r.id, r.span)
		}
	}
	u.win.SetContent(u.articles.content())
	joshua := mustActor(t, st, "Joshua Harris", app.Person, "Harris")
	kamala := mustActor(t, st, "Kamala Harris", app.Person, "Harris")
	a := mustArticle(t, st, "Sanctions bill advances", "2026-02-01",
		"Kamala Harris welcomed the bill of Sen. Joshua Harris. Harris said it would pass.")
	u.articles.reload()
	u.openArticle(a.ID, [2]int{})
	p := panelOf(u)
	if len(p.amb) != 1 || p.ambPart.Hidden {
		t.Fatalf("ambiguous names: %+v", p.amb)
	}
	want := "“Harris” could be: Joshua Harris, Kamala Harris — proposed: Joshua Harris"
	b := rowButton(t, p.ambBox, want, "Kamala Harris")
	if proposed := rowButton(t, p.ambBox, want, "Joshua Harris"); proposed.Importance != widget.HighImportance {
		t.Error("the proposed actor's button is not the prominent one")
	}
	test.Tap(b)

	if len(p.amb) != 0 || !p.ambPart.Hidden {
		t.Errorf("still ambiguous after choosing: %+v", p.amb)
	}
	ms, err := st.Mentions(context.Background(), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	start := len([]rune("Kamala Harris welcomed the bill of Sen. Joshua Harris. "))
	var status = map[int64]string{}
	for _, m := range ms {
		if m.Start == start {
			status[m.ActorID] = m.Status
		}
	}
	if status[kamala.ID] != app.MentionConfirmed || status[joshua.ID] != app.MentionRejected {
		t.Errorf("mentions at the place: %v", status)
	}
}

func TestSuggestionsPanelHiddenForTrashedArticle(t *testing.T) {
	u, st, a := suggestUI(t)
	if err := st.DeleteArticle(context.Background(), a.ID); err != nil {
		t.Fatal(err)
	}
	u.articles.view.refresh()
	p := panelOf(u)
	if !p.root.Hidden || len(p.sugs) != 0 {
		t.Errorf("trashed article: panel hidden %v, suggestions %q", p.root.Hidden, shownSuggestions(p))
	}
}

func TestAmbiguousText(t *testing.T) {
	m := app.AmbiguousMention{Text: "Harris", Candidates: []app.ActorRef{{ID: 1, Name: "Joshua Harris"}, {ID: 2, Name: "Kamala Harris"}}}
	if got := ambiguousText(m); got != "“Harris” could be: Joshua Harris, Kamala Harris" {
		t.Errorf("no proposal: %q", got)
	}
	m.Proposed = 2
	if got := ambiguousText(m); got != "“Harris” could be: Joshua Harris, Kamala Harris — proposed: Kamala Harris" {
		t.Errorf("with a proposal: %q", got)
	}
	if got := quoteList([]string{"a", "b", "c"}); got != "“a”, “b” and “c”" {
		t.Errorf("quoteList: %q", got)
	}
}
