package export

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"dossier/app"
)

// FtMStore is what an FtM import writes through; *db.Store provides it.
type FtMStore interface {
	IDByUUID(ctx context.Context, kind, uuid string) (int64, error)
	CreateActor(ctx context.Context, a app.Actor) (app.Actor, error)
	CreateArticle(ctx context.Context, a app.Article) (app.Article, error)
	CreateRelation(ctx context.Context, r app.Relation) (app.Relation, error)
	AddEvidence(ctx context.Context, relationID int64, e app.Evidence) (app.Evidence, error)
	CreateNote(ctx context.Context, n app.Note) (app.Note, error)
	RelationType(ctx context.Context, name string) (app.RelationType, error)
	CreateRelationType(ctx context.Context, t app.RelationType) (app.RelationType, error)
}

// FtMSummary counts what an FtM import did. Every entity is one of: added, already in
// the project (same UUID), or skipped with a reason in Skipped.
type FtMSummary struct {
	Added, Known map[string]int // by kind: actor, article, relation, evidence, note
	Skipped      []string       // "line 12: …"; cut at maxSkipped, SkippedTotal counts all
	SkippedTotal int
}

const maxSkipped = 200

func (s *FtMSummary) skip(line int, format string, args ...any) {
	s.SkippedTotal++
	if len(s.Skipped) < maxSkipped {
		s.Skipped = append(s.Skipped, fmt.Sprintf("line %d: ", line)+fmt.Sprintf(format, args...))
	}
}

// IsFtM reports whether head, the start of a file, is FollowTheMoney JSON lines: its
// first line a JSON object with an id, a schema and properties.
func IsFtM(head []byte) bool {
	line, _, _ := bytes.Cut(bytes.TrimLeft(head, "\ufeff \t\r\n"), []byte("\n"))
	var e struct {
		ID         string          `json:"id"`
		Schema     string          `json:"schema"`
		Properties json.RawMessage `json:"properties"`
	}
	return json.Unmarshal(line, &e) == nil && e.ID != "" && e.Schema != "" && len(e.Properties) > 0
}

// EachFtM reads FtM JSON lines, handing each entity and its line number to fn. A line
// that is not an entity is reported to bad and skipped: one damaged line does not lose
// the file.
func EachFtM(r io.Reader, fn func(line int, e FtMEntity) error, bad func(line int, err error)) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), app.MaxBody*2)
	n := 0
	for sc.Scan() {
		n++
		text := bytes.TrimSpace(sc.Bytes())
		if n == 1 {
			text = bytes.TrimPrefix(text, []byte("\ufeff"))
		}
		if len(text) == 0 {
			continue
		}
		var e FtMEntity
		if err := json.Unmarshal(text, &e); err != nil {
			bad(n, fmt.Errorf("not JSON: %v", err))
			continue
		}
		if e.ID == "" || e.Schema == "" {
			bad(n, errors.New("an entity needs an id and a schema"))
			continue
		}
		if err := fn(n, e); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return &app.Error{Code: app.EINVALID, Err: err, Message: fmt.Sprintf("Cannot read line %d of the FtM file: %v.", n+1, err)}
	}
	return nil
}

// ftmKinds map FtM schemata back to actor kinds when no "kind:" keyword says better.
var ftmKinds = map[string]app.ActorKind{
	"Person": app.Person, "Organization": app.Organisation, "Company": app.Organisation,
	"PublicBody": app.GovernmentBody, "LegalEntity": app.OtherKind,
}

var ftmIntervals = map[string]ftmLink{}

func init() {
	for _, l := range ftmLinks {
		ftmIntervals[l.schema] = l
	}
	ftmIntervals[unknownLink.schema] = unknownLink
}

func first(e FtMEntity, prop string) string {
	if v := e.Properties[prop]; len(v) > 0 {
		return v[0]
	}
	return ""
}

// ImportFtM files the entities of an FtM JSON lines file, read by open (called once per
// pass: actors and articles first, then relations, then their evidence and the notes, so
// that references resolve whatever order the file has). A record whose UUID the project
// already has is left as it is and counted as known, so importing a file twice adds
// nothing. Ids that are not UUIDs (Aleph's hashes) get new UUIDs; references to them
// still resolve within the file.
func ImportFtM(ctx context.Context, st FtMStore, open func() (io.ReadCloser, error)) (FtMSummary, error) {
	sum := FtMSummary{Added: map[string]int{}, Known: map[string]int{}}
	im := &ftmImporter{st: st, sum: &sum, ids: map[string]int64{}}
	for pass := 1; pass <= 3; pass++ {
		f, err := open()
		if err != nil {
			return sum, err
		}
		err = EachFtM(f, func(line int, e FtMEntity) error {
			if err := ctx.Err(); err != nil {
				return err
			}
			return im.entity(ctx, pass, line, e)
		}, func(line int, err error) {
			if pass == 1 {
				sum.skip(line, "%v", err)
			}
		})
		f.Close()
		if err != nil {
			return sum, err
		}
	}
	return sum, nil
}

