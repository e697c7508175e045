package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"dossier/app"
)

const searchSynopsis = "search [--db FILE] [--read-only] [--json] [--limit N] [--from DATE] [--to DATE] [--source S] [--tag T] [--actor NAME] QUERY..."

const searchAbout = `Searches the articles (title, text and notes), the actors (names, aliases,
description and notes), the relations (their wording such as "Donald Trump threatens
Iraq", the quotes of their evidence and their note) and the notes, and prints the hits
grouped in that order, best first. Case and accents are ignored: Ferrández finds
Ferrandez, Isik finds Işık, and the reverse.

QUERY is one or more words (quote the whole query for your shell when it holds quotes
or brackets):
  withdraw support         both words, anywhere; the last also as a prefix (supp finds support)
  "withdraw support"       the phrase
  Maliki OR Sudani         either; AND is also accepted; NOT excludes: army NOT navy
  negotiat*                a prefix
  (Iran OR Iraq) AND oil   brackets group
  "withdraw support" AND Iraq   the terms may match in different parts of a relation
A query that cannot be read that way (an unbalanced quote, a lone NOT) is searched as
plain words, and a note on standard error says so.

The filters narrow the articles, the notes to those on a matching article and the
relations to those quoted from one; the actors are not filtered. Dates may be partial: --to 2026-01 includes 31 January, and an
article dated only 2026-01 is found --from 2026-01-15. Trashed articles are never found. When a query matches a large share of a big project, its
article hits are ranked among the most recently filed matches only, or are the most
recently filed matches; the heading says which.

Text output: a heading per group, then per hit a line of tab-separated fields
  articles  #id, date, source, title
  actors    #id, name, kind
  relations #id, wording, date
  notes     #id, what the note is on, date
and an indented line with the matching passage (notes shown as text, without their
Markdown), each match between « and ».
With --json one object:
  {"query", "plain", "order", "article_total", "article_estimate", "articles", "actors",
   "relations", "relations_order", "notes"}
where article_total is -1 when not counted (article_estimate then gives an estimate),
order is "relevance", "recent relevance" or "filed", and relations_order "relevance" or
"recent" (so many relations match that the most recently recorded are listed). Each hit is
  {"kind", "id", "title", "date", "source", "rank", "snippet", "matches", "article_id", "actor_id"}
with the snippet as plain text and matches its matched runs as [start, end) offsets
counted in Unicode code points; rank is higher for better hits. A relation's title is its
wording, its date its start date, article_id the first article quoted and actor_id its
source.`

// searcher is what the search command needs beyond Store; *db.Store provides it.
type searcher interface {
	Search(ctx context.Context, q app.SearchQuery) (app.SearchResults, error)
}

// searchJSON and hitJSON are what search --json writes: a contract with scripts, so add
// fields, do not rename them.
type searchJSON struct {
	Query           string    `json:"query"`
	Plain           bool      `json:"plain"`
	Order           string    `json:"order"`
	ArticleTotal    int       `json:"article_total"`
	ArticleEstimate int       `json:"article_estimate"`
	Articles        []hitJSON `json:"articles"`
	Actors          []hitJSON `json:"actors"`
	Relations       []hitJSON `json:"relations"`
	RelationsOrder  string    `json:"relations_order"`
	Notes           []hitJSON `json:"notes"`
}

type hitJSON struct {
	Kind      string   `json:"kind"`
	ID        int64    `json:"id"`
	Title     string   `json:"title"`
	Date      string   `json:"date"`
	Source    string   `json:"source"`
	Rank      float64  `json:"rank"`
	Snippet   string   `json:"snippet"`
	Matches   [][2]int `json:"matches"`
	ArticleID int64    `json:"article_id"`
	ActorID   int64    `json:"actor_id"`
}

func runSearch(ctx context.Context, env Env, args []string) (err error) {
	f := newFlags(env, "search", searchSynopsis, searchAbout).withDB().readsOnly()
	asJSON := f.Bool("json", false, "write one JSON object instead of text")
	limit := f.Int("limit", app.DefaultSearchLimit, "show at most `N` hits of each kind")
	from := f.String("from", "", "only articles published on or after `DATE`")
	to := f.String("to", "", "only articles published on or before `DATE`")
	source := f.String("source", "", "only articles from the outlet `S` (its full name, any case)")
	tag := f.String("tag", "", "only articles tagged `T` (any case)")
	actor := f.String("actor", "", "only articles that mention the actor `NAME` (a name, alias or #id)")
	words, err := f.parse(args, 1, -1)
	if err != nil {
		return err
	}
	if *limit < 1 {
		return f.usageErr("--limit must be at least 1")
	}
	q := app.SearchQuery{Text: strings.Join(words, " "), Source: *source, Tag: *tag, Limit: *limit}
	if strings.TrimSpace(q.Text) == "" {
		return f.usageErr("say what to search for")
	}
	if q.From, err = app.ParseDate(*from); err != nil {
		return flagError("from", err)
	}
	if q.To, err = app.ParseDate(*to); err != nil {
		return flagError("to", err)
	}
	s, err := f.open(ctx)
	if err != nil {
		return err
	}
	defer closeStore(s, &err)
	srch, ok := s.(searcher)
	if !ok {
		return app.Errorf(app.EINTERNAL, "This build of Dossier cannot search projects from the command line.")
	}
	if strings.TrimSpace(*actor) != "" {
		a, err := s.FindActor(ctx, *actor)
		if err != nil {
			return flagError("actor", err)
		}
		q.ActorID = a.ID
	}
	res, err := srch.Search(ctx, q)
	if err != nil {
		return err
	}
	if res.Plain {
		fmt.Fprintf(env.Stderr, "dossier search: the query could not be read as one (an unbalanced quote, a lone operator?); searched for the plain words instead.\n")
	}
	if *asJSON {
		return writeSearchJSON(env.Stdout, res)
	}
	return writeSearchText(env.Stdout, res)
}

