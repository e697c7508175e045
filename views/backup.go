package views

import (
	"context"
	"errors"
	"fmt"
	"log"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
)

// Automatic backups of the open project (app.AutoBackup decides when), their settings
// (File ▸ Backup settings…) and the line under the status bar that says how the last one
// went. The backups go to the project's backups folder, the one `dossier backup` uses.

// The preferences that hold the backup settings.
const (
	prefBackupAuto     = "backup.auto"
	prefBackupIdle     = "backup.idleMinutes"
	prefBackupKeepLast = "backup.keepLast"
	prefBackupDaily    = "backup.dailyDays"
)

// closeBackupLimit bounds the backup taken when the window closes: past it the window
// closes anyway, and the log says the backup was not finished.
const closeBackupLimit = 30 * time.Second

// backupSettings are the automatic backup's settings.
type backupSettings struct {
	Auto      bool
	IdleMin   int // minutes without a change before a backup
	KeepLast  int // the newest backups always kept
	DailyDays int // and the newest of each day this many days back
}

func defaultBackupSettings() backupSettings {
	return backupSettings{Auto: true, IdleMin: int(app.DefaultBackupIdle / time.Minute),
		KeepLast: app.DefaultRotation.KeepLast, DailyDays: int(app.DefaultRotation.DailyFor / (24 * time.Hour))}
}

func (s backupSettings) idle() time.Duration { return time.Duration(s.IdleMin) * time.Minute }

func (s backupSettings) rotation() app.Rotation {
	return app.Rotation{KeepLast: s.KeepLast, DailyFor: time.Duration(s.DailyDays) * 24 * time.Hour}
}

// loadBackupSettings reads the settings, each missing or unusable one at its default.
func loadBackupSettings() backupSettings {
	s := defaultBackupSettings()
	a := fyne.CurrentApp()
	if a == nil {
		return s
	}
	p := a.Preferences()
	s.Auto = p.BoolWithFallback(prefBackupAuto, s.Auto)
	if v := p.IntWithFallback(prefBackupIdle, s.IdleMin); v >= 1 {
		s.IdleMin = v
	}
	if v := p.IntWithFallback(prefBackupKeepLast, s.KeepLast); v >= 1 {
		s.KeepLast = v
	}
	if v := p.IntWithFallback(prefBackupDaily, s.DailyDays); v >= 0 {
		s.DailyDays = v
	}
	return s
}

func saveBackupSettings(s backupSettings) {
	p := fyne.CurrentApp().Preferences()
	p.SetBool(prefBackupAuto, s.Auto)
	p.SetInt(prefBackupIdle, s.IdleMin)
	p.SetInt(prefBackupKeepLast, s.KeepLast)
	p.SetInt(prefBackupDaily, s.DailyDays)
}

// backupDir is the open project's backups folder; "" when main gave no data folder.
func (mw *Window) backupDir() string {
	if mw.projects.DataDir == "" {
		return ""
	}
	return app.BackupDir(mw.projects.DataDir, mw.u.store.Path())
}

// startAutoBackup starts the automatic backups of st, the project just opened. A project
// open read-only because damaged is not backed up: no copy of it would verify.
func (mw *Window) startAutoBackup(st Store) {
	mw.auto.Store(nil)
	bw, ok := unwatched(st).(app.BackupWriter)
	if !ok || mw.projects.DataDir == "" || storeDamage(st) != "" {
		return
	}
	set := loadBackupSettings()
	mw.backupSet.Store(&set)
	after := mw.afterFunc
	if after == nil {
		after = app.RealAfterFunc
	}
	dataDir, path := mw.projects.DataDir, st.Path()
	a := app.NewAutoBackup(set.idle(), after, func(ctx context.Context) error {
		r := mw.backupSet.Load().rotation()
		info, removed, err := app.BackupToFolder(ctx, dataDir, bw, time.Now(), &r)
		mw.backupDone(path, info, removed, err)
		if info.Path != "" {
			return nil // written and verified; a failed rotation is said, not retried as a backup
		}
		return err
	})
	a.SetEnabled(set.Auto)
	mw.auto.Store(a)
}

// backupDone says how an automatic backup went, on the line under the status bar, and in
// the log when it failed. Any goroutine.
func (mw *Window) backupDone(path string, info app.BackupInfo, removed []string, err error) {
	var text string
	bad := err != nil
	switch {
	case err != nil && info.Path != "":
		text = fmt.Sprintf("Backed up %s, but older backups could not be rotated out: %s", time.Now().Format("15:04"), app.ErrorMessage(err))
	case err != nil:
		text = fmt.Sprintf("Automatic backup failed at %s: %s The project itself is unchanged; Dossier tries again later.", time.Now().Format("15:04"), app.ErrorMessage(err))
	default:
		text = fmt.Sprintf("Backed up %s — %s", info.Time.Local().Format("15:04"), backupCounts(info.Counts))
		if len(removed) > 0 {
			text += fmt.Sprintf("; %d older backup(s) rotated out", len(removed))
		}
	}
	if bad {
		log.Printf("automatic backup of %s: %v", path, err)
	}
	fyne.Do(func() {
		mw.backupLine.SetText(text)
		mw.backupLine.Importance = widget.LowImportance
		if bad {
			mw.backupLine.Importance = widget.DangerImportance
		}
		mw.backupLine.Show()
		mw.backupLine.Refresh()
	})
}

// backupCounts says what a backup holds, in words.
func backupCounts(c app.BackupCounts) string {
	return fmt.Sprintf("%s, %s, %s", dossierCount(int(c.Articles), "article", "articles"),
		dossierCount(int(c.Actors), "actor", "actors"), dossierCount(int(c.Relations), "relation", "relations"))
}

