package views

import (
	"context"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
)

// relationDateChoices is how many dates from the text the editor offers; the article's
// date comes after them, as the day the event was reported.
const relationDateChoices = 4

// refreshDateChoices offers the dates the evidence gives for the event: those written in
// the quote, then in its paragraph, then the article's own date labelled as the day it was
// reported. None is filled in unasked: a reported event is often older than the article.
// They are offered for an empty (or unreadable) date, and a day that refines the month or
// year typed.
func (ed *relationEditor) refreshDateChoices() {
	shown, cut := ed.dateChoices()
	if slices.Equal(shown, ed.choices) && (len(shown) > 0) == ed.choiceBox.Visible() {
		return // unchanged: keep the buttons under the pointer
	}
	ed.choices = shown
	ed.choiceBtns, ed.choiceWhere = nil, nil
	var objs []fyne.CanvasObject
	if len(shown) > 0 {
		objs = append(objs, relationHint("Dates the article gives — choose one, or type the date:"))
	}
	for _, c := range shown {
		objs = append(objs, ed.dateChoiceRow(c))
	}
	if cut > 0 {
		objs = append(objs, relationHint("and "+dossierCount(cut, "more date", "more dates")+" in the paragraph, not listed"))
	}
	ed.choiceBox.Objects = objs
	ed.choiceBox.Refresh()
	if len(objs) == 0 {
		ed.choiceBox.Hide()
	} else {
		ed.choiceBox.Show()
	}
}

// dateChoices are the dates to offer (see refreshDateChoices) and how many more the
// paragraph holds that are not listed.
func (ed *relationEditor) dateChoices() (shown []app.DateChoice, cut int) {
	quote, body, base, ok := ed.suggestionSource()
	if !ok || ed.undated.Checked {
		return nil, 0
	}
	current, err := app.ParseDate(ed.start.Text)
	open := strings.TrimSpace(ed.start.Text) == "" || err != nil
	choices, cut := app.EventDateChoices(quote, body, base, relationDateChoices)
	for _, c := range choices {
		refines := err == nil && current != "" && c.Where != app.ReportedOn &&
			len(c.Date) > len(current) && strings.HasPrefix(string(c.Date), string(current))
		if open || refines {
			shown = append(shown, c)
		}
	}
	return shown, cut
}

// dateChoiceRow is one offered date: its button and where it comes from.
func (ed *relationEditor) dateChoiceRow(c app.DateChoice) fyne.CanvasObject {
	d := c.Date
	// The button holds the date alone and the words beside it wrap, so a long phrase
	// never widens the editor past a narrow window.
	b := ed.u.newKeyButton(d.Human(), theme.HistoryIcon(), func() {
		ed.start.SetText(string(d))
	})
	b.Importance = widget.LowImportance
	where := widget.NewLabel(relationChoiceWhere(c))
	where.Wrapping = fyne.TextWrapWord
	ed.choiceBtns = append(ed.choiceBtns, b)
	ed.choiceWhere = append(ed.choiceWhere, where)
	return container.NewBorder(nil, nil, b, nil, where)
}

// relationChoiceWhere says where a date choice comes from, beside its button.
func relationChoiceWhere(c app.DateChoice) string {
	var s string
	switch c.Where {
	case app.ReportedOn:
		return "reported on: the article’s date"
	case app.InQuote:
		s = "“" + dossierClip(c.Phrase, 40) + "” in the quote"
	default:
		s = "“" + dossierClip(c.Phrase, 40) + "” near the quote"
	}
	if c.Reported {
		s += "; also reported on: the article’s date"
	}
	return s
}

// suggestionSource is the quote and article to look for a date in: the source being added,
// else the first recorded one.
func (ed *relationEditor) suggestionSource() (quote, body string, base app.Date, ok bool) {
	if ed.article.ID != 0 {
		return ed.quote.Text, ed.article.Body, ed.article.Date, true
	}
	if len(ed.kept) > 0 && ed.f.first.ID != 0 && ed.f.first.ID == ed.kept[0].ArticleID {
		return ed.kept[0].Quote, ed.f.first.Body, ed.f.first.Date, true
	}
	return "", "", "", false
}

// relationTypeForm is the open new-type dialog, kept so tests can fill it in. Its fields
// are the key-aware kinds (keys.go), and the polarity a drop-down: a radio button takes the
// focus when clicked and would swallow Esc.
type relationTypeForm struct {
	label, inverse *keyEntry
	directed       *keyCheck
	polarity       *keySelect
	family         *keySelect
	problem        *widget.Label
	create         *keyButton
	dlg            *dialog.CustomDialog
}

