package cli_test

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"dossier/app"
	"dossier/db"
	"dossier/db/dbtest"
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

// Without --article, the project's queue: one object per name across all articles,
// the names most articles use first.
func TestSuggestAllArticlesJSON(t *testing.T) {
	p := newProject(t)
	older, newer := suggestProject(t, p)
	s, err := db.Open(context.Background(), p.db)
	if err != nil {
		t.Fatal(err)
	}
	third, err := s.CreateArticle(context.Background(), app.Article{Title: "Fidan in Erbil", Date: app.MustDate("2026-02-05"),
		Body: "Turkish Foreign Minister Hakan Fidan arrived in Erbil on Thursday. Fidan met officials of the Kurdistan Regional Government."})
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	out := p.must("suggest", "--json", "--db", p.db)
	var got []struct {
		Name      string   `json:"name"`
		Kind      string   `json:"kind"`
		Aliases   []string `json:"aliases"`
		Count     int      `json:"count"`
		Sample    string   `json:"sample"`
		Article   string   `json:"article"`
		ArticleID int64    `json:"article_id"`
		Articles  []int64  `json:"articles"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("not a JSON array: %v\n%s", err, out)
	}
	byName := map[string]int{}
	for i, g := range got {
		if _, dup := byName[g.Name]; dup {
			t.Errorf("%s listed twice", g.Name)
		}
		byName[g.Name] = i
		if g.Aliases == nil {
			t.Errorf("%s: aliases are null, want []", g.Name)
		}
		if g.Count != len(g.Articles) || g.Sample == "" || !slices.Contains(g.Articles, g.ArticleID) || g.Article == "" {
			t.Errorf("%s: %+v", g.Name, g)
		}
		if i > 0 && g.Count > got[i-1].Count {
			t.Errorf("%s (%d articles) after %s (%d)", g.Name, g.Count, got[i-1].Name, got[i-1].Count)
		}
	}
	fidan := got[byName["Hakan Fidan"]]
	if fidan.Count != 2 || !slices.Equal(fidan.Articles, []int64{newer, third.ID}) || fidan.Kind != "person" {
		t.Errorf("Hakan Fidan: %+v, want a person named in articles %d and %d", fidan, newer, third.ID)
	}
	if m := got[byName["Nouri al-Maliki"]]; m.Count != 1 || !slices.Equal(m.Articles, []int64{older}) || !slices.Equal(m.Aliases, []string{"Maliki"}) {
		t.Errorf("Nouri al-Maliki: %+v", m)
	}
	if _, ok := byName["United States"]; ok {
		t.Error("the United States is an actor already, yet queued")
	}
	// The text form says the same, one line per name.
	lines := strings.Split(strings.TrimSpace(p.must("suggest", "--db", p.db)), "\n")
	if len(lines) != len(got) || !strings.HasPrefix(lines[byName["Hakan Fidan"]], "Hakan Fidan\tperson\tFidan\t2\t") {
		t.Errorf("text form:\n%s", strings.Join(lines, "\n"))
	}
}

// accept and dismiss act on the queue from a script.
func TestSuggestAcceptAndDismiss(t *testing.T) {
	p := newProject(t)
	suggestProject(t, p)
	out := p.must("suggest", "accept", "--db", p.db, "nouri al-maliki")
	if !strings.Contains(out, "Nouri al-Maliki (person), named in 1 articles") {
		t.Errorf("accept: %q", out)
	}
	p.must("suggest", "--db", p.db, "accept", "Hakan Fidan", "--kind", "government_body", "--alias", "H. Fidan")
	p.must("suggest", "dismiss", "--db", p.db, "Turkey")
	s, err := db.Open(context.Background(), p.db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	m, err := s.FindActor(ctx, "Maliki") // the proposed alias came with it
	if err != nil || m.Name != "Nouri al-Maliki" {
		t.Errorf("Maliki: %+v %v", m, err)
	}
	h, err := s.FindActor(ctx, "H. Fidan")
	if err != nil || h.Kind != app.GovernmentBody {
		t.Errorf("H. Fidan: %+v %v", h, err)
	}
	left := p.must("suggest", "--db", p.db)
	for _, gone := range []string{"Nouri al-Maliki", "Hakan Fidan", "Turkey"} {
		if strings.Contains(left, gone+"\t") {
			t.Errorf("%s still queued:\n%s", gone, left)
		}
	}
	for _, tt := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"suggest", "accept", "--db", p.db, "Turkey"}, 1, "No article suggests"},
		{[]string{"suggest", "accept", "--db", p.db, "Zorblax Unknown"}, 1, "No article suggests"},
		{[]string{"suggest", "accept", "--db", p.db}, 2, ""},
		{[]string{"suggest", "accept", "--db", p.db, "Donald Trump", "--kind", "wizard"}, 1, "not an actor kind"},
	} {
		r := p.run(tt.args...)
		if r.code != tt.code || !strings.Contains(r.errOut, tt.msg) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", tt.args, r.code, r.errOut, tt.code, tt.msg)
		}
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

// Articles not yet read for the queue are read first; with --read-only they cannot be,
// and the command says so rather than listing a partial queue.
func TestSuggestQueueReadsPendingArticlesFirst(t *testing.T) {
	p := newProject(t)
	p.must("actor", "add", "--db", p.db, "--name", "Nobody")
	if err := dbtest.Synthesize(context.Background(), p.db, dbtest.Sizes{Articles: 5, Actors: 2}, 1, nil); err != nil {
		t.Fatal(err)
	}
	r := p.run("suggest", "--db", p.db, "--read-only")
	if r.code == 0 || !strings.Contains(r.errOut, "5 articles have not been read for suggestions yet") {
		t.Errorf("--read-only with pending articles: exit %d, stderr %q", r.code, r.errOut)
	}
	if out := p.must("suggest", "--db", p.db); strings.TrimSpace(out) == "" {
		t.Error("no names after reading the pending articles")
	}
	if out := p.must("suggest", "--db", p.db, "--read-only"); strings.TrimSpace(out) == "" {
		t.Error("--read-only lists nothing once the articles were read")
	}
}

// A form that is already another actor's name is listed under withheld with the reason,
// not among the aliases.
func TestSuggestJSONListsWithheldForms(t *testing.T) {
	p := newProject(t)
	suggestProject(t, p)
	s, err := db.Open(context.Background(), p.db)
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.CreateActor(context.Background(), app.Actor{Name: "Maliki Trading", Kind: app.Organisation, Aliases: []string{"Maliki"}})
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"suggest", "--json", "--db", p.db}, {"suggest", "--json", "--db", p.db, "--article", "#1"}} {
		var got []struct {
			Name     string              `json:"name"`
			Aliases  []string            `json:"aliases"`
			Withheld []app.WithheldAlias `json:"withheld"`
		}
		if err := json.Unmarshal([]byte(p.must(args...)), &got); err != nil {
			t.Fatal(err)
		}
		i := slices.IndexFunc(got, func(g struct {
			Name     string              `json:"name"`
			Aliases  []string            `json:"aliases"`
			Withheld []app.WithheldAlias `json:"withheld"`
		}) bool {
			return g.Name == "Nouri al-Maliki"
		})
		if i < 0 {
			t.Fatalf("%v: Nouri al-Maliki not suggested", args)
		}
		want := app.WithheldAlias{Alias: "Maliki", Reason: "already a name of “Maliki Trading”"}
		if slices.Contains(got[i].Aliases, "Maliki") || !slices.Equal(got[i].Withheld, []app.WithheldAlias{want}) {
			t.Errorf("%v: %+v, want Maliki withheld as %+v", args, got[i], want)
		}
	}
}
