package export

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"dossier/app"
)

// Folders of the Markdown vault.
const (
	VaultActors   = "actors"
	VaultArticles = "articles"
	VaultNotes    = "notes"
	// VaultScope is the note at the vault's root that says what it holds.
	VaultScope = "Scope.md"
)

// Sink receives the files of a multi-file export (the Markdown vault), by slash path.
type Sink interface {
	Create(path string) (io.WriteCloser, error)
}

// DirSink writes a vault's files under a folder.
type DirSink string

// Create makes the file at path under the folder, and its folders.
func (d DirSink) Create(path string) (io.WriteCloser, error) {
	full := filepath.Join(string(d), filepath.FromSlash(path))
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		return nil, err
	}
	return os.Create(full)
}

// vaultName is a record's file name without ".md": its name made safe for every file
// system ("nouri-al-maliki") and the last 12 hex digits of its UUID, which are random in
// a version 7 UUID, so two actors of one name get two files. Links are made from the
// same function, so every link names the file it points to, without a lookup table.
func vaultName(name, uuid string) string {
	var b strings.Builder
	dash, n := false, 0
	for _, r := range app.Fold(name) {
		if n >= 60 {
			break
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
			n++
			continue
		}
		dash = true
	}
	tail := strings.ReplaceAll(uuid, "-", "")
	if len(tail) > 12 {
		tail = tail[len(tail)-12:]
	}
	if b.Len() == 0 {
		return tail
	}
	return b.String() + "-" + tail
}

var linkShown = strings.NewReplacer("[", "(", "]", ")", "|", "/")

// wikiLink is an Obsidian link to a vault file, shown as text. The characters a link
// cannot hold ([ ] |) are taken out of the shown text.
func wikiLink(folder, name, uuid string) string {
	shown := linkShown.Replace(name)
	return "[[" + folder + "/" + vaultName(name, uuid) + "|" + shown + "]]"
}

// actorLink is the link to an actor's note.
func actorLink(name, uuid string) string { return wikiLink(VaultActors, name, uuid) }

// WriteVault writes the scope as a Markdown vault for Obsidian and any editor: a note per
// actor (front matter with kind, aliases, tags and UUID; its relations as sentences with
// [[links]] to the other actor and footnotes quoting each source, linked to the
// article's note), a note per article (front matter with outlet, date, URL; its text) and
// a note per note, linking to what it is on. Every link points to a file in the vault:
// in an actor's dossier, the other actors' notes list only their relations with it.
//
// A whole project's vault writes its articles before its actors, reading them while it
// reads and sorts the relations the actors' notes need (on a second connection when the
// source has one, see besideReader); a folder's background writers then also create the
// articles' files meanwhile.
func WriteVault(ctx context.Context, sink Sink, j Job) error {
	types, err := j.typeMap(ctx)
	if err != nil {
		return err
	}
	buf := newStreamWriter(io.Discard)
	// The vault says what it holds in a note of its own at its root.
	err = writeFile(sink, buf, VaultScope, func(s *streamWriter) error {
		s.str("---\nkind: \"scope\"\n---\n\n# Scope\n\n", mdLine(j.Scope.Describe()), "\n")
		return nil
	})
	if err != nil {
		return err
	}
	if j.Scope.ActorID == 0 {
		err = vaultProject(ctx, sink, buf, j, types)
	} else {
		err = vaultDossierActors(ctx, sink, buf, j, types)
		if err == nil {
			err = vaultArticles(ctx, sink, buf, j.Src.EachExportArticle, j.Scope)
		}
	}
	if err != nil {
		return err
	}
	return j.Src.EachExportNote(ctx, j.Scope, func(n app.LinkedNote) error {
		return writeFile(sink, buf, VaultNotes+"/"+vaultName("note", n.UUID)+".md", func(s *streamWriter) error {
			noteNote(s, n)
			return nil
		})
	})
}

func vaultArticles(ctx context.Context, sink Sink, buf *streamWriter, each func(context.Context, app.ExportScope, func(app.Article) error) error, sc app.ExportScope) error {
	return each(ctx, sc, func(a app.Article) error {
		return writeFile(sink, buf, VaultArticles+"/"+vaultName(a.Title, a.UUID)+".md", func(s *streamWriter) error {
			articleNote(s, a)
			return nil
		})
	})
}

