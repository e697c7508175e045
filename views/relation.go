package views

import (
	"context"
	"fmt"
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

// editRelation opens the relation editor on r (a new relation when r.ID == 0, prefilled
// from r: e.g. source, article and quote from a selection) and calls onSaved after saving.
// Evidence in r without an ID is a source to add, such as a passage the user selected.
func (u *UI) editRelation(r app.Relation, onSaved func(app.Relation)) {
	st := u.store
	u.async(func(ctx context.Context) {
		f, err := loadRelationForm(ctx, st, r)
		if err != nil {
			u.showError(err)
			return
		}
		fyne.Do(func() { newRelationEditor(u, f, onSaved).show() })
	})
}

// relationForm is what the editor needs from the store before it opens.
type relationForm struct {
	rel   app.Relation // as stored when editing; as given, with actor names, when new
	types []app.RelationType
	// fresh is the source being added (a selection in an article); ArticleID 0 when none.
	fresh   app.Evidence
	article app.Article // fresh's article, with its body for date suggestions
	first   app.Article // the article of the first recorded source, for date suggestions
}

// loadRelationForm reads the relation, the vocabulary and the articles the editor shows.
func loadRelationForm(ctx context.Context, st Store, r app.Relation) (relationForm, error) {
	f := relationForm{rel: r}
	var err error
	if f.types, err = st.RelationTypes(ctx); err != nil {
		return f, err
	}
	var fresh []app.Evidence
	for _, e := range r.Evidence {
		if e.ID == 0 && e.ArticleID != 0 {
			fresh = append(fresh, e)
		}
	}
	if r.ID != 0 {
		// The dossier's copy may be stale; edit what is stored.
		if f.rel, err = st.Relation(ctx, r.ID); err != nil {
			return f, err
		}
	} else {
		f.rel.Evidence = nil
		if err := relationNames(ctx, st, &f.rel); err != nil {
			return f, err
		}
	}
	if len(fresh) > 0 {
		f.fresh = fresh[0]
		// More than one new source: the rest are recorded as they are.
		f.rel.Evidence = append(f.rel.Evidence, fresh[1:]...)
		if f.article, err = st.Article(ctx, f.fresh.ArticleID); err != nil {
			return f, err
		}
	}
	if len(f.rel.Evidence) > 0 {
		// Only for suggesting a date: a missing article just means no suggestion.
		f.first, _ = st.Article(ctx, f.rel.Evidence[0].ArticleID)
	}
	return f, nil
}

// relationNames fills in the names of the actors a new relation is prefilled with.
func relationNames(ctx context.Context, st Store, r *app.Relation) error {
	for _, side := range []struct {
		id   int64
		name *string
	}{{r.SourceID, &r.SourceName}, {r.TargetID, &r.TargetName}, {r.SpeakerID, &r.SpeakerName}} {
		if side.id == 0 || *side.name != "" {
			continue
		}
		a, err := st.Actor(ctx, side.id)
		if err != nil {
			return err
		}
		*side.name = a.Name
	}
	return nil
}

// relationActor is an actor as the editor holds it.
type relationActor struct {
	id   int64
	name string
}

// relationEditor is the dialog that records or edits one relation: who did what to whom,
// when, according to which article and quote, how sure, and whether it happened or was
// only threatened.
type relationEditor struct {
	u       *UI
	f       relationForm
	onSaved func(app.Relation)

	types    []app.RelationType
	byOption map[string]app.RelationType
	current  app.RelationType // Key "" until a type is chosen

	source, target, speaker relationActor
	kept                    []app.Evidence // the recorded sources that stay
	article                 app.Article    // the article of the source being added; ID 0 when none
	// choices are the dates offered for the event, as their buttons show them.
	choices []app.DateChoice

	// Choosing an actor or an article opens another dialog; tests replace these.
	pickActor   func(title string, onPicked func(app.Actor))
	pickArticle func(onPicked func(app.Article))

	// The fields, lists and buttons are the key-aware kinds (keys.go), so that Esc and
	// Ctrl+S reach the editor whichever of them has the focus.
	sourceBtn, targetBtn, speakerBtn, swap *keyButton
	typeSel                                *keySelect
	preview                                *widget.RichText
	start, end                             *keyEntry
	startMsg, endMsg                       *widget.RichText
	undated                                *keyCheck
	choiceBox                              *fyne.Container
	choiceBtns                             []*keyButton
	choiceWhere                            []*widget.Label // beside each choice: where it was found
	keptBox                                *fyne.Container
	articleBtn, addSource                  *keyButton
	quote                                  *keyEntry
	confidence, modality                   *keySelect
	confHint, modHint                      *widget.RichText
	note                                   *keyEntry
	problem                                *widget.Label
	save                                   *keyButton
	dlg                                    *dialog.CustomDialog
	typeForm                               *relationTypeForm
	twin                                   *relationTwinOffer // the open "Already recorded" dialog
	// initial is the form as it opened (or as last recorded), to know whether closing it
	// would lose anything.
	initial relationState

	// added is set when a source was recorded straight away, so that the caller refreshes
	// even if the editor is then cancelled.
	added bool
	saved bool
}

// relationNewType is the last choice of the type list; it opens the new-type form.
const relationNewType = "New type…"

func newRelationEditor(u *UI, f relationForm, onSaved func(app.Relation)) *relationEditor {
	r := f.rel
	ed := &relationEditor{u: u, f: f, onSaved: onSaved,
		source:  relationActor{r.SourceID, r.SourceName},
		target:  relationActor{r.TargetID, r.TargetName},
		speaker: relationActor{r.SpeakerID, r.SpeakerName},
		kept:    append([]app.Evidence(nil), r.Evidence...),
		article: f.article,
	}
	ed.pickActor = u.actors.pickActor
	ed.pickArticle = u.pickRelationArticle
	ed.build()
	ed.refreshKept()
	ed.setTypes(f.types, r.Type)
	ed.initial = ed.state()
	return ed
}

// show opens the editor's dialog: Esc cancels it (asking first when something would be
// lost), Ctrl+S saves it; Enter does not, since a half-filled relation is easily sent.
func (ed *relationEditor) show() {
	ed.u.showKeyed(ed.dlg, dialogKeys{cancel: ed.cancel, save: func() {
		if !ed.save.Disabled() { // not twice while a save is under way
			ed.submit()
		}
	}})
	if ed.source.id == 0 {
		ed.u.win.Canvas().Focus(ed.sourceBtn)
	} else {
		ed.u.win.Canvas().Focus(ed.typeSel)
	}
}

func (ed *relationEditor) build() {
	r := ed.f.rel
	ed.sourceBtn = ed.u.newKeyButton("", theme.AccountIcon(), func() {
		ed.pickActor("Source actor: who acts or speaks", func(a app.Actor) { ed.source = relationActor{a.ID, a.Name}; ed.refresh() })
	})
	ed.targetBtn = ed.u.newKeyButton("", theme.AccountIcon(), func() {
		ed.pickActor("Target actor: whom it is aimed at", func(a app.Actor) { ed.target = relationActor{a.ID, a.Name}; ed.refresh() })
	})
	for _, b := range []*keyButton{ed.sourceBtn, ed.targetBtn} {
		b.Alignment = widget.ButtonAlignLeading
	}
	ed.swap = ed.u.newKeyButton("Swap", theme.ViewRefreshIcon(), func() {
		ed.source, ed.target = ed.target, ed.source
		ed.refresh()
	})
	ed.typeSel = ed.u.newKeySelect(nil, ed.typeChosen)
	ed.typeSel.PlaceHolder = "(choose what the source does)"
	ed.preview = dossierPara()

	ed.start, ed.startMsg = ed.u.relationDateEntry(string(r.Start), "When it happened or began")
	ed.end, ed.endMsg = ed.u.relationDateEntry(string(r.End), "When it ended (if it lasted)")
	ed.start.OnChanged = func(string) { ed.refresh() }
	ed.end.OnChanged = func(string) { ed.refresh() }
	// A relation saved without a date says so: a stored one without is known to be undated.
	ed.undated = ed.u.newKeyCheck("Date not known", nil)
	if r.ID != 0 && r.Start == "" && r.End == "" {
		ed.undated.Checked = true
		ed.start.Disable()
		ed.end.Disable()
	}
	// Not fired while building (SetChecked would): refresh needs the whole form.
	ed.undated.OnChanged = func(on bool) {
		if on {
			ed.start.SetText("")
			ed.end.SetText("")
			ed.start.Disable()
			ed.end.Disable()
		} else {
			ed.start.Enable()
			ed.end.Enable()
		}
		ed.refresh()
	}
	ed.choiceBox = container.NewVBox()

	ed.keptBox = container.NewVBox()
	ed.articleBtn = ed.u.newKeyButton("", theme.DocumentIcon(), func() {
		ed.pickArticle(func(a app.Article) { ed.article = a; ed.refresh() })
	})
	ed.quote = ed.u.newKeyMultiLineEntry()
	ed.quote.SetMinRowsVisible(3)
	ed.quote.SetPlaceHolder("The passage that supports the relation, word for word as in the article")
	ed.quote.SetText(ed.f.fresh.Quote)
	ed.quote.OnChanged = func(string) { ed.refresh() }
	ed.articleBtn.Alignment = widget.ButtonAlignLeading
	ed.addSource = ed.u.newKeyButton("Add this source now", theme.ContentAddIcon(), ed.addSourceNow)

	// The choices are set before the callbacks: refresh needs the whole form built.
	ed.confidence = ed.u.newKeySelect(app.Confidences, nil)
	ed.confidence.SetSelected(relationOr(r.Confidence, app.Reported))
	ed.confidence.OnChanged = func(string) { ed.refresh() }
	ed.modality = ed.u.newKeySelect(app.Modalities, nil)
	ed.modality.SetSelected(relationOr(r.Modality, app.Asserted))
	ed.modality.OnChanged = func(string) { ed.refresh() }
	ed.confHint, ed.modHint = dossierPara(), dossierPara()

	ed.speakerBtn = ed.u.newKeyButton("", theme.AccountIcon(), func() {
		ed.pickActor("Who says so?", func(a app.Actor) { ed.speaker = relationActor{a.ID, a.Name}; ed.refresh() })
	})
	ed.speakerBtn.Alignment = widget.ButtonAlignLeading
	ed.note = ed.u.newKeyMultiLineEntry()
	ed.note.SetMinRowsVisible(2)
	ed.note.SetPlaceHolder("Anything a reader of the dossier should know (optional)")
	ed.note.SetText(r.Note)

	ed.problem = widget.NewLabel("")
	ed.problem.Importance = widget.DangerImportance
	ed.problem.Wrapping = fyne.TextWrapWord
	ed.problem.Hide()

	ed.save = ed.u.newKeyButton("Save relation", theme.DocumentSaveIcon(), ed.submit)
	ed.save.Importance = widget.HighImportance
	cancel := ed.u.newKeyButton("Cancel", theme.CancelIcon(), ed.cancel)

	title := "New relation"
	if r.ID != 0 {
		title = "Edit relation"
	}
	// The scroll bar is drawn over the content's right edge: keep the fields clear of it.
	clear := container.New(layout.NewCustomPaddedLayout(0, 0, 0, theme.ScrollBarSize()+theme.Padding()), ed.form())
	body := container.NewBorder(ed.previewBox(), ed.problem, nil, nil, container.NewVScroll(clear))
	ed.dlg = dialog.NewCustomWithoutButtons(title, body, ed.u.win)
	ed.dlg.SetButtons([]fyne.CanvasObject{cancel, ed.save})
	ed.dlg.SetOnClosed(func() {
		if ed.added && !ed.saved && ed.onSaved != nil {
			ed.onSaved(ed.f.rel)
		}
	})
	ed.dlg.Resize(dossierDialogSize(ed.u.win, 820, 760))
}

// previewBox is the sentence the relation will read as, kept in view above the form.
func (ed *relationEditor) previewBox() fyne.CanvasObject {
	return container.NewVBox(dossierPara(dossierSmall("Reads as")), ed.preview, widget.NewSeparator())
}

// form lays the fields out with labels on the left.
func (ed *relationEditor) form() fyne.CanvasObject {
	clearSpeaker := ed.u.newKeyButton("", theme.ContentClearIcon(), func() { ed.speaker = relationActor{}; ed.refresh() })
	clearArticle := ed.u.newKeyButton("", theme.ContentClearIcon(), func() { ed.article = app.Article{}; ed.refresh() })
	row := func(main fyne.CanvasObject, under ...fyne.CanvasObject) fyne.CanvasObject {
		return container.NewVBox(append([]fyne.CanvasObject{main}, under...)...)
	}
	sourceHeading := "Source: the article and passage that report it"
	if ed.f.rel.ID != 0 {
		sourceHeading = "Add another source"
	}
	dates := container.NewGridWithColumns(2, row(ed.start, ed.startMsg), row(ed.end, ed.endMsg))
	grid := container.New(layout.NewFormLayout(),
		relationLabel("Source actor"), ed.sourceBtn,
		relationLabel("Relation"), container.NewBorder(nil, nil, nil, ed.swap, ed.typeSel),
		relationLabel("Target actor"), ed.targetBtn,
		relationLabel("Date of the event"), row(dates, ed.choiceBox, ed.undated),
		relationLabel("Confidence"), row(ed.confidence, ed.confHint),
		relationLabel("Modality"), row(ed.modality, ed.modHint),
		relationLabel("Said by"), row(container.NewBorder(nil, nil, nil, clearSpeaker, ed.speakerBtn),
			relationHint("Leave empty when the outlet itself reports it.")),
		relationLabel("Note"), ed.note,
	)
	evidence := container.New(layout.NewFormLayout(),
		relationLabel("Article"), container.NewBorder(nil, nil, nil, clearArticle, ed.articleBtn),
		relationLabel("Quote"), ed.quote,
	)
	parts := []fyne.CanvasObject{grid, widget.NewSeparator()}
	if ed.f.rel.ID != 0 {
		parts = append(parts, dossierPara(dossierStrong("Sources")), ed.keptBox)
	}
	parts = append(parts, dossierPara(dossierStrong(sourceHeading)), evidence)
	if ed.f.rel.ID != 0 {
		parts = append(parts, container.NewHBox(layout.NewSpacer(), ed.addSource))
	}
	return container.NewVBox(parts...)
}

func relationLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.TextStyle = fyne.TextStyle{Bold: true}
	return l
}

