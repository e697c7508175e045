package export

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"dossier/app"
)

// CSVStore is what a relations CSV import writes through; *db.Store provides it.
type CSVStore interface {
	FtMStore
	FindActor(ctx context.Context, name string) (app.Actor, error)
	ArticleByRef(ctx context.Context, ref string) (app.Article, error)
}

// IsRelationsCSV reports whether line, a file's first line, is the relations CSV header.
func IsRelationsCSV(line string) bool {
	line = strings.TrimRight(strings.TrimPrefix(line, "\ufeff"), "\r\n")
	return line == strings.Join(RelationColumns, ",")
}

// ImportRelationsCSV files the relations of a relations CSV export (WriteRelations): the
// actors by UUID (made from name and kind when the project lacks them), each relation
// with its UUID, and its source when the article is in the project (found by its title)
// and holds the quote. The CSV carries one source per relation and no article text, so:
// a relation whose article is missing is filed without a source, and one with more
// sources than the CSV holds keeps only the first; each such line is in Skipped, never
// passed over in silence. Cells are unguarded (the leading ' of Guard removed).
func ImportRelationsCSV(ctx context.Context, st CSVStore, r io.Reader) (FtMSummary, error) {
	sum := FtMSummary{Added: map[string]int{}, Known: map[string]int{}}
	im := &ftmImporter{st: st, sum: &sum, ids: map[string]int64{}}
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = len(relationColumns)
	head, err := cr.Read()
	if err != nil || !IsRelationsCSV(strings.Join(head, ",")) {
		return sum, app.Errorf(app.EINVALID, "This is not Dossier's relations CSV: its header differs.")
	}
	for line := 2; ; line++ {
		rec, err := cr.Read()
		if err == io.EOF {
			return sum, nil
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) && pe.Err == csv.ErrFieldCount {
				sum.skip(line, "%v", err)
				continue
			}
			return sum, &app.Error{Code: app.EINVALID, Err: err, Message: fmt.Sprintf("The CSV cannot be read past line %d: %v.", line, err)}
		}
		cell := map[string]string{}
		for i, c := range relationColumns {
			cell[c] = unguard(rec[i])
		}
		if err := ctx.Err(); err != nil {
			return sum, err
		}
		if err := im.csvRelation(ctx, line, cell, st); err != nil {
			return sum, err
		}
	}
}

// unguard takes off the quote Guard put before a cell a spreadsheet would run.
func unguard(s string) string {
	if len(s) > 1 && s[0] == '\'' && needsGuard(s[1:]) {
		return s[1:]
	}
	return s
}

func (im *ftmImporter) csvActor(ctx context.Context, line int, uuid, name, kind string) (int64, error) {
	if id, err := im.ref(ctx, "actor", uuid); id != 0 || err != nil {
		return id, err
	}
	k, err := app.ParseKind(kind)
	if err != nil {
		k = app.OtherKind
	}
	a, err := im.st.CreateActor(ctx, app.Actor{UUID: uuidOf(uuid), Name: name, Kind: k})
	if err != nil {
		return 0, im.skipErr(line, "actor "+name, err)
	}
	im.made("actor", uuid, a.UUID, a.ID)
	return a.ID, nil
}

func (im *ftmImporter) csvRelation(ctx context.Context, line int, c map[string]string, st CSVStore) error {
	if ok, err := im.known(ctx, "relation", c["id"]); ok || err != nil {
		return err
	}
	src, err := im.csvActor(ctx, line, c["source_id"], c["source"], c["source_kind"])
	if err != nil || src == 0 {
		return err
	}
	dst, err := im.csvActor(ctx, line, c["target_id"], c["target"], c["target_kind"])
	if err != nil || dst == 0 {
		return err
	}
	typ, err := im.relationType(ctx, c["type_key"], c["label"])
	if err != nil {
		return im.skipErr(line, "relation "+c["id"], err)
	}
	r := app.Relation{UUID: uuidOf(c["id"]), SourceID: src, TargetID: dst, Type: typ, Start: app.Date(c["start"]),
		End: app.Date(c["end"]), Confidence: c["confidence"], Modality: c["modality"], Note: c["note"]}
	if c["speaker"] != "" {
		if sp, err := st.FindActor(ctx, c["speaker"]); err == nil {
			r.SpeakerID = sp.ID
		} else {
			im.sum.skip(line, "relation %s: its speaker “%s” is not one actor of the project; filed without a speaker", c["id"], c["speaker"])
		}
	}
	if c["article"] != "" {
		if a, err := st.ArticleByRef(ctx, c["article"]); err == nil {
			r.Evidence = []app.Evidence{{ArticleID: a.ID, Quote: c["quote"]}}
		} else {
			im.sum.skip(line, "relation %s: its article “%s” is not in the project; filed without its source", c["id"], c["article"])
		}
	}
	if n, _ := strconv.Atoi(c["evidence_count"]); n > 1 {
		im.sum.skip(line, "relation %s: the CSV holds 1 of its %d sources; the others are not filed", c["id"], n)
	}
	r.Normalize()
	made, err := im.st.CreateRelation(ctx, r)
	if err != nil && len(r.Evidence) > 0 {
		// The quote is not in the article as filed here: keep the relation, say so.
		im.sum.skip(line, "relation %s: its quote is not in “%s”; filed without its source", c["id"], c["article"])
		r.Evidence = nil
		made, err = im.st.CreateRelation(ctx, r)
	}
	if err != nil {
		return im.skipErr(line, "relation "+c["id"], err)
	}
	im.made("relation", c["id"], made.UUID, made.ID)
	return nil
}
