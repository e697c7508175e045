package app

import "strings"

// Search result kinds (SearchHit.Kind).
const (
	HitArticle  = "article"
	HitActor    = "actor"
	HitNote     = "note"
	HitRelation = "relation"
)

// Snippet markers: a SearchHit's Snippet has each matched term between MatchStart and
// MatchEnd. They are control characters that never occur in filed text (STX and ETX), so
// a snippet can carry them without escaping; SnippetParts splits a snippet on them.
const (
	MatchStart = "\x02"
	MatchEnd   = "\x03"
)

// SnippetEllipsis marks text left out at either end of a snippet.
const SnippetEllipsis = "…"

// DefaultSearchLimit is how many hits of each kind Search returns when no Limit is given.
const DefaultSearchLimit = 50

// SearchQuery is what the search box (or `dossier search`) asks for.
//
// Text is the query language: bare words are all required (ANDed); "a phrase" in double
// quotes; AND, OR and NOT in capitals (NOT is binary: `army NOT navy`); word* for a prefix;
// parentheses group. When the text holds only bare words, the last word (of three letters
// or more) also matches as a prefix, so results come while the user is still typing it;
// in articles, a last word that is already a common word of its own is not extended (see
// db.Store.Search: "government" does not find "governmentality"; government* does). Text
// that cannot be read that way (an unbalanced quote, a lone NOT, stray symbols) is
// searched as plain words and the results say so (SearchResults.Plain); it is never an
// error. Case and diacritics are ignored: Ferrández finds Ferrandez and the reverse, Isik
// finds Işık (letters such as ı, ø, ł, đ are folded as mention linking folds them).
//
// Relations are found by their wording ("Donald Trump threatens Iraq": source, type label,
// target), the quotes of their evidence and their note; a query's terms may match in any
// of them: `"withdraw support" AND Iraq`.
//
// The filters narrow the articles, the notes to those attached to a matching article, and
// the relations to those quoted from one; they do not narrow the actors. Trashed articles,
// notes on them and their quotes are never found, nor relations with a trashed actor.
type SearchQuery struct {
	Text     string
	From, To Date   // publication date range, inclusive; a partial date is its period: To 2026-01 takes in 2026-01-31, and an article dated 2026-01 is in From 2026-01-15
	Source   string // outlet name, case-insensitive, exact
	Tag      string // one of the article's tags, case-insensitive, exact
	ActorID  int64  // only articles that mention this actor (a mention not rejected)
	Limit    int    // hits per group; 0 means DefaultSearchLimit
}

// HasFilters reports whether any filter narrows the articles.
func (q SearchQuery) HasFilters() bool {
	return q.From != "" || q.To != "" || strings.TrimSpace(q.Source) != "" || strings.TrimSpace(q.Tag) != "" || q.ActorID != 0
}

// SearchHit is one result.
type SearchHit struct {
	Kind    string  // HitArticle, HitActor, HitRelation or HitNote
	ID      int64   // the article's, actor's, relation's or note's id
	Title   string  // article title, actor name, a relation's wording ("Donald Trump threatens Iraq"), or for a note what it is attached to
	Snippet string  // the matching passage, matched terms between MatchStart and MatchEnd; Markdown of notes shown as text
	Date    Date    // article: publication date; relation: its (start) date; note: the day it was last edited
	Source  string  // article: outlet name; actor: kind label
	Rank    float64 // higher is better; comparable only within one group of one search, 0 in OrderFiled
	// ArticleID and ActorID say what to open: the article itself, the one a note is on, or
	// the first a relation is quoted from; the actor itself, the one a note is on, or a
	// relation's source.
	ArticleID, ActorID int64
}

// SearchOrder is how the article hits of a search are ordered.
type SearchOrder string

// Search orders.
const (
	OrderRelevance       SearchOrder = "relevance"        // best first among all matches
	OrderRecentRelevance SearchOrder = "recent relevance" // best first among the most recently filed matches
	OrderFiled           SearchOrder = "filed"            // the most recently filed matches, newest first
)

// SearchResults are the hits of one search, grouped by kind, each group best first.
type SearchResults struct {
	Articles, Actors, Relations, Notes []SearchHit
	// ArticleTotal is how many articles match in all, or -1 when that was not counted
	// (the count is skipped when it would cost more than the page itself).
	ArticleTotal int
	// Plain is true when Text could not be read as a query and was searched as plain words.
	Plain bool
	// Order says how the article group is ordered. A query that matches a large share of
	// a big project cannot be ranked in full in the time a keystroke allows, so its hits
	// are ranked among the most recently filed matches only, or are simply the most
	// recently filed matches (see db.Store.Search for the rule).
	Order SearchOrder
	// Recent is true when Order is not OrderRelevance: the GUI should say that the hits
	// are taken from the most recently filed matches.
	Recent bool
	// ArticleEstimate is an estimate of ArticleTotal when that was not counted, from a
	// sample of the most recently filed articles; 0 when ArticleTotal is known, or when no
	// estimate was made (the last word is still being typed).
	ArticleEstimate int
	// RelationsRecent is true when so many relations match that they were not ranked:
	// Relations are then the most recently recorded matches, newest first.
	RelationsRecent bool
	// Query is the full-text query that was run, in SQLite FTS5 syntax (for diagnostics).
	Query string
}

// Empty reports whether nothing was found.
func (r SearchResults) Empty() bool {
	return len(r.Articles) == 0 && len(r.Actors) == 0 && len(r.Relations) == 0 && len(r.Notes) == 0
}

// SnippetPart is a run of snippet text, matched or not.
type SnippetPart struct {
	Text  string
	Match bool
}

// SnippetParts splits a snippet into runs of plain and matched text, without the markers.
// Adjacent matched terms stay separate runs; an unclosed marker runs to the end.
func SnippetParts(snippet string) []SnippetPart {
	var out []SnippetPart
	match := false
	for snippet != "" {
		sep := MatchStart
		if match {
			sep = MatchEnd
		}
		i := strings.Index(snippet, sep)
		if i < 0 {
			i = len(snippet)
		}
		// A stray marker of the other kind is dropped, not shown.
		text := strings.NewReplacer(MatchStart, "", MatchEnd, "").Replace(snippet[:i])
		if text != "" {
			out = append(out, SnippetPart{Text: text, Match: match})
		}
		if i == len(snippet) {
			break
		}
		snippet = snippet[i+len(sep):]
		match = !match
	}
	return out
}

// SnippetText returns the snippet without markers, and the matched runs as [start, end)
// offsets into it counted in Unicode code points (runes), as JSON consumers count them.
func SnippetText(snippet string) (string, [][2]int) {
	var b strings.Builder
	var spans [][2]int
	n := 0
	for _, p := range SnippetParts(snippet) {
		l := len([]rune(p.Text))
		if p.Match {
			spans = append(spans, [2]int{n, n + l})
		}
		b.WriteString(p.Text)
		n += l
	}
	return b.String(), spans
}

// MarkSnippet returns the snippet with each match between open and close, e.g. "«" and "»".
func MarkSnippet(snippet, open, close string) string {
	var b strings.Builder
	for _, p := range SnippetParts(snippet) {
		if p.Match {
			b.WriteString(open + p.Text + close)
		} else {
			b.WriteString(p.Text)
		}
	}
	return b.String()
}
