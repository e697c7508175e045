package hub

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"dossier/app"
	"dossier/db/hub/hubtest"
)

var (
	cluster  *hubtest.Cluster
	startErr error // why no server could be started: tests fail with it, benchmarks are skipped
)

// TestMain runs the package's tests against one throwaway PostgreSQL server.
func TestMain(m *testing.M) {
	if cluster, startErr = hubtest.Start(); startErr != nil {
		fmt.Fprintln(os.Stderr, "hub tests:", startErr)
	}
	code := m.Run()
	if cluster != nil {
		cluster.Stop()
	}
	os.Exit(code)
}

// requireServer fails a test, and skips a benchmark, when no PostgreSQL could be started:
// a test's failure says the machine lacks what the suite needs; a benchmark is run by
// hand, where the reason suffices.
func requireServer(t testing.TB) {
	t.Helper()
	if startErr == nil {
		return
	}
	if b, ok := t.(*testing.B); ok {
		b.Skipf("no PostgreSQL to run the hub on: %v", startErr)
	}
	t.Fatalf("no PostgreSQL to run the hub on: %v", startErr)
}

// newHub makes a fresh database with the hub's schema and returns the admin's hub and
// the database's name.
func newHub(t *testing.T) (*Hub, string) {
	t.Helper()
	requireServer(t)
	h, db := emptyDatabase(t)
	if v, err := h.Init(context.Background()); err != nil || v != latestVersion() {
		t.Fatalf("init: version %d, %v", v, err)
	}
	return h, db
}

// emptyDatabase makes a fresh database with no schema and returns the admin's hub on it,
// closed when the test ends, and the database's name.
func emptyDatabase(t *testing.T) (*Hub, string) {
	t.Helper()
	ctx := context.Background()
	db, err := cluster.NewDatabase(ctx)
	if err != nil {
		t.Fatal(err)
	}
	h, err := Connect(ctx, cluster.AdminURL(db))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { h.Close(context.Background()) })
	return h, db
}

// userConn connects as a member, over TCP with its SCRAM password.
func userConn(t *testing.T, db, user, password string) *pgx.Conn {
	t.Helper()
	ctx := context.Background()
	c, err := pgx.Connect(ctx, cluster.UserURL(db, user, password))
	if err != nil {
		t.Fatalf("%s connects: %v", user, err)
	}
	t.Cleanup(func() { c.Close(context.Background()) })
	return c
}

func TestInitIsRepeatable(t *testing.T) {
	h, _ := newHub(t)
	ctx := context.Background()
	if v, err := h.Init(ctx); err != nil || v != latestVersion() {
		t.Fatalf("second init: %d %v", v, err)
	}
	if v, err := h.SchemaVersion(ctx); err != nil || v != latestVersion() {
		t.Errorf("schema version %d %v", v, err)
	}
	if sv, err := h.ServerVersion(ctx); err != nil || !strings.Contains(sv, ".") {
		t.Errorf("server version %q %v", sv, err)
	}
}

