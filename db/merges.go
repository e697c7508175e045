package db

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"dossier/app"
)

// DuplicateActors proposes pairs of actors that are probably the same (app.FindDuplicates),
// leaving out the pairs the user said are not the same. It reads every actor's names in
// one query; the pairing is done in Go by blocking keys.
func (s *Store) DuplicateActors(ctx context.Context) (_ app.Duplicates, err error) {
	defer wrapErr(&err, "duplicate actors")
	rows, err := s.db.QueryContext(ctx, `SELECT a.id, a.kind, al.text, al.is_name FROM actors a
		JOIN aliases al ON al.actor_id = a.id WHERE a.deleted = '' ORDER BY a.id, al.is_name DESC, al.id`)
	if err != nil {
		return app.Duplicates{}, mapError(err)
	}
	var actors []app.DupActor
	for rows.Next() {
		var id int64
		var kind, text string
		var isName bool
		if err := rows.Scan(&id, &kind, &text, &isName); err != nil {
			rows.Close()
			return app.Duplicates{}, err
		}
		if len(actors) == 0 || actors[len(actors)-1].ID != id {
			actors = append(actors, app.DupActor{ID: id, Kind: app.ActorKind(kind)})
		}
		a := &actors[len(actors)-1]
		if isName {
			a.Name = text
		} else {
			a.Aliases = append(a.Aliases, text)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return app.Duplicates{}, mapError(err)
	}
	notSame, err := s.notSamePairs(ctx)
	if err != nil {
		return app.Duplicates{}, err
	}
	return app.FindDuplicates(actors, func(a, b int64) bool { return notSame[orderedPair(a, b)] }), nil
}

func orderedPair(a, b int64) [2]int64 {
	if a > b {
		a, b = b, a
	}
	return [2]int64{a, b}
}

func (s *Store) notSamePairs(ctx context.Context) (map[[2]int64]bool, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT a_id, b_id FROM not_same`)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	out := map[[2]int64]bool{}
	for rows.Next() {
		var p [2]int64
		if err := rows.Scan(&p[0], &p[1]); err != nil {
			return nil, err
		}
		out[p] = true
	}
	return out, rows.Err()
}

// NotSame records that two actors are different: the pair is never proposed again.
func (s *Store) NotSame(ctx context.Context, a, b int64) (err error) {
	defer wrapErr(&err, "not same %d %d", a, b)
	if a == b {
		return app.Errorf(app.ECONFLICT, "An actor is always the same as itself.")
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		for _, id := range []int64{a, b} {
			if _, err := actor(ctx, tx, id); err != nil {
				return err
			}
		}
		p := orderedPair(a, b)
		_, err := tx.ExecContext(ctx, `INSERT INTO not_same(a_id, b_id, decided) VALUES (?,?,?) ON CONFLICT DO NOTHING`, p[0], p[1], s.now())
		return err
	})
}

// MergePreview says what merging drop into keep would move, without changing anything.
func (s *Store) MergePreview(ctx context.Context, keep, drop int64) (_ app.MergePreview, err error) {
	defer wrapErr(&err, "merge preview %d into %d", drop, keep)
	return mergePreview(ctx, s.db, keep, drop)
}

func mergePreview(ctx context.Context, q querier, keep, drop int64) (app.MergePreview, error) {
	var p app.MergePreview
	if keep == drop {
		return p, app.Errorf(app.ECONFLICT, "An actor cannot be merged into itself.")
	}
	var err error
	if p.Keep, err = actor(ctx, q, keep); err != nil {
		return p, err
	}
	if p.Drop, err = actor(ctx, q, drop); err != nil {
		return p, err
	}
	have := map[string]bool{}
	for _, n := range p.Keep.Names() {
		have[app.Fold(n)] = true
	}
	for _, n := range p.Drop.Names() {
		if f := app.Fold(n); !have[f] {
			have[f] = true
			p.NewAliases = append(p.NewAliases, n)
		}
	}
	return p, q.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM relations WHERE ?2 IN (source_id, target_id, speaker_id)),
		(SELECT count(*) FROM evidence WHERE relation_id IN (SELECT id FROM relations WHERE ?2 IN (source_id, target_id, speaker_id))),
		(SELECT count(*) FROM mentions WHERE actor_id = ?2),
		(SELECT count(DISTINCT article_id) FROM mentions WHERE actor_id = ?2),
		(SELECT count(*) FROM notes WHERE actor_id = ?2),
		(SELECT count(*) FROM relations WHERE (source_id = ?1 AND target_id = ?2) OR (source_id = ?2 AND target_id = ?1))`,
		keep, drop).Scan(&p.Relations, &p.Evidence, &p.Mentions, &p.Articles, &p.Notes, &p.Between)
}

