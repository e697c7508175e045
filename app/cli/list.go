package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"strconv"
	"strings"

	"dossier/app"
)

// listPage is how many rows a list reads from the store at a time; lists of any length
// are streamed in pages of this size.
const listPage = 500

const listAbout = `Lists the articles (newest first), the actors (by name) or the relations (oldest
first) of the project, one per line with tab-separated fields, or with --json as a JSON
array of objects:
  articles   id, uuid, title, source, url, author, date, tags
  actors     id, uuid, name, kind, aliases, description
  relations  id, uuid, from, type, label, to, date, end, article, quote, confidence, modality
  notes      id, uuid, title, tags, links, updated, body (most recently edited first)
id is the number the other commands accept as #id; dates are partial ISO dates
(2026, 2026-01, 2026-01-27) and "" when unknown; a relation's article and quote are
those of its first evidence.`

// articleJSON, actorJSON and relationJSON are the objects list --json writes. Their field
// names are a contract with scripts: add fields, do not rename them.
type articleJSON struct {
	ID     int64    `json:"id"`
	UUID   string   `json:"uuid"`
	Title  string   `json:"title"`
	Source string   `json:"source"`
	URL    string   `json:"url"`
	Author string   `json:"author"`
	Date   string   `json:"date"`
	Tags   []string `json:"tags"`
}

type actorJSON struct {
	ID          int64    `json:"id"`
	UUID        string   `json:"uuid"`
	Name        string   `json:"name"`
	Kind        string   `json:"kind"`
	Aliases     []string `json:"aliases"`
	Description string   `json:"description"`
}

type relationJSON struct {
	ID         int64  `json:"id"`
	UUID       string `json:"uuid"`
	From       string `json:"from"`
	Type       string `json:"type"`  // the type's key: "threatens", "member_of"
	Label      string `json:"label"` // its wording: "is a member of"
	To         string `json:"to"`
	Date       string `json:"date"`
	End        string `json:"end"`
	Article    string `json:"article"`
	Quote      string `json:"quote"`
	Confidence string `json:"confidence"`
	Modality   string `json:"modality"`
}

func runList(ctx context.Context, env Env, args []string) error {
	return runGroup(ctx, env, "list", "list articles|actors|relations|notes [--db FILE] [--read-only] [--json] [--limit N]", listAbout,
		[]subcommand{
			{"articles", listCmd("articles", listArticles)},
			{"actors", listCmd("actors", listActors)},
			{"relations", listCmd("relations", listRelations)},
			{"notes", listCmd("notes", listNotes)}, // note.go
		}, args)
}

// lister writes up to limit rows (0: all) of one kind through emit.
type lister func(ctx context.Context, s Store, limit int, emit func(text string, obj any) error) error

func listCmd(kind string, list lister) func(ctx context.Context, env Env, args []string) error {
	return func(ctx context.Context, env Env, args []string) (err error) {
		f := newFlags(env, "list "+kind, "list "+kind+" [--db FILE] [--read-only] [--json] [--limit N]", listAbout).withDB().readsOnly()
		asJSON := f.Bool("json", false, "write a JSON array of objects instead of lines of text")
		limit := f.Int("limit", 0, "list at most `N` (0: all)")
		if _, err := f.parse(args, 0, 0); err != nil {
			return err
		}
		if *limit < 0 {
			return f.usageErr("--limit cannot be negative")
		}
		s, err := f.open(ctx)
		if err != nil {
			return err
		}
		defer closeStore(s, &err)
		out := newListWriter(env.Stdout, *asJSON)
		if err := list(ctx, s, *limit, out.emit); err != nil {
			return err
		}
		return out.close()
	}
}

// listWriter writes rows as lines of text or as the elements of one JSON array. The
// array's brackets and commas are written by hand so that each element is encoded and
// written on its own: memory stays flat however long the list.
type listWriter struct {
	w    *bufio.Writer
	json bool
	n    int
	buf  bytes.Buffer
	enc  *json.Encoder
}

func newListWriter(w io.Writer, asJSON bool) *listWriter {
	l := &listWriter{w: bufio.NewWriter(w), json: asJSON}
	l.enc = json.NewEncoder(&l.buf)
	l.enc.SetEscapeHTML(false) // titles with & and < stay readable
	return l
}

