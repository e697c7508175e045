package db

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"dossier/app"
	"dossier/db/dbtest"
)

// benchSizes is the synthetic project of issue #2: 100,000 articles, 5,000 actors and
// 100,000 relations. DOSSIER_BENCH_ARTICLES makes it smaller for a quick run.
func benchSizes() dbtest.Sizes {
	n := dbtest.Sizes{Articles: 100_000, Actors: 5_000, Relations: 100_000}
	if v := os.Getenv("DOSSIER_BENCH_ARTICLES"); v != "" {
		fmt.Sscan(v, &n.Articles)
		n.Relations = n.Articles
	}
	return n
}

// benchStore opens the synthetic project, building it once and keeping it in the temp
// folder, because building it takes about a minute.
func benchStore(b *testing.B) *Store {
	b.Helper()
	n := benchSizes()
	path := filepath.Join(os.TempDir(), fmt.Sprintf("dossier-bench-v2-%d-%d-%d.dossier", n.Articles, n.Actors, n.Relations))
	ctx := context.Background()
	if _, err := os.Stat(path); err != nil {
		tmp := path + ".building"
		os.Remove(tmp)
		s, err := Open(ctx, tmp)
		if err != nil {
			b.Fatal(err)
		}
		if err := dbtest.Synthesize(ctx, s.Path(), n, 1, nil); err != nil {
			b.Fatal(err)
		}
		s.Close()
		if err := os.Rename(tmp, path); err != nil {
			b.Fatal(err)
		}
	}
	s, err := Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

func busiest(b *testing.B, s *Store) int64 {
	var id int64
	if err := s.db.QueryRow(`SELECT actor_id FROM mentions GROUP BY actor_id ORDER BY count(*) DESC LIMIT 1`).Scan(&id); err != nil {
		b.Fatal(err)
	}
	return id
}

// BenchmarkDossierBusiestActor is the store time of opening the busiest actor's dossier,
// as the window does (newest 200 mentioning articles listed, all counted).
func BenchmarkDossierBusiestActor(b *testing.B) {
	s := benchStore(b)
	ctx := context.Background()
	id := busiest(b, s)
	b.ResetTimer()
	var d app.Dossier
	for b.Loop() {
		var err error
		if d, err = s.Dossier(ctx, id, DossierMentions); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(d.RelationTotal), "relations")
	b.ReportMetric(float64(d.MentionTotal), "articles")
}

// BenchmarkBaselineActorRow is the floor the dossier is compared with: reading one actor
// and its aliases by primary key.
func BenchmarkBaselineActorRow(b *testing.B) {
	s := benchStore(b)
	ctx := context.Background()
	id := busiest(b, s)
	for b.Loop() {
		if _, err := s.Actor(ctx, id); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkArticlePage is one page of the article list deep into the project, as the
// virtual list fetches it while scrolling.
func BenchmarkArticlePage(b *testing.B) {
	s := benchStore(b)
	ctx := context.Background()
	total, _ := s.CountArticles(ctx, app.ArticleQuery{})
	for b.Loop() {
		if _, err := s.Articles(ctx, app.ArticleQuery{Offset: total / 2, Limit: 100}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkActorPage is one page of the actor list.
func BenchmarkActorPage(b *testing.B) {
	s := benchStore(b)
	ctx := context.Background()
	for b.Loop() {
		if _, err := s.Actors(ctx, app.ActorQuery{Offset: 2000, Limit: 100}); err != nil {
			b.Fatal(err)
		}
	}
}