type ftmImporter struct {
	st  FtMStore
	sum *FtMSummary
	// ids maps the file's ids that are not UUIDs to the records made for them.
	ids map[string]int64
}

// ref finds the record an id names: by UUID in the project, else among the file's others.
func (im *ftmImporter) ref(ctx context.Context, kind, id string) (int64, error) {
	if n, ok := im.ids[kind+"\x00"+id]; ok {
		return n, nil
	}
	if !isUUID(id) {
		return 0, nil
	}
	return im.st.IDByUUID(ctx, kind, id)
}

func isUUID(s string) bool {
	return len(s) == 36 && strings.Count(s, "-") == 4
}

// known reports whether the project has the record already, counting it if so.
func (im *ftmImporter) known(ctx context.Context, kind, id string) (bool, error) {
	n, err := im.ref(ctx, kind, id)
	if n != 0 {
		im.sum.Known[kind]++
	}
	return n != 0, err
}

func (im *ftmImporter) made(kind, fileID, uuid string, id int64) {
	im.sum.Added[kind]++
	if fileID != uuid {
		im.ids[kind+"\x00"+fileID] = id
	}
}

func uuidOf(id string) string {
	if isUUID(id) {
		return strings.ToLower(id)
	}
	return ""
}

func (im *ftmImporter) entity(ctx context.Context, pass, line int, e FtMEntity) error {
	switch {
	case pass == 1 && ftmKindOf(e) != "":
		return im.actor(ctx, line, e)
	case pass == 1 && (e.Schema == "Article" || e.Schema == "Document" || e.Schema == "PlainText" || e.Schema == "HyperText"):
		return im.article(ctx, line, e)
	case pass == 2 && ftmIntervals[e.Schema].schema != "":
		return im.relation(ctx, line, e)
	case pass == 3 && e.Schema == "Documentation":
		return im.evidence(ctx, line, e)
	case pass == 3 && e.Schema == "Note":
		return im.note(ctx, line, e)
	case pass == 1 && !ftmHandled(e.Schema):
		im.sum.skip(line, "%s entities are not imported (%s)", e.Schema, e.ID)
	}
	return nil
}

func ftmHandled(schema string) bool {
	_, actor := ftmKinds[schema]
	_, link := ftmIntervals[schema]
	switch schema {
	case "Article", "Document", "PlainText", "HyperText", "Documentation", "Note":
		return true
	}
	return actor || link
}

func ftmKindOf(e FtMEntity) app.ActorKind {
	k, ok := ftmKinds[e.Schema]
	if !ok {
		return ""
	}
	for _, kw := range e.Properties["keywords"] {
		if rest, ok := strings.CutPrefix(kw, KindKeyword); ok {
			if kind, err := app.ParseKind(rest); err == nil {
				return kind
			}
		}
	}
	return k
}

// tagsOf returns the keywords that are not the kind.
func tagsOf(e FtMEntity) []string {
	var out []string
	for _, kw := range e.Properties["keywords"] {
		if !strings.HasPrefix(kw, KindKeyword) {
			out = append(out, kw)
		}
	}
	return out
}

// skipErr counts a record the store refused, with its reason, and goes on; other errors
// (the disk, a cancelled import) stop the import.
func (im *ftmImporter) skipErr(line int, what string, err error) error {
	var ae *app.Error
	if errors.As(err, &ae) && ae.Code != app.EINTERNAL {
		im.sum.skip(line, "%s: %s", what, ae.Message)
		return nil
	}
	return err
}

func (im *ftmImporter) actor(ctx context.Context, line int, e FtMEntity) error {
	if ok, err := im.known(ctx, "actor", e.ID); ok || err != nil {
		return err
	}
	a := app.Actor{UUID: uuidOf(e.ID), Name: first(e, "name"), Kind: ftmKindOf(e), Description: first(e, "description"),
		Aliases: e.Properties["alias"], Tags: tagsOf(e), Notes: first(e, "notes")}
	if names := e.Properties["name"]; len(names) > 1 {
		a.Aliases = append(append([]string{}, names[1:]...), a.Aliases...)
	}
	made, err := im.st.CreateActor(ctx, a)
	if err != nil {
		return im.skipErr(line, "actor "+e.ID, err)
	}
	im.made("actor", e.ID, made.UUID, made.ID)
	return nil
}

func (im *ftmImporter) article(ctx context.Context, line int, e FtMEntity) error {
	if ok, err := im.known(ctx, "article", e.ID); ok || err != nil {
		return err
	}
	date := first(e, "date")
	if date == "" {
		date = first(e, "publishedAt")
	}
	if len(date) > 10 {
		date = date[:10] // FtM dates may carry a time; Dossier's are days
	}
	a := app.Article{UUID: uuidOf(e.ID), Title: firstSet(first(e, "title"), first(e, "name"), first(e, "fileName")),
		Source: first(e, "publisher"), URL: first(e, "sourceUrl"), Date: app.Date(date), Author: first(e, "author"),
		Body: first(e, "bodyText"), Tags: tagsOf(e), Notes: first(e, "notes")}
	made, err := im.st.CreateArticle(ctx, a)
	if err != nil {
		var ae *app.Error
		if errors.As(err, &ae) && ae.Code == app.EDUPLICATE && ae.Ref != 0 {
			// The same text under another UUID: the file's references go to the one filed.
			im.ids["article\x00"+e.ID] = ae.Ref
			im.sum.Known["article"]++
			return nil
		}
		return im.skipErr(line, "article "+e.ID, err)
	}
	im.made("article", e.ID, made.UUID, made.ID)
	return nil
}

