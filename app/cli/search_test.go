package cli_test

import (
	"context"
	"strings"
	"testing"

	"dossier/app"
	"dossier/db"
)

// searchProject holds two articles, an actor with an alias and a note, written here.
func searchProject(t *testing.T) *project {
	t.Helper()
	p := newProject(t)
	ctx := context.Background()
	s, err := db.Open(ctx, p.db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, a := range []app.Article{
		{Title: "Coalition wobbles over fuel prices", Source: "Valley Herald", Date: "2026-02-10", Tags: []string{"economy"},
			Body: "Two junior partners said they might withdraw support from the cabinet if fuel subsidies are cut.\nThe finance minister, Iñaki Solano, asked for a week."},
		{Title: "Port strike ends", Source: "Coast Gazette", Date: "2025-11-02",
			Body: "Dock workers returned after the harbour board agreed to their demands. Solano was not involved."},
	} {
		if _, err := s.CreateArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	a, err := s.CreateActor(ctx, app.Actor{Name: "Iñaki Solano", Kind: app.Person, Aliases: []string{"the finance minister"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateNote(ctx, app.Note{Body: "Solano's subsidy plan: find the draft.", ActorID: a.ID}); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestSearchText(t *testing.T) {
	p := searchProject(t)
	out := p.must("search", "--db", p.db, "solano")
	// The shorter article ranks first: the name weighs more in fewer words.
	want := "Articles (2 of 2, best first)\n" +
		"#2\t2025-11-02\tCoast Gazette\tPort strike ends\n" +
		"\tDock workers returned after the harbour board agreed to their demands. «Solano» was not involved.\n" +
		"#1\t2026-02-10\tValley Herald\tCoalition wobbles over fuel prices\n" +
		"\t…junior partners said they might withdraw support from the cabinet if fuel subsidies are cut. The finance minister, Iñaki «Solano», asked for a week.\n" +
		"Actors (1)\n" +
		"#1\tIñaki Solano\tperson\n" +
		"\tIñaki «Solano»\n" +
		"Notes (1)\n" +
		"#1\ton Iñaki Solano\t"
	if !strings.HasPrefix(out, want) {
		t.Errorf("search solano printed\n%s\nwant it to start with\n%s", out, want)
	}
	if !strings.Contains(out, "\t«Solano»'s subsidy plan: find the draft.\n") {
		t.Errorf("note snippet missing:\n%s", out)
	}

	// Several words make one query; a phrase; diacritics; the filters.
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"withdraw", "support"}, "Articles (1 of 1, best first)\n#1\t"},
		{[]string{`"withdraw support"`}, "they might «withdraw support» from"},
		{[]string{"inaki"}, "«Iñaki» Solano"},
		{[]string{"solano", "--source", "coast gazette"}, "Articles (1 of 1, best first)\n#2\t"},
		{[]string{"solano", "--from", "2026"}, "Articles (1 of 1, best first)\n#1\t"},
		{[]string{"solano", "--to", "Nov 2025"}, "Articles (1 of 1, best first)\n#2\t"},
		{[]string{"solano", "--tag", "Economy"}, "Articles (1 of 1, best first)\n#1\t"},
		{[]string{"--actor", "the finance minister", "solano"}, "Articles (1 of 1, best first)\n#1\t"},
		{[]string{"solano", "--limit", "1"}, "Articles (1 of 2, best first)\n#2\t"},
		{[]string{"nothing", "like", "this"}, "Nothing found.\n"},
	} {
		r := p.run(append([]string{"search"}, tc.args...)...)
		if r.code != 0 || r.errOut != "" || !strings.Contains(r.out, tc.want) {
			t.Errorf("search %q: exit %d, stderr %q, stdout\n%s\nwant it to hold %q", tc.args, r.code, r.errOut, r.out, tc.want)
		}
	}
}

func TestSearchPlainAndErrors(t *testing.T) {
	p := searchProject(t)
	r := p.run("search", `"withdraw support`)
	if r.code != 0 || !strings.Contains(r.errOut, "searched for the plain words instead") || !strings.Contains(r.out, "«withdraw» «support»") {
		t.Errorf("unparsable query: exit %d, stderr %q, stdout %q", r.code, r.errOut, r.out)
	}
	for _, tc := range []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"search"}, 2, "dossier search: missing arguments"},
		{[]string{"search", "  "}, 2, "say what to search for"},
		{[]string{"search", "x", "--limit", "0"}, 2, "--limit must be at least 1"},
		{[]string{"search", "x", "--from", "someday"}, 1, "dossier: --from: “someday” is not a date"},
		{[]string{"search", "x", "--to", "2026-13"}, 1, "dossier: --to: "},
		{[]string{"search", "x", "--actor", "Nobody"}, 1, "dossier: --actor: No actor is called “Nobody”"},
		{[]string{"search", "x", "--db", "/nonexistent/p.dossier"}, 1, "does not exist"},
	} {
		r := p.run(tc.args...)
		if r.code != tc.code || !strings.Contains(r.errOut, tc.err) {
			t.Errorf("%q: exit %d, stderr %q; want %d and %q", tc.args, r.code, r.errOut, tc.code, tc.err)
		}
	}
	if out := p.must("search", "--help"); !strings.Contains(out, "Usage: dossier search [--db FILE] [--read-only] [--json]") || !strings.Contains(out, "  --actor NAME\n") {
		t.Errorf("search --help:\n%s", out)
	}
	if out := p.must("--help"); !strings.Contains(out, "  search   find articles") {
		t.Errorf("top-level usage lacks search:\n%s", out)
	}
}

