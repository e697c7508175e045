package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"

	"dossier/app"
)

// SaveCopy writes a consistent copy of the project to path, which must not exist yet. A
// whole project's copy is a verified backup (Backup: its own read snapshot, so the window
// keeps working meanwhile); a damaged project's is what VACUUM INTO can still read, since
// a copy of it cannot pass a backup's verification.
func (s *Store) SaveCopy(ctx context.Context, path string) (err error) {
	defer wrapErr(&err, "save a copy to %s", path)
	if s.damage == "" {
		_, err := s.Backup(ctx, path)
		return err
	}
	if _, err := os.Stat(path); err == nil {
		return app.Errorf(app.ECONFLICT, "%s already exists; choose a new file name for the copy.", path)
	} else if !errors.Is(err, os.ErrNotExist) {
		return &app.Error{Code: app.EINVALID, Message: fmt.Sprintf("Cannot write a copy to %s.", path), Err: err}
	}
	if _, err := s.db.ExecContext(ctx, `VACUUM INTO ?`, path); err != nil {
		return &app.Error{Code: app.EINTERNAL, Message: fmt.Sprintf("Could not save a copy to %s: %v", path, err), Err: err}
	}
	return nil
}

// IsEmpty reports whether the project holds no articles and no actors.
func (s *Store) IsEmpty(ctx context.Context) (_ bool, err error) {
	defer wrapErr(&err, "is the project empty")
	var n int
	err = s.db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM articles) + (SELECT count(*) FROM actors)`).Scan(&n)
	return n == 0, mapError(err)
}

// RemoveTagged deletes for good the articles and actors that carry tag, with the relations
// that involve those actors. It is how the sample project is removed.
func (s *Store) RemoveTagged(ctx context.Context, tag string) (err error) {
	defer wrapErr(&err, "remove what is tagged %q", tag)
	like := "%\n" + likeEscape(tag) + "\n%"
	return s.tx(ctx, func(tx *sql.Tx) error {
		// Relations that stay but lose a speaker or evidence change (stamp.go).
		if _, err := tx.ExecContext(ctx, `UPDATE relations SET updated = ?2 WHERE
			speaker_id IN (SELECT id FROM actors WHERE char(10) || tags || char(10) LIKE ?1 ESCAPE '\')
			OR id IN (SELECT relation_id FROM evidence WHERE article_id IN (SELECT id FROM articles WHERE char(10) || tags || char(10) LIKE ?1 ESCAPE '\'))`, like, s.now()); err != nil {
			return err
		}
		for _, q := range []string{
			`DELETE FROM relations WHERE source_id IN (SELECT id FROM actors WHERE char(10) || tags || char(10) LIKE ?1 ESCAPE '\')
				OR target_id IN (SELECT id FROM actors WHERE char(10) || tags || char(10) LIKE ?1 ESCAPE '\')`,
			`UPDATE relations SET speaker_id = NULL WHERE speaker_id IN (SELECT id FROM actors WHERE char(10) || tags || char(10) LIKE ?1 ESCAPE '\')`,
			`DELETE FROM actors WHERE char(10) || tags || char(10) LIKE ?1 ESCAPE '\'`,
			`DELETE FROM articles WHERE char(10) || tags || char(10) LIKE ?1 ESCAPE '\'`,
		} {
			if _, err := tx.ExecContext(ctx, q, like); err != nil {
				return err
			}
		}
		return relinkGoneNames(ctx, tx)
	})
}
