package db

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"dossier/app"
	"dossier/app/graph"
)

// graphBenchStore is benchStore's synthetic project (100,000 articles, 5,000 actors,
// 100,000 relations), copied so that the shared file is never migrated by this branch
// (v2: migrated to actor_dates, 0015, which older builds cannot open).
func graphBenchStore(b *testing.B) *Store {
	b.Helper()
	n := benchSizes()
	path := filepath.Join(os.TempDir(), fmt.Sprintf("dossier-bench-graph-v2-%d-%d-%d.dossier", n.Articles, n.Actors, n.Relations))
	if _, err := os.Stat(path); err != nil {
		src := filepath.Join(os.TempDir(), fmt.Sprintf("dossier-bench-v2-%d-%d-%d.dossier", n.Articles, n.Actors, n.Relations))
		if _, err := os.Stat(src); err != nil {
			benchStore(b).Close() // builds it
		}
		if err := copyBenchFile(src, path+".building"); err != nil {
			b.Fatal(err)
		}
		if err := os.Rename(path+".building", path); err != nil {
			b.Fatal(err)
		}
	}
	s, err := Open(context.Background(), path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

// conflictualSince is the filter the benchmarks use: conflictual relations from 2020.
var conflictualSince = graph.Filter{Polarities: []app.Polarity{app.Conflictual}, From: "2020"}

// BenchmarkFilteredDossierBusiest: the busiest actor's dossier with a filter on, as the
// window asks for it (newest 200 relations and articles listed, all counted). Goal < 50 ms.
// "cold" counts the actor's articles by date again (the first filter after a change);
// "warm" is the next filter on the same dossier.
func BenchmarkFilteredDossierBusiest(b *testing.B) {
	for _, cold := range []bool{true, false} {
		b.Run(map[bool]string{true: "cold", false: "warm"}[cold], func(b *testing.B) { benchFilteredDossier(b, cold) })
	}
}

func benchFilteredDossier(b *testing.B, cold bool) {
	s := graphBenchStore(b)
	ctx := context.Background()
	id := busiest(b, s)
	var c graph.Counts
	for b.Loop() {
		if cold {
			s.forgetGraphs()
		}
		var err error
		if _, c, err = s.FilteredDossier(ctx, id, conflictualSince, DossierMentions); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(c.Relations), "relations")
	b.ReportMetric(float64(c.Articles), "articles")
}

// BenchmarkEgoGraph2HopsBusiest: the busiest actor's graph at two hops, assembled (200
// relations drawn of all those within reach) and laid out. Goal < 200 ms. "cold" reads
// the actors and types again (the first graph after a change); "warm" is the next click.
// The second hop is counted in SQL (egoCounted) in both.
func BenchmarkEgoGraph2HopsBusiest(b *testing.B) {
	for _, cold := range []bool{true, false} {
		b.Run(map[bool]string{true: "cold", false: "warm"}[cold], func(b *testing.B) { benchEgo(b, cold) })
	}
}

func benchEgo(b *testing.B, cold bool) {
	s := graphBenchStore(b)
	ctx := context.Background()
	id := busiest(b, s)
	var g graph.Graph
	for b.Loop() {
		if cold {
			s.forgetGraphs()
		}
		var err error
		if g, err = s.EgoGraph(ctx, id, 2, graph.Filter{}, graph.DefaultLimit); err != nil {
			b.Fatal(err)
		}
		graph.Layout(&g, 60, nil)
	}
	b.ReportMetric(float64(g.Total), "relations")
	b.ReportMetric(float64(len(g.Nodes)), "nodes")
}

// BenchmarkPathBusiestToQuiet: how the busiest actor and one of the least named are
// connected, co-mentions included. Goal < 200 ms; cold and warm as for the ego graph.
func BenchmarkPathBusiestToQuiet(b *testing.B) {
	for _, cold := range []bool{true, false} {
		b.Run(map[bool]string{true: "cold", false: "warm"}[cold], func(b *testing.B) { benchPath(b, cold) })
	}
}

func benchPath(b *testing.B, cold bool) {
	s := graphBenchStore(b)
	ctx := context.Background()
	id := busiest(b, s)
	var quiet int64
	if err := s.db.QueryRow(`SELECT source_id FROM relations GROUP BY source_id ORDER BY count(*), source_id LIMIT 1`).Scan(&quiet); err != nil {
		b.Fatal(err)
	}
	var c graph.Connection
	for b.Loop() {
		if cold {
			s.forgetGraphs()
		}
		var err error
		if c, err = s.Connection(ctx, id, quiet, graph.Filter{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(c.Paths)), "paths")
}

// BenchmarkActorTimelineBusiest: the busiest actor's timeline data (its relations as
// marks, its ~30,000 articles in monthly bars). Goal < 100 ms.
func BenchmarkActorTimelineBusiest(b *testing.B) {
	s := graphBenchStore(b)
	ctx := context.Background()
	id := busiest(b, s)
	var tl graph.Timeline
	for b.Loop() {
		var err error
		if tl, err = s.ActorTimeline(ctx, id, graph.Filter{}, graph.Month); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(tl.Marks)), "marks")
	b.ReportMetric(float64(len(tl.Bars)), "bars")
}

// BenchmarkNetworkAssembly: the project network cut to 20,000 relations, assembled (the
// layout runs in the background in the window).
func BenchmarkNetworkAssembly(b *testing.B) {
	s := graphBenchStore(b)
	ctx := context.Background()
	var g graph.Graph
	for b.Loop() {
		var err error
		if g, err = s.NetworkGraph(ctx, graph.Filter{}, 20_000); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(g.Nodes)), "nodes")
}
