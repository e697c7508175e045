package views

import (
	"context"

	"dossier/app"
)

// notebookStore is what the Notes screen, the note editor and the backlinks sections need
// beyond the note calls every screen has (CreateNote, UpdateNote, DeleteNote); *db.Store
// provides it (db/notebook.go).
type notebookStore interface {
	Note(ctx context.Context, id int64) (app.Note, error)
	Notes(ctx context.Context, q app.NoteQuery) ([]app.NoteRow, error)
	CountNotes(ctx context.Context, q app.NoteQuery) (int, error)
	NoteTags(ctx context.Context) ([]string, error)
	// NoteLinks is a note's [[links]], each with its record's current name.
	NoteLinks(ctx context.Context, noteID int64) ([]app.StoredLink, error)
	// RelinkNote resolves a note's links again, after a record was made for one.
	RelinkNote(ctx context.Context, noteID int64) error
	LinkSuggestions(ctx context.Context, text string, limit int) ([]app.LinkSuggestion, error)
	// Backlinks lists the notes linking to a record (and, for an actor, naming it).
	Backlinks(ctx context.Context, kind string, id int64) (app.Backlinks, error)
	// LinkMention turns an unlinked mention of an actor into a link to it.
	LinkMention(ctx context.Context, noteID int64, at, end int, actorID int64) error
	// AddNoteImage keeps a picture in the project; NoteImage reads one (notes_images.go).
	AddNoteImage(ctx context.Context, img app.NoteImage) (app.NoteImage, error)
	NoteImage(ctx context.Context, id string) (app.NoteImage, error)
}

func (s *watchedStore) AddNoteImage(ctx context.Context, img app.NoteImage) (app.NoteImage, error) {
	img, err := s.Store.AddNoteImage(ctx, img)
	return img, s.wrote(err)
}

func (s *watchedStore) RelinkNote(ctx context.Context, noteID int64) error {
	return s.wrote(s.Store.RelinkNote(ctx, noteID))
}

func (s *watchedStore) LinkMention(ctx context.Context, noteID int64, at, end int, actorID int64) error {
	return s.wrote(s.Store.LinkMention(ctx, noteID, at, end, actorID))
}
