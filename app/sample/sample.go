// Package sample fills a project with the sample project shipped in assets: a few articles
// about Iraq's choice of prime minister in January 2026, the actors they name and the
// sourced relations between them, so a researcher sees a working dossier before filing
// anything. It knows no SQL: it writes through Writer, which the store satisfies.
package sample

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"dossier/app"
	"dossier/assets/sampledata"
)

// Tag is carried by every sample article and actor, so the sample can be found and removed
// later; notes, relations and evidence hang off them and go with them.
const Tag = "sample"

// Writer is what Load needs from a project: the store's create methods.
type Writer interface {
	CreateArticle(ctx context.Context, a app.Article) (app.Article, error)
	CreateActor(ctx context.Context, a app.Actor) (app.Actor, error)
	CreateRelation(ctx context.Context, r app.Relation) (app.Relation, error)
	CreateNote(ctx context.Context, n app.Note) (app.Note, error)
}

// Project is the sample data as assets/sample.json holds it. Objects refer to each other
// by Key, which exists only in the file.
type Project struct {
	Articles  []Article  `json:"articles"`
	Actors    []Actor    `json:"actors"`
	Relations []Relation `json:"relations"`
	Notes     []Note     `json:"notes"`
}

// Article is one sample article.
type Article struct {
	Key      string   `json:"key"`
	Title    string   `json:"title"`
	Source   string   `json:"source"`
	URL      string   `json:"url"`
	Author   string   `json:"author"`
	Date     string   `json:"date"`
	Dateline string   `json:"dateline"`
	Language string   `json:"language"`
	Tags     []string `json:"tags"`
	Body     string   `json:"body"`
	Notes    string   `json:"notes"`
}

// Actor is one sample actor; Kind is an app.ActorKind key.
type Actor struct {
	Key         string   `json:"key"`
	Name        string   `json:"name"`
	Kind        string   `json:"kind"`
	Description string   `json:"description"`
	Aliases     []string `json:"aliases"`
	Tags        []string `json:"tags"`
	Notes       string   `json:"notes"`
}

// Relation is one sample relation. From, To and Speaker are actor keys, Type a relation
// type key of the starting vocabulary.
type Relation struct {
	Key        string     `json:"key"`
	From       string     `json:"from"`
	Type       string     `json:"type"`
	To         string     `json:"to"`
	Start      string     `json:"start"`
	End        string     `json:"end"`
	Confidence string     `json:"confidence"`
	Modality   string     `json:"modality"`
	Speaker    string     `json:"speaker"`
	Note       string     `json:"note"`
	Evidence   []Evidence `json:"evidence"`
}

// Evidence is a passage backing a relation: an article key and a quote that occurs verbatim
// in that article's body.
type Evidence struct {
	Article string `json:"article"`
	Quote   string `json:"quote"`
}

// Note is a Markdown note attached to exactly one sample actor, article or relation (by key).
type Note struct {
	Actor    string `json:"actor"`
	Article  string `json:"article"`
	Relation string `json:"relation"`
	Body     string `json:"body"`
}

// Data returns the embedded sample project, parsed and checked.
func Data() (Project, error) { return parse(sampledata.JSON) }

// Load writes the whole sample project through w: actors first, so that filing the articles
// links their mentions, then articles, relations and notes. It stops at the first error;
// what was written before it stays, and carries Tag.
func Load(ctx context.Context, w Writer) error {
	p, err := Data()
	if err != nil {
		return err
	}
	actors := map[string]int64{}
	for _, a := range p.Actors {
		got, err := w.CreateActor(ctx, a.app())
		if err != nil {
			return failed("actor “"+a.Name+"”", err)
		}
		actors[a.Key] = got.ID
	}
	articles := map[string]app.Article{}
	for _, a := range p.Articles {
		got, err := w.CreateArticle(ctx, a.app())
		if err != nil {
			return failed("article “"+a.Title+"”", err)
		}
		articles[a.Key] = got
	}
	relations := map[string]int64{}
	for _, r := range p.Relations {
		got, err := w.CreateRelation(ctx, r.app(actors, articles))
		if err != nil {
			return failed("relation “"+r.Key+"”", err)
		}
		relations[r.Key] = got.ID
	}
	for i, n := range p.Notes {
		note := app.Note{Body: n.Body, ActorID: actors[n.Actor], ArticleID: articles[n.Article].ID, RelationID: relations[n.Relation]}
		if _, err := w.CreateNote(ctx, note); err != nil {
			return failed(fmt.Sprintf("note %d", i+1), err)
		}
	}
	return nil
}

