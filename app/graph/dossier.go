package graph

import (
	"cmp"
	"slices"
	"sort"

	"dossier/app"
)

// Counts says what a filter did, so that every section can say "12 of 4,737" and name
// what an undated item could not be placed by.
type Counts struct {
	Relations, RelationsShown int // matching relations; how many of them are listed
	RelationTotal             int // all the actor's relations, before the filter
	RelationsUndated          int // left out because a date range or "as of" cannot place them
	Articles, ArticlesShown   int
	ArticleTotal              int
	ArticlesUndated           int
}

// Select returns, newest first, the links of center that pass f, and the counts. actors
// gives the counterparts' names and kinds; types the vocabulary.
func Select(center Actor, links []Link, actors map[int64]Actor, types map[string]app.RelationType, f Filter) ([]Link, Counts) {
	c := Counts{RelationTotal: len(links)}
	var out []Link
	// A busy actor's relations share a few hundred dates: each date's verdict is worked
	// out once (checkLinkDates looks at nothing else of a link).
	dated := map[[3]app.Date]Verdict{}
	for _, l := range links {
		other := l.To
		if other == center.ID {
			other = l.From
		}
		v := Out
		if f.keeps(l, types[l.Type], center, actors[other]) {
			k := [3]app.Date{l.Start, l.End, l.Reported}
			var ok bool
			if v, ok = dated[k]; !ok {
				v = f.checkLinkDates(l)
				dated[k] = v
			}
		}
		switch v {
		case In:
			out = append(out, l)
		case Undated:
			c.RelationsUndated++
		}
	}
	SortNewest(out)
	c.Relations = len(out)
	return out, c
}

// SortNewest orders links newest first (by start, then id), undated last. The ids make
// the order total, so an unstable sort gives the stable one's order with fewer moves of
// these large values.
func SortNewest(ls []Link) {
	slices.SortFunc(ls, func(a, b Link) int {
		if c := cmp.Compare(b.Start, a.Start); c != 0 {
			return c
		}
		return cmp.Compare(b.ID, a.ID)
	})
}

// SeenFrom turns relations into the view of them from actorID, grouped by wording: the
// group with most relations first, then the group with the newest, newest first inside a
// group.
func SeenFrom(actorID int64, rels []app.Relation, types map[string]app.RelationType) []app.DossierRelation {
	out := make([]app.DossierRelation, 0, len(rels))
	for _, r := range rels {
		t := types[r.Type]
		dr := app.DossierRelation{Relation: r, Polarity: t.Polarity, Verb: t.Label}
		switch {
		case !t.Directed:
			dr.Direction = app.Undirected
		case r.SourceID == actorID:
			dr.Direction = app.Outgoing
		default:
			dr.Direction, dr.Verb = app.Incoming, t.Inverse
		}
		if r.SourceID == actorID {
			dr.CounterpartID, dr.CounterpartName, dr.CounterpartKind = r.TargetID, r.TargetName, r.TargetKind
		} else {
			dr.CounterpartID, dr.CounterpartName, dr.CounterpartKind = r.SourceID, r.SourceName, r.SourceKind
		}
		out = append(out, dr)
	}
	size, newest := map[string]int{}, map[string]app.Date{}
	for _, r := range out {
		size[r.Verb]++
		newest[r.Verb] = max(newest[r.Verb], r.Start)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Verb, out[j].Verb
		switch {
		case a == b:
			return out[i].Start > out[j].Start
		case size[a] != size[b]:
			return size[a] > size[b]
		case newest[a] != newest[b]:
			return newest[a] > newest[b]
		}
		return a < b
	})
	return out
}

// EvidenceAsOf drops the sources of r published after asOf: the dossier as it stood then
// did not have them. Undated sources stay (nothing says they came later); "" keeps all.
func EvidenceAsOf(r app.Relation, asOf app.Date) app.Relation {
	if asOf == "" {
		return r
	}
	var kept []app.Evidence
	for _, e := range r.Evidence {
		if e.ArticleDate == "" || StartsBy(e.ArticleDate, asOf) {
			kept = append(kept, e)
		}
	}
	r.Evidence = kept
	return r
}

// Associates ranks the counterparts of the listed relations, most linked first, keeping
// co-mention counts already known (by actor id).
func Associates(rels []app.DossierRelation, coMentions map[int64]app.Associate, limit int) []app.Associate {
	byID := map[int64]*app.Associate{}
	for id, a := range coMentions {
		c := a
		byID[id] = &c
	}
	for _, r := range rels {
		a := byID[r.CounterpartID]
		if a == nil {
			a = &app.Associate{ActorID: r.CounterpartID, Name: r.CounterpartName, Kind: r.CounterpartKind}
			byID[r.CounterpartID] = a
		}
		a.Relations++
	}
	out := make([]app.Associate, 0, len(byID))
	for _, a := range byID {
		out = append(out, *a)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Relations != out[j].Relations {
			return out[i].Relations > out[j].Relations
		}
		if out[i].CoMentions != out[j].CoMentions {
			return out[i].CoMentions > out[j].CoMentions
		}
		return out[i].Name < out[j].Name
	})
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out
}

// LinkOf is the light form of a full relation, for filtering one already read.
func LinkOf(r app.Relation) Link {
	l := Link{ID: r.ID, From: r.SourceID, To: r.TargetID, Type: r.Type, Start: r.Start, End: r.End,
		Reported: r.Reported(), Confidence: r.Confidence, Modality: r.Modality, Text: r.Note}
	seen := map[int64]bool{}
	for _, e := range r.Evidence {
		if !seen[e.ArticleID] {
			seen[e.ArticleID] = true
			l.Articles++
		}
		l.Text += "\n" + e.Quote
	}
	return l
}
