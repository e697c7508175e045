package cli_test

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"dossier/app"
	"dossier/app/cli"
	"dossier/db"
	"dossier/db/dbtest"
)

// checkProject is a project with two imported articles (one with letters the index folds),
// two actors and a relation with a quote, for dossier check to look at.
func checkProject(t *testing.T) *project {
	t.Helper()
	p := newProject(t)
	p.must("actor", "add", "--name", "Ayşe Işıklı", "--kind", "person")
	p.must("actor", "add", "--name", "Marta Kowalczyk", "--kind", "person")
	p.must("import", p.write("harbour.txt", []byte("Harbour board meets over ferry tariffs\n\nAyşe Işıklı told the harbour board on Tuesday that ferry tariffs would rise in May. Marta Kowalczyk objected.\n")))
	p.must("import", p.write("bridge.txt", []byte("Bridge inspection delayed again\n\nThe inspection of the old rail bridge slipped to the autumn, the engineers said.\n")))
	p.must("relate", "--from", "Ayşe Işıklı", "--type", "threatens", "--to", "Marta Kowalczyk", "--article", "#1", "--undated",
		"--quote", "ferry tariffs would rise in May")
	return p
}

// tamper changes the project behind Dossier's back, through a plain connection, as a bug
// or another tool could.
func tamper(t *testing.T, path string, statements ...string) {
	t.Helper()
	conn, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetMaxOpenConns(1) // PRAGMA foreign_keys holds for one connection
	for _, q := range statements {
		if _, err := conn.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// TestCheckWholeProject: a whole project passes, exit 0, nothing on stderr, every check
// listed with what it looked at, and --json says ok.
func TestCheckWholeProject(t *testing.T) {
	p := checkProject(t)
	r := p.run("check", "--db", p.db)
	if r.code != 0 || r.errOut != "" {
		t.Fatalf("check of a whole project: exit %d\n%s\n%s", r.code, r.out, r.errOut)
	}
	for _, want := range []string{"ok      integrity (", "ok      full-text index articles_fts against the text (2 rows", "ok      orphan mentions", "ok      foreign keys"} {
		if !strings.Contains(r.out, want) {
			t.Errorf("the report lacks %q:\n%s", want, r.out)
		}
	}
	if strings.Contains(r.out, "PROBLEM") {
		t.Fatalf("a problem in a whole project:\n%s", r.out)
	}
	r = p.run("check", "--db", p.db, "--json")
	var got struct {
		OK    bool `json:"ok"`
		Check struct {
			Checks []struct {
				Name     string   `json:"name"`
				Problems []string `json:"problems"`
			} `json:"checks"`
			Tables int `json:"tables"`
		} `json:"check"`
	}
	if err := json.Unmarshal([]byte(r.out), &got); err != nil || r.code != 0 {
		t.Fatalf("check --json: exit %d, %v\n%s", r.code, err, r.out)
	}
	if !got.OK || len(got.Check.Checks) < 10 || got.Check.Tables == 0 {
		t.Fatalf("check --json: %+v", got)
	}
}

// TestCheckRepairsDriftedIndex takes an article out of the full-text index behind the
// store's back: search no longer finds it, check says so and exits 1, check --repair
// rebuilds the index the store's way (folded: Isikli still finds Işıklı), says so, checks
// again and exits 0, and search finds the article again.
func TestCheckRepairsDriftedIndex(t *testing.T) {
	p := checkProject(t)
	if out := p.must("search", "tariffs"); !strings.Contains(out, "Harbour board") {
		t.Fatalf("search before the drift:\n%s", out)
	}
	tamper(t, p.db, `INSERT INTO articles_fts(articles_fts, rowid, title, body, notes)
		SELECT 'delete', id, title, replace(body, 'ı', 'i'), notes FROM articles WHERE title LIKE 'Harbour%'`)
	if out := p.must("search", "tariffs"); strings.Contains(out, "Harbour board") {
		t.Fatalf("the test did not make the index drift:\n%s", out)
	}
	r := p.run("check", "--db", p.db)
	if r.code != 1 || !strings.Contains(r.out, "PROBLEM full-text index articles_fts against the text") ||
		!strings.Contains(r.out, "lacks 1 of the 2 rows") || !strings.Contains(r.errOut, "dossier check --repair") {
		t.Fatalf("check of a drifted index: exit %d\n%s\n%s", r.code, r.out, r.errOut)
	}
	r = p.run("check", "--db", p.db, "--repair")
	if r.code != 0 || r.errOut != "" || !strings.Contains(r.out, "rebuilt the full-text index articles_fts from the text (2 rows indexed)") ||
		strings.Contains(r.out, "PROBLEM") {
		t.Fatalf("check --repair: exit %d\n%s\n%s", r.code, r.out, r.errOut)
	}
	for _, q := range []string{"tariffs", "Isikli"} {
		if out := p.must("search", q); !strings.Contains(out, "Harbour board") {
			t.Fatalf("after the repair search %q does not find the article:\n%s", q, out)
		}
	}
}

// TestCheckRemovesOrphans inserts a mention and a piece of evidence whose article is gone
// (foreign keys off): check lists them and exits 1; --repair removes exactly them.
func TestCheckRemovesOrphans(t *testing.T) {
	p := checkProject(t)
	tamper(t, p.db,
		`PRAGMA foreign_keys = OFF`,
		`INSERT INTO mentions(article_id, actor_id, start, end, status) VALUES (999, 1, 0, 4, 'automatic')`,
		`INSERT INTO evidence(uuid, relation_id, article_id, quote) VALUES ('orphan-evidence', 1, 998, '')`)
	r := p.run("check", "--db", p.db)
	for _, want := range []string{"PROBLEM orphan mentions", "1 mentions of an article or actor that is gone",
		"PROBLEM orphan evidence", "1 pieces of evidence of a relation or article that is gone", "PROBLEM foreign keys"} {
		if !strings.Contains(r.out, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
	if r.code != 1 || !strings.Contains(r.errOut, "orphan mentions, orphan evidence") {
		t.Fatalf("check with orphans: exit %d\n%s\n%s", r.code, r.out, r.errOut)
	}
	r = p.run("check", "--db", p.db, "--repair", "--json")
	var got struct {
		OK     bool              `json:"ok"`
		Repair *app.RepairReport `json:"repair"`
	}
	if err := json.Unmarshal([]byte(r.out), &got); err != nil || r.code != 0 || !got.OK || got.Repair == nil {
		t.Fatalf("check --repair --json: exit %d %v\n%s\n%s", r.code, err, r.out, r.errOut)
	}
	want := map[string]int64{"orphan mentions removed": 1, "orphan evidence removed": 1}
	for _, ch := range got.Repair.Changes {
		if want[ch.Kind] != ch.Count {
			t.Errorf("unexpected change %+v", ch)
		}
		delete(want, ch.Kind)
	}
	if len(want) != 0 {
		t.Fatalf("the repair does not report %v: %+v", want, got.Repair.Changes)
	}
	if r := p.run("check", "--db", p.db); r.code != 0 {
		t.Fatalf("check after the repair: exit %d\n%s", r.code, r.out)
	}
}

// TestCheckReportsDamagedPage damages a page of the articles table of a real 5,000-article
// project: check opens it read-only, reports the damage and exits 1; --repair refuses to
// repair it in place and says what to do; the file is never changed.
func TestCheckReportsDamagedPage(t *testing.T) {
	ctx := context.Background()
	p := noProject(t)
	s, err := db.Create(ctx, p.db)
	if err != nil {
		t.Fatal(err)
	}
	if err := dbtest.Synthesize(ctx, s.Path(), dbtest.Sizes{Articles: 5000, Actors: 40, Relations: 100}, 3, nil); err != nil {
		t.Fatal(err)
	}
	leaves, _, pageSize, err := s.PagesOf(ctx, "articles")
	if err != nil || len(leaves) < 10 {
		t.Fatalf("leaf pages %v, %v", leaves, err)
	}
	s.Close()
	data, err := os.ReadFile(p.db)
	if err != nil {
		t.Fatal(err)
	}
	page := leaves[len(leaves)/2]
	copy(data[(page-1)*int64(pageSize):page*int64(pageSize)], bytes.Repeat([]byte{0xA5}, pageSize))
	if err := os.WriteFile(p.db, data, 0o644); err != nil {
		t.Fatal(err)
	}
	env := func(out, errOut *bytes.Buffer) cli.Env {
		e := p.env(out, errOut)
		e.OpenReadOnly = func(ctx context.Context, path string) (cli.Store, error) { return store(db.OpenReadOnly(ctx, path)) }
		return e
	}
	for _, args := range [][]string{{"check", "--db", p.db}, {"check", "--db", p.db, "--repair"}} {
		var out, errOut bytes.Buffer
		code := cli.Run(ctx, args, env(&out, &errOut))
		if code != 1 || !strings.Contains(out.String(), "PROBLEM integrity") || !strings.Contains(out.String(), "opened read-only because damaged") {
			t.Fatalf("%q: exit %d\n%s\n%s", args, code, out.String(), errOut.String())
		}
		for _, want := range []string{"damaged", "cannot be repaired in place", "Restore a backup", "Save a copy"} {
			if !strings.Contains(errOut.String(), want) {
				t.Errorf("%q: stderr lacks %q: %s", args, want, errOut.String())
			}
		}
		if strings.Contains(out.String(), "repair of") {
			t.Fatalf("%q repaired a damaged project in place:\n%s", args, out.String())
		}
		if after, _ := os.ReadFile(p.db); !bytes.Equal(after, data) {
			t.Fatalf("%q changed the damaged file", args)
		}
	}
}
