package db

import (
	"context"
	"database/sql"
	"encoding/json"
	"sort"

	"dossier/app"
	"dossier/app/graph"
)

// The tags a graph can be filtered by: the articles' and the actors' (issue 11). The
// reads start from what carries tags (few rows, usually) rather than from the
// relations, so a tag filter over the whole project's relations stays cheap.

// GraphTags lists the tags of the live articles and of the live actors, each list
// sorted, a tag written two ways given once (its first spelling).
func (s *Store) GraphTags(ctx context.Context) (articles, actors []string, err error) {
	defer wrapErr(&err, "graph tags")
	err = s.readTx(ctx, func(tx *sql.Tx) error {
		var err error
		if articles, err = distinctTags(ctx, tx, `SELECT tags FROM articles WHERE deleted = '' AND tags <> ''`); err != nil {
			return err
		}
		actors, err = distinctTags(ctx, tx, `SELECT tags FROM actors WHERE deleted = '' AND tags <> ''`)
		return err
	})
	return articles, actors, err
}

func distinctTags(ctx context.Context, tx *sql.Tx, query string) ([]string, error) {
	rows, err := tx.QueryContext(ctx, query)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var all []string
	for rows.Next() {
		var tags string
		if err := rows.Scan(&tags); err != nil {
			return nil, err
		}
		all = append(all, splitList(tags)...)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := app.CleanTags(all)
	sort.Slice(out, func(i, j int) bool { return app.Fold(out[i]) < app.Fold(out[j]) })
	return out, nil
}

// fillTags sets the Tags of each link of ls (at gives its index by relation id) for the
// filter's scope: the tags of its live backing articles, or of its two actors.
func fillTags(ctx context.Context, q querier, ls []graph.Link, at map[int64]int, scope graph.TagScope) error {
	if scope == graph.ActorTags {
		return fillActorTags(ctx, q, ls)
	}
	tagged := map[int64][]string{} // article id → its tags
	rows, err := q.QueryContext(ctx, `SELECT id, tags FROM articles WHERE deleted = '' AND tags <> ''`)
	if err != nil {
		return err
	}
	var ids []int64
	for rows.Next() {
		var id int64
		var tags string
		if err := rows.Scan(&id, &tags); err != nil {
			rows.Close()
			return err
		}
		tagged[id] = splitList(tags)
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(ids) == 0 {
		return err
	}
	js, _ := json.Marshal(ids)
	rows, err = q.QueryContext(ctx, `SELECT relation_id, article_id FROM evidence WHERE article_id IN (SELECT value FROM json_each(?))`, string(js))
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var rel, art int64
		if err := rows.Scan(&rel, &art); err != nil {
			return err
		}
		if i, ok := at[rel]; ok {
			ls[i].Tags = append(ls[i].Tags, tagged[art]...)
		}
	}
	return rows.Err()
}

// fillActorTags gives each link the tags of its two actors.
func fillActorTags(ctx context.Context, q querier, ls []graph.Link) error {
	rows, err := q.QueryContext(ctx, `SELECT id, tags FROM actors WHERE tags <> ''`)
	if err != nil {
		return err
	}
	defer rows.Close()
	tags := map[int64][]string{}
	for rows.Next() {
		var id int64
		var t string
		if err := rows.Scan(&id, &t); err != nil {
			return err
		}
		tags[id] = splitList(t)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for i := range ls {
		from, to := tags[ls[i].From], tags[ls[i].To]
		if len(from)+len(to) > 0 {
			ls[i].Tags = append(append([]string(nil), from...), to...)
		}
	}
	return nil
}
