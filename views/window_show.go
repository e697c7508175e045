package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// screenFor returns the route's screen, loaded with what the route names.
func (mw *Window) screenFor(r route) fyne.CanvasObject {
	switch r.screen {
	case "actors":
		c := mw.u.actors.content()
		mw.u.actors.reload()
		return c
	case "dossier":
		c := mw.u.dossier.content()
		if r.id != 0 {
			mw.u.dossier.load(r.id)
		}
		return c
	case "article":
		c := mw.u.articles.content()
		mw.u.articles.openArticle(r.id, r.span)
		return c
	case "search":
		c := mw.u.search.content()
		mw.u.search.reload()
		return c
	case "suggestions":
		c := mw.u.queue.content()
		mw.u.queue.reload()
		return c
	case "notes":
		return mw.notesScreen(r.id)
	case "network":
		return mw.u.networkScreen().content()
	}
	c := mw.u.articles.content()
	mw.u.articles.reload()
	return c
}

// notesScreen is the notes screen, with note id open (0: none).
func (mw *Window) notesScreen(id int64) fyne.CanvasObject {
	c := mw.u.notes.content()
	mw.u.notes.reload()
	if id != 0 {
		mw.u.notes.open(id)
	}
	return c
}

// focusScreen gives the keys to the screen that takes typing: search's field, the review
// queue, the notes (typing filters the list, or goes on in the open note).
func (mw *Window) focusScreen(screen string) {
	switch screen {
	case "search":
		mw.u.search.focus()
	case "suggestions":
		mw.u.queue.focus()
	case "notes":
		mw.u.notes.focus()
	}
}

// markTab marks the tab of the screen shown (an article is under Articles).
func (mw *Window) markTab(screen string) {
	if screen == "article" {
		screen = "articles"
	}
	for name, b := range mw.tabs {
		b.Importance = widget.MediumImportance
		if name == screen {
			b.Importance = widget.HighImportance
		}
		b.Refresh()
	}
}