// besideReader is a Source that can read the articles on a connection of its own, beside
// the one the relations are read on (*db.Store).
type besideReader interface {
	EachExportArticleBeside(ctx context.Context, sc app.ExportScope, fn func(app.Article) error) error
}

// vaultProject writes the articles' and the actors' notes of the whole project. The
// relations are read and sorted by actor on other goroutines while this one writes the
// articles; the first failure of either stops the other and is the one returned.
func vaultProject(ctx context.Context, sink Sink, buf *streamWriter, j Job, types map[string]app.RelationType) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var first firstError
	sorted := make(chan *lineSorter, 1)
	go func() {
		ls, err := sortRelations(ctx, j, types, vaultTempDir)
		if err != nil {
			first.set(err, cancel)
		}
		sorted <- ls
	}()
	each := j.Src.EachExportArticle
	if b, ok := j.Src.(besideReader); ok {
		each = b.EachExportArticleBeside
	}
	if err := vaultArticles(ctx, sink, buf, each, j.Scope); err != nil {
		first.set(err, cancel)
	}
	ls := <-sorted
	if err := first.get(); err != nil {
		if ls != nil {
			ls.close()
		}
		return err
	}
	defer ls.close()
	lines, err := ls.sorted()
	if err != nil {
		return err
	}
	return j.Src.EachExportActor(ctx, j.Scope, func(a app.Actor) error {
		return writeFile(sink, buf, VaultActors+"/"+vaultName(a.Name, a.UUID)+".md", func(s *streamWriter) error {
			actorHead(s, a)
			var rl relationLines
			return lines.each(a.ID, func(l *vaultLine) error {
				rl.write(s, l.sentence, l.notes)
				return s.err
			})
		})
	})
}

// firstError keeps the first of the errors of work done side by side: the others are
// mostly the cancellation it caused.
type firstError struct {
	mu  sync.Mutex
	err error
}

func (f *firstError) set(err error, cancel func()) {
	f.mu.Lock()
	if f.err == nil {
		f.err = err
	}
	f.mu.Unlock()
	cancel()
}

func (f *firstError) get() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.err
}

// vaultTempDir is where a whole-project vault sorts its relations and a zip vault keeps
// its directory until the end ("": the system's temporary folder).
var vaultTempDir = ""

// vaultDossierActors writes the notes of the actors of one dossier, each reading its
// relations with a query of its own: a dossier has a few actors.
func vaultDossierActors(ctx context.Context, sink Sink, buf *streamWriter, j Job, types map[string]app.RelationType) error {
	return j.Src.EachExportActor(ctx, j.Scope, func(a app.Actor) error {
		return writeFile(sink, buf, VaultActors+"/"+vaultName(a.Name, a.UUID)+".md", func(s *streamWriter) error {
			actorHead(s, a)
			var rl relationLines
			return j.Src.EachRelation(ctx, app.RelationQuery{ActorID: a.ID}, j.keep(func(r app.Relation) error {
				if a.ID != j.Scope.ActorID && r.SourceID != j.Scope.ActorID && r.TargetID != j.Scope.ActorID {
					return nil // the other actor is not in this dossier's vault
				}
				notes := make([]string, len(r.Evidence))
				for i, e := range r.Evidence {
					notes[i] = footnote(e)
				}
				rl.write(s, relationSentence(a.UUID, &r, types[r.Type], actorLink), notes)
				return s.err
			}))
		})
	})
}

// writeFile writes one file of the vault through buf, which is reset for each: a new
// 64 KB buffer per note was a third of a large vault's time.
func writeFile(sink Sink, buf *streamWriter, path string, fill func(*streamWriter) error) error {
	f, err := sink.Create(path)
	if err != nil {
		var ae *app.Error
		if errors.As(err, &ae) {
			return err // already names the file that failed, which may be an earlier one
		}
		return &app.Error{Code: app.EINTERNAL, Err: err, Message: "Cannot write " + path + " in the vault: " + err.Error() + "."}
	}
	s := buf
	s.bw.Reset(f)
	s.err = nil
	err = fill(s)
	ferr := s.finish("Markdown")
	switch {
	case s.err != nil && (err == nil || err == s.err):
		// The file itself could not be written (disk full, a write refused): say which.
		err = &app.Error{Code: app.EINTERNAL, Err: s.err, Message: "Cannot write " + path + " in the vault: " + s.err.Error() +
			"; check that the disk is not full and the folder is writable, then export again."}
	case err == nil:
		err = ferr
	}
	if cerr := f.Close(); err == nil && cerr != nil {
		err = cerr
		if ae := (*app.Error)(nil); !errors.As(cerr, &ae) {
			err = &app.Error{Code: app.EINTERNAL, Err: cerr, Message: "Cannot finish writing " + path + " in the vault."}
		}
	}
	return err
}