// finishAutoBackup ends the automatic backups of the project being left (closed or
// switched from), backing up its last changes within closeBackupLimit. A failure is
// logged and said on stderr: the window closes or switches anyway. Not on the UI goroutine.
func finishAutoBackup(a *app.AutoBackup, path string) {
	if a == nil {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), closeBackupLimit)
	defer cancel()
	if err := a.Close(ctx); err != nil {
		msg := fmt.Sprintf("dossier: the last backup of %s was not written: %s", path, app.ErrorMessage(err))
		log.Print(msg)
		if errors.Is(err, context.DeadlineExceeded) {
			log.Printf("dossier: it took longer than %v; the newest backup in the backups folder is the one before", closeBackupLimit)
		}
	}
}

// closing is the window's close: the last changes are backed up first, in the background
// and within closeBackupLimit, with a note saying so; a second close while it runs
// closes at once. The close itself is never lost.
func (mw *Window) closing() {
	if mw.closeStarted {
		mw.closeNow()
		return
	}
	mw.closeStarted = true
	mw.teamDisconnect()
	mw.u.notes.flush() // the note being written is in the project before the window goes
	a := mw.auto.Swap(nil)
	if a == nil || !a.Pending() {
		if a != nil {
			a.Stop()
		}
		mw.closeNow()
		return
	}
	mw.u.showProgress("Closing", "Backing up the last changes before closing…")
	path := mw.u.store.Path()
	done := func() {
		finishAutoBackup(a, path)
		fyne.Do(mw.closeNow)
	}
	if mw.u.inline {
		done()
		return
	}
	go done()
}

// FinishBackups backs up the changes not yet backed up, within closeBackupLimit, when the
// window ended without its close being asked (the app quit on a signal); after a close
// that already did, it does nothing. main calls it once the window has stopped running.
func (mw *Window) FinishBackups() {
	if a := mw.auto.Swap(nil); a != nil {
		finishAutoBackup(a, mw.u.store.Path())
	}
}

// closeNow closes the window (once).
func (mw *Window) closeNow() {
	if mw.closed {
		return
	}
	mw.closed = true
	if mw.closeWindow != nil {
		mw.closeWindow()
		return
	}
	CloseHiddenFirst(mw.u.win, false)
}

// showBackupSettings is File ▸ Backup settings….
func (mw *Window) showBackupSettings() {
	set := loadBackupSettings()
	auto := widget.NewCheck("Back up the project automatically", nil)
	auto.SetChecked(set.Auto)
	idle := intEntry(mw.u, set.IdleMin, 1, 24*60)
	keep := intEntry(mw.u, set.KeepLast, 1, 10000)
	daily := intEntry(mw.u, set.DailyDays, 0, 10000)
	where := "the backups folder"
	if dir := mw.backupDir(); dir != "" {
		where = dir
	}
	folder := widget.NewLabel(where)
	folder.Wrapping = fyne.TextWrapBreak
	items := []*widget.FormItem{
		widget.NewFormItem("", auto),
		widget.NewFormItem("After a change, when idle for (minutes)", idle),
		widget.NewFormItem("Keep the newest", keep),
		widget.NewFormItem("and one a day for (days)", daily),
		widget.NewFormItem("Backups of this project go to", folder),
	}
	d := dialog.NewForm("Backup settings", "Save", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		set.Auto = auto.Checked
		set.IdleMin, _ = strconv.Atoi(strings.TrimSpace(idle.Text))
		set.KeepLast, _ = strconv.Atoi(strings.TrimSpace(keep.Text))
		set.DailyDays, _ = strconv.Atoi(strings.TrimSpace(daily.Text))
		mw.applyBackupSettings(set)
	}, mw.u.win)
	d.Resize(dossierDialogSize(mw.u.win, 620, 360))
	mw.u.showKeyed(d, dialogKeys{cancel: d.Hide, confirm: d.Submit})
	mw.settingsDialog = d
}

// applyBackupSettings saves set and applies it to the running backups.
func (mw *Window) applyBackupSettings(set backupSettings) {
	saveBackupSettings(set)
	mw.backupSet.Store(&set)
	if a := mw.auto.Load(); a != nil {
		a.SetIdle(set.idle())
		a.SetEnabled(set.Auto)
	}
	if !set.Auto {
		mw.backupLine.SetText("Automatic backups are off (File ▸ Backup settings…).")
		mw.backupLine.Importance = widget.WarningImportance
		mw.backupLine.Show()
		mw.backupLine.Refresh()
	}
}

// intEntry is an entry for a whole number from lo to hi.
func intEntry(u *UI, v, lo, hi int) *keyEntry {
	e := u.newKeyEntry()
	e.SetText(strconv.Itoa(v))
	e.Validator = func(s string) error {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < lo || n > hi {
			return fmt.Errorf("a whole number from %d to %d", lo, hi)
		}
		return nil
	}
	return e
}

// fileSize writes a size in bytes as people read it.
func fileSize(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// backupWhen writes when a backup was taken, in local time.
func backupWhen(t time.Time) string {
	return t.Local().Format("Mon 2 Jan 2006, 15:04:05")
}

// showProgress shows work under way that cannot be cancelled (Esc does nothing: a
// restore or a salvage half done is not left to a key), and returns it to hide.
func (u *UI) showProgress(title, text string) dialog.Dialog {
	d := dialog.NewCustomWithoutButtons(title, container.NewVBox(widget.NewLabel(text), widget.NewProgressBarInfinite()), u.win)
	u.showKeyed(d, dialogKeys{})
	return d
}
