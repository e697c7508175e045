package cli

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"dossier/app"
	"dossier/app/suggest"
)

const suggestSynopsis = "suggest [--db FILE] [--read-only] [--article ID] [--json] | suggest accept|dismiss NAME"

const suggestAbout = `Proposes the people, parties, states, armed groups and other actors that articles name
but the project does not have yet, with a guessed kind and the other forms of the name
the article uses ("Maliki" for Nouri al-Maliki). Names the project already has, as a
name or an alias, and names dismissed in the window are left out. A form of a name that
is also a place or common word in the article, a form of another suggestion, or already
a name of an actor is not proposed as an alias; --json lists it under withheld, with the
reason.

Without --article: the project's review queue, as the window's Suggestions screen shows
it, one line per distinct name across all articles, the names most articles use first,
tab-separated: name, kind (the one most articles guess), aliases (comma-separated), how
many articles name it, a sample sentence. With --json, an array of objects: name, kind,
aliases, withheld (forms not proposed, each {alias, reason}), count (how many articles name it), sample, article and article_id (the article
the sample comes from) and articles (the ids of all the articles naming it). Articles
not yet read for suggestions (a project made before the queue) are read first.

With --article ID: that article's suggestions, tab-separated: name, kind, aliases,
article (#id and title); with --json: name, kind, aliases, withheld, count (how often the article
names it), article (its title) and article_id.

Subcommands:
  accept NAME [--kind KIND] [--alias ALIAS]...  make the suggested name an actor, with the
        guessed kind and aliases unless given, linked in every article at once
  dismiss NAME  never suggest the name again in this project`

// suggester is what suggest needs beyond Store: *db.Store provides it.
type suggester interface {
	SuggestActors(ctx context.Context, articleID int64) ([]suggest.Suggestion, error)
	SuggestionQueue(ctx context.Context, q app.QueueQuery) ([]app.QueuedName, error)
	SuggestionArticles(ctx context.Context, folded string, limit int) ([]int64, error)
	QueuedSuggestion(ctx context.Context, name string) (app.QueuedName, error)
	PendingSuggestions(ctx context.Context) (int, error)
	FillSuggestionQueue(ctx context.Context, progress func(done, total int)) error
	DismissSuggestion(ctx context.Context, name string) error
	Article(ctx context.Context, id int64) (app.Article, error)
}

// suggestionJSON is the object suggest --json writes; its field names are a contract with
// scripts: add fields, do not rename them.
type suggestionJSON struct {
	Name      string              `json:"name"`
	Kind      string              `json:"kind"`
	Aliases   []string            `json:"aliases"`
	Withheld  []app.WithheldAlias `json:"withheld"`
	Count     int                 `json:"count"`
	Article   string              `json:"article"`
	ArticleID int64               `json:"article_id"`
}

// queuedJSON is the object suggest --json writes for one name of the project's queue.
type queuedJSON struct {
	Name      string              `json:"name"`
	Kind      string              `json:"kind"`
	Aliases   []string            `json:"aliases"`
	Withheld  []app.WithheldAlias `json:"withheld"`
	Count     int                 `json:"count"`
	Sample    string              `json:"sample"`
	Article   string              `json:"article"`
	ArticleID int64               `json:"article_id"`
	Articles  []int64             `json:"articles"`
}

