package db

import (
	"context"
	"database/sql"

	"dossier/app"
)

// AddNoteImage keeps a picture in the project for notes to show (migration 0008).
func (s *Store) AddNoteImage(ctx context.Context, img app.NoteImage) (_ app.NoteImage, err error) {
	defer wrapErr(&err, "add note image %q", img.Name)
	if img, err = app.NewNoteImage(img.Name, img.Data); err != nil {
		return img, err
	}
	img.UUID = newUUID()
	err = s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO note_images(uuid, name, mime, data, added) VALUES (?,?,?,?,?)`,
			img.UUID, img.Name, img.MIME, img.Data, s.now())
		return err
	})
	return img, err
}

// NoteImage reads a picture kept in the project.
func (s *Store) NoteImage(ctx context.Context, id string) (_ app.NoteImage, err error) {
	defer wrapErr(&err, "note image %s", id)
	img := app.NoteImage{UUID: id}
	err = s.db.QueryRowContext(ctx, `SELECT name, mime, data FROM note_images WHERE uuid = ?`, id).Scan(&img.Name, &img.MIME, &img.Data)
	if err == sql.ErrNoRows {
		return img, app.Errorf(app.ENOTFOUND, "The picture %s is not in the project.", id)
	}
	return img, mapError(err)
}