func relationHint(text string) *widget.RichText { return dossierPara(dossierSmall(text)) }

// relationSetHint replaces the text of a hint line; a problem shows in the error colour.
func relationSetHint(rt *widget.RichText, text string, problem bool) {
	seg := dossierSmall(text)
	if problem {
		seg.Style.ColorName = theme.ColorNameError
	}
	rt.Segments = []widget.RichTextSegment{seg}
	rt.Refresh()
}

// relationDateEntry is a date field with the line under it that says how it was read. Its
// placeholder says what goes there in words: a sample date in it would read as a value.
func (u *UI) relationDateEntry(text, placeholder string) (*keyEntry, *widget.RichText) {
	e := u.newKeyEntry()
	e.SetPlaceHolder(placeholder)
	e.SetText(text)
	return e, dossierPara()
}

func relationOr(s, fallback string) string {
	if s == "" {
		return fallback
	}
	return s
}

// relationConfidenceHints and relationModalityHints say in one line what each choice means.
var (
	relationConfidenceHints = map[string]string{
		app.Confirmed: "Established: an official record, or several independent sources agree.",
		app.Reported:  "An outlet reports it. The usual case.",
		app.Alleged:   "Someone claims it and it is not established; say who under Said by.",
	}
	relationModalityHints = map[string]string{
		app.Asserted:     "It happened, or was said outright.",
		app.Conditional:  "It will happen only if something else does (“if he returns, we will…”).",
		app.Threatened:   "Someone threatened to do it; it has not happened.",
		app.Hypothetical: "It might or could happen: speculation, not a statement of intent.",
		app.Denied:       "It is reported but denied, by the actor or by the outlet.",
	}
)

