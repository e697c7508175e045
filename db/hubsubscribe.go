package db

import (
	"context"
	"database/sql"
	"sort"
	"strings"

	"dossier/app"
)

// SetHubSubscription makes this project take from place only the articles with one of
// tags (and the relations quoting them, their actors and notes), or the whole collection
// when tags is empty. A wider subscription starts the pull again from the beginning of
// the collection, so that the records it now takes are read whatever their age; the
// records already here are recognised by their change numbers and skipped. A narrower
// one removes nothing: what is here stays, and is no longer kept up to date.
func (s *Store) SetHubSubscription(ctx context.Context, place app.HubPlace, tags []string) (err error) {
	defer wrapErr(&err, "subscribe %s to %q", place.Key(), tags)
	want := normTags(tags)
	return s.tx(ctx, func(tx *sql.Tx) error {
		if err := ensureHubState(ctx, tx, place); err != nil {
			return err
		}
		var had string
		if err := tx.QueryRowContext(ctx, `SELECT only_tags FROM hub_sync_state WHERE hub = ?`, place.Key()).Scan(&had); err != nil {
			return err
		}
		q := `UPDATE hub_sync_state SET only_tags = ? WHERE hub = ?`
		if widens(splitTags(had), want) {
			q = `UPDATE hub_sync_state SET only_tags = ?, pulled_seq = 0 WHERE hub = ?`
		}
		_, err := tx.ExecContext(ctx, q, strings.Join(want, "\n"), place.Key())
		return err
	})
}

// widens says whether the subscription to want takes records the one to had did not
// (no tags: the whole collection).
func widens(had, want []string) bool {
	if len(had) == 0 {
		return false
	}
	if len(want) == 0 {
		return true
	}
	in := map[string]bool{}
	for _, t := range had {
		in[t] = true
	}
	for _, t := range want {
		if !in[t] {
			return true
		}
	}
	return false
}

// normTags is tags trimmed, lower-cased, without blanks or repeats, sorted.
func normTags(tags []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, t := range tags {
		t = strings.ToLower(strings.TrimSpace(t))
		if t != "" && !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	sort.Strings(out)
	return out
}

// splitTags reads a newline-joined list of tags.
func splitTags(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}
