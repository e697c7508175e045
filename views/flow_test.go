package views

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
)

// TestFileArticleQuoteRelationOpenDossier walks the researcher's whole path through the
// real screens: file an article in the editor, select a passage, make a relation from it
// in the relation editor, and read it in the dossier.
func TestFileArticleQuoteRelationOpenDossier(t *testing.T) {
	u, st, _ := articlesUI(t)
	ctx := context.Background()
	trump := mustActor(t, st, "Donald Trump", app.Person, "Trump")
	mustActor(t, st, "Iraq", app.State)

	// 1. File the article through the editor.
	u.articles.newArticle()
	e := u.articles.editor
	body := "On Tuesday Trump said Washington would stop helping Iraq if the former premier returned."
	test.Type(e.title, "A warning to Baghdad")
	test.Type(e.source, "Test Wire")
	test.Type(e.date, "2026-01-28")
	test.Type(e.body, body)
	test.Tap(e.saveBtn)
	rows, _ := st.Articles(ctx, app.ArticleQuery{})
	if len(rows) != 1 {
		t.Fatalf("%d articles filed", len(rows))
	}

	// 2. Select the passage in the article and ask for a relation from it.
	v := u.articles.view
	test.Tap(v.selectBtn)
	quote := "Trump said Washington would stop helping Iraq"
	start := strings.Index(body, quote)
	selectRunes(v.sel.entry, start, start+len(quote), false)
	test.Tap(v.sel.relationBtn)

	// 3. The relation editor opens prefilled: pick the type and save.
	dlg := u.win.Canvas().Overlays().Top()
	if dlg == nil {
		t.Fatal("the relation editor did not open")
	}
	var save, tuesday *widget.Button
	saysWhere := false
	var dateField *widget.Entry
	for _, o := range test.LaidOutObjects(dlg) {
		switch w := keyWidget(o).(type) {
		case *widget.Select:
			for _, opt := range w.Options {
				if strings.HasPrefix(opt, "threatens") {
					w.SetSelected(opt)
				}
			}
		case *widget.Button:
			switch {
			case w.Text == "Save relation":
				save = w
			case w.Text == "27 Jan 2026":
				tuesday = w
			}
		case *widget.Label:
			if w.Text == "“On Tuesday” near the quote" {
				saysWhere = true
			}
		case *widget.Entry:
			if w.PlaceHolder == "When it happened or began" {
				dateField = w
			}
		}
	}
	if save == nil || tuesday == nil || dateField == nil || !saysWhere {
		t.Fatalf("no Save relation button (%v), no “On Tuesday” date offered (%v, said where: %v) or no date field (%v)", save != nil, tuesday != nil, saysWhere, dateField != nil)
	}
	// The article's date (28 Jan) is not copied in: saving without a date is refused.
	if dateField.Text != "" {
		t.Fatalf("the date field was prefilled with %q", dateField.Text)
	}
	test.Tap(save)
	if rels, _ := st.Relations(ctx, app.RelationQuery{ActorID: trump.ID}); len(rels) != 0 {
		t.Fatalf("saved without a date: %+v", rels)
	}
	// The date the text gives is one tap away.
	test.Tap(tuesday)
	test.Tap(save)
	rels, err := st.Relations(ctx, app.RelationQuery{ActorID: trump.ID})
	if err != nil || len(rels) != 1 {
		t.Fatalf("%d relations stored (%v)", len(rels), err)
	}
	r := rels[0]
	if r.Type != "threatens" || r.TargetName != "Iraq" || r.Start != "2026-01-27" || len(r.Evidence) != 1 || r.Evidence[0].Quote != quote {
		t.Fatalf("stored %+v", r)
	}
	// Saving says where the relation went.
	if want := "Saved relation #1 “Donald Trump threatens Iraq — 27 Jan 2026” — added to the dossiers of Donald Trump and Iraq."; u.notice != want {
		t.Errorf("notice %q, want %q", u.notice, want)
	}

	// 4. The dossier reads it as a sentence with its quote.
	u.dossier.load(trump.ID) // articlesUI records routes instead of showing them
	text := dossierText(u.dossier.content())
	mustContain(t, text, "threatens", "Iraq", "27 Jan 2026 (reported 28 Jan 2026)", "“"+quote+"”", "A warning to Baghdad")
}