// setTypes fills the type list, cooperative types first, then conflictual, then neutral,
// each option showing its polarity, and selects key.
func (ed *relationEditor) setTypes(types []app.RelationType, key string) {
	ed.types = types
	ed.byOption = map[string]app.RelationType{}
	var options []string
	for _, p := range []app.Polarity{app.Cooperative, app.Conflictual, app.Neutral} {
		for _, t := range types {
			if t.Polarity == p || (p == app.Neutral && t.Polarity != app.Cooperative && t.Polarity != app.Conflictual) {
				o := relationOption(t)
				ed.byOption[o] = t
				options = append(options, o)
			}
		}
	}
	ed.typeSel.Options = append(options, relationNewType)
	ed.current = app.RelationType{}
	for o, t := range ed.byOption {
		if t.Key == key && key != "" {
			ed.current = t
			ed.typeSel.SetSelected(o)
			break
		}
	}
	ed.typeSel.Refresh()
	ed.refresh()
}

// relationOption is how a type reads in the list: "threatens (conflictual)".
func relationOption(t app.RelationType) string {
	return t.Label + "  (" + string(t.Polarity) + ")"
}

// typeChosen follows the type list; "New type…" opens the form and leaves the list as it was.
func (ed *relationEditor) typeChosen(o string) {
	if o == relationNewType {
		if ed.current.Key != "" {
			ed.typeSel.SetSelected(relationOption(ed.current))
		} else {
			ed.typeSel.ClearSelected()
		}
		ed.newType()
		return
	}
	ed.current = ed.byOption[o]
	ed.refresh()
}

