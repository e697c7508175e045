package export

import (
	"context"
	"time"

	"github.com/google/uuid"

	"dossier/app"
)

// Source is what the graph, FollowTheMoney, STIX and vault exports read: the project's
// records, streamed a page at a time, so that an export of any size runs in bounded
// memory. *db.Store provides it.
type Source interface {
	EachExportActor(ctx context.Context, sc app.ExportScope, fn func(app.Actor) error) error
	EachExportArticle(ctx context.Context, sc app.ExportScope, fn func(app.Article) error) error
	EachExportNote(ctx context.Context, sc app.ExportScope, fn func(app.LinkedNote) error) error
	EachRelation(ctx context.Context, q app.RelationQuery, fn func(app.Relation) error) error
	// EachRelationBySide streams all relations ordered by their "source" or "target" actor.
	EachRelationBySide(ctx context.Context, side string, fn func(app.Relation) error) error
	ArticleRelationRefs(ctx context.Context, articleIDs []int64) (map[int64][]app.RelationRef, error)
	RelationTypes(ctx context.Context) ([]app.RelationType, error)
}

// Positions gives an actor's place in a graph layout, when the project has one; the
// graph exports write it so that Gephi does not start from a heap of black dots.
type Positions interface {
	Position(actorUUID string) (x, y float64, ok bool)
}

// Job is one export: where it reads, what it covers, and what it may add.
type Job struct {
	Src   Source
	Scope app.ExportScope
	// Positions, when set, places nodes in the graph exports.
	Positions Positions
}

// relations streams the relations in scope.
func (j Job) relations(ctx context.Context, fn func(app.Relation) error) error {
	return j.Src.EachRelation(ctx, app.RelationQuery{ActorID: j.Scope.ActorID}, j.keep(fn))
}

// keep wraps fn so that, in a dossier narrowed by its filters, it sees only the
// relations the filters keep, each with only the evidence they keep; otherwise fn is
// returned as it is.
func (j Job) keep(fn func(app.Relation) error) func(app.Relation) error {
	if !j.Scope.Filtered() {
		return fn
	}
	rels, arts := idSet(j.Scope.Relations), idSet(j.Scope.Articles)
	return func(r app.Relation) error {
		if !rels[r.ID] {
			return nil
		}
		var ev []app.Evidence
		for _, e := range r.Evidence {
			if arts[e.ArticleID] {
				ev = append(ev, e)
			}
		}
		r.Evidence = ev
		return fn(r)
	}
}

func idSet(ids []int64) map[int64]bool {
	m := make(map[int64]bool, len(ids))
	for _, id := range ids {
		m[id] = true
	}
	return m
}

// FilteredScope is the export scope of a dossier as its filters show it ("what I see"):
// d is the filtered dossier (every relation listed, no cap) and filter says in words what
// the filters keep.
func FilteredScope(d app.Dossier, filter string) app.ExportScope {
	sc := app.ExportScope{ActorID: d.Actor.ID, ActorName: d.Actor.Name, Filter: filter,
		Relations: []int64{}, Articles: []int64{}}
	seen := map[int64]bool{}
	for _, r := range d.Relations {
		sc.Relations = append(sc.Relations, r.ID)
		for _, e := range r.Evidence {
			if !seen[e.ArticleID] {
				seen[e.ArticleID] = true
				sc.Articles = append(sc.Articles, e.ArticleID)
			}
		}
	}
	return sc
}

// typeMap returns the relation vocabulary by key.
func (j Job) typeMap(ctx context.Context) (map[string]app.RelationType, error) {
	types, err := j.Src.RelationTypes(ctx)
	if err != nil {
		return nil, err
	}
	m := make(map[string]app.RelationType, len(types))
	for _, t := range types {
		m[t.Key] = t
	}
	return m, nil
}

// span returns the first and last day a partial date covers: 2026-01 runs from
// 2026-01-01 to 2026-01-31. ok is false for an unknown date.
func span(d app.Date) (first, last time.Time, ok bool) {
	first, ok = d.Time()
	if !ok {
		return first, first, false
	}
	switch d.Precision() {
	case app.Year:
		last = first.AddDate(1, 0, -1)
	case app.Month:
		last = first.AddDate(0, 1, -1)
	default:
		last = first
	}
	return first, last, true
}

// relationSpan is the days a relation covers, from the first day of its start to the
// last day of its end (or of its start when it has no end): a single date and a range
// both come out as a range of whole days.
func relationSpan(r *app.Relation) (first, last time.Time, ok bool) {
	first, last, ok = span(r.Start)
	if !ok {
		return first, last, false
	}
	if r.End != "" {
		if _, l, ok := span(r.End); ok {
			last = l
		}
	}
	return first, last, true
}

const day = "2006-01-02"

// stixNamespace is the UUID namespace Dossier's STIX ids are made in. It is fixed forever:
// changing it would give every exported object a new identity in OpenCTI.
var stixNamespace = uuid.MustParse("9a4e2f3c-6b1d-5e8a-9c7f-0d2b4e6a8c10")

// stixID turns a Dossier UUID (version 7, which STIX refuses: it accepts versions 1–5)
// into a STIX id of the given type: a version 5 UUID of the Dossier UUID, so the same
// record always gets the same id, export after export.
func stixID(typ, dossierUUID string) string {
	return typ + "--" + uuid.NewSHA1(stixNamespace, []byte(dossierUUID)).String()
}

// firstEvidence returns the relation's first piece of evidence, zero when it has none.
func firstEvidence(r *app.Relation) app.Evidence {
	if len(r.Evidence) > 0 {
		return r.Evidence[0]
	}
	return app.Evidence{}
}
