package db

import (
	"context"
	"database/sql"

	"dossier/app"
)

// uuidTables are the tables IDByUUID looks in, by the record kind callers name.
var uuidTables = map[string]string{
	"actor": "actors", "article": "articles", "relation": "relations", "evidence": "evidence", "note": "notes",
}

// IDByUUID returns the row id of the record of the given kind (actor, article, relation,
// evidence, note) with the UUID, or 0 when the project has none: imports use it to find
// records again across projects.
func (s *Store) IDByUUID(ctx context.Context, kind, uuid string) (_ int64, err error) {
	defer wrapErr(&err, "%s %s", kind, uuid)
	table, ok := uuidTables[kind]
	if !ok {
		return 0, app.Errorf(app.EINTERNAL, "No records of kind %q have UUIDs.", kind)
	}
	var id int64
	err = s.db.QueryRowContext(ctx, `SELECT id FROM `+table+` WHERE uuid = ?`, uuid).Scan(&id)
	if err == sql.ErrNoRows {
		return 0, nil
	}
	return id, mapError(err)
}
