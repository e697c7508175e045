package views

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
)

// The automatic sync with the team's hub (app.AutoSync decides when): once connected in
// this session, the window syncs a short while after local changes settle and at an
// interval, backing off while the hub is out of reach, with the password held in memory
// only. File ▸ Team ▸ Sync automatically turns it off or on for this project; the
// status bar's line says how it stands, and a click on it opens the conflicts to
// review, or tries again at once when the hub was out of reach.

// teamAutoStore keeps whether the project syncs on its own (db.Store).
type teamAutoStore interface {
	HubAutoSync(ctx context.Context, place app.HubPlace) (bool, error)
	SetHubAutoSync(ctx context.Context, place app.HubPlace, on bool) error
}

// tapLabel is a label that does something when clicked.
type tapLabel struct {
	widget.Label
	onTap func()
}

func newTapLabel() *tapLabel {
	l := &tapLabel{}
	l.ExtendBaseWidget(l)
	return l
}

// Tapped runs the label's action.
func (l *tapLabel) Tapped(*fyne.PointEvent) {
	if l.onTap != nil {
		l.onTap()
	}
}

// Cursor says the label can be clicked.
func (l *tapLabel) Cursor() desktop.Cursor { return desktop.PointerCursor }

// neverFires is the sync's clock in a test window that did not set one: its timers never
// fire, so no sync runs after the test.
func neverFires(time.Duration, func()) app.Timer { return stoppedTimer{} }

type stoppedTimer struct{}

func (stoppedTimer) Stop() bool { return false }

// teamAuto is the session's automatic sync, started on the first sync asked for, its
// scheduled syncs on or off as this project last said.
func (mw *Window) teamAuto() *app.AutoSync {
	ts := mw.teamState()
	ts.mu.Lock()
	defer ts.mu.Unlock()
	if ts.auto != nil {
		return ts.auto
	}
	on := mw.autoSyncOn(mw.u.ctx, ts.place)
	after := mw.syncAfter
	if after == nil {
		after = app.RealAfterFunc
		if mw.u.inline {
			after = neverFires
		}
	}
	ts.auto = app.NewAutoSync(app.AutoSyncConfig{After: after, Go: mw.u.async0, Sync: mw.syncOnce, Report: mw.syncReport}, on)
	mw.checkAutoSync(on)
	mw.enableTeamItems(true)
	return ts.auto
}

// async0 runs f off the UI goroutine (inline in tests), as async does.
func (u *UI) async0(f func()) { u.async(func(context.Context) { f() }) }

// autoSyncOn says whether the project syncs with place on its own (on when unsaid).
func (mw *Window) autoSyncOn(ctx context.Context, place app.HubPlace) bool {
	s, ok := unwatched(mw.u.store).(teamAutoStore)
	if !ok || place.URL == "" {
		return true
	}
	on, err := s.HubAutoSync(ctx, place)
	return err != nil || on
}

// syncReport puts the automatic sync's status in the status bar. It runs under the
// AutoSync's lock: it only hands the text to the UI goroutine.
func (mw *Window) syncReport(s app.AutoSyncStatus) {
	mw.setTeamLine(s.Text())
}

// teamChanged tells the automatic sync the project was written to. Any goroutine.
func (mw *Window) teamChanged() {
	if mw.team == nil {
		return
	}
	mw.team.mu.Lock()
	a := mw.team.auto
	mw.team.mu.Unlock()
	if a != nil {
		a.Changed()
	}
}

// teamDisconnect ends this session's connection: the automatic sync stops (a sync under
// way is cut; the next finishes its work), the hub's connections are closed, the
// password is forgotten.
func (mw *Window) teamDisconnect() {
	if mw.team == nil {
		return
	}
	mw.dropHub()
	mw.enableTeamItems(false)
	fyne.Do(mw.team.line.Hide)
}

