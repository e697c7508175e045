package hub_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	_ "modernc.org/sqlite"

	"dossier/app"
	"dossier/app/teamsync"
	"dossier/db"
	"dossier/db/hub"
	"dossier/db/hub/hubtest"
)

// The scale of issue 14's goal: a hub of 1,000,000 articles, 50,000 actors and 1,000,000
// relations.
const (
	millionArticles  = 1_000_000
	millionActors    = 50_000
	millionRelations = 1_000_000
	// One article in millionTagEvery is tagged "harbour": the project's subscription.
	millionTagEvery = 1000
)

// millionDir keeps the benchmark's hub (a PostgreSQL cluster) and its project between
// runs: filling the hub takes many minutes. DOSSIER_BENCH_HUB_DIR names another folder;
// removing it starts afresh.
func millionDir() string {
	if d := os.Getenv("DOSSIER_BENCH_HUB_DIR"); d != "" {
		return d
	}
	return filepath.Join(os.TempDir(), "dossier-bench-hub-million")
}

// BenchmarkSyncIncrementalMillion: the goal, an incremental sync of 1,000
// changes in under 5 s against a hub of 1,000,000 articles, 50,000 actors and 1,000,000
// relations (synthetic: each relation cites its own article, between two of the actors).
// The project syncs the whole collection and has synced it up to the last 3,966 records
// (1,000 articles tagged harbour, the relations quoting them, their actors), which it
// holds: see project. Each round it changes 500 records (250 new actors, 250 edited)
// while a colleague edits 500 of those articles on the hub, then syncs once: 500 sent,
// 500 received. The hub and the project are kept in millionDir and reused by later runs
// (the hub's schema version and the sizes key them). Reported: ms per sync.
func BenchmarkSyncIncrementalMillion(b *testing.B) {
	ctx := context.Background()
	mh := startMillionHub(b)
	p := mh.project(b)
	defer p.Close()
	mine := mh.actorsHeld(b, p)
	theirs := mh.articlesOf(b)
	var took time.Duration
	b.ResetTimer()
	for n := 0; n < b.N; n++ {
		b.StopTimer()
		round := time.Now().UnixNano()
		mh.changeHere(b, p, mine, round)
		mh.changeThere(b, theirs, round)
		b.StartTimer()
		start := time.Now()
		rep, err := mh.sync(ctx, p)
		took += time.Since(start)
		if err != nil || rep.Sent != 500 || rep.Received != 500 || rep.Stale != 0 {
			b.Fatalf("sent %d, received %d, stale %d: %v\n%s", rep.Sent, rep.Received, rep.Stale, err, rep.Text())
		}
	}
	b.ReportMetric(float64(took.Milliseconds())/float64(b.N), "ms/sync")
}

// millionHub is the benchmark's kept hub: the database "million" of the kept cluster.
type millionHub struct {
	c   *hubtest.Cluster
	dir string
}

// millionKey names what the kept hub holds: a hub made by another schema version or at
// other sizes is made again.
func millionKey() string { return millionKeyAt(hubVersion()) }

func millionKeyAt(version int) string {
	return fmt.Sprintf("schema %d, %d articles, %d actors, %d relations, tag 1/%d, subscription newest", version, millionArticles, millionActors, millionRelations, millionTagEvery)
}

// keptOlder says whether key is the key of a hub of these sizes made by an older schema
// version: such a hub is brought up to date by the migrations, not filled again.
func keptOlder(key string) bool {
	for v := 1; v < hubVersion(); v++ {
		if key == millionKeyAt(v) {
			return true
		}
	}
	return false
}

// migrateKept brings the kept hub to the newest schema and says so in its key.
func (mh *millionHub) migrateKept(b *testing.B, admin *pgx.Conn) {
	ctx := context.Background()
	h, err := hub.Connect(ctx, mh.c.AdminURL("million"))
	if err != nil {
		b.Fatal(err)
	}
	defer h.Close(ctx)
	start := time.Now()
	if _, err := h.Init(ctx); err != nil {
		b.Fatal(err)
	}
	if _, err := admin.Exec(ctx, `COMMENT ON DATABASE million IS '`+millionKey()+`'`); err != nil {
		b.Fatal(err)
	}
	b.Logf("brought the hub kept in %s to schema %d in %s", mh.dir, hubVersion(), time.Since(start).Round(time.Second))
}

