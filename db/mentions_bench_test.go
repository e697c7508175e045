package db

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dossier/app"
	"dossier/db/dbtest"
)

// mentionBenchStore opens a synthetic project of the given size made for the mention
// benchmarks. It is built once and kept in the temp folder under a name that changes with
// the migrations, so a schema change builds a fresh one (benchStore's shared file keeps
// whatever schema it was first migrated to). After Synthesize, which writes its mentions
// itself, the project is made as if every article had been filed through the store: the
// name log is cleared and every article relinked and checked for the full-text index
// (reported once, on stderr: what the first relinking after an upgrade or a bulk import
// costs).
func mentionBenchStore(b *testing.B, n dbtest.Sizes) *Store {
	b.Helper()
	ctx := context.Background()
	migs, err := migrations()
	if err != nil {
		b.Fatal(err)
	}
	sum := sha256.Sum256([]byte(strings.Join(migs, "\x00")))
	path := filepath.Join(os.TempDir(), fmt.Sprintf("dossier-bench-mentions-%s-%d-%d.dossier", hex.EncodeToString(sum[:4]), n.Articles, n.Actors))
	if _, err := os.Stat(path); err != nil {
		old, _ := filepath.Glob(filepath.Join(os.TempDir(), fmt.Sprintf("dossier-bench-mentions-*-%d-%d.dossier", n.Articles, n.Actors)))
		for _, p := range old {
			removeProject(p)
		}
		tmp := path + ".building"
		removeProject(tmp)
		s, err := Open(ctx, tmp)
		if err != nil {
			b.Fatal(err)
		}
		if err := dbtest.Synthesize(ctx, s.Path(), n, 1, nil); err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		err = s.tx(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, `DELETE FROM mention_name_log`); err != nil {
				return err
			}
			unchecked, err := uncheckedArticles(ctx, tx)
			if err != nil {
				return err
			}
			return relinkArticles(ctx, tx, unchecked, nil)
		})
		if err != nil {
			b.Fatal(err)
		}
		fmt.Fprintf(os.Stderr, "relinking and checking %d articles once took %v\n", n.Articles, time.Since(start))
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

// BenchmarkRelinkAfterAddingAlias is the goal "relinking all mentions of a 100,000-article
// project after adding one alias takes under 5 s": AddAlias (one transaction: the alias
// written, the matcher of all 5,000 actors' names rebuilt, the articles the full-text
// index names read and relinked) on the synthetic project. Each iteration removes the
// alias again first, untimed but reported (ms-to-remove-it: removing an alias relinks
// the same articles). The cases:
//
//	busiest:  the actor named in the most articles (29,433) gains its name without the
//	          number: every one of its articles holds the new alias, inside the full name
//	          (the full-text index names them all; the matcher finds nothing new)
//	busiest-first-word: the same actor gains the first word of its name, which also
//	          stands alone, as a random capitalised word, in thousands of other articles:
//	          those gain a mention (rows written)
//	typical:  an actor of median popularity gains its name without the number
//	nowhere:  an alias no article holds: what the index lookup and the rest cost
//
// The baseline is the same AddAlias on a project with the same actors and no articles.
// DOSSIER_BENCH_ARTICLES makes the project smaller for a quick run.
func BenchmarkRelinkAfterAddingAlias(b *testing.B) {
	n := benchSizes()
	s := mentionBenchStore(b, dbtest.Sizes{Articles: n.Articles, Actors: n.Actors})
	ctx := context.Background()
	var median int64
	if err := s.db.QueryRow(`SELECT actor_id FROM (SELECT actor_id, count(DISTINCT article_id) AS n FROM mentions
		GROUP BY actor_id ORDER BY n) LIMIT 1 OFFSET (SELECT count(DISTINCT actor_id) / 2 FROM mentions)`).Scan(&median); err != nil {
		b.Fatal(err)
	}
	shortName := func(s *Store, id int64) string {
		a, err := s.Actor(ctx, id)
		if err != nil {
			b.Fatal(err)
		}
		return a.Name[:strings.LastIndexByte(a.Name, ' ')] // "Talu Harlabek 0" → "Talu Harlabek"
	}
	firstWord := func(s *Store, id int64) string {
		name := shortName(s, id)
		return name[:strings.IndexByte(name, ' ')] // "Talu"
	}
	empty := mentionBenchStore(b, dbtest.Sizes{Actors: n.Actors})
	cases := []struct {
		name  string
		s     *Store
		actor int64
		alias string
	}{
		{"busiest", s, busiest(b, s), shortName(s, busiest(b, s))},
		{"busiest-first-word", s, busiest(b, s), firstWord(s, busiest(b, s))},
		{"typical", s, median, shortName(s, median)},
		{"nowhere", s, median, "Quorblax Vexillium"},
		{"baseline-no-articles", empty, 1, "Quorblax Vexillium"},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			var articles int
			c.s.db.QueryRow(`SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?`, `body : "`+c.alias+`"`).Scan(&articles)
			orig, err := c.s.Actor(ctx, c.actor)
			if err != nil {
				b.Fatal(err)
			}
			b.Cleanup(func() { c.s.UpdateActor(ctx, orig) })
			count := func() (n int) {
				c.s.db.QueryRow(`SELECT count(*) FROM mentions WHERE actor_id = ?`, c.actor).Scan(&n)
				return n
			}
			var removing time.Duration
			var gained int
			for b.Loop() {
				b.StopTimer()
				start := time.Now()
				if _, err := c.s.UpdateActor(ctx, orig); err != nil {
					b.Fatal(err)
				}
				removing += time.Since(start)
				before := count()
				b.StartTimer()
				if err := c.s.AddAlias(ctx, c.actor, c.alias); err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				gained = count() - before
				b.StartTimer()
			}
			b.ReportMetric(float64(articles), "articles-holding-alias")
			b.ReportMetric(float64(gained), "mentions-gained")
			b.ReportMetric(float64(removing.Milliseconds())/float64(b.N), "ms-to-remove-it")
		})
	}
}

