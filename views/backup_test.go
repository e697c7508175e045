package views

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
	"dossier/db"
)

// testTimers stands for the backups' clock: the test fires the idle timer when it chooses.
type testTimers struct{ timers []*testTimer }

type testTimer struct {
	d          time.Duration
	f          func()
	done, stop bool
}

func (t *testTimer) Stop() bool { was := !t.done && !t.stop; t.stop = true; return was }

func (ft *testTimers) after(d time.Duration, f func()) app.Timer {
	t := &testTimer{d: d, f: f}
	ft.timers = append(ft.timers, t)
	return t
}

func (ft *testTimers) live() []*testTimer {
	var out []*testTimer
	for _, t := range ft.timers {
		if !t.done && !t.stop {
			out = append(out, t)
		}
	}
	return out
}

func (ft *testTimers) fire(t *testing.T) {
	t.Helper()
	live := ft.live()
	if len(live) != 1 {
		t.Fatalf("%d idle timers running, want 1", len(live))
	}
	live[0].done = true
	live[0].f()
}

// openForWindow opens a project as main does for the window: a damaged one read-only.
func openForWindow(ctx context.Context, path string) (Store, error) {
	st, err := db.Open(ctx, path)
	if app.IsCode(err, app.ECORRUPT) {
		return db.OpenReadOnly(ctx, path)
	}
	if err != nil {
		return nil, err
	}
	return st, nil
}

// newBackupWindow opens the project at path in a headless window whose backups go to a
// data folder of its own and whose idle timer the test fires. It returns the window, the
// timers and the data folder.
func newBackupWindow(t *testing.T, path string) (*Window, *testTimers, string) {
	t.Helper()
	test.NewTempApp(t)
	ctx := context.Background()
	st, err := openForWindow(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	dataDir := t.TempDir()
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(1200, 800))
	projects := Projects{Open: openForWindow, DataDir: dataDir, VerifyBackup: db.VerifyBackup, Salvage: db.Salvage}
	mw := newWindow(ctx, w, st, projects, true)
	t.Cleanup(func() { mw.u.store.Close() })
	ft := &testTimers{}
	mw.afterFunc = ft.after
	mw.startAutoBackup(mw.u.store)
	return mw, ft, dataDir
}

func addActor(t *testing.T, mw *Window, name string) {
	t.Helper()
	if _, err := mw.u.store.CreateActor(context.Background(), app.Actor{Name: name, Kind: app.Person}); err != nil {
		t.Fatal(err)
	}
}

