package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"dossier/app"
)

// hubSearcher is what hub search needs of a hub (db/hub provides it).
type hubSearcher interface {
	Collection(ctx context.Context, name string) (id string, canWrite bool, err error)
	SearchArticles(ctx context.Context, collection, text string, limit int) (app.HubSearchResults, error)
}

const hubSearchAbout = `Searches the articles of the team's hub: their title and text, case and accents
ignored (Sao Paulo finds São Paulo), best first, with the passage that matches. Only the
collections this hub user was granted are searched; PostgreSQL enforces it. QUERY is
written as for a web search engine: words all required, "a phrase" in double quotes,
OR between alternatives, -word to exclude.

Text output: per article a line of tab-separated fields (UUID, date, source, title,
collection) and an indented line with the passage, each match between « and ». With
--json one object {"query", "hits", "more", "recent"}, each hit {"collection", "uuid", "title",
"date", "source", "rank", "snippet", "matches", "created_by"}, the snippet as plain text
and matches its matched runs as [start, end) offsets in Unicode code points; "more" is
true when more articles match than are listed, "recent" when more than 1,000 match
and the best were picked from the 1,000 most recently changed. Copy a found article into a project with
dossier sync --db FILE --pull-article UUID.`

func runHubSearch(ctx context.Context, env Env, args []string) (err error) {
	f, url := hubFlags(env, "hub search", "hub search --url URL [--collection NAME] [--limit N] [--json] QUERY...", hubSearchAbout)
	coll := f.String("collection", "", "search only the collection `NAME` (default: every collection you may read)")
	limit := f.Int("limit", app.HubSearchLimit, "list at most `N` articles")
	asJSON := f.Bool("json", false, "write one JSON object instead of text")
	words, err := f.parse(args, 1, -1)
	if err != nil {
		return err
	}
	if *limit < 1 {
		return f.usageErr("--limit must be at least 1")
	}
	text := strings.Join(words, " ")
	if strings.TrimSpace(text) == "" {
		return f.usageErr("say what to search for")
	}
	h, err := openHub(ctx, env, *url)
	if err != nil {
		return err
	}
	defer h.Close(context.Background())
	hs, ok := h.(hubSearcher)
	if !ok {
		return app.Errorf(app.EINTERNAL, "This build of Dossier cannot search a hub.")
	}
	if *coll != "" {
		if _, _, err := hs.Collection(ctx, *coll); err != nil {
			return err
		}
	}
	res, err := hs.SearchArticles(ctx, *coll, text, *limit)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeHubSearchJSON(env, res)
	}
	return writeHubSearchText(env, res)
}

// hubHitJSON is a hit as hub search --json writes it: a contract with scripts.
type hubHitJSON struct {
	Collection string   `json:"collection"`
	UUID       string   `json:"uuid"`
	Title      string   `json:"title"`
	Date       string   `json:"date"`
	Source     string   `json:"source"`
	Rank       float64  `json:"rank"`
	Snippet    string   `json:"snippet"`
	Matches    [][2]int `json:"matches"`
	CreatedBy  string   `json:"created_by"`
}

func writeHubSearchJSON(env Env, res app.HubSearchResults) error {
	out := struct {
		Query  string       `json:"query"`
		Hits   []hubHitJSON `json:"hits"`
		More   bool         `json:"more"`
		Recent bool         `json:"recent"`
	}{Query: res.Query, Hits: []hubHitJSON{}, More: res.More, Recent: res.Recent}
	for _, h := range res.Hits {
		text, spans := app.SnippetText(h.Snippet)
		if spans == nil {
			spans = [][2]int{}
		}
		out.Hits = append(out.Hits, hubHitJSON{Collection: h.Collection, UUID: h.UUID, Title: h.Title, Date: h.Date, Source: h.Source,
			Rank: h.Rank, Snippet: text, Matches: spans, CreatedBy: h.CreatedBy})
	}
	enc := json.NewEncoder(env.Stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func writeHubSearchText(env Env, res app.HubSearchResults) error {
	bw := bufio.NewWriter(env.Stdout)
	if len(res.Hits) == 0 {
		fmt.Fprintln(bw, "Nothing found on the hub.")
		return bw.Flush()
	}
	switch {
	case res.Recent:
		fmt.Fprintf(bw, "Articles on the hub (more than 1,000 match: the best %d of the 1,000 most recently changed; add words to narrow the search)\n", len(res.Hits))
	case res.More:
		fmt.Fprintf(bw, "Articles on the hub (the best %d; more match: add words to narrow the search)\n", len(res.Hits))
	default:
		fmt.Fprintf(bw, "Articles on the hub (%d)\n", len(res.Hits))
	}
	for _, h := range res.Hits {
		bw.WriteString(cells(h.UUID, h.Date, h.Source, h.Title, h.Collection) + "\n")
		if h.Snippet != "" {
			bw.WriteString("\t" + cells(app.MarkSnippet(h.Snippet, "«", "»")) + "\n")
		}
	}
	return bw.Flush()
}
