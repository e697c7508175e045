package views

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
)

// File ▸ Restore from backup… and, for a project found damaged at open, the two ways on
// the banner offers: restore the newest backup that verifies, or salvage every readable
// row into a new project. Nothing is replaced without a copy: app.Restore backs the
// project up first, or keeps a damaged file byte for byte.

// verifyResult is a backup as the restore dialog knows it: verified (info) or refused (err).
type verifyResult struct {
	info app.BackupInfo
	err  error
}

// restoreDialog lists the project's backups, newest first; a backup chosen is verified
// (in the background) before Restore is offered.
type restoreDialog struct {
	mw      *Window
	files   []app.BackupFile
	mu      sync.Mutex
	checked map[string]verifyResult
	list    *widget.List
	detail  *widget.Label
	restore *widget.Button
	chosen  int
	dlg     dialog.Dialog
}

// restoreFromBackup is File ▸ Restore from backup….
func (mw *Window) restoreFromBackup() {
	if mw.refuseWhileImporting() {
		return
	}
	dir := mw.backupDir()
	if dir == "" || mw.projects.VerifyBackup == nil {
		mw.u.showInfo("Restore from backup", "This build of Dossier cannot restore backups.")
		return
	}
	files, err := app.ListBackups(dir)
	if err != nil {
		mw.u.showError(err)
		return
	}
	if len(files) == 0 {
		mw.u.showInfo("Restore from backup", "There is no backup of this project yet. Its backups go to\n"+dir+
			"\nDossier takes one a few minutes after a change and when the window closes (File ▸ Backup settings…).")
		return
	}
	rd := &restoreDialog{mw: mw, files: files, checked: map[string]verifyResult{}, chosen: -1}
	rd.show(dir)
	mw.restoreDialog = rd
}

func (rd *restoreDialog) show(dir string) {
	mw := rd.mw
	rd.list = widget.NewList(func() int { return len(rd.files) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(rd.rowText(id)) })
	rd.detail = widget.NewLabel("Choose a backup to see what it holds. It is verified before it can be restored.")
	rd.detail.Wrapping = fyne.TextWrapWord
	rd.restore = widget.NewButtonWithIcon("Restore this backup…", theme.HistoryIcon(), rd.confirm)
	rd.restore.Importance = widget.HighImportance
	rd.restore.Disable()
	rd.list.OnSelected = rd.choose
	head := widget.NewLabel(fmt.Sprintf("%d backups of this project, newest first, in %s", len(rd.files), dir))
	head.Wrapping = fyne.TextWrapBreak
	bottom := container.NewVBox(widget.NewSeparator(), rd.detail, container.NewHBox(rd.restore))
	content := container.NewBorder(head, bottom, nil, nil, rd.list)
	rd.dlg = dialog.NewCustom("Restore from backup", "Close", content, mw.u.win)
	rd.dlg.Resize(dossierDialogSize(mw.u.win, 760, 560))
	mw.u.showKeyed(rd.dlg, dialogKeys{cancel: rd.dlg.Hide})
	ctx, cancel := context.WithCancel(mw.u.ctx)
	rd.dlg.SetOnClosed(cancel) // after showKeyed's: Fyne calls both
	mw.u.async(func(context.Context) { rd.verifyAll(ctx) })
}

// rowText is one backup's line: when, size and, once verified, what it holds.
func (rd *restoreDialog) rowText(id int) string {
	f := rd.files[id]
	text := backupWhen(f.Time) + " · " + fileSize(f.Size)
	rd.mu.Lock()
	r, ok := rd.checked[f.Path]
	rd.mu.Unlock()
	switch {
	case !ok:
		return text
	case r.err != nil:
		return text + " · does not verify"
	}
	return text + " · " + backupCounts(r.info.Counts)
}

// choose shows what the backup chosen holds, verifying it first (in the background) when
// that has not been done yet; only a verified backup may be restored.
func (rd *restoreDialog) choose(id widget.ListItemID) {
	rd.chosen = id
	rd.restore.Disable()
	f := rd.files[id]
	rd.mu.Lock()
	_, done := rd.checked[f.Path]
	rd.mu.Unlock()
	if done {
		rd.showChosen()
		return
	}
	rd.detail.SetText("Verifying the backup of " + backupWhen(f.Time) + "…")
	rd.mw.u.async(func(ctx context.Context) { rd.verify(ctx, id) })
}

