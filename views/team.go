package views

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
	"dossier/app/teamsync"
)

// File ▸ Team: connect the project to a collection of the team's hub and sync with it.
// The hub's URL and collection are remembered in the project; the password never is: it
// is asked for and kept in memory while the window is open (or PostgreSQL's own
// PGPASSFILE, ~/.pgpass, supplies it).

// teamStore is what File ▸ Team needs of the store (db.Store).
type teamStore interface {
	teamsync.Local
	HubPlaces(ctx context.Context) ([]app.HubPlace, error)
	RememberHub(ctx context.Context, place app.HubPlace) error
}

// TeamHub is a connection to a hub (db/hub's Hub).
type TeamHub interface {
	teamsync.Remote
	Close(ctx context.Context) error
	// Ping checks a connection kept between uses still works.
	Ping(ctx context.Context) error
}

// HubConnector connects to the hub at a postgres:// URL.
type HubConnector func(ctx context.Context, url string) (TeamHub, error)

// teamState is the window's hub connection: where, the password given this session,
// the automatic sync (team_auto.go), and the line the status bar shows.
type teamState struct {
	mu       sync.Mutex
	place    app.HubPlace
	password string
	auto     *app.AutoSync // nil: not connected this session
	remember bool          // the next sync keeps place in the project first
	manual   bool          // the next sync was asked for: its conflicts are shown at once
	review   app.HubSyncReport
	line     *tapLabel
	item     *fyne.MenuItem // File ▸ Team ▸ Sync automatically
	pool     *hubPool       // the session's connections (team_conn.go); nil until the first
	// needing lists File ▸ Team's items that need a connection: enabled only while connected.
	needing []*fyne.MenuItem
	subs    *subsForm // the Subscriptions dialog last shown
	// url, collection and password are the Connect dialog's fields while it is open.
	url, collection, pass *widget.Entry
}

func (mw *Window) teamState() *teamState {
	if mw.team == nil {
		mw.team = &teamState{line: newTapLabel()}
		mw.team.line.Wrapping = fyne.TextWrapWord
		mw.team.line.Hide()
		mw.team.line.onTap = mw.teamLineTapped
	}
	return mw.team
}

// teamLine is the status bar's line about syncing: when the project last synced, if it
// ever did (hidden otherwise), then how each sync went.
func (mw *Window) teamLine() fyne.CanvasObject {
	ts := mw.teamState()
	if store, ok := unwatched(mw.u.store).(teamStore); ok {
		mw.u.async(func(ctx context.Context) {
			places, err := store.HubPlaces(ctx)
			if err != nil || len(places) == 0 {
				return
			}
			st, err := store.HubSyncState(ctx, places[0])
			if err != nil || st.SyncedAt.IsZero() {
				return
			}
			mw.setTeamLine(fmt.Sprintf("Last synced with %s %s — %d sent, %d received", places[0].Collection,
				st.SyncedAt.Local().Format("2 Jan 15:04"), st.Sent, st.Received))
		})
	}
	return ts.line
}

// teamMenu is File ▸ Team.
func (mw *Window) teamMenu() *fyne.MenuItem {
	it := fyne.NewMenuItem("Team", nil)
	ts := mw.teamState()
	ts.needing = []*fyne.MenuItem{item("Sync now", mw.syncNow, "", 0), item("Subscriptions…", mw.teamSubscriptions, "", 0),
		item("Disconnect", mw.teamDisconnectAsked, "", 0)}
	for _, n := range ts.needing {
		n.Disabled = true // until File ▸ Team ▸ Connect…
	}
	it.ChildMenu = fyne.NewMenu("", item("Connect…", mw.teamConnect, "", 0), ts.needing[0], ts.needing[1],
		mw.autoSyncItem(), ts.needing[2])
	return it
}

// enableTeamItems enables File ▸ Team's items that need a connection, or disables them.
func (mw *Window) enableTeamItems(connected bool) {
	ts := mw.teamState()
	fyne.Do(func() {
		for _, n := range ts.needing {
			n.Disabled = !connected
		}
		if m := mw.u.win.MainMenu(); m != nil {
			m.Refresh()
		}
	})
}

// teamConnect asks for the hub's URL, the collection and the password, prefilled with
// the hub this project last synced with, then syncs.
func (mw *Window) teamConnect() {
	ts := mw.teamState()
	store, ok := unwatched(mw.u.store).(teamStore)
	if !ok || mw.projects.ConnectHub == nil {
		mw.u.showInfo("Team", "This build of Dossier cannot sync with a hub.")
		return
	}
	ts.url, ts.collection, ts.pass = widget.NewEntry(), widget.NewEntry(), widget.NewPasswordEntry()
	ts.url.SetPlaceHolder("postgres://USER@HOST/DATABASE")
	ts.collection.SetPlaceHolder("the collection's name")
	ts.pass.SetPlaceHolder("empty: PGPASSFILE (~/.pgpass) supplies it")
	if places, err := store.HubPlaces(mw.u.ctx); err == nil && len(places) > 0 {
		ts.url.SetText(places[0].URL)
		ts.collection.SetText(places[0].Collection)
	}
	note := widget.NewLabel("The password is kept in memory only, while this window is open, for syncing now and automatically; it is never written to the project.")
	note.Wrapping = fyne.TextWrapWord
	form := []*widget.FormItem{
		widget.NewFormItem("Hub", ts.url),
		widget.NewFormItem("Collection", ts.collection),
		widget.NewFormItem("Password", ts.pass),
		widget.NewFormItem("", note),
	}
	d := dialog.NewForm("Connect to the team's hub", "Connect and sync", "Cancel", form, func(ok bool) {
		if !ok {
			return
		}
		raw, pass := strings.TrimSpace(ts.url.Text), ts.pass.Text
		if u, err := url.Parse(raw); err == nil && u.User != nil {
			if p, has := u.User.Password(); has && pass == "" {
				pass = p // given in the URL: used, never kept
			}
		}
		place := app.HubPlace{URL: app.WithoutPassword(raw), Collection: strings.TrimSpace(ts.collection.Text)}
		if place.URL == "" || place.Collection == "" {
			mw.u.showError(app.Errorf(app.EINVALID, "Give the hub's address and the collection's name."))
			return
		}
		mw.teamDisconnect()
		ts.mu.Lock()
		ts.place, ts.password, ts.remember = place, pass, true
		ts.mu.Unlock()
		mw.runSync("")
	}, mw.u.win)
	d.Resize(fyne.NewSize(560, 320))
	mw.u.showKeyed(d, dialogKeys{cancel: d.Hide, confirm: d.Submit})
}