// yamlString quotes s as a YAML double-quoted scalar, which takes any text on one line.
func yamlString(s string) string {
	return strconv.Quote(s)
}

func frontList(s *streamWriter, key string, values []string) {
	if len(values) == 0 {
		return
	}
	s.str(key, ":\n")
	for _, v := range values {
		s.str("  - ", yamlString(v), "\n")
	}
}

// mdLine makes text safe on one Markdown line: newlines become spaces.
func mdLine(text string) string {
	return strings.Join(strings.Fields(text), " ")
}

// actorHead writes an actor note's front matter, name, description and notes.
func actorHead(s *streamWriter, a app.Actor) {
	s.str("---\n", "kind: ", yamlString(string(a.Kind)), "\n")
	frontList(s, "aliases", a.Aliases)
	frontList(s, "tags", a.Tags)
	s.str("uuid: ", yamlString(a.UUID), "\n---\n\n# ", mdLine(a.Name), "\n\n")
	if a.Description != "" {
		s.str(mdLine(a.Description), "\n\n")
	}
	if a.Notes != "" {
		s.str(a.Notes, "\n\n")
	}
}

// relationLines writes an actor's relations under its heading, numbering the footnotes.
// Each relation's footnotes are defined right under it rather than gathered at the end:
// Obsidian and other renderers move them to the bottom anyway, and an actor with tens
// of thousands of relations then needs no memory for them.
type relationLines struct {
	n       int // footnotes so far
	heading bool
}

func (rl *relationLines) write(s *streamWriter, sentence string, notes []string) {
	if !rl.heading {
		s.str("## Relations\n\n")
		rl.heading = true
	}
	s.str("- ", sentence)
	for i := range notes {
		s.str("[^", itoa(rl.n+i+1), "]")
	}
	s.str("\n")
	if len(notes) > 0 {
		s.str("\n")
		for _, fn := range notes {
			rl.n++
			s.str("[^", itoa(rl.n), "]: ", fn, "\n")
		}
		s.str("\n")
	}
}

// relationSentence is "[[Trump]] threatens Iraq — 27 Jan 2026 (reported, conditional)",
// the note's own actor (self, its UUID) unlinked.
func relationSentence(self string, r *app.Relation, t app.RelationType, actorLink func(name, uuid string) string) string {
	side := func(name, uuid string) string {
		if uuid == self {
			return "**" + mdLine(name) + "**"
		}
		return actorLink(name, uuid)
	}
	line := side(r.SourceName, r.SourceUUID) + " " + mdLine(firstSet(r.TypeLabel, t.Label, r.Type)) + " " + side(r.TargetName, r.TargetUUID)
	if when := app.Range(r.Start, r.End); when != "" {
		line += " — " + when
	}
	quals := []string{r.Confidence}
	if r.Modality != "" && r.Modality != app.Asserted {
		quals = append(quals, r.Modality)
	}
	if r.SpeakerName != "" {
		quals = append(quals, "said by "+mdLine(r.SpeakerName))
	}
	line += " (" + strings.Join(quals, ", ") + ")"
	if r.Note != "" {
		line += ": " + mdLine(r.Note)
	}
	return line
}

// footnote cites one source: the quote, then the article's note, outlet, date and URL.
func footnote(e app.Evidence) string {
	var parts []string
	if e.Quote != "" {
		parts = append(parts, "“"+mdLine(e.Quote)+"”")
	}
	cite := []string{wikiLink(VaultArticles, e.ArticleTitle, e.ArticleUUID)}
	for _, p := range []string{e.Source, e.ArticleDate.Human(), e.ArticleURL} {
		if p != "" {
			cite = append(cite, mdLine(p))
		}
	}
	return strings.Join(append(parts, strings.Join(cite, ", ")), " — ")
}