// relationFamilies are the family choices of the new-type form, in the order shown.
var relationFamilies = []struct {
	label  string
	family app.Family
}{
	{"verbal: something said", app.Verbal},
	{"material: something done", app.Material},
	{"structural: a lasting tie", app.Structural},
}

// newType opens the form that adds a relation type to the project's vocabulary and,
// once added, selects it. Enter in a wording field, or Ctrl+S, adds the type; Esc closes
// the form, asking first when something was typed.
func (ed *relationEditor) newType() {
	f := &relationTypeForm{label: ed.u.newKeyEntry(), inverse: ed.u.newKeyEntry(), problem: widget.NewLabel("")}
	f.label.SetPlaceHolder("What the source does, e.g. “bribes”")
	f.inverse.SetPlaceHolder("Seen from the target, e.g. “is bribed by”")
	create := func() {
		if !f.create.Disabled() {
			ed.createType(f)
		}
	}
	f.label.OnSubmitted = func(string) { create() }
	f.inverse.OnSubmitted = func(string) { create() }
	f.directed = ed.u.newKeyCheck("It goes one way, from the source to the target", func(on bool) {
		if on {
			f.inverse.Enable()
		} else {
			f.inverse.Disable()
		}
	})
	f.directed.SetChecked(true)
	f.polarity = ed.u.newKeySelect([]string{string(app.Cooperative), string(app.Conflictual), string(app.Neutral)}, nil)
	f.polarity.SetSelected(string(app.Neutral))
	var families []string
	for _, fam := range relationFamilies {
		families = append(families, fam.label)
	}
	f.family = ed.u.newKeySelect(families, nil)
	f.family.SetSelectedIndex(0)
	f.problem.Importance = widget.DangerImportance
	f.problem.Wrapping = fyne.TextWrapWord
	f.problem.Hide()
	f.create = ed.u.newKeyButton("Add type", theme.ContentAddIcon(), func() { ed.createType(f) })
	f.create.Importance = widget.HighImportance
	cancelForm := func() {
		if !f.dirty() {
			f.dlg.Hide()
			return
		}
		ed.u.confirmDiscard(f.dlg.Hide)
	}
	cancel := ed.u.newKeyButton("Cancel", theme.CancelIcon(), cancelForm)

	grid := container.New(layout.NewFormLayout(),
		relationLabel("Wording"), f.label,
		relationLabel("Direction"), f.directed,
		relationLabel("Inverse wording"), f.inverse,
		relationLabel("Polarity"), f.polarity,
		relationLabel("Family"), f.family,
	)
	f.dlg = dialog.NewCustomWithoutButtons("New relation type", container.NewVBox(grid, f.problem), ed.u.win)
	f.dlg.SetButtons([]fyne.CanvasObject{cancel, f.create})
	f.dlg.Resize(dossierDialogSize(ed.u.win, 560, 340))
	ed.typeForm = f
	ed.u.showKeyed(f.dlg, dialogKeys{cancel: cancelForm, save: create})
	ed.u.win.Canvas().Focus(f.label)
}

// dirty reports whether closing the form would lose something typed or chosen in it.
func (f *relationTypeForm) dirty() bool {
	return strings.TrimSpace(f.label.Text) != "" || strings.TrimSpace(f.inverse.Text) != "" || !f.directed.Checked ||
		f.polarity.Selected != string(app.Neutral) || f.family.SelectedIndex() != 0
}

// createType stores the new type and selects it in the editor.
func (ed *relationEditor) createType(f *relationTypeForm) {
	t := app.RelationType{Label: f.label.Text, Inverse: f.inverse.Text, Directed: f.directed.Checked,
		Polarity: app.Polarity(f.polarity.Selected), Family: app.Verbal}
	if i := f.family.SelectedIndex(); i >= 0 {
		t.Family = relationFamilies[i].family
	}
	if !t.Directed {
		t.Inverse = "" // an undirected type reads the same both ways
	}
	st := ed.u.store
	ed.u.async(func(ctx context.Context) {
		saved, err := st.CreateRelationType(ctx, t)
		fyne.Do(func() {
			if err != nil {
				f.problem.SetText(dossierProblem(err))
				f.problem.Show()
				return
			}
			f.dlg.Hide()
			ed.setTypes(append(ed.types, saved), saved.Key)
		})
	})
}

