package db

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"dossier/app"
)

// checkedProject builds a real project whose text holds letters the index folds (ı, ø, ł),
// with actors, mentions, a relation with evidence and a note, and returns it open.
func checkedProject(t *testing.T) (*Store, app.Article) {
	t.Helper()
	ctx := context.Background()
	s := openTest(t)
	for _, name := range []string{"Ayşe Işıklı", "Bjørn Vågstøl", "Paweł Wróbel"} {
		if _, err := s.CreateActor(ctx, app.Actor{Name: name, Kind: app.Person}); err != nil {
			t.Fatal(err)
		}
	}
	var first, last app.Article
	for i, body := range []string{
		"Ayşe Işıklı met Bjørn Vågstøl at the harbour office to discuss the ferry tariffs.",
		"Paweł Wróbel criticised Ayşe Işıklı over the delayed bridge inspection report.",
		"A quiet week: the council postponed every vote on the marina until spring.",
	} {
		a, err := s.CreateArticle(ctx, app.Article{Title: "Harbour notes " + string(rune('A'+i)), URL: "https://example.org/h" + string(rune('a'+i)), Body: body})
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first = a
		}
		last = a
	}
	// An article in the trash keeps its place in the index and its mentions.
	if err := s.DeleteArticle(ctx, last.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateNote(ctx, app.Note{Body: "Ask Işıklı about the tariff memo", ArticleID: first.ID}); err != nil {
		t.Fatal(err)
	}
	s.relateForCheck(t, first.ID)
	return s, first
}

// relateForCheck files one relation with a quote between the first two actors.
func (s *Store) relateForCheck(t *testing.T, articleID int64) {
	t.Helper()
	ctx := context.Background()
	from, err := s.FindActor(ctx, "Ayşe Işıklı")
	if err != nil {
		t.Fatal(err)
	}
	to, err := s.FindActor(ctx, "Bjørn Vågstøl")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateRelation(ctx, app.Relation{SourceID: from.ID, TargetID: to.ID, Type: "threatens",
		Evidence: []app.Evidence{{ArticleID: articleID, Quote: "Işıklı met Bjørn Vågstøl"}}}); err != nil {
		t.Fatal(err)
	}
}