// failed keeps the store's code (a duplicate stays EDUPLICATE) and says which sample object
// could not be written.
func failed(what string, err error) error {
	return &app.Error{
		Code:    app.ErrorCode(err),
		Message: "Could not add the sample " + what + ": " + app.ErrorMessage(err),
		Err:     err,
	}
}

func (a Actor) app() app.Actor {
	kind, _ := app.ParseKind(a.Kind) // parse has checked it
	out := app.Actor{
		Name: a.Name, Kind: kind, Description: a.Description, Notes: a.Notes,
		Aliases: append([]string(nil), a.Aliases...),
		Tags:    append(append([]string(nil), a.Tags...), Tag),
	}
	out.Normalize()
	return out
}

func (a Article) app() app.Article {
	date, _ := app.ParseDate(a.Date) // parse has checked it
	out := app.Article{
		Title: a.Title, Source: a.Source, URL: a.URL, Author: a.Author, Date: date,
		Dateline: a.Dateline, Language: a.Language, Body: a.Body, Notes: a.Notes,
		Tags: append(append([]string(nil), a.Tags...), Tag),
	}
	out.Normalize()
	return out
}

// app builds the relation with the ids the writer gave; the quotes are located in the
// bodies the writer returned, which are what the project stores.
func (r Relation) app(actors map[string]int64, articles map[string]app.Article) app.Relation {
	out := app.Relation{
		SourceID: actors[r.From], Type: r.Type, TargetID: actors[r.To],
		Start: app.Date(r.Start), End: app.Date(r.End),
		Confidence: r.Confidence, Modality: r.Modality, SpeakerID: actors[r.Speaker], Note: r.Note,
	}
	for _, e := range r.Evidence {
		a := articles[e.Article]
		start, end := QuoteSpan(a.Body, e.Quote)
		out.Evidence = append(out.Evidence, app.Evidence{ArticleID: a.ID, Quote: e.Quote, Start: start, End: end})
	}
	out.Normalize()
	return out
}

// QuoteSpan returns the rune offsets of the first occurrence of quote in body, or -1, -1
// when it does not occur.
func QuoteSpan(body, quote string) (start, end int) {
	i := strings.Index(body, quote)
	if i < 0 || quote == "" {
		return -1, -1
	}
	start = utf8.RuneCountInString(body[:i])
	return start, start + utf8.RuneCountInString(quote)
}