// chooseType selects a type by key, as a user choosing it from the list.
func (ed *relationEditor) chooseType(key string) bool {
	for o, t := range ed.byOption {
		if t.Key == key {
			ed.typeSel.SetSelected(o)
			return true
		}
	}
	return false
}

// refresh brings the buttons, hints, preview and date suggestion in line with the form.
func (ed *relationEditor) refresh() {
	ed.sourceBtn.SetText(relationActorText(ed.source, "Choose the source actor…"))
	ed.targetBtn.SetText(relationActorText(ed.target, "Choose the target actor…"))
	ed.speakerBtn.SetText(relationActorText(ed.speaker, "The outlet itself (choose an actor…)"))
	if ed.article.ID == 0 {
		ed.articleBtn.SetText("Choose the article…")
		ed.addSource.Disable()
	} else {
		ed.articleBtn.SetText(relationArticleText(ed.article))
		ed.addSource.Enable()
	}
	relationShowDate(ed.start, ed.startMsg)
	relationShowDate(ed.end, ed.endMsg)
	relationSetHint(ed.confHint, relationConfidenceHints[ed.confidence.Selected], false)
	relationSetHint(ed.modHint, relationModalityHints[ed.modality.Selected], false)
	ed.preview.Segments = ed.previewSegments()
	ed.preview.Refresh()
	ed.refreshDateChoices()
}

