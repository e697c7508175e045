package db

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"dossier/app"
)

// Full-text search: the search box's query language (see app.SearchQuery) is read here and
// turned into an FTS5 MATCH expression, the snippets are made in Go, and Search runs the
// query over articles_fts, actors_fts and notes_fts (migration 0002).

// ftsFolds are the letters that every full-text index holds folded (migration 0005), as
// app.Fold folds them: the tokenizer (unicode61 remove_diacritics 2) keeps them as they
// are, so without this Isik would not find Işık. The triggers make the same replacements
// in SQL (ftsFoldSQL writes them); the query text goes through ftsFold. Go and the
// migration must agree: TestSearchFoldsLikeMentions checks every Latin letter.
var ftsFolds = [][2]string{{"ı", "i"}, {"ø", "o"}, {"Ø", "O"}, {"ł", "l"}, {"Ł", "L"}, {"đ", "d"}, {"Đ", "D"}}

var ftsFolder = func() *strings.Replacer {
	var pairs []string
	for _, f := range ftsFolds {
		pairs = append(pairs, f[0], f[1])
	}
	return strings.NewReplacer(pairs...)
}()

// ftsFold makes in s the replacements the index makes in what it indexes.
func ftsFold(s string) string { return ftsFolder.Replace(s) }

// ftsFoldSQL is the SQL expression the triggers of migration 0005 index the SQL expression
// expr as.
func ftsFoldSQL(expr string) string {
	for _, f := range ftsFolds {
		expr = "replace(" + expr + ", '" + f[0] + "', '" + f[1] + "')"
	}
	return expr
}

// ftsQuery is a search box's text turned into an FTS5 MATCH expression.
type ftsQuery struct {
	expr   string // "" when there is nothing to search for
	plain  bool   // the text was not a valid query and was read as plain words
	leaves []leaf // every word and phrase of the expression, in order
	// exact is expr without the prefix added to the last word while typing; "" when none
	// was added. See completeWord.
	exact string
}

// leaf is one quoted term of the expression: a word or a phrase, folded into tokens as the
// FTS5 tokenizer splits it, possibly a prefix.
type leaf struct {
	tokens  []string
	prefix  bool // the last token matches as a prefix
	negated bool // on the right of a NOT: it must not match, so it is not highlighted
}

// parseQuery turns the query language of app.SearchQuery into an FTS5 expression that
// FTS5 always accepts: every term is quoted (so "al-Maliki" is the phrase "al maliki" and
// no word is read as FTS5 syntax), the operators are written out and groups bracketed.
// Text that the grammar refuses is read as plain words instead.
func parseQuery(text string) ftsQuery {
	// FTS5 reads its query as a C string: a NUL would end it inside a quoted term. Control
	// characters and invalid UTF-8 are no part of a word anyway.
	text = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return ' '
		}
		return r
	}, strings.ToValidUTF8(text, " "))
	text = ftsFold(text)
	toks, ok := lexQuery(text)
	if ok {
		if len(toks) == 0 {
			return ftsQuery{}
		}
		p := &queryParser{toks: toks}
		if p.onlyWords() {
			// Typing: every word required, the last one perhaps still being typed.
			return wordsQuery(toks)
		}
		if expr, ok := p.parse(); ok {
			return ftsQuery{expr: expr, leaves: p.leaves}
		}
	}
	q := plainQuery(text)
	q.plain = true
	return q
}

// minAutoPrefix is the shortest last word that is also matched as a prefix while typing.
// Shorter prefixes match much of the vocabulary and take FTS5 a pass over every article
// containing any of those words (150 ms and more at 100,000 articles): "ka" is searched
// as the word "ka" until a third letter is typed. An explicit ka* is still honoured.
const minAutoPrefix = 3

// wordsQuery ANDs bare words and lets the last one match as a prefix.
func wordsQuery(toks []queryToken) ftsQuery {
	var q ftsQuery
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = quoteTerm(t.text)
		q.leaves = append(q.leaves, leaf{tokens: foldTokens(t.text)})
	}
	q.expr = strings.Join(parts, " AND ")
	last := &q.leaves[len(q.leaves)-1]
	if utf8.RuneCountInString(last.tokens[len(last.tokens)-1]) >= minAutoPrefix {
		q.exact = q.expr
		q.expr += "*"
		last.prefix = true
	}
	return q
}

// plainQuery reads text as plain words: operators and symbols are dropped, the words
// that remain are all required and the last one matches as a prefix too.
func plainQuery(text string) ftsQuery {
	var toks []queryToken
	for _, f := range strings.FieldsFunc(text, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(`"()*`, r)
	}) {
		if f == "AND" || f == "OR" || f == "NOT" || !indexable(f) {
			continue
		}
		toks = append(toks, queryToken{kind: tokWord, text: f})
	}
	if len(toks) == 0 {
		return ftsQuery{}
	}
	return wordsQuery(toks)
}

// quoteTerm makes one FTS5 string of a word or phrase; the tokenizer splits it again.
func quoteTerm(s string) string {
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

// indexable reports whether s holds a character the FTS5 tokenizer keeps; a term without
// one would be an empty phrase.
func indexable(s string) bool {
	for _, r := range s {
		if isTokenRune(r) {
			return true
		}
	}
	return false
}

type tokenKind int

const (
	tokWord tokenKind = iota
	tokPhrase
	tokAnd
	tokOr
	tokNot
	tokOpen
	tokClose
)

type queryToken struct {
	kind   tokenKind
	text   string
	prefix bool // word* or "phrase"*
}

// lexQuery splits the text into tokens. It fails on an unbalanced quote, a phrase with no
// word in it, a * inside a word, and a word that does not start with a letter or digit
// ("-army", "+x", "^x", "*"): FTS5 would refuse those or read them as its own syntax.
func lexQuery(text string) ([]queryToken, bool) {
	var toks []queryToken
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		var t queryToken
		ok := true
		switch {
		case unicode.IsSpace(r):
			i += size
			continue
		case r == '(':
			t, i = queryToken{kind: tokOpen}, i+1
		case r == ')':
			t, i = queryToken{kind: tokClose}, i+1
		case r == '"':
			t, i, ok = lexPhrase(text, i)
		default:
			t, i, ok = lexWord(text, i)
		}
		if !ok {
			return nil, false
		}
		toks = append(toks, t)
	}
	return toks, true
}