// hubVersion is the number of the hub's newest migration.
func hubVersion() int {
	names, _ := filepath.Glob("migrations/*.sql")
	return len(names)
}

// startMillionHub starts the kept cluster, stopped when the benchmark ends, and opens
// the million hub in it (see openMillionHub).
func startMillionHub(b *testing.B) *millionHub {
	hub.RequireServer(b)
	c, err := hubtest.StartKept(millionDir())
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(c.Stop)
	return openMillionHub(b, c)
}

// openMillionHub returns the kept hub, filling it first when it is missing or was made
// for another key.
func openMillionHub(b *testing.B, c *hubtest.Cluster) *millionHub {
	ctx := context.Background()
	mh := &millionHub{c: c, dir: millionDir()}
	admin, err := pgx.Connect(ctx, c.AdminURL("postgres"))
	if err != nil {
		b.Fatal(err)
	}
	defer admin.Close(ctx)
	var key string
	err = admin.QueryRow(ctx, `SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = 'million'`).Scan(&key)
	if err == nil && keptOlder(key) {
		mh.migrateKept(b, admin)
		key = millionKey()
	}
	if err == nil && key == millionKey() {
		b.Logf("reusing the hub kept in %s (%s)", mh.dir, key)
		return mh
	}
	if err != nil && !errors.Is(err, pgx.ErrNoRows) {
		b.Fatal(err)
	}
	os.Remove(mh.projectPath())
	for _, q := range []string{`DROP DATABASE IF EXISTS million`, `CREATE DATABASE million`} {
		if _, err := admin.Exec(ctx, q); err != nil {
			b.Fatal(err)
		}
	}
	start := time.Now()
	mh.fill(b)
	b.Logf("filled the hub in %s", time.Since(start).Round(time.Second))
	// The key is written last: a fill cut short is made again by the next run.
	if _, err := admin.Exec(ctx, `COMMENT ON DATABASE million IS '`+millionKey()+`'`); err != nil {
		b.Fatal(err)
	}
	return mh
}

func (mh *millionHub) url(user string) string {
	return mh.c.UserURL("million", "million_"+user, user+"-password")
}

func (mh *millionHub) place() app.HubPlace {
	return app.HubPlace{URL: app.WithoutPassword(mh.url("ayse")), Collection: "desk"}
}

func (mh *millionHub) projectPath() string { return filepath.Join(mh.dir, "project.dossier") }

// sync syncs p as ayse, on a connection of its own.
func (mh *millionHub) sync(ctx context.Context, p *db.Store) (app.HubSyncReport, error) {
	h, err := hub.Connect(ctx, mh.url("ayse"))
	if err != nil {
		return app.HubSyncReport{}, err
	}
	defer h.Close(ctx)
	return teamsync.Sync(ctx, p, h, mh.place(), app.HubSyncOptions{})
}

// fill makes the hub: its members, templates of each kind of record written by a real
// project's sync, then the synthetic records copied from them in bulk (the triggers and
// the secondary indexes off meanwhile, made again after).
func (mh *millionHub) fill(b *testing.B) {
	ctx := context.Background()
	h, err := hub.Connect(ctx, mh.c.AdminURL("million"))
	if err != nil {
		b.Fatal(err)
	}
	defer h.Close(ctx)
	if _, err := h.Init(ctx); err != nil {
		b.Fatal(err)
	}
	for _, u := range []string{"ayse", "bruno"} {
		// Roles belong to the cluster: a hub made again finds them.
		if err := h.AddUser(ctx, "million_"+u, u+"-password"); err != nil && !app.IsCode(err, app.ECONFLICT) {
			b.Fatal(err)
		}
		if err := h.Grant(ctx, "million_"+u, "desk", true); err != nil {
			b.Fatal(err)
		}
	}
	mh.templates(b)
	admin, err := pgx.Connect(ctx, mh.c.AdminURL("million"))
	if err != nil {
		b.Fatal(err)
	}
	defer admin.Close(ctx)
	for _, q := range millionFill() {
		start := time.Now()
		if _, err := admin.Exec(ctx, q); err != nil {
			b.Fatalf("%s: %v", q, err)
		}
		if d := time.Since(start); d > 10*time.Second {
			b.Logf("%s … took %s", q[:min(len(q), 60)], d.Round(time.Second))
		}
	}
}

