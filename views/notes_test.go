package views

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
)

// manualTimers replaces the autosave's clock: a timer fires when the test says.
type manualTimers struct{ list []*manualTimer }

type manualTimer struct {
	f       func()
	stopped bool
}

func (t *manualTimer) Stop() bool { was := !t.stopped; t.stopped = true; return was }

func (m *manualTimers) after(_ time.Duration, f func()) app.Timer {
	t := &manualTimer{f: f}
	m.list = append(m.list, t)
	return t
}

// fire runs the timers still pending, as the clock would once typing has stopped.
func (m *manualTimers) fire() int {
	n := 0
	for _, t := range m.list {
		if !t.stopped {
			t.stopped = true
			t.f()
			n++
		}
	}
	return n
}

// runMenuShortcut runs the menu item bound to sc, as the desktop driver does.
func runMenuShortcut(t *testing.T, u *UI, sc *desktop.CustomShortcut) {
	t.Helper()
	for _, m := range u.win.MainMenu().Items {
		for _, it := range m.Items {
			if s, ok := it.Shortcut.(*desktop.CustomShortcut); ok && s.KeyName == sc.KeyName && s.Modifier == sc.Modifier {
				it.Action()
				return
			}
		}
	}
	t.Fatalf("no menu item has the shortcut %s", keyLabel(sc))
}

func suggestionButtons(ed *noteEditor) []*widget.Button {
	var out []*widget.Button
	for _, o := range ed.suggestBox.Objects {
		if b, ok := o.(*widget.Button); ok {
			out = append(out, b)
		}
	}
	return out
}

// TestNoteLinkTypedPickedAndInDossier: New note (its shortcut), type "[[Mal", pick Nouri
// al-Maliki among the suggestions, the autosave stores the note with its link, and
// Maliki's dossier lists it under "In your notes" with the sentence around the link.
func TestNoteLinkTypedPickedAndInDossier(t *testing.T) {
	mw, st := newTestWindow(t)
	u := mw.u
	timers := &manualTimers{}
	u.notes.after = timers.after
	maliki := mustActor(t, st, "Nouri al-Maliki", app.Person, "Maliki")
	mustActor(t, st, "Malik Harbour Co", app.Organisation)

	runMenuShortcut(t, u, newNoteShortcut)
	if u.history.current.screen != "notes" || u.notes.ed == nil {
		t.Fatalf("New note shows %q, editor %v", u.history.current.screen, u.notes.ed)
	}
	ed := u.notes.ed
	test.Type(ed.title, "Bloc talks")
	u.win.Canvas().Focus(ed.source)
	test.Type(ed.source, "The bloc backs [[Mal")
	buttons := suggestionButtons(ed)
	var pick *widget.Button
	for _, b := range buttons {
		if strings.HasPrefix(b.Text, "Nouri al-Maliki") {
			pick = b
		}
	}
	if pick == nil {
		t.Fatalf("no suggestion for Nouri al-Maliki among %d: %v", len(buttons), dossierText(ed.suggestBox))
	}
	test.Tap(pick)
	if ed.source.Text != "The bloc backs [[Nouri al-Maliki]]" || !ed.suggestBox.Hidden {
		t.Fatalf("after picking: %q (suggestions hidden %v)", ed.source.Text, ed.suggestBox.Hidden)
	}
	test.Type(ed.source, " again.")
	if ed.note.ID != 0 {
		t.Fatal("saved before the autosave fired")
	}
	if timers.fire() == 0 {
		t.Fatal("typing scheduled no autosave")
	}
	if ed.note.ID == 0 || !strings.HasPrefix(ed.status.Text, "Saved at") {
		t.Fatalf("the autosave did not store the note: %q", ed.status.Text)
	}
	n, err := st.Note(context.Background(), ed.note.ID)
	if err != nil || n.Body != "The bloc backs [[Nouri al-Maliki]] again." || n.Title != "Bloc talks" {
		t.Fatalf("stored %+v, %v", n, err)
	}
	if !strings.Contains(dossierText(u.notes.list), "Bloc talks") {
		t.Errorf("the Notes list lacks the note: %q", dossierText(u.notes.list))
	}

	u.openDossier(maliki.ID)
	text := dossierText(u.dossier.content())
	mustContain(t, text, "In your notes", "Bloc talks", "The bloc backs Nouri al-Maliki again.")
}

