package views

import (
	"context"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
)

// relationDateSuggestion is a date the editor offers for the relation, and where it was found.
type relationDateSuggestion struct {
	date app.Date
	from string // "from “on Jan. 28”", "the article’s date"
	// inText is true when the date comes from words in the text, not from the article's date.
	inText bool
}

// refreshSuggestion offers the date the evidence points to. The user accepts it with the
// button; it is never filled in unasked, since a reported event is often older than the
// article.
func (ed *relationEditor) refreshSuggestion() {
	quote, body, base, ok := ed.suggestionSource()
	s, found := relationSuggestDate(quote, body, base)
	current, err := app.ParseDate(ed.start.Text)
	// Offer a date for an empty field, or a day that refines the month or year typed;
	// the article's own date only when no date is typed, as it is not the event's date.
	refines := err == nil && current != "" && len(s.date) > len(current) && strings.HasPrefix(string(s.date), string(current)) && s.inText
	// A date that does not parse is replaced as gladly as an empty one.
	open := strings.TrimSpace(ed.start.Text) == "" || err != nil
	if !ok || !found || (!open && !refines) {
		ed.suggested = ""
		ed.suggest.Hide()
		return
	}
	ed.suggested = s.date
	ed.suggest.SetText("Use " + s.date.Human() + " (" + s.from + ")")
	ed.suggest.Show()
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

// relationSuggestDate proposes a date for a relation from its evidence: a date phrase in
// the quote, or near it in the article, resolved against the article's date; else the
// article's date itself.
func relationSuggestDate(quote, body string, base app.Date) (relationDateSuggestion, bool) {
	quote = strings.TrimSpace(quote)
	d, ok := app.SuggestDate(quote, body, base)
	if !ok || d == "" {
		if base == "" {
			return relationDateSuggestion{}, false
		}
		return relationDateSuggestion{date: base, from: "the article’s date"}, true
	}
	if p := relationPhrase(quote, body, base, d); p != "" {
		return relationDateSuggestion{date: d, from: "from “" + p + "”", inText: true}, true
	}
	return relationDateSuggestion{date: d, from: "from the article’s text", inText: true}, true
}

// relationWindow is how far around the quote the phrase of a suggested date is looked
// for, in bytes; SuggestDate itself looks no further than the quote's paragraph.
const relationWindow = 3000

// relationPhrase finds the words that gave the date d: in the quote, else the phrase for
// d nearest the quote in the body.
func relationPhrase(quote, body string, base, d app.Date) string {
	for _, s := range app.ResolveDates(quote, base) {
		if s.Date == d {
			return s.Phrase
		}
	}
	at := strings.Index(body, quote)
	if quote == "" || at < 0 {
		return ""
	}
	from, to := max(at-relationWindow, 0), min(at+len(quote)+relationWindow, len(body))
	for from > 0 && !utf8.RuneStart(body[from]) {
		from++
	}
	for to < len(body) && !utf8.RuneStart(body[to]) {
		to--
	}
	qs := utf8.RuneCountInString(body[from:at])
	qe := qs + utf8.RuneCountInString(quote)
	best, phrase := -1, ""
	for _, s := range app.ResolveDates(body[from:to], base) {
		if s.Date != d {
			continue
		}
		if dist := max(qs-s.End, s.Start-qe, 0); best < 0 || dist < best {
			best, phrase = dist, s.Phrase
		}
	}
	return phrase
}

// relationTypeForm is the open new-type dialog, kept so tests can fill it in.
type relationTypeForm struct {
	label, inverse *widget.Entry
	directed       *widget.Check
	polarity       *widget.RadioGroup
	family         *widget.Select
	problem        *widget.Label
	create         *widget.Button
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
// once added, selects it.
func (ed *relationEditor) newType() {
	f := &relationTypeForm{label: widget.NewEntry(), inverse: widget.NewEntry(), problem: widget.NewLabel("")}
	f.label.SetPlaceHolder("What the source does, e.g. “bribes”")
	f.inverse.SetPlaceHolder("Seen from the target, e.g. “is bribed by”")
	f.directed = widget.NewCheck("It goes one way, from the source to the target", func(on bool) {
		if on {
			f.inverse.Enable()
		} else {
			f.inverse.Disable()
		}
	})
	f.directed.SetChecked(true)
	f.polarity = widget.NewRadioGroup([]string{string(app.Cooperative), string(app.Conflictual), string(app.Neutral)}, nil)
	f.polarity.Horizontal = true
	f.polarity.Required = true
	f.polarity.SetSelected(string(app.Neutral))
	var families []string
	for _, fam := range relationFamilies {
		families = append(families, fam.label)
	}
	f.family = widget.NewSelect(families, nil)
	f.family.SetSelectedIndex(0)
	f.problem.Importance = widget.DangerImportance
	f.problem.Wrapping = fyne.TextWrapWord
	f.problem.Hide()
	f.create = widget.NewButtonWithIcon("Add type", theme.ContentAddIcon(), func() { ed.createType(f) })
	f.create.Importance = widget.HighImportance
	cancel := widget.NewButton("Cancel", func() { f.dlg.Hide() })

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
	f.dlg.Show()
	ed.u.win.Canvas().Focus(f.label)
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
	p.dlg.Show()
	u.win.Canvas().Focus(p.search)
	p.find("")
}

// relationArticlesShown is how many matches the article chooser lists; typing narrows them.
const relationArticlesShown = 100

type relationArticlePicker struct {
	u        *UI
	onPicked func(app.Article)
	search   *widget.Entry
	status   *widget.Label
	list     *widget.List
	dlg      *dialog.CustomDialog
	rows     []app.ArticleRow
	gen      int // drops answers to searches already typed past
}

func (p *relationArticlePicker) build() {
	p.search = widget.NewEntry()
	p.search.SetPlaceHolder("Words from the title, outlet or text; Enter picks the first")
	p.search.OnChanged = p.find
	p.search.OnSubmitted = func(string) {
		if len(p.rows) > 0 {
			p.choose(p.rows[0])
		}
	}
	p.status = widget.NewLabel("")
	p.status.Importance = widget.LowImportance
	p.list = widget.NewList(func() int { return len(p.rows) }, func() fyne.CanvasObject {
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
	p.dlg = dialog.NewCustom("Choose the article the quote comes from", "Cancel",
		container.NewBorder(container.NewVBox(p.search, p.status), nil, nil, nil, p.list), p.u.win)
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
				p.status.SetText("No articles filed yet — file one first (Ctrl+N).")
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