// mergeJournal is what an undo needs, stored as JSON in merges.journal.
type mergeJournal struct {
	Dropped     actorRow   `json:"dropped"`
	DroppedAlia []string   `json:"dropped_aliases"` // its aliases, its name aside
	KeptBefore  keptFields `json:"kept_before"`
	KeptAfter   keptFields `json:"kept_after"`
	AddedNames  []string   `json:"added_names"` // folded names the merge gave the kept actor
	Relations   []relMove  `json:"relations"`
	Notes       []int64    `json:"notes"`
	Mentions    []menMove  `json:"mentions"`
}

type actorRow struct {
	UUID, Name, Kind, Description, Tags, Notes, Created, Updated string
}

type keptFields struct {
	Description, Tags, Notes string
}

type relMove struct {
	ID     int64  `json:"id"`
	Column string `json:"col"` // source_id, target_id or speaker_id
}

type menMove struct {
	ID        int64  `json:"id"`
	ArticleID int64  `json:"article"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Status    string `json:"status"`
}

var relColumns = []string{"source_id", "target_id", "speaker_id"}

// Merge folds actor drop into actor keep (see MergeActors) and records an undo journal;
// it returns the kept actor as saved, the preview of what moved and the merge's id, which
// Unmerge takes.
func (s *Store) Merge(ctx context.Context, keep, drop int64) (_ app.Actor, _ app.MergePreview, id int64, err error) {
	defer wrapErr(&err, "merge actor %d into %d", drop, keep)
	var out app.Actor
	var p app.MergePreview
	err = s.tx(ctx, func(tx *sql.Tx) error {
		var err error
		if p, err = mergePreview(ctx, tx, keep, drop); err != nil {
			return err
		}
		if p.Between > 0 {
			return app.Errorf(app.ECONFLICT, "“%s” and “%s” have %d relation(s) with each other; a merged actor cannot relate to itself. Delete those relations first.", p.Keep.Name, p.Drop.Name, p.Between)
		}
		j, err := journalOf(ctx, tx, p)
		if err != nil {
			return err
		}
		if out, err = s.mergeActors(ctx, tx, p.Keep, p.Drop); err != nil {
			return err
		}
		j.KeptAfter = keptFields{out.Description, joinList(out.Tags), out.Notes}
		b, err := json.Marshal(j)
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO merges(kept_id, dropped_id, kept_name, dropped_name, merged, journal) VALUES (?,?,?,?,?,?)`,
			keep, drop, p.Keep.Name, p.Drop.Name, s.now(), string(b))
		if err != nil {
			return err
		}
		id, err = res.LastInsertId()
		return err
	})
	return out, p, id, err
}

