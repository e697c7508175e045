package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
)

// actorsScreen lists the project's actors and edits, merges and deletes them. (Stub: to be written.)
type actorsScreen struct {
	u    *UI
	root fyne.CanvasObject
}

func newActorsScreen(u *UI) *actorsScreen {
	return &actorsScreen{u: u, root: widget.NewLabel("Actors")}
}

func (s *actorsScreen) content() fyne.CanvasObject { return s.root }

func (s *actorsScreen) reload() {}

// editActor opens the actor form (a new actor when a.ID == 0, prefilled from a), and
// calls onSaved with the stored actor.
func (s *actorsScreen) editActor(a app.Actor, onSaved func(app.Actor)) {}

// pickActor opens a search-as-you-type actor chooser titled title; onPicked gets the choice.
func (s *actorsScreen) pickActor(title string, onPicked func(app.Actor)) {}