func relationActorText(a relationActor, empty string) string {
	if a.id == 0 {
		return empty
	}
	return a.name
}

// relationArticleText names an article: “Title” — Outlet, 27 Jan 2026.
func relationArticleText(a app.Article) string {
	s := "“" + dossierClip(a.Title, 70) + "”"
	var meta []string
	if a.Source != "" {
		meta = append(meta, a.Source)
	}
	if a.Date != "" {
		meta = append(meta, a.Date.Human())
	}
	if len(meta) > 0 {
		s += " — " + strings.Join(meta, ", ")
	}
	return s
}

// relationShowDate says under a date field how it was read, or what is wrong with it.
func relationShowDate(e *keyEntry, msg *widget.RichText) {
	d, err := app.ParseDate(e.Text)
	switch {
	case err != nil:
		relationSetHint(msg, app.ErrorMessage(err), true)
	case d != "" && d.Human() != strings.TrimSpace(e.Text):
		relationSetHint(msg, "read as "+d.Human(), false)
	default:
		relationSetHint(msg, "", false)
	}
	// An empty line would leave a gap between the dates and the choices under them.
	if len(msg.Segments) == 1 && msg.Segments[0].Textual() == "" {
		msg.Hide()
	} else {
		msg.Show()
	}
}

// previewText is the relation as the dossier will say it.
func (ed *relationEditor) previewText() string {
	var b strings.Builder
	for _, s := range ed.previewSegments() {
		b.WriteString(s.Textual())
	}
	return b.String()
}

func (ed *relationEditor) previewSegments() []widget.RichTextSegment {
	name := func(a relationActor, missing string) widget.RichTextSegment {
		if a.id == 0 {
			return dossierMuted(missing)
		}
		return dossierStrong(a.name)
	}
	verb := ed.current.Label
	var segs []widget.RichTextSegment
	segs = append(segs, name(ed.source, "(source)"), dossierPlain(" "))
	if verb == "" {
		segs = append(segs, dossierMuted("(relation)"))
	} else {
		segs = append(segs, dossierPlain(verb))
	}
	segs = append(segs, dossierPlain(" "), name(ed.target, "(target)"))
	dr := app.DossierRelation{Relation: app.Relation{Modality: ed.modality.Selected}, Verb: verb}
	if suffix := strings.TrimPrefix(dr.Sentence(), verb+" "); suffix != "" {
		segs = append(segs, dossierPlain(suffix))
	}
	start, err1 := app.ParseDate(ed.start.Text)
	end, err2 := app.ParseDate(ed.end.Text)
	if when := app.Range(start, end); when != "" && err1 == nil && err2 == nil {
		segs = append(segs, dossierPlain(" — "+when))
	}
	if c := ed.confidence.Selected; c != "" && c != app.Reported {
		segs = append(segs, dossierMuted("   "+c))
	}
	return segs
}

