package db

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"dossier/app"
	"dossier/app/suggest"
)

// The project's review queue of suggested actors (migration 0006): the names each article
// suggests are stored when the article is written, triggers group them by folded name,
// and a page of the queue is a walk of one index.

// storeSuggestions reads article id again for suggestions if it is pending (filed,
// edited or restored since last read), inside the writer's transaction.
func storeSuggestions(ctx context.Context, tx *sql.Tx, id int64) error {
	var title, body, author string
	err := tx.QueryRowContext(ctx, `SELECT a.title, a.body, a.author FROM suggest_pending p
		JOIN articles a ON a.id = p.article_id WHERE p.article_id = ?`, id).Scan(&title, &body, &author)
	if err == sql.ErrNoRows {
		return nil // not pending: nothing changed, or it is in the trash
	}
	if err != nil {
		return err
	}
	return storeSuggestionsOf(ctx, tx, id, title, body, author)
}

// storeSuggestionsOf stores the suggestions of live article id, whose text the caller
// has at hand, and takes it off the pending list.
func storeSuggestionsOf(ctx context.Context, tx *sql.Tx, id int64, title, body, author string) error {
	st, err := prepareSuggestionStmts(ctx, tx)
	if err != nil {
		return err
	}
	defer st.close()
	return st.write(ctx, id, readSuggestions(title, body, author))
}

// articleSuggestions are an article's suggestions with the text their sample sentences
// come from; an import computes them on its reading goroutines, off the one that files.
type articleSuggestions struct {
	title, body string // body as read for suggestions (cut at suggestMaxRunes)
	sugs        []suggest.Suggestion
}

// readSuggestions finds an article's suggestions, all of them, known names included:
// the queue leaves those out when it is read (see queueKnown).
func readSuggestions(title, body, author string) *articleSuggestions {
	body = firstRunes(body, suggestMaxRunes)
	return &articleSuggestions{title: title, body: body, sugs: suggest.ExtractArticle(title, body, author, nil)}
}

// suggestionStmts write articles' suggestions; an import prepares them once per batch.
type suggestionStmts struct {
	del, ins, done *sql.Stmt
}

func prepareSuggestionStmts(ctx context.Context, tx *sql.Tx) (*suggestionStmts, error) {
	st := &suggestionStmts{}
	var err error
	prep := func(q string) *sql.Stmt {
		if err != nil {
			return nil
		}
		var s *sql.Stmt
		s, err = tx.PrepareContext(ctx, q)
		return s
	}
	st.del = prep(`DELETE FROM article_suggestions WHERE article_id = ?`)
	// Two suggestions of one article with one folded name keep the first (the grouping
	// in package suggest should not give any).
	st.ins = prep(`INSERT INTO article_suggestions(article_id, folded, name, kind, aliases,
		folded_aliases, mentions, sample, withheld) VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING`)
	st.done = prep(`DELETE FROM suggest_pending WHERE article_id = ?`)
	if err != nil {
		st.close()
		return nil, err
	}
	return st, nil
}

func (st *suggestionStmts) close() {
	for _, s := range []*sql.Stmt{st.del, st.ins, st.done} {
		if s != nil {
			s.Close()
		}
	}
}

// write replaces the stored suggestions of article id with as.
func (st *suggestionStmts) write(ctx context.Context, id int64, as *articleSuggestions) error {
	if _, err := st.del.ExecContext(ctx, id); err != nil {
		return err
	}
	for _, sg := range as.sugs {
		if err := st.insert(ctx, id, as, sg); err != nil {
			return fmt.Errorf("storing suggestion %q: %w", sg.Name, err)
		}
	}
	_, err := st.done.ExecContext(ctx, id)
	return err
}

