package db

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"dossier/app"
)

// CreateActor records a new actor with its aliases and links its mentions in every article.
func (s *Store) CreateActor(ctx context.Context, a app.Actor) (_ app.Actor, err error) {
	defer wrapErr(&err, "create actor %q", a.Name)
	a.Normalize()
	if err := a.Validate(); err != nil {
		return a, err
	}
	err = s.tx(ctx, func(tx *sql.Tx) error {
		var err error
		a, err = s.insertActor(ctx, tx, a)
		return err
	})
	return a, err
}

// insertActor writes a, a normalized and valid actor, with its aliases, and links its mentions.
func (s *Store) insertActor(ctx context.Context, tx *sql.Tx, a app.Actor) (app.Actor, error) {
	if a.UUID == "" {
		a.UUID = newUUID()
	}
	t := s.now()
	res, err := tx.ExecContext(ctx, `INSERT INTO actors(uuid, name, kind, description, tags, notes, created, updated)
		VALUES (?,?,?,?,?,?,?,?)`, a.UUID, a.Name, string(a.Kind), a.Description, joinList(a.Tags), a.Notes, t, t)
	if err != nil {
		return a, err
	}
	a.ID, _ = res.LastInsertId()
	if err := writeAliases(ctx, tx, a); err != nil {
		return a, err
	}
	return a, linkActorMentions(ctx, tx, a.ID)
}

func writeAliases(ctx context.Context, tx *sql.Tx, a app.Actor) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM aliases WHERE actor_id = ?`, a.ID); err != nil {
		return err
	}
	for i, name := range a.Names() {
		if _, err := tx.ExecContext(ctx, `INSERT INTO aliases(actor_id, text, folded, is_name) VALUES (?,?,?,?)
			ON CONFLICT (actor_id, folded) DO NOTHING`, a.ID, name, app.Fold(name), i == 0); err != nil {
			return err
		}
	}
	return nil
}

// UpdateActor saves an edited actor; a changed name or alias relinks its mentions.
func (s *Store) UpdateActor(ctx context.Context, a app.Actor) (_ app.Actor, err error) {
	defer wrapErr(&err, "update actor %d", a.ID)
	a.Normalize()
	if err := a.Validate(); err != nil {
		return a, err
	}
	err = s.tx(ctx, func(tx *sql.Tx) error {
		if err := unchangedSince(ctx, tx, "actors", a.ID, a.Updated); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE actors SET name=?, kind=?, description=?, tags=?, notes=?, updated=?
			WHERE id=? AND deleted = ''`, a.Name, string(a.Kind), a.Description, joinList(a.Tags), a.Notes, s.now(), a.ID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return app.Errorf(app.ENOTFOUND, "There is no actor #%d in this project.", a.ID)
		}
		if err := writeAliases(ctx, tx, a); err != nil {
			return err
		}
		if err := linkActorMentions(ctx, tx, a.ID); err != nil {
			return err
		}
		a.Updated, err = stamp(ctx, tx, "actors", a.ID)
		return err
	})
	return a, err
}

// AddAlias adds one name to an actor and links it in every article.
func (s *Store) AddAlias(ctx context.Context, actorID int64, alias string) (err error) {
	defer wrapErr(&err, "add alias %q to actor %d", alias, actorID)
	a, err := s.Actor(ctx, actorID)
	if err != nil {
		return err
	}
	a.Aliases = append(a.Aliases, alias)
	_, err = s.UpdateActor(ctx, a)
	return err
}

const actorColumns = `id, uuid, name, kind, description, tags, notes, updated`

// Actor returns one actor with its aliases.
func (s *Store) Actor(ctx context.Context, id int64) (_ app.Actor, err error) {
	defer wrapErr(&err, "actor %d", id)
	return actor(ctx, s.db, id)
}

func actor(ctx context.Context, q querier, id int64) (app.Actor, error) {
	var a app.Actor
	var kind, tags, updated string
	err := q.QueryRowContext(ctx, `SELECT `+actorColumns+` FROM actors WHERE id = ? AND deleted = ''`, id).
		Scan(&a.ID, &a.UUID, &a.Name, &kind, &a.Description, &tags, &a.Notes, &updated)
	a.Updated = parseTime(updated)
	if err == sql.ErrNoRows {
		return a, app.Errorf(app.ENOTFOUND, "There is no actor #%d in this project (it may have been deleted or merged).", id)
	}
	if err != nil {
		return a, mapError(err)
	}
	a.Kind, a.Tags = app.ActorKind(kind), splitList(tags)
	a.Aliases, err = aliases(ctx, q, id)
	return a, err
}

