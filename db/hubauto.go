package db

import (
	"context"
	"database/sql"

	"dossier/app"
)

// HubAutoSync says whether the window syncs with place on its own (on unless turned off).
func (s *Store) HubAutoSync(ctx context.Context, place app.HubPlace) (on bool, err error) {
	defer wrapErr(&err, "hub auto sync %s", place.Key())
	err = s.db.QueryRowContext(ctx, `SELECT auto_sync FROM hub_sync_state WHERE hub = ?`, place.Key()).Scan(&on)
	if err == sql.ErrNoRows {
		return true, nil
	}
	return on, err
}

// SetHubAutoSync turns the window's automatic sync with place on or off, for this project.
func (s *Store) SetHubAutoSync(ctx context.Context, place app.HubPlace, on bool) (err error) {
	defer wrapErr(&err, "set hub auto sync %s", place.Key())
	if app.WithoutPassword(place.URL) != place.URL {
		return app.Errorf(app.EINVALID, "A hub's password is never kept in the project: give the URL without it.")
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO hub_sync_state(hub, url, collection, auto_sync) VALUES (?, ?, ?, ?)
			ON CONFLICT (hub) DO UPDATE SET auto_sync = excluded.auto_sync`, place.Key(), place.URL, place.Collection, on)
		return err
	})
}
