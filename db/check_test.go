package db

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dossier/app"
	"dossier/db/dbtest"
)

// wholeProject builds a real project of 5,000 synthetic articles and returns its path
// with the articles table's leaf and interior pages and the page size.
func wholeProject(t *testing.T) (path string, leaves, interior []int64, pageSize int) {
	t.Helper()
	ctx := context.Background()
	path = filepath.Join(t.TempDir(), "whole.dossier")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if err := dbtest.Synthesize(ctx, s.Path(), dbtest.Sizes{Articles: 5000, Actors: 50, Relations: 200}, 1, nil); err != nil {
		t.Fatal(err)
	}
	leaves, interior, pageSize, err = s.PagesOf(ctx, "articles")
	if err != nil || len(leaves) < 100 || len(interior) < 2 {
		t.Fatalf("articles has %d leaf and %d interior pages (%v); the test needs a deeper tree", len(leaves), len(interior), err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return path, leaves, interior, pageSize
}

// damage copies the project at src to a new file and overwrites n bytes of page at
// offset off with b, as a failing disk or a bad copy would.
func damage(t *testing.T, src string, page int64, pageSize, off, n int, b byte) string {
	t.Helper()
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	start := (page-1)*int64(pageSize) + int64(off)
	copy(data[start:start+int64(n)], bytes.Repeat([]byte{b}, n))
	dst := filepath.Join(t.TempDir(), "damaged.dossier")
	if err := os.WriteFile(dst, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return dst
}

// TestDamagedProjectIsNeverWhole damages one page of the articles b-tree in different
// ways. For each: Open refuses with ECORRUPT naming the damage, the file is left exactly as
// it was, OpenReadOnly opens it and reports the damage, and reading every page of the
// article list stops with ECORRUPT instead of returning fewer articles than there are.
// The interior case is the silent one: there SQLite itself reports nothing, a lookup by
// id just misses, and before the fix the list came back one article short.
func TestDamagedProjectIsNeverWhole(t *testing.T) {
	ctx := context.Background()
	whole, leaves, interior, pageSize := wholeProject(t)
	// Time enough for the whole check however slow the machine: this test is about what
	// the check finds, BenchmarkOpenCheck about its speed.
	withBudget(t, time.Hour)
	cases := []struct {
		name         string
		page         int64
		off, n       int
		b            byte
		pageInReport bool
	}{
		{"leaf page overwritten", leaves[len(leaves)/2], 0, pageSize, 0xA5, true},
		{"leaf page zeroed", leaves[10], 0, pageSize, 0, true},
		{"a few bytes of an interior page", interior[1], 100, 8, 0xFF, true},
		{"cells of an interior page", interior[1], 2000, 100, 7, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := damage(t, whole, c.page, pageSize, c.off, c.n, c.b)
			before, _ := os.ReadFile(path)

			_, err := Open(ctx, path)
			wantCode(t, err, app.ECORRUPT)
			msg := app.ErrorMessage(err)
			if !strings.Contains(msg, "damaged") || !strings.Contains(msg, path) || !strings.Contains(msg, "Save a copy") {
				t.Fatalf("Open's message does not say what is wrong and what to do: %q", msg)
			}
			if c.pageInReport && !strings.Contains(msg, "page ") {
				t.Fatalf("Open's message does not name the damaged page: %q", msg)
			}
			if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
				t.Fatal("refusing the damaged project changed its file")
			}

			s, err := OpenReadOnly(ctx, path)
			if err != nil {
				t.Fatalf("OpenReadOnly: %v", err)
			}
			defer s.Close()
			if s.Damage() == "" {
				t.Fatal("the read-only store does not report the damage")
			}
			total, _ := s.CountArticles(ctx, app.ArticleQuery{})
			listed, err := listAll(ctx, s)
			if err == nil {
				t.Fatalf("the article list read %d of %d articles of a damaged project without an error", listed, total)
			}
			wantCode(t, err, app.ECORRUPT)
			if _, err := s.CreateActor(ctx, app.Actor{Name: "New", Kind: app.Person}); !app.IsCode(err, app.EREADONLY) || !strings.Contains(app.ErrorMessage(err), "damaged") {
				t.Fatalf("a write to the damaged project: %v, want a read-only refusal that says why", err)
			}
			s.Close()
			if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
				t.Fatal("opening the damaged project read-only changed its file")
			}
		})
	}
}