func aliases(ctx context.Context, q querier, id int64) ([]string, error) {
	rows, err := q.QueryContext(ctx, `SELECT text FROM aliases WHERE actor_id = ? AND is_name = 0 ORDER BY id`, id)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// Actors returns one page of actors, by name.
func (s *Store) Actors(ctx context.Context, q app.ActorQuery) (_ []app.ActorRow, err error) {
	defer wrapErr(&err, "list actors %+v", q)
	where, args := actorWhere(q)
	limit := q.Limit
	if limit <= 0 {
		limit = -1
	}
	rows, err := s.db.QueryContext(ctx, `SELECT a.id, a.uuid, a.name, a.kind, a.description,
		(SELECT group_concat(text, char(10) ORDER BY id) FROM aliases WHERE actor_id = a.id AND is_name = 0),
		(SELECT count(*) FROM relations WHERE source_id = a.id OR target_id = a.id)
		FROM actors a WHERE `+where+` ORDER BY a.name COLLATE NOCASE, a.id LIMIT ? OFFSET ?`,
		append(args, limit, q.Offset)...)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	var out []app.ActorRow
	for rows.Next() {
		var r app.ActorRow
		var kind string
		var al sql.NullString
		if err := rows.Scan(&r.ID, &r.UUID, &r.Name, &kind, &r.Description, &al, &r.Relations); err != nil {
			return nil, err
		}
		r.Kind, r.Aliases = app.ActorKind(kind), splitList(al.String)
		out = append(out, r)
	}
	return out, rows.Err()
}

// CountActors returns how many actors the query selects.
func (s *Store) CountActors(ctx context.Context, q app.ActorQuery) (_ int, err error) {
	defer wrapErr(&err, "count actors %+v", q)
	where, args := actorWhere(q)
	var n int
	err = s.db.QueryRowContext(ctx, `SELECT count(*) FROM actors a WHERE `+where, args...).Scan(&n)
	return n, mapError(err)
}

func actorWhere(q app.ActorQuery) (string, []any) {
	where := "a.deleted = ''"
	var args []any
	if t := strings.TrimSpace(q.Text); t != "" {
		// Any word of any name may start with the typed text: "mal" finds "Nouri al-Maliki".
		f := app.Fold(t)
		where += ` AND a.id IN (SELECT actor_id FROM aliases WHERE folded LIKE ? ESCAPE '\' OR folded LIKE ? ESCAPE '\' OR folded LIKE ? ESCAPE '\')`
		esc := likeEscape(f)
		args = append(args, esc+"%", "% "+esc+"%", "%-"+esc+"%")
	}
	if q.Kind != "" {
		where += " AND a.kind = ?"
		args = append(args, string(q.Kind))
	}
	return where, args
}

func likeEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// FindActor resolves a name or alias typed by a user (or a "#id" or UUID) to one actor.
// No match is ENOTFOUND; several are EAMBIGUOUS with the candidates listed.
func (s *Store) FindActor(ctx context.Context, name string) (_ app.Actor, err error) {
	defer wrapErr(&err, "find actor %q", name)
	name = strings.TrimSpace(name)
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT a.id, a.name, a.kind, a.description FROM actors a
		LEFT JOIN aliases al ON al.actor_id = a.id
		WHERE a.deleted = '' AND (al.folded = ?1 OR a.uuid = lower(?2) OR '#' || a.id = ?2) ORDER BY a.name`, app.Fold(name), name)
	if err != nil {
		return app.Actor{}, mapError(err)
	}
	var ids []int64
	var cands []string
	for rows.Next() {
		var id int64
		var n, kind, desc string
		if err := rows.Scan(&id, &n, &kind, &desc); err != nil {
			rows.Close()
			return app.Actor{}, err
		}
		ids = append(ids, id)
		c := fmt.Sprintf("%s (#%d, %s", n, id, app.ActorKind(kind).Label())
		if desc != "" {
			c += ", " + desc
		}
		cands = append(cands, c+")")
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return app.Actor{}, mapError(err)
	}
	switch len(ids) {
	case 0:
		return app.Actor{}, app.Errorf(app.ENOTFOUND, "No actor is called “%s”. Add it first, or check the spelling.", name)
	case 1:
		return s.Actor(ctx, ids[0])
	}
	return app.Actor{}, &app.Error{Code: app.EAMBIGUOUS, Candidates: cands,
		Message: fmt.Sprintf("“%s” could be %d actors: %s. Use a fuller name or the #id.", name, len(ids), strings.Join(cands, "; "))}
}

// DeleteActor removes an actor. It is refused while relations still name it, so that
// nothing filed is lost by accident; its mentions and notes go with it.
func (s *Store) DeleteActor(ctx context.Context, id int64) (err error) {
	defer wrapErr(&err, "delete actor %d", id)
	return s.tx(ctx, func(tx *sql.Tx) error {
		a, err := actor(ctx, tx, id)
		if err != nil {
			return err
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM relations WHERE source_id = ?1 OR target_id = ?1 OR speaker_id = ?1`, id).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return app.Errorf(app.ECONFLICT, "“%s” takes part in %d relation(s); delete those first, or merge the actor into another.", a.Name, n)
		}
		return unlinkActor(ctx, tx, id, func() error {
			_, err := tx.ExecContext(ctx, `DELETE FROM actors WHERE id = ?`, id)
			return err
		})
	})
}