// refreshKept lists the recorded sources, each with a Remove button.
func (ed *relationEditor) refreshKept() {
	if ed.f.rel.ID == 0 {
		return
	}
	var rows []fyne.CanvasObject
	for i, e := range ed.kept {
		i := i
		remove := ed.u.newKeyButton("Remove", theme.ContentRemoveIcon(), func() {
			ed.kept = append(ed.kept[:i:i], ed.kept[i+1:]...)
			ed.refreshKept()
			ed.refresh()
		})
		remove.Importance = widget.LowImportance
		segs := []widget.RichTextSegment{dossierPlain(relationEvidenceText(e))}
		if e.Quote != "" {
			segs = append(segs, dossierItalic("   “"+dossierClip(e.Quote, 200)+"”"))
		}
		if e.Quote != "" && e.Start < 0 {
			// The article was edited since; the store refuses a quote it cannot find.
			segs = append(segs, &widget.TextSegment{Text: "   This passage is no longer in the article’s text: remove it, or restore the wording in the article.",
				Style: widget.RichTextStyle{Inline: true, ColorName: theme.ColorNameError, SizeName: theme.SizeNameCaptionText}})
		}
		rows = append(rows, container.NewBorder(nil, nil, nil, remove, dossierPara(segs...)))
	}
	if len(rows) == 0 {
		rows = append(rows, dossierHint("No source yet: choose the article that reports it below."))
	}
	ed.keptBox.Objects = rows
	ed.keptBox.Refresh()
}

func relationEvidenceText(e app.Evidence) string {
	s := "“" + dossierClip(e.ArticleTitle, 70) + "”"
	var meta []string
	if e.Source != "" {
		meta = append(meta, e.Source)
	}
	if e.ArticleDate != "" {
		meta = append(meta, e.ArticleDate.Human())
	}
	if len(meta) > 0 {
		s += " — " + strings.Join(meta, ", ")
	}
	return s
}

// typed gathers the form into a relation, or says what is wrong with it.
func (ed *relationEditor) typed() (app.Relation, error) {
	r := ed.f.rel
	r.SourceID, r.SourceName = ed.source.id, ed.source.name
	r.TargetID, r.TargetName = ed.target.id, ed.target.name
	r.SpeakerID, r.SpeakerName = ed.speaker.id, ed.speaker.name
	r.Type = ed.current.Key
	r.Confidence, r.Modality = ed.confidence.Selected, ed.modality.Selected
	r.Note = ed.note.Text
	var err error
	if r.Start, err = app.ParseDate(ed.start.Text); err != nil {
		return r, app.Errorf(app.EINVALID, "Date from: %s", app.ErrorMessage(err))
	}
	if r.End, err = app.ParseDate(ed.end.Text); err != nil {
		return r, app.Errorf(app.EINVALID, "Date to: %s", app.ErrorMessage(err))
	}

	r.Evidence = append([]app.Evidence(nil), ed.kept...)
	if e, ok, err := ed.freshEvidence(); err != nil {
		return r, err
	} else if ok {
		r.Evidence = append(r.Evidence, e)
	}
	r.Normalize()
	if err := r.Validate(); err != nil {
		return r, err
	}
	// An unknown date is a choice the user makes, never what an untouched field means.
	if r.Start == "" && r.End == "" && !ed.undated.Checked {
		return r, app.Errorf(app.EINVALID, "When did it happen? Choose or type the date of the event, or tick “Date not known”. "+
			"The article’s date is the day it was reported, which is not always the day it happened.")
	}
	return r, nil
}

// freshEvidence is the source being added, if an article is chosen.
func (ed *relationEditor) freshEvidence() (app.Evidence, bool, error) {
	quote := strings.TrimSpace(ed.quote.Text)
	if ed.article.ID == 0 {
		if quote != "" {
			return app.Evidence{}, false, app.Errorf(app.EINVALID, "The quote needs the article it comes from: press Choose the article…, or clear the quote.")
		}
		return app.Evidence{}, false, nil
	}
	e := app.Evidence{ArticleID: ed.article.ID, ArticleTitle: ed.article.Title, Quote: quote, Start: -1, End: -1}
	// Keep the offsets of a selection the user did not retype, so the store need not search.
	if f := ed.f.fresh; f.ArticleID == e.ArticleID && strings.TrimSpace(f.Quote) == quote {
		e.Start, e.End = f.Start, f.End
	}
	return e, true, nil
}

