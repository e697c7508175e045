package views

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
	"dossier/app/ingest"
	"dossier/db"
)

// articlesUI is a test UI showing the articles screen, with a stand-in for the window's
// router: it shows articles the way Window.show does and records every route.
func articlesUI(t *testing.T) (*UI, *db.Store, *[]route) {
	t.Helper()
	u, st := newTestUI(t)
	var routes []route
	u.show = func(r route) {
		routes = append(routes, r)
		switch r.screen {
		case "article":
			u.articles.openArticle(r.id, r.span)
		case "articles":
			u.articles.reload()
		}
	}
	u.win.SetContent(u.articles.content())
	u.articles.reload()
	return u, st, &routes
}

// artOverlay returns the top dialog or fails.
func artOverlay(t *testing.T, u *UI) fyne.CanvasObject {
	t.Helper()
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog is shown")
	}
	return top
}

// artButton finds the button labelled text in the top dialog.
func artButton(t *testing.T, u *UI, text string) *widget.Button {
	t.Helper()
	for _, o := range test.LaidOutObjects(artOverlay(t, u)) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && b.Visible() {
			return b
		}
	}
	t.Fatalf("the dialog has no %q button; it says: %s", text, artOverlayText(u))
	return nil
}

// artOverlayText is all the text of the top dialog.
func artOverlayText(u *UI) string {
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	var parts []string
	for _, o := range test.LaidOutObjects(top) {
		switch w := o.(type) {
		case *widget.Label:
			parts = append(parts, w.Text)
		case *widget.RichText:
			parts = append(parts, w.String())
		}
	}
	return strings.Join(parts, " | ")
}

