package hub_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"dossier/db/hub"
)

// BenchmarkHubSearchMillion: a hub of 1,000,000 synthetic articles (60 words each, drawn
// from 5,000 made-up words with a long tail, as words in text are; one article in 1,000
// names São Paulo, one in 5,000 al-Mālikī), searched by a member with a grant. The
// goal (issue 14): under 200 ms. The hub is built by one INSERT … SELECT over
// generate_series, the search index made after it (a few minutes); reported: ms per search
// for queries from rare to common, and how many articles each matches.
func BenchmarkHubSearchMillion(b *testing.B) {
	ctx := context.Background()
	tm := newTeam(b)
	const n = 1_000_000
	start := time.Now()
	buildSyntheticHub(b, tm, n)
	b.Logf("built %d articles in %s", n, time.Since(start).Round(time.Second))
	h, err := hub.Connect(ctx, tm.url("bruno"))
	if err != nil {
		b.Fatal(err)
	}
	defer h.Close(ctx)
	admin, err := pgx.Connect(ctx, hub.SharedCluster().AdminURL(tm.db))
	if err != nil {
		b.Fatal(err)
	}
	defer admin.Close(ctx)
	for _, q := range []string{"maliki", "Sao Paulo", `"sao paulo" strike`, "lex700", "lex40 lex41", "lex20", "lex3"} {
		var matches int
		if err := admin.QueryRow(ctx, `SELECT count(*) FROM dossier_hub.records WHERE kind = 'article'
			AND search @@ websearch_to_tsquery('dossier_hub.folded', $1)`, q).Scan(&matches); err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("%s/%d-matches", q, matches), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				res, err := h.SearchArticles(ctx, "desk", q, 20)
				if err != nil || len(res.Hits) == 0 {
					b.Fatalf("%s: %d hits, %v", q, len(res.Hits), err)
				}
			}
		})
	}
}

// buildSyntheticHub fills the team's collection "desk" with n synthetic articles, as the
// hub's owner, in one statement; the search index is dropped meanwhile and built after.
func buildSyntheticHub(b *testing.B, tm *team, n int) {
	ctx := context.Background()
	c, err := pgx.Connect(ctx, hub.SharedCluster().AdminURL(tm.db))
	if err != nil {
		b.Fatal(err)
	}
	defer c.Close(ctx)
	for _, q := range []string{
		`SET search_path = dossier_hub, public`,
		`SET maintenance_work_mem = '512MB'`,
		`DROP INDEX records_search`,
		`ALTER TABLE records DISABLE TRIGGER records_stamp`,
		fmt.Sprintf(`INSERT INTO records(collection_id, kind, uuid, data, deleted, created_by, updated_by, search)
		SELECT c.id, 'article', gen_random_uuid(), d.data, false, 'synthetic', 'synthetic',
			to_tsvector('simple', unaccent((d.data->>'title') || ' ' || (d.data->>'body')))
		FROM (SELECT id FROM collections WHERE name = 'desk') c,
		LATERAL (SELECT i, jsonb_build_object('v', 1, 'uuid', gen_random_uuid(), 'title', 'Report ' || i, 'date', '2026-01-01',
			'body', (SELECT string_agg('lex' || floor(exp(random() * ln(5000)))::int, ' ') FROM generate_series(1, 60) w WHERE i > 0)
				|| CASE WHEN i %% 1000 = 0 THEN ' strike at the port of São Paulo' ELSE '' END
				|| CASE WHEN i %% 5000 = 7 THEN ' the cleric Hādī al-Mālikī said' ELSE '' END) AS data
			FROM generate_series(1, %d) i) d`, n),
		`ALTER TABLE records ENABLE TRIGGER records_stamp`,
		`CREATE INDEX records_search ON records USING gin (search) WHERE kind = 'article'`,
		`ANALYZE records`,
	} {
		if _, err := c.Exec(ctx, q); err != nil {
			b.Fatalf("%s: %v", q, err)
		}
	}
}
