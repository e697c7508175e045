package export_test

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sync/atomic"
	"testing"
	"time"

	"dossier/app"
	"dossier/app/export"
	"dossier/db"
	"dossier/db/dbtest"
)

// benchProject opens the synthetic project of the issue (100,000 relations, 100,000
// articles, 5,000 actors; DOSSIER_BENCH_ARTICLES makes it smaller), building it once
// in the temp folder.
func benchProject(b *testing.B) *db.Store {
	b.Helper()
	n := dbtest.Sizes{Articles: 100_000, Actors: 5_000, Relations: 100_000}
	if v := os.Getenv("DOSSIER_BENCH_ARTICLES"); v != "" {
		fmt.Sscan(v, &n.Articles)
		n.Relations = n.Articles
	}
	path := filepath.Join(os.TempDir(), fmt.Sprintf("dossier-bench-export-v1-%d-%d-%d.dossier", n.Articles, n.Actors, n.Relations))
	ctx := context.Background()
	if _, err := os.Stat(path); err != nil {
		tmp := path + ".building"
		os.Remove(tmp)
		s, err := db.Create(ctx, tmp)
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
	s, err := db.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

// counter counts the bytes written, standing in for the file.
type counter struct{ n int64 }

func (c *counter) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }

// peakHeap samples the live heap while the export runs: a streamed export's stays flat
// whatever the project's size, one built in memory grows with it.
func peakHeap() (stop func() uint64) {
	var peak atomic.Uint64
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		t := time.NewTicker(20 * time.Millisecond)
		defer t.Stop()
		var m runtime.MemStats
		for {
			runtime.ReadMemStats(&m)
			if m.HeapAlloc > peak.Load() {
				peak.Store(m.HeapAlloc)
			}
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() uint64 { close(done); <-finished; return peak.Load() }
}

// BenchmarkExportProject: each export of the whole 100,000-relation project, with its
// output size and the peak live heap (goal: < 10 s each, memory bounded).
func BenchmarkExportProject(b *testing.B) {
	s := benchProject(b)
	ctx := context.Background()
	formats := []struct {
		name  string
		write func(io.Writer, export.Job) error
	}{
		{"gexf", func(w io.Writer, j export.Job) error { return export.WriteGEXF(ctx, w, j) }},
		{"graphml", func(w io.Writer, j export.Job) error { return export.WriteGraphML(ctx, w, j) }},
		{"ftm", func(w io.Writer, j export.Job) error { return export.WriteFtM(ctx, w, j) }},
		{"stix", func(w io.Writer, j export.Job) error { return export.WriteSTIX(ctx, w, j, nil) }},
		{"csv-relations", func(w io.Writer, j export.Job) error {
			return export.WriteEachRelation(w, func(fn func(r app.Relation) error) error {
				return s.EachRelation(ctx, app.RelationQuery{}, fn)
			}, export.Options{})
		}},
	}
	for _, f := range formats {
		b.Run(f.name, func(b *testing.B) {
			runtime.GC()
			stop := peakHeap()
			var c counter
			for b.Loop() {
				c = counter{}
				if err := f.write(&c, export.Job{Src: s}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(c.n)/1e6, "MB")
			b.ReportMetric(float64(stop())/1e6, "peak-heap-MB")
		})
	}
	b.Run("markdown-zip", func(b *testing.B) {
		runtime.GC()
		stop := peakHeap()
		var c counter
		for b.Loop() {
			c = counter{}
			if err := export.WriteVaultZip(ctx, &c, export.Job{Src: s}); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(c.n)/1e6, "MB")
		b.ReportMetric(float64(stop())/1e6, "peak-heap-MB")
	})
	// The vault's files made one after the other by the export itself, as the folder
	// vault was written before the background writer: the reference for markdown-folder.
	b.Run("markdown-folder-serial", func(b *testing.B) {
		for b.Loop() {
			dir := freshOutput(b)
			if err := export.WriteVault(ctx, export.DirSink(dir), export.Job{Src: s}); err != nil {
				b.Fatal(err)
			}
		}
	})
	// What the file system alone takes to make as many files of about the same sizes
	// (100,000 articles of 3 KB, 5,000 actors of 2 KB) one after the other: the floor
	// under markdown-folder, which makes them on one background writer while it reads.
	b.Run("markdown-folder-files-only", func(b *testing.B) {
		body := make([]byte, 3<<10)
		for b.Loop() {
			dir := freshOutput(b)
			for _, f := range []struct {
				folder  string
				n, size int
			}{{"articles", 100_000, 3 << 10}, {"actors", 5_000, 2 << 10}} {
				os.Mkdir(filepath.Join(dir, f.folder), 0o755)
				for i := range f.n {
					out, err := os.OpenFile(filepath.Join(dir, f.folder, fmt.Sprintf("a-name-of-some-length-%d-0123456789ab.md", i)), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
					if err != nil {
						b.Fatal(err)
					}
					out.Write(body[:f.size])
					if err := out.Close(); err != nil {
						b.Fatal(err)
					}
				}
			}
		}
	})
	// The vault as a folder, as the window and `dossier export markdown --out DIR` write
	// it: into a temporary folder, flushed to disk, renamed when complete.
	b.Run("markdown-folder", func(b *testing.B) {
		runtime.GC()
		stop := peakHeap()
		for b.Loop() {
			dir := filepath.Join(freshOutput(b), "vault")
			if err := export.WriteVaultDir(ctx, dir, export.Job{Src: s}); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(stop())/1e6, "peak-heap-MB")
	})
}

// benchOut holds the folder benchmarks' outputs until the benchmarks end (TestMain).
var benchOut string

// freshOutput is a new, empty folder for one timed run of a folder benchmark, made with
// the timer stopped, after every earlier run's files are written back (sync): the kernel
// writing 425 MB of the last run meanwhile made the figures vary. The earlier runs'
// folders are kept until the end rather than deleted here: on ext4 without a journal (as
// on the machine measured), every new file skips, one lookup each, the inodes freed in
// the last minute, or six while their inode-table block is dirty (which new inodes
// beside them make it): a vault made within minutes of deleting one took twice as long
// or more, so removing the output before timing would measure that.
func freshOutput(b *testing.B) string {
	b.Helper()
	b.StopTimer()
	defer b.StartTimer()
	if benchOut == "" {
		d, err := os.MkdirTemp("", "dossier-bench-vault-")
		if err != nil {
			b.Fatal(err)
		}
		benchOut = d
	}
	dir, err := os.MkdirTemp(benchOut, "run-")
	if err != nil {
		b.Fatal(err)
	}
	benchSync()
	return dir
}

// TestMain removes the folder benchmarks' outputs once every benchmark is done, unless
// DOSSIER_BENCH_KEEP is set: to compare two builds' runs one after the other, none of
// them just after a deletion (which slows the next six minutes' runs, see freshOutput);
// the folder is then named on the output, for removing by hand.
func TestMain(m *testing.M) {
	code := m.Run()
	if benchOut != "" && os.Getenv("DOSSIER_BENCH_KEEP") != "" {
		fmt.Println("kept the folder benchmarks' output:", benchOut)
	} else if benchOut != "" {
		os.RemoveAll(benchOut)
		benchSync()
	}
	os.Exit(code)
}
