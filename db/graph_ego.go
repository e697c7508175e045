package db

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"dossier/app"
	"dossier/app/graph"
)

// egoCounted builds a two-hop ego graph without reading the second hop row by row: the
// busiest actor's reaches 87,000 of the project's 100,000 relations, of which 200 are
// drawn. SQL counts the second hop (graph.Far), lists only the relations that can be
// drawn, in the order graph.Ego would draw them, and counts the degrees of the actors
// drawn; the filter's checks become conditions (filterColumns), so f must be
// OnlyColumns. TestEgoCountedIsEgoRead checks it against egoRead on random projects.
func (s *Store) egoCounted(ctx context.Context, tx *sql.Tx, actorID int64, f graph.Filter, limit int) (graph.Graph, error) {
	snap, ls, err := s.egoStart(ctx, tx, actorID, f)
	if err != nil {
		return graph.Graph{}, err
	}
	actors, types := snap.actors, snap.types
	r := graph.EgoReach(actorID, 2, ls, actors, types, f)
	far, err := farOf(ctx, tx, r, f, types, limit)
	if err != nil {
		return graph.Graph{}, err
	}
	g := r.Graph(far, actors, types, f, limit)
	return g, drawnCounts(ctx, tx, &g)
}

// farIndexedMax is the most counterparts whose relations farOf looks up by the actor
// indexes; past it, one pass over the table is faster. A variable so that a test walks both.
var farIndexedMax = 400

// sqlArgs numbers the arguments of a query as it is written.
type sqlArgs []any

// add appends v and returns its placeholder.
func (a *sqlArgs) add(v any) string {
	*a = append(*a, v)
	return fmt.Sprintf("?%d", len(*a))
}

// jsonOf is v as a JSON array, for json_each.
func jsonOf(v any) string {
	js, _ := json.Marshal(v)
	return string(js)
}