// TestNoteRenderedLinksOpenRecordsAndCreateMissing: the rendered view (its shortcut)
// shows each link by the record's current name; a tap opens the dossier; a link to
// nothing shows as missing and can create the actor, after which it points at it.
func TestNoteRenderedLinksOpenRecordsAndCreateMissing(t *testing.T) {
	mw, st := newTestWindow(t)
	u := mw.u
	u.notes.after = (&manualTimers{}).after
	ctx := context.Background()
	iraq := mustActor(t, st, "Iraq", app.State)
	n, err := st.CreateNote(ctx, app.Note{Title: "Working hypothesis", Body: "# Outlook\n\n- [[Iraq]] leans on [[Zebulon Front]].\n\n![chart](https://example.org/chart.png)"})
	if err != nil {
		t.Fatal(err)
	}
	iraq.Name = "Republic of Iraq"
	if _, err := st.UpdateActor(ctx, iraq); err != nil {
		t.Fatal(err)
	}
	u.openNote(n.ID)
	ed := u.notes.ed
	if ed == nil || ed.note.ID != n.ID {
		t.Fatalf("the note did not open: %+v", ed)
	}
	runMenuShortcut(t, u, previewShortcut)
	if !ed.previewing || len(ed.linkSegs) != 2 {
		t.Fatalf("rendered: %v, %d links", ed.previewing, len(ed.linkSegs))
	}
	text := dossierText(ed.rendered)
	mustContain(t, text, "Outlook", "Republic of Iraq", "Zebulon Front (missing)", "[image: chart]")
	ed.linkSegs[1].OnTapped()
	d := u.win.Canvas().Overlays().Top()
	if d == nil || !strings.Contains(dossierText(d), "Create actor") {
		t.Fatalf("a missing link offers no creation: %v", d)
	}
	test.Tap(findButton(d, "Create actor"))
	if got := u.notes.ed.linkSegs; len(got) != 2 || strings.Contains(got[1].Text, "missing") {
		t.Errorf("after creating the actor the link still shows %q", got[1].Text)
	}
	links, _ := st.NoteLinks(ctx, n.ID)
	if links[1].Status != app.LinkResolved || links[1].Name != "Zebulon Front" {
		t.Errorf("stored link %+v", links[1])
	}
	ed.linkSegs[0].OnTapped()
	if u.history.current.screen != "dossier" || u.history.current.id != iraq.ID {
		t.Errorf("tapping the link opened %+v", u.history.current)
	}
}

// TestNotesScreenListsFiltersAndKeepsWorkOnLeave: Alt+6 shows every note (attached ones
// too), newest first; the filter and the tag narrow it; leaving the screen saves what was
// typed even before the autosave fired; the word count follows the text.
func TestNotesScreenListsFiltersAndKeepsWorkOnLeave(t *testing.T) {
	mw, st := newTestWindow(t)
	u := mw.u
	u.notes.after = (&manualTimers{}).after
	ctx := context.Background()
	a := mustActor(t, st, "Harbour Board", app.Organisation)
	st.CreateNote(ctx, app.Note{Body: "On the board itself.", ActorID: a.ID})
	st.CreateNote(ctx, app.Note{Title: "Source check", Tags: []string{"sources"}, Body: "The wire is reliable."})
	runMenuShortcut(t, u, notesShortcut)
	if u.history.current.screen != "notes" || u.notes.total != 2 {
		t.Fatalf("notes screen: %q, %d notes", u.history.current.screen, u.notes.total)
	}
	mustContain(t, dossierText(u.notes.content()), "Source check", "On the board itself.", "on Harbour Board")
	test.Type(u.notes.filter, "wire")
	if u.notes.total != 1 {
		t.Errorf("filter 'wire': %d notes", u.notes.total)
	}
	u.notes.filter.SetText("")
	u.notes.tag.SetSelected("sources")
	if u.notes.total != 1 {
		t.Errorf("tag sources: %d notes", u.notes.total)
	}
	u.notes.tag.SetSelected(allTags)
	u.notes.newNote()
	ed := u.notes.ed
	test.Type(ed.source, "Three short words")
	if ed.words.Text != "3 words" {
		t.Errorf("word count %q", ed.words.Text)
	}
	u.navigate(route{screen: "articles"}) // no autosave has fired
	rows, _ := st.Notes(ctx, app.NoteQuery{Text: "short"})
	if len(rows) != 1 {
		t.Errorf("the note typed was not saved on leaving the screen: %+v", rows)
	}
}

