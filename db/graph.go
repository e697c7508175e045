package db

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"sort"

	"dossier/app"
	"dossier/app/graph"
	"dossier/app/mention"
)

// The reads behind the dossier's filters, its ego graph, the project network, paths and
// timelines (issue 11). Each public method reads in one read transaction, so the totals
// it reports always agree with what it lists; the assembly is package graph's.

// readTx runs fn in one read transaction. It begins deferred (ReadOnly skips the
// connection's _txlock=immediate), so it never waits for or blocks a writer.
func (s *Store) readTx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return mapError(err)
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return mapError(err)
	}
	return mapError(tx.Commit())
}

// linkScope says which relations links reads.
type linkScope struct {
	all    bool
	actors []int64 // relations touching any of them
}

// links reads relations in their light form: the relations table alone, which is fast
// even for the whole project. Counting sources, dating the first report and reading the
// quotes each need the evidence (and the articles) and are done apart, only for the
// relations that need them (fillLinks, articleCounts).
func links(ctx context.Context, q querier, sc linkScope) ([]graph.Link, error) {
	switch {
	case sc.all:
		return readLinks(ctx, q, "")
	case len(sc.actors) == 1:
		return readActorLinks(ctx, q, "?1", "", sc.actors[0])
	}
	js, _ := json.Marshal(sc.actors)
	return readLinks(ctx, q, ` WHERE r.id IN (SELECT id FROM relations WHERE source_id IN (SELECT value FROM json_each(?1))
			UNION SELECT id FROM relations WHERE target_id IN (SELECT value FROM json_each(?1)))`, string(js))
}

// linkSelect reads the light form of relations r. The five text columns come as one (a
// tab cannot be in any of them: keys, dates and levels are checked on the way in); the
// driver's cost is mostly per column.
const linkSelect = `SELECT r.id, r.source_id, r.target_id,
		r.type || char(9) || r.start || char(9) || r.end || char(9) || r.confidence || char(9) || r.modality
		FROM relations r`

// readActorLinks reads the light form of the relations of one actor (center: its
// placeholder) that conds keep, in the order of their ids. Each side is read from its
// actor index alone, which holds every column read (migration 0015): looking up each
// relation's row was most of the cost for a busy actor.
func readActorLinks(ctx context.Context, q querier, center, conds string, args ...any) ([]graph.Link, error) {
	ls, err := scanLinks(q.QueryContext(ctx, linkSelect+` WHERE r.source_id = `+center+conds+
		` UNION ALL `+linkSelect+` WHERE r.target_id = `+center+conds, args...))
	sort.Slice(ls, func(i, j int) bool { return ls[i].ID < ls[j].ID })
	return ls, err
}

// readLinks reads the light form of the relations r that rest (a WHERE clause, and
// perhaps an ORDER BY and a LIMIT) keeps.
func readLinks(ctx context.Context, q querier, rest string, args ...any) ([]graph.Link, error) {
	return scanLinks(q.QueryContext(ctx, linkSelect+rest, args...))
}

// scanLinks reads the rows of a query on linkSelect.
func scanLinks(rows *sql.Rows, err error) ([]graph.Link, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	// The text columns repeat (a few types, dates, levels): read as raw bytes and
	// interned, a whole project's relations cost a fraction of the allocations.
	words := map[string]string{}
	intern := func(b sql.RawBytes) string {
		if w, ok := words[string(b)]; ok {
			return w
		}
		w := string(b)
		words[w] = w
		return w
	}
	var out []graph.Link
	var packed sql.RawBytes
	var f [5]sql.RawBytes
	for rows.Next() {
		var l graph.Link
		if err := rows.Scan(&l.ID, &l.From, &l.To, &packed); err != nil {
			return nil, err
		}
		rest := packed
		for i := range f {
			j := bytes.IndexByte(rest, '\t')
			if j < 0 {
				j = len(rest)
			}
			f[i], rest = rest[:j], rest[min(j+1, len(rest)):]
		}
		l.Type, l.Start, l.End = intern(f[0]), app.Date(intern(f[1])), app.Date(intern(f[2]))
		l.Confidence, l.Modality = intern(f[3]), intern(f[4])
		out = append(out, l)
	}
	return out, rows.Err()
}

