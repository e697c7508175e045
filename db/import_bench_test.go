package db

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"dossier/app"
	"dossier/app/ingest/ingesttest"
)

// importBenchN is how many files the import benchmark reads: 10,000 by default,
// DOSSIER_IMPORT_N for another number (100000 for the figure).
func importBenchN(b *testing.B) int {
	n := 10_000
	if v := os.Getenv("DOSSIER_IMPORT_N"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil || n <= 0 {
			b.Fatalf("DOSSIER_IMPORT_N=%q is not a positive number", v)
		}
	}
	return n
}

// importBenchDir writes n synthetic article files once and keeps them in the temp folder.
func importBenchDir(b *testing.B, n int) string {
	b.Helper()
	dir := filepath.Join(os.TempDir(), fmt.Sprintf("dossier-import-bench-v2-%d", n))
	if _, err := os.Stat(filepath.Join(dir, ".complete")); err == nil {
		return dir
	}
	os.RemoveAll(dir)
	if err := ingesttest.WriteSyntheticFiles(dir, n, 1); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, ".complete"), nil, 0o644); err != nil {
		b.Fatal(err)
	}
	return dir
}

// BenchmarkImportThroughput imports N synthetic articles (ingesttest.WriteSyntheticFiles: saved
// web pages, text files and feeds, about 3 KB of text each) into an empty project, and,
// side by side in the same run, writes the very same rows and full-text index with the
// bare minimum: a prepared INSERT loop in one transaction, no reading, no parsing, no
// duplicate checks. It reports both rates in articles a second, and their ratio (the
// issue's goal: import ≥ 0.5 × bare), and the rate at which the review queue then reads
// the imported articles.
func BenchmarkImportThroughput(b *testing.B) {
	n := importBenchN(b)
	dir := importBenchDir(b, n)
	ctx := context.Background()
	tmp := b.TempDir()

	// The rows the import writes, read back once from a first import (which also warms
	// the file cache, as for every later run).
	first := openBench(b, filepath.Join(tmp, "first.dossier"))
	sum, err := first.ImportFiles(ctx, []string{dir}, app.ImportOptions{})
	if err != nil {
		b.Fatal(err)
	}
	if sum.Filed != n {
		b.Fatalf("filed %d of %d articles: %+v", sum.Filed, n, sum)
	}
	files := sum.Files
	rows := importedRows(b, first)
	first.Close()

	// DOSSIER_IMPORT_BATCH tries another batch size.
	var opt app.ImportOptions
	if v := os.Getenv("DOSSIER_IMPORT_BATCH"); v != "" {
		opt.BatchSize, _ = strconv.Atoi(v)
	}
	var imported, queued, bare time.Duration
	runs := 0
	for b.Loop() {
		runs++
		s := openBench(b, filepath.Join(tmp, fmt.Sprintf("import-%d.dossier", runs)))
		start := time.Now()
		if _, err := s.ImportFiles(ctx, []string{dir}, opt); err != nil {
			b.Fatal(err)
		}
		imported += time.Since(start)
		// The review queue reads the articles once the import is over (see ImportFiles).
		start = time.Now()
		if err := s.FillSuggestionQueue(ctx, nil); err != nil {
			b.Fatal(err)
		}
		queued += time.Since(start)
		s.Close()

		s = openBench(b, filepath.Join(tmp, fmt.Sprintf("bare-%d.dossier", runs)))
		start = time.Now()
		if err := bareInsert(ctx, s, rows); err != nil {
			b.Fatal(err)
		}
		bare += time.Since(start)
		s.Close()
		removeProject(filepath.Join(tmp, fmt.Sprintf("import-%d.dossier", runs)))
		removeProject(filepath.Join(tmp, fmt.Sprintf("bare-%d.dossier", runs)))
	}
	importRate := float64(n*runs) / imported.Seconds()
	bareRate := float64(n*runs) / bare.Seconds()
	b.ReportMetric(importRate, "articles/s")
	b.ReportMetric(float64(files*runs)/imported.Seconds(), "files/s")
	b.ReportMetric(bareRate, "bare-rows/s")
	b.ReportMetric(importRate/bareRate, "ratio")
	b.ReportMetric(float64(n*runs)/queued.Seconds(), "queue-articles/s")
}

// BenchmarkImportFTSIndexing answers how a big import should keep the full-text index: it
// writes the same rows in batches of 500, one transaction each, three ways, and reports
// the rate of each: with the indexing trigger (FTS5 writes a segment per row), with the
// trigger set aside in each batch and the batch indexed by one statement before its
// commit (what the import does), and with no trigger and one 'rebuild' at the end (which
// is only safe if everything is one transaction, and re-indexes the whole project).
func BenchmarkImportFTSIndexing(b *testing.B) {
	n := importBenchN(b)
	dir := importBenchDir(b, n)
	ctx := context.Background()
	tmp := b.TempDir()
	first := openBench(b, filepath.Join(tmp, "first.dossier"))
	if _, err := first.ImportFiles(ctx, []string{dir}, app.ImportOptions{}); err != nil {
		b.Fatal(err)
	}
	rows := importedRows(b, first)
	first.Close()
	modes := []string{"trigger", "per-batch", "rebuild"}
	took := make([]time.Duration, len(modes))
	runs := 0
	for b.Loop() {
		runs++
		for i, mode := range modes {
			path := filepath.Join(tmp, fmt.Sprintf("%s-%d.dossier", mode, runs))
			s := openBench(b, path)
			start := time.Now()
			if err := batchedInsert(ctx, s, rows, mode); err != nil {
				b.Fatal(err)
			}
			took[i] += time.Since(start)
			s.Close()
			removeProject(path)
		}
	}
	for i, mode := range modes {
		b.ReportMetric(float64(n*runs)/took[i].Seconds(), mode+"-rows/s")
	}
}

