package db

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"dossier/app"
)

// TwinRelation returns the relation already filed that records the fact r does (see
// app.SameFact), the oldest when there are several, and false when there is none.
func (s *Store) TwinRelation(ctx context.Context, r app.Relation) (_ app.Relation, _ bool, err error) {
	defer wrapErr(&err, "twin of relation %d %s %d", r.SourceID, r.Type, r.TargetID)
	r.Normalize()
	var twin app.Relation
	var found bool
	err = s.tx(ctx, func(tx *sql.Tx) error {
		t, err := relationType(ctx, tx, r.Type)
		if err != nil {
			return err
		}
		r.Type = t.Key
		id, err := twinOf(ctx, tx, r, t.Directed)
		if err != nil || id == 0 {
			return err
		}
		twin, err = relationByID(ctx, tx, id)
		found = err == nil
		return err
	})
	return twin, found, err
}

// FileRelation records r, unless the project already holds the same fact (app.SameFact)
// and newRelation is false: then r's sources are added to that relation instead, those it
// already has are counted as known, and r's note is appended to its note. The check and
// the write are one transaction, so a script that retries files nothing twice.
func (s *Store) FileRelation(ctx context.Context, r app.Relation, newRelation bool) (_ app.RelationFiled, err error) {
	defer wrapErr(&err, "file relation %d %s %d", r.SourceID, r.Type, r.TargetID)
	r.Evidence = slices.Clone(r.Evidence) // the caller's sources stay as given
	if newRelation {
		r, err := s.CreateRelation(ctx, r)
		return app.RelationFiled{Relation: r}, err
	}
	r.Normalize()
	if err := r.Validate(); err != nil {
		return app.RelationFiled{Relation: r}, err
	}
	var out app.RelationFiled
	err = s.tx(ctx, func(tx *sql.Tx) error {
		if err := checkRelationRefs(ctx, tx, &r); err != nil {
			return err
		}
		t, err := relationType(ctx, tx, r.Type)
		if err != nil {
			return err
		}
		id, err := twinOf(ctx, tx, r, t.Directed)
		if err != nil {
			return err
		}
		if id == 0 {
			out.Relation, err = s.insertRelation(ctx, tx, r)
			return err
		}
		out, err = s.addToTwin(ctx, tx, id, r)
		return err
	})
	return out, err
}

// addToTwin gives the relation id the sources and note of r, its twin.
func (s *Store) addToTwin(ctx context.Context, tx *sql.Tx, id int64, r app.Relation) (app.RelationFiled, error) {
	out := app.RelationFiled{Existing: true}
	twin, err := relationByID(ctx, tx, id)
	if err != nil {
		return out, err
	}
	for i := range r.Evidence {
		err := insertEvidence(ctx, tx, id, &r.Evidence[i])
		switch {
		case app.IsCode(err, app.EDUPLICATE):
			out.Known++
		case err != nil:
			return out, err
		default:
			out.Added++
		}
	}
	if n := strings.TrimSpace(r.Note); n != "" && !strings.Contains(twin.Note, n) {
		note := strings.TrimSpace(twin.Note + "\n\n" + n)
		if _, err := tx.ExecContext(ctx, `UPDATE relations SET note = ?, updated = ? WHERE id = ?`, note, s.now(), id); err != nil {
			return out, err
		}
		out.NoteAdded = true
	} else if out.Added > 0 {
		if _, err := tx.ExecContext(ctx, `UPDATE relations SET updated = ? WHERE id = ?`, s.now(), id); err != nil {
			return out, err
		}
	}
	if r.Confidence != twin.Confidence {
		out.Confidence = r.Confidence
	}
	out.Relation, err = relationByID(ctx, tx, id)
	return out, err
}

