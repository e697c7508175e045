package views

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
)

// confirmDelete asks before moving an article to the trash, then offers to undo it.
func (s *articlesScreen) confirmDelete(a app.Article) {
	if a.ID == 0 {
		return
	}
	d := dialog.NewConfirm("Move to the trash",
		fmt.Sprintf("Move %s to the trash?\nIts quotes leave the dossiers until you restore it from View ▸ Trash.", articleTitle(a)),
		func(yes bool) {
			if yes {
				s.deleteArticle(a)
			}
		}, s.u.win)
	d.SetConfirmText("Move to the trash")
	d.SetConfirmImportance(widget.DangerImportance)
	s.u.showConfirm(d, true)
}

func (s *articlesScreen) deleteArticle(a app.Article) {
	st := s.u.store
	s.u.async(func(ctx context.Context) {
		err := st.DeleteArticle(ctx, a.ID)
		fyne.Do(func() {
			if err != nil {
				s.u.showError(err)
				return
			}
			if s.view.articleID == a.ID {
				s.view.clear()
			}
			s.offerUndo(a)
			s.reload()
		})
	})
}

// offerUndo shows, under the list, that the article went to the trash, with Undo.
func (s *articlesScreen) offerUndo(a app.Article) {
	s.undoText.SetText("Moved to the trash: " + articleTitle(a))
	s.undoBtn.OnTapped = func() {
		s.hideUndo()
		s.restore(a)
	}
	s.undoBar.Show()
	s.listPane.Refresh()
}

func (s *articlesScreen) hideUndo() {
	s.undoBar.Hide()
	s.listPane.Refresh()
}

// restore takes an article out of the trash and shows it.
func (s *articlesScreen) restore(a app.Article) {
	st := s.u.store
	s.u.async(func(ctx context.Context) {
		err := st.RestoreArticle(ctx, a.ID)
		fyne.Do(func() {
			if err != nil {
				s.u.showError(err)
				return
			}
			s.reload()
			s.u.openArticle(a.ID, [2]int{})
		})
	})
}

// articleTrashDialog lists the trashed articles with Restore and Delete forever.
type articleTrashDialog struct {
	s    *articlesScreen
	rows []app.ArticleRow
	list *keyList
	info *widget.Label
	dlg  *dialog.CustomDialog
}

// articleTrashLimit caps the rows the trash dialog lists; the trash is not meant to hold thousands.
const articleTrashLimit = 1000

// showTrash lists the trashed articles with Restore and Delete forever.
func (s *articlesScreen) showTrash() {
	t := &articleTrashDialog{s: s, info: widget.NewLabel("")}
	s.trash = t
	t.list = s.u.newKeyList(func() int { return len(t.rows) }, t.createRow, t.updateRow)
	t.dlg = dialog.NewCustom("Trash", "Close", container.NewBorder(container.NewVBox(t.info, widget.NewSeparator()), nil, nil, nil, t.list), s.u.win)
	size := s.u.win.Canvas().Size()
	t.dlg.Resize(fyne.NewSize(min(max(size.Width*0.7, 520), 900), max(size.Height*0.7, 360)))
	t.dlg.SetOnClosed(func() { s.trash = nil })
	s.u.showKeyed(t.dlg, dialogKeys{cancel: t.dlg.Hide, confirm: t.dlg.Hide})
	t.load()
}

func (t *articleTrashDialog) createRow() fyne.CanvasObject {
	restore := widget.NewButtonWithIcon("Restore", theme.ContentUndoIcon(), nil)
	purge := widget.NewButtonWithIcon("Delete forever", theme.DeleteIcon(), nil) // the confirmation is the loud part
	rt := newArticleRowObject()
	return container.NewBorder(nil, nil, nil, container.NewHBox(restore, purge), rt)
}

func (t *articleTrashDialog) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	c := o.(*fyne.Container)
	rt := c.Objects[0].(*widget.RichText)
	buttons := c.Objects[1].(*fyne.Container).Objects
	r := t.rows[i]
	rt.Segments[0].(*widget.TextSegment).Text = r.Title
	rt.Segments[1].(*widget.TextSegment).Text = articleRowMeta(app.ArticleRow{Date: r.Date, Source: r.Source, Author: r.Author})
	rt.Refresh()
	buttons[0].(*widget.Button).OnTapped = func() { t.restore(r) }
	buttons[1].(*widget.Button).OnTapped = func() { t.confirmPurge(r) }
}

func (t *articleTrashDialog) load() {
	st := t.s.u.store
	t.s.u.async(func(ctx context.Context) {
		rows, err := st.Articles(ctx, app.ArticleQuery{Trashed: true, Limit: articleTrashLimit})
		fyne.Do(func() {
			if err != nil {
				t.s.u.showError(err)
				return
			}
			t.rows = rows
			switch len(rows) {
			case 0:
				t.info.SetText("The trash is empty.")
			case 1:
				t.info.SetText("1 article is in the trash.")
			default:
				t.info.SetText(articleGroupDigits(len(rows)) + " articles are in the trash.")
			}
			t.list.Refresh()
		})
	})
}