// verify verifies backup id and shows the result. Any goroutine.
func (rd *restoreDialog) verify(ctx context.Context, id int) {
	f := rd.files[id]
	info, err := rd.mw.projects.VerifyBackup(ctx, f.Path)
	if ctx.Err() != nil {
		return // the dialog was closed: no verdict
	}
	rd.mu.Lock()
	rd.checked[f.Path] = verifyResult{info, err}
	rd.mu.Unlock()
	fyne.Do(func() {
		rd.list.RefreshItem(id)
		if rd.chosen == id {
			rd.showChosen()
		}
	})
}

// verifyAll verifies the backups one after the other, newest first, while the dialog is
// open, so that each line comes to show what its backup holds (or that it does not verify).
func (rd *restoreDialog) verifyAll(ctx context.Context) {
	for id, f := range rd.files {
		if ctx.Err() != nil {
			return
		}
		rd.mu.Lock()
		_, done := rd.checked[f.Path]
		rd.mu.Unlock()
		if !done {
			rd.verify(ctx, id)
		}
	}
}

// showChosen says what the chosen backup holds, or why it cannot be restored.
func (rd *restoreDialog) showChosen() {
	f := rd.files[rd.chosen]
	rd.mu.Lock()
	r := rd.checked[f.Path]
	rd.mu.Unlock()
	if r.err != nil {
		rd.restore.Disable()
		rd.detail.SetText("This backup cannot be restored: " + app.ErrorMessage(r.err))
		return
	}
	c := r.info.Counts
	rd.detail.SetText(fmt.Sprintf("Taken %s. Verified: %s, %d evidence, %d notes; %s.",
		backupWhen(f.Time), backupCounts(c), c.Evidence, c.Notes, fileSize(r.info.Size)))
	rd.restore.Enable()
}

// confirm asks before restoring the chosen backup.
func (rd *restoreDialog) confirm() {
	f := rd.files[rd.chosen]
	rd.mu.Lock()
	r := rd.checked[f.Path]
	rd.mu.Unlock()
	if r.err != nil || r.info.Path == "" {
		return
	}
	info := r.info
	info.Time = f.Time
	rd.mw.confirmRestore(info, "Restore this backup?", "")
}

// confirmRestore asks, in plain words, before replacing the project with info; intro is
// said first when not empty.
func (mw *Window) confirmRestore(info app.BackupInfo, title, intro string) {
	damaged := storeDamage(mw.u.store) != ""
	var b strings.Builder
	if intro != "" {
		b.WriteString(intro + "\n\n")
	}
	fmt.Fprintf(&b, "The project will be replaced by the backup taken %s: %s (%s).\n\n", backupWhen(info.Time), backupCounts(info.Counts), fileSize(info.Size))
	if damaged {
		fmt.Fprintf(&b, "The damaged project file is first copied, unchanged, into\n%s\nso nothing is lost.", mw.backupDir())
	} else {
		b.WriteString("The project as it is now is backed up first, so this restore can itself be undone from File ▸ Restore from backup….")
	}
	body := widget.NewLabel(b.String())
	body.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(title, "Restore", "Cancel", body, func(ok bool) {
		if ok {
			mw.doRestore(info)
		}
	}, mw.u.win)
	d.Resize(dossierDialogSize(mw.u.win, 620, 320))
	// A change to the project needs a click: Enter does not restore.
	mw.u.showKeyed(d, dialogKeys{cancel: d.Hide})
}

// doRestore replaces the project with the backup info (verified again first: the file may
// have changed since it was listed) and opens it again in the window.
func (mw *Window) doRestore(info app.BackupInfo) {
	if mw.refuseWhileImporting() {
		return
	}
	if mw.restoreDialog != nil && mw.restoreDialog.dlg != nil {
		mw.restoreDialog.dlg.Hide()
	}
	st := mw.u.store
	path, damaged := st.Path(), storeDamage(st) != ""
	auto := mw.auto.Load()
	waiting := mw.u.showProgress("Restoring", "Restoring the backup of "+backupWhen(info.Time)+"…")
	mw.u.async(func(ctx context.Context) {
		checked, err := mw.projects.VerifyBackup(ctx, info.Path)
		if err != nil {
			fyne.Do(waiting.Hide)
			mw.u.showError(fmt.Errorf("nothing restored: %w", err))
			return
		}
		checked.Time = info.Time
		if auto != nil {
			// The restore backs the project up itself; an idle backup under way ends first.
			auto.Stop()
			wctx, cancel := context.WithTimeout(ctx, closeBackupLimit)
			auto.Wait(wctx)
			cancel()
		}
		bc, _ := unwatched(st).(app.BackupCloser)
		res, rerr := app.Restore(ctx, mw.projects.DataDir, checked, path, bc, damaged)
		// The project was closed either way: open it again, restored or as it was.
		reopened, oerr := mw.projects.Open(ctx, path)
		fyne.Do(func() {
			waiting.Hide()
			if oerr != nil {
				mw.u.showError(oerr)
				newFailedScreen(mw.u.ctx, mw.u.win, oerr, mw.projects, mw.closeNow, nil, mw.u.inline)
				return
			}
			mw.replaceStore(reopened, false)
			if rerr != nil {
				mw.u.showError(rerr)
				return
			}
			mw.u.showInfo("Backup restored", restoredText(res))
		})
	})
}