// lexPhrase reads the quoted phrase (and its * of a prefix) at text[i], and returns it
// and where the next token starts; false for an unbalanced quote or a phrase of no word.
func lexPhrase(text string, i int) (queryToken, int, bool) {
	end := strings.IndexByte(text[i+1:], '"')
	if end < 0 {
		return queryToken{}, i, false
	}
	phrase := text[i+1 : i+1+end]
	i += end + 2
	if !indexable(phrase) {
		return queryToken{}, i, false
	}
	t := queryToken{kind: tokPhrase, text: phrase}
	if i < len(text) && text[i] == '*' {
		t.prefix = true
		i++
	}
	return t, i, true
}

// queryOperators are the words that are operators, not words to find.
var queryOperators = map[string]tokenKind{"AND": tokAnd, "OR": tokOr, "NOT": tokNot}

// lexWord reads the word or operator at text[i], and returns it and where the next token
// starts; false for a word that FTS5 would refuse or read as its own syntax.
func lexWord(text string, i int) (queryToken, int, bool) {
	end := strings.IndexFunc(text[i:], func(r rune) bool {
		return unicode.IsSpace(r) || r == '(' || r == ')' || r == '"'
	})
	if end < 0 {
		end = len(text) - i
	}
	w := text[i : i+end]
	i += end
	if kind, ok := queryOperators[w]; ok {
		return queryToken{kind: kind}, i, true
	}
	t := queryToken{kind: tokWord, text: w}
	if strings.HasSuffix(w, "*") {
		t.text, t.prefix = w[:len(w)-1], true
	}
	first, _ := utf8.DecodeRuneInString(t.text)
	if !isTokenRune(first) || strings.Contains(t.text, "*") {
		return queryToken{}, i, false
	}
	return t, i, true
}

// queryParser reads the grammar
//
//	or   = and { "OR" and }
//	and  = not { ["AND"] not }
//	not  = term { "NOT" term }
//	term = word | phrase | "(" or ")"
//
// which gives NOT the tightest binding and OR the loosest, as FTS5 does.
type queryParser struct {
	toks    []queryToken
	pos     int
	negated int // > 0 while reading the right side of a NOT
	leaves  []leaf
}

func (p *queryParser) onlyWords() bool {
	for _, t := range p.toks {
		if t.kind != tokWord || t.prefix {
			return false
		}
	}
	return true
}

func (p *queryParser) peek() (queryToken, bool) {
	if p.pos >= len(p.toks) {
		return queryToken{}, false
	}
	return p.toks[p.pos], true
}

func (p *queryParser) parse() (string, bool) {
	expr, ok := p.or()
	return expr, ok && p.pos == len(p.toks)
}

func (p *queryParser) or() (string, bool) {
	return p.chain(p.and, " OR ", func(t queryToken) (bool, bool) { return t.kind == tokOr, true })
}

func (p *queryParser) and() (string, bool) {
	return p.chain(p.not, " AND ", func(t queryToken) (bool, bool) {
		switch t.kind {
		case tokAnd:
			return true, true
		case tokWord, tokPhrase, tokOpen:
			return true, false // juxtaposition: an implicit AND
		}
		return false, false
	})
}

func (p *queryParser) not() (string, bool) {
	first, ok := p.term()
	if !ok {
		return "", false
	}
	expr := first
	for {
		t, more := p.peek()
		if !more || t.kind != tokNot {
			return expr, true
		}
		p.pos++
		p.negated++
		e, ok := p.term()
		p.negated--
		if !ok {
			return "", false
		}
		expr = "(" + expr + " NOT " + e + ")"
	}
}

// chain reads next { op next }. isOp says whether a token continues the chain and
// whether it is an operator to consume. Chains of two or more are bracketed so that the
// written expression means what the grammar read, whatever FTS5's own precedence.
func (p *queryParser) chain(next func() (string, bool), op string, isOp func(queryToken) (bool, bool)) (string, bool) {
	first, ok := next()
	if !ok {
		return "", false
	}
	parts := []string{first}
	for {
		t, more := p.peek()
		if !more {
			break
		}
		cont, consume := isOp(t)
		if !cont {
			break
		}
		if consume {
			p.pos++
		}
		e, ok := next()
		if !ok {
			return "", false
		}
		parts = append(parts, e)
	}
	if len(parts) == 1 {
		return first, true
	}
	return "(" + strings.Join(parts, op) + ")", true
}

func (p *queryParser) term() (string, bool) {
	t, ok := p.peek()
	if !ok {
		return "", false
	}
	p.pos++
	switch t.kind {
	case tokWord, tokPhrase:
		s := quoteTerm(t.text)
		if t.prefix {
			s += "*"
		}
		p.leaves = append(p.leaves, leaf{tokens: foldTokens(t.text), prefix: t.prefix, negated: p.negated > 0})
		return s, true
	case tokOpen:
		e, ok := p.or()
		if !ok {
			return "", false
		}
		if c, ok := p.peek(); !ok || c.kind != tokClose {
			return "", false
		}
		p.pos++
		return e, true
	}
	return "", false
}

// isTokenRune reports whether the FTS5 unicode61 tokenizer keeps r in a token: letters,
// numbers and private-use characters, and the combining marks it folds away.
func isTokenRune(r rune) bool {
	if r < 0x80 {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Co, r) || unicode.Is(unicode.Mn, r)
}

// textToken is a token of a text: its byte offsets and its folded form. An ASCII token is
// kept as written (ascii is set) and compared without regard to case: folding each of
// the thousands of words of a page of bodies would cost more than the search.
type textToken struct {
	start, end int
	folded     string
	ascii      bool
}

