package views

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
)

// mergeStore is what the duplicates view needs of the store (db.Store provides it).
type mergeStore interface {
	DuplicateActors(ctx context.Context) (app.Duplicates, error)
	NotSame(ctx context.Context, a, b int64) error
	MergePreview(ctx context.Context, keep, drop int64) (app.MergePreview, error)
	Merge(ctx context.Context, keep, drop int64) (app.Actor, app.MergePreview, int64, error)
	Unmerge(ctx context.Context, id int64) (app.Unmerged, error)
	Merges(ctx context.Context, actorID int64) ([]app.MergeRecord, error)
}

// duplicatesView is the View ▸ Duplicate actors… dialog: candidate pairs, scored and
// explained, with Merge… and Not the same; and the past merges, each with Undo.
type duplicatesView struct {
	u       *UI
	pairs   []app.DupPair
	merges  []app.MergeRecord
	status  *widget.Label
	list    *widget.List
	history *widget.List
	dlg     dialog.Dialog
}

// showDuplicates opens the duplicates dialog and loads it.
func (u *UI) showDuplicates() {
	v := &duplicatesView{u: u, status: widget.NewLabel("Looking for duplicate actors…")}
	v.status.Wrapping = fyne.TextWrapWord
	v.list = widget.NewList(func() int { return len(v.pairs) }, v.newPairRow, v.updatePairRow)
	v.history = widget.NewList(func() int { return len(v.merges) }, v.newMergeRow, v.updateMergeRow)
	tabs := container.NewAppTabs(
		container.NewTabItem("Candidates", container.NewBorder(v.status, nil, nil, nil, v.list)),
		container.NewTabItem("Past merges", v.history),
	)
	v.dlg = dialog.NewCustom("Duplicate actors", "Close", tabs, u.win)
	// As tall as the window allows: each pair's reasons take a line each, and a fixed
	// height hid the third pair of a short list below the fold.
	v.dlg.Resize(fyne.NewSize(actorDialogWidth(u.win, 960), dossierDialogSize(u.win, 960, 900).Height))
	u.showKeyed(v.dlg, dialogKeys{cancel: v.dlg.Hide})
	v.reload()
}

func (v *duplicatesView) store() mergeStore { return v.u.store }

// reload reads the candidates and the past merges again.
func (v *duplicatesView) reload() {
	st := v.store()
	v.u.async(func(ctx context.Context) {
		d, err := st.DuplicateActors(ctx)
		if err != nil {
			v.u.showError(err)
			return
		}
		ms, err := st.Merges(ctx, 0)
		if err != nil {
			v.u.showError(err)
			return
		}
		fyne.Do(func() {
			v.pairs, v.merges = d.Pairs, ms
			v.status.SetText(dupStatus(d))
			v.list.Refresh()
			v.history.Refresh()
		})
	})
}

// dupStatus says how many pairs there are, and which words were too common to compare.
func dupStatus(d app.Duplicates) string {
	s := fmt.Sprintf("%d pair(s) of actors are probably the same, best first.", len(d.Pairs))
	if len(d.Pairs) == 0 {
		s = "No duplicate actors found."
	}
	if len(d.Crowded) > 0 {
		s += fmt.Sprintf(" %d word(s) are shared by too many actors to compare them all, so pairs found only through them are not listed: %s.", len(d.Crowded), strings.Join(d.Crowded, ", "))
	}
	return s
}

// maxReasonLines is how many of a pair's reasons its row shows, one a line; the rest are
// counted on the last line and all are in the merge preview.
const maxReasonLines = 4

func (v *duplicatesView) newPairRow() fyne.CanvasObject {
	title := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	why := widget.NewLabel("") // a reason a line, each cut short with "…" if too long
	why.Truncation = fyne.TextTruncateEllipsis
	texts := container.NewVBox(title, why)
	merge := widget.NewButton("Merge…", nil)
	notSame := widget.NewButton("Not the same", nil)
	return container.NewBorder(nil, nil, nil, container.NewVBox(container.NewHBox(merge, notSame)), texts)
}

// reasonLines are the lines of a pair's row under its title: a reason a line, the last
// saying how many more there are.
func reasonLines(p app.DupPair) []string {
	if len(p.Reasons) <= maxReasonLines {
		return p.Reasons
	}
	lines := slices.Clone(p.Reasons[:maxReasonLines-1])
	return append(lines, fmt.Sprintf("and %d more reason(s), listed in the merge preview", len(p.Reasons)-maxReasonLines+1))
}

func (v *duplicatesView) updatePairRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(v.pairs) {
		return
	}
	p := v.pairs[i]
	c := o.(*fyne.Container)
	texts := c.Objects[0].(*fyne.Container)
	title := texts.Objects[0].(*widget.Label)
	title.SetText(fmt.Sprintf("%.2f   %s (#%d, %s)  and  %s (#%d, %s)", p.Score,
		p.A.Name, p.A.ID, p.A.Kind.Label(), p.B.Name, p.B.ID, p.B.Kind.Label()))
	texts.Objects[1].(*widget.Label).SetText(strings.Join(reasonLines(p), "\n"))
	v.list.SetItemHeight(i, texts.MinSize().Height)
	buttons := c.Objects[1].(*fyne.Container).Objects[0].(*fyne.Container)
	buttons.Objects[0].(*widget.Button).OnTapped = func() { v.preview(p, false) }
	buttons.Objects[1].(*widget.Button).OnTapped = func() { v.notSame(p) }
}