// withBudget sets the open-time check's budget for the large tables for one test.
func withBudget(t *testing.T, d time.Duration) {
	old := checkBudget
	checkBudget = d
	t.Cleanup(func() { checkBudget = old })
}

// TestDamageBeyondTheCheckStopsTheReads: in a project too large for the open-time check to
// reach the damaged table in time (a budget of nothing here), Open succeeds, and then
// every read that meets the damage stops with ECORRUPT: running out of time is neither
// taken for damage nor for wholeness.
func TestDamageBeyondTheCheckStopsTheReads(t *testing.T) {
	ctx := context.Background()
	whole, leaves, interior, pageSize := wholeProject(t)
	withBudget(t, time.Nanosecond)
	for name, page := range map[string]int64{"leaf": leaves[len(leaves)/3], "interior": interior[1]} {
		t.Run(name, func(t *testing.T) {
			n := pageSize
			off := 0
			if name == "interior" {
				off, n = 100, 8 // the silent kind: lookups miss, SQLite reports nothing
			}
			s, err := Open(ctx, damage(t, whole, page, pageSize, off, n, 0xFF))
			if err != nil {
				t.Fatalf("Open with no time to check the articles: %v", err)
			}
			defer s.Close()
			listed, err := listAll(ctx, s)
			if err == nil {
				t.Fatalf("listed %d articles of 5,000 without an error", listed)
			}
			wantCode(t, err, app.ECORRUPT)
			if msg := app.ErrorMessage(err); !strings.Contains(msg, "damaged") || !strings.Contains(msg, "Save a copy") {
				t.Fatalf("message %q", msg)
			}
		})
	}
}

// listAll reads the whole article list in pages of 500, as the batch list does.
func listAll(ctx context.Context, s *Store) (int, error) {
	n := 0
	for {
		rows, err := s.Articles(ctx, app.ArticleQuery{Offset: n, Limit: 500})
		n += len(rows)
		if err != nil || len(rows) < 500 {
			return n, err
		}
	}
}

// TestWholeProjectPassesTheCheck: the open-time check finds nothing wrong with a whole
// project, small (every table read) or large (large tables left to the reads).
func TestWholeProjectPassesTheCheck(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	if _, err := s.CreateActor(ctx, app.Actor{Name: "Ada Keller", Kind: app.Person}); err != nil {
		t.Fatal(err)
	}
	small, large, err := s.checkedTables(ctx)
	if err != nil {
		t.Fatal(err)
	}
	tables := append(small, large...)
	for _, want := range []string{"actors", "articles", "relations", "mentions", "notes"} {
		if !contains(tables, want) {
			t.Fatalf("the check leaves out %s (checks %v)", want, tables)
		}
	}
	if !contains(small, "actors") || !contains(large, "articles") {
		t.Fatalf("small %v, large %v", small, large)
	}
	for _, tb := range tables {
		if strings.HasSuffix(tb, "_fts") {
			t.Fatalf("the check reads the full-text table %s, which is slow", tb)
		}
	}
	if p, err := s.findDamage(ctx, checkBudget); p != "" || err != nil {
		t.Fatalf("a whole project reads as damaged: %q %v", p, err)
	}
	for name, large := range map[string]bool{"articles": true, "mentions": true, "articles_fts_data": true,
		"relations_fts_content": true, "actors": false, "aliases": false, "notes": false, "relation_types": false} {
		if largeTable(name) != large {
			t.Errorf("largeTable(%q) = %v", name, !large)
		}
	}
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

// TestMissingTableIsDamage: a project whose schema lacks one of its tables is damaged.
func TestMissingTableIsDamage(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "p.dossier")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.ExecContext(ctx, `PRAGMA foreign_keys = OFF; DROP TABLE evidence`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	_, err = Open(ctx, path)
	wantCode(t, err, app.ECORRUPT)
	if !strings.Contains(app.ErrorMessage(err), "table evidence is missing") {
		t.Fatalf("message %q", app.ErrorMessage(err))
	}
}

// TestDescribeCheck keeps the page number of quick_check's answer.
func TestDescribeCheck(t *testing.T) {
	got := describeCheck("articles", "*** in database main ***\nTree 5 page 60: btreeInitPage() returns error code 11\nmore")
	if !strings.Contains(got, "page 60 of table articles") {
		t.Fatalf("describeCheck: %q", got)
	}
	if got := describeCheck("x", ""); !strings.Contains(got, "no answer") {
		t.Fatalf("describeCheck of nothing: %q", got)
	}
	if got := describeCheck("x", "row 3 missing from index y"); !strings.Contains(got, "row 3 missing") {
		t.Fatalf("describeCheck: %q", got)
	}
}

// BenchmarkOpenCheck is the open-time check on the synthetic project (100,000 articles by
// default; DOSSIER_BENCH_ARTICLES for another size). The goal is under 200 ms at 100,000.
func BenchmarkOpenCheck(b *testing.B) {
	s := benchStore(b)
	ctx := context.Background()
	small, large, err := s.checkedTables(ctx)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if p, err := s.findDamage(ctx, checkBudget); p != "" || err != nil {
			b.Fatalf("the synthetic project reads as damaged: %q %v", p, err)
		}
	}
	b.ReportMetric(float64(len(small)+len(large)), "tables")
}

