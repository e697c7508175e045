package export

import (
	"io"

	"dossier/app"
)

// Row kinds of the dossier CSV, the values of its kind column.
const (
	RowProfile  = "profile"  // one field of the actor's record
	RowAlias    = "alias"    // one alias of the actor
	RowRelation = "relation" // one relation, or one piece of its evidence
	RowMention  = "mention"  // one article that names the actor
	RowNote     = "note"     // one note on the actor
)

// Profile fields, the values of the relation column in profile rows.
const (
	FieldName        = "name"
	FieldKind        = "kind"
	FieldDescription = "description"
	FieldTag         = "tag"
	FieldNotes       = "notes"
)

// dossierColumns is the header. It is an array so that its length sizes dossierRow.cells:
// a row with a cell too many or too few does not compile.
var dossierColumns = [...]string{
	"kind", "date", "relation", "direction", "counterpart", "counterpart_kind",
	"article", "source", "url", "quote", "note", "id",
	"end_date", "confidence", "modality", "speaker", "article_date", "counterpart_id", "evidence_id",
}

// DossierColumns is the header of the dossier CSV, shared with the README and the tests.
// Do not modify it; WriteDossier writes its own copy.
var DossierColumns = append([]string(nil), dossierColumns[:]...)

// dossierRow is one record of the dossier CSV, a field per column.
type dossierRow struct {
	kind, date, relation, direction, counterpart, counterpartKind string
	article, source, url, quote, note, id                         string
	endDate, confidence, modality, speaker, articleDate           string
	counterpartID, evidenceID                                     string
}

func (r *dossierRow) cells() [len(dossierColumns)]string {
	return [...]string{
		r.kind, r.date, r.relation, r.direction, r.counterpart, r.counterpartKind,
		r.article, r.source, r.url, r.quote, r.note, r.id,
		r.endDate, r.confidence, r.modality, r.speaker, r.articleDate, r.counterpartID, r.evidenceID,
	}
}

// WriteDossier writes d as CSV, one fact per row, under the header DossierColumns. Dates are
// the stored partial ISO dates (2026-01-27, 2026-01, 2026), which sort as text; actor kinds
// are their keys (armed_group). Empty cells mean "not known". The rows, in this order:
//
//   - profile: one row per field of the actor's record. relation names the field (name,
//     kind, description, tag, notes), note holds its value, id is the actor's UUID. name and
//     kind are always written; description and notes only when set; tag once per tag.
//   - alias: one row per alias; note holds the alias, id is the actor's UUID.
//   - relation: one row per piece of evidence, so a relation backed by three articles gives
//     three rows sharing its id (the relation's UUID) and differing in article, source, url,
//     quote, article_date and evidence_id; a relation without evidence gives one row with
//     those cells empty. date and end_date are the relation's start and end; relation is
//     the verb from the actor's side ("threatens", "is threatened by"); direction is
//     outgoing, incoming or undirected; counterpart, counterpart_kind and counterpart_id
//     name the actor at the other end; source is the outlet; note is the relation's note;
//     confidence, modality and speaker are the relation's.
//   - mention: one row per article that names the actor, newest first as d lists them.
//     date and article_date are the article's date, article its title, source its outlet,
//     quote the sentence around the first mention, id the article's UUID. Only the mentions
//     in d are written: a dossier assembled for display may hold fewer than MentionTotal.
//   - note: one row per note; note holds its text, date the day it was written, id its UUID.
//     Then one row per note that links to the actor with a [[link]] (and is not already
//     written as a note on it): relation is "links to", quote the sentence around its
//     first link, date the day it was last edited (issue #12).
//
// The timeline and the associates are not written: they are derived from the rows above.
func WriteDossier(w io.Writer, d app.Dossier, opt Options) error {
	c := newCSVWriter(w, opt)
	c.record(dossierColumns[:])
	for _, r := range dossierRows(d) {
		cells := r.cells()
		if err := c.record(cells[:]); err != nil {
			return writeError(err)
		}
	}
	return c.flush()
}