// backupsIn lists the backups in the project's folder, newest first.
func backupsIn(t *testing.T, mw *Window) []app.BackupFile {
	t.Helper()
	files, err := app.ListBackups(mw.backupDir())
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestWindowBacksUpAfterIdle: a change made in the window starts the idle time (3
// minutes by default); when it is up a verified backup holding the change is in the
// project's backups folder, the same folder `dossier backup` uses, and the line under the
// status bar says when. Nothing is backed up without a change. Rotation follows the
// settings, and runs only after the new backup is in place.
func TestWindowBacksUpAfterIdle(t *testing.T) {
	mw, ft, dataDir := newBackupWindow(t, filepath.Join(t.TempDir(), "p.dossier"))
	if len(ft.live()) != 0 {
		t.Fatal("an idle timer runs before any change")
	}
	addActor(t, mw, "Ines Arroyo")
	live := ft.live()
	if len(live) != 1 || live[0].d != 3*time.Minute {
		t.Fatalf("after a change: %d timers (%v), want one of 3m", len(live), live)
	}
	ft.fire(t)
	files := backupsIn(t, mw)
	if len(files) != 1 || filepath.Dir(files[0].Path) != app.BackupDir(dataDir, mw.u.store.Path()) {
		t.Fatalf("backups %+v, want one in the project's backups folder", files)
	}
	info, err := db.VerifyBackup(context.Background(), files[0].Path)
	if err != nil || info.Counts.Actors != 1 {
		t.Fatalf("the backup: %+v %v, want a verified one holding the actor", info, err)
	}
	if !mw.backupLine.Visible() || !strings.HasPrefix(mw.backupLine.Text, "Backed up ") || !strings.Contains(mw.backupLine.Text, "1 actor") {
		t.Fatalf("backup line %q", mw.backupLine.Text)
	}

	// Keep the newest 2 only: the third backup rotates the first out.
	mw.applyBackupSettings(backupSettings{Auto: true, IdleMin: 5, KeepLast: 2, DailyDays: 0})
	for _, name := range []string{"Jonas Brekke", "Kaito Morishima"} {
		addActor(t, mw, name)
		if d := ft.live()[0].d; d != 5*time.Minute {
			t.Fatalf("idle time %v after the settings changed, want 5m", d)
		}
		ft.fire(t)
	}
	files = backupsIn(t, mw)
	if len(files) != 2 {
		t.Fatalf("%d backups kept, want 2", len(files))
	}
	if info, err := db.VerifyBackup(context.Background(), files[0].Path); err != nil || info.Counts.Actors != 3 {
		t.Fatalf("newest backup %+v %v, want 3 actors", info.Counts, err)
	}
	if !strings.Contains(mw.backupLine.Text, "rotated out") {
		t.Fatalf("rotation not said: %q", mw.backupLine.Text)
	}
}

// TestWindowBackupFailureIsSaid: a backup that cannot be written is said plainly on the
// backup line (never silently), and tried again after the next idle time.
func TestWindowBackupFailureIsSaid(t *testing.T) {
	mw, ft, dataDir := newBackupWindow(t, filepath.Join(t.TempDir(), "p.dossier"))
	// A file where the backups folder must go: the folder cannot be made.
	if err := os.WriteFile(filepath.Join(dataDir, "backups"), []byte("in the way"), 0o644); err != nil {
		t.Fatal(err)
	}
	addActor(t, mw, "Lena Varga")
	ft.fire(t)
	if mw.backupLine.Importance != widget.DangerImportance || !strings.Contains(mw.backupLine.Text, "Automatic backup failed") ||
		!strings.Contains(mw.backupLine.Text, "backups folder") {
		t.Fatalf("failure shown as %q (importance %v)", mw.backupLine.Text, mw.backupLine.Importance)
	}
	if len(ft.live()) != 1 {
		t.Fatal("a failed backup is not tried again")
	}
	os.Remove(filepath.Join(dataDir, "backups"))
	ft.fire(t)
	if len(backupsIn(t, mw)) != 1 || !strings.HasPrefix(mw.backupLine.Text, "Backed up") {
		t.Fatalf("the retry did not back up: %q", mw.backupLine.Text)
	}
}

// TestWindowCloseBacksUpThenCloses: closing the window with changes not yet backed up
// backs them up first, then closes; with nothing changed it closes at once; a backup
// that fails at close still closes the window.
func TestWindowCloseBacksUpThenCloses(t *testing.T) {
	mw, ft, _ := newBackupWindow(t, filepath.Join(t.TempDir(), "p.dossier"))
	closed := 0
	mw.closeWindow = func() { closed++ }
	addActor(t, mw, "Marta Ilves")
	mw.closing()
	if closed != 1 {
		t.Fatalf("the window closed %d times, want 1", closed)
	}
	files := backupsIn(t, mw)
	if len(files) != 1 {
		t.Fatalf("%d backups at close, want 1", len(files))
	}
	if info, err := db.VerifyBackup(context.Background(), files[0].Path); err != nil || info.Counts.Actors != 1 {
		t.Fatalf("close backup %+v %v", info.Counts, err)
	}
	if len(ft.live()) != 0 {
		t.Fatal("the idle timer still runs after close")
	}

	// Ended without its close (the app quit on a signal): FinishBackups backs up.
	mw4, _, _ := newBackupWindow(t, filepath.Join(t.TempDir(), "s.dossier"))
	addActor(t, mw4, "Petra Szabo")
	mw4.FinishBackups()
	mw4.FinishBackups() // a second call does nothing
	if n := len(backupsIn(t, mw4)); n != 1 {
		t.Fatalf("FinishBackups wrote %d backups, want 1", n)
	}

	// Nothing changed: no backup, closed at once.
	mw2, _, _ := newBackupWindow(t, filepath.Join(t.TempDir(), "q.dossier"))
	closed2 := 0
	mw2.closeWindow = func() { closed2++ }
	mw2.closing()
	if closed2 != 1 || len(backupsIn(t, mw2)) != 0 {
		t.Fatalf("unchanged project: closed %d, %d backups", closed2, len(backupsIn(t, mw2)))
	}

	// The backup fails at close: the window closes all the same.
	mw3, _, dataDir := newBackupWindow(t, filepath.Join(t.TempDir(), "r.dossier"))
	closed3 := 0
	mw3.closeWindow = func() { closed3++ }
	os.WriteFile(filepath.Join(dataDir, "backups"), []byte("in the way"), 0o644)
	addActor(t, mw3, "Nils Odegaard")
	mw3.closing()
	if closed3 != 1 {
		t.Fatalf("a failed backup at close kept the window open (closed %d)", closed3)
	}
}

// TestBackupSettingsDialog: File ▸ Backup settings… shows the settings; saved, they are
// kept in the preferences and applied to the running backups (turned off: a change
// arms nothing, and the backup line says backups are off).
func TestBackupSettingsDialog(t *testing.T) {
	mw, ft, _ := newBackupWindow(t, filepath.Join(t.TempDir(), "p.dossier"))
	mw.showBackupSettings()
	top := mw.u.win.Canvas().Overlays().Top()
	text := dossierText(top)
	mustContain(t, text, "Back up the project automatically", mw.backupDir())
	var entries []*keyEntry
	var check *widget.Check
	for _, o := range test.LaidOutObjects(top) {
		switch v := o.(type) {
		case *keyEntry:
			entries = append(entries, v)
		case *widget.Check:
			check = v
		}
	}
	if len(entries) != 3 || check == nil || entries[0].Text != "3" || entries[1].Text != "10" || entries[2].Text != "30" {
		t.Fatalf("the form shows %d entries, check %v", len(entries), check != nil)
	}
	entries[0].SetText("7")
	entries[1].SetText("4")
	entries[2].SetText("12")
	test.Tap(check) // off
	test.Tap(findButton(top, "Save"))
	got := loadBackupSettings()
	if got != (backupSettings{Auto: false, IdleMin: 7, KeepLast: 4, DailyDays: 12}) {
		t.Fatalf("saved settings %+v", got)
	}
	addActor(t, mw, "Olga Petrenko")
	if len(ft.live()) != 0 {
		t.Fatal("a change armed the idle timer with backups off")
	}
	if !strings.Contains(mw.backupLine.Text, "off") {
		t.Fatalf("backup line %q does not say backups are off", mw.backupLine.Text)
	}
	// A number out of range is refused by the form.
	mw.showBackupSettings()
	top = mw.u.win.Canvas().Overlays().Top()
	for _, o := range test.LaidOutObjects(top) {
		if e, ok := o.(*keyEntry); ok {
			e.SetText("0")
			break
		}
	}
	test.Tap(findButton(top, "Save"))
	if loadBackupSettings().IdleMin != 7 {
		t.Fatal("an idle time of 0 minutes was saved")
	}
}

// TestRestoreFromBackupDialog: File ▸ Restore from backup… lists the backups newest
// first; choosing one verifies it and shows its counts; Restore (after a confirmation)
// backs the current state up, replaces the project and reopens it in the window. A
// backup that does not verify is refused with the reason, and cannot be restored.
func TestRestoreFromBackupDialog(t *testing.T) {
	ctx := context.Background()
	mw, _, dataDir := newBackupWindow(t, filepath.Join(t.TempDir(), "p.dossier"))
	addActor(t, mw, "Pia Lindqvist")
	old, _, err := app.BackupToFolder(ctx, dataDir, unwatched(mw.u.store).(app.BackupWriter), time.Now().Add(-time.Hour), nil)
	if err != nil {
		t.Fatal(err)
	}
	addActor(t, mw, "Quentin Marchal")
	// A newer "backup" that is not one.
	bogus := filepath.Join(mw.backupDir(), app.BackupName(time.Now().Add(-time.Minute)))
	if err := os.WriteFile(bogus, []byte("not a database at all"), 0o644); err != nil {
		t.Fatal(err)
	}

	mw.restoreFromBackup()
	rd := mw.restoreDialog
	if rd == nil || len(rd.files) != 2 || rd.files[0].Path != bogus || rd.files[1].Path != old.Path {
		t.Fatalf("the dialog lists %+v, want the bogus file then the backup (newest first)", rd.files)
	}
	// Every line comes to say what its backup holds, without choosing it.
	if row := rd.rowText(0); !strings.Contains(row, "does not verify") {
		t.Fatalf("the bogus backup's line %q", row)
	}
	if row := rd.rowText(1); !strings.Contains(row, "1 actor") {
		t.Fatalf("the backup's line %q lacks its counts", row)
	}
	rd.list.Select(0)
	if !rd.restore.Disabled() || !strings.Contains(rd.detail.Text, "cannot be restored") {
		t.Fatalf("the bogus backup: restore enabled %v, detail %q", !rd.restore.Disabled(), rd.detail.Text)
	}
	rd.list.Select(1)
	if rd.restore.Disabled() || !strings.Contains(rd.detail.Text, "1 actor") {
		t.Fatalf("the good backup: restore disabled %v, detail %q", rd.restore.Disabled(), rd.detail.Text)
	}
	if row := rd.rowText(1); !strings.Contains(row, "1 actor") || !strings.Contains(row, "KB") {
		t.Fatalf("row %q lacks counts and size", row)
	}
	test.Tap(rd.restore)
	confirm := mw.u.win.Canvas().Overlays().Top()
	mustContain(t, dossierText(confirm), "replaced by the backup taken", "1 actor", "backed up first")
	test.Tap(findButton(confirm, "Restore"))

	n, err := mw.u.store.CountActors(ctx, app.ActorQuery{})
	if err != nil || n != 1 {
		t.Fatalf("after the restore the window's project has %d actors (%v), want 1", n, err)
	}
	mustContain(t, dossierText(mw.u.win.Canvas().Overlays().Top()), "restored from the backup", "to undo this")
	// The state replaced was backed up first: three files now, the newest holds 2 actors.
	files := backupsIn(t, mw)
	if len(files) != 3 {
		t.Fatalf("%d backups after the restore, want 3", len(files))
	}
	if info, err := db.VerifyBackup(ctx, files[0].Path); err != nil || info.Counts.Actors != 2 {
		t.Fatalf("the backup taken before the restore holds %+v (%v), want 2 actors", info.Counts, err)
	}
	// The window still works on the project: a change is saved and backed up later.
	addActor(t, mw, "Rosa Quintero")
}

// damagedWithBackup makes a project with three actors, backs it up into the backups
// folder of dataDir, adds a fourth actor and then damages a page of the actors table.
func damagedWithBackup(t *testing.T, dataDir string) string {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "damaged.dossier")
	st, err := db.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"Ada Keller", "Bruno Lind", "Carla Mendez"} {
		if _, err := st.CreateActor(ctx, app.Actor{Name: name, Kind: app.Person}); err != nil {
			t.Fatal(err)
		}
	}
	if _, _, err := app.BackupToFolder(ctx, dataDir, st, time.Now().Add(-time.Hour), nil); err != nil {
		t.Fatal(err)
	}
	if _, err := st.CreateActor(ctx, app.Actor{Name: "Dora Nyberg", Kind: app.Person}); err != nil {
		t.Fatal(err)
	}
	leaves, _, pageSize, err := st.PagesOf(ctx, "actors")
	if err != nil || len(leaves) == 0 {
		t.Fatalf("actors pages %v %v", leaves, err)
	}
	st.Close()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteAt(bytes.Repeat([]byte{0xA5}, pageSize), (leaves[0]-1)*int64(pageSize))
	f.Close()
	return path
}

