package cli

import (
	"context"
	"strconv"
	"strings"

	"dossier/app"
	"dossier/app/suggest"
)

const suggestSynopsis = "suggest [--db FILE] [--read-only] [--article ID] [--json]"

const suggestAbout = `Proposes the people, parties, states, armed groups and other actors that articles name
but the project does not have yet, with a guessed kind and the other forms of the name
the article uses ("Maliki" for Nouri al-Maliki). Names the project already has, as a
name or an alias, and names dismissed in the window are left out.

One suggestion per line, tab-separated: name, kind, aliases (comma-separated), article
(#id and title). With --json, an array of objects: name, kind, aliases, count (how often
the article names it), article (its title) and article_id. Without --article, every
article is read, newest first.

Accept a suggestion with 'dossier actor add --name NAME --kind KIND --alias ALIAS...'.`

// suggester is what suggest needs beyond Store: *db.Store provides it.
type suggester interface {
	SuggestActors(ctx context.Context, articleID int64) ([]suggest.Suggestion, error)
}

// suggestionJSON is the object suggest --json writes; its field names are a contract with
// scripts: add fields, do not rename them.
type suggestionJSON struct {
	Name      string   `json:"name"`
	Kind      string   `json:"kind"`
	Aliases   []string `json:"aliases"`
	Count     int      `json:"count"`
	Article   string   `json:"article"`
	ArticleID int64    `json:"article_id"`
}

func runSuggest(ctx context.Context, env Env, args []string) (err error) {
	f := newFlags(env, "suggest", suggestSynopsis, suggestAbout).withDB().readsOnly()
	article := f.String("article", "", "only the article with this `ID` (#id, number, UUID or exact title)")
	asJSON := f.Bool("json", false, "write a JSON array of objects instead of lines of text")
	if _, err := f.parse(args, 0, 0); err != nil {
		return err
	}
	s, err := f.open(ctx)
	if err != nil {
		return err
	}
	defer closeStore(s, &err)
	sg, ok := s.(suggester)
	if !ok {
		return app.Errorf(app.EINTERNAL, "This project store cannot suggest actors.")
	}
	out := newListWriter(env.Stdout, *asJSON)
	emit := func(id int64, title string) error {
		sugs, err := sg.SuggestActors(ctx, id)
		if err != nil {
			return err
		}
		for _, x := range sugs {
			text := cells(x.Name, string(x.Kind), strings.Join(x.Aliases, ", "), "#"+strconv.FormatInt(id, 10)+" "+title)
			obj := suggestionJSON{Name: x.Name, Kind: string(x.Kind), Aliases: nonNil(x.Aliases), Count: x.Count,
				Article: title, ArticleID: id}
			if err := out.emit(text, obj); err != nil {
				return err
			}
		}
		return nil
	}
	if ref := strings.TrimSpace(*article); ref != "" {
		a, err := findArticle(ctx, s, ref)
		if err != nil {
			return err
		}
		if err := emit(a.ID, a.Title); err != nil {
			return err
		}
		return out.close()
	}
	// Every article, newest first, a page at a time so that a large project streams.
	for done := 0; ; {
		rows, err := s.Articles(ctx, app.ArticleQuery{Sort: app.NewestFirst, Offset: done, Limit: listPage})
		if err != nil {
			return err
		}
		for _, r := range rows {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := emit(r.ID, r.Title); err != nil {
				return err
			}
		}
		done += len(rows)
		if len(rows) < listPage {
			return out.close()
		}
	}
}
