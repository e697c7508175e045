package sample

import (
	"context"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"dossier/app"
	"dossier/assets/sampledata"
)

// vocabulary is a copy of the keys of db.Vocabulary. This package must not import db (it
// knows no SQL), so the list is copied; if a key is renamed there, this test and
// sample.json must follow, or loading the sample into a real store would fail.
var vocabulary = map[string]bool{
	"member_of": true, "leads": true, "part_of": true, "represents": true, "employed_by": true,
	"allied_with": true, "family": true, "succeeded": true, "related_to": true,
	"supports": true, "endorses": true, "nominates": true, "praises": true, "appeals_to": true,
	"meets_with": true, "negotiates_with": true, "agrees_with": true, "provides_aid_to": true,
	"funds": true, "steps_aside_for": true,
	"criticises": true, "accuses": true, "demands_from": true, "rejects": true, "warns": true,
	"threatens": true, "protests_against": true, "sanctions": true, "withdraws_support_from": true,
	"coerces": true, "attacks": true, "fights": true,
}

func mustData(t *testing.T) Project {
	t.Helper()
	p, err := Data()
	if err != nil {
		t.Fatalf("Data: %v", err)
	}
	return p
}

func TestDataShape(t *testing.T) {
	p := mustData(t)
	if len(p.Articles) < 2 || len(p.Actors) < 11 || len(p.Relations) < 10 || len(p.Notes) == 0 {
		t.Fatalf("sample has %d articles, %d actors, %d relations, %d notes; too few",
			len(p.Articles), len(p.Actors), len(p.Relations), len(p.Notes))
	}
	if !utf8.Valid(sampledata.JSON) || strings.ContainsRune(string(sampledata.JSON), utf8.RuneError) {
		t.Error("sample.json is not clean UTF-8")
	}
}

func TestArticles(t *testing.T) {
	for _, a := range mustData(t).Articles {
		t.Run(a.Key, func(t *testing.T) {
			d, err := app.ParseDate(a.Date)
			if err != nil || d.Precision() != app.Day {
				t.Errorf("date %q: %v (precision %d), want a full day", a.Date, err, d.Precision())
			}
			if n := len(strings.Fields(a.Body)); n < 250 || n > 500 {
				t.Errorf("body has %d words, want 250–500", n)
			}
			if !strings.HasPrefix(a.URL, "https://example.org/sample/") {
				t.Errorf("URL %q is not under https://example.org/sample/", a.URL)
			}
			if !strings.Contains(strings.ToLower(a.Source), "sample") || !strings.Contains(a.Notes, "Sample") {
				t.Errorf("source %q and notes must say the article is sample data", a.Source)
			}
			for name, v := range map[string]string{"title": a.Title, "author": a.Author, "dateline": a.Dateline, "language": a.Language} {
				if v == "" {
					t.Errorf("%s is empty", name)
				}
			}
		})
	}
}

func TestRelations(t *testing.T) {
	p := mustData(t)
	actors := map[string]bool{}
	for _, a := range p.Actors {
		actors[a.Key] = true
	}
	bodies := map[string]string{}
	for _, a := range p.Articles {
		bodies[a.Key] = a.Body
	}
	used := map[string]bool{}
	for _, r := range p.Relations {
		t.Run(r.Key, func(t *testing.T) {
			if !vocabulary[r.Type] {
				t.Errorf("type %q is not in the starting vocabulary", r.Type)
			}
			if !actors[r.From] || !actors[r.To] || (r.Speaker != "" && !actors[r.Speaker]) {
				t.Errorf("unknown actor in %s -> %s (speaker %q)", r.From, r.To, r.Speaker)
			}
			used[r.From], used[r.To] = true, true
			for _, d := range []string{r.Start, r.End} {
				if _, err := app.ParseDate(d); err != nil {
					t.Errorf("date %q: %v", d, err)
				}
			}
			if len(r.Evidence) == 0 {
				t.Error("no evidence")
			}
			for _, e := range r.Evidence {
				body, ok := bodies[e.Article]
				if !ok {
					t.Errorf("unknown article %q", e.Article)
				}
				if e.Quote == "" || !strings.Contains(body, e.Quote) {
					t.Errorf("quote %q is not in article %s", e.Quote, e.Article)
				}
			}
		})
	}
	// A sample actor with no relation would open onto an empty dossier.
	for k := range actors {
		if !used[k] {
			t.Errorf("actor %q takes part in no relation", k)
		}
	}
}