// BenchmarkOpen is the whole of opening the synthetic project and closing it again:
// header, lock, check and the (empty) migration.
func BenchmarkOpen(b *testing.B) {
	s := benchStore(b)
	path := s.Path()
	s.Close()
	ctx := context.Background()
	for b.Loop() {
		st, err := Open(ctx, path)
		if err != nil {
			b.Fatal(err)
		}
		st.Close()
	}
}

// TestUnmappedDriverErrorsAreClassified is the rule behind "any read that meets a damaged
// page says so": even a query whose error skipped mapError reaches the user as ECORRUPT
// with the damage message, not as an internal error.
func TestUnmappedDriverErrorsAreClassified(t *testing.T) {
	ctx := context.Background()
	whole, leaves, _, pageSize := wholeProject(t)
	withBudget(t, time.Nanosecond)
	s, err := Open(ctx, damage(t, whole, leaves[len(leaves)/2], pageSize, 0, pageSize, 0xA5))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rows, err := s.db.QueryContext(ctx, `SELECT title, body FROM articles`) // raw: no mapError
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
	}
	raw := rows.Err()
	rows.Close()
	if raw == nil {
		t.Fatal("reading every article of a damaged project gave no error")
	}
	if app.ErrorCode(raw) != app.ECORRUPT || !strings.Contains(app.ErrorMessage(raw), "damaged") {
		t.Fatalf("a raw driver error reads as %q: %q", app.ErrorCode(raw), app.ErrorMessage(raw))
	}
	if app.ErrorCode(os.ErrClosed) != app.EINTERNAL {
		t.Fatal("an error that is not the driver's is classified")
	}
}

// TestEvidenceOfUnreadableArticleIsNotDropped: a relation whose evidence names an article
// that a damaged page hides fails with ECORRUPT instead of losing that evidence in
// silence. One relation carries evidence from every article, so whichever lookup the
// damaged page misleads is one of them.
func TestEvidenceOfUnreadableArticleIsNotDropped(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "p.dossier")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if err := dbtest.Synthesize(ctx, s.Path(), dbtest.Sizes{Articles: 5000, Actors: 40, Relations: 20}, 5, nil); err != nil {
		t.Fatal(err)
	}
	var rid int64
	if err := s.db.QueryRowContext(ctx, `SELECT min(id) FROM relations`).Scan(&rid); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.ExecContext(ctx, `INSERT INTO evidence(uuid, relation_id, article_id, quote)
		SELECT 'all-' || id, ?, id, '' FROM articles`, rid); err != nil {
		t.Fatal(err)
	}
	r, err := s.Relation(ctx, rid)
	if err != nil || len(r.Evidence) < 5000 {
		t.Fatalf("the whole project's relation has %d pieces of evidence (%v)", len(r.Evidence), err)
	}
	_, interior, pageSize, err := s.PagesOf(ctx, "articles")
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	withBudget(t, time.Nanosecond)
	for _, page := range interior[1:3] {
		d, err := Open(ctx, damage(t, path, page, pageSize, 100, 8, 0xFF))
		if err != nil {
			t.Fatal(err)
		}
		r, err := d.Relation(ctx, rid)
		d.Close()
		if err == nil {
			t.Fatalf("page %d damaged: the relation came back with %d of %d pieces of evidence and no error", page, len(r.Evidence), 5000+1)
		}
		wantCode(t, err, app.ECORRUPT)
	}
}

