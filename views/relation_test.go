package views

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
)

// openEditor opens the relation editor on r the way editRelation does, with the actor and
// article choosers replaced by the given choices.
func openEditor(t *testing.T, f *dossierFixture, r app.Relation, actors []app.Actor, onSaved func(app.Relation)) *relationEditor {
	t.Helper()
	form, err := loadRelationForm(context.Background(), f.st, r)
	if err != nil {
		t.Fatal(err)
	}
	ed := newRelationEditor(f.u, form, onSaved)
	ed.pickActor = func(_ string, onPicked func(app.Actor)) {
		if len(actors) == 0 {
			t.Fatal("an actor was asked for and none is left")
		}
		a := actors[0]
		actors = actors[1:]
		onPicked(a)
	}
	ed.show()
	return ed
}

func TestRelationEditorSavesWithQuote(t *testing.T) {
	f := newDossierFixture(t)
	quote := "they would hold Trump responsible for any pressure on Baghdad"
	var saved []app.Relation
	ed := openEditor(t, f, app.Relation{SourceID: f.iran.ID, Evidence: []app.Evidence{{ArticleID: f.article.ID, Quote: quote}}},
		[]app.Actor{f.iraq}, func(r app.Relation) { saved = append(saved, r) })

	if got := ed.sourceBtn.Text; got != "Iran" {
		t.Errorf("source shows %q", got)
	}
	if !strings.Contains(ed.articleBtn.Text, "US warns Baghdad") || ed.quote.Text != quote {
		t.Errorf("evidence not prefilled: %q / %q", ed.articleBtn.Text, ed.quote.Text)
	}
	test.Tap(ed.targetBtn)
	if !ed.chooseType("warns") {
		t.Fatal("no “warns” type")
	}
	ed.modality.SetSelected(app.Threatened)
	test.Type(ed.start, "28 Jan 2026")
	if got, want := ed.previewText(), "Iran warns Iraq (threatened) — 28 Jan 2026"; got != want {
		t.Errorf("preview %q, want %q", got, want)
	}
	if !strings.Contains(ed.modHint.String(), "threatened to do it") {
		t.Errorf("modality hint %q", ed.modHint.String())
	}
	test.Tap(ed.save)
	if len(saved) != 1 {
		t.Fatalf("onSaved called %d times; problem: %q", len(saved), ed.problem.Text)
	}
	got, err := f.st.Relation(context.Background(), saved[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Type != "warns" || got.Start != "2026-01-28" || got.Modality != app.Threatened || got.Confidence != app.Reported ||
		len(got.Evidence) != 1 || got.Evidence[0].Quote != quote || got.Evidence[0].Start < 0 {
		t.Fatalf("stored %+v", got)
	}

	s := f.open(f.iran)
	mustContain(t, dossierText(s.content()), "warns Iraq (threatened) — 28 Jan 2026", "“"+quote+"”")
}

func TestRelationEditorKeepsFormOnErrors(t *testing.T) {
	for _, tc := range []struct {
		name  string
		fill  func(ed *relationEditor)
		field string // the inline message under a date field, if any
		want  string
	}{
		{"bad date", func(ed *relationEditor) { test.Type(ed.start, "sometime soon") }, "start", "is not a date Dossier understands"},
		{"impossible day", func(ed *relationEditor) { ed.end.SetText("2026-02-30") }, "end", "is not a valid date"},
		{"ends before it starts", func(ed *relationEditor) { ed.start.SetText("2026-03"); ed.end.SetText("2026-01") }, "", "ends (Jan 2026) before it starts"},
		{"no target", func(ed *relationEditor) { ed.target = relationActor{} }, "", "needs both a source actor and a target actor"},
		{"quote without article", func(ed *relationEditor) { ed.article = app.Article{} }, "", "needs the article"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newDossierFixture(t)
			saved := false
			ed := openEditor(t, f, app.Relation{SourceID: f.iran.ID, TargetID: f.iraq.ID, Type: "warns",
				Evidence: []app.Evidence{{ArticleID: f.article.ID, Quote: "they would hold Trump responsible"}}},
				nil, func(app.Relation) { saved = true })
			ed.note.SetText("typed by hand")
			tc.fill(ed)
			switch tc.field {
			case "start":
				mustContain(t, ed.startMsg.String(), tc.want)
			case "end":
				mustContain(t, ed.endMsg.String(), tc.want)
			}
			test.Tap(ed.save)
			if saved {
				t.Fatal("saved despite the error")
			}
			if !ed.problem.Visible() {
				t.Fatal("no problem shown")
			}
			mustContain(t, ed.problem.Text, tc.want)
			if f.u.win.Canvas().Overlays().Top() == nil || ed.note.Text != "typed by hand" {
				t.Fatal("the editor closed or lost what was typed")
			}
			rels, _ := f.st.Relations(context.Background(), app.RelationQuery{ActorID: f.iran.ID})
			if len(rels) != 1 { // only the fixture's
				t.Fatalf("%d relations stored", len(rels))
			}
		})
	}
}

// choiceTexts are the date choices the editor shows, as their buttons read.
func choiceTexts(ed *relationEditor) []string {
	var out []string
	if !ed.choiceBox.Visible() {
		return nil
	}
	for i, b := range ed.choiceBtns {
		out = append(out, b.Text+" — "+ed.choiceWhere[i].Text)
	}
	return out
}

func TestRelationEditorOffersEventDates(t *testing.T) {
	f := newDossierFixture(t) // the article is dated 29 Jan 2026
	ed := openEditor(t, f, app.Relation{SourceID: f.iran.ID, Evidence: []app.Evidence{{ArticleID: f.article.ID,
		Quote: "Officials in Iran answered on Jan. 28 that they would hold Trump responsible"}}}, nil, nil)
	if ed.start.Text != "" {
		t.Fatalf("the date was filled in unasked: %q", ed.start.Text)
	}
	// The quote's own date first, then the article's, labelled as the day it was reported.
	want := []string{"28 Jan 2026 — “on Jan. 28” in the quote", "29 Jan 2026 — reported on: the article’s date"}
	if got := choiceTexts(ed); !slices.Equal(got, want) {
		t.Fatalf("choices %q, want %q", got, want)
	}
	test.Tap(ed.choiceBtns[0])
	if ed.start.Text != "2026-01-28" {
		t.Errorf("after choosing, the date is %q", ed.start.Text)
	}
	if got := choiceTexts(ed); got != nil {
		t.Errorf("choices %q stay after one was chosen", got)
	}

	// A quote with no date of its own: its paragraph's date, then the article's.
	ed.quote.SetText("they would hold Trump responsible")
	ed.start.SetText("")
	want = []string{"28 Jan 2026 — “on Jan. 28” near the quote", "29 Jan 2026 — reported on: the article’s date"}
	if got := choiceTexts(ed); !slices.Equal(got, want) {
		t.Errorf("choices for a dateless quote %q, want %q", got, want)
	}
	// A typed month is refined by the day the text gives, not by the article's date.
	ed.start.SetText("Jan 2026")
	if got := choiceTexts(ed); !slices.Equal(got, want[:1]) {
		t.Errorf("choices over Jan 2026: %q", got)
	}
	ed.start.SetText("2025")
	if got := choiceTexts(ed); got != nil {
		t.Errorf("choices %q offered over a different date", got)
	}
	// Nothing in the text: the article's date alone, still as the day it was reported.
	ed.quote.SetText("")
	ed.start.SetText("")
	if got := choiceTexts(ed); !slices.Equal(got, want[1:]) {
		t.Errorf("with no quote: %q", got)
	}
	// “Date not known” takes the choices away and empties the dates.
	ed.start.SetText("2026")
	ed.undated.SetChecked(true)
	if ed.start.Text != "" || !ed.start.Disabled() || choiceTexts(ed) != nil {
		t.Errorf("undated: start %q disabled %v choices %q", ed.start.Text, ed.start.Disabled(), choiceTexts(ed))
	}
}

func TestRelationEditorNeedsADateOrDateNotKnown(t *testing.T) {
	f := newDossierFixture(t)
	var saved []app.Relation
	ed := openEditor(t, f, app.Relation{SourceID: f.trump.ID, TargetID: f.iran.ID, Type: "criticises",
		Evidence: []app.Evidence{{ArticleID: f.article.ID, Quote: "they would hold Trump responsible"}}},
		nil, func(r app.Relation) { saved = append(saved, r) })
	test.Tap(ed.save)
	if len(saved) != 0 || !ed.problem.Visible() {
		t.Fatalf("saved with no date (problem shown: %v)", ed.problem.Visible())
	}
	mustContain(t, ed.problem.Text, "When did it happen?", "Date not known", "the day it was reported")
	// Saying the date is not known is the explicit choice.
	test.Tap(ed.undated)
	test.Tap(ed.save)
	if len(saved) != 1 {
		t.Fatalf("not saved after ticking Date not known; problem %q", ed.problem.Text)
	}
	got, _ := f.st.Relation(context.Background(), saved[0].ID)
	if got.Start != "" || got.End != "" {
		t.Fatalf("stored dates %q–%q", got.Start, got.End)
	}
	// Reopened, it says so.
	ed = openEditor(t, f, got, nil, nil)
	if !ed.undated.Checked || ed.start.Text != "" {
		t.Errorf("an undated relation reopens with Date not known %v, start %q", ed.undated.Checked, ed.start.Text)
	}
	ed = openEditor(t, f, f.threat, nil, nil)
	if ed.undated.Checked {
		t.Error("a dated relation reopens as undated")
	}
}

func TestRelationEditorSwapAndNewType(t *testing.T) {
	f := newDossierFixture(t)
	ed := openEditor(t, f, app.Relation{SourceID: f.trump.ID, TargetID: f.iraq.ID, Type: "threatens"}, nil, nil)
	if got := ed.previewText(); got != "Donald Trump threatens Iraq" {
		t.Errorf("preview %q", got)
	}
	test.Tap(ed.swap)
	if got := ed.previewText(); got != "Iraq threatens Donald Trump" {
		t.Errorf("after Swap: %q", got)
	}

	ed.typeSel.SetSelected(relationNewType)
	if ed.current.Key != "threatens" {
		t.Errorf("choosing New type… lost the type: %q", ed.current.Key)
	}
	form := ed.typeForm
	if form == nil {
		t.Fatal("no new-type form")
	}
	test.Type(form.label, "bribes")
	test.Type(form.inverse, "is bribed by")
	form.polarity.SetSelected(string(app.Conflictual))
	form.family.SetSelectedIndex(1)
	test.Tap(form.create)
	if form.problem.Visible() {
		t.Fatalf("problem: %s", form.problem.Text)
	}
	if ed.current.Key != "bribes" || ed.typeSel.Selected != "bribes  (conflictual)" {
		t.Fatalf("after adding a type: current %q, selected %q", ed.current.Key, ed.typeSel.Selected)
	}
	types, _ := f.st.RelationTypes(context.Background())
	last := types[len(types)-1]
	if last.Key != "bribes" || last.Inverse != "is bribed by" || !last.Directed || last.Polarity != app.Conflictual || last.Family != app.Material {
		t.Errorf("stored type %+v", last)
	}

	// The same wording again is refused, in the form.
	ed.typeSel.SetSelected(relationNewType)
	test.Type(ed.typeForm.label, "bribes")
	test.Type(ed.typeForm.inverse, "is bribed by")
	test.Tap(ed.typeForm.create)
	mustContain(t, ed.typeForm.problem.Text, "already exists")
}

func TestRelationEditorOrdersTypesByPolarity(t *testing.T) {
	f := newDossierFixture(t)
	ed := openEditor(t, f, app.Relation{}, nil, nil)
	opts := ed.typeSel.Options
	if opts[len(opts)-1] != relationNewType {
		t.Fatalf("the last option is %q", opts[len(opts)-1])
	}
	rank := map[app.Polarity]int{app.Cooperative: 0, app.Conflictual: 1, app.Neutral: 2}
	prev := 0
	for _, o := range opts[:len(opts)-1] {
		r := rank[ed.byOption[o].Polarity]
		if r < prev {
			t.Fatalf("%q comes after a type of a later polarity", o)
		}
		prev = r
	}
}

func TestRelationEditorEditsExisting(t *testing.T) {
	f := newDossierFixture(t)
	second := mustArticle(t, f.st, "Iraq answers Washington", "2026-01-30",
		"Baghdad said the threat by Donald Trump to stop helping Iraq was noted.")
	var saved []app.Relation
	ed := openEditor(t, f, f.threat, nil, func(r app.Relation) { saved = append(saved, r) })
	if ed.start.Text != "2026-01-27" || ed.modality.Selected != app.Conditional || len(ed.kept) != 1 {
		t.Fatalf("editor not filled from the relation: %q %q %d", ed.start.Text, ed.modality.Selected, len(ed.kept))
	}
	if ed.addSource.Disabled() == false {
		t.Error("Add this source is enabled with no article chosen")
	}

	// Add another source straight away.
	ed.pickArticle = func(onPicked func(app.Article)) {
		a, err := f.st.Article(context.Background(), second.ID)
		if err != nil {
			t.Fatal(err)
		}
		onPicked(a)
	}
	test.Tap(ed.articleBtn)
	test.Type(ed.quote, "the threat by Donald Trump to stop helping Iraq")
	test.Tap(ed.addSource)
	if ed.problem.Visible() {
		t.Fatalf("problem: %s", ed.problem.Text)
	}
	got, _ := f.st.Relation(context.Background(), f.threat.ID)
	if len(got.Evidence) != 2 || len(ed.kept) != 2 || ed.quote.Text != "" {
		t.Fatalf("after Add source: stored %d sources, editor keeps %d, quote %q", len(got.Evidence), len(ed.kept), ed.quote.Text)
	}

	// Then change the date and the confidence, and save.
	ed.start.SetText("2026-01")
	ed.confidence.SetSelected(app.Confirmed)
	test.Tap(ed.save)
	if len(saved) != 1 {
		t.Fatalf("onSaved called %d times; problem %q", len(saved), ed.problem.Text)
	}
	got, _ = f.st.Relation(context.Background(), f.threat.ID)
	if got.Start != "2026-01" || got.Confidence != app.Confirmed || len(got.Evidence) != 2 {
		t.Fatalf("stored %+v", got)
	}
	s := f.open(f.trump)
	mustContain(t, dossierText(s.content()), "threatens Iraq (conditional) — Jan 2026", "confirmed",
		"Reported by Test Wire, “Iraq answers Washington”")
}

func TestRelationEditorCancelAfterAddingSourceRefreshes(t *testing.T) {
	f := newDossierFixture(t)
	refreshed := 0
	ed := openEditor(t, f, f.threat, nil, func(app.Relation) { refreshed++ })
	ed.pickArticle = func(onPicked func(app.Article)) { onPicked(f.article) }
	test.Tap(ed.articleBtn)
	test.Tap(ed.addSource) // a source with no quote: the whole article backs it
	ed.dlg.Hide()
	if refreshed != 1 {
		t.Fatalf("the caller was told %d times of the added source", refreshed)
	}
}

func TestRelationEditorFromDossier(t *testing.T) {
	f := newDossierFixture(t)
	s := f.open(f.trump)
	f.u.win.SetContent(s.content())
	test.Tap(s.relRows[0].edit)
	top := f.u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("Edit opened nothing")
	}
	mustContain(t, dossierText(top), "Edit relation", "Save relation", "Add another source")
}