// templates syncs one article, two actors and a relation from a throwaway project, so
// that the synthetic records are copies of what a project writes.
func (mh *millionHub) templates(b *testing.B) {
	ctx := context.Background()
	t := newProject(b)
	art, err := t.CreateArticle(ctx, app.Article{Title: "Template", Body: "Template.", Date: "2026-03-01", Source: "Kestravik Post"})
	if err != nil {
		b.Fatal(err)
	}
	x, err := t.CreateActor(ctx, app.Actor{Name: "Template One", Kind: app.Person})
	if err != nil {
		b.Fatal(err)
	}
	y, err := t.CreateActor(ctx, app.Actor{Name: "Template Two", Kind: app.Organisation})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := t.CreateRelation(ctx, app.Relation{SourceID: x.ID, Type: "criticises", TargetID: y.ID, Start: "2026-03-01",
		Evidence: []app.Evidence{{ArticleID: art.ID, Quote: "Template."}}}); err != nil {
		b.Fatal(err)
	}
	if _, err := mh.sync(ctx, t); err != nil {
		b.Fatal(err)
	}
}

// millionFill is the SQL that fills the hub from the templates, in order. The records
// get change numbers from the hub's sequence as the trigger would give them.
func millionFill() []string {
	tpl := func(kind string) string {
		return `(SELECT collection_id, data FROM records WHERE kind = '` + kind + `' AND NOT deleted ORDER BY seq LIMIT 1)`
	}
	return []string{
		`SET search_path = dossier_hub, public`,
		`SET maintenance_work_mem = '512MB'`,
		`CREATE TABLE public.bench_actors(i int PRIMARY KEY, u uuid NOT NULL)`,
		fmt.Sprintf(`INSERT INTO public.bench_actors SELECT i, gen_random_uuid() FROM generate_series(1, %d) i`, millionActors),
		`CREATE TABLE public.bench_articles(i int PRIMARY KEY, u uuid NOT NULL)`,
		fmt.Sprintf(`INSERT INTO public.bench_articles SELECT i, gen_random_uuid() FROM generate_series(1, %d) i`, millionArticles),
		`DROP INDEX records_search, records_seq, records_evidence, records_relation_source, records_relation_target, records_relation_speaker`,
		`ALTER TABLE records DISABLE TRIGGER USER`,
		`INSERT INTO records(collection_id, kind, uuid, data, created_by, updated_by)
		SELECT t.collection_id, 'actor', a.u, t.data || jsonb_build_object('uuid', a.u::text, 'name', 'Person ' || a.i,
			'aliases', jsonb_build_array(jsonb_build_object('text', 'Person ' || a.i, 'folded', 'person ' || a.i, 'is_name', 1))),
			'synthetic', 'synthetic'
		FROM public.bench_actors a, ` + tpl("actor") + ` t`,
		fmt.Sprintf(`INSERT INTO records(collection_id, kind, uuid, data, created_by, updated_by, search)
		SELECT t.collection_id, 'article', a.u, d.data, 'synthetic', 'synthetic',
			to_tsvector('simple', unaccent((d.data->>'title') || ' ' || (d.data->>'body')))
		FROM public.bench_articles a, %s t,
		LATERAL (SELECT t.data || jsonb_build_object('uuid', a.u::text, 'title', 'Report ' || a.i,
			'body', 'The harbour board met on day ' || a.i || ' to discuss quay ' || (a.i %% 977) || ' and the vote on tariff ' || (a.i %% 331) || '.',
			'hash', md5(a.i::text), 'tags', CASE WHEN a.i %% %d = 0 THEN 'harbour' ELSE 'topic' || (a.i %% 200) END) AS data) d`, tpl("article"), millionTagEvery),
		fmt.Sprintf(`INSERT INTO records(collection_id, kind, uuid, data, created_by, updated_by)
		SELECT t.collection_id, 'relation', r.u, t.data || jsonb_build_object('uuid', r.u::text,
			'source_id', s.u::text, 'target_id', o.u::text,
			'evidence', jsonb_build_array((t.data->'evidence'->0) || jsonb_build_object('uuid', gen_random_uuid()::text, 'article_id', a.u::text))),
			'synthetic', 'synthetic'
		FROM public.bench_articles a
		CROSS JOIN LATERAL (SELECT abs(hashint4(a.i)) %% %[1]d AS si, abs(hashint4(-a.i)) %% (%[1]d - 1) AS d) k
		JOIN public.bench_actors s ON s.i = k.si + 1
		JOIN public.bench_actors o ON o.i = (k.si + 1 + k.d) %% %[1]d + 1,
		LATERAL (SELECT gen_random_uuid() AS u WHERE a.i > 0) r, %[2]s t
		WHERE a.i <= %[3]d`, millionActors, tpl("relation"), millionRelations),
		`ALTER TABLE records ENABLE TRIGGER USER`,
		`CREATE INDEX records_seq ON records(collection_id, seq)`,
		`CREATE INDEX records_search ON records USING gin (search) WHERE kind = 'article'`,
		`CREATE INDEX records_evidence ON records USING gin ((data->'evidence') jsonb_path_ops) WHERE kind = 'relation'`,
		`CREATE INDEX records_relation_source ON records(collection_id, (data->>'source_id')) WHERE kind = 'relation'`,
		`CREATE INDEX records_relation_target ON records(collection_id, (data->>'target_id')) WHERE kind = 'relation'`,
		`CREATE INDEX records_relation_speaker ON records(collection_id, (data->>'speaker_id')) WHERE kind = 'relation'`,
		`ANALYZE records`,
		// The subscription's records (the articles tagged harbour, the relations quoting
		// them, their actors) get the newest change numbers, above the boundary kept in
		// bench_meta: see project.
		`CREATE TABLE public.bench_meta AS SELECT max(seq) AS boundary FROM records`,
		`ALTER TABLE records DISABLE TRIGGER USER`,
		`UPDATE records SET seq = nextval('change_seq') WHERE kind = 'article' AND data->>'tags' = 'harbour'`,
		`UPDATE records r SET seq = nextval('change_seq') FROM records a
		WHERE a.kind = 'article' AND a.data->>'tags' = 'harbour' AND a.seq > (SELECT boundary FROM public.bench_meta)
			AND r.kind = 'relation' AND r.data->'evidence' @> jsonb_build_array(jsonb_build_object('article_id', a.uuid::text))`,
		`UPDATE records x SET seq = nextval('change_seq') WHERE x.kind = 'actor' AND x.uuid::text IN (
			SELECT r.data->>'source_id' FROM records r WHERE r.kind = 'relation' AND r.seq > (SELECT boundary FROM public.bench_meta)
			UNION SELECT r.data->>'target_id' FROM records r WHERE r.kind = 'relation' AND r.seq > (SELECT boundary FROM public.bench_meta))`,
		`ALTER TABLE records ENABLE TRIGGER USER`,
		`VACUUM ANALYZE records`,
	}
}

