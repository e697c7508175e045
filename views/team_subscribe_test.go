package views

import (
	"context"
	"strings"
	"sync/atomic"
	"testing"

	"fyne.io/fyne/v2"
	"github.com/jackc/pgx/v5"

	"dossier/app"
	"dossier/db/hub"
	"dossier/db/hub/hubtest"
)

// connectWindow connects mw to the hub's "gulf desk" as yara through File ▸ Team ▸
// Connect…, which syncs at once; the automatic sync's timers are ft's.
func connectWindow(t *testing.T, mw *Window, c *hubtest.Cluster, name string, ft *testTimers) {
	t.Helper()
	mw.syncAfter = ft.after
	mw.teamConnect()
	ts := mw.team
	ts.url.SetText(app.WithoutPassword(c.UserURL(name, "yara", "")))
	ts.collection.SetText("gulf desk")
	ts.pass.SetText("yara-secret-pw")
	tapDialogButton(t, mw.u.win, "Connect and sync")
	if got := ts.line.Text; !strings.HasPrefix(got, "Team: synced ") {
		t.Fatalf("after connecting the status bar says %q", got)
	}
}

// teamItems is File ▸ Team's items by label.
func teamItems(t *testing.T, mw *Window) map[string]*fyne.MenuItem {
	t.Helper()
	for _, it := range mw.u.win.MainMenu().Items[0].Items {
		if it.Label == "Team" {
			out := map[string]*fyne.MenuItem{}
			for _, c := range it.ChildMenu.Items {
				out[c.Label] = c
			}
			return out
		}
	}
	t.Fatal("no File ▸ Team")
	return nil
}

// checkTeamItems checks the items that need a connection are enabled or not.
func checkTeamItems(t *testing.T, mw *Window, enabled bool, when string) {
	t.Helper()
	items := teamItems(t, mw)
	for _, l := range []string{"Sync now", "Subscriptions…", "Disconnect"} {
		if it := items[l]; it == nil || it.Disabled == enabled {
			t.Errorf("%s: File ▸ Team ▸ %s enabled %v, want %v", when, l, it != nil && !it.Disabled, enabled)
		}
	}
	if it := items["Connect…"]; it == nil || it.Disabled {
		t.Errorf("%s: File ▸ Team ▸ Connect… is not offered", when)
	}
}