// journalOf reads what a merge of p will move, before it moves.
func journalOf(ctx context.Context, tx *sql.Tx, p app.MergePreview) (mergeJournal, error) {
	var j mergeJournal
	d := &j.Dropped
	if err := tx.QueryRowContext(ctx, `SELECT uuid, name, kind, description, tags, notes, created, updated FROM actors WHERE id = ?`, p.Drop.ID).
		Scan(&d.UUID, &d.Name, &d.Kind, &d.Description, &d.Tags, &d.Notes, &d.Created, &d.Updated); err != nil {
		return j, err
	}
	j.DroppedAlia = p.Drop.Aliases
	j.KeptBefore = keptFields{p.Keep.Description, joinList(p.Keep.Tags), p.Keep.Notes}
	for _, n := range p.NewAliases {
		j.AddedNames = append(j.AddedNames, app.Fold(n))
	}
	for _, col := range relColumns {
		ids, err := int64s(tx.QueryContext(ctx, `SELECT id FROM relations WHERE `+col+` = ?`, p.Drop.ID))
		if err != nil {
			return j, err
		}
		for _, id := range ids {
			j.Relations = append(j.Relations, relMove{id, col})
		}
	}
	var err error
	if j.Notes, err = int64s(tx.QueryContext(ctx, `SELECT id FROM notes WHERE actor_id = ?`, p.Drop.ID)); err != nil {
		return j, err
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, article_id, start, end, status FROM mentions WHERE actor_id = ?`, p.Drop.ID)
	if err != nil {
		return j, err
	}
	defer rows.Close()
	for rows.Next() {
		var m menMove
		if err := rows.Scan(&m.ID, &m.ArticleID, &m.Start, &m.End, &m.Status); err != nil {
			return j, err
		}
		j.Mentions = append(j.Mentions, m)
	}
	return j, rows.Err()
}

func int64s(rows *sql.Rows, err error) ([]int64, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// Merges lists the merges recorded, newest first: of one actor (kept or dropped) when
// actorID is not 0, of the project otherwise; undone merges are included, marked.
func (s *Store) Merges(ctx context.Context, actorID int64) (_ []app.MergeRecord, err error) {
	defer wrapErr(&err, "merges of actor %d", actorID)
	rows, err := s.db.QueryContext(ctx, `SELECT id, kept_id, dropped_id, kept_name, dropped_name, merged, undone FROM merges
		WHERE ?1 = 0 OR ?1 IN (kept_id, dropped_id) ORDER BY id DESC`, actorID)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	var out []app.MergeRecord
	for rows.Next() {
		var r app.MergeRecord
		var merged, undone string
		if err := rows.Scan(&r.ID, &r.KeptID, &r.DroppedID, &r.KeptName, &r.DroppedName, &merged, &undone); err != nil {
			return nil, err
		}
		r.Merged, r.Undone = parseTime(merged), parseTime(undone)
		out = append(out, r)
	}
	return out, rows.Err()
}

// Unmerge undoes merge id: the dropped actor comes back with its id, uuid, names, fields,
// relations, notes and mentions; the kept actor loses the names and text the merge gave it.
// Rows changed since the merge keep their change: a relation edited later goes back to the
// dropped actor with its edit, one re-pointed to a third actor or deleted is left and said
// in Unmerged.Left; relations and notes made after the merge stay with the kept actor.
func (s *Store) Unmerge(ctx context.Context, id int64) (_ app.Unmerged, err error) {
	defer wrapErr(&err, "unmerge %d", id)
	var u app.Unmerged
	err = s.tx(ctx, func(tx *sql.Tx) error {
		var text, undone string
		r := &u.Record
		err := tx.QueryRowContext(ctx, `SELECT id, kept_id, dropped_id, kept_name, dropped_name, undone, journal FROM merges WHERE id = ?`, id).
			Scan(&r.ID, &r.KeptID, &r.DroppedID, &r.KeptName, &r.DroppedName, &undone, &text)
		if err == sql.ErrNoRows {
			return app.Errorf(app.ENOTFOUND, "There is no merge #%d in this project.", id)
		}
		if err != nil {
			return err
		}
		if undone != "" {
			return app.Errorf(app.ECONFLICT, "Merge #%d (“%s” into “%s”) was already undone on %s.", id, r.DroppedName, r.KeptName, undone)
		}
		var j mergeJournal
		if err := json.Unmarshal([]byte(text), &j); err != nil {
			return fmt.Errorf("journal of merge %d: %w", id, err)
		}
		keep, err := actor(ctx, tx, r.KeptID)
		if err != nil {
			return app.Errorf(app.ECONFLICT, "Merge #%d cannot be undone: the actor it kept, “%s” (#%d), is gone (deleted, or merged into another: undo that merge first).", id, r.KeptName, r.KeptID)
		}
		if err := s.unmerge(ctx, tx, &u, keep, j); err != nil {
			return err
		}
		// The merge pointed notes' [[links]] to the dropped actor at the kept one; a link
		// whose text names the actor given back, and not the kept one, goes back to it.
		if _, err := tx.ExecContext(ctx, `UPDATE note_links SET uuid = ?1 WHERE uuid = ?2
			AND folded IN (SELECT folded FROM aliases WHERE actor_id = ?3)
			AND folded NOT IN (SELECT folded FROM aliases WHERE actor_id = ?4)`,
			u.Restored.UUID, keep.UUID, u.Restored.ID, keep.ID); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE merges SET undone = ? WHERE id = ?`, s.now(), id)
		return err
	})
	return u, err
}