// dropHub stops the automatic sync, closes the hub's connections and forgets the
// password, touching nothing on screen: the app may be quitting.
func (mw *Window) dropHub() {
	if mw.team == nil {
		return
	}
	ts := mw.team
	ts.mu.Lock()
	a, pool := ts.auto, ts.pool
	ts.auto, ts.pool, ts.place, ts.password, ts.remember, ts.manual = nil, nil, app.HubPlace{}, "", false, false
	ts.mu.Unlock()
	if a != nil {
		a.Stop()
	}
	if pool != nil {
		pool.close()
	}
}

// teamDisconnectAsked is File ▸ Team ▸ Disconnect.
func (mw *Window) teamDisconnectAsked() {
	ts := mw.teamState()
	ts.mu.Lock()
	connected := ts.auto != nil
	ts.mu.Unlock()
	if !connected {
		mw.setTeamLine("Team: not connected to a hub (File ▸ Team ▸ Connect…)")
		return
	}
	mw.teamDisconnect()
	mw.setTeamLine("Team: disconnected — no automatic sync; the password is forgotten")
}

// autoSyncItem is File ▸ Team ▸ Sync automatically, checked when on.
func (mw *Window) autoSyncItem() *fyne.MenuItem {
	mw.teamState().item = fyne.NewMenuItem("Sync automatically", mw.toggleAutoSync)
	mw.teamState().item.Checked = true
	mw.readAutoSyncCheck()
	return mw.teamState().item
}

// readAutoSyncCheck sets the menu's check from what the open project says of the hub it
// last synced with (on when it never did).
func (mw *Window) readAutoSyncCheck() {
	store, ok := unwatched(mw.u.store).(teamStore)
	if !ok {
		return
	}
	mw.u.async(func(ctx context.Context) {
		on := true
		if places, err := store.HubPlaces(ctx); err == nil && len(places) > 0 {
			on = mw.autoSyncOn(ctx, places[0])
		}
		mw.checkAutoSync(on)
	})
}

// checkAutoSync shows on the menu whether scheduled syncs are on.
func (mw *Window) checkAutoSync(on bool) {
	fyne.Do(func() {
		if mw.teamState().item == nil || mw.teamState().item.Checked == on {
			return
		}
		mw.teamState().item.Checked = on
		if m := mw.u.win.MainMenu(); m != nil {
			m.Refresh()
		}
	})
}

// toggleAutoSync turns the automatic sync off or on, and keeps the choice in the project
// for the hub connected (or last synced with).
func (mw *Window) toggleAutoSync() {
	ts := mw.teamState()
	ts.mu.Lock()
	a, place := ts.auto, ts.place
	ts.mu.Unlock()
	s, ok := unwatched(mw.u.store).(teamAutoStore)
	if place.URL == "" {
		if st, isTeam := unwatched(mw.u.store).(teamStore); isTeam {
			if places, err := st.HubPlaces(mw.u.ctx); err == nil && len(places) > 0 {
				place = places[0]
			}
		}
	}
	if place.URL == "" || !ok {
		mw.u.showInfo("Team", "Connect to the team's hub first (File ▸ Team ▸ Connect…).")
		return
	}
	on := !mw.autoSyncOn(mw.u.ctx, place)
	if a != nil {
		on = !a.Enabled()
		a.SetEnabled(on)
	}
	mw.checkAutoSync(on)
	mw.u.async(func(ctx context.Context) {
		if err := s.SetHubAutoSync(ctx, place, on); err != nil {
			mw.u.showError(err)
		}
	})
}

// teamLineTapped opens the conflicts the last sync met, or tries again at once when the
// hub was out of reach or refused.
func (mw *Window) teamLineTapped() {
	ts := mw.teamState()
	ts.mu.Lock()
	a, rep := ts.auto, ts.review
	ts.mu.Unlock()
	if a == nil {
		return
	}
	switch a.Status().State {
	case app.SyncConflicts:
		mw.showSyncConflicts(rep)
	case app.SyncOffline, app.SyncFailed:
		mw.runSync("")
	}
}