func (t *articleTrashDialog) restore(r app.ArticleRow) {
	st := t.s.u.store
	t.s.u.async(func(ctx context.Context) {
		err := st.RestoreArticle(ctx, r.ID)
		fyne.Do(func() {
			if err != nil {
				t.s.u.showError(err)
				return
			}
			t.s.hideUndo()
			t.s.reload()
			if t.s.view.articleID == r.ID {
				t.s.view.refresh()
			}
			t.load()
		})
	})
}

func (t *articleTrashDialog) confirmPurge(r app.ArticleRow) {
	d := dialog.NewConfirm("Delete forever",
		fmt.Sprintf("Delete “%s” for good?\nIts quotes are removed from the relations they back. This cannot be undone.", r.Title),
		func(yes bool) {
			if yes {
				t.purge(r)
			}
		}, t.s.u.win)
	d.SetConfirmText("Delete forever")
	d.SetConfirmImportance(widget.DangerImportance)
	t.s.u.showConfirm(d, true)
}

func (t *articleTrashDialog) purge(r app.ArticleRow) {
	st := t.s.u.store
	t.s.u.async(func(ctx context.Context) {
		err := st.PurgeArticle(ctx, r.ID)
		fyne.Do(func() {
			if err != nil {
				t.s.u.showError(err)
				return
			}
			if t.s.view.articleID == r.ID {
				t.s.view.clear()
			}
			t.s.hideUndo()
			t.load()
		})
	})
}

// importFiles asks for a folder or a file and imports it (File ▸ Import files…, Ctrl+I).
func (s *articlesScreen) importFiles() {
	s.u.importer().choose()
}

// editNote opens a small form for a new note on the article (n.ID == 0) or an existing one.
func (s *articlesScreen) editNote(n app.Note) {
	if n.ArticleID == 0 && n.ID == 0 {
		return
	}
	text := s.u.newKeyMultiLineEntry()
	text.SetMinRowsVisible(8)
	text.SetPlaceHolder("Your note (Markdown)")
	text.SetText(n.Body)
	msg := widget.NewLabel("")
	msg.Importance = widget.DangerImportance
	msg.Wrapping = fyne.TextWrapWord
	msg.Hide()
	title := "Add a note"
	if n.ID != 0 {
		title = "Edit the note"
	}
	var d *dialog.CustomDialog
	var saveBtn *widget.Button
	save := func() {
		n.Body = text.Text
		saveBtn.Disable() // one save at a time

		st := s.u.store
		s.u.async(func(ctx context.Context) {
			var err error
			if n.ID == 0 {
				_, err = st.CreateNote(ctx, n)
			} else {
				_, err = st.UpdateNote(ctx, n)
			}
			fyne.Do(func() {
				saveBtn.Enable()
				if err != nil { // keep the dialog and its text
					msg.SetText(app.ErrorMessage(err))
					msg.Show()
					return
				}
				d.Hide()
				s.view.refresh()
			})
		})
	}
	// cancelNote closes the editor (Cancel, Esc), asking first when the text was changed.
	cancelNote := func() {
		if text.Text == n.Body {
			d.Hide()
			return
		}
		s.u.confirmDiscard(d.Hide)
	}
	saveBtn = widget.NewButtonWithIcon("Save note", theme.DocumentSaveIcon(), save)
	saveBtn.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), cancelNote)
	d = dialog.NewCustomWithoutButtons(title, container.NewBorder(nil, msg, nil, nil, text), s.u.win)
	d.SetButtons([]fyne.CanvasObject{cancel, saveBtn})
	d.Resize(fyne.NewSize(560, 360))
	s.u.showKeyed(d, dialogKeys{cancel: cancelNote, save: func() {
		if !saveBtn.Disabled() {
			save()
		}
	}})
	s.u.win.Canvas().Focus(text)
}

// confirmDeleteNote asks before deleting a note.
func (s *articlesScreen) confirmDeleteNote(n app.Note) {
	d := dialog.NewConfirm("Delete the note", "Delete this note? This cannot be undone.", func(yes bool) {
		if !yes {
			return
		}
		st := s.u.store
		s.u.async(func(ctx context.Context) {
			err := st.DeleteNote(ctx, n.ID)
			fyne.Do(func() {
				if err != nil {
					s.u.showError(err)
					return
				}
				s.view.refresh()
			})
		})
	}, s.u.win)
	d.SetConfirmText("Delete")
	d.SetConfirmImportance(widget.DangerImportance)
	s.u.showConfirm(d, true)
}