func TestRelationEditorOffersToAddEvidenceToTheSameRelation(t *testing.T) {
	f := newDossierFixture(t) // relation #1: Donald Trump threatens Iraq (conditional), 27 Jan 2026
	ctx := context.Background()
	second := mustArticle(t, f.st, "Iraq answers Washington", "2026-01-30",
		"Baghdad said the threat by Donald Trump to stop helping Iraq was noted.")
	count := func() int {
		n, err := f.st.CountRelations(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	before := count()
	again := func() *relationEditor {
		ed := openEditor(t, f, app.Relation{SourceID: f.trump.ID, TargetID: f.iraq.ID, Type: "threatens",
			Evidence: []app.Evidence{{ArticleID: second.ID, Quote: "the threat by Donald Trump to stop helping Iraq"}}}, nil, nil)
		ed.modality.SetSelected(app.Conditional)
		test.Type(ed.start, "Jan 2026") // overlaps 27 Jan 2026
		test.Tap(ed.save)
		if ed.twin == nil {
			t.Fatalf("no offer; problem %q", ed.problem.Text)
		}
		mustContain(t, ed.twin.text, "already recorded as relation #1", "Donald Trump threatens Iraq (conditional) — 27 Jan 2026 (")
		return ed
	}

	// Add as evidence: no second relation, one more source, and the status bar says so.
	ed := again()
	mustContain(t, ed.twin.add.Text, "Add as evidence to #1")
	test.Tap(ed.twin.add)
	if count() != before {
		t.Fatalf("%d relations, want %d", count(), before)
	}
	if got, _ := f.st.Relation(ctx, f.threat.ID); len(got.Evidence) != 2 {
		t.Fatalf("relation #1 has %d sources", len(got.Evidence))
	}
	if want := "Added evidence to relation #1: “Donald Trump threatens Iraq (conditional) — 27 Jan 2026”."; f.u.notice != want {
		t.Errorf("notice %q, want %q", f.u.notice, want)
	}

	// The same article and quote again: nothing to add, and it is said.
	ed = again()
	mustContain(t, ed.twin.text, "already has this article and quote")
	test.Tap(ed.twin.add)
	if got, _ := f.st.Relation(ctx, f.threat.ID); len(got.Evidence) != 2 || count() != before {
		t.Fatalf("after the repeat: %d sources, %d relations", len(got.Evidence), count())
	}
	mustContain(t, f.u.notice, "Already recorded: relation #1 has this article and quote")

	// A separate relation when the user says so.
	ed = again()
	test.Tap(ed.twin.separate)
	if count() != before+1 {
		t.Fatalf("%d relations after Save a separate relation", count())
	}
	mustContain(t, f.u.notice, "Saved relation #", "added to the dossiers of Donald Trump and Iraq")

	// Back keeps the editor open with what was typed.
	ed = again()
	test.Tap(ed.twin.back)
	if f.u.win.Canvas().Overlays().Top() == nil || ed.start.Text != "Jan 2026" || count() != before+1 {
		t.Fatal("Back lost the editor or saved")
	}
}

func TestRelationEditorAddSourceNowSaysAlreadyRecorded(t *testing.T) {
	f := newDossierFixture(t)
	ed := openEditor(t, f, f.threat, nil, nil)
	ed.pickArticle = func(onPicked func(app.Article)) { onPicked(f.article) }
	test.Tap(ed.articleBtn)
	test.Type(ed.quote, "the United States could stop helping Iraq") // relation #1's own source
	test.Tap(ed.addSource)
	if !ed.problem.Visible() {
		t.Fatal("the same source was added twice without a word")
	}
	mustContain(t, ed.problem.Text, "Already recorded")
	if got, _ := f.st.Relation(context.Background(), f.threat.ID); len(got.Evidence) != 1 {
		t.Fatalf("%d sources", len(got.Evidence))
	}
}

func TestRelationEditorSaveSaysWhereItWent(t *testing.T) {
	f := newDossierFixture(t)
	ed := openEditor(t, f, f.threat, nil, nil)
	ed.start.SetText("2026-01")
	test.Tap(ed.save)
	if want := "Saved relation #1 “Donald Trump threatens Iraq (conditional) — Jan 2026”."; f.u.notice != want {
		t.Errorf("notice %q, want %q", f.u.notice, want)
	}
	// In the window, the notice is in the status bar.
	w := newWindow(context.Background(), f.u.win, f.st, Projects{}, true)
	w.u.tell("Saved relation #9 “A criticises B”.")
	if !w.notice.Visible() || w.notice.Text != "Saved relation #9 “A criticises B”." {
		t.Errorf("status bar notice %q (visible %v)", w.notice.Text, w.notice.Visible())
	}
}

// TestRelationEditorFitsTheWindow checks, at the narrowest and widest windows the editor
// is made for, that no field, list or button of the form reaches under the scroll bar or
// past the window's edge.
func TestRelationEditorFitsTheWindow(t *testing.T) {
	for _, width := range []float32{760, 1024, 1400} {
		for _, editing := range []bool{false, true} {
			t.Run(fmt.Sprintf("%.0f px, editing %v", width, editing), func(t *testing.T) {
				f := newDossierFixture(t)
				f.u.win.Resize(fyne.NewSize(width, 800))
				// Long date phrases, one of them the article's own day: the widest choices there are.
				long := mustArticle(t, f.st, "Tehran answers", "2026-01-29", "Officials in Iran said on Thursday, as they had "+
					"earlier this month and in mid-September 2025, that they would hold Trump responsible for any pressure on Baghdad.")
				r := app.Relation{SourceID: f.iran.ID, TargetID: f.trump.ID, Evidence: []app.Evidence{{ArticleID: long.ID,
					Quote: "they would hold Trump responsible for any pressure on Baghdad"}}}
				if editing {
					r = f.counter
				}
				ed := openEditor(t, f, r, nil, nil)
				if !editing && len(ed.choiceBtns) < 3 {
					t.Fatalf("%d date choices shown: the widest rows are not being measured", len(ed.choiceBtns))
				}
				var scroll *container.Scroll
				for _, o := range test.LaidOutObjects(f.u.win.Canvas().Overlays().Top()) {
					if s, ok := o.(*container.Scroll); ok && scroll == nil {
						scroll = s
					}
				}
				if scroll == nil {
					t.Fatal("the form is not in a scroll container")
				}
				drv := fyne.CurrentApp().Driver()
				sp := drv.AbsolutePositionForObject(scroll)
				limit := sp.X + scroll.Size().Width - theme.ScrollBarSize()
				if right := sp.X + scroll.Size().Width; right > width {
					t.Fatalf("the form's right edge is at %.0f, past the %.0f px window", right, width)
				}
				checked := 0
				for _, o := range test.LaidOutObjects(scroll.Content) {
					switch keyWidget(o).(type) {
					case *widget.Entry, *widget.Select, *widget.Button, *widget.Check, *widget.Label:
					default:
						continue
					}
					if !o.Visible() {
						continue
					}
					checked++
					p := drv.AbsolutePositionForObject(o)
					if end := p.X + o.Size().Width; end > limit+0.5 {
						t.Errorf("%T %q ends at %.0f, under the scroll bar (it starts at %.0f)", o, objectText(o), end, limit)
					}
				}
				if checked < 8 {
					t.Fatalf("only %d fields measured", checked)
				}
			})
		}
	}
}

func objectText(o fyne.CanvasObject) string {
	switch w := keyWidget(o).(type) {
	case *widget.Entry:
		return w.Text + w.PlaceHolder
	case *widget.Select:
		return w.Selected + w.PlaceHolder
	case *widget.Button:
		return w.Text
	case *widget.Check:
		return w.Text
	case *widget.Label:
		return w.Text
	}
	return ""
}

// TestRelationEditorPlaceholdersAreNotValues checks every empty field of a new relation:
// its text is empty, its placeholder says in words what goes there, and no placeholder
// reads as a value (a date, a number) the user might take as filled in.
func TestRelationEditorPlaceholdersAreNotValues(t *testing.T) {
	f := newDossierFixture(t)
	ed := openEditor(t, f, app.Relation{}, nil, nil)
	entries := map[string]*keyEntry{"start": ed.start, "end": ed.end, "quote": ed.quote, "note": ed.note}
	for name, e := range entries {
		if e.Text != "" {
			t.Errorf("%s is prefilled with %q", name, e.Text)
		}
		if strings.TrimSpace(e.PlaceHolder) == "" {
			t.Errorf("%s has no placeholder", name)
		}
		if strings.ContainsAny(e.PlaceHolder, "0123456789") {
			t.Errorf("%s's placeholder %q holds a sample value", name, e.PlaceHolder)
		}
		if _, err := app.ParseDate(e.PlaceHolder); err == nil {
			t.Errorf("%s's placeholder %q reads as a date", name, e.PlaceHolder)
		}
	}
	if ed.typeSel.Selected != "" || !strings.HasPrefix(ed.typeSel.PlaceHolder, "(") {
		t.Errorf("type list: selected %q, placeholder %q", ed.typeSel.Selected, ed.typeSel.PlaceHolder)
	}
}
