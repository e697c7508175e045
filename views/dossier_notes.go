package views

import (
	"context"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
)

// notesSection shows the actor record's own notes and the notes written on the actor or
// on its relations, as Markdown.
func (s *dossierScreen) notesSection(d app.Dossier) fyne.CanvasObject {
	add := widget.NewButtonWithIcon("Add note", theme.ContentAddIcon(), func() { s.editNote(app.Note{ActorID: d.Actor.ID}) })
	box := []fyne.CanvasObject{container.NewBorder(nil, nil, nil, add, dossierHeading("Notes", len(d.Notes)))}
	if d.Actor.Notes != "" {
		box = append(box, dossierProse(dossierSmall("On the actor’s record (Edit actor to change)")), dossierMarkdown(d.Actor.Notes))
	}
	if len(d.Notes) == 0 && d.Actor.Notes == "" {
		box = append(box, dossierHint("No notes yet — press Add note to write down what you make of "+d.Actor.Name+"."))
	}
	sentences := make(map[int64]string, len(d.Relations))
	for _, r := range d.Relations {
		sentences[r.ID] = r.Sentence()
	}
	for _, n := range d.Notes {
		box = append(box, s.noteCard(n, sentences))
	}
	return dossierSection(box...)
}

// noteCard is one note: when it was written and what it is about, its text, and actions.
func (s *dossierScreen) noteCard(n app.Note, sentences map[int64]string) fyne.CanvasObject {
	about := ""
	if !n.Updated.IsZero() {
		about = app.DateOf(n.Updated.Local()).Human()
	}
	if sentence, ok := sentences[n.RelationID]; ok && n.RelationID != 0 {
		about += " · on “" + s.d.Actor.Name + " " + sentence + "”"
	}
	edit := widget.NewButtonWithIcon("", theme.DocumentCreateIcon(), func() { s.editNote(n) })
	edit.Importance = widget.LowImportance
	del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { s.confirmDeleteNote(n) })
	del.Importance = widget.LowImportance
	top := container.NewBorder(nil, nil, nil, container.NewHBox(edit, del), dossierProse(dossierSmall(about)))
	return container.NewVBox(widget.NewSeparator(), top, dossierMarkdown(n.Body))
}

// dossierMarkdown renders a note's Markdown, wrapped to the column; every note in the app
// goes through it. markdownSegments parses it (images become links: nothing is fetched);
// the paragraphs are then laid out as dossierProse, because a RichText wraps a paragraph
// of mixed segments ("the **Coordination Framework** nominated him") badly.
func dossierMarkdown(text string) fyne.CanvasObject {
	return dossierStack(theme.Padding(), dossierMarkdownBlocks(markdownSegments(app.LinksAsText(text)))...)
}

// dossierMarkdownBlocks turns parsed Markdown into one object per block: paragraphs,
// headings, list items (the bullet hanging beside the text), separators.
func dossierMarkdownBlocks(segs []widget.RichTextSegment) []fyne.CanvasObject {
	var run []widget.RichTextSegment
	var blocks []fyne.CanvasObject
	flush := func() {
		if strings.TrimSpace(dossierSegmentsText(run)) != "" {
			blocks = append(blocks, dossierProse(run...))
		}
		run = nil
	}
	for _, seg := range segs {
		switch sg := seg.(type) {
		case *widget.TextSegment:
			switch {
			case sg.Inline():
				run = append(run, sg)
			case sg.Text == "": // the end of a paragraph
				flush()
			default: // a heading, a code block or a quoted line
				flush()
				blocks = append(blocks, dossierWrapped(sg))
			}
		case *widget.HyperlinkSegment:
			run = append(run, sg)
		case *widget.ParagraphSegment:
			flush()
			blocks = append(blocks, dossierMarkdownBlocks(sg.Texts)...)
		case *widget.ListSegment:
			flush()
			blocks = append(blocks, dossierStack(dossierLineGap(), dossierMarkdownList(sg)...))
		case *widget.SeparatorSegment:
			flush()
			blocks = append(blocks, widget.NewSeparator())
		case *markdownQuote:
			flush()
			blocks = append(blocks, dossierQuoteBlock(dossierMarkdownBlocks(sg.Texts)))
		default: // never drawn as it is: an ImageSegment would fetch its picture
			flush()
			blocks = append(blocks, dossierWrapped(dossierPlain(seg.Textual())))
		}
	}
	flush()
	return blocks
}

// dossierQuoteBlock is a quoted passage: a bar in the margin and the text indented beside
// it; a quote inside a quote gets a bar of its own, further in.
func dossierQuoteBlock(content []fyne.CanvasObject) fyne.CanvasObject {
	bar := canvas.NewRectangle(theme.Color(theme.ColorNameSeparator))
	bar.SetMinSize(fyne.NewSize(3, 0))
	return container.NewBorder(nil, nil, dossierIndent(bar, 1), nil,
		dossierIndent(dossierStack(dossierLineGap(), content...), 1))
}

