package db

import (
	"context"
	"encoding/json"
	"strings"

	"dossier/app"
)

// The export queries page by row id. Their filter on deleted is written +x.deleted so
// that SQLite walks the primary key instead of the (deleted, date) or (deleted, name)
// index: through the index, every page sorted the whole table again, and an export of
// 100,000 articles took minutes instead of seconds.

// exportPage is how many rows an export reads per query: enough to make the queries
// cheap, few enough that memory stays bounded whatever the project's size.
const exportPage = 500

// The scope filters. An actor's dossier covers the actor and its counterparts, its
// relations, the articles backing them and the notes on any of these.
const (
	scopeRelations = `SELECT id FROM relations WHERE source_id = ?1 UNION ALL SELECT id FROM relations WHERE target_id = ?1`
	scopeActors    = `(x.id = ?1 OR x.id IN (SELECT target_id FROM relations WHERE source_id = ?1)
		OR x.id IN (SELECT source_id FROM relations WHERE target_id = ?1))`
	scopeArticles = `x.id IN (SELECT article_id FROM evidence WHERE relation_id IN (` + scopeRelations + `))`
	scopeNotes    = `(x.actor_id = ?1 OR x.relation_id IN (` + scopeRelations + `) OR ` +
		`x.article_id IN (SELECT article_id FROM evidence WHERE relation_id IN (` + scopeRelations + `)))`

	// A dossier narrowed by its filters: ?4 and ?5 are the JSON arrays of the relations
	// and the articles kept (app.ExportScope.Relations and Articles).
	keptRelations = `SELECT value FROM json_each(?4)`
	keptActors    = `(x.id = ?1 OR x.id IN (SELECT source_id FROM relations WHERE id IN (` + keptRelations + `))
		OR x.id IN (SELECT target_id FROM relations WHERE id IN (` + keptRelations + `)))`
	keptArticles = `x.id IN (SELECT value FROM json_each(?5))`
	keptNotes    = `(x.actor_id = ?1 OR x.relation_id IN (` + keptRelations + `) OR x.article_id IN (SELECT value FROM json_each(?5)))`
)

// scopeWhere returns the filter of sc for a table (whole, the dossier's or the kept
// part of it) and the arguments ?4 and ?5 the kept part reads (none otherwise: a
// query is given exactly the parameters it names).
func scopeWhere(sc app.ExportScope, dossier, kept string) (string, []any) {
	switch {
	case sc.ActorID == 0:
		return "", nil
	case sc.Filtered():
		rels, _ := json.Marshal(nonNil(sc.Relations))
		arts, _ := json.Marshal(nonNil(sc.Articles))
		return " AND " + kept, []any{string(rels), string(arts)}
	}
	return " AND " + dossier, nil
}

func nonNil(ids []int64) []int64 {
	if ids == nil {
		return []int64{}
	}
	return ids
}

// EachExportActor streams the actors in scope, with aliases and tags, in the order they
// were created (by row id), a page at a time.
func (s *Store) EachExportActor(ctx context.Context, sc app.ExportScope, fn func(app.Actor) error) (err error) {
	defer wrapErr(&err, "export actors %+v", sc)
	filter, kept := scopeWhere(sc, scopeActors, keptActors)
	where := "+x.deleted = '' AND x.id > ?2" + filter
	return keyset(ctx, func(last int64) ([]app.Actor, int64, error) {
		return s.actorPage(ctx, where, sc.ActorID, last, kept)
	}, fn)
}

