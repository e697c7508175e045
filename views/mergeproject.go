package views

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
)

// projectMerger is what File ▸ Merge another project… needs of the store (db.Store).
type projectMerger interface {
	MergeProject(ctx context.Context, theirs string, opt app.ProjectMergeOptions) (app.ProjectMergeReport, error)
}

// mergeProject asks for the other project, then shows what merging it would do.
func (mw *Window) mergeProject() {
	if mw.refuseWhileImporting() {
		return
	}
	pick := mw.pickMergeFile
	if pick == nil {
		pick = func(on func(string)) { mw.u.chooseFile("Choose", []string{".dossier", ".db", ".sqlite"}, on) }
	}
	pick(mw.previewMerge)
}

// previewMerge runs the merge as a dry run and shows its report with the choices it
// leaves: Merge when nothing conflicts, or how to settle the conflicts.
func (mw *Window) previewMerge(path string) {
	pm, ok := unwatched(mw.u.store).(projectMerger)
	if !ok {
		mw.u.showInfo("Merge another project", "This build of Dossier cannot merge projects.")
		return
	}
	mw.u.async(func(ctx context.Context) {
		rep, err := pm.MergeProject(ctx, path, app.ProjectMergeOptions{DryRun: true})
		if err != nil {
			mw.u.showError(err)
			return
		}
		fyne.Do(func() { mw.showMergePreview(path, rep) })
	})
}

func (mw *Window) showMergePreview(path string, rep app.ProjectMergeReport) {
	intro := "Nothing is written yet. Merging backs this project up first, then takes in the other project in one step."
	if len(rep.Conflicts) > 0 {
		intro = fmt.Sprintf("%d record(s) were changed in both projects since they last met: choose which version to keep. "+
			"Nothing is written yet; merging backs this project up first.", len(rep.Conflicts))
	}
	d := dialog.NewCustomWithoutButtons("Merge another project", mergeReportBody(intro, rep), mw.u.win)
	cancel := widget.NewButton("Cancel", d.Hide)
	run := func(c app.ConflictChoice) func() {
		return func() { d.Hide(); mw.runMerge(path, c) }
	}
	buttons := []fyne.CanvasObject{cancel}
	if len(rep.Conflicts) == 0 {
		merge := widget.NewButton("Merge", run(""))
		merge.Importance = widget.HighImportance
		buttons = append(buttons, merge)
	} else {
		buttons = append(buttons, widget.NewButton("Keep mine", run(app.KeepMine)),
			widget.NewButton("Take theirs", run(app.TakeTheirs)), widget.NewButton("Keep both", run(app.KeepBoth)))
	}
	d.SetButtons(buttons)
	d.Resize(fyne.NewSize(760, 520))
	mw.u.showKeyed(d, dialogKeys{cancel: d.Hide})
}

// mergeReportBody shows a report's words under an introduction, scrolling when long.
func mergeReportBody(intro string, rep app.ProjectMergeReport) fyne.CanvasObject {
	head := widget.NewLabel(intro)
	head.Wrapping = fyne.TextWrapWord
	text := widget.NewLabel(rep.Text())
	text.Wrapping = fyne.TextWrapWord
	return container.NewBorder(head, nil, nil, nil, container.NewVScroll(text))
}

// runMerge backs the project up, merges, and says what changed and where the backup is.
func (mw *Window) runMerge(path string, choice app.ConflictChoice) {
	pm, _ := unwatched(mw.u.store).(projectMerger)
	mw.u.async(func(ctx context.Context) {
		undo, err := mw.backupBeforeRepair(ctx)
		if err != nil {
			mw.u.showError(fmt.Errorf("nothing merged: the project could not be backed up first: %w", err))
			return
		}
		rep, err := pm.MergeProject(ctx, path, app.ProjectMergeOptions{Conflicts: choice})
		if err != nil {
			mw.u.showError(err)
			return
		}
		mw.u.storeChanged()
		fyne.Do(func() {
			mw.u.articles.reload()
			mw.u.queue.reload() // the articles taken in are read for suggestions
			intro := "Merged. To undo it, restore the backup taken just before (File ▸ Restore from backup…):\n" + undo
			d := dialog.NewCustomWithoutButtons("Project merged", mergeReportBody(intro, rep), mw.u.win)
			d.SetButtons([]fyne.CanvasObject{widget.NewButton("OK", d.Hide)})
			d.Resize(fyne.NewSize(760, 480))
			mw.u.showKeyed(d, dialogKeys{cancel: d.Hide, confirm: d.Hide})
		})
	})
}