// dossierMarkdownList is a list's items, each with its bullet or number in a column of
// its own so that a wrapped item lines up under its first word.
func dossierMarkdownList(l *widget.ListSegment) []fyne.CanvasObject {
	var rows []fyne.CanvasObject
	for i, item := range l.Items {
		mark := "•"
		if l.Ordered {
			mark = strconv.Itoa(l.StartNumber()+i) + "."
		}
		var body []fyne.CanvasObject
		if p, ok := item.(*widget.ParagraphSegment); ok {
			body = dossierMarkdownBlocks(p.Texts)
		} else {
			body = dossierMarkdownBlocks([]widget.RichTextSegment{item})
		}
		bullet := widget.NewRichText(dossierStrong(mark))
		rows = append(rows, container.NewBorder(nil, nil, container.NewVBox(bullet), nil,
			dossierStack(dossierLineGap(), body...)))
	}
	return rows
}

// dossierSegmentsText is the text of segs run together.
func dossierSegmentsText(segs []widget.RichTextSegment) string {
	var b strings.Builder
	for _, s := range segs {
		b.WriteString(s.Textual())
	}
	return b.String()
}

// dossierNoteEditor is the open note dialog, kept so tests can type and save.
type dossierNoteEditor struct {
	entry   *keyEntry
	problem *widget.Label
	save    *widget.Button
	dlg     *dialog.CustomDialog
}

// editNote opens the note editor: a new note on the actor when n.ID is 0. What was typed
// stays in the dialog when saving fails.
func (s *dossierScreen) editNote(n app.Note) {
	ed := &dossierNoteEditor{entry: s.u.newKeyMultiLineEntry(), problem: widget.NewLabel("")}
	ed.entry.SetMinRowsVisible(10)
	ed.entry.SetText(n.Body)
	ed.entry.SetPlaceHolder("What do you make of it? Markdown works: **bold**, *italic*, - lists, [links](https://…)")
	ed.problem.Importance = widget.DangerImportance
	ed.problem.Wrapping = fyne.TextWrapWord
	ed.problem.Hide()

	title := "Edit note"
	if n.ID == 0 {
		title = "New note on " + s.d.Actor.Name
	}
	ed.save = widget.NewButtonWithIcon("Save note", theme.DocumentSaveIcon(), func() { s.saveNote(ed, n) })
	ed.save.Importance = widget.HighImportance
	// Cancel and Esc ask first when the text was changed.
	cancelNote := func() {
		if ed.entry.Text == n.Body {
			ed.dlg.Hide()
			return
		}
		s.u.confirmDiscard(ed.dlg.Hide)
	}
	cancel := widget.NewButton("Cancel", cancelNote)
	help := dossierProse(dossierSmall("Notes are yours: they are kept with the actor and exported with its dossier."))
	ed.dlg = dialog.NewCustomWithoutButtons(title, container.NewBorder(help, ed.problem, nil, nil, ed.entry), s.u.win)
	ed.dlg.SetButtons([]fyne.CanvasObject{cancel, ed.save})
	ed.dlg.Resize(dossierDialogSize(s.u.win, 640, 460))
	s.noteEditor = ed
	s.u.showKeyed(ed.dlg, dialogKeys{cancel: cancelNote, save: func() {
		if !ed.save.Disabled() {
			s.saveNote(ed, n)
		}
	}})
	s.u.win.Canvas().Focus(ed.entry)
}

// saveNote stores the note and closes the editor, or shows why it could not.
func (s *dossierScreen) saveNote(ed *dossierNoteEditor, n app.Note) {
	n.Body = ed.entry.Text
	ed.save.Disable()
	st := s.u.store
	s.u.async(func(ctx context.Context) {
		var err error
		if n.ID == 0 {
			_, err = st.CreateNote(ctx, n)
		} else {
			_, err = st.UpdateNote(ctx, n)
		}
		fyne.Do(func() {
			ed.save.Enable()
			if err != nil {
				ed.problem.SetText(dossierProblem(err))
				ed.problem.Show()
				return
			}
			ed.dlg.Hide()
			s.reload()
		})
	})
}

// confirmDeleteNote asks before deleting a note.
func (s *dossierScreen) confirmDeleteNote(n app.Note) {
	st := s.u.store
	s.u.confirmDelete("Delete note", "Delete this note? This cannot be undone.\n\n“"+dossierClip(n.Body, 160)+"”",
		func(ctx context.Context) error { return st.DeleteNote(ctx, n.ID) }, s.reload)
}

// dossierProblem is the message to show in a form for err; internal detail goes to the log.
func dossierProblem(err error) string {
	return app.ErrorMessage(err)
}

// dossierDialogSize is the wanted dialog size, shrunk to fit a small window.
func dossierDialogSize(w fyne.Window, width, height float32) fyne.Size {
	c := w.Canvas().Size()
	if c.Width > 0 {
		width = min(width, c.Width*0.92)
	}
	if c.Height > 0 {
		height = min(height, c.Height*0.92)
	}
	return fyne.NewSize(width, height)
}