// linkIDs returns the relation ids of ls as a JSON array, for json_each.
func linkIDs(ls []graph.Link) string {
	ids := make([]int64, len(ls))
	for i, l := range ls {
		ids[i] = l.ID
	}
	js, _ := json.Marshal(ids)
	return string(js)
}

// liveEvidence keeps evidence whose article is not in the trash; the trashed articles
// are few and come from the covering date index, so no article row is read.
const liveEvidence = `e.article_id NOT IN (SELECT id FROM articles WHERE deleted > '')`

// articleCounts counts the live articles behind each of the relations of ls.
func articleCounts(ctx context.Context, q querier, ls []graph.Link) (map[int64]int, error) {
	out := map[int64]int{}
	if len(ls) == 0 {
		return out, nil
	}
	rows, err := q.QueryContext(ctx, `SELECT e.relation_id, count(DISTINCT e.article_id) FROM evidence e
		WHERE e.relation_id IN (SELECT value FROM json_each(?)) AND `+liveEvidence+` GROUP BY e.relation_id`, linkIDs(ls))
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
		out[id] = n
	}
	return out, rows.Err()
}

// fillLinks completes ls for what will be done with them: source counts (counts), the
// first reported date (for an "as of" filter), the tags (for a tag filter) and the note
// and quotes (for a text filter).
func fillLinks(ctx context.Context, q querier, ls []graph.Link, counts bool, f graph.Filter) error {
	if len(ls) == 0 || (!counts && f.AsOf == "" && !f.NeedsText() && !f.NeedsTags()) {
		return nil
	}
	at := make(map[int64]int, len(ls))
	for i, l := range ls {
		at[l.ID] = i
	}
	if counts {
		n, err := articleCounts(ctx, q, ls)
		if err != nil {
			return err
		}
		for id, k := range n {
			ls[at[id]].Articles = k
		}
	}
	if f.AsOf != "" {
		err := eachByRelation(ctx, q, `SELECT e.relation_id, min(a.date) FROM evidence e CROSS JOIN articles a ON a.id = e.article_id
			WHERE e.relation_id IN (SELECT value FROM json_each(?)) AND a.deleted = '' AND a.date <> '' GROUP BY e.relation_id`, ls,
			func(id int64, d string) { ls[at[id]].Reported = app.Date(d) })
		if err != nil {
			return err
		}
	}
	if f.NeedsTags() {
		if err := fillTags(ctx, q, ls, at, f.TagOf); err != nil {
			return err
		}
	}
	if f.NeedsText() {
		return eachByRelation(ctx, q, `SELECT r.id, r.note || char(10) || coalesce((SELECT group_concat(e.quote, char(10))
			FROM evidence e WHERE e.relation_id = r.id AND `+liveEvidence+`), '')
			FROM relations r WHERE r.id IN (SELECT value FROM json_each(?))`, ls,
			func(id int64, text string) { ls[at[id]].Text = text })
	}
	return nil
}

// eachByRelation runs query over the ids of ls and hands each row (a relation id and a
// text) to use.
func eachByRelation(ctx context.Context, q querier, query string, ls []graph.Link, use func(int64, string)) error {
	rows, err := q.QueryContext(ctx, query, linkIDs(ls))
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var text string
		if err := rows.Scan(&id, &text); err != nil {
			return err
		}
		use(id, text)
	}
	return rows.Err()
}

