package views

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
)

// newNoteShortcut writes a new standalone note from anywhere (File ▸ New note).
var newNoteShortcut = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}

// notesShortcut shows the Notes screen; previewShortcut switches the open note between
// its Markdown and its rendered view.
var (
	notesShortcut   = &desktop.CustomShortcut{KeyName: fyne.Key6, Modifier: fyne.KeyModifierAlt}
	previewShortcut = &desktop.CustomShortcut{KeyName: fyne.KeyR, Modifier: fyne.KeyModifierShortcutDefault}
)

// notePageSize is how many notes one store query fetches; the list pages them in.
const notePageSize = 200

// allTags is the tag filter's choice that filters nothing.
const allTags = "All tags"

// notesScreen is the research notebook (Alt+6): every note of the project, the most
// recently edited first, filtered as you type and by tag, in a virtual list; the note
// picked opens in the editor beside it (notes_editor.go).
type notesScreen struct {
	u    *UI
	root fyne.CanvasObject

	filter *keyEntry
	tag    *widget.Select
	count  *widget.Label
	empty  *widget.Label
	list   *widget.List
	side   *fyne.Container // the editor, or a hint when no note is open

	query   app.NoteQuery
	total   int
	all     int
	pages   map[int][]app.NoteRow
	pending map[int]bool
	gen     int
	// updating is set while the list fills a row (see actorsScreen.updating).
	updating bool

	ed *noteEditor // the open note; nil when none
	// after schedules the editors' autosaves; nil: the system clock (tests set it).
	after app.AfterFunc
}

func newNotesScreen(u *UI) *notesScreen {
	s := &notesScreen{u: u, pages: map[int][]app.NoteRow{}, pending: map[int]bool{}}
	s.filter = u.newKeyEntry()
	s.filter.SetPlaceHolder("Filter notes by their words…")
	s.filter.OnChanged = func(text string) {
		s.query.Text = text
		s.reload()
	}
	s.tag = widget.NewSelect([]string{allTags}, func(t string) {
		if t == allTags {
			t = ""
		}
		if t != s.query.Tag {
			s.query.Tag = t
			s.reload()
		}
	})
	s.tag.SetSelected(allTags)
	s.count = widget.NewLabel("")
	s.count.SizeName = theme.SizeNameCaptionText
	s.empty = widget.NewLabel("")
	s.empty.Wrapping = fyne.TextWrapWord
	s.empty.Hide()
	s.list = widget.NewList(func() int { return s.total }, s.createRow, s.updateRow)
	s.list.OnSelected = func(id widget.ListItemID) {
		if r, ok := s.row(id); ok {
			s.open(r.ID)
		}
	}
	newNote := widget.NewButtonWithIcon("New note", theme.ContentAddIcon(), s.newNote)
	newNote.Importance = widget.HighImportance
	// The filter gets the whole width: a narrow one cuts its own placeholder.
	top := container.NewBorder(nil, nil, nil, newNote, s.filter)
	tags := container.NewBorder(nil, nil, s.tag, nil, s.count)
	left := container.NewBorder(container.NewVBox(top, tags, s.empty), nil, nil, nil, s.list)
	s.side = container.NewStack(s.hint())
	split := container.NewHSplit(left, s.side)
	split.Offset = 0.36
	s.root = split
	return s
}

// hint is what the editor side says when no note is open.
func (s *notesScreen) hint() fyne.CanvasObject {
	l := widget.NewLabel("Pick a note on the left, or press New note (" + keyLabel(newNoteShortcut) + ") to write one. " +
		"Type [[ to link an actor, an article or another note.")
	l.Wrapping = fyne.TextWrapWord
	return container.NewPadded(l)
}

func (s *notesScreen) content() fyne.CanvasObject { return s.root }

func (s *notesScreen) store() notebookStore { return s.u.store }

// focus puts the cursor in the filter, or in the open note's text.
func (s *notesScreen) focus() {
	if s.ed != nil {
		s.u.win.Canvas().Focus(s.ed.source)
		return
	}
	s.u.win.Canvas().Focus(s.filter)
}

// reload refetches the counts, the tags and the first page for the current filter.
func (s *notesScreen) reload() {
	s.gen++
	gen, q, st := s.gen, s.query, s.store()
	s.u.async(func(ctx context.Context) {
		total, err := st.CountNotes(ctx, q)
		all := total
		if err == nil && (q.Text != "" || q.Tag != "") {
			all, err = st.CountNotes(ctx, app.NoteQuery{})
		}
		var first []app.NoteRow
		var tags []string
		if err == nil {
			q.Offset, q.Limit = 0, notePageSize
			first, err = st.Notes(ctx, q)
		}
		if err == nil {
			tags, err = st.NoteTags(ctx)
		}
		if err != nil {
			s.u.showError(err)
			return
		}
		fyne.Do(func() {
			if gen != s.gen {
				return
			}
			s.total, s.all = total, all
			s.pages = map[int][]app.NoteRow{0: first}
			s.pending = map[int]bool{}
			s.tag.Options = append([]string{allTags}, tags...)
			s.tag.Refresh()
			s.showCounts()
			s.list.UnselectAll()
			s.list.Refresh()
		})
	})
}

