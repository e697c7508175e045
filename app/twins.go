package app

import (
	"fmt"
	"strings"
)

// Twin facts: the same relation or actor filed twice splits its evidence and its dossier in
// two. These rules say when a new relation or actor is one the project already holds.

// DatesOverlap reports whether two date ranges can be the same time. A partial date stands
// for all of its days, so 2026-01 overlaps 2026-01-27 and 2026 overlaps both; a range runs
// from its start's first day to its end's last (the start's, when it has no end), and an
// end alone ("until Mar 2026") is open to the past. An undated relation (neither start nor
// end) overlaps only another undated one: its time is unknown, not "any time", and joining
// it to a dated relation would date it silently.
func DatesOverlap(aStart, aEnd, bStart, bEnd Date) bool {
	aLo, aHi, aDated := dateSpan(aStart, aEnd)
	bLo, bHi, bDated := dateSpan(bStart, bEnd)
	if !aDated || !bDated {
		return !aDated && !bDated
	}
	return aLo <= bHi && bLo <= aHi
}

// dateSpan returns the first and last instants of a range as text that sorts as time:
// a partial ISO date sorts before all its days, and the date followed by "~" (after every
// digit and "-") after them.
func dateSpan(start, end Date) (lo, hi string, dated bool) {
	if start == "" && end == "" {
		return "", "", false
	}
	if end == "" {
		end = start
	}
	return string(start), string(end) + "~", true
}

// SameFact reports whether b records the fact a does: the same source, type and target
// (either way round when the type is undirected), the same modality and speaker (a denial
// is no evidence of the deed, and "Iran says" is another claim than the outlet's), and
// dates that overlap.
func SameFact(a, b Relation, directed bool) bool {
	if a.Type != b.Type || a.Modality != b.Modality || a.SpeakerID != b.SpeakerID {
		return false
	}
	same := a.SourceID == b.SourceID && a.TargetID == b.TargetID
	swapped := !directed && a.SourceID == b.TargetID && a.TargetID == b.SourceID
	if !same && !swapped {
		return false
	}
	return DatesOverlap(a.Start, a.End, b.Start, b.End)
}

// SameEvidence reports whether two sources are the same article and passage, white space
// aside: the second adds nothing to the first.
func SameEvidence(a, b Evidence) bool {
	return a.ArticleID == b.ArticleID && strings.Join(strings.Fields(a.Quote), " ") == strings.Join(strings.Fields(b.Quote), " ")
}

// RelationFiled says what recording a relation did: filed it, or found it already filed
// and gave its twin the new sources instead.
type RelationFiled struct {
	Relation Relation // the new relation, or the existing twin as stored after the sources were added
	Existing bool     // the relation was already filed: nothing new was created
	Added    int      // sources added to the existing relation
	Known    int      // sources it already had ("already recorded")
	// NoteAdded is set when the new relation's note was appended to the twin's note.
	NoteAdded bool
	// Confidence is the confidence the new relation gave when it differs from the twin's,
	// which is kept; "" when they agree.
	Confidence string
}

// Summary says in one line what was done, as the batch interface and the window report it:
// "added evidence to relation #2", "relation #2 already records this article and quote".
func (f RelationFiled) Summary() string {
	if !f.Existing {
		return fmt.Sprintf("recorded relation #%d", f.Relation.ID)
	}
	var s string
	switch {
	case f.Added > 0 && f.Known > 0:
		s = fmt.Sprintf("added evidence to relation #%d (%d new source(s); %d already recorded)", f.Relation.ID, f.Added, f.Known)
	case f.Added > 0:
		s = fmt.Sprintf("added evidence to relation #%d", f.Relation.ID)
	case f.Known > 0:
		s = fmt.Sprintf("already recorded: relation #%d has this article and quote", f.Relation.ID)
	default:
		s = fmt.Sprintf("already recorded: relation #%d records this; nothing added", f.Relation.ID)
	}
	if f.NoteAdded {
		s += "; note appended to its note"
	}
	if f.Confidence != "" {
		s += fmt.Sprintf("; its confidence stays %s (you gave %s)", f.Relation.Confidence, f.Confidence)
	}
	return s
}

// NameClash is an actor that already goes by a name a new actor would take.
type NameClash struct {
	Name    string // the name as the new actor gives it
	ActorID int64
	Actor   string // that actor's name
	Kind    ActorKind
}

// String names the clash: "“Maliki” is already a name of Nouri al-Maliki (#3, person)".
func (c NameClash) String() string {
	if Fold(c.Name) == Fold(c.Actor) {
		return fmt.Sprintf("“%s” is already the actor %s (#%d, %s)", c.Name, c.Actor, c.ActorID, c.Kind.Label())
	}
	return fmt.Sprintf("“%s” is already a name of %s (#%d, %s)", c.Name, c.Actor, c.ActorID, c.Kind.Label())
}
