package db

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"dossier/app"
	"dossier/app/ingest"
)

// stubRead makes s read each file an import opens with read.
func stubRead(s *Store, read func(ctx context.Context, src *ingest.Source) []readied) {
	s.readSource = read
}

// TestImportCancelWhileAReadHangs: a read stuck in the file system (it ignores the
// cancel, as a read from a vanished network share does) does not keep a cancelled import
// from ending: ImportFiles returns on the cancel, with what was filed before committed.
func TestImportCancelWhileAReadHangs(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string][]byte{
		"a.txt": []byte("Harbour reopens\n\nThe harbour reopened on Monday after the storm."),
		"b.txt": []byte("Ferry delayed\n\nThe ferry sailed late on Tuesday."),
		"c.txt": []byte("Market moves\n\nThe market moved to the mill on Wednesday."),
	})
	hung := make(chan struct{})
	unstick := make(chan struct{})
	defer close(unstick) // lets the stuck read go once the test is over
	s := openTest(t)
	stubRead(s, func(ctx context.Context, src *ingest.Source) []readied {
		if filepath.Base(src.Path()) == "b.txt" {
			close(hung)
			<-unstick // deaf to ctx
		}
		return readOne(ctx, src)
	})

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var log importLog
	opt := log.options(1)
	type outcome struct {
		sum app.ImportSummary
		err error
	}
	done := make(chan outcome, 1)
	go func() {
		sum, err := s.ImportFiles(ctx, []string{dir}, opt)
		done <- outcome{sum, err}
	}()
	<-hung
	cancel()
	var got outcome
	select {
	case got = <-done:
	case <-time.After(30 * time.Second): // only so that a failure is reported, not hung
		t.Fatal("the import did not end on the cancel while a read hung")
	}
	if !errors.Is(got.err, context.Canceled) || !got.sum.Cancelled {
		t.Errorf("err %v, summary %+v; want a cancelled import", got.err, got.sum)
	}
	// a.txt may or may not have been filed before the cancel, but what is reported as
	// filed is filed.
	n, err := s.CountArticles(context.Background(), app.ArticleQuery{})
	if err != nil || n != got.sum.Filed {
		t.Errorf("%d articles in the project, %d reported filed (%v)", n, got.sum.Filed, err)
	}
	for _, r := range log.results {
		if filepath.Base(r.Path) != "a.txt" {
			t.Errorf("reported %s %s, read after the hang", r.Outcome, r.Path)
		}
	}
}

// TestImportBoundsBytesInFlight: however many readers there are, the files read but not
// yet filed never hold more than inFlight bytes together. The files are sparse: their
// size is what counts, and the stand-in read never reads them.
func TestImportBoundsBytesInFlight(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(8)) // eight readers, as on an eight-core machine
	dir := t.TempDir()
	const size = inFlight / 3
	sizes := map[string]int64{}
	for i := range 12 {
		name := filepath.Join(dir, fmt.Sprintf("%02d.html", i))
		f, err := os.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if err := f.Truncate(size + int64(i)); err != nil {
			t.Fatal(err)
		}
		f.Close()
		sizes[name] = size + int64(i)
	}
	var held, peak atomic.Int64
	var mu sync.Mutex
	counted := map[string]bool{}
	s := openTest(t)
	stubRead(s, func(ctx context.Context, src *ingest.Source) []readied {
		if h := held.Add(src.Size()); h > peak.Load() {
			peak.Store(h) // only this goroutine's add can raise it past the peak seen
		}
		return []readied{ready(ingest.Item{Path: src.Path(), Article: app.Article{
			Title: "Report " + filepath.Base(src.Path()), Body: "Council report " + src.Path() + "."}})}
	})
	opt := app.ImportOptions{BatchSize: 1, Progress: func(p app.ImportProgress) {
		// Called once the file's article is filed, just before its bytes are given back.
		mu.Lock()
		defer mu.Unlock()
		if !counted[p.Current] {
			counted[p.Current] = true
			held.Add(-sizes[p.Current])
		}
	}}
	sum, err := s.ImportFiles(context.Background(), []string{dir}, opt)
	if err != nil || sum.Filed != 12 {
		t.Fatalf("summary %+v, %v", sum, err)
	}
	if p := peak.Load(); p > inFlight {
		t.Errorf("%d MB read and not yet filed at once, want at most %d MB", p>>20, inFlight>>20)
	}
}

// TestImportCommitsLargeTextEarly: a batch is committed once it holds batchBytes of
// text, whatever its count of articles, so that SQLite never indexes more at once.
func TestImportCommitsLargeTextEarly(t *testing.T) {
	body := func(i int) string {
		return fmt.Sprintf("Report %d. ", i) + strings.Repeat("The council met for the levy. ", batchBytes/2/30)
	}
	var arts []app.Article
	for i := range 3 {
		arts = append(arts, app.Article{Title: fmt.Sprintf("Long report %d", i), Body: body(i)})
	}
	s := openTest(t)
	var committed []int
	opt := app.ImportOptions{Progress: func(p app.ImportProgress) { committed = append(committed, p.Committed) }}
	sum, err := s.ImportArticles(context.Background(), items(arts...), opt)
	if err != nil || sum.Filed != 3 {
		t.Fatalf("%+v, %v", sum, err)
	}
	// Progress after each article, and after each commit: the first two articles (half
	// of batchBytes each) make a batch of their own.
	if !slices.Contains(committed, 2) {
		t.Errorf("committed counts seen %v: the first two large articles were not committed before the third", committed)
	}
}

// TestImportPutsTheMemoryLimitBack: the soft memory limit an import sets lasts only as long
// as imports run, overlapping ones included; the process's own limit comes back after.
func TestImportPutsTheMemoryLimitBack(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	end1 := limitMemory()
	end2 := limitMemory()
	if got := debug.SetMemoryLimit(-1); got != importMemoryLimit {
		t.Fatalf("during an import the limit is %d, want %d", got, importMemoryLimit)
	}
	end1()
	if got := debug.SetMemoryLimit(-1); got != importMemoryLimit {
		t.Fatalf("with one import still running the limit is %d, want %d", got, importMemoryLimit)
	}
	end2()
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Fatalf("after the imports the limit is %d, want %d as before", got, before)
	}
}