// MergeActors folds actor drop into actor keep: keep gains drop's name and aliases as
// aliases, its tags, notes, relations, mentions and note attachments; drop is removed.
// Relations between the two become impossible and are reported as an error instead of
// being silently deleted. The merge is journaled and can be undone (Merge, Unmerge).
func (s *Store) MergeActors(ctx context.Context, keep, drop int64) (app.Actor, error) {
	a, _, _, err := s.Merge(ctx, keep, drop)
	return a, err
}

// mergeActors moves d into k, both as read in this transaction.
func (s *Store) mergeActors(ctx context.Context, tx *sql.Tx, k, d app.Actor) (app.Actor, error) {
	keep, drop := k.ID, d.ID
	k.Aliases = append(append(k.Aliases, d.Name), d.Aliases...)
	k.Tags = append(k.Tags, d.Tags...)
	if d.Notes != "" {
		k.Notes = strings.TrimSpace(k.Notes + "\n\n" + d.Notes)
	}
	if d.Description != "" && k.Description == "" {
		k.Description = d.Description
	}
	k.Normalize()
	// The dropped actor's relations now name the kept one: a relation editor open on
	// one of them must not save the old actor back (see stamp.go).
	if _, err := tx.ExecContext(ctx, `UPDATE relations SET updated = ?1 WHERE ?2 IN (source_id, target_id, speaker_id)`, s.now(), drop); err != nil {
		return k, err
	}
	// So do its notes: a hub sync sends a note whose stamp moved (hubsync.go).
	if _, err := tx.ExecContext(ctx, `UPDATE notes SET updated = ?1 WHERE actor_id = ?2`, s.now(), drop); err != nil {
		return k, err
	}
	for _, q := range []string{
		`UPDATE relations SET source_id = ?1 WHERE source_id = ?2`,
		`UPDATE relations SET target_id = ?1 WHERE target_id = ?2`,
		`UPDATE relations SET speaker_id = ?1 WHERE speaker_id = ?2`,
		`UPDATE notes SET actor_id = ?1 WHERE actor_id = ?2`,
		`UPDATE OR IGNORE mentions SET actor_id = ?1 WHERE actor_id = ?2`,
		`DELETE FROM actors WHERE id = ?2 AND ?1 <> 0`,
	} {
		if _, err := tx.ExecContext(ctx, q, keep, drop); err != nil {
			return k, err
		}
	}
	if _, err := tx.ExecContext(ctx, `UPDATE actors SET description = ?, tags = ?, notes = ?, updated = ? WHERE id = ?`,
		k.Description, joinList(k.Tags), k.Notes, s.now(), keep); err != nil {
		return k, err
	}
	if err := writeAliases(ctx, tx, k); err != nil {
		return k, err
	}
	return k, linkActorMentions(ctx, tx, keep)
}