func (st *suggestionStmts) insert(ctx context.Context, id int64, as *articleSuggestions, sg suggest.Suggestion) error {
	forms := sg.Forms()
	aliases, err := json.Marshal(nonNilStrings(sg.Aliases))
	if err != nil {
		return err
	}
	folded, err := json.Marshal(forms[1:])
	if err != nil {
		return err
	}
	withheld, err := json.Marshal(nonNilWithheld(sg.Withheld))
	if err != nil {
		return err
	}
	sample := as.title // named only in the title
	if sg.Sample >= 0 {
		sample = app.SentenceAround(as.body, sg.Sample)
	}
	_, err = st.ins.ExecContext(ctx, id, forms[0], sg.Name, string(sg.Kind), string(aliases), string(folded), sg.Count, sample, string(withheld))
	return err
}

func nonNilWithheld(w []app.WithheldAlias) []app.WithheldAlias {
	if w == nil {
		return []app.WithheldAlias{}
	}
	return w
}

func nonNilStrings(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// PendingSuggestions says how many articles have not been read for the review queue yet:
// after the upgrade that added the queue, every article until FillSuggestionQueue runs.
func (s *Store) PendingSuggestions(ctx context.Context) (n int, err error) {
	defer wrapErr(&err, "count articles pending suggestions")
	err = s.db.QueryRowContext(ctx, `SELECT count(*) FROM suggest_pending`).Scan(&n)
	return n, mapError(err)
}

// fillBatch is how many articles FillSuggestionQueue reads per transaction: small enough
// that the window's own writes wait well under a second for their turn.
const fillBatch = 100

// FillSuggestionQueue reads every pending article for suggestions, a batch per
// transaction, telling progress after each batch (done of total). Cancelling ctx stops it
// between batches; what was read is kept and the rest stays pending.
func (s *Store) FillSuggestionQueue(ctx context.Context, progress func(done, total int)) (err error) {
	defer wrapErr(&err, "fill the suggestion queue")
	total, err := s.PendingSuggestions(ctx)
	if err != nil || total == 0 {
		return err
	}
	for done := 0; ; {
		n := 0
		err := s.tx(ctx, func(tx *sql.Tx) error {
			ids, err := idList(tx.QueryContext(ctx, `SELECT article_id FROM suggest_pending ORDER BY article_id LIMIT ?`, fillBatch))
			if err != nil {
				return err
			}
			n = len(ids)
			return fillArticles(ctx, tx, ids)
		})
		if err != nil {
			return err
		}
		if n == 0 {
			return nil
		}
		done += n
		if progress != nil {
			progress(min(done, total), total)
		}
	}
}

// fillArticles stores the suggestions of the pending articles ids, as an import batch
// does: statements prepared once, grouped into the queue at the end. The names are found
// on every core at once: reading them is most of the work, writing them little.
func fillArticles(ctx context.Context, tx *sql.Tx, ids []int64) error {
	st, err := prepareSuggestionStmts(ctx, tx)
	if err != nil {
		return err
	}
	defer st.close()
	qt, err := deferQueue(ctx, tx)
	if err != nil {
		return err
	}
	texts, err := pendingTexts(ctx, tx, ids)
	if err != nil {
		return err
	}
	found := make([]*articleSuggestions, len(ids))
	parallel(len(ids), func(i int) {
		t := texts[i]
		found[i] = readSuggestions(t[0], t[1], t[2])
	})
	for i, id := range ids {
		if err := st.write(ctx, id, found[i]); err != nil {
			return fmt.Errorf("article %d: %w", id, err)
		}
	}
	return qt.restore(ctx, tx, ids)
}

// pendingTexts reads the title, body and author of each article of ids.
func pendingTexts(ctx context.Context, tx *sql.Tx, ids []int64) ([][3]string, error) {
	text, err := tx.PrepareContext(ctx, `SELECT title, body, author FROM articles WHERE id = ?`)
	if err != nil {
		return nil, err
	}
	defer text.Close()
	out := make([][3]string, len(ids))
	for i, id := range ids {
		t := &out[i]
		if err := text.QueryRowContext(ctx, id).Scan(&t[0], &t[1], &t[2]); err != nil {
			return nil, fmt.Errorf("article %d: %w", id, err)
		}
	}
	return out, nil
}

// parallel runs do(0) … do(n-1) on as many goroutines as there are cores.
func parallel(n int, do func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				do(i)
			}
		}()
	}
	wg.Wait()
}

