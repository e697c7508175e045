package export

import (
	"context"
	"encoding/json"
	"io"
	"net/url"
	"strings"
	"time"

	"dossier/app"
)

// stixTime is STIX's timestamp form: UTC, milliseconds, Z.
const stixTime = "2006-01-02T15:04:05.000Z"

// Confidences on STIX's 0–100 scale, from the specification's Low/Med/High scale
// (appendix A): confirmed is High (85), reported Med (50), alleged Low (15).
var stixConfidence = map[string]int{app.Confirmed: 85, app.Reported: 50, app.Alleged: 15}

// identityClass maps actor kinds to STIX's identity-class vocabulary. Armed groups are
// not identities but threat actors.
var identityClass = map[app.ActorKind]string{
	app.Person: "individual", app.Organisation: "organization", app.Party: "organization",
	app.State: "organization", app.GovernmentBody: "organization", app.Media: "organization",
	app.OtherKind: "unknown",
}

// stixObject is one object of the bundle; its fields are those Dossier writes, in the
// order STIX lists them.
type stixObject struct {
	Type            string         `json:"type"`
	SpecVersion     string         `json:"spec_version"`
	ID              string         `json:"id"`
	Created         string         `json:"created"`
	Modified        string         `json:"modified"`
	Name            string         `json:"name,omitempty"`
	Description     string         `json:"description,omitempty"`
	IdentityClass   string         `json:"identity_class,omitempty"`
	Aliases         []string       `json:"aliases,omitempty"`
	RelType         string         `json:"relationship_type,omitempty"`
	SourceRef       string         `json:"source_ref,omitempty"`
	TargetRef       string         `json:"target_ref,omitempty"`
	StartTime       string         `json:"start_time,omitempty"`
	StopTime        string         `json:"stop_time,omitempty"`
	ReportTypes     []string       `json:"report_types,omitempty"`
	Published       string         `json:"published,omitempty"`
	ObjectRefs      []string       `json:"object_refs,omitempty"`
	Confidence      *int           `json:"confidence,omitempty"`
	Labels          []string       `json:"labels,omitempty"`
	ExternalRefs    []stixExternal `json:"external_references,omitempty"`
	XDossierKind    string         `json:"x_dossier_kind,omitempty"`
	XDossierAliases []string       `json:"x_dossier_aliases,omitempty"`
	XDossierUUID    string         `json:"x_dossier_uuid"`
	// XDossierScope, on the dossier's actor, says which part of its dossier the bundle
	// holds: a bundle has no field of its own for that, and OASIS's bundle schema admits
	// no note object.
	XDossierScope string `json:"x_dossier_scope,omitempty"`
}

type stixExternal struct {
	SourceName  string `json:"source_name"`
	Description string `json:"description,omitempty"`
	URL         string `json:"url,omitempty"`
	ExternalID  string `json:"external_id,omitempty"`
}