func (l *listWriter) emit(text string, obj any) error {
	defer func() { l.n++ }()
	if !l.json {
		l.w.WriteString(text)
		_, err := l.w.WriteString("\n")
		return err
	}
	l.buf.Reset()
	if err := l.enc.Encode(obj); err != nil {
		return err
	}
	sep := ",\n  "
	if l.n == 0 {
		sep = "[\n  "
	}
	l.w.WriteString(sep)
	_, err := l.w.Write(bytes.TrimSuffix(l.buf.Bytes(), []byte("\n")))
	return err
}

func (l *listWriter) close() error {
	if l.json {
		if l.n == 0 {
			l.w.WriteString("[]\n")
		} else {
			l.w.WriteString("\n]\n")
		}
	}
	return l.w.Flush()
}

// pageSize is the size of the next page when limit rows (0: all) are wanted and done
// have been written; 0 means stop.
func pageSize(limit, done int) int {
	if limit == 0 {
		return listPage
	}
	return min(listPage, limit-done)
}

func listArticles(ctx context.Context, s Store, limit int, emit func(string, any) error) error {
	for done := 0; ; {
		n := pageSize(limit, done)
		if n <= 0 {
			return nil
		}
		rows, err := s.Articles(ctx, app.ArticleQuery{Sort: app.NewestFirst, Offset: done, Limit: n})
		if err != nil {
			return err
		}
		for _, r := range rows {
			text := cells("#"+strconv.FormatInt(r.ID, 10), string(r.Date), r.Title, r.Source, r.URL)
			obj := articleJSON{ID: r.ID, UUID: r.UUID, Title: r.Title, Source: r.Source, URL: r.URL,
				Author: r.Author, Date: string(r.Date), Tags: nonNil(r.Tags)}
			if err := emit(text, obj); err != nil {
				return err
			}
		}
		done += len(rows)
		if len(rows) < n {
			return nil
		}
	}
}

func listActors(ctx context.Context, s Store, limit int, emit func(string, any) error) error {
	for done := 0; ; {
		n := pageSize(limit, done)
		if n <= 0 {
			return nil
		}
		rows, err := s.Actors(ctx, app.ActorQuery{Offset: done, Limit: n})
		if err != nil {
			return err
		}
		for _, r := range rows {
			text := cells("#"+strconv.FormatInt(r.ID, 10), r.Name, string(r.Kind), strings.Join(r.Aliases, ", "), r.Description)
			obj := actorJSON{ID: r.ID, UUID: r.UUID, Name: r.Name, Kind: string(r.Kind),
				Aliases: nonNil(r.Aliases), Description: r.Description}
			if err := emit(text, obj); err != nil {
				return err
			}
		}
		done += len(rows)
		if len(rows) < n {
			return nil
		}
	}
}

func listRelations(ctx context.Context, s Store, limit int, emit func(string, any) error) error {
	return s.EachRelation(ctx, app.RelationQuery{Limit: limit}, func(r app.Relation) error {
		var e app.Evidence
		if len(r.Evidence) > 0 {
			e = r.Evidence[0]
		}
		text := cells("#"+strconv.FormatInt(r.ID, 10), relationLine(r), e.ArticleTitle)
		obj := relationJSON{ID: r.ID, UUID: r.UUID, From: r.SourceName, Type: r.Type, Label: r.TypeLabel,
			To: r.TargetName, Date: string(r.Start), End: string(r.End), Article: e.ArticleTitle,
			Quote: e.Quote, Confidence: r.Confidence, Modality: r.Modality}
		return emit(text, obj)
	})
}

// cells joins fields with tabs, turning any tab or line break inside a field into a
// space so that each row stays one line, and escaping anything else a terminal would
// act on (see shown): every field of a list or search line comes from outside.
func cells(fields ...string) string {
	for i, f := range fields {
		if strings.ContainsAny(f, "\t\r\n") {
			f = strings.Join(strings.Fields(f), " ")
		}
		fields[i] = shown(f)
	}
	return strings.Join(fields, "\t")
}

// nonNil makes an empty list encode as [] rather than null.
func nonNil(l []string) []string {
	if l == nil {
		return []string{}
	}
	return l
}
