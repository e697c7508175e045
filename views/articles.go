package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// articlesScreen lists the filed articles and shows, edits and files them. (Stub: to be written.)
type articlesScreen struct {
	u    *UI
	root fyne.CanvasObject
}

func newArticlesScreen(u *UI) *articlesScreen {
	return &articlesScreen{u: u, root: widget.NewLabel("Articles")}
}

// content returns the screen's root object.
func (s *articlesScreen) content() fyne.CanvasObject { return s.root }

// reload refetches the list (after an import, a project switch, an edit elsewhere).
func (s *articlesScreen) reload() {}

// openArticle shows one article; span, when not {0,0}, is a rune range of the body to highlight and scroll to.
func (s *articlesScreen) openArticle(id int64, span [2]int) {}

// newArticle opens an empty article editor (Ctrl+N).
func (s *articlesScreen) newArticle() {}

// importFiles asks for files and files them (File ▸ Import).
func (s *articlesScreen) importFiles() {}

// showTrash lists the trashed articles with Restore and Delete forever.
func (s *articlesScreen) showTrash() {}
