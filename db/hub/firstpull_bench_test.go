package hub_test

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"dossier/app"
	"dossier/db/hub"
)

// BenchmarkSyncFirstPull: an empty project's first sync of a collection of 10,000,
// 20,000 and 50,000 articles (each about 2,600 characters, as the 3,000-article benchmark's) and
// 300 actors whose names occur in them. The goal: 100,000 articles in under 3
// minutes with bounded memory. The hub is filled by INSERT … SELECT over
// generate_series from one article and one actor a project sent. Reported: ms per 1,000
// articles (wall clock, and the CPU time of this process, the app's side: the machine's
// load stretches the first), and the process's peak resident memory during the pull
// (Linux: with SQLite's page cache, up to 64 MiB, and the project file's pages mapped
// in memory, up to 256 MiB) and the Go heap's peak.
func BenchmarkSyncFirstPull(b *testing.B) {
	for _, n := range []int{10_000, 20_000, 50_000} {
		b.Run(fmt.Sprintf("%d-articles", n), func(b *testing.B) {
			tm := newTeam(b)
			fillCollection(b, tm, n, 300)
			var took, cpu time.Duration
			var peak int64
			var heap uint64
			for i := 0; i < b.N; i++ {
				c := newProject(b)
				resetPeakRSS()
				stop := watchHeap(&heap)
				start, startCPU := time.Now(), processCPU()
				rep, err := tm.sync(b, c, "bruno", app.HubSyncOptions{})
				if err != nil || rep.Received != n+300 {
					b.Fatalf("received %d: %v", rep.Received, err)
				}
				took += time.Since(start)
				cpu += processCPU() - startCPU
				stop()
				peak = max(peak, peakRSS())
			}
			b.ReportMetric(float64(took.Milliseconds())/float64(b.N)/float64(n/1000), "ms/1000-articles")
			b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N)/float64(n/1000), "client-cpu-ms/1000-articles")
			b.ReportMetric(float64(heap)/(1<<20), "peak-heap-MiB")
			if peak > 0 {
				b.ReportMetric(float64(peak)/(1<<20), "peak-RSS-MiB")
			}
		})
	}
}

// fillCollection puts into the collection "desk" n articles and actors synthetic
// actors, as copies of one article and one actor a project sent (so their JSON is what
// a project writes), each with its own UUID, title, text and hash.
func fillCollection(b *testing.B, tm *team, n, actors int) {
	ctx := context.Background()
	a := newProject(b)
	body := strings.Repeat("The harbour board met again on Thursday to discuss the quay, the tariffs and the vote. ", 30)
	if _, err := a.CreateArticle(ctx, app.Article{Title: "Template", Body: body, Date: "2026-03-01", Source: "Kestravik Post"}); err != nil {
		b.Fatal(err)
	}
	if _, err := a.CreateActor(ctx, app.Actor{Name: "Template Actor", Kind: app.Person}); err != nil {
		b.Fatal(err)
	}
	if _, err := tm.sync(b, a, "ayse", app.HubSyncOptions{}); err != nil {
		b.Fatal(err)
	}
	c, err := pgx.Connect(ctx, hub.SharedCluster().AdminURL(tm.db))
	if err != nil {
		b.Fatal(err)
	}
	defer c.Close(ctx)
	for _, q := range []string{
		`UPDATE dossier_hub.records SET deleted = true, data = '{"v": 1}' WHERE true`,
		fmt.Sprintf(`INSERT INTO dossier_hub.records(collection_id, kind, uuid, data)
		SELECT t.collection_id, 'actor', x.u, t.data || jsonb_build_object('uuid', x.u::text, 'name', 'Witness Number' || i,
			'aliases', jsonb_build_array(jsonb_build_object('text', 'Witness Number' || i, 'folded', 'witness number' || i, 'is_name', 1)))
		FROM generate_series(1, %d) i, LATERAL (SELECT gen_random_uuid() AS u WHERE i > 0) x,
			(SELECT collection_id, data FROM dossier_hub.history WHERE kind = 'actor') t`, actors),
		fmt.Sprintf(`INSERT INTO dossier_hub.records(collection_id, kind, uuid, data)
		SELECT t.collection_id, 'article', x.u, t.data || jsonb_build_object('uuid', x.u::text, 'title', 'Harbour report ' || i,
			'body', 'Witness Number' || (i %% %d + 1) || ' spoke. ' || i || ' ' || (t.data->>'body'), 'hash', md5(i || (t.data->>'body')))
		FROM generate_series(1, %d) i, LATERAL (SELECT gen_random_uuid() AS u WHERE i > 0) x,
			(SELECT collection_id, data FROM dossier_hub.history WHERE kind = 'article') t`, actors, n),
		`DELETE FROM dossier_hub.records WHERE deleted`, // the templates: a first pull never sees them
		`ANALYZE dossier_hub.records`,
	} {
		if _, err := c.Exec(ctx, q); err != nil {
			b.Fatalf("%s: %v", q, err)
		}
	}
}

// watchHeap samples the Go heap in use every 10 ms, keeping the largest in peak, until
// the function it returns is called.
func watchHeap(peak *uint64) (stop func()) {
	done, finished := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(finished)
		t := time.NewTicker(10 * time.Millisecond)
		defer t.Stop()
		for {
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			*peak = max(*peak, m.HeapInuse)
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() { close(done); <-finished }
}