// submit saves the relation and closes the editor, or shows what is wrong and keeps it
// open. A new relation that is already recorded (the same fact, app.SameFact) is not
// saved at once: the user is asked whether to add its source to the one on file.
func (ed *relationEditor) submit() {
	r, err := ed.typed()
	if err != nil {
		ed.showProblem(err)
		return
	}
	ed.save.Disable()
	st := ed.u.store
	ed.u.async(func(ctx context.Context) {
		if r.ID == 0 {
			twin, found, err := st.TwinRelation(ctx, r)
			if err == nil && found {
				fyne.Do(func() { ed.save.Enable(); ed.offerTwin(r, twin) })
				return
			}
			if err != nil {
				fyne.Do(func() { ed.save.Enable(); ed.showProblem(err) })
				return
			}
		}
		ed.store(ctx, r, true)
	})
}

// store files r, off the UI goroutine: a new relation as a separate one when separate is
// set, else as further evidence of its twin; an edited one as it is.
func (ed *relationEditor) store(ctx context.Context, r app.Relation, separate bool) {
	st := ed.u.store
	var filed app.RelationFiled
	var err error
	if r.ID == 0 {
		filed, err = st.FileRelation(ctx, r, separate)
	} else {
		filed.Relation, err = st.UpdateRelation(ctx, r)
	}
	fyne.Do(func() {
		ed.save.Enable()
		if err != nil {
			ed.showProblem(err)
			return
		}
		ed.saved = true
		ed.dlg.Hide()
		if ed.onSaved != nil {
			ed.onSaved(filed.Relation)
		}
		ed.u.tell(relationSavedText(filed, r.ID != 0))
	})
}

// relationSavedText says where a saved relation went: which relation, and whose dossiers
// now show it.
func relationSavedText(f app.RelationFiled, edited bool) string {
	r := f.Relation
	line := "“" + relationSentence(r) + "”"
	switch {
	case f.Existing:
		s := f.Summary()
		return strings.ToUpper(s[:1]) + s[1:] + ": " + line + "."
	case edited:
		return fmt.Sprintf("Saved relation #%d %s.", r.ID, line)
	}
	return fmt.Sprintf("Saved relation #%d %s — added to the dossiers of %s and %s.", r.ID, line, r.SourceName, r.TargetName)
}

// relationSentence is a stored relation in words: "Donald Trump threatens Iraq — 27 Jan 2026".
func relationSentence(r app.Relation) string {
	s := r.SourceName + " " + relationOr(r.TypeLabel, r.Type) + " " + r.TargetName
	if r.Modality != "" && r.Modality != app.Asserted {
		s += " (" + r.Modality + ")"
	}
	if when := app.Range(r.Start, r.End); when != "" {
		s += " — " + when
	}
	return s
}

// offerTwin tells the user that the relation is already recorded and offers to add the
// source being saved to it, or to save a separate relation anyway.
func (ed *relationEditor) offerTwin(r, twin app.Relation) {
	text := fmt.Sprintf("This is already recorded as relation #%d:\n\n%s (%s).\n\n", twin.ID, relationSentence(twin),
		dossierCount(len(twin.Evidence), "source", "sources"))
	fresh, hasFresh, _ := ed.freshEvidence()
	addText := fmt.Sprintf("Add as evidence to #%d", twin.ID)
	switch {
	case hasFresh && slices.ContainsFunc(twin.Evidence, func(e app.Evidence) bool { return app.SameEvidence(e, fresh) }):
		text += "It already has this article and quote as a source: nothing new would be added."
		addText = fmt.Sprintf("Keep #%d as it is", twin.ID)
	case hasFresh:
		text += "Add this article and quote to it as further evidence, or save a separate relation?"
	default:
		text += "Keep that one, or save a separate relation?"
		addText = fmt.Sprintf("Keep #%d as it is", twin.ID)
	}
	msg := widget.NewLabel(text)
	msg.Wrapping = fyne.TextWrapWord
	var d *dialog.CustomDialog
	file := func(separate bool) func() {
		return func() {
			d.Hide()
			ed.save.Disable()
			ed.u.async(func(ctx context.Context) { ed.store(ctx, r, separate) })
		}
	}
	back := ed.u.newKeyButton("Back", theme.NavigateBackIcon(), func() { d.Hide() })
	separate := ed.u.newKeyButton("Save a separate relation", theme.ContentAddIcon(), file(true))
	add := ed.u.newKeyButton(addText, theme.ConfirmIcon(), file(false))
	add.Importance = widget.HighImportance
	d = dialog.NewCustomWithoutButtons("Already recorded", msg, ed.u.win)
	d.SetButtons([]fyne.CanvasObject{back, separate, add})
	d.Resize(dossierDialogSize(ed.u.win, 560, 0))
	ed.twin = &relationTwinOffer{dlg: d, add: add, separate: separate, back: back, text: text}
	// Esc goes back to the editor; Enter takes the highlighted answer, which files no twin.
	ed.u.showKeyed(d, dialogKeys{cancel: d.Hide, confirm: file(false)})
}