// TestDossierOfUnreadableArticleFails: an actor's dossier whose mentions include an
// article a damaged page hides fails with ECORRUPT instead of leaving the article out.
func TestDossierOfUnreadableArticleFails(t *testing.T) {
	ctx := context.Background()
	whole, _, interior, pageSize := wholeProject(t)
	withBudget(t, time.Nanosecond)
	s, err := Open(ctx, damage(t, whole, interior[1], pageSize, 100, 8, 0xFF))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	_, err = listAll(ctx, s)
	var ae *app.Error
	if !asAppError(err, &ae) || ae.Code != app.ECORRUPT || ae.Ref == 0 {
		t.Fatalf("listing: %v, want ECORRUPT naming the unreadable article", err)
	}
	var actor int64
	if err := s.db.QueryRowContext(ctx, `SELECT m.actor_id FROM mentions m WHERE m.article_id = ?
		ORDER BY (SELECT count(*) FROM mentions x WHERE x.actor_id = m.actor_id) LIMIT 1`, ae.Ref).Scan(&actor); err != nil {
		t.Fatalf("no actor is named in article #%d: %v", ae.Ref, err)
	}
	d, err := s.Dossier(ctx, actor, DossierMentions)
	if err == nil {
		t.Fatalf("the dossier of actor #%d lists %d of %d articles without an error", actor, len(d.Mentions), d.MentionTotal)
	}
	wantCode(t, err, app.ECORRUPT)
}

// TestDamageBeyondTheOpenCheck: damage the open-time check had no time to reach (a budget
// of nothing here, as a slow machine or a large project gives) is still never repaired in
// place: Repair refuses it saying what to do, and the file is left as it was. CheckPages,
// the whole check dossier check runs after opening, finds it whatever the time it takes.
func TestDamageBeyondTheOpenCheck(t *testing.T) {
	ctx := context.Background()
	whole, leaves, _, pageSize := wholeProject(t)
	withBudget(t, time.Nanosecond)
	path := damage(t, whole, leaves[len(leaves)/2], pageSize, 0, pageSize, 0xA5)
	before, _ := os.ReadFile(path)
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("Open with no time to check the articles: %v", err)
	}
	defer s.Close()
	err = s.CheckPages(ctx)
	wantCode(t, err, app.ECORRUPT)
	if msg := app.ErrorMessage(err); !strings.Contains(msg, "page ") || !strings.Contains(msg, "articles") {
		t.Fatalf("CheckPages does not name the damaged page: %q", msg)
	}
	_, err = s.Repair(ctx)
	wantCode(t, err, app.ECORRUPT)
	if msg := app.ErrorMessage(err); !strings.Contains(msg, "cannot be repaired in place") || !strings.Contains(msg, "Save a copy") || !strings.Contains(msg, "restore a backup") {
		t.Fatalf("the refusal does not say what to do: %q", msg)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Fatal("the refused repair changed the damaged file")
	}
}

// TestCheckPagesPassesAWholeProject: the whole open-time check finds nothing in a whole
// project, however little time Open had.
func TestCheckPagesPassesAWholeProject(t *testing.T) {
	whole, _, _, _ := wholeProject(t)
	withBudget(t, time.Nanosecond)
	s, err := Open(context.Background(), whole)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.CheckPages(context.Background()); err != nil {
		t.Fatalf("a whole project: %v", err)
	}
}