// is reports whether the token is the folded word w, or starts with it when prefix is set.
func (t textToken) is(w string, prefix bool) bool {
	if prefix {
		if len(t.folded) < len(w) {
			return false
		}
		if t.ascii {
			return strings.EqualFold(t.folded[:len(w)], w)
		}
		return strings.HasPrefix(t.folded, w)
	}
	if t.ascii {
		return len(t.folded) == len(w) && strings.EqualFold(t.folded, w)
	}
	return t.folded == w
}

// tokenize splits text as the FTS5 tokenizer 'unicode61 remove_diacritics 2' does, folding
// each token (case and diacritics) the way it does, so that Go can find where a query
// matched: the snippets are made here rather than by FTS5 (see makeSnippet).
func tokenize(text string) []textToken {
	return appendTokens(nil, text)
}

// appendTokens is tokenize appending to out, so that a page of snippets can reuse one
// slice: allocating it anew for each body was most of a snippet's cost.
func appendTokens(out []textToken, text string) []textToken {
	start := -1
	ascii := true
	for i, r := range text {
		if isTokenRune(r) {
			if start < 0 {
				start, ascii = i, true
			}
			ascii = ascii && r < 0x80
			continue
		}
		if start >= 0 {
			out = append(out, newToken(text, start, i, ascii))
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, newToken(text, start, len(text), ascii))
	}
	return out
}

func newToken(text string, start, end int, ascii bool) textToken {
	if ascii {
		return textToken{start, end, text[start:end], true}
	}
	return textToken{start, end, app.Fold(text[start:end]), false}
}

// foldTokens returns the folded tokens of a query's word or phrase.
func foldTokens(text string) []string {
	toks := tokenize(text)
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = app.Fold(t.folded)
	}
	return out
}

// tokenPool keeps token slices for makeSnippet.
var tokenPool = sync.Pool{New: func() any { b := make([]textToken, 0, 1024); return &b }}

// snippetTokens is how many tokens a snippet shows, about a line and a half of text.
const snippetTokens = 24

// makeSnippet returns the passage of text that best shows the query's matches, with each
// match between app.MatchStart and app.MatchEnd, its spacing flattened to single spaces and
// app.SnippetEllipsis where text was left out; ok is false when nothing in text matches,
// and the snippet is then the text's beginning.
//
// FTS5's snippet() would do the same, but it has to run the query again for every row it
// is called on: 5 to 60 ms for a page of 50 at 100,000 articles, more than the search
// itself. The best passage is the one that shows the most different terms, then the most
// matches; it starts a few tokens before its first match so that the match has context.
func makeSnippet(text string, leaves []leaf, size int) (snippet string, ok bool) {
	buf := tokenPool.Get().(*[]textToken)
	toks := appendTokens((*buf)[:0], text)
	defer func() { *buf = toks; tokenPool.Put(buf) }()
	marks := matchSpans(toks, leaves)
	if len(toks) == 0 {
		return "", false
	}
	start := 0
	if len(marks) > 0 {
		best := -1
		for _, m := range marks {
			ws := max(0, min(m.from-size/5, len(toks)-size))
			if sc := windowScore(marks, ws, ws+size); sc > best {
				best, start = sc, ws
			}
		}
	}
	end := min(len(toks), start+size)
	var b strings.Builder
	if start > 0 {
		b.WriteString(app.SnippetEllipsis)
	}
	pos := toks[start].start
	for _, m := range marks {
		if m.to <= start || m.from >= end {
			continue
		}
		from, to := max(m.from, start), min(m.to, end)
		writeFlat(&b, text[pos:toks[from].start])
		b.WriteString(app.MatchStart)
		writeFlat(&b, text[toks[from].start:toks[to-1].end])
		b.WriteString(app.MatchEnd)
		pos = toks[to-1].end
	}
	stop := toks[end-1].end
	if end < len(toks) {
		b.WriteString(strings.TrimRightFunc(flat(text[pos:stop]), unicode.IsSpace))
		b.WriteString(app.SnippetEllipsis)
	} else {
		b.WriteString(strings.TrimRightFunc(flat(text[pos:]), unicode.IsSpace))
	}
	return b.String(), len(marks) > 0
}

// matchSpan is a run of tokens [from, to) that matched one leaf of the query.
type matchSpan struct{ from, to, leaf int }

// matchSpans finds where the query's leaves (but not the negated ones) match the tokens,
// merging overlapping matches (adjacent ones stay apart); the result is in text order.
func matchSpans(toks []textToken, leaves []leaf) []matchSpan {
	var out []matchSpan
	for i := range toks {
		for li, l := range leaves {
			if l.negated || len(l.tokens) == 0 || i+len(l.tokens) > len(toks) {
				continue
			}
			if leafMatches(toks[i:], l) {
				to := i + len(l.tokens)
				if n := len(out); n > 0 && out[n-1].to > i {
					out[n-1].to = max(out[n-1].to, to)
					continue
				}
				out = append(out, matchSpan{i, to, li})
			}
		}
	}
	return out
}

func leafMatches(toks []textToken, l leaf) bool {
	last := len(l.tokens) - 1
	for j, w := range l.tokens {
		if !toks[j].is(w, j == last && l.prefix) {
			return false
		}
	}
	return true
}

// windowScore scores the passage of tokens [from, to): the number of different leaves
// matched in it, then the number of matches.
func windowScore(marks []matchSpan, from, to int) int {
	var seen [64]bool // leaves past 64 count as matches only
	distinct, n := 0, 0
	for _, m := range marks {
		if m.from >= from && m.to <= to {
			if m.leaf < len(seen) && !seen[m.leaf] {
				seen[m.leaf] = true
				distinct++
			}
			n++
		}
	}
	return distinct*1000 + n
}

// flat turns every run of white space (line breaks included) into one space.
func flat(s string) string {
	var b strings.Builder
	writeFlat(&b, s)
	return b.String()
}