func (s *notesScreen) showCounts() {
	switch {
	case s.all == 0:
		s.count.SetText("")
	case s.total == s.all:
		s.count.SetText(dossierCount(s.all, "note", "notes") + " · recently edited first")
	default:
		s.count.SetText(fmt.Sprintf("%s of %s", dossierThousands(s.total), dossierCount(s.all, "note", "notes")))
	}
	switch {
	case s.all == 0:
		s.empty.SetText("No notes yet. Press New note to write one: a hypothesis, a meeting, a source assessment. " +
			"Notes written on an actor, an article or a relation are listed here too.")
		s.empty.Show()
	case s.total == 0:
		s.empty.SetText("No note matches. Clear the filter or choose All tags.")
		s.empty.Show()
	default:
		s.empty.Hide()
	}
}

// row returns the list's row id, loading its page when it is not there yet.
func (s *notesScreen) row(id widget.ListItemID) (app.NoteRow, bool) {
	p, i := id/notePageSize, id%notePageSize
	rows, ok := s.pages[p]
	if !ok {
		s.loadPage(p)
		rows, ok = s.pages[p]
	}
	if !ok || i >= len(rows) {
		return app.NoteRow{}, false
	}
	return rows[i], true
}

func (s *notesScreen) loadPage(p int) {
	if s.pending[p] {
		return
	}
	s.pending[p] = true
	gen, q, st := s.gen, s.query, s.store()
	q.Offset, q.Limit = p*notePageSize, notePageSize
	s.u.async(func(ctx context.Context) {
		rows, err := st.Notes(ctx, q)
		if err != nil {
			s.u.showError(err)
			return
		}
		fyne.Do(func() {
			if gen != s.gen {
				return
			}
			delete(s.pending, p)
			s.pages[p] = rows
			keepNear(s.pages, p)
			if !s.updating {
				s.list.Refresh()
			}
		})
	})
}

// A row is the note's heading in bold, then a line of when, tags, links and what it is on.
func (s *notesScreen) createRow() fyne.CanvasObject {
	head := widget.NewLabel("")
	head.TextStyle = fyne.TextStyle{Bold: true}
	head.Truncation = fyne.TextTruncateEllipsis
	meta := widget.NewLabel("")
	meta.SizeName = theme.SizeNameCaptionText
	meta.Truncation = fyne.TextTruncateEllipsis
	return dossierStack(-theme.InnerPadding(), head, meta)
}

func (s *notesScreen) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	s.updating = true
	r, ok := s.row(id)
	s.updating = false
	c := o.(*fyne.Container)
	head, meta := c.Objects[0].(*widget.Label), c.Objects[1].(*widget.Label)
	if !ok {
		head.SetText("…")
		meta.SetText("")
		return
	}
	head.SetText(r.Heading)
	meta.SetText(noteRowMeta(r))
}

// noteRowMeta is a note's second line: "3 Dec 2026 · #iraq #meetings · 4 links · on Iraq".
func noteRowMeta(r app.NoteRow) string {
	parts := []string{app.DateOf(r.Updated.Local()).Human()}
	if len(r.Tags) > 0 {
		parts = append(parts, "#"+strings.Join(r.Tags, " #"))
	}
	if r.Links > 0 {
		parts = append(parts, dossierCount(r.Links, "link", "links"))
	}
	if r.About != "" {
		parts = append(parts, "on "+r.About)
	}
	return strings.Join(parts, " · ")
}

// newNote opens an empty standalone note; it is stored as soon as something is typed.
func (s *notesScreen) newNote() {
	if s.u.history.current == nil || s.u.history.current.screen != "notes" {
		s.u.navigate(route{screen: "notes"})
	}
	s.edit(app.Note{})
}

// open shows the note id in the editor.
func (s *notesScreen) open(id int64) {
	if s.ed != nil && s.ed.note.ID == id {
		return
	}
	st := s.store()
	s.u.async(func(ctx context.Context) {
		n, err := st.Note(ctx, id)
		if err != nil {
			s.u.showError(err)
			return
		}
		fyne.Do(func() { s.edit(n) })
	})
}

// edit puts n in the editor, saving the note open before.
func (s *notesScreen) edit(n app.Note) {
	if s.ed != nil {
		s.ed.flush()
	}
	s.ed = newNoteEditor(s.u, n, s.after)
	s.ed.onSaved = func(app.Note) { s.reload() }
	s.side.Objects = []fyne.CanvasObject{s.ed.content()}
	s.side.Refresh()
	s.u.win.Canvas().Focus(s.ed.title)
	if n.ID != 0 {
		s.u.win.Canvas().Focus(s.ed.source)
	}
}

// togglePreview switches the open note between its Markdown and its rendered view.
func (s *notesScreen) togglePreview() {
	if s.ed != nil {
		s.ed.togglePreview()
	}
}

// flush saves the open note now (leaving the screen, closing the window).
func (s *notesScreen) flush() {
	if s.ed != nil {
		s.ed.flushNow()
	}
}

// closed empties the editor side after its note was deleted.
func (s *notesScreen) closed(ed *noteEditor) {
	if s.ed != ed {
		return
	}
	s.ed = nil
	s.side.Objects = []fyne.CanvasObject{s.hint()}
	s.side.Refresh()
	s.reload()
}