// TestDamagedAtOpenOffersNewestVerifiedBackup: a project found damaged at open shows,
// under its banner, the offer to restore the newest backup that verifies. The newest file
// there does not verify and is passed over, with its reason; the one restored is shown
// with its date and counts first. The damaged file is kept, byte for byte, before it is
// replaced; the window then works on the whole project.
func TestDamagedAtOpenOffersNewestVerifiedBackup(t *testing.T) {
	test.NewTempApp(t)
	dataDir := t.TempDir()
	path := damagedWithBackup(t, dataDir)
	damagedBytes, _ := os.ReadFile(path)
	mw, _, _ := newBackupWindowAt(t, path, dataDir)
	if storeDamage(mw.u.store) == "" || mw.auto.Load() != nil {
		t.Fatalf("the damaged project opened whole (damage %q) or is being backed up", storeDamage(mw.u.store))
	}
	bogus := filepath.Join(mw.backupDir(), app.BackupName(time.Now()))
	os.WriteFile(bogus, []byte("a half-written copy"), 0o644)
	restore := findButton(mw.banner, "Restore the newest backup that verifies")
	if restore == nil || findButton(mw.banner, "Salvage every readable row") == nil {
		t.Fatalf("the banner offers no way on:\n%s", dossierText(mw.banner))
	}
	test.Tap(restore)
	confirm := mw.u.win.Canvas().Overlays().Top()
	mustContain(t, dossierText(confirm), "3 actors", "passed over", "damaged project file is first copied")
	test.Tap(findButton(confirm, "Restore"))

	if storeDamage(mw.u.store) != "" || mw.banner.Visible() {
		t.Fatal("after the restore the window still has the damaged project")
	}
	n, err := mw.u.store.CountActors(context.Background(), app.ActorQuery{})
	if err != nil || n != 3 {
		t.Fatalf("restored project has %d actors (%v), want 3", n, err)
	}
	var kept string
	entries, _ := os.ReadDir(mw.backupDir())
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), app.DamagedMarker+app.BackupExt) {
			kept = filepath.Join(mw.backupDir(), e.Name())
		}
	}
	got, err := os.ReadFile(kept)
	if err != nil || !bytes.Equal(got, damagedBytes) {
		t.Fatalf("the damaged file was not kept byte for byte (%q, %v)", kept, err)
	}
	if mw.auto.Load() == nil {
		t.Fatal("the restored project is not backed up automatically")
	}
}