// mustCheck runs the full check and fails the test on an error.
func mustCheck(t *testing.T, s *Store) app.CheckReport {
	t.Helper()
	rep, err := s.Check(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// problems lists the problems of the report's checks, by check name.
func problems(rep app.CheckReport) map[string][]string {
	out := map[string][]string{}
	for _, it := range rep.Items {
		if !it.OK() {
			out[it.Name] = it.Problems
		}
	}
	return out
}

// TestWholeProjectPassesTheFullCheck: a whole project whose indexes hold folded text passes
// every check (FTS5's rank=1 integrity-check on the index itself would not: it compares
// with the unfolded text), the report counts what it checked, and a repair changes nothing.
func TestWholeProjectPassesTheFullCheck(t *testing.T) {
	ctx := context.Background()
	s, _ := checkedProject(t)
	rep := mustCheck(t, s)
	if !rep.OK() {
		t.Fatalf("a whole project fails the check: %v", problems(rep))
	}
	if rep.Tables < 10 || rep.Rows == 0 || rep.Took <= 0 {
		t.Fatalf("the report does not count what was checked: %d tables, %d rows, %v", rep.Tables, rep.Rows, rep.Took)
	}
	names := map[string]bool{}
	for _, it := range rep.Items {
		names[it.Name] = true
		if it.Checked == 0 && it.Name != "orphan evidence" && it.Name != "orphan mentions" {
			t.Errorf("check %q says it checked nothing", it.Name)
		}
	}
	for _, want := range []string{"integrity", "foreign keys", "orphan mentions", "orphan evidence",
		"full-text index articles_fts", "full-text index articles_fts against the text", "full-text index notes_fts against the text",
		"full-text index actors_fts against the text", "full-text index relations_fts against the text"} {
		if !names[want] {
			t.Errorf("the report has no check %q", want)
		}
	}
	// Why the check cannot use FTS5's own comparison: the index holds folded text.
	if _, err := s.db.ExecContext(ctx, `INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)`); err == nil {
		t.Fatal("FTS5's rank=1 integrity-check passes on folded text: the test project lacks folded letters")
	}
	fix, err := s.Repair(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(fix.Changes) != 0 {
		t.Fatalf("repairing a whole project changed it: %+v", fix.Changes)
	}
}

// TestEveryIndexDriftIsFoundAndRepaired makes each full-text index drift from its text in
// each way it can (a row missing, a row left over, a row's words out of date) and checks
// that the check names that index, that Repair rebuilds it the store's way and that the
// project then passes and search finds the words again.
func TestEveryIndexDriftIsFoundAndRepaired(t *testing.T) {
	ctx := context.Background()
	// Each case breaks one index behind the store's back, with plain SQL.
	cases := []struct {
		name, index string
		breakIt     func(s *Store, a app.Article) []string
		search      string // a query that finds something again after the repair
	}{
		{"article missing from articles_fts", "articles_fts", func(s *Store, a app.Article) []string {
			return []string{`INSERT INTO articles_fts(articles_fts, rowid, title, body, notes) SELECT 'delete', id, ` +
				ftsFoldSQL("title") + `, ` + ftsFoldSQL("body") + `, ` + ftsFoldSQL("notes") + ` FROM articles WHERE id = ` + itoa(a.ID)}
		}, "ferry tariffs"},
		{"article words out of date in articles_fts", "articles_fts", func(s *Store, a app.Article) []string {
			return withoutTrigger(s, t, "articles_au", `UPDATE articles SET body = 'The lighthouse keeper retired after forty winters.' WHERE id = `+itoa(a.ID))
		}, "lighthouse"},
		{"article left over in articles_fts", "articles_fts", func(s *Store, a app.Article) []string {
			return withoutTrigger(s, t, "articles_ad", `DELETE FROM articles WHERE id = `+itoa(a.ID))
		}, "Wróbel"},
		{"note missing from notes_fts", "notes_fts", func(s *Store, a app.Article) []string {
			return []string{`INSERT INTO notes_fts(notes_fts) VALUES ('delete-all')`}
		}, "tariff memo"},
		{"actor missing from actors_fts", "actors_fts", func(s *Store, a app.Article) []string {
			return []string{`DELETE FROM actors_fts WHERE rowid = (SELECT id FROM actors WHERE name = 'Paweł Wróbel')`}
		}, "Pawel"},
		{"relation words out of date in relations_fts", "relations_fts", func(s *Store, a app.Article) []string {
			return []string{`UPDATE relations_fts SET quotes = 'nothing'`}
		}, "Isikli met"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, a := checkedProject(t)
			for _, q := range c.breakIt(s, a) {
				if _, err := s.db.ExecContext(ctx, q); err != nil {
					t.Fatalf("%s: %v", q, err)
				}
			}
			rep := mustCheck(t, s)
			got := problems(rep)
			if len(got["full-text index "+c.index+" against the text"]) == 0 {
				t.Fatalf("the drift of %s is not reported; problems: %v", c.index, got)
			}
			fix, err := s.Repair(ctx)
			if err != nil {
				t.Fatal(err)
			}
			rebuilt := false
			for _, ch := range fix.Changes {
				rebuilt = rebuilt || (ch.Kind == "full-text index rebuilt" && strings.Contains(ch.What, c.index))
			}
			if !rebuilt {
				t.Fatalf("the repair does not say it rebuilt %s: %+v", c.index, fix.Changes)
			}
			if rep := mustCheck(t, s); !rep.OK() {
				t.Fatalf("after the repair the check still finds: %v", problems(rep))
			}
			res, err := s.Search(ctx, app.SearchQuery{Text: c.search})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Articles)+len(res.Actors)+len(res.Relations)+len(res.Notes) == 0 {
				t.Fatalf("after the repair a search for %q finds nothing", c.search)
			}
		})
	}
}

// withoutTrigger returns statements that run q with the trigger name set aside, as a
// writer that bypassed the store would.
func withoutTrigger(s *Store, t *testing.T, name, q string) []string {
	t.Helper()
	var def string
	if err := s.db.QueryRow(`SELECT sql FROM sqlite_schema WHERE name = ?`, name).Scan(&def); err != nil {
		t.Fatal(err)
	}
	return []string{`DROP TRIGGER ` + name, q, def}
}

// TestOrphansAreFoundAndRemoved inserts mentions and evidence pointing at rows that are
// gone (with foreign keys off, as a bug or an old tool could) and checks that the check
// reports them, by foreign keys too, and that Repair removes exactly them.
func TestOrphansAreFoundAndRemoved(t *testing.T) {
	ctx := context.Background()
	s, a := checkedProject(t)
	var mentions, evidence int64
	s.db.QueryRow(`SELECT count(*) FROM mentions`).Scan(&mentions)
	s.db.QueryRow(`SELECT count(*) FROM evidence`).Scan(&evidence)
	conn, err := s.db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`PRAGMA foreign_keys = OFF`,
		`INSERT INTO mentions(article_id, actor_id, start, end, status) VALUES (9999, (SELECT min(id) FROM actors), 0, 4, 'automatic')`,
		`INSERT INTO mentions(article_id, actor_id, start, end, status) VALUES (` + itoa(a.ID) + `, 8888, 0, 4, 'automatic')`,
		`INSERT INTO evidence(uuid, relation_id, article_id, quote) VALUES ('orphan-1', 7777, ` + itoa(a.ID) + `, '')`,
		`PRAGMA foreign_keys = ON`,
	} {
		if _, err := conn.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	conn.Close()
	got := problems(mustCheck(t, s))
	if !strings.Contains(strings.Join(got["orphan mentions"], ""), "2 mentions") {
		t.Fatalf("orphan mentions not reported: %v", got)
	}
	if !strings.Contains(strings.Join(got["orphan evidence"], ""), "1 pieces") {
		t.Fatalf("orphan evidence not reported: %v", got)
	}
	if len(got["foreign keys"]) == 0 {
		t.Fatalf("the foreign key check does not see them: %v", got)
	}
	fix, err := s.Repair(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int64{"orphan mentions removed": 2, "orphan evidence removed": 1}
	for _, ch := range fix.Changes {
		if want[ch.Kind] != ch.Count {
			t.Errorf("repair change %+v, want counts %v", ch, want)
		}
		delete(want, ch.Kind)
	}
	if len(want) > 0 {
		t.Fatalf("the repair does not report %v: %+v", want, fix.Changes)
	}
	if rep := mustCheck(t, s); !rep.OK() {
		t.Fatalf("after the repair: %v", problems(rep))
	}
	var m2, e2 int64
	s.db.QueryRow(`SELECT count(*) FROM mentions`).Scan(&m2)
	s.db.QueryRow(`SELECT count(*) FROM evidence`).Scan(&e2)
	if m2 != mentions || e2 != evidence {
		t.Fatalf("the repair left %d mentions and %d evidence, want the %d and %d there were", m2, e2, mentions, evidence)
	}
}

// TestCheckReportsDamagedPageReadOnly: a project with a damaged page, open read-only, is
// checked without writing to its file, the damage is reported, and Repair refuses it
// saying what to do.
func TestCheckReportsDamagedPageReadOnly(t *testing.T) {
	ctx := context.Background()
	whole, leaves, _, pageSize := wholeProject(t)
	withBudget(t, time.Hour)
	path := damage(t, whole, leaves[len(leaves)/2], pageSize, 0, pageSize, 0xA5)
	before, _ := os.ReadFile(path)
	s, err := OpenReadOnly(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	_, walBefore := os.Stat(path + "-wal")
	rep := mustCheck(t, s)
	if rep.OK() || len(problems(rep)["integrity"]) == 0 {
		t.Fatalf("the damaged page is not reported by the integrity check: %v", problems(rep))
	}
	_, err = s.Repair(ctx)
	wantCode(t, err, app.EREADONLY)
	if msg := app.ErrorMessage(err); !strings.Contains(msg, "Save a copy") || !strings.Contains(msg, "restore a backup") {
		t.Fatalf("the refusal does not say what to do: %q", msg)
	}
	s.Close()
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Fatal("checking the damaged project changed its file")
	}
	if _, err := os.Stat(path + "-wal"); err == nil && walBefore != nil {
		t.Fatal("checking the damaged project made a WAL file")
	}
}

// BenchmarkCheck times the full check on the synthetic project of 100,000 articles.
func BenchmarkCheck(b *testing.B) {
	s := benchStore(b)
	b.ResetTimer()
	var rep app.CheckReport
	for b.Loop() {
		var err error
		if rep, err = s.Check(context.Background()); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	if !rep.OK() {
		b.Fatalf("the synthetic project fails the check: %v", problems(rep))
	}
	for _, it := range rep.Items {
		b.Logf("%-50s %9d %-6s %v", it.Name, it.Checked, it.Unit, it.Took)
	}
}

// TestSyntheticProjectPassesTheFullCheck: the 5,000-article synthetic project (bulk-written
// articles, mentions, relations with quotes) passes every check: no false alarm at scale.
func TestSyntheticProjectPassesTheFullCheck(t *testing.T) {
	path, _, _, _ := wholeProject(t)
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rep := mustCheck(t, s)
	if !rep.OK() {
		t.Fatalf("the synthetic project fails the check: %v", problems(rep))
	}
	t.Logf("full check of %d rows in %d tables: %v", rep.Rows, rep.Tables, rep.Took)
	for _, it := range rep.Items {
		t.Logf("  %-50s %8d %-6s %v", it.Name, it.Checked, it.Unit, it.Took)
	}
}

// TestCheckReadOnlyWholeProject: the full check runs on a store opened read-only and finds
// a whole project whole (every check, the full-text ones included, runs without writing).
func TestCheckReadOnlyWholeProject(t *testing.T) {
	ctx := context.Background()
	s, _ := checkedProject(t)
	path := s.path
	s.Close()
	before, _ := os.ReadFile(path)
	ro, err := OpenReadOnly(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if rep := mustCheck(t, ro); !rep.OK() {
		t.Fatalf("read-only check of a whole project: %v", problems(rep))
	}
	ro.Close()
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Fatal("the read-only check changed the file")
	}
}

// TestEveryFullTextIndexIsChecked holds ftsIndexes to the schema: every FTS5 table of a
// project is checked and repaired, and an external-content one over the table it reads.
// An index a later migration adds without being listed fails here, not in a user's project.
func TestEveryFullTextIndexIsChecked(t *testing.T) {
	s := openTest(t)
	rows, err := s.db.Query(`SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%USING fts5%'`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	listed := map[string]ftsIndex{}
	for _, ix := range ftsIndexes {
		listed[ix.name] = ix
	}
	n := 0
	for rows.Next() {
		var name, def string
		if err := rows.Scan(&name, &def); err != nil {
			t.Fatal(err)
		}
		n++
		ix, ok := listed[name]
		if !ok {
			t.Errorf("the full-text index %s is not in ftsIndexes: Check and Repair leave it out", name)
			continue
		}
		external := strings.Contains(def, "content=")
		if external != (ix.content != "") || (external && !strings.Contains(def, "content='"+ix.content+"'")) {
			t.Errorf("ftsIndexes says %s reads %q; its definition: %s", name, ix.content, def)
		}
	}
	if n != len(ftsIndexes) {
		t.Errorf("the schema has %d full-text indexes, ftsIndexes lists %d", n, len(ftsIndexes))
	}
}

// TestRepairRelinksMentions: mentions lost behind the store's back are linked again by
// Repair, which counts them.
func TestRepairRelinksMentions(t *testing.T) {
	ctx := context.Background()
	s, _ := checkedProject(t)
	var before int64
	s.db.QueryRow(`SELECT count(*) FROM mentions`).Scan(&before)
	if before == 0 {
		t.Fatal("the test project has no mentions")
	}
	if _, err := s.db.Exec(`DELETE FROM mentions`); err != nil {
		t.Fatal(err)
	}
	fix, err := s.Repair(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var after int64
	s.db.QueryRow(`SELECT count(*) FROM mentions`).Scan(&after)
	if after != before || len(fix.Changes) != 1 || fix.Changes[0].Kind != "mentions linked" || fix.Changes[0].Count != before {
		t.Fatalf("%d mentions before, %d after the repair; changes %+v", before, after, fix.Changes)
	}
}
