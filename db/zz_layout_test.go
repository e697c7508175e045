package db

import (
	"encoding/json"
	"os"
	"context"
	"fmt"
	"math"
	"testing"

	"dossier/app/graph"
)

func BenchmarkZZLayout(b *testing.B) {
	s := graphBenchStore(b)
	g, err := s.NetworkGraph(context.Background(), graph.Filter{}, 5000)
	if err != nil {
		b.Fatal(err)
	}
	js, _ := json.Marshal(g)
	os.WriteFile("/tmp/hg-net5000.json", js, 0o644)
	graph.Layout(&g, 120, nil)
	cells := map[[2]int]int{}
	for _, n := range g.Nodes {
		cells[[2]int{int(math.Floor(n.X * 20)), int(math.Floor(n.Y * 20))}]++
	}
	fmt.Println("nodes", len(g.Nodes), "edges", len(g.Edges), "occupied cells (of 400)", len(cells))
	deg := map[int]int{}
	for _, n := range g.Nodes {
		deg[n.Degree/100]++
	}
	fmt.Println("degree hist /100", deg)
	for i, n := range g.Nodes[:10] {
		fmt.Printf("%d %s %.3f %.3f deg %d\n", i, n.Name, n.X, n.Y, n.Degree)
	}
}