// twinOf returns the id of the oldest relation that records the fact r does, or 0. The
// candidates share r's type and actors, which the source and target indexes find at once;
// the dates are compared in Go, where a partial date's span is easy to say.
func twinOf(ctx context.Context, tx *sql.Tx, r app.Relation, directed bool) (int64, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, source_id, target_id, start, end, modality, coalesce(speaker_id, 0)
		FROM relations WHERE type = ?1 AND ((source_id = ?2 AND target_id = ?3) OR (?4 AND source_id = ?3 AND target_id = ?2))
		ORDER BY id`, r.Type, r.SourceID, r.TargetID, !directed)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	for rows.Next() {
		c := app.Relation{Type: r.Type}
		var start, end string
		if err := rows.Scan(&c.ID, &c.SourceID, &c.TargetID, &start, &end, &c.Modality, &c.SpeakerID); err != nil {
			return 0, err
		}
		c.Start, c.End = app.Date(start), app.Date(end)
		if app.SameFact(r, c, directed) {
			return c.ID, nil
		}
	}
	return 0, rows.Err()
}

// relationByID reads one relation with its sources inside a transaction.
func relationByID(ctx context.Context, q querier, id int64) (app.Relation, error) {
	r, err := scanRelation(q.QueryRowContext(ctx, relationSelect+` WHERE r.id = ?`, id))
	if err == sql.ErrNoRows {
		return r, app.Errorf(app.ENOTFOUND, "There is no relation #%d in this project.", id)
	}
	if err != nil {
		return r, mapError(err)
	}
	ev, err := evidenceOf(ctx, q, []int64{id})
	r.Evidence = ev[id]
	return r, err
}

// ActorNameClashes lists, for each of names, the actors other than exceptID that already
// go by it, compared folded as mention linking compares them ("maliki" is "Máliki").
func (s *Store) ActorNameClashes(ctx context.Context, names []string, exceptID int64) (_ []app.NameClash, err error) {
	defer wrapErr(&err, "name clashes of %q", names)
	return nameClashes(ctx, s.db, names, exceptID)
}

func nameClashes(ctx context.Context, q querier, names []string, exceptID int64) ([]app.NameClash, error) {
	var out []app.NameClash
	seen := map[string]bool{}
	for _, n := range names {
		f := app.Fold(strings.TrimSpace(n))
		if f == "" || seen[f] {
			continue
		}
		seen[f] = true
		rows, err := q.QueryContext(ctx, `SELECT DISTINCT a.id, a.name, a.kind FROM aliases al JOIN actors a ON a.id = al.actor_id
			WHERE al.folded = ? AND a.deleted = '' AND a.id <> ? ORDER BY a.id`, f, exceptID)
		if err != nil {
			return nil, mapError(err)
		}
		for rows.Next() {
			c := app.NameClash{Name: strings.TrimSpace(n)}
			var kind string
			if err := rows.Scan(&c.ActorID, &c.Actor, &kind); err != nil {
				rows.Close()
				return nil, err
			}
			c.Kind = app.ActorKind(kind)
			out = append(out, c)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// CreateNewActor is CreateActor for a caller that must not file a twin: it refuses, as
// ECONFLICT naming the actor, a name or alias another actor already goes by. The check
// and the insert are one transaction, so a script that retries adds the actor once.
func (s *Store) CreateNewActor(ctx context.Context, a app.Actor) (_ app.Actor, err error) {
	defer wrapErr(&err, "create new actor %q", a.Name)
	a.Normalize()
	if err := a.Validate(); err != nil {
		return a, err
	}
	var out app.Actor
	err = s.tx(ctx, func(tx *sql.Tx) error {
		clashes, err := nameClashes(ctx, tx, a.Names(), 0)
		if err != nil {
			return err
		}
		if len(clashes) > 0 {
			return clashError(clashes)
		}
		out, err = s.insertActor(ctx, tx, a)
		return err
	})
	return out, err
}

// clashError is the ECONFLICT refusal of a twin actor; Ref is the first actor it clashes
// with and Candidates the clashes.
func clashError(clashes []app.NameClash) error {
	var lines []string
	for _, c := range clashes {
		lines = append(lines, c.String())
	}
	return &app.Error{Code: app.ECONFLICT, Ref: clashes[0].ActorID, Candidates: lines,
		Message: fmt.Sprintf("Not added: %s. Use that actor, or add another actor with the same name anyway (--force).", strings.Join(lines, "; "))}
}