// The rule of access, checked in the database with members' own connections: a member
// reads only the collections it was granted, writes only where the grant allows it,
// cannot delete, cannot stamp another's name, and every change leaves history.
func TestAccessIsEnforcedByTheDatabase(t *testing.T) {
	h, db := newHub(t)
	ctx := context.Background()
	for _, u := range []string{"ayse", "bruno", "chen"} {
		if err := h.AddUser(ctx, u, u+"-password"); err != nil {
			t.Fatal(err)
		}
	}
	must(t, h.Grant(ctx, "ayse", "iraq-desk", true))
	must(t, h.Grant(ctx, "bruno", "iraq-desk", false)) // reads only
	must(t, h.Grant(ctx, "chen", "sahel-desk", true))  // anotits collection

	ayse := userConn(t, db, "ayse", "ayse-password")
	bruno := userConn(t, db, "bruno", "bruno-password")
	chen := userConn(t, db, "chen", "chen-password")
	for _, c := range []*pgx.Conn{ayse, bruno, chen} {
		if _, err := c.Exec(ctx, `SET search_path = dossier_hub`); err != nil {
			t.Fatal(err)
		}
	}
	var iraq string
	if err := ayse.QueryRow(ctx, `SELECT id FROM collections WHERE name = 'iraq-desk'`).Scan(&iraq); err != nil {
		t.Fatalf("ayse cannot see its collection: %v", err)
	}
	add := `INSERT INTO records(collection_id, kind, uuid, data, created_by, updated_by) VALUES ($1, 'actor', gen_random_uuid(), '{"name":"Nouri al-Maliki"}', 'chen', 'chen')`
	if _, err := ayse.Exec(ctx, add, iraq); err != nil {
		t.Fatalf("a writer cannot add: %v", err)
	}
	var by string
	if err := ayse.QueryRow(ctx, `SELECT created_by || '/' || updated_by FROM records`).Scan(&by); err != nil || by != "ayse/ayse" {
		t.Errorf("stamped %q (%v), want ayse/ayse whatever the client wrote", by, err)
	}
	if _, err := bruno.Exec(ctx, add, iraq); err == nil {
		t.Error("a reader added a record")
	}
	if tag, err := bruno.Exec(ctx, `UPDATE records SET data = '{"name":"x"}'`); err != nil || tag.RowsAffected() != 0 {
		t.Errorf("a reader changed %d records (%v)", tag.RowsAffected(), err)
	}
	if n := count(t, bruno, `SELECT count(*) FROM records`); n != 1 {
		t.Errorf("a reader sees %d records, want 1", n)
	}
	if n := count(t, chen, `SELECT count(*) FROM records`); n != 0 {
		t.Errorf("a member of anotits collection sees %d records", n)
	}
	if n := count(t, chen, `SELECT count(*) FROM collections`); n != 1 {
		t.Errorf("chen sees %d collections, want only its own", n)
	}
	if _, err := chen.Exec(ctx, add, iraq); err == nil {
		t.Error("a member wrote into a collection it was not granted")
	}
	if _, err := ayse.Exec(ctx, `DELETE FROM records`); err == nil {
		t.Error("a member deleted records: deletions must be markers")
	}
	if _, err := ayse.Exec(ctx, `INSERT INTO grants VALUES ('chen', $1, true)`, iraq); err == nil {
		t.Error("a member granted rights")
	}
	if _, err := ayse.Exec(ctx, `UPDATE records SET data = '{"name":"Nuri al-Maliki"}'`); err != nil {
		t.Fatal(err)
	}
	if n := count(t, bruno, `SELECT count(*) FROM history WHERE changed_by = 'ayse'`); n != 1 {
		t.Errorf("history holds %d earlier states, want 1", n)
	}
	if _, err := ayse.Exec(ctx, `INSERT INTO history(collection_id, kind, uuid, data, deleted, changed_by, changed_at, seq)
		VALUES ($1, 'actor', gen_random_uuid(), '{}', false, 'x', now(), 1)`, iraq); err == nil {
		t.Error("a member wrote history")
	}
	// Revoking takes reading away at once.
	must(t, h.Revoke(ctx, "bruno", "iraq-desk"))
	if n := count(t, bruno, `SELECT count(*) FROM records`); n != 0 {
		t.Errorf("after revoke bruno sees %d records", n)
	}
}

func TestAddUserAndGrantSayWhatIsWrong(t *testing.T) {
	h, _ := newHub(t)
	ctx := context.Background()
	for _, c := range []struct {
		err  error
		code string
		want string
	}{
		{h.AddUser(ctx, "Bad Name", "long enough"), app.EINVALID, "cannot be a hub user name"},
		{h.AddUser(ctx, "short", "1234567"), app.EINVALID, "too short"},
		{h.Grant(ctx, "nobody", "desk", true), app.ENOTFOUND, "no user “nobody”"},
		{h.Revoke(ctx, "postgres", "desk"), app.ENOTFOUND, "had no grant"},
	} {
		if !app.IsCode(c.err, c.code) || !strings.Contains(app.ErrorMessage(c.err), c.want) {
			t.Errorf("got %v, want %s saying %q", c.err, c.code, c.want)
		}
	}
	must(t, h.AddUser(ctx, "dana", "dana-password"))
	if err := h.AddUser(ctx, "dana", "dana-password"); !app.IsCode(err, app.ECONFLICT) {
		t.Errorf("adding dana twice: %v", err)
	}
	if _, err := Connect(ctx, cluster.UserURL("postgres", "dana", "wrong-password")); !strings.Contains(app.ErrorMessage(err), "refused the user name or password") {
		t.Errorf("a wrong password: %v", err)
	}
}

// The password reaches PostgreSQL only as a verifier it accepts: checked against RFC
// 7677's test vector shape and by logging in above.
func TestScramVerifierShape(t *testing.T) {
	v, err := scramVerifierWith("pencil", []byte("0123456789abcdef"), 4096)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(v, "SCRAM-SHA-256$4096:MDEyMzQ1Njc4OWFiY2RlZg==$") || strings.Count(v, ":") != 2 {
		t.Errorf("verifier %q", v)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func count(t *testing.T, c *pgx.Conn, q string) int {
	t.Helper()
	var n int
	if err := c.QueryRow(context.Background(), q).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}