// parse decodes and checks sample data. The data is ours, so any fault is a bug in
// sample.json; the checks make it fail in the tests rather than half-load on a user's disk.
func parse(data []byte) (Project, error) {
	var p Project
	if !utf8.Valid(data) {
		return p, invalid("is not valid UTF-8")
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&p); err != nil {
		return p, invalid("is not valid: %v", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return p, invalid("has data after its end")
	}
	actors, err := p.checkActors()
	if err != nil {
		return p, err
	}
	bodies, err := p.checkArticles()
	if err != nil {
		return p, err
	}
	relations, err := p.checkRelations(actors, bodies)
	if err != nil {
		return p, err
	}
	return p, p.checkNotes(actors, bodies, relations)
}

func invalid(format string, args ...any) error {
	return app.Errorf(app.EINVALID, "The sample project "+format+".", args...)
}

func (p *Project) checkActors() (map[string]bool, error) {
	keys := map[string]bool{}
	for i, a := range p.Actors {
		if a.Key == "" || keys[a.Key] {
			return nil, invalid("has actor %d with a missing or repeated key “%s”", i+1, a.Key)
		}
		keys[a.Key] = true
		if _, err := app.ParseKind(a.Kind); err != nil {
			return nil, invalid("actor “%s”: %s", a.Key, app.ErrorMessage(err))
		}
		act := a.app()
		if err := act.Validate(); err != nil {
			return nil, invalid("actor “%s”: %s", a.Key, app.ErrorMessage(err))
		}
	}
	return keys, nil
}

// checkArticles returns each article's body as the store will keep it (normalized).
func (p *Project) checkArticles() (map[string]string, error) {
	bodies := map[string]string{}
	for i, a := range p.Articles {
		if _, ok := bodies[a.Key]; a.Key == "" || ok {
			return nil, invalid("has article %d with a missing or repeated key “%s”", i+1, a.Key)
		}
		if _, err := app.ParseDate(a.Date); err != nil {
			return nil, invalid("article “%s”: %s", a.Key, app.ErrorMessage(err))
		}
		art := a.app()
		if err := art.Validate(); err != nil {
			return nil, invalid("article “%s”: %s", a.Key, app.ErrorMessage(err))
		}
		bodies[a.Key] = art.Body
	}
	return bodies, nil
}

func (p *Project) checkRelations(actors map[string]bool, bodies map[string]string) (map[string]bool, error) {
	keys := map[string]bool{}
	for i, r := range p.Relations {
		if r.Key == "" || keys[r.Key] {
			return nil, invalid("has relation %d with a missing or repeated key “%s”", i+1, r.Key)
		}
		keys[r.Key] = true
		for _, k := range []string{r.From, r.To, r.Speaker} {
			if k != "" && !actors[k] {
				return nil, invalid("relation “%s” names an unknown actor “%s”", r.Key, k)
			}
		}
		for _, d := range []string{r.Start, r.End} {
			if got, err := app.ParseDate(d); err != nil || string(got) != d {
				return nil, invalid("relation “%s” has the date “%s”; write it as 2026, 2026-01 or 2026-01-28", r.Key, d)
			}
		}
		if len(r.Evidence) == 0 {
			return nil, invalid("relation “%s” has no evidence", r.Key)
		}
		for _, e := range r.Evidence {
			body, ok := bodies[e.Article]
			if !ok {
				return nil, invalid("relation “%s” cites an unknown article “%s”", r.Key, e.Article)
			}
			if start, _ := QuoteSpan(body, e.Quote); start < 0 || e.Quote != strings.TrimSpace(e.Quote) {
				return nil, invalid("relation “%s” quotes “%.40s…”, which is not in article “%s”", r.Key, e.Quote, e.Article)
			}
		}
		if r.From == "" || r.To == "" || r.From == r.To {
			return nil, invalid("relation “%s” needs two different actors", r.Key)
		}
		// Stand-in ids: Validate only checks that the two sides are present and differ.
		rel := r.app(map[string]int64{r.From: 1, r.To: 2}, map[string]app.Article{})
		for j := range rel.Evidence {
			rel.Evidence[j].ArticleID = 1
		}
		if err := rel.Validate(); err != nil {
			return nil, invalid("relation “%s”: %s", r.Key, app.ErrorMessage(err))
		}
	}
	return keys, nil
}

// checkNotes insists on exactly one target per note: a note attached to nothing would
// survive removing the sample by its tag.
func (p *Project) checkNotes(actors map[string]bool, bodies map[string]string, relations map[string]bool) error {
	for i, n := range p.Notes {
		targets := 0
		for _, k := range []string{n.Actor, n.Article, n.Relation} {
			if k != "" {
				targets++
			}
		}
		_, article := bodies[n.Article]
		switch {
		case targets != 1:
			return invalid("note %d must be attached to exactly one actor, article or relation", i+1)
		case n.Actor != "" && !actors[n.Actor], n.Article != "" && !article, n.Relation != "" && !relations[n.Relation]:
			return invalid("note %d is attached to something the sample does not have", i+1)
		case strings.TrimSpace(n.Body) == "":
			return invalid("note %d is empty", i+1)
		}
	}
	return nil
}