func runSuggest(ctx context.Context, env Env, args []string) (err error) {
	switch sub, rest := splitSub(args); sub {
	case "accept":
		return runSuggestAccept(ctx, env, rest)
	case "dismiss":
		return runSuggestDismiss(ctx, env, rest)
	}
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
			obj := suggestionJSON{Name: x.Name, Kind: string(x.Kind), Aliases: nonNil(x.Aliases), Withheld: nonNilWithheld(x.Withheld), Count: x.Count,
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
	return emitQueue(ctx, sg, out)
}

// emitQueue writes the project's review queue, a page at a time so that a large project
// streams, after reading the articles not read yet.
func emitQueue(ctx context.Context, sg suggester, out *listWriter) error {
	if n, err := sg.PendingSuggestions(ctx); err != nil {
		return err
	} else if n > 0 {
		if err := sg.FillSuggestionQueue(ctx, nil); err != nil {
			if app.IsCode(err, app.EREADONLY) {
				return app.Errorf(app.EREADONLY, "%d articles have not been read for suggestions yet, and the project is open read-only: run 'dossier suggest' once without --read-only (or open the Suggestions screen) to read them.", n)
			}
			return err
		}
	}
	var after app.QueueCursor
	for {
		rows, err := sg.SuggestionQueue(ctx, app.QueueQuery{After: after, Limit: listPage})
		if err != nil {
			return err
		}
		for _, r := range rows {
			ids, err := sg.SuggestionArticles(ctx, r.Folded, 0)
			if err != nil {
				return err
			}
			title := ""
			if a, err := sg.Article(ctx, r.SampleArticle); err == nil {
				title = a.Title
			} else if !app.IsCode(err, app.ENOTFOUND) {
				return err
			}
			text := cells(r.Name, string(r.Kind), strings.Join(r.Aliases, ", "), strconv.Itoa(r.Articles), r.Sample)
			obj := queuedJSON{Name: r.Name, Kind: string(r.Kind), Aliases: nonNil(r.Aliases), Withheld: nonNilWithheld(r.Withheld), Count: r.Articles,
				Sample: r.Sample, Article: title, ArticleID: r.SampleArticle, Articles: ids}
			if err := out.emit(text, obj); err != nil {
				return err
			}
		}
		if len(rows) < listPage {
			return out.close()
		}
		after = rows[len(rows)-1].Cursor()
	}
}

func runSuggestAccept(ctx context.Context, env Env, args []string) (err error) {
	var kinds []string
	for _, k := range app.ActorKinds {
		kinds = append(kinds, string(k))
	}
	f := newFlags(env, "suggest accept", "suggest accept [--db FILE] NAME [--kind KIND] [--alias ALIAS]...",
		`Makes a name of the review queue an actor, with the kind most articles guess and the
aliases the queue proposes, unless --kind or --alias say otherwise; the new actor is linked
in every article that names it. A name no article suggests, or one that is an actor
already or was dismissed, is refused.`).withDB()
	kind := f.String("kind", "", "what the actor is: `KIND` is one of "+strings.Join(kinds, ", ")+" (default: the guess)")
	var aliases listFlag
	f.Var(&aliases, "alias", "an alias `NAME` instead of the proposed ones; repeat for several")
	pos, err := f.parse(args, 1, 1)
	if err != nil {
		return err
	}
	var k app.ActorKind
	if *kind != "" {
		if k, err = app.ParseKind(*kind); err != nil {
			return flagError("kind", err)
		}
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
	if err := fillQueue(ctx, sg); err != nil {
		return err
	}
	q, err := sg.QueuedSuggestion(ctx, pos[0])
	if err != nil {
		return err
	}
	a := q.Actor()
	if k != "" {
		a.Kind = k
	}
	if len(aliases) > 0 {
		a.Aliases = aliases
	}
	a, err = s.CreateNewActor(ctx, a)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "added actor #%d %s (%s), named in %d articles\n", a.ID, shown(a.Name), a.Kind.Label(), q.Articles)
	return nil
}

// fillQueue reads the articles not read for suggestions yet.
func fillQueue(ctx context.Context, sg suggester) error {
	n, err := sg.PendingSuggestions(ctx)
	if err != nil || n == 0 {
		return err
	}
	return sg.FillSuggestionQueue(ctx, nil)
}

func runSuggestDismiss(ctx context.Context, env Env, args []string) (err error) {
	f := newFlags(env, "suggest dismiss", "suggest dismiss [--db FILE] NAME",
		`Never suggests NAME (compared case and accents aside) again in this project, in the
queue or in any article. Dismissing a name twice is not an error.`).withDB()
	pos, err := f.parse(args, 1, 1)
	if err != nil {
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
	if err := sg.DismissSuggestion(ctx, pos[0]); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "dismissed %s\n", shown(pos[0]))
	return nil
}

// nonNilWithheld makes a missing list an empty JSON array, as the other lists are.
func nonNilWithheld(w []app.WithheldAlias) []app.WithheldAlias {
	if w == nil {
		return []app.WithheldAlias{}
	}
	return w
}
