package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"dossier/app"
)

// noteStore is what the note commands need beyond Store; *db.Store provides it. It is
// asked for by type so that Store stays as other commands need it.
type noteStore interface {
	CreateNote(ctx context.Context, n app.Note) (app.Note, error)
	FindNote(ctx context.Context, ref string) (app.Note, error)
	Notes(ctx context.Context, q app.NoteQuery) ([]app.NoteRow, error)
	NoteLinks(ctx context.Context, noteID int64) ([]app.StoredLink, error)
	Backlinks(ctx context.Context, kind string, id int64) (app.Backlinks, error)
}

func asNoteStore(s Store) (noteStore, error) {
	n, ok := s.(noteStore)
	if !ok {
		return nil, app.Errorf(app.EINVALID, "This project cannot keep notes here.")
	}
	return n, nil
}

const noteSynopsis = "note add|show [--db FILE] ..."

func runNote(ctx context.Context, env Env, args []string) error {
	return runGroup(ctx, env, "note", noteSynopsis,
		"Writes and reads the project's notes. Subcommands:\n  add    write a standalone note, from --text or a Markdown file\n  show   print one note, its [[links]] and the notes linking to it",
		[]subcommand{{"add", runNoteAdd}, {"show", runNoteShow}}, args)
}

// maxNoteFile is the largest Markdown file note add reads: a note, not a book.
const maxNoteFile = 8 << 20

func runNoteAdd(ctx context.Context, env Env, args []string) (err error) {
	f := newFlags(env, "note add", "note add [--db FILE] [--title T] [--tag T]... (--text TEXT | --file FILE.md)",
		`Writes a standalone note in Markdown. Its [[links]] ([[Nouri al-Maliki]], [[an alias]],
[[an article's title]], [[another note's title]], [[actor:Name]] when a name is shared)
are resolved and kept by the record's identity, so they survive a rename. The links that
point at nothing yet, or at several records, are listed on stderr.`).withDB()
	title := f.String("title", "", "the note's `TITLE`")
	text := f.String("text", "", "the note's Markdown `TEXT`")
	file := f.String("file", "", "read the note's Markdown from `FILE.md` (- for stdin)")
	var tags listFlag
	f.Var(&tags, "tag", "a `TAG` to file the note under; repeat for several")
	if _, err := f.parse(args, 0, 0); err != nil {
		return err
	}
	if (*text == "") == (*file == "") {
		return f.usageErr("give the note's text with --text or --file, one of them")
	}
	body := *text
	if *file != "" {
		if body, err = readNoteFile(env, *file); err != nil {
			return err
		}
	}
	s, err := f.open(ctx)
	if err != nil {
		return err
	}
	defer closeStore(s, &err)
	ns, err := asNoteStore(s)
	if err != nil {
		return err
	}
	n, err := ns.CreateNote(ctx, app.Note{Title: *title, Tags: tags, Body: body})
	if err != nil {
		return err
	}
	links, err := ns.NoteLinks(ctx, n.ID)
	if err != nil {
		return err
	}
	resolved := 0
	for _, l := range links {
		if l.Status == app.LinkResolved && !l.Gone {
			resolved++
			continue
		}
		fmt.Fprintf(env.Stderr, "dossier: note #%d: %s\n", n.ID, shown(linkProblem(l)))
	}
	fmt.Fprintf(env.Stdout, "added note #%d %s (%d of %d links resolved)\n", n.ID, shown(n.Heading()), resolved, len(links))
	return nil
}

// linkProblem says why a link points at no record.
func linkProblem(l app.StoredLink) string {
	switch {
	case l.Gone:
		return fmt.Sprintf("[[%s]] pointed at a %s that was deleted", l.Target, l.Kind)
	case l.Status == app.LinkAmbiguous:
		return fmt.Sprintf("[[%s]] could mean several records; write [[actor:%s]], [[article:%s]] or [[note:%s]]", l.Target, l.Target, l.Target, l.Target)
	}
	return fmt.Sprintf("[[%s]] points at nothing yet (no actor, article or note goes by that name)", l.Target)
}

func readNoteFile(env Env, path string) (string, error) {
	var r io.Reader = env.Stdin
	if path != "-" {
		fh, err := os.Open(path)
		if err != nil {
			return "", app.Errorf(app.EINVALID, "Cannot read the note file %s: %v", path, err)
		}
		defer fh.Close()
		r = fh
	}
	b, err := io.ReadAll(io.LimitReader(r, maxNoteFile+1))
	if err != nil {
		return "", app.Errorf(app.EINVALID, "Cannot read the note file %s: %v", path, err)
	}
	if len(b) > maxNoteFile {
		return "", app.Errorf(app.EINVALID, "The note file %s is larger than %d MB; a note is kept whole or not at all.", path, maxNoteFile>>20)
	}
	if !utf8.Valid(b) {
		return "", app.Errorf(app.EINVALID, "The note file %s is not UTF-8 text.", path)
	}
	return strings.TrimPrefix(string(b), "\ufeff"), nil
}