// TestDesignRelations checks the relations DESIGN.md promises for the sample project.
func TestDesignRelations(t *testing.T) {
	type want struct{ from, typ, to, start, modality string }
	wants := []want{
		{"trump", "withdraws_support_from", "iraq", "2026-01-27", app.Conditional},
		{"trump", "threatens", "iraq", "2026-01-27", app.Asserted},
		{"maliki", "rejects", "us", "2026-01-28", app.Asserted},
		{"framework", "nominates", "maliki", "2026-01", app.Asserted},
		{"sudani", "steps_aside_for", "maliki", "2026-01", app.Asserted},
		{"militias", "supports", "maliki", "2026-01", app.Asserted},
		{"harris", "represents", "us", "", app.Asserted},
		{"us", "demands_from", "iraq", "", app.Asserted},
	}
	p := mustData(t)
	for _, w := range wants {
		found := false
		for _, r := range p.Relations {
			modality := r.Modality
			if modality == "" {
				modality = app.Asserted
			}
			if r.From == w.from && r.Type == w.typ && r.To == w.to && r.Start == w.start && modality == w.modality {
				found = true
			}
		}
		if !found {
			t.Errorf("no relation %s %s %s (%s, %s)", w.from, w.typ, w.to, w.start, w.modality)
		}
	}
}

// TestAliasesUnique makes sure no name or alias points at two actors, which would make
// mention matching ambiguous in the sample itself.
func TestAliasesUnique(t *testing.T) {
	owner := map[string]string{}
	for _, a := range mustData(t).Actors {
		for _, n := range append([]string{a.Name}, a.Aliases...) {
			f := app.Fold(n)
			if o, ok := owner[f]; ok && o != a.Key {
				t.Errorf("%q names both %s and %s", n, o, a.Key)
			}
			owner[f] = a.Key
		}
		if len(a.Description) == 0 || strings.Contains(a.Description, "\n") {
			t.Errorf("actor %s needs a one-line description", a.Key)
		}
	}
}

func TestQuoteSpan(t *testing.T) {
	tests := []struct {
		body, quote string
		start, end  int
	}{
		{"abc def", "def", 4, 7},
		{"chargé d'affaires in Baghdad", "Baghdad", 21, 28}, // runes, not bytes
		{"Tehran — Baghdad", "Baghdad", 9, 16},
		{"abc", "xyz", -1, -1},
		{"abc", "", -1, -1},
		{"", "a", -1, -1},
	}
	for _, tt := range tests {
		s, e := QuoteSpan(tt.body, tt.quote)
		if s != tt.start || e != tt.end {
			t.Errorf("QuoteSpan(%q, %q) = %d, %d; want %d, %d", tt.body, tt.quote, s, e, tt.start, tt.end)
		}
	}
}

const validDoc = `{
 "articles": [{"key": "a", "title": "T", "date": "2026-01-28", "body": "Alpha met Beta in Baghdad."}],
 "actors": [{"key": "x", "name": "Alpha", "kind": "person"}, {"key": "y", "name": "Beta", "kind": "state"}],
 "relations": [{"key": "r", "from": "x", "type": "meets_with", "to": "y", "start": "2026-01",
   "evidence": [{"article": "a", "quote": "Alpha met Beta"}]}],
 "notes": [{"actor": "x", "body": "note"}]
}`

