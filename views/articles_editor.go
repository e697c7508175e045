package views

import (
	"context"
	"errors"
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
	"dossier/app/ingest"
)

// articleEditor is the form that files a new article or edits one, shown in a dialog so
// that it stays open, with what was typed, until the article is saved or the user cancels.
type articleEditor struct {
	s    *articlesScreen
	orig app.Article
	dlg  *dialog.CustomDialog

	title, source, author, date, dateline, tags, url *keyEntry
	body, notes                                      *keyEntry
	dateHint                                         *widget.Label
	message                                          *widget.Label // what is wrong, when it is not about the date

	saveBtn, cancelBtn, pasteBtn, fileBtn *widget.Button

	dateErr bool // the date field shows an error; it is then rechecked as the user types
}

// newArticle opens an empty article editor (Ctrl+N).
func (s *articlesScreen) newArticle() { s.openEditor(app.Article{}) }

// editArticle opens the editor on a filed article.
func (s *articlesScreen) editArticle(a app.Article) {
	if a.ID != 0 {
		s.openEditor(a)
	}
}

func (s *articlesScreen) openEditor(a app.Article) {
	if s.editor != nil { // one form at a time: Ctrl+N again goes back to it
		s.u.win.Canvas().Focus(s.editor.title)
		return
	}
	e := &articleEditor{s: s, orig: a}
	title := "New article"
	if a.ID != 0 {
		title = "Edit article"
	}
	e.dlg = dialog.NewCustomWithoutButtons(title, e.build(), s.u.win)
	e.dlg.SetOnClosed(func() { s.editor = nil })
	e.fill(a, true)
	s.editor = e
	size := s.u.win.Canvas().Size()
	e.dlg.Resize(fyne.NewSize(max(size.Width*0.92, 600), max(size.Height*0.92, 420)))
	s.u.showKeyed(e.dlg, dialogKeys{cancel: e.cancel, save: func() {
		if !e.saveBtn.Disabled() { // not twice while a save is under way
			e.save()
		}
	}})
	s.u.win.Canvas().Focus(e.title)
}

func (e *articleEditor) build() fyne.CanvasObject {
	entry := func(placeholder string) *keyEntry {
		w := e.s.u.newKeyEntry()
		w.SetPlaceHolder(placeholder)
		return w
	}
	e.title = entry("The headline")
	e.source = entry("The newspaper, agency or site")
	e.author = entry("Who wrote it")
	e.date = entry("When it was published, e.g. 2026-01-27 or Jan 2026")
	e.dateline = entry("Where it was filed from, e.g. BAGHDAD")
	e.tags = entry("Your keywords, e.g. iraq, oil")
	e.url = entry("The web address, e.g. https://…")
	e.dateHint = widget.NewLabel("")
	e.dateHint.SizeName = theme.SizeNameCaptionText
	e.dateHint.Wrapping = fyne.TextWrapWord
	e.date.OnChanged = func(string) { e.checkDate(false) }
	tagsHint := widget.NewLabel("Separate tags with commas.")
	tagsHint.SizeName = theme.SizeNameCaptionText

	e.body = e.s.u.newKeyMultiLineEntry()
	e.body.SetPlaceHolder("The text of the article")
	e.notes = e.s.u.newKeyMultiLineEntry()
	e.notes.SetMinRowsVisible(4)
	e.notes.SetPlaceHolder("Your own notes on it")

	e.message = widget.NewLabel("")
	e.message.Importance = widget.DangerImportance
	e.message.Wrapping = fyne.TextWrapWord
	e.message.Hide()

	e.pasteBtn = widget.NewButtonWithIcon("Paste text…", theme.ContentPasteIcon(), e.pasteText)
	e.fileBtn = widget.NewButtonWithIcon("From file…", theme.FolderOpenIcon(), e.fromFile)
	e.cancelBtn = widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), e.cancel)
	e.saveBtn = widget.NewButtonWithIcon("Save", theme.DocumentSaveIcon(), e.save)
	e.saveBtn.Importance = widget.HighImportance

	side := container.NewVBox(
		articleField("Outlet / source", e.source),
		articleField("Author", e.author),
		articleField("Date", e.date, e.dateHint),
		articleField("Dateline", e.dateline),
		articleField("Tags", e.tags, tagsHint),
		articleField("URL", e.url),
		articleField("Notes", e.notes),
	)
	// The side column keeps a readable width; the text of the article gets the rest.
	width := canvas.NewRectangle(color.Transparent)
	width.SetMinSize(fyne.NewSize(300, 0))
	// The right padding keeps the scroll bar off the fields.
	sideScroll := container.NewStack(width, container.NewVScroll(
		container.New(layout.NewCustomPaddedLayout(0, 0, 0, 3*theme.Padding()), side)))
	bodyLabel := widget.NewLabelWithStyle("Text", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	bodyCol := container.NewBorder(bodyLabel, nil, nil, nil, e.body)
	middle := container.NewBorder(nil, nil, sideScroll, nil, container.NewPadded(bodyCol))

	buttons := container.NewHBox(e.pasteBtn, e.fileBtn, layout.NewSpacer(), e.cancelBtn, e.saveBtn)
	return container.NewBorder(articleField("Title", e.title), container.NewVBox(e.message, buttons), nil, nil, middle)
}

