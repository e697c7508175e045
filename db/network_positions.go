package db

import (
	"context"
	"database/sql"

	"dossier/app/graph"
)

// NetworkPositions returns where the project network last placed each actor.
func (s *Store) NetworkPositions(ctx context.Context) (_ map[int64]graph.Position, err error) {
	defer wrapErr(&err, "network positions")
	rows, err := s.db.QueryContext(ctx, `SELECT actor_id, x, y, pinned FROM network_positions`)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	out := map[int64]graph.Position{}
	for rows.Next() {
		var p graph.Position
		if err := rows.Scan(&p.ActorID, &p.X, &p.Y, &p.Pinned); err != nil {
			return nil, err
		}
		out[p.ActorID] = p
	}
	return out, rows.Err()
}

// SaveNetworkPositions keeps the places of these actors (others keep theirs); an actor
// deleted meanwhile is passed over.
func (s *Store) SaveNetworkPositions(ctx context.Context, ps []graph.Position) (err error) {
	defer wrapErr(&err, "save %d network positions", len(ps))
	return s.tx(ctx, func(tx *sql.Tx) error {
		st, err := tx.PrepareContext(ctx, `INSERT INTO network_positions(actor_id, x, y, pinned)
			SELECT ?1, ?2, ?3, ?4 WHERE EXISTS (SELECT 1 FROM actors WHERE id = ?1)
			ON CONFLICT (actor_id) DO UPDATE SET x = excluded.x, y = excluded.y, pinned = excluded.pinned`)
		if err != nil {
			return err
		}
		defer st.Close()
		for _, p := range ps {
			if _, err := st.ExecContext(ctx, p.ActorID, p.X, p.Y, p.Pinned); err != nil {
				return err
			}
		}
		return nil
	})
}