// TestDamagedAtOpenSalvage: the other way on: every readable row goes into a new
// project; the report says what was saved table by table and that the new project passes
// the full check; Open the new project switches the window to it. With no backup at all,
// the restore offer says so and points to salvage.
func TestDamagedAtOpenSalvage(t *testing.T) {
	test.NewTempApp(t)
	path := damagedProjectFile(t)
	mw, _, _ := newBackupWindowAt(t, path, t.TempDir())
	test.Tap(findButton(mw.banner, "Restore the newest backup that verifies"))
	mustContain(t, dossierText(mw.u.win.Canvas().Overlays().Top()), "There is no backup", "Salvage")
	mw.u.win.Canvas().Overlays().Top().Hide()

	before, _ := os.ReadFile(path)
	// The banner's button asks for the new project's name (beside the damaged one).
	test.Tap(findButton(mw.banner, "Salvage every readable row"))
	form := mw.u.win.Canvas().Overlays().Top()
	test.Tap(findButton(form, "Salvage"))
	out := filepath.Join(filepath.Dir(path), "salvaged damaged.dossier")
	report := mw.u.win.Canvas().Overlays().Top()
	mustContain(t, dossierText(report), "actors:", "passes the full check", "only read")
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Fatal("salvage changed the damaged file")
	}
	test.Tap(findButton(report, "Open the new project"))
	if mw.u.store.Path() != out || storeDamage(mw.u.store) != "" {
		t.Fatalf("the window is on %s (damage %q), want the salvaged project", mw.u.store.Path(), storeDamage(mw.u.store))
	}
}

// newBackupWindowAt is newBackupWindow with a given data folder (its backups already there).
func newBackupWindowAt(t *testing.T, path, dataDir string) (*Window, *testTimers, string) {
	t.Helper()
	ctx := context.Background()
	st, err := openForWindow(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(1200, 800))
	projects := Projects{Open: openForWindow, DataDir: dataDir, VerifyBackup: db.VerifyBackup, Salvage: db.Salvage}
	mw := newWindow(ctx, w, st, projects, true)
	t.Cleanup(func() { mw.u.store.Close() })
	ft := &testTimers{}
	mw.afterFunc = ft.after
	mw.startAutoBackup(mw.u.store)
	return mw, ft, dataDir
}
