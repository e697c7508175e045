package db

import (
	"context"
	"os"
	"path/filepath"
	"sync"
)

// The temporary project a pull's page is written into (see attachTheirs) is a copy of
// an empty project made once per process, without its triggers: nothing searches it,
// links its names or queues suggestions from it, and making a project afresh runs every
// migration, each synced to disk. Its journal is kept in memory and it is never synced:
// it is thrown away after the page, whatever happens.

var theirsTemplate struct {
	once sync.Once
	data []byte
	err  error
}

// emptyTheirs writes the empty project without triggers at path.
func emptyTheirs(ctx context.Context, path string) error {
	theirsTemplate.once.Do(func() {
		theirsTemplate.data, theirsTemplate.err = makeTheirsTemplate(ctx)
	})
	if theirsTemplate.err != nil {
		return theirsTemplate.err
	}
	return os.WriteFile(path, theirsTemplate.data, 0o600)
}

// makeTheirsTemplate makes an empty project, drops its triggers, and returns its bytes.
func makeTheirsTemplate(ctx context.Context) ([]byte, error) {
	dir, err := os.MkdirTemp("", "dossier-template-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "empty.dossier")
	s, err := Create(ctx, path)
	if err != nil {
		return nil, err
	}
	if err := dropTriggers(ctx, s); err != nil {
		s.Close()
		return nil, err
	}
	if err := s.Close(); err != nil {
		return nil, err
	}
	return os.ReadFile(path)
}

// dropTriggers drops every trigger of s, and leaves it in rollback-journal mode so that
// its file holds everything without a -wal beside it.
func dropTriggers(ctx context.Context, s *Store) error {
	rows, err := s.db.QueryContext(ctx, `SELECT name FROM sqlite_schema WHERE type = 'trigger'`)
	if err != nil {
		return err
	}
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return err
		}
		names = append(names, n)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, n := range names {
		if _, err := s.db.ExecContext(ctx, `DROP TRIGGER "`+n+`"`); err != nil {
			return err
		}
	}
	_, err = s.db.ExecContext(ctx, `PRAGMA journal_mode = DELETE`)
	return err
}