// keeper picks which of a pair to keep: the fuller name (a person over their surname,
// the expansion over the acronym), the older actor when the names are as long.
func keeper(p app.DupPair) (keep, drop app.DupActor) {
	if len([]rune(p.B.Name)) > len([]rune(p.A.Name)) {
		return p.B, p.A
	}
	return p.A, p.B
}

// preview shows what the merge moves and asks before doing it. Unless asKeep, the kept
// actor is keeper's guess; with asKeep, p.A is kept.
func (v *duplicatesView) preview(p app.DupPair, asKeep bool) {
	keep, drop := keeper(p)
	if asKeep {
		keep, drop = p.A, p.B
	}
	st := v.store()
	v.u.async(func(ctx context.Context) {
		pv, err := st.MergePreview(ctx, keep.ID, drop.ID)
		if err != nil {
			v.u.showError(err)
			return
		}
		fyne.Do(func() { v.confirm(pv, p.Reasons) })
	})
}

// confirm shows why the pair is proposed and what the merge moves, with Merge, Keep the
// other (the kept side is a guess: the fuller name), and Cancel; Esc cancels.
func (v *duplicatesView) confirm(pv app.MergePreview, reasons []string) {
	text := strings.Join(pv.Lines(), "\n")
	if len(reasons) > 0 {
		text = "Why they are probably the same:\n• " + strings.Join(reasons, "\n• ") + "\n\n" + text
	}
	if pv.Between > 0 {
		v.u.showInfo("Merge refused", text)
		return
	}
	text += "\n\nThe merge can be undone from Past merges in this dialog, or with dossier actor unmerge."
	msg := widget.NewLabel(text)
	msg.Wrapping = fyne.TextWrapWord
	var d *dialog.CustomDialog
	merge := widget.NewButton("Merge", func() {
		d.Hide()
		v.merge(pv.Keep.ID, pv.Drop.ID)
	})
	merge.Importance = widget.HighImportance
	swap := widget.NewButton("Keep “"+pv.Drop.Name+"” instead", func() {
		d.Hide()
		v.preview(app.DupPair{A: app.DupActor{ID: pv.Drop.ID, Name: pv.Drop.Name}, B: app.DupActor{ID: pv.Keep.ID, Name: pv.Keep.Name}, Reasons: reasons}, true)
	})
	cancel := widget.NewButton("Cancel", func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons("Merge actors", msg, v.u.win)
	d.SetButtons([]fyne.CanvasObject{cancel, swap, merge})
	d.Resize(fyne.NewSize(actorDialogWidth(v.u.win, 560), 0))
	v.u.showKeyed(d, dialogKeys{cancel: d.Hide})
}

func (v *duplicatesView) merge(keep, drop int64) {
	st := v.store()
	v.u.async(func(ctx context.Context) {
		if _, _, _, err := st.Merge(ctx, keep, drop); err != nil {
			v.u.showError(err)
			return
		}
		v.reload()
	})
}

func (v *duplicatesView) notSame(p app.DupPair) {
	st := v.store()
	v.u.async(func(ctx context.Context) {
		if err := st.NotSame(ctx, p.A.ID, p.B.ID); err != nil {
			v.u.showError(err)
			return
		}
		v.reload()
	})
}

func (v *duplicatesView) newMergeRow() fyne.CanvasObject {
	return container.NewBorder(nil, nil, nil, widget.NewButton("Undo merge", nil), widget.NewLabel(""))
}

func (v *duplicatesView) updateMergeRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(v.merges) {
		return
	}
	m := v.merges[i]
	c := o.(*fyne.Container)
	text := fmt.Sprintf("#%d  “%s” (#%d) merged into “%s” (#%d) on %s", m.ID, m.DroppedName, m.DroppedID, m.KeptName, m.KeptID, m.Merged.Local().Format("2 Jan 2006 15:04"))
	b := c.Objects[1].(*widget.Button)
	if !m.Undone.IsZero() {
		text += " — undone " + m.Undone.Local().Format("2 Jan 2006 15:04")
		b.Disable()
	} else {
		b.Enable()
	}
	c.Objects[0].(*widget.Label).SetText(text)
	b.OnTapped = func() { v.undo(m) }
}

// undo gives the dropped actor back and says what could not be given back.
func (v *duplicatesView) undo(m app.MergeRecord) {
	st := v.store()
	v.u.async(func(ctx context.Context) {
		u, err := st.Unmerge(ctx, m.ID)
		if err != nil {
			v.u.showError(err)
			return
		}
		fyne.Do(func() { v.u.showInfo("Merge undone", unmergedText(u)) })
		v.reload()
	})
}
