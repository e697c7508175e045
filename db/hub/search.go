package hub

import (
	"context"
	"strings"

	"dossier/app"
)

// Searching the hub: PostgreSQL's full-text search over the articles' title and body,
// accents folded (unaccent), ranked by ts_rank_cd, with a passage of the body around the
// matches. What a member may read is decided by row-level security, as for a sync: the
// query names no grant, and a collection not granted yields nothing.

// SearchArticles finds the articles of collection (every collection this member may read
// when "") that match text, written as for a web search engine: words all required,
// "a phrase", or, -word. At most limit are listed (0: app.HubSearchLimit), best first.
func (h *Hub) SearchArticles(ctx context.Context, collection, text string, limit int) (app.HubSearchResults, error) {
	res := app.HubSearchResults{Query: text}
	if strings.TrimSpace(text) == "" {
		return res, app.Errorf(app.EINVALID, "Say what to search the hub for.")
	}
	if limit <= 0 {
		limit = app.HubSearchLimit
	}
	// The best limit+1 are ranked first, and only those get a passage: ts_headline reads
	// the whole body again, which over every match would cost more than the search.
	rows, err := h.conn.Query(ctx, `WITH q AS (SELECT websearch_to_tsquery('`+Schema+`.folded', $2) AS q),
		best AS (SELECT r.collection_id, r.uuid, r.data, r.created_by, ts_rank_cd(r.search, q.q) AS rank
			FROM `+Schema+`.records r, q
			WHERE r.kind = 'article' AND NOT r.deleted AND r.search @@ q.q
				AND ($1 = '' OR r.collection_id = (SELECT c.id FROM `+Schema+`.collections c WHERE c.name = $1))
			ORDER BY rank DESC, r.uuid LIMIT $3)
		SELECT c.name, b.uuid::text, coalesce(b.data->>'title', ''), coalesce(b.data->>'date', ''),
			coalesce(b.data->'outlet'->>'name', ''), b.rank,
			ts_headline('`+Schema+`.folded', coalesce(b.data->>'body', ''), q.q,
				'StartSel=`+app.MatchStart+`, StopSel=`+app.MatchEnd+`, MinWords=15, MaxWords=35, MaxFragments=1, FragmentDelimiter=" … "'),
			b.created_by
		FROM best b JOIN `+Schema+`.collections c ON c.id = b.collection_id, q
		ORDER BY b.rank DESC, b.uuid`, collection, text, limit+1)
	if err != nil {
		return res, syncError(err, collection)
	}
	defer rows.Close()
	for rows.Next() {
		var hit app.HubHit
		var rank float32
		if err := rows.Scan(&hit.Collection, &hit.UUID, &hit.Title, &hit.Date, &hit.Source, &rank, &hit.Snippet, &hit.CreatedBy); err != nil {
			return res, syncError(err, collection)
		}
		hit.Rank = float64(rank)
		res.Hits = append(res.Hits, hit)
	}
	if err := rows.Err(); err != nil {
		return res, syncError(err, collection)
	}
	if len(res.Hits) > limit {
		res.Hits, res.More = res.Hits[:limit], true
	}
	return res, nil
}

// Citing returns the live relations of the collection that quote any of the articles
// named by their UUIDs, as the hub holds them now.
func (h *Hub) Citing(ctx context.Context, collectionID string, articles []string) ([]app.HubRecord, error) {
	recs, _, err := h.records(ctx, 0, `SELECT DISTINCT ON (r.seq) r.kind, r.uuid::text, r.data, r.deleted, r.seq, r.created_by, r.updated_by, r.updated_at
		FROM unnest($2::text[]) AS a(uuid)
		JOIN `+Schema+`.records r ON r.kind = 'relation' AND r.collection_id = $1
			AND r.data->'evidence' @> jsonb_build_array(jsonb_build_object('article_id', a.uuid))
		WHERE NOT r.deleted ORDER BY r.seq`, collectionID, articles)
	return recs, err
}