// syncNow syncs with the hub connected this session, or the one the project last
// synced with; with none, it asks.
func (mw *Window) syncNow() {
	ts := mw.teamState()
	store, ok := unwatched(mw.u.store).(teamStore)
	if !ok || mw.projects.ConnectHub == nil {
		mw.u.showInfo("Team", "This build of Dossier cannot sync with a hub.")
		return
	}
	ts.mu.Lock()
	known := ts.place.URL != ""
	ts.mu.Unlock()
	if !known {
		places, err := store.HubPlaces(mw.u.ctx)
		if err != nil || len(places) == 0 {
			mw.teamConnect()
			return
		}
		ts.mu.Lock()
		ts.place = places[0]
		ts.mu.Unlock()
	}
	mw.runSync("")
}

// runSync asks for a sync now, through the automatic sync (started if this session has
// not connected yet), so that it never runs beside another; conflicts it meets are shown
// for review at once, with the three ways to settle them.
func (mw *Window) runSync(choice app.ConflictChoice) {
	ts := mw.teamState()
	ts.mu.Lock()
	ts.manual = true
	ts.mu.Unlock()
	mw.teamAuto().SyncNow(choice)
}

// syncOnce syncs once on a connection of the session's pool; the automatic sync calls
// it, off the UI goroutine, never twice at once.
func (mw *Window) syncOnce(ctx context.Context, choice app.ConflictChoice) app.SyncOutcome {
	ts := mw.teamState()
	store := unwatched(mw.u.store).(teamStore)
	ts.mu.Lock()
	remember, manual := ts.remember, ts.manual
	ts.manual = false
	ts.mu.Unlock()
	var rep app.HubSyncReport
	err := mw.withHub(ctx, func(h TeamHub, place app.HubPlace) error {
		if remember {
			if err := store.RememberHub(ctx, place); err != nil {
				return err
			}
			ts.mu.Lock()
			ts.remember = false
			ts.mu.Unlock()
		}
		var err error
		rep, err = teamsync.Sync(ctx, store, h, place, app.HubSyncOptions{Conflicts: choice, SendDespiteConflicts: true})
		return err
	})
	if rep.Received > 0 {
		mw.projectWritten()
		fyne.Do(func() {
			mw.u.articles.reload()
			mw.u.queue.reload()
			mw.u.dossier.reload() // a colleague's change (or a revert) to the actor on screen
		})
	}
	out := app.SyncOutcome{At: rep.At, Sent: rep.Sent, Received: rep.Received, Err: err, Stale: rep.Stale, Subscribed: len(rep.OnlyTags) > 0}
	if app.IsCode(err, app.ECONFLICT) {
		out.Conflicts = len(rep.Merge.Conflicts)
		ts.mu.Lock()
		ts.review = rep
		ts.mu.Unlock()
		if manual {
			fyne.Do(func() { mw.showSyncConflicts(rep) })
		}
	}
	return out
}

// showSyncConflicts lists the records changed both here and on the hub and offers the
// ways to settle them; nothing was written.
func (mw *Window) showSyncConflicts(rep app.HubSyncReport) {
	intro := fmt.Sprintf("%d record(s) were changed both here and on the hub since the last sync: choose which version to keep. Nothing was written yet.", len(rep.Merge.Conflicts))
	d := dialog.NewCustomWithoutButtons("Sync: conflicts", mergeReportBody(intro, rep.Merge), mw.u.win)
	cancel := widget.NewButton("Cancel", d.Hide)
	run := func(c app.ConflictChoice) func() {
		return func() { d.Hide(); mw.runSync(c) }
	}
	d.SetButtons([]fyne.CanvasObject{cancel, widget.NewButton("Keep mine", run(app.KeepMine)),
		widget.NewButton("Take theirs", run(app.TakeTheirs)), widget.NewButton("Keep both", run(app.KeepBoth))})
	d.Resize(fyne.NewSize(760, 520))
	mw.u.showKeyed(d, dialogKeys{cancel: d.Hide})
}

func (mw *Window) setTeamLine(text string) {
	ts := mw.teamState()
	fyne.Do(func() {
		ts.line.SetText(text)
		ts.line.Show()
	})
}

// withPassword is raw with the password put in, for connecting only.
func withPassword(raw, pass string) string {
	if pass == "" {
		return raw
	}
	u, err := url.Parse(raw)
	if err != nil || u.User == nil {
		return raw
	}
	u.User = url.UserPassword(u.User.Username(), pass)
	return u.String()
}
