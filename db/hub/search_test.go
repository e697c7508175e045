package hub_test

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"dossier/app"
	"dossier/db"
	"dossier/db/hub"
)

// Invented text for the hub search's articles.
const (
	searchBodyPort   = "SÃO PAULO — Dockers at the port of São Paulo stopped work on Friday. In São Paulo the strike was the third this year, said Tomé Arvelo."
	searchBodyCleric = "NAJAF — The cleric Hādī al-Mālikī preached on Friday against the new tariffs on grain."
	searchBodyOther  = "KESTRAVIK — The ferry timetable changes in June; the harbour board approved it."
	searchBodyAside  = "LISBON — A trader who once worked in Sao Paulo opened a shop by the river."
)

// searchTeam is a team whose collection "desk" holds four articles, filed by ayse, and a
// relation quoting the port article.
func searchTeam(t *testing.T) (tm *team, port app.Article, rel app.Relation) {
	t.Helper()
	ctx := context.Background()
	tm = newTeam(t)
	a := newProject(t)
	var err error
	port, err = a.CreateArticle(ctx, app.Article{Title: "Port strike in São Paulo", Body: searchBodyPort, Date: "2026-04-03", Source: "Gazeta do Cais"})
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range []app.Article{{Title: "Sermon on grain", Body: searchBodyCleric, Date: "2026-04-04"},
		{Title: "Ferry timetable", Body: searchBodyOther, Date: "2026-04-05"},
		{Title: "A shop by the river", Body: searchBodyAside, Date: "2026-04-06"}} {
		if _, err := a.CreateArticle(ctx, x); err != nil {
			t.Fatal(err)
		}
	}
	tome := mustActor(t, a, "Tomé Arvelo", app.Person)
	union := mustActor(t, a, "Dockers' Union", app.Organisation)
	rel, err = a.CreateRelation(ctx, app.Relation{SourceID: tome.ID, Type: "member_of", TargetID: union.ID, Start: "2026-04-03",
		Evidence: []app.Evidence{{ArticleID: port.ID, Quote: "said Tomé Arvelo"}}})
	if err != nil {
		t.Fatal(err)
	}
	tm.mustSync(t, a, "ayse")
	return tm, port, rel
}

func connect(t *testing.T, tm *team, user string) *hub.Hub {
	t.Helper()
	h, err := hub.Connect(context.Background(), tm.url(user))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { h.Close(context.Background()) })
	return h
}