func (s *Store) unmerge(ctx context.Context, tx *sql.Tx, u *app.Unmerged, keep app.Actor, j mergeJournal) error {
	drop := u.Record.DroppedID
	var taken bool
	if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM actors WHERE id = ?)`, drop).Scan(&taken); err != nil {
		return err
	}
	if taken { // its id went to an actor made since: it comes back under a new one
		drop = 0
	}
	d := j.Dropped
	res, err := tx.ExecContext(ctx, `INSERT INTO actors(id, uuid, name, kind, description, tags, notes, created, updated)
		VALUES (nullif(?, 0),?,?,?,?,?,?,?,?)`, drop, d.UUID, d.Name, d.Kind, d.Description, d.Tags, d.Notes, d.Created, s.now())
	if err != nil {
		return mapError(err)
	}
	if drop, err = res.LastInsertId(); err != nil {
		return err
	}
	back := app.Actor{ID: drop, Name: d.Name, Aliases: j.DroppedAlia}
	if err := writeAliases(ctx, tx, back); err != nil {
		return err
	}
	if err := s.giveBack(ctx, tx, u, keep.ID, drop, j); err != nil {
		return err
	}
	if err := s.restoreKept(ctx, tx, u, keep, j); err != nil {
		return err
	}
	if err := relinkBoth(ctx, tx, keep.ID, drop); err != nil {
		return err
	}
	u.Restored, err = actor(ctx, tx, drop)
	return err
}

// giveBack moves back the relations, notes and mentions that still point at the kept
// actor where the merge put them. Each kind of row is one statement over the journal's
// ids (json_each), so the busiest actor's tens of thousands of mentions go back at once.
func (s *Store) giveBack(ctx context.Context, tx *sql.Tx, u *app.Unmerged, keep, drop int64, j mergeJournal) error {
	now := s.now()
	byCol := map[string][]int64{}
	for _, m := range j.Relations {
		byCol[m.Column] = append(byCol[m.Column], m.ID)
	}
	for _, col := range relColumns {
		n, err := execIDs(ctx, tx, `UPDATE relations SET `+col+` = ?1, updated = ?2 WHERE `+col+` = ?3 AND id IN (SELECT value FROM json_each(?4))`, byCol[col], drop, now, keep)
		if err != nil {
			return mapError(err)
		}
		u.Relations += n
	}
	if lost := len(j.Relations) - u.Relations; lost > 0 {
		u.Left = append(u.Left, fmt.Sprintf("%d relation(s) were deleted or given another actor since the merge; they stay as they are", lost))
	}
	n, err := execIDs(ctx, tx, `UPDATE notes SET actor_id = ?1 WHERE actor_id = ?3 AND id IN (SELECT value FROM json_each(?4))`, j.Notes, drop, nil, keep)
	if err != nil {
		return err
	}
	u.Notes = n
	if lost := len(j.Notes) - n; lost > 0 {
		u.Left = append(u.Left, fmt.Sprintf("%d note(s) were deleted or moved since the merge; they stay as they are", lost))
	}
	// Mentions: the rows that moved go back by id; those the merge folded into the kept
	// actor's own row at the same place (and so deleted) are written again (a row already
	// back is left by OR IGNORE: one row per actor and place). The relinking that follows
	// settles the automatic ones by the names each actor has again; the user's confirmed
	// and rejected ones stand as they were.
	ids := make([]int64, len(j.Mentions))
	for i, m := range j.Mentions {
		ids[i] = m.ID
	}
	moved, err := execIDs(ctx, tx, `UPDATE mentions SET actor_id = ?1 WHERE actor_id = ?3 AND id IN (SELECT value FROM json_each(?4))`, ids, drop, nil, keep)
	if err != nil {
		return err
	}
	u.Mentions = moved
	if moved == len(j.Mentions) {
		return nil // all went back by id: nothing to write again
	}
	b, err := json.Marshal(j.Mentions)
	if err != nil {
		return err
	}
	res, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO mentions(article_id, actor_id, start, end, status)
		SELECT m.value->>'article', ?1, m.value->>'start', m.value->>'end', m.value->>'status' FROM json_each(?2) m
		WHERE EXISTS (SELECT 1 FROM articles WHERE id = m.value->>'article')`, drop, string(b))
	if err != nil {
		return err
	}
	written, _ := res.RowsAffected()
	u.Mentions += int(written)
	return nil
}