// relationTwinOffer is the open "Already recorded" dialog, kept so tests can answer it.
type relationTwinOffer struct {
	dlg                 *dialog.CustomDialog
	add, separate, back *keyButton
	text                string
}

// relationState is what the user can change in the editor, to compare with how it opened.
type relationState struct {
	source, target, speaker, article int64
	typ, confidence, modality        string
	start, end, quote, note, kept    string
	undated                          bool
}

// state is the form as it stands.
func (ed *relationEditor) state() relationState {
	var kept strings.Builder
	for _, e := range ed.kept {
		fmt.Fprintf(&kept, "%d/%d/%d;", e.ID, e.ArticleID, e.Start)
	}
	return relationState{source: ed.source.id, target: ed.target.id, speaker: ed.speaker.id, article: ed.article.ID,
		typ: ed.current.Key, confidence: ed.confidence.Selected, modality: ed.modality.Selected,
		start: ed.start.Text, end: ed.end.Text, quote: ed.quote.Text, note: ed.note.Text, kept: kept.String(),
		undated: ed.undated.Checked}
}

// dirty reports whether closing the editor would lose something the user chose or typed.
func (ed *relationEditor) dirty() bool { return ed.state() != ed.initial }

// cancel closes the editor (Cancel, Esc), asking first when something would be lost.
func (ed *relationEditor) cancel() {
	if !ed.dirty() {
		ed.dlg.Hide()
		return
	}
	ed.u.confirmDiscard(ed.dlg.Hide)
}

func (ed *relationEditor) showProblem(err error) {
	ed.problem.SetText(dossierProblem(err))
	ed.problem.Show()
}

// addSourceNow records the source being added on the existing relation straight away.
// sameRelation reports whether stored is shown with one more source, added: the same
// fields and the same sources besides.
func sameRelation(stored, shown app.Relation, added int64) bool {
	if stored.SourceID != shown.SourceID || stored.TargetID != shown.TargetID || stored.Type != shown.Type ||
		stored.Start != shown.Start || stored.End != shown.End || stored.Confidence != shown.Confidence ||
		stored.Modality != shown.Modality || stored.SpeakerID != shown.SpeakerID || stored.Note != shown.Note {
		return false
	}
	ids := map[int64]bool{added: true}
	for _, e := range shown.Evidence {
		ids[e.ID] = true
	}
	if len(stored.Evidence) != len(ids) {
		return false
	}
	for _, e := range stored.Evidence {
		if !ids[e.ID] {
			return false
		}
	}
	return true
}

func (ed *relationEditor) addSourceNow() {
	e, ok, err := ed.freshEvidence()
	if err != nil || !ok {
		if err != nil {
			ed.showProblem(err)
		}
		return
	}
	st, id := ed.u.store, ed.f.rel.ID
	ed.u.async(func(ctx context.Context) {
		saved, err := st.AddEvidence(ctx, id, e)
		var fresh app.Relation
		var ferr error
		if err == nil {
			fresh, ferr = st.Relation(ctx, id)
		}
		fyne.Do(func() {
			if err != nil {
				ed.showProblem(err)
				return
			}
			// The add moved the relation's stamp; the editor takes the new one only when
			// the stored relation is what it shows plus this source, so a change another
			// program made meanwhile still stops the save (see db/stamp.go).
			if ferr == nil && sameRelation(fresh, ed.f.rel, saved.ID) {
				ed.f.rel.Updated = fresh.Updated
			}
			saved.Source, saved.ArticleDate = ed.article.Source, ed.article.Date
			ed.u.tell(fmt.Sprintf("Added “%s” as a source of relation #%d.", dossierClip(saved.ArticleTitle, 70), id))
			ed.kept = append(ed.kept, saved)
			ed.f.rel.Evidence = append(ed.f.rel.Evidence, saved)
			ed.added = true
			ed.article, ed.f.fresh = app.Article{}, app.Evidence{}
			ed.quote.SetText("")
			ed.problem.Hide()
			ed.refreshKept()
			ed.refresh()
			// The source is recorded: closing the editor no longer loses it.
			ed.initial.kept, ed.initial.article, ed.initial.quote = ed.state().kept, 0, ""
		})
	})
}