func (s *Store) actorPage(ctx context.Context, where string, scope, last int64, kept []any) ([]app.Actor, int64, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, uuid, name, kind, description, tags, notes, updated
		FROM actors x WHERE `+where+` ORDER BY x.id LIMIT ?3`, append([]any{scope, last, exportPage}, kept...)...)
	if err != nil {
		return nil, 0, mapError(err)
	}
	var out []app.Actor
	byID := map[int64]int{}
	for rows.Next() {
		var a app.Actor
		var kind, tags, updated string
		if err := rows.Scan(&a.ID, &a.UUID, &a.Name, &kind, &a.Description, &tags, &a.Notes, &updated); err != nil {
			rows.Close()
			return nil, 0, mapError(err)
		}
		a.Kind, a.Tags, a.Updated = app.ActorKind(kind), splitList(tags), parseTime(updated)
		byID[a.ID] = len(out)
		out = append(out, a)
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(out) == 0 {
		return out, 0, mapError(err)
	}
	ids := make([]any, 0, len(out))
	for _, a := range out {
		ids = append(ids, a.ID)
	}
	arows, err := s.db.QueryContext(ctx, `SELECT actor_id, text FROM aliases WHERE is_name = 0 AND actor_id IN (?`+
		strings.Repeat(",?", len(ids)-1)+`) ORDER BY id`, ids...)
	if err != nil {
		return nil, 0, mapError(err)
	}
	defer arows.Close()
	for arows.Next() {
		var id int64
		var text string
		if err := arows.Scan(&id, &text); err != nil {
			return nil, 0, mapError(err)
		}
		i := byID[id]
		out[i].Aliases = append(out[i].Aliases, text)
	}
	return out, out[len(out)-1].ID, mapError(arows.Err())
}

// EachExportArticle streams the articles in scope, body included, trashed ones left
// out, by row id.
func (s *Store) EachExportArticle(ctx context.Context, sc app.ExportScope, fn func(app.Article) error) (err error) {
	defer wrapErr(&err, "export articles %+v", sc)
	filter, kept := scopeWhere(sc, scopeArticles, keptArticles)
	where := "+x.deleted = '' AND x.id > ?2" + filter
	cols := strings.ReplaceAll(articleColumns, "a.", "x.")
	return keyset(ctx, func(last int64) ([]app.Article, int64, error) {
		rows, err := s.db.QueryContext(ctx, `SELECT `+cols+` FROM articles x LEFT JOIN outlets o ON o.id = x.outlet_id
			WHERE `+where+` ORDER BY x.id LIMIT ?3`, append([]any{sc.ActorID, last, exportPage}, kept...)...)
		if err != nil {
			return nil, 0, mapError(err)
		}
		defer rows.Close()
		var out []app.Article
		for rows.Next() {
			a, err := scanArticle(rows)
			if err != nil {
				return nil, 0, mapError(err)
			}
			out = append(out, a)
		}
		if len(out) == 0 {
			return nil, 0, mapError(rows.Err())
		}
		return out, out[len(out)-1].ID, mapError(rows.Err())
	}, fn)
}

// EachExportNote streams the notes in scope with the UUIDs of what they are attached
// to, by row id. A note on a trashed article is left out with the article.
func (s *Store) EachExportNote(ctx context.Context, sc app.ExportScope, fn func(app.LinkedNote) error) (err error) {
	defer wrapErr(&err, "export notes %+v", sc)
	filter, kept := scopeWhere(sc, scopeNotes, keptNotes)
	where := "x.id > ?2 AND coalesce(ar.deleted, '') = '' AND coalesce(ac.deleted, '') = ''" + filter
	return keyset(ctx, func(last int64) ([]app.LinkedNote, int64, error) {
		rows, err := s.db.QueryContext(ctx, `SELECT x.id, x.uuid, x.body, coalesce(x.article_id, 0), coalesce(x.actor_id, 0),
			coalesce(x.relation_id, 0), x.created, x.updated, coalesce(ar.uuid, ''), coalesce(ac.uuid, ''), coalesce(r.uuid, ''),
			coalesce(ar.title, ''), coalesce(ac.name, ''), coalesce(rs.uuid, ''), coalesce(rs.name, '')
			FROM notes x LEFT JOIN articles ar ON ar.id = x.article_id LEFT JOIN actors ac ON ac.id = x.actor_id
			LEFT JOIN relations r ON r.id = x.relation_id LEFT JOIN actors rs ON rs.id = r.source_id
			WHERE `+where+` ORDER BY x.id LIMIT ?3`, append([]any{sc.ActorID, last, exportPage}, kept...)...)
		if err != nil {
			return nil, 0, mapError(err)
		}
		defer rows.Close()
		var out []app.LinkedNote
		for rows.Next() {
			var n app.LinkedNote
			var c, u string
			if err := rows.Scan(&n.ID, &n.UUID, &n.Body, &n.ArticleID, &n.ActorID, &n.RelationID, &c, &u,
				&n.ArticleUUID, &n.ActorUUID, &n.RelationUUID, &n.ArticleTitle, &n.ActorName,
				&n.RelationSourceUUID, &n.RelationSourceName); err != nil {
				return nil, 0, mapError(err)
			}
			n.Created, n.Updated = parseTime(c), parseTime(u)
			out = append(out, n)
		}
		if len(out) == 0 {
			return nil, 0, mapError(rows.Err())
		}
		return out, out[len(out)-1].ID, mapError(rows.Err())
	}, fn)
}

// keyset pages through a table by row id: each page costs the same however deep the
// export is, and no cursor stays open while fn runs (fn may query the store).
func keyset[T any](ctx context.Context, page func(last int64) ([]T, int64, error), fn func(T) error) error {
	var last int64
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		items, next, err := page(last)
		if err != nil {
			return err
		}
		for _, it := range items {
			if err := fn(it); err != nil {
				return err
			}
		}
		if len(items) < exportPage {
			return nil
		}
		last = next
	}
}

// ArticleRelationRefs returns, for each of the given articles, the relations it backs,
// in one query: an export of many articles asks per page, not per article.
func (s *Store) ArticleRelationRefs(ctx context.Context, articleIDs []int64) (_ map[int64][]app.RelationRef, err error) {
	defer wrapErr(&err, "relations of %d articles", len(articleIDs))
	out := map[int64][]app.RelationRef{}
	if len(articleIDs) == 0 {
		return out, nil
	}
	args := make([]any, len(articleIDs))
	for i, id := range articleIDs {
		args[i] = id
	}
	rows, err := s.db.QueryContext(ctx, `SELECT e.article_id, r.uuid, r.source_id, s.uuid, r.target_id, t.uuid
		FROM evidence e JOIN relations r ON r.id = e.relation_id
		JOIN actors s ON s.id = r.source_id JOIN actors t ON t.id = r.target_id
		WHERE e.article_id IN (?`+strings.Repeat(",?", len(args)-1)+`) ORDER BY e.article_id, r.id`, args...)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	for rows.Next() {
		var ref app.RelationRef
		if err := rows.Scan(&ref.ArticleID, &ref.RelationUUID, &ref.SourceID, &ref.SourceUUID, &ref.TargetID, &ref.TargetUUID); err != nil {
			return nil, mapError(err)
		}
		out[ref.ArticleID] = append(out[ref.ArticleID], ref)
	}
	return out, mapError(rows.Err())
}

// EachRelationBySide streams every relation ordered by its source actor (side "source")
// or its target actor (side "target"), then by start date and id, with evidence: a
// vault writes each actor's note from the two streams side by side, one pass over the
// relations for all actors instead of a query per actor. Keyset paging on the side's
// index keeps each page cheap.
func (s *Store) EachRelationBySide(ctx context.Context, side string, fn func(app.Relation) error) (err error) {
	defer wrapErr(&err, "relations by %s", side)
	col := map[string]string{"source": "r.source_id", "target": "r.target_id"}[side]
	if col == "" {
		return app.Errorf(app.EINTERNAL, "No relation side %q.", side)
	}
	first := true
	var lastActor, lastID int64
	var lastStart string
	for {
		where, args := "1", []any{}
		if !first {
			where = "(" + col + ", r.start, r.id) > (?, ?, ?)"
			args = []any{lastActor, lastStart, lastID}
		}
		page, err := s.relationPage(ctx, where, args, col+", r.start, r.id", exportPage)
		if err != nil {
			return err
		}
		for _, r := range page {
			if err := fn(r); err != nil {
				return err
			}
		}
		if len(page) < exportPage {
			return nil
		}
		last := page[len(page)-1]
		first, lastStart, lastID = false, string(last.Start), last.ID
		lastActor = last.SourceID
		if side == "target" {
			lastActor = last.TargetID
		}
	}
}
