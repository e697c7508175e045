package db

import (
	"context"
	"database/sql"
	"time"

	"dossier/app"
)

// A record's updated stamp is its version. An editor in the window loads a record with
// its stamp (app.Actor.Updated and the like) and saves it with that stamp; if the stored
// stamp differs, another program (a batch command beside the window) changed the record
// since it was opened, and the save is refused with ECONFLICT instead of silently
// writing over that change. The check runs inside the save's immediate transaction, so
// no other write can slip in between. Every write that changes what an editor shows
// moves the stamp (touch), not only the Update methods: evidence added to a relation
// elsewhere would otherwise be deleted by the editor's save of its older list.

// stampedTables names, for a table whose rows carry an updated stamp, what a researcher
// calls a row of it.
var stampedTables = map[string]string{
	"actors":    "actor",
	"articles":  "article",
	"relations": "relation",
	"notes":     "note",
}

// unchangedSince refuses a save of the row id of table that was changed after seen, the
// stamp it had when the editor read it. A zero seen (a record not read from the project,
// as a test or an import builds it) is not checked; a missing row is left to the
// update, which says it is not found.
func unchangedSince(ctx context.Context, tx *sql.Tx, table string, id int64, seen time.Time) error {
	if seen.IsZero() {
		return nil
	}
	now, err := stamp(ctx, tx, table, id)
	if err == sql.ErrNoRows {
		return nil
	}
	if err != nil {
		return err
	}
	if !now.Equal(seen) {
		return changedElsewhere(stampedTables[table])
	}
	return nil
}

// changedElsewhere is the refusal of a save over another program's change.
func changedElsewhere(what string) *app.Error {
	return app.Errorf(app.ECONFLICT, "This %s was changed elsewhere (by a batch command or another program) since you opened it, so saving would overwrite that change. Nothing was saved, and your text is kept here: copy what you need, close this form and open the %s again to see the change.", what, what)
}

// stamp reads the updated stamp of the row id of table (sql.ErrNoRows when it is gone).
func stamp(ctx context.Context, tx *sql.Tx, table string, id int64) (time.Time, error) {
	var s string
	if err := tx.QueryRowContext(ctx, `SELECT updated FROM `+table+` WHERE id = ?`, id).Scan(&s); err != nil {
		return time.Time{}, err
	}
	return parseTime(s), nil
}

// touch moves the stamp of the row id of table: a change to something the row's editor
// shows and saves (a relation's evidence) is a change of the row.
func (s *Store) touch(ctx context.Context, tx *sql.Tx, table string, id int64) error {
	_, err := tx.ExecContext(ctx, `UPDATE `+table+` SET updated = ? WHERE id = ?`, s.now(), id)
	return err
}