func (im *ftmImporter) relation(ctx context.Context, line int, e FtMEntity) error {
	if ok, err := im.known(ctx, "relation", e.ID); ok || err != nil {
		return err
	}
	l := ftmIntervals[e.Schema]
	src, err := im.ref(ctx, "actor", first(e, l.from))
	if err != nil {
		return err
	}
	dst, err := im.ref(ctx, "actor", first(e, l.to))
	if err != nil {
		return err
	}
	if src == 0 || dst == 0 {
		im.sum.skip(line, "relation %s: its actors %s and %s are not in the file or the project", e.ID, first(e, l.from), first(e, l.to))
		return nil
	}
	typ, err := im.relationType(ctx, first(e, "recordId"), first(e, l.role))
	if err != nil {
		return im.skipErr(line, "relation "+e.ID, err)
	}
	conf, mod, _ := strings.Cut(first(e, "status"), ";")
	r := app.Relation{UUID: uuidOf(e.ID), SourceID: src, TargetID: dst, Type: typ,
		Start: app.Date(first(e, "startDate")), End: app.Date(first(e, "endDate")),
		Confidence: strings.TrimSpace(conf), Modality: strings.TrimSpace(mod), Note: first(e, "description")}
	if !contains(app.Confidences, r.Confidence) {
		r.Confidence = "" // FtM's status is free text: not ours, the default applies
	}
	r.Normalize()
	made, err := im.st.CreateRelation(ctx, r)
	if err != nil {
		return im.skipErr(line, "relation "+e.ID, err)
	}
	im.made("relation", e.ID, made.UUID, made.ID)
	return nil
}

// relationType finds the type by key (recordId, as Dossier writes it) or by its wording,
// and makes one from the wording when the project has neither: nothing is filed under a
// type the file did not name.
func (im *ftmImporter) relationType(ctx context.Context, key, wording string) (string, error) {
	for _, name := range []string{key, wording} {
		if name == "" {
			continue
		}
		if t, err := im.st.RelationType(ctx, name); err == nil {
			return t.Key, nil
		}
	}
	if wording == "" {
		wording = "is linked to"
	}
	t, err := im.st.CreateRelationType(ctx, app.RelationType{Key: key, Label: wording, Inverse: wording, Polarity: app.Neutral, Family: app.Structural})
	return t.Key, err
}

func (im *ftmImporter) evidence(ctx context.Context, line int, e FtMEntity) error {
	if first(e, "role") != EvidenceRole || first(e, "recordId") == "" {
		im.sum.skip(line, "Documentation %s does not tie an article to a relation", e.ID)
		return nil
	}
	if ok, err := im.known(ctx, "evidence", e.ID); ok || err != nil {
		return err
	}
	rel, err := im.ref(ctx, "relation", first(e, "recordId"))
	if err != nil {
		return err
	}
	art, err := im.ref(ctx, "article", first(e, "document"))
	if err != nil {
		return err
	}
	if rel == 0 || art == 0 {
		im.sum.skip(line, "evidence %s: its relation or article is missing", e.ID)
		return nil
	}
	made, err := im.st.AddEvidence(ctx, rel, app.Evidence{UUID: uuidOf(e.ID), ArticleID: art, Quote: first(e, "summary")})
	if err != nil {
		return im.skipErr(line, "evidence "+e.ID, err)
	}
	im.made("evidence", e.ID, made.UUID, made.ID)
	return nil
}

func (im *ftmImporter) note(ctx context.Context, line int, e FtMEntity) error {
	if ok, err := im.known(ctx, "note", e.ID); ok || err != nil {
		return err
	}
	n := app.Note{UUID: uuidOf(e.ID), Body: firstSet(first(e, "description"), first(e, "summary"))}
	target := first(e, "entity")
	var err error
	if n.ActorID, err = im.ref(ctx, "actor", target); err != nil {
		return err
	}
	if n.ActorID == 0 {
		if n.ArticleID, err = im.ref(ctx, "article", target); err != nil {
			return err
		}
	}
	if target != "" && n.ActorID == 0 && n.ArticleID == 0 {
		im.sum.skip(line, "note %s: what it is on (%s) is missing", e.ID, target)
		return nil
	}
	made, err := im.st.CreateNote(ctx, n)
	if err != nil {
		return im.skipErr(line, "note "+e.ID, err)
	}
	im.made("note", e.ID, made.UUID, made.ID)
	return nil
}
