package db

import (
	"context"
	"database/sql"
	"sync"

	"dossier/app"
	"dossier/app/graph"
)

// graphCache keeps the light form of the whole project's relations, its actors and its
// vocabulary between reads of graphs and paths: reading 100,000 relations row by row is
// most of the cost of a two-hop graph or a path, and the window asks for one at every
// click. It is used only while nothing has changed: its key is SQLite's data_version
// (which moves when another connection commits) and total_changes() (which moves when
// this one writes), both read inside the caller's read transaction.
type graphCache struct {
	mu     sync.Mutex
	key    [2]int64
	valid  bool
	actors map[int64]graph.Actor
	types  map[string]app.RelationType
	links  []graph.Link // nil until a reader needs every relation
}

// graphSnapshot is what the readers share; links is nil unless asked for. Callers
// never change what they get: they copy before filling links in.
type graphSnapshot struct {
	actors map[int64]graph.Actor
	types  map[string]app.RelationType
	links  []graph.Link
}

// snapshot returns the actors and types (and, with all, every relation's light form)
// as tx sees them, from the cache when nothing has changed since it was filled.
func (s *Store) snapshot(ctx context.Context, tx *sql.Tx, all bool) (graphSnapshot, error) {
	key, err := cacheKey(ctx, tx)
	if err != nil {
		return graphSnapshot{}, err
	}
	c := &s.graphs
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.valid || c.key != key {
		actors, err := graphActors(ctx, tx)
		if err != nil {
			return graphSnapshot{}, err
		}
		types, err := typesIn(ctx, tx)
		if err != nil {
			return graphSnapshot{}, err
		}
		c.key, c.valid, c.actors, c.types, c.links = key, true, actors, types, nil
	}
	if all && c.links == nil {
		ls, err := links(ctx, tx, linkScope{all: true})
		if err != nil {
			return graphSnapshot{}, err
		}
		if ls == nil {
			ls = []graph.Link{}
		}
		c.links = ls
	}
	snap := graphSnapshot{actors: c.actors, types: c.types}
	if all {
		snap.links = c.links
	}
	return snap, nil
}

// forgetGraphs empties the cache (benchmarks measure the first read with it).
func (s *Store) forgetGraphs() {
	s.graphs.mu.Lock()
	s.graphs.valid, s.graphs.actors, s.graphs.types, s.graphs.links = false, nil, nil, nil
	s.graphs.mu.Unlock()
}

// cacheKey is what tells whether the cache still holds: SQLite's data_version and this
// connection's total_changes(), as tx sees them.
func cacheKey(ctx context.Context, tx *sql.Tx) ([2]int64, error) {
	var key [2]int64
	err := tx.QueryRowContext(ctx, `SELECT (SELECT data_version FROM pragma_data_version), total_changes()`).Scan(&key[0], &key[1])
	return key, err
}
