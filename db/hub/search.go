package hub

import (
	"context"
	"strings"

	"dossier/app"
)

// Searching the hub: PostgreSQL's full-text search over the articles' title and body,
// accents folded (unaccent), ranked by ts_rank_cd, with a passage of the body around the
// matches. The search runs in the hub's function search_articles, which reads only the
// collections granted to the member who logged in (see hub migration 3 for why it
// checks the grant itself rather than through row-level security).

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
	rows, err := h.conn.Query(ctx, `SELECT * FROM `+Schema+`.search_articles($1, $2, $3)`, text, collection, limit)
	if err != nil {
		return res, syncError(err, collection)
	}
	defer rows.Close()
	matches := 0
	for rows.Next() {
		var hit app.HubHit
		var rank float32
		if err := rows.Scan(&hit.Collection, &hit.UUID, &hit.Title, &hit.Date, &hit.Source, &rank, &hit.Snippet, &hit.CreatedBy, &matches); err != nil {
			return res, syncError(err, collection)
		}
		hit.Rank = float64(rank)
		res.Hits = append(res.Hits, hit)
	}
	if err := rows.Err(); err != nil {
		return res, syncError(err, collection)
	}
	res.More = matches > len(res.Hits)
	res.Recent = matches > hubRankedAtMost
	return res, nil
}

// hubRankedAtMost is how many matching articles search_articles ranks at most (hub
// migration 3): beyond, the most recently changed.
const hubRankedAtMost = 1000

// Citing returns the live relations of the collection that quote any of the articles
// named by their UUIDs, as the hub holds them now.
func (h *Hub) Citing(ctx context.Context, collectionID string, articles []string) ([]app.HubRecord, error) {
	recs, _, err := h.records(ctx, 0, `SELECT kind, uuid::text, data, deleted, seq, created_by, updated_by, updated_at
		FROM `+Schema+`.citing($1, $2)`, collectionID, articles)
	return recs, err
}
