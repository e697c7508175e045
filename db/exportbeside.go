package db

import (
	"context"
	"database/sql"

	"dossier/app"
)

// EachExportArticleBeside streams the articles in scope as EachExportArticle does, but
// on a read-only connection of its own, opened for the call: the store keeps one
// connection, which runs one query at a time, and a Markdown vault of a large project
// spends most of its time in SQLite reading its articles and its relations. Read side by
// side, on two connections, they take two cores instead of one. Like the pages of any
// export, the two reads are separate queries, not one snapshot. A project opened
// read-only, immutable or damaged is read on the store's own connection instead (a second
// connection to it could not be opened the same way).
func (s *Store) EachExportArticleBeside(ctx context.Context, sc app.ExportScope, fn func(app.Article) error) (err error) {
	if s.damage != "" || s.readOnly != "" || s.frozen != nil {
		return s.EachExportArticle(ctx, sc, fn)
	}
	conn, err := sql.Open("sqlite", readDSN(s.path, false))
	if err != nil {
		return mapError(err)
	}
	defer conn.Close()
	conn.SetMaxOpenConns(1)
	beside := &Store{db: conn, path: s.path, readOnly: "a second reader for an export"}
	return beside.EachExportArticle(ctx, sc, fn)
}