// File ▸ Team ▸ Subscriptions… against a real hub: its items wait for a connection; the
// dialog lists the collection's tags with their articles, ticks the subscription, says
// what a choice changes and saves it as dossier sync --only-tag does; the status line
// then says what helps with a change the hub refused on a record outside the
// subscription (not "sync again"); Everything takes the whole collection again.
func TestTeamSubscriptions(t *testing.T) {
	ctx := context.Background()
	c, name := teamHub(t, "yara", "zeno")
	zeno := colleagueProject(t)
	for _, a := range []app.Article{
		{Title: "Kirkuk council votes", Date: "2026-03-01", Body: "The council voted.", Tags: []string{"Kirkuk"}},
		{Title: "Kirkuk oil output", Date: "2026-03-02", Body: "Output rose.", Tags: []string{"kirkuk", "oil"}},
		{Title: "Mosul bridge opens", Date: "2026-03-03", Body: "The bridge opened.", Tags: []string{"mosul"}},
	} {
		if _, err := zeno.CreateArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := zeno.CreateActor(ctx, app.Actor{Name: "Harbour Board", Kind: app.Organisation}); err != nil {
		t.Fatal(err)
	}
	memberSync(t, c, name, "zeno", zeno)

	mw, st := checkWindow(t)
	mw.projects.ConnectHub = hubConnector
	checkTeamItems(t, mw, false, "before Connect")
	mw.teamSubscriptions()
	if text := dossierText(mw.u.win.Canvas().Overlays().Top()); !strings.Contains(text, "Connect to the team's hub first") {
		t.Fatalf("Subscriptions… without a connection says:\n%s", text)
	}
	tapDialogButton(t, mw.u.win, "OK")
	connectWindow(t, mw, c, name, &testTimers{})
	checkTeamItems(t, mw, true, "after Connect")
	ts := mw.team

	mw.teamSubscriptions()
	text := dossierText(mw.u.win.Canvas().Overlays().Top())
	for _, want := range []string{"kirkuk — 2 articles", "mosul — 1 article", "oil — 1 article", "Now: everything.", "No change"} {
		if !strings.Contains(text, want) {
			t.Errorf("the dialog does not say %q:\n%s", want, text)
		}
	}
	f := ts.subs
	if !f.all.Checked || !f.save.Disabled() {
		t.Errorf("a project that takes everything: Everything ticked %v, Save enabled %v", f.all.Checked, !f.save.Disabled())
	}
	f.all.SetChecked(false)
	if !f.save.Disabled() || !strings.Contains(f.change.Text, "Tick at least one tag") {
		t.Errorf("nothing ticked: save enabled %v, says %q", !f.save.Disabled(), f.change.Text)
	}
	f.checks[indexOf(t, f.tags, "kirkuk")].SetChecked(true)
	if !strings.Contains(f.change.Text, "Articles outside these tags stay in your project but will no longer be updated") {
		t.Errorf("subscribing to kirkuk says %q", f.change.Text)
	}
	tapDialogButton(t, mw.u.win, "Save and sync")
	place := ts.place
	if got, err := st.HubSyncState(ctx, place); err != nil || strings.Join(got.OnlyTags, ",") != "kirkuk" {
		t.Fatalf("the project keeps the subscription %q (%v)", got.OnlyTags, err)
	}
	if got := ts.line.Text; !strings.HasPrefix(got, "Team: synced ") {
		t.Errorf("after saving the subscription the status bar says %q", got)
	}

	// Zeno changes an actor outside the subscription; the window's edit of its old copy
	// is refused by the hub, and the line says how to take its latest version.
	za, err := zeno.FindActor(ctx, "Harbour Board")
	if err != nil {
		t.Fatal(err)
	}
	za.Description = "zeno's words"
	if _, err := zeno.UpdateActor(ctx, za); err != nil {
		t.Fatal(err)
	}
	memberSync(t, c, name, "zeno", zeno)
	ya, err := st.FindActor(ctx, "Harbour Board")
	if err != nil {
		t.Fatal(err)
	}
	ya.Description = "yara's words"
	if _, err := mw.u.store.UpdateActor(ctx, ya); err != nil {
		t.Fatal(err)
	}
	mw.syncNow()
	if got := ts.line.Text; !strings.Contains(got, "1 change(s) not sent") || !strings.Contains(got, "Everything in File ▸ Team ▸ Subscriptions…") ||
		strings.Contains(got, "sync again") || strings.Contains(got, "send again") {
		t.Errorf("after a refused change outside the subscription the status bar says %q", got)
	}

	// Everything: the whole collection again, which brings zeno's version to review.
	mw.teamSubscriptions()
	f = ts.subs
	if text := dossierText(mw.u.win.Canvas().Overlays().Top()); !strings.Contains(text, "Now: the articles tagged kirkuk.") || f.all.Checked ||
		!f.checks[indexOf(t, f.tags, "kirkuk")].Checked || f.checks[indexOf(t, f.tags, "mosul")].Checked {
		t.Errorf("the dialog does not show the subscription to kirkuk:\n%s", text)
	}
	f.all.SetChecked(true)
	if !f.checks[0].Disabled() || !strings.Contains(f.change.Text, "takes the whole collection") {
		t.Errorf("Everything ticked: tags enabled %v, says %q", !f.checks[0].Disabled(), f.change.Text)
	}
	tapDialogButton(t, mw.u.win, "Save and sync")
	if got, err := st.HubSyncState(ctx, place); err != nil || len(got.OnlyTags) != 0 {
		t.Errorf("after Everything the project keeps %q (%v)", got.OnlyTags, err)
	}
	if got := ts.line.Text; got != "Team: 1 conflict to review" {
		t.Errorf("the whole collection again: the status bar says %q", got)
	}
	if _, err := st.FindArticle(ctx, "Mosul bridge opens"); err != nil {
		t.Errorf("the whole collection again did not bring the mosul article: %v", err)
	}

	mw.teamDisconnectAsked()
	checkTeamItems(t, mw, false, "after Disconnect")
}

func indexOf(t *testing.T, list []string, s string) int {
	t.Helper()
	for i, x := range list {
		if x == s {
			return i
		}
	}
	t.Fatalf("%q not in %q", s, list)
	return -1
}

// countedHub is a hub connection whose closing is counted.
type countedHub struct {
	*hub.Hub
	closed *atomic.Int32
}

func (h countedHub) Close(ctx context.Context) error {
	h.closed.Add(1)
	return h.Hub.Close(ctx)
}

// The automatic syncs of a session share one hub connection (one server process, seen
// in pg_stat_activity), a connection the server ended is replaced at the next sync, and
// Disconnect closes it.
func TestTeamKeepsOneConnection(t *testing.T) {
	ctx := context.Background()
	c, name := teamHub(t, "yara")
	var opened, closed atomic.Int32
	mw, _ := checkWindow(t)
	mw.projects.ConnectHub = func(ctx context.Context, url string) (TeamHub, error) {
		h, err := hub.Connect(ctx, url)
		if err != nil {
			return nil, err
		}
		opened.Add(1)
		return countedHub{Hub: h, closed: &closed}, nil
	}
	admin, err := pgx.Connect(ctx, c.AdminURL(name))
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close(ctx)
	backends := func() []int32 {
		t.Helper()
		var pids []int32
		if err := admin.QueryRow(ctx, `SELECT coalesce(array_agg(pid), '{}') FROM pg_stat_activity WHERE usename = 'yara'`).Scan(&pids); err != nil {
			t.Fatal(err)
		}
		return pids
	}
	ft := &testTimers{}
	connectWindow(t, mw, c, name, ft)
	change := func(n string) {
		t.Helper()
		if _, err := mw.u.store.CreateActor(ctx, app.Actor{Name: n, Kind: app.Person}); err != nil {
			t.Fatal(err)
		}
		nextSync(t, ft, app.DefaultSyncSettle)
		if got := mw.team.line.Text; !strings.HasPrefix(got, "Team: synced ") || !strings.Contains(got, "1 sent") {
			t.Fatalf("after the automatic sync of %s the status bar says %q", n, got)
		}
	}
	change("Ilse Marquand")
	change("Oren Falk")
	first := backends()
	if len(first) != 1 || opened.Load() != 1 || closed.Load() != 0 {
		t.Fatalf("after three syncs: %d backends of yara, %d connections opened, %d closed; want one kept", len(first), opened.Load(), closed.Load())
	}

	// The server ends the connection: the next sync finds it cut and connects again.
	var ended bool
	if err := admin.QueryRow(ctx, `SELECT pg_terminate_backend($1)`, first[0]).Scan(&ended); err != nil || !ended {
		t.Fatalf("terminate: %v %v", ended, err)
	}
	change("Marta Vell")
	if opened.Load() != 2 || closed.Load() != 1 {
		t.Errorf("after the cut: %d connections opened, %d closed; want 2 and 1", opened.Load(), closed.Load())
	}
	var others int
	for _, p := range backends() {
		if p != first[0] {
			others++
		}
	}
	if others != 1 {
		t.Errorf("after the cut yara has %d new backends, want 1", others)
	}

	mw.teamDisconnectAsked()
	if opened.Load() != closed.Load() {
		t.Errorf("after Disconnect %d connections opened, %d closed", opened.Load(), closed.Load())
	}
}