// execIDs runs q with ?1 a, ?2 b, ?3 c and ?4 the ids as a JSON array, and returns the
// rows changed.
func execIDs(ctx context.Context, tx *sql.Tx, q string, ids []int64, a, b, c any) (int, error) {
	if len(ids) == 0 {
		return 0, nil
	}
	js, err := json.Marshal(ids)
	if err != nil {
		return 0, err
	}
	res, err := tx.ExecContext(ctx, q, a, b, c, string(js))
	if err != nil {
		return 0, err
	}
	n, err := res.RowsAffected()
	return int(n), err
}

// restoreKept takes from the kept actor the names the merge gave it and, where nobody
// changed them since, its description, tags and notes as they were before.
func (s *Store) restoreKept(ctx context.Context, tx *sql.Tx, u *app.Unmerged, keep app.Actor, j mergeJournal) error {
	added := map[string]bool{}
	for _, f := range j.AddedNames {
		added[f] = true
	}
	var aliases []string
	for _, a := range keep.Aliases {
		if !added[app.Fold(a)] {
			aliases = append(aliases, a)
		}
	}
	keep.Aliases = aliases
	now := keptFields{keep.Description, joinList(keep.Tags), keep.Notes}
	set := now
	if now.Description == j.KeptAfter.Description {
		set.Description = j.KeptBefore.Description
	}
	if now.Tags == j.KeptAfter.Tags {
		set.Tags = j.KeptBefore.Tags
	}
	if now.Notes == j.KeptAfter.Notes {
		set.Notes = j.KeptBefore.Notes
	} else if j.Dropped.Notes != "" {
		u.Left = append(u.Left, fmt.Sprintf("the notes of “%s” were edited since the merge, so the text added to them from “%s” stays; it is back in “%s” too", keep.Name, j.Dropped.Name, j.Dropped.Name))
	}
	if _, err := tx.ExecContext(ctx, `UPDATE actors SET description = ?, tags = ?, notes = ?, updated = ? WHERE id = ?`,
		set.Description, set.Tags, set.Notes, s.now(), keep.ID); err != nil {
		return err
	}
	return writeAliases(ctx, tx, keep)
}

// LastMerge returns the latest merge not undone that dropped or kept the actor, for
// "undo the merge of this actor".
func (s *Store) LastMerge(ctx context.Context, actorID int64) (app.MergeRecord, error) {
	ms, err := s.Merges(ctx, actorID)
	if err != nil {
		return app.MergeRecord{}, err
	}
	for _, m := range ms {
		if m.Undone.IsZero() {
			return m, nil
		}
	}
	return app.MergeRecord{}, app.Errorf(app.ENOTFOUND, "No merge of actor #%d is left to undo.", actorID)
}

// relinkBoth brings the mentions of the two actors of an undone merge in line with their
// names again. The dropped actor's rows are already back where they were, by id; the
// merge's relinking could have settled differently only where the kept actor has rows
// (a place both matched, or where its fuller name decided) or where the dropped actor's
// row was ambiguous. Only those articles are relinked, so undoing the merge of an actor
// named in tens of thousands of articles reads few of them. When the log holds names of
// other actors deleted meanwhile, every article that may hold one of the names is
// relinked, as linkActorMentions would.
func relinkBoth(ctx context.Context, tx *sql.Tx, keep, drop int64) error {
	addK, remK, goneK, err := takeNameChanges(ctx, tx, keep)
	if err != nil {
		return err
	}
	addD, remD, goneD, err := takeNameChanges(ctx, tx, drop)
	if err != nil {
		return err
	}
	if goneK || goneD {
		also := map[int64]bool{}
		for _, id := range []int64{keep, drop} {
			m, err := actorArticles(ctx, tx, id)
			if err != nil {
				return err
			}
			for k := range m {
				also[k] = true
			}
		}
		return relinkNames(ctx, tx, append(addK, addD...), append(remK, remD...), also)
	}
	also, err := idSet(tx.QueryContext(ctx, `SELECT DISTINCT article_id FROM mentions WHERE actor_id = ?1
		UNION SELECT article_id FROM mentions WHERE actor_id = ?2 AND status = 'ambiguous'`, keep, drop))
	if err != nil {
		return err
	}
	return relinkNames(ctx, tx, nil, nil, also)
}
