package db

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"
)

// BenchmarkBackup is the time of one backup of the synthetic project: the page copy from
// a read snapshot and its verification (quick_check, which covers the full-text indexes,
// and the row counts), the fsync and the rename. DOSSIER_BENCH_ARTICLES picks a smaller
// project. Goal: under 5 s at 100,000 articles.
func BenchmarkBackup(b *testing.B) {
	s := benchStore(b)
	ctx := context.Background()
	dir := b.TempDir()
	var size int64
	var cpu time.Duration
	for b.Loop() {
		out := filepath.Join(dir, "b.dossier")
		c := cpuTime()
		info, err := s.Backup(ctx, out)
		if err != nil {
			b.Fatal(err)
		}
		cpu += cpuTime() - c
		size = info.Size
		b.StopTimer()
		os.Remove(out)
		b.StartTimer()
	}
	b.ReportMetric(float64(size)/1e6, "MB")
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
}

// BenchmarkVerifyBackup is the verification alone, as restore runs it on a backup.
func BenchmarkVerifyBackup(b *testing.B) {
	s := benchStore(b)
	ctx := context.Background()
	out := filepath.Join(b.TempDir(), "b.dossier")
	if _, err := s.Backup(ctx, out); err != nil {
		b.Fatal(err)
	}
	c := cpuTime()
	for b.Loop() {
		if _, err := VerifyBackup(ctx, out); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric((cpuTime()-c).Seconds()/float64(b.N), "cpu-s/op")
}

// BenchmarkBackupPhases says where a backup's time goes: the copy, then each part of
// the verification on the copy (quick_check, each full-text index's integrity-check, the
// row counts) and the fsync, each reported as seconds per backup.
func BenchmarkBackupPhases(b *testing.B) {
	s := benchStore(b)
	ctx := context.Background()
	dir := b.TempDir()
	phases := map[string]time.Duration{}
	cpu := map[string]time.Duration{}
	timed := func(name string, fn func() error) {
		b.Helper()
		start, cpuStart := time.Now(), cpuTime()
		if err := fn(); err != nil {
			b.Fatalf("%s: %v", name, err)
		}
		phases[name] += time.Since(start)
		cpu[name] += cpuTime() - cpuStart
	}
	for b.Loop() {
		tmp := filepath.Join(dir, "phases.dossier")
		os.Remove(tmp)
		timed("copy", func() error { _, err := s.copyTo(ctx, tmp, nil); return err })
		db, err := sql.Open("sqlite", "file:"+tmp+"?mode=rw"+os.Getenv("VERIFY_DSN_EXTRA"))
		if err != nil {
			b.Fatal(err)
		}
		db.SetMaxOpenConns(quickCheckWorkers() + 1)
		timed("quick_check", func() error {
			if p, err := quickCheckRows(ctx, db, "PRAGMA quick_check"); p != "" {
				return fmt.Errorf("%s (%v)", p, err)
			}
			return nil
		})
		timed("split_check", func() error {
			guard, err := db.Conn(ctx)
			if err != nil {
				return err
			}
			defer guard.Close()
			if _, err := guard.ExecContext(ctx, "BEGIN"); err != nil {
				return err
			}
			defer guard.ExecContext(ctx, "ROLLBACK")
			if p, err := quickCheckSplit(ctx, db, guard, quickCheckWorkers()); p != "" {
				return fmt.Errorf("%s (%v)", p, err)
			}
			return nil
		})
		timed("counts", func() error { _, err := countRows(ctx, db); return err })
		db.Close()
		timed("fsync", func() error { return syncFile(tmp) })
	}
	names := make([]string, 0, len(phases))
	for n := range phases {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		b.ReportMetric(phases[n].Seconds()/float64(b.N), n+"-s")
		b.ReportMetric(cpu[n].Seconds()/float64(b.N), n+"-cpu-s")
	}
}
