package hub_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"dossier/app"
	"dossier/db"
)

// BenchmarkSyncIncremental1000: one project changes 1,000 actors (500 new, 500 edited)
// and syncs (sends them); a colleague's project then syncs (receives them). The goal
// (issue 14): an incremental sync of 1,000 changes in under 5 s. Reported: send-ms and
// receive-ms per sync.
func BenchmarkSyncIncremental1000(b *testing.B) {
	ctx := context.Background()
	tm := newTeam(b)
	a, c := newProject(b), newProject(b)
	var mine []app.Actor
	for i := 0; i < 500; i++ {
		x, err := a.CreateActor(ctx, app.Actor{Name: fmt.Sprintf("Early source %d", i), Kind: app.Person})
		if err != nil {
			b.Fatal(err)
		}
		mine = append(mine, x)
	}
	for _, s := range []struct {
		s *db.Store
		u string
	}{{a, "ayse"}, {c, "bruno"}} {
		if _, err := tm.sync(b, s.s, s.u, app.HubSyncOptions{}); err != nil {
			b.Fatal(err)
		}
	}
	var send, receive time.Duration
	b.ResetTimer()
	for n := 0; n < b.N; n++ {
		b.StopTimer()
		for i := 0; i < 500; i++ {
			if _, err := a.CreateActor(ctx, app.Actor{Name: fmt.Sprintf("Source %d-%d", n, i), Kind: app.Person}); err != nil {
				b.Fatal(err)
			}
			x, err := a.Actor(ctx, mine[i].ID)
			if err != nil {
				b.Fatal(err)
			}
			x.Description = fmt.Sprintf("edited %d", n)
			if _, err := a.UpdateActor(ctx, x); err != nil {
				b.Fatal(err)
			}
		}
		b.StartTimer()
		start := time.Now()
		rep, err := tm.sync(b, a, "ayse", app.HubSyncOptions{})
		if err != nil || rep.Sent != 1000 {
			b.Fatalf("sent %d: %v", rep.Sent, err)
		}
		send += time.Since(start)
		start = time.Now()
		rep, err = tm.sync(b, c, "bruno", app.HubSyncOptions{})
		if err != nil || rep.Received != 1000 {
			b.Fatalf("received %d: %v", rep.Received, err)
		}
		receive += time.Since(start)
	}
	b.ReportMetric(float64(send.Milliseconds())/float64(b.N), "send-ms")
	b.ReportMetric(float64(receive.Milliseconds())/float64(b.N), "receive-ms")
}

// BenchmarkSyncFirstPull3000Articles: an empty project's first sync of a collection of
// 3,000 articles (each a few paragraphs), taken in pages of 2,000. The goal is
// 100,000 articles in under 3 minutes with bounded memory: the pages bound it (one
// page's records at a time); reported: ms per 1,000 articles.
func BenchmarkSyncFirstPull3000Articles(b *testing.B) {
	ctx := context.Background()
	tm := newTeam(b)
	a := newProject(b)
	const n = 3000
	body := strings.Repeat("The harbour board met again on Thursday to discuss the quay, the tariffs and the vote. ", 30)
	for i := 0; i < n; i++ {
		if _, err := a.CreateArticle(ctx, app.Article{Title: fmt.Sprintf("Harbour report %d", i), Body: fmt.Sprintf("%d %s", i, body), Date: "2026-03-01"}); err != nil {
			b.Fatal(err)
		}
	}
	if rep, err := tm.sync(b, a, "ayse", app.HubSyncOptions{}); err != nil || rep.Sent != n {
		b.Fatalf("sent %d: %v", rep.Sent, err)
	}
	var took time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		c := newProject(b)
		b.StartTimer()
		start := time.Now()
		rep, err := tm.sync(b, c, "bruno", app.HubSyncOptions{})
		if err != nil || rep.Received != n {
			b.Fatalf("received %d: %v", rep.Received, err)
		}
		took += time.Since(start)
	}
	b.ReportMetric(float64(took.Milliseconds())/float64(b.N)/(n/1000), "ms/1000-articles")
}
