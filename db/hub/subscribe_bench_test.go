package hub_test

import (
	"context"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// BenchmarkInSubscriptionMillion: what a project subscribed to a tag waits for in each
// page of its pull on the million hub (see BenchmarkSyncIncrementalMillion), the hub's
// in_subscription for 200 actors, as a member: 100 of the subscription's (named by a
// relation quoting an article tagged harbour, found at the first relation) and 100 drawn
// at random (mostly outside it, so every relation naming them is read). Before hub
// version 5 each took over a second (the whole records table read); reported: ms per
// actor.
func BenchmarkInSubscriptionMillion(b *testing.B) {
	ctx := context.Background()
	mh := startMillionHub(b)
	actors := mh.someActors(b)
	conn, err := pgx.Connect(ctx, mh.url("ayse"))
	if err != nil {
		b.Fatal(err)
	}
	defer conn.Close(ctx)
	var took time.Duration
	b.ResetTimer()
	for n := 0; n < b.N; n++ {
		start := time.Now()
		var in, all int
		err := conn.QueryRow(ctx, `SELECT count(*) FILTER (WHERE dossier_hub.in_subscription(r.collection_id, r.kind, r.uuid, r.data, '{harbour}')), count(*)
			FROM dossier_hub.records r WHERE r.kind = 'actor' AND r.uuid = ANY($1::uuid[])`, actors).Scan(&in, &all)
		took += time.Since(start)
		if err != nil || all != len(actors) || in < 100 {
			b.Fatalf("%d of %d actors read, %d in the subscription (want at least 100): %v", all, len(actors), in, err)
		}
	}
	b.ReportMetric(float64(took.Microseconds())/1000/float64(b.N*len(actors)), "ms/actor")
}

// someActors is 100 actors of the subscription (those the relations numbered above the
// fill's boundary name: see millionFill) and 100 drawn at random.
func (mh *millionHub) someActors(b *testing.B) []string {
	ctx := context.Background()
	c, err := pgx.Connect(ctx, mh.c.AdminURL("million"))
	if err != nil {
		b.Fatal(err)
	}
	defer c.Close(ctx)
	var uuids []string
	err = c.QueryRow(ctx, `SELECT array_agg(u) FROM (
		(SELECT DISTINCT r.data->>'source_id' AS u FROM dossier_hub.records r
		WHERE r.seq > (SELECT boundary FROM public.bench_meta) AND r.kind = 'relation' AND NOT r.deleted LIMIT 100)
		UNION (SELECT uuid::text FROM dossier_hub.records WHERE kind = 'actor' ORDER BY random() LIMIT 100)) x`).Scan(&uuids)
	if err != nil || len(uuids) < 150 {
		b.Fatalf("%d actors picked: %v", len(uuids), err)
	}
	return uuids
}