func TestParseRejects(t *testing.T) {
	tests := []struct {
		name, old, new, want string
	}{
		{"valid", "", "", ""},
		{"unknown field", `"kind": "person"`, `"kind": "person", "colour": "red"`, "not valid"},
		{"trailing data", "", "", "after its end"},
		{"bad kind", `"kind": "person"`, `"kind": "wizard"`, "actor “x”"},
		{"repeated actor key", `"key": "y"`, `"key": "x"`, "repeated key"},
		{"repeated article key", `"key": "a"`, `"key": ""`, "missing or repeated"},
		{"bad article date", `"date": "2026-01-28"`, `"date": "2026-02-30"`, "article “a”"},
		{"empty body", `"body": "Alpha met Beta in Baghdad."`, `"body": " "`, "has no text"},
		{"unknown actor", `"to": "y"`, `"to": "z"`, "unknown actor “z”"},
		{"self relation", `"to": "y"`, `"to": "x"`, "two different actors"},
		{"loose date", `"start": "2026-01"`, `"start": "Jan 2026"`, "has the date"},
		{"ends before start", `"start": "2026-01"`, `"start": "2026-01", "end": "2025"`, "ends"},
		{"bad modality", `"start": "2026-01"`, `"start": "2026-01", "modality": "maybe"`, "modality"},
		{"unknown article", `"article": "a"`, `"article": "b"`, "unknown article"},
		{"quote not in body", `"quote": "Alpha met Beta"`, `"quote": "Alpha met Gamma"`, "not in article"},
		{"no evidence", `"evidence": [{"article": "a", "quote": "Alpha met Beta"}]`, `"evidence": []`, "no evidence"},
		{"note on nothing", `"actor": "x", "body"`, `"body"`, "exactly one"},
		{"note on two", `"actor": "x", "body"`, `"actor": "x", "article": "a", "body"`, "exactly one"},
		{"note on unknown", `"actor": "x", "body"`, `"relation": "q", "body"`, "does not have"},
		{"empty note", `"body": "note"`, `"body": ""`, "empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := strings.Replace(validDoc, tt.old, tt.new, 1)
			if tt.name == "trailing data" {
				doc += "{}"
			}
			_, err := parse([]byte(doc))
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("parse: %v", err)
			case tt.want == "":
			case err == nil:
				t.Fatalf("parse accepted the document; want an error with %q", tt.want)
			case !app.IsCode(err, app.EINVALID) || !strings.Contains(app.ErrorMessage(err), tt.want):
				t.Fatalf("parse error = %v (code %s); want EINVALID with %q", err, app.ErrorCode(err), tt.want)
			}
		})
	}
	if _, err := parse([]byte("{\"articles\": [{\"title\": \"\xff\"}]}")); !app.IsCode(err, app.EINVALID) {
		t.Errorf("invalid UTF-8: err = %v, want EINVALID", err)
	}
}

// recorder is a Writer that keeps what it is given and numbers it like a store would.
type recorder struct {
	articles  []app.Article
	actors    []app.Actor
	relations []app.Relation
	notes     []app.Note
	calls     []string
	failOn    string // the method that returns an error
}

var errWrite = app.Errorf(app.EDUPLICATE, "This article is already filed.")

func (r *recorder) call(name string) error {
	r.calls = append(r.calls, name)
	if name == r.failOn {
		return errWrite
	}
	return nil
}

func (r *recorder) CreateArticle(_ context.Context, a app.Article) (app.Article, error) {
	if err := r.call("article"); err != nil {
		return a, err
	}
	a.ID = int64(len(r.articles) + 1)
	r.articles = append(r.articles, a)
	return a, nil
}

func (r *recorder) CreateActor(_ context.Context, a app.Actor) (app.Actor, error) {
	if err := r.call("actor"); err != nil {
		return a, err
	}
	a.ID = int64(len(r.actors) + 1)
	r.actors = append(r.actors, a)
	return a, nil
}

func (r *recorder) CreateRelation(_ context.Context, rel app.Relation) (app.Relation, error) {
	if err := r.call("relation"); err != nil {
		return rel, err
	}
	rel.ID = int64(len(r.relations) + 1)
	r.relations = append(r.relations, rel)
	return rel, nil
}

func (r *recorder) CreateNote(_ context.Context, n app.Note) (app.Note, error) {
	if err := r.call("note"); err != nil {
		return n, err
	}
	n.ID = int64(len(r.notes) + 1)
	r.notes = append(r.notes, n)
	return n, nil
}

func hasTag(tags []string) bool {
	for _, t := range tags {
		if t == Tag {
			return true
		}
	}
	return false
}

