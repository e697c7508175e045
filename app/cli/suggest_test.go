package cli_test

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"dossier/app"
	"dossier/db"
)

// suggestProject files two articles (written for this test) and one actor, and returns
// the articles' ids, older first.
func suggestProject(t *testing.T, p *project) (older, newer int64) {
	t.Helper()
	ctx := context.Background()
	s, err := db.Open(ctx, p.db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	a, err := s.CreateArticle(ctx, app.Article{Title: "Maliki stays in the race", Date: app.MustDate("2026-01-27"),
		Body: "BAGHDAD — Former Iraqi Prime Minister Nouri al-Maliki said on Tuesday that he would stay in the race. " +
			"U.S. President Donald Trump had warned him. Maliki did not answer the warning."})
	if err != nil {
		t.Fatal(err)
	}
	b, err := s.CreateArticle(ctx, app.Article{Title: "Turkey calls for talks", Date: app.MustDate("2026-02-03"),
		Body: "ANKARA — Turkish Foreign Minister Hakan Fidan called on Monday for talks with the Kurdistan Regional Government (KRG)."})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateActor(ctx, app.Actor{Name: "United States", Kind: app.State, Aliases: []string{"U.S."}}); err != nil {
		t.Fatal(err)
	}
	return a.ID, b.ID
}

func TestSuggestOneArticle(t *testing.T) {
	p := newProject(t)
	older, _ := suggestProject(t, p)
	out := p.must("suggest", "--db", p.db, "--article", "#1")
	want := []string{
		"Nouri al-Maliki\tperson\tMaliki\t#1 Maliki stays in the race",
		"Donald Trump\tperson\t\t#1 Maliki stays in the race",
	}
	if got := strings.Split(strings.TrimSpace(out), "\n"); !slices.Equal(got, want) {
		t.Errorf("suggest --article #%d:\n%s\nwant:\n%s", older, out, strings.Join(want, "\n"))
	}
	// The title finds the article too.
	if again := p.must("suggest", "--db", p.db, "--article", "maliki stays in the race"); again != out {
		t.Errorf("by title: %q", again)
	}
}

func TestSuggestAllArticlesJSON(t *testing.T) {
	p := newProject(t)
	older, newer := suggestProject(t, p)
	out := p.must("suggest", "--json", "--db", p.db)
	var got []struct {
		Name      string   `json:"name"`
		Kind      string   `json:"kind"`
		Aliases   []string `json:"aliases"`
		Count     int      `json:"count"`
		Article   string   `json:"article"`
		ArticleID int64    `json:"article_id"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("not a JSON array: %v\n%s", err, out)
	}
	var lines []string
	for _, g := range got {
		if g.Aliases == nil {
			t.Errorf("%s: aliases are null, want []", g.Name)
		}
		lines = append(lines, g.Name+"|"+g.Kind+"|"+strings.Join(g.Aliases, ",")+"|"+g.Article)
		if g.Article == "Turkey calls for talks" && g.ArticleID != newer || g.Article == "Maliki stays in the race" && g.ArticleID != older {
			t.Errorf("%s: article_id %d", g.Name, g.ArticleID)
		}
	}
	// Newest article first; the United States is an actor already.
	want := []string{
		"Turkey|state||Turkey calls for talks",
		"Hakan Fidan|person||Turkey calls for talks",
		"Kurdistan Regional Government|government_body|KRG|Turkey calls for talks",
		"Nouri al-Maliki|person|Maliki|Maliki stays in the race",
		"Donald Trump|person||Maliki stays in the race",
	}
	if !slices.Equal(lines, want) {
		t.Errorf("suggest --json:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
	if got[3].Count != 3 { // twice in the body, once in the title
		t.Errorf("Maliki is named %d times, want 3", got[3].Count)
	}
}

func TestSuggestEmptyAndErrors(t *testing.T) {
	p := newProject(t)
	suggestProject(t, p)
	empty := newProject(t)
	empty.must("actor", "add", "--db", empty.db, "--name", "Nobody")
	if out := empty.must("suggest", "--db", empty.db, "--json"); out != "[]\n" {
		t.Errorf("no articles, --json: %q", out)
	}
	if out := empty.must("suggest", "--db", empty.db); out != "" {
		t.Errorf("no articles: %q", out)
	}
	for _, tt := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"suggest", "--db", p.db, "--article", "#99"}, 1, "No article has the title or id"},
		{[]string{"suggest", "--db", p.dir + "/missing.dossier"}, 1, "does not exist"},
		{[]string{"suggest", "--db", p.db, "extra"}, 2, "unexpected argument"},
		{[]string{"suggest", "--db", p.db, "--limit", "3"}, 2, "flag provided but not defined"},
	} {
		r := p.run(tt.args...)
		if r.code != tt.code || !strings.Contains(r.errOut, tt.msg) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", tt.args, r.code, r.errOut, tt.code, tt.msg)
		}
	}
	help := p.must("suggest", "--help")
	if !strings.Contains(help, "Usage: dossier suggest [--db FILE] [--read-only] [--article ID] [--json]") || !strings.Contains(help, "--article ID") {
		t.Errorf("help: %s", help)
	}
	if usage := p.must("help"); !strings.Contains(usage, "dossier suggest") {
		t.Errorf("usage does not list suggest:\n%s", usage)
	}
}
