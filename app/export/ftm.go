package export

import (
	"context"
	"encoding/json"
	"io"
	"strings"

	"dossier/app"
)

// FtM schemata of actors, by kind. FollowTheMoney has no schema for a state, a party or
// an armed group: they are PublicBody and Organization, and the exact kind travels in
// keywords as "kind:armed_group" so that an import gives it back.
var ftmActorSchema = map[app.ActorKind]string{
	app.Person: "Person", app.Organisation: "Organization", app.Party: "Organization",
	app.ArmedGroup: "Organization", app.State: "PublicBody", app.GovernmentBody: "PublicBody",
	app.Media: "Organization", app.OtherKind: "LegalEntity",
}

// KindKeyword prefixes the keyword that carries an actor's exact kind in FtM.
const KindKeyword = "kind:"

// EvidenceRole is the role of the Documentation entity that ties an article to a relation.
const EvidenceRole = "evidence"

// FtMEntity is one line of a FollowTheMoney JSON lines file.
type FtMEntity struct {
	ID         string              `json:"id"`
	Schema     string              `json:"schema"`
	Properties map[string][]string `json:"properties"`
}

func (e *FtMEntity) set(prop string, values ...string) {
	for _, v := range values {
		if strings.TrimSpace(v) != "" {
			e.Properties[prop] = append(e.Properties[prop], v)
		}
	}
}

func newFtM(id, schema string) FtMEntity {
	return FtMEntity{ID: id, Schema: schema, Properties: map[string][]string{}}
}

// WriteFtM writes the scope as FollowTheMoney JSON lines, one entity per line, for Aleph
// and OpenSanctions' tools. Ids are Dossier's UUIDs, so the same record keeps its id in
// every export and an import finds it again.
//
//   - Actors: Person, Organization, PublicBody or LegalEntity by kind (ftmActorSchema),
//     with name, alias, description, notes, and keywords (the tags and "kind:KEY").
//   - Articles: Article (FtM's news article, a Document) with title, publisher, sourceUrl,
//     date, author, bodyText, keywords (tags) and notes, its name the title; fileName is the UUID, because
//     FtM requires one of every document.
//   - Relations: Membership, Employment, Family, Associate, Directorship or Ownership when
//     the type and both ends fit that schema, else UnknownLink; the wording is the role
//     (relationship for Family and Associate), recordId the type key, startDate/endDate
//     the dates, status the confidence (and the modality when not asserted: "alleged;
//     denied"), description the note, and publisher, sourceUrl and date those of the
//     articles behind it.
//   - Evidence: a Documentation entity per quote, its id the evidence's UUID, tying the
//     article (document) to the relation's source actor (entity), with the relation's
//     UUID as recordId and the quote as summary: FtM has no way for a document to prove
//     an interval directly.
//   - Notes: Note entities, their entity the actor or article they are on.
//
// What FtM cannot carry is not written: a relation's speaker, an article's language
// (FtM wants ISO 639-3 codes) and dateline, and notes on relations.
func WriteFtM(ctx context.Context, w io.Writer, j Job) error {
	types, err := j.typeMap(ctx)
	if err != nil {
		return err
	}
	s := newStreamWriter(w)
	enc := json.NewEncoder(s.bw)
	enc.SetEscapeHTML(false)
	put := func(e FtMEntity) error {
		if s.err == nil {
			s.err = enc.Encode(e)
		}
		return s.err
	}
	schemaOf := map[string]string{} // actor UUID → schema, for the relation ranges
	err = j.Src.EachExportActor(ctx, j.Scope, func(a app.Actor) error {
		e := FtMActor(a)
		schemaOf[a.UUID] = e.Schema
		return put(e)
	})
	if err != nil {
		return err
	}
	if err := j.Src.EachExportArticle(ctx, j.Scope, func(a app.Article) error { return put(FtMArticle(a)) }); err != nil {
		return err
	}
	err = j.relations(ctx, func(r app.Relation) error {
		put(FtMRelation(r, types[r.Type], schemaOf[r.SourceUUID], schemaOf[r.TargetUUID]))
		for _, ev := range r.Evidence {
			put(ftmEvidence(r, ev))
		}
		return s.err
	})
	if err != nil {
		return err
	}
	err = j.Src.EachExportNote(ctx, j.Scope, func(n app.LinkedNote) error {
		target := firstSet(n.ActorUUID, n.ArticleUUID)
		if target == "" {
			return nil // on a relation or on nothing: FtM's Note must be about a Thing
		}
		e := newFtM(n.UUID, "Note")
		e.set("entity", target)
		e.set("name", noteName(n.Body))
		e.set("description", n.Body)
		return put(e)
	})
	if err != nil {
		return err
	}
	return s.finish("FollowTheMoney")
}

