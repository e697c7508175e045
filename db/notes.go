package db

import (
	"context"
	"database/sql"
	"strings"
	"unicode/utf8"

	"dossier/app"
)

// CreateNote saves a new note: on an article, an actor or a relation, or standalone (none
// of them set), with its [[links]] in the same transaction.
func (s *Store) CreateNote(ctx context.Context, n app.Note) (_ app.Note, err error) {
	defer wrapErr(&err, "create note on article %d, actor %d, relation %d", n.ArticleID, n.ActorID, n.RelationID)
	if err := cleanNote(&n); err != nil {
		return n, err
	}
	if n.Body == "" && n.Title == "" {
		return n, app.Errorf(app.EINVALID, "A note needs some text.")
	}
	err = s.tx(ctx, func(tx *sql.Tx) error {
		if n.UUID == "" {
			n.UUID = newUUID()
		}
		t := s.now()
		res, err := tx.ExecContext(ctx, `INSERT INTO notes(uuid, title, tags, body, article_id, actor_id, relation_id, created, updated)
			VALUES (?,?,?,?,?,?,?,?,?)`, n.UUID, n.Title, joinList(n.Tags), n.Body, nullID(n.ArticleID), nullID(n.ActorID), nullID(n.RelationID), t, t)
		if err != nil {
			return err
		}
		n.ID, _ = res.LastInsertId()
		n.Created, n.Updated = parseTime(t), parseTime(t)
		if err := writeLinks(ctx, tx, n.ID, n.Body, nil); err != nil {
			return err
		}
		return resolveWaitingLinks(ctx, tx, app.LinkNote, n.UUID, n.Title)
	})
	return n, err
}

// UpdateNote saves a note's new title, tags and text, and its [[links]] with them. A link
// that pointed at a record keeps pointing at it, even if the record was renamed since.
func (s *Store) UpdateNote(ctx context.Context, n app.Note) (_ app.Note, err error) {
	defer wrapErr(&err, "update note %d", n.ID)
	if err := cleanNote(&n); err != nil {
		return n, err
	}
	if n.Body == "" && n.Title == "" {
		return n, app.Errorf(app.EINVALID, "A note needs some text; delete it instead.")
	}
	err = s.tx(ctx, func(tx *sql.Tx) error {
		if err := unchangedSince(ctx, tx, "notes", n.ID, n.Updated); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE notes SET title = ?, tags = ?, body = ?, updated = ? WHERE id = ?`,
			n.Title, joinList(n.Tags), n.Body, s.now(), n.ID)
		if err != nil {
			return err
		}
		if c, _ := res.RowsAffected(); c == 0 {
			return app.Errorf(app.ENOTFOUND, "There is no note #%d.", n.ID)
		}
		if n.Updated, err = stamp(ctx, tx, "notes", n.ID); err != nil {
			return err
		}
		prev, err := previousLinks(ctx, tx, n.ID)
		if err != nil {
			return err
		}
		if err := writeLinks(ctx, tx, n.ID, n.Body, prev); err != nil {
			return err
		}
		var id string
		if err := tx.QueryRowContext(ctx, `SELECT uuid FROM notes WHERE id = ?`, n.ID).Scan(&id); err != nil {
			return err
		}
		return resolveWaitingLinks(ctx, tx, app.LinkNote, id, n.Title)
	})
	return n, err
}

// cleanNote normalises what a note's editor gives and refuses what cannot be stored.
func cleanNote(n *app.Note) error {
	n.Body = strings.TrimSpace(app.NormalizeNewlines(n.Body))
	n.Title = strings.Join(strings.Fields(n.Title), " ")
	if !utf8.ValidString(n.Body) || !utf8.ValidString(n.Title) {
		return app.Errorf(app.EINVALID, "The note's text is not valid UTF-8.")
	}
	var tags []string
	seen := map[string]bool{}
	for _, t := range n.Tags {
		t = strings.Join(strings.Fields(t), " ")
		if t != "" && !seen[app.Fold(t)] {
			seen[app.Fold(t)] = true
			tags = append(tags, t)
		}
	}
	n.Tags = tags
	return nil
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
	rows, err := q.QueryContext(ctx, `SELECT `+noteColumns+` FROM notes WHERE `+where+` ORDER BY updated DESC, id DESC`, id)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	var out []app.Note
	for rows.Next() {
		n, err := scanNote(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

const noteColumns = `id, uuid, title, tags, body, coalesce(article_id, 0), coalesce(actor_id, 0),
		coalesce(relation_id, 0), created, updated`

func scanNote(r interface{ Scan(...any) error }) (app.Note, error) {
	var n app.Note
	var tags, c, u string
	if err := r.Scan(&n.ID, &n.UUID, &n.Title, &tags, &n.Body, &n.ArticleID, &n.ActorID, &n.RelationID, &c, &u); err != nil {
		return n, err
	}
	n.Tags = splitList(tags)
	n.Created, n.Updated = parseTime(c), parseTime(u)
	return n, nil
}
