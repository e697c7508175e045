package hub_test

import (
	"context"
	"testing"

	"github.com/jackc/pgx/v5"

	"dossier/db/hub"
)

// BenchmarkHistoryOfARecord: a collection of 50,000 actors, each created and changed
// twice (150,000 changes in the log, written by the trigger); the history of one actor,
// as History… and hub history --record ask for it. Reported: ms per look-up.
func BenchmarkHistoryOfARecord(b *testing.B) {
	ctx := context.Background()
	tm := newTeam(b)
	admin, err := pgx.Connect(ctx, hub.SharedCluster().AdminURL(tm.db))
	if err != nil {
		b.Fatal(err)
	}
	defer admin.Close(ctx)
	var coll string
	if err := admin.QueryRow(ctx, `SELECT id::text FROM dossier_hub.collections WHERE name = 'desk'`).Scan(&coll); err != nil {
		b.Fatal(err)
	}
	if _, err := admin.Exec(ctx, `INSERT INTO dossier_hub.records(collection_id, kind, uuid, data)
		SELECT $1, 'actor', gen_random_uuid(), jsonb_build_object('v', 1, 'name', 'Actor ' || i) FROM generate_series(1, 50000) i`, coll); err != nil {
		b.Fatal(err)
	}
	for _, d := range []string{"first", "second"} {
		if _, err := admin.Exec(ctx, `UPDATE dossier_hub.records SET data = data || jsonb_build_object('description', $1::text)`, d); err != nil {
			b.Fatal(err)
		}
	}
	var one string
	if err := admin.QueryRow(ctx, `SELECT uuid::text FROM dossier_hub.records ORDER BY uuid OFFSET 25000 LIMIT 1`).Scan(&one); err != nil {
		b.Fatal(err)
	}
	if _, err := admin.Exec(ctx, `ANALYZE dossier_hub.changes`); err != nil {
		b.Fatal(err)
	}
	h, id := tm.connectAs(b, "ayse")
	b.ResetTimer()
	for n := 0; n < b.N; n++ {
		hist, _, err := h.History(ctx, id, []string{one}, 0)
		if err != nil || len(hist) != 3 {
			b.Fatalf("%d changes, %v", len(hist), err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/lookup")
}
