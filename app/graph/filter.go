// Package graph is the pure assembly behind the dossier's filters, its ego graph, the
// project network, "how are A and B connected?" and the timelines: it knows no SQL and no
// GUI. The store reads Links (light relation rows) and Actors in one read transaction;
// this package filters them, builds graphs with their counts and cuts (never silent),
// finds paths and bins dates by their precision.
package graph

import (
	"strings"
	"time"

	"dossier/app"
)

// Link is one relation as the graph and the filters read it: no quotes unless the text
// filter needs them.
type Link struct {
	ID         int64
	From, To   int64 // source and target actor ids
	Type       string
	Start, End app.Date
	// Reported is the earliest date of the articles backing the relation, "" when none is dated.
	Reported   app.Date
	Confidence string
	Modality   string
	Articles   int    // distinct backing articles
	Text       string // note and quotes, for the text filter; "" when not read
	// Tags are what a tag filter looks at: the tags of the live articles backing the
	// relation, or of its two actors (Filter.TagOf); nil when not read.
	Tags []string
}

// Actor is a node's identity.
type Actor struct {
	ID   int64
	Name string
	Kind app.ActorKind
}

// Filter narrows a dossier, a graph or a timeline. The zero Filter keeps everything.
type Filter struct {
	From, To app.Date // relations whose time overlaps this range (precision-aware)
	// AsOf shows things as they stood on that date: only relations reported (or, when
	// never reported by a dated article, starting) by then.
	AsOf        app.Date
	Types       []string // relation type keys
	Polarities  []app.Polarity
	Confidences []string
	Modalities  []string
	Kinds       []app.ActorKind // the counterpart's kind
	Text        string          // in the names, the wording, the note or the quotes
	// Tag keeps the relations backed by an article carrying it (TagOf ArticleTags), or
	// with an actor carrying it at either end (ActorTags); compared as Fold does.
	Tag   string
	TagOf TagScope
}

// TagScope says whose tags a tag filter looks at.
type TagScope string

// The tags a filter can look at.
const (
	ArticleTags TagScope = "articles"
	ActorTags   TagScope = "actors"
)

// NeedsTags reports whether the store must read the tags (Link.Tags) for this filter.
func (f Filter) NeedsTags() bool { return strings.TrimSpace(f.Tag) != "" }

// hasTag reports whether tags hold tag, compared as Fold does (tags are the user's words,
// written one way on one article and another way on the next).
func hasTag(tags []string, tag string) bool {
	want := app.Fold(strings.TrimSpace(tag))
	for _, t := range tags {
		if app.Fold(strings.TrimSpace(t)) == want {
			return true
		}
	}
	return false
}

// Active reports whether the filter narrows anything.
func (f Filter) Active() bool {
	return f.From != "" || f.To != "" || f.AsOf != "" || len(f.Types) > 0 || len(f.Polarities) > 0 ||
		len(f.Confidences) > 0 || len(f.Modalities) > 0 || len(f.Kinds) > 0 || strings.TrimSpace(f.Text) != "" || f.NeedsTags()
}

// NeedsText reports whether the store must read the quotes and notes for this filter.
func (f Filter) NeedsText() bool { return strings.TrimSpace(f.Text) != "" }

// Describe says in words what the filter keeps, for notices and exports: "conflictual;
// 1 Jan 2026 – 31 Jan 2026". "" when it keeps everything.
func (f Filter) Describe() string {
	var parts []string
	if f.From != "" || f.To != "" {
		parts = append(parts, "dated "+rangeText(f.From, f.To))
	}
	if f.AsOf != "" {
		parts = append(parts, "as of "+f.AsOf.Human())
	}
	add := func(label string, vals []string) {
		if len(vals) > 0 {
			parts = append(parts, label+strings.Join(vals, ", "))
		}
	}
	add("", f.Types)
	pol := make([]string, len(f.Polarities))
	for i, p := range f.Polarities {
		pol[i] = string(p)
	}
	add("", pol)
	add("", f.Confidences)
	add("", f.Modalities)
	kinds := make([]string, len(f.Kinds))
	for i, k := range f.Kinds {
		kinds[i] = k.Label()
	}
	add("counterpart: ", kinds)
	if t := strings.TrimSpace(f.Text); t != "" {
		parts = append(parts, "“"+t+"”")
	}
	if f.NeedsTags() {
		whose := "articles"
		if f.TagOf == ActorTags {
			whose = "actors"
		}
		parts = append(parts, whose+" tagged “"+strings.TrimSpace(f.Tag)+"”")
	}
	return strings.Join(parts, "; ")
}

func rangeText(from, to app.Date) string {
	switch {
	case from == "":
		return "until " + to.Human()
	case to == "":
		return "from " + from.Human()
	}
	return from.Human() + " – " + to.Human()
}

// Verdict is why a link was kept or not.
type Verdict int

// Verdicts. Undated is apart from Out: a date range or an "as of" cannot place an undated
// relation, and the user is told how many were left out for that reason.
const (
	In Verdict = iota
	Out
	Undated
)

// Check decides whether l, seen from the actor whose counterpart is other, passes the
// filter. t is l's type (its polarity). Counterpart kind and the text look at other
// (and, for the text, at both names and the wording).
func (f Filter) Check(l Link, t app.RelationType, self, other Actor) Verdict {
	if !f.keeps(l, t, self, other) {
		return Out
	}
	return f.checkLinkDates(l)
}