func writeSearchJSON(w io.Writer, res app.SearchResults) error {
	out := searchJSON{Query: res.Query, Plain: res.Plain, Order: string(res.Order), ArticleTotal: res.ArticleTotal,
		ArticleEstimate: res.ArticleEstimate, Articles: hitsJSON(res.Articles), Actors: hitsJSON(res.Actors), Relations: hitsJSON(res.Relations), RelationsOrder: relationsOrder(res), Notes: hitsJSON(res.Notes)}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// relationsOrder is how the relation hits are ordered: "relevance", or "recent" when too
// many match to rank them.
func relationsOrder(res app.SearchResults) string {
	if res.RelationsRecent {
		return "recent"
	}
	return "relevance"
}

func hitsJSON(hits []app.SearchHit) []hitJSON {
	out := make([]hitJSON, 0, len(hits))
	for _, h := range hits {
		text, spans := app.SnippetText(h.Snippet)
		if spans == nil {
			spans = [][2]int{}
		}
		out = append(out, hitJSON{Kind: h.Kind, ID: h.ID, Title: h.Title, Date: string(h.Date), Source: h.Source,
			Rank: h.Rank, Snippet: text, Matches: spans, ArticleID: h.ArticleID, ActorID: h.ActorID})
	}
	return out
}

func writeSearchText(w io.Writer, res app.SearchResults) error {
	bw := bufio.NewWriter(w)
	if res.Empty() {
		fmt.Fprintln(bw, "Nothing found.")
		return bw.Flush()
	}
	if len(res.Articles) > 0 {
		fmt.Fprintln(bw, articlesHeading(res))
		for _, h := range res.Articles {
			writeHit(bw, h, cells("#"+strconv.FormatInt(h.ID, 10), string(h.Date), h.Source, h.Title))
		}
	}
	if len(res.Actors) > 0 {
		fmt.Fprintf(bw, "Actors (%d)\n", len(res.Actors))
		for _, h := range res.Actors {
			writeHit(bw, h, cells("#"+strconv.FormatInt(h.ID, 10), h.Title, h.Source))
		}
	}
	if len(res.Relations) > 0 {
		if res.RelationsRecent {
			fmt.Fprintf(bw, "Relations (%d; too many to rank: most recently recorded first)\n", len(res.Relations))
		} else {
			fmt.Fprintf(bw, "Relations (%d)\n", len(res.Relations))
		}
		for _, h := range res.Relations {
			writeHit(bw, h, cells("#"+strconv.FormatInt(h.ID, 10), h.Title, string(h.Date)))
		}
	}
	if len(res.Notes) > 0 {
		fmt.Fprintf(bw, "Notes (%d)\n", len(res.Notes))
		for _, h := range res.Notes {
			on := "unattached"
			switch {
			case h.ArticleID != 0:
				on = "on article “" + h.Title + "”"
			case h.Title != "":
				on = "on " + h.Title
			}
			writeHit(bw, h, cells("#"+strconv.FormatInt(h.ID, 10), on, string(h.Date)))
		}
	}
	return bw.Flush()
}

// articlesHeading says how many articles there are and how they are ordered.
func articlesHeading(res app.SearchResults) string {
	n := len(res.Articles)
	var of string
	switch {
	case res.ArticleTotal >= 0:
		of = fmt.Sprintf("%d of %d", n, res.ArticleTotal)
	case res.ArticleEstimate > 0:
		of = fmt.Sprintf("%d of about %d", n, res.ArticleEstimate)
	default:
		of = fmt.Sprintf("%d of more", n)
	}
	switch res.Order {
	case app.OrderRecentRelevance:
		return "Articles (" + of + "; too many to rank in full: best first among the most recently filed)"
	case app.OrderFiled:
		return "Articles (" + of + "; too many to rank: most recently filed first)"
	}
	return "Articles (" + of + ", best first)"
}

func writeHit(w *bufio.Writer, h app.SearchHit, line string) {
	w.WriteString(line)
	w.WriteString("\n")
	if h.Snippet != "" {
		w.WriteString("\t")
		w.WriteString(cells(app.MarkSnippet(h.Snippet, "«", "»")))
		w.WriteString("\n")
	}
}
