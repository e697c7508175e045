package db

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"dossier/app"
)

// queueState is the whole review queue, in order, as a reader sees it.
func queueState(t *testing.T, s *Store) string {
	t.Helper()
	rows, err := s.SuggestionQueue(context.Background(), app.QueueQuery{})
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprint(rows)
}

func queueItem(t *testing.T, rep app.CheckReport) app.CheckItem {
	t.Helper()
	for _, it := range rep.Items {
		if it.Name == "review queue" {
			return it
		}
	}
	t.Fatalf("the check has no review queue item: %+v", rep.Items)
	return app.CheckItem{}
}

// Each kind of drift between the review queue and what it is derived from is found by
// the check and undone by the repair, which leaves the queue that reading every live
// article again gives.
func TestCheckRepairsReviewQueueDrift(t *testing.T) {
	ctx := context.Background()
	for _, damage := range []struct{ name, sql string }{
		{"count", `UPDATE suggestion_queue SET articles = articles + 4`},
		{"kind", `UPDATE suggestion_kinds SET n = n + 1`},
		{"lost row", `DELETE FROM suggestion_queue WHERE rowid = (SELECT min(rowid) FROM suggestion_queue)`},
		{"stale suggestions", `UPDATE articles SET deleted = '2026-01-01' WHERE id = (SELECT min(id) FROM articles);
			INSERT INTO article_suggestions SELECT (SELECT min(id) FROM articles), folded, name, kind, aliases,
				folded_aliases, mentions, sample, '[]' FROM suggestion_queue LIMIT 1`},
		{"stale pending", `INSERT INTO suggest_pending VALUES (987654)`},
	} {
		t.Run(damage.name, func(t *testing.T) {
			s := openTest(t)
			for i, body := range []string{queueBodyA, queueBodyB, queueBodyC} {
				fileArticle(t, s, fmt.Sprintf("Harbour %d", i), body)
			}
			if err := s.FillSuggestionQueue(ctx, nil); err != nil {
				t.Fatal(err)
			}
			rep, err := s.Check(ctx)
			if err != nil || !queueItem(t, rep).OK() {
				t.Fatalf("a whole project: %+v %v", queueItem(t, rep), err)
			}
			if _, err := s.db.ExecContext(ctx, damage.sql); err != nil {
				t.Fatal(err)
			}
			rep, err = s.Check(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if it := queueItem(t, rep); it.OK() {
				t.Fatalf("the check missed the drift %q", damage.name)
			}
			fixed, err := s.Repair(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(fmt.Sprint(fixed.Changes), "review queue") {
				t.Errorf("the repair does not say it grouped the queue again: %+v", fixed.Changes)
			}
			rep, err = s.Check(ctx)
			if err != nil || !queueItem(t, rep).OK() {
				t.Errorf("after the repair: %+v %v", queueItem(t, rep), err)
			}
			// The queue repaired is the one reading every live article again gives.
			repaired := queueState(t, s)
			if _, err := s.db.ExecContext(ctx, `DELETE FROM article_suggestions;
				INSERT OR IGNORE INTO suggest_pending SELECT id FROM articles WHERE deleted = ''`); err != nil {
				t.Fatal(err)
			}
			if err := s.FillSuggestionQueue(ctx, nil); err != nil {
				t.Fatal(err)
			}
			if again := queueState(t, s); again != repaired || repaired == "[]" {
				t.Errorf("repaired queue:\n%s\nread again from the articles:\n%s", repaired, again)
			}
		})
	}
}

// A salvage groups the review queue again from the suggestions it saved, so a queue that
// had drifted in the damaged project is whole in the new one.
func TestSalvageGroupsTheReviewQueueAgain(t *testing.T) {
	ctx := context.Background()
	from := filepath.Join(t.TempDir(), "from.dossier")
	s, err := Open(ctx, from)
	if err != nil {
		t.Fatal(err)
	}
	for i, body := range []string{queueBodyA, queueBodyB, queueBodyC} {
		fileArticle(t, s, fmt.Sprintf("Harbour %d", i), body)
	}
	if err := s.FillSuggestionQueue(ctx, nil); err != nil {
		t.Fatal(err)
	}
	want := queueState(t, s)
	if _, err := s.db.ExecContext(ctx, `UPDATE suggestion_queue SET articles = 40, name = 'wrong'`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	to := filepath.Join(t.TempDir(), "to.dossier")
	rep, err := Salvage(ctx, from, to)
	if err != nil {
		t.Fatal(err)
	}
	if !rep.Check.OK() {
		t.Errorf("the salvaged project fails its check:\n%s", rep.Text())
	}
	c, err := Open(ctx, to)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if got := queueState(t, c); got != want {
		t.Errorf("salvaged queue:\n%s\nwant the queue before the drift:\n%s", got, want)
	}
}