// FtMActor is an actor as an FtM entity.
func FtMActor(a app.Actor) FtMEntity {
	schema := ftmActorSchema[a.Kind]
	if schema == "" {
		schema = "LegalEntity"
	}
	e := newFtM(a.UUID, schema)
	e.set("name", a.Name)
	e.set("alias", a.Aliases...)
	e.set("description", a.Description)
	e.set("notes", a.Notes)
	e.set("keywords", KindKeyword+string(a.Kind))
	e.set("keywords", a.Tags...)
	return e
}

// FtMArticle is an article as an FtM Article entity.
func FtMArticle(a app.Article) FtMEntity {
	e := newFtM(a.UUID, "Article")
	e.set("name", a.Title)
	e.set("title", a.Title)
	e.set("fileName", a.UUID+".txt")
	e.set("publisher", a.Source)
	e.set("sourceUrl", a.URL)
	e.set("date", string(a.Date))
	e.set("author", a.Author)
	e.set("bodyText", a.Body)
	e.set("keywords", a.Tags...)
	e.set("notes", a.Notes)
	return e
}

// ftmLink is how a relation type maps to an FtM interval schema: the schema, its two
// ends, the schemata each end accepts, and the property holding the wording.
type ftmLink struct {
	schema, from, to string
	fromOK, toOK     []string
	role             string
}

var (
	legalEntities = []string{"Person", "Organization", "PublicBody", "Company", "LegalEntity"}
	organizations = []string{"Organization", "PublicBody", "Company"}
	persons       = []string{"Person"}
)

var ftmLinks = map[string]ftmLink{
	"member_of":   {"Membership", "member", "organization", legalEntities, organizations, "role"},
	"part_of":     {"Membership", "member", "organization", legalEntities, organizations, "role"},
	"employed_by": {"Employment", "employee", "employer", persons, organizations, "role"},
	"leads":       {"Directorship", "director", "organization", legalEntities, organizations, "role"},
	"family":      {"Family", "person", "relative", persons, persons, "relationship"},
	"allied_with": {"Associate", "person", "associate", persons, persons, "relationship"},
	"owns":        {"Ownership", "owner", "asset", legalEntities, []string{"Company"}, "role"},
}

var unknownLink = ftmLink{"UnknownLink", "subject", "object", nil, nil, "role"}

// linkFor picks the FtM schema for a relation type between actors of the given schemata.
func linkFor(typeKey, fromSchema, toSchema string) ftmLink {
	l, ok := ftmLinks[typeKey]
	if ok && contains(l.fromOK, fromSchema) && contains(l.toOK, toSchema) {
		return l
	}
	return unknownLink
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// FtMRelation is a relation as an FtM interval entity.
func FtMRelation(r app.Relation, t app.RelationType, fromSchema, toSchema string) FtMEntity {
	l := linkFor(r.Type, fromSchema, toSchema)
	e := newFtM(r.UUID, l.schema)
	e.set(l.from, r.SourceUUID)
	e.set(l.to, r.TargetUUID)
	e.set(l.role, firstSet(r.TypeLabel, t.Label, r.Type))
	e.set("recordId", r.Type)
	e.set("startDate", string(r.Start))
	e.set("endDate", string(r.End))
	status := r.Confidence
	if r.Modality != "" && r.Modality != app.Asserted {
		status += "; " + r.Modality
	}
	e.set("status", status)
	e.set("description", r.Note)
	seen := map[string]bool{}
	for _, ev := range r.Evidence {
		for prop, v := range map[string]string{"publisher": ev.Source, "sourceUrl": ev.ArticleURL, "date": string(ev.ArticleDate)} {
			if v != "" && !seen[prop+"\x00"+v] {
				seen[prop+"\x00"+v] = true
				e.set(prop, v)
			}
		}
	}
	return e
}

func ftmEvidence(r app.Relation, ev app.Evidence) FtMEntity {
	e := newFtM(ev.UUID, "Documentation")
	e.set("document", ev.ArticleUUID)
	e.set("entity", r.SourceUUID)
	e.set("role", EvidenceRole)
	e.set("recordId", r.UUID)
	e.set("summary", ev.Quote)
	return e
}

// noteName is a note's name for FtM, which requires one of every Thing: its first line,
// cut at 80 characters.
func noteName(body string) string {
	line, _, _ := strings.Cut(strings.TrimSpace(body), "\n")
	if r := []rune(line); len(r) > 80 {
		line = string(r[:79]) + "…"
	}
	return firstSet(strings.TrimSpace(line), "note")
}
