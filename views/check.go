package views

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
)

// projectChecker is what Help ▸ Check project needs of the project besides Store
// (*db.Store has it): the full check and the repair.
type projectChecker interface {
	Check(ctx context.Context) (app.CheckReport, error)
	Repair(ctx context.Context) (app.RepairReport, error)
}

// checkProject runs the full check in the background and shows its report, with a Repair
// button when it found problems the project can be repaired of.
func (mw *Window) checkProject() {
	ch, ok := unwatched(mw.u.store).(projectChecker)
	if !ok {
		mw.u.showInfo("Check project", "This project cannot be checked by this build of Dossier.")
		return
	}
	if mw.refuseWhileImporting() {
		return
	}
	// The check reads the whole file (half a minute for 100,000 articles): say so, and
	// let it be cancelled.
	ctx, cancel := context.WithCancel(mw.u.ctx)
	waiting := dialog.NewCustom("Check project", "Cancel", container.NewVBox(
		widget.NewLabel("Checking every page, search index and link of the project…"),
		widget.NewProgressBarInfinite()), mw.u.win)
	waiting.SetOnClosed(cancel)
	mw.u.showKeyed(waiting, dialogKeys{cancel: waiting.Hide})
	mw.u.async(func(context.Context) {
		defer cancel()
		rep, err := ch.Check(ctx)
		if errors.Is(err, context.Canceled) {
			return // the researcher cancelled: nothing to say
		}
		fyne.Do(waiting.Hide)
		if err != nil {
			mw.u.showError(err)
			return
		}
		fyne.Do(func() { mw.showCheckReport(ch, rep, nil) })
	})
}

// showCheckReport shows what the check found and, after a repair, what the repair changed.
func (mw *Window) showCheckReport(ch projectChecker, rep app.CheckReport, fixed *app.RepairReport) {
	damage := storeDamage(mw.u.store)
	text := checkReportText(rep, fixed)
	body := widget.NewLabel(text)
	body.Wrapping = fyne.TextWrapWord
	content := container.NewVScroll(body)
	title := "Check project"
	if fixed != nil {
		title = "Project repaired"
	}
	var d dialog.Dialog
	switch {
	case rep.OK() && damage == "":
		d = dialog.NewCustom(title, "Close", content, mw.u.win)
		mw.u.showKeyed(d, dialogKeys{cancel: d.Hide, confirm: d.Hide})
	case damage != "" || fixed != nil || rep.PageDamage() != "":
		// A damaged page cannot be repaired in place (the open-time check may have had no
		// time to reach it, the full check does), and what a repair could not mend a
		// second one will not: the way on is a backup or a copy.
		body.SetText(text + "\n\n" + checkNextStep(damage, rep.PageDamage()))
		d = dialog.NewCustom(title, "Close", content, mw.u.win)
		mw.u.showKeyed(d, dialogKeys{cancel: d.Hide, confirm: d.Hide})
	default:
		body.SetText(text + "\n\nRepair rebuilds the search indexes from the text, relinks the mentions of every article and removes mentions and evidence left pointing at what is gone, then checks again. It says exactly what it changed.")
		cd := dialog.NewCustomConfirm(title, "Repair", "Close", content, func(repair bool) {
			if repair {
				mw.repairProject(ch)
			}
		}, mw.u.win)
		d = cd
		// Enter does not repair: a change to the project needs a click.
		mw.u.showKeyed(cd, dialogKeys{cancel: cd.Hide})
	}
	d.Resize(dossierDialogSize(mw.u.win, 640, 560))
}

// repairProject repairs in the background, then checks again and shows both.
func (mw *Window) repairProject(ch projectChecker) {
	if mw.refuseWhileImporting() {
		return
	}
	mw.u.async(func(ctx context.Context) {
		// Nothing is removed without a copy: the repair deletes rows (orphans), so the
		// project is backed up first, and the report says where to undo it from.
		undo, err := mw.backupBeforeRepair(ctx)
		if err != nil {
			mw.u.showError(fmt.Errorf("nothing repaired: the project could not be backed up first: %w", err))
			return
		}
		fixed, err := ch.Repair(ctx)
		fixed.Undo = undo
		if len(fixed.Changes) > 0 || err == nil {
			defer mw.u.storeChanged() // lists and counts follow what was removed
		}
		if err != nil {
			mw.u.showError(err)
			return
		}
		rep, err := ch.Check(ctx)
		if err != nil {
			mw.u.showError(err)
			return
		}
		fyne.Do(func() { mw.showCheckReport(ch, rep, &fixed) })
	})
}

// backupBeforeRepair writes a verified backup into the project's backups folder and
// returns its path. A window without a backups folder (DataDir "") cannot repair.
func (mw *Window) backupBeforeRepair(ctx context.Context) (string, error) {
	bw, ok := unwatched(mw.u.store).(app.BackupWriter)
	if !ok || mw.projects.DataDir == "" {
		return "", app.Errorf(app.EINTERNAL, "This window has no backups folder.")
	}
	info, _, err := app.BackupToFolder(ctx, mw.projects.DataDir, bw, time.Now(), nil)
	return info.Path, err
}

// checkNextStep says what to do about problems a repair cannot mend: damage is why the
// project was opened read-only, pages what the full check's integrity check found.
func checkNextStep(damage, pages string) string {
	if damage != "" {
		return "This project is damaged (" + damage + ") and open read-only, so it cannot be repaired in place. Use the buttons under the banner to restore the newest backup that verifies or to salvage every readable row into a new project."
	}
	if pages != "" {
		return "This project is damaged (" + pages + "), which a repair cannot mend in place. Save what can still be read with File ▸ Save a copy…, or restore a backup (File ▸ Restore from backup…)."
	}
	return "The repair could not mend these problems. Save what can still be read with File ▸ Save a copy…, or restore a backup (File ▸ Restore from backup…)."
}

// checkReportText puts the report in words: what a repair changed, the verdict, then every
// check with what it looked at and, when it failed, what it found.
func checkReportText(rep app.CheckReport, fixed *app.RepairReport) string {
	var b strings.Builder
	if fixed != nil {
		if fixed.Undo != "" {
			fmt.Fprintf(&b, "Backed up first, to undo the repair with File ▸ Restore from backup…:\n  %s\n\n", fixed.Undo)
		}
		if len(fixed.Changes) == 0 {
			b.WriteString("The repair found nothing to change.\n")
		} else {
			b.WriteString("The repair changed:\n")
			for _, c := range fixed.Changes {
				fmt.Fprintf(&b, "  • %s\n", c.What)
			}
		}
		b.WriteString("\nChecked again:\n")
	}
	failed := 0
	for _, it := range rep.Items {
		if !it.OK() {
			failed++
		}
	}
	if failed == 0 {
		fmt.Fprintf(&b, "All %d checks passed", len(rep.Items))
	} else {
		fmt.Fprintf(&b, "%d of %d checks found problems", failed, len(rep.Items))
	}
	fmt.Fprintf(&b, " (%d tables, %d rows, %s).\n", rep.Tables, rep.Rows, rep.Took.Round(time.Millisecond))
	for _, it := range rep.Items {
		mark := "✓"
		if !it.OK() {
			mark = "✗"
		}
		fmt.Fprintf(&b, "%s %s: %d %s\n", mark, it.Name, it.Checked, it.Unit)
		for _, p := range it.Problems {
			fmt.Fprintf(&b, "      %s\n", p)
		}
		if it.Cut > 0 {
			fmt.Fprintf(&b, "      … and %d more\n", it.Cut)
		}
	}
	return strings.TrimRight(b.String(), "\n")
}
