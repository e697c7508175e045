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
	"dossier/app/ingest"
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
	if err := ingest.WriteSyntheticFiles(dir, n, 1); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, ".complete"), nil, 0o644); err != nil {
		b.Fatal(err)
	}
	return dir
}

// BenchmarkImportThroughput imports N synthetic articles (ingest.WriteSyntheticFiles: saved
// web pages, text files and feeds, about 3 KB of text each) into an empty project, and,
// side by side in the same run, writes the very same rows and full-text index with the
// bare minimum: a prepared INSERT loop in one transaction, no reading, no parsing, no
// duplicate checks. It reports both rates in articles a second, and their ratio (the
// issue's goal: import ≥ 0.5 × bare).
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
	var imported, bare time.Duration
	runs := 0
	for b.Loop() {
		runs++
		s := openBench(b, filepath.Join(tmp, fmt.Sprintf("import-%d.dossier", runs)))
		start := time.Now()
		if _, err := s.ImportFiles(ctx, []string{dir}, opt); err != nil {
			b.Fatal(err)
		}
		imported += time.Since(start)
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
}

// BenchmarkImportFTSRebuild answers whether a big import should drop the full-text
// triggers and rebuild the index at the end: it writes the same rows with the triggers
// (as the import does, in one transaction) and without them followed by a 'rebuild',
// and reports the two rates. (Dropping triggers is only safe inside one
// transaction with the rows, which a batched, cancellable import cannot be.)
func BenchmarkImportFTSRebuild(b *testing.B) {
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
	var triggers, rebuild time.Duration
	runs := 0
	for b.Loop() {
		runs++
		path := filepath.Join(tmp, fmt.Sprintf("triggers-%d.dossier", runs))
		s := openBench(b, path)
		start := time.Now()
		if err := bareInsert(ctx, s, rows); err != nil {
			b.Fatal(err)
		}
		triggers += time.Since(start)
		s.Close()
		removeProject(path)

		path = filepath.Join(tmp, fmt.Sprintf("rebuild-%d.dossier", runs))
		s = openBench(b, path)
		var names, ddl []string
		r, err := s.db.Query(`SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'articles'
			AND sql LIKE '%articles_fts%'`)
		if err != nil {
			b.Fatal(err)
		}
		for r.Next() {
			var name, q string
			r.Scan(&name, &q)
			names, ddl = append(names, name), append(ddl, q)
		}
		r.Close()
		start = time.Now()
		err = s.tx(ctx, func(tx *sql.Tx) error {
			for _, name := range names {
				if _, err := tx.ExecContext(ctx, `DROP TRIGGER `+name); err != nil {
					return err
				}
			}
			return nil
		})
		if err == nil {
			err = bareInsert(ctx, s, rows)
		}
		if err == nil {
			err = s.tx(ctx, func(tx *sql.Tx) error {
				if _, err := tx.ExecContext(ctx, `INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')`); err != nil {
					return err
				}
				for _, q := range ddl {
					if _, err := tx.ExecContext(ctx, q); err != nil {
						return err
					}
				}
				return nil
			})
		}
		if err != nil {
			b.Fatal(err)
		}
		rebuild += time.Since(start)
		s.Close()
		removeProject(path)
	}
	b.ReportMetric(float64(n*runs)/triggers.Seconds(), "triggers-rows/s")
	b.ReportMetric(float64(n*runs)/rebuild.Seconds(), "rebuild-rows/s")
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
