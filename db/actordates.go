package db

import (
	"context"
	"database/sql"
	"fmt"

	"dossier/app"
)

// actor_dates (migration 0015) counts, for each actor and date, the live articles naming
// it; its triggers keep it whoever writes. The check compares it with a fresh count (the
// query the table stands for), the repair and every salvage count it again.

// actorDatesFresh is what actor_dates holds, counted afresh from the mentions.
const actorDatesFresh = `SELECT m.actor_id, a.date, count(DISTINCT m.article_id) AS n FROM main.mentions m
	JOIN main.articles a ON a.id = m.article_id WHERE m.status <> 'rejected' AND a.deleted = '' GROUP BY m.actor_id, a.date`

// actorDatesDrift counts the (actor, date) rows of actor_dates that disagree with a fresh
// count: wrong, missing or left over.
const actorDatesDrift = `SELECT count(*) FROM (` + actorDatesFresh + `) g
	FULL JOIN main.actor_dates d ON d.actor_id = g.actor_id AND d.date = g.date WHERE g.n IS NOT d.n`

// actorDatesName is the check's name for the table, which Repair looks for.
const actorDatesName = "articles counted by actor and date"

// actorDatesCheck compares actor_dates with a fresh count.
func (c checker) actorDatesCheck(ctx context.Context) app.CheckItem {
	return timed(actorDatesName, "counts", func(it *app.CheckItem) {
		if err := c.conn.QueryRowContext(ctx, `SELECT count(*) FROM main.actor_dates`).Scan(&it.Checked); err != nil {
			failed(it, err)
			return
		}
		var n int64
		if err := c.conn.QueryRowContext(ctx, actorDatesDrift).Scan(&n); err != nil {
			failed(it, err)
			return
		}
		if n > 0 {
			problem(it, "%d counts of an actor's articles on a date disagree with the mentions stored", n)
		}
	})
}

// rebuildActorDates counts actor_dates again from the mentions and returns how many
// counts it holds.
func rebuildActorDates(ctx context.Context, tx *sql.Tx) (int64, error) {
	if _, err := tx.ExecContext(ctx, `DELETE FROM main.actor_dates`); err != nil {
		return 0, fmt.Errorf("counting articles by actor and date again: %w", err)
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO main.actor_dates(actor_id, date, n) `+actorDatesFresh)
	if err != nil {
		return 0, fmt.Errorf("counting articles by actor and date again: %w", err)
	}
	return res.RowsAffected()
}

// actorDates counts the live articles naming actorID on each date, as tx sees them.
func actorDates(ctx context.Context, tx *sql.Tx, actorID int64) (map[app.Date]int, error) {
	return countDates(ctx, tx, `SELECT date, n FROM actor_dates WHERE actor_id = ?`, actorID)
}