func writeFlat(b *strings.Builder, s string) {
	space := false
	for _, r := range s {
		if r == 0x02 || r == 0x03 { // the markers' characters, should a text hold them
			continue
		}
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	if space {
		b.WriteByte(' ')
	}
}

// Search runs a full-text query over articles, actors, relations and notes; see app.SearchQuery for
// the query language and the filters. A query that cannot be parsed is searched as plain
// words (Plain is set), never refused. The context cancels the search: the GUI cancels the
// previous search at each keystroke.
//
// Articles are ranked by bm25 with the title weighted 5, the body 1 and the article's notes
// 2, unless the query is too broad to rank in the time a keystroke allows; see planArticles.
func (s *Store) Search(ctx context.Context, q app.SearchQuery) (_ app.SearchResults, err error) {
	defer wrapErr(&err, "search %+v", q)
	fq := parseQuery(q.Text)
	res := app.SearchResults{Plain: fq.plain, Query: fq.expr, Order: app.OrderRelevance}
	if fq.expr == "" {
		return res, nil
	}
	if q.Limit <= 0 {
		q.Limit = app.DefaultSearchLimit
	}
	// completed is the query with its last word's prefix dropped when that word is common
	// (see completeWord): relations can be as many as articles, so they search with it.
	completed, err := s.searchArticles(ctx, fq, q, &res)
	if err != nil {
		return res, err
	}
	if res.Actors, err = s.searchActors(ctx, fq, q.Limit); err != nil {
		return res, err
	}
	if res.Relations, res.RelationsRecent, err = s.searchRelations(ctx, completed, q); err != nil {
		return res, err
	}
	res.Notes, err = s.searchNotes(ctx, fq, q)
	return res, err
}

// SearchCount counts every article the query finds, with its filters. It can take a
// tenth of a second or more for a query that matches most of a large project: the GUI
// runs it after showing the first page, when SearchResults.ArticleTotal is -1.
func (s *Store) SearchCount(ctx context.Context, q app.SearchQuery) (_ int, err error) {
	defer wrapErr(&err, "count search hits %+v", q)
	fq := parseQuery(q.Text)
	if fq.expr == "" {
		return 0, nil
	}
	maxID, err := s.maxArticleID(ctx)
	if err != nil {
		return 0, err
	}
	if fq, _, err = s.completeWord(ctx, fq, maxID); err != nil {
		return 0, err
	}
	from, where, args := articleSource(q)
	var n int
	err = s.db.QueryRowContext(ctx, `SELECT count(*) FROM `+from+` WHERE articles_fts MATCH ? AND `+where,
		append([]any{fq.expr}, args...)...).Scan(&n)
	return n, mapError(err)
}

// articleFilter returns the SQL condition that the article whose id is the expression id
// passes the query's filters, with its arguments; trashed articles never pass. The
// conditions read indexes only (articles_date, mentions_actor), except those on the source
// and the tag, which need the article's row as a: row reports whether the caller must join
// it. Reading an article's row costs a page (4 KB, most of it body) per match, which is
// what a broad query cannot afford; the date range is read from the articles_date index
// instead, as a list of ids, once.
func articleFilter(q app.SearchQuery, id string) (where string, args []any, row bool) {
	src, tag := strings.TrimSpace(q.Source), strings.TrimSpace(q.Tag)
	row = src != "" || tag != ""
	var conds []string
	switch {
	case q.From != "" || q.To != "":
		// A partial date is a period, which passes when it overlaps the range. "~" sorts
		// after the digits and "-", so d+"~" is the end of d's period: 2026-01 passes From
		// 2026-01-15 (2026-01~ >= 2026-01-15), and a partial To takes in its whole month or
		// year (2026-01-31 <= 2026-01~). Unknown dates ("") never pass. The year bound lets
		// the index do the work; the exact test follows.
		from, to := string(q.From), string(q.To)+"~"
		if q.To == "" {
			to = "~"
		}
		if from == "" {
			from = "0"
		}
		conds = append(conds, "+"+id+" IN (SELECT id FROM articles WHERE deleted = '' AND date >= ? AND date <= ? AND date || '~' >= ?)")
		args = append(args, from[:min(4, len(from))], to, from)
	case row:
		conds = append(conds, "a.deleted = ''")
	default:
		// The ones in the trash, few, from the index: no article row is read.
		conds = append(conds, "+"+id+" NOT IN (SELECT id FROM articles WHERE deleted > '')")
	}
	if src != "" {
		conds = append(conds, "a.outlet_id = (SELECT id FROM outlets WHERE folded = ?)")
		args = append(args, app.Fold(src))
	}
	if tag != "" {
		conds = append(conds, `(char(10) || a.tags || char(10)) LIKE ? ESCAPE '\'`)
		args = append(args, "%\n"+likeEscape(tag)+"\n%")
	}
	if q.ActorID != 0 {
		// A probe of the index per match rather than a list of all the actor's articles:
		// the busiest actor is in 30,000 articles, and a first page reads far fewer matches.
		conds = append(conds, "EXISTS (SELECT 1 FROM mentions WHERE actor_id = ? AND article_id = "+id+" AND status <> 'rejected')")
		args = append(args, q.ActorID)
	}
	return strings.Join(conds, " AND "), args, row
}

// articleSource is the FROM clause of a query over articles_fts with the filters of q: the
// article's row is joined only when a filter needs it.
func articleSource(q app.SearchQuery) (from, where string, args []any) {
	where, args, row := articleFilter(q, "articles_fts.rowid")
	from = "articles_fts"
	if row {
		from += " JOIN articles a ON a.id = articles_fts.rowid"
	}
	return from, where, args
}

// maxArticleID is the newest article's id, the size of the project for the planner.
func (s *Store) maxArticleID(ctx context.Context) (int64, error) {
	var id int64
	err := s.db.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM articles`).Scan(&id)
	return id, mapError(err)
}

// completeWord looks at the last word, matched as a prefix while typing (see wordsQuery),
// and says what it is:
//
//   - a word in at least 1% of the newest articles: a word in its own right. The prefix is
//     dropped: its longer forms would add little to what it finds while costing much, as
//     FTS5 reads every posting of a prefix before it returns its first row, and again for
//     each pass of bm25 ("government*" takes 5–20 ms at 100,000 articles, "government"
//     0.1 ms, with no early stop).
//   - a word found in some article: kept as a prefix, and the query is planned as usual.
//   - no word of any article: a word still being typed (typing is true). Its prefix may be
//     short and common ("sen" is the start of some 400 words in the synthetic project, 100
//     to 600 ms a pass), so the planner's sample is skipped and the newest matches are
//     shown until the word is complete.
//
// Actors and notes are few: they always keep the prefix.
func (s *Store) completeWord(ctx context.Context, fq ftsQuery, maxID int64) (out ftsQuery, typing bool, err error) {
	if fq.exact == "" || maxID <= int64(sampleSize) {
		return fq, false, nil
	}
	last := quoteTerm(strings.Join(fq.leaves[len(fq.leaves)-1].tokens, " "))
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ? AND rowid > ?`,
		last, maxID-int64(sampleSize)).Scan(&n); err != nil {
		return fq, false, mapError(err)
	}
	if n == 0 {
		err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? LIMIT 1)`, last).Scan(&n)
		if err != nil {
			return fq, false, mapError(err)
		}
		return fq, n == 0, nil
	}
	if n*100 < sampleSize {
		return fq, false, nil
	}
	out = fq
	out.expr, out.exact = fq.exact, ""
	out.leaves = slices.Clone(fq.leaves)
	out.leaves[len(out.leaves)-1].prefix = false
	return out, false, nil
}

// The planner's settings, in units of about one posting (one article's entry for one word)
// decoded by FTS5, some 0.05 µs with modernc; see planArticles and the benchmarks. They
// are variables so that tests can try the plans on a small project.
var (
	sampleSize    = 1000    // the newest articles the planner samples
	rankWindow    = 1000    // how many of the newest matches OrderRecentRelevance ranks
	budget        = 300_000 // the most a plan may cost to be chosen (about 15 ms)
	rowWork       = 25      // bm25's work per ranked article
	phraseFactor  = 3       // a phrase's postings cost more: their positions are compared
	prefixFactor  = 4       // a prefix's postings cost more: FTS5 merges its words' lists first
	trashWork     = 1       // checking that a match is not in the trash, from an index
	indexFilter   = 6       // checking a date or actor filter, from an index
	rowFilterWork = 40      // checking a source or tag filter, from the article's row
)

// articlePlan is how the article group will be found.
type articlePlan struct {
	order    app.SearchOrder
	estimate int // estimated matches, with the filters
}

// planArticles chooses how to order the article hits. bm25 needs a pass over every
// posting of each word of the query (to weigh rare words above common ones) and then
// work for every match it ranks: a word in most of 100,000 articles takes 5–10 ms a pass,
// and ranking all its matches over 100 ms. So the planner estimates the work from the
// newest sampleSize articles, a count per word (a fraction of a millisecond each), and
// chooses the first plan whose estimate is within budget:
//
//   - OrderRelevance, bm25 over every match;
//   - OrderRecentRelevance, bm25 over the newest rankWindow matches only: a broad query
//     on few words, such as one common word;
//   - OrderFiled otherwise, the newest matches without ranking: a phrase of very common
//     words, many common words, a short prefix, or a broad query narrowed by a filter that
//     few of its matches pass. Such a query's words are in most articles, so bm25 would
//     weigh them all near zero: its ranking would mean little anyway.
//
// Matches come newest first from FTS5 at no cost, which is why the fallbacks take the
// newest: the first page of a broad query then costs about as much as that of a rare one.
func (s *Store) planArticles(ctx context.Context, fq ftsQuery, q app.SearchQuery, maxID int64) (articlePlan, error) {
	if maxID <= int64(sampleSize) {
		return articlePlan{order: app.OrderRelevance}, nil
	}
	sm := &matchSampler{s: s, floor: maxID - int64(sampleSize), scale: float64(maxID) / float64(sampleSize), counts: map[string]float64{}}
	idf, merge, err := sm.postingWork(ctx, fq)
	if err != nil {
		return articlePlan{}, err
	}
	matches, err := sm.count(ctx, fq.expr)
	if err != nil {
		return articlePlan{}, err
	}
	passing, filter := matches, float64(trashWork)
	if q.HasFilters() {
		if passing, filter, err = sm.filtered(ctx, fq, q); err != nil {
			return articlePlan{}, err
		}
	}
	plan := articlePlan{estimate: int(passing)}
	// The matches read to find the newest rankWindow that pass the filters, twice: once
	// to find where the window starts, once to rank it.
	scan := matches
	if passing > 0 {
		scan = min(matches, float64(rankWindow)*matches/passing)
	}
	all := 2*idf + matches*filter + passing*float64(rowWork)
	recent := idf + 2*merge + 2*scan*(1+filter) + float64(min(rankWindow, int(passing))*rowWork)
	switch {
	case all <= float64(budget):
		plan.order = app.OrderRelevance
	case recent <= float64(budget):
		plan.order = app.OrderRecentRelevance
	default:
		plan.order = app.OrderFiled
	}
	return plan, nil
}

// matchSampler estimates how many articles match an FTS5 expression from the newest
// sampleSize (those above floor), scaled to the whole project; each expression is counted once.
type matchSampler struct {
	s      *Store
	floor  int64
	scale  float64
	counts map[string]float64
}

// count is the estimated number of articles matching expr.
func (sm *matchSampler) count(ctx context.Context, expr string) (float64, error) {
	if n, ok := sm.counts[expr]; ok {
		return n, nil
	}
	var n int
	err := sm.s.db.QueryRowContext(ctx, `SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ? AND rowid > ?`, expr, sm.floor).Scan(&n)
	sm.counts[expr] = float64(n) * sm.scale
	return sm.counts[expr], mapError(err)
}

// postingWork returns idf, the work of one pass over the query's postings, and merge, the
// part of it that prefixes cost on every evaluation, since FTS5 cannot stop early on them.
func (sm *matchSampler) postingWork(ctx context.Context, fq ftsQuery) (idf, merge float64, err error) {
	for _, l := range fq.leaves {
		work := 0.0
		for i, t := range l.tokens {
			expr := quoteTerm(t)
			prefix := l.prefix && i == len(l.tokens)-1
			if prefix {
				expr += "*"
			}
			n, err := sm.count(ctx, expr)
			if err != nil {
				return 0, 0, err
			}
			if prefix {
				n *= float64(prefixFactor)
				merge += n
			}
			work += n
		}
		if len(l.tokens) > 1 {
			work *= float64(phraseFactor)
		}
		idf += work
	}
	return idf, merge, nil
}

// filtered returns the estimated matches that pass q's filters and the work of filtering
// one match (more when the filter joins another table).
func (sm *matchSampler) filtered(ctx context.Context, fq ftsQuery, q app.SearchQuery) (passing, filter float64, err error) {
	from, where, args := articleSource(q)
	var n int
	err = sm.s.db.QueryRowContext(ctx, `SELECT count(*) FROM `+from+`
		WHERE articles_fts MATCH ? AND articles_fts.rowid > ? AND `+where, append([]any{fq.expr, sm.floor}, args...)...).Scan(&n)
	if err != nil {
		return 0, 0, mapError(err)
	}
	filter = float64(indexFilter)
	if strings.Contains(from, "JOIN") {
		filter = float64(rowFilterWork)
	}
	return float64(n) * sm.scale, filter, nil
}

// articleWeights are bm25's weights of articles_fts's columns: title, body, notes.
const articleWeights = `5.0, 1.0, 2.0`

func (s *Store) searchArticles(ctx context.Context, fq ftsQuery, q app.SearchQuery, res *app.SearchResults) (used ftsQuery, err error) {
	maxID, err := s.maxArticleID(ctx)
	if err != nil {
		return fq, err
	}
	fq, typing, err := s.completeWord(ctx, fq, maxID)
	if err != nil {
		return fq, err
	}
	res.Query = fq.expr
	plan := articlePlan{order: app.OrderFiled}
	if !typing {
		if plan, err = s.planArticles(ctx, fq, q, maxID); err != nil {
			return fq, err
		}
	}
	page, err := s.articlePage(ctx, fq, q, plan.order)
	if err != nil {
		return fq, err
	}
	res.Order, res.Recent, res.ArticleTotal = page.order, page.order != app.OrderRelevance, -1
	switch {
	case page.order == app.OrderRelevance:
		res.ArticleTotal = page.total
	case len(page.ids) < q.Limit && page.order == app.OrderFiled:
		res.ArticleTotal = len(page.ids) // every match is on the page
	case plan.estimate > 0: // none while a word is being typed
		res.ArticleEstimate = max(plan.estimate, len(page.ids))
	}
	res.Articles, err = s.articleHits(ctx, fq, page.ids, page.ranks)
	return fq, err
}

// articlePage is the ids of a page of article hits, best first, with their ranks.
type articlePage struct {
	ids   []int64
	ranks []float64
	total int             // every match, when order is OrderRelevance
	order app.SearchOrder // the order planned, or OrderRelevance when the window held every match
}

func (s *Store) articlePage(ctx context.Context, fq ftsQuery, q app.SearchQuery, order app.SearchOrder) (articlePage, error) {
	page := articlePage{order: order}
	from, where, fargs := articleSource(q)
	floor := int64(0)
	if order == app.OrderRecentRelevance {
		// The rowid of the rankWindow-th newest match; none means they all fit.
		err := s.db.QueryRowContext(ctx, `SELECT articles_fts.rowid FROM `+from+`
			WHERE articles_fts MATCH ? AND `+where+` ORDER BY articles_fts.rowid DESC LIMIT 1 OFFSET ?`,
			append(append([]any{fq.expr}, fargs...), max(rankWindow, q.Limit)-1)...).Scan(&floor)
		if errors.Is(err, sql.ErrNoRows) {
			page.order = app.OrderRelevance
		} else if err != nil {
			return page, mapError(err)
		}
	}
	query := `SELECT articles_fts.rowid, 0, -1 FROM ` + from + `
		WHERE articles_fts MATCH ? AND articles_fts.rowid >= ? AND ` + where + `
		ORDER BY articles_fts.rowid DESC LIMIT ?`
	if page.order != app.OrderFiled {
		// The window count is every match's: ranking has read them all anyway. bm25
		// cannot be called where a window function is, hence the subquery.
		query = `SELECT id, rk, count(*) OVER () FROM (
				SELECT articles_fts.rowid AS id, -bm25(articles_fts, ` + articleWeights + `) AS rk
				FROM ` + from + `
				WHERE articles_fts MATCH ? AND articles_fts.rowid >= ? AND ` + where + `
			) ORDER BY rk DESC, id DESC LIMIT ?`
	}
	rows, err := s.db.QueryContext(ctx, query, append(append([]any{fq.expr, floor}, fargs...), q.Limit)...)
	if err != nil {
		return page, mapError(err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var rk float64
		if err := rows.Scan(&id, &rk, &page.total); err != nil {
			return page, mapError(err)
		}
		page.ids, page.ranks = append(page.ids, id), append(page.ranks, rk)
	}
	return page, mapError(rows.Err())
}

// articleHits reads the hits' articles and makes their snippets: from the body, or from the
// article's notes or its title when only they match.
func (s *Store) articleHits(ctx context.Context, fq ftsQuery, ids []int64, ranks []float64) ([]app.SearchHit, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err := s.db.QueryContext(ctx, `SELECT a.id, a.title, coalesce(o.name, ''), a.date, a.notes, a.body
		FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id
		WHERE a.id IN (?`+strings.Repeat(",?", len(ids)-1)+`)`, args...)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	byID := make(map[int64]app.SearchHit, len(ids))
	for rows.Next() {
		h := app.SearchHit{Kind: app.HitArticle}
		var date, notes, body string
		if err := rows.Scan(&h.ID, &h.Title, &h.Source, &date, &notes, &body); err != nil {
			return nil, mapError(err)
		}
		h.Date, h.ArticleID = app.Date(date), h.ID
		h.Snippet = firstSnippet(fq.leaves, body, app.MarkdownText(notes), h.Title)
		byID[h.ID] = h
	}
	if err := rows.Err(); err != nil {
		return nil, mapError(err)
	}
	out := make([]app.SearchHit, 0, len(ids))
	for i, id := range ids {
		if h, ok := byID[id]; ok {
			h.Rank = ranks[i]
			out = append(out, h)
		}
	}
	return out, nil
}

// firstSnippet returns the snippet of the first text that matches, or the first text's
// beginning when none does (the match was in a field not shown, or a NOT query).
func firstSnippet(leaves []leaf, texts ...string) string {
	first := ""
	for i, t := range texts {
		if t == "" {
			continue
		}
		snip, ok := makeSnippet(t, leaves, snippetTokens)
		if ok {
			return snip
		}
		if i == 0 || first == "" {
			first = snip
		}
	}
	return first
}

// actorWeights are bm25's weights of actors_fts's columns: name, aliases, description, notes.
const actorWeights = `10.0, 8.0, 2.0, 1.0`

func (s *Store) searchActors(ctx context.Context, fq ftsQuery, limit int) ([]app.SearchHit, error) {
	// The text shown is read from the tables: actors_fts holds it folded (migration 0005).
	rows, err := s.db.QueryContext(ctx, `SELECT a.id, -bm25(actors_fts, `+actorWeights+`) AS rk, a.kind, a.name,
			coalesce((SELECT group_concat(text, char(10)) FROM (SELECT text FROM aliases WHERE actor_id = a.id AND is_name = 0 ORDER BY id)), ''),
			a.description, a.notes
		FROM actors_fts JOIN actors a ON a.id = actors_fts.rowid
		WHERE actors_fts MATCH ? AND a.deleted = ''
		ORDER BY rk DESC, a.name COLLATE NOCASE LIMIT ?`, fq.expr, limit)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	var out []app.SearchHit
	for rows.Next() {
		h := app.SearchHit{Kind: app.HitActor}
		var kind, aliases, desc, notes string
		if err := rows.Scan(&h.ID, &h.Rank, &kind, &h.Title, &aliases, &desc, &notes); err != nil {
			return nil, mapError(err)
		}
		h.Source, h.ActorID = app.ActorKind(kind).Label(), h.ID
		h.Snippet = firstSnippet(fq.leaves, h.Title, strings.ReplaceAll(aliases, "\n", "; "), desc, app.MarkdownText(notes))
		out = append(out, h)
	}
	return out, mapError(rows.Err())
}

func (s *Store) searchNotes(ctx context.Context, fq ftsQuery, q app.SearchQuery) ([]app.SearchHit, error) {
	where := "(n.article_id IS NULL OR a.deleted = '')"
	var args []any
	if q.HasFilters() {
		var fargs []any
		where, fargs, _ = articleFilter(q, "n.article_id")
		where = "n.article_id IS NOT NULL AND " + where
		args = append(args, fargs...)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT n.id, -bm25(notes_fts, `+noteWeights+`) AS rk, n.title, n.body, n.updated,
			coalesce(n.article_id, 0), coalesce(n.actor_id, rel.source_id, 0),
			coalesce(a.title, ac.name, src.name || ' – ' || coalesce(t.label, rel.type) || ' – ' || dst.name, '')
		FROM notes_fts JOIN notes n ON n.id = notes_fts.rowid
		LEFT JOIN articles a ON a.id = n.article_id
		LEFT JOIN actors ac ON ac.id = n.actor_id
		LEFT JOIN relations rel ON rel.id = n.relation_id
		LEFT JOIN actors src ON src.id = rel.source_id
		LEFT JOIN actors dst ON dst.id = rel.target_id
		LEFT JOIN relation_types t ON t.key = rel.type
		WHERE notes_fts MATCH ? AND `+where+`
		ORDER BY rk DESC, n.id DESC LIMIT ?`, append(append([]any{fq.expr}, args...), q.Limit)...)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	var out []app.SearchHit
	seen := map[int64]bool{}
	for rows.Next() {
		h := app.SearchHit{Kind: app.HitNote}
		var title, body, updated string
		if err := rows.Scan(&h.ID, &h.Rank, &title, &body, &updated, &h.ArticleID, &h.ActorID, &h.Title); err != nil {
			return nil, mapError(err)
		}
		if h.ArticleID == 0 && h.ActorID == 0 { // a standalone note is shown by its own heading
			h.Title = app.Note{Title: title, Body: body}.Heading()
		}
		h.Snippet = firstSnippet(fq.leaves, app.MarkdownText(app.LinksAsText(body)), title)
		if t := parseTime(updated); !t.IsZero() {
			h.Date = app.DateOf(t)
		}
		seen[h.ID] = true
		out = append(out, h)
	}
	if err := rows.Err(); err != nil {
		return nil, mapError(err)
	}
	rows.Close()
	if q.HasFilters() || len(out) >= q.Limit {
		return out, nil
	}
	more, err := s.searchNoteLinks(ctx, fq, seen, q.Limit-len(out))
	return append(out, more...), err
}

