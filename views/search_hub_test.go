package views

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
	"dossier/app/teamsync"
	"dossier/db/hub"
)

// The Search screen against a real hub: the check box shows only once the project syncs
// with a hub; checked, a query lists the hub's articles apart (accents folded: "Sao
// Paulo" finds "São Paulo"), even when nothing here matches; "Copy into my project"
// brings the article here, where the project's own search then finds it, and the button
// opens the copy.
func TestSearchAlsoSearchesTheHub(t *testing.T) {
	ctx := context.Background()
	c, name := teamHub(t, "yara", "zeno")
	// Zeno's project files an article on the hub.
	zeno := colleagueProject(t)
	if _, err := zeno.CreateArticle(ctx, app.Article{Title: "Dock strike spreads", Date: "2026-04-03",
		Body: "Dockers in São Paulo walked out on Friday over the new shift rota."}); err != nil {
		t.Fatal(err)
	}
	zh, err := hub.Connect(ctx, c.UserURL(name, "zeno", "zeno-secret-pw"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := teamsync.Sync(ctx, zeno, zh, app.HubPlace{URL: app.WithoutPassword(c.UserURL(name, "zeno", "")), Collection: "gulf desk"}, app.HubSyncOptions{}); err != nil {
		t.Fatal(err)
	}
	zh.Close(ctx)

	mw, st := checkWindow(t)
	mw.projects.ConnectHub = hubConnector
	s := mw.u.search
	mw.u.navigate(route{screen: "search"})
	if s.hub.check.Visible() {
		t.Fatal("the hub check box shows for a project that syncs with no hub")
	}
	// Connected (a sync that only sends this project's two articles and takes zeno's).
	ts := mw.teamState()
	ts.place = app.HubPlace{URL: app.WithoutPassword(c.UserURL(name, "yara", "")), Collection: "gulf desk"}
	ts.password = "yara-secret-pw"
	mw.u.navigate(route{screen: "articles"})
	mw.u.navigate(route{screen: "search"})
	if !s.hub.check.Visible() || !strings.Contains(s.hub.check.Text, "gulf desk") {
		t.Fatalf("the hub check box: visible %v, %q", s.hub.check.Visible(), s.hub.check.Text)
	}
	s.hub.check.SetChecked(true)
	typeQuery(s, "Sao Paulo")
	text := dossierText(s.content())
	if !strings.Contains(text, "Nothing in this project matches") || !strings.Contains(text, "On the team hub") || !strings.Contains(text, "Dock strike spreads") {
		t.Fatalf("the hub's hit is not listed:\n%s", text)
	}
	copyBtn := hubButton(t, s.content(), "Copy into my project")
	test.Tap(copyBtn)
	if copyBtn.Text != "Open in my project" {
		t.Fatalf("after copying, the button says %q (notice %q)", copyBtn.Text, mw.u.notice)
	}
	if !strings.Contains(mw.u.notice, "Copied “Dock strike spreads”") {
		t.Errorf("the notice says %q", mw.u.notice)
	}
	found, err := st.Search(ctx, app.SearchQuery{Text: "sao paulo"})
	if err != nil || len(found.Articles) != 1 || found.Articles[0].Title != "Dock strike spreads" {
		t.Fatalf("the project's search after the copy: %+v %v", found.Articles, err)
	}
	typeQuery(s, "Sao Paulo")
	if text := dossierText(s.content()); strings.Contains(text, "Nothing in this project matches") || !strings.Contains(text, "Open in my project") {
		t.Errorf("searched again, the copy is found here and the hub's hit says so:\n%s", text)
	}
	test.Tap(hubButton(t, s.content(), "Open in my project"))
	if mw.shown.screen != "article" || mw.shown.id != found.Articles[0].ID {
		t.Errorf("the button opened %+v", mw.shown)
	}

	// A hub that cannot be reached is said in place of its hits; the project's search goes on.
	mw.u.navigate(route{screen: "search"})
	ts.place.URL = "postgres://yara@127.0.0.1:1/none?sslmode=disable&connect_timeout=5"
	s.box.SetText("ferry")
	if text := dossierText(s.content()); !strings.Contains(text, "The hub could not be searched") || !strings.Contains(text, "Harbour board meets") {
		t.Errorf("with the hub unreachable:\n%s", text)
	}
}

// hubButton finds the button labelled text in o, or fails.
func hubButton(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	b := findButton(o, text)
	if b == nil || b.Text != text {
		t.Fatalf("no %q button in:\n%s", text, dossierText(o))
	}
	return b
}
