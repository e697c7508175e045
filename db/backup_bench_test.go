package db

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkBackup is the time of one backup of the synthetic project: the copy (VACUUM
// INTO) and its verification (quick_check, the full-text indexes' integrity-check, row
// counts). DOSSIER_BENCH_ARTICLES picks a smaller project.
func BenchmarkBackup(b *testing.B) {
	s := benchStore(b)
	ctx := context.Background()
	dir := b.TempDir()
	var size int64
	for b.Loop() {
		out := filepath.Join(dir, "b.dossier")
		info, err := s.Backup(ctx, out)
		if err != nil {
			b.Fatal(err)
		}
		size = info.Size
		b.StopTimer()
		os.Remove(out)
		b.StartTimer()
	}
	b.ReportMetric(float64(size)/1e6, "MB")
}

// BenchmarkVerifyBackup is the verification alone, as restore runs it on a backup.
func BenchmarkVerifyBackup(b *testing.B) {
	s := benchStore(b)
	ctx := context.Background()
	out := filepath.Join(b.TempDir(), "b.dossier")
	if _, err := s.Backup(ctx, out); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := VerifyBackup(ctx, out); err != nil {
			b.Fatal(err)
		}
	}
}