// The hub's search folds accents both ways, ranks the better match first, marks the
// matches in the passage (the accented words of the text), and says when more match.
func TestHubSearchFoldsAccentsAndRanks(t *testing.T) {
	ctx := context.Background()
	tm, port, _ := searchTeam(t)
	h := connect(t, tm, "bruno")
	res, err := h.SearchArticles(ctx, "desk", "Sao Paulo", 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 2 || res.More || res.Hits[0].UUID != port.UUID || res.Hits[0].Collection != "desk" || res.Hits[0].CreatedBy != tm.user("ayse") {
		t.Fatalf("Sao Paulo: %+v", res)
	}
	if !(res.Hits[0].Rank > res.Hits[1].Rank) || res.Hits[1].Title != "A shop by the river" {
		t.Errorf("ranking: %+v", res.Hits)
	}
	text, spans := app.SnippetText(res.Hits[0].Snippet)
	marked := []string{}
	for _, sp := range spans {
		marked = append(marked, string([]rune(text)[sp[0]:sp[1]]))
	}
	if len(marked) == 0 || marked[0] != "SÃO" || !strings.Contains(strings.Join(marked, " "), "São") {
		t.Errorf("marked %q in %q", marked, text)
	}
	if res.Hits[0].Source != "Gazeta do Cais" || res.Hits[0].Date != "2026-04-03" {
		t.Errorf("hit %+v", res.Hits[0])
	}
	for q, want := range map[string]string{"Maliki": "Sermon on grain", "mālikī": "Sermon on grain", "hadi al-maliki": "Sermon on grain",
		"TOME ARVELO": "Port strike in São Paulo", `"ferry timetable"`: "Ferry timetable", "sao -port": "A shop by the river"} {
		res, err := h.SearchArticles(ctx, "", q, 0)
		if err != nil || len(res.Hits) != 1 || res.Hits[0].Title != want {
			t.Errorf("%s: %+v %v", q, res.Hits, err)
		}
	}
	res, err = h.SearchArticles(ctx, "desk", "Friday", 1)
	if err != nil || len(res.Hits) != 1 || !res.More {
		t.Errorf("a cut list says so: %+v %v", res, err)
	}
	if _, err := h.SearchArticles(ctx, "desk", "  ", 0); !app.IsCode(err, app.EINVALID) {
		t.Errorf("an empty query: %v", err)
	}
}

// A member without a grant on the collection finds none of its articles: PostgreSQL's
// row-level security leaves them out of the very query, not the app.
func TestHubSearchOnlyGrantedCollections(t *testing.T) {
	ctx := context.Background()
	tm, _, _ := searchTeam(t)
	for _, coll := range []string{"", "desk"} {
		res, err := connect(t, tm, "dana").SearchArticles(ctx, coll, "Sao Paulo", 0)
		if err != nil || len(res.Hits) != 0 {
			t.Errorf("dana searching %q: %+v %v", coll, res.Hits, err)
		}
	}
	// The same full-text condition in SQL: the owner sees two articles, dana none.
	const q = `SELECT count(*) FROM dossier_hub.records WHERE kind = 'article' AND search @@ websearch_to_tsquery('dossier_hub.folded', 'Sao Paulo')`
	for _, c := range []struct {
		url  string
		want int
	}{{hub.SharedCluster().AdminURL(tm.db), 2}, {tm.url("dana"), 0}, {tm.url("eli"), 2}} {
		conn, err := pgx.Connect(ctx, c.url)
		if err != nil {
			t.Fatal(err)
		}
		var n int
		if err := conn.QueryRow(ctx, q).Scan(&n); err != nil || n != c.want {
			t.Errorf("%s: %d articles, want %d (%v)", strings.SplitN(c.url, ":", 3)[1], n, c.want, err)
		}
		conn.Close(ctx)
	}
	code, _, errOut := runCLI("hub", "search", "--url", tm.url("dana"), "--collection", "desk", "Sao Paulo")
	if code == 0 || !strings.Contains(errOut, "no collection “desk” you may read") {
		t.Errorf("dana's hub search: exit %d %q", code, errOut)
	}
}

// dossier hub search finds, and dossier sync --pull-article copies the article found into
// another project with the relation quoting it and its actors: the article is then found
// by the project's own search, and the next sync takes the rest without taking it twice.
func TestHubSearchAndCopyArticle(t *testing.T) {
	ctx := context.Background()
	tm, port, rel := searchTeam(t)
	code, out, errOut := runCLI("hub", "search", "--url", tm.url("chen"), "--collection", "desk", "--json", "Sao", "Paulo")
	var res struct {
		Hits []struct {
			UUID, Title, Snippet string
			Matches              [][2]int
		}
	}
	if code != 0 || errOut != "" || json.Unmarshal([]byte(out), &res) != nil || len(res.Hits) != 2 || res.Hits[0].UUID != port.UUID || len(res.Hits[0].Matches) == 0 {
		t.Fatalf("hub search --json: exit %d\n%s%s", code, out, errOut)
	}
	code, out, errOut = runCLI("hub", "search", "--url", tm.url("chen"), "maliki")
	if code != 0 || errOut != "" || !strings.Contains(out, "Sermon on grain\tdesk") || !strings.Contains(out, "«Mālikī»") {
		t.Errorf("hub search text: exit %d\n%s%s", code, out, errOut)
	}

	pc := filepath.Join(t.TempDir(), "c.dossier")
	s, err := db.Create(ctx, pc)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	code, out, errOut = runCLI("sync", "--db", pc, "--hub", tm.url("chen"), "--collection", "desk", "--pull-article", port.UUID)
	if code != 0 || errOut != "" || !strings.Contains(out, "0 sent, 4 received") {
		t.Fatalf("pull-article: exit %d\n%s%s", code, out, errOut)
	}
	s, err = db.Open(ctx, pc)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	found, err := s.Search(ctx, app.SearchQuery{Text: "Sao Paulo"})
	if err != nil || len(found.Articles) != 1 || found.Articles[0].Title != "Port strike in São Paulo" {
		t.Fatalf("local search after the copy: %+v %v", found.Articles, err)
	}
	if id, err := s.IDByUUID(ctx, "relation", rel.UUID); err != nil || id == 0 {
		t.Errorf("the relation quoting it came too: %d %v", id, err)
	}
	r, err := s.Relation(ctx, idOf(t, s, "relation", rel.UUID))
	if err != nil || len(r.Evidence) != 1 || r.Evidence[0].Quote != "said Tomé Arvelo" {
		t.Errorf("the relation's evidence: %+v %v", r, err)
	}
	if found, _ := s.Search(ctx, app.SearchQuery{Text: "grain"}); len(found.Articles) != 0 {
		t.Errorf("only the article asked for was copied: %+v", found.Articles)
	}
	// The next full sync takes the three other articles, not the copied one again.
	rep := tm.mustSync(t, s, "chen")
	if rep.Received != 3 || rep.Sent != 0 {
		t.Errorf("the sync after the copy received %d, sent %d:\n%s", rep.Received, rep.Sent, rep.Text())
	}
	t.Setenv("PGPASSWORD", "chen-password") // the remembered URL holds none
	for _, bad := range []string{"not-a-uuid", "7f3b5c2e-0000-4000-8000-000000000000"} {
		code, _, errOut := runCLI("sync", "--db", pc, "--pull-article", bad)
		if code == 0 || errOut == "" {
			t.Errorf("pull-article %s: exit %d", bad, code)
		}
	}
}

// More than 1,000 matches: the best are picked from the 1,000 most recently changed, and
// the answer says so; an older article, however well it matches, is not among them.
func TestHubSearchRanksTheRecentWhenTooManyMatch(t *testing.T) {
	ctx := context.Background()
	tm := newTeam(t)
	c, err := pgx.Connect(ctx, hub.SharedCluster().AdminURL(tm.db))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	// 100 old articles saying "quayside" five times, then 1,050 newer ones saying it
	// once, the newest of them twice.
	for _, q := range []string{
		`INSERT INTO dossier_hub.records(collection_id, kind, uuid, data)
		SELECT (SELECT id FROM dossier_hub.collections WHERE name = 'desk'), 'article', gen_random_uuid(),
			jsonb_build_object('v', 1, 'title', 'Old note ' || i, 'body', 'quayside quayside quayside quayside quayside, said the harbour master')
		FROM generate_series(1, 100) i ORDER BY i`,
		`INSERT INTO dossier_hub.records(collection_id, kind, uuid, data)
		SELECT (SELECT id FROM dossier_hub.collections WHERE name = 'desk'), 'article', gen_random_uuid(),
			jsonb_build_object('v', 1, 'title', 'New note ' || i, 'body', CASE WHEN i = 1050 THEN 'quayside, the quayside again' ELSE 'the quayside at noon' END)
		FROM generate_series(1, 1050) i ORDER BY i`,
	} {
		if _, err := c.Exec(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	res, err := connect(t, tm, "bruno").SearchArticles(ctx, "desk", "quayside", 20)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 20 || !res.More || !res.Recent || res.Hits[0].Title != "New note 1050" {
		t.Fatalf("%d hits, more %v, recent %v, first %+v", len(res.Hits), res.More, res.Recent, res.Hits[0])
	}
	for _, h := range res.Hits {
		if strings.HasPrefix(h.Title, "Old note") {
			t.Errorf("an old article among the recent best: %s", h.Title)
		}
	}
	code, out, _ := runCLI("hub", "search", "--url", tm.url("bruno"), "quayside")
	if code != 0 || !strings.Contains(out, "more than 1,000 match: the best 20 of the 1,000 most recently changed") {
		t.Errorf("hub search says:\n%s", out)
	}
	// Fewer than 1,000 (the 100 old ones): all are ranked.
	res, err = connect(t, tm, "bruno").SearchArticles(ctx, "desk", "harbour master", 5)
	if err != nil || res.Recent || !res.More || len(res.Hits) != 5 || !strings.HasPrefix(res.Hits[0].Title, "Old note") {
		t.Errorf("harbour master: %+v %v", res, err)
	}
}