func artCount(t *testing.T, st *db.Store, q app.ArticleQuery) int {
	t.Helper()
	n, err := st.CountArticles(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func lastRoute(routes *[]route) route {
	if len(*routes) == 0 {
		return route{}
	}
	return (*routes)[len(*routes)-1]
}

func TestArticleEditorFilesArticle(t *testing.T) {
	u, st, _ := articlesUI(t)
	s := u.articles
	s.newArticle()
	e := s.editor
	if e == nil {
		t.Fatal("Ctrl+N opened no editor")
	}
	test.Type(e.title, "Dockers end the port strike")
	test.Type(e.source, "Harbour Gazette")
	test.Type(e.author, "A. Writer")
	test.Type(e.date, "2026-01-27")
	test.Type(e.tags, "ports, labour")
	test.Type(e.body, "The dockers voted to return to work after nine days.")
	if got := e.dateHint.Text; got != "Reads as 27 Jan 2026." {
		t.Errorf("date hint = %q", got)
	}
	test.Tap(e.saveBtn)

	if s.editor != nil {
		t.Fatalf("the editor stayed open: %q", e.message.Text)
	}
	rows, err := st.Articles(context.Background(), app.ArticleQuery{})
	if err != nil || len(rows) != 1 {
		t.Fatalf("store has %d articles (%v), want 1", len(rows), err)
	}
	r := rows[0]
	if r.Title != "Dockers end the port strike" || r.Source != "Harbour Gazette" || r.Date != "2026-01-27" ||
		strings.Join(r.Tags, ",") != "ports,labour" {
		t.Errorf("filed %+v", r)
	}
	if s.total != 1 || s.header.Text != "1 article" {
		t.Errorf("list: total %d, header %q", s.total, s.header.Text)
	}
	if row, ok := s.row(0); !ok || row.ID != r.ID {
		t.Errorf("list row 0 = %+v", row)
	}
	if s.view.articleID != r.ID || s.view.title.String() != r.Title {
		t.Errorf("the view shows #%d %q", s.view.articleID, s.view.title.String())
	}
	if !s.list.Visible() || s.empty.Visible() {
		t.Error("the list should show and the empty state hide")
	}
}

func TestArticleEditorKeepsFormOnErrors(t *testing.T) {
	tests := []struct {
		name, date, body string
		wantDateErr      string
		wantMessage      string
	}{
		{"bad date", "31 Foo 2026", "Some text.", "not a date", ""},
		{"impossible day", "2026-02-30", "Some text.", "“2026-02-30” is not a valid date", ""},
		{"no text", "2026", "", "", "has no text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, st, _ := articlesUI(t)
			s := u.articles
			s.newArticle()
			e := s.editor
			test.Type(e.title, "A title")
			test.Type(e.date, tt.date)
			e.body.SetText(tt.body)
			test.Tap(e.saveBtn)
			if s.editor != e || e.title.Text != "A title" || e.date.Text != tt.date {
				t.Fatal("the form was closed or lost its content")
			}
			if n := artCount(t, st, app.ArticleQuery{}); n != 0 {
				t.Errorf("%d articles filed", n)
			}
			if tt.wantDateErr != "" && (!strings.Contains(e.dateHint.Text, tt.wantDateErr) || e.dateHint.Importance != widget.DangerImportance) {
				t.Errorf("date hint = %q (importance %v)", e.dateHint.Text, e.dateHint.Importance)
			}
			if tt.wantMessage != "" && (!e.message.Visible() || !strings.Contains(e.message.Text, tt.wantMessage)) {
				t.Errorf("message = %q", e.message.Text)
			}
		})
	}
}

func TestArticleEditorDateErrorClearsWhenFixed(t *testing.T) {
	u, _, _ := articlesUI(t)
	u.articles.newArticle()
	e := u.articles.editor
	test.Type(e.date, "soon")
	if e.dateHint.Text != "" {
		t.Errorf("an error shows while typing, before Save: %q", e.dateHint.Text)
	}
	test.Tap(e.saveBtn)
	if e.dateHint.Importance != widget.DangerImportance {
		t.Fatalf("no error after Save: %q", e.dateHint.Text)
	}
	e.date.SetText("Jan 2026")
	if e.dateHint.Text != "Reads as Jan 2026." || e.dateHint.Importance == widget.DangerImportance {
		t.Errorf("hint after fixing = %q", e.dateHint.Text)
	}
}

func TestArticleEditorDuplicate(t *testing.T) {
	u, st, _ := articlesUI(t)
	s := u.articles
	orig := mustArticle(t, st, "Grain convoy reaches the border", "2026-01-02", "Forty lorries crossed at dawn.")
	s.newArticle()
	e := s.editor
	test.Type(e.title, "Convoy crosses")
	e.body.SetText("Forty lorries crossed at dawn.")
	test.Tap(e.saveBtn)

	if s.editor != e {
		t.Fatal("the form closed on a duplicate")
	}
	if text := artOverlayText(u); !strings.Contains(text, "Already filed as “Grain convoy reaches the border”") {
		t.Fatalf("dialog says %q", text)
	}
	test.Tap(artButton(t, u, "Open it"))
	if s.editor != nil {
		t.Error("the form stayed open after Open it")
	}
	if s.view.articleID != orig.ID {
		t.Errorf("view shows #%d, want the filed #%d", s.view.articleID, orig.ID)
	}
	if n := artCount(t, st, app.ArticleQuery{}); n != 1 {
		t.Errorf("%d articles, want 1", n)
	}
}

func TestArticleEditorEditsAndCancels(t *testing.T) {
	u, st, _ := articlesUI(t)
	s := u.articles
	a := mustArticle(t, st, "Old headline", "2026-01-02", "Body text here.")
	u.openArticle(a.ID, [2]int{})
	test.Tap(s.view.editBtn)
	e := s.editor
	if e == nil || e.title.Text != "Old headline" || e.date.Text != "2026-01-02" || e.body.Text != "Body text here." {
		t.Fatalf("editor not filled from the article")
	}
	e.title.SetText("New headline")
	test.Tap(e.cancelBtn)
	test.Tap(artButton(t, u, "Keep editing"))
	if s.editor != e {
		t.Fatal("Keep editing closed the form")
	}
	test.Tap(e.saveBtn)
	got, err := st.Article(context.Background(), a.ID)
	if err != nil || got.Title != "New headline" {
		t.Errorf("stored title %q (%v)", got.Title, err)
	}
	if s.view.title.String() != "New headline" {
		t.Errorf("view title %q", s.view.title.String())
	}
}

func TestArticleEditorPasteAndFromFile(t *testing.T) {
	u, _, _ := articlesUI(t)
	s := u.articles
	s.newArticle()
	e := s.editor
	test.Tap(e.pasteBtn)
	var paste *keyEntry
	for _, o := range test.LaidOutObjects(artOverlay(t, u)) {
		if w, ok := o.(*keyEntry); ok && w.MultiLine {
			paste = w
		}
	}
	if paste == nil {
		t.Fatal("no text box in the paste dialog")
	}
	paste.SetText("Ferry service resumes\n\nThe island ferry sailed again on Monday after the storm.")
	test.Tap(artButton(t, u, "Fill the form"))
	if e.title.Text != "Ferry service resumes" || !strings.Contains(e.body.Text, "island ferry sailed") {
		t.Errorf("after paste: title %q, body %q", e.title.Text, e.body.Text)
	}

	path := filepath.Join(t.TempDir(), "bridge.md")
	if err := os.WriteFile(path, []byte("# Bridge reopens\n\nTraffic crossed the river again at noon.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s.openFile = func(onPath func(string)) { onPath(path) }
	e.author.SetText("Kept Author")
	test.Tap(e.fileBtn)
	if e.title.Text != "Bridge reopens" || !strings.Contains(e.body.Text, "Traffic crossed") || e.author.Text != "Kept Author" {
		t.Errorf("after file: title %q, body %q, author %q", e.title.Text, e.body.Text, e.author.Text)
	}
}

func TestArticleFilterNarrowsList(t *testing.T) {
	u, st, _ := articlesUI(t)
	s := u.articles
	mustArticle(t, st, "Harbour strike", "2026-01-01", "Dockers stopped work.")
	mustArticle(t, st, "Budget vote", "2026-01-03", "Parliament passed the budget.")
	mustArticle(t, st, "Rail strike looms", "2026-01-02", "Drivers may stop work.")
	s.reload()
	if s.total != 3 || s.header.Text != "3 articles" {
		t.Fatalf("total %d, header %q", s.total, s.header.Text)
	}
	if r, _ := s.row(0); r.Title != "Budget vote" {
		t.Errorf("newest first: row 0 = %q", r.Title)
	}

	test.Type(s.filter, "strike")
	if s.total != 2 || s.header.Text != "2 matching articles" {
		t.Errorf("filtered: total %d, header %q", s.total, s.header.Text)
	}
	s.sorter.SetSelected("Title")
	if r, _ := s.row(0); r.Title != "Harbour strike" {
		t.Errorf("by title: row 0 = %q", r.Title)
	}
	test.Type(s.filter, " rail")
	if s.total != 1 {
		t.Errorf("two words: total %d", s.total)
	}
	s.filter.SetText("nothingmatches")
	if s.total != 0 || !s.empty.Visible() || !strings.Contains(s.emptyText.Text, "No articles match") || !s.clearBtn.Visible() {
		t.Errorf("no match: total %d, empty %q", s.total, s.emptyText.Text)
	}
	test.Tap(s.clearBtn)
	if s.total != 3 || s.empty.Visible() {
		t.Errorf("after clearing: total %d", s.total)
	}
}

func TestArticleListEmptyState(t *testing.T) {
	u, _, _ := articlesUI(t)
	s := u.articles
	if !s.empty.Visible() || s.list.Visible() {
		t.Fatal("the empty state does not show")
	}
	if !strings.Contains(s.emptyText.Text, "No articles yet. Press Ctrl+N") || s.header.Text != "0 articles" {
		t.Errorf("empty text %q, header %q", s.emptyText.Text, s.header.Text)
	}
}

func TestArticleListPages(t *testing.T) {
	u, st, _ := articlesUI(t)
	s := u.articles
	s.pageSize = 2
	for i := 1; i <= 5; i++ {
		mustArticle(t, st, "Article "+string(rune('A'+i-1)), "2026-01-0"+string(rune('0'+i)), "Text number "+string(rune('0'+i)))
	}
	s.reload()
	if s.total != 5 || len(s.pages[0]) != 2 {
		t.Fatalf("total %d, first page %d rows", s.total, len(s.pages[0]))
	}
	titles := ""
	obj := newArticleRowObject()
	for i := 0; i < s.total; i++ {
		s.updateRow(i, obj) // scrolling to a row loads its page
		if r, ok := s.row(i); ok {
			titles += r.Title[len(r.Title)-1:]
		}
	}
	if titles != "EDCBA" || len(s.pages) != 3 {
		t.Errorf("rows %q from %d pages", titles, len(s.pages))
	}
	if got := obj.(*widget.RichText).String(); !strings.Contains(got, "Article A") || !strings.Contains(got, "1 Jan 2026 · Test Wire") {
		t.Errorf("row shows %q", got)
	}
}

func TestArticleDeleteUndoTrash(t *testing.T) {
	u, st, _ := articlesUI(t)
	s := u.articles
	a := mustArticle(t, st, "Storm damage", "2026-01-05", "Roofs were torn off.")
	b := mustArticle(t, st, "Flood warning", "2026-01-06", "Rivers are rising.")
	s.reload()
	u.openArticle(a.ID, [2]int{})

	test.Tap(s.view.deleteBtn)
	test.Tap(artButton(t, u, "Move to the trash"))
	if n := artCount(t, st, app.ArticleQuery{Trashed: true}); n != 1 {
		t.Fatalf("%d in the trash", n)
	}
	if s.total != 1 || s.view.articleID != 0 || !s.undoBar.Visible() {
		t.Errorf("after delete: total %d, view #%d, undo shown %v", s.total, s.view.articleID, s.undoBar.Visible())
	}
	test.Tap(s.undoBtn)
	if n := artCount(t, st, app.ArticleQuery{}); n != 2 || s.total != 2 || s.undoBar.Visible() {
		t.Errorf("after undo: store %d, list %d", n, s.total)
	}
	if s.view.articleID != a.ID {
		t.Errorf("undo shows #%d, want #%d", s.view.articleID, a.ID)
	}

	// Trash both, restore one from the trash, delete the other forever.
	for _, id := range []int64{a.ID, b.ID} {
		if err := st.DeleteArticle(context.Background(), id); err != nil {
			t.Fatal(err)
		}
	}
	s.showTrash()
	tr := s.trash
	if tr == nil || len(tr.rows) != 2 {
		t.Fatalf("trash lists %v", tr)
	}
	row := tr.createRow()
	tr.updateRow(0, row) // the newest first: Flood warning
	buttons := row.(*fyne.Container).Objects[1].(*fyne.Container).Objects
	test.Tap(buttons[0].(*widget.Button))
	if n := artCount(t, st, app.ArticleQuery{}); n != 1 || len(tr.rows) != 1 || s.total != 1 {
		t.Errorf("after restore: store %d, trash rows %d, list %d", n, len(tr.rows), s.total)
	}
	tr.updateRow(0, row)
	test.Tap(row.(*fyne.Container).Objects[1].(*fyne.Container).Objects[1].(*widget.Button))
	test.Tap(artButton(t, u, "Delete forever"))
	if n := artCount(t, st, app.ArticleQuery{Trashed: true}); n != 0 || len(tr.rows) != 0 {
		t.Errorf("after purge: %d in the trash, %d rows", n, len(tr.rows))
	}
	if _, err := st.Article(context.Background(), a.ID); app.ErrorCode(err) != app.ENOTFOUND {
		t.Errorf("purged article still there: %v", err)
	}
}

func TestArticleViewLinksMentions(t *testing.T) {
	u, st, routes := articlesUI(t)
	s := u.articles
	trump := mustActor(t, st, "Donald Trump", app.Person)
	iraq := mustActor(t, st, "Iraq", app.State)
	a := mustArticle(t, st, "Warning to Baghdad", "2026-01-27",
		"Donald Trump warned Iraq on Tuesday.\n\nOfficials in Iraq answered.")
	u.openArticle(a.ID, [2]int{})

	links := map[string]int{}
	var text strings.Builder
	for _, seg := range s.view.body.Segments {
		text.WriteString(seg.Textual())
		if h, ok := seg.(*widget.HyperlinkSegment); ok {
			links[h.Text]++
		}
	}
	if text.String() != a.Body {
		t.Errorf("body renders as %q", text.String())
	}
	if links["Donald Trump"] != 1 || links["Iraq"] != 2 {
		t.Fatalf("links %v", links)
	}
	for _, seg := range s.view.body.Segments {
		if h, ok := seg.(*widget.HyperlinkSegment); ok && h.Text == "Donald Trump" {
			h.OnTapped()
		}
	}
	if r := lastRoute(routes); r.screen != "dossier" || r.id != trump.ID {
		t.Errorf("tapping the name went to %+v", r)
	}

	// A rejected mention is plain text again.
	ms, err := st.Mentions(context.Background(), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		if m.ActorID == iraq.ID {
			if err := st.SetMentionStatus(context.Background(), m.ID, app.MentionRejected); err != nil {
				t.Fatal(err)
			}
			break
		}
	}
	s.view.refresh()
	links = map[string]int{}
	for _, seg := range s.view.body.Segments {
		if h, ok := seg.(*widget.HyperlinkSegment); ok {
			links[h.Text]++
		}
	}
	if links["Iraq"] != 1 {
		t.Errorf("after rejecting one: links %v", links)
	}
}

func TestArticleViewHighlightsSpanAndShowsRelations(t *testing.T) {
	u, st, routes := articlesUI(t)
	s := u.articles
	trump := mustActor(t, st, "Donald Trump", app.Person)
	iraq := mustActor(t, st, "Iraq", app.State)
	body := "Early line.\nDonald Trump threatened Iraq with sanctions.\nLate line."
	a := mustArticle(t, st, "Sanctions threat", "2026-01-27", body)
	quote := "threatened Iraq with sanctions"
	start := strings.Index(body, quote) // ASCII: bytes are runes
	_, err := st.CreateRelation(context.Background(), app.Relation{SourceID: trump.ID, TargetID: iraq.ID, Type: "threatens",
		Start: "2026-01-27", Evidence: []app.Evidence{{ArticleID: a.ID, Quote: quote, Start: start, End: start + len(quote)}}})
	if err != nil {
		t.Fatal(err)
	}
	u.openArticle(a.ID, [2]int{start, start + len(quote)})

	v := s.view
	if !v.quoteBox.Visible() || !strings.Contains(v.quote.String(), quote) {
		t.Errorf("quote block: visible %v, %q", v.quoteBox.Visible(), v.quote.String())
	}
	var marked string
	for _, seg := range v.body.Segments {
		if ts, ok := seg.(*widget.TextSegment); ok && ts.Style == articleHighlight {
			marked += ts.Text
		}
		if h, ok := seg.(*widget.HyperlinkSegment); ok && h.Text == "Iraq" {
			marked += h.Text
		}
	}
	if marked != "threatened Iraq with sanctions" {
		t.Errorf("highlighted %q", marked)
	}

	if len(v.relsBox.Objects) != 1 {
		t.Fatalf("%d relation rows", len(v.relsBox.Objects))
	}
	var sentence *articleFlow
	for _, o := range test.LaidOutObjects(v.relsBox) {
		if f, ok := o.(*articleFlow); ok {
			sentence = f
		}
	}
	if sentence == nil || sentence.String() != "Donald Trump threatens Iraq — 27 Jan 2026" {
		t.Fatalf("relation sentence %v", sentence)
	}
	sentence.Segments[0].(*widget.HyperlinkSegment).OnTapped()
	if r := lastRoute(routes); r.screen != "dossier" || r.id != trump.ID {
		t.Errorf("tapping the source went to %+v", r)
	}
}

func TestArticleAddNote(t *testing.T) {
	u, st, _ := articlesUI(t)
	s := u.articles
	a := mustArticle(t, st, "Talks resume", "2026-02-01", "Negotiators met again.")
	u.openArticle(a.ID, [2]int{})
	if !strings.Contains(artTexts(s.view.notesBox), "No notes yet") {
		t.Errorf("empty notes say %q", artTexts(s.view.notesBox))
	}
	test.Tap(s.view.noteBtn)
	var box *keyEntry
	for _, o := range test.LaidOutObjects(artOverlay(t, u)) {
		if w, ok := o.(*keyEntry); ok {
			box = w
		}
	}
	test.Type(box, "Check the second source.")
	test.Tap(artButton(t, u, "Save note"))
	notes, err := st.ArticleNotes(context.Background(), a.ID)
	if err != nil || len(notes) != 1 || notes[0].Body != "Check the second source." {
		t.Fatalf("notes %v (%v)", notes, err)
	}
	if !strings.Contains(artTexts(s.view.notesBox), "Check the second source.") {
		t.Errorf("the view shows %q", artTexts(s.view.notesBox))
	}
}

// artTexts is the text of the labels and rich texts under o.
func artTexts(o fyne.CanvasObject) string {
	var parts []string
	for _, c := range test.LaidOutObjects(o) {
		switch w := c.(type) {
		case *widget.Label:
			parts = append(parts, w.Text)
		case *widget.RichText:
			parts = append(parts, w.String())
		}
	}
	return strings.Join(parts, " | ")
}

// selectRunes selects [from, to) of the body entry with the keyboard; backwards starts at
// to and extends the selection leftwards, leaving the cursor at its start.
func selectRunes(e *articleBodyEntry, from, to int, backwards bool) {
	e.CursorRow, e.CursorColumn = 0, 0
	e.Refresh()
	anchor, moves, key := from, to-from, fyne.KeyRight
	if backwards {
		anchor, key = to, fyne.KeyLeft
	}
	for i := 0; i < anchor; i++ {
		e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	}
	e.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	for i := 0; i < moves; i++ {
		e.TypedKey(&fyne.KeyEvent{Name: key})
	}
	e.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
}

func TestArticleSelectionMakesRelation(t *testing.T) {
	for _, backwards := range []bool{false, true} {
		name := "forwards"
		if backwards {
			name = "backwards"
		}
		t.Run(name, func(t *testing.T) {
			u, st, _ := articlesUI(t)
			s := u.articles
			trump := mustActor(t, st, "Donald Trump", app.Person)
			iraq := mustActor(t, st, "Iraq", app.State)
			body := "Überblick: Donald Trump threatened Iraq again.\nA second line follows."
			a := mustArticle(t, st, "Threat", "2026-01-27", body)
			var got []app.Relation
			s.newRelation = func(r app.Relation) { got = append(got, r) }
			u.openArticle(a.ID, [2]int{})
			test.Tap(s.view.selectBtn)
			if s.view.pane.Objects[0] != s.view.selecting {
				t.Fatal("Select text… did not switch to the selection mode")
			}
			quote := "Donald Trump threatened Iraq"
			start := strings.Index(body, quote) - 1                               // one multi-byte rune before it
			selectRunes(s.view.sel.entry, start-1, start+len(quote)+1, backwards) // with the spaces around it

			text, from, to, ok := s.view.sel.selection()
			if !ok || text != quote || from != start || to != start+len(quote) {
				t.Fatalf("selection() = %q %d %d %v, want %q %d %d", text, from, to, ok, quote, start, start+len(quote))
			}
			test.Tap(s.view.sel.relationBtn)
			if len(got) != 1 {
				t.Fatalf("relation editor opened %d times", len(got))
			}
			r := got[0]
			// Not the article's date: that is the day it was reported (the editor offers it, last).
			if r.Start != "" || r.SourceID != trump.ID || r.TargetID != iraq.ID || len(r.Evidence) != 1 {
				t.Fatalf("prefilled %+v", r)
			}
			ev := r.Evidence[0]
			if ev.ArticleID != a.ID || ev.Quote != quote || ev.Start != start || ev.End != start+len(quote) {
				t.Errorf("evidence %+v", ev)
			}
			// The store accepts the offsets as they are.
			r.Type = "threatens"
			if _, err := st.CreateRelation(context.Background(), r); err != nil {
				t.Errorf("store refuses the prefilled relation: %v", err)
			}
			if backwards {
				s.view.sel.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
			} else {
				test.Tap(s.view.sel.doneBtn)
			}
			if s.view.pane.Objects[0] != s.view.reading {
				t.Error("Done or Esc did not return to the article")
			}
		})
	}
}

func TestArticleSelectionNeedsPassage(t *testing.T) {
	u, st, _ := articlesUI(t)
	s := u.articles
	a := mustArticle(t, st, "Quiet day", "2026-01-27", "Nothing happened.")
	called := false
	s.newRelation = func(app.Relation) { called = true }
	u.openArticle(a.ID, [2]int{})
	test.Tap(s.view.selectBtn)
	test.Tap(s.view.sel.relationBtn)
	if called {
		t.Error("the relation editor opened without a passage")
	}
	if text := artOverlayText(u); !strings.Contains(text, "Select a passage of the article first") {
		t.Errorf("dialog says %q", text)
	}
}

func TestArticleBodyEntryIsReadOnly(t *testing.T) {
	test.NewTempApp(t)
	e := newArticleBodyEntry()
	test.NewTempWindow(t, e)
	e.setBody("Fixed text.")
	test.Type(e, "typed")
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	fyne.CurrentApp().Clipboard().SetContent("pasted")
	e.TypedShortcut(&fyne.ShortcutPaste{Clipboard: fyne.CurrentApp().Clipboard()})
	e.TypedShortcut(&fyne.ShortcutSelectAll{})
	e.TypedShortcut(&fyne.ShortcutCut{Clipboard: fyne.CurrentApp().Clipboard()})
	if e.Text != "Fixed text." {
		t.Errorf("text became %q", e.Text)
	}
	if e.SelectedText() != "Fixed text." {
		t.Errorf("select all selected %q", e.SelectedText())
	}
	e.SetText("changed behind its back") // e.g. the context menu's Paste
	if e.Text != "Fixed text." {
		t.Errorf("OnChanged did not restore the text: %q", e.Text)
	}
}

func TestArticleLocateSelection(t *testing.T) {
	tests := []struct {
		name, body, sel string
		cursor          int
		start, end      int
		ok              bool
	}{
		{"cursor at end", "one two three", "two", 7, 4, 7, true},
		{"cursor at start", "one two three", "two", 4, 4, 7, true},
		{"repeated, second", "ab ab ab", "ab", 8, 6, 8, true},
		{"repeated, backwards", "ab ab ab", "ab", 3, 3, 5, true},
		{"runes not bytes", "Ça va, Zoë? Oui.", "Zoë", 10, 7, 10, true},
		{"emoji", "🙂 hello", "hello", 7, 2, 7, true},
		{"cursor off, first found", "x y x", "x", 99, 0, 1, true},
		{"not in body", "abc", "zzz", 3, 0, 0, false},
		{"empty", "abc", "", 0, 0, 0, false},
		{"longer than body", "ab", "abc", 2, 0, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, e, ok := articleLocateSelection(tt.body, tt.sel, tt.cursor)
			if s != tt.start || e != tt.end || ok != tt.ok {
				t.Errorf("got %d %d %v, want %d %d %v", s, e, ok, tt.start, tt.end, tt.ok)
			}
		})
	}
}

func TestArticleTrimSpan(t *testing.T) {
	tests := []struct {
		body       string
		start, end int
		want       [2]int
	}{
		{"  ab  ", 0, 6, [2]int{2, 4}},
		{"a\n b", 1, 4, [2]int{3, 4}},
		{"   ", 0, 3, [2]int{3, 3}},
		{"é ", 0, 2, [2]int{0, 1}},
	}
	for _, tt := range tests {
		s, e := articleTrimSpan(tt.body, tt.start, tt.end)
		if [2]int{s, e} != tt.want {
			t.Errorf("articleTrimSpan(%q, %d, %d) = %d %d, want %v", tt.body, tt.start, tt.end, s, e, tt.want)
		}
	}
}

func TestArticleBodySegments(t *testing.T) {
	body := "Zoë met Ann. Ann left."
	tests := []struct {
		name     string
		mentions []app.Mention
		span     [2]int
		want     []string // segments: "text", "[link]" or "*highlight*"
	}{
		{"plain", nil, [2]int{}, []string{"Zoë met Ann. Ann left."}},
		{"links", []app.Mention{{ActorID: 1, Start: 0, End: 3}, {ActorID: 2, Start: 8, End: 11}},
			[2]int{}, []string{"[Zoë]", " met ", "[Ann]", ". Ann left."}},
		{"rejected and overlapping skipped", []app.Mention{{ActorID: 1, Start: 0, End: 3, Status: app.MentionRejected},
			{ActorID: 2, Start: 8, End: 11}, {ActorID: 3, Start: 9, End: 12}, {ActorID: 4, Start: 20, End: 99}},
			[2]int{}, []string{"Zoë met ", "[Ann]", ". Ann left."}},
		{"span around a link", []app.Mention{{ActorID: 2, Start: 8, End: 11}},
			[2]int{4, 12}, []string{"Zoë ", "*met *", "[Ann]", "*.*", " Ann left."}},
		{"span at the end", nil, [2]int{13, 22}, []string{"Zoë met Ann. ", "*Ann left.*"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var opened []int64
			segs := articleBodySegments(body, tt.mentions, tt.span, func(id int64) { opened = append(opened, id) })
			last := segs[len(segs)-1].(*widget.TextSegment)
			if last.Text != "" || last.Inline() {
				t.Errorf("the body does not end its last line")
			}
			var got []string
			var prev *widget.TextSegment
			for _, seg := range segs[:len(segs)-1] {
				switch s := seg.(type) {
				case *widget.HyperlinkSegment:
					got = append(got, "["+s.Text+"]")
					s.OnTapped()
					prev = nil
				case *widget.TextSegment:
					text := s.Text
					if s.Style == articleHighlight {
						text = "*" + text + "*"
					}
					if prev != nil && prev.Style == s.Style { // words split off after a link
						got[len(got)-1] = strings.TrimSuffix(got[len(got)-1], "*") + strings.TrimPrefix(text, "*")
					} else {
						got = append(got, text)
					}
					prev = s
				}
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
			if tt.name == "links" && (len(opened) != 2 || opened[0] != 1 || opened[1] != 2) {
				t.Errorf("links open %v", opened)
			}
		})
	}
}

func TestArticleImportFiles(t *testing.T) {
	u, st, _ := articlesUI(t)
	s := u.articles
	dir := t.TempDir()
	good := filepath.Join(dir, "market.txt")
	if err := os.WriteFile(good, []byte("Market opens early\n\nTraders arrived before sunrise to set up stalls.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(dir, "scan.pdf")
	if err := os.WriteFile(bad, []byte("%PDF-1.7 binary"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path, want string
		filed      int
	}{
		{good, "1 article filed · 0 duplicates · 0 refused", 1},
		{good, "0 articles filed · 1 duplicate · 0 refused", 1},
		{bad, "0 articles filed · 0 duplicates · 1 refused", 1},
	}
	for _, tt := range tests {
		// The import dialog (views/import.go) asks for a folder or a file.
		u.importer().pickFile = func(onPath func(string)) { onPath(tt.path) }
		s.importFiles()
		for _, o := range test.LaidOutObjects(u.win.Canvas().Overlays().Top()) {
			if b, ok := o.(*widget.Button); ok && b.Text == "Choose a file…" {
				test.Tap(b)
			}
		}
		if text := artOverlayText(u); !strings.Contains(text, tt.want) {
			t.Errorf("%s: report says %q", filepath.Base(tt.path), text)
		}
		if n := artCount(t, st, app.ArticleQuery{}); n != tt.filed || s.total != tt.filed {
			t.Errorf("%s: store %d, list %d", filepath.Base(tt.path), n, s.total)
		}
		u.win.Canvas().Overlays().Top().Hide()
	}
}

func TestArticleGroupDigits(t *testing.T) {
	for n, want := range map[int]string{0: "0", 7: "7", 999: "999", 1000: "1,000", 1234: "1,234", 1234567: "1,234,567", -4321: "-4,321"} {
		if got := articleGroupDigits(n); got != want {
			t.Errorf("articleGroupDigits(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestArticleFlowBreaksRows(t *testing.T) {
	test.NewTempApp(t)
	words := strings.Repeat("alpha beta gamma delta ", 20)
	link := &widget.HyperlinkSegment{Text: "Epsilon Zeta"}
	f := newArticleFlow(
		&widget.TextSegment{Style: widget.RichTextStyleInline, Text: words},
		link,
		&widget.TextSegment{Style: widget.RichTextStyleInline, Text: ", after the link.\n\nSupercalifragilisticexpialidociousandthensomemoreletters end"},
		&widget.TextSegment{Style: widget.RichTextStyleParagraph},
	)
	for _, width := range []float32{160, 300, 700} {
		f.Resize(fyne.NewSize(width, 100))
		avail := width - 2*theme.InnerPadding()
		var rows []string
		row, rowWidth := "", float32(0)
		for _, seg := range f.rt.Segments {
			switch s := seg.(type) {
			case *widget.HyperlinkSegment:
				row += s.Text
				rowWidth += s.Visual().MinSize().Width
			case *widget.TextSegment:
				if !s.Inline() {
					rows = append(rows, row)
					row, rowWidth = "", 0
					continue
				}
				row += s.Text
				rowWidth += fyne.MeasureText(strings.TrimRight(s.Text, " "), theme.TextSize(), s.Style.TextStyle).Width
			}
			if rowWidth > avail+fyne.MeasureText(",", theme.TextSize(), fyne.TextStyle{}).Width {
				t.Errorf("width %v: row %q is %v wide, more than %v", width, row, rowWidth, avail)
			}
		}
		joined := strings.Join(rows, "\n")
		flat := strings.NewReplacer("\n", "", " ", "").Replace(joined)
		want := strings.NewReplacer("\n", "", " ", "").Replace(f.String())
		if flat != want {
			t.Errorf("width %v: the rows lose text:\n%q\nwant %q", width, flat, want)
		}
		if strings.Contains(joined, "\n,") {
			t.Errorf("width %v: a comma starts a row: %q", width, joined)
		}
		if !strings.Contains(joined, "link.\n\nSuper") {
			t.Errorf("width %v: the blank line is lost: %q", width, joined)
		}
		if got := f.rowFraction(strings.Index(f.String(), "Super")); got < 0.5 || got >= 1 {
			t.Errorf("width %v: the last paragraph starts %v of the way down", width, got)
		}
		if got := f.rowFraction(0); got != 0 {
			t.Errorf("width %v: the first word is %v of the way down", width, got)
		}
		if f.MinSize().Width > 100 {
			t.Errorf("width %v: MinSize %v keeps the pane from shrinking", width, f.MinSize())
		}
	}
}

func TestArticleLinkSelectionAsAlias(t *testing.T) {
	u, st, _ := articlesUI(t)
	s := u.articles
	trump := mustActor(t, st, "Donald Trump", app.Person)
	a := mustArticle(t, st, "Rally", "2026-01-20", "Trump spoke at a rally. Donald Trump left early.")
	u.openArticle(a.ID, [2]int{})
	links := func() int {
		n := 0
		for _, seg := range s.view.body.Segments {
			if _, ok := seg.(*widget.HyperlinkSegment); ok {
				n++
			}
		}
		return n
	}
	if links() != 1 {
		t.Fatalf("%d links before", links())
	}

	s.view.sel.offerAlias(trump, "donald trump") // already a name, in another case
	if text := artOverlayText(u); !strings.Contains(text, "already a name of Donald Trump") {
		t.Errorf("dialog says %q", text)
	}
	artOverlay(t, u).Hide()

	s.view.sel.offerAlias(trump, "Trump")
	test.Tap(artButton(t, u, "Add the name"))
	got, err := st.Actor(context.Background(), trump.ID)
	if err != nil || strings.Join(got.Aliases, ",") != "Trump" {
		t.Fatalf("aliases %v (%v)", got.Aliases, err)
	}
	if links() != 2 {
		t.Errorf("%d links after adding the name", links())
	}
}

func TestArticleFlowKeepsPunctuationWithLink(t *testing.T) {
	test.NewTempApp(t)
	link := &widget.HyperlinkSegment{Text: "Iraq"}
	f := newArticleFlow(link, &widget.TextSegment{Style: widget.RichTextStyleInline, Text: ", said officials"})
	linkWidth := link.Visual().MinSize().Width
	f.Resize(fyne.NewSize(linkWidth+2*theme.InnerPadding()+4+0.5, 100)) // room for the link, not its comma
	var first []string
	for _, seg := range f.rt.Segments {
		if ts, ok := seg.(*widget.TextSegment); ok && !ts.Inline() {
			break
		}
		first = append(first, seg.Textual())
	}
	if strings.Join(first, "") != "Iraq, " {
		t.Errorf("first row %q, want the link with its comma", first)
	}
}

// TestArticleEditorFromFileShowsReadingWarnings is the rule for "From file…": whatever
// reading a file could not do perfectly reaches the form. A file with invalid UTF-8 bytes
// says how many were replaced and where; one file per kind of import warning shows that
// every kind reaches the message, which names the file.
func TestArticleEditorFromFileShowsReadingWarnings(t *testing.T) {
	u, _, _ := articlesUI(t)
	s := u.articles
	s.newArticle()
	e := s.editor
	dir := t.TempDir()
	files := []struct{ name, text string }{
		// UTF-8 (the dashes and the accent) with two invalid bytes on line 3.
		{"cranes.txt", "Quay cranes return — at last\n\nFebruary 3, 2026 — Two new cranes arrived at the quays this week.\n" +
			"The crane drivers \xff\xfe cheered; the café by the gate stayed open late.\n"},
		// Windows-1252 as a whole: é and an en dash.
		{"cafe.txt", "Caf\xe9 owners march\n\nOn 4 March 2026 the caf\xe9 owners of the old town marched \x96 peacefully \x96 to the town hall.\n" +
			"The caf\xe9s stayed shut all afternoon.\n"},
		// No date anywhere.
		{"ferry.txt", "Night ferry cancelled\n\nThe night ferry did not sail because of the wind.\n"},
	}
	kinds := map[string]bool{}
	for _, f := range files {
		path := filepath.Join(dir, f.name)
		if err := os.WriteFile(path, []byte(f.text), 0o644); err != nil {
			t.Fatal(err)
		}
		items, err := ingest.ReadFile(path)
		if err != nil || len(items) != 1 || len(items[0].Warnings) == 0 {
			t.Fatalf("%s: the fixture reads as %d items, err %v, warnings %v", f.name, len(items), err, items)
		}
		s.openFile = func(onPath func(string)) { onPath(path) }
		test.Tap(e.fileBtn)
		if e.title.Text != items[0].Article.Title {
			t.Errorf("%s: title %q, want %q", f.name, e.title.Text, items[0].Article.Title)
		}
		if !e.message.Visible() || e.message.Importance != widget.WarningImportance || !strings.Contains(e.message.Text, path) {
			t.Errorf("%s: message shown %v, importance %v, text %q", f.name, e.message.Visible(), e.message.Importance, e.message.Text)
		}
		for _, w := range items[0].Warnings {
			kinds[w.Kind] = true
			if !strings.Contains(e.message.Text, w.Message) {
				t.Errorf("%s: the form does not say %q; it says %q", f.name, w.Message, e.message.Text)
			}
		}
	}
	for _, k := range app.WarningKinds {
		if !kinds[k] {
			t.Errorf("no fixture gives a %q warning: add one so the rule covers it", k)
		}
	}

	// The example of the issue: the count and the line of the replaced bytes.
	s.openFile = func(onPath func(string)) { onPath(filepath.Join(dir, "cranes.txt")) }
	test.Tap(e.fileBtn)
	if !strings.Contains(e.message.Text, "2 invalid bytes replaced") || !strings.Contains(e.message.Text, "line 4") ||
		!strings.Contains(e.body.Text, "\uFFFD") {
		t.Errorf("invalid bytes: message %q, body %q", e.message.Text, e.body.Text)
	}

	// A feed read in part: the form shows the first article, and says what was left out
	// and that the file holds more.
	feed := filepath.Join(dir, "harbour.xml")
	if err := os.WriteFile(feed, []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour news</title>
<item><title>Cranes arrive</title><pubDate>Tue, 03 Feb 2026 09:00:00 GMT</pubDate><description>Two cranes reached the quays.</description></item>
<item><title>Ferry back</title><pubDate>Wed, 04 Feb 2026 09:00:00 GMT</pubDate><description>The ferry sailed again.</description></item>
<item></item>
</channel></rss>`), 0o644); err != nil {
		t.Fatal(err)
	}
	s.openFile = func(onPath func(string)) { onPath(feed) }
	test.Tap(e.fileBtn)
	if e.title.Text != "Cranes arrive" || e.message.Importance != widget.WarningImportance ||
		!strings.Contains(e.message.Text, "1 of 3 items could not be filed") || !strings.Contains(e.message.Text, "holds 2 articles") {
		t.Errorf("a feed read in part: title %q, message %q", e.title.Text, e.message.Text)
	}

	// A clean file leaves no warning behind from the one before.
	clean := filepath.Join(dir, "bridge.md")
	if err := os.WriteFile(clean, []byte("# Bridge reopens\n\nMarch 2, 2026\n\nTraffic crossed the river again at noon.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s.openFile = func(onPath func(string)) { onPath(clean) }
	test.Tap(e.fileBtn)
	if e.message.Visible() {
		t.Errorf("a clean file: the form still says %q", e.message.Text)
	}
}