// graphActors reads every live actor's name and kind. Nearly every actor is live, so one
// pass over the table (NOT INDEXED) reads them: through the name index SQLite looks each
// row up apart, five times the cost.
func graphActors(ctx context.Context, q querier) (map[int64]graph.Actor, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, name, kind FROM actors NOT INDEXED WHERE deleted = ''`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]graph.Actor{}
	for rows.Next() {
		var a graph.Actor
		var kind string
		if err := rows.Scan(&a.ID, &a.Name, &kind); err != nil {
			return nil, err
		}
		a.Kind = app.ActorKind(kind)
		out[a.ID] = a
	}
	return out, rows.Err()
}

func typesIn(ctx context.Context, q querier) (map[string]app.RelationType, error) {
	rows, err := q.QueryContext(ctx, `SELECT key, label, inverse, directed, polarity, family FROM relation_types`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]app.RelationType{}
	for rows.Next() {
		var t app.RelationType
		if err := rows.Scan(&t.Key, &t.Label, &t.Inverse, &t.Directed, &t.Polarity, &t.Family); err != nil {
			return nil, err
		}
		out[t.Key] = t
	}
	return out, rows.Err()
}

// drawnCounts counts the sources of the drawn edges of g that have none counted yet.
func drawnCounts(ctx context.Context, q querier, g *graph.Graph) error {
	var need []graph.Link
	for _, e := range g.Edges {
		if e.Articles == 0 {
			need = append(need, e.Link)
		}
	}
	n, err := articleCounts(ctx, q, need)
	g.SetArticles(n)
	return err
}

// EgoGraph assembles the graph of an actor at 1 or 2 hops, filtered, with at most limit
// relations drawn (0: all); the caller lays it out (graph.Layout).
func (s *Store) EgoGraph(ctx context.Context, actorID int64, hops int, f graph.Filter, limit int) (_ graph.Graph, err error) {
	defer wrapErr(&err, "ego graph %d", actorID)
	var g graph.Graph
	err = s.readTx(ctx, func(tx *sql.Tx) error {
		// A filter that only looks at columns lets SQL count the second hop; any other
		// (dates, text, tags) needs every relation within reach read and checked.
		if hops >= 2 && f.OnlyColumns() {
			g, err = s.egoCounted(ctx, tx, actorID, f, limit)
		} else {
			g, err = s.egoRead(ctx, tx, actorID, hops, f, limit)
		}
		return err
	})
	return g, err
}

// egoStart reads what both ways of building an ego graph start from: the actors and
// types, and the centre's relations filled as f needs, with their sources counted (the
// centre's relations are ranked by them; the second hop's are not).
func (s *Store) egoStart(ctx context.Context, tx *sql.Tx, actorID int64, f graph.Filter) (graphSnapshot, []graph.Link, error) {
	if _, err := actor(ctx, tx, actorID); err != nil {
		return graphSnapshot{}, nil, err
	}
	snap, err := s.snapshot(ctx, tx, false)
	if err != nil {
		return graphSnapshot{}, nil, err
	}
	ls, err := links(ctx, tx, linkScope{actors: []int64{actorID}})
	if err != nil {
		return graphSnapshot{}, nil, err
	}
	return snap, ls, fillLinks(ctx, tx, ls, true, f)
}

// egoRead builds the ego graph from every relation within reach, read and checked one by
// one (graph.Ego): what any filter allows.
func (s *Store) egoRead(ctx context.Context, tx *sql.Tx, actorID int64, hops int, f graph.Filter, limit int) (graph.Graph, error) {
	snap, ls, err := s.egoStart(ctx, tx, actorID, f)
	if err != nil {
		return graph.Graph{}, err
	}
	actors, types := snap.actors, snap.types
	var second []graph.Link
	if hops >= 2 {
		sc := linkScope{actors: []int64{actorID}}
		seen := map[int64]bool{actorID: true}
		for _, l := range ls {
			for _, id := range []int64{l.From, l.To} {
				if !seen[id] {
					seen[id] = true
					sc.actors = append(sc.actors, id)
				}
			}
		}
		// Past a few hundred counterparts the second hop is most of the project:
		// one pass over all relations (kept while nothing changes) is faster than
		// looking each actor up.
		var more []graph.Link
		if len(sc.actors) > 400 {
			all, err := s.snapshot(ctx, tx, true)
			if err != nil {
				return graph.Graph{}, err
			}
			more = all.links
		} else if more, err = links(ctx, tx, sc); err != nil {
			return graph.Graph{}, err
		}
		if second, err = filterReady(ctx, tx, more, f); err != nil {
			return graph.Graph{}, err
		}
	}
	g := graph.Ego(actorID, hops, ls, second, actors, types, f, limit)
	return g, drawnCounts(ctx, tx, &g)
}

// NetworkGraph assembles the project network (or what f keeps of it), at most limit
// relations drawn, the most sourced first.
func (s *Store) NetworkGraph(ctx context.Context, f graph.Filter, limit int) (_ graph.Graph, err error) {
	defer wrapErr(&err, "project network")
	var g graph.Graph
	err = s.readTx(ctx, func(tx *sql.Tx) error {
		snap, err := s.snapshot(ctx, tx, true)
		if err != nil {
			return err
		}
		actors, types := snap.actors, snap.types
		ls, err := filterReady(ctx, tx, snap.links, f)
		if err != nil {
			return err
		}
		g = graph.Network(ls, actors, types, f, limit)
		return drawnCounts(ctx, tx, &g)
	})
	return g, err
}

// Connection finds how two actors are connected: up to three shortest chains of
// relations of at most four hops (over the relations f keeps), and, apart, the weaker
// connections through articles naming both or naming each with a third actor.
func (s *Store) Connection(ctx context.Context, from, to int64, f graph.Filter) (_ graph.Connection, err error) {
	defer wrapErr(&err, "connection %d %d", from, to)
	var c graph.Connection
	err = s.readTx(ctx, func(tx *sql.Tx) error {
		for _, id := range []int64{from, to} {
			if _, err := actor(ctx, tx, id); err != nil {
				return err
			}
		}
		snap, err := s.snapshot(ctx, tx, false)
		if err != nil {
			return err
		}
		actors, types := snap.actors, snap.types
		// Only the relations around the two ends are read (graph.PathsAround says
		// which): reading the whole project's first was most of a path's time.
		around := func(ids []int64) ([]graph.Link, error) {
			ls, err := links(ctx, tx, linkScope{actors: ids})
			if err != nil {
				return nil, err
			}
			return filterReady(ctx, tx, ls, f)
		}
		if c, err = graph.PathsAround(from, to, around, actors, types, f); err != nil {
			return err
		}
		if err := pathArticles(ctx, tx, &c); err != nil {
			return err
		}
		direct, fromCo, toCo, err := coMentions(ctx, tx, from, to)
		if err != nil {
			return err
		}
		c.Weak = graph.WeakConnections(c, direct, fromCo, toCo, actors)
		return nil
	})
	return c, err
}

// pathArticles counts the backing articles of the relations on c's paths (the search
// itself reads relations without them, to stay fast) and puts the best sourced first.
func pathArticles(ctx context.Context, tx *sql.Tx, c *graph.Connection) error {
	var ls []graph.Link
	for _, p := range c.Paths {
		for _, h := range p.Hops {
			for _, e := range h.Links {
				ls = append(ls, e.Link)
			}
		}
	}
	n, err := articleCounts(ctx, tx, ls)
	if err != nil {
		return err
	}
	for _, p := range c.Paths {
		for _, h := range p.Hops {
			for i := range h.Links {
				h.Links[i].Articles = n[h.Links[i].ID]
			}
			sort.SliceStable(h.Links, func(i, j int) bool { return h.Links[i].Articles > h.Links[j].Articles })
		}
	}
	return nil
}

// CoMentionCandidates is how many of the actors most often named with the less-named end
// are checked against the other end for a co-mention connection.
const CoMentionCandidates = 20

// namedCap is how far coMentions counts an actor's mentions to tell the less named of
// two: past it, both are busy and either side costs about the same to walk.
const namedCap = 2000

// coMentions counts the live articles naming both a and b, and, for the actors most often
// named with the less-named of the two, how many articles name each with a and with b.
// The count on the busier side stops at the other side's: only the weaker step of the
// two is shown, so counting further would be wasted.
func coMentions(ctx context.Context, tx *sql.Tx, a, b int64) (int, map[int64]int, map[int64]int, error) {
	const live = `m.status <> 'rejected' AND m.article_id NOT IN (SELECT id FROM articles WHERE deleted > '')`
	// articles says how much an actor is named, only to choose which side of a pair to
	// walk (the counts do not depend on it). It counts mention rows up to namedCap:
	// counting the busiest actor's tens of thousands of articles exactly, for it and
	// for each candidate, was most of a path's time.
	named := map[int64]int{}
	articles := func(id int64) (int, error) {
		if n, ok := named[id]; ok {
			return n, nil
		}
		var n int
		err := tx.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM mentions WHERE actor_id = ? AND status <> 'rejected' LIMIT ?)`, id, namedCap).Scan(&n)
		named[id] = n
		return n, err
	}
	// shared counts the articles naming x and y, up to limit (-1: all), walking the
	// articles of the less-named of the two.
	shared := func(x, y int64, limit int) (int, error) {
		nx, err := articles(x)
		if err != nil {
			return 0, err
		}
		ny, err := articles(y)
		if err != nil {
			return 0, err
		}
		if ny < nx {
			x, y = y, x
		}
		var n int
		err = tx.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT m.article_id FROM mentions m WHERE m.actor_id = ?1 AND `+live+`
			AND EXISTS (SELECT 1 FROM mentions o WHERE o.article_id = m.article_id AND o.actor_id = ?2 AND o.status <> 'rejected')
			GROUP BY m.article_id LIMIT ?3)`, x, y, limit).Scan(&n)
		return n, err
	}
	direct, err := shared(a, b, -1)
	if err != nil {
		return 0, nil, nil, err
	}
	na, _ := articles(a)
	nb, err := articles(b)
	if err != nil {
		return 0, nil, nil, err
	}
	small, large := a, b
	if nb < na {
		small, large = b, a
	}
	smallCo, err := countPairs(ctx, tx, `SELECT o.actor_id, count(DISTINCT m.article_id) FROM mentions m
		JOIN mentions o ON o.article_id = m.article_id AND o.actor_id NOT IN (?1, ?2) AND o.status <> 'rejected'
		WHERE m.actor_id = ?1 AND `+live+` GROUP BY o.actor_id ORDER BY 2 DESC, 1 LIMIT ?3`, small, large, CoMentionCandidates)
	if err != nil {
		return 0, nil, nil, err
	}
	largeCo := map[int64]int{}
	for id, n := range smallCo {
		if largeCo[id], err = shared(id, large, n); err != nil {
			return 0, nil, nil, err
		}
	}
	if small == a {
		return direct, smallCo, largeCo, nil
	}
	return direct, largeCo, smallCo, nil
}

func countPairs(ctx context.Context, tx *sql.Tx, query string, args ...any) (map[int64]int, error) {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]int{}
	for rows.Next() {
		var id int64
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return nil, err
		}
		out[id] = n
	}
	return out, rows.Err()
}

// ActorTimeline reads an actor's relations and the dates of the articles naming it, and
// places them (graph.BuildTimeline); unit < 0 picks weeks or months by the extent.
func (s *Store) ActorTimeline(ctx context.Context, actorID int64, f graph.Filter, unit graph.Unit) (_ graph.Timeline, err error) {
	defer wrapErr(&err, "timeline %d", actorID)
	var tl graph.Timeline
	err = s.readTx(ctx, func(tx *sql.Tx) error {
		if _, err := actor(ctx, tx, actorID); err != nil {
			return err
		}
		snap, ls, err := s.actorLinks(ctx, tx, actorID, f)
		if err != nil {
			return err
		}
		actors, types := snap.actors, snap.types
		dates, err := actorDates(ctx, tx, actorID)
		if err != nil {
			return err
		}
		tl = graph.BuildTimeline(actorID, ls, actors, types, f, dates, unit)
		return nil
	})
	return tl, err
}

// actorLinks reads the project's actors and types and the relations of actorID, filled
// as filter f needs them: what an actor's timeline and filtered dossier start from.
func (s *Store) actorLinks(ctx context.Context, tx *sql.Tx, actorID int64, f graph.Filter) (graphSnapshot, []graph.Link, error) {
	snap, err := s.snapshot(ctx, tx, false)
	if err != nil {
		return graphSnapshot{}, nil, err
	}
	ls, err := links(ctx, tx, linkScope{actors: []int64{actorID}})
	if err != nil {
		return graphSnapshot{}, nil, err
	}
	return snap, ls, fillLinks(ctx, tx, ls, false, f)
}

// ProjectTimeline is the timeline of every relation and every live article.
func (s *Store) ProjectTimeline(ctx context.Context, f graph.Filter, unit graph.Unit) (_ graph.Timeline, err error) {
	defer wrapErr(&err, "project timeline")
	var tl graph.Timeline
	err = s.readTx(ctx, func(tx *sql.Tx) error {
		snap, err := s.snapshot(ctx, tx, true)
		if err != nil {
			return err
		}
		actors, types := snap.actors, snap.types
		ls, err := filterReady(ctx, tx, snap.links, f)
		if err != nil {
			return err
		}
		dates, err := countDates(ctx, tx, `SELECT date, count(*) FROM articles INDEXED BY articles_date WHERE deleted = '' GROUP BY date`)
		if err != nil {
			return err
		}
		tl = graph.BuildTimeline(0, ls, actors, types, f, dates, unit)
		return nil
	})
	return tl, err
}

func countDates(ctx context.Context, tx *sql.Tx, query string, args ...any) (map[app.Date]int, error) {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[app.Date]int{}
	for rows.Next() {
		var d string
		var n int
		if err := rows.Scan(&d, &n); err != nil {
			return nil, err
		}
		out[app.Date(d)] += n
	}
	return out, rows.Err()
}

// FilteredDossier is the dossier of an actor as the filter shows it: the relations that
// pass it (newest limit of them listed, all counted), their evidence as of the "as of"
// date, the articles naming the actor within its dates (newest limit listed), the
// timeline and associates of what is kept. All is read in one read transaction, so the
// counts agree with the lists.
func (s *Store) FilteredDossier(ctx context.Context, actorID int64, f graph.Filter, limit int) (_ app.Dossier, _ graph.Counts, err error) {
	defer wrapErr(&err, "filtered dossier %d", actorID)
	var d app.Dossier
	var c graph.Counts
	err = s.readTx(ctx, func(tx *sql.Tx) error {
		var err error
		if d.Actor, err = actor(ctx, tx, actorID); err != nil {
			return err
		}
		snap, ls, total, err := s.dossierLinks(ctx, tx, actorID, f)
		if err != nil {
			return err
		}
		actors, types := snap.actors, snap.types
		self := graph.Actor{ID: actorID, Name: d.Actor.Name, Kind: d.Actor.Kind}
		kept, counts := graph.Select(self, ls, actors, types, f)
		c = counts
		c.RelationTotal = total
		if limit > 0 && len(kept) > limit {
			kept = kept[:limit]
		}
		c.RelationsShown = len(kept)
		rels, err := relationsByID(ctx, tx, kept)
		if err != nil {
			return err
		}
		for i := range rels {
			rels[i] = graph.EvidenceAsOf(rels[i], f.AsOf)
		}
		d.Relations = graph.SeenFrom(actorID, rels, types)
		d.RelationTotal = c.Relations
		if err := s.filteredMentions(ctx, tx, actorID, f, limit, &d, &c); err != nil {
			return err
		}
		d.Associates = graph.Associates(d.Relations, nil, 20)
		d.Timeline = timeline(d)
		d.Notes, err = notes(ctx, tx, `actor_id = ?1 OR relation_id IN (SELECT id FROM relations WHERE source_id = ?1 OR target_id = ?1)`, actorID)
		return err
	})
	return d, c, err
}

// relationsByID reads the full relations (with evidence) of ls, in ls's order.
func relationsByID(ctx context.Context, tx *sql.Tx, ls []graph.Link) ([]app.Relation, error) {
	if len(ls) == 0 {
		return nil, nil
	}
	ids := make([]int64, len(ls))
	for i, l := range ls {
		ids[i] = l.ID
	}
	js, _ := json.Marshal(ids)
	rows, err := tx.QueryContext(ctx, relationSelect+` WHERE r.id IN (SELECT value FROM json_each(?))`, string(js))
	if err != nil {
		return nil, err
	}
	byID := map[int64]app.Relation{}
	for rows.Next() {
		r, err := scanRelation(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		byID[r.ID] = r
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	ev, err := evidenceOf(ctx, tx, ids)
	if err != nil {
		return nil, err
	}
	out := make([]app.Relation, 0, len(ids))
	for _, id := range ids {
		r, ok := byID[id]
		if !ok {
			return nil, missingRow("relation", id)
		}
		r.Evidence = ev[id]
		out = append(out, r)
	}
	return out, nil
}

// filteredMentions lists the newest articles naming the actor whose date passes f, each
// with the sentence of its first mention, and counts them all. The counts come from the
// number of the actor's articles on each date (a filter decides by the date alone), which
// actor_dates keeps as the articles and mentions are written, so no article row is read
// to count; the list is then read from the newest dates that pass only.
func (s *Store) filteredMentions(ctx context.Context, tx *sql.Tx, actorID int64, f graph.Filter, limit int, d *app.Dossier, c *graph.Counts) error {
	byDate, err := actorDates(ctx, tx, actorID)
	if err != nil {
		return err
	}
	listed := countMentionDates(byDate, f, limit, c)
	d.MentionTotal = c.Articles
	if len(listed) == 0 {
		return nil
	}
	pick, err := pickMentionArticles(ctx, tx, actorID, listed, limit)
	if err != nil {
		return err
	}
	c.ArticlesShown = len(pick)
	if len(pick) == 0 {
		return nil
	}
	return readFilteredMentions(ctx, tx, actorID, pick, d)
}

// countMentionDates counts the actor's articles by how f takes their dates (byDate: the
// number of articles per date) and returns the newest dates that pass, as many as a list
// of limit articles needs (every passing date when limit <= 0).
func countMentionDates(byDate map[app.Date]int, f graph.Filter, limit int, c *graph.Counts) []app.Date {
	dates := make([]app.Date, 0, len(byDate))
	for day := range byDate {
		dates = append(dates, day)
	}
	sort.Slice(dates, func(i, j int) bool { return dates[i] > dates[j] })
	var listed []app.Date
	room := 0
	for _, day := range dates {
		n := byDate[day]
		c.ArticleTotal += n
		switch f.CheckDate(day) {
		case graph.In:
			c.Articles += n
			if limit <= 0 || room < limit {
				listed = append(listed, day)
				room += n
			}
		case graph.Undated:
			c.ArticlesUndated += n
		}
	}
	return listed
}

// pickMentionArticles lists the newest limit articles of the listed dates that mention
// the actor (all of them when limit <= 0).
func pickMentionArticles(ctx context.Context, tx *sql.Tx, actorID int64, listed []app.Date, limit int) ([]int64, error) {
	n := limit
	if n <= 0 {
		n = -1
	}
	rows, err := tx.QueryContext(ctx, `SELECT a.id FROM articles a INDEXED BY articles_date
		WHERE a.deleted = '' AND a.date IN (SELECT value FROM json_each(?2))
		AND EXISTS (SELECT 1 FROM mentions m WHERE m.actor_id = ?1 AND m.article_id = a.id AND m.status <> 'rejected')
		ORDER BY a.date DESC, a.id DESC LIMIT ?3`, actorID, jsonOf(listed), n)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var pick []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		pick = append(pick, id)
	}
	return pick, rows.Err()
}

// readFilteredMentions appends to d the picked articles' first mentions of the actor,
// each with its sentence.
func readFilteredMentions(ctx context.Context, tx *sql.Tx, actorID int64, pick []int64, d *app.Dossier) error {
	const window = 400
	q := `WITH f AS (SELECT m.article_id, min(m.start) AS start, count(*) AS n FROM mentions m
		WHERE m.actor_id = ?1 AND m.status <> 'rejected' AND m.article_id IN (SELECT value FROM json_each(?3))
		GROUP BY m.article_id)
		SELECT a.id, a.uuid, a.title, coalesce(o.name, ''), a.url, a.date, m.start, m.end, max(0, m.start - ?2),
		substr(a.body, max(0, m.start - ?2) + 1, m.end - max(0, m.start - ?2) + ?2), f.n
		FROM f CROSS JOIN mentions m ON m.article_id = f.article_id AND m.actor_id = ?1 AND m.start = f.start
		JOIN articles a ON a.id = f.article_id LEFT JOIN outlets o ON o.id = a.outlet_id
		ORDER BY a.date DESC, a.id DESC`
	rows, err := tx.QueryContext(ctx, q, actorID, window, jsonOf(pick))
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var m app.DossierMention
		var date, text string
		var end, from int
		if err := rows.Scan(&m.ArticleID, &m.ArticleUUID, &m.Title, &m.Source, &m.URL, &date, &m.BodyStart, &end, &from, &text, &m.MentionCount); err != nil {
			return err
		}
		m.Date = app.Date(date)
		m.Sentence, m.Start, m.End = mention.Sentence(text, m.BodyStart-from, end-from)
		d.Mentions = append(d.Mentions, m)
	}
	return rows.Err()
}

// dossierLinks reads the relations of actorID that f's checks on the columns keep
// (filterColumns: the rest Check would find Out, so the counts are unchanged), filled
// as f needs them, and counts all the actor's relations.
func (s *Store) dossierLinks(ctx context.Context, tx *sql.Tx, actorID int64, f graph.Filter) (graphSnapshot, []graph.Link, int, error) {
	snap, err := s.snapshot(ctx, tx, false)
	if err != nil {
		return graphSnapshot{}, nil, 0, err
	}
	var total int
	if err := tx.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM relations WHERE source_id = ?1) +
		(SELECT count(*) FROM relations WHERE target_id = ?1)`, actorID).Scan(&total); err != nil {
		return graphSnapshot{}, nil, 0, err
	}
	var args sqlArgs
	center := args.add(actorID)
	conds := filterColumns(f, snap.types, `CASE WHEN r.source_id = `+center+` THEN r.target_id ELSE r.source_id END`, &args)
	ls, err := readActorLinks(ctx, tx, center, conds, args...)
	if err != nil {
		return graphSnapshot{}, nil, 0, err
	}
	return snap, ls, total, fillLinks(ctx, tx, ls, false, f)
}

// filterReady returns ls with what f needs read beyond the light rows (the sources' dates
// for an "as of", the words for a text filter); a copy, so the cached rows stay as read.
func filterReady(ctx context.Context, tx *sql.Tx, ls []graph.Link, f graph.Filter) ([]graph.Link, error) {
	if f.AsOf == "" && !f.NeedsText() && !f.NeedsTags() {
		return ls, nil
	}
	ls = append([]graph.Link(nil), ls...)
	return ls, fillLinks(ctx, tx, ls, false, f)
}
