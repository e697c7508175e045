package app

import (
	"fmt"
	"strings"
	"time"
)

// ConflictChoice says what a merge does with a record changed on both sides since the
// projects last met: keep mine, take theirs, or keep both (theirs as a new record).
type ConflictChoice string

const (
	KeepMine   ConflictChoice = "mine"
	TakeTheirs ConflictChoice = "theirs"
	KeepBoth   ConflictChoice = "both"
)

// ProjectMergeOptions steer a merge of another project into this one.
type ProjectMergeOptions struct {
	DryRun bool
	// Conflicts is how conflicts are settled; "" refuses a merge that has any, so that
	// none is settled without the researcher seeing it.
	Conflicts ConflictChoice
	// Keep settles conflicts one by one, by the record's UUID, before Conflicts settles
	// the rest. A UUID that is not a conflict of the merge is refused: a choice that
	// would silently do nothing is a mistake to say.
	Keep map[string]ConflictChoice
}

// MergeCount is what a merge does with one kind of record.
type MergeCount struct {
	Kind      string `json:"kind"` // actor, article, relation, note
	Added     int    `json:"added"`
	Updated   int    `json:"updated"`   // changed on their side only: taken
	Unchanged int    `json:"unchanged"` // the same on both sides
	KeptMine  int    `json:"kept_mine"` // changed on my side only: kept
}

// MergeItem is one record the report names, and why.
type MergeItem struct {
	Kind  string `json:"kind"`
	UUID  string `json:"uuid"`
	Label string `json:"label"`
	Why   string `json:"why"`
}

// ProjectMergeReport says what merging another project did, or would do.
type ProjectMergeReport struct {
	From   string       `json:"from"`
	DryRun bool         `json:"dry_run"`
	Counts []MergeCount `json:"counts"`
	// Conflicts were changed on both sides; Why says how they were settled (or that
	// they were not, in a dry run or a refused merge).
	Conflicts []MergeItem `json:"conflicts"`
	// Shown, never applied: deletions on one side, their articles that are mine under
	// another UUID (same address or text), and what refers to a record this project lacks.
	DeletedHere  []MergeItem `json:"deleted_here"`
	DeletedThere []MergeItem `json:"deleted_there"`
	SameArticle  []MergeItem `json:"same_article"`
	LeftOut      []MergeItem `json:"left_out"`
	// Duplicates counts the pairs of actors now proposed as probably the same that
	// involve an actor the merge added (View ▸ Duplicate actors).
	Duplicates int           `json:"duplicates"`
	Took       time.Duration `json:"took_ns"`
}

// Changed reports whether the merge added or changed anything.
func (r ProjectMergeReport) Changed() bool {
	for _, c := range r.Counts {
		if c.Added+c.Updated > 0 {
			return true
		}
	}
	for _, c := range r.Conflicts {
		if strings.HasPrefix(c.Why, "took theirs") || strings.HasPrefix(c.Why, "kept both") {
			return true
		}
	}
	return false
}

// Text is the report in words, a line per count and per named record.
func (r ProjectMergeReport) Text() string {
	var b strings.Builder
	verb := "merged"
	if r.DryRun {
		verb = "would merge"
	}
	fmt.Fprintf(&b, "%s %s:\n", verb, r.From)
	for _, c := range r.Counts {
		fmt.Fprintf(&b, "  %ss: %d added, %d updated from theirs, %d kept as mine, %d the same\n", c.Kind, c.Added, c.Updated, c.KeptMine, c.Unchanged)
	}
	for _, g := range []struct {
		title string
		items []MergeItem
	}{
		{"conflicts (changed on both sides)", r.Conflicts},
		{"deleted here, kept deleted", r.DeletedHere},
		{"deleted in theirs, kept here", r.DeletedThere},
		{"their article is one of mine under another id, not added twice", r.SameArticle},
		{"left out", r.LeftOut},
	} {
		if len(g.items) == 0 {
			continue
		}
		fmt.Fprintf(&b, "%s: %d\n", g.title, len(g.items))
		for _, it := range g.items {
			fmt.Fprintf(&b, "  %s “%s” (%s): %s\n", it.Kind, it.Label, it.UUID, it.Why)
		}
	}
	if r.Duplicates > 0 {
		fmt.Fprintf(&b, "%d pair(s) of actors now look like duplicates: see View ▸ Duplicate actors or dossier actors duplicates\n", r.Duplicates)
	}
	return b.String()
}
