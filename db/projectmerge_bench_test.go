package db

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"dossier/app"
	"dossier/db/dbtest"
)

// BenchmarkMergeProject merges a synthetic project of 10,000 articles, 1,000 actors and
// 10,000 relations into another of the same size (generated with another seed, so every
// record is new); the goal is under 10 s. Each run merges into a fresh copy.
func BenchmarkMergeProject(b *testing.B) {
	ctx := context.Background()
	dir := b.TempDir()
	n := dbtest.Sizes{Articles: benchMergeN, Actors: benchMergeN / 10, Relations: benchMergeN}
	mine, theirs := filepath.Join(dir, "mine.dossier"), filepath.Join(dir, "theirs.dossier")
	for seed, path := range map[uint64]string{1: mine, 2: theirs} {
		s, err := Open(ctx, path)
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
		if err := dbtest.Synthesize(ctx, path, n, seed, nil); err != nil {
			b.Fatal(err)
		}
	}
	// The generator gives the same addresses (and may give the same text) for any seed:
	// theirs get their own, or the merge rightly finds them already filed.
	t, err := Open(ctx, theirs)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := t.db.ExecContext(ctx, `UPDATE articles SET url = url || '?b', canon_url = canon_url || '?b', hash = hash || 'b'`); err != nil {
		b.Fatal(err)
	}
	t.Close()
	runs := 0
	var took time.Duration
	for b.Loop() {
		b.StopTimer()
		runs++
		into := filepath.Join(dir, "into.dossier")
		removeProject(into)
		if err := copyBenchFile(mine, into); err != nil {
			b.Fatal(err)
		}
		s, err := Open(ctx, into)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		start := time.Now()
		rep, err := s.MergeProject(ctx, theirs, app.ProjectMergeOptions{})
		took += time.Since(start)
		b.StopTimer()
		if err != nil {
			b.Fatal(err)
		}
		if c := rep.Counts[1]; c.Added != n.Articles {
			b.Fatalf("articles: %+v\n%.2000s", c, rep.Text())
		}
		s.Close()
		b.StartTimer()
	}
	b.ReportMetric(took.Seconds()/float64(runs), "s/merge")
}

// benchMergeN is the articles (and relations) of each project of BenchmarkMergeProject.
var benchMergeN = 10_000
