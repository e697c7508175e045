package app

import (
	"strings"
	"time"
	"unicode/utf8"
)

// Polarity says whether a relation type is cooperative, conflictual or neutral.
type Polarity string

// Polarities.
const (
	Cooperative Polarity = "cooperative"
	Conflictual Polarity = "conflictual"
	Neutral     Polarity = "neutral"
)

// Family groups relation types: lasting structure, things said, things done.
type Family string

// Families.
const (
	Structural Family = "structural"
	Verbal     Family = "verbal"
	Material   Family = "material"
)

// RelationType is one entry of the project's relation vocabulary.
type RelationType struct {
	Key      string // "threatens"
	Label    string // "threatens"
	Inverse  string // "is threatened by"; equal to Label for undirected types
	Directed bool
	Polarity Polarity
	Family   Family
}

// Validate checks a user-made relation type.
func (t *RelationType) Validate() error {
	t.Key = strings.TrimSpace(t.Key)
	t.Label = strings.TrimSpace(t.Label)
	t.Inverse = strings.TrimSpace(t.Inverse)
	if t.Key == "" {
		t.Key = strings.ReplaceAll(Fold(t.Label), " ", "_")
	}
	if t.Label == "" || t.Key == "" {
		return Errorf(EINVALID, "A relation type needs a label, e.g. “threatens”.")
	}
	if t.Inverse == "" {
		if t.Directed {
			return Errorf(EINVALID, "The directed relation type “%s” needs an inverse wording, e.g. “is threatened by”.", t.Label)
		}
		t.Inverse = t.Label
	}
	switch t.Polarity {
	case Cooperative, Conflictual, Neutral:
	case "":
		t.Polarity = Neutral
	default:
		return Errorf(EINVALID, "“%s” is not a polarity; use cooperative, conflictual or neutral.", t.Polarity)
	}
	switch t.Family {
	case Structural, Verbal, Material:
	case "":
		t.Family = Verbal
	default:
		return Errorf(EINVALID, "“%s” is not a family; use structural, verbal or material.", t.Family)
	}
	return nil
}

// Confidence levels of a relation.
const (
	Confirmed = "confirmed"
	Reported  = "reported"
	Alleged   = "alleged"
)

// Confidences lists the confidence levels, surest first.
var Confidences = []string{Confirmed, Reported, Alleged}

// Modalities of a relation: a threat to do something is not the deed.
const (
	Asserted     = "asserted"
	Conditional  = "conditional"
	Threatened   = "threatened"
	Hypothetical = "hypothetical"
	Denied       = "denied"
)

// Modalities lists the modalities, the default first.
var Modalities = []string{Asserted, Conditional, Threatened, Hypothetical, Denied}

// Relation is a typed, dated, sourced link from one actor to another.
type Relation struct {
	ID         int64
	UUID       string
	SourceID   int64
	Type       string // RelationType.Key
	TargetID   int64
	Start      Date
	End        Date
	Confidence string
	Modality   string
	SpeakerID  int64 // 0 when the outlet itself asserts it
	Note       string
	Evidence   []Evidence
	// Updated is when the relation (its evidence included) was last changed, as read:
	// UpdateRelation refuses to save over a change made since (ECONFLICT). Zero skips
	// that check.
	Updated time.Time

	// Filled in by the store when reading.
	SourceName  string
	TargetName  string
	SpeakerName string
	TypeLabel   string
	SourceUUID  string
	TargetUUID  string
	SourceKind  ActorKind
	TargetKind  ActorKind
}

// Evidence ties a relation to an article and the passage that supports it.
type Evidence struct {
	ID           int64
	UUID         string
	ArticleID    int64
	ArticleUUID  string // filled in by the store when reading, for exports
	Quote        string
	Start, End   int // character (rune) offsets of the quote in the article body; -1 when not located
	ArticleTitle string
	ArticleURL   string
	ArticleDate  Date
	Source       string
}

// Normalize fills defaults and trims text.
func (r *Relation) Normalize() {
	r.Note = strings.TrimSpace(NormalizeNewlines(r.Note))
	if r.Confidence == "" {
		r.Confidence = Reported
	}
	if r.Modality == "" {
		r.Modality = Asserted
	}
	r.Confidence = strings.ToLower(strings.TrimSpace(r.Confidence))
	r.Modality = strings.ToLower(strings.TrimSpace(r.Modality))
	for i := range r.Evidence {
		r.Evidence[i].Quote = strings.TrimSpace(NormalizeNewlines(r.Evidence[i].Quote))
	}
}

// Validate reports the first thing wrong with the relation that can be seen without the store.
func (r *Relation) Validate() error {
	switch {
	case r.SourceID == 0 || r.TargetID == 0:
		return Errorf(EINVALID, "A relation needs both a source actor and a target actor.")
	case r.SourceID == r.TargetID:
		return Errorf(EINVALID, "A relation links two different actors; source and target are the same.")
	case r.Type == "":
		return Errorf(EINVALID, "A relation needs a type, e.g. “threatens”.")
	case !contains(Confidences, r.Confidence):
		return Errorf(EINVALID, "“%s” is not a confidence level; use %s.", r.Confidence, strings.Join(Confidences, ", "))
	case !contains(Modalities, r.Modality):
		return Errorf(EINVALID, "“%s” is not a modality; use %s.", r.Modality, strings.Join(Modalities, ", "))
	case !utf8.ValidString(r.Note):
		return Errorf(EINVALID, "The note is not valid UTF-8 text.")
	}
	if err := r.Start.Validate(); err != nil {
		return err
	}
	if err := r.End.Validate(); err != nil {
		return err
	}
	if r.End != "" && r.Start != "" && r.End < r.Start {
		return Errorf(EINVALID, "The relation ends (%s) before it starts (%s).", r.End.Human(), r.Start.Human())
	}
	for _, e := range r.Evidence {
		if e.ArticleID == 0 && e.Quote != "" {
			return Errorf(EINVALID, "A quote needs the article it comes from.")
		}
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// RelationQuery selects relations.
type RelationQuery struct {
	ActorID   int64 // relations this actor takes part in, either side; 0 for all
	ArticleID int64 // relations backed by this article; 0 for all
	Offset    int
	Limit     int
}

// Reported returns the date the relation was first reported: the earliest date of the
// articles that back it, "" when none is dated. It is the articles' date, not the event's.
func (r Relation) Reported() Date {
	var first Date
	for _, e := range r.Evidence {
		if e.ArticleDate != "" && (first == "" || e.ArticleDate < first) {
			first = e.ArticleDate
		}
	}
	return first
}

// When says when the relation happened and, where that is not the day it was first
// reported, the day it was: "27 Jan 2026 (reported 28 Jan 2026)", "date unknown (reported
// 28 Jan 2026)", "27 Jan 2026". The two are never merged: an event is often older than
// the article that reports it. "" for an undated relation with no dated source.
func (r Relation) When() string {
	when := Range(r.Start, r.End)
	rep := r.Reported()
	switch {
	case rep == "" || rep == r.Start && r.End == "":
		return when
	case when == "":
		return "date unknown (reported " + rep.Human() + ")"
	}
	return when + " (reported " + rep.Human() + ")"
}