// TestDossierLinksAnUnlinkedMention: a note naming the actor without a link is listed
// under the unlinked mentions; Link it makes it a link.
func TestDossierLinksAnUnlinkedMention(t *testing.T) {
	mw, st := newTestWindow(t)
	u := mw.u
	ctx := context.Background()
	m := mustActor(t, st, "Nouri al-Maliki", app.Person, "Maliki")
	n, _ := st.CreateNote(ctx, app.Note{Title: "Gossip", Body: "They say Maliki will return."})
	u.openDossier(m.ID)
	text := dossierText(u.dossier.content())
	mustContain(t, text, "Unlinked mentions", "Gossip", "They say Maliki will return.")
	test.Tap(findButton(u.dossier.content(), "Link it"))
	got, _ := st.Note(ctx, n.ID)
	if got.Body != "They say [[Nouri al-Maliki|Maliki]] will return." {
		t.Errorf("body after Link it: %q", got.Body)
	}
	text = dossierText(u.dossier.content())
	if strings.Contains(text, "Unlinked mentions") {
		t.Errorf("still unlinked:\n%s", text)
	}
}

// TestArticleAndNoteShowBacklinks: an article lists the notes linking to it; a rendered
// note lists the notes linking to it; a search hit on a standalone note opens it.
func TestArticleAndNoteShowBacklinks(t *testing.T) {
	ctx := context.Background()
	u, st, _ := articlesUI(t)
	art := mustArticle(t, st, "Port strike ends", "2026-01-12", "Dockers went back to work on Monday.")
	hyp, _ := st.CreateNote(ctx, app.Note{Title: "Costs hypothesis", Body: "Costs drive it."})
	st.CreateNote(ctx, app.Note{Title: "Reading list", Body: "Read [[Port strike ends]] against [[Costs hypothesis]]."})
	u.articles.openArticle(art.ID, [2]int{})
	mustContain(t, artTexts(u.articles.view.notesBox), "Linked from notes", "Reading list", "Read Port strike ends against Costs hypothesis.")

	u.notes.after = (&manualTimers{}).after
	u.notes.edit(hyp)
	u.notes.togglePreview()
	mustContain(t, dossierText(u.notes.ed.rendered), "Linked from", "Reading list")
}

// TestNoteSearchHitOpensTheNote: a search hit on a standalone note opens it in the Notes
// screen; the hit is titled by the note's own heading.
func TestNoteSearchHitOpensTheNote(t *testing.T) {
	ctx := context.Background()
	_, st, s, routes := searchUI(t)
	n, _ := st.CreateNote(ctx, app.Note{Title: "Erbil hypothesis", Body: "The delegation waits."})
	typeQuery(s, "Erbil")
	if len(s.res.Notes) != 1 || s.res.Notes[0].Title != "Erbil hypothesis" {
		t.Fatalf("notes found: %+v", s.res.Notes)
	}
	test.Tap(s.rows[0])
	if r := lastRoute(routes); r.screen != "notes" || r.id != n.ID {
		t.Errorf("the note hit went to %+v", r)
	}
}

// TestNoteEditorKeepsTextOnConflictAndUndoes: when a batch command changed the note
// since it was opened, the autosave refuses to overwrite it, says so and keeps the text
// typed; Undo takes back what was typed.
func TestNoteEditorKeepsTextOnConflictAndUndoes(t *testing.T) {
	mw, st := newTestWindow(t)
	u := mw.u
	timers := &manualTimers{}
	u.notes.after = timers.after
	ctx := context.Background()
	n, _ := st.CreateNote(ctx, app.Note{Title: "Shared", Body: "First line."})
	u.openNote(n.ID)
	ed := u.notes.ed
	other := n
	other.Body = "Changed by a script."
	if _, err := st.UpdateNote(ctx, other); err != nil {
		t.Fatal(err)
	}
	u.win.Canvas().Focus(ed.source)
	ed.source.CursorRow, ed.source.CursorColumn = 0, len("First line.")
	test.Type(ed.source, " Mine.")
	timers.fire()
	if !strings.Contains(ed.status.Text, "Not saved") || !strings.Contains(ed.status.Text, "changed elsewhere") {
		t.Errorf("status after a conflicting save: %q", ed.status.Text)
	}
	if ed.source.Text != "First line. Mine." {
		t.Errorf("the text typed was lost: %q", ed.source.Text)
	}
	if got, _ := st.Note(ctx, n.ID); got.Body != "Changed by a script." {
		t.Errorf("the other program's change was overwritten: %q", got.Body)
	}
	ed.source.TypedShortcut(&fyne.ShortcutUndo{})
	if ed.source.Text == "First line. Mine." {
		t.Errorf("Undo did nothing: %q", ed.source.Text)
	}
}

