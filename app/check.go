package app

import "time"

// CheckItem is the result of one check of a project: what was checked, how many things it
// looked at, how long it took and what it found wrong (nothing: the check passed).
type CheckItem struct {
	Name     string        `json:"name"`     // "integrity", "full-text index articles_fts", "orphan mentions"…
	Checked  int64         `json:"checked"`  // how many things (rows, pages, tables) it looked at
	Unit     string        `json:"unit"`     // what Checked counts: "pages", "rows", "tables"
	Took     time.Duration `json:"took_ns"`  // how long it ran
	Problems []string      `json:"problems"` // what is wrong, in words; empty when whole
	// Cut says how many more problems were found than Problems lists.
	Cut int `json:"cut,omitempty"`
}

// OK reports whether the check found nothing wrong.
func (c CheckItem) OK() bool { return len(c.Problems) == 0 && c.Cut == 0 }

// IntegrityCheck is the name of the check of every page of the file (SQLite's
// integrity_check); what it finds is damage no repair can mend in place.
const IntegrityCheck = "integrity"

// CheckReport is what a full check of a project found, check by check.
type CheckReport struct {
	Items  []CheckItem   `json:"checks"`
	Tables int           `json:"tables"` // tables in the project, full-text indexes included
	Rows   int64         `json:"rows"`   // rows of the ordinary tables
	Took   time.Duration `json:"took_ns"`
}

// OK reports whether every check passed.
func (r CheckReport) OK() bool {
	for _, c := range r.Items {
		if !c.OK() {
			return false
		}
	}
	return true
}

// RepairChange is one kind of change a repair made, with how many things it changed.
type RepairChange struct {
	Kind  string `json:"kind"`  // "orphan mentions removed", "full-text index rebuilt"…
	Count int64  `json:"count"` // how many rows it removed, indexed or changed
	What  string `json:"what"`  // the change in words
}

// RepairReport says exactly what a repair changed; no Changes means it changed nothing.
type RepairReport struct {
	Changes []RepairChange `json:"changes"`
	Took    time.Duration  `json:"took_ns"`
	// Undo is the backup taken just before the repair ("" when the caller took none).
	Undo string `json:"undo,omitempty"`
}

// PageDamage is the first problem the integrity check found, "" when it passed (or did
// not run).
func (r CheckReport) PageDamage() string {
	for _, c := range r.Items {
		if c.Name == IntegrityCheck && !c.OK() {
			if len(c.Problems) == 0 {
				return "SQLite's integrity check failed"
			}
			return "SQLite's integrity check: " + c.Problems[0]
		}
	}
	return ""
}