// BenchmarkFileArticle5000Actors is the goal "filing one article with mention linking
// takes under 50 ms for a 5 KB article with 5,000 actors in the project": CreateArticle of
// a 5 KB article naming a dozen of the actors, in a project of 1,000 articles and 5,000
// actors. The cases:
//
//	linked:   the usual case, the compiled matcher of all names kept from the article before
//	cold:     an alias changed just before (untimed), so the matcher is rebuilt first
//	baseline: the same article filed in a project of one actor (next to no linking)
func BenchmarkFileArticle5000Actors(b *testing.B) {
	s := mentionBenchStore(b, dbtest.Sizes{Articles: 1000, Actors: 5000})
	empty := mentionBenchStore(b, dbtest.Sizes{Articles: 1000, Actors: 1})
	ctx := context.Background()
	var names []string
	rows, err := s.db.Query(`SELECT name FROM actors ORDER BY id LIMIT 200`)
	if err != nil {
		b.Fatal(err)
	}
	for rows.Next() {
		var n string
		rows.Scan(&n)
		names = append(names, n)
	}
	rows.Close()
	body := fileBenchBody(names, 5000)
	for _, c := range []struct {
		name string
		s    *Store
		cold bool
	}{{"linked", s, false}, {"cold", s, true}, {"baseline", empty, false}} {
		b.Run(c.name, func(b *testing.B) {
			i := 0
			var mentions int
			for b.Loop() {
				i++
				if c.cold {
					b.StopTimer()
					if err := c.s.AddAlias(ctx, 1, fmt.Sprintf("Cold Alias %d", i)); err != nil {
						b.Fatal(err)
					}
					b.StartTimer()
				}
				a, err := c.s.CreateArticle(ctx, app.Article{Title: fmt.Sprintf("Filed %s %d", c.name, i),
					Body: fmt.Sprintf("Report %d %d. %s", time.Now().UnixNano(), i, body)})
				if err != nil {
					b.Fatal(err)
				}
				if i == 1 {
					ms, _ := c.s.Mentions(ctx, a.ID)
					mentions = len(ms)
				}
			}
			b.ReportMetric(float64(len(body)), "body-bytes")
			b.ReportMetric(float64(mentions), "mentions")
		})
	}
}

// fileBenchBody writes size bytes of news-like prose naming some of names.
func fileBenchBody(names []string, size int) string {
	r := rand.New(rand.NewPCG(5, 6))
	var b strings.Builder
	for b.Len() < size {
		for w := range 10 + r.IntN(15) {
			if w > 0 {
				b.WriteByte(' ')
			}
			if r.IntN(40) == 0 {
				b.WriteString(names[r.IntN(len(names))])
			} else {
				b.WriteString(dbtest.CommonWords[r.IntN(len(dbtest.CommonWords))])
			}
		}
		b.WriteString(". ")
	}
	return b.String()
}
