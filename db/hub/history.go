package hub

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/jackc/pgx/v5"

	"dossier/app"
)

// The change log of actors and relations (migration 0002: written by a trigger, so no
// client can skip it) and reverting a change: writing the version before it back as a
// new change, which syncs to every member like any edit.

// uuidRef is the SQL for the record a relation's field points at, as a uuid (NULL when
// the field holds none), so that the label's look-up uses the records' key.
func uuidRef(field string) string {
	return fmt.Sprintf(`CASE WHEN c.after->>'%[1]s' ~ '^[0-9a-fA-F-]{36}$' THEN (c.after->>'%[1]s')::uuid END`, field)
}

// History returns the changes of the collection's actors and relations, newest first, at
// most limit: those of the records uuids when given, else all. more says changes were
// left out past limit.
func (h *Hub) History(ctx context.Context, collectionID string, uuids []string, limit int) (_ []app.HubChangeEntry, more bool, err error) {
	if limit <= 0 {
		limit = 200
	}
	name := func(field string) string {
		return `(SELECT a.data->>'name' FROM ` + Schema + `.records a WHERE a.collection_id = c.collection_id AND a.kind = 'actor' AND a.uuid = ` + uuidRef(field) + `)`
	}
	q := `SELECT c.seq, c.kind, c.uuid::text, c.before, c.before_deleted, c.after, c.deleted, c.changed_by, c.changed_at, coalesce(c.reverts, 0),
			r.seq = c.seq,
			CASE c.kind WHEN 'actor' THEN coalesce(c.after->>'name', '')
				ELSE concat_ws(' ', coalesce(` + name("source_id") + `, '?'), c.after->>'type', coalesce(` + name("target_id") + `, '?')) END
		FROM ` + Schema + `.changes c JOIN ` + Schema + `.records r ON r.collection_id = c.collection_id AND r.kind = c.kind AND r.uuid = c.uuid
		WHERE c.collection_id = $1 AND ($2::uuid[] IS NULL OR c.uuid = ANY($2))
		ORDER BY c.seq DESC LIMIT $3`
	var ids []string
	if len(uuids) > 0 {
		ids = uuids
	}
	rows, err := h.conn.Query(ctx, q, collectionID, ids, limit+1)
	if err != nil {
		return nil, false, syncError(err, "")
	}
	defer rows.Close()
	var out []app.HubChangeEntry
	for rows.Next() {
		var e app.HubChangeEntry
		var before, after []byte
		if err := rows.Scan(&e.Change, &e.Kind, &e.UUID, &before, &e.BeforeDeleted, &after, &e.Deleted, &e.By, &e.At, &e.Reverts, &e.Latest, &e.Label); err != nil {
			return nil, false, syncError(err, "")
		}
		e.Before, e.After = before, after
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, false, syncError(err, "")
	}
	if len(out) > limit {
		return out[:limit], true, nil
	}
	return out, false, nil
}

// Revert undoes change: the record it changed gets back the version before it, as a new
// change (a change that created the record deletes it: a deletion marker). It is refused
// when the record changed again since (naming the later change), and by the database
// itself when this member may only read the collection. collection is the name, for the
// messages.
func (h *Hub) Revert(ctx context.Context, collectionID, collection string, change int64) (app.HubChangeEntry, error) {
	var e app.HubChangeEntry
	tx, err := h.conn.Begin(ctx)
	if err != nil {
		return e, syncError(err, collection)
	}
	defer tx.Rollback(ctx)
	// Writers take the collection's lock (sync.go): no change slips in between the check
	// below and the write.
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtext('dossier_hub push ' || $1))`, collectionID); err != nil {
		return e, syncError(err, collection)
	}
	var before []byte
	var beforeDeleted bool
	var after []byte
	err = tx.QueryRow(ctx, `SELECT kind, uuid::text, before, before_deleted, after FROM `+Schema+`.changes WHERE seq = $1 AND collection_id = $2`,
		change, collectionID).Scan(&e.Kind, &e.UUID, &before, &beforeDeleted, &after)
	if errors.Is(err, pgx.ErrNoRows) {
		return e, app.Errorf(app.ENOTFOUND, "The collection “%s” has no change %d to an actor or relation (dossier hub history lists them).", collection, change)
	}
	if err != nil {
		return e, syncError(err, collection)
	}
	if err := refuseIfChangedSince(ctx, tx, collectionID, e, change); err != nil {
		return e, err
	}
	data, deleted := before, beforeDeleted
	if before == nil { // the change created the record: undoing it deletes it
		data, deleted = after, true
	}
	if _, err := tx.Exec(ctx, `SELECT set_config('dossier_hub.reverts', $1, true)`, strconv.FormatInt(change, 10)); err != nil {
		return e, syncError(err, collection)
	}
	err = tx.QueryRow(ctx, `UPDATE `+Schema+`.records SET data = $4, deleted = $5
		WHERE collection_id = $1 AND kind = $2 AND uuid = $3 AND seq = $6 RETURNING seq, updated_by, updated_at`,
		collectionID, e.Kind, e.UUID, data, deleted, change).Scan(&e.Change, &e.By, &e.At)
	if errors.Is(err, pgx.ErrNoRows) {
		// The record is there with that change number (checked, under the lock): the
		// database's row-level security kept it from this member.
		return e, app.Errorf(app.EREADONLY, "You may only read the collection “%s” on this hub: change %d was not reverted (ask for a write grant).", collection, change)
	}
	if err != nil {
		return e, syncError(err, collection)
	}
	if err := tx.Commit(ctx); err != nil {
		return e, syncError(err, collection)
	}
	e.Before, e.After, e.BeforeDeleted, e.Deleted, e.Reverts, e.Latest = after, data, false, deleted, change, true
	return e, nil
}

// refuseIfChangedSince refuses a revert of change when the record has a later one,
// naming the latest: reverting would silently undo it too.
func refuseIfChangedSince(ctx context.Context, tx pgx.Tx, collectionID string, e app.HubChangeEntry, change int64) error {
	var seq int64
	var by string
	var n int
	err := tx.QueryRow(ctx, `SELECT r.seq, r.updated_by, (SELECT count(*) FROM `+Schema+`.changes c
			WHERE c.collection_id = r.collection_id AND c.kind = r.kind AND c.uuid = r.uuid AND c.seq > $4)
		FROM `+Schema+`.records r WHERE r.collection_id = $1 AND r.kind = $2 AND r.uuid = $3`,
		collectionID, e.Kind, e.UUID, change).Scan(&seq, &by, &n)
	if err != nil {
		return syncError(err, "")
	}
	if seq == change {
		return nil
	}
	return app.Errorf(app.ECONFLICT, "The %s was changed again since change %d: %d later change(s), the latest change %d by %s. Reverting would undo those too: revert change %d first, or edit the %s by hand.",
		e.Kind, change, n, seq, by, seq, e.Kind)
}