// batchedInsert writes rows 500 to a transaction, keeping the index as mode says.
func batchedInsert(ctx context.Context, s *Store, rows benchRows, mode string) error {
	var trigger string
	if err := s.db.QueryRowContext(ctx, `SELECT sql FROM sqlite_schema WHERE name = 'articles_ai'`).Scan(&trigger); err != nil {
		return err
	}
	if mode == "rebuild" {
		if _, err := s.db.ExecContext(ctx, `DROP TRIGGER articles_ai`); err != nil {
			return err
		}
	}
	if err := s.tx(ctx, func(tx *sql.Tx) error {
		for _, o := range rows.outlets {
			if _, err := tx.ExecContext(ctx, `INSERT INTO outlets(id, uuid, name, folded) VALUES (?, ?, ?, ?)`, o[0], newUUID(), o[1], o[2]); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		return err
	}
	for start := 0; start < len(rows.articles); start += 500 {
		err := s.tx(ctx, func(tx *sql.Tx) error {
			if mode == "per-batch" {
				if _, err := tx.ExecContext(ctx, `DROP TRIGGER articles_ai`); err != nil {
					return err
				}
			}
			ins, err := tx.PrepareContext(ctx, `INSERT INTO articles(uuid, title, outlet_id, url, canon_url, author, date, dateline,
				language, body, tags, notes, hash, filed, updated) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`)
			if err != nil {
				return err
			}
			defer ins.Close()
			var first, last int64
			for _, r := range rows.articles[start:min(start+500, len(rows.articles))] {
				res, err := ins.ExecContext(ctx, r.uuid, r.title, r.outlet, r.url, r.canon, r.author, r.date, r.dateline,
					r.lang, r.body, r.tags, r.notes, r.hash, r.filed, r.updated)
				if err != nil {
					return err
				}
				last, _ = res.LastInsertId()
				if first == 0 {
					first = last
				}
			}
			if mode != "per-batch" {
				return nil
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO articles_fts(rowid, title, body, notes)
				SELECT id, title, body, notes FROM articles WHERE id BETWEEN ? AND ?`, first, last); err != nil {
				return err
			}
			_, err = tx.ExecContext(ctx, trigger)
			return err
		})
		if err != nil {
			return err
		}
	}
	if mode != "rebuild" {
		return nil
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')`); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, trigger)
		return err
	})
}

func openBench(b *testing.B, path string) *Store {
	b.Helper()
	s, err := Open(context.Background(), path)
	if err != nil {
		b.Fatal(err)
	}
	return s
}

func removeProject(path string) {
	for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
		os.Remove(path + suffix)
	}
}

// articleRow is one row of the articles table, as the import wrote it.
type articleRow struct {
	uuid, title          string
	outlet               sql.NullInt64
	url, canon, author   string
	date, dateline, lang string
	body, tags, notes    string
	hash, filed, updated string
}

type benchRows struct {
	outlets  [][3]any // id, name, folded
	articles []articleRow
}

func importedRows(b *testing.B, s *Store) benchRows {
	b.Helper()
	var out benchRows
	rows, err := s.db.Query(`SELECT id, name, folded FROM outlets ORDER BY id`)
	if err != nil {
		b.Fatal(err)
	}
	for rows.Next() {
		var id int64
		var name, folded string
		rows.Scan(&id, &name, &folded)
		out.outlets = append(out.outlets, [3]any{id, name, folded})
	}
	rows.Close()
	rows, err = s.db.Query(`SELECT uuid, title, outlet_id, url, canon_url, author, date, dateline, language, body, tags,
		notes, hash, filed, updated FROM articles ORDER BY id`)
	if err != nil {
		b.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var r articleRow
		if err := rows.Scan(&r.uuid, &r.title, &r.outlet, &r.url, &r.canon, &r.author, &r.date, &r.dateline, &r.lang,
			&r.body, &r.tags, &r.notes, &r.hash, &r.filed, &r.updated); err != nil {
			b.Fatal(err)
		}
		out.articles = append(out.articles, r)
	}
	return out
}

// bareInsert is the floor: the same rows through one prepared statement in one
// transaction, the full-text index kept by the same triggers.
func bareInsert(ctx context.Context, s *Store, rows benchRows) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		for _, o := range rows.outlets {
			if _, err := tx.ExecContext(ctx, `INSERT INTO outlets(id, uuid, name, folded) VALUES (?, ?, ?, ?)`, o[0], newUUID(), o[1], o[2]); err != nil {
				return err
			}
		}
		ins, err := tx.PrepareContext(ctx, `INSERT INTO articles(uuid, title, outlet_id, url, canon_url, author, date, dateline,
			language, body, tags, notes, hash, filed, updated) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`)
		if err != nil {
			return err
		}
		defer ins.Close()
		for _, r := range rows.articles {
			if _, err := ins.ExecContext(ctx, r.uuid, r.title, r.outlet, r.url, r.canon, r.author, r.date, r.dateline,
				r.lang, r.body, r.tags, r.notes, r.hash, r.filed, r.updated); err != nil {
				return err
			}
		}
		return nil
	})
}
