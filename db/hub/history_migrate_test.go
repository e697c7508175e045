package hub

import (
	"context"
	"strings"
	"testing"
)

// A hub made by version 1 (changes kept only in history) updated to version 2: the change
// log is filled from history and the records, every version of each actor and relation
// a change with the version before it; articles are not in it; and changes after the
// update are logged by the trigger.
func TestChangeLogFilledOnUpdate(t *testing.T) {
	ctx := context.Background()
	h, coll := hubAtVersion(t, 1)
	const actor, rel, art = "0193a000-0000-7000-8000-000000000001", "0193a000-0000-7000-8000-000000000002", "0193a000-0000-7000-8000-000000000003"
	for _, q := range []string{
		`INSERT INTO dossier_hub.records(collection_id, kind, uuid, data) VALUES ($1, 'actor', '` + actor + `', '{"name": "one"}')`,
		`INSERT INTO dossier_hub.records(collection_id, kind, uuid, data) VALUES ($1, 'relation', '` + rel + `', '{"type": "criticises"}')`,
		`INSERT INTO dossier_hub.records(collection_id, kind, uuid, data) VALUES ($1, 'article', '` + art + `', '{"title": "a"}')`,
		`UPDATE dossier_hub.records SET data = '{"name": "two"}' WHERE collection_id = $1 AND uuid = '` + actor + `'`,
		`UPDATE dossier_hub.records SET data = '{"name": "three"}', deleted = true WHERE collection_id = $1 AND uuid = '` + actor + `'`,
		`UPDATE dossier_hub.records SET data = '{"title": "b"}' WHERE collection_id = $1 AND uuid = '` + art + `'`,
	} {
		if _, err := h.conn.Exec(ctx, q, coll); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	if v, err := h.Init(ctx); err != nil || v != latestVersion() {
		t.Fatalf("update: %d %v", v, err)
	}
	if _, err := h.conn.Exec(ctx, `UPDATE dossier_hub.records SET data = '{"type": "praises"}' WHERE uuid = '`+rel+`'`); err != nil {
		t.Fatal(err)
	}
	hist, _, err := h.History(ctx, coll, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range hist {
		got = append(got, e.Kind+" "+e.Action()+" "+string(e.Before)+" → "+string(e.After))
	}
	want := []string{
		`relation changed {"type": "criticises"} → {"type": "praises"}`,
		`actor deleted {"name": "two"} → {"name": "three"}`,
		`actor changed {"name": "one"} → {"name": "two"}`,
		`relation created  → {"type": "criticises"}`,
		`actor created  → {"name": "one"}`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("the change log:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, e := range hist {
		if e.By != "postgres" || e.At.IsZero() {
			t.Errorf("change %d: by %q at %v", e.Change, e.By, e.At)
		}
	}
}

// hubAtVersion is a new hub database made only up to migration version, with one
// collection "desk": the state an older Dossier left, for the update tests.
func hubAtVersion(t *testing.T, version int) (*Hub, string) {
	t.Helper()
	ctx := context.Background()
	h, _ := emptyDatabase(t)
	initUpTo = version
	v, err := h.Init(ctx)
	initUpTo = 0
	if err != nil || v != version {
		t.Fatalf("init to version %d: %d %v", version, v, err)
	}
	var coll string
	if err := h.conn.QueryRow(ctx, `INSERT INTO dossier_hub.collections(name) VALUES ('desk') RETURNING id::text`).Scan(&coll); err != nil {
		t.Fatal(err)
	}
	return h, coll
}