func TestLoad(t *testing.T) {
	p := mustData(t)
	w := &recorder{}
	if err := Load(context.Background(), w); err != nil {
		t.Fatalf("Load: %v", err)
	}
	if len(w.articles) != len(p.Articles) || len(w.actors) != len(p.Actors) ||
		len(w.relations) != len(p.Relations) || len(w.notes) != len(p.Notes) {
		t.Fatalf("wrote %d articles, %d actors, %d relations, %d notes; want %d, %d, %d, %d",
			len(w.articles), len(w.actors), len(w.relations), len(w.notes),
			len(p.Articles), len(p.Actors), len(p.Relations), len(p.Notes))
	}
	// Actors go first so that filing an article links its mentions.
	if w.calls[0] != "actor" || w.calls[len(p.Actors)] != "article" {
		t.Errorf("call order starts %v; want actors, then articles", w.calls[:len(p.Actors)+1])
	}
	for _, a := range w.actors {
		if !hasTag(a.Tags) || a.Validate() != nil {
			t.Errorf("actor %q: tags %v, validate %v", a.Name, a.Tags, a.Validate())
		}
	}
	for _, a := range w.articles {
		if !hasTag(a.Tags) || a.Validate() != nil || a.Date == "" {
			t.Errorf("article %q: tags %v, date %q, validate %v", a.Title, a.Tags, a.Date, a.Validate())
		}
	}
	for i, r := range w.relations {
		want := p.Relations[i]
		if got := w.actors[r.SourceID-1].Name; got != actorName(p, want.From) {
			t.Errorf("relation %s: source %q, want %q", want.Key, got, actorName(p, want.From))
		}
		if got := w.actors[r.TargetID-1].Name; got != actorName(p, want.To) {
			t.Errorf("relation %s: target %q, want %q", want.Key, got, actorName(p, want.To))
		}
		if err := r.Validate(); err != nil {
			t.Errorf("relation %s: %v", want.Key, err)
		}
		for j, e := range r.Evidence {
			art := w.articles[e.ArticleID-1]
			if art.Title != articleTitle(p, want.Evidence[j].Article) {
				t.Errorf("relation %s: evidence from %q, want article %s", want.Key, art.Title, want.Evidence[j].Article)
			}
			body := []rune(art.Body)
			if e.Start < 0 || e.End > len(body) || e.Start >= e.End {
				t.Errorf("relation %s: evidence offsets %d..%d out of range", want.Key, e.Start, e.End)
				continue
			}
			if got := string(body[e.Start:e.End]); got != e.Quote {
				t.Errorf("relation %s: body[%d:%d] = %q, want the quote %q", want.Key, e.Start, e.End, got, e.Quote)
			}
		}
	}
	for i, n := range w.notes {
		want := p.Notes[i]
		targets := []bool{n.ActorID != 0, n.ArticleID != 0, n.RelationID != 0}
		wants := []bool{want.Actor != "", want.Article != "", want.Relation != ""}
		for k := range targets {
			if targets[k] != wants[k] {
				t.Errorf("note %d attached to actor %d, article %d, relation %d; want %+v", i+1, n.ActorID, n.ArticleID, n.RelationID, want)
			}
		}
	}
}

func TestLoadStopsAtError(t *testing.T) {
	for _, method := range []string{"actor", "article", "relation", "note"} {
		t.Run(method, func(t *testing.T) {
			w := &recorder{failOn: method}
			err := Load(context.Background(), w)
			if !errors.Is(err, errWrite) || !app.IsCode(err, app.EDUPLICATE) {
				t.Fatalf("Load error = %v; want the writer's EDUPLICATE error wrapped", err)
			}
			if msg := app.ErrorMessage(err); !strings.Contains(msg, "sample "+method) {
				t.Errorf("message %q does not name the sample %s", msg, method)
			}
			if last := w.calls[len(w.calls)-1]; last != method {
				t.Errorf("Load went on after the failing %s (last call %s)", method, last)
			}
		})
	}
}

func actorName(p Project, key string) string {
	for _, a := range p.Actors {
		if a.Key == key {
			return a.Name
		}
	}
	return ""
}

func articleTitle(p Project, key string) string {
	for _, a := range p.Articles {
		if a.Key == key {
			return a.Title
		}
	}
	return ""
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(validDoc))
	f.Add(sampledata.JSON)
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := parse(data)
		if err != nil {
			if !app.IsCode(err, app.EINVALID) {
				t.Fatalf("parse error %v has code %s, want EINVALID", err, app.ErrorCode(err))
			}
			return
		}
		// Whatever parse accepts must be loadable with every quote located.
		for _, r := range p.Relations {
			for _, e := range r.Evidence {
				for _, a := range p.Articles {
					if a.Key == e.Article {
						art := a.app()
						if s, _ := QuoteSpan(art.Body, e.Quote); s < 0 {
							t.Fatalf("accepted quote %q not in body", e.Quote)
						}
					}
				}
			}
		}
	})
}
