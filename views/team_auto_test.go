package views

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"dossier/app"
	"dossier/app/teamsync"
	"dossier/db"
	"dossier/db/hub"
	"dossier/db/hub/hubtest"
)

// teamHub starts a throwaway hub with the given members, each granted writing the
// collection "gulf desk", and returns the cluster and the database's name.
func teamHub(t *testing.T, members ...string) (*hubtest.Cluster, string) {
	t.Helper()
	ctx := context.Background()
	c, err := hubtest.Start()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Stop)
	name, err := c.NewDatabase(ctx)
	if err != nil {
		t.Fatal(err)
	}
	admin, err := hub.Connect(ctx, c.AdminURL(name))
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close(ctx)
	if _, err := admin.Init(ctx); err != nil {
		t.Fatal(err)
	}
	for _, u := range members {
		if err := admin.AddUser(ctx, u, u+"-secret-pw"); err != nil {
			t.Fatal(err)
		}
		if err := admin.Grant(ctx, u, "gulf desk", true); err != nil {
			t.Fatal(err)
		}
	}
	return c, name
}

// memberSync syncs st as member with the hub's "gulf desk".
func memberSync(t *testing.T, c *hubtest.Cluster, dbName, member string, st *db.Store) app.HubSyncReport {
	t.Helper()
	ctx := context.Background()
	h, err := hub.Connect(ctx, c.UserURL(dbName, member, member+"-secret-pw"))
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close(ctx)
	rep, err := teamsync.Sync(ctx, st, h, app.HubPlace{URL: app.WithoutPassword(c.UserURL(dbName, member, "")), Collection: "gulf desk"}, app.HubSyncOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// nextSync checks the automatic sync's one timer is set for want and fires it.
func nextSync(t *testing.T, ft *testTimers, want time.Duration) {
	t.Helper()
	if live := ft.live(); len(live) != 1 || live[0].d != want {
		t.Fatalf("the next sync: %d timers, want one set for %v", len(live), want)
	}
	ft.fire(t)
}

// The automatic sync against a real hub: once connected, a change made in the window
// is sent after the settle time, a colleague's change arrives at the interval, a
// conflict is said in the status bar (never settled, no dialog thrown up) and opened by
// a click on it, an unreachable hub is said with the back-off's next try; turned off,
// nothing is scheduled and the choice is kept in the project for the next connection;
// disconnected, nothing runs. The status bar's line follows each sync's outcome.
func TestTeamAutoSync(t *testing.T) {
	ctx := context.Background()
	c, name := teamHub(t, "yara", "zeno")
	zeno := colleagueProject(t)
	if _, err := zeno.CreateActor(ctx, app.Actor{Name: "Harbour Board", Kind: app.Organisation}); err != nil {
		t.Fatal(err)
	}
	memberSync(t, c, name, "zeno", zeno)

	mw, st := checkWindow(t)
	mw.projects.ConnectHub = hubConnector
	ft := &testTimers{}
	mw.syncAfter = ft.after
	ts := mw.team
	connect := func() {
		t.Helper()
		mw.teamConnect()
		if text := dossierText(mw.u.win.Canvas().Overlays().Top()); !strings.Contains(text, "kept in memory only") {
			t.Fatalf("the Connect dialog does not say where the password is kept:\n%s", text)
		}
		ts.url.SetText(app.WithoutPassword(c.UserURL(name, "yara", "")))
		ts.collection.SetText("gulf desk")
		ts.pass.SetText("yara-secret-pw")
		tapDialogButton(t, mw.u.win, "Connect and sync")
	}
	connect()
	if got := ts.line.Text; !strings.HasPrefix(got, "Team: synced ") || !strings.HasSuffix(got, "2 sent, 1 received") {
		t.Fatalf("after connecting the status bar says %q", got)
	}

	// A change made here is sent once changes settle.
	if _, err := mw.u.store.CreateActor(ctx, app.Actor{Name: "Port Council", Kind: app.GovernmentBody}); err != nil {
		t.Fatal(err)
	}
	nextSync(t, ft, app.DefaultSyncSettle)
	if got := ts.line.Text; !strings.HasSuffix(got, "1 sent, 0 received") {
		t.Errorf("after a change the status bar says %q", got)
	}
	if rep := memberSync(t, c, name, "zeno", zeno); rep.Received != 3 { // the window's two articles, then its actor
		t.Errorf("zeno received %d, want 3", rep.Received)
	}

	// A colleague's change arrives at the interval; taking it in schedules no sync of its own.
	zb, err := zeno.FindActor(ctx, "Harbour Board")
	if err != nil {
		t.Fatal(err)
	}
	zb.Description = "Runs the ferry port."
	if _, err := zeno.UpdateActor(ctx, zb); err != nil {
		t.Fatal(err)
	}
	memberSync(t, c, name, "zeno", zeno)
	nextSync(t, ft, app.DefaultSyncInterval)
	if got := ts.line.Text; !strings.HasSuffix(got, "0 sent, 1 received") {
		t.Errorf("after zeno's change the status bar says %q", got)
	}
	if a, _ := st.FindActor(ctx, "Harbour Board"); a.Description != "Runs the ferry port." {
		t.Errorf("zeno's change did not arrive: %q", a.Description)
	}

	// A conflict: said, not settled, no dialog until the line is clicked.
	if zb, err = zeno.FindActor(ctx, "Harbour Board"); err != nil {
		t.Fatal(err)
	}
	zb.Description = "zeno's words"
	if _, err := zeno.UpdateActor(ctx, zb); err != nil {
		t.Fatal(err)
	}
	memberSync(t, c, name, "zeno", zeno)
	yb, err := st.FindActor(ctx, "Harbour Board")
	if err != nil {
		t.Fatal(err)
	}
	yb.Description = "yara's words"
	if _, err := mw.u.store.UpdateActor(ctx, yb); err != nil {
		t.Fatal(err)
	}
	nextSync(t, ft, app.DefaultSyncSettle)
	if got := ts.line.Text; got != "Team: 1 conflict to review" {
		t.Errorf("with a conflict the status bar says %q", got)
	}
	if top := mw.u.win.Canvas().Overlays().Top(); top != nil {
		t.Errorf("an automatic sync threw up a dialog:\n%s", dossierText(top))
	}
	if a, _ := st.FindActor(ctx, "Harbour Board"); a.Description != "yara's words" {
		t.Errorf("the conflict was settled on its own: %q", a.Description)
	}
	nextSync(t, ft, app.DefaultSyncInterval) // the syncs go on; the conflict waits
	test.Tap(ts.line)
	if text := dossierText(mw.u.win.Canvas().Overlays().Top()); !strings.Contains(text, "Harbour Board") {
		t.Fatalf("a click on the line does not show the conflict:\n%s", text)
	}
	tapDialogButton(t, mw.u.win, "Keep mine")
	if got := ts.line.Text; !strings.HasPrefix(got, "Team: synced ") || !strings.Contains(got, "1 sent") {
		t.Errorf("after Keep mine the status bar says %q", got)
	}

	// The hub out of reach: said, with the next try, which backs off.
	good := ts.place.URL
	ts.place.URL = "postgres://yara@127.0.0.1:1/none?sslmode=disable&connect_timeout=5"
	nextSync(t, ft, app.DefaultSyncInterval)
	if got := ts.line.Text; !strings.HasPrefix(got, "Team: offline since ") || !strings.Contains(got, ", retrying at ") {
		t.Errorf("with the hub unreachable the status bar says %q", got)
	}
	nextSync(t, ft, 30*time.Second)
	nextSync(t, ft, time.Minute)
	ts.place.URL = good
	nextSync(t, ft, 2*time.Minute)
	if got := ts.line.Text; !strings.HasPrefix(got, "Team: synced ") {
		t.Errorf("back online the status bar says %q", got)
	}

	// Turned off: nothing scheduled, kept in the project.
	mw.toggleAutoSync()
	if n := len(ft.live()); n != 0 || !strings.HasSuffix(ts.line.Text, "automatic sync is off") || ts.item.Checked {
		t.Errorf("turned off: %d timers, the line says %q, the menu checked %v", n, ts.line.Text, ts.item.Checked)
	}
	if on, err := st.HubAutoSync(ctx, ts.place); on || err != nil {
		t.Errorf("the project keeps automatic sync %v (%v)", on, err)
	}
	if mw2 := newWindow(ctx, mw.u.win, st, Projects{DataDir: t.TempDir()}, true); mw2.team.item.Checked {
		t.Error("a window opened on the project shows automatic sync on")
	}
	if _, err := mw.u.store.CreateActor(ctx, app.Actor{Name: "Ferry Union", Kind: app.Organisation}); err != nil {
		t.Fatal(err)
	}
	if n := len(ft.live()); n != 0 {
		t.Errorf("a change scheduled %d syncs with automatic sync off", n)
	}

	// Disconnected: nothing runs, the password is forgotten; connecting again keeps it off.
	mw.teamDisconnectAsked()
	if ts.auto != nil || ts.password != "" || !strings.HasPrefix(ts.line.Text, "Team: disconnected") {
		t.Errorf("after Disconnect: running %v, the line says %q", ts.auto != nil, ts.line.Text)
	}
	connect()
	if n := len(ft.live()); n != 0 || ts.item.Checked || !strings.HasSuffix(ts.line.Text, "automatic sync is off") {
		t.Errorf("connected again: %d timers, menu checked %v, the line says %q", n, ts.item.Checked, ts.line.Text)
	}
	mw.toggleAutoSync()
	nextSync(t, ft, app.DefaultSyncSettle)
	mw.teamDisconnectAsked()
	if n := len(ft.live()); n != 0 {
		t.Errorf("after Disconnect %d syncs are scheduled", n)
	}
}

// hubConnect is db/hub's Connect.
var hubConnect = hub.Connect

// TestTeamDisconnectWhenNotConnected: Disconnect before any Connect says there is no
// connection, instead of claiming to have ended one.
func TestTeamDisconnectWhenNotConnected(t *testing.T) {
	mw, _ := checkWindow(t)
	mw.teamDisconnectAsked()
	if got := mw.teamState().line.Text; !strings.Contains(got, "not connected") {
		t.Errorf("Disconnect without a connection says %q", got)
	}
}

// colleagueProject is a new project of zeno's, the colleague who syncs beside the window
// in the team tests; it is closed when the test ends.
func colleagueProject(t *testing.T) *db.Store {
	t.Helper()
	zeno, err := db.Create(context.Background(), filepath.Join(t.TempDir(), "zeno.dossier"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { zeno.Close() })
	return zeno
}