// farOf reads graph.Far for r's second hop: the relations with an end among the centre's
// counterparts and none at the centre.
func farOf(ctx context.Context, tx *sql.Tx, r graph.Reach, f graph.Filter, types map[string]app.RelationType, limit int) (graph.Far, error) {
	far := graph.Far{Degree: map[int64]int{}}
	if len(r.First) == 0 {
		return far, nil
	}
	first := make([]int64, 0, len(r.First))
	for id := range r.First {
		first = append(first, id)
	}
	sort.Slice(first, func(i, j int) bool { return first[i] < first[j] })
	var args sqlArgs
	inFirst := `IN (SELECT value FROM json_each(` + args.add(jsonOf(first)) + `))`
	center := args.add(r.Center)
	conds := filterColumns(f, types, farEnd(inFirst), &args)
	// Few counterparts: their relations come from the two actor indexes. Many: one pass
	// over the table (the '+' keeps SQLite from merging two index walks, far slower).
	scope := `(+r.source_id ` + inFirst + ` OR +r.target_id ` + inFirst + `)`
	if len(first) <= farIndexedMax {
		scope = `r.id IN (SELECT id FROM relations WHERE source_id ` + inFirst + ` UNION SELECT id FROM relations WHERE target_id ` + inFirst + `)`
	}
	where := ` WHERE ` + scope + ` AND +r.source_id <> ` + center + ` AND +r.target_id <> ` + center + conds
	counted, err := farTotalOutside(ctx, tx, r.Center, first, conds, &far.Total)
	if err != nil {
		return far, err
	}
	if !counted {
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM relations r`+where, args...).Scan(&far.Total); err != nil {
			return far, err
		}
	}
	if room := r.Room(limit); room != 0 {
		// graph.Ego's order for the second hop (rankFar): among the counterparts first,
		// then newest (SQLite compares text bytewise, as Go does), then by id.
		order := ` ORDER BY (r.source_id ` + inFirst + ` AND r.target_id ` + inFirst + `) DESC, r.start DESC, r.id LIMIT ` + args.add(room)
		top, err := readLinks(ctx, tx, where+order, args...)
		if err != nil {
			return far, err
		}
		far.Top = top
	}
	return far, farDegrees(ctx, tx, r, far.Top, limit, f, types, far.Degree)
}

// farOutsideRuns counts the graphs farTotalOutside counted, so that a test knows it
// walked that way.
var farOutsideRuns int

// farTotalOutside counts the second hop of a graph with no filter (conds "") from what lies
// outside it, when the centre's counterparts (first) are most of the actors: every
// relation not the centre's has an end among them unless both its ends are among the
// rest, and the rest's relations are few and read from the actor indexes, where counting
// the second hop itself walks every relation and tests both its ends. It relies on every
// relation's ends being actors (the foreign keys, which the store enforces and the check
// verifies). It reports false, having counted nothing, when it does not apply.
func farTotalOutside(ctx context.Context, tx *sql.Tx, center int64, first []int64, conds string, total *int) (bool, error) {
	if conds != "" || len(first) <= farIndexedMax {
		return false, nil
	}
	var actors int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM actors`).Scan(&actors); err != nil {
		return false, err
	}
	if actors-len(first)-1 >= len(first) {
		return false, nil
	}
	const rest = `(SELECT id FROM actors WHERE id <> ?1 AND id NOT IN (SELECT value FROM json_each(?2)))`
	farOutsideRuns++
	err := tx.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM relations)
		- (SELECT count(*) FROM relations WHERE source_id = ?1) - (SELECT count(*) FROM relations WHERE target_id = ?1)
		- (SELECT count(*) FROM relations r WHERE r.source_id IN `+rest+` AND +r.target_id IN `+rest+`)`, center, jsonOf(first)).Scan(total)
	return err == nil, err
}

// farDegrees counts, for each actor the graph will draw, the second-hop relations touching
// it that pass f, each end of a relation counting once for its actor.
func farDegrees(ctx context.Context, tx *sql.Tx, r graph.Reach, top []graph.Link, limit int, f graph.Filter, types map[string]app.RelationType, out map[int64]int) error {
	drawn := r.Drawn(top, limit)[1:] // the centre has no second-hop relation
	var args sqlArgs
	first := make([]int64, 0, len(r.First))
	for id := range r.First {
		first = append(first, id)
	}
	inFirst := `IN (SELECT value FROM json_each(` + args.add(jsonOf(first)) + `))`
	conds := filterColumns(f, types, farEnd(inFirst), &args)
	if conds == "" {
		// No filter: every relation of a counterpart is in the graph, the centre's own
		// and the rest, so its second-hop degree is its count in the two actor indexes
		// (no relation row read) less its relations with the centre. The actors one
		// step further are left for the query below.
		var err error
		if drawn, err = counterpartDegrees(ctx, tx, r, drawn, out); err != nil || len(drawn) == 0 {
			return err
		}
	}
	inDrawn := `IN (SELECT value FROM json_each(` + args.add(jsonOf(drawn)) + `))`
	center := args.add(r.Center)
	side := func(self string) string {
		return `SELECT r.` + self + ` AS x, count(*) AS n FROM relations r WHERE r.` + self + ` ` + inDrawn +
			` AND +r.source_id <> ` + center + ` AND +r.target_id <> ` + center + ` AND (+r.source_id ` + inFirst + ` OR +r.target_id ` + inFirst + `)` +
			conds + ` GROUP BY r.` + self
	}
	rows, err := tx.QueryContext(ctx, `SELECT x, sum(n) FROM (`+side("source_id")+` UNION ALL `+
		side("target_id")+`) GROUP BY x`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return err
		}
		out[id] = n
	}
	return rows.Err()
}

// farEnd is the end of a second-hop relation r away from the centre's counterparts
// (graph.Reach.FarSide), inFirst telling those.
func farEnd(inFirst string) string {
	return `CASE WHEN r.source_id ` + inFirst + ` THEN r.target_id ELSE r.source_id END`
}

// filterColumns turns f's checks on the columns (graph.Filter's Keeps checks) into
// conditions on relations r, each list of values decided by the filter's own checks, so
// that SQL keeps exactly the relations those checks keep: what it leaves out, Check
// would have found Out. other is the end of r whose kind the kind check looks at.
func filterColumns(f graph.Filter, types map[string]app.RelationType, other string, args *sqlArgs) string {
	var b strings.Builder
	in := func(col string, vals any) {
		b.WriteString(` AND ` + col + ` IN (SELECT value FROM json_each(` + args.add(jsonOf(vals)) + `))`)
	}
	if len(f.Types) > 0 || len(f.Polarities) > 0 {
		keys := []string{}
		for k, t := range types {
			if f.KeepsType(t, k) {
				keys = append(keys, k)
			}
		}
		sort.Strings(keys)
		in("r.type", keys)
	}
	if len(f.Confidences) > 0 {
		in("r.confidence", f.Confidences)
	}
	if len(f.Modalities) > 0 {
		in("r.modality", f.Modalities)
	}
	if len(f.Kinds) > 0 {
		// An actor in the trash is no actor of the graph's (graphActors): its kind is "".
		in(`coalesce((SELECT a.kind FROM actors a WHERE a.deleted = '' AND a.id = `+other+`), '')`, f.Kinds)
	}
	return b.String()
}

// counterpartDegrees sets, for the centre's counterparts among drawn, the number of their
// relations not with the centre (with no filter, their second-hop degree), and returns
// the other actors of drawn.
func counterpartDegrees(ctx context.Context, tx *sql.Tx, r graph.Reach, drawn []int64, out map[int64]int) ([]int64, error) {
	var inner, rest []int64
	for _, id := range drawn {
		if r.First[id] {
			inner = append(inner, id)
		} else {
			rest = append(rest, id)
		}
	}
	if len(inner) == 0 {
		return rest, nil
	}
	withCenter := map[int64]int{}
	for _, l := range r.Near {
		withCenter[l.From+l.To-r.Center]++
	}
	rows, err := tx.QueryContext(ctx, `SELECT j.value, (SELECT count(*) FROM relations WHERE source_id = j.value) +
		(SELECT count(*) FROM relations WHERE target_id = j.value) FROM json_each(?) j`, jsonOf(inner))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return nil, err
		}
		if n -= withCenter[id]; n > 0 {
			out[id] = n
		}
	}
	return rest, rows.Err()
}
