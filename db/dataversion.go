package db

import "context"

// DataVersion returns SQLite's data_version of the project's connection: a number that
// changes whenever another connection (a batch command, another program) commits to the
// project, and not when this Store writes. The window polls it to notice others' changes.
func (s *Store) DataVersion(ctx context.Context) (v int64, err error) {
	defer wrapErr(&err, "read the data version")
	if err := s.db.QueryRowContext(ctx, "PRAGMA data_version").Scan(&v); err != nil {
		return 0, mapError(err)
	}
	return v, nil
}