// restoredText says what a restore did and where the copy of what it replaced is.
func restoredText(res app.RestoreResult) string {
	text := fmt.Sprintf("The project was restored from the backup taken %s (%s).\n\n", backupWhen(res.Restored.Time), backupCounts(res.Restored.Counts))
	if res.Damaged {
		return text + "The damaged project file was kept, unchanged, as\n" + res.Undo
	}
	return text + "The project as it was is kept as the backup\n" + res.Undo + "\nRestore it from File ▸ Restore from backup… to undo this."
}

// restoreNewest is the damaged project's first way on: find the newest backup that
// verifies (newest first, each verified until one passes), show what it holds, and
// restore it once the user agrees.
func (mw *Window) restoreNewest() {
	dir := mw.backupDir()
	if dir == "" || mw.projects.VerifyBackup == nil {
		mw.u.showInfo("Restore a backup", "This build of Dossier cannot restore backups.")
		return
	}
	waiting := mw.u.showProgress("Restore a backup", "Looking for the newest backup that verifies…")
	mw.u.async(func(ctx context.Context) {
		info, refused, ok, err := app.NewestVerified(ctx, dir, mw.projects.VerifyBackup)
		fyne.Do(func() {
			waiting.Hide()
			switch {
			case err != nil:
				mw.u.showError(err)
			case !ok:
				mw.u.showInfo("No backup verifies", noBackupText(dir, refused))
			default:
				mw.confirmRestore(info, "Restore the newest backup that verifies?", refusedText(refused))
			}
		})
	})
}

// noBackupText says that no backup could be restored, and why each was refused.
func noBackupText(dir string, refused []app.Refused) string {
	if len(refused) == 0 {
		return "There is no backup of this project in\n" + dir + "\n\nSalvage every readable row into a new project instead."
	}
	return fmt.Sprintf("None of the %d backups in\n%s\nverifies.\n\n%s\n\nSalvage every readable row into a new project instead.", len(refused), dir, refusedText(refused))
}

// refusedText lists the backups passed over and why; "" when none was.
func refusedText(refused []app.Refused) string {
	if len(refused) == 0 {
		return ""
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d newer backup(s) did not verify and were passed over:", len(refused))
	const shown = 5
	for i, r := range refused {
		if i == shown {
			fmt.Fprintf(&b, "\n  … and %d more", len(refused)-shown)
			break
		}
		fmt.Fprintf(&b, "\n  • %s: %s", backupWhen(r.File.Time), app.ErrorMessage(r.Err))
	}
	return b.String()
}

// salvage is the damaged project's second way on: every readable row into a new project
// the user names, then a report of what was saved, table by table.
func (mw *Window) salvage() {
	if mw.projects.Salvage == nil {
		mw.u.showInfo("Salvage", "This build of Dossier cannot salvage projects.")
		return
	}
	path := mw.u.store.Path()
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	mw.askNewFile("Salvage every readable row into a new project", "Salvage", "salvaged "+base, mw.salvageInto)
}

// salvageInto salvages the open (damaged) project into the new project out.
func (mw *Window) salvageInto(out string) {
	from := mw.u.store.Path()
	waiting := mw.u.showProgress("Salvage", "Reading every row that can still be read…")
	mw.u.async(func(ctx context.Context) {
		rep, err := mw.projects.Salvage(ctx, from, out)
		fyne.Do(func() {
			waiting.Hide()
			if err != nil {
				mw.u.showError(err)
				return
			}
			body := widget.NewLabel(rep.Text() + "\n\nThe damaged project was only read: it is as it was.")
			body.Wrapping = fyne.TextWrapWord
			d := dialog.NewCustomConfirm("Salvage finished", "Open the new project", "Close", container.NewVScroll(body), func(open bool) {
				if open {
					mw.openPath(rep.Path)
				}
			}, mw.u.win)
			d.Resize(dossierDialogSize(mw.u.win, 680, 560))
			mw.u.showKeyed(d, dialogKeys{cancel: d.Hide})
		})
	})
}