// noteWeights are bm25's weights of notes_fts's columns: title, body, tags.
const noteWeights = `5.0, 1.0, 2.0`

// linkedActorCap is how many actors matching a query the notes linking to them are
// looked for: "notes about Maliki" wants Maliki, not every actor with a common word.
const linkedActorCap = 20

// searchNoteLinks finds the notes that link to an actor the query names (by its name or
// an alias) without holding the query's words themselves: "maliki" finds a note that
// says [[the former prime minister]] when that is one of his aliases. They follow the
// notes found by their words, the most recently edited first.
func (s *Store) searchNoteLinks(ctx context.Context, fq ftsQuery, seen map[int64]bool, room int) ([]app.SearchHit, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT a.uuid, a.name FROM actors_fts JOIN actors a ON a.id = actors_fts.rowid
		WHERE actors_fts MATCH ? AND a.deleted = '' ORDER BY rank LIMIT ?`, "{name aliases} : ("+fq.expr+")", linkedActorCap)
	if err != nil {
		return nil, mapError(err)
	}
	names := map[string]string{}
	var ids []any
	for rows.Next() {
		var id, name string
		if err := rows.Scan(&id, &name); err != nil {
			rows.Close()
			return nil, mapError(err)
		}
		names[id] = name
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(ids) == 0 {
		return nil, mapError(err)
	}
	rows, err = s.db.QueryContext(ctx, `SELECT n.id, n.title, n.body, n.updated, coalesce(n.article_id, 0), coalesce(n.actor_id, rel.source_id, 0),
			coalesce(a.title, ac.name, src.name || ' – ' || coalesce(t.label, rel.type) || ' – ' || dst.name, ''),
			(SELECT l.uuid FROM note_links l WHERE l.note_id = n.id AND l.uuid IN (SELECT value FROM json_each(?1)) ORDER BY l.start LIMIT 1)
		FROM notes n
		LEFT JOIN articles a ON a.id = n.article_id
		LEFT JOIN actors ac ON ac.id = n.actor_id
		LEFT JOIN relations rel ON rel.id = n.relation_id
		LEFT JOIN actors src ON src.id = rel.source_id
		LEFT JOIN actors dst ON dst.id = rel.target_id
		LEFT JOIN relation_types t ON t.key = rel.type
		WHERE n.id IN (SELECT note_id FROM note_links WHERE uuid IN (SELECT value FROM json_each(?1)))
			AND (n.article_id IS NULL OR a.deleted = '')
		ORDER BY n.updated DESC, n.id DESC LIMIT ?2`, jsonStrings(ids), room+len(seen))
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	var out []app.SearchHit
	for rows.Next() {
		h := app.SearchHit{Kind: app.HitNote}
		var title, body, updated, target string
		if err := rows.Scan(&h.ID, &title, &body, &updated, &h.ArticleID, &h.ActorID, &h.Title, &target); err != nil {
			return nil, mapError(err)
		}
		if seen[h.ID] || len(out) >= room {
			continue
		}
		if h.ArticleID == 0 && h.ActorID == 0 {
			h.Title = app.Note{Title: title, Body: body}.Heading()
		}
		h.Snippet = firstSnippet(fq.leaves, "links to "+names[target])
		if t := parseTime(updated); !t.IsZero() {
			h.Date = app.DateOf(t)
		}
		out = append(out, h)
	}
	return out, mapError(rows.Err())
}

// relationRankMax is how many matching relations the search ranks at most; see searchRelations.
var relationRankMax = 500

// relationWeights are bm25's weights of relations_fts's columns: wording, quotes, note.
const relationWeights = `4.0, 2.0, 1.0`

// searchRelations finds relations by their wording ("Donald Trump threatens Iraq"), the
// quotes of their evidence and their note (relations_fts, migration 0005). Relations with
// an actor in the trash are left out. The filters narrow them, as they narrow notes, to
// those backed by a matching article.
func (s *Store) searchRelations(ctx context.Context, fq ftsQuery, q app.SearchQuery) (hits []app.SearchHit, recent bool, err error) {
	where := "s.deleted = '' AND d.deleted = ''"
	var args []any
	if q.HasFilters() {
		fwhere, fargs, _ := articleFilter(q, "e.article_id")
		where += " AND EXISTS (SELECT 1 FROM evidence e JOIN articles a ON a.id = e.article_id WHERE e.relation_id = r.id AND " + fwhere + ")"
		args = append(args, fargs...)
	}
	// bm25 must read every match before the first is returned: a query on words in most
	// quotes of a project with 100,000 relations would take 400 ms. Past relationRankMax
	// matches, the newest relations are listed instead (rank 0), at once, and recent says so.
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM relations_fts WHERE relations_fts MATCH ? LIMIT ?)`,
		fq.expr, relationRankMax).Scan(&n); err != nil {
		return nil, false, mapError(err)
	}
	rank, order := `-bm25(relations_fts, `+relationWeights+`)`, "rk DESC, r.id DESC"
	if recent = n >= relationRankMax; recent {
		rank, order = "0", "relations_fts.rowid DESC"
	}
	// The text shown is read from the tables: relations_fts holds it folded.
	rows, err := s.db.QueryContext(ctx, `SELECT r.id, `+rank+` AS rk,
			s.name || ' ' || coalesce(t.label, r.type) || ' ' || d.name, r.start, r.note, r.source_id,
			coalesce((SELECT group_concat(quote, char(10)) FROM (SELECT e.quote FROM evidence e WHERE e.relation_id = r.id
				AND e.quote <> '' AND e.article_id NOT IN (SELECT id FROM articles WHERE deleted > '') ORDER BY e.id)), ''),
			coalesce((SELECT e.article_id FROM evidence e WHERE e.relation_id = r.id
				AND e.article_id NOT IN (SELECT id FROM articles WHERE deleted > '') ORDER BY e.id LIMIT 1), 0)
		FROM relations_fts JOIN relations r ON r.id = relations_fts.rowid
		JOIN actors s ON s.id = r.source_id JOIN actors d ON d.id = r.target_id
		LEFT JOIN relation_types t ON t.key = r.type
		WHERE relations_fts MATCH ? AND `+where+`
		ORDER BY `+order+` LIMIT ?`, append(append([]any{fq.expr}, args...), q.Limit)...)
	if err != nil {
		return nil, false, mapError(err)
	}
	defer rows.Close()
	var out []app.SearchHit
	for rows.Next() {
		h := app.SearchHit{Kind: app.HitRelation}
		var start, note, quotes string
		if err := rows.Scan(&h.ID, &h.Rank, &h.Title, &start, &note, &h.ActorID, &quotes, &h.ArticleID); err != nil {
			return nil, false, mapError(err)
		}
		h.Date = app.Date(start)
		// A quote or the note says more than the wording, which is the hit's title.
		h.Snippet = firstSnippet(fq.leaves, strings.ReplaceAll(quotes, "\n", " … "), app.MarkdownText(note), h.Title)
		out = append(out, h)
	}
	return out, recent, mapError(rows.Err())
}
