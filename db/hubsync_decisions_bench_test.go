package db

import (
	"context"
	"testing"

	"dossier/app"
)

// BenchmarkHubDecisionChanges: what listing the decisions to send adds to every sync of
// the synthetic project (100,000 articles and their mentions): the mentions decided are
// found among all the mentions, and every decision is compared with its base.
func BenchmarkHubDecisionChanges(b *testing.B) {
	ctx := context.Background()
	s := benchStore(b)
	place := app.HubPlace{URL: "postgres://bench@hub/team", Collection: "desk"}
	var mentions, decided int
	if err := s.db.QueryRow(`SELECT count(*), count(*) FILTER (WHERE status IN ('confirmed', 'rejected')) FROM mentions`).Scan(&mentions, &decided); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.decisionChanges(ctx, place); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(mentions), "mentions")
	b.ReportMetric(float64(decided), "decided")
}