// keeps checks everything but the dates: type, polarity, confidence, modality, the
// counterpart's kind, the tag and the text.
func (f Filter) keeps(l Link, t app.RelationType, self, other Actor) bool {
	switch {
	case !f.KeepsType(t, l.Type), !f.KeepsConfidence(l.Confidence), !f.KeepsModality(l.Modality),
		!f.KeepsKind(other.Kind), f.NeedsTags() && !hasTag(l.Tags, f.Tag):
		return false
	}
	if q := app.Fold(strings.TrimSpace(f.Text)); q != "" {
		hay := app.Fold(self.Name + " " + t.Label + " " + t.Inverse + " " + other.Name + " " + l.Text)
		return strings.Contains(hay, q)
	}
	return true
}

// The parts of Check that look at one column each, so that a store can turn them into
// conditions of its own (OnlyColumns) and still decide exactly as Check does.

// KeepsType checks the relation type key and its polarity (t is the type of key).
func (f Filter) KeepsType(t app.RelationType, key string) bool {
	return (len(f.Types) == 0 || has(f.Types, key)) && (len(f.Polarities) == 0 || has(f.Polarities, t.Polarity))
}

// KeepsConfidence checks a relation's confidence.
func (f Filter) KeepsConfidence(c string) bool {
	return len(f.Confidences) == 0 || has(f.Confidences, c)
}

// KeepsModality checks a relation's modality.
func (f Filter) KeepsModality(m string) bool { return len(f.Modalities) == 0 || has(f.Modalities, m) }

// KeepsKind checks the counterpart's kind.
func (f Filter) KeepsKind(k app.ActorKind) bool { return len(f.Kinds) == 0 || has(f.Kinds, k) }

// OnlyColumns reports whether the filter looks at nothing but the columns of the four
// Keeps checks: then Check is In exactly when all four pass (never Undated), and a store
// may count with them as conditions instead of reading every relation.
func (f Filter) OnlyColumns() bool {
	return f.From == "" && f.To == "" && f.AsOf == "" && !f.NeedsText() && !f.NeedsTags()
}

// checkLinkDates checks the "as of" and the date range; a relation they cannot place
// is Undated.
func (f Filter) checkLinkDates(l Link) Verdict {
	if f.AsOf != "" {
		known := l.Reported
		if known == "" {
			known = l.Start
		}
		if known == "" {
			return Undated
		}
		if !StartsBy(known, f.AsOf) {
			return Out
		}
	}
	if f.From != "" || f.To != "" {
		if l.Start == "" {
			return Undated
		}
		if !Overlaps(l.Start, l.End, f.From, f.To) {
			return Out
		}
	}
	return In
}

// CheckDate decides whether an article dated d passes the filter's dates: its range and
// its "as of". The relation-only parts of the filter do not apply to articles.
func (f Filter) CheckDate(d app.Date) Verdict {
	if f.From == "" && f.To == "" && f.AsOf == "" {
		return In
	}
	if d == "" {
		return Undated
	}
	if f.AsOf != "" && !StartsBy(d, f.AsOf) {
		return Out
	}
	if (f.From != "" || f.To != "") && !Overlaps(d, "", f.From, f.To) {
		return Out
	}
	return In
}

func has[T comparable](list []T, v T) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// Span is the stretch of time a partial date covers: "2026" is the whole year,
// "2026-01" the whole month, "2026-01-28" the day. End is exclusive.
type Span struct{ Start, End time.Time }

// SpanOf returns the span of d, false when d is unknown or malformed.
func SpanOf(d app.Date) (Span, bool) {
	t, ok := d.Time()
	if !ok || t.Year() < app.MinYear || t.Year() > app.MaxYear {
		return Span{}, false
	}
	switch d.Precision() {
	case app.Year:
		return Span{t, t.AddDate(1, 0, 0)}, true
	case app.Month:
		return Span{t, t.AddDate(0, 1, 0)}, true
	}
	return Span{t, t.AddDate(0, 0, 1)}, true
}

// SpanOfRange is the span from start's first day to end's last day (start's when end is
// "").
func SpanOfRange(start, end app.Date) (Span, bool) {
	s, ok := SpanOf(start)
	if !ok {
		return s, false
	}
	if e, ok := SpanOf(end); ok && e.End.After(s.End) {
		s.End = e.End
	}
	return s, true
}

// Overlaps reports whether the time of [start, end] meets the range [from, to], each an
// inclusive partial date ("" is open). "2026" meets a range from 2026-06-01: part of that
// year is in it.
func Overlaps(start, end, from, to app.Date) bool {
	s, ok := SpanOfRange(start, end)
	if !ok {
		return false
	}
	if f, ok := SpanOf(from); ok && !s.End.After(f.Start) {
		return false
	}
	if t, ok := SpanOf(to); ok && !s.Start.Before(t.End) {
		return false
	}
	return true
}

// StartsBy reports whether d begins no later than the last day of asOf: a relation
// reported "2026-01" was known by 2026-01-31, possibly earlier.
func StartsBy(d, asOf app.Date) bool {
	s, ok := SpanOf(d)
	a, ok2 := SpanOf(asOf)
	if !ok || !ok2 {
		return false
	}
	return s.Start.Before(a.End)
}
