package db

import (
	"context"
	"database/sql"
	"fmt"

	"dossier/app"
)

// The review queue (suggestion_queue and suggestion_kinds) is kept by triggers from
// article_suggestions, which is kept from the live articles. The check compares each
// derived table with what it is derived from; the repair, and every salvage, groups it
// again from the stored suggestions, which costs one pass of SQL and no reading of text.

// queueDriftQueries count the rows of the queue that disagree with the suggestions
// stored, each with what it says in words.
var queueDriftQueries = []struct{ what, query string }{
	{"names whose article count disagrees with the suggestions stored", `SELECT count(*) FROM
		(SELECT folded, count(*) AS n FROM main.article_suggestions GROUP BY folded) g
		FULL JOIN main.suggestion_queue q USING (folded) WHERE g.n IS NOT q.articles`},
	{"kind counts that disagree with the suggestions stored", `SELECT count(*) FROM
		(SELECT folded, kind, count(*) AS n FROM main.article_suggestions GROUP BY folded, kind) g
		FULL JOIN main.suggestion_kinds k USING (folded, kind) WHERE g.n IS NOT k.n`},
	{"stored suggestions of articles in the trash or gone", `SELECT count(*) FROM main.article_suggestions
		WHERE article_id NOT IN (SELECT id FROM main.articles WHERE deleted = '')`},
	{"articles waiting to be read that are in the trash or gone", `SELECT count(*) FROM main.suggest_pending
		WHERE article_id NOT IN (SELECT id FROM main.articles WHERE deleted = '')`},
}

// reviewQueue checks the review queue against the suggestions stored.
func (c checker) reviewQueue(ctx context.Context) app.CheckItem {
	return timed("review queue", "names", func(it *app.CheckItem) {
		if err := c.conn.QueryRowContext(ctx, `SELECT count(*) FROM main.suggestion_queue`).Scan(&it.Checked); err != nil {
			failed(it, err)
			return
		}
		for _, q := range queueDriftQueries {
			var n int64
			if err := c.conn.QueryRowContext(ctx, q.query).Scan(&n); err != nil {
				failed(it, err)
				return
			}
			if n > 0 {
				problem(it, "%d %s", n, q.what)
			}
		}
	})
}

// rebuildQueue drops what the queue keeps of articles no longer live and groups the
// queue again from the stored suggestions; it returns how many names the queue holds.
func rebuildQueue(ctx context.Context, tx *sql.Tx) (int64, error) {
	for _, q := range []string{
		`DELETE FROM suggestion_queue`,
		`DELETE FROM suggestion_kinds`,
		`DELETE FROM article_suggestions WHERE article_id NOT IN (SELECT id FROM articles WHERE deleted = '')`,
		`DELETE FROM suggest_pending WHERE article_id NOT IN (SELECT id FROM articles WHERE deleted = '')`,
		`INSERT INTO suggestion_queue(folded, articles) SELECT folded, count(*) FROM article_suggestions GROUP BY folded`,
		`INSERT INTO suggestion_kinds(folded, kind, n) SELECT folded, kind, count(*) FROM article_suggestions GROUP BY folded, kind`,
		`UPDATE suggestion_queue AS q SET (name, aliases, folded_aliases, sample, article_id, mentions) =
			(SELECT b.name, b.aliases, b.folded_aliases, b.sample, b.article_id, b.mentions FROM article_suggestions b
				WHERE b.folded = q.folded ORDER BY b.mentions DESC, b.article_id LIMIT 1),
			kind = (SELECT k.kind FROM suggestion_kinds k WHERE k.folded = q.folded ORDER BY k.n DESC, k.kind LIMIT 1)`,
	} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return 0, fmt.Errorf("grouping the review queue again: %w", err)
		}
	}
	var n int64
	err := tx.QueryRowContext(ctx, `SELECT count(*) FROM suggestion_queue`).Scan(&n)
	return n, err
}