// TestNoteTablesRender: a Markdown table renders as aligned columns, its words kept.
func TestNoteTablesRender(t *testing.T) {
	test.NewTempApp(t)
	segs := markdownSegments("| Actor | Seats |\n|---|---:|\n| Coordination Framework | 138 |\n| **Sadrists** | 0 |\n")
	if len(segs) != 1 {
		t.Fatalf("segments %d", len(segs))
	}
	got := segs[0].Textual()
	want := "Actor                  │ Seats\n───────────────────────┼──────\nCoordination Framework │ 138\nSadrists               │ 0"
	if got != want {
		t.Errorf("table drawn as\n%s\nwant\n%s", got, want)
	}
}

// TestNoteSavedByCtrlSAndOnClose: the save shortcut stores the note at once, and closing
// the window stores what was typed since, before the autosave's second is up.
func TestNoteSavedByCtrlSAndOnClose(t *testing.T) {
	mw, st := newTestWindow(t)
	u := mw.u
	u.notes.after = (&manualTimers{}).after
	u.notes.newNote()
	ed := u.notes.ed
	u.win.Canvas().Focus(ed.source)
	test.Type(ed.source, "Saved by the shortcut.")
	pressShortcut(u, ctrlS)
	if ed.note.ID == 0 {
		t.Fatal("the save shortcut stored nothing")
	}
	test.Type(ed.source, " And by closing.")
	closed := 0
	mw.closeWindow = func() { closed++ }
	mw.closing()
	n, err := st.Note(context.Background(), ed.note.ID)
	if err != nil || n.Body != "Saved by the shortcut. And by closing." || closed != 1 {
		t.Errorf("after closing: %q, %v (closed %d)", n.Body, err, closed)
	}
}

// TestNotePicturesFromTheProjectOnly: a PNG added to a note is kept in the project and
// drawn from there; a file that is not a picture is refused; a picture on the web is
// never drawn, only named.
func TestNotePicturesFromTheProjectOnly(t *testing.T) {
	mw, st := newTestWindow(t)
	u := mw.u
	u.notes.after = (&manualTimers{}).after
	dir := t.TempDir()
	var buf bytes.Buffer
	png.Encode(&buf, image.NewRGBA(image.Rect(0, 0, 800, 400)))
	pic := filepath.Join(dir, "seats.png")
	os.WriteFile(pic, buf.Bytes(), 0o644)
	fake := filepath.Join(dir, "fake.png")
	os.WriteFile(fake, []byte("<html>not a picture</html>"), 0o644)

	u.notes.newNote()
	ed := u.notes.ed
	u.win.Canvas().Focus(ed.source)
	test.Type(ed.source, "Seats by bloc:")
	ed.addImageFile(pic)
	if !strings.Contains(ed.source.Text, "\n![seats.png]("+app.NoteImageScheme+":") {
		t.Fatalf("no picture line: %q", ed.source.Text)
	}
	ed.addImageFile(fake)
	if strings.Count(ed.source.Text, app.NoteImageScheme) != 1 {
		t.Errorf("a file that is not a picture was added: %q", ed.source.Text)
	}
	if top := u.win.Canvas().Overlays().Top(); top == nil || !strings.Contains(dossierText(top), "not a PNG or JPEG") {
		t.Errorf("the refusal was not shown")
	} else {
		u.win.Canvas().Overlays().Remove(top)
	}
	ed.source.SetText(ed.source.Text + "\n\n![map](https://example.org/map.png)")
	ed.togglePreview()
	var pictures []*canvas.Image
	for _, o := range test.LaidOutObjects(ed.rendered) {
		if c, ok := o.(*canvas.Image); ok && c.Resource != nil && c.Resource.Name() == "seats.png" {
			pictures = append(pictures, c)
		}
	}
	if len(pictures) != 1 || pictures[0].MinSize().Width != noteImageWidth {
		t.Errorf("pictures drawn: %d", len(pictures))
	}
	mustContain(t, dossierText(ed.rendered), "Seats by bloc:", "[image: map]")
	n, _ := st.Note(context.Background(), ed.note.ID)
	if !strings.Contains(n.Body, app.NoteImageScheme) {
		t.Errorf("stored body %q", n.Body)
	}
}