func idList(rows *sql.Rows, err error) ([]int64, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// queueKnown is the condition that leaves out a queue row q whose name (folded) is a live
// actor's name or alias, or was dismissed: as SuggestActors does for one article. A row
// only one of whose aliases is known stays, with that alias withheld (see siftQueue).
const queueKnown = `NOT EXISTS (SELECT 1 FROM aliases al CROSS JOIN actors a ON a.id = al.actor_id WHERE al.folded = q.folded AND a.deleted = '')
	AND NOT EXISTS (SELECT 1 FROM dismissed_suggestions d WHERE d.folded = q.folded)`

// queueColumns are a queue row's, with the withheld forms of the article it comes from.
const queueColumns = `q.folded, q.name, q.kind, q.aliases, q.articles, q.sample, q.article_id,
	coalesce((SELECT b.withheld FROM article_suggestions b WHERE b.folded = q.folded AND b.article_id = q.article_id), '[]')`

// SuggestionQueue returns one page of the review queue: one row per name the project's
// articles suggest, busiest first, leaving out names that are actors or were dismissed.
// Articles still pending are not in it: see PendingSuggestions.
func (s *Store) SuggestionQueue(ctx context.Context, q app.QueueQuery) (_ []app.QueuedName, err error) {
	defer wrapErr(&err, "suggestion queue %+v", q)
	after := q.After
	if after.Folded == "" && after.Articles == 0 {
		after.Articles = 1 << 62
	}
	limit := q.Limit
	if limit <= 0 {
		limit = -1
	}
	// articles <= ?1 lets SQLite seek the index to the cursor; the rest breaks the tie.
	rows, err := s.db.QueryContext(ctx, `SELECT `+queueColumns+` FROM suggestion_queue q
		WHERE q.articles <= ?1 AND (q.articles < ?1 OR q.folded > ?2) AND `+queueKnown+`
		ORDER BY q.articles DESC, q.folded LIMIT ?3`, after.Articles, after.Folded, limit)
	if err != nil {
		return nil, mapError(err)
	}
	out, err := scanQueue(rows)
	if err != nil {
		return nil, err
	}
	return out, s.siftQueue(ctx, out)
}

func scanQueue(rows *sql.Rows) ([]app.QueuedName, error) {
	defer rows.Close()
	var out []app.QueuedName
	for rows.Next() {
		var n app.QueuedName
		var kind, aliases string
		var withheld string
		if err := rows.Scan(&n.Folded, &n.Name, &kind, &aliases, &n.Articles, &n.Sample, &n.SampleArticle, &withheld); err != nil {
			return nil, err
		}
		n.Kind = app.ActorKind(kind)
		if err := json.Unmarshal([]byte(aliases), &n.Aliases); err != nil {
			return nil, fmt.Errorf("aliases of %q: %w", n.Name, err)
		}
		if err := json.Unmarshal([]byte(withheld), &n.Withheld); err != nil {
			return nil, fmt.Errorf("withheld forms of %q: %w", n.Name, err)
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

// CountSuggestionQueue says how many names the review queue holds.
func (s *Store) CountSuggestionQueue(ctx context.Context) (n int, err error) {
	defer wrapErr(&err, "count the suggestion queue")
	err = s.db.QueryRowContext(ctx, `SELECT count(*) FROM suggestion_queue q WHERE `+queueKnown).Scan(&n)
	return n, mapError(err)
}

// QueuedSuggestion returns the queue's row for name (compared folded), or ENOTFOUND when
// no article suggests it, or it is an actor or dismissed already.
func (s *Store) QueuedSuggestion(ctx context.Context, name string) (_ app.QueuedName, err error) {
	defer wrapErr(&err, "queued suggestion %q", name)
	rows, err := s.db.QueryContext(ctx, `SELECT `+queueColumns+` FROM suggestion_queue q WHERE q.folded = ? AND `+queueKnown,
		app.Fold(strings.TrimSpace(name)))
	if err != nil {
		return app.QueuedName{}, mapError(err)
	}
	out, err := scanQueue(rows)
	if err == nil {
		err = s.siftQueue(ctx, out)
	}
	if err != nil {
		return app.QueuedName{}, err
	}
	if len(out) == 0 {
		return app.QueuedName{}, app.Errorf(app.ENOTFOUND, "No article suggests “%s” (or it is an actor already, or was dismissed).", name)
	}
	return out[0], nil
}

// SuggestionArticles returns the ids of the articles suggesting the folded name, lowest
// first, at most limit of them (limit <= 0: all).
func (s *Store) SuggestionArticles(ctx context.Context, folded string, limit int) (_ []int64, err error) {
	defer wrapErr(&err, "articles suggesting %q", folded)
	if limit <= 0 {
		limit = -1
	}
	return idList(s.db.QueryContext(ctx, `SELECT article_id FROM article_suggestions WHERE folded = ? ORDER BY article_id LIMIT ?`, folded, limit))
}

// queueTrigger is the queue's grouping trigger, set aside during an import batch: run for
// each stored suggestion it cost the one goroutine that files a good part of its time,
// so a batch stores its suggestions bare and groups them with three statements before
// it commits (as the full-text index is, see deferIndex). Trigger and queue are never
// out of step in any committed state.
type queueTrigger struct{ sql string }

// deferQueue drops the grouping trigger inside tx and returns it to restore; nil when the
// schema has none.
func deferQueue(ctx context.Context, tx *sql.Tx) (*queueTrigger, error) {
	var text string
	err := tx.QueryRowContext(ctx, `SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = 'article_suggestions_ai'`).Scan(&text)
	if err == sql.ErrNoRows {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if _, err := tx.ExecContext(ctx, `DROP TRIGGER article_suggestions_ai`); err != nil {
		return nil, err
	}
	return &queueTrigger{sql: text}, nil
}

// restore groups the suggestions of the articles filed in the batch into the queue, as
// the trigger would have one by one, and puts the trigger back.
func (t *queueTrigger) restore(ctx context.Context, tx *sql.Tx, ids []int64) error {
	if t == nil {
		return nil
	}
	if len(ids) > 0 {
		list, err := json.Marshal(ids)
		if err != nil {
			return err
		}
		const batch = `json_each(?1) j CROSS JOIN article_suggestions s ON s.article_id = j.value`
		for _, q := range []string{
			// "WHERE true": an upsert's SELECT needs a WHERE, or SQLite reads ON as a join's.
			`INSERT INTO suggestion_queue(folded, articles) SELECT s.folded, count(*) FROM ` + batch + `
				WHERE true GROUP BY s.folded ON CONFLICT (folded) DO UPDATE SET articles = articles + excluded.articles`,
			`INSERT INTO suggestion_kinds(folded, kind, n) SELECT s.folded, s.kind, count(*) FROM ` + batch + `
				WHERE true GROUP BY s.folded, s.kind ON CONFLICT (folded, kind) DO UPDATE SET n = n + excluded.n`,
			`UPDATE suggestion_queue AS q SET (name, aliases, folded_aliases, sample, article_id, mentions) =
				(SELECT b.name, b.aliases, b.folded_aliases, b.sample, b.article_id, b.mentions FROM article_suggestions b
					WHERE b.folded = q.folded ORDER BY b.mentions DESC, b.article_id LIMIT 1),
				kind = (SELECT k.kind FROM suggestion_kinds k WHERE k.folded = q.folded ORDER BY k.n DESC, k.kind LIMIT 1)
				WHERE q.folded IN (SELECT s.folded FROM ` + batch + `)`,
		} {
			if _, err := tx.ExecContext(ctx, q, string(list)); err != nil {
				return fmt.Errorf("grouping the batch's suggestions: %w", err)
			}
		}
	}
	_, err := tx.ExecContext(ctx, t.sql)
	return err
}