// project opens the kept project, synced. The first time it is made with its cursor at
// the boundary above which fill numbered the records it should hold, so that its first
// sync takes only those: a project holding the whole hub would be a 2-million-record
// file made in hours. It is not subscribed to the tag: the benchmark measures the
// incremental sync itself; what a subscription adds, the hub's answer for each changed
// actor, is BenchmarkInSubscriptionMillion's (over 1 s per actor before hub version 5,
// when a first subscribed sync ran over half an hour).
func (mh *millionHub) project(b *testing.B) *db.Store {
	ctx := context.Background()
	path := mh.projectPath()
	if _, err := os.Stat(path); err == nil {
		p, err := db.Open(ctx, path)
		if err != nil {
			b.Fatal(err)
		}
		return p
	}
	p, err := db.Create(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	err = p.SetHubSubscription(ctx, mh.place(), nil) // the whole collection; makes the sync state
	if cerr := p.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = mh.startAtBoundary(ctx, path)
	}
	if err == nil {
		p, err = db.Open(ctx, path)
	}
	if err != nil {
		os.Remove(path)
		b.Fatal(err)
	}
	start := time.Now()
	rep, err := mh.sync(ctx, p)
	if err != nil {
		p.Close()
		os.Remove(path)
		b.Fatal(err)
	}
	b.Logf("the project's first sync took %s: %d received", time.Since(start).Round(time.Second), rep.Received)
	return p
}