// articleField is a form field with its label above it and optional hints below.
func articleField(label string, w fyne.CanvasObject, below ...fyne.CanvasObject) fyne.CanvasObject {
	objs := []fyne.CanvasObject{widget.NewLabelWithStyle(label, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), w}
	return container.New(layout.NewCustomPaddedVBoxLayout(0), append(objs, below...)...)
}

// fill puts an article's fields in the form. With all unset, only the empty fields
// besides the title and the text are filled, so a paste never wipes what was typed.
func (e *articleEditor) fill(a app.Article, all bool) {
	set := func(w *keyEntry, v string, replace bool) {
		switch {
		case all:
			w.SetText(v)
		case v == "":
		case replace || strings.TrimSpace(w.Text) == "":
			w.SetText(v)
		}
	}
	set(e.title, a.Title, true)
	set(e.source, a.Source, false)
	set(e.author, a.Author, false)
	set(e.date, string(a.Date), false)
	set(e.dateline, a.Dateline, false)
	set(e.tags, strings.Join(a.Tags, ", "), false)
	set(e.url, a.URL, false)
	set(e.body, a.Body, true)
	set(e.notes, a.Notes, false)
	if !all && a.Language != "" && e.orig.Language == "" {
		e.orig.Language = a.Language
	}
	e.checkDate(false)
}

// article is the form's content as an article; the date is parsed by the caller.
func (e *articleEditor) article() app.Article {
	a := e.orig
	a.Title, a.Source, a.Author = e.title.Text, e.source.Text, e.author.Text
	a.Dateline, a.URL = e.dateline.Text, e.url.Text
	a.Tags = app.SplitTags(e.tags.Text)
	a.Body, a.Notes = e.body.Text, e.notes.Text
	return a
}

// dirty reports whether the form holds something the user would lose by cancelling.
func (e *articleEditor) dirty() bool {
	a, o := e.article(), e.orig
	a.Normalize()
	o.Normalize()
	return a.Title != o.Title || a.Source != o.Source || a.Author != o.Author || a.Dateline != o.Dateline ||
		a.URL != o.URL || a.Body != o.Body || a.Notes != o.Notes || strings.Join(a.Tags, ",") != strings.Join(o.Tags, ",") ||
		strings.TrimSpace(e.date.Text) != string(o.Date)
}

// checkDate shows how the date reads, or what is wrong with it when showErr is set or an
// error is already shown. It returns the parsed date.
func (e *articleEditor) checkDate(showErr bool) (app.Date, bool) {
	d, err := app.ParseDate(e.date.Text)
	switch {
	case err == nil:
		e.dateErr = false
		e.dateHint.Importance = widget.MediumImportance
		e.dateHint.SetText(articleDateReading(d))
	case showErr || e.dateErr:
		e.dateErr = true
		e.dateHint.Importance = widget.DangerImportance
		e.dateHint.SetText(app.ErrorMessage(err))
	default:
		e.dateHint.SetText("")
	}
	return d, err == nil
}

func articleDateReading(d app.Date) string {
	if d == "" {
		return "Leave empty when the date is unknown."
	}
	return "Reads as " + d.Human() + "."
}

func (e *articleEditor) setBusy(busy bool) {
	for _, b := range []*widget.Button{e.saveBtn, e.pasteBtn, e.fileBtn} {
		if busy {
			b.Disable()
		} else {
			b.Enable()
		}
	}
}

// showMessage shows text under the form, as an error unless importance says otherwise.
func (e *articleEditor) showMessage(text string, importance ...widget.Importance) {
	e.message.Importance = widget.DangerImportance
	if len(importance) > 0 {
		e.message.Importance = importance[0]
	}
	e.message.SetText(text)
	e.message.Show()
}

func (e *articleEditor) save() {
	d, ok := e.checkDate(true)
	if !ok {
		e.s.u.win.Canvas().Focus(e.date)
		return
	}
	a := e.article()
	a.Date = d
	e.message.Hide()
	e.setBusy(true)
	st := e.s.u.store
	e.s.u.async(func(ctx context.Context) {
		var saved app.Article
		var err error
		if a.ID == 0 {
			saved, err = st.CreateArticle(ctx, a)
		} else {
			saved, err = st.UpdateArticle(ctx, a)
		}
		fyne.Do(func() {
			e.setBusy(false)
			if err != nil {
				e.failed(err)
				return
			}
			e.dlg.Hide()
			e.s.reload()
			e.s.u.openArticle(saved.ID, [2]int{})
		})
	})
}