// pickRelationArticle opens a search-as-you-type chooser over the filed articles and
// hands the chosen one, body included, to onPicked.
func (u *UI) pickRelationArticle(onPicked func(app.Article)) {
	p := &relationArticlePicker{u: u, onPicked: onPicked}
	p.build()
	// Esc closes it; Enter picks the first match, as it does in the search field.
	u.showKeyed(p.dlg, dialogKeys{cancel: p.dlg.Hide, confirm: p.chooseFirst})
	u.win.Canvas().Focus(p.search)
	p.find("")
}

// relationArticlesShown is how many matches the article chooser lists; typing narrows them.
const relationArticlesShown = 100

type relationArticlePicker struct {
	u        *UI
	onPicked func(app.Article)
	search   *keyEntry
	status   *widget.Label
	list     *keyList
	dlg      *dialog.CustomDialog
	rows     []app.ArticleRow
	gen      int // drops answers to searches already typed past
}

func (p *relationArticlePicker) build() {
	p.search = p.u.newKeyEntry()
	p.search.SetPlaceHolder("Words from the title, outlet or text; Enter picks the first")
	p.search.OnChanged = p.find
	p.search.OnSubmitted = func(string) { p.chooseFirst() }
	p.status = widget.NewLabel("")
	p.status.Importance = widget.LowImportance
	p.list = p.u.newKeyList(func() int { return len(p.rows) }, func() fyne.CanvasObject {
		title := widget.NewLabel("")
		title.Truncation = fyne.TextTruncateEllipsis
		title.TextStyle = fyne.TextStyle{Bold: true}
		meta := widget.NewLabel("")
		meta.Truncation = fyne.TextTruncateEllipsis
		meta.Importance = widget.LowImportance
		return container.NewVBox(title, meta)
	}, func(id widget.ListItemID, o fyne.CanvasObject) {
		if id >= len(p.rows) {
			return
		}
		r := p.rows[id]
		box := o.(*fyne.Container)
		box.Objects[0].(*widget.Label).SetText(r.Title)
		var meta []string
		for _, s := range []string{r.Source, r.Date.Human()} {
			if s != "" {
				meta = append(meta, s)
			}
		}
		box.Objects[1].(*widget.Label).SetText(strings.Join(meta, " · "))
	})
	p.list.OnSelected = func(id widget.ListItemID) {
		if id < len(p.rows) {
			p.choose(p.rows[id])
		}
	}
	p.dlg = dialog.NewCustomWithoutButtons("Choose the article the quote comes from",
		container.NewBorder(container.NewVBox(p.search, p.status), nil, nil, nil, p.list), p.u.win)
	p.dlg.SetButtons([]fyne.CanvasObject{p.u.newKeyButton("Cancel", theme.CancelIcon(), p.dlg.Hide)})
	p.dlg.Resize(dossierDialogSize(p.u.win, 640, 500))
}

func (p *relationArticlePicker) find(text string) {
	p.gen++
	gen := p.gen
	st := p.u.store
	p.u.async(func(ctx context.Context) {
		rows, err := st.Articles(ctx, app.ArticleQuery{Text: text, Limit: relationArticlesShown})
		fyne.Do(func() {
			if gen != p.gen {
				return
			}
			if err != nil {
				p.status.SetText(dossierProblem(err))
				return
			}
			p.rows = rows
			p.list.UnselectAll()
			p.list.Refresh()
			switch {
			case len(rows) == 0 && strings.TrimSpace(text) == "":
				p.status.SetText("No articles filed yet — file one first (" + shortcutKey(fyne.KeyN) + ").")
			case len(rows) == 0:
				p.status.SetText("No article matches “" + text + "”.")
			case len(rows) == relationArticlesShown:
				p.status.SetText("The first " + dossierThousands(len(rows)) + " matches; type more words to narrow them.")
			default:
				p.status.SetText(dossierCount(len(rows), "article", "articles"))
			}
		})
	})
}

// chooseFirst picks the first match, if there is one.
func (p *relationArticlePicker) chooseFirst() {
	if len(p.rows) > 0 {
		p.choose(p.rows[0])
	}
}

// choose reads the whole article (the editor needs its body) and hands it over.
func (p *relationArticlePicker) choose(r app.ArticleRow) {
	st := p.u.store
	p.u.async(func(ctx context.Context) {
		a, err := st.Article(ctx, r.ID)
		fyne.Do(func() {
			if err != nil {
				p.status.SetText(dossierProblem(err))
				return
			}
			p.dlg.Hide()
			p.onPicked(a)
		})
	})
}
