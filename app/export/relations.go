package export

import (
	"errors"
	"io"
	"iter"
	"strconv"

	"dossier/app"
)

// relationColumns is the edge list's header; an array for the same reason as dossierColumns.
var relationColumns = [...]string{
	"id", "source", "source_kind", "type", "target", "target_kind", "start", "end",
	"confidence", "modality", "speaker", "article", "url", "quote", "note",
	"source_id", "target_id", "type_key", "label", "outlet", "article_date", "evidence_count",
}

// RelationColumns is the header of the relations CSV, shared with the README and the tests.
// Do not modify it; WriteRelations writes its own copy.
var RelationColumns = append([]string(nil), relationColumns[:]...)

// WriteRelations writes an edge list, one row per relation, under the header
// RelationColumns. next hands over the relations one at a time, so a project of any size
// is written in constant memory: it returns (relation, true, nil) for each, then
// (_, false, nil) at the end. An error from next stops the export and is returned as it is;
// a long export is cancelled by having next return the context's error. The rows written
// before an error are already in w: the caller should discard the file.
//
// Columns: id is the relation's UUID; source and target are actor names, source_id and
// target_id their UUIDs, source_kind and target_kind their kind keys; type is the relation
// type's label ("threatens") and type_key its key; start and end are partial ISO dates;
// confidence, modality, speaker and note are the relation's. article, url, outlet,
// article_date and quote come from the relation's first piece of evidence, and
// evidence_count says how many there are: the dossier CSV has a row for each.
//
// label repeats type because Gephi's spreadsheet import gives special meaning to some
// column names, whatever their case: it shows label as the edge's label, but reads type as
// the edge's direction (only "undirected" counts; anything else is directed) and drops it
// as an attribute, and it skips any row whose id it has seen, which is why relations are
// not split into a row per piece of evidence here.
func WriteRelations(w io.Writer, next func() (app.Relation, bool, error), opt Options) error {
	c := newCSVWriter(w, opt)
	c.record(relationColumns[:])
	for {
		r, ok, err := next()
		if err != nil {
			c.flush() // keep what was written readable; the caller decides what to do with it
			return err
		}
		if !ok {
			break
		}
		cells := relationCells(&r)
		if err := c.record(cells[:]); err != nil {
			return writeError(err)
		}
	}
	return c.flush()
}

func relationCells(r *app.Relation) [len(relationColumns)]string {
	var e app.Evidence
	if len(r.Evidence) > 0 {
		e = r.Evidence[0]
	}
	label := firstSet(r.TypeLabel, r.Type)
	return [...]string{
		r.UUID, r.SourceName, string(r.SourceKind), label, r.TargetName, string(r.TargetKind),
		string(r.Start), string(r.End),
		r.Confidence, r.Modality, r.SpeakerName, e.ArticleTitle, e.ArticleURL, e.Quote, r.Note,
		r.SourceUUID, r.TargetUUID, r.Type, label, e.Source, string(e.ArticleDate),
		strconv.Itoa(len(r.Evidence)),
	}
}

// errStopped ends an iteration early when the writer stops pulling.
var errStopped = errors.New("stopped")

// WriteEachRelation is WriteRelations over a callback iteration such as the store's
// EachRelation: it turns each into the pull function WriteRelations wants, so the
// relations still pass one at a time.
func WriteEachRelation(w io.Writer, each func(fn func(app.Relation) error) error, opt Options) error {
	var iterErr error
	seq := func(yield func(app.Relation) bool) {
		err := each(func(r app.Relation) error {
			if !yield(r) {
				return errStopped
			}
			return nil
		})
		if err != nil && !errors.Is(err, errStopped) {
			iterErr = err
		}
	}
	pull, stop := iter.Pull(seq)
	defer stop()
	return WriteRelations(w, func() (app.Relation, bool, error) {
		r, ok := pull()
		if !ok {
			return app.Relation{}, false, iterErr
		}
		return r, true, nil
	}, opt)
}
