package db

import (
	"context"
	"database/sql"

	"dossier/app"
	"dossier/app/mention"
)

// patterns loads every name and alias of every live actor, or of one actor when id > 0.
func patterns(ctx context.Context, q querier, id int64) ([]mention.Pattern, error) {
	rows, err := q.QueryContext(ctx, `SELECT al.actor_id, al.text FROM aliases al JOIN actors a ON a.id = al.actor_id
		WHERE a.deleted = '' AND (?1 = 0 OR al.actor_id = ?1)`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []mention.Pattern
	for rows.Next() {
		var p mention.Pattern
		if err := rows.Scan(&p.ActorID, &p.Text); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// linkArticleMentions finds every known actor in one article. Mentions the user confirmed
// or rejected are kept as they are; automatic ones are recomputed.
func linkArticleMentions(ctx context.Context, tx *sql.Tx, articleID int64, body string) error {
	pats, err := patterns(ctx, tx, 0)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM mentions WHERE article_id = ? AND status = 'automatic'`, articleID); err != nil {
		return err
	}
	if len(pats) == 0 {
		return nil
	}
	return insertMentions(ctx, tx, articleID, mention.New(pats).Find(body))
}

func insertMentions(ctx context.Context, tx *sql.Tx, articleID int64, ms []mention.Match) error {
	if len(ms) == 0 {
		return nil
	}
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO mentions(article_id, actor_id, start, end, status) VALUES (?,?,?,?,'automatic')
		ON CONFLICT (article_id, actor_id, start) DO NOTHING`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, m := range ms {
		if _, err := stmt.ExecContext(ctx, articleID, m.ActorID, m.Start, m.End); err != nil {
			return err
		}
	}
	return nil
}

// linkActorMentions finds one actor's names in every article. It reads the articles in
// pages so a large project is not loaded at once.
func linkActorMentions(ctx context.Context, tx *sql.Tx, actorID int64) error {
	pats, err := patterns(ctx, tx, actorID)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM mentions WHERE actor_id = ? AND status = 'automatic'`, actorID); err != nil {
		return err
	}
	if len(pats) == 0 {
		return nil
	}
	m := mention.New(pats)
	var last int64
	for {
		rows, err := tx.QueryContext(ctx, `SELECT id, body FROM articles WHERE id > ? ORDER BY id LIMIT 500`, last)
		if err != nil {
			return err
		}
		type art struct {
			id   int64
			body string
		}
		var page []art
		for rows.Next() {
			var a art
			if err := rows.Scan(&a.id, &a.body); err != nil {
				rows.Close()
				return err
			}
			page = append(page, a)
		}
		rows.Close()
		if len(page) == 0 {
			return rows.Err()
		}
		for _, a := range page {
			if err := insertMentions(ctx, tx, a.id, m.Find(a.body)); err != nil {
				return err
			}
			last = a.id
		}
	}
}

// Mentions returns the mentions in one article, rejected ones included, in text order.
func (s *Store) Mentions(ctx context.Context, articleID int64) ([]app.Mention, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT m.id, m.article_id, m.actor_id, m.start, m.end, m.status FROM mentions m
		JOIN actors a ON a.id = m.actor_id WHERE m.article_id = ? AND a.deleted = '' ORDER BY m.start`, articleID)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	var out []app.Mention
	for rows.Next() {
		var m app.Mention
		if err := rows.Scan(&m.ID, &m.ArticleID, &m.ActorID, &m.Start, &m.End, &m.Status); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// SetMentionStatus confirms or rejects a mention; a rejected mention stays rejected when
// the article or the actor is relinked.
func (s *Store) SetMentionStatus(ctx context.Context, id int64, status string) error {
	if status != app.MentionConfirmed && status != app.MentionRejected && status != app.MentionAuto {
		return app.Errorf(app.EINVALID, "“%s” is not a mention status.", status)
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE mentions SET status = ? WHERE id = ?`, status, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return app.Errorf(app.ENOTFOUND, "There is no mention #%d.", id)
		}
		return nil
	})
}