func TestSearchJSON(t *testing.T) {
	p := searchProject(t)
	var got map[string]any
	decodeJSON(t, p.must("search", "--json", `"finance minister"`), &got)
	if got["query"] != `"finance minister"` || got["plain"] != false || got["order"] != "relevance" || got["article_total"] != 1.0 {
		t.Errorf("search --json header: %v", got)
	}
	arts := got["articles"].([]any)
	if len(arts) != 1 {
		t.Fatalf("articles %v", arts)
	}
	a := arts[0].(map[string]any)
	snippet := a["snippet"].(string)
	if strings.ContainsAny(snippet, app.MatchStart+app.MatchEnd) {
		t.Errorf("markers left in the JSON snippet %q", snippet)
	}
	m := a["matches"].([]any)
	if len(m) != 1 {
		t.Fatalf("matches %v", m)
	}
	span := m[0].([]any)
	runes := []rune(snippet)
	if got := string(runes[int(span[0].(float64)):int(span[1].(float64))]); got != "finance minister" {
		t.Errorf("match offsets point at %q in %q", got, snippet)
	}
	if a["kind"] != "article" || a["id"] != 1.0 || a["article_id"] != 1.0 || a["date"] != "2026-02-10" || a["source"] != "Valley Herald" {
		t.Errorf("article hit %v", a)
	}
	actors := got["actors"].([]any)
	if len(actors) != 1 || actors[0].(map[string]any)["snippet"] != "the finance minister" {
		t.Errorf("actor hits %v", actors)
	}
	if notes := got["notes"].([]any); len(notes) != 0 {
		t.Errorf("notes %v", notes)
	}
	// Nothing found is still one object, with empty lists.
	decodeJSON(t, p.must("search", "--json", "zzz"), &got)
	if a, _ := got["articles"].([]any); a == nil || len(a) != 0 {
		t.Errorf("empty result: %v", got)
	}
}

// TestSearchRelations: relations are their own group, in text and JSON, found by their
// wording, quote and note; a dotless ı is folded; a note's Markdown is not shown.
func TestSearchRelations(t *testing.T) {
	p := searchProject(t)
	ctx := context.Background()
	s, err := db.Open(ctx, p.db)
	if err != nil {
		t.Fatal(err)
	}
	partner, err := s.CreateActor(ctx, app.Actor{Name: "Yıldız Party", Kind: app.Party})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateRelation(ctx, app.Relation{SourceID: partner.ID, Type: "threatens", TargetID: 1, Start: "2026-02-10",
		Note: "**Conditional**: only if subsidies go.", Modality: "threatened",
		Evidence: []app.Evidence{{ArticleID: 1, Quote: "they might withdraw support from the cabinet"}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateNote(ctx, app.Note{Body: "## Yildiz\nSee [their site](https://example.org/y) for **the** programme.", ActorID: partner.ID}); err != nil {
		t.Fatal(err)
	}
	s.Close()

	out := p.must("search", "--db", p.db, `"withdraw support" AND Solano`)
	want := "Relations (1)\n" +
		"#1\tYıldız Party threatens Iñaki Solano\t2026-02-10\n" +
		"\tthey might «withdraw support» from the cabinet\n"
	if !strings.Contains(out, want) {
		t.Errorf("search printed\n%s\nwant it to hold\n%s", out, want)
	}
	out = p.must("search", "--db", p.db, "yildiz")
	for _, w := range []string{"Actors (1)\n#2\tYıldız Party\tpolitical party\n\t«Yıldız» Party\n", "Relations (1)\n", "Notes (1)\n",
		"\t«Yildiz» See their site for the programme.\n"} {
		if !strings.Contains(out, w) {
			t.Errorf("search yildiz printed\n%s\nwant it to hold %q", out, w)
		}
	}
	out = p.must("search", "--db", p.db, "conditional")
	if !strings.Contains(out, "\t«Conditional»: only if subsidies go.\n") {
		t.Errorf("relation note shown as Markdown:\n%s", out)
	}

	var got map[string]any
	decodeJSON(t, p.must("search", "--json", "--db", p.db, "threatens"), &got)
	rels, _ := got["relations"].([]any)
	if len(rels) != 1 {
		t.Fatalf("relations %v", got["relations"])
	}
	r := rels[0].(map[string]any)
	if r["kind"] != "relation" || r["id"] != 1.0 || r["title"] != "Yıldız Party threatens Iñaki Solano" || r["date"] != "2026-02-10" ||
		r["article_id"] != 1.0 || r["actor_id"] != 2.0 {
		t.Errorf("relation hit %v", r)
	}
	decodeJSON(t, p.must("search", "--json", "--db", p.db, "zzz"), &got)
	if rels, _ := got["relations"].([]any); rels == nil || len(rels) != 0 {
		t.Errorf("empty result: %v", got)
	}
}