// WriteSTIX writes the scope as a STIX 2.1 bundle for OpenCTI and MISP:
//
//   - an identity per actor (identity_class individual, organization or unknown), or a
//     threat-actor for an armed group; aliases and the exact kind in x_dossier_ properties;
//   - a relationship per relation: relationship_type is the type key with hyphens,
//     start_time the first instant of its first day and stop_time the instant after its
//     last day, so a single day runs 24 hours and never starts when it stops (an undated
//     relation has neither); confidence 85/50/15 for confirmed/reported/alleged; the
//     modality as a label; the sentence and first quote in the description and every
//     quote, with its outlet and URL, as an external reference;
//   - a report per article that backs a relation in scope, referring to those
//     relationships and their actors, published on the article's date (its filing time
//     when undated). An article that backs nothing in scope has nothing to report and is
//     left out; the count of those goes to notice.
//
// Ids are version 5 UUIDs of Dossier's UUIDs (stixID): STIX refuses version 7, and the
// same record gets the same id in every export. Every object carries its Dossier UUID as
// x_dossier_uuid.
func WriteSTIX(ctx context.Context, w io.Writer, j Job, notice func(string)) error {
	types, err := j.typeMap(ctx)
	if err != nil {
		return err
	}
	s := newStreamWriter(w)
	bundle := "project"
	if j.Scope.ActorID != 0 {
		bundle = "actor-" + itoa(int(j.Scope.ActorID))
	}
	s.str(`{"type":"bundle","id":"`, stixID("bundle", bundle), `","objects":[`)
	first := true
	put := func(o stixObject) error {
		b, err := json.Marshal(o)
		if err != nil {
			return err
		}
		if !first {
			s.str(",")
		}
		first = false
		s.str("\n")
		s.str(string(b))
		return s.err
	}
	armed := map[string]bool{} // actor UUIDs written as threat actors
	err = j.Src.EachExportActor(ctx, j.Scope, func(a app.Actor) error {
		if a.Kind == app.ArmedGroup {
			armed[a.UUID] = true
		}
		o := stixActor(a)
		if a.ID == j.Scope.ActorID {
			o.XDossierScope = j.Scope.Describe()
		}
		return put(o)
	})
	if err != nil {
		return err
	}
	actorRef := func(uuid string) string {
		if armed[uuid] {
			return stixID("threat-actor", uuid)
		}
		return stixID("identity", uuid)
	}
	err = j.relations(ctx, func(r app.Relation) error {
		return put(stixRelationship(r, types[r.Type], actorRef))
	})
	if err != nil {
		return err
	}
	// Articles go by pages, and one query per page finds what each backs: a query per
	// article would cost minutes on a large project.
	unreported := 0
	var page []app.Article
	flush := func() error {
		ids := make([]int64, len(page))
		for i, a := range page {
			ids[i] = a.ID
		}
		refs, err := j.Src.ArticleRelationRefs(ctx, ids)
		if err != nil {
			return err
		}
		for _, a := range page {
			objs := reportRefs(refs[a.ID], j.Scope.ActorID, actorRef)
			if len(objs) == 0 {
				unreported++
				continue
			}
			if err := put(stixReport(a, objs)); err != nil {
				return err
			}
		}
		page = page[:0]
		return nil
	}
	err = j.Src.EachExportArticle(ctx, j.Scope, func(a app.Article) error {
		a.Body = "" // not written; the page should not hold it
		page = append(page, a)
		if len(page) == reportPage {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	if err != nil {
		return err
	}
	s.str("\n]}\n")
	if err := s.finish("STIX"); err != nil {
		return err
	}
	if unreported > 0 && notice != nil {
		notice(itoa(unreported) + " article(s) back no relation in the export and have no STIX report.")
	}
	return nil
}

func stamp(t time.Time) string {
	if t.IsZero() {
		t = time.Unix(0, 0)
	}
	return t.UTC().Format(stixTime)
}

func stixActor(a app.Actor) stixObject {
	o := stixObject{Type: "identity", SpecVersion: "2.1", ID: stixID("identity", a.UUID),
		Created: stamp(a.Updated), Modified: stamp(a.Updated), Name: a.Name, Description: a.Description,
		Labels: a.Tags, XDossierKind: string(a.Kind), XDossierUUID: a.UUID}
	if a.Kind == app.ArmedGroup {
		o.Type, o.ID, o.Aliases = "threat-actor", stixID("threat-actor", a.UUID), a.Aliases
		return o
	}
	o.IdentityClass = identityClass[a.Kind]
	if o.IdentityClass == "" {
		o.IdentityClass = "unknown"
	}
	o.XDossierAliases = a.Aliases
	return o
}

func stixRelationship(r app.Relation, t app.RelationType, actorRef func(string) string) stixObject {
	o := stixObject{Type: "relationship", SpecVersion: "2.1", ID: stixID("relationship", r.UUID),
		Created: stamp(r.Updated), Modified: stamp(r.Updated),
		RelType:   strings.ReplaceAll(strings.ToLower(r.Type), "_", "-"),
		SourceRef: actorRef(r.SourceUUID), TargetRef: actorRef(r.TargetUUID), XDossierUUID: r.UUID}
	if first, last, ok := relationSpan(&r); ok {
		// The stop is the instant after the last day: a one-day relation lasts a day
		// rather than stopping when it starts, which STIX forbids.
		o.StartTime, o.StopTime = stamp(first), stamp(last.AddDate(0, 0, 1))
	}
	if c, ok := stixConfidence[r.Confidence]; ok {
		o.Confidence = &c
	}
	if r.Modality != "" && r.Modality != app.Asserted {
		o.Labels = []string{r.Modality}
	}
	desc := r.SourceName + " " + firstSet(r.TypeLabel, t.Label, r.Type) + " " + r.TargetName
	if r.Modality != "" && r.Modality != app.Asserted {
		desc += " (" + r.Modality + ")"
	}
	desc += "; " + r.Confidence + "."
	if e := firstEvidence(&r); e.Quote != "" {
		desc += " “" + e.Quote + "” — " + citation(e)
	}
	if r.Note != "" {
		desc += "\n\n" + r.Note
	}
	o.Description = desc
	for _, e := range r.Evidence {
		o.ExternalRefs = append(o.ExternalRefs, stixExternal{SourceName: firstSet(e.Source, "article"),
			Description: strings.TrimSpace(e.Quote + " (" + citation(e) + ")"), URL: absoluteURL(e.ArticleURL),
			ExternalID: e.ArticleUUID})
	}
	return o
}

// citation names an evidence's article: "Title, Outlet, 27 Jan 2026".
func citation(e app.Evidence) string {
	parts := []string{}
	for _, p := range []string{e.ArticleTitle, e.Source, e.ArticleDate.Human()} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, ", ")
}

func stixReport(a app.Article, refs []string) stixObject {
	published := a.Filed
	if t, ok := a.Date.Time(); ok {
		published = t
	}
	modified := a.Updated
	if modified.Before(a.Filed) {
		modified = a.Filed
	}
	o := stixObject{Type: "report", SpecVersion: "2.1", ID: stixID("report", a.UUID),
		Created: stamp(a.Filed), Modified: stamp(modified), Name: a.Title, ReportTypes: []string{"news"},
		Published: stamp(published), ObjectRefs: refs, Labels: a.Tags, XDossierUUID: a.UUID}
	if a.Source != "" || absoluteURL(a.URL) != "" {
		o.ExternalRefs = []stixExternal{{SourceName: firstSet(a.Source, "article"), URL: absoluteURL(a.URL),
			ExternalID: a.UUID}}
	}
	return o
}

// absoluteURL returns u when it is an absolute http(s) URL, else "": STIX wants a URI,
// and a filed article may carry a bare host or nothing.
func absoluteURL(u string) string {
	p, err := url.Parse(u)
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return ""
	}
	return u
}

// reportPage is how many articles' reports are looked up at once.
const reportPage = 500

// reportRefs lists what an article's report refers to: the relationships it backs and
// their actors, those of this dossier only when the export is of one actor.
func reportRefs(refs []app.RelationRef, scope int64, actorRef func(string) string) []string {
	var out []string
	seen := map[string]bool{}
	add := func(id string) {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	for _, r := range refs {
		if scope != 0 && r.SourceID != scope && r.TargetID != scope {
			continue // backs a relation outside this dossier
		}
		add(stixID("relationship", r.RelationUUID))
		add(actorRef(r.SourceUUID))
		add(actorRef(r.TargetUUID))
	}
	return out
}
