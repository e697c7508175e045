package db

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"testing"

	"dossier/app"
	"dossier/app/ingest"
)

// TestCommitsAreSyncedToDisk: the connection every write goes through syncs the WAL at
// each commit (synchronous=FULL, 2) and asks for the drive's cache to be written where the
// system can (fullfsync), so a commit that returned survives a power cut. Under NORMAL (1)
// the last commits before a power cut may roll back.
func TestCommitsAreSyncedToDisk(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	// Through a transaction too: it runs on the pool's one connection, as every write does.
	if _, err := s.CreateActor(ctx, app.Actor{Name: "Ilse Marrow", Kind: app.Person}); err != nil {
		t.Fatal(err)
	}
	for _, p := range []struct {
		pragma string
		want   string
	}{{"journal_mode", "wal"}, {"synchronous", "2"}, {"fullfsync", "1"}} {
		var got string
		if err := s.db.QueryRowContext(ctx, "PRAGMA "+p.pragma).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got != p.want {
			t.Errorf("PRAGMA %s = %s, want %s", p.pragma, got, p.want)
		}
	}
}

// reader opens a connection of its own on the project, read-only, as another process
// would: it sees only what was committed.
func reader(t *testing.T, path string) *sql.DB {
	t.Helper()
	q := url.Values{}
	q.Set("mode", "ro")
	db, err := sql.Open("sqlite", "file:"+(&url.URL{Path: path}).EscapedPath()+"?"+q.Encode())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// TestImportReportsOnlyCommittedArticles is the rule behind the "filed:" line: when the
// import reports an article filed (or a duplicate of a filed one), another connection
// already sees that article, so the report is never ahead of the commit; and when the
// import ends, finished or cancelled, the project holds exactly the articles reported
// filed. Batches of 7 over 40 articles, with duplicates and a refusal among them, so
// reports come at many commits and the cancel lands in the middle of a batch.
func TestImportReportsOnlyCommittedArticles(t *testing.T) {
	for _, cancelAfter := range []int{0, 12} {
		t.Run(fmt.Sprintf("cancel after %d reports", cancelAfter), func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			s := openTest(t)
			other := reader(t, s.Path())
			var arts []app.Article
			for i := range 40 {
				body := fmt.Sprintf("Tide gauge %d at the north mole read %d centimetres above the mark on the morning of the survey.", i, 40+i)
				if i%9 == 8 {
					body = arts[i-3].Body // a duplicate of an article of this import
				}
				if i == 20 {
					body = "" // refused: no text
				}
				arts = append(arts, article(fmt.Sprintf("Gauge reading %d", i), "", body))
			}
			reported := map[int64]bool{}
			opt := app.ImportOptions{BatchSize: 7, Result: func(r app.ImportResult) {
				if r.Outcome == app.ImportFiled || r.Outcome == app.ImportDuplicate {
					var n int
					if err := other.QueryRow("SELECT count(*) FROM articles WHERE id = ?", r.ID).Scan(&n); err != nil {
						t.Fatal(err)
					}
					if n != 1 {
						t.Errorf("%s %s (#%d) was reported before another connection could see it", r.Outcome, r.Path, r.ID)
					}
				}
				if r.Outcome == app.ImportFiled {
					reported[r.ID] = true
				}
				if cancelAfter > 0 && len(reported) == cancelAfter {
					cancel()
				}
			}}
			seq := func(yield func(ingest.Item) bool) {
				for i, a := range arts {
					if !yield(ingest.Item{Path: fmt.Sprintf("gauge-%02d.txt", i), Article: a}) {
						return
					}
				}
			}
			sum, err := s.ImportArticles(ctx, seq, opt)
			if cancelAfter == 0 && err != nil || cancelAfter > 0 && err == nil {
				t.Fatalf("import: %v (%+v)", err, sum)
			}
			rows, err := other.Query("SELECT id FROM articles")
			if err != nil {
				t.Fatal(err)
			}
			defer rows.Close()
			inProject := map[int64]bool{}
			for rows.Next() {
				var id int64
				if err := rows.Scan(&id); err != nil {
					t.Fatal(err)
				}
				inProject[id] = true
			}
			if len(inProject) != len(reported) || sum.Filed != len(reported) {
				t.Fatalf("the project holds %d articles, the import reported %d filed, its summary %d", len(inProject), len(reported), sum.Filed)
			}
			for id := range reported {
				if !inProject[id] {
					t.Errorf("#%d was reported filed but is not in the project", id)
				}
			}
			if cancelAfter == 0 && len(reported) != 40-4-1 {
				t.Errorf("filed %d, want 35 (4 duplicates, 1 refused)", len(reported))
			}
		})
	}
}

// BenchmarkSavedEdit is the cost of one saved edit (an actor added: one transaction) with
// the store's setting, which syncs the WAL at each commit, beside the same edit with
// synchronous=NORMAL, which does not (and may lose it to a power cut).
func BenchmarkSavedEdit(b *testing.B) {
	for _, level := range []string{"FULL", "NORMAL"} {
		b.Run("synchronous="+level, func(b *testing.B) {
			ctx := context.Background()
			s, err := Open(ctx, b.TempDir()+"/p.dossier")
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			if _, err := s.db.ExecContext(ctx, "PRAGMA synchronous = "+level); err != nil {
				b.Fatal(err)
			}
			i := 0
			for b.Loop() {
				i++
				if _, err := s.CreateActor(ctx, app.Actor{Name: fmt.Sprintf("Surveyor %d", i), Kind: app.Person}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
