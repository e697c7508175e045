package export

// This file keeps, unchanged, the Markdown vault writer as it was before the vault was
// made faster (one pass over the relations sorted by actor instead of two streams, the
// links built once). TestVaultSameAsBefore compares every file the new writer makes with
// the file this one makes from the same project: the vault must not change by a byte.

import (
	"context"
	"errors"
	"io"
	"iter"
	"strconv"
	"strings"
	"unicode"

	"dossier/app"
)

// RefWriteVault is the vault writer of before, for the external tests.
var RefWriteVault = refWriteVault

// refVaultName is a record's file name without ".md": its name made safe for every file
// system ("nouri-al-maliki") and the last 12 hex digits of its UUID, which are random in
// a version 7 UUID, so two actors of one name get two files. Links are made from the
// same function, so every link names the file it points to, without a lookup table.
func refVaultName(name, uuid string) string {
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

// refWikiLink is an Obsidian link to a vault file, shown as text. The characters a link
// cannot hold ([ ] |) are taken out of the shown text.
func refWikiLink(folder, name, uuid string) string {
	shown := strings.NewReplacer("[", "(", "]", ")", "|", "/").Replace(name)
	return "[[" + folder + "/" + refVaultName(name, uuid) + "|" + shown + "]]"
}

// refWriteVault writes the scope as a Markdown vault for Obsidian and any editor: a note per
// actor (front matter with kind, aliases, tags and UUID; its relations as sentences with
// [[links]] to the other actor and footnotes quoting each source, linked to the
// article's note), a note per article (front matter with outlet, date, URL; its text) and
// a note per note, linking to what it is on. Every link points to a file in the vault:
// in an actor's dossier, the other actors' notes list only their relations with it.
func refWriteVault(ctx context.Context, sink Sink, j Job) error {
	types, err := j.typeMap(ctx)
	if err != nil {
		return err
	}
	buf := newStreamWriter(io.Discard)
	relationsOf := func(a app.Actor, fn func(app.Relation) error) error {
		return j.Src.EachRelation(ctx, app.RelationQuery{ActorID: a.ID}, j.keep(fn))
	}
	if j.Scope.ActorID == 0 {
		// The whole project: every actor's relations come from two streams over all
		// relations, ordered by source and by target actor, read alongside the actors
		// (ordered by id too): two passes in all rather than a query per actor.
		out, in := refNewSideStream(ctx, j.Src, "source"), refNewSideStream(ctx, j.Src, "target")
		defer out.stop()
		defer in.stop()
		relationsOf = func(a app.Actor, fn func(app.Relation) error) error {
			if err := out.each(a.ID, func(r app.Relation) int64 { return r.SourceID }, fn); err != nil {
				return err
			}
			return in.each(a.ID, func(r app.Relation) int64 { return r.TargetID }, fn)
		}
	}
	// The vault says what it holds in a note of its own at its root.
	err = refWriteFile(sink, buf, VaultScope, func(s *streamWriter) error {
		s.str("---\nkind: \"scope\"\n---\n\n# Scope\n\n", refMdLine(j.Scope.Describe()), "\n")
		return nil
	})
	if err != nil {
		return err
	}
	err = j.Src.EachExportActor(ctx, j.Scope, func(a app.Actor) error {
		return refWriteFile(sink, buf, VaultActors+"/"+refVaultName(a.Name, a.UUID)+".md", func(s *streamWriter) error {
			return refActorNote(s, j, a, types, relationsOf)
		})
	})
	if err != nil {
		return err
	}
	err = j.Src.EachExportArticle(ctx, j.Scope, func(a app.Article) error {
		return refWriteFile(sink, buf, VaultArticles+"/"+refVaultName(a.Title, a.UUID)+".md", func(s *streamWriter) error {
			refArticleNote(s, a)
			return nil
		})
	})
	if err != nil {
		return err
	}
	return j.Src.EachExportNote(ctx, j.Scope, func(n app.LinkedNote) error {
		return refWriteFile(sink, buf, VaultNotes+"/"+refVaultName("note", n.UUID)+".md", func(s *streamWriter) error {
			refNoteNote(s, n)
			return nil
		})
	})
}

// refWriteFile writes one file of the vault through buf, which is reset for each: a new
// 64 KB buffer per note was a third of a large vault's time.
func refWriteFile(sink Sink, buf *streamWriter, path string, fill func(*streamWriter) error) error {
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
	if ferr := s.finish("Markdown"); err == nil {
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

// refYamlString quotes s as a YAML double-quoted scalar, which takes any text on one line.
func refYamlString(s string) string {
	return strconv.Quote(s)
}

func refFrontList(s *streamWriter, key string, values []string) {
	if len(values) == 0 {
		return
	}
	s.str(key, ":\n")
	for _, v := range values {
		s.str("  - ", refYamlString(v), "\n")
	}
}

// refMdLine makes text safe on one Markdown line: newlines become spaces.
func refMdLine(text string) string {
	return strings.Join(strings.Fields(text), " ")
}

func refActorNote(s *streamWriter, j Job, a app.Actor, types map[string]app.RelationType, relationsOf func(app.Actor, func(app.Relation) error) error) error {
	s.str("---\n", "kind: ", refYamlString(string(a.Kind)), "\n")
	refFrontList(s, "aliases", a.Aliases)
	refFrontList(s, "tags", a.Tags)
	s.str("uuid: ", refYamlString(a.UUID), "\n---\n\n# ", refMdLine(a.Name), "\n\n")
	if a.Description != "" {
		s.str(refMdLine(a.Description), "\n\n")
	}
	if a.Notes != "" {
		s.str(a.Notes, "\n\n")
	}
	// Each relation's footnotes are defined right under it rather than gathered at the
	// end: Obsidian and other renderers move them to the bottom anyway, and an actor with
	// tens of thousands of relations then needs no memory for them.
	n := 0
	heading := false
	err := relationsOf(a, func(r app.Relation) error {
		if j.Scope.ActorID != 0 && a.ID != j.Scope.ActorID && r.SourceID != j.Scope.ActorID && r.TargetID != j.Scope.ActorID {
			return nil // the other actor is not in this dossier's vault
		}
		if !heading {
			s.str("## Relations\n\n")
			heading = true
		}
		s.str("- ", refRelationSentence(a, r, types[r.Type]))
		for i := range r.Evidence {
			s.str("[^", itoa(n+i+1), "]")
		}
		s.str("\n")
		if len(r.Evidence) > 0 {
			s.str("\n")
			for _, e := range r.Evidence {
				n++
				s.str("[^", itoa(n), "]: ", refFootnote(e), "\n")
			}
			s.str("\n")
		}
		return s.err
	})
	if err != nil {
		return err
	}
	return s.err
}

// refRelationSentence is "[[Trump]] threatens Iraq — 27 Jan 2026 (reported, conditional)",
// the note's own actor unlinked.
func refRelationSentence(self app.Actor, r app.Relation, t app.RelationType) string {
	side := func(name, uuid string) string {
		if uuid == self.UUID {
			return "**" + refMdLine(name) + "**"
		}
		return refWikiLink(VaultActors, name, uuid)
	}
	line := side(r.SourceName, r.SourceUUID) + " " + refMdLine(firstSet(r.TypeLabel, t.Label, r.Type)) + " " + side(r.TargetName, r.TargetUUID)
	if when := app.Range(r.Start, r.End); when != "" {
		line += " — " + when
	}
	quals := []string{r.Confidence}
	if r.Modality != "" && r.Modality != app.Asserted {
		quals = append(quals, r.Modality)
	}
	if r.SpeakerName != "" {
		quals = append(quals, "said by "+refMdLine(r.SpeakerName))
	}
	line += " (" + strings.Join(quals, ", ") + ")"
	if r.Note != "" {
		line += ": " + refMdLine(r.Note)
	}
	return line
}

// refFootnote cites one source: the quote, then the article's note, outlet, date and URL.
func refFootnote(e app.Evidence) string {
	var parts []string
	if e.Quote != "" {
		parts = append(parts, "“"+refMdLine(e.Quote)+"”")
	}
	cite := []string{refWikiLink(VaultArticles, e.ArticleTitle, e.ArticleUUID)}
	for _, p := range []string{e.Source, e.ArticleDate.Human(), e.ArticleURL} {
		if p != "" {
			cite = append(cite, refMdLine(p))
		}
	}
	return strings.Join(append(parts, strings.Join(cite, ", ")), " — ")
}

func refArticleNote(s *streamWriter, a app.Article) {
	s.str("---\n", "title: ", refYamlString(a.Title), "\n")
	for _, kv := range [][2]string{{"outlet", a.Source}, {"date", string(a.Date)}, {"url", a.URL}, {"author", a.Author}, {"language", a.Language}} {
		if kv[1] != "" {
			s.str(kv[0], ": ", refYamlString(kv[1]), "\n")
		}
	}
	refFrontList(s, "tags", a.Tags)
	s.str("uuid: ", refYamlString(a.UUID), "\n---\n\n# ", refMdLine(a.Title), "\n\n")
	if a.Notes != "" {
		s.str("> ", strings.ReplaceAll(a.Notes, "\n", "\n> "), "\n\n")
	}
	s.str(a.Body, "\n")
}

func refNoteNote(s *streamWriter, n app.LinkedNote) {
	s.str("---\n", "uuid: ", refYamlString(n.UUID), "\n")
	if !n.Created.IsZero() {
		s.str("created: ", refYamlString(string(app.DateOf(n.Created))), "\n")
	}
	s.str("---\n\n")
	switch {
	case n.ActorUUID != "":
		s.str("On ", refWikiLink(VaultActors, n.ActorName, n.ActorUUID), ".\n\n")
	case n.ArticleUUID != "":
		s.str("On ", refWikiLink(VaultArticles, n.ArticleTitle, n.ArticleUUID), ".\n\n")
	case n.RelationSourceUUID != "":
		s.str("On a relation of ", refWikiLink(VaultActors, n.RelationSourceName, n.RelationSourceUUID), ".\n\n")
	}
	s.str(n.Body, "\n")
}

// refSideStream is one of the ordered relation streams of a whole-project vault, pulled a
// relation at a time.
type refSideStream struct {
	next    func() (app.Relation, bool)
	stop    func()
	err     *error
	head    app.Relation
	hasHead bool
	done    bool
}

func refNewSideStream(ctx context.Context, src Source, side string) *refSideStream {
	var err error
	seq := func(yield func(app.Relation) bool) {
		e := src.EachRelationBySide(ctx, side, func(r app.Relation) error {
			if !yield(r) {
				return errStopped
			}
			return nil
		})
		if e != nil && !errors.Is(e, errStopped) {
			err = e
		}
	}
	next, stop := iter.Pull(seq)
	return &refSideStream{next: next, stop: stop, err: &err}
}

// each hands fn the stream's relations whose actor (by key) is id, skipping those of
// actors before it (not in the export), and stops at the first of a later actor.
func (st *refSideStream) each(id int64, key func(app.Relation) int64, fn func(app.Relation) error) error {
	for {
		if !st.hasHead && !st.done {
			st.head, st.hasHead = st.next()
			st.done = !st.hasHead
		}
		if st.done {
			return *st.err
		}
		switch k := key(st.head); {
		case k < id:
			st.hasHead = false
		case k == id:
			st.hasHead = false
			if err := fn(st.head); err != nil {
				return err
			}
		default:
			return nil
		}
	}
}