// startAtBoundary sets the project's pull cursor to the hub's boundary.
func (mh *millionHub) startAtBoundary(ctx context.Context, path string) error {
	c, err := pgx.Connect(ctx, mh.c.AdminURL("million"))
	if err != nil {
		return err
	}
	defer c.Close(ctx)
	var boundary int64
	if err := c.QueryRow(ctx, `SELECT boundary FROM public.bench_meta`).Scan(&boundary); err != nil {
		return err
	}
	p, err := sql.Open("sqlite", path)
	if err != nil {
		return err
	}
	defer p.Close()
	res, err := p.ExecContext(ctx, `UPDATE hub_sync_state SET pulled_seq = ? WHERE hub = ?`, boundary, mh.place().Key())
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return fmt.Errorf("the project has %d sync states for %s", n, mh.place().Key())
	}
	return nil
}

// actorsHeld is 250 of the actors the project holds: each round edits them.
func (mh *millionHub) actorsHeld(b *testing.B, p *db.Store) []app.ActorRow {
	rows, err := p.Actors(context.Background(), app.ActorQuery{Text: "Person", Limit: 250})
	if err != nil || len(rows) < 250 {
		b.Fatalf("the project holds %d actors (%v), want 250 to edit", len(rows), err)
	}
	return rows
}

// articlesOf is 500 of the subscription's articles: the colleague edits them each round.
func (mh *millionHub) articlesOf(b *testing.B) []string {
	ctx := context.Background()
	c, err := pgx.Connect(ctx, mh.c.AdminURL("million"))
	if err != nil {
		b.Fatal(err)
	}
	defer c.Close(ctx)
	var uuids []string
	if err := c.QueryRow(ctx, `SELECT array_agg(uuid::text) FROM (SELECT uuid FROM dossier_hub.records
		WHERE kind = 'article' AND data->>'tags' = 'harbour' ORDER BY uuid LIMIT 500) x`).Scan(&uuids); err != nil || len(uuids) != 500 {
		b.Fatalf("%d articles tagged harbour: %v", len(uuids), err)
	}
	return uuids
}

// changeHere makes the project's 500 changes of a round: 250 actors added, 250 edited.
func (mh *millionHub) changeHere(b *testing.B, p *db.Store, mine []app.ActorRow, round int64) {
	ctx := context.Background()
	for i, r := range mine {
		if _, err := p.CreateActor(ctx, app.Actor{Name: fmt.Sprintf("Source %d-%d", round, i), Kind: app.Person}); err != nil {
			b.Fatal(err)
		}
		a, err := p.Actor(ctx, r.ID)
		if err != nil {
			b.Fatal(err)
		}
		a.Description = fmt.Sprintf("edited in round %d", round)
		if _, err := p.UpdateActor(ctx, a); err != nil {
			b.Fatal(err)
		}
	}
}

// changeThere is the colleague's 500 changes of a round, written on the hub as bruno
// (the hub stamps and numbers them as any member's): the articles' titles edited.
func (mh *millionHub) changeThere(b *testing.B, articles []string, round int64) {
	ctx := context.Background()
	c, err := pgx.Connect(ctx, mh.url("bruno"))
	if err != nil {
		b.Fatal(err)
	}
	defer c.Close(ctx)
	tag, err := c.Exec(ctx, `UPDATE dossier_hub.records SET data = data || jsonb_build_object('title', 'Report revised in round ' || $2::text)
		WHERE collection_id = (SELECT id FROM dossier_hub.collections WHERE name = 'desk') AND kind = 'article' AND uuid = ANY($1::uuid[])`,
		articles, fmt.Sprint(round))
	if err != nil || tag.RowsAffected() != 500 {
		b.Fatalf("the colleague changed %d articles: %v", tag.RowsAffected(), err)
	}
}
