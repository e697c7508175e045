package db

import (
	"context"
	"database/sql"
	"strings"
	"unicode/utf8"

	"dossier/app"
)

// CreateNote saves a new note.
func (s *Store) CreateNote(ctx context.Context, n app.Note) (_ app.Note, err error) {
	defer wrapErr(&err, "create note on article %d, actor %d, relation %d", n.ArticleID, n.ActorID, n.RelationID)
	n.Body = strings.TrimSpace(app.NormalizeNewlines(n.Body))
	if n.Body == "" || !utf8.ValidString(n.Body) {
		return n, app.Errorf(app.EINVALID, "A note needs some text.")
	}
	err = s.tx(ctx, func(tx *sql.Tx) error {
		if n.UUID == "" {
			n.UUID = newUUID()
		}
		t := s.now()
		res, err := tx.ExecContext(ctx, `INSERT INTO notes(uuid, body, article_id, actor_id, relation_id, created, updated)
			VALUES (?,?,?,?,?,?,?)`, n.UUID, n.Body, nullID(n.ArticleID), nullID(n.ActorID), nullID(n.RelationID), t, t)
		if err != nil {
			return err
		}
		n.ID, _ = res.LastInsertId()
		n.Created, n.Updated = parseTime(t), parseTime(t)
		return nil
	})
	return n, err
}

// UpdateNote saves a note's new text.
func (s *Store) UpdateNote(ctx context.Context, n app.Note) (_ app.Note, err error) {
	defer wrapErr(&err, "update note %d", n.ID)
	n.Body = strings.TrimSpace(app.NormalizeNewlines(n.Body))
	if n.Body == "" {
		return n, app.Errorf(app.EINVALID, "A note needs some text; delete it instead.")
	}
	err = s.tx(ctx, func(tx *sql.Tx) error {
		if err := unchangedSince(ctx, tx, "notes", n.ID, n.Updated); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE notes SET body = ?, updated = ? WHERE id = ?`, n.Body, s.now(), n.ID)
		if err != nil {
			return err
		}
		if c, _ := res.RowsAffected(); c == 0 {
			return app.Errorf(app.ENOTFOUND, "There is no note #%d.", n.ID)
		}
		n.Updated, err = stamp(ctx, tx, "notes", n.ID)
		return err
	})
	return n, err
}

// DeleteNote deletes a note.
func (s *Store) DeleteNote(ctx context.Context, id int64) (err error) {
	defer wrapErr(&err, "delete note %d", id)
	return s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM notes WHERE id = ?`, id)
		return err
	})
}

// ActorNotes returns the notes attached to an actor or to one of its relations, newest first.
func (s *Store) ActorNotes(ctx context.Context, actorID int64) (_ []app.Note, err error) {
	defer wrapErr(&err, "notes of actor %d", actorID)
	return notes(ctx, s.db, `actor_id = ?1 OR relation_id IN (SELECT id FROM relations WHERE source_id = ?1 OR target_id = ?1)`, actorID)
}

// ArticleNotes returns the notes attached to an article, newest first.
func (s *Store) ArticleNotes(ctx context.Context, articleID int64) (_ []app.Note, err error) {
	defer wrapErr(&err, "notes of article %d", articleID)
	return notes(ctx, s.db, `article_id = ?1`, articleID)
}

func notes(ctx context.Context, q querier, where string, id int64) ([]app.Note, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, uuid, body, coalesce(article_id, 0), coalesce(actor_id, 0),
		coalesce(relation_id, 0), created, updated FROM notes WHERE `+where+` ORDER BY updated DESC, id DESC`, id)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	var out []app.Note
	for rows.Next() {
		var n app.Note
		var c, u string
		if err := rows.Scan(&n.ID, &n.UUID, &n.Body, &n.ArticleID, &n.ActorID, &n.RelationID, &c, &u); err != nil {
			return nil, err
		}
		n.Created, n.Updated = parseTime(c), parseTime(u)
		out = append(out, n)
	}
	return out, rows.Err()
}