// failed keeps the form open with what was typed and says what went wrong; a duplicate
// offers to open the article already filed.
func (e *articleEditor) failed(err error) {
	var ae *app.Error
	if app.ErrorCode(err) == app.EDUPLICATE && errors.As(err, &ae) && ae.Ref != 0 {
		ref := ae.Ref
		msg := widget.NewLabel(app.ErrorMessage(err))
		msg.Wrapping = fyne.TextWrapWord
		d := dialog.NewCustomConfirm("Already filed", "Open it", "Back to the form", msg, func(open bool) {
			if open {
				e.dlg.Hide()
				e.s.u.openArticle(ref, [2]int{})
			}
		}, e.s.u.win)
		d.Resize(fyne.NewSize(480, 200))
		// Enter does not answer: opening the filed article closes the form and what was typed.
		e.s.u.showConfirm(d, true)
		return
	}
	e.showMessage(app.ErrorMessage(err)) // an internal error's details go to the log
}

// cancel closes the form (Cancel, Esc), asking first when something typed would be lost.
func (e *articleEditor) cancel() {
	if !e.dirty() {
		e.dlg.Hide()
		return
	}
	e.s.u.confirmDiscard(e.dlg.Hide)
}

// pasteText asks for the text of an article and fills the form from it.
func (e *articleEditor) pasteText() {
	text := e.s.u.newKeyMultiLineEntry()
	text.SetMinRowsVisible(12)
	text.SetPlaceHolder("Paste the whole article here: headline, byline and text.")
	hint := widget.NewLabel("Dossier takes the headline as the title and recognises a dateline, a date and a byline at the top.")
	hint.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm("Paste the text of an article", "Fill the form", "Cancel",
		container.NewBorder(hint, nil, nil, nil, text), func(ok bool) {
			if ok && strings.TrimSpace(text.Text) != "" {
				e.fill(ingest.FromText(text.Text), false)
			}
		}, e.s.u.win)
	size := e.s.u.win.Canvas().Size()
	d.Resize(fyne.NewSize(max(size.Width*0.7, 500), max(size.Height*0.7, 380)))
	e.s.u.showKeyed(d, dialogKeys{cancel: func() {
		if strings.TrimSpace(text.Text) == "" {
			d.Hide()
			return
		}
		e.s.u.confirmDiscard(d.Hide)
	}})
	e.s.u.win.Canvas().Focus(text)
}

// fromFile fills the form from a text, Markdown or HTML file.
func (e *articleEditor) fromFile() { e.s.openFile(e.loadFile) }

// loadFile fills the form from the file at path, and says under the form what reading it
// could not do perfectly (bytes replaced, an encoding chosen, no date found, entries left
// out): the text in the form is then not exactly what the file meant to say.
func (e *articleEditor) loadFile(path string) {
	e.setBusy(true)
	e.s.u.async(func(ctx context.Context) {
		items, err := ingest.ReadFileContext(ctx, path)
		fyne.Do(func() {
			e.setBusy(false)
			if err != nil {
				e.showMessage(app.ErrorMessage(err))
				return
			}
			var read []ingest.Item
			var problems []string
			for _, it := range items {
				if it.Err == nil {
					read = append(read, it)
				} else {
					problems = append(problems, app.ErrorMessage(it.Err))
				}
			}
			if len(read) == 0 {
				e.showMessage(fmt.Sprintf("No article could be read from %s.", path))
				return
			}
			e.message.Hide()
			e.fill(read[0].Article, false)
			if text, warn := fileNotice(path, read[0].Warnings, len(read), problems); text != "" {
				importance := widget.MediumImportance
				if warn {
					importance = widget.WarningImportance
				}
				e.showMessage(text, importance)
			}
		})
	})
}

// fileNotice is what the editor says after filling the form from the file at path: the
// warnings of the article shown, what could not be read, and that only the first of
// several articles is shown. warn is set when any of it is a warning.
func fileNotice(path string, ws []app.ImportWarning, articles int, problems []string) (text string, warn bool) {
	var lines []string
	if len(ws) > 0 {
		lines = append(lines, fmt.Sprintf("Read from %s with warnings: %s. Check the text before saving.",
			path, app.ImportResult{Warnings: ws}.WarningText()))
	}
	lines = append(lines, problems...)
	if articles > 1 {
		lines = append(lines, fmt.Sprintf("The file holds %d articles; the form shows the first. File ▸ Import files… files them all.", articles))
	}
	return strings.Join(lines, "\n"), len(ws) > 0 || len(problems) > 0
}
