package views

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
)

// mergesStrip lists, under the dossier's header, the actors merged into this one that
// can still be given back, each with Undo merge: the way back from a wrong merge is where
// the researcher notices it. It fills in once the merges are read.
func (s *dossierScreen) mergesStrip(actorID int64) fyne.CanvasObject {
	box := container.NewVBox()
	st := s.u.store
	s.u.async(func(ctx context.Context) {
		ms, err := st.Merges(ctx, actorID)
		if err != nil {
			s.u.showError(err)
			return
		}
		fyne.Do(func() {
			for _, m := range ms {
				if m.KeptID == actorID && m.Undone.IsZero() {
					box.Add(s.mergeRow(m))
				}
			}
			box.Refresh()
		})
	})
	return box
}

func (s *dossierScreen) mergeRow(m app.MergeRecord) fyne.CanvasObject {
	l := widget.NewLabel(fmt.Sprintf("“%s” was merged into this actor on %s.", m.DroppedName, m.Merged.Local().Format("2 Jan 2006 15:04")))
	l.Wrapping = fyne.TextWrapWord
	undo := widget.NewButtonWithIcon("Undo merge", theme.ContentUndoIcon(), func() { s.confirmUnmerge(m) })
	return container.NewBorder(nil, nil, nil, undo, l)
}

// confirmUnmerge asks before giving the dropped actor back, saying what comes back and
// what stays.
func (s *dossierScreen) confirmUnmerge(m app.MergeRecord) {
	msg := fmt.Sprintf("“%s” comes back as its own actor with the names, relations, notes and mentions it brought. "+
		"Changes made since the merge are kept.", m.DroppedName)
	d := dialog.NewConfirm("Undo the merge?", msg, func(yes bool) {
		if yes {
			s.unmerge(m)
		}
	}, s.u.win)
	d.SetConfirmText("Undo merge")
	s.u.showConfirm(d, false)
}

func (s *dossierScreen) unmerge(m app.MergeRecord) {
	st := s.u.store
	s.u.async(func(ctx context.Context) {
		u, err := st.Unmerge(ctx, m.ID)
		if err != nil {
			s.u.showError(err)
			return
		}
		fyne.Do(func() {
			s.u.showInfo("Merge undone", unmergedText(u))
			s.reload()
		})
	})
}

// unmergedText says what undoing a merge gave back and what it left as it was.
func unmergedText(u app.Unmerged) string {
	msg := fmt.Sprintf("“%s” is back beside “%s”, given back %s, %s and %s.",
		u.Restored.Name, u.Record.KeptName, dossierCount(u.Relations, "relation", "relations"),
		dossierCount(u.Notes, "note", "notes"), dossierCount(u.Mentions, "mention", "mentions"))
	if len(u.Left) > 0 {
		msg += "\n\nLeft as it is: " + strings.Join(u.Left, "; ") + "."
	}
	return msg
}
