package db

import (
	"context"
	"os"
	"testing"
	"time"

	"dossier/app"
)

func TestSearchExplorePlan(t *testing.T) {
	path := os.Getenv("SEARCH_EXPLORE_DB")
	if path == "" {
		t.Skip()
	}
	ctx := context.Background()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, q := range []string{
		`SELECT articles_fts.rowid, -bm25(articles_fts) FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid WHERE articles_fts MATCH 'x' AND articles_fts.rowid >= 0 AND a.deleted = '' ORDER BY 2 LIMIT 50`,
		`SELECT articles_fts.rowid FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid WHERE articles_fts MATCH 'x' AND articles_fts.rowid >= 0 AND a.deleted = '' ORDER BY articles_fts.rowid DESC LIMIT 50`,
		`SELECT count(*) FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid WHERE articles_fts MATCH 'x' AND articles_fts.rowid > 5 AND a.deleted = '' AND EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = a.id AND m.actor_id = 5 AND m.status <> 'rejected')`,
	} {
		rows, err := s.db.Query("EXPLAIN QUERY PLAN " + q)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var a, b, c int
			var d string
			rows.Scan(&a, &b, &c, &d)
			t.Log(d)
		}
		rows.Close()
		t.Log("--")
	}
}

func TestSearchExplorePhases(t *testing.T) {
	path := os.Getenv("SEARCH_EXPLORE_DB")
	if path == "" {
		t.Skip()
	}
	ctx := context.Background()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, text := range []string{"karimo", "government"} {
		for i := 0; i < 3; i++ {
			fq := parseQuery(text)
			q := app.SearchQuery{Text: text, Limit: 50}
			st := time.Now()
			plan, _ := s.planArticles(ctx, fq, q, 100000)
			t1 := time.Since(st)
			var res app.SearchResults
			st = time.Now()
			s.searchArticles(ctx, fq, q, &res)
			t2 := time.Since(st)
			st = time.Now()
			s.searchActors(ctx, fq, 50)
			t3 := time.Since(st)
			st = time.Now()
			s.searchNotes(ctx, fq, q)
			t4 := time.Since(st)
			t.Logf("%s plan %v %v; articles(incl plan) %v; actors %v; notes %v", text, plan, t1, t2, t3, t4)
		}
	}
}

func TestSearchExploreSteps(t *testing.T) {
	path := os.Getenv("SEARCH_EXPLORE_DB")
	if path == "" {
		t.Skip()
	}
	ctx := context.Background()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	tm := func(name string, f func()) {
		var best time.Duration = 1 << 62
		for i := 0; i < 5; i++ {
			st := time.Now()
			f()
			if d := time.Since(st); d < best {
				best = d
			}
		}
		t.Logf("%-50s best %v", name, best)
	}
	drain := func(q string, args ...any) func() {
		return func() {
			rows, err := s.db.QueryContext(ctx, q, args...)
			if err != nil {
				t.Fatal(err)
			}
			for rows.Next() {
			}
			rows.Close()
		}
	}
	trash := ` AND +articles_fts.rowid NOT IN (SELECT id FROM articles WHERE deleted > '')`
	for _, e := range []string{`"government"*`, `"government"`, `"karimo"*`} {
		tm("probe "+e, drain(`SELECT articles_fts.rowid FROM articles_fts WHERE articles_fts MATCH ?`+trash+` ORDER BY articles_fts.rowid DESC LIMIT 1 OFFSET 999`, e))
		tm("ranked>=99000 window "+e, drain(`SELECT id, rk, count(*) OVER () FROM (SELECT articles_fts.rowid AS id, -bm25(articles_fts, 5.0, 1.0, 2.0) AS rk FROM articles_fts WHERE articles_fts MATCH ? AND articles_fts.rowid >= 99000`+trash+`) ORDER BY rk DESC, id DESC LIMIT 50`, e))
		tm("ranked>=99000 plain "+e, drain(`SELECT articles_fts.rowid AS id, -bm25(articles_fts, 5.0, 1.0, 2.0) AS rk FROM articles_fts WHERE articles_fts MATCH ? AND articles_fts.rowid >= 99000`+trash+` ORDER BY rk DESC, id DESC LIMIT 50`, e))
		tm("filed "+e, drain(`SELECT articles_fts.rowid FROM articles_fts WHERE articles_fts MATCH ?`+trash+` ORDER BY articles_fts.rowid DESC LIMIT 50`, e))
		var ids []int64
		rows, _ := s.db.Query(`SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT 50`, e)
		for rows.Next() {
			var id int64
			rows.Scan(&id)
			ids = append(ids, id)
		}
		rows.Close()
		fq := parseQuery("government")
		tm("hits "+e, func() { s.articleHits(ctx, fq, ids, make([]float64, len(ids))) })
	}
}

func TestSearchExploreVocab(t *testing.T) {
	path := os.Getenv("SEARCH_EXPLORE_DB")
	if path == "" {
		t.Skip()
	}
	ctx := context.Background()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.db.Exec(`CREATE VIRTUAL TABLE IF NOT EXISTS articles_vocab USING fts5vocab(articles_fts, 'row')`)
	for _, r := range [][2]string{{"government", "governmenu"}, {"ka", "kb"}, {"kar", "kas"}, {"sen", "seo"}} {
		for _, q := range []string{`SELECT count(*) FROM (SELECT term FROM articles_vocab WHERE term >= ? AND term < ?)`,
			`SELECT count(*) FROM (SELECT term FROM articles_vocab WHERE term >= ? AND term < ? LIMIT 9)`} {
			var best time.Duration = 1 << 62
			var n int
			for i := 0; i < 5; i++ {
				st := time.Now()
				if err := s.db.QueryRow(q, r[0], r[1]).Scan(&n); err != nil {
					t.Fatal(err)
				}
				best = min(best, time.Since(st))
			}
			t.Logf("%s: %d terms, best %v", r[0], n, best)
		}
	}
}
