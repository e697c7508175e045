package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// dossierScreen shows everything known about one actor, as a briefing. (Stub: to be written.)
type dossierScreen struct {
	u       *UI
	root    fyne.CanvasObject
	actorID int64
}

func newDossierScreen(u *UI) *dossierScreen {
	return &dossierScreen{u: u, root: widget.NewLabel("Dossier")}
}

func (s *dossierScreen) content() fyne.CanvasObject { return s.root }

// load shows the dossier of one actor.
func (s *dossierScreen) load(actorID int64) { s.actorID = actorID }

// exportCSV asks where to save the current dossier as CSV (Ctrl+E).
func (s *dossierScreen) exportCSV() {}
