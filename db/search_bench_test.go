package db

import (
	"context"
	"os"
	"slices"
	"testing"
	"time"

	"dossier/app"
)

// searchBenchStore is the synthetic 100,000-article project of benchStore, or the project
// file DOSSIER_SEARCH_BENCH_DB names (to measure a copy).
func searchBenchStore(b *testing.B) *Store {
	b.Helper()
	path := os.Getenv("DOSSIER_SEARCH_BENCH_DB")
	if path == "" {
		return benchStore(b)
	}
	s, err := Open(context.Background(), path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

// searchBenchQueries are the queries measured. The synthetic bodies are made of about 30
// common words (each in nearly every article) and syllable names; actor names are two
// such words and a number, which makes them natural three-word phrases.
type searchBenchQuery struct {
	name string
	q    app.SearchQuery
	fts  string // the FTS5 expression of the unranked baseline
}

func searchBenchQueries(b *testing.B, s *Store) []searchBenchQuery {
	id := busiest(b, s)
	a, err := s.Actor(context.Background(), id)
	if err != nil {
		b.Fatal(err)
	}
	name := `"` + a.Name + `"`
	return []searchBenchQuery{
		// One word in every article: the search box as typed (the last word a prefix).
		{"OneWordCommon", app.SearchQuery{Text: "government"}, `"government"`},
		// One word in about 1% of the articles.
		{"OneWordRare", app.SearchQuery{Text: "karimo"}, `"karimo"`},
		// A three-word phrase of very common words, in 1.6% of the articles.
		{"PhraseCommonWords", app.SearchQuery{Text: `"government minister said"`}, `"government minister said"`},
		// A three-word phrase: the busiest actor's name.
		{"PhraseActorName", app.SearchQuery{Text: name}, name},
		// Three common words anywhere in the article.
		{"ThreeWordsAND", app.SearchQuery{Text: "support the government"}, `"support" AND "the" AND "government"`},
		// A short prefix being typed (three letters).
		{"PrefixTyping", app.SearchQuery{Text: "kar"}, `"kar"*`},
		// A common word in the articles that mention the busiest actor, in one year.
		{"FilteredCommon", app.SearchQuery{Text: "government", ActorID: id, From: "2020", To: "2020"}, `"government"`},
	}
}

// medianMetric reports the median of the loop's iteration times, which the benchmark
// harness does not: on a shared machine the mean is pulled up by a few slow runs.
type medianMetric struct {
	times []time.Duration
	start time.Time
}

func (m *medianMetric) begin() { m.start = time.Now() }
func (m *medianMetric) end()   { m.times = append(m.times, time.Since(m.start)) }
func (m *medianMetric) report(b *testing.B) {
	if len(m.times) == 0 {
		return
	}
	slices.Sort(m.times)
	b.ReportMetric(float64(m.times[len(m.times)/2].Microseconds())/1000, "median-ms")
}

// BenchmarkSearch is Store.Search as the search box runs it: the first 50 articles with
// snippets, and the actors and notes. The issue asks for under 30 ms (median) on the
// one-word and three-word phrase queries.
func BenchmarkSearch(b *testing.B) {
	s := searchBenchStore(b)
	ctx := context.Background()
	for _, bq := range searchBenchQueries(b, s) {
		b.Run(bq.name, func(b *testing.B) {
			var m medianMetric
			var r app.SearchResults
			for b.Loop() {
				m.begin()
				var err error
				if r, err = s.Search(ctx, bq.q); err != nil {
					b.Fatal(err)
				}
				m.end()
			}
			m.report(b)
			if len(r.Articles) == 0 {
				b.Fatalf("%s found nothing", bq.q.Text)
			}
			b.ReportMetric(float64(len(r.Articles)), "hits")
			b.ReportMetric(float64(max(r.ArticleTotal, r.ArticleEstimate)), "matches")
			b.ReportMetric(map[app.SearchOrder]float64{app.OrderRelevance: 1, app.OrderRecentRelevance: 2, app.OrderFiled: 3}[r.Order], "order")
		})
	}
}

// BenchmarkSearchBaseline is the floor Search is compared with, in the same run: the
// first 50 matching rowids, unranked and without snippets, filters or other groups, for
// the query's words as typed (no prefix on the last one, except for PrefixTyping).
func BenchmarkSearchBaseline(b *testing.B) {
	s := searchBenchStore(b)
	ctx := context.Background()
	for _, bq := range searchBenchQueries(b, s) {
		b.Run(bq.name, func(b *testing.B) {
			var m medianMetric
			for b.Loop() {
				m.begin()
				rows, err := s.db.QueryContext(ctx, `SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? LIMIT 50`, bq.fts)
				if err != nil {
					b.Fatal(err)
				}
				n := 0
				for rows.Next() {
					n++
				}
				rows.Close()
				m.end()
				if n == 0 {
					b.Fatalf("%s found nothing", bq.fts)
				}
			}
			m.report(b)
		})
	}
}

// BenchmarkSearchRankedAll is what ranking every match with bm25 would cost: the plain
// approach the planner avoids for broad queries.
func BenchmarkSearchRankedAll(b *testing.B) {
	s := searchBenchStore(b)
	ctx := context.Background()
	for _, bq := range searchBenchQueries(b, s) {
		if bq.q.HasFilters() {
			continue
		}
		b.Run(bq.name, func(b *testing.B) {
			var m medianMetric
			for b.Loop() {
				m.begin()
				rows, err := s.db.QueryContext(ctx, `SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?
					ORDER BY bm25(articles_fts, `+articleWeights+`) LIMIT 50`, bq.fts)
				if err != nil {
					b.Fatal(err)
				}
				for rows.Next() {
				}
				rows.Close()
				m.end()
			}
			m.report(b)
		})
	}
}

// BenchmarkSearchCount is the exact count the GUI asks for after the first page.
func BenchmarkSearchCount(b *testing.B) {
	s := searchBenchStore(b)
	ctx := context.Background()
	for _, bq := range searchBenchQueries(b, s)[:3] {
		b.Run(bq.name, func(b *testing.B) {
			var m medianMetric
			n := 0
			for b.Loop() {
				m.begin()
				var err error
				if n, err = s.SearchCount(ctx, bq.q); err != nil {
					b.Fatal(err)
				}
				m.end()
			}
			m.report(b)
			b.ReportMetric(float64(n), "matches")
		})
	}
}