func articleNote(s *streamWriter, a app.Article) {
	s.str("---\n", "title: ", yamlString(a.Title), "\n")
	for _, kv := range [][2]string{{"outlet", a.Source}, {"date", string(a.Date)}, {"url", a.URL}, {"author", a.Author}, {"language", a.Language}} {
		if kv[1] != "" {
			s.str(kv[0], ": ", yamlString(kv[1]), "\n")
		}
	}
	frontList(s, "tags", a.Tags)
	s.str("uuid: ", yamlString(a.UUID), "\n---\n\n# ", mdLine(a.Title), "\n\n")
	if a.Notes != "" {
		s.str("> ", strings.ReplaceAll(a.Notes, "\n", "\n> "), "\n\n")
	}
	s.str(a.Body, "\n")
}

func noteNote(s *streamWriter, n app.LinkedNote) {
	s.str("---\n", "uuid: ", yamlString(n.UUID), "\n")
	if !n.Created.IsZero() {
		s.str("created: ", yamlString(string(app.DateOf(n.Created))), "\n")
	}
	s.str("---\n\n")
	switch {
	case n.ActorUUID != "":
		s.str("On ", wikiLink(VaultActors, n.ActorName, n.ActorUUID), ".\n\n")
	case n.ArticleUUID != "":
		s.str("On ", wikiLink(VaultArticles, n.ArticleTitle, n.ArticleUUID), ".\n\n")
	case n.RelationSourceUUID != "":
		s.str("On a relation of ", wikiLink(VaultActors, n.RelationSourceName, n.RelationSourceUUID), ".\n\n")
	}
	s.str(n.Body, "\n")
}

// WriteVaultDir writes the vault into a temporary folder beside path, flushes it to disk
// (one flush for the whole folder, not one per file) and renames it to path once
// complete, so a failed export, or a crash, leaves no half vault under path. A folder
// with files in it is refused rather than mixed with; an empty one is replaced, and
// stays as it was when the export fails.
func WriteVaultDir(ctx context.Context, path string, j Job) error {
	if err := vaultDirFree(path); err != nil {
		return err
	}
	parent, base := filepath.Split(filepath.Clean(path))
	if parent == "" {
		parent = "."
	}
	tmp, err := os.MkdirTemp(parent, "."+base+".*.tmp")
	if err != nil {
		return &app.Error{Code: app.EINVALID, Err: err, Message: fmt.Sprintf("Cannot write the vault beside %s: %v.", path, err)}
	}
	sink := newPipeSink(tmp)
	err = WriteVault(ctx, sink, j)
	// Every file is on disk (or failed) before the folder is renamed or removed.
	if cerr := sink.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = finishVaultDir(tmp, path)
	}
	if err != nil {
		os.RemoveAll(tmp)
		return vaultDirError(path, err)
	}
	// The rename itself is on disk once the parent folder is.
	if err := flushDir(parent); err != nil {
		return &app.Error{Code: app.EINTERNAL, Err: err, Message: fmt.Sprintf("The vault %s is written, but its folder could not be flushed to disk: %v.", path, err)}
	}
	return nil
}

// vaultDirError names the vault's folder in the failure of its export, and says what
// was left: nothing new, and what was there before as it was.
func vaultDirError(path string, err error) error {
	code, msg := app.EINTERNAL, err.Error()
	var ae *app.Error
	if errors.As(err, &ae) {
		code, msg = ae.Code, ae.Message
	}
	return &app.Error{Code: code, Err: err, Message: fmt.Sprintf("The vault %s was not written: %s Nothing of it was left behind.", path, strings.TrimSpace(msg))}
}

// vaultDirFree refuses a path that holds files, or is one: a vault is never mixed with
// them, nor replaces them.
func vaultDirFree(path string) error {
	entries, err := os.ReadDir(path)
	switch {
	case err == nil && len(entries) > 0:
		return app.Errorf(app.EINVALID, "%s already holds files; give a new or empty folder for the vault.", path)
	case err != nil && !errors.Is(err, os.ErrNotExist):
		// A file of that name, or a folder that cannot be read: never removed.
		return &app.Error{Code: app.EINVALID, Err: err, Message: fmt.Sprintf("Cannot write the vault as %s: %v.", path, err)}
	}
	return nil
}

// finishVaultDir flushes the complete vault in tmp to disk and renames it to path,
// replacing an empty folder there. Flushing before the rename is what makes the rename
// mean "complete": without it, a crash soon after could leave path holding empty files.
func finishVaultDir(tmp, path string) error {
	if err := flushFolder(tmp); err != nil {
		return err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	if err := vaultDirFree(path); err != nil {
		return err // files appeared there while the vault was written
	}
	if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	return os.Rename(tmp, path)
}