func runNoteShow(ctx context.Context, env Env, args []string) (err error) {
	f := newFlags(env, "note show", "note show [--db FILE] [--read-only] [--json] ID",
		`Prints one note (ID is its number, 12 or #12, or its UUID): title, tags, when it was
last edited, what it is attached to, its Markdown text, each [[link]] with the record it
points at now (by current name) or why it points at none, and the notes linking to it.`).withDB().readsOnly()
	pos, err := f.parse(args, 1, 1)
	if err != nil {
		return err
	}
	s, err := f.open(ctx)
	if err != nil {
		return err
	}
	defer closeStore(s, &err)
	ns, err := asNoteStore(s)
	if err != nil {
		return err
	}
	n, err := ns.FindNote(ctx, pos[0])
	if err != nil {
		return err
	}
	links, err := ns.NoteLinks(ctx, n.ID)
	if err != nil {
		return err
	}
	back, err := ns.Backlinks(ctx, app.LinkNote, n.ID)
	if err != nil {
		return err
	}
	w := env.Stdout
	fmt.Fprintf(w, "note #%d %s\n", n.ID, shown(n.Heading()))
	fmt.Fprintf(w, "uuid: %s\n", n.UUID)
	if len(n.Tags) > 0 {
		fmt.Fprintf(w, "tags: %s\n", shown(strings.Join(n.Tags, ", ")))
	}
	fmt.Fprintf(w, "updated: %s\n", n.Updated.UTC().Format(time.RFC3339))
	fmt.Fprintln(w)
	for _, line := range strings.Split(n.Body, "\n") {
		fmt.Fprintln(w, shown(line))
	}
	if len(links) > 0 {
		fmt.Fprintf(w, "\nlinks (%d):\n", len(links))
		for _, l := range links {
			to := linkProblem(l)
			if l.Status == app.LinkResolved && !l.Gone {
				to = fmt.Sprintf("[[%s]] → %s #%d %s", l.Target, l.Kind, l.ID, l.Name)
			}
			fmt.Fprintf(w, "  %s\n", shown(to))
		}
	}
	if back.LinkedTotal > 0 {
		fmt.Fprintf(w, "\nlinked from (%d):\n", back.LinkedTotal)
		for _, b := range back.Linked {
			fmt.Fprintf(w, "  note #%d %s: %s\n", b.NoteID, shown(b.Heading), shown(b.Sentence))
		}
		if len(back.Linked) < back.LinkedTotal {
			fmt.Fprintf(w, "  (%d of %d shown)\n", len(back.Linked), back.LinkedTotal)
		}
	}
	return nil
}

// noteJSON is one note as list notes --json writes it. Its field names are a contract
// with scripts: add fields, do not rename them.
type noteJSON struct {
	ID      int64          `json:"id"`
	UUID    string         `json:"uuid"`
	Title   string         `json:"title"`
	Tags    []string       `json:"tags"`
	Links   []noteLinkJSON `json:"links"`
	Updated string         `json:"updated"`
	Body    string         `json:"body"`
}

// noteLinkJSON is one [[link]] of a listed note: its text, its status (resolved, missing,
// ambiguous, gone) and, when resolved, the record's kind, UUID and current name.
type noteLinkJSON struct {
	Target string `json:"target"`
	Status string `json:"status"`
	Kind   string `json:"kind,omitempty"`
	UUID   string `json:"uuid,omitempty"`
	Name   string `json:"name,omitempty"`
}

func listNotes(ctx context.Context, s Store, limit int, emit func(string, any) error) error {
	ns, err := asNoteStore(s)
	if err != nil {
		return err
	}
	for done := 0; ; {
		n := pageSize(limit, done)
		if n <= 0 {
			return nil
		}
		rows, err := ns.Notes(ctx, app.NoteQuery{Offset: done, Limit: n})
		if err != nil {
			return err
		}
		for _, r := range rows {
			note, err := ns.FindNote(ctx, "#"+strconv.FormatInt(r.ID, 10))
			if err != nil {
				return err
			}
			links, err := ns.NoteLinks(ctx, r.ID)
			if err != nil {
				return err
			}
			obj := noteJSON{ID: r.ID, UUID: r.UUID, Title: note.Title, Tags: nonNil(r.Tags), Links: []noteLinkJSON{},
				Updated: r.Updated.UTC().Format(time.RFC3339), Body: note.Body}
			for _, l := range links {
				j := noteLinkJSON{Target: l.Target, Status: l.Status}
				if l.Gone {
					j.Status = "gone"
				}
				if l.Status == app.LinkResolved {
					j.Kind, j.UUID, j.Name = l.Kind, l.UUID, l.Name
				}
				obj.Links = append(obj.Links, j)
			}
			text := cells("#"+strconv.FormatInt(r.ID, 10), obj.Updated, r.Heading, strings.Join(r.Tags, ", "),
				plural(len(links), "link", "links"), r.About)
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

// plural writes "1 link" or "3 links".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