// dossierRows lists the records of d in file order.
func dossierRows(d app.Dossier) []dossierRow {
	rows := profileRows(d.Actor)
	for _, r := range d.Relations {
		rows = append(rows, relationRows(r)...)
	}
	for _, m := range d.Mentions {
		rows = append(rows, mentionRow(m))
	}
	onActor := map[string]bool{}
	for _, n := range d.Notes {
		rows = append(rows, noteRow(n))
		onActor[n.UUID] = true
	}
	for _, l := range d.Backlinks.Linked {
		if !onActor[l.NoteUUID] {
			rows = append(rows, backlinkRow(l))
		}
	}
	return rows
}

// backlinkRow is a note that links to the actor.
func backlinkRow(l app.NoteBacklink) dossierRow {
	row := dossierRow{kind: RowNote, relation: "links to", note: l.Body, quote: l.Sentence, id: l.NoteUUID}
	if !l.Updated.IsZero() {
		row.date = string(app.DateOf(l.Updated))
	}
	return row
}

func profileRows(a app.Actor) []dossierRow {
	field := func(name, value string) dossierRow {
		return dossierRow{kind: RowProfile, relation: name, note: value, id: a.UUID}
	}
	rows := []dossierRow{field(FieldName, a.Name), field(FieldKind, string(a.Kind))}
	if a.Description != "" {
		rows = append(rows, field(FieldDescription, a.Description))
	}
	for _, t := range a.Tags {
		rows = append(rows, field(FieldTag, t))
	}
	if a.Notes != "" {
		rows = append(rows, field(FieldNotes, a.Notes))
	}
	for _, al := range a.Aliases {
		rows = append(rows, dossierRow{kind: RowAlias, note: al, id: a.UUID})
	}
	return rows
}

func relationRows(r app.DossierRelation) []dossierRow {
	base := dossierRow{
		kind:            RowRelation,
		date:            string(r.Start),
		relation:        firstSet(r.Verb, r.TypeLabel, r.Type),
		direction:       r.Direction,
		counterpart:     r.CounterpartName,
		counterpartKind: string(r.CounterpartKind),
		note:            r.Note,
		id:              r.UUID,
		endDate:         string(r.End),
		confidence:      r.Confidence,
		modality:        r.Modality,
		speaker:         r.SpeakerName,
		counterpartID:   counterpartUUID(r),
	}
	if len(r.Evidence) == 0 {
		return []dossierRow{base}
	}
	rows := make([]dossierRow, 0, len(r.Evidence))
	for _, e := range r.Evidence {
		row := base
		row.article = e.ArticleTitle
		row.source = e.Source
		row.url = e.ArticleURL
		row.quote = e.Quote
		row.articleDate = string(e.ArticleDate)
		row.evidenceID = e.UUID
		rows = append(rows, row)
	}
	return rows
}

// counterpartUUID picks the UUID of the actor at the other end. It goes by the counterpart's
// row id, not by Direction, because an undirected relation may have the actor on either side.
func counterpartUUID(r app.DossierRelation) string {
	switch r.CounterpartID {
	case r.TargetID:
		return r.TargetUUID
	case r.SourceID:
		return r.SourceUUID
	}
	return ""
}

func mentionRow(m app.DossierMention) dossierRow {
	return dossierRow{
		kind:        RowMention,
		date:        string(m.Date),
		article:     m.Title,
		source:      m.Source,
		url:         m.URL,
		quote:       m.Sentence,
		id:          m.ArticleUUID,
		articleDate: string(m.Date),
	}
}

func noteRow(n app.Note) dossierRow {
	row := dossierRow{kind: RowNote, note: n.Body, id: n.UUID}
	if !n.Created.IsZero() {
		row.date = string(app.DateOf(n.Created))
	}
	return row
}

// firstSet returns the first non-empty string: the verb when the store worked it out,
// else the type's label, else its key, so a relation row never lacks its type.
func firstSet(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}
