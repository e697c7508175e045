package db

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"dossier/app"
	"dossier/app/mention"
)

// Mention linking. Every name and alias of every live actor is matched in every article
// body (package mention decides what matches). Filing or editing an article links it with
// a matcher of all names, compiled once and kept until a name changes; changing an actor's
// names relinks only the articles that may hold the names that changed, found through the
// full-text index. Rows the user confirmed or rejected are never touched: a rejected
// mention stays rejected.
//
// A name several actors share (two "Harris") gives one 'ambiguous' row per candidate,
// unless the user ruled all but one out at that place, or exactly one of them is named in
// the same article by a longer name or alias ("Joshua Harris"), which then gets the
// mention as 'automatic'.

// patterns loads every name and alias of every live actor, or of one actor when id > 0.
func patterns(ctx context.Context, q querier, id int64) ([]mention.Pattern, error) {
	rows, err := q.QueryContext(ctx, `SELECT al.actor_id, al.text FROM aliases al JOIN actors a ON a.id = al.actor_id
		WHERE a.deleted = '' AND (?1 = 0 OR al.actor_id = ?1)`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []mention.Pattern
	for rows.Next() {
		var p mention.Pattern
		if err := rows.Scan(&p.ActorID, &p.Text); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// matcherCache keeps the compiled matchers of a project's last few name sets, by the
// token that mention_state holds for them (see migration 0003). The token lives in the
// project file, so the cache is right whatever wrote the names, and after a rollback.
// Each Store has its own (Store.matchers), dropped when it closes.
type matcherCache struct {
	sync.Mutex
	recent []cachedMatcher // most recently used first
}

type cachedMatcher struct {
	token int64
	m     *mention.Matcher
}

const keptMatchers = 4

// matcher returns the matcher of every live actor's names as q sees them. A nil cache
// compiles it afresh: the relinking after a change of names, which no cached matcher
// could serve anyway, and the repair.
func (c *matcherCache) matcher(ctx context.Context, q querier) (*mention.Matcher, error) {
	if c == nil {
		pats, err := patterns(ctx, q, 0)
		if err != nil {
			return nil, err
		}
		return mention.New(pats), nil
	}
	var token int64
	if err := q.QueryRowContext(ctx, `SELECT names FROM mention_state`).Scan(&token); err != nil {
		return nil, err
	}
	c.Lock()
	for i, m := range c.recent {
		if m.token == token {
			copy(c.recent[1:i+1], c.recent[:i])
			c.recent[0] = m
			c.Unlock()
			return m.m, nil
		}
	}
	c.Unlock()
	pats, err := patterns(ctx, q, 0)
	if err != nil {
		return nil, err
	}
	m := mention.New(pats)
	c.Lock()
	c.recent = slices.Insert(c.recent, 0, cachedMatcher{token, m})
	if len(c.recent) > keptMatchers {
		c.recent = c.recent[:keptMatchers]
	}
	c.Unlock()
	return m, nil
}

// linkArticleMentions finds every known actor in one article, new or edited.
func (s *Store) linkArticleMentions(ctx context.Context, tx *sql.Tx, articleID int64, body string) error {
	l, err := newLinker(ctx, tx, &s.matchers)
	if err != nil {
		return err
	}
	defer l.close()
	return l.link(ctx, articleID, body)
}

// linker relinks articles inside one transaction.
type linker struct {
	m                                          *mention.Matcher
	rows, insert, update, del, unscan, unclean *sql.Stmt
}

// newLinker makes a linker with the names matcher from c (nil: compiled afresh).
func newLinker(ctx context.Context, tx *sql.Tx, c *matcherCache) (*linker, error) {
	m, err := c.matcher(ctx, tx)
	if err != nil {
		return nil, err
	}
	l := &linker{m: m}
	for _, p := range []struct {
		st  **sql.Stmt
		sql string
	}{
		{&l.rows, `SELECT id, actor_id, start, end, status FROM mentions WHERE article_id = ?`},
		{&l.insert, `INSERT INTO mentions(article_id, actor_id, start, end, status) VALUES (?,?,?,?,?)
			ON CONFLICT (article_id, actor_id, start) DO NOTHING`},
		{&l.update, `UPDATE mentions SET end = ?, status = ? WHERE id = ?`},
		{&l.del, `DELETE FROM mentions WHERE id = ?`},
		{&l.unscan, `DELETE FROM mention_scan WHERE article_id = ?`},
		{&l.unclean, `UPDATE mention_scan SET unclean = 1 WHERE article_id = ?`},
	} {
		if *p.st, err = tx.PrepareContext(ctx, p.sql); err != nil {
			l.close()
			return nil, err
		}
	}
	return l, nil
}

func (l *linker) close() {
	for _, st := range []*sql.Stmt{l.rows, l.insert, l.update, l.del, l.unscan, l.unclean} {
		if st != nil {
			st.Close()
		}
	}
}

// link links one article, new or edited: a batch of articles filed in one transaction
// can share a linker.
func (l *linker) link(ctx context.Context, articleID int64, body string) error {
	if err := l.checked(ctx, articleID, body); err != nil {
		return err
	}
	have, err := l.rowsOf(ctx, articleID)
	if err != nil {
		return err
	}
	return l.relink(ctx, articleID, body, have)
}

// checked records whether the full-text index can be trusted to find names in an
// article's body from now on.
func (l *linker) checked(ctx context.Context, articleID int64, body string) error {
	st := l.unscan
	if !ftsClean(body) {
		st = l.unclean
	}
	_, err := st.ExecContext(ctx, articleID)
	return err
}

// mentionRow is a mention as stored.
type mentionRow struct {
	id         int64
	actor      int64
	start, end int
	status     string
}

// rowsOf returns an article's mentions as stored.
func (l *linker) rowsOf(ctx context.Context, articleID int64) ([]mentionRow, error) {
	rows, err := l.rows.QueryContext(ctx, articleID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var have []mentionRow
	for rows.Next() {
		var r mentionRow
		if err := rows.Scan(&r.id, &r.actor, &r.start, &r.end, &r.status); err != nil {
			return nil, err
		}
		have = append(have, r)
	}
	return have, rows.Err()
}

// relink brings an article's automatic and ambiguous mentions in line with what the
// matcher finds in its body, writing only what changed; have are its rows as stored.
func (l *linker) relink(ctx context.Context, articleID int64, body string, have []mentionRow) error {
	var err error
	want := planMentions(l.m.Find(body), have)
	type at struct {
		actor int64
		start int
	}
	old := map[at]mentionRow{}
	for _, r := range have {
		old[at{r.actor, r.start}] = r
	}
	for _, w := range want {
		k := at{w.actor, w.start}
		r, ok := old[k]
		delete(old, k)
		switch {
		case !ok:
			_, err = l.insert.ExecContext(ctx, articleID, w.actor, w.start, w.end, w.status)
		case r.status == app.MentionConfirmed || r.status == app.MentionRejected:
			// The user's word stands.
		case r.end != w.end || r.status != w.status:
			_, err = l.update.ExecContext(ctx, w.end, w.status, r.id)
		}
		if err != nil {
			return err
		}
	}
	for _, r := range old {
		if r.status == app.MentionAuto || r.status == app.MentionAmbiguous {
			if _, err := l.del.ExecContext(ctx, r.id); err != nil {
				return err
			}
		}
	}
	return nil
}

// planMentions decides an article's automatic and ambiguous mentions from the matches in
// its body (in text order, one per actor at a shared place) and the rows it has, whose
// confirmed and rejected ones are the user's decisions.
func planMentions(ms []mention.Match, have []mentionRow) []mentionRow {
	d := decisionsOf(have)
	var want []mentionRow
	for _, p := range d.places(ms) {
		start, end := p[0].Start, p[0].End
		if d.decided[start] {
			continue
		}
		live := d.liveActors(p)
		status := app.MentionAuto
		if len(live) > 1 {
			status = app.MentionAmbiguous
		}
		for _, a := range live {
			want = append(want, mentionRow{actor: a, start: start, end: end, status: status})
		}
	}
	return want
}

// mentionAt is one actor at one place of a body.
type mentionAt struct {
	actor int64
	start int
}

// mentionDecisions is what planMentions goes by besides the matches.
type mentionDecisions struct {
	rejected map[mentionAt]bool
	decided  map[int]bool  // places where the user confirmed an actor
	fuller   map[int64]int // each actor's longest mention standing alone, in runes
}

// decisionsOf reads the user's decisions from an article's rows.
func decisionsOf(have []mentionRow) mentionDecisions {
	d := mentionDecisions{rejected: map[mentionAt]bool{}, decided: map[int]bool{}, fuller: map[int64]int{}}
	for _, r := range have {
		switch r.status {
		case app.MentionRejected:
			d.rejected[mentionAt{r.actor, r.start}] = true
		case app.MentionConfirmed:
			d.decided[r.start] = true
			d.fuller[r.actor] = max(d.fuller[r.actor], r.end-r.start)
		}
	}
	return d
}

// places groups the matches (in text order) by place: several actors at one place share a
// name. A match standing alone, not rejected, counts towards its actor's fuller name.
func (d mentionDecisions) places(ms []mention.Match) [][]mention.Match {
	var places [][]mention.Match
	for i := 0; i < len(ms); {
		j := i + 1
		for j < len(ms) && ms[j].Start == ms[i].Start {
			j++
		}
		places = append(places, ms[i:j])
		if j == i+1 && !d.rejected[mentionAt{ms[i].ActorID, ms[i].Start}] {
			d.fuller[ms[i].ActorID] = max(d.fuller[ms[i].ActorID], ms[i].End-ms[i].Start)
		}
		i = j
	}
	return places
}

// liveActors are the actors of one place the user did not reject there; of several, the
// one alone named more fully elsewhere in the article, when there is exactly one.
func (d mentionDecisions) liveActors(p []mention.Match) []int64 {
	start, end := p[0].Start, p[0].End
	var live []int64
	for _, m := range p {
		if !d.rejected[mentionAt{m.ActorID, start}] {
			live = append(live, m.ActorID)
		}
	}
	if len(live) < 2 {
		return live
	}
	var named []int64
	for _, a := range live {
		if d.fuller[a] > end-start {
			named = append(named, a)
		}
	}
	if len(named) == 1 {
		return named
	}
	return live
}

// linkActorMentions relinks the articles where one actor's names changed since they were
// last linked: those that may hold a name it gained or lost, found through the full-text
// index, and, after a merge, those it is mentioned in (the merged actor's mentions moved
// to it). A lost name matters even where it linked nothing: it may have been one of the
// candidates of a shared name, or the fuller name that settled one.
func linkActorMentions(ctx context.Context, tx *sql.Tx, actorID int64) error {
	added, removed, merged, err := takeNameChanges(ctx, tx, actorID)
	if err != nil || len(added)+len(removed) == 0 && !merged {
		return err
	}
	var mentioned map[int64]bool
	if merged {
		if mentioned, err = actorArticles(ctx, tx, actorID); err != nil {
			return err
		}
	}
	return relinkNames(ctx, tx, added, removed, mentioned)
}

// relinkNames relinks the articles that hold one of the names added or removed (as the
// matcher finds names: the full-text index narrows the search, a matcher of these names
// alone decides) and those in also.
//
// One name added alone, the usual case, is narrowed further: an article where each place
// the name stands lies inside a longer automatic or ambiguous mention (a new "Talu
// Harlabek" inside the known "Talu Harlabek 0") is left as it is, because the matcher
// would still take the longer name there and nothing else can change. Automatic and
// ambiguous rows are always what the last relinking found, which makes them safe to
// judge by; the user's rows may be stale.
func relinkNames(ctx context.Context, tx *sql.Tx, added, removed []string, also map[int64]bool) error {
	dirty, err := takeDirty(ctx, tx)
	if err != nil {
		return err
	}
	for id := range also {
		dirty[id] = true
	}
	also = dirty
	ids := map[int64]bool{}
	for id := range also {
		ids[id] = true
	}
	holds, err := nameCandidates(ctx, tx, append(slices.Clip(added), removed...), ids)
	if err != nil {
		return err
	}
	nested := len(added) == 1 && len(removed) == 0
	return relinkArticles(ctx, tx, ids, func(id int64, body string, have []mentionRow) bool {
		return also[id] || holdsName(holds, nested, body, have)
	})
}

// nameCandidates adds to ids the articles that may hold one of names (the full-text index
// narrows, the scan of what it has not indexed yet too) and returns a matcher of names
// alone to decide; nil when there are no names.
func nameCandidates(ctx context.Context, tx *sql.Tx, names []string, ids map[int64]bool) (*mention.Matcher, error) {
	if len(names) == 0 {
		return nil, nil
	}
	pats := make([]mention.Pattern, len(names))
	for i, name := range names {
		pats[i] = mention.Pattern{ActorID: 1, Text: name}
		if err := ftsCandidates(ctx, tx, name, ids); err != nil {
			return nil, err
		}
	}
	if err := scanCandidates(ctx, tx, ids); err != nil {
		return nil, err
	}
	return mention.New(pats), nil
}

// holdsName reports whether body holds one of the names holds matches (nil: none); when
// nested (one name added alone), a place inside a longer automatic or ambiguous mention
// of have does not count.
func holdsName(holds *mention.Matcher, nested bool, body string, have []mentionRow) bool {
	if holds == nil {
		return false
	}
	found := holds.Find(body)
	if !nested {
		return len(found) > 0
	}
	for _, f := range found {
		if !slices.ContainsFunc(have, func(r mentionRow) bool {
			return (r.status == app.MentionAuto || r.status == app.MentionAmbiguous) &&
				r.start <= f.Start && f.End <= r.end && r.end-r.start > f.End-f.Start
		}) {
			return true
		}
	}
	return false
}

// takeDirty reads and clears the articles that had mentions of a deleted actor.
func takeDirty(ctx context.Context, tx *sql.Tx) (map[int64]bool, error) {
	return idSet(tx.QueryContext(ctx, `DELETE FROM mention_dirty RETURNING article_id`))
}

// takeNameChanges reads and clears the log of names written since the actor's mentions
// were last linked. It returns the names the actor gained and those it lost (a name
// rewritten as it was is neither), and whether it took over an actor that is gone (a
// merge), whose names count as lost.
func takeNameChanges(ctx context.Context, tx *sql.Tx, actorID int64) (added, removed []string, merged bool, err error) {
	rows, err := tx.QueryContext(ctx, `SELECT actor_id, text, added FROM mention_name_log
		WHERE actor_id = ?1 OR actor_id NOT IN (SELECT id FROM actors)`, actorID)
	if err != nil {
		return nil, nil, false, err
	}
	net := map[string]int{} // times written less times removed, for this actor
	gone := map[string]bool{}
	var order []string
	for rows.Next() {
		var actor int64
		var text string
		var add bool
		if err := rows.Scan(&actor, &text, &add); err != nil {
			rows.Close()
			return nil, nil, false, err
		}
		if _, ok := net[text]; !ok && !gone[text] {
			order = append(order, text)
		}
		switch {
		case actor != actorID:
			merged, gone[text] = true, true
		case add:
			net[text]++
		default:
			net[text]--
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, nil, false, err
	}
	for _, text := range order {
		switch {
		case net[text] > 0:
			added = append(added, text)
		case net[text] < 0 || gone[text]:
			removed = append(removed, text)
		}
	}
	_, err = tx.ExecContext(ctx, `DELETE FROM mention_name_log WHERE actor_id = ?1 OR actor_id NOT IN (SELECT id FROM actors)`, actorID)
	return added, removed, merged, err
}

// ftsCandidates adds to ids the articles whose body the full-text index says holds the
// words of name in a row. The index cuts words where the matcher does (hyphens,
// apostrophes and full stops separate words in both: "al-Maliki’s" holds al, maliki, s),
// and folds case and accents as it does for the characters ftsClean accepts; it ignores
// case, so it finds "us" for the acronym "US" too: it only narrows the search, and the
// matcher decides. Articles it may be wrong about are in mention_scan (scanCandidates).
func ftsCandidates(ctx context.Context, tx *sql.Tx, name string, ids map[int64]bool) error {
	words := mention.Words(name)
	if len(words) == 0 {
		return nil
	}
	rows, err := tx.QueryContext(ctx, `SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?`,
		`body : "`+strings.Join(words, " ")+`"`)
	if err != nil {
		return fmt.Errorf("looking up %q in the full-text index: %w", name, err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return err
		}
		ids[id] = true
	}
	return rows.Err()
}

// ftsClean reports whether every character of body is one the full-text index cuts and
// folds as the matcher does, so that ftsCandidates finds any name the matcher would find
// in it. ftsSafe lists the characters: ASCII, the Latin, Cyrillic, Hebrew and Arabic
// letters and the punctuation and symbols news is written with, less those the index
// treats differently (TestFTSSafeAgreesWithIndex checks each against SQLite).
func ftsClean(body string) bool {
	for i := 0; i < len(body); i++ {
		if body[i] < utf8.RuneSelf {
			continue
		}
		r, size := utf8.DecodeRuneInString(body[i:])
		if !unicode.Is(ftsSafe, r) {
			return false
		}
		i += size - 1
	}
	return true
}

// ftsSafe: see ftsClean. Left out, with what the index does differently: the soft hyphen
// and other format characters (it splits the word, the matcher ignores them); combining
// marks (some split the word); superscript digits and fractions (part of the word for the
// index, not for the matcher); µ, ſ (it folds them to μ, s); ø, đ, ı, ł and their
// capitals, ǡ, ǣ, ǯ, ǽ, ǿ (it keeps them, the matcher folds them to o, d, i, l...); ʼ;
// Greek with accents and final sigma; й, ё and the other Cyrillic letters with marks;
// Arabic letters with hamza or madda and the Arabic vowel marks; and symbols newer than
// the index's Unicode tables.
var ftsSafe = &unicode.RangeTable{R16: []unicode.Range16{
	{Lo: 0x0000, Hi: 0x00ac, Stride: 1},
	{Lo: 0x00ae, Hi: 0x00b1, Stride: 1},
	{Lo: 0x00b4, Hi: 0x00b4, Stride: 1},
	{Lo: 0x00b6, Hi: 0x00b8, Stride: 1},
	{Lo: 0x00ba, Hi: 0x00bb, Stride: 1},
	{Lo: 0x00bf, Hi: 0x00d7, Stride: 1},
	{Lo: 0x00d9, Hi: 0x00f7, Stride: 1},
	{Lo: 0x00f9, Hi: 0x010f, Stride: 1},
	{Lo: 0x0112, Hi: 0x0130, Stride: 1},
	{Lo: 0x0132, Hi: 0x0140, Stride: 1},
	{Lo: 0x0143, Hi: 0x017e, Stride: 1},
	{Lo: 0x0180, Hi: 0x01df, Stride: 1},
	{Lo: 0x01e4, Hi: 0x01ed, Stride: 1},
	{Lo: 0x01f0, Hi: 0x01fb, Stride: 1},
	{Lo: 0x0200, Hi: 0x02bb, Stride: 1},
	{Lo: 0x02bd, Hi: 0x02ff, Stride: 1},
	{Lo: 0x0410, Hi: 0x0418, Stride: 1},
	{Lo: 0x041a, Hi: 0x0438, Stride: 1},
	{Lo: 0x043a, Hi: 0x044f, Stride: 1},
	{Lo: 0x05d0, Hi: 0x05ea, Stride: 1},
	{Lo: 0x060c, Hi: 0x060c, Stride: 1},
	{Lo: 0x061b, Hi: 0x061b, Stride: 1},
	{Lo: 0x061f, Hi: 0x0621, Stride: 1},
	{Lo: 0x0627, Hi: 0x063a, Stride: 1},
	{Lo: 0x0640, Hi: 0x064a, Stride: 1},
	{Lo: 0x0660, Hi: 0x066f, Stride: 1},
	{Lo: 0x0671, Hi: 0x06bf, Stride: 1},
	{Lo: 0x06c1, Hi: 0x06c1, Stride: 1},
	{Lo: 0x06c3, Hi: 0x06d2, Stride: 1},
	{Lo: 0x06d4, Hi: 0x06d5, Stride: 1},
	{Lo: 0x06ee, Hi: 0x06ff, Stride: 1},
	{Lo: 0x2000, Hi: 0x200a, Stride: 1},
	{Lo: 0x2010, Hi: 0x2029, Stride: 1},
	{Lo: 0x202f, Hi: 0x205f, Stride: 1},
	{Lo: 0x20a0, Hi: 0x20b9, Stride: 1},
	{Lo: 0x2100, Hi: 0x214f, Stride: 1},
	{Lo: 0x2190, Hi: 0x23f3, Stride: 1},
	{Lo: 0x2500, Hi: 0x26ff, Stride: 1},
}}

// scanCandidates adds to ids the articles the full-text index cannot answer for.
func scanCandidates(ctx context.Context, tx *sql.Tx, ids map[int64]bool) error {
	rows, err := tx.QueryContext(ctx, `SELECT article_id FROM mention_scan`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return err
		}
		ids[id] = true
	}
	return rows.Err()
}

// actorArticles returns the articles that have a mention of the actor, whatever its status.
func actorArticles(ctx context.Context, tx *sql.Tx, actorID int64) (map[int64]bool, error) {
	return idSet(tx.QueryContext(ctx, `SELECT DISTINCT article_id FROM mentions WHERE actor_id = ?`, actorID))
}

// idSet reads a one-column result of ids into a set.
func idSet(rows *sql.Rows, err error) (map[int64]bool, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]bool{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out[id] = true
	}
	return out, rows.Err()
}

// relinkBatch is how many article bodies relinkArticles reads per query.
const relinkBatch = 200

// relinkArticles relinks the articles in ids for which need (nil: all) says so, given
// their body and rows, reading them in batches. An article not checked yet for the
// full-text index is checked, and relinked whatever need says: it may have been filed
// without the linker (a bulk import), which this brings up to date.
func relinkArticles(ctx context.Context, tx *sql.Tx, ids map[int64]bool, need func(id int64, body string, have []mentionRow) bool) error {
	if len(ids) == 0 {
		return nil
	}
	unchecked, err := uncheckedArticles(ctx, tx)
	if err != nil {
		return err
	}
	l, err := newLinker(ctx, tx, nil)
	if err != nil {
		return err
	}
	defer l.close()
	list := make([]int64, 0, len(ids))
	for id := range ids {
		list = append(list, id)
	}
	slices.Sort(list)
	for len(list) > 0 {
		n := min(len(list), relinkBatch)
		page, have, err := readBatch(ctx, tx, list[:n])
		if err != nil {
			return err
		}
		list = list[n:]
		for _, a := range page {
			fresh := unchecked[a.id] // filed by a path that did not link it, perhaps
			if fresh {
				if err := l.checked(ctx, a.id, a.body); err != nil {
					return err
				}
			}
			if fresh || need == nil || need(a.id, a.body, have[a.id]) {
				if err := l.relink(ctx, a.id, a.body, have[a.id]); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

type articleBody struct {
	id   int64
	body string
}

// readBatch reads the bodies and mention rows of the articles in batch.
func readBatch(ctx context.Context, tx *sql.Tx, batch []int64) ([]articleBody, map[int64][]mentionRow, error) {
	args := make([]any, len(batch))
	for i, id := range batch {
		args[i] = id
	}
	in := `(?` + strings.Repeat(",?", len(batch)-1) + `)`
	rows, err := tx.QueryContext(ctx, `SELECT id, body FROM articles WHERE id IN `+in, args...)
	if err != nil {
		return nil, nil, err
	}
	page := make([]articleBody, 0, len(batch))
	for rows.Next() {
		var a articleBody
		if err := rows.Scan(&a.id, &a.body); err != nil {
			rows.Close()
			return nil, nil, err
		}
		page = append(page, a)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, nil, err
	}
	rows, err = tx.QueryContext(ctx, `SELECT article_id, id, actor_id, start, end, status FROM mentions WHERE article_id IN `+in, args...)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	have := map[int64][]mentionRow{}
	for rows.Next() {
		var art int64
		var r mentionRow
		if err := rows.Scan(&art, &r.id, &r.actor, &r.start, &r.end, &r.status); err != nil {
			return nil, nil, err
		}
		have[art] = append(have[art], r)
	}
	return page, have, rows.Err()
}

// uncheckedArticles returns the articles whose body has not been checked for the
// full-text index since it was written.
func uncheckedArticles(ctx context.Context, tx *sql.Tx) (map[int64]bool, error) {
	rows, err := tx.QueryContext(ctx, `SELECT article_id FROM mention_scan WHERE unclean = 0`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]bool{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out[id] = true
	}
	return out, rows.Err()
}

// unlinkActor is DeleteActor's part: it deletes the actor with del and relinks the
// articles that hold its names or mentioned it (mention_dirty): another actor sharing one
// of its names may now stand alone there, or a name it covered ("New York" inside its
// "New York Times") may now show.
func unlinkActor(ctx context.Context, tx *sql.Tx, actorID int64, del func() error) error {
	pats, err := patterns(ctx, tx, actorID)
	if err != nil {
		return err
	}
	if err := del(); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM mention_name_log WHERE actor_id = ?`, actorID); err != nil {
		return err
	}
	names := make([]string, len(pats))
	for i, p := range pats {
		names[i] = p.Text
	}
	return relinkNames(ctx, tx, nil, names, nil)
}

// relinkGoneNames relinks the articles that held names or mentions of actors deleted
// without unlinkActor (RemoveTagged deletes many at once).
func relinkGoneNames(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT DISTINCT text FROM mention_name_log WHERE actor_id NOT IN (SELECT id FROM actors)`)
	if err != nil {
		return err
	}
	var names []string
	for rows.Next() {
		var text string
		if err := rows.Scan(&text); err != nil {
			rows.Close()
			return err
		}
		names = append(names, text)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM mention_name_log WHERE actor_id NOT IN (SELECT id FROM actors)`); err != nil {
		return err
	}
	return relinkNames(ctx, tx, nil, names, nil)
}

// Mentions returns the mentions in one article, rejected ones included, in text order.
func (s *Store) Mentions(ctx context.Context, articleID int64) (_ []app.Mention, err error) {
	defer wrapErr(&err, "mentions of article %d", articleID)
	rows, err := s.db.QueryContext(ctx, `SELECT m.id, m.article_id, m.actor_id, m.start, m.end, m.status FROM mentions m
		JOIN actors a ON a.id = m.actor_id WHERE m.article_id = ? AND a.deleted = '' ORDER BY m.start, m.actor_id`, articleID)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	var out []app.Mention
	for rows.Next() {
		var m app.Mention
		if err := rows.Scan(&m.ID, &m.ArticleID, &m.ActorID, &m.Start, &m.End, &m.Status); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// SetMentionStatus confirms or rejects a mention; a rejected mention stays rejected when
// the article or the actor is relinked. The article is relinked at once: ruling an actor
// out, or confirming one, may settle a name it shares elsewhere in the article.
func (s *Store) SetMentionStatus(ctx context.Context, id int64, status string) (err error) {
	defer wrapErr(&err, "set mention %d to %q", id, status)
	if status != app.MentionConfirmed && status != app.MentionRejected && status != app.MentionAuto {
		return app.Errorf(app.EINVALID, "“%s” is not a mention status.", status)
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		var articleID int64
		err := tx.QueryRowContext(ctx, `UPDATE mentions SET status = ? WHERE id = ? RETURNING article_id`, status, id).Scan(&articleID)
		if err == sql.ErrNoRows {
			return app.Errorf(app.ENOTFOUND, "There is no mention #%d.", id)
		}
		if err != nil {
			return err
		}
		return s.relinkArticle(ctx, tx, articleID)
	})
}

// relinkArticle relinks one article after the user decided about one of its mentions.
func (s *Store) relinkArticle(ctx context.Context, tx *sql.Tx, articleID int64) error {
	var body string
	if err := tx.QueryRowContext(ctx, `SELECT body FROM articles WHERE id = ?`, articleID).Scan(&body); err != nil {
		return err
	}
	l, err := newLinker(ctx, tx, &s.matchers)
	if err != nil {
		return err
	}
	defer l.close()
	have, err := l.rowsOf(ctx, articleID)
	if err != nil {
		return err
	}
	return l.relink(ctx, articleID, body, have)
}

// AmbiguousMentions returns the places in an article's body where a name shared by
// several actors stands undecided, in text order, each with its candidates (by name) and
// the one the article suggests: the candidate it names elsewhere by a longer name, or that
// the user confirmed elsewhere in it, nearest before the place (else nearest after).
func (s *Store) AmbiguousMentions(ctx context.Context, articleID int64) (_ []app.AmbiguousMention, err error) {
	defer wrapErr(&err, "ambiguous mentions of article %d", articleID)
	rows, err := s.db.QueryContext(ctx, `SELECT m.actor_id, m.start, m.end, m.status, a.name, a.kind FROM mentions m
		JOIN actors a ON a.id = m.actor_id WHERE m.article_id = ? AND a.deleted = '' ORDER BY m.start, a.name, m.actor_id`, articleID)
	if err != nil {
		return nil, mapError(err)
	}
	var all []mentionRow
	var out []app.AmbiguousMention
	for rows.Next() {
		var r mentionRow
		var ref app.ActorRef
		var kind string
		if err := rows.Scan(&r.actor, &r.start, &r.end, &r.status, &ref.Name, &kind); err != nil {
			rows.Close()
			return nil, err
		}
		all = append(all, r)
		if r.status != app.MentionAmbiguous {
			continue
		}
		ref.ID, ref.Kind = r.actor, app.ActorKind(kind)
		if n := len(out); n > 0 && out[n-1].Start == r.start {
			out[n-1].Candidates = append(out[n-1].Candidates, ref)
			continue
		}
		out = append(out, app.AmbiguousMention{Start: r.start, End: r.end, Candidates: []app.ActorRef{ref}})
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, mapError(err)
	}
	if len(out) == 0 {
		return nil, nil
	}
	var body string
	if err := s.db.QueryRowContext(ctx, `SELECT body FROM articles WHERE id = ?`, articleID).Scan(&body); err != nil {
		return nil, mapError(err)
	}
	rs := []rune(body)
	for i := range out {
		a := &out[i]
		if a.Start >= 0 && a.Start <= a.End && a.End <= len(rs) {
			a.Text = string(rs[a.Start:a.End])
		}
		a.Proposed = proposed(*a, all)
	}
	return out, nil
}

// proposed picks the candidate of an ambiguous place that the article names elsewhere by
// a longer name, or that the user confirmed elsewhere in it: the nearest such mention
// before the place, else the nearest after.
func proposed(a app.AmbiguousMention, all []mentionRow) int64 {
	var before, after int64
	for _, r := range all {
		if r.start == a.Start || !slices.ContainsFunc(a.Candidates, func(c app.ActorRef) bool { return c.ID == r.actor }) {
			continue
		}
		if r.status != app.MentionConfirmed && (r.status != app.MentionAuto || r.end-r.start <= a.End-a.Start) {
			continue
		}
		if r.start < a.Start {
			before = r.actor // rows come in text order: the last one wins
		} else if after == 0 {
			after = r.actor
		}
	}
	if before != 0 {
		return before
	}
	return after
}

// ResolveMention settles an ambiguous place: the chosen actor's mention there is
// confirmed and the other candidates' are rejected, so relinking leaves the place alone.
// The chosen actor may be one the matcher did not propose. The rest of the article is
// relinked: a confirmed longer name settles the shorter one it shares elsewhere.
func (s *Store) ResolveMention(ctx context.Context, articleID int64, start int, actorID int64) (err error) {
	defer wrapErr(&err, "resolve the mention at %d of article %d as actor %d", start, articleID, actorID)
	return s.tx(ctx, func(tx *sql.Tx) error {
		var end sql.NullInt64
		if err := tx.QueryRowContext(ctx, `SELECT max(end) FROM mentions WHERE article_id = ? AND start = ?`, articleID, start).Scan(&end); err != nil {
			return err
		}
		if !end.Valid {
			return app.Errorf(app.ENOTFOUND, "Article #%d has no mention at character %d.", articleID, start)
		}
		if _, err := actor(ctx, tx, actorID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO mentions(article_id, actor_id, start, end, status) VALUES (?1, ?2, ?3, ?4, 'confirmed')
			ON CONFLICT (article_id, actor_id, start) DO UPDATE SET status = 'confirmed'`, articleID, actorID, start, end.Int64); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE mentions SET status = 'rejected' WHERE article_id = ? AND start = ? AND actor_id <> ?`,
			articleID, start, actorID); err != nil {
			return err
		}
		return s.relinkArticle(ctx, tx, articleID) // the choice may settle the name elsewhere in the article
	})
}
