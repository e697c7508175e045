package hub

import (
	"context"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"

	"dossier/app"
)

// A project subscribed to some tags of a collection takes only the articles with one of
// them, the relations that quote those, the actors those relations name and the notes on
// any of these (the hub's in_subscription, migration 3), and every deletion marker (a
// project ignores those of records it does not hold).

// PullTagged is Pull for a project subscribed to tags: the records of the subscription
// changed after change number after, at most limit. The change number returned is the
// collection's highest when fewer than limit came: the records skipped in between are
// outside the subscription, and need not be read again.
func (h *Hub) PullTagged(ctx context.Context, collectionID string, after int64, limit int, tags []string) ([]app.HubRecord, int64, error) {
	// One snapshot for the page and the collection's highest number, so that no change
	// committed between the two is skipped.
	tx, err := h.conn.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
	if err != nil {
		return nil, after, syncError(err, "")
	}
	defer tx.Rollback(ctx)
	lower := make([]string, len(tags))
	for i, t := range tags {
		lower[i] = strings.ToLower(t)
	}
	lim := "ALL"
	if limit > 0 {
		lim = fmt.Sprint(limit)
	}
	recs, upTo, err := readRecords(ctx, tx, after, `SELECT kind, uuid::text, data, deleted, seq, created_by, updated_by, updated_at FROM (
		SELECT kind, uuid, data, deleted, seq, created_by, updated_by, updated_at FROM `+Schema+`.records r WHERE collection_id = $1 AND seq > $2
			AND (deleted OR `+Schema+`.in_subscription(r.collection_id, r.kind, r.uuid, r.data, $3))
		UNION ALL `+ownPositions+`) r ORDER BY seq LIMIT `+lim, collectionID, after, lower)
	if err != nil || (limit > 0 && len(recs) >= limit) {
		return recs, upTo, err
	}
	var top int64
	if err := tx.QueryRow(ctx, `SELECT greatest((SELECT coalesce(max(seq), 0) FROM `+Schema+`.records WHERE collection_id = $1),
		(SELECT coalesce(max(seq), 0) FROM `+Schema+`.positions WHERE collection_id = $1 AND member = current_user))`, collectionID).Scan(&top); err != nil {
		return nil, after, syncError(err, "")
	}
	return recs, max(upTo, top), nil
}

// NotesOn returns the live notes of the collection on any of the records named by
// their UUIDs (articles, actors, relations).
func (h *Hub) NotesOn(ctx context.Context, collectionID string, uuids []string) ([]app.HubRecord, error) {
	recs, _, err := h.records(ctx, 0, `SELECT kind, uuid::text, data, deleted, seq, created_by, updated_by, updated_at
		FROM `+Schema+`.records WHERE collection_id = $1 AND kind = 'note' AND NOT deleted
			AND (data->>'article_id' = ANY($2) OR data->>'actor_id' = ANY($2) OR data->>'relation_id' = ANY($2))
		ORDER BY seq`, collectionID, uuids)
	return recs, err
}

// Tags lists the tags of the collection's live articles (neither deleted nor in the
// trash), lower-cased as subscriptions
// take them, each with how many articles carry it, the most used first, at most limit
// (more says some were left out). Tags are inside each article's JSON: the hub reads
// every article of the collection, a second or more on a hub of a million articles.
func (h *Hub) Tags(ctx context.Context, collectionID string, limit int) (tags []app.HubTag, more bool, err error) {
	rows, err := h.conn.Query(ctx, `SELECT t, count(*) FROM `+Schema+`.records r,
			unnest(string_to_array(lower(r.data->>'tags'), E'\n')) t
		WHERE r.collection_id = $1 AND r.kind = 'article' AND NOT r.deleted AND coalesce(r.data->>'deleted', '') = '' AND trim(t) <> ''
		GROUP BY t ORDER BY count(*) DESC, t LIMIT $2`, collectionID, limit+1)
	if err != nil {
		return nil, false, syncError(err, "")
	}
	defer rows.Close()
	for rows.Next() {
		var tg app.HubTag
		if err := rows.Scan(&tg.Tag, &tg.Articles); err != nil {
			return nil, false, syncError(err, "")
		}
		tags = append(tags, tg)
	}
	if err := rows.Err(); err != nil {
		return nil, false, syncError(err, "")
	}
	if len(tags) > limit {
		return tags[:limit], true, nil
	}
	return tags, false, nil
}
