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
		intro = fmt.Sprintf("%d record(s) were changed in both projects since they last met: choose which version to keep, "+
			"record by record below, and with the buttons for those left unchosen. "+
			"Nothing is written yet; merging backs this project up first.", len(rep.Conflicts))
	}
	body := mergeReportBody(intro, rep)
	var cc *conflictChoices
	if len(rep.Conflicts) > 0 {
		cc = newConflictChoices(rep.Conflicts)
		body = container.NewVSplit(body, cc.list)
	}
	d := dialog.NewCustomWithoutButtons("Merge another project", body, mw.u.win)
	cancel := widget.NewButton("Cancel", d.Hide)
	run := func(c app.ConflictChoice) func() {
		return func() {
			d.Hide()
			var keep map[string]app.ConflictChoice
			if cc != nil {
				keep = cc.keep()
			}
			mw.runMerge(path, app.ProjectMergeOptions{Conflicts: c, Keep: keep})
		}
	}
	buttons := []fyne.CanvasObject{cancel}
	if len(rep.Conflicts) == 0 {
		merge := widget.NewButton("Merge", run(""))
		merge.Importance = widget.HighImportance
		buttons = append(buttons, merge)
	} else {
		// "Merge as chosen" waits until every conflict has its choice; the three
		// buttons settle the ones still unchosen all the same way.
		asChosen := widget.NewButton("Merge as chosen", run(""))
		asChosen.Importance = widget.HighImportance
		asChosen.Disable()
		cc.onChange = func() {
			if cc.complete() {
				asChosen.Enable()
			} else {
				asChosen.Disable()
			}
		}
		buttons = append(buttons, widget.NewButton("Keep mine", run(app.KeepMine)),
			widget.NewButton("Take theirs", run(app.TakeTheirs)), widget.NewButton("Keep both", run(app.KeepBoth)), asChosen)
	}
	d.SetButtons(buttons)
	d.Resize(fyne.NewSize(860, 600))
	mw.u.showKeyed(d, dialogKeys{cancel: d.Hide})
}

// conflictChoices is the merge preview's list of conflicts, each with its own choice:
// mine, theirs or both. The list is virtual: a merge may have thousands.
type conflictChoices struct {
	items    []app.MergeItem
	chosen   map[string]app.ConflictChoice // by UUID
	list     *widget.List
	onChange func()
}

// conflictOptions are the row's choices, in the order shown, and what each settles.
var conflictOptions = []struct {
	label  string
	choice app.ConflictChoice
}{{"Mine", app.KeepMine}, {"Theirs", app.TakeTheirs}, {"Both", app.KeepBoth}}

func newConflictChoices(items []app.MergeItem) *conflictChoices {
	cc := &conflictChoices{items: items, chosen: map[string]app.ConflictChoice{}}
	var labels []string
	for _, o := range conflictOptions {
		labels = append(labels, o.label)
	}
	cc.list = widget.NewList(func() int { return len(cc.items) },
		func() fyne.CanvasObject {
			what := widget.NewLabel("")
			what.Truncation = fyne.TextTruncateEllipsis
			radio := widget.NewRadioGroup(labels, nil)
			radio.Horizontal = true
			return container.NewBorder(nil, nil, nil, radio, what)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			c := o.(*fyne.Container)
			item := cc.items[i]
			c.Objects[0].(*widget.Label).SetText(app.RecordKindLabel(item.Kind) + ": " + item.Label + " (" + item.UUID + ")")
			radio := c.Objects[1].(*widget.RadioGroup)
			radio.OnChanged = nil // the recycled row's handler belongs to another record
			radio.SetSelected(cc.label(cc.chosen[item.UUID]))
			radio.OnChanged = func(label string) { cc.choose(item.UUID, label) }
		})
	return cc
}

func (cc *conflictChoices) label(c app.ConflictChoice) string {
	for _, o := range conflictOptions {
		if o.choice == c {
			return o.label
		}
	}
	return ""
}

// choose records the choice made in a row ("" when unselected).
func (cc *conflictChoices) choose(uuid, label string) {
	delete(cc.chosen, uuid)
	for _, o := range conflictOptions {
		if o.label == label {
			cc.chosen[uuid] = o.choice
		}
	}
	if cc.onChange != nil {
		cc.onChange()
	}
}

// complete reports whether every conflict has its choice.
func (cc *conflictChoices) complete() bool { return len(cc.chosen) == len(cc.items) }

// keep is the choices made, for ProjectMergeOptions.Keep.
func (cc *conflictChoices) keep() map[string]app.ConflictChoice {
	out := make(map[string]app.ConflictChoice, len(cc.chosen))
	for k, v := range cc.chosen {
		out[k] = v
	}
	return out
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
func (mw *Window) runMerge(path string, opt app.ProjectMergeOptions) {
	pm, _ := unwatched(mw.u.store).(projectMerger)
	mw.u.async(func(ctx context.Context) {
		undo, err := mw.backupBeforeRepair(ctx)
		if err != nil {
			mw.u.showError(fmt.Errorf("nothing merged: the project could not be backed up first: %w", err))
			return
		}
		rep, err := pm.MergeProject(ctx, path, opt)
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
