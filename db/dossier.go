package db

import (
	"context"
	"database/sql"
	"sort"

	"dossier/app"
	"dossier/app/graph"
	"dossier/app/mention"
)

// DossierMentions is how many relations and mentioning articles a dossier shows; the rest
// are counted in RelationTotal and MentionTotal. It keeps the busiest actor's dossier fast
// (see the README's figures); the CSV export takes everything.
const DossierMentions = 200

// Dossier assembles everything known about one actor. limit caps the relations (newest
// first) and the mentioning articles listed; 0 lists all of them, for an export.
func (s *Store) Dossier(ctx context.Context, actorID int64, limit int) (_ app.Dossier, err error) {
	defer wrapErr(&err, "dossier %d", actorID)
	var d app.Dossier
	if d.Actor, err = s.Actor(ctx, actorID); err != nil {
		return d, err
	}
	types, err := s.typeMap(ctx)
	if err != nil {
		return d, err
	}
	where, args := relationWhere(app.RelationQuery{ActorID: actorID})
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM relations r WHERE `+where, args...).Scan(&d.RelationTotal); err != nil {
		return d, mapError(err)
	}
	n := limit
	if n <= 0 {
		n = -1
	}
	// The newest ids come from the two (actor, start) indexes before any join is made.
	newest := `r.id IN (SELECT id FROM (SELECT id, start FROM relations WHERE source_id = ? UNION ALL
		SELECT id, start FROM relations WHERE target_id = ?) ORDER BY start DESC, id DESC LIMIT ?)`
	rels, err := s.relationPage(ctx, newest, []any{actorID, actorID, n}, "r.start DESC, r.id DESC", n)
	if err != nil {
		return d, err
	}
	d.Relations = graph.SeenFrom(actorID, rels, types)
	if d.Mentions, d.MentionTotal, err = s.mentioning(ctx, actorID, limit); err != nil {
		return d, err
	}
	if d.Associates, err = s.associates(ctx, actorID, d); err != nil {
		return d, err
	}
	d.Timeline = timeline(d)
	if d.Notes, err = s.ActorNotes(ctx, actorID); err != nil {
		return d, err
	}
	// The notes linking to the actor (notebook.go): all of them for an export (limit 0),
	// which has no use for the unlinked mentions.
	links := BacklinkCap
	if limit <= 0 {
		links = -1
	}
	d.Backlinks, err = s.backlinks(ctx, app.LinkActor, actorID, links, limit > 0)
	return d, err
}

func (s *Store) typeMap(ctx context.Context) (map[string]app.RelationType, error) {
	ts, err := s.RelationTypes(ctx)
	m := make(map[string]app.RelationType, len(ts))
	for _, t := range ts {
		m[t.Key] = t
	}
	return m, err
}

// mentioning lists the articles that mention the actor, newest first, each with the
// sentence around its first mention (only a window of the body around it is read).
func (s *Store) mentioning(ctx context.Context, actorID int64, limit int) ([]app.DossierMention, int, error) {
	total, err := s.mentionTotal(ctx, actorID)
	if err != nil {
		return nil, 0, err
	}
	if limit <= 0 {
		limit = -1
	}
	// Which articles to list. For an actor named in many articles, walking the articles
	// newest first and stopping at limit beats sorting all of its articles by date; for
	// the rest, starting from its mentions is cheaper than walking every article.
	// The LEFT JOINs below keep their left side the outer loop, as CROSS JOIN would, and
	// turn an article a mention names but the table does not give back (a damaged page
	// misleads the lookup) into a hole that is reported, instead of a mention that
	// vanishes in silence; picked first, such a hole cannot fall outside the limit.
	pick := `SELECT m.article_id FROM mentions m LEFT JOIN articles a ON a.id = m.article_id
		WHERE m.actor_id = ?1 AND m.status <> 'rejected' AND (a.id IS NULL OR a.deleted = '')
		GROUP BY m.article_id ORDER BY a.id IS NULL DESC, a.date DESC, a.id DESC LIMIT ?2`
	if limit > 0 && total > 20*limit {
		pick = `SELECT a.id FROM articles a WHERE a.deleted = '' AND EXISTS (SELECT 1 FROM mentions m
			WHERE m.article_id = a.id AND m.actor_id = ?1 AND m.status <> 'rejected')
			ORDER BY a.date DESC, a.id DESC LIMIT ?2`
	}
	const window = 400
	rows, err := s.db.QueryContext(ctx, `WITH p(id) AS MATERIALIZED (`+pick+`),
		f AS (SELECT p.id AS article_id, min(m.start) AS start, count(*) AS n FROM p
		      CROSS JOIN mentions m ON m.article_id = p.id AND m.actor_id = ?1
		      WHERE m.status <> 'rejected' GROUP BY p.id)
		SELECT f.article_id, a.id, coalesce(a.uuid, ''), coalesce(a.title, ''), coalesce(o.name, ''), coalesce(a.url, ''),
		coalesce(a.date, ''), m.start, m.end, max(0, m.start - ?3),
		coalesce(substr(a.body, max(0, m.start - ?3) + 1, m.end - max(0, m.start - ?3) + ?3), ''), f.n
		FROM f CROSS JOIN mentions m ON m.article_id = f.article_id AND m.actor_id = ?1 AND m.start = f.start
		LEFT JOIN articles a ON a.id = f.article_id
		LEFT JOIN outlets o ON o.id = a.outlet_id
		ORDER BY a.date DESC, a.id DESC`, actorID, limit, window)
	if err != nil {
		return nil, 0, mapError(err)
	}
	defer rows.Close()
	var out []app.DossierMention
	for rows.Next() {
		var m app.DossierMention
		var date, text string
		var end, from int
		var found sql.NullInt64
		if err := rows.Scan(&m.ArticleID, &found, &m.ArticleUUID, &m.Title, &m.Source, &m.URL, &date, &m.BodyStart, &end,
			&from, &text, &m.MentionCount); err != nil {
			return nil, 0, mapError(err)
		}
		if !found.Valid {
			return nil, 0, missingRow("article", m.ArticleID)
		}
		m.Date = app.Date(date)
		m.Sentence, m.Start, m.End = mention.Sentence(text, m.BodyStart-from, end-from)
		out = append(out, m)
	}
	return out, total, mapError(rows.Err())
}

// mentionTotal counts the live articles naming the actor: the sum of its per-date counts
// (actor_dates, kept by triggers), which count exactly those articles.
func (s *Store) mentionTotal(ctx context.Context, actorID int64) (int, error) {
	var total int
	err := s.db.QueryRowContext(ctx, `SELECT coalesce(sum(n), 0) FROM actor_dates WHERE actor_id = ?`, actorID).Scan(&total)
	return total, mapError(err)
}

// associates ranks the actors most linked with this one: by relations, then by articles
// that mention both among the articles the dossier lists.
func (s *Store) associates(ctx context.Context, actorID int64, d app.Dossier) ([]app.Associate, error) {
	byID := map[int64]*app.Associate{}
	get := func(id int64, name string, kind app.ActorKind) *app.Associate {
		a := byID[id]
		if a == nil {
			a = &app.Associate{ActorID: id, Name: name, Kind: kind}
			byID[id] = a
		}
		return a
	}
	for _, r := range d.Relations {
		get(r.CounterpartID, r.CounterpartName, r.CounterpartKind).Relations++
	}
	if len(d.Mentions) > 0 {
		ids := make([]any, 0, len(d.Mentions)+1)
		ids = append(ids, actorID)
		marks := ""
		for i, m := range d.Mentions {
			ids = append(ids, m.ArticleID)
			if i > 0 {
				marks += ","
			}
			marks += "?"
		}
		rows, err := s.db.QueryContext(ctx, `SELECT a.id, a.name, a.kind, count(DISTINCT m.article_id) FROM mentions m
			CROSS JOIN actors a ON a.id = m.actor_id WHERE m.actor_id <> ? AND m.status <> 'rejected' AND a.deleted = ''
			AND m.article_id IN (`+marks+`) GROUP BY a.id`, ids...)
		if err != nil {
			return nil, mapError(err)
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			var name, kind string
			var n int
			if err := rows.Scan(&id, &name, &kind, &n); err != nil {
				return nil, err
			}
			get(id, name, app.ActorKind(kind)).CoMentions = n
		}
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	out := make([]app.Associate, 0, len(byID))
	for _, a := range byID {
		out = append(out, *a)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Relations != out[j].Relations {
			return out[i].Relations > out[j].Relations
		}
		if out[i].CoMentions != out[j].CoMentions {
			return out[i].CoMentions > out[j].CoMentions
		}
		return out[i].Name < out[j].Name
	})
	if len(out) > 20 {
		out = out[:20]
	}
	return out, nil
}

// timeline merges the dated relations and mentioning articles, oldest first.
func timeline(d app.Dossier) []app.TimelineEntry {
	var out []app.TimelineEntry
	for _, r := range d.Relations {
		if r.Start == "" {
			continue
		}
		text := d.Actor.Name + " " + r.Sentence()
		// Placed at the event's date; the day it was reported, where other, is said.
		if rep := r.Reported(); rep != "" && rep != r.Start {
			text += " (reported " + rep.Human() + ")"
		}
		out = append(out, app.TimelineEntry{Date: r.Start, Kind: "relation", Text: text, RelationID: r.ID})
	}
	for _, m := range d.Mentions {
		if m.Date == "" {
			continue
		}
		text := m.Title
		if m.Source != "" {
			text += " (" + m.Source + ")"
		}
		out = append(out, app.TimelineEntry{Date: m.Date, Kind: "article", Text: text, ArticleID: m.ArticleID})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date < out[j].Date })
	return out
}
